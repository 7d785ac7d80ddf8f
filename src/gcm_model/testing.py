"""Hypothesis strategies for the GCM review records, valid by construction.

Each strategy draws objects that build without error and have no
``problems()``: reference codes (objective numbers, commission and country
codes, review rounds, ...), moments, the small value classes, agenda segments,
the review records (reviews, meetings, preparatory events, participants,
written submissions, pledges, reports) and whole ``Dataset`` documents whose
ids are unique and whose references resolve. Arguments are checked when a
strategy is made, not when it is drawn from, and each docstring says what its
examples shrink towards.

Installing gcm-model registers the record classes with Hypothesis through the
``hypothesis`` entry point, so ``st.from_type(Meeting)`` works in any suite.
``import gcm_model`` does not import this module (nor Hypothesis).

Times of day are drawn on a grid of quarter hours from 06:00 to 21:45 local
time, in a few real IANA zones (``UTC``, ``Europe/Zurich``,
``America/Santiago``, ``Asia/Bangkok``, ``Africa/Addis_Ababa``,
``Asia/Beirut``) read through python-dateutil: every daylight-saving
transition of those zones falls between 22:00 and 06:00, so no drawn time is
ambiguous or nonexistent, and a meeting's hours look like a meeting's hours.

Examples:
    >>> from hypothesis import given, settings
    >>> from gcm_model import testing
    >>> @settings(max_examples=5)
    ... @given(testing.meetings(commission="ECE"))
    ... def test_ece_meetings(meeting):
    ...     assert "ECE" in meeting.commissions
    ...     assert list(meeting.problems()) == []
    >>> test_ece_meetings()
    >>> testing.country_codes(commission="UNECE2")
    Traceback (most recent call last):
    ...
    gcm_model.errors.UnknownCodeError: unknown commission 'UNECE2'; did you mean 'ECE'...
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import string
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, TypeVar

from hypothesis import strategies as st

from gcm_model import registry
from gcm_model.dates import zone
from gcm_model.errors import InvalidCodeError
from gcm_model.models.dataset import SCHEMA_VERSION, Dataset
from gcm_model.models.process import (
    ClosingSegment,
    Contact,
    DocumentRef,
    EventKind,
    Gender,
    Hearing,
    HighLevelPanel,
    Meeting,
    MeetingKind,
    OpeningSegment,
    Participant,
    ParticipantKind,
    Pledge,
    PreparatoryEvent,
    RegionalReview,
    Role,
    Sector,
    SideEvent,
    ThematicSession,
    Venue,
    Window,
    WrittenSubmission,
)
from gcm_model.models.reports import (
    GoodPractice,
    KeyFinding,
    Recommendation,
    Report,
    ReportKind,
    ReportSection,
)
from gcm_model.types import ReviewKind

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from hypothesis.strategies import DrawFn, SearchStrategy

    from gcm_model.models.process import Moment, Segment
    from gcm_model.models.reference import KnownMeeting
    from gcm_model.models.reports import ContentItem

__all__ = [
    "closing_segments",
    "cluster_numbers",
    "commission_codes",
    "contacts",
    "content_items",
    "country_codes",
    "datasets",
    "document_refs",
    "good_practices",
    "hearings",
    "high_level_panels",
    "key_findings",
    "language_codes",
    "meeting_format_codes",
    "meetings",
    "moments",
    "objective_numbers",
    "opening_segments",
    "participants",
    "pledges",
    "preparatory_events",
    "principle_letters",
    "recommendations",
    "record_ids",
    "regional_reviews",
    "report_sections",
    "reports",
    "round_codes",
    "segments",
    "side_events",
    "stakeholder_codes",
    "thematic_sessions",
    "venues",
    "windows",
    "written_submissions",
]

T = TypeVar("T")

# -- settings ---------------------------------------------------------------------------

_FIRST_DAY = dt.date(2019, 1, 1)
"""The earliest day drawn by default: the first review year after the GCM (Dec. 2018)."""
_LAST_DAY = dt.date(2030, 12, 31)
"""The latest day drawn by default: the end of the third regional round."""
_ZONE_NAMES = (
    "UTC",
    "Europe/Zurich",
    "America/Santiago",
    "Asia/Bangkok",
    "Africa/Addis_Ababa",
    "Asia/Beirut",
)
"""Zones of the review venues; UTC first, so that times shrink to UTC."""
_FIRST_SLOT = 6 * 60
"""Minutes after midnight of the first time of day drawn (06:00)."""
_SLOT_MINUTES = 15
_SLOTS = 64
"""Quarter hours per day drawn: 06:00 to 21:45, clear of every DST transition above."""
_TEXT_SIZE = 20
_LIST_SIZE = 3
_ID_START = string.digits + string.ascii_lowercase + string.ascii_uppercase
_ID_REST = _ID_START + "._:-"
_EMAIL_DOMAINS = ("un.org", "iom.int", "unece.org", "example.org")
_DEFAULT_MAX_RECORDS = 3


# -- argument checks (eager: at the call, not at the draw) ------------------------------


def _commission_arg(commission: object) -> str | None:
    return None if commission is None else registry.commissions.validate(commission)


def _round_arg(code: object, *, regional_only: bool) -> str | None:
    if code is None:
        return None
    canonical = registry.rounds.validate(code)
    if regional_only and registry.rounds.lookup(canonical).kind is not ReviewKind.REGIONAL:
        raise InvalidCodeError("review round", code, "a regional review has a regional round")
    return canonical


def _date_arg(name: str, value: object) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidCodeError(name, value, "expected a datetime.date")
    return value


def _int_arg(name: str, value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidCodeError(name, value, "expected an int")
    if not low <= value <= high:
        raise InvalidCodeError(name, value, f"expected {low} to {high}")
    return value


# -- small private strategies ------------------------------------------------------------


def _texts(max_size: int = _TEXT_SIZE) -> SearchStrategy[str]:
    """Printable, non-blank text without surrogates; shrinks towards ``"0"``."""
    return st.text(
        st.characters(exclude_categories=("C", "Zl", "Zp")), min_size=1, max_size=max_size
    ).filter(str.strip)


def _optional(strategy: SearchStrategy[T]) -> SearchStrategy[T | None]:
    """``None`` or a value of ``strategy``; shrinks towards ``None``."""
    return st.none() | strategy


def _unique(
    strategy: SearchStrategy[T], max_size: int = _LIST_SIZE
) -> SearchStrategy[tuple[T, ...]]:
    """A short tuple of distinct values; shrinks towards ``()``."""
    return st.lists(strategy, max_size=max_size, unique=True).map(tuple)


def _sources() -> SearchStrategy[tuple[str, ...]]:
    return _unique(_texts(), max_size=2)


def _guiding_question_letters() -> SearchStrategy[str]:
    return st.sampled_from([q.letter for q in registry.guiding_questions])


def _tz(name: str) -> dt.tzinfo:
    found = zone(name)
    if found is None:  # pragma: no cover - the zones above are in every tz database
        raise InvalidCodeError("time zone", name, "not found by python-dateutil")
    return found


def _at(day0: dt.date, position: int, zone_name: str) -> dt.datetime:
    """The datetime of a grid position: ``position // _SLOTS`` days after ``day0``."""
    day = day0 + dt.timedelta(days=position // _SLOTS)
    minutes = _FIRST_SLOT + _SLOT_MINUTES * (position % _SLOTS)
    return dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60), tzinfo=_tz(zone_name))


