"""A dataset as tables: CSV files with ids linking them, and pandas DataFrames.

One table per record kind (``reviews``, ``meetings``, ``events``,
``participants``, ``submissions``, ``reports``, ``pledges``, ``forums``,
``sg_reports``, ``calls``, ``national_reviews``, ``funds``), plus
``segments`` (a meeting's agenda, with the meeting's id and the position),
``sections`` and ``items`` (a report's sections and their content items), and
``dataset`` (one row: the version, title and sources). Scalars are cells;
lists and small nested objects (a venue, contacts, documents) are JSON in a
cell. Reading a directory back gives an equal ``Dataset``; a problem names the
file, the physical line where its row starts (the header is line 1) and the
column, and reading never stops at the first: an unknown column is one
problem at the header, naming the nearest known column, and the rows are
still read without it.

``to_pandas`` needs the ``tabular`` extra (pandas).

Examples:
    >>> from gcm_model import Dataset, RegionalReview
    >>> from gcm_model.tabular import from_tables, to_tables
    >>> review = RegionalReview(id="r1", round="regional-2024", commissions=["ECE"])
    >>> data = Dataset(reviews=[review])
    >>> list(to_tables(data)["reviews"][0].items())[:4]
    [('id', 'r1'), ('round', 'regional-2024'), ('commissions', '["ECE"]'), ('title', '')]
    >>> from_tables(to_tables(data)) == data
    True
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import orjson

from gcm_model._faults import _suggest
from gcm_model.converters import DocumentProblem, structure, unstructure
from gcm_model.errors import DocumentError, InvalidCodeError
from gcm_model.models._kind import TEXT_CELL
from gcm_model.models.dataset import COLLECTIONS, Dataset
from gcm_model.models.kinds import Cell, CellError, Kind, kind_of
from gcm_model.models.process import SEGMENT_TYPES, Meeting
from gcm_model.models.reports import ITEM_TYPES, Report, ReportSection

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    import pandas as pd

__all__ = ["TABLES", "from_tables", "read_csv", "to_pandas", "to_rows", "to_tables", "write_csv"]

Rows = list[dict[str, Any]]

# Fields that become tables of their own rather than JSON cells.
_CHILD_TABLES = {(Meeting, "agenda"): "segments", (Report, "sections"): "sections"}


def _fields(cls: type) -> list[tuple[str, Kind]]:
    out = []
    for field in attrs.fields(cls):
        kind = kind_of(field)
        if kind is not None and (cls, field.name) not in _CHILD_TABLES:
            out.append((field.name, kind))
    return out


def _union_fields(classes: Iterable[type]) -> list[tuple[str, Kind]]:
    seen: dict[str, Kind] = {}
    for cls in classes:
        for name, constraint in _fields(cls):
            seen.setdefault(name, constraint)
    return list(seen.items())


_COLUMNS: dict[str, list[tuple[str, Kind]]] = {
    "dataset": [(n, c) for n, c in _fields(Dataset) if n in ("schema_version", "title", "sources")],
    **{name: _fields(cls) for name, cls in COLLECTIONS.items()},
    "segments": _union_fields(SEGMENT_TYPES.values()),
    "sections": _fields(ReportSection)[:-1],  # the items have a table of their own
    "items": _union_fields(ITEM_TYPES.values()),
}
_KEYS = {
    "segments": ["meeting", "position", "kind"],
    "sections": ["report", "position"],
    "items": ["report", "section", "position", "kind"],
}

TABLES: dict[str, list[str]] = {
    table: [*_KEYS.get(table, []), *(name for name, _ in columns)]
    for table, columns in _COLUMNS.items()
}
"""Every table and its columns, in order."""


# -- writing -----------------------------------------------------------------------------------


def to_rows(dataset: Dataset) -> dict[str, Rows]:
    """Every table as rows of plain values (lists and dicts kept), for DataFrames.

    Missing values are ``None``.
    """
    return _tree_rows(unstructure(dataset))


def _tree_rows(tree: Any, *, exact: bool = False) -> dict[str, Rows]:
    """Every table as rows of a dataset's JSON tree, as ``unstructure`` makes or a document holds.

    The tree need not be valid: a bad code or a misplaced date is put in its
    cell as it is, for reading to report. A key that no column of its table
    has is kept in its row, after the columns, so that the table has a
    column of that name (reading reports it once, at the header). Missing
    values are ``None``.

    Args:
        tree: the dataset's JSON tree.
        exact: refuse any value that its cell would not give back as it is
            (see ``_check_cells``), so that the tables hold the same document.

    Raises:
        InvalidCodeError: a part of the tree that tables cannot hold: a record,
            segment, section or item that is not an object; a collection,
            agenda, sections or items that is not a list; a key that is a key
            column of its table; a meeting or report with children but no id
            of its own (its children's rows name their owner by id); with
            ``exact``, a value its cell would change.
    """
    _check_object(tree, "")
    tables: dict[str, Rows] = {table: [] for table in TABLES}
    tables["dataset"].append(_row("dataset", tree, {}, "", outside=COLLECTIONS, exact=exact))
    owners: dict[str, set[str]] = {"meetings": set(), "reports": set()}
    for collection in COLLECTIONS:
        records = tree.get(collection, [])
        _check_list(records, f"/{collection}")
        for index, record in enumerate(records):
            at = f"/{collection}/{index}"
            _check_object(record, at)
            tables[collection].append(_row(collection, record, {}, at, exact=exact))
            if collection == "meetings":
                agenda = _children(record, "agenda", owners["meetings"], at)
                for position, segment in enumerate(agenda):
                    keys = {"meeting": record["id"], "position": position}
                    place = f"{at}/agenda/{position}"
                    tables["segments"].append(_row("segments", segment, keys, place, exact=exact))
            if collection == "reports":
                _report_rows(record, tables, (owners["reports"], at), exact=exact)
    return tables


def _check_object(node: Any, at: str) -> None:
    if not isinstance(node, dict):
        raise InvalidCodeError("row", at, f"a row holds an object, not {type(node).__name__}")


def _check_list(node: Any, at: str) -> None:
    if not isinstance(node, list):
        raise InvalidCodeError("table", at, f"rows come from a list, not {type(node).__name__}")


def _children(owner: dict[str, Any], key: str, seen: set[str], at: str) -> list[dict[str, Any]]:
    """The children of a meeting or report, checked: their rows name the owner by its id.

    ``seen`` holds the id cells of the owners met so far: a second owner of an
    id could not be told from the first.
    """
    ident = owner.get("id")
    cell = TEXT_CELL.write(ident)  # reading links children to the first row with this id cell
    first = isinstance(ident, str) and cell != "" and cell not in seen
    seen.add(cell)
    children = owner.get(key, [])
    _check_list(children, f"{at}/{key}")
    if children and not first:
        raise InvalidCodeError("row", at, f"its {key} needs an id no earlier record has")
    for position, child in enumerate(children):
        _check_object(child, f"{at}/{key}/{position}")
    return list(children)


def _row(  # noqa: PLR0913 - the node, where it goes, and how strictly
    table: str,
    node: dict[str, Any],
    keys: dict[str, Any],
    at: str,
    *,
    outside: Iterable[str] = (),
    exact: bool = False,
) -> dict[str, Any]:
    """A row: the key cells, the table's columns, then the keys no column has.

    ``keys`` are the cells that place a child row (its owner and position);
    its ``kind`` is the node's own. ``outside`` are keys that are not the
    row's (the dataset's collections).
    """
    row = {**keys, **{name: node.get(name) for name in TABLES[table] if name not in keys}}
    skipped = {*outside, *_CHILDREN.get(table, ())}
    for name, value in node.items():
        if name in keys:
            raise InvalidCodeError("column", f"{at}/{name}", f"{name!r} is a key of {table}")
        if name not in row and name not in skipped:
            row[name] = value
    if exact:
        _check_cells(table, node, at)
    return row


_CHILDREN = {"meetings": ("agenda",), "reports": ("sections",), "sections": ("items",)}
"""The keys of a row's children, which have tables of their own."""


