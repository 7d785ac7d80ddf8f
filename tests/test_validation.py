"""Tests for gcm_model.validation: sources, profiles, options, the report, robustness."""

# Some cases pass wrong types on purpose, to check they become issues.
# mypy: disable-error-code="arg-type"

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

import gcm_model as g
from gcm_model import testing
from gcm_model.conformance import profile_for
from gcm_model.converters import dump_jsonl, make_converter, unstructure
from gcm_model.errors import InvalidCodeError, SourceError, UnknownCodeError
from gcm_model.models.checks import deferred_checks
from gcm_model.tabular import write_csv
from gcm_model.validation import PROFILES, Severity, ValidationReport, rules, validate

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "data" / "unece_2024.json"


def dataset() -> g.Dataset:
    """The UNECE 2024 example, loaded from its JSON document."""
    return g.load(EXAMPLE)


def broken() -> dict[str, Any]:
    """The example with three problems: a structural one, an invariant, a dangling reference."""
    tree: dict[str, Any] = unstructure(dataset())
    tree["meetings"][0]["co_chairs"] = ["ESP", 3]
    tree["events"][0]["objectives"] = [24]
    tree["reports"][0]["meetings"] = ["meeting:nowhere"]
    return tree


def rules_of(report: ValidationReport) -> list[tuple[str, str]]:
    """(rule, path) of every error of a report."""
    return [(i.rule, i.path) for i in report if i.severity is Severity.ERROR]


EXPECTED = [
    ("wrong-type", "/meetings/0/co_chairs/1"),
    ("unknown-objective", "/events/0/objectives/0"),
    ("dangling-reference", "/reports/0/meetings/0"),
]


@pytest.mark.parametrize(
    "make",
    [
        broken,
        lambda: orjson.dumps(broken()),
        lambda: orjson.dumps(broken()).decode(),
    ],
    ids=["dict", "bytes", "str"],
)
def test_every_problem_in_one_pass(make: Any) -> None:
    """Structure, invariants and dataset rules are reported together, from any form."""
    report = validate(make())
    assert not report.valid
    assert rules_of(report) == EXPECTED


def test_typed_dataset_and_records() -> None:
    """A Dataset, a list of records and a single record are sources too."""
    assert validate(dataset()).valid
    records = [record for _, record in dataset().records()]
    assert validate(records).valid
    assert validate(records[0]).records == 1
    tagged = [{"@type": "pledge", "id": "p1", "text": "t", "member_state": "ESP"}]
    assert validate(tagged).valid
    wrong = validate([{"@type": "pledging"}, 3])
    assert [(i.rule, i.path) for i in wrong] == [
        ("invalid-value", "/0/@type"),
        ("wrong-type", "/1"),
    ]


def test_paths_json_jsonl_csv_and_directories(tmp_path: Path) -> None:
    """Files and directories of every supported kind, with file and line in the issues."""
    assert validate(EXAMPLE).valid
    lines = tmp_path / "data.jsonl"
    dump_jsonl(dataset(), lines)
    text = lines.read_text().splitlines()
    text.insert(2, '{"@type": "pledge", "id": ')
    lines.write_text("\n".join(text) + "\n")
    report = validate(lines)
    (syntax,) = [i for i in report if i.rule == "json-syntax"]
    assert (syntax.file, syntax.line) == (str(lines), 3)
    assert report.records == len(list(dataset().records()))
    csv_dir = tmp_path / "tables"
    write_csv(dataset(), csv_dir)
    assert validate(csv_dir).valid
    (csv_dir / "meetings.csv").write_text(
        (csv_dir / "meetings.csv").read_text().replace("Europe/Zurich", "CET")
    )
    bad = validate(csv_dir)
    assert [(i.rule, i.file, i.line) for i in bad if i.severity is Severity.ERROR] == [
        ("invalid-value", str(csv_dir / "meetings.csv"), 2)
    ]
    folder = tmp_path / "many"
    folder.mkdir()
    (folder / "a.json").write_bytes(orjson.dumps(broken()))
    (folder / "b.jsonl").write_bytes(lines.read_bytes())
    mixed = validate(folder)
    assert {i.file for i in mixed if i.severity is Severity.ERROR} == {
        str(folder / "a.json"),
        str(folder / "b.jsonl"),
    }


