"""Every rule of the validation catalogue: an input that breaks it and one that satisfies it.

One row per rule slug in ``CASES``: a builder of a breaking input, the JSON
Pointer of the one issue it must raise, and a builder of a passing variant.
The structural rules take documents (dicts or JSON bytes), as a data team
would send them; the rules that need the whole dataset take typed objects.
``EXTRA`` adds the other branches of rules that check several things. Then
the profiles, ``select``/``ignore``, ``max_issues``, the UNECE 2024 example
and a scaling smoke test.
"""

# A few builders pass wrong types on purpose (with checks deferred).
# mypy: disable-error-code="arg-type"

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import pytest

import gcm_model as g
from gcm_model import validate
from gcm_model.models.checks import deferred_checks
from gcm_model.validation import Severity, rules
from test_profiles import UNECE_PRACTICE

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

    from gcm_model.validation import ValidationReport

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

CET = dt.timezone(dt.timedelta(hours=1))
DAY = dt.date(2024, 3, 11)
REVIEW = "r1"
MEETING = "m1"

# Seed 003's objective list for the consultation on Sessions 1 and 2 (domain_facts I1).
SEED_003_FIRST_CONSULTATION = (2, 4, 5, 6, 8, 9, 10, 12, 13, 18, 21)


# -- builders ---------------------------------------------------------------------------------


def at(hour: int, minute: int = 0) -> dt.datetime:
    """An instant on the meeting day, CET."""
    return dt.datetime(2024, 3, 11, hour, minute, tzinfo=CET)


def days(n: int) -> dt.date:
    """The day ``n`` days after the meeting day (before it for negative ``n``)."""
    return DAY + dt.timedelta(days=n)


def review(**changes: Any) -> g.RegionalReview:
    """A valid UNECE review of the 2024 round, with some fields changed."""
    fields: dict[str, Any] = {"id": REVIEW, "round": "regional-2024", "commissions": ("ECE",)}
    return g.RegionalReview(**{**fields, **changes})


def meeting(**changes: Any) -> g.Meeting:
    """A valid regional review meeting on 11 March 2024, with some fields changed."""
    fields: dict[str, Any] = {
        "id": MEETING,
        "title": "Regional Review",
        "kind": g.MeetingKind.REGIONAL_REVIEW,
        "start": DAY,
    }
    return g.Meeting(**{**fields, **changes})


def event(**changes: Any) -> g.PreparatoryEvent:
    """A valid consultation of review ``r1`` a month before the meeting."""
    fields: dict[str, Any] = {
        "id": "e1",
        "kind": g.EventKind.CONSULTATION,
        "start": days(-30),
        "review": REVIEW,
    }
    return g.PreparatoryEvent(**{**fields, **changes})


def person(pid: str, **changes: Any) -> g.Participant:
    """A participant who is a person."""
    return g.Participant(id=pid, kind=g.ParticipantKind.PERSON, **changes)


def report(**changes: Any) -> g.Report:
    """An outcome report on meeting ``m1``."""
    fields: dict[str, Any] = {
        "id": "rep1",
        "kind": g.ReportKind.OUTCOME_REPORT,
        "meetings": (MEETING,),
    }
    return g.Report(**{**fields, **changes})


def sessions(*clusters: int, **fields: Any) -> tuple[g.ThematicSession, ...]:
    """One thematic session per cluster, covering the cluster's objectives."""
    return tuple(g.ThematicSession.for_cluster(c, **fields) for c in clusters)


def sections(*kinds: str) -> tuple[g.ReportSection, ...]:
    """Report sections of the suggested kinds, in the order given."""
    return tuple(g.ReportSection.of_kind(k) for k in kinds)


ALL_SECTION_KINDS = tuple(k.code for k in g.report_section_kinds)


def data(**collections: Any) -> g.Dataset:
    """A dataset of the collections given."""
    return g.Dataset(**collections)


def meeting_doc(**changes: Any) -> dict[str, Any]:
    """A valid meeting as JSON; a change to ``None`` drops the field."""
    fields: dict[str, Any] = {
        "id": MEETING,
        "title": "Regional Review",
        "kind": "regional_review",
        "start": "2024-03-11",
    }
    return {k: v for k, v in {**fields, **changes}.items() if v is not None}


def doc(**collections: Any) -> dict[str, Any]:
    """A dataset document of the current schema version."""
    return {"schema_version": g.SCHEMA_VERSION, **collections}


def covering_participants() -> tuple[g.Participant, ...]:
    """One stakeholder of each category (but ``other``) attending meeting ``m1``."""
    return tuple(
        g.Participant(
            id=f"org:{c.code}",
            kind=g.ParticipantKind.ORGANISATION,
            sector=g.Sector.STAKEHOLDER,
            category=c.code,
            events=(MEETING,),
        )
        for c in g.stakeholders
        if c.code not in {"other", "youth"}
    )


