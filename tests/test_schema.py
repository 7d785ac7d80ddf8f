"""Tests for gcm_model.schema: the published JSON Schema and its agreement with the loader."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

import gcm_model as g
from gcm_model.converters import structure, unstructure
from gcm_model.errors import DocumentError, InvalidCodeError
from gcm_model.schema import NOT_IN_SCHEMA, json_schema, published_schema

ROOT = Path(__file__).resolve().parents[1]
STRUCTURAL = {"missing-field", "unknown-field", "wrong-type"}
MODEL_CLASSES = [g.Venue, g.ThematicSession, g.Meeting, g.Report, g.Participant, g.Dataset]


def validator(cls: type[Any] = g.Dataset) -> jsonschema.Draft202012Validator:
    """A validator of the generated schema, checking formats too."""
    return jsonschema.Draft202012Validator(
        json_schema(cls), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def example(name: str) -> g.Dataset:
    """The dataset an examples/ script builds."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "examples" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built: g.Dataset = module.build()
    return built


def inline(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with every $ref replaced by its definition (for hypothesis-jsonschema)."""
    definitions = schema["$defs"]

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                target = walk(definitions[node["$ref"].rsplit("/", 1)[1]])
                return {**target, **{k: walk(v) for k, v in node.items() if k != "$ref"}}
            return {k: walk(v) for k, v in node.items() if k not in ("$defs", "$schema", "$id")}
        if isinstance(node, list):
            return [walk(item) for item in node]
        return node

    inlined: dict[str, Any] = walk(schema)
    return inlined


def test_schema_is_valid_json_schema_2020_12() -> None:
    """The generated schema passes the 2020-12 meta-schema."""
    jsonschema.Draft202012Validator.check_schema(json_schema())
    for cls in MODEL_CLASSES:
        jsonschema.Draft202012Validator.check_schema(json_schema(cls))


def test_published_file_is_current() -> None:
    """schema/dataset.schema.json is what the code generates; run scripts/update_schema.py."""
    assert (ROOT / "schema" / "dataset.schema.json").read_bytes() == published_schema()


def test_schema_carries_the_declared_constraints() -> None:
    """Enums, bounds, patterns, uniqueness, required fields and descriptions come through."""
    schema = json_schema()
    defs = schema["$defs"]
    assert schema["$ref"] == "#/$defs/Dataset"
    assert defs["Dataset"]["properties"]["schema_version"] == {
        "const": g.SCHEMA_VERSION,
        "description": "The version of the dataset format.",
    }
    session = defs["ThematicSession"]
    assert session["required"] == ["kind", "cluster"]
    assert session["properties"]["kind"]["const"] == "thematic_session"
    assert session["properties"]["objectives"]["items"] == {
        "type": "integer",
        "minimum": 1,
        "maximum": 23,
    }
    assert session["properties"]["objectives"]["uniqueItems"] is True
    assert defs["ClusterCode"]["enum"] == [1, 2, 3, 4]
    assert defs["CommissionCode"]["enum"] == ["ECA", "ECE", "ECLAC", "ESCAP", "ESCWA"]
    assert len(defs["CountryCode"]["enum"]) == 250
    assert defs["RegionalReview"]["properties"]["commissions"]["minItems"] == 1
    assert all(d.get("additionalProperties") is False for d in defs.values() if "properties" in d)
    assert defs["Meeting"]["properties"]["co_chairs"]["description"].startswith("the Member")
    assert "slot" in defs["Hearing"]["properties"]["reported_minutes"]["description"]
    segments = defs["Meeting"]["properties"]["agenda"]["items"]["oneOf"]
    assert len(segments) == len(g.models.process.SEGMENT_TYPES)


def test_json_schema_refuses_what_is_not_a_model() -> None:
    """json_schema(int) is a wrong call."""
    with pytest.raises(InvalidCodeError):
        json_schema(int)


@pytest.mark.parametrize("name", ["unece_2024", "unece_2020", "second_round"])
def test_examples_satisfy_the_schema(name: str) -> None:
    """Every bundled example, as the converter writes it, is valid under the schema."""
    errors = list(validator().iter_errors(unstructure(example(name))))
    assert errors == []


def _allowed(rule: str, pointer: str) -> bool:
    """Whether a loader problem is one NOT_IN_SCHEMA says the schema cannot express."""
    field = pointer.rsplit("/", 1)[-1]
    return any(rule == r and (not f or f == field) for r, f, _ in NOT_IN_SCHEMA)


@pytest.mark.parametrize(
    "cls", [g.Venue, g.Window, g.ThematicSession, g.Meeting, g.Participant, g.Report]
)
def test_schema_valid_documents_load_or_break_only_what_the_schema_cannot_say(
    cls: type[Any],
) -> None:
    """Documents generated from the schema load and round-trip, or fail a documented rule."""

    @settings(max_examples=25, suppress_health_check=list(HealthCheck), deadline=None)
    @given(from_schema(inline(json_schema(cls))))
    def check(document: dict[str, Any]) -> None:
        try:
            loaded = structure(document, cls)
        except DocumentError as exc:
            bad = [(p.rule, p.pointer) for p in exc.problems if not _allowed(p.rule, p.pointer)]
            assert bad == []
        else:
            assert structure(unstructure(loaded), cls) == loaded

    check()


def _mutations(document: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """Structural damage at a random place: an unknown key, a dropped key, a wrong type."""
    paths: list[tuple[Any, ...]] = []

    def walk(node: Any, path: tuple[Any, ...]) -> None:
        if isinstance(node, dict):
            paths.append(path)
            for key, value in node.items():
                walk(value, (*path, key))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, (*path, index))

    walk(document, ())

    def damage(path: tuple[Any, ...], how: str, key_index: int) -> dict[str, Any]:
        copy: dict[str, Any] = unstructure(structure(document))  # a fresh deep copy
        node = copy
        for step in path:
            node = node[step]
        keys = sorted(node)
        if how == "unknown" or not keys:
            node["surplus"] = 1
        elif how == "drop":
            del node[keys[key_index % len(keys)]]
        else:
            node[keys[key_index % len(keys)]] = {"wrong": ["type"]}
        return copy

    return st.builds(
        damage,
        st.sampled_from(paths),
        st.sampled_from(["unknown", "drop", "retype"]),
        st.integers(min_value=0, max_value=50),
    )


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_loader_structural_rejections_are_schema_rejections(data: st.DataObject) -> None:
    """Whenever the loader refuses a document for a structural reason, so does the schema."""
    document = unstructure(example("unece_2024"))
    damaged = data.draw(_mutations(document))
    try:
        structure(damaged)
    except DocumentError as exc:
        structural = [
            p for p in exc.problems if p.rule in STRUCTURAL and not _allowed(p.rule, p.pointer)
        ]
        if structural:
            assert not validator().is_valid(damaged)
