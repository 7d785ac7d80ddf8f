"""The Meeting record as pydantic v2 models, with checks comparable to gcm-model's.

Strict mode, unknown keys forbidden, frozen. Texts, ids and e-mail addresses
are patterns run by pydantic-core (Rust); codes are literals built from
gcm-model's registries (see ``_alternatives.py``); moments are
``AwareDatetime | date``; the agenda is a discriminated union on ``kind``;
relations are ``model_validator(mode="after")`` methods in Python, list
uniqueness an ``AfterValidator``.

Not replicated (besides what ``_alternatives.py`` lists): pydantic reports
each failed member of a union as an error of its own, so a bad moment counts
twice in ``ValidationError.errors()``; its JSON output is not sorted by key
(pydantic has no such option), only indented with defaults left out.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Literal, Self, TypeAlias

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from _alternatives import (
    CODES,
    EMAIL_RUST,
    ID_RUST,
    TEXT_RUST,
    Gender,
    MeetingKind,
    ParticipantKind,
    Role,
    Sector,
    Status,
    dated_problem,
    objectives_problem,
    order_problem,
    participant_problem,
    unique,
)

__all__ = [
    "ClosingSegment",
    "Contact",
    "DatasetDocument",
    "DocumentRef",
    "Header",
    "Hearing",
    "HighLevelPanel",
    "IntergovernmentalConference",
    "Meeting",
    "MeetingLine",
    "OpeningSegment",
    "Participant",
    "RegionalReview",
    "SideEvent",
    "ThematicSession",
    "Venue",
    "Window",
]

# Literal types built at run time from the registries; mypy sees the plain type.
if TYPE_CHECKING:
    CommissionCode: TypeAlias = str
    CountryCode: TypeAlias = str
    FormatCode: TypeAlias = str
    LanguageCode: TypeAlias = str
    RoundCode: TypeAlias = str
    KnownMeetingCode: TypeAlias = str
    QuestionCode: TypeAlias = str
    StakeholderCode: TypeAlias = str
    TimeZone: TypeAlias = str
    ClusterNumber: TypeAlias = int
else:
    CommissionCode = Literal[tuple(CODES["commissions"])]
    CountryCode = Literal[tuple(CODES["countries"])]
    FormatCode = Literal[tuple(CODES["meeting_formats"])]
    LanguageCode = Literal[tuple(CODES["languages"])]
    RoundCode = Literal[tuple(CODES["rounds"])]
    KnownMeetingCode = Literal[tuple(CODES["known_meetings"])]
    QuestionCode = Literal[tuple(CODES["guiding_questions"])]
    StakeholderCode = Literal[tuple(CODES["stakeholders"])]
    TimeZone = Literal[tuple(CODES["time_zones"])]
    ClusterNumber = Literal[tuple(int(n) for n in CODES["clusters"])]

Text = Annotated[str, StringConstraints(pattern=TEXT_RUST)]
Id = Annotated[str, StringConstraints(pattern=ID_RUST)]
Email = Annotated[str, StringConstraints(pattern=EMAIL_RUST)]
Count = Annotated[int, Field(gt=0)]
Objective = Annotated[int, Field(ge=1, le=23)]
Moment: TypeAlias = AwareDatetime | dt.date
Unique = AfterValidator(unique)
Texts = tuple[Text, ...]
Refs = Annotated[tuple[Id, ...], Unique]
Objectives = Annotated[tuple[Objective, ...], Unique]


class Base(BaseModel):
    """Strict, frozen, no unknown keys."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Venue(Base):
    """gcm_model.Venue."""

    name: Text | None = None
    city: Text | None = None
    country: CountryCode | None = None


class Contact(Base):
    """gcm_model.Contact."""

    role: Text
    email: Email


class DocumentRef(Base):
    """gcm_model.DocumentRef."""

    title: Text
    symbol: Text | None = None
    url: Text | None = None
    issued: Moment | None = None


class Window(Base):
    """gcm_model.Window."""

    opens: Moment | None = None
    closes: Moment | None = None

    @model_validator(mode="after")
    def _order(self) -> Self:
        problem = order_problem("opens", self.opens, "closes", self.closes)
        if problem:
            raise ValueError(problem)
        return self


class BackToBackEvent(Base):
    """gcm_model.BackToBackEvent."""

    title: Text
    start: Moment | None = None
    end: Moment | None = None
    url: Text | None = None

    @model_validator(mode="after")
    def _order(self) -> Self:
        problem = order_problem("start", self.start, "end", self.end)
        if problem:
            raise ValueError(problem)
        return self


class _Timed(Base):
    """The fields every segment has; an end not before the start."""

    title: Text | None = None
    start: Moment | None = None
    end: Moment | None = None
    reported_minutes: Count | None = None
    notes: Text | None = None
    sources: Texts = ()
    documents: tuple[DocumentRef, ...] = ()

    @model_validator(mode="after")
    def _order(self) -> Self:
        problem = order_problem("start", self.start, "end", self.end)
        if problem:
            raise ValueError(problem)
        return self


class Hearing(_Timed):
    """gcm_model.Hearing."""

    kind: Literal["hearing"]
    moderator: Id | None = None
    panellists: Refs = ()


