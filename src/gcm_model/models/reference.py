"""Typed, frozen records of the GCM reference data.

One class per codelist: the 23 objectives and 10 guiding principles of the GCM
(A/RES/73/195 paras. 15-16), the four round-table clusters (A/RES/73/326), the
stakeholder categories (para. 44), the five regional commissions and their
members, countries, review rounds, known review meetings, the report section
kinds and the UNECE 2024 guiding questions, meeting formats, languages, and the
contradictions between sources with the choice made for each. Every
record but a ``Source`` itself carries the ids of its ``sources`` (see
``gcm_model.sources``) and a ``Status``; ``Provenance`` describes a whole data
file.

Each field is declared once, by its kind (``gcm_model.models.kinds``), as
the fields of the model classes are: the registries build the records from
the package's data files with the decoder generated from those kinds
(``gcm_model._decode``), so a record's JSON keys are its field names.

Examples:
    >>> from gcm_model import objectives
    >>> objectives.lookup(11)
    Objective(number=11, short_title='Manage borders')
"""

from __future__ import annotations

import datetime as dt

import attrs

from gcm_model._html import model_html
from gcm_model.dates import PartialDate, as_day
from gcm_model.models.kinds import Child, Choice, Count, Flag, Note, Text, derive, field
from gcm_model.models.kinds import Objective as ObjectiveNumber
from gcm_model.models.periods import Day, PartialDay, Years
from gcm_model.types import Confidence, MembershipKind, NameKind, ReviewKind, Status

__all__ = [
    "Citation",
    "Claim",
    "Cluster",
    "Commission",
    "Contradiction",
    "Country",
    "CountryName",
    "GuidingPrinciple",
    "GuidingQuestion",
    "Headquarters",
    "KnownMeeting",
    "Language",
    "MeetingFormat",
    "Membership",
    "Objective",
    "PlannedDate",
    "Provenance",
    "Record",
    "Region",
    "ReportSectionKind",
    "ReviewRound",
    "Source",
    "StakeholderCategory",
]

# Fields shown by repr: the key and the name; the long texts and provenance stay out
# of the way in a notebook (repr=False), and remain one attribute away.


class Record:
    """The base of the reference records: a notebook view of each (``_repr_html_``)."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        """An HTML table of the record's fields, for notebooks."""
        return model_html(self)


@attrs.frozen(kw_only=True, field_transformer=derive)
class Provenance(Record):
    """Where one data file comes from, as the manifest records it.

    Attributes:
        file: the data file, such as ``objectives.json``.
        sources: the documents read, as citations of ``gcm_model.sources``
            (an id, and the paragraph or part read where it matters).
        read: the date the sources were read.
        status: the weakest status of any record in the file.
        note: the choices made where sources disagree or say nothing.
        sha256: the checksum of the file.
    """

    file: str = field(Text())
    sources: tuple[Citation, ...] = field(Child(lambda: Citation), non_empty=True, repr=False)
    read: dt.date = field(Day())
    status: Status = field(Choice(Status))
    note: str = field(Note(), repr=False)
    sha256: str = field(Text(), repr=False)