def _day_of(moment: Moment) -> dt.date:
    return moment.date() if isinstance(moment, dt.datetime) else moment


def _round_days(code: str | None) -> tuple[dt.date, dt.date]:
    """The days a record of a round is dated in: the years its meetings were held."""
    if code is None:
        return _FIRST_DAY, _LAST_DAY
    found = registry.rounds.lookup(code)
    first, last = found.held or (
        found.year,
        found.year + (1 if found.kind is ReviewKind.REGIONAL else 0),
    )
    return dt.date(first, 1, 1), dt.date(last, 12, 31)


def _member_states(commissions: Sequence[str], as_of: dt.date | None) -> tuple[str, ...]:
    """Members of the commissions on a day, or every UN Member State without one."""
    if not commissions:
        return tuple(c.alpha_3 for c in registry.countries.un_member_states())
    found: dict[str, None] = {}
    for code in commissions:
        found.update(dict.fromkeys(registry.commissions.lookup(code).members(as_of)))
    return tuple(found)


@dataclasses.dataclass(frozen=True)
class _Span:
    """A start and an end in order, and the grid they were drawn on.

    ``low`` and ``high`` are the first and last grid positions (counted from
    ``day0``) inside the span, where segments of a meeting may be placed.
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


@st.composite
def _spans(draw: DrawFn, first: dt.date, last: dt.date, max_days: int) -> _Span:
    """A start on a day in ``first..last`` and an end up to ``max_days`` later.

    Two datetimes: the end is strictly later. A date and a datetime: the end's
    day is not before the start's. Shrinks towards two dates, both ``first``.
    """
    day0 = first + dt.timedelta(days=draw(st.integers(0, (last - first).days)))
    days = draw(st.integers(0, max_days))
    zone_name = draw(st.sampled_from(_ZONE_NAMES))
    shape = draw(st.sampled_from(("days", "times", "day-time", "time-day")))
    start_timed = shape in {"times", "time-day"}
    end_timed = shape in {"times", "day-time"}
    top = days * _SLOTS + _SLOTS - 1
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


@st.composite
def _loose_times(draw: DrawFn, max_days: int = 0) -> tuple[Moment | None, Moment | None]:
    """An optional start and end, in order when both are given; shrinks to neither."""
    shape = draw(st.sampled_from(("none", "both", "start", "end")))
    if shape == "none":
        return None, None
    span = draw(_spans(_FIRST_DAY, _LAST_DAY, max_days))
    return (
        span.start if shape in {"both", "start"} else None,
        span.end if shape in {"both", "end"} else None,
    )


def _minutes() -> SearchStrategy[int | None]:
    return _optional(st.integers(1, 600))


# -- references between records -----------------------------------------------------


def _ref(draw: DrawFn, pool: Sequence[str] | None) -> str | None:
    """An optional id: any id without a pool, else one of the pool."""
    if pool is None:
        return draw(_optional(record_ids()))
    return draw(_optional(st.sampled_from(pool))) if pool else None


def _refs(draw: DrawFn, pool: Sequence[str] | None) -> tuple[str, ...]:
    """Distinct ids: any ids without a pool, else some of the pool."""
    if pool is None:
        return draw(_unique(record_ids()))
    return draw(_unique(st.sampled_from(pool), min(_LIST_SIZE, len(pool)))) if pool else ()


@dataclasses.dataclass(frozen=True)
class _Context:
    """The records of a dataset drawn so far, for references that must resolve."""

    reviews: tuple[RegionalReview, ...] = ()
    participants: tuple[Participant, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    events: tuple[PreparatoryEvent, ...] = ()
    known_taken: frozenset[str] = frozenset()

    @property
    def people(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.participants)


def _review_of(draw: DrawFn, ctx: _Context | None) -> tuple[str | None, RegionalReview | None]:
    if ctx is None:
        return draw(_optional(record_ids())), None
    review = draw(_optional(st.sampled_from(ctx.reviews))) if ctx.reviews else None
    return (review.id if review else None), review


def _of_review(
    records: Sequence[Meeting | PreparatoryEvent], review: str | None
) -> tuple[str, ...]:
    """Ids of the records that belong to ``review`` (every record when it is ``None``)."""
    return tuple(r.id for r in records if review is None or r.review == review)


def _people(ctx: _Context | None) -> tuple[str, ...] | None:
    return None if ctx is None else ctx.people


# -- reference codes -------------------------------------------------------------------


def objective_numbers() -> SearchStrategy[int]:
    """GCM objective numbers, 1 to 23 (A/RES/73/195 para. 16).

    Returns:
        A strategy of ints; shrinks towards 1.
    """
    return st.integers(1, 23)


def cluster_numbers() -> SearchStrategy[int]:
    """Session cluster numbers, 1 to 4 (A/RES/73/326).

    Returns:
        A strategy of ints; shrinks towards 1.
    """
    return st.sampled_from([c.number for c in registry.clusters])


def commission_codes() -> SearchStrategy[str]:
    """Regional commission codes: ``ECE``, ``ESCAP``, ``ECLAC``, ``ECA``, ``ESCWA``.

    Returns:
        A strategy of codes; shrinks towards ``"ECE"``.
    """
    return st.sampled_from([c.code for c in registry.commissions])


def country_codes(
    commission: str | None = None, as_of: dt.date | None = None
) -> SearchStrategy[str]:
    """ISO 3166-1 alpha-3 country codes (and ``XKX``), or the members of a commission.

    Args:
        commission: a commission code or alias; draw only its full members.
        as_of: with ``commission``, only the States that were members on this
            day (``None``: the current list).

    Returns:
        A strategy of codes; shrinks towards the first code of the registry
        (``"ABW"``), or the first member in the commission's list.

    Raises:
        UnknownCodeError: the commission is unknown.
        InvalidCodeError: ``as_of`` is not a ``date``, or is given without a
            commission.
    """
    code = _commission_arg(commission)
    day = None if as_of is None else _date_arg("as_of", as_of)
    if code is None:
        if day is not None:
            raise InvalidCodeError("as_of", as_of, "give a commission to take members on a day")
        return st.sampled_from([c.alpha_3 for c in registry.countries])
    members = registry.commissions.lookup(code).members(day)
    if not members:
        raise InvalidCodeError("as_of", as_of, f"{code} had no members on that day")
    return st.sampled_from(members)


def stakeholder_codes() -> SearchStrategy[str]:
    """Stakeholder category codes (A/RES/73/195 para. 44), such as ``migrants``.

    Returns:
        A strategy of codes; shrinks towards ``"migrants"``.
    """
    return st.sampled_from([s.code for s in registry.stakeholders])


def principle_letters() -> SearchStrategy[str]:
    """Guiding principle letters, ``a`` to ``j`` (A/RES/73/195 para. 15).

    Returns:
        A strategy of letters; shrinks towards ``"a"``.
    """
    return st.sampled_from([p.letter for p in registry.principles])


def language_codes() -> SearchStrategy[str]:
    """ISO 639-1 codes of the six official languages of the UN.

    Returns:
        A strategy of codes; shrinks towards ``"ar"``.
    """
    return st.sampled_from([lang.code for lang in registry.languages])


def meeting_format_codes() -> SearchStrategy[str]:
    """Meeting formats: ``in_person``, ``virtual``, ``hybrid``.

    Returns:
        A strategy of codes; shrinks towards ``"in_person"``.
    """
    return st.sampled_from([f.code for f in registry.meeting_formats])


def round_codes(kind: ReviewKind | str | None = None) -> SearchStrategy[str]:
    """Codes of the known review rounds, such as ``regional-2024``.

    Args:
        kind: only rounds of this kind, ``"regional"`` or ``"imrf"``.

    Returns:
        A strategy of codes; shrinks towards the first round (of the kind):
        ``"regional-2020"``, or ``"imrf-2022"``.

    Raises:
        InvalidCodeError: ``kind`` is neither ``regional`` nor ``imrf``.
    """
    wanted: ReviewKind | None = None
    if kind is not None:
        try:
            wanted = ReviewKind(kind)
        except ValueError:
            raise InvalidCodeError("review kind", kind, "expected 'regional' or 'imrf'") from None
    return st.sampled_from([r.code for r in registry.rounds if wanted in {None, r.kind}])


def moments(
    *,
    min_value: dt.date = _FIRST_DAY,
    max_value: dt.date = _LAST_DAY,
    times: bool = True,
) -> SearchStrategy[Moment]:
    """Days, and instants with their UTC offset, as the models take for times.

    A datetime is a quarter hour from 06:00 to 21:45 local time in one of
    ``UTC``, ``Europe/Zurich``, ``America/Santiago``, ``Asia/Bangkok``,
    ``Africa/Addis_Ababa`` or ``Asia/Beirut`` (python-dateutil zones), never
    ambiguous or nonexistent.

    Args:
        min_value: the earliest day.
        max_value: the latest day.
        times: draw datetimes as well as dates.

    Returns:
        A strategy of ``date`` and aware ``datetime`` values; shrinks towards
        the date ``min_value``.

    Raises:
        InvalidCodeError: a bound is not a ``date``, or ``min_value`` is after
            ``max_value``.
    """
    low = _date_arg("min_value", min_value)
    high = _date_arg("max_value", max_value)
    if low > high:
        raise InvalidCodeError("max_value", max_value, f"is before min_value {min_value}")
    with_times = bool(times)

    @st.composite
    def draw_moment(draw: DrawFn) -> Moment:
        day = low + dt.timedelta(days=draw(st.integers(0, (high - low).days)))
        if not (with_times and draw(st.booleans())):
            return day
        return _at(day, draw(st.integers(0, _SLOTS - 1)), draw(st.sampled_from(_ZONE_NAMES)))

    return draw_moment()


def record_ids(*, max_size: int = 16) -> SearchStrategy[str]:
    """Record ids matching ``gcm_model.models.checks.ID_PATTERN``.

    Args:
        max_size: the longest id, 1 to 128.

    Returns:
        A strategy of ids: a letter or digit, then letters, digits, ``.``,
        ``_``, ``:`` or ``-``; shrinks towards ``"0"``.

    Raises:
        InvalidCodeError: ``max_size`` is not an int in 1..128.
    """
    size = _int_arg("max_size", max_size, 1, 128)
    return st.builds(
        str.__add__,
        st.sampled_from(_ID_START),
        st.text(st.sampled_from(_ID_REST), max_size=size - 1),
    )


# -- value classes ----------------------------------------------------------------------


@st.composite
def _venue(draw: DrawFn) -> Venue:
    return Venue(
        name=draw(_optional(_texts())),
        city=draw(_optional(_texts())),
        country=draw(_optional(country_codes())),
    )


def venues() -> SearchStrategy[Venue]:
    """Venues: an optional name, city and country.

    Returns:
        A strategy of ``Venue``; shrinks towards ``Venue()``.
    """
    return _venue()


@st.composite
def _contact(draw: DrawFn) -> Contact:
    local = draw(st.text(st.sampled_from(string.ascii_lowercase + "._-"), max_size=9))
    domain = draw(st.sampled_from(_EMAIL_DOMAINS))
    return Contact(role=draw(_texts()), email=f"{draw(st.sampled_from('abc'))}{local}@{domain}")


def contacts() -> SearchStrategy[Contact]:
    """Contacts: a purpose and an email address.

    Returns:
        A strategy of ``Contact``; shrinks towards ``Contact(role="0", email="a@un.org")``.
    """
    return _contact()


@st.composite
def _document_ref(draw: DrawFn) -> DocumentRef:
    return DocumentRef(
        title=draw(_texts()),
        symbol=draw(_optional(st.sampled_from(("A/RES/73/195", "A/RES/73/326", "A/76/642")))),
        url=draw(_optional(st.builds("https://example.org/{}".format, record_ids()))),
    )


def document_refs() -> SearchStrategy[DocumentRef]:
    """References to documents: a title, and optionally a UN symbol and a URL.

    Returns:
        A strategy of ``DocumentRef``; shrinks towards ``DocumentRef(title="0")``.
    """
    return _document_ref()


@st.composite
def _window(draw: DrawFn) -> Window:
    opens, closes = draw(_loose_times(max_days=60))
    return Window(opens=opens, closes=closes)


def windows() -> SearchStrategy[Window]:
    """Windows such as registration: an optional opening and closing, in order.

    Returns:
        A strategy of ``Window``; shrinks towards ``Window()``.
    """
    return _window()


# -- agenda segments ----------------------------------------------------------------------

_Times: TypeAlias = "tuple[Moment | None, Moment | None]"


def _times(draw: DrawFn, times: _Times | None) -> _Times:
    return draw(_loose_times()) if times is None else times


@st.composite
def _hearing(
    draw: DrawFn, times: _Times | None = None, people: Sequence[str] | None = None
) -> Hearing:
    start, end = _times(draw, times)
    moderator = _ref(draw, people)
    panellists = _refs(draw, None if people is None else [p for p in people if p != moderator])
    return Hearing(
        title=draw(_optional(_texts())),
        start=start,
        end=end,
        reported_minutes=draw(_minutes()),
        moderator=moderator,
        panellists=panellists,
    )


def hearings() -> SearchStrategy[Hearing]:
    """Multi-stakeholder hearings of an agenda.

    Returns:
        A strategy of ``Hearing``; shrinks towards ``Hearing()``.
    """
    return _hearing()


@st.composite
def _opening(
    draw: DrawFn, times: _Times | None = None, people: Sequence[str] | None = None
) -> OpeningSegment:
    start, end = _times(draw, times)
    return OpeningSegment(
        title=draw(_optional(_texts())),
        start=start,
        end=end,
        reported_minutes=draw(_minutes()),
        speakers=_refs(draw, people),
    )


def opening_segments() -> SearchStrategy[OpeningSegment]:
    """Openings of an intergovernmental meeting.

    Returns:
        A strategy of ``OpeningSegment``; shrinks towards ``OpeningSegment()``.
    """
    return _opening()


@st.composite
def _thematic(
    draw: DrawFn,
    cluster: int | None = None,
    times: _Times | None = None,
    people: Sequence[str] | None = None,
    number: int | Literal["draw"] | None = "draw",
) -> ThematicSession:
    chosen = draw(cluster_numbers()) if cluster is None else cluster
    own = registry.clusters.lookup(chosen).objectives
    objectives = draw(st.lists(st.sampled_from(own), min_size=1, unique=True))
    start, end = _times(draw, times)
    return ThematicSession(
        cluster=chosen,
        objectives=tuple(sorted(objectives)),
        number=draw(_optional(st.integers(1, 4))) if number == "draw" else number,
        title=draw(_optional(_texts())),
        start=start,
        end=end,
        reported_minutes=draw(_minutes()),
        member_state_speaker=_ref(draw, people),
        moderator=_ref(draw, people),
        background_note=draw(_optional(document_refs())),
    )


def thematic_sessions(cluster: int | str | None = None) -> SearchStrategy[ThematicSession]:
    """Thematic sessions on a cluster, covering a non-empty subset of its objectives.

    Args:
        cluster: the cluster number (or title); any cluster when ``None``.

    Returns:
        A strategy of ``ThematicSession`` whose objectives are sorted; shrinks
        towards a session on cluster 1 (or ``cluster``) covering its first
        objective only.

    Raises:
        InvalidCodeError: ``cluster`` cannot be a cluster number.
        UnknownCodeError: no such cluster.
    """
    chosen = None if cluster is None else registry.clusters.lookup(cluster).number
    return _thematic(chosen)


@st.composite
def _panel(
    draw: DrawFn, times: _Times | None = None, people: Sequence[str] | None = None
) -> HighLevelPanel:
    start, end = _times(draw, times)
    return HighLevelPanel(
        title=draw(_optional(_texts())),
        start=start,
        end=end,
        reported_minutes=draw(_minutes()),
        topic=draw(_optional(_texts())),
        host=_ref(draw, people),
        panellists=_refs(draw, people),
    )


def high_level_panels() -> SearchStrategy[HighLevelPanel]:
    """High-level panels of an agenda.

    Returns:
        A strategy of ``HighLevelPanel``; shrinks towards ``HighLevelPanel()``.
    """
    return _panel()


@st.composite
def _closing(
    draw: DrawFn, times: _Times | None = None, people: Sequence[str] | None = None
) -> ClosingSegment:
    start, end = _times(draw, times)
    return ClosingSegment(
        title=draw(_optional(_texts())),
        start=start,
        end=end,
        reported_minutes=draw(_minutes()),
        speakers=_refs(draw, people),
    )


def closing_segments() -> SearchStrategy[ClosingSegment]:
    """Closings of an intergovernmental meeting.

    Returns:
        A strategy of ``ClosingSegment``; shrinks towards ``ClosingSegment()``.
    """
    return _closing()


@st.composite
def _side_event(
    draw: DrawFn, times: _Times | None = None, people: Sequence[str] | None = None
) -> SideEvent:
    start, end = _times(draw, times)
    return SideEvent(
        title=draw(_optional(_texts())),
        start=start,
        end=end,
        reported_minutes=draw(_minutes()),
        organisers=_refs(draw, people),
    )


def side_events() -> SearchStrategy[SideEvent]:
    """Side events held during a review.

    Returns:
        A strategy of ``SideEvent``; shrinks towards ``SideEvent()``.
    """
    return _side_event()


def segments() -> SearchStrategy[Segment]:
    """Agenda segments of every kind.

    Returns:
        A strategy of ``Hearing``, ``OpeningSegment``, ``ThematicSession``,
        ``HighLevelPanel``, ``ClosingSegment`` and ``SideEvent``; shrinks
        towards ``Hearing()``.
    """
    return st.one_of(
        hearings(),
        opening_segments(),
        thematic_sessions(),
        high_level_panels(),
        closing_segments(),
        side_events(),
    )


def _positions(draw: DrawFn, low: int, high: int, count: int) -> list[int]:
    """``count`` increasing grid positions in ``low..high`` (there is room for them)."""
    found: list[int] = []
    for index in range(count):
        first = found[-1] + 1 if found else low
        found.append(draw(st.integers(first, high - (count - 1 - index))))
    return found


def _slot_times(draw: DrawFn, span: _Span, start: int, end: int) -> _Times:
    """Times of a segment at two grid positions of a meeting: dates or datetimes."""
    if draw(st.booleans()):
        first: Moment = _at(span.day0, start, span.zone)
        last: Moment = _at(span.day0, end, span.zone)
    else:
        first = span.day0 + dt.timedelta(days=start // _SLOTS)
        last = span.day0 + dt.timedelta(days=end // _SLOTS)
    return first, (last if draw(st.booleans()) else None)


_SEGMENT_BUILDERS: dict[str, Callable[..., SearchStrategy[Segment]]] = {
    "opening": _opening,
    "hearing": _hearing,
    "panel": _panel,
    "side": _side_event,
    "closing": _closing,
}


@st.composite
def _agenda(draw: DrawFn, span: _Span, people: Sequence[str] | None) -> tuple[Segment, ...]:
    """An opening, up to two other segments and a closing, at increasing times.

    Thematic sessions follow distinct clusters and, if numbered, are numbered
    from 1 in agenda order. Timed segments fall inside the meeting's span.
    """
    plan: list[tuple[str, int | None]] = [("opening", None)] if draw(st.booleans()) else []
    clusters_left = [c.number for c in registry.clusters]
    for _ in range(draw(st.integers(0, 2))):  # fewer than the four clusters
        kind = draw(st.sampled_from(("thematic", "hearing", "panel", "side")))
        cluster = None
        if kind == "thematic":
            cluster = draw(st.sampled_from(clusters_left))
            clusters_left.remove(cluster)
        plan.append((kind, cluster))
    if draw(st.booleans()):
        plan.append(("closing", None))
    timed = [draw(st.booleans()) for _ in plan]
    room = (span.high - span.low + 1) // 2
    while sum(timed) > room:
        timed[timed.index(True)] = False
    positions = iter(_positions(draw, span.low, span.high, 2 * sum(timed)))
    numbered = draw(st.booleans())
    sessions = 0
    agenda: list[Segment] = []
    for (kind, cluster), has_times in zip(plan, timed, strict=True):
        times: _Times = (None, None)
        if has_times:
            times = _slot_times(draw, span, next(positions), next(positions))
        if kind == "thematic":
            sessions += 1
            number = sessions if numbered else None
            agenda.append(draw(_thematic(cluster, times, people, number)))
        else:
            builder = _SEGMENT_BUILDERS[kind]
            agenda.append(draw(builder(times, people)))
    return tuple(agenda)


# -- records -----------------------------------------------------------------------------


@st.composite
def _review(
    draw: DrawFn, commission: str | None, round_code: str | None, id_: str | None = None
) -> RegionalReview:
    regional = [r.code for r in registry.rounds if r.kind is ReviewKind.REGIONAL]
    return RegionalReview(
        id=draw(record_ids()) if id_ is None else id_,
        round=draw(st.sampled_from(regional)) if round_code is None else round_code,
        commissions=(
            (commission,)
            if commission is not None
            else draw(st.lists(commission_codes(), min_size=1, max_size=2, unique=True).map(tuple))
        ),
        title=draw(_optional(_texts())),
        contacts=draw(st.lists(contacts(), max_size=2, unique_by=lambda c: c.role).map(tuple)),
        documents=draw(_unique(document_refs(), max_size=2)),
        notes=draw(_optional(_texts())),
        sources=draw(_sources()),
    )


def regional_reviews(
    commission: str | None = None,
    round: str | None = None,  # noqa: A002 - the field is called round
) -> SearchStrategy[RegionalReview]:
    """Regional reviews of one region in one regional round.

    Args:
        commission: the convening commission (code or alias); one or two
            commissions when ``None``.
        round: a regional round code such as ``regional-2024``; any regional
            round when ``None``.

    Returns:
        A strategy of ``RegionalReview``; shrinks towards a review of ``ECE``
        in ``regional-2020`` with id ``"0"`` and nothing else.

    Raises:
        UnknownCodeError: the commission or round is unknown.
        InvalidCodeError: the round is an IMRF round, or not a string.
    """
    return _review(_commission_arg(commission), _round_arg(round, regional_only=True))


_KNOWN_KINDS = {"regional-review": MeetingKind.REGIONAL_REVIEW, "imrf": MeetingKind.IMRF}


def _known_candidates(
    commission: str | None,
    round_code: str | None,
    review: RegionalReview | None,
    taken: frozenset[str],
) -> list[KnownMeeting]:
    """The known meetings a drawn meeting may stand for, under the constraints."""
    return [
        known
        for known in registry.known_meetings
        if known.start is not None
        and known.kind in _KNOWN_KINDS
        and known.code not in taken
        and (commission is None or commission in known.commissions)
        and (round_code is None or known.round == round_code)
        and (
            review is None or (known.round, known.commissions) == (review.round, review.commissions)
        )
    ]


@dataclasses.dataclass(frozen=True)
class _Frame:
    """What a meeting's kind and place fix before its other fields are drawn."""

    kind: MeetingKind
    round: str | None
    commissions: tuple[str, ...]
    span: _Span
    known: KnownMeeting | None = None


