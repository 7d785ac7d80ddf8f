"""Per-object invariants of the model classes, as problems that can be collected.

Each model class lists its problems in a ``problems()`` method built from the
checks below; building an object raises
``gcm_model.errors.InvalidValueError`` for them unless checks are deferred
with ``deferred_checks()``, which the validation engine uses to gather every
problem of a document in one pass instead of stopping at the first.

Examples:
    >>> from gcm_model.models.checks import objective_problems
    >>> [p.message for p in objective_problems("objectives", (2, 24, 2))]
    ['objective 24 is not in 1..23', 'objective 2 is listed twice']
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import re
from typing import TYPE_CHECKING, Any

import attrs

from gcm_model.errors import GcmError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from gcm_model.registry import Registry

__all__ = [
    "CONTROL",
    "EMAIL",
    "ID_PATTERN",
    "Problem",
    "bool_problems",
    "check",
    "code_problems",
    "codes_problems",
    "deferred_checks",
    "enum_list_problems",
    "enum_problems",
    "id_problems",
    "ids_problems",
    "moment_problems",
    "nested_one_problems",
    "objective_problems",
    "order_problems",
    "out_of_order",
    "positive_int_problems",
    "registry_codes",
    "surely_valid",
    "text_problems",
]

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
"""Record ids: a letter or digit, then letters, digits, ``.``, ``_``, ``:`` or ``-``."""

_deferred: contextvars.ContextVar[bool] = contextvars.ContextVar("gcm_deferred", default=False)


@attrs.frozen
class Problem:
    """One broken invariant of one object.

    Attributes:
        rule: the rule slug: ``wrong-type``, ``invalid-value``,
            ``unknown-objective``, ``unknown-code``, ``cluster-objectives``
            or ``chronology``.
        field: the field concerned; a dotted path inside nested values
            (``venue.country``) and ``[i]`` for an item (``objectives[1]``).
        value: the offending value.
        message: a plain sentence saying what is wrong.
    """

    rule: str
    field: str
    value: Any
    message: str

    def within(self, prefix: str) -> Problem:
        """The same problem with its field placed under ``prefix``."""
        return attrs.evolve(self, field=f"{prefix}.{self.field}")


@contextlib.contextmanager
def deferred_checks() -> Iterator[None]:
    """Build model objects without raising for their invariants, inside this block.

    The objects can then be asked for ``problems()``. Used by validation to
    report every problem at once; not thread-hopping (a context variable).
    """
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def check(instance: Any) -> None:
    """Raise ``InvalidValueError`` for the object's problems, unless checks are deferred.

    Each field first takes a fast test of the common valid case; only a field
    that fails it, or a class with relations between fields, runs the full
    checks. Nested model objects are not checked again: they were checked when
    they were built.
    """
    if _deferred.get():
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
        if nested == "child":
            if value is not None and not surely_valid(value):
                return False
        elif nested == "children" and not all(surely_valid(item) for item in value):
            return False
    return next(iter(instance.relation_problems()), None) is None


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def objective_problems(field: str, values: object) -> Iterator[Problem]:
    """Objective numbers must be ints in 1..23, each listed once."""
    if not isinstance(values, tuple):
        yield Problem("wrong-type", field, values, "expected a list of objective numbers")
        return
    seen: set[int] = set()
    for index, value in enumerate(values):
        where = f"{field}[{index}]"
        if not _is_int(value):
            yield Problem("wrong-type", where, value, f"objective {value!r} is not an int")
        elif not 1 <= value <= 23:
            yield Problem("unknown-objective", where, value, f"objective {value} is not in 1..23")
        elif value in seen:
            yield Problem("invalid-value", where, value, f"objective {value} is listed twice")
        else:
            seen.add(value)


def code_problems(
    registry: Registry[Any, Any], field: str, value: object, *, optional: bool = True
) -> Iterator[Problem]:
    """A code must be the canonical code of a record of ``registry``."""
    if value is None:
        if not optional:
            yield Problem("missing-field", field, value, f"a {registry.kind} code is required")
        return
    if not isinstance(value, str | int) or isinstance(value, bool):
        yield Problem("wrong-type", field, value, f"a {registry.kind} code must be a string")
        return
    try:
        canonical = registry.validate(value)
    except GcmError as exc:
        hint = getattr(exc, "suggestions", ())
        also = f"; did you mean {', '.join(map(repr, hint))}?" if hint else ""
        yield Problem("unknown-code", field, value, f"unknown {registry.kind} {value!r}{also}")
        return
    if canonical != value:
        yield Problem("invalid-value", field, value, f"write the {registry.kind} as {canonical!r}")


def codes_problems(registry: Registry[Any, Any], field: str, values: object) -> Iterator[Problem]:
    """A list of canonical codes of ``registry``, each listed once."""
    if not isinstance(values, tuple):
        yield Problem("wrong-type", field, values, f"expected a list of {registry.kind} codes")
        return
    seen: set[object] = set()
    for index, value in enumerate(values):
        where = f"{field}[{index}]"
        found = list(code_problems(registry, where, value, optional=False))
        yield from found
        if not found:
            if value in seen:
                yield Problem("invalid-value", where, value, f"{value!r} is listed twice")
            seen.add(value)


def id_problems(field: str, value: object, *, optional: bool = False) -> Iterator[Problem]:
    """A record id (or a reference to one) must match ``ID_PATTERN``."""
    if value is None and optional:
        return
    if not isinstance(value, str):
        yield Problem("wrong-type", field, value, "an id must be a string")
    elif not ID_PATTERN.fullmatch(value):
        yield Problem(
            "invalid-value",
            field,
            value,
            "an id is 1-128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit",
        )


def ids_problems(field: str, values: object) -> Iterator[Problem]:
    """A list of id references, each valid and listed once."""
    if not isinstance(values, tuple):
        yield Problem("wrong-type", field, values, "expected a list of ids")
        return
    for index, value in enumerate(values):
        yield from id_problems(f"{field}[{index}]", value)
    duplicates = sorted({v for v in values if isinstance(v, str) and values.count(v) > 1})
    for value in duplicates:
        yield Problem("invalid-value", field, value, f"{value!r} is listed twice")


EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
"""An email address, loosely: something, ``@``, something, no spaces."""

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Control characters that text may not hold (tabs and line breaks may)."""


