"""Tests for the model classes: every invariant with a failing and a passing case."""

# The broken cases pass wrong types on purpose, to check the runtime checks.
# mypy: disable-error-code="arg-type"

from __future__ import annotations

import copy
import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gcm_model as g
from gcm_model import testing
from gcm_model.models._base import surely_valid
from gcm_model.models.checks import Problem, deferred_checks

if TYPE_CHECKING:
    from collections.abc import Callable

CET = dt.timezone(dt.timedelta(hours=1))
T0 = dt.datetime(2024, 3, 11, 8, 30, tzinfo=CET)
T1 = dt.datetime(2024, 3, 11, 10, 0, tzinfo=CET)
NAIVE = dt.datetime(2024, 3, 11, 8, 30)  # noqa: DTZ001 - the invalid case under test
# Local mean time, as zoneinfo gives Amsterdam in 1900: an offset of +00:19:32.
LMT = dt.datetime(1900, 1, 1, 10, tzinfo=dt.timezone(dt.timedelta(minutes=19, seconds=32)))
D0 = dt.date(2024, 3, 11)


def meeting(**changes: Any) -> g.Meeting:
    """A valid meeting, with some fields changed."""
    fields: dict[str, Any] = {
        "id": "ece-2024",
        "title": "Regional Review",
        "kind": g.MeetingKind.REGIONAL_REVIEW,
        "start": T0,
        "end": dt.datetime(2024, 3, 11, 18, 0, tzinfo=CET),
    }
    return g.Meeting(**{**fields, **changes})


def submission(**changes: Any) -> g.WrittenSubmission:
    """A valid written submission, with some fields changed."""
    fields: dict[str, Any] = {"id": "s1", "member_state": "ESP", "text": "Our answers."}
    return g.WrittenSubmission(**{**fields, **changes})


