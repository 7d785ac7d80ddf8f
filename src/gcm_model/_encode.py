"""Compiled encoders: a model object to the dict that ``dumps`` hands to orjson.

``converters.dumps`` used to write ``unstructure(obj)``: cattrs' generated
function per class, a hook call per datetime, enum and nested object, and a
``!=`` per field with a default. This module compiles, once per model class,
one plain Python function (its source is in ``linecache``, so tracebacks show
it) that builds a dict orjson writes to the same bytes, about three times
faster. Each field's kind (``gcm_model.models.kinds``) writes the expression
for its value (``Kind.encode``), with the helpers of this module:

* a field equal to its default is left out, as cattrs' ``omit_if_default``
  leaves it out, with the cheapest test that agrees with ``!=`` on the values
  a valid object holds (``is not None``, the truth of a tuple);
* keys are written in sorted order, which orjson's ``OPT_SORT_KEYS`` finds
  already sorted, at a fraction of the cost of sorting them;
* nested objects call their class's function; agenda segments and report
  items dispatch on their type, and carry their ``kind``;
* an enum member is written as its value, read from ``_value_``: orjson
  would read ``value``, a property written in Python, for each member;
* datetimes and dates stay objects, which orjson writes natively as
  ``isoformat()`` would: dates always, datetimes when their offset is whole
  minutes. A datetime whose offset is not (a zone's local mean time before
  1900: ``+00:09:21`` in Paris), or whose zone gives no offset, is written
  with ``isoformat()``, as orjson would drop the seconds or invent ``+00:00``.

A function expects what a valid object holds. Any other value (a ``str``
where an enum belongs, a datetime subclass, a list where a tuple belongs, all
possible under ``deferred_checks()``) raises ``UnexpectedValueError``, and the
caller writes the whole object through cattrs instead: the bytes never
differ from the cattrs path's, whatever the object holds.
"""

from __future__ import annotations

import datetime as dt
import itertools
import threading
from typing import TYPE_CHECKING, Any, NoReturn, TypeAlias

import attrs

from gcm_model._generated import define
from gcm_model.models.dataset import Dataset
from gcm_model.models.kinds import Kind, UnsupportedError, kind_of
from gcm_model.models.process import SEGMENT_TYPES
from gcm_model.models.reports import ITEM_TYPES

if TYPE_CHECKING:
    import enum
    from collections.abc import Callable, Iterator

__all__ = ["ALWAYS_WRITTEN", "TAGGED", "Encoder", "UnexpectedValueError", "encoder", "is_model"]

Encoder: TypeAlias = "Callable[[Any], dict[str, Any]]"

ALWAYS_WRITTEN: dict[type, frozenset[str]] = {Dataset: frozenset({"schema_version"})}
"""Fields written even when they hold their default, by class."""

TAGGED: dict[type, str] = {cls: cls.kind for cls in (*SEGMENT_TYPES.values(), *ITEM_TYPES.values())}
"""The classes of the tagged unions with their ``kind``, which their objects carry."""


def is_model(tp: object) -> bool:
    """Whether ``tp`` is a model class of this package: the classes the wire format writes."""
    return isinstance(tp, type) and attrs.has(tp) and tp.__module__.startswith("gcm_model.models")


class UnexpectedValueError(Exception):
    """A value a compiled encoder does not expect; the caller writes the object with cattrs."""


def _unexpected(*_: object) -> NoReturn:
    raise UnexpectedValueError


# -- datetimes ---------------------------------------------------------------------------------

_WHOLE_MINUTES: set[dt.timezone] = {dt.UTC}
"""Fixed offsets seen so far that are whole minutes, which orjson writes as isoformat() does."""

_FIXED: dict[dt.timedelta, dt.timezone] = {}
"""A fixed offset for each whole-minute offset of another zone seen so far (at most 2,879)."""


def _moment(value: Any) -> Any:
    """A date or datetime as the generated code's fast test could not pass it: exact, or raise.

    Returns the value itself, or a copy with a fixed offset, where orjson writes
    what ``isoformat()`` gives; else the ``isoformat()`` string. ``None`` stays
    ``None`` (a required optional field).
    """
    if value is None or type(value) is dt.date:
        return value
    if type(value) is not dt.datetime:
        _unexpected()  # a str, a datetime subclass: cattrs dispatches on the class
    zone = value.tzinfo
    if zone is None:
        return value  # naive (deferred checks): neither writes an offset
    try:
        offset = value.utcoffset()
    except Exception:  # noqa: BLE001 - a broken tzinfo: the cattrs path raises its own error
        raise UnexpectedValueError from None
    if offset is None or offset.seconds % 60 or offset.microseconds:
        # orjson writes +00:00 for no offset and drops seconds: isoformat() does neither.
        return value.isoformat()
    if type(zone) is dt.timezone:
        _WHOLE_MINUTES.add(zone)  # at most 2,879 of them
        return value
    # A zone (zoneinfo, dateutil) that orjson would ask for the offset again (for
    # some zone libraries in a way of its own): hand it the offset instead.
    # combine() keeps the wall time and fold, and takes a fifth of replace()'s time.
    fixed = _FIXED.get(offset)
    if fixed is None:
        fixed = _FIXED[offset] = dt.timezone(offset)
    return dt.datetime.combine(value, value.time(), fixed)


