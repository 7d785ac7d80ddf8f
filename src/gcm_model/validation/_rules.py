"""The rules that judge one record at a time, against a policy or a date.

Each is a record check (``gcm_model.validation._context``): it takes the
context, its rule and one located record, and yields issues, as the record is
read. The rules that compare records with each other are in ``_judges``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING, Any

from gcm_model import registry
from gcm_model.dates import day_of
from gcm_model.models.checks import out_of_order
from gcm_model.models.process import (
    EventKind,
    Hearing,
    IntergovernmentalConference,
    Meeting,
    MeetingKind,
    ThematicSession,
)
from gcm_model.models.reports import Report, ReportKind
from gcm_model.validation._context import (
    CHECKS,
    Context,
    Located,
    check,
    facts,
    judge,
    per_record,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from gcm_model.validation._catalogue import Rule
    from gcm_model.validation._report import Issue

__all__ = ["CHECKS", "check", "facts", "judge", "per_record"]


# -- time helpers ----------------------------------------------------------------------------


def _before(a: object, b: object) -> bool:
    """Whether ``a`` is before ``b``: as instants when both have a time, else by day."""
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        return a < b
    day_a, day_b = day_of(a), day_of(b)
    return day_a is not None and day_b is not None and day_a < day_b


def _span(meeting: Meeting) -> str:
    """The time a meeting's segments fall in, in words."""
    if meeting.start is not None and meeting.end is not None:
        return f"from {meeting.start} to {meeting.end}"
    if meeting.start is not None:
        return f"on or after {meeting.start}"
    return f"on or before {meeting.end}"


def _meeting_day(meeting: Meeting) -> dt.date | None:
    return day_of(meeting.start)


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


# -- chronology within a meeting ---------------------------------------------------------------


@per_record("chronology", "meetings")
def _segments_in_meeting(context: Context, rule: Rule, located: Located) -> Iterator[Issue]:
    meeting: Meeting = located.record
    if out_of_order(meeting.start, meeting.end):
        return  # the meeting's own chronology is at fault, and reported: no span to judge by
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
                    hint=f"a time {_span(meeting)}, or the meeting's own dates corrected "
                    f"if the {segment.kind} is right",
                )


# -- meetings -----------------------------------------------------------------------------------


def _cover(numbers: list[int]) -> tuple[list[int], list[int]]:
    counts = Counter(numbers)
    missing = [n for n in range(1, 24) if n not in counts]
    twice = sorted(n for n, c in counts.items() if c > 1)
    return missing, twice


@per_record("cluster-objectives", "meetings")
def _cluster_objectives(context: Context, rule: Rule, located: Located) -> Iterator[Issue]:
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
            homes = [
                f"agenda/{i}"
                for i, other in enumerate(located.record.agenda)
                if isinstance(other, ThematicSession) and other.cluster == home
            ]
            yield context.issue(
                rule,
                located,
                f"agenda/{index}/objectives/{position}",
                f"objective {number} is in cluster {home}, not cluster {cluster.number}",
                value=number,
                hint=(
                    f"objective {number} belongs in the session on cluster {home}"
                    + (f" ({', '.join(homes)})" if homes else "")
                    + f", or this session gives its objectives without cluster {cluster.number}"
                ),
            )


@per_record("objective-coverage", "meetings")
def _sessions_coverage(context: Context, rule: Rule, located: Located) -> Iterator[Issue]:
    sessions = located.record.thematic_sessions
    if not sessions or not located.knows("agenda"):
        return  # a session of unknown objectives may cover what seems uncovered
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


@per_record("segment-overlap", "meetings")
def _overlap(context: Context, rule: Rule, located: Located) -> Iterator[Issue]:
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
                hint=f"the {segment.kind} to start at {latest[0].time()} or later, or the "
                f"{latest[2].kind} to end by {start.time()}",
            )
        if latest is None or end > latest[0]:
            latest = (end, index, segment)


@per_record("co-chairs", "meetings")
def _co_chairs(context: Context, rule: Rule, located: Located) -> Iterator[Issue]:
    chairs = located.record.co_chairs
    if chairs and len(set(chairs)) != 2:
        yield context.issue(
            rule,
            located,
            "co_chairs",
            f"{len(set(chairs))} co-chair(s); the concept note provides for two Member States",
            value=list(chairs),
            hint=(
                f"a second Member State beside {chairs[0]} in co_chairs"
                if len(set(chairs)) < 2
                else f"two of {', '.join(dict.fromkeys(chairs))} in co_chairs"
            ),
        )


@per_record("session-roles", "meetings")
def _session_roles(context: Context, rule: Rule, located: Located) -> Iterator[Issue]:
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
                    hint=f"agenda/{index}/{field}: the id of the participant who "
                    f"{'opened' if field == 'member_state_speaker' else 'moderated'} "
                    f"{segment.title or f'thematic session {segment.number or index + 1}'}",
                )


def _lead(  # noqa: PLR0913 - the parts of one lead-time rule
    context: Context,
    rule: Rule,
    located: Located,
    *,
    field: str,
    moment: object,
    minimum: dt.timedelta,
    what: str,
) -> Iterator[Issue]:
    """An issue where ``moment`` falls less than ``minimum`` before the meeting."""
    start = _meeting_day(located.record)
    day = day_of(moment)
    if start is None or day is None:
        return
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


