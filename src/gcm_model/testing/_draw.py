"""Drawing helpers of the strategies: sizes, argument checks, codelists and references.

Plain functions of Hypothesis's ``draw``, so that nothing is rebuilt per
example; the record builders of the other modules of ``gcm_model.testing``
call them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import string
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from hypothesis import strategies as st

from gcm_model import registry
from gcm_model.errors import InvalidCodeError
from gcm_model.types import ReviewKind

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from hypothesis.strategies import DrawFn, SearchStrategy

    from gcm_model.models._base import Model
    from gcm_model.models.followup import Fund, NationalReview, ReviewForum
    from gcm_model.models.process import Meeting, Participant, PreparatoryEvent, RegionalReview
    from gcm_model.models.reports import Report


T = TypeVar("T")
M = TypeVar("M", bound="Model")


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
    reports: tuple[Report, ...] = ()
    forums: tuple[ReviewForum, ...] = ()
    funds: tuple[Fund, ...] = ()
    national_reviews: tuple[NationalReview, ...] = ()

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


class _Identified(Protocol):
    """A record of a collection: it has an id."""

    @property
    def id(self) -> str: ...


def _ids(records: Iterable[_Identified]) -> list[str]:
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
