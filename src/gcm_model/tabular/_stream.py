"""Reading CSV tables a record at a time, for validation in bounded memory.

``write_csv`` writes the rows of a list's table in the order of their owner
records. Read in lockstep with its collection's table, each record's rows in
the tables of its lists (and of their lists: a meeting's segments and their
panellists) are then at the head of those files when the record's row is
read: the record is put together from them by the same steps as the whole
reading (``_read``'s ``_record`` and ``_attach``, on an index of this record
alone) and handed on before the next row is read.

A first pass over the files, which keeps only the ids of the records, says
whether they can be read so: every file UTF-8 and CSV, one dataset row at the
current schema version (older versions are upgraded on whole documents), and
the rows of every list's table in the order of the records they belong to
(rows naming no record may be anywhere). Tables that cannot be read so (a file
edited by hand, say) are read whole, as ``_read_document`` reads them: the
answer is the same either way, and only the memory differs.
"""

from __future__ import annotations

import contextlib
import csv
import itertools
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from gcm_model.models._kind import CellError
from gcm_model.models.dataset import COLLECTIONS, SCHEMA_VERSION
from gcm_model.tabular._layout import LAYOUT, TABLES, Table
from gcm_model.tabular._read import (
    _adopted_id,
    _attach,
    _first_key,
    _headers,
    _Packed,
    _Reader,
    _record,
    _rows,
    _TableDocument,
)

if TYPE_CHECKING:
    import os
    from collections.abc import Iterator

    from gcm_model.errors import DocumentProblem

__all__ = ["_TableStream", "_stream_document"]

_Index = dict[str, dict[tuple[Any, ...], tuple[Any, str]]]
_Row = tuple[int, dict[str, str]]  # the line where a row starts, and its cells by column
_Head = tuple[int, int, dict[str, str]]  # a row, after the position of its record (-1: none)


def _head(table: Table, rows: Iterator[_Row], order: dict[Any, int]) -> _Head | None:
    """The next row of a list's table, after the position of its record (-1: none)."""
    found = next(rows, None)
    if found is None:
        return None
    line, row = found
    return order.get(_first_key(table, row), -1), line, row


def _lists_of(root: str) -> list[Table]:
    """The tables of the lists under a dataset's or collection's table, owners first."""
    return [table for table in LAYOUT.values() if table.root == root and table.owner is not None]


def _record_id(table: Table, row: dict[str, str]) -> Any:
    """The id of a collection's row (as ``_Reader.record`` reads it); ``None`` if it has none."""
    column = table.by_name.get("id")
    text = row.get("id", "")
    if column is None or not text:
        return None
    try:
        found = column.cell.read(text)
    except CellError:
        return None
    return found if isinstance(found, str) else None


