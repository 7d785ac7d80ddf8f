"""Validate JSON Lines collections too large for one machine, partition by partition, with Dask.

Each partition decodes its lines, reports each record's own problems and runs
the rules that judge one record, and keeps only the facts that the rules
comparing records need (ids, references, dates and codes: a few hundred bytes
a record). The partitions' facts are gathered in order and judged once, so
``validate_bag`` gives the report ``gcm_model.validate`` gives for the same
lines, however they are partitioned, with the same file and line for every
issue.

Needs the ``dask`` extra.

Examples:
    >>> import tempfile, pathlib
    >>> from gcm_model import Pledge
    >>> from gcm_model.converters import JsonLinesWriter
    >>> from gcm_model.dask import validate_bag
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with JsonLinesWriter(folder / "part-1.jsonl") as writer:
    ...     writer.write(Pledge(id="p1", text="Open a pathway.", member_state="ESP"))
    >>> with JsonLinesWriter(folder / "part-2.jsonl") as writer:
    ...     writer.write(Pledge(id="p1", text="Again.", member_state="MDA"))
    >>> report = validate_bag(str(folder / "*.jsonl"), scheduler="sync")
    >>> [(issue.rule, issue.line) for issue in report]
    [('duplicate-id', 2)]
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import orjson

from gcm_model.converters import HEADER_TYPE, TYPE_KEY, JsonLine, _read_lines
from gcm_model.errors import InvalidCodeError
from gcm_model.formats import Format, format_of
from gcm_model.validation._engine import no_header, take_line
from gcm_model.validation._plan import Key, Plan, Run, in_order
from gcm_model.validation._report import Issue

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Iterator, Mapping, Sequence

    import dask.bag

    from gcm_model.validation._report import ValidationReport

__all__ = ["validate_bag"]


@attrs.frozen
class _Part:
    """What one partition hands to the merge: its issues so far, and what the judges need."""

    found: tuple[tuple[Key, Issue], ...]
    gathered: Any  # the run's facts, ids and counts (``gcm_model.validation._plan``)
    headers: tuple[Issue, ...] = ()
    """The issues of header lines (a version this release does not read refuses them all)."""


@attrs.frozen
class _Survey:
    """What a first pass learns of one partition: each file's lines, and its first non-blank one."""

    counts: dict[str, int]
    first: dict[str, tuple[int, str]]  # path: (number in the partition, text)


@attrs.frozen
class _File:
    """What every partition must know of a file the partitions split.

    Attributes:
        opens: whether the file opens the collection (it must begin with the header).
        first: the number of the file's first non-blank line (``None`` for a
            file with no such line).
        refused: whether that line refuses the file: no header where one is
            needed, or a version this release does not read.
    """

    opens: bool
    first: int | None
    refused: bool