def _known_frame(draw: DrawFn, known: KnownMeeting) -> _Frame:
    assert known.start is not None  # noqa: S101 - _known_candidates keeps dated meetings only
    last = known.end or known.start
    days = (last - known.start).days
    zone_name = draw(st.sampled_from(_ZONE_NAMES))
    span = _Span(known.start, last, zone_name, known.start, 0, days * _SLOTS + _SLOTS - 1)
    return _Frame(_KNOWN_KINDS[known.kind], known.round, known.commissions, span, known)


@st.composite
def _meeting_frame(
    draw: DrawFn,
    commission: str | None,
    round_code: str | None,
    review: RegionalReview | None,
    taken: frozenset[str],
) -> _Frame:
    candidates = _known_candidates(commission, round_code, review, taken)
    if len(candidates) > 0 and draw(st.booleans()):
        return _known_frame(draw, draw(st.sampled_from(candidates)))
    if review is not None:
        round_code = review.round
    elif round_code is None:
        round_code = draw(_optional(round_codes(None if commission is None else "regional")))
    kind_of_round = None if round_code is None else registry.rounds.lookup(round_code).kind
    imrf_allowed = (
        commission is None and review is None and kind_of_round is not ReviewKind.REGIONAL
    )
    kinds = [
        k
        for k in MeetingKind
        if (k is not MeetingKind.IMRF or imrf_allowed)
        and (k is not MeetingKind.REGIONAL_REVIEW or kind_of_round is not ReviewKind.IMRF)
    ]
    kind = draw(st.sampled_from(kinds))
    if review is not None:
        commissions = review.commissions
    elif commission is not None:
        commissions = (commission,)
    elif kind is MeetingKind.IMRF:
        commissions = ()
    else:
        low = 1 if kind is MeetingKind.REGIONAL_REVIEW else 0
        commissions = tuple(
            draw(st.lists(commission_codes(), min_size=low, max_size=2, unique=True))
        )
    first, last = _round_days(round_code)
    span = draw(_spans(first, last, max_days=3))
    return _Frame(kind, round_code, commissions, span)


