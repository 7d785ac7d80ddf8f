"""Defining the functions that ``_decode`` and ``_encode`` generate from the model classes."""

from __future__ import annotations

import linecache
from typing import Any

__all__ = ["define"]


def define(source: str, filename: str, namespace: dict[str, Any], name: str) -> Any:
    """Run generated ``source`` in ``namespace`` and return the function ``name`` it defines.

    The source goes into ``linecache`` under ``filename`` (such as
    ``<gcm_model decoder ...Meeting>``), so tracebacks and debuggers show it,
    as attrs and cattrs do for the code they generate.
    """
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102 - generated from field declarations
    return namespace[name]
