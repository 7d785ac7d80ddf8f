"""The follow-up around the regional reviews: the IMRF, the Secretary-General's reports, calls.

What the sources describe beyond a review's own meetings and reports, as
records that refer to each other by id and to the reference data by code:

* ``ReviewForum``: an International Migration Review Forum (A/RES/73/195
  para. 49; A/RES/73/326), with its ``ProgressDeclaration`` (A/RES/76/266
  for the first), the ``RecommendedAction`` items of the declaration, and the
  ``Plenary`` meetings of the General Assembly it requests, which consider
  the Secretary-General's report and the outcomes of the regional reviews
  (the UN Network on Migration's page "Regional Reviews 2024");
* ``SecretaryGeneralReport``: the Secretary-General's biennial reports on the
  implementation of the Compact (A/RES/73/195 para. 46), such as A/75/542;
* ``Call``: a public call for inputs, for expressions of interest (to
  co-chair, to provide a keynote speaker, to serve as rapporteur or
  moderator) or for funding, with the days it opens and closes, who may
  answer and where to send the answer (the UNECE 2024 concept note);
* ``NationalReview``: a voluntary national GCM review or a national
  implementation plan (A/RES/73/195 para. 53), feeding the regional review,
  with its ``LinkedReport`` items: Voluntary National and Local Reviews, the
  Universal Periodic Review and treaty-body reporting, as the UN Network's
  guidance "Establish review and reporting processes" sets them out;
* ``Fund``: a fund or a window of one that supports a review, such as the
  follow-up and review window of the Migration Multi-Partner Trust Fund.

What the sources do not say stays ``None`` or empty: no date, symbol or
amount is filled in that a source does not give.

Examples:
    >>> from gcm_model.models.followup import Call, CallKind
    >>> call = Call(
    ...     id="ece-2024-written-inputs",
    ...     kind="inputs",
    ...     review="ece-2024",
    ...     guiding_questions=["a", "b", "c", "d", "e"],
    ...     reply_to="GCMReviewsUNECE@iom.int",
    ... )
    >>> call.kind is CallKind.INPUTS, call.reply_to
    (True, 'GCMReviewsUNECE@iom.int')
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

from gcm_model.models._base import Model
from gcm_model.models.checks import Problem
from gcm_model.models.kinds import (
    Child,
    Choice,
    Code,
    Count,
    Email,
    Id,
    Objective,
    Ref,
    Text,
    When,
    derive,
    field,
)
from gcm_model.models.process import DocumentRef, Moment, Role, Sector, Venue
from gcm_model.types import Status

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "Call",
    "CallKind",
    "Fund",
    "LinkedReport",
    "NationalReview",
    "NationalReviewKind",
    "Plenary",
    "ProgressDeclaration",
    "RecommendedAction",
    "ReportingMechanism",
    "ReviewForum",
    "SecretaryGeneralReport",
]


class CallKind(enum.Enum):
    """What a public call asks for."""

    INPUTS = "inputs"
    """Written inputs, such as answers to the guiding questions (the UNECE 2024 concept note)."""
    EXPRESSIONS_OF_INTEREST = "expressions_of_interest"
    """Offers to take a part: co-chair, keynote speaker, rapporteur, moderator (the same)."""
    FUNDING = "funding"
    """Requests for funding, such as for travel (the UN Network's page "Regional Reviews 2024")."""


class NationalReviewKind(enum.Enum):
    """A national review of the Compact, or the plan that frames it (A/RES/73/195 para. 53)."""

    VOLUNTARY_REVIEW = "voluntary_review"
    """A voluntary national GCM review: a stocktaking of implementation at the national level."""
    IMPLEMENTATION_PLAN = "implementation_plan"
    """A national GCM implementation plan."""


class ReportingMechanism(enum.Enum):
    """A reporting mechanism of another international agreement that GCM reporting feeds.

    The four the UN Network's guidance "Establish review and reporting
    processes" lists.
    """

    VOLUNTARY_NATIONAL_REVIEW = "voluntary_national_review"
    """A Voluntary National Review of the 2030 Agenda, at the High-level Political Forum."""
    VOLUNTARY_LOCAL_REVIEW = "voluntary_local_review"
    """A Voluntary Local Review of the 2030 Agenda by a municipality."""
    UNIVERSAL_PERIODIC_REVIEW = "universal_periodic_review"
    """The Universal Periodic Review of the Human Rights Council."""
    TREATY_BODY = "treaty_body"
    """A State party's report to a human rights treaty body (such as CEDAW or CRC)."""


# -- the IMRF ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True, field_transformer=derive)
class RecommendedAction(Model):
    """An action a Progress Declaration recommends to accelerate implementation.

    Attributes:
        text: the action, in the declaration's words.
        paragraph: the paragraph that states it, such as ``para. 59``.
        objectives: the objectives it serves.

    Examples:
        >>> RecommendedAction(text="Strengthen regional cooperation.", objectives=[23])
        RecommendedAction(text='Strengthen regional cooperation.', paragraph=None, objectives=(23,))
    """

    text: str = field(Text())
    paragraph: str | None = field(Text())
    objectives: tuple[int, ...] = field(Objective())


@attrs.frozen(kw_only=True, field_transformer=derive)
class Plenary(Model):
    """A plenary meeting of the General Assembly on the Compact's review.

    The first Progress Declaration (A/RES/76/266) asks the President of the
    General Assembly to hold one in the second half of 2024, to consider the
    Secretary-General's next biennial report and the outcomes of the regional
    reviews, presented by the Coordinator of the UN Network on Migration.

    Attributes:
        title: its name.
        start: the day or instant it begins, where known.
        end: the day or instant it ends.
        planned: when it was to be held, verbatim, before it was dated.
        considers: ids of the Secretary-General's reports, the review reports
            and the regional reviews it considers.
        presented_by: who presents the outcomes, in the source's words.
        url: its page.
        notes: what else the sources say.

    Examples:
        >>> Plenary(planned="second half of 2024").planned
        'second half of 2024'
    """

    title: str | None = field(Text())
    start: Moment | None = field(When())
    end: Moment | None = field(When(after="start"))
    planned: str | None = field(Text())
    considers: tuple[str, ...] = field(Ref(("sg_reports", "reports", "reviews")))
    presented_by: str | None = field(Text())
    url: str | None = field(Text())
    notes: str | None = field(Text())


@attrs.frozen(kw_only=True, field_transformer=derive)
class ProgressDeclaration(Model):
    """The intergovernmentally agreed Progress Declaration that ends an IMRF (para. 49(e)).

    Attributes:
        title: its title.
        symbol: the UN document symbol of the resolution that adopts it.
        adopted: the day the General Assembly adopted it.
        recommended_actions: the actions it recommends.
        plenaries: the plenary meetings of the General Assembly it requests.
        url: where it is published.

    Examples:
        >>> import datetime
        >>> declaration = ProgressDeclaration(
        ...     title="Progress Declaration of the International Migration Review Forum",
        ...     symbol="A/RES/76/266",
        ...     adopted=datetime.date(2022, 6, 7),
        ... )
        >>> declaration.symbol
        'A/RES/76/266'
    """

    title: str = field(Text())
    symbol: str | None = field(Text())
    adopted: Moment | None = field(When())
    recommended_actions: tuple[RecommendedAction, ...] = field(Child(lambda: RecommendedAction))
    plenaries: tuple[Plenary, ...] = field(Child(lambda: Plenary))
    url: str | None = field(Text())


@attrs.frozen(kw_only=True, field_transformer=derive)
class ReviewForum(Model):
    """An International Migration Review Forum (IMRF): every four years from 2022.

    The global review of the Compact (A/RES/73/195 para. 49; its format in
    A/RES/73/326), informed by the regional reviews and by the
    Secretary-General's report; each edition ends with a Progress
    Declaration.

    Attributes:
        id: the record id.
        round: the IMRF round code, such as ``imrf-2022``.
        title: its name.
        start: the first day, or the opening instant with its offset.
        end: the last day, or the closing instant.
        planned: when it was to be held, verbatim, before it was dated
            (``2026``).
        known_meeting: the code of the matching reference record in
            ``gcm_model.known_meetings``.
        venue: where it is held.
        meetings: ids of the meetings of the forum the dataset holds (its
            hearing, round tables or plenary as ``Meeting`` records).
        reviews: ids of the regional reviews whose outcomes inform it.
        declaration: the Progress Declaration it ends with.
        documents: its resolutions, website and other documents.
        status: how well the record's facts are sourced.
        notes: what else the sources say.
        sources: where the facts of this record come from.

    Examples:
        >>> import datetime
        >>> forum = ReviewForum(
        ...     id="imrf-2022",
        ...     round="imrf-2022",
        ...     start=datetime.date(2022, 5, 17),
        ...     end=datetime.date(2022, 5, 20),
        ...     known_meeting="imrf-2022",
        ...     declaration={"title": "IMRF Progress Declaration", "symbol": "A/RES/76/266"},
        ... )
        >>> forum.declaration.symbol
        'A/RES/76/266'
    """

    id: str = field(Id())
    round: str = field(Code("rounds"))
    title: str | None = field(Text())
    start: Moment | None = field(When())
    end: Moment | None = field(When(after="start"))
    planned: str | None = field(Text())
    known_meeting: str | None = field(Code("known_meetings"))
    venue: Venue | None = field(Child(lambda: Venue))
    meetings: tuple[str, ...] = field(Ref("meetings"))
    reviews: tuple[str, ...] = field(Ref("reviews"))
    declaration: ProgressDeclaration | None = field(Child(lambda: ProgressDeclaration))
    documents: tuple[DocumentRef, ...] = field(Child(lambda: DocumentRef))
    status: Status | None = field(Choice(Status))
    notes: str | None = field(Text())
    sources: tuple[str, ...] = field(Text())


@attrs.frozen(kw_only=True, field_transformer=derive)
class SecretaryGeneralReport(Model):
    """A biennial report of the Secretary-General on the Compact (A/RES/73/195 para. 46).

    It reports, drawing on the UN Network on Migration, on implementation,
    on the activities of the UN system and on the institutional
    arrangements; before an IMRF it guides the forum's deliberations. The
    regional reviews' summary reports are shared with the Coordinator of the
    Network for incorporation into the next one.

    A record of its own rather than a kind of ``Report``: it is a General
    Assembly document known by its symbol, drawing on every region, while a
    ``Report`` is one review's output, with sections, authors and recipients,
    and the rules on review reports (deadline, structure) do not apply to it.

    Attributes:
        id: the record id.
        number: 1 for the first biennial report.
        symbol: its UN document symbol.
        title: its title.
        issued: when it was released.
        planned: when it was due, verbatim, before it was issued (``2024``).
        forum: the id of the IMRF whose deliberations it guides.
        inputs: ids of the review reports and regional reviews it draws on.
        url: where it is published.
        status: how well the record's facts are sourced.
        notes: what else the sources say.
        sources: where the facts of this record come from.

    Examples:
        >>> import datetime
        >>> SecretaryGeneralReport(
        ...     id="sg-2020", number=1, symbol="A/75/542", issued=datetime.date(2020, 12, 1)
        ... ).symbol
        'A/75/542'
    """

    id: str = field(Id())
    number: int | None = field(Count())
    symbol: str | None = field(Text())
    title: str | None = field(Text())
    issued: Moment | None = field(When())
    planned: str | None = field(Text())
    forum: str | None = field(Ref("forums"))
    inputs: tuple[str, ...] = field(Ref(("reports", "reviews")))
    url: str | None = field(Text())
    status: Status | None = field(Choice(Status))
    notes: str | None = field(Text())
    sources: tuple[str, ...] = field(Text())


# -- calls, national reviews, funds ---------------------------------------------------------


@attrs.frozen(kw_only=True, field_transformer=derive)
class Call(Model):
    """A public call: for inputs, for expressions of interest, or for funding.

    The UNECE 2024 concept note invites Member States to send written inputs
    on the guiding questions and to express interest in co-chairing or in
    providing a keynote speaker, and stakeholders to express interest in
    serving as rapporteur or moderator; the UN Network's guidance asks that
    calls for inputs give sufficient advance notice and be public.

    Attributes:
        id: the record id.
        kind: inputs, expressions of interest or funding.
        title: its title.
        review: the id of the review it is for.
        meeting: the id of the meeting it is for.
        fund: the id of the fund it is a call for.
        roles: for expressions of interest, the parts offered (a keynote
            speaker is ``speaker``).
        guiding_questions: for inputs, the letters of the questions asked.
        opens: when answers may first be sent.
        closes: the deadline for answers.
        sectors: who may answer: Member States, stakeholders, ...
        categories: the stakeholder categories that may answer, where the
            call names them.
        audience: who may answer, in the call's words.
        languages: the languages answers may be written in (ISO 639).
        reply_to: the address to send answers to.
        url: the call's page, or the form to answer with.
        documents: its terms and other documents.
        status: how well the record's facts are sourced.
        notes: what else the sources say.
        sources: where the facts of this record come from.

    Examples:
        >>> call = Call(
        ...     id="ece-2024-rapporteur",
        ...     kind="expressions_of_interest",
        ...     roles=["rapporteur", "moderator"],
        ...     sectors=["stakeholder"],
        ... )
        >>> [role.value for role in call.roles]
        ['rapporteur', 'moderator']
    """

    id: str = field(Id())
    kind: CallKind = field(Choice(CallKind))
    title: str | None = field(Text())
    review: str | None = field(Ref("reviews"))
    meeting: str | None = field(Ref("meetings"))
    fund: str | None = field(Ref("funds"))
    roles: tuple[Role, ...] = field(Choice(Role))
    guiding_questions: tuple[str, ...] = field(Code("guiding_questions"))
    opens: Moment | None = field(When())
    closes: Moment | None = field(When(after="opens"))
    sectors: tuple[Sector, ...] = field(Choice(Sector))
    categories: tuple[str, ...] = field(Code("stakeholders"))
    audience: str | None = field(Text())
    languages: tuple[str, ...] = field(Code("languages"))
    reply_to: str | None = field(Email())
    url: str | None = field(Text())
    documents: tuple[DocumentRef, ...] = field(Child(lambda: DocumentRef))
    status: Status | None = field(Choice(Status))
    notes: str | None = field(Text())
    sources: tuple[str, ...] = field(Text())

    def custom_problems(self) -> Iterator[Problem]:
        """Parts offered by a call that is not for expressions of interest.

        A call of unknown kind (a partial record whose ``kind`` is missing) may
        be one, so it is passed by: its missing kind is its only problem.
        """
        kind: CallKind | None = self.kind
        if self.roles and kind is not None and kind is not CallKind.EXPRESSIONS_OF_INTEREST:
            yield Problem(
                "invalid-value",
                "/roles",
                "only a call for expressions of interest offers parts",
                self.roles,
            )


@attrs.frozen(kw_only=True, field_transformer=derive)
class LinkedReport(Model):
    """A report to another reporting mechanism that a national review links to.

    The UN Network's guidance "Establish review and reporting processes" asks
    that GCM reporting feed the mechanisms tracking other agreements.

    Attributes:
        mechanism: a Voluntary National or Local Review, the Universal
            Periodic Review, or a treaty body's reporting.
        title: its title, or the municipality of a local review.
        body: the treaty body or forum it goes to (``CEDAW``, the
            High-level Political Forum).
        presented: when it was presented or submitted.
        url: where it is published.

    Examples:
        >>> LinkedReport(mechanism="universal_periodic_review").mechanism.value
        'universal_periodic_review'
    """

    mechanism: ReportingMechanism = field(Choice(ReportingMechanism))
    title: str | None = field(Text())
    body: str | None = field(Text())
    presented: Moment | None = field(When())
    url: str | None = field(Text())


@attrs.frozen(kw_only=True, field_transformer=derive)
class NationalReview(Model):
    """A voluntary national GCM review, or a national implementation plan.

    A/RES/73/195 para. 53 encourages regular and inclusive national reviews,
    such as through national implementation plans; the UN Network's guidance
    asks States to prepare voluntary reviews to inform the regional reviews,
    with contributions from all relevant stakeholders, parliaments and local
    authorities, and the Network's regional portals collate them.

    Attributes:
        id: the record id.
        kind: a voluntary review or an implementation plan.
        country: the State (ISO 3166-1 alpha-3).
        title: its title.
        issued: when it was adopted, published or submitted.
        review: the id of the regional review it feeds.
        meeting: the id of the meeting it is presented at.
        forum: the id of the IMRF it informs.
        plan: the id of the implementation plan a review is embedded in.
        objectives: the objectives it covers.
        contributors: the stakeholder categories that contributed to it
            (parliamentarians and local authorities among them).
        linked: its links to other reporting mechanisms.
        language: its language (ISO 639).
        url: where it is published, such as the region's portal.
        status: how well the record's facts are sourced.
        notes: what else the sources say.
        sources: where the facts of this record come from.

    Examples:
        >>> review = NationalReview(
        ...     id="pt-review",
        ...     kind="voluntary_review",
        ...     country="PRT",
        ...     language="pt",
        ...     linked=[{"mechanism": "voluntary_national_review"}],
        ... )
        >>> review.language, review.linked[0].mechanism.value
        ('pt', 'voluntary_national_review')
    """

    id: str = field(Id())
    kind: NationalReviewKind = field(Choice(NationalReviewKind))
    country: str = field(Code("countries"))
    title: str | None = field(Text())
    issued: Moment | None = field(When())
    review: str | None = field(Ref("reviews"))
    meeting: str | None = field(Ref("meetings"))
    forum: str | None = field(Ref("forums"))
    plan: str | None = field(Ref("national_reviews"))
    objectives: tuple[int, ...] = field(Objective())
    contributors: tuple[str, ...] = field(Code("stakeholders"))
    linked: tuple[LinkedReport, ...] = field(Child(lambda: LinkedReport))
    language: str | None = field(Code("languages"))
    url: str | None = field(Text())
    status: Status | None = field(Choice(Status))
    notes: str | None = field(Text())
    sources: tuple[str, ...] = field(Text())

    def custom_problems(self) -> Iterator[Problem]:
        """A review embedded in itself."""
        if self.plan is not None and self.plan == self.id:
            yield Problem("invalid-value", "/plan", "cannot be its own plan", self.plan)


@attrs.frozen(kw_only=True, field_transformer=derive)
class Fund(Model):
    """A fund, or a window of one, that supports a review.

    The UN Network's page "Regional Reviews 2024": a call for funding,
    principally for travel, under the follow-up and review funding window of
    the Migration Multi-Partner Trust Fund (M-MPTF), to support the
    participation of least developed countries and stakeholders.

    Attributes:
        id: the record id.
        name: the fund's name.
        aliases: other names and acronyms.
        window: the window of the fund that the support comes from.
        purpose: what it pays for, in the source's words.
        beneficiaries: whom it supports, in the source's words.
        sectors: whom it supports: Member States, stakeholders, ...
        reviews: ids of the reviews it supports.
        url: its website.
        documents: its terms and other documents.
        status: how well the record's facts are sourced.
        notes: what else the sources say.
        sources: where the facts of this record come from.

    Examples:
        >>> fund = Fund(
        ...     id="m-mptf",
        ...     name="Migration Multi-Partner Trust Fund",
        ...     aliases=["M-MPTF"],
        ...     window="follow-up and review funding window",
        ... )
        >>> fund.aliases
        ('M-MPTF',)
    """

    id: str = field(Id())
    name: str = field(Text())
    aliases: tuple[str, ...] = field(Text())
    window: str | None = field(Text())
    purpose: str | None = field(Text())
    beneficiaries: str | None = field(Text())
    sectors: tuple[Sector, ...] = field(Choice(Sector))
    reviews: tuple[str, ...] = field(Ref("reviews"))
    url: str | None = field(Text())
    documents: tuple[DocumentRef, ...] = field(Child(lambda: DocumentRef))
    status: Status | None = field(Choice(Status))
    notes: str | None = field(Text())
    sources: tuple[str, ...] = field(Text())
