"""Writing a dataset's JSON tree as tables: rows of plain values, and CSV files."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from gcm_model.converters import unstructure
from gcm_model.errors import InvalidCodeError
from gcm_model.models._kind import NO_VALUE, TEXT_CELL, CellError
from gcm_model.models.dataset import COLLECTIONS
from gcm_model.tabular._layout import KEY_CELL, LAYOUT, TABLES, VALUE, Table

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable

    from gcm_model.models.dataset import Dataset

Rows = list[dict[str, Any]]

_ABSENT: Any = object()


def to_rows(dataset: Dataset) -> dict[str, Rows]:
    """Every table as rows of the wire format's values (JSON values; missing ones ``None``)."""
    return _tree_rows(unstructure(dataset))


def _tree_rows(tree: Any, *, exact: bool = False) -> dict[str, Rows]:
    """Every table as rows of a dataset's JSON tree, as ``unstructure`` makes or a document holds.

    The tree need not be valid: a bad code or a misplaced date is put in its
    cell as it is, for reading to report. A key that no column of its table
    has is kept in its row (``venue/colour`` inside a nested object), after
    the columns, so that the table has a column of that name (reading
    reports it once, at the header). The lists of a record whose id cannot
    name its rows in other tables (none, not text, or one an earlier record
    has) are kept as JSON text in a column named after the list, as earlier
    versions wrote every list; reading takes that too.

    Args:
        tree: the dataset's JSON tree.
        exact: refuse any value that the tables would not give back as it is
            (see ``_check_cell``), so that the tables hold the same document.

    Raises:
        InvalidCodeError: a part of the tree that tables cannot hold: a record
            or an item of a list of objects that is not an object; a collection
            or list that is not a list; a key that is a key column of its
            table; with ``exact``, a value its cell would change, or an empty
            list where one is required (no rows read as no list).
    """
    _check_object(tree, "")
    tables: dict[str, Rows] = {name: [] for name in LAYOUT}
    _emit(LAYOUT["dataset"], tree, ((), ()), "", tables, exact=exact, outside=COLLECTIONS)
    for collection in COLLECTIONS:
        records = tree.get(collection, [])
        _check_list(records, f"/{collection}")
        seen: set[str] = set()
        for index, record in enumerate(records):
            at = f"/{collection}/{index}"
            _check_object(record, at)
            ident = record.get("id")
            cell = KEY_CELL.write(ident) if isinstance(ident, str) else ""
            # Reading links rows to the first record with this id cell: a second one keeps
            # its lists in JSON cells.
            usable = cell != "" and cell not in seen
            seen.add(cell)
            keys = ((), (ident,) if usable else None)
            _emit(LAYOUT[collection], record, keys, at, tables, exact=exact)
    return tables


def _check_object(node: Any, at: str) -> None:
    if not isinstance(node, dict):
        raise InvalidCodeError("row", at, f"a row holds an object, not {type(node).__name__}")


def _check_list(node: Any, at: str) -> None:
    if not isinstance(node, list):
        raise InvalidCodeError("table", at, f"rows come from a list, not {type(node).__name__}")


def _lookup(node: Any, path: tuple[str, ...]) -> Any:
    """The value at a path within nested objects, or ``_ABSENT``."""
    for token in path:
        if not isinstance(node, dict) or token not in node:
            return _ABSENT
        node = node[token]
    return node


def _emit(  # noqa: PLR0913 - the row's node, where it goes, and how strictly
    table: Table,
    node: Any,
    keys: tuple[tuple[Any, ...], tuple[Any, ...] | None],
    at: str,
    tables: dict[str, Rows],
    *,
    exact: bool,
    outside: Iterable[str] = (),
) -> None:
    """Append a node's row to its table and its lists' rows to theirs.

    ``keys`` are the row's own key cells and those its children name it by
    (``None``: it cannot be named, its lists go in JSON cells).
    """
    own, named = keys
    row: dict[str, Any] = dict(zip(table.keys, own, strict=True))
    if not table.classes:  # a list of values: the item is the cell
        if exact:
            _check_cell(table, VALUE, node, at)
        row[VALUE] = node
        tables[table.name].append(row)
        return
    _check_object(node, at)
    in_json = {c.path[0] for c in table.children if named is None and c.path[0] in node}
    _cells(table, node, row, at, exact=exact, skip=in_json)
    for name in in_json:
        row[name] = node[name]  # as earlier versions wrote every list: JSON text
    _extra(table, node, (), row, at, skip={*outside, *in_json})
    tables[table.name].append(row)
    for child in table.children:
        if named is not None:
            _children(child, node, named, at, tables, exact=exact)


def _cells(  # noqa: PLR0913 - the node, its row, where, and how strictly
    table: Table,
    node: dict[str, Any],
    row: dict[str, Any],
    at: str,
    *,
    exact: bool,
    skip: set[str],
) -> None:
    """Put the node's values in the row's columns (none under the fields in ``skip``)."""
    for column in table.columns:
        if column.path[0] in skip:
            continue
        value = _lookup(node, column.path)
        if column.nested:
            value = _nested_cell(table, column.path, value)
        elif value is _ABSENT:
            continue
        elif exact:
            _check_cell(table, column.name, value, f"{at}/{'/'.join(column.path)}")
        row[column.name] = value


