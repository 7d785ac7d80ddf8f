"""Tests for gcm_model.dates."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gcm_model.dates import (
    MOMENT_FORMS,
    PartialDate,
    moment_or_none,
    parse_date,
    parse_datetime,
    parse_human,
    read_moment,
    review_years,
    zone,
)
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


@pytest.mark.parametrize(
    "text",
    ["", "20", "2020-1", "2020-13", "2021-02-29", "x", 2020, None, "\uff12\uff10\uff12\uff10"],
)
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


def test_parse_human_reads_days_and_times_in_a_named_zone() -> None:
    """A day stays a date; a time gets the named zone's offset on that day."""
    assert parse_human("11 March 2024") == dt.date(2024, 3, 11)
    opening = parse_human("11 March 2024 08:30 CET", time_zone="Europe/Zurich")
    assert isinstance(opening, dt.datetime)
    assert opening.isoformat() == "2024-03-11T08:30:00+01:00"
    summer = parse_human("3 July 2024 10:00", time_zone="Africa/Cairo")
    assert isinstance(summer, dt.datetime)
    assert summer.utcoffset() == dt.timedelta(hours=3)
    explicit = parse_human("2024-03-11 08:30+02:00")
    assert isinstance(explicit, dt.datetime)
    assert explicit.utcoffset() == dt.timedelta(hours=2)
    named = parse_human("2024-03-11 08:30 CET")
    assert isinstance(named, dt.datetime)
    assert named.utcoffset() == dt.timedelta(hours=1)


@pytest.mark.parametrize(
    ("text", "time_zone", "message"),
    [
        ("11 March 2024 08:30 EST", "Europe/Zurich", "EST is not the time in Europe/Zurich"),
        ("11 March 2024 08:30 CEST", "Europe/Zurich", "CEST is not the time"),
        ("2024-03-11 08:30+05:00", "Europe/Zurich", "offset does not match"),
        ("11 March 2024 08:30", None, "give a time_zone"),
        ("2024-03-11 08:30 XYZ", None, "unknown zone 'XYZ'"),
        ("not a date at all", None, "dateutil cannot read it"),
        ("11 March 2024", "Mars/Olympus", "not an IANA time zone name"),
    ],
)
def test_parse_human_refuses_what_it_cannot_place(
    text: str, time_zone: str | None, message: str
) -> None:
    """Unreadable text, unknown zones and disagreeing abbreviations are errors."""
    with pytest.raises(InvalidCodeError, match=message):
        parse_human(text, time_zone=time_zone)


def test_parse_human_rejects_non_strings() -> None:
    """A number is not human input."""
    with pytest.raises(InvalidCodeError):
        parse_human(20240311)  # type: ignore[arg-type]


