"""``gcm-model new``: start a dataset to fill in."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gcm_model import registry as registries
from gcm_model.cli._common import (
    EXIT_OK,
    PROG,
    _date,
    _err,
    _examples,
    _FailedError,
    _Formatter,
    _UsageError,
    _write_output,
)
from gcm_model.converters import dumps, loads
from gcm_model.models.dataset import Dataset
from gcm_model.models.process import Meeting, MeetingKind, RegionalReview, ThematicSession
from gcm_model.validation import validate

if TYPE_CHECKING:
    import argparse
    import datetime as dt

    from gcm_model.models.reference import Commission, ReviewRound

# -- new ------------------------------------------------------------------------------------


def _skeleton(commission: Commission, start: dt.date, end: dt.date | None = None) -> Dataset:
    """A skeleton dataset for a regional review meeting: a review and its meeting.

    Every value is a fact that follows from the commission and the dates: ids,
    the review round, titles built from the commission's name and the date, and
    the four thematic sessions with their clusters' objectives. The link to
    ``gcm_model.known_meetings`` is set when a known meeting of the commission
    starts on that day.

    Raises:
        UnknownCodeError: the date is before the first regional review round.
    """
    review_round: ReviewRound = registries.rounds.for_year(start.year)
    slug = commission.code.lower()
    review_id = f"review:{slug}-{review_round.year}"
    known = next(
        (
            m.code
            for m in registries.known_meetings
            if commission.code in m.commissions and m.start == start
        ),
        None,
    )
    review = RegionalReview(
        id=review_id,
        round=review_round.code,
        commissions=(commission.code,),
        title=f"Regional review of the GCM in the {commission.name} region, {review_round.code}",
    )
    meeting = Meeting(
        id=f"meeting:{slug}-{start.isoformat()}",
        title=f"Regional review meeting of {commission.name}, {start.isoformat()}",
        kind=MeetingKind.REGIONAL_REVIEW,
        start=start,
        end=end or start,
        review=review_id,
        round=review_round.code,
        commissions=(commission.code,),
        known_meeting=known,
        agenda=tuple(ThematicSession.for_cluster(n) for n in (1, 2, 3, 4)),
    )
    return Dataset(reviews=(review,), meetings=(meeting,))


def _new(args: argparse.Namespace) -> int:
    commission = registries.commissions.lookup(args.commission)
    if args.end is not None and args.end < args.date:
        raise _UsageError(f"--end {args.end} is before --date {args.date}")
    dataset = _skeleton(commission, args.date, args.end)
    data = dumps(dataset)
    # What a person starts from must load and carry no error.
    report = validate(loads(data))
    if not report.valid:  # pragma: no cover - a skeleton is built from facts that hold
        raise _FailedError(f"{PROG}: the skeleton does not validate:", report.to_text())
    if args.output is None:
        sys.stdout.write(data.decode())
        return EXIT_OK
    target = Path(args.output)
    _write_output(target, data, force=args.force)
    _err(f"{PROG}: wrote {target}; fill it in, then check it with: {PROG} validate {target}")
    return EXIT_OK


def _add_new(commands: Any) -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    parser: argparse.ArgumentParser = commands.add_parser(
        "new",
        help="start a dataset to fill in",
        description="Write a skeleton dataset that a person fills in.",
        epilog=_examples("gcm-model new meeting --commission ECE --date 2024-03-11"),
        formatter_class=_Formatter,
    )
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    meeting: argparse.ArgumentParser = kinds.add_parser(
        "meeting",
        help="a regional review meeting and its review",
        description=(
            "Write a dataset with one regional review and one regional review meeting of a\n"
            "commission on a date: ids, the review round of the year, titles built from\n"
            "the commission's name and the date, and an agenda of the four thematic\n"
            "sessions with their clusters' objectives. The meeting is linked to the known\n"
            "meeting of the commission on that date, if there is one. Nothing in it is\n"
            "invented: add the venue, the other agenda segments, participants and sources,\n"
            "then run validate."
        ),
        epilog=_examples(
            "gcm-model new meeting --commission ECE --date 2024-03-11",
            "gcm-model new meeting --commission ESCAP --date 2025-02-04 --end 2025-02-06 "
            "-o escap.json",
        ),
        formatter_class=_Formatter,
    )
    meeting.add_argument(
        "--commission",
        required=True,
        metavar="CODE",
        help="the convening commission: ECE, ESCAP, ECLAC, ECA or ESCWA (or a name)",
    )
    meeting.add_argument(
        "--date", required=True, type=_date, metavar="YYYY-MM-DD", help="the first day"
    )
    meeting.add_argument(
        "--end", type=_date, metavar="YYYY-MM-DD", help="the last day (default: the first day)"
    )
    meeting.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (default: standard output)"
    )
    meeting.add_argument("--force", action="store_true", help="replace FILE if it exists")
    meeting.set_defaults(run=_new)
    return parser, meeting
