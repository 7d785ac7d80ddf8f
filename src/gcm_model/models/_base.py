"""The base of every model class: invariants checked on construction, and copies."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Self

import attrs

from gcm_model._html import model_html
from gcm_model.errors import InvalidValueError
from gcm_model.models.checks import checks_deferred, order_problems
from gcm_model.models.kinds import declared

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from gcm_model.models.checks import Problem

__all__ = ["Model", "check", "field_problems", "order_pairs", "surely_valid"]


class Model:
    """Mixin for the frozen model classes: ``problems()``, checks and ``evolve``."""

    __slots__ = ()

    _html_tables: ClassVar[tuple[tuple[str, str, tuple[str, ...]], ...]] = ()
    """The lists the notebook view shows as tables: a title, a list field and its columns."""

    def __attrs_post_init__(self) -> None:
        """Raise ``InvalidValueError`` for broken invariants (unless checks are deferred)."""
        check(self)

    def problems(self) -> Iterator[Problem]:
        """Every broken invariant of this object: its fields in order, then the rest."""
        yield from field_problems(self)
        yield from self.relation_problems()

    def relation_problems(self) -> Iterator[Problem]:
        """Invariants that relate several fields: the declared order, then ``custom_problems``."""
        for start, end in order_pairs(type(self)):
            yield from order_problems(start, getattr(self, start), end, getattr(self, end))
        yield from self.custom_problems()

    def custom_problems(self) -> Iterator[Problem]:
        """Relations between fields written as code, beyond the declared order (none here)."""
        return iter(())

    def evolve(self, **changes: Any) -> Self:
        """A copy with some fields changed, checked like a new object.

        Examples:
            >>> from gcm_model.models.process import Venue
            >>> Venue(city="Geneva").evolve(country="CHE")
            Venue(name=None, city='Geneva', country='CHE')
        """
        return attrs.evolve(self, **changes)  # type: ignore[misc]

    __replace__ = evolve

    def _repr_html_(self) -> str:
        """An HTML view for notebooks: the fields, and agenda, sections or records as tables."""
        return model_html(self, self._html_tables)


def field_problems(instance: Any, *, deep: bool = True) -> Iterator[Problem]:
    """The problems of every declared field of a model object, in field order.

    With ``deep`` false, nested model objects are not asked for their own problems.
    """
    cls = type(instance)
    for (name, fast, nested), (_, kind) in zip(_plan(cls), declared(cls), strict=True):
        value = getattr(instance, name)
        # The fast test clears the common valid value; only one it does not clear is
        # asked in full (and a nested object only if its own fast tests do not clear it).
        if fast(value) and (
            nested is None or not deep or all(surely_valid(obj) for obj in nested(value))
        ):
            continue
        yield from kind.problems(f"/{name}", value, deep=deep)


def check(instance: Any) -> None:
    """Raise ``InvalidValueError`` for the object's problems, unless checks are deferred.

    Each field first takes its kind's fast test of the common valid case;
    only a field that fails it, or a class with relations between fields,
    runs the full checks. Nested model objects are not checked again: they
    were checked when they were built.
    """
    if checks_deferred():
        return
    cls = type(instance)
    for name, fast, _ in _plan(cls):
        if not fast(getattr(instance, name)):
            break
    else:
        if next(iter(instance.relation_problems()), None) is None:
            return
    problems = (*field_problems(instance, deep=False), *instance.relation_problems())
    if problems:
        raise InvalidValueError(cls.__name__, problems)


def surely_valid(instance: Any) -> bool:
    """Whether fast tests show that a model object has no problems, nested objects included.

    ``True`` means ``problems()`` would yield nothing; ``False`` means it may
    yield some, and only asking it tells. Unlike ``check``, every nested
    object is tested too: objects built under ``deferred_checks()`` were
    never checked.

    Examples:
        >>> from gcm_model.models.checks import deferred_checks
        >>> from gcm_model.models.process import Venue
        >>> with deferred_checks():
        ...     good, bad = Venue(city="Geneva"), Venue(city=" Geneva")
        >>> surely_valid(good), surely_valid(bad)
        (True, False)
    """
    for name, fast, nested in _plan(type(instance)):
        value = getattr(instance, name)
        if not fast(value):
            return False
        if nested is not None and not all(surely_valid(obj) for obj in nested(value)):
            return False
    return next(iter(instance.relation_problems()), None) is None


Plan = tuple[tuple[str, "Callable[[Any], bool]", "Callable[[Any], tuple[Any, ...]] | None"], ...]
"""Per class: each declared field's fast test, and for a field that may hold nested objects,
how to find them (which ``surely_valid`` tests in turn; ``check`` trusts them)."""

_PLANS: dict[type, Plan] = {}


def _plan(cls: type) -> Plan:
    try:
        return _PLANS[cls]
    except KeyError:
        pass
    plan = tuple(
        (name, kind.fast(), kind.nested if kind.holds_objects() else None)
        for name, kind in declared(cls)
    )
    _PLANS[cls] = plan
    return plan


_ORDER_PAIRS: dict[type, tuple[tuple[str, str], ...]] = {}


def order_pairs(cls: type) -> tuple[tuple[str, str], ...]:
    """The (start, end) field pairs of a class: each moment declared ``after`` another."""
    try:
        return _ORDER_PAIRS[cls]
    except KeyError:
        pass
    found = tuple(
        (start, name) for name, kind in declared(cls) if (start := kind.starts()) is not None
    )
    _ORDER_PAIRS[cls] = found
    return found
