"""Breakers of the rules on a document's structure (``GCM0xx``).

``json-syntax``, ``schema-version``, ``missing-field``, ``unknown-field``,
``wrong-type`` and ``invalid-value``: each adds a carrier to the draft that
the JSON Schema rejects too (``json-syntax`` documents are not JSON).
"""

from __future__ import annotations

import functools
import string
from typing import TYPE_CHECKING, Any

import orjson
from hypothesis import strategies as st

from gcm_model.models.dataset import SCHEMA_VERSION
from gcm_model.schema import json_schema
from gcm_model.testing._carriers import (
    _CARRIED,
    _PLAIN_SEGMENTS,
    _SAFE_INT,
    _Breakers,
    _c_meeting,
    _c_record,
    _c_review,
    _carrier_day,
    _Draft,
    _register,
)
from gcm_model.testing._datasets import _COLLECTIONS
from gcm_model.testing._draw import _TEXT_SIZE, _code, _email, _pick, _text, _text_strategy
from gcm_model.testing._meetings import _MONTHS

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy


_BREAKERS: _Breakers = {}
"""The breakers of the rules of this family, with the number of ways each knows."""
_breaks = functools.partial(_register, _BREAKERS)


# -- values that break a field -------------------------------------------------------------

_SAFE_INTS = st.integers(-_SAFE_INT, _SAFE_INT)


@functools.cache
def _wrong_values(expected: str) -> SearchStrategy[Any]:
    """JSON values not of the ``expected`` kind: text, flag, list, int or record.

    They shrink towards the first kind listed for each: ``0`` where text or a
    record is expected, ``"0"`` where a flag, a list or an int is.
    """
    text = _text_strategy(_TEXT_SIZE)
    fractions = st.floats(-1e6, 1e6).filter(lambda x: not x.is_integer())
    kinds: dict[str, tuple[SearchStrategy[Any], ...]] = {
        "text": (_SAFE_INTS, st.booleans(), st.lists(st.integers(-9, 9), max_size=2), st.just({})),
        "flag": (text, _SAFE_INTS, st.just([])),
        "list": (text, _SAFE_INTS, st.booleans(), st.just({})),
        "int": (text, fractions, st.booleans(), st.just([])),
        "record": (_SAFE_INTS, text, st.booleans(), st.none()),
    }
    return st.one_of(kinds[expected])


def _wrong(draw: DrawFn, expected: str) -> Any:
    return draw(_wrong_values(expected))


@functools.cache
def _unknown_keys() -> SearchStrategy[str]:
    """Keys that name no field of any model class; shrinks towards ``"a"``."""
    definitions = json_schema()["$defs"].values()
    names = frozenset(name for d in definitions for name in d.get("properties", ()))
    keys = st.text(string.ascii_lowercase + "_", min_size=1, max_size=12)
    return keys.filter(lambda key: key not in names)


# -- one breaker per rule: each adds a carrier to the draft, broken ------------------------


@_breaks("json-syntax", ways=4)
def _break_json_syntax(draw: DrawFn, draft: _Draft) -> None:
    """Valid JSON made invalid: cut short, followed by more, a bad byte or a trailing comma."""
    data = orjson.dumps(draft.document)
    if draft.way == 0:
        draft.raw = data[: len(data) - 1 - draw(st.integers(0, len(data) - 1))]
    elif draft.way == 1:
        draft.raw = data + _pick(draw, (b"}", b",", b"{}", b"x", b"]"))
    elif draft.way == 2:
        at = draw(st.integers(0, len(data)))
        draft.raw = data[:at] + _pick(draw, (b"\xff", b"\xc3", b"\x80")) + data[at:]
    else:
        draft.raw = data[:-1] + b",}"


@_breaks("schema-version", ways=3)
def _break_schema_version(draw: DrawFn, draft: _Draft) -> None:
    # Later versions only: an earlier one may have a registered migration to this one.
    way = draft.way
    if way == 0:
        del draft.document["schema_version"]
    elif way == 1:
        major = draw(st.integers(int(SCHEMA_VERSION.split(".")[0]) + 1, 99))
        draft.document["schema_version"] = f"{major}.{draw(st.integers(0, 9))}"
    else:
        draft.document["schema_version"] = draw(st.one_of(st.none(), _SAFE_INTS, st.booleans()))


_REQUIRED: dict[str, tuple[str, ...]] = {
    "meetings": ("id", "title", "kind"),
    "events": ("id", "kind"),
    "participants": ("id", "kind"),
    "submissions": ("id",),
    "reports": ("id", "kind"),
    "pledges": ("id", "text"),
    "forums": ("id", "round"),
    "sg_reports": ("id",),
    "calls": ("id", "kind"),
    "national_reviews": ("id", "kind", "country"),
    "funds": ("id", "name"),
}
"""The fields each carrier record cannot do without, as the JSON Schema requires them."""