def stakeholder_coverage_ok() -> g.Dataset:
    """A review whose meeting and submissions reach every stakeholder category."""
    return data(
        reviews=(review(),),
        meetings=(meeting(review=REVIEW),),
        participants=(*covering_participants(), person("p:youth")),
        # The last category counts through a written submission, not attendance.
        submissions=(
            g.WrittenSubmission(
                id="s1", review=REVIEW, author="p:youth", category="youth", text="Our inputs."
            ),
        ),
    )


def speakers_dataset(*genders: g.Gender, countries: tuple[str, ...] = ()) -> g.Dataset:
    """A meeting whose opening has one speaker per gender given."""
    people = tuple(
        person(
            f"p{i}",
            gender=gender,
            country=countries[i] if countries else None,
            sector=g.Sector.MEMBER_STATE if countries else None,
        )
        for i, gender in enumerate(genders)
    )
    opening = g.OpeningSegment(speakers=tuple(p.id for p in people))
    return data(meetings=(meeting(agenda=(opening,)),), participants=people)


MEMBER_STATES = g.Recipient.MEMBER_STATES
PGA = g.Recipient.PRESIDENT_OF_THE_GENERAL_ASSEMBLY


def chaired(
    *,
    opening: tuple[str, ...] = ("p:esp",),
    closing: tuple[str, ...] = ("p:esp",),
    rapporteur: str | None = None,
) -> g.Dataset:
    """A meeting co-chaired by Spain and Moldova, with an opening, a session and a closing."""
    people = (
        person("p:esp", sector=g.Sector.MEMBER_STATE, country="ESP"),
        person("p:guest", sector=g.Sector.MEMBER_STATE, country="FRA"),
        person("p:rapporteur", sector=g.Sector.STAKEHOLDER, roles=(g.Role.RAPPORTEUR,)),
    )
    agenda = (
        g.OpeningSegment(speakers=opening),
        *sessions(1),
        g.ClosingSegment(speakers=closing),
    )
    found = meeting(co_chairs=("ESP", "MDA"), agenda=agenda, rapporteur=rapporteur)
    return data(meetings=(found,), participants=people)


def accredited(*, flag: bool | None) -> g.Dataset:
    """A meeting requiring accreditation, with a stakeholder whose accreditation is ``flag``."""
    stakeholder = g.Participant(
        id="org1",
        kind=g.ParticipantKind.ORGANISATION,
        sector=g.Sector.STAKEHOLDER,
        events=(MEETING,),
        accredited=flag,
    )
    return data(meetings=(meeting(accreditation_required=True),), participants=(stakeholder,))


def call(**changes: Any) -> g.Call:
    """A call for written inputs to the meeting, open for two weeks, with some fields changed."""
    fields: dict[str, Any] = {
        "id": "c1",
        "kind": g.CallKind.INPUTS,
        "meeting": MEETING,
        "opens": days(-21),
        "closes": days(-7),
    }
    return g.Call(**{**fields, **changes})


def sg_report(issued: dt.date, **forum: Any) -> g.Dataset:
    """A report of the Secretary-General issued on ``issued`` for the 2026 IMRF (``forum``)."""
    imrf = g.ReviewForum(id="f1", round="imrf-2026", **forum)
    found = g.SecretaryGeneralReport(id="sg1", forum="f1", issued=issued)
    return data(forums=(imrf,), sg_reports=(found,))


IMRF_DAY = dt.date(2026, 5, 5)


def one_meeting(**changes: Any) -> g.Dataset:
    """A dataset of one meeting, ``meeting(**changes)``."""
    return data(meetings=(meeting(**changes),))


def built_with_deferred_checks(build: Callable[[], g.Meeting]) -> g.Dataset:
    """A dataset holding a meeting built without its invariants checked."""
    with deferred_checks():
        return data(meetings=(build(),))


# -- the table: one row per rule ---------------------------------------------------------------


class Case(NamedTuple):
    """How to break a rule, where the issue is, and a variant that satisfies it."""

    breaking: Callable[[], object]
    path: str
    passing: Callable[[], object]


F, M = g.Gender.FEMALE, g.Gender.MALE

