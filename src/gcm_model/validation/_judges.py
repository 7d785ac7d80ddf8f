"""The rules that compare records with each other: what each needs of a record, and its judge.

Each rule declares its *facts* (``gcm_model.validation._context.facts``): a
small, picklable value per record, kept instead of the record, and its
*judge*, which reads the facts of the whole dataset once every record is read.
The facts of Dask partitions are gathered in order and judged once, so the
answer does not depend on the partitioning. Judges index the facts by id once
and look references up there, never in nested loops over records:
validating N records costs O(N log N) at worst.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from gcm_model import registry
from gcm_model._generated import define
from gcm_model._text import close_matches
from gcm_model.dates import day_of
from gcm_model.errors import json_path
from gcm_model.models._kind import declared_walks
from gcm_model.models._nested import Child, Many
from gcm_model.models.dataset import COLLECTIONS
from gcm_model.models.kinds import Ref
from gcm_model.models.process import EventKind, MeetingKind, ThematicSession
from gcm_model.models.reports import ReportKind
from gcm_model.validation._context import (
    CHECKS,
    Context,
    Facts,
    Located,
    Place,
    facts,
    judge,
    plain,
    shared,
    shared_values,
)
from gcm_model.validation._rules import (
    _before,
    _cover,
    _in_clusters,
    _meeting_day,
    _objectives,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from gcm_model.validation._catalogue import Rule
    from gcm_model.validation._report import Issue

__all__ = ["CHECKS"]


def _by_id(*values: object) -> tuple[Any, ...]:
    """Some of a record's values, for a judge that looks it up by id (the index keeps the id)."""
    return values


# -- records and references --------------------------------------------------------------------


@judge("duplicate-id")
def _duplicate_ids(context: Context, gathered: Facts, rule: Rule) -> Iterator[Issue]:
    for collection, again in gathered.duplicates():
        wanted = {gathered.raw_id(number) for number in again}
        first: dict[str | None, Place | None] = {}
        for record_id, number in gathered.ids_of(collection):
            if record_id in wanted and record_id not in first:
                first[record_id] = number
                if len(first) == len(wanted):
                    break
        for number in again:
            record_id = gathered.raw_id(number)
            earlier = first.get(record_id)
            yield context.issue(
                rule,
                number,
                "id",
                f"another record of {collection} has the id {record_id!r}",
                value=record_id,
                hint=(
                    f"the first record with this id is at {json_path(gathered.where(earlier)[0])}"
                    if earlier is not None
                    else f"an earlier record of {collection} that could not be read has it"
                ),
            )


_REF, _REFS, _CHILD, _CHILDREN, _OTHER = range(5)
_WALKS: dict[type, tuple[tuple[str, int, Any], ...]] = {}


def _walk_of(cls: type) -> tuple[tuple[str, int, Any], ...]:
    """How to find a class's references: a step per field that may hold some (made once)."""
    try:
        return _WALKS[cls]
    except KeyError:
        pass
    steps: list[tuple[str, int, Any]] = []
    for name, kind in declared_walks(cls):
        item = kind.item if isinstance(kind, Many) else None
        if isinstance(kind, Ref):
            steps.append((name, _REF, kind.targets))
        elif isinstance(item, Ref):
            steps.append((name, _REFS, item.targets))
        elif isinstance(kind, Child):
            steps.append((name, _CHILD, None))
        elif isinstance(item, Child):
            steps.append((name, _CHILDREN, None))
        else:  # any other kind that walks: as it finds its references itself
            steps.append((name, _OTHER, kind))
    _WALKS[cls] = found = tuple(steps)
    return found


def _read(record_id: str, targets: tuple[str, ...], seen: dict[str, set[str]]) -> bool:
    """Whether an id was read already in one of the target collections."""
    for target in targets:  # a loop, not a generator: asked of every reference read
        ids = seen.get(target)
        if ids is not None and record_id in ids:
            return True
    return False


def _all_read(values: tuple[Any, ...], targets: tuple[str, ...], seen: dict[str, set[str]]) -> bool:
    """Whether one target collection's ids read hold every item of a list of references.

    One test in C: most lists name ids read already, of one collection.
    """
    for target in targets:
        ids = seen.get(target)
        if ids is not None:
            try:
                if ids.issuperset(values):
                    return True
            except TypeError:  # an unhashable item, of a record built as far as it decoded
                return False
    return False


