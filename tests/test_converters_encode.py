"""Tests for the compiled encoders of dumps: the same bytes as the cattrs path, always."""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import io
from typing import Any, Self, TypeVar
from zoneinfo import ZoneInfo

import orjson
import pytest
from dateutil import tz as dateutil_tz
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gcm_model as g
from gcm_model import _encode, converters, registry, testing
from gcm_model.converters import HEADER_TYPE, TYPE_KEY, dumps, dumps_jsonl, unstructure
from gcm_model.models.checks import Problem, deferred_checks

T = TypeVar("T")
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CANONICAL = orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2
CET = dt.timezone(dt.timedelta(hours=1))


def cattrs_dumps(obj: object) -> bytes:
    """What dumps wrote before the compiled encoders: cattrs' values, written by orjson."""
    return orjson.dumps(unstructure(obj), option=CANONICAL) + b"\n"


def cattrs_jsonl(data: g.Dataset) -> bytes:
    """What dumps_jsonl wrote before the compiled encoders."""
    header = {
        TYPE_KEY: HEADER_TYPE,
        **unstructure(g.Dataset(title=data.title, sources=data.sources)),
    }
    lines = [header]
    lines += [{TYPE_KEY: converters._TYPE_OF[type(r)], **unstructure(r)} for _, r in data.records()]
    return b"".join(orjson.dumps(line, option=orjson.OPT_SORT_KEYS) + b"\n" for line in lines)


def same_outcome(obj: object) -> None:
    """dumps gives the cattrs path's bytes, or raises what the cattrs path raises."""
    try:
        expected = cattrs_dumps(obj)
    except Exception as exc:  # noqa: BLE001 - the fast path must fail the same way
        with pytest.raises(type(exc)):
            dumps(obj)
        return
    assert dumps(obj) == expected


REGISTRIES = (
    "objectives",
    "principles",
    "clusters",
    "stakeholders",
    "commissions",
    "countries",
    "rounds",
    "known_meetings",
    "report_section_kinds",
    "guiding_questions",
    "meeting_formats",
    "languages",
    "sources",
    "contradictions",
)
RECORDS = st.one_of(
    testing.meetings(),
    testing.regional_reviews(),
    testing.preparatory_events(),
    testing.participants(),
    testing.written_submissions(),
    testing.reports(),
    testing.pledges(),
    testing.review_forums(),
    testing.secretary_general_reports(),
    testing.calls(),
    testing.national_reviews(),
    testing.funds(),
    testing.segments(),
    testing.content_items(),
)


@SLOW
@given(testing.datasets())
def test_datasets_give_the_cattrs_bytes(data: g.Dataset) -> None:
    """A dataset (dateutil zones), and the same decoded (fixed offsets), in JSON and JSON Lines."""
    assert dumps(data) == cattrs_dumps(data)
    assert dumps_jsonl(data) == cattrs_jsonl(data)
    decoded = g.loads(dumps(data))
    assert dumps(decoded) == cattrs_dumps(decoded)


@given(RECORDS)
def test_records_give_the_cattrs_bytes(record: Any) -> None:
    """Every record class, segment and content item on its own."""
    assert dumps(record) == cattrs_dumps(record)


def test_valid_objects_take_the_compiled_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """The encoders are used (cattrs is not asked) for valid objects of every shape."""
    meeting = g.Meeting(
        id="m1",
        title="Review",
        kind=g.MeetingKind.REGIONAL_REVIEW,
        start=dt.datetime(2024, 3, 11, 8, 30, tzinfo=dateutil_tz.gettz("Europe/Zurich")),
        end=dt.date(2024, 3, 12),
        venue=g.Venue(city="Geneva"),
        agenda=(g.Hearing(start=dt.datetime(2024, 3, 11, 8, 30, tzinfo=CET)), g.ClosingSegment()),
        status=g.Status.CONFIRMED,
    )
    report = g.Report(
        id="r1",
        kind=g.ReportKind.OUTCOME_REPORT,
        recipients=(g.Recipient.PUBLIC,),
        sections=(
            g.ReportSection(title="T", items=(g.GoodPractice(text="P.", lesson_learned=True),)),
        ),
    )
    data = g.Dataset(meetings=(meeting,), reports=(report,))
    expected = cattrs_dumps(data), dumps_jsonl(data)

    def refuse(obj: object) -> object:
        raise AssertionError(obj)

    monkeypatch.setattr(converters, "unstructure", refuse)
    assert (dumps(data), dumps_jsonl(data)) == expected