@per_record("registration-lead-time", "meetings")
def _registration(context: Context, rule: Rule, located: Located) -> Iterator[Issue]:
    registration = located.record.registration
    yield from _lead(
        context,
        rule,
        located,
        field="registration/opens",
        moment=registration.opens if registration is not None else None,
        minimum=dt.timedelta(weeks=context.parameter(rule, "weeks")),
        what="registration opened",
    )


@per_record("written-input-deadline", "meetings")
def _written_inputs(context: Context, rule: Rule, located: Located) -> Iterator[Issue]:
    yield from _lead(
        context,
        rule,
        located,
        field="written_inputs_due",
        moment=located.record.written_inputs_due,
        minimum=dt.timedelta(days=context.parameter(rule, "days")),
        what="written inputs are due",
    )


@per_record("webcast", "meetings", "events")
def _webcast(context: Context, rule: Rule, located: Located) -> Iterator[Issue]:
    record = located.record
    kind, what = (
        (MeetingKind.REGIONAL_REVIEW, "regional review meeting")
        if located.collection == "meetings"
        else (EventKind.CONSULTATION, "stakeholder consultation")
    )
    if record.kind is kind and record.webcast is False:
        yield context.issue(
            rule, located, "webcast", f"the {what} is not webcast", hint=_webcast_hint(record)
        )


def _webcast_hint(record: Any) -> str:
    """What to check of a record marked as not webcast."""
    name = record.title or record.id
    return (
        f"webcast: true if {name!r} was webcast after all; the record of one that was not "
        "keeps this issue as the departure it is"
    )


@per_record("hearing-first", "meetings")
def _hearing_first(context: Context, rule: Rule, located: Located) -> Iterator[Issue]:
    agenda = located.record.agenda
    hearings = [i for i, s in enumerate(agenda) if isinstance(s, Hearing)]
    conferences = [i for i, s in enumerate(agenda) if isinstance(s, IntergovernmentalConference)]
    if not conferences or located.record.kind is not MeetingKind.REGIONAL_REVIEW:
        return
    conference = agenda[conferences[0]]
    if not hearings:
        yield context.issue(
            rule,
            located,
            "agenda",
            "no multi-stakeholder hearing precedes the conference",
            hint=f"the hearing as an agenda segment before agenda/{conferences[0]}, the "
            f"conference{f' of {conference.start}' if conference.start is not None else ''}",
        )
        return
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
            hint=(
                f"the hearing (agenda/{hearings[0]}) moved before the conference "
                f"(agenda/{conferences[0]}) in the agenda, or their starts given"
                if hearing.start is None or conference.start is None
                else f"the hearing's start ({hearing.start}) before the conference's "
                f"({conference.start}): check both"
            ),
        )


@per_record("background-notes", "meetings")
def _background_notes(context: Context, rule: Rule, located: Located) -> Iterator[Issue]:
    for index, segment in enumerate(located.record.agenda):
        if isinstance(segment, ThematicSession) and segment.background_note is None:
            yield context.issue(
                rule,
                located,
                f"agenda/{index}/background_note",
                f"thematic session {segment.number or index + 1} has no background note",
                hint=f"agenda/{index}/background_note: the note of "
                f"{segment.title or f'thematic session {segment.number or index + 1}'}",
            )


@per_record("rapporteur", "meetings")
def _rapporteur(context: Context, rule: Rule, located: Located) -> Iterator[Issue]:
    meeting: Meeting = located.record
    if meeting.kind is MeetingKind.REGIONAL_REVIEW and meeting.rapporteur is None:
        yield context.issue(
            rule,
            located,
            "rapporteur",
            "the meeting has no stakeholder rapporteur",
            hint=f"rapporteur: the id of the stakeholder who reported on {meeting.title!r}",
        )


@per_record("thematic-sessions", "meetings")
def _four_sessions(context: Context, rule: Rule, located: Located) -> Iterator[Issue]:
    meeting: Meeting = located.record
    if meeting.kind is not MeetingKind.REGIONAL_REVIEW:
        return
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
            hint=_sessions_hint(clusters, others),
        )


def _sessions_hint(clusters: list[int], others: int) -> str:
    """Which clusters the sessions of a meeting lack, repeat or leave out."""
    missing = [n for n in (1, 2, 3, 4) if n not in clusters]
    twice = sorted({n for n in clusters if clusters.count(n) > 1})
    parts = []
    if missing:
        parts.append(
            f"a session on cluster{'s' if len(missing) > 1 else ''} {_objectives(missing)}"
        )
    if twice:
        parts.append(f"one session, not several, on cluster {_objectives(twice)}")
    if others:
        parts.append(f"a cluster for the {others} session(s) without one")
    return "; ".join(parts)


# -- reports -----------------------------------------------------------------------------------


_STRUCTURED = (ReportKind.OUTCOME_REPORT, ReportKind.REGIONAL_SUMMARY)


@per_record("report-structure", "reports")
def _report_structure(context: Context, rule: Rule, located: Located) -> Iterator[Issue]:
    order = {kind.code: kind.order for kind in registry.report_section_kinds}
    report: Report = located.record
    if report.kind not in _STRUCTURED or not report.sections or not located.knows("sections"):
        return  # a section of unknown kind may be the one that seems missing
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
