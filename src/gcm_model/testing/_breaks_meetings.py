"""Breakers of the rules on meetings and their agendas (``GCM3xx``).

``objective-coverage``, ``segment-overlap``, ``co-chairs``,
``commission-membership``, ``session-roles``, ``registration-lead-time``,
``written-input-deadline``, ``balance``, ``webcast``, ``hearing-first``,
``background-notes``, ``rapporteur``, ``thematic-sessions``,
``co-chair-remarks``, ``rapporteur-briefing`` and ``accreditation``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from hypothesis import strategies as st

from gcm_model.models.process import Gender
from gcm_model.testing._carriers import (
    _PLAIN_SEGMENTS,
    _after,
    _Breakers,
    _c_meeting,
    _c_person,
    _c_review,
    _c_sessions,
    _carrier_day,
    _Document,
    _Draft,
    _register,
)
from gcm_model.testing._draw import (
    _FIRST_MINUTE,
    _SLOT_MINUTES,
    _code,
    _codes,
    _maybe,
    _members,
    _pick,
    _subset,
    _text,
)
from gcm_model.testing._reference_codes import cluster_numbers

if TYPE_CHECKING:
    import datetime as dt

    from hypothesis.strategies import DrawFn


_BREAKERS: _Breakers = {}
"""The breakers of the rules of this family, with the number of ways each knows."""
_breaks = functools.partial(_register, _BREAKERS)


_CONFERENCE = "intergovernmental_conference"


@_breaks("objective-coverage", ways=3)
def _break_objective_coverage(draw: DrawFn, draft: _Draft) -> None:
    way = draft.way
    if way == 0:  # sessions on some clusters only
        clusters = sorted(_subset(draw, range(1, 5), max_size=3, min_size=1))
        _c_meeting(draw, draft, _carrier_day(draw), agenda=_c_sessions(draw, draft, clusters))
    elif way == 1:  # a cluster twice
        twice = draw(cluster_numbers())
        sessions = _c_sessions(draw, draft, [1, 2, 3, 4, twice])
        _c_meeting(draw, draft, _carrier_day(draw), agenda=sessions)
    else:  # consultations of a review that leave objectives out
        left_out = set(_subset(draw, range(1, 24), min_size=1))
        covered = [n for n in range(1, 24) if n not in left_out]
        _c_review(draw, draft, consultations=max(1, draft.consultations), objectives=[covered])


def _clock(day: dt.date, minutes: int, offset: str) -> str:
    return f"{day.isoformat()}T{minutes // 60:02d}:{minutes % 60:02d}:00{offset}"


@_breaks("segment-overlap")
def _break_segment_overlap(draw: DrawFn, draft: _Draft) -> None:
    day = _carrier_day(draw)
    offset = _pick(draw, ("+00:00", "+01:00", "-03:00", "+07:00"))
    first_start = _FIRST_MINUTE + _SLOT_MINUTES * draw(st.integers(0, 40))
    first_end = first_start + _SLOT_MINUTES * draw(st.integers(2, 8))
    second_start = draw(st.integers(first_start, first_end - _SLOT_MINUTES))
    second_end = max(second_start, first_end) + _SLOT_MINUTES * draw(st.integers(0, 4))
    segments = [
        {
            "kind": _pick(draw, _PLAIN_SEGMENTS),
            "start": _clock(day, start, offset),
            "end": _clock(day, end, offset),
        }
        for start, end in (
            (first_start, first_end),
            (second_start, max(second_end, second_start + 1)),
        )
    ]
    _c_meeting(draw, draft, day, agenda=segments)


@_breaks("co-chairs")
def _break_co_chairs(draw: DrawFn, draft: _Draft) -> None:
    count = _pick(draw, (1, 3, 4))
    chairs = _subset(draw, _codes("un_member"), max_size=count, min_size=count)
    _c_meeting(draw, draft, _carrier_day(draw), co_chairs=list(chairs))


@_breaks("commission-membership", ways=2)
def _break_commission_membership(draw: DrawFn, draft: _Draft) -> None:
    commission = _code(draw, "commission")
    day = _carrier_day(draw)
    members = _members((commission,), day)
    outsiders = [c for c in _codes("un_member") if c not in members]
    outsider = _pick(draw, outsiders)
    if draft.way == 1:  # a Member State speaker from outside the region
        sessions = _c_sessions(draw, draft)
        speaker = _c_person(draw, draft, sector="member_state", country=outsider)
        sessions[draw(st.integers(0, 3))]["member_state_speaker"] = speaker
        _c_meeting(draw, draft, day, commissions=[commission], agenda=sessions)
    else:
        chairs = [_pick(draw, members), outsider]
        if _maybe(draw):
            chairs.reverse()
        _c_meeting(draw, draft, day, commissions=[commission], co_chairs=chairs)


@_breaks("session-roles")
def _break_session_roles(draw: DrawFn, draft: _Draft) -> None:
    sessions = _c_sessions(draw, draft)
    for field in _subset(draw, ("member_state_speaker", "moderator"), max_size=2, min_size=1):
        del sessions[draw(st.integers(0, 3))][field]
    _c_meeting(draw, draft, _carrier_day(draw), agenda=sessions)


@_breaks("registration-lead-time")
def _break_registration_lead_time(draw: DrawFn, draft: _Draft) -> None:
    day = _carrier_day(draw)
    opens = _after(day, -draw(st.integers(0, 55)))
    _c_meeting(draw, draft, day, registration={"opens": opens})


@_breaks("written-input-deadline")
def _break_written_input_deadline(draw: DrawFn, draft: _Draft) -> None:
    day = _carrier_day(draw)
    _c_meeting(draw, draft, day, written_inputs_due=_after(day, -draw(st.integers(0, 6))))


@_breaks("balance", ways=2)
def _break_balance(draw: DrawFn, draft: _Draft) -> None:
    count = draw(st.integers(4, 6))
    if draft.way == 1 or not draft.gender_balance:  # one country (the profile judges no gender)
        country = _code(draw, "un_member")
        people = [
            _c_person(draw, draft, sector="member_state", country=country) for _ in range(count)
        ]
    else:  # one gender
        gender = _pick(draw, tuple(Gender)).value
        people = [_c_person(draw, draft, gender=gender) for _ in range(count)]
    segment = {"kind": _pick(draw, ("opening", "closing")), "speakers": people}
    _c_meeting(draw, draft, _carrier_day(draw), agenda=[segment])


@_breaks("webcast", ways=2)
def _break_webcast(draw: DrawFn, draft: _Draft) -> None:
    day = _carrier_day(draw)
    if draft.way == 1:  # a consultation
        event = {"id": draft.fresh(draw), "kind": "consultation", "start": day.isoformat()}
        draft.add("events", {**event, "webcast": False})
    else:
        _c_meeting(draw, draft, day, webcast=False)


@_breaks("hearing-first", ways=3)
def _break_hearing_first(draw: DrawFn, draft: _Draft) -> None:
    day = _carrier_day(draw)
    way = draft.way
    conference: _Document = {"kind": _CONFERENCE}
    if way == 0:  # no hearing at all
        agenda = [conference]
    elif way == 1:  # the hearing listed after the conference
        agenda = [conference, {"kind": "hearing"}]
    else:  # the hearing listed first but held after the conference opens
        opens = _FIRST_MINUTE + _SLOT_MINUTES * draw(st.integers(0, 20))
        late = opens + _SLOT_MINUTES * draw(st.integers(1, 8))
        conference |= {"start": _clock(day, opens, "+00:00")}
        agenda = [{"kind": "hearing", "start": _clock(day, late, "+00:00")}, conference]
    _c_meeting(draw, draft, day, agenda=agenda)


@_breaks("background-notes")
def _break_background_notes(draw: DrawFn, draft: _Draft) -> None:
    sessions = _c_sessions(draw, draft)
    for session in sessions:
        session["background_note"] = {"title": _text(draw)}
    for index in _subset(draw, range(4), max_size=4, min_size=1):
        del sessions[index]["background_note"]
    _c_meeting(draw, draft, _carrier_day(draw), agenda=sessions)


@_breaks("rapporteur")
def _break_rapporteur(draw: DrawFn, draft: _Draft) -> None:
    _c_meeting(draw, draft, _carrier_day(draw))


@_breaks("thematic-sessions")
def _break_thematic_sessions(draw: DrawFn, draft: _Draft) -> None:
    clusters = sorted(_subset(draw, range(1, 5), max_size=3))
    _c_meeting(draw, draft, _carrier_day(draw), agenda=_c_sessions(draw, draft, clusters))


@_breaks("co-chair-remarks", ways=2)
def _break_co_chair_remarks(draw: DrawFn, draft: _Draft) -> None:
    if draft.way == 1:  # an opening or a closing whose speakers are no co-chairs
        speakers = [_c_person(draw, draft) for _ in range(draw(st.integers(1, 3)))]
        kind = _pick(draw, ("opening", "closing"))
        other = "closing" if kind == "opening" else "opening"
        agenda = [{"kind": kind, "speakers": speakers}, {"kind": other}]
    else:  # no opening, or no closing, or neither
        kept = _subset(draw, ("opening", "closing"), max_size=1)
        agenda = [{"kind": k} for k in ("hearing", _CONFERENCE, *kept)]
    _c_meeting(draw, draft, _carrier_day(draw), agenda=agenda)


@_breaks("rapporteur-briefing")
def _break_rapporteur_briefing(draw: DrawFn, draft: _Draft) -> None:
    rapporteur = _c_person(draw, draft, sector="stakeholder")
    speakers = [_c_person(draw, draft) for _ in range(draw(st.integers(1, 3)))]
    agenda = [{"kind": "opening", "speakers": speakers}, {"kind": "closing"}]
    _c_meeting(draw, draft, _carrier_day(draw), rapporteur=rapporteur, agenda=agenda)


@_breaks("accreditation")
def _break_accreditation(draw: DrawFn, draft: _Draft) -> None:
    meeting = _c_meeting(draw, draft, _carrier_day(draw), accreditation_required=True)
    fields = {"sector": "stakeholder", "accredited": False, "events": [meeting["id"]]}
    if _maybe(draw):
        fields["category"] = _code(draw, "stakeholder")
    _c_person(draw, draft, **fields)
