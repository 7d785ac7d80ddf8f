"""Breakers of the rules on codes, dates and references (``GCM1xx`` and ``GCM2xx``).

``unknown-objective``, ``unknown-code``, ``cluster-objectives``,
``chronology``, ``duplicate-id`` and ``dangling-reference``.
"""

from __future__ import annotations

import functools
import string
from typing import TYPE_CHECKING, Any

from hypothesis import strategies as st

from gcm_model import registry
from gcm_model.models.reports import ReportKind
from gcm_model.testing._carriers import (
    _CARRIED,
    _PLAIN_SEGMENTS,
    _SAFE_INT,
    _after,
    _Breakers,
    _c_meeting,
    _c_person,
    _c_record,
    _c_sessions,
    _carrier_day,
    _Document,
    _Draft,
    _register,
)
from gcm_model.testing._draw import _objectives, _pick, _subset, _text

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy


_BREAKERS: _Breakers = {}
"""The breakers of the rules of this family, with the number of ways each knows."""
_breaks = functools.partial(_register, _BREAKERS)


_PREPARING = ("pre_consultation", "consultation", "briefing", "gcm_talk")
"""Event kinds that prepare a meeting, and so come before it."""


# -- values that break a field -------------------------------------------------------------


@functools.cache
def _bad_objectives() -> SearchStrategy[int]:
    """Integers that are no objective number; shrinks towards 24."""
    return st.one_of(st.integers(24, _SAFE_INT), st.integers(-_SAFE_INT, 0))


@functools.cache
def _unknown_codes(registry_name: str, alphabet: str, low: int, high: int) -> SearchStrategy[str]:
    """Codes shaped like a registry's (``low`` to ``high`` characters) that it does not know."""
    found: registry.Registry[Any, Any] = getattr(registry, registry_name)
    codes = st.text(alphabet, min_size=low, max_size=high)
    return codes.filter(lambda code: found.get(code) is None)


@functools.cache
def _unknown_rounds() -> SearchStrategy[str]:
    """Round codes of the right shape that are no round; shrinks towards ``"regional-2000"``."""
    kinds = st.sampled_from(("regional", "imrf"))
    codes = st.builds("{}-{}".format, kinds, st.integers(2000, 2100))
    return codes.filter(lambda code: registry.rounds.get(code) is None)


# -- one breaker per rule: each adds a carrier to the draft, broken ------------------------


@_breaks("unknown-objective", ways=4)
def _break_unknown_objective(draw: DrawFn, draft: _Draft) -> None:
    objectives = [*_objectives(draw), draw(_bad_objectives())]
    way = draft.way
    if way == 0:
        pledge = {"id": draft.fresh(draw), "text": _text(draw), "member_state": "ESP"}
        draft.add("pledges", {**pledge, "objectives": objectives})
    elif way == 1:
        event: _Document = {"id": draft.fresh(draw), "kind": "briefing"}
        event |= {"start": _carrier_day(draw).isoformat(), "objectives": objectives}
        draft.add("events", event)
    elif way == 2:
        submission = {"id": draft.fresh(draw), "member_state": "ESP", "text": _text(draw)}
        draft.add("submissions", {**submission, "objectives": objectives})
    else:
        item = {"kind": "key_finding", "text": _text(draw), "objectives": objectives}
        section = {"kind": "key_findings", "items": [item]}
        report = {"id": draft.fresh(draw), "kind": "chairs_summary", "sections": [section]}
        draft.add("reports", report)


@_breaks("unknown-code", ways=8)
def _break_unknown_code(draw: DrawFn, draft: _Draft) -> None:
    upper, lower = string.ascii_uppercase, string.ascii_lowercase
    way = draft.way
    day = _carrier_day(draw)
    if way == 0:
        country = draw(_unknown_codes("countries", upper, 3, 3))
        _c_meeting(draw, draft, day, host_country=country)
    elif way == 1:
        commission = draw(_unknown_codes("commissions", upper, 2, 6))
        _c_meeting(draw, draft, day, commissions=[commission])
    elif way == 2:
        _c_meeting(draw, draft, day, languages=[draw(_unknown_codes("languages", lower, 2, 2))])
    elif way == 3:
        _c_meeting(draw, draft, day, round=draw(_unknown_rounds()))
    elif way == 4:
        _c_meeting(
            draw, draft, day, venue={"country": draw(_unknown_codes("countries", upper, 3, 3))}
        )
    elif way == 5:
        # In an event's clusters: a thematic session would also draw the session rules.
        event = _c_record(draw, draft, "events")
        event["clusters"] = [draw(st.integers(5, 99))]
    elif way == 6:
        kind = draw(_unknown_codes("report_section_kinds", lower + "_", 1, 12))
        report = {"id": draft.fresh(draw), "kind": "outcome_report", "sections": [{"kind": kind}]}
        draft.add("reports", report)
    else:
        organisation = {"id": draft.fresh(draw), "kind": "organisation", "sector": "stakeholder"}
        category = draw(_unknown_codes("stakeholders", lower + "_", 1, 12))
        draft.add("participants", {**organisation, "category": category})