def text_problems(field: str, value: object, *, optional: bool = True) -> Iterator[Problem]:
    """Text is a non-blank string, trimmed, without control characters (or ``None``)."""
    if value is None:
        if not optional:
            yield Problem("missing-field", field, value, "a value is required")
    elif not isinstance(value, str):
        yield Problem("wrong-type", field, value, "expected a string")
    elif not value.strip():
        yield Problem("invalid-value", field, value, "must not be blank")
    elif value != value.strip():
        yield Problem("invalid-value", field, value, "has spaces at its start or end")
    elif CONTROL.search(value):
        yield Problem("invalid-value", field, value, "holds a control character")


def moment_problems(field: str, value: object, *, optional: bool = True) -> Iterator[Problem]:
    """A moment is a date, or a datetime that carries its UTC offset."""
    if value is None:
        if not optional:
            yield Problem("missing-field", field, value, "a date or datetime is required")
    elif isinstance(value, dt.datetime):
        if value.utcoffset() is None:
            yield Problem(
                "invalid-value", field, value, "a datetime needs a time zone (it is naive)"
            )
    elif not isinstance(value, dt.date):
        yield Problem("wrong-type", field, value, "expected a date or datetime")


def _comparable(value: object) -> bool:
    return isinstance(value, dt.date) and (
        not isinstance(value, dt.datetime) or value.utcoffset() is not None
    )


def order_problems(
    start_field: str, start: object, end_field: str, end: object
) -> Iterator[Problem]:
    """``end`` must not come before ``start`` (two datetimes: strictly after).

    A date compared with a datetime is compared by calendar day.
    """
    if out_of_order(start, end):
        yield Problem(
            "chronology", end_field, end, f"{end_field} {end} is not after {start_field} {start}"
        )


