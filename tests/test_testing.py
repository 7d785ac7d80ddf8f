"""Tests of gcm_model.testing: the public Hypothesis strategies and their registration."""

from __future__ import annotations

import copy
import datetime as dt
import importlib.metadata
import inspect
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from dateutil import tz
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

import gcm_model
from gcm_model import testing
from gcm_model.errors import GcmError, InvalidCodeError, UnknownCodeError
from gcm_model.models.checks import ID_PATTERN
from gcm_model.models.dataset import COLLECTIONS, Dataset
from gcm_model.models.kinds import Many, Ref, kind_of
from gcm_model.models.process import (
    SEGMENT_TYPES,
    IntergovernmentalConference,
    ParticipantKind,
    Sector,
    ThematicSession,
)
from gcm_model.models.reports import ITEM_TYPES
from gcm_model.types import ReviewKind

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from hypothesis.strategies import SearchStrategy


REGISTERED: dict[type[Any], Callable[[], SearchStrategy[Any]]] = {
    gcm_model.Venue: testing.venues,
    gcm_model.Contact: testing.contacts,
    gcm_model.DocumentRef: testing.document_refs,
    gcm_model.Window: testing.windows,
    gcm_model.BackToBackEvent: testing.back_to_back_events,
    gcm_model.Hearing: testing.hearings,
    IntergovernmentalConference: testing.intergovernmental_conferences,
    gcm_model.OpeningSegment: testing.opening_segments,
    gcm_model.ThematicSession: testing.thematic_sessions,
    gcm_model.HighLevelPanel: testing.high_level_panels,
    gcm_model.ClosingSegment: testing.closing_segments,
    gcm_model.SideEvent: testing.side_events,
    gcm_model.RegionalReview: testing.regional_reviews,
    gcm_model.Meeting: testing.meetings,
    gcm_model.PreparatoryEvent: testing.preparatory_events,
    gcm_model.Participant: testing.participants,
    gcm_model.WrittenSubmission: testing.written_submissions,
    gcm_model.Pledge: testing.pledges,
    gcm_model.KeyFinding: testing.key_findings,
    gcm_model.GoodPractice: testing.good_practices,
    gcm_model.Recommendation: testing.recommendations,
    gcm_model.ReportSection: testing.report_sections,
    gcm_model.Report: testing.reports,
    gcm_model.RecommendedAction: testing.recommended_actions,
    gcm_model.Plenary: testing.plenaries,
    gcm_model.ProgressDeclaration: testing.progress_declarations,
    gcm_model.ReviewForum: testing.review_forums,
    gcm_model.SecretaryGeneralReport: testing.secretary_general_reports,
    gcm_model.Call: testing.calls,
    gcm_model.LinkedReport: testing.linked_reports,
    gcm_model.NationalReview: testing.national_reviews,
    gcm_model.Fund: testing.funds,
    gcm_model.Dataset: testing.datasets,
}
"""Every public model class and the strategy ``st.from_type`` should resolve it to."""

DATASET_EXAMPLES = 40
"""Datasets are the slowest to draw; a few dozen examples cover their structure."""


def day_of(moment: object) -> dt.date:
    """The calendar day of a date, or of a datetime in its own zone."""
    assert isinstance(moment, dt.date)
    return moment.date() if isinstance(moment, dt.datetime) else moment


def commission_members(code: str, day: dt.date) -> tuple[str, ...]:
    """The full members of a commission on a day."""
    return gcm_model.commissions.lookup(code).members(day)


def simplest(strategy: SearchStrategy[Any]) -> Any:
    """The first example Hypothesis tries: the simplest, which failures shrink towards."""
    found: list[Any] = []

    @settings(max_examples=1, database=None, phases=[Phase.generate])
    @given(strategy)
    def record(value: Any) -> None:
        found.append(value)

    record()
    return found[0]


def nested(obj: Any) -> Iterator[Any]:
    """The object and every model object inside it, depth first."""
    if attrs.has(type(obj)):
        yield obj
        for field in attrs.fields(type(obj)):
            yield from nested(getattr(obj, field.name))
    elif isinstance(obj, tuple):
        for item in obj:
            yield from nested(item)


