"""JSON Schema 2020-12 for the wire format, generated from the model classes.

The schema is built from the same declarations the classes check themselves
with (each attrs field's kind, which writes its own fragment): types, enums of the reference codes,
minimum and maximum of objective numbers, id patterns, ``uniqueItems``,
``required``, ``additionalProperties: false``, the ``kind`` tags of agenda
segments and report items, and descriptions from the docstrings. Rules that
relate several fields or records (an end after its start, a session's
objectives inside its cluster, exactly one author, references that resolve)
are beyond JSON Schema and are left to the loader and to validation; the list
is ``NOT_IN_SCHEMA``.

Examples:
    >>> from gcm_model import Venue
    >>> from gcm_model.schema import json_schema
    >>> schema = json_schema(Venue)
    >>> schema["$defs"]["Venue"]["properties"]["country"]["anyOf"][0]
    {'$ref': '#/$defs/CountryCode'}
    >>> schema["$defs"]["CountryCode"]["enum"][:3]
    ['ABW', 'AFG', 'AGO']
"""

from __future__ import annotations

import ast
import inspect
import itertools
import re
import textwrap
from typing import Any

import attrs

from gcm_model import registry
from gcm_model.dates import DATE_PATTERN, DATETIME_PATTERN
from gcm_model.errors import InvalidCodeError
from gcm_model.models.checks import ID_PATTERN
from gcm_model.models.dataset import SCHEMA_VERSION, Dataset
from gcm_model.models.kinds import kind_of, tag_of

__all__ = [
    "DATETIME_PATTERN",
    "DATE_PATTERN",
    "NOT_IN_SCHEMA",
    "SCHEMA_DIALECT",
    "json_schema",
    "published_schema",
]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of the generated schema."""

NOT_IN_SCHEMA: tuple[tuple[str, str, str], ...] = (
    ("chronology", "", "an end is not before its start (two fields)"),
    ("invalid-value", "author", "exactly one of member_state and author (two fields)"),
    ("missing-field", "text", "a written submission has a text or a url (two fields)"),
    ("missing-field", "start", "a meeting or event has a start or a planned date (two fields)"),
    ("missing-field", "title", "a custom report section (no kind) has a title (two fields)"),
    ("invalid-value", "category", "only stakeholders have a stakeholder category (two fields)"),
    ("invalid-value", "gender", "an organisation has no gender (two fields)"),
    ("invalid-value", "organisation", "a participant does not belong to itself (two fields)"),
    ("invalid-value", "feeds", "an event does not feed itself (two fields)"),
    ("invalid-value", "roles", "only a call for expressions of interest offers parts (two fields)"),
    ("invalid-value", "plan", "a national review is not its own plan (two fields)"),
    ("invalid-value", "email", "no control character in an email address (not in its pattern yet)"),
    ("invalid-value", "reply_to", "no control character in an email address (as for email)"),
    ("invalid-value", "time_zone", "a time zone that exists in the IANA database"),
    ("dataset", "", "ids unique and references resolving (the whole dataset)"),
)
"""What the loader checks that JSON Schema cannot say: (rule, field or "", why)."""


def _codes(name: str) -> tuple[str, dict[str, Any]]:
    """The name and schema of the enumeration of a registry's codes."""
    found: registry.Registry[Any, Any] = getattr(registry, name)
    title = "".join(word.capitalize() for word in found.kind.split()) + "Code"
    description = f"A {found.kind} code of gcm_model.{name}."
    return title, {**found.code_schema(), "description": description}


_SHARED: dict[str, dict[str, Any]] = {
    "Moment": {
        "anyOf": [
            {"type": "string", "format": "date", "pattern": DATE_PATTERN},
            {"type": "string", "format": "date-time", "pattern": DATETIME_PATTERN},
        ],
        "description": (
            "A date (YYYY-MM-DD), or an RFC 3339 datetime with seconds and its UTC offset"
            " (YYYY-MM-DDTHH:MM:SS, up to 6 decimals, then Z or +HH:MM)."
        ),
    },
    "Id": {
        "type": "string",
        "pattern": f"^{ID_PATTERN.pattern}$",
        "description": "A record id, or a reference to one.",
    },
    "Text": {
        "type": "string",
        "pattern": r"^[^\s\x00-\x1f\x7f](?:[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*[^\s\x00-\x1f\x7f])?$",
        "description": "Text: not blank, trimmed, without control characters.",
    },
}


