"""Tests that prove the reference data: the facts the sources state, checked through the API."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
from typing import Any

import attrs
import pytest

import gcm_model
from gcm_model import MembershipKind, ReviewKind, Status
from gcm_model.dates import REVIEW_INTERVAL_YEARS, review_years
from gcm_model.errors import InvalidCodeError, UnknownCodeError

COMMISSIONS = ("ECE", "ESCAP", "ECLAC", "ECA", "ESCWA")


def test_objective_11_title() -> None:
    """The example of issue 3 holds."""
    assert (
        gcm_model.objectives.lookup(11).title
        == "Manage borders in an integrated, secure and coordinated manner"
    )
    assert [o.number for o in gcm_model.objectives] == list(range(1, 24))


def test_principles_are_a_to_j() -> None:
    """Ten guiding principles, lettered a to j, from People-centred to Whole-of-society."""
    letters = [p.letter for p in gcm_model.principles]
    assert letters == list("abcdefghij")
    assert gcm_model.principles.lookup("a").title == "People-centred"
    assert gcm_model.principles.lookup("j").title == "Whole-of-society approach"


def test_clusters_partition_the_objectives() -> None:
    """The four clusters are disjoint and together cover 1..23 exactly."""
    covered = [n for c in gcm_model.clusters for n in c.objectives]
    assert sorted(covered) == list(range(1, 24))
    assert len(covered) == len(set(covered))
    assert {c.number: c.objectives for c in gcm_model.clusters} == {
        1: (2, 5, 6, 12, 18),
        2: (4, 8, 9, 10, 11, 13, 21),
        3: (14, 15, 16, 19, 20, 22),
        4: (1, 3, 7, 17, 23),
    }


@pytest.mark.parametrize("objective", range(1, 24))
def test_of_objective_finds_the_one_cluster(objective: int) -> None:
    """Every objective maps to the single cluster that lists it."""
    cluster = gcm_model.clusters.of_objective(objective)
    assert objective in cluster.objectives
    assert gcm_model.clusters.of_objective(str(objective)) is cluster


def test_of_objective_rejects_unknown_objectives() -> None:
    """Objective 24 has no cluster."""
    with pytest.raises(UnknownCodeError):
        gcm_model.clusters.of_objective(24)


def test_stakeholder_categories_keep_local_authorities_and_communities_apart() -> None:
    """Fifteen categories; local authorities and local communities are two."""
    codes = [s.code for s in gcm_model.stakeholders]
    assert len(codes) == 15
    assert {"local_authorities", "local_communities", "youth", "other"} <= set(codes)
    assert not gcm_model.stakeholders.lookup("youth").in_gcm_para_44
    assert gcm_model.stakeholders.lookup("parliaments").code == "parliamentarians"


@pytest.mark.parametrize(
    ("code", "members", "associates"),
    [("ECE", 56, 0), ("ESCAP", 53, 9), ("ECLAC", 46, 14), ("ECA", 54, 0), ("ESCWA", 21, 0)],
)
def test_member_counts(code: str, members: int, associates: int) -> None:
    """Member counts 56 / 53 / 46 / 54 / 21, plus the associate members."""
    commission = gcm_model.commissions.lookup(code)
    assert len(commission.members()) == members
    assert len(commission.members(associates=True)) == members + associates
    kinds = [m.kind for m in commission.memberships]
    assert kinds.count(MembershipKind.ASSOCIATE) == associates


def _pair(a: str, b: str) -> set[str]:
    first = set(gcm_model.commissions.lookup(a).members())
    return first & set(gcm_model.commissions.lookup(b).members())


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("ECE", "ESCAP", "ARM AZE FRA GBR GEO KAZ KGZ NLD RUS TJK TKM TUR USA UZB"),
        ("ECE", "ECLAC", "CAN DEU ESP FRA GBR ITA NLD NOR PRT TUR USA"),
        ("ESCAP", "ECLAC", "FRA GBR JPN KOR NLD TUR USA"),
        ("ECA", "ESCWA", "DJI DZA EGY LBY MAR MRT SDN SOM TUN"),
    ],
)
def test_overlaps_match_domain_facts(a: str, b: str, expected: str) -> None:
    """The States in two commissions are those of domain_facts §5.7."""
    assert _pair(a, b) == set(expected.split())


def test_no_other_overlaps_and_five_in_three() -> None:
    """ECA and ESCWA share no State with the other three; five States are in three."""
    for a, b in itertools.product(("ECA", "ESCWA"), ("ECE", "ESCAP", "ECLAC")):
        assert _pair(a, b) == set()
    triple = _pair("ECE", "ESCAP") & set(gcm_model.commissions.lookup("ECLAC").members())
    assert triple == {"FRA", "GBR", "NLD", "TUR", "USA"}


def test_union_is_un_members_plus_palestine() -> None:
    """The five member lists together are the 193 UN Member States and Palestine."""
    union = {code for c in gcm_model.commissions for code in c.members()}
    un_members = {c.alpha_3 for c in gcm_model.countries.un_member_states()}
    assert len(un_members) == 193
    assert union == un_members | {"PSE"}


def test_escwa_membership_changes_over_time() -> None:
    """ESCWA had 20 members in April 2021 (no Djibouti) and 18 before 2020."""
    escwa = gcm_model.commissions.lookup("ESCWA")
    assert len(escwa.members(dt.date(2021, 4, 9))) == 20
    assert "DJI" not in escwa.members(dt.date(2021, 4, 9))
    assert "DJI" in escwa.members(dt.date(2024, 7, 3))
    before = escwa.members(dt.date(2019, 12, 31))
    assert len(before) == 18
    assert "DZA" not in before
    assert "SOM" not in before
    djibouti = escwa.membership("DJI")
    assert djibouti is not None
    assert djibouti.status is Status.UNCONFIRMED
    assert escwa.membership("FRA") is None


def test_of_country_as_of_a_date() -> None:
    """of_country lists every commission of a State on a date."""
    assert [c.code for c in gcm_model.commissions.of_country("DJI")] == ["ECA", "ESCWA"]
    early = gcm_model.commissions.of_country("DJI", dt.date(2021, 1, 1))
    assert [c.code for c in early] == ["ECA"]
    assert [c.code for c in gcm_model.commissions.of_country("Türkiye")] == [
        "ECE",
        "ESCAP",
        "ECLAC",
    ]
    assert gcm_model.commissions.of_country("HKG") == ()
    assert [c.code for c in gcm_model.commissions.of_country("HKG", associates=True)] == ["ESCAP"]
    assert gcm_model.commissions.of_country("XKX") == ()


def test_commission_records() -> None:
    """Names, aliases, seats and the regions each commission convenes."""
    eclac = gcm_model.commissions.lookup("CEPAL")
    assert eclac.code == "ECLAC"
    assert eclac.headquarters.city == "Santiago"
    assert eclac.region.name == "Latin America & Caribbean"
    assert gcm_model.commissions.lookup("UNECE").headquarters.country == "CHE"
    escwa = gcm_model.commissions.lookup("ESCWA")
    # The name ESCWA, IOM and the League of Arab States use; the civil-society
    # guide's "Middle East & North Africa" is only an alias.
    assert escwa.region.name == "Arab region"
    assert escwa.region.aliases == ("Arab States", "Middle East & North Africa")
    assert gcm_model.commissions.lookup("Middle East & North Africa") is escwa
    assert [c.code for c in gcm_model.commissions] == list(COMMISSIONS)
    for commission in gcm_model.commissions:
        assert gcm_model.countries.is_valid(commission.headquarters.country)
        for membership in commission.memberships:
            assert gcm_model.countries.is_valid(membership.country), membership


def test_issue_examples_for_countries() -> None:
    """search("moldova") finds MDA first; UN names are used for display."""
    assert gcm_model.countries.search("moldova")[0].alpha_3 == "MDA"
    assert gcm_model.countries.lookup("MDA").name == "Republic of Moldova"
    assert gcm_model.countries.lookup("CZE").name == "Czechia"
    assert gcm_model.countries.lookup("Czech Republic").alpha_3 == "CZE"


def test_kosovo_carries_its_qualifier() -> None:
    """Kosovo is outside ISO 3166-1 and is always shown with UNSCR 1244 (1999)."""
    kosovo = gcm_model.countries.lookup("Kosovo")
    assert kosovo.alpha_3 == "XKX"
    assert kosovo.alpha_2 is None
    assert kosovo.iso_name is None
    assert kosovo.qualifier is not None
    assert "resolution 1244 (1999)" in kosovo.qualifier
    assert "1244" in kosovo.display_name
    assert gcm_model.countries.translate("XKX", "fr") is None


def test_palestine_is_escwa_member_and_un_observer() -> None:
    """The State of Palestine: ESCWA member, UN non-member observer State."""
    palestine = gcm_model.countries.lookup("State of Palestine")
    assert palestine.alpha_3 == "PSE"
    assert palestine.un_status == "observer"
    assert [c.code for c in gcm_model.commissions.of_country("PSE")] == ["ESCWA"]


def test_holy_see_is_a_non_member_observer_state() -> None:
    """The Holy See is the other UN non-member observer State, as the UN lists them."""
    holy_see = gcm_model.countries.lookup("VAT")
    assert holy_see.name == "Holy See"
    assert holy_see.un_status == "observer"
    assert "un-non-member-states" in holy_see.sources
    assert gcm_model.countries.lookup("Holy See") is holy_see
    observers = {c.alpha_3 for c in gcm_model.countries if c.un_status == "observer"}
    assert observers == {"PSE", "VAT"}
    assert "un-non-member-states" in gcm_model.countries.lookup("PSE").sources
    page = gcm_model.sources.lookup("un-non-member-states")
    assert page.urls == ("https://www.un.org/en/about-us/non-member-states",)


def test_every_iso_country_is_present() -> None:
    """All 249 ISO 3166-1 entries plus Kosovo."""
    assert len(gcm_model.countries) == 250


def test_rounds_and_cadence() -> None:
    """Regional rounds from 2020 and IMRF rounds from 2022, every four years."""
    codes = [r.code for r in gcm_model.rounds]
    assert codes == ["regional-2020", "imrf-2022", "regional-2024", "imrf-2026"]
    assert gcm_model.rounds.for_year(2021).code == "regional-2020"
    assert gcm_model.rounds.for_year(2025).code == "regional-2024"
    assert gcm_model.rounds.for_year(2022, ReviewKind.IMRF).code == "imrf-2022"
    computed = gcm_model.rounds.for_year(2029)
    assert (computed.code, computed.number, computed.held) == ("regional-2028", 3, None)
    assert computed.status is Status.CONFIRMED_2
    with pytest.raises(UnknownCodeError):
        gcm_model.rounds.for_year(2019)
    assert gcm_model.rounds.for_year(9999).code == "regional-9996"
    with pytest.raises(UnknownCodeError):  # past the last year a date holds, not a ValueError
        gcm_model.rounds.for_year(10000)
    with pytest.raises(UnknownCodeError):
        gcm_model.rounds.lookup("regional-10000")
    with pytest.raises(InvalidCodeError):
        gcm_model.rounds.for_year("2024")
    with pytest.raises(InvalidCodeError):
        gcm_model.rounds.for_year(2024, "global")


@pytest.mark.parametrize("kind", list(ReviewKind))
def test_for_year_follows_review_years(kind: ReviewKind) -> None:
    """The round of each year starts on the cadence, asked twice (the answer is cached)."""
    first = min(r.year for r in gcm_model.rounds if r.kind is kind)
    for year in [*range(first, 2101), 9998, 9999] * 2:
        found = gcm_model.rounds.for_year(year, kind)
        start = review_years(first, until=year)[-1]
        assert (found.code, found.year, found.kind) == (f"{kind.value}-{start}", start, kind)
        assert found.number == (start - first) // REVIEW_INTERVAL_YEARS + 1
        assert found == gcm_model.rounds.lookup(found.code)


def test_known_meetings_are_consistent() -> None:
    """Each known meeting sits in its round, ends after it starts, names known codes."""
    for meeting in gcm_model.known_meetings:
        known_round = gcm_model.rounds.lookup(meeting.round)
        if meeting.start is not None:
            assert meeting.end is not None
            assert meeting.start <= meeting.end
            kind = known_round.kind
            assert gcm_model.rounds.for_year(meeting.start.year, kind) is known_round
        for code in meeting.commissions:
            assert gcm_model.commissions.is_valid(code)
        for country in (meeting.country, meeting.host_country):
            assert country is None or gcm_model.countries.is_valid(country)
        assert meeting.format is None or gcm_model.meeting_formats.is_valid(meeting.format)


def test_each_commission_has_one_review_per_regional_round() -> None:
    """Rounds 1 and 2 each hold one regional review meeting per commission (R2)."""
    for round_code in ("regional-2020", "regional-2024"):
        convened = [
            code
            for m in gcm_model.known_meetings
            if m.round == round_code
            for code in m.commissions
        ]
        assert sorted(convened) == sorted(COMMISSIONS)


def test_unece_2024_meeting() -> None:
    """The UNECE review of 11 March 2024 at the Palais des Nations."""
    meeting = gcm_model.known_meetings.lookup("ece-2024")
    assert meeting.start == meeting.end == dt.date(2024, 3, 11)
    assert meeting.venue == "Palais des Nations"
    assert meeting.planned is not None
    assert meeting.planned.text == "11 March 2024"
    assert gcm_model.known_meetings.lookup("ece-2020").format == "virtual"
    assert gcm_model.known_meetings.lookup("imrf-2026").start is None


def test_a_plan_keeps_its_own_status_and_confidence() -> None:
    """A date given only as planned is shown as a plan, never with the meeting's status."""
    eclac = gcm_model.known_meetings.lookup("eclac-2025")
    plan = eclac.planned
    assert plan is not None
    assert eclac.status is Status.CONFIRMED  # the dates it was held on
    assert (plan.text, plan.status, plan.confidence) == (
        "June 2024",
        Status.SEED,
        gcm_model.types.Confidence.MEDIUM,
    )
    assert plan.date == gcm_model.PartialDate(2024, 6)
    assert plan.note  # why the reading is in doubt
    assert str(plan) == "planned June 2024 (SEED; read with medium confidence)"
    assert "planned=PlannedDate(text='June 2024', status=<Status.SEED" in repr(eclac)
    assert "confidence=<Confidence.MEDIUM" in repr(eclac)
    # A plan from a primary text is as well sourced as that text.
    eca = gcm_model.known_meetings.lookup("eca-2021").planned
    assert eca is not None
    assert (eca.text, eca.status, eca.sources) == (
        "March 2021",
        Status.CONFIRMED,
        ("eca-africa-2020-concept-note",),
    )


