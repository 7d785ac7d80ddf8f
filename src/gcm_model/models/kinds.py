"""What a field of a model class holds, declared once and asked by every consumer.

Each field of a model class, and of a reference record, is declared with
``field(KIND)``, where the kind is one of the classes below: ``Text()``,
``Note()``, ``Email()``, ``Code("countries")``, ``Objective()``, ``Id()``,
``Ref("meetings")``, ``When()``, ``Choice(MeetingKind)``, ``Flag()``,
``Count()``, ``TimeZone()`` or ``Child(lambda: Venue)``, or one of the
kinds of calendar periods of ``gcm_model.models.periods``: ``Day()``,
``PartialDay()`` or ``Years()``. Whether the field may be ``None`` and whether it
holds a list come from its annotation (``str | None``, ``tuple[str, ...]``):
``derive`` reads them when the class is made and sets the field's default,
its converter and its final kind (a list field's kind is ``Many(item)``).

A kind owns everything about its values, so a consumer loops over a class's
fields and asks each kind; none of them asks which kind a field is:

* the constructor: ``converter()`` (a list becomes a tuple, an enum's value
  its member), ``problems()`` (what is wrong, for the checks) and ``test()``
  (a fast test of the common valid case);
* the generated decoder (``gcm_model._decode``): ``decode_test()`` and
  ``decode_convert()``, source that tests and converts a parsed JSON value
  (the registries build their records from the data files with it too);
* the JSON Schema (``gcm_model.schema``): ``schema()``;
* the Hypothesis strategies (``gcm_model.testing``): ``draw()``;
* the CSV tables (``gcm_model.tabular``): ``cell``;
* the rules (``gcm_model.validation``): ``references()`` and ``nested()``.

Examples:
    >>> from gcm_model.models.process import Venue
    >>> dict(declared(Venue))["country"]
    Code(optional=True, registry='countries')
    >>> [p.message for p in Many(Objective()).problems("objectives", (2, 24, 2))]
    ['objective 24 is not in 1..23', 'objective 2 is listed twice']
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

import attrs
import orjson

from gcm_model.dates import zone
from gcm_model.errors import GcmError
from gcm_model.models.checks import CONTROL, EMAIL, ID_PATTERN, Problem

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

__all__ = [
    "Cell",
    "CellError",
    "Child",
    "Choice",
    "Code",
    "Count",
    "Email",
    "Flag",
    "Id",
    "Kind",
    "Many",
    "Note",
    "Objective",
    "Ref",
    "Text",
    "TimeZone",
    "When",
    "declared",
    "derive",
    "field",
    "kind_of",
    "to_tuple",
    "use_registries",
]

KEY = "gcm"
"""The attrs metadata key under which a field's kind is stored."""

NO_VALUE: Any = object()
"""What ``Kind.empty`` answers for a field that has no empty value (it is required)."""


class UnsupportedError(Exception):
    """A kind the generated decoder does not compile (the caller uses the converter)."""


# -- what the consumers hand to the kinds -------------------------------------------------


class DecoderBuilder(Protocol):
    """What a kind needs from the generated decoder (``gcm_model._decode``)."""

    plain: bool
    """The input holds no control character: texts may skip that test."""

    def bind(self, stem: str, value: Any) -> str:
        """A name in the decoder's namespace for ``value``."""

    def child(self, cls: type) -> Callable[[Any], Any]:
        """The decoder of a nested model class."""

    def add(self, indent: int, line: str) -> None:
        """A line of source at an indent."""

    def reject(self, indent: int) -> None:
        """A line refusing the input, naming the field being read."""


class SchemaBuilder(Protocol):
    """What a kind needs from the JSON Schema builder (``gcm_model.schema``)."""

    def shared(self, name: str) -> dict[str, Any]:
        """A reference to a shared definition (``Text``, ``Id``, ``Moment``)."""

    def codes(self, registry_name: str) -> dict[str, Any]:
        """A reference to the enum of a registry's codes."""

    def union(self, classes: tuple[type, ...]) -> dict[str, Any]:
        """A reference to one model class, or a ``oneOf`` of several."""


