"""Breakers of the rules on the follow-up records: ``call-notice`` and ``sg-report-lead-time``.

A call and the meeting it is for, or a Secretary-General's report and the
IMRF whose deliberations it guides, with their days drawn so that the call
gives no notice or the report comes late.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

from hypothesis import strategies as st

from gcm_model import registry
from gcm_model.models.followup import CallKind
from gcm_model.testing._carriers import (
    _after,
    _Breakers,
    _c_meeting,
    _carrier_day,
    _Draft,
    _register,
)
from gcm_model.testing._draw import _code, _pick
from gcm_model.testing._times import _day, _round_days
from gcm_model.validation import rules

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn


_BREAKERS: _Breakers = {}
"""The breakers of the rules of this family, with the number of ways each knows."""
_breaks = functools.partial(_register, _BREAKERS)


@_breaks("call-notice", ways=2)
def _break_call_notice(draw: DrawFn, draft: _Draft) -> None:
    day = _carrier_day(draw)
    call = {"id": draft.fresh(draw), "kind": _pick(draw, tuple(CallKind)).value}
    if draft.way == 0:  # it opens and closes on one day
        call |= {"opens": day.isoformat(), "closes": day.isoformat()}
    else:  # it closes on or after the day of the meeting it is for
        meeting = _c_meeting(draw, draft, day)
        closes = draw(st.integers(0, 30))
        call |= {"meeting": meeting["id"], "closes": _after(day, closes)}
        if draw(st.booleans()):
            call["opens"] = _after(day, closes - draw(st.integers(1, 90)))
    draft.add("calls", call)


@functools.cache
def _sg_weeks() -> int:
    """The weeks the catalogue asks between a Secretary-General's report and its IMRF."""
    return int(rules.lookup("sg-report-lead-time").parameter("weeks"))


@_breaks("sg-report-lead-time", ways=2)
def _break_sg_report_lead_time(draw: DrawFn, draft: _Draft) -> None:
    forum = {"id": draft.fresh(draw)}
    if draft.way == 0:  # a forum that gives its first day
        round_code = _code(draw, "imrf")
        first, last = _round_days(round_code)
        start = _day(draw, first, last)
        forum |= {"round": round_code, "start": start.isoformat()}
    else:  # a forum whose known meeting gives it
        dated = [(m, m.start) for m in registry.known_meetings if m.kind == "imrf" and m.start]
        known, start = _pick(draw, dated)
        forum |= {"round": known.round, "known_meeting": known.code}
    draft.add("forums", forum)
    # Issued less than the weeks asked before the forum opens, or even after it.
    lead = dt.timedelta(days=draw(st.integers(-60, 7 * _sg_weeks() - 1)))
    report = {"id": draft.fresh(draw), "forum": forum["id"], "issued": (start - lead).isoformat()}
    draft.add("sg_reports", report)
