"""CSV tables read a record at a time (``gcm_model.tabular._stream``) answer as when read whole.

``validate`` of a directory of CSV tables reads them a record at a time when
the rows of every list's table are in the order of their records (as
``write_csv`` writes them), and whole otherwise. Either way the report holds
the same issues, each with the same rule, message, file, line, column, path
and record, and counts the same records, in the same order (the problems of tables by file and line),
so that a ``max_issues`` cut keeps the same ones: compared here on generated
datasets, valid and breaking each rule, and on the bundled examples with
cells spoilt, as written and with their lists' tables edited by hand (rows
shuffled, moved to the end, naming no record). Only ``iter_validate`` hands
the problems out in the order found: a record's as it is read.
"""

from __future__ import annotations

import csv
import random
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any
from unittest import mock

import attrs
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gcm_model as g
from gcm_model import tabular, testing
from gcm_model.conformance import profile_for
from gcm_model.errors import InvalidCodeError
from gcm_model.models.dataset import COLLECTIONS
from gcm_model.tabular import _read_document, _stream_document, _write_tree, write_csv
from gcm_model.tabular import _stream as stream_module
from gcm_model.tabular._layout import LAYOUT
from gcm_model.tabular._read import _record

if TYPE_CHECKING:
    from gcm_model.validation import ValidationReport

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "data"

SLUGS = [rule.slug for rule in g.rules if rule.slug != "json-syntax"]

SLOW = settings(
    deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

WRITABLE = ("unece_2024", "eca_2024", "second_round", "unece_2020")
"""The bundled examples that tables can hold (the flawed one has a value no cell writes)."""

EDITS = ("shuffle", "swap", "to-end", "no-record", "no-key", "stray-last")
"""How a list's table is edited by hand (see ``edit``)."""


CAPS = (1, 3)
"""The ``max_issues`` each comparison also makes: a cut keeps the same issues either way."""


def whole(folder: Path, profile: str, max_issues: int | None = None) -> ValidationReport:
    """The report of the tables read whole, as before they were read a record at a time."""
    with mock.patch.object(tabular, "_stream_document", return_value=None):
        return g.validate(folder, profile=profile, max_issues=max_issues)


def shown(report: ValidationReport) -> list[str]:
    """Every issue with all it says, in the report's order."""
    return [repr(attrs.astuple(issue)) for issue in report]


def check(folder: Path, profile: str) -> None:
    """Read a record at a time and read whole: the same report, cut by ``max_issues`` or not."""
    streamed = g.validate(folder, profile=profile)
    read_whole = whole(folder, profile)
    assert shown(streamed) == shown(read_whole)
    assert streamed.records == read_whole.records
    handed_out = sorted(repr(attrs.astuple(i)) for i in g.iter_validate(folder, profile=profile))
    assert handed_out == sorted(shown(streamed))  # handed out as found: a record's as it is read
    for cap in CAPS if len(streamed) > 1 else ():
        cut = g.validate(folder, profile=profile, max_issues=cap)
        cut_whole = whole(folder, profile, max_issues=cap)
        assert shown(cut) == shown(cut_whole)
        assert (cut.truncated, cut.counts) == (cut_whole.truncated, cut_whole.counts)


def edit(folder: Path, rnd: random.Random, how: str) -> None:
    """Edit one list's table by hand: its rows out of their records' order, or naming none."""
    names = sorted(
        path.stem
        for path in folder.glob("*.csv")
        if path.stem in LAYOUT and LAYOUT[path.stem].owner is not None
    )
    if not names:
        return
    name = rnd.choice(names)
    path = folder / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    if not rows:
        return
    if how == "shuffle":
        rnd.shuffle(rows)
    elif how == "swap" and len(rows) > 1:
        at = rnd.randrange(len(rows) - 1)
        rows[at], rows[at + 1] = rows[at + 1], rows[at]
    elif how == "to-end":
        rows.append(rows.pop(rnd.randrange(len(rows))))
    elif how in {"no-record", "no-key"}:
        row = rows[rnd.randrange(len(rows))]
        row[0] = "nobody" if how == "no-record" else ""
    elif how == "stray-last":  # after the last record's rows
        rows.append(["nobody", *rows[rnd.randrange(len(rows))][1:]])
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])


