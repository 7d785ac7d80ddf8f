"""The document a data team exchanges and validates: a ``Dataset`` of review records.

Records refer to each other by id (a meeting names its ``review``, a report
its ``meetings``, a call its ``review``); whether every reference resolves, and the other rules that
need the whole dataset, are for the validation engine. A dataset carries the
``schema_version`` of the format it follows.

Examples:
    >>> from gcm_model.models.dataset import Dataset, SCHEMA_VERSION
    >>> Dataset().schema_version == SCHEMA_VERSION
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from gcm_model.models._base import Model
from gcm_model.models.followup import (
    Call,
    Fund,
    NationalReview,
    ReviewForum,
    SecretaryGeneralReport,
)
from gcm_model.models.kinds import Child, Text, derive, field
from gcm_model.models.process import (
    Meeting,
    Participant,
    Pledge,
    PreparatoryEvent,
    RegionalReview,
    WrittenSubmission,
)
from gcm_model.models.reports import Report

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "COLLECTIONS",
    "Dataset",
    "SCHEMA_VERSION",
]

SCHEMA_VERSION = "1.0"
"""The version of the dataset format this release writes."""

COLLECTIONS: dict[str, type[Model]] = {
    "reviews": RegionalReview,
    "meetings": Meeting,
    "events": PreparatoryEvent,
    "participants": Participant,
    "submissions": WrittenSubmission,
    "reports": Report,
    "pledges": Pledge,
    "forums": ReviewForum,
    "sg_reports": SecretaryGeneralReport,
    "calls": Call,
    "national_reviews": NationalReview,
    "funds": Fund,
}
"""The collections of a dataset and the record class each holds."""


@attrs.frozen(kw_only=True, field_transformer=derive)
class Dataset(Model):
    """A set of review records and the version of the format they follow.

    Attributes:
        schema_version: the dataset format version.
        title: what the dataset holds.
        reviews: regional reviews.
        meetings: meetings with their agendas.
        events: preparatory and follow-up events.
        participants: people and organisations.
        submissions: written submissions.
        reports: reports.
        pledges: pledges.
        forums: International Migration Review Forums.
        sg_reports: the Secretary-General's biennial reports.
        calls: public calls for inputs, expressions of interest or funding.
        national_reviews: voluntary national GCM reviews and implementation plans.
        funds: funds that support the reviews.
        sources: where the records come from.
    """

    schema_version: str = field(Text(), default=SCHEMA_VERSION)
    title: str | None = field(Text())
    reviews: tuple[RegionalReview, ...] = field(Child(lambda: RegionalReview))
    meetings: tuple[Meeting, ...] = field(Child(lambda: Meeting))
    events: tuple[PreparatoryEvent, ...] = field(Child(lambda: PreparatoryEvent))
    participants: tuple[Participant, ...] = field(Child(lambda: Participant))
    submissions: tuple[WrittenSubmission, ...] = field(Child(lambda: WrittenSubmission))
    reports: tuple[Report, ...] = field(Child(lambda: Report))
    pledges: tuple[Pledge, ...] = field(Child(lambda: Pledge))
    forums: tuple[ReviewForum, ...] = field(Child(lambda: ReviewForum))
    sg_reports: tuple[SecretaryGeneralReport, ...] = field(Child(lambda: SecretaryGeneralReport))
    calls: tuple[Call, ...] = field(Child(lambda: Call))
    national_reviews: tuple[NationalReview, ...] = field(Child(lambda: NationalReview))
    funds: tuple[Fund, ...] = field(Child(lambda: Fund))
    sources: tuple[str, ...] = field(Text())

    _html_tables = (
        ("Meetings", "meetings", ("id", "title", "start", "end")),
        ("Reports", "reports", ("id", "kind", "issued")),
    )

    def records(self) -> Iterator[tuple[str, Model]]:
        """Every record with the name of its collection, in collection order."""
        for name in COLLECTIONS:
            for record in getattr(self, name):
                yield name, record
