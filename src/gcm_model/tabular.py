"""A dataset as tables: CSV files with ids linking them, and pandas DataFrames.

One table per record kind (``reviews``, ``meetings``, ``events``,
``participants``, ``submissions``, ``reports``, ``pledges``), plus
``segments`` (a meeting's agenda, with the meeting's id and the position),
``sections`` and ``items`` (a report's sections and their content items), and
``dataset`` (one row: the version, title and sources). Scalars are cells;
lists and small nested objects (a venue, contacts, documents) are JSON in a
cell. Reading a directory back gives an equal ``Dataset``; a problem names the
file, the row's line and the column, and reading never stops at the first.

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

from gcm_model.converters import DocumentProblem, structure, unstructure
from gcm_model.errors import DocumentError, InvalidCodeError
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
    tree = unstructure(dataset)
    tables: dict[str, Rows] = {table: [] for table in TABLES}
    head = {name: tree.get(name) for name, _ in _COLUMNS["dataset"]}
    tables["dataset"].append(head)
    for collection in COLLECTIONS:
        for record in tree.get(collection, []):
            row = {name: record.get(name) for name, _ in _COLUMNS[collection]}
            tables[collection].append(row)
            if collection == "meetings":
                for position, segment in enumerate(record.get("agenda", [])):
                    keys = {"meeting": record["id"], "position": position, "kind": segment["kind"]}
                    rest = {name: segment.get(name) for name, _ in _COLUMNS["segments"]}
                    tables["segments"].append({**keys, **rest})
            if collection == "reports":
                _report_rows(record, tables)
    return tables


def _report_rows(record: dict[str, Any], tables: dict[str, Rows]) -> None:
    for position, section in enumerate(record.get("sections", [])):
        keys = {"report": record["id"], "position": position}
        rest = {name: section.get(name) for name, _ in _COLUMNS["sections"]}
        tables["sections"].append({**keys, **rest})
        for item_position, item in enumerate(section.get("items", [])):
            item_keys = {
                "report": record["id"],
                "section": position,
                "position": item_position,
                "kind": item["kind"],
            }
            rest = {name: item.get(name) for name, _ in _COLUMNS["items"]}
            tables["items"].append({**item_keys, **rest})


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    return orjson.dumps(value).decode()


def to_tables(dataset: Dataset) -> dict[str, list[dict[str, str]]]:
    """Every table as rows of strings, as they are written to CSV."""
    return {
        table: [{column: _cell(row.get(column)) for column in TABLES[table]} for row in rows]
        for table, rows in to_rows(dataset).items()
    }


def write_csv(dataset: Dataset, directory: str | os.PathLike[str]) -> list[Path]:
    """Write a dataset as one CSV file per table into ``directory`` (created if need be).

    Returns:
        The files written, every table included even when it has no rows.
    """
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table, rows in to_tables(dataset).items():
        path = folder / f"{table}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=TABLES[table], lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        written.append(path)
    return written


# -- reading -----------------------------------------------------------------------------------


class _Reader:
    """Turns string cells back into the wire format's values, collecting problems."""

    def __init__(self) -> None:
        self.problems: list[DocumentProblem] = []
        self.places: dict[str, tuple[str, int]] = {}  # JSON Pointer prefix -> (file, line)

    def problem(  # noqa: PLR0913 - where (three) and what (three)
        self, table: str, line: int, column: str, *, rule: str, message: str, value: str
    ) -> None:
        self.problems.append(
            DocumentProblem(rule, "", message, value, line=line, column=column, file=f"{table}.csv")
        )

    def value(self, table: str, line: int, column: str, cell: Cell, text: str) -> Any:
        """The JSON value of a cell as its column's kind reads it (``None`` if empty or bad)."""
        if text == "":
            return None
        try:
            return cell.read(text)
        except CellError as exc:
            self.problem(table, line, column, rule=exc.rule, message=exc.message, value=text)
        return None

    def record(self, table: str, line: int, row: dict[str, str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, kind in _COLUMNS[table]:
            text = row.get(name)
            if text is None:
                continue
            value = self.value(table, line, name, kind.cell, text)
            if value is not None:
                out[name] = value
        unknown = [c for c in row if c not in TABLES[table] and c is not None]
        for column in unknown:
            self.problem(
                table,
                line,
                column,
                rule="unknown-field",
                message=f"unknown column {column!r}",
                value=row[column],
            )
        return out

    def key(self, table: str, line: int, row: dict[str, str], column: str) -> str | int | None:
        text = row.get(column) or ""
        if column in {"position", "section"}:
            if text.isdigit():
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


def from_tables(
    tables: dict[str, list[dict[str, str]]], *, lines: dict[str, list[int]] | None = None
) -> Dataset:
    """Build a dataset from tables of strings (as ``to_tables`` makes or CSV holds).

    Args:
        tables: rows by table name; missing tables count as empty.
        lines: the file line of each row, by table, for problem locations
            (by default, a header line and then one line a row).

    Raises:
        DocumentError: with every problem, each naming file, line and column.
    """
    reader = _Reader()
    unknown_tables = sorted(set(tables) - set(TABLES))
    for name in unknown_tables:
        reader.problems.append(
            DocumentProblem("unknown-field", "", f"unknown table {name!r}", file=f"{name}.csv")
        )

    def line_of(table: str, index: int) -> int:
        return lines[table][index] if lines and table in lines else index + 2

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
        document.update(reader.record("dataset", line_of("dataset", 0), head_rows[0]))
    by_id: dict[str, dict[str, dict[str, Any]]] = {}
    for collection in COLLECTIONS:
        records: list[dict[str, Any]] = []
        for index, row in enumerate(tables.get(collection, [])):
            line = line_of(collection, index)
            record = reader.record(collection, line, row)
            reader.places[f"/{collection}/{len(records)}"] = (f"{collection}.csv", line)
            records.append(record)
            if isinstance(record.get("id"), str):
                by_id.setdefault(collection, {}).setdefault(record["id"], record)
        if records:
            document[collection] = records
    _attach(reader, tables, by_id, line_of)
    try:
        dataset = structure(document) if not reader.problems else None
    except DocumentError as exc:
        reader.problems.extend(_locate(p, reader.places) for p in exc.problems)
        dataset = None
    if dataset is None:
        raise DocumentError(tuple(reader.problems))
    return dataset


def _attach(
    reader: _Reader,
    tables: dict[str, list[dict[str, str]]],
    by_id: dict[str, dict[str, dict[str, Any]]],
    line_of: Callable[[str, int], int],
) -> None:
    """Put the segments, sections and items back into their meetings and reports."""
    meetings = by_id.get("meetings", {})
    reports = by_id.get("reports", {})

    def agenda(meeting: object) -> tuple[list[Any], str] | str:
        if str(meeting) not in meetings:
            return f"no meeting has id {meeting!r}"
        at = list(meetings).index(str(meeting))
        return meetings[str(meeting)].setdefault("agenda", []), f"/meetings/{at}/agenda"

    def sections(report: object) -> tuple[list[Any], str] | str:
        if str(report) not in reports:
            return f"no report has id {report!r}"
        at = list(reports).index(str(report))
        return reports[str(report)].setdefault("sections", []), f"/reports/{at}/sections"

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
        record = reader.record(table, line, row)
        if None in keys:
            continue
        *owner, position = keys
        found = locate(*owner)
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


def _locate(problem: DocumentProblem, places: dict[str, tuple[str, int]]) -> DocumentProblem:
    """Name the file, line and column of a problem found in the assembled document."""
    best = ""
    for prefix in places:
        if (problem.pointer == prefix or problem.pointer.startswith(prefix + "/")) and len(
            prefix
        ) > len(best):
            best = prefix
    if not best:
        return problem
    file, line = places[best]
    column = problem.pointer[len(best) + 1 :].split("/", 1)[0] or None
    return attrs.evolve(problem, file=file, line=line, column=column)


def read_csv(directory: str | os.PathLike[str]) -> Dataset:
    """Read the CSV files of a directory (as ``write_csv`` writes them) into a dataset.

    Raises:
        DocumentError: with every problem, each naming file, line and column.
        OSError: the directory cannot be read.
    """
    folder = Path(directory)
    if not folder.is_dir():
        raise NotADirectoryError(f"not a directory: {folder}")
    tables: dict[str, list[dict[str, str]]] = {}
    lines: dict[str, list[int]] = {}
    problems: list[DocumentProblem] = []
    for path in sorted(folder.glob("*.csv")):
        table = path.stem
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            problems.append(
                DocumentProblem("json-syntax", "", f"not UTF-8 text: {exc.reason}", file=path.name)
            )
            continue
        reader = csv.DictReader(io.StringIO(text, newline=""))
        rows, numbers = [], []
        try:
            for row in reader:
                rows.append({k: v for k, v in row.items() if k is not None})
                numbers.append(reader.line_num)
                if None in row:
                    problems.append(
                        DocumentProblem(
                            "invalid-value",
                            "",
                            "the row has more cells than the header",
                            file=path.name,
                            line=reader.line_num,
                        )
                    )
        except csv.Error as exc:
            problems.append(
                DocumentProblem(
                    "json-syntax", "", f"invalid CSV: {exc}", file=path.name, line=reader.line_num
                )
            )
        tables[table], lines[table] = rows, numbers
    if problems:
        raise DocumentError(tuple(problems), source=os.fspath(directory))
    try:
        return from_tables(tables, lines=lines)
    except DocumentError as exc:
        raise DocumentError(exc.problems, source=os.fspath(directory)) from None


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
