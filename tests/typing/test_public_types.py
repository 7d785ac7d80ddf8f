"""Static typing checks of the public API: mypy --strict reads this file.

The assertions run too, so the file is also an ordinary test.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, assert_type

import gcm_model
from gcm_model import Cluster, Commission, Country, Objective

if TYPE_CHECKING:
    from gcm_model.registry import IdentifierKind


def test_lookups_are_typed() -> None:
    """Each registry returns its own record type."""
    assert_type(gcm_model.objectives.lookup(11), Objective)
    assert_type(gcm_model.objectives.get(99), Objective | None)
    assert_type(gcm_model.clusters.of_objective(11), Cluster)
    assert_type(gcm_model.commissions.search("europe"), list[Commission])
    assert_type(gcm_model.countries.lookup("MDA"), Country)
    assert_type(
        gcm_model.commissions.of_country("TUR", dt.date(2024, 1, 1)), tuple[Commission, ...]
    )


def test_identifier_kinds_share_a_protocol() -> None:
    """Registries satisfy IdentifierKind with the type of their keys."""
    numbers: IdentifierKind[int] = gcm_model.objectives
    codes: IdentifierKind[str] = gcm_model.commissions
    assert_type(numbers.validate("11"), int)
    assert_type(codes.compact("unece"), str)
    assert numbers.validate("11") == 11
    assert codes.compact("unece") == "ECE"
