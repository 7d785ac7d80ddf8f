"""Strategies of regional reviews and of meetings."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any

from hypothesis import strategies as st

from gcm_model import registry
from gcm_model.models.process import Meeting, MeetingKind, RegionalReview, Venue, Window
from gcm_model.testing._draw import (
    _SLOTS,
    _VENUE_ZONES,
    _ZONE_NAMES,
    _co_chairs,
    _code,
    _codes,
    _commission_arg,
    _Context,
    _id,
    _maybe,
    _members,
    _opt_code,
    _opt_pick,
    _people,
    _pick,
    _ref,
    _refs,
    _review_of,
    _round_arg,
    _strategy,
    _subset,
)
from gcm_model.testing._segments import _agenda
from gcm_model.testing._times import _day_of, _round_days, _Span, _span
from gcm_model.testing._values import _contacts, _fill, _venue
from gcm_model.types import ReviewKind

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy

    from gcm_model.models.reference import KnownMeeting


# -- regional reviews and meetings ---------------------------------------------------------


def _review(
    draw: DrawFn, commission: str | None, round_code: str | None, id_: str | None = None
) -> RegionalReview:
    if commission is not None:
        commissions: tuple[str, ...] = (commission,)
    else:
        commissions = _subset(draw, _codes("commission"), max_size=2) or ("ECE",)
    fields = {
        "id": _id(draw) if id_ is None else id_,
        "round": _code(draw, "regional") if round_code is None else round_code,
        "commissions": commissions,
        "contacts": _contacts(draw),
    }
    return _fill(draw, RegionalReview, fields, linked=id_ is not None)


def regional_reviews(
    commission: str | None = None,
    round: str | None = None,  # noqa: A002 - the field is called round
) -> SearchStrategy[RegionalReview]:
    """Regional reviews of one region in one regional round.

    Args:
        commission: the convening commission (code or alias); one or two
            commissions when ``None``.
        round: a regional round code such as ``regional-2024``; any regional
            round when ``None``.

    Returns:
        A strategy of ``RegionalReview``; shrinks towards a review of ``ECE``
        (or ``commission``) in ``regional-2020`` (or ``round``) with id
        ``"0"`` and nothing else.

    Raises:
        UnknownCodeError: the commission or round is unknown.
        InvalidCodeError: the round is an IMRF round, or not a string.
    """
    code = _commission_arg(commission)
    round_code = _round_arg(round, regional_only=True)
    return _strategy(
        "regional_reviews", lambda draw: _review(draw, code, round_code), code, round_code
    )


def _known_candidates(
    commission: str | None,
    round_code: str | None,
    review: RegionalReview | None,
    taken: frozenset[str],
) -> list[KnownMeeting]:
    """The dated known meetings a drawn meeting may stand for, under the constraints."""
    return [
        known
        for known in registry.known_meetings
        if known.start is not None
        and known.kind in MeetingKind._value2member_map_
        and known.code not in taken
        and (commission is None or commission in known.commissions)
        and (round_code is None or known.round == round_code)
        and (
            review is None or (known.round, known.commissions) == (review.round, review.commissions)
        )
    ]


@dataclasses.dataclass(frozen=True)
class _Frame:
    """What a meeting's kind, round and dates fix before its other fields are drawn."""

    kind: MeetingKind
    round: str | None
    commissions: tuple[str, ...]
    span: _Span
    known: KnownMeeting | None = None


def _known_frame(known: KnownMeeting) -> _Frame:
    first = known.start
    assert first is not None  # noqa: S101 - _known_candidates keeps dated meetings only
    last = known.end or first
    top = (last - first).days * _SLOTS + _SLOTS - 1
    span = _Span(first, last, _ZONE_NAMES[0], first, 0, top)
    return _Frame(MeetingKind(known.kind), known.round, known.commissions, span, known)


def _meeting_frame(
    draw: DrawFn,
    commission: str | None,
    round_code: str | None,
    review: RegionalReview | None,
    taken: frozenset[str],
) -> _Frame:
    candidates = _known_candidates(commission, round_code, review, taken)
    if len(candidates) > 0 and not _maybe(draw):  # first: it takes the fewest draws
        return _known_frame(_pick(draw, candidates))
    if review is not None:
        round_code = review.round
    elif round_code is None:
        round_code = _opt_code(draw, "round" if commission is None else "regional")
    of_round = None if round_code is None else registry.rounds.lookup(round_code).kind
    imrf_allowed = commission is None and review is None and of_round is not ReviewKind.REGIONAL
    kinds = [
        k
        for k in MeetingKind
        if (k is not MeetingKind.IMRF or imrf_allowed)
        and (k is not MeetingKind.REGIONAL_REVIEW or of_round is not ReviewKind.IMRF)
    ]
    kind = _pick(draw, kinds)
    if review is not None:
        commissions = review.commissions
    elif commission is not None:
        commissions = (commission,)
    elif kind is MeetingKind.IMRF:
        commissions = ()
    else:
        commissions = _subset(draw, _codes("commission"), max_size=2)
        if kind is MeetingKind.REGIONAL_REVIEW and not commissions:
            commissions = ("ECE",)
    first, last = _round_days(round_code)
    return _Frame(kind, round_code, commissions, _span(draw, first, last, max_days=3))


