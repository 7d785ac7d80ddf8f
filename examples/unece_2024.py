"""The second UNECE regional review of the GCM (Geneva, 11 March 2024) as a ``Dataset``.

Run it with ``python examples/unece_2024.py``; ``build()`` returns the dataset.

Every value comes from the seed documents (named by file name) or from the
fact sheet ``domain_facts.md`` (named by section and source number) and is cited
in the ``sources`` of its record. What no source says stays ``None`` or empty:
the thematic sessions' speakers, moderators and times, the languages, the
webcast, the registration window, the issue dates of the outcome report and of
the co-chairs' summary, and the contents of every report.

Where the sources disagree (domain_facts.md §9) the choice is made in a comment
and recorded in the ``notes`` of the record concerned:

* I1: seed 003 leaves objective 11 out of the first consultation's list; the
  consultations use the full clusters, so objective 11 is included.
* I2: the pre-consultation was held on 14 Nov 2023 (seed 003, after the event),
  not 8 Nov 2023 (seed 002, a plan).
* I4: the hearing keeps its scheduled slot 08:30-10:00 CET (seed 001) and the
  75 minutes seed 003 reports go in ``reported_minutes``.
* I5: "Regional Migration Review Forum (RMRF)" (seed 003) is an alias of the
  Regional Review, noted, not used as the title.
* I9: the framework document has two URLs in seed 001; the Documentation list's
  is kept.
* I10: the two addresses are contacts for two different purposes.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import gcm_model
from gcm_model import (
    ClosingSegment,
    Contact,
    Dataset,
    DocumentRef,
    EventKind,
    Hearing,
    HighLevelPanel,
    Meeting,
    MeetingKind,
    OpeningSegment,
    Participant,
    ParticipantKind,
    PreparatoryEvent,
    RegionalReview,
    Report,
    ReportKind,
    Role,
    Sector,
    ThematicSession,
    Venue,
)
from gcm_model.dates import parse_human

if TYPE_CHECKING:
    from gcm_model.models.process import Moment

# -- sources -------------------------------------------------------------------------

SEED_000 = "000_b9c5f268b265885e.txt"  # framework for the second round of regional reviews
SEED_001 = "001_61412e3f83cb501b.txt"  # UNECE 2024 concept note, documentation, Annex 1
SEED_002 = "002_82325204e59e67f2.txt"  # stakeholder guide with the 2023-2025 timeline
SEED_003 = "003_dc4e584de64692f4.txt"  # Civil Society Action Committee account of the review
FACTS_6_3 = "domain_facts.md §6.3 (S25)"  # actual meetings: UNECE round 2
FACTS_7 = "domain_facts.md §7 (S1, S27)"  # IOM as Coordinator and secretariat of the Network
FACTS_9 = "domain_facts.md §9"  # the inconsistencies between the seeds

# -- ids -----------------------------------------------------------------------------

REVIEW = "review:ece-2024"
MEETING = "meeting:ece-2024"
PRE_CONSULTATION = "event:ece-2024:pre-consultation"
CONSULTATION_1 = "event:ece-2024:consultation-1"
CONSULTATION_2 = "event:ece-2024:consultation-2"
IREM_ARF = "person:irem-arf"
ELANA_WONG = "person:elana-wong"
ITUC = "org:ituc"
ACTION_COMMITTEE = "org:cs-action-committee"
UNECE = "org:unece"
IOM = "org:iom"
UN_NETWORK = "org:un-network-on-migration"
SPAIN = "gov:esp"
MOLDOVA = "gov:mda"

# -- the day ---------------------------------------------------------------------------

TIME_ZONE = "Europe/Zurich"  # Geneva; seed 001 gives the times in CET
MEETING_DAY = dt.date(2024, 3, 11)  # seed 001, seed 003, domain_facts §6.3


def at(clock: str) -> dt.datetime:
    """An instant on 11 March 2024 from a CET clock time of seed 001 (``"08:30"``).

    Raises:
        TypeError: the text carries no time of day.
    """
    moment = parse_human(f"11 March 2024 {clock} CET", time_zone=TIME_ZONE)
    if not isinstance(moment, dt.datetime):
        raise TypeError(f"{clock!r} is not a time of day")
    return moment


def union_of_clusters(*numbers: int) -> tuple[int, ...]:
    """The objectives of some clusters, ascending (the clusters are disjoint)."""
    return tuple(sorted(n for c in numbers for n in gcm_model.clusters.lookup(c).objectives))


# -- the records --------------------------------------------------------------------


def review() -> RegionalReview:
    """The second UNECE regional review, with its contacts and documentation."""
    return RegionalReview(
        id=REVIEW,
        round="regional-2024",
        commissions=("ECE",),
        title=(
            "Second Regional Review of the Global Compact for Safe, Orderly, and Regular "
            "Migration in the United Nations Economic Commission for Europe Region"
        ),
        # I10: two addresses, two purposes, not a conflict between seeds 001 and 002.
        contacts=(
            Contact(
                role="Member State written inputs to the guiding questions; offers of a "
                "keynote speaker for a thematic session",
                email="GCMReviewsUNECE@iom.int",
            ),
            Contact(
                role="Stakeholder engagement (Europe & North America)",
                email="mignetUNECE@iom.int",
            ),
        ),
        # Seed 001, "Documentation", items a-e.
        documents=(
            DocumentRef(
                title="Global Compact for Safe, Orderly and Regular Migration",
                symbol="A/RES/73/195",
            ),
            DocumentRef(
                title="Format and organizational aspects of the international migration "
                "review forums",
                symbol="A/RES/73/326",
            ),
            # I9: footnote 3 of seed 001 spells this URL with "%20"; item c's form is kept.
            DocumentRef(
                title="Framework on the preparation and organization of the Regional Reviews "
                "of the Global Compact for Safe, Orderly and Regular Migration",
                url="https://migrationnetwork.un.org/system/files/resources_files/"
                "Regional_Reviews_Framework.pdf",
            ),
            DocumentRef(
                title="Regional Review of the Global Compact for Safe, Orderly and Regular "
                "Migration in the Economic Commission for Europe Region - Provisional Agenda",
                url="https://migrationnetwork.un.org/system/files/docs/"
                "Draft%20provisional%20agenda_GCM%20Regional%20Review_approved.pdf",
            ),
            DocumentRef(
                title="Dedicated webpage on GCM Regional Review for UNECE Region",
                url="https://migrationnetwork.un.org/europe-and-north-america-2024",
            ),
        ),
        notes=(
            "Convened by UNECE jointly with IOM as Coordinator of the UN Network on Migration, "
            "pursuant to the decision of the UNECE Executive Committee at its 128th meeting on "
            "15 May 2023 (seed 001). "
            "Contacts (domain_facts I10): GCMReviewsUNECE@iom.int is the address seed 001 gives "
            "for Member States' written inputs and keynote offers; mignetUNECE@iom.int is the "
            "stakeholder contact of seed 002; one contact per purpose. "
            "Consultations (domain_facts I3): seed 000 plans one multi-stakeholder consultation "
            "per region, seed 001 two for UNECE, seed 002 '8 or 11 March 2024'; seed 003 reports "
            "a pre-consultation and two consultations, which are the events recorded. "
            "Framework URL (domain_facts I9): seed 001 footnote 3 gives "
            "'.../Regional%20Reviews%20Framework.pdf', Documentation item c "
            "'.../Regional_Reviews_Framework.pdf'; item c is kept. "
            "Member States are asked to answer the guiding questions a-e of Annex 1 "
            "(gcm_model.guiding_questions); no field links a review to them. "
            "A Logistics Note was to follow upon registration (seed 001)."
        ),
        sources=(SEED_000, SEED_001, SEED_002, FACTS_6_3, FACTS_9),
    )


def meeting() -> Meeting:
    """The Regional Review Meeting: Multi-stakeholder Hearing, then the Conference."""
    agenda = (
        # I4: the scheduled slot of seed 001 (90 minutes) is kept; seed 003 reports
        # "a 75-minute Multi-Stakeholder Hearing", which goes in reported_minutes.
        Hearing(
            title="Multi-stakeholder Hearing",
            start=at("08:30"),
            end=at("10:00"),
            reported_minutes=75,
            moderator=ELANA_WONG,
        ),
        # Seed 001: the Conference runs 10:00-18:00 CET and opens with this segment; the
        # co-chairs deliver remarks in it and the Rapporteur briefs Member States in it
        # (the plan of the concept note; seed 003 does not name who spoke). Its end is
        # not given.
        OpeningSegment(
            title="Opening segment",
            start=at("10:00"),
            speakers=(SPAIN, MOLDOVA, IREM_ARF),
        ),
        # Seed 001 and seed 003: four sessions on the four IMRF round-table clusters.
        # Their times, Member State speakers and stakeholder moderators are not named.
        *(ThematicSession.for_cluster(n, title=f"Session {n}") for n in range(1, 5)),
        # Seed 001 gives the panel's time, not its place among the sessions (nor whether it
        # belongs to the Conference); it is listed after them.
        HighLevelPanel(
            title="High-level Panel on Regular Migration Pathways",
            start=at("13:30"),
            end=at("14:30"),
            topic="pathways for regular migration",
            host=IOM,
        ),
        # Seed 001: the Conference concludes with a closing segment (co-chairs' remarks)
        # and ends at 18:00 CET; its start is not given.
        ClosingSegment(title="Closing segment", end=at("18:00"), speakers=(SPAIN, MOLDOVA)),
    )
    return Meeting(
        id=MEETING,
        title=(
            "Second Regional Review Meeting on the implementation of the Global Compact for "
            "Safe, Orderly, and Regular Migration in the UNECE Region"
        ),
        kind=MeetingKind.REGIONAL_REVIEW,
        start=at("08:30"),
        end=at("18:00"),
        review=REVIEW,
        round="regional-2024",
        commissions=("ECE",),
        known_meeting="ece-2024",
        venue=Venue(name="Palais des Nations", city="Geneva", country="CHE"),
        time_zone=TIME_ZONE,
        co_chairs=("ESP", "MDA"),  # seed 003; domain_facts §6.3 (S25)
        rapporteur=IREM_ARF,  # seed 003
        organisers=(UNECE, IOM),  # seed 001: UNECE convenes jointly with IOM
        # Seed 001 Annex 1: written inputs "one week ahead of the meeting" - derived.
        written_inputs_due=MEETING_DAY - dt.timedelta(weeks=1),
        agenda=agenda,
        documents=(
            DocumentRef(
                title="Second Regional Review of the Global Compact for Safe, Orderly, and "
                "Regular Migration in the United Nations Economic Commission for Europe "
                "Region - Concept Note",
            ),
        ),
        notes=(
            "Name (domain_facts I5): seed 003 calls the meeting the 'second Regional Migration "
            "Review Forum (RMRF)'; RMRF is an alias, the canonical name is Regional Review. "
            "Structure (seed 001): a Multi-stakeholder Hearing 08:30-10:00 CET, then the "
            "Intergovernmental Conference 10:00-18:00 CET (opening segment, four thematic "
            "sessions, closing segment); the agenda has no item for the Conference itself. "
            "Hearing length (domain_facts I4): scheduled 08:30-10:00 CET (90 minutes, seed 001); "
            "seed 003 reports 75 minutes. "
            "Held back-to-back with the Regional Forum on Sustainable Development for the UNECE "
            "Region (seed 001), 13-14 March 2024 (domain_facts §6.3, S25); the first of five "
            "round-2 meetings (S25). "
            "Written inputs due 2024-03-04 is derived: seed 001 asks for them 'one week ahead "
            "of the meeting'. "
            "Opening and closing speakers follow the plan of seed 001 (co-chairs' remarks at "
            "both; the Rapporteur's briefing at the opening); seed 003 only says that members "
            "and observers of the Civil Society Action Committee made opening and closing "
            "statements and moderated sessions, without names. "
            "Each thematic session was to be opened by a Member State speaker and moderated by "
            "a stakeholder representative, with a short background note prepared by the "
            "Network (seed 001); none is named. "
            "Members of the Civil Society Action Committee were panellists at the Hearing "
            "(seed 003); their names are not in the seed. "
            "The High-level Panel is hosted by 'the Coordinator of the Network' (seed 001), the "
            "IOM Director General (domain_facts §7, S27); host names IOM. "
            "The two co-chairs are high-level representatives of Member States, elected "
            "(seed 001). Format, languages, webcast and registration window: not stated for "
            "this meeting (seed 002: registration needs accreditation)."
        ),
        sources=(SEED_001, SEED_003, FACTS_6_3, FACTS_7, FACTS_9),
    )


def events() -> tuple[PreparatoryEvent, ...]:
    """The online pre-consultation and the two stakeholder consultations (seed 003)."""
    # I2: seed 003 (an account after the event) gives 14 Nov 2023; seed 002's plan 8 Nov.
    pre = PreparatoryEvent(
        id=PRE_CONSULTATION,
        kind=EventKind.PRE_CONSULTATION,
        start=dt.date(2023, 11, 14),
        review=REVIEW,
        meeting=MEETING,
        title="Online pre-consultation",
        format="virtual",
        organisers=(UN_NETWORK,),
        notes=(
            "Date (domain_facts I2): 14 November 2023 as seed 003 reports it; seed 002's "
            "timeline planned 8 November 2023. "
            "Purpose: to initiate preliminary discussions on the format and thematic "
            "discussion of the Review (seed 003)."
        ),
        sources=(SEED_002, SEED_003, FACTS_6_3, FACTS_9),
    )
    # I1: seed 003 lists the first consultation's objectives as 2, 4, 5, 6, 8, 9, 10, 12,
    # 13, 18, 21 - objective 11 is missing, though the same seed lists it in Session 2. The
    # corrected list is the union of clusters 1 and 2, which includes 11.
    first = PreparatoryEvent(
        id=CONSULTATION_1,
        kind=EventKind.CONSULTATION,
        start=dt.date(2024, 1, 29),
        review=REVIEW,
        meeting=MEETING,
        title="Stakeholder Consultation on Thematic Sessions 1 and 2",
        organisers=(UN_NETWORK,),
        clusters=(1, 2),
        objectives=union_of_clusters(1, 2),
        notes=(
            "Objectives (domain_facts I1): seed 003 gives 2, 4, 5, 6, 8, 9, 10, 12, 13, 18, 21, "
            "leaving out objective 11, which its own Session 2 list includes; the union of "
            "clusters 1 and 2 is recorded. "
            "Seed 003 lists the focuses of the consultations (Sessions 1 and 2; Sessions 3 and "
            "4) and their dates (29 January, 28 February 2024) without pairing them; the order "
            "is taken to match. "
            "Recordings of the consultations were published (seed 003); format and webcast "
            "are not stated. Organised with the support of the Network (seeds 000, 001)."
        ),
        sources=(SEED_000, SEED_001, SEED_003, FACTS_6_3, FACTS_9),
    )
    second = PreparatoryEvent(
        id=CONSULTATION_2,
        kind=EventKind.CONSULTATION,
        start=dt.date(2024, 2, 28),
        review=REVIEW,
        meeting=MEETING,
        title="Stakeholder Consultation on Thematic Sessions 3 and 4",
        organisers=(UN_NETWORK,),
        clusters=(3, 4),
        objectives=union_of_clusters(3, 4),
        notes=(
            "Seed 003 lists the focuses of the consultations (Sessions 1 and 2; Sessions 3 and "
            "4) and their dates without pairing them; the order is taken to match. "
            "Recordings of the consultations were published (seed 003); format and webcast "
            "are not stated. Organised with the support of the Network (seeds 000, 001)."
        ),
        sources=(SEED_000, SEED_001, SEED_003, FACTS_6_3),
    )
    return pre, first, second


def participants() -> tuple[Participant, ...]:
    """The people and bodies the seeds name, with the parts they play."""
    return (
        # ITUC is the International Trade Union Confederation: category trade_unions,
        # chosen over civil_society because she represents ITUC (seed 003).
        Participant(
            id=IREM_ARF,
            kind=ParticipantKind.PERSON,
            name="Irem Arf",
            sector=Sector.STAKEHOLDER,
            category="trade_unions",
            organisation=ITUC,
            roles=(Role.RAPPORTEUR, Role.SPEAKER),
            events=(MEETING,),
            notes=(
                "Stakeholder Rapporteur, of the International Trade Union Confederation (ITUC) "
                "and a member of the Civil Society Action Committee (AC) (seed 003); only ITUC "
                "fits the one organisation field. Category trade_unions, as an ITUC "
                "representative. Compiled the Summary Report of the Stakeholder Consultation "
                "(seed 003). Speaker at the opening segment as the concept note plans the "
                "Rapporteur's briefing there (seed 001)."
            ),
            sources=(SEED_001, SEED_003),
        ),
        Participant(
            id=ELANA_WONG,
            kind=ParticipantKind.PERSON,
            name="Elana Wong",
            sector=Sector.STAKEHOLDER,
            category="civil_society",
            organisation=ACTION_COMMITTEE,
            roles=(Role.MODERATOR,),
            events=(MEETING,),
            notes="Civil Society Action Committee Policy Officer; moderated the Hearing "
            "(seed 003).",
            sources=(SEED_003,),
        ),
        Participant(
            id=ITUC,
            kind=ParticipantKind.ORGANISATION,
            name="International Trade Union Confederation (ITUC)",
            sector=Sector.STAKEHOLDER,
            category="trade_unions",
            sources=(SEED_003,),
        ),
        Participant(
            id=ACTION_COMMITTEE,
            kind=ParticipantKind.ORGANISATION,
            name="Civil Society Action Committee (AC)",
            sector=Sector.STAKEHOLDER,
            category="civil_society",
            events=(MEETING,),
            notes=(
                "Its members and observers made opening and closing statements, moderated "
                "sessions and were panellists at the Hearing (seed 003, no names)."
            ),
            sources=(SEED_003,),
        ),
        Participant(
            id=UNECE,
            kind=ParticipantKind.ORGANISATION,
            name="United Nations Economic Commission for Europe (UNECE)",
            sector=Sector.UN_SYSTEM,
            notes="Convenes the Intergovernmental Conference jointly with IOM (seed 001).",
            sources=(SEED_001,),
        ),
        Participant(
            id=IOM,
            kind=ParticipantKind.ORGANISATION,
            name="International Organization for Migration (IOM)",
            sector=Sector.UN_SYSTEM,
            notes=(
                "Acts as Coordinator of the UN Network on Migration (seed 001); IOM is the "
                "Network's coordinator and secretariat (GCM para. 45(a), domain_facts §7), hence "
                "sector un_system. Hosts the High-level Panel as the Coordinator (seed 001)."
            ),
            sources=(SEED_001, FACTS_7),
        ),
        Participant(
            id=UN_NETWORK,
            kind=ParticipantKind.ORGANISATION,
            name="United Nations Network on Migration (UNNM)",
            sector=Sector.UN_SYSTEM,
            notes="Organised the pre-consultation (seed 003) and supports the consultations.",
            sources=(SEED_000, SEED_001, SEED_003),
        ),
        Participant(
            id=SPAIN,
            kind=ParticipantKind.ORGANISATION,
            name="Government of Spain",
            sector=Sector.MEMBER_STATE,
            country="ESP",
            roles=(Role.CO_CHAIR, Role.SPEAKER),
            events=(MEETING,),
            notes="Co-chair (seed 003); co-chairs' remarks at the opening and closing (seed 001).",
            sources=(SEED_001, SEED_003, FACTS_6_3),
        ),
        Participant(
            id=MOLDOVA,
            kind=ParticipantKind.ORGANISATION,
            name="Republic of Moldova",
            sector=Sector.MEMBER_STATE,
            country="MDA",
            roles=(Role.CO_CHAIR, Role.SPEAKER),
            events=(MEETING,),
            notes="Co-chair (seed 003); co-chairs' remarks at the opening and closing (seed 001).",
            sources=(SEED_001, SEED_003, FACTS_6_3),
        ),
    )


def reports() -> tuple[Report, ...]:
    """The consultation summary, the outcome report and the co-chairs' summary (no contents)."""
    return (
        Report(
            id="report:ece-2024:consultation-summary",
            kind=ReportKind.CONSULTATION_SUMMARY,
            title="Summary Report of the Stakeholder Consultation",
            review=REVIEW,
            events=(CONSULTATION_1, CONSULTATION_2),
            issued=dt.date(2024, 3, 5),
            authors=(IREM_ARF,),
            notes=(
                "Compiled by the Stakeholder Rapporteur and shared on 5 March 2024, prior to the "
                "Regional Review, to inform the Multi-Stakeholder Hearing and the "
                "Intergovernmental Conference of 11 March 2024 (seed 003); drafted with inputs "
                "from the two consultations (seed 001). Seed 003 reports three advocacy areas: "
                "inclusion of civil society, migrant-led organisations and migrants in GCM "
                "implementation and review; rights-based pathways for all migrants; positive "
                "migration narratives and anti-criminalisation."
            ),
            sources=(SEED_001, SEED_003),
        ),
        Report(
            id="report:ece-2024:outcome",
            kind=ReportKind.OUTCOME_REPORT,
            review=REVIEW,
            meetings=(MEETING,),
            notes=(
                "Seed 001: the meeting results in a summary report synthesising the discussions "
                "(including the Hearing), the responses to the guiding questions, the outcomes "
                "of GCM Talks and the inputs to the online Discussion Spaces; it is submitted to "
                "UNECE Member States for comments no later than 30 days after the meeting "
                "(by 10 April 2024, derived), published on the Network's website and an input to "
                "the 2026 IMRF. Seed 000: summary reports are shared with the Coordinator of the "
                "Network. Issue date unknown."
            ),
            sources=(SEED_000, SEED_001),
        ),
        Report(
            id="report:ece-2024:chairs-summary",
            kind=ReportKind.CHAIRS_SUMMARY,
            review=REVIEW,
            meetings=(MEETING,),
            authors=(SPAIN, MOLDOVA),
            notes="The co-chairs' summary of the event will inform the 2026 IMRF (seed 003).",
            sources=(SEED_003,),
        ),
    )