class _TableStream:
    """CSV tables read a record at a time (made by ``_stream_document``).

    Attributes:
        reader: the reader of the cells; its ``problems`` grow as the rows are
            read, for the caller to take (``take_problems``).
        found: where the records and rows are (its ``places`` and ``reported``
            grow as they are read); its ``document`` is the dataset's own
            fields, once ``start`` has read them.
    """

    def __init__(
        self,
        paths: dict[str, Path],
        headers: dict[str, list[str]],
        order: dict[str, dict[Any, int]],
        keyless: set[str],
    ) -> None:
        self.paths, self.order = paths, order
        self.reader = _Reader()
        self.reader.keyless = keyless  # known from the first pass, before any row is attached
        self.head: dict[str, Any] = {}  # the dataset's own fields, once ``start`` has read them
        found_headers = _headers(self.reader, {name: [] for name in paths}, headers)
        self.found = _TableDocument(
            self.head, (), self.reader.places, self.reader.reported, found_headers
        )

    def take_problems(self) -> list[DocumentProblem]:
        """The problems found since last asked."""
        found = self.reader.problems
        self.reader.problems = []
        return found

    def start(self) -> dict[str, Any]:
        """Read the tables that hold no records: the dataset's own fields, and unknown tables.

        Returns:
            The dataset document without its records.
        """
        for name in sorted(set(self.paths) - set(TABLES)):
            with self._open(name) as rows:
                for _ in rows:  # its rows are not read, but a row too long is reported
                    pass
        head = self.head
        index: _Index = {name: {} for name in LAYOUT}
        with self._open("dataset") as rows:
            for line, row in rows:  # the first pass found one row
                head.update(self.reader.record(LAYOUT["dataset"], line, row, at=""))
                self.reader.places[""] = (self.reader.file("dataset"), line)
                index["dataset"][()] = (head, "")
        made: set[int] = set()
        for table in _lists_of("dataset"):
            with self._open(table.name) as rows:
                for line, row in rows:
                    _attach(self.reader, (table, line), row, index, made)
        return head

    def records(self) -> Iterator[tuple[str, int, dict[str, Any]]]:
        """Each record as put together: its collection, its position there and its document.

        Raises:
            OSError: a file cannot be read, or changed since the first pass.
        """
        for collection in COLLECTIONS:
            yield from self._collection(collection)

    def _collection(self, collection: str) -> Iterator[tuple[str, int, dict[str, Any]]]:
        order = self.order.pop(collection, {})  # dropped once the collection is read
        tables = _lists_of(collection)
        with contextlib.ExitStack() as files:
            owners = files.enter_context(self._open(collection))
            lists = [(table, files.enter_context(self._open(table.name))) for table in tables]
            # The row at the head of each list's table, and the position of its record.
            heads = [_head(table, rows, order) for table, rows in lists]
            for position, (line, row) in enumerate(owners):
                # This record alone: its rows find it, and it is dropped once handed on.
                index: _Index = {collection: {}, **{table.name: {} for table in tables}}
                made: set[int] = set()
                before = len(self.reader.places)
                record = _record(self.reader, (collection, position, line), row, index[collection])
                for number, head in enumerate(heads):
                    if head is not None and head[0] <= position:
                        heads[number] = self._attach_while(
                            lists[number], (head, order, position), index, made
                        )
                yield collection, position, record
                self._settle(before)
            index = {collection: {}, **{table.name: {} for table in tables}}
            for number, head in enumerate(heads):  # the rows naming no record
                upto = (head, order, sys.maxsize)
                self._attach_while(lists[number], upto, index, set())

    def _settle(self, before: int) -> None:
        """Pack the places of the rows of the record just read (the places since ``before``).

        The record's own place stays as it is; those of its lists' rows are
        kept for the issues of the judges, found once every record is read.
        """
        places = self.reader.places
        found = [places.popitem() for _ in range(len(places) - before)]
        if not found:
            return
        record, place = found.pop()  # the first put, the record's own
        places[record] = place
        if found:
            found.reverse()
            self.found.settled[record] = _Packed.of(record, found)

    def _attach_while(
        self,
        at: tuple[Table, Iterator[_Row]],
        upto: tuple[_Head | None, dict[Any, int], int],
        index: _Index,
        made: set[int],
    ) -> _Head | None:
        """Attach the rows at the head of a list's table while they are the record's.

        ``upto``: the row at the head, the positions of the records by id, and
        this record's. A row naming no record is reported wherever it is met.

        Returns:
            The first row of a later record, or ``None`` at the end of the file.
        """
        table, rows = at
        head, order, position = upto
        while head is not None and head[0] <= position:
            _attach(self.reader, (table, head[1]), head[2], index, made)
            head = _head(table, rows, order)
        return head

    @contextlib.contextmanager
    def _open(self, name: str) -> Iterator[Iterator[_Row]]:
        """The rows of a table's file (none if it has no file)."""
        path = self.paths.get(name)
        if path is None:
            yield iter(())
            return
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            try:
                header = next(reader, [])
                yield _rows(reader, header, path.name, self.reader.problems)
            except (UnicodeDecodeError, csv.Error) as exc:
                raise OSError(f"{path} changed while it was read: {exc}") from exc


