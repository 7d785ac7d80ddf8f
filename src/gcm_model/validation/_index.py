"""Where each record read is, without the record: a dense index by record number.

The engine numbers the records it reads in reading order and keeps, for each,
a few bytes in arrays (its collection, its line, its file) and its id as
written, instead of a tuple of strings and numbers per record: the facts of a
judge name a record by its number (an int), and an issue's place (pointer,
file, line, id) is looked up only for the records that get one. What most
records lack (a pointer, in a JSON Lines file; problems of their own; an id
other than the one written) is kept apart, for the few that have it.

A run over one part of a dataset (a Dask partition) numbers its records from
a base of its own (``Places.base``), so that the parts' numbers stay distinct
and in reading order when their indexes are merged, and the facts that name
them need no renumbering.

Examples:
    >>> places = Places()
    >>> places.add("reviews", "r:1", "", "a.jsonl", 2, "r:1", ())
    0
    >>> places.add("events", "e:1", "", "a.jsonl", 3, None, ("/id",))
    1
    >>> places.where(1), places.knows(1, "id"), places.knows(0, "id")
    (('', 'a.jsonl', 3, None), False, True)
"""

from __future__ import annotations

from array import array
from typing import TYPE_CHECKING, Any

import attrs

from gcm_model.models.dataset import COLLECTIONS

if TYPE_CHECKING:
    from collections.abc import Collection

__all__ = ["CODE_OF", "PART", "Places", "knows"]

CODE_OF = {name: code for code, name in enumerate(COLLECTIONS)}
"""Each collection's number, as the index keeps it (a byte a record, not a pointer)."""
_NAME_OF = dict(enumerate(COLLECTIONS))

PART = 1 << 32
"""The numbers each part of a dataset may give its records (a part's base is a multiple)."""


def knows(unknown: Collection[str], fields: tuple[str, ...]) -> bool:
    """Whether no pointer of ``unknown`` is at or under any of the record's ``fields``.

    Examples:
        >>> knows(frozenset({"/objectives/1"}), ("kind",)), knows(frozenset({"/kind"}), ("kind",))
        (True, False)
    """
    if not unknown:  # the common case: a record without problems of its own
        return True
    return not any(
        place == f"/{field}" or place.startswith(f"/{field}/")
        for field in fields
        for place in unknown
    )


@attrs.define
class Places:
    """Where the records of one part are, by number: what an issue about one needs.

    A record's number is ``base`` plus its position in the part's reading order.
    """

    base: int = 0
    collections: array[int] = attrs.Factory(lambda: array("B"))
    lines: array[int] = attrs.Factory(lambda: array("I"))
    """Each record's line (0: none, as in a JSON document)."""
    files: array[int] = attrs.Factory(lambda: array("I"))
    """Each record's file, as its position in ``names``."""
    names: list[str | None] = attrs.Factory(list)
    """The files, once each."""
    ids: list[str | None] = attrs.Factory(list)
    """Each record's id as written (``None``: none written as a string)."""
    pointers: dict[int, str] = attrs.Factory(dict)
    """The pointer of each record at one (in a document); a line of JSON Lines has none."""
    named: dict[int, str | None] = attrs.Factory(dict)
    """The id of each record built with an id other than the one written (``None`` mostly)."""
    unknown: dict[int, tuple[str, ...]] = attrs.Factory(dict)
    """Where each record with problems of its own has them (pointers from the record), sorted."""
    unbuilt: list[tuple[int, str, str]] = attrs.Factory(list)
    """The ids written on records that could not be built: (the position of the next record
    built, collection, id)."""

    def add(  # noqa: PLR0913, PLR0917 - every part of a place
        self,
        collection: str,
        raw_id: str | None,
        pointer: str,
        file: str | None,
        line: int | None,
        record_id: str | None,
        unknown: tuple[str, ...],
    ) -> int:
        """A record's place; returns its number."""
        position = len(self.ids)
        self.collections.append(CODE_OF[collection])
        self.lines.append(line or 0)
        names = self.names
        if not names or names[-1] != file:
            if file in names:
                self.files.append(names.index(file))
            else:
                self.files.append(len(names))
                names.append(file)
        else:
            self.files.append(len(names) - 1)
        self.ids.append(raw_id)
        if pointer:
            self.pointers[position] = pointer
        if record_id != raw_id:
            self.named[position] = record_id
        if unknown:
            self.unknown[position] = unknown
        return self.base + position

    def add_unbuilt(self, collection: str, raw_id: str) -> None:
        """The id written on a record that could not be built."""
        self.unbuilt.append((len(self.ids), collection, raw_id))

    def __len__(self) -> int:
        """The records placed."""
        return len(self.ids)

    def collection(self, number: int) -> str:
        """The collection of a record."""
        return _NAME_OF[self.collections[number - self.base]]

    def record_id(self, number: int) -> str | None:
        """A record's id (as built, not as written)."""
        position = number - self.base
        named = self.named
        return named[position] if position in named else self.ids[position]

    def where(self, number: int) -> tuple[str, str | None, int | None, str | None]:
        """A record's pointer, file, line and id: what an issue about it says."""
        position = number - self.base
        line = self.lines[position]
        return (
            self.pointers.get(position, ""),
            self.names[self.files[position]],
            line or None,
            self.record_id(number),
        )

    def knows(self, number: int, fields: tuple[str, ...] | str, *more: str) -> bool:
        """Whether each of a record's fields (and all they hold) decoded without problem."""
        unknown = self.unknown.get(number - self.base)
        if not unknown:
            return True
        return knows(unknown, (fields, *more) if isinstance(fields, str) else (*fields, *more))

    def of(self, collection: str) -> Any:
        """The numbers of a collection's records, each with its id as written, in reading order."""
        code = CODE_OF[collection]
        base = self.base
        return (
            (base + position, raw_id)
            for position, (found_in, raw_id) in enumerate(zip(self.collections, self.ids))  # noqa: B905 - of one length
            if found_in == code
        )
