"""The review process as frozen attrs classes: reviews, meetings, segments, events, people.

What the seeds describe about a GCM review (A/RES/73/195 para. 50; the UNECE
2024 concept note, seed 001; the framework of seed 000; the checklist of seed
004), as records that refer to each other by id and to the reference data by
code:

* ``RegionalReview``: the review of one region in one round, convened by its
  commission(s);
* ``Meeting``: a regional review meeting, an IMRF or a hearing, with its
  ``agenda`` of segments: ``Hearing``, ``IntergovernmentalConference``,
  ``OpeningSegment``, ``ThematicSession``, ``HighLevelPanel``,
  ``ClosingSegment``, ``SideEvent``;
* ``PreparatoryEvent``: pre-consultations, multi-stakeholder consultations,
  briefings, GCM Talks and the stakeholder evaluation session;
* ``Participant``: a person or an organisation, with a stakeholder category,
  country and roles;
* ``WrittenSubmission`` and ``Pledge``.

Times are a ``datetime`` with its UTC offset where the sources give the hour,
a ``date`` where they give only the day. What the sources do not say stays
``None`` or empty.

Examples:
    >>> from gcm_model.models.process import ThematicSession
    >>> ThematicSession.for_cluster(2).objectives
    (4, 8, 9, 10, 11, 13, 21)
    >>> ThematicSession(cluster=1, objectives=(2, 11))
    Traceback (most recent call last):
    ...
    gcm_model.errors.InvalidValueError: ThematicSession.objectives[1]: objective 11 is in ...
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Any, ClassVar, TypeAlias

import attrs

from gcm_model import registry
from gcm_model.models._base import Model, to_tuple
from gcm_model.models.checks import (
    Problem,
    bool_problems,
    code_problems,
    codes_problems,
    enum_list_problems,
    enum_problems,
    id_problems,
    ids_problems,
    moment_problems,
    nested_one_problems,
    nested_problems,
    objective_problems,
    order_problems,
    positive_int_problems,
    text_problems,
)
from gcm_model.types import Status

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "ClosingSegment",
    "Contact",
    "DocumentRef",
    "EventKind",
    "Gender",
    "Hearing",
    "HighLevelPanel",
    "IntergovernmentalConference",
    "Meeting",
    "MeetingKind",
    "Moment",
    "OpeningSegment",
    "Participant",
    "ParticipantKind",
    "Pledge",
    "PreparatoryEvent",
    "RegionalReview",
    "Role",
    "SEGMENT_TYPES",
    "Sector",
    "Segment",
    "SideEvent",
    "ThematicSession",
    "Venue",
    "Window",
    "WrittenSubmission",
]

Moment: TypeAlias = dt.datetime | dt.date
"""A day, or an instant with its UTC offset."""


class MeetingKind(enum.Enum):
    """What a meeting is."""

    REGIONAL_REVIEW = "regional_review"
    """The regional review meeting a commission convenes (seed 000)."""
    IMRF = "imrf"
    """The International Migration Review Forum (A/RES/73/326)."""
    HEARING = "hearing"
    """A multi-stakeholder hearing held as a meeting of its own."""
    OTHER = "other"
    """Any other meeting of the review (subregional, cross-regional)."""


class EventKind(enum.Enum):
    """What a preparatory or follow-up event is (seeds 000-004)."""

    PRE_CONSULTATION = "pre_consultation"
    CONSULTATION = "consultation"
    """A multi-stakeholder consultation."""
    BRIEFING = "briefing"
    GCM_TALK = "gcm_talk"
    SIDE_EVENT = "side_event"
    EVALUATION = "evaluation"
    """The stakeholder evaluation session held after a review (seed 004)."""


class Role(enum.Enum):
    """A part a participant plays."""

    CO_CHAIR = "co_chair"
    SPEAKER = "speaker"
    MODERATOR = "moderator"
    RAPPORTEUR = "rapporteur"
    PANELLIST = "panellist"
    ORGANISER = "organiser"
    PARTICIPANT = "participant"


class Gender(enum.Enum):
    """A person's gender, as declared; ``None`` on a participant means not given."""

    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


class ParticipantKind(enum.Enum):
    """A participant is a person or an organisation."""

    PERSON = "person"
    ORGANISATION = "organisation"


