"""``validate``: read any source, gather every problem, run the dataset rules."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs
import orjson

from gcm_model import _data, _decode
from gcm_model._faults import _field_steps, _pointer
from gcm_model._version import installed_version
from gcm_model.converters import (
    RECORD_TYPES,
    DocumentProblem,
    decode_dataset,
    decode_record,
    read_jsonl,
)
from gcm_model.dates import as_day
from gcm_model.errors import (
    DocumentError,
    InvalidCodeError,
    SourceError,
)
from gcm_model.models._base import Model, field_problems, surely_valid
from gcm_model.models.checks import deferred_checks
from gcm_model.models.dataset import COLLECTIONS, Dataset
from gcm_model.validation._catalogue import Profile, Rule, rules
from gcm_model.validation._catalogue import profile as _profile
from gcm_model.validation._context import Context, Located
from gcm_model.validation._report import Issue, ValidationReport
from gcm_model.validation._rules import CHECKS

__all__ = ["Plan", "validate"]

_COLLECTION_OF = {cls: name for name, cls in COLLECTIONS.items()}
_TYPE_OF = {cls: tag for tag, cls in RECORD_TYPES.items()}
_JSONL = {".jsonl", ".ndjson"}


@attrs.define
class _Loaded:
    records: list[Located] = attrs.Factory(list)
    problems: list[tuple[DocumentProblem, str | None]] = attrs.Factory(list)  # with record id
    ids: dict[str, list[tuple[str, Located | None]]] = attrs.Factory(dict)  # raw ids seen


# -- reading the source ------------------------------------------------------------------


def _record_id(raw: Any) -> str | None:
    found = raw.get("id") if isinstance(raw, dict) else None
    return found if isinstance(found, str) else None


def _from_document(
    document: Any, loaded: _Loaded, file: str | None, *, plain: bool = False
) -> None:
    _, decoded, problems = decode_dataset(document, plain=plain)
    loaded.problems.extend((attrs.evolve(p, file=file), None) for p in problems)
    for item in decoded:
        pointer = f"/{item.collection}/{item.index}"
        record = item.record
        if record is None:
            record = _salvage(item.raw, item.collection, item.problems, pointer)
        located = Located(item.collection, record, pointer, file) if record is not None else None
        raw_id = _record_id(item.raw)
        if raw_id is not None:
            loaded.ids.setdefault(item.collection, []).append((raw_id, located))
        for problem in item.problems:
            loaded.problems.append((attrs.evolve(problem, file=file), raw_id))
        if located is not None:
            loaded.records.append(located)


def _salvage(raw: Any, collection: str, problems: tuple[DocumentProblem, ...], pointer: str) -> Any:
    """The record without its faulty optional fields, so that the dataset rules can run.

    Its problems are reported already; a record whose required fields are at
    fault stays out of the rules.
    """
    if type(raw) is not dict:
        return None
    cls: Any = COLLECTIONS[collection]
    optional = {f.name for f in attrs.fields(cls) if f.default is not attrs.NOTHING}
    faulty = {p.pointer[len(pointer) + 1 :].split("/", 1)[0] for p in problems}
    if not faulty <= optional | (set(raw) - {f.name for f in attrs.fields(cls)}):
        return None
    kept = {k: v for k, v in raw.items() if k not in faulty}
    with deferred_checks():
        record, left = decode_record({"@type": _TYPE_OF[cls], **kept})
    return record if not left else None


def _from_bytes(data: bytes | bytearray | str, loaded: _Loaded, file: str | None) -> None:
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        problem = DocumentProblem(
            "json-syntax", "", f"invalid JSON: {exc.msg}", None, exc.lineno, exc.colno, file
        )
        loaded.problems.append((problem, None))
        return
    _from_document(document, loaded, file, plain=_decode.plain(data))


def _from_lines(lines: Any, loaded: _Loaded, file: str | None) -> None:
    read = 0
    for line in read_jsonl(lines):
        read += 1
        record = line.record
        raw_id = getattr(record, "id", None)
        for problem in line.problems:
            loaded.problems.append((attrs.evolve(problem, file=file), raw_id))
        if record is None or isinstance(record, Dataset):
            continue
        collection = _COLLECTION_OF[type(record)]
        located = Located(collection, record, "", file, line.number)
        loaded.ids.setdefault(collection, []).append((record.id, located))
        loaded.records.append(located)
    if not read:
        empty = DocumentProblem("schema-version", "", "the file has no header line", file=file)
        loaded.problems.append((empty, None))


def _from_objects(objects: Iterable[Any], loaded: _Loaded) -> None:
    """Typed records, or dicts tagged with their ``@type`` as on JSON Lines lines."""
    counters: dict[str, int] = {}

    def next_index(collection: str) -> int:
        counters[collection] = counters.get(collection, -1) + 1
        return counters[collection]

    for number, item in enumerate(objects):
        if isinstance(item, dict):
            record, problems = decode_record(item)
            collection = _COLLECTION_OF.get(type(record), "") if record is not None else ""
            tag = item.get("@type")
            if not collection and isinstance(tag, str) and tag in RECORD_TYPES:
                collection = _COLLECTION_OF[RECORD_TYPES[tag]]
            pointer = f"/{collection}/{next_index(collection)}" if collection else f"/{number}"
            raw_id = _record_id(item)
            for problem in problems:
                moved = attrs.evolve(problem, pointer=pointer + problem.pointer)
                loaded.problems.append((moved, raw_id))
            if record is not None:
                located = Located(collection, record, pointer)
                loaded.ids.setdefault(collection, []).append((record.id, located))
                loaded.records.append(located)
            elif raw_id is not None and collection:
                loaded.ids.setdefault(collection, []).append((raw_id, None))
            continue
        collection = _COLLECTION_OF.get(type(item), "")
        if not collection:
            message = f"expected a dataset record, got {type(item).__name__}"
            loaded.problems.append((DocumentProblem("wrong-type", f"/{number}", message), None))
            continue
        _add_built(collection, next_index(collection), item, loaded)


def _add_built(
    collection: str, index: int, record: Model, loaded: _Loaded, file: str | None = None
) -> None:
    pointer = f"/{collection}/{index}"
    # Fast tests clear the common valid record; only one that fails them is asked in full.
    problems = [] if surely_valid(record) else list(record.problems())
    raw_id = getattr(record, "id", None)
    raw_id = raw_id if isinstance(raw_id, str) else None
    for problem in problems:
        field = _pointer(_field_steps(problem.field))
        found = DocumentProblem(problem.rule, pointer + field, problem.message, problem.value)
        loaded.problems.append((found, raw_id))
    usable: Any = record
    if problems:  # built with checks deferred: keep it from the rules, or salvage it
        usable = _without(record, {p.field.split(".")[0].split("[")[0] for p in problems})
    located = Located(collection, usable, pointer, file) if usable is not None else None
    if raw_id is not None:
        loaded.ids.setdefault(collection, []).append((raw_id, located))
    if located is not None:
        loaded.records.append(located)


def _without(record: Any, faulty: set[str]) -> Any:
    """The record with its faulty fields back at their defaults, if they all have one."""
    fields = {f.name: f for f in attrs.fields(type(record))}
    if any(name not in fields or fields[name].default is attrs.NOTHING for name in faulty):
        return None
    defaults: dict[str, Any] = {}
    for name in faulty:
        default = fields[name].default
        defaults[name] = default.factory() if isinstance(default, attrs.Factory) else default  # type: ignore[arg-type]
    with deferred_checks():
        cleaned = attrs.evolve(record, **defaults)
    return cleaned if not any(True for _ in cleaned.problems()) else None


def _from_path(path: Path, loaded: _Loaded) -> None:
    if path.is_dir():
        if (path / "dataset.csv").exists():
            _from_csv(path, loaded)
            return
        files = sorted(p for p in path.iterdir() if p.suffix in {".json", *_JSONL})
        for file in files:
            _from_path(file, loaded)
        return
    try:
        if path.suffix in _JSONL:
            with path.open("rb") as handle:
                _from_lines(handle, loaded, str(path))
            return
        _from_bytes(path.read_bytes(), loaded, str(path))
    except OSError as exc:
        raise SourceError(path, exc) from exc


def _from_csv(path: Path, loaded: _Loaded) -> None:
    from gcm_model.tabular import read_csv  # noqa: PLC0415 - csv support on demand

    try:
        dataset = read_csv(path)
    except DocumentError as exc:
        for problem in exc.problems:
            name = problem.file and str(path / problem.file)
            loaded.problems.append((attrs.evolve(problem, file=name), None))
        return
    for collection in COLLECTIONS:
        for index, record in enumerate(getattr(dataset, collection)):
            _add_built(collection, index, record, loaded, file=str(path / f"{collection}.csv"))


def _from_dataset(dataset: Dataset, loaded: _Loaded) -> None:
    for collection, cls in COLLECTIONS.items():
        records = getattr(dataset, collection)
        for index, record in enumerate(records if isinstance(records, tuple) else ()):
            if isinstance(record, cls):  # anything else is reported by the dataset itself
                _add_built(collection, index, record, loaded)
    # The dataset's own problems: its fields and the type of each record, not the problems
    # inside its records (each record's came above). The filter keeps only those, as when
    # the dataset's deep problems() were asked.
    own = itertools.chain(field_problems(dataset, deep=False), dataset.relation_problems())
    for problem in own:
        inside_a_record = "." in problem.field and problem.field.split("[")[0] in COLLECTIONS
        if not inside_a_record:
            pointer = _pointer(_field_steps(problem.field))
            found = DocumentProblem(problem.rule, pointer, problem.message, problem.value)
            loaded.problems.append((found, None))


def _existing(path: Path) -> Path:
    if not path.exists():
        raise SourceError(path, FileNotFoundError("no such file or directory"))
    return path


def _load(source: Any) -> _Loaded:
    loaded = _Loaded()
    if isinstance(source, Dataset):
        _from_dataset(source, loaded)
    elif isinstance(source, os.PathLike):
        _from_path(_existing(Path(source)), loaded)
    elif isinstance(source, bytes | bytearray | str):
        _from_bytes(source, loaded, None)
    elif isinstance(source, dict):
        _from_document(source, loaded, None)
    elif isinstance(source, Model):
        _from_objects([source], loaded)
    elif isinstance(source, Iterable):
        _from_objects(source, loaded)
    else:
        raise InvalidCodeError(
            "source", source, "expected a Dataset, records, a dict, JSON bytes or str, or a path"
        )
    return loaded


# -- validate -------------------------------------------------------------------------------


def _slugs(names: Iterable[str] | None) -> set[str] | None:
    """Rule slugs from slugs or codes; an unknown name raises, naming the nearest."""
    if names is None:
        return None
    return {rules.lookup(name).slug for name in ([names] if isinstance(names, str) else names)}


def _problem_rule(problem: DocumentProblem) -> Rule:
    """The rule of a problem; ``invalid-value`` for a name outside the catalogue."""
    return rules.get(problem.rule) or rules.lookup("invalid-value")


def _problem_issue(
    problem: DocumentProblem, rule: Rule, record: str | None, chosen: Profile
) -> Issue:
    return Issue(
        rule=rule.slug,
        code=rule.code,
        severity=chosen.severity(rule),
        path=problem.pointer,
        message=problem.message,
        value=problem.value,
        record=record,
        file=problem.file,
        line=problem.line,
        source=rule.source,
    )


def validate(  # noqa: PLR0913 - the documented options of the main job
    source: Any,
    *,
    profile: str = "default",
    as_of: dt.date | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    max_issues: int | None = None,
) -> ValidationReport:
    """Check a dataset and report everything wrong with it, in one pass.

    Bad data never raises: it becomes issues. JSON syntax, structure (missing,
    unknown and wrongly typed fields), the records' own invariants and the
    rules that need the whole dataset are all gathered together.

    Args:
        source: a ``Dataset``; records (typed, or dicts tagged with ``@type``);
            a dict; JSON as bytes or str; or a path (``pathlib.Path``) to a
            JSON file, a JSON Lines file (``.jsonl``), a directory of CSV tables
            (with ``dataset.csv``) or a directory of JSON and JSON Lines files.
        profile: ``default``, ``strict`` (warnings become errors) or
            ``unece-2024``.
        as_of: the date commission membership is judged on; by default each
            meeting's own date.
        select: only these rules (slugs or codes).
        ignore: not these rules.
        max_issues: report at most this many issues (the report counts the rest).

    Returns:
        The report.

    Raises:
        UnknownCodeError: an unknown profile or rule name.
        InvalidCodeError: ``as_of`` or ``max_issues`` of the wrong kind, or a
            source of a kind that cannot hold a dataset.
        SourceError: a path that does not exist or cannot be read.

    Examples:
        >>> import gcm_model
        >>> report = gcm_model.validate(b'{"schema_version": "1.0", "reviews": [{"id": "r"}]}')
        >>> report.valid, [issue.rule for issue in report]
        (False, ['missing-field', 'missing-field'])
    """
    plan = Plan.of(profile, as_of=as_of, select=select, ignore=ignore)
    cap: object = max_issues
    if cap is not None and (isinstance(cap, bool) or not isinstance(cap, int) or cap < 0):
        raise InvalidCodeError("max_issues", max_issues, "expected a non-negative int or None")
    loaded = _load(source)
    return plan.report(plan.check(loaded), len(loaded.records), max_issues)


@functools.cache
def _active(chosen: Profile) -> tuple[Rule, ...]:
    """The rules of a profile, filtered from the catalogue once per profile."""
    return tuple(chosen.active())


@attrs.frozen
class Plan:
    """The resolved options of a validation: profile, date and the rules to run."""

    profile: Profile
    as_of: dt.date | None
    active: tuple[Rule, ...]

    @classmethod
    def of(
        cls,
        profile: str,
        *,
        as_of: object = None,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
    ) -> Plan:
        """Check and resolve the options (raising for a wrong call)."""
        chosen = _profile(profile)
        selected, ignored = _slugs(select), _slugs(ignore)
        day = as_day(as_of)
        active = _active(chosen)
        if selected is not None or ignored is not None:
            active = tuple(
                r
                for r in active
                if (selected is None or r.slug in selected)
                and (ignored is None or r.slug not in ignored)
            )
        return cls(chosen, day, active)

    def without(self, *slugs: str) -> Plan:
        """The same plan without some rules (run elsewhere)."""
        return attrs.evolve(self, active=tuple(r for r in self.active if r.slug not in slugs))

    def check(self, loaded: _Loaded) -> list[Issue]:
        """The issues of loaded records: their problems, then the dataset rules."""
        wanted = {r.slug for r in self.active}
        rule_of: dict[str, Rule] = {}  # a document's problems name a few rules, many times
        issues = []
        for problem, record in loaded.problems:
            rule = rule_of.get(problem.rule)
            if rule is None:
                rule = rule_of[problem.rule] = _problem_rule(problem)
            if rule.slug in wanted:
                issues.append(_problem_issue(problem, rule, record, self.profile))
        context = Context(loaded, self.as_of, self.profile)
        for rule in self.active:
            check = CHECKS.get(rule.slug)
            if check is not None:
                issues.extend(check(context, rule))
        return issues

    def report(
        self, issues: list[Issue], records: int, max_issues: int | None = None
    ) -> ValidationReport:
        """The report of the issues found, capped at ``max_issues``."""
        truncated = 0
        if max_issues is not None and len(issues) > max_issues:
            # Keep the most severe, in the order they were found.
            order = sorted(range(len(issues)), key=lambda n: (issues[n].severity.rank, n))
            keep = sorted(order[:max_issues])
            truncated = len(issues) - max_issues
            issues = [issues[n] for n in keep]
        return ValidationReport(
            issues=tuple(issues),
            profile=self.profile.name,
            records=records,
            library_version=installed_version(),
            data_version=_data.data_version(),
            rules=tuple(r.slug for r in self.active),
            truncated=truncated,
        )
