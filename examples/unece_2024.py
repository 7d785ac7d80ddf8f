"""The second UNECE regional review of the GCM (Geneva, 11 March 2024) as a ``Dataset``.

Run it with ``python examples/unece_2024.py``; ``build()`` returns the dataset.

Every value comes from a document of ``gcm_model.sources`` and is cited, by its
id, in the ``sources`` of its record (``gcm_model.cite`` names each document):
chiefly the concept note of the review (UNECE and IOM), the Civil Society Action
Committee's account of it, the UN Network's framework ("Regional Reviews 2024"),
QUNO's guide ("Migration Justice", with its 2023-2025 timeline, a plan) and
UNECE's press release. What no source says stays ``None`` or empty:
the thematic sessions' speakers, moderators and times, the languages, the
webcast, the registration window, whether accreditation is required, the issue
dates of the outcome report and of the co-chairs' summary, and the contents of
every report. Each agenda segment cites its own sources and keeps in ``notes``
only what no field holds; ``status`` says how well a meeting, event or report is
sourced (the labels of ``gcm_model.Status``).

Where the sources disagree the choice is made in a comment and recorded in the
``notes`` of the record concerned:

* the Action Committee's account leaves objective 11 out of the first
  consultation's list; the consultations use the full clusters, so objective 11
  is included;
* the pre-consultation was held on 14 Nov 2023 (the Action Committee's account,
  after the event), not 8 Nov 2023 (QUNO's guide, a plan);
* the hearing keeps its scheduled slot 08:30-10:00 CET (the concept note) and
  the 75 minutes the Action Committee reports go in ``reported_minutes``;
* "second Regional Migration Review Forum (RMRF)" (the Action Committee's
  account) is one of the meeting's ``aliases``, not its title;
* the plan of QUNO's guide goes in ``planned``, verbatim; ``start`` and ``end``
  hold what happened;
* the framework document has two URLs in the concept note; the Documentation
  list's is kept;
* the two addresses are contacts for two different purposes.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import gcm_model
from gcm_model import (
    BackToBackEvent,
    Call,
    CallKind,
    ClosingSegment,
    Contact,
    Dataset,
    DocumentRef,
    EventKind,
    Hearing,
    HighLevelPanel,
    IntergovernmentalConference,
    Meeting,
    MeetingKind,
    OpeningSegment,
    Participant,
    ParticipantKind,
    Plenary,
    PreparatoryEvent,
    ProgressDeclaration,
    Recipient,
    RegionalReview,
    Report,
    ReportKind,
    ReviewForum,
    Role,
    Sector,
    Status,
    ThematicSession,
    Venue,
)
from gcm_model.dates import parse_human

if TYPE_CHECKING:
    from gcm_model import Segment
    from gcm_model.models.process import Moment

# -- sources: ids of gcm_model.sources ---------------------------------------------------

FRAMEWORK = "un-network-regional-reviews-2024"  # the Network's framework for the second round
CONCEPT_NOTE = "unece-2024-concept-note"  # the concept note, its documentation, Annex 1
QUNO_GUIDE = "quno-migration-justice-guide"  # stakeholder guide with the 2023-2025 timeline
CSAC_ACCOUNT = "csac-unece-2024-review"  # the Civil Society Action Committee's account
PRESS_RELEASE = "unece-2024-review-press-release"  # UNECE: date, co-chairs, the RFSD after
GCM = "a-res-73-195"  # para. 45(a): IOM is coordinator and secretariat of the Network
FOLLOW_UP = "un-network-follow-up-and-review"  # the IOM Director General as Coordinator

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
IMRF_2022 = "forum:imrf-2022"
IMRF_2026 = "forum:imrf-2026"

# -- the day ---------------------------------------------------------------------------

TIME_ZONE = "Europe/Zurich"  # Geneva; the concept note gives the times in CET
# The concept note, the Action Committee's account, UNECE's press release.
MEETING_DAY = dt.date(2024, 3, 11)
REPORT_DAYS = 30  # the concept note: the outcome report "no later than 30 days after" the meeting


def at(clock: str) -> dt.datetime:
    """An instant on 11 March 2024 from a CET clock time of the concept note (``"08:30"``).

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
        # Two addresses, two purposes, not a conflict between the concept note and QUNO's guide.
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
        # The concept note, "Documentation", items a-e.
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
            # Footnote 3 of the concept note spells this URL with "%20"; item c's form is kept.
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
        # The concept note: UNECE convenes the review "pursuant to the decision of the
        # UNECE Executive Committee at its 128th meeting on 15 May 2023".
        mandates=(
            DocumentRef(
                title="Decision of the UNECE Executive Committee at its 128th meeting",
                issued=dt.date(2023, 5, 15),
            ),
        ),
        notes=(
            "UNECE convenes the review jointly with IOM, as Coordinator of the UN Network on "
            "Migration, pursuant to the decision of the UNECE Executive Committee at its 128th "
            "meeting on 15 May 2023 (the concept note). Contacts: GCMReviewsUNECE@iom.int is the "
            "address the concept note gives for Member States' written inputs and keynote offers; "
            "mignetUNECE@iom.int is the stakeholder contact of QUNO's guide; one contact per "
            "purpose. Consultations: the Network's framework plans one multi-stakeholder "
            "consultation per region, the concept note two for UNECE, QUNO's guide '8 or 11 March "
            "2024'; the Action Committee's account reports a pre-consultation and two "
            "consultations, which are the events recorded. Framework URL: the concept note's "
            "footnote 3 gives '.../Regional%20Reviews%20Framework.pdf', Documentation item c "
            "'.../Regional_Reviews_Framework.pdf'; item c is kept. A Logistics Note was to follow "
            "upon registration (the concept note)."
        ),
        sources=(FRAMEWORK, CONCEPT_NOTE, QUNO_GUIDE, PRESS_RELEASE),
    )