class Sector(enum.Enum):
    """Whom a participant represents (seed 001: who the meeting convenes)."""

    MEMBER_STATE = "member_state"
    INTERGOVERNMENTAL = "intergovernmental"
    UN_SYSTEM = "un_system"
    STAKEHOLDER = "stakeholder"


# -- small value classes ------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Venue(Model):
    """Where a meeting is held."""

    name: str | None = None
    city: str | None = None
    country: str | None = None

    def problems(self) -> Iterator[Problem]:
        """Blank texts; an unknown country code."""
        yield from text_problems("name", self.name)
        yield from text_problems("city", self.city)
        yield from code_problems(registry.countries, "country", self.country)


@attrs.frozen(kw_only=True)
class Contact(Model):
    """An address to write to, for one purpose (domain_facts I10: one per role)."""

    role: str
    email: str

    def problems(self) -> Iterator[Problem]:
        """A blank role; an address without ``@``."""
        yield from text_problems("role", self.role, optional=False)
        yield from text_problems("email", self.email, optional=False)
        email: object = self.email
        if isinstance(email, str) and "@" not in email:
            yield Problem("invalid-value", "email", self.email, "an email address needs an '@'")


@attrs.frozen(kw_only=True)
class DocumentRef(Model):
    """A document: a concept note, an agenda, a background note, a resolution."""

    title: str
    symbol: str | None = None
    """A UN document symbol such as ``A/RES/73/195``."""
    url: str | None = None

    def problems(self) -> Iterator[Problem]:
        """Blank texts."""
        yield from text_problems("title", self.title, optional=False)
        yield from text_problems("symbol", self.symbol)
        yield from text_problems("url", self.url)


@attrs.frozen(kw_only=True)
class Window(Model):
    """A period that opens and closes, such as registration."""

    opens: Moment | None = None
    closes: Moment | None = None

    def problems(self) -> Iterator[Problem]:
        """Naive datetimes; closing before opening."""
        yield from moment_problems("opens", self.opens)
        yield from moment_problems("closes", self.closes)
        yield from order_problems("opens", self.opens, "closes", self.closes)


# -- agenda segments (a tagged union on ``kind``) ---------------------------------


def _segment_problems(segment: Any) -> Iterator[Problem]:
    yield from text_problems("title", segment.title)
    yield from text_problems("notes", segment.notes)
    yield from _sources_problems(segment.sources)
    yield from moment_problems("start", segment.start)
    yield from moment_problems("end", segment.end)
    yield from order_problems("start", segment.start, "end", segment.end)
    yield from positive_int_problems("reported_minutes", segment.reported_minutes)


@attrs.frozen(kw_only=True)
class Hearing(Model):
    """A multi-stakeholder hearing (seed 001: before the Intergovernmental Conference)."""

    kind: ClassVar[str] = "hearing"
    title: str | None = None
    start: Moment | None = None
    end: Moment | None = None
    reported_minutes: int | None = None
    """The length a later account gives, where it differs from the slot (domain_facts I4)."""
    notes: str | None = None
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    moderator: str | None = None
    panellists: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)

    def problems(self) -> Iterator[Problem]:
        """Times, ids and the length."""
        yield from _segment_problems(self)
        yield from id_problems("moderator", self.moderator, optional=True)
        yield from ids_problems("panellists", self.panellists)


@attrs.frozen(kw_only=True)
class IntergovernmentalConference(Model):
    """The intergovernmental part of a review meeting (seed 001: 10:00-18:00 CET).

    The opening, the thematic sessions and the closing take place within it;
    a multi-stakeholder hearing precedes it.
    """

    kind: ClassVar[str] = "intergovernmental_conference"
    title: str | None = None
    start: Moment | None = None
    end: Moment | None = None
    reported_minutes: int | None = None
    notes: str | None = None
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)

    def problems(self) -> Iterator[Problem]:
        """Times and texts."""
        yield from _segment_problems(self)


@attrs.frozen(kw_only=True)
class OpeningSegment(Model):
    """The opening of the intergovernmental meeting (co-chairs' remarks, seed 001)."""

    kind: ClassVar[str] = "opening"
    title: str | None = None
    start: Moment | None = None
    end: Moment | None = None
    reported_minutes: int | None = None
    notes: str | None = None
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    speakers: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)

    def problems(self) -> Iterator[Problem]:
        """Times and ids."""
        yield from _segment_problems(self)
        yield from ids_problems("speakers", self.speakers)


