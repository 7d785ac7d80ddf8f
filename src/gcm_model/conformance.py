"""A conformance suite for validators of the gcm-model dataset format.

The suite is a directory of JSON documents, each with the issues a
validator must report for it: one folder per rule of the catalogue
(``gcm_model.rules``) holding documents that break that rule, and a
``valid`` folder with documents that break no error rule (the example
datasets). ``manifest.json`` lists every case: its document, its expected
issues and the profile to validate it under. Any implementation of the
format, in any language, can read the suite and compare; a Python one can
hand its own validate callable to ``run``.

An expected issue is a rule slug, a severity (``error``, ``warning`` or
``info``, after the profile) and a JSON Pointer into the document. A case
lists the error issues and the issues of its own rule, sorted by path and
then rule; warnings and information of other rules are not part of it (a
small dataset draws several of them, such as ``stakeholder-coverage``).

The cases are written here by hand, small and fixed, from the rules'
sources (the UNECE 2024 concept note, 001_61412e3f83cb501b.txt, and the
other seeds the catalogue cites); ``write_suite`` writes them, and the
repository's ``conformance/`` directory holds exactly what it writes.

Examples:
    >>> from gcm_model.conformance import CASES, profile_for
    >>> profile_for("report-deadline"), profile_for("rapporteur")
    ('default', 'unece-2024')
    >>> case = next(c for c in CASES if c.rule == "report-deadline")
    >>> [issue.to_json() for issue in case.expected]
    [{'rule': 'report-deadline', 'severity': 'warning', 'path': '/reports/0/issued'}]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import attrs
import orjson

from gcm_model import registry
from gcm_model.errors import GcmError, InvalidCodeError, SourceError
from gcm_model.models.dataset import SCHEMA_VERSION
from gcm_model.validation import PROFILES, rules
from gcm_model.validation import validate as _validate

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

__all__ = [
    "CASES",
    "Case",
    "Expected",
    "IssueLike",
    "MANIFEST",
    "Mismatch",
    "VALID_EXAMPLES",
    "Validator",
    "main",
    "profile_for",
    "run",
    "write_suite",
]

MANIFEST = "manifest.json"
"""The file of the suite that lists its cases."""

VALID_EXAMPLES = ("unece_2024", "unece_2020", "second_round")
"""The example datasets (``examples/data/NAME.json``) copied into ``valid/``."""

_FORMAT = 1
"""The version of the suite's layout, recorded in the manifest."""

_REPOSITORY_EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "data"


def profile_for(rule: str) -> str:
    """The profile a rule's conformance cases and invalid documents are validated under.

    ``default`` for a rule that runs under it; else the first profile that
    runs the rule (``unece-2024`` for the four rules of the UNECE 2024
    concept note: ``hearing-first``, ``background-notes``, ``rapporteur``
    and ``thematic-sessions``).

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
        """The issue as written in an ``.expected.json`` file."""
        return {"rule": self.rule, "severity": self.severity, "path": self.path}

    @classmethod
    def from_json(cls, raw: object) -> Expected:
        """Read an issue of an ``.expected.json`` file.

        Raises:
            InvalidCodeError: not an object of three strings.
        """
        if not isinstance(raw, dict) or not all(
            isinstance(raw.get(key), str) for key in ("rule", "severity", "path")
        ):
            raise InvalidCodeError("expected issue", raw, "needs rule, severity and path strings")
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

    @property
    def expected_path(self) -> str:
        """The expected issues' path, such as ``chronology/case-1.expected.json``."""
        return f"{self.folder}/{self.name}.expected.json"


def _json(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_INDENT_2) + b"\n"


def _doc(**collections: Any) -> bytes:
    return _json({"schema_version": SCHEMA_VERSION, **collections})


def _meeting(**changes: Any) -> dict[str, Any]:
    """The UNECE 2024 regional review meeting, reduced; a change to ``None`` drops a field."""
    fields = {"id": "m1", "title": "Regional Review", "kind": "regional_review"}
    fields |= {"start": "2024-03-11"}
    return {k: v for k, v in {**fields, **changes}.items() if v is not None}