def _check_cells(table: str, node: dict[str, Any], at: str) -> None:
    """Refuse a value that its cell would not give back as it is.

    A cell is text: a number where text belongs is read back as text, text
    where a number or a flag belongs as a number or a flag (or not at all),
    and an empty text or a ``null`` as no value, which JSON reads otherwise
    where a field is required.

    Raises:
        InvalidCodeError: the first such value, at its JSON Pointer.
    """
    kinds = dict(_COLUMNS[table])
    for name, value in node.items():
        kind = kinds.get(name)
        if kind is None and not (name == "kind" and table in _KEYS):
            continue  # a key no column has: a column of its own, reported at the header
        cell = kind.cell if kind is not None else Cell()  # a union's tag is text
        if value is None and kind is not None and kind.optional:
            continue  # null is no value, as an empty cell is
        text = cell.write(value)
        try:
            back = cell.read(text) if text else None
        except CellError:
            back = None
        if back is None or orjson.dumps(back) != orjson.dumps(value):
            message = f"its {cell.name} cell would read {text!r} as {back!r}"
            raise InvalidCodeError("cell", f"{at}/{name}", message)


def _report_rows(
    record: dict[str, Any],
    tables: dict[str, Rows],
    owner: tuple[set[str], str],
    *,
    exact: bool,
) -> None:
    """The rows of a report's sections and items (``owner``: the reports' ids seen, and where)."""
    seen, at = owner
    for position, section in enumerate(_children(record, "sections", seen, at)):
        keys = {"report": record["id"], "position": position}
        place = f"{at}/sections/{position}"
        tables["sections"].append(_row("sections", section, keys, place, exact=exact))
        items = section.get("items", [])
        _check_list(items, f"{place}/items")
        for item_position, item in enumerate(items):
            item_place = f"{place}/items/{item_position}"
            _check_object(item, item_place)
            item_keys = {"report": record["id"], "section": position, "position": item_position}
            tables["items"].append(_row("items", item, item_keys, item_place, exact=exact))


