"""Every door gives the same answer: the same data through each way in, compared.

The doors are the constructors, ``loads`` (JSON), JSON Lines, CSV tables,
DataFrames (``to_pandas`` and back with ``from_pandas``), the published JSON
Schema and the Dask path. Issues are compared as sets of
(rule, record id, JSON Pointer within the record): a JSON document and CSV
tables point from the document's root (``/meetings/3/title``), a JSON Lines
line from its record (``/title``), and files and lines differ by nature.

Valid datasets (``gcm_model.testing.datasets()``): the constructors rebuild
every record equal (from its attributes, and with enum members given as their
values and tuples as lists); ``loads``, ``load_jsonl`` and ``read_csv`` of the
files, and ``from_pandas`` of the DataFrames, give the dataset back; the
published schema, formats checked, accepts the dumped document; ``validate``
reports the same set from the JSON document, the JSON Lines file, the CSV
tables, the dataset built back from DataFrames, the typed dataset and Dask,
on one partition and on several.

Invalid documents (``gcm_model.testing.invalid_datasets(rule)``, for every rule
of the catalogue, under the profile it is meant for): ``validate`` reports the
same set from the document, from the same records as JSON Lines, and from Dask
on one partition and on several; CSV tables report it too where the document
can be written as tables (below); the loader and the schema agree on
structure.

Dask on several partitions: the records are spread over the files at random,
so a rule that compares records with each other (a report and its meeting, a
review and its events, a meeting and its speakers: ``CROSS_RECORD``) may
find otherwise (the first of two records is another one); those rules are
left out of the comparison with the single file, and every rule is compared
with ``validate`` over the same files. ``tests/test_dask.py`` partitions one
file at random and requires the very report ``validate`` gives.

What CSV cannot carry. A cell is text, so some JSON documents have no CSV
tables that hold them; ``gcm_model.tabular._write_tree`` refuses those rather
than change a value, and the document is then not compared through CSV. Only
the documents of these rules may be refused (``CSV_CANNOT_CARRY``):

* ``json-syntax``: the document is not JSON; there is nothing to put in cells.
* ``wrong-type``: a number or a flag where text belongs would be read back as
  text, text where a number or a flag belongs as a number or a flag (or not
  at all); a record or a list's item that is no object, or a list that is no
  list, has no row.
* ``schema-version``: a version that is a number, a flag or ``null`` is the
  same wrong type in the dataset table's cell.
* ``invalid-value``: an empty text is an empty cell, which CSV reads as no
  value (a JSON blank title is a CSV missing title); an empty list where one
  is required has no rows, which CSV reads as no list.
* ``unknown-field``: a key named as a key column of its table (``meeting``,
  ``report``, ``section``, ``position``) cannot be a column of its own.

Every other rule's documents must be written as tables. And a key no column
has becomes a column (``colour``, ``venue/colour``, ``colour`` of
``meetings_contacts``), which CSV reports once, at the header of its table,
not at each record that has the key: CSV's ``unknown-field`` issues are
compared by the column's name with the JSON's unknown keys that CSV does not
report where JSON does (a key inside a list of a record whose id cannot name
rows of other tables stays in that list's JSON cell, and keeps its place).

What other tests prove already, and is not repeated here: each format
round-trips on its own (``tests/test_round_trips.py``); documents generated
from the schema load (``tests/test_schema.py``); each invalid document breaks
its rule and no other error rule, and the schema refuses exactly the
structural rules' documents (``tests/test_invalid_datasets.py``); a typed
dataset built from an invalid document reports what the document reports
(``tests/test_validation.py::test_typed_dataset_reports_as_its_document``);
planted mistakes in a real dataset come out the same from JSON, JSON Lines
and CSV (``tests/test_one_pass.py``).
"""

from __future__ import annotations

import enum
import functools
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import jsonschema
import orjson
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

import gcm_model as g
from gcm_model import testing
from gcm_model.conformance import profile_for
from gcm_model.converters import (
    HEADER_TYPE,
    RECORD_TYPES,
    TYPE_KEY,
    dumps_jsonl,
    load_jsonl,
    loads,
    unstructure,
)
from gcm_model.dask import validate_bag
from gcm_model.errors import DocumentError, InvalidCodeError
from gcm_model.models.dataset import COLLECTIONS
from gcm_model.models.kinds import Child, Many, When, kind_of
from gcm_model.schema import NOT_IN_SCHEMA
from gcm_model.tabular import _write_tree, from_pandas, read_csv, to_pandas, write_csv
from gcm_model.validation import Severity
from test_invalid_datasets import STRUCTURAL

if TYPE_CHECKING:
    from gcm_model.validation import ValidationReport

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "data" / "unece_2024.json"

