"""One pass means every problem, from every door: planted mistakes in the UNECE 2024 dataset."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import orjson
import pytest

import gcm_model as g
from gcm_model.converters import RECORD_TYPES
from gcm_model.models.dataset import COLLECTIONS
from gcm_model.tabular import write_csv

if TYPE_CHECKING:
    from gcm_model.validation import ValidationReport

EXAMPLE = Path(__file__).parents[1] / "examples" / "data" / "unece_2024.json"
_COLLECTION_OF = {cls: name for name, cls in COLLECTIONS.items()}
UNECE = "unece-2024"


def _planted() -> dict[str, Any]:
    """The dataset with five mistakes in one meeting and one report."""
    document: dict[str, Any] = orjson.loads(EXAMPLE.read_bytes())
    meeting = document["meetings"][0]
    meeting["venue"]["cty"] = meeting["venue"].pop("city")  # a misspelt key
    meeting["end"] = "2024-03-10T18:00:00+01:00"  # before its start
    meeting["co_chairs"] = ["ESP", "BRA"]  # Brazil is not a member of ECE
    session = next(s for s in meeting["agenda"] if s.get("kind") == "thematic_session")
    session["objectives"] = [*session["objectives"], 24]  # no objective 24
    document["reports"][1]["issued"] = "2024-06-30"  # long after the meeting
    return document


PLANTED = {
    ("unknown-field", "meeting:ece-2024", "/venue/cty"),
    ("chronology", "meeting:ece-2024", "/end"),
    ("commission-membership", "meeting:ece-2024", "/co_chairs/1"),
    ("unknown-objective", "meeting:ece-2024", "/agenda/3/objectives/5"),
    ("report-deadline", "report:ece-2024:outcome", "/issued"),
}


def _within_record(report: ValidationReport) -> set[tuple[str, str | None, str]]:
    """(rule, record id, pointer within the record) of every issue."""
    found = set()
    for issue in report:
        steps = issue.path.split("/")
        within = issue.path
        if len(steps) > 2 and steps[1] in COLLECTIONS and steps[2].isdigit():
            within = "/" + "/".join(steps[3:])
        found.add((issue.rule, issue.record, "" if within == "/" else within))
    return found


def _as_json_lines(document: dict[str, Any], path: Path) -> Path:
    """The same records as JSON Lines, each tagged with its type."""
    lines = [orjson.dumps({"@type": "dataset", "schema_version": document["schema_version"]})]
    for tag, cls in RECORD_TYPES.items():
        records = document.get(_COLLECTION_OF[cls], [])
        lines += [orjson.dumps({"@type": tag, **record}) for record in records]
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def _edit(path: Path, change: Any) -> None:
    """Rewrite a CSV table through ``change(header, rows)``."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header, rows = list(reader.fieldnames or ()), list(reader)
    header, rows = change(header, rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _as_tables(folder: Path) -> Path:
    """The clean dataset as CSV tables, with the same mistakes planted in the cells.

    A misspelt key is a misspelt column in a table: one problem, at the header.
    """
    write_csv(g.load(EXAMPLE), folder)

    def meetings(header: list[str], rows: list[dict[str, str]]) -> Any:
        for row in rows:
            row["venue/cty"] = row.pop("venue/city")
            if row["id"] == "meeting:ece-2024":
                row["end"] = "2024-03-10T18:00:00+01:00"
        return ["venue/cty" if c == "venue/city" else c for c in header], rows

    def co_chairs(header: list[str], rows: list[dict[str, str]]) -> Any:
        row = next(r for r in rows if r["meeting"] == "meeting:ece-2024" and r["position"] == "1")
        row["value"] = "BRA"
        return header, rows

    def objectives(header: list[str], rows: list[dict[str, str]]) -> Any:
        session = next(r["segment"] for r in rows if r["meeting"] == "meeting:ece-2024")
        count = sum(r["meeting"] == "meeting:ece-2024" and r["segment"] == session for r in rows)
        row = {"meeting": "meeting:ece-2024", "segment": session, "position": str(count)}
        return header, [*rows, {**row, "value": "24"}]

    def reports(header: list[str], rows: list[dict[str, str]]) -> Any:
        rows[1]["issued"] = "2024-06-30"
        return header, rows

    _edit(folder / "meetings.csv", meetings)
    _edit(folder / "meetings_co_chairs.csv", co_chairs)
    _edit(folder / "segments_objectives.csv", objectives)
    _edit(folder / "reports.csv", reports)
    return folder


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ValidationReport]:
    """The planted dataset validated as one JSON document, as JSON Lines and as CSV tables.

    Under the profile of the UNECE 2024 concept note, whose report deadline
    the late report misses.
    """
    document = _planted()
    lines = _as_json_lines(document, tmp_path_factory.mktemp("one-pass") / "planted.jsonl")
    tables = _as_tables(tmp_path_factory.mktemp("one-pass-csv"))
    return {
        "json": g.validate(orjson.dumps(document), profile=UNECE),
        "jsonl": g.validate(lines, profile=UNECE),
        "csv": g.validate(tables, profile=UNECE),
    }


