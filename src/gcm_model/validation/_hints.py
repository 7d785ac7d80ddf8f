"""Hints for the problems a reader finds: how to fix the value at hand.

The readers (JSON, JSON Lines, CSV, the decoder) report structure problems
with a message that says what is wrong; the hint says what to write instead,
from the problem's own pointer, value and message: the field to add or
rename, the code suggested, the date as the format wants it.

Examples:
    >>> from gcm_model.errors import Problem
    >>> problem_hint(Problem("missing-field", "/meetings/0/title", "a required field is missing"))
    "'title' added to the record at $.meetings[0]"
    >>> problem_hint(Problem("invalid-value", "/meetings/0/start", "bad date", value="11/03/2024"))
    '2024-03-11 if 11/03/2024 is day/month/year, 2024-11-03 if it is month/day/year'
"""

from __future__ import annotations

import calendar
import re
from typing import TYPE_CHECKING

from gcm_model.errors import json_path
from gcm_model.models.dataset import SCHEMA_VERSION

if TYPE_CHECKING:
    from collections.abc import Callable

    from gcm_model.errors import Problem

__all__ = ["problem_hint"]

_QUOTED = re.compile(r"'([^']*)'")
_SLASHED = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_ORDER = re.compile(r"^(\w+) (\S+) is not after (\w+) (\S+)")


def _field(problem: Problem) -> str:
    return problem.pointer.rsplit("/", 1)[-1]


def _parent(problem: Problem) -> str:
    return json_path(problem.pointer.rsplit("/", 1)[0])


def _suggested(message: str) -> list[str]:
    """The names a message suggests after "did you mean"."""
    _, _, tail = message.partition("did you mean")
    return _QUOTED.findall(tail)


def _json_syntax(problem: Problem) -> str:
    where = f"line {problem.line}" if problem.line is not None else "the place shown"
    if problem.column is not None:
        where += f", column {problem.column}"
    if "trailing comma" in problem.message:
        return f"the comma before the closing bracket removed ({where})"
    if "end of data" in problem.message:
        return f"every bracket and string opened before {where} closed"
    return f"the JSON text corrected at {where}"


def _schema_version(problem: Problem) -> str:
    reads = _QUOTED.findall(problem.message)
    current = reads[-1] if reads else SCHEMA_VERSION
    if problem.value is None:
        return f'"schema_version": "{current}" added at the top of the document'
    return (
        f"schema_version {current!r} if the document is written in that format; a document "
        f"in {problem.value!r} needs the gcm-model release that reads it"
    )


def _missing_field(problem: Problem) -> str:
    return f"{_field(problem)!r} added to the record at {_parent(problem)}"


def _unknown_field(problem: Problem) -> str:
    near = _suggested(problem.message)
    if near:
        return f"{_field(problem)!r} renamed to {near[0]!r}"
    return (
        f"{_field(problem)!r} removed from the record at {_parent(problem)}: the format has no "
        "such field there (gcm-model schema lists the fields it has)"
    )


def _wrong_type(problem: Problem) -> str:
    expected = problem.message.removeprefix("expected ").split(",")[0]
    value = problem.value
    if isinstance(value, str) and "integer" in expected and value.strip().lstrip("-").isdigit():
        return f"{value.strip()} without quotes"
    if "string" in expected and isinstance(value, int | float) and not isinstance(value, bool):
        return f'"{value}" in quotes'
    return f"{expected} at {json_path(problem.pointer)}, in place of {value!r}"


def _invalid_value(problem: Problem) -> str:
    value = problem.value
    text = value.strip() if isinstance(value, str) else None
    if text == "":
        return f"the {_field(problem)} written out, or the field left out if it is optional"
    if text is not None and (slashed := _SLASHED.match(text)):
        first, second, year = (int(part) for part in slashed.groups())
        readings = []
        if second <= 12 and first <= calendar.monthrange(year, second)[1]:
            readings.append(f"{year}-{second:02}-{first:02} if {text} is day/month/year")
        if first <= 12 and second <= calendar.monthrange(year, first)[1]:
            readings.append(f"{year}-{first:02}-{second:02} if it is month/day/year")
        if readings:
            return ", ".join(readings)
    calendar_day = "not a day of the calendar" in problem.message
    if text is not None and calendar_day and (day := _ISO_DAY.match(text)):
        year, month, _ = (int(part) for part in day.groups())
        if 1 <= month <= 12:
            last = calendar.monthrange(year, month)[1]
            name = calendar.month_name[month]
            return f"a day from 1 to {last}: {name} {year} has {last} days"
    return f"a value at {json_path(problem.pointer)} as the message describes, for {value!r}"


def _unknown_objective(problem: Problem) -> str:
    return (
        f"a number from 1 to 23 in place of {problem.value!r}: the 23 objectives of "
        "A/RES/73/195, para. 16 (gcm-model lookup finds one by its title)"
    )


def _unknown_code(problem: Problem) -> str:
    near = _suggested(problem.message)
    if near:
        return f"{near[0]!r} if that is meant (gcm-model lookup {problem.value} lists others)"
    return f"a known code (gcm-model lookup finds one by its name) in place of {problem.value!r}"


def _chronology(problem: Problem) -> str:
    order = _ORDER.match(problem.message)
    if order is None:
        return f"the dates around {json_path(problem.pointer)} checked against each other"
    later, later_value, earlier, earlier_value = order.groups()
    return (
        f"{later} on or after {earlier} {earlier_value}, or the two swapped if "
        f"{later_value} is the {earlier}"
    )


_HINTS: dict[str, Callable[[Problem], str]] = {
    "json-syntax": _json_syntax,
    "schema-version": _schema_version,
    "missing-field": _missing_field,
    "unknown-field": _unknown_field,
    "wrong-type": _wrong_type,
    "invalid-value": _invalid_value,
    "unknown-objective": _unknown_objective,
    "unknown-code": _unknown_code,
    "chronology": _chronology,
}


def problem_hint(problem: Problem) -> str:
    """How to fix what a reader found, written from the problem's pointer, value and message.

    Args:
        problem: a problem a reader reported.

    Returns:
        The hint; a problem of a rule with no hint of its own is pointed at its value.
    """
    hint = _HINTS.get(problem.rule)
    if hint is not None:
        return hint(problem)
    return f"the value at {json_path(problem.pointer)} corrected: {problem.message}"
