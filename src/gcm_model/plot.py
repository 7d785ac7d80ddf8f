"""Pictures of a review: its timeline, and which objectives each part of it covers.

Install the ``plot`` extra (``pip install 'gcm-model[plot]'``, which brings
matplotlib). Each function draws from a ``Dataset`` in one call and returns
the matplotlib ``Axes`` it drew on (a new figure's, or the one given):

* ``timeline(dataset)``: the events of the review in time, one row per kind
  (preparatory events by kind, the meetings and their agenda segments, the
  reports), with the deadlines the rules check drawn where the data gives
  them: a meeting's registration window and written-inputs due date, a
  report's due date beside the day it was issued;
* ``coverage(dataset)``: a grid of the 23 objectives against each thematic
  session, consultation and written submission that names objectives.

Examples:
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from pathlib import Path
    >>> import gcm_model
    >>> from gcm_model import plot
    >>> dataset = gcm_model.load(Path("examples/data/unece_2024.json"))
    >>> axes = plot.timeline(dataset)
    >>> [label.get_text() for label in axes.get_yticklabels()][:3]
    ['pre-consultation', 'consultation', 'meeting']
    >>> grid = plot.coverage(dataset)
    >>> len(grid.get_xticklabels()), len(grid.get_yticklabels())
    (23, 6)
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

from gcm_model.dates import day_of
from gcm_model.errors import InvalidCodeError
from gcm_model.models.dataset import Dataset
from gcm_model.models.process import Meeting, ThematicSession

if TYPE_CHECKING:
    from collections.abc import Iterator

    from matplotlib.axes import Axes

__all__ = ["coverage", "timeline"]

_OBJECTIVES = range(1, 24)


def _pyplot() -> Any:
    """The pyplot module, or an error that says which extra brings matplotlib."""
    try:
        import matplotlib.pyplot as plt  # noqa: PLC0415 - matplotlib is an optional extra
    except ImportError:
        raise InvalidCodeError(
            "plot", "matplotlib", "the plots need the plot extra: pip install 'gcm-model[plot]'"
        ) from None
    return plt


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    """The axes given, or a new figure's (matplotlib checked for first)."""
    plt = _pyplot()
    if ax is not None:
        return ax
    _, made = plt.subplots(figsize=size, layout="constrained")
    return made  # type: ignore[no-any-return]


def _dataset(dataset: object) -> Dataset:
    if not isinstance(dataset, Dataset):
        raise InvalidCodeError("dataset", dataset, "expected a gcm_model.Dataset")
    return dataset


def _short(text: str, limit: int = 32) -> str:
    """A label cut to ``limit`` characters."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@attrs.frozen
class _Mark:
    """One thing on the timeline: a row, a label, a first and last day, and how to draw it."""

    row: str
    label: str
    start: dt.date
    end: dt.date
    style: str  # "span", "point" or "deadline"


def _marks(dataset: Dataset) -> Iterator[_Mark]:
    """Every dated thing of the dataset, in the order of the rows."""
    for event in dataset.events:
        start = day_of(event.start)
        if start is not None:
            end = day_of(event.end) or start
            row = event.kind.value.replace("_", "-")
            yield _Mark(row, event.title or row, start, end, "span" if end > start else "point")
    for meeting in dataset.meetings:
        yield from _meeting_marks(meeting)
    for report in dataset.reports:
        name = report.kind.value.replace("_", " ")
        issued, due = day_of(report.issued), day_of(report.due)
        if issued is not None:
            yield _Mark("reports", f"{name} issued", issued, issued, "point")
        if due is not None:
            yield _Mark("deadlines", f"{name} due", due, due, "deadline")


def _meeting_marks(meeting: Meeting) -> Iterator[_Mark]:
    """A meeting's days, its dated agenda segments, and its registration and inputs deadlines."""
    start = day_of(meeting.start)
    if start is not None:
        yield _Mark("meeting", meeting.title, start, day_of(meeting.end) or start, "span")
    for segment in meeting.agenda:
        first = day_of(segment.start)
        if first is not None:
            label = segment.title or segment.kind.replace("_", " ")
            yield _Mark("agenda", label, first, day_of(segment.end) or first, "point")
    window = meeting.registration
    opens, closes = (day_of(window.opens), day_of(window.closes)) if window else (None, None)
    if opens is not None and closes is not None:
        yield _Mark("deadlines", "registration", opens, closes, "span")
    due = day_of(meeting.written_inputs_due)
    if due is not None:
        yield _Mark("deadlines", "written inputs due", due, due, "deadline")


