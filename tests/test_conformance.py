"""Tests of gcm_model.conformance: the packaged suite, its runner and its command.

The suite's data files (``src/gcm_model/conformance_suite/``) are the only
place the cases live: every case validates to exactly its expected issues,
every rule has one, the files are well-formed and complete, and the runner
catches validators that drop, add or change issues, or raise.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import orjson
import pytest

import gcm_model
from gcm_model import conformance
from gcm_model.conformance import (
    CASES,
    SUITE,
    Case,
    Expected,
    Mismatch,
    profile_for,
    read_suite,
    run,
    write_suite,
)
from gcm_model.errors import InvalidCodeError, SourceError

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).resolve().parents[1]


def suite_files(directory: Path) -> dict[str, bytes]:
    """Every file under a directory, by relative path, with its bytes."""
    return {
        path.relative_to(directory).as_posix(): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def raw_manifest(directory: Path = SUITE) -> dict[str, Any]:
    """The suite's manifest as parsed JSON."""
    manifest: dict[str, Any] = orjson.loads((directory / "manifest.json").read_bytes())
    return manifest


def edit_manifest(directory: Path, change: Callable[[dict[str, Any]], object]) -> None:
    """Apply a change to the parsed manifest of a suite and write it back."""
    manifest = raw_manifest(directory)
    change(manifest)
    (directory / "manifest.json").write_bytes(orjson.dumps(manifest))


@pytest.fixture
def suite_copy(tmp_path: Path) -> Path:
    """A fresh copy of the packaged suite, to tamper with."""
    target = tmp_path / "suite"
    shutil.copytree(SUITE, target)
    return target


# -- the data files ----------------------------------------------------------------------------


def reported(case: Case) -> list[Expected]:
    """What gcm_model.validate reports for a case: its errors and its rule's issues, sorted."""
    report = gcm_model.validate(case.document, profile=case.profile)
    return sorted(
        Expected(path=i.path, rule=i.rule, severity=i.severity.value)
        for i in report.issues
        if i.severity.value == "error" or i.rule == case.rule
    )


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.document_path}@{c.profile}")
def test_every_case_validates_to_exactly_its_expected_issues(case: Case) -> None:
    """gcm_model.validate reports, of errors and the case's rule, just the expected issues."""
    assert reported(case) == list(case.expected)


def test_validate_passes_the_suite() -> None:
    """run() checks gcm_model.validate against the packaged suite and finds no mismatch."""
    assert [str(m) for m in run()] == []


def test_every_rule_has_a_case() -> None:
    """Each rule of the catalogue has a case, under a profile that runs it, expecting its rule."""
    assert {case.rule for case in CASES} - {None} == {rule.slug for rule in gcm_model.rules}
    for case in CASES:
        if case.rule is not None:
            assert gcm_model.rules.lookup(case.rule).slug == case.rule
            assert case.profile in gcm_model.rules.lookup(case.rule).profiles
            assert any(issue.rule == case.rule for issue in case.expected), case.name
            assert profile_for(case.rule) in gcm_model.rules.lookup(case.rule).profiles


def test_the_manifest_lists_expected_issues_sorted_errors_or_the_rule_only() -> None:
    """In the file, each expected list is sorted by path then rule, with errors and its rule only."""
    for entry in raw_manifest()["cases"]:
        issues = [Expected.from_json(raw) for raw in entry["expected"]]
        assert issues == sorted(issues), entry["document"]
        assert all(i.severity == "error" or i.rule == entry["rule"] for i in issues)


def test_the_manifest_is_strict_json() -> None:
    """The manifest parses without duplicate keys (an edit cannot hide behind another)."""

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        assert len(keys) == len(set(keys)), keys
        return dict(pairs)

    manifest = json.loads(
        (SUITE / "manifest.json").read_text("utf-8"), object_pairs_hook=no_duplicates
    )
    assert manifest["format"] == 2
    assert manifest["schema_version"] == gcm_model.SCHEMA_VERSION


def test_the_suite_holds_only_its_cases() -> None:
    """Every file of the suite is the manifest, the README or a case's document."""
    documents = {case.document_path for case in CASES}
    assert set(suite_files(SUITE)) == {"manifest.json", "README.md", *documents}


