"""Carriers of invalid datasets: the few records that break a rule, and the breakers' registry.

A drawn valid dataset (the base), then a small "carrier" (the few records a
rule needs, with drawn ids, texts and dates) broken in one of a few drawn
ways. The carrier never touches the base's records, so every reference of
the base still resolves; its ids are fresh, so no id clashes by accident; and
it is built so that, under a profile that raises warnings to errors
(``strict``), no other rule fires either: there the base is empty. The
breakers, one per rule, are in the ``_breaks_*`` modules, by rule family.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any, TypeAlias

from hypothesis import strategies as st

from gcm_model.models.followup import CallKind, NationalReviewKind
from gcm_model.models.process import EventKind, ParticipantKind
from gcm_model.models.reports import ReportKind
from gcm_model.testing._datasets import _COLLECTIONS
from gcm_model.testing._draw import (
    _cluster_objectives,
    _code,
    _codes,
    _id,
    _pick,
    _text,
)
from gcm_model.testing._times import _day, _round_days

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from hypothesis.strategies import DrawFn


_Document: TypeAlias = "dict[str, Any]"
_CARRIER_FIRST = dt.date(2020, 1, 1)
"""The earliest day of a carrier meeting: regional reviews began in 2020."""
_CARRIER_LAST = dt.date(2030, 12, 31)
_FIRST_IMRF = 2022
"""The year of the first IMRF (A/RES/73/195 para. 49; ``gcm_model.rounds``)."""
_SAFE_INT = 2**53
"""JSON numbers beyond this lose precision in many parsers; drawn ints stay inside."""
_PLAIN_SEGMENTS = ("hearing", "opening", "closing", "high_level_panel", "side_event")
"""Segment kinds with no rule of their own on roles or objectives."""


@dataclasses.dataclass
class _Draft:
    """A document being broken: the valid base, the ids it holds and the profile's needs."""

    document: _Document
    taken: set[str]
    consultations: int
    """The fewest consultations a review needs under the profile."""
    gender_balance: bool = False
    """Whether the profile judges gender balance (``unece-2024``), not only geographic."""
    way: int = 0
    """Which of the rule's ways of breaking it to take."""
    raw: bytes | None = None
    """The document's bytes, when a breaker makes them (they are not JSON)."""

    def fresh(self, draw: DrawFn) -> str:
        """A drawn id that no record of the document has; shrinks towards ``"0"``."""
        candidate = _id(draw)
        suffix = 0
        found = candidate
        while found in self.taken:
            suffix += 1
            found = f"{candidate}:{suffix}"
        self.taken.add(found)
        return found

    def add(self, collection: str, record: _Document) -> _Document:
        """Append a record to a collection of the document and return it."""
        self.document.setdefault(collection, []).append(record)
        return record


def _ids_of(document: _Document) -> set[str]:
    return {
        record["id"]
        for name in _COLLECTIONS
        for record in document.get(name, [])
        if isinstance(record, dict) and isinstance(record.get("id"), str)
    }


def _imrf_year(year: int) -> bool:
    """Whether the IMRF meets in ``year`` (every four years from 2022, A/RES/73/195 para. 49)."""
    return year >= _FIRST_IMRF and (year - _FIRST_IMRF) % 4 == 0


def _off_imrf(day: dt.date) -> dt.date:
    """The day, a year earlier if the IMRF meets in its year: no regional review meets then."""
    return day.replace(year=day.year - 1, day=min(day.day, 28)) if _imrf_year(day.year) else day


def _carrier_day(draw: DrawFn) -> dt.date:
    """A day for a carrier's meeting: 2020-2030, in no IMRF year (``imrf-alternation``)."""
    return _off_imrf(_day(draw, _CARRIER_FIRST, _CARRIER_LAST))


def _after(day: dt.date, days: int) -> str:
    return (day + dt.timedelta(days=days)).isoformat()


def _c_meeting(draw: DrawFn, draft: _Draft, day: dt.date, **fields: Any) -> _Document:
    """A regional review meeting on ``day``, with the fields given."""
    record = {"id": draft.fresh(draw), "title": _text(draw), "kind": "regional_review"}
    return draft.add("meetings", {**record, "start": day.isoformat(), **fields})


def _c_person(draw: DrawFn, draft: _Draft, **fields: Any) -> str:
    """A participant who is a person; returns the id."""
    return str(
        draft.add("participants", {"id": draft.fresh(draw), "kind": "person", **fields})["id"]
    )


