"""Reading tables back into a dataset: every problem located at its file, line and column.

The tables are put together as a dataset document (the wire format's
values), which the loader then decodes; its problems are mapped back to the
row and column they came from. Reading never stops at the first problem: an
unknown column is one problem at the header, naming the nearest known
column, and the rows are still read without it; a bad cell or key of a row
in a child table is reported there, and its owner record is still read.

Files written by earlier versions held lists and nested objects as JSON text
in a cell named after the field (``commissions``, ``venue``): such a column
is read still, as the field's value.
"""

from __future__ import annotations

import csv
import io
import os
from array import array
from collections import ChainMap
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from gcm_model._faults import _suggest
from gcm_model.converters import DocumentProblem, structure
from gcm_model.errors import DocumentError
from gcm_model.models._kind import CellError
from gcm_model.models.dataset import COLLECTIONS
from gcm_model.tabular._layout import KEY_CELL, LAYOUT, POSITION, TABLES, VALUE, Table

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Iterator

    from gcm_model.models._kind import Cell
    from gcm_model.models.dataset import Dataset

_HEADER_LINE = 1  # the header is the first line of a file; rows are numbered from there

Tables = dict[str, list[dict[str, str]]]


class _Reader:
    """Turns string cells back into the wire format's values, collecting problems.

    Args:
        suffix: what follows a table's name to name its file (``.csv``; none
            for DataFrames).
        header_line: the line problems of a header are at (none for DataFrames).
    """

    def __init__(self, suffix: str = ".csv", header_line: int | None = _HEADER_LINE) -> None:
        self.suffix, self.header_line = suffix, header_line
        self.files: dict[str, str] = {}  # one name of each file, for the place of every row
        self.problems: list[DocumentProblem] = []
        self.places: dict[str, tuple[str, int]] = {}  # JSON Pointer prefix -> (file, line)
        # (file, line, column) of each cell reported here: the decoder's problem with the
        # same place (a required cell left out, say) would repeat it.
        self.reported: set[tuple[str, int | None, str]] = set()
        # The collections with a row whose id cannot be read: a row of their lists (or
        # lists' lists) naming no record may be one of those rows', so it is not reported.
        self.keyless: set[str] = set()

    def file(self, table: str) -> str:
        """The name of a table's file (one string for all its rows' places)."""
        found = self.files.get(table)
        if found is None:
            found = self.files[table] = f"{table}{self.suffix}"
        return found

    def problem(  # noqa: PLR0913 - where (three) and what (three), and the JSON Pointer
        self,
        table: str,
        line: int | None,
        column: str,
        *,
        rule: str,
        message: str,
        value: str,
        at: str = "",
    ) -> None:
        file = self.file(table)
        self.reported.add((file, line, column))
        self.problems.append(
            DocumentProblem(rule, at, message, value, line=line, column=column, file=file)
        )

    def value(  # noqa: PLR0913 - where (three), the cell and text, and the JSON Pointer
        self, table: str, line: int, column: str, cell: Cell, text: object, *, at: str = ""
    ) -> Any:
        """The JSON value of a cell as its column's kind reads it (``None`` if empty or bad).

        A cell that is ``None`` is empty, as ``csv.DictReader`` gives the cells
        a short row lacks; one of another type than ``str`` (tables built in
        memory) is handed on as it is, for the decoder to judge as JSON's.
        """
        if text == "" or text is None:
            return None
        if not isinstance(text, str):
            return text
        try:
            return cell.read(text)
        except CellError as exc:
            self.problem(table, line, column, rule=exc.rule, message=exc.message, value=text, at=at)
        return None

    def record(self, table: Table, line: int, row: dict[str, str], *, at: str | None) -> Any:
        """The row's known cells as the wire format's value (``at``: the row's JSON Pointer).

        A list of values' row gives its item; any other row an object, its
        nested objects' columns (``venue/city``) put inside. Unknown columns
        are left out: ``header`` reports them once, at the header.
        """
        here = at if at is not None else ""
        if not table.classes:
            cell = table.columns[0].cell
            return self.value(table.name, line, VALUE, cell, row.get(VALUE, ""), at=here)
        node: dict[str, Any] = {}
        for name, kind in table.legacy.items():  # JSON text, as earlier versions wrote it
            if name in TABLES[table.name]:
                continue  # a nested object's own column, read below
            text = row.get(name, "")
            value = self.value(table.name, line, name, kind.cell, text, at=f"{here}/{name}")
            if value is not None:
                node[name] = value
        for column in table.columns:
            text = row.get(column.name, "")
            where = f"{here}/{'/'.join(column.path)}"
            value = self.value(table.name, line, column.name, column.cell, text, at=where)
            if value is not None:
                self._put(table, line, (node, column), value, where)
        return node

    def _put(
        self,
        table: Table,
        line: int,
        into: tuple[dict[str, Any], Any],
        value: Any,
        at: str,
    ) -> None:
        """Put a cell's value at its column's path in the row's object."""
        node, column = into
        *parents, last = column.path
        for token in parents:
            node = node.setdefault(token, {})
            if not isinstance(node, dict):
                message = f"{token!r} is given as {node!r}, which has no {last!r}"
                self.problem(
                    table.name, line, column.name, rule="wrong-type", message=message, value=""
                )
                return
        if last in node and not (column.nested and node[last] == {}):
            where = "JSON text" if not parents else "an object"
            message = f"{column.path[0]!r} is given as {where} in another column too"
            self.problem(
                table.name,
                line,
                column.name,
                rule="invalid-value",
                message=message,
                value="",
                at=at,
            )
            return
        node[last] = value

    def header(self, table: str, columns: Iterable[object]) -> None:
        """Report each unknown or repeated column once, at the header, naming the nearest."""
        known = TABLES[table]
        legacy = LAYOUT[table].legacy if table in LAYOUT else {}
        seen: set[str] = set()
        for column in columns:
            if column is None:  # csv.DictReader's key for the cells past the header
                continue
            name = str(column)
            if name in seen:
                message = f"the column {name!r} appears more than once (the last is read)"
                self.problem(
                    table, self.header_line, name, rule="invalid-value", message=message, value=name
                )
            elif name not in known and name not in legacy:
                message = f"unknown column {name!r}{_suggest(name, iter(known))}"
                self.problem(
                    table, self.header_line, name, rule="unknown-field", message=message, value=name
                )
            seen.add(name)

    def key(self, table: Table, line: int, row: dict[str, str], column: str) -> str | int | None:
        """A key cell: a position (0, 1, ...), or the id of the record that owns the row."""
        text = row.get(column) or ""
        if column != table.keys[0] or table.root == "dataset":
            if text.isascii() and text.isdigit():  # int() refuses "²", which isdigit takes
                return int(text)
            message = f"expected a position (0, 1, ...), got {text!r}"
            self.problem(table.name, line, column, rule="wrong-type", message=message, value=text)
            return None
        if not text:
            self.problem(
                table.name,
                line,
                column,
                rule="missing-field",
                message=f"the {column} column is empty",
                value=text,
            )
            return None
        return KEY_CELL.read(text)  # type: ignore[no-any-return] # a text cell gives text