def _keys_sorted(value: object) -> bool:
    """Whether every dict in ``value``, however deep, holds its keys in sorted order."""
    if isinstance(value, dict):
        return list(value) == sorted(value) and all(map(_keys_sorted, value.values()))
    if isinstance(value, list | tuple):
        return all(map(_keys_sorted, value))
    return True


@given(RECORDS)
def test_encoders_write_keys_in_sorted_order(record: Any) -> None:
    """The compiled encoders write keys sorted, so that orjson finds nothing to reorder."""
    encode = _encode.encoder(type(record))
    assert encode is not None
    assert _keys_sorted(encode(record))


def test_the_generated_source_is_readable() -> None:
    """The encoder's source is in linecache, for tracebacks and inspect."""
    encode = _encode.encoder(g.Meeting)
    assert encode is not None
    source = inspect.getsource(encode)
    assert source.startswith("def encode_Meeting(o):")
    assert "d['venue'] = encode_Venue(v)" in source


def test_non_models_and_unsupported_classes_go_through_cattrs() -> None:
    """Plain values, lists of records, and classes with fields of other types."""
    assert _encode.encoder(dict) is None
    assert _encode.encoder(g.Membership) is None  # a PartialDate field
    assert _encode.encoder(Problem) is None  # a field of any type
    for value in (
        {"a": 1},
        [g.Venue(city="Geneva"), dt.date(2024, 1, 1)],
        dt.datetime(1900, 1, 1, tzinfo=ZoneInfo("Europe/Paris")),
        Problem("invalid-value", "/f", "m", dt.date(2024, 1, 1)),
    ):
        assert dumps(value) == cattrs_dumps(value)


@pytest.mark.parametrize("name", REGISTRIES)
def test_reference_records_give_the_cattrs_bytes(name: str) -> None:
    """Every record of every registry: the reference data classes are models too."""
    for record in getattr(registry, name):
        assert dumps(record) == cattrs_dumps(record)


# -- datetimes -------------------------------------------------------------------------------


class NoOffset(dt.tzinfo):
    """An aware-looking zone that gives no offset: isoformat writes none, orjson +00:00."""

    def __repr__(self) -> str:
        """The class's name, not an address: test ids are the same in every process (xdist)."""
        return "NoOffset()"

    def utcoffset(self, _: dt.datetime | None) -> None:
        """No offset."""

    def dst(self, _: dt.datetime | None) -> None:
        """No DST."""

    def tzname(self, _: dt.datetime | None) -> None:
        """No name."""


class Broken(dt.tzinfo):
    """A zone whose offset cannot be computed."""

    def __repr__(self) -> str:
        """The class's name, not an address: test ids are the same in every process (xdist)."""
        return "Broken()"

    def utcoffset(self, _: dt.datetime | None) -> dt.timedelta:
        """Fail."""
        raise ZeroDivisionError

    def dst(self, _: dt.datetime | None) -> None:
        """No DST."""

    def tzname(self, _: dt.datetime | None) -> None:
        """No name."""


class Moment(dt.datetime):
    """A datetime subclass, which orjson refuses and cattrs writes by its class."""


class Day(dt.date):
    """A date subclass."""


def at(hour: int, zone: dt.tzinfo | None, **kwargs: Any) -> dt.datetime:
    """11 March 2024 at the hour, in the zone."""
    return dt.datetime(2024, 3, 11, hour, tzinfo=zone, **kwargs)