@_breaks("cluster-objectives")
def _break_cluster_objectives(draw: DrawFn, draft: _Draft) -> None:
    sessions = _c_sessions(draw, draft)
    source, target = _subset(draw, range(4), max_size=2, min_size=2)
    # Moved, not copied: the sessions still cover each objective once (objective-coverage).
    own = sessions[source]["objectives"]
    moved = own.pop(draw(st.integers(0, len(own) - 1)))  # every cluster has five or more
    sessions[target]["objectives"] = sorted([*sessions[target]["objectives"], moved])
    _c_meeting(draw, draft, _carrier_day(draw), agenda=sessions)


@_breaks("chronology", ways=5)
def _break_chronology(draw: DrawFn, draft: _Draft) -> None:
    way = draft.way
    day = _carrier_day(draw)
    gap = draw(st.integers(1, 60))
    if way == 0:  # a meeting that ends before it starts
        _c_meeting(draw, draft, day, end=_after(day, -gap))
    elif way == 1:  # a segment outside its meeting
        segment = {"kind": _pick(draw, _PLAIN_SEGMENTS), "start": _after(day, -gap)}
        _c_meeting(draw, draft, day, agenda=[segment])
    else:
        meeting = _c_meeting(draw, draft, day)
        record: _Document = {"id": draft.fresh(draw)}
        if way == 2:  # a preparatory event after the meeting it prepares
            record |= {"kind": _pick(draw, _PREPARING), "start": _after(day, gap)}
            draft.add("events", {**record, "meeting": meeting["id"]})
        elif way == 3:  # an evaluation before the meeting
            record |= {"kind": "evaluation", "start": _after(day, -gap)}
            draft.add("events", {**record, "meeting": meeting["id"]})
        else:  # a report issued before the meeting it reports on
            record |= {"kind": _pick(draw, tuple(ReportKind)).value, "issued": _after(day, -gap)}
            draft.add("reports", {**record, "meetings": [meeting["id"]]})


@_breaks("duplicate-id", ways=2)
def _break_duplicate_id(draw: DrawFn, draft: _Draft) -> None:
    collection = _pick(draw, _CARRIED)
    own = [r["id"] for r in draft.document.get(collection, []) if isinstance(r, dict)]
    first = _c_record(draw, draft, collection)
    second = _c_record(draw, draft, collection)
    if own and draft.way == 1:  # the id of a record of the base
        first["id"] = _pick(draw, own)
    second["id"] = first["id"]


@_breaks("dangling-reference", ways=10)
def _break_dangling_reference(draw: DrawFn, draft: _Draft) -> None:
    nowhere = draft.fresh(draw)  # an id no record has
    way = draft.way
    if way == 0:
        field = _pick(draw, ("review", "rapporteur"))
        _c_meeting(draw, draft, _carrier_day(draw), **{field: nowhere})
    elif way == 1:
        _c_meeting(draw, draft, _carrier_day(draw), organisers=[nowhere])
    elif way == 2:
        field = _pick(draw, ("meeting", "review"))
        _c_record(draw, draft, "events")[field] = nowhere
    elif way == 3:
        _c_record(draw, draft, "events")["feeds"] = [nowhere]
    elif way == 4:
        _c_person(draw, draft, events=[nowhere])
    elif way == 5:
        _c_person(draw, draft, organisation=nowhere)
    elif way == 6:
        field = _pick(draw, ("meetings", "events", "informs", "authors"))
        _c_record(draw, draft, "reports")[field] = [nowhere]
    elif way == 7:
        segment = {"kind": "hearing", "moderator": nowhere}
        _c_meeting(draw, draft, _carrier_day(draw), agenda=[segment])
    elif way == 8:  # a call for a review, meeting or fund the dataset does not hold
        _c_record(draw, draft, "calls")[_pick(draw, ("review", "meeting", "fund"))] = nowhere
    else:  # a follow-up record that names a forum, review or plan the dataset does not hold
        collection, field = _pick(
            draw, (("sg_reports", "forum"), ("national_reviews", "plan"), ("funds", "reviews"))
        )
        _c_record(draw, draft, collection)[field] = [nowhere] if field == "reviews" else nowhere
