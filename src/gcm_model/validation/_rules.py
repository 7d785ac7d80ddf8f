"""The rules that need the whole dataset, a policy or a date, one function per slug.

Each function takes the context and its rule and yields issues. Rules that
compare records use the context's indexes, never nested loops over records:
validating N records costs O(N log N) at worst.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from gcm_model import registry
from gcm_model._text import close_matches
from gcm_model.errors import json_path
from gcm_model.models.checks import out_of_order
from gcm_model.models.kinds import references
from gcm_model.models.process import (
    EventKind,
    Hearing,
    IntergovernmentalConference,
    Meeting,
    MeetingKind,
    PreparatoryEvent,
    RegionalReview,
    ThematicSession,
)
from gcm_model.models.reports import Report, ReportKind
from gcm_model.validation._catalogue import Rule
from gcm_model.validation._context import Context, Located
from gcm_model.validation._report import Issue
from gcm_model.validation._rules_review import CHECKS as _REVIEW_CHECKS

__all__ = ["CHECKS"]

Check = Callable[[Context, Rule], Iterator[Issue]]
CHECKS: dict[str, Check] = dict(_REVIEW_CHECKS)
"""Every rule's function by slug: these and ``_rules_review``'s (the review cycle, summary
reports, accreditation, the opening and closing)."""


def check(slug: str) -> Callable[[Check], Check]:
    """Register the function of a rule."""

    def register(function: Check) -> Check:
        CHECKS[slug] = function
        return function

    return register


# -- time helpers ----------------------------------------------------------------------------


def _day(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _before(a: object, b: object) -> bool:
    """Whether ``a`` is before ``b``: as instants when both have a time, else by day."""
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        return a < b
    day_a, day_b = _day(a), _day(b)
    return day_a is not None and day_b is not None and day_a < day_b


def _meeting_day(meeting: Meeting) -> dt.date | None:
    return _day(meeting.start)


def _objectives(numbers: object) -> str:
    return ", ".join(str(n) for n in sorted(numbers))  # type: ignore[call-overload]


def _in_clusters(missing: list[int]) -> str:
    """Where the missing objectives belong: their round-table clusters, and whose they are."""
    found: dict[int, list[int]] = {}
    for number in missing:
        for cluster in registry.clusters:
            if number in cluster.objectives:
                found.setdefault(cluster.number, []).append(number)
    parts = [
        f"objective{'s' if len(numbers) > 1 else ''} {_objectives(numbers)} "
        f"{'are' if len(numbers) > 1 else 'is'} in round-table cluster {cluster} "
        f"(objectives {_objectives(registry.clusters.lookup(cluster).objectives)})"
        for cluster, numbers in sorted(found.items())
    ]
    return (
        f"{'; '.join(parts)}; the four round tables of {registry.cite('a-res-73-326')} "
        "together cover objectives 1 to 23"
    )


# -- records and references --------------------------------------------------------------------


@check("duplicate-id")
def _duplicate_ids(context: Context, rule: Rule) -> Iterator[Issue]:
    for collection, seen in context.raw_ids.items():
        first: dict[str, Located | None] = {}
        for record_id, located in seen:
            if record_id in first and located is not None:
                earlier = first[record_id]
                yield context.issue(
                    rule,
                    located,
                    "id",
                    f"another record of {collection} has the id {record_id!r}",
                    value=record_id,
                    hint=(
                        f"the first record with this id is at {json_path(earlier.pointer)}"
                        if earlier is not None
                        else f"an earlier record of {collection} that could not be read has it"
                    ),
                )
            first.setdefault(record_id, located)


@check("dangling-reference")
def _dangling(context: Context, rule: Rule) -> Iterator[Issue]:
    for located in context.records:
        for tail, record_id, targets in references(located.record):
            if not any(record_id in context.ids[t] or t in context.unsure_ids for t in targets):
                kinds = " or ".join(targets)
                ids = sorted(i for t in targets for i in context.ids[t])
                near = close_matches(str(record_id), ids, n=3)
                yield context.issue(
                    rule,
                    located,
                    tail,
                    f"{record_id!r} is not the id of any of the dataset's {kinds}",
                    value=record_id,
                    hint=f"ids close to it: {', '.join(near)}" if near else None,
                )


# -- chronology across records ---------------------------------------------------------------------


@check("chronology")
def _chronology(context: Context, rule: Rule) -> Iterator[Issue]:
    yield from _segments_in_meetings(context, rule)
    yield from _events_around_meetings(context, rule)
    yield from _reports_after_meetings(context, rule)


def _segments_in_meetings(context: Context, rule: Rule) -> Iterator[Issue]:
    for located in context.by_collection["meetings"]:
        meeting: Meeting = located.record
        if out_of_order(meeting.start, meeting.end):
            continue  # the meeting's own chronology is at fault, and reported: no span to judge by
        for index, segment in enumerate(meeting.agenda):
            for field in ("start", "end"):
                moment = getattr(segment, field)
                if moment is None:
                    continue
                early = meeting.start is not None and _before(moment, meeting.start)
                late = meeting.end is not None and _before(meeting.end, moment)
                if early or late:
                    yield context.issue(
                        rule,
                        located,
                        f"agenda/{index}/{field}",
                        f"the {segment.kind} {field}s at {moment}, outside the meeting "
                        f"({meeting.start} to {meeting.end})",
                        value=str(moment),
                    )


def _events_around_meetings(context: Context, rule: Rule) -> Iterator[Issue]:
    for located in context.by_collection["events"]:
        event: PreparatoryEvent = located.record
        meeting: Meeting | None = context.get("meetings", event.meeting)
        if meeting is None or event.start is None or meeting.start is None:
            continue
        if event.kind is EventKind.EVALUATION:
            end = meeting.end if meeting.end is not None else meeting.start
            if _before(event.start, end):
                yield context.issue(
                    rule,
                    located,
                    "start",
                    f"the evaluation session starts before the meeting it evaluates ends ({end})",
                    value=str(event.start),
                )
        elif event.kind not in (None, EventKind.SIDE_EVENT) and _before(meeting.start, event.start):
            yield context.issue(
                rule,
                located,
                "start",
                f"the {event.kind.value.replace('_', '-')} comes after the meeting it prepares "
                f"({meeting.start})",
                value=str(event.start),
            )


def _reports_after_meetings(context: Context, rule: Rule) -> Iterator[Issue]:
    for located in context.by_collection["reports"]:
        report: Report = located.record
        if report.issued is None:
            continue
        for index, meeting_id in enumerate(report.meetings):
            meeting: Meeting | None = context.get("meetings", meeting_id)
            if meeting is None or meeting.start is None:
                continue
            if _before(report.issued, meeting.start):
                yield context.issue(
                    rule,
                    located,
                    "issued",
                    f"issued {report.issued}, before meeting {meeting_id!r} it reports on "
                    f"({meeting.start})",
                    value=str(report.issued),
                    hint=f"meetings/{index} names the meeting",
                )


# -- meetings -----------------------------------------------------------------------------------


def _cover(numbers: list[int]) -> tuple[list[int], list[int]]:
    counts = Counter(numbers)
    missing = [n for n in range(1, 24) if n not in counts]
    twice = sorted(n for n, c in counts.items() if c > 1)
    return missing, twice


@check("cluster-objectives")
def _cluster_objectives(context: Context, rule: Rule) -> Iterator[Issue]:
    for located in context.by_collection["meetings"]:
        for index, segment in enumerate(located.record.agenda):
            if not isinstance(segment, ThematicSession) or segment.cluster is None:
                continue  # a session on objectives or priority areas has no cluster to follow
            cluster = registry.clusters.get(segment.cluster)
            if cluster is None:
                continue  # an unknown cluster: unknown-code says so
            for position, number in enumerate(segment.objectives):
                known = type(number) is int and 1 <= number <= 23  # else unknown-objective
                if not known or number in cluster.objectives:
                    continue
                home = registry.clusters.of_objective(number).number
                yield context.issue(
                    rule,
                    located,
                    f"agenda/{index}/objectives/{position}",
                    f"objective {number} is in cluster {home}, not cluster {cluster.number}",
                    value=number,
                    hint="a session on objectives of several clusters gives them without a cluster",
                )


@check("objective-coverage")
def _coverage(context: Context, rule: Rule) -> Iterator[Issue]:
    yield from _sessions_cover(context, rule)
    yield from _consultations_cover(context, rule)


def _sessions_cover(context: Context, rule: Rule) -> Iterator[Issue]:
    for located in context.by_collection["meetings"]:
        sessions = located.record.thematic_sessions
        if not sessions or not located.knows("agenda"):
            continue
        missing, twice = _cover([n for s in sessions for n in s.objectives])
        if missing:
            yield context.issue(
                rule,
                located,
                "agenda",
                f"the thematic sessions leave objective(s) {_objectives(missing)} uncovered",
                value=missing,
                hint=_in_clusters(missing),
            )
        if twice:
            where = [
                f"objective {n} in sessions "
                + " and ".join(
                    str(s.number or i + 1) for i, s in enumerate(sessions) if n in s.objectives
                )
                for n in twice
            ]
            yield context.issue(
                rule,
                located,
                "agenda",
                f"the thematic sessions cover objective(s) {_objectives(twice)} more than once",
                value=twice,
                hint="; ".join(where),
            )


def _consultations_cover(context: Context, rule: Rule) -> Iterator[Issue]:
    consultations: dict[str, list[Located]] = {}
    uncertain: set[str] = set()  # reviews with an event whose kind or objectives are unknown
    for located in context.by_collection["events"]:
        event: PreparatoryEvent = located.record
        if event.review is not None and not located.knows("kind", "objectives"):
            uncertain.add(event.review)
        if event.kind is EventKind.CONSULTATION and event.objectives and event.review is not None:
            consultations.setdefault(event.review, []).append(located)
    for review_id, events in consultations.items():
        if review_id in uncertain:
            continue
        missing, _ = _cover([n for e in events for n in e.record.objectives])
        if missing:
            review = context.index["reviews"].get(review_id, events[0])
            yield context.issue(
                rule,
                review,
                "",
                f"the consultations of review {review_id!r} leave objective(s) "
                f"{_objectives(missing)} uncovered",
                value=missing,
                hint=_in_clusters(missing),
            )


@check("segment-overlap")
def _overlap(context: Context, rule: Rule) -> Iterator[Issue]:
    for located in context.by_collection["meetings"]:
        timed = sorted(
            (
                (segment.start, segment.end, index, segment)
                for index, segment in enumerate(located.record.agenda)
                if isinstance(segment.start, dt.datetime)
                and isinstance(segment.end, dt.datetime)
                and not isinstance(segment, IntergovernmentalConference)
            ),
            key=lambda item: (item[0], item[2]),
        )
        latest: tuple[dt.datetime, int, Any] | None = None
        for start, end, index, segment in timed:
            if latest is not None and start < latest[0]:
                yield context.issue(
                    rule,
                    located,
                    f"agenda/{index}/start",
                    f"the {segment.kind} overlaps the {latest[2].kind} (agenda/{latest[1]}), "
                    f"which ends at {latest[0].time()}",
                    value=str(start),
                )
            if latest is None or end > latest[0]:
                latest = (end, index, segment)


@check("co-chairs")
def _co_chairs(context: Context, rule: Rule) -> Iterator[Issue]:
    for located in context.by_collection["meetings"]:
        chairs = located.record.co_chairs
        if chairs and len(set(chairs)) != 2:
            yield context.issue(
                rule,
                located,
                "co_chairs",
                f"{len(set(chairs))} co-chair(s); the concept note provides for two Member States",
                value=list(chairs),
            )


def _members(meeting: Meeting, as_of: dt.date | None) -> frozenset[str]:
    day = as_of or _meeting_day(meeting)
    try:
        return _members_of(meeting.commissions, day)
    except TypeError:  # unhashable commissions: not a checked record, work it out uncached
        return _members_of.__wrapped__(meeting.commissions, day)


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


@check("commission-membership")
def _membership(context: Context, rule: Rule) -> Iterator[Issue]:
    for located in context.by_collection["meetings"]:
        meeting: Meeting = located.record
        if not meeting.commissions:
            continue
        members = _members(meeting, context.as_of)
        convening = "/".join(meeting.commissions)
        for index, country in enumerate(meeting.co_chairs):
            if country not in members:
                yield context.issue(
                    rule,
                    located,
                    f"co_chairs/{index}",
                    f"presiding State {country} is not a member of {convening} on "
                    f"{context.as_of or _meeting_day(meeting)}",
                    value=country,
                    hint=_member_of(country, context.as_of or _meeting_day(meeting)),
                )
        for index, segment in enumerate(meeting.agenda):
            if not isinstance(segment, ThematicSession):
                continue
            speaker = context.get("participants", segment.member_state_speaker)
            if (
                speaker is not None
                and speaker.country is not None
                and speaker.country not in members
            ):
                yield context.issue(
                    rule,
                    located,
                    f"agenda/{index}/member_state_speaker",
                    f"the Member State speaker represents {speaker.country}, not a member of "
                    f"{convening}",
                    value=speaker.country,
                    hint=_member_of(speaker.country, context.as_of or _meeting_day(meeting)),
                )


@check("session-roles")
def _session_roles(context: Context, rule: Rule) -> Iterator[Issue]:
    for located in context.by_collection["meetings"]:
        for index, segment in enumerate(located.record.agenda):
            if not isinstance(segment, ThematicSession):
                continue
            for field, who in (
                ("member_state_speaker", "Member State speaker to open it"),
                ("moderator", "stakeholder moderator"),
            ):
                if getattr(segment, field) is None:
                    yield context.issue(
                        rule,
                        located,
                        f"agenda/{index}/{field}",
                        f"thematic session {segment.number or index + 1} has no {who}",
                    )


def _lead(  # noqa: PLR0913 - the parts of one lead-time rule
    context: Context,
    rule: Rule,
    *,
    field: str,
    moment_of: Callable[[Meeting], object],
    minimum: dt.timedelta,
    what: str,
) -> Iterator[Issue]:
    """Issues where ``moment_of(meeting)`` falls less than ``minimum`` before the meeting."""
    for located in context.by_collection["meetings"]:
        meeting: Meeting = located.record
        moment = moment_of(meeting)
        start = _meeting_day(meeting)
        day = _day(moment)
        if start is None or day is None:
            continue
        if start - day < minimum:
            yield context.issue(
                rule,
                located,
                field,
                f"{what} {day}, {(start - day).days} days before the meeting on {start}; "
                f"at least {minimum.days} days are asked",
                value=str(moment),
                hint=f"{start - minimum} at the latest gives {minimum.days} days",
            )


@check("registration-lead-time")
def _registration(context: Context, rule: Rule) -> Iterator[Issue]:
    weeks = context.parameter(rule, "weeks")
    yield from _lead(
        context,
        rule,
        field="registration/opens",
        moment_of=lambda m: m.registration.opens if m.registration is not None else None,
        minimum=dt.timedelta(weeks=weeks),
        what="registration opened",
    )


@check("written-input-deadline")
def _written_inputs(context: Context, rule: Rule) -> Iterator[Issue]:
    days = context.parameter(rule, "days")
    yield from _lead(
        context,
        rule,
        field="written_inputs_due",
        moment_of=lambda m: m.written_inputs_due,
        minimum=dt.timedelta(days=days),
        what="written inputs are due",
    )


def _speaking(meeting: Meeting) -> list[str]:
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


@check("balance")
def _balance(context: Context, rule: Rule) -> Iterator[Issue]:
    share = context.parameter(rule, "max_share")
    enough = context.parameter(rule, "min_people")
    aspects = ("gender", "country") if context.parameter(rule, "gender") else ("country",)
    for located in context.by_collection["meetings"]:
        people = [context.get("participants", p) for p in _speaking(located.record)]
        people = [p for p in people if p is not None]
        for what in aspects:
            values = (
                [p.gender.value for p in people if p.gender is not None]
                if what == "gender"
                else [p.country for p in people if p.country is not None]
            )
            if len(values) < enough:
                continue
            top, count = Counter(values).most_common(1)[0]
            if count / len(values) > share:
                yield context.issue(
                    rule,
                    located,
                    "agenda",
                    f"{count} of {len(values)} speakers and moderators share the {what} {top!r}",
                    value=top,
                    hint=f"more than {share:.0%} counts as an imbalance: this project's choice, "
                    "not the Compact's (the parameter max_share)",
                )


@check("webcast")
def _webcast(context: Context, rule: Rule) -> Iterator[Issue]:
    for located in context.by_collection["meetings"]:
        if located.record.kind is MeetingKind.REGIONAL_REVIEW and located.record.webcast is False:
            yield context.issue(
                rule, located, "webcast", "the regional review meeting is not webcast"
            )
    for located in context.by_collection["events"]:
        if located.record.kind is EventKind.CONSULTATION and located.record.webcast is False:
            yield context.issue(
                rule, located, "webcast", "the stakeholder consultation is not webcast"
            )


@check("hearing-first")
def _hearing_first(context: Context, rule: Rule) -> Iterator[Issue]:
    for located in context.by_collection["meetings"]:
        agenda = located.record.agenda
        hearings = [i for i, s in enumerate(agenda) if isinstance(s, Hearing)]
        conferences = [
            i for i, s in enumerate(agenda) if isinstance(s, IntergovernmentalConference)
        ]
        if not conferences or located.record.kind is not MeetingKind.REGIONAL_REVIEW:
            continue
        conference = agenda[conferences[0]]
        if not hearings:
            yield context.issue(
                rule, located, "agenda", "no multi-stakeholder hearing precedes the conference"
            )
            continue
        hearing = agenda[hearings[0]]
        late = (
            _before(conference.start, hearing.start)
            if hearing.start is not None and conference.start is not None
            else hearings[0] > conferences[0]
        )
        if late:
            yield context.issue(
                rule,
                located,
                f"agenda/{hearings[0]}",
                "the multi-stakeholder hearing comes after the intergovernmental conference",
            )


@check("background-notes")
def _background_notes(context: Context, rule: Rule) -> Iterator[Issue]:
    for located in context.by_collection["meetings"]:
        for index, segment in enumerate(located.record.agenda):
            if isinstance(segment, ThematicSession) and segment.background_note is None:
                yield context.issue(
                    rule,
                    located,
                    f"agenda/{index}/background_note",
                    f"thematic session {segment.number or index + 1} has no background note",
                )


@check("rapporteur")
def _rapporteur(context: Context, rule: Rule) -> Iterator[Issue]:
    for located in context.by_collection["meetings"]:
        meeting: Meeting = located.record
        if meeting.kind is MeetingKind.REGIONAL_REVIEW and meeting.rapporteur is None:
            yield context.issue(
                rule, located, "rapporteur", "the meeting has no stakeholder rapporteur"
            )


@check("thematic-sessions")
def _four_sessions(context: Context, rule: Rule) -> Iterator[Issue]:
    for located in context.by_collection["meetings"]:
        meeting: Meeting = located.record
        if meeting.kind is not MeetingKind.REGIONAL_REVIEW:
            continue
        sessions = meeting.thematic_sessions
        clusters = sorted(s.cluster for s in sessions if s.cluster is not None)
        if clusters != [1, 2, 3, 4] or len(sessions) != len(clusters):
            others = len(sessions) - len(clusters)
            yield context.issue(
                rule,
                located,
                "agenda",
                f"thematic sessions on clusters {clusters or 'none'}"
                + (f" and {others} on no cluster" if others else "")
                + "; the concept note has one on each of the four round-table clusters",
                value=clusters,
            )


# -- reviews ------------------------------------------------------------------------------------


def _review_parts(context: Context) -> dict[str, dict[str, list[Located]]]:
    """Per review id: its meetings, events and submissions (indexed once per validation)."""
    return context.by_review


@functools.cache
def _expected_categories() -> tuple[str, ...]:
    """The stakeholder categories a review should hear from: all but ``other`` (read once)."""
    return tuple(c.code for c in registry.stakeholders if c.code != "other")


@check("stakeholder-coverage")
def _stakeholders(context: Context, rule: Rule) -> Iterator[Issue]:
    parts = _review_parts(context)
    categories_at: dict[str, set[str]] = {}  # meeting or event id -> categories present
    people = context.by_collection["participants"]
    if not all(person.knows("category", "events") for person in people):
        return  # a category heard may be the one that is unknown
    for person in people:
        if person.record.category is not None:
            for gathering in person.record.events:
                categories_at.setdefault(gathering, set()).add(person.record.category)
    for located in context.by_collection["reviews"]:
        review: RegionalReview = located.record
        mine = parts.get(review.id, {})
        records = [located, *(r for part in mine.values() for r in part)]
        if not all(r.knows("id", "categories", "category", "review") for r in records):
            continue  # what the review heard is not known in full
        gatherings = {r.record.id for c in ("meetings", "events") for r in mine.get(c, [])}
        seen = set().union(*(categories_at.get(g, set()) for g in gatherings))
        seen |= {c for e in mine.get("events", []) for c in e.record.categories}
        seen |= {s.record.category for s in mine.get("submissions", []) if s.record.category}
        missing = [code for code in _expected_categories() if code not in seen]
        if missing:
            heard = ", ".join(sorted(seen)) if seen else "none"
            yield context.issue(
                rule,
                located,
                "",
                f"no participant or submission of review {review.id!r} from: {', '.join(missing)}",
                value=missing,
                hint=f"categories heard, through the review's events and submissions: {heard}",
            )


@check("review-cadence")
def _cadence(context: Context, rule: Rule) -> Iterator[Issue]:
    seen: dict[tuple[str, str], Located] = {}
    for located in context.by_collection["meetings"]:
        meeting: Meeting = located.record
        day = _meeting_day(meeting)
        if meeting.kind is not MeetingKind.REGIONAL_REVIEW or day is None:
            continue
        expected = registry.rounds.for_year(day.year) if day.year >= 2020 else None
        if expected is None or (meeting.round is not None and meeting.round != expected.code):
            yield context.issue(
                rule,
                located,
                "round",
                f"a regional review held in {day.year} belongs to "
                f"{expected.code if expected else 'no round (they began in 2020)'}, "
                f"not {meeting.round}",
                value=meeting.round,
            )
        round_code = meeting.round or (expected.code if expected else "")
        for commission in meeting.commissions:
            key = (commission, round_code)
            if key in seen:
                yield context.issue(
                    rule,
                    located,
                    "commissions",
                    f"a second regional review meeting of {commission} in {round_code} "
                    f"(the first is {seen[key].id})",
                    value=commission,
                )
            else:
                seen[key] = located


@check("consultations")
def _consultations(context: Context, rule: Rule) -> Iterator[Issue]:
    minimum = context.parameter(rule, "minimum")
    parts = _review_parts(context)
    for located in context.by_collection["reviews"]:
        events = parts.get(located.record.id, {}).get("events", [])
        if not located.knows("id") or not all(e.knows("kind") for e in events):
            continue  # its events are unknown, or one of unknown kind may be a consultation
        count = sum(1 for e in events if e.record.kind is EventKind.CONSULTATION)
        if count < minimum:
            others = sorted({e.record.kind.value for e in events} - {EventKind.CONSULTATION.value})
            yield context.issue(
                rule,
                located,
                "",
                f"{count} multi-stakeholder consultation(s) in review {located.record.id!r}; "
                f"at least {minimum} expected",
                value=count,
                hint=(
                    f"its other events are of kind {', '.join(others)}; only kind "
                    "consultation counts"
                    if others
                    else None
                ),
            )


@check("evaluation-session")
def _evaluation(context: Context, rule: Rule) -> Iterator[Issue]:
    parts = _review_parts(context)
    for located in context.by_collection["reviews"]:
        events = parts.get(located.record.id, {}).get("events", [])
        if not located.knows("id") or not all(e.knows("kind") for e in events):
            continue  # its events are unknown, or one of unknown kind may be the evaluation
        if not any(e.record.kind is EventKind.EVALUATION for e in events):
            yield context.issue(
                rule,
                located,
                "",
                f"review {located.record.id!r} has no stakeholder evaluation session",
            )


# -- reports -----------------------------------------------------------------------------------


@check("report-deadline")
def _report_deadline(context: Context, rule: Rule) -> Iterator[Issue]:
    days = dt.timedelta(days=context.parameter(rule, "days"))
    for located in context.by_collection["reports"]:
        report: Report = located.record
        issued = _day(report.issued)
        if report.kind is not ReportKind.OUTCOME_REPORT or issued is None:
            continue
        for meeting_id in report.meetings:
            meeting = context.get("meetings", meeting_id)
            end = _day(meeting.end if meeting is not None and meeting.end else None) or (
                _meeting_day(meeting) if meeting is not None else None
            )
            if end is not None and issued - end > days:
                yield context.issue(
                    rule,
                    located,
                    "issued",
                    f"issued {issued}, {(issued - end).days} days after meeting {meeting_id!r} "
                    f"ended on {end}; at most {days.days} days are asked",
                    value=str(report.issued),
                    hint=f"due by {end + days}",
                )


_STRUCTURED = (ReportKind.OUTCOME_REPORT, ReportKind.REGIONAL_SUMMARY)


@check("report-structure")
def _report_structure(context: Context, rule: Rule) -> Iterator[Issue]:
    order = {kind.code: kind.order for kind in registry.report_section_kinds}
    for located in context.by_collection["reports"]:
        report: Report = located.record
        if report.kind not in _STRUCTURED or not report.sections or not located.knows("sections"):
            continue  # a section of unknown kind may be the one that seems missing
        kinds = [s.kind for s in report.sections if s.kind in order]
        missing = [code for code in order if code not in kinds]
        if missing:
            yield context.issue(
                rule,
                located,
                "sections",
                f"no section of the suggested kind(s): {', '.join(missing)}",
                value=missing,
                hint="the suggested order: " + ", ".join(order),
            )
        ranks = [order[k] for k in kinds if k in order]
        if ranks != sorted(ranks):
            yield context.issue(
                rule,
                located,
                "sections",
                "the sections are not in the suggested order: " + ", ".join(kinds),
                value=kinds,
                hint="the suggested order: " + ", ".join(code for code in order if code in kinds),
            )
