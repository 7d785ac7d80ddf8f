"""Tests for the kinds the reference records add (gcm_model.models.kinds, .periods).

``Day``, ``PartialDay``, ``Years`` and ``Note`` answer every consumer as the
other kinds do: their problems, their fast test, the source of the generated
decoder, their schema and their drawing. A reference record drawn from its
kinds and written as its data file writes it decodes back to itself.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gcm_model import _decode, _registry, converters, registry, schema
from gcm_model._faults import _problems
from gcm_model._hooks import Structurer
from gcm_model.dates import PartialDate
from gcm_model.models import process, reference
from gcm_model.models._base import field_problems
from gcm_model.models.kinds import (
    NO_VALUE,
    Choice,
    Count,
    Flag,
    Kind,
    Many,
    Note,
    Objective,
    Text,
    When,
    declared,
    derive,
    field,
    kind_of,
    to_json,
)
from gcm_model.models.periods import Day, PartialDay, Years
from gcm_model.types import ReviewKind, Status

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import cattrs

CASES: list[tuple[Kind, object, list[str]]] = [
    (Day(optional=False), dt.date(2024, 3, 11), []),
    (Day(optional=False), dt.datetime(2024, 3, 11, tzinfo=dt.UTC), ["wrong-type"]),
    (Day(optional=False), "2024-03-11", ["wrong-type"]),
    (Day(optional=False), None, ["missing-field"]),
    (Day(), None, []),
    (PartialDay(), PartialDate(2020), []),
    (PartialDay(), PartialDate(2020, 4, 15), []),
    (PartialDay(), "2020", ["wrong-type"]),
    (PartialDay(), dt.date(2020, 1, 1), ["wrong-type"]),
    (Years(), (2020, 2021), []),
    (Years(), (2020, 2020), []),
    (Years(), (2021, 2020), ["invalid-value"]),
    (Years(), (2020,), ["wrong-type"]),
    (Years(), (2020, True), ["wrong-type"]),
    (Years(), (2020, 10000), ["wrong-type"]),
    (Years(), [2020, 2021], ["wrong-type"]),
    (Note(), "", []),
    (Note(), "Held online.", []),
    (Note(), " Held online.", ["invalid-value"]),
    (Note(), "   ", ["invalid-value"]),
    (Note(), "a\x07b", ["invalid-value"]),
    (Note(), 3, ["wrong-type"]),
]


@pytest.mark.parametrize(("kind", "value", "rules"), CASES)
def test_problems_of_the_new_kinds(kind: Kind, value: object, rules: list[str]) -> None:
    """Each kind names what is wrong with a value, by rule; nothing for a good one."""
    assert [p.rule for p in kind.problems("f", value)] == rules


@pytest.mark.parametrize(("kind", "value", "rules"), CASES)
def test_fast_tests_agree_with_the_problems(kind: Kind, value: object, rules: list[str]) -> None:
    """The fast test passes exactly the values without problems."""
    assert kind.fast()(value) is (not rules)


def test_years_converts_a_list_as_list_fields_do() -> None:
    """A notebook user may pass ``held=[2020, 2021]``; the record holds a tuple."""
    made = reference.ReviewRound(
        code="regional-2020",
        kind=ReviewKind.REGIONAL,
        number=1,
        year=2020,
        held=[2020, 2021],  # type: ignore[arg-type] # typed as the tuple it holds
        sources=("a-res-73-195",),
        status=Status.CONFIRMED,
    )
    assert made.held == (2020, 2021)


def test_field_passes_repr_through() -> None:
    """``field(kind, repr=False)`` keeps a field out of the repr, and still declares it."""
    title = attrs.fields(reference.Objective).title
    assert title.repr is False
    assert kind_of(title) is not None
    assert (
        repr(registry.objectives.lookup(11)) == "Objective(number=11, short_title='Manage borders')"
    )


@attrs.frozen(kw_only=True, field_transformer=derive)
class Dated:
    """A class declared with the new kinds, and nothing else."""

    day: dt.date = field(Day())
    since: PartialDate | None = field(PartialDay())
    held: tuple[int, int] | None = field(Years())
    note: str = field(Note())


GOOD = {"day": "2024-03-11", "since": "2020-04", "held": [2020, 2021], "note": ""}


def test_a_declared_class_that_is_no_model_has_a_decoder() -> None:
    """The generated decoder reads each field as its kind says."""
    decode = _decode.decoder(Dated)
    assert decode is not None
    assert decode(GOOD) == Dated(
        day=dt.date(2024, 3, 11), since=PartialDate(2020, 4), held=(2020, 2021), note=""
    )
    assert decode({"day": "2024-03-11", "note": "Online."}).since is None


def test_a_class_with_a_field_not_declared_has_no_decoder() -> None:
    """An attrs class whose fields are not declared by kinds is left to the converter."""
    assert _decode.decoder(PartialDate) is None


def _refuses(decode: Callable[[Any], Any], data: object) -> bool:
    try:
        decode(data)
    except Exception:  # noqa: BLE001 - a decoder may raise anything on what it refuses
        return True
    return False


@pytest.mark.parametrize(
    "change",
    [
        {"day": "2024-02-30"},
        {"day": "2024-03"},
        {"day": "2024-03-11T10:00:00+01:00"},
        {"day": 20240311},
        {"day": None},
        {"since": "2020-13"},
        {"since": "20"},
        {"since": 2020},
        {"held": [2021, 2020]},
        {"held": [2020]},
        {"held": [2020, 2021, 2022]},
        {"held": [2020, "2021"]},
        {"held": "2020-2021"},
        {"note": " Online."},
        {"note": None},
        {"other": 1},
    ],
)
def test_the_decoder_refuses_what_the_kinds_refuse(change: dict[str, object]) -> None:
    """A value its kind would not hold is refused, not decoded into something else."""
    decode = _decode.decoder(Dated)
    assert decode is not None
    assert _refuses(decode, {**GOOD, **change})


@pytest.mark.parametrize(
    ("kind", "good", "bad"),
    [
        (Day(optional=False), ["2024-03-11"], ["2024-03", "2024-03-11T10:00:00Z", 20240311]),
        (PartialDay(optional=False), ["2020", "2020-04", "2020-04-15"], ["20", "2020-4", 2020]),
        (
            Years(optional=False),
            [[2020, 2021]],
            [[2020], [2020, 2021, 2022], ["2020", 2021], [0, 1]],
        ),
        (Years(), [[2020, 2021], None], ["2020-2021"]),
        (Note(optional=False), ["", "Held online."], [" Held", "   ", "a\x07b", 3]),
    ],
)
def test_the_schema_of_each_new_kind(kind: Kind, good: list[Any], bad: list[Any]) -> None:
    """Each kind's JSON Schema accepts the JSON forms its decoder reads, and not others."""
    builder = schema._Builder()
    validator = jsonschema.Draft202012Validator({**kind.schema(builder), "$defs": builder.defs})
    assert [value for value in good if not validator.is_valid(value)] == []
    assert [value for value in bad if validator.is_valid(value)] == []