def timeline(dataset: Dataset, *, ax: Axes | None = None) -> Axes:
    """Draw the review in time: events, meetings and their segments, reports and deadlines.

    Args:
        dataset: the records to draw (typically one region's review).
        ax: the matplotlib axes to draw on; a new figure's by default.

    Returns:
        The axes drawn on, one row per kind of thing, labelled.

    Raises:
        InvalidCodeError: ``dataset`` is no ``Dataset``, it holds nothing
            dated, or matplotlib is not installed.
    """
    marks = list(_marks(_dataset(dataset)))
    if not marks:
        raise InvalidCodeError("dataset", dataset.title, "nothing in it has a date to draw")
    rows = list(dict.fromkeys(mark.row for mark in marks))
    axes = _axes(ax, (11, 1.2 + 0.7 * len(rows)))
    import matplotlib.dates as mdates  # noqa: PLC0415 - the extra is there: _axes checked it

    labels: dict[tuple[str, dt.date], list[str]] = {}
    for mark in marks:
        y, x = rows.index(mark.row), mdates.date2num(mark.start)  # type: ignore[no-untyped-call] # matplotlib.dates is untyped
        if mark.style == "span":
            width = (mark.end - mark.start).days + 1
            axes.barh(y, width, left=x, height=0.5, alpha=0.6)
        else:
            marker, colour = ("v", "crimson") if mark.style == "deadline" else ("o", "black")
            axes.plot(x, y, marker=marker, color=colour)
        labels.setdefault((mark.row, mark.start), []).append(mark.label)
    previous: dict[str, int] = {}  # the side of each row's last label: 1 above, -1 below
    for (row, day), names in sorted(labels.items(), key=lambda item: item[0][1]):
        text = _short(names[0]) + (f" (+{len(names) - 1})" if len(names) > 1 else "")
        # Labels alternate above and below their row, so that neighbours do not overlap.
        side = previous[row] = -previous.get(row, -1)
        axes.annotate(
            text,
            (mdates.date2num(day), rows.index(row)),  # type: ignore[no-untyped-call] # matplotlib.dates is untyped
            xytext=(4, 7 if side > 0 else -12),
            textcoords="offset points",
            fontsize=7,
        )
    axes.set_yticks(range(len(rows)), rows)
    axes.invert_yaxis()
    locator = mdates.AutoDateLocator(maxticks=8)  # type: ignore[no-untyped-call] # matplotlib.dates is untyped
    axes.xaxis.set_major_locator(locator)
    concise = mdates.ConciseDateFormatter(locator)  # type: ignore[no-untyped-call] # matplotlib.dates is untyped
    axes.xaxis.set_major_formatter(concise)
    axes.set_title(_short(dataset.title or "Timeline of the review", 90))
    axes.grid(axis="x", alpha=0.3)
    return axes


def _covering(dataset: Dataset) -> Iterator[tuple[str, tuple[int, ...]]]:
    """Each part of the review that names objectives, and the objectives it names."""
    for meeting in dataset.meetings:
        for segment in meeting.agenda:
            if isinstance(segment, ThematicSession) and segment.objectives:
                name = segment.title or f"session {segment.number or ''}".strip()
                yield name, segment.objectives
    for event in dataset.events:
        if event.objectives:
            yield event.title or event.kind.value.replace("_", " "), event.objectives
    for submission in dataset.submissions:
        if submission.objectives:
            yield submission.title or submission.id, submission.objectives


def coverage(dataset: Dataset, *, ax: Axes | None = None) -> Axes:
    """Draw which of the 23 objectives each session, consultation and submission covers.

    Args:
        dataset: the records to draw.
        ax: the matplotlib axes to draw on; a new figure's by default.

    Returns:
        The axes drawn on: objectives 1 to 23 across, one row per part.

    Raises:
        InvalidCodeError: ``dataset`` is no ``Dataset``, nothing in it names
            objectives, or matplotlib is not installed.
    """
    parts = list(_covering(_dataset(dataset)))
    if not parts:
        raise InvalidCodeError("dataset", dataset.title, "nothing in it names objectives")
    grid = [[1 if n in numbers else 0 for n in _OBJECTIVES] for _, numbers in parts]
    axes = _axes(ax, (11, 1.2 + 0.4 * len(parts)))
    axes.imshow(grid, cmap="Blues", vmin=0, vmax=1, aspect="auto")
    axes.set_xticks(range(len(_OBJECTIVES)), [str(n) for n in _OBJECTIVES])
    axes.set_yticks(range(len(parts)), [_short(name, 50) for name, _ in parts])
    axes.set_xlabel("GCM objective (A/RES/73/195, para. 16)")
    covered = {n for _, numbers in parts for n in numbers}
    missing = [n for n in _OBJECTIVES if n not in covered]
    note = f"; not covered: {', '.join(map(str, missing))}" if missing else "; all 23 covered"
    axes.set_title(f"Objectives covered{note}")
    return axes