@_breaks("missing-field", ways=5)
def _break_missing_field(draw: DrawFn, draft: _Draft) -> None:
    way = draft.way
    if way == 0:  # a required field of a record
        collection = _pick(draw, _CARRIED)
        record = _c_record(draw, draft, collection)
        del record[_pick(draw, _REQUIRED[collection])]
    elif way == 1:  # a review without its id: the rules over its events pass it by
        review = {"id": draft.fresh(draw), "round": _code(draw, "regional"), "commissions": ["ECE"]}
        del draft.add("reviews", review)["id"]
    elif way == 2:  # the kind of an agenda segment
        segment = {"kind": _pick(draw, _PLAIN_SEGMENTS), "title": _text(draw)}
        del segment["kind"]
        _c_meeting(draw, draft, _carrier_day(draw), agenda=[segment])
    elif way == 3:  # a part of a contact
        contact = {"role": _text(draw), "email": _email(draw)}
        del contact[_pick(draw, ("role", "email"))]
        _c_meeting(draw, draft, _carrier_day(draw), contacts=[contact])
    else:  # the title of a document
        document = {"title": _text(draw), "url": _text(draw)}
        del document["title"]
        _c_meeting(draw, draft, _carrier_day(draw), documents=[document])


@_breaks("unknown-field", ways=4)
def _break_unknown_field(draw: DrawFn, draft: _Draft) -> None:
    way = draft.way
    key = draw(_unknown_keys())
    value = draw(st.one_of(_text_strategy(_TEXT_SIZE), _SAFE_INTS, st.booleans(), st.none()))
    if way == 0:  # beside the collections
        draft.document[key] = value
    elif way == 1:
        _c_record(draw, draft, _pick(draw, _CARRIED))[key] = value
    elif way == 2:
        _c_meeting(draw, draft, _carrier_day(draw), venue={"city": _text(draw), key: value})
    else:
        segment = {"kind": _pick(draw, _PLAIN_SEGMENTS), key: value}
        _c_meeting(draw, draft, _carrier_day(draw), agenda=[segment])


@_breaks("wrong-type", ways=9)
def _break_wrong_type(draw: DrawFn, draft: _Draft) -> None:
    way = draft.way
    day = _carrier_day(draw)
    if way == 0:
        _c_meeting(draw, draft, day)["title"] = _wrong(draw, "text")
    elif way == 1:
        _c_meeting(draw, draft, day, webcast=_wrong(draw, "flag"))
    elif way == 2:
        _c_meeting(draw, draft, day, commissions=_wrong(draw, "list"))
    elif way == 3:
        _c_meeting(draw, draft, day, agenda=_wrong(draw, "list"))
    elif way == 4:
        _c_meeting(draw, draft, day)["start"] = _wrong(draw, "text")
    elif way == 5:
        event = {"id": draft.fresh(draw), "kind": "briefing", "start": day.isoformat()}
        draft.add("events", {**event, "objectives": [_wrong(draw, "int")]})
    elif way == 6:
        hearing = {"kind": "hearing", "reported_minutes": _wrong(draw, "int")}
        _c_meeting(draw, draft, day, agenda=[hearing])
    elif way == 7:
        draft.document["title"] = _wrong(draw, "text")
    else:  # an item of a collection that is no record
        draft.document.setdefault(_pick(draw, _COLLECTIONS), []).append(_wrong(draw, "record"))


_MALFORMED_DAYS = ("{d:02d}/{m:02d}/{y}", "{d} {month} {y}", "{y}-{m:02d}-{d:02d}T12:00", "{y}")


@_breaks("invalid-value", ways=9)
def _break_invalid_value(draw: DrawFn, draft: _Draft) -> None:
    way = draft.way
    day = _carrier_day(draw)
    if way == 0:  # blank or untrimmed text
        text = _text(draw)
        meeting = _c_meeting(draw, draft, day)
        meeting["title"] = _pick(draw, (" ", "", f" {text}", f"{text} ", f"{text}\t"))
    elif way == 1:  # a day not written as the ISO date
        shape = _pick(draw, _MALFORMED_DAYS)
        text = shape.format(d=day.day, m=day.month, y=day.year, month=_MONTHS[day.month - 1])
        _c_meeting(draw, draft, day)["start"] = text
    elif way == 2:  # an id of the wrong shape
        record = _c_record(draw, draft, _pick(draw, _CARRIED))
        record["id"] = _pick(draw, (f"-{record['id']}", f"{record['id']} x", "", " "))
    elif way == 3:
        mailbox = draw(st.text(string.ascii_lowercase + ".", min_size=1, max_size=10))
        contact = {
            "role": _text(draw),
            "email": _pick(draw, (mailbox, f"{mailbox}@", f"@{mailbox}")),
        }
        _c_meeting(draw, draft, day, contacts=[contact])
    elif way == 4:
        hearing = {"kind": "hearing", "reported_minutes": draw(st.integers(-600, 0))}
        _c_meeting(draw, draft, day, agenda=[hearing])
    elif way == 5:  # a code twice in a list
        language = _code(draw, "language")
        _c_meeting(draw, draft, day, languages=[language, language])
    elif way == 6:  # a country code not in upper case
        _c_meeting(draw, draft, day, host_country=_code(draw, "country").lower())
    elif way == 7:  # a value outside an enumeration
        _c_record(draw, draft, "participants")["kind"] = _pick(draw, ("people", "Person", "group"))
    else:  # a review of no commission (otherwise whole: under strict, a bare one breaks others)
        _c_review(draw, draft)["commissions"] = []