@attrs.frozen(kw_only=True)
class ThematicSession(Model):
    """A thematic session on one round-table cluster (seed 001: four, as at the IMRF).

    Attributes:
        number: the session's number in the agenda (Session 1 to 4).
        cluster: the round-table cluster it follows.
        objectives: the objectives it covers, a subset of the cluster's.
        member_state_speaker: the participant id of the Member State speaker
            who opens the discussion.
        moderator: the participant id of the stakeholder moderator.
        background_note: the short background note prepared in advance.
    """

    kind: ClassVar[str] = "thematic_session"
    cluster: int
    objectives: tuple[int, ...] = attrs.field(factory=tuple, converter=to_tuple)
    number: int | None = None
    title: str | None = None
    start: Moment | None = None
    end: Moment | None = None
    reported_minutes: int | None = None
    notes: str | None = None
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    member_state_speaker: str | None = None
    moderator: str | None = None
    background_note: DocumentRef | None = None

    @classmethod
    def for_cluster(cls, cluster: int | str, **fields: Any) -> ThematicSession:
        """A session on a cluster, covering all its objectives unless told otherwise.

        Args:
            cluster: the cluster number (or its title).
            **fields: any other field.

        Returns:
            The session.

        Raises:
            UnknownCodeError: the cluster is unknown.
        """
        record = registry.clusters.lookup(cluster)
        fields.setdefault("objectives", record.objectives)
        fields.setdefault("number", record.number)
        return cls(cluster=record.number, **fields)

    def problems(self) -> Iterator[Problem]:
        """Times and ids; objectives outside 1..23, repeated, or outside the cluster."""
        yield from _segment_problems(self)
        yield from positive_int_problems("number", self.number)
        yield from code_problems(registry.clusters, "cluster", self.cluster, optional=False)
        yield from objective_problems("objectives", self.objectives)
        cluster = registry.clusters.get(self.cluster)
        given: object = self.objectives
        if cluster is not None and isinstance(given, tuple):
            for index, number in enumerate(given):
                known = isinstance(number, int) and registry.objectives.is_valid(number)
                if known and number not in cluster.objectives:
                    home = registry.clusters.of_objective(number).number
                    yield Problem(
                        "cluster-objectives",
                        f"objectives[{index}]",
                        number,
                        f"objective {number} is in cluster {home}, not cluster {cluster.number}",
                    )
        yield from id_problems("member_state_speaker", self.member_state_speaker, optional=True)
        yield from id_problems("moderator", self.moderator, optional=True)
        yield from nested_one_problems("background_note", self.background_note)


@attrs.frozen(kw_only=True)
class HighLevelPanel(Model):
    """A high-level panel (seed 001: on regular migration pathways, 13:30-14:30 CET)."""

    kind: ClassVar[str] = "high_level_panel"
    title: str | None = None
    start: Moment | None = None
    end: Moment | None = None
    reported_minutes: int | None = None
    notes: str | None = None
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    topic: str | None = None
    host: str | None = None
    """The participant (person or organisation) hosting the panel."""
    panellists: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)

    def problems(self) -> Iterator[Problem]:
        """Times, texts and ids."""
        yield from _segment_problems(self)
        yield from text_problems("topic", self.topic)
        yield from id_problems("host", self.host, optional=True)
        yield from ids_problems("panellists", self.panellists)


@attrs.frozen(kw_only=True)
class ClosingSegment(Model):
    """The closing of the intergovernmental meeting (co-chairs' remarks, seed 001)."""

    kind: ClassVar[str] = "closing"
    title: str | None = None
    start: Moment | None = None
    end: Moment | None = None
    reported_minutes: int | None = None
    notes: str | None = None
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    speakers: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)

    def problems(self) -> Iterator[Problem]:
        """Times and ids."""
        yield from _segment_problems(self)
        yield from ids_problems("speakers", self.speakers)


@attrs.frozen(kw_only=True)
class SideEvent(Model):
    """A side event held during a review (seed 002: side events or virtual briefings)."""

    kind: ClassVar[str] = "side_event"
    title: str | None = None
    start: Moment | None = None
    end: Moment | None = None
    reported_minutes: int | None = None
    notes: str | None = None
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    organisers: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)

    def problems(self) -> Iterator[Problem]:
        """Times and ids."""
        yield from _segment_problems(self)
        yield from ids_problems("organisers", self.organisers)