# -- enums -----------------------------------------------------------------------------------


def value_attribute(cls: type[enum.Enum]) -> str:
    """The attribute the generated code reads for a member's value: ``_value_`` if it is ``value``.

    ``value`` is a property written in Python, which orjson would run for a
    member it writes (an ``Enum`` that is no ``str`` or ``int``); ``_value_``
    is a plain attribute, read without a call, and cattrs writes the same.
    """
    return "_value_" if all(m._value_ is m.value for m in cls) else "value"


# -- what a field is: its kind says -----------------------------------------------------------

_PLAIN = frozenset({str, int, float, bool})  # cattrs writes these as they are (identity)


@attrs.frozen
class _Field:
    """One field as its encoder writes it.

    Attributes:
        name: the field, also the key.
        kind: what it holds (``gcm_model.models.kinds``).
        omit: when it is left out: ``never`` (no default, or always written),
            ``none`` (a ``None`` default), ``empty`` (an empty tuple by
            default) or ``equal`` (equal to a ``str``, ``int``, ``float`` or
            ``bool`` default).
        default: the default, for ``equal``.
    """

    name: str
    kind: Kind
    omit: str
    default: Any = None


def _omit(cls: type, field: attrs.Attribute[Any], kind: Kind) -> str | None:
    """When cattrs' ``omit_if_default`` leaves the field out, where a fast test agrees."""
    default = field.default
    if default is attrs.NOTHING or field.name in ALWAYS_WRITTEN.get(cls, ()):
        return "never"
    if default is None:
        return "none"
    # attrs.Factory is typed as a function: read its attributes. A declared list's
    # converter is its kind's, which keeps an empty tuple empty.
    if getattr(default, "factory", None) is tuple and not default.takes_self and kind.many:
        return "empty"
    if type(default) in _PLAIN and kind.plain() is not None:
        return "equal"
    return None


def _fields(cls: type) -> list[_Field] | None:
    """The fields of a model class as written, or ``None`` if one is left to cattrs."""
    found = []
    for field in attrs.fields(cls):
        if not field.init:
            continue  # cattrs leaves out init=False fields
        kind = kind_of(field)
        omit = None if kind is None else _omit(cls, field, kind)
        if kind is None or omit is None:
            return None
        found.append(_Field(field.name, kind, omit, field.default))
    return found


# -- the generated source --------------------------------------------------------------------


class _Namespace:
    """The globals every generated function shares, so that they find each other by name."""

    def __init__(self) -> None:
        """Start with the helpers the generated code calls."""
        self.values: dict[str, Any] = {
            "_unexpected": _unexpected,
            "_moment": _moment,
            "_date": dt.date,
            "_datetime": dt.datetime,
            "_timezone": dt.timezone,
            "_WHOLE": _WHOLE_MINUTES,
        }
        self._names: dict[tuple[str, object], str] = {}
        self._counter = itertools.count(1)

    def name(self, role: str, key: object, label: str, value: object = None) -> str:
        """A readable global name for ``key`` in ``role``, binding ``value`` to it (once)."""
        found = self._names.get((role, key))
        if found is None:
            found = f"{role}_{label}"
            if found in self.values:
                found += f"_{next(self._counter)}"
            self._names[role, key] = found
            self.values[found] = value
        return found

    def bind_dispatches(self) -> None:
        """Bind each dispatch name to the ``get`` of a table from its classes to their encoders."""
        for (role, key), name in self._names.items():
            if role == "dispatch":
                classes: tuple[type, ...] = key  # type: ignore[assignment]
                table = {cls: self.values[self.encoder_name(cls)] for cls in classes}
                self.values[name] = table.get

    def type_name(self, cls: type) -> str:
        """The global name of a class."""
        return self.name("T", cls, cls.__name__, cls)

    def encoder_name(self, cls: type) -> str:
        """The global name of a model class's encoder (bound when compiled)."""
        return self.name("encode", cls, cls.__name__, _unexpected)