def agenda() -> tuple[Segment, ...]:
    """The Hearing, then the Intergovernmental Conference and what takes place within it."""
    return (
        # The scheduled slot of the concept note (90 minutes) is kept; the Action Committee's
        # account reports "a 75-minute Multi-Stakeholder Hearing", which goes in reported_minutes.
        Hearing(
            title="Multi-stakeholder Hearing",
            start=at("08:30"),
            end=at("10:00"),
            reported_minutes=75,
            moderator=ELANA_WONG,
            notes=(
                "Length: scheduled 08:30-10:00 CET (the concept note); the Action Committee's "
                "account reports a 75-minute hearing held on the morning of the Review. Members of "
                "the Civil Society Action Committee served as panellists (the Action Committee's "
                "account); the account announces a list of them, but the list is missing."
            ),
            sources=(CONCEPT_NOTE, CSAC_ACCOUNT),
            documents=(DocumentRef(title="Annotated Agenda of the Multi-stakeholder Hearing"),),
        ),
        # The concept note: "a Multi-stakeholder Hearing, 08:30-10:00 CET, followed by the
        # Intergovernmental Conference, 10:00-18:00 CET". The segments below take place
        # within the Conference.
        IntergovernmentalConference(
            title="Intergovernmental Conference",
            start=at("10:00"),
            end=at("18:00"),
            notes=(
                "Consists of an opening segment, four thematic sessions and a closing segment (the "
                "concept note). Co-chaired by high-level representatives of two Member States, "
                "elected (the concept note): Spain and the Republic of Moldova (the Action "
                "Committee's account; UNECE's press release)."
            ),
            sources=(CONCEPT_NOTE, CSAC_ACCOUNT, PRESS_RELEASE),
            # The Action Committee's account points to "the Annotated Agenda" of each part; it gives
            # no link.
            documents=(DocumentRef(title="Annotated Agenda of the Intergovernmental Conference"),),
        ),
        # The speakers are the plan of the concept note; the Action Committee's account does not
        # name who spoke.
        OpeningSegment(
            title="Opening segment",
            start=at("10:00"),
            speakers=(SPAIN, MOLDOVA, IREM_ARF),
            notes=(
                "Speakers as planned in the concept note: the co-chairs deliver remarks, and the "
                "Rapporteur briefs Member States on the outcomes of the consultations and the "
                "Hearing. The Action Committee's account says members and observers of the Civil "
                "Society Action Committee made opening and closing statements, without names. Its "
                "end is not given."
            ),
            sources=(CONCEPT_NOTE, CSAC_ACCOUNT),
        ),
        # The concept note and the Action Committee's account: four sessions on the four IMRF
        # round-table clusters. Their times, Member State speakers and stakeholder moderators are
        # not named.
        *(
            ThematicSession.for_cluster(
                n,
                title=f"Session {n}",
                notes=(
                    "The concept note: a Member State speaker starts the discussion, a stakeholder "
                    "representative moderates it, and the Network prepares a short background note "
                    "in advance. The Action Committee's account: members and observers of the "
                    "Civil Society Action Committee served as moderators throughout the day's "
                    "sessions. No speaker, moderator, note or time is named."
                ),
                sources=(CONCEPT_NOTE, CSAC_ACCOUNT),
            )
            for n in range(1, 5)
        ),
        # The concept note gives the panel's time, not its place among the sessions (nor whether it
        # belongs to the Conference); it is listed after them.
        HighLevelPanel(
            title="High-level Panel on Regular Migration Pathways",
            start=at("13:30"),
            end=at("14:30"),
            topic="pathways for regular migration",
            host=IOM,
            notes=(
                "Hosted by 'the Coordinator of the Network' (the concept note), the IOM Director "
                "General (the UN Network's follow-up and review page): the host recorded is IOM. "
                "The concept note gives its time, not its place among the thematic sessions; it is "
                "listed after them."
            ),
            sources=(CONCEPT_NOTE, GCM, FOLLOW_UP),
        ),
        # The concept note: the Conference concludes with a closing segment (co-chairs' remarks)
        # and ends at 18:00 CET; its start is not given.
        ClosingSegment(
            title="Closing segment",
            end=at("18:00"),
            speakers=(SPAIN, MOLDOVA),
            notes=(
                "The co-chairs deliver remarks (the concept note); members and observers of the "
                "Civil Society Action Committee made closing statements, without names (the Action "
                "Committee's account). Its start is not given."
            ),
            sources=(CONCEPT_NOTE, CSAC_ACCOUNT),
        ),
    )


