"""Hints are written per rule and say something true of the data at hand.

Each test breaks the UNECE 2024 example one way and reads the hint of the
issue it raises: the hint names what the data holds (the objectives missing,
the first record with an id, the commissions a State belongs to, the day a
deadline falls on), so two datasets that break a rule differently get
different hints.
"""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gcm_model
from gcm_model.conformance import profile_for

if TYPE_CHECKING:
    from gcm_model.validation import Issue

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "data" / "unece_2024.json"


@functools.cache
def _example() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(EXAMPLE.read_bytes())
    return document


def example() -> dict[str, Any]:
    """A fresh copy of the UNECE 2024 example document."""
    document: dict[str, Any] = copy.deepcopy(_example())
    return document


def issues_of(document: dict[str, Any], rule: str, profile: str | None = None) -> list[Issue]:
    """The issues of one rule the document raises (under the rule's profile by default)."""
    report = gcm_model.validate(document, profile=profile or profile_for(rule), select=[rule])
    return [i for i in report.issues if i.rule == rule]


def consultation(document: dict[str, Any], index: int) -> dict[str, Any]:
    """The ``index``-th consultation event of the document."""
    found: list[dict[str, Any]] = [e for e in document["events"] if e["kind"] == "consultation"]
    return found[index]


def test_the_example_raises_none_of_these_rules() -> None:
    """The unbroken example is clean for every rule these tests break."""
    rules = [
        "objective-coverage",
        "duplicate-id",
        "dangling-reference",
        "commission-membership",
        "written-input-deadline",
        "report-deadline",
        "report-structure",
        "call-notice",
        "sg-report-lead-time",
    ]
    report = gcm_model.validate(example(), select=rules)
    assert [str(i) for i in report.issues] == []


def test_coverage_hint_names_the_objectives_missing_and_their_clusters() -> None:
    """Objective 11 missing: cluster 2, and the round tables of A/RES/73/326."""
    document = example()
    consultation(document, 0)["objectives"] = [2, 4, 5, 6, 8, 9, 10, 12, 13, 18, 21]
    [issue] = issues_of(document, "objective-coverage")
    assert issue.hint == (
        "objective 11 is in round-table cluster 2 (objectives 4, 8, 9, 10, 11, 13, 21); "
        "the four round tables of A/RES/73/326 together cover objectives 1 to 23"
    )


def test_coverage_hint_follows_the_data_not_one_fixed_sentence() -> None:
    """Other objectives missing, another hint: here 1 and 3 of cluster 4, and 14 of 3."""
    document = example()
    consultation(document, 1)["objectives"] = [7, 15, 16, 17, 19, 20, 22, 23]
    [issue] = issues_of(document, "objective-coverage")
    assert issue.value == [1, 3, 14]
    assert issue.hint is not None
    assert "objective 14 is in round-table cluster 3 (objectives 14, 15, 16, 19, 20, 22)" in (
        issue.hint
    )
    assert "objectives 1, 3 are in round-table cluster 4 (objectives 1, 3, 7, 17, 23)" in (
        issue.hint
    )
    assert "cluster 2" not in issue.hint


def test_coverage_hint_for_sessions_names_where_an_objective_is_twice() -> None:
    """An objective in two thematic sessions: the hint names both sessions."""
    document = example()
    sessions = [s for s in document["meetings"][0]["agenda"] if s["kind"] == "thematic_session"]
    sessions[2]["objectives"] = [*sessions[2]["objectives"], 5]
    found = issues_of(document, "objective-coverage")
    twice = [i for i in found if i.value == [5]]
    assert [i.hint for i in twice] == ["objective 5 in sessions 1 and 3"]


def test_duplicate_id_hint_points_at_the_first_record() -> None:
    """The second record with an id is told where the first one is."""
    document = example()
    document["participants"][3]["id"] = document["participants"][1]["id"]
    [issue] = issues_of(document, "duplicate-id")
    assert issue.hint == "the first record with this id is at $.participants[1]"


def test_dangling_reference_hint_offers_ids_close_to_the_wrong_one() -> None:
    """A misspelt id gets the dataset's close ids; one with none near, the ids it can name."""
    document = example()
    document["reports"][0]["authors"] = ["person:irem-arff"]
    [issue] = issues_of(document, "dangling-reference")
    assert issue.hint == "ids close to it: person:irem-arf"
    document["reports"][0]["authors"] = ["zzz"]
    [issue] = issues_of(document, "dangling-reference")
    assert issue.hint is not None
    assert issue.hint.startswith("ids of the dataset's participants: gov:esp, gov:mda, ")
    assert issue.hint.endswith(" more")


def test_membership_hint_names_the_commissions_the_state_belongs_to() -> None:
    """Brazil co-chairing a UNECE meeting: Brazil is a member of ECLAC on that day."""
    document = example()
    document["meetings"][0]["co_chairs"] = ["ESP", "BRA"]
    [issue] = issues_of(document, "commission-membership")
    assert issue.hint == "BRA is a member of ECLAC on 2024-03-11"


def test_deadline_hints_give_the_day_the_data_calls_for() -> None:
    """Written inputs three days ahead, a report 52 days late: the days that would do."""
    document = example()
    document["meetings"][0]["written_inputs_due"] = "2024-03-08"
    [issue] = issues_of(document, "written-input-deadline")
    assert issue.hint == "2024-03-04 at the latest gives 7 days"
    outcome = next(r for r in document["reports"] if r["kind"] == "outcome_report")
    outcome["issued"] = "2024-05-02"
    [issue] = issues_of(document, "report-deadline")
    assert issue.hint == "due by 2024-04-10"


