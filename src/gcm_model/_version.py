"""The version: of the source tree (``__version__``), and as installed (``installed_version``).

Hatch reads ``__version__`` from this file when it builds the package; the
package's ``__version__`` and the reports' ``library_version`` are the
installed distribution's, read from its metadata.
"""

from __future__ import annotations

import functools

__version__ = "0.1.0.dev0"


@functools.cache
def installed_version() -> str:
    """The installed distribution's version, read once from its metadata."""
    from importlib.metadata import version  # noqa: PLC0415 - read only when asked

    return version("gcm-model")