def _place(draw: DrawFn, frame: _Frame) -> dict[str, Any]:
    """Format, venue and host country: from the known meeting, or drawn."""
    known = frame.known
    if known is not None:
        venue = None
        if known.venue or known.city or known.country:
            venue = Venue(name=known.venue, city=known.city, country=known.country)
        return {
            "known_meeting": known.code,
            "format": known.format or ("in_person" if known.city else None),
            "venue": venue,
            "host_country": known.host_country,
        }
    meeting_format = draw(_optional(meeting_format_codes()))
    online = meeting_format in {"virtual", "hybrid"}
    return {
        "known_meeting": None,
        "format": meeting_format,
        "venue": None if meeting_format == "virtual" else draw(_optional(venues())),
        "host_country": draw(_optional(country_codes())) if online else None,
    }


def _before(draw: DrawFn, day: dt.date) -> Window | None:
    """A registration window of days that closes on or before ``day``."""
    if not draw(st.booleans()):
        return None
    closes = day - dt.timedelta(days=draw(st.integers(0, 30)))
    opens = closes - dt.timedelta(days=draw(st.integers(0, 60)))
    shape = draw(st.sampled_from(("both", "opens", "closes")))
    return Window(
        opens=opens if shape != "closes" else None, closes=closes if shape != "opens" else None
    )