def meeting() -> Meeting:
    """The Regional Review Meeting: Multi-stakeholder Hearing, then the Conference."""
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
        co_chairs=("ESP", "MDA"),  # the Action Committee's account; UNECE's press release
        rapporteur=IREM_ARF,  # the Action Committee's account
        organisers=(UNECE, IOM),  # the concept note: UNECE convenes jointly with IOM
        # The concept note Annex 1: written inputs "one week ahead of the meeting" - derived.
        written_inputs_due=MEETING_DAY - dt.timedelta(weeks=1),
        agenda=agenda(),
        documents=(
            DocumentRef(
                title="Second Regional Review of the Global Compact for Safe, Orderly, and "
                "Regular Migration in the United Nations Economic Commission for Europe "
                "Region - Concept Note",
            ),
        ),
        planned="11 March 2024",  # the timeline of QUNO's guide
        # The Action Committee's account.
        aliases=("second Regional Migration Review Forum (RMRF)",),
        guiding_questions=("a", "b", "c", "d", "e"),  # the concept note, Annex 1
        # QUNO's guide says accreditation "will be needed" to register for the regional reviews
        # in general, details to follow; no source says so for this meeting: left None.
        accreditation_required=None,
        # The concept note: "back to-back with the Regional Forum on Sustainable Development
        # for the UNECE Region"; its days, 13-14 March 2024, from UNECE's press release.
        back_to_back=(
            BackToBackEvent(
                title="Regional Forum on Sustainable Development for the UNECE Region",
                start=dt.date(2024, 3, 13),
                end=dt.date(2024, 3, 14),
            ),
        ),
        status=Status.CONFIRMED,  # UNECE's press release: date, venue, co-chairs
        notes=(
            "Held back-to-back with the Regional Forum on Sustainable Development for the UNECE "
            "Region (the concept note), 13-14 March 2024 (UNECE's press release); the first of "
            "five round-2 meetings (the same). Written inputs due 2024-03-04 is derived: the "
            "concept note asks Member States for them 'one week ahead of the meeting'. QUNO's "
            "guide says that registering for the regional reviews will need accreditation, details "
            "to be provided closer to the time; no source says so for this meeting. Format, "
            "languages, webcast and registration window are not stated."
        ),
        sources=(CONCEPT_NOTE, QUNO_GUIDE, CSAC_ACCOUNT, PRESS_RELEASE, GCM, FOLLOW_UP),
    )