@attrs.frozen
class _Packed:
    """The places of a record's rows in its lists' tables, packed once the record is read.

    A reading a record at a time keeps them for the issues of the rules that
    compare records, found once every record is read: one text of the JSON
    Pointers below the record's and an array of lines, where a dict would hold
    a string, a tuple and an int for each row.

    Attributes:
        pointers: the JSON Pointers below the record's, each ended by a NUL.
        files: the file of each row.
        lines: the line of each row.
    """

    pointers: str
    files: tuple[str, ...]
    lines: array[int]

    @classmethod
    def of(cls, record: str, places: Iterable[tuple[str, tuple[str, int]]]) -> _Packed:
        """The places of a record's rows (their pointers under ``record``'s)."""
        found = list(places)
        start = len(record)
        return cls(
            "".join(f"{pointer[start:]}\0" for pointer, _ in found),
            tuple(file for _, (file, _) in found),
            array("l", (line for _, (_, line) in found)),
        )

    def unpack(self, record: str) -> dict[str, tuple[str, int]]:
        """The places again, by JSON Pointer."""
        pointers = self.pointers.split("\0")[:-1]
        return {
            f"{record}{pointer}": (file, line)
            for pointer, file, line in zip(pointers, self.files, self.lines, strict=True)
        }


@attrs.frozen(eq=False)
class _TableDocument:
    """Tables put together as a dataset document, before it is decoded.

    Attributes:
        document: the dataset document (the wire format's values), or ``None``
            when it cannot be decoded (no single dataset row, unreadable files).
        problems: the problems of the files, headers, cells and links.
        places: the file and starting line of each record and child, by JSON Pointer.
        reported: the file, line and column of each problem of a cell (a reading
            a record at a time adds to it as it goes).
        headers: the columns of each file, by file name.
        settled: the places of the rows of the records read already, packed,
            by the record's JSON Pointer (a reading a record at a time packs
            them as it goes; ``places`` keeps the record's own).
    """

    document: dict[str, Any] | None
    problems: tuple[DocumentProblem, ...]
    places: dict[str, tuple[str, int]] = attrs.field(factory=dict)
    reported: AbstractSet[tuple[str, int | None, str]] = frozenset()
    headers: dict[str, list[str]] = attrs.field(factory=dict)
    settled: dict[str, _Packed] = attrs.field(factory=dict)

    def _places(self, pointer: str) -> Mapping[str, tuple[str, int]]:
        """The places, with those of the record a pointer is in unpacked."""
        if not self.settled:
            return self.places
        record = "/".join(pointer.split("/", 3)[:3])
        packed = self.settled.get(record)
        return self.places if packed is None else ChainMap(packed.unpack(record), self.places)

    def locate(self, problem: DocumentProblem) -> DocumentProblem | None:
        """A problem the decoder found, at its file, line and column.

        ``None`` when it repeats a cell's problem (a required cell that could not be
        read is then also missing).
        """
        found = _place(problem.pointer, self._places(problem.pointer), self.headers)
        if found is None:
            return problem
        file, line, column = found
        if (file, line, column) in self.reported:
            return None
        message = problem.message
        stem, dot, suffix = file.partition(".")
        table = LAYOUT.get(stem)
        lists = {"/".join(c.path): c.name for c in table.children} if table is not None else {}
        if column in lists and column not in self.headers.get(file, ()):
            # A list with no rows: the file to give it in, not a column the row has.
            message = f"{message} (give it as rows of {lists[column]}{dot}{suffix})"
        return attrs.evolve(problem, file=file, line=line, column=column, message=message)

    def place(self, pointer: str) -> tuple[str | None, int | None]:
        """The file and starting line of the row that holds a JSON Pointer's value."""
        found = _place(pointer, self._places(pointer), self.headers)
        return (found[0], found[1]) if found is not None else (None, None)


