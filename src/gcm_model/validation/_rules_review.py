"""The rules on the review cycle, its summary reports, accreditation and the meeting's roles.

``imrf-alternation`` (the regional rounds alternate with the IMRF: the UN
Network's GCM implementation guidance, A/RES/73/195 paras. 49-50),
``summary-report`` (every meeting of the regional reviews results in a
summary report that goes on to the President of the General Assembly: the
Network's framework, "Regional Reviews 2024"), ``accreditation`` (stakeholders
accredited where a meeting requires it), and, under ``unece-2024``,
``co-chair-remarks`` and ``rapporteur-briefing`` (the UNECE 2024 concept note:
the co-chairs speak at the opening and the closing, the rapporteur briefs
Member States at the opening). ``gcm_model.validation._rules`` adds these
checks to its own, one function per slug, each yielding issues.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator

from gcm_model import registry
from gcm_model.models.process import (
    ClosingSegment,
    Meeting,
    MeetingKind,
    OpeningSegment,
    Participant,
    Role,
    Sector,
)
from gcm_model.models.reports import Recipient, Report, ReportKind
from gcm_model.types import ReviewKind
from gcm_model.validation._catalogue import Rule
from gcm_model.validation._context import Context, Located
from gcm_model.validation._report import Issue

__all__ = ["CHECKS"]

Check = Callable[[Context, Rule], Iterator[Issue]]
CHECKS: dict[str, Check] = {}


def check(slug: str) -> Callable[[Check], Check]:
    """Register the function of a rule."""

    def register(function: Check) -> Check:
        CHECKS[slug] = function
        return function

    return register


def _year(value: object) -> int | None:
    return value.year if isinstance(value, dt.date) else None  # a datetime is a date too


def _regional(located: Located) -> bool:
    record = located.record
    return isinstance(record, Meeting) and record.kind is MeetingKind.REGIONAL_REVIEW


# -- the review cycle -------------------------------------------------------------------------


@functools.cache
def _first_imrf() -> int:
    """The year of the first IMRF in the reference data (2022: A/RES/73/195 para. 49)."""
    return min(r.year for r in registry.rounds if r.kind is ReviewKind.IMRF)


def _imrf_round(year: int) -> str | None:
    """The code of the IMRF round held in ``year``, if one is (every four years from 2022)."""
    if year < _first_imrf():
        return None
    found = registry.rounds.for_year(year, ReviewKind.IMRF)
    return found.code if found.year == year else None


@check("imrf-alternation")
def _alternation(context: Context, rule: Rule) -> Iterator[Issue]:
    for located in context.by_collection["meetings"]:
        meeting: Meeting = located.record
        year = _year(meeting.start)
        if not _regional(located) or year is None:
            continue
        imrf = _imrf_round(year)
        if imrf is None:
            continue
        regional = registry.rounds.for_year(year)
        held = regional.held or (regional.year, regional.year + 1)
        yield context.issue(
            rule,
            located,
            "start",
            f"a regional review meeting in {year}, the year of the IMRF ({imrf})",
            value=str(meeting.start),
            hint=(
                f"the regional round {regional.code} was held in {held[0]}-{held[1]} and the "
                f"next begins in {regional.year + 4}; the IMRF meets every four years from "
                f"{_first_imrf()} ({registry.cite('a-res-73-195', 'para. 49')})"
            ),
        )


# -- summary reports ----------------------------------------------------------------------------

_SUMMARIES = (ReportKind.REGIONAL_SUMMARY, ReportKind.OUTCOME_REPORT, ReportKind.CHAIRS_SUMMARY)
"""The kinds of report that sum up a meeting (the UNECE 2024 concept note calls its outcome
report the meeting's summary report)."""
_PGA = Recipient.PRESIDENT_OF_THE_GENERAL_ASSEMBLY
_FRAMEWORK = 2024
"""The first year of the round the Network's framework, "Regional Reviews 2024", organises:
it asks its summary reports of the second round on, not of the first."""


@check("summary-report")
def _summary_report(context: Context, rule: Rule) -> Iterator[Issue]:
    summaries: dict[str, list[Report]] = {}
    if not all(r.knows("kind", "meetings", "recipients") for r in context.by_collection["reports"]):
        return  # a report of unknown kind, meetings or recipients may be the summary sought
    for located in context.by_collection["reports"]:
        report: Report = located.record
        if report.kind in _SUMMARIES:
            for meeting_id in report.meetings:
                summaries.setdefault(meeting_id, []).append(report)
    for located in context.by_collection["meetings"]:
        year = _year(located.record.start)
        if not _regional(located) or located.id is None or year is None or year < _FRAMEWORK:
            continue
        found = summaries.get(located.id, [])
        if any(_PGA in report.recipients for report in found):
            continue
        if found:
            listed = "; ".join(
                f"{r.id} ({r.kind.value}) to "
                + (", ".join(x.value for x in r.recipients) if r.recipients else "no one named")
                for r in found
            )
            message = "no summary report of the meeting goes to the President of the General "
            message += "Assembly"
            hint = f"its summary reports: {listed}; add {_PGA.value} to the recipients of one"
        else:
            message = f"no summary report lists meeting {located.id!r}"
            hint = (
                "a report of kind "
                + ", ".join(k.value for k in _SUMMARIES)
                + f" naming it in meetings, with {_PGA.value} among its recipients"
            )
        yield context.issue(rule, located, "", message, hint=hint)


# -- accreditation ----------------------------------------------------------------------------


@check("accreditation")
def _accreditation(context: Context, rule: Rule) -> Iterator[Issue]:
    for located in context.by_collection["participants"]:
        person: Participant = located.record
        if person.accredited is not False or person.sector is not Sector.STAKEHOLDER:
            continue  # accredited, or not said: no issue; only stakeholders are accredited
        for index, meeting_id in enumerate(person.events):
            meeting: Meeting | None = context.get("meetings", meeting_id)
            if meeting is not None and meeting.accreditation_required is True:
                yield context.issue(
                    rule,
                    located,
                    f"events/{index}",
                    f"stakeholder {person.id!r} attends meeting {meeting_id!r}, which requires "
                    "accreditation, and is recorded as not accredited",
                    value=meeting_id,
                    hint=(
                        f"the meeting {meeting.title!r} ({meeting.start}) has "
                        "accreditation_required true; the participant's accredited is false"
                    ),
                )


# -- the opening and the closing (unece-2024) ----------------------------------------------------


def _co_chair_ids(context: Context, meeting: Meeting, speakers: tuple[str, ...]) -> list[str]:
    """The speakers who are co-chairs: by their role, or as Member State delegates of a chair."""
    found = []
    for speaker in speakers:
        person: Participant | None = context.get("participants", speaker)
        if person is None:
            continue
        delegate = person.sector is Sector.MEMBER_STATE and person.country in meeting.co_chairs
        if Role.CO_CHAIR in person.roles or delegate:
            found.append(speaker)
    return found


def _who(context: Context, ids: tuple[str, ...]) -> str:
    """Participants as a hint names them: id, and country where known."""
    parts = []
    for participant_id in ids:
        person: Participant | None = context.get("participants", participant_id)
        country = person.country if person is not None else None
        parts.append(f"{participant_id} ({country})" if country else participant_id)
    return ", ".join(parts)


@check("co-chair-remarks")
def _co_chair_remarks(context: Context, rule: Rule) -> Iterator[Issue]:
    for located in context.by_collection["meetings"]:
        meeting: Meeting = located.record
        if not _regional(located) or not meeting.agenda:
            continue  # no agenda recorded: nothing known of the opening or the closing
        chairs = ", ".join(meeting.co_chairs) or "none given"
        for segment_type, name in ((OpeningSegment, "opening"), (ClosingSegment, "closing")):
            at = [i for i, s in enumerate(meeting.agenda) if isinstance(s, segment_type)]
            if not at:
                yield context.issue(
                    rule,
                    located,
                    "agenda",
                    f"the agenda has no {name}, where the co-chairs deliver remarks",
                    hint=f"co-chairs: {chairs}; agenda: "
                    + ", ".join(s.kind for s in meeting.agenda),
                )
                continue
            speakers = meeting.agenda[at[0]].speakers  # type: ignore[union-attr]
            if speakers and not _co_chair_ids(context, meeting, speakers):
                yield context.issue(
                    rule,
                    located,
                    f"agenda/{at[0]}/speakers",
                    f"no co-chair speaks at the {name}",
                    value=list(speakers),
                    hint=f"co-chairs: {chairs}; speakers: {_who(context, speakers)}",
                )


@check("rapporteur-briefing")
def _rapporteur_briefing(context: Context, rule: Rule) -> Iterator[Issue]:
    for located in context.by_collection["meetings"]:
        meeting: Meeting = located.record
        if not _regional(located) or meeting.rapporteur is None:
            continue  # no rapporteur: the rule rapporteur says so
        openings = [i for i, s in enumerate(meeting.agenda) if isinstance(s, OpeningSegment)]
        if not openings:
            continue  # no opening recorded: co-chair-remarks says so
        opening = meeting.agenda[openings[0]]
        speakers: tuple[str, ...] = opening.speakers  # type: ignore[union-attr]
        if speakers and meeting.rapporteur not in speakers:
            yield context.issue(
                rule,
                located,
                f"agenda/{openings[0]}/speakers",
                f"the rapporteur {meeting.rapporteur!r} is not among the opening's speakers",
                value=list(speakers),
                hint=f"the opening's speakers: {_who(context, speakers)}",
            )
