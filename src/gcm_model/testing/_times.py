"""Days and times of the strategies: a grid of quarter hours in a few real zones."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, TypeAlias

from hypothesis import strategies as st

from gcm_model import registry
from gcm_model.dates import zone
from gcm_model.errors import InvalidCodeError
from gcm_model.testing._draw import (
    _FIRST_DAY,
    _FIRST_MINUTE,
    _LAST_DAY,
    _SLOT_MINUTES,
    _SLOTS,
    _ZONE_NAMES,
    _maybe,
    _pick,
)
from gcm_model.types import ReviewKind

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn

    from gcm_model.models.process import Moment

_Times: TypeAlias = "tuple[Moment | None, Moment | None]"


# -- times ---------------------------------------------------------------------------------


def _tz(name: str) -> dt.tzinfo:
    found = zone(name)
    if found is None:  # pragma: no cover - the zones above are in every tz database
        raise InvalidCodeError("time zone", name, "not found by python-dateutil")
    return found


def _at(day0: dt.date, position: int, zone_name: str) -> dt.datetime:
    """The datetime of a grid position: ``position // _SLOTS`` days after ``day0``."""
    day = day0 + dt.timedelta(days=position // _SLOTS)
    minutes = _FIRST_MINUTE + _SLOT_MINUTES * (position % _SLOTS)
    return dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60), tzinfo=_tz(zone_name))


def _day_of(moment: Moment) -> dt.date:
    return moment.date() if isinstance(moment, dt.datetime) else moment


def _day(draw: DrawFn, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=draw(st.integers(0, (last - first).days)))


def _moment(draw: DrawFn, first: dt.date, last: dt.date, *, times: bool = True) -> Moment:
    day = _day(draw, first, last)
    if not (times and _maybe(draw)):
        return day
    return _at(day, draw(st.integers(0, _SLOTS - 1)), _pick(draw, _ZONE_NAMES))


def _opt_moment(draw: DrawFn, first: dt.date, last: dt.date) -> Moment | None:
    return _moment(draw, first, last) if _maybe(draw) else None


def _round_days(code: str | None) -> tuple[dt.date, dt.date]:
    """The days a record of a round is dated in: the years its meetings were held."""
    if code is None:
        return _FIRST_DAY, _LAST_DAY
    found = registry.rounds.lookup(code)
    regional = found.kind is ReviewKind.REGIONAL
    first, last = found.held or (found.year, found.year + (1 if regional else 0))
    return dt.date(first, 1, 1), dt.date(last, 12, 31)


@dataclasses.dataclass(frozen=True)
class _Span:
    """A start and an end in order, and the grid they were drawn on.

    ``low`` and ``high`` are the first and last grid positions (counted from
    ``day0`` in ``zone``) inside the span, where a meeting's segments go.
    """

    start: Moment
    end: Moment
    zone: str
    day0: dt.date
    low: int
    high: int

    @property
    def timed(self) -> bool:
        return isinstance(self.start, dt.datetime) or isinstance(self.end, dt.datetime)


_SHAPES = ("days", "times", "day-time", "time-day")


def _span(draw: DrawFn, first: dt.date, last: dt.date, max_days: int) -> _Span:
    """A start on a day in ``first..last`` and an end up to ``max_days`` later.

    Two datetimes (in one zone): the end is strictly later. A date and a
    datetime: the end's day is not before the start's. Shrinks towards two
    dates, both ``first``.
    """
    day0 = _day(draw, first, last)
    days = draw(st.integers(0, max_days))
    shape = _pick(draw, _SHAPES)
    top = days * _SLOTS + _SLOTS - 1
    if shape == "days":  # the first shape takes the fewest draws, so it is the simplest
        return _Span(day0, day0 + dt.timedelta(days), _ZONE_NAMES[0], day0, 0, top)
    zone_name = _pick(draw, _ZONE_NAMES)
    start_timed = shape in {"times", "time-day"}
    end_timed = shape in {"times", "day-time"}
    if shape == "times":
        first_slot = draw(st.integers(0, _SLOTS - 1 - (days == 0)))
        end_position = draw(st.integers(first_slot + 1, top))
    else:
        first_slot = draw(st.integers(0, _SLOTS - 1))
        end_position = days * _SLOTS + draw(st.integers(0, _SLOTS - 1))
    return _Span(
        start=_at(day0, first_slot, zone_name) if start_timed else day0,
        end=_at(day0, end_position, zone_name) if end_timed else day0 + dt.timedelta(days),
        zone=zone_name,
        day0=day0,
        low=first_slot if start_timed else 0,
        high=end_position if end_timed else top,
    )


def _loose_times(draw: DrawFn, max_days: int) -> _Times:
    """An optional start and end, in order when both are given; shrinks to neither."""
    shape = _pick(draw, ("none", "both", "start", "end"))
    if shape == "none":
        return None, None
    span = _span(draw, _FIRST_DAY, _LAST_DAY, max_days)
    return (
        span.start if shape in {"both", "start"} else None,
        span.end if shape in {"both", "end"} else None,
    )
