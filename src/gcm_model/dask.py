"""Validate JSON Lines collections too large for one machine, partition by partition, with Dask.

Each file is one partition of a ``dask.bag`` (so every issue keeps its file and
line). A partition decodes its lines and runs every rule that its own records
can answer; the rules that need every record of the collection, duplicate ids
and references, run on the merged index of ids and references, so they are
right across partitions. Rules that compare records with each other (a
report and its meeting, a review and its events) see the records of their own
partition: keep related records in one file, or validate the whole collection
with ``gcm_model.validate`` where it fits in memory.

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
from gcm_model.models import kinds
from gcm_model.validation._context import at_or_under
from gcm_model.validation._engine import Plan, _Loaded, take_line
from gcm_model.validation._report import Issue, ValidationReport

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Mapping, Sequence

    import dask.bag

__all__ = ["validate_bag"]

_GLOBAL = ("duplicate-id", "dangling-reference")


@attrs.frozen
class _Part:
    """What one partition hands to the merge."""

    issues: tuple[Issue, ...]
    records: int
    # collection, id, file, line, and whether a record was built (only one can be a duplicate)
    ids: tuple[tuple[str, str, str | None, int | None, bool], ...]
    references: tuple[tuple[str | None, str | None, int | None, str, str, tuple[str, ...]], ...]
    headers: tuple[Issue, ...] = ()
    """The issues of header lines (a version this release does not read refuses them all)."""


def _read(lines: Iterable[tuple[str, str]]) -> tuple[_Loaded, set[tuple[str, int]]]:
    """The partition's lines read, and the (file, line) of its header lines."""
    loaded = _Loaded()
    headers: set[tuple[str, int]] = set()
    numbers: dict[str, int] = {}
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
            loaded.problems.append(problem)
            continue
        if type(document) is not dict:
            problem = DocumentProblem(
                "wrong-type", "", "expected an object", None, line, None, path
            )
            loaded.problems.append(problem)
            continue
        if document.get(TYPE_KEY) == HEADER_TYPE:
            # Each file may begin with the header line: its version and fields are checked.
            headers.add((path, line))
            _, problems = _read_header(document)
            loaded.problems.extend(attrs.evolve(p, line=line, file=path) for p in problems)
            if any(p.rule == "schema-version" for p in problems):
                refused.add(path)  # refused whole, as read_jsonl refuses it
            continue
        _add_line(document, plain=_decode.plain(text), at=(path, line), loaded=loaded)
    return loaded, headers


def _add_line(
    document: dict[str, Any], *, plain: bool, at: tuple[str, int], loaded: _Loaded
) -> None:
    """One record line, read as ``gcm_model.validate`` reads a line of a JSON Lines file."""
    path, line = at
    parts = _decode_record_parts(document, plain=plain)
    problems = tuple(attrs.evolve(p, line=line) for p in parts.problems)
    found = JsonLine(line, parts.record, problems, document, parts.partial, parts.unknown)
    take_line(found, loaded, path)


def _partition(lines: Iterable[tuple[str, str]], plan: Plan) -> list[_Part]:
    loaded, headers = _read(lines)
    issues = plan.without(*_GLOBAL).check(loaded)
    ids = tuple(
        (
            collection,
            record_id,
            located.file if located else None,
            located.line if located else None,
            located is not None,
        )
        for collection, seen in loaded.ids.items()
        for record_id, located in seen
    )
    references = tuple(
        (r.id, r.file, r.line, tail, target_id, targets)
        for r in loaded.records
        for tail, target_id, targets in kinds.references(r.record)
        if not at_or_under(f"/{tail}", r.unknown)
    )
    head = tuple(i for i in issues if (i.file, i.line) in headers)
    return [_Part(tuple(issues), len(loaded.records), ids, references, head)]


def _merge(parts: Sequence[_Part], plan: Plan) -> list[Issue]:
    """The partitions' issues, then duplicate ids and dangling references over all of them.

    A header at a version this release does not read refuses the whole
    collection, as it refuses a file or a document: only the header lines'
    issues are reported then.
    """
    issues = [issue for part in parts for issue in part.issues]
    if any(i.rule == "schema-version" for i in issues):
        return [issue for part in parts for issue in part.headers]
    wanted = {r.slug: r for r in plan.active}
    seen: dict[str, set[str]] = {}
    duplicate = wanted.get("duplicate-id")
    for part in parts:
        for collection, record_id, file, line, built in part.ids:
            known = seen.setdefault(collection, set())
            if record_id in known and built and duplicate is not None:
                message = f"another record of {collection} has the id {record_id!r}"
                issues.append(_issue(plan, duplicate, (file, line, record_id), "/id", message))
            known.add(record_id)
    dangling = wanted.get("dangling-reference")
    for part in parts if dangling is not None else ():
        for owner, file, line, tail, target_id, targets in part.references:
            if not any(target_id in seen.get(t, set()) for t in targets):
                kinds = " or ".join(targets)
                message = f"{target_id!r} is not the id of any of the dataset's {kinds}"
                spot = (file, line, owner)
                issues.append(_issue(plan, dangling, spot, f"/{tail}", message, value=target_id))
    return issues


def _issue(  # noqa: PLR0913 - rule, place and words of one issue
    plan: Plan,
    rule: Any,
    spot: tuple[str | None, int | None, str | None],
    path: str,
    message: str,
    *,
    value: Any = None,
) -> Issue:
    """An issue at a file, line and record (``spot``)."""
    file, line, record = spot
    return Issue(
        rule=rule.slug,
        code=rule.code,
        severity=plan.profile.severity(rule),
        path=path,
        message=message,
        value=value,
        record=record,
        file=file,
        line=line,
        source=rule.source,
    )


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
            ``dask.bag.read_text(..., include_path=True)`` makes).
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
    elif isinstance(source, db.Bag):
        bag = source
    else:
        raise InvalidCodeError("source", source, "expected paths of JSON Lines files or a dask bag")
    parts_bag = bag.map_partitions(_partition, plan)
    computed = dask.compute(parts_bag, scheduler=scheduler)  # type: ignore[attr-defined, no-untyped-call]
    parts: list[_Part] = list(computed[0])
    return plan.report(_merge(parts, plan), sum(p.records for p in parts))
