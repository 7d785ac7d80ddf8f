"""The ``gcm-model`` command line: validate, convert, list, look up, and start a dataset.

Installed with the ``cli`` extra (``pip install 'gcm-model[cli]'``), which
brings rich for the tables and the progress bar; run as ``gcm-model`` or
``python -m gcm_model``. The subcommands are ``validate``, ``schema``,
``convert``, ``show``, ``lookup`` and ``new``; ``gcm-model COMMAND --help``
describes each with examples.

Exit codes: 0 when all went well (for ``validate``: no report has an error),
1 when the data has errors or cannot be loaded (``validate``, ``convert``) or
nothing was found (``lookup``), 2 for a usage problem (an unknown option,
profile, rule or code, a file that does not exist, the ``cli`` extra missing:
``--help`` and ``--version`` work without it).
Problems are reported in one line on standard error, never as a traceback.

``main(argv)`` returns the exit code and never raises ``SystemExit``, so it can
be driven in-process; the console script passes the code to ``sys.exit``.

Examples:
    >>> from gcm_model.cli import main
    >>> main(["lookup", "moldova"])
    countries (ISO 3166-1)
      MDA  Republic of Moldova
    <BLANKLINE>
    languages
      vsi  Moldova Sign Language
    0
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from typing import TYPE_CHECKING

from gcm_model._data import data_version
from gcm_model._version import installed_version
from gcm_model.cli._common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    MISSING_EXTRA,
    PROG,
    _err,
    _examples,
    _FailedError,
    _Formatter,
    _UsageError,
)
from gcm_model.cli._convert import _add_convert
from gcm_model.cli._explain import _add_explain, explain
from gcm_model.cli._new import _add_new
from gcm_model.cli._reference import SHOWN, _add_lookup, _add_show

# Re-exported: the tests list the registries through it.
from gcm_model.cli._reference import _listings as _listings
from gcm_model.cli._schema import _add_schema
from gcm_model.cli._validate import _add_validate
from gcm_model.errors import DocumentError, GcmError

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
    "MISSING_EXTRA",
    "SHOWN",
    "build_parser",
    "explain",
    "help_texts",
    "main",
]


def _parsers() -> dict[str, argparse.ArgumentParser]:
    """The parser of ``gcm-model`` and of each command, by command line."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Validate, convert and explore datasets of the follow-up and review of the\n"
            "Global Compact for Migration, and its reference data.\n\n"
            f"Run '{PROG} COMMAND --help' for each command's options and examples."
        ),
        epilog=_examples(
            "gcm-model validate examples/data/unece_2024.json",
            "gcm-model convert data.json tables/",
            "gcm-model show objectives",
            "gcm-model lookup moldova",
            "gcm-model new meeting --commission ECE --date 2024-03-11 -o ece.json",
        )
        + "\n\nexit status: 0 success, 1 invalid data or nothing found, 2 usage problem",
        formatter_class=_Formatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=(f"{PROG} {installed_version()} (reference data {data_version()})"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    found = {PROG: parser}
    found[f"{PROG} validate"] = _add_validate(commands)
    found[f"{PROG} schema"] = _add_schema(commands)
    found[f"{PROG} convert"] = _add_convert(commands)
    found[f"{PROG} show"] = _add_show(commands)
    found[f"{PROG} lookup"] = _add_lookup(commands)
    found[f"{PROG} explain"] = _add_explain(commands)
    found[f"{PROG} new"], found[f"{PROG} new meeting"] = _add_new(commands)
    return found


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``gcm-model``."""
    return _parsers()[PROG]


def help_texts(width: int = 80) -> dict[str, str]:
    """The ``--help`` text of the program and of each command, by command line.

    The documentation's CLI reference is generated from these.

    Args:
        width: the width to wrap the text to (``--help`` itself follows the terminal).
    """

    def formatter(prog: str) -> argparse.HelpFormatter:
        return _Formatter(prog, width=width)

    texts = {}
    for command, parser in _parsers().items():
        parser.formatter_class = formatter
        texts[command] = parser.format_help()
    return texts


# -- main -----------------------------------------------------------------------------------


def _quiet_broken_pipe() -> None:
    """Send the rest of stdout to /dev/null after the reader went away (``| head``)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: the arguments, without the program name (default: ``sys.argv[1:]``).

    Returns:
        The exit code: 0 success, 1 invalid data or nothing found, 2 a usage
        problem. ``SystemExit`` from argparse (``--help``, ``--version``, a bad
        option) is turned into its code, never raised.
    """
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help and --version end here: they need no extra
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        importlib.import_module("rich")
    except ImportError:
        _err(MISSING_EXTRA)
        return EXIT_USAGE
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    """Run a parsed command, turning every expected failure into a message and a code."""
    try:
        code: int = args.run(args)
    except _FailedError as exc:
        _err(str(exc))
        code = EXIT_FAILED
    except DocumentError as exc:
        _err(f"{PROG}: {exc}")
        code = EXIT_FAILED
    except BrokenPipeError:
        _quiet_broken_pipe()
        code = EXIT_FAILED
    except (_UsageError, GcmError, OSError) as exc:
        _err(f"{PROG}: error: {exc}")
        code = EXIT_USAGE
    except KeyboardInterrupt:
        _err(f"{PROG}: interrupted")
        code = 130
    return code