Segment: TypeAlias = (
    Hearing
    | IntergovernmentalConference
    | OpeningSegment
    | ThematicSession
    | HighLevelPanel
    | ClosingSegment
    | SideEvent
)
"""One item of a meeting's agenda; the ``kind`` class attribute tells which."""

SEGMENT_TYPES: dict[str, type[Segment]] = {
    cls.kind: cls
    for cls in (
        Hearing,
        IntergovernmentalConference,
        OpeningSegment,
        ThematicSession,
        HighLevelPanel,
        ClosingSegment,
        SideEvent,
    )
}
"""The segment classes by their ``kind`` tag."""


# -- records with ids ------------------------------------------------------------------


def _sources_problems(sources: object) -> Iterator[Problem]:
    if not isinstance(sources, tuple):
        yield Problem("wrong-type", "sources", sources, "expected a list of citations")
        return
    for index, source in enumerate(sources):
        yield from text_problems(f"sources[{index}]", source, optional=False)


@attrs.frozen(kw_only=True)
class RegionalReview(Model):
    """The regional review of one region in one round (A/RES/73/195 para. 50).

    Meetings, events, submissions, reports and pledges name it in their
    ``review`` field.

    Attributes:
        id: the record id.
        round: the review round code, such as ``regional-2024``.
        commissions: the convening commission(s).
        title: the review's name.
        contacts: addresses per purpose.
        documents: the framework, concept notes and web pages of the review.
        sources: where the facts of this record come from.
    """

    id: str
    round: str
    commissions: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    title: str | None = None
    contacts: tuple[Contact, ...] = attrs.field(factory=tuple, converter=to_tuple)
    documents: tuple[DocumentRef, ...] = attrs.field(factory=tuple, converter=to_tuple)
    notes: str | None = None
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)

    def problems(self) -> Iterator[Problem]:
        """The id, round and commission codes, and nested records."""
        yield from id_problems("id", self.id)
        yield from code_problems(registry.rounds, "round", self.round, optional=False)
        yield from codes_problems(registry.commissions, "commissions", self.commissions)
        if self.commissions == ():
            yield Problem("invalid-value", "commissions", (), "a review has a commission")
        yield from text_problems("title", self.title)
        yield from nested_problems("contacts", _items(self.contacts))
        yield from nested_problems("documents", _items(self.documents))
        yield from text_problems("notes", self.notes)
        yield from _sources_problems(self.sources)


def _items(values: object) -> tuple[object, ...]:
    return values if isinstance(values, tuple) else ()