def test_every_plan_cites_sources_of_its_meeting() -> None:
    """Each plan names known sources, which its meeting cites too, and a date it names."""
    plans = [m for m in gcm_model.known_meetings if m.planned is not None]
    assert len(plans) == 6
    for meeting in plans:
        plan = meeting.planned
        assert plan is not None
        assert plan.sources
        assert set(plan.sources) <= set(meeting.sources), meeting.code
        assert plan.date is not None
        assert str(plan.date.year) in plan.text


def test_report_sections_in_suggested_order() -> None:
    """Six suggested sections, Introduction first and Annex last (seed 004)."""
    kinds = list(gcm_model.report_section_kinds)
    assert [k.order for k in kinds] == list(range(1, 7))
    assert [k.title for k in kinds][0::5] == ["Introduction", "Annex"]


def test_guiding_questions_and_formats_and_languages() -> None:
    """Guiding questions a-e, three meeting formats, six languages."""
    assert [q.letter for q in gcm_model.guiding_questions] == list("abcde")
    assert gcm_model.guiding_questions.lookup("b").text.startswith("How has or will")
    assert [f.code for f in gcm_model.meeting_formats] == ["in_person", "virtual", "hybrid"]
    assert [lang.code for lang in gcm_model.languages] == ["ar", "zh", "en", "fr", "ru", "es"]