# (builder, rule, field) for each broken invariant; the builder runs with checks deferred.
BROKEN: list[tuple[str, Callable[[], Any], str, str]] = [
    ("venue country", lambda: g.Venue(country="XXX"), "unknown-code", "country"),
    ("venue country alias", lambda: g.Venue(country="che"), "invalid-value", "country"),
    ("venue blank", lambda: g.Venue(name=" "), "invalid-value", "name"),
    ("venue untrimmed", lambda: g.Venue(name="Geneva "), "invalid-value", "name"),
    ("venue control", lambda: g.Venue(name="Gen\x00eva"), "invalid-value", "name"),
    ("contact email shape", lambda: g.Contact(role="inputs", email="@"), "invalid-value", "email"),
    (
        "contact email control",
        lambda: g.Contact(role="inputs", email="a\x07@b.org"),
        "invalid-value",
        "email",
    ),
    (
        "practice flag none",
        lambda: g.GoodPractice(text="t", lesson_learned=None),
        "wrong-type",
        "lesson_learned",
    ),
    ("contact email", lambda: g.Contact(role="inputs", email="nowhere"), "invalid-value", "email"),
    ("contact role", lambda: g.Contact(role="", email="a@b"), "invalid-value", "role"),
    ("document title", lambda: g.DocumentRef(title=None), "missing-field", "title"),
    (
        "window order",
        lambda: g.Window(opens=D0, closes=dt.date(2024, 1, 1)),
        "chronology",
        "closes",
    ),
    ("window naive", lambda: g.Window(opens=NAIVE), "invalid-value", "opens"),
    ("window type", lambda: g.Window(opens="11 March 2024"), "wrong-type", "opens"),
    ("hearing order", lambda: g.Hearing(start=T1, end=T0), "chronology", "end"),
    ("hearing equal", lambda: g.Hearing(start=T0, end=T0), "chronology", "end"),
    ("hearing minutes", lambda: g.Hearing(reported_minutes=0), "invalid-value", "reported_minutes"),
    (
        "hearing bool minutes",
        lambda: g.Hearing(reported_minutes=True),
        "invalid-value",
        "reported_minutes",
    ),
    ("hearing moderator", lambda: g.Hearing(moderator="bad id!"), "invalid-value", "moderator"),
    (
        "hearing panellists",
        lambda: g.Hearing(panellists=("a", "a")),
        "invalid-value",
        "panellists[1]",
    ),
    ("opening speakers", lambda: g.OpeningSegment(speakers="a"), "wrong-type", "speakers"),
    ("session cluster", lambda: g.ThematicSession(cluster=5), "unknown-code", "cluster"),
    (
        "session objective",
        lambda: g.ThematicSession(cluster=1, objectives=(24,)),
        "unknown-objective",
        "objectives[0]",
    ),
    (
        "session objective type",
        lambda: g.ThematicSession(cluster=1, objectives=("2",)),
        "wrong-type",
        "objectives[0]",
    ),
    (
        "session objective twice",
        lambda: g.ThematicSession(cluster=1, objectives=(2, 2)),
        "invalid-value",
        "objectives[1]",
    ),
    (
        "session priority area",
        lambda: g.ThematicSession(priority_areas=("Labour migration", " ")),
        "invalid-value",
        "priority_areas[1]",
    ),
    ("session number", lambda: g.ThematicSession(cluster=1, number=0), "invalid-value", "number"),
    (
        "session note",
        lambda: g.ThematicSession(cluster=1, background_note=g.DocumentRef(title=" ")),
        "invalid-value",
        "background_note.title",
    ),
    ("panel topic", lambda: g.HighLevelPanel(topic=""), "invalid-value", "topic"),
    ("panel host", lambda: g.HighLevelPanel(host=3), "wrong-type", "host"),
    (
        "closing order",
        lambda: g.ClosingSegment(start=dt.date(2024, 3, 12), end=T1),
        "chronology",
        "end",
    ),
    ("side event organisers", lambda: g.SideEvent(organisers=(1,)), "wrong-type", "organisers[0]"),
    (
        "review round",
        lambda: g.RegionalReview(id="r", round="regional-2021", commissions=("ECE",)),
        "unknown-code",
        "round",
    ),
    (
        "review commissions",
        lambda: g.RegionalReview(id="r", round="regional-2024", commissions=()),
        "invalid-value",
        "commissions",
    ),
    (
        "review commission",
        lambda: g.RegionalReview(id="r", round="regional-2024", commissions=("UNECE",)),
        "invalid-value",
        "commissions[0]",
    ),
    (
        "review id",
        lambda: g.RegionalReview(id="-r", round="regional-2024", commissions=("ECE",)),
        "invalid-value",
        "id",
    ),
    (
        "review sources",
        lambda: g.RegionalReview(
            id="r", round="regional-2024", commissions=("ECE",), sources=("",)
        ),
        "invalid-value",
        "sources[0]",
    ),
    ("meeting aliases", lambda: meeting(aliases=("",)), "invalid-value", "aliases[0]"),
    ("meeting aliases type", lambda: meeting(aliases="RMRF"), "wrong-type", "aliases"),
    (
        "meeting questions",
        lambda: meeting(guiding_questions=("f",)),
        "unknown-code",
        "guiding_questions[0]",
    ),
    (
        "meeting accreditation",
        lambda: meeting(accreditation_required=1),
        "wrong-type",
        "accreditation_required",
    ),
    ("meeting status", lambda: meeting(status="seed"), "wrong-type", "status"),
    (
        "conference order",
        lambda: g.IntergovernmentalConference(start=T1, end=T0),
        "chronology",
        "end",
    ),
    ("segment sources", lambda: g.Hearing(sources=("",)), "invalid-value", "sources[0]"),
    ("segment notes", lambda: g.ThematicSession(cluster=1, notes=""), "invalid-value", "notes"),
    ("meeting order", lambda: meeting(end=T0), "chronology", "end"),
    ("meeting naive", lambda: meeting(start=NAIVE), "invalid-value", "start"),
    ("meeting offset seconds", lambda: meeting(start=LMT), "invalid-value", "start"),
    ("meeting start missing", lambda: meeting(start=None, end=None), "missing-field", "start"),
    (
        "meeting end without start",
        lambda: meeting(start=None, planned="2026"),
        "missing-field",
        "start",
    ),
    (
        "event undated",
        lambda: g.PreparatoryEvent(id="e", kind=g.EventKind.CONSULTATION),
        "missing-field",
        "start",
    ),
    ("meeting kind", lambda: meeting(kind="regional-review"), "wrong-type", "kind"),
    ("meeting title", lambda: meeting(title=""), "invalid-value", "title"),
    ("meeting round", lambda: meeting(round="imrf-2023"), "unknown-code", "round"),
    (
        "meeting commissions twice",
        lambda: meeting(commissions=("ECE", "ECE")),
        "invalid-value",
        "commissions[1]",
    ),
    (
        "meeting known meeting",
        lambda: meeting(known_meeting="ece-2099"),
        "unknown-code",
        "known_meeting",
    ),
    ("meeting format", lambda: meeting(format="online-ish"), "unknown-code", "format"),
    (
        "meeting venue",
        lambda: meeting(venue=g.Venue(country="QQQ")),
        "unknown-code",
        "venue.country",
    ),
    ("meeting host", lambda: meeting(host_country="mar"), "invalid-value", "host_country"),
    ("meeting zone", lambda: meeting(time_zone="CET"), "invalid-value", "time_zone"),
    ("meeting zone type", lambda: meeting(time_zone=1), "wrong-type", "time_zone"),
    ("meeting language", lambda: meeting(languages=("de",)), "unknown-code", "languages[0]"),
    ("meeting webcast", lambda: meeting(webcast="yes"), "wrong-type", "webcast"),
    (
        "meeting co-chairs",
        lambda: meeting(co_chairs=("ESP", "ESP")),
        "invalid-value",
        "co_chairs[1]",
    ),
    ("meeting co-chair", lambda: meeting(co_chairs=("ESX",)), "unknown-code", "co_chairs[0]"),
    ("meeting rapporteur", lambda: meeting(rapporteur=""), "invalid-value", "rapporteur"),
    (
        "meeting registration",
        lambda: meeting(registration=g.Window(opens=T1, closes=T0)),
        "chronology",
        "registration.closes",
    ),
    (
        "meeting inputs due",
        lambda: meeting(written_inputs_due="soon"),
        "wrong-type",
        "written_inputs_due",
    ),
    ("meeting agenda item", lambda: meeting(agenda=("hearing",)), "wrong-type", "agenda[0]"),
    ("meeting agenda", lambda: meeting(agenda="hearing"), "wrong-type", "agenda"),
    (
        "meeting nested segment",
        lambda: meeting(agenda=(g.Hearing(start=T1, end=T0),)),
        "chronology",
        "agenda[0].end",
    ),
    (
        "meeting contact",
        lambda: meeting(contacts=(g.Contact(role="x", email="y"),)),
        "invalid-value",
        "contacts[0].email",
    ),
    ("meeting contacts type", lambda: meeting(contacts=("x",)), "wrong-type", "contacts[0]"),
    (
        "event kind",
        lambda: g.PreparatoryEvent(id="e", kind="consultations", start=D0),
        "wrong-type",
        "kind",
    ),
    (
        "event clusters",
        lambda: g.PreparatoryEvent(id="e", kind=g.EventKind.CONSULTATION, start=D0, clusters=(0,)),
        "unknown-code",
        "clusters[0]",
    ),
    (
        "event objectives",
        lambda: g.PreparatoryEvent(
            id="e", kind=g.EventKind.CONSULTATION, start=D0, objectives=(0,)
        ),
        "unknown-objective",
        "objectives[0]",
    ),
    (
        "event order",
        lambda: g.PreparatoryEvent(
            id="e", kind=g.EventKind.BRIEFING, start=D0, end=dt.date(2024, 3, 10)
        ),
        "chronology",
        "end",
    ),
    (
        "participant category sector",
        lambda: g.Participant(
            id="p", kind=g.ParticipantKind.PERSON, sector=g.Sector.MEMBER_STATE, category="migrants"
        ),
        "invalid-value",
        "category",
    ),
    (
        "participant category",
        lambda: g.Participant(id="p", kind=g.ParticipantKind.PERSON, category="refugees"),
        "unknown-code",
        "category",
    ),
    (
        "participant gender org",
        lambda: g.Participant(id="p", kind=g.ParticipantKind.ORGANISATION, gender=g.Gender.FEMALE),
        "invalid-value",
        "gender",
    ),
    (
        "participant gender type",
        lambda: g.Participant(id="p", kind=g.ParticipantKind.PERSON, gender="f"),
        "wrong-type",
        "gender",
    ),
    (
        "participant self",
        lambda: g.Participant(id="p", kind=g.ParticipantKind.PERSON, organisation="p"),
        "invalid-value",
        "organisation",
    ),
    (
        "participant roles",
        lambda: g.Participant(id="p", kind=g.ParticipantKind.PERSON, roles=("speakers",)),
        "wrong-type",
        "roles[0]",
    ),
    (
        "participant roles type",
        lambda: g.Participant(id="p", kind=g.ParticipantKind.PERSON, roles="speaker"),
        "wrong-type",
        "roles",
    ),
    (
        "participant events",
        lambda: g.Participant(id="p", kind=g.ParticipantKind.PERSON, events=("m", "m")),
        "invalid-value",
        "events[1]",
    ),
    ("submission two authors", lambda: submission(author="p1"), "invalid-value", "author"),
    ("submission no author", lambda: submission(member_state=None), "invalid-value", "author"),
    (
        "submission question",
        lambda: submission(guiding_questions=("f",)),
        "unknown-code",
        "guiding_questions[0]",
    ),
    ("submission no content", lambda: submission(text=None), "missing-field", "text"),
    ("submission language", lambda: submission(language="EN"), "invalid-value", "language"),
    (
        "pledge text",
        lambda: g.Pledge(id="p", text=" ", member_state="ESP"),
        "invalid-value",
        "text",
    ),
    (
        "pledge objectives",
        lambda: g.Pledge(id="p", text="t", member_state="ESP", objectives=[5, 5]),
        "invalid-value",
        "objectives[1]",
    ),
    (
        "finding principle",
        lambda: g.KeyFinding(text="t", principles=("k",)),
        "unknown-code",
        "principles[0]",
    ),
    (
        "finding country",
        lambda: g.KeyFinding(text="t", countries=("XKK",)),
        "unknown-code",
        "countries[0]",
    ),
    (
        "practice flag",
        lambda: g.GoodPractice(text="t", lesson_learned="no"),
        "wrong-type",
        "lesson_learned",
    ),
    (
        "recommendation addressee",
        lambda: g.Recommendation(text="t", addressee=""),
        "invalid-value",
        "addressee",
    ),
    (
        "section kind",
        lambda: g.ReportSection(kind="foreword", title="Foreword"),
        "unknown-code",
        "kind",
    ),
    ("custom section title", lambda: g.ReportSection(text="x"), "missing-field", "title"),
    ("section item", lambda: g.ReportSection(kind="annex", items=("x",)), "wrong-type", "items[0]"),
    ("section items", lambda: g.ReportSection(kind="annex", items="x"), "wrong-type", "items"),
    (
        "section nested",
        lambda: g.ReportSection(kind="annex", items=(g.KeyFinding(text=""),)),
        "invalid-value",
        "items[0].text",
    ),
    ("report kind", lambda: g.Report(id="r", kind="outcome"), "wrong-type", "kind"),
    (
        "report section",
        lambda: g.Report(id="r", kind=g.ReportKind.OUTCOME_REPORT, sections=("x",)),
        "wrong-type",
        "sections[0]",
    ),
    (
        "report issued",
        lambda: g.Report(id="r", kind=g.ReportKind.OUTCOME_REPORT, issued=NAIVE),
        "invalid-value",
        "issued",
    ),
    ("dataset record", lambda: g.Dataset(meetings=(g.Venue(),)), "wrong-type", "meetings[0]"),
    ("dataset collection", lambda: g.Dataset(meetings="m"), "wrong-type", "meetings"),
    ("dataset version", lambda: g.Dataset(schema_version=""), "invalid-value", "schema_version"),
    ("dataset sources", lambda: g.Dataset(sources="seed"), "wrong-type", "sources"),
]


