"""The first UNECE regional review of the GCM (virtual, 12-13 November 2020) as a ``Dataset``.

Run it with ``python examples/unece_2020.py``; ``build()`` returns the dataset.

The sources give days, not hours, so every moment is a ``datetime.date``. They
name no venue (the review was virtual), no co-chairs, rapporteur, speakers or
organisers, and no agenda: those fields stay empty. The first IMRF (New York,
17-20 May 2022) is recorded as a meeting of its own because the summary report
``informs`` it (seed 001). Every value is cited in the ``sources`` of its
record: seed 001 (the 2024 concept note, which recalls the first review),
domain_facts.md §6.3 with its sources S24 and S33, §4.2 and §7; ``status``
gives the domain_facts.md §0 label of each meeting, event and report.
"""

from __future__ import annotations

import datetime as dt

from gcm_model import (
    Dataset,
    EventKind,
    Meeting,
    MeetingKind,
    PreparatoryEvent,
    RegionalReview,
    Report,
    ReportKind,
    Status,
    Venue,
)

SEED_001 = "001_61412e3f83cb501b.txt"  # recalls the first review and its summary report
SEED_002 = (
    "002_82325204e59e67f2.txt"  # "in the first round ... the agendas clustered the objectives"
)
FACTS_6_3 = "domain_facts.md §6.3 (S24, S33)"  # UNECE round 1: dates, virtual, consultation
FACTS_4_2 = "domain_facts.md §4.2 (S24)"  # the 2020 consultation included children and young people
FACTS_7 = "domain_facts.md §7 (S10)"  # the first IMRF: 17-20 May 2022, UN Headquarters, New York

REVIEW = "review:ece-2020"
MEETING = "meeting:ece-2020"
CONSULTATION = "event:ece-2020:consultation"
IMRF = "meeting:imrf-2022"


def build() -> Dataset:
    """The first UNECE regional review (12-13 November 2020) from seed 001 and domain_facts.md.

    Returns:
        A dataset with the review, its virtual meeting, the first IMRF (which
        the summary report informed), the informal multi-stakeholder
        consultation of 9 November 2020 and the summary report.
    """
    review = RegionalReview(
        id=REVIEW,
        round="regional-2020",
        commissions=("ECE",),
        title=(
            "First Regional Review of the implementation of the GCM for Member States and with "
            "participation of relevant stakeholders of the UNECE Region"
        ),
        notes=(
            "The first review of the implementation of the GCM by the Member States of the "
            "UNECE Region (seed 001); the only first-round review held in 2020 (domain_facts "
            "§6.3, I7). Participants to it were unanimous in expressing a need for strengthened "
            "regional and global cooperation (seed 001, Annex 1)."
        ),
        sources=(SEED_001, FACTS_6_3),
    )
    meeting = Meeting(
        id=MEETING,
        title="First Regional Review of the GCM in the UNECE Region (intergovernmental review)",
        kind=MeetingKind.REGIONAL_REVIEW,
        start=dt.date(2020, 11, 12),
        end=dt.date(2020, 11, 13),
        review=REVIEW,
        round="regional-2020",
        commissions=("ECE",),
        known_meeting="ece-2020",
        format="virtual",
        status=Status.CONFIRMED,  # domain_facts §6.3 (S24; seed 001; S33)
        notes=(
            "The agenda is not in the sources; seed 002 says only that in the first round 'the "
            "agendas clustered the objectives, similarly to in the IMRF', so no thematic "
            "sessions are recorded."
        ),
        sources=(SEED_001, SEED_002, FACTS_6_3),
    )
    # Seed 001: "the first International Migration Review Forum (IMRF) that took place at
    # United Nations Headquarters in New York on 17-20 May 2022"; domain_facts §7 (S10).
    imrf = Meeting(
        id=IMRF,
        title="First International Migration Review Forum",
        kind=MeetingKind.IMRF,
        start=dt.date(2022, 5, 17),
        end=dt.date(2022, 5, 20),
        round="imrf-2022",
        known_meeting="imrf-2022",
        venue=Venue(name="United Nations Headquarters", city="New York", country="USA"),
        status=Status.CONFIRMED,  # domain_facts §7
        notes="Resulted in the adoption of the IMRF Progress Declaration, A/RES/76/266 (seed 001).",
        sources=(SEED_001, FACTS_7),
    )
    consultation = PreparatoryEvent(
        id=CONSULTATION,
        kind=EventKind.CONSULTATION,
        start=dt.date(2020, 11, 9),
        review=REVIEW,
        meeting=MEETING,
        title="Informal multi-stakeholder consultation",
        status=Status.CONFIRMED,  # domain_facts §6.3 (S24)
        categories=("youth",),  # children and young people took part (S24, domain_facts §4.2)
        notes="Format, organisers and focus are not stated.",
        sources=(FACTS_6_3, FACTS_4_2),
    )
    summary = Report(
        id="report:ece-2020:summary",
        kind=ReportKind.REGIONAL_SUMMARY,
        review=REVIEW,
        meetings=(MEETING,),
        informs=(IMRF,),  # seed 001: "The resulting summary report informed the first IMRF"
        status=Status.SEED,  # only seed 001 speaks of it
        notes=(
            "Seed 001 links it as 'unece - regional review of the gcm - summary report final "
            "updated.pdf' (footnote 5) without a usable address; issue date unknown. Kind "
            "regional_summary: seed 001 calls it a summary report."
        ),
        sources=(SEED_001,),
    )
    return Dataset(
        title="First UNECE Regional Review of the GCM, virtual, 12-13 November 2020",
        reviews=(review,),
        meetings=(meeting, imrf),
        events=(consultation,),
        reports=(summary,),
        sources=(SEED_001, SEED_002, FACTS_6_3, FACTS_4_2, FACTS_7),
    )


def main() -> None:
    """Print a short summary of the dataset."""
    dataset = build()
    print(dataset.title)
    print(
        f"  {len(dataset.reviews)} review, {len(dataset.meetings)} meetings, "
        f"{len(dataset.events)} preparatory event, {len(dataset.reports)} report"
    )
    for meeting in dataset.meetings:
        print(f"\n{meeting.title}")
        where = meeting.format or (meeting.venue.city if meeting.venue else None)
        status = meeting.status.value if meeting.status else "?"
        print(f"  {meeting.start} to {meeting.end}, {where}; status {status}")
        print(f"  agenda: {len(meeting.agenda) or 'not in the sources'}")
    for event in dataset.events:
        print(f"\n{event.start}  {event.title}")
    for report in dataset.reports:
        print(f"\nReport ({report.kind.value}), issued {report.issued or 'unknown'}")
        print(f"  informs {', '.join(report.informs) or 'not said'}")


if __name__ == "__main__":
    main()