def build() -> Dataset:
    """The second UNECE regional review (11 March 2024) from the seeds and domain_facts.md.

    Returns:
        A dataset with one review, one meeting, three preparatory events, the
        participants the seeds name and three reports without contents.
    """
    return Dataset(
        title="Second UNECE Regional Review of the GCM, Geneva, 11 March 2024",
        reviews=(review(),),
        meetings=(meeting(),),
        events=events(),
        participants=participants(),
        reports=reports(),
        sources=(SEED_000, SEED_001, SEED_002, SEED_003, FACTS_6_3, FACTS_7, FACTS_9),
    )


# -- the summary --------------------------------------------------------------------------


def clock(moment: Moment | None) -> str:
    """``08:30 CET`` for an instant, the ISO day for a date, ``?`` when unknown."""
    if moment is None:
        return "?"
    if isinstance(moment, dt.datetime):
        return f"{moment:%H:%M %Z}"
    return moment.isoformat()


def main() -> None:
    """Print a short summary of the dataset."""
    dataset = build()
    print(dataset.title)
    counts = ", ".join(
        f"{len(getattr(dataset, name))} {name}"
        for name in ("reviews", "meetings", "events", "participants", "reports")
    )
    print(f"  {counts}")
    names = {p.id: p.name or p.id for p in dataset.participants}
    for meeting_ in dataset.meetings:
        venue = meeting_.venue
        place = ", ".join(p for p in (venue.name, venue.city) if p) if venue else "?"
        print(f"\n{meeting_.title}")
        print(f"  {meeting_.start:%d %B %Y}, {place} ({meeting_.time_zone})")
        rapporteur = names.get(meeting_.rapporteur or "", "not named")
        print(f"  co-chairs {', '.join(meeting_.co_chairs)}; rapporteur {rapporteur}")
        print(f"  written inputs due {meeting_.written_inputs_due}")
        print("  agenda:")
        for segment in meeting_.agenda:
            when = f"{clock(segment.start):>9} - {clock(segment.end):<9}"
            extra = ""
            if isinstance(segment, ThematicSession):
                extra = f"  objectives {', '.join(map(str, segment.objectives))}"
            elif isinstance(segment, Hearing) and segment.moderator:
                extra = (
                    f"  moderator {names[segment.moderator]};"
                    f" reported {segment.reported_minutes} min"
                )
            elif isinstance(segment, HighLevelPanel) and segment.host:
                extra = f"  host {names[segment.host]}"
            print(f"    {when} {segment.title}{extra}")
    print("\nPreparatory events:")
    for event in dataset.events:
        focus = f" - objectives {', '.join(map(str, event.objectives))}" if event.objectives else ""
        print(f"  {event.start}  {event.title}{focus}")
    print("\nReports:")
    for report in dataset.reports:
        issued = str(report.issued or "unknown")
        title = f"  {report.title}" if report.title else ""
        print(f"  {report.kind.value:<21} issued {issued:<10}{title}".rstrip())


if __name__ == "__main__":
    main()