def to_tables(dataset: Dataset) -> dict[str, list[dict[str, str]]]:
    """Every table as rows of strings, as they are written to CSV."""
    out = {}
    for table, rows in to_rows(dataset).items():
        cells = {name: kind.cell for name, kind in _COLUMNS[table]}  # the keys are plain cells
        out[table] = [
            {
                column: cells.get(column, TEXT_CELL).write(row.get(column))
                for column in TABLES[table]
            }
            for row in rows
        ]
    return out


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
    for table, rows in tables.items():
        extra = dict.fromkeys(k for row in rows for k in row if k not in TABLES[table])
        columns = [*TABLES[table], *extra]
        path = folder / f"{table}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            cells = {name: kind.cell for name, kind in _COLUMNS[table]}  # others: text cells
            writer.writerows(
                [cells.get(c, TEXT_CELL).write(row.get(c)) for c in columns] for row in rows
            )
        written.append(path)
    return written


# -- reading -----------------------------------------------------------------------------------


_HEADER_LINE = 1  # the header is the first line of a file; rows are numbered from there


class _Reader:
    """Turns string cells back into the wire format's values, collecting problems."""

    def __init__(self) -> None:
        self.problems: list[DocumentProblem] = []
        self.places: dict[str, tuple[str, int]] = {}  # JSON Pointer prefix -> (file, line)
        # (file, line, column) of each cell reported here: the decoder's problem with the
        # same place (a required cell left out, say) would repeat it.
        self.reported: set[tuple[str, int, str]] = set()

    def problem(  # noqa: PLR0913 - where (three) and what (three), and the JSON Pointer
        self,
        table: str,
        line: int,
        column: str,
        *,
        rule: str,
        message: str,
        value: str,
        at: str = "",
    ) -> None:
        file = f"{table}.csv"
        self.reported.add((file, line, column))
        self.problems.append(
            DocumentProblem(rule, at, message, value, line=line, column=column, file=file)
        )

    def value(  # noqa: PLR0913 - where (three), the cell and text, and the JSON Pointer
        self, table: str, line: int, column: str, cell: Cell, text: str, *, at: str = ""
    ) -> Any:
        """The JSON value of a cell as its column's kind reads it (``None`` if empty or bad)."""
        if text == "":
            return None
        try:
            return cell.read(text)
        except CellError as exc:
            self.problem(table, line, column, rule=exc.rule, message=exc.message, value=text, at=at)
        return None

    def record(
        self, table: str, line: int, row: dict[str, str], *, at: str | None = None
    ) -> dict[str, Any]:
        """The row's known cells as the wire format's values (``at``: the row's JSON Pointer).

        Unknown columns are left out: ``header`` reports them once, at the header.
        """
        out: dict[str, Any] = {}
        for name, kind in _COLUMNS[table]:
            text = row.get(name)
            if text is None:
                continue
            where = f"{at}/{name}" if at is not None else ""
            value = self.value(table, line, name, kind.cell, text, at=where)
            if value is not None:
                out[name] = value
        return out

    def header(self, table: str, columns: Iterable[object]) -> None:
        """Report each unknown or repeated column once, at the header, naming the nearest."""
        known = TABLES[table]
        seen: set[str] = set()
        for column in columns:
            if column is None:  # csv.DictReader's key for the cells past the header
                continue
            name = str(column)
            if name in seen:
                message = f"the column {name!r} appears more than once (the last is read)"
                self.problem(
                    table, _HEADER_LINE, name, rule="invalid-value", message=message, value=name
                )
            elif name not in known:
                message = f"unknown column {name!r}{_suggest(name, iter(known))}"
                self.problem(
                    table, _HEADER_LINE, name, rule="unknown-field", message=message, value=name
                )
            seen.add(name)

    def key(self, table: str, line: int, row: dict[str, str], column: str) -> str | int | None:
        text = row.get(column) or ""
        if column in {"position", "section"}:
            if text.isascii() and text.isdigit():  # int() refuses "²", which isdigit takes
                return int(text)
            message = f"expected a position (0, 1, ...), got {text!r}"
            self.problem(table, line, column, rule="wrong-type", message=message, value=text)
            return None
        if not text:
            self.problem(
                table,
                line,
                column,
                rule="missing-field",
                message=f"the {column} column is empty",
                value=text,
            )
            return None
        return text