@st.composite
def _meeting(  # noqa: PLR0913 - the constraints a dataset puts on a meeting
    draw: DrawFn,
    commission: str | None,
    round_code: str | None,
    *,
    ctx: _Context | None = None,
    id_: str | None = None,
    taken: frozenset[str] = frozenset(),
) -> Meeting:
    review_id, review = _review_of(draw, ctx)
    frame = draw(_meeting_frame(commission, round_code, review, taken))
    people = _people(ctx)
    span = frame.span
    agenda = draw(_agenda(span, people))
    timed = span.timed or any(
        isinstance(s.start, dt.datetime) or isinstance(s.end, dt.datetime) for s in agenda
    )
    first_day = _day_of(span.start)
    members = _member_states(frame.commissions, first_day)
    return Meeting(
        id=draw(record_ids()) if id_ is None else id_,
        title=draw(_texts()),
        kind=frame.kind,
        start=span.start,
        end=span.end,
        review=review_id,
        round=frame.round,
        commissions=frame.commissions,
        **_place(draw, frame),
        time_zone=span.zone if timed else draw(_optional(st.just(span.zone))),
        languages=draw(_unique(language_codes())),
        webcast=draw(_optional(st.booleans())),
        co_chairs=draw(_unique(st.sampled_from(members), max_size=2)),
        rapporteur=_ref(draw, people),
        organisers=_refs(draw, people),
        registration=_before(draw, first_day),
        written_inputs_due=draw(
            _optional(st.integers(0, 30).map(lambda n: first_day - dt.timedelta(days=n)))
        ),
        agenda=agenda,
        contacts=draw(st.lists(contacts(), max_size=2, unique_by=lambda c: c.role).map(tuple)),
        documents=draw(_unique(document_refs(), max_size=2)),
        notes=draw(_optional(_texts())),
        sources=draw(_sources()),
    )


