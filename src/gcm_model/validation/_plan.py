"""A validation's resolved options (``Plan``) and what one reading of a source gathers (``Run``).

The readers hand a ``Run`` each problem and each record as they read them.
The run turns problems into issues at once, runs the record checks on each
record, keeps only the facts the judges need (and the ids), and drops the
record; once every record is read, the judges run over the facts. Each issue
comes with a key that puts it where the report lists it: the problems first,
then the rules in catalogue order, each rule's record checks (collection by
collection) before its judge. Runs over parts of a dataset (Dask partitions)
merge in reading order before judging, so the answer is that of one pass.
"""

from __future__ import annotations

import datetime as dt
import functools
from array import array
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from gcm_model import _data
from gcm_model._version import installed_version
from gcm_model.dates import as_day
from gcm_model.validation._catalogue import Profile, Rule, rules
from gcm_model.validation._catalogue import profile as _profile
from gcm_model.validation._context import (
    CHECKS,
    CODE_OF,
    Checks,
    Context,
    Facts,
    Located,
    Prune,
    RecordCheck,
    Waits,
    at_or_under,
)
from gcm_model.validation._hints import problem_hint
from gcm_model.validation._report import Issue, ValidationReport, tally

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from gcm_model.converters import DocumentProblem

__all__ = ["Key", "Plan", "Run"]

Key = tuple[int, int, int]
"""Where an issue is listed: problems ``(0, 0, 0)``; a rule's ``(1, its position, part)``."""

_PROBLEM: Key = (0, 0, 0)
_LAST = 1 << 30  # the part of a judge, or of a check over every record: after the record checks


class Relocate(Protocol):
    """Where a rule's issue is shown, when the records came from somewhere else (CSV rows)."""

    def reissue(self, issue: Issue) -> Issue:
        """The issue at the row of its value."""
        ...


def _slugs(names: Iterable[str] | None) -> set[str] | None:
    """Rule slugs from slugs or codes; an unknown name raises, naming the nearest."""
    if names is None:
        return None
    return {rules.lookup(name).slug for name in ([names] if isinstance(names, str) else names)}


def _problem_rule(problem: DocumentProblem) -> Rule:
    """The rule of a problem; ``invalid-value`` for a name outside the catalogue."""
    return rules.get(problem.rule) or rules.lookup("invalid-value")


@functools.cache
def _active(chosen: Profile) -> tuple[Rule, ...]:
    """The rules of a profile, filtered from the catalogue once per profile."""
    return tuple(chosen.active())


def _checks() -> dict[str, Checks]:
    """Every rule's checks, importing the rule modules on the first validation."""
    from gcm_model.validation import (  # noqa: PLC0415, F401 - registers the rules once
        _judges,
        _rules_followup,
        _rules_review,
    )

    return CHECKS


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
        parameters: Mapping[str, Mapping[str, object]] | None = None,
    ) -> Plan:
        """Check and resolve the options (raising for a wrong call)."""
        chosen = _profile(profile)
        active = _active(chosen)  # the rules depend on the profile, not on its parameters
        if parameters is not None:
            chosen = chosen.tuned(parameters)
        selected, ignored = _slugs(select), _slugs(ignore)
        day = as_day(as_of)
        if selected is not None or ignored is not None:
            active = tuple(
                r
                for r in active
                if (selected is None or r.slug in selected)
                and (ignored is None or r.slug not in ignored)
            )
        return cls(chosen, day, active)

    def report(
        self, issues: list[Issue], records: int, max_issues: int | None = None
    ) -> ValidationReport:
        """The report of the issues found, listing at most ``max_issues`` of them.

        The verdict and the counts are taken from every issue, before the cap.
        """
        found = tally(issues)
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
            tally=found,
        )