def edit_csv(path: Path, edit: Any) -> None:
    """Edit a CSV file's rows (the header first) in place."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    edit(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def csv_issues(report: ValidationReport) -> list[tuple[str, str, str | None, int | None]]:
    """(rule, path, file name, line) of every issue of a report on CSV tables."""
    return [(i.rule, i.path, i.file and Path(i.file).name, i.line) for i in report]


def test_csv_header_problem_leaves_the_rows_checked(tmp_path: Path) -> None:
    """A misspelt column is one issue at line 1 with a did-you-mean; every rule still runs."""
    folder = tmp_path / "tables"
    write_csv(dataset(), folder)
    clean = validate(folder)
    as_json = [(i.rule, i.path, i.record, i.message) for i in validate(dataset())]
    assert [(i.rule, i.path, i.record, i.message) for i in clean] == as_json

    def misspell(rows: list[list[str]]) -> None:
        rows[0][rows[0].index("webcast")] = "webcats"

    edit_csv(folder / "meetings.csv", misspell)
    report = validate(folder)
    first, *rest = report.issues
    assert (first.rule, first.file, first.line) == (
        "unknown-field",
        str(folder / "meetings.csv"),
        1,
    )
    assert first.message == "unknown column 'webcats'; did you mean 'webcast'?"
    assert report.records == clean.records == len(list(dataset().records()))
    assert csv_issues(clean) == [(i.rule, i.path, Path(i.file or "").name, i.line) for i in rest]


def test_csv_bad_required_cell_is_one_issue(tmp_path: Path) -> None:
    """A required cell that cannot be read is one issue, not also a missing field."""
    folder = tmp_path / "tables"
    write_csv(dataset(), folder)

    def unreadable(rows: list[list[str]]) -> None:
        # The layout of earlier releases: the list as JSON text in a column named after it.
        rows[0].append("commissions")
        rows[1].append('["ECE"')

    edit_csv(folder / "reviews.csv", unreadable)
    edit_csv(folder / "reviews_commissions.csv", lambda rows: rows[1:].clear())
    errors = [i for i in validate(folder) if i.severity is Severity.ERROR]
    assert [(i.rule, i.path, i.line, i.record) for i in errors] == [
        ("json-syntax", "/reviews/0/commissions", 2, "review:ece-2024")
    ]


def test_csv_issues_are_at_the_line_where_their_row_starts(tmp_path: Path) -> None:
    """A cell over several lines: its row's issues at its first line, the rows after moved on."""
    folder = tmp_path / "tables"
    write_csv(dataset(), folder)
    clean = csv_issues(validate(folder, profile="unece-2024"))
    assert ("session-roles", "/meetings/0/agenda/3/moderator", "segments.csv", 5) in clean

    def spread(rows: list[list[str]]) -> None:
        rows[1][rows[0].index("notes")] = "A note\nover\nthree lines"
        rows[1][rows[0].index("reported_minutes")] = "seventy"

    edit_csv(folder / "segments.csv", spread)
    lines = (folder / "segments.csv").read_text(encoding="utf-8").splitlines()
    assert lines[4].startswith("meeting:ece-2024,1,")  # the second row starts at line 5
    moved = [
        (rule, path, name, line + 2 if name == "segments.csv" and line and line > 2 else line)
        for rule, path, name, line in clean
    ]
    assert csv_issues(validate(folder, profile="unece-2024")) == [
        ("wrong-type", "/meetings/0/agenda/0/reported_minutes", "segments.csv", 2),
        *moved,
    ]


def test_wrong_calls_raise_gcm_errors(tmp_path: Path) -> None:
    """Only a wrong call raises: unknown profile or rule, bad options, unreadable paths."""
    with pytest.raises(UnknownCodeError):
        validate(dataset(), profile="lenient")
    with pytest.raises(UnknownCodeError, match="did you mean 'report-deadline'"):
        validate(dataset(), select=["report-deadlin"])
    with pytest.raises(InvalidCodeError):
        validate(dataset(), as_of="2024-03-11")
    with pytest.raises(SourceError) as info:
        validate(tmp_path / "missing.json")
    assert isinstance(info.value, OSError)
    with pytest.raises(InvalidCodeError):
        validate(3.5)


@pytest.mark.parametrize("cap", [0, -1, -50])
def test_max_issues_of_zero_or_less_is_a_wrong_call(cap: int) -> None:
    """A cap of 0 or less raises a library ValueError, before any reading."""
    with pytest.raises(InvalidCodeError, match="1 or more") as info:
        validate(broken(), max_issues=cap)
    assert isinstance(info.value, g.GcmError)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("cap", [True, 2.0, "3", [1]])
