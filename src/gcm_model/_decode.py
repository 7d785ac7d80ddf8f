"""Compiled decoders: parsed JSON to model objects in one pass, for valid input.

The strict cattrs converter of ``gcm_model.converters`` decodes a document
with every problem located; it runs its type hooks, then the construction
checks of each object test again what the hooks tested. This module is the
fast path in front of it. For each model class it generates one Python
function from the class's fields, their types and their declared
kind (``gcm_model.models.kinds``), which writes the source of each test and
conversion: the function tests a JSON object against exactly what the
strict hooks and the construction checks require, converts dates, enums and
nested objects, and sets the fields of a new object directly, without
running the checks a second time.

A decoder does not explain: on anything it does not accept it raises (most
often ``Reject``), and the caller decodes again in detail
(``gcm_model._detail``), which finds and locates every problem: through the
class's collector (``collector``), the same decoding that does not stop at a
field it refuses but names it, and then the detailed converter for those
fields alone. So a decoder may refuse more than the
converter does (it costs time, not correctness), never less; the tests decode
generated documents and mutations of them both ways and compare.

The registries build the reference records from the package's data files
with the same decoders (``gcm_model.registry``): any attrs class whose
fields are all declared by kinds has one.

Examples:
    >>> from gcm_model.models.process import Venue
    >>> decode = decoder(Venue)
    >>> decode({"city": "Geneva", "country": "CHE"})
    Venue(name=None, city='Geneva', country='CHE')
    >>> decode({"city": " Geneva"})
    Traceback (most recent call last):
    ...
    gcm_model._decode.Reject: Venue.city
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

from gcm_model._generated import define
from gcm_model.dates import moment_or_none
from gcm_model.models._base import Model, order_pairs
from gcm_model.models.checks import ID_PATTERN, out_of_order
from gcm_model.models.kinds import Kind, UnsupportedError, kind_of, tag_of

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["Reject", "collector", "decoder"]


class Reject(Exception):  # noqa: N818 - not an error: the signal to decode again in detail
    """The input is not accepted as it is; decode it in detail to learn why."""


_DECODERS: dict[tuple[type, bool], Callable[[Any], Any] | None] = {}
_MISSING = object()


def decoder(cls: Any, *, plain: bool = False) -> Callable[[Any], Any] | None:
    """The compiled decoder of a class whose fields are all declared by kinds, or ``None``.

    That is a model class, or a reference record (the registries build
    theirs with it). Other classes, and classes with a field this module
    cannot compile, have none; the caller then uses the converter alone.

    Args:
        cls: the class (anything else has no decoder).
        plain: the caller vouches that no string of the input holds a
            control character (``plain`` said so of the JSON it came from),
            so texts skip that test, the slowest of a text's tests.
    """
    try:
        return _DECODERS[cls, plain]
    except KeyError:
        pass
    found = None
    if isinstance(cls, type) and attrs.has(cls):
        try:
            found = _compile(cls, plain=plain)
        except UnsupportedError:
            found = None
    _DECODERS[cls, plain] = found
    return found


_COLLECTORS: dict[tuple[type, bool], Callable[[dict[str, Any], list[str]], Any]] = {}


def collector(cls: type, *, plain: bool = False) -> Callable[[dict[str, Any], list[str]], Any]:
    """A compiled decoder of a model class's JSON object that collects the fields it refuses.

    ``collect(document, bad)`` decodes every field of the object as the
    class's decoder does (nested objects through their classes' decoders),
    but a field it refuses, or a required one that is missing, does not stop
    it: it appends the field's name to ``bad``, in field order, and leaves
    ``None`` there. It returns the object, whose other fields are decoded and
    valid; it tests neither the keys of the object nor the relations between
    its fields. The detailed path (``gcm_model._detail``) takes it for a
    JSON object that the class's decoder refused, and decodes in detail only
    the fields in ``bad``: the others need no detail and no checks. A field
    of a kind that cannot be compiled is always in ``bad`` when present (or
    when required).

    Args:
        cls: the model class.
        plain: as for ``decoder``: no string of the input holds a control
            character, so texts skip that test.
    """
    try:
        return _COLLECTORS[cls, plain]
    except KeyError:
        pass
    build = _Builder(cls, plain=plain)
    build.add(1, "o = _new(_draft)")
    for field in attrs.fields(cls):
        name = build.field = field.name
        if not _collected(build, field):  # decoded in detail whenever it is there, or must be
            build.add(1, "v = None")
            if field.default is attrs.NOTHING:
                build.add(1, f"bad.append({name!r})")
            else:
                build.add(1, f"if {name!r} in d:")
                build.add(2, f"bad.append({name!r})")
        build.put(name)
    build.finish()
    build.add(1, "return o")
    source = f"def collect_{cls.__name__}(d, bad):\n" + "\n".join(build.lines) + "\n"
    variant = " (plain)" if plain else ""
    filename = f"<gcm_model collector {cls.__module__}.{cls.__qualname__}{variant}>"
    found: Callable[[dict[str, Any], list[str]], Any] = define(
        source, filename, build.names, f"collect_{cls.__name__}"
    )
    _COLLECTORS[cls, plain] = found
    return found


def _collected(build: _Builder, field: attrs.Attribute[Any]) -> bool:
    """Lines decoding a field for a collector, naming it in ``bad`` if refused; if it compiles."""
    kind = kind_of(field)
    if kind is None:
        return False
    first = len(build.lines)
    build.add(1, "try:")
    try:
        _field(build, field, kind, at=2)
    except UnsupportedError:
        del build.lines[first:]
        return False
    build.add(1, "except Exception:")
    build.add(2, f"bad.append({field.name!r})")
    build.add(2, "v = None")
    return True


def plain(data: object) -> bool:
    r"""Whether the strings of this JSON text surely hold no control character.

    JSON cannot carry the control characters that texts may not hold
    (``checks.CONTROL``) unescaped, except DEL: they come as ``\u`` escapes,
    ``\b`` or ``\f``. A text without those sequences and without DEL is
    plain; one with them (even an escaped backslash before a ``u``) is not
    said to be, and its texts are tested one by one.

    Examples:
        >>> plain(b'{"title": "Geneva"}'), plain(b'{"title": "Gen\\u0007eva"}')
        (True, False)
    """
    # One-character searches are the quick ones (memchr); most JSON has no backslash at all.
    if not isinstance(data, bytes | bytearray | str):
        return False
    if isinstance(data, str):
        if "\x7f" in data:
            return False
        return "\\" not in data or not any(e in data for e in ("\\u", "\\b", "\\f"))
    if b"\x7f" in data:
        return False
    return b"\\" not in data or not any(e in data for e in (b"\\u", b"\\b", b"\\f"))


_MOMENTS: dict[str, dt.date] = {}
"""Moments read lately, by their text: records repeat the same few times and days."""
_IDS: set[str] = set()
"""Ids and references found well-formed lately: records refer to the same few again and again."""
_KEPT = 4096
"""How many of each the caches hold before they start again."""


def _moment(text: object) -> dt.date:
    """A date or an offset-aware datetime, read as the converter reads it, and kept.

    The wire forms of ``gcm_model.dates.read_moment``, nothing else. Dates
    and datetimes are immutable, so records may share them.
    """
    if type(text) is not str:
        raise Reject
    moment = moment_or_none(text)
    if moment is None:
        raise Reject
    if len(_MOMENTS) >= _KEPT:
        _MOMENTS.clear()
    _MOMENTS[text] = moment
    return moment


def _id(text: str) -> bool:
    """Whether a string is a well-formed id (``ID_PATTERN``); kept if so."""
    if ID_PATTERN.fullmatch(text) is None:
        return False
    if len(_IDS) >= _KEPT:
        _IDS.clear()
    _IDS.add(text)
    return True


# -- code generation -------------------------------------------------------------------------


class _Builder:
    """The source and the namespace of one class's decoder."""

    def __init__(self, cls: type, *, plain: bool) -> None:
        self.cls = cls
        self.plain = plain
        self.field = ""
        self.lines: list[str] = []
        self.names: dict[str, Any] = {
            "Reject": Reject,
            "_M": _MISSING,
            "_new": object.__new__,
            "_late": out_of_order,
            "_moments": _MOMENTS,
            "_moment": _moment,
            "_dt": dt.datetime,
            "_ids": _IDS,
            "_id": _id,
            "_cls": cls,
        }
        draft = _draft(cls)
        self.names["_draft"] = cls if draft is None else draft
        self.drafted = draft is not None

    def put(self, name: str) -> None:
        """A line setting the field ``name`` of the object ``o`` being built to ``v``."""
        if self.drafted:
            self.add(1, f"o.{name} = v")
        else:
            self.add(1, f"{self.bind('set', _slot(self.cls, name).__set__)}(o, v)")

    def finish(self) -> None:
        """A line making the object ``o``, its fields set, one of its class."""
        if self.drafted:
            self.add(1, "o.__class__ = _cls")

    def bind(self, stem: str, value: Any) -> str:
        """A name in the namespace for ``value``."""
        name = f"_{stem}_{len(self.names)}"
        self.names[name] = value
        return name

    def add(self, indent: int, line: str) -> None:
        self.lines.append("    " * indent + line)

    def reject(self, indent: int) -> None:
        """A line raising ``Reject`` naming the class and the field being read."""
        place = f"{self.cls.__name__}.{self.field}" if self.field else self.cls.__name__
        self.add(indent, f"raise Reject({place!r})")

    def child(self, cls: type) -> Callable[[Any], Any]:
        """The decoder of a nested model class (one there must be)."""
        found = decoder(cls, plain=self.plain)
        if found is None:
            raise UnsupportedError(cls.__name__)
        return found