@attrs.frozen(kw_only=True, field_transformer=derive)
class Source(Record):
    """A document that reference data and rules cite, as a reader can find it.

    Attributes:
        id: a stable, readable id such as ``a-res-73-326`` or
            ``unece-2024-concept-note``, by which records cite it.
        title: the document's public title; a title in square brackets
            describes a document whose own title was not recorded.
        publisher: the issuing body or publisher, where known.
        symbol: the UN document symbol (``A/RES/73/326``, ``GA/12166``) or the
            standard's number (``ISO 3166-1``), where it has one.
        date: the date of the document (or of its adoption), to the day, the
            month or the year, where known.
        urls: where it was read, or where it is published.
        kind: ``primary``, ``primary, third-party copy``, ``secondary``,
            ``standard`` or ``this package``.
        status: how far the record's own details are confirmed:
            ``CONFIRMED`` (read in the document or on its publisher's page),
            ``CONFIRMED-2`` (a secondary source), ``SEED`` (known only from the
            document's own text) or ``UNCONFIRMED`` (a detail, which the note
            names, could not be confirmed).
        note: how it was read, and what could not be confirmed.
    """

    id: str = field(Text())
    title: str = field(Text(), repr=False)
    publisher: str | None = field(Text(), repr=False)
    symbol: str | None = field(Text())
    date: PartialDate | None = field(PartialDay(), repr=False)
    urls: tuple[str, ...] = field(Text(), repr=False)
    kind: str = field(Text(), repr=False)
    status: Status = field(Choice(Status), repr=False)
    note: str = field(Note(), repr=False)

    def cite(self, at: str | None = None) -> str:
        """The citation a reader can follow: the symbol, or publisher and title; then the place.

        This is the one rendering of a citation: issues, hints, the rules
        page, the codelists and the command line all show citations this way.

        Args:
            at: the paragraph, page or section cited, such as ``para. 9``.

        Returns:
            ``A/RES/73/326, para. 9`` for a document with a symbol; else the
            publisher and the title in quotes (a described title, in square
            brackets, without them), then the place.

        Examples:
            >>> from gcm_model import sources
            >>> sources.lookup("a-res-73-326").cite("para. 9")
            'A/RES/73/326, para. 9'
            >>> sources.lookup("un-network-regional-reviews-2024").cite()
            'UN Network on Migration, “Regional Reviews 2024”'
        """
        if self.symbol is not None:
            name = self.symbol
        else:
            title = self.title if self.title.startswith("[") else f"\u201c{self.title}\u201d"
            name = f"{self.publisher}, {title}" if self.publisher else title
        return f"{name}, {at}" if at else name


@attrs.frozen(kw_only=True, field_transformer=derive)
class Citation(Record):
    """A place in a source: the ``Source`` id, the paragraph or section, and the words there.

    Attributes:
        source: the id of a record of ``gcm_model.sources``.
        at: the paragraph, page or section, such as ``para. 9``, where one is cited.
        quote: the source's words at that place, verbatim, where they are quoted.
    """

    source: str = field(Text())
    at: str | None = field(Text())
    quote: str | None = field(Text(), repr=False)


@attrs.frozen(kw_only=True, field_transformer=derive)
class Objective(Record):
    """One of the 23 GCM objectives (A/RES/73/195 para. 16).

    Attributes:
        number: 1 to 23.
        title: the official title.
        short_title: the UN Network Hub label, a display name (not official text).
    """

    number: int = field(ObjectiveNumber())
    title: str = field(Text(), repr=False)
    short_title: str = field(Text())
    sources: tuple[str, ...] = field(Text(), non_empty=True, repr=False)
    status: Status = field(Choice(Status), repr=False)


@attrs.frozen(kw_only=True, field_transformer=derive)
class GuidingPrinciple(Record):
    """One of the 10 cross-cutting guiding principles (A/RES/73/195 para. 15).

    Attributes:
        letter: ``a`` to ``j``, the lettering of para. 15.
        title: the principle, such as ``People-centred``.
    """

    letter: str = field(Text())
    title: str = field(Text())
    sources: tuple[str, ...] = field(Text(), non_empty=True, repr=False)
    status: Status = field(Choice(Status), repr=False)


@attrs.frozen(kw_only=True, field_transformer=derive)
class Cluster(Record):
    """A session cluster: an IMRF round table and the regional-review thematic session.

    Attributes:
        number: 1 to 4.
        title: the label used for the round table in regional reviews.
        objectives: the objective numbers it covers, ascending.
    """

    number: int = field(Count())
    title: str = field(Text())
    objectives: tuple[int, ...] = field(ObjectiveNumber())
    sources: tuple[str, ...] = field(Text(), non_empty=True, repr=False)
    status: Status = field(Choice(Status), repr=False)


