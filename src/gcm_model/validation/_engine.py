"""``validate`` and ``iter_validate``: read any source, gather every problem, run the rules.

The readers hand each problem and record to a ``Run`` (``_plan``) as they
read it; a JSON Lines file is read a line at a time, CSV tables a record at a
time (``gcm_model.tabular._stream``), and their records are not kept.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import orjson

from gcm_model import _decode
from gcm_model.converters import (
    RECORD_TYPES,
    DecodedRecord,
    DocumentProblem,
    JsonLine,
    _decode_record,
    _decode_record_parts,
    decode_dataset,
    read_jsonl,
)
from gcm_model.errors import (
    InvalidCodeError,
    SourceError,
    _tokens,
)
from gcm_model.formats import JSON_LINES_SUFFIXES, Format, format_of
from gcm_model.models._base import Model, field_problems, surely_valid
from gcm_model.models.checks import deferred_checks
from gcm_model.models.dataset import COLLECTIONS, Dataset
from gcm_model.validation._context import Located
from gcm_model.validation._plan import Key, Plan, Run, in_order

if TYPE_CHECKING:
    import datetime as dt

    from gcm_model.tabular import _TableDocument, _TableStream
    from gcm_model.validation._report import Issue, ValidationReport

__all__ = ["iter_validate", "no_header", "take_line", "validate"]

_COLLECTION_OF = {cls: name for name, cls in COLLECTIONS.items()}
_TYPE_OF = {cls: tag for tag, cls in RECORD_TYPES.items()}


# -- reading the source ------------------------------------------------------------------


def _record_id(raw: Any) -> str | None:
    found = raw.get("id") if isinstance(raw, dict) else None
    return found if isinstance(found, str) else None


class _Tables:
    """Where the problems and records of a document assembled from tables are.

    ``directory`` holds the CSV files; DataFrames have none, and their
    problems are at the table's name.
    """

    def __init__(self, directory: Path | None, found: _TableDocument) -> None:
        self.directory = directory
        self.found = found
        # Read a record at a time: the record being read (collection, position, document).
        self.current: tuple[str, int, Any] | None = None

    def file(self, name: str | None) -> str | None:
        """The path of a table's file (or the name of its DataFrame), from its name."""
        if name is None or self.directory is None:
            return name
        return str(self.directory / name)

    def locate(self, problem: DocumentProblem) -> DocumentProblem | None:
        """At its file, row and column; ``None`` when it repeats a cell's problem."""
        found = self.found.locate(problem)
        return attrs.evolve(found, file=self.file(found.file)) if found is not None else None

    def place(self, pointer: str) -> tuple[str | None, int | None]:
        """The path of the file and the starting line of the row that holds a value."""
        file, line = self.found.place(pointer)
        return self.file(file), line

    def record_id(self, pointer: str) -> str | None:
        """The id of the record a pointer is in, as its row gives it."""
        tokens = pointer.split("/")
        document = self.found.document
        if document is None or len(tokens) < 3 or not tokens[2].isdigit():
            return None
        if self.current is not None and tokens[1] in COLLECTIONS:
            collection, index, record = self.current
            same = (tokens[1], int(tokens[2])) == (collection, index)
            return _record_id(record) if same else None
        rows = document.get(tokens[1])
        index = int(tokens[2])
        return _record_id(rows[index]) if isinstance(rows, list) and index < len(rows) else None

    def reissue(self, issue: Issue) -> Issue:
        """A rule's issue at the row of its value: a segment's in segments.csv, say."""
        file, line = self.place(issue.path)
        if file is None or (file, line) == (issue.file, issue.line):
            return issue
        return attrs.evolve(issue, file=file, line=line)


