"""The other four regional reviews of the second round (2024-2025) as one ``Dataset``.

Run it with ``python examples/second_round.py``; ``build()`` returns the dataset.

The Arab region (ESCWA, Cairo, July 2024), Africa (ECA, Addis Ababa, October
2024), Asia-Pacific (ESCAP, Bangkok, February 2025) and Latin America and the
Caribbean (ECLAC, Santiago, March 2025), with what domain_facts.md §6.3 gives:
days (``datetime.date``; no hours are known), the venue, the hearing and the
Intergovernmental Conference where a source dates them (ECA, ECLAC), the
organisers where §6.3 names them, and the §6.3 status of each meeting's dates
(``CONFIRMED`` or ``CONFIRMED-2``). The UNECE meeting of the same round is in
``unece_2024.py``; the scripts are independent.

Seed 002 planned other dates for these meetings (domain_facts §6.2, I6): the
actual dates are in ``start`` and ``end``, the plan, verbatim, in ``planned``.
Seed 002 also planned the pre-consultations and consultations by month; no
source dates them as held, and a ``PreparatoryEvent`` needs a ``start``, so
those plans stay in the review's ``notes``. Seed 002 says that registering for
the regional reviews will need accreditation, in general and as a plan; no
source says so for one of these meetings, so ``accreditation_required`` stays
``None``.
"""

from __future__ import annotations

import datetime as dt

from gcm_model import (
    Contact,
    Dataset,
    DocumentRef,
    Hearing,
    IntergovernmentalConference,
    Meeting,
    MeetingKind,
    Participant,
    ParticipantKind,
    RegionalReview,
    Role,
    Sector,
    Status,
    Venue,
)

SEED_002 = "002_82325204e59e67f2.txt"  # the 2023-2025 timeline (a plan) and regional web pages
FACTS_5_1 = "domain_facts.md §5.1"  # commission names and seats (the country of each city)
FACTS_6_1 = "domain_facts.md §6.1"  # regions, their commissions, the Arab States contact
FACTS_6_2 = "domain_facts.md §6.2"  # the reconstructed seed 002 timeline (planned dates)
FACTS_6_3 = "domain_facts.md §6.3"  # the actual round-2 meetings
FACTS_7 = "domain_facts.md §7 (S1)"  # IOM as coordinator and secretariat of the Network
FACTS_9 = "domain_facts.md §9"  # I6: planned vs actual dates
S15 = "domain_facts.md §6.3 (S15)"  # UN Network page on the regional reviews
S16 = "domain_facts.md §6.3 (S16)"  # UN Network news on the Africa review
S18 = "domain_facts.md §6.3 (S18)"  # re-published IOM/ESCWA release on the Arab review
S20 = "domain_facts.md §6.3 (S20)"  # ECLAC background page
S23 = "domain_facts.md §6.3 (S23)"  # Viet Nam News on the Asia-Pacific review

ROUND = "regional-2024"
ESCWA_2024 = "meeting:escwa-2024"
ECA_2024 = "meeting:eca-2024"
ESCAP_2025 = "meeting:escap-2025"
ECLAC_2025 = "meeting:eclac-2025"
IOM = "org:iom"
ESCWA = "org:escwa"
LAS = "org:las"
ECA = "org:eca"
AUC = "org:auc"


def webpage(slug: str) -> DocumentRef:
    """The UN Network's Regional Reviews 2024 page of a region, as linked in seed 002."""
    return DocumentRef(
        title="UN Network on Migration regional review webpage",
        url=f"https://migrationnetwork.un.org/{slug}",
    )