def _stream_document(directory: str | os.PathLike[str]) -> _TableStream | None:
    """The CSV tables of a directory, to be read a record at a time; ``None`` if they cannot be.

    Raises:
        OSError: the directory or a file cannot be read.
    """
    folder = Path(directory)
    if not folder.is_dir():
        raise NotADirectoryError(f"not a directory: {folder}")
    paths = {path.stem: path for path in sorted(folder.glob("*.csv"))}
    # The records' tables first: the ids they give are what the lists' rows are in order of.
    first = ["dataset", *COLLECTIONS]
    names = [*(name for name in first if name in paths), *(n for n in paths if n not in first)]
    headers: dict[str, list[str]] = {}
    found = _FirstPass()
    try:
        for name in names:
            with paths[name].open(encoding="utf-8-sig", newline="") as handle:
                reader = csv.reader(handle)
                headers[name] = header = next(reader, [])
                rows = _rows(reader, header, paths[name].name, [])
                if not _scan(name, rows, found):
                    return None
    except (UnicodeDecodeError, csv.Error):
        return None  # read whole, for the problem at its place among the others
    if any(_adopted_id(found.keyless[c], found.unknown.get(c, ())) for c in found.keyless):
        return None  # the rows of a record without its id: read whole, where they find it
    return _TableStream(paths, headers, found.order, set(found.keyless))


@attrs.define
class _FirstPass:
    """What the first pass keeps of the records' tables and their lists' tables.

    Attributes:
        order: each collection's ids, with the position of the first record
            with each.
        keyless: how many rows of each collection have no id that can be read.
        unknown: the ids that rows of each collection's lists name and none of
            its records has.
    """

    order: dict[str, dict[Any, int]] = attrs.Factory(dict)
    keyless: Counter[str] = attrs.Factory(Counter)
    unknown: dict[str, set[Any]] = attrs.Factory(dict)


def _scan(name: str, rows: Iterator[_Row], found: _FirstPass) -> bool:
    """Read a file's rows in the first pass: whether it can be read a record at a time.

    The dataset's table needs one row at the current schema version; a list's
    table its rows in the order of their records; a collection's table gives
    its ids and its rows without one (``found``). Every file is read to its
    end, for its syntax.
    """
    table = LAYOUT.get(name)
    fine = True
    if name == "dataset":
        head = list(itertools.islice(rows, 2))
        fine = len(head) == 1 and _current(*head[0])
    elif table is not None and table.owner is None:
        ids = found.order[name] = {}
        for position, (_, row) in enumerate(rows):
            key = _record_id(table, row)
            if key is None:
                found.keyless[name] += 1
            else:
                ids.setdefault(key, position)
    elif table is not None and table.root != "dataset":
        unknown = found.unknown.setdefault(table.root, set())
        fine = _ascending(table, rows, (found.order.get(table.root, {}), unknown))
    for _ in rows:  # the rest read for its syntax
        pass
    return fine


def _current(line: int, row: dict[str, str]) -> bool:
    """Whether the dataset's row gives the current schema version (older ones: whole documents)."""
    head = _Reader().record(LAYOUT["dataset"], line, row, at="")
    return bool(head.get("schema_version") == SCHEMA_VERSION)


def _ascending(
    table: Table, rows: Iterator[_Row], records: tuple[dict[Any, int], set[Any]]
) -> bool:
    """Whether the rows of a list's table name their records in the records' order.

    ``records``: the positions of the records by id, and the ids named that no
    record has (added to here). A row naming no record (an unknown id, or
    none) may be anywhere: it is reported where it is met.
    """
    ids, unknown = records
    last = -1
    for _, row in rows:
        key = _first_key(table, row)
        position = ids.get(key, -1)
        if position < 0:
            if key is not None:
                unknown.add(key)
            continue
        if position < last:
            return False
        last = position
    return True