@attrs.frozen(eq=False)
class _TableDocument:
    """Tables put together as a dataset document, before it is decoded.

    Attributes:
        document: the dataset document (the wire format's values), or ``None``
            when it cannot be decoded (no single dataset row, unreadable files).
        problems: the problems of the files, headers, cells and links.
        places: the file and starting line of each record and child, by JSON Pointer.
        reported: the file, line and column of each problem of a cell.
    """

    document: dict[str, Any] | None
    problems: tuple[DocumentProblem, ...]
    places: dict[str, tuple[str, int]] = attrs.field(factory=dict)
    reported: frozenset[tuple[str, int, str]] = frozenset()

    def locate(self, problem: DocumentProblem) -> DocumentProblem | None:
        """A problem the decoder found, at its file, line and column.

        ``None`` when it repeats a cell's problem (a required cell that could not be
        read is then also missing).
        """
        found = _locate(problem, self.places)
        if (found.file, found.line, found.column) in self.reported:
            return None
        return found

    def place(self, pointer: str) -> tuple[str | None, int | None]:
        """The file and starting line of the row that holds a JSON Pointer's value."""
        found = _place(pointer, self.places)
        return (found[0], found[1]) if found is not None else (None, None)


def from_tables(
    tables: dict[str, list[dict[str, str]]], *, lines: dict[str, list[int]] | None = None
) -> Dataset:
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
    tables: dict[str, list[dict[str, str]]],
    *,
    lines: dict[str, list[int]] | None = None,
    headers: dict[str, list[str]] | None = None,
) -> _TableDocument:
    """Put tables together as a dataset document, with the problems found doing so.

    ``headers`` are the columns of each file as written (by default, the
    columns of the rows, in the order first met).
    """
    reader = _Reader()
    for name in sorted(set(tables) - set(TABLES)):
        message = f"unknown table {name!r}{_suggest(name, iter(TABLES))}"
        reader.problems.append(DocumentProblem("unknown-field", "", message, file=f"{name}.csv"))
    for table in TABLES:
        if headers is not None and table in headers:
            reader.header(table, headers[table])
        else:
            reader.header(table, dict.fromkeys(k for row in tables.get(table, []) for k in row))

    def line_of(table: str, index: int) -> int:
        return lines[table][index] if lines and table in lines else index + _HEADER_LINE + 1

    document: dict[str, Any] = {}
    head_rows = tables.get("dataset", [])
    if len(head_rows) != 1:
        reader.problems.append(
            DocumentProblem(
                "schema-version",
                "",
                f"dataset.csv needs exactly one row, it has {len(head_rows)}",
                file="dataset.csv",
            )
        )
    else:
        line = line_of("dataset", 0)
        document.update(reader.record("dataset", line, head_rows[0], at=""))
        reader.places[""] = ("dataset.csv", line)
    by_id: dict[str, dict[str, tuple[int, dict[str, Any]]]] = {}
    for collection in COLLECTIONS:
        records: list[dict[str, Any]] = []
        for index, row in enumerate(tables.get(collection, [])):
            line = line_of(collection, index)
            record = reader.record(collection, line, row, at=f"/{collection}/{index}")
            reader.places[f"/{collection}/{index}"] = (f"{collection}.csv", line)
            records.append(record)
            if isinstance(record.get("id"), str):
                by_id.setdefault(collection, {}).setdefault(record["id"], (index, record))
        if records:
            document[collection] = records
    _attach(reader, tables, by_id, line_of)
    return _TableDocument(
        document if len(head_rows) == 1 else None,  # without its version it cannot be read
        tuple(reader.problems),
        reader.places,
        frozenset(reader.reported),
    )