def _open_items(
    values: tuple[Any, ...],
    at: str,
    targets: tuple[str, ...],
    seen: dict[str, set[str]],
    out: list[tuple[Any, ...]],
) -> None:
    """The items of a list of references to no id read yet, at ``at`` and their index."""
    for index, item in enumerate(values):
        if isinstance(item, str) and not _read(item, targets, seen):
            out.append((f"{at}{index}", item, targets))


_Walker = Callable[[Any, str, dict[str, set[str]], list[tuple[Any, ...]]], None]
_WALKERS: dict[type, _Walker | None] = {}


def _walker_of(cls: type) -> _Walker | None:
    """The function that finds a class's open references (``_open``), generated once per class.

    It runs the steps of ``_walk_of`` without a loop over them: a line or two per
    field, as the decoders are generated per class. ``None`` for a class whose
    objects hold no reference.
    """
    try:
        return _WALKERS[cls]
    except KeyError:
        pass
    steps = _walk_of(cls)
    if not steps:
        _WALKERS[cls] = None
        return None
    namespace: dict[str, Any] = {
        "_read": _read,
        "_all_read": _all_read,
        "_open_items": _open_items,
        "_walker_of": _walker_of,
    }
    lines = ["def walk(record, prefix, seen, out):"]
    for number, (name, step, targets) in enumerate(steps):
        namespace[f"T{number}"] = targets
        lines.append(f"    v = record.{name}")
        if step == _REF:
            if len(targets) == 1:
                test = f"v not in seen.get({targets[0]!r}, ())"
            else:
                test = f"not _read(v, T{number}, seen)"
            lines.append(f"    if v is not None and isinstance(v, str) and {test}:")
            lines.append(f"        out.append((prefix + {name!r}, v, T{number}))")
            continue
        lines.append("    if v is not None and v != ():")
        if step == _REFS:
            lines.append(f"        if not _all_read(v, T{number}, seen):")
            lines.append(
                f"            _open_items(v, prefix + {name + '/'!r}, T{number}, seen, out)"
            )
        elif step == _CHILD:
            lines.append("        w = _walker_of(type(v))")
            lines.append("        if w is not None:")
            lines.append(f"            w(v, prefix + {name + '/'!r}, seen, out)")
        elif step == _CHILDREN:
            lines.append("        for index, item in enumerate(v):")
            lines.append("            w = _walker_of(type(item)) if item is not None else None")
            lines.append("            if w is not None:")
            lines.append(f"                w(item, f'{{prefix}}{name}/{{index}}/', seen, out)")
        else:  # any other kind that walks: as it finds its references itself
            lines.append(f"        for found in T{number}.references(v, prefix + {name!r}):")
            lines.append("            if not _read(found[1], found[2], seen):")
            lines.append("                out.append(found)")
    filename = f"<gcm_model references of {cls.__module__}.{cls.__qualname__}>"
    walker: _Walker = define("\n".join(lines) + "\n", filename, namespace, "walk")
    _WALKERS[cls] = walker
    return walker


def _open(
    record: object, prefix: str, seen: dict[str, set[str]], out: list[tuple[Any, ...]]
) -> None:
    """The references of a record (nested included) to no id read yet, as ``references`` has them.

    Only those may dangle: ids are only ever added, so a reference to an id
    read already resolves whatever comes after. The pointer of a reference is
    written only for those kept. A list of references to ids read already is
    cleared in one test (``_all_read``).
    """
    walker = _walker_of(type(record))
    if walker is not None:
        walker(record, prefix, seen, out)


def _unresolved(gathered: Facts, fact: Located | tuple[Any, ...]) -> tuple[Any, ...] | None:
    """A record's references to no id read yet, with where it is; or a record of unknown id.

    Asked of the record as it is read, then of what was kept of it whenever an
    id it waits for is read.
    """
    seen = gathered.seen
    spot: Place
    if isinstance(fact, Located):
        spot = fact.spot
        found: list[tuple[Any, ...]] = []
        _open(fact.record, "", seen, found)
        named = fact.knows("id")
    else:
        spot, kept = fact
        found = [
            reference
            for reference in kept
            if not (
                reference[1] in seen.get(reference[2][0], ())
                if len(reference[2]) == 1
                else _read(reference[1], reference[2], seen)
            )
        ]
        if len(found) == len(kept):
            return fact
        named = gathered.knows(spot, "id")
    if found or not named:
        return (spot, tuple(found))
    return None


