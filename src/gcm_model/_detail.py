"""The detailed path: an object decoded with every problem, and what did decode.

``gcm_model.converters`` decodes valid input with the generated decoders
(``gcm_model._decode``). What they refuse comes here: a JSON object for a
model class is decoded in one pass by the class's generated collector, which
names the fields it refuses, and only those are decoded again, by their
kind's structuring (``Kind.structure``) with the ``Detail`` structurer, which
gathers every fault with its place (``gcm_model._faults``): a nested object
is decoded by its own class's collector in the same way, so cattrs is not
needed here. The object is then built from the fields that did decode,
checks deferred, and its invariants are checked too, but for those at a
field that failed: a problem in one field hides none of the others, and
causes no second-order one.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

import attrs

from gcm_model import _decode
from gcm_model._encode import is_model
from gcm_model._faults import (
    _FaultsError,
    _invariant_problems,
    _problems,
    _unknown_keys,
    _UnknownKeysError,
    _wrong_tag,
)
from gcm_model._hooks import Structurer, opened
from gcm_model.errors import DocumentProblem
from gcm_model.models._base import Model
from gcm_model.models.checks import deferred_checks
from gcm_model.models.kinds import declared, tag_of

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    import cattrs

    from gcm_model.models.kinds import Kind

__all__ = ["Detail", "Parts", "structure_parts", "top"]


@attrs.frozen
class Parts:
    """One object as decoded in detail: the object, or its problems and what did decode.

    Attributes:
        record: the object, or ``None`` when it has problems.
        problems: every problem, pointers from the object.
        partial: with problems, the object built from the fields that did
            decode (the others at their defaults, a required one ``None``;
            checks deferred), or ``None`` for input that is no JSON object.
        unknown: where the problems are (JSON Pointers from the object): the
            values there did not decode or broke an invariant, so what rules
            find there or below is second-order.
    """

    record: Any
    problems: tuple[DocumentProblem, ...]
    partial: Any = None
    unknown: frozenset[str] = frozenset()


def top(pointer: str) -> str:
    """The first field of a JSON Pointer (``/agenda/0/end`` -> ``agenda``)."""
    if not pointer:
        return ""
    first = pointer[1:].split("/", 1)[0]  # only the first token is unescaped, as _tokens does it
    return first.replace("~1", "/").replace("~0", "~")


def structure_parts(
    document: Any, cls: type[Any], detailed: cattrs.Converter, *, plain: bool = False
) -> Parts:
    """Structure with every problem: a field that fails hides none of the object's others.

    A JSON object for a model class decodes field by field (``_fields_apart``);
    anything else in one go, with cattrs' detailed validation. ``plain``: the
    JSON text holds no control character (``_decode.plain``), so the class's
    collector skips that test of texts.
    """
    if type(document) is dict and issubclass(cls, Model):
        return _fields_apart(document, cls, detailed, plain=plain)
    found: list[DocumentProblem] = []
    with deferred_checks():
        try:
            result = detailed.structure(document, cls)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a problem
            found.extend(_problems(exc, (), document))
            return Parts(None, tuple(found), None, _places(found))
        found.extend(_invariant_problems(result, ()))
    if found:
        return Parts(None, tuple(found), result, _places(found))
    return Parts(result, ())


_Field = tuple["Kind", bool, "Callable[[Any], Any] | None", "Callable[[Any, Any], None]", Any]
"""Per field of a model class: its kind, whether it is required, its converter, the setter
of its slot, and its default (an ``attrs.Factory``, or the value)."""

_FIELDS: dict[type, tuple[dict[str, _Field], frozenset[str]]] = {}


def _fields(cls: type) -> tuple[dict[str, _Field], frozenset[str]]:
    """The fields of a model class as ``_fields_apart`` reads them, by name, and the names; kept."""
    try:
        return _FIELDS[cls]
    except KeyError:
        pass
    kinds = dict(declared(cls))
    fields = {
        f.name: (
            kinds[f.name],
            f.default is attrs.NOTHING,
            f.converter,
            _slot(cls, f.name).__set__,
            f.default,
        )
        for f in attrs.fields(cls)
    }
    found = _FIELDS[cls] = (fields, frozenset(fields))
    return found


def _slot(cls: type, name: str) -> Any:
    """The slot descriptor of a field: setting through it skips the frozen ``__setattr__``."""
    return next(klass.__dict__[name] for klass in cls.__mro__ if name in klass.__dict__)


def _fields_apart(
    document: dict[str, Any], cls: type[Any], detailed: cattrs.Converter, *, plain: bool
) -> Parts:
    """Decode each field of a model object on its own, then check what did decode.

    Every field that fails is reported (with unknown keys and missing
    required fields); the object is built from the others, checks deferred,
    and its invariants are reported too, but for those at a field that
    failed. A required field that is missing or failed is left ``None`` in
    that object: unknown, not absent, so a misspelt ``title`` hides none of
    the record's other problems, and the rules skip what lies there.

    The class's collector decodes the object and names the fields it
    refuses; only those are decoded in detail (``_collected``).
    """
    _, names = _fields(cls)
    found = list(_key_problems(document, cls, names))
    with deferred_checks():
        partial, faults, detail = _collected(cls, document, _using(detailed, plain=plain))
    for steps, fault in faults:
        found.extend(_problems(fault, steps, document))
    unknown = {top(p.pointer) for p in found}
    own = (problem for name, kind, value in detail for problem in kind.problems(f"/{name}", value))
    found.extend(
        p
        for p in itertools.chain(own, partial.relation_problems())
        if top(p.pointer) not in unknown and unknown.isdisjoint(p.relates)
    )
    if not found:
        return Parts(partial, ())
    return Parts(None, tuple(found), partial, _places(found))


_Fault = tuple[tuple[str], BaseException]
"""A fault of a field, and the field's name (the step to it)."""