# -- every example is valid ----------------------------------------------------------------


def check_valid(value: object) -> None:
    """No problems, however deep; printable texts; and the object behaves as a value."""
    for obj in nested(value):
        assert list(obj.problems()) == [], obj
        for field in attrs.fields(type(obj)):
            texts = getattr(obj, field.name)
            for text in texts if isinstance(texts, tuple) else (texts,):
                if isinstance(text, str):
                    assert text.isprintable(), text
                    assert text.strip(), text
    twin = value.evolve()  # type: ignore[attr-defined]
    assert twin is not value
    assert twin == value
    assert hash(twin) == hash(value)
    assert copy.copy(value) == value


@given(testing.venues(), testing.contacts(), testing.document_refs(), testing.windows())
def test_value_classes(venue: Any, contact: Any, document: Any, window: Any) -> None:
    """Venues, contacts, document references and windows are valid values."""
    for value in (venue, contact, document, window):
        check_valid(value)
    assert "@" in contact.email


SEGMENT_STRATEGIES: dict[type[Any], Callable[[], SearchStrategy[Any]]] = {
    gcm_model.Hearing: testing.hearings,
    IntergovernmentalConference: testing.intergovernmental_conferences,
    gcm_model.OpeningSegment: testing.opening_segments,
    gcm_model.HighLevelPanel: testing.high_level_panels,
    gcm_model.ClosingSegment: testing.closing_segments,
    gcm_model.SideEvent: testing.side_events,
}


@given(st.tuples(*(strategy() for strategy in SEGMENT_STRATEGIES.values())), testing.segments())
def test_segments(drawn: tuple[Any, ...], segment: Any) -> None:
    """Each segment strategy draws valid segments of its class; ``segments()`` any of them."""
    assert [type(s) for s in drawn] == list(SEGMENT_STRATEGIES)
    assert type(segment) in SEGMENT_TYPES.values()
    for value in (*drawn, segment):
        check_valid(value)


@given(st.data())
def test_thematic_sessions(data: st.DataObject) -> None:
    """On a cluster (a subset of its objectives), on objectives alone, or on priority areas."""
    cluster = data.draw(st.none() | testing.cluster_numbers(), label="cluster")
    session = data.draw(testing.thematic_sessions(cluster=cluster), label="session")
    check_valid(session)
    assert cluster in {None, session.cluster}
    assert list(session.objectives) == sorted(session.objectives)
    if session.cluster is not None:
        own = gcm_model.clusters.lookup(session.cluster).objectives
        assert session.objectives
        assert set(session.objectives) <= set(own)
        assert session.priority_areas == ()
    elif session.priority_areas:
        assert 1 <= len(session.priority_areas) <= 3
    else:
        assert 1 <= len(session.objectives) <= 5


@pytest.mark.parametrize(
    ("basis", "holds"),
    [
        ("a cluster", lambda s: s.cluster is not None),
        ("objectives alone", lambda s: s.cluster is None and not s.priority_areas),
        ("priority areas", lambda s: s.cluster is None and s.priority_areas),
    ],
)
def test_thematic_sessions_are_drawn_on_each_basis(
    basis: str, holds: Callable[[ThematicSession], bool]
) -> None:
    """Left free, the strategy draws sessions on a cluster, on objectives and on priority areas."""
    found = find(testing.thematic_sessions(), holds, settings=settings(database=None))
    assert holds(found), basis


@given(
    st.tuples(testing.key_findings(), testing.good_practices(), testing.recommendations()),
    testing.content_items(),
    testing.report_sections(),
)
def test_report_contents(items: tuple[Any, ...], item: Any, section: Any) -> None:
    """Items and sections are valid; a custom section has a title."""
    assert [type(i) for i in items] == [
        gcm_model.KeyFinding,
        gcm_model.GoodPractice,
        gcm_model.Recommendation,
    ]
    assert type(item) in ITEM_TYPES.values()
    assert section.kind is not None or section.title is not None
    for value in (*items, item, section):
        check_valid(value)