def reviews() -> tuple[RegionalReview, ...]:
    """One review per commission; a contact only where a source ties it to the region."""
    plan_note = (
        "Seed 002's contact column came out of the PDF in another order than its rows "
        "(domain_facts §6.2); addresses are recorded only where a source ties them to a region."
    )
    return (
        RegionalReview(
            id="review:escwa-2024",
            round=ROUND,
            commissions=("ESCWA",),
            title="Second Regional Review of the GCM in the Arab region",
            aliases=("Middle East & North Africa", "Arab States"),  # seed 002; domain_facts §6.1
            # domain_facts §6.1 ties gcmrrarabstates@iom.int to the Arab States region.
            contacts=(
                Contact(
                    role="Stakeholder engagement (Arab States)", email="gcmrrarabstates@iom.int"
                ),
            ),
            documents=(webpage("arab-states-2024"),),
            notes=(
                "Seed 002 planned the "
                "pre-consultation for September 2024 and the consultation for the week of "
                "3 November 2024 (domain_facts §6.2). " + plan_note
            ),
            sources=(SEED_002, FACTS_6_1, FACTS_6_2, S18),
        ),
        RegionalReview(
            id="review:eca-2024",
            round=ROUND,
            commissions=("ECA",),
            title="Second Regional Review of the GCM in Africa",
            documents=(webpage("africa2024"),),
            notes=(
                "Seed 002 planned the pre-consultation for March 2024 and the multi-stakeholder "
                "consultation for May 2024 (domain_facts §6.2). " + plan_note
            ),
            sources=(SEED_002, FACTS_6_1, FACTS_6_2, S15, S16),
        ),
        RegionalReview(
            id="review:escap-2025",
            round=ROUND,
            commissions=("ESCAP",),
            title="Second Regional Review of the GCM in Asia and the Pacific",
            documents=(webpage("asia-and-pacific-2024"),),
            notes=(
                "Seed 002 planned pre-consultations for late 2024 - two separate ones, for Asia "
                "and for the Pacific, feeding one multi-stakeholder consultation - and the "
                "consultation for 2025 (domain_facts §6.2, R5). " + plan_note
            ),
            sources=(SEED_002, FACTS_6_1, FACTS_6_2, S15, S23),
        ),
        RegionalReview(
            id="review:eclac-2025",
            round=ROUND,
            commissions=("ECLAC",),
            title="Second Regional Review of the GCM in Latin America and the Caribbean",
            documents=(webpage("latin-america-and-caribbean-2024"),),
            notes=(
                "Seed 002 planned the pre-consultation for April 2024 and the consultation for "
                "June 2024 (domain_facts §6.2). " + plan_note
            ),
            sources=(SEED_002, FACTS_6_1, FACTS_6_2, S20),
        ),
    )


def meetings() -> tuple[Meeting, ...]:
    """The four meetings, by date; hearing and conference where a source dates them."""
    return (
        Meeting(
            id=ESCWA_2024,
            title="Second Regional Review of the GCM in the Arab region",
            kind=MeetingKind.REGIONAL_REVIEW,
            start=dt.date(2024, 7, 3),
            end=dt.date(2024, 7, 4),
            review="review:escwa-2024",
            round=ROUND,
            commissions=("ESCWA",),
            known_meeting="escwa-2024",
            venue=Venue(name="League of Arab States headquarters", city="Cairo", country="EGY"),
            organisers=(IOM, ESCWA, LAS),  # S18
            planned="Week of 3 November 2024",  # seed 002, domain_facts §6.2 (I6)
            # From a re-published IOM/ESCWA press release (S18); the UN Network says only
            # "July 2024" (S15).
            status=Status.CONFIRMED_2,
            sources=(SEED_002, FACTS_6_2, FACTS_6_3, FACTS_9, S15, S18),
        ),
        Meeting(
            id=ECA_2024,
            title="Second Regional Review of the GCM in Africa",
            kind=MeetingKind.REGIONAL_REVIEW,
            start=dt.date(2024, 10, 8),
            end=dt.date(2024, 10, 10),
            review="review:eca-2024",
            round=ROUND,
            commissions=("ECA",),
            known_meeting="eca-2024",
            venue=Venue(city="Addis Ababa", country="ETH"),
            organisers=(ECA, IOM, AUC),  # S16: ECA and IOM "with" the AU Commission
            agenda=(
                Hearing(
                    title="Multi-stakeholder Hearing",
                    start=dt.date(2024, 10, 8),
                    end=dt.date(2024, 10, 8),
                    sources=(FACTS_6_3, S15, S16),
                ),
                IntergovernmentalConference(
                    title="Intergovernmental Conference",
                    start=dt.date(2024, 10, 9),
                    end=dt.date(2024, 10, 10),
                    sources=(FACTS_6_3, S15, S16),
                ),
            ),
            planned="October 2024",  # seed 002, domain_facts §6.2
            status=Status.CONFIRMED,  # S15, S16
            sources=(SEED_002, FACTS_5_1, FACTS_6_2, FACTS_6_3, S15, S16),
        ),
        Meeting(
            id=ESCAP_2025,
            title="Second Regional Review of the GCM in Asia and the Pacific",
            kind=MeetingKind.REGIONAL_REVIEW,
            start=dt.date(2025, 2, 4),
            end=dt.date(2025, 2, 6),
            review="review:escap-2025",
            round=ROUND,
            commissions=("ESCAP",),
            known_meeting="escap-2025",
            venue=Venue(city="Bangkok", country="THA"),
            planned="2025",  # seed 002, domain_facts §6.2
            # From a news report (S23); the UN Network says only "early 2025" (S15).
            status=Status.CONFIRMED_2,
            notes="No hearing date, organiser or venue name is given.",
            sources=(SEED_002, FACTS_5_1, FACTS_6_2, FACTS_6_3, S15, S23),
        ),
        Meeting(
            id=ECLAC_2025,
            title="Second Regional Review of the GCM in Latin America and the Caribbean",
            kind=MeetingKind.REGIONAL_REVIEW,
            start=dt.date(2025, 3, 18),
            end=dt.date(2025, 3, 20),
            review="review:eclac-2025",
            round=ROUND,
            commissions=("ECLAC",),
            known_meeting="eclac-2025",
            venue=Venue(name="ECLAC headquarters", city="Santiago", country="CHL"),
            agenda=(
                Hearing(
                    title="Multi-stakeholder hearing",
                    start=dt.date(2025, 3, 18),
                    end=dt.date(2025, 3, 18),
                    sources=(FACTS_6_3, S20),
                ),
                IntergovernmentalConference(
                    title="Intergovernmental Conference",
                    start=dt.date(2025, 3, 19),
                    end=dt.date(2025, 3, 20),
                    sources=(FACTS_6_3, S20),
                ),
            ),
            planned="June 2024",  # seed 002, domain_facts §6.2 (I6)
            status=Status.CONFIRMED,  # S20
            notes="No organiser is named in domain_facts §6.3.",
            sources=(SEED_002, FACTS_5_1, FACTS_6_2, FACTS_6_3, FACTS_9, S20),
        ),
    )


