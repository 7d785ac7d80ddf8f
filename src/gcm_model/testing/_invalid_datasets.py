"""The strategy of invalid datasets: documents that break exactly one rule.

``_invalid`` draws a valid base from ``datasets()`` and has the rule's
breaker (from the ``_breaks_*`` modules, one per family of rules) add a
broken carrier to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import orjson
from hypothesis import strategies as st

from gcm_model.conformance import profile_for
from gcm_model.converters import unstructure
from gcm_model.errors import InvalidCodeError
from gcm_model.testing._breaks_content import _BREAKERS as _CONTENT
from gcm_model.testing._breaks_followup import _BREAKERS as _FOLLOWUP
from gcm_model.testing._breaks_meetings import _BREAKERS as _MEETINGS
from gcm_model.testing._breaks_reviews import _BREAKERS as _REVIEWS
from gcm_model.testing._breaks_structure import _BREAKERS as _STRUCTURE
from gcm_model.testing._carriers import _Breakers, _Draft, _ids_of
from gcm_model.testing._datasets import datasets
from gcm_model.testing._draw import _strategy
from gcm_model.validation import PROFILES, rules
from gcm_model.validation._catalogue import profile as profile_named

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy

_BREAKERS: _Breakers = {**_STRUCTURE, **_CONTENT, **_MEETINGS, **_REVIEWS, **_FOLLOWUP}
"""Each rule's breaker, with the number of ways it knows (``_Draft.way`` says which)."""


def _invalid(draw: DrawFn, slug: str, profile: str, way: int | None = None) -> bytes:
    """A document that breaks ``slug`` under ``profile``, the drawn way (or ``way``)."""
    ways, breaker = _BREAKERS[slug]
    chosen = PROFILES[profile]
    # The way first, so that examples shrink towards the first way.
    taken = draw(st.integers(0, ways - 1)) if way is None else way
    # Under a profile that makes warnings errors, a drawn base would break other rules.
    document = unstructure(draw(datasets(max_records=0 if chosen.escalate else 2)))
    minimum = chosen.parameter(rules.lookup("consultations"), "minimum")
    gender = chosen.parameter(rules.lookup("balance"), "gender")
    draft = _Draft(document, _ids_of(document), minimum, gender_balance=gender, way=taken)
    breaker(draw, draft)
    return draft.raw if draft.raw is not None else orjson.dumps(draft.document)


def invalid_datasets(rule: str, *, profile: str | None = None) -> SearchStrategy[bytes]:
    """JSON documents (as bytes) that break one validation rule and no other error rule.

    Each document is a valid dataset drawn from ``datasets()`` with a few
    records added that break ``rule`` in one of several ways (the rule's
    branches: for ``chronology``, a meeting ending before it starts, a
    segment outside its meeting, an event after the meeting it prepares, an
    evaluation before it, a report issued before it). Validated with
    ``gcm_model.validate(document, profile=profile)``, it yields at least one
    issue of ``rule`` and no error of any other rule; warnings and
    information of other rules may come too (a drawn regional review
    usually lacks some stakeholder category, so ``stakeholder-coverage``
    warns). Under ``strict``, which makes warnings errors, the base dataset
    is empty and the added records are built so that no other rule fires.

    For the structural rules (``schema-version``, ``missing-field``,
    ``unknown-field``, ``wrong-type``, ``invalid-value``, ``unknown-code``,
    ``unknown-objective``) the JSON Schema (``gcm_model.schema.json_schema()``)
    rejects the document too; ``json-syntax`` documents are not JSON. The
    documents of the other rules are valid under the schema: those rules
    are beyond it.

    Args:
        rule: a rule slug or code of ``gcm_model.rules``, such as
            ``"report-deadline"`` or ``"GCM501"``.
        profile: the profile the documents are meant for; by default
            ``gcm_model.conformance.profile_for(rule)``: ``default``, or
            ``unece-2024`` for the rules of the UNECE 2024 concept note's practice.

    Returns:
        A strategy of ``bytes``; shrinks towards the first way of breaking
        the rule with the fewest, simplest records in an otherwise empty
        dataset (ids ``"0"``, texts ``"0"``, the day 2020-01-01).

    Raises:
        UnknownCodeError: no such rule or profile (naming the nearest).
        InvalidCodeError: the rule does not run under the profile.
    """
    slug = rules.lookup(rule).slug
    chosen = profile_for(slug) if profile is None else profile_named(profile).name
    if slug not in {r.slug for r in PROFILES[chosen].active()}:
        raise InvalidCodeError("profile", profile, f"the rule {slug!r} does not run under it")
    return _strategy("invalid_datasets", lambda draw: _invalid(draw, slug, chosen), slug, chosen)
