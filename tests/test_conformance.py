"""Tests of gcm_model.conformance: the committed suite, its runner and its command.

The suite in ``conformance/`` is exactly what ``write_suite`` generates,
``gcm_model.validate`` passes it, and the runner catches validators that
drop, add or change issues, or raise.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import orjson
import pytest

import gcm_model
from gcm_model import conformance
from gcm_model.conformance import CASES, Expected, Mismatch, profile_for, run, write_suite
from gcm_model.errors import InvalidCodeError, SourceError

ROOT = Path(__file__).resolve().parents[1]
SUITE = ROOT / "conformance"


def json_files(directory: Path) -> dict[str, bytes]:
    """Every ``.json`` file under a directory, by relative path, with its bytes."""
    return {
        path.relative_to(directory).as_posix(): path.read_bytes()
        for path in sorted(directory.rglob("*.json"))
    }


@pytest.fixture
def suite_copy(tmp_path: Path) -> Path:
    """A fresh copy of the committed suite, to tamper with."""
    target = tmp_path / "suite"
    shutil.copytree(SUITE, target)
    return target


def test_the_committed_suite_is_what_write_suite_generates(tmp_path: Path) -> None:
    """Regenerating the suite gives the committed files, byte for byte, and no others."""
    written = write_suite(tmp_path)
    generated = json_files(tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == sorted(generated)
    committed = json_files(SUITE)
    assert sorted(committed) == sorted(generated)
    changed = [name for name in generated if committed[name] != generated[name]]
    assert changed == [], "run: python -m gcm_model.conformance --write conformance"


def test_write_suite_replaces_stale_cases(suite_copy: Path) -> None:
    """A case file left over from an earlier suite is removed; other files stay."""
    stale = suite_copy / "chronology" / "case-99.json"
    stale.write_bytes(b"{}")
    write_suite(suite_copy)
    assert not stale.exists()
    assert (suite_copy / "README.md").exists()
    assert json_files(suite_copy) == json_files(SUITE)


def test_write_suite_needs_the_examples(tmp_path: Path) -> None:
    """Without the example datasets (an installed package has none) it raises SourceError."""
    with pytest.raises(SourceError):
        write_suite(tmp_path / "suite", examples=tmp_path / "nowhere")


def test_validate_passes_the_suite() -> None:
    """gcm_model.validate reports exactly the expected issues for every case."""
    assert [str(m) for m in run(SUITE)] == []


def test_every_rule_has_a_case() -> None:
    """Each rule of the catalogue has a case, under a profile that runs it."""
    assert {case.rule for case in CASES} - {None} == {rule.slug for rule in gcm_model.rules}
    for case in CASES:
        if case.rule is not None:
            assert gcm_model.rules.lookup(case.rule).slug == case.rule
            assert case.profile in gcm_model.rules.lookup(case.rule).profiles
            assert any(issue.rule == case.rule for issue in case.expected), case.name
            assert profile_for(case.rule) in gcm_model.rules.lookup(case.rule).profiles


def test_expected_issues_are_sorted_and_only_errors_or_the_rule() -> None:
    """Each expected list is sorted by path then rule, with errors and the case's own rule only."""
    for case in CASES:
        assert list(case.expected) == sorted(case.expected, key=lambda i: (i.path, i.rule))
        assert all(i.severity == "error" or i.rule == case.rule for i in case.expected)


def test_valid_documents_include_the_examples() -> None:
    """valid/ holds the example datasets, under default and unece-2024, expecting nothing."""
    manifest = orjson.loads((SUITE / "manifest.json").read_bytes())
    valid = [c for c in manifest["cases"] if c["rule"] is None]
    for name in conformance.VALID_EXAMPLES:
        document = f"valid/{name}.json"
        assert {c["profile"] for c in valid if c["document"] == document} == {
            "default",
            "unece-2024",
        }
        assert (SUITE / document).read_bytes() == (
            ROOT / "examples" / "data" / f"{name}.json"
        ).read_bytes()
    for case in valid:
        assert orjson.loads((SUITE / case["expected"]).read_bytes()) == []


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
    assert run(SUITE, validate=plain_issues) == []


def test_a_validator_that_drops_issues_is_caught() -> None:
    """Dropping every issue leaves each expected issue missing, and nothing unexpected."""

    def silent(source: bytes, *, profile: str) -> list[FakeIssue]:
        del source, profile
        return []

    mismatches = run(SUITE, validate=silent)
    failing = {m.document for m in mismatches}
    assert failing == {c.document_path for c in CASES if c.expected}
    deadline = next(m for m in mismatches if m.document == "report-deadline/case-1.json")
    assert deadline == Mismatch(
        document="report-deadline/case-1.json",
        rule="report-deadline",
        profile="default",
        missing=(Expected(path="/reports/0/issued", rule="report-deadline", severity="warning"),),
    )
    assert "missing    warning report-deadline at '/reports/0/issued'" in str(deadline)