CASES: dict[str, Case] = {
    # -- structure: documents as a data team sends them
    "json-syntax": Case(
        lambda: b'{"schema_version": "1.0",',
        "",
        lambda: b'{"schema_version": "1.0"}',
    ),
    "schema-version": Case(
        lambda: {"meetings": [meeting_doc()]},
        "/schema_version",
        lambda: doc(meetings=[meeting_doc()]),
    ),
    "missing-field": Case(
        lambda: doc(meetings=[meeting_doc(title=None)]),
        "/meetings/0/title",
        lambda: doc(meetings=[meeting_doc()]),
    ),
    "unknown-field": Case(
        lambda: doc(meetings=[meeting_doc(titel="Regional Review")]),
        "/meetings/0/titel",
        lambda: doc(meetings=[meeting_doc(title="Regional Review")]),
    ),
    "wrong-type": Case(
        lambda: doc(meetings=[meeting_doc(title=3)]),
        "/meetings/0/title",
        lambda: doc(meetings=[meeting_doc(title="3")]),
    ),
    "invalid-value": Case(
        lambda: doc(meetings=[meeting_doc(title=" ")]),
        "/meetings/0/title",
        lambda: doc(meetings=[meeting_doc(title="Regional Review")]),
    ),
    "unknown-objective": Case(
        lambda: doc(
            events=[
                {"id": "e1", "kind": "consultation", "start": "2024-01-29", "objectives": [23, 24]}
            ]
        ),
        "/events/0/objectives/1",
        lambda: doc(
            events=[
                {"id": "e1", "kind": "consultation", "start": "2024-01-29", "objectives": [1, 23]}
            ]
        ),
    ),
    "unknown-code": Case(
        lambda: doc(meetings=[meeting_doc(co_chairs=["ESP", "XXX"])]),
        "/meetings/0/co_chairs/1",
        lambda: doc(meetings=[meeting_doc(co_chairs=["ESP", "MDA"])]),
    ),
    "cluster-objectives": Case(
        lambda: doc(
            meetings=[
                meeting_doc(
                    agenda=[{"kind": "thematic_session", "cluster": 1, "objectives": [2, 11]}]
                )
            ]
        ),
        "/meetings/0/agenda/0/objectives/1",
        lambda: doc(
            meetings=[
                meeting_doc(
                    agenda=[{"kind": "thematic_session", "cluster": 1, "objectives": [2, 5]}]
                )
            ]
        ),
    ),
    "chronology": Case(
        lambda: doc(meetings=[meeting_doc(end="2024-03-10")]),
        "/meetings/0/end",
        lambda: doc(meetings=[meeting_doc(end="2024-03-11")]),
    ),
    # -- records and references
    "duplicate-id": Case(
        lambda: data(meetings=(meeting(), meeting())),
        "/meetings/1/id",
        lambda: data(meetings=(meeting(), meeting(id="m2"))),
    ),
    "dangling-reference": Case(
        lambda: one_meeting(agenda=(g.Hearing(moderator="p1"),)),
        "/meetings/0/agenda/0/moderator",
        lambda: data(
            meetings=(meeting(agenda=(g.Hearing(moderator="p1"),)),), participants=(person("p1"),)
        ),
    ),
    # -- meetings
    "objective-coverage": Case(
        lambda: one_meeting(agenda=sessions(1, 2, 3)),
        "/meetings/0/agenda",
        lambda: one_meeting(agenda=sessions(1, 2, 3, 4)),
    ),
    "segment-overlap": Case(
        lambda: one_meeting(
            agenda=(
                g.Hearing(start=at(8, 30), end=at(10)),
                g.OpeningSegment(start=at(9, 30), end=at(10, 30)),
            )
        ),
        "/meetings/0/agenda/1/start",
        lambda: one_meeting(
            agenda=(
                g.Hearing(start=at(8, 30), end=at(10)),
                g.OpeningSegment(start=at(10), end=at(10, 30)),
            )
        ),
    ),
    "co-chairs": Case(
        lambda: one_meeting(co_chairs=("ESP",)),
        "/meetings/0/co_chairs",
        lambda: one_meeting(co_chairs=("ESP", "MDA")),
    ),
    "commission-membership": Case(
        lambda: one_meeting(commissions=("ECE",), co_chairs=("ESP", "BRA")),
        "/meetings/0/co_chairs/1",
        lambda: one_meeting(commissions=("ECE",), co_chairs=("ESP", "MDA")),
    ),
    "session-roles": Case(
        lambda: one_meeting(agenda=sessions(1, moderator="p1")),
        "/meetings/0/agenda/0/member_state_speaker",
        lambda: one_meeting(agenda=sessions(1, moderator="p1", member_state_speaker="p2")),
    ),
    "registration-lead-time": Case(
        lambda: one_meeting(registration=g.Window(opens=days(-55))),
        "/meetings/0/registration/opens",
        lambda: one_meeting(registration=g.Window(opens=days(-56))),
    ),
    "written-input-deadline": Case(
        lambda: one_meeting(written_inputs_due=days(-6)),
        "/meetings/0/written_inputs_due",
        lambda: one_meeting(written_inputs_due=days(-7)),
    ),
    "balance": Case(
        lambda: speakers_dataset(F, F, M, M, countries=("ESP", "ESP", "ESP", "MDA")),
        "/meetings/0/agenda",
        lambda: speakers_dataset(F, F, M, M, countries=("ESP", "ESP", "MDA", "MDA")),
    ),
    "webcast": Case(
        lambda: one_meeting(webcast=False),
        "/meetings/0/webcast",
        lambda: one_meeting(webcast=True),
    ),
    # -- the UNECE 2024 concept note (profile unece-2024)
    "hearing-first": Case(
        lambda: one_meeting(agenda=(g.IntergovernmentalConference(), g.Hearing())),
        "/meetings/0/agenda/1",
        lambda: one_meeting(agenda=(g.Hearing(), g.IntergovernmentalConference())),
    ),
    "background-notes": Case(
        lambda: one_meeting(agenda=sessions(1)),
        "/meetings/0/agenda/0/background_note",
        lambda: one_meeting(agenda=sessions(1, background_note=g.DocumentRef(title="Note"))),
    ),
    "rapporteur": Case(
        one_meeting,
        "/meetings/0/rapporteur",
        lambda: one_meeting(rapporteur="p1"),
    ),
    "thematic-sessions": Case(
        lambda: one_meeting(agenda=sessions(1, 2, 3)),
        "/meetings/0/agenda",
        lambda: one_meeting(agenda=sessions(1, 2, 3, 4)),
    ),
    "co-chair-remarks": Case(
        lambda: chaired(closing=("p:guest",)),
        "/meetings/0/agenda/2/speakers",
        lambda: chaired(closing=("p:esp",)),
    ),
    "rapporteur-briefing": Case(
        lambda: chaired(rapporteur="p:rapporteur"),
        "/meetings/0/agenda/0/speakers",
        lambda: chaired(rapporteur="p:rapporteur", opening=("p:esp", "p:rapporteur")),
    ),
    "accreditation": Case(
        lambda: accredited(flag=False),
        "/participants/0/events/0",
        lambda: accredited(flag=None),
    ),
    # -- reviews
    "stakeholder-coverage": Case(
        lambda: data(
            reviews=(review(),),
            meetings=(meeting(review=REVIEW),),
            participants=covering_participants(),
        ),
        "/reviews/0",
        stakeholder_coverage_ok,
    ),
    "review-cadence": Case(
        lambda: one_meeting(round="regional-2020"),
        "/meetings/0/round",
        lambda: one_meeting(round="regional-2024"),
    ),
    "consultations": Case(
        lambda: data(reviews=(review(),), events=(event(kind=g.EventKind.BRIEFING),)),
        "/reviews/0",
        lambda: data(reviews=(review(),), events=(event(),)),
    ),
    "evaluation-session": Case(
        lambda: data(reviews=(review(),), events=(event(),)),
        "/reviews/0",
        lambda: data(
            reviews=(review(),), events=(event(kind=g.EventKind.EVALUATION, start=days(1)),)
        ),
    ),
    "imrf-alternation": Case(
        lambda: one_meeting(start=dt.date(2026, 5, 12)),
        "/meetings/0/start",
        lambda: one_meeting(start=dt.date(2025, 5, 12)),
    ),
    # -- reports
    "report-deadline": Case(
        lambda: data(meetings=(meeting(),), reports=(report(issued=days(31)),)),
        "/reports/0/issued",
        lambda: data(meetings=(meeting(),), reports=(report(issued=days(30)),)),
    ),
    "report-structure": Case(
        lambda: data(reports=(report(sections=sections(*ALL_SECTION_KINDS[:-1])),)),
        "/reports/0/sections",
        lambda: data(reports=(report(sections=sections(*ALL_SECTION_KINDS)),)),
    ),
    "summary-report": Case(
        lambda: data(meetings=(meeting(),), reports=(report(recipients=(MEMBER_STATES,)),)),
        "/meetings/0",
        lambda: data(meetings=(meeting(),), reports=(report(recipients=(MEMBER_STATES, PGA)),)),
    ),
    "sg-report-lead-time": Case(
        lambda: sg_report(IMRF_DAY - dt.timedelta(weeks=12) + dt.timedelta(days=1), start=IMRF_DAY),
        "/sg_reports/0/issued",
        lambda: sg_report(IMRF_DAY - dt.timedelta(weeks=12), start=IMRF_DAY),
    ),
    # -- calls
    "call-notice": Case(
        lambda: data(meetings=(meeting(),), calls=(call(closes=DAY),)),
        "/calls/0/closes",
        lambda: data(meetings=(meeting(),), calls=(call(),)),
    ),
}


