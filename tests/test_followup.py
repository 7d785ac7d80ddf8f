"""Tests for the follow-up records: the IMRF, the SG's reports, calls, national reviews, funds."""

# The broken cases pass wrong values on purpose, to check the runtime checks.
# mypy: disable-error-code="arg-type"

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest

import gcm_model as g
from gcm_model.converters import dumps_jsonl, load_jsonl
from gcm_model.models.checks import deferred_checks
from gcm_model.tabular import from_tables, to_tables

if TYPE_CHECKING:
    from collections.abc import Callable

D0 = dt.date(2024, 1, 15)
D1 = dt.date(2024, 3, 4)


def dataset() -> g.Dataset:
    """A dataset with a record of every follow-up collection, all references resolving."""
    review = g.RegionalReview(id="ece-2024", round="regional-2024", commissions=["ECE"])
    report = g.Report(id="ece-2024-summary", kind="regional_summary", review="ece-2024")
    forum = g.ReviewForum(
        id="imrf-2022",
        round="imrf-2022",
        start=dt.date(2022, 5, 17),
        end=dt.date(2022, 5, 20),
        known_meeting="imrf-2022",
        declaration=g.ProgressDeclaration(
            title="IMRF Progress Declaration",
            symbol="A/RES/76/266",
            plenaries=[
                g.Plenary(
                    planned="second half of 2024",
                    considers=["sg-2024", "ece-2024-summary", "ece-2024"],
                )
            ],
        ),
    )
    return g.Dataset(
        reviews=[review],
        reports=[report],
        forums=[forum],
        sg_reports=[
            g.SecretaryGeneralReport(id="sg-2020", number=1, symbol="A/75/542", forum="imrf-2022"),
            g.SecretaryGeneralReport(id="sg-2024", planned="2024", inputs=["ece-2024-summary"]),
        ],
        funds=[g.Fund(id="m-mptf", name="Migration Multi-Partner Trust Fund")],
        calls=[
            g.Call(id="inputs", kind="inputs", review="ece-2024", guiding_questions=["a", "e"]),
            g.Call(
                id="travel",
                kind="funding",
                fund="m-mptf",
                review="ece-2024",
                opens=D0,
                closes=D1,
            ),
        ],
        national_reviews=[
            g.NationalReview(id="prt-plan", kind="implementation_plan", country="PRT"),
            g.NationalReview(
                id="prt-review",
                kind="voluntary_review",
                country="PRT",
                review="ece-2024",
                forum="imrf-2022",
                plan="prt-plan",
                language="pt",
                linked=[g.LinkedReport(mechanism="treaty_body", body="CEDAW")],
            ),
        ],
    )


def test_a_dataset_of_follow_up_records_is_valid() -> None:
    """Every new collection's records, referring to each other, break no rule.

    The review itself lacks its meeting, consultations and stakeholders, which
    the review rules report at the review; nothing is reported elsewhere.
    """
    report = g.validate(dataset())
    assert [(i.rule, i.path) for i in report.issues if i.path != "/reviews/0"] == []


def test_follow_up_records_round_trip_through_every_format() -> None:
    """JSON, JSON Lines (one tag per collection) and CSV tables give the dataset back."""
    data = dataset()
    assert g.loads(g.dumps(data)) == data
    lines = dumps_jsonl(data).decode().splitlines()
    tags = [line.split('"', 4)[3] for line in lines]
    assert {"forum", "sg_report", "call", "national_review", "fund"} <= set(tags)
    assert load_jsonl(lines) == data
    assert from_tables(to_tables(data)) == data


def test_references_of_follow_up_records_must_resolve() -> None:
    """A reference from a new record, nested ones too, names a record of its collections."""
    data = dataset()
    forum = data.forums[0]
    assert forum.declaration is not None
    plenary = forum.declaration.plenaries[0].evolve(considers=("nowhere",))
    broken = data.evolve(
        forums=[forum.evolve(declaration=forum.declaration.evolve(plenaries=[plenary]))],
        calls=[data.calls[0].evolve(fund="no-fund")],
        national_reviews=[
            data.national_reviews[0],
            data.national_reviews[1].evolve(plan="no-plan"),
        ],
    )
    issues = g.validate(broken).issues
    found = {(i.rule, i.record, i.path) for i in issues if i.path != "/reviews/0"}
    assert found == {
        ("dangling-reference", "imrf-2022", "/forums/0/declaration/plenaries/0/considers/0"),
        ("dangling-reference", "inputs", "/calls/0/fund"),
        ("dangling-reference", "prt-review", "/national_reviews/1/plan"),
    }


def test_ids_of_follow_up_records_are_unique_in_their_collection() -> None:
    """A second forum or call with the id of the first is a duplicate, told where the first is."""
    data = dataset()
    twice = data.evolve(
        forums=[*data.forums, data.forums[0].evolve(title="again")],
        calls=[*data.calls, data.calls[1].evolve(title="again")],
    )
    issues = [i for i in g.validate(twice).issues if i.rule == "duplicate-id"]
    assert [(i.path, i.hint) for i in issues] == [
        ("/forums/1/id", "the first record with this id is at $.forums[0]"),
        ("/calls/2/id", "the first record with this id is at $.calls[1]"),
    ]