class Pen(Protocol):
    """What a kind needs to draw a valid value (``gcm_model.testing``)."""

    linked: bool
    """The object belongs to a generated dataset: references are left to its builders."""

    def text(self) -> str:
        """A valid text."""

    def email(self) -> str:
        """A valid email address."""

    def id(self) -> str:
        """A valid id."""

    def moment(self) -> dt.date:
        """A date or an offset-aware datetime."""

    def zone(self) -> str:
        """An IANA time zone name."""

    def integer(self, low: int, high: int) -> int:
        """An int from ``low`` to ``high``."""

    def pick(self, pool: Sequence[Any]) -> Any:
        """One item of a non-empty pool."""

    def subset(self, pool: Sequence[Any], *, min_size: int) -> tuple[Any, ...]:
        """Distinct items of a pool."""

    def child(self, cls: type) -> Any:
        """A valid object of a model class."""


class CellError(Exception):
    """A CSV cell that does not read as its column's kind.

    Attributes:
        rule: the rule slug (``wrong-type``, ``json-syntax``).
        message: what is wrong.
    """

    def __init__(self, rule: str, message: str) -> None:
        """A problem of a rule, with its message."""
        super().__init__(message)
        self.rule, self.message = rule, message


class Cell:
    """How a field's CSV cell is read back into its wire (JSON) value: the text as it is."""

    name: ClassVar[str] = "str"

    def read(self, text: str) -> Any:
        """The JSON value of a non-empty cell.

        Raises:
            CellError: the cell does not read as this kind of cell.
        """
        return text


class IntCell(Cell):
    """An integer, written in digits."""

    name: ClassVar[str] = "int"

    def read(self, text: str) -> int:
        """The integer (an optional minus, then digits)."""
        if text.strip().lstrip("-").isdigit():
            return int(text)
        raise CellError("wrong-type", f"expected an integer, got {text!r}")


class BoolCell(Cell):
    """``true`` or ``false``."""

    name: ClassVar[str] = "bool"

    def read(self, text: str) -> bool:
        """``True`` or ``False``."""
        if text in ("true", "false"):
            return text == "true"
        raise CellError("wrong-type", f"expected true or false, got {text!r}")


class JsonCell(Cell):
    """Lists and nested objects, as JSON text."""

    name: ClassVar[str] = "json"

    def read(self, text: str) -> Any:
        """The parsed JSON."""
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError as exc:
            raise CellError("json-syntax", f"invalid JSON in the cell: {exc.msg}") from None


TEXT_CELL, INT_CELL, BOOL_CELL, JSON_CELL = Cell(), IntCell(), BoolCell(), JsonCell()


# -- the kinds ------------------------------------------------------------------------------


