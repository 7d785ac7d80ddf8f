"""``gcm-model show`` and ``gcm-model lookup``: the registries of reference data."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from gcm_model import registry as registries
from gcm_model.cli._common import (
    EXIT_FAILED,
    EXIT_OK,
    PROG,
    _console,
    _count,
    _err,
    _examples,
    _Formatter,
    _out,
    _out_json,
)
from gcm_model.registry import Registry
from gcm_model.validation import rules

if TYPE_CHECKING:
    import argparse


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