def check_review(data: st.DataObject) -> None:
    """Reviews of the commission and regional round asked for."""
    commission = data.draw(st.none() | testing.commission_codes(), label="commission")
    round_code = data.draw(st.none() | testing.round_codes("regional"), label="round")
    review = data.draw(testing.regional_reviews(commission, round_code), label="review")
    check_valid(review)
    assert commission is None or review.commissions == (commission,)
    assert round_code in {None, review.round}
    assert gcm_model.rounds.lookup(review.round).kind is ReviewKind.REGIONAL


def check_meeting(data: st.DataObject) -> None:
    """Meetings of the commission and round asked for, with an agenda inside their days."""
    commission = data.draw(st.none() | testing.commission_codes(), label="commission")
    round_code = data.draw(st.none() | testing.round_codes(), label="round")
    meeting = data.draw(testing.meetings(commission, round_code), label="meeting")
    check_valid(meeting)
    assert commission is None or commission in meeting.commissions
    assert round_code in {None, meeting.round}
    if meeting.kind is gcm_model.MeetingKind.IMRF:
        assert meeting.commissions == ()
    if meeting.start is None:  # known by its planned date alone
        assert meeting.planned is not None
        assert meeting.end is None
        assert all(s.start is None and s.end is None for s in meeting.agenda)
        return
    first, last = day_of(meeting.start), day_of(meeting.end)
    if meeting.round is not None:
        years = gcm_model.rounds.lookup(meeting.round).held
        assert years is not None
        assert years[0] <= first.year <= years[1]
    for segment in meeting.agenda:
        for moment in (segment.start, segment.end):
            if moment is not None:
                assert first <= day_of(moment) <= last
    if meeting.commissions:
        members = {m for c in meeting.commissions for m in commission_members(c, first)}
        assert set(meeting.co_chairs) <= members


def check_participant(data: st.DataObject) -> None:
    """Categories for stakeholders only; gender and organisation for people only."""
    participant = data.draw(testing.participants(), label="participant")
    check_valid(participant)
    if participant.category is not None:
        assert participant.sector in {None, Sector.STAKEHOLDER}
    if participant.kind is ParticipantKind.ORGANISATION:
        assert participant.gender is None
        assert participant.organisation is None
    assert participant.organisation != participant.id


def check_authored(strategy: Callable[[], SearchStrategy[Any]]) -> Callable[[st.DataObject], None]:
    """Submissions and pledges: a Member State or an author, never both or neither."""

    def check(data: st.DataObject) -> None:
        record = data.draw(strategy(), label="record")
        check_valid(record)
        assert (record.member_state is None) != (record.author is None)
        if record.member_state is not None:
            assert record.member_state in gcm_model.countries

    return check


def check_plain(strategy: Callable[[], SearchStrategy[Any]]) -> Callable[[st.DataObject], None]:
    """Records with no argument and no rule beyond validity."""

    def check(data: st.DataObject) -> None:
        check_valid(data.draw(strategy(), label="record"))

    return check


def check_forum(data: st.DataObject) -> None:
    """Forums of an IMRF round, dated in its year, standing for a known meeting of it."""
    forum = data.draw(testing.review_forums(), label="forum")
    check_valid(forum)
    review_round = gcm_model.rounds.lookup(forum.round)
    assert review_round.kind is ReviewKind.IMRF
    if forum.start is not None:
        assert day_of(forum.start).year == review_round.year
    if forum.known_meeting is not None:
        assert gcm_model.known_meetings.lookup(forum.known_meeting).round == forum.round


def check_call(data: st.DataObject) -> None:
    """Only a call for expressions of interest offers parts."""
    call = data.draw(testing.calls(), label="call")
    check_valid(call)
    if call.kind is not gcm_model.CallKind.EXPRESSIONS_OF_INTEREST:
        assert call.roles == ()