def _waits(fact: tuple[Any, ...]) -> Iterator[str]:
    """The ids a record's open references name."""
    return (reference[1] for reference in fact[1])


@facts("dangling-reference", *COLLECTIONS, prune=_unresolved, waits=_waits)
def _references(located: Located) -> Located:
    """The record for now: ``_unresolved`` keeps, as it is gathered, what may dangle of it."""
    return located


_NEAR_WINDOW = 50
"""Among more than twice this many ids, the hint looks at this many either side in sorted order."""


def _near_ids(record_id: str, candidates: list[str]) -> list[str]:
    """Up to three ids like a dangling one, for the hint.

    Among a hundred ids, the closest of all; among more, the closest of
    the ids next to it in sorted order (ids alike in their beginning), so that
    a large dataset's hints cost the same per reference as a small one's.
    """
    if len(candidates) > 2 * _NEAR_WINDOW:
        at = bisect.bisect_left(candidates, record_id)
        candidates = candidates[max(0, at - _NEAR_WINDOW) : at + _NEAR_WINDOW]
    return close_matches(record_id, candidates, n=3)


@judge("dangling-reference")
def _dangling(context: Context, gathered: Facts, rule: Rule) -> Iterator[Issue]:
    known = gathered.known
    facts = list(gathered.of("dangling-reference"))
    unsure = {gathered.collection(spot) for spot, _ in facts if not gathered.knows(spot, "id")}
    ids_of: dict[tuple[str, ...], list[str]] = {}  # sorted once per set of target collections
    for spot, found in facts:
        for tail, record_id, targets in found:
            if not any(record_id in known[t] or t in unsure for t in targets):
                kinds = " or ".join(targets)
                candidates = ids_of.get(targets)
                if candidates is None:
                    candidates = ids_of[targets] = sorted(i for t in targets for i in known[t])
                near = _near_ids(str(record_id), candidates)
                yield context.issue(
                    rule,
                    spot,
                    tail,
                    f"{record_id!r} is not the id of any of the dataset's {kinds}",
                    value=record_id,
                    hint=f"ids close to it: {', '.join(near)}"
                    if near
                    else _no_near(candidates, targets),
                )


def _no_near(ids: list[str], targets: tuple[str, ...]) -> str:
    """Where a reference that names no id near one of the dataset's can point (``ids``, sorted)."""
    kinds = " or ".join(targets)
    if not ids:
        return f"the dataset has no {kinds}: add the record it names, or leave the reference out"
    shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
    return f"ids of the dataset's {kinds}: {shown}"


_EVALUATION, _SIDE_EVENT, _CONSULTATION = (
    EventKind.EVALUATION.value,
    EventKind.SIDE_EVENT.value,
    EventKind.CONSULTATION.value,
)
"""The kinds of event the judges compare facts with (which hold values: ``plain``)."""


# -- chronology across records -----------------------------------------------------------------


@facts("chronology", "meetings", "events", "reports", by_id=("meetings",))
def _chronology_facts(located: Located) -> tuple[Any, ...] | None:
    record = located.record
    if located.collection == "meetings":
        return _by_id(record.start, record.end)
    if located.collection == "events":
        return (located.spot, plain(record.kind), record.start, shared(record.meeting))
    if record.issued is None:
        return None
    return (located.spot, record.issued, shared(record.meetings))