def participants() -> tuple[Participant, ...]:
    """The organising bodies §6.3 names, each with the meetings it organised."""
    return (
        Participant(
            id=IOM,
            kind=ParticipantKind.ORGANISATION,
            name="International Organization for Migration (IOM)",
            sector=Sector.UN_SYSTEM,
            roles=(Role.ORGANISER,),
            events=(ESCWA_2024, ECA_2024),  # S18, S16
            notes=(
                "Sector un_system: IOM is coordinator and secretariat of the UN Network on "
                "Migration (GCM para. 45(a))."
            ),
            sources=(S16, S18, FACTS_7),
        ),
        Participant(
            id=ESCWA,
            kind=ParticipantKind.ORGANISATION,
            name="United Nations Economic and Social Commission for Western Asia (ESCWA)",
            sector=Sector.UN_SYSTEM,
            roles=(Role.ORGANISER,),
            events=(ESCWA_2024,),
            sources=(S18, FACTS_5_1),
        ),
        Participant(
            id=LAS,
            kind=ParticipantKind.ORGANISATION,
            name="League of Arab States (LAS)",
            sector=Sector.INTERGOVERNMENTAL,
            roles=(Role.ORGANISER,),
            events=(ESCWA_2024,),
            notes="Host of the Arab review, at its headquarters in Cairo (S18).",
            sources=(S18,),
        ),
        Participant(
            id=ECA,
            kind=ParticipantKind.ORGANISATION,
            name="United Nations Economic Commission for Africa (ECA)",
            sector=Sector.UN_SYSTEM,
            roles=(Role.ORGANISER,),
            events=(ECA_2024,),
            sources=(S16, FACTS_5_1),
        ),
        Participant(
            id=AUC,
            kind=ParticipantKind.ORGANISATION,
            name="African Union Commission",
            sector=Sector.INTERGOVERNMENTAL,
            roles=(Role.ORGANISER,),
            events=(ECA_2024,),
            notes="The African review was organised by ECA and IOM 'with' it (S16).",
            sources=(S16,),
        ),
    )


def build() -> Dataset:
    """The ESCWA, ECA, ESCAP and ECLAC reviews of the second round, from domain_facts.md §6.

    Returns:
        A dataset with four reviews, four meetings (dates only, with their
        seed 002 plan and status) and the five organising bodies domain_facts
        §6.3 names.
    """
    return Dataset(
        title="Second round of GCM regional reviews (2024-2025): ESCWA, ECA, ESCAP and ECLAC",
        reviews=reviews(),
        meetings=meetings(),
        participants=participants(),
        sources=(SEED_002, FACTS_5_1, FACTS_6_1, FACTS_6_2, FACTS_6_3, FACTS_7, FACTS_9),
    )


def main() -> None:
    """Print a short summary of the dataset."""
    dataset = build()
    print(dataset.title)
    print(
        f"  {len(dataset.reviews)} reviews, {len(dataset.meetings)} meetings, "
        f"{len(dataset.participants)} organising bodies\n"
    )
    names = {p.id: (p.name or p.id).rsplit("(", 1)[-1].rstrip(")") for p in dataset.participants}
    for meeting in dataset.meetings:
        venue = meeting.venue
        place = ", ".join(p for p in (venue.name, venue.city) if p) if venue else "?"
        print(f"{meeting.start} to {meeting.end}  {'/'.join(meeting.commissions):<6} {place}")
        status = meeting.status.value if meeting.status else "?"
        print(f"    status {status}; seed 002 planned {meeting.planned!r}")
        for segment in meeting.agenda:
            days = (
                f"{segment.start}"
                if segment.start == segment.end
                else f"{segment.start} to {segment.end}"
            )
            print(f"    {segment.title}: {days}")
        if meeting.organisers:
            print(f"    organised by {', '.join(names[o] for o in meeting.organisers)}")


if __name__ == "__main__":
    main()