def profile_of(slug: str) -> str:
    """A profile the rule belongs to: ``default`` where it can, else ``unece-2024``."""
    profiles = rules.lookup(slug).profiles
    return "default" if "default" in profiles else "unece-2024"


def test_the_table_covers_every_rule() -> None:
    """CASES has exactly one row per rule slug of the catalogue."""
    assert {r.slug for r in rules} == set(CASES)
    assert len(list(rules)) == 38


def test_the_unece_only_rules_run_under_the_unece_profile_only() -> None:
    """The concept note's rules belong to unece-2024 and not to default or strict."""
    assert {r.slug for r in rules if "default" not in r.profiles} == UNECE_PRACTICE
    assert all(rules.lookup(s).profiles == ("unece-2024",) for s in UNECE_PRACTICE)
    assert {profile_of(s) for s in UNECE_PRACTICE} == {"unece-2024"}
    report = validate(CASES["rapporteur"].breaking(), profile="default", select=["rapporteur"])
    assert report.rules == ()
    assert not report.issues


@pytest.mark.parametrize("slug", list(CASES))
def test_breaking_input_raises_the_rule(slug: str) -> None:
    """The breaking input yields one issue of the rule, at its pointer, with its severity."""
    rule = rules.lookup(slug)
    case = CASES[slug]
    report = validate(case.breaking(), profile=profile_of(slug), select=[slug])
    assert [(i.rule, i.path) for i in report.issues] == [(slug, case.path)], report.to_text()
    (issue,) = report.issues
    assert issue.severity is rule.severity
    assert issue.code == rule.code
    assert issue.message
    assert report.rules == (slug,)


