"""What every command shares: exit codes, errors, output and argument types."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import textwrap
from typing import TYPE_CHECKING, Any

import orjson

from gcm_model.formats import _into_place

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path


PROG = "gcm-model"

EXIT_OK = 0
"""Everything went well."""
EXIT_FAILED = 1
"""The data has errors or cannot be loaded, or a lookup found nothing."""
EXIT_USAGE = 2
"""The command was wrong: an unknown option, name or code, a missing file, no ``cli`` extra."""

MISSING_EXTRA = "the command line needs the cli extra: pip install 'gcm-model[cli]'"
"""What ``main`` prints when rich is not installed."""

_JSON_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2


class _UsageError(Exception):
    """A problem with the command rather than the data: exit code 2."""


class _FailedError(Exception):
    """Data that cannot be used: its lines are printed to stderr, exit code 1."""

    def __init__(self, *lines: str) -> None:
        super().__init__("\n".join(lines))


# -- output ---------------------------------------------------------------------------------


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def _json_text(value: Any) -> str:
    return (orjson.dumps(value, option=_JSON_OPTIONS, default=str) + b"\n").decode()


def _out_json(value: Any) -> None:
    sys.stdout.write(_json_text(value))


def _write_output(path: Path, data: bytes, *, force: bool) -> None:
    """Write a file as convert writes datasets: whole or not at all, replaced only with --force."""
    if path.exists() and not force:
        raise _UsageError(f"{path} exists; use --force to replace it")
    try:
        # The atomic write of gcm_model.formats: a temporary file beside it, then a rename.
        _into_place(path, lambda temporary: temporary.write_bytes(data))
    except OSError as exc:
        raise _UsageError(f"cannot write {path}: {exc.strerror or exc}") from None


def _console(*, stderr: bool = False) -> Any:
    from rich.console import Console  # noqa: PLC0415 - rich is imported only when drawing

    # Built at each use so that it writes to the current sys.stdout (or stderr).
    return Console(stderr=stderr, highlight=False)


# -- argument types -----------------------------------------------------------------------------


def _date(text: str) -> dt.date:
    try:
        return dt.datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=dt.UTC).date()
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _count(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number, 0 or more, got {text!r}")
    return number


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        # As gcm_model.validate: a cap of 0 would list nothing, so it is refused.
        raise argparse.ArgumentTypeError(f"expected a whole number, 1 or more, got {text!r}")
    return number


def _names(values: Iterable[str] | None) -> list[str] | None:
    """Rule names from repeated and comma-separated option values."""
    if values is None:
        return None
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Keep the examples' line breaks; show defaults."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        if action.default not in (None, False, argparse.SUPPRESS) and "%(default)" not in text:
            text += " (default: %(default)s)"
        return text


def _examples(*lines: str) -> str:
    return "examples:\n" + textwrap.indent("\n".join(lines), "  ")
