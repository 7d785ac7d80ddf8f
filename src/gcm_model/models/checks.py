"""Problems of model objects, and the switch that defers them.

A model class's fields are declared by their kinds
(``gcm_model.models.kinds``), which say what is wrong with a value as
``Problem`` objects (defined in ``gcm_model.errors``, beside the error that
carries them, and importable from here); building an object raises
``gcm_model.errors.InvalidValueError`` for them unless checks are deferred
with ``deferred_checks()``, which the validation engine uses to gather every
problem of a document in one pass instead of stopping at the first.

Examples:
    >>> start, end = dt.date(2024, 3, 12), dt.date(2024, 3, 11)
    >>> [p.message for p in order_problems("start", start, "end", end)]
    ['end 2024-03-11 is not after start 2024-03-12']
"""

from __future__ import annotations

import contextvars
import datetime as dt
import re
from typing import TYPE_CHECKING

from gcm_model.errors import Problem

if TYPE_CHECKING:
    import contextlib
    from collections.abc import Iterator

__all__ = [
    "CONTROL",
    "EMAIL",
    "EMAIL_TEXT",
    "ID_PATTERN",
    "Problem",
    "checks_deferred",
    "deferred_checks",
    "order_problems",
    "out_of_order",
]

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
"""Record ids: a letter or digit, then letters, digits, ``.``, ``_``, ``:`` or ``-``."""

# The characters Python's str.isspace() takes for white space, spelt out: ``\s`` means
# another set in the ECMA-262 regular expressions of JSON Schema.
_SPACE = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"

EMAIL = re.compile(rf"[^@{_SPACE}]+@[^@{_SPACE}]+")
"""An email address, loosely: something, ``@``, something, no white space."""

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Control characters that text may not hold (tabs and line breaks may)."""

_EMAIL_PART = rf"[^@{_SPACE}\x00-\x08\x0e-\x1b\x7f]+"
EMAIL_TEXT = f"^{_EMAIL_PART}@{_EMAIL_PART}$"
"""``EMAIL`` in good text (no control character), as one JSON Schema pattern."""

_deferred: contextvars.ContextVar[bool] = contextvars.ContextVar("gcm_deferred", default=False)


def deferred_checks() -> contextlib.AbstractContextManager[None]:
    """Build model objects without raising for their invariants, inside this block.

    The objects can then be asked for ``problems()``. Used by validation to
    report every problem at once; not thread-hopping (a context variable).
    """
    return _Deferred()


class _Deferred:
    """The block of ``deferred_checks``.

    A class, not a generator: the detailed path enters one for every object
    it decodes, and a generator's block costs about four times more.
    """

    __slots__ = ("_token",)

    def __enter__(self) -> None:
        self._token = _deferred.set(True)

    def __exit__(self, *_: object) -> None:
        _deferred.reset(self._token)


def checks_deferred() -> bool:
    """Whether objects are being built inside ``deferred_checks()``."""
    return _deferred.get()


def _comparable(value: object) -> bool:
    return isinstance(value, dt.date) and (
        not isinstance(value, dt.datetime) or value.utcoffset() is not None
    )


def order_problems(
    start_field: str, start: object, end_field: str, end: object
) -> Iterator[Problem]:
    """``end`` must not come before ``start`` (two datetimes: strictly after).

    A date compared with a datetime is compared by calendar day.
    """
    if out_of_order(start, end):
        message = f"{end_field} {end} is not after {start_field} {start}"
        yield Problem("chronology", f"/{end_field}", message, end)


def out_of_order(start: object, end: object) -> bool:
    """Whether two comparable moments break ``order_problems``'s rule; else ``False``."""
    if not (_comparable(start) and _comparable(end)):
        return False
    assert isinstance(start, dt.date)  # noqa: S101 - _comparable checked it
    assert isinstance(end, dt.date)  # noqa: S101
    if isinstance(start, dt.datetime) and isinstance(end, dt.datetime):
        return end <= start
    return _day(end) < _day(start)


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value
