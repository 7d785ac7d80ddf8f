"""Tests for gcm_model.dates."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gcm_model.dates import PartialDate, review_years
from gcm_model.errors import InvalidCodeError


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2020", dt.date(2020, 1, 1), dt.date(2020, 12, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2023-02", dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
        ("2021-04-09", dt.date(2021, 4, 9), dt.date(2021, 4, 9)),
    ],
)
def test_partial_date_bounds(text: str, earliest: dt.date, latest: dt.date) -> None:
    """A partial date spans its whole year or month."""
    partial = PartialDate.parse(text)
    assert (partial.earliest(), partial.latest()) == (earliest, latest)
    assert str(partial) == text


@pytest.mark.parametrize("text", ["", "20", "2020-1", "2020-13", "2021-02-29", "x", 2020, None])
def test_partial_date_rejects_bad_input(text: object) -> None:
    """Wrong shapes and impossible dates raise InvalidCodeError."""
    with pytest.raises(InvalidCodeError):
        PartialDate.parse(text)


def test_partial_date_day_needs_month() -> None:
    """A day without a month is refused."""
    with pytest.raises(InvalidCodeError, match="a day needs a month"):
        PartialDate(2020, None, 5)


def test_partial_dates_order_by_year_month_day() -> None:
    """Partial dates sort by their fields."""
    assert PartialDate(2020) < PartialDate(2020, 1) < PartialDate(2020, 1, 2) < PartialDate(2021)


def test_review_years_follow_the_four_year_cadence() -> None:
    """Regional reviews from 2020 and IMRFs from 2022, every four years."""
    assert review_years(2020, until=2031) == (2020, 2024, 2028)
    assert review_years(2022, until=2026) == (2022, 2026)
    assert review_years(2022, until=2021) == ()


@given(st.dates(min_value=dt.date(1, 1, 1)))
def test_parse_round_trips_full_dates(day: dt.date) -> None:
    """A full ISO date parses to a partial date whose bounds are that day."""
    partial = PartialDate.parse(day.isoformat())
    assert partial.earliest() == partial.latest() == day
