"""``gcm-model schema``: print the JSON Schema of the dataset format."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

from gcm_model._text import close_matches
from gcm_model.cli._common import (
    EXIT_OK,
    _examples,
    _Formatter,
    _out_json,
    _UsageError,
)
from gcm_model.models import dataset as models_dataset
from gcm_model.models import process as models_process
from gcm_model.models import reports as models_reports
from gcm_model.models._base import Model
from gcm_model.schema import json_schema

if TYPE_CHECKING:
    import argparse


# -- schema ---------------------------------------------------------------------------------


def _model_classes() -> dict[str, type]:
    """The public classes of the wire format, by name (those the package root exports)."""
    found = {
        name: getattr(module, name)
        for module in (models_process, models_reports, models_dataset)
        for name in module.__all__
    }
    return {
        name: value
        for name, value in sorted(found.items())
        if isinstance(value, type) and issubclass(value, Model)
    }


def _schema(args: argparse.Namespace) -> int:
    classes = _model_classes()
    by_lower = {name.lower(): cls for name, cls in classes.items()}
    cls = by_lower.get(args.type.lower())
    if cls is None:
        near = close_matches(args.type, classes, n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise _UsageError(f"unknown type {args.type!r}{hint} (one of: {', '.join(classes)})")
    _out_json(json_schema(cls))
    return EXIT_OK


def _add_schema(commands: Any) -> argparse.ArgumentParser:
    names = ", ".join(_model_classes())
    parser: argparse.ArgumentParser = commands.add_parser(
        "schema",
        help="print the JSON Schema of the dataset format",
        description=(
            "Print the JSON Schema (2020-12) of a dataset, or of one record type, generated\n"
            "from the model classes. Rules that relate several fields or records are checked\n"
            "by validate, not by the schema."
        ),
        epilog=_examples(
            "gcm-model schema > dataset.schema.json",
            "gcm-model schema --type Meeting",
        )
        + "\n\ntypes:\n"
        + textwrap.indent(textwrap.fill(names, 76), "  "),
        formatter_class=_Formatter,
    )
    parser.add_argument(
        "--type", default="Dataset", metavar="NAME", help="a model class of gcm_model"
    )
    parser.set_defaults(run=_schema)
    return parser