@attrs.frozen(kw_only=True)
class Meeting(Model):
    """A meeting of the review: a regional review meeting, an IMRF or a hearing.

    Attributes:
        id: the record id.
        title: the meeting's name.
        kind: regional review, IMRF, hearing or other.
        start: the first day, or the opening instant with its offset.
        end: the last day, or the closing instant.
        review: the id of its ``RegionalReview``.
        round: the review round code.
        commissions: the convening commission(s).
        known_meeting: the code of the matching reference record in
            ``gcm_model.known_meetings``.
        format: ``in_person``, ``virtual`` or ``hybrid``.
        venue: where it is held.
        host_country: a State hosting a virtual meeting.
        time_zone: the IANA zone of the venue, such as ``Europe/Zurich``.
        languages: ISO 639-1 codes of the languages of the meeting.
        webcast: whether it is webcast (``None``: not said).
        co_chairs: the Member States co-chairing (ISO 3166-1 alpha-3).
        rapporteur: the participant id of the stakeholder rapporteur.
        organisers: participant ids of organising bodies.
        registration: the registration window.
        written_inputs_due: the deadline for written inputs.
        agenda: the segments, in order.
        contacts: addresses per purpose.
        documents: concept note, agenda, logistics note and the like.
        planned: the date a plan gave before the meeting, verbatim (seed 002).
        aliases: other names the sources use (domain_facts I5: "RMRF").
        guiding_questions: the letters (a-e) of the guiding questions put to
            Member States for the meeting (seed 001, Annex 1).
        accreditation_required: whether registration needs accreditation.
        status: how well the record's facts are sourced.
        notes: what else the sources say, in words.
        sources: where the facts of this record come from.
    """

    id: str
    title: str
    kind: MeetingKind
    start: Moment
    end: Moment
    review: str | None = None
    round: str | None = None
    commissions: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    known_meeting: str | None = None
    format: str | None = None
    venue: Venue | None = None
    host_country: str | None = None
    time_zone: str | None = None
    languages: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    webcast: bool | None = None
    co_chairs: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    rapporteur: str | None = None
    organisers: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    registration: Window | None = None
    written_inputs_due: Moment | None = None
    agenda: tuple[Segment, ...] = attrs.field(factory=tuple, converter=to_tuple)
    contacts: tuple[Contact, ...] = attrs.field(factory=tuple, converter=to_tuple)
    documents: tuple[DocumentRef, ...] = attrs.field(factory=tuple, converter=to_tuple)
    planned: str | None = None
    aliases: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    guiding_questions: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    accreditation_required: bool | None = None
    status: Status | None = None
    notes: str | None = None
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)

    @property
    def thematic_sessions(self) -> tuple[ThematicSession, ...]:
        """The thematic sessions of the agenda, in order."""
        return tuple(s for s in _items(self.agenda) if isinstance(s, ThematicSession))

    def problems(self) -> Iterator[Problem]:
        """Ids, texts, codes, times and their order, the time zone and the agenda."""
        yield from id_problems("id", self.id)
        yield from text_problems("title", self.title, optional=False)
        yield from enum_problems(MeetingKind, "kind", self.kind, optional=False)
        yield from moment_problems("start", self.start, optional=False)
        yield from moment_problems("end", self.end, optional=False)
        yield from order_problems("start", self.start, "end", self.end)
        yield from id_problems("review", self.review, optional=True)
        yield from code_problems(registry.rounds, "round", self.round)
        yield from codes_problems(registry.commissions, "commissions", self.commissions)
        yield from code_problems(registry.known_meetings, "known_meeting", self.known_meeting)
        yield from code_problems(registry.meeting_formats, "format", self.format)
        yield from nested_one_problems("venue", self.venue)
        yield from code_problems(registry.countries, "host_country", self.host_country)
        yield from _time_zone_problems(self.time_zone)
        yield from codes_problems(registry.languages, "languages", self.languages)
        yield from bool_problems("webcast", self.webcast)
        yield from codes_problems(registry.countries, "co_chairs", self.co_chairs)
        yield from id_problems("rapporteur", self.rapporteur, optional=True)
        yield from ids_problems("organisers", self.organisers)
        yield from nested_one_problems("registration", self.registration)
        yield from moment_problems("written_inputs_due", self.written_inputs_due)
        yield from _agenda_problems(self.agenda)
        yield from nested_problems("contacts", _items(self.contacts))
        yield from nested_problems("documents", _items(self.documents))
        yield from text_problems("planned", self.planned)
        yield from _texts_problems("aliases", self.aliases)
        yield from codes_problems(
            registry.guiding_questions, "guiding_questions", self.guiding_questions
        )
        yield from bool_problems("accreditation_required", self.accreditation_required)
        yield from enum_problems(Status, "status", self.status, optional=True)
        yield from text_problems("notes", self.notes)
        yield from _sources_problems(self.sources)


def _texts_problems(field: str, values: object) -> Iterator[Problem]:
    if not isinstance(values, tuple):
        yield Problem("wrong-type", field, values, "expected a list of strings")
        return
    for index, value in enumerate(values):
        yield from text_problems(f"{field}[{index}]", value, optional=False)


def _agenda_problems(agenda: object) -> Iterator[Problem]:
    if not isinstance(agenda, tuple):
        yield Problem("wrong-type", "agenda", agenda, "expected a list of segments")
        return
    for index, segment in enumerate(agenda):
        if not isinstance(segment, tuple(SEGMENT_TYPES.values())):
            yield Problem("wrong-type", f"agenda[{index}]", segment, "expected an agenda segment")
    yield from nested_problems("agenda", [s for s in agenda if hasattr(s, "problems")])


def _time_zone_problems(name: object) -> Iterator[Problem]:
    if name is None:
        return
    if not isinstance(name, str):
        yield Problem("wrong-type", "time_zone", name, "expected an IANA time zone name")
        return
    from gcm_model.dates import zone  # noqa: PLC0415 - dates imports the models' checks

    if zone(name) is None:
        yield Problem("invalid-value", "time_zone", name, f"{name!r} is not an IANA time zone name")


