"""What a field of a model class holds, declared once and asked by every consumer.

Each field of a model class, and of a reference record, is declared with
``field(KIND)``, where the kind is one of the classes below: ``Text()``,
``Note()``, ``Email()``, ``Code("countries")``, ``Objective()``, ``Id()``,
``Ref("meetings")``, ``When()``, ``Choice(MeetingKind)``, ``Flag()``,
``Count()``, ``TimeZone()`` or ``Child(lambda: Venue)`` (with ``Many``, in
``gcm_model.models._nested``), or one of the
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
* the cattrs hooks (``gcm_model._hooks``) and the detailed path
  (``gcm_model._detail``), which decodes in detail what the generated
  decoder refuses: ``structure()``; and ``unstructure()``, with which the
  hooks and ``to_json`` write a record;
* the JSON Schema (``gcm_model.schema``): ``schema()``;
* the Hypothesis strategies (``gcm_model.testing``): ``draw()``;
* the CSV tables and DataFrames (``gcm_model.tabular``): ``tabulate()`` (a
  column, columns of a nested object, or a table of its own for a list),
  ``cell`` and ``frame`` (with ``categories()``);
* the rules (``gcm_model.validation``): ``references()`` and ``nested()``.

The base class ``Kind``, the interfaces of those consumers, the CSV cells and
the lookups of a class's declared kinds (``declared``, ``kind_of``,
``references``) are in ``gcm_model.models._kind``, below this module; they
are importable from here.

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
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from gcm_model.dates import moment_or_none, read_moment, zone
from gcm_model.errors import GcmError
from gcm_model.models._kind import (
    BOOL_CELL,
    INT_CELL,
    KEY,
    NO_VALUE,
    TEXT_CELL,
    Cell,
    CellError,
    DecoderBuilder,
    EncoderBuilder,
    Kind,
    Pen,
    SchemaBuilder,
    Structurer,
    UnsupportedError,
    declared,
    kind_of,
    parsed,
    references,
    tag_of,
    to_json,
    to_tuple,
)
from gcm_model.models._nested import Child, Many
from gcm_model.models.checks import CONTROL, EMAIL, EMAIL_TEXT, ID_PATTERN, Problem

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

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
    "KEY",
    "Kind",
    "Many",
    "NO_VALUE",
    "Note",
    "Objective",
    "Ref",
    "Text",
    "TimeZone",
    "UnsupportedError",
    "When",
    "declared",
    "derive",
    "field",
    "kind_of",
    "references",
    "tag_of",
    "to_json",
    "to_tuple",
    "use_registries",
]

# -- the kinds ------------------------------------------------------------------------------


@attrs.frozen
class Text(Kind):
    """Text: a non-blank string, trimmed, without control characters."""

    noun: ClassVar[str] = "strings"

    def plain(self) -> type:
        """Written as it is."""
        return str

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Wrong type, blank, untrimmed, or holding a control character."""
        del deep
        if not isinstance(value, str):
            yield Problem("wrong-type", field, "expected a string", value)
        elif not value.strip():
            yield Problem("invalid-value", field, "must not be blank", value)
        elif value != value.strip():
            yield Problem("invalid-value", field, "has spaces at its start or end", value)
        elif CONTROL.search(value):
            yield Problem("invalid-value", field, "holds a control character", value)

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
            yield Problem("invalid-value", field, "not an email address (name@domain)", value)

    def test(self) -> Callable[[Any], bool]:
        """Good text of the shape ``name@domain``."""
        match = EMAIL.fullmatch
        return lambda v: _good_text(v) and match(v) is not None

    def decode_test(self, build: DecoderBuilder, item: str) -> str:
        """The text tests and the shape, as source."""
        email = build.bind("email", EMAIL.fullmatch)
        return f"{super().decode_test(build, item)} and {email}({item}) is not None"

    def item_schema(self, build: SchemaBuilder) -> dict[str, Any]:
        """A string of the shape of ``EMAIL``, without control characters."""
        del build
        return {
            "type": "string",
            "pattern": EMAIL_TEXT,
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
    _NUMBERS.clear()


_NUMBERS: dict[str, bool] = {}
"""Per registry name, whether its codes are ints: asked for every value a ``Code`` reads."""


@attrs.frozen
class Code(Kind):
    """The canonical code of a record of a registry of ``gcm_model.registry``.

    Attributes:
        registry: the registry's name there (``countries``, ``commissions``...).
    """

    registry: str
    unique: ClassVar[bool] = True

    def plain(self) -> type:
        """Written as it is: ``int`` for numbers, else ``str``."""
        return int if self.numbers() else str

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

    @property
    def frame(self) -> str:  # type: ignore[override]
        """Numbers (cluster numbers) are nullable ints, other codes categoricals."""
        return "int" if self.numbers() else "code"

    def categories(self) -> tuple[Any, ...]:
        """The registry's codes."""
        return tuple(self.codes())

    def of(self) -> Any:
        """The registry, as ``gcm_model.registry`` handed it over (``use_registries``)."""
        return _REGISTRIES[self.registry]

    def codes(self) -> Any:
        """The canonical codes (the registry's records by code, read only)."""
        return self.of()._records  # noqa: SLF001 - the registries' own index, read only

    def numbers(self) -> bool:
        """Whether the codes are ints (cluster numbers) rather than strings (kept per registry)."""
        try:
            return _NUMBERS[self.registry]
        except KeyError:
            found = _NUMBERS[self.registry] = all(type(code) is int for code in self.codes())
            return found

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Not a string (or number), unknown, or not written canonically."""
        del deep
        reg = self.of()
        if not isinstance(value, str | int) or isinstance(value, bool):
            yield Problem("wrong-type", field, f"a {reg.kind} code must be a string", value)
            return
        try:
            canonical = reg.validate(value)
        except GcmError as exc:
            hint = getattr(exc, "suggestions", ())
            also = f"; did you mean {', '.join(map(repr, hint))}?" if hint else ""
            yield Problem("unknown-code", field, f"unknown {reg.kind} {value!r}{also}", value)
            return
        if canonical != value:
            yield Problem("invalid-value", field, f"write the {reg.kind} as {canonical!r}", value)

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
    frame: ClassVar[str] = "int"
    noun: ClassVar[str] = "objective numbers"

    def plain(self) -> type:
        """Written as it is."""
        return int

    def named(self, value: object) -> str:
        """``objective 11``."""
        return f"objective {value}"

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Not an int, or not in 1..23."""
        del deep
        if not _is_int(value):
            yield Problem("wrong-type", field, f"objective {value!r} is not an int", value)
        elif not 1 <= value <= 23:  # type: ignore[operator] # _is_int checked it
            yield Problem("unknown-objective", field, f"objective {value} is not in 1..23", value)

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

    def plain(self) -> type:
        """Written as it is."""
        return str

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Not a string, or not of the id's shape."""
        del deep
        if not isinstance(value, str):
            yield Problem("wrong-type", field, "an id must be a string", value)
        elif not ID_PATTERN.fullmatch(value):
            yield Problem(
                "invalid-value",
                field,
                "an id is 1-128 letters, digits, '.', '_', ':' or '-', "
                "starting with a letter or digit",
                value,
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

    def references_in(
        self, values: tuple[Any, ...], at: str
    ) -> Iterator[tuple[str, str, tuple[str, ...]]]:
        """The ids of a list of references (one loop: records hold many)."""
        targets = self.targets
        for index, item in enumerate(values):
            if isinstance(item, str):
                yield f"{at}/{index}", item, targets

    def draw(self, pen: Pen) -> str | None:  # type: ignore[override] # None: left to the builders
        """An id; ``None`` in a dataset, whose builders link records themselves."""
        return None if pen.linked and self.optional else pen.id()

    def subset(self, pen: Pen, *, min_size: int) -> tuple[Any, ...]:
        """Ids; none in a dataset, whose builders link records themselves."""
        if pen.linked:
            return ()
        return tuple(dict.fromkeys(pen.id() for _ in range(pen.integer(min_size, 2))))


_MINUTE = dt.timedelta(minutes=1)


def _whole_minutes(value: dt.datetime) -> bool:
    """Whether a datetime has an offset the format writes: whole minutes (``+05:45``)."""
    offset = value.utcoffset()
    return offset is not None and not offset % _MINUTE


@attrs.frozen
class When(Kind):
    """A day (``date``), or an instant with its UTC offset (``datetime``).

    Attributes:
        after: the field this one must not come before (an end and its
            start); checked as a relation of the object.
    """

    after: str | None = None
    frame: ClassVar[str] = "moment"
    noun: ClassVar[str] = "dates or datetimes"
    missing: ClassVar[str] = "a date or datetime is required"

    def encode(self, build: EncoderBuilder, item: str) -> str:
        """As orjson writes ``isoformat()``."""
        return build.moment(item)

    def starts(self) -> str | None:
        """The field declared ``after``."""
        return self.after

    def converter(self) -> Callable[[Any], Any]:
        """The ISO text of a date or datetime becomes the moment, as in JSON.

        Only the two forms the wire format takes (``gcm_model.dates.read_moment``);
        any other text stays as it is, for the checks to report.
        """
        return lambda v: (moment_or_none(v) or v) if type(v) is str else v

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Not a date, a naive datetime, or an offset the format cannot write."""
        del deep
        if isinstance(value, dt.datetime):
            offset = value.utcoffset()
            if offset is None:
                yield Problem(
                    "invalid-value", field, "a datetime needs a time zone (it is naive)", value
                )
            elif offset % _MINUTE:
                yield Problem(
                    "invalid-value",
                    field,
                    f"{value.isoformat()} has a UTC offset with seconds, which the dataset"
                    " format cannot write (+HH:MM); give the time in UTC or with a fixed offset",
                    value,
                )
        elif not isinstance(value, dt.date):
            yield Problem("wrong-type", field, "expected a date or datetime", value)

    def test(self) -> Callable[[Any], bool]:
        """A date, or a datetime with an offset of whole minutes."""
        return lambda v: type(v) is dt.date or (type(v) is dt.datetime and _whole_minutes(v))

    def expected(self) -> str:
        """An ISO 8601 text."""
        return "an ISO 8601 date or datetime string"

    def structure_value(self, value: object, using: Structurer) -> Any:
        """The moment an ISO 8601 text writes, in one of the wire format's two forms."""
        if type(value) is not str:
            raise using.wrong(self.expected(), value)
        return parsed(read_moment, value, using, "a date or datetime")

    def unstructure(self, value: Any, nested: Callable[[Any], Any]) -> Any:
        """``isoformat()``."""
        del nested
        return value.isoformat()

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
    frame: ClassVar[str] = "code"

    def categories(self) -> tuple[Any, ...]:
        """The members' values."""
        return tuple(member.value for member in self.of)

    def encode(self, build: EncoderBuilder, item: str) -> str:
        """The member's value."""
        return build.enum(self.of, item)

    def converter(self) -> Callable[[Any], Any]:
        """An enum's value (``"regional_review"``) becomes its member, as in JSON."""
        members = self.of._value2member_map_
        return lambda v: members.get(v, v) if type(v) is str else v

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Not a member."""
        del deep
        if not isinstance(value, self.of):
            members = ", ".join(repr(m.value) for m in self.of)
            yield Problem("wrong-type", field, f"expected one of {members}", value)

    def test(self) -> Callable[[Any], bool]:
        """A member."""
        of = self.of
        return lambda v: isinstance(v, of)

    def expected(self) -> str:
        """One of the members' values."""
        return "one of " + ", ".join(repr(v) for v in self.of._value2member_map_)

    def structure_value(self, value: object, using: Structurer) -> Any:
        """The member of a value."""
        try:
            return self.of._value2member_map_[value]
        except (KeyError, TypeError):  # TypeError: a list or an object, unhashable
            raise using.invalid(f"{value!r} is not {self.expected()}", value) from None

    def unstructure(self, value: Any, nested: Callable[[Any], Any]) -> Any:
        """The member's value."""
        del nested
        return value.value

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
    frame: ClassVar[str] = "bool"

    def plain(self) -> type:
        """Written as it is."""
        return bool

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Not a bool."""
        del deep
        if not isinstance(value, bool):
            yield Problem("wrong-type", field, "expected true or false", value)

    def problems(self, field: str, value: object, *, deep: bool = True) -> Iterator[Problem]:
        """A required flag given ``None`` is of the wrong type (as before: no separate rule)."""
        if value is None and not self.optional:
            yield Problem("wrong-type", field, "expected true or false", value)
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
    frame: ClassVar[str] = "int"

    def plain(self) -> type:
        """Written as it is."""
        return int

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Not a positive int."""
        del deep
        if not _is_int(value) or value <= 0:  # type: ignore[operator] # _is_int checked it
            yield Problem("invalid-value", field, "expected a positive int", value)

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

    def plain(self) -> type:
        """Written as it is."""
        return str

    def value_problems(self, field: str, value: object, *, deep: bool) -> Iterator[Problem]:
        """Not a string, or no zone of that name."""
        del deep
        if not isinstance(value, str):
            yield Problem("wrong-type", field, "expected an IANA time zone name", value)
        elif zone(value) is None:
            yield Problem("invalid-value", field, f"{value!r} is not an IANA time zone name", value)

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
        # A kind is made optional by default: evolved only where it is not (a class
        # makes hundreds of fields at import, and evolve is the costly part).
        if many:
            item = declaration.kind
            item = item if not item.optional else item.without_none()
            kind = Many(item=item, non_empty=declaration.non_empty, optional=False)
            if default is attrs.NOTHING and not declaration.non_empty:
                default = attrs.Factory(tuple)
        else:
            kind = declaration.kind
            if kind.optional != optional:
                kind = attrs.evolve(kind, optional=optional)
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