def test_written_tables_are_read_a_record_at_a_time(tmp_path: Path) -> None:
    """Tables as written: read a record at a time, each record as the whole reading makes it."""
    for example in WRITABLE:
        folder = tmp_path / example
        _write_tree(orjson.loads((EXAMPLES / f"{example}.json").read_bytes()), folder)
        stream = _stream_document(folder)
        assert stream is not None
        head = stream.start()
        document = _read_document(folder).document
        assert document is not None
        assert head == {k: v for k, v in document.items() if k not in COLLECTIONS}
        records: dict[str, list[Any]] = {}
        for collection, index, record in stream.records():
            assert index == len(records.setdefault(collection, []))
            records[collection].append(record)
        assert records == {k: v for k, v in document.items() if k in COLLECTIONS}
        check(folder, "unece-2024")


def test_iter_validate_hands_out_a_records_issues_before_reading_the_next(tmp_path: Path) -> None:
    """The first record's issue comes before the second record's row is read."""
    document: dict[str, Any] = {"schema_version": "1.0"}
    document["pledges"] = [
        {"id": "p1", "member_state": "ESP", "text": "x", "objectives": [99]},
        {"id": "p2", "member_state": "ESP", "text": "y", "objectives": [1, 2]},
    ]
    _write_tree(document, tmp_path)
    read: list[str] = []

    def counted(*args: Any, **kwargs: Any) -> Any:
        found = _record(*args, **kwargs)
        read.append(found["id"])
        return found

    with mock.patch.object(stream_module, "_record", counted):
        found = g.iter_validate(tmp_path)
        first = next(found)
        assert (first.record, first.file, read) == (
            "p1",
            str(tmp_path / "pledges_objectives.csv"),
            ["p1"],
        )
        rest = list(found)
    assert read == ["p1", "p2"]
    assert all(issue.record != "p2" for issue in rest)


@pytest.mark.parametrize("how", EDITS)
def test_tables_edited_by_hand(tmp_path: Path, how: str) -> None:
    """A list's table out of order is read whole; rows naming no record are read either way."""
    _write_tree(orjson.loads((EXAMPLES / "unece_2024.json").read_bytes()), tmp_path)
    rnd = random.Random(how)  # noqa: S311 - edits of a test, no secret
    for _ in range(3):
        edit(tmp_path, rnd, how)
    if how in {"no-record", "no-key", "stray-last"}:
        assert _stream_document(tmp_path) is not None
    check(tmp_path, "unece-2024")


def spoil(folder: Path, rnd: random.Random) -> None:
    """Spoil cells of a few rows of every table but the dataset's: a value few columns read."""
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            header, *rows = list(csv.reader(handle))
        if path.stem == "dataset" or not rows or len(header) < 2:
            continue
        for _ in range(3):
            rows[rnd.randrange(len(rows))][rnd.randrange(1, len(header))] = "-1 not a value"
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows([header, *rows])


@pytest.mark.parametrize("how", ["as-written", "no-record", "stray-last"])
@pytest.mark.parametrize("example", WRITABLE)
def test_bundled_examples_spoilt_the_same_report_cut_or_not(
    tmp_path: Path, example: str, how: str
) -> None:
    """Each bundled example's tables, cells spoilt in every file: the same report in order.

    The problems of many files and rows and the rules' issues are listed the
    same, read a record at a time or whole, and a small ``max_issues`` keeps the
    same ones.
    """
    _write_tree(orjson.loads((EXAMPLES / f"{example}.json").read_bytes()), tmp_path)
    rnd = random.Random(f"{example} {how}")  # noqa: S311 - edits of a test, no secret
    spoil(tmp_path, rnd)
    if how != "as-written":
        edit(tmp_path, rnd, how)
    assert _stream_document(tmp_path) is not None
    report = g.validate(tmp_path, profile="unece-2024")
    assert len({issue.file for issue in report}) > 2  # problems in several files to order
    check(tmp_path, "unece-2024")


def test_rows_of_records_not_there(tmp_path: Path) -> None:
    """A collection's table emptied: the rows of its lists' tables each name no record."""
    _write_tree(orjson.loads((EXAMPLES / "unece_2024.json").read_bytes()), tmp_path)
    path = tmp_path / "meetings.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert _stream_document(tmp_path) is not None
    report = g.validate(tmp_path)
    assert any(
        i.file == str(tmp_path / "segments.csv") for i in report if "no meeting" in i.message
    )
    check(tmp_path, "default")


def without_ids(folder: Path, collection: str, positions: range) -> None:
    """Empty the id cells of a collection's rows at ``positions``."""
    path = folder / f"{collection}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    for position in positions:
        rows[position][header.index("id")] = ""
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])


