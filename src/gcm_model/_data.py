"""Access to the packaged reference data files and their manifest.

Nothing here runs at import time: each file is read on first use and cached.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

__all__ = ["MANIFEST", "build_manifest", "codelist_names", "data_version", "load", "manifest"]

MANIFEST = "manifest.json"


@functools.cache
def _files() -> Path:
    # Beside this module, found as the conformance suite is: importlib.resources
    # cost some 5 ms to import, most of the time of a registry's first use.
    return Path(__file__).resolve().with_name("data")


@functools.cache
def load(codelist: str) -> dict[str, Any]:
    """The parsed data file of one codelist (``objectives``, ``commissions``, ...)."""
    text = _files().joinpath(f"{codelist}.json").read_text(encoding="utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


@functools.cache
def manifest() -> dict[str, Any]:
    """The parsed manifest: data version and, per file, provenance and checksum."""
    document: dict[str, Any] = json.loads(_files().joinpath(MANIFEST).read_text(encoding="utf-8"))
    return document


def data_version() -> str:
    """The version of the packaged reference data, quoted by validation reports.

    Examples:
        >>> data_version()
        '2026.12.07'
    """
    version: str = manifest()["data_version"]
    return version


def codelist_names() -> list[str]:
    """The names of every packaged codelist, sorted."""
    return sorted(
        entry.name.removesuffix(".json")
        for entry in _files().iterdir()
        if entry.name.endswith(".json") and entry.name != MANIFEST
    )


def build_manifest(version: str) -> dict[str, Any]:
    """Compute the manifest the data files call for: their provenance and SHA-256.

    ``scripts/update_manifest.py`` writes it; a test checks the packaged
    manifest equals it, so a data file cannot change unnoticed.
    """
    import hashlib  # noqa: PLC0415 - only the manifest script and its test need it

    files: dict[str, Any] = {}
    for name in codelist_names():
        raw = _files().joinpath(f"{name}.json").read_bytes()
        provenance = json.loads(raw)["provenance"]
        files[f"{name}.json"] = {**provenance, "sha256": hashlib.sha256(raw).hexdigest()}
    return {"data_version": version, "files": files}
