"""Breakers of the rules on reviews and reports (``GCM4xx`` and ``GCM5xx``).

``stakeholder-coverage``, ``review-cadence``, ``consultations``,
``evaluation-session``, ``imrf-alternation``, ``report-deadline``,
``report-structure`` and ``summary-report``.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

from hypothesis import strategies as st

from gcm_model import registry
from gcm_model.models.reports import Recipient
from gcm_model.testing._carriers import (
    _CARRIER_FIRST,
    _CARRIER_LAST,
    _after,
    _Breakers,
    _c_meeting,
    _c_review,
    _carrier_day,
    _Draft,
    _imrf_year,
    _off_imrf,
    _register,
)
from gcm_model.testing._draw import _FIRST_DAY, _code, _codes, _pick, _subset
from gcm_model.testing._times import _day

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn


_BREAKERS: _Breakers = {}
"""The breakers of the rules of this family, with the number of ways each knows."""
_breaks = functools.partial(_register, _BREAKERS)


@_breaks("stakeholder-coverage")
def _break_stakeholder_coverage(draw: DrawFn, draft: _Draft) -> None:
    expected = [c for c in _codes("stakeholder") if c != "other"]
    present = _subset(draw, expected, max_size=len(expected) - 1)
    _c_review(draw, draft, categories=sorted(present, key=expected.index))


@_breaks("review-cadence", ways=3)
def _break_review_cadence(draw: DrawFn, draft: _Draft) -> None:
    way = draft.way
    if way == 0:  # a round that is not the round of the meeting's year
        day = _carrier_day(draw)
        expected = registry.rounds.for_year(day.year).code
        others = [code for code in _codes("regional") if code != expected]
        _c_meeting(draw, draft, day, round=_pick(draw, others))
    elif way == 1:  # before the rounds began
        _c_meeting(draw, draft, _day(draw, _FIRST_DAY, _CARRIER_FIRST - dt.timedelta(days=1)))
    else:  # two regional review meetings of one commission in one round
        commission = _code(draw, "commission")
        first = _carrier_day(draw)
        start = registry.rounds.for_year(first.year).year
        second = _off_imrf(_day(draw, dt.date(start, 1, 1), dt.date(start + 3, 12, 31)))
        for day in (first, second):
            _c_meeting(draw, draft, day, commissions=[commission])


@_breaks("consultations")
def _break_consultations(draw: DrawFn, draft: _Draft) -> None:
    _c_review(draw, draft, consultations=draw(st.integers(0, draft.consultations - 1)))


@_breaks("evaluation-session")
def _break_evaluation_session(draw: DrawFn, draft: _Draft) -> None:
    _c_review(draw, draft, evaluation=False)


@_breaks("imrf-alternation")
def _break_imrf_alternation(draw: DrawFn, draft: _Draft) -> None:
    years = [y for y in range(_CARRIER_FIRST.year, _CARRIER_LAST.year + 1) if _imrf_year(y)]
    year = _pick(draw, years)
    _c_meeting(draw, draft, _day(draw, dt.date(year, 1, 1), dt.date(year, 12, 31)))


@_breaks("report-deadline")
def _break_report_deadline(draw: DrawFn, draft: _Draft) -> None:
    day = _carrier_day(draw)
    length = draw(st.integers(0, 2))
    meeting = _c_meeting(draw, draft, day, end=_after(day, length))
    issued = _after(day, length + 31 + draw(st.integers(0, 365)))
    report = {"id": draft.fresh(draw), "kind": "outcome_report", "meetings": [meeting["id"]]}
    draft.add("reports", {**report, "issued": issued})


@_breaks("report-structure", ways=2)
def _break_report_structure(draw: DrawFn, draft: _Draft) -> None:
    kinds = _codes("section")
    if draft.way == 1:  # all the kinds, out of order
        chosen = list(draw(st.permutations(kinds)))
        if chosen == list(kinds):
            chosen.reverse()
    else:  # some kinds missing
        chosen = sorted(_subset(draw, kinds, max_size=len(kinds) - 1, min_size=1), key=kinds.index)
    report = {"id": draft.fresh(draw), "kind": _pick(draw, ("outcome_report", "regional_summary"))}
    draft.add("reports", {**report, "sections": [{"kind": kind} for kind in chosen]})


_SUMMARY_FROM = dt.date(2024, 1, 1)
"""The first day of the round whose summary reports the Network's framework asks for."""


@_breaks("summary-report", ways=2)
def _break_summary_report(draw: DrawFn, draft: _Draft) -> None:
    day = _off_imrf(_day(draw, _SUMMARY_FROM, _CARRIER_LAST))  # 2026 and 2030 step back a year
    meeting = _c_meeting(draw, draft, day)
    if draft.way == 1:  # a summary report that goes elsewhere only
        pga = Recipient.PRESIDENT_OF_THE_GENERAL_ASSEMBLY
        others = [r.value for r in Recipient if r is not pga]
        report = {"id": draft.fresh(draw), "meetings": [meeting["id"]]}
        report["kind"] = _pick(draw, ("regional_summary", "outcome_report", "chairs_summary"))
        draft.add("reports", {**report, "recipients": _subset(draw, others)})
