"""Property tests of the wire formats with the public strategies: JSON, JSON Lines, CSV, schema."""

from __future__ import annotations

import jsonschema
from hypothesis import HealthCheck, given, settings

import gcm_model as g
from gcm_model import testing
from gcm_model.converters import dumps_jsonl, load_jsonl, loads, unstructure
from gcm_model.schema import json_schema
from gcm_model.tabular import TABLES, from_tables, to_tables

VALIDATOR = jsonschema.Draft202012Validator(json_schema())
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(testing.datasets())
def test_json_round_trip_and_canonical_bytes(data: g.Dataset) -> None:
    """loads(dumps(x)) == x, and dumps(loads(b)) == b for the canonical bytes."""
    encoded = g.dumps(data)
    assert g.loads(encoded) == data
    assert g.dumps(g.loads(encoded)) == encoded


@SLOW
@given(testing.datasets())
def test_json_lines_round_trip(data: g.Dataset) -> None:
    """A dataset survives JSON Lines unchanged, and the lines are canonical."""
    lines = dumps_jsonl(data)
    assert load_jsonl(lines.splitlines()) == data
    assert dumps_jsonl(load_jsonl(lines.splitlines())) == lines


@SLOW
@given(testing.datasets())
def test_csv_tables_round_trip(data: g.Dataset) -> None:
    """A dataset survives the CSV tables unchanged, every list in rows of its own table."""
    tables = to_tables(data)
    back = from_tables(tables)
    assert back == data
    assert g.dumps(back) == g.dumps(data)
    # Its records' ids are distinct: no list stays JSON text in a column of its owner's row.
    assert all(set(row) == set(TABLES[name]) for name, rows in tables.items() for row in rows)


@SLOW
@given(testing.datasets())
def test_strategy_datasets_satisfy_the_schema(data: g.Dataset) -> None:
    """Every generated dataset, as the converter writes it, is valid under the schema."""
    errors = [e.message for e in VALIDATOR.iter_errors(unstructure(data))]
    assert errors == []


@given(testing.meetings())
def test_single_records_round_trip(meeting: g.Meeting) -> None:
    """A record on its own round-trips too."""
    assert loads(g.dumps(meeting), g.Meeting) == meeting
