"""The formats a dataset is kept in, recognised and opened in one place.

A dataset is one JSON document (``.json``), a JSON Lines file (``.jsonl`` or
``.ndjson``: a header line, then one record a line) or a directory of CSV
tables (``dataset.csv`` and a file per table). ``format_of`` tells which a
path holds from its name; ``read_dataset`` and ``write_dataset`` open and
write any of them. ``gcm_model.validate``, the command line and
``gcm_model.dask`` recognise their sources here, so a path means the same to
each of them. A dataset is written whole or not at all: into a temporary
file (or directory of tables) beside the target, then renamed into place.

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

import contextlib
import enum
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from gcm_model.converters import dump, dump_jsonl, load, load_jsonl
from gcm_model.errors import SourceError, UnknownFormatError

if TYPE_CHECKING:
    from collections.abc import Callable

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


def write_dataset(
    dataset: Dataset, path: Path, kind: Format | None = None, *, overwrite: bool = True
) -> Format:
    """Write a dataset in a format: the one its name says, unless ``kind`` is given.

    The file (or the directory of CSV tables) is written beside ``path``
    under a temporary name and renamed into place when it is complete, so an
    error or an interrupt (Ctrl-C) never leaves a half-written dataset, and
    what was there before stays until the new one is whole.

    Args:
        dataset: the dataset.
        path: the file, or the directory for CSV tables.
        kind: the format; by default the one ``path``'s name says.
        overwrite: whether an existing ``path`` may be replaced (an empty
            directory may always receive CSV tables).

    Returns:
        The format written.

    Raises:
        UnknownFormatError: no ``kind``, and the name names no format.
        FileExistsError: ``path`` exists and ``overwrite`` is false.
        OSError: the file or directory cannot be written.
    """
    kind = kind or format_of(path, writing=True)
    target = Path(path)
    if not overwrite and target.exists() and not (target.is_dir() and not any(target.iterdir())):
        raise FileExistsError(17, "it exists already", str(target))
    if kind is Format.CSV:
        from gcm_model.tabular import write_csv  # noqa: PLC0415 - CSV support on first use

        _into_place(target, lambda temporary: write_csv(dataset, temporary), folder=True)
    elif kind is Format.JSON_LINES:
        _into_place(target, lambda temporary: dump_jsonl(dataset, temporary))
    else:
        _into_place(target, lambda temporary: dump(dataset, temporary))
    return kind


def _into_place(target: Path, write: Callable[[Path], object], *, folder: bool = False) -> None:
    """Run ``write`` on a temporary path beside ``target``, then rename it to ``target``.

    A directory that is replaced is first moved aside, then removed once the
    new one is in place (a directory cannot be renamed over another).
    """
    parent = target.parent
    if folder:  # as for tables written in place: the directories above are made
        parent.mkdir(parents=True, exist_ok=True)
    prefix = f".{target.name}."
    if folder:
        temporary = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    else:
        handle, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=parent)
        os.close(handle)
        temporary = Path(name)
    try:
        write(temporary)
        if folder and target.exists():
            aside = Path(tempfile.mkdtemp(prefix=prefix, dir=parent)) / "old"
            target.rename(aside)
            temporary.rename(target)
            shutil.rmtree(aside.parent, ignore_errors=True)
        else:
            temporary.replace(target)
    except BaseException:  # an interrupt too: never leave the temporary behind
        with contextlib.suppress(OSError):
            if folder:
                shutil.rmtree(temporary)
            else:
                temporary.unlink()
        raise
