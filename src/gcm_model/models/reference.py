"""Typed, frozen records of the GCM reference data.

One class per codelist: the 23 objectives and 10 guiding principles of the GCM
(A/RES/73/195 paras. 15-16), the four round-table clusters (A/RES/73/326), the
stakeholder categories (para. 44), the five regional commissions and their
members, countries, review rounds, known review meetings, the report section
kinds and guiding questions of the seeds, meeting formats and languages. Every
record but a ``Source`` itself carries the ids of its ``sources`` (see
``gcm_model.sources``) and a ``Status``; ``Provenance`` describes a whole data
file.

Examples:
    >>> from gcm_model import objectives
    >>> objectives.lookup(11)
    Objective(number=11, short_title='Manage borders')
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from gcm_model.dates import PartialDate, as_day, parse_date
from gcm_model.types import MembershipKind, ReviewKind, Status

__all__ = [
    "Cluster",
    "Commission",
    "Country",
    "GuidingPrinciple",
    "GuidingQuestion",
    "Headquarters",
    "KnownMeeting",
    "Language",
    "MeetingFormat",
    "Membership",
    "Objective",
    "Provenance",
    "Region",
    "ReportSectionKind",
    "ReviewRound",
    "Source",
    "StakeholderCategory",
]

# Fields shown by repr: the key and the name; the long texts and provenance stay out
# of the way in a notebook, and remain one attribute away.
_hidden = attrs.field(repr=False)


def _provenance(raw: dict[str, Any]) -> dict[str, Any]:
    return {"sources": tuple(raw["sources"]), "status": Status(raw["status"])}


@attrs.frozen(kw_only=True)
class Provenance:
    """Where one data file comes from, as the manifest records it.

    Attributes:
        file: the data file, such as ``objectives.json``.
        sources: the documents read, with resolution and paragraph or URL.
        read: the date the sources were read.
        status: the weakest status of any record in the file.
        note: the choices made where sources disagree or say nothing.
        sha256: the checksum of the file.
    """

    file: str
    sources: tuple[str, ...] = _hidden
    read: dt.date
    status: Status
    note: str = _hidden
    sha256: str = _hidden

    @classmethod
    def from_manifest(cls, file: str, manifest: dict[str, Any]) -> Provenance:
        """Build from the manifest entry of ``file``."""
        entry = manifest["files"][file]
        return cls(
            file=file,
            sources=tuple(entry["sources"]),
            read=parse_date(entry["read"]),
            status=Status(entry["status"]),
            note=entry["note"],
            sha256=entry["sha256"],
        )


@attrs.frozen(kw_only=True)
class Source:
    """A document that reference data is read from.

    Attributes:
        id: ``S1`` to ``S36`` as numbered in domain_facts.md, a seed file name,
            ``ISO3166`` or ``ISO639``.
        title: what the document is.
        urls: where it was read, if on the web.
        kind: primary text, secondary source, seed document or standard.
    """

    id: str
    title: str = _hidden
    urls: tuple[str, ...] = _hidden
    kind: str

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> Source:
        """Build from a record of ``sources.json``."""
        return cls(id=raw["id"], title=raw["title"], urls=tuple(raw["urls"]), kind=raw["kind"])


@attrs.frozen(kw_only=True)
class Objective:
    """One of the 23 GCM objectives (A/RES/73/195 para. 16).

    Attributes:
        number: 1 to 23.
        title: the official title.
        short_title: the UN Network Hub label, a display name (not official text).
    """

    number: int
    title: str = _hidden
    short_title: str
    sources: tuple[str, ...] = _hidden
    status: Status = _hidden

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> Objective:
        """Build from a record of ``objectives.json``."""
        return cls(
            number=raw["number"],
            title=raw["title"],
            short_title=raw["short_title"],
            **_provenance(raw),
        )


@attrs.frozen(kw_only=True)
class GuidingPrinciple:
    """One of the 10 cross-cutting guiding principles (A/RES/73/195 para. 15).

    Attributes:
        letter: ``a`` to ``j``, the lettering of para. 15.
        title: the principle, such as ``People-centred``.
    """

    letter: str
    title: str
    sources: tuple[str, ...] = _hidden
    status: Status = _hidden

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> GuidingPrinciple:
        """Build from a record of ``principles.json``."""
        return cls(letter=raw["letter"], title=raw["title"], **_provenance(raw))


@attrs.frozen(kw_only=True)
class Cluster:
    """A session cluster: an IMRF round table and the regional-review thematic session.

    Attributes:
        number: 1 to 4.
        title: the label used for the round table in regional reviews.
        objectives: the objective numbers it covers, ascending.
    """

    number: int
    title: str
    objectives: tuple[int, ...]
    sources: tuple[str, ...] = _hidden
    status: Status = _hidden

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> Cluster:
        """Build from a record of ``clusters.json``."""
        return cls(
            number=raw["number"],
            title=raw["title"],
            objectives=tuple(raw["objectives"]),
            **_provenance(raw),
        )


@attrs.frozen(kw_only=True)
class StakeholderCategory:
    """A category of relevant stakeholder (A/RES/73/195 para. 44, and review practice).

    Attributes:
        code: a stable code such as ``migrants`` or ``local_authorities``.
        name: the display name.
        aliases: other wordings used by the sources.
        in_gcm_para_44: whether para. 44 of the GCM names the category.
    """

    code: str
    name: str
    aliases: tuple[str, ...] = _hidden
    in_gcm_para_44: bool = _hidden
    sources: tuple[str, ...] = _hidden
    status: Status = _hidden

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> StakeholderCategory:
        """Build from a record of ``stakeholder_categories.json``."""
        return cls(
            code=raw["code"],
            name=raw["name"],
            aliases=tuple(raw["aliases"]),
            in_gcm_para_44=raw["in_gcm_para_44"],
            **_provenance(raw),
        )


@attrs.frozen(kw_only=True)
class Membership:
    """A State's or territory's membership of one regional commission.

    Attributes:
        country: ISO 3166-1 alpha-3 code.
        kind: full member or associate member.
        since: the earliest time from which the sources support membership,
            or ``None`` when they give no joining date.
        not_member_on: a date on which a source shows the State was not yet a
            member, when the joining date itself is unknown (Djibouti and
            ESCWA). With neither bound, the State is a member on every date.
    """

    country: str
    kind: MembershipKind
    since: PartialDate | None = None
    not_member_on: dt.date | None = None
    sources: tuple[str, ...] = _hidden
    status: Status = _hidden

    def active_on(self, day: dt.date | None) -> bool:
        """Whether the sources allow membership on ``day`` (``None``: today's list).

        Membership is given the benefit of the doubt: a State that joined
        "in 2020" counts as a member from 1 January 2020.
        """
        if day is None:
            return True
        if self.since is not None and day < self.since.earliest():
            return False
        return self.not_member_on is None or day > self.not_member_on

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> Membership:
        """Build from a member entry of ``commissions.json``."""
        since = raw.get("since")
        not_on = raw.get("not_member_on")
        return cls(
            country=raw["country"],
            kind=MembershipKind(raw["kind"]),
            since=PartialDate.parse(since) if since else None,
            not_member_on=parse_date(not_on) if not_on else None,
            **_provenance(raw),
        )


@attrs.frozen(kw_only=True)
class Headquarters:
    """Where a commission sits: a city and its country (ISO 3166-1 alpha-3)."""

    city: str
    country: str


@attrs.frozen(kw_only=True)
class Region:
    """The review region a commission convenes, as the UN Network labels it."""

    name: str
    aliases: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Commission:
    """One of the five UN regional commissions.

    Attributes:
        code: ``ECE``, ``ESCAP``, ``ECLAC``, ``ECA`` or ``ESCWA``.
        name: the name without "United Nations".
        full_name: the name with "United Nations".
        aliases: other acronyms (``UNECE``, ``CEPAL``, ...).
        headquarters: the seat.
        region: the review region it convenes.
        memberships: every membership, full and associate.
    """

    code: str
    name: str
    full_name: str = _hidden
    aliases: tuple[str, ...] = _hidden
    headquarters: Headquarters = _hidden
    region: Region = _hidden
    memberships: tuple[Membership, ...] = _hidden
    sources: tuple[str, ...] = _hidden
    status: Status = _hidden

    def members(self, as_of: dt.date | None = None, *, associates: bool = False) -> tuple[str, ...]:
        """The alpha-3 codes of the members on a date, in the order of the sources.

        Args:
            as_of: the date; ``None`` for the current list.
            associates: include associate members (territories) as well.

        Returns:
            ISO 3166-1 alpha-3 codes.

        Examples:
            >>> from gcm_model import commissions
            >>> len(commissions.lookup("ESCWA").members()), len(
            ...     commissions.lookup("ESCWA").members(dt.date(2021, 1, 1)))
            (21, 20)
        """
        day = as_day(as_of)
        return tuple(
            m.country
            for m in self.memberships
            if (associates or m.kind is MembershipKind.MEMBER) and m.active_on(day)
        )

    def membership(self, country: str) -> Membership | None:
        """The membership of one country (alpha-3), or ``None``."""
        return next((m for m in self.memberships if m.country == country), None)

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> Commission:
        """Build from a record of ``commissions.json``."""
        return cls(
            code=raw["code"],
            name=raw["name"],
            full_name=raw["full_name"],
            aliases=tuple(raw["aliases"]),
            headquarters=Headquarters(**raw["headquarters"]),
            region=Region(name=raw["region"]["name"], aliases=tuple(raw["region"]["aliases"])),
            memberships=tuple(Membership.from_raw(m) for m in raw["members"]),
            **_provenance(raw),
        )


@attrs.frozen(kw_only=True)
class Country:
    """A country or territory: ISO 3166-1 plus what the UN usage adds.

    Attributes:
        alpha_3: ISO 3166-1 alpha-3 code (``XKX`` for Kosovo, which ISO lacks).
        alpha_2: ISO 3166-1 alpha-2 code, or ``None`` outside ISO 3166-1.
        numeric: ISO 3166-1 numeric code, or ``None`` outside ISO 3166-1.
        name: the UN short name where the sources give one, else the ISO name.
        iso_name: the ISO 3166-1 name, or ``None`` outside ISO 3166-1.
        common_name: the ISO 3166-1 common name, where ISO gives one
            (``Taiwan`` beside ``Taiwan, Province of China``); searchable, never
            used as ``name``.
        official_name: the ISO 3166-1 official name, where ISO gives one.
        un_status: ``"member"`` for the 193 UN Member States, ``"observer"``
            for the State of Palestine, ``None`` otherwise.
        qualifier: a note that must accompany the name wherever it is shown
            (Kosovo: UNSCR 1244 (1999)).
    """

    alpha_3: str
    name: str
    alpha_2: str | None = _hidden
    numeric: str | None = _hidden
    iso_name: str | None = _hidden
    common_name: str | None = _hidden
    official_name: str | None = _hidden
    un_status: str | None = _hidden
    qualifier: str | None = _hidden
    sources: tuple[str, ...] = _hidden
    status: Status = _hidden

    @property
    def display_name(self) -> str:
        """The name with its qualifier, the form to show to people.

        Examples:
            >>> from gcm_model import countries
            >>> countries.lookup("XKX").display_name
            'Kosovo (References to Kosovo shall be understood ... resolution 1244 (1999).)'
        """
        return f"{self.name} ({self.qualifier})" if self.qualifier else self.name


@attrs.frozen(kw_only=True)
class ReviewRound:
    """A round of GCM review: regional reviews (from 2020) or an IMRF (from 2022).

    Attributes:
        code: ``regional-2024``, ``imrf-2022``, ...
        kind: regional or IMRF.
        number: 1 for the first round of its kind.
        year: the year the round is named for.
        held: the first and last year meetings of the round took place, where
            the sources say.
    """

    code: str
    kind: ReviewKind
    number: int
    year: int
    held: tuple[int, int] | None = _hidden
    sources: tuple[str, ...] = _hidden
    status: Status = _hidden

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> ReviewRound:
        """Build from a record of ``rounds.json``."""
        held = raw.get("held")
        return cls(
            code=raw["code"],
            kind=ReviewKind(raw["kind"]),
            number=raw["number"],
            year=raw["year"],
            held=(held[0], held[1]) if held else None,
            **_provenance(raw),
        )


@attrs.frozen(kw_only=True)
class KnownMeeting:
    """A regional review meeting or IMRF that the sources date.

    Attributes:
        code: ``ece-2024``, ``imrf-2022``, ...
        kind: ``regional_review`` or ``imrf``, as the values of ``MeetingKind``.
        round: the code of its ``ReviewRound``.
        commissions: the convening commissions (none for an IMRF).
        start: the first day, where known.
        end: the last day, where known.
        venue: the venue, where the sources name it.
        city: the city, where held in person.
        country: alpha-3 code of the country it was held in.
        format: ``in_person``, ``virtual`` or ``hybrid``, where a source says.
        host_country: alpha-3 code of a host State of a virtual meeting.
        planned: the date the seed 002 plan gave, verbatim.
        notes: other facts the sources give, in words.
    """

    code: str
    kind: str
    round: str
    commissions: tuple[str, ...]
    start: dt.date | None
    end: dt.date | None = _hidden
    venue: str | None = _hidden
    city: str | None = _hidden
    country: str | None = _hidden
    format: str | None = _hidden
    host_country: str | None = _hidden
    planned: str | None = _hidden
    notes: str = _hidden
    sources: tuple[str, ...] = _hidden
    status: Status = _hidden

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> KnownMeeting:
        """Build from a record of ``meetings.json``."""

        def day(key: str) -> dt.date | None:
            value = raw.get(key)
            return parse_date(value) if value else None

        return cls(
            code=raw["code"],
            kind=raw["kind"],
            round=raw["round"],
            commissions=tuple(raw["commissions"]),
            start=day("start"),
            end=day("end"),
            venue=raw.get("venue"),
            city=raw.get("city"),
            country=raw.get("country"),
            format=raw.get("format"),
            host_country=raw.get("host_country"),
            planned=raw.get("planned"),
            notes=raw["notes"],
            **_provenance(raw),
        )


@attrs.frozen(kw_only=True)
class ReportSectionKind:
    """A section of the suggested structure for regional review reports (seed 004).

    Attributes:
        code: ``introduction``, ``executive_summary``, ...
        title: the heading.
        description: what the section holds, where the seed says.
        order: its place in the suggested order, from 1.
    """

    code: str
    title: str
    description: str = _hidden
    order: int = _hidden
    sources: tuple[str, ...] = _hidden
    status: Status = _hidden

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> ReportSectionKind:
        """Build from a record of ``report_section_kinds.json``."""
        return cls(
            code=raw["code"],
            title=raw["title"],
            description=raw["description"],
            order=raw["order"],
            **_provenance(raw),
        )


@attrs.frozen(kw_only=True)
class GuidingQuestion:
    """A guiding question (a-e) of the UNECE 2024 concept note, Annex 1 (seed 001).

    Attributes:
        letter: ``a`` to ``e``.
        text: the question, verbatim.
    """

    letter: str
    text: str = _hidden
    sources: tuple[str, ...] = _hidden
    status: Status = _hidden

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> GuidingQuestion:
        """Build from a record of ``guiding_questions.json``."""
        return cls(letter=raw["letter"], text=raw["text"], **_provenance(raw))


@attrs.frozen(kw_only=True)
class MeetingFormat:
    """How a meeting is held: ``in_person``, ``virtual`` or ``hybrid``."""

    code: str
    name: str
    aliases: tuple[str, ...] = _hidden
    sources: tuple[str, ...] = _hidden
    status: Status = _hidden

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> MeetingFormat:
        """Build from a record of ``meeting_formats.json``."""
        return cls(
            code=raw["code"], name=raw["name"], aliases=tuple(raw["aliases"]), **_provenance(raw)
        )


@attrs.frozen(kw_only=True)
class Language:
    """A language by ISO 639-1 code (the six official languages of the UN)."""

    code: str
    name: str
    sources: tuple[str, ...] = _hidden
    status: Status = _hidden

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> Language:
        """Build from a record of ``languages.json``."""
        return cls(code=raw["code"], name=raw["name"], **_provenance(raw))