# -- every reference record, drawn from its kinds ------------------------------------------------


class _Pen:
    """Draws the values the kinds ask for, with Hypothesis (``kinds.Pen``)."""

    linked = False

    def __init__(self, data: st.DataObject) -> None:
        self.data = data

    def text(self) -> str:
        return self.data.draw(
            st.from_regex(r"[A-Za-z0-9]([A-Za-z0-9 ]{0,6}[A-Za-z0-9])?", fullmatch=True)
        )

    def email(self) -> str:
        return f"{self.text().replace(' ', '')}@example.org"

    def id(self) -> str:
        return self.text().replace(" ", "-")

    def moment(self) -> dt.date:
        return self.data.draw(st.dates())

    def zone(self) -> str:
        return "Europe/Zurich"

    def integer(self, low: int, high: int) -> int:
        return self.data.draw(st.integers(low, high))

    def pick(self, pool: Sequence[Any]) -> Any:
        return self.data.draw(st.sampled_from(pool))

    def subset(self, pool: Sequence[Any], *, min_size: int) -> tuple[Any, ...]:
        found = st.lists(st.sampled_from(pool), min_size=min_size, max_size=3, unique=True)
        return tuple(self.data.draw(found))

    def child(self, cls: type) -> Any:
        return _record(self, cls)


def _record(pen: _Pen, cls: type) -> Any:
    """A record of ``cls``, each field drawn by its kind, optional ones left out at times."""
    values = {}
    for name, kind in declared(cls):
        empty = kind.empty()
        leave_out = empty is not NO_VALUE and pen.data.draw(st.booleans())
        values[name] = empty if leave_out else kind.draw(pen)
    return cls(**values)


