"""The kinds that hold other values: ``Child`` (a nested model object) and ``Many`` (a list).

Part of ``gcm_model.models.kinds``, which re-exports both: a field is
declared ``field(Child(lambda: Venue))``, and ``derive`` makes the kind of a
list field ``Many(item)`` from its annotation.

Examples:
    >>> from gcm_model.models.kinds import Objective
    >>> [p.message for p in Many(Objective()).problems("objectives", (2, 24))]
    ['objective 24 is not in 1..23']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from gcm_model.errors import Problem
from gcm_model.models._kind import (
    JSON_CELL,
    NO_VALUE,
    Cell,
    Kind,
    declared_walks,
    references,
    tag_of,
    to_tuple,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from gcm_model.models._kind import (
        DecoderBuilder,
        EncoderBuilder,
        Pen,
        Planner,
        SchemaBuilder,
        Structurer,
    )

__all__ = ["Child", "Many"]


@attrs.frozen
class Child(Kind):
    """A nested model object of one class, or of a tagged union of classes.

    Attributes:
        of: a function returning the class or the classes (resolved late:
            classes refer to classes defined after them).
        name: what one of several classes is called in messages (``segment``).
    """

    of: Callable[[], type | tuple[type, ...]]
    name: str | None = None
    cell: ClassVar[Cell] = JSON_CELL
    frame: ClassVar[str] = "json"

    def tabulate(self, plan: Planner, name: str) -> None:
        """Its fields are columns of its owner's row, ``name/field``."""
        plan.nested(name, self, self.allowed())

    def encode(self, build: EncoderBuilder, item: str) -> str:
        """The object, by its class's encoder."""
        return build.model(self.allowed(), item)

    def converter(self) -> Callable[[Any], Any]:
        """A JSON object becomes the object, as in JSON (a union's by its ``kind`` tag).

        Built with its class's constructor, which converts and checks its own
        fields; anything it cannot build from (not an object, an unknown tag
        or key) stays as it is, for the checks to report.
        """
        return self._build

    def _build(self, value: Any) -> Any:
        if type(value) is not dict:
            return value
        allowed = self.allowed()
        if len(allowed) == 1:
            cls, fields = allowed[0], value
        else:
            found = self.by_tag().get(value.get("kind"))
            if found is None:
                return value
            cls, fields = found, {k: v for k, v in value.items() if k != "kind"}
        try:
            return cls(**fields)
        except TypeError:  # a key that is no field: the checks say what was expected
            return value

    def expected(self) -> str:
        """An object, of the class or of the union."""
        return f"an object ({self.name or self.noun})"

    def structure_value(self, value: object, using: Structurer) -> Any:
        """The object, structured by its class's hook (a union's chosen by its ``kind`` tag)."""
        return using.model(self.allowed(), value, self.name)

    def unstructure(self, value: Any, nested: Callable[[Any], Any]) -> Any:
        """The object, written by its class's hook."""
        return nested(value)

    def allowed(self) -> tuple[type, ...]:
        """The model classes accepted."""
        found = self.of()
        return found if isinstance(found, tuple) else (found,)

    def by_tag(self) -> dict[str | None, type]:
        """The classes of a union by their ``kind`` tag."""
        return {tag_of(cls): cls for cls in self.allowed()}

    @property
    def noun(self) -> str:  # type: ignore[override]
        """The class names."""
        return " or ".join(cls.__name__ for cls in self.allowed())

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Not of an allowed class, or (``deep``) the object's own problems, under ``field``."""
        if not isinstance(value, self.allowed()):
            yield Problem("wrong-type", field, f"expected {self.noun}", value)
        elif deep:
            for problem in value.problems():  # type: ignore[attr-defined] # a model object
                yield problem.within(field)

    def test(self) -> Callable[[Any], bool]:
        """An object of an allowed class (checked when it was built)."""
        return lambda v: isinstance(v, self.allowed())

    def nested(self, value: object) -> tuple[Any, ...]:
        """The object itself."""
        return () if value is None else (value,)

    def holds_objects(self) -> bool:
        """It does."""
        return True

    def walks(self) -> bool:
        """Whether an allowed class holds references."""
        return any(declared_walks(cls) for cls in self.allowed())

    def references(self, value: object, at: str) -> Iterator[tuple[str, str, tuple[str, ...]]]:
        """The references of the nested object."""
        if value is not None and declared_walks(type(value)):
            yield from references(value, f"{at}/")

    def decode_convert(self, build: DecoderBuilder, item: str) -> str:
        """Its class's decoder (chosen by the ``kind`` tag in a union)."""
        allowed = self.allowed()
        if len(allowed) == 1:
            return f"{build.bind('decode', build.child(allowed[0]))}({item})"
        by_kind = {tag: build.child(cls) for tag, cls in self.by_tag().items()}
        return f"{build.bind('by_kind', by_kind)}[{item}['kind']]({item})"

    def item_schema(self, build: SchemaBuilder) -> dict[str, Any]:
        """The class's definition, or a ``oneOf`` of the union's."""
        return build.union(self.allowed())

    def draw(self, pen: Pen) -> Any:
        """An object of one of the allowed classes."""
        return pen.child(pen.pick(self.allowed()))