def _from_document(
    document: Any,
    loaded: Run,
    file: str | None,
    *,
    plain: bool = False,
    tables: _Tables | None = None,
) -> None:
    """Decode a dataset document record by record (``tables``: where its rows are)."""

    def at(problem: DocumentProblem) -> DocumentProblem | None:
        return attrs.evolve(problem, file=file) if tables is None else tables.locate(problem)

    _, decoded, problems = decode_dataset(document, plain=plain)
    _take_located(problems, at, loaded)
    for item in decoded:
        _take_decoded(item, loaded, at, file if tables is None else tables.place)


def _take_located(
    problems: Iterable[DocumentProblem],
    at: Callable[[DocumentProblem], DocumentProblem | None],
    loaded: Run,
) -> None:
    """Problems of a document's own fields, each at its place (``None``: it repeats another)."""
    for problem in problems:
        found = at(problem)
        if found is not None:
            loaded.problem(found)


def _take_decoded(
    item: DecodedRecord,
    loaded: Run,
    at: Callable[[DocumentProblem], DocumentProblem | None],
    place: str | Callable[[str], tuple[str | None, int | None]] | None,
) -> None:
    """A document's record as decoded: its problems (``at`` their place), then the record.

    ``place`` is the record's file, or where its row is (by JSON Pointer).
    """
    pointer = f"/{item.collection}/{item.index}"
    record = item.record if item.record is not None else item.partial
    where, line = place(pointer) if callable(place) else (place, None)
    located = (
        Located(item.collection, record, pointer, where, line, unknown=item.unknown)
        if record is not None
        else None
    )
    raw_id = _record_id(item.raw)
    for problem in item.problems:
        found = at(problem)
        if found is not None:
            loaded.problem(attrs.evolve(found, record=raw_id))
    loaded.take(item.collection, raw_id, located)


def _from_bytes(data: bytes | bytearray | str, loaded: Run, file: str | None) -> None:
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        problem = DocumentProblem(
            "json-syntax", "", f"invalid JSON: {exc.msg}", None, exc.lineno, exc.colno, file
        )
        loaded.problem(problem)
        return
    _from_document(document, loaded, file, plain=_decode.plain(data))


def _from_lines(lines: Any, loaded: Run, file: str | None) -> Iterator[None]:
    """The lines one by one: each line's issues can be handed out before the next is read."""
    read = 0
    for line in read_jsonl(lines):
        read += 1
        take_line(line, loaded, file)
        yield
    if not read:
        loaded.problem(no_header(file))


def no_header(file: str | None) -> DocumentProblem:
    """The problem of a JSON Lines file with no line but blank ones."""
    return DocumentProblem("schema-version", "", "the file has no header line", file=file)


def take_line(line: JsonLine, loaded: Run, file: str | None) -> None:
    """One line of a JSON Lines file as read: its problems, and its record for the rules.

    A record with problems is kept as far as its fields decoded (for the rules
    that need it, and as the target of references), and its raw id counts.
    ``gcm_model.dask`` reads its lines through here too.
    """
    record = line.record if line.record is not None else line.partial
    raw_id = _record_id(line.raw)
    for problem in line.problems:
        loaded.problem(attrs.evolve(problem, file=file, record=raw_id))
    if isinstance(record, Dataset):
        return
    if record is not None:
        cls: type | None = type(record)
    else:  # the record's class, by its tag
        tag = line.raw.get("@type") if isinstance(line.raw, dict) else None
        cls = RECORD_TYPES.get(str(tag))
    collection = _COLLECTION_OF.get(cls, "") if cls is not None else ""
    if not collection:
        return
    located = (
        Located(collection, record, "", file, line.number, unknown=line.unknown)
        if record is not None
        else None
    )
    loaded.take(collection, raw_id, located)


