"""Tests for the kinds the reference records add (gcm_model.models.kinds) and their decoders.

``Day``, ``PartialDay``, ``Years`` and ``Note`` answer every consumer as the
other kinds do: their problems, their fast test, the source of the generated
decoder and their schema.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from gcm_model import _decode
from gcm_model.dates import PartialDate
from gcm_model.models.kinds import (
    Day,
    Kind,
    Note,
    PartialDay,
    Years,
    derive,
    field,
)

if TYPE_CHECKING:
    from collections.abc import Callable

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


def test_schemas_of_the_new_kinds() -> None:
    """Each kind says its JSON form."""
    assert Day().item_schema(None)["pattern"] == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"  # type: ignore[arg-type]
    assert PartialDay().item_schema(None)["type"] == "string"  # type: ignore[arg-type]
    assert Years().item_schema(None)["minItems"] == 2  # type: ignore[arg-type]
    assert Years().schema(None) == {  # type: ignore[arg-type]
        "anyOf": [Years().item_schema(None), {"type": "null"}]  # type: ignore[arg-type]
    }
