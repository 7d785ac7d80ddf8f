"""Hypothesis strategies for the GCM review records, valid by construction.

Each strategy draws objects that build without error and have no
``problems()``: reference codes (objective numbers, commission and country
codes, review rounds, ...), moments, the small value classes, agenda segments,
the review records of A/RES/73/195 para. 50 and the seeds (regional reviews,
meetings, preparatory events, participants, written submissions, pledges,
reports) and whole ``Dataset`` documents whose ids are unique and whose
references resolve. Arguments are checked when a strategy is made, not when
it is drawn from, and each docstring says what its examples shrink towards.

Installing gcm-model registers the model classes with Hypothesis through the
``hypothesis`` entry point, so ``st.from_type(Meeting)`` works in any suite.
``import gcm_model`` imports neither this module nor Hypothesis.

Times of day are drawn on a grid of quarter hours from 06:00 to 21:45 local
time, in a few real IANA zones read through python-dateutil (``UTC``,
``Europe/Zurich``, ``America/Santiago``, ``Asia/Bangkok``,
``Africa/Addis_Ababa``, ``Asia/Beirut``, ``Africa/Cairo``,
``America/New_York``): every daylight-saving transition of those zones falls
between 22:00 and 06:00 local time, so no drawn time is ambiguous or
nonexistent, and a meeting's hours look like a meeting's hours. A meeting's
times are all in one zone, its ``time_zone`` (the venue's, for a known
meeting held in person).

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
import functools
import string
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

from gcm_model import registry
from gcm_model.dates import zone
from gcm_model.errors import InvalidCodeError
from gcm_model.models.dataset import SCHEMA_VERSION, Dataset
from gcm_model.models.kinds import NO_VALUE, declared
from gcm_model.models.process import (
    ClosingSegment,
    Contact,
    DocumentRef,
    EventKind,
    Gender,
    Hearing,
    HighLevelPanel,
    IntergovernmentalConference,
    Meeting,
    MeetingKind,
    OpeningSegment,
    Participant,
    ParticipantKind,
    Pledge,
    PreparatoryEvent,
    RegionalReview,
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
    from collections.abc import Callable, Iterable, Sequence

    from hypothesis.strategies import DrawFn, SearchStrategy

    from gcm_model.models._base import Model
    from gcm_model.models.process import Moment, Segment
    from gcm_model.models.reference import KnownMeeting
    from gcm_model.models.reports import ContentItem


_SETUP_PENDING: list[bool] = []
"""Holds ``True`` when Hypothesis ran the hook while this module was still importing."""


def _hypothesis_setup_hook() -> None:
    """Register every public model class for ``st.from_type``.

    Hypothesis calls this, through the ``hypothesis`` entry point of the
    package, when it is imported. It is defined before this module imports
    Hypothesis: importing ``gcm_model.testing`` first imports Hypothesis, which
    runs the hook on this half-imported module; the registration then waits
    for the end of the module.
    """
    register = globals().get("_register_types")
    if register is None:
        _SETUP_PENDING.append(True)
    else:
        register()


from hypothesis import strategies as st  # noqa: E402 - after the hook: see its docstring

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
    "intergovernmental_conferences",
    "invalid_datasets",
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
M = TypeVar("M", bound="Model")
_Times: TypeAlias = "tuple[Moment | None, Moment | None]"

# -- sizes and grids -----------------------------------------------------------------------

_FIRST_DAY = dt.date(2019, 1, 1)
"""The earliest day drawn by default: the first year of review after the GCM (Dec. 2018)."""
_LAST_DAY = dt.date(2030, 12, 31)
"""The latest day drawn by default."""
_ZONE_NAMES = (
    "UTC",
    "Europe/Zurich",
    "America/Santiago",
    "Asia/Bangkok",
    "Africa/Addis_Ababa",
    "Asia/Beirut",
    "Africa/Cairo",
    "America/New_York",
)
"""Zones of review venues; UTC first, so that times shrink to UTC."""
_VENUE_ZONES = {
    "CHE": "Europe/Zurich",
    "CHL": "America/Santiago",
    "EGY": "Africa/Cairo",
    "ETH": "Africa/Addis_Ababa",
    "THA": "Asia/Bangkok",
    "USA": "America/New_York",
}
"""The zone of the country of each known meeting held in person."""
_FIRST_MINUTE = 6 * 60
"""The first time of day drawn, 06:00, in minutes after midnight."""
_SLOT_MINUTES = 15
_SLOTS = 64
"""Quarter hours drawn per day: 06:00 to 21:45, clear of the zones' DST transitions."""
_TEXT_SIZE = 20
_LONG_TEXT_SIZE = 60
_LIST_SIZE = 3
_ID_SIZE = 16
_ID_START = string.digits + string.ascii_lowercase + string.ascii_uppercase
_ID_REST = _ID_START + "._:-"
_EMAIL_DOMAINS = ("un.org", "iom.int", "unece.org", "example.org")
_SYMBOLS = ("A/RES/73/195", "A/RES/73/326", "A/RES/76/266")
_MAX_RECORDS = 50


# -- argument checks: eager, at the call, not at the draw ----------------------------------


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


# -- the codelists, read once --------------------------------------------------------------

_CODELISTS: dict[str, Callable[[], Iterable[str]]] = {
    "commission": lambda: (c.code for c in registry.commissions),
    "country": lambda: (c.alpha_3 for c in registry.countries),
    "un_member": lambda: (c.alpha_3 for c in registry.countries.un_member_states()),
    "stakeholder": lambda: (s.code for s in registry.stakeholders),
    "principle": lambda: (p.letter for p in registry.principles),
    "question": lambda: (q.letter for q in registry.guiding_questions),
    "language": lambda: (lang.code for lang in registry.languages),
    "format": lambda: (f.code for f in registry.meeting_formats),
    "section": lambda: (
        k.code for k in sorted(registry.report_section_kinds, key=lambda k: k.order)
    ),
    "round": lambda: (r.code for r in registry.rounds),
    "regional": lambda: (r.code for r in registry.rounds if r.kind is ReviewKind.REGIONAL),
    "imrf": lambda: (r.code for r in registry.rounds if r.kind is ReviewKind.IMRF),
}


@functools.cache
def _codes(codelist: str) -> tuple[str, ...]:
    return tuple(_CODELISTS[codelist]())


_KEY_ATTRIBUTES = {
    "clusters": "number",
    "countries": "alpha_3",
    "guiding_questions": "letter",
    "objectives": "number",
    "principles": "letter",
    "sources": "id",
}
"""The attribute holding a record's code, by registry name (``code`` for the others)."""


@functools.cache
def _registry_codes(name: str) -> tuple[Any, ...]:
    """The canonical codes of a registry of ``gcm_model.registry``, by its name."""
    key = _KEY_ATTRIBUTES.get(name, "code")
    return tuple(getattr(record, key) for record in getattr(registry, name))


@functools.cache
def _sampled(codelist: str) -> SearchStrategy[str]:
    return st.sampled_from(_codes(codelist))


@functools.lru_cache(maxsize=256)
def _members(commissions: tuple[str, ...], as_of: dt.date | None) -> tuple[str, ...]:
    """Members of the commissions on a day, or every UN Member State without one."""
    if not commissions:
        return _codes("un_member")
    found: dict[str, None] = {}
    for code in commissions:
        found.update(dict.fromkeys(registry.commissions.lookup(code).members(as_of)))
    return tuple(found)


def _cluster_objectives(cluster: int) -> tuple[int, ...]:
    return registry.clusters.lookup(cluster).objectives


# -- drawing helpers: plain functions of ``draw``, so nothing is rebuilt per example -------


_MADE: dict[tuple[object, ...], SearchStrategy[Any]] = {}
"""Strategies made so far, by name and arguments: they are immutable, so each is made once."""


def _strategy(name: str, build: Callable[[DrawFn], T], *arguments: object) -> SearchStrategy[T]:
    """A strategy drawing ``build(draw)``, shown as ``name()`` in Hypothesis output.

    ``arguments`` are the checked arguments ``build`` closes over: with the
    name, they say when a strategy made before can be returned again.
    """
    made = _MADE.get((name, *arguments))
    if made is None:

        def strategy(draw: DrawFn) -> T:
            return build(draw)

        strategy.__name__ = strategy.__qualname__ = name
        made = _MADE[name, *arguments] = st.composite(strategy)()
    return made


def _maybe(draw: DrawFn) -> bool:
    """Whether to fill an optional field; shrinks towards leaving it out."""
    return draw(st.booleans())


def _pick(draw: DrawFn, pool: Sequence[T]) -> T:
    """One item of a non-empty pool; shrinks towards the first."""
    return pool[draw(st.integers(0, len(pool) - 1))]


def _subset(
    draw: DrawFn, pool: Sequence[T], max_size: int = _LIST_SIZE, min_size: int = 0
) -> tuple[T, ...]:
    """Distinct items of a pool, in drawn order; shrinks towards ``()`` (or the first)."""
    if not pool:
        return ()
    size = min(max_size, len(pool))
    indices = st.lists(st.integers(0, len(pool) - 1), min_size=min_size, max_size=size, unique=True)
    return tuple(pool[i] for i in draw(indices))


def _co_chairs(draw: DrawFn, members: Sequence[str]) -> tuple[str, ...]:
    """None, or exactly two distinct members (the co-chairs rule); shrinks towards ``()``."""
    if len(members) < 2 or not _maybe(draw):
        return ()
    return _subset(draw, members, max_size=2, min_size=2)


_ALPHABET_RANGES = (
    (0x20, 0x7E),  # ASCII, with the space
    (0xA1, 0xAC),  # Latin-1 (without the soft hyphen, a format character)
    (0xAE, 0x17F),  # Latin-1 and Latin Extended-A: accents of the member States' names
    (0x391, 0x3A1),  # Greek
    (0x3A3, 0x3C9),
    (0x410, 0x44F),  # Cyrillic, for Russian
    (0x621, 0x63A),  # Arabic letters
    (0x641, 0x64A),
    (0x4E00, 0x4FFF),  # CJK ideographs, for Chinese
    (0x1F600, 0x1F64F),  # emoji, outside the Basic Multilingual Plane
)
"""Printable characters of the six UN languages and beyond; a few ranges, which
Hypothesis checks far faster than a whole-Unicode category filter."""


@functools.cache
def _text_strategy(max_size: int) -> SearchStrategy[str]:
    """Printable, non-blank, trimmed text without surrogates; shrinks towards ``"0"``."""
    alphabet = "".join(chr(c) for low, high in _ALPHABET_RANGES for c in range(low, high + 1))
    return st.text(alphabet, min_size=1, max_size=max_size).map(str.strip).filter(bool)


