"""Faults met while structuring a document, as problems located by JSON Pointer.

The strict hooks of ``gcm_model.converters`` raise ``_FaultError`` (a value
of the wrong type or shape) and ``_UnknownKeysError`` (keys a class does not
have); cattrs gathers them, with its own errors, into a tree of exceptions
annotated with the field or index each happened at. The detailed path
(``gcm_model._detail``) gathers the same faults without cattrs, each with
the steps to where it happened, into a ``_FaultsError``. ``_problems`` walks
either tree into ``DocumentProblem`` records, and ``_invariant_problems``
turns a built object's broken invariants into the same records.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)

from gcm_model._text import close_matches
from gcm_model.errors import DocumentProblem

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence


def _pointer(steps: tuple[str | int, ...]) -> str:
    """Steps into a document as a JSON Pointer (RFC 6901): ``("a", 0)`` -> ``/a/0``."""
    return "".join(["/" + str(s).replace("~", "~0").replace("/", "~1") for s in steps])


class _FaultError(Exception):
    """A problem raised by one of our hooks, at the hook's place (plus ``below``)."""

    def __init__(
        self, rule: str, message: str, value: Any, below: tuple[str | int, ...] = ()
    ) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message
        self.value = value
        self.below = below


_DESCRIBED = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "a boolean",
    list: "a list",
    dict: "an object",
    type(None): "null",
}


def _describe(value: object) -> str:
    """What a JSON value is, for messages (``a string``, ``null``)."""
    return _DESCRIBED.get(type(value)) or type(value).__name__


def _wrong(expected: str, value: object) -> _FaultError:
    """A value of the wrong type: ``expected a string, got null``."""
    return _FaultError("wrong-type", f"expected {expected}, got {_describe(value)}", value)


def _wrong_tag(cls: type, tag: str, given: object) -> _FaultError:
    """A segment or report item whose ``kind`` tag is another class's."""
    message = f"a {cls.__name__} has kind {tag!r}, not {given!r}"
    return _FaultError("invalid-value", message, given, ("kind",))


class _UnknownKeysError(Exception):
    """Keys of an object that its class does not have."""

    def __init__(self, cls: type, keys: list[str]) -> None:
        super().__init__(f"unknown keys {keys} for {cls.__name__}")
        self.cls = cls
        self.keys = keys


class _FaultsError(Exception):
    """The faults met inside one value, each with the steps from that value to its place.

    A fault is any error ``_problems`` turns into problems, another ``_FaultsError`` too.
    """

    def __init__(self, faults: Sequence[tuple[tuple[str | int, ...], BaseException]]) -> None:
        super().__init__()
        self.faults = faults


def _value_at(document: Any, steps: tuple[str | int, ...]) -> Any:
    for step in steps:
        try:
            document = document[step]
        except (KeyError, IndexError, TypeError):
            return None
    return document


def _suggest(key: str, names: Iterator[str]) -> str:
    close = close_matches(key, names)
    return f"; did you mean {close[0]!r}?" if close else ""


@functools.lru_cache(maxsize=1024)
def _suggest_field(cls: type, key: str) -> str:
    """``_suggest`` among the fields of a class, kept: a file repeats its misspelt keys."""
    return _suggest(key, (a.name for a in attrs.fields(cls)))


def _problems(
    exc: BaseException, steps: tuple[str | int, ...], document: Any
) -> Iterator[DocumentProblem]:
    """Turn a structuring error into problems located by JSON Pointer."""
    if isinstance(exc, _FaultError):  # the most common, first
        where = (*steps, *exc.below)
        yield DocumentProblem(exc.rule, _pointer(where), exc.message, exc.value)
    elif isinstance(exc, _FaultsError | ClassValidationError | IterableValidationError):
        for below, fault in _faults_in(exc):
            yield from _problems(fault, (*steps, *below), document)
    elif isinstance(exc, _UnknownKeysError):
        yield from _unknown_keys(exc.cls, exc.keys, steps, document)
    elif isinstance(exc, KeyError):
        yield DocumentProblem("missing-field", _pointer(steps), "a required field is missing")
    else:
        yield DocumentProblem(
            "invalid-value", _pointer(steps), str(exc), _value_at(document, steps)
        )


def _faults_in(
    group: _FaultsError | ClassValidationError | IterableValidationError,
) -> Iterator[tuple[tuple[str | int, ...], BaseException]]:
    """The faults of a group, each with the steps to it (cattrs' in the notes it adds)."""
    if isinstance(group, _FaultsError):
        yield from group.faults
        return
    for sub in group.exceptions:
        step: tuple[str | int, ...] = ()
        for note in getattr(sub, "__notes__", ()):
            if isinstance(note, AttributeValidationNote):
                step = (note.name,)
            elif isinstance(note, IterableValidationNote):
                step = (note.index,)
        yield step, sub


def _unknown_keys(
    cls: type, keys: list[str], steps: tuple[str | int, ...], document: Any
) -> Iterator[DocumentProblem]:
    """The problems of keys that are no field of ``cls``, in the object at ``steps``."""
    for key in keys:
        yield DocumentProblem(
            "unknown-field",
            _pointer((*steps, key)),
            f"unknown field {key!r}{_suggest_field(cls, key)}",
            _value_at(document, (*steps, key)),
        )


def _invariant_problems(obj: Any, steps: tuple[str | int, ...]) -> Iterator[DocumentProblem]:
    prefix = _pointer(steps)
    for problem in obj.problems():
        yield problem.within(prefix) if prefix else problem