def _attach(
    reader: _Reader,
    tables: dict[str, list[dict[str, str]]],
    by_id: dict[str, dict[str, tuple[int, dict[str, Any]]]],
    line_of: Callable[[str, int], int],
) -> None:
    """Put the segments, sections and items back into their meetings and reports."""
    meetings = by_id.get("meetings", {})
    reports = by_id.get("reports", {})

    def agenda(meeting: object) -> tuple[list[Any], str] | str:
        if str(meeting) not in meetings:
            return f"no meeting has id {meeting!r}"
        at, owner = meetings[str(meeting)]  # its row's index: where the decoder reports it
        return owner.setdefault("agenda", []), f"/meetings/{at}/agenda"

    def sections(report: object) -> tuple[list[Any], str] | str:
        if str(report) not in reports:
            return f"no report has id {report!r}"
        at, owner = reports[str(report)]
        return owner.setdefault("sections", []), f"/reports/{at}/sections"

    def items(report: object, section: object) -> tuple[list[Any], str] | str:
        found = sections(report)
        if isinstance(found, str):
            return found
        siblings, prefix = found
        if not isinstance(section, int) or section >= len(siblings):
            return f"report {report!r} has no section {section!r}"
        return siblings[section].setdefault("items", []), f"{prefix}/{section}/items"

    _attach_rows(
        reader, "segments", tables, line_of, owners=("meeting",), locate=agenda, kinds=SEGMENT_TYPES
    )
    _attach_rows(
        reader, "sections", tables, line_of, owners=("report",), locate=sections, kinds=None
    )
    _attach_rows(
        reader,
        "items",
        tables,
        line_of,
        owners=("report", "section"),
        locate=items,
        kinds=ITEM_TYPES,
    )


def _attach_rows(  # noqa: PLR0913 - the parts of one child table
    reader: _Reader,
    table: str,
    tables: dict[str, list[dict[str, str]]],
    line_of: Callable[[str, int], int],
    *,
    owners: tuple[str, ...],
    locate: Callable[..., tuple[list[Any], str] | str],
    kinds: dict[str, type] | None,
) -> None:
    """Append each row of a child table to its owner's list, in position order."""
    for index, row in enumerate(tables.get(table, [])):
        line = line_of(table, index)
        keys = [reader.key(table, line, row, column) for column in (*owners, "position")]
        *owner, position = keys
        found = locate(*owner) if None not in keys else "no owner"
        at = None  # the JSON Pointer of the row's cells, when it has its place in its owner
        if not isinstance(found, str) and position == len(found[0]):
            at = f"{found[1]}/{position}"
        record = reader.record(table, line, row, at=at)
        if None in keys:
            continue
        if isinstance(found, str):
            reader.problem(
                table, line, owners[-1], rule="invalid-value", message=found, value=row[owners[-1]]
            )
            continue
        siblings, prefix = found
        if position != len(siblings):
            message = f"expected position {len(siblings)} (rows in order, from 0)"
            reader.problem(
                table,
                line,
                "position",
                rule="invalid-value",
                message=message,
                value=row["position"],
            )
            continue
        if kinds is not None:
            record = _tagged(reader, table, line, row=row, record=record, kinds=kinds)
        siblings.append(record)
        reader.places.setdefault(f"{prefix}/{position}", (f"{table}.csv", line))