def test_country_names_are_un_then_iso_never_common() -> None:
    """name is the UN short name, else the ISO name; the common name is only searchable."""
    taiwan = gcm_model.countries.lookup("TWN")
    assert taiwan.name == taiwan.iso_name == "Taiwan, Province of China"
    assert taiwan.common_name == "Taiwan"
    assert gcm_model.countries.lookup("Taiwan") is taiwan
    assert gcm_model.countries.lookup("BOL").name == "Bolivia (Plurinational State of)"


def test_members_as_of_takes_dates_and_datetimes_only() -> None:
    """A datetime counts by its date; anything else is an InvalidCodeError, not a TypeError."""
    escwa = gcm_model.commissions.lookup("ESCWA")
    moment = dt.datetime(2021, 4, 9, 12, tzinfo=dt.UTC)
    assert escwa.members(moment) == escwa.members(dt.date(2021, 4, 9))
    with pytest.raises(InvalidCodeError):
        escwa.members("2021-04-09")  # type: ignore[arg-type]


def test_rounds_on_the_cadence_are_valid_codes() -> None:
    """regional-2028 is a round by the cadence; regional-2027 and imrf-2024 are not."""
    assert gcm_model.rounds.validate("regional-2028") == "regional-2028"
    assert gcm_model.rounds.lookup("imrf-2030").number == 3
    assert "regional-2032" in gcm_model.rounds
    for code in ("regional-2027", "imrf-2024", "regional-2016", "regional-20x8", "global-2024"):
        assert not gcm_model.rounds.is_valid(code)
    review = gcm_model.RegionalReview(id="r", round="regional-2028", commissions=("ECE",))
    assert review.round == "regional-2028"