def test_csv_lists_every_planted_problem(reports: dict[str, ValidationReport]) -> None:
    """CSV: the misspelt column once, at the header with a did-you-mean; the rest as JSON has."""
    report = reports["csv"]
    (column,) = [i for i in report if i.rule == "unknown-field"]
    assert (column.line, column.record) == (1, None)
    assert "did you mean 'venue/city'?" in column.message
    planted = PLANTED - {("unknown-field", "meeting:ece-2024", "/venue/cty")}
    assert _within_record(report) >= planted


def test_csv_agrees_with_json(reports: dict[str, ValidationReport]) -> None:
    """But for where the misspelt name is (a column, a key), CSV and JSON report the same."""
    other = {i for i in _within_record(reports["json"]) if i[0] != "unknown-field"}
    assert {i for i in _within_record(reports["csv"]) if i[0] != "unknown-field"} == other


@pytest.mark.parametrize("door", ["json", "jsonl"])
def test_every_planted_problem_is_listed_once(
    reports: dict[str, ValidationReport], door: str
) -> None:
    """A misspelt key hides none of the record's other problems, and none is listed twice."""
    found = _within_record(reports[door])
    assert found >= PLANTED
    keys = [(i.rule, i.record, i.path) for i in reports[door]]
    assert len(keys) == len(set(keys))


def test_the_doors_agree(reports: dict[str, ValidationReport]) -> None:
    """JSON and JSON Lines report the same (rule, record, path within the record)."""
    assert _within_record(reports["json"]) == _within_record(reports["jsonl"])


def test_no_second_order_issues(reports: dict[str, ValidationReport]) -> None:
    """Beyond the planted problems, only what the clean dataset has already."""
    clean = _within_record(g.validate(EXAMPLE, profile=UNECE))
    assert _within_record(reports["json"]) - PLANTED <= clean


def test_a_record_with_one_bad_value_is_no_dangling_target(tmp_path: Path) -> None:
    """A meeting whose required title is broken still exists: nothing refers to it in vain."""
    document = orjson.loads(EXAMPLE.read_bytes())
    document["meetings"][0]["title"] = 7
    lines = _as_json_lines(document, tmp_path / "bad-title.jsonl")
    for report in (g.validate(orjson.dumps(document)), g.validate(lines)):
        rules = {i.rule for i in report}
        assert "dangling-reference" not in rules, [i.path for i in report]
        assert ("wrong-type", "meeting:ece-2024") in {(i.rule, i.record) for i in report}


def test_tagged_dicts_keep_a_record_with_one_bad_value() -> None:
    """Records given as dicts tagged with their @type: a bad value keeps the record and its id."""
    document = orjson.loads(EXAMPLE.read_bytes())
    records = [
        {"@type": tag, **record}
        for tag, cls in RECORD_TYPES.items()
        for record in document.get(_COLLECTION_OF[cls], [])
    ]
    meeting = next(r for r in records if r["@type"] == "meeting")
    meeting["end"] = "2024-03-10T18:00:00+01:00"  # before its start
    meeting["co_chairs"] = ["ESP", 3]  # a number among the codes
    report = g.validate(records)
    found = {(i.rule, i.record, i.path) for i in report}
    assert ("wrong-type", "meeting:ece-2024", "/meetings/0/co_chairs/1") in found
    assert ("chronology", "meeting:ece-2024", "/meetings/0/end") in found  # not hidden
    assert "dangling-reference" not in {i.rule for i in report}