class _Builder:
    """What the kinds write their expressions with (``gcm_model.models.kinds.EncoderBuilder``)."""

    def __init__(self, ns: _Namespace, todo: list[type]) -> None:
        self.ns, self.todo = ns, todo

    def moment(self, item: str) -> str:
        """A date, or a datetime that orjson writes as it is; anything else through ``_moment``."""
        return (
            f"{item} if type({item}) is _datetime and type(z := {item}.tzinfo) is _timezone "
            f"and z in _WHOLE or type({item}) is _date else _moment({item})"
        )

    def enum(self, of: type[enum.Enum], item: str) -> str:
        """The member's value, as cattrs writes it, after a type test."""
        value = f"{item}.{value_attribute(of)}"
        return f"{value} if type({item}) is {self.ns.type_name(of)} else _unexpected()"

    def model(self, classes: tuple[type, ...], item: str) -> str:
        """The object by its class's encoder (a union dispatches on the type)."""
        self.todo.extend(classes)
        if len(classes) == 1:
            (cls,) = classes
            return (
                f"{self.ns.encoder_name(cls)}({item}) if type({item}) is "
                f"{self.ns.type_name(cls)} else _unexpected()"
            )
        label = "_".join(c.__name__ for c in classes[:2])
        return f"{self.ns.name('dispatch', classes, label)}(type({item}), _unexpected)({item})"


def _statements(field: _Field, build: _Builder) -> Iterator[str]:
    """The lines writing one field into ``d`` (indented for the function body)."""
    key, kind = repr(field.name), field.kind
    write = f"d[{key}] = {kind.encode(build, 'v')}"
    yield f"v = o.{field.name}"
    if kind.many:
        yield "if type(v) is not tuple: _unexpected()"
    plain = kind.plain()
    if field.omit == "never":
        yield write
    elif field.omit == "empty":
        yield f"if v: {write}"  # an exact tuple is != () exactly when it is not empty
    elif field.omit == "equal":
        same = (type(field.default), field.default)  # False and 0 are equal, and hash alike
        yield f"if v != {build.ns.name('default', same, field.name, field.default)}: {write}"
    elif plain is not None:
        # Written as it is whatever it is, so leave it out exactly when cattrs'
        # `v != None` would; the type test spares the comparison for valid values.
        yield f"if v is not None and (type(v) is {plain.__name__} or v != None): {write}"
    else:  # any value but one of the expected types raises: `is not None` agrees with `!=`
        yield f"if v is not None: {write}"


def _source(cls: type, fields: list[_Field], build: _Builder) -> str:
    """The source of the encoder of ``cls``.

    The keys go in sorted order, which orjson's ``OPT_SORT_KEYS`` then finds
    already sorted, at a fraction of the cost of sorting them. The dict
    literal holds the keys up to the first one that a test may leave out.
    """
    name = build.ns.encoder_name(cls)
    entries: list[tuple[str, _Field | None]] = [(f.name, f) for f in fields]
    if cls in TAGGED:
        entries.append(("kind", None))
    entries.sort(key=lambda entry: entry[0])
    head: list[str] = []  # the dict literal's entries
    body: list[str] = []  # the statements after it
    for key, field in entries:
        if field is None or _direct(field):
            value = repr(TAGGED[cls]) if field is None else f"o.{field.name}"
            if body:
                body.append(f"    d[{key!r}] = {value}")
            else:
                head.append(f"{key!r}: {value}")
        else:
            body.extend(f"    {line}" for line in _statements(field, build))
    lines = [f"def {name}(o):", "    d = {" + ", ".join(head) + "}", *body, "    return d"]
    return "\n".join(lines) + "\n"


def _direct(field: _Field) -> bool:
    """A field written as it is, with no test: a required plain value, always written."""
    return field.omit == "never" and field.kind.plain() is not None and not field.kind.many


# -- compiling ---------------------------------------------------------------------------------

_NS = _Namespace()
_ENCODERS: dict[type, Encoder | None] = {}
_LOCK = threading.Lock()


def encoder(cls: type) -> Encoder | None:
    """The compiled encoder of a model class, made on first use; ``None`` for any other type.

    A model class with a field declared without a kind, or of a kind that
    writes no expression (``Kind.encode``), has none either, and is left to
    cattrs.
    """
    try:
        return _ENCODERS[cls]
    except KeyError:
        pass
    with _LOCK:
        if cls not in _ENCODERS:
            _compile(cls)
    return _ENCODERS[cls]


def _compile(first: type) -> None:
    """Compile ``first`` and every model class it holds, then bind the type dispatches.

    The encoders are published last, so that another thread never runs one
    whose dispatch tables are not bound yet.
    """
    done: dict[type, Encoder | None] = {}
    todo = [first]
    while todo:
        cls = todo.pop()
        if cls not in _ENCODERS and cls not in done:
            done[cls] = _compile_one(cls, todo) if is_model(cls) else None
    _NS.bind_dispatches()
    _ENCODERS.update(done)


def _compile_one(cls: type, todo: list[type]) -> Encoder | None:
    """The encoder of one model class (``None`` if left to cattrs); adds the classes it holds."""
    fields = _fields(cls)
    if fields is None:
        return None
    try:
        source = _source(cls, fields, _Builder(_NS, todo))
    except UnsupportedError:  # a kind that writes no expression: cattrs writes the class
        return None
    filename = f"<gcm_model encoder {cls.__module__}.{cls.__qualname__}>"
    found: Encoder = define(source, filename, _NS.values, _NS.encoder_name(cls))
    return found
