"""The datasets the example scripts build: sourced, consistent with the reference data.

The scripts in ``examples/`` are not a package, so each is loaded from its path.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import gcm_model
from gcm_model import (
    EventKind,
    Hearing,
    IntergovernmentalConference,
    Meeting,
    OpeningSegment,
    Recipient,
    ReportKind,
    Status,
    ThematicSession,
)

if TYPE_CHECKING:
    from types import ModuleType

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SCRIPTS = ("unece_2024", "unece_2020", "second_round", "eca_2024")
ALL_OBJECTIVES = tuple(range(1, 24))


@functools.cache
def load(name: str) -> ModuleType:
    """Import ``examples/<name>.py`` under a private module name."""
    spec = importlib.util.spec_from_file_location(f"_example_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(name: str) -> gcm_model.Dataset:
    """Call the script's ``build()`` and check that it returns a dataset."""
    dataset = load(name).build()
    assert isinstance(dataset, gcm_model.Dataset)
    return dataset


def the_meeting(dataset: gcm_model.Dataset, known: str) -> Meeting:
    """The one meeting of a dataset that matches a known meeting code."""
    (meeting,) = (m for m in dataset.meetings if m.known_meeting == known)
    return meeting


def day(moment: dt.date | None) -> dt.date:
    """The calendar day of a date, or of a datetime in its own zone (never None here)."""
    assert moment is not None
    return moment.date() if isinstance(moment, dt.datetime) else moment


def the_report(dataset: gcm_model.Dataset, kind: ReportKind) -> gcm_model.Report:
    """The one report of a dataset of a kind."""
    (report,) = (r for r in dataset.reports if r.kind is kind)
    return report


@pytest.mark.parametrize("name", SCRIPTS)
def test_builds(name: str) -> None:
    """build() returns a titled, sourced dataset with at least one review and meeting."""
    dataset = build(name)
    assert dataset.title
    assert dataset.sources
    assert dataset.reviews
    assert dataset.meetings


@pytest.mark.parametrize("name", SCRIPTS)
def test_every_record_is_sourced(name: str) -> None:
    """Every record names at least one source, and each source is non-blank."""
    for collection, record in build(name).records():
        sources = getattr(record, "sources", ())
        assert sources, f"{collection}: {getattr(record, 'id', record)} has no sources"
        assert all(s.strip() for s in sources)


@pytest.mark.parametrize("name", SCRIPTS)
def test_every_segment_is_sourced(name: str) -> None:
    """Every agenda segment cites its own sources."""
    for meeting in build(name).meetings:
        for segment in meeting.agenda:
            assert segment.sources, f"{meeting.id}: {segment.title} has no sources"
            assert all(s.strip() for s in segment.sources)


@pytest.mark.parametrize("name", SCRIPTS)
def test_meetings_events_and_reports_have_a_status(name: str) -> None:
    """Each meeting, preparatory event and report says how well it is sourced."""
    dataset = build(name)
    records: list[Meeting | gcm_model.PreparatoryEvent | gcm_model.Report] = [
        *dataset.meetings,
        *dataset.events,
        *dataset.reports,
    ]
    for record in records:
        assert isinstance(record.status, Status), record.id


@pytest.mark.parametrize("name", SCRIPTS)
def test_ids_are_unique_and_references_resolve(name: str) -> None:
    """Record ids are unique and every id a record names belongs to a record of the dataset."""
    dataset = build(name)
    ids = [getattr(record, "id", None) for _, record in dataset.records()]
    assert len(ids) == len(set(ids))
    known = set(ids)
    referenced: list[str | None] = []
    for meeting in dataset.meetings:
        referenced += [meeting.review, meeting.rapporteur, *meeting.organisers]
        for segment in meeting.agenda:
            referenced += [getattr(segment, f, None) for f in ("moderator", "host")]
            for field in ("speakers", "panellists", "organisers"):
                referenced += getattr(segment, field, ())
    for event in dataset.events:
        referenced += [event.review, event.meeting, *event.organisers, *event.feeds]
    for person in dataset.participants:
        referenced += [person.organisation, *person.events]
    for report in dataset.reports:
        referenced += [report.review, *report.meetings, *report.events, *report.authors]
        referenced += report.informs
    assert {r for r in referenced if r is not None} <= known