def out_of_order(start: object, end: object) -> bool:
    """Whether two comparable moments break ``order_problems``'s rule; else ``False``."""
    if not (_comparable(start) and _comparable(end)):
        return False
    assert isinstance(start, dt.date)  # noqa: S101 - _comparable checked it
    assert isinstance(end, dt.date)  # noqa: S101
    if isinstance(start, dt.datetime) and isinstance(end, dt.datetime):
        return end <= start
    return _day(end) < _day(start)


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def enum_problems(
    enum_type: type, field: str, value: object, *, optional: bool
) -> Iterator[Problem]:
    """The value must be a member of ``enum_type``."""
    if value is None and optional:
        return
    if not isinstance(value, enum_type):
        members = ", ".join(repr(m.value) for m in enum_type)  # type: ignore[attr-defined]
        yield Problem("wrong-type", field, value, f"expected one of {members}")


def nested_one_problems(field: str, value: object) -> Iterator[Problem]:
    """The problems of one nested model object (``None`` has none), placed under ``field``."""
    if value is None:
        return
    problems = getattr(value, "problems", None)
    if problems is None:
        yield Problem("wrong-type", field, value, "expected a model object")
        return
    for problem in problems():
        yield problem.within(field)


def enum_list_problems(enum_type: type, field: str, values: object) -> Iterator[Problem]:
    """A list of members of ``enum_type``."""
    if not isinstance(values, tuple):
        yield Problem("wrong-type", field, values, "expected a list")
        return
    for index, value in enumerate(values):
        yield from enum_problems(enum_type, f"{field}[{index}]", value, optional=False)


def bool_problems(field: str, value: object, *, optional: bool = True) -> Iterator[Problem]:
    """``True``, ``False``, or ``None`` (not said) where optional."""
    if (value is not None or not optional) and not isinstance(value, bool):
        yield Problem("wrong-type", field, value, "expected true or false")


def positive_int_problems(field: str, value: object) -> Iterator[Problem]:
    """A positive int, or ``None``."""
    if value is not None and (not _is_int(value) or value <= 0):  # type: ignore[operator]
        yield Problem("invalid-value", field, value, "expected a positive int")


# -- field constraints: declared once on each attrs field, read by checks, schema and docs --

KEY = "gcm"
"""The attrs metadata key under which a field's ``Constraint`` is stored."""


