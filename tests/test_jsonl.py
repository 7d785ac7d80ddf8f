"""Tests for JSON Lines in gcm_model.converters: streaming read and write, broken lines."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pytest

import gcm_model as g
from gcm_model.converters import (
    JsonLinesWriter,
    dump_jsonl,
    dumps_jsonl,
    iter_load,
    load_jsonl,
    read_jsonl,
)
from gcm_model.errors import DocumentError, InvalidCodeError

if TYPE_CHECKING:
    from pathlib import Path

HEADER = b'{"@type":"dataset","schema_version":"1.0"}\n'


def dataset() -> g.Dataset:
    """A dataset with one record of several kinds."""
    return g.Dataset(
        title="Lines",
        sources=("unece-2024-concept-note",),
        reviews=(g.RegionalReview(id="r1", round="regional-2024", commissions=("ECE",)),),
        participants=(g.Participant(id="p1", kind=g.ParticipantKind.PERSON, name="A"),),
        pledges=(g.Pledge(id="x1", text="Open a pathway.", member_state="ESP", objectives=(5,)),),
    )


def test_round_trip_through_json_lines() -> None:
    """A dataset written as JSON Lines reads back equal, and the bytes are canonical."""
    data = dumps_jsonl(dataset())
    assert load_jsonl(io.BytesIO(data)) == dataset()
    assert dumps_jsonl(load_jsonl(io.BytesIO(data))) == data
    first, *rest = data.decode().splitlines()
    assert first == (
        '{"@type":"dataset","schema_version":"1.0",'
        '"sources":["unece-2024-concept-note"],"title":"Lines"}'
    )
    assert [line.split('"', 4)[3] for line in rest] == ["review", "participant", "pledge"]


def test_iter_load_streams_records_from_a_path(tmp_path: Path) -> None:
    """iter_load yields the records one at a time from a file."""
    path = tmp_path / "data.jsonl"
    dump_jsonl(dataset(), path)
    records = iter_load(path)
    assert next(records) == dataset().reviews[0]
    assert [type(r).__name__ for r in records] == ["Participant", "Pledge"]


def test_broken_lines_are_reported_and_good_lines_kept() -> None:
    """Every good line is read; every broken line is reported with its number."""
    lines = [
        HEADER,
        b'{"@type":"pledge","id":"a","text":"t","member_state":"ESP"}\n',
        b'{"@type":"pledge","id":"b","text":"t"\n',
        b"\n",
        b'{"@type":"pledge","id":"c","text":"t","member_state":"ESX"}\n',
        b'{"@type":"pledging","id":"d"}\n',
        b'{"id":"e"}\n',
        b"[1]\n",
        b'{"@type":"pledge","id":"f","text":"t","author":"p1"}\n',
    ]
    read = list(read_jsonl(lines))
    assert [line.number for line in read] == [1, 2, 3, 5, 6, 7, 8, 9]
    good = [line.record.id for line in read[1:] if line.record is not None]
    assert good == ["a", "f"]
    broken = {
        line.number: [(p.rule, p.path) for p in line.problems] for line in read if line.problems
    }
    assert broken == {
        3: [("json-syntax", "$")],
        5: [("unknown-code", "$.member_state")],
        6: [("invalid-value", "$.@type")],
        7: [("missing-field", "$.@type")],
        8: [("wrong-type", "$")],
    }
    for line in read:
        assert all(p.line == line.number for p in line.problems)
    with pytest.raises(DocumentError) as info:
        load_jsonl(lines)
    assert sorted({p.line or 0 for p in info.value.problems}) == [3, 5, 6, 7, 8]


def test_iter_load_stops_at_the_first_broken_line() -> None:
    """iter_load raises at the first bad line, naming it; earlier records were yielded."""
    lines = [HEADER, b'{"@type":"pledge","id":"a","text":"t","member_state":"ESP"}', b"{"]
    records = iter_load(lines)
    assert next(records).id == "a"
    with pytest.raises(DocumentError, match="line 3"):
        next(records)


@pytest.mark.parametrize(
    ("lines", "rule", "message"),
    [
        (
            [b'{"@type":"pledge","id":"a","text":"t","member_state":"ESP"}'],
            "schema-version",
            "first line must be the header",
        ),
        ([b'{"@type":"dataset","schema_version":"0.1"}'], "schema-version", "'0.1' is unknown"),
        ([b'{"@type":"dataset"}'], "schema-version", "no schema_version"),
        (
            [b'{"@type":"dataset","schema_version":"1.0","meetings":[]}'],
            "unknown-field",
            "holds no records",
        ),
        ([HEADER, HEADER], "invalid-value", "'dataset' is not one of"),
        ([], "schema-version", "no header line"),
        (
            [b'{"@type":"dataset","schema_version":"1.0","titel":"x"}'],
            "unknown-field",
            "did you mean 'title'",
        ),
    ],
)
def test_header_problems(lines: list[bytes], rule: str, message: str) -> None:
    """The header line is required once, first, at the current version and without records."""
    with pytest.raises(DocumentError, match=message) as info:
        load_jsonl(lines)
    assert rule in [p.rule for p in info.value.problems]


def test_a_file_without_header_is_refused_whole() -> None:
    """A missing header is reported and no record is read: refused whole, as a document."""
    line = b'{"@type":"pledge","id":"a","text":"t","member_state":"ESP"}'
    (result,) = list(read_jsonl([line, line.replace(b'"a"', b'"b"')]))
    assert [p.rule for p in result.problems] == ["schema-version"]
    assert result.record is None


def test_a_header_at_an_unknown_version_refuses_the_file() -> None:
    """An unknown schema_version in the header: one problem, and no record is read."""
    header = b'{"@type":"dataset","schema_version":"99.0"}'
    line = b'{"@type":"pledge","id":"a","member_state":"ESP"}'  # no text: not looked at
    (result,) = list(read_jsonl([header, line]))
    assert [p.rule for p in result.problems] == ["schema-version"]


def test_writer_refuses_what_is_not_a_record(tmp_path: Path) -> None:
    """Only dataset records can be written as lines; a path is closed on exit."""
    path = tmp_path / "out.jsonl"
    with JsonLinesWriter(path) as writer:
        with pytest.raises(InvalidCodeError):
            writer.write(g.Venue(city="Geneva"))
        writer.write(dataset().pledges[0])
    assert path.read_bytes().count(b"\n") == 2
    assert list(iter_load(path)) == [dataset().pledges[0]]


def test_str_lines_work_too() -> None:
    """Lines may be text as well as bytes."""
    text = dumps_jsonl(dataset()).decode().splitlines()
    assert load_jsonl(text) == dataset()