@judge("chronology")
def _chronology(context: Context, gathered: Facts, rule: Rule) -> Iterator[Issue]:
    meetings = gathered.by_id("chronology", "meetings")
    for spot, kind, start, meeting_id in gathered.of("chronology", "events"):
        meeting = meetings.get(meeting_id) if isinstance(meeting_id, str) else None
        if meeting is None or start is None or meeting[1] is None:
            continue
        _, meeting_start, meeting_end = meeting
        if kind == _EVALUATION:
            end = meeting_end if meeting_end is not None else meeting_start
            if _before(start, end):
                yield context.issue(
                    rule,
                    spot,
                    "start",
                    f"the evaluation session starts before the meeting it evaluates ends ({end})",
                    value=str(start),
                    hint=f"a start after {end}, or meeting: the id of the meeting it evaluates "
                    f"(now {meeting_id!r})",
                )
        elif kind not in (None, _SIDE_EVENT) and _before(meeting_start, start):
            yield context.issue(
                rule,
                spot,
                "start",
                f"the {kind.replace('_', '-')} comes after the meeting it prepares "
                f"({meeting_start})",
                value=str(start),
                hint=f"a start before {meeting_start}, or meeting: the id of the meeting it "
                f"prepares (now {meeting_id!r})",
            )
    for spot, issued, meeting_ids in gathered.of("chronology", "reports"):
        for index, meeting_id in enumerate(meeting_ids):
            meeting = meetings.get(meeting_id) if isinstance(meeting_id, str) else None
            if meeting is None or meeting[1] is None:
                continue
            if _before(issued, meeting[1]):
                yield context.issue(
                    rule,
                    spot,
                    "issued",
                    f"issued {issued}, before meeting {meeting_id!r} it reports on ({meeting[1]})",
                    value=str(issued),
                    hint=f"meetings/{index} names the meeting",
                )


# -- meetings -----------------------------------------------------------------------------------


@facts("objective-coverage", "events")
def _consultation(located: Located) -> tuple[Any, ...] | None:
    """A consultation's review and objectives; ``None`` for objectives that may be unknown."""
    event = located.record
    if not located.knows("review"):
        return (located.spot, None, None)  # some review's coverage is not known
    if event.review is not None and not located.knows("kind", "objectives"):
        return (located.spot, shared(event.review), None)  # its review's coverage is unknown
    if event.kind is EventKind.CONSULTATION and event.objectives and event.review is not None:
        return (located.spot, shared(event.review), tuple(event.objectives))
    return None


@judge("objective-coverage")
def _consultations_coverage(context: Context, gathered: Facts, rule: Rule) -> Iterator[Issue]:
    consultations: dict[str, list[tuple[Place, tuple[int, ...]]]] = {}
    uncertain: set[str] = set()  # reviews with an event whose kind or objectives are unknown
    for spot, review, objectives in gathered.of("objective-coverage", "events"):
        if objectives is None:
            uncertain.add(review)
        else:
            consultations.setdefault(review, []).append((spot, objectives))
    for review_id, events in consultations.items():
        if review_id in uncertain or None in uncertain:  # None: an event of any review
            continue
        missing, _ = _cover([n for _, objectives in events for n in objectives])
        if missing:
            review = gathered.first["reviews"].get(review_id, events[0][0])
            yield context.issue(
                rule,
                review,
                "",
                f"the consultations of review {review_id!r} leave objective(s) "
                f"{_objectives(missing)} uncovered",
                value=missing,
                hint=_in_clusters(missing),
            )


def _members(commissions: Any, day: dt.date | None) -> frozenset[str]:
    try:
        return _members_of(commissions, day)
    except TypeError:  # unhashable commissions: not a checked record, work it out uncached
        return _members_of.__wrapped__(commissions, day)


@functools.lru_cache(maxsize=1024)
def _members_of(commissions: tuple[str, ...], day: dt.date | None) -> frozenset[str]:
    """The members of any of the commissions on a day (the same for many meetings: cached)."""
    found: set[str] = set()
    for code in commissions:
        commission = registry.commissions.get(code)
        if commission is not None:
            found.update(commission.members(day))
    return frozenset(found)


def _member_of(country: object, day: dt.date | None) -> str:
    """Which commissions a country belongs to on a day, as a hint says it."""
    found = [
        c.code
        for c in registry.commissions
        if isinstance(country, str) and country in c.members(day)
    ]
    return (
        f"{country} is a member of {' and '.join(found)}"
        if found
        else f"{country} is a member of no regional commission"
    ) + (f" on {day}" if day else "")


@facts("commission-membership", "meetings", "participants", by_id=("participants",))
def _membership_facts(located: Located) -> tuple[Any, ...] | None:
    record = located.record
    if located.collection == "participants":
        return shared_values(record.country)
    if not record.commissions:
        return None
    at = tuple(i for i, segment in enumerate(record.agenda) if isinstance(segment, ThematicSession))
    speakers = tuple(record.agenda[i].member_state_speaker for i in at)
    commissions, co_chairs = shared(record.commissions), shared(record.co_chairs)
    return (located.spot, commissions, _meeting_day(record), co_chairs, shared(at), speakers)