def test_max_issues_of_the_wrong_type_is_a_wrong_call(cap: object) -> None:
    """A cap that is not an int (a bool neither) raises InvalidCodeError."""
    with pytest.raises(InvalidCodeError, match="max_issues"):
        validate(broken(), max_issues=cap)


def test_max_issues_limits_the_list_never_the_verdict() -> None:
    """Under any cap the verdict, counts and per-rule counts are those of every issue."""
    everything = validate(broken(), profile="unece-2024")
    total = len(everything)
    assert not everything.valid
    assert total > 3
    for cap in range(1, total + 2):
        capped = validate(broken(), profile="unece-2024", max_issues=cap)
        assert not capped.valid
        assert capped.counts == everything.counts
        assert capped.by_rule == everything.by_rule
        assert len(capped) == min(cap, total)
        assert len(capped) + capped.truncated == sum(capped.counts.values())
        listed = capped.to_dict()
        assert (listed["valid"], listed["counts"]) == (False, everything.counts)
        assert listed["by_rule"] == everything.by_rule
        assert capped.summary().split(" in ")[0] == everything.summary().split(" in ")[0]


def test_capped_text_counts_every_issue() -> None:
    """The text names each rule's full count, and the rules left out entirely."""
    everything = validate(broken(), profile="unece-2024")
    capped = validate(broken(), profile="unece-2024", max_issues=1)
    text = capped.to_text()
    assert text.splitlines()[0].startswith("INVALID: 3 errors")
    assert f"(+{len(everything) - 1} not shown)" in text
    shown = capped.issues[0].rule
    assert f"{shown} ({capped.issues[0].code}): {everything.by_rule[shown]}" in text
    rest = [f"{rule} {n}" for rule, n in everything.by_rule.items() if rule != shown]
    assert text.splitlines()[-1] == "not shown: " + ", ".join(rest)


def test_as_of_changes_membership() -> None:
    """Membership is judged on the meeting's date unless as_of says otherwise."""
    meeting = g.Meeting(
        id="m",
        title="Arab region review",
        kind=g.MeetingKind.REGIONAL_REVIEW,
        start=dt.date(2024, 7, 3),
        end=dt.date(2024, 7, 4),
        commissions=["ESCWA"],
        co_chairs=["DJI", "EGY"],
    )
    data = g.Dataset(meetings=[meeting])
    assert len(validate(data, select=["commission-membership"])) == 0
    early = validate(data, select=["commission-membership"], as_of=dt.date(2021, 1, 1))
    assert [(i.rule, i.path) for i in early] == [
        ("commission-membership", "/meetings/0/co_chairs/0")
    ]


def test_profiles_select_ignore_and_cap() -> None:
    """Strict raises warnings to errors; select and ignore filter; max_issues caps."""
    data = dataset()
    default = validate(data)
    strict = validate(data, profile="strict")
    assert default.valid
    assert not strict.valid
    assert strict.counts["warning"] == 0
    assert strict.counts["error"] == default.counts["warning"]
    only = validate(data, select=["GCM401"])
    assert {i.rule for i in only} == {"stakeholder-coverage"}
    assert "stakeholder-coverage" not in validate(data, ignore="stakeholder-coverage").by_rule
    capped = validate(data, max_issues=2)
    assert len(capped) == 2
    assert capped.truncated == len(default) - 2
    unece = validate(data, profile="unece-2024")
    assert {"background-notes", "session-roles"} <= set(unece.by_rule)
    assert {"background-notes", "session-roles"} <= set(unece.rules)
    assert not {"background-notes", "session-roles"} & set(default.rules)


def test_report_renderings() -> None:
    """Text grouped by rule with capped examples, JSON, HTML and records for a DataFrame."""
    report = validate(broken(), profile="unece-2024")
    text = report.to_text(per_rule=1)
    assert text.splitlines()[0].startswith("INVALID: 3 errors")
    assert "error wrong-type (GCM005): 1" in text
    many = validate(dataset(), profile="unece-2024").to_text(per_rule=1)
    assert "warning session-roles (GCM305): 8" in many
    assert "  ... and 7 more" in many
    decoded = json.loads(report.to_json())
    assert decoded["valid"] is False
    assert decoded["counts"] == report.counts
    assert decoded["data_version"] == g.data_version()
    assert decoded["issues"][0]["json_path"] == "$.meetings[0].co_chairs[1]"
    assert "<table class='gcm-issues'>" in report._repr_html_()
    records = report.to_records()
    assert len(records) == len(report)
    assert records[0]["severity"] == "error"
    assert str(report) == report.to_text()
    first = report.issues[0]
    assert str(first) == (
        "$.meetings[0].co_chairs[1]: error wrong-type: expected a string, got an integer "
        "(record meeting:ece-2024)"
    )


