"""Issues and the validation report: text, JSON, HTML and records for a DataFrame."""

from __future__ import annotations

import html
from collections import Counter
from typing import TYPE_CHECKING, Any

import attrs
import orjson

from gcm_model.errors import InvalidCodeError, json_path
from gcm_model.validation._catalogue import Severity

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["Issue", "ValidationReport"]

Tally = tuple[tuple[str, str, int], ...]
"""Issues counted by rule: ``(rule, severity, count)``, in the order first found."""


@attrs.frozen(kw_only=True)
class Issue:
    """One problem found in a dataset.

    Attributes:
        rule: the rule's slug, such as ``report-deadline``.
        code: the rule's code, such as ``GCM501``.
        severity: error, warning or info (after the profile).
        path: the JSON Pointer of the value concerned, within its document or line.
        message: what is wrong, in plain words.
        hint: how to fix it, where there is more to say.
        value: the offending value, where there is one.
        record: the id of the record concerned.
        file: the file, when validating files.
        line: the line, for JSON syntax errors, JSON Lines files and CSV rows.
        source: the document the rule comes from.
    """

    rule: str
    code: str
    severity: Severity
    path: str
    message: str
    hint: str | None = None
    value: Any = attrs.field(default=None, eq=False)
    record: str | None = None
    file: str | None = None
    line: int | None = None
    source: str | None = None

    @property
    def json_path(self) -> str:
        """The path as ``$.meetings[0].agenda[2].start``."""
        return json_path(self.path)

    @property
    def location(self) -> str:
        """File, line and path, as far as known."""
        parts = [self.file or "", f"{self.line}" if self.line is not None else ""]
        where = ":".join(p for p in parts if p)
        return f"{where} {self.json_path}" if where else self.json_path

    def __str__(self) -> str:
        """One line: location, severity, rule and message."""
        record = f" (record {self.record})" if self.record else ""
        return f"{self.location}: {self.severity.value} {self.rule}: {self.message}{record}"

    def to_record(self) -> dict[str, Any]:
        """The issue as a flat dict of plain values."""
        return {
            "rule": self.rule,
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "json_path": self.json_path,
            "record": self.record,
            "file": self.file,
            "line": self.line,
            "message": self.message,
            "hint": self.hint,
            "value": _plain(self.value),
            "source": self.source,
        }


def tally(issues: tuple[Issue, ...] | list[Issue]) -> Tally:
    """Count issues by rule (each rule has one severity under a profile), first found first."""
    found: Counter[tuple[str, str]] = Counter((i.rule, i.severity.value) for i in issues)
    return tuple((rule, severity, count) for (rule, severity), count in found.items())


def _plain(value: Any) -> Any:
    try:
        return orjson.loads(orjson.dumps(value, default=str))
    except (TypeError, orjson.JSONEncodeError):
        return repr(value)