@attrs.frozen(kw_only=True, field_transformer=derive)
class StakeholderCategory(Record):
    """A category of relevant stakeholder (A/RES/73/195 para. 44, and review practice).

    Attributes:
        code: a stable code such as ``migrants`` or ``local_authorities``.
        name: the display name.
        aliases: other wordings used by the sources.
        in_gcm_para_44: whether para. 44 of the GCM names the category.
    """

    code: str = field(Text())
    name: str = field(Text())
    aliases: tuple[str, ...] = field(Text(), repr=False)
    in_gcm_para_44: bool = field(Flag(), repr=False)
    sources: tuple[str, ...] = field(Text(), non_empty=True, repr=False)
    status: Status = field(Choice(Status), repr=False)


@attrs.frozen(kw_only=True, field_transformer=derive)
class Membership(Record):
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

    country: str = field(Text())
    kind: MembershipKind = field(Choice(MembershipKind))
    since: PartialDate | None = field(PartialDay())
    not_member_on: dt.date | None = field(Day())
    sources: tuple[str, ...] = field(Text(), non_empty=True, repr=False)
    status: Status = field(Choice(Status), repr=False)

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


@attrs.frozen(kw_only=True, field_transformer=derive)
class Headquarters(Record):
    """Where a commission sits: a city and its country (ISO 3166-1 alpha-3)."""

    city: str = field(Text())
    country: str = field(Text())


@attrs.frozen(kw_only=True, field_transformer=derive)
class Region(Record):
    """The review region a commission convenes, as the UN Network labels it."""

    name: str = field(Text())
    aliases: tuple[str, ...] = field(Text())


@attrs.frozen(kw_only=True, field_transformer=derive)
class Commission(Record):
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

    code: str = field(Text())
    name: str = field(Text())
    full_name: str = field(Text(), repr=False)
    aliases: tuple[str, ...] = field(Text(), repr=False)
    headquarters: Headquarters = field(Child(lambda: Headquarters), repr=False)
    region: Region = field(Child(lambda: Region), repr=False)
    memberships: tuple[Membership, ...] = field(Child(lambda: Membership), repr=False)
    sources: tuple[str, ...] = field(Text(), non_empty=True, repr=False)
    status: Status = field(Choice(Status), repr=False)

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


@attrs.frozen(kw_only=True, field_transformer=derive)
class CountryName(Record):
    """Another name a country is known by: a former ISO 3166-1 name or a common one.

    Lookups find the country by it; it is never the name shown.

    Attributes:
        name: the name, as the source writes it (``Swaziland``, ``UK``).
        kind: a former name or a name in common use.
        note: how the source gives it (which release, which form), where that helps.
        sources: where the name comes from.
    """

    name: str = field(Text())
    kind: NameKind = field(Choice(NameKind))
    note: str = field(Note(), default="", repr=False)
    sources: tuple[str, ...] = field(Text(), non_empty=True, repr=False)


