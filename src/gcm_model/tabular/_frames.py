"""The tables as typed DataFrames (pandas, pyarrow, polars), and a dataset built back from pandas.

The tables and columns are those of the CSV files (``gcm_model.tabular``);
each column's type comes from its field's kind (``Kind.frame``), mapped
here once for each library:

============ ======================== ============================ ======================
``frame``    pandas                   pyarrow                      polars
============ ======================== ============================ ======================
``text``     ``string``               ``string``                   ``String``
``code``     ``category``             ``dictionary<int32,string>`` ``Categorical``
``int``      ``Int64``                ``int64``                    ``Int64``
``bool``     ``boolean``              ``bool``                     ``Boolean``
``moment``   ``datetime64[us, UTC]``  ``timestamp[us, UTC]``       ``Datetime(us, UTC)``
``date``     ``object`` (dates)       ``date32``                   ``Date``
``json``     ``string``               ``string``                   ``String``
============ ======================== ============================ ======================

A ``moment`` (a field that holds a date or a datetime with its offset) is two
columns: ``start``, the instant in UTC, and ``start/offset``, the minutes
east of UTC the source wrote it with; a date has no offset and is its day at
00:00 UTC. So nothing is lost: the date, the instant and its offset all come
back.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Any

import attrs
import orjson

from gcm_model.dates import read_moment
from gcm_model.errors import InvalidCodeError
from gcm_model.models._kind import TEXT_CELL, Cell
from gcm_model.tabular._layout import KEY_CELL, LAYOUT, TABLES, Table
from gcm_model.tabular._read import _assemble, _decode, _Reader
from gcm_model.tabular._write import to_rows

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    import pandas as pd
    import polars as pl
    import pyarrow as pa

    from gcm_model.converters import DocumentProblem
    from gcm_model.models.dataset import Dataset
    from gcm_model.tabular._read import _TableDocument

__all__ = ["from_arrow", "from_pandas", "from_polars", "to_arrow", "to_pandas", "to_polars"]

OFFSET = "offset"
"""The suffix of the column with a moment's offset from UTC, in minutes (``start/offset``)."""


@attrs.frozen
class _FrameColumn:
    """A column of a DataFrame: its name, type, categories and the cell it comes from.

    Attributes:
        name: the column's name.
        frame: its type (``Kind.frame``), or ``offset`` for a moment's offset.
        categories: the values of a ``code`` column.
        cell: how its value is written in a CSV cell (for reading back).
        source: the CSV column it comes from.
    """

    name: str
    frame: str
    categories: tuple[Any, ...]
    cell: Cell
    source: str


def _frame_columns(table: Table, extra: list[str]) -> list[_FrameColumn]:
    """The columns of a table's DataFrame, each typed by its field's kind."""
    found = []
    for index, key in enumerate(table.keys):
        is_id = index == 0 and table.root != "dataset" and key != "position"
        found.append(_FrameColumn(key, "text" if is_id else "int", (), KEY_CELL, key))
    for column in table.columns:
        kind = column.kind
        frame = kind.frame if kind is not None else "code"
        categories = kind.categories() if kind is not None else column.tags
        found.append(_FrameColumn(column.name, frame, categories, column.cell, column.name))
        if frame == "moment":
            found.append(_FrameColumn(f"{column.name}/{OFFSET}", OFFSET, (), column.cell, ""))
    cells = table.cells()
    found += [_FrameColumn(name, "json", (), cells.get(name, TEXT_CELL), name) for name in extra]
    return found


# -- from wire values to typed values ------------------------------------------------------