@attrs.frozen(kw_only=True)
class ValidationReport:
    """Everything wrong with a dataset, found in one pass.

    The verdict and the counts are those of every issue found; ``max_issues``
    only limits the issues listed (the most severe first), and ``truncated``
    says how many were left out.

    Attributes:
        issues: the issues listed, structure first, then the rules in catalogue
            order (at most ``max_issues`` of them).
        profile: the profile used.
        records: how many records were checked.
        library_version: the version of gcm-model.
        data_version: the version of the reference data (and the rule catalogue).
        rules: the slugs of the rules that ran.
        truncated: issues found but left out of ``issues`` by ``max_issues``.
    """

    issues: tuple[Issue, ...]
    profile: str
    records: int
    library_version: str
    data_version: str
    rules: tuple[str, ...] = attrs.field(repr=False)
    truncated: int = 0
    # Every issue found, counted by rule, listed or not (by default: those listed).
    _tally: Tally = attrs.field(
        default=attrs.Factory(lambda self: tally(self.issues), takes_self=True), repr=False
    )

    @property
    def valid(self) -> bool:
        """Whether no issue found is an error (listed or left out by ``max_issues``)."""
        return self.counts[Severity.ERROR.value] == 0

    @property
    def counts(self) -> dict[str, int]:
        """The number of issues found by severity (every severity listed)."""
        found: Counter[str] = Counter()
        for _, severity, count in self._tally:
            found[severity] += count
        return {s.value: found.get(s.value, 0) for s in Severity}

    @property
    def by_rule(self) -> dict[str, int]:
        """The number of issues found by rule, most first."""
        found: Counter[str] = Counter()
        for rule, _, count in self._tally:
            found[rule] += count
        return dict(found.most_common())

    def __iter__(self) -> Iterator[Issue]:
        """Iterate over the issues listed."""
        return iter(self.issues)

    def __len__(self) -> int:
        """The number of issues listed."""
        return len(self.issues)

    def to_records(self) -> list[dict[str, Any]]:
        """Every issue as a flat dict, ready for ``pandas.DataFrame``."""
        return [issue.to_record() for issue in self.issues]

    def to_pandas(self) -> Any:
        """The issues as a pandas DataFrame (needs the ``tabular`` extra).

        Raises:
            InvalidCodeError: pandas is not installed.
        """
        try:
            import pandas as pd  # noqa: PLC0415 - an optional extra
        except ImportError:
            message = "to_pandas needs pandas: pip install 'gcm-model[tabular]'"
            raise InvalidCodeError("extra", "tabular", message) from None
        return pd.DataFrame(self.to_records())

    def to_dict(self) -> dict[str, Any]:
        """The report as plain values."""
        return {
            "valid": self.valid,
            "profile": self.profile,
            "records": self.records,
            "counts": self.counts,
            "by_rule": self.by_rule,
            "truncated": self.truncated,
            "library_version": self.library_version,
            "data_version": self.data_version,
            "rules": list(self.rules),
            "issues": self.to_records(),
        }

    def to_json(self) -> bytes:
        """The report as JSON (keys sorted, two-space indent)."""
        return orjson.dumps(self.to_dict(), option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2)

    def summary(self) -> str:
        """One line: valid or not, and the counts."""
        counts = self.counts
        verdict = "valid" if self.valid else "INVALID"
        more = f" (+{self.truncated} not shown)" if self.truncated else ""
        return (
            f"{verdict}: {counts['error']} errors, {counts['warning']} warnings, "
            f"{counts['info']} notes in {self.records} records{more} "
            f"[profile {self.profile}, gcm-model {self.library_version}, "
            f"data {self.data_version}]"
        )

    def to_text(self, *, per_rule: int = 5) -> str:
        """The report as text, grouped by rule, with at most ``per_rule`` examples each.

        Each rule's count is of every issue found; a rule whose issues were all
        left out by ``max_issues`` is named at the end, with its count.
        """
        lines = [self.summary()]
        totals = self.by_rule
        groups: dict[str, list[Issue]] = {}
        for issue in self.issues:
            groups.setdefault(issue.rule, []).append(issue)
        ordered = sorted(groups.items(), key=lambda kv: (kv[1][0].severity.rank, kv[0]))
        for rule, issues in ordered:
            first = issues[0]
            total = totals.get(rule, len(issues))
            lines.append("")
            lines.append(f"{first.severity.value} {rule} ({first.code}): {total}")
            for issue in issues[:per_rule]:
                record = f" [{issue.record}]" if issue.record else ""
                lines.append(f"  {issue.location}{record}: {issue.message}")
                if issue.hint:
                    lines.append(f"      hint: {issue.hint}")
            if total > min(per_rule, len(issues)):
                lines.append(f"  ... and {total - min(per_rule, len(issues))} more")
        unlisted = [(rule, n) for rule, n in totals.items() if rule not in groups]
        if unlisted:
            lines.append("")
            named = ", ".join(f"{rule} {n}" for rule, n in unlisted)
            lines.append(f"not shown: {named}")
        return "\n".join(lines)

    def __str__(self) -> str:
        """The text rendering."""
        return self.to_text()

    def _repr_html_(self) -> str:
        """A table for notebooks."""
        colour = {"error": "#b00020", "warning": "#8a6d00", "info": "#1f5fa8"}
        rows = "".join(
            "<tr>"
            f"<td style='color:{colour[i.severity.value]}'>{i.severity.value}</td>"
            f"<td>{html.escape(i.rule)}</td><td><code>{html.escape(i.location)}</code></td>"
            f"<td>{html.escape(i.record or '')}</td><td>{html.escape(i.message)}</td>"
            "</tr>"
            for i in self.issues
        )
        head = (
            "<tr><th>severity</th><th>rule</th><th>where</th><th>record</th><th>message</th></tr>"
        )
        return (
            f"<div><p><strong>{html.escape(self.summary())}</strong></p>"
            f"<table>{head}{rows}</table></div>"
        )