@pytest.mark.parametrize("name", SCRIPTS)
def test_meetings_match_the_known_meetings(name: str) -> None:
    """Each meeting's code resolves, and its first and last days are the reference record's."""
    for meeting in build(name).meetings:
        assert meeting.known_meeting is not None
        known = gcm_model.known_meetings.lookup(meeting.known_meeting)
        assert known.code == meeting.known_meeting
        assert day(meeting.start) == known.start
        assert day(meeting.end) == known.end
        assert meeting.round == known.round
        assert meeting.commissions == known.commissions
        # The plan as its source gives it, verbatim.
        assert meeting.planned == (known.planned and known.planned.text)
        assert meeting.status is known.status  # domain_facts §6.3


@pytest.mark.parametrize("name", SCRIPTS)
def test_organisers_play_the_organiser_role(name: str) -> None:
    """Every body named as an organiser of a meeting or event has the ORGANISER role."""
    dataset = build(name)
    people = {p.id: p for p in dataset.participants}
    records: list[Meeting | gcm_model.PreparatoryEvent] = [*dataset.meetings, *dataset.events]
    for record in records:
        for organiser in record.organisers:
            assert gcm_model.Role.ORGANISER in people[organiser].roles
            assert record.id in people[organiser].events


@pytest.mark.parametrize("name", SCRIPTS)
def test_build_is_deterministic(name: str) -> None:
    """Two calls to build() give equal datasets."""
    assert load(name).build() == load(name).build()


def test_unece_2024_thematic_sessions_cover_every_objective_once() -> None:
    """Four thematic sessions, numbered 1-4, whose objectives are exactly 1..23, each once."""
    sessions = the_meeting(build("unece_2024"), "ece-2024").thematic_sessions
    assert [s.number for s in sessions] == [1, 2, 3, 4]
    covered = [n for s in sessions for n in s.objectives]
    assert sorted(covered) == list(ALL_OBJECTIVES)
    assert 11 in sessions[1].objectives


def test_unece_2024_co_chairs_and_rapporteur() -> None:
    """Spain and the Republic of Moldova co-chair; Irem Arf (ITUC) is the rapporteur."""
    dataset = build("unece_2024")
    meeting = the_meeting(dataset, "ece-2024")
    assert set(meeting.co_chairs) == {"ESP", "MDA"}
    people = {p.id: p for p in dataset.participants}
    assert meeting.rapporteur is not None
    assert people[meeting.rapporteur].name == "Irem Arf"


def test_unece_2024_hearing_ends_when_the_conference_starts() -> None:
    """Hearing 08:30-10:00 CET, then the Intergovernmental Conference, then the opening."""
    meeting = the_meeting(build("unece_2024"), "ece-2024")
    hearing, conference, opening = meeting.agenda[:3]
    assert isinstance(hearing, Hearing)
    assert isinstance(conference, IntergovernmentalConference)
    assert isinstance(opening, OpeningSegment)
    assert isinstance(hearing.start, dt.datetime)
    assert isinstance(hearing.end, dt.datetime)
    assert hearing.start == meeting.start
    assert hearing.end == conference.start
    assert hearing.end - hearing.start == dt.timedelta(minutes=90)
    assert hearing.reported_minutes == 75  # domain_facts I4
    assert opening.start == conference.start
    assert [s for s in meeting.agenda if isinstance(s, IntergovernmentalConference)] == [conference]