@pytest.mark.parametrize("slug", list(CASES))
def test_passing_variant_satisfies_the_rule(slug: str) -> None:
    """The variant that keeps the rule yields no issue of it."""
    report = validate(CASES[slug].passing(), profile=profile_of(slug), select=[slug])
    assert [i for i in report.issues if i.rule == slug] == [], report.to_text()


# -- the other branches of rules that check several things --------------------------------------


def _late_report() -> g.Dataset:
    """A chairs' summary issued the day before the meeting it reports on."""
    return data(
        meetings=(meeting(),), reports=(report(kind=g.ReportKind.CHAIRS_SUMMARY, issued=days(-1)),)
    )


EXTRA: list[tuple[str, str, str, Callable[[], object], list[str]]] = [
    # (id, slug, profile, builder, paths of the issues, in order)
    (
        "schema version unknown",
        "schema-version",
        "default",
        lambda: {"schema_version": "9.0"},
        ["/schema_version"],
    ),
    (
        "segment outside its meeting",
        "chronology",
        "default",
        lambda: one_meeting(
            start=at(10), end=at(18), agenda=(g.Hearing(start=at(8, 30), end=at(10)),)
        ),
        ["/meetings/0/agenda/0/start"],
    ),
    (
        "consultation after the meeting",
        "chronology",
        "default",
        lambda: data(meetings=(meeting(),), events=(event(meeting=MEETING, start=days(1)),)),
        ["/events/0/start"],
    ),
    (
        "side event after the meeting is fine",
        "chronology",
        "default",
        lambda: data(
            meetings=(meeting(),),
            events=(event(kind=g.EventKind.SIDE_EVENT, meeting=MEETING, start=days(1)),),
        ),
        [],
    ),
    (
        "evaluation before the meeting ends",
        "chronology",
        "default",
        lambda: data(
            meetings=(meeting(end=days(1)),),
            events=(event(kind=g.EventKind.EVALUATION, meeting=MEETING, start=DAY),),
        ),
        ["/events/0/start"],
    ),
    ("report before its meeting", "chronology", "default", _late_report, ["/reports/0/issued"]),
    (
        "objects: end before start",
        "chronology",
        "default",
        lambda: built_with_deferred_checks(lambda: meeting(end=days(-1))),
        ["/meetings/0/end"],
    ),
    (
        "objects: wrong type",
        "wrong-type",
        "default",
        lambda: built_with_deferred_checks(lambda: meeting(title=3)),
        ["/meetings/0/title"],
    ),
    (
        "objects: unknown code",
        "unknown-code",
        "default",
        lambda: built_with_deferred_checks(lambda: meeting(co_chairs=("ESP", "XXX"))),
        ["/meetings/0/co_chairs/1"],
    ),
    (
        "objects: nested cluster objectives",
        "cluster-objectives",
        "unece-2024",
        lambda: built_with_deferred_checks(
            lambda: meeting(agenda=(g.ThematicSession(cluster=1, objectives=(2, 11)),))
        ),
        ["/meetings/0/agenda/0/objectives/1"],
    ),
    (
        "objects: nested child field",
        "unknown-code",
        "default",
        lambda: built_with_deferred_checks(lambda: meeting(venue=g.Venue(country="XXX"))),
        ["/meetings/0/venue/country"],
    ),
    (
        "participant attends an unknown event",
        "dangling-reference",
        "default",
        lambda: data(participants=(person("p1", events=("nowhere",)),)),
        ["/participants/0/events/0"],
    ),
    (
        "a report names an unknown meeting",
        "dangling-reference",
        "default",
        lambda: data(meetings=(meeting(),), reports=(report(meetings=(MEETING, "m9")),)),
        ["/reports/0/meetings/1"],
    ),
    (
        "duplicate ids in a document",
        "duplicate-id",
        "default",
        lambda: doc(meetings=[meeting_doc(), meeting_doc(title="Again")]),
        ["/meetings/1/id"],
    ),
    (
        "a cluster twice, another missing",
        "objective-coverage",
        "unece-2024",
        lambda: one_meeting(agenda=sessions(1, 2, 3, 3)),
        ["/meetings/0/agenda", "/meetings/0/agenda"],
    ),
    (
        "a Member State speaker from outside the region",
        "commission-membership",
        "default",
        lambda: data(
            meetings=(
                meeting(commissions=("ECE",), agenda=sessions(1, member_state_speaker="gov:bra")),
            ),
            participants=(
                g.Participant(
                    id="gov:bra",
                    kind=g.ParticipantKind.ORGANISATION,
                    sector=g.Sector.MEMBER_STATE,
                    country="BRA",
                ),
            ),
        ),
        ["/meetings/0/agenda/0/member_state_speaker"],
    ),
    (
        "a thematic session with neither role",
        "session-roles",
        "unece-2024",
        lambda: one_meeting(agenda=sessions(2)),
        ["/meetings/0/agenda/0/member_state_speaker", "/meetings/0/agenda/0/moderator"],
    ),
    (
        "speakers of one gender, where the concept note asks for gender balance",
        "balance",
        "unece-2024",
        lambda: speakers_dataset(F, F, F, M),
        ["/meetings/0/agenda"],
    ),
    (
        "speakers of one gender: the default judges geographic balance only",
        "balance",
        "default",
        lambda: speakers_dataset(F, F, F, M),
        [],
    ),
    (
        "three speakers are too few to judge",
        "balance",
        "unece-2024",
        lambda: speakers_dataset(F, F, F),
        [],
    ),
    (
        "a consultation not webcast",
        "webcast",
        "default",
        lambda: data(events=(event(webcast=False),)),
        ["/events/0/webcast"],
    ),
    (
        "no hearing at all",
        "hearing-first",
        "unece-2024",
        lambda: one_meeting(agenda=(g.IntergovernmentalConference(),)),
        ["/meetings/0/agenda"],
    ),
    (
        "a hearing listed first but timed after the conference opens",
        "hearing-first",
        "unece-2024",
        lambda: one_meeting(
            agenda=(
                g.Hearing(start=at(10, 30), end=at(11)),
                g.IntergovernmentalConference(start=at(10), end=at(18)),
            )
        ),
        ["/meetings/0/agenda/0"],
    ),
    (
        "a hearing listed after but timed before the conference",
        "hearing-first",
        "unece-2024",
        lambda: one_meeting(
            agenda=(
                g.IntergovernmentalConference(start=at(10), end=at(18)),
                g.Hearing(start=at(8, 30), end=at(10)),
            )
        ),
        [],
    ),
    (
        "an IMRF needs no rapporteur",
        "rapporteur",
        "unece-2024",
        lambda: one_meeting(kind=g.MeetingKind.IMRF),
        [],
    ),
    (
        "a regional review before the rounds began",
        "review-cadence",
        "default",
        lambda: one_meeting(start=dt.date(2019, 11, 12)),
        ["/meetings/0/round"],
    ),
    (
        "two meetings of one commission in one round",
        "review-cadence",
        "default",
        lambda: data(
            meetings=(
                meeting(commissions=("ECE",)),
                meeting(id="m2", commissions=("ECE",), start=days(300)),
            )
        ),
        ["/meetings/1/commissions"],
    ),
    (
        "one consultation is too few for UNECE 2024",
        "consultations",
        "unece-2024",
        lambda: data(reviews=(review(),), events=(event(),)),
        ["/reviews/0"],
    ),
    (
        "two consultations are enough for UNECE 2024",
        "consultations",
        "unece-2024",
        lambda: data(reviews=(review(),), events=(event(), event(id="e2"))),
        [],
    ),
    (
        "sections out of order",
        "report-structure",
        "default",
        lambda: data(reports=(report(sections=sections(*reversed(ALL_SECTION_KINDS))),)),
        ["/reports/0/sections"],
    ),
    (
        "custom sections may be added",
        "report-structure",
        "default",
        lambda: data(
            reports=(
                report(sections=(*sections(*ALL_SECTION_KINDS), g.ReportSection(title="Extra"))),
            )
        ),
        [],
    ),
    (
        "only the outcome report has a deadline",
        "report-deadline",
        "unece-2024",
        lambda: data(
            meetings=(meeting(),),
            reports=(report(kind=g.ReportKind.CHAIRS_SUMMARY, issued=days(90)),),
        ),
        [],
    ),
    (
        "a call that opens and closes on one day",
        "call-notice",
        "default",
        lambda: data(calls=(call(meeting=None, opens=days(-7)),)),
        ["/calls/0/closes"],
    ),
    (
        "a call of one day that closes on the day of its meeting",
        "call-notice",
        "default",
        lambda: data(meetings=(meeting(),), calls=(call(opens=DAY, closes=DAY),)),
        ["/calls/0/closes", "/calls/0/closes"],
    ),
    (
        "a call for a meeting of unknown day, or with no closing day",
        "call-notice",
        "default",
        lambda: data(
            meetings=(meeting(start=None, planned="March 2024"),),
            calls=(call(closes=days(3)), call(id="c2", closes=None)),
        ),
        [],
    ),
    (
        "a report issued after the IMRF opens",
        "sg-report-lead-time",
        "default",
        lambda: sg_report(IMRF_DAY + dt.timedelta(days=3), start=IMRF_DAY),
        ["/sg_reports/0/issued"],
    ),
    (
        "the IMRF's first day from its known meeting",
        "sg-report-lead-time",
        "default",
        lambda: data(
            forums=(g.ReviewForum(id="f1", round="imrf-2022", known_meeting="imrf-2022"),),
            sg_reports=(
                g.SecretaryGeneralReport(id="sg1", forum="f1", issued=dt.date(2022, 4, 1)),
            ),
        ),
        ["/sg_reports/0/issued"],
    ),
    (
        "a report for an IMRF of unknown day, or of no day",
        "sg-report-lead-time",
        "default",
        lambda: data(
            forums=(g.ReviewForum(id="f1", round="imrf-2026", known_meeting="imrf-2026"),),
            sg_reports=(
                g.SecretaryGeneralReport(id="sg1", forum="f1", issued=dt.date(2026, 5, 1)),
                g.SecretaryGeneralReport(id="sg2", forum="f1", planned="2026"),
            ),
        ),
        [],
    ),
]