def _moment_parts(value: Any) -> tuple[dt.datetime | None, int | None]:
    """The instant in UTC and the offset in minutes of a moment's ISO text (a date: no offset)."""
    moment = read_moment(value)
    if isinstance(moment, dt.datetime):
        offset = moment.utcoffset() or dt.timedelta()
        return moment.astimezone(dt.UTC), int(offset.total_seconds() // 60)
    return dt.datetime.combine(moment, dt.time(), dt.UTC), None


def _typed(frame: str, value: Any) -> Any:
    """The typed value of a wire value in a column of a type (``None`` stays ``None``)."""
    if value is None:
        return None
    if frame == "json":
        return value if isinstance(value, str) else orjson.dumps(value).decode()
    if frame == "date":
        return dt.date.fromisoformat(value)
    return value


def _columns_of(dataset: Dataset) -> dict[str, list[tuple[_FrameColumn, list[Any]]]]:
    """Every table's typed columns with their values, in order."""
    out = {}
    for name, rows in to_rows(dataset).items():
        extra = list(dict.fromkeys(k for row in rows for k in row if k not in TABLES[name]))
        columns: list[tuple[_FrameColumn, list[Any]]] = []
        specs = iter(_frame_columns(LAYOUT[name], extra))
        for column in specs:
            if column.frame == "moment":  # two columns: the instant, then its offset
                texts = [r.get(column.source) for r in rows]
                parts = [_moment_parts(t) if t is not None else (None, None) for t in texts]
                columns.append((column, [p[0] for p in parts]))
                columns.append((next(specs), [p[1] for p in parts]))
            else:
                columns.append((column, [_typed(column.frame, r.get(column.source)) for r in rows]))
        out[name] = columns
    return out


def _categories(column: _FrameColumn, values: list[Any]) -> list[Any]:
    """A code column's categories: the kind's, then any other value present."""
    return list(dict.fromkeys([*column.categories, *(v for v in values if v is not None)]))


# -- the libraries ---------------------------------------------------------------------------


def _import(module: str, extra: str, function: str) -> Any:
    """An optional library, or the error saying which extra installs it.

    Raises:
        InvalidCodeError: it is not installed.
    """
    try:
        return __import__(module)
    except ImportError:
        message = f"{function} needs {module}: pip install 'gcm-model[{extra}]'"
        raise InvalidCodeError("extra", extra, message) from None


def to_pandas(dataset: Dataset) -> dict[str, pd.DataFrame]:
    """Every table as a pandas DataFrame with typed columns (needs the ``tabular`` extra).

    Lists are tables of their own, keyed by their owner's id and position,
    never lists in cells; see the module's table of the column types.

    Raises:
        InvalidCodeError: pandas is not installed.
    """
    pandas = _import("pandas", "tabular", "to_pandas")
    dtypes: dict[str, Callable[..., Any]] = {
        "text": lambda *_: "string",
        "json": lambda *_: "string",
        "code": lambda c, v: pandas.CategoricalDtype(_categories(c, v)),
        "int": lambda *_: "Int64",
        OFFSET: lambda *_: "Int64",
        "bool": lambda *_: "boolean",
        "moment": lambda *_: pandas.DatetimeTZDtype("us", "UTC"),
        "date": lambda *_: object,
    }
    return {
        name: pandas.DataFrame(
            {
                c.name: pandas.Series(values, dtype=dtypes[c.frame](c, values), name=c.name)
                for c, values in columns
            },
            columns=[c.name for c, _ in columns],
        )
        for name, columns in _columns_of(dataset).items()
    }


def to_arrow(dataset: Dataset) -> dict[str, pa.Table]:
    """Every table as a pyarrow Table with typed columns (needs the ``arrow`` extra).

    Raises:
        InvalidCodeError: pyarrow is not installed.
    """
    arrow = _import("pyarrow", "arrow", "to_arrow")
    types: dict[str, Any] = {
        "text": arrow.string(),
        "json": arrow.string(),
        "code": arrow.string(),  # then dictionary-encoded
        "int": arrow.int64(),
        OFFSET: arrow.int64(),
        "bool": arrow.bool_(),
        "moment": arrow.timestamp("us", tz="UTC"),
        "date": arrow.date32(),
    }
    out = {}
    for name, columns in _columns_of(dataset).items():
        arrays = []
        for column, values in columns:
            array = arrow.array(values, type=types[column.frame])
            arrays.append(array.dictionary_encode() if column.frame == "code" else array)
        out[name] = arrow.Table.from_arrays(arrays, names=[c.name for c, _ in columns])
    return out


def to_polars(dataset: Dataset) -> dict[str, pl.DataFrame]:
    """Every table as a polars DataFrame with typed columns (needs the ``polars`` extra).

    Raises:
        InvalidCodeError: polars is not installed.
    """
    polars = _import("polars", "polars", "to_polars")
    types: dict[str, Any] = {
        "text": polars.String,
        "json": polars.String,
        "code": polars.Categorical,
        "int": polars.Int64,
        OFFSET: polars.Int64,
        "bool": polars.Boolean,
        "moment": polars.Datetime("us", "UTC"),
        "date": polars.Date,
    }
    return {
        name: polars.DataFrame(
            [polars.Series(c.name, values, dtype=types[c.frame]) for c, values in columns]
        )
        for name, columns in _columns_of(dataset).items()
    }


# -- back from pandas ------------------------------------------------------------------------


def _missing(value: Any) -> bool:
    """Whether a DataFrame cell holds no value (``None``, ``NA``, ``NaN``, ``NaT``)."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, NaT and NA are not themselves  # noqa: PLR0124
    except (TypeError, ValueError):  # NA's comparison is NA, which has no truth value
        return True


def _integer(value: Any) -> int | None:
    """An integer of a DataFrame cell (numpy's too, and a whole float), else ``None``."""
    if type(value).__name__ in ("bool", "bool_") or not hasattr(value, "__index__"):
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            return int(value)
        return None
    return int(value)


def _text(cell: Cell, value: Any) -> str | None:
    return cell.write(value) if isinstance(value, str) else None


def _int(cell: Cell, value: Any) -> str | None:
    del cell
    number = _integer(value)
    return None if number is None else str(number)


_BACK: dict[str, Callable[[Cell, Any], str | None]] = {
    "text": _text,
    "json": lambda _, v: v if isinstance(v, str) else None,
    "code": lambda c, v: _text(c, v) if isinstance(v, str) else _int(c, v),
    "int": _int,
    "bool": lambda _, v: (
        ("true" if v else "false") if type(v).__name__ in ("bool", "bool_") else None
    ),
    "date": lambda _, v: v.isoformat() if type(v) is dt.date else None,
}
"""The text cell of a typed value of each column type, ``None`` if it is of another type."""

_EXPECTED = {"text": "text", "json": "JSON text", "code": "a code", "int": "an integer"}
_EXPECTED |= {"bool": "true or false", "date": "a date"}


class _Back:
    """Typed DataFrame cells written back as the text cells CSV would hold, problems kept."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader

    def wrong(self, table: str, row: int, column: str, expected: str, value: Any) -> str:
        """Report a cell of the wrong type at its table, row and column; it is then left empty."""
        message = f"expected {expected}, got {type(value).__name__} {value!r}"
        self.reader.problem(
            table, row, column, rule="wrong-type", message=message, value=str(value)
        )
        return ""

    def cell(self, where: tuple[str, int], column: _FrameColumn, value: Any) -> str:
        """The text cell of a typed value."""
        if _missing(value):
            return ""
        text = _BACK[column.frame](column.cell, value)
        if text is None:
            table, row = where
            return self.wrong(table, row, column.name, _EXPECTED[column.frame], value)
        return text

    def moment(  # noqa: PLR0911 - a return for each way an instant and offset can be given
        self, where: tuple[str, int], column: _FrameColumn, parts: tuple[Any, Any]
    ) -> str:
        """The ISO text of an instant and its offset (a date where it has none)."""
        table, row = where
        instant, offset = parts
        if _missing(instant):
            if not _missing(offset):
                message = "an offset without its instant"
                return self.wrong(table, row, f"{column.name}/{OFFSET}", message, offset)
            return ""
        if not isinstance(instant, dt.datetime) or instant.utcoffset() is None:
            return self.wrong(table, row, column.name, "a datetime with a time zone", instant)
        moment = instant.to_pydatetime() if hasattr(instant, "to_pydatetime") else instant
        if _missing(offset):
            utc = moment.astimezone(dt.UTC)
            if utc.time() != dt.time():
                message = "a date (00:00 UTC) where the offset is empty"
                return self.wrong(table, row, column.name, message, instant)
            return utc.date().isoformat()
        minutes = _integer(offset)
        if minutes is None or not -24 * 60 < minutes < 24 * 60:
            return self.wrong(table, row, f"{column.name}/{OFFSET}", "minutes east of UTC", offset)
        zone = dt.timezone(dt.timedelta(minutes=minutes))
        return str(moment.astimezone(zone).isoformat())


def _as_pandas(frame: Any, pandas: Any) -> Any:
    """A pandas DataFrame of a table: itself, or a pyarrow Table's or polars DataFrame's.

    ``None`` when it is none of those.

    Raises:
        InvalidCodeError: the library the conversion needs is not installed.
    """
    if isinstance(frame, pandas.DataFrame):
        return frame
    convert = getattr(frame, "to_pandas", None)
    if convert is None or type(frame).__module__.partition(".")[0] not in ("pyarrow", "polars"):
        return None
    try:
        return convert()
    except ImportError:  # polars hands its tables to pandas through pyarrow
        message = "a polars DataFrame is read through pyarrow: pip install 'gcm-model[arrow]'"
        raise InvalidCodeError("extra", "arrow", message) from None


def _frames_document(frames: Mapping[str, Any]) -> _TableDocument:
    """DataFrames put together as a dataset document, every problem kept and located.

    The problems are at the table's name (its ``file``), the row's position
    in its DataFrame (its ``line``, from 0) and the column.

    Raises:
        InvalidCodeError: pandas (or the library a conversion needs) is not installed.
    """
    pandas = _import("pandas", "tabular", "reading DataFrames")
    reader = _Reader(suffix="", header_line=None)
    back = _Back(reader)
    tables: dict[str, list[dict[str, str]]] = {}
    headers: dict[str, list[str]] = {}
    lines: dict[str, list[int]] = {}
    for name, given in frames.items():
        frame = _as_pandas(given, pandas)
        if frame is None:
            message = f"expected a DataFrame, got {type(given).__name__}"
            reader.problem(name, None, "", rule="wrong-type", message=message, value="")
            continue
        known = _frame_columns(LAYOUT[name], []) if name in LAYOUT else []
        by_name = {c.name: c for c in known}
        names = [str(c) for c in frame.columns]
        headers[name] = [c for c in names if not c.endswith(f"/{OFFSET}") or c not in by_name]
        records = frame.to_dict("records")
        rows = []
        for position, record in enumerate(records):
            row: dict[str, str] = {}
            for column in names:
                value = record[column]
                spec = by_name.get(column)
                if spec is None:
                    row[column] = "" if _missing(value) else str(value)
                elif spec.frame == "moment":
                    offset = record.get(f"{column}/{OFFSET}")
                    row[column] = back.moment((name, position), spec, (value, offset))
                elif spec.frame != OFFSET:
                    row[column] = back.cell((name, position), spec, value)
            rows.append(row)
        tables[name], lines[name] = rows, list(range(len(rows)))
    found = _assemble(tables, lines=lines, headers=headers, reader=reader)
    row_at = {place: pointer for pointer, place in found.places.items()}
    problems = (_pointed(problem, row_at) for problem in found.problems)
    # The headers' problems first, as reading files gives them; then the cells', in order.
    ordered = sorted(problems, key=lambda problem: problem.line is not None)
    return attrs.evolve(found, problems=tuple(ordered))


def _pointed(problem: DocumentProblem, row_at: dict[tuple[str, int], str]) -> DocumentProblem:
    """A typed cell's problem with the JSON Pointer of its value, once its row is placed.

    The cells are typed before the rows are put together, so their problems
    learn where the value goes only now: ``/meetings/0/venue/city`` for the
    ``venue/city`` cell of the first meeting's row. A cell of no field (an
    owner's key) points at its row.
    """
    if problem.pointer or problem.line is None or problem.file is None:
        return problem
    row = row_at.get((problem.file, problem.line))
    if row is None:
        return problem
    column = str(problem.column or "").removesuffix(f"/{OFFSET}")
    paths = {c.name: "/".join(c.path) for c in LAYOUT[problem.file].columns}
    path = paths.get(column, "")
    return attrs.evolve(problem, pointer=f"{row}/{path}" if path else row)


def from_pandas(frames: Mapping[str, pd.DataFrame]) -> Dataset:
    """Build a dataset from DataFrames (as ``to_pandas`` makes them, or edited).

    Every problem is gathered and located by table, row (its position in its
    DataFrame, from 0) and column, as ``read_csv`` locates them in files: a
    cell of the wrong type, an unknown column (with the nearest known one),
    a row naming no owner, and whatever the loader finds in the records.
    ``gcm_model.validate(frames)`` reports the same problems as issues, with
    those of every rule, located the same way.

    Args:
        frames: a DataFrame by table name; missing tables count as empty.

    Raises:
        DocumentError: with every problem, each naming table, row and column.
    """
    return _decode(_frames_document(frames))


def from_arrow(tables: Mapping[str, pa.Table]) -> Dataset:
    """Build a dataset from pyarrow Tables (as ``to_arrow`` makes them, or edited).

    Each table is read as its pandas DataFrame, so the problems are those of
    ``from_pandas``, located by table, row and column.

    Args:
        tables: a Table by table name; missing tables count as empty.

    Raises:
        DocumentError: with every problem, each naming table, row and column.
    """
    return _decode(_frames_document(tables))


def from_polars(frames: Mapping[str, pl.DataFrame]) -> Dataset:
    """Build a dataset from polars DataFrames (as ``to_polars`` makes them, or edited).

    Each DataFrame is read as its pandas DataFrame (through pyarrow, the
    ``arrow`` extra), so the problems are those of ``from_pandas``, located
    by table, row and column.

    Args:
        frames: a DataFrame by table name; missing tables count as empty.

    Raises:
        DocumentError: with every problem, each naming table, row and column.
    """
    return _decode(_frames_document(frames))