def _survey(lines: Iterable[tuple[str, str]]) -> _Survey:
    """How many lines of each file a partition holds, and the first non-blank one of each."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, str]] = {}
    for text, path in lines:
        counts[path] = counts.get(path, 0) + 1
        if path not in first and text.strip():
            first[path] = (counts[path], text)
    return _Survey(counts, first)


def _files(surveys: Sequence[_Survey]) -> tuple[list[dict[str, int]], dict[str, _File]]:
    """Each partition's line offsets per file, and what each file's first line says."""
    before: list[dict[str, int]] = []
    firsts: dict[str, tuple[int, str]] = {}
    running: dict[str, int] = {}
    for survey in surveys:
        before.append(dict(running))
        for path, (number, text) in survey.first.items():
            firsts.setdefault(path, (running.get(path, 0) + number, text))
        for path, count in survey.counts.items():
            running[path] = running.get(path, 0) + count
    files: dict[str, _File] = {}
    for index, path in enumerate(running):  # in the order the files come
        at, text = firsts.get(path, (None, ""))
        if at is None:
            files[path] = _File(opens=not index, first=None, refused=False)
            continue
        read = next(_lines_of([(at, text)], opens=not index)[1])
        refused = any(p.rule == "schema-version" for p in read.problems)
        files[path] = _File(opens=not index, first=at, refused=refused)
    return before, files


def _lines_of(piece: list[tuple[int, str]], *, opens: bool) -> tuple[bool, Iterator[JsonLine]]:
    """A file's lines from its first one on, as ``read_jsonl`` reads them.

    The file that opens the collection must begin with the header, as a file
    given to ``validate`` must; the others continue it, and may begin with
    a header (each file ``JsonLinesWriter`` writes does) or not.

    Returns:
        Whether the first non-blank line is read as the header, and the lines.
    """
    if opens:
        return True, _read_lines(piece)
    head = next((text for _, text in piece if text.strip()), "")
    try:
        document = orjson.loads(head)
    except orjson.JSONDecodeError:
        document = None
    is_header = type(document) is dict and document.get(TYPE_KEY) == HEADER_TYPE
    return is_header, _read_lines(piece, header_seen=not is_header)


def _read(  # noqa: PLR0913 - the lines, where they go, and what is known of their files
    lines: list[tuple[str, str]],
    run: Run,
    before: Mapping[str, int],
    files: Mapping[str, _File],
    *,
    whole: str | None,
    opens: bool,
) -> set[tuple[str, int | None]]:
    """Read a partition's lines into a run, each file's as ``read_jsonl`` reads it.

    Lines are numbered as in their file (``before`` counts each file's lines
    in the partitions before this one). ``files`` says what the first line
    of each file the partitions split said; ``whole`` names the file this
    partition holds whole, if it does, and ``opens`` whether that file opens
    the collection.

    Returns:
        Where the header lines are, as (file, line); a file with no header
        line at all has ``None`` for its line.
    """
    pieces: dict[str, list[tuple[int, str]]] = {}
    numbers = dict(before)
    for text, path in lines:
        numbers[path] = numbers.get(path, 0) + 1
        pieces.setdefault(path, []).append((numbers[path], text))
    headers: set[tuple[str, int | None]] = set()
    for path, piece in pieces.items():
        file, start = files.get(path), before.get(path, 0)
        if file is not None and file.first is not None and file.first <= start:
            if not file.refused:  # the file's first line was read in an earlier partition
                for line in _read_lines(piece, header_seen=True):
                    take_line(line, run, path)
            continue
        opening = opens if file is None else file.opens
        has_header, found = _lines_of(piece, opens=opening)
        read = 0
        for line in found:
            if has_header and not read:
                headers.add((path, line.number))
            read += 1
            take_line(line, run, path)
        blank = file is None or file.first is None  # the whole file: nothing but blank lines
        if not read and opening and not start and blank:  # as validate says it
            run.problem(no_header(path))
            headers.add((path, None))
    if whole is not None and opens and whole not in pieces:  # an empty file: no line names it
        run.problem(no_header(whole))
        headers.add((whole, None))
    return headers


def _partition(  # noqa: PLR0913 - the lines, the plan, and what is known of their files
    lines: Iterable[tuple[str, str]],
    plan: Plan,
    before: Mapping[str, int],
    files: Mapping[str, _File],
    *,
    whole: str | None = None,
    opens: bool = False,
    part: int = 0,
) -> _Part:
    """One partition's issues and facts; ``whole`` names the file it holds whole, if it does.

    ``part`` is the partition's number: its run numbers its records apart from the
    other partitions', so that their facts merge as they are.
    """
    run = Run(plan, part)
    headers = _read(list(lines), run, before, files, whole=whole, opens=opens)
    found = tuple(run.drain())
    head = tuple(issue for _, issue in found if (issue.file, issue.line) in headers)
    return _Part(found, run.gathered, head)


def _merge(parts: Sequence[_Part], plan: Plan) -> tuple[list[Issue], int]:
    """The partitions' issues, then the judges' over the facts of them all, in the report's order.

    A header at a version this release does not read refuses the whole
    collection, as it refuses a file or a document: only the header lines'
    issues are reported then.
    """
    found = [item for part in parts for item in part.found]
    if any(issue.rule == "schema-version" for _, issue in found):
        return [issue for part in parts for issue in part.headers], 0
    run = Run(plan)
    for part in parts:
        run.merge(part.gathered)
    found.extend(run.judge())
    return in_order(found), run.gathered.count


def validate_bag(  # noqa: PLR0913 - the options of validate, plus the scheduler
    source: str | Sequence[str] | dask.bag.Bag,
    *,
    profile: str = "default",
    as_of: dt.date | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    scheduler: str | None = None,
    parameters: Mapping[str, Mapping[str, object]] | None = None,
) -> ValidationReport:
    """Validate JSON Lines files partition by partition with ``dask.bag`` and merge the reports.

    Args:
        source: a path or glob of JSON Lines files, a list of them, or a
            ``dask.bag.Bag`` of ``(line, path)`` pairs (as
            ``dask.bag.read_text(..., include_path=True)`` makes), each
            file's lines in order, partitioned in any way (its lines are
            then counted in a first pass, to number every line as in its
            file).
        profile: as for ``gcm_model.validate``.
        as_of: as for ``gcm_model.validate``.
        select: as for ``gcm_model.validate``.
        ignore: as for ``gcm_model.validate``.
        scheduler: a Dask scheduler name (``"sync"``, ``"threads"``,
            ``"processes"``); ``None`` uses the current one (a
            ``distributed.Client`` if one is active).
        parameters: as for ``gcm_model.validate``.

    Returns:
        One report for the whole collection.

    Raises:
        InvalidCodeError: dask is not installed, or the source is of another kind.
        UnknownFormatError: a path whose name names no format (``gcm_model.formats``).
        UnknownCodeError: an unknown profile, rule or parameter name.
        InvalidCodeError: a parameter value of the wrong type or out of range.
    """
    try:
        import dask  # noqa: PLC0415 - an optional extra
        import dask.bag as db  # noqa: PLC0415
        import fsspec  # noqa: PLC0415 - dask's file layer, installed with it
    except ImportError:
        raise InvalidCodeError(
            "extra", "dask", "validate_bag needs dask: pip install 'gcm-model[dask]'"
        ) from None
    plan = Plan.of(profile, as_of=as_of, select=select, ignore=ignore, parameters=parameters)
    if isinstance(source, str | list | tuple):
        for name in [source] if isinstance(source, str) else source:
            if format_of(Path(name)) is not Format.JSON_LINES:  # names a glob's files too
                raise InvalidCodeError(
                    "source", name, "validate_bag reads JSON Lines (.jsonl, .ndjson): convert first"
                )
        bag = db.read_text(source, blocksize=None, include_path=True)  # type: ignore[no-untyped-call]
        # One partition per file, in this order: each file's lines are counted from 1.
        whole: list[str | None] = [f.path for f in fsspec.open_files(source)]
        whole_files = True
    elif isinstance(source, db.Bag):
        bag, whole_files = source, False
        whole = [None] * bag.npartitions
    else:
        raise InvalidCodeError("source", source, "expected paths of JSON Lines files or a dask bag")
    pieces = bag.to_delayed()
    before: list[dict[str, int]] = [{} for _ in pieces]
    files: dict[str, _File] = {}
    if not whole_files:
        # Partitions may split files: count each file's lines in the partitions before
        # each, and find each file's header, so that each piece is read as in its file.
        surveys = dask.compute(*map(dask.delayed(_survey), pieces), scheduler=scheduler)  # type: ignore[attr-defined, no-untyped-call]
        before, files = _files(surveys)
    tasks = [
        dask.delayed(_partition)(p, plan, b, files, whole=w, opens=not i, part=i)  # type: ignore[attr-defined]
        for i, (p, b, w) in enumerate(zip(pieces, before, whole, strict=True))
    ]
    parts: list[_Part] = list(dask.compute(*tasks, scheduler=scheduler))  # type: ignore[attr-defined, no-untyped-call]
    issues, records = _merge(parts, plan)
    return plan.report(issues, records)
