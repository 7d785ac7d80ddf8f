"""HTML views: model objects for notebooks (``_repr_html_``), and validation reports."""

from __future__ import annotations

import datetime as dt
import enum
import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["model_html", "report_html"]

_LIMIT = 20  # rows shown of a long list


def _cell(value: Any) -> str:
    if isinstance(value, enum.Enum):
        return html.escape(str(value.value))
    if isinstance(value, dt.date):
        return html.escape(value.isoformat())
    if isinstance(value, tuple):
        if value and attrs.has(type(value[0])):
            return f"{len(value)} {type(value[0]).__name__}"
        return html.escape(", ".join(str(_plain(v)) for v in value))
    if attrs.has(type(value)):
        return html.escape(type(value).__name__)
    return html.escape(str(value))


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


def _fields_table(obj: Any) -> str:
    rows = "".join(
        f"<tr><th style='text-align:left'>{html.escape(f.name)}</th><td>{_cell(v)}</td></tr>"
        for f in attrs.fields(type(obj))
        if (v := getattr(obj, f.name)) not in (None, (), "")
    )
    return f"<table>{rows}</table>"


def _list_table(title: str, items: tuple[Any, ...], columns: tuple[str, ...]) -> str:
    if not items:
        return ""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in ("#", *columns))
    rows = "".join(
        f"<tr><td>{index}</td>"
        + "".join(f"<td>{_cell(getattr(item, c, ''))}</td>" for c in columns)
        + "</tr>"
        for index, item in enumerate(items[:_LIMIT])
    )
    more = f"<p>... and {len(items) - _LIMIT} more</p>" if len(items) > _LIMIT else ""
    return f"<h4>{html.escape(title)}</h4><table><tr>{head}</tr>{rows}</table>{more}"


def model_html(obj: Any, tables: Sequence[tuple[str, str, tuple[str, ...]]] = ()) -> str:
    """An HTML view of a model object: its fields, and the lists it names as tables.

    Args:
        obj: the model object.
        tables: a title, a list field and the columns to show, for each list
            shown as a table of its own (a meeting's agenda, say).
    """
    name = html.escape(type(obj).__name__)
    parts = [f"<div><strong>{name}</strong>", _fields_table(obj)]
    parts.extend(
        _list_table(title, getattr(obj, field), columns) for title, field, columns in tables
    )
    parts.append("</div>")
    return "".join(parts)


# -- the validation report -------------------------------------------------------------------

_COLOURS = {"error": "#b00020", "warning": "#8a6d00", "info": "#1f5fa8"}

_STYLE = """
.gcm-report{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:14px;
 color:#1b1b1b;max-width:100%}
.gcm-report table{border-collapse:collapse;margin:.5em 0 1em}
.gcm-report th,.gcm-report td{border:1px solid #ccc;padding:3px 8px;text-align:left;
 vertical-align:top}
.gcm-report th{background:#f3f3f3}
.gcm-report code{font-size:90%}
.gcm-report .gcm-verdict{font-size:1.25em;font-weight:bold;margin:.3em 0}
.gcm-report .gcm-valid{color:#1b7a2f}.gcm-report .gcm-invalid{color:#b00020}
.gcm-report .gcm-error{color:#b00020;font-weight:bold}.gcm-report .gcm-warning{color:#8a6d00}
.gcm-report .gcm-info{color:#1f5fa8}
.gcm-report fieldset{display:inline-block;border:1px solid #ccc;margin:0 .5em .5em 0;
 vertical-align:top}
.gcm-report fieldset label{display:inline-block;margin-right:.8em;white-space:nowrap}
.gcm-report .gcm-hint{color:#444}
.gcm-report tr[hidden]{display:none}
.gcm-report .gcm-tables{display:flex;flex-wrap:wrap;gap:0 2em;align-items:flex-start}
"""

# Shows the issues whose severity and rule are both ticked; each report on a page on its own.
_SCRIPT = """
(function () {
  document.querySelectorAll(".gcm-report:not([data-ready])").forEach(function (root) {
    root.setAttribute("data-ready", "");
    var boxes = root.querySelectorAll("input[data-filter]");
    function apply() {
      var on = {severity: {}, rule: {}};
      boxes.forEach(function (box) { if (box.checked) on[box.dataset.filter][box.value] = 1; });
      var shown = 0;
      root.querySelectorAll("tr.gcm-issue").forEach(function (row) {
        var show = on.severity[row.dataset.severity] === 1 && on.rule[row.dataset.rule] === 1;
        row.hidden = !show;
        if (show) shown += 1;
      });
      root.querySelector(".gcm-shown").textContent = String(shown);
    }
    boxes.forEach(function (box) { box.addEventListener("change", apply); });
    apply();
  });
})();
"""


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