def meetings(
    commission: str | None = None,
    round: str | None = None,  # noqa: A002 - the field is called round
) -> SearchStrategy[Meeting]:
    """Meetings of a review, with an agenda of segments.

    The kind agrees with the round (no IMRF in a regional round); an IMRF has
    no commission. Start and end are two days, two datetimes in one zone or
    one of each, in order, in the years the round was held; agenda segments
    are timed inside them and in agenda order, and co-chairs are members of
    the commissions. Some examples stand for a known meeting
    (``gcm_model.known_meetings``) and take its dates and venue.

    Args:
        commission: a commission among the meeting's (code or alias).
        round: the round code; any round, or none, when ``None``.

    Returns:
        A strategy of ``Meeting``; shrinks towards a one-day regional review
        meeting of a known meeting's date (``ece-2020``) or, failing that, of
        1 January of the first year of the round.

    Raises:
        UnknownCodeError: the commission or round is unknown.
        InvalidCodeError: the round is not a string.
    """
    return _meeting(_commission_arg(commission), _round_arg(round, regional_only=False))


@st.composite
def _event(draw: DrawFn, ctx: _Context | None = None, id_: str | None = None) -> PreparatoryEvent:
    review_id, review = _review_of(draw, ctx)
    meeting = _ref(draw, None if ctx is None else _of_review(ctx.meetings, review_id))
    first, last = _round_days(None if review is None else review.round)
    span = draw(_spans(first, last, max_days=2))
    clusters = sorted(draw(_unique(cluster_numbers(), max_size=2)))
    covered = [o for c in clusters for o in registry.clusters.lookup(c).objectives]
    objectives = draw(_unique(st.sampled_from(covered) if covered else objective_numbers()))
    return PreparatoryEvent(
        id=draw(record_ids()) if id_ is None else id_,
        kind=draw(st.sampled_from(EventKind)),
        start=span.start,
        end=span.end if draw(st.booleans()) else None,
        review=review_id,
        meeting=meeting,
        title=draw(_optional(_texts())),
        format=draw(_optional(meeting_format_codes())),
        organisers=_refs(draw, _people(ctx)),
        clusters=tuple(clusters),
        objectives=tuple(sorted(objectives)),
        webcast=draw(_optional(st.booleans())),
        notes=draw(_optional(_texts())),
        sources=draw(_sources()),
    )


def preparatory_events() -> SearchStrategy[PreparatoryEvent]:
    """Preparatory and follow-up events: consultations, briefings, GCM Talks, ...

    Objectives, when clusters are given, are among the clusters' objectives.

    Returns:
        A strategy of ``PreparatoryEvent``; shrinks towards a pre-consultation
        on 1 January 2019 with id ``"0"``.
    """
    return _event()


@st.composite
def _participant(
    draw: DrawFn,
    id_: str | None = None,
    kind: ParticipantKind | None = None,
    organisations: Sequence[str] | None = None,
    attended: Sequence[str] | None = None,
) -> Participant:
    ident = draw(record_ids()) if id_ is None else id_
    kind = draw(st.sampled_from(ParticipantKind)) if kind is None else kind
    sector = draw(_optional(st.sampled_from(Sector)))
    stakeholder = sector in {None, Sector.STAKEHOLDER}
    person = kind is ParticipantKind.PERSON
    organisation = None
    if person:
        pool = None if organisations is None else [o for o in organisations if o != ident]
        organisation = _ref(draw, pool)
        if organisation == ident:
            organisation = None
    return Participant(
        id=ident,
        kind=kind,
        name=draw(_optional(_texts())),
        sector=sector,
        category=draw(_optional(stakeholder_codes())) if stakeholder else None,
        country=draw(_optional(country_codes())),
        organisation=organisation,
        gender=draw(_optional(st.sampled_from(Gender))) if person else None,
        roles=draw(_unique(st.sampled_from(Role))),
        events=_refs(draw, attended),
        notes=draw(_optional(_texts())),
        sources=draw(_sources()),
    )