def from_tables(tables: Tables, *, lines: dict[str, list[int]] | None = None) -> Dataset:
    """Build a dataset from tables of strings (as ``to_tables`` makes or CSV holds).

    Every problem is gathered: an unknown column once, at the header (line 1),
    naming the nearest known column; each row is still read without it, and
    its other problems reported at the line where the row starts.

    Args:
        tables: rows by table name; missing tables count as empty.
        lines: the file line where each row starts, by table, for problem
            locations (by default, a header line and then one line a row).

    Raises:
        DocumentError: with every problem, each naming file, line and column.
    """
    return _decode(_assemble(tables, lines=lines))


def _decode(found: _TableDocument, source: str | None = None) -> Dataset:
    """The dataset of assembled tables, or every problem of theirs and of its records."""
    problems = list(found.problems)
    dataset = None
    if found.document is not None:
        try:
            dataset = structure(found.document)
        except DocumentError as exc:
            located = (found.locate(p) for p in exc.problems)
            problems.extend(p for p in located if p is not None)
    if problems or dataset is None:
        raise DocumentError(tuple(problems), source=source)
    return dataset


def _assemble(
    tables: Tables,
    *,
    lines: dict[str, list[int]] | None = None,
    headers: dict[str, list[str]] | None = None,
    reader: _Reader | None = None,
) -> _TableDocument:
    """Put tables together as a dataset document, with the problems found doing so.

    ``headers`` are the columns of each file as written (by default, the
    columns of the rows, in the order first met).
    """
    reader = reader or _Reader()
    found_headers = _headers(reader, tables, headers)

    def line_of(table: str, index: int) -> int:
        return lines[table][index] if lines and table in lines else index + _HEADER_LINE + 1

    document: dict[str, Any] = {}
    head_rows = tables.get("dataset", [])
    index: dict[str, dict[tuple[Any, ...], tuple[Any, str]]] = {name: {} for name in LAYOUT}
    if len(head_rows) != 1:
        reader.problems.append(
            DocumentProblem(
                "schema-version",
                "",
                f"dataset{reader.suffix} needs exactly one row, it has {len(head_rows)}",
                file=f"dataset{reader.suffix}",
            )
        )
    else:
        line = line_of("dataset", 0)
        document.update(reader.record(LAYOUT["dataset"], line, head_rows[0], at=""))
        reader.places[""] = (f"dataset{reader.suffix}", line)
        index["dataset"][()] = (document, "")
    for collection in COLLECTIONS:
        rows = tables.get(collection, [])
        lines_of = [line_of(collection, position) for position in range(len(rows))]
        records = _records(reader, collection, rows, lines_of, index[collection])
        if records:
            document[collection] = records
        if collection in reader.keyless:
            _adopt(tables, records, collection, index[collection])
    made: set[int] = set()  # the lists made of rows (any other was given as JSON text)
    for table in LAYOUT.values():
        if table.owner is not None:
            for position, row in enumerate(tables.get(table.name, [])):
                where = (table, line_of(table.name, position))
                _attach(reader, where, row, index, made)
    return _TableDocument(
        document if len(head_rows) == 1 else None,  # without its version it cannot be read
        tuple(reader.problems),
        reader.places,
        frozenset(reader.reported),
        found_headers,
    )