@attrs.frozen
class Many(Kind):
    """A list of items of one kind, held as a tuple.

    Attributes:
        item: the kind of each item (never ``None``).
        non_empty: whether at least one item is required.
    """

    item: Kind
    non_empty: bool = False
    cell: ClassVar[Cell] = JSON_CELL
    frame: ClassVar[str] = "json"

    many: ClassVar[bool] = True

    def tabulate(self, plan: Planner, name: str) -> None:
        """A table of its own: a row for each item, naming its owner's row."""
        plan.many(name, self, self.item)

    def encode(self, build: EncoderBuilder, item: str) -> str:
        """A tuple of plain items as it is (orjson writes it as an array); else item by item."""
        if self.item.plain() is not None:
            return item
        return f"[{self.item.encode(build, 'x')} for x in {item}]"

    def expected(self) -> str:
        """A list."""
        return "a list"

    def structure_value(self, value: object, using: Structurer) -> Any:
        """A tuple of the items, each structured by the item's kind.

        Whether items are required, distinct and valid values is for
        ``problems``, as for the constructor.
        """
        if type(value) is not list:
            raise using.wrong(self.expected(), value)
        return using.items(self.item, value)

    def unstructure(self, value: Any, nested: Callable[[Any], Any]) -> Any:
        """A list of the items, each written by the item's kind."""
        return [self.item.unstructure(item, nested) for item in value]

    def converter(self) -> Callable[[Any], Any]:
        """A list becomes a tuple, each item converted as its kind converts it."""
        convert = self.item.converter()
        if convert is None:
            return to_tuple
        return lambda v: tuple(map(convert, v)) if isinstance(v, list | tuple) else v

    def problems(self, field: str, value: object, *, deep: bool = True) -> Iterator[Problem]:
        """Not a list, empty where items are required, bad items, or items listed twice."""
        if not isinstance(value, tuple):
            yield Problem("wrong-type", field, f"expected a list of {self.item.noun}", value)
            return
        if self.non_empty and not value:
            yield Problem("invalid-value", field, "give at least one", value)
        seen: set[object] = set()
        for index, item in enumerate(value):
            where = f"{field}/{index}"
            found = list(self.item.problems(where, item, deep=deep))
            yield from found
            if self.item.unique and not found:
                if item in seen:
                    yield Problem(
                        "invalid-value", where, f"{self.item.named(item)} is listed twice", item
                    )
                seen.add(item)

    def fast(self) -> Callable[[Any], bool]:
        """A tuple of items passing the item's test, distinct where they must be."""
        test = self.item.test()
        unique, non_empty = self.item.unique, self.non_empty
        return lambda v: (
            type(v) is tuple
            and (not non_empty or v != ())
            and all(test(x) for x in v)
            and (not unique or len(set(v)) == len(v))
        )

    def test(self) -> Callable[[Any], bool]:
        """As ``fast``: a list is never ``None``."""
        return self.fast()

    def holds_objects(self) -> bool:
        """Whether the items do."""
        return self.item.holds_objects()

    def nested(self, value: object) -> tuple[Any, ...]:
        """The model objects of the items."""
        if not isinstance(value, tuple):
            return ()
        return tuple(obj for item in value for obj in self.item.nested(item))

    def walks(self) -> bool:
        """Whether the items can hold references."""
        return self.item.walks()

    def references(self, value: object, at: str) -> Iterator[tuple[str, str, tuple[str, ...]]]:
        """The references of each item."""
        if isinstance(value, tuple):
            yield from self.item.references_in(value, at)

    def schema(self, build: SchemaBuilder) -> dict[str, Any]:
        """An array of the item's schema, unique and non-empty where declared."""
        schema: dict[str, Any] = {"type": "array", "items": self.item.item_schema(build)}
        if self.item.unique:
            schema["uniqueItems"] = True
        if self.non_empty:
            schema["minItems"] = 1
        return schema

    def draw(self, pen: Pen) -> tuple[Any, ...]:
        """Up to two items (distinct where they must be)."""
        least = 1 if self.non_empty else 0
        subset = getattr(self.item, "subset", None)
        if subset is not None:
            found: tuple[Any, ...] = subset(pen, min_size=least)
            return found
        values = [self.item.draw(pen) for _ in range(pen.integer(least, 2))]
        return tuple(dict.fromkeys(values)) if self.item.plain() is str else tuple(values)

    def empty(self) -> Any:
        """``()``, unless an item is required."""
        return NO_VALUE if self.non_empty else ()

    def decode(self, build: DecoderBuilder, at: int) -> None:
        """A list, non-empty where required, each item tested or converted; then a tuple."""
        build.add(at, "if type(v) is not list:")
        build.reject(at + 1)
        if self.non_empty:
            build.add(at, "if not v:")
            build.reject(at + 1)
        test = self.item.decode_test(build, "x")
        if test is None:
            build.add(at, f"v = tuple([{self.item.decode_convert(build, 'x')} for x in v])")
        else:
            build.add(at, "for x in v:")
            build.add(at + 1, f"if not ({test}):")
            build.reject(at + 2)
            build.add(at, "v = tuple(v)")
        if self.item.unique:
            build.add(at, "if len(set(v)) != len(v):")
            build.reject(at + 1)
