"""The version of the source tree; the installed version comes from the package metadata."""

from __future__ import annotations

__version__ = "0.1.0.dev0"