def _headers(
    reader: _Reader, tables: Tables, headers: dict[str, list[str]] | None
) -> dict[str, list[str]]:
    """Report unknown tables, and unknown or repeated columns; the columns of each file."""
    for name in sorted(set(tables) - set(TABLES)):
        message = f"unknown table {name!r}{_suggest(name, iter(TABLES))}"
        reader.problems.append(
            DocumentProblem("unknown-field", "", message, file=f"{name}{reader.suffix}")
        )
    found: dict[str, list[str]] = {}
    for table in TABLES:
        if headers is not None and table in headers:
            columns = headers[table]
        else:
            columns = list(dict.fromkeys(k for row in tables.get(table, []) for k in row))
        reader.header(table, columns)
        found[f"{table}{reader.suffix}"] = [str(c) for c in columns]
    return found


def _records(
    reader: _Reader,
    collection: str,
    rows: list[dict[str, str]],
    lines: list[int],
    index: dict[tuple[Any, ...], tuple[Any, str]],
) -> list[dict[str, Any]]:
    """The records of a collection's rows, each indexed by its id (the first row with it)."""
    return [
        _record(reader, (collection, position, line), row, index)
        for position, (row, line) in enumerate(zip(rows, lines, strict=True))
    ]


def _record(
    reader: _Reader,
    where: tuple[str, int, int],
    row: dict[str, str],
    index: dict[tuple[Any, ...], tuple[Any, str]],
) -> dict[str, Any]:
    """The record of a collection's row (its collection, position and line), indexed by its id."""
    collection, position, line = where
    at = f"/{collection}/{position}"
    record: dict[str, Any] = reader.record(LAYOUT[collection], line, row, at=at)
    reader.places[at] = (reader.file(collection), line)
    if isinstance(record.get("id"), str):
        index.setdefault((record["id"],), (record, at))
    else:
        reader.keyless.add(collection)
    return record


def _first_key(table: Table, row: dict[str, str]) -> Any:
    """The id of the record a row of a list's table names (as ``_Reader.key`` reads it)."""
    text = row.get(table.keys[0]) or ""
    return KEY_CELL.read(text) if text else None


def _adopted_id(keyless: int, unknown: Collection[Any]) -> Any:
    """The id whose rows are the record's without one, if that can be known; else ``None``.

    ``keyless``: how many records of a collection have no id that can be read;
    ``unknown``: the ids that rows of its lists name and none of its records
    has. One of each: those rows are that record's (its id cell emptied or
    spoilt, say). Its id is still reported missing or wrong; its lists are read.
    """
    if keyless == 1 and len(unknown) == 1:
        return next(iter(unknown))
    return None


def _adopt(
    tables: Tables,
    records: list[dict[str, Any]],
    collection: str,
    index: dict[tuple[Any, ...], tuple[Any, str]],
) -> None:
    """Index a collection's one record without an id under the one id its lists' rows name alone."""
    keyless = [p for p, record in enumerate(records) if not isinstance(record.get("id"), str)]
    unknown = {
        key
        for table in LAYOUT.values()
        if table.root == collection and table.owner is not None
        for row in tables.get(table.name, [])
        if (key := _first_key(table, row)) is not None and (key,) not in index
    }
    found = _adopted_id(len(keyless), unknown)
    if found is not None:
        index[(found,)] = (records[keyless[0]], f"/{collection}/{keyless[0]}")