def check_national_review(data: st.DataObject) -> None:
    """A national review is never its own plan."""
    review = data.draw(testing.national_reviews(), label="national review")
    check_valid(review)
    assert review.plan != review.id


RECORD_CHECKS: dict[str, Callable[[st.DataObject], None]] = {
    "regional_reviews": check_review,
    "meetings": check_meeting,
    "preparatory_events": check_plain(testing.preparatory_events),
    "participants": check_participant,
    "written_submissions": check_authored(testing.written_submissions),
    "pledges": check_authored(testing.pledges),
    "reports": check_plain(testing.reports),
    "review_forums": check_forum,
    "secretary_general_reports": check_plain(testing.secretary_general_reports),
    "calls": check_call,
    "national_reviews": check_national_review,
    "funds": check_plain(testing.funds),
    "progress_declarations": check_plain(testing.progress_declarations),
    "linked_reports": check_plain(testing.linked_reports),
}


@pytest.mark.parametrize("name", sorted(RECORD_CHECKS))
@given(data=st.data())
def test_records(name: str, data: st.DataObject) -> None:
    """Each record strategy draws valid records that keep its promises."""
    RECORD_CHECKS[name](data)


# -- reference codes -----------------------------------------------------------------------


@given(st.data())
def test_codes_are_canonical_and_known(data: st.DataObject) -> None:
    """Every code strategy draws canonical codes that its registry knows."""
    pairs: list[tuple[SearchStrategy[Any], Any]] = [
        (testing.objective_numbers(), gcm_model.objectives),
        (testing.cluster_numbers(), gcm_model.clusters),
        (testing.commission_codes(), gcm_model.commissions),
        (testing.country_codes(), gcm_model.countries),
        (testing.stakeholder_codes(), gcm_model.stakeholders),
        (testing.principle_letters(), gcm_model.principles),
        (testing.language_codes(), gcm_model.languages),
        (testing.meeting_format_codes(), gcm_model.meeting_formats),
        (testing.round_codes(), gcm_model.rounds),
    ]
    for strategy, registry in pairs:
        code = data.draw(strategy)
        assert registry.validate(code) == code


@given(testing.country_codes(commission="ECE"))
def test_country_codes_of_a_commission_are_its_members(code: str) -> None:
    """``country_codes(commission="ECE")`` draws full members of ECE."""
    assert code in gcm_model.commissions.lookup("ECE").members()


@given(testing.country_codes(commission="escwa", as_of=dt.date(2021, 1, 1)))
def test_country_codes_as_of_a_day(code: str) -> None:
    """Members on a day: an alias works, and later members are left out."""
    assert code in gcm_model.commissions.lookup("ESCWA").members(dt.date(2021, 1, 1))


@pytest.mark.parametrize("kind", [ReviewKind.REGIONAL, "imrf"])
@given(data=st.data())
def test_round_codes_of_a_kind(kind: ReviewKind | str, data: st.DataObject) -> None:
    """``round_codes(kind)`` draws rounds of that kind only."""
    code = data.draw(testing.round_codes(kind))
    assert gcm_model.rounds.lookup(code).kind is ReviewKind(kind)


@given(testing.record_ids(), testing.record_ids(max_size=3))
def test_record_ids_match_the_pattern(long: str, short: str) -> None:
    """Ids match ``ID_PATTERN`` and respect ``max_size``."""
    assert ID_PATTERN.fullmatch(long)
    assert ID_PATTERN.fullmatch(short)
    assert len(long) <= 16
    assert len(short) <= 3


@given(testing.moments(min_value=dt.date(2024, 3, 1), max_value=dt.date(2024, 4, 30)))
def test_moments_are_days_or_unambiguous_instants(moment: dt.date) -> None:
    """Days in range, or aware datetimes that exist once in their zone (DST in range)."""
    day = moment.date() if isinstance(moment, dt.datetime) else moment
    assert dt.date(2024, 3, 1) <= day <= dt.date(2024, 4, 30)
    if isinstance(moment, dt.datetime):
        assert moment.utcoffset() is not None
        assert tz.datetime_exists(moment)
        assert not tz.datetime_ambiguous(moment)


