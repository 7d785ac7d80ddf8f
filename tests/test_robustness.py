"""The library never falls over on data: only GcmError escapes the readers, nothing escapes validate."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import gcm_model as g
from gcm_model.converters import load_jsonl, read_jsonl
from gcm_model.errors import GcmError
from gcm_model.tabular import TABLES, from_tables, read_csv

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = g.dumps(g.load(ROOT / "examples" / "data" / "unece_2024.json"))

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()
    | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=30,
)


def only_gcm_errors(call: Any, *args: Any) -> None:
    """Run a reader: it may fail only with a GcmError."""
    with contextlib.suppress(GcmError):
        call(*args)


@given(st.integers(min_value=0, max_value=len(EXAMPLE)))
def test_truncated_documents(cut: int) -> None:
    """Every prefix of a real document fails cleanly (or loads, when whole)."""
    data = EXAMPLE[:cut]
    only_gcm_errors(g.loads, data)
    assert isinstance(g.validate(data), g.ValidationReport)


@settings(max_examples=20)
@given(st.integers(min_value=1, max_value=3000))
def test_deeply_nested_documents(depth: int) -> None:
    """Nesting far past any real document is a clean failure, never a RecursionError."""
    data = "[" * depth + "]" * depth
    nested = '{"schema_version": "1.0", "title": ' + data + "}"
    for document in (data, nested):
        only_gcm_errors(g.loads, document)
        assert not g.validate(document).valid


@settings(max_examples=20)
@given(st.sampled_from(["title", "id", "notes"]), st.integers(min_value=10**5, max_value=10**6))
def test_huge_strings_and_numbers(field: str, size: int) -> None:
    """A huge string or number is a value like another."""
    tree = json.loads(EXAMPLE)
    tree["meetings"][0][field] = "x" * size
    assert isinstance(g.validate(json.dumps(tree).encode()), g.ValidationReport)
    tree["meetings"][0]["agenda"][0]["reported_minutes"] = 0
    text = json.dumps(tree).replace('"reported_minutes": 0', '"reported_minutes": 1' + "0" * size)
    assert not g.validate(text).valid
    only_gcm_errors(g.loads, text)


@given(st.binary(max_size=200))
def test_invalid_utf8_and_random_bytes(data: bytes) -> None:
    """Bytes that are not UTF-8, or not JSON, are reported, not raised from deep inside."""
    only_gcm_errors(g.loads, b'{"title": "' + data + b'"}')
    only_gcm_errors(g.loads, data)
    assert isinstance(g.validate(b"\xff" + data), g.ValidationReport)


@given(st.lists(st.binary(max_size=80) | st.text(max_size=80), max_size=6))
def test_json_lines_reader_never_raises(lines: list[bytes | str]) -> None:
    """Reading any lines yields a result per non-blank line; loading raises GcmError at worst."""
    read = list(read_jsonl(lines))
    assert all(line.record is not None or line.problems for line in read)
    only_gcm_errors(load_jsonl, lines)


@given(json_values)
def test_json_lines_reader_with_json_values(value: object) -> None:
    """A line holding any JSON value is read or reported."""
    header = '{"@type": "dataset", "schema_version": "1.0"}'
    for line in read_jsonl([header, json.dumps(value)]):
        assert line.record is not None or line.problems


table_names = st.sampled_from([*TABLES, "extra"])
cells = st.dictionaries(
    st.sampled_from([*{c for cs in TABLES.values() for c in cs}, "x"]),
    st.text(max_size=20) | st.sampled_from(["[", "[1,", "true", "-1", "12", '{"a": 1}']),
    max_size=6,
)


@given(st.dictionaries(table_names, st.lists(cells, max_size=3), max_size=4))
def test_tables_reader_never_raises(tables: dict[str, list[dict[str, str]]]) -> None:
    """Any tables of strings load or fail with a GcmError."""
    only_gcm_errors(from_tables, tables)


@settings(max_examples=30)
@given(st.binary(max_size=300))
def test_csv_files_never_raise(tmp_path_factory: Any, data: bytes) -> None:
    """A CSV file of random bytes fails cleanly, and validate reports it."""
    folder: Path = tmp_path_factory.mktemp("csv")
    (folder / "dataset.csv").write_bytes(data)
    (folder / "meetings.csv").write_bytes(data[::-1])
    only_gcm_errors(read_csv, folder)
    assert isinstance(g.validate(folder), g.ValidationReport)