def _session(
    cluster: int, objectives: Sequence[int] | None = None, **fields: Any
) -> dict[str, Any]:
    """A thematic session on a cluster, on all the cluster's objectives unless told."""
    own = registry.clusters.lookup(cluster).objectives
    chosen = list(own if objectives is None else objectives)
    return {"kind": "thematic_session", "cluster": cluster, "objectives": chosen, **fields}


def _person(pid: str, **fields: Any) -> dict[str, Any]:
    return {"id": pid, "kind": "person", **fields}


_REVIEW = {"id": "r1", "round": "regional-2024", "commissions": ["ECE"]}


def _consultation(eid: str = "e1", **changes: Any) -> dict[str, Any]:
    """A consultation of review ``r1``; a change to ``None`` drops a field."""
    fields = {"id": eid, "kind": "consultation", "start": "2024-02-09", "review": "r1", **changes}
    return {k: v for k, v in fields.items() if v is not None}


def _report(**changes: Any) -> dict[str, Any]:
    """An outcome report on meeting ``m1``; a change to ``None`` drops a field."""
    fields = {"id": "rep1", "kind": "outcome_report", "meetings": ["m1"], **changes}
    return {k: v for k, v in fields.items() if v is not None}


def _sections() -> list[str]:
    """The suggested section kinds of a report, in their order."""
    return [k.code for k in sorted(registry.report_section_kinds, key=lambda k: k.order)]


def _issue(rule: str, path: str, severity: str = "error") -> Expected:
    return Expected(path=path, rule=rule, severity=severity)


