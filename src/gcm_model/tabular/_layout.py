"""Which table and column each field goes to, derived from the kinds.

Every field's kind says where it goes (``Kind.tabulate``): a column of its
own; the fields of a nested object as columns of the same row, named
``venue/city`` as flatten-tool names them; or, for a list, a table of its
own (``reviews_commissions``, ``meetings_contacts``) whose rows name their
owner's row by key columns and give their place in the list in
``position``. A record of a collection is named by its ``id`` (in a column
named after the collection: ``review``, ``meeting``); a row of a list by
its owner's keys and its position (``segment``, ``section``...). A list of
values has one ``value`` column; a list of objects one column per field; a
list of several classes (an agenda, a section's items) a ``kind`` column
first, the tag of the row's class.

The tables are derived from ``COLLECTIONS`` and the model classes' kinds
when this module is loaded: a new collection or field has its tables with
no change here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from gcm_model.models._kind import TEXT_CELL, Cell, Kind, declared, tag_of
from gcm_model.models.dataset import COLLECTIONS, Dataset

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["KEY_CELL", "LAYOUT", "POSITION", "TABLES", "TAG", "VALUE", "Column", "Table", "layout"]

POSITION = "position"
"""The key column that gives a row's place in its owner's list, from 0."""
VALUE = "value"
"""The column of a list of values' item."""
TAG = "kind"
"""The column naming the class of a row of a union (an agenda's segment, a section's item)."""

KEY_CELL = TEXT_CELL
"""The cell of the key columns that hold an id (a record's ``id`` cell is a text cell)."""

_RENAMED = {
    "meetings_agenda": ("segments", "segment"),
    "reports_sections": ("sections", "section"),
    "sections_items": ("items", "item"),
}
"""The tables of earlier versions, which keep their names (and what their children call them)."""


@attrs.frozen
class Column:
    """A column of a table.

    Attributes:
        name: its name in the header (``venue/city``).
        path: where its value is in the row's object (``("venue", "city")``);
            empty for the item of a list of values.
        kind: the field's kind (``None`` for a union's tag).
        tags: the tags of a union's tag column.
        nested: it names a nested object, whose fields have columns of their
            own: its cell holds ``{}`` for an object given without values (or
            what no column can hold, as JSON).
    """

    name: str
    path: tuple[str, ...]
    kind: Kind | None
    tags: tuple[str, ...] = ()
    nested: bool = False

    @property
    def cell(self) -> Cell:
        """How its cells are written and read: the kind's (a tag is plain text)."""
        return self.kind.cell if self.kind is not None else _TAG_CELL


_TAG_CELL = Cell()


@attrs.define(eq=False)
class Table:
    """A table: its key columns, its columns and the tables of its lists.

    Attributes:
        name: the table (and file stem) name.
        keys: the key columns: the owner's keys, then ``position`` (none for a
            collection, whose records are named by their ``id``).
        columns: the columns, in order.
        classes: the classes of a row's object (none for a list of values).
        owner: the owner table's name (``None`` for the dataset and collections).
        path: where the list is in the owner's row object.
        ref: the name of the key column by which its children name its rows.
        root: the name of the dataset's or collection's table it is under.
        kind: the list's kind (``None`` for the dataset and collections).
        legacy: the fields that earlier versions wrote as JSON text in a cell
            (lists and nested objects), by the name of that column; still read.
        children: the tables of its lists.
    """

    name: str
    keys: tuple[str, ...]
    columns: list[Column]
    classes: tuple[type, ...]
    owner: str | None
    path: tuple[str, ...]
    ref: str
    root: str
    kind: Kind | None = None
    legacy: dict[str, Kind] = attrs.field(factory=dict)
    children: list[Table] = attrs.field(factory=list)
    seen: set[tuple[str, ...]] = attrs.field(factory=set, repr=False)
    known: frozenset[tuple[str, ...]] = attrs.field(default=frozenset(), repr=False)
    objects: frozenset[tuple[str, ...]] = attrs.field(default=frozenset(), repr=False)
    by_name: dict[str, Column] = attrs.field(factory=dict, repr=False)

    def finish(self) -> None:
        """Index the columns once they are all known (by path, by name, nested objects)."""
        self.known = frozenset({c.path for c in self.columns} | {c.path for c in self.children})
        self.objects = frozenset(c.path for c in self.columns if c.nested)
        self.by_name = {column.name: column for column in self.columns}

    @property
    def header(self) -> list[str]:
        """The key columns, then the columns."""
        return [*self.keys, *(column.name for column in self.columns)]

    def child_keys(self) -> tuple[str, ...]:
        """The key columns by which a row of a child table names its owner row."""
        if self.owner is None:
            return () if self.name == "dataset" else (self.ref,)
        return (*self.keys[:-1], self.ref)

    def cells(self) -> dict[str, Cell]:
        """The cell of each column, key and column of an earlier release by name."""
        found: dict[str, Cell] = {name: kind.cell for name, kind in self.legacy.items()}
        found.update(dict.fromkeys(self.keys, KEY_CELL))
        found.update({column.name: column.cell for column in self.columns})
        return found

    def fields(self, cls: type) -> set[str]:
        """The top-level fields of a row of one of the classes (a union's tag included)."""
        return {name for name, _ in declared(cls)} | ({TAG} if len(self.classes) > 1 else set())

    def walk(self) -> Iterator[Table]:
        """This table and those of its lists, each owner before its children."""
        yield self
        for child in self.children:
            yield from child.walk()