class _Builder:
    """Walks the classes reachable from the root and collects their definitions."""

    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def shared(self, name: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
        """A reference to a shared definition, added the first time."""
        self.defs.setdefault(name, schema if schema is not None else _SHARED[name])
        return {"$ref": f"#/$defs/{name}"}

    def codes(self, registry_name: str) -> dict[str, Any]:
        """A reference to the enum of a registry's codes."""
        name, schema = _codes(registry_name)
        return self.shared(name, schema)

    def ref(self, cls: type) -> dict[str, Any]:
        if cls.__name__ not in self.defs:
            self.defs[cls.__name__] = {}  # reserve the name: classes may refer to themselves
            self.defs[cls.__name__] = self.model(cls)
        return {"$ref": f"#/$defs/{cls.__name__}"}

    def union(self, classes: tuple[type, ...]) -> dict[str, Any]:
        """A reference to one model class, or a ``oneOf`` of several."""
        if len(classes) == 1:
            return self.ref(classes[0])
        return {"oneOf": [self.ref(cls) for cls in classes]}

    def model(self, cls: type) -> dict[str, Any]:
        descriptions = _attribute_docs(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        tag = tag_of(cls)
        if tag is not None:
            properties["kind"] = {"const": tag, "description": "The tag of this kind."}
            required.append("kind")
        for field in attrs.fields(cls):
            kind = kind_of(field)
            if kind is None:
                continue
            schema = kind.schema(self)
            if field.name in descriptions:
                schema = {**schema, "description": descriptions[field.name]}
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        out: dict[str, Any] = {"type": "object", "title": cls.__name__}
        summary = _summary(cls)
        if summary:
            out["description"] = summary
        out.update(properties=properties, additionalProperties=False)
        if required:
            out["required"] = required
        return out


def _summary(cls: type) -> str:
    doc = inspect.getdoc(cls) or ""
    return doc.split("\n\n", 1)[0].replace("\n", " ").strip()


_ATTRIBUTE = re.compile(r"^    (\w+): (.*)$")


def _attribute_docs(cls: type) -> dict[str, str]:
    """Field descriptions: the ``Attributes:`` section, then docstrings under fields."""
    found = _section_docs(cls)
    for name, text in _field_docstrings(cls).items():
        found.setdefault(name, text)
    return found


def _field_docstrings(cls: type) -> dict[str, str]:
    """The string literals under annotated fields, in the class and the classes it extends."""
    found: dict[str, str] = {}
    for base in reversed(cls.__mro__):
        if attrs.has(base) and base.__module__.startswith("gcm_model"):
            found.update(_own_field_docstrings(base))
    return found


def _own_field_docstrings(cls: type) -> dict[str, str]:
    """The string literals written right under annotated fields in one class body."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError, SyntaxError):  # pragma: no cover - source not available
        return {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    found: dict[str, str] = {}
    for node, after in itertools.pairwise(body):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            found[node.target.id] = " ".join(after.value.value.split())
    return found


def _section_docs(cls: type) -> dict[str, str]:
    doc = inspect.getdoc(cls) or ""
    if "Attributes:" not in doc:
        return {}
    found: dict[str, str] = {}
    current: str | None = None
    for line in doc.split("Attributes:", 1)[1].splitlines():
        match = _ATTRIBUTE.match(line)
        if match:
            current = match.group(1)
            found[current] = match.group(2).strip()
        elif current and line.startswith("        "):
            found[current] += " " + line.strip()
        elif line.strip():
            break
    return found


def json_schema(cls: type = Dataset) -> dict[str, Any]:
    """The JSON Schema (2020-12) of a model class's documents; a dataset by default.

    Args:
        cls: any model class (``Dataset``, ``Meeting``, ``Venue``, ...).

    Returns:
        The schema, with every class it refers to under ``$defs``.
    """
    if not attrs.has(cls):
        raise InvalidCodeError("model class", cls, "expected an attrs class of gcm_model")
    builder = _Builder()
    root = builder.ref(cls)
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "$id": f"urn:gcm-model:schema:{cls.__name__}:{SCHEMA_VERSION}",
        "title": f"gcm-model {cls.__name__}",
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }
    if cls is Dataset:
        dataset = schema["$defs"]["Dataset"]
        dataset["required"] = ["schema_version"]
        dataset["properties"]["schema_version"] = {
            "const": Dataset().schema_version,
            "description": "The version of the dataset format.",
        }
    return schema


def published_schema() -> bytes:
    """The dataset schema as the canonical bytes of the published file.

    The file ``schema/dataset.schema.json`` in the repository holds exactly
    these bytes; ``scripts/update_schema.py`` writes them.
    """
    import orjson  # noqa: PLC0415

    return orjson.dumps(json_schema(), option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2) + b"\n"