def _nested_cell(table: Table, path: tuple[str, ...], value: Any) -> Any:
    """The cell of a nested object: ``{}`` for an object that no other cell or row shows."""
    if value is _ABSENT or value is None:
        return None
    if not isinstance(value, dict):
        return value  # no column can hold it: JSON text, as earlier versions wrote it
    inner = [c.path for c in table.columns if c.path[: len(path)] == path and c.path != path]
    inner += [c.path for c in table.children if c.path[: len(path)] == path]
    shown = any(_lookup(value, p[len(path) :]) not in (_ABSENT, None, []) for p in inner)
    return None if shown else {}


def _extra(  # noqa: PLR0913 - the node, where it is, and the row it goes to
    table: Table,
    node: dict[str, Any],
    prefix: tuple[str, ...],
    row: dict[str, Any],
    at: str,
    *,
    skip: set[str],
) -> None:
    """Put the keys no column or list has in the row, by their path (``venue/colour``)."""
    for name, value in node.items():
        path = (*prefix, name)
        if not prefix and name in skip:
            continue
        if path in table.objects and isinstance(value, dict):
            _extra(table, value, path, row, at, skip=skip)
        elif path not in table.known:
            column = "/".join(path)
            if column in table.keys:
                raise InvalidCodeError(
                    "column", f"{at}/{column}", f"{column!r} is a key of {table.name}"
                )
            row[column] = value


def _children(  # noqa: PLR0913 - the list's table, its owner, where, and how strictly
    child: Table,
    node: dict[str, Any],
    owner: tuple[Any, ...],
    at: str,
    tables: dict[str, Rows],
    *,
    exact: bool,
) -> None:
    """The rows of a list of a node (none where the list is absent)."""
    items = _lookup(node, child.path)
    where = f"{at}/{'/'.join(child.path)}"
    if items is _ABSENT or (items is None and not exact):
        return
    _check_list(items, where)
    if exact and not items and child.kind is not None and child.kind.empty() is NO_VALUE:
        raise InvalidCodeError("table", where, "no rows read as no list, where one is required")
    for position, item in enumerate(items):
        keys = ((*owner, position), (*owner, position))
        _emit(child, item, keys, f"{where}/{position}", tables, exact=exact)


def _check_cell(table: Table, column: str, value: Any, at: str) -> None:
    """Refuse a value that its cell would not give back as it is.

    A cell is text: a number where text belongs is read back as text, text
    where a number or a flag belongs as a number or a flag (or not at all),
    and an empty text or a ``null`` as no value, which JSON reads otherwise
    where a field is required.

    Raises:
        InvalidCodeError: such a value, at its JSON Pointer.
    """
    found = table.by_name[column]
    if value is None and found.kind is not None and found.kind.optional:
        return  # null is no value, as an empty cell is
    cell = found.cell
    text = cell.write(value)
    try:
        back = cell.read(text) if text else None
    except CellError:
        back = None
    if back is None or orjson.dumps(back) != orjson.dumps(value):
        message = f"its {cell.name} cell would read {text!r} as {back!r}"
        raise InvalidCodeError("cell", at, message)


def to_tables(dataset: Dataset) -> dict[str, list[dict[str, str]]]:
    """Every table as rows of strings, as they are written to CSV.

    A record whose lists cannot be rows (its id is another's) has them in a
    column of its own, as ``write_csv`` writes it.
    """
    out = {}
    for name, rows in to_rows(dataset).items():
        columns = _columns(name, rows)
        cells = LAYOUT[name].cells()
        out[name] = [
            {column: cells.get(column, TEXT_CELL).write(row.get(column)) for column in columns}
            for row in rows
        ]
    return out


def _columns(name: str, rows: Rows) -> list[str]:
    """A table's columns, then those of keys only some rows have."""
    return [*TABLES[name], *dict.fromkeys(k for row in rows for k in row if k not in TABLES[name])]


def write_csv(dataset: Dataset, directory: str | os.PathLike[str]) -> list[Path]:
    """Write a dataset as one CSV file per table into ``directory`` (created if need be).

    Returns:
        The files written, every table included even when it has no rows.
    """
    return _write_rows(to_rows(dataset), directory)


def _write_tree(tree: Any, directory: str | os.PathLike[str]) -> list[Path]:
    """Write a dataset's JSON tree, valid or not, as CSV tables (as ``write_csv`` writes them).

    A key that no column of its table has becomes a column of its own, after
    the others, so that reading reports it at the header. Every other value is
    written only if its cell gives it back as it is: the tables then hold the
    same document, problems and all, and validating them must report what
    validating the document reports (the parity tests do).

    Returns:
        The files written, every table included even when it has no rows.

    Raises:
        InvalidCodeError: a part of the tree that tables cannot hold, or a value
            its cell would change (see ``_tree_rows``).
    """
    return _write_rows(_tree_rows(tree, exact=True), directory)


def _write_rows(tables: dict[str, Rows], directory: str | os.PathLike[str]) -> list[Path]:
    """Write rows of plain values as one CSV file per table, with their extra columns last."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in tables.items():
        columns = _columns(name, rows)
        cells = LAYOUT[name].cells()  # others (unknown keys): text cells
        path = folder / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            writer.writerows(
                [cells.get(c, TEXT_CELL).write(row.get(c)) for c in columns] for row in rows
            )
        written.append(path)
    return written
