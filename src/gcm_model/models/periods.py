"""Kinds of calendar periods: a day, a date known to the year, month or day, a span of years.

Three kinds of ``gcm_model.models.kinds`` that the reference records use
(``gcm_model.models.reference``): ``Day()`` for a calendar date such as the
day a source was read, ``PartialDay()`` for a ``gcm_model.dates.PartialDate``
such as the year a State joined a commission, and ``Years()`` for the first
and last year of a review round. Like every kind, each answers every
consumer: the constructor's checks and fast test, the generated decoder, the
JSON Schema and the drawing of valid values.

Examples:
    >>> [p.message for p in Years().problems("held", (2021, 2020))]
    ['the first year comes after the last']
    >>> Day().test()(dt.date(2024, 3, 11)), Day().test()(dt.datetime(2024, 3, 11))
    (True, False)
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from gcm_model.dates import PartialDate, parse_date
from gcm_model.errors import InvalidCodeError
from gcm_model.models._kind import JSON_CELL, Cell, Kind, parsed, to_tuple
from gcm_model.models.checks import Problem

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from gcm_model.models._kind import DecoderBuilder, Pen, SchemaBuilder, Structurer

__all__ = ["Day", "PartialDay", "Years"]


@attrs.frozen
class Day(Kind):
    """A calendar day (a ``date``, never a ``datetime``), written ``YYYY-MM-DD``."""

    noun: ClassVar[str] = "dates"
    frame: ClassVar[str] = "date"
    missing: ClassVar[str] = "a date is required"

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Not a date, or a datetime."""
        del deep
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            yield Problem("wrong-type", field, "expected a date (a day, not a datetime)", value)

    def test(self) -> Callable[[Any], bool]:
        """A date."""
        return lambda v: type(v) is dt.date

    def expected(self) -> str:
        """A ``YYYY-MM-DD`` text."""
        return "a date string YYYY-MM-DD"

    def structure_value(self, value: object, using: Structurer) -> Any:
        """The date the text writes."""
        if type(value) is not str:
            raise using.wrong(self.expected(), value)
        return parsed(parse_date, value, using, "a date")

    def unstructure(self, value: Any, nested: Callable[[Any], Any]) -> Any:
        """``YYYY-MM-DD``."""
        del nested
        return value.isoformat()

    def decode_convert(self, build: DecoderBuilder, item: str) -> str:
        """The date the text writes (anything else raises)."""
        return f"{build.bind('day', parse_date)}({item})"

    def item_schema(self, build: SchemaBuilder) -> dict[str, Any]:
        """A string ``YYYY-MM-DD``."""
        del build
        return {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}

    def draw(self, pen: Pen) -> dt.date:
        """A date."""
        return dt.date(pen.integer(2018, 2030), pen.integer(1, 12), pen.integer(1, 28))


@attrs.frozen
class PartialDay(Kind):
    """A date known to the year, the month or the day (``gcm_model.dates.PartialDate``).

    Written as its ISO 8601 text: ``2020``, ``2020-04`` or ``2020-04-15``.
    """

    noun: ClassVar[str] = "partial dates"
    missing: ClassVar[str] = "a partial date is required"

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Not a ``PartialDate``."""
        del deep
        if not isinstance(value, PartialDate):
            yield Problem("wrong-type", field, "expected a partial date", value)

    def test(self) -> Callable[[Any], bool]:
        """A ``PartialDate`` (checked when it was made)."""
        return lambda v: type(v) is PartialDate

    def expected(self) -> str:
        """A ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` text."""
        return "a partial date string YYYY, YYYY-MM or YYYY-MM-DD"

    def structure_value(self, value: object, using: Structurer) -> Any:
        """The partial date the text writes."""
        if type(value) is not str:
            raise using.wrong(self.expected(), value)
        return parsed(PartialDate.parse, value, using, "a partial date")

    def unstructure(self, value: Any, nested: Callable[[Any], Any]) -> Any:
        """Its ISO 8601 text."""
        del nested
        return str(value)

    def decode_convert(self, build: DecoderBuilder, item: str) -> str:
        """The partial date the text writes (anything else raises)."""
        return f"{build.bind('partial', PartialDate.parse)}({item})"

    def item_schema(self, build: SchemaBuilder) -> dict[str, Any]:
        """A string ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        del build
        return {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"}

    def draw(self, pen: Pen) -> PartialDate:
        """A year, a month or a day."""
        month = pen.pick((None, pen.integer(1, 12)))
        day = None if month is None else pen.pick((None, pen.integer(1, 28)))
        return PartialDate(pen.integer(2018, 2030), month, day)


@attrs.frozen
class Years(Kind):
    """The first and last year of a span, such as ``(2020, 2021)``; a list of two in JSON."""

    cell: ClassVar[Cell] = JSON_CELL
    frame: ClassVar[str] = "json"
    noun: ClassVar[str] = "year spans"

    def converter(self) -> Callable[[Any], Any]:
        """A list becomes a tuple, as for list fields."""
        return to_tuple

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Not two years, or the first after the last."""
        del deep
        if not _good_years(value, ordered=False):
            yield Problem("wrong-type", field, "expected two years, (first, last)", value)
        elif not _good_years(value, ordered=True):
            yield Problem("invalid-value", field, "the first year comes after the last", value)

    def test(self) -> Callable[[Any], bool]:
        """Two years, in order."""
        return lambda v: _good_years(v, ordered=True)

    def expected(self) -> str:
        """A list of two years."""
        return "a list of two years"

    def structure_value(self, value: object, using: Structurer) -> Any:
        """The two years, as a tuple."""
        if type(value) is not list:
            raise using.wrong(self.expected(), value)
        return parsed(_read_years, value, using, "a span of years")

    def unstructure(self, value: Any, nested: Callable[[Any], Any]) -> Any:
        """A list of the two years."""
        del nested
        return list(value)

    def decode_convert(self, build: DecoderBuilder, item: str) -> str:
        """The two years, as a tuple (anything else raises)."""
        return f"{build.bind('years', _read_years)}({item})"

    def item_schema(self, build: SchemaBuilder) -> dict[str, Any]:
        """An array of two years."""
        del build
        year = {"type": "integer", "minimum": dt.MINYEAR, "maximum": dt.MAXYEAR}
        return {"type": "array", "items": year, "minItems": 2, "maxItems": 2}

    def draw(self, pen: Pen) -> tuple[int, int]:
        """Up to four years from a first one."""
        first = pen.integer(2018, 2030)
        return first, first + pen.integer(0, 3)


def _good_years(value: object, *, ordered: bool) -> bool:
    """Whether a value is a tuple of two years (a date's years), in order if ``ordered``."""
    if type(value) is not tuple or len(value) != 2:
        return False
    if not all(type(year) is int and dt.MINYEAR <= year <= dt.MAXYEAR for year in value):
        return False
    return not ordered or value[0] <= value[1]


def _read_years(value: object) -> tuple[int, int]:
    """The two years a JSON list writes, in order.

    Raises:
        InvalidCodeError: anything else.
    """
    found = tuple(value) if type(value) is list else None
    if not _good_years(found, ordered=True):
        raise InvalidCodeError("year span", value, "expected [first, last], first <= last")
    return found  # type: ignore[return-value] # _good_years checked it