def _text(draw: DrawFn, max_size: int = _TEXT_SIZE) -> str:
    return draw(_text_strategy(max_size))


def _opt_text(draw: DrawFn, max_size: int = _TEXT_SIZE) -> str | None:
    return _text(draw, max_size) if _maybe(draw) else None


def _texts(draw: DrawFn, max_size: int = 2, min_size: int = 0) -> tuple[str, ...]:
    """Distinct texts, such as the citations of ``sources``."""
    texts = st.lists(_text_strategy(_TEXT_SIZE), min_size=min_size, max_size=max_size, unique=True)
    return tuple(draw(texts))


@functools.cache
def _id_strategy(max_size: int) -> SearchStrategy[str]:
    # One string choice; a leading punctuation mark becomes a digit.
    return st.text(_ID_REST, min_size=1, max_size=max_size).map(_id_start)


def _id_start(text: str) -> str:
    return text if text[0] in _ID_START else f"0{text[1:]}"


def _id(draw: DrawFn) -> str:
    return draw(_id_strategy(_ID_SIZE))


def _url(draw: DrawFn) -> str:
    return f"https://example.org/{_id(draw)}"


def _opt_url(draw: DrawFn) -> str | None:
    return _url(draw) if _maybe(draw) else None


def _code(draw: DrawFn, codelist: str) -> str:
    return _pick(draw, _codes(codelist))


def _opt_code(draw: DrawFn, codelist: str) -> str | None:
    return _code(draw, codelist) if _maybe(draw) else None


def _opt_pick(draw: DrawFn, pool: Sequence[T]) -> T | None:
    return _pick(draw, pool) if _maybe(draw) else None


def _opt_bool(draw: DrawFn) -> bool | None:
    return draw(st.booleans()) if _maybe(draw) else None


def _objectives(
    draw: DrawFn, pool: Sequence[int] | None = None, min_size: int = 0
) -> tuple[int, ...]:
    """Distinct objective numbers, ascending; shrinks towards ``()``."""
    return tuple(sorted(_subset(draw, pool or range(1, 24), min_size=min_size)))


def _email(draw: DrawFn) -> str:
    first = _pick(draw, string.ascii_lowercase)
    rest = draw(st.text(string.ascii_lowercase + "._-", max_size=9))
    return f"{first}{rest}@{_pick(draw, _EMAIL_DOMAINS)}"


def _minutes(draw: DrawFn) -> int | None:
    return draw(st.integers(1, 600)) if _maybe(draw) else None


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


