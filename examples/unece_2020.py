"""The first UNECE regional review of the GCM (virtual, 12-13 November 2020) as a ``Dataset``.

Run it with ``python examples/unece_2020.py``; ``build()`` returns the dataset.

The sources give days, not hours, so every moment is a ``datetime.date``. They
name no venue (the review was virtual), no co-chairs, rapporteur, speakers or
organisers, and no agenda: those fields stay empty. The first IMRF (New York,
17-20 May 2022) is recorded as a meeting of its own because the summary report
``informs`` it (the UNECE 2024 concept note). Every value is cited in the
``sources`` of its record, by the ids of ``gcm_model.sources``: the UNECE 2024
concept note (which recalls the first review), the UN Network's news on the
first review, the Civil Society Action Committee's page on it, QUNO's guide and
the IMRF 2022 registration page; ``status`` gives the status label
(``gcm_model.Status``) of each meeting, event and report.
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

# -- sources: ids of gcm_model.sources ---------------------------------------------------

CONCEPT_NOTE = "unece-2024-concept-note"  # recalls the first review and its summary report
QUNO_GUIDE = "quno-migration-justice-guide"  # "in the first round ... the agendas clustered"
NETWORK_NEWS = "un-network-unece-2020-review-news"  # dates, virtual, the consultation, youth
ACTION_COMMITTEE = "csac-unece-2020-review"  # the Action Committee's page on the first review
IMRF_2022 = "imrf-2022-registration"  # the first IMRF: 17-20 May 2022, UN Headquarters

REVIEW = "review:ece-2020"
MEETING = "meeting:ece-2020"
CONSULTATION = "event:ece-2020:consultation"
IMRF = "meeting:imrf-2022"


def build() -> Dataset:
    """The first UNECE regional review (12-13 November 2020), from its sources.

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
            "UNECE Region (the UNECE 2024 concept note); the only first-round review held in "
            "2020 (the other regions' reviews were held in 2021). Participants to it were "
            "unanimous in expressing a need for strengthened regional and global cooperation "
            "(the concept note, Annex 1)."
        ),
        sources=(CONCEPT_NOTE, NETWORK_NEWS, ACTION_COMMITTEE),
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
        status=Status.CONFIRMED,  # the Network's news; the concept note; the Action Committee
        notes=(
            "The agenda is not in the sources; QUNO's guide says only that in the first round 'the "
            "agendas clustered the objectives, similarly to in the IMRF', so no thematic "
            "sessions are recorded."
        ),
        sources=(CONCEPT_NOTE, QUNO_GUIDE, NETWORK_NEWS, ACTION_COMMITTEE),
    )
    # The concept note: "the first International Migration Review Forum (IMRF) that took
    # place at United Nations Headquarters in New York on 17-20 May 2022"; its registration
    # page gives the same days.
    imrf = Meeting(
        id=IMRF,
        title="First International Migration Review Forum",
        kind=MeetingKind.IMRF,
        start=dt.date(2022, 5, 17),
        end=dt.date(2022, 5, 20),
        round="imrf-2022",
        known_meeting="imrf-2022",
        venue=Venue(name="United Nations Headquarters", city="New York", country="USA"),
        status=Status.CONFIRMED,  # the IMRF 2022 registration page
        notes=(
            "Resulted in the adoption of the IMRF Progress Declaration, A/RES/76/266 (the UNECE "
            "2024 concept note)."
        ),
        sources=(CONCEPT_NOTE, IMRF_2022),
    )
    consultation = PreparatoryEvent(
        id=CONSULTATION,
        kind=EventKind.CONSULTATION,
        start=dt.date(2020, 11, 9),
        review=REVIEW,
        meeting=MEETING,
        title="Informal multi-stakeholder consultation",
        status=Status.CONFIRMED,  # the Network's news
        categories=("youth",),  # children and young people took part (the Network's news)
        notes="Format, organisers and focus are not stated.",
        sources=(NETWORK_NEWS, ACTION_COMMITTEE),
    )
    summary = Report(
        id="report:ece-2020:summary",
        kind=ReportKind.REGIONAL_SUMMARY,
        review=REVIEW,
        meetings=(MEETING,),
        informs=(IMRF,),  # the concept note: "The resulting summary report informed the first IMRF"
        status=Status.SEED,  # only the concept note speaks of it
        notes=(
            "The concept note links it as 'unece - regional review of the gcm - summary report "
            "final updated.pdf' (footnote 5) without a usable address; issue date unknown. "
            "Kind regional_summary: the concept note calls it a summary report."
        ),
        sources=(CONCEPT_NOTE,),
    )
    return Dataset(
        title="First UNECE Regional Review of the GCM, virtual, 12-13 November 2020",
        reviews=(review,),
        meetings=(meeting, imrf),
        events=(consultation,),
        reports=(summary,),
        sources=(CONCEPT_NOTE, QUNO_GUIDE, NETWORK_NEWS, ACTION_COMMITTEE, IMRF_2022),
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
