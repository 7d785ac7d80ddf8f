"""Tests for gcm_model.tabular: CSV tables and DataFrames with ids linking them."""

from __future__ import annotations

import csv
import datetime as dt
import sys
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gcm_model as g
from gcm_model.errors import DocumentError, InvalidCodeError
from gcm_model.models._kind import FORMULA_STARTS, TEXT_CELL, declared
from gcm_model.models.dataset import COLLECTIONS
from gcm_model.tabular import (
    TABLES,
    _write_tree,
    from_tables,
    read_csv,
    to_pandas,
    to_tables,
    write_csv,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

CET = dt.timezone(dt.timedelta(hours=1))


def dataset() -> g.Dataset:
    """A dataset with an agenda, report sections and items."""
    start = dt.datetime(2024, 3, 11, 8, 30, tzinfo=CET)
    return g.Dataset(
        title="Tables",
        reviews=(g.RegionalReview(id="r1", round="regional-2024", commissions=("ECE",)),),
        meetings=(
            g.Meeting(
                id="m1",
                title="Regional Review",
                kind=g.MeetingKind.REGIONAL_REVIEW,
                start=start,
                end=dt.datetime(2024, 3, 11, 18, tzinfo=CET),
                venue=g.Venue(city="Geneva", country="CHE"),
                webcast=True,
                agenda=(
                    g.Hearing(start=start, reported_minutes=75),
                    g.ThematicSession.for_cluster(2),
                ),
            ),
        ),
        reports=(
            g.Report(
                id="x1",
                kind=g.ReportKind.OUTCOME_REPORT,
                sections=(
                    g.ReportSection.of_kind("introduction"),
                    g.ReportSection.of_kind(
                        "key_findings",
                        items=[
                            g.KeyFinding(text="Finding.", objectives=(11,)),
                            g.GoodPractice(text="Practice.", lesson_learned=True),
                        ],
                    ),
                ),
            ),
        ),
    )


def test_tables_round_trip_in_memory_and_on_disk(tmp_path: Path) -> None:
    """to_tables/from_tables and write_csv/read_csv give back an equal dataset."""
    assert from_tables(to_tables(dataset())) == dataset()
    files = write_csv(dataset(), tmp_path / "out")
    assert sorted(p.name for p in files) == sorted(f"{t}.csv" for t in TABLES)
    assert read_csv(tmp_path / "out") == dataset()


def test_child_tables_link_by_id_and_position() -> None:
    """Lists are tables naming their owner's row; nested objects are columns ``venue/city``."""
    tables = to_tables(dataset())
    assert [(r["meeting"], r["position"], r["kind"]) for r in tables["segments"]] == [
        ("m1", "0", "hearing"),
        ("m1", "1", "thematic_session"),
    ]
    objectives = [
        (r["meeting"], r["segment"], r["position"], r["value"])
        for r in tables["segments_objectives"]
    ]
    assert objectives[:2] == [("m1", "1", "0", "4"), ("m1", "1", "1", "8")]
    assert [r["value"] for r in tables["segments_objectives"]] == [
        "4",
        "8",
        "9",
        "10",
        "11",
        "13",
        "21",
    ]
    assert [(r["report"], r["section"], r["position"]) for r in tables["items"]] == [
        ("x1", "1", "0"),
        ("x1", "1", "1"),
    ]
    assert tables["items_objectives"] == [
        {"report": "x1", "section": "1", "item": "0", "position": "0", "value": "11"}
    ]
    assert tables["reviews_commissions"] == [{"review": "r1", "position": "0", "value": "ECE"}]
    meeting = tables["meetings"][0]
    assert meeting["webcast"] == "true"
    assert (meeting["venue"], meeting["venue/city"], meeting["venue/country"]) == (
        "",
        "Geneva",
        "CHE",
    )
    assert not any(
        cell.startswith(("[", "{"))
        for rows in tables.values()
        for row in rows
        for cell in row.values()
    )


def test_tables_come_from_the_kinds() -> None:
    """Every list field of every collection has its table; no column holds a list."""
    for name, cls in COLLECTIONS.items():
        for field, kind in declared(cls):
            if kind.many:
                assert f"{name}_{field}" in TABLES or field in {"agenda", "sections"}
            else:
                assert field in TABLES[name]
            assert not any(c.startswith(f"{field}/") for c in TABLES[name]) or not kind.many
    assert TABLES["meetings_contacts"] == ["meeting", "position", "role", "email"]
    assert TABLES["segments_panellists"] == ["meeting", "segment", "position", "value"]
    assert TABLES["dataset_sources"] == ["position", "value"]


def test_an_object_given_without_values_and_a_record_without_a_usable_id() -> None:
    """An empty venue is ``{}`` in its own column; lists of a repeated id stay JSON text."""
    meeting = g.Meeting(
        id="m", title="M", kind=g.MeetingKind.REGIONAL_REVIEW, planned="2028", venue=g.Venue()
    )
    twin = attrs.evolve(meeting, venue=None, languages=("en",))
    data = g.Dataset(meetings=(meeting, twin))
    tables = to_tables(data)
    assert [r["venue"] for r in tables["meetings"]] == ["{}", ""]
    assert tables["meetings"][1]["languages"] == '["en"]'
    assert tables["meetings_languages"] == []
    assert from_tables(tables) == data


def test_files_of_earlier_versions_are_read(tmp_path: Path) -> None:
    """Lists and nested objects as JSON text in a cell, as earlier versions wrote them, are read."""
    folder = tmp_path / "old"
    folder.mkdir()
    files = {
        "dataset": [["schema_version", "title", "sources"], ["1.0", "Tables", '["a"]']],
        "reviews": [
            ["id", "round", "commissions", "title"],
            ["r1", "regional-2024", '["ECE"]', ""],
        ],
        "meetings": [
            ["id", "title", "kind", "planned", "venue", "co_chairs"],
            ["m1", "M", "regional_review", "2024", '{"city":"Geneva"}', '["ESX"]'],
        ],
        "segments": [
            ["meeting", "position", "kind", "objectives", "cluster"],
            ["m1", "0", "thematic_session", "[4, 8]", "2"],
        ],
    }
    for name, rows in files.items():
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
    with pytest.raises(DocumentError) as info:
        read_csv(folder)
    assert located(info.value) == [("meetings.csv", 2, "co_chairs", "unknown-code")]
    set_rows = files["meetings"]
    set_rows[1][5] = '["ESP"]'
    with (folder / "meetings.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(set_rows)
    data = read_csv(folder)
    assert data.sources == ("a",)
    assert data.reviews[0].commissions == ("ECE",)
    assert data.meetings[0].venue == g.Venue(city="Geneva")
    session = data.meetings[0].agenda[0]
    assert isinstance(session, g.ThematicSession)
    assert session.objectives == (4, 8)
    # Written again, it is in the new layout, and reads back the same.
    write_csv(data, tmp_path / "new")
    assert read_csv(tmp_path / "new") == data


def test_a_list_given_both_ways_is_a_problem() -> None:
    """JSON text in the owner's row and rows of the list's table: one problem, nothing dropped."""
    tables = to_tables(dataset())
    tables["reviews"][0]["commissions"] = '["ECA"]'
    found = problems(tables)
    assert found == [("reviews_commissions.csv", 2, "position", "invalid-value")]


def problems(
    tables: dict[str, list[dict[str, str]]],
) -> list[tuple[str | None, int | None, object, str]]:
    """(file, line, column, rule) of every problem reading the tables."""
    with pytest.raises(DocumentError) as info:
        from_tables(tables)
    return [(p.file, p.line, p.column, p.rule) for p in info.value.problems]


def test_cell_problems_name_file_line_and_column() -> None:
    """Bad cells are reported where they are, all at once; an unknown column at the header."""
    tables = to_tables(dataset())
    tables["segments"][0]["reported_minutes"] = "seventy"
    tables["meetings"][0]["webcast"] = "yes"
    tables["segments_objectives"][1]["value"] = "eight"
    tables["reviews"][0]["colour"] = "blue"
    tables["meetings"][0]["venue/cty"] = "Geneva"
    assert problems(tables) == [
        ("reviews.csv", 1, "colour", "unknown-field"),
        ("meetings.csv", 1, "venue/cty", "unknown-field"),
        ("meetings.csv", 2, "webcast", "wrong-type"),
        ("segments.csv", 2, "reported_minutes", "wrong-type"),
        ("segments_objectives.csv", 3, "value", "wrong-type"),
    ]
    with pytest.raises(DocumentError) as info:
        from_tables(tables)
    messages = [p.message for p in info.value.problems]
    assert messages[1] == "unknown column 'venue/cty'; did you mean 'venue/city'?"


def test_a_bad_required_cell_is_one_problem() -> None:
    """A required cell that cannot be read is not reported missing as well."""
    tables = to_tables(dataset())
    tables["reviews"][0]["round"] = ""
    tables["items"][0]["text"] = ""
    assert problems(tables) == [
        ("reviews.csv", 2, "round", "missing-field"),
        ("items.csv", 2, "text", "missing-field"),
    ]


def test_model_problems_are_located_in_the_files() -> None:
    """Problems the loader finds are mapped back to their file, row and column."""
    tables = to_tables(dataset())
    tables["meetings"][0]["venue/country"] = "CHX"
    tables["meetings_co_chairs"] = [{"meeting": "m1", "position": "0", "value": "ESX"}]
    tables["segments_objectives"][1]["value"] = "24"
    tables["items_principles"] = [
        {"report": "x1", "section": "1", "item": "0", "position": "0", "value": "z"}
    ]
    assert problems(tables) == [
        ("meetings.csv", 2, "venue/country", "unknown-code"),
        ("meetings_co_chairs.csv", 2, "value", "unknown-code"),
        ("segments_objectives.csv", 3, "value", "unknown-objective"),
        ("items_principles.csv", 2, "value", "unknown-code"),
    ]


@pytest.mark.parametrize("text", ["²", "--5", "\u0663", "-"])
def test_digits_of_other_kinds_are_a_problem_not_a_crash(text: str) -> None:
    """A number cell or a position that str.isdigit takes but int() or JSON would not."""
    tables = to_tables(dataset())
    tables["segments"][0]["reported_minutes"] = text
    tables["segments"][1]["position"] = text
    found = problems(tables)
    assert found[:2] == [
        ("segments.csv", 2, "reported_minutes", "wrong-type"),
        ("segments.csv", 3, "position", "wrong-type"),
    ]
    # The segment's own lists name it by its position: their rows have no owner.
    assert {f[:1] + f[2:] for f in found[2:]} == {
        ("segments_objectives.csv", "segment", "invalid-value")
    }


def test_a_document_is_written_as_tables_only_where_its_cells_hold_it(tmp_path: Path) -> None:
    """A key no column has is a column of its own; a value a cell would change is refused."""
    document = g.converters.unstructure(dataset())
    document["meetings"][0]["colour"] = "blue"
    document["meetings"][0]["venue"]["colour"] = "red"
    _write_tree(document, tmp_path / "keys")
    with pytest.raises(DocumentError) as info:
        read_csv(tmp_path / "keys")
    assert located(info.value) == [
        ("meetings.csv", 1, "venue/colour", "unknown-field"),
        ("meetings.csv", 1, "colour", "unknown-field"),
    ]
    for field, value in [("title", 7), ("title", ""), ("webcast", "yes"), ("languages", None)]:
        changed = g.converters.unstructure(dataset())
        changed["meetings"][0][field] = value
        with pytest.raises(InvalidCodeError, match=f"/meetings/0/{field}"):
            _write_tree(changed, tmp_path / field)
    changed = g.converters.unstructure(dataset())
    changed["reviews"][0]["commissions"] = []  # no rows read as no list: missing, not empty
    with pytest.raises(InvalidCodeError, match="/reviews/0/commissions"):
        _write_tree(changed, tmp_path / "empty")
    changed = g.converters.unstructure(dataset())
    changed["meetings"][0]["venue"] = None  # no value, as JSON reads it: an empty cell
    _write_tree(changed, tmp_path / "null")
    changed["meetings"][0]["venue"] = "Geneva"  # no column holds it: JSON text in its own
    _write_tree(changed, tmp_path / "text")
    assert read_csv_problems(tmp_path / "text") == [("meetings.csv", 2, "venue", "wrong-type")]
    changed["meetings"][0]["agenda"][0]["position"] = 3
    with pytest.raises(InvalidCodeError, match="'position' is a key of segments"):
        _write_tree(changed, tmp_path / "position")
    changed["meetings"][0]["agenda"] = "opening"
    with pytest.raises(InvalidCodeError, match="rows come from a list, not str"):
        _write_tree(changed, tmp_path / "agenda")
    changed = g.converters.unstructure(dataset())
    changed["meetings"].append({**changed["meetings"][0]})  # its rows would name the first
    _write_tree(changed, tmp_path / "twice")
    header = (tmp_path / "twice" / "meetings.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "agenda" in header.split(",")
    assert read_csv(tmp_path / "twice") == g.converters.structure(changed)


def read_csv_problems(folder: Path) -> list[tuple[str | None, int | None, object, str]]:
    """(file, line, column, rule) of every problem reading a directory (file names only)."""
    with pytest.raises(DocumentError) as info:
        read_csv(folder)
    return located(info.value)


def test_linking_problems() -> None:
    """Children of unknown owners, gaps in positions and foreign cells are reported."""
    tables = to_tables(dataset())
    tables["segments"][1]["meeting"] = "m9"
    tables["sections"][1]["position"] = "5"
    tables["segments"][0]["topic"] = "Pathways"
    tables["items"][0]["section"] = "x"
    tables["extra"] = []
    found = problems(tables)
    assert (None, None, None, "unknown-field") not in found
    assert ("extra.csv", None, None, "unknown-field") in found
    assert ("segments.csv", 2, "topic", "unknown-field") in found
    assert ("segments.csv", 3, "meeting", "invalid-value") in found
    assert ("sections.csv", 3, "position", "invalid-value") in found
    assert ("items.csv", 2, "section", "wrong-type") in found


def test_children_are_located_after_a_record_without_id() -> None:
    """A segment's problem is at its own row, even after a meeting row without an id."""
    tables = to_tables(dataset())
    tables["meetings"].insert(0, {**tables["meetings"][0], "id": ""})
    tables["segments"][1]["objectives"] = "[4, 24]"
    found = problems(tables)
    assert ("meetings.csv", 2, "id", "missing-field") in found
    assert ("segments.csv", 3, "objectives", "unknown-objective") in found


def test_unknown_kind_is_reported_by_the_loader() -> None:
    """A segment kind that does not exist is an invalid value at that row."""
    tables = to_tables(dataset())
    tables["segments"][0]["kind"] = "plenary"
    assert ("segments.csv", 2, "kind", "invalid-value") in problems(tables)


def test_dataset_table_needs_one_row() -> None:
    """The dataset table holds the version: exactly one row."""
    tables = to_tables(dataset())
    tables["dataset"] = []
    assert problems(tables) == [("dataset.csv", None, None, "schema-version")]


def test_csv_files_problems(tmp_path: Path) -> None:
    """Files that are not UTF-8 or have too many cells are reported by name."""
    folder = tmp_path / "bad"
    write_csv(dataset(), folder)
    (folder / "pledges.csv").write_bytes(b"id,text\n\xff\xfe,x\n")
    with (folder / "reviews.csv").open("a", encoding="utf-8", newline="") as handle:
        cells = ["r2", "regional-2024", '["ECA"]'] + [""] * (len(TABLES["reviews"]) - 3)
        csv.writer(handle).writerow([*cells, "extra"])
    with pytest.raises(DocumentError) as info:
        read_csv(folder)
    assert info.value.source == str(folder)
    assert [(p.file, p.rule) for p in info.value.problems] == [
        ("pledges.csv", "json-syntax"),
        ("reviews.csv", "invalid-value"),
    ]
    with pytest.raises(NotADirectoryError):
        read_csv(folder / "nowhere")


def rewrite(path: Path, edit: Callable[[list[list[str]]], object]) -> None:
    """Edit a CSV file's rows (the header first) in place."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    edit(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def rename(rows: list[list[str]], old: str, new: str) -> None:
    """Rename a column of a header."""
    rows[0][rows[0].index(old)] = new


def set_cell(rows: list[list[str]], line: int, column: str, text: str) -> None:
    """Set a cell, by its row's line (each row on one line) and its column name."""
    rows[line - 1][rows[0].index(column)] = text


def located(error: DocumentError) -> list[tuple[str | None, int | None, object, str]]:
    """(file, line, column, rule) of each problem of an error."""
    return [(p.file, p.line, p.column, p.rule) for p in error.problems]


def test_misspelt_header_is_one_problem_and_the_rows_are_still_read(tmp_path: Path) -> None:
    """An unknown column is reported once, at line 1, naming the nearest; the rows still count."""
    folder = tmp_path / "t"
    write_csv(dataset(), folder)

    def two_reviews(rows: list[list[str]]) -> None:
        rename(rows, "round", "rund")
        rows.append(["r2", "regional-2024"] + [""] * (len(rows[0]) - 2))

    rewrite(folder / "reviews.csv", two_reviews)
    rewrite(folder / "reviews_commissions.csv", lambda rows: rows.append(["r2", "0", "ECA"]))

    def meetings(rows: list[list[str]]) -> None:
        rename(rows, "webcast", "webcats")
        set_cell(rows, 2, "venue/country", "ESX")

    rewrite(folder / "meetings.csv", meetings)
    rewrite(folder / "segments_objectives.csv", lambda rows: rename(rows, "value", "valeu"))
    with pytest.raises(DocumentError) as info:
        read_csv(folder)
    assert located(info.value) == [
        ("reviews.csv", 1, "rund", "unknown-field"),
        ("meetings.csv", 1, "webcats", "unknown-field"),
        ("segments_objectives.csv", 1, "valeu", "unknown-field"),
        # A required column left out is missing in each row, as a key missing from JSON.
        ("reviews.csv", 2, "round", "missing-field"),
        ("reviews.csv", 3, "round", "missing-field"),
        # A child row without its value is an item without a value, not a lost row.
        *[("segments_objectives.csv", line, "value", "wrong-type") for line in range(2, 9)],
        # The rest of the row is still decoded and checked.
        ("meetings.csv", 2, "venue/country", "unknown-code"),
    ]
    messages = [p.message for p in info.value.problems[:3]]
    assert messages == [
        "unknown column 'rund'; did you mean 'round'?",
        "unknown column 'webcats'; did you mean 'webcast'?",
        "unknown column 'valeu'; did you mean 'value'?",
    ]
    assert info.value.problems[-1].pointer == "/meetings/0/venue/country"


def test_header_problems_of_a_table_without_rows(tmp_path: Path) -> None:
    """A header is checked even when no row follows, and a repeated column is named."""
    folder = tmp_path / "t"
    write_csv(dataset(), folder)
    (folder / "pledges.csv").write_text("id,txet,id\n", encoding="utf-8")
    (folder / "meeting.csv").write_text("id\n", encoding="utf-8")
    with pytest.raises(DocumentError) as info:
        read_csv(folder)
    assert located(info.value) == [
        ("meeting.csv", None, None, "unknown-field"),
        ("pledges.csv", 1, "txet", "unknown-field"),
        ("pledges.csv", 1, "id", "invalid-value"),
    ]
    assert [p.message for p in info.value.problems] == [
        "unknown table 'meeting'; did you mean 'meetings'?",
        "unknown column 'txet'; did you mean 'text'?",
        "the column 'id' appears more than once (the last is read)",
    ]


def test_problems_are_at_the_line_where_their_row_starts(tmp_path: Path) -> None:
    """Lines are physical, from 1 at the header: a cell over several lines moves the rows after."""
    folder = tmp_path / "t"
    write_csv(dataset(), folder)

    def reviews(rows: list[list[str]]) -> None:
        set_cell(rows, 2, "notes", "A note\nover\nthree lines")  # lines 2 to 4
        set_cell(rows, 2, "title", " Europe")
        rows.append([])  # a blank line: line 5
        rows.append(["r2", "regional-20x"] + [""] * (len(rows[0]) - 2))

    rewrite(folder / "reviews.csv", reviews)
    rewrite(folder / "reviews_commissions.csv", lambda rows: rows.append(["r2", "0", "ECA"]))

    def segments(rows: list[list[str]]) -> None:
        set_cell(rows, 2, "notes", "a\nb\nc\nd")  # lines 2 to 5
        set_cell(rows, 2, "reported_minutes", "seventy")
        set_cell(rows, 3, "cluster", "9")

    rewrite(folder / "segments.csv", segments)
    assert (folder / "reviews.csv").read_text(encoding="utf-8").splitlines()[5].startswith("r2,")
    with pytest.raises(DocumentError) as info:
        read_csv(folder)
    assert located(info.value) == [
        ("segments.csv", 2, "reported_minutes", "wrong-type"),
        ("reviews.csv", 2, "title", "invalid-value"),
        ("reviews.csv", 6, "round", "unknown-code"),
        ("segments.csv", 6, "cluster", "unknown-code"),
    ]


def test_rows_longer_than_the_header_are_still_read(tmp_path: Path) -> None:
    """Cells past the header are one problem at the row's line; the row's own are checked."""
    folder = tmp_path / "t"
    write_csv(dataset(), folder)

    def longer(rows: list[list[str]]) -> None:
        set_cell(rows, 2, "round", "regional-20x")
        rows[1].append("extra")

    rewrite(folder / "reviews.csv", longer)
    with pytest.raises(DocumentError) as info:
        read_csv(folder)
    assert located(info.value) == [
        ("reviews.csv", 2, None, "invalid-value"),
        ("reviews.csv", 2, "round", "unknown-code"),
    ]


def test_byte_order_mark_is_not_part_of_the_header(tmp_path: Path) -> None:
    """A file saved with a UTF-8 byte order mark reads as without one."""
    folder = tmp_path / "t"
    write_csv(dataset(), folder)
    path = folder / "reviews.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert read_csv(folder) == dataset()


def test_to_pandas_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the extra, to_pandas says which extra to install."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(InvalidCodeError, match=r"gcm-model\[tabular\]"):
        to_pandas(dataset())


@given(st.text())
def test_a_text_cell_gives_back_every_text(text: str) -> None:
    """Every text survives the cell, formula-like or not, and none is written as a formula."""
    cell = TEXT_CELL.write(text)
    assert TEXT_CELL.read(cell) == text
    assert not cell.startswith(FORMULA_STARTS)


def test_formulas_in_a_dataset_are_neutralised_and_read_back(tmp_path: Path) -> None:
    """A title ``=HYPERLINK(...)`` and a name ``@SUM(1+1)`` land after an apostrophe, and load back."""
    review = g.RegionalReview(
        id="review:x",
        round="regional-2024",
        commissions=("ECE",),
        title='=HYPERLINK("x")',
        aliases=("+1 region", "-"),
    )
    person = g.Participant(id="p", kind=g.ParticipantKind.PERSON, name="@SUM(1+1)")
    dataset = g.Dataset(reviews=(review,), participants=(person,))
    write_csv(dataset, tmp_path)
    text = (tmp_path / "reviews.csv").read_text(encoding="utf-8")
    assert """'=HYPERLINK(""x"")""" in text
    assert "'@SUM(1+1)" in (tmp_path / "participants.csv").read_text(encoding="utf-8")
    aliases = (tmp_path / "reviews_aliases.csv").read_text(encoding="utf-8").splitlines()
    assert aliases[1:] == ["review:x,0,'+1 region", "review:x,1,'-"]
    assert read_csv(tmp_path) == dataset


def test_a_required_list_without_rows_names_its_table() -> None:
    """A required list with no rows is missing at its owner's row, naming the file of its rows."""
    tables = to_tables(dataset())
    tables["reviews_commissions"] = []
    with pytest.raises(DocumentError) as info:
        from_tables(tables)
    (problem,) = info.value.problems
    assert (problem.file, problem.line, problem.column, problem.rule) == (
        "reviews.csv",
        2,
        "commissions",
        "missing-field",
    )
    assert problem.message.endswith("(give it as rows of reviews_commissions.csv)")


def test_cells_that_are_not_text() -> None:
    """None (csv.DictReader's filler for a short row) is an empty cell; a number, JSON's number.

    The number is the one problem: the pledge's member_state was given, so
    "exactly one of member_state and author" is not asked of it.
    """
    tables = {
        "dataset": [{"schema_version": "1.0", "title": None}],
        "pledges": [{"id": "p1", "text": "Open a pathway.", "member_state": 7}],
    }
    with pytest.raises(DocumentError) as raised:
        from_tables(tables)  # type: ignore[arg-type]
    [problem] = raised.value.problems
    assert (problem.rule, problem.file, problem.line, problem.column) == (
        "wrong-type",
        "pledges.csv",
        2,
        "member_state",
    )
    assert problem.message == "expected a string, got an integer"
