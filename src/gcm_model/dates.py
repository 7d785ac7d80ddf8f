"""Dates and times as the GCM sources give them, strict for data and lenient for people.

* ``read_moment`` reads a moment as the wire format writes it, and nothing
  else: a date ``YYYY-MM-DD``, or an RFC 3339 datetime
  ``YYYY-MM-DDTHH:MM:SS[.ffffff]`` with ``Z`` or ``+HH:MM``. The JSON Schema's
  ``Moment`` patterns are ``DATE_PATTERN`` and ``DATETIME_PATTERN``, which
  accept exactly the same texts. ``parse_date`` and ``parse_datetime`` read
  one of the two forms.
* ``parse_human`` reads what people write ("11 March 2024", "11 March 2024
  08:30 CET") with python-dateutil, placing the result in a named IANA zone.
* ``PartialDate`` holds a year, a year and month, or a full date, where the
  sources give no day ("June 2024"), and knows the first and last day it can
  stand for.
* Regional reviews recur every four years from 2020 and the IMRF every four
  years from 2022 (A/RES/73/195 paras. 49-50); ``review_years`` gives that
  cadence as a dateutil ``rrule``.

Examples:
    >>> PartialDate.parse("2020").earliest(), PartialDate.parse("2024-02").latest()
    (datetime.date(2020, 1, 1), datetime.date(2024, 2, 29))
    >>> review_years(2020, until=2032)
    (2020, 2024, 2028, 2032)
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from typing import TYPE_CHECKING

import attrs

from gcm_model.errors import InvalidCodeError

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "DATETIME_PATTERN",
    "DATE_PATTERN",
    "MOMENT_FORMS",
    "PartialDate",
    "REVIEW_INTERVAL_YEARS",
    "as_day",
    "day_of",
    "moment_or_none",
    "parse_date",
    "parse_datetime",
    "parse_human",
    "read_moment",
    "review_years",
    "zone",
]

REVIEW_INTERVAL_YEARS = 4
"""Years between two rounds of the same kind (A/RES/73/195 paras. 49(c) and 50)."""

_PARTIAL = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # ASCII digits only


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

    @classmethod
    def parse_human(cls, text: str) -> PartialDate:
        """Parse a partial date as people write it: ``"June 2024"``, ``"2025"``, ``"8 Nov 2023"``.

        Raises:
            InvalidCodeError: dateutil cannot read it.

        Examples:
            >>> str(PartialDate.parse_human("June 2024")), str(PartialDate.parse_human("2025"))
            ('2024-06', '2025')
        """
        # Parse twice with different defaults: a field given in the text comes out
        # the same both times, a field taken from the default does not.
        first = _dateutil_parse(text, dt.datetime(1, 1, 1))  # noqa: DTZ001 - calendar fields only
        second = _dateutil_parse(text, dt.datetime(2, 2, 2))  # noqa: DTZ001
        if first.year != second.year:
            raise InvalidCodeError("partial date", text, "no year given")
        month = first.month if first.month == second.month else None
        day = first.day if first.day == second.day and month is not None else None
        return cls(first.year, month, day)

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


def zone(name: object) -> dt.tzinfo | None:
    """The time zone of an IANA name (``Europe/Zurich``), via python-dateutil; else ``None``.

    Abbreviations such as ``CET`` are not accepted as zone names: they say an
    offset, not where the clocks are.

    Examples:
        >>> zone("Europe/Zurich") is not None, zone("CET"), zone("Mars/Olympus")
        (True, None, None)
    """
    if not isinstance(name, str) or ("/" not in name and name != "UTC"):
        return None
    return _gettz(name)


@functools.cache
def _gettz(name: str) -> dt.tzinfo | None:
    from dateutil import tz  # noqa: PLC0415 - only needed when a zone is named

    return tz.gettz(name)


# -- the wire form of a moment ---------------------------------------------------------------
# One grammar, written once: the JSON Schema's Moment is these two patterns, and
# read_moment accepts exactly the texts they match, so the schema and the loader
# cannot disagree. It is RFC 3339 (full-date; date-time with seconds) narrowed to
# what Python's datetime holds exactly: years 0001-9999, at most six decimals of a
# second, no leap second, upper-case T and Z. Calendar days are spelled out (no
# 2024-02-30, 29 February in leap years only) so that the patterns need no format
# assertion. [0-9] rather than \d, which in Python matches other scripts' digits too,
# and a lookahead for the end rather than $, which in Python also matches before
# a final newline: the patterns mean the same in ECMA-262 (JSON Schema's regular
# expressions) and in Python's re (the jsonschema package).

_YEAR = "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)"  # 0001-9999: no year 0
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_MONTH_DAY = (
    "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
_DATE = f"(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)"
_TIME = "(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]{1,6})?"
_OFFSET = "(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"
_END = "(?![\\s\\S])"

DATE_PATTERN = f"^{_DATE}{_END}"
"""A date as the wire format writes it (``2024-03-11``): a JSON Schema pattern."""

DATETIME_PATTERN = f"^{_DATE}T{_TIME}{_OFFSET}{_END}"
"""A datetime as the wire format writes it (``2024-03-11T08:30:00+01:00``): a schema pattern."""

MOMENT_FORMS = "YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS (up to 6 decimals) with Z or +HH:MM"
"""The forms of a moment on the wire, as messages name them."""

_MOMENT = re.compile(f"{_DATE}(?:T{_TIME}{_OFFSET})?")
"""Either pattern, for ``fullmatch``."""

_DATE_LENGTH = len("YYYY-MM-DD")


def moment_or_none(text: str) -> dt.date | None:
    """The moment a wire text writes (a ``date`` or an aware ``datetime``), else ``None``.

    The quick form of ``read_moment``, for callers that only need to know
    whether to refuse.

    Examples:
        >>> moment_or_none("2024-03-11"), moment_or_none("2024-W11-1")
        (datetime.date(2024, 3, 11), None)
    """
    if _MOMENT.fullmatch(text) is None:
        return None
    if len(text) == _DATE_LENGTH:
        return dt.date.fromisoformat(text)
    moment = dt.datetime.fromisoformat(text)
    offset = _OFFSETS.setdefault(moment.utcoffset(), moment.tzinfo)
    return moment if offset is moment.tzinfo else moment.replace(tzinfo=offset)


_OFFSETS: dict[dt.timedelta | None, dt.tzinfo | None] = {}
"""One ``timezone`` object per UTC offset read. Two datetimes compare quickly only when
they share their ``tzinfo`` object; with two equal offsets apart, every comparison
(an end after its start) asks both for their offsets. At most one per offset
(2,879 of them in -23:59..+23:59)."""


def read_moment(text: object) -> dt.date | dt.datetime:
    """Read a moment as the wire format writes it: ``YYYY-MM-DD``, or an RFC 3339 datetime.

    A datetime is ``YYYY-MM-DDTHH:MM:SS``, with up to six decimals of a second,
    and its UTC offset: ``Z`` or ``+HH:MM`` / ``-HH:MM``. Nothing else is read,
    and nothing is rewritten: no week or ordinal dates, no space for the ``T``,
    no ``+0100`` or ``+01`` offsets, no datetime without its offset or its
    seconds, no 24:00 and no leap second.

    Args:
        text: the text, as a JSON document holds it.

    Returns:
        A ``date``, or a ``datetime`` with a fixed offset.

    Raises:
        InvalidCodeError: the text is not a moment in one of these forms; the
            reason says what is wrong, where it can tell, and what is expected.

    Examples:
        >>> read_moment("2024-03-11T08:30:00+01:00").isoformat()
        '2024-03-11T08:30:00+01:00'
        >>> read_moment("2024-W11-1")
        Traceback (most recent call last):
        ...
        gcm_model.errors.InvalidCodeError: invalid moment '2024-W11-1': a week date (write ...
    """
    if not isinstance(text, str):
        raise InvalidCodeError("moment", text, f"expected a string, {MOMENT_FORMS}")
    moment = moment_or_none(text)
    if moment is None:
        raise InvalidCodeError("moment", text, _refusal(text))
    return moment


def _refusal(text: str) -> str:
    """Why a text is not a moment of the wire format, and what is expected: a message."""
    what = _what_is_wrong(text)
    return f"{what}; expected {MOMENT_FORMS}" if what else f"expected {MOMENT_FORMS}"


_WEEK_DATE = re.compile(r"[0-9]{4}-?W[0-9]")
_ORDINAL_DATE = re.compile(r"[0-9]{4}-?[0-9]{3}(?:T|\Z)")
_BASIC_DATE = re.compile(r"[0-9]{8}")
_DATE_SHAPE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_TIME_SHAPE = re.compile(
    r"(?P<hour>[0-9]{2})(?P<minute>:?[0-9]{2})?(?P<second>:?[0-9]{2})?"
    r"(?P<fraction>[.,][0-9]*)?(?P<offset>.*)",
    re.DOTALL,
)
_OFFSET_SHAPE = re.compile(r"[+-]([0-9]{2}):([0-9]{2})")


def _what_is_wrong(text: str) -> str | None:  # noqa: PLR0911 - one answer a mistake
    """The mistake in a text that is not a wire moment, where a common one explains it."""
    if text != text.strip():
        return "white space at its start or end"
    if _WEEK_DATE.match(text):
        return "a week date (write the calendar date)"
    if _ORDINAL_DATE.match(text):
        return "an ordinal date (write the calendar date)"
    if _BASIC_DATE.match(text):
        return "a date without its dashes"
    date = _DATE_SHAPE.match(text)
    if date is None:
        return None
    try:
        dt.date(*(int(part) for part in date.groups()))
    except ValueError:
        return "not a day of the calendar"
    separator, rest = text[_DATE_LENGTH : _DATE_LENGTH + 1], text[_DATE_LENGTH + 1 :]
    if separator == " ":
        return "a space where the T belongs"
    if separator != "T":
        return "a lower-case t" if separator == "t" else None
    time = _TIME_SHAPE.match(rest)
    return _what_is_wrong_in_time(time) if time else None


def _what_is_wrong_in_time(time: re.Match[str]) -> str | None:  # noqa: PLR0911 - one answer a mistake
    """The mistake in the time of day and offset after the ``T``, where a common one explains it."""
    minute, second = time["minute"], time["second"]
    fraction, offset = time["fraction"] or "", time["offset"]
    if not minute or not second:
        return "a time without its seconds (write HH:MM:SS)"
    if not minute.startswith(":") or not second.startswith(":"):
        return "a time without its colons (write HH:MM:SS)"
    if int(time["hour"]) > 23:
        return "an hour past 23 (midnight is 00:00:00 of the next day)"
    if int(second[1:]) == 60:
        return "a leap second, which a datetime cannot hold"
    if int(minute[1:]) > 59 or int(second[1:]) > 59:
        return "a minute or second past 59"
    if fraction.startswith(","):
        return "a decimal comma (write a dot)"
    if len(fraction) > 7 or fraction == ".":
        return "a fraction of a second needs 1 to 6 decimals"
    if not offset:
        return "a datetime without its UTC offset (Z or +HH:MM)"
    if offset == "z":
        return "a lower-case z"
    return _what_is_wrong_in_offset(offset)


def _what_is_wrong_in_offset(offset: str) -> str | None:
    """The mistake in a UTC offset, where a common one explains it."""
    if re.fullmatch(r"[+-][0-9]{4}", offset):
        return "an offset without its colon"
    if re.fullmatch(r"[+-][0-9]{2}", offset):
        return "an offset without its minutes"
    found = _OFFSET_SHAPE.match(offset)
    if found is not None and len(offset) > len("+HH:MM"):
        return "an offset with seconds, or text after it"
    if found is not None and (int(found[1]) > 23 or int(found[2]) > 59):
        return "an offset out of range (up to 23:59)"
    return None


def parse_datetime(text: object) -> dt.datetime:
    """Read a datetime as the wire format writes it: RFC 3339, with seconds and offset.

    The form is ``YYYY-MM-DDTHH:MM:SS[.ffffff]`` with ``Z`` or ``+HH:MM``, as
    ``read_moment`` reads it; a date alone is refused.

    Raises:
        InvalidCodeError: the text is not such a datetime.

    Examples:
        >>> parse_datetime("2024-03-11T08:30:00+01:00").utcoffset()
        datetime.timedelta(seconds=3600)
    """
    moment = read_moment(text)
    if type(moment) is not dt.datetime:
        raise InvalidCodeError("datetime", text, "a date alone; expected YYYY-MM-DDTHH:MM:SS+HH:MM")
    return moment


def parse_date(text: object) -> dt.date:
    """Read a date as the wire format writes it: ``YYYY-MM-DD``.

    Raises:
        InvalidCodeError: the text is not such a date.
    """
    moment = read_moment(text)
    if type(moment) is not dt.date:
        raise InvalidCodeError("date", text, "expected YYYY-MM-DD")
    return moment


def _dateutil_parse(
    text: object,
    default: dt.datetime,
    *,
    ignoretz: bool = False,
    tzinfos: Callable[[str | None, int | None], dt.tzinfo] | None = None,
) -> dt.datetime:
    from dateutil import parser  # noqa: PLC0415 - lenient parsing is for people, not data

    if not isinstance(text, str):
        raise InvalidCodeError("date", text, "expected a string")
    try:
        return parser.parse(text, default=default, ignoretz=ignoretz, tzinfos=tzinfos)
    except (ValueError, OverflowError):
        raise InvalidCodeError("date", text, "dateutil cannot read it") from None


def parse_human(text: str, *, time_zone: str | None = None) -> dt.datetime | dt.date:
    """Read a date or time as people write it, with python-dateutil.

    Without a time of day the result is a ``date``. With one, it is a
    ``datetime`` in ``time_zone``; an abbreviation in the text (``CET``) must
    agree with that zone's offset on the day, and is needed when no zone is given
    only if it names a zone itself (``UTC``).

    Args:
        text: such as ``"11 March 2024"`` or ``"11 March 2024 08:30 CET"``.
        time_zone: the IANA zone the time is in, such as ``"Europe/Zurich"``.

    Returns:
        A ``date``, or a ``datetime`` with its offset.

    Raises:
        InvalidCodeError: the text cannot be read, the zone is unknown, a time
            has no zone, or the abbreviation disagrees with the zone.

    Examples:
        >>> parse_human("11 March 2024")
        datetime.date(2024, 3, 11)
        >>> parse_human("11 March 2024 08:30 CET", time_zone="Europe/Zurich").isoformat()
        '2024-03-11T08:30:00+01:00'
    """
    from dateutil import tz  # noqa: PLC0415

    named = zone(time_zone) if time_zone is not None else None
    if time_zone is not None and named is None:
        raise InvalidCodeError("time zone", time_zone, "not an IANA time zone name")
    base = dt.datetime(2000, 1, 1)  # noqa: DTZ001 - calendar fields only
    stated: list[tuple[str | None, int | None]] = []  # the zone the text states, if any

    def remember(name: str | None, offset: int | None) -> dt.tzinfo:
        stated.append((name, offset))
        return tz.tzoffset(name, offset) if offset is not None else tz.UTC

    first = _dateutil_parse(text, base, tzinfos=remember)
    other = _dateutil_parse(text, base.replace(hour=1), ignoretz=True)
    if first.hour != other.hour:
        return first.date()  # no time of day in the text
    if first.tzinfo is not None and not stated:  # an offset dateutil read by itself
        stated.append((None, int(first.utcoffset().total_seconds())))  # type: ignore[union-attr]
    return _place(text, first.replace(tzinfo=None), stated[0] if stated else None, time_zone)


def _place(
    text: str,
    wall: dt.datetime,
    stated: tuple[str | None, int | None] | None,
    time_zone: str | None,
) -> dt.datetime:
    """Give a wall-clock time its zone: the named one, checked against what the text says."""
    from dateutil import tz  # noqa: PLC0415

    name, offset = stated or (None, None)
    named = zone(time_zone)
    if named is not None:
        local = wall.replace(tzinfo=named)
        if name is not None and offset is None and name != local.tzname():
            raise InvalidCodeError("time", text, f"{name} is not the time in {time_zone} then")
        if offset is not None and local.utcoffset() != dt.timedelta(seconds=offset):
            raise InvalidCodeError("time", text, f"its offset does not match {time_zone}")
        return local
    if offset is not None:
        return wall.replace(tzinfo=dt.timezone(dt.timedelta(seconds=offset)))
    by_name = tz.gettz(name) if name is not None else None
    if by_name is not None:
        return wall.replace(tzinfo=by_name)
    if name is not None:
        raise InvalidCodeError("time", text, f"unknown zone {name!r}")
    raise InvalidCodeError("time", text, "give a time_zone for a time of day")


def day_of(value: object) -> dt.date | None:
    """The calendar day of a date or a datetime (by its own offset); ``None`` for anything else.

    Examples:
        >>> day_of(dt.datetime(2024, 3, 11, 8, 30)), day_of("2024-03-11")
        (datetime.date(2024, 3, 11), None)
    """
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def as_day(value: object) -> dt.date | None:
    """A date given as ``as_of``: a date, a datetime (by its own date) or ``None``.

    Raises:
        InvalidCodeError: anything else.

    Examples:
        >>> as_day(dt.datetime(2024, 3, 11, 8, 30))
        datetime.date(2024, 3, 11)
    """
    if value is None or type(value) is dt.date:
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    raise InvalidCodeError("date", value, "as_of must be a date, a datetime or None")
