"""The strategy of whole datasets, whose ids are unique and whose references resolve."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from hypothesis import strategies as st

from gcm_model.models.dataset import SCHEMA_VERSION, Dataset
from gcm_model.models.process import EventKind, Meeting, ParticipantKind, PreparatoryEvent
from gcm_model.testing._draw import (
    _ID_SIZE,
    _MAX_RECORDS,
    _commission_arg,
    _Context,
    _id_strategy,
    _int_arg,
    _pick,
    _round_arg,
    _strategy,
)
from gcm_model.testing._followup import _call, _forum, _fund, _national_review, _sg_report
from gcm_model.testing._meetings import _meeting, _review
from gcm_model.testing._records import _event, _participant, _pledge, _report, _submission
from gcm_model.testing._values import _fill
from gcm_model.validation._rules import _before

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy

    from gcm_model.models.reports import Report


# -- datasets ------------------------------------------------------------------------------

_COLLECTIONS = (
    "reviews",
    "participants",
    "meetings",
    "events",
    "submissions",
    "reports",
    "pledges",
    "funds",
    "forums",
    "sg_reports",
    "calls",
    "national_reviews",
)


def _dataset(
    draw: DrawFn, commission: str | None, round_code: str | None, max_records: int
) -> Dataset:
    counts = [draw(st.integers(0, max_records)) for _ in _COLLECTIONS]
    every_id = draw(
        st.lists(_id_strategy(_ID_SIZE), min_size=sum(counts), max_size=sum(counts), unique=True)
    )
    ids: dict[str, list[str]] = {}
    for name, count in zip(_COLLECTIONS, counts, strict=True):
        ids[name], every_id = every_id[:count], every_id[count:]
    reviews = tuple(_review(draw, commission, round_code, i) for i in ids["reviews"])
    kinds = {i: _pick(draw, tuple(ParticipantKind)) for i in ids["participants"]}
    organisations = [i for i, kind in kinds.items() if kind is ParticipantKind.ORGANISATION]
    attended = ids["meetings"] + ids["events"]
    people = tuple(
        _participant(draw, i, kind, organisations, attended) for i, kind in kinds.items()
    )
    ctx = _Context(reviews=reviews, participants=people)
    found: list[Meeting] = []
    for i in ids["meetings"]:
        taken = frozenset(m.known_meeting for m in found if m.known_meeting)
        found.append(_meeting(draw, commission, round_code, ctx=ctx, id_=i, taken=taken))
    ctx = dataclasses.replace(ctx, meetings=tuple(found))
    for i in ids["events"]:  # one at a time: an event feeds meetings and earlier events only
        ctx = dataclasses.replace(ctx, events=(*ctx.events, _event(draw, ctx, i)))
    meetings = {m.id: m for m in ctx.meetings}
    reports = tuple(_in_order_report(_report(draw, ctx, i), meetings) for i in ids["reports"])
    fields = {
        "schema_version": SCHEMA_VERSION,
        "reviews": reviews,
        "meetings": ctx.meetings,
        "events": tuple(_in_order_event(e, meetings) for e in ctx.events),
        "participants": people,
        "submissions": tuple(_submission(draw, ctx, i) for i in ids["submissions"]),
        "reports": reports,
        "pledges": tuple(_pledge(draw, ctx, i) for i in ids["pledges"]),
    }
    ctx = dataclasses.replace(ctx, reports=reports)
    ctx = dataclasses.replace(ctx, funds=tuple(_fund(draw, ctx, i) for i in ids["funds"]))
    ctx = dataclasses.replace(ctx, forums=tuple(_forum(draw, ctx, i) for i in ids["forums"]))
    for i in ids["national_reviews"]:  # one at a time: a review names an earlier plan
        found_review = _national_review(draw, ctx, i)
        ctx = dataclasses.replace(ctx, national_reviews=(*ctx.national_reviews, found_review))
    fields |= {
        "funds": ctx.funds,
        "forums": ctx.forums,
        "sg_reports": tuple(_sg_report(draw, ctx, i) for i in ids["sg_reports"]),
        "calls": tuple(_call(draw, ctx, i) for i in ids["calls"]),
        "national_reviews": ctx.national_reviews,
    }
    return _fill(draw, Dataset, fields, linked=True)


def _in_order_event(event: PreparatoryEvent, meetings: dict[str, Meeting]) -> PreparatoryEvent:
    """The event, unlinked from its meeting where the two would break the chronology rule."""
    meeting = meetings.get(event.meeting or "")
    if meeting is None or meeting.start is None or event.start is None:
        return event
    if event.kind is EventKind.EVALUATION:
        end = meeting.end if meeting.end is not None else meeting.start
        wrong = _before(event.start, end)
    else:
        wrong = event.kind is not EventKind.SIDE_EVENT and _before(meeting.start, event.start)
    return event.evolve(meeting=None) if wrong else event


def _in_order_report(report: Report, meetings: dict[str, Meeting]) -> Report:
    """The report, undated where its date would fall before a meeting it reports on."""
    starts = [meetings[m].start for m in report.meetings if m in meetings]
    if report.issued is not None and any(
        s is not None and _before(report.issued, s) for s in starts
    ):
        return report.evolve(issued=None)
    return report


def datasets(
    commission: str | None = None,
    round: str | None = None,  # noqa: A002 - the field is called round
    *,
    max_records: int = 3,
) -> SearchStrategy[Dataset]:
    """Datasets whose ids are unique and whose references resolve.

    Ids are unique across the whole dataset (so within each collection too).
    Every ``review`` names a review of the dataset; every ``meeting`` and
    ``meetings`` a meeting (of the same review, when the record has one);
    a report's ``events`` an event (of the same review); a report's
    ``informs``, an event's ``feeds`` and a participant's ``events`` a
    meeting or an event (``feeds`` never itself, nor a later event, so
    there is no cycle); every participant reference (``rapporteur``,
    ``organisers``, ``author``, ``authors``, and the moderators, speakers,
    panellists, hosts and organisers of agenda segments) a participant; and
    a person's ``organisation`` an organisation of the dataset; a forum's
    ``meetings`` and ``reviews``, and what its declaration's plenaries
    ``consider``, records of the dataset (reports and reviews); a
    Secretary-General's report's ``forum`` and ``inputs``; a call's
    ``fund``; a national review's ``forum`` and ``plan`` (an earlier
    implementation plan); and a fund's ``reviews``. A meeting
    of a review shares its round and commissions, a submission's
    ``category`` is its author's, and no known meeting is stood for twice.
    Reference fields this module does not know are left empty.

    Args:
        commission: every review and meeting is convened by this commission.
        round: a regional round code; every review and meeting is in it.
        max_records: the most records drawn in each collection, 0 to 50.

    Returns:
        A strategy of ``Dataset``; shrinks towards the empty ``Dataset()``.

    Raises:
        UnknownCodeError: the commission or round is unknown.
        InvalidCodeError: the round is an IMRF round or not a string, or
            ``max_records`` is not an int in 0..50.
    """
    code = _commission_arg(commission)
    round_code = _round_arg(round, regional_only=True)
    size = _int_arg("max_records", max_records, 0, _MAX_RECORDS)
    return _strategy(
        "datasets", lambda draw: _dataset(draw, code, round_code, size), code, round_code, size
    )
