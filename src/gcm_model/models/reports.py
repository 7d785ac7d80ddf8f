"""The reports a review produces, with ordered sections and typed content items.

The UN Network's framework ("Regional Reviews 2024"): every meeting and
dialogue of the regional reviews results in a summary report shared with the
Coordinator of the Network, for the Secretary-General's report; the UNECE 2024
concept note: the outcome report goes to Member States no later than 30 days
after the meeting; the Network's GCM implementation guidance: a suggested
structure for regional review reports (``gcm_model.report_section_kinds``).

Examples:
    >>> from gcm_model.models.reports import Recommendation, ReportSection
    >>> section = ReportSection.of_kind(
    ...     "conclusions_recommendations",
    ...     items=[Recommendation(text="Expand regular pathways.", objectives=(5,))],
    ... )
    >>> section.title
    'Conclusions and Recommendations'
"""

from __future__ import annotations

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
    Flag,
    Id,
    Objective,
    Ref,
    Text,
    When,
    derive,
    field,
)
from gcm_model.models.process import Moment
from gcm_model.types import Status

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "ContentItem",
    "GoodPractice",
    "ITEM_TYPES",
    "KeyFinding",
    "Recipient",
    "Recommendation",
    "Report",
    "ReportKind",
    "ReportSection",
]


class Recipient(enum.Enum):
    """Whom a report goes to."""

    MEMBER_STATES = "member_states"
    """The Member States of the region, for their comments (UNECE 2024)."""
    NETWORK_COORDINATOR = "network_coordinator"
    """The Coordinator of the UN Network on Migration."""
    PRESIDENT_OF_THE_GENERAL_ASSEMBLY = "president_of_the_general_assembly"
    """The President of the General Assembly."""
    PROGRESS_DECLARATION_COFACILITATORS = "progress_declaration_cofacilitators"
    """The co-facilitators of the IMRF Progress Declaration."""
    SECRETARY_GENERAL = "secretary_general"
    """For the Secretary-General's report."""
    PUBLIC = "public"
    """Published, such as on the Network's website."""


class ReportKind(enum.Enum):
    """What a report is and whom it is for."""

    OUTCOME_REPORT = "outcome_report"
    """The outcome report to Member States (UNECE 2024: within 30 days)."""
    REGIONAL_SUMMARY = "regional_summary"
    """The summary report shared with the Coordinator of the Network."""
    SG_REPORT_INPUT = "sg_report_input"
    """An input to the Secretary-General's biennial report."""
    CONSULTATION_SUMMARY = "consultation_summary"
    """The rapporteur's summary of the stakeholder consultations."""
    CHAIRS_SUMMARY = "chairs_summary"
    """The co-chairs' summary of the meeting."""
    ANALYSIS_PAPER = "analysis_paper"
    """The analysis of a regional Discussion Space's submissions."""


@attrs.frozen(kw_only=True, field_transformer=derive)
class KeyFinding(Model):
    """A key finding of a report, citing the objectives and principles it concerns."""

    kind: ClassVar[str] = "key_finding"
    text: str = field(Text())
    objectives: tuple[int, ...] = field(Objective())
    principles: tuple[str, ...] = field(Code("principles"))
    """Guiding principle letters, ``a`` to ``j``."""
    countries: tuple[str, ...] = field(Code("countries"))


@attrs.frozen(kw_only=True, field_transformer=derive)
class GoodPractice(Model):
    """A good practice or lesson learned, selected from within the region."""

    kind: ClassVar[str] = "good_practice"
    text: str = field(Text())
    lesson_learned: bool = field(Flag(), default=False)
    """A lesson learned rather than a practice to follow."""
    objectives: tuple[int, ...] = field(Objective())
    principles: tuple[str, ...] = field(Code("principles"))
    countries: tuple[str, ...] = field(Code("countries"))


@attrs.frozen(kw_only=True, field_transformer=derive)
class Recommendation(Model):
    """A recommendation, for implementation or for future reviews."""

    kind: ClassVar[str] = "recommendation"
    text: str = field(Text())
    addressee: str | None = field(Text())
    """Whom it is addressed to, in words (Member States, the Network, ...)."""
    objectives: tuple[int, ...] = field(Objective())
    principles: tuple[str, ...] = field(Code("principles"))
    countries: tuple[str, ...] = field(Code("countries"))


ContentItem: TypeAlias = KeyFinding | GoodPractice | Recommendation
"""A typed item of a report section; the ``kind`` class attribute tells which."""

ITEM_TYPES: dict[str, type[ContentItem]] = {
    cls.kind: cls for cls in (KeyFinding, GoodPractice, Recommendation)
}
"""The content item classes by their ``kind`` tag."""


@attrs.frozen(kw_only=True, field_transformer=derive)
class ReportSection(Model):
    """A section of a report: one of the suggested kinds, or a custom one.

    Attributes:
        kind: a ``gcm_model.report_section_kinds`` code, or ``None`` for a
            custom section.
        title: the heading; required for a custom section.
        text: running text.
        items: typed findings, practices and recommendations.
    """

    kind: str | None = field(Code("report_section_kinds"))
    title: str | None = field(Text())
    text: str | None = field(Text())
    items: tuple[ContentItem, ...] = field(
        Child(lambda: tuple(ITEM_TYPES.values()), name="content item")
    )

    @classmethod
    def of_kind(cls, kind: str, **fields: Any) -> ReportSection:
        """A section of a suggested kind, titled as the kind unless told otherwise.

        Raises:
            UnknownCodeError: the kind is unknown (names and codes both work).
        """
        record = registry.report_section_kinds.lookup(kind)
        fields.setdefault("title", record.title)
        return cls(kind=record.code, **fields)

    def custom_problems(self) -> Iterator[Problem]:
        """A custom section without a title."""
        if self.kind is None and self.title is None:
            yield Problem("missing-field", "/title", "a custom section needs a title", None)


@attrs.frozen(kw_only=True, field_transformer=derive)
class Report(Model):
    """A report of a review: outcome report, regional summary, input to the SG report.

    Attributes:
        id: the record id.
        kind: what the report is and whom it is for.
        title: its title.
        review: the id of its review.
        meetings: ids of the meetings it reports on.
        events: ids of the preparatory events it reports on.
        issued: when it was issued or shared.
        due: when it is due (UNECE 2024: the outcome report within 30 days).
        recipients: whom it goes to.
        informs: ids of the meetings or events it was written to inform.
        language: ISO 639 code of its language.
        authors: participant ids of its authors.
        sections: the sections, in order.
        url: where it is published.
        status: how well the record's facts are sourced.
        notes: what else the sources say.
        sources: where the facts of this record come from.
    """

    id: str = field(Id())
    kind: ReportKind = field(Choice(ReportKind))
    title: str | None = field(Text())
    review: str | None = field(Ref("reviews"))
    meetings: tuple[str, ...] = field(Ref("meetings"))
    events: tuple[str, ...] = field(Ref("events"))
    issued: Moment | None = field(When())
    due: Moment | None = field(When())
    recipients: tuple[Recipient, ...] = field(Choice(Recipient))
    informs: tuple[str, ...] = field(Ref(("meetings", "events")))
    language: str | None = field(Code("languages"))
    authors: tuple[str, ...] = field(Ref("participants"))
    sections: tuple[ReportSection, ...] = field(Child(lambda: ReportSection))
    url: str | None = field(Text())
    status: Status | None = field(Choice(Status))
    notes: str | None = field(Text())
    sources: tuple[str, ...] = field(Text())

    _html_tables = (("Sections", "sections", ("kind", "title", "items")),)
