"""A conformance suite for validators of the gcm-model dataset format.

The suite is a directory of data files that ships inside the package
(``SUITE``, ``gcm_model/conformance_suite/``): one folder per rule of the
catalogue (``gcm_model.rules``) holding JSON documents that break that rule,
a ``valid`` folder with documents that break no error rule (among them the
example datasets), and ``manifest.json``, which lists every case: its
document, the profile to validate it under, a description and the issues a
validator must report. These files are the only place the cases live; this
module reads them. Any implementation of the format, in any language, can
read the suite (``README.md`` in the folder describes it, and
``python -m gcm_model.conformance --write DIR`` copies it out of an
installed package); a Python one can hand its own validate callable to
``run``.

An expected issue is a rule slug, a severity (``error``, ``warning`` or
``info``, after the profile) and a JSON Pointer into the document. A case
lists the error issues and the issues of its own rule, sorted by path and
then rule; warnings and information of other rules are not part of it (a
small dataset draws several of them, such as ``stakeholder-coverage``).

The cases are small and written by hand from the sources the rule catalogue
quotes for each rule: the General Assembly's modalities resolution
(A/RES/73/326) and, for the UNECE rules, the UNECE 2024 concept note
("Second Regional Review of the Global Compact for Safe, Orderly, and
Regular Migration in the United Nations Economic Commission for Europe
Region: Concept Note", UNECE, 2024).

Examples:
    >>> from gcm_model.conformance import CASES, profile_for
    >>> profile_for("webcast"), profile_for("report-deadline")
    ('default', 'unece-2024')
    >>> case = next(c for c in CASES if c.rule == "report-deadline")
    >>> [issue.to_json() for issue in case.expected]
    [{'rule': 'report-deadline', 'severity': 'warning', 'path': '/reports/0/issued'}]
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import attrs
import orjson

from gcm_model.errors import GcmError, InvalidCodeError, SourceError
from gcm_model.validation import PROFILES, rules
from gcm_model.validation import validate as _validate

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = [
    "CASES",
    "Case",
    "Expected",
    "IssueLike",
    "MANIFEST",
    "Mismatch",
    "SUITE",
    "VALID_EXAMPLES",
    "Validator",
    "main",
    "profile_for",
    "read_suite",
    "run",
    "write_suite",
]

MANIFEST = "manifest.json"
"""The file of the suite that lists its cases."""

README = "README.md"
"""The file of the suite that describes its format."""

SUITE = Path(__file__).resolve().with_name("conformance_suite")
"""The directory of the suite that ships with the package."""

VALID_EXAMPLES = ("unece_2024", "unece_2020", "second_round", "eca_2024")
"""The example datasets (``examples/data/NAME.json``) copied into ``valid/``."""

_FORMAT = 2
"""The version of the suite's layout, recorded in the manifest (1 kept expected issues in files)."""

_SEVERITIES = frozenset({"error", "warning", "info"})

_KEYS = frozenset({"rule", "profile", "document", "description", "expected"})
"""The keys of a case in the manifest, all required."""


def profile_for(rule: str) -> str:
    """The profile a rule's conformance cases and invalid documents are validated under.

    ``default`` for a rule that runs under it; else the first profile that
    runs the rule (``unece-2024`` for the rules of the UNECE 2024 concept
    note's practice, such as ``co-chairs`` and ``report-deadline``).

    Args:
        rule: a rule slug or code.

    Returns:
        The profile's name.

    Raises:
        UnknownCodeError: no such rule (naming the nearest).

    Examples:
        >>> profile_for("GCM310")
        'unece-2024'
    """
    found = rules.lookup(rule)
    if "default" in found.profiles:
        return "default"
    return next(name for name in PROFILES if name in found.profiles)


# -- expected issues and cases -----------------------------------------------------------------