def test_a_misspelt_required_key_hides_no_other_problem(tmp_path: Path) -> None:
    """``titel`` for ``title``: the record is built with its title unknown, and checked all the same.

    The required field is missing and the key unknown; the record's other
    problems, its own and those the dataset rules find, are all listed, from
    a JSON document and from JSON Lines alike.
    """
    document = _planted()
    meeting = document["meetings"][0]
    meeting["venue"]["city"] = meeting["venue"].pop("cty")
    meeting["titel"] = meeting.pop("title")
    expected = (PLANTED - {("unknown-field", "meeting:ece-2024", "/venue/cty")}) | {
        ("unknown-field", "meeting:ece-2024", "/titel"),
        ("missing-field", "meeting:ece-2024", "/title"),
    }
    clean = _within_record(g.validate(EXAMPLE, profile=UNECE))
    lines = _as_json_lines(document, tmp_path / "planted.jsonl")
    for report in (
        g.validate(orjson.dumps(document), profile=UNECE),
        g.validate(lines, profile=UNECE),
    ):
        assert _within_record(report) - clean == expected


def _required_dropped() -> list[tuple[str, str, int, str]]:
    """Each required field of each record of the bundled examples, to leave out."""
    cases = []
    for name in ("unece_2024", "unece_2020", "second_round", "eca_2024"):
        document = orjson.loads((EXAMPLE.parent / f"{name}.json").read_bytes())
        for collection, cls in COLLECTIONS.items():
            fields = attrs.fields(cls)  # type: ignore[arg-type] # a model class is an attrs class
            required = [f.name for f in fields if f.default is attrs.NOTHING]
            for index, _ in enumerate(document.get(collection, [])):
                cases += [(name, collection, index, field) for field in required]
    return cases


@pytest.mark.parametrize(("name", "collection", "index", "field"), _required_dropped())
def test_a_required_field_left_out_is_one_problem(
    name: str, collection: str, index: int, field: str
) -> None:
    """Every rule runs on a record whose required field is unknown, and none reports more.

    Under every profile the only new issue is the missing field: no rule
    fails on the unknown value, and none finds a second-order issue in it.
    """
    document = orjson.loads((EXAMPLE.parent / f"{name}.json").read_bytes())
    for profile in g.validation.PROFILES:
        before = _within_record(g.validate(orjson.dumps(document), profile=profile))
        record = document[collection][index]["id"]
        del document[collection][index][field]
        after = _within_record(g.validate(orjson.dumps(document), profile=profile))
        if field == "id":  # the record's issues are the same, without its id
            before = {(rule, None if at == record else at, where) for rule, at, where in before}
            record = None
        assert after - before == {("missing-field", record, f"/{field}")}
        document = orjson.loads((EXAMPLE.parent / f"{name}.json").read_bytes())


def _fields_given() -> list[tuple[str, str, int, str]]:
    """Each field given in each record of the bundled examples, to give a value of no type."""
    cases = []
    for name in ("unece_2024", "unece_2020", "second_round", "eca_2024"):
        document = orjson.loads((EXAMPLE.parent / f"{name}.json").read_bytes())
        for collection in COLLECTIONS:
            for index, record in enumerate(document.get(collection, [])):
                cases += [(name, collection, index, field) for field in record if field != "id"]
    return cases


@pytest.mark.parametrize(("name", "collection", "index", "field"), _fields_given())
def test_a_field_of_the_wrong_type_is_its_only_problem(
    name: str, collection: str, index: int, field: str
) -> None:
    """A value no field takes (``[[true]]``): every new issue is at that field, under every profile.

    No relation between fields, record check or rule comparing records
    reports a second-order issue from the value that could not be read.
    """
    path = EXAMPLE.parent / f"{name}.json"
    for profile in g.validation.PROFILES:
        document = orjson.loads(path.read_bytes())
        before = _within_record(g.validate(orjson.dumps(document), profile=profile))
        record = document[collection][index]["id"]
        document[collection][index][field] = [[True]]
        after = _within_record(g.validate(orjson.dumps(document), profile=profile))
        new = after - before
        assert new, (profile, field)
        assert {(at, where.split("/")[1]) for _, at, where in new} == {(record, field)}, new