def test_unece_2024_conference_spans_ten_to_six() -> None:
    """The Conference runs 10:00-18:00 CET, ends the meeting and holds the timed segments."""
    meeting = the_meeting(build("unece_2024"), "ece-2024")
    (conference,) = (s for s in meeting.agenda if isinstance(s, IntergovernmentalConference))
    assert isinstance(conference.start, dt.datetime)
    assert isinstance(conference.end, dt.datetime)
    assert conference.start.isoformat() == "2024-03-11T10:00:00+01:00"
    assert conference.end.isoformat() == "2024-03-11T18:00:00+01:00"
    assert conference.end == meeting.end
    inside = meeting.agenda[meeting.agenda.index(conference) + 1 :]
    assert inside
    for segment in inside:
        for moment in (segment.start, segment.end):
            if isinstance(moment, dt.datetime):
                assert conference.start <= moment <= conference.end, segment.title


def test_unece_2024_statuses_and_plans() -> None:
    """The meeting is CONFIRMED, the seed-only events SEED; seed 002's plans are verbatim."""
    dataset = build("unece_2024")
    meeting = the_meeting(dataset, "ece-2024")
    assert meeting.status is Status.CONFIRMED  # domain_facts §6.3 (S25)
    assert meeting.planned == "11 March 2024"  # domain_facts §6.2
    assert [e.status for e in dataset.events] == [Status.SEED] * 3  # domain_facts §10
    (pre,) = (e for e in dataset.events if e.kind is EventKind.PRE_CONSULTATION)
    assert pre.planned == "8 November 2023"  # I2: the plan; start is what happened
    assert all(r.status is Status.SEED for r in dataset.reports)


def test_unece_2024_meeting_names_and_questions() -> None:
    """RMRF is an alias (I5); questions a-e of Annex 1; accreditation not said for it."""
    meeting = the_meeting(build("unece_2024"), "ece-2024")
    assert meeting.aliases == ("second Regional Migration Review Forum (RMRF)",)
    assert "RMRF" not in meeting.title
    assert meeting.guiding_questions == ("a", "b", "c", "d", "e")
    assert meeting.accreditation_required is None


def test_unece_2024_events_purpose_feeds_and_recordings() -> None:
    """Each event says what it was for and feeds the meeting; the consultations' recordings."""
    dataset = build("unece_2024")
    meeting = the_meeting(dataset, "ece-2024")
    for event in dataset.events:
        assert event.purpose
        assert event.feeds == (meeting.id,)
    for event in dataset.events:
        if event.kind is EventKind.CONSULTATION:
            (recording,) = event.documents
            assert recording.title.startswith("Recording")
            assert recording.url is None  # seed 003 gives no link


def test_unece_2024_positions() -> None:
    """The positions seed 003 gives: a Policy Officer; the Stakeholder Rapporteur."""
    people = {p.name: p for p in build("unece_2024").participants}
    assert people["Elana Wong"].position == "Policy Officer"
    position = people["Irem Arf"].position
    assert position is not None
    assert "Stakeholder Rapporteur" in position


def test_unece_2024_mandate_back_to_back_calls_and_forums() -> None:
    """The concept note's mandate, back-to-back forum, calls and IMRFs, and nothing more."""
    dataset = build("unece_2024")
    (review,) = dataset.reviews
    assert [(m.title, m.issued) for m in review.mandates] == [
        ("Decision of the UNECE Executive Committee at its 128th meeting", dt.date(2023, 5, 15))
    ]
    (forum,) = the_meeting(dataset, "ece-2024").back_to_back
    assert (forum.start, forum.end) == (dt.date(2024, 3, 13), dt.date(2024, 3, 14))
    inputs, *offers = dataset.calls
    assert (inputs.kind, inputs.reply_to, inputs.closes) == (
        gcm_model.CallKind.INPUTS,
        "GCMReviewsUNECE@iom.int",
        dt.date(2024, 3, 4),
    )
    assert [[r.value for r in c.roles] for c in offers] == [
        ["co_chair"],
        ["speaker"],
        ["rapporteur", "moderator"],
    ]
    assert all(c.opens is None for c in dataset.calls)  # no source gives an opening day
    first, second = dataset.forums
    assert first.declaration is not None
    assert first.declaration.symbol == "A/RES/76/266"
    assert first.declaration.adopted is None  # the concept note gives no day
    assert (second.start, second.planned) == (None, "2026")


