"""What the pydantic v2 and msgspec equivalents of the Meeting record share.

The equivalents themselves are in ``_alt_pydantic.py`` and ``_alt_msgspec.py``
(one module per library, so that a benchmark worker imports one library only).
This module holds what both need: the code lists of gcm-model's registries,
the text, id and e-mail patterns, the enums (same values as gcm-model's), and
the relation checks written once in plain Python.

The code lists are read from the JSON file named by the ``GCM_BENCH_CODES``
environment variable, which ``compare.py`` writes from gcm-model's registries
before it starts the workers; without it they are taken from gcm-model
directly. Either way the pydantic and msgspec workers do not import gcm-model
when the variable is set, so their time and memory are their own.

What the equivalents check, as gcm-model does:

* strict types: no ``"3"`` for an int, no ``2.0`` or ``true`` for an int, no
  ``123`` for a string; unknown keys refused (``extra="forbid"``,
  ``forbid_unknown_fields=True``);
* text: non-blank, no spaces at either end, no control characters (one regex);
  ids and references: ``[A-Za-z0-9][A-Za-z0-9._:-]{0,127}``; e-mail
  addresses ``name@domain``;
* the same enums (meeting kind, status, participant kind, sector, gender,
  role) by value;
* codes as literals built from gcm-model's registries: commissions, countries,
  meeting formats, languages, rounds, known meetings, guiding questions,
  stakeholder categories, clusters; IANA time zone names;
* objective numbers 1..23; lists of codes, references and objectives without
  duplicates; at least one commission on a review;
* a date, or a datetime that carries its UTC offset, for every moment;
* the agenda as a tagged union on ``kind``;
* relations: an end not before its start (two datetimes: strictly after), a
  start or a planned date on a meeting, no end without a start, a thematic
  session's objectives inside its cluster, a registration window that closes
  after it opens, a participant's category only for stakeholders, no gender
  for an organisation, no self-membership.

What they do not replicate (read the ratios with this in mind):

* errors: gcm-model reports every problem with a JSON Pointer, a rule slug and
  a plain message, suggests the nearest field for an unknown key ("did you
  mean 'country'?") and the canonical spelling of a code written in another
  case ("write the commission as 'ECE'"); pydantic reports every problem with
  a location but without such hints; msgspec stops at the first problem;
* time zones: gcm-model resolves the name with python-dateutil; the
  equivalents test membership in ``zoneinfo.available_timezones()`` (the same
  names on this machine, as a literal);
* the dataset: gcm-model's ``validate`` also runs the dataset rules (every
  reference resolves, ids are unique, session roles, stakeholder coverage,
  consultations, deadlines, ...) and returns a report with severities, rule
  codes and sources; the equivalents only decode the dataset document;
* the schema version: gcm-model upgrades older dataset documents through
  registered migrations; the equivalents accept ``"1.0"`` only;
* lenient input: gcm-model's registries also look codes up by name or alias
  (``countries.lookup("Republic of Moldova")``); nothing here does.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import os
import zoneinfo
from pathlib import Path
from typing import Any

__all__ = [
    "CODES",
    "EMAIL_PY",
    "EMAIL_RUST",
    "ID_PY",
    "ID_RUST",
    "TEXT_PY",
    "TEXT_RUST",
    "Gender",
    "MeetingKind",
    "ParticipantKind",
    "Role",
    "Sector",
    "Status",
    "code_lists",
    "dated_problem",
    "objectives_problem",
    "order_problem",
    "parse_moment",
    "participant_problem",
    "unique",
]

# -- patterns ------------------------------------------------------------------------------
# gcm-model's text: a string, not blank, no spaces at either end, no control characters
# other than tab and line breaks. One regex says the same. pydantic-core runs Rust's regex
# (``$`` is the end of the text); msgspec runs Python's ``re.search`` (``\Z`` is the end of
# the text, ``$`` would also match before a final line break).
_CONTROL = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
_TEXT = rf"[^\s{_CONTROL}](?:[^{_CONTROL}]*[^\s{_CONTROL}])?"
TEXT_RUST = rf"^{_TEXT}$"
TEXT_PY = rf"\A{_TEXT}\Z"
_ID = r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}"
ID_RUST = rf"^{_ID}$"
ID_PY = rf"\A{_ID}\Z"
_EMAIL = rf"[^@\s{_CONTROL}]+@[^@\s{_CONTROL}]+"
EMAIL_RUST = rf"^{_EMAIL}$"
EMAIL_PY = rf"\A{_EMAIL}\Z"


# -- enums: the values of gcm-model's (compare.py checks that they agree) -------------------


class MeetingKind(enum.Enum):
    """gcm_model.MeetingKind."""

    REGIONAL_REVIEW = "regional_review"
    IMRF = "imrf"
    HEARING = "hearing"
    OTHER = "other"


class Status(enum.Enum):
    """gcm_model.Status."""

    CONFIRMED = "CONFIRMED"
    CONFIRMED_2 = "CONFIRMED-2"
    SEED = "SEED"
    UNCONFIRMED = "UNCONFIRMED"


class ParticipantKind(enum.Enum):
    """gcm_model.ParticipantKind."""

    PERSON = "person"
    ORGANISATION = "organisation"


class Sector(enum.Enum):
    """gcm_model.Sector."""

    MEMBER_STATE = "member_state"
    INTERGOVERNMENTAL = "intergovernmental"
    UN_SYSTEM = "un_system"
    STAKEHOLDER = "stakeholder"


class Gender(enum.Enum):
    """gcm_model.Gender."""

    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


class Role(enum.Enum):
    """gcm_model.Role."""

    CO_CHAIR = "co_chair"
    SPEAKER = "speaker"
    MODERATOR = "moderator"
    RAPPORTEUR = "rapporteur"
    PANELLIST = "panellist"
    ORGANISER = "organiser"
    PARTICIPANT = "participant"


# -- code lists ----------------------------------------------------------------------------

_REGISTRIES = (
    "commissions",
    "countries",
    "meeting_formats",
    "languages",
    "rounds",
    "known_meetings",
    "guiding_questions",
    "stakeholders",
)


def code_lists() -> dict[str, Any]:
    """The canonical codes of gcm-model's registries, the clusters and the time zones.

    The same sets gcm-model's checks test membership in (its registries'
    canonical keys), so the literals accept exactly what gcm-model accepts.
    """
    from gcm_model import registry  # noqa: PLC0415 - only the parent process needs gcm-model

    lists: dict[str, Any] = {
        name: sorted(getattr(registry, name)._records)  # noqa: SLF001 - the keys the checks use
        for name in _REGISTRIES
    }
    lists["clusters"] = {
        str(number): list(registry.clusters.lookup(number).objectives)
        for number in registry.clusters._records  # noqa: SLF001
    }
    # gcm-model accepts a name with a "/" (or "UTC") that python-dateutil resolves.
    lists["time_zones"] = sorted(
        name for name in zoneinfo.available_timezones() if "/" in name or name == "UTC"
    )
    return lists


def _load_codes() -> dict[str, Any]:
    path = os.environ.get("GCM_BENCH_CODES")
    if path:
        loaded: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
        return loaded
    return code_lists()


CODES = _load_codes()
"""The code lists, by registry name; ``clusters`` maps "1".."4" to their objectives."""

_CLUSTER_OBJECTIVES = {int(k): frozenset(v) for k, v in CODES["clusters"].items()}
_HOME = {n: c for c, objectives in _CLUSTER_OBJECTIVES.items() for n in objectives}


# -- relation checks, in plain Python --------------------------------------------------------


def unique(values: tuple[Any, ...]) -> tuple[Any, ...]:
    """The tuple itself, or ``ValueError`` naming the first item listed twice."""
    if len(set(values)) != len(values):
        seen: set[Any] = set()
        for value in values:
            if value in seen:
                raise ValueError(f"{value!r} is listed twice")
            seen.add(value)
    return values


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def order_problem(
    start_field: str, start: dt.date | None, end_field: str, end: dt.date | None
) -> str | None:
    """The message if ``end`` comes before ``start`` (two datetimes: not strictly after)."""
    if start is None or end is None:
        return None
    if isinstance(start, dt.datetime) and isinstance(end, dt.datetime):
        broken = end <= start
    else:
        broken = _day(end) < _day(start)
    return f"{end_field} {end} is not after {start_field} {start}" if broken else None


def dated_problem(start: object, end: object, planned: object) -> str | None:
    """A meeting needs a start or a planned date, and an end needs a start."""
    if start is None and planned is None:
        return "give the start, or the planned date"
    if start is None and end is not None:
        return "an end needs a start"
    return None


def objectives_problem(cluster: int, objectives: tuple[int, ...]) -> str | None:
    """The message for the first objective outside the session's cluster."""
    inside = _CLUSTER_OBJECTIVES.get(cluster)
    if inside is None:
        return None
    for index, number in enumerate(objectives):
        if number not in inside and number in _HOME:
            return (
                f"objectives[{index}]: objective {number} is in cluster {_HOME[number]}, "
                f"not cluster {cluster}"
            )
    return None