@given(testing.moments(times=False))
def test_moments_without_times(moment: dt.date) -> None:
    """``times=False`` draws dates only."""
    assert not isinstance(moment, dt.datetime)


# -- datasets ------------------------------------------------------------------------------

REFERENCES: dict[tuple[str, str], str] = {
    ("Meeting", "review"): "reviews",
    ("Meeting", "rapporteur"): "participants",
    ("Meeting", "organisers"): "participants",
    ("PreparatoryEvent", "review"): "reviews",
    ("PreparatoryEvent", "meeting"): "meetings",
    ("PreparatoryEvent", "organisers"): "participants",
    ("PreparatoryEvent", "feeds"): "meetings+events",
    ("Participant", "organisation"): "organisations",
    ("Participant", "events"): "meetings+events",
    ("WrittenSubmission", "review"): "reviews",
    ("WrittenSubmission", "meeting"): "meetings",
    ("WrittenSubmission", "author"): "participants",
    ("Report", "review"): "reviews",
    ("Report", "meetings"): "meetings",
    ("Report", "events"): "events",
    ("Report", "informs"): "meetings+events",
    ("Report", "authors"): "participants",
    ("Pledge", "review"): "reviews",
    ("Pledge", "meeting"): "meetings",
    ("Pledge", "author"): "participants",
    ("ReviewForum", "meetings"): "meetings",
    ("ReviewForum", "reviews"): "reviews",
    ("Plenary", "considers"): "reports+reviews",
    ("SecretaryGeneralReport", "forum"): "forums",
    ("SecretaryGeneralReport", "inputs"): "reports+reviews",
    ("Call", "review"): "reviews",
    ("Call", "meeting"): "meetings",
    ("Call", "fund"): "funds",
    ("NationalReview", "review"): "reviews",
    ("NationalReview", "meeting"): "meetings",
    ("NationalReview", "forum"): "forums",
    ("NationalReview", "plan"): "plans",
    ("Fund", "reviews"): "reviews",
}
"""What each reference of a record names; agenda segments name participants."""


def dangling(dataset: Dataset) -> list[str]:
    """Every reference of the dataset that names no record of the right collection.

    Every field declared as a ``ref`` or ``refs`` is checked, so a reference
    field added to a model is checked too (against every id, when it is not
    in ``REFERENCES``).
    """
    ids = {name: {r.id for r in getattr(dataset, name)} for name in COLLECTIONS}
    ids["organisations"] = {
        p.id for p in dataset.participants if p.kind is ParticipantKind.ORGANISATION
    }
    ids["meetings+events"] = ids["meetings"] | ids["events"]
    ids["reports+reviews"] = ids["reports"] | ids["reviews"]
    ids["plans"] = {
        n.id
        for n in dataset.national_reviews
        if n.kind is gcm_model.NationalReviewKind.IMPLEMENTATION_PLAN
    }
    every_id = set().union(*(ids[name] for name in COLLECTIONS))
    found = []
    for obj in nested(dataset):
        owner = type(obj).__name__
        for field in attrs.fields(type(obj)):
            kind = kind_of(field)
            if not isinstance(kind.item if isinstance(kind, Many) else kind, Ref):
                continue
            value = getattr(obj, field.name)
            targets = ids.get(REFERENCES.get((owner, field.name), ""), every_id)
            if type(obj) in SEGMENT_TYPES.values():
                targets = ids["participants"]
            found += [
                f"{owner}.{field.name} -> {ref}"
                for ref in (value if isinstance(value, tuple) else (value,))
                if ref is not None and ref not in targets
            ]
    return found