def _collected(
    cls: type, document: dict[str, Any], using: Detail
) -> tuple[Any, list[_Fault], list[tuple[str, Kind, Any]]]:
    """A JSON object of a model class decoded by its collector, the fields it refuses in detail.

    The collector (``_decode.collector``) decodes the object in one pass and
    names the fields it refuses (and required ones missing); only those are
    structured again, each by its kind with ``using``, which says what is
    wrong. Keys and tags are not looked at, nor the checks of the object.

    Returns:
        The object (a field that failed at its default, a required one
        ``None``), the faults of the fields that failed, and the fields
        structured in detail without a fault (their values may still break
        the kind's checks: they were refused for a reason).
    """
    fields, _ = _fields(cls)
    bad: list[str] = []
    partial = _decode.collector(cls, plain=using.plain)(document, bad)
    faults: list[_Fault] = []
    detail: list[tuple[str, Kind, Any]] = []
    for name in bad:
        kind, required, convert, put, default = fields[name]
        if name not in document:  # the collector names only required ones missing
            faults.append(((name,), KeyError(name)))  # a missing field, as cattrs has it
            value = None  # unknown: the checks of the object are deferred
        else:
            try:
                value = kind.structure(document[name], using)
            except Exception as exc:  # noqa: BLE001 - every failure becomes a problem
                faults.append(((name,), _bare(exc)))
                value = None if required else _default(default, partial)
            else:
                detail.append((name, kind, value))
        put(partial, value if convert is None else convert(value))
    return partial, faults, detail


class Detail(Structurer):
    """The structurer of the detailed path: nested objects by their collectors, without cattrs.

    The kinds structure a refused field's JSON value with it as with the
    cattrs hooks (``_hooks.Structurer``), and raise the same faults, but a
    nested object of a model class is decoded by its class's collector and
    only the fields it refuses are structured again (``_collected``), and
    the faults of an object or a list are gathered in a ``_FaultsError``
    with the steps to each, not in cattrs' groups of exceptions. The faults
    and their order are those of the cattrs hooks: the keys that are no
    field, then each failing field in field order, or each failing item.
    """

    def __init__(self, converter: cattrs.Converter, *, plain: bool) -> None:
        """Structure with the detailed ``converter`` what has no collector; ``plain`` for those."""
        super().__init__(converter)
        self.plain = plain

    def one(self, cls: type, value: object) -> Any:
        """The object of a model class: decoded by its collector, its refused fields in detail."""
        if not _collectable(cls):
            return super().one(cls, value)
        _, names = _fields(cls)
        value, unknown = opened(cls, value, names, tag_of(cls))
        partial, faults, _ = _collected(cls, value, self)
        if unknown:
            raise _FaultsError([((), _UnknownKeysError(cls, unknown)), *faults])
        if faults:
            raise _FaultsError(faults)
        return partial

    def items(self, kind: Kind, values: list[Any]) -> tuple[Any, ...]:
        """Each item structured by ``kind``; every failing item reported at its index."""
        found, faults = [], []
        for index, value in enumerate(values):
            try:
                found.append(kind.structure(value, self))
            except Exception as exc:  # noqa: BLE001 - every failing item is reported
                faults.append(((index,), _bare(exc)))
        if faults:
            raise _FaultsError(faults)
        return tuple(found)


_USING: dict[tuple[cattrs.Converter, bool], Detail] = {}


def _using(converter: cattrs.Converter, *, plain: bool) -> Detail:
    """The ``Detail`` structurer over a converter, for plain input or not; kept."""
    try:
        return _USING[converter, plain]
    except KeyError:
        found = _USING[converter, plain] = Detail(converter, plain=plain)
        return found


def _bare(fault: Exception) -> Exception:
    """A fault without its traceback and the error it was raised in handling, kept.

    Their frames lead back (``f_back``) to the frame holding the list of
    faults: a cycle that would keep the whole until the garbage collector
    ran. What is wrong is in the fault itself.
    """
    fault.__traceback__ = fault.__context__ = fault.__cause__ = None
    return fault


_COLLECTABLE: dict[type, bool] = {}


def _collectable(cls: type) -> bool:
    """Whether a nested class is decoded by its collector: a model class, every field declared.

    Any other is structured by the detailed converter's hook, as cattrs has it.
    """
    try:
        return _COLLECTABLE[cls]
    except KeyError:
        pass
    found = _COLLECTABLE[cls] = is_model(cls) and len(declared(cls)) == len(attrs.fields(cls))
    return found


def _default(default: Any, partial: Any) -> Any:
    """The value of an attrs default: a factory's (given the object, if it takes it), or itself."""
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory(partial) if default.takes_self else default.factory()
    return default


def _key_problems(
    document: dict[str, Any], cls: type, names: frozenset[str]
) -> Iterator[DocumentProblem]:
    """A tag of another kind, and keys that are no field (with the nearest field's name)."""
    tag = tag_of(cls)
    if tag is not None and document.get("kind", tag) != tag:
        yield from _problems(_wrong_tag(cls, tag, document["kind"]), (), document)
    extra = [k for k in document if k not in names and not (tag is not None and k == "kind")]
    if extra:
        yield from _unknown_keys(cls, extra, (), document)


def _places(problems: list[DocumentProblem]) -> frozenset[str]:
    return frozenset(p.pointer for p in problems)