def participants() -> SearchStrategy[Participant]:
    """People and organisations taking part in a review.

    Only stakeholders (or participants of no stated sector) have a
    stakeholder category, only people have a gender and an organisation, and
    no one belongs to themselves.

    Returns:
        A strategy of ``Participant``; shrinks towards a person with id ``"0"``
        and nothing else.
    """
    return _participant()


def _pledger(
    draw: DrawFn, ctx: _Context | None, review: RegionalReview | None, day: dt.date | None
) -> tuple[str | None, Participant | str | None]:
    """``(member_state, author)``: exactly one; the author as a record in a dataset."""
    authors: Sequence[Participant] | None = None if ctx is None else ctx.participants
    if authors == () or draw(st.booleans()):
        members = _member_states(() if review is None else review.commissions, day)
        return draw(st.sampled_from(members)), None
    if authors is None:
        return None, draw(record_ids())
    return None, draw(st.sampled_from(authors))


@st.composite
def _submission(
    draw: DrawFn, ctx: _Context | None = None, id_: str | None = None
) -> WrittenSubmission:
    review_id, review = _review_of(draw, ctx)
    first, last = _round_days(None if review is None else review.round)
    received = draw(_optional(moments(min_value=first, max_value=last)))
    member_state, author = _pledger(
        draw, ctx, review, None if received is None else _day_of(received)
    )
    if isinstance(author, Participant):
        author_id: str | None = author.id
        category = author.category
    else:
        author_id = author
        category = None if author is None else draw(_optional(stakeholder_codes()))
    shape = draw(st.sampled_from(("text", "url", "both")))
    return WrittenSubmission(
        id=draw(record_ids()) if id_ is None else id_,
        review=review_id,
        meeting=_ref(draw, None if ctx is None else _of_review(ctx.meetings, review_id)),
        member_state=member_state,
        author=author_id,
        category=category,
        received=received,
        guiding_questions=tuple(sorted(draw(_unique(_guiding_question_letters())))),
        objectives=tuple(sorted(draw(_unique(objective_numbers())))),
        title=draw(_optional(_texts())),
        language=draw(_optional(language_codes())),
        text=draw(_texts(60)) if shape != "url" else None,
        url=draw(st.builds("https://example.org/{}".format, record_ids()))
        if shape != "text"
        else None,
        sources=draw(_sources()),
    )


def written_submissions() -> SearchStrategy[WrittenSubmission]:
    """Written inputs to a review, by a Member State or by a stakeholder.

    Exactly one of ``member_state`` and ``author`` is given, and a text, a
    URL or both; a ``category`` only with an author.

    Returns:
        A strategy of ``WrittenSubmission``; shrinks towards a submission with
        id ``"0"`` by the first UN Member State (``"AFG"``) with text ``"0"``.
    """
    return _submission()


@st.composite
def _pledge(draw: DrawFn, ctx: _Context | None = None, id_: str | None = None) -> Pledge:
    review_id, review = _review_of(draw, ctx)
    first, last = _round_days(None if review is None else review.round)
    member_state, author = _pledger(draw, ctx, review, None)
    return Pledge(
        id=draw(record_ids()) if id_ is None else id_,
        text=draw(_texts(60)),
        review=review_id,
        meeting=_ref(draw, None if ctx is None else _of_review(ctx.meetings, review_id)),
        member_state=member_state,
        author=author.id if isinstance(author, Participant) else author,
        objectives=tuple(sorted(draw(_unique(objective_numbers())))),
        made_on=draw(_optional(moments(min_value=first, max_value=last))),
        url=draw(_optional(st.builds("https://example.org/{}".format, record_ids()))),
        sources=draw(_sources()),
    )


def pledges() -> SearchStrategy[Pledge]:
    """Pledges made in a review, by a Member State or by a stakeholder.

    Returns:
        A strategy of ``Pledge``; shrinks towards a pledge with id ``"0"`` and
        text ``"0"`` by the first UN Member State (``"AFG"``).
    """
    return _pledge()


@st.composite
def _item_fields(draw: DrawFn) -> dict[str, Any]:
    return {
        "text": draw(_texts(60)),
        "objectives": tuple(sorted(draw(_unique(objective_numbers())))),
        "principles": tuple(sorted(draw(_unique(principle_letters())))),
        "countries": draw(_unique(country_codes())),
    }


def key_findings() -> SearchStrategy[KeyFinding]:
    """Key findings of a report, citing objectives, principles and countries.

    Returns:
        A strategy of ``KeyFinding``; shrinks towards ``KeyFinding(text="0")``.
    """
    return _item_fields().map(lambda fields: KeyFinding(**fields))


def good_practices() -> SearchStrategy[GoodPractice]:
    """Good practices and lessons learned of a report.

    Returns:
        A strategy of ``GoodPractice``; shrinks towards ``GoodPractice(text="0")``.
    """
    return st.builds(
        lambda fields, lesson: GoodPractice(**fields, lesson_learned=lesson),
        _item_fields(),
        st.booleans(),
    )


def recommendations() -> SearchStrategy[Recommendation]:
    """Recommendations of a report, with an optional addressee.

    Returns:
        A strategy of ``Recommendation``; shrinks towards ``Recommendation(text="0")``.
    """
    return st.builds(
        lambda fields, addressee: Recommendation(**fields, addressee=addressee),
        _item_fields(),
        _optional(_texts()),
    )


def content_items() -> SearchStrategy[ContentItem]:
    """Typed items of a report section: findings, practices and recommendations.

    Returns:
        A strategy of ``KeyFinding``, ``GoodPractice`` and ``Recommendation``;
        shrinks towards ``KeyFinding(text="0")``.
    """
    return st.one_of(key_findings(), good_practices(), recommendations())


@st.composite
def _section(draw: DrawFn, kind: str | None) -> ReportSection:
    title = draw(_texts()) if kind is None else draw(_optional(_texts()))
    return ReportSection(
        kind=kind,
        title=title,
        text=draw(_optional(_texts(60))),
        items=draw(st.lists(content_items(), max_size=2).map(tuple)),
    )


def report_sections() -> SearchStrategy[ReportSection]:
    """Report sections of a suggested kind, or custom sections with a title.

    Returns:
        A strategy of ``ReportSection``; shrinks towards
        ``ReportSection(kind="introduction")``.
    """
    kinds = [*(k.code for k in registry.report_section_kinds), None]
    return st.sampled_from(kinds).flatmap(_section)