def _tagged(  # noqa: PLR0913 - the parts of one row
    reader: _Reader,
    table: str,
    line: int,
    *,
    row: dict[str, str],
    record: dict[str, Any],
    kinds: dict[str, type],
) -> dict[str, Any]:
    """A row of a union table with its kind tag, refusing cells its kind does not have."""
    kind = row.get("kind", "")
    if kind not in kinds:
        return {"kind": kind, **record} if kind else record  # the loader names the problem
    allowed = {name for name, _ in _fields(kinds[kind])}
    for column in sorted(set(record) - allowed):
        reader.problem(
            table,
            line,
            column,
            rule="unknown-field",
            message=f"a {kind} has no {column!r}",
            value=row[column],
        )
    return {"kind": kind, **{k: v for k, v in record.items() if k in allowed}}


def _place(pointer: str, places: dict[str, tuple[str, int]]) -> tuple[str, int, str | None] | None:
    """The file, line and column of a JSON Pointer in the assembled document.

    The place is that of the longest pointer above it: its child row, else its
    record's row, else (for the dataset's own fields) the dataset row.
    """
    tokens = pointer.split("/")  # "" gives [""], "/a/b" gives ["", "a", "b"]
    for end in range(len(tokens), 0, -1):
        prefix = "/".join(tokens[:end])
        if prefix not in places or (end == 1 and len(tokens) > 1 and tokens[1] in COLLECTIONS):
            continue  # a record out of place is not the dataset row's
        file, line = places[prefix]
        rest = tokens[end:]
        column = rest[0].replace("~1", "/").replace("~0", "~") if rest else None
        return file, line, column
    return None


def _locate(problem: DocumentProblem, places: dict[str, tuple[str, int]]) -> DocumentProblem:
    """Name the file, line and column of a problem found in the assembled document."""
    found = _place(problem.pointer, places)
    if found is None:
        return problem
    file, line, column = found
    return attrs.evolve(problem, file=file, line=line, column=column)


_Table = tuple[list[str], list[dict[str, str]], list[int]]  # header, rows, their lines


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
        while True:
            # Where the next row starts: a quoted cell may have spanned lines before it.
            start = reader.line_num + 1
            cells = next(reader, None)
            if cells is None:
                return header, rows, starts
            if not cells:  # a blank line
                continue
            if len(cells) > len(header):
                message = (
                    f"the row has {len(cells)} cells for {len(header)} columns "
                    "(the cells past the last column are not read)"
                )
                problems.append(
                    DocumentProblem("invalid-value", "", message, file=path.name, line=start)
                )
            rows.append(dict(zip(header, cells, strict=False)))
            starts.append(start)
    except csv.Error as exc:
        problems.append(
            DocumentProblem(
                "json-syntax", "", f"invalid CSV: {exc}", file=path.name, line=reader.line_num
            )
        )
        return None


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
    tables: dict[str, list[dict[str, str]]] = {}
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
    it.

    Raises:
        DocumentError: with every problem, each naming file, line and column.
        OSError: the directory cannot be read.
    """
    return _decode(_read_document(directory), source=os.fspath(directory))


def to_pandas(dataset: Dataset) -> dict[str, pd.DataFrame]:
    """Every table as a pandas DataFrame (needs the ``tabular`` extra).

    Raises:
        InvalidCodeError: pandas is not installed.
    """
    try:
        import pandas as pd  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise InvalidCodeError(
            "extra", "tabular", "to_pandas needs pandas: pip install 'gcm-model[tabular]'"
        ) from None
    return {
        table: pd.DataFrame(rows, columns=TABLES[table]) for table, rows in to_rows(dataset).items()
    }