# One row a case: rule, profile, description, document, expected issues.
_ROWS: tuple[tuple[str, str, str, bytes, tuple[Expected, ...]], ...] = (
    (
        "json-syntax",
        "default",
        "a document cut short",
        b'{"schema_version": "1.0",\n',
        (_issue("json-syntax", ""),),
    ),
    (
        "json-syntax",
        "default",
        "a trailing comma",
        b'{"schema_version": "1.0",}\n',
        (_issue("json-syntax", ""),),
    ),
    (
        "schema-version",
        "default",
        "no schema_version",
        _json({"meetings": [_meeting()]}),
        (_issue("schema-version", "/schema_version"),),
    ),
    (
        "schema-version",
        "default",
        "a schema_version this format does not know",
        _json({"schema_version": "99.0"}),
        (_issue("schema-version", "/schema_version"),),
    ),
    (
        "missing-field",
        "default",
        "a meeting without its title",
        _doc(meetings=[_meeting(title=None)]),
        (_issue("missing-field", "/meetings/0/title"),),
    ),
    (
        "missing-field",
        "default",
        "a thematic session without its cluster",
        _doc(meetings=[_meeting(agenda=[{"kind": "thematic_session"}])]),
        (_issue("missing-field", "/meetings/0/agenda/0/cluster"),),
    ),
    (
        "unknown-field",
        "default",
        "a misspelt field of a meeting",
        _doc(meetings=[_meeting(title=None, titel="Regional Review")]),
        (
            _issue("missing-field", "/meetings/0/title"),
            _issue("unknown-field", "/meetings/0/titel"),
        ),
    ),
    (
        "unknown-field",
        "default",
        "a field beside the collections",
        _doc(comment="draft"),
        (_issue("unknown-field", "/comment"),),
    ),
    (
        "wrong-type",
        "default",
        "a number for a title",
        _doc(meetings=[_meeting(title=3)]),
        (_issue("wrong-type", "/meetings/0/title"),),
    ),
    (
        "wrong-type",
        "default",
        "a string for an objective number",
        _doc(events=[_consultation(review=None, objectives=["11"])]),
        (_issue("wrong-type", "/events/0/objectives/0"),),
    ),
    (
        "invalid-value",
        "default",
        "a blank title",
        _doc(meetings=[_meeting(title=" ")]),
        (_issue("invalid-value", "/meetings/0/title"),),
    ),
    (
        "invalid-value",
        "default",
        "a day not written as YYYY-MM-DD",
        _doc(meetings=[_meeting(start="11/03/2024")]),
        (_issue("invalid-value", "/meetings/0/start"),),
    ),
    (
        "invalid-value",
        "default",
        "a day that does not exist (the JSON Schema cannot say so)",
        _doc(meetings=[_meeting(start="2024-02-30")]),
        (_issue("invalid-value", "/meetings/0/start"),),
    ),
    (
        "unknown-objective",
        "default",
        "objective 24 (there are 23)",
        _doc(events=[_consultation(review=None, objectives=[23, 24])]),
        (_issue("unknown-objective", "/events/0/objectives/1"),),
    ),
    (
        "unknown-code",
        "default",
        "a co-chair that is no country code",
        _doc(meetings=[_meeting(co_chairs=["ESP", "XXX"])]),
        (_issue("unknown-code", "/meetings/0/co_chairs/1"),),
    ),
    (
        "unknown-code",
        "default",
        "a commission that does not exist",
        _doc(meetings=[_meeting(commissions=["UNECE2"])]),
        (_issue("unknown-code", "/meetings/0/commissions/0"),),
    ),
    (
        "cluster-objectives",
        "default",
        "objective 11 (cluster 2) in a session on cluster 1",
        _doc(meetings=[_meeting(agenda=[_session(1, [2, 11])])]),
        (_issue("cluster-objectives", "/meetings/0/agenda/0/objectives/1"),),
    ),
    (
        "chronology",
        "default",
        "a meeting that ends the day before it starts",
        _doc(meetings=[_meeting(end="2024-03-10")]),
        (_issue("chronology", "/meetings/0/end"),),
    ),
    (
        "chronology",
        "default",
        "a consultation held after the meeting it prepares",
        _doc(
            meetings=[_meeting()],
            events=[_consultation(review=None, start="2024-03-12", meeting="m1")],
        ),
        (_issue("chronology", "/events/0/start"),),
    ),
    (
        "chronology",
        "default",
        "a report issued before the meeting it reports on",
        _doc(meetings=[_meeting()], reports=[_report(issued="2024-03-01")]),
        (_issue("chronology", "/reports/0/issued"),),
    ),
    (
        "chronology",
        "default",
        "a segment that starts before its meeting",
        _doc(meetings=[_meeting(agenda=[{"kind": "hearing", "start": "2024-03-10"}])]),
        (_issue("chronology", "/meetings/0/agenda/0/start"),),
    ),
    (
        "duplicate-id",
        "default",
        "two meetings with one id",
        _doc(meetings=[_meeting(), _meeting(title="Again")]),
        (_issue("duplicate-id", "/meetings/1/id"),),
    ),
    (
        "dangling-reference",
        "default",
        "a moderator who is no participant",
        _doc(meetings=[_meeting(agenda=[{"kind": "hearing", "moderator": "p1"}])]),
        (_issue("dangling-reference", "/meetings/0/agenda/0/moderator"),),
    ),
    (
        "dangling-reference",
        "default",
        "a report on a meeting that is not in the dataset",
        _doc(meetings=[_meeting()], reports=[_report(meetings=["m1", "m9"])]),
        (_issue("dangling-reference", "/reports/0/meetings/1"),),
    ),
    (
        "objective-coverage",
        "default",
        "thematic sessions on three clusters of four",
        _doc(
            meetings=[_meeting(agenda=[_session(c, moderator="p1") for c in (1, 2, 3)])],
            participants=[_person("p1")],
        ),
        (_issue("objective-coverage", "/meetings/0/agenda", "warning"),),
    ),
    (
        "segment-overlap",
        "default",
        "an opening that starts before the hearing ends",
        _doc(
            meetings=[
                _meeting(
                    agenda=[
                        {
                            "kind": "hearing",
                            "start": "2024-03-11T08:30:00+01:00",
                            "end": "2024-03-11T10:00:00+01:00",
                        },
                        {
                            "kind": "opening",
                            "start": "2024-03-11T09:30:00+01:00",
                            "end": "2024-03-11T10:30:00+01:00",
                        },
                    ]
                )
            ]
        ),
        (_issue("segment-overlap", "/meetings/0/agenda/1/start", "warning"),),
    ),
    (
        "co-chairs",
        "default",
        "one co-chair (the concept note provides for two)",
        _doc(meetings=[_meeting(co_chairs=["ESP"])]),
        (_issue("co-chairs", "/meetings/0/co_chairs"),),
    ),
    (
        "commission-membership",
        "default",
        "Brazil co-chairing a UNECE meeting",
        _doc(meetings=[_meeting(commissions=["ECE"], co_chairs=["ESP", "BRA"])]),
        (_issue("commission-membership", "/meetings/0/co_chairs/1", "warning"),),
    ),
    (
        "session-roles",
        "default",
        "a thematic session without a Member State speaker",
        _doc(
            meetings=[_meeting(agenda=[_session(1, moderator="p1")])],
            participants=[_person("p1")],
        ),
        (_issue("session-roles", "/meetings/0/agenda/0/member_state_speaker", "warning"),),
    ),
    (
        "registration-lead-time",
        "default",
        "registration opened 55 days before the meeting (eight weeks are 56)",
        _doc(meetings=[_meeting(registration={"opens": "2024-01-16"})]),
        (_issue("registration-lead-time", "/meetings/0/registration/opens", "warning"),),
    ),
    (
        "written-input-deadline",
        "default",
        "written inputs due six days before the meeting",
        _doc(meetings=[_meeting(written_inputs_due="2024-03-05")]),
        (_issue("written-input-deadline", "/meetings/0/written_inputs_due", "warning"),),
    ),
    (
        "balance",
        "default",
        "three of four speakers share a gender",
        _doc(
            meetings=[_meeting(agenda=[{"kind": "opening", "speakers": ["p0", "p1", "p2", "p3"]}])],
            participants=[
                _person(f"p{n}", gender=gender)
                for n, gender in enumerate(("female", "female", "female", "male"))
            ],
        ),
        (_issue("balance", "/meetings/0/agenda", "info"),),
    ),
    (
        "webcast",
        "default",
        "a regional review meeting not webcast",
        _doc(meetings=[_meeting(webcast=False)]),
        (_issue("webcast", "/meetings/0/webcast", "warning"),),
    ),
    (
        "webcast",
        "strict",
        "a consultation not webcast, under strict: the warning is an error",
        _doc(events=[_consultation(review=None, webcast=False)]),
        (_issue("webcast", "/events/0/webcast"),),
    ),
    (
        "hearing-first",
        "unece-2024",
        "the hearing listed after the intergovernmental conference",
        _doc(
            meetings=[
                _meeting(agenda=[{"kind": "intergovernmental_conference"}, {"kind": "hearing"}])
            ]
        ),
        (_issue("hearing-first", "/meetings/0/agenda/1", "warning"),),
    ),
    (
        "background-notes",
        "unece-2024",
        "a thematic session without its background note",
        _doc(meetings=[_meeting(agenda=[_session(1)])]),
        (_issue("background-notes", "/meetings/0/agenda/0/background_note", "warning"),),
    ),
    (
        "rapporteur",
        "unece-2024",
        "a regional review meeting without a rapporteur",
        _doc(meetings=[_meeting()]),
        (_issue("rapporteur", "/meetings/0/rapporteur", "warning"),),
    ),
    (
        "thematic-sessions",
        "unece-2024",
        "three thematic sessions, not four",
        _doc(meetings=[_meeting(agenda=[_session(c) for c in (1, 2, 3)])]),
        (_issue("thematic-sessions", "/meetings/0/agenda", "warning"),),
    ),
    (
        "stakeholder-coverage",
        "default",
        "a review with no stakeholder at all",
        _doc(reviews=[_REVIEW], meetings=[_meeting(review="r1")]),
        (_issue("stakeholder-coverage", "/reviews/0", "warning"),),
    ),
    (
        "review-cadence",
        "default",
        "a 2024 meeting recorded in the 2020 round",
        _doc(meetings=[_meeting(round="regional-2020")]),
        (_issue("review-cadence", "/meetings/0/round", "warning"),),
    ),
    (
        "consultations",
        "default",
        "a review with a briefing but no consultation",
        _doc(reviews=[_REVIEW], events=[_consultation(kind="briefing")]),
        (_issue("consultations", "/reviews/0", "warning"),),
    ),
    (
        "consultations",
        "unece-2024",
        "one consultation, where the UNECE 2024 concept note has two",
        _doc(reviews=[_REVIEW], events=[_consultation()]),
        (_issue("consultations", "/reviews/0", "warning"),),
    ),
    (
        "evaluation-session",
        "default",
        "a review without an evaluation session",
        _doc(reviews=[_REVIEW], events=[_consultation()]),
        (_issue("evaluation-session", "/reviews/0", "info"),),
    ),
    (
        "report-deadline",
        "default",
        "an outcome report issued 31 days after the meeting",
        _doc(meetings=[_meeting()], reports=[_report(issued="2024-04-11")]),
        (_issue("report-deadline", "/reports/0/issued", "warning"),),
    ),
    (
        "report-structure",
        "default",
        "an outcome report without the annex",
        _doc(reports=[_report(meetings=None, sections=[{"kind": k} for k in _sections()[:-1]])]),
        (_issue("report-structure", "/reports/0/sections", "warning"),),
    ),
)