def test_rule_catalogue_is_data() -> None:
    """Every rule has a slug, code, severity, summary, source and profiles; codes are unique."""
    assert len(rules) == 38
    codes = [r.code for r in rules]
    assert len(set(codes)) == len(codes)
    for rule in rules:
        assert rule.summary
        assert rule.source
        assert set(rule.profiles) <= set(PROFILES)
        assert rule.profiles
    assert rules.lookup("GCM501").slug == "report-deadline"
    assert rules.lookup("report-deadline").parameter("days") == 30
    assert "one week" in (rules.lookup("written-input-deadline").quote or "")
    with pytest.raises(UnknownCodeError):
        rules.lookup("report-deadline").parameter("weeks")


def test_every_catalogue_rule_is_implemented() -> None:
    """Each rule either comes from loading (structure, invariants) or has a function."""
    from gcm_model.validation._judges import CHECKS  # noqa: PLC0415

    from_loading = {
        "json-syntax",
        "schema-version",
        "missing-field",
        "unknown-field",
        "wrong-type",
        "invalid-value",
        "unknown-objective",
        "unknown-code",
    }
    assert {r.slug for r in rules} == from_loading | set(CHECKS)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["schema_version", "meetings", "reviews", "id", "x"])
            | st.text(max_size=5),
            children,
            max_size=5,
        )
    ),
    max_leaves=25,
)


@given(json_values)
def test_validate_never_raises_on_json(value: object) -> None:
    """Any JSON value gives a report, never an exception."""
    report = validate(json.dumps(value).encode())
    assert isinstance(report, ValidationReport)
    if not isinstance(value, dict):
        assert not report.valid


@given(st.binary(max_size=300))
def test_validate_never_raises_on_bytes(data: bytes) -> None:
    """Any bytes give a report, never an exception."""
    assert isinstance(validate(data), ValidationReport)


@given(st.dictionaries(st.sampled_from(list(g.converters.RECORD_TYPES)), json_values, max_size=3))
def test_validate_never_raises_on_records(fields: dict[str, Any]) -> None:
    """Arbitrary tagged records give a report, never an exception."""
    for tag in g.converters.RECORD_TYPES:
        assert isinstance(validate([{"@type": tag, **fields}]), ValidationReport)


FLAWED_GENERAL = {
    ("unknown-field", "/meetings/0/vennue"),
    ("chronology", "/events/2/start"),
    ("wrong-type", "/reports/1/language"),
    ("dangling-reference", "/reports/0/authors/0"),
}
"""The planted mistakes of the flawed example that the default profile finds."""
FLAWED_UNECE = {
    ("co-chairs", "/meetings/0/co_chairs"),
    ("written-input-deadline", "/meetings/0/written_inputs_due"),
    ("objective-coverage", "/reviews/0"),
    ("report-deadline", "/reports/1/issued"),
}
"""Those only the practice of the UNECE 2024 concept note makes mistakes."""


def test_flawed_example_reports_each_planted_mistake() -> None:
    """The deliberately flawed dataset yields every planted mistake, in one pass."""
    report = validate(ROOT / "examples" / "data" / "flawed_unece_2024.json", profile="unece-2024")
    found = {(i.rule, i.path) for i in report}
    assert found >= FLAWED_GENERAL | FLAWED_UNECE
    assert report.counts["error"] == 5
    coverage = next(i for i in report if i.rule == "objective-coverage")
    assert coverage.value == [11]


def test_flawed_example_under_the_default_profile() -> None:
    """Under the default profile, the mistakes against the UNECE practice are none."""
    report = validate(ROOT / "examples" / "data" / "flawed_unece_2024.json")
    found = {(i.rule, i.path) for i in report}
    assert found >= FLAWED_GENERAL
    assert not FLAWED_UNECE & found
    assert report.counts["error"] == 4