def _compile(cls: type, *, plain: bool) -> Callable[[Any], Any]:
    build = _Builder(cls, plain=plain)
    fields = attrs.fields(cls)
    names = frozenset(f.name for f in fields)
    tag = tag_of(cls)
    if tag is not None:  # a segment or a report item: "kind" is its tag
        names |= {"kind"}
    build.add(1, "if type(d) is not dict or not _names.issuperset(d):")
    build.reject(2)
    build.names["_names"] = names
    if tag is not None:
        build.add(1, f"if d.get('kind', {tag!r}) != {tag!r}:")
        build.reject(2)
    build.add(1, "o = _new(_draft)")
    starts = {start for start, _ in order_pairs(cls)}
    for field in fields:
        kind = kind_of(field)
        if kind is None:
            raise UnsupportedError(field.name)
        build.field = field.name
        _field(build, field, kind)
        if (after := kind.starts()) is not None:
            start = f"v_{after}"
            build.add(1, f"if v is not None and {start} is not None and (")
            build.add(2, f"v <= {start} if type(v) is _dt and type({start}) is _dt")
            build.add(2, f"else _late({start}, v)")
            build.add(1, "):")
            build.reject(2)
        if field.name in starts:
            build.add(1, f"v_{field.name} = v")
        build.put(field.name)
    build.field = ""
    build.finish()
    if getattr(cls, "custom_problems", Model.custom_problems) is not Model.custom_problems:
        build.add(1, "if next(iter(o.custom_problems()), None) is not None:")
        build.reject(2)
    build.add(1, "return o")
    source = f"def decode_{cls.__name__}(d):\n" + "\n".join(build.lines) + "\n"
    variant = " (plain)" if plain else ""  # each variant has its own source in tracebacks
    filename = f"<gcm_model decoder {cls.__module__}.{cls.__qualname__}{variant}>"
    function: Callable[[Any], Any] = define(source, filename, build.names, f"decode_{cls.__name__}")
    return function