@judge("commission-membership")
def _membership(context: Context, gathered: Facts, rule: Rule) -> Iterator[Issue]:
    countries = gathered.by_id("commission-membership", "participants")
    for spot, commissions, meeting_day, co_chairs, at, speakers in gathered.of(
        "commission-membership", "meetings"
    ):
        day = context.as_of or meeting_day
        members = _members(commissions, day)
        convening = "/".join(commissions)
        for index, country in enumerate(co_chairs):
            if country not in members:
                yield context.issue(
                    rule,
                    spot,
                    f"co_chairs/{index}",
                    f"presiding State {country} is not a member of {convening} on {day}",
                    value=country,
                    hint=_member_of(country, day),
                )
        for index, speaker_id in zip(at, speakers, strict=True):
            found = countries.get(speaker_id) if isinstance(speaker_id, str) else None
            country = found[1] if found is not None else None
            if country is not None and country not in members:
                yield context.issue(
                    rule,
                    spot,
                    f"agenda/{index}/member_state_speaker",
                    f"the Member State speaker represents {country}, not a member of {convening}",
                    value=country,
                    hint=_member_of(country, day),
                )


def _speaking(meeting: Any) -> list[str]:
    """Participant ids of a meeting's speakers, moderators and panellists."""
    found: list[str] = []
    for segment in meeting.agenda:
        for field in ("speakers", "panellists"):
            found.extend(getattr(segment, field, ()))
        for field in ("moderator", "member_state_speaker"):
            person = getattr(segment, field, None)
            if person is not None:
                found.append(person)
    return list(dict.fromkeys(found))


@facts("balance", "meetings", "participants", by_id=("participants",))
def _balance_facts(located: Located) -> tuple[Any, ...] | None:
    record = located.record
    if located.collection == "participants":
        gender = record.gender.value if record.gender is not None else None
        return shared_values(gender, record.country)
    return (located.spot, tuple(_speaking(record)))


@judge("balance")
def _balance(context: Context, gathered: Facts, rule: Rule) -> Iterator[Issue]:
    share = context.parameter(rule, "max_share")
    enough = context.parameter(rule, "min_people")
    aspects = ("gender", "country") if context.parameter(rule, "gender") else ("country",)
    participants = gathered.by_id("balance", "participants")
    for spot, speaking in gathered.of("balance", "meetings"):
        people = [participants.get(p) for p in speaking]
        known = [p for p in people if p is not None]
        for what in aspects:
            position = 1 if what == "gender" else 2
            values = [p[position] for p in known if p[position] is not None]
            if len(values) < enough:
                continue
            top, count = Counter(values).most_common(1)[0]
            if count / len(values) > share:
                yield context.issue(
                    rule,
                    spot,
                    "agenda",
                    f"{count} of {len(values)} speakers and moderators share the {what} {top!r}",
                    value=top,
                    hint=f"more than {share:.0%} counts as an imbalance: this project's choice, "
                    "not the Compact's (the parameter max_share)",
                )


# -- reviews ------------------------------------------------------------------------------------


@functools.cache
def _expected_categories() -> tuple[str, ...]:
    """The stakeholder categories a review should hear from: all but ``other`` (read once)."""
    return tuple(c.code for c in registry.stakeholders if c.code != "other")


def _review_of(located: Located) -> str | None:
    review = located.record.review
    return shared(review) if isinstance(review, str) else None


@facts(
    "stakeholder-coverage",
    "participants",
    "reviews",
    "meetings",
    "events",
    "submissions",
    by_id=("meetings", "events"),
)
def _stakeholder_facts(located: Located) -> tuple[Any, ...] | None:
    """What a review heard: a participant's category and gatherings; a review; a part of one.

    A part (meeting, event, submission) is ``(review, known, categories)``, ``known``
    false where its id, categories or review are not known in full (a meeting's or
    event's id is the index's).
    """
    record = located.record
    collection = located.collection
    if collection == "participants":
        if not located.knows("category", "events"):
            return (None, None)  # a category heard may be the one that is unknown
        category = record.category
        return shared_values(category, tuple(record.events)) if category is not None else None
    if collection == "reviews":
        return (located.spot, shared(record.id))  # shared with the references to it
    review = _review_of(located) if located.knows("review") else None
    if review is None:  # a part of no review; or of one not known, which heard who knows what
        return None if located.knows("review") else (None, False, ())
    known = located.knows("id", "categories", "category")
    if collection == "submissions":
        return (review, known, shared((record.category,)) if record.category else ())
    categories = tuple(record.categories) if collection == "events" else ()
    return shared_values(review, known, categories)


