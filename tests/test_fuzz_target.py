"""The atheris fuzz target ``fuzz/fuzz_validate.py``, run without atheris so that it never rots.

``check`` is fed a few hundred Hypothesis byte strings: junk, JSON values,
documents that break each rule, JSON Lines files and CSV tables of drawn
datasets, each possibly with a byte changed. Only ``GcmError`` may leave the
loaders and nothing may leave ``validate``, which ``check`` asserts by
raising.
"""

from __future__ import annotations

import csv
import importlib.util
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gcm_model
from gcm_model import converters, testing
from gcm_model.conformance import SUITE
from gcm_model.tabular import TABLES, from_tables, to_tables

if TYPE_CHECKING:
    from types import ModuleType

TARGET = Path(__file__).resolve().parents[1] / "fuzz" / "fuzz_validate.py"


def load_target() -> ModuleType:
    """Import ``fuzz/fuzz_validate.py`` by path (``fuzz/`` is not a package)."""
    spec = importlib.util.spec_from_file_location("_fuzz_validate", TARGET)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FUZZ = load_target()


def csv_bytes(dataset: gcm_model.Dataset) -> bytes:
    """A dataset's CSV tables as one fuzz input: the tables in order, between form feeds."""
    found = to_tables(dataset)
    sections = []
    for name in FUZZ.TABLE_NAMES:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=TABLES[name])
        writer.writeheader()
        writer.writerows(found.get(name, []))
        sections.append(out.getvalue())
    separator: str = FUZZ.TABLE_BREAK
    return separator.join(sections).encode()


JSON_VALUES: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)

STRUCTURED = st.one_of(
    JSON_VALUES.map(orjson.dumps),
    st.sampled_from([rule.slug for rule in gcm_model.rules]).flatmap(testing.invalid_datasets),
    testing.datasets(max_records=2).map(converters.dumps_jsonl),
    testing.datasets(max_records=2).map(csv_bytes),
)


@st.composite
def fuzz_inputs(draw: st.DrawFn) -> bytes:
    """Junk, or a structured input with perhaps one byte replaced."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=300))
    data = draw(STRUCTURED)
    if data and draw(st.booleans()):
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + draw(st.binary(min_size=1, max_size=1)) + data[at + 1 :]
    return data


def test_the_target_imports_without_atheris() -> None:
    """The module imports, and defines check, without atheris installed or imported."""
    assert callable(FUZZ.check)
    assert "atheris" not in FUZZ.__dict__


def test_tables_split_at_form_feeds() -> None:
    """The first section is dataset.csv, the next ones the other tables in order."""
    found = FUZZ.tables("schema_version\n1.0\n\fposition,value\n0,a source\n")
    assert found["dataset"] == [{"schema_version": "1.0"}]
    assert FUZZ.TABLE_NAMES[1] == "dataset_sources"  # the tables in the order of TABLES
    assert found["dataset_sources"] == [{"position": "0", "value": "a source"}]


@settings(max_examples=20)
@given(testing.datasets(max_records=2))
def test_csv_inputs_read_back(dataset: gcm_model.Dataset) -> None:
    """The CSV inputs of the test are real tables: they read back to the dataset."""
    assert from_tables(FUZZ.tables(csv_bytes(dataset).decode())) == dataset


def test_valid_inputs_pass() -> None:
    """The conformance suite's documents go through check without error."""
    paths = sorted(SUITE.rglob("case-*.json"))
    assert paths
    for path in paths:
        FUZZ.check(path.read_bytes())


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(fuzz_inputs())
def test_check_never_lets_a_foreign_exception_out(data: bytes) -> None:
    """For any input, only GcmError leaves the loaders and nothing leaves validate."""
    FUZZ.check(data)