_TAG = {
    name: tag for tag, cls in RECORD_TYPES.items() for name, c in COLLECTIONS.items() if c is cls
}
"""The ``@type`` of each collection's records on JSON Lines lines."""

CROSS_RECORD = (
    "chronology",
    "objective-coverage",
    "commission-membership",
    "balance",
    "review-cadence",
    "stakeholder-coverage",
    "consultations",
    "evaluation-session",
    "report-deadline",
    "summary-report",
    "accreditation",
    "co-chair-remarks",
    "call-notice",
    "sg-report-lead-time",
)
"""The rules that compare a record with others (its meeting, its review's events, its
speakers): with the records spread over files in another order, the first of two may differ."""

CSV_CANNOT_CARRY = {"json-syntax", "wrong-type", "schema-version", "invalid-value", "unknown-field"}
"""The rules whose documents CSV tables may be unable to hold (see the module's docstring)."""

WHOLE_DATASET = {"duplicate-id", "dangling-reference"}
"""The rules ``NOT_IN_SCHEMA`` lists as ``dataset``: ids and references across records."""

SLUGS = [rule.slug for rule in g.rules]

VALID_EXAMPLES = max(5, settings().max_examples // 5)
"""Generated datasets per test: 60 under the ci profile, 20 by default."""

INVALID_EXAMPLES = max(2, settings().max_examples // 30)
"""Documents per rule: 10 under the ci profile, 3 by default (a dataset is slow to draw)."""

PARITY = settings(
    deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


@functools.cache
def schema_validator() -> jsonschema.Draft202012Validator:
    """The published schema (``schema/dataset.schema.json``), checking formats as test_schema does."""
    published = orjson.loads((ROOT / "schema" / "dataset.schema.json").read_bytes())
    return jsonschema.Draft202012Validator(
        published, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


# -- the doors ---------------------------------------------------------------------------------


Found = set[tuple[str, str | None, str]]


def in_document(report: ValidationReport) -> Found:
    """(rule, record id, pointer within the record) of issues pointing from a document's root."""
    found = set()
    for issue in report:
        steps = issue.path.split("/")
        within = issue.path
        if len(steps) > 2 and steps[1] in COLLECTIONS and steps[2].isdigit():
            within = "/".join(["", *steps[3:]])
        found.add((issue.rule, issue.record, within))
    return found


def on_lines(report: ValidationReport) -> Found:
    """(rule, record id, pointer within the record) of issues of JSON Lines records."""
    return {(issue.rule, issue.record, issue.path) for issue in report}


def as_lines(document: dict[str, Any]) -> list[bytes]:
    """A dataset document as JSON Lines: its own keys on the header line, then each record.

    A record that is no object is written as it is, on a line of its own.
    """
    head = {key: value for key, value in document.items() if key not in COLLECTIONS}
    lines = [orjson.dumps({TYPE_KEY: HEADER_TYPE, **head})]
    for collection in COLLECTIONS:
        for record in document.get(collection, []):
            tagged = {TYPE_KEY: _TAG[collection], **record} if isinstance(record, dict) else record
            lines.append(orjson.dumps(tagged))
    return lines


def write_lines(path: Path, lines: list[bytes]) -> Path:
    """Write lines to a JSON Lines file."""
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    return path


def spread(
    folder: Path, lines: list[bytes], places: list[int], *, headers: list[bool]
) -> list[str]:
    """The record lines spread over files (the header line first in the first file).

    ``places`` are the files of the record lines in turn (repeated as need be);
    ``headers[n]`` whether
    file ``n`` (after the first) begins with the header line too, as each may.
    """
    folder.mkdir()
    files: list[list[bytes]] = [[lines[0]]] + [[lines[0]] if h else [] for h in headers]
    for index, line in enumerate(lines[1:]):
        files[places[index % len(places)] % len(files)].append(line)
    return [str(write_lines(folder / f"part-{n}.jsonl", part)) for n, part in enumerate(files)]


@st.composite
def partitions(draw: st.DrawFn) -> tuple[list[int], list[bool]]:
    """Where each record goes among two to four files, and which later files have a header."""
    headers = draw(st.lists(st.booleans(), min_size=1, max_size=3))
    places = draw(st.lists(st.integers(0, len(headers)), min_size=1, max_size=20))
    return places, headers


def dask(source: str | list[str], **options: Any) -> Found:
    """The issues Dask finds, run in this thread (the partitions are the files)."""
    return on_lines(validate_bag(source, scheduler="sync", **options))


# -- the constructors --------------------------------------------------------------------------


def rebuilt(value: Any, *, as_json: bool = False) -> Any:
    """A model object built again by its constructor, field by field, its children too.

    With ``as_json``, an enum member is given as its value and a tuple as a list,
    as JSON has them.
    """
    if attrs.has(type(value)):
        fields = {
            field.alias: rebuilt(getattr(value, field.name), as_json=as_json)
            for field in attrs.fields(type(value))
            if field.init
        }
        return type(value)(**fields)
    if isinstance(value, tuple):
        items = [rebuilt(item, as_json=as_json) for item in value]
        return items if as_json else tuple(items)
    if as_json and isinstance(value, enum.Enum):
        return value.value
    return value


def _innermost(kind: Any) -> Any:
    return _innermost(kind.item) if isinstance(kind, Many) else kind


def wire_fields(
    record: Any, *, of: tuple[type, ...] = (), but: tuple[type, ...] = ()
) -> dict[str, Any]:
    """The record's fields: those of the kinds ``of`` (every kind ``but`` some) as JSON has them.

    A list counts as the kind of its items.
    """
    written = unstructure(record)
    fields = {}
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        kind = _innermost(kind_of(field))
        chosen = isinstance(kind, of) if of else not isinstance(kind, but)
        if kind is not None and chosen and field.name in written:
            value = written[field.name]
        fields[field.alias] = value
    return fields


# -- valid datasets ----------------------------------------------------------------------------


@settings(PARITY, max_examples=VALID_EXAMPLES)
@given(testing.datasets())
def test_constructors_rebuild_every_record(data: g.Dataset) -> None:
    """type(r)(**fields) gives r back; so do enum values, lists, and fields as JSON has them.

    Every field but moments and children, which the next test is about.
    """
    assert rebuilt(data) == data
    assert rebuilt(data, as_json=True) == data
    for _, record in data.records():
        assert type(record)(**wire_fields(record, but=(Child, When))) == record


WIRE_KINDS = [pytest.param(When, id="moments"), pytest.param(Child, id="children")]


@pytest.mark.parametrize("kind", WIRE_KINDS)
def test_a_constructor_takes_what_json_holds(kind: type) -> None:
    """Every field given as JSON writes it: the constructor builds the same record."""

    @settings(PARITY, max_examples=VALID_EXAMPLES)
    @given(testing.datasets())
    @example(g.load(EXAMPLE))  # it has both, whatever the profile draws
    def same(data: g.Dataset) -> None:
        for _, record in data.records():
            assert type(record)(**wire_fields(record, of=(kind,))) == record

    same()


@settings(PARITY, max_examples=VALID_EXAMPLES)
@given(testing.datasets())
def test_every_door_reads_the_same_dataset(data: g.Dataset) -> None:
    """JSON, JSON Lines, CSV and DataFrames all give the dataset back; the schema takes it."""
    encoded = g.dumps(data)
    assert schema_validator().is_valid(orjson.loads(encoded)), encoded
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "data.json").write_bytes(encoded)
        (folder / "data.jsonl").write_bytes(dumps_jsonl(data))
        write_csv(data, folder / "tables")
        assert g.load(folder / "data.json") == data
        assert load_jsonl(folder / "data.jsonl") == data
        assert read_csv(folder / "tables") == data
    back = from_pandas(to_pandas(data))
    assert back == data
    assert g.dumps(back) == encoded


@settings(PARITY, max_examples=VALID_EXAMPLES)
@given(testing.datasets(), partitions())
def test_every_door_reports_the_same_issues(
    data: g.Dataset, spread_over: tuple[list[int], list[bool]]
) -> None:
    """JSON, JSON Lines, CSV, DataFrames, the typed dataset and Dask report the same."""
    expected = in_document(g.validate(g.dumps(data)))
    assert in_document(g.validate(data)) == expected
    assert in_document(g.validate(from_pandas(to_pandas(data)))) == expected
    assert in_document(g.validate(to_pandas(data))) == expected
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        lines = dumps_jsonl(data).splitlines()
        one = write_lines(folder / "data.jsonl", lines)
        write_csv(data, folder / "tables")
        assert on_lines(g.validate(one)) == expected
        assert in_document(g.validate(folder / "tables")) == expected
        assert dask(str(one)) == expected
        places, headers = spread_over
        parts = spread(folder / "parts", lines, places, headers=headers)
        local = {i for i in expected if i[0] not in CROSS_RECORD}
        assert dask(parts, ignore=CROSS_RECORD) == local
        # Every rule: Dask over the files gives what validate gives over the same files
        # (each with its header: validate refuses a file without one, Dask reads it).
        headed = spread(folder / "headed", lines, places, headers=[True] * len(headers))
        assert dask(headed) == on_lines(g.validate(folder / "headed"))


# -- invalid documents -------------------------------------------------------------------------


def _allowed(rule: str, pointer: str) -> bool:
    """Whether ``NOT_IN_SCHEMA`` says the schema cannot express a loader problem."""
    field = pointer.rsplit("/", 1)[-1]
    if rule in WHOLE_DATASET:
        return True
    return any(rule == r and (not f or f == field) for r, f, _ in NOT_IN_SCHEMA)


def _column(pointer: str) -> str:
    """The column an unknown key of a row becomes: its path below the row's list item."""
    tokens = pointer.split("/")[1:]
    last = max((i for i, t in enumerate(tokens) if t.isdigit()), default=-1)
    return "/".join(tokens[last + 1 :])


def check_csv(document: Any, expected: Found, slug: str, profile: str, folder: Path) -> None:
    """The CSV tables of a document report what it reports, unknown keys as columns."""
    refused: InvalidCodeError | None = None
    try:
        _write_tree(document, folder)
    except InvalidCodeError as exc:
        refused = exc
    if refused is not None:
        event(f"not written as CSV: {refused.kind}")
        assert slug in CSV_CANNOT_CARRY, refused
        return
    found = in_document(g.validate(folder, profile=profile))
    columns = {i for i in found if i[0] == "unknown-field" and i[2] == ""}
    keys = {i for i in expected - found if i[0] == "unknown-field"}
    assert found - columns == expected - keys
    assert bool(columns) == bool(keys)
    named = {
        i.value
        for i in g.validate(folder, profile=profile, select=["unknown-field"])
        if i.path == ""
    }
    assert named == {_column(pointer) for _, _, pointer in keys}


def check_schema(data: bytes, document: Any, report: ValidationReport) -> None:
    """What the loader refuses on structure the schema refuses; what it refuses is an error."""
    accepted = schema_validator().is_valid(document)
    try:
        loads(data)
    except DocumentError as exc:
        structural = [
            p for p in exc.problems if p.rule in STRUCTURAL and not _allowed(p.rule, p.pointer)
        ]
        assert not (structural and accepted), structural
    if not accepted:
        assert any(issue.severity is Severity.ERROR for issue in report), report.to_text()


UNKNOWN_VERSION = b'{"schema_version": "99.0", "pledges": [{"id": "p1", "member_state": "ESP"}]}'
"""A document at a version no release has made, with a pledge that has no text."""


@pytest.mark.parametrize(
    "slug",
    [
        slug
        for slug in SLUGS
        if slug != "json-syntax"  # not JSON: no records to put on lines
    ],
)
def test_json_lines_report_what_the_document_reports(slug: str) -> None:
    """A document breaking a rule, and the same records as JSON Lines: the same problems."""
    profile = profile_for(slug)

    @settings(PARITY, max_examples=INVALID_EXAMPLES)
    @given(testing.invalid_datasets(slug))
    def same(data: bytes) -> None:
        expected = in_document(g.validate(data, profile=profile))
        with tempfile.TemporaryDirectory() as name:
            one = write_lines(Path(name) / "data.jsonl", as_lines(orjson.loads(data)))
            assert on_lines(g.validate(one, profile=profile)) == expected

    if slug == "schema-version":  # a sure case of the disagreement, whatever the profile
        same = example(UNKNOWN_VERSION)(same)
    same()


@pytest.mark.parametrize("slug", SLUGS)
def test_dask_csv_and_the_schema_agree(slug: str) -> None:
    """A document breaking a rule: Dask reports what JSON Lines does, CSV what JSON does."""
    profile = profile_for(slug)

    @settings(PARITY, max_examples=INVALID_EXAMPLES)
    @given(testing.invalid_datasets(slug), partitions())
    def same(data: bytes, spread_over: tuple[list[int], list[bool]]) -> None:
        report = g.validate(data, profile=profile)
        if slug == "json-syntax":
            return  # not JSON: no records to put on lines or in cells
        document = orjson.loads(data)
        check_schema(data, document, report)
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            lines = as_lines(document)
            one = write_lines(folder / "data.jsonl", lines)
            by_lines = on_lines(g.validate(one, profile=profile))
            assert dask(str(one), profile=profile) == by_lines
            places, headers = spread_over
            parts = spread(folder / "parts", lines, places, headers=headers)
            local = {i for i in by_lines if i[0] not in CROSS_RECORD}
            assert dask(parts, profile=profile, ignore=CROSS_RECORD) == local
            # Every rule: Dask over the files gives what validate gives over the same files.
            headed = spread(folder / "headed", lines, places, headers=[True] * len(headers))
            over_files = on_lines(g.validate(folder / "headed", profile=profile))
            assert dask(headed, profile=profile) == over_files
            check_csv(document, in_document(report), slug, profile, folder / "tables")

    same()
