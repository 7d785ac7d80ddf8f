"""What a dataset rule sees: the located records and their indexes (``Context``).

The rules (``_rules``) and the engine that runs them (``_engine``) both use
these; the engine gathers the records, the rules read them.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from gcm_model.models.dataset import COLLECTIONS
from gcm_model.validation._report import Issue

if TYPE_CHECKING:
    import datetime as dt

    from gcm_model.validation._catalogue import Profile, Rule

__all__ = ["Context", "Gathered", "Located"]


@attrs.frozen
class Located:
    """A record and where it is: its collection, pointer, file and line."""

    collection: str
    record: Any
    pointer: str
    file: str | None = None
    line: int | None = None
    unknown: frozenset[str] = frozenset()
    """Where the record's own problems are (pointers from the record): what rules find
    there or below is second-order."""

    def knows(self, *fields: str) -> bool:
        """Whether each of the record's ``fields`` (and all they hold) decoded without problem.

        A rule that counts or gathers values over records asks it: where a
        value is unknown, the count is too, and the rule says nothing rather
        than a second-order issue.

        Examples:
            >>> where = Located("events", None, "/events/0", unknown=frozenset({"/objectives/1"}))
            >>> where.knows("kind"), where.knows("kind", "objectives")
            (True, False)
        """
        return not any(
            place == f"/{field}" or place.startswith(f"/{field}/")
            for field in fields
            for place in self.unknown
        )

    @property
    def id(self) -> str | None:
        """The record's id."""
        found = getattr(self.record, "id", None)
        return found if isinstance(found, str) else None


class Gathered(Protocol):
    """The records a source yielded, as the engine gathers them."""

    records: list[Located]
    """Every record that could be built, with where it is."""
    ids: dict[str, list[tuple[str, Located | None]]]
    """Per collection, every id as written, with its record (``None``: not built)."""


class Context:
    """What a rule sees: the records, indexes by id, the date and the profile."""

    def __init__(self, loaded: Gathered, as_of: dt.date | None, chosen: Profile) -> None:
        """Index the loaded records."""
        self.records = loaded.records
        self.as_of = as_of
        self.profile = chosen
        self.by_collection: dict[str, list[Located]] = {name: [] for name in COLLECTIONS}
        for located in loaded.records:
            self.by_collection[located.collection].append(located)
        self.ids: dict[str, set[str]] = {
            name: {i for i, _ in loaded.ids.get(name, [])} for name in COLLECTIONS
        }
        self.index: dict[str, dict[str, Located]] = {name: {} for name in COLLECTIONS}
        for located in loaded.records:
            if located.id is not None:
                self.index[located.collection].setdefault(located.id, located)
        self.raw_ids = loaded.ids
        self.unsure_ids = frozenset(r.collection for r in loaded.records if not r.knows("id"))
        """The collections with a record whose id is unknown: a reference into one may name it."""

    @functools.cached_property
    def by_review(self) -> dict[str, dict[str, list[Located]]]:
        """Per review id: its meetings, events and submissions."""
        parts: dict[str, dict[str, list[Located]]] = {}
        for collection in ("meetings", "events", "submissions"):
            for located in self.by_collection[collection]:
                review = located.record.review
                if isinstance(review, str):
                    parts.setdefault(review, {}).setdefault(collection, []).append(located)
        return parts

    def get(self, collection: str, record_id: object) -> Any:
        """The record of a collection with an id, or ``None``."""
        found = self.index[collection].get(record_id) if isinstance(record_id, str) else None
        return found.record if found is not None else None

    def parameter(self, rule: Rule, name: str) -> Any:
        """A rule's parameter under the profile."""
        return self.profile.parameter(rule, name)

    def issue(  # noqa: PLR0913 - every part of an issue
        self,
        rule: Rule,
        where: Located,
        field: str,
        message: str,
        *,
        value: Any = None,
        hint: str | None = None,
    ) -> Issue:
        """An issue of ``rule`` at ``field`` (a JSON Pointer tail) of a located record."""
        return Issue(
            rule=rule.slug,
            code=rule.code,
            severity=self.profile.severity(rule),
            path=where.pointer + (f"/{field}" if field else ""),
            message=message,
            hint=hint,
            value=value,
            record=where.id,
            file=where.file,
            line=where.line,
            source=rule.source,
        )


def at_or_under(pointer: str, places: frozenset[str]) -> bool:
    """Whether a JSON Pointer is at or under one of ``places`` (pointers of problems).

    What a rule finds there is second-order: the record's own problem there is
    reported already.

    Examples:
        >>> at_or_under("/agenda/3/objectives/5", frozenset({"/agenda/3/objectives"}))
        True
        >>> at_or_under("/agenda/3/moderator", frozenset({"/agenda/3/objectives"}))
        False
    """
    return any(pointer == place or pointer.startswith(place + "/") for place in places)
