"""The rules on the follow-up around the reviews: the Secretary-General's report and calls.

``sg-report-lead-time`` (the Secretary-General's report that guides an IMRF's
deliberations is to be available at least twelve weeks before the forum:
A/RES/73/326, as the summary of the Secretary-General's report states it) and
``call-notice`` (calls for inputs give sufficient advance notice: the UN
Network's guidance for regional reviews; a call that opens and closes on one
day gives none, and one that closes on or after the day of the meeting it is
for cannot inform it). Both compare records (a report with its forum, a call
with its meeting), so each declares its facts and its judge
(``gcm_model.validation._context``): nothing keeps a whole record.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from gcm_model import registry
from gcm_model.dates import day_of
from gcm_model.validation._context import (
    CHECKS,
    Context,
    Facts,
    Located,
    facts,
    judge,
    shared,
)
from gcm_model.validation._rules import _before

if TYPE_CHECKING:
    from collections.abc import Iterator

    from gcm_model.validation._catalogue import Rule
    from gcm_model.validation._report import Issue

__all__ = ["CHECKS"]


# -- the Secretary-General's report before the IMRF --------------------------------------------


def _forum_start(record: Any) -> tuple[dt.date | None, str | None]:
    """The first day of a forum, and where it comes from when the record does not give it.

    A forum that gives no ``start`` but names its ``known_meeting`` takes that
    meeting's first day from the reference data (``gcm_model.known_meetings``).
    """
    day = day_of(record.start)
    if day is not None:
        return day, None
    known = registry.known_meetings.get(record.known_meeting) if record.known_meeting else None
    if known is None or known.start is None:
        return None, None
    return known.start, f"the known meeting {known.code}"


@facts("sg-report-lead-time", "forums", "sg_reports", by_id=("forums",))
def _lead_time_facts(located: Located) -> tuple[Any, ...] | None:
    """A forum by id with its first day; a report issued for a forum."""
    record = located.record
    if located.collection == "forums":
        if located.id is None or not located.knows("start", "known_meeting"):
            return None
        day, taken_from = _forum_start(record)
        return (day, taken_from) if day is not None else None
    if not located.knows("issued", "forum") or record.forum is None:
        return None
    day = day_of(record.issued)
    return (located.spot, day, record.forum) if day is not None else None


@judge("sg-report-lead-time")
def _lead_time(context: Context, gathered: Facts, rule: Rule) -> Iterator[Issue]:
    forums = gathered.by_id("sg-report-lead-time", "forums")
    weeks = context.parameter(rule, "weeks")
    minimum = dt.timedelta(weeks=weeks)
    for spot, issued, forum_id in gathered.of("sg-report-lead-time", "sg_reports"):
        forum = forums.get(forum_id)
        if forum is None:
            continue  # a forum of unknown first day, or no forum: dangling-reference tells
        _, start, taken_from = forum
        if start - issued >= minimum:
            continue
        gap = (start - issued).days
        when = f"{gap} days before" if gap >= 0 else f"{-gap} days after"
        opens = f"on {start}" + (f" ({taken_from})" if taken_from else "")
        yield context.issue(
            rule,
            spot,
            "issued",
            f"the report was issued {issued}, {when} the IMRF {forum_id!r} opens {opens}; "
            f"it is to be available at least {weeks} weeks before",
            value=str(issued),
            hint=f"issued {start - minimum} at the latest, it is available {weeks} weeks ahead",
        )


# -- calls -------------------------------------------------------------------------------------


@facts("call-notice", "meetings", "calls", by_id=("meetings",))
def _notice_facts(located: Located) -> tuple[Any, ...] | None:
    """A meeting by id with its start; a call with its days and the meeting it is for."""
    record = located.record
    if located.collection == "meetings":
        if located.id is None or record.start is None or not located.knows("start"):
            return None
        return (record.start, record.title)
    if not located.knows("opens", "closes", "meeting") or record.closes is None:
        return None
    return (located.spot, record.opens, record.closes, shared(record.meeting))


@judge("call-notice")
def _notice(context: Context, gathered: Facts, rule: Rule) -> Iterator[Issue]:
    meetings = gathered.by_id("call-notice", "meetings")
    for spot, opens, closes, meeting_id in gathered.of("call-notice", "calls"):
        if opens is not None and not _before(opens, closes):
            yield context.issue(
                rule,
                spot,
                "closes",
                f"the call opens and closes on {day_of(closes)}: it gives no notice",
                value=str(closes),
                hint=(
                    f"open it before {day_of(closes)}, or close it later, so that those it "
                    "calls on have time to answer"
                ),
            )
        meeting = meetings.get(meeting_id) if isinstance(meeting_id, str) else None
        if meeting is None:
            continue
        _, start, title = meeting
        if _before(closes, start):
            continue
        day = day_of(start)
        last = day - dt.timedelta(days=1) if day is not None else None
        named = f"{meeting_id!r}" + (f" ({title})" if title else "")
        yield context.issue(
            rule,
            spot,
            "closes",
            f"the call closes {closes}, not before the meeting {named} it is for starts on {day}",
            value=str(closes),
            hint=f"a closing day of {last} or earlier leaves the answers time to inform it",
        )
