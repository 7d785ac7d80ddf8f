"""Tests for gcm_model.dask: validating JSON Lines partition by partition, on a local cluster."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from distributed import Client, LocalCluster

import gcm_model as g
from gcm_model.converters import JsonLinesWriter, dump_jsonl
from gcm_model.dask import validate_bag
from gcm_model.errors import InvalidCodeError

if TYPE_CHECKING:
    from collections.abc import Iterator

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "data" / "unece_2024.json"


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """A local distributed cluster of two in-process workers."""
    options = {"n_workers": 2, "threads_per_worker": 1, "processes": False}
    cluster = LocalCluster(dashboard_address=":0", **options)  # type: ignore[no-untyped-call]
    connected = Client(cluster)  # type: ignore[no-untyped-call]
    with cluster, connected:
        yield connected


def write(path: Path, records: list[object], *, header: bool = True) -> None:
    """Write records as JSON Lines (with the header line, unless told not to)."""
    with JsonLinesWriter(path) as writer:
        for record in records:
            writer.write(record)
    if not header:
        path.write_text("".join(path.read_text().splitlines(keepends=True)[1:]))


def pledge(ident: str, author: str | None = None) -> g.Pledge:
    """A pledge by Spain, or by a participant."""
    if author is not None:
        return g.Pledge(id=ident, text="Open a pathway.", author=author)
    return g.Pledge(id=ident, text="Open a pathway.", member_state="ESP")


def test_ids_and_references_are_merged_across_partitions(client: Client, tmp_path: Path) -> None:
    """A duplicate id in another file, and a reference into another file, are judged right."""
    person = g.Participant(id="p1", kind=g.ParticipantKind.PERSON)
    write(tmp_path / "a.jsonl", [person, pledge("x1"), pledge("x2", author="p1")])
    write(tmp_path / "b.jsonl", [pledge("x1"), pledge("x3", author="p9")], header=False)
    report = validate_bag(str(tmp_path / "*.jsonl"))
    assert [
        (i.rule, i.file.rsplit("/", 1)[1] if i.file else None, i.line, i.path) for i in report
    ] == [
        ("duplicate-id", "b.jsonl", 1, "/id"),
        ("dangling-reference", "b.jsonl", 2, "/author"),
    ]
    assert report.records == 5
    assert client.status == "running"


@pytest.mark.usefixtures("client")
def test_partition_problems_keep_file_and_line(tmp_path: Path) -> None:
    """Broken lines and record problems are reported with their file and line."""
    path = tmp_path / "c.jsonl"
    write(path, [pledge("x1")])
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"@type": "pledge", "id": "x2", "text": "t", "member_state": "ESX"}\n')
        handle.write("{broken\n")
        handle.write("[1]\n\n")
    report = validate_bag([str(path)])
    assert [(i.rule, i.line) for i in report] == [
        ("unknown-code", 3),
        ("json-syntax", 4),
        ("wrong-type", 5),
    ]


def test_header_lines_are_checked(tmp_path: Path) -> None:
    """A header line's version and fields are checked, in every file that has one."""
    path = tmp_path / "h.jsonl"
    path.write_text(
        '{"@type": "dataset", "schema_version": "99.0"}\n'
        '{"@type": "pledge", "id": "x1", "text": "t", "member_state": "ESP"}\n'
    )
    other = tmp_path / "i.jsonl"
    other.write_text('{"@type": "dataset", "schema_version": "1.0", "colour": "blue"}\n')
    report = validate_bag([str(path), str(other)], scheduler="sync")
    assert [(i.rule, i.line, i.path) for i in report] == [
        ("schema-version", 1, "/schema_version"),
        ("unknown-field", 1, "/colour"),
    ]


def test_a_record_with_a_bad_value_is_still_checked_and_referred_to(tmp_path: Path) -> None:
    """As validate has it: the record is checked, its id is no dangling target.

    And a reference in a faulty field is not reported dangling as well.
    """
    person = g.Participant(id="p1", kind=g.ParticipantKind.PERSON)
    path = tmp_path / "p.jsonl"
    write(path, [person, pledge("x1", author="p1")])
    with path.open("a", encoding="utf-8") as handle:
        # A bad code in one field; the other fields, and the id, are still read.
        handle.write('{"@type": "participant", "id": "p2", "kind": "person", "country": "ESX"}\n')
        handle.write('{"@type": "pledge", "id": "x2", "text": "t", "author": "p2"}\n')
        # Two authors: what a rule would find at the faulty author is second-order.
        handle.write(
            '{"@type": "pledge", "id": "x3", "text": "t", "member_state": "ESP", "author": "p9"}\n'
        )
    whole = g.validate(path)
    assert [(i.rule, i.line) for i in whole] == [("unknown-code", 4), ("invalid-value", 6)]
    found = validate_bag(str(path), scheduler="sync")
    assert [(i.rule, i.line, i.path) for i in found] == [(i.rule, i.line, i.path) for i in whole]


def test_agrees_with_validate_on_one_file(tmp_path: Path) -> None:
    """On a single file, the partitioned run finds what validate finds."""
    example = g.load(EXAMPLE)
    path = tmp_path / "one.jsonl"
    dump_jsonl(example, path)
    partitioned = validate_bag(str(path), scheduler="sync")
    whole = g.validate(path)
    assert sorted((i.rule, i.line) for i in partitioned) == sorted((i.rule, i.line) for i in whole)


def test_wrong_calls() -> None:
    """An unknown profile or a source of another kind raise our errors."""
    with pytest.raises(g.UnknownCodeError):
        validate_bag("x.jsonl", profile="loose")
    with pytest.raises(InvalidCodeError):
        validate_bag(3)  # type: ignore[arg-type]


def test_the_first_file_needs_the_header_the_others_may_go_without(tmp_path: Path) -> None:
    """A collection is refused as a file is: by its first file's first line."""
    write(tmp_path / "a.jsonl", [pledge("x1")], header=False)
    write(tmp_path / "b.jsonl", [pledge("x2")])
    report = validate_bag(str(tmp_path / "*.jsonl"), scheduler="sync")
    assert [(i.rule, i.file.rsplit("/", 1)[1] if i.file else None, i.line) for i in report] == [
        ("schema-version", "a.jsonl", 1)
    ]
    write(tmp_path / "a.jsonl", [pledge("x1")])
    (tmp_path / "b.jsonl").write_text(
        '{"@type": "dataset", "schema_version": "9.0"}\n' + (tmp_path / "b.jsonl").read_text()
    )
    refused = validate_bag(str(tmp_path / "*.jsonl"), scheduler="sync")
    assert [(i.rule, i.line) for i in refused] == [("schema-version", 1)]
    assert refused.records == 0


def test_an_empty_first_file_has_no_header(tmp_path: Path) -> None:
    """An empty file opening the collection is reported as validate reports it."""
    (tmp_path / "a.jsonl").write_bytes(b"")
    write(tmp_path / "b.jsonl", [pledge("x2")])
    report = validate_bag(str(tmp_path / "*.jsonl"), scheduler="sync")
    assert [(i.rule, i.message, i.line) for i in report] == [
        ("schema-version", "the file has no header line", None)
    ]
