"""``gcm-model convert``: convert a dataset between JSON, JSON Lines and CSV tables."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from gcm_model.cli._common import (
    EXIT_OK,
    PROG,
    _err,
    _examples,
    _FailedError,
    _Formatter,
    _UsageError,
)
from gcm_model.errors import DocumentError, UnknownFormatError
from gcm_model.formats import Format, format_of, read_dataset, write_dataset

if TYPE_CHECKING:
    import argparse

    from gcm_model.models.dataset import Dataset

# -- convert --------------------------------------------------------------------------------


def _format(path: Path, *, output: bool) -> Format:
    """The format of IN or OUT, from its name (``gcm_model.formats``)."""
    try:
        return format_of(path, writing=output)
    except UnknownFormatError:
        raise _UsageError(str(UnknownFormatError(path, "OUT" if output else "IN"))) from None


def _read(path: Path, kind: Format) -> Dataset:
    if kind is Format.CSV and path.is_dir() and not (path / "dataset.csv").is_file():
        raise _UsageError(
            f"{path} has no dataset.csv: an IN directory must hold CSV tables "
            "as convert writes them"
        )
    try:
        return read_dataset(path)
    except DocumentError as exc:
        count = f"{len(exc.problems)} problem{'s' if len(exc.problems) != 1 else ''}"
        raise _FailedError(
            f"{PROG}: cannot load {path}, {count}:", *(f"  {p}" for p in exc.problems)
        ) from None


def _write(dataset: Dataset, path: Path, kind: Format, *, force: bool) -> None:
    try:
        write_dataset(dataset, path, kind, overwrite=force)
    except FileExistsError:
        raise _UsageError(f"{path} exists; use --force to replace it") from None
    except OSError as exc:
        raise _UsageError(f"cannot write {path}: {exc.strerror or exc}") from None


def _convert(args: argparse.Namespace) -> int:
    source, target = Path(args.input), Path(args.output)
    kinds = _format(source, output=False), _format(target, output=True)
    dataset = _read(source, kinds[0])
    _write(dataset, target, kinds[1], force=args.force)
    records = sum(1 for _ in dataset.records())
    _err(
        f"{PROG}: wrote {target} ({kinds[1].value}) from {source} ({kinds[0].value}): "
        f"{records} records"
    )
    return EXIT_OK


def _add_convert(commands: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        "convert",
        help="convert a dataset between JSON, JSON Lines and CSV tables",
        description=(
            "Convert a dataset between JSON (.json), JSON Lines (.jsonl) and a directory of\n"
            "CSV tables, one table per record kind. The format follows from the names: an IN\n"
            "directory is read as CSV tables; an OUT without a suffix, or an existing\n"
            "directory, receives CSV tables. Output is canonical (sorted keys), so a\n"
            "conversion from JSON to JSON normalises a file.\n\n"
            "The data must load (structure and each record's invariants), but the dataset\n"
            "rules are not checked: run validate for those. OUT is written whole or not at\n"
            "all (under a temporary name, then renamed), and an existing OUT is replaced only\n"
            "with --force. Text cells that begin like a spreadsheet formula (=, +, -, @) are\n"
            "written after an apostrophe, which reading takes away. Exit status: 0 when\n"
            "written, 1 when IN cannot be loaded (every problem is listed), 2 for a usage\n"
            "problem (OUT exists without --force)."
        ),
        epilog=_examples(
            "gcm-model convert data.json data.jsonl",
            "gcm-model convert data.jsonl tables/",
            "gcm-model convert tables/ data.json",
        ),
        formatter_class=_Formatter,
    )
    parser.add_argument("input", metavar="IN", help="a .json or .jsonl file, or a CSV directory")
    parser.add_argument(
        "output", metavar="OUT", help="a .json or .jsonl file, or a directory for CSV tables"
    )
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    parser.set_defaults(run=_convert)
    return parser