@st.composite
def _report(draw: DrawFn, ctx: _Context | None = None, id_: str | None = None) -> Report:
    review_id, review = _review_of(draw, ctx)
    first, last = _round_days(None if review is None else review.round)
    kinds = sorted(
        draw(_unique(st.sampled_from(list(registry.report_section_kinds)), max_size=2)),
        key=lambda k: k.order,
    )
    sections = [draw(_section(k.code)) for k in kinds]
    sections += draw(st.lists(_section(None), max_size=1))
    return Report(
        id=draw(record_ids()) if id_ is None else id_,
        kind=draw(st.sampled_from(ReportKind)),
        title=draw(_optional(_texts())),
        review=review_id,
        meetings=_refs(draw, None if ctx is None else _of_review(ctx.meetings, review_id)),
        events=_refs(draw, None if ctx is None else _of_review(ctx.events, review_id)),
        issued=draw(_optional(moments(min_value=first, max_value=last))),
        language=draw(_optional(language_codes())),
        authors=_refs(draw, _people(ctx)),
        sections=tuple(sections),
        url=draw(_optional(st.builds("https://example.org/{}".format, record_ids()))),
        notes=draw(_optional(_texts())),
        sources=draw(_sources()),
    )


def reports() -> SearchStrategy[Report]:
    """Reports of a review, with sections of distinct suggested kinds in order.

    Returns:
        A strategy of ``Report``; shrinks towards an outcome report with id
        ``"0"`` and no sections.
    """
    return _report()


# -- datasets -------------------------------------------------------------------------------


@st.composite
def _dataset(
    draw: DrawFn, commission: str | None, round_code: str | None, max_records: int
) -> Dataset:
    names = ("reviews", "participants", "meetings", "events", "submissions", "reports", "pledges")
    counts = {name: draw(st.integers(0, max_records)) for name in names}
    every_id = draw(
        st.lists(
            record_ids(), min_size=sum(counts.values()), max_size=sum(counts.values()), unique=True
        )
    )
    ids: dict[str, list[str]] = {}
    for name in names:
        ids[name], every_id = every_id[: counts[name]], every_id[counts[name] :]
    reviews = tuple(draw(_review(commission, round_code, i)) for i in ids["reviews"])
    kinds = [draw(st.sampled_from(ParticipantKind)) for _ in ids["participants"]]
    organisations = [
        i
        for i, k in zip(ids["participants"], kinds, strict=True)
        if k is ParticipantKind.ORGANISATION
    ]
    attended = ids["meetings"] + ids["events"]
    people = tuple(
        draw(_participant(i, k, organisations, attended))
        for i, k in zip(ids["participants"], kinds, strict=True)
    )
    ctx = _Context(reviews=reviews, participants=people)
    found: list[Meeting] = []
    for i in ids["meetings"]:
        taken = frozenset(m.known_meeting for m in found if m.known_meeting)
        found.append(draw(_meeting(commission, round_code, ctx=ctx, id_=i, taken=taken)))
    ctx = dataclasses.replace(ctx, meetings=tuple(found))
    ctx = dataclasses.replace(ctx, events=tuple(draw(_event(ctx, i)) for i in ids["events"]))
    return Dataset(
        schema_version=SCHEMA_VERSION,
        title=draw(_optional(_texts())),
        reviews=reviews,
        meetings=ctx.meetings,
        events=ctx.events,
        participants=people,
        submissions=tuple(draw(_submission(ctx, i)) for i in ids["submissions"]),
        reports=tuple(draw(_report(ctx, i)) for i in ids["reports"]),
        pledges=tuple(draw(_pledge(ctx, i)) for i in ids["pledges"]),
        sources=draw(_sources()),
    )


def datasets(
    commission: str | None = None,
    round: str | None = None,  # noqa: A002 - the field is called round
    *,
    max_records: int = _DEFAULT_MAX_RECORDS,
) -> SearchStrategy[Dataset]:
    """Datasets whose ids are unique and whose references resolve.

    Ids are unique across the whole dataset (so within each collection too).
    Every ``review`` names a review of the dataset, every ``meeting`` or
    ``meetings`` a meeting of the same review, every ``events`` an event,
    and every participant reference (``rapporteur``, ``organisers``,
    ``author``, ``authors``, ``organisation``, and the moderators, speakers,
    panellists, hosts and organisers of agenda segments) a participant; an
    ``organisation`` names an organisation, and a participant's ``events``
    name meetings or events. A meeting of a review shares its round and
    commissions, and a submission's ``category`` is its author's.

    Args:
        commission: every review and meeting is convened by this commission.
        round: a regional round code; every review and meeting is in it.
        max_records: the most records drawn in each collection, 0 to 50.

    Returns:
        A strategy of ``Dataset``; shrinks towards the empty ``Dataset()``.

    Raises:
        UnknownCodeError: the commission or round is unknown.
        InvalidCodeError: the round is an IMRF round, or ``max_records`` is
            not an int in 0..50.
    """
    return _dataset(
        _commission_arg(commission),
        _round_arg(round, regional_only=True),
        _int_arg("max_records", max_records, 0, 50),
    )


# -- the hypothesis entry point ---------------------------------------------------------------

_REGISTERED: tuple[tuple[type[Any], Callable[[], SearchStrategy[Any]]], ...] = (
    (Venue, venues),
    (Contact, contacts),
    (DocumentRef, document_refs),
    (Window, windows),
    (Hearing, hearings),
    (OpeningSegment, opening_segments),
    (ThematicSession, thematic_sessions),
    (HighLevelPanel, high_level_panels),
    (ClosingSegment, closing_segments),
    (SideEvent, side_events),
    (RegionalReview, regional_reviews),
    (Meeting, meetings),
    (PreparatoryEvent, preparatory_events),
    (Participant, participants),
    (WrittenSubmission, written_submissions),
    (Pledge, pledges),
    (KeyFinding, key_findings),
    (GoodPractice, good_practices),
    (Recommendation, recommendations),
    (ReportSection, report_sections),
    (Report, reports),
    (Dataset, datasets),
)
"""Each public model class and the strategy ``st.from_type`` resolves it to."""


def _for_type(factory: Callable[[], SearchStrategy[Any]]) -> Callable[[type], SearchStrategy[Any]]:
    # A function, not a strategy: nothing is built (or read from the package
    # data) while Hypothesis is importing, only when a type is first resolved.
    return lambda _type: factory()


def _hypothesis_setup_hook() -> None:
    """Register every public model class with ``st.from_type``.

    Hypothesis calls this through the ``hypothesis`` entry point of the
    package when it is imported.
    """
    for cls, factory in _REGISTERED:
        st.register_type_strategy(cls, _for_type(factory))
