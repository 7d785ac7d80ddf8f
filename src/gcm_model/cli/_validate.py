"""``gcm-model validate``: check datasets and report every problem."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from gcm_model._html import report_html
from gcm_model.cli._common import (
    EXIT_FAILED,
    EXIT_OK,
    PROG,
    _console,
    _count,
    _date,
    _err,
    _examples,
    _Formatter,
    _json_text,
    _names,
    _out,
    _positive,
    _UsageError,
    _write_output,
)
from gcm_model.errors import SourceError
from gcm_model.validation import PROFILES, Severity, iter_validate, rules, validate
from gcm_model.validation._report import rule_info

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Iterator, Sequence

    from gcm_model.validation import ValidationReport

# -- validate -------------------------------------------------------------------------------


@contextlib.contextmanager
def _progress(paths: Sequence[str]) -> Iterator[Callable[[str], None]]:
    """A progress bar on stderr over several paths, on a terminal only.

    Yields:
        ``start(path)``, to call before working on each path.
    """
    if len(paths) < 2 or not sys.stderr.isatty():
        yield lambda _: None
        return
    from rich.progress import Progress  # noqa: PLC0415 - rich is imported only when drawing

    with Progress(console=_console(stderr=True), transient=True) as bar:
        task = bar.add_task("validating", total=len(paths))
        started: list[str] = []

        def start(path: str) -> None:
            bar.update(task, completed=len(started), description=f"validating {path}")
            started.append(path)

        yield start


def _validate(args: argparse.Namespace) -> int:
    select, ignore = _names(args.select), _names(args.ignore)
    for name in [*(select or []), *(ignore or [])]:
        rules.lookup(name)  # an unknown rule is a usage problem, before any work
    for name in args.paths:
        if not Path(name).exists():
            raise SourceError(name, FileNotFoundError("no such file or directory"))
    target = Path(args.output) if args.output is not None else None
    if target is not None and target.exists() and not args.force:
        raise _UsageError(f"{target} exists; use --force to replace it")  # before any work
    if args.format == "jsonl" and args.max_issues is None and target is None:
        return _validate_streaming(args, select, ignore)
    reports: list[tuple[str, ValidationReport]] = []
    with _progress(args.paths) as start:
        for name in args.paths:
            start(name)
            report = validate(
                Path(name),
                profile=args.profile,
                as_of=args.as_of,
                select=select,
                ignore=ignore,
                max_issues=args.max_issues,
            )
            reports.append((name, report))
    valid = all(report.valid for _, report in reports)
    text = _rendered(args, reports, valid=valid)
    if target is None:
        sys.stdout.write(text)
    else:
        _write_output(target, text.encode(), force=args.force)
        _err(f"{PROG}: wrote {target} ({args.format})")
    return EXIT_OK if valid else EXIT_FAILED


def _rendered(
    args: argparse.Namespace, reports: list[tuple[str, ValidationReport]], *, valid: bool
) -> str:
    """The reports in the format asked for, ending in a newline."""
    if args.format == "json":
        documents = [{"path": name, **report.to_dict()} for name, report in reports]
        return _json_text({"reports": documents, "valid": valid})
    if args.format == "jsonl":
        # "path" is the issue's JSON Pointer already: the input is "input".
        return "".join(
            orjson.dumps({"input": name, **record}, option=orjson.OPT_SORT_KEYS).decode() + "\n"
            for name, report in reports
            for record in report.to_records()
        )
    if args.format == "html":
        return report_html(reports, rule_info, page=True)
    texts = (f"{name}\n{report.to_text(per_rule=args.per_rule)}" for name, report in reports)
    return "\n\n".join(texts) + "\n"


def _validate_streaming(
    args: argparse.Namespace, select: list[str] | None, ignore: list[str] | None
) -> int:
    """``--format jsonl``: each issue printed as it is found (JSON Lines and CSV are not held)."""
    valid = True
    for name in args.paths:
        found = iter_validate(
            Path(name), profile=args.profile, as_of=args.as_of, select=select, ignore=ignore
        )
        for issue in found:
            valid = valid and issue.severity is not Severity.ERROR
            # "path" is the issue's JSON Pointer already: the input is "input".
            record = {"input": name, **issue.to_record()}
            _out(orjson.dumps(record, option=orjson.OPT_SORT_KEYS).decode())
    return EXIT_OK if valid else EXIT_FAILED


def _add_validate(commands: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        "validate",
        help="check datasets and report every problem",
        description=(
            "Check each PATH and report everything wrong with it, in one pass: JSON syntax,\n"
            "structure, each record's invariants and the rules that need the whole dataset.\n"
            "A PATH is a JSON file, a JSON Lines file (.jsonl), a directory of CSV tables\n"
            "(with dataset.csv) or a directory of JSON and JSON Lines files (not recursive);\n"
            "each is validated on its own.\n\n"
            "Exit status: 0 when no report has an error (warnings and notes allowed), 1 when\n"
            "any has, 2 for a usage problem (unknown option, profile or rule, missing file)."
        ),
        epilog=_examples(
            "gcm-model validate data.json",
            "gcm-model validate data/ more.jsonl --profile strict",
            "gcm-model validate data.json --format json > report.json",
            "gcm-model validate data.json --select report-deadline,GCM305 --max-issues 50",
            'gcm-model validate data.jsonl --format jsonl | grep \'"severity":"error"\'',
            "gcm-model validate data.json --format html -o report.html",
        ),
        formatter_class=_Formatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a file or directory to check")
    parser.add_argument(
        "--format",
        choices=("text", "json", "jsonl", "html"),
        default="text",
        help="text for people; json: one document with every report (for CI); "
        "jsonl: one issue a line as it is found, with its input PATH under 'input'; "
        "html: one self-contained page with the issues, filters and links to the rules",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the report to FILE, whole or not at all (default: standard output)",
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.add_argument(
        "--profile",
        choices=tuple(PROFILES),
        default="default",
        help="the rule profile: default holds what binds every regional review; strict "
        "turns its warnings into errors; unece-2024 adds the practice of the UNECE 2024 "
        "concept note",
    )
    parser.add_argument(
        "--as-of",
        type=_date,
        metavar="YYYY-MM-DD",
        help="judge commission membership on this date (default: each meeting's own date)",
    )
    parser.add_argument(
        "--select",
        action="append",
        metavar="RULE",
        help="only these rules, by slug or code (repeatable, or comma-separated)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        metavar="RULE",
        help="not these rules, by slug or code (repeatable, or comma-separated)",
    )
    parser.add_argument(
        "--max-issues",
        type=_positive,
        metavar="N",
        help="list at most N issues per PATH (N >= 1), the most severe first; the "
        "verdict, the exit status and the counts still cover every issue",
    )
    parser.add_argument(
        "--per-rule",
        type=_count,
        default=5,
        metavar="N",
        help="text format: examples shown for each rule",
    )
    parser.set_defaults(run=_validate)
    return parser