def _hand_written() -> tuple[Case, ...]:
    counts: Counter[str] = Counter()
    cases = []
    for rule, profile, description, document, expected in _ROWS:
        counts[rule] += 1
        cases.append(
            Case(
                rule=rule,
                name=f"case-{counts[rule]}",
                profile=profile,
                description=description,
                document=document,
                expected=tuple(sorted(expected)),
            )
        )
    small = (
        ("empty", "a dataset with no records", _doc()),
        ("one-meeting", "one meeting, as small as it can be", _doc(meetings=[_meeting()])),
    )
    cases += [
        Case(rule=None, name=name, profile=profile, description=text, document=doc, expected=())
        for name, text, doc in small
        for profile in ("default", "unece-2024")
    ]
    return tuple(cases)


CASES: tuple[Case, ...] = _hand_written()
"""The hand-written cases, in catalogue order, then the small valid documents."""


def _valid_examples(examples: Path) -> list[Case]:
    cases = []
    for name in VALID_EXAMPLES:
        path = examples / f"{name}.json"
        try:
            document = path.read_bytes()
        except OSError as exc:
            raise SourceError(path, exc) from None
        for profile in ("default", "unece-2024"):
            description = f"the example dataset examples/data/{name}.json"
            cases.append(
                Case(
                    rule=None,
                    name=name,
                    profile=profile,
                    description=description,
                    document=document,
                    expected=(),
                )
            )
    return cases