def recording(focus: str) -> DocumentRef:
    """The recording of a consultation: published, the Action Committee says, without a link."""
    return DocumentRef(title=f"Recording of the Stakeholder Consultation on {focus}")


def events() -> tuple[PreparatoryEvent, ...]:
    """The online pre-consultation and the two stakeholder consultations (the Action Committee)."""
    # The Action Committee's account (after the event) gives 14 Nov 2023; QUNO's guide planned 8
    # Nov. The dates are SEED: only the Action Committee's account gives them.
    pre = PreparatoryEvent(
        id=PRE_CONSULTATION,
        kind=EventKind.PRE_CONSULTATION,
        start=dt.date(2023, 11, 14),
        review=REVIEW,
        meeting=MEETING,
        title="Online pre-consultation",
        format="virtual",
        organisers=(UN_NETWORK,),
        purpose=(
            "to initiate preliminary discussions on the format and thematic discussion of the "
            "Review"
        ),
        feeds=(MEETING,),
        planned="8 November 2023",  # QUNO's guide
        status=Status.SEED,
        notes=(
            "Date: 14 November 2023 as the Action Committee's account reports it; the timeline of "
            "QUNO's guide timeline planned 8 November 2023 (in planned)."
        ),
        sources=(QUNO_GUIDE, CSAC_ACCOUNT),
    )
    # The concept note gives the consultations' purpose; the Network's framework has the
    # consultation "feed into" the commission's meeting. QUNO's guide planned one consultation, "8
    # or 11 March 2024": the plan does not match either event, so planned stays None.
    purpose = (
        "to identify priority areas and to prepare key messages to be deliberated at the "
        "Regional Review Meeting"
    )
    pairing = (
        "The Action Committee's account lists the focuses of the consultations (Sessions 1 and 2; "
        "Sessions 3 and 4) and their dates (29 January, 28 February 2024) without pairing them; "
        "the order is taken to match."
    )
    # The Action Committee's account lists the first consultation's objectives as 2, 4, 5, 6, 8, 9,
    # 10, 12, 13, 18, 21 - objective 11 is missing, though the same account lists it in Session 2.
    # The corrected list is the union of clusters 1 and 2, which includes 11.
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
        purpose=purpose,
        feeds=(MEETING,),
        documents=(recording("Thematic Sessions 1 and 2"),),
        status=Status.SEED,
        notes=(
            "Objectives: the Action Committee's account gives 2, 4, 5, 6, 8, 9, 10, 12, 13, 18, "
            "21, leaving out objective 11, which its own Session 2 list includes; the union of "
            "clusters 1 and 2 is recorded. " + pairing
        ),
        sources=(FRAMEWORK, CONCEPT_NOTE, CSAC_ACCOUNT),
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
        purpose=purpose,
        feeds=(MEETING,),
        documents=(recording("Thematic Sessions 3 and 4"),),
        status=Status.SEED,
        notes=pairing,
        sources=(FRAMEWORK, CONCEPT_NOTE, CSAC_ACCOUNT),
    )
    return pre, first, second