@pytest.mark.parametrize(
    ("slug", "profile", "build", "paths"), [row[1:] for row in EXTRA], ids=[row[0] for row in EXTRA]
)
def test_other_branches(
    slug: str, profile: str, build: Callable[[], object], paths: list[str]
) -> None:
    """Each further branch of a rule reports at its pointer, or not at all where it should not."""
    report = validate(build(), profile=profile, select=[slug])
    assert [i.path for i in report.issues] == paths, report.to_text()
    assert all(i.rule == slug for i in report.issues)


# -- the UNECE 2024 example --------------------------------------------------------------------


@functools.cache
def unece_2024() -> ModuleType:
    """Import ``examples/unece_2024.py`` under a private module name."""
    spec = importlib.util.spec_from_file_location("_example_unece_2024", EXAMPLES / "unece_2024.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def unece_dataset() -> g.Dataset:
    """The UNECE 2024 example dataset."""
    dataset = unece_2024().build()
    assert isinstance(dataset, g.Dataset)
    return dataset


@pytest.mark.parametrize("profile", ["default", "unece-2024"])
def test_unece_2024_example_has_no_errors(profile: str) -> None:
    """The UNECE 2024 example validates with no errors."""
    report = validate(unece_dataset(), profile=profile)
    assert [str(i) for i in report.issues if i.severity is Severity.ERROR] == []
    assert report.valid
    assert report.records == 23  # 17 review records, 4 calls and 2 forums


def test_seed_003_consultation_objectives_leave_out_objective_11() -> None:
    """A copy whose consultations follow the objective list that seed 003 gives for sessions 1 and 2 yields objective-coverage naming objective 11."""
    dataset = unece_dataset()
    first = next(e for e in dataset.events if e.kind is g.EventKind.CONSULTATION)
    assert first.id == unece_2024().CONSULTATION_1
    copy = dataset.evolve(
        events=tuple(
            e.evolve(objectives=SEED_003_FIRST_CONSULTATION) if e is first else e
            for e in dataset.events
        )
    )
    report = validate(copy, profile="unece-2024", select=["objective-coverage"])
    assert len(report.issues) == 1, report.to_text()
    (issue,) = report.issues
    assert issue.rule == "objective-coverage"
    assert "11" in issue.message
    assert 11 in issue.value
    assert issue.value == [11]
    assert issue.path == "/reviews/0"
    assert issue.record == unece_2024().REVIEW
    assert issue.severity is Severity.WARNING
    # The example as built covers every objective.
    assert not validate(dataset, profile="unece-2024", select=["objective-coverage"]).issues


# -- profiles, select, ignore, max_issues ------------------------------------------------------


def many_problems() -> g.Dataset:
    """A dataset that breaks an error, warnings and an info rule of the default profile.

    And two rules of the UNECE 2024 concept note: one co-chair, the report 40 days late.
    """
    return data(
        reviews=(review(),),
        meetings=(
            meeting(
                review=REVIEW,
                co_chairs=("ESP",),
                webcast=False,
                rapporteur="p1",
                organisers=("p9",),
                registration=g.Window(opens=days(-10)),
            ),
        ),
        events=(event(), event(id="e2", webcast=False)),
        reports=(report(issued=days(40)),),
        participants=(person("p1"),),
    )


def by_rule(report: ValidationReport) -> dict[str, Severity]:
    """The severity of each rule reported (one severity per rule)."""
    found: dict[str, Severity] = {}
    for issue in report.issues:
        assert found.setdefault(issue.rule, issue.severity) is issue.severity
    return found


def test_strict_profile_raises_warnings_to_errors() -> None:
    """Under strict, warnings become errors; errors and information keep their severity."""
    wanted = ["dangling-reference", "webcast", "registration-lead-time", "evaluation-session"]
    default = validate(many_problems(), select=wanted)
    strict = validate(many_problems(), profile="strict", select=wanted)
    assert by_rule(default) == {
        "dangling-reference": Severity.ERROR,
        "webcast": Severity.WARNING,
        "registration-lead-time": Severity.WARNING,
        "evaluation-session": Severity.INFO,
    }
    assert by_rule(strict) == {
        "dangling-reference": Severity.ERROR,
        "webcast": Severity.ERROR,
        "registration-lead-time": Severity.ERROR,
        "evaluation-session": Severity.INFO,
    }
    assert [i.path for i in strict.issues] == [i.path for i in default.issues]
    assert default.valid is False  # dangling-reference is an error anyway
    only_warning = validate(many_problems(), select=["webcast"])
    assert only_warning.valid
    assert not validate(many_problems(), profile="strict", select=["webcast"]).valid


def test_strict_profile_escalates_the_unece_example() -> None:
    """The UNECE 2024 example's stakeholder-coverage warning is an error under strict."""
    report = validate(unece_dataset(), profile="strict", select=["stakeholder-coverage"])
    assert report.issues
    assert {i.severity for i in report.issues} == {Severity.ERROR}
    assert not report.valid


@pytest.mark.parametrize("name", ["registration-lead-time", "GCM306"])
def test_select_by_slug_or_code(name: str) -> None:
    """select takes slugs or codes; only the rules selected run."""
    report = validate(many_problems(), select=[name])
    assert report.rules == ("registration-lead-time",)
    assert [(i.rule, i.code, i.path) for i in report.issues] == [
        ("registration-lead-time", "GCM306", "/meetings/0/registration/opens")
    ]


@pytest.mark.parametrize("name", ["registration-lead-time", "GCM306"])
def test_ignore_by_slug_or_code(name: str) -> None:
    """ignore takes slugs or codes; the rule ignored does not run, the others do."""
    slug = "registration-lead-time"
    everything = validate(many_problems())
    report = validate(many_problems(), ignore=[name])
    assert slug in everything.by_rule
    assert slug not in report.by_rule
    assert slug not in report.rules
    assert report.by_rule == {r: n for r, n in everything.by_rule.items() if r != slug}


def test_select_and_ignore_combine() -> None:
    """A rule both selected and ignored does not run; codes and slugs mix."""
    report = validate(many_problems(), select=["GCM202", "webcast"], ignore=["GCM309"])
    assert report.rules == ("dangling-reference",)
    assert set(report.by_rule) == {"dangling-reference"}


def test_select_a_rule_outside_the_profile_runs_nothing() -> None:
    """Selecting a rule the profile does not run runs nothing; its own profile runs it."""
    assert validate(many_problems(), select=["co-chairs", "report-deadline"]).rules == ()
    unece = validate(many_problems(), profile="unece-2024", select=["GCM303", "GCM501"])
    assert unece.rules == ("co-chairs", "report-deadline")
    assert set(unece.by_rule) == {"co-chairs", "report-deadline"}


def test_select_structural_rules_by_code() -> None:
    """Structural problems are filtered like the other rules."""
    broken = doc(meetings=[meeting_doc(title=3, titel="x")])
    # The meeting is checked all the same: it has no summary report, a rule of its own.
    assert set(validate(broken).by_rule) == {"wrong-type", "unknown-field", "summary-report"}
    assert set(validate(broken, select=["GCM005"]).by_rule) == {"wrong-type"}
    assert set(validate(broken, ignore=["GCM005"]).by_rule) == {"unknown-field", "summary-report"}


@pytest.mark.parametrize("option", ["select", "ignore"])
@pytest.mark.parametrize("name", ["report-deadlines", "GCM999", ""])
def test_unknown_rule_name_raises(option: str, name: str) -> None:
    """An unknown rule name, selected or ignored, raises UnknownCodeError."""
    with pytest.raises(g.UnknownCodeError):
        validate(many_problems(), **{option: [name]})


@pytest.mark.parametrize("profile", ["unece", "Default", "", "unece_2024"])
def test_unknown_profile_raises(profile: str) -> None:
    """An unknown profile raises UnknownCodeError."""
    with pytest.raises(g.UnknownCodeError):
        validate(many_problems(), profile=profile)


def test_max_issues_truncates_and_counts_the_rest() -> None:
    """max_issues keeps that many issues, errors first, and counts the rest in truncated."""
    everything = validate(many_problems())
    total = len(everything)
    assert total >= 5
    kept = validate(many_problems(), max_issues=2)
    assert len(kept) == 2
    assert kept.truncated == total - 2
    assert kept.issues[0].severity is Severity.ERROR
    assert [i.severity.rank for i in kept.issues] == sorted(i.severity.rank for i in kept.issues)
    assert not kept.valid
    assert kept.counts == everything.counts
    enough = validate(many_problems(), max_issues=total)
    assert (len(enough), enough.truncated) == (total, 0)
    assert "not shown" in kept.summary()


# -- scale ----------------------------------------------------------------------------------------


def test_two_thousand_meetings_and_participants() -> None:
    """validate returns for 2,000 meetings and 2,000 participants (no timing asserted)."""
    one = meeting(
        review=REVIEW,
        commissions=("ECE",),
        round="regional-2024",
        co_chairs=("ESP", "MDA"),
        agenda=(
            g.Hearing(moderator="p0"),
            g.IntergovernmentalConference(),
            *sessions(1, 2, 3, 4, moderator="p1"),
        ),
    )
    meetings = tuple(one.evolve(id=f"m{i}") for i in range(2000))
    someone = person("p0", gender=F, events=("m0",))
    people = tuple(someone.evolve(id=f"p{i}", events=(f"m{i}",)) for i in range(2000))
    dataset = data(reviews=(review(),), meetings=meetings, participants=people)
    report = validate(dataset, profile="unece-2024")
    assert report.records == 4001
    counts = report.by_rule
    assert "duplicate-id" not in counts
    assert "dangling-reference" not in counts
    # Every meeting after the first is a second ECE meeting in the 2024 round.
    assert counts["review-cadence"] == 1999
    # Four thematic sessions without a Member State speaker, per meeting.
    assert counts["session-roles"] == 8000
