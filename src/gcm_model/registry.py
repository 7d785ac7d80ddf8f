"""Registries of the GCM reference data, with one lookup contract for every kind.

Each registry is a lazy, read-only collection of typed records, loaded from the
package data on first use (``import gcm_model`` reads no data file). Three ways
to look a record up fail differently, as in pycountry:

* ``get(key, default=None)`` returns the default;
* ``lookup(key)`` raises ``UnknownCodeError`` naming the
  nearest matches;
* ``search(text)`` returns a ranked list, empty when nothing matches.

Keys are codes (``11``, ``"ECE"``, ``"MDA"``) or, for ``lookup``, any name or
alias; matching ignores case, accents and punctuation. Every registry is also an
``IdentifierKind``, the python-stdnum contract: ``compact`` normalises,
``validate`` returns the canonical code or raises, ``is_valid`` never raises.

Examples:
    >>> from gcm_model import commissions, countries, objectives
    >>> objectives.lookup(11).title
    'Manage borders in an integrated, secure and coordinated manner'
    >>> countries.search("moldova")[0].alpha_3
    'MDA'
    >>> commissions.lookup("UNECE").code, commissions.compact(" unece ")
    ('ECE', 'ECE')
    >>> objectives.compact("11"), objectives.is_valid(24)
    (11, False)
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING, Any

from gcm_model import _data, _iso639, _text
from gcm_model._registry import (
    CodeRegistry,
    IdentifierKind,
    NumberRegistry,
    Registry,
    built,
    decoded,
)
from gcm_model.dates import review_years
from gcm_model.errors import GcmError, InvalidCodeError, UnknownCodeError
from gcm_model.models import kinds
from gcm_model.models.reference import (
    Citation,
    Cluster,
    Commission,
    Contradiction,
    Country,
    CountryName,
    GuidingPrinciple,
    GuidingQuestion,
    KnownMeeting,
    Language,
    MeetingFormat,
    Objective,
    ReportSectionKind,
    ReviewRound,
    Source,
    StakeholderCategory,
)
from gcm_model.types import ReviewKind, Status

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "ClusterRegistry",
    "CodeRegistry",
    "CommissionRegistry",
    "CountryRegistry",
    "IdentifierKind",
    "LanguageRegistry",
    "NumberRegistry",
    "Registry",
    "RoundRegistry",
    "cite",
    "clusters",
    "commissions",
    "contradictions",
    "countries",
    "guiding_questions",
    "known_meetings",
    "languages",
    "meeting_formats",
    "objectives",
    "principles",
    "report_section_kinds",
    "rounds",
    "sources",
    "stakeholders",
]


class ClusterRegistry(NumberRegistry[Cluster]):
    """The four session clusters, with the lookup objective -> cluster."""

    def of_objective(self, objective: object) -> Cluster:
        """The cluster that covers an objective.

        Examples:
            >>> from gcm_model import clusters
            >>> clusters.of_objective(11).number
            2

        Raises:
            InvalidCodeError: ``objective`` cannot be an objective number.
            UnknownCodeError: it is not 1 to 23.
        """
        number = objectives.validate(objective)
        return next(c for c in self if number in c.objectives)


class CommissionRegistry(CodeRegistry[Commission]):
    """The five regional commissions, with the lookup country -> commissions."""

    def of_country(
        self, country: object, as_of: dt.date | None = None, *, associates: bool = False
    ) -> tuple[Commission, ...]:
        """Every commission a State belongs to on a date (several for some States).

        Args:
            country: an alpha-3 (or alpha-2) code or a country name.
            as_of: the date; ``None`` for the current lists.
            associates: count associate membership too.

        Returns:
            The commissions, in the order ECE, ESCAP, ECLAC, ECA, ESCWA.

        Raises:
            UnknownCodeError: the country is unknown.

        Examples:
            >>> from gcm_model import commissions
            >>> [c.code for c in commissions.of_country("TUR")]
            ['ECE', 'ESCAP', 'ECLAC']
        """
        code = countries.lookup(country).alpha_3
        return tuple(c for c in self if code in c.members(as_of, associates=associates))


class CountryRegistry(CodeRegistry[Country]):
    """ISO 3166-1 countries through pycountry, with the UN overlay of the package.

    Keys are alpha-3 codes; ``compact`` also maps alpha-2 and numeric codes.
    """

    def __init__(self) -> None:
        """Describe the registry; pycountry is not consulted until first use."""
        super().__init__(
            "countries",
            "country",
            build=None,  # _load builds the records from pycountry and the overlay
            key=lambda c: c.alpha_3,
            terms=lambda c: [
                *(
                    t
                    for t in (c.name, c.iso_name, c.common_name, c.official_name, c.alpha_2)
                    if t is not None
                ),
                *(other.name for other in c.other_names),
            ],
            upper=True,
            label=lambda c: c.iso_name,
            catalogue="iso3166-1",
        )
        self._other_codes: dict[str, str] | None = None

    def _load(self) -> dict[str, Country]:
        import pycountry  # noqa: PLC0415 - pycountry's database is loaded on first use only

        overlay = {r["alpha_3"]: r for r in _data.load("countries")["records"]}
        records: dict[str, Country] = {}
        for iso in pycountry.countries:
            extra = overlay.pop(iso.alpha_3, {})
            records[iso.alpha_3] = Country(
                alpha_3=iso.alpha_3,
                alpha_2=iso.alpha_2,
                numeric=iso.numeric,
                name=extra.get("name", iso.name),
                iso_name=iso.name,
                common_name=getattr(iso, "common_name", None),
                official_name=getattr(iso, "official_name", None),
                other_names=_other_names(iso.alpha_3, extra),
                un_status=extra.get("un_status"),
                qualifier=extra.get("qualifier"),
                sources=("iso-3166-1", *extra.get("sources", ())),
                status=Status(extra.get("status", "CONFIRMED")),
            )
        for code, extra in overlay.items():  # what ISO 3166-1 lacks (Kosovo)
            records[code] = Country(
                alpha_3=code,
                alpha_2=None,
                numeric=None,
                name=extra["name"],
                iso_name=None,
                common_name=None,
                official_name=None,
                other_names=_other_names(code, extra),
                un_status=extra.get("un_status"),
                qualifier=extra.get("qualifier"),
                sources=tuple(extra["sources"]),
                status=Status(extra["status"]),
            )
        return records

    def compact(self, value: object) -> str:
        """Strip and upper-case; map alpha-2 (``"md"``) and numeric (``"498"``) to alpha-3.

        Raises:
            InvalidCodeError: ``value`` is not a non-empty string.
        """
        code = super().compact(value)
        if self._other_codes is None:
            self._other_codes = {}
            for country in self:
                for other in (country.alpha_2, country.numeric):
                    if other is not None:
                        self._other_codes[other] = country.alpha_3
        return self._other_codes.get(code, code)

    def un_member_states(self) -> tuple[Country, ...]:
        """The 193 UN Member States."""
        return tuple(c for c in self if c.un_status == "member")


def _other_names(code: str, extra: dict[str, Any]) -> tuple[CountryName, ...]:
    """The former and common names the overlay gives a country, built by their decoder."""
    build = decoded(CountryName)
    return tuple(
        built(build, raw, "countries.json", f"record {code}, other name {index}")
        for index, raw in enumerate(extra.get("other_names", ()), start=1)
    )


class LanguageRegistry(CodeRegistry[Language]):
    """The languages of ISO 639-3 through pycountry, the UN's six marked (see ``_iso639``).

    ``compact`` maps ISO 639-3 (``por``) and ISO 639-2/B (``fre``) codes to the key, as
    the Codelists page shows (``languages.compact("fre")`` is ``"fr"``).
    """

    def __init__(self) -> None:
        """Describe the registry; pycountry is not consulted until first use."""
        super().__init__(
            "languages",
            "language",
            build=None,  # _load builds the records from pycountry and the overlay
            key=lambda lang: lang.code,
            terms=lambda lang: [lang.name],
            upper=False,
            aliases=_iso639.other_codes,
            label=lambda lang: lang.name,
            catalogue="iso639-3",
        )
        self._near: dict[str, str] | None = None

    def _load(self) -> dict[str, Language]:
        return _iso639.records()

    def _suggest(self, text: str) -> tuple[str, ...]:
        """The codes whose code or whole name is most like ``text``, best first."""
        if self._near is None:
            self._near = _iso639.near_terms(self._index())
        found = _text.close_matches(_text.normalize(text), tuple(self._near), n=9)
        return tuple(dict.fromkeys(self._near[term] for term in found))[:3]


class RoundRegistry(CodeRegistry[ReviewRound]):
    """Review rounds: the known ones, and any later one by the four-year cadence.

    A code such as ``regional-2028`` is valid, and ``lookup`` gives its computed
    record (status CONFIRMED-2), though the data list only the rounds the
    sources date.
    """

    def validate(self, value: object) -> str:
        """The canonical code of a known round or of one on the cadence, or raise.

        Raises:
            InvalidCodeError: the value is not a non-empty string.
            UnknownCodeError: no such round.
        """
        code = self.compact(value)
        if code not in self._records and self._computed(code) is None:
            raise UnknownCodeError(self.kind, value, self._suggest(str(value)))
        return code

    def lookup(self, key: object) -> ReviewRound:
        """The record of a round by code (known or on the cadence) or by name.

        Raises:
            UnknownCodeError: nothing matches.
            InvalidCodeError: ``key`` is not a string.
        """
        if isinstance(key, str):
            computed = self._computed(self.compact(key)) if key.strip() else None
            if computed is not None:
                return computed
        return super().lookup(key)

    def _computed(self, code: str) -> ReviewRound | None:
        """The round of a ``kind-year`` code on the cadence, or ``None``."""
        kind, _, year = code.partition("-")
        if kind not in ("regional", "imrf") or not (year.isascii() and year.isdigit()):
            return None
        try:
            found = self.for_year(int(year), kind)
        except GcmError:
            return None
        return found if found.code == code else None

    def code_schema(self) -> dict[str, Any]:
        """The JSON Schema of a round code: every code on the cadence (``cadence_pattern``)."""
        return {"type": "string", "pattern": self.cadence_pattern()}

    def cadence_pattern(self) -> str:
        """A regular expression of every code on the cadence, known or computed, up to 9999.

        For the JSON Schema, which must take what ``validate`` takes. Built
        from each kind's first year and interval (which divides 100, so a
        year's place on the cadence shows in its last two digits).

        Examples:
            >>> import re
            >>> from gcm_model import rounds
            >>> pattern = re.compile(rounds.cadence_pattern())
            >>> codes = ("regional-2028", "regional-2027", "imrf-2030")
            >>> [bool(pattern.fullmatch(code)) for code in codes]
            [True, False, True]
        """
        kinds = []
        for kind in ReviewKind:
            first, interval = self._cadence(kind)
            kinds.append(f"{kind.value}-{_years_pattern(first, interval)}")
        return "^(?:" + "|".join(kinds) + ")$"

    def _cadence(self, kind: ReviewKind) -> tuple[int, int]:
        cadence = _data.load("rounds")["cadence"][kind.value]
        return cadence["first_year"], cadence["interval_years"]

    def for_year(self, year: object, kind: ReviewKind | str = ReviewKind.REGIONAL) -> ReviewRound:
        """The round of ``kind`` that a meeting held in ``year`` belongs to.

        Regional rounds are named for their first year and run until the next
        one (the 2020 round was held in 2020-2021). Rounds beyond the data are
        computed from the cadence and carry status CONFIRMED-2.

        Raises:
            InvalidCodeError: ``year`` is not an int, or ``kind`` is neither
                ``regional`` nor ``imrf``.
            UnknownCodeError: ``year`` is before the first round of that kind,
                or after 9999 (the last year a date can hold).

        Examples:
            >>> from gcm_model import rounds
            >>> rounds.for_year(2025).code, rounds.for_year(2030, "imrf").code
            ('regional-2024', 'imrf-2030')
        """
        try:
            kind = ReviewKind(kind)
        except ValueError:
            raise InvalidCodeError("review kind", kind, "expected 'regional' or 'imrf'") from None
        first, interval = self._cadence(kind)
        if isinstance(year, bool) or not isinstance(year, int):
            raise InvalidCodeError("year", year, "expected an int")
        if not first <= year <= dt.MAXYEAR:
            raise UnknownCodeError(f"{kind.value} review round", year)
        start = _round_start(first, year)
        code = f"{kind.value}-{start}"
        known = self._records.get(code)
        if known is not None:
            return known
        return ReviewRound(
            code=code,
            kind=kind,
            number=(start - first) // interval + 1,
            year=start,
            held=None,
            sources=self._records[f"{kind.value}-{first}"].sources,
            status=Status.CONFIRMED_2,
        )


def _years_pattern(first: int, interval: int) -> str:
    """A regular expression of the years from ``first`` to 9999, ``interval`` apart.

    Raises:
        InvalidCodeError: the interval does not divide 100.
    """
    if interval < 1 or 100 % interval:
        raise InvalidCodeError("round interval", interval, "expected a divisor of 100")

    def endings(low: int) -> str:  # the two last digits from ``low`` on the cadence, by tens
        ends = [n for n in range(low, 100) if (n - first) % interval == 0]
        tens: dict[int, list[str]] = {}
        for n in ends:
            tens.setdefault(n // 10, []).append(str(n % 10))
        return "(?:" + "|".join(f"{t}[{''.join(u)}]" for t, u in tens.items()) + ")"

    century = first // 100
    years = f"{century}{endings(first % 100)}"
    if century < 99:  # the centuries after the first, up to 99 (year 9999)
        tens, units = divmod(century + 1, 10)
        later = f"{tens}[{units}-9]" + (f"|[{tens + 1}-9][0-9]" if tens < 9 else "")
        years += f"|(?:{later}){endings(0)}"
    return f"(?:{years})"


@functools.cache
def _round_start(first: int, year: int) -> int:
    """The first year of the round under way in ``year``, on the cadence from ``first``.

    ``review_years`` builds a dateutil ``rrule`` (some 100 µs) and validation
    asks once per regional review meeting, so each answer is kept. The cache
    stays small: a year past 9999 raises (``datetime``'s limit), and a raise is
    not cached.
    """
    return review_years(first, until=year)[-1]


def _names(*fields: str) -> Callable[[Any], list[str]]:
    """Search terms from the named string and tuple-of-string fields of a record."""

    def terms(record: Any) -> list[str]:
        out: list[str] = []
        for name in fields:
            value = getattr(record, name)
            out.extend(value if isinstance(value, tuple) else [value])
        return out

    return terms


objectives: NumberRegistry[Objective] = NumberRegistry(
    "objectives",
    "objective",
    build=decoded(Objective),
    key=lambda o: o.number,
    terms=_names("title", "short_title"),
    label=lambda o: o.title,
)
"""The 23 GCM objectives, keyed by number (A/RES/73/195 para. 16)."""

principles: CodeRegistry[GuidingPrinciple] = CodeRegistry(
    "principles",
    "guiding principle",
    build=decoded(GuidingPrinciple),
    key=lambda p: p.letter,
    terms=_names("title"),
    upper=False,
    aliases=lambda p: [f"({p.letter})"],
    label=lambda p: p.title,
)
"""The 10 guiding principles, keyed by letter ``a``-``j`` (A/RES/73/195 para. 15)."""

clusters = ClusterRegistry(
    "clusters", "cluster", build=decoded(Cluster), key=lambda c: c.number, terms=_names("title")
)
"""The four session clusters / IMRF round tables, keyed by number (A/RES/73/326)."""

stakeholders: CodeRegistry[StakeholderCategory] = CodeRegistry(
    "stakeholder_categories",
    "stakeholder category",
    build=decoded(StakeholderCategory),
    key=lambda s: s.code,
    terms=_names("name", "aliases"),
    upper=False,
)
"""The stakeholder categories, keyed by code (A/RES/73/195 para. 44)."""

commissions = CommissionRegistry(
    "commissions",
    "commission",
    build=decoded(Commission),
    key=lambda c: c.code,
    terms=lambda c: [c.name, c.full_name, *c.aliases, c.region.name, *c.region.aliases],
    upper=True,
    aliases=lambda c: c.aliases,
)
"""The five UN regional commissions and their members, keyed by code."""

countries = CountryRegistry()
"""Countries by ISO 3166-1 alpha-3 code, with UN names and status, and Kosovo."""

rounds = RoundRegistry(
    "rounds",
    "review round",
    build=decoded(ReviewRound),
    key=lambda r: r.code,
    terms=lambda r: [f"{r.kind.value} {r.year}"],
    upper=False,
)
"""The review rounds: regional reviews from 2020 and the IMRF from 2022."""

known_meetings: CodeRegistry[KnownMeeting] = CodeRegistry(
    "meetings",
    "known meeting",
    build=decoded(KnownMeeting),
    key=lambda m: m.code,
    terms=lambda m: [t for t in (m.venue, m.city) if t],
    upper=False,
)
"""The regional review meetings and IMRFs the sources date."""

report_section_kinds: CodeRegistry[ReportSectionKind] = CodeRegistry(
    "report_section_kinds",
    "report section kind",
    build=decoded(ReportSectionKind),
    key=lambda s: s.code,
    terms=_names("title"),
    upper=False,
)
"""The suggested sections of a regional review report, in order (UN Network guidance)."""

guiding_questions: CodeRegistry[GuidingQuestion] = CodeRegistry(
    "guiding_questions",
    "guiding question",
    build=decoded(GuidingQuestion),
    key=lambda q: q.letter,
    terms=_names("text"),
    upper=False,
    aliases=lambda q: [f"({q.letter})"],
)
"""The guiding questions a-e of the UNECE 2024 concept note (Annex 1)."""

meeting_formats: CodeRegistry[MeetingFormat] = CodeRegistry(
    "meeting_formats",
    "meeting format",
    build=decoded(MeetingFormat),
    key=lambda f: f.code,
    terms=_names("name", "aliases"),
    upper=False,
    aliases=lambda f: [f.name, *f.aliases],
)
"""Meeting formats: in person, virtual, hybrid."""

languages = LanguageRegistry()
"""The languages of ISO 639, by ISO 639-1 code where there is one; the UN's six marked."""

sources: CodeRegistry[Source] = CodeRegistry(
    "sources",
    "source",
    build=decoded(Source),
    key=lambda s: s.id,
    terms=lambda s: [s.title, *((s.symbol,) if s.symbol else ())],
    upper=False,
)
"""The documents the reference data and the rules cite, by id (``a-res-73-326``, ...);
``lookup`` also takes a UN symbol (``A/RES/73/326``) or a title."""


def cite(source: str | Citation, at: str | None = None) -> str:
    """Render a citation for readers: ``A/RES/73/326, para. 9``, or publisher and title.

    Args:
        source: a source id (or symbol or title), or a ``Citation``.
        at: the paragraph, page or section; a ``Citation`` carries its own.

    Returns:
        The citation as ``Source.cite`` renders it.

    Raises:
        UnknownCodeError: no source of that id.

    Examples:
        >>> cite("a-res-73-195", "para. 50")
        'A/RES/73/195, para. 50'
        >>> cite(Citation(source="unece-2024-concept-note", at="Annex 1"))[-9:]
        ', Annex 1'
    """
    if isinstance(source, Citation):
        return sources.lookup(source.source).cite(source.at)
    return sources.lookup(source).cite(at)


contradictions: CodeRegistry[Contradiction] = CodeRegistry(
    "contradictions",
    "contradiction",
    build=decoded(Contradiction),
    key=lambda c: c.code,
    terms=_names("title"),
    upper=False,
)
"""Where sources disagree on a fact or a citation: each side, and the choice made."""

kinds.use_registries(
    objectives=objectives,
    principles=principles,
    clusters=clusters,
    stakeholders=stakeholders,
    commissions=commissions,
    countries=countries,
    rounds=rounds,
    known_meetings=known_meetings,
    report_section_kinds=report_section_kinds,
    guiding_questions=guiding_questions,
    meeting_formats=meeting_formats,
    languages=languages,
    sources=sources,
    contradictions=contradictions,
)