class IntergovernmentalConference(_Timed):
    """gcm_model.IntergovernmentalConference."""

    kind: Literal["intergovernmental_conference"]


class OpeningSegment(_Timed):
    """gcm_model.OpeningSegment."""

    kind: Literal["opening"]
    speakers: Refs = ()


class ThematicSession(_Timed):
    """gcm_model.ThematicSession, with its objectives inside its cluster."""

    kind: Literal["thematic_session"]
    cluster: ClusterNumber
    objectives: Objectives = ()
    priority_areas: Texts = ()
    number: Count | None = None
    member_state_speaker: Id | None = None
    moderator: Id | None = None
    background_note: DocumentRef | None = None

    @model_validator(mode="after")
    def _inside_cluster(self) -> Self:
        problem = objectives_problem(self.cluster, self.objectives)
        if problem:
            raise ValueError(problem)
        return self


class HighLevelPanel(_Timed):
    """gcm_model.HighLevelPanel."""

    kind: Literal["high_level_panel"]
    topic: Text | None = None
    host: Id | None = None
    panellists: Refs = ()


class ClosingSegment(_Timed):
    """gcm_model.ClosingSegment."""

    kind: Literal["closing"]
    speakers: Refs = ()


class SideEvent(_Timed):
    """gcm_model.SideEvent."""

    kind: Literal["side_event"]
    organisers: Refs = ()


Segment = Annotated[
    Hearing
    | IntergovernmentalConference
    | OpeningSegment
    | ThematicSession
    | HighLevelPanel
    | ClosingSegment
    | SideEvent,
    Field(discriminator="kind"),
]


class Meeting(Base):
    """gcm_model.Meeting."""

    id: Id
    title: Text
    kind: MeetingKind
    start: Moment | None = None
    end: Moment | None = None
    review: Id | None = None
    round: RoundCode | None = None
    commissions: Annotated[tuple[CommissionCode, ...], Unique] = ()
    known_meeting: KnownMeetingCode | None = None
    format: FormatCode | None = None
    venue: Venue | None = None
    host_country: CountryCode | None = None
    time_zone: TimeZone | None = None
    languages: Annotated[tuple[LanguageCode, ...], Unique] = ()
    webcast: bool | None = None
    co_chairs: Annotated[tuple[CountryCode, ...], Unique] = ()
    rapporteur: Id | None = None
    organisers: Refs = ()
    registration: Window | None = None
    written_inputs_due: Moment | None = None
    agenda: tuple[Segment, ...] = ()
    contacts: tuple[Contact, ...] = ()
    documents: tuple[DocumentRef, ...] = ()
    planned: Text | None = None
    aliases: Texts = ()
    guiding_questions: Annotated[tuple[QuestionCode, ...], Unique] = ()
    accreditation_required: bool | None = None
    back_to_back: tuple[BackToBackEvent, ...] = ()
    status: Status | None = None
    notes: Text | None = None
    sources: Texts = ()

    @model_validator(mode="after")
    def _relations(self) -> Self:
        problem = order_problem("start", self.start, "end", self.end) or dated_problem(
            self.start, self.end, self.planned
        )
        if problem:
            raise ValueError(problem)
        return self


class MeetingLine(Meeting):
    """A meeting line of a gcm-model JSON Lines file: the record tagged ``"@type": "meeting"``."""

    type_: Literal["meeting"] = Field(alias="@type")


class Header(Base):
    """The header line of a gcm-model JSON Lines file."""

    type_: Literal["dataset"] = Field(alias="@type")
    schema_version: Literal["1.0"]
    title: Text | None = None
    sources: Texts = ()


class RegionalReview(Base):
    """gcm_model.RegionalReview."""

    id: Id
    round: RoundCode
    commissions: Annotated[tuple[CommissionCode, ...], Field(min_length=1), Unique]
    title: Text | None = None
    aliases: Texts = ()
    contacts: tuple[Contact, ...] = ()
    documents: tuple[DocumentRef, ...] = ()
    mandates: tuple[DocumentRef, ...] = ()
    notes: Text | None = None
    sources: Texts = ()


class Participant(Base):
    """gcm_model.Participant."""

    id: Id
    kind: ParticipantKind
    name: Text | None = None
    sector: Sector | None = None
    category: StakeholderCode | None = None
    country: CountryCode | None = None
    organisation: Id | None = None
    position: Text | None = None
    gender: Gender | None = None
    roles: tuple[Role, ...] = ()
    events: Refs = ()
    accredited: bool | None = None
    notes: Text | None = None
    sources: Texts = ()

    @model_validator(mode="after")
    def _relations(self) -> Self:
        problem = participant_problem(
            record_id=self.id,
            kind=self.kind,
            sector=self.sector,
            category=self.category,
            organisation=self.organisation,
            gender=self.gender,
        )
        if problem:
            raise ValueError(problem)
        return self


class DatasetDocument(Base):
    """A dataset document with reviews, meetings and participants (no other collection)."""

    schema_version: Literal["1.0"]
    title: Text | None = None
    reviews: tuple[RegionalReview, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    participants: tuple[Participant, ...] = ()
    sources: Texts = ()
