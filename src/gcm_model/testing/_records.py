"""Strategies of events, participants, written submissions, pledges and reports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hypothesis import strategies as st

from gcm_model import registry
from gcm_model.models.process import (
    Gender,
    Participant,
    ParticipantKind,
    Pledge,
    PreparatoryEvent,
    RegionalReview,
    Sector,
    WrittenSubmission,
)
from gcm_model.models.reports import Report, ReportSection
from gcm_model.testing._draw import (
    _LONG_TEXT_SIZE,
    _cluster_objectives,
    _codes,
    _Context,
    _id,
    _ids,
    _maybe,
    _members,
    _objectives,
    _of_review,
    _opt_code,
    _opt_pick,
    _opt_text,
    _opt_url,
    _people,
    _pick,
    _ref,
    _refs,
    _review_of,
    _strategy,
    _subset,
    _text,
    _url,
)
from gcm_model.testing._meetings import _not_yet_dated, _planned
from gcm_model.testing._times import _day_of, _opt_moment, _round_days, _span
from gcm_model.testing._values import _ITEM_BUILDERS, _fill

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from hypothesis.strategies import DrawFn, SearchStrategy


def _event(draw: DrawFn, ctx: _Context | None = None, id_: str | None = None) -> PreparatoryEvent:
    review_id, review = _review_of(draw, ctx)
    meetings_of_review = _of_review(ctx, () if ctx is None else ctx.meetings, review_id)
    first, last = _round_days(None if review is None else review.round)
    span = _span(draw, first, last, max_days=2)
    clusters = tuple(sorted(_subset(draw, range(1, len(registry.clusters) + 1), max_size=2)))
    covered = sorted(o for c in clusters for o in _cluster_objectives(c))
    ident = _id(draw) if id_ is None else id_
    dates: dict[str, Any] = {"start": span.start, "end": span.end if _maybe(draw) else None}
    if _not_yet_dated(draw):
        dates = {
            "start": None,
            "end": None,
            "planned": _planned(draw, None if review is None else review.round),
        }
    if ctx is None:
        feeds = tuple(i for i in _refs(draw, None) if i != ident)
    else:
        others = [i for i in _ids(ctx.meetings) + _ids(ctx.events) if i != ident]
        feeds = _subset(draw, others, max_size=2)
    fields = {
        "id": ident,
        **dates,
        "review": review_id,
        "meeting": _ref(draw, meetings_of_review),
        "organisers": _refs(draw, _people(ctx)),
        "clusters": clusters,
        "objectives": _objectives(draw, covered),
        "feeds": feeds,
    }
    return _fill(draw, PreparatoryEvent, fields, linked=ctx is not None)


def preparatory_events() -> SearchStrategy[PreparatoryEvent]:
    """Preparatory and follow-up events: consultations, briefings, GCM Talks, ...

    Objectives are among the objectives of the event's clusters, when it has
    any. One event in eight is known by its ``planned`` date alone.

    Returns:
        A strategy of ``PreparatoryEvent``; shrinks towards a pre-consultation
        with id ``"0"`` on 1 January 2019.
    """
    return _strategy("preparatory_events", _event)


def _participant(
    draw: DrawFn,
    id_: str | None = None,
    kind: ParticipantKind | None = None,
    organisations: Sequence[str] | None = None,
    attended: Sequence[str] | None = None,
) -> Participant:
    ident = _id(draw) if id_ is None else id_
    kind = _pick(draw, tuple(ParticipantKind)) if kind is None else kind
    sector = _opt_pick(draw, tuple(Sector))
    # Drawn whether or not they apply, so that every branch takes as many draws
    # and the simplest participant is also the one Hypothesis shrinks to.
    pool = None if organisations is None else [o for o in organisations if o != ident]
    organisation = _ref(draw, pool)
    category = _opt_code(draw, "stakeholder")
    gender = _opt_pick(draw, tuple(Gender))
    person = kind is ParticipantKind.PERSON
    fields = {
        "id": ident,
        "kind": kind,
        "sector": sector,
        "category": category if sector in {None, Sector.STAKEHOLDER} else None,
        "organisation": organisation if person and organisation != ident else None,
        "gender": gender if person else None,
        "events": _refs(draw, attended),
    }
    return _fill(draw, Participant, fields, linked=attended is not None)


def participants() -> SearchStrategy[Participant]:
    """People and organisations taking part in a review.

    Only stakeholders (or participants of no stated sector) have a
    stakeholder category; only people have a gender and an organisation, and
    it is never themselves.

    Returns:
        A strategy of ``Participant``; shrinks towards a person with id
        ``"0"`` and nothing else.
    """
    return _strategy("participants", _participant)


def _by(
    draw: DrawFn, ctx: _Context | None, review: RegionalReview | None, day: dt.date | None
) -> tuple[str | None, str | None, Participant | None]:
    """``(member_state, author, author's record)``: a Member State or a stakeholder."""
    authors = None if ctx is None else ctx.participants
    if authors == () or not _maybe(draw):
        commissions = () if review is None else review.commissions
        return _pick(draw, _members(commissions, day)), None, None
    if authors is None:
        return None, _id(draw), None
    author = _pick(draw, authors)
    return None, author.id, author


def _submission(
    draw: DrawFn, ctx: _Context | None = None, id_: str | None = None
) -> WrittenSubmission:
    review_id, review = _review_of(draw, ctx)
    first, last = _round_days(None if review is None else review.round)
    received = _opt_moment(draw, first, last)
    day = None if received is None else _day_of(received)
    member_state, author, record = _by(draw, ctx, review, day)
    if record is not None:
        category = record.category
    else:
        category = None if author is None else _opt_code(draw, "stakeholder")
    shape = _pick(draw, ("text", "url", "both"))
    fields = {
        "id": _id(draw) if id_ is None else id_,
        "review": review_id,
        "meeting": _ref(draw, _of_review(ctx, () if ctx is None else ctx.meetings, review_id)),
        "member_state": member_state,
        "author": author,
        "category": category,
        "received": received,
        "text": None if shape == "url" else _text(draw, _LONG_TEXT_SIZE),
        "url": None if shape == "text" else _url(draw),
    }
    return _fill(draw, WrittenSubmission, fields, linked=ctx is not None)


def written_submissions() -> SearchStrategy[WrittenSubmission]:
    """Written inputs to a review, by a Member State or by a stakeholder.

    Exactly one of ``member_state`` and ``author`` is given; a ``category``
    only with an author; a text, a URL or both.

    Returns:
        A strategy of ``WrittenSubmission``; shrinks towards a submission with
        id ``"0"`` and text ``"0"`` by the first UN Member State in the
        registry (``"AFG"``).
    """
    return _strategy("written_submissions", _submission)


def _pledge(draw: DrawFn, ctx: _Context | None = None, id_: str | None = None) -> Pledge:
    review_id, review = _review_of(draw, ctx)
    first, last = _round_days(None if review is None else review.round)
    made_on = _opt_moment(draw, first, last)
    member_state, author, _ = _by(draw, ctx, review, None if made_on is None else _day_of(made_on))
    fields = {
        "id": _id(draw) if id_ is None else id_,
        "text": _text(draw, _LONG_TEXT_SIZE),
        "review": review_id,
        "meeting": _ref(draw, _of_review(ctx, () if ctx is None else ctx.meetings, review_id)),
        "member_state": member_state,
        "author": author,
        "made_on": made_on,
        "url": _opt_url(draw),
    }
    return _fill(draw, Pledge, fields, linked=ctx is not None)


def pledges() -> SearchStrategy[Pledge]:
    """Pledges made in a review, by a Member State or by a stakeholder.

    Returns:
        A strategy of ``Pledge``; shrinks towards a pledge with id ``"0"`` and
        text ``"0"`` by the first UN Member State in the registry (``"AFG"``).
    """
    return _strategy("pledges", _pledge)


def _section(draw: DrawFn, kind: str | None) -> ReportSection:
    items = tuple(_pick(draw, _ITEM_BUILDERS)(draw) for _ in range(draw(st.integers(0, 2))))
    fields = {
        "kind": kind,
        "title": _text(draw) if kind is None else _opt_text(draw),
        "items": items,
    }
    return _fill(draw, ReportSection, fields, linked=False)


def report_sections() -> SearchStrategy[ReportSection]:
    """Sections of a report: of a suggested kind, or custom ones with a title.

    Returns:
        A strategy of ``ReportSection``; shrinks towards
        ``ReportSection(kind="introduction")``.
    """
    kinds = (*_codes("section"), None)
    return _strategy("report_sections", lambda draw: _section(draw, _pick(draw, kinds)))


def _report(draw: DrawFn, ctx: _Context | None = None, id_: str | None = None) -> Report:
    review_id, review = _review_of(draw, ctx)
    first, last = _round_days(None if review is None else review.round)
    kinds = _codes("section")  # in the suggested order
    chosen = sorted(_subset(draw, kinds, max_size=2), key=kinds.index)
    sections = [_section(draw, kind) for kind in chosen]
    if _maybe(draw):
        sections.append(_section(draw, None))
    fields = {
        "id": _id(draw) if id_ is None else id_,
        "review": review_id,
        "meetings": _refs(draw, _of_review(ctx, () if ctx is None else ctx.meetings, review_id)),
        "events": _refs(draw, _of_review(ctx, () if ctx is None else ctx.events, review_id)),
        "informs": _refs(draw, None if ctx is None else [*_ids(ctx.meetings), *_ids(ctx.events)]),
        "issued": _opt_moment(draw, first, last),
        "authors": _refs(draw, _people(ctx)),
        "sections": tuple(sections),
    }
    return _fill(draw, Report, fields, linked=ctx is not None)


def reports() -> SearchStrategy[Report]:
    """Reports of a review, with sections of distinct suggested kinds in their order.

    Returns:
        A strategy of ``Report``; shrinks towards an outcome report with id
        ``"0"`` and no sections.
    """
    return _strategy("reports", _report)
