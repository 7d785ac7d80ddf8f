"""The review process as frozen attrs classes: reviews, meetings, segments, events, people.

What the sources describe about a GCM review (A/RES/73/195 para. 50; the UNECE
2024 concept note; the UN Network's framework, "Regional Reviews 2024"; the
checklist of the Network's GCM implementation guidance), as records that refer
to each other by id and to the reference data by code:

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
    >>> ThematicSession(priority_areas=("Labour migration",)).cluster is None
    True
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Any, ClassVar, TypeAlias

import attrs

from gcm_model import registry
from gcm_model.models._base import Model
from gcm_model.models.checks import Problem
from gcm_model.models.kinds import (
    Child,
    Choice,
    Code,
    Count,
    Email,
    Flag,
    Id,
    Objective,
    Ref,
    Text,
    TimeZone,
    When,
    derive,
    field,
)
from gcm_model.types import Status

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "BackToBackEvent",
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
    """The regional review meeting a commission convenes (the UN Network's framework)."""
    IMRF = "imrf"
    """The International Migration Review Forum (A/RES/73/326)."""
    HEARING = "hearing"
    """A multi-stakeholder hearing held as a meeting of its own."""
    OTHER = "other"
    """Any other meeting of the review (subregional, cross-regional)."""


class EventKind(enum.Enum):
    """What a preparatory or follow-up event is."""

    PRE_CONSULTATION = "pre_consultation"
    CONSULTATION = "consultation"
    """A multi-stakeholder consultation."""
    BRIEFING = "briefing"
    GCM_TALK = "gcm_talk"
    SIDE_EVENT = "side_event"
    EVALUATION = "evaluation"
    """The stakeholder evaluation session held after a review (the UN Network's guidance)."""


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
    """Whom a participant represents (the UNECE 2024 concept note: who the meeting convenes)."""

    MEMBER_STATE = "member_state"
    INTERGOVERNMENTAL = "intergovernmental"
    UN_SYSTEM = "un_system"
    STAKEHOLDER = "stakeholder"


# -- small value classes ------------------------------------------------------------


@attrs.frozen(kw_only=True, field_transformer=derive)
class Venue(Model):
    """Where a meeting is held."""

    name: str | None = field(Text())
    city: str | None = field(Text())
    country: str | None = field(Code("countries"))


@attrs.frozen(kw_only=True, field_transformer=derive)
class Contact(Model):
    """An address to write to, for one purpose (the sources give one address per role)."""

    role: str = field(Text())
    email: str = field(Email())


@attrs.frozen(kw_only=True, field_transformer=derive)
class DocumentRef(Model):
    """A document: a concept note, an agenda, a background note, a resolution, a decision."""

    title: str = field(Text())
    symbol: str | None = field(Text())
    """A UN document symbol such as ``A/RES/73/195``."""
    url: str | None = field(Text())
    issued: Moment | None = field(When())
    """When it was issued or adopted (a decision: the day it was taken)."""


@attrs.frozen(kw_only=True, field_transformer=derive)
class Window(Model):
    """A period that opens and closes, such as registration."""

    opens: Moment | None = field(When())
    closes: Moment | None = field(When(after="opens"))


@attrs.frozen(kw_only=True, field_transformer=derive)
class BackToBackEvent(Model):
    """An event held back to back with a meeting, outside the review.

    The UNECE 2024 concept note: the regional review meeting is held back to
    back with the Regional Forum on Sustainable Development for the UNECE
    Region.

    Attributes:
        title: its name.
        start: its first day, or its opening instant, where known.
        end: its last day, or its closing instant.
        url: its page.
    """

    title: str = field(Text())
    start: Moment | None = field(When())
    end: Moment | None = field(When(after="start"))
    url: str | None = field(Text())


# -- agenda segments (a tagged union on ``kind``) ---------------------------------


@attrs.frozen(kw_only=True, field_transformer=derive)
class _Segment(Model):
    """The fields every agenda segment has."""

    title: str | None = field(Text())
    start: Moment | None = field(When())
    end: Moment | None = field(When(after="start"))
    reported_minutes: int | None = field(Count())
    """The length a later account gives, where it differs from the slot it was given."""
    notes: str | None = field(Text())
    sources: tuple[str, ...] = field(Text())
    documents: tuple[DocumentRef, ...] = field(Child(lambda: DocumentRef))
    """Its annotated agenda, recordings and the like."""


@attrs.frozen(kw_only=True, field_transformer=derive)
class Hearing(_Segment):
    """A multi-stakeholder hearing (UNECE 2024: before the Intergovernmental Conference)."""

    kind: ClassVar[str] = "hearing"
    moderator: str | None = field(Ref("participants"))
    panellists: tuple[str, ...] = field(Ref("participants"))


@attrs.frozen(kw_only=True, field_transformer=derive)
class IntergovernmentalConference(_Segment):
    """The intergovernmental part of a review meeting (UNECE 2024: 10:00-18:00 CET).

    The opening, the thematic sessions and the closing take place within it;
    a multi-stakeholder hearing precedes it.
    """

    kind: ClassVar[str] = "intergovernmental_conference"


@attrs.frozen(kw_only=True, field_transformer=derive)
class OpeningSegment(_Segment):
    """The opening of the intergovernmental meeting (UNECE 2024: the co-chairs' remarks)."""

    kind: ClassVar[str] = "opening"
    speakers: tuple[str, ...] = field(Ref("participants"))


@attrs.frozen(kw_only=True, field_transformer=derive)
class ThematicSession(_Segment):
    """A thematic session of a review meeting, on a cluster, on objectives or on priority areas.

    Each region organises its sessions in its own way: on the round-table
    clusters of the IMRF (A/RES/73/326), as the UNECE 2024 concept note does
    with one session on each; on chosen objectives; or on the region's own
    priority areas, as ESCWA's 2024 review did with the six priority areas
    its member States identified in the first review. A session gives what
    its sources say: a cluster with its objectives, objectives alone, or
    priority areas (with objectives where they are named).

    Attributes:
        cluster: the round-table cluster it follows, where it follows one.
        objectives: the objectives it covers (the ``unece-2024`` profile
            checks that they are the cluster's).
        priority_areas: the region's own priority areas it is organised on,
            in the sources' words.
        number: the session's number in the agenda (Session 1 to 4).
        member_state_speaker: the participant id of the Member State speaker
            who opens the discussion.
        moderator: the participant id of the stakeholder moderator.
        background_note: the short background note prepared in advance.
    """

    kind: ClassVar[str] = "thematic_session"
    cluster: int | None = field(Code("clusters"))
    objectives: tuple[int, ...] = field(Objective())
    priority_areas: tuple[str, ...] = field(Text())
    number: int | None = field(Count())
    member_state_speaker: str | None = field(Ref("participants"))
    moderator: str | None = field(Ref("participants"))
    background_note: DocumentRef | None = field(Child(lambda: DocumentRef))

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


@attrs.frozen(kw_only=True, field_transformer=derive)
class HighLevelPanel(_Segment):
    """A high-level panel (UNECE 2024: on regular migration pathways, 13:30-14:30 CET)."""

    kind: ClassVar[str] = "high_level_panel"
    topic: str | None = field(Text())
    host: str | None = field(Ref("participants"))
    """The participant (person or organisation) hosting the panel."""
    panellists: tuple[str, ...] = field(Ref("participants"))


@attrs.frozen(kw_only=True, field_transformer=derive)
class ClosingSegment(_Segment):
    """The closing of the intergovernmental meeting (UNECE 2024: the co-chairs' remarks)."""

    kind: ClassVar[str] = "closing"
    speakers: tuple[str, ...] = field(Ref("participants"))


@attrs.frozen(kw_only=True, field_transformer=derive)
class SideEvent(_Segment):
    """A side event held during a review (QUNO's guide: side events or virtual briefings)."""

    kind: ClassVar[str] = "side_event"
    organisers: tuple[str, ...] = field(Ref("participants"))


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


@attrs.frozen(kw_only=True, field_transformer=derive)
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
        mandates: the decisions that mandate the review (the UNECE 2024
            concept note: a decision of the UNECE Executive Committee).
        notes: what else the sources say.
        sources: where the facts of this record come from.
    """

    id: str = field(Id())
    round: str = field(Code("rounds"))
    commissions: tuple[str, ...] = field(Code("commissions"), non_empty=True)
    title: str | None = field(Text())
    aliases: tuple[str, ...] = field(Text())
    """Other names of the review or its region ("Arab region" for ESCWA's)."""
    contacts: tuple[Contact, ...] = field(Child(lambda: Contact))
    documents: tuple[DocumentRef, ...] = field(Child(lambda: DocumentRef))
    mandates: tuple[DocumentRef, ...] = field(Child(lambda: DocumentRef))
    notes: str | None = field(Text())
    sources: tuple[str, ...] = field(Text())


def _dated_problems(record: Any) -> Iterator[Problem]:
    if record.start is None and record.planned is None:
        yield Problem("missing-field", "/start", "give the start, or the planned date", None)
    elif record.start is None and record.end is not None:
        yield Problem("missing-field", "/start", "an end needs a start", None)


def _items(values: object) -> tuple[object, ...]:
    return values if isinstance(values, tuple) else ()


@attrs.frozen(kw_only=True, field_transformer=derive)
class Meeting(Model):
    """A meeting of the review: a regional review meeting, an IMRF or a hearing.

    Attributes:
        id: the record id.
        title: the meeting's name.
        kind: regional review, IMRF, hearing or other.
        start: the first day, or the opening instant with its offset; empty
            only for a meeting known by its ``planned`` date alone.
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
        languages: ISO 639 codes of the languages of the meeting (any language).
        webcast: whether it is webcast (``None``: not said).
        co_chairs: the States presiding over the meeting (ISO 3166-1 alpha-3):
            one chair, or two or more co-chairs (the UNECE 2024 concept note
            has two, which the ``unece-2024`` profile checks).
        rapporteur: the participant id of the stakeholder rapporteur.
        organisers: participant ids of organising bodies.
        registration: the registration window.
        written_inputs_due: the deadline for written inputs.
        agenda: the segments, in order.
        contacts: addresses per purpose.
        documents: concept note, agenda, logistics note and the like.
        planned: the date a plan gave before the meeting, verbatim (such as the
            timeline of QUNO's guide).
        aliases: other names the sources use (such as "RMRF").
        guiding_questions: the letters (a-e) of the guiding questions put to
            Member States for the meeting (the UNECE 2024 concept note, Annex 1).
        accreditation_required: whether registration needs accreditation.
        back_to_back: events held back to back with it, outside the review
            (the Regional Forum on Sustainable Development).
        status: how well the record's facts are sourced.
        notes: what else the sources say, in words.
        sources: where the facts of this record come from.
    """

    id: str = field(Id())
    title: str = field(Text())
    kind: MeetingKind = field(Choice(MeetingKind))
    start: Moment | None = field(When())
    end: Moment | None = field(When(after="start"))
    review: str | None = field(Ref("reviews"))
    round: str | None = field(Code("rounds"))
    commissions: tuple[str, ...] = field(Code("commissions"))
    known_meeting: str | None = field(Code("known_meetings"))
    format: str | None = field(Code("meeting_formats"))
    venue: Venue | None = field(Child(lambda: Venue))
    host_country: str | None = field(Code("countries"))
    time_zone: str | None = field(TimeZone())
    languages: tuple[str, ...] = field(Code("languages"))
    webcast: bool | None = field(Flag())
    co_chairs: tuple[str, ...] = field(Code("countries"))
    rapporteur: str | None = field(Ref("participants"))
    organisers: tuple[str, ...] = field(Ref("participants"))
    registration: Window | None = field(Child(lambda: Window))
    written_inputs_due: Moment | None = field(When())
    agenda: tuple[Segment, ...] = field(
        Child(lambda: tuple(SEGMENT_TYPES.values()), name="segment")
    )
    contacts: tuple[Contact, ...] = field(Child(lambda: Contact))
    documents: tuple[DocumentRef, ...] = field(Child(lambda: DocumentRef))
    planned: str | None = field(Text())
    aliases: tuple[str, ...] = field(Text())
    guiding_questions: tuple[str, ...] = field(Code("guiding_questions"))
    accreditation_required: bool | None = field(Flag())
    back_to_back: tuple[BackToBackEvent, ...] = field(Child(lambda: BackToBackEvent))
    status: Status | None = field(Choice(Status))
    notes: str | None = field(Text())
    sources: tuple[str, ...] = field(Text())

    _html_tables = (("Agenda", "agenda", ("kind", "title", "start", "end")),)

    def custom_problems(self) -> Iterator[Problem]:
        """Neither a start nor a planned date; an end without a start."""
        yield from _dated_problems(self)

    @property
    def thematic_sessions(self) -> tuple[ThematicSession, ...]:
        """The thematic sessions of the agenda, in order."""
        return tuple(s for s in _items(self.agenda) if isinstance(s, ThematicSession))


@attrs.frozen(kw_only=True, field_transformer=derive)
class PreparatoryEvent(Model):
    """A preparatory or follow-up event of a review.

    Attributes:
        id: the record id.
        kind: pre-consultation, consultation, briefing, GCM Talk, side event
            or stakeholder evaluation session.
        start: the day or instant it begins; empty only for an event known by
            its ``planned`` date alone.
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
        feeds: ids of the events or meetings it feeds into (QUNO's guide: two
            Asia-Pacific pre-consultations feed one consultation).
        documents: recordings, summaries, agendas.
        planned: the date a plan gave before the event, verbatim (such as the
            timeline of QUNO's guide).
        status: how well the record's facts are sourced.
        notes: what else the sources say.
        sources: where the facts of this record come from.
    """

    id: str = field(Id())
    kind: EventKind = field(Choice(EventKind))
    start: Moment | None = field(When())
    end: Moment | None = field(When(after="start"))
    review: str | None = field(Ref("reviews"))
    meeting: str | None = field(Ref("meetings"))
    title: str | None = field(Text())
    format: str | None = field(Code("meeting_formats"))
    organisers: tuple[str, ...] = field(Ref("participants"))
    clusters: tuple[int, ...] = field(Code("clusters"))
    objectives: tuple[int, ...] = field(Objective())
    webcast: bool | None = field(Flag())
    categories: tuple[str, ...] = field(Code("stakeholders"))
    """Stakeholder categories that took part, where a source says (youth in UNECE 2020)."""
    purpose: str | None = field(Text())
    feeds: tuple[str, ...] = field(Ref(("events", "meetings")))
    documents: tuple[DocumentRef, ...] = field(Child(lambda: DocumentRef))
    planned: str | None = field(Text())
    status: Status | None = field(Choice(Status))
    notes: str | None = field(Text())
    sources: tuple[str, ...] = field(Text())

    def custom_problems(self) -> Iterator[Problem]:
        """No date at all; an event that feeds itself."""
        yield from _dated_problems(self)
        if self.id in _items(self.feeds):
            yield Problem("invalid-value", "/feeds", "an event cannot feed itself", self.id)


@attrs.frozen(kw_only=True, field_transformer=derive)
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
        accredited: whether the participant was accredited to the meetings it
            attends that require accreditation (``Meeting.accreditation_required``;
            QUNO's guide: "accreditation will be needed"); ``None``: not said.
        notes: what else the sources say.
        sources: where the facts of this record come from.
    """

    id: str = field(Id())
    kind: ParticipantKind = field(Choice(ParticipantKind))
    name: str | None = field(Text())
    sector: Sector | None = field(Choice(Sector))
    category: str | None = field(Code("stakeholders"))
    country: str | None = field(Code("countries"))
    organisation: str | None = field(Ref("participants"))
    position: str | None = field(Text())
    gender: Gender | None = field(Choice(Gender))
    roles: tuple[Role, ...] = field(Choice(Role))
    events: tuple[str, ...] = field(Ref(("meetings", "events")))
    accredited: bool | None = field(Flag())
    notes: str | None = field(Text())
    sources: tuple[str, ...] = field(Text())

    def custom_problems(self) -> Iterator[Problem]:
        """A category for a non-stakeholder; an organisation's gender; self-membership."""
        if self.category is not None and self.sector not in (None, Sector.STAKEHOLDER):
            yield Problem(
                "invalid-value",
                "/category",
                "only stakeholders have a stakeholder category",
                self.category,
            )
        if self.organisation is not None and self.organisation == self.id:
            yield Problem("invalid-value", "/organisation", "cannot belong to itself", self.id)
        if self.gender is not None and self.kind is ParticipantKind.ORGANISATION:
            yield Problem("invalid-value", "/gender", "an organisation has no gender", self.gender)


def _author_problems(record: Any) -> Iterator[Problem]:
    if (record.member_state is None) == (record.author is None):
        yield Problem(
            "invalid-value",
            "/author",
            "give exactly one of member_state and author",
            record.author,
            relates=("member_state",),
        )


@attrs.frozen(kw_only=True, field_transformer=derive)
class WrittenSubmission(Model):
    """A written input to a review (UNECE 2024 concept note, Annex 1; the Network's online space).

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
        language: its language: an ISO 639 code, any language (``pt``).
        text: its text, or
        url: where it is published.
        sources: where the facts of this record come from.
    """

    id: str = field(Id())
    review: str | None = field(Ref("reviews"))
    meeting: str | None = field(Ref("meetings"))
    member_state: str | None = field(Code("countries"))
    author: str | None = field(Ref("participants"))
    category: str | None = field(Code("stakeholders"))
    received: Moment | None = field(When())
    guiding_questions: tuple[str, ...] = field(Code("guiding_questions"))
    objectives: tuple[int, ...] = field(Objective())
    title: str | None = field(Text())
    language: str | None = field(Code("languages"))
    text: str | None = field(Text())
    url: str | None = field(Text())
    sources: tuple[str, ...] = field(Text())

    def custom_problems(self) -> Iterator[Problem]:
        """Not exactly one author; neither a text nor a link."""
        yield from _author_problems(self)
        if self.text is None and self.url is None:
            yield Problem("missing-field", "/text", "give the text or a url", None)


@attrs.frozen(kw_only=True, field_transformer=derive)
class Pledge(Model):
    """A pledge made in a review, for the Network's Pledging Dashboard.

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

    id: str = field(Id())
    text: str = field(Text())
    review: str | None = field(Ref("reviews"))
    meeting: str | None = field(Ref("meetings"))
    member_state: str | None = field(Code("countries"))
    author: str | None = field(Ref("participants"))
    objectives: tuple[int, ...] = field(Objective())
    made_on: Moment | None = field(When())
    url: str | None = field(Text())
    sources: tuple[str, ...] = field(Text())

    def custom_problems(self) -> Iterator[Problem]:
        """Not exactly one pledger."""
        yield from _author_problems(self)
