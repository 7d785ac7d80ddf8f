"""The second regional review of the GCM in Africa (ECA, Addis Ababa, 8-10 October 2024).

Run it with ``python examples/eca_2024.py``; ``build()`` returns the dataset.

One review of a commission other than UNECE, from what its sources say and
nothing more: the UN Network on Migration's news "Africa Holds Second Review
Conference of the Global Compact for Safe, Orderly and Regular Migration in
Ethiopia" (4 October 2024) and its page "Explore the Regional Reviews of
Africa" date the meeting (8-10 October 2024, Addis Ababa), its Multi-stakeholder
Hearing (8 October) and its Intergovernmental Conference (9-10 October), and
name its organisers, ECA and IOM, with the African Union Commission. QUNO's
guide "Migration Justice" (late 2023) gives the plan: the review in October
2024, a pre-consultation in March and a multi-stakeholder consultation in May
2024. No source read dates those consultations as held, names a co-chair, a
speaker, a rapporteur or a session, or gives a report of the meeting: those
stay empty. The script is independent of ``second_round.py``, which holds the
same meeting in less depth among the other reviews of the round.

The dataset is valid under the ``default`` profile, which holds what binds
every regional review; its warnings and notes name what the sources leave
unsaid (no consultation, no evaluation session, no summary report recorded).
The ``unece-2024`` profile, the practice of the UNECE 2024 concept note, adds
its own checks on the same data (two co-chairs who speak at the opening and
the closing, four thematic sessions on the IMRF round tables, a rapporteur,
two consultations): nothing in the sources says that ECA followed it, which is
why it is a profile of its own. ``main()`` prints both reports' counts and the
rules the profile adds.
"""

from __future__ import annotations

import datetime as dt

from gcm_model import (
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
    validate,
)

# -- sources: ids of gcm_model.sources ---------------------------------------------------

NEWS = "un-network-africa-2024-review-news"  # the Network's news: days, city, organisers
REVIEWS_PAGE = "un-network-africa-regional-reviews"  # the Network's page on Africa's reviews
QUNO_GUIDE = "quno-migration-justice-guide"  # the 2023-2025 timeline (a plan), the web page
FRAMEWORK = "un-network-regional-reviews-2024"  # the regions follow the regional commissions
COMMISSIONS = "wikipedia-regional-commissions"  # the commission's name
GCM = "a-res-73-195"  # para. 45(a): IOM is coordinator and secretariat of the Network

ROUND = "regional-2024"
REVIEW = "review:eca-2024"
MEETING = "meeting:eca-2024"
ECA = "org:eca"
IOM = "org:iom"
AUC = "org:auc"


def review() -> RegionalReview:
    """The review: its round, commission, web page and the plan QUNO's guide gave."""
    return RegionalReview(
        id=REVIEW,
        round=ROUND,
        commissions=("ECA",),
        title="Second Regional Review of the GCM in Africa",
        documents=(
            DocumentRef(
                title="UN Network on Migration regional review webpage",
                url="https://migrationnetwork.un.org/africa2024",  # as QUNO's guide links it
            ),
        ),
        notes=(
            "QUNO's guide planned the pre-consultation for March 2024 and the "
            "multi-stakeholder consultation for May 2024; no source read dates them as "
            "held, so they are not events. The Network's news uses the titles of the four "
            "IMRF round tables (gcm_model.clusters); it does not say the Conference was "
            "organised in sessions on them, so the agenda has none."
        ),
        sources=(NEWS, REVIEWS_PAGE, QUNO_GUIDE, FRAMEWORK),
    )


