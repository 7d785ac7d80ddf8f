"""The other four regional reviews of the second round (2024-2025) as one ``Dataset``.

Run it with ``python examples/second_round.py``; ``build()`` returns the dataset.

The Arab region (ESCWA, Cairo, July 2024), Africa (ECA, Addis Ababa, October
2024), Asia-Pacific (ESCAP, Bangkok, February 2025) and Latin America and the
Caribbean (ECLAC, Santiago, March 2025), with what the sources give: days
(``datetime.date``; no hours are known), the venue, the hearing and the
Intergovernmental Conference where a source dates them (ECA, ECLAC), the
organisers where a source names them, and the status of each meeting's dates
(``CONFIRMED`` or ``CONFIRMED-2``). Every record cites its sources by their ids
in ``gcm_model.sources`` (``gcm_model.cite`` names each document). The UNECE
meeting of the same round is in ``unece_2024.py``; the scripts are independent.

The timeline of QUNO's guide ("Migration Justice", late 2023) planned other
dates for these meetings: the actual dates are in ``start`` and ``end``, the
plan, verbatim, in ``planned``. The guide also planned the pre-consultations
and consultations by month; no source dates them as held, and a
``PreparatoryEvent`` needs a ``start``, so those plans stay in the review's
``notes``. The guide says that registering for
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

# -- sources: ids of gcm_model.sources ---------------------------------------------------

QUNO_GUIDE = "quno-migration-justice-guide"  # the 2023-2025 timeline (a plan), contacts, pages
FRAMEWORK = "un-network-regional-reviews-2024"  # the regions follow the regional commissions
COMMISSIONS = "wikipedia-regional-commissions"  # commission names and seats
GCM = "a-res-73-195"  # para. 45(a): IOM is coordinator and secretariat of the Network
REVIEWS_PAGE = "un-network-africa-regional-reviews"  # UN Network page dating the reviews
AFRICA_NEWS = "un-network-africa-2024-review-news"  # UN Network news on the Africa review
ARAB_RELEASE = "arab-2024-review-news"  # re-published IOM/ESCWA release on the Arab review
ECLAC_PAGE = "eclac-lac-2025-review-background"  # ECLAC background page
VIET_NAM_NEWS = "viet-nam-news-asia-pacific-2025-review"  # on the Asia-Pacific review

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
    """The UN Network's Regional Reviews 2024 page of a region, as QUNO's guide links it."""
    return DocumentRef(
        title="UN Network on Migration regional review webpage",
        url=f"https://migrationnetwork.un.org/{slug}",
    )


def reviews() -> tuple[RegionalReview, ...]:
    """One review per commission; a contact only where a source ties it to the region."""
    plan_note = (
        "The contact column of the guide's timeline came out of the PDF in another order "
        "than its rows; addresses are recorded only where a source ties them to a region."
    )
    return (
        RegionalReview(
            id="review:escwa-2024",
            round=ROUND,
            commissions=("ESCWA",),
            title="Second Regional Review of the GCM in the Arab region",
            aliases=("Middle East & North Africa", "Arab States"),  # QUNO's guide
            # The address names the Arab States region itself.
            contacts=(
                Contact(
                    role="Stakeholder engagement (Arab States)", email="gcmrrarabstates@iom.int"
                ),
            ),
            documents=(webpage("arab-states-2024"),),
            notes=(
                "QUNO's guide planned the "
                "pre-consultation for September 2024 and the consultation for the week of "
                "3 November 2024. " + plan_note
            ),
            sources=(QUNO_GUIDE, FRAMEWORK, ARAB_RELEASE),
        ),
        RegionalReview(
            id="review:eca-2024",
            round=ROUND,
            commissions=("ECA",),
            title="Second Regional Review of the GCM in Africa",
            documents=(webpage("africa2024"),),
            notes=(
                "QUNO's guide planned the pre-consultation for March 2024 and the "
                "multi-stakeholder consultation for May 2024. " + plan_note
            ),
            sources=(QUNO_GUIDE, FRAMEWORK, REVIEWS_PAGE, AFRICA_NEWS),
        ),
        RegionalReview(
            id="review:escap-2025",
            round=ROUND,
            commissions=("ESCAP",),
            title="Second Regional Review of the GCM in Asia and the Pacific",
            documents=(webpage("asia-and-pacific-2024"),),
            notes=(
                "QUNO's guide planned pre-consultations for late 2024 - two separate ones, for "
                "Asia and for the Pacific, feeding one multi-stakeholder consultation - and the "
                "consultation for 2025. " + plan_note
            ),
            sources=(QUNO_GUIDE, FRAMEWORK, REVIEWS_PAGE, VIET_NAM_NEWS),
        ),
        RegionalReview(
            id="review:eclac-2025",
            round=ROUND,
            commissions=("ECLAC",),
            title="Second Regional Review of the GCM in Latin America and the Caribbean",
            documents=(webpage("latin-america-and-caribbean-2024"),),
            notes=(
                "QUNO's guide planned the pre-consultation for April 2024 and the consultation "
                "for June 2024. " + plan_note
            ),
            sources=(QUNO_GUIDE, FRAMEWORK, ECLAC_PAGE),
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
            organisers=(IOM, ESCWA, LAS),  # the IOM/ESCWA release
            planned="Week of 3 November 2024",  # QUNO's guide, a plan
            # From a re-published IOM/ESCWA press release; the UN Network's page says only
            # "July 2024".
            status=Status.CONFIRMED_2,
            sources=(QUNO_GUIDE, REVIEWS_PAGE, ARAB_RELEASE),
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
            organisers=(ECA, IOM, AUC),  # the Network's news: ECA and IOM "with" the AU Commission
            agenda=(
                Hearing(
                    title="Multi-stakeholder Hearing",
                    start=dt.date(2024, 10, 8),
                    end=dt.date(2024, 10, 8),
                    sources=(REVIEWS_PAGE, AFRICA_NEWS),
                ),
                IntergovernmentalConference(
                    title="Intergovernmental Conference",
                    start=dt.date(2024, 10, 9),
                    end=dt.date(2024, 10, 10),
                    sources=(REVIEWS_PAGE, AFRICA_NEWS),
                ),
            ),
            planned="October 2024",  # QUNO's guide, a plan
            status=Status.CONFIRMED,  # the UN Network's page and news
            sources=(QUNO_GUIDE, COMMISSIONS, REVIEWS_PAGE, AFRICA_NEWS),
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
            planned="2025",  # QUNO's guide, a plan
            # From a news report (Viet Nam News); the UN Network's page says only "early 2025".
            status=Status.CONFIRMED_2,
            notes="No hearing date, organiser or venue name is given.",
            sources=(QUNO_GUIDE, COMMISSIONS, REVIEWS_PAGE, VIET_NAM_NEWS),
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
                    sources=(ECLAC_PAGE,),
                ),
                IntergovernmentalConference(
                    title="Intergovernmental Conference",
                    start=dt.date(2025, 3, 19),
                    end=dt.date(2025, 3, 20),
                    sources=(ECLAC_PAGE,),
                ),
            ),
            planned="June 2024",  # QUNO's guide, a plan
            status=Status.CONFIRMED,  # ECLAC's background page
            notes="No source read names the organisers.",
            sources=(QUNO_GUIDE, COMMISSIONS, ECLAC_PAGE),
        ),
    )


def participants() -> tuple[Participant, ...]:
    """The organising bodies the sources name, each with the meetings it organised."""
    return (
        Participant(
            id=IOM,
            kind=ParticipantKind.ORGANISATION,
            name="International Organization for Migration (IOM)",
            sector=Sector.UN_SYSTEM,
            roles=(Role.ORGANISER,),
            events=(ESCWA_2024, ECA_2024),  # the IOM/ESCWA release; the Network's news
            notes=(
                "Sector un_system: IOM is coordinator and secretariat of the UN Network on "
                "Migration (GCM para. 45(a))."
            ),
            sources=(AFRICA_NEWS, ARAB_RELEASE, GCM),
        ),
        Participant(
            id=ESCWA,
            kind=ParticipantKind.ORGANISATION,
            name="United Nations Economic and Social Commission for Western Asia (ESCWA)",
            sector=Sector.UN_SYSTEM,
            roles=(Role.ORGANISER,),
            events=(ESCWA_2024,),
            sources=(ARAB_RELEASE, COMMISSIONS),
        ),
        Participant(
            id=LAS,
            kind=ParticipantKind.ORGANISATION,
            name="League of Arab States (LAS)",
            sector=Sector.INTERGOVERNMENTAL,
            roles=(Role.ORGANISER,),
            events=(ESCWA_2024,),
            notes="Host of the Arab review, at its headquarters in Cairo (the IOM/ESCWA release).",
            sources=(ARAB_RELEASE,),
        ),
        Participant(
            id=ECA,
            kind=ParticipantKind.ORGANISATION,
            name="United Nations Economic Commission for Africa (ECA)",
            sector=Sector.UN_SYSTEM,
            roles=(Role.ORGANISER,),
            events=(ECA_2024,),
            sources=(AFRICA_NEWS, COMMISSIONS),
        ),
        Participant(
            id=AUC,
            kind=ParticipantKind.ORGANISATION,
            name="African Union Commission",
            sector=Sector.INTERGOVERNMENTAL,
            roles=(Role.ORGANISER,),
            events=(ECA_2024,),
            notes="The African review was organised by ECA and IOM 'with' it (the Network's news).",
            sources=(AFRICA_NEWS,),
        ),
    )


def build() -> Dataset:
    """The ESCWA, ECA, ESCAP and ECLAC reviews of the second round, from their sources.

    Returns:
        A dataset with four reviews, four meetings (dates only, with the plan of
        QUNO's guide and their status) and the five organising bodies the
        sources name.
    """
    return Dataset(
        title="Second round of GCM regional reviews (2024-2025): ESCWA, ECA, ESCAP and ECLAC",
        reviews=reviews(),
        meetings=meetings(),
        participants=participants(),
        sources=(
            QUNO_GUIDE,
            FRAMEWORK,
            COMMISSIONS,
            GCM,
            REVIEWS_PAGE,
            ARAB_RELEASE,
            AFRICA_NEWS,
            VIET_NAM_NEWS,
            ECLAC_PAGE,
        ),
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
        print(f"    status {status}; QUNO's guide planned {meeting.planned!r}")
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