@attrs.frozen(kw_only=True, field_transformer=derive)
class Country(Record):
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
        other_names: former and common names (``Turkey``, ``UK``), each with
            its source; searchable, never used as ``name``.
        un_status: ``"member"`` for the 193 UN Member States, ``"observer"``
            for the two non-member observer States (the Holy See and the
            State of Palestine), ``None`` otherwise.
        qualifier: a note that must accompany the name wherever it is shown
            (Kosovo: UNSCR 1244 (1999)).
    """

    alpha_3: str = field(Text())
    name: str = field(Text())
    alpha_2: str | None = field(Text(), repr=False)
    numeric: str | None = field(Text(), repr=False)
    iso_name: str | None = field(Text(), repr=False)
    common_name: str | None = field(Text(), repr=False)
    official_name: str | None = field(Text(), repr=False)
    other_names: tuple[CountryName, ...] = field(Child(lambda: CountryName), repr=False)
    un_status: str | None = field(Text(), repr=False)
    qualifier: str | None = field(Text(), repr=False)
    sources: tuple[str, ...] = field(Text(), non_empty=True, repr=False)
    status: Status = field(Choice(Status), repr=False)

    @property
    def display_name(self) -> str:
        """The name with its qualifier, the form to show to people.

        Examples:
            >>> from gcm_model import countries
            >>> countries.lookup("XKX").display_name
            'Kosovo (References to Kosovo shall be understood ... resolution 1244 (1999).)'
        """
        return f"{self.name} ({self.qualifier})" if self.qualifier else self.name


@attrs.frozen(kw_only=True, field_transformer=derive)
class ReviewRound(Record):
    """A round of GCM review: regional reviews (from 2020) or an IMRF (from 2022).

    Attributes:
        code: ``regional-2024``, ``imrf-2022``, ...
        kind: regional or IMRF.
        number: 1 for the first round of its kind.
        year: the year the round is named for.
        held: the first and last year meetings of the round took place, where
            the sources say.
    """

    code: str = field(Text())
    kind: ReviewKind = field(Choice(ReviewKind))
    number: int = field(Count())
    year: int = field(Count())
    held: tuple[int, int] | None = field(Years(), repr=False)
    sources: tuple[str, ...] = field(Text(), non_empty=True, repr=False)
    status: Status = field(Choice(Status), repr=False)


@attrs.frozen(kw_only=True, field_transformer=derive)
class PlannedDate(Record):
    """A date a source gave for a meeting before it was held: a plan, not a fact.

    A plan keeps its own status and the confidence of its reading, whatever
    the meeting's record says of the dates it was held on.

    Attributes:
        text: the date as the source writes it (``Week of 3 November 2024``).
        date: the day, month or year it names, where it names one.
        status: how well the plan is sourced (``SEED`` when only a seed
            document gives it).
        confidence: how surely the plan is read as this meeting's.
        note: why the reading is in doubt, where it is.
        sources: where the plan is given.

    Examples:
        >>> from gcm_model import known_meetings
        >>> print(known_meetings.lookup("eclac-2025").planned)
        planned June 2024 (SEED; read with medium confidence)
    """

    text: str = field(Text())
    date: PartialDate | None = field(PartialDay(), repr=False)
    status: Status = field(Choice(Status))
    confidence: Confidence = field(Choice(Confidence))
    note: str = field(Note(), default="", repr=False)
    sources: tuple[str, ...] = field(Text(), non_empty=True, repr=False)

    def __str__(self) -> str:
        """The plan as a reader should see it, with its status and confidence."""
        return (
            f"planned {self.text} ({self.status.value}; "
            f"read with {self.confidence.value} confidence)"
        )


@attrs.frozen(kw_only=True, field_transformer=derive)
class KnownMeeting(Record):
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
        planned: the date a plan gave before the meeting, with its own status
            and confidence; never the date it was held.
        notes: other facts the sources give, in words.
        status: how well the dates held and the other facts are sourced (a
            plan has its own).
    """

    code: str = field(Text())
    kind: str = field(Text())
    round: str = field(Text())
    commissions: tuple[str, ...] = field(Text())
    start: dt.date | None = field(Day())
    end: dt.date | None = field(Day(), repr=False)
    venue: str | None = field(Text(), repr=False)
    city: str | None = field(Text(), repr=False)
    country: str | None = field(Text(), repr=False)
    format: str | None = field(Text(), repr=False)
    host_country: str | None = field(Text(), repr=False)
    planned: PlannedDate | None = field(Child(lambda: PlannedDate))
    notes: str = field(Note(), repr=False)
    sources: tuple[str, ...] = field(Text(), non_empty=True, repr=False)
    status: Status = field(Choice(Status))


@attrs.frozen(kw_only=True, field_transformer=derive)
class ReportSectionKind(Record):
    """A section of the suggested structure for regional review reports (UN Network guidance).

    Attributes:
        code: ``introduction``, ``executive_summary``, ...
        title: the heading.
        description: what the section holds, where the guidance says.
        order: its place in the suggested order, from 1.
    """

    code: str = field(Text())
    title: str = field(Text())
    description: str = field(Note(), repr=False)
    order: int = field(Count(), repr=False)
    sources: tuple[str, ...] = field(Text(), non_empty=True, repr=False)
    status: Status = field(Choice(Status), repr=False)


