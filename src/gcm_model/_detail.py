"""The detailed path: an object decoded with every problem, and what did decode.

``gcm_model.converters`` decodes valid input with the generated decoders
(``gcm_model._decode``). What they refuse comes here: a JSON object for a
model class is decoded in one pass by the class's generated collector, which
names the fields it refuses, and only those are decoded again, by their
kind's structuring with cattrs' detailed validation (``gcm_model._hooks``),
which locates every problem (``gcm_model._faults``). The object is then built
from the fields that did decode, checks deferred, and its invariants are
checked too, but for those at a field that failed: a problem in one field
hides none of the others, and causes no second-order one.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

import attrs

from gcm_model import _decode
from gcm_model._faults import _invariant_problems, _problems, _unknown_keys, _wrong_tag
from gcm_model._hooks import Structurer
from gcm_model.errors import DocumentProblem
from gcm_model.models._base import Model
from gcm_model.models.checks import deferred_checks
from gcm_model.models.kinds import declared, tag_of

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    import cattrs

    from gcm_model.models.kinds import Kind

__all__ = ["Parts", "structure_parts", "top"]


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

    The class's collector (``_decode.collector``) decodes the object in one
    pass and names the fields it refuses; only those are decoded in detail
    (``_in_detail``), and set in the object it built.
    """
    fields, names = _fields(cls)
    found = list(_key_problems(document, cls, names))
    bad: list[str] = []
    partial = _decode.collector(cls, plain=plain)(document, bad)
    detail: list[tuple[str, Kind, Any]] = []  # decoded in detail: they may have problems
    if bad:
        using = Structurer(detailed)
        with deferred_checks():
            for name in bad:
                kind, required, convert, put, default = fields[name]
                if name not in document:  # the collector names only required ones missing
                    found.append(
                        DocumentProblem("missing-field", f"/{name}", "a required field is missing")
                    )
                    value = None  # unknown: the checks of the object are deferred
                else:
                    value, problems = _in_detail(document, name, kind, using)
                    if not problems:
                        detail.append((name, kind, value))
                    else:
                        found.extend(problems)
                        if not required:
                            value = _default(default, partial)
                put(partial, value if convert is None else convert(value))
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


def _default(default: Any, partial: Any) -> Any:
    """The value of an attrs default: a factory's (given the object, if it takes it), or itself."""
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory(partial) if default.takes_self else default.factory()
    return default


def _in_detail(
    document: dict[str, Any], name: str, kind: Kind, using: Structurer
) -> tuple[Any, list[DocumentProblem]]:
    """One field structured by its kind with cattrs' detailed validation: its value, or problems."""
    try:
        return kind.structure(document[name], using), []
    except Exception as exc:  # noqa: BLE001 - every failure becomes a problem
        return None, list(_problems(exc, (name,), document))


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