def _manifest(cases: Iterable[Case]) -> dict[str, Any]:
    return {
        "format": _FORMAT,
        "schema_version": SCHEMA_VERSION,
        "cases": [
            {
                "rule": case.rule,
                "profile": case.profile,
                "document": case.document_path,
                "expected": case.expected_path,
                "description": case.description,
            }
            for case in cases
        ],
    }


def write_suite(directory: str | Path, *, examples: str | Path | None = None) -> list[Path]:
    """Write the conformance suite into a directory.

    Writes ``manifest.json``, one folder per rule with its cases
    (``case-N.json`` and ``case-N.expected.json``) and ``valid/`` with the
    small valid documents and copies of the example datasets. The ``.json``
    files already in those folders are removed first, so the directory
    holds exactly the suite (other files, such as a README, stay).

    Args:
        directory: where to write; created if needed.
        examples: the folder of the example datasets to copy (by default
            the repository's ``examples/data``).

    Returns:
        The files written, in the order written.

    Raises:
        SourceError: an example dataset cannot be read (an installed
            package has no ``examples/``: pass ``examples``).
    """
    root = Path(directory)
    cases = [*CASES, *_valid_examples(Path(examples) if examples else _REPOSITORY_EXAMPLES)]
    for folder in {case.folder for case in cases}:
        for stale in (root / folder).glob("*.json"):
            stale.unlink()
    files = {MANIFEST: _json(_manifest(cases))}
    for case in cases:  # a document under two profiles is one file
        files[case.document_path] = case.document
        files[case.expected_path] = _json([issue.to_json() for issue in case.expected])
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


