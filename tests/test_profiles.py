"""Profiles by region: ``default`` binds every regional review, ``unece-2024`` adds one's practice.

A meeting of another region (one presiding State, sessions on its own
priority areas, an outcome report later than the UNECE 2024 concept note's
30 days) is valid under ``default`` and draws the concept note's rules under
``unece-2024``; the bundled UNECE 2024 example is valid under both;
``strict`` is ``default`` with warnings raised. Then the rules' parameters,
set per validation and checked, the profile pages of the docs, and data
written for the previous release.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from typing import Any

import pytest

import gcm_model as g
from gcm_model import validate
from gcm_model.dask import validate_bag
from gcm_model.errors import InvalidCodeError, UnknownCodeError
from gcm_model.models.checks import deferred_checks
from gcm_model.validation import PROFILES, Severity, rules

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
EXAMPLE = ROOT / "examples" / "data" / "unece_2024.json"

UNECE_PRACTICE = {
    "cluster-objectives",
    "objective-coverage",
    "co-chairs",
    "session-roles",
    "written-input-deadline",
    "hearing-first",
    "background-notes",
    "rapporteur",
    "thematic-sessions",
    "co-chair-remarks",
    "rapporteur-briefing",
    "report-deadline",
}
"""The rules only the UNECE 2024 concept note states."""


def other_region(**changes: Any) -> g.Dataset:
    """A regional review meeting of ESCWA as the default profile must accept it.

    One presiding State, two thematic sessions on the region's own priority
    areas (no cluster), written inputs due three days ahead and an outcome
    report 60 days after the meeting, which goes to the President of the
    General Assembly (as the Network's framework asks of every review).
    """
    sessions = (
        g.ThematicSession(number=1, priority_areas=("Labour migration",)),
        g.ThematicSession(number=2, priority_areas=("Climate and migration",), objectives=(2,)),
    )
    fields: dict[str, Any] = {
        "id": "m1",
        "title": "Regional Review",
        "kind": g.MeetingKind.REGIONAL_REVIEW,
        "start": dt.date(2024, 7, 3),
        "end": dt.date(2024, 7, 4),
        "commissions": ("ESCWA",),
        "co_chairs": ("EGY",),
        "written_inputs_due": dt.date(2024, 6, 30),
        "agenda": sessions,
    } | changes
    report = g.Report(
        id="rep1",
        kind=g.ReportKind.OUTCOME_REPORT,
        meetings=("m1",),
        issued=dt.date(2024, 9, 2),
        recipients=(g.Recipient.PRESIDENT_OF_THE_GENERAL_ASSEMBLY,),
    )
    return g.Dataset(meetings=(g.Meeting(**fields),), reports=(report,))


# -- the profiles -------------------------------------------------------------------------------


def test_another_region_is_valid_under_default() -> None:
    """One presiding State, sessions on priority areas, a late report: no issue under default."""
    report = validate(other_region())
    assert report.valid
    assert [str(i) for i in report.issues] == []
    assert not UNECE_PRACTICE & set(report.rules)


def test_the_unece_profile_flags_another_region() -> None:
    """Under unece-2024, the same meeting breaks the concept note's practice."""
    report = validate(other_region(), profile="unece-2024")
    assert not report.valid
    errors = {(i.rule, i.path) for i in report if i.severity is Severity.ERROR}
    assert errors == {("co-chairs", "/meetings/0/co_chairs")}
    found = {(i.rule, i.path) for i in report}
    assert {
        ("report-deadline", "/reports/0/issued"),
        ("written-input-deadline", "/meetings/0/written_inputs_due"),
        ("thematic-sessions", "/meetings/0/agenda"),
        ("objective-coverage", "/meetings/0/agenda"),
        ("session-roles", "/meetings/0/agenda/0/member_state_speaker"),
    } <= found
    sessions = next(i for i in report if i.rule == "thematic-sessions")
    assert "2 on no cluster" in sessions.message


def test_a_session_on_a_cluster_and_more_is_for_the_unece_profile_to_judge() -> None:
    """Objective 11 in a session on cluster 1: valid by default, an error under unece-2024."""
    data = other_region(agenda=(g.ThematicSession(cluster=1, objectives=(2, 11)),))
    assert validate(data).valid
    report = validate(data, profile="unece-2024", select=["cluster-objectives"])
    assert [(i.rule, i.path, i.value) for i in report] == [
        ("cluster-objectives", "/meetings/0/agenda/0/objectives/1", 11)
    ]
    assert report.issues[0].message == "objective 11 is in cluster 2, not cluster 1"


def test_cluster_objectives_leaves_unknown_codes_to_their_rules() -> None:
    """An unknown cluster or objective is its own rule's error, not a cluster-objectives one."""
    with deferred_checks():
        sessions = (
            g.ThematicSession(cluster=7, objectives=(11,)),
            g.ThematicSession(cluster=1, objectives=(24, 2)),
        )
    report = validate(other_region(agenda=sessions), profile="unece-2024")
    found = {(i.rule, i.path) for i in report if i.severity is Severity.ERROR}
    assert found == {
        ("co-chairs", "/meetings/0/co_chairs"),
        ("unknown-code", "/meetings/0/agenda/0/cluster"),
        ("unknown-objective", "/meetings/0/agenda/1/objectives/0"),
    }


@pytest.mark.parametrize("chairs", [("EGY",), ("EGY", "JOR"), ("EGY", "JOR", "TUN")])
def test_default_accepts_one_or_more_presiding_states(chairs: tuple[str, ...]) -> None:
    """One, two or three presiding States: no issue by default; two only under unece-2024."""
    data = other_region(co_chairs=chairs)
    assert validate(data, select=["co-chairs", "commission-membership"]).issues == ()
    unece = validate(data, profile="unece-2024", select=["co-chairs"])
    assert [i.rule for i in unece] == ([] if len(chairs) == 2 else ["co-chairs"])


@pytest.mark.parametrize("profile", ["default", "unece-2024"])
def test_the_unece_2024_example_is_valid(profile: str) -> None:
    """The bundled UNECE 2024 dataset has no error under either profile."""
    report = validate(EXAMPLE, profile=profile)
    assert report.valid, report.to_text()


def test_default_runs_no_rule_of_one_region() -> None:
    """The concept note's rules run under unece-2024 only; default and strict run the same rules."""
    default, strict, unece = (PROFILES[n] for n in ("default", "strict", "unece-2024"))
    assert {r.slug for r in unece.active()} - {r.slug for r in default.active()} == UNECE_PRACTICE
    assert {r.slug for r in default.active()} <= {r.slug for r in unece.active()}
    assert strict.active() == default.active()
    assert strict.escalate
    assert not default.escalate
    assert not unece.escalate


def test_the_unece_profile_sets_its_parameters() -> None:
    """Two consultations and gender balance under unece-2024; one and geography by default."""
    consultations, balance = rules.lookup("consultations"), rules.lookup("balance")
    assert PROFILES["default"].parameter(consultations, "minimum") == 1
    assert PROFILES["unece-2024"].parameter(consultations, "minimum") == 2
    assert PROFILES["default"].parameter(balance, "gender") is False
    assert PROFILES["unece-2024"].parameter(balance, "gender") is True


def test_profile_descriptions_cite_no_file_names() -> None:
    """What a user reads of a profile names documents, never a source file or a working label."""
    for chosen in PROFILES.values():
        assert not re.search(r"\.txt|seed \d|domain_facts|\bR\d+\b|§", chosen.description)


# -- parameters -------------------------------------------------------------------------------


def speakers(countries: tuple[str, ...]) -> g.Dataset:
    """A meeting whose opening has one speaker per country given (all women)."""
    people = tuple(
        g.Participant(
            id=f"p{i}",
            kind=g.ParticipantKind.PERSON,
            sector=g.Sector.MEMBER_STATE,
            country=country,
            gender=g.Gender.FEMALE,
        )
        for i, country in enumerate(countries)
    )
    opening = g.OpeningSegment(speakers=tuple(p.id for p in people))
    meeting = g.Meeting(
        id="m1",
        title="Regional Review",
        kind=g.MeetingKind.REGIONAL_REVIEW,
        start=dt.date(2024, 3, 11),
        agenda=(opening,),
    )
    return g.Dataset(meetings=(meeting,), participants=people)


BALANCED = ("ESP", "ESP", "MDA", "MDA", "FRA")
"""Two of five from one State (40 %): balanced at the default share, 60 %."""


def test_balance_thresholds_are_parameters() -> None:
    """The share and the minimum are the project's choice, and a validation can set them."""
    rule = rules.lookup("balance")
    assert rule.parameter("max_share") == 0.6
    assert rule.parameter("min_people") == 4
    for name in ("max_share", "min_people"):
        source = next(p.source for p in rule.parameters if p.name == name)
        assert source.startswith("this project's choice, not the Compact's")
    data = speakers(BALANCED)
    assert validate(data, select=["balance"]).issues == ()
    stricter = validate(data, select=["balance"], parameters={"balance": {"max_share": 0.3}})
    assert [(i.rule, i.value) for i in stricter] == [("balance", "ESP")]
    assert "30%" in (stricter.issues[0].hint or "")
    fewer = speakers(("ESP", "ESP", "MDA"))
    assert validate(fewer, select=["balance"]).issues == ()
    judged = validate(fewer, select=["balance"], parameters={"GCM308": {"min_people": 3}})
    assert [i.value for i in judged] == ["ESP"]


def test_gender_balance_is_judged_where_the_profile_asks() -> None:
    """Five women: no issue by default, a note under unece-2024 or with gender set."""
    data = speakers(BALANCED)
    assert validate(data, select=["balance"]).issues == ()
    unece = validate(data, profile="unece-2024", select=["balance"])
    assert [i.value for i in unece] == ["female"]
    asked = validate(data, select=["balance"], parameters={"balance": {"gender": True}})
    assert [i.value for i in asked] == ["female"]
    dropped = {"balance": {"gender": False}}
    assert validate(data, profile="unece-2024", select=["balance"], parameters=dropped).issues == ()


def test_parameters_take_precedence_over_the_profile() -> None:
    """A parameter given to validate overrides the profile's own value, for that call only."""
    review = g.RegionalReview(id="r1", round="regional-2024", commissions=("ECE",))
    event = g.PreparatoryEvent(
        id="e1", kind=g.EventKind.CONSULTATION, review="r1", start=dt.date(2024, 1, 29)
    )
    data = g.Dataset(reviews=(review,), events=(event,))
    unece = validate(data, profile="unece-2024", select=["consultations"])
    assert [i.rule for i in unece] == ["consultations"]
    one = {"consultations": {"minimum": 1}}
    assert (
        validate(data, profile="unece-2024", select=["consultations"], parameters=one).issues == ()
    )
    assert [i.rule for i in validate(data, profile="unece-2024", select=["consultations"])] == [
        "consultations"
    ]


def test_parameters_for_dask_are_those_of_validate(tmp_path: Path) -> None:
    """validate_bag takes the same parameters and gives the same answer."""
    path = tmp_path / "speakers.jsonl"
    g.dump_jsonl(speakers(BALANCED), path)
    asked = {"balance": {"max_share": 0.3}}
    bag = validate_bag(str(path), select=["balance"], parameters=asked, scheduler="sync")
    whole = validate(path, select=["balance"], parameters=asked)
    assert [(i.rule, i.value) for i in bag] == [(i.rule, i.value) for i in whole] != []


@pytest.mark.parametrize(
    ("parameters", "error"),
    [
        ({"no-such-rule": {"days": 1}}, UnknownCodeError),
        ({"balance": {"share": 0.5}}, UnknownCodeError),
        ({"webcast": {"days": 1}}, UnknownCodeError),
        ({"balance": {"max_share": 1.5}}, InvalidCodeError),
        ({"balance": {"max_share": -0.1}}, InvalidCodeError),
        ({"balance": {"max_share": math.nan}}, InvalidCodeError),
        ({"balance": {"max_share": "0.5"}}, InvalidCodeError),
        ({"balance": {"min_people": 2.5}}, InvalidCodeError),
        ({"balance": {"min_people": True}}, InvalidCodeError),
        ({"balance": {"gender": 1}}, InvalidCodeError),
        ({"report-deadline": {"days": math.inf}}, InvalidCodeError),
        ({"balance": 0.5}, InvalidCodeError),
        ([("balance", {"max_share": 0.5})], InvalidCodeError),
    ],
)
def test_wrong_parameters_are_a_wrong_call(parameters: Any, error: type[Exception]) -> None:
    """An unknown rule or parameter, or a value of the wrong type or range, raises at the call."""
    with pytest.raises(error) as raised:
        validate(g.Dataset(), parameters=parameters)
    assert isinstance(raised.value, g.GcmError)


def test_suggestions_for_an_unknown_parameter() -> None:
    """An unknown parameter's error names the rule's parameters."""
    with pytest.raises(UnknownCodeError) as raised:
        validate(g.Dataset(), parameters={"balance": {"share": 0.5}})
    assert set(raised.value.suggestions) == {"max_share", "min_people", "gender"}
    assert "parameter of balance" in str(raised.value)


def test_no_parameters_leave_the_profile_as_it_is() -> None:
    """An empty mapping of parameters is the profile itself."""
    chosen = PROFILES["unece-2024"]
    assert chosen.tuned({}) is chosen
    assert chosen.tuned({"balance": {}}).parameters == chosen.parameters


# -- the docs -----------------------------------------------------------------------------------


def nav_pages() -> set[str]:
    """Every page the site's navigation lists (the nav is the last section of mkdocs.yml)."""
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n", 1)[1]
    return set(re.findall(r":\s*(\S+\.md)\s*$", nav, re.MULTILINE))


@pytest.mark.parametrize("name", list(PROFILES))
def test_each_profile_has_its_page(name: str) -> None:
    """docs/profiles/NAME.md exists, is in the navigation, and names its sources without labels."""
    page = DOCS / "profiles" / f"{name}.md"
    assert f"profiles/{name}.md" in nav_pages()
    text = page.read_text(encoding="utf-8")
    assert text.startswith(f"# The `{name}` profile")
    assert not re.search(r"\.txt|seed \d|domain_facts|\bR\d+\b|\bS\d+\b|§|\bI\d+\b", text)


def test_the_default_page_lists_every_rule_and_parameter() -> None:
    """Each rule default runs, and each parameter, is on its page."""
    text = (DOCS / "profiles" / "default.md").read_text(encoding="utf-8")
    for rule in PROFILES["default"].active():
        assert f"`{rule.slug}`" in text, rule.slug
        for parameter in rule.parameters:
            assert f"`{rule.slug}.{parameter.name}`" in text
    assert "this project's choice, not the Compact's" in text


def test_the_unece_page_lists_what_the_profile_adds() -> None:
    """Each rule and parameter unece-2024 adds to default is on its page."""
    text = (DOCS / "profiles" / "unece-2024.md").read_text(encoding="utf-8")
    for slug in UNECE_PRACTICE:
        assert f"| `{slug}` |" in text, slug
    for slug, values in PROFILES["unece-2024"].parameters.items():
        for name in values:
            assert f"`{slug}.{name}`" in text


# -- data written for the previous release --------------------------------------------------------


def test_data_with_a_cluster_on_every_session_loads_unchanged() -> None:
    """The old required cluster is still read and written as it was."""
    raw = EXAMPLE.read_bytes()
    dataset = g.load(EXAMPLE)
    meeting = dataset.meetings[0]
    assert [s.cluster for s in meeting.thematic_sessions] == [1, 2, 3, 4]
    assert all(s.priority_areas == () for s in meeting.thematic_sessions)
    assert g.dumps(dataset) == raw
    assert b"priority_areas" not in raw