def test_a_validator_that_changes_severities_is_caught() -> None:
    """Ignoring the profile (no escalation under strict) fails the strict case."""

    def no_profiles(source: bytes, *, profile: str) -> list[FakeIssue]:
        del profile
        return plain_issues(source, "default")

    mismatches = run(SUITE, validate=no_profiles)
    documents = {m.document for m in mismatches}
    assert "webcast/case-2.json" in documents  # the strict case
    assert "rapporteur/case-1.json" in documents  # a unece-2024 rule
    strict = next(m for m in mismatches if m.document == "webcast/case-2.json")
    assert strict.missing == (Expected(path="/events/0/webcast", rule="webcast", severity="error"),)
    assert strict.unexpected == (
        Expected(path="/events/0/webcast", rule="webcast", severity="warning"),
    )


def test_a_validator_that_adds_errors_is_caught() -> None:
    """An extra error on a valid document is unexpected."""

    def noisy(source: bytes, *, profile: str) -> list[FakeIssue]:
        return [*plain_issues(source, profile), FakeIssue("duplicate-id", "error", "/x")]

    mismatches = run(SUITE, validate=noisy)
    assert len(mismatches) == len(orjson.loads((SUITE / "manifest.json").read_bytes())["cases"])
    assert all(
        m.unexpected == (Expected(path="/x", rule="duplicate-id", severity="error"),)
        for m in mismatches
    )


def test_a_validator_that_raises_fails_its_cases() -> None:
    """A validator that raises is reported per case, and the run goes on."""

    def broken(source: bytes, *, profile: str) -> list[FakeIssue]:
        del source, profile
        raise RuntimeError("boom")

    mismatches = run(SUITE, validate=broken)
    assert mismatches
    assert all(m.error == "RuntimeError('boom')" for m in mismatches)
    assert "validate raised RuntimeError('boom')" in str(mismatches[0])


# -- the files of the suite --------------------------------------------------------------------


def test_a_tampered_expected_file_is_a_mismatch(suite_copy: Path) -> None:
    """Editing an expected file makes gcm_model.validate disagree with it."""
    expected = suite_copy / "co-chairs" / "case-1.expected.json"
    expected.write_bytes(b'[{"rule": "co-chairs", "severity": "error", "path": "/meetings/0"}]')
    (mismatch,) = run(suite_copy)
    assert mismatch.document == "co-chairs/case-1.json"
    assert [i.path for i in mismatch.missing] == ["/meetings/0"]
    assert [i.path for i in mismatch.unexpected] == ["/meetings/0/co_chairs"]


@pytest.mark.parametrize(
    "content",
    [b"[]", b'{"cases": [{"profile": "default"}]}', b"{", b'{"cases": 3}'],
)
def test_a_malformed_manifest_raises(suite_copy: Path, content: bytes) -> None:
    """A manifest that is not a list of cases raises InvalidCodeError."""
    (suite_copy / "manifest.json").write_bytes(content)
    with pytest.raises(InvalidCodeError):
        run(suite_copy)


@pytest.mark.parametrize("raw", [[{"rule": "x"}], [3], [{"rule": "x", "severity": 1, "path": ""}]])
def test_a_malformed_expected_file_raises(suite_copy: Path, raw: Any) -> None:
    """Expected issues that are not objects of three strings raise InvalidCodeError."""
    (suite_copy / "webcast" / "case-1.expected.json").write_bytes(orjson.dumps(raw))
    with pytest.raises(InvalidCodeError):
        run(suite_copy)


def test_a_missing_file_raises(suite_copy: Path) -> None:
    """A document or manifest that is not there raises SourceError."""
    (suite_copy / "webcast" / "case-1.json").unlink()
    with pytest.raises(SourceError):
        run(suite_copy)
    with pytest.raises(SourceError):
        run(suite_copy / "nowhere")


# -- the command -------------------------------------------------------------------------------


@pytest.fixture
def in_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the repository root, where ``conformance`` is the default directory."""
    monkeypatch.chdir(ROOT)


@pytest.mark.usefixtures("in_repository")
def test_main_passes_on_the_committed_suite(capsys: pytest.CaptureFixture[str]) -> None:
    """``main()`` checks ./conformance, prints the count and returns 0."""
    assert conformance.main([]) == 0
    out = capsys.readouterr().out
    assert out.endswith(" cases, 0 mismatches\n")


def test_main_fails_on_a_mismatch(suite_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``main(DIR)`` prints each mismatch and returns 1."""
    (suite_copy / "webcast" / "case-1.expected.json").write_bytes(b"[]")
    assert conformance.main([str(suite_copy)]) == 1
    out = capsys.readouterr().out
    assert "webcast/case-1.json (profile default):" in out
    assert out.endswith(" cases, 1 mismatch\n")


def test_main_writes_the_suite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``main(["--write", DIR])`` writes the suite."""
    assert conformance.main(["--write", str(tmp_path)]) == 0
    assert json_files(tmp_path) == json_files(SUITE)
    assert capsys.readouterr().out.startswith("wrote ")


def test_main_reports_a_missing_suite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A directory without a suite is an error message and status 2, not a traceback."""
    assert conformance.main([str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err.startswith("error: cannot read ")


def test_python_dash_m_runs_the_suite() -> None:
    """``python -m gcm_model.conformance conformance`` exits 0 on the committed suite."""
    done = subprocess.run(
        [sys.executable, "-m", "gcm_model.conformance", str(SUITE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 mismatches" in done.stdout