@settings(max_examples=DATASET_EXAMPLES)
@given(testing.datasets())
def test_datasets_have_unique_ids_and_resolving_references(dataset: Dataset) -> None:
    """Ids are unique in each collection (and across them) and every reference resolves."""
    for name in COLLECTIONS:
        ids = [r.id for r in getattr(dataset, name)]
        assert len(ids) == len(set(ids)), name
    every = [getattr(r, "id", None) for _, r in dataset.records()]
    assert len(every) == len(set(every))
    assert dangling(dataset) == []
    order = {event.id: index for index, event in enumerate(dataset.events)}
    for index, event in enumerate(dataset.events):
        assert all(order.get(fed, -1) < index for fed in event.feeds)  # no cycle
    people = {p.id: p for p in dataset.participants}
    for submission in dataset.submissions:
        if submission.author is not None:
            assert submission.category == people[submission.author].category
    check_valid(dataset)


@settings(max_examples=DATASET_EXAMPLES)
@given(testing.datasets(commission="ESCAP", round="regional-2024", max_records=2))
def test_datasets_of_a_commission_and_round(dataset: Dataset) -> None:
    """Reviews and meetings belong to the commission and round; meetings agree with reviews."""
    reviews = {r.id: r for r in dataset.reviews}
    for review in dataset.reviews:
        assert review.commissions == ("ESCAP",)
        assert review.round == "regional-2024"
    for meeting in dataset.meetings:
        assert "ESCAP" in meeting.commissions
        assert meeting.round == "regional-2024"
        if meeting.review is not None:
            review = reviews[meeting.review]
            assert (meeting.round, meeting.commissions) == (review.round, review.commissions)
    for name in COLLECTIONS:
        assert len(getattr(dataset, name)) <= 2
    known = [m.known_meeting for m in dataset.meetings if m.known_meeting is not None]
    assert len(known) == len(set(known))


# -- registration with Hypothesis ----------------------------------------------------------


@pytest.mark.parametrize("cls", list(REGISTERED), ids=lambda cls: cls.__name__)
def test_from_type_is_our_strategy(cls: type[Any]) -> None:
    """``st.from_type(cls)`` resolves to this module's strategy for the class."""
    value = simplest(st.from_type(cls))
    assert isinstance(value, cls)
    assert value == simplest(REGISTERED[cls]())


def test_the_entry_point_is_installed() -> None:
    """The package declares the hook Hypothesis runs on import."""
    hooks = importlib.metadata.entry_points(group="hypothesis")
    assert "gcm_model.testing:_hypothesis_setup_hook" in [hook.value for hook in hooks]


IMPORT_ORDER_SCRIPT = """
import sys
import gcm_model
assert "gcm_model.testing" not in sys.modules and "hypothesis" not in sys.modules
import gcm_model.testing
from hypothesis import given, settings, strategies as st

@settings(max_examples=3, database=None)
@given(st.from_type(gcm_model.Meeting))
def check(meeting):
    assert isinstance(meeting, gcm_model.Meeting)

check()
"""


def test_imports_in_a_fresh_process() -> None:
    """``import gcm_model`` imports neither Hypothesis nor this module; importing it first works.

    Importing ``gcm_model.testing`` before Hypothesis makes Hypothesis run the
    entry point on the half-imported module; the types are still registered.
    """
    subprocess.run([sys.executable, "-W", "error", "-c", IMPORT_ORDER_SCRIPT], check=True)


LIGHT_START_SCRIPT = """
import sys
import hypothesis
from gcm_model import testing
later = ["gcm_model.conformance", "gcm_model.schema", "gcm_model.testing._invalid_datasets"]
assert not [name for name in later if name in sys.modules], sys.modules.keys() & set(later)
assert "invalid_datasets" in dir(testing)
from gcm_model.testing import invalid_datasets
assert invalid_datasets.__name__ == "invalid_datasets"
assert all(name in sys.modules for name in later)
"""


def test_invalid_datasets_is_imported_on_first_use() -> None:
    """The hook Hypothesis runs at start-up leaves the modules of ``invalid_datasets`` out.

    They import the conformance profiles and the JSON Schema; the first use
    of ``testing.invalid_datasets`` imports them.
    """
    subprocess.run([sys.executable, "-W", "error", "-c", LIGHT_START_SCRIPT], check=True)


