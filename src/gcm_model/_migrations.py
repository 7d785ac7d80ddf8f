"""Schema versions of the dataset format, and the steps that upgrade old documents.

``gcm_model.converters.loads`` (and every reader) upgrades a dataset document
to ``SCHEMA_VERSION`` with the registered steps before decoding it.

Examples:
    >>> _upgrade({"schema_version": "0.1"})[1][0].message
    "schema_version '0.1' is unknown; this release reads '1.0'"
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias

from gcm_model.errors import DocumentProblem
from gcm_model.models.dataset import SCHEMA_VERSION

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["Migration", "register_migration"]

Migration: TypeAlias = "Callable[[dict[str, Any]], dict[str, Any]]"
_MIGRATIONS: dict[str, tuple[str, Migration]] = {}


def register_migration(from_version: str, to_version: str) -> Callable[[Migration], Migration]:
    """Register a step that upgrades a dataset document from one schema version to the next.

    ``loads`` applies the steps in turn until the document reaches
    ``SCHEMA_VERSION``. A step takes and returns the parsed JSON object.

    Args:
        from_version: the version the step reads.
        to_version: the version it writes.

    Returns:
        A decorator that registers the step and returns it unchanged.
    """

    def register(step: Migration) -> Migration:
        _MIGRATIONS[from_version] = (to_version, step)
        return step

    return register


def _upgrade(document: dict[str, Any]) -> tuple[dict[str, Any], list[DocumentProblem]]:
    version = document.get("schema_version")
    seen: set[object] = set()
    while version != SCHEMA_VERSION:
        if type(version) is not str:
            message = (
                "the document has no schema_version"
                if version is None
                else f"schema_version must be a string like {SCHEMA_VERSION!r}"
            )
            return document, [
                DocumentProblem("schema-version", "/schema_version", message, version)
            ]
        if version not in _MIGRATIONS or version in seen:
            return document, [
                DocumentProblem(
                    "schema-version",
                    "/schema_version",
                    f"schema_version {version!r} is unknown; this release reads {SCHEMA_VERSION!r}"
                    + (
                        f" and upgrades {', '.join(map(repr, sorted(_MIGRATIONS)))}"
                        if _MIGRATIONS
                        else ""
                    ),
                    version,
                )
            ]
        seen.add(version)
        version, step = _MIGRATIONS[version]
        document = {**step(document), "schema_version": version}
    return document, []