def _from_objects(objects: Iterable[Any], loaded: Run) -> None:
    """Typed records, or dicts tagged with their ``@type`` as on JSON Lines lines."""
    counters: dict[str, int] = {}

    def next_index(collection: str) -> int:
        counters[collection] = counters.get(collection, -1) + 1
        return counters[collection]

    for number, item in enumerate(objects):
        if isinstance(item, dict):
            # As a line of JSON Lines: a record with problems is kept as far as it decoded.
            parts = _decode_record_parts(item)
            record = parts.record if parts.record is not None else parts.partial
            collection = _COLLECTION_OF.get(type(record), "") if record is not None else ""
            tag = item.get("@type")
            if not collection and isinstance(tag, str) and tag in RECORD_TYPES:
                collection = _COLLECTION_OF[RECORD_TYPES[tag]]
            pointer = f"/{collection}/{next_index(collection)}" if collection else f"/{number}"
            raw_id = _record_id(item)
            for problem in parts.problems:
                loaded.problem(attrs.evolve(problem.within(pointer), record=raw_id))
            located = (
                Located(collection, record, pointer, unknown=parts.unknown)
                if record is not None and collection
                else None
            )
            if collection:
                loaded.take(collection, raw_id, located)
            continue
        collection = _COLLECTION_OF.get(type(item), "")
        if not collection:
            message = f"expected a dataset record, got {type(item).__name__}"
            loaded.problem(DocumentProblem("wrong-type", f"/{number}", message))
            continue
        _add_built(collection, next_index(collection), item, loaded)


def _add_built(collection: str, index: int, record: Model, loaded: Run) -> None:
    pointer = f"/{collection}/{index}"
    # Fast tests clear the common valid record; only one that fails them is asked in full.
    problems = [] if surely_valid(record) else list(record.problems())
    raw_id = getattr(record, "id", None)
    raw_id = raw_id if isinstance(raw_id, str) else None
    for problem in problems:
        loaded.problem(attrs.evolve(problem.within(pointer), record=raw_id))
    # As a document's record: values of the wrong type are left out (the rules could not
    # read them), other faulty values stay, and what rules find at any of them is second-order.
    usable: Any = record
    mistyped = {_tokens(p.pointer)[0] for p in problems if p.rule in _UNREADABLE}
    if mistyped:
        usable = _without(record, mistyped)
    located = (
        Located(collection, usable, pointer, unknown=frozenset(p.pointer for p in problems))
        if usable is not None
        else None
    )
    loaded.take(collection, raw_id, located)


_UNREADABLE = frozenset({"wrong-type", "missing-field"})
"""Problems of a built object's value that the JSON decoder would have refused outright."""


def _without(record: Any, faulty: set[str]) -> Any:
    """The record with its faulty fields back at their defaults, if they all have one."""
    fields = {f.name: f for f in attrs.fields(type(record))}
    if any(name not in fields or fields[name].default is attrs.NOTHING for name in faulty):
        return None
    defaults: dict[str, Any] = {}
    for name in faulty:
        default = fields[name].default
        defaults[name] = default.factory() if isinstance(default, attrs.Factory) else default  # type: ignore[arg-type]
    with deferred_checks():
        cleaned = attrs.evolve(record, **defaults)
    return cleaned if not any(True for _ in cleaned.problems()) else None


def _from_path(path: Path, loaded: Run) -> Iterator[None]:
    """A file or directory, in the format ``gcm_model.formats`` recognises.

    A directory without ``dataset.csv`` is a folder of datasets: each JSON or
    JSON Lines file in it is read in turn. A JSON Lines file is read a line at
    a time, its records dropped once checked.
    """
    if path.is_dir() and not (path / "dataset.csv").exists():
        for file in sorted(path.iterdir()):
            if file.suffix.lower() in {".json", *JSON_LINES_SUFFIXES} and file.is_file():
                yield from _from_path(file, loaded)
        return
    kind = format_of(path)
    if kind is Format.CSV:
        yield from _from_csv(path, loaded)
        return
    try:
        if kind is Format.JSON_LINES:
            with path.open("rb") as handle:
                yield from _from_lines(handle, loaded, str(path))
            return
        _from_bytes(path.read_bytes(), loaded, str(path))
    except OSError as exc:
        raise SourceError(path, exc) from exc