@attrs.frozen
class Kind:
    """One kind of value a field holds; a subclass per kind.

    Attributes:
        optional: whether ``None`` is allowed (read from the annotation by
            ``derive``; the items of a list are never optional).
    """

    optional: bool = attrs.field(default=True, kw_only=True)

    unique: ClassVar[bool] = False
    """Whether an item may be listed once only in a list of this kind."""
    cell: ClassVar[Cell] = TEXT_CELL
    """How a field of this kind is written in a CSV cell."""
    noun: ClassVar[str] = "values"
    """What a list of this kind holds, for messages (``expected a list of ...``)."""
    missing: ClassVar[str] = "a value is required"

    def named(self, value: object) -> str:
        """A value as messages name it."""
        return repr(value)

    def problems(self, field: str, value: object, *, deep: bool = True) -> Iterator[Problem]:
        """What is wrong with ``value`` for this kind, at ``field``.

        With ``deep`` false, nested model objects are checked for their type
        only, not for their own problems.
        """
        if value is None:
            if not self.optional:
                yield Problem("missing-field", field, value, self.missing)
            return
        yield from self.value_problems(field, value, deep=deep)

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """What is wrong with a value that is not ``None``."""
        raise NotImplementedError  # pragma: no cover - every kind defines it

    def fast(self) -> Callable[[Any], bool]:
        """A quick test: ``True`` means valid; ``False`` means: ask ``problems``."""
        test = self.test()
        if self.optional:
            return lambda v: v is None or test(v)
        return test

    def test(self) -> Callable[[Any], bool]:
        """A quick test of a value that is not ``None``."""
        raise NotImplementedError  # pragma: no cover - every kind defines it

    def converter(self) -> Callable[[Any], Any] | None:
        """What the constructor applies to a value first (none: taken as it is)."""
        return None

    def nested(self, value: object) -> tuple[Any, ...]:
        """The model objects a value of this kind holds (for deep checks)."""
        del value
        return ()

    def holds_objects(self) -> bool:
        """Whether a value of this kind can hold model objects (``nested``)."""
        return False

    def starts(self) -> str | None:
        """The field a value of this kind must not come before, if any."""
        return None

    def walks(self) -> bool:
        """Whether ``references`` can yield anything for this kind."""
        return False

    def references(self, value: object, at: str) -> Iterator[tuple[str, str, tuple[str, ...]]]:
        """Every ``(pointer tail, id, target collections)`` a value refers to."""
        del value, at
        return iter(())

    def decode(self, build: DecoderBuilder, at: int) -> None:
        """Source lines that check a present, non-null JSON value ``v`` and convert it in place."""
        test = self.decode_test(build, "v")
        if test is None:
            build.add(at, f"v = {self.decode_convert(build, 'v')}")
        else:
            build.add(at, f"if not ({test}):")
            build.reject(at + 1)

    def decode_test(self, build: DecoderBuilder, item: str) -> str | None:
        """Source of an expression true when the JSON value ``item`` is valid as it is.

        ``None`` for kinds whose JSON value must be converted (``decode_convert``).
        """
        del build, item
        return None

    def decode_convert(self, build: DecoderBuilder, item: str) -> str:
        """Source of an expression turning the JSON value ``item`` into its value, or raising."""
        del build, item
        raise UnsupportedError(
            type(self).__name__
        )  # pragma: no cover - kinds that convert define it

    def schema(self, build: SchemaBuilder) -> dict[str, Any]:
        """The JSON Schema of a field of this kind."""
        schema = self.item_schema(build)
        return {"anyOf": [schema, {"type": "null"}]} if self.optional else schema

    def item_schema(self, build: SchemaBuilder) -> dict[str, Any]:
        """The JSON Schema of a value that is not ``None``."""
        raise NotImplementedError  # pragma: no cover - every kind defines it

    def draw(self, pen: Pen) -> Any:
        """A valid value, drawn with ``pen``."""
        raise NotImplementedError  # pragma: no cover - every kind defines it

    def empty(self) -> Any:
        """The value of the field left out (``None``), or ``NO_VALUE`` if it is required."""
        return None if self.optional else NO_VALUE

    def without_none(self) -> Kind:
        """This kind for an item of a list: never ``None``."""
        return attrs.evolve(self, optional=False)


@attrs.frozen
class Text(Kind):
    """Text: a non-blank string, trimmed, without control characters."""

    noun: ClassVar[str] = "strings"

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Wrong type, blank, untrimmed, or holding a control character."""
        del deep
        if not isinstance(value, str):
            yield Problem("wrong-type", field, value, "expected a string")
        elif not value.strip():
            yield Problem("invalid-value", field, value, "must not be blank")
        elif value != value.strip():
            yield Problem("invalid-value", field, value, "has spaces at its start or end")
        elif CONTROL.search(value):
            yield Problem("invalid-value", field, value, "holds a control character")

    def test(self) -> Callable[[Any], bool]:
        """A string, non-blank, trimmed, without control characters."""
        return _good_text

    def decode_test(self, build: DecoderBuilder, item: str) -> str:
        """The same tests, as source; the control-character search only where needed."""
        test = f"type({item}) is str and {item} != '' and {item}.strip() == {item}"
        if not build.plain:
            test += f" and {build.bind('ctrl', CONTROL.search)}({item}) is None"
        return test

    def item_schema(self, build: SchemaBuilder) -> dict[str, Any]:
        """The shared ``Text`` definition."""
        return build.shared("Text")

    def draw(self, pen: Pen) -> str:
        """A text."""
        return pen.text()


def _good_text(value: object) -> bool:
    return (
        type(value) is str
        and value != ""
        and value == value.strip()
        and CONTROL.search(value) is None
    )


@attrs.frozen
class Email(Text):
    """An email address: text with a name, ``@`` and a domain."""

    noun: ClassVar[str] = "email addresses"

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Text problems, and not of the shape ``name@domain``."""
        yield from super().value_problems(field, value, deep=deep)
        if isinstance(value, str) and value.strip() and not EMAIL.fullmatch(value):
            yield Problem("invalid-value", field, value, "not an email address (name@domain)")

    def test(self) -> Callable[[Any], bool]:
        """Good text of the shape ``name@domain``."""
        match = EMAIL.fullmatch
        return lambda v: _good_text(v) and match(v) is not None

    def decode_test(self, build: DecoderBuilder, item: str) -> str:
        """The text tests and the shape, as source."""
        email = build.bind("email", EMAIL.fullmatch)
        return f"{super().decode_test(build, item)} and {email}({item}) is not None"

    def item_schema(self, build: SchemaBuilder) -> dict[str, Any]:
        """A string of the shape of ``EMAIL``."""
        del build
        return {
            "type": "string",
            "pattern": f"^{EMAIL.pattern}$",
            "description": "An email address.",
        }

    def draw(self, pen: Pen) -> str:
        """An email address."""
        return pen.email()


