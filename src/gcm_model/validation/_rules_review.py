"""The rules on the review cycle, its summary reports, accreditation and the meeting's roles.

``imrf-alternation`` (the regional rounds alternate with the IMRF: the UN
Network's GCM implementation guidance, A/RES/73/195 paras. 49-50),
``summary-report`` (every meeting of the regional reviews results in a
summary report that goes on to the President of the General Assembly: the
Network's framework, "Regional Reviews 2024"), ``accreditation`` (stakeholders
accredited where a meeting requires it), and, under ``unece-2024``,
``co-chair-remarks`` and ``rapporteur-briefing`` (the UNECE 2024 concept note:
the co-chairs speak at the opening and the closing, the rapporteur briefs
Member States at the opening). ``imrf-alternation`` is a record check; the
others compare records, so each declares its facts and its judge
(``gcm_model.validation._context``): nothing keeps a whole record.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING, Any

from gcm_model import registry
from gcm_model.models.process import (
    ClosingSegment,
    Meeting,
    MeetingKind,
    OpeningSegment,
    Role,
    Sector,
)
from gcm_model.models.reports import Recipient, ReportKind
from gcm_model.types import ReviewKind
from gcm_model.validation._context import (
    CHECKS,
    Context,
    Facts,
    Located,
    facts,
    judge,
    per_record,
    plain,
    shared,
    shared_values,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from gcm_model.validation._catalogue import Rule
    from gcm_model.validation._report import Issue

__all__ = ["CHECKS"]


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


@per_record("imrf-alternation", "meetings")
def _alternation(context: Context, rule: Rule, located: Located) -> Iterator[Issue]:
    meeting: Meeting = located.record
    year = _year(meeting.start)
    if not _regional(located) or year is None:
        return
    imrf = _imrf_round(year)
    if imrf is None:
        return
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
_PGA_VALUE = _PGA.value
"""As the facts hold it (``plain``)."""
_FRAMEWORK = 2024
"""The first year of the round the Network's framework, "Regional Reviews 2024", organises:
it asks its summary reports of the second round on, not of the first."""


@facts("summary-report", "meetings", "reports")
def _summary_facts(located: Located) -> tuple[Any, ...] | None:
    """A regional review meeting of the framework's rounds; a summary report, or one unknown.

    A report is ``(known, id, kind, meetings, recipients)``: one of unknown kind, meetings
    or recipients (``known`` false) may be the summary sought.
    """
    record = located.record
    if located.collection == "meetings":
        year = _year(record.start)
        if not _regional(located) or located.id is None or year is None or year < _FRAMEWORK:
            return None
        return (located.spot,)
    if not located.knows("kind", "meetings", "recipients"):
        return (False, None, None, (), ())
    if record.kind not in _SUMMARIES:
        return None
    recipients = shared(tuple(plain(recipient) for recipient in record.recipients))
    return (True, record.id, plain(record.kind), shared(tuple(record.meetings)), recipients)


@judge("summary-report")
def _summary_report(context: Context, gathered: Facts, rule: Rule) -> Iterator[Issue]:
    summaries: dict[str, list[tuple[Any, ...]]] = {}
    for known, report_id, kind, meetings, recipients in gathered.of("summary-report", "reports"):
        if not known:
            return  # a report of unknown kind, meetings or recipients may be the summary sought
        for meeting_id in meetings:
            summaries.setdefault(meeting_id, []).append((report_id, kind, recipients))
    for (spot,) in gathered.of("summary-report", "meetings"):
        found = summaries.get(gathered.id_of(spot) or "", [])  # kept only for a meeting with an id
        if any(_PGA_VALUE in recipients for _, _, recipients in found):
            continue
        if found:
            listed = "; ".join(
                f"{report_id} ({kind}) to "
                + (", ".join(recipients) if recipients else "no one named")
                for report_id, kind, recipients in found
            )
            message = "no summary report of the meeting goes to the President of the General "
            message += "Assembly"
            hint = f"its summary reports: {listed}; add {_PGA.value} to the recipients of one"
        else:
            message = f"no summary report lists meeting {gathered.id_of(spot)!r}"
            hint = (
                "a report of kind "
                + ", ".join(k.value for k in _SUMMARIES)
                + f" naming it in meetings, with {_PGA.value} among its recipients"
            )
        yield context.issue(rule, spot, "", message, hint=hint)


# -- accreditation ----------------------------------------------------------------------------


@facts("accreditation", "meetings", "participants", by_id=("meetings",))
def _accreditation_facts(located: Located) -> tuple[Any, ...] | None:
    """A meeting by id; a stakeholder recorded as not accredited, with what it attends."""
    record = located.record
    if located.collection == "meetings":
        if located.id is None:
            return None
        return (record.accreditation_required, record.title, record.start)
    if record.accredited is not False or record.sector is not Sector.STAKEHOLDER:
        return None  # accredited, or not said: no issue; only stakeholders are accredited
    return (located.spot, shared(tuple(record.events)))


@judge("accreditation")
def _accreditation(context: Context, gathered: Facts, rule: Rule) -> Iterator[Issue]:
    meetings = gathered.by_id("accreditation", "meetings")
    for spot, events in gathered.of("accreditation", "participants"):
        for index, meeting_id in enumerate(events):
            meeting = meetings.get(meeting_id) if isinstance(meeting_id, str) else None
            if meeting is not None and meeting[1] is True:
                yield context.issue(
                    rule,
                    spot,
                    f"events/{index}",
                    f"stakeholder {gathered.id_of(spot)!r} attends meeting {meeting_id!r}, which "
                    "requires "
                    "accreditation, and is recorded as not accredited",
                    value=meeting_id,
                    hint=(
                        f"the meeting {meeting[2]!r} ({meeting[3]}) has "
                        "accreditation_required true; the participant's accredited is false"
                    ),
                )


# -- the opening and the closing (unece-2024) ----------------------------------------------------


def _person(located: Located) -> tuple[Any, ...] | None:
    """A participant by id: sector, country and roles, as the opening and closing need."""
    record = located.record
    return shared_values(record.sector, record.country, tuple(record.roles))


def _opening_closing(meeting: Meeting) -> tuple[tuple[int, tuple[str, ...]] | None, ...]:
    """Where the first opening and the first closing are, with their speakers (``None``: none)."""
    found: list[tuple[int, tuple[str, ...]] | None] = []
    for segment_type in (OpeningSegment, ClosingSegment):
        at = [i for i, s in enumerate(meeting.agenda) if isinstance(s, segment_type)]
        found.append((at[0], tuple(meeting.agenda[at[0]].speakers)) if at else None)  # type: ignore[union-attr]
    return tuple(found)


@facts("co-chair-remarks", "meetings", "participants", by_id=("participants",))
def _remarks_facts(located: Located) -> tuple[Any, ...] | None:
    if located.collection == "participants":
        return _person(located)
    meeting: Meeting = located.record
    if not _regional(located) or not meeting.agenda:
        return None  # no agenda recorded: nothing known of the opening or the closing
    kinds = tuple(s.kind for s in meeting.agenda)
    return (located.spot, tuple(meeting.co_chairs), kinds, _opening_closing(meeting))


def _who(people: dict[str, tuple[Any, ...]], ids: tuple[str, ...]) -> str:
    """Participants as a hint names them: id, and country where known."""
    parts = []
    for participant_id in ids:
        person = people.get(participant_id)
        country = person[2] if person is not None else None
        parts.append(f"{participant_id} ({country})" if country else participant_id)
    return ", ".join(parts)


def _co_chair_ids(
    people: dict[str, tuple[Any, ...]], co_chairs: tuple[str, ...], speakers: tuple[str, ...]
) -> list[str]:
    """The speakers who are co-chairs: by their role, or as Member State delegates of a chair."""
    found = []
    for speaker in speakers:
        person = people.get(speaker)
        if person is None:
            continue
        _, sector, country, roles = person
        delegate = sector is Sector.MEMBER_STATE and country in co_chairs
        if Role.CO_CHAIR in roles or delegate:
            found.append(speaker)
    return found


@judge("co-chair-remarks")
def _co_chair_remarks(context: Context, gathered: Facts, rule: Rule) -> Iterator[Issue]:
    people = gathered.by_id("co-chair-remarks", "participants")
    for spot, co_chairs, kinds, segments in gathered.of("co-chair-remarks", "meetings"):
        chairs = ", ".join(co_chairs) or "none given"
        for found, name in zip(segments, ("opening", "closing"), strict=True):
            if found is None:
                yield context.issue(
                    rule,
                    spot,
                    "agenda",
                    f"the agenda has no {name}, where the co-chairs deliver remarks",
                    hint=f"co-chairs: {chairs}; agenda: " + ", ".join(kinds),
                )
                continue
            index, speakers = found
            if speakers and not _co_chair_ids(people, co_chairs, speakers):
                yield context.issue(
                    rule,
                    spot,
                    f"agenda/{index}/speakers",
                    f"no co-chair speaks at the {name}",
                    value=list(speakers),
                    hint=f"co-chairs: {chairs}; speakers: {_who(people, speakers)}",
                )


@facts("rapporteur-briefing", "meetings", "participants", by_id=("participants",))
def _briefing_facts(located: Located) -> tuple[Any, ...] | None:
    if located.collection == "participants":
        return _person(located)
    meeting: Meeting = located.record
    if not _regional(located) or meeting.rapporteur is None:
        return None  # no rapporteur: the rule rapporteur says so
    opening = _opening_closing(meeting)[0]
    if opening is None:
        return None  # no opening recorded: co-chair-remarks says so
    index, speakers = opening
    if not speakers or meeting.rapporteur in speakers:
        return None
    return (located.spot, meeting.rapporteur, index, speakers)


@judge("rapporteur-briefing")
def _rapporteur_briefing(context: Context, gathered: Facts, rule: Rule) -> Iterator[Issue]:
    people = gathered.by_id("rapporteur-briefing", "participants")
    for spot, rapporteur, index, speakers in gathered.of("rapporteur-briefing", "meetings"):
        yield context.issue(
            rule,
            spot,
            f"agenda/{index}/speakers",
            f"the rapporteur {rapporteur!r} is not among the opening's speakers",
            value=list(speakers),
            hint=f"the opening's speakers: {_who(people, speakers)}",
        )