@attrs.frozen(kw_only=True, order=True)
class Expected:
    """An issue as the suite states it: ordered by path, then rule, then severity.

    Attributes:
        path: the JSON Pointer of the value concerned (``""`` for the document).
        rule: the rule's slug.
        severity: ``error``, ``warning`` or ``info``, after the profile.
    """

    path: str
    rule: str
    severity: str

    def to_json(self) -> dict[str, str]:
        """The issue as written in the ``expected`` list of a case in the manifest."""
        return {"rule": self.rule, "severity": self.severity, "path": self.path}

    @classmethod
    def from_json(cls, raw: object) -> Expected:
        """Read an issue of the ``expected`` list of a case in the manifest.

        Args:
            raw: the parsed JSON value.

        Returns:
            The issue.

        Raises:
            InvalidCodeError: not an object of exactly ``rule``, ``severity``
                and ``path`` strings, a severity other than ``error``,
                ``warning`` or ``info``, or a path that is no JSON Pointer.
        """
        if (
            not isinstance(raw, dict)
            or set(raw) != {"rule", "severity", "path"}
            or not all(isinstance(value, str) for value in raw.values())
        ):
            raise InvalidCodeError("expected issue", raw, "needs rule, severity and path strings")
        if raw["severity"] not in _SEVERITIES:
            raise InvalidCodeError("expected issue", raw, "severity is error, warning or info")
        if raw["path"] and not raw["path"].startswith("/"):
            raise InvalidCodeError("expected issue", raw, 'path is "" or starts with "/"')
        return cls(path=raw["path"], rule=raw["rule"], severity=raw["severity"])


@attrs.frozen(kw_only=True)
class Case:
    """One document of the suite and what a validator must report for it.

    Attributes:
        rule: the rule the document breaks, or ``None`` for a valid document.
        name: the file name without ``.json``, such as ``case-1``.
        profile: the profile to validate under.
        description: what the document shows, in one line.
        document: the document's bytes (not JSON, for ``json-syntax``).
        expected: the error issues and the issues of ``rule``, sorted.
    """

    rule: str | None
    name: str
    profile: str
    description: str
    document: bytes = attrs.field(repr=False)
    expected: tuple[Expected, ...]

    @property
    def folder(self) -> str:
        """The case's folder: its rule, or ``valid``."""
        return self.rule or "valid"

    @property
    def document_path(self) -> str:
        """The document's path in the suite, such as ``chronology/case-1.json``."""
        return f"{self.folder}/{self.name}.json"


# -- reading and copying the suite -------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SourceError(path, exc) from None


def _manifest_entries(root: Path) -> list[Any]:
    path = root / MANIFEST
    try:
        manifest = orjson.loads(_read_bytes(path))
    except orjson.JSONDecodeError as exc:
        raise InvalidCodeError("suite manifest", str(path), f"not JSON: {exc}") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("cases"), list):
        raise InvalidCodeError("suite manifest", str(path), "no list of cases")
    if manifest.get("format") != _FORMAT:
        reason = f"format {manifest.get('format')!r}, where this runner reads format {_FORMAT}"
        raise InvalidCodeError("suite manifest", str(path), reason)
    entries: list[Any] = manifest["cases"]
    return entries


def _case(root: Path, entry: object) -> Case:
    """One case of the manifest, with its document read; raises for a malformed entry."""
    if not isinstance(entry, dict) or set(entry) != _KEYS:
        raise InvalidCodeError("suite case", entry, f"needs exactly the keys {sorted(_KEYS)}")
    rule, document = entry["rule"], entry["document"]
    texts = (entry["profile"], document, entry["description"])
    if not (rule is None or isinstance(rule, str)) or not all(isinstance(t, str) for t in texts):
        raise InvalidCodeError("suite case", entry, "rule is a string or null; the rest strings")
    folder, _, file_name = document.partition("/")
    name = file_name.removesuffix(".json")
    if folder != (rule or "valid") or not name or "/" in name or name == file_name:
        reason = f"its document belongs at {rule or 'valid'}/NAME.json"
        raise InvalidCodeError("suite case", document, reason)
    if not isinstance(entry["expected"], list):
        raise InvalidCodeError("suite case", document, "expected is a list of issues")
    return Case(
        rule=rule,
        name=name,
        profile=entry["profile"],
        description=entry["description"],
        document=_read_bytes(root / document),
        expected=tuple(sorted(Expected.from_json(raw) for raw in entry["expected"])),
    )