def _review_parts(gathered: Facts) -> tuple[dict[str, set[str]], dict[str, set[str]], set[str]]:
    """What each review's parts say: where they gathered, what they heard, what is unknown.

    Returns:
        Per review id, its meetings and events; per review id, the categories its events
        and submissions heard; and the reviews with a part not known in full.
    """
    slug = "stakeholder-coverage"
    places: dict[str, set[str]] = {}
    heard: dict[str, set[str]] = {}
    uncertain: set[str] = set()
    parts = itertools.chain(
        gathered.with_ids(slug, "meetings"),
        gathered.with_ids(slug, "events"),
        ((None, fact) for fact in gathered.of(slug, "submissions")),
    )
    for part_id, (review, known, categories) in parts:
        if part_id is not None:
            places.setdefault(review, set()).add(part_id)
        heard.setdefault(review, set()).update(categories)
        if not known:
            uncertain.add(review)
    return places, heard, uncertain


@judge("stakeholder-coverage")
def _stakeholders(context: Context, gathered: Facts, rule: Rule) -> Iterator[Issue]:
    slug = "stakeholder-coverage"
    categories_at: dict[str, set[str]] = {}  # meeting or event id -> categories present
    for category, gatherings in gathered.of(slug, "participants"):
        if gatherings is None:
            return  # a category heard may be the one that is unknown
        for gathering in gatherings:
            categories_at.setdefault(gathering, set()).add(category)
    places, heard, uncertain = _review_parts(gathered)
    if None in uncertain:
        return  # a part whose review is unknown may be any review's
    for spot, review_id in gathered.of(slug, "reviews"):
        if (
            not gathered.knows(spot, "id", "categories", "category", "review")
            or review_id in uncertain
        ):
            continue  # what the review heard is not known in full
        gatherings = places.get(review_id, set()) if isinstance(review_id, str) else set()
        seen = set().union(*(categories_at.get(g, set()) for g in gatherings))
        seen |= heard.get(review_id, set()) if isinstance(review_id, str) else set()
        missing = [code for code in _expected_categories() if code not in seen]
        if missing:
            named = ", ".join(sorted(seen)) if seen else "none"
            yield context.issue(
                rule,
                spot,
                "",
                f"no participant or submission of review {review_id!r} from: {', '.join(missing)}",
                value=missing,
                hint=f"categories heard, through the review's events and submissions: {named}",
            )


@facts("review-cadence", "meetings")
def _cadence_facts(located: Located) -> tuple[Any, ...] | None:
    meeting = located.record
    day = _meeting_day(meeting)
    if meeting.kind is not MeetingKind.REGIONAL_REVIEW or day is None:
        return None
    return (located.spot, day, shared(meeting.round), shared(meeting.commissions))


@judge("review-cadence")
def _cadence(context: Context, gathered: Facts, rule: Rule) -> Iterator[Issue]:
    seen: dict[tuple[str, str], Place] = {}
    for spot, day, round_code, commissions in gathered.of("review-cadence", "meetings"):
        expected = registry.rounds.for_year(day.year) if day.year >= 2020 else None
        if expected is None or (round_code is not None and round_code != expected.code):
            yield context.issue(
                rule,
                spot,
                "round",
                f"a regional review held in {day.year} belongs to "
                f"{expected.code if expected else 'no round (they began in 2020)'}, "
                f"not {round_code}",
                value=round_code,
                hint=(
                    f"round: {expected.code}, or the meeting's start corrected if {day} is wrong"
                    if expected
                    else f"the meeting's start corrected if {day} is wrong"
                ),
            )
        key_round = round_code or (expected.code if expected else "")
        for commission in commissions:
            key = (commission, key_round)
            if key in seen:
                first = gathered.id_of(seen[key])
                yield context.issue(
                    rule,
                    spot,
                    "commissions",
                    f"a second regional review meeting of {commission} in {key_round} "
                    f"(the first is {first})",
                    value=commission,
                    hint=f"one record for the two if they are one meeting; else the round or "
                    f"the commissions of {gathered.id_of(spot)} or {first} corrected",
                )
            else:
                seen[key] = spot