def _c_record(draw: DrawFn, draft: _Draft, collection: str) -> _Document:
    """A minimal valid record of a collection (not a review: reviews call for coverage)."""
    if collection == "meetings":
        return _c_meeting(draw, draft, _carrier_day(draw))
    record: _Document = {"id": draft.fresh(draw)}
    if collection == "events":
        record |= {"kind": _pick(draw, tuple(EventKind)).value}
        record |= {"start": _carrier_day(draw).isoformat()}
    elif collection == "participants":
        record |= {"kind": _pick(draw, tuple(ParticipantKind)).value}
    elif collection == "reports":
        record |= {"kind": _pick(draw, tuple(ReportKind)).value}
    elif collection in _FOLLOW_UP:
        record |= _FOLLOW_UP[collection](draw)
    else:  # submissions and pledges: a Member State's text
        record |= {"member_state": _code(draw, "un_member"), "text": _text(draw)}
    return draft.add(collection, record)


_FOLLOW_UP: dict[str, Callable[[DrawFn], _Document]] = {
    "forums": lambda draw: {"round": _code(draw, "imrf")},
    "sg_reports": lambda _: {},
    "calls": lambda draw: {"kind": _pick(draw, tuple(CallKind)).value},
    "national_reviews": lambda draw: {
        "kind": _pick(draw, tuple(NationalReviewKind)).value,
        "country": _code(draw, "un_member"),
    },
    "funds": lambda draw: {"name": _text(draw)},
}
"""What a minimal record of each follow-up collection holds besides its id: no dates, no
references, so no rule but the one broken looks at it."""

_CARRIED = (
    "meetings",
    "events",
    "participants",
    "submissions",
    "reports",
    "pledges",
    *_FOLLOW_UP,
)


def _c_sessions(
    draw: DrawFn, draft: _Draft, clusters: Sequence[int] = (1, 2, 3, 4)
) -> list[_Document]:
    """Thematic sessions on clusters, each on all its objectives and with both roles."""
    speaker = _c_person(draw, draft)
    moderator = _c_person(draw, draft)
    return [
        {
            "kind": "thematic_session",
            "cluster": cluster,
            "objectives": list(_cluster_objectives(cluster)),
            "member_state_speaker": speaker,
            "moderator": moderator,
        }
        for cluster in clusters
    ]


def _c_review(  # noqa: PLR0913 - the parts of a review a rule may leave out
    draw: DrawFn,
    draft: _Draft,
    *,
    consultations: int | None = None,
    evaluation: bool = True,
    categories: Sequence[str] | None = None,
    objectives: Sequence[Sequence[int]] = (),
) -> _Document:
    """A regional review that breaks no review rule unless told to.

    It has a meeting, a participant of every stakeholder category (or of
    ``categories``) attending it, as many consultations as the profile asks
    (or ``consultations``; the first ones on ``objectives``) and an
    evaluation session after the meeting (unless ``evaluation`` is false).
    """
    round_code = _code(draw, "regional")
    review = draft.add(
        "reviews",
        {"id": draft.fresh(draw), "round": round_code, "commissions": [_code(draw, "commission")]},
    )
    first, last = _round_days(round_code)
    day = _day(draw, max(first, _CARRIER_FIRST), last)
    meeting = _c_meeting(draw, draft, day, review=review["id"])
    wanted = (
        [c for c in _codes("stakeholder") if c != "other"] if categories is None else categories
    )
    for category in wanted:
        organisation = {"id": draft.fresh(draw), "kind": "organisation", "sector": "stakeholder"}
        draft.add("participants", {**organisation, "category": category, "events": [meeting["id"]]})
    count = draft.consultations if consultations is None else consultations
    for index in range(count):
        event = {"id": draft.fresh(draw), "kind": "consultation", "review": review["id"]}
        event["start"] = _after(day, -draw(st.integers(1, 90)))
        if index < len(objectives):
            event["objectives"] = sorted(objectives[index])
        draft.add("events", event)
    if evaluation:
        event = {"id": draft.fresh(draw), "kind": "evaluation", "review": review["id"]}
        draft.add("events", {**event, "start": _after(day, draw(st.integers(1, 90)))})
    return review


# -- the breakers' registry: each breaker adds a carrier to the draft, broken --------------

_Breaker: TypeAlias = "Callable[[DrawFn, _Draft], None]"
_Breakers: TypeAlias = "dict[str, tuple[int, _Breaker]]"
"""Rules' breakers by slug, with the number of ways each knows (``_Draft.way`` says which)."""


def _register(found: _Breakers, slug: str, ways: int = 1) -> Callable[[_Breaker], _Breaker]:
    """A decorator entering a rule's breaker, and the number of ways it knows, in ``found``."""

    def register(breaker: _Breaker) -> _Breaker:
        found[slug] = (ways, breaker)
        return breaker

    return register
