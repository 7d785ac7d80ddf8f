"""What a dataset rule sees, and how a rule declares what it needs (``Checks``).

A rule is split in two so that a dataset can be judged without holding its
records: what it needs from one record, and how it judges the whole.

* A *record check* judges one record alone, as it is read:
  ``(context, rule, located) -> issues``.
* A *fact* is what a rule needs from one record to judge records against each
  other: a small, picklable value (ids, references, the dates and codes it
  compares, and the record's number, ``Place``), ``(located) -> fact or None``. The
  facts of the whole dataset are gathered in reading order (``Facts``); the
  gatherings of several parts (Dask partitions) merge by concatenation.
* A *judge* reads the gathered facts once every record is read:
  ``(context, facts, rule) -> issues``.

A rule written the earlier way, over every record at once
(``(context, rule) -> issues`` with ``context.by_collection``), still runs:
the engine then keeps the records, as it did before.

The rules (``_rules``) declare these; the engine (``_engine``) runs them.
"""

from __future__ import annotations

import bisect
import enum
import functools
import itertools
import operator
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol, cast

import attrs

from gcm_model.models.dataset import COLLECTIONS
from gcm_model.validation._index import CODE_OF, PART, Places, knows
from gcm_model.validation._report import Issue

if TYPE_CHECKING:
    import datetime as dt

    from gcm_model.validation._catalogue import Profile, Rule

__all__ = [
    "CHECKS",
    "CODE_OF",
    "Checks",
    "Context",
    "ById",
    "Facts",
    "Gathered",
    "Located",
    "Place",
    "check",
    "facts",
    "judge",
    "per_record",
    "plain",
    "shared",
    "shared_values",
]


_RECENT: dict[tuple[Any, ...], tuple[Any, ...]] = {}
"""The tuples shared lately (``shared_values``, ``shared``), each kept once."""
_MOST_RECENT = 4096
"""How many tuples ``_RECENT`` holds before it starts again: the tuples that repeat are those
of records read near each other (a review's events, a participant's gatherings)."""