def participants() -> tuple[Participant, ...]:
    """The people and bodies the sources name, with the parts they play."""
    return (
        # ITUC is the International Trade Union Confederation: category trade_unions,
        # chosen over civil_society because she represents ITUC (the Action Committee's account).
        Participant(
            id=IREM_ARF,
            kind=ParticipantKind.PERSON,
            name="Irem Arf",
            sector=Sector.STAKEHOLDER,
            category="trade_unions",
            organisation=ITUC,
            # The Action Committee's account, verbatim: "Civil Society Action Committee (AC) member
            # and Stakeholder Rapporteur, Irem Arf, of the International Trade Union Confederation
            # (ITUC)".
            position="Civil Society Action Committee (AC) member and Stakeholder Rapporteur",
            roles=(Role.RAPPORTEUR, Role.SPEAKER),
            events=(MEETING,),
            notes=(
                "Of the International Trade Union Confederation (ITUC) (the Action Committee's "
                "account): organisation ITUC and category trade_unions; her Action Committee "
                "membership is in position. Speaker at the opening segment as the concept note "
                "plans the Rapporteur's briefing there."
            ),
            sources=(CONCEPT_NOTE, CSAC_ACCOUNT),
        ),
        Participant(
            id=ELANA_WONG,
            kind=ParticipantKind.PERSON,
            name="Elana Wong",
            sector=Sector.STAKEHOLDER,
            category="civil_society",
            organisation=ACTION_COMMITTEE,
            # The Action Committee's account: "Civil Society Action Committee Policy Officer".
            position="Policy Officer",
            roles=(Role.MODERATOR,),
            events=(MEETING,),
            sources=(CSAC_ACCOUNT,),
        ),
        Participant(
            id=ITUC,
            kind=ParticipantKind.ORGANISATION,
            name="International Trade Union Confederation (ITUC)",
            sector=Sector.STAKEHOLDER,
            category="trade_unions",
            sources=(CSAC_ACCOUNT,),
        ),
        Participant(
            id=ACTION_COMMITTEE,
            kind=ParticipantKind.ORGANISATION,
            name="Civil Society Action Committee (AC)",
            sector=Sector.STAKEHOLDER,
            category="civil_society",
            events=(MEETING,),
            notes=(
                "Its members and observers made opening and closing statements and moderated "
                "sessions, and its members were panellists at the Hearing (the Action Committee's "
                "account); the account names none of them."
            ),
            sources=(CSAC_ACCOUNT,),
        ),
        Participant(
            id=UNECE,
            kind=ParticipantKind.ORGANISATION,
            name="United Nations Economic Commission for Europe (UNECE)",
            sector=Sector.UN_SYSTEM,
            roles=(Role.ORGANISER,),  # the concept note: convenes the Conference jointly with IOM
            events=(MEETING,),
            sources=(CONCEPT_NOTE,),
        ),
        Participant(
            id=IOM,
            kind=ParticipantKind.ORGANISATION,
            name="International Organization for Migration (IOM)",
            sector=Sector.UN_SYSTEM,
            # The concept note: convenes jointly with UNECE; hosts the panel.
            roles=(Role.ORGANISER,),
            events=(MEETING,),
            notes=(
                "Acts as Coordinator of the UN Network on Migration (the concept note); IOM is the "
                "Network's coordinator and secretariat (GCM para. 45(a)), hence "
                "sector un_system."
            ),
            sources=(CONCEPT_NOTE, GCM, FOLLOW_UP),
        ),
        Participant(
            id=UN_NETWORK,
            kind=ParticipantKind.ORGANISATION,
            name="United Nations Network on Migration (UNNM)",
            sector=Sector.UN_SYSTEM,
            # The Action Committee's account: organised the pre-consultation; the Network's
            # framework and the concept note: the consultations.
            roles=(Role.ORGANISER,),
            events=(PRE_CONSULTATION, CONSULTATION_1, CONSULTATION_2),
            sources=(FRAMEWORK, CONCEPT_NOTE, CSAC_ACCOUNT),
        ),
        Participant(
            id=SPAIN,
            kind=ParticipantKind.ORGANISATION,
            name="Government of Spain",
            sector=Sector.MEMBER_STATE,
            country="ESP",
            roles=(Role.CO_CHAIR, Role.SPEAKER),
            events=(MEETING,),
            sources=(CONCEPT_NOTE, CSAC_ACCOUNT, PRESS_RELEASE),
        ),
        Participant(
            id=MOLDOVA,
            kind=ParticipantKind.ORGANISATION,
            name="Republic of Moldova",
            sector=Sector.MEMBER_STATE,
            country="MDA",
            roles=(Role.CO_CHAIR, Role.SPEAKER),
            events=(MEETING,),
            sources=(CONCEPT_NOTE, CSAC_ACCOUNT, PRESS_RELEASE),
        ),
    )


