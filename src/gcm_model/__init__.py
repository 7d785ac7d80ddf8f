"""gcm-model: the follow-up and review of the Global Compact for Migration, as typed data.

The Global Compact for Safe, Orderly and Regular Migration (A/RES/73/195) is
reviewed regionally every four years from 2020 and globally, at the
International Migration Review Forum (A/RES/73/326), every four years from
2022. This package holds the reference data of that process as typed
registries: the 23 objectives, the 10 guiding principles, the four session
clusters, the stakeholder categories, the five regional commissions and their
members, countries, review rounds and known meetings, report section kinds,
guiding questions, meeting formats and languages.

Examples:
    >>> import gcm_model
    >>> gcm_model.objectives.lookup(11).title
    'Manage borders in an integrated, secure and coordinated manner'
    >>> [c.number for c in gcm_model.clusters]
    [1, 2, 3, 4]
"""

from __future__ import annotations

from typing import Any

from gcm_model._data import data_version
from gcm_model.dates import PartialDate
from gcm_model.errors import GcmError, InvalidCodeError, UnknownCodeError
from gcm_model.models.reference import (
    Cluster,
    Commission,
    Country,
    GuidingPrinciple,
    GuidingQuestion,
    Headquarters,
    KnownMeeting,
    Language,
    MeetingFormat,
    Membership,
    Objective,
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
    clusters,
    commissions,
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

__all__ = [
    "Cluster",
    "Commission",
    "Country",
    "GcmError",
    "GuidingPrinciple",
    "GuidingQuestion",
    "Headquarters",
    "IdentifierKind",
    "InvalidCodeError",
    "KnownMeeting",
    "Language",
    "MeetingFormat",
    "Membership",
    "MembershipKind",
    "Objective",
    "PartialDate",
    "Provenance",
    "Region",
    "Registry",
    "ReportSectionKind",
    "ReviewKind",
    "ReviewRound",
    "Source",
    "StakeholderCategory",
    "Status",
    "UnknownCodeError",
    "__version__",
    "clusters",
    "commissions",
    "countries",
    "data_version",
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


def __getattr__(name: str) -> Any:
    """Resolve ``__version__`` lazily from the installed package metadata."""
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - only when asked

        return version("gcm-model")
    raise AttributeError(f"module 'gcm_model' has no attribute {name!r}")
