"""gcm-model: the follow-up and review of the Global Compact for Migration, as typed data.

The Global Compact for Safe, Orderly and Regular Migration (A/RES/73/195) is
reviewed regionally every four years from 2020 and globally, at the
International Migration Review Forum (A/RES/73/326), every four years from
2022. This package holds the reference data of that process as typed
registries (the 23 objectives, the 10 guiding principles, the four session
clusters, the stakeholder categories, the five regional commissions and their
members, countries, review rounds and known meetings, report section kinds,
guiding questions, meeting formats and languages), and the records people build
about a review as frozen attrs classes: regional reviews, meetings and their
agenda segments, preparatory events, participants, written submissions,
reports and pledges, gathered in a ``Dataset``.

Examples:
    >>> import gcm_model
    >>> gcm_model.objectives.lookup(11).title
    'Manage borders in an integrated, secure and coordinated manner'
    >>> [c.number for c in gcm_model.clusters]
    [1, 2, 3, 4]
"""

from __future__ import annotations

from typing import Any

from gcm_model import _version
from gcm_model._data import data_version
from gcm_model.converters import (
    dump,
    dump_jsonl,
    dumps,
    iter_load,
    load,
    load_jsonl,
    loads,
    structure,
    unstructure,
)
from gcm_model.dates import PartialDate
from gcm_model.errors import (
    DocumentError,
    GcmError,
    InvalidCodeError,
    InvalidValueError,
    Problem,
    SourceError,
    UnknownCodeError,
    UnknownFormatError,
)
from gcm_model.formats import Format, read_dataset, write_dataset
from gcm_model.models.dataset import SCHEMA_VERSION, Dataset
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
    Role,
    Sector,
    Segment,
    SideEvent,
    ThematicSession,
    Venue,
    Window,
    WrittenSubmission,
)
from gcm_model.models.reference import (
    Cluster,
    Commission,
    Contradiction,
    Country,
    CountryName,
    GuidingPrinciple,
    GuidingQuestion,
    Headquarters,
    KnownMeeting,
    Language,
    MeetingFormat,
    Membership,
    Objective,
    PlannedDate,
    Provenance,
    Region,
    ReportSectionKind,
    ReviewRound,
    Source,
    StakeholderCategory,
)
from gcm_model.models.reports import (
    ContentItem,
    GoodPractice,
    KeyFinding,
    Recipient,
    Recommendation,
    Report,
    ReportKind,
    ReportSection,
)
from gcm_model.registry import (
    IdentifierKind,
    Registry,
    clusters,
    commissions,
    contradictions,
    countries,
    guiding_questions,
    known_meetings,
    languages,
    meeting_formats,
    objectives,
    principles,
    report_section_kinds,
    rounds,
    sources,
    stakeholders,
)
from gcm_model.types import MembershipKind, ReviewKind, Status
from gcm_model.validation import Issue, Severity, ValidationReport, rules, validate

__all__ = [
    "ClosingSegment",
    "Cluster",
    "Commission",
    "Contact",
    "ContentItem",
    "Contradiction",
    "Country",
    "CountryName",
    "Dataset",
    "DocumentError",
    "DocumentRef",
    "EventKind",
    "Format",
    "GcmError",
    "Gender",
    "GoodPractice",
    "GuidingPrinciple",
    "GuidingQuestion",
    "Headquarters",
    "Hearing",
    "HighLevelPanel",
    "IdentifierKind",
    "IntergovernmentalConference",
    "InvalidCodeError",
    "InvalidValueError",
    "Issue",
    "KeyFinding",
    "KnownMeeting",
    "Language",
    "Meeting",
    "MeetingFormat",
    "MeetingKind",
    "Membership",
    "MembershipKind",
    "Objective",
    "OpeningSegment",
    "PartialDate",
    "Participant",
    "ParticipantKind",
    "PlannedDate",
    "Pledge",
    "PreparatoryEvent",
    "Problem",
    "Provenance",
    "Recipient",
    "Recommendation",
    "Region",
    "RegionalReview",
    "Registry",
    "Report",
    "ReportKind",
    "ReportSection",
    "ReportSectionKind",
    "ReviewKind",
    "ReviewRound",
    "Role",
    "SCHEMA_VERSION",
    "Sector",
    "Segment",
    "Severity",
    "SideEvent",
    "Source",
    "SourceError",
    "StakeholderCategory",
    "Status",
    "ThematicSession",
    "UnknownCodeError",
    "UnknownFormatError",
    "ValidationReport",
    "Venue",
    "Window",
    "WrittenSubmission",
    "__version__",
    "clusters",
    "commissions",
    "contradictions",
    "countries",
    "data_version",
    "dump",
    "dump_jsonl",
    "dumps",
    "guiding_questions",
    "iter_load",
    "known_meetings",
    "languages",
    "load",
    "load_jsonl",
    "loads",
    "meeting_formats",
    "objectives",
    "principles",
    "read_dataset",
    "report_section_kinds",
    "rounds",
    "rules",
    "sources",
    "stakeholders",
    "structure",
    "unstructure",
    "validate",
    "write_dataset",
]


def __getattr__(name: str) -> Any:
    """Resolve ``__version__`` lazily (and once) from the installed package metadata."""
    if name == "__version__":
        return _version.installed_version()
    raise AttributeError(f"module 'gcm_model' has no attribute {name!r}")