def _read_json(path: Path) -> Any:
    try:
        return orjson.loads(path.read_bytes())
    except OSError as exc:
        raise SourceError(path, exc) from None
    except orjson.JSONDecodeError as exc:
        raise InvalidCodeError("suite file", str(path), f"not JSON: {exc}") from None


def _severity(value: Any) -> str:
    return str(getattr(value, "value", value))


def _reported(result: Any, rule: str | None) -> list[Expected]:
    issues = getattr(result, "issues", result)
    found = [
        Expected(path=str(issue.path), rule=str(issue.rule), severity=_severity(issue.severity))
        for issue in issues
    ]
    return sorted(i for i in found if i.severity == "error" or i.rule == rule)


def _check(root: Path, entry: dict[str, Any], validate: Validator) -> Mismatch | None:
    rule, profile, document = entry["rule"], entry["profile"], entry["document"]
    expected = sorted(Expected.from_json(raw) for raw in _read_json(root / entry["expected"]))
    try:
        data = (root / document).read_bytes()
    except OSError as exc:
        raise SourceError(root / document, exc) from None
    try:
        reported = _reported(validate(data, profile=profile), rule)
    except Exception as exc:  # noqa: BLE001 - a validator that raises fails the case, not the run
        return Mismatch(document=document, rule=rule, profile=profile, error=repr(exc))
    if reported == expected:
        return None
    missing, unexpected = (
        Counter(expected) - Counter(reported),
        Counter(reported) - Counter(expected),
    )
    return Mismatch(
        document=document,
        rule=rule,
        profile=profile,
        missing=tuple(sorted(missing.elements())),
        unexpected=tuple(sorted(unexpected.elements())),
    )


def _entries(root: Path) -> list[dict[str, Any]]:
    manifest = _read_json(root / MANIFEST)
    entries = manifest.get("cases") if isinstance(manifest, dict) else None
    if not isinstance(entries, list) or not all(
        isinstance(e, dict)
        and all(isinstance(e.get(k), str) for k in ("profile", "document", "expected"))
        and (e.get("rule") is None or isinstance(e.get("rule"), str))
        for e in entries
    ):
        raise InvalidCodeError("suite manifest", str(root / MANIFEST), "no list of cases")
    return entries


def run(directory: str | Path, validate: Validator = _validate) -> list[Mismatch]:
    """Validate every document of a conformance suite and compare with what it expects.

    For each case of the manifest, ``validate(document_bytes, profile=...)``
    is called; of what it reports, the errors and the issues of the case's
    rule are compared, as (rule, severity, path), with the expected issues.

    Args:
        directory: the suite (as ``write_suite`` writes it).
        validate: the validator under test: ``gcm_model.validate`` by
            default, or another implementation's callable returning issues
            (or an object with ``issues``) with ``rule``, ``severity`` and
            ``path``.

    Returns:
        The cases where the validator disagrees, in manifest order (empty
        when it conforms).

    Raises:
        SourceError: a file of the suite cannot be read.
        InvalidCodeError: the manifest or an expected file is malformed.
    """
    root = Path(directory)
    found = (_check(root, entry, validate) for entry in _entries(root))
    return [mismatch for mismatch in found if mismatch is not None]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the suite (``python -m gcm_model.conformance [DIR]``) or write it (``--write``).

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
    parser.add_argument("directory", nargs="?", default="conformance", help="the suite")
    parser.add_argument("--write", action="store_true", help="write the suite instead")
    options = parser.parse_args(argv)
    out: Callable[[str], object] = sys.stdout.write
    try:
        if options.write:
            written = write_suite(options.directory)
            out(f"wrote {len(written)} files to {options.directory}\n")
            return 0
        mismatches = run(options.directory)
        total = len(_entries(Path(options.directory)))
    except GcmError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    for mismatch in mismatches:
        out(f"{mismatch}\n")
    out(f"{total} cases, {len(mismatches)} mismatch{'es' if len(mismatches) != 1 else ''}\n")
    return 1 if mismatches else 0


if __name__ == "__main__":
    raise SystemExit(main())  # pragma: no cover - run as python -m, in a subprocess
