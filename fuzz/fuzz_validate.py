# ruff: noqa: INP001 - a script run by path (make fuzz), not a package
"""Coverage-guided fuzzing of the loaders and ``validate`` with atheris.

``make fuzz`` installs atheris and runs this file for ``FUZZ_SECONDS``
(default 60)::

    make fuzz FUZZ_SECONDS=600
    .venv/bin/python fuzz/fuzz_validate.py -max_total_time=60 [CORPUS_DIR ...]

Each input's bytes go to ``gcm_model.loads`` (a JSON document),
``gcm_model.validate``, ``gcm_model.converters.read_jsonl`` (the bytes split
into lines) and ``gcm_model.tabular.from_tables`` (the text decoded and read
as CSV tables: the sections between form feeds are ``dataset.csv`` and then
the other tables of ``gcm_model.tabular.TABLES`` in order). The loaders may
raise only ``gcm_model.GcmError`` on bad input; ``validate`` may not raise
at all, since bad data becomes issues. Anything else is a crash atheris
reports, with the input that caused it.

``check`` is the whole per-input contract and needs no atheris, so a test
(``tests/test_fuzz_target.py``) runs it over Hypothesis byte strings and
keeps this target working. The conformance suite's folders
(``src/gcm_model/conformance_suite/*/``) make a good seed corpus.
"""

from __future__ import annotations

import contextlib
import csv
import io
import sys

import gcm_model
from gcm_model import converters, tabular

TABLE_BREAK = "\f"
"""What separates one CSV table from the next in a fuzz input."""

TABLE_NAMES = ("dataset", *(name for name in tabular.TABLES if name != "dataset"))
"""The tables of a fuzz input, in order."""


def tables(text: str) -> dict[str, list[dict[str, str]]]:
    """CSV tables from text, as ``gcm_model.tabular.read_csv`` reads each file.

    Args:
        text: the tables, separated by form feeds: ``dataset`` first, then
            the others in the order of ``TABLES``.

    Returns:
        The rows of each table, read up to the first CSV error of its text
        (``read_csv`` reports such an error as a problem of its own).
    """
    found: dict[str, list[dict[str, str]]] = {}
    for name, section in zip(TABLE_NAMES, text.split(TABLE_BREAK), strict=False):
        reader = csv.DictReader(io.StringIO(section, newline=""))
        rows: list[dict[str, str]] = []
        with contextlib.suppress(csv.Error):
            rows.extend({k: v for k, v in row.items() if k is not None} for row in reader)
        found[name] = rows
    return found


def check(data: bytes) -> None:
    """Feed one input to every loader and to ``validate``.

    Args:
        data: the fuzz input.

    Raises:
        Exception: anything but a ``GcmError`` from a loader, or anything
            at all from ``validate``: a bug.
    """
    with contextlib.suppress(gcm_model.GcmError):
        gcm_model.loads(data)
    gcm_model.validate(data)
    with contextlib.suppress(gcm_model.GcmError):
        for _ in converters.read_jsonl(data.splitlines(keepends=True)):
            pass
    with contextlib.suppress(gcm_model.GcmError):
        tabular.from_tables(tables(data.decode("utf-8", errors="replace")))


if __name__ == "__main__":
    import atheris  # only here: check() and the test need no atheris

    atheris.instrument_all()
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()
