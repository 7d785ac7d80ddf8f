"""The Meeting record as msgspec Structs, with checks comparable to gcm-model's.

Frozen, unknown fields forbidden, defaults left out on output. Texts, ids and
e-mail addresses are ``Meta(pattern=...)`` (Python's ``re``); codes are
literals built from gcm-model's registries (see ``_alternatives.py``);
objectives ``Meta(ge=1, le=23)``; the agenda is a tagged union on ``kind``.
List uniqueness, the relations and the moments are checked in
``__post_init__``, which msgspec calls after decoding each Struct.

Not replicated (besides what ``_alternatives.py`` lists): msgspec stops at the
first problem, so a document with three problems reports one. A moment cannot
be declared ``datetime | date``: msgspec allows one string-like type in a
union. Moments are therefore decoded as strings and parsed in ``__post_init__``
(``date.fromisoformat`` / ``datetime.fromisoformat``, offset required), in
Python, as gcm-model does; mypy sees them as ``date | datetime``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal, TypeAlias

import msgspec

from _alternatives import (
    CODES,
    EMAIL_PY,
    ID_PY,
    TEXT_PY,
    Gender,
    MeetingKind,
    ParticipantKind,
    Role,
    Sector,
    Status,
    dated_problem,
    objectives_problem,
    order_problem,
    parse_moment,
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
    import datetime as dt

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
    Moment: TypeAlias = dt.datetime | dt.date
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
    Moment = str  # parsed into a date or datetime by __post_init__

Text = Annotated[str, msgspec.Meta(pattern=TEXT_PY)]
Id = Annotated[str, msgspec.Meta(pattern=ID_PY)]
Email = Annotated[str, msgspec.Meta(pattern=EMAIL_PY)]
Count = Annotated[int, msgspec.Meta(gt=0)]
Objective = Annotated[int, msgspec.Meta(ge=1, le=23)]


class Base(
    msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True, omit_defaults=True
):
    """Frozen, no unknown fields, defaults left out on output."""


def _moments(record: Base, *names: str) -> None:
    """Parse the moment fields of a decoded Struct in place."""
    for name in names:
        value = getattr(record, name)
        if value is not None:
            msgspec.structs.force_setattr(record, name, parse_moment(value))


def _check(problem: str | None) -> None:
    if problem:
        raise ValueError(problem)


class Venue(Base, frozen=True):
    """gcm_model.Venue."""

    name: Text | None = None
    city: Text | None = None
    country: CountryCode | None = None


class Contact(Base, frozen=True):
    """gcm_model.Contact."""

    role: Text
    email: Email


class DocumentRef(Base, frozen=True):
    """gcm_model.DocumentRef."""

    title: Text
    symbol: Text | None = None
    url: Text | None = None
    issued: Moment | None = None

    def __post_init__(self) -> None:
        """Parse the moment."""
        _moments(self, "issued")


class Window(Base, frozen=True):
    """gcm_model.Window."""

    opens: Moment | None = None
    closes: Moment | None = None

    def __post_init__(self) -> None:
        """Parse the moments; closing not before opening."""
        _moments(self, "opens", "closes")
        _check(order_problem("opens", self.opens, "closes", self.closes))


class BackToBackEvent(Base, frozen=True):
    """gcm_model.BackToBackEvent."""

    title: Text
    start: Moment | None = None
    end: Moment | None = None
    url: Text | None = None

    def __post_init__(self) -> None:
        """Parse the moments; the end not before the start."""
        _moments(self, "start", "end")
        _check(order_problem("start", self.start, "end", self.end))


class _Timed(Base, frozen=True):
    """The fields every segment has; an end not before the start."""

    title: Text | None = None
    start: Moment | None = None
    end: Moment | None = None
    reported_minutes: Count | None = None
    notes: Text | None = None
    sources: tuple[Text, ...] = ()
    documents: tuple[DocumentRef, ...] = ()

    def __post_init__(self) -> None:
        """Parse the moments; an end not before the start."""
        _moments(self, "start", "end")
        _check(order_problem("start", self.start, "end", self.end))


class Hearing(_Timed, tag_field="kind", tag="hearing", frozen=True):
    """gcm_model.Hearing."""

    moderator: Id | None = None
    panellists: tuple[Id, ...] = ()

    def __post_init__(self) -> None:
        """The segment's checks; panellists listed once."""
        super().__post_init__()
        unique(self.panellists)


class IntergovernmentalConference(
    _Timed, tag_field="kind", tag="intergovernmental_conference", frozen=True
):
    """gcm_model.IntergovernmentalConference."""


class OpeningSegment(_Timed, tag_field="kind", tag="opening", frozen=True):
    """gcm_model.OpeningSegment."""

    speakers: tuple[Id, ...] = ()

    def __post_init__(self) -> None:
        """The segment's checks; speakers listed once."""
        super().__post_init__()
        unique(self.speakers)