def meeting() -> Meeting:
    """The meeting: days only (no hour is given), the hearing first, then the conference."""
    return Meeting(
        id=MEETING,
        title="Second Regional Review of the GCM in Africa",
        kind=MeetingKind.REGIONAL_REVIEW,
        start=dt.date(2024, 10, 8),
        end=dt.date(2024, 10, 10),
        review=REVIEW,
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
                sources=(NEWS, REVIEWS_PAGE),
            ),
            IntergovernmentalConference(
                title="Intergovernmental Conference",
                start=dt.date(2024, 10, 9),
                end=dt.date(2024, 10, 10),
                sources=(NEWS, REVIEWS_PAGE),
            ),
        ),
        planned="October 2024",  # QUNO's guide, a plan
        status=Status.CONFIRMED,  # the UN Network's page and news
        notes=(
            "No source read names the venue's building, the co-chairs, the speakers, a "
            "rapporteur or the thematic sessions, nor says whether the meeting was webcast "
            "or needed accreditation."
        ),
        sources=(NEWS, REVIEWS_PAGE, QUNO_GUIDE, COMMISSIONS),
    )


def participants() -> tuple[Participant, ...]:
    """The three organising bodies the Network's news names."""
    return (
        Participant(
            id=ECA,
            kind=ParticipantKind.ORGANISATION,
            name="United Nations Economic Commission for Africa (ECA)",
            sector=Sector.UN_SYSTEM,
            roles=(Role.ORGANISER,),
            events=(MEETING,),
            sources=(NEWS, COMMISSIONS),
        ),
        Participant(
            id=IOM,
            kind=ParticipantKind.ORGANISATION,
            name="International Organization for Migration (IOM)",
            sector=Sector.UN_SYSTEM,
            roles=(Role.ORGANISER,),
            events=(MEETING,),
            notes=(
                "Sector un_system: IOM is coordinator and secretariat of the UN Network on "
                "Migration (GCM para. 45(a))."
            ),
            sources=(NEWS, GCM),
        ),
        Participant(
            id=AUC,
            kind=ParticipantKind.ORGANISATION,
            name="African Union Commission",
            sector=Sector.INTERGOVERNMENTAL,
            roles=(Role.ORGANISER,),
            events=(MEETING,),
            notes="The review was organised by ECA and IOM 'with' it (the Network's news).",
            sources=(NEWS,),
        ),
    )


def build() -> Dataset:
    """The second Africa review of the GCM, from its sources.

    Returns:
        A dataset with the review, its meeting (the hearing and the conference,
        by day) and the three organising bodies.
    """
    return Dataset(
        title="Second Regional Review of the GCM in Africa (ECA, 8-10 October 2024)",
        reviews=(review(),),
        meetings=(meeting(),),
        participants=participants(),
        sources=(NEWS, REVIEWS_PAGE, QUNO_GUIDE, FRAMEWORK, COMMISSIONS, GCM),
    )


def added_by_unece_profile(dataset: Dataset) -> list[str]:
    """The rules that report on the dataset under ``unece-2024`` and not under ``default``.

    Args:
        dataset: the dataset to validate.

    Returns:
        The rule slugs, sorted.
    """
    default = set(validate(dataset).by_rule)
    return sorted(set(validate(dataset, profile="unece-2024").by_rule) - default)


def main() -> None:
    """Print the dataset, then what each profile reports on it."""
    dataset = build()
    print(dataset.title)
    (found,) = dataset.meetings
    venue = found.venue.city if found.venue else "?"
    print(f"  {found.start} to {found.end}, {venue}; QUNO's guide planned {found.planned!r}")
    for segment in found.agenda:
        print(f"    {segment.title}: {segment.start} to {segment.end}")
    names = {p.id: p.name for p in dataset.participants}
    print(f"  organised by {', '.join(str(names[o]) for o in found.organisers)}\n")
    for profile in ("default", "unece-2024"):
        report = validate(dataset, profile=profile)
        verdict = "valid" if report.valid else "INVALID"
        print(f"profile {profile}: {verdict}, {report.counts}")
    print(f"unece-2024 adds: {', '.join(added_by_unece_profile(dataset))}")


if __name__ == "__main__":
    main()