# The Network's framework: every meeting's summary report is shared with the Coordinator of the
# Network, for the next Secretary-General's report, and submitted to the President of the General
# Assembly and forwarded to the co-facilitators of the 2026 Progress Declaration.
SUMMARY_REPORT_RECIPIENTS = (
    Recipient.NETWORK_COORDINATOR,
    Recipient.SECRETARY_GENERAL,
    Recipient.PRESIDENT_OF_THE_GENERAL_ASSEMBLY,
    Recipient.PROGRESS_DECLARATION_COFACILITATORS,
)


def reports() -> tuple[Report, ...]:
    """The consultation summary, the outcome report and the co-chairs' summary (no contents)."""
    return (
        Report(
            id="report:ece-2024:consultation-summary",
            kind=ReportKind.CONSULTATION_SUMMARY,
            title="Summary Report of the Stakeholder Consultation",
            review=REVIEW,
            events=(CONSULTATION_1, CONSULTATION_2),  # the concept note: inputs from both
            issued=dt.date(2024, 3, 5),  # the Action Committee's account
            # The Action Committee's account: "to inform the Multi-Stakeholder Hearing and
            # Inter-Governmental Conference", both parts of the meeting.
            informs=(MEETING,),
            authors=(IREM_ARF,),
            status=Status.SEED,
            notes=(
                "The Action Committee's account reports three advocacy areas that emerged from the "
                "consultations: inclusion of civil society, migrant-led organisations and migrants "
                "in GCM implementation and review; rights-based pathways for all migrants; "
                "positive migration narratives and anti-criminalisation. To whom it was shared is "
                "not stated."
            ),
            sources=(CONCEPT_NOTE, CSAC_ACCOUNT),
        ),
        Report(
            id="report:ece-2024:outcome",
            kind=ReportKind.OUTCOME_REPORT,
            review=REVIEW,
            meetings=(MEETING,),
            # Derived: the concept note says "no later than 30 days after the Regional Review
            # Meeting".
            due=MEETING_DAY + dt.timedelta(days=REPORT_DAYS),
            # The concept note: submitted to UNECE Member States for comments and published on the
            # Network's website; the Network's framework: the summary report of every meeting goes
            # on.
            recipients=(Recipient.MEMBER_STATES, Recipient.PUBLIC, *SUMMARY_REPORT_RECIPIENTS),
            status=Status.SEED,
            notes=(
                "Due 2024-04-10 is derived: the concept note has it submitted 'no later than 30 "
                "days after the Regional Review Meeting'. It synthesises the discussions of the "
                "meeting (including the Hearing), the responses to the guiding questions, the "
                "outcomes of GCM Talks and the inputs to the online Discussion Spaces, and is an "
                "input to the 2026 IMRF (the concept note), which has no meeting record (its dates "
                "are unknown). Issue date unknown."
            ),
            sources=(FRAMEWORK, CONCEPT_NOTE),
        ),
        Report(
            id="report:ece-2024:chairs-summary",
            kind=ReportKind.CHAIRS_SUMMARY,
            review=REVIEW,
            meetings=(MEETING,),
            authors=(SPAIN, MOLDOVA),
            status=Status.SEED,
            notes=(
                "The co-chairs' summary of the event will inform the 2026 IMRF (the Action "
                "Committee's account), which has no meeting record (its dates are unknown)."
            ),
            sources=(CSAC_ACCOUNT,),
        ),
    )


