"""Tests of ``gcm_model.testing.invalid_datasets``: documents that break exactly one rule.

For every rule of the catalogue, under the profile it is meant for and under
every other profile that runs it: the validator reports the rule and no
error of any other rule; the JSON Schema rejects the documents of the
structural rules and accepts the others (their rules are beyond it). Then
the eager checks of the arguments and what the strategy shrinks towards.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import jsonschema
import orjson
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import gcm_model
from gcm_model import testing
from gcm_model.conformance import profile_for
from gcm_model.errors import InvalidCodeError, UnknownCodeError
from gcm_model.schema import json_schema
from gcm_model.testing._invalid_datasets import _BREAKERS, _invalid
from gcm_model.validation import PROFILES, Severity

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

EXAMPLES = max(3, settings().max_examples // 20)
"""Examples per rule: 15 under the ci profile, 100 under deep; a dataset is slow to draw."""

STRUCTURAL = {
    "schema-version",
    "missing-field",
    "unknown-field",
    "wrong-type",
    "invalid-value",
    "unknown-code",
    "unknown-objective",
}
"""The rules whose documents the JSON Schema rejects too (json-syntax is not JSON)."""

SLUGS = [rule.slug for rule in gcm_model.rules]

OTHER_PROFILES = [
    (rule.slug, name)
    for rule in gcm_model.rules
    for name in PROFILES
    if name in rule.profiles and name != profile_for(rule.slug)
]
"""Each rule with every profile that runs it, but the one it is meant for."""


@functools.cache
def schema_validator() -> jsonschema.Draft202012Validator:
    """The validator of the published dataset schema, built once."""
    return jsonschema.Draft202012Validator(json_schema())


def simplest(strategy: SearchStrategy[bytes]) -> bytes:
    """The first example Hypothesis tries: the simplest, which failures shrink towards."""
    found: list[bytes] = []

    @settings(max_examples=1, database=None, phases=[Phase.generate])
    @given(strategy)
    def record(value: bytes) -> None:
        found.append(value)

    record()
    return found[0]


def check_breaks_only(slug: str, profile: str, data: bytes) -> None:
    """``data`` breaks ``slug`` and no other error rule, and the schema agrees."""
    report = gcm_model.validate(data, profile=profile)
    shown = report.to_text()
    assert slug in {issue.rule for issue in report.issues}, shown
    others = [i for i in report.issues if i.severity is Severity.ERROR and i.rule != slug]
    assert others == [], shown
    if slug == "json-syntax":
        with pytest.raises(orjson.JSONDecodeError):
            orjson.loads(data)
        return
    document: Any = orjson.loads(data)
    accepted = schema_validator().is_valid(document)
    assert accepted is (slug not in STRUCTURAL), data


@pytest.mark.parametrize("slug", SLUGS)
def test_breaks_the_rule_and_no_other_error(slug: str) -> None:
    """Under its own profile, each document breaks the rule and no other error rule."""
    profile = profile_for(slug)

    @settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
    @given(testing.invalid_datasets(slug))
    def breaks(data: bytes) -> None:
        check_breaks_only(slug, profile, data)

    breaks()


@pytest.mark.parametrize(("slug", "profile"), OTHER_PROFILES)
def test_breaks_the_rule_under_every_profile(slug: str, profile: str) -> None:
    """Under strict (warnings are errors) and unece-2024 too, only the rule breaks."""

    @settings(max_examples=max(3, EXAMPLES // 3), suppress_health_check=[HealthCheck.too_slow])
    @given(testing.invalid_datasets(slug, profile=profile))
    def breaks(data: bytes) -> None:
        check_breaks_only(slug, profile, data)

    breaks()


WAYS = [
    (slug, way, profile)
    for slug, (count, _) in sorted(_BREAKERS.items())
    for way in range(count)
    for profile in dict.fromkeys((profile_for(slug), "strict"))
    if profile in gcm_model.rules.lookup(slug).profiles
]
"""Each rule with each way its breaker knows of breaking it, under the profile it is meant for
and under strict (where every warning is an error, the base dataset is empty)."""


def test_every_rule_has_a_breaker() -> None:
    """The private table of breakers covers exactly the rules of the catalogue."""
    assert sorted(_BREAKERS) == sorted(SLUGS)


@pytest.mark.parametrize(("slug", "way", "profile"), WAYS)
def test_every_way_breaks_only_the_rule(slug: str, way: int, profile: str) -> None:
    """Each way of breaking each rule, taken on purpose, breaks the rule and no other."""

    @st.composite
    def documents(draw: st.DrawFn) -> bytes:
        return _invalid(draw, slug, profile, way)

    @settings(max_examples=3, suppress_health_check=[HealthCheck.too_slow])
    @given(documents())
    def breaks(data: bytes) -> None:
        check_breaks_only(slug, profile, data)

    breaks()


def test_every_rule_has_a_profile() -> None:
    """``profile_for`` gives default for the general rules, unece-2024 for the concept note's."""
    chosen = {slug: profile_for(slug) for slug in SLUGS}
    assert set(chosen.values()) == {"default", "unece-2024"}
    # Which rules are the concept note's alone is pinned in test_validation_rules.
    unece_only = {r.slug for r in gcm_model.rules if r.profiles == ("unece-2024",)}
    assert {s for s, p in chosen.items() if p == "unece-2024"} == unece_only


def test_codes_name_the_same_strategy() -> None:
    """A rule's code gives the strategy of its slug (strategies are made once)."""
    assert testing.invalid_datasets("GCM501") is testing.invalid_datasets("report-deadline")
    assert testing.invalid_datasets("GCM310") is testing.invalid_datasets(
        "hearing-first", profile="unece-2024"
    )


def test_unknown_rule_raises_with_suggestions() -> None:
    """An unknown rule raises UnknownCodeError at the call, naming the nearest rule."""
    with pytest.raises(UnknownCodeError) as caught:
        testing.invalid_datasets("report-deadlines")
    assert "report-deadline" in caught.value.suggestions


@pytest.mark.parametrize("profile", ["unece", "", "Strict"])
def test_unknown_profile_raises(profile: str) -> None:
    """An unknown profile raises UnknownCodeError at the call."""
    with pytest.raises(UnknownCodeError):
        testing.invalid_datasets("webcast", profile=profile)


@pytest.mark.parametrize("slug", ["hearing-first", "rapporteur", "co-chairs", "report-deadline"])
@pytest.mark.parametrize("profile", ["default", "strict"])
def test_a_rule_outside_the_profile_raises(slug: str, profile: str) -> None:
    """A UNECE 2024 rule under a profile that does not run it raises InvalidCodeError."""
    with pytest.raises(InvalidCodeError):
        testing.invalid_datasets(slug, profile=profile)


def test_shrinks_towards_the_smallest_break() -> None:
    """The simplest document is the first way to break the rule in an empty dataset."""
    assert orjson.loads(simplest(testing.invalid_datasets("report-deadline"))) == {
        "schema_version": gcm_model.SCHEMA_VERSION,
        "meetings": [
            {
                "id": "0",
                "title": "0",
                "kind": "regional_review",
                "start": "2020-01-01",
                "end": "2020-01-01",
            }
        ],
        "reports": [
            {"id": "0:1", "kind": "outcome_report", "meetings": ["0"], "issued": "2020-02-01"}
        ],
    }
    assert simplest(testing.invalid_datasets("json-syntax")) == b'{"schema_version":"1.0"'
