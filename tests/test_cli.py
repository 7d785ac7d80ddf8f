"""Tests for gcm_model.cli: the ``gcm-model`` command line, driven in-process and as a program.

``main(argv)`` returns the exit code and never raises ``SystemExit``, so most
tests call it directly and read stdout and stderr with ``capsys``; a few run
``python -m gcm_model`` and the ``gcm-model`` console script in a subprocess.
"""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

import gcm_model as g
from gcm_model import formats
from gcm_model.cli import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    MISSING_EXTRA,
    SHOWN,
    _listings,
    help_texts,
    main,
)
from gcm_model.cli import _reference as cli_reference
from gcm_model.converters import DocumentProblem
from gcm_model.errors import DocumentError
from gcm_model.schema import published_schema

DATA = Path(__file__).resolve().parents[1] / "examples" / "data"
VALID = DATA / "unece_2024.json"
FLAWED = DATA / "flawed_unece_2024.json"


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    """Run ``main`` on the arguments; return the exit code, stdout and stderr."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


# -- the program as a whole -------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version names the program, the library version and the data version."""
    code, out, _ = run(capsys, "--version")
    assert code == EXIT_OK
    assert out.startswith(f"gcm-model {g.__version__} ")
    assert g.data_version() in out


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["schema"],
        ["convert"],
        ["show"],
        ["lookup"],
        ["explain"],
        ["new"],
        ["new", "meeting"],
        [],
    ],
)
def test_every_help_has_a_description_and_examples(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """Every command's --help exits 0 and shows examples."""
    code, out, _ = run(capsys, *command, "--help")
    assert code == EXIT_OK
    assert out.startswith("usage: gcm-model")
    assert "examples:\n  gcm-model " in out


@pytest.mark.parametrize(
    "argv",
    [[], ["frobnicate"], ["validate"], ["validate", "--nope", VALID], ["show", "planets"]],
)
def test_usage_problems_exit_2(capsys: pytest.CaptureFixture[str], argv: list[object]) -> None:
    """A missing command, an unknown command or option, a missing argument: exit 2, usage."""
    code, _, err = run(capsys, *argv)
    assert code == EXIT_USAGE
    assert "usage: gcm-model" in err


def test_help_texts_for_the_reference() -> None:
    """help_texts gives the --help of the program and of every command, for the docs."""
    texts = help_texts(width=70)
    assert list(texts) == [
        "gcm-model",
        *(
            f"gcm-model {c}"
            for c in ("validate", "schema", "convert", "show", "lookup", "explain", "new")
        ),
        "gcm-model new meeting",
    ]
    for command, text in texts.items():
        assert text.startswith(f"usage: {command} ")
    assert "--max-issues N" in texts["gcm-model validate"]
    assert "not recursive" in texts["gcm-model validate"]


def test_without_the_cli_extra(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without rich, every command says how to install the extra, and exits 2."""
    monkeypatch.setitem(sys.modules, "rich", None)
    code, out, err = run(capsys, "show", "objectives")
    assert code == EXIT_USAGE
    assert out == ""
    assert err == MISSING_EXTRA + "\n"
    assert "pip install 'gcm-model[cli]'" in err


def test_help_and_version_need_no_extra(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--help`` and ``--version`` work in the base install, without rich."""
    monkeypatch.setitem(sys.modules, "rich", None)
    code, out, _ = run(capsys, "--version")
    assert (code, out.split()[0]) == (EXIT_OK, "gcm-model")
    code, out, _ = run(capsys, "--help")
    assert code == EXIT_OK
    assert out.startswith("usage: gcm-model")
    code, out, _ = run(capsys, "validate", "--help")
    assert (code, out.startswith("usage: gcm-model validate")) == (EXIT_OK, True)


# -- validate --------------------------------------------------------------------------------


def test_validate_a_valid_file(capsys: pytest.CaptureFixture[str]) -> None:
    """A dataset with warnings but no error exits 0 and prints its path and report."""
    code, out, _ = run(capsys, "validate", VALID)
    assert code == EXIT_OK
    first, summary = out.splitlines()[:2]
    assert first == str(VALID)
    assert summary.startswith("valid: 0 errors")


def test_validate_an_invalid_file(capsys: pytest.CaptureFixture[str]) -> None:
    """A dataset with errors exits 1 and its report names them."""
    code, out, _ = run(capsys, "validate", FLAWED)
    assert code == EXIT_FAILED
    assert "INVALID: 4 errors" in out
    assert "unknown-field" in out
    assert "co-chairs" not in out


def test_validate_under_the_unece_profile(capsys: pytest.CaptureFixture[str]) -> None:
    """--profile unece-2024 adds the concept note's rules: the single co-chair is an error."""
    code, out, _ = run(capsys, "validate", FLAWED, "--profile", "unece-2024")
    assert code == EXIT_FAILED
    assert "INVALID: 5 errors" in out
    assert "profile unece-2024" in out
    assert "error co-chairs (GCM303): 1" in out


def test_validate_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A path that does not exist is a usage problem: one line on stderr, exit 2, no output."""
    missing = tmp_path / "missing.json"
    code, out, err = run(capsys, "validate", VALID, missing)
    assert code == EXIT_USAGE
    assert out == ""
    assert err.count("\n") == 1
    assert str(missing) in err


@pytest.mark.parametrize(
    "option", [["--select", "no-such-rule"], ["--ignore", "GCM999"], ["--profile", "lenient"]]
)
def test_validate_unknown_rule_or_profile(
    capsys: pytest.CaptureFixture[str], option: list[str]
) -> None:
    """An unknown rule or profile exits 2 with a message naming it."""
    code, out, err = run(capsys, "validate", VALID, *option)
    assert code == EXIT_USAGE
    assert out == ""
    assert option[1] in err


@pytest.mark.parametrize(
    "option",
    [
        ["--as-of", "11/03/2024"],
        ["--max-issues", "-1"],
        ["--max-issues", "0"],
        ["--max-issues", "x"],
        ["--per-rule", "x"],
    ],
)
def test_validate_bad_option_values(capsys: pytest.CaptureFixture[str], option: list[str]) -> None:
    """A malformed date or count exits 2 and says what was expected."""
    code, _, err = run(capsys, "validate", VALID, *option)
    assert code == EXIT_USAGE
    assert "expected" in err


def test_validate_json_for_several_paths(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json prints one document: a report per path and the overall verdict."""
    code, out, _ = run(capsys, "validate", VALID, FLAWED, "--format", "json")
    assert code == EXIT_FAILED
    document = orjson.loads(out)
    assert document["valid"] is False
    assert [r["path"] for r in document["reports"]] == [str(VALID), str(FLAWED)]
    assert [r["valid"] for r in document["reports"]] == [True, False]
    assert document["reports"][1]["counts"]["error"] == 4


def test_validate_jsonl_one_issue_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    """--format jsonl prints one issue a line, each with the input path."""
    code, out, _ = run(capsys, "validate", FLAWED, "--format", "jsonl")
    assert code == EXIT_FAILED
    lines = [orjson.loads(line) for line in out.splitlines()]
    assert len(lines) == len(g.validate(FLAWED))
    assert {line["input"] for line in lines} == {str(FLAWED)}
    assert lines[0]["path"].startswith("/")  # the issue's own JSON Pointer


def test_validate_select_and_ignore(capsys: pytest.CaptureFixture[str]) -> None:
    """--select and --ignore take repeated and comma-separated slugs or codes."""
    argv = [
        FLAWED,
        "--format",
        "json",
        "--select",
        "unknown-field,GCM005",
        "--select",
        "chronology",
    ]
    code, out, _ = run(capsys, "validate", *argv, "--ignore", "chronology")
    assert code == EXIT_FAILED
    report = orjson.loads(out)["reports"][0]
    assert set(report["by_rule"]) == {"unknown-field", "wrong-type"}
    assert set(report["rules"]) == {"unknown-field", "wrong-type"}


def test_validate_profile_and_max_issues(capsys: pytest.CaptureFixture[str]) -> None:
    """--profile strict turns the warnings of a valid dataset into errors; --max-issues caps."""
    code, out, _ = run(
        capsys,
        "validate",
        VALID,
        "--profile",
        "strict",
        "--max-issues",
        "1",
        "--as-of",
        "2024-03-11",
    )
    assert code == EXIT_FAILED
    assert "profile strict" in out
    assert "(+1 not shown)" in out


def test_validate_capped_still_fails_and_counts(capsys: pytest.CaptureFixture[str]) -> None:
    """--max-issues 1 on invalid data lists one issue, yet exits 1 and counts them all."""
    code, out, _ = run(capsys, "validate", FLAWED, "--format", "json")
    assert code == EXIT_FAILED
    whole = orjson.loads(out)["reports"][0]
    code, out, _ = run(capsys, "validate", FLAWED, "--format", "json", "--max-issues", "1")
    assert code == EXIT_FAILED
    capped = orjson.loads(out)
    report = capped["reports"][0]
    assert capped["valid"] is report["valid"] is False
    assert (report["counts"], report["by_rule"]) == (whole["counts"], whole["by_rule"])
    assert len(report["issues"]) == 1
    assert report["truncated"] == len(whole["issues"]) - 1
    code, out, _ = run(capsys, "validate", FLAWED, "--max-issues", "1")
    assert code == EXIT_FAILED
    assert out.splitlines()[1].startswith(f"INVALID: {whole['counts']['error']} errors")


def test_validate_directories(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A directory of CSV tables, and a directory of JSON files, each validate as one dataset."""
    tables = tmp_path / "tables"
    assert run(capsys, "convert", VALID, tables)[0] == EXIT_OK
    code, out, _ = run(capsys, "validate", tables, DATA, "--format", "json")
    assert code == EXIT_FAILED  # examples/data holds the flawed dataset too
    reports = orjson.loads(out)["reports"]
    assert [r["valid"] for r in reports] == [True, False]
    assert reports[0]["records"] == len(list(g.load(VALID).records()))


class _Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        """Pretend to be a terminal, so that the progress bar is drawn."""
        return True


def test_validate_progress_bar_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a terminal, several paths get a progress bar on stderr; stdout stays the reports."""
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code, out, _ = run(capsys, "validate", VALID, DATA / "unece_2020.json")
    assert code == EXIT_OK
    assert "validating" in terminal.getvalue()
    assert out.count("valid: 0 errors") == 2


# -- schema ----------------------------------------------------------------------------------


def test_schema_of_a_dataset_is_the_published_one(capsys: pytest.CaptureFixture[str]) -> None:
    """``schema`` prints the bytes of schema/dataset.schema.json."""
    code, out, _ = run(capsys, "schema")
    assert code == EXIT_OK
    assert out.encode() == published_schema()


def test_schema_of_a_type(capsys: pytest.CaptureFixture[str]) -> None:
    """--type takes a model class name, in any case."""
    code, out, _ = run(capsys, "schema", "--type", "meeting")
    assert code == EXIT_OK
    assert orjson.loads(out)["title"] == "gcm-model Meeting"


def test_schema_of_an_unknown_type(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown type exits 2 and suggests the nearest names."""
    code, out, err = run(capsys, "schema", "--type", "Meetng")
    assert code == EXIT_USAGE
    assert out == ""
    assert "did you mean Meeting?" in err


# -- convert ---------------------------------------------------------------------------------


def test_convert_round_trip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """JSON to JSON Lines to CSV tables to JSON gives the same dataset, and the same bytes."""
    lines, tables, back = tmp_path / "d.jsonl", tmp_path / "tables", tmp_path / "back.json"
    for source, target in [(VALID, lines), (lines, tables), (tables, back)]:
        code, out, err = run(capsys, "convert", source, target)
        assert code == EXIT_OK
        assert out == ""
        assert f"wrote {target}" in err
    assert (tables / "dataset.csv").is_file()
    assert g.load(back) == g.load(VALID)
    assert back.read_bytes() == VALID.read_bytes()


def test_convert_into_an_existing_directory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An existing directory receives CSV tables, whatever its name."""
    target = tmp_path / "out.d"
    target.mkdir()
    assert run(capsys, "convert", VALID, target)[0] == EXIT_OK
    assert (target / "meetings.csv").is_file()


def test_convert_data_that_does_not_load(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Data that cannot be loaded exits 1 and lists every problem; nothing is written."""
    target = tmp_path / "out.jsonl"
    code, out, err = run(capsys, "convert", FLAWED, target)
    assert code == EXIT_FAILED
    assert out == ""
    assert "2 problems" in err
    assert "did you mean 'venue'?" in err
    assert not target.exists()


@pytest.mark.parametrize(
    "case",
    [
        (VALID, "out.txt", "cannot tell the format of OUT"),
        (DATA / "unece_2024.txt", "out.json", "cannot tell the format of IN"),
        ("missing.json", "out.json", "cannot read"),
        (VALID, "no/such/dir/out.json", "cannot write"),
        (DATA, "out.json", "has no dataset.csv"),
    ],
)
def test_convert_usage_problems(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, case: tuple[Path | str, str, str]
) -> None:
    """An unknown suffix, a missing input, an unwritable output: exit 2 with one line."""
    source, target, message = case
    code, _, err = run(capsys, "convert", tmp_path / source, tmp_path / target)
    assert code == EXIT_USAGE
    assert message in err
    assert err.count("\n") == 1


def test_convert_unreadable_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An input that exists but cannot be read exits 2 with the system's reason."""

    def refuse(path: object) -> g.Dataset:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(formats, "load", refuse)
    code, _, err = run(capsys, "convert", VALID, tmp_path / "out.jsonl")
    assert code == EXIT_USAGE
    assert f"cannot read {VALID}" in err
    assert "Permission denied" in err


def test_validate_writes_any_format_to_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """-o FILE holds what standard output would: the same JSON, and a line on stderr."""
    code, printed, _ = run(capsys, "validate", FLAWED, "--format", "json")
    target = tmp_path / "report.json"
    code, out, err = run(capsys, "validate", FLAWED, "--format", "json", "-o", target)
    assert code == EXIT_FAILED
    assert out == ""
    assert err == f"gcm-model: wrote {target} (json)\n"
    assert target.read_text(encoding="utf-8") == printed
    code, _, err = run(capsys, "validate", FLAWED, "--format", "jsonl", "-o", target)
    assert code == EXIT_USAGE
    assert "exists; use --force" in err


def test_validate_html_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    """--format html without -o prints the page, with a link to each rule found."""
    code, out, _ = run(capsys, "validate", FLAWED, "--format", "html")
    assert code == EXIT_FAILED
    assert out.startswith("<!DOCTYPE html>")
    report = g.validate(FLAWED)
    for issue in report.issues:
        assert f"href='{issue.url}'" in out


def test_text_report_links_each_rule(capsys: pytest.CaptureFixture[str]) -> None:
    """Each rule's header in the text report ends with the address of its page."""
    _, out, _ = run(capsys, "validate", FLAWED)
    assert "error chronology (GCM104): 1  https://gcm-model.github.io/gcm-model/rules/GCM104/" in (
        out
    )


# -- explain ---------------------------------------------------------------------------------


def test_explain_prints_the_rule_its_source_and_two_examples(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """What it checks, the quote with its citation, the profiles, an invalid and a valid case."""
    rule = g.rules.lookup("report-deadline")
    code, out, _ = run(capsys, "explain", "report-deadline")
    assert code == EXIT_OK
    assert out.startswith("# `report-deadline` (GCM501)\n")
    assert rule.summary in out
    citation = next(c for c in rule.citations if c.quote)
    assert f"{g.cite(citation)}:\n\n> {citation.quote}" in out
    assert "in the profiles `unece-2024`" in out
    assert "`report-deadline/case-1.json` of the conformance suite" in out
    assert "hint: due by " in out
    assert "`valid/" in out
    assert run(capsys, "explain", "GCM501")[1] == out  # by code, the same
    assert run(capsys, "explain", "gcm501")[1] == out


def test_explain_an_unknown_rule_names_the_nearest(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown rule exits 2 with a did-you-mean, on one line."""
    code, out, err = run(capsys, "explain", "report-dedline")
    assert code == EXIT_USAGE
    assert out == ""
    assert "did you mean 'report-deadline'" in err
    assert err.count("\n") == 1


# -- show and lookup -------------------------------------------------------------------------


@pytest.mark.parametrize("name", SHOWN)
def test_show_each_registry(capsys: pytest.CaptureFixture[str], name: str) -> None:
    """Each registry shows as a table titled with its size, and as its JSON records."""
    registry = _listings()[name].registry
    code, table, _ = run(capsys, "show", name)
    assert code == EXIT_OK
    assert table.splitlines()[0].rstrip().endswith(f": {len(registry)}")
    code, out, _ = run(capsys, "show", name, "--format", "json")
    assert code == EXIT_OK
    assert orjson.loads(out) == orjson.loads(orjson.dumps(registry.to_records(), default=str))


def test_show_table_content(capsys: pytest.CaptureFixture[str]) -> None:
    """The tables carry the main columns: codes and names."""
    assert "MDA" in run(capsys, "show", "countries")[1]
    assert "report-deadline" in run(capsys, "show", "rules")[1]
    assert "regional-2024" in run(capsys, "show", "rounds")[1]
    out = run(capsys, "show", "commissions")[1]
    assert all(c.code in out for c in g.commissions)
    out = run(capsys, "show", "meetings")[1]
    assert "planned" in out
    assert "medium" in out  # a plan shows the confidence of its reading


def test_lookup_finds_moldova(capsys: pytest.CaptureFixture[str]) -> None:
    """``lookup moldova`` finds the country MDA, under its registry, before anything else."""
    code, out, _ = run(capsys, "lookup", "moldova")
    assert code == EXIT_OK
    assert out.splitlines()[:2] == ["countries (ISO 3166-1)", "  MDA  Republic of Moldova"]
    assert "  vsi  Moldova Sign Language" in out.splitlines()  # a language of ISO 639-3


def test_lookup_json_and_limit(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json gives registry, code and name; --limit caps the matches per registry."""
    code, out, _ = run(capsys, "lookup", "escap", "--format", "json", "--limit", "1")
    assert code == EXIT_OK
    matches = orjson.loads(out)
    assert {"registry": "commissions", "code": "ESCAP"}.items() <= matches[0].items()
    registries = [m["registry"] for m in matches]
    assert len(registries) == len(set(registries))
    text = run(capsys, "lookup", "escap", "--limit", "1")[1]
    assert "more (see --limit)" in text


def test_lookup_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    """Nothing found exits 1 with a message on stderr."""
    code, out, err = run(capsys, "lookup", "xyzzy")
    assert code == EXIT_FAILED
    assert out == ""
    assert "nothing matches 'xyzzy'" in err


# -- new -------------------------------------------------------------------------------------


def test_new_meeting_loads_and_validates(capsys: pytest.CaptureFixture[str]) -> None:
    """The skeleton loads, has no validation error and holds only facts."""
    code, out, _ = run(capsys, "new", "meeting", "--commission", "unece", "--date", "2024-03-11")
    assert code == EXIT_OK
    dataset = g.loads(out)
    assert g.validate(dataset).valid
    assert g.validate(out.encode()).valid
    (review,), (meeting,) = dataset.reviews, dataset.meetings
    assert review.round == meeting.round == "regional-2024"
    assert meeting.id == "meeting:ece-2024-03-11"
    assert meeting.review == review.id == "review:ece-2024"
    assert meeting.kind is g.MeetingKind.REGIONAL_REVIEW
    assert meeting.commissions == review.commissions == ("ECE",)
    assert meeting.known_meeting == "ece-2024"
    assert "Economic Commission for Europe" in meeting.title
    assert "2024-03-11" in meeting.title
    assert [s.cluster for s in meeting.thematic_sessions] == [1, 2, 3, 4]
    assert "FILL" not in out.upper()


def test_new_meeting_of_a_later_year(capsys: pytest.CaptureFixture[str]) -> None:
    """A meeting of a round the data do not list yet falls in its round by the cadence."""
    argv = ["new", "meeting", "--commission", "ESCWA", "--date", "2029-01-15"]
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, "")
    data = g.loads(out)
    assert data.reviews[0].round == "regional-2028"


def test_new_meeting_of_several_days(capsys: pytest.CaptureFixture[str]) -> None:
    """--end sets the last day; with no known meeting on the date, none is linked."""
    argv = [
        "new",
        "meeting",
        "--commission",
        "ESCAP",
        "--date",
        "2025-02-03",
        "--end",
        "2025-02-05",
    ]
    code, out, _ = run(capsys, *argv)
    assert code == EXIT_OK
    meeting = g.loads(out).meetings[0]
    assert (str(meeting.start), str(meeting.end)) == ("2025-02-03", "2025-02-05")
    assert meeting.round == "regional-2024"
    assert meeting.known_meeting is None


def test_new_meeting_to_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--output writes the file, refuses to replace it, and replaces it with --force."""
    target = tmp_path / "ece.json"
    argv = ["new", "meeting", "--commission", "ECE", "--date", "2024-03-11", "--output", target]
    code, out, err = run(capsys, *argv)
    assert (code, out) == (EXIT_OK, "")
    assert f"gcm-model validate {target}" in err
    assert g.load(target).meetings[0].id == "meeting:ece-2024-03-11"
    code, _, err = run(capsys, *argv)
    assert code == EXIT_USAGE
    assert "--force" in err
    assert run(capsys, *argv, "--force")[0] == EXIT_OK
    assert [p.name for p in tmp_path.iterdir()] == ["ece.json"]  # written whole, by a rename


def test_new_meeting_is_written_atomically(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An interrupt while writing leaves the file that was there, and no temporary file."""
    target = tmp_path / "ece.json"
    target.write_text("old", encoding="utf-8")

    def interrupted(self: Path, data: bytes) -> None:
        del self, data
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "write_bytes", interrupted)
    argv = ["new", "meeting", "--commission", "ECE", "--date", "2024-03-11", "-o", target]
    code, _, err = run(capsys, *argv, "--force")
    monkeypatch.undo()
    assert (code, err.strip()) == (130, "gcm-model: interrupted")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["ece.json"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--commission", "UNECA2", "--date", "2024-03-11"], "unknown commission"),
        (["--commission", "ECE", "--date", "2019-06-01"], "2019"),
        (["--commission", "ECE", "--date", "2024-03-11", "--end", "2024-03-10"], "before"),
        (["--commission", "ECE", "--date", "March 2024"], "YYYY-MM-DD"),
        (["--date", "2024-03-11"], "--commission"),
    ],
)
def test_new_meeting_usage_problems(
    capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    """Unknown commissions, dates before the first round or malformed: exit 2 with a message."""
    code, out, err = run(capsys, "new", "meeting", *options)
    assert code == EXIT_USAGE
    assert out == ""
    assert message in err


def test_new_meeting_to_an_unwritable_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A FILE in a directory that does not exist exits 2 and says it cannot be written."""
    target = tmp_path / "no" / "such" / "ece.json"
    argv = ["new", "meeting", "--commission", "ECE", "--date", "2024-03-11", "-o", target]
    code, _, err = run(capsys, *argv)
    assert code == EXIT_USAGE
    assert f"cannot write {target}" in err


# -- failures inside a command ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("exception", "expected"),
    [
        (BrokenPipeError(), EXIT_FAILED),
        (KeyboardInterrupt(), 130),
        (DocumentError((DocumentProblem("json-syntax", "", "invalid JSON"),)), EXIT_FAILED),
        (g.UnknownCodeError("thing", "x"), EXIT_USAGE),
    ],
)
def test_failures_end_without_a_traceback(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    exception: BaseException,
    expected: int,
) -> None:
    """A reader that goes away (``| head``), Ctrl-C, bad data or a bad code: a code, no traceback."""

    def failing(_: object) -> int:
        raise exception

    monkeypatch.setattr(cli_reference, "_lookup", failing)
    code, out, _ = run(capsys, "lookup", "moldova")
    assert code == expected
    assert out == ""


# -- as a program ------------------------------------------------------------------------------


def program(*argv: object) -> subprocess.CompletedProcess[str]:
    """Run a command line in a subprocess; return the finished process."""
    return subprocess.run(
        [str(a) for a in argv], capture_output=True, text=True, check=False, timeout=60
    )


def test_python_dash_m(tmp_path: Path) -> None:
    """``python -m gcm_model`` validates: exit 1 on errors, 2 on a missing file, no traceback."""
    done = program(sys.executable, "-m", "gcm_model", "validate", FLAWED, "--format", "json")
    assert done.returncode == EXIT_FAILED
    assert orjson.loads(done.stdout)["valid"] is False
    assert "Traceback" not in done.stderr
    done = program(sys.executable, "-m", "gcm_model", "validate", tmp_path / "missing.json")
    assert done.returncode == EXIT_USAGE
    assert done.stderr.startswith("gcm-model: error: cannot read")
    assert "Traceback" not in done.stderr


def test_console_script(tmp_path: Path) -> None:
    """The ``gcm-model`` script next to the interpreter runs, and fails cleanly on bad input."""
    script = Path(sys.executable).with_name("gcm-model")
    if not script.exists():  # pragma: no cover - the package is installed with its script
        pytest.skip("the gcm-model console script is not installed")
    done = program(script, "validate", VALID)
    assert done.returncode == EXIT_OK
    assert "valid: 0 errors" in done.stdout
    done = program(script, "convert", FLAWED, tmp_path / "out.json")
    assert done.returncode == EXIT_FAILED
    assert "cannot load" in done.stderr
    assert "Traceback" not in done.stderr
    done = program(script, "--version")
    assert (done.returncode, done.stdout.split()[0]) == (EXIT_OK, "gcm-model")


def test_convert_never_replaces_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An existing OUT stays as it was, exit 2, unless --force; then it is replaced whole."""
    target = tmp_path / "out.json"
    target.write_text("keep me", encoding="utf-8")
    code, _, err = run(capsys, "convert", VALID, target)
    assert code == EXIT_USAGE
    assert "exists; use --force" in err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert run(capsys, "convert", VALID, target, "--force")[0] == EXIT_OK
    assert g.load(target) == g.load(VALID)
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary left


@pytest.mark.parametrize("name", ["out.json", "out.jsonl", "tables"])
def test_written_files_get_the_usual_permissions(tmp_path: Path, name: str) -> None:
    """A new file gets the umask's mode (not the temporary file's 0600); a replaced one keeps its own."""
    umask = os.umask(0o022)
    os.umask(umask)
    target = tmp_path / name
    formats.write_dataset(g.load(VALID), target)
    usual = (0o777 if target.is_dir() else 0o666) & ~umask
    assert stat.S_IMODE(target.stat().st_mode) == usual
    target.chmod(0o750 if target.is_dir() else 0o640)
    formats.write_dataset(g.load(VALID), target, overwrite=True)
    assert stat.S_IMODE(target.stat().st_mode) == (0o750 if target.is_dir() else 0o640)


def test_a_failed_write_leaves_nothing_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An interrupt while writing leaves the old file as it was, and no temporary file."""
    target = tmp_path / "out.jsonl"
    target.write_text("old", encoding="utf-8")

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(formats, "dump_jsonl", interrupted)
    with pytest.raises(KeyboardInterrupt):
        formats.write_dataset(g.load(VALID), target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]