def read_suite(directory: str | Path = SUITE) -> tuple[Case, ...]:
    """Read the cases of a conformance suite, in manifest order.

    Args:
        directory: the suite: the packaged one by default, or a copy
            (``write_suite``) or another version of it.

    Returns:
        Each case of the manifest, with its document's bytes.

    Raises:
        SourceError: the manifest or a document cannot be read.
        InvalidCodeError: the manifest is not JSON, not of the format this
            module reads, or a case is malformed (a missing or unknown key,
            a document outside its rule's folder, a malformed expected
            issue) or listed twice.
    """
    root = Path(directory)
    cases = tuple(_case(root, entry) for entry in _manifest_entries(root))
    seen: Counter[tuple[str, str]] = Counter((c.document_path, c.profile) for c in cases)
    twice = sorted(key for key, count in seen.items() if count > 1)
    if twice:
        raise InvalidCodeError("suite case", twice[0], "listed twice under one profile")
    return cases


@functools.cache
def _packaged_cases() -> tuple[Case, ...]:
    return read_suite(SUITE)


if TYPE_CHECKING:
    CASES: tuple[Case, ...]
    """The cases of the packaged suite, in manifest order (read on first use)."""
else:

    def __getattr__(name: str) -> object:
        # CASES reads the suite's files, so it is read when first asked for, not on import.
        if name == "CASES":
            return _packaged_cases()
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def write_suite(directory: str | Path) -> list[Path]:
    """Copy the packaged suite into a directory, for an implementation in another language.

    Writes ``manifest.json``, ``README.md`` and every case's document. The
    ``.json`` files already in the suite's folders are removed first, so the
    directory holds exactly the suite (other files stay).

    Args:
        directory: where to write; created if needed.

    Returns:
        The files written, in the order written.

    Raises:
        SourceError: a file of the packaged suite cannot be read.
        InvalidCodeError: the packaged manifest is malformed.
        OSError: the directory cannot be written.
    """
    root = Path(directory)
    cases = _packaged_cases()
    for folder in {case.folder for case in cases}:
        for stale in (root / folder).glob("*.json"):
            stale.unlink()
    files = {name: _read_bytes(SUITE / name) for name in (MANIFEST, README)}
    files |= {case.document_path: case.document for case in cases}  # one file for two profiles
    written = []
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    return written


# -- running the suite ----------------------------------------------------------------------


class IssueLike(Protocol):
    """What ``run`` reads of a reported issue: its rule, severity and path.

    ``severity`` may be a string or an enum whose ``value`` is the string
    (as ``gcm_model.Severity``).
    """

    @property
    def rule(self) -> str:
        """The rule's slug."""

    @property
    def severity(self) -> Any:
        """``error``, ``warning`` or ``info`` (or an enum of them)."""

    @property
    def path(self) -> str:
        """The JSON Pointer of the value concerned."""


class Validator(Protocol):
    """A validate callable: document bytes and a profile name in, issues out.

    The result is either an iterable of issues or an object with an
    ``issues`` attribute (as ``gcm_model.ValidationReport``).
    """

    def __call__(self, source: bytes, *, profile: str) -> Any:
        """Validate a document under a profile."""


@attrs.frozen(kw_only=True)
class Mismatch:
    """A case where a validator's issues differ from the expected ones.

    Attributes:
        document: the document's path in the suite.
        rule: the rule under test, or ``None`` for a valid document.
        profile: the profile validated under.
        missing: expected issues the validator did not report.
        unexpected: issues it reported that the case does not expect.
        error: what the validator raised, if it raised.
    """

    document: str
    rule: str | None
    profile: str
    missing: tuple[Expected, ...] = ()
    unexpected: tuple[Expected, ...] = ()
    error: str | None = None

    def __str__(self) -> str:
        """The case, then one line per missing or unexpected issue."""
        lines = [f"{self.document} (profile {self.profile}):"]
        if self.error is not None:
            lines.append(f"  validate raised {self.error}")
        lines += [f"  missing    {i.severity} {i.rule} at {i.path!r}" for i in self.missing]
        lines += [f"  unexpected {i.severity} {i.rule} at {i.path!r}" for i in self.unexpected]
        return "\n".join(lines)