def participant_problem(  # noqa: PLR0913 - the fields the relations read
    *,
    record_id: str,
    kind: ParticipantKind,
    sector: Sector | None,
    category: str | None,
    organisation: str | None,
    gender: Gender | None,
) -> str | None:
    """A category for a non-stakeholder, self-membership, an organisation's gender."""
    if category is not None and sector not in (None, Sector.STAKEHOLDER):
        return "only stakeholders have a stakeholder category"
    if organisation is not None and organisation == record_id:
        return "cannot belong to itself"
    if gender is not None and kind is ParticipantKind.ORGANISATION:
        return "an organisation has no gender"
    return None


def parse_moment(value: object) -> dt.date:
    """``YYYY-MM-DD`` as a date, or an ISO 8601 datetime with its UTC offset (msgspec).

    A date or datetime object (built in Python, not decoded) is checked, not parsed.
    """
    if isinstance(value, dt.date):
        moment: dt.date = value
    elif type(value) is not str:
        raise TypeError("expected an ISO 8601 date or datetime string")
    elif len(value) == len("YYYY-MM-DD"):
        moment = dt.date.fromisoformat(value)
    else:
        moment = dt.datetime.fromisoformat(value)
    if isinstance(moment, dt.datetime) and moment.utcoffset() is None:
        raise ValueError(f"{value!r} needs its UTC offset")
    return moment