_DRAFTS: dict[type, type | None] = {}


def _draft(cls: type) -> type | None:
    """A subclass whose fields a decoder sets as plain attributes, or ``None``.

    Frozen classes refuse ``o.name = v``; setting each slot through its
    descriptor instead (``_slot``) costs a call per field, most of the time
    of a decoder. The draft adds nothing to the class but the plain
    ``__setattr__`` (and ``__delattr__``: the two are one slot of the type,
    plain only if both are), so the interpreter sets the class's slots on
    it as fast as any. A decoder builds its object as a draft, then makes it
    an object of the class (``o.__class__ = cls``, which Python allows when
    the layout is the same); the draft never leaves the decoder.
    """
    try:
        return _DRAFTS[cls]
    except KeyError:
        pass
    namespace = {
        "__slots__": (),
        "__setattr__": object.__setattr__,
        "__delattr__": object.__delattr__,
        "__module__": cls.__module__,
        "__qualname__": f"{cls.__qualname__}.<draft>",
    }
    found: type | None
    try:
        found = type(f"{cls.__name__}Draft", (cls,), namespace)
        probe: Any = object.__new__(found)
        probe.__class__ = cls
    except TypeError:  # pragma: no cover - a class that refuses it: its decoder uses descriptors
        found = None
    _DRAFTS[cls] = found
    return found


def _slot(cls: type, name: str) -> Any:
    """The slot descriptor of a field: setting through it skips the frozen ``__setattr__``."""
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return klass.__dict__[name]
    raise UnsupportedError(name)  # pragma: no cover - attrs gives every field a slot


def _field(build: _Builder, field: attrs.Attribute[Any], kind: Kind, at: int = 1) -> None:
    """Lines (indented ``at`` deep) that leave the field's decoded value in ``v``, or raise."""
    name = field.name
    default = field.default
    if default is attrs.NOTHING:
        build.add(at, f"v = d[{name!r}]")
        if kind.optional:
            raise UnsupportedError(name)
        kind.decode(build, at)
    elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        if getattr(default, "factory", None) is not tuple or getattr(default, "takes_self", True):
            raise UnsupportedError(name)
        build.add(at, f"v = d.get({name!r}, _M)")
        build.add(at, "if v is _M:")
        build.add(at + 1, "v = ()")
        build.add(at, "else:")
        kind.decode(build, at + 1)
    elif default is None:
        if not kind.optional:
            raise UnsupportedError(name)
        build.add(at, f"v = d.get({name!r})")
        build.add(at, "if v is not None:")
        kind.decode(build, at + 1)
    else:
        build.add(at, f"v = d.get({name!r}, {build.bind('default', default)})")
        kind.decode(build, at)