def test_unece_2024_outcome_report_due_30_days_after_the_meeting() -> None:
    """Due 2024-04-10, 30 days after 11 March 2024 (seed 001), to Member States and public."""
    dataset = build("unece_2024")
    meeting = the_meeting(dataset, "ece-2024")
    outcome = the_report(dataset, ReportKind.OUTCOME_REPORT)
    assert outcome.due == dt.date(2024, 4, 10)
    assert outcome.due == day(meeting.start) + dt.timedelta(days=30)
    assert outcome.issued is None
    assert {Recipient.MEMBER_STATES, Recipient.PUBLIC} <= set(outcome.recipients)
    assert Recipient.NETWORK_COORDINATOR in outcome.recipients  # seed 000
    assert len(set(outcome.recipients)) == len(outcome.recipients)


def test_unece_2024_consultation_summary_informs_the_meeting() -> None:
    """Shared on 5 March 2024, before the meeting it was written to inform (seed 003)."""
    dataset = build("unece_2024")
    meeting = the_meeting(dataset, "ece-2024")
    summary = the_report(dataset, ReportKind.CONSULTATION_SUMMARY)
    assert summary.informs == (meeting.id,)
    assert summary.issued == dt.date(2024, 3, 5)
    assert summary.issued < day(meeting.start)


def test_unece_2020_summary_informs_the_first_imrf() -> None:
    """The 2020 summary report informed the first IMRF, 17-20 May 2022 (seed 001)."""
    dataset = build("unece_2020")
    summary = the_report(dataset, ReportKind.REGIONAL_SUMMARY)
    imrf = the_meeting(dataset, "imrf-2022")
    assert summary.informs == (imrf.id,)
    assert imrf.kind is gcm_model.MeetingKind.IMRF


def test_unece_2024_consultations_cover_every_objective() -> None:
    """The two consultations follow clusters 1+2 and 3+4; together objectives 1..23 (I1)."""
    events = build("unece_2024").events
    consultations = [e for e in events if e.kind is gcm_model.EventKind.CONSULTATION]
    assert [c.clusters for c in consultations] == [(1, 2), (3, 4)]
    covered = [n for c in consultations for n in c.objectives]
    assert sorted(covered) == list(ALL_OBJECTIVES)
    assert 11 in consultations[0].objectives


def test_unece_2024_dates_chosen_where_seeds_disagree() -> None:
    """Pre-consultation 14 Nov 2023 (I2); written inputs due one week before the meeting."""
    dataset = build("unece_2024")
    (pre,) = (e for e in dataset.events if e.kind is gcm_model.EventKind.PRE_CONSULTATION)
    assert pre.start == dt.date(2023, 11, 14)
    meeting = the_meeting(dataset, "ece-2024")
    assert meeting.written_inputs_due == dt.date(2024, 3, 4)
    assert meeting.time_zone == "Europe/Zurich"


def test_unece_2024_sessions_name_nobody_the_seeds_do_not_name() -> None:
    """No time, speaker or moderator is invented for the thematic sessions."""
    for session in the_meeting(build("unece_2024"), "ece-2024").thematic_sessions:
        assert isinstance(session, ThematicSession)
        assert session.start is None
        assert session.end is None
        assert session.member_state_speaker is None
        assert session.moderator is None


def test_dates_only_where_no_hour_is_known() -> None:
    """The 2020 review and the other second-round meetings carry days, not instants."""
    for name in ("unece_2020", "second_round"):
        dataset = build(name)
        moments = [m for meeting in dataset.meetings for m in (meeting.start, meeting.end)]
        moments += [e.start for e in dataset.events]
        assert moments
        assert not any(isinstance(m, dt.datetime) for m in moments)