def _place(draw: DrawFn, frame: _Frame) -> dict[str, Any]:
    """Format, venue and host country: the known meeting's, or drawn."""
    known = frame.known
    if known is not None:
        venue = None
        if known.venue or known.city or known.country:
            venue = Venue(name=known.venue, city=known.city, country=known.country)
        return {
            "known_meeting": known.code,
            "format": known.format or ("in_person" if known.city else None),
            "venue": venue,
            "host_country": known.host_country,
        }
    meeting_format = _opt_code(draw, "format")
    online = meeting_format in {"virtual", "hybrid"}
    return {
        "known_meeting": None,
        "format": meeting_format,
        "venue": None if meeting_format == "virtual" or not _maybe(draw) else _venue(draw),
        "host_country": _opt_code(draw, "country") if online else None,
    }


def _registration(draw: DrawFn, day: dt.date) -> Window | None:
    """A registration window of days that closes on or before ``day``."""
    if not _maybe(draw):
        return None
    closes = day - dt.timedelta(days=draw(st.integers(0, 30)))
    opens = closes - dt.timedelta(days=draw(st.integers(0, 60)))
    shape = _pick(draw, ("both", "opens", "closes"))
    return Window(
        opens=None if shape == "closes" else opens, closes=None if shape == "opens" else closes
    )


def _meeting(  # noqa: PLR0913 - the constraints a dataset puts on a meeting
    draw: DrawFn,
    commission: str | None,
    round_code: str | None,
    *,
    ctx: _Context | None = None,
    id_: str | None = None,
    taken: frozenset[str] = frozenset(),
) -> Meeting:
    review_id, review = _review_of(draw, ctx)
    frame = _meeting_frame(draw, commission, round_code, review, taken)
    people = _people(ctx)
    span: _Span | None = frame.span
    venue_zone = None if frame.known is None else _VENUE_ZONES.get(str(frame.known.country))
    if not frame.span.timed:
        if frame.known is None and _not_yet_dated(draw):
            span = None
        else:  # a meeting of days: the zone of its agenda's times
            span = dataclasses.replace(frame.span, zone=venue_zone or _pick(draw, _ZONE_NAMES))
    agenda = _agenda(draw, span, people)
    timed = any(isinstance(s.start, dt.datetime) or isinstance(s.end, dt.datetime) for s in agenda)
    fields = {
        "id": _id(draw) if id_ is None else id_,
        "kind": frame.kind,
        "review": review_id,
        "round": frame.round,
        "commissions": frame.commissions,
        **_place(draw, frame),
        "rapporteur": _ref(draw, people),
        "organisers": _refs(draw, people),
        "agenda": agenda,
        "contacts": _contacts(draw),
    }
    if span is None:
        fields |= {"start": None, "end": None, "planned": _planned(draw, frame.round)}
        fields |= {"time_zone": _opt_pick(draw, _ZONE_NAMES), "registration": None}
        fields |= {"written_inputs_due": None}
        fields["co_chairs"] = _co_chairs(draw, _members(frame.commissions, None))
    else:
        first_day = _day_of(span.start)
        due = first_day - dt.timedelta(days=draw(st.integers(0, 30))) if _maybe(draw) else None
        fields |= {
            "start": span.start,
            "end": span.end,
            "time_zone": span.zone if span.timed or timed or venue_zone or _maybe(draw) else None,
            "co_chairs": _co_chairs(draw, _members(frame.commissions, first_day)),
            "registration": _registration(draw, first_day),
            "written_inputs_due": due,
        }
    return _fill(draw, Meeting, fields, linked=ctx is not None)


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _not_yet_dated(draw: DrawFn) -> bool:
    """One meeting or event in eight is known by its planned date alone.

    As in the timeline of the "Migration Justice" guide, which plans some
    consultations and reviews by the month or the week.
    """
    return draw(st.integers(0, 7)) == 7


def _planned(draw: DrawFn, round_code: str | None) -> str:
    """A date as a plan gives it, such as ``June 2024``, in the years of the round."""
    first, last = _round_days(round_code)
    year = draw(st.integers(first.year, last.year))
    return f"{_pick(draw, _MONTHS)} {year}"


def meetings(
    commission: str | None = None,
    round: str | None = None,  # noqa: A002 - the field is called round
) -> SearchStrategy[Meeting]:
    """Meetings of a review, with an agenda of segments.

    The kind agrees with the round (no IMRF in a regional round, no regional
    review meeting in an IMRF round); an IMRF has no commission. Start and
    end are two days, two datetimes in one zone, or one of each, in order and
    in the years the round was held; agenda segments are timed inside them
    and in agenda order, and co-chairs are members of the commissions (UN
    Member States when there is none). Some examples stand for a dated known
    meeting (``gcm_model.known_meetings``) and take its dates and venue; one
    in eight of the others is known by its ``planned`` date alone (``June
    2024``), with no start, end or times in its agenda.

    Args:
        commission: a commission among the meeting's (code or alias).
        round: the round code; any round, or none, when ``None``.

    Returns:
        A strategy of ``Meeting``; shrinks towards a regional review meeting
        with id ``"0"`` and title ``"0"`` that stands for the first known
        meeting that fits (``ece-2020``, taking its dates and format), else a
        one-day meeting on the first day of the round (or of 2019).

    Raises:
        UnknownCodeError: the commission or round is unknown.
        InvalidCodeError: the round is not a string.
    """
    code = _commission_arg(commission)
    round_code = _round_arg(round, regional_only=False)
    return _strategy("meetings", lambda draw: _meeting(draw, code, round_code), code, round_code)
