"""The base of the kinds (``gcm_model.models.kinds``): ``Kind`` and what it deals with.

What a consumer hands a kind (the generated decoder's builder, the cattrs
hooks' structurer, the JSON Schema builder, the Hypothesis pen), how a CSV
cell is read back, the base
class ``Kind`` with the answers every kind gives, and the declared kinds of a
model class with the references they hold. The kinds themselves, and
``field`` and ``derive`` that declare them, are in ``gcm_model.models.kinds``,
which re-exports the public names of this module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Protocol

import attrs
import orjson

from gcm_model.errors import InvalidCodeError, Problem

if TYPE_CHECKING:
    import datetime as dt
    import enum
    from collections.abc import Callable, Iterator, Sequence

__all__ = [
    "BOOL_CELL",
    "Cell",
    "CellError",
    "DecoderBuilder",
    "FORMULA_STARTS",
    "INT_CELL",
    "JSON_CELL",
    "KEY",
    "Kind",
    "NO_VALUE",
    "Pen",
    "Planner",
    "SchemaBuilder",
    "Structurer",
    "TEXT_CELL",
    "UnsupportedError",
    "declared",
    "declared_walks",
    "kind_of",
    "parsed",
    "references",
    "tag_of",
    "to_json",
    "to_tuple",
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


class EncoderBuilder(Protocol):
    """What a kind needs from the generated encoder (``gcm_model._encode``)."""

    def moment(self, item: str) -> str:
        """An expression writing the date or datetime ``item`` as orjson must see it."""

    def enum(self, of: type[enum.Enum], item: str) -> str:
        """An expression writing the member ``item`` of ``of``."""

    def model(self, classes: tuple[type, ...], item: str) -> str:
        """An expression writing the model object ``item`` (one of ``classes``)."""


class Structurer(Protocol):
    """What a kind needs to structure a JSON value in detail (``_hooks``, ``_detail``).

    The errors it makes are gathered with the place they happened at (by
    cattrs for the hooks of ``_hooks``, by ``_detail.Detail`` on the
    detailed path), and become located problems (``gcm_model._faults``).
    """

    def wrong(self, expected: str, value: object) -> Exception:
        """The error of a value of the wrong type (``expected a string, got null``)."""

    def invalid(self, message: str, value: object) -> Exception:
        """The error of a value of the right type that is not a value of the kind."""

    def model(self, classes: tuple[type, ...], value: object, name: str | None) -> Any:
        """The object of one of the model classes a JSON object writes (by its tag, if several).

        ``name`` is what one of several classes is called in messages.
        """

    def items(self, kind: Kind, values: list[Any]) -> tuple[Any, ...]:
        """The items of a JSON list, each structured by ``kind``; every failing item reported."""


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


class Planner(Protocol):
    """What a kind needs to say where its field goes in tables (``gcm_model.tabular``).

    A field is a column of its row; a nested object's fields are columns of
    the same row, named ``venue/city`` (as flatten-tool names them); a list
    is a table of its own whose rows name their owner's row.
    """

    def column(self, name: str, kind: Kind) -> None:
        """A column of its own, its cells written and read by ``kind.cell``."""

    def nested(self, name: str, kind: Kind, classes: tuple[type, ...]) -> None:
        """The fields of an object of one of ``classes``, as columns ``name/field``."""

    def many(self, name: str, kind: Kind, item: Kind) -> None:
        """A table of its own, a row for each item of the list (``item`` says its columns)."""


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
    """How a field's wire (JSON) value is written in a CSV cell and read back: text as it is."""

    name: ClassVar[str] = "str"

    def write(self, value: Any) -> str:
        """The cell of a wire value: empty for ``None``, text as it is, anything else as JSON.

        Examples:
            >>> TEXT_CELL.write("Geneva"), INT_CELL.write(3), BOOL_CELL.write(True)
            ('Geneva', '3', 'true')
            >>> JSON_CELL.write(["ESP", "MDA"]), JSON_CELL.write("ESP")
            ('["ESP","MDA"]', '"ESP"')
        """
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        return orjson.dumps(value).decode()

    def read(self, text: str) -> Any:
        """The JSON value of a non-empty cell.

        Raises:
            CellError: the cell does not read as this kind of cell.
        """
        return text


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet takes a cell beginning with for a formula."""


class TextCell(Cell):
    """Text, with spreadsheet formulas neutralised and given back as they were.

    A text beginning like a formula (``=``, ``+``, ``-``, ``@``, a tab, a
    carriage return), or with an apostrophe, is written after an apostrophe,
    which spreadsheets show as the text it is; reading takes that apostrophe
    away again, so every text comes back as it was written.
    """

    def write(self, value: Any) -> str:
        """The cell of a wire value, a text beginning like a formula after an apostrophe.

        Examples:
            >>> TEXT_CELL.write("=HYPERLINK(1)"), TEXT_CELL.write("'quoted")
            ("'=HYPERLINK(1)", "''quoted")
            >>> TEXT_CELL.write("Geneva"), TEXT_CELL.write("- a list")
            ('Geneva', "'- a list")
        """
        text = super().write(value)
        return "'" + text if isinstance(value, str) and text.startswith(_ESCAPED) else text

    def read(self, text: str) -> Any:
        """The text, the apostrophe written before a formula's first character taken away.

        Examples:
            >>> TEXT_CELL.read("'=HYPERLINK(1)"), TEXT_CELL.read("''quoted"), TEXT_CELL.read("'a")
            ('=HYPERLINK(1)', "'quoted", "'a")
        """
        return (
            text[1:] if text[:1] == "'" and text[1:2].startswith(_ESCAPED) and text[1:2] else text
        )


_ESCAPED = (*FORMULA_STARTS, "'")


class IntCell(Cell):
    """An integer, written in digits."""

    name: ClassVar[str] = "int"

    def read(self, text: str) -> int:
        """The integer (an optional minus, then digits)."""
        number = text.strip()
        digits = number.removeprefix("-")
        # ASCII digits only: int() refuses "--5" and "²", though str.isdigit takes them.
        if digits.isascii() and digits.isdigit():
            return int(number)
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
    """JSON text: a span of years, a nested object given without values (``{}``).

    Also the lists and nested objects of files written by earlier versions,
    which are still read.
    """

    name: ClassVar[str] = "json"

    def write(self, value: Any) -> str:
        """JSON text (a string too: a list field holding one reads back as what it is)."""
        return "" if value is None else orjson.dumps(value).decode()

    def read(self, text: str) -> Any:
        """The parsed JSON."""
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError as exc:
            raise CellError("json-syntax", f"invalid JSON in the cell: {exc.msg}") from None


TEXT_CELL, INT_CELL, BOOL_CELL, JSON_CELL = TextCell(), IntCell(), BoolCell(), JsonCell()

_EXPECTED: dict[type | None, str] = {str: "a string", int: "an integer", bool: "true or false"}


# -- the base of the kinds ------------------------------------------------------------------


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
    many: ClassVar[bool] = False
    """Whether a value is a list (a tuple) of items."""
    cell: ClassVar[Cell] = TEXT_CELL
    """How a field of this kind is written in a CSV cell."""
    frame: ClassVar[str] = "text"
    """The type of its column in a DataFrame, as ``gcm_model.tabular`` maps it to pandas,
    pyarrow and polars: ``text``, ``code`` (a categorical of ``categories()``), ``int``
    (nullable), ``bool`` (nullable), ``moment`` (a UTC instant and its offset), ``date``
    or ``json``."""
    noun: ClassVar[str] = "values"
    """What a list of this kind holds, for messages (``expected a list of ...``)."""
    missing: ClassVar[str] = "a value is required"

    def named(self, value: object) -> str:
        """A value as messages name it."""
        return repr(value)

    def tabulate(self, plan: Planner, name: str) -> None:
        """Where a field of this kind goes in tables: by default a column of its own."""
        plan.column(name, self)

    def categories(self) -> tuple[Any, ...]:
        """The values a ``code`` column of a DataFrame may hold (none for other columns)."""
        return ()

    def problems(self, field: str, value: object, *, deep: bool = True) -> Iterator[Problem]:
        """What is wrong with ``value`` for this kind, at ``field``.

        With ``deep`` false, nested model objects are checked for their type
        only, not for their own problems.
        """
        if value is None:
            if not self.optional:
                yield Problem("missing-field", field, self.missing, value)
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

    def references_in(
        self, values: tuple[Any, ...], at: str
    ) -> Iterator[tuple[str, str, tuple[str, ...]]]:
        """Every reference of the items of a list of this kind, at ``at/index``."""
        for index, item in enumerate(values):
            yield from self.references(item, f"{at}/{index}")

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

    def plain(self) -> type | None:
        """The type of a value written to JSON as it is (``str``, ``int``, ``bool``), if so."""
        return None

    def structure(self, value: object, using: Structurer) -> Any:
        """The value of a JSON value, its type and shape checked (its other faults: ``problems``).

        The hook cattrs runs for a field of this kind (``gcm_model._hooks``).

        Raises:
            Exception: made by ``using``, when the value is of the wrong type or shape.
        """
        if value is None:
            if self.optional:
                return None
            raise using.wrong(self.expected(), value)
        return self.structure_value(value, using)

    def structure_value(self, value: object, using: Structurer) -> Any:
        """The value of a JSON value that is not ``None``: by default, one of the ``plain`` type."""
        if type(value) is self.plain():
            return value
        raise using.wrong(self.expected(), value)

    def expected(self) -> str:
        """What a value of this kind is, in JSON, for messages (``a string``)."""
        return _EXPECTED[self.plain()]  # kinds without a plain type say it themselves

    def unstructure(self, value: Any, nested: Callable[[Any], Any]) -> Any:
        """The JSON value of a value (not ``None``); ``nested`` writes a model object.

        The hook cattrs runs for a field of this kind; by default, the value as it is.
        """
        del nested
        return value

    def encode(self, build: EncoderBuilder, item: str) -> str:
        """Source of an expression writing the value ``item`` for orjson (not ``None``).

        A value of a type other than the kind's must raise (the generated code
        calls ``_unexpected()``), so that the object is written by cattrs.
        """
        del build
        if self.plain() is None:
            raise UnsupportedError(type(self).__name__)
        return item

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


def parsed(read: Callable[[Any], Any], value: object, using: Structurer, what: str) -> Any:
    """What ``read`` makes of a JSON value, or the error of ``using`` saying why it is not ``what``.

    For the kinds whose values are read from a text (moments, dates) or a list
    (spans of years) by a reader raising ``InvalidCodeError``.
    """
    try:
        return read(value)
    except InvalidCodeError as exc:
        raise using.invalid(f"{value!r} is not {what}: {exc.reason}", value) from None


def to_tuple(value: Any) -> Any:
    """Turn a list into a tuple and leave anything else for the checks to judge.

    The converter of every list field, so a notebook user may pass a list. A
    string is left alone on purpose: ``tuple("ESP")`` would make three codes.
    """
    return tuple(value) if isinstance(value, list | tuple) else value


# -- the declared kinds of a class ------------------------------------------------------------


def tag_of(cls: type) -> str | None:
    """The ``kind`` tag of a class of a tagged union (a segment, a report item), if it is one.

    Examples:
        >>> from gcm_model.models.process import Hearing, Venue
        >>> tag_of(Hearing), tag_of(Venue)
        ('hearing', None)
    """
    tag = cls.__dict__.get("kind")
    return tag if isinstance(tag, str) else None


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


def to_json(record: object) -> dict[str, Any]:
    """A record as JSON values, every declared field written by its kind (``None`` kept).

    Examples:
        >>> from gcm_model.models.reports import Report
        >>> to_json(Report(id="r", kind="outcome_report", meetings=("m1",)))["meetings"]
        ['m1']
    """
    return {
        name: None if (value := getattr(record, name)) is None else kind.unstructure(value, to_json)
        for name, kind in declared(type(record))
    }


def references(record: object, prefix: str = "") -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """Every ``(pointer tail, id, target collections)`` a record refers to, nested included.

    Examples:
        >>> from gcm_model.models.reports import Report
        >>> list(references(Report(id="r", kind="outcome_report", meetings=("m1",))))
        [('meetings/0', 'm1', ('meetings',))]
    """
    for name, kind in declared_walks(type(record)):
        value = getattr(record, name)
        if value is not None and value != ():  # most fields hold none: no generator for them
            yield from kind.references(value, f"{prefix}{name}")