def _from_csv(path: Path, loaded: Run) -> Iterator[None]:
    """CSV tables, decoded as the JSON document they make, each issue at its row.

    A header or cell problem does not stop the rest: the rows are decoded and
    checked like a JSON document's records, each at the line where it starts.
    Tables whose lists' rows are in the order of their records (as
    ``write_csv`` writes them) are read a record at a time, each record's
    issues handed out before the next is read; any others are read whole, to
    the same issues.
    """
    # CSV support on first use
    from gcm_model.tabular import _read_document, _stream_document  # noqa: PLC0415

    try:
        stream = _stream_document(path)
        if stream is not None:
            yield from _from_stream(path, stream, loaded)
            return
        found = _read_document(path)
    except OSError as exc:
        raise SourceError(path, exc) from exc
    _from_tables(_Tables(path, found), loaded)


def _from_frames(frames: Mapping[str, Any], loaded: Run) -> None:
    """DataFrames, decoded as the JSON document they make, each issue at its table and row."""
    from gcm_model.tabular import _frames_document  # noqa: PLC0415 - pandas support on first use

    _from_tables(_Tables(None, _frames_document(frames)), loaded)


def _holds_frames(source: Mapping[Any, Any]) -> bool:
    """Whether a mapping holds DataFrames (pandas, polars) or pyarrow Tables by table name."""
    frames = ("pandas", "polars", "pyarrow")
    return any(type(v).__module__.partition(".")[0] in frames for v in source.values())


def _from_tables(tables: _Tables, loaded: Run) -> None:
    """The problems of assembled tables, then their document's records, each at its row."""
    loaded.tables = tables
    found = tables.found
    for problem in found.problems:
        _take_cell_problem(problem, tables, loaded)
    if found.document is not None:
        _from_document(found.document, loaded, None, tables=tables)


def _take_cell_problem(problem: DocumentProblem, tables: _Tables, loaded: Run) -> None:
    """A problem of the files, headers or cells of tables (CSV or DataFrames), at its place."""
    named = attrs.evolve(problem, file=tables.file(problem.file))
    loaded.problem(attrs.evolve(named, record=tables.record_id(problem.pointer)))


def _from_stream(path: Path, stream: _TableStream, loaded: Run) -> Iterator[None]:
    """CSV tables read a record at a time: each record decoded and checked as it is read."""
    tables = loaded.tables = _Tables(path, stream.found)

    def cells() -> None:  # the problems of the files, headers and cells read since last asked
        for problem in stream.take_problems():
            _take_cell_problem(problem, tables, loaded)

    head = stream.start()
    cells()
    _, _, problems = decode_dataset(head)  # the dataset's own fields: it holds no records
    _take_located(problems, tables.locate, loaded)
    for collection, index, record in stream.records():
        tables.current = (collection, index, record)
        cells()
        item = _decode_record(collection, index, record)
        _take_decoded(item, loaded, tables.locate, tables.place)
        yield
    tables.current = None
    cells()  # rows naming no record, after the last


def _from_dataset(dataset: Dataset, loaded: Run) -> None:
    for collection, cls in COLLECTIONS.items():
        records = getattr(dataset, collection)
        for index, record in enumerate(records if isinstance(records, tuple) else ()):
            if isinstance(record, cls):  # anything else is reported by the dataset itself
                _add_built(collection, index, record, loaded)
    # The dataset's own problems: its fields and the type of each record, not the problems
    # inside its records (each record's came above). The filter keeps only those, as when
    # the dataset's deep problems() were asked.
    own = itertools.chain(field_problems(dataset, deep=False), dataset.relation_problems())
    for problem in own:
        steps = _tokens(problem.pointer)
        inside_a_record = len(steps) > 2 and steps[0] in COLLECTIONS
        if not inside_a_record:
            loaded.problem(problem)


def _existing(path: Path) -> Path:
    if not path.exists():
        raise SourceError(path, FileNotFoundError("no such file or directory"))
    return path