@attrs.frozen
class Note(Text):
    """Free text that may be empty: notes, or a description where a source says nothing.

    Otherwise as ``Text``: trimmed, without control characters.
    """

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Text problems, unless it is empty."""
        if value != "":
            yield from super().value_problems(field, value, deep=deep)

    def test(self) -> Callable[[Any], bool]:
        """Empty, or good text."""
        return lambda v: v == "" or _good_text(v)

    def decode_test(self, build: DecoderBuilder, item: str) -> str:
        """Empty, or the text tests, as source."""
        return f"({item} == '' or {super().decode_test(build, item)})"

    def item_schema(self, build: SchemaBuilder) -> dict[str, Any]:
        """The empty string, or the shared ``Text`` definition."""
        return {"anyOf": [{"const": ""}, build.shared("Text")]}

    def draw(self, pen: Pen) -> str:
        """Empty, or a text."""
        return pen.pick(("", pen.text()))  # type: ignore[no-any-return]


_REGISTRIES: dict[str, Any] = {}
"""The registries of ``gcm_model.registry`` by name, as that module hands them over."""


def use_registries(**found: Any) -> None:
    """Make the registries known to ``Code`` by their names (``countries``, ``commissions``...).

    ``gcm_model.registry`` calls it when it is loaded, and importing any part
    of the package loads it. The kinds cannot import the registry module:
    it holds the reference records, which are declared by kinds.
    """
    _REGISTRIES.update(found)


@attrs.frozen
class Code(Kind):
    """The canonical code of a record of a registry of ``gcm_model.registry``.

    Attributes:
        registry: the registry's name there (``countries``, ``commissions``...).
    """

    registry: str
    unique: ClassVar[bool] = True

    @property
    def noun(self) -> str:  # type: ignore[override] # a ClassVar elsewhere, per registry here
        """``country codes``, ``commission codes``..."""
        return f"{self.of().kind} codes"

    @property
    def missing(self) -> str:  # type: ignore[override]
        """``a country code is required``..."""
        return f"a {self.of().kind} code is required"

    @property
    def cell(self) -> Cell:  # type: ignore[override]
        """Numbers (cluster numbers) are ``int`` cells, other codes text."""
        return INT_CELL if self.numbers() else TEXT_CELL

    def of(self) -> Any:
        """The registry, as ``gcm_model.registry`` handed it over (``use_registries``)."""
        return _REGISTRIES[self.registry]

    def codes(self) -> Any:
        """The canonical codes (the registry's records by code, read only)."""
        return self.of()._records  # noqa: SLF001 - the registries' own index, read only

    def numbers(self) -> bool:
        """Whether the codes are ints (cluster numbers) rather than strings."""
        return all(type(code) is int for code in self.codes())

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Not a string (or number), unknown, or not written canonically."""
        del deep
        reg = self.of()
        if not isinstance(value, str | int) or isinstance(value, bool):
            yield Problem("wrong-type", field, value, f"a {reg.kind} code must be a string")
            return
        try:
            canonical = reg.validate(value)
        except GcmError as exc:
            hint = getattr(exc, "suggestions", ())
            also = f"; did you mean {', '.join(map(repr, hint))}?" if hint else ""
            yield Problem("unknown-code", field, value, f"unknown {reg.kind} {value!r}{also}")
            return
        if canonical != value:
            yield Problem("invalid-value", field, value, f"write the {reg.kind} as {canonical!r}")

    def test(self) -> Callable[[Any], bool]:
        """A canonical code (looked up when first asked: the registries load lazily)."""
        found: list[Any] = []

        def test(value: Any) -> bool:
            if not found:
                found.append(self.codes())
            return type(value) in (str, int) and value in found[0]

        return test

    def decode_test(self, build: DecoderBuilder, item: str) -> str:
        """A canonical code of the right type, as source."""
        scalar = "int" if self.numbers() else "str"
        return f"type({item}) is {scalar} and {item} in {build.bind('codes', self.codes())}"

    def item_schema(self, build: SchemaBuilder) -> dict[str, Any]:
        """The enum of the registry's codes."""
        return build.codes(self.registry)

    def draw(self, pen: Pen) -> Any:
        """A code of the registry."""
        return pen.pick(tuple(self.codes()))

    def subset(self, pen: Pen, *, min_size: int) -> tuple[Any, ...]:
        """Distinct codes of the registry."""
        return pen.subset(tuple(self.codes()), min_size=min_size)


@attrs.frozen
class Objective(Kind):
    """A GCM objective number, 1 to 23 (A/RES/73/195, para. 16)."""

    unique: ClassVar[bool] = True
    cell: ClassVar[Cell] = INT_CELL
    noun: ClassVar[str] = "objective numbers"

    def named(self, value: object) -> str:
        """``objective 11``."""
        return f"objective {value}"

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Not an int, or not in 1..23."""
        del deep
        if not _is_int(value):
            yield Problem("wrong-type", field, value, f"objective {value!r} is not an int")
        elif not 1 <= value <= 23:  # type: ignore[operator] # _is_int checked it
            yield Problem("unknown-objective", field, value, f"objective {value} is not in 1..23")

    def test(self) -> Callable[[Any], bool]:
        """An int in 1..23."""
        return lambda v: type(v) is int and 1 <= v <= 23

    def decode_test(self, build: DecoderBuilder, item: str) -> str:
        """An int in 1..23, as source."""
        del build
        return f"type({item}) is int and 1 <= {item} <= 23"

    def item_schema(self, build: SchemaBuilder) -> dict[str, Any]:
        """An integer from 1 to 23."""
        del build
        return {"type": "integer", "minimum": 1, "maximum": 23}

    def draw(self, pen: Pen) -> int:
        """An objective number."""
        return pen.integer(1, 23)

    def subset(self, pen: Pen, *, min_size: int) -> tuple[Any, ...]:
        """Distinct objective numbers, ascending."""
        return tuple(sorted(pen.subset(range(1, 24), min_size=min_size)))


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@attrs.frozen
class Id(Kind):
    """A record's own id: 1-128 letters, digits, ``.``, ``_``, ``:`` or ``-``."""

    noun: ClassVar[str] = "ids"

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Not a string, or not of the id's shape."""
        del deep
        if not isinstance(value, str):
            yield Problem("wrong-type", field, value, "an id must be a string")
        elif not ID_PATTERN.fullmatch(value):
            yield Problem(
                "invalid-value",
                field,
                value,
                "an id is 1-128 letters, digits, '.', '_', ':' or '-', "
                "starting with a letter or digit",
            )

    def test(self) -> Callable[[Any], bool]:
        """A string of the id's shape."""
        match = ID_PATTERN.fullmatch
        return lambda v: type(v) is str and match(v) is not None

    def decode_test(self, build: DecoderBuilder, item: str) -> str:
        """A well-formed id (remembered once found so), as source."""
        del build
        return f"type({item}) is str and ({item} in _ids or _id({item}))"

    def item_schema(self, build: SchemaBuilder) -> dict[str, Any]:
        """The shared ``Id`` definition."""
        return build.shared("Id")

    def draw(self, pen: Pen) -> str:
        """An id."""
        return pen.id()


def _names(names: str | Sequence[str]) -> tuple[str, ...]:
    return (names,) if isinstance(names, str) else tuple(names)


@attrs.frozen
class Ref(Id):
    """A reference to a record of the dataset by its id.

    Attributes:
        targets: the dataset collections the id may name, first the likeliest:
            ``Ref("meetings")``, ``Ref(("meetings", "events"))``.
    """

    targets: tuple[str, ...] = attrs.field(converter=_names)
    unique: ClassVar[bool] = True

    def walks(self) -> bool:
        """References are what ``references`` yields."""
        return True

    def references(self, value: object, at: str) -> Iterator[tuple[str, str, tuple[str, ...]]]:
        """The id referred to, if it is one."""
        if isinstance(value, str):
            yield at, value, self.targets

    def draw(self, pen: Pen) -> str | None:  # type: ignore[override] # None: left to the builders
        """An id; ``None`` in a dataset, whose builders link records themselves."""
        return None if pen.linked and self.optional else pen.id()

    def subset(self, pen: Pen, *, min_size: int) -> tuple[Any, ...]:
        """Ids; none in a dataset, whose builders link records themselves."""
        if pen.linked:
            return ()
        return tuple(dict.fromkeys(pen.id() for _ in range(pen.integer(min_size, 2))))


@attrs.frozen
class When(Kind):
    """A day (``date``), or an instant with its UTC offset (``datetime``).

    Attributes:
        after: the field this one must not come before (an end and its
            start); checked as a relation of the object.
    """

    after: str | None = None
    noun: ClassVar[str] = "dates or datetimes"
    missing: ClassVar[str] = "a date or datetime is required"

    def starts(self) -> str | None:
        """The field declared ``after``."""
        return self.after

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Not a date, or a naive datetime."""
        del deep
        if isinstance(value, dt.datetime):
            if value.utcoffset() is None:
                yield Problem(
                    "invalid-value", field, value, "a datetime needs a time zone (it is naive)"
                )
        elif not isinstance(value, dt.date):
            yield Problem("wrong-type", field, value, "expected a date or datetime")

    def test(self) -> Callable[[Any], bool]:
        """A date, or a datetime with an offset."""
        return lambda v: (
            type(v) is dt.date or (type(v) is dt.datetime and v.utcoffset() is not None)
        )

    def decode_convert(self, build: DecoderBuilder, item: str) -> str:
        """Its moment read lately, else read (and checked) now."""
        del build
        return f"((type({item}) is str and _moments.get({item})) or _moment({item}))"

    def item_schema(self, build: SchemaBuilder) -> dict[str, Any]:
        """The shared ``Moment`` definition."""
        return build.shared("Moment")

    def draw(self, pen: Pen) -> dt.date:
        """A date or an offset-aware datetime."""
        return pen.moment()


@attrs.frozen
class Choice(Kind):
    """A member of an enum; the constructor also takes the member's value.

    Attributes:
        of: the enum class.
    """

    of: type[enum.Enum]
    noun: ClassVar[str] = "values"

    def converter(self) -> Callable[[Any], Any]:
        """An enum's value (``"regional_review"``) becomes its member, as in JSON."""
        members = self.of._value2member_map_
        return lambda v: members.get(v, v) if type(v) is str else v

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Not a member."""
        del deep
        if not isinstance(value, self.of):
            members = ", ".join(repr(m.value) for m in self.of)
            yield Problem("wrong-type", field, value, f"expected one of {members}")

    def test(self) -> Callable[[Any], bool]:
        """A member."""
        of = self.of
        return lambda v: isinstance(v, of)

    def decode_convert(self, build: DecoderBuilder, item: str) -> str:
        """The member of a value (an unknown value raises ``KeyError``: decode in detail)."""
        return f"{build.bind('members', dict(self.of._value2member_map_))}[{item}]"

    def item_schema(self, build: SchemaBuilder) -> dict[str, Any]:
        """The enum of the members' values."""
        del build
        return {"enum": [m.value for m in self.of]}

    def draw(self, pen: Pen) -> enum.Enum:
        """A member."""
        return pen.pick(tuple(self.of))  # type: ignore[no-any-return]

    def subset(self, pen: Pen, *, min_size: int) -> tuple[Any, ...]:
        """Distinct members."""
        return pen.subset(tuple(self.of), min_size=min_size)


@attrs.frozen
class Flag(Kind):
    """``True`` or ``False``."""

    cell: ClassVar[Cell] = BOOL_CELL

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Not a bool."""
        del deep
        if not isinstance(value, bool):
            yield Problem("wrong-type", field, value, "expected true or false")

    def problems(self, field: str, value: object, *, deep: bool = True) -> Iterator[Problem]:
        """A required flag given ``None`` is of the wrong type (as before: no separate rule)."""
        if value is None and not self.optional:
            yield Problem("wrong-type", field, value, "expected true or false")
            return
        yield from super().problems(field, value, deep=deep)

    def test(self) -> Callable[[Any], bool]:
        """A bool."""
        return lambda v: type(v) is bool

    def decode_test(self, build: DecoderBuilder, item: str) -> str:
        """A bool, as source."""
        del build
        return f"type({item}) is bool"

    def item_schema(self, build: SchemaBuilder) -> dict[str, Any]:
        """A boolean."""
        del build
        return {"type": "boolean"}

    def draw(self, pen: Pen) -> bool:
        """True or False."""
        return bool(pen.integer(0, 1))


@attrs.frozen
class Count(Kind):
    """A positive int, such as minutes or a session's number."""

    cell: ClassVar[Cell] = INT_CELL

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Not a positive int."""
        del deep
        if not _is_int(value) or value <= 0:  # type: ignore[operator] # _is_int checked it
            yield Problem("invalid-value", field, value, "expected a positive int")

    def test(self) -> Callable[[Any], bool]:
        """A positive int."""
        return lambda v: type(v) is int and v > 0

    def decode_test(self, build: DecoderBuilder, item: str) -> str:
        """A positive int, as source."""
        del build
        return f"type({item}) is int and {item} > 0"

    def item_schema(self, build: SchemaBuilder) -> dict[str, Any]:
        """An integer from 1."""
        del build
        return {"type": "integer", "minimum": 1}

    def draw(self, pen: Pen) -> int:
        """A count."""
        return pen.integer(1, 600)


@attrs.frozen
class TimeZone(Kind):
    """An IANA time zone name (``Europe/Zurich``)."""

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Not a string, or no zone of that name."""
        del deep
        if not isinstance(value, str):
            yield Problem("wrong-type", field, value, "expected an IANA time zone name")
        elif zone(value) is None:
            yield Problem("invalid-value", field, value, f"{value!r} is not an IANA time zone name")

    def test(self) -> Callable[[Any], bool]:
        """The name of a zone."""
        return lambda v: type(v) is str and zone(v) is not None

    def decode_test(self, build: DecoderBuilder, item: str) -> str:
        """The name of a zone, as source."""
        return f"type({item}) is str and {build.bind('zone', zone)}({item}) is not None"

    def item_schema(self, build: SchemaBuilder) -> dict[str, Any]:
        """A string shaped like a zone name."""
        del build
        return {"type": "string", "pattern": r"^(UTC|[A-Za-z_]+(/[A-Za-z0-9_+-]+)+)$"}

    def draw(self, pen: Pen) -> str:
        """A zone name."""
        return pen.zone()


@attrs.frozen
class Child(Kind):
    """A nested model object of one class, or of a tagged union of classes.

    Attributes:
        of: a function returning the class or the classes (resolved late:
            classes refer to classes defined after them).
    """

    of: Callable[[], type | tuple[type, ...]]
    cell: ClassVar[Cell] = JSON_CELL

    def allowed(self) -> tuple[type, ...]:
        """The model classes accepted."""
        found = self.of()
        return found if isinstance(found, tuple) else (found,)

    @property
    def noun(self) -> str:  # type: ignore[override]
        """The class names."""
        return " or ".join(cls.__name__ for cls in self.allowed())

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Not of an allowed class, or (``deep``) the object's own problems, under ``field``."""
        if not isinstance(value, self.allowed()):
            yield Problem("wrong-type", field, value, f"expected {self.noun}")
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
        by_kind = {cls.__dict__["kind"]: build.child(cls) for cls in allowed}
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

    def converter(self) -> Callable[[Any], Any]:
        """A list becomes a tuple, each item converted as its kind converts it."""
        convert = self.item.converter()
        if convert is None:
            return to_tuple
        return lambda v: tuple(map(convert, v)) if isinstance(v, list | tuple) else v

    def problems(self, field: str, value: object, *, deep: bool = True) -> Iterator[Problem]:
        """Not a list, empty where items are required, bad items, or items listed twice."""
        if not isinstance(value, tuple):
            yield Problem("wrong-type", field, value, f"expected a list of {self.item.noun}")
            return
        if self.non_empty and not value:
            yield Problem("invalid-value", field, value, "give at least one")
        seen: set[object] = set()
        for index, item in enumerate(value):
            where = f"{field}[{index}]"
            found = list(self.item.problems(where, item, deep=deep))
            yield from found
            if self.item.unique and not found:
                if item in seen:
                    yield Problem(
                        "invalid-value", where, item, f"{self.item.named(item)} is listed twice"
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
            for index, item in enumerate(value):
                yield from self.item.references(item, f"{at}/{index}")

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
        return tuple(dict.fromkeys(values)) if isinstance(self.item, Text) else tuple(values)

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


def to_tuple(value: Any) -> Any:
    """Turn a list into a tuple and leave anything else for the checks to judge.

    The converter of every list field, so a notebook user may pass a list. A
    string is left alone on purpose: ``tuple("ESP")`` would make three codes.
    """
    return tuple(value) if isinstance(value, list | tuple) else value


# -- declaring fields -----------------------------------------------------------------------


@attrs.frozen
class _Declaration:
    """What ``field`` was told, until ``derive`` reads the annotation."""

    kind: Kind
    non_empty: bool


def field(
    kind: Kind,
    *,
    default: Any = attrs.NOTHING,
    non_empty: bool = False,
    repr: bool = True,  # noqa: A002 - attrs's own name for it
) -> Any:
    """Declare a field of a model class by its kind.

    The annotation says the rest (``derive`` reads it): ``X | None`` may be
    ``None`` and defaults to it; ``tuple[X, ...]`` is a list, converted from
    a list and empty by default (required where ``non_empty``); anything
    else is required, unless ``default`` is given.

    Args:
        kind: what the field (or each item of a list) holds.
        default: a default other than those.
        non_empty: for a list, at least one item is required (and the field).
        repr: whether ``repr`` shows the field (the long texts of reference
            records stay out of the way).

    Returns:
        An attrs field.
    """
    return attrs.field(default=default, repr=repr, metadata={KEY: _Declaration(kind, non_empty)})


def _shape(annotation: object) -> tuple[bool, bool]:
    """``(optional, many)`` of an annotation, as a string or as a type."""
    if isinstance(annotation, str):
        parts = {part.strip() for part in annotation.split("|")}
        return "None" in parts, annotation.startswith("tuple[") and annotation.endswith(", ...]")
    args = typing.get_args(annotation)
    union = isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union
    many = typing.get_origin(annotation) is tuple and len(args) == 2 and args[1] is Ellipsis
    return union and type(None) in args, many


def derive(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """The field transformer of the model classes: each declared field's kind, default, converter.

    Model classes and reference records are made with
    ``@attrs.frozen(kw_only=True, field_transformer=derive)``, spelled out so
    that mypy's attrs plugin sees an attrs class.
    """
    del cls
    out = []
    for attribute in fields:
        declaration = attribute.metadata.get(KEY)
        if not isinstance(declaration, _Declaration):
            out.append(attribute)
            continue
        optional, many = _shape(attribute.type)
        default = attribute.default
        kind: Kind
        if many:
            kind = Many(item=declaration.kind.without_none(), non_empty=declaration.non_empty)
            if default is attrs.NOTHING and not declaration.non_empty:
                default = attrs.Factory(tuple)
            kind = attrs.evolve(kind, optional=False)
        else:
            kind = attrs.evolve(declaration.kind, optional=optional)
            if default is attrs.NOTHING and optional:
                default = None
        out.append(
            attribute.evolve(
                default=default,
                converter=kind.converter(),
                metadata=types.MappingProxyType({**attribute.metadata, KEY: kind}),
            )
        )
    return out


def kind_of(attribute: attrs.Attribute[Any]) -> Kind | None:
    """The kind of an attrs field, if it was declared with ``field``."""
    found = attribute.metadata.get(KEY)
    return found if isinstance(found, Kind) else None


_DECLARED: dict[type, tuple[tuple[str, Kind], ...]] = {}


def declared(cls: type) -> tuple[tuple[str, Kind], ...]:
    """Every declared field of a model class and its kind, in field order (read once)."""
    try:
        return _DECLARED[cls]
    except KeyError:
        pass
    found = tuple(
        (attribute.name, kind)
        for attribute in attrs.fields(cls)
        if (kind := kind_of(attribute)) is not None
    )
    _DECLARED[cls] = found
    return found


_WALKS: dict[type, tuple[tuple[str, Kind], ...]] = {}


def declared_walks(cls: type) -> tuple[tuple[str, Kind], ...]:
    """The declared fields of a class that can hold references (read once).

    Empty for a class with neither references nor nested objects holding
    some (``Venue``, ``DocumentRef``...), whose objects are then skipped.
    """
    try:
        return _WALKS[cls]
    except KeyError:
        pass
    _WALKS[cls] = ()  # a class nested in itself holds what it holds already
    found = tuple((name, kind) for name, kind in declared(cls) if kind.walks())
    _WALKS[cls] = found
    return found


def references(record: object, prefix: str = "") -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """Every ``(pointer tail, id, target collections)`` a record refers to, nested included.

    Examples:
        >>> from gcm_model.models.reports import Report
        >>> list(references(Report(id="r", kind="outcome_report", meetings=("m1",))))
        [('meetings/0', 'm1', ('meetings',))]
    """
    for name, kind in declared_walks(type(record)):
        yield from kind.references(getattr(record, name), f"{prefix}{name}")