def _attach(
    reader: _Reader,
    where: tuple[Table, int],
    row: dict[str, str],
    index: dict[str, dict[tuple[Any, ...], tuple[Any, str]]],
    made: set[int],
) -> None:
    """Append a row of a child table to its owner's list, in position order."""
    table, line = where
    keys = [reader.key(table, line, row, column) for column in table.keys]
    owner_table = LAYOUT[str(table.owner)]
    found = index[owner_table.name].get(tuple(keys[:-1])) if None not in keys else None
    target = _list_of(reader, where, found, made) if found is not None else None
    position = keys[-1]
    at = None  # the JSON Pointer of the row's cells, when it has its place in its owner
    if target is not None and position == len(target[0]):
        at = f"{target[1]}/{position}"
    node = reader.record(table, line, row, at=at)
    if None in keys:
        return
    if found is None:
        if table.root in reader.keyless and (keys[0],) not in index[table.root]:
            return  # its record may be the one whose id is reported missing or wrong
        column = table.keys[-2] if len(table.keys) > 1 else POSITION
        owner = dict(zip(table.keys[:-1], keys[:-1], strict=True))
        named = ", ".join(f"{k} {v!r}" for k, v in owner.items())
        message = f"no row of {owner_table.name} has {named}"
        if owner_table.owner is None:
            message = f"no {owner_table.ref} has id {keys[0]!r}"
        reader.problem(
            table.name, line, column, rule="invalid-value", message=message, value=row[column]
        )
        return
    if target is None:
        return
    siblings, prefix = target
    if position != len(siblings):
        message = f"expected position {len(siblings)} (rows in order, from 0)"
        reader.problem(
            table.name,
            line,
            POSITION,
            rule="invalid-value",
            message=message,
            value=row[POSITION],
        )
        return
    siblings.append(node)
    index[table.name][tuple(keys)] = (node, str(at))
    reader.places.setdefault(f"{prefix}/{position}", (reader.file(table.name), line))


def _list_of(
    reader: _Reader,
    where: tuple[Table, int],
    owner: tuple[Any, str],
    made: set[int],
) -> tuple[list[Any], str] | None:
    """The owner's list a child row goes in, made on its first row; ``None`` if it cannot be."""
    table, line = where
    node, at = owner
    *parents, last = table.path
    for token in parents:
        node = node.setdefault(token, {})
        if not isinstance(node, dict):
            return None  # the owner's cell gave something else; the loader reports it
    found = node.setdefault(last, [])
    if id(found) not in made:
        if found:
            message = f"{table.path[0]!r} is given as JSON text in the owner's row too"
            reader.problem(
                table.name, line, POSITION, rule="invalid-value", message=message, value=""
            )
            return None
        found = node[last] = []
        made.add(id(found))
    return found, f"{at}/{'/'.join(table.path)}"


def _place(
    pointer: str, places: Mapping[str, tuple[str, int]], headers: dict[str, list[str]]
) -> tuple[str, int, str | None] | None:
    """The file, line and column of a JSON Pointer in the assembled document.

    The place is that of the longest pointer above it: its child row, else its
    record's row, else (for the dataset's own fields) the dataset row. The
    column is the longest one whose path leads to the value (``venue/city``,
    ``value`` for an item of a list of values), else the key under the row.
    """
    tokens = pointer.split("/")  # "" gives [""], "/a/b" gives ["", "a", "b"]
    for end in range(len(tokens), 0, -1):
        prefix = "/".join(tokens[:end])
        if prefix not in places or (end == 1 and len(tokens) > 1 and tokens[1] in COLLECTIONS):
            continue  # a record out of place is not the dataset row's
        file, line = places[prefix]
        rest = tuple(t.replace("~1", "/").replace("~0", "~") for t in tokens[end:])
        return file, line, _column(file, rest, headers)
    return None