MOMENTS = [
    at(8, CET),
    at(8, CET, microsecond=1),
    at(8, CET, microsecond=123456),
    at(8, dt.UTC),
    at(8, ZoneInfo("UTC")),
    at(8, dateutil_tz.tzutc()),
    at(8, dt.timezone(dt.timedelta(hours=-3, minutes=-30), "NST")),
    at(8, ZoneInfo("Europe/Zurich")),
    at(8, dateutil_tz.gettz("America/New_York")),
    dt.datetime(2024, 11, 3, 1, 30, fold=1, tzinfo=ZoneInfo("America/New_York")),
    dt.datetime(2024, 11, 3, 1, 30, fold=1, tzinfo=dateutil_tz.gettz("America/New_York")),
    # Offsets with seconds, which orjson would cut to minutes.
    dt.datetime(1900, 1, 1, 12, tzinfo=ZoneInfo("Europe/Paris")),
    dt.datetime(1800, 1, 1, 12, tzinfo=dateutil_tz.gettz("America/New_York")),
    at(8, dt.timezone(dt.timedelta(seconds=30))),
    at(8, dt.timezone(dt.timedelta(seconds=-30))),
    at(8, dt.timezone(dt.timedelta(microseconds=5))),
    at(8, NoOffset()),
    at(8, None),  # naive
    at(8, None, microsecond=5),
    dt.datetime(1, 1, 1, tzinfo=dt.UTC),
    dt.datetime(999, 12, 31, 23, 59, 59, 999999),  # noqa: DTZ001 - naive on purpose
    dt.date(2024, 3, 11),
    dt.date(5, 1, 1),
    Moment(2024, 3, 11, 8, tzinfo=CET),
    Day(2024, 3, 11),
    "2024-03-11",
    at(8, Broken()),
]


@pytest.mark.parametrize("moment", MOMENTS, ids=repr)
def test_moments_give_the_cattrs_bytes(moment: Any) -> None:
    """Every kind of datetime, in a meeting, a segment, a window and a report."""
    with deferred_checks():
        records = [
            g.Meeting(id="m", title="T", kind=g.MeetingKind.IMRF, start=moment, end=moment),
            g.Hearing(start=moment),
            g.Window(opens=moment),
            g.Report(id="r", kind=g.ReportKind.OUTCOME_REPORT, issued=moment),
        ]
    for record in records:
        same_outcome(record)


def test_orjson_writes_whole_minute_offsets_as_isoformat() -> None:
    """Every whole-minute offset, which the encoders hand to orjson, with and without microseconds."""
    for minutes in range(-24 * 60 + 1, 24 * 60):
        zone = dt.timezone(dt.timedelta(minutes=minutes))
        for moment in (at(8, zone), at(8, zone, microsecond=7)):
            assert orjson.dumps(moment) == orjson.dumps(moment.isoformat())


def test_offsets_with_seconds_are_written_in_python() -> None:
    """Where orjson would drop the seconds of the offset, the encoder writes isoformat()."""
    paris = dt.datetime(1900, 1, 1, 12, tzinfo=ZoneInfo("Europe/Paris"))
    assert _encode._moment(paris) == "1900-01-01T12:00:00+00:09:21"
    assert orjson.dumps(paris) != orjson.dumps(paris.isoformat())
    assert _encode._moment(at(8, NoOffset())) == "2024-03-11T08:00:00"


def test_zones_are_handed_to_orjson_as_fixed_offsets() -> None:
    """A zoneinfo or dateutil datetime keeps its wall time and fold with a fixed offset."""
    for zone in (ZoneInfo("America/New_York"), dateutil_tz.gettz("America/New_York")):
        moment = dt.datetime(2024, 11, 3, 1, 30, fold=1, tzinfo=zone)
        fixed = _encode._moment(moment)
        assert type(fixed.tzinfo) is dt.timezone
        assert (
            orjson.dumps(fixed)
            == b'"2024-11-03T01:30:00-05:00"'
            == orjson.dumps(moment.isoformat())
        )


# -- enums and other values of the wrong type (deferred checks) -----------------------------


class Plain(enum.Enum):
    """A str-valued enum, as the models' are."""

    A = "a"