def _severity(value: Any) -> str:
    return str(getattr(value, "value", value))


def _reported(result: Any, rule: str | None) -> list[Expected]:
    issues = getattr(result, "issues", result)
    found = [
        Expected(path=str(issue.path), rule=str(issue.rule), severity=_severity(issue.severity))
        for issue in issues
    ]
    return sorted(i for i in found if i.severity == "error" or i.rule == rule)


def _check(case: Case, validate: Validator) -> Mismatch | None:
    base = Mismatch(document=case.document_path, rule=case.rule, profile=case.profile)
    try:
        reported = _reported(validate(case.document, profile=case.profile), case.rule)
    except Exception as exc:  # noqa: BLE001 - a validator that raises fails the case, not the run
        return attrs.evolve(base, error=repr(exc))
    expected = list(case.expected)
    if reported == expected:
        return None
    missing, unexpected = (
        Counter(expected) - Counter(reported),
        Counter(reported) - Counter(expected),
    )
    return attrs.evolve(
        base,
        missing=tuple(sorted(missing.elements())),
        unexpected=tuple(sorted(unexpected.elements())),
    )


def _mismatches(cases: Sequence[Case], validate: Validator) -> list[Mismatch]:
    found = (_check(case, validate) for case in cases)
    return [mismatch for mismatch in found if mismatch is not None]


def run(directory: str | Path = SUITE, validate: Validator = _validate) -> list[Mismatch]:
    """Validate every document of a conformance suite and compare with what it expects.

    For each case of the manifest, ``validate(document_bytes, profile=...)``
    is called; of what it reports, the errors and the issues of the case's
    rule are compared, as (rule, severity, path), with the expected issues.

    Args:
        directory: the suite: the packaged one by default, or a copy
            (``write_suite``) or another version of it.
        validate: the validator under test: ``gcm_model.validate`` by
            default, or another implementation's callable returning issues
            (or an object with ``issues``) with ``rule``, ``severity`` and
            ``path``.

    Returns:
        The cases where the validator disagrees, in manifest order (empty
        when it conforms).

    Raises:
        SourceError: a file of the suite cannot be read.
        InvalidCodeError: the manifest or a case of it is malformed.
    """
    return _mismatches(read_suite(directory), validate)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the suite (``python -m gcm_model.conformance [DIR]``) or copy it (``--write DIR``).

    Prints each mismatch and a count; returns 1 when there is a mismatch,
    2 when the suite cannot be read (or written).

    Args:
        argv: the arguments (by default ``sys.argv[1:]``).

    Returns:
        The exit status.
    """
    parser = argparse.ArgumentParser(
        prog="python -m gcm_model.conformance",
        description="Check gcm_model.validate against a conformance suite.",
    )
    parser.add_argument(
        "directory", nargs="?", help="the suite (by default the one shipped with the package)"
    )
    parser.add_argument(
        "--write", action="store_true", help="copy the packaged suite into DIRECTORY instead"
    )
    options = parser.parse_args(argv)
    if options.write and options.directory is None:
        parser.error("--write needs the DIRECTORY to copy the suite into")
    out: Callable[[str], object] = sys.stdout.write
    try:
        if options.write:
            written = write_suite(options.directory)
            out(f"wrote {len(written)} files to {options.directory}\n")
            return 0
        cases = read_suite(options.directory or SUITE)
        mismatches = _mismatches(cases, _validate)
    except (GcmError, OSError) as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    for mismatch in mismatches:
        out(f"{mismatch}\n")
    out(f"{len(cases)} cases, {len(mismatches)} mismatch{'es' if len(mismatches) != 1 else ''}\n")
    return 1 if mismatches else 0


if __name__ == "__main__":
    raise SystemExit(main())  # pragma: no cover - run as python -m, in a subprocess