def _second_order(
    issue: Issue, faulty: Mapping[tuple[str | None, int | None, str], frozenset[str]]
) -> bool:
    """Whether an issue lies at or under a value of its record that had a problem of its own.

    A record is found by its file, line and pointer: ``/meetings/3`` in a
    document, the empty pointer on a line of JSON Lines.
    """
    steps = issue.path.split("/")  # "", collection, index, field, ...
    for pointer in ("/".join(steps[:3]), ""):
        unknown = faulty.get((issue.file, issue.line, pointer))
        if unknown and at_or_under(issue.path[len(pointer) :], unknown):
            return True
    return False


@attrs.define
class _Gathered:
    """What a run keeps until the judges run; picklable, and mergeable part by part."""

    facts: Facts = attrs.Factory(Facts)
    records: list[Located] = attrs.Factory(list)
    """Every record, kept only while a check over every record is active."""
    faulty: dict[tuple[str | None, int | None, str], frozenset[str]] = attrs.Factory(dict)
    """Where the records with problems of their own have them, by file, line and pointer."""
    count: int = 0
    """The records read."""


class Run:
    """One reading of a source under a plan: issues as they are found, then the judges."""

    def __init__(self, plan: Plan, part: int | None = None) -> None:
        """Prepare the checks of the plan's active rules, by collection.

        ``part``: the number of the part of a dataset this run reads (a Dask
        partition), whose records it numbers apart from the other parts'.
        """
        self.plan = plan
        self.gathered = _Gathered(Facts() if part is None else Facts.of_part(part))
        self.tables: Relocate | None = None  # CSV tables: the rows the rules' issues are in
        self.found: list[tuple[Key, Issue]] = []  # found and not yet handed out
        self.context = Context(self, plan.as_of, plan.profile)
        self._wanted = {r.slug for r in plan.active}
        self._rule_of: dict[str, Rule] = {}
        checks = _checks()
        self._records: dict[str, list[tuple[Key, Rule, RecordCheck]]] = {}
        self._facts: dict[str, list[tuple[str, Any, Prune | None, Waits | None]]] = {}
        self._by_id: dict[str, list[tuple[tuple[str, str], Any]]] = {}
        self.keep = False
        for position, rule in enumerate(plan.active):
            parts = checks.get(rule.slug)
            if parts is None:
                continue
            for step, (collection, function) in enumerate(parts.records):
                key = (1, position, step)
                self._records.setdefault(collection, []).append((key, rule, function))
            for collection, fact in parts.facts.items():
                if collection in parts.by_id:
                    self._by_id.setdefault(collection, []).append(((rule.slug, collection), fact))
                    continue
                self._facts.setdefault(collection, []).append(
                    (rule.slug, fact, parts.prune, parts.waits)
                )
            self.keep = self.keep or parts.whole is not None

    # What a check over every record reads through its context.
    @property
    def records(self) -> list[Located]:
        """The records kept (for checks over every record)."""
        return self.gathered.records

    @property
    def facts(self) -> Facts:
        """The facts gathered."""
        return self.gathered.facts

    def problem(self, problem: DocumentProblem) -> None:
        """A problem a reader found: an issue, if its rule is active."""
        rule = self._rule_of.get(problem.rule)
        if rule is None:
            rule = self._rule_of[problem.rule] = _problem_rule(problem)
        if rule.slug in self._wanted:
            chosen = self.plan.profile
            issue = Issue(
                rule=rule.slug,
                code=rule.code,
                severity=chosen.severity(rule),
                path=problem.pointer,
                message=problem.message,
                hint=problem_hint(problem),
                value=problem.value,
                record=problem.record,
                file=problem.file,
                line=problem.line,
                source=rule.source,
            )
            self.found.append((_PROBLEM, issue))

    def take(self, collection: str, raw_id: str | None, located: Located | None) -> None:
        """A record of a collection as read: its id as written, and the record if one was built.

        The record checks run on it now; the judges' facts are kept, the record is not.
        """
        gathered = self.gathered
        if located is None:
            if raw_id is not None:
                gathered.facts.add_id(collection, raw_id)
            return
        number = gathered.facts.place(collection, raw_id, located)
        gathered.count += 1
        if located.unknown:
            gathered.faulty[(located.file, located.line, located.pointer)] = located.unknown
        if self.keep:
            gathered.records.append(located)
        keyed = self._by_id.get(collection)
        if keyed is not None:
            self._gather_numbered(keyed, located, number)
        self._gather(collection, located)
        checks = self._records.get(collection)
        if checks is not None:
            for key, rule, function in checks:
                for issue in function(self.context, rule, located):
                    self._found(key, issue)

    def _gather(self, collection: str, located: Located) -> None:
        """The facts the judges need of a record, pruned as they are gathered."""
        facts = self.gathered.facts
        by_rule = facts.by_rule
        code = CODE_OF.get(collection, 255)  # a collection no rule gathers facts of
        for slug, fact_of, prune, waits in self._facts.get(collection, ()):
            fact = fact_of(located)
            if fact is None:
                continue
            if prune is not None:
                fact = prune(facts, fact)
                if fact is None:
                    continue
            if waits is not None:
                facts.add(slug, collection, fact, waits)
                continue
            found = by_rule.get(slug)  # Facts.add, inlined: this loop runs for every fact
            if found is None:
                found = by_rule[slug] = (array("B"), [])
            found[0].append(code)
            found[1].append(fact)

    def _gather_numbered(
        self, keyed: list[tuple[tuple[str, str], Any]], located: Located, number: int
    ) -> None:
        """The facts kept with the record's number (``Checks.by_id``)."""
        kept = self.gathered.facts.keyed
        for key, fact_of in keyed:
            fact = fact_of(located)
            if fact is not None:
                found = kept.get(key)
                if found is None:
                    found = kept[key] = (array("q"), [])
                found[0].append(number)
                found[1].append(fact)

    def _found(self, key: Key, issue: Issue) -> None:
        if self.gathered.faulty and _second_order(issue, self.gathered.faulty):
            return  # under a value with a problem of its own: second-order
        self.found.append((key, issue if self.tables is None else self.tables.reissue(issue)))

    def drain(self) -> Iterator[tuple[Key, Issue]]:
        """The issues found since last asked."""
        found, self.found = self.found, []
        return iter(found)

    def merge(self, other: _Gathered) -> None:
        """Append what a run over the part read after this one gathered."""
        mine = self.gathered
        mine.facts.merge(other.facts)
        mine.records.extend(other.records)
        mine.faulty.update(other.faulty)
        mine.count += other.count

    def judge(self) -> Iterator[tuple[Key, Issue]]:
        """The issues of the rules that compare records, once every record is read.

        Each rule's facts are let go once its judge has run: the later judges'
        issues take their room, so that the peak of a run is not all the facts
        and all the issues at once. A run is judged once.
        """
        facts = self.gathered.facts
        facts.settle()  # what waits to be pruned, pruned before judging
        checks = _checks()
        for position, rule in enumerate(self.plan.active):
            parts = checks.get(rule.slug)
            if parts is None:
                continue
            key = (1, position, _LAST)
            if parts.judge is not None:
                for issue in parts.judge(self.context, facts, rule):
                    self._found(key, issue)
                facts.release(rule.slug)
            if parts.whole is not None:
                for issue in parts.whole(self.context, rule):
                    self._found(key, issue)
            yield from self.drain()


def in_order(found: Iterable[tuple[Key, Issue]], *, by_place: bool = False) -> list[Issue]:
    """The issues as the report lists them (a stable sort: each part keeps its reading order).

    ``by_place``: the problems by file and line, in reading order at each (CSV tables),
    so that the report (and what a ``max_issues`` cut keeps) does not depend on the
    order the rows were read in: a record at a time, or whole.
    """
    return [issue for _, issue in sorted(found, key=_at_place if by_place else _by_key)]


def _by_key(item: tuple[Key, Issue]) -> Key:
    return item[0]


def _at_place(item: tuple[Key, Issue]) -> tuple[Key, str, int]:
    key, issue = item
    if key != _PROBLEM:
        return key, "", -1
    return key, issue.file or "", -1 if issue.line is None else issue.line
