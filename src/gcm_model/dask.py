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

from gcm_model import _decode
from gcm_model._faults import _describe
from gcm_model.converters import (
    HEADER_TYPE,
    TYPE_KEY,
    DocumentProblem,
    JsonLine,
    _decode_record_parts,
    _read_header,
)
from gcm_model.errors import InvalidCodeError
from gcm_model.formats import Format, format_of
from gcm_model.validation._engine import take_line
from gcm_model.validation._plan import Key, Plan, Run, in_order
from gcm_model.validation._report import Issue

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Mapping, Sequence

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


def _count(lines: Iterable[tuple[str, str]]) -> dict[str, int]:
    """How many lines of each file a partition holds."""
    found: dict[str, int] = {}
    for _, path in lines:
        found[path] = found.get(path, 0) + 1
    return found


def _read(lines: Iterable[tuple[str, str]], run: Run, before: Mapping[str, int]) -> set[Any]:
    """Read a partition's lines into a run; the (file, line) of its header lines.

    ``before`` counts the lines of each file in the partitions before this one,
    so that every line is numbered as in its file.
    """
    headers: set[tuple[str, int]] = set()
    numbers = dict(before)
    refused: set[str] = set()  # files whose header names a version this release does not read
    for text, path in lines:
        numbers[path] = numbers.get(path, 0) + 1
        line = numbers[path]
        if not text.strip() or path in refused:
            continue
        try:
            document = orjson.loads(text)
        except orjson.JSONDecodeError as exc:
            problem = DocumentProblem(
                "json-syntax", "", f"invalid JSON: {exc.msg}", None, line, exc.colno, path
            )
            run.problem(problem)
            continue
        if type(document) is not dict:
            got = f"expected an object, got {_describe(document)}"  # as read_jsonl says it
            run.problem(DocumentProblem("wrong-type", "", got, None, line, None, path))
            continue
        if document.get(TYPE_KEY) == HEADER_TYPE:
            # Each file may begin with the header line: its version and fields are checked.
            headers.add((path, line))
            _, problems = _read_header(document)
            for problem in problems:
                run.problem(attrs.evolve(problem, line=line, file=path))
            if any(p.rule == "schema-version" for p in problems):
                refused.add(path)  # refused whole, as read_jsonl refuses it
            continue
        parts = _decode_record_parts(document, plain=_decode.plain(text))
        problems_at = tuple(attrs.evolve(p, line=line) for p in parts.problems)
        found = JsonLine(line, parts.record, problems_at, document, parts.partial, parts.unknown)
        take_line(found, run, path)
    return headers


def _partition(lines: Iterable[tuple[str, str]], plan: Plan, before: Mapping[str, int]) -> _Part:
    run = Run(plan)
    headers = _read(lines, run, before)
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
        whole_files = True  # one partition per file: each file's lines are counted from 1
    elif isinstance(source, db.Bag):
        bag, whole_files = source, False
    else:
        raise InvalidCodeError("source", source, "expected paths of JSON Lines files or a dask bag")
    pieces = bag.to_delayed()
    before: list[dict[str, int]] = [{} for _ in pieces]
    if not whole_files:
        # Partitions may split files: count each file's lines in the partitions before each.
        counted = dask.compute(*map(dask.delayed(_count), pieces), scheduler=scheduler)  # type: ignore[attr-defined, no-untyped-call]
        running: dict[str, int] = {}
        for index, counts in enumerate(counted):
            before[index] = dict(running)
            for path, count in counts.items():
                running[path] = running.get(path, 0) + count
    tasks = [dask.delayed(_partition)(p, plan, b) for p, b in zip(pieces, before, strict=True)]  # type: ignore[attr-defined]
    parts: list[_Part] = list(dask.compute(*tasks, scheduler=scheduler))  # type: ignore[attr-defined, no-untyped-call]
    issues, records = _merge(parts, plan)
    return plan.report(issues, records)