# -- references between records ------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class _Context:
    """The records of a dataset drawn so far, for references that must resolve.

    Without a context (``None``) references are any well-formed ids.
    """

    reviews: tuple[RegionalReview, ...] = ()
    participants: tuple[Participant, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    events: tuple[PreparatoryEvent, ...] = ()

    @property
    def people(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.participants)


def _ref(draw: DrawFn, pool: Sequence[str] | None) -> str | None:
    """An optional id: any id without a pool, else one of the pool."""
    if not _maybe(draw):
        return None
    if pool is None:
        return _id(draw)
    return _pick(draw, pool) if pool else None


def _refs(draw: DrawFn, pool: Sequence[str] | None) -> tuple[str, ...]:
    """Distinct ids: any ids without a pool, else some of the pool."""
    if pool is None:
        return tuple(draw(st.lists(_id_strategy(_ID_SIZE), max_size=_LIST_SIZE, unique=True)))
    return _subset(draw, pool)


def _people(ctx: _Context | None) -> tuple[str, ...] | None:
    return None if ctx is None else ctx.people


def _ids(records: Iterable[Meeting | PreparatoryEvent]) -> list[str]:
    return [r.id for r in records]


def _review_of(draw: DrawFn, ctx: _Context | None) -> tuple[str | None, RegionalReview | None]:
    """The ``review`` of a record: any id, or a review of the dataset, or none."""
    if ctx is None:
        return _ref(draw, None), None
    review = _pick(draw, ctx.reviews) if ctx.reviews and _maybe(draw) else None
    return (None if review is None else review.id), review


def _of_review(
    ctx: _Context | None, records: Sequence[Meeting | PreparatoryEvent], review: str | None
) -> tuple[str, ...] | None:
    """Ids of the records of ``review`` (all of them when it is ``None``); ``None``: any id."""
    if ctx is None:
        return None
    return tuple(r.id for r in records if review is None or r.review == review)


# -- fields drawn from their declared kinds ------------------------------------------------
# Fields whose rules tie them to other fields or records are drawn by each builder;
# every other field is drawn here by the kind its class declares, so a
# field added to a model is covered (valid by its own constraint) without a change here.


def _fill(draw: DrawFn, cls: type[M], fields: dict[str, Any], *, linked: bool) -> M:
    """Build ``cls`` from ``fields``, drawing each other declared field.

    Args:
        draw: the draw function.
        cls: a model class.
        fields: the values already chosen.
        linked: the object belongs to a dataset: references that this module
            does not know how to resolve are left out rather than invented.
    """
    values = dict(fields)
    todo = [(name, kind) for name, kind in declared(cls) if name not in values]
    # One draw says which optional fields are given, rather than one per field:
    # fewer choices per example, and the mask shrinks towards leaving them all out.
    optional = [name for name, kind in todo if kind.empty() is not NO_VALUE]
    given = draw(st.integers(0, 2 ** len(optional) - 1)) if optional else 0
    present = {name for index, name in enumerate(optional) if given >> index & 1}
    pen = _Pen(draw, linked=linked)
    for name, kind in todo:
        empty = kind.empty()
        if empty is not NO_VALUE and name not in present:
            values[name] = empty
            continue
        value = kind.draw(pen)
        if value is not None or empty is None:
            values[name] = value
    return cls(**values)


class _Pen:
    """What the kinds draw their valid values with (``gcm_model.models.kinds.Pen``)."""

    def __init__(self, draw: DrawFn, *, linked: bool) -> None:
        self.draw, self.linked = draw, linked

    def text(self) -> str:
        return _text(self.draw)

    def email(self) -> str:
        return _email(self.draw)

    def id(self) -> str:
        return _id(self.draw)

    def moment(self) -> Moment:
        return _moment(self.draw, _FIRST_DAY, _LAST_DAY)

    def zone(self) -> str:
        return _pick(self.draw, _ZONE_NAMES)

    def integer(self, low: int, high: int) -> int:
        return self.draw(st.integers(low, high))

    def pick(self, pool: Sequence[T]) -> T:
        return _pick(self.draw, pool)

    def subset(self, pool: Sequence[T], *, min_size: int) -> tuple[T, ...]:
        return _subset(self.draw, pool, min_size=min_size)

    def child(self, cls: type[M]) -> M:
        return _child(self.draw, cls, linked=self.linked)


def _child(draw: DrawFn, cls: type[M], *, linked: bool) -> M:
    """A nested object: by its builder where it has one, else from its constraints."""
    build = _CHILD_BUILDERS.get(cls)
    return build(draw) if build is not None else _fill(draw, cls, {}, linked=linked)


# -- reference codes -----------------------------------------------------------------------


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
    return st.integers(1, len(registry.clusters))


def commission_codes() -> SearchStrategy[str]:
    """Regional commission codes: ``ECE``, ``ESCAP``, ``ECLAC``, ``ECA``, ``ESCWA``.

    Returns:
        A strategy of codes; shrinks towards ``"ECE"``.
    """
    return _sampled("commission")


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
        (``"ABW"``), or the commission's first member in the order of the
        sources.

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
        return _sampled("country")
    members = _members((code,), day)
    if not members:  # pragma: no cover - each list has members without a joining date
        raise InvalidCodeError("as_of", as_of, f"{code} had no members on that day")
    return st.sampled_from(members)


def stakeholder_codes() -> SearchStrategy[str]:
    """Stakeholder category codes (A/RES/73/195 para. 44), such as ``migrants``.

    Returns:
        A strategy of codes; shrinks towards ``"migrants"``.
    """
    return _sampled("stakeholder")


def principle_letters() -> SearchStrategy[str]:
    """Guiding principle letters, ``a`` to ``j`` (A/RES/73/195 para. 15).

    Returns:
        A strategy of letters; shrinks towards ``"a"``.
    """
    return _sampled("principle")


def language_codes() -> SearchStrategy[str]:
    """ISO 639-1 codes of the six official languages of the UN.

    Returns:
        A strategy of codes; shrinks towards ``"ar"``.
    """
    return _sampled("language")


def meeting_format_codes() -> SearchStrategy[str]:
    """Meeting formats: ``in_person``, ``virtual``, ``hybrid``.

    Returns:
        A strategy of codes; shrinks towards ``"in_person"``.
    """
    return _sampled("format")


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
    if kind is None:
        return _sampled("round")
    try:
        wanted = ReviewKind(kind)
    except ValueError:
        raise InvalidCodeError("review kind", kind, "expected 'regional' or 'imrf'") from None
    return _sampled(wanted.value)


def moments(
    *,
    min_value: dt.date = _FIRST_DAY,
    max_value: dt.date = _LAST_DAY,
    times: bool = True,
) -> SearchStrategy[Moment]:
    """Days, and instants with their UTC offset, as the models take for times.

    A datetime is a quarter hour from 06:00 to 21:45 local time in one of
    the zones of the module docstring (python-dateutil zones), never
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
    first = _date_arg("min_value", min_value)
    last = _date_arg("max_value", max_value)
    if first > last:
        raise InvalidCodeError("max_value", max_value, f"is before min_value {min_value}")
    with_times = bool(times)
    return _strategy(
        "moments",
        lambda draw: _moment(draw, first, last, times=with_times),
        first,
        last,
        with_times,
    )


def record_ids(*, max_size: int = _ID_SIZE) -> SearchStrategy[str]:
    """Record ids matching ``gcm_model.models.checks.ID_PATTERN``.

    Args:
        max_size: the longest id, 1 to 128.

    Returns:
        A strategy of ids: a letter or digit, then letters, digits, ``.``,
        ``_``, ``:`` or ``-``; shrinks towards ``"0"``.

    Raises:
        InvalidCodeError: ``max_size`` is not an int in 1..128.
    """
    return _id_strategy(_int_arg("max_size", max_size, 1, 128))


# -- value classes -------------------------------------------------------------------------


def _venue(draw: DrawFn) -> Venue:
    return _fill(draw, Venue, {}, linked=False)


def venues() -> SearchStrategy[Venue]:
    """Venues: an optional name, city and country.

    Returns:
        A strategy of ``Venue``; shrinks towards ``Venue()``.
    """
    return _strategy("venues", _venue)


def _contact(draw: DrawFn) -> Contact:
    return _fill(draw, Contact, {"role": _text(draw), "email": _email(draw)}, linked=False)


def _contacts(draw: DrawFn) -> tuple[Contact, ...]:
    """Up to two contacts, one per role (domain_facts I10)."""
    found: dict[str, Contact] = {}
    for _ in range(draw(st.integers(0, 2))):
        contact = _contact(draw)
        found.setdefault(contact.role, contact)
    return tuple(found.values())


def contacts() -> SearchStrategy[Contact]:
    """Contacts: a purpose and an email address.

    Returns:
        A strategy of ``Contact``; shrinks towards
        ``Contact(role="0", email="a@un.org")``.
    """
    return _strategy("contacts", _contact)


def _document_ref(draw: DrawFn) -> DocumentRef:
    fields = {"symbol": _opt_pick(draw, _SYMBOLS), "url": _opt_url(draw)}
    return _fill(draw, DocumentRef, fields, linked=False)


def document_refs() -> SearchStrategy[DocumentRef]:
    """References to documents: a title, and optionally a UN symbol and a URL.

    Returns:
        A strategy of ``DocumentRef``; shrinks towards ``DocumentRef(title="0")``.
    """
    return _strategy("document_refs", _document_ref)


def _window(draw: DrawFn) -> Window:
    opens, closes = _loose_times(draw, max_days=60)
    return _fill(draw, Window, {"opens": opens, "closes": closes}, linked=False)


def windows() -> SearchStrategy[Window]:
    """Windows such as registration: an optional opening and closing, in order.

    Returns:
        A strategy of ``Window``; shrinks towards ``Window()``.
    """
    return _strategy("windows", _window)


# -- agenda segments -----------------------------------------------------------------------
# Each builder takes the segment's times (drawn freely when ``None``) and the
# participant ids its references may name (any ids when ``None``).


def _times(draw: DrawFn, times: _Times | None) -> _Times:
    return _loose_times(draw, max_days=0) if times is None else times


def _segment(
    draw: DrawFn,
    cls: type[M],
    times: _Times | None,
    people: Sequence[str] | None,
    fields: dict[str, Any],
) -> M:
    start, end = _times(draw, times)
    return _fill(draw, cls, {"start": start, "end": end, **fields}, linked=people is not None)


def _hearing(draw: DrawFn, times: _Times | None, people: Sequence[str] | None) -> Hearing:
    moderator = _ref(draw, people)
    others = None if people is None else [p for p in people if p != moderator]
    panellists = tuple(p for p in _refs(draw, others) if p != moderator)
    fields = {"moderator": moderator, "panellists": panellists}
    return _segment(draw, Hearing, times, people, fields)


def hearings() -> SearchStrategy[Hearing]:
    """Multi-stakeholder hearings of an agenda.

    Returns:
        A strategy of ``Hearing``; shrinks towards ``Hearing()``.
    """
    return _strategy("hearings", lambda draw: _hearing(draw, None, None))


def _conference(
    draw: DrawFn, times: _Times | None, people: Sequence[str] | None
) -> IntergovernmentalConference:
    return _segment(draw, IntergovernmentalConference, times, people, {})


def intergovernmental_conferences() -> SearchStrategy[IntergovernmentalConference]:
    """The intergovernmental part of a review meeting.

    Returns:
        A strategy of ``IntergovernmentalConference``; shrinks towards
        ``IntergovernmentalConference()``.
    """
    return _strategy("intergovernmental_conferences", lambda draw: _conference(draw, None, None))


def _opening(draw: DrawFn, times: _Times | None, people: Sequence[str] | None) -> OpeningSegment:
    return _segment(draw, OpeningSegment, times, people, {"speakers": _refs(draw, people)})


def opening_segments() -> SearchStrategy[OpeningSegment]:
    """Openings of an intergovernmental meeting.

    Returns:
        A strategy of ``OpeningSegment``; shrinks towards ``OpeningSegment()``.
    """
    return _strategy("opening_segments", lambda draw: _opening(draw, None, None))


def _thematic(  # noqa: PLR0913 - what a meeting's agenda fixes for a session
    draw: DrawFn,
    times: _Times | None,
    people: Sequence[str] | None,
    cluster: int | None,
    *,
    number: int | None = None,
    numbered: bool = False,
) -> ThematicSession:
    """A session; ``numbered``: use ``number``, else draw an optional one."""
    chosen = draw(cluster_numbers()) if cluster is None else cluster
    own = _cluster_objectives(chosen)
    objectives = draw(st.lists(st.sampled_from(own), min_size=1, unique=True))
    fields = {
        "cluster": chosen,
        "objectives": tuple(sorted(objectives)),
        "number": number if numbered else _opt_pick(draw, range(1, 5)),
        "member_state_speaker": _ref(draw, people),
        "moderator": _ref(draw, people),
    }
    return _segment(draw, ThematicSession, times, people, fields)


def thematic_sessions(cluster: int | str | None = None) -> SearchStrategy[ThematicSession]:
    """Thematic sessions on a cluster, covering a non-empty subset of its objectives.

    Args:
        cluster: the cluster number (or title); any cluster when ``None``.

    Returns:
        A strategy of ``ThematicSession`` whose objectives are ascending;
        shrinks towards a session on cluster 1 (or ``cluster``) covering its
        first objective only.

    Raises:
        InvalidCodeError: ``cluster`` is neither a number nor a string.
        UnknownCodeError: no such cluster.
    """
    chosen = None if cluster is None else registry.clusters.lookup(cluster).number
    return _strategy("thematic_sessions", lambda draw: _thematic(draw, None, None, chosen), chosen)


def _panel(draw: DrawFn, times: _Times | None, people: Sequence[str] | None) -> HighLevelPanel:
    fields = {"host": _ref(draw, people), "panellists": _refs(draw, people)}
    return _segment(draw, HighLevelPanel, times, people, fields)


def high_level_panels() -> SearchStrategy[HighLevelPanel]:
    """High-level panels of an agenda.

    Returns:
        A strategy of ``HighLevelPanel``; shrinks towards ``HighLevelPanel()``.
    """
    return _strategy("high_level_panels", lambda draw: _panel(draw, None, None))


def _closing(draw: DrawFn, times: _Times | None, people: Sequence[str] | None) -> ClosingSegment:
    return _segment(draw, ClosingSegment, times, people, {"speakers": _refs(draw, people)})


def closing_segments() -> SearchStrategy[ClosingSegment]:
    """Closings of an intergovernmental meeting.

    Returns:
        A strategy of ``ClosingSegment``; shrinks towards ``ClosingSegment()``.
    """
    return _strategy("closing_segments", lambda draw: _closing(draw, None, None))


def _side_event(draw: DrawFn, times: _Times | None, people: Sequence[str] | None) -> SideEvent:
    return _segment(draw, SideEvent, times, people, {"organisers": _refs(draw, people)})


def side_events() -> SearchStrategy[SideEvent]:
    """Side events held during a review.

    Returns:
        A strategy of ``SideEvent``; shrinks towards ``SideEvent()``.
    """
    return _strategy("side_events", lambda draw: _side_event(draw, None, None))


def segments() -> SearchStrategy[Segment]:
    """Agenda segments of every kind.

    Returns:
        A strategy of ``Hearing``, ``IntergovernmentalConference``,
        ``OpeningSegment``, ``ThematicSession``, ``HighLevelPanel``,
        ``ClosingSegment`` and ``SideEvent``; shrinks towards
        ``IntergovernmentalConference()``, the segment with the fewest fields.
    """
    return st.one_of(
        intergovernmental_conferences(),
        hearings(),
        opening_segments(),
        thematic_sessions(),
        high_level_panels(),
        closing_segments(),
        side_events(),
    )


_SegmentBuilder: TypeAlias = "Callable[[DrawFn, _Times | None, Sequence[str] | None], Segment]"
_SEGMENT_BUILDERS: dict[str, _SegmentBuilder] = {
    "hearing": _hearing,
    "conference": _conference,
    "opening": _opening,
    "panel": _panel,
    "side": _side_event,
    "closing": _closing,
}
_INNER_KINDS = ("thematic", "panel", "side")


def _positions(draw: DrawFn, low: int, high: int, count: int) -> list[int]:
    """``count`` increasing grid positions in ``low..high`` (there is room for them)."""
    found: list[int] = []
    for index in range(count):
        first = found[-1] + 1 if found else low
        found.append(draw(st.integers(first, high - (count - 1 - index))))
    return found


def _slot_times(draw: DrawFn, span: _Span, start: int, end: int) -> _Times:
    """A segment's times at two grid positions of its meeting, as days or datetimes."""
    if _maybe(draw):
        first: Moment = _at(span.day0, start, span.zone)
        last: Moment = _at(span.day0, end, span.zone)
    else:
        first = span.day0 + dt.timedelta(days=start // _SLOTS)
        last = span.day0 + dt.timedelta(days=end // _SLOTS)
    return first, (last if _maybe(draw) else None)


def _untimed(draw: DrawFn, kind: str, cluster: int | None, people: Sequence[str] | None) -> Segment:
    if kind == "thematic":
        return _thematic(draw, (None, None), people, cluster, numbered=True)
    return _SEGMENT_BUILDERS[kind](draw, (None, None), people)


def _agenda_plan(draw: DrawFn) -> list[tuple[str, int | None]]:
    """The kinds of an agenda in order, with the cluster of each thematic session.

    A hearing, then the intergovernmental conference: its opening, up to two
    sessions, panels or side events, and its closing (seed 001).
    """
    plan: list[tuple[str, int | None]] = [
        (kind, None) for kind in ("hearing", "conference", "opening") if _maybe(draw)
    ]
    clusters_left = [c.number for c in registry.clusters]
    for _ in range(draw(st.integers(0, 2))):  # fewer than the four clusters
        kind = _pick(draw, _INNER_KINDS)
        cluster = clusters_left.pop(draw(st.integers(0, len(clusters_left) - 1)))
        plan.append((kind, cluster if kind == "thematic" else None))
    if _maybe(draw):
        plan.append(("closing", None))
    return plan


def _agenda(draw: DrawFn, span: _Span | None, people: Sequence[str] | None) -> tuple[Segment, ...]:
    """An agenda whose timed segments fall inside the meeting's span, in agenda order.

    Segments follow each other without overlap, except that the
    intergovernmental conference encloses the segments after it. Thematic
    sessions follow distinct clusters and, if numbered, are numbered from 1
    in agenda order.
    """
    plan = _agenda_plan(draw)
    if span is None:  # a meeting not yet dated: nor is its agenda
        return tuple(_untimed(draw, kind, cluster, people) for kind, cluster in plan)
    timed = [_maybe(draw) for _ in plan]
    while 2 * sum(timed) > span.high - span.low + 1:
        timed[timed.index(True)] = False
    # The order in which segment boundaries come: (segment index, 0 start / 1 end).
    order: list[tuple[int, int]] = []
    enclosing: int | None = None
    for index, ((kind, _), has_times) in enumerate(zip(plan, timed, strict=True)):
        if not has_times:
            continue
        if kind == "conference":
            order.append((index, 0))
            enclosing = index
        else:
            order += [(index, 0), (index, 1)]
    if enclosing is not None:
        order.append((enclosing, 1))
    bounds: dict[tuple[int, int], int] = dict(
        zip(order, _positions(draw, span.low, span.high, len(order)), strict=True)
    )
    numbered = _maybe(draw)
    sessions = 0
    agenda: list[Segment] = []
    for index, ((kind, session_cluster), has_times) in enumerate(zip(plan, timed, strict=True)):
        times: _Times = (None, None)
        if has_times:
            times = _slot_times(draw, span, bounds[index, 0], bounds[index, 1])
        if kind == "thematic":
            sessions += 1
            number = sessions if numbered else None
            agenda.append(
                _thematic(draw, times, people, session_cluster, number=number, numbered=True)
            )
        else:
            agenda.append(_SEGMENT_BUILDERS[kind](draw, times, people))
    return tuple(agenda)


# -- records -------------------------------------------------------------------------------


def _review(
    draw: DrawFn, commission: str | None, round_code: str | None, id_: str | None = None
) -> RegionalReview:
    if commission is not None:
        commissions: tuple[str, ...] = (commission,)
    else:
        commissions = _subset(draw, _codes("commission"), max_size=2) or ("ECE",)
    fields = {
        "id": _id(draw) if id_ is None else id_,
        "round": _code(draw, "regional") if round_code is None else round_code,
        "commissions": commissions,
        "contacts": _contacts(draw),
    }
    return _fill(draw, RegionalReview, fields, linked=id_ is not None)


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
        (or ``commission``) in ``regional-2020`` (or ``round``) with id
        ``"0"`` and nothing else.

    Raises:
        UnknownCodeError: the commission or round is unknown.
        InvalidCodeError: the round is an IMRF round, or not a string.
    """
    code = _commission_arg(commission)
    round_code = _round_arg(round, regional_only=True)
    return _strategy(
        "regional_reviews", lambda draw: _review(draw, code, round_code), code, round_code
    )


def _known_candidates(
    commission: str | None,
    round_code: str | None,
    review: RegionalReview | None,
    taken: frozenset[str],
) -> list[KnownMeeting]:
    """The dated known meetings a drawn meeting may stand for, under the constraints."""
    return [
        known
        for known in registry.known_meetings
        if known.start is not None
        and known.kind in MeetingKind._value2member_map_
        and known.code not in taken
        and (commission is None or commission in known.commissions)
        and (round_code is None or known.round == round_code)
        and (
            review is None or (known.round, known.commissions) == (review.round, review.commissions)
        )
    ]


@dataclasses.dataclass(frozen=True)
class _Frame:
    """What a meeting's kind, round and dates fix before its other fields are drawn."""

    kind: MeetingKind
    round: str | None
    commissions: tuple[str, ...]
    span: _Span
    known: KnownMeeting | None = None


def _known_frame(known: KnownMeeting) -> _Frame:
    first = known.start
    assert first is not None  # noqa: S101 - _known_candidates keeps dated meetings only
    last = known.end or first
    top = (last - first).days * _SLOTS + _SLOTS - 1
    span = _Span(first, last, _ZONE_NAMES[0], first, 0, top)
    return _Frame(MeetingKind(known.kind), known.round, known.commissions, span, known)


def _meeting_frame(
    draw: DrawFn,
    commission: str | None,
    round_code: str | None,
    review: RegionalReview | None,
    taken: frozenset[str],
) -> _Frame:
    candidates = _known_candidates(commission, round_code, review, taken)
    if len(candidates) > 0 and not _maybe(draw):  # first: it takes the fewest draws
        return _known_frame(_pick(draw, candidates))
    if review is not None:
        round_code = review.round
    elif round_code is None:
        round_code = _opt_code(draw, "round" if commission is None else "regional")
    of_round = None if round_code is None else registry.rounds.lookup(round_code).kind
    imrf_allowed = commission is None and review is None and of_round is not ReviewKind.REGIONAL
    kinds = [
        k
        for k in MeetingKind
        if (k is not MeetingKind.IMRF or imrf_allowed)
        and (k is not MeetingKind.REGIONAL_REVIEW or of_round is not ReviewKind.IMRF)
    ]
    kind = _pick(draw, kinds)
    if review is not None:
        commissions = review.commissions
    elif commission is not None:
        commissions = (commission,)
    elif kind is MeetingKind.IMRF:
        commissions = ()
    else:
        commissions = _subset(draw, _codes("commission"), max_size=2)
        if kind is MeetingKind.REGIONAL_REVIEW and not commissions:
            commissions = ("ECE",)
    first, last = _round_days(round_code)
    return _Frame(kind, round_code, commissions, _span(draw, first, last, max_days=3))


def _place(draw: DrawFn, frame: _Frame) -> dict[str, Any]:
    """Format, venue and host country: the known meeting's, or drawn."""
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
    meeting_format = _opt_code(draw, "format")
    online = meeting_format in {"virtual", "hybrid"}
    return {
        "known_meeting": None,
        "format": meeting_format,
        "venue": None if meeting_format == "virtual" or not _maybe(draw) else _venue(draw),
        "host_country": _opt_code(draw, "country") if online else None,
    }


def _registration(draw: DrawFn, day: dt.date) -> Window | None:
    """A registration window of days that closes on or before ``day``."""
    if not _maybe(draw):
        return None
    closes = day - dt.timedelta(days=draw(st.integers(0, 30)))
    opens = closes - dt.timedelta(days=draw(st.integers(0, 60)))
    shape = _pick(draw, ("both", "opens", "closes"))
    return Window(
        opens=None if shape == "closes" else opens, closes=None if shape == "opens" else closes
    )


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
    frame = _meeting_frame(draw, commission, round_code, review, taken)
    people = _people(ctx)
    span: _Span | None = frame.span
    venue_zone = None if frame.known is None else _VENUE_ZONES.get(str(frame.known.country))
    if not frame.span.timed:
        if frame.known is None and _not_yet_dated(draw):
            span = None
        else:  # a meeting of days: the zone of its agenda's times
            span = dataclasses.replace(frame.span, zone=venue_zone or _pick(draw, _ZONE_NAMES))
    agenda = _agenda(draw, span, people)
    timed = any(isinstance(s.start, dt.datetime) or isinstance(s.end, dt.datetime) for s in agenda)
    fields = {
        "id": _id(draw) if id_ is None else id_,
        "kind": frame.kind,
        "review": review_id,
        "round": frame.round,
        "commissions": frame.commissions,
        **_place(draw, frame),
        "rapporteur": _ref(draw, people),
        "organisers": _refs(draw, people),
        "agenda": agenda,
        "contacts": _contacts(draw),
    }
    if span is None:
        fields |= {"start": None, "end": None, "planned": _planned(draw, frame.round)}
        fields |= {"time_zone": _opt_pick(draw, _ZONE_NAMES), "registration": None}
        fields |= {"written_inputs_due": None}
        fields["co_chairs"] = _co_chairs(draw, _members(frame.commissions, None))
    else:
        first_day = _day_of(span.start)
        due = first_day - dt.timedelta(days=draw(st.integers(0, 30))) if _maybe(draw) else None
        fields |= {
            "start": span.start,
            "end": span.end,
            "time_zone": span.zone if span.timed or timed or venue_zone or _maybe(draw) else None,
            "co_chairs": _co_chairs(draw, _members(frame.commissions, first_day)),
            "registration": _registration(draw, first_day),
            "written_inputs_due": due,
        }
    return _fill(draw, Meeting, fields, linked=ctx is not None)


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _not_yet_dated(draw: DrawFn) -> bool:
    """One meeting or event in eight is known by its planned date alone (seed 002)."""
    return draw(st.integers(0, 7)) == 7


def _planned(draw: DrawFn, round_code: str | None) -> str:
    """A date as a plan gives it, such as ``June 2024``, in the years of the round."""
    first, last = _round_days(round_code)
    year = draw(st.integers(first.year, last.year))
    return f"{_pick(draw, _MONTHS)} {year}"


def meetings(
    commission: str | None = None,
    round: str | None = None,  # noqa: A002 - the field is called round
) -> SearchStrategy[Meeting]:
    """Meetings of a review, with an agenda of segments.

    The kind agrees with the round (no IMRF in a regional round, no regional
    review meeting in an IMRF round); an IMRF has no commission. Start and
    end are two days, two datetimes in one zone, or one of each, in order and
    in the years the round was held; agenda segments are timed inside them
    and in agenda order, and co-chairs are members of the commissions (UN
    Member States when there is none). Some examples stand for a dated known
    meeting (``gcm_model.known_meetings``) and take its dates and venue; one
    in eight of the others is known by its ``planned`` date alone (``June
    2024``), with no start, end or times in its agenda.

    Args:
        commission: a commission among the meeting's (code or alias).
        round: the round code; any round, or none, when ``None``.

    Returns:
        A strategy of ``Meeting``; shrinks towards a regional review meeting
        with id ``"0"`` and title ``"0"`` that stands for the first known
        meeting that fits (``ece-2020``, taking its dates and format), else a
        one-day meeting on the first day of the round (or of 2019).

    Raises:
        UnknownCodeError: the commission or round is unknown.
        InvalidCodeError: the round is not a string.
    """
    code = _commission_arg(commission)
    round_code = _round_arg(round, regional_only=False)
    return _strategy("meetings", lambda draw: _meeting(draw, code, round_code), code, round_code)


def _event(draw: DrawFn, ctx: _Context | None = None, id_: str | None = None) -> PreparatoryEvent:
    review_id, review = _review_of(draw, ctx)
    meetings_of_review = _of_review(ctx, () if ctx is None else ctx.meetings, review_id)
    first, last = _round_days(None if review is None else review.round)
    span = _span(draw, first, last, max_days=2)
    clusters = tuple(sorted(_subset(draw, range(1, len(registry.clusters) + 1), max_size=2)))
    covered = sorted(o for c in clusters for o in _cluster_objectives(c))
    ident = _id(draw) if id_ is None else id_
    dates: dict[str, Any] = {"start": span.start, "end": span.end if _maybe(draw) else None}
    if _not_yet_dated(draw):
        dates = {
            "start": None,
            "end": None,
            "planned": _planned(draw, None if review is None else review.round),
        }
    if ctx is None:
        feeds = tuple(i for i in _refs(draw, None) if i != ident)
    else:
        others = [i for i in _ids(ctx.meetings) + _ids(ctx.events) if i != ident]
        feeds = _subset(draw, others, max_size=2)
    fields = {
        "id": ident,
        **dates,
        "review": review_id,
        "meeting": _ref(draw, meetings_of_review),
        "organisers": _refs(draw, _people(ctx)),
        "clusters": clusters,
        "objectives": _objectives(draw, covered),
        "feeds": feeds,
    }
    return _fill(draw, PreparatoryEvent, fields, linked=ctx is not None)


def preparatory_events() -> SearchStrategy[PreparatoryEvent]:
    """Preparatory and follow-up events: consultations, briefings, GCM Talks, ...

    Objectives are among the objectives of the event's clusters, when it has
    any. One event in eight is known by its ``planned`` date alone.

    Returns:
        A strategy of ``PreparatoryEvent``; shrinks towards a pre-consultation
        with id ``"0"`` on 1 January 2019.
    """
    return _strategy("preparatory_events", _event)


def _participant(
    draw: DrawFn,
    id_: str | None = None,
    kind: ParticipantKind | None = None,
    organisations: Sequence[str] | None = None,
    attended: Sequence[str] | None = None,
) -> Participant:
    ident = _id(draw) if id_ is None else id_
    kind = _pick(draw, tuple(ParticipantKind)) if kind is None else kind
    sector = _opt_pick(draw, tuple(Sector))
    # Drawn whether or not they apply, so that every branch takes as many draws
    # and the simplest participant is also the one Hypothesis shrinks to.
    pool = None if organisations is None else [o for o in organisations if o != ident]
    organisation = _ref(draw, pool)
    category = _opt_code(draw, "stakeholder")
    gender = _opt_pick(draw, tuple(Gender))
    person = kind is ParticipantKind.PERSON
    fields = {
        "id": ident,
        "kind": kind,
        "sector": sector,
        "category": category if sector in {None, Sector.STAKEHOLDER} else None,
        "organisation": organisation if person and organisation != ident else None,
        "gender": gender if person else None,
        "events": _refs(draw, attended),
    }
    return _fill(draw, Participant, fields, linked=attended is not None)


def participants() -> SearchStrategy[Participant]:
    """People and organisations taking part in a review.

    Only stakeholders (or participants of no stated sector) have a
    stakeholder category; only people have a gender and an organisation, and
    it is never themselves.

    Returns:
        A strategy of ``Participant``; shrinks towards a person with id
        ``"0"`` and nothing else.
    """
    return _strategy("participants", _participant)


def _by(
    draw: DrawFn, ctx: _Context | None, review: RegionalReview | None, day: dt.date | None
) -> tuple[str | None, str | None, Participant | None]:
    """``(member_state, author, author's record)``: a Member State or a stakeholder."""
    authors = None if ctx is None else ctx.participants
    if authors == () or not _maybe(draw):
        commissions = () if review is None else review.commissions
        return _pick(draw, _members(commissions, day)), None, None
    if authors is None:
        return None, _id(draw), None
    author = _pick(draw, authors)
    return None, author.id, author


def _submission(
    draw: DrawFn, ctx: _Context | None = None, id_: str | None = None
) -> WrittenSubmission:
    review_id, review = _review_of(draw, ctx)
    first, last = _round_days(None if review is None else review.round)
    received = _opt_moment(draw, first, last)
    day = None if received is None else _day_of(received)
    member_state, author, record = _by(draw, ctx, review, day)
    if record is not None:
        category = record.category
    else:
        category = None if author is None else _opt_code(draw, "stakeholder")
    shape = _pick(draw, ("text", "url", "both"))
    fields = {
        "id": _id(draw) if id_ is None else id_,
        "review": review_id,
        "meeting": _ref(draw, _of_review(ctx, () if ctx is None else ctx.meetings, review_id)),
        "member_state": member_state,
        "author": author,
        "category": category,
        "received": received,
        "text": None if shape == "url" else _text(draw, _LONG_TEXT_SIZE),
        "url": None if shape == "text" else _url(draw),
    }
    return _fill(draw, WrittenSubmission, fields, linked=ctx is not None)


def written_submissions() -> SearchStrategy[WrittenSubmission]:
    """Written inputs to a review, by a Member State or by a stakeholder.

    Exactly one of ``member_state`` and ``author`` is given; a ``category``
    only with an author; a text, a URL or both.

    Returns:
        A strategy of ``WrittenSubmission``; shrinks towards a submission with
        id ``"0"`` and text ``"0"`` by the first UN Member State in the
        registry (``"AFG"``).
    """
    return _strategy("written_submissions", _submission)


def _pledge(draw: DrawFn, ctx: _Context | None = None, id_: str | None = None) -> Pledge:
    review_id, review = _review_of(draw, ctx)
    first, last = _round_days(None if review is None else review.round)
    made_on = _opt_moment(draw, first, last)
    member_state, author, _ = _by(draw, ctx, review, None if made_on is None else _day_of(made_on))
    fields = {
        "id": _id(draw) if id_ is None else id_,
        "text": _text(draw, _LONG_TEXT_SIZE),
        "review": review_id,
        "meeting": _ref(draw, _of_review(ctx, () if ctx is None else ctx.meetings, review_id)),
        "member_state": member_state,
        "author": author,
        "made_on": made_on,
        "url": _opt_url(draw),
    }
    return _fill(draw, Pledge, fields, linked=ctx is not None)


def pledges() -> SearchStrategy[Pledge]:
    """Pledges made in a review, by a Member State or by a stakeholder.

    Returns:
        A strategy of ``Pledge``; shrinks towards a pledge with id ``"0"`` and
        text ``"0"`` by the first UN Member State in the registry (``"AFG"``).
    """
    return _strategy("pledges", _pledge)


def _key_finding(draw: DrawFn) -> KeyFinding:
    return _fill(draw, KeyFinding, {}, linked=False)


def _good_practice(draw: DrawFn) -> GoodPractice:
    return _fill(draw, GoodPractice, {}, linked=False)


def _recommendation(draw: DrawFn) -> Recommendation:
    return _fill(draw, Recommendation, {}, linked=False)


def key_findings() -> SearchStrategy[KeyFinding]:
    """Key findings of a report, citing objectives, principles and countries.

    Returns:
        A strategy of ``KeyFinding``; shrinks towards ``KeyFinding(text="0")``.
    """
    return _strategy("key_findings", _key_finding)


def good_practices() -> SearchStrategy[GoodPractice]:
    """Good practices and lessons learned of a report.

    Returns:
        A strategy of ``GoodPractice``; shrinks towards ``GoodPractice(text="0")``.
    """
    return _strategy("good_practices", _good_practice)


def recommendations() -> SearchStrategy[Recommendation]:
    """Recommendations of a report, with an optional addressee.

    Returns:
        A strategy of ``Recommendation``; shrinks towards
        ``Recommendation(text="0")``.
    """
    return _strategy("recommendations", _recommendation)


_ITEM_BUILDERS: tuple[Callable[[DrawFn], ContentItem], ...] = (
    _key_finding,
    _good_practice,
    _recommendation,
)


def content_items() -> SearchStrategy[ContentItem]:
    """Typed items of a report section: findings, practices and recommendations.

    Returns:
        A strategy of ``KeyFinding``, ``GoodPractice`` and ``Recommendation``;
        shrinks towards ``KeyFinding(text="0")``.
    """
    return st.one_of(key_findings(), good_practices(), recommendations())


def _section(draw: DrawFn, kind: str | None) -> ReportSection:
    items = tuple(_pick(draw, _ITEM_BUILDERS)(draw) for _ in range(draw(st.integers(0, 2))))
    fields = {
        "kind": kind,
        "title": _text(draw) if kind is None else _opt_text(draw),
        "items": items,
    }
    return _fill(draw, ReportSection, fields, linked=False)


def report_sections() -> SearchStrategy[ReportSection]:
    """Sections of a report: of a suggested kind, or custom ones with a title.

    Returns:
        A strategy of ``ReportSection``; shrinks towards
        ``ReportSection(kind="introduction")``.
    """
    kinds = (*_codes("section"), None)
    return _strategy("report_sections", lambda draw: _section(draw, _pick(draw, kinds)))


def _report(draw: DrawFn, ctx: _Context | None = None, id_: str | None = None) -> Report:
    review_id, review = _review_of(draw, ctx)
    first, last = _round_days(None if review is None else review.round)
    kinds = _codes("section")  # in the suggested order
    chosen = sorted(_subset(draw, kinds, max_size=2), key=kinds.index)
    sections = [_section(draw, kind) for kind in chosen]
    if _maybe(draw):
        sections.append(_section(draw, None))
    fields = {
        "id": _id(draw) if id_ is None else id_,
        "review": review_id,
        "meetings": _refs(draw, _of_review(ctx, () if ctx is None else ctx.meetings, review_id)),
        "events": _refs(draw, _of_review(ctx, () if ctx is None else ctx.events, review_id)),
        "informs": _refs(draw, None if ctx is None else [*_ids(ctx.meetings), *_ids(ctx.events)]),
        "issued": _opt_moment(draw, first, last),
        "authors": _refs(draw, _people(ctx)),
        "sections": tuple(sections),
    }
    return _fill(draw, Report, fields, linked=ctx is not None)


def reports() -> SearchStrategy[Report]:
    """Reports of a review, with sections of distinct suggested kinds in their order.

    Returns:
        A strategy of ``Report``; shrinks towards an outcome report with id
        ``"0"`` and no sections.
    """
    return _strategy("reports", _report)


# -- datasets ------------------------------------------------------------------------------

_COLLECTIONS = (
    "reviews",
    "participants",
    "meetings",
    "events",
    "submissions",
    "reports",
    "pledges",
)


def _dataset(
    draw: DrawFn, commission: str | None, round_code: str | None, max_records: int
) -> Dataset:
    counts = [draw(st.integers(0, max_records)) for _ in _COLLECTIONS]
    every_id = draw(
        st.lists(_id_strategy(_ID_SIZE), min_size=sum(counts), max_size=sum(counts), unique=True)
    )
    ids: dict[str, list[str]] = {}
    for name, count in zip(_COLLECTIONS, counts, strict=True):
        ids[name], every_id = every_id[:count], every_id[count:]
    reviews = tuple(_review(draw, commission, round_code, i) for i in ids["reviews"])
    kinds = {i: _pick(draw, tuple(ParticipantKind)) for i in ids["participants"]}
    organisations = [i for i, kind in kinds.items() if kind is ParticipantKind.ORGANISATION]
    attended = ids["meetings"] + ids["events"]
    people = tuple(
        _participant(draw, i, kind, organisations, attended) for i, kind in kinds.items()
    )
    ctx = _Context(reviews=reviews, participants=people)
    found: list[Meeting] = []
    for i in ids["meetings"]:
        taken = frozenset(m.known_meeting for m in found if m.known_meeting)
        found.append(_meeting(draw, commission, round_code, ctx=ctx, id_=i, taken=taken))
    ctx = dataclasses.replace(ctx, meetings=tuple(found))
    for i in ids["events"]:  # one at a time: an event feeds meetings and earlier events only
        ctx = dataclasses.replace(ctx, events=(*ctx.events, _event(draw, ctx, i)))
    meetings = {m.id: m for m in ctx.meetings}
    fields = {
        "schema_version": SCHEMA_VERSION,
        "reviews": reviews,
        "meetings": ctx.meetings,
        "events": tuple(_in_order_event(e, meetings) for e in ctx.events),
        "participants": people,
        "submissions": tuple(_submission(draw, ctx, i) for i in ids["submissions"]),
        "reports": tuple(_in_order_report(_report(draw, ctx, i), meetings) for i in ids["reports"]),
        "pledges": tuple(_pledge(draw, ctx, i) for i in ids["pledges"]),
    }
    return _fill(draw, Dataset, fields, linked=True)


def _in_order_event(event: PreparatoryEvent, meetings: dict[str, Meeting]) -> PreparatoryEvent:
    """The event, unlinked from its meeting where the two would break the chronology rule."""
    from gcm_model.validation._rules import _before  # noqa: PLC0415 - the rule's own comparison

    meeting = meetings.get(event.meeting or "")
    if meeting is None or meeting.start is None or event.start is None:
        return event
    if event.kind is EventKind.EVALUATION:
        end = meeting.end if meeting.end is not None else meeting.start
        wrong = _before(event.start, end)
    else:
        wrong = event.kind is not EventKind.SIDE_EVENT and _before(meeting.start, event.start)
    return event.evolve(meeting=None) if wrong else event


def _in_order_report(report: Report, meetings: dict[str, Meeting]) -> Report:
    """The report, undated where its date would fall before a meeting it reports on."""
    from gcm_model.validation._rules import _before  # noqa: PLC0415 - the rule's own comparison

    starts = [meetings[m].start for m in report.meetings if m in meetings]
    if report.issued is not None and any(
        s is not None and _before(report.issued, s) for s in starts
    ):
        return report.evolve(issued=None)
    return report


def datasets(
    commission: str | None = None,
    round: str | None = None,  # noqa: A002 - the field is called round
    *,
    max_records: int = 3,
) -> SearchStrategy[Dataset]:
    """Datasets whose ids are unique and whose references resolve.

    Ids are unique across the whole dataset (so within each collection too).
    Every ``review`` names a review of the dataset; every ``meeting`` and
    ``meetings`` a meeting (of the same review, when the record has one);
    a report's ``events`` an event (of the same review); a report's
    ``informs``, an event's ``feeds`` and a participant's ``events`` a
    meeting or an event (``feeds`` never itself, nor a later event, so
    there is no cycle); every participant reference (``rapporteur``,
    ``organisers``, ``author``, ``authors``, and the moderators, speakers,
    panellists, hosts and organisers of agenda segments) a participant; and
    a person's ``organisation`` an organisation of the dataset. A meeting
    of a review shares its round and commissions, a submission's
    ``category`` is its author's, and no known meeting is stood for twice.
    Reference fields this module does not know are left empty.

    Args:
        commission: every review and meeting is convened by this commission.
        round: a regional round code; every review and meeting is in it.
        max_records: the most records drawn in each collection, 0 to 50.

    Returns:
        A strategy of ``Dataset``; shrinks towards the empty ``Dataset()``.

    Raises:
        UnknownCodeError: the commission or round is unknown.
        InvalidCodeError: the round is an IMRF round or not a string, or
            ``max_records`` is not an int in 0..50.
    """
    code = _commission_arg(commission)
    round_code = _round_arg(round, regional_only=True)
    size = _int_arg("max_records", max_records, 0, _MAX_RECORDS)
    return _strategy(
        "datasets", lambda draw: _dataset(draw, code, round_code, size), code, round_code, size
    )


_CHILD_BUILDERS: dict[type[Any], Callable[[DrawFn], Any]] = {
    Venue: _venue,
    Contact: _contact,
    DocumentRef: _document_ref,
    Window: _window,
    KeyFinding: _key_finding,
    GoodPractice: _good_practice,
    Recommendation: _recommendation,
}
"""Builders of the classes nested in others, for fields drawn from their constraints."""


# -- the hypothesis entry point ------------------------------------------------------------

_REGISTERED: tuple[tuple[type[Any], Callable[[], SearchStrategy[Any]]], ...] = (
    (Venue, venues),
    (Contact, contacts),
    (DocumentRef, document_refs),
    (Window, windows),
    (Hearing, hearings),
    (IntergovernmentalConference, intergovernmental_conferences),
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


def _for_type(factory: Callable[[], SearchStrategy[T]]) -> Callable[[type[T]], SearchStrategy[T]]:
    # A function of the type rather than a strategy: nothing is built, and no
    # package data is read, while Hypothesis imports; only when a type is resolved.
    return lambda _type: factory()


def _register_types() -> None:
    for cls, factory in _REGISTERED:
        st.register_type_strategy(cls, _for_type(factory))


if _SETUP_PENDING:
    _register_types()


# -- invalid datasets: documents that break exactly one rule -------------------------------
# A drawn valid dataset (the base), then a small "carrier" (the few records a rule needs,
# with drawn ids, texts and dates) broken in one of a few drawn ways. The carrier never
# touches the base's records, so every reference of the base still resolves; its ids are
# fresh, so no id clashes by accident; and it is built so that, under a profile that raises
# warnings to errors (``strict``), no other rule fires either: there the base is empty.

_Document: TypeAlias = "dict[str, Any]"
_CARRIER_FIRST = dt.date(2020, 1, 1)
"""The earliest day of a carrier meeting: regional reviews began in 2020."""
_CARRIER_LAST = dt.date(2030, 12, 31)
_SAFE_INT = 2**53
"""JSON numbers beyond this lose precision in many parsers; drawn ints stay inside."""
_CONFERENCE = "intergovernmental_conference"
_PLAIN_SEGMENTS = ("hearing", "opening", "closing", "high_level_panel", "side_event")
"""Segment kinds with no rule of their own on roles or objectives."""
_PREPARING = ("pre_consultation", "consultation", "briefing", "gcm_talk")
"""Event kinds that prepare a meeting, and so come before it."""


@dataclasses.dataclass
class _Draft:
    """A document being broken: the valid base, the ids it holds and the profile's needs."""

    document: _Document
    taken: set[str]
    consultations: int
    """The fewest consultations a review needs under the profile."""
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


def _carrier_day(draw: DrawFn) -> dt.date:
    return _day(draw, _CARRIER_FIRST, _CARRIER_LAST)


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
    else:  # submissions and pledges: a Member State's text
        record |= {"member_state": _code(draw, "un_member"), "text": _text(draw)}
    return draft.add(collection, record)


_CARRIED = ("meetings", "events", "participants", "submissions", "reports", "pledges")


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
def _bad_objectives() -> SearchStrategy[int]:
    """Integers that are no objective number; shrinks towards 24."""
    return st.one_of(st.integers(24, _SAFE_INT), st.integers(-_SAFE_INT, 0))


@functools.cache
def _unknown_keys() -> SearchStrategy[str]:
    """Keys that name no field of any model class; shrinks towards ``"a"``."""
    from gcm_model.schema import json_schema  # noqa: PLC0415 - read once, when first drawn

    definitions = json_schema()["$defs"].values()
    names = frozenset(name for d in definitions for name in d.get("properties", ()))
    keys = st.text(string.ascii_lowercase + "_", min_size=1, max_size=12)
    return keys.filter(lambda key: key not in names)


@functools.cache
def _unknown_codes(registry_name: str, alphabet: str, low: int, high: int) -> SearchStrategy[str]:
    """Codes shaped like a registry's (``low`` to ``high`` characters) that it does not know."""
    found: registry.Registry[Any, Any] = getattr(registry, registry_name)
    codes = st.text(alphabet, min_size=low, max_size=high)
    return codes.filter(lambda code: found.get(code) is None)


@functools.cache
def _unknown_rounds() -> SearchStrategy[str]:
    """Round codes of the right shape that are no round; shrinks towards ``"regional-2000"``."""
    kinds = st.sampled_from(("regional", "imrf"))
    codes = st.builds("{}-{}".format, kinds, st.integers(2000, 2100))
    return codes.filter(lambda code: registry.rounds.get(code) is None)


# -- one breaker per rule: each adds a carrier to the draft, broken ------------------------

_Breaker: TypeAlias = "Callable[[DrawFn, _Draft], None]"
_BREAKERS: dict[str, tuple[int, _Breaker]] = {}
"""Each rule's breaker, with the number of ways it knows (``_Draft.way`` says which)."""


def _breaks(slug: str, ways: int = 1) -> Callable[[_Breaker], _Breaker]:
    def register(breaker: _Breaker) -> _Breaker:
        _BREAKERS[slug] = (ways, breaker)
        return breaker

    return register


@_breaks("json-syntax", ways=4)
def _break_json_syntax(draw: DrawFn, draft: _Draft) -> None:
    """Valid JSON made invalid: cut short, followed by more, a bad byte or a trailing comma."""
    import orjson  # noqa: PLC0415 - Hypothesis imports this module at start-up: stay light

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
}
"""The fields each carrier record cannot do without, as the JSON Schema requires them."""


@_breaks("missing-field", ways=5)
def _break_missing_field(draw: DrawFn, draft: _Draft) -> None:
    way = draft.way
    if way == 0:  # a required field of a record
        collection = _pick(draw, _CARRIED)
        record = _c_record(draw, draft, collection)
        del record[_pick(draw, _REQUIRED[collection])]
    elif way == 1:  # a review without its round or commissions: left out of the rules
        review = {"id": draft.fresh(draw), "round": _code(draw, "regional"), "commissions": ["ECE"]}
        del draft.add("reviews", review)[_pick(draw, ("id", "round", "commissions"))]
    elif way == 2:  # the kind of an agenda segment
        segment = {"kind": _pick(draw, _PLAIN_SEGMENTS), "title": _text(draw)}
        del segment["kind"]
        _c_meeting(draw, draft, _carrier_day(draw), agenda=[segment])
    elif way == 3:  # a part of a contact
        contact = {"role": _text(draw), "email": _email(draw)}
        del contact[_pick(draw, ("role", "email"))]
        _c_meeting(draw, draft, _carrier_day(draw), contacts=[contact])
    else:  # the cluster of a thematic session
        _c_meeting(draw, draft, _carrier_day(draw), agenda=[{"kind": "thematic_session"}])


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
    else:  # a review of no commission
        review = {"id": draft.fresh(draw), "round": _code(draw, "regional"), "commissions": []}
        draft.add("reviews", review)


@_breaks("unknown-objective", ways=4)
def _break_unknown_objective(draw: DrawFn, draft: _Draft) -> None:
    objectives = [*_objectives(draw), draw(_bad_objectives())]
    way = draft.way
    if way == 0:
        pledge = {"id": draft.fresh(draw), "text": _text(draw), "member_state": "ESP"}
        draft.add("pledges", {**pledge, "objectives": objectives})
    elif way == 1:
        event: _Document = {"id": draft.fresh(draw), "kind": "briefing"}
        event |= {"start": _carrier_day(draw).isoformat(), "objectives": objectives}
        draft.add("events", event)
    elif way == 2:
        submission = {"id": draft.fresh(draw), "member_state": "ESP", "text": _text(draw)}
        draft.add("submissions", {**submission, "objectives": objectives})
    else:
        item = {"kind": "key_finding", "text": _text(draw), "objectives": objectives}
        section = {"kind": "key_findings", "items": [item]}
        report = {"id": draft.fresh(draw), "kind": "chairs_summary", "sections": [section]}
        draft.add("reports", report)


@_breaks("unknown-code", ways=8)
def _break_unknown_code(draw: DrawFn, draft: _Draft) -> None:
    upper, lower = string.ascii_uppercase, string.ascii_lowercase
    way = draft.way
    day = _carrier_day(draw)
    if way == 0:
        country = draw(_unknown_codes("countries", upper, 3, 3))
        _c_meeting(draw, draft, day, host_country=country)
    elif way == 1:
        commission = draw(_unknown_codes("commissions", upper, 2, 6))
        _c_meeting(draw, draft, day, commissions=[commission])
    elif way == 2:
        _c_meeting(draw, draft, day, languages=[draw(_unknown_codes("languages", lower, 2, 2))])
    elif way == 3:
        _c_meeting(draw, draft, day, round=draw(_unknown_rounds()))
    elif way == 4:
        _c_meeting(
            draw, draft, day, venue={"country": draw(_unknown_codes("countries", upper, 3, 3))}
        )
    elif way == 5:
        # In an event's clusters: a thematic session would also draw the session rules.
        event = _c_record(draw, draft, "events")
        event["clusters"] = [draw(st.integers(5, 99))]
    elif way == 6:
        kind = draw(_unknown_codes("report_section_kinds", lower + "_", 1, 12))
        report = {"id": draft.fresh(draw), "kind": "outcome_report", "sections": [{"kind": kind}]}
        draft.add("reports", report)
    else:
        organisation = {"id": draft.fresh(draw), "kind": "organisation", "sector": "stakeholder"}
        category = draw(_unknown_codes("stakeholders", lower + "_", 1, 12))
        draft.add("participants", {**organisation, "category": category})


@_breaks("cluster-objectives")
def _break_cluster_objectives(draw: DrawFn, draft: _Draft) -> None:
    sessions = _c_sessions(draw, draft)
    source, target = _subset(draw, range(4), max_size=2, min_size=2)
    # Moved, not copied: the sessions still cover each objective once (objective-coverage).
    own = sessions[source]["objectives"]
    moved = own.pop(draw(st.integers(0, len(own) - 1)))  # every cluster has five or more
    sessions[target]["objectives"] = sorted([*sessions[target]["objectives"], moved])
    _c_meeting(draw, draft, _carrier_day(draw), agenda=sessions)


@_breaks("chronology", ways=5)
def _break_chronology(draw: DrawFn, draft: _Draft) -> None:
    way = draft.way
    day = _carrier_day(draw)
    gap = draw(st.integers(1, 60))
    if way == 0:  # a meeting that ends before it starts
        _c_meeting(draw, draft, day, end=_after(day, -gap))
    elif way == 1:  # a segment outside its meeting
        segment = {"kind": _pick(draw, _PLAIN_SEGMENTS), "start": _after(day, -gap)}
        _c_meeting(draw, draft, day, agenda=[segment])
    else:
        meeting = _c_meeting(draw, draft, day)
        record: _Document = {"id": draft.fresh(draw)}
        if way == 2:  # a preparatory event after the meeting it prepares
            record |= {"kind": _pick(draw, _PREPARING), "start": _after(day, gap)}
            draft.add("events", {**record, "meeting": meeting["id"]})
        elif way == 3:  # an evaluation before the meeting
            record |= {"kind": "evaluation", "start": _after(day, -gap)}
            draft.add("events", {**record, "meeting": meeting["id"]})
        else:  # a report issued before the meeting it reports on
            record |= {"kind": _pick(draw, tuple(ReportKind)).value, "issued": _after(day, -gap)}
            draft.add("reports", {**record, "meetings": [meeting["id"]]})


@_breaks("duplicate-id", ways=2)
def _break_duplicate_id(draw: DrawFn, draft: _Draft) -> None:
    collection = _pick(draw, _CARRIED)
    own = [r["id"] for r in draft.document.get(collection, []) if isinstance(r, dict)]
    first = _c_record(draw, draft, collection)
    second = _c_record(draw, draft, collection)
    if own and draft.way == 1:  # the id of a record of the base
        first["id"] = _pick(draw, own)
    second["id"] = first["id"]


@_breaks("dangling-reference", ways=8)
def _break_dangling_reference(draw: DrawFn, draft: _Draft) -> None:
    nowhere = draft.fresh(draw)  # an id no record has
    way = draft.way
    if way == 0:
        field = _pick(draw, ("review", "rapporteur"))
        _c_meeting(draw, draft, _carrier_day(draw), **{field: nowhere})
    elif way == 1:
        _c_meeting(draw, draft, _carrier_day(draw), organisers=[nowhere])
    elif way == 2:
        field = _pick(draw, ("meeting", "review"))
        _c_record(draw, draft, "events")[field] = nowhere
    elif way == 3:
        _c_record(draw, draft, "events")["feeds"] = [nowhere]
    elif way == 4:
        _c_person(draw, draft, events=[nowhere])
    elif way == 5:
        _c_person(draw, draft, organisation=nowhere)
    elif way == 6:
        field = _pick(draw, ("meetings", "events", "informs", "authors"))
        _c_record(draw, draft, "reports")[field] = [nowhere]
    else:
        segment = {"kind": "hearing", "moderator": nowhere}
        _c_meeting(draw, draft, _carrier_day(draw), agenda=[segment])


@_breaks("objective-coverage", ways=3)
def _break_objective_coverage(draw: DrawFn, draft: _Draft) -> None:
    way = draft.way
    if way == 0:  # sessions on some clusters only
        clusters = sorted(_subset(draw, range(1, 5), max_size=3, min_size=1))
        _c_meeting(draw, draft, _carrier_day(draw), agenda=_c_sessions(draw, draft, clusters))
    elif way == 1:  # a cluster twice
        twice = draw(cluster_numbers())
        sessions = _c_sessions(draw, draft, [1, 2, 3, 4, twice])
        _c_meeting(draw, draft, _carrier_day(draw), agenda=sessions)
    else:  # consultations of a review that leave objectives out
        left_out = set(_subset(draw, range(1, 24), min_size=1))
        covered = [n for n in range(1, 24) if n not in left_out]
        _c_review(draw, draft, consultations=max(1, draft.consultations), objectives=[covered])


def _clock(day: dt.date, minutes: int, offset: str) -> str:
    return f"{day.isoformat()}T{minutes // 60:02d}:{minutes % 60:02d}:00{offset}"


@_breaks("segment-overlap")
def _break_segment_overlap(draw: DrawFn, draft: _Draft) -> None:
    day = _carrier_day(draw)
    offset = _pick(draw, ("+00:00", "+01:00", "-03:00", "+07:00"))
    first_start = _FIRST_MINUTE + _SLOT_MINUTES * draw(st.integers(0, 40))
    first_end = first_start + _SLOT_MINUTES * draw(st.integers(2, 8))
    second_start = draw(st.integers(first_start, first_end - _SLOT_MINUTES))
    second_end = max(second_start, first_end) + _SLOT_MINUTES * draw(st.integers(0, 4))
    segments = [
        {
            "kind": _pick(draw, _PLAIN_SEGMENTS),
            "start": _clock(day, start, offset),
            "end": _clock(day, end, offset),
        }
        for start, end in (
            (first_start, first_end),
            (second_start, max(second_end, second_start + 1)),
        )
    ]
    _c_meeting(draw, draft, day, agenda=segments)


@_breaks("co-chairs")
def _break_co_chairs(draw: DrawFn, draft: _Draft) -> None:
    count = _pick(draw, (1, 3, 4))
    chairs = _subset(draw, _codes("un_member"), max_size=count, min_size=count)
    _c_meeting(draw, draft, _carrier_day(draw), co_chairs=list(chairs))


@_breaks("commission-membership", ways=2)
def _break_commission_membership(draw: DrawFn, draft: _Draft) -> None:
    commission = _code(draw, "commission")
    day = _carrier_day(draw)
    members = _members((commission,), day)
    outsiders = [c for c in _codes("un_member") if c not in members]
    outsider = _pick(draw, outsiders)
    if draft.way == 1:  # a Member State speaker from outside the region
        sessions = _c_sessions(draw, draft)
        speaker = _c_person(draw, draft, sector="member_state", country=outsider)
        sessions[draw(st.integers(0, 3))]["member_state_speaker"] = speaker
        _c_meeting(draw, draft, day, commissions=[commission], agenda=sessions)
    else:
        chairs = [_pick(draw, members), outsider]
        if _maybe(draw):
            chairs.reverse()
        _c_meeting(draw, draft, day, commissions=[commission], co_chairs=chairs)


@_breaks("session-roles")
def _break_session_roles(draw: DrawFn, draft: _Draft) -> None:
    sessions = _c_sessions(draw, draft)
    for field in _subset(draw, ("member_state_speaker", "moderator"), max_size=2, min_size=1):
        del sessions[draw(st.integers(0, 3))][field]
    _c_meeting(draw, draft, _carrier_day(draw), agenda=sessions)


@_breaks("registration-lead-time")
def _break_registration_lead_time(draw: DrawFn, draft: _Draft) -> None:
    day = _carrier_day(draw)
    opens = _after(day, -draw(st.integers(0, 55)))
    _c_meeting(draw, draft, day, registration={"opens": opens})


@_breaks("written-input-deadline")
def _break_written_input_deadline(draw: DrawFn, draft: _Draft) -> None:
    day = _carrier_day(draw)
    _c_meeting(draw, draft, day, written_inputs_due=_after(day, -draw(st.integers(0, 6))))


@_breaks("balance", ways=2)
def _break_balance(draw: DrawFn, draft: _Draft) -> None:
    count = draw(st.integers(4, 6))
    if draft.way == 1:  # one country
        country = _code(draw, "un_member")
        people = [
            _c_person(draw, draft, sector="member_state", country=country) for _ in range(count)
        ]
    else:  # one gender
        gender = _pick(draw, tuple(Gender)).value
        people = [_c_person(draw, draft, gender=gender) for _ in range(count)]
    segment = {"kind": _pick(draw, ("opening", "closing")), "speakers": people}
    _c_meeting(draw, draft, _carrier_day(draw), agenda=[segment])


@_breaks("webcast", ways=2)
def _break_webcast(draw: DrawFn, draft: _Draft) -> None:
    day = _carrier_day(draw)
    if draft.way == 1:  # a consultation
        event = {"id": draft.fresh(draw), "kind": "consultation", "start": day.isoformat()}
        draft.add("events", {**event, "webcast": False})
    else:
        _c_meeting(draw, draft, day, webcast=False)


@_breaks("hearing-first", ways=3)
def _break_hearing_first(draw: DrawFn, draft: _Draft) -> None:
    day = _carrier_day(draw)
    way = draft.way
    conference: _Document = {"kind": _CONFERENCE}
    if way == 0:  # no hearing at all
        agenda = [conference]
    elif way == 1:  # the hearing listed after the conference
        agenda = [conference, {"kind": "hearing"}]
    else:  # the hearing listed first but held after the conference opens
        opens = _FIRST_MINUTE + _SLOT_MINUTES * draw(st.integers(0, 20))
        late = opens + _SLOT_MINUTES * draw(st.integers(1, 8))
        conference |= {"start": _clock(day, opens, "+00:00")}
        agenda = [{"kind": "hearing", "start": _clock(day, late, "+00:00")}, conference]
    _c_meeting(draw, draft, day, agenda=agenda)


@_breaks("background-notes")
def _break_background_notes(draw: DrawFn, draft: _Draft) -> None:
    sessions = _c_sessions(draw, draft)
    for session in sessions:
        session["background_note"] = {"title": _text(draw)}
    for index in _subset(draw, range(4), max_size=4, min_size=1):
        del sessions[index]["background_note"]
    _c_meeting(draw, draft, _carrier_day(draw), agenda=sessions)


@_breaks("rapporteur")
def _break_rapporteur(draw: DrawFn, draft: _Draft) -> None:
    _c_meeting(draw, draft, _carrier_day(draw))


@_breaks("thematic-sessions")
def _break_thematic_sessions(draw: DrawFn, draft: _Draft) -> None:
    clusters = sorted(_subset(draw, range(1, 5), max_size=3))
    _c_meeting(draw, draft, _carrier_day(draw), agenda=_c_sessions(draw, draft, clusters))


@_breaks("stakeholder-coverage")
def _break_stakeholder_coverage(draw: DrawFn, draft: _Draft) -> None:
    expected = [c for c in _codes("stakeholder") if c != "other"]
    present = _subset(draw, expected, max_size=len(expected) - 1)
    _c_review(draw, draft, categories=sorted(present, key=expected.index))


@_breaks("review-cadence", ways=3)
def _break_review_cadence(draw: DrawFn, draft: _Draft) -> None:
    way = draft.way
    if way == 0:  # a round that is not the round of the meeting's year
        day = _carrier_day(draw)
        expected = registry.rounds.for_year(day.year).code
        others = [code for code in _codes("regional") if code != expected]
        _c_meeting(draw, draft, day, round=_pick(draw, others))
    elif way == 1:  # before the rounds began
        _c_meeting(draw, draft, _day(draw, _FIRST_DAY, _CARRIER_FIRST - dt.timedelta(days=1)))
    else:  # two regional review meetings of one commission in one round
        commission = _code(draw, "commission")
        first = _carrier_day(draw)
        start = registry.rounds.for_year(first.year).year
        second = _day(draw, dt.date(start, 1, 1), dt.date(start + 3, 12, 31))
        for day in (first, second):
            _c_meeting(draw, draft, day, commissions=[commission])


@_breaks("consultations")
def _break_consultations(draw: DrawFn, draft: _Draft) -> None:
    _c_review(draw, draft, consultations=draw(st.integers(0, draft.consultations - 1)))


@_breaks("evaluation-session")
def _break_evaluation_session(draw: DrawFn, draft: _Draft) -> None:
    _c_review(draw, draft, evaluation=False)


@_breaks("report-deadline")
def _break_report_deadline(draw: DrawFn, draft: _Draft) -> None:
    day = _carrier_day(draw)
    length = draw(st.integers(0, 2))
    meeting = _c_meeting(draw, draft, day, end=_after(day, length))
    issued = _after(day, length + 31 + draw(st.integers(0, 365)))
    report = {"id": draft.fresh(draw), "kind": "outcome_report", "meetings": [meeting["id"]]}
    draft.add("reports", {**report, "issued": issued})


@_breaks("report-structure", ways=2)
def _break_report_structure(draw: DrawFn, draft: _Draft) -> None:
    kinds = _codes("section")
    if draft.way == 1:  # all the kinds, out of order
        chosen = list(draw(st.permutations(kinds)))
        if chosen == list(kinds):
            chosen.reverse()
    else:  # some kinds missing
        chosen = sorted(_subset(draw, kinds, max_size=len(kinds) - 1, min_size=1), key=kinds.index)
    report = {"id": draft.fresh(draw), "kind": _pick(draw, ("outcome_report", "regional_summary"))}
    draft.add("reports", {**report, "sections": [{"kind": kind} for kind in chosen]})


def _invalid(draw: DrawFn, slug: str, profile: str, way: int | None = None) -> bytes:
    """A document that breaks ``slug`` under ``profile``, the drawn way (or ``way``)."""
    import orjson  # noqa: PLC0415 - Hypothesis imports this module at start-up: stay light

    from gcm_model.converters import unstructure  # noqa: PLC0415 - as above
    from gcm_model.validation import PROFILES, rules  # noqa: PLC0415 - as above

    ways, breaker = _BREAKERS[slug]
    chosen = PROFILES[profile]
    # The way first, so that examples shrink towards the first way.
    taken = draw(st.integers(0, ways - 1)) if way is None else way
    # Under a profile that makes warnings errors, a drawn base would break other rules.
    document = unstructure(draw(datasets(max_records=0 if chosen.escalate else 2)))
    minimum = chosen.parameter(rules.lookup("consultations"), "minimum")
    draft = _Draft(document, _ids_of(document), minimum, way=taken)
    breaker(draw, draft)
    return draft.raw if draft.raw is not None else orjson.dumps(draft.document)


def invalid_datasets(rule: str, *, profile: str | None = None) -> SearchStrategy[bytes]:
    """JSON documents (as bytes) that break one validation rule and no other error rule.

    Each document is a valid dataset drawn from ``datasets()`` with a few
    records added that break ``rule`` in one of several ways (the rule's
    branches: for ``chronology``, a meeting ending before it starts, a
    segment outside its meeting, an event after the meeting it prepares, an
    evaluation before it, a report issued before it). Validated with
    ``gcm_model.validate(document, profile=profile)``, it yields at least one
    issue of ``rule`` and no error of any other rule; warnings and
    information of other rules may come too (a drawn regional review
    usually lacks some stakeholder category, so ``stakeholder-coverage``
    warns). Under ``strict``, which makes warnings errors, the base dataset
    is empty and the added records are built so that no other rule fires.

    For the structural rules (``schema-version``, ``missing-field``,
    ``unknown-field``, ``wrong-type``, ``invalid-value``, ``unknown-code``,
    ``unknown-objective``) the JSON Schema (``gcm_model.schema.json_schema()``)
    rejects the document too; ``json-syntax`` documents are not JSON. The
    documents of the other rules are valid under the schema: those rules
    are beyond it.

    Args:
        rule: a rule slug or code of ``gcm_model.rules``, such as
            ``"report-deadline"`` or ``"GCM501"``.
        profile: the profile the documents are meant for; by default
            ``gcm_model.conformance.profile_for(rule)``: ``default``, or
            ``unece-2024`` for the four rules of the UNECE 2024 concept note.

    Returns:
        A strategy of ``bytes``; shrinks towards the first way of breaking
        the rule with the fewest, simplest records in an otherwise empty
        dataset (ids ``"0"``, texts ``"0"``, the day 2020-01-01).

    Raises:
        UnknownCodeError: no such rule or profile (naming the nearest).
        InvalidCodeError: the rule does not run under the profile.
    """
    from gcm_model.conformance import profile_for  # noqa: PLC0415 - Hypothesis imports this module at start-up
    from gcm_model.validation import PROFILES, rules  # noqa: PLC0415 - as above
    from gcm_model.validation._catalogue import profile as profile_named  # noqa: PLC0415

    slug = rules.lookup(rule).slug
    chosen = profile_for(slug) if profile is None else profile_named(profile).name
    if slug not in {r.slug for r in PROFILES[chosen].active()}:
        raise InvalidCodeError("profile", profile, f"the rule {slug!r} does not run under it")
    return _strategy("invalid_datasets", lambda draw: _invalid(draw, slug, chosen), slug, chosen)