@attrs.frozen(kw_only=True)
class PreparatoryEvent(Model):
    """A preparatory or follow-up event of a review (seeds 000-004).

    Attributes:
        id: the record id.
        kind: pre-consultation, consultation, briefing, GCM Talk, side event
            or stakeholder evaluation session.
        start: the day or instant it begins.
        end: the day or instant it ends, where known.
        review: the id of its ``RegionalReview``.
        meeting: the id of the meeting it prepares or evaluates.
        title: its name.
        format: ``in_person``, ``virtual`` or ``hybrid``.
        organisers: participant ids of organising bodies.
        clusters: the round-table clusters it covered.
        objectives: the objectives it covered.
        webcast: whether it was webcast.
        purpose: what it was for, in the sources' words.
        feeds: ids of the events or meetings it feeds into (seed 002: two
            Asia-Pacific pre-consultations feed one consultation).
        documents: recordings, summaries, agendas.
        planned: the date a plan gave before the event, verbatim (seed 002).
        status: how well the record's facts are sourced.
        notes: what else the sources say.
        sources: where the facts of this record come from.
    """

    id: str
    kind: EventKind
    start: Moment
    end: Moment | None = None
    review: str | None = None
    meeting: str | None = None
    title: str | None = None
    format: str | None = None
    organisers: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    clusters: tuple[int, ...] = attrs.field(factory=tuple, converter=to_tuple)
    objectives: tuple[int, ...] = attrs.field(factory=tuple, converter=to_tuple)
    webcast: bool | None = None
    purpose: str | None = None
    feeds: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    documents: tuple[DocumentRef, ...] = attrs.field(factory=tuple, converter=to_tuple)
    planned: str | None = None
    status: Status | None = None
    notes: str | None = None
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)

    def problems(self) -> Iterator[Problem]:
        """Ids, codes, times and objectives."""
        yield from id_problems("id", self.id)
        yield from enum_problems(EventKind, "kind", self.kind, optional=False)
        yield from moment_problems("start", self.start, optional=False)
        yield from moment_problems("end", self.end)
        yield from order_problems("start", self.start, "end", self.end)
        yield from id_problems("review", self.review, optional=True)
        yield from id_problems("meeting", self.meeting, optional=True)
        yield from text_problems("title", self.title)
        yield from code_problems(registry.meeting_formats, "format", self.format)
        yield from ids_problems("organisers", self.organisers)
        yield from codes_problems(registry.clusters, "clusters", self.clusters)
        yield from objective_problems("objectives", self.objectives)
        yield from bool_problems("webcast", self.webcast)
        yield from text_problems("purpose", self.purpose)
        yield from ids_problems("feeds", self.feeds)
        if self.id in _items(self.feeds):
            yield Problem("invalid-value", "feeds", self.id, "an event cannot feed itself")
        yield from nested_problems("documents", _items(self.documents))
        yield from text_problems("planned", self.planned)
        yield from enum_problems(Status, "status", self.status, optional=True)
        yield from text_problems("notes", self.notes)
        yield from _sources_problems(self.sources)


@attrs.frozen(kw_only=True)
class Participant(Model):
    """A person or an organisation taking part in the review.

    Attributes:
        id: the record id.
        kind: person or organisation.
        name: the name, where it may be published.
        sector: Member State, intergovernmental, UN system or stakeholder.
        category: the stakeholder category (stakeholders only).
        country: ISO 3166-1 alpha-3 of the State represented or of residence.
        organisation: the participant id of the person's organisation.
        position: the person's position or capacity, such as "Policy Officer".
        gender: for a person, as declared.
        roles: the parts played across the review.
        events: ids of the meetings and events attended.
        notes: what else the sources say.
        sources: where the facts of this record come from.
    """

    id: str
    kind: ParticipantKind
    name: str | None = None
    sector: Sector | None = None
    category: str | None = None
    country: str | None = None
    organisation: str | None = None
    position: str | None = None
    gender: Gender | None = None
    roles: tuple[Role, ...] = attrs.field(factory=tuple, converter=to_tuple)
    events: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    notes: str | None = None
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)

    def problems(self) -> Iterator[Problem]:
        """Ids, codes and enums; a category for a non-stakeholder; an organisation's gender."""
        yield from id_problems("id", self.id)
        yield from enum_problems(ParticipantKind, "kind", self.kind, optional=False)
        yield from text_problems("name", self.name)
        yield from enum_problems(Sector, "sector", self.sector, optional=True)
        yield from code_problems(registry.stakeholders, "category", self.category)
        if self.category is not None and self.sector not in (None, Sector.STAKEHOLDER):
            yield Problem(
                "invalid-value",
                "category",
                self.category,
                "only stakeholders have a stakeholder category",
            )
        yield from code_problems(registry.countries, "country", self.country)
        yield from id_problems("organisation", self.organisation, optional=True)
        if self.organisation is not None and self.organisation == self.id:
            yield Problem("invalid-value", "organisation", self.id, "cannot belong to itself")
        yield from text_problems("position", self.position)
        yield from enum_problems(Gender, "gender", self.gender, optional=True)
        if self.gender is not None and self.kind is ParticipantKind.ORGANISATION:
            yield Problem("invalid-value", "gender", self.gender, "an organisation has no gender")
        yield from enum_list_problems(Role, "roles", self.roles)
        yield from ids_problems("events", self.events)
        yield from text_problems("notes", self.notes)
        yield from _sources_problems(self.sources)