RuleInfo = Callable[[str, str], tuple[str, str, str]]
"""A rule's code, page address and severity, from its slug and the report's profile."""


def _report_section(name: str | None, report: Any, rule_info: RuleInfo) -> str:
    """One report: verdict, counts, filters and every issue listed, as one ``div``."""
    issues = list(report.issues)
    verdict = "valid" if report.valid else "INVALID"
    counts = report.counts
    parts = [
        f"<div class='gcm-report' data-valid='{str(report.valid).lower()}'>",
        f"<h2>{_e(name)}</h2>" if name else "",
        f"<p class='gcm-verdict gcm-{'valid' if report.valid else 'invalid'}'>{verdict}</p>",
        f"<p>{_e(report.summary())}</p>",
        "<div class='gcm-tables'>",
        "<table class='gcm-counts'><tr><th>severity</th><th>issues</th></tr>",
        *(f"<tr><td class='gcm-{_e(s)}'>{_e(s)}</td><td>{n}</td></tr>" for s, n in counts.items()),
        "</table>",
    ]
    if report.by_rule:
        parts.append(
            "<table class='gcm-by-rule'><tr><th>rule</th><th>code</th><th>severity</th>"
            "<th>issues</th></tr>"
        )
        for rule, count in report.by_rule.items():
            code, url, severity = rule_info(rule, report.profile)
            link = f"<a href='{_e(url)}'>{_e(rule)}</a>"
            parts.append(
                f"<tr><td>{link}</td><td>{_e(code)}</td>"
                f"<td class='gcm-{_e(severity)}'>{_e(severity)}</td><td>{count}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</div>")
    if report.truncated:
        parts.append(f"<p>{report.truncated} more issues found but not listed (max_issues).</p>")
    if not issues:
        parts.append("</div>")
        return "".join(parts)
    severities = list(dict.fromkeys(i.severity.value for i in issues))
    rules = list(dict.fromkeys(i.rule for i in issues))
    listed = {rule: sum(1 for i in issues if i.rule == rule) for rule in rules}

    def box(kind: str, value: str, label: str) -> str:
        return (
            f"<label><input type='checkbox' data-filter='{kind}' value='{_e(value)}' checked> "
            f"{label}</label>"
        )

    parts += [
        "<form class='gcm-filters' onsubmit='return false'>",
        "<fieldset><legend>severity</legend>",
        *(box("severity", s, f"<span class='gcm-{_e(s)}'>{_e(s)}</span>") for s in severities),
        "</fieldset><fieldset><legend>rule</legend>",
        *(box("rule", r, f"{_e(r)} ({listed[r]})") for r in rules),
        "</fieldset></form>",
        f"<p><span class='gcm-shown'>{len(issues)}</span> of {len(issues)} issues shown</p>",
        (
            "<table class='gcm-issues'><thead><tr><th>severity</th><th>rule</th><th>record</th>"
            "<th>location</th><th>message</th><th>hint</th></tr></thead><tbody>"
        ),
    ]
    for issue in issues:
        severity = issue.severity.value
        parts.append(
            f"<tr class='gcm-issue' data-severity='{_e(severity)}' data-rule='{_e(issue.rule)}'>"
            f"<td class='gcm-{_e(severity)}'>{_e(severity)}</td>"
            f"<td><a href='{_e(issue.url)}'>{_e(issue.rule)}</a> ({_e(issue.code)})</td>"
            f"<td>{_e(issue.record)}</td><td><code>{_e(issue.location)}</code></td>"
            f"<td>{_e(issue.message)}</td><td class='gcm-hint'>{_e(issue.hint)}</td></tr>"
        )
    parts.append("</tbody></table></div>")
    return "".join(parts)


def report_html(
    reports: Sequence[tuple[str | None, Any]], rule_info: RuleInfo, *, page: bool = False
) -> str:
    """Validation reports as HTML: verdict, counts by severity and rule, and every issue.

    Each issue row has its record, location, message, hint and a link to its
    rule's page; ticking severities and rules shows and hides rows (plain
    JavaScript, inline: nothing is fetched from the network).

    Args:
        reports: each report with the name of what it checked (``None``: no heading).
        rule_info: a rule's code, page address and severity, from its slug and the
            report's profile (for the rules counted but not listed).
        page: a whole HTML document (for a file), else a fragment (for a notebook).

    Returns:
        The HTML, styles and script included.
    """
    body = "".join(_report_section(name, report, rule_info) for name, report in reports)
    fragment = f"<style>{_STYLE}</style>{body}<script>{_SCRIPT}</script>"
    if not page:
        return f"<div>{fragment}</div>"
    names = ", ".join(name for name, _ in reports if name)
    title = f"gcm-model validation report{': ' + names if names else ''}"
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>gcm-model validation report</h1>{body}<script>{_SCRIPT}</script></body></html>\n"
    )