def test_a_submission_in_portuguese_is_valid() -> None:
    """Any ISO 639 language, not only the six of the UN (issue 14)."""
    submission = g.WrittenSubmission(id="s1", member_state="PRT", text="Respostas.", language="pt")
    assert list(submission.problems()) == []
    with deferred_checks():
        alpha_3 = g.WrittenSubmission(id="s2", member_state="PRT", text="x", language="por")
    assert [p.message for p in alpha_3.problems()] == ["write the language as 'pt'"]


BROKEN: list[tuple[str, Callable[[], Any], str, str]] = [
    (
        "parts offered for inputs",
        lambda: g.Call(id="c", kind="inputs", roles=["rapporteur"]),
        "invalid-value",
        "roles",
    ),
    (
        "call closes first",
        lambda: g.Call(id="c", kind="inputs", opens=D1, closes=D0),
        "chronology",
        "closes",
    ),
    (
        "call address",
        lambda: g.Call(id="c", kind="inputs", reply_to="GCMReviews"),
        "invalid-value",
        "reply_to",
    ),
    (
        "review its own plan",
        lambda: g.NationalReview(id="n", kind="voluntary_review", country="PRT", plan="n"),
        "invalid-value",
        "plan",
    ),
    (
        "review country",
        lambda: g.NationalReview(id="n", kind="voluntary_review", country="Portugal"),
        "unknown-code",
        "country",
    ),
    (
        "review language",
        lambda: g.NationalReview(id="n", kind="voluntary_review", country="PRT", language="xx"),
        "unknown-code",
        "language",
    ),
    (
        "linked mechanism",
        lambda: g.LinkedReport(mechanism="vnr"),
        "wrong-type",
        "mechanism",
    ),
    (
        "forum round",
        lambda: g.ReviewForum(id="f", round="imrf-2023"),
        "unknown-code",
        "round",
    ),
    (
        "forum ends first",
        lambda: g.ReviewForum(id="f", round="imrf-2022", start=D1, end=D0),
        "chronology",
        "end",
    ),
    (
        "plenary ends first",
        lambda: g.Plenary(start=D1, end=D0),
        "chronology",
        "end",
    ),
    (
        "action objective",
        lambda: g.RecommendedAction(text="Act.", objectives=[24]),
        "unknown-objective",
        "objectives[0]",
    ),
    ("declaration title", lambda: g.ProgressDeclaration(title=" "), "invalid-value", "title"),
    (
        "report number",
        lambda: g.SecretaryGeneralReport(id="r", number=0),
        "invalid-value",
        "number",
    ),
    ("fund name", lambda: g.Fund(id="f", name=""), "invalid-value", "name"),
]


@pytest.mark.parametrize(
    ("builder", "rule", "field"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN]
)
def test_broken_follow_up_objects(builder: Callable[[], Any], rule: str, field: str) -> None:
    """Each invariant of the follow-up classes is refused with its rule, at its field."""
    with deferred_checks():
        obj = builder()
    assert (rule, field) in {(p.rule, p.field) for p in obj.problems()}
    with pytest.raises(g.InvalidValueError):
        builder()


def test_a_call_for_expressions_of_interest_offers_parts() -> None:
    """The parts of the UNECE 2024 concept note: co-chair, keynote speaker, rapporteur, moderator."""
    call = g.Call(
        id="eoi",
        kind=g.CallKind.EXPRESSIONS_OF_INTEREST,
        roles=["co_chair", "speaker", "rapporteur", "moderator"],
        sectors=["member_state", "stakeholder"],
        reply_to="GCMReviewsUNECE@iom.int",
    )
    assert [role.value for role in call.roles] == ["co_chair", "speaker", "rapporteur", "moderator"]
    assert call.sectors == (g.Sector.MEMBER_STATE, g.Sector.STAKEHOLDER)


def test_a_review_has_its_mandate_and_a_meeting_its_back_to_back_events() -> None:
    """The UNECE 2024 concept note: an Executive Committee decision; the Regional Forum."""
    mandate = g.DocumentRef(
        title="Decision of the UNECE Executive Committee at its 128th meeting",
        issued=dt.date(2023, 5, 15),
    )
    review = g.RegionalReview(
        id="ece-2024", round="regional-2024", commissions=["ECE"], mandates=[mandate]
    )
    forum = g.BackToBackEvent(
        title="Regional Forum on Sustainable Development for the UNECE Region",
        start=dt.date(2024, 3, 13),
        end=dt.date(2024, 3, 14),
    )
    meeting = g.Meeting(
        id="m", title="T", kind="regional_review", start=dt.date(2024, 3, 11), back_to_back=[forum]
    )
    data = g.Dataset(reviews=[review], meetings=[meeting])
    assert g.loads(g.dumps(data)) == data
    assert from_tables(to_tables(data)) == data
    with pytest.raises(g.InvalidValueError, match="is not after start"):
        g.BackToBackEvent(title="Forum", start=dt.date(2024, 3, 14), end=dt.date(2024, 3, 13))
    with pytest.raises(g.InvalidValueError, match="time zone"):
        g.DocumentRef(title="Decision", issued=dt.datetime(2023, 5, 15, 10))  # noqa: DTZ001 - under test