def _author_problems(record: Any) -> Iterator[Problem]:
    yield from code_problems(registry.countries, "member_state", record.member_state)
    yield from id_problems("author", record.author, optional=True)
    if (record.member_state is None) == (record.author is None):
        yield Problem(
            "invalid-value",
            "author",
            record.author,
            "give exactly one of member_state and author",
        )


@attrs.frozen(kw_only=True)
class WrittenSubmission(Model):
    """A written input to a review (seed 001 Annex 1; seed 004: an online space for them).

    Attributes:
        id: the record id.
        review: the id of the review it is for.
        meeting: the id of the meeting it is for.
        member_state: the submitting Member State (alpha-3), or
        author: the participant id of the submitting stakeholder.
        category: the stakeholder category of the author.
        received: when it was received.
        guiding_questions: the letters (a-e) of the questions it answers.
        objectives: the objectives it addresses.
        title: its title.
        language: its language (ISO 639-1).
        text: its text, or
        url: where it is published.
        sources: where the facts of this record come from.
    """

    id: str
    review: str | None = None
    meeting: str | None = None
    member_state: str | None = None
    author: str | None = None
    category: str | None = None
    received: Moment | None = None
    guiding_questions: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    objectives: tuple[int, ...] = attrs.field(factory=tuple, converter=to_tuple)
    title: str | None = None
    language: str | None = None
    text: str | None = None
    url: str | None = None
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)

    def problems(self) -> Iterator[Problem]:
        """Ids, one author, codes, questions and objectives; a text or a link."""
        yield from id_problems("id", self.id)
        yield from id_problems("review", self.review, optional=True)
        yield from id_problems("meeting", self.meeting, optional=True)
        yield from _author_problems(self)
        yield from code_problems(registry.stakeholders, "category", self.category)
        yield from moment_problems("received", self.received)
        yield from codes_problems(
            registry.guiding_questions, "guiding_questions", self.guiding_questions
        )
        yield from objective_problems("objectives", self.objectives)
        yield from text_problems("title", self.title)
        yield from code_problems(registry.languages, "language", self.language)
        yield from text_problems("text", self.text)
        yield from text_problems("url", self.url)
        if self.text is None and self.url is None:
            yield Problem("missing-field", "text", None, "give the text or a url")
        yield from _sources_problems(self.sources)


@attrs.frozen(kw_only=True)
class Pledge(Model):
    """A pledge made in a review, for the Network's Pledging Dashboard (seed 000).

    Attributes:
        id: the record id.
        text: what is pledged.
        review: the id of the review it was made in.
        meeting: the id of the meeting it was made at.
        member_state: the pledging Member State (alpha-3), or
        author: the participant id of the pledging stakeholder.
        objectives: the objectives it serves.
        made_on: when it was made.
        url: where it is published.
        sources: where the facts of this record come from.
    """

    id: str
    text: str
    review: str | None = None
    meeting: str | None = None
    member_state: str | None = None
    author: str | None = None
    objectives: tuple[int, ...] = attrs.field(factory=tuple, converter=to_tuple)
    made_on: Moment | None = None
    url: str | None = None
    sources: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)

    def problems(self) -> Iterator[Problem]:
        """Ids, one pledger, text, objectives and the date."""
        yield from id_problems("id", self.id)
        yield from text_problems("text", self.text, optional=False)
        yield from id_problems("review", self.review, optional=True)
        yield from id_problems("meeting", self.meeting, optional=True)
        yield from _author_problems(self)
        yield from objective_problems("objectives", self.objectives)
        yield from moment_problems("made_on", self.made_on)
        yield from text_problems("url", self.url)
        yield from _sources_problems(self.sources)