# -- arguments are checked when a strategy is made -----------------------------------------

BAD_CALLS: list[tuple[str, Callable[[], object], type[Exception]]] = [
    ("unknown commission", lambda: testing.country_codes("XYZ"), UnknownCodeError),
    ("as_of alone", lambda: testing.country_codes(as_of=dt.date(2020, 1, 1)), InvalidCodeError),
    ("as_of text", lambda: testing.country_codes("ECE", "2020-01-01"), InvalidCodeError),  # type: ignore[arg-type]
    (
        "as_of datetime",
        lambda: testing.country_codes("ECE", dt.datetime.now(dt.UTC)),
        InvalidCodeError,
    ),
    ("round kind", lambda: testing.round_codes("annual"), InvalidCodeError),
    ("cluster 5", lambda: testing.thematic_sessions(5), UnknownCodeError),
    ("cluster float", lambda: testing.thematic_sessions(1.5), InvalidCodeError),  # type: ignore[arg-type]
    ("review in IMRF", lambda: testing.regional_reviews(round="imrf-2022"), InvalidCodeError),
    ("unknown round", lambda: testing.meetings(round="regional-1999"), UnknownCodeError),
    ("round type", lambda: testing.meetings(round=2024), InvalidCodeError),  # type: ignore[arg-type]
    ("meeting commission", lambda: testing.meetings(commission="Mars"), UnknownCodeError),
    ("dataset round", lambda: testing.datasets(round="imrf-2026"), InvalidCodeError),
    ("negative max", lambda: testing.datasets(max_records=-1), InvalidCodeError),
    ("bool max", lambda: testing.datasets(max_records=True), InvalidCodeError),
    ("text max", lambda: testing.datasets(max_records="3"), InvalidCodeError),  # type: ignore[arg-type]
    ("huge max", lambda: testing.datasets(max_records=51), InvalidCodeError),
    (
        "reversed bounds",
        lambda: testing.moments(min_value=dt.date(2025, 1, 1), max_value=dt.date(2024, 1, 1)),
        InvalidCodeError,
    ),
    (
        "datetime bound",
        lambda: testing.moments(min_value=dt.datetime.now(dt.UTC)),
        InvalidCodeError,
    ),
    ("empty ids", lambda: testing.record_ids(max_size=0), InvalidCodeError),
    ("long ids", lambda: testing.record_ids(max_size=129), InvalidCodeError),
]


@pytest.mark.parametrize(
    ("call", "error"), [c[1:] for c in BAD_CALLS], ids=[c[0] for c in BAD_CALLS]
)
def test_bad_arguments_raise_at_the_call(
    call: Callable[[], object], error: type[Exception]
) -> None:
    """A bad argument raises a ``GcmError`` when the strategy is made, before any draw."""
    with pytest.raises(error) as caught:
        call()
    assert isinstance(caught.value, GcmError)
    assert isinstance(caught.value, ValueError | LookupError)


def test_aliases_are_accepted() -> None:
    """Commission aliases and cluster titles are accepted and canonicalised."""
    assert simplest(testing.regional_reviews(commission="unece")).commissions == ("ECE",)
    title = gcm_model.clusters.lookup(3).title
    assert simplest(testing.thematic_sessions(cluster=title)).cluster == 3


# -- shrinking and the public surface ------------------------------------------------------