@attrs.frozen(kw_only=True, field_transformer=derive)
class GuidingQuestion(Record):
    """A guiding question (a-e) of the UNECE 2024 concept note, Annex 1.

    Attributes:
        letter: ``a`` to ``e``.
        text: the question, verbatim.
        commissions: the codes of the commissions whose Member States the
            question is put to, as the source says (``ECE``).
        round: the code of the review round it is put for, as the source says.

    Examples:
        >>> from gcm_model import guiding_questions
        >>> [q.letter for q in guiding_questions if "ECE" in q.commissions]
        ['a', 'b', 'c', 'd', 'e']
        >>> guiding_questions.lookup("a").round
        'regional-2024'
    """

    letter: str = field(Text())
    text: str = field(Text(), repr=False)
    commissions: tuple[str, ...] = field(Text(), repr=False)
    round: str | None = field(Text(), repr=False)
    sources: tuple[str, ...] = field(Text(), non_empty=True, repr=False)
    status: Status = field(Choice(Status), repr=False)


@attrs.frozen(kw_only=True, field_transformer=derive)
class MeetingFormat(Record):
    """How a meeting is held: ``in_person``, ``virtual`` or ``hybrid``."""

    code: str = field(Text())
    name: str = field(Text())
    aliases: tuple[str, ...] = field(Text(), repr=False)
    sources: tuple[str, ...] = field(Text(), non_empty=True, repr=False)
    status: Status = field(Choice(Status), repr=False)


@attrs.frozen(kw_only=True, field_transformer=derive)
class Language(Record):
    """A language of ISO 639, marked where it is an official language of the UN.

    Every language of ISO 639-3 (through pycountry) is a record: a written
    submission or a report may be in any of them, not only in the six
    official languages of the United Nations.

    Attributes:
        code: the ISO 639-1 code where the language has one (``pt``), else
            its ISO 639-3 code (``tet``); the shortest code, as in BCP 47.
        name: the ISO 639-3 English reference name.
        alpha_3: the ISO 639-3 code; ``compact`` maps it to ``code``.
        bibliographic: the ISO 639-2/B code where it differs (``fre``);
            ``compact`` maps it to ``code`` too.
        un_official: one of the six official languages of the United Nations.

    Examples:
        >>> from gcm_model import languages
        >>> languages.lookup("por")
        Language(code='pt', name='Portuguese', un_official=False)
        >>> [lang.code for lang in languages if lang.un_official]
        ['ar', 'zh', 'en', 'fr', 'ru', 'es']
    """

    code: str = field(Text())
    name: str = field(Text())
    alpha_3: str = field(Text(), repr=False)
    bibliographic: str | None = field(Text(), repr=False)
    un_official: bool = field(Flag(), default=False)
    sources: tuple[str, ...] = field(Text(), non_empty=True, repr=False)
    status: Status = field(Choice(Status), repr=False)


@attrs.frozen(kw_only=True, field_transformer=derive)
class Claim(Record):
    """What one side of a contradiction between sources says, and where.

    Attributes:
        says: what the sources say, quoted where the words matter.
        where: the place in the sources (a paragraph, a footnote, a list), where it helps.
        sources: the documents that say it.
    """

    says: str = field(Text())
    where: str = field(Note(), default="", repr=False)
    sources: tuple[str, ...] = field(Text(), non_empty=True)


@attrs.frozen(kw_only=True, field_transformer=derive)
class Contradiction(Record):
    """Sources that disagree on a fact or a citation, and the choice the data makes.

    Attributes:
        code: a stable code, such as ``funding-paragraphs``.
        title: what the sources disagree on.
        claims: what each side says, with its sources.
        choice: what the reference data and the bundled examples hold.
        reason: why.
        sources: every source of the claims.
        status: the weakest status of the facts the choice rests on.

    Examples:
        >>> from gcm_model import contradictions
        >>> [claim.sources for claim in contradictions.lookup("funding-paragraphs").claims]
        [('un-network-regional-reviews-2024',), ('a-res-73-195',)]
    """

    code: str = field(Text())
    title: str = field(Text())
    claims: tuple[Claim, ...] = field(Child(lambda: Claim), non_empty=True, repr=False)
    choice: str = field(Text(), repr=False)
    reason: str = field(Text(), repr=False)
    sources: tuple[str, ...] = field(Text(), non_empty=True, repr=False)
    status: Status = field(Choice(Status), repr=False)
