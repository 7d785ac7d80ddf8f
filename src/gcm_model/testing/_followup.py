"""Strategies of the follow-up records: IMRFs, the SG's reports, calls, national reviews, funds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gcm_model import registry
from gcm_model.models.followup import (
    Call,
    CallKind,
    Fund,
    NationalReview,
    NationalReviewKind,
    ReviewForum,
    SecretaryGeneralReport,
)
from gcm_model.models.process import Role
from gcm_model.testing._draw import (
    _code,
    _Context,
    _id,
    _ids,
    _maybe,
    _of_review,
    _pick,
    _ref,
    _refs,
    _review_of,
    _strategy,
    _subset,
)
from gcm_model.testing._times import _loose_times, _opt_moment, _round_days, _span
from gcm_model.testing._values import _declaration, _fill

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy


# -- the IMRF ------------------------------------------------------------------------------


def _forum(draw: DrawFn, ctx: _Context | None = None, id_: str | None = None) -> ReviewForum:
    round_code = _code(draw, "imrf")
    # The reports and reviews of the dataset; its SG reports are drawn after the forums.
    considered = None if ctx is None else [*_ids(ctx.reports), *_ids(ctx.reviews)]
    known = [m.code for m in registry.known_meetings if m.round == round_code]
    dates: dict[str, Any] = {"start": None, "end": None}
    if _maybe(draw):
        first, last = _round_days(round_code)
        span = _span(draw, first, last, max_days=4)
        dates = {"start": span.start, "end": span.end if _maybe(draw) else None}
    fields = {
        "id": _id(draw) if id_ is None else id_,
        "round": round_code,
        **dates,
        "known_meeting": _pick(draw, known) if known and _maybe(draw) else None,
        "meetings": _refs(draw, None if ctx is None else _ids(ctx.meetings)),
        "reviews": _refs(draw, None if ctx is None else _ids(ctx.reviews)),
        "declaration": _declaration(draw, considered) if _maybe(draw) else None,
    }
    return _fill(draw, ReviewForum, fields, linked=ctx is not None)


def review_forums() -> SearchStrategy[ReviewForum]:
    """International Migration Review Forums, in an IMRF round.

    A forum's dates, where it has them, fall in its round's year; its known
    meeting, where it has one, is of its round.

    Returns:
        A strategy of ``ReviewForum``; shrinks towards a forum with id ``"0"``
        in ``imrf-2022`` and nothing else.
    """
    return _strategy("review_forums", _forum)


def _sg_report(
    draw: DrawFn, ctx: _Context | None = None, id_: str | None = None
) -> SecretaryGeneralReport:
    inputs = None if ctx is None else [*_ids(ctx.reports), *_ids(ctx.reviews)]
    fields = {
        "id": _id(draw) if id_ is None else id_,
        "forum": _ref(draw, None if ctx is None else _ids(ctx.forums)),
        "inputs": _refs(draw, inputs),
    }
    return _fill(draw, SecretaryGeneralReport, fields, linked=ctx is not None)


def secretary_general_reports() -> SearchStrategy[SecretaryGeneralReport]:
    """The Secretary-General's biennial reports.

    Returns:
        A strategy of ``SecretaryGeneralReport``; shrinks towards a report
        with id ``"0"`` and nothing else.
    """
    return _strategy("secretary_general_reports", _sg_report)


# -- calls, national reviews, funds --------------------------------------------------------

_OFFERED = (Role.CO_CHAIR, Role.SPEAKER, Role.RAPPORTEUR, Role.MODERATOR)
"""The parts the UNECE 2024 concept note asks expressions of interest for."""


def _call(draw: DrawFn, ctx: _Context | None = None, id_: str | None = None) -> Call:
    kind = _pick(draw, tuple(CallKind))
    review_id, _ = _review_of(draw, ctx)
    opens, closes = _loose_times(draw, max_days=60)
    offered = kind is CallKind.EXPRESSIONS_OF_INTEREST
    fields = {
        "id": _id(draw) if id_ is None else id_,
        "kind": kind,
        "review": review_id,
        "meeting": _ref(draw, _of_review(ctx, () if ctx is None else ctx.meetings, review_id)),
        "fund": _ref(draw, None if ctx is None else _ids(ctx.funds)),
        "roles": _subset(draw, _OFFERED) if offered else (),
        "opens": opens,
        "closes": closes,
    }
    return _fill(draw, Call, fields, linked=ctx is not None)


def calls() -> SearchStrategy[Call]:
    """Public calls for inputs, expressions of interest or funding.

    Only a call for expressions of interest offers parts (co-chair, keynote
    speaker, rapporteur, moderator); a call closes after it opens.

    Returns:
        A strategy of ``Call``; shrinks towards a call for inputs with id
        ``"0"`` and nothing else.
    """
    return _strategy("calls", _call)


def _national_review(
    draw: DrawFn, ctx: _Context | None = None, id_: str | None = None
) -> NationalReview:
    ident = _id(draw) if id_ is None else id_
    review_id, review = _review_of(draw, ctx)
    first, last = _round_days(None if review is None else review.round)
    if ctx is None:
        plan = _ref(draw, None)
    else:  # an earlier implementation plan: no review is its own plan
        plans = [
            n.id
            for n in ctx.national_reviews
            if n.kind is NationalReviewKind.IMPLEMENTATION_PLAN and n.id != ident
        ]
        plan = _ref(draw, plans)
    fields = {
        "id": ident,
        "issued": _opt_moment(draw, first, last),
        "review": review_id,
        "meeting": _ref(draw, _of_review(ctx, () if ctx is None else ctx.meetings, review_id)),
        "forum": _ref(draw, None if ctx is None else _ids(ctx.forums)),
        "plan": None if plan == ident else plan,
    }
    return _fill(draw, NationalReview, fields, linked=ctx is not None)


def national_reviews() -> SearchStrategy[NationalReview]:
    """Voluntary national GCM reviews and national implementation plans.

    A review is never its own plan.

    Returns:
        A strategy of ``NationalReview``; shrinks towards a voluntary review
        with id ``"0"`` by the first country in the registry (``"ABW"``).
    """
    return _strategy("national_reviews", _national_review)


def _fund(draw: DrawFn, ctx: _Context | None = None, id_: str | None = None) -> Fund:
    fields = {
        "id": _id(draw) if id_ is None else id_,
        "reviews": _refs(draw, None if ctx is None else _ids(ctx.reviews)),
    }
    return _fill(draw, Fund, fields, linked=ctx is not None)


def funds() -> SearchStrategy[Fund]:
    """Funds, or windows of funds, that support the reviews.

    Returns:
        A strategy of ``Fund``; shrinks towards a fund with id ``"0"`` and
        name ``"0"``.
    """
    return _strategy("funds", _fund)
