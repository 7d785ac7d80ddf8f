"""The cattrs hooks of the wire format, derived from the kinds.

``configure_converter`` registers one hook factory per direction on a cattrs
converter, for every model class. A class's hook structures (or
unstructures) each field by asking the field's kind (``Kind.structure``,
``Kind.unstructure``, ``gcm_model.models.kinds``) inside the function cattrs
generates for the class, so cattrs locates every fault at its field and
index. No hook is keyed on a Python type: what a field is, is declared once,
by its kind, and the kind answers here as it answers every other consumer.

What a kind is handed to make its errors and to structure what it holds is
a ``Structurer``: the errors are the faults of ``gcm_model._faults``, which
become problems located by JSON Pointer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs
from cattrs.errors import ClassValidationError, IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from gcm_model import _encode
from gcm_model._faults import _FaultError, _UnknownKeysError, _wrong, _wrong_tag
from gcm_model.models.kinds import declared, tag_of

if TYPE_CHECKING:
    from collections.abc import Callable

    import cattrs

    from gcm_model.models.kinds import Kind

__all__ = ["Structurer", "configure_converter", "opened"]


class Structurer:
    """What the kinds are handed to structure a JSON value with a converter.

    Implements ``gcm_model.models.kinds``' ``Structurer`` interface: the
    faults to raise, nested objects by their class's hook, and the items of
    a list, each failing item reported at its index when the converter
    collects every problem (``detailed_validation``).
    """

    def __init__(self, converter: cattrs.Converter) -> None:
        """Structure with ``converter``."""
        self.converter = converter
        self._detailed = converter.detailed_validation

    def wrong(self, expected: str, value: object) -> Exception:
        """A value of the wrong type."""
        return _wrong(expected, value)

    def invalid(self, message: str, value: object) -> Exception:
        """A value of the right type that is no value of the kind."""
        return _FaultError("invalid-value", message, value)

    def model(self, classes: tuple[type, ...], value: object, name: str | None) -> Any:
        """The object a JSON object writes; of a union, the class its ``kind`` tag names."""
        if len(classes) == 1:
            return self.one(classes[0], value)
        if type(value) is not dict:
            raise _wrong(f"an object ({name})", value)
        by_tag = {tag_of(cls): cls for cls in classes}
        tags = ", ".join(repr(tag) for tag in by_tag)
        tag = value.get("kind")
        if tag is None:
            message = f"a {name} needs a 'kind': one of {tags}"
            raise _FaultError("missing-field", message, None, ("kind",))
        cls = by_tag.get(tag) if type(tag) is str else None
        if cls is None:
            raise _FaultError("invalid-value", f"{tag!r} is not one of {tags}", tag, ("kind",))
        return self.one(cls, {k: v for k, v in value.items() if k != "kind"})

    def one(self, cls: type, value: object) -> Any:
        """The object of a model class a JSON value writes: by the class's hook."""
        return self.converter.structure(value, cls)

    def items(self, kind: Kind, values: list[Any]) -> tuple[Any, ...]:
        """Each item structured by ``kind``; with detail, every failing item at its index."""
        if not self._detailed:
            return tuple([kind.structure(value, self) for value in values])
        found, errors = [], []
        for index, value in enumerate(values):
            try:
                found.append(kind.structure(value, self))
            except Exception as exc:  # noqa: BLE001 - every failing item is reported
                note = IterableValidationNote(f"Structuring item @ index {index}", index, Any)
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]
                # Without its traceback, which holds this frame, which holds ``errors``:
                # that cycle would wait for the garbage collector. What is wrong is in the
                # error and its notes.
                errors.append(exc.with_traceback(None))
        if errors:
            raise IterableValidationError("While structuring a list", errors, tuple)
        return tuple(found)


def _structure_hook(kind: Kind, using: Structurer) -> Callable[[Any, Any], Any]:
    structure = kind.structure

    def hook(value: Any, _: Any) -> Any:
        return structure(value, using)

    return hook


def _structure_factory(cls: type, converter: cattrs.Converter) -> Callable[[object, type], Any]:
    """The hook of a model class: each field by its kind, unknown keys and tags refused."""
    using = Structurer(converter)
    overrides: dict[str, Any] = {
        name: override(struct_hook=_structure_hook(k, using)) for name, k in declared(cls)
    }
    base: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=False, **overrides
    )
    names = frozenset(a.name for a in attrs.fields(cls))
    detailed = converter.detailed_validation
    tag = tag_of(cls)  # segments and report items carry their tag

    def structure(value: object, tp: type) -> Any:
        value, unknown = opened(cls, value, names, tag)
        if not unknown:
            return base(value, tp)
        if not detailed:
            raise _UnknownKeysError(cls, unknown)
        errors: list[Exception] = [_UnknownKeysError(cls, unknown)]
        try:
            base({k: v for k, v in value.items() if k in names}, tp)
        except ClassValidationError as exc:
            errors.extend(exc.exceptions)
        raise ClassValidationError(f"While structuring {cls.__name__}", errors, cls)

    return structure


def opened(
    cls: type, value: object, names: frozenset[str], tag: str | None
) -> tuple[dict[str, Any], list[str]]:
    """A JSON object for a model class, its tag taken away, and its keys that are no field.

    ``names``: the class's fields; ``tag``: its ``kind`` tag, if it has one.

    Raises:
        _FaultError: the value is no JSON object, or its tag is another class's.
    """
    if type(value) is not dict:
        raise _wrong(f"an object ({cls.__name__})", value)
    if tag is not None and "kind" in value:
        if value["kind"] != tag:
            raise _wrong_tag(cls, tag, value["kind"])
        value = {k: v for k, v in value.items() if k != "kind"}
    return value, [k for k in value if k not in names]


def _unstructure_hook(kind: Kind, nested: Callable[[Any], Any]) -> Callable[[Any], Any]:
    unstructure = kind.unstructure

    def hook(value: Any) -> Any:
        return None if value is None else unstructure(value, nested)

    return hook


def _unstructure_factory(cls: type, converter: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    """The hook writing a model object: each field by its kind, empty and default ones left out.

    What is always written and which classes are tagged is shared with the
    compiled encoders of ``dumps`` (``gcm_model._encode``), so the two paths agree.
    """
    always = _encode.ALWAYS_WRITTEN.get(cls, frozenset())
    overrides: dict[str, Any] = {
        name: override(
            omit_if_default=False if name in always else None,
            unstruct_hook=_unstructure_hook(kind, converter.unstructure),
        )
        for name, kind in declared(cls)
    }
    base: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cls, converter, _cattrs_omit_if_default=True, **overrides
    )
    kind = _encode.TAGGED.get(cls)
    if kind is None:
        return base

    def unstructure(obj: Any) -> dict[str, Any]:
        return {"kind": kind, **base(obj)}

    return unstructure


def configure_converter(converter: cattrs.Converter) -> None:
    """Register the hooks of the gcm-model wire format on a cattrs converter.

    One hook factory per direction, for the model classes; each field of a
    class is structured and unstructured by its kind.

    Args:
        converter: a ``cattrs.Converter`` (its ``detailed_validation`` setting
            decides whether errors carry every problem or only the first).
    """
    converter.register_structure_hook_factory(_encode.is_model, _structure_factory)
    converter.register_unstructure_hook_factory(_encode.is_model, _unstructure_factory)