# Working labels of the project's fact sheet and seed files, which no text a user
# reads may carry: source numbers, seed file names, "seed 003", section signs.
WORKING_LABEL = re.compile(
    r"\bS\d{1,2}\b|\d{3}_[0-9a-f]{16}|\bseeds?\b|domain_facts|§", re.IGNORECASE
)


def test_the_contradictions_between_sources_are_records() -> None:
    """Each disagreement has two sides or more, each with known sources, a choice and a reason."""
    codes = [c.code for c in gcm_model.contradictions]
    assert codes == [
        "objective-11-consultations",
        "unece-2024-pre-consultation-date",
        "unece-2024-hearing-length",
        "first-round-dates",
        "funding-paragraphs",
        "a-res-73-326-paragraphs",
    ]
    for contradiction in gcm_model.contradictions:
        assert len(contradiction.claims) >= 2, contradiction.code
        cited = [s for claim in contradiction.claims for s in claim.sources]
        assert contradiction.sources == tuple(dict.fromkeys(cited))
        assert all(gcm_model.sources.is_valid(s) for s in cited)
        shown = [contradiction.title, contradiction.choice, contradiction.reason]
        shown += [t for claim in contradiction.claims for t in (claim.says, claim.where)]
        for words in shown:
            assert not WORKING_LABEL.search(words), (contradiction.code, words)