def test_report_structure_hint_gives_the_suggested_order() -> None:
    """Sections out of order: the hint lists those kinds in the suggested order."""
    document = example()
    outcome = next(r for r in document["reports"] if r["kind"] == "outcome_report")
    kinds = [k.code for k in gcm_model.report_section_kinds]
    outcome["sections"] = [{"kind": code, "title": code} for code in reversed(kinds)]
    [issue] = issues_of(document, "report-structure")
    assert issue.hint == "the suggested order: " + ", ".join(kinds)


def test_stakeholder_hint_names_the_categories_heard() -> None:
    """The example hears civil society and trade unions only: the hint says so."""
    [issue] = issues_of(example(), "stakeholder-coverage")
    assert issue.hint == (
        "categories heard, through the review's events and submissions: civil_society, trade_unions"
    )


def test_consultation_hint_names_the_other_kinds_of_event() -> None:
    """A review whose only events are not consultations is told their kinds."""
    document = example()
    for event in document["events"]:
        event["kind"] = "pre_consultation"
    [issue] = issues_of(document, "consultations")
    assert (
        issue.hint == "its other events are of kind pre_consultation; only kind consultation counts"
    )


def test_alternation_hint_names_the_round_and_the_imrf_year() -> None:
    """A regional meeting moved to 2026 or 2022: the hint names the round the year is in."""
    hints = []
    for start in ("2026-03-11", "2022-03-11"):
        document = example()
        document["meetings"][0]["start"] = start
        document["meetings"][0].pop("end", None)
        [issue] = issues_of(document, "imrf-alternation")
        hints.append(issue.hint)
    assert hints[0] is not None
    assert hints[0].startswith("the regional round regional-2024 was held in 2024-2025")
    assert hints[1] is not None
    assert hints[1].startswith("the regional round regional-2020 was held in 2020-2021")


def test_co_chair_remarks_hint_names_the_chairs_and_the_speakers() -> None:
    """The opening's speakers replaced by the rapporteur alone: the hint lists who speaks."""
    document = example()
    meeting = document["meetings"][0]
    opening = next(s for s in meeting["agenda"] if s["kind"] == "opening")
    opening["speakers"] = [meeting["rapporteur"]]
    [issue] = issues_of(document, "co-chair-remarks")
    assert issue.hint == (
        f"co-chairs: {', '.join(meeting['co_chairs'])}; speakers: {meeting['rapporteur']}"
    )


def test_every_issue_of_every_conformance_case_has_a_hint() -> None:
    """Each rule's cases draw issues that all say how to fix them, for every rule with cases."""
    from gcm_model.conformance import CASES  # noqa: PLC0415 - only this test reads the suite

    hinted: set[str] = set()
    for case in CASES:
        report = gcm_model.validate(case.document, profile=case.profile)
        for issue in report.issues:
            assert issue.hint, f"{case.document_path}: {issue}"
            hinted.add(issue.rule)
    assert {r.slug for r in gcm_model.rules} <= hinted


def test_structure_hints_are_written_from_the_value() -> None:
    """A date written day first, a number in quotes, a misspelt field: each hint names the fix."""
    document = example()
    document["meetings"][0]["start"] = "11/03/2024"
    [issue] = issues_of(document, "invalid-value")
    assert (
        issue.hint
        == "2024-03-11 if 11/03/2024 is day/month/year, 2024-11-03 if it is month/day/year"
    )
    document = example()
    document["meetings"][0]["start"] = "25/03/2024"
    [issue] = issues_of(document, "invalid-value")
    assert issue.hint == "2024-03-25 if 25/03/2024 is day/month/year"
    document = example()
    consultation(document, 0)["objectives"][0] = "12"
    [issue] = issues_of(document, "wrong-type")
    assert issue.hint == "12 without quotes"
    document = example()
    document["meetings"][0]["titel"] = document["meetings"][0].pop("title")
    found = {i.rule: i.hint for i in gcm_model.validate(document).issues}
    assert found["unknown-field"] == "'titel' renamed to 'title'"
    assert found["missing-field"] == "'title' added to the record at $.meetings[0]"


def test_call_notice_hint_gives_the_last_day_before_the_meeting() -> None:
    """The written-inputs call closing on the meeting's day, then after it: the same last day."""
    found = []
    for closes in ("2024-03-11", "2024-03-20"):
        document = example()
        call = next(c for c in document["calls"] if c["kind"] == "inputs")
        call["closes"] = closes
        [issue] = issues_of(document, "call-notice")
        found.append((issue.value, issue.hint))
    last = "a closing day of 2024-03-10 or earlier leaves the answers time to inform it"
    assert found == [("2024-03-11", last), ("2024-03-20", last)]


def test_call_notice_hint_for_a_call_of_one_day_names_that_day() -> None:
    """A call that opens on the day it closes: the hint asks to open it before that day."""
    document = example()
    call = next(c for c in document["calls"] if c["kind"] == "inputs")
    call["opens"] = call["closes"]
    [issue] = issues_of(document, "call-notice")
    assert issue.hint is not None
    assert issue.hint.startswith(f"open it before {call['closes']}")


def test_sg_report_hint_gives_the_last_day_twelve_weeks_before_the_forum() -> None:
    """A report for the 2022 IMRF (17 May 2022): issued at the latest on 22 February 2022."""
    messages = []
    for issued in ("2022-04-01", "2022-05-20"):
        document = example()
        forum = next(f for f in document["forums"] if f["round"] == "imrf-2022")
        document["sg_reports"] = [{"id": "sg:2022", "forum": forum["id"], "issued": issued}]
        [issue] = issues_of(document, "sg-report-lead-time")
        assert issue.hint == "issued 2022-02-22 at the latest, it is available 12 weeks ahead"
        messages.append(issue.message)
    assert "46 days before" in messages[0]
    assert "3 days after" in messages[1]
