"""The ``gcm-model`` command line: validate, convert, list, look up, and start a dataset.

Installed with the ``cli`` extra (``pip install 'gcm-model[cli]'``), which
brings rich for the tables and the progress bar; run as ``gcm-model`` or
``python -m gcm_model``. The subcommands are ``validate``, ``schema``,
``convert``, ``show``, ``lookup`` and ``new``; ``gcm-model COMMAND --help``
describes each with examples.

Exit codes: 0 when all went well (for ``validate``: no report has an error),
1 when the data has errors or cannot be loaded (``validate``, ``convert``) or
nothing was found (``lookup``), 2 for a usage problem (an unknown option,
profile, rule or code, a file that does not exist, the ``cli`` extra missing:
``--help`` and ``--version`` work without it).
Problems are reported in one line on standard error, never as a traceback.

``main(argv)`` returns the exit code and never raises ``SystemExit``, so it can
be driven in-process; the console script passes the code to ``sys.exit``.

Examples:
    >>> from gcm_model.cli import main
    >>> main(["lookup", "moldova"])
    countries (ISO 3166-1)
      MDA  Republic of Moldova
    <BLANKLINE>
    languages
      vsi  Moldova Sign Language
    0
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import os
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import orjson

from gcm_model import registry as registries
from gcm_model._data import data_version
from gcm_model._text import close_matches
from gcm_model._version import installed_version
from gcm_model.converters import dumps, loads
from gcm_model.errors import DocumentError, GcmError, SourceError, UnknownFormatError
from gcm_model.formats import Format, format_of, read_dataset, write_dataset
from gcm_model.models import dataset as models_dataset
from gcm_model.models import process as models_process
from gcm_model.models import reports as models_reports
from gcm_model.models._base import Model
from gcm_model.models.dataset import Dataset
from gcm_model.models.process import Meeting, MeetingKind, RegionalReview, ThematicSession
from gcm_model.registry import Registry
from gcm_model.schema import json_schema
from gcm_model.validation import PROFILES, Severity, iter_validate, rules, validate

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from gcm_model.models.reference import Commission, ReviewRound
    from gcm_model.validation import ValidationReport

__all__ = [
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
    "MISSING_EXTRA",
    "SHOWN",
    "build_parser",
    "help_texts",
    "main",
]

PROG = "gcm-model"

EXIT_OK = 0
"""Everything went well."""
EXIT_FAILED = 1
"""The data has errors or cannot be loaded, or a lookup found nothing."""
EXIT_USAGE = 2
"""The command was wrong: an unknown option, name or code, a missing file, no ``cli`` extra."""

MISSING_EXTRA = "the command line needs the cli extra: pip install 'gcm-model[cli]'"
"""What ``main`` prints when rich is not installed."""

_JSON_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2


class _UsageError(Exception):
    """A problem with the command rather than the data: exit code 2."""


class _FailedError(Exception):
    """Data that cannot be used: its lines are printed to stderr, exit code 1."""

    def __init__(self, *lines: str) -> None:
        super().__init__("\n".join(lines))


# -- output ---------------------------------------------------------------------------------


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def _out_json(value: Any) -> None:
    sys.stdout.write((orjson.dumps(value, option=_JSON_OPTIONS, default=str) + b"\n").decode())


def _console(*, stderr: bool = False) -> Any:
    from rich.console import Console  # noqa: PLC0415 - rich is imported only when drawing

    # Built at each use so that it writes to the current sys.stdout (or stderr).
    return Console(stderr=stderr, highlight=False)


# -- argument types -----------------------------------------------------------------------------


def _date(text: str) -> dt.date:
    try:
        return dt.datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=dt.UTC).date()
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _count(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number, 0 or more, got {text!r}")
    return number


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        # As gcm_model.validate: a cap of 0 would list nothing, so it is refused.
        raise argparse.ArgumentTypeError(f"expected a whole number, 1 or more, got {text!r}")
    return number


def _names(values: Iterable[str] | None) -> list[str] | None:
    """Rule names from repeated and comma-separated option values."""
    if values is None:
        return None
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


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
    if args.format == "jsonl" and args.max_issues is None:
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
    if args.format == "json":
        documents = [{"path": name, **report.to_dict()} for name, report in reports]
        _out_json({"reports": documents, "valid": valid})
    elif args.format == "jsonl":
        for name, report in reports:
            for record in report.to_records():
                # "path" is the issue's JSON Pointer already: the input is "input".
                line = orjson.dumps({"input": name, **record}, option=orjson.OPT_SORT_KEYS)
                _out(line.decode())
    else:
        _out(
            "\n\n".join(
                f"{name}\n{report.to_text(per_rule=args.per_rule)}" for name, report in reports
            )
        )
    return EXIT_OK if valid else EXIT_FAILED


def _validate_streaming(
    args: argparse.Namespace, select: list[str] | None, ignore: list[str] | None
) -> int:
    """``--format jsonl``: each issue printed as it is found (a JSON Lines file is never held)."""
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


# -- schema ---------------------------------------------------------------------------------


def _model_classes() -> dict[str, type]:
    """The public classes of the wire format, by name (those the package root exports)."""
    found = {
        name: getattr(module, name)
        for module in (models_process, models_reports, models_dataset)
        for name in module.__all__
    }
    return {
        name: value
        for name, value in sorted(found.items())
        if isinstance(value, type) and issubclass(value, Model)
    }


def _schema(args: argparse.Namespace) -> int:
    classes = _model_classes()
    by_lower = {name.lower(): cls for name, cls in classes.items()}
    cls = by_lower.get(args.type.lower())
    if cls is None:
        near = close_matches(args.type, classes, n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise _UsageError(f"unknown type {args.type!r}{hint} (one of: {', '.join(classes)})")
    _out_json(json_schema(cls))
    return EXIT_OK


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


# -- registries: show and lookup --------------------------------------------------------------


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple | list):
        return ", ".join(_text(v) for v in value)
    return str(getattr(value, "value", value))


@attrs.frozen
class _Listing:
    """How one registry is shown: its title, columns and the code and name of a record."""

    title: str
    registry: Registry[Any, Any]
    columns: tuple[tuple[str, Callable[[Any], object]], ...]

    def code(self, record: Any) -> str:
        return _text(self.columns[0][1](record))

    def name(self, record: Any) -> str:
        return _text(self.columns[1][1](record))


def _held(record: Any) -> str:
    return "-".join(map(str, dict.fromkeys(record.held))) if record.held else ""


def _meeting_name(record: Any) -> str:
    where = ", ".join(p for p in (record.city, record.country) if p)
    when = record.start or record.planned or "date not known"
    return " ".join(
        p for p in (_text(record.kind), _text(record.commissions), str(when), where) if p
    )


def _members(record: Any) -> str:
    return str(sum(m.kind.value == "member" for m in record.memberships))


def _listings() -> dict[str, _Listing]:
    """Every registry, by the name ``show`` and ``lookup`` use."""
    g = registries
    return {
        "objectives": _Listing(
            "objectives (A/RES/73/195 para. 16)",
            g.objectives,
            (("number", lambda r: r.number), ("title", lambda r: r.title)),
        ),
        "principles": _Listing(
            "guiding principles (A/RES/73/195 para. 15)",
            g.principles,
            (("letter", lambda r: r.letter), ("title", lambda r: r.title)),
        ),
        "clusters": _Listing(
            "session clusters (A/RES/73/326)",
            g.clusters,
            (
                ("number", lambda r: r.number),
                ("title", lambda r: r.title),
                ("objectives", lambda r: r.objectives),
            ),
        ),
        "stakeholders": _Listing(
            "stakeholder categories",
            g.stakeholders,
            (
                ("code", lambda r: r.code),
                ("name", lambda r: r.name),
                ("in para. 44", lambda r: "yes" if r.in_gcm_para_44 else "no"),
            ),
        ),
        "commissions": _Listing(
            "regional commissions",
            g.commissions,
            (
                ("code", lambda r: r.code),
                ("name", lambda r: r.full_name),
                ("region", lambda r: r.region.name),
                ("members", _members),
            ),
        ),
        "countries": _Listing(
            "countries (ISO 3166-1)",
            g.countries,
            (
                ("alpha-3", lambda r: r.alpha_3),
                ("name", lambda r: r.name),
                ("alpha-2", lambda r: r.alpha_2),
                ("UN status", lambda r: r.un_status),
            ),
        ),
        "rounds": _Listing(
            "review rounds",
            g.rounds,
            (
                ("code", lambda r: r.code),
                ("name", lambda r: f"{r.kind.value} review, round {r.number}"),
                ("year", lambda r: r.year),
                ("held", _held),
            ),
        ),
        "meetings": _Listing(
            "known meetings",
            g.known_meetings,
            (
                ("code", lambda r: r.code),
                ("meeting", _meeting_name),
                ("round", lambda r: r.round),
                ("format", lambda r: r.format),
                ("planned", lambda r: r.planned),
            ),
        ),
        "sections": _Listing(
            "report section kinds",
            g.report_section_kinds,
            (("code", lambda r: r.code), ("title", lambda r: r.title)),
        ),
        "questions": _Listing(
            "guiding questions",
            g.guiding_questions,
            (("letter", lambda r: r.letter), ("question", lambda r: r.text)),
        ),
        "formats": _Listing(
            "meeting formats",
            g.meeting_formats,
            (("code", lambda r: r.code), ("name", lambda r: r.name)),
        ),
        "languages": _Listing(
            "languages",
            g.languages,
            (
                ("code", lambda r: r.code),
                ("name", lambda r: r.name),
                ("UN official", lambda r: "yes" if r.un_official else ""),
            ),
        ),
        "sources": _Listing(
            "sources",
            g.sources,
            (("id", lambda r: r.id), ("cited as", lambda r: r.cite())),
        ),
        "contradictions": _Listing(
            "contradictions between sources",
            g.contradictions,
            (
                ("code", lambda r: r.code),
                ("title", lambda r: r.title),
                ("status", lambda r: r.status),
                ("choice", lambda r: r.choice),
            ),
        ),
        "rules": _Listing(
            "validation rules",
            rules,
            (
                ("code", lambda r: r.code),
                ("slug", lambda r: r.slug),
                ("severity", lambda r: r.severity),
                ("summary", lambda r: r.summary),
                ("source", lambda r: r.source),
            ),
        ),
    }


SHOWN = (
    "objectives",
    "clusters",
    "principles",
    "commissions",
    "countries",
    "stakeholders",
    "rules",
    "rounds",
    "meetings",
    "sections",
    "questions",
    "formats",
    "languages",
    "sources",
    "contradictions",
)
"""The registries ``show`` lists."""


def _show(args: argparse.Namespace) -> int:
    listing = _listings()[args.registry]
    registry = listing.registry
    if args.format == "json":
        _out_json(registry.to_records())
        return EXIT_OK
    from rich.table import Table  # noqa: PLC0415 - rich is imported only when drawing

    _out(f"{listing.title}: {len(registry)}")  # not the table's title, which rich would wrap
    table = Table()
    for header, _ in listing.columns:
        table.add_column(header, overflow="fold")
    for record in registry:
        table.add_row(*(_text(cell(record)) for _, cell in listing.columns), end_section=False)
    _console().print(table)
    return EXIT_OK


def _lookup(args: argparse.Namespace) -> int:
    found: list[tuple[str, _Listing, list[Any]]] = []
    for name, listing in _listings().items():
        matches = listing.registry.search(args.text)
        if matches:
            found.append((name, listing, matches))
    if args.format == "json":
        _out_json(
            [
                {"registry": name, "code": listing.code(r), "name": listing.name(r)}
                for name, listing, matches in found
                for r in matches[: args.limit]
            ]
        )
    else:
        blocks = []
        for _, listing, matches in found:
            shown = matches[: args.limit]
            width = max(len(listing.code(r)) for r in shown)
            lines = [listing.title]
            lines += [f"  {listing.code(r):<{width}}  {listing.name(r)}" for r in shown]
            if len(matches) > len(shown):
                lines.append(f"  ... and {len(matches) - len(shown)} more (see --limit)")
            blocks.append("\n".join(lines))
        if blocks:
            _out("\n\n".join(blocks))
    if not found:
        _err(f"{PROG}: nothing matches {args.text!r} in any registry")
        return EXIT_FAILED
    return EXIT_OK


# -- new ------------------------------------------------------------------------------------


def _skeleton(commission: Commission, start: dt.date, end: dt.date | None = None) -> Dataset:
    """A skeleton dataset for a regional review meeting: a review and its meeting.

    Every value is a fact that follows from the commission and the dates: ids,
    the review round, titles built from the commission's name and the date, and
    the four thematic sessions with their clusters' objectives. The link to
    ``gcm_model.known_meetings`` is set when a known meeting of the commission
    starts on that day.

    Raises:
        UnknownCodeError: the date is before the first regional review round.
    """
    review_round: ReviewRound = registries.rounds.for_year(start.year)
    slug = commission.code.lower()
    review_id = f"review:{slug}-{review_round.year}"
    known = next(
        (
            m.code
            for m in registries.known_meetings
            if commission.code in m.commissions and m.start == start
        ),
        None,
    )
    review = RegionalReview(
        id=review_id,
        round=review_round.code,
        commissions=(commission.code,),
        title=f"Regional review of the GCM in the {commission.name} region, {review_round.code}",
    )
    meeting = Meeting(
        id=f"meeting:{slug}-{start.isoformat()}",
        title=f"Regional review meeting of {commission.name}, {start.isoformat()}",
        kind=MeetingKind.REGIONAL_REVIEW,
        start=start,
        end=end or start,
        review=review_id,
        round=review_round.code,
        commissions=(commission.code,),
        known_meeting=known,
        agenda=tuple(ThematicSession.for_cluster(n) for n in (1, 2, 3, 4)),
    )
    return Dataset(reviews=(review,), meetings=(meeting,))


def _new(args: argparse.Namespace) -> int:
    commission = registries.commissions.lookup(args.commission)
    if args.end is not None and args.end < args.date:
        raise _UsageError(f"--end {args.end} is before --date {args.date}")
    dataset = _skeleton(commission, args.date, args.end)
    data = dumps(dataset)
    # What a person starts from must load and carry no error.
    report = validate(loads(data))
    if not report.valid:  # pragma: no cover - a skeleton is built from facts that hold
        raise _FailedError(f"{PROG}: the skeleton does not validate:", report.to_text())
    if args.output is None:
        sys.stdout.write(data.decode())
        return EXIT_OK
    target = Path(args.output)
    if target.exists() and not args.force:
        raise _UsageError(f"{target} exists; use --force to overwrite it")
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise _UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
    _err(f"{PROG}: wrote {target}; fill it in, then check it with: {PROG} validate {target}")
    return EXIT_OK


# -- the parser -----------------------------------------------------------------------------


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Keep the examples' line breaks; show defaults."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        if action.default not in (None, False, argparse.SUPPRESS) and "%(default)" not in text:
            text += " (default: %(default)s)"
        return text


def _examples(*lines: str) -> str:
    return "examples:\n" + textwrap.indent("\n".join(lines), "  ")


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
        ),
        formatter_class=_Formatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a file or directory to check")
    parser.add_argument(
        "--format",
        choices=("text", "json", "jsonl"),
        default="text",
        help="text for people; json: one document with every report (for CI); "
        "jsonl: one issue a line as it is found, with its input PATH under 'input'",
    )
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


def _add_schema(commands: Any) -> argparse.ArgumentParser:
    names = ", ".join(_model_classes())
    parser: argparse.ArgumentParser = commands.add_parser(
        "schema",
        help="print the JSON Schema of the dataset format",
        description=(
            "Print the JSON Schema (2020-12) of a dataset, or of one record type, generated\n"
            "from the model classes. Rules that relate several fields or records are checked\n"
            "by validate, not by the schema."
        ),
        epilog=_examples(
            "gcm-model schema > dataset.schema.json",
            "gcm-model schema --type Meeting",
        )
        + "\n\ntypes:\n"
        + textwrap.indent(textwrap.fill(names, 76), "  "),
        formatter_class=_Formatter,
    )
    parser.add_argument(
        "--type", default="Dataset", metavar="NAME", help="a model class of gcm_model"
    )
    parser.set_defaults(run=_schema)
    return parser


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


def _add_show(commands: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        "show",
        help="list a registry of reference data, or the rules",
        description=(
            "List every record of a registry of the package's reference data as a table,\n"
            "or as JSON records."
        ),
        epilog=_examples(
            "gcm-model show objectives",
            "gcm-model show commissions --format json",
            "gcm-model show rules",
        ),
        formatter_class=_Formatter,
    )
    parser.add_argument("registry", choices=SHOWN, metavar="REGISTRY", help=", ".join(SHOWN))
    parser.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="a table, or every field of every record as JSON",
    )
    parser.set_defaults(run=_show)
    return parser


def _add_lookup(commands: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        "lookup",
        help="find codes by name in every registry",
        description=(
            "Search every registry (objectives, principles, clusters, stakeholder categories,\n"
            "commissions, countries, rounds, known meetings, report sections, guiding\n"
            "questions, meeting formats, languages, sources and rules) for TEXT, ignoring\n"
            "case, accents and punctuation, and print the matches by registry, best first.\n\n"
            "Exit status: 0 when something matches, 1 when nothing does."
        ),
        epilog=_examples(
            "gcm-model lookup moldova",
            "gcm-model lookup 'border management'",
            "gcm-model lookup unece --format json",
        ),
        formatter_class=_Formatter,
    )
    parser.add_argument("text", metavar="TEXT", help="a code, name or part of one")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="text, or JSON records"
    )
    parser.add_argument(
        "--limit", type=_count, default=10, metavar="N", help="matches shown per registry"
    )
    parser.set_defaults(run=_lookup)
    return parser


def _add_new(commands: Any) -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    parser: argparse.ArgumentParser = commands.add_parser(
        "new",
        help="start a dataset to fill in",
        description="Write a skeleton dataset that a person fills in.",
        epilog=_examples("gcm-model new meeting --commission ECE --date 2024-03-11"),
        formatter_class=_Formatter,
    )
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    meeting: argparse.ArgumentParser = kinds.add_parser(
        "meeting",
        help="a regional review meeting and its review",
        description=(
            "Write a dataset with one regional review and one regional review meeting of a\n"
            "commission on a date: ids, the review round of the year, titles built from\n"
            "the commission's name and the date, and an agenda of the four thematic\n"
            "sessions with their clusters' objectives. The meeting is linked to the known\n"
            "meeting of the commission on that date, if there is one. Nothing in it is\n"
            "invented: add the venue, the other agenda segments, participants and sources,\n"
            "then run validate."
        ),
        epilog=_examples(
            "gcm-model new meeting --commission ECE --date 2024-03-11",
            "gcm-model new meeting --commission ESCAP --date 2025-02-04 --end 2025-02-06 "
            "-o escap.json",
        ),
        formatter_class=_Formatter,
    )
    meeting.add_argument(
        "--commission",
        required=True,
        metavar="CODE",
        help="the convening commission: ECE, ESCAP, ECLAC, ECA or ESCWA (or a name)",
    )
    meeting.add_argument(
        "--date", required=True, type=_date, metavar="YYYY-MM-DD", help="the first day"
    )
    meeting.add_argument(
        "--end", type=_date, metavar="YYYY-MM-DD", help="the last day (default: the first day)"
    )
    meeting.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (default: standard output)"
    )
    meeting.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    meeting.set_defaults(run=_new)
    return parser, meeting


def _parsers() -> dict[str, argparse.ArgumentParser]:
    """The parser of ``gcm-model`` and of each command, by command line."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Validate, convert and explore datasets of the follow-up and review of the\n"
            "Global Compact for Migration, and its reference data.\n\n"
            f"Run '{PROG} COMMAND --help' for each command's options and examples."
        ),
        epilog=_examples(
            "gcm-model validate examples/data/unece_2024.json",
            "gcm-model convert data.json tables/",
            "gcm-model show objectives",
            "gcm-model lookup moldova",
            "gcm-model new meeting --commission ECE --date 2024-03-11 -o ece.json",
        )
        + "\n\nexit status: 0 success, 1 invalid data or nothing found, 2 usage problem",
        formatter_class=_Formatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=(f"{PROG} {installed_version()} (reference data {data_version()})"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    found = {PROG: parser}
    found[f"{PROG} validate"] = _add_validate(commands)
    found[f"{PROG} schema"] = _add_schema(commands)
    found[f"{PROG} convert"] = _add_convert(commands)
    found[f"{PROG} show"] = _add_show(commands)
    found[f"{PROG} lookup"] = _add_lookup(commands)
    found[f"{PROG} new"], found[f"{PROG} new meeting"] = _add_new(commands)
    return found


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``gcm-model``."""
    return _parsers()[PROG]


def help_texts(width: int = 80) -> dict[str, str]:
    """The ``--help`` text of the program and of each command, by command line.

    The documentation's CLI reference is generated from these.

    Args:
        width: the width to wrap the text to (``--help`` itself follows the terminal).
    """

    def formatter(prog: str) -> argparse.HelpFormatter:
        return _Formatter(prog, width=width)

    texts = {}
    for command, parser in _parsers().items():
        parser.formatter_class = formatter
        texts[command] = parser.format_help()
    return texts


# -- main -----------------------------------------------------------------------------------


def _quiet_broken_pipe() -> None:
    """Send the rest of stdout to /dev/null after the reader went away (``| head``)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: the arguments, without the program name (default: ``sys.argv[1:]``).

    Returns:
        The exit code: 0 success, 1 invalid data or nothing found, 2 a usage
        problem. ``SystemExit`` from argparse (``--help``, ``--version``, a bad
        option) is turned into its code, never raised.
    """
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help and --version end here: they need no extra
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        importlib.import_module("rich")
    except ImportError:
        _err(MISSING_EXTRA)
        return EXIT_USAGE
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    """Run a parsed command, turning every expected failure into a message and a code."""
    try:
        code: int = args.run(args)
    except _FailedError as exc:
        _err(str(exc))
        code = EXIT_FAILED
    except DocumentError as exc:
        _err(f"{PROG}: {exc}")
        code = EXIT_FAILED
    except BrokenPipeError:
        _quiet_broken_pipe()
        code = EXIT_FAILED
    except (_UsageError, GcmError, OSError) as exc:
        _err(f"{PROG}: error: {exc}")
        code = EXIT_USAGE
    except KeyboardInterrupt:
        _err(f"{PROG}: interrupted")
        code = 130
    return code