class Text(enum.StrEnum):
    """A StrEnum."""

    A = "a"


class Number(enum.IntEnum):
    """An IntEnum."""

    ONE = 1


class Odd(enum.StrEnum):
    """A str enum whose value is not its string: orjson writes "x1", cattrs "1"."""

    ONE = "1"

    def __new__(cls, value: str) -> Self:
        """The string is not the value."""
        member = str.__new__(cls, "x" + value)
        member._value_ = value
        return member


class Pair(enum.Enum):
    """A tuple-valued enum."""

    A = (1, 2)


def test_members_are_written_from_their_value_slot() -> None:
    """A member's value is read from ``_value_``, unless ``value`` says otherwise."""
    for cls in (Plain, Text, Number, Pair, Odd, g.MeetingKind, g.Status, g.ReportKind):
        assert _encode.value_attribute(cls) == "_value_"
    assert _encode.value_attribute(Shifted) == "value"


class Shifted(enum.Enum):
    """An enum whose ``value`` is not its ``_value_``."""

    A = 1

    @property
    def value(self) -> int:
        """One more than the stored value."""
        return int(self._value_) + 1


class Name(str):
    """A str subclass."""

    __slots__ = ()


class Count(int):
    """An int subclass."""


def built(cls: type[T], **fields: Any) -> T:
    """An object built under deferred checks, with whatever values."""
    with deferred_checks():
        return cls(**fields)


WRONG: list[dict[str, Any]] = [
    {"kind": Plain.A},
    {"kind": Text.A},
    {"kind": Number.ONE},
    {"kind": Odd.ONE},
    {"kind": "regional_review"},
    {"status": Number.ONE},
    {"status": "CONFIRMED"},
    {"title": Name("Review"), "review": Name("r1")},
    {"title": Text.A, "notes": Odd.ONE},
    {"review": 3, "webcast": Count(1), "notes": dt.date(2024, 1, 1)},
    {"notes": ""},
    {"sources": "abc"},
    {"sources": None},
    {"co_chairs": (Name("ESP"), Text.A)},
    {"agenda": (g.Venue(city="Geneva"),)},
    {"agenda": ("hearing",)},
    {"agenda": None},
    {"venue": g.Hearing()},
    {"venue": "Geneva"},
    {"contacts": (g.DocumentRef(title="x"),)},
    {"registration": built(g.Window, opens=at(8, dt.timezone(dt.timedelta(seconds=1))))},
]


@pytest.mark.parametrize("fields", WRONG, ids=repr)
def test_wrong_types_give_the_cattrs_bytes_or_error(fields: dict[str, Any]) -> None:
    """A meeting built under deferred checks with values of the wrong type."""
    meeting = built(g.Meeting, **{"id": "m", "title": "T", "kind": g.MeetingKind.IMRF, **fields})
    same_outcome(meeting)
    same_outcome(g.Dataset(meetings=(meeting,)))


def test_wrong_types_in_other_records() -> None:
    """Enum tuples, tagged items and literal defaults with unexpected values."""
    person = {"id": "p", "kind": g.ParticipantKind.PERSON}
    records = [
        built(g.Participant, **person, roles=[g.Role.SPEAKER, "speaker"]),
        built(g.Participant, **person, roles=[Plain.A]),
        built(g.Participant, **person, gender=Number.ONE),
        built(g.GoodPractice, text="x", lesson_learned=0),
        built(g.GoodPractice, text="x", lesson_learned=None),
        built(g.GoodPractice, text="x", lesson_learned=1),
        built(g.ReportSection, title="T", items=[g.Venue()]),
        built(g.Dataset, schema_version=None, meetings=[g.Venue()]),
    ]
    for record in records:
        same_outcome(record)
    buffer = io.BytesIO()
    with converters.JsonLinesWriter(buffer) as writer:
        writer.write(records[1])
    assert buffer.getvalue().splitlines()[1] == orjson.dumps(
        {TYPE_KEY: "participant", **unstructure(records[1])}, option=orjson.OPT_SORT_KEYS
    )