@attrs.frozen
class Constraint:
    """What one field of a model class accepts, declared in the field's metadata.

    The same declaration drives the checks (``field_problems``), the JSON
    Schema (``gcm_model.schema``) and the docs.

    Attributes:
        kind: ``text``, ``texts``, ``code``, ``codes``, ``objectives``,
            ``id``, ``ref``, ``refs``, ``moment``, ``choice``, ``choices``,
            ``flag``, ``count``, ``child``, ``children``, ``time_zone`` or ``email``.
        optional: whether ``None`` is allowed (single values only).
        registry: for codes, the name of the registry in ``gcm_model.registry``.
        of: for choices, the enum class; for children, a function returning
            the allowed model classes (resolved late, as classes refer to
            classes defined after them).
        non_empty: for lists, whether at least one item is required.
        after: for moments, the field this one must not come before (an
            end and its start); checked as a relation (``order_problems``).
    """

    kind: str
    optional: bool = True
    registry: str | None = None
    of: Any = None
    non_empty: bool = False
    after: str | None = None

    def allowed(self) -> tuple[type, ...]:
        """The model classes a ``child`` or ``children`` field accepts."""
        found = self.of()
        return found if isinstance(found, tuple) else (found,)

    def problems(self, field: str, value: object, *, deep: bool = True) -> Iterator[Problem]:  # noqa: C901, PLR0912 - one branch per kind
        """The problems of ``value`` for this constraint, at ``field``.

        With ``deep`` false, nested model objects are checked for their type
        only, not for their own problems.
        """
        kind = self.kind
        if self.non_empty and value == ():
            yield Problem("invalid-value", field, value, "give at least one")
        if kind == "text":
            yield from text_problems(field, value, optional=self.optional)
        elif kind == "texts":
            yield from texts_problems(field, value)
        elif kind in ("code", "codes"):
            from gcm_model import registry  # noqa: PLC0415 - the registries import this module

            reg = getattr(registry, str(self.registry))
            if kind == "code":
                yield from code_problems(reg, field, value, optional=self.optional)
            else:
                yield from codes_problems(reg, field, value)
        elif kind == "objectives":
            yield from objective_problems(field, value)
        elif kind in ("id", "ref"):
            yield from id_problems(field, value, optional=self.optional)
        elif kind == "refs":
            yield from ids_problems(field, value)
        elif kind == "moment":
            yield from moment_problems(field, value, optional=self.optional)
        elif kind == "choice":
            yield from enum_problems(self.of, field, value, optional=self.optional)
        elif kind == "choices":
            yield from enum_list_problems(self.of, field, value)
        elif kind == "flag":
            yield from bool_problems(field, value, optional=self.optional)
        elif kind == "count":
            yield from positive_int_problems(field, value)
        elif kind == "child":
            if value is None:
                if not self.optional:
                    yield Problem("missing-field", field, value, "a value is required")
            elif not isinstance(value, self.allowed()):
                yield Problem("wrong-type", field, value, f"expected {self._names()}")
            elif deep:
                yield from nested_one_problems(field, value)
        elif kind == "children":
            yield from self._children_problems(field, value, deep=deep)
        elif kind == "time_zone":
            yield from time_zone_problems(field, value)
        elif kind == "email":
            yield from text_problems(field, value, optional=self.optional)
            if isinstance(value, str) and value.strip() and not EMAIL.fullmatch(value):
                yield Problem("invalid-value", field, value, "not an email address (name@domain)")

    def _names(self) -> str:
        return " or ".join(cls.__name__ for cls in self.allowed())

    def _children_problems(self, field: str, values: object, *, deep: bool) -> Iterator[Problem]:
        if not isinstance(values, tuple):
            yield Problem("wrong-type", field, values, f"expected a list of {self._names()}")
            return
        allowed = self.allowed()
        for index, value in enumerate(values):
            if isinstance(value, allowed):
                if deep:
                    yield from nested_one_problems(f"{field}[{index}]", value)
            else:
                yield Problem("wrong-type", f"{field}[{index}]", value, f"expected {self._names()}")


def texts_problems(field: str, values: object) -> Iterator[Problem]:
    """A list of non-blank strings."""
    if not isinstance(values, tuple):
        yield Problem("wrong-type", field, values, "expected a list of strings")
        return
    for index, value in enumerate(values):
        yield from text_problems(f"{field}[{index}]", value, optional=False)


def constraint_of(field: attrs.Attribute[Any]) -> Constraint | None:
    """The constraint declared on an attrs field, if any."""
    found = field.metadata.get(KEY)
    return found if isinstance(found, Constraint) else None


def field_problems(instance: Any, *, deep: bool = True) -> Iterator[Problem]:
    """The problems of every declared field of a model object, in field order.

    With ``deep`` false, nested model objects are not asked for their own problems.
    """
    for field in attrs.fields(type(instance)):
        constraint = constraint_of(field)
        if constraint is not None:
            value = getattr(instance, field.name)
            yield from constraint.problems(field.name, value, deep=deep)


def time_zone_problems(field: str, name: object) -> Iterator[Problem]:
    """An IANA time zone name (``Europe/Zurich``), or ``None``."""
    if name is None:
        return
    if not isinstance(name, str):
        yield Problem("wrong-type", field, name, "expected an IANA time zone name")
        return
    from gcm_model.dates import zone  # noqa: PLC0415 - dates imports this package's errors

    if zone(name) is None:
        yield Problem("invalid-value", field, name, f"{name!r} is not an IANA time zone name")


# -- fast tests of the common valid case, per class -----------------------------------------

