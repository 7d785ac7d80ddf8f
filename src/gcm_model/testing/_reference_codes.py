"""Strategies of reference codes, days and times, and record ids."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import strategies as st

from gcm_model import registry
from gcm_model.errors import InvalidCodeError
from gcm_model.testing._draw import (
    _FIRST_DAY,
    _ID_SIZE,
    _LAST_DAY,
    _commission_arg,
    _date_arg,
    _id_strategy,
    _int_arg,
    _members,
    _sampled,
    _strategy,
)
from gcm_model.testing._times import _moment
from gcm_model.types import ReviewKind

if TYPE_CHECKING:
    import datetime as dt

    from hypothesis.strategies import SearchStrategy

    from gcm_model.models.process import Moment


# -- reference codes -----------------------------------------------------------------------


def objective_numbers() -> SearchStrategy[int]:
    """GCM objective numbers, 1 to 23 (A/RES/73/195 para. 16).

    Returns:
        A strategy of ints; shrinks towards 1.
    """
    return st.integers(1, 23)


def cluster_numbers() -> SearchStrategy[int]:
    """Session cluster numbers, 1 to 4 (A/RES/73/326).

    Returns:
        A strategy of ints; shrinks towards 1.
    """
    return st.integers(1, len(registry.clusters))


def commission_codes() -> SearchStrategy[str]:
    """Regional commission codes: ``ECE``, ``ESCAP``, ``ECLAC``, ``ECA``, ``ESCWA``.

    Returns:
        A strategy of codes; shrinks towards ``"ECE"``.
    """
    return _sampled("commission")


def country_codes(
    commission: str | None = None, as_of: dt.date | None = None
) -> SearchStrategy[str]:
    """ISO 3166-1 alpha-3 country codes (and ``XKX``), or the members of a commission.

    Args:
        commission: a commission code or alias; draw only its full members.
        as_of: with ``commission``, only the States that were members on this
            day (``None``: the current list).

    Returns:
        A strategy of codes; shrinks towards the first code of the registry
        (``"ABW"``), or the commission's first member in the order of the
        sources.

    Raises:
        UnknownCodeError: the commission is unknown.
        InvalidCodeError: ``as_of`` is not a ``date``, or is given without a
            commission.
    """
    code = _commission_arg(commission)
    day = None if as_of is None else _date_arg("as_of", as_of)
    if code is None:
        if day is not None:
            raise InvalidCodeError("as_of", as_of, "give a commission to take members on a day")
        return _sampled("country")
    members = _members((code,), day)
    if not members:  # pragma: no cover - each list has members without a joining date
        raise InvalidCodeError("as_of", as_of, f"{code} had no members on that day")
    return st.sampled_from(members)


def stakeholder_codes() -> SearchStrategy[str]:
    """Stakeholder category codes (A/RES/73/195 para. 44), such as ``migrants``.

    Returns:
        A strategy of codes; shrinks towards ``"migrants"``.
    """
    return _sampled("stakeholder")


def principle_letters() -> SearchStrategy[str]:
    """Guiding principle letters, ``a`` to ``j`` (A/RES/73/195 para. 15).

    Returns:
        A strategy of letters; shrinks towards ``"a"``.
    """
    return _sampled("principle")


def language_codes() -> SearchStrategy[str]:
    """Codes of the languages of ISO 639: ISO 639-1 where there is one, else ISO 639-3.

    Returns:
        A strategy of codes; shrinks towards ``"ar"``, the first of the six
        official languages of the UN, which come first.
    """
    return _sampled("language")


def meeting_format_codes() -> SearchStrategy[str]:
    """Meeting formats: ``in_person``, ``virtual``, ``hybrid``.

    Returns:
        A strategy of codes; shrinks towards ``"in_person"``.
    """
    return _sampled("format")


def round_codes(kind: ReviewKind | str | None = None) -> SearchStrategy[str]:
    """Codes of the known review rounds, such as ``regional-2024``.

    Args:
        kind: only rounds of this kind, ``"regional"`` or ``"imrf"``.

    Returns:
        A strategy of codes; shrinks towards the first round (of the kind):
        ``"regional-2020"``, or ``"imrf-2022"``.

    Raises:
        InvalidCodeError: ``kind`` is neither ``regional`` nor ``imrf``.
    """
    if kind is None:
        return _sampled("round")
    try:
        wanted = ReviewKind(kind)
    except ValueError:
        raise InvalidCodeError("review kind", kind, "expected 'regional' or 'imrf'") from None
    return _sampled(wanted.value)


def moments(
    *,
    min_value: dt.date = _FIRST_DAY,
    max_value: dt.date = _LAST_DAY,
    times: bool = True,
) -> SearchStrategy[Moment]:
    """Days, and instants with their UTC offset, as the models take for times.

    A datetime is a quarter hour from 06:00 to 21:45 local time in one of
    the zones of the module docstring (python-dateutil zones), never
    ambiguous or nonexistent.

    Args:
        min_value: the earliest day.
        max_value: the latest day.
        times: draw datetimes as well as dates.

    Returns:
        A strategy of ``date`` and aware ``datetime`` values; shrinks towards
        the date ``min_value``.

    Raises:
        InvalidCodeError: a bound is not a ``date``, or ``min_value`` is after
            ``max_value``.
    """
    first = _date_arg("min_value", min_value)
    last = _date_arg("max_value", max_value)
    if first > last:
        raise InvalidCodeError("max_value", max_value, f"is before min_value {min_value}")
    with_times = bool(times)
    return _strategy(
        "moments",
        lambda draw: _moment(draw, first, last, times=with_times),
        first,
        last,
        with_times,
    )


def record_ids(*, max_size: int = _ID_SIZE) -> SearchStrategy[str]:
    """Record ids matching ``gcm_model.models.checks.ID_PATTERN``.

    Args:
        max_size: the longest id, 1 to 128.

    Returns:
        A strategy of ids: a letter or digit, then letters, digits, ``.``,
        ``_``, ``:`` or ``-``; shrinks towards ``"0"``.

    Raises:
        InvalidCodeError: ``max_size`` is not an int in 1..128.
    """
    return _id_strategy(_int_arg("max_size", max_size, 1, 128))