def _singular(name: str) -> str:
    """What a row of a table or list is called (``reviews`` -> ``review``)."""
    return name[:-3] + "y" if name.endswith("ies") else name.removesuffix("s")


class _Plan:
    """The columns and child tables of one table, as the kinds of its fields say (a ``Planner``)."""

    def __init__(self, table: Table, prefix: tuple[str, ...] = ()) -> None:
        self.table, self.prefix = table, prefix

    def column(self, name: str, kind: Kind) -> None:
        path = (*self.prefix, name) if name else self.prefix
        self.table.columns.append(Column("/".join(path) or VALUE, path, kind))

    def nested(self, name: str, kind: Kind, classes: tuple[type, ...]) -> None:
        path = (*self.prefix, name) if name else self.prefix
        if name:  # a nested object: a column for an object given without a value, or as JSON
            self.table.columns.append(Column("/".join(path), path, kind, nested=True))
            self.table.legacy.setdefault(path[0], kind)
        _union(self.table, classes, path)
        inner = _Plan(self.table, path)
        for cls in classes:
            for field, field_kind in declared(cls):
                if (*path, field) not in self.table.seen:  # a union's classes share fields
                    self.table.seen.add((*path, field))
                    field_kind.tabulate(inner, field)

    def many(self, name: str, kind: Kind, item: Kind) -> None:
        path = (*self.prefix, name)
        self.table.legacy.setdefault(path[0], kind)
        generic = f"{self.table.name}_{'_'.join(path)}"
        table_name, ref = _RENAMED.get(generic, (generic, _singular(name)))
        child = Table(
            name=table_name,
            keys=(*self.table.child_keys(), POSITION),
            columns=[],
            classes=(),
            owner=self.table.name,
            path=path,
            ref=ref,
            root=self.table.root,
            kind=kind,
        )
        self.table.children.append(child)
        item.tabulate(_Plan(child), "")


def _union(table: Table, classes: tuple[type, ...], path: tuple[str, ...]) -> None:
    """Record the classes of a list's rows; a union's rows get their tag column first."""
    if not path:
        table.classes = classes
    if len(classes) > 1:
        tags = tuple(str(tag_of(cls)) for cls in classes)
        table.columns.append(Column("/".join((*path, TAG)), (*path, TAG), None, tags))


def _root(name: str, cls: type, skip: frozenset[str] = frozenset()) -> Table:
    table = Table(name, (), [], (cls,), None, (), _singular(name), name)
    plan = _Plan(table)
    for field, kind in declared(cls):
        if field not in skip:
            table.seen.add((field,))
            kind.tabulate(plan, field)
    return table


def layout() -> dict[str, Table]:
    """Every table by name: the dataset's, then each collection's, each followed by its lists'."""
    roots = [
        _root("dataset", Dataset, frozenset(COLLECTIONS)),
        *(_root(name, cls) for name, cls in COLLECTIONS.items()),
    ]
    found = {table.name: table for root in roots for table in root.walk()}
    for table in found.values():
        table.finish()
        clash = set(table.keys) & {column.name for column in table.columns}
        if clash:  # pragma: no cover - a model change would make it; the tests load this module
            raise TypeError(f"{table.name}: {sorted(clash)} are both key columns and fields")
    return found


LAYOUT: dict[str, Table] = layout()
"""Every table by name, each owner before its children."""

TABLES: dict[str, list[str]] = {name: table.header for name, table in LAYOUT.items()}
"""Every table and its columns, in order."""