def _names_a_file(text: str) -> bool:
    """Whether a text is no JSON but the name of an existing file (a ``Path`` was meant)."""
    if "\n" in text or len(text) > 4096:
        return False
    try:
        orjson.loads(text)
    except orjson.JSONDecodeError:
        with contextlib.suppress(OSError, ValueError):  # a name too long, a NUL in it
            return Path(text).exists()
    return False


def _reader(source: Any) -> Callable[[Run], Iterator[None]]:
    """How to read a source into a run, checked now (a wrong call raises before any reading).

    The reading pauses after each record of a JSON Lines file or of CSV
    tables, so that its issues can be handed out as they are found; other
    sources are read whole.
    """
    if isinstance(source, os.PathLike):
        path = _existing(Path(source))
        return lambda loaded: _from_path(path, loaded)
    if isinstance(source, str) and _names_a_file(source):
        raise InvalidCodeError(
            "source",
            source,
            f"a str is JSON text, and this one is not JSON but names a file: "
            f"pass Path({source!r}) to validate the file",
        )
    read: Callable[[Any, Run], None]
    if isinstance(source, Dataset):
        read = _from_dataset
    elif isinstance(source, Mapping) and _holds_frames(source):
        read = _from_frames
    elif isinstance(source, bytes | bytearray | str):
        read = functools.partial(_from_bytes, file=None)
    elif isinstance(source, dict):
        read = functools.partial(_from_document, file=None)
    elif isinstance(source, Model):
        read, source = _from_objects, [source]
    elif isinstance(source, Iterable):
        read = _from_objects
    else:
        expected = "a Dataset, records, a dict, JSON bytes or str, a path, or DataFrames by table"
        raise InvalidCodeError("source", source, f"expected {expected}")

    def whole(loaded: Run) -> Iterator[None]:
        read(source, loaded)
        yield

    return whole


# -- validate -------------------------------------------------------------------------------


def _found(run: Run, read: Callable[[Run], Iterator[None]]) -> Iterator[tuple[Key, Issue]]:
    """Each issue with its place in the report, as found: the records' first, the judges' last."""
    for _ in read(run):
        if run.found:  # most records have no issue: nothing to hand out
            yield from run.drain()
    yield from run.drain()
    yield from run.judge()


def _options(  # noqa: PLR0913, PLR0917 - the documented options of the main job, in order
    profile: str,
    as_of: dt.date | None,
    select: Iterable[str] | None,
    ignore: Iterable[str] | None,
    max_issues: int | None,
    parameters: Mapping[str, Mapping[str, object]] | None,
) -> Plan:
    """The plan of a validation, the options checked (raising for a wrong call)."""
    plan = Plan.of(profile, as_of=as_of, select=select, ignore=ignore, parameters=parameters)
    cap: object = max_issues
    if cap is not None and (isinstance(cap, bool) or not isinstance(cap, int)):
        raise InvalidCodeError("max_issues", max_issues, "expected an int (1 or more) or None")
    if cap is not None and cap < 1:
        # A cap of 0 would list nothing yet still be a report: a wrong call, not a quiet one.
        raise InvalidCodeError("max_issues", max_issues, "expected 1 or more (None: no cap)")
    return plan