def test_second_round_has_the_four_other_reviews() -> None:
    """ESCWA, ECA, ESCAP and ECLAC, one review and one meeting each; hearings on day one."""
    dataset = build("second_round")
    assert [r.commissions for r in dataset.reviews] == [
        ("ESCWA",),
        ("ECA",),
        ("ESCAP",),
        ("ECLAC",),
    ]
    codes = [m.known_meeting for m in dataset.meetings]
    assert codes == ["escwa-2024", "eca-2024", "escap-2025", "eclac-2025"]
    for code in ("eca-2024", "eclac-2025"):
        meeting = the_meeting(dataset, code)
        hearing, conference = meeting.agenda
        assert isinstance(hearing, Hearing)
        assert isinstance(conference, IntergovernmentalConference)
        assert hearing.start == hearing.end == meeting.start
        assert conference.start == day(meeting.start) + dt.timedelta(days=1)
        assert conference.end == meeting.end


def test_second_round_plans_and_statuses() -> None:
    """Seed 002's plans, verbatim (domain_facts §6.2); CONFIRMED-2 for ESCWA and ESCAP."""
    dataset = build("second_round")
    plans = {m.known_meeting: (m.planned, m.status) for m in dataset.meetings}
    assert plans == {
        "escwa-2024": ("Week of 3 November 2024", Status.CONFIRMED_2),
        "eca-2024": ("October 2024", Status.CONFIRMED),
        "escap-2025": ("2025", Status.CONFIRMED_2),
        "eclac-2025": ("June 2024", Status.CONFIRMED),
    }
    assert all(m.accreditation_required is None for m in dataset.meetings)


@pytest.mark.parametrize("name", SCRIPTS)
def test_json_document_matches_its_script(name: str) -> None:
    """examples/data/NAME.json loads to what the script builds, byte for byte canonical.

    Run scripts/update_examples.py after changing a script.
    """
    path = EXAMPLES / "data" / f"{name}.json"
    assert gcm_model.load(path) == build(name)
    assert path.read_bytes() == gcm_model.dumps(build(name))


@pytest.mark.parametrize("name", SCRIPTS)
def test_example_round_trips_through_json_lines_and_tables(name: str) -> None:
    """The same dataset survives JSON Lines and the CSV tables unchanged."""
    from gcm_model.converters import dumps_jsonl, load_jsonl  # noqa: PLC0415
    from gcm_model.tabular import from_tables, to_tables  # noqa: PLC0415

    dataset = build(name)
    assert load_jsonl(dumps_jsonl(dataset).splitlines()) == dataset
    assert from_tables(to_tables(dataset)) == dataset


def test_the_africa_review_is_valid_and_the_unece_profile_adds_its_checks() -> None:
    """ECA 2024: valid under default; unece-2024 adds the concept note's rules, no error."""
    dataset = build("eca_2024")
    ((review,), (meeting,)) = (dataset.reviews, dataset.meetings)
    assert review.commissions == meeting.commissions == ("ECA",)
    assert (meeting.start, meeting.end) == (dt.date(2024, 10, 8), dt.date(2024, 10, 10))
    hearing, conference = meeting.agenda
    assert isinstance(hearing, Hearing)
    assert isinstance(conference, IntergovernmentalConference)
    # What no source says stays empty.
    assert meeting.co_chairs == ()
    assert meeting.rapporteur is None
    assert not dataset.events
    assert not dataset.reports
    default = gcm_model.validate(dataset)
    unece = gcm_model.validate(dataset, profile="unece-2024")
    assert default.valid
    assert unece.valid
    added = set(unece.by_rule) - set(default.by_rule)
    assert added == {"co-chair-remarks", "rapporteur", "thematic-sessions"}
    assert load("eca_2024").added_by_unece_profile(dataset) == sorted(added)