@pytest.mark.parametrize("collection", ["reviews", "meetings", "events", "participants"])
def test_a_record_without_its_id_keeps_its_rows(tmp_path: Path, collection: str) -> None:
    """A record's id cell emptied: its id is reported missing and nothing more, as in JSON.

    The rows of its lists' tables name the one id that no record has, and it
    is the one record without an id: they are read as its rows (the tables
    are then read whole), so no row is reported as naming no record and no
    rule misses what they hold.
    """
    document = orjson.loads((EXAMPLES / "unece_2024.json").read_bytes())
    _write_tree(document, tmp_path)
    without_ids(tmp_path, collection, range(1))
    del document[collection][0]["id"]
    from_json = g.validate(orjson.dumps(document), profile="unece-2024")
    from_tables = g.validate(tmp_path, profile="unece-2024")
    assert sorted((i.rule, i.path, i.message) for i in from_tables) == sorted(
        (i.rule, i.path, i.message) for i in from_json
    )
    assert any(i.path == f"/{collection}/0/id" for i in from_tables)
    check(tmp_path, "unece-2024")


def test_rows_of_two_records_without_ids_are_not_reported(tmp_path: Path) -> None:
    """Two records without ids: whose rows are whose cannot be known, and none is reported.

    Each row may be one of theirs, so none is reported as naming no record; the
    two ids are, and the tables are still read a record at a time.
    """
    _write_tree(orjson.loads((EXAMPLES / "unece_2024.json").read_bytes()), tmp_path)
    without_ids(tmp_path, "participants", range(2))
    assert _stream_document(tmp_path) is not None
    report = g.validate(tmp_path, profile="unece-2024")
    assert [i.path for i in report if i.rule == "missing-field"] == [
        "/participants/0/id",
        "/participants/1/id",
    ]
    assert not [i for i in report if "no participant has id" in i.message]
    check(tmp_path, "unece-2024")


def test_a_judges_issue_at_a_row_of_a_record_read_before(tmp_path: Path) -> None:
    """A reference that dangles, found once every record is read: at its row of a list's table.

    The places of a record's rows are packed once it is read; the judges' issues
    still find theirs.
    """
    _write_tree(orjson.loads((EXAMPLES / "unece_2024.json").read_bytes()), tmp_path)
    path = tmp_path / "segments_speakers.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("gov:mda", "gov:nobody"), "utf-8")
    assert _stream_document(tmp_path) is not None
    found = [(i.file, i.line) for i in g.validate(tmp_path) if i.rule == "dangling-reference"]
    assert found == [(str(path), 3), (str(path), 6)]
    check(tmp_path, "default")


def test_an_unreadable_list_table_is_read_whole(tmp_path: Path) -> None:
    """A file that is not UTF-8: read whole, to the same problem at the same place."""
    _write_tree(orjson.loads((EXAMPLES / "unece_2024.json").read_bytes()), tmp_path)
    path = tmp_path / "segments.csv"
    path.write_bytes(path.read_bytes() + b"\xff\n")
    assert _stream_document(tmp_path) is None
    check(tmp_path, "default")


def written(document: Any, folder: Path) -> bool:
    """Write a document as tables; whether it could be (a cell holds text only)."""
    try:
        _write_tree(document, folder)
    except InvalidCodeError:
        return False
    return True


@settings(SLOW, max_examples=max(5, settings().max_examples // 10))
@given(testing.datasets(), st.lists(st.sampled_from(EDITS), max_size=3), st.randoms())
def test_valid_datasets_edited_or_not(data: g.Dataset, edits: list[str], rnd: Any) -> None:
    """A valid dataset's tables, as written and edited by hand: the same report either way."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        write_csv(data, folder)
        if not edits:
            assert _stream_document(folder) is not None
        for how in edits:
            edit(folder, rnd, how)
        check(folder, "unece-2024")


@pytest.mark.parametrize("slug", SLUGS)
def test_invalid_datasets_edited_or_not(slug: str) -> None:
    """A dataset breaking each rule, as tables written and edited: the same report either way."""
    profile = profile_for(slug)

    @settings(SLOW, max_examples=max(2, settings().max_examples // 50))
    @given(
        testing.invalid_datasets(slug), st.lists(st.sampled_from(EDITS), max_size=2), st.randoms()
    )
    def same(data: bytes, edits: list[str], rnd: Any) -> None:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            if not written(orjson.loads(data), folder):
                return
            for how in edits:
                edit(folder, rnd, how)
            check(folder, profile)

    same()
