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

import importlib
from typing import TYPE_CHECKING, Any

from gcm_model import _version
from gcm_model._data import data_version
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
from gcm_model.models.reference import (
    Citation,
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
from gcm_model.registry import (
    IdentifierKind,
    Registry,
    cite,
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
from gcm_model.types import (
    MembershipKind,
    ReviewKind,
    Status,
)

if TYPE_CHECKING:  # imported on first use (``__getattr__``): see ``_LAZY``
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
    from gcm_model.formats import (
        Format,
        read_dataset,
        write_dataset,
    )
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
    from gcm_model.validation import (
        Issue,
        Severity,
        ValidationReport,
        iter_validate,
        rules,
        validate,
    )

# The public modules, reachable as attributes of the package as if imported: the
# ones that need an extra (dask, plot, tabular's DataFrames, testing) say which
# when it is missing.
_SUBMODULES = frozenset(
    {
        "conformance",
        "converters",
        "dask",
        "dates",
        "errors",
        "formats",
        "models",
        "plot",
        "registry",
        "schema",
        "tabular",
        "testing",
        "types",
        "validation",
    }
)

_LAZY: dict[str, str] = {
    "dump": "gcm_model.converters",
    "dump_jsonl": "gcm_model.converters",
    "dumps": "gcm_model.converters",
    "iter_load": "gcm_model.converters",
    "load": "gcm_model.converters",
    "load_jsonl": "gcm_model.converters",
    "loads": "gcm_model.converters",
    "structure": "gcm_model.converters",
    "unstructure": "gcm_model.converters",
    "Format": "gcm_model.formats",
    "read_dataset": "gcm_model.formats",
    "write_dataset": "gcm_model.formats",
    "SCHEMA_VERSION": "gcm_model.models.dataset",
    "Dataset": "gcm_model.models.dataset",
    "ClosingSegment": "gcm_model.models.process",
    "Contact": "gcm_model.models.process",
    "DocumentRef": "gcm_model.models.process",
    "EventKind": "gcm_model.models.process",
    "Gender": "gcm_model.models.process",
    "Hearing": "gcm_model.models.process",
    "HighLevelPanel": "gcm_model.models.process",
    "IntergovernmentalConference": "gcm_model.models.process",
    "Meeting": "gcm_model.models.process",
    "MeetingKind": "gcm_model.models.process",
    "OpeningSegment": "gcm_model.models.process",
    "Participant": "gcm_model.models.process",
    "ParticipantKind": "gcm_model.models.process",
    "Pledge": "gcm_model.models.process",
    "PreparatoryEvent": "gcm_model.models.process",
    "RegionalReview": "gcm_model.models.process",
    "Role": "gcm_model.models.process",
    "Sector": "gcm_model.models.process",
    "Segment": "gcm_model.models.process",
    "SideEvent": "gcm_model.models.process",
    "ThematicSession": "gcm_model.models.process",
    "Venue": "gcm_model.models.process",
    "Window": "gcm_model.models.process",
    "WrittenSubmission": "gcm_model.models.process",
    "ContentItem": "gcm_model.models.reports",
    "GoodPractice": "gcm_model.models.reports",
    "KeyFinding": "gcm_model.models.reports",
    "Recipient": "gcm_model.models.reports",
    "Recommendation": "gcm_model.models.reports",
    "Report": "gcm_model.models.reports",
    "ReportKind": "gcm_model.models.reports",
    "ReportSection": "gcm_model.models.reports",
    "Issue": "gcm_model.validation",
    "Severity": "gcm_model.validation",
    "ValidationReport": "gcm_model.validation",
    "iter_validate": "gcm_model.validation",
    "rules": "gcm_model.validation",
    "validate": "gcm_model.validation",
}
"""Names imported on first use, and their modules: a registry lookup needs none of them."""

__all__ = [
    "Citation",
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
    "cite",
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
    "iter_validate",
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
    """Import a name of ``_LAZY`` or a public module on first use; ``__version__``: the metadata.

    The model classes of a review, the wire format and validation are
    imported when first asked for, so that ``import gcm_model`` and a lookup
    in a registry stay quick.
    """
    if name == "__version__":
        return _version.installed_version()
    if name in _SUBMODULES:  # ``gcm_model.formats`` after a bare ``import gcm_model``
        return importlib.import_module(f"gcm_model.{name}")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'gcm_model' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # asked once
    return value


def __dir__() -> list[str]:
    """The public names, those imported on first use included."""
    return sorted({*globals(), *__all__})