@pytest.mark.parametrize(("name", "build", "rule", "field"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_invariant_is_reported(
    name: str, build: Callable[[], Any], rule: str, field: str
) -> None:
    """Deferred, the object lists the problem; built normally, it raises naming the field."""
    with deferred_checks():
        obj = build()
    problems = list(obj.problems())
    assert (rule, field) in [(p.rule, p.field) for p in problems], (name, problems)
    assert not surely_valid(obj), name
    with pytest.raises(g.InvalidValueError) as info:
        build()
    if "." in field:  # a nested object raises first, when it is built
        assert info.value.field == field.rsplit(".", 1)[1]
        return
    assert info.value.owner == type(obj).__name__
    assert info.value.problems == tuple(problems)
    assert str(info.value).startswith(f"{type(obj).__name__}.{problems[0].field}: ")


VALID: list[tuple[str, Callable[[], Any]]] = [
    ("venue", lambda: g.Venue(name="Palais des Nations", city="Geneva", country="CHE")),
    ("contact", lambda: g.Contact(role="Member State inputs", email="GCMReviewsUNECE@iom.int")),
    ("document", lambda: g.DocumentRef(title="GCM", symbol="A/RES/73/195")),
    ("window mixed", lambda: g.Window(opens=dt.date(2024, 1, 1), closes=T0)),
    ("window same day", lambda: g.Window(opens=D0, closes=D0)),
    ("hearing", lambda: g.Hearing(start=T0, end=T1, reported_minutes=75, moderator="p1")),
    ("segment same day date and time", lambda: g.ClosingSegment(start=D0, end=T1)),
    ("session", lambda: g.ThematicSession(cluster=2, objectives=(4, 11), number=2)),
    ("session for cluster", lambda: g.ThematicSession.for_cluster(4)),
    ("panel", lambda: g.HighLevelPanel(topic="Regular migration pathways", host="iom")),
    ("side event", lambda: g.SideEvent(title="Briefing", organisers=("csac",))),
    ("review", lambda: g.RegionalReview(id="r", round="regional-2024", commissions=("ECE",))),
    (
        "meeting",
        lambda: meeting(
            time_zone="Europe/Zurich", co_chairs=["ESP", "MDA"], languages=["en"], webcast=True
        ),
    ),
    (
        "meeting dates",
        lambda: meeting(start=dt.date(2020, 11, 12), end=dt.date(2020, 11, 13), format="virtual"),
    ),
    ("meeting one day", lambda: meeting(start=D0, end=D0)),
    ("meeting planned only", lambda: meeting(start=None, end=None, planned="2026")),
    (
        "event planned only",
        lambda: g.PreparatoryEvent(id="e", kind=g.EventKind.CONSULTATION, planned="March 2024"),
    ),
    (
        "event",
        lambda: g.PreparatoryEvent(
            id="e", kind=g.EventKind.CONSULTATION, start=D0, clusters=(1, 2)
        ),
    ),
    (
        "participant",
        lambda: g.Participant(
            id="p",
            kind=g.ParticipantKind.PERSON,
            sector=g.Sector.STAKEHOLDER,
            category="trade_unions",
            gender=g.Gender.FEMALE,
            roles=(g.Role.RAPPORTEUR,),
        ),
    ),
    (
        "submission by author",
        lambda: submission(
            member_state=None,
            author="p1",
            category="youth",
            url="https://example.org/s1",
            text=None,
        ),
    ),
    ("submission questions", lambda: submission(guiding_questions=("a", "e"), objectives=(1, 23))),
    ("pledge", lambda: g.Pledge(id="p", text="t", author="p1", objectives=(5,))),
    (
        "report",
        lambda: g.Report(
            id="r",
            kind=g.ReportKind.OUTCOME_REPORT,
            sections=(
                g.ReportSection.of_kind(
                    "Key Findings",
                    items=(g.KeyFinding(text="t", objectives=(11,), principles=("a",)),),
                ),
            ),
        ),
    ),
    ("custom section", lambda: g.ReportSection(title="Foreword")),
    (
        "text with line breaks",
        lambda: g.Meeting(
            id="m", title="A\nB", kind=g.MeetingKind.OTHER, start=D0, notes="Line one.\n\tLine two."
        ),
    ),
    ("dataset", lambda: g.Dataset(meetings=[meeting()], sources=["unece-2024-concept-note"])),
]


@pytest.mark.parametrize(("name", "build"), VALID, ids=[v[0] for v in VALID])
def test_valid_objects_have_no_problems(name: str, build: Callable[[], Any]) -> None:
    """A valid object builds and lists no problem."""
    obj = build()
    assert list(obj.problems()) == [], name
    assert obj == copy.copy(obj)
    assert hash(obj) == hash(obj.evolve())


def test_lists_become_tuples_and_strings_stay() -> None:
    """A list given for a tuple field becomes a tuple; a string is not split into codes."""
    assert meeting(co_chairs=["ESP", "MDA"]).co_chairs == ("ESP", "MDA")
    with pytest.raises(g.InvalidValueError, match="co_chairs"):
        meeting(co_chairs="ESP")


def test_session_reports_every_objective_problem_at_once() -> None:
    """A bad objective does not hide another; a string is one problem."""
    with deferred_checks():
        session = g.ThematicSession(cluster=1, objectives=(2, 11, 24, "5", 2))
    found = [(p.rule, p.field) for p in session.problems()]
    assert found == [
        ("unknown-objective", "objectives[2]"),
        ("wrong-type", "objectives[3]"),
        ("invalid-value", "objectives[4]"),
    ]


@pytest.mark.parametrize(
    "session",
    [
        g.ThematicSession(objectives=(2, 11)),
        g.ThematicSession(priority_areas=("Labour migration",), objectives=(6,)),
        g.ThematicSession(priority_areas=("Labour migration",)),
        g.ThematicSession(cluster=1, objectives=(2, 11)),
    ],
    ids=["objectives", "areas and objectives", "areas", "objective of another cluster"],
)
def test_a_session_need_not_follow_a_cluster(session: g.ThematicSession) -> None:
    """A session on objectives or priority areas, or on a cluster and more, is a valid record.

    Whether a session on a cluster keeps to its objectives is the UNECE 2024
    concept note's practice, checked by the ``unece-2024`` profile, not by the model.
    """
    assert list(session.problems()) == []
    assert g.loads(g.dumps(session), g.ThematicSession) == session


def test_error_counts_the_other_problems() -> None:
    """The message names the first problem and how many more there are."""
    with pytest.raises(g.InvalidValueError) as info:
        meeting(title="", time_zone="CET", co_chairs=("XXX",))
    assert str(info.value) == "Meeting.title: must not be blank (and 2 more)"
    assert [p.field for p in info.value.problems] == ["title", "time_zone", "co_chairs[0]"]
    assert info.value.rule == "invalid-value"
    assert isinstance(info.value, ValueError)


def test_unknown_code_problem_suggests() -> None:
    """An unknown code's message names the nearest codes."""
    with deferred_checks():
        venue = g.Venue(country="CHX")
    (problem,) = venue.problems()
    assert problem.rule == "unknown-code"
    assert "did you mean 'CHE'" in problem.message or "did you mean" in problem.message


def test_non_canonical_code_names_the_canonical_one() -> None:
    """An alias or wrong case is refused with the code to write instead."""
    with pytest.raises(g.InvalidValueError, match="write the commission as 'ECE'"):
        g.RegionalReview(id="r", round="regional-2024", commissions=("unece",))


def test_evolve_checks_the_copy() -> None:
    """evolve returns a changed copy and checks it like a new object."""
    base = meeting()
    moved = base.evolve(title="Second Regional Review")
    assert moved.title == "Second Regional Review"
    assert moved.id == base.id
    with pytest.raises(g.InvalidValueError):
        base.evolve(end=T0)
    assert copy.replace(base, title="x").title == "x" if hasattr(copy, "replace") else True


def test_deferred_checks_reset_after_the_block() -> None:
    """Checks are back on after the block, even after an error inside it."""
    with pytest.raises(RuntimeError), deferred_checks():
        raise RuntimeError
    with pytest.raises(g.InvalidValueError):
        g.Venue(country="XXX")


def test_thematic_sessions_property_and_for_cluster() -> None:
    """A meeting lists its thematic sessions; for_cluster fills objectives and number."""
    sessions = [g.ThematicSession.for_cluster(n) for n in (1, 2, 3, 4)]
    agenda = (g.Hearing(start=T0, end=T1), g.OpeningSegment(), *sessions, g.ClosingSegment())
    made = meeting(agenda=agenda)
    assert made.thematic_sessions == tuple(sessions)
    assert sorted(n for s in made.thematic_sessions for n in s.objectives) == list(range(1, 24))
    assert g.ThematicSession.for_cluster(2, objectives=(11,)).objectives == (11,)
    by_title = g.ThematicSession.for_cluster(
        "Data, evidence-based policies and international cooperation"
    )
    assert by_title.cluster == 4
    with pytest.raises(g.UnknownCodeError):
        g.ThematicSession.for_cluster(9)


def test_section_of_kind_by_name() -> None:
    """A section can be made from a kind's title; the title follows the kind."""
    section = g.ReportSection.of_kind("Good Practices and Lessons Learned")
    assert (section.kind, section.title) == ("good_practices", "Good Practices and Lessons Learned")


def test_dataset_records_in_collection_order() -> None:
    """Dataset.records yields every record with its collection name."""
    review = g.RegionalReview(id="r", round="regional-2024", commissions=("ECE",))
    data = g.Dataset(reviews=(review,), meetings=(meeting(review="r"),))
    assert [name for name, _ in data.records()] == ["reviews", "meetings"]


def test_segment_kinds_are_distinct_tags() -> None:
    """Each segment and content item class has its own kind tag."""
    from gcm_model.models.process import SEGMENT_TYPES  # noqa: PLC0415
    from gcm_model.models.reports import ITEM_TYPES  # noqa: PLC0415

    assert sorted(SEGMENT_TYPES) == [
        "closing",
        "hearing",
        "high_level_panel",
        "intergovernmental_conference",
        "opening",
        "side_event",
        "thematic_session",
    ]
    assert sorted(ITEM_TYPES) == ["good_practice", "key_finding", "recommendation"]


def test_problem_within_prefixes_the_field() -> None:
    """Nested problems are placed under their parent field, as a pointer and a path."""
    problem = Problem("invalid-value", "/title", "must not be blank", "")
    assert problem.within("/agenda/2").pointer == "/agenda/2/title"
    assert problem.within("/agenda/2").field == "agenda[2].title"


def test_models_repr_reads_well() -> None:
    """repr names the class and the fields."""
    assert repr(g.Venue(city="Geneva")) == "Venue(name=None, city='Geneva', country=None)"


ODD = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-1, 25),
    st.text(max_size=4),
    st.sampled_from(["ECE", "MDA", "en", "youth", "regional-2024", "a@b.org", "a\x01@b.org", " x"]),
    st.sampled_from(["Europe/Zurich", "CET", "p1"]),
    st.dates(),
    st.datetimes(timezones=st.sampled_from([None, dt.UTC])),
    st.sampled_from([*g.MeetingKind, *g.Gender, g.Venue(), g.DocumentRef(title="t")]),
    st.lists(
        st.sampled_from([1, 1, 24, "ECE", "p1", "", True, g.KeyFinding(text="t")]), max_size=3
    ),
)
"""Values of every kind, right and wrong, for any field."""