def iter_validate(  # noqa: PLR0913 - the documented options of validate
    source: Any,
    *,
    profile: str = "default",
    as_of: dt.date | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    parameters: Mapping[str, Mapping[str, object]] | None = None,
) -> Iterator[Issue]:
    """Check a dataset and hand out each issue as it is found.

    The issues are those ``validate`` reports for the same source and options,
    in the order they are found: each record's own problems and the rules that
    judge one record come as the record is read (a JSON Lines file is read a
    line at a time, CSV tables as ``write_csv`` writes them a record at a
    time, and only the ids, references and values that the rules comparing
    records need are kept); the rules that compare records come once
    every record is read. ``validate`` lists the same issues in the report's
    order.

    Args:
        source: as for ``validate``.
        profile: as for ``validate``.
        as_of: as for ``validate``.
        select: as for ``validate``.
        ignore: as for ``validate``.
        parameters: as for ``validate``.

    Returns:
        An iterator of the issues. The options and the source are checked when
        it is made, before any reading.

    Raises:
        UnknownCodeError: an unknown profile, rule or parameter name.
        InvalidCodeError: an option of the wrong kind or out of range, or a
            source of a kind that cannot hold a dataset.
        SourceError: a path that does not exist (one that cannot be read
            raises while the issues are handed out).

    Examples:
        >>> import gcm_model
        >>> found = gcm_model.iter_validate(b'{"schema_version": "1.0", "reviews": [{"id": "r"}]}')
        >>> [issue.rule for issue in found][:2]
        ['missing-field', 'missing-field']
    """
    plan = _options(profile, as_of, select, ignore, None, parameters)
    read = _reader(source)
    return (issue for _, issue in _found(Run(plan), read))


def validate(  # noqa: PLR0913 - the documented options of the main job
    source: Any,
    *,
    profile: str = "default",
    as_of: dt.date | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    max_issues: int | None = None,
    parameters: Mapping[str, Mapping[str, object]] | None = None,
) -> ValidationReport:
    """Check a dataset and report everything wrong with it, in one pass.

    Bad data never raises: it becomes issues. JSON syntax, structure (missing,
    unknown and wrongly typed fields), the records' own invariants and the
    rules that need the whole dataset are all gathered together.

    Args:
        source: a ``Dataset``; records (typed, or dicts tagged with ``@type``);
            a dict; JSON as bytes or str; or a path (``pathlib.Path``) to a
            JSON file, a JSON Lines file (``.jsonl``), a directory of CSV tables
            (with ``dataset.csv``) or a directory of JSON and JSON Lines files;
            or DataFrames by table name (pandas, polars or pyarrow, as
            ``gcm_model.tabular.to_pandas`` makes them), each issue then at its
            table (``file``), row (``line``, from 0) and column.
        profile: ``default`` (what binds every regional review), ``strict``
            (the default rules, warnings become errors) or ``unece-2024``
            (the default rules and the practice of the UNECE 2024 concept
            note).
        as_of: the date commission membership is judged on; by default each
            meeting's own date.
        select: only these rules (slugs or codes).
        ignore: not these rules.
        max_issues: list at most this many issues, the most severe first
            (1 or more; ``None``, the default, lists them all). The verdict
            and the counts stay those of every issue found, and
            ``truncated`` counts the issues left out.
        parameters: rule parameters to set, by rule (slug or code) and name,
            such as ``{"balance": {"max_share": 0.5}}``; they take precedence
            over the profile's. The catalogue lists each parameter with its
            default (``gcm_model.rules``, the rules page).

    Returns:
        The report.

    Raises:
        UnknownCodeError: an unknown profile, rule or parameter name.
        InvalidCodeError: ``as_of`` or ``max_issues`` of the wrong kind, a
            ``max_issues`` of 0 or less, a parameter value of the wrong type
            or out of range, or a source of a kind that cannot hold a dataset.
        SourceError: a path that does not exist or cannot be read.

    Examples:
        >>> import gcm_model
        >>> report = gcm_model.validate(b'{"schema_version": "1.0", "reviews": [{"id": "r"}]}')
        >>> report.valid, [issue.rule for issue in report][:2]
        (False, ['missing-field', 'missing-field'])
    """
    plan = _options(profile, as_of, select, ignore, max_issues, parameters)
    run = Run(plan)
    found = list(_found(run, _reader(source)))
    # CSV tables, read a record at a time or whole: their problems by file and line.
    tables = run.tables
    issues = in_order(found, by_place=isinstance(tables, _Tables) and tables.directory is not None)
    return plan.report(issues, run.gathered.count, max_issues)