def test_valid_documents_include_the_examples() -> None:
    """valid/ holds the example datasets as make examples writes them, under both profiles."""
    valid = [case for case in CASES if case.rule is None]
    assert all(case.expected == () for case in valid)
    for name in conformance.VALID_EXAMPLES:
        copies = [case for case in valid if case.name == name]
        assert {case.profile for case in copies} == {"default", "unece-2024"}
        example = (ROOT / "examples" / "data" / f"{name}.json").read_bytes()
        assert all(case.document == example for case in copies), "run: make examples"


def test_cases_is_the_packaged_suite_read_once() -> None:
    """CASES is a tuple of the packaged suite's cases, read on first use and kept."""
    assert isinstance(CASES, tuple)
    assert CASES == read_suite(SUITE) == read_suite()
    assert conformance.CASES is CASES
    with pytest.raises(AttributeError, match="no attribute 'CASSES'"):
        getattr(conformance, "CASSES")  # noqa: B009 - the misspelt name is the point


def test_the_suite_ships_inside_the_package() -> None:
    """The suite sits in the package folder, which the wheel build takes whole."""
    assert SUITE.parent == Path(conformance.__file__).resolve().parent
    assert SUITE == ROOT / "src" / "gcm_model" / "conformance_suite"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    wheel = project["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel == {"packages": ["src/gcm_model"]}  # no include or exclude that could drop it


# -- validators that do not conform ------------------------------------------------------------


@attrs.frozen
class FakeIssue:
    """An issue of another implementation: plain strings."""

    rule: str
    severity: str
    path: str


def plain_issues(source: bytes, profile: str) -> list[FakeIssue]:
    """gcm_model's issues, as another implementation would give them."""
    report = gcm_model.validate(source, profile=profile)
    return [FakeIssue(i.rule, i.severity.value, i.path) for i in report.issues]


def test_another_implementation_returning_plain_issues_conforms() -> None:
    """A validate returning a list of objects with string fields is compared just the same."""
    assert run(validate=plain_issues) == []


def test_a_validator_that_drops_issues_is_caught() -> None:
    """Dropping every issue leaves each expected issue missing, and nothing unexpected."""

    def silent(source: bytes, *, profile: str) -> list[FakeIssue]:
        del source, profile
        return []

    mismatches = run(validate=silent)
    failing = {m.document for m in mismatches}
    assert failing == {c.document_path for c in CASES if c.expected}
    assert all(m.unexpected == () for m in mismatches)
    deadline = next(m for m in mismatches if m.document == "report-deadline/case-1.json")
    assert deadline == Mismatch(
        document="report-deadline/case-1.json",
        rule="report-deadline",
        profile="unece-2024",
        missing=(Expected(path="/reports/0/issued", rule="report-deadline", severity="warning"),),
    )
    assert "missing    warning report-deadline at '/reports/0/issued'" in str(deadline)


def test_a_validator_that_misses_one_rule_is_caught() -> None:
    """Forgetting one rule fails exactly that rule's cases."""

    def forgetful(source: bytes, *, profile: str) -> list[FakeIssue]:
        return [i for i in plain_issues(source, profile) if i.rule != "chronology"]

    mismatches = run(validate=forgetful)
    assert {m.document for m in mismatches} == {
        c.document_path for c in CASES if c.rule == "chronology"
    }


def test_a_validator_that_changes_severities_is_caught() -> None:
    """Ignoring the profile (no escalation under strict) fails the strict case."""

    def no_profiles(source: bytes, *, profile: str) -> list[FakeIssue]:
        del profile
        return plain_issues(source, "default")

    mismatches = run(validate=no_profiles)
    documents = {m.document for m in mismatches}
    assert "webcast/case-2.json" in documents  # the strict case
    assert "rapporteur/case-1.json" in documents  # a unece-2024 rule
    strict = next(m for m in mismatches if m.document == "webcast/case-2.json")
    assert strict.missing == (Expected(path="/events/0/webcast", rule="webcast", severity="error"),)
    assert strict.unexpected == (
        Expected(path="/events/0/webcast", rule="webcast", severity="warning"),
    )


def test_a_validator_that_adds_errors_is_caught() -> None:
    """An extra error on every document is unexpected in every case."""

    def noisy(source: bytes, *, profile: str) -> list[FakeIssue]:
        return [*plain_issues(source, profile), FakeIssue("duplicate-id", "error", "/x")]

    mismatches = run(validate=noisy)
    assert len(mismatches) == len(CASES)
    assert all(
        m.unexpected == (Expected(path="/x", rule="duplicate-id", severity="error"),)
        for m in mismatches
    )


def test_a_validator_that_raises_fails_its_cases() -> None:
    """A validator that raises is reported per case, and the run goes on."""

    def broken(source: bytes, *, profile: str) -> list[FakeIssue]:
        del source, profile
        raise RuntimeError("boom")

    mismatches = run(validate=broken)
    assert len(mismatches) == len(CASES)
    assert all(m.error == "RuntimeError('boom')" for m in mismatches)
    assert "validate raised RuntimeError('boom')" in str(mismatches[0])


# -- copies of the suite, and malformed ones ---------------------------------------------------


def test_write_suite_copies_the_packaged_suite(tmp_path: Path) -> None:
    """The copy holds the packaged files, byte for byte, and passes as they do."""
    written = write_suite(tmp_path)
    copied = suite_files(tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == sorted(copied)
    assert copied == suite_files(SUITE)
    assert run(tmp_path) == []


def test_write_suite_replaces_stale_cases(suite_copy: Path) -> None:
    """A case file left over from an earlier suite is removed; other files stay."""
    stale = suite_copy / "chronology" / "case-99.json"
    stale.write_bytes(b"{}")
    notes = suite_copy / "NOTES.txt"
    notes.write_bytes(b"mine")
    write_suite(suite_copy)
    assert not stale.exists()
    assert notes.read_bytes() == b"mine"


def test_a_tampered_expectation_is_a_mismatch(suite_copy: Path) -> None:
    """Editing a case's expected issues makes gcm_model.validate disagree with it."""

    def change(manifest: dict[str, Any]) -> None:
        entry = next(e for e in manifest["cases"] if e["document"] == "co-chairs/case-1.json")
        entry["expected"] = [{"rule": "co-chairs", "severity": "error", "path": "/meetings/0"}]

    edit_manifest(suite_copy, change)
    (mismatch,) = run(suite_copy)
    assert mismatch.document == "co-chairs/case-1.json"
    assert [i.path for i in mismatch.missing] == ["/meetings/0"]
    assert [i.path for i in mismatch.unexpected] == ["/meetings/0/co_chairs"]


@pytest.mark.parametrize(
    "content",
    [
        b"[]",
        b"{",
        b'{"format": 2, "cases": 3}',
        b'{"format": 1, "cases": []}',
        b'{"cases": []}',
        b'{"format": 2, "cases": [{"profile": "default"}]}',
    ],
)
def test_a_malformed_manifest_raises(suite_copy: Path, content: bytes) -> None:
    """A manifest that is not a list of cases of format 2 raises InvalidCodeError."""
    (suite_copy / "manifest.json").write_bytes(content)
    with pytest.raises(InvalidCodeError):
        run(suite_copy)


def _first_case(change: Callable[[dict[str, Any]], object]) -> Callable[[dict[str, Any]], None]:
    """A manifest change applied to its first case."""

    def apply(manifest: dict[str, Any]) -> None:
        change(manifest["cases"][0])

    return apply


MALFORMED_CASES: dict[str, Callable[[dict[str, Any]], object]] = {
    "no description": _first_case(lambda e: e.pop("description")),
    "an unknown key": _first_case(lambda e: e.update(expcted=[])),
    "a number for a profile": _first_case(lambda e: e.update(profile=1)),
    "a number for a rule": _first_case(lambda e: e.update(rule=1)),
    "expected not a list": _first_case(lambda e: e.update(expected={})),
    "a document outside its folder": _first_case(lambda e: e.update(document="valid/x.json")),
    "a document in a subfolder": _first_case(lambda e: e.update(document="json-syntax/a/b.json")),
    "a document that is not .json": _first_case(lambda e: e.update(document="json-syntax/x")),
    "an issue without a path": _first_case(lambda e: e.update(expected=[{"rule": "x"}])),
    "an issue that is a number": _first_case(lambda e: e.update(expected=[3])),
    "a number for a severity": _first_case(
        lambda e: e.update(expected=[{"rule": "x", "severity": 1, "path": ""}])
    ),
    "an unknown severity": _first_case(
        lambda e: e.update(expected=[{"rule": "x", "severity": "fatal", "path": ""}])
    ),
    "a path that is no pointer": _first_case(
        lambda e: e.update(expected=[{"rule": "x", "severity": "error", "path": "meetings"}])
    ),
    "an issue with an extra key": _first_case(
        lambda e: e.update(expected=[{"rule": "x", "severity": "error", "path": "", "line": 1}])
    ),
    "a case listed twice": lambda m: m["cases"].append(m["cases"][0]),
}


@pytest.mark.parametrize("change", MALFORMED_CASES.values(), ids=MALFORMED_CASES.keys())
def test_a_malformed_case_raises(
    suite_copy: Path, change: Callable[[dict[str, Any]], object]
) -> None:
    """A case with a missing or unknown key, a misplaced document or a bad issue is refused."""
    edit_manifest(suite_copy, change)
    with pytest.raises(InvalidCodeError):
        read_suite(suite_copy)


def test_a_missing_file_raises(suite_copy: Path) -> None:
    """A document or manifest that is not there raises SourceError."""
    (suite_copy / "webcast" / "case-1.json").unlink()
    with pytest.raises(SourceError):
        run(suite_copy)
    with pytest.raises(SourceError):
        run(suite_copy / "nowhere")


# -- the command -------------------------------------------------------------------------------


def test_main_passes_on_the_packaged_suite(capsys: pytest.CaptureFixture[str]) -> None:
    """``main()`` checks the packaged suite, prints the count and returns 0."""
    assert conformance.main([]) == 0
    assert capsys.readouterr().out == f"{len(CASES)} cases, 0 mismatches\n"


def test_main_fails_on_a_mismatch(suite_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``main(DIR)`` prints each mismatch and returns 1."""

    def change(manifest: dict[str, Any]) -> None:
        entry = next(e for e in manifest["cases"] if e["document"] == "webcast/case-1.json")
        entry["expected"] = []

    edit_manifest(suite_copy, change)
    assert conformance.main([str(suite_copy)]) == 1
    out = capsys.readouterr().out
    assert "webcast/case-1.json (profile default):" in out
    assert out.endswith(" cases, 1 mismatch\n")


def test_main_writes_the_suite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``main(["--write", DIR])`` copies the packaged suite."""
    assert conformance.main(["--write", str(tmp_path)]) == 0
    assert suite_files(tmp_path) == suite_files(SUITE)
    assert capsys.readouterr().out.startswith("wrote ")


def test_main_write_needs_a_directory(capsys: pytest.CaptureFixture[str]) -> None:
    """``--write`` without a directory is a usage error (status 2), not a copy onto nothing."""
    with pytest.raises(SystemExit) as exit_info:
        conformance.main(["--write"])
    assert exit_info.value.code == 2
    assert "--write needs the DIRECTORY" in capsys.readouterr().err


def test_main_reports_a_missing_suite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A directory without a suite is an error message and status 2, not a traceback."""
    assert conformance.main([str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err.startswith("error: cannot read ")


def test_main_reports_an_unwritable_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Copying onto a file is an error message and status 2, not a traceback."""
    occupied = tmp_path / "file"
    occupied.write_bytes(b"")
    assert conformance.main(["--write", str(occupied)]) == 2
    assert capsys.readouterr().err.startswith("error: ")


def test_python_dash_m_runs_the_suite() -> None:
    """``python -m gcm_model.conformance`` exits 0 on the packaged suite."""
    done = subprocess.run(
        [sys.executable, "-m", "gcm_model.conformance"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 mismatches" in done.stdout