def calls() -> tuple[Call, ...]:
    """The concept note's calls: written inputs, and expressions of interest for four parts."""
    return (
        Call(
            id="call:ece-2024:written-inputs",
            kind=CallKind.INPUTS,
            title="Guiding questions for UNECE Member States to prepare for the Regional Review",
            review=REVIEW,
            meeting=MEETING,
            guiding_questions=("a", "b", "c", "d", "e"),
            # Derived: the concept note asks for the inputs "one week ahead of the meeting".
            closes=MEETING_DAY - dt.timedelta(weeks=1),
            sectors=(Sector.MEMBER_STATE,),
            audience="UNECE Member States",
            reply_to="GCMReviewsUNECE@iom.int",
            status=Status.SEED,
            notes=(
                "Closes 2024-03-04 is derived: Member States are encouraged to submit their "
                "written inputs one week ahead of the meeting. The submissions are to be "
                "posted on the UN Network on Migration website. No opening day is given."
            ),
            sources=(CONCEPT_NOTE,),
        ),
        Call(
            id="call:ece-2024:co-chairs",
            kind=CallKind.EXPRESSIONS_OF_INTEREST,
            review=REVIEW,
            meeting=MEETING,
            roles=(Role.CO_CHAIR,),
            sectors=(Sector.MEMBER_STATE,),
            audience="Member States",
            status=Status.SEED,
            notes=(
                "High-level representatives of two Member States are elected to co-chair the "
                "Intergovernmental Conference. No address or dates are given."
            ),
            sources=(CONCEPT_NOTE,),
        ),
        Call(
            id="call:ece-2024:keynote-speakers",
            kind=CallKind.EXPRESSIONS_OF_INTEREST,
            review=REVIEW,
            meeting=MEETING,
            roles=(Role.SPEAKER,),
            sectors=(Sector.MEMBER_STATE,),
            audience="Member States",
            reply_to="GCMReviewsUNECE@iom.int",
            status=Status.SEED,
            notes="A keynote speaker for one of the four sessions. No dates are given.",
            sources=(CONCEPT_NOTE,),
        ),
        Call(
            id="call:ece-2024:rapporteur-and-moderators",
            kind=CallKind.EXPRESSIONS_OF_INTEREST,
            review=REVIEW,
            meeting=MEETING,
            roles=(Role.RAPPORTEUR, Role.MODERATOR),
            sectors=(Sector.STAKEHOLDER,),
            audience="Stakeholders",
            status=Status.SEED,
            notes=(
                "The Rapporteur reports back from the stakeholder consultation; a moderator "
                "serves in one of the thematic sessions. The Network's call for the "
                "Rapporteur links to more information; no address or dates are given."
            ),
            sources=(CONCEPT_NOTE,),
        ),
    )