def _column(file: str, rest: tuple[str, ...], headers: dict[str, list[str]]) -> str | None:
    """The column of a row's file that holds the value at ``rest`` within the row."""
    table = LAYOUT.get(file.partition(".")[0])
    paths = {tuple(name.split("/")): name for name in headers.get(file, [])}
    if table is not None:
        paths.update({column.path: column.name for column in table.columns})
    best = max(
        (path for path in paths if rest[: len(path)] == path),
        key=len,
        default=None,
    )
    if best is not None:
        return paths[best]
    return rest[0] if rest else None


_Table = tuple[list[str], list[dict[str, str]], list[int]]  # header, rows, their lines


class _CsvReader(Protocol):
    """What ``csv.reader`` gives: its rows, and the number of lines it has read."""

    @property
    def line_num(self) -> int:
        """The lines read so far."""
        ...

    def __iter__(self) -> _CsvReader: ...
    def __next__(self) -> list[str]: ...


def _read_file(path: Path, problems: list[DocumentProblem]) -> _Table | None:
    """One CSV file's header, rows and the line where each row starts; ``None`` if unreadable.

    Raises:
        OSError: the file cannot be read.
    """
    try:
        # utf-8-sig: a byte order mark (spreadsheets write one) is not part of the first column.
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(
            DocumentProblem("json-syntax", "", f"not UTF-8 text: {exc.reason}", file=path.name)
        )
        return None
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[dict[str, str]] = []
    starts: list[int] = []
    try:
        header = next(reader, [])
        for start, row in _rows(reader, header, path.name, problems):
            rows.append(row)
            starts.append(start)
    except csv.Error as exc:
        problems.append(_unreadable(path.name, exc, reader.line_num))
        return None
    return header, rows, starts


def _unreadable(file: str, exc: csv.Error, line: int) -> DocumentProblem:
    """The problem of a file that is not CSV."""
    return DocumentProblem("json-syntax", "", f"invalid CSV: {exc}", file=file, line=line)


def _rows(
    reader: _CsvReader, header: list[str], file: str, problems: list[DocumentProblem]
) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of a CSV file after its header, each with the line where it starts.

    ``reader`` is the file's ``csv.reader``, its header read; a row with more
    cells than the header has columns is a problem (its extra cells are not
    read). Blank lines are no rows.

    Raises:
        csv.Error: the file is not CSV.
    """
    while True:
        # Where the next row starts: a quoted cell may have spanned lines before it.
        start = reader.line_num + 1
        cells = next(reader, None)
        if cells is None:
            return
        if not cells:  # a blank line
            continue
        if len(cells) > len(header):
            message = (
                f"the row has {len(cells)} cells for {len(header)} columns "
                "(the cells past the last column are not read)"
            )
            problems.append(DocumentProblem("invalid-value", "", message, file=file, line=start))
        yield start, dict(zip(header, cells, strict=False))


def _read_document(directory: str | os.PathLike[str]) -> _TableDocument:
    """The CSV tables of a directory as a dataset document with every problem found.

    Bad data never raises: a file that is not UTF-8 or not CSV leaves the
    document out (as a JSON syntax error does); any other problem is reported
    and the rows are still read.

    Raises:
        OSError: the directory or a file cannot be read.
    """
    folder = Path(directory)
    if not folder.is_dir():
        raise NotADirectoryError(f"not a directory: {folder}")
    tables: Tables = {}
    lines: dict[str, list[int]] = {}
    headers: dict[str, list[str]] = {}
    problems: list[DocumentProblem] = []
    readable = True
    for path in sorted(folder.glob("*.csv")):
        found = _read_file(path, problems)
        if found is None:
            readable = False
            continue
        headers[path.stem], tables[path.stem], lines[path.stem] = found
    if not readable:
        return _TableDocument(None, tuple(problems))
    document = _assemble(tables, lines=lines, headers=headers)
    return attrs.evolve(document, problems=(*problems, *document.problems))


def read_csv(directory: str | os.PathLike[str]) -> Dataset:
    """Read the CSV files of a directory (as ``write_csv`` writes them) into a dataset.

    Every problem is gathered, each naming its file, the line where its row
    starts (the header is line 1) and its column: an unknown column once, at
    the header, naming the nearest known one, and the rows still read without
    it. Files of earlier versions, with lists and nested objects as JSON text
    in a cell, are read too.

    Raises:
        DocumentError: with every problem, each naming file, line and column.
        OSError: the directory cannot be read.
    """
    return _decode(_read_document(directory), source=os.fspath(directory))
