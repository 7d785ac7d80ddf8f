"""Dates as the GCM sources give them: sometimes only a year, or a year and a month.

A ``PartialDate`` holds a year, a year and month, or a full date, and knows
the first and last day it can stand for. Regional reviews recur every four
years from 2020 and the IMRF every four years from 2022 (A/RES/73/195 paras.
49-50); ``review_years`` gives that cadence as a dateutil ``rrule``.

Examples:
    >>> PartialDate.parse("2020").earliest(), PartialDate.parse("2024-02").latest()
    (datetime.date(2020, 1, 1), datetime.date(2024, 2, 29))
    >>> review_years(2020, until=2032)
    (2020, 2024, 2028, 2032)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import attrs

from gcm_model.errors import InvalidCodeError

__all__ = ["PartialDate", "REVIEW_INTERVAL_YEARS", "review_years"]

REVIEW_INTERVAL_YEARS = 4
"""Years between two rounds of the same kind (A/RES/73/195 paras. 49(c) and 50)."""

_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _check_month(
    instance: PartialDate,
    attribute: attrs.Attribute[int | None],  # noqa: ARG001 - the attrs validator signature
    value: int | None,
) -> None:
    if value is not None and not 1 <= value <= 12:
        raise InvalidCodeError("partial date", instance.year, f"month {value} is not in 1..12")


def _unknown_first(value: int | None) -> int:
    """Sort key: an unknown month or day sorts before every known one."""
    return 0 if value is None else value


@attrs.frozen(order=True)
class PartialDate:
    """A date known to the year, the month or the day.

    Attributes:
        year: the year.
        month: the month (1-12), or ``None`` when only the year is known.
        day: the day of the month, or ``None``; only with a month.
    """

    year: int
    month: int | None = attrs.field(default=None, validator=_check_month, order=_unknown_first)
    day: int | None = attrs.field(default=None, order=_unknown_first)

    def __attrs_post_init__(self) -> None:
        """Check that a day comes with a month and exists in it."""
        if self.day is None:
            return
        if self.month is None:
            raise InvalidCodeError("partial date", str(self.year), "a day needs a month")
        try:
            dt.date(self.year, self.month, self.day)
        except ValueError as exc:
            raise InvalidCodeError("partial date", str(self), str(exc)) from None

    @classmethod
    def parse(cls, text: object) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Raises:
            InvalidCodeError: the text has another shape or names no real date.

        Examples:
            >>> PartialDate.parse("2021-04")
            PartialDate(year=2021, month=4, day=None)
        """
        match = _PARTIAL.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise InvalidCodeError("partial date", text, "expected YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None  # noqa: S101 - the pattern requires it
        return cls(year, month, day)

    def earliest(self) -> dt.date:
        """The first day this partial date can stand for."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day this partial date can stand for."""
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        """Render as ISO 8601 at the known precision.

        Examples:
            >>> str(PartialDate(2024, 3))
            '2024-03'
        """
        parts = [f"{self.year:04d}"]
        parts += [f"{p:02d}" for p in (self.month, self.day) if p is not None]
        return "-".join(parts)


def review_years(first_year: int, *, until: int) -> tuple[int, ...]:
    """The years of a four-yearly review cadence from ``first_year`` up to ``until``.

    Args:
        first_year: the year of the first round (2020 for regional reviews,
            2022 for the IMRF).
        until: the last year to include.

    Returns:
        The years, in order.
    """
    from dateutil.rrule import YEARLY, rrule  # noqa: PLC0415 - keep import gcm_model light

    rule = rrule(
        YEARLY,
        interval=REVIEW_INTERVAL_YEARS,
        dtstart=dt.datetime(first_year, 1, 1),  # noqa: DTZ001 - a calendar year, no zone
        until=dt.datetime(until, 12, 31),  # noqa: DTZ001
    )
    return tuple(occurrence.year for occurrence in rule)