def forums() -> tuple[ReviewForum, ...]:
    """The IMRF the first review informed, and the 2026 IMRF this one informs (concept note)."""
    return (
        ReviewForum(
            id=IMRF_2022,
            round="imrf-2022",
            title="International Migration Review Forum",
            start=dt.date(2022, 5, 17),
            end=dt.date(2022, 5, 20),
            known_meeting="imrf-2022",
            venue=Venue(name="United Nations Headquarters", city="New York", country="USA"),
            declaration=ProgressDeclaration(
                title="IMRF Progress Declaration",
                symbol="A/RES/76/266",
                plenaries=(
                    Plenary(
                        title="Plenary meeting of the General Assembly",
                        planned="second half of 2024",
                        considers=(REVIEW,),
                        presented_by="the Coordinator of the Network",
                    ),
                ),
            ),
            status=Status.SEED,
            notes=(
                "The first IMRF, which the summary report of the first UNECE review "
                "informed; its Progress Declaration was adopted by General Assembly "
                "resolution 76/266, which requests the President of the General Assembly to "
                "hold a plenary meeting in the second half of 2024 to consider the outcomes "
                "of all regional reviews."
            ),
            sources=(CONCEPT_NOTE,),
        ),
        ReviewForum(
            id=IMRF_2026,
            round="imrf-2026",
            planned="2026",
            known_meeting="imrf-2026",
            reviews=(REVIEW,),
            status=Status.SEED,
            notes="The outcome report and the co-chairs' summary serve as input to it.",
            sources=(CONCEPT_NOTE, CSAC_ACCOUNT),
        ),
    )


def build() -> Dataset:
    """The second UNECE regional review (11 March 2024) from its sources.

    Returns:
        A dataset with one review, one meeting, three preparatory events, the
        participants the sources name, three reports without contents, the
        concept note's four calls and the IMRFs of 2022 and 2026.
    """
    return Dataset(
        title="Second UNECE Regional Review of the GCM, Geneva, 11 March 2024",
        reviews=(review(),),
        meetings=(meeting(),),
        events=events(),
        participants=participants(),
        reports=reports(),
        forums=forums(),
        calls=calls(),
        sources=(FRAMEWORK, CONCEPT_NOTE, QUNO_GUIDE, CSAC_ACCOUNT, PRESS_RELEASE, GCM, FOLLOW_UP),
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
        status = meeting_.status.value if meeting_.status else "?"
        print(f"  planned {meeting_.planned!r}; status {status}")
        print(f"  also called {'; '.join(meeting_.aliases)}")
        print("  agenda:")
        within = False
        for segment in meeting_.agenda:
            when = f"{clock(segment.start):>9} - {clock(segment.end):<9}"
            indent = "  " if within else ""
            within = within or isinstance(segment, IntergovernmentalConference)
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
            print(f"    {when} {indent}{segment.title}{extra}")
    print("\nPreparatory events:")
    for event in dataset.events:
        focus = f" - objectives {', '.join(map(str, event.objectives))}" if event.objectives else ""
        print(f"  {event.start}  {event.title}{focus}")
        status = event.status.value if event.status else "?"
        print(f"              planned {event.planned or 'not given'}; status {status}")
    print("\nReports:")
    for report in dataset.reports:
        when = f"issued {report.issued or 'unknown'}"
        when += f", due {report.due}" if report.due else ""
        title = f"  {report.title}" if report.title else ""
        print(f"  {report.kind.value:<21} {when:<34}{title}".rstrip())
    follow_up(dataset)


def follow_up(dataset: Dataset) -> None:
    """Print the calls, the review's mandate and the IMRFs."""
    print("\nCalls:")
    for call in dataset.calls:
        parts = ", ".join(role.value for role in call.roles) or "written inputs"
        answer = call.reply_to or "no address given"
        closes = f", closes {call.closes}" if call.closes else ""
        print(f"  {call.kind.value:<23} {parts} -> {answer}{closes}")
    for mandate in (m for r in dataset.reviews for m in r.mandates):
        print(f"\nMandate: {mandate.title}, {mandate.issued}")
    for forum in dataset.forums:
        when = f"{forum.start} to {forum.end}" if forum.start else f"planned {forum.planned}"
        print(f"IMRF {forum.round}: {when}")


if __name__ == "__main__":
    main()