SIMPLEST: list[tuple[str, Callable[[], SearchStrategy[Any]], object]] = [
    ("objective_numbers", testing.objective_numbers, 1),
    ("cluster_numbers", testing.cluster_numbers, 1),
    ("commission_codes", testing.commission_codes, "ECE"),
    ("country_codes", testing.country_codes, "ABW"),
    ("stakeholder_codes", testing.stakeholder_codes, "migrants"),
    ("principle_letters", testing.principle_letters, "a"),
    ("language_codes", testing.language_codes, "ar"),
    ("meeting_format_codes", testing.meeting_format_codes, "in_person"),
    ("round_codes", testing.round_codes, "regional-2020"),
    ("moments", testing.moments, dt.date(2019, 1, 1)),
    ("record_ids", testing.record_ids, "0"),
    ("venues", testing.venues, gcm_model.Venue()),
    ("contacts", testing.contacts, gcm_model.Contact(role="0", email="a@un.org")),
    ("document_refs", testing.document_refs, gcm_model.DocumentRef(title="0")),
    ("windows", testing.windows, gcm_model.Window()),
    ("back_to_back_events", testing.back_to_back_events, gcm_model.BackToBackEvent(title="0")),
    ("hearings", testing.hearings, gcm_model.Hearing()),
    ("segments", testing.segments, IntergovernmentalConference()),
    ("thematic_sessions", testing.thematic_sessions, ThematicSession(cluster=1, objectives=(2,))),
    (
        "participants",
        testing.participants,
        gcm_model.Participant(id="0", kind=ParticipantKind.PERSON),
    ),
    ("content_items", testing.content_items, gcm_model.KeyFinding(text="0")),
    ("report_sections", testing.report_sections, gcm_model.ReportSection(kind="introduction")),
    (
        "reports",
        testing.reports,
        gcm_model.Report(id="0", kind=gcm_model.ReportKind.OUTCOME_REPORT),
    ),
    ("review_forums", testing.review_forums, gcm_model.ReviewForum(id="0", round="imrf-2022")),
    (
        "secretary_general_reports",
        testing.secretary_general_reports,
        gcm_model.SecretaryGeneralReport(id="0"),
    ),
    ("calls", testing.calls, gcm_model.Call(id="0", kind=gcm_model.CallKind.INPUTS)),
    (
        "national_reviews",
        testing.national_reviews,
        gcm_model.NationalReview(
            id="0", kind=gcm_model.NationalReviewKind.VOLUNTARY_REVIEW, country="ABW"
        ),
    ),
    ("funds", testing.funds, gcm_model.Fund(id="0", name="0")),
    ("plenaries", testing.plenaries, gcm_model.Plenary()),
    ("recommended_actions", testing.recommended_actions, gcm_model.RecommendedAction(text="0")),
    (
        "progress_declarations",
        testing.progress_declarations,
        gcm_model.ProgressDeclaration(title="0"),
    ),
    (
        "linked_reports",
        testing.linked_reports,
        gcm_model.LinkedReport(mechanism=gcm_model.ReportingMechanism.VOLUNTARY_NATIONAL_REVIEW),
    ),
    ("datasets", testing.datasets, Dataset()),
]


@pytest.mark.parametrize(
    ("make", "expected"), [s[1:] for s in SIMPLEST], ids=[s[0] for s in SIMPLEST]
)
def test_what_strategies_shrink_towards(
    make: Callable[[], SearchStrategy[Any]], expected: object
) -> None:
    """The simplest example of each strategy is the one its docstring names."""
    assert simplest(make()) == expected


def test_simplest_records() -> None:
    """Records shrink to id ``"0"``, the first regional round and a known meeting."""
    review = simplest(testing.regional_reviews())
    assert (review.id, review.round, review.commissions) == ("0", "regional-2020", ("ECE",))
    meeting = simplest(testing.meetings())
    assert (meeting.id, meeting.title, meeting.known_meeting) == ("0", "0", "ece-2020")
    assert (meeting.start, meeting.end) == (dt.date(2020, 11, 12), dt.date(2020, 11, 13))
    submission = simplest(testing.written_submissions())
    assert (submission.member_state, submission.text) == ("AFG", "0")


def test_public_surface() -> None:
    """``__all__`` is sorted, and every strategy is documented with what it returns."""
    assert testing.__all__ == sorted(testing.__all__)
    for name in testing.__all__:
        function = getattr(testing, name)
        doc = inspect.getdoc(function) or ""
        assert "Returns:" in doc, name
        assert "shrinks towards" in " ".join(doc.split()), name
        assert "SearchStrategy" in str(inspect.signature(function).return_annotation), name