def test_the_funding_citation_and_the_a_res_73_326_paragraphs() -> None:
    """The two contradictions the audit left: each side with its own sources."""
    funding = gcm_model.contradictions.lookup("funding-paragraphs")
    guide, resolution = funding.claims
    assert guide.sources == ("un-network-regional-reviews-2024",)
    assert "paragraphs 48 to 50 of General Assembly resolution 73/195" in guide.says
    assert resolution.sources == ("a-res-73-195",)
    assert "43(b)" in resolution.says
    paragraphs = gcm_model.contradictions.lookup("a-res-73-326-paragraphs")
    assert [c.sources for c in paragraphs.claims] == [
        ("unece-2024-concept-note",),
        ("un-network-follow-up-and-review",),
        ("imrf-2022-about-the-forum",),
    ]
    assert "para. 9" in paragraphs.claims[1].says
    assert paragraphs.status is Status.UNCONFIRMED  # paras. 15 and 21 are unchecked
    omission = gcm_model.contradictions.lookup("objective-11-consultations")
    assert "2, 4, 5, 6, 8, 9, 10, 12, 13, 18, 21" in omission.claims[0].says
    assert gcm_model.contradictions.search("funding")[0] is funding


@pytest.mark.parametrize(
    ("registry", "code"),
    [
        (gcm_model.objectives, 11),
        (gcm_model.commissions, "ECE"),
        (gcm_model.countries, "CIV"),
        (gcm_model.clusters, 2),
        (gcm_model.sources, "a-res-73-326"),
    ],
)
def test_reference_records_show_as_html_tables(registry: Any, code: object) -> None:
    """In a notebook a reference record is a table of its fields, escaped."""
    record = registry.lookup(code)
    shown = record._repr_html_()
    assert shown.startswith(f"<div><strong>{type(record).__name__}</strong><table>")
    assert html.escape(str(getattr(record, attrs.fields(type(record))[0].name))) in shown
    assert "<script" not in shown
