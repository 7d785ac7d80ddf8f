"""Enumerations and type aliases shared by the reference data and the models.

Examples:
    >>> Status("CONFIRMED-2").is_primary
    False
"""

from __future__ import annotations

import enum
from typing import TypeAlias

__all__ = [
    "CommissionCode",
    "Confidence",
    "CountryCode",
    "MembershipKind",
    "NameKind",
    "ObjectiveNumber",
    "ReviewKind",
    "StakeholderCode",
    "Status",
]

ObjectiveNumber: TypeAlias = int
"""A GCM objective number, 1 to 23 (A/RES/73/195 para. 16)."""

CommissionCode: TypeAlias = str
"""A regional commission code: ``ECE``, ``ESCAP``, ``ECLAC``, ``ECA`` or ``ESCWA``."""

CountryCode: TypeAlias = str
"""An ISO 3166-1 alpha-3 code, or ``XKX`` for Kosovo."""

StakeholderCode: TypeAlias = str
"""A stakeholder category code such as ``migrants`` or ``local_authorities``."""


class Status(enum.Enum):
    """How well a reference datum (or a source's own details) is sourced."""

    CONFIRMED = "CONFIRMED"
    """Read in a primary UN text."""
    CONFIRMED_2 = "CONFIRMED-2"
    """Read only in a secondary source, or computed from confirmed data."""
    SEED = "SEED"
    """Stated only in one of the five documents the package was first built from
    (their records in ``gcm_model.sources`` say so), with no other source found."""
    UNCONFIRMED = "UNCONFIRMED"
    """Not confirmed by any source reached; kept because a record needs it, and flagged."""

    @property
    def is_primary(self) -> bool:
        """Whether the datum was read in a primary text."""
        return self is Status.CONFIRMED

    @property
    def rank(self) -> int:
        """0 for the strongest status, 3 for the weakest."""
        return list(Status).index(self)


class MembershipKind(enum.Enum):
    """How a State or territory belongs to a regional commission."""

    MEMBER = "member"
    ASSOCIATE = "associate"


class ReviewKind(enum.Enum):
    """The two kinds of review round."""

    REGIONAL = "regional"
    """Regional reviews, every four years from 2020 (A/RES/73/195 para. 50)."""
    IMRF = "imrf"
    """The International Migration Review Forum, every four years from 2022 (para. 49)."""


class NameKind(enum.Enum):
    """Why a country is also known by a name that is not its UN or ISO name."""

    FORMER = "former"
    """A name the country had in ISO 3166-1 before a change (Swaziland, Turkey)."""
    COMMON = "common"
    """A name in common English use (UK, Ivory Coast); each one says where it comes from."""


class Confidence(enum.Enum):
    """How surely a datum was read from its source, apart from how well it is sourced.

    A table that came out of a PDF column by column must be put back in rows;
    the status says which document gives a plan, the confidence how surely
    the plan is read as that meeting's.
    """

    HIGH = "high"
    """The reading fits every check the sources allow."""
    MEDIUM = "medium"
    """The reading fits the text, but another cannot be ruled out."""
    LOW = "low"
    """One of several readings the text allows, none checked."""
