"""The formats a dataset is kept in, recognised and opened in one place.

A dataset is one JSON document (``.json``), a JSON Lines file (``.jsonl`` or
``.ndjson``: a header line, then one record a line) or a directory of CSV
tables (``dataset.csv`` and a file per table). ``format_of`` tells which a
path holds from its name; ``read_dataset`` and ``write_dataset`` open and
write any of them. ``gcm_model.validate``, the command line and
``gcm_model.dask`` recognise their sources here, so a path means the same to
each of them.

Examples:
    >>> from pathlib import Path
    >>> format_of(Path("review.jsonl")), format_of(Path("tables"), writing=True)
    (<Format.JSON_LINES: 'jsonl'>, <Format.CSV: 'csv'>)
    >>> format_of(Path("review.txt"))
    Traceback (most recent call last):
    ...
    gcm_model.errors.UnknownFormatError: cannot tell the format of 'review.txt' from its name: ...
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from gcm_model.converters import dump, dump_jsonl, load, load_jsonl
from gcm_model.errors import SourceError, UnknownFormatError

if TYPE_CHECKING:
    from pathlib import Path

    from gcm_model.models.dataset import Dataset

__all__ = ["JSON_LINES_SUFFIXES", "Format", "format_of", "read_dataset", "write_dataset"]

JSON_LINES_SUFFIXES = frozenset({".jsonl", ".ndjson"})
"""The names a JSON Lines file ends in."""


class Format(enum.Enum):
    """A format a dataset is kept in."""

    JSON = "json"
    """One JSON document."""
    JSON_LINES = "jsonl"
    """A header line, then one record a line."""
    CSV = "csv"
    """A directory of CSV tables, ``dataset.csv`` and a file per table."""


def format_of(path: Path, *, writing: bool = False) -> Format:
    """The format of a dataset at ``path``, from its name.

    Args:
        path: the file or directory.
        writing: the path is to be written: one without a suffix is a
            directory of CSV tables to make.

    Returns:
        ``Format.CSV`` for a directory, else the format the suffix names.

    Raises:
        UnknownFormatError: the name names no format.
    """
    suffix = path.suffix.lower()
    if path.is_dir() or (writing and not suffix):
        return Format.CSV
    if suffix == ".json":
        return Format.JSON
    if suffix in JSON_LINES_SUFFIXES:
        return Format.JSON_LINES
    raise UnknownFormatError(path)


def read_dataset(path: Path) -> Dataset:
    """Read a dataset in any of its formats.

    Raises:
        SourceError: the path does not exist or cannot be read.
        UnknownFormatError: its name names no format.
        DocumentError: with every problem of the data.
    """
    if not path.exists():
        raise SourceError(path, FileNotFoundError("no such file or directory"))
    kind = format_of(path)
    try:
        if kind is Format.CSV:
            from gcm_model.tabular import read_csv  # noqa: PLC0415 - CSV support on first use

            return read_csv(path)
        return load_jsonl(path) if kind is Format.JSON_LINES else load(path)
    except OSError as exc:
        raise SourceError(path, exc) from None


def write_dataset(dataset: Dataset, path: Path, kind: Format | None = None) -> Format:
    """Write a dataset in a format: the one its name says, unless ``kind`` is given.

    Returns:
        The format written.

    Raises:
        UnknownFormatError: no ``kind``, and the name names no format.
        OSError: the file or directory cannot be written.
    """
    kind = kind or format_of(path, writing=True)
    if kind is Format.CSV:
        from gcm_model.tabular import write_csv  # noqa: PLC0415 - CSV support on first use

        write_csv(dataset, path)
    elif kind is Format.JSON_LINES:
        dump_jsonl(dataset, path)
    else:
        dump(dataset, path)
    return kind