def _near(value: object) -> list[object]:
    """Values close to a valid one, where a fast test of the common case could slip."""
    if isinstance(value, str):
        return [f"{value}\x01", f"\x7f{value}", f" {value}", f"{value}\n", "", value.lower()]
    if isinstance(value, tuple):
        return [(), value + value[:1], (*value, None), tuple(_near(v)[0] for v in value)]
    if isinstance(value, dt.datetime):
        return [value.replace(tzinfo=None), value.date()]
    if isinstance(value, int):
        return [0, -value, value + 30, bool(value)]
    return [None]


def _objects(obj: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """The paths to a model object and to every model object nested in it."""
    found = [path]
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        if isinstance(value, tuple):
            for index, item in enumerate(value):
                if attrs.has(type(item)):
                    found += _objects(item, (*path, field.name, index))
        elif attrs.has(type(value)):
            found += _objects(value, (*path, field.name))
    return found


def _replaced(obj: Any, path: tuple[str | int, ...], field: str, value: object) -> Any:
    """``obj`` with ``field`` of the object at ``path`` set to ``value`` (checks deferred)."""
    if not path:
        return attrs.evolve(obj, **{field: value})
    name, *rest = path
    current = getattr(obj, str(name))
    if rest and isinstance(index := rest[0], int):
        items = list(current)
        items[index] = _replaced(items[index], tuple(rest[1:]), field, value)
        return attrs.evolve(obj, **{str(name): tuple(items)})
    return attrs.evolve(obj, **{str(name): _replaced(current, tuple(rest), field, value)})


STRATEGIES = [
    testing.venues,
    testing.contacts,
    testing.document_refs,
    testing.windows,
    testing.segments,
    testing.regional_reviews,
    testing.meetings,
    testing.preparatory_events,
    testing.participants,
    testing.written_submissions,
    testing.pledges,
    testing.report_sections,
    testing.reports,
]
"""The public strategies of every model class, nested ones included."""


@pytest.mark.parametrize("strategy", STRATEGIES, ids=[s.__name__ for s in STRATEGIES])
def test_surely_valid_never_clears_an_object_with_problems(strategy: Callable[[], Any]) -> None:
    """Whatever value a field at any depth takes, surely_valid says True only without problems."""

    @given(strategy(), st.data())
    def sound(obj: Any, data: st.DataObject) -> None:
        assert surely_valid(obj)
        path = data.draw(st.sampled_from(_objects(obj)))
        target = obj
        for step in path:
            target = target[step] if isinstance(step, int) else getattr(target, step)
        field = data.draw(st.sampled_from([f.name for f in attrs.fields(type(target))]))
        value = data.draw(st.one_of(st.sampled_from(_near(getattr(target, field))), ODD))
        with deferred_checks():
            changed = _replaced(obj, path, field, value)
        assert not surely_valid(changed) or list(changed.problems()) == []

    sound()


def test_constructors_take_an_enum_value_as_json_does() -> None:
    """An enum field takes its member's value, as the JSON loader does, and holds the member."""
    meeting = g.Meeting(id="m", title="T", kind="regional_review", start=D0, status="CONFIRMED")
    assert meeting.kind is g.MeetingKind.REGIONAL_REVIEW
    assert meeting.status is g.Status.CONFIRMED
    person = g.Participant(id="p", kind="person", roles=["speaker", g.Role.MODERATOR])
    assert person.roles == (g.Role.SPEAKER, g.Role.MODERATOR)
    assert g.loads(g.dumps(g.Dataset(meetings=(meeting,)))).meetings[0] == meeting