def _review_facts(located: Located) -> tuple[Any, ...] | None:
    """A review's place and id, or an event's review and kind (``None``: unknown)."""
    if located.collection == "reviews":
        return (located.spot, shared(located.record.id))  # shared with the references to it
    if not located.knows("review"):
        return (None, None)  # an event of some review, of any kind
    review = _review_of(located)
    kind = plain(located.record.kind) if located.knows("kind") else None
    return shared_values(review, kind) if review is not None else None


facts("consultations", "reviews", "events")(_review_facts)
facts("evaluation-session", "reviews", "events")(_review_facts)


def _kinds_by_review(gathered: Facts, slug: str) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for review, kind in gathered.of(slug, "events"):
        found.setdefault(review, []).append(kind)
    return found


@judge("consultations")
def _consultations(context: Context, gathered: Facts, rule: Rule) -> Iterator[Issue]:
    minimum = context.parameter(rule, "minimum")
    kinds = _kinds_by_review(gathered, "consultations")
    if None in kinds:
        return  # an event whose review is unknown may be any review's consultation
    for spot, review_id in gathered.of("consultations", "reviews"):
        events = kinds.get(review_id, []) if isinstance(review_id, str) else []
        if not gathered.knows(spot, "id") or None in events:
            continue  # its events are unknown, or one of unknown kind may be a consultation
        count = events.count(_CONSULTATION)
        if count < minimum:
            others = sorted(set(events) - {_CONSULTATION})
            yield context.issue(
                rule,
                spot,
                "",
                f"{count} multi-stakeholder consultation(s) in review {review_id!r}; "
                f"at least {minimum} expected",
                value=count,
                hint=(
                    f"its other events are of kind {', '.join(others)}; only kind "
                    "consultation counts"
                    if others
                    else f"{minimum - count} more event(s) of kind consultation with "
                    f"review: {review_id!r}"
                ),
            )


@judge("evaluation-session")
def _evaluation(context: Context, gathered: Facts, rule: Rule) -> Iterator[Issue]:
    kinds = _kinds_by_review(gathered, "evaluation-session")
    if None in kinds:
        return  # an event whose review is unknown may be any review's evaluation
    for spot, review_id in gathered.of("evaluation-session", "reviews"):
        events = kinds.get(review_id, []) if isinstance(review_id, str) else []
        if not gathered.knows(spot, "id") or None in events:
            continue  # its events are unknown, or one of unknown kind may be the evaluation
        if _EVALUATION not in events:
            yield context.issue(
                rule,
                spot,
                "",
                f"review {review_id!r} has no stakeholder evaluation session",
                hint=f"an event of kind evaluation with review: {review_id!r}"
                + (f"; its events are of kind {_kinds(events)}" if events else ""),
            )


def _kinds(kinds: list[Any]) -> str:
    return ", ".join(sorted(set(kinds)))


# -- reports -----------------------------------------------------------------------------------


@facts("report-deadline", "meetings", "reports", by_id=("meetings",))
def _deadline_facts(located: Located) -> tuple[Any, ...] | None:
    record = located.record
    if located.collection == "meetings":
        return _by_id(day_of(record.end or None) or _meeting_day(record))
    issued = day_of(record.issued)
    if record.kind is not ReportKind.OUTCOME_REPORT or issued is None:
        return None
    return (located.spot, record.issued, issued, shared(record.meetings))


@judge("report-deadline")
def _report_deadline(context: Context, gathered: Facts, rule: Rule) -> Iterator[Issue]:
    days = dt.timedelta(days=context.parameter(rule, "days"))
    ends = gathered.by_id("report-deadline", "meetings")
    for spot, moment, issued, meeting_ids in gathered.of("report-deadline", "reports"):
        for meeting_id in meeting_ids:
            found = ends.get(meeting_id) if isinstance(meeting_id, str) else None
            end = found[1] if found is not None else None
            if end is not None and issued - end > days:
                yield context.issue(
                    rule,
                    spot,
                    "issued",
                    f"issued {issued}, {(issued - end).days} days after meeting {meeting_id!r} "
                    f"ended on {end}; at most {days.days} days are asked",
                    value=str(moment),
                    hint=f"due by {end + days}",
                )
