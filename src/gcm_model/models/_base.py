"""The base of every model class: invariants checked on construction, and copies."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

import attrs

from gcm_model.models.checks import (
    KEY,
    Constraint,
    check,
    constraint_of,
    field_problems,
    order_problems,
)

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from gcm_model.models.checks import Problem


def to_tuple(value: Sequence[Any]) -> Any:
    """Turn a list into a tuple and leave anything else for the checks to judge.

    Used as the attrs converter of every tuple field, so a notebook user may
    pass a list. A string is left alone on purpose: ``tuple("ESP")`` would make
    three codes.
    """
    return tuple(value) if isinstance(value, list | tuple) else value


class Model:
    """Mixin for the frozen model classes: ``problems()``, checks and ``evolve``."""

    __slots__ = ()

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
        from gcm_model._html import model_html  # noqa: PLC0415 - only notebooks need it

        return model_html(self)


_ORDER_PAIRS: dict[type, tuple[tuple[str, str], ...]] = {}


def order_pairs(cls: type) -> tuple[tuple[str, str], ...]:
    """The (start, end) field pairs of a class: each field declared ``after`` another."""
    try:
        return _ORDER_PAIRS[cls]
    except KeyError:
        pass
    pairs = []
    for field in attrs.fields(cls):
        constraint = constraint_of(field)
        if constraint is not None and constraint.after is not None:
            pairs.append((constraint.after, field.name))
    _ORDER_PAIRS[cls] = found = tuple(pairs)
    return found


def spec(  # noqa: PLR0913 - one keyword per Constraint attribute
    kind: str,
    *,
    optional: bool = True,
    registry: str | None = None,
    of: Any = None,
    non_empty: bool = False,
    after: str | None = None,
) -> dict[str, Constraint]:
    """Field metadata declaring what a field accepts (see ``Constraint``).

    Examples:
        >>> spec("code", registry="countries")["gcm"].registry
        'countries'
    """
    return {KEY: Constraint(kind, optional, registry, of, non_empty, after)}