def _lately(values: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """An equal tuple shared lately, if there is one (``None`` for an unhashable one too)."""
    try:
        return _RECENT.get(values)
    except TypeError:  # unhashable: a value of a record that is no checked one
        return None


def _recent(found: tuple[Any, ...]) -> tuple[Any, ...]:
    """An equal tuple shared lately, or this one, kept to be shared from now on.

    Equal is enough: the values shared are strings, enums (which equal nothing
    of another type), bools and numbers, each rule's at places of their own.
    """
    try:
        kept = _RECENT.get(found)
    except TypeError:  # unhashable: a value of a record that is no checked one
        return found
    if kept is not None:
        return kept
    if len(_RECENT) >= _MOST_RECENT:
        _RECENT.clear()
    _RECENT[found] = found
    return found


def shared_values(*values: Any) -> tuple[Any, ...]:
    """A tuple of codes and references (each shared, as ``shared`` shares it), kept once.

    Many records have the same few values a judge needs (a participant's
    gender and country; an event's review and kind): one tuple serves them
    all, rather than a tuple each.

    Examples:
        >>> shared_values("f", "ESP") is shared_values("f", "".join(["ES", "P"]))
        True
    """
    kept = _lately(values)  # most were: an equal tuple answers before anything is interned
    if kept is not None:
        return kept
    intern = sys.intern
    return _recent(
        tuple(
            [intern(v) if type(v) is str else shared(v) if type(v) is tuple else v for v in values]
        )
    )


def shared(value: Any) -> Any:
    """A code or a reference to another record, shared with every equal one kept.

    Each line of JSON Lines decodes its own copy of a string: the review id
    that a thousand events name would be kept a thousand times over in their
    facts. Interned, it is kept once (an interned string is freed with its
    last use). A tuple of strings is shared member by member, and as a whole
    with an equal one shared lately (``shared_values``); anything else
    is returned as it is. Only for values that repeat across records (codes,
    references), not for a record's own id: each of those would add an entry
    to the table of interned strings for nothing.

    Examples:
        >>> a, b = "".join(["r:", "1"]), "".join(["r:", "1"])
        >>> a is b, shared(a) is shared(b), shared(("ECE", None)), shared(3)
        (False, True, ('ECE', None), 3)
    """
    kind = type(value)
    if kind is str:
        return sys.intern(value)
    if kind is tuple:
        kept = _lately(value)  # an equal tuple shared lately answers before anything is interned
        if kept is not None:
            return kept
        return _recent(tuple(sys.intern(v) if type(v) is str else v for v in value))
    return value


def plain(value: Any) -> Any:
    """A member of an enumeration as its value (a code), anything else as it is.

    A fact that holds an enumeration's member is a tuple the garbage collector
    tracks to the end of the file (a member is an object it tracks); with the
    member's value in its place, the tuple is untracked at its first
    collection, and the collector's full passes over what a run keeps stay
    short. The judges compare such facts with the members' values.

    Examples:
        >>> from gcm_model.models.process import EventKind
        >>> plain(EventKind.EVALUATION), plain(None), plain("x")
        ('evaluation', None, 'x')
    """
    return value.value if isinstance(value, enum.Enum) else value


Place = int
"""A record, as the facts name it: its number in reading order (``Facts.where`` says where)."""


@attrs.define
class Located:
    """A record and where it is: its collection, pointer, file and line.

    Read-only by convention, not frozen: one is made for every record read,
    and a frozen attrs object takes three times as long to make.
    """

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
        return not self.unknown or knows(self.unknown, fields)

    @property
    def id(self) -> str | None:
        """The record's id, if it has one."""
        found = getattr(self.record, "id", None)
        return found if isinstance(found, str) else None

    _spot: Place | None = attrs.field(default=None, init=False, eq=False, repr=False)

    @property
    def spot(self) -> Place:
        """The record's number, as the facts name it (given when the run takes the record).

        Raises:
            LookupError: the record was not taken by a run yet.
        """
        spot = self._spot
        if spot is None:
            raise LookupError("a record is numbered when a run takes it")
        return spot


Where = Located | Place

RecordCheck = Callable[["Context", "Rule", Located], Iterator[Issue]]
FactOf = Callable[[Located], Any]
Prune = Callable[["Facts", Any], Any]
Waits = Callable[[Any], "Iterable[str]"]
Judge = Callable[["Context", "Facts", "Rule"], Iterator[Issue]]
WholeCheck = Callable[["Context", "Rule"], Iterator[Issue]]


@attrs.define
class Checks:
    """What one rule runs: record checks, facts and a judge (or a check of the whole)."""

    records: list[tuple[str, RecordCheck]] = attrs.Factory(list)
    """Per collection, in the order the rule reports them, the check of one record."""
    facts: dict[str, FactOf] = attrs.Factory(dict)
    """Per collection, what the judge needs of each record."""
    by_id: frozenset[str] = frozenset()
    """The collections whose facts are kept with their records' numbers, for the judge to read
    with their ids (``Facts.by_id``, ``Facts.with_ids``)."""
    prune: Prune | None = None
    """What of a fact is still needed, given the facts gathered before it (``None``: nothing)."""
    waits: Waits | None = None
    """The ids a pruned fact waits for: when one is read, the fact is pruned again."""
    judge: Judge | None = None
    whole: WholeCheck | None = None
    """A check written over every record at once: the records are then kept."""


CHECKS: dict[str, Checks] = {}
"""What each implemented rule runs, by slug (filled as the rule modules are imported)."""


def _checks(slug: str) -> Checks:
    return CHECKS.setdefault(slug, Checks())


def per_record(slug: str, *collections: str) -> Callable[[RecordCheck], RecordCheck]:
    """Declare a rule's check of one record of these collections (reported in this order)."""

    def register(function: RecordCheck) -> RecordCheck:
        _checks(slug).records.extend((collection, function) for collection in collections)
        return function

    return register


def facts(
    slug: str,
    *collections: str,
    prune: Prune | None = None,
    waits: Waits | None = None,
    by_id: tuple[str, ...] = (),
) -> Callable[[FactOf], FactOf]:
    """Declare what a rule's judge needs of each record of these collections.

    The function returns a small, picklable value (or ``None``: nothing to keep).
    ``prune``, if given, is asked of each fact as it is gathered, with the facts
    gathered before it, and returns what of it the judge may still need (or
    ``None``): what the facts read so far settle need not be kept. It must
    settle only what no later record can change (facts only grow), so that
    the judge's answer is the same for any partitioning; the judge still
    judges what is kept as if nothing had been pruned. ``waits``, if given,
    names the ids a pruned fact waits for: when a record with one of them is
    read, ``prune`` is asked again of the fact as kept (in batches), so that
    what waits for a record read later is not kept to the end of the file.
    The facts of the collections named in ``by_id`` are kept with their
    records' numbers, and so without the ids (the index has them): the judge
    looks them up by id (``Facts.by_id``) or reads each with its record's id
    (``Facts.with_ids``).
    """

    def register(function: FactOf) -> FactOf:
        checks = _checks(slug)
        for collection in collections:
            checks.facts[collection] = function
        if prune is not None:
            checks.prune = prune
        if waits is not None:
            checks.waits = waits
        checks.by_id |= frozenset(by_id)
        return function

    return register


def judge(slug: str) -> Callable[[Judge], Judge]:
    """Declare how a rule judges the facts of the whole dataset (once every record is read)."""

    def register(function: Judge) -> Judge:
        _checks(slug).judge = function
        return function

    return register


def check(slug: str) -> Callable[[WholeCheck], WholeCheck]:
    """Declare a rule's check over every record at once (the records are then kept)."""

    def register(function: WholeCheck) -> WholeCheck:
        _checks(slug).whole = function
        return function

    return register


_KEPT = functools.partial(operator.is_not, None)
"""Whether a fact is kept (pruning leaves ``None`` in the place of a fact it settled)."""

_DUE = 64
"""How many facts wait to be pruned again before they are (``Facts.settle``)."""


@attrs.define
class Facts:
    """The facts of a dataset, gathered in reading order; mergeable part by part.

    Kept small, for they grow with the dataset: a rule's facts are two parallel
    sequences (the collection of each, as a byte of an array, and the fact)
    rather than a pair per fact; where each record is lives in a dense index
    (``Places``) that the facts name records by number in; and each
    collection's ids are kept once, as a set.
    """

    by_rule: dict[str, tuple[array[int], list[Any]]] = attrs.Factory(dict)
    """Per rule: the collection of each record that has a fact (``CODE_OF``), and the fact,
    in reading order."""
    keyed: dict[tuple[str, str], tuple[array[int], list[Any]]] = attrs.Factory(dict)
    """Per rule and collection read by id (``Checks.by_id``): the number of each record
    that has a fact, and the fact, in reading order."""
    parts: list[Places] = attrs.Factory(lambda: [Places()])
    """Where each record is, by number: one index per part read (a Dask partition), in order."""
    seen: dict[str, set[str]] = attrs.Factory(dict)
    """Per collection, every id as written so far (what ``known`` answers once all is read)."""
    again: dict[str, list[Place]] = attrs.Factory(dict)
    """Per collection, the records built whose id as written was read before, by number."""
    waiting: dict[str, list[tuple[str, int]]] = attrs.Factory(dict)
    """Per id not read yet, the facts (rule, position) that wait for it (``Checks.waits``)."""
    due: set[tuple[str, int]] = attrs.Factory(set)
    """The facts an id read since the last pruning waited for (pruned again in batches)."""
    _bases: list[int] = attrs.field(factory=list, init=False, repr=False)
    """Where each part's numbers begin (``parts``' bases, made when first needed)."""

    @classmethod
    def of_part(cls, part: int) -> Facts:
        """The facts of one part of a dataset (a Dask partition), numbering its records apart."""
        return cls(parts=[Places(base=(part + 1) * PART)])

    def place(self, collection: str, raw_id: str | None, located: Located) -> Place:
        """Number a record and keep where it is (and its id as written); returns the number."""
        unknown = tuple(sorted(located.unknown)) if located.unknown else ()
        record_id = getattr(located.record, "id", None)  # Located.id, inlined: every record
        number = self.parts[-1].add(
            collection,
            raw_id,
            located.pointer,
            located.file,
            located.line,
            record_id if isinstance(record_id, str) else None,
            unknown,
        )
        located._spot = number  # noqa: SLF001 - the number is the index's to give
        if raw_id is not None:
            seen = self.seen.get(collection)
            if seen is None or raw_id in seen:
                self._read_id(collection, raw_id, number)
            else:  # ``_read_id``'s common case, inlined: a new id, read for every record
                seen.add(raw_id)
                waiting = self.waiting.pop(raw_id, None) if self.waiting else None
                if waiting is not None:
                    self._wake(waiting)
        return number

    def add_id(self, collection: str, raw_id: str) -> None:
        """The id written on a record that could not be built."""
        self.parts[-1].add_unbuilt(collection, raw_id)
        self._read_id(collection, raw_id, None)

    def _read_id(self, collection: str, raw_id: str, number: Place | None) -> None:
        seen = self.seen.get(collection)
        if seen is None:
            seen = self.seen[collection] = set()
        if raw_id in seen:
            if number is not None:
                self.again.setdefault(collection, []).append(number)
            return
        seen.add(raw_id)
        if self.waiting:
            waiting = self.waiting.pop(raw_id, None)
            if waiting is not None:
                self._wake(waiting)

    def _wake(self, waiting: list[tuple[str, int]]) -> None:
        """The facts that waited for an id just read: due to be pruned again."""
        self.due.update(waiting)
        if len(self.due) >= _DUE:
            self.settle()

    def settle(self) -> None:
        """Prune again the facts that waited for ids read since (``None``: all settled).

        In batches, so that a record waiting for many ids read one after the
        other (a meeting's speakers) is pruned a few times, not once per id.
        """
        due, self.due = self.due, set()
        for slug, position in due:
            found = self.by_rule[slug][1]
            fact = found[position]
            prune = CHECKS[slug].prune if slug in CHECKS else None
            if fact is not None and prune is not None:
                found[position] = prune(self, fact)

    def _part(self, number: Place) -> Places:
        parts = self.parts
        if len(parts) == 1:
            return parts[0]
        bases = self._bases
        if len(bases) != len(parts):
            bases[:] = [part.base for part in parts]
        return parts[bisect.bisect_right(bases, number) - 1]

    def where(self, number: Place) -> tuple[str, str | None, int | None, str | None]:
        """A record's pointer, file, line and id: what an issue about it says."""
        return self._part(number).where(number)

    def id_of(self, number: Place) -> str | None:
        """A record's id."""
        return self._part(number).record_id(number)

    def raw_id(self, number: Place) -> str | None:
        """A record's id as written."""
        part = self._part(number)
        return part.ids[number - part.base]

    def collection(self, number: Place) -> str:
        """A record's collection."""
        return self._part(number).collection(number)

    def knows(self, number: Place, *fields: str) -> bool:
        """``Located.knows``, of a record by its number: for the judges."""
        return self._part(number).knows(number, fields)

    def ids_of(self, collection: str) -> Iterator[tuple[str | None, Place | None]]:
        """A collection's ids as written, with each record's number, in reading order.

        A record that could not be built has ``None`` for its number.
        """
        for part in self.parts:
            unbuilt = iter([u for u in part.unbuilt if u[1] == collection])
            waiting = next(unbuilt, None)
            for number, raw_id in part.of(collection):
                while waiting is not None and waiting[0] <= number - part.base:
                    yield waiting[2], None
                    waiting = next(unbuilt, None)
                yield raw_id, number
            while waiting is not None:
                yield waiting[2], None
                waiting = next(unbuilt, None)

    def duplicates(self) -> Iterator[tuple[str, list[Place]]]:
        """Per collection, the records built whose id as written was read before, in order."""
        for collection in self.seen:
            again = self.again.get(collection)
            if again:
                yield collection, sorted(again)

    def add(self, slug: str, collection: str, fact: Any, waits: Waits | None = None) -> None:
        """A rule's fact of a record of a collection (``waits``: the ids it waits for)."""
        found = self.by_rule.get(slug)
        if found is None:
            found = self.by_rule[slug] = (array("B"), [])
        if waits is not None:
            position = len(found[1])
            for record_id in waits(fact):
                self.waiting.setdefault(record_id, []).append((slug, position))
        found[0].append(CODE_OF[collection])
        found[1].append(fact)

    def of(self, slug: str, collection: str | None = None) -> Iterator[Any]:
        """The facts a rule gathered (from one collection, or from all), in reading order.

        A fact that pruning settled later (``None`` in its place) is left out.
        """
        found = self.by_rule.get(slug)
        if found is None:
            return iter(())
        if collection is None:
            return filter(_KEPT, found[1])
        code = CODE_OF.get(collection)
        if code is None:
            return iter(())
        # Filtered in C: the judges read every fact of their collections once.
        return filter(_KEPT, itertools.compress(found[1], map(code.__eq__, found[0])))

    def _ids(self, numbers: Iterable[Place]) -> Iterator[str | None]:
        """The ids of records by number (as built), read from the index directly when it can."""
        parts = self.parts
        if len(parts) == 1 and not parts[0].base and not parts[0].named:
            return map(parts[0].ids.__getitem__, numbers)  # one part, every id as written
        return map(self.id_of, numbers)

    def with_ids(self, slug: str, collection: str) -> Iterator[tuple[str | None, Any]]:
        """A rule's facts of a collection (``Checks.by_id``), each with its record's id."""
        numbers, found = self.keyed.get((slug, collection), ((), ()))
        return zip(self._ids(numbers), found, strict=True)

    def by_id(self, slug: str, collection: str) -> ById:
        """A rule's facts of a collection by record id: the first record with each id wins."""
        numbers, found = self.keyed.get((slug, collection), ((), ()))
        # Built in C, last record first, so that the first with each id is the one kept.
        pairs = zip(self._ids(reversed(numbers)), reversed(found), strict=True)
        index = ById(cast("Iterable[tuple[str, Any]]", pairs))
        index.pop(cast("str", None), None)  # the records without an id
        return index

    def release(self, slug: str) -> None:
        """Let a rule's facts go, once its judge has run."""
        self.by_rule.pop(slug, None)
        for key in [key for key in self.keyed if key[0] == slug]:
            del self.keyed[key]

    def merge(self, other: Facts) -> None:
        """Append the facts of the part read after this one."""
        for key, (numbers, kept) in other.keyed.items():
            mine_keyed = self.keyed.setdefault(key, (array("q"), []))
            mine_keyed[0].extend(numbers)
            mine_keyed[1].extend(kept)
        offsets: dict[str, int] = {}
        for slug, (collections, found) in other.by_rule.items():
            mine = self.by_rule.setdefault(slug, (array("B"), []))
            offsets[slug] = len(mine[1])
            mine[0].extend(collections)
            mine[1].extend(found)
        self._merge_ids(other)
        for record_id, waiting in other.waiting.items():
            self.waiting.setdefault(record_id, []).extend(
                (slug, position + offsets[slug]) for slug, position in waiting
            )
        self.due.update((slug, position + offsets[slug]) for slug, position in other.due)
        # What either part waited for and the other read is settled now.
        read = [record_id for record_id in self.waiting if self._read(record_id)]
        for record_id in read:
            self.due.update(self.waiting.pop(record_id))
        self.settle()

    def _merge_ids(self, other: Facts) -> None:
        """The ids and places of the part read after this one; the ids it reads again."""
        for collection, names in other.seen.items():
            mine = self.seen.setdefault(collection, set())
            both = names & mine
            if both:  # the first record of the other part with an id this part read
                again = self.again.setdefault(collection, [])
                for raw_id, number in other.ids_of(collection):
                    if raw_id in both:
                        both.discard(raw_id)
                        if number is not None:
                            again.append(number)
            mine.update(names)
        for collection, again in other.again.items():
            self.again.setdefault(collection, []).extend(again)
        self.parts.extend(part for part in other.parts if len(part) or part.unbuilt)

    def _read(self, record_id: str) -> bool:
        return any(record_id in names for names in self.seen.values())

    @functools.cached_property
    def known(self) -> dict[str, set[str]]:
        """Per collection, every id as written (once every record is read)."""
        return {name: self.seen.get(name, set()) for name in COLLECTIONS}

    @functools.cached_property
    def first(self) -> dict[str, dict[str, Place]]:
        """Per collection, the first record with each id, by number (once every record is read).

        Each collection's index is made when first asked: a judge that looks
        reviews up does not index every participant at the peak of the run.
        """
        return _First(self)


class ById(dict[str, Any]):
    """A rule's facts by record id, each read back with the id first: ``(id, *fact)``."""

    def get(self, key: str, default: Any = None) -> Any:
        """The fact of the first record with the id, as ``(id, *fact)``; or ``default``."""
        fact = dict.get(self, key)
        return (key, *fact) if fact is not None else default


class _First(dict[str, dict[str, Place]]):
    """Per collection, the first record with each id, indexed when the collection is asked."""

    def __init__(self, facts: Facts) -> None:
        super().__init__()
        self.facts = facts

    def __missing__(self, collection: str) -> dict[str, Place]:
        mine: dict[str, Place] = {}
        for part in self.facts.parts:
            for number, _ in part.of(collection):
                record_id = part.record_id(number)
                if record_id is not None:
                    mine.setdefault(record_id, number)
        self[collection] = mine
        return mine


class Gathered(Protocol):
    """The records a source yielded, as the engine keeps them for rules over every record."""

    @property
    def records(self) -> list[Located]:
        """Every record that could be built, with where it is (kept for whole checks only)."""

    @property
    def facts(self) -> Facts:
        """The ids as written, and the facts."""


class Context:
    """What a rule sees: the date, the profile, and (for whole checks) every record."""

    def __init__(self, loaded: Gathered, as_of: dt.date | None, chosen: Profile) -> None:
        """Index the loaded records (kept only when a check over every record runs)."""
        self.records = loaded.records
        self.as_of = as_of
        self.profile = chosen
        self.facts = loaded.facts

    @functools.cached_property
    def by_collection(self) -> dict[str, list[Located]]:
        """Per collection, its records in reading order."""
        found: dict[str, list[Located]] = {name: [] for name in COLLECTIONS}
        for located in self.records:
            found[located.collection].append(located)
        return found

    @functools.cached_property
    def ids(self) -> dict[str, set[str]]:
        """Per collection, every id as written."""
        return self.facts.known

    @functools.cached_property
    def index(self) -> dict[str, dict[str, Located]]:
        """Per collection, the first record with each id."""
        found: dict[str, dict[str, Located]] = {name: {} for name in COLLECTIONS}
        for located in self.records:
            if located.id is not None:
                found[located.collection].setdefault(located.id, located)
        return found

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
        where: Where,
        field: str,
        message: str,
        *,
        value: Any = None,
        hint: str | None = None,
    ) -> Issue:
        """An issue of ``rule`` at ``field`` (a JSON Pointer tail) of a record."""
        if isinstance(where, Located):
            pointer, record, file, line = where.pointer, where.id, where.file, where.line
        else:
            pointer, file, line, record = self.facts.where(where)
        return Issue(
            rule=rule.slug,
            code=rule.code,
            severity=self.profile.severity(rule),
            path=pointer + (f"/{field}" if field else ""),
            message=message,
            hint=hint,
            value=value,
            record=record,
            file=file,
            line=line,
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