RECORD_CLASSES = [
    getattr(reference, n) for n in reference.__all__ if attrs.has(getattr(reference, n))
]


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda cls: cls.__name__)
def test_every_field_of_a_reference_record_is_declared(cls: type) -> None:
    """No field of a reference record is left out of the kinds, so each has a decoder."""
    assert all(kind_of(attribute) is not None for attribute in attrs.fields(cls))
    assert _decode.decoder(cls) is not None


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_reference_records_decode_back_from_their_json(cls: type, data: st.DataObject) -> None:
    """A record drawn from its kinds, written as a data file writes it, decodes to itself."""
    record = _record(_Pen(data), cls)
    assert list(field_problems(record, deep=False)) == []
    wire = to_json(record)
    decoded: object = _registry.decoded(cls)(wire)
    assert decoded == record
    assert repr(decoded) == repr(record)


# -- the cattrs hooks, asked of the kinds --------------------------------------------------------


@pytest.fixture(scope="module")
def converter() -> cattrs.Converter:
    """One converter for every record drawn.

    cattrs builds a class's hooks on first use: a converter made for each example
    would build them again each time, and that, not the reading, took the time.
    """
    return converters.make_converter()


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_the_converter_writes_and_reads_records_by_their_kinds(
    converter: cattrs.Converter, cls: type, data: st.DataObject
) -> None:
    """cattrs reads a record as the data files write it, and back from what it writes itself."""
    record = _record(_Pen(data), cls)
    assert converter.structure(to_json(record), cls) == record
    assert converter.structure(converter.unstructure(record), cls) == record


@pytest.mark.parametrize(
    ("kind", "value", "rule", "message"),
    [
        (Text(optional=False), None, "wrong-type", "expected a string, got null"),
        (Objective(), "11", "wrong-type", "expected an integer, got a string"),
        (Objective(), True, "wrong-type", "expected an integer, got a boolean"),
        (Flag(), 1, "wrong-type", "expected true or false, got an integer"),
        (When(), 20240311, "wrong-type", "expected an ISO 8601 date or datetime string"),
        (When(), "2024-03-11 08:30+01:00", "invalid-value", "is not a date or datetime"),
        (Choice(ReviewKind), "annual", "invalid-value", "'annual' is not one of"),
        (Choice(ReviewKind), [], "invalid-value", "[] is not one of"),
        (Day(), "2024-03-11T08:30:00+01:00", "invalid-value", "is not a date"),
        (PartialDay(), 2024, "wrong-type", "expected a partial date string"),
        (Years(), [2021, 2020], "invalid-value", "is not a span of years"),
        (Many(Count(optional=False)), "3", "wrong-type", "expected a list, got a string"),
        (Many(Count(optional=False)), [1, "2", 3.5], "wrong-type", "/1: expected an integer"),
    ],
)
def test_each_kind_structures_its_json_and_says_what_is_wrong(
    kind: Kind, value: object, rule: str, message: str
) -> None:
    """A value of the wrong type or form is a located fault of the kind, with a plain message."""
    using = Structurer(converters.make_converter())
    with pytest.raises(Exception) as caught:  # noqa: PT011 - the faults are turned into problems
        kind.structure(value, using)
    problems = list(_problems(caught.value, ("field",), {"field": value}))
    assert problems[0].rule == rule
    assert message in f"{problems[0].pointer}: {problems[0].message}"
    assert problems[0].pointer.startswith("/field")


def test_a_list_reports_every_failing_item_at_its_index() -> None:
    """Two bad items, two problems, each at its index."""
    using = Structurer(converters.make_converter())
    with pytest.raises(Exception) as caught:  # noqa: PT011 - the faults are turned into problems
        Many(Count(optional=False)).structure([1, "2", 3, None], using)
    found = [(p.pointer, p.rule) for p in _problems(caught.value, ("n",), {})]
    assert found == [("/n/1", "wrong-type"), ("/n/3", "wrong-type")]


def test_a_union_is_chosen_by_its_tag() -> None:
    """A segment without a tag, or with an unknown one, is reported at its ``kind``."""
    agenda = dict(declared(process.Meeting))["agenda"]
    using = Structurer(converters.make_converter())
    for value, rule in (({"title": "x"}, "missing-field"), ({"kind": "lunch"}, "invalid-value")):
        with pytest.raises(Exception) as caught:  # noqa: PT011 - turned into problems
            agenda.structure([value], using)
        assert [(p.pointer, p.rule) for p in _problems(caught.value, (), {})] == [("/0/kind", rule)]