Plan = list[tuple[str, "Callable[[Any], bool]", str | None]]
"""Per class: each declared field's fast test, and ``child`` or ``children`` for a field
holding nested objects (which ``surely_valid`` tests in turn; ``check`` trusts them)."""

_PLANS: dict[type, Plan] = {}


def _plan(cls: type) -> Plan:
    try:
        return _PLANS[cls]
    except KeyError:
        pass
    plan: Plan = []
    for field in attrs.fields(cls):
        constraint = constraint_of(field)
        if constraint is not None:
            nested = constraint.kind if constraint.kind in ("child", "children") else None
            plan.append((field.name, _fast(constraint), nested))
    _PLANS[cls] = plan
    return plan


def _fast(c: Constraint) -> Callable[[Any], bool]:  # noqa: C901, PLR0911, PLR0912 - a test a kind
    """A quick test that ``True`` means valid; ``False`` means: run the full checks."""
    optional, kind = c.optional, c.kind
    if kind == "text":
        return lambda v: (v is None and optional) or _good_text(v)
    if kind == "email":  # the address's shape, and no control character, as text_problems
        return lambda v: (
            (v is None and optional)
            or (type(v) is str and EMAIL.fullmatch(v) is not None and CONTROL.search(v) is None)
        )
    if kind == "texts":
        return lambda v: type(v) is tuple and all(_good_text(x) for x in v)
    if kind in ("code", "codes"):
        records = _registry_records(str(c.registry))
        if kind == "code":
            return lambda v: (v is None and optional) or (type(v) in (str, int) and v in records())
        return lambda v: (
            type(v) is tuple
            and (not c.non_empty or v != ())
            and all(type(x) in (str, int) and x in records() for x in v)
            and len(set(v)) == len(v)
        )
    if kind == "objectives":
        return lambda v: (
            (type(v) is tuple and all(type(x) is int and 1 <= x <= 23 for x in v))
            and len(set(v)) == len(v)
        )
    if kind in ("id", "ref"):
        match = ID_PATTERN.fullmatch
        return lambda v: (v is None and optional) or (type(v) is str and match(v) is not None)
    if kind == "refs":
        match = ID_PATTERN.fullmatch
        return lambda v: (
            type(v) is tuple
            and all(type(x) is str and match(x) is not None for x in v)
            and len(set(v)) == len(v)
        )
    if kind == "moment":
        return lambda v: (
            (v is None and optional)
            or (type(v) is dt.date or (type(v) is dt.datetime and v.utcoffset() is not None))
        )
    if kind in ("choice", "choices"):
        of = c.of
        if kind == "choice":
            return lambda v: (v is None and optional) or isinstance(v, of)
        return lambda v: type(v) is tuple and all(isinstance(x, of) for x in v)
    if kind == "flag":
        return lambda v: (v is None and optional) or type(v) is bool
    if kind == "count":
        return lambda v: v is None or (type(v) is int and v > 0)
    if kind == "child":
        return lambda v: (v is None and optional) or isinstance(v, c.allowed())
    if kind == "children":
        return lambda v: type(v) is tuple and all(isinstance(x, c.allowed()) for x in v)
    if kind == "time_zone":
        from gcm_model.dates import zone  # noqa: PLC0415 - dates imports this package's errors

        return lambda v: v is None or (type(v) is str and zone(v) is not None)
    return lambda _: False  # anything else: the full checks decide


def _good_text(value: object) -> bool:
    return (
        type(value) is str
        and value != ""
        and value == value.strip()
        and CONTROL.search(value) is None
    )


def registry_codes(name: str) -> Any:
    """The canonical codes of the registry ``name`` (its records by code, read only)."""
    from gcm_model import registry  # noqa: PLC0415 - the registries import this module

    return getattr(registry, name)._records  # noqa: SLF001


def _registry_records(name: str) -> Callable[[], Any]:
    """``registry_codes(name)``, looked up on first use (registries are lazy)."""
    cache: list[Any] = []

    def records() -> Any:
        if not cache:
            cache.append(registry_codes(name))
        return cache[0]

    return records