def test_strict_iso_parsing() -> None:
    """Documents carry RFC 3339: datetimes with seconds and offset, dates as YYYY-MM-DD."""
    assert parse_datetime("2024-03-11T08:30:00+01:00").hour == 8
    assert parse_date("2024-03-11") == dt.date(2024, 3, 11)
    for bad in ("2024-03-11T08:30:00", "11 March 2024", 5, "2024-13-01T00:00:00+00:00"):
        with pytest.raises(InvalidCodeError):
            parse_datetime(bad)
    with pytest.raises(InvalidCodeError, match="a date alone"):
        parse_datetime("2024-03-11")
    for bad_date in ("20240311", "2024-3-11", None, "2024-02-30", "2024-03-11T00:00:00Z"):
        with pytest.raises(InvalidCodeError):
            parse_date(bad_date)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-11", dt.date(2024, 3, 11)),
        ("2024-02-29", dt.date(2024, 2, 29)),
        ("2000-02-29", dt.date(2000, 2, 29)),
        ("0001-01-01", dt.date(1, 1, 1)),
        (
            "2024-03-11T08:30:00+01:00",
            dt.datetime(2024, 3, 11, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        ),
        ("2024-03-11T08:30:00Z", dt.datetime(2024, 3, 11, 8, 30, tzinfo=dt.UTC)),
        ("2024-03-11T08:30:00-00:00", dt.datetime(2024, 3, 11, 8, 30, tzinfo=dt.UTC)),
        (
            "2024-03-11T08:30:00.5-03:30",
            dt.datetime(
                2024,
                3,
                11,
                8,
                30,
                0,
                500000,
                tzinfo=dt.timezone(dt.timedelta(hours=-3, minutes=-30)),
            ),
        ),
        (
            "2024-03-11T23:59:59.123456+23:59",
            dt.datetime(
                2024,
                3,
                11,
                23,
                59,
                59,
                123456,
                tzinfo=dt.timezone(dt.timedelta(hours=23, minutes=59)),
            ),
        ),
    ],
)
def test_read_moment_reads_the_wire_forms(text: str, expected: dt.date) -> None:
    """A date, or a datetime with seconds, up to six decimals and Z or +HH:MM."""
    moment = read_moment(text)
    assert type(moment) is type(expected)
    assert moment == expected
    if isinstance(moment, dt.datetime):
        assert isinstance(expected, dt.datetime)
        assert moment.utcoffset() == expected.utcoffset()
    assert moment_or_none(text) == moment


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2024-03-11 08:30:00+01:00", "a space where the T belongs"),
        ("2024-03-11 08:30+01:00", "a space where the T belongs"),
        ("2024-03-11t08:30:00Z", "a lower-case t"),
        ("2024-03-11T08:30:00z", "a lower-case z"),
        ("2024-03-11T08:30:00+0100", "an offset without its colon"),
        ("2024-03-11T08:30:00+01", "an offset without its minutes"),
        ("2024-03-11T08:30:00+01:00:30", "an offset with seconds"),
        ("2024-03-11T08:30:00+01:00x", "or text after it"),
        ("2024-03-11T08:30:00+24:00", "an offset out of range"),
        ("2024-03-11T08:30:00", "without its UTC offset"),
        ("2024-03-11T08:30+01:00", "without its seconds"),
        ("2024-03-11T08", "without its seconds"),
        ("2024-03-11T083000Z", "without its colons"),
        ("2024-03-11T24:00:00Z", "an hour past 23"),
        ("2024-03-11T08:60:00Z", "past 59"),
        ("2024-12-31T23:59:60Z", "a leap second"),
        ("2024-03-11T08:30:00,5Z", "a decimal comma"),
        ("2024-03-11T08:30:00.1234567Z", "1 to 6 decimals"),
        ("2024-03-11T08:30:00.Z", "1 to 6 decimals"),
        ("2024-W11-1", "a week date"),
        ("2024W111", "a week date"),
        ("2024-071", "an ordinal date"),
        ("2024071T08:30:00Z", "an ordinal date"),
        ("20240311", "a date without its dashes"),
        ("2024-02-30", "not a day of the calendar"),
        ("2023-02-29", "not a day of the calendar"),
        ("1900-02-29", "not a day of the calendar"),
        ("0000-01-01", "not a day of the calendar"),
        ("2024-03-11\n", "white space at its start or end"),
        (" 2024-03-11", "white space at its start or end"),
    ],
)
def test_read_moment_says_what_is_wrong_and_what_is_expected(text: str, why: str) -> None:
    """Forms Python's fromisoformat would take, or rewrite, are refused with a reason."""
    with pytest.raises(InvalidCodeError) as caught:
        read_moment(text)
    assert why in caught.value.reason
    assert caught.value.reason.endswith(f"expected {MOMENT_FORMS}")
    assert moment_or_none(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "\uff12\uff10\uff12\uff14-03-11",
        "2024-03-11T08:30:00+1:00",
        "2024-03-11T08:30:00 UTC",
        "2024-03-11X08:30:00Z",
        "11/03/2024",
        "",
    ],
)
def test_read_moment_names_the_forms_when_it_cannot_tell_the_mistake(text: str) -> None:
    """Other scripts' digits and other shapes get the expected forms only."""
    with pytest.raises(InvalidCodeError) as caught:
        read_moment(text)
    assert caught.value.reason == f"expected {MOMENT_FORMS}"


@pytest.mark.parametrize("value", [None, 20240311, dt.date(2024, 3, 11), b"2024-03-11"])
def test_read_moment_reads_only_text(value: object) -> None:
    """A moment on the wire is a string; anything else is refused, not converted."""
    with pytest.raises(InvalidCodeError, match="expected a string"):
        read_moment(value)


def test_zone_accepts_iana_names_only() -> None:
    """IANA names resolve; abbreviations and junk do not."""
    assert zone("Europe/Zurich") is not None
    assert zone("UTC") is not None
    for bad in ("CET", "EST", "Europe/Nowhere", "", None, 3):
        assert zone(bad) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("June 2024", "2024-06"), ("2025", "2025"), ("8 November 2023", "2023-11-08")],
)
def test_partial_date_parse_human(text: str, expected: str) -> None:
    """People's partial dates keep exactly the precision they give."""
    assert str(PartialDate.parse_human(text)) == expected


def test_partial_date_parse_human_needs_a_year() -> None:
    """A month alone is not a partial date."""
    with pytest.raises(InvalidCodeError, match="no year"):
        PartialDate.parse_human("March")


def test_moments_with_one_offset_share_their_zone() -> None:
    """Two datetimes read with the same offset hold one ``tzinfo`` (they compare quickly)."""
    start = read_moment("2024-03-11T08:30:00+01:00")
    end = read_moment("2024-03-12T18:00:00+01:00")
    assert isinstance(start, dt.datetime)
    assert isinstance(end, dt.datetime)
    assert start.tzinfo is end.tzinfo
    utc = read_moment("2024-03-11T08:30:00Z")
    assert isinstance(utc, dt.datetime)
    assert utc.tzinfo is dt.UTC
    assert str(start.tzinfo) == "UTC+01:00"