class ThematicSession(_Timed, tag_field="kind", tag="thematic_session", kw_only=True, frozen=True):
    """gcm_model.ThematicSession, with its objectives inside its cluster."""

    cluster: ClusterNumber
    objectives: tuple[Objective, ...] = ()
    priority_areas: tuple[Text, ...] = ()
    number: Count | None = None
    member_state_speaker: Id | None = None
    moderator: Id | None = None
    background_note: DocumentRef | None = None

    def __post_init__(self) -> None:
        """The segment's checks; objectives listed once, inside the cluster."""
        super().__post_init__()
        unique(self.objectives)
        _check(objectives_problem(self.cluster, self.objectives))


class HighLevelPanel(_Timed, tag_field="kind", tag="high_level_panel", frozen=True):
    """gcm_model.HighLevelPanel."""

    topic: Text | None = None
    host: Id | None = None
    panellists: tuple[Id, ...] = ()

    def __post_init__(self) -> None:
        """The segment's checks; panellists listed once."""
        super().__post_init__()
        unique(self.panellists)


class ClosingSegment(_Timed, tag_field="kind", tag="closing", frozen=True):
    """gcm_model.ClosingSegment."""

    speakers: tuple[Id, ...] = ()

    def __post_init__(self) -> None:
        """The segment's checks; speakers listed once."""
        super().__post_init__()
        unique(self.speakers)


class SideEvent(_Timed, tag_field="kind", tag="side_event", frozen=True):
    """gcm_model.SideEvent."""

    organisers: tuple[Id, ...] = ()

    def __post_init__(self) -> None:
        """The segment's checks; organisers listed once."""
        super().__post_init__()
        unique(self.organisers)


Segment: TypeAlias = (
    Hearing
    | IntergovernmentalConference
    | OpeningSegment
    | ThematicSession
    | HighLevelPanel
    | ClosingSegment
    | SideEvent
)


class Meeting(Base, frozen=True):
    """gcm_model.Meeting."""

    id: Id
    title: Text
    kind: MeetingKind
    start: Moment | None = None
    end: Moment | None = None
    review: Id | None = None
    round: RoundCode | None = None
    commissions: tuple[CommissionCode, ...] = ()
    known_meeting: KnownMeetingCode | None = None
    format: FormatCode | None = None
    venue: Venue | None = None
    host_country: CountryCode | None = None
    time_zone: TimeZone | None = None
    languages: tuple[LanguageCode, ...] = ()
    webcast: bool | None = None
    co_chairs: tuple[CountryCode, ...] = ()
    rapporteur: Id | None = None
    organisers: tuple[Id, ...] = ()
    registration: Window | None = None
    written_inputs_due: Moment | None = None
    agenda: tuple[Segment, ...] = ()
    contacts: tuple[Contact, ...] = ()
    documents: tuple[DocumentRef, ...] = ()
    planned: Text | None = None
    aliases: tuple[Text, ...] = ()
    guiding_questions: tuple[QuestionCode, ...] = ()
    accreditation_required: bool | None = None
    back_to_back: tuple[BackToBackEvent, ...] = ()
    status: Status | None = None
    notes: Text | None = None
    sources: tuple[Text, ...] = ()

    def __post_init__(self) -> None:
        """Parse the moments; lists listed once; order; a start or a planned date."""
        _moments(self, "start", "end", "written_inputs_due")
        for values in (
            self.commissions,
            self.languages,
            self.co_chairs,
            self.organisers,
            self.guiding_questions,
        ):
            unique(values)
        _check(
            order_problem("start", self.start, "end", self.end)
            or dated_problem(self.start, self.end, self.planned)
        )


class MeetingLine(Meeting, tag_field="@type", tag="meeting", frozen=True):
    """A meeting line of a gcm-model JSON Lines file: the record tagged ``"@type": "meeting"``."""


class Header(Base, tag_field="@type", tag="dataset", frozen=True):
    """The header line of a gcm-model JSON Lines file."""

    schema_version: Literal["1.0"]
    title: Text | None = None
    sources: tuple[Text, ...] = ()


class RegionalReview(Base, frozen=True):
    """gcm_model.RegionalReview."""

    id: Id
    round: RoundCode
    commissions: Annotated[tuple[CommissionCode, ...], msgspec.Meta(min_length=1)]
    title: Text | None = None
    aliases: tuple[Text, ...] = ()
    contacts: tuple[Contact, ...] = ()
    documents: tuple[DocumentRef, ...] = ()
    mandates: tuple[DocumentRef, ...] = ()
    notes: Text | None = None
    sources: tuple[Text, ...] = ()

    def __post_init__(self) -> None:
        """Commissions listed once."""
        unique(self.commissions)


class Participant(Base, frozen=True):
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
    events: tuple[Id, ...] = ()
    accredited: bool | None = None
    notes: Text | None = None
    sources: tuple[Text, ...] = ()

    def __post_init__(self) -> None:
        """Events listed once; category, membership and gender as gcm-model has them."""
        unique(self.events)
        _check(
            participant_problem(
                record_id=self.id,
                kind=self.kind,
                sector=self.sector,
                category=self.category,
                organisation=self.organisation,
                gender=self.gender,
            )
        )


class DatasetDocument(Base, frozen=True):
    """A dataset document with reviews, meetings and participants (no other collection)."""

    schema_version: Literal["1.0"]
    title: Text | None = None
    reviews: tuple[RegionalReview, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    participants: tuple[Participant, ...] = ()
    sources: tuple[Text, ...] = ()
