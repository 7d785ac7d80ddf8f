"""Compiled encoders: a model object to the dict that ``dumps`` hands to orjson.

``converters.dumps`` used to write ``unstructure(obj)``: cattrs' generated
function per class, a hook call per datetime, enum and nested object, and a
``!=`` per field with a default. This module compiles, once per model class,
one plain Python function (its source is in ``linecache``, so tracebacks show
it) that builds a dict orjson writes to the same bytes, about three times
faster:

* a field equal to its default is left out, as cattrs' ``omit_if_default``
  leaves it out, with the cheapest test that agrees with ``!=`` on the values
  a valid object holds (``is not None``, the truth of a tuple);
* nested objects call their class's function; agenda segments and report
  items dispatch on their type, and carry their ``kind`` first;
* datetimes, dates and enum members stay objects, which orjson writes
  natively as ``isoformat()`` and ``.value`` would: dates always, enum members
  when every member writes as its value, datetimes when their offset is whole
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
import enum
import itertools
import threading
import types
import typing
from typing import TYPE_CHECKING, Any, NoReturn, TypeAlias

import attrs
import orjson

from gcm_model._generated import define
from gcm_model.models.dataset import Dataset
from gcm_model.models.kinds import kind_of, to_tuple
from gcm_model.models.process import SEGMENT_TYPES
from gcm_model.models.reports import ITEM_TYPES

if TYPE_CHECKING:
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


def native_enum(cls: type[enum.Enum]) -> bool:
    """Whether orjson writes every member of ``cls`` exactly as it writes the member's value.

    Not so for a ``str`` mixin whose value is not that string (orjson writes
    the string), for one.
    """
    try:
        return all(orjson.dumps(m) == orjson.dumps(m.value) for m in cls)
    except orjson.JSONEncodeError:
        return False


# -- what a field is -------------------------------------------------------------------------

_PLAIN = frozenset({str, int, float, bool})  # cattrs writes these as they are (identity)
_MOMENTS = frozenset({dt.datetime, dt.date})


@attrs.frozen
class _Shape:
    """What a declared type holds.

    Attributes:
        kind: ``plain`` (``str``, ``int``, ``float`` or ``bool``, which cattrs
            writes as they are), ``enum``, ``moment`` (dates and datetimes)
            or ``model`` (model objects, of one class or a union).
        types: the classes.
        optional: whether ``None`` is declared too.
        items: a homogeneous tuple of such values.
    """

    kind: str
    types: tuple[type, ...]
    optional: bool = False
    items: bool = False


def _members(tp: Any) -> tuple[tuple[Any, ...], bool]:
    """The types of a union but ``None``, and whether ``None`` was one of them."""
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = typing.get_args(tp)
        return tuple(a for a in args if a is not type(None)), type(None) in args
    return (tp,), False


def _shape(tp: Any) -> _Shape | None:
    """The shape of a declared type, or ``None`` for a type this module leaves to cattrs."""
    members, optional = _members(tp)
    if len(members) == 1 and typing.get_origin(members[0]) is tuple:
        return None if optional else _items_shape(members[0])
    return _value_shape(members, optional)


def _items_shape(tp: Any) -> _Shape | None:
    """The shape of ``tuple[X, ...]`` for a plain, enum or model ``X``."""
    args = typing.get_args(tp)
    item = _shape(args[0]) if len(args) == 2 and args[1] is Ellipsis else None
    if item is None or item.optional or item.kind == "moment":
        return None
    return attrs.evolve(item, items=True)


def _value_shape(members: tuple[Any, ...], optional: bool) -> _Shape | None:  # noqa: FBT001
    """The shape of a single type or a union (``members``, with ``None`` if ``optional``)."""
    first = members[0] if len(members) == 1 else None
    if first in _PLAIN:
        kind = "plain"
    elif isinstance(first, type) and issubclass(first, enum.Enum):
        kind = "enum"
    elif members and set(members) <= _MOMENTS:
        kind = "moment"
    elif members and all(is_model(m) for m in members):
        kind = "model"
    else:
        return None
    return _Shape(kind, members, optional)


@attrs.frozen
class _Field:
    """One field as its encoder writes it.

    Attributes:
        name: the field, also the key.
        shape: what it holds.
        omit: when it is left out: ``never`` (no default, or always written),
            ``none`` (a ``None`` default), ``empty`` (an empty tuple by
            default) or ``equal`` (equal to a ``str``, ``int``, ``float`` or
            ``bool`` default).
        default: the default, for ``equal``.
    """

    name: str
    shape: _Shape
    omit: str
    default: Any = None


def _omit(cls: type, field: attrs.Attribute[Any], shape: _Shape) -> str | None:
    """When cattrs' ``omit_if_default`` leaves the field out, where a fast test agrees."""
    default = field.default
    if default is attrs.NOTHING or field.name in ALWAYS_WRITTEN.get(cls, ()):
        return "never"
    if default is None:
        return "none"
    # attrs.Factory is typed as a function: read its attributes.
    factory = getattr(default, "factory", None)
    converter: Any = field.converter
    if factory is tuple and not default.takes_self and shape.items:
        # A declared field's converter is its kind's, which keeps an empty tuple empty.
        return "empty" if converter in (None, to_tuple) or kind_of(field) is not None else None
    if type(default) is tuple and not default and converter is None and shape.items:
        return "empty"
    if type(default) in _PLAIN and field.converter is None and shape.kind == "plain":
        return "equal"
    return None