def test_objects_built_with_deferred_checks_are_reported_not_raised() -> None:
    """Invalid typed objects (built with checks deferred) become issues, never exceptions."""
    from gcm_model.models.checks import deferred_checks  # noqa: PLC0415

    with deferred_checks():
        meeting = g.Meeting(
            id="m",
            title="t",
            kind=g.MeetingKind.REGIONAL_REVIEW,
            start=dt.date(2024, 3, 11),
            agenda="x",
        )
        report = g.Report(
            id="r", kind=g.ReportKind.OUTCOME_REPORT, sections=(g.ReportSection(kind="nope"),)
        )
        person = g.Participant(id="p", kind=g.ParticipantKind.PERSON, gender="woman")
        odd = g.Dataset(meetings="m", reviews=(g.Venue(),), title=" ")
    found = validate(g.Dataset(meetings=[meeting], reports=[report], participants=[person]))
    assert [(i.rule, i.path) for i in found if i.severity is Severity.ERROR] == [
        ("wrong-type", "/meetings/0/agenda"),
        ("wrong-type", "/participants/0/gender"),
        ("unknown-code", "/reports/0/sections/0/kind"),
    ]
    assert [(i.rule, i.path) for i in validate(odd)] == [
        ("invalid-value", "/title"),
        ("wrong-type", "/reviews/0"),
        ("wrong-type", "/meetings"),
    ]


TYPED_SLUGS = [
    rule.slug
    for rule in rules
    if rule.slug not in {"json-syntax", "schema-version", "missing-field", "unknown-field"}
    and rule.slug != "wrong-type"
]
"""The rules whose broken documents can be built as typed objects (checks deferred)."""


@pytest.mark.parametrize("slug", TYPED_SLUGS)
def test_typed_dataset_reports_as_its_document(slug: str) -> None:
    """A Dataset built from a broken document, checks deferred, gets the document's issues."""
    converter = make_converter()
    profile = profile_for(slug)

    @settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(testing.invalid_datasets(slug))
    def same(data: bytes) -> None:
        try:
            with deferred_checks():
                typed = converter.structure(orjson.loads(data), g.Dataset)
        except Exception:  # noqa: BLE001 - a value no typed field can hold (a naive datetime)
            reject()
        expected = validate(data, profile=profile).issues
        assert validate(typed, profile=profile).issues == expected

    same()


def test_typed_records_are_checked_all_the_way_down() -> None:
    """A problem two objects deep, in a record whose own fields are fine, is still found."""
    with deferred_checks():
        note = g.DocumentRef(title="Note", url=" https://example.org")
        session = g.ThematicSession(cluster=1, objectives=(2, 5), background_note=note)
        contact = g.Contact(role="focal point", email="a\x01@example.org")
    meeting = g.Meeting(
        id="m", title="t", kind=g.MeetingKind.REGIONAL_REVIEW, start=dt.date(2024, 3, 11)
    )
    meetings = [meeting.evolve(agenda=(session,)), meeting.evolve(id="n", contacts=(contact,))]
    found = validate(g.Dataset(meetings=meetings))
    errors = [(i.rule, i.path) for i in found if i.severity is Severity.ERROR]
    assert errors == [
        ("invalid-value", "/meetings/0/agenda/0/background_note/url"),
        ("invalid-value", "/meetings/1/contacts/0/email"),
    ]


@settings(max_examples=40, deadline=None)
@given(testing.datasets())
def test_generated_datasets_pass_every_error_rule(data: g.Dataset) -> None:
    """The public strategies build datasets valid against every error-level rule."""
    report = validate(data)
    assert [str(i) for i in report if i.severity is Severity.ERROR] == []


def test_empty_json_lines_file_is_reported(tmp_path: Path) -> None:
    """An empty JSON Lines file has no header: reported, as load_jsonl does."""
    path = tmp_path / "empty.jsonl"
    path.write_text("")
    assert [(i.rule, i.file) for i in validate(path)] == [("schema-version", str(path))]


def test_a_path_whose_name_names_no_format_is_refused(tmp_path: Path) -> None:
    """validate, the command line and Dask recognise a path alike: .txt is no dataset format."""
    text = tmp_path / "review.txt"
    text.write_bytes(Path("examples/data/unece_2024.json").read_bytes())
    with pytest.raises(g.UnknownFormatError, match="cannot tell the format of"):
        validate(text)
    with pytest.raises(ValueError, match=r"\.json, \.jsonl"):
        g.read_dataset(text)


def test_a_str_naming_a_file_is_told_to_be_a_path() -> None:
    """A file name given as a str is no JSON text: the error says to pass a Path."""
    name = str(EXAMPLE)
    with pytest.raises(InvalidCodeError, match=r"pass Path\(") as caught:
        validate(name)
    assert name in str(caught.value)
    assert validate(Path(name)).valid
    assert not validate("not json, no file").valid  # a text that names nothing stays JSON
