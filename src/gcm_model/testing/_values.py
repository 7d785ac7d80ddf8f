"""Fields drawn from their declared kinds, and the small classes nested in records.

``_fill`` draws every field a builder does not choose itself through the kind
the class declares for it (``gcm_model.models.kinds``), with a ``_Pen``; a
nested object is drawn by its builder here (venues, contacts, document
references, windows, events held back to back, the items of a report section, and the parts of a
Progress Declaration and a national review's linked reports) where it has one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hypothesis import strategies as st

from gcm_model.models.followup import LinkedReport, Plenary, ProgressDeclaration, RecommendedAction
from gcm_model.models.kinds import NO_VALUE, declared
from gcm_model.models.process import BackToBackEvent, Contact, DocumentRef, Venue, Window
from gcm_model.models.reports import GoodPractice, KeyFinding, Recommendation
from gcm_model.testing._draw import (
    _FIRST_DAY,
    _LAST_DAY,
    _SYMBOLS,
    _ZONE_NAMES,
    M,
    T,
    _email,
    _id,
    _opt_pick,
    _opt_url,
    _pick,
    _refs,
    _strategy,
    _subset,
    _text,
)
from gcm_model.testing._times import _loose_times, _moment

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from hypothesis.strategies import DrawFn, SearchStrategy

    from gcm_model.models.process import Moment
    from gcm_model.models.reports import ContentItem


# -- fields drawn from their declared kinds ------------------------------------------------
# Fields whose rules tie them to other fields or records are drawn by each builder;
# every other field is drawn here by the kind its class declares, so a
# field added to a model is covered (valid by its own constraint) without a change here.


def _fill(draw: DrawFn, cls: type[M], fields: dict[str, Any], *, linked: bool) -> M:
    """Build ``cls`` from ``fields``, drawing each other declared field.

    Args:
        draw: the draw function.
        cls: a model class.
        fields: the values already chosen.
        linked: the object belongs to a dataset: references that this module
            does not know how to resolve are left out rather than invented.
    """
    values = dict(fields)
    todo = [(name, kind) for name, kind in declared(cls) if name not in values]
    # One draw says which optional fields are given, rather than one per field:
    # fewer choices per example, and the mask shrinks towards leaving them all out.
    optional = [name for name, kind in todo if kind.empty() is not NO_VALUE]
    given = draw(st.integers(0, 2 ** len(optional) - 1)) if optional else 0
    present = {name for index, name in enumerate(optional) if given >> index & 1}
    pen = _Pen(draw, linked=linked)
    for name, kind in todo:
        empty = kind.empty()
        if empty is not NO_VALUE and name not in present:
            values[name] = empty
            continue
        value = kind.draw(pen)
        if value is not None or empty is None:
            values[name] = value
    return cls(**values)


class _Pen:
    """What the kinds draw their valid values with (``gcm_model.models.kinds.Pen``)."""

    def __init__(self, draw: DrawFn, *, linked: bool) -> None:
        self.draw, self.linked = draw, linked

    def text(self) -> str:
        return _text(self.draw)

    def email(self) -> str:
        return _email(self.draw)

    def id(self) -> str:
        return _id(self.draw)

    def moment(self) -> Moment:
        return _moment(self.draw, _FIRST_DAY, _LAST_DAY)

    def zone(self) -> str:
        return _pick(self.draw, _ZONE_NAMES)

    def integer(self, low: int, high: int) -> int:
        return self.draw(st.integers(low, high))

    def pick(self, pool: Sequence[T]) -> T:
        return _pick(self.draw, pool)

    def subset(self, pool: Sequence[T], *, min_size: int) -> tuple[T, ...]:
        return _subset(self.draw, pool, min_size=min_size)

    def child(self, cls: type[M]) -> M:
        return _child(self.draw, cls, linked=self.linked)


def _child(draw: DrawFn, cls: type[M], *, linked: bool) -> M:
    """A nested object: by its builder where it has one, else from its constraints."""
    build = _CHILD_BUILDERS.get(cls)
    return build(draw) if build is not None else _fill(draw, cls, {}, linked=linked)


# -- value classes -------------------------------------------------------------------------


def _venue(draw: DrawFn) -> Venue:
    return _fill(draw, Venue, {}, linked=False)


def venues() -> SearchStrategy[Venue]:
    """Venues: an optional name, city and country.

    Returns:
        A strategy of ``Venue``; shrinks towards ``Venue()``.
    """
    return _strategy("venues", _venue)


def _contact(draw: DrawFn) -> Contact:
    return _fill(draw, Contact, {"role": _text(draw), "email": _email(draw)}, linked=False)


def _contacts(draw: DrawFn) -> tuple[Contact, ...]:
    """Up to two contacts, one per role.

    The UNECE 2024 concept note and the "Migration Justice" guide give two
    addresses for one review: one for Member States' inputs, one for stakeholders.
    """
    found: dict[str, Contact] = {}
    for _ in range(draw(st.integers(0, 2))):
        contact = _contact(draw)
        found.setdefault(contact.role, contact)
    return tuple(found.values())


def contacts() -> SearchStrategy[Contact]:
    """Contacts: a purpose and an email address.

    Returns:
        A strategy of ``Contact``; shrinks towards
        ``Contact(role="0", email="a@un.org")``.
    """
    return _strategy("contacts", _contact)


def _document_ref(draw: DrawFn) -> DocumentRef:
    fields = {"symbol": _opt_pick(draw, _SYMBOLS), "url": _opt_url(draw)}
    return _fill(draw, DocumentRef, fields, linked=False)


def document_refs() -> SearchStrategy[DocumentRef]:
    """References to documents: a title, and optionally a UN symbol and a URL.

    Returns:
        A strategy of ``DocumentRef``; shrinks towards ``DocumentRef(title="0")``.
    """
    return _strategy("document_refs", _document_ref)


def _window(draw: DrawFn) -> Window:
    opens, closes = _loose_times(draw, max_days=60)
    return _fill(draw, Window, {"opens": opens, "closes": closes}, linked=False)


def windows() -> SearchStrategy[Window]:
    """Windows such as registration: an optional opening and closing, in order.

    Returns:
        A strategy of ``Window``; shrinks towards ``Window()``.
    """
    return _strategy("windows", _window)


def _back_to_back(draw: DrawFn) -> BackToBackEvent:
    start, end = _loose_times(draw, max_days=3)
    return _fill(draw, BackToBackEvent, {"start": start, "end": end}, linked=False)


def back_to_back_events() -> SearchStrategy[BackToBackEvent]:
    """Events held back to back with a meeting: a title, and times in order.

    Returns:
        A strategy of ``BackToBackEvent``; shrinks towards
        ``BackToBackEvent(title="0")``.
    """
    return _strategy("back_to_back_events", _back_to_back)


def _key_finding(draw: DrawFn) -> KeyFinding:
    return _fill(draw, KeyFinding, {}, linked=False)


def _good_practice(draw: DrawFn) -> GoodPractice:
    return _fill(draw, GoodPractice, {}, linked=False)


def _recommendation(draw: DrawFn) -> Recommendation:
    return _fill(draw, Recommendation, {}, linked=False)


def key_findings() -> SearchStrategy[KeyFinding]:
    """Key findings of a report, citing objectives, principles and countries.

    Returns:
        A strategy of ``KeyFinding``; shrinks towards ``KeyFinding(text="0")``.
    """
    return _strategy("key_findings", _key_finding)


def good_practices() -> SearchStrategy[GoodPractice]:
    """Good practices and lessons learned of a report.

    Returns:
        A strategy of ``GoodPractice``; shrinks towards ``GoodPractice(text="0")``.
    """
    return _strategy("good_practices", _good_practice)


def recommendations() -> SearchStrategy[Recommendation]:
    """Recommendations of a report, with an optional addressee.

    Returns:
        A strategy of ``Recommendation``; shrinks towards
        ``Recommendation(text="0")``.
    """
    return _strategy("recommendations", _recommendation)


_ITEM_BUILDERS: tuple[Callable[[DrawFn], ContentItem], ...] = (
    _key_finding,
    _good_practice,
    _recommendation,
)


def content_items() -> SearchStrategy[ContentItem]:
    """Typed items of a report section: findings, practices and recommendations.

    Returns:
        A strategy of ``KeyFinding``, ``GoodPractice`` and ``Recommendation``;
        shrinks towards ``KeyFinding(text="0")``.
    """
    return st.one_of(key_findings(), good_practices(), recommendations())


# -- the follow-up's nested classes ---------------------------------------------------------


def _plenary(draw: DrawFn, considered: Sequence[str] | None = None) -> Plenary:
    """A plenary; in a dataset, it considers some of ``considered`` (ids of the dataset)."""
    start, end = _loose_times(draw, max_days=2)
    fields = {"start": start, "end": end, "considers": _refs(draw, considered)}
    return _fill(draw, Plenary, fields, linked=considered is not None)


def plenaries() -> SearchStrategy[Plenary]:
    """Plenary meetings of the General Assembly, with their times in order.

    Returns:
        A strategy of ``Plenary``; shrinks towards ``Plenary()``.
    """
    return _strategy("plenaries", _plenary)


def _recommended_action(draw: DrawFn) -> RecommendedAction:
    return _fill(draw, RecommendedAction, {}, linked=False)


def recommended_actions() -> SearchStrategy[RecommendedAction]:
    """Recommended actions of a Progress Declaration, citing objectives.

    Returns:
        A strategy of ``RecommendedAction``; shrinks towards
        ``RecommendedAction(text="0")``.
    """
    return _strategy("recommended_actions", _recommended_action)


def _declaration(draw: DrawFn, considered: Sequence[str] | None = None) -> ProgressDeclaration:
    """A declaration; in a dataset, its plenaries consider some of ``considered``."""
    requested = tuple(_plenary(draw, considered) for _ in range(draw(st.integers(0, 2))))
    fields = {"plenaries": requested}
    return _fill(draw, ProgressDeclaration, fields, linked=considered is not None)


def progress_declarations() -> SearchStrategy[ProgressDeclaration]:
    """Progress Declarations, with recommended actions and the plenaries they request.

    Returns:
        A strategy of ``ProgressDeclaration``; shrinks towards
        ``ProgressDeclaration(title="0")``.
    """
    return _strategy("progress_declarations", _declaration)


def _linked_report(draw: DrawFn) -> LinkedReport:
    return _fill(draw, LinkedReport, {}, linked=False)


def linked_reports() -> SearchStrategy[LinkedReport]:
    """Reports to other reporting mechanisms that a national review links to.

    Returns:
        A strategy of ``LinkedReport``; shrinks towards a Voluntary National
        Review with nothing else.
    """
    return _strategy("linked_reports", _linked_report)


_CHILD_BUILDERS: dict[type[Any], Callable[[DrawFn], Any]] = {
    Venue: _venue,
    Contact: _contact,
    DocumentRef: _document_ref,
    Window: _window,
    BackToBackEvent: _back_to_back,
    KeyFinding: _key_finding,
    GoodPractice: _good_practice,
    Recommendation: _recommendation,
    Plenary: _plenary,
    RecommendedAction: _recommended_action,
    ProgressDeclaration: _declaration,
    LinkedReport: _linked_report,
}
"""Builders of the classes nested in others, for fields drawn from their constraints."""