def _fields(cls: type) -> list[_Field] | None:
    """The fields of a model class as written, or ``None`` if one is left to cattrs."""
    try:
        attrs.resolve_types(cls)
    except (NameError, TypeError):  # a name only a type checker sees: cattrs copes
        return None
    found = []
    for field in attrs.fields(cls):
        if not field.init:
            continue  # cattrs leaves out init=False fields
        shape = _shape(field.type)
        omit = None if shape is None else _omit(cls, field, shape)
        if shape is None or omit is None:
            return None
        found.append(_Field(field.name, shape, omit, field.default))
    return found


# -- the generated source --------------------------------------------------------------------


class _Namespace:
    """The globals every generated function shares, so that they find each other by name."""

    def __init__(self) -> None:
        """Start with the helpers the generated code calls."""
        self.values: dict[str, Any] = {
            "_unexpected": _unexpected,
            "_moment": _moment,
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


def _expression(field: _Field, ns: _Namespace, todo: list[type]) -> str:
    """The expression writing ``v`` (or, for tuples, ``x`` for each item of ``v``)."""
    shape = field.shape
    item = "x" if shape.items else "v"
    if shape.kind == "plain":
        return "v"
    if shape.kind == "moment":
        return (
            "v if type(v) is _datetime and type(z := v.tzinfo) is _timezone and z in _WHOLE "
            "else _moment(v)"
        )
    if shape.kind == "enum":
        (cls,) = shape.types
        value = item if native_enum(cls) else f"{item}.value"
        one = f"{value} if type({item}) is {ns.type_name(cls)} else _unexpected()"
    elif len(shape.types) == 1:
        (cls,) = shape.types
        todo.append(cls)
        one = (
            f"{ns.encoder_name(cls)}({item}) if type({item}) is {ns.type_name(cls)} "
            "else _unexpected()"
        )
    else:  # a union of model classes: dispatch on the type
        todo.extend(shape.types)
        label = "_".join(c.__name__ for c in shape.types[:2])
        get = ns.name("dispatch", shape.types, label)
        one = f"{get}(type({item}), _unexpected)({item})"
    return f"[{one} for x in v]" if shape.items else one


def _statements(field: _Field, ns: _Namespace, todo: list[type]) -> Iterator[str]:
    """The lines writing one field into ``d`` (indented for the function body)."""
    key, shape = repr(field.name), field.shape
    write = f"d[{key}] = {_expression(field, ns, todo)}"
    yield f"v = o.{field.name}"
    if shape.items:
        yield "if type(v) is not tuple: _unexpected()"
    if field.omit == "never":
        yield write
    elif field.omit == "empty":
        yield f"if v: {write}"  # an exact tuple is != () exactly when it is not empty
    elif field.omit == "equal":
        same = (type(field.default), field.default)  # False and 0 are equal, and hash alike
        yield f"if v != {ns.name('default', same, field.name, field.default)}: {write}"
    elif shape.kind == "plain":
        # Written as it is whatever it is, so leave it out exactly when cattrs'
        # `v != None` would; the type test spares the comparison for valid values.
        (cls,) = shape.types
        yield f"if v is not None and (type(v) is {cls.__name__} or v != None): {write}"
    else:  # any value but one of the expected types raises: `is not None` agrees with `!=`
        yield f"if v is not None: {write}"


def _source(cls: type, fields: list[_Field], ns: _Namespace, todo: list[type]) -> str:
    """The source of the encoder of ``cls``."""
    name = ns.encoder_name(cls)
    head = [f"{f.name!r}: o.{f.name}" for f in fields if f.omit == "never" and _direct(f)]
    if cls in TAGGED:
        head.insert(0, f"'kind': {TAGGED[cls]!r}")
    lines = [f"def {name}(o):", f"    d = {{{', '.join(head)}}}"]
    for field in fields:
        if not (field.omit == "never" and _direct(field)):
            lines.extend(f"    {line}" for line in _statements(field, ns, todo))
    lines.append("    return d")
    return "\n".join(lines) + "\n"


def _direct(field: _Field) -> bool:
    """A field written as it is, with no test: a required plain value."""
    return field.shape.kind == "plain" and not field.shape.items


# -- compiling ---------------------------------------------------------------------------------

_NS = _Namespace()
_ENCODERS: dict[type, Encoder | None] = {}
_LOCK = threading.Lock()


def encoder(cls: type) -> Encoder | None:
    """The compiled encoder of a model class, made on first use; ``None`` for any other type.

    A model class with a field of a type this module does not know (the
    reference data's partial dates) has none either, and is left to cattrs.
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
    source = _source(cls, fields, _NS, todo)
    filename = f"<gcm_model encoder {cls.__module__}.{cls.__qualname__}>"
    found: Encoder = define(source, filename, _NS.values, _NS.encoder_name(cls))
    return found
