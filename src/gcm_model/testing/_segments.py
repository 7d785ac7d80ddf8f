"""Strategies of agenda segments, and the agenda of a meeting."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, TypeAlias

from hypothesis import strategies as st

from gcm_model import registry
from gcm_model.models.process import (
    ClosingSegment,
    Hearing,
    HighLevelPanel,
    IntergovernmentalConference,
    OpeningSegment,
    SideEvent,
    ThematicSession,
)
from gcm_model.testing._draw import (
    _SLOTS,
    M,
    _cluster_objectives,
    _maybe,
    _opt_pick,
    _pick,
    _ref,
    _refs,
    _strategy,
    _text,
)
from gcm_model.testing._reference_codes import cluster_numbers
from gcm_model.testing._times import _at, _loose_times, _Span, _Times
from gcm_model.testing._values import _fill

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from hypothesis.strategies import DrawFn, SearchStrategy

    from gcm_model.models.process import Moment, Segment


# -- agenda segments -----------------------------------------------------------------------
# Each builder takes the segment's times (drawn freely when ``None``) and the
# participant ids its references may name (any ids when ``None``).


def _times(draw: DrawFn, times: _Times | None) -> _Times:
    return _loose_times(draw, max_days=0) if times is None else times


def _segment(
    draw: DrawFn,
    cls: type[M],
    times: _Times | None,
    people: Sequence[str] | None,
    fields: dict[str, Any],
) -> M:
    start, end = _times(draw, times)
    return _fill(draw, cls, {"start": start, "end": end, **fields}, linked=people is not None)


def _hearing(draw: DrawFn, times: _Times | None, people: Sequence[str] | None) -> Hearing:
    moderator = _ref(draw, people)
    others = None if people is None else [p for p in people if p != moderator]
    panellists = tuple(p for p in _refs(draw, others) if p != moderator)
    fields = {"moderator": moderator, "panellists": panellists}
    return _segment(draw, Hearing, times, people, fields)


def hearings() -> SearchStrategy[Hearing]:
    """Multi-stakeholder hearings of an agenda.

    Returns:
        A strategy of ``Hearing``; shrinks towards ``Hearing()``.
    """
    return _strategy("hearings", lambda draw: _hearing(draw, None, None))


def _conference(
    draw: DrawFn, times: _Times | None, people: Sequence[str] | None
) -> IntergovernmentalConference:
    return _segment(draw, IntergovernmentalConference, times, people, {})


def intergovernmental_conferences() -> SearchStrategy[IntergovernmentalConference]:
    """The intergovernmental part of a review meeting.

    Returns:
        A strategy of ``IntergovernmentalConference``; shrinks towards
        ``IntergovernmentalConference()``.
    """
    return _strategy("intergovernmental_conferences", lambda draw: _conference(draw, None, None))


def _opening(draw: DrawFn, times: _Times | None, people: Sequence[str] | None) -> OpeningSegment:
    return _segment(draw, OpeningSegment, times, people, {"speakers": _refs(draw, people)})


def opening_segments() -> SearchStrategy[OpeningSegment]:
    """Openings of an intergovernmental meeting.

    Returns:
        A strategy of ``OpeningSegment``; shrinks towards ``OpeningSegment()``.
    """
    return _strategy("opening_segments", lambda draw: _opening(draw, None, None))


def _thematic(  # noqa: PLR0913 - what a meeting's agenda fixes for a session
    draw: DrawFn,
    times: _Times | None,
    people: Sequence[str] | None,
    cluster: int | None,
    *,
    number: int | None = None,
    numbered: bool = False,
    free: bool = True,
) -> ThematicSession:
    """A session; ``numbered``: use ``number``, else draw an optional one.

    ``free``: the session may be organised on objectives alone or on priority
    areas instead of on ``cluster`` (a drawn one when ``None``).
    """
    basis = draw(st.integers(0, 2)) if free else 0  # 0: a cluster, 1: objectives, 2: areas
    fields: dict[str, Any] = {"cluster": None, "priority_areas": ()}
    if basis == 0:
        chosen = draw(cluster_numbers()) if cluster is None else cluster
        own = _cluster_objectives(chosen)
        objectives = draw(st.lists(st.sampled_from(own), min_size=1, unique=True))
        fields["cluster"] = chosen
    elif basis == 1:
        objectives = draw(st.lists(st.integers(1, 23), min_size=1, max_size=5, unique=True))
    else:
        objectives = draw(st.lists(st.integers(1, 23), max_size=5, unique=True))
        fields["priority_areas"] = tuple(_text(draw) for _ in range(draw(st.integers(1, 3))))
    fields |= {
        "objectives": tuple(sorted(objectives)),
        "number": number if numbered else _opt_pick(draw, range(1, 5)),
        "member_state_speaker": _ref(draw, people),
        "moderator": _ref(draw, people),
    }
    return _segment(draw, ThematicSession, times, people, fields)


def thematic_sessions(cluster: int | str | None = None) -> SearchStrategy[ThematicSession]:
    """Thematic sessions: on a cluster, on objectives alone, or on priority areas.

    A session on a cluster covers a non-empty subset of the cluster's
    objectives; one on objectives alone, one to five objectives of any
    cluster; one on a region's own priority areas, one to three of them
    (with up to five objectives).

    Args:
        cluster: the cluster number (or title): every session is on it; when
            ``None``, sessions are on any cluster or on no cluster.

    Returns:
        A strategy of ``ThematicSession`` whose objectives are ascending;
        shrinks towards a session on cluster 1 (or ``cluster``) covering its
        first objective only.

    Raises:
        InvalidCodeError: ``cluster`` is neither a number nor a string.
        UnknownCodeError: no such cluster.
    """
    chosen = None if cluster is None else registry.clusters.lookup(cluster).number
    return _strategy(
        "thematic_sessions",
        lambda draw: _thematic(draw, None, None, chosen, free=chosen is None),
        chosen,
    )


def _panel(draw: DrawFn, times: _Times | None, people: Sequence[str] | None) -> HighLevelPanel:
    fields = {"host": _ref(draw, people), "panellists": _refs(draw, people)}
    return _segment(draw, HighLevelPanel, times, people, fields)


def high_level_panels() -> SearchStrategy[HighLevelPanel]:
    """High-level panels of an agenda.

    Returns:
        A strategy of ``HighLevelPanel``; shrinks towards ``HighLevelPanel()``.
    """
    return _strategy("high_level_panels", lambda draw: _panel(draw, None, None))


def _closing(draw: DrawFn, times: _Times | None, people: Sequence[str] | None) -> ClosingSegment:
    return _segment(draw, ClosingSegment, times, people, {"speakers": _refs(draw, people)})


def closing_segments() -> SearchStrategy[ClosingSegment]:
    """Closings of an intergovernmental meeting.

    Returns:
        A strategy of ``ClosingSegment``; shrinks towards ``ClosingSegment()``.
    """
    return _strategy("closing_segments", lambda draw: _closing(draw, None, None))


def _side_event(draw: DrawFn, times: _Times | None, people: Sequence[str] | None) -> SideEvent:
    return _segment(draw, SideEvent, times, people, {"organisers": _refs(draw, people)})


def side_events() -> SearchStrategy[SideEvent]:
    """Side events held during a review.

    Returns:
        A strategy of ``SideEvent``; shrinks towards ``SideEvent()``.
    """
    return _strategy("side_events", lambda draw: _side_event(draw, None, None))


def segments() -> SearchStrategy[Segment]:
    """Agenda segments of every kind.

    Returns:
        A strategy of ``Hearing``, ``IntergovernmentalConference``,
        ``OpeningSegment``, ``ThematicSession``, ``HighLevelPanel``,
        ``ClosingSegment`` and ``SideEvent``; shrinks towards
        ``IntergovernmentalConference()``, the segment with the fewest fields.
    """
    return st.one_of(
        intergovernmental_conferences(),
        hearings(),
        opening_segments(),
        thematic_sessions(),
        high_level_panels(),
        closing_segments(),
        side_events(),
    )


_SegmentBuilder: TypeAlias = "Callable[[DrawFn, _Times | None, Sequence[str] | None], Segment]"
_SEGMENT_BUILDERS: dict[str, _SegmentBuilder] = {
    "hearing": _hearing,
    "conference": _conference,
    "opening": _opening,
    "panel": _panel,
    "side": _side_event,
    "closing": _closing,
}
_INNER_KINDS = ("thematic", "panel", "side")


def _positions(draw: DrawFn, low: int, high: int, count: int) -> list[int]:
    """``count`` increasing grid positions in ``low..high`` (there is room for them)."""
    found: list[int] = []
    for index in range(count):
        first = found[-1] + 1 if found else low
        found.append(draw(st.integers(first, high - (count - 1 - index))))
    return found


def _slot_times(draw: DrawFn, span: _Span, start: int, end: int) -> _Times:
    """A segment's times at two grid positions of its meeting, as days or datetimes."""
    if _maybe(draw):
        first: Moment = _at(span.day0, start, span.zone)
        last: Moment = _at(span.day0, end, span.zone)
    else:
        first = span.day0 + dt.timedelta(days=start // _SLOTS)
        last = span.day0 + dt.timedelta(days=end // _SLOTS)
    return first, (last if _maybe(draw) else None)


def _untimed(draw: DrawFn, kind: str, cluster: int | None, people: Sequence[str] | None) -> Segment:
    if kind == "thematic":
        return _thematic(draw, (None, None), people, cluster, numbered=True)
    return _SEGMENT_BUILDERS[kind](draw, (None, None), people)


def _agenda_plan(draw: DrawFn) -> list[tuple[str, int | None]]:
    """The kinds of an agenda in order, with the cluster of each thematic session.

    A hearing, then the intergovernmental conference: its opening, up to two
    sessions, panels or side events, and its closing (the UNECE 2024 concept note).
    """
    plan: list[tuple[str, int | None]] = [
        (kind, None) for kind in ("hearing", "conference", "opening") if _maybe(draw)
    ]
    clusters_left = [c.number for c in registry.clusters]
    for _ in range(draw(st.integers(0, 2))):  # fewer than the four clusters
        kind = _pick(draw, _INNER_KINDS)
        cluster = clusters_left.pop(draw(st.integers(0, len(clusters_left) - 1)))
        plan.append((kind, cluster if kind == "thematic" else None))
    if _maybe(draw):
        plan.append(("closing", None))
    return plan


def _agenda(draw: DrawFn, span: _Span | None, people: Sequence[str] | None) -> tuple[Segment, ...]:
    """An agenda whose timed segments fall inside the meeting's span, in agenda order.

    Segments follow each other without overlap, except that the
    intergovernmental conference encloses the segments after it. Thematic
    sessions on clusters follow distinct ones (others are on objectives or
    priority areas) and, if numbered, are numbered from 1 in agenda order.
    """
    plan = _agenda_plan(draw)
    if span is None:  # a meeting not yet dated: nor is its agenda
        return tuple(_untimed(draw, kind, cluster, people) for kind, cluster in plan)
    timed = [_maybe(draw) for _ in plan]
    while 2 * sum(timed) > span.high - span.low + 1:
        timed[timed.index(True)] = False
    # The order in which segment boundaries come: (segment index, 0 start / 1 end).
    order: list[tuple[int, int]] = []
    enclosing: int | None = None
    for index, ((kind, _), has_times) in enumerate(zip(plan, timed, strict=True)):
        if not has_times:
            continue
        if kind == "conference":
            order.append((index, 0))
            enclosing = index
        else:
            order += [(index, 0), (index, 1)]
    if enclosing is not None:
        order.append((enclosing, 1))
    bounds: dict[tuple[int, int], int] = dict(
        zip(order, _positions(draw, span.low, span.high, len(order)), strict=True)
    )
    numbered = _maybe(draw)
    sessions = 0
    agenda: list[Segment] = []
    for index, ((kind, session_cluster), has_times) in enumerate(zip(plan, timed, strict=True)):
        times: _Times = (None, None)
        if has_times:
            times = _slot_times(draw, span, bounds[index, 0], bounds[index, 1])
        if kind == "thematic":
            sessions += 1
            number = sessions if numbered else None
            agenda.append(
                _thematic(draw, times, people, session_cluster, number=number, numbered=True)
            )
        else:
            agenda.append(_SEGMENT_BUILDERS[kind](draw, times, people))
    return tuple(agenda)
