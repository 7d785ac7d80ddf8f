"""MkDocs hooks: generate the Codelists and Changelog pages when the site is built.

``codelists.md`` is built from the installed ``gcm_model`` package, one table per
registry, so the page can never disagree with the data it documents.
``changelog.md`` is the repository's ``CHANGELOG.md`` (or the file named by the
``GCM_MODEL_CHANGELOG`` environment variable), with its links to repository
files pointed at GitHub. ``rules.md`` lists the rule catalogue, and each rule gets a page
``rules/<code>.md``, the text of ``gcm-model explain``. None exists in ``docs/``; all are
virtual files.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import File

import gcm_model
from gcm_model.types import MembershipKind

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

CODELISTS_PAGE = "codelists.md"
CHANGELOG_PAGE = "changelog.md"
CHANGELOG_ENV = "GCM_MODEL_CHANGELOG"
"""An environment variable naming another changelog file to publish (for testing)."""
REPO_ROOT = Path(__file__).resolve().parents[1]
REPO_BLOB = "https://github.com/gcm-model/gcm-model/blob/main/"
"""Where the changelog's relative links to repository files point (pyproject's URLs)."""

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]|])")
_RELATIVE_LINK = re.compile(
    r"(\]\(|^\[[^\]\n]+\]:\s*)(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/)([^)\s]+)", re.MULTILINE
)

Cell = Callable[[Any], str]


# ------------------------------------------------------------------ cell formatting
def text(value: object) -> str:
    """Render a value as table-cell text: escaped, on one line, empty for ``None``."""
    if value is None:
        return ""
    one_line = " ".join(str(value).split())
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(one_line, quote=False))


def code(value: object) -> str:
    """Render a value as inline code, empty for ``None`` or an empty string."""
    if value is None or value == "":
        return ""
    rendered = str(value)
    if "`" in rendered or "|" in rendered:  # cannot be a plain code span in a table
        return text(rendered)
    return f"`{rendered}`"


def codes(values: Iterable[object]) -> str:
    """Render several values as comma-separated inline code."""
    return ", ".join(code(v) for v in values)


def texts(values: Iterable[object]) -> str:
    """Render several values as semicolon-separated text."""
    return "; ".join(text(v) for v in values)


def links(urls: Iterable[str]) -> str:
    """Render URLs as autolinks."""
    return "<br>".join(f"<{url.replace('|', '%7C').replace('>', '%3E')}>" for url in urls)


def enum_value(value: Any) -> str:
    """Render an enumeration member by its value, as inline code."""
    return code(value.value)


def table(columns: list[tuple[str, Cell]], records: Iterable[Any]) -> str:
    """A markdown table with one row per record and one column per ``(header, cell)``."""
    lines = [
        "| " + " | ".join(header for header, _ in columns) + " |",
        "|" + "|".join(" --- " for _ in columns) + "|",
    ]
    lines += ["| " + " | ".join(cell(r) or " " for _, cell in columns) + " |" for r in records]
    return "\n".join(lines)


def provenance(registry: gcm_model.Registry[Any, Any]) -> str:
    """The sentence naming a registry's data file and its provenance, from the manifest."""
    origin = registry.provenance()
    parts = [
        (
            f"From the data file `{origin.file}` (file status `{origin.status.value}`, "
            f"sources read {text(origin.read)}), built from: "
            f"{texts(gcm_model.cite(c) for c in origin.sources)}."
        )
    ]
    if origin.note:
        parts.append(f"*Note:* {text(origin.note)}")
    return "\n\n".join(parts)


# ------------------------------------------------------------------ the tables
STATUS: tuple[str, Cell] = ("Status", lambda r: enum_value(r.status))
SOURCES: tuple[str, Cell] = ("Sources", lambda r: texts(gcm_model.cite(s) for s in r.sources))


@dataclass(frozen=True)
class Section:
    """One registry's section of the Codelists page."""

    title: str
    registry: gcm_model.Registry[Any, Any]
    intro: str
    columns: list[tuple[str, Cell]]
    shown: Callable[[Any], bool] | None = None
    """Which records the table shows (all when ``None``)."""

    def render(self) -> str:
        """The heading, the introduction, the provenance sentence and the table."""
        records = [r for r in self.registry if self.shown is None or self.shown(r)]
        return "\n\n".join(
            [
                f"## {self.title}",
                self.intro,
                provenance(self.registry),
                table(self.columns, records),
            ]
        )


def headquarters(commission: gcm_model.Commission) -> str:
    """A commission's seat: city and country."""
    seat = commission.headquarters
    return f"{text(seat.city)}, {text(gcm_model.countries.lookup(seat.country).name)}"


def region(commission: gcm_model.Commission) -> str:
    """A commission's review region, with the region's aliases."""
    aliases = commission.region.aliases
    return text(commission.region.name) + (f" ({texts(aliases)})" if aliases else "")


def count(kind: MembershipKind) -> Cell:
    """A cell counting a commission's memberships of one kind."""
    return lambda c: str(sum(m.kind is kind for m in c.memberships))


def place(meeting: gcm_model.KnownMeeting) -> str:
    """Where a meeting was held: venue, city and country, as far as known."""
    country = meeting.country and gcm_model.countries.lookup(meeting.country).name
    return ", ".join(text(p) for p in (meeting.venue, meeting.city, country) if p)


def planned(meeting: gcm_model.KnownMeeting) -> str:
    """A meeting's plan, verbatim, with its status, confidence and sources."""
    plan = meeting.planned
    if plan is None:
        return ""
    return (
        f"{text(plan.text)} ({enum_value(plan.status)}, {text(plan.confidence.value)} "
        f"confidence; {codes(plan.sources)})"
    )


def claims(contradiction: gcm_model.Contradiction) -> str:
    """Each side of a contradiction: what it says, where, and its sources, one per line."""
    return "<br>".join(
        f"{text(c.says)}" + (f" ({text(c.where)})" if c.where else "") + f" [{codes(c.sources)}]"
        for c in contradiction.claims
    )


def held(review_round: gcm_model.ReviewRound) -> str:
    """The years a round's meetings took place."""
    if review_round.held is None:
        return ""
    first, last = review_round.held
    return str(first) if first == last else f"{first}-{last}"


def sections() -> list[Section]:
    """Every section of the Codelists page except the commission member lists."""
    return [
        Section(
            "Objectives",
            gcm_model.objectives,
            "The 23 objectives of the GCM (A/RES/73/195 para. 16), "
            "`gcm_model.objectives`, keyed by number.",
            [
                ("Number", lambda o: str(o.number)),
                ("Short title", lambda o: text(o.short_title)),
                ("Title", lambda o: text(o.title)),
                STATUS,
                SOURCES,
            ],
        ),
        Section(
            "Guiding principles",
            gcm_model.principles,
            "The 10 cross-cutting guiding principles (A/RES/73/195 para. 15), "
            "`gcm_model.principles`, keyed by letter.",
            [
                ("Letter", lambda p: code(p.letter)),
                ("Title", lambda p: text(p.title)),
                STATUS,
                SOURCES,
            ],
        ),
        Section(
            "Clusters",
            gcm_model.clusters,
            "The four session clusters, which are the IMRF round tables "
            "(A/RES/73/326), `gcm_model.clusters`, keyed by number.",
            [
                ("Number", lambda c: str(c.number)),
                ("Title", lambda c: text(c.title)),
                ("Objectives", lambda c: ", ".join(map(str, c.objectives))),
                STATUS,
                SOURCES,
            ],
        ),
        Section(
            "Stakeholder categories",
            gcm_model.stakeholders,
            "The relevant stakeholders (A/RES/73/195 para. 44, and review practice), "
            "`gcm_model.stakeholders`, keyed by code.",
            [
                ("Code", lambda s: code(s.code)),
                ("Name", lambda s: text(s.name)),
                ("Aliases", lambda s: texts(s.aliases)),
                ("In para. 44", lambda s: "yes" if s.in_gcm_para_44 else "no"),
                STATUS,
                SOURCES,
            ],
        ),
        Section(
            "Regional commissions",
            gcm_model.commissions,
            "The five UN regional commissions, `gcm_model.commissions`, keyed by code. "
            "Their members are listed [below](#members-of-the-regional-commissions).",
            [
                ("Code", lambda c: code(c.code)),
                ("Name", lambda c: text(c.name)),
                ("Aliases", lambda c: codes(c.aliases)),
                ("Headquarters", headquarters),
                ("Region", region),
                ("Members", count(MembershipKind.MEMBER)),
                ("Associates", count(MembershipKind.ASSOCIATE)),
                STATUS,
                SOURCES,
            ],
        ),
        Section(
            "Countries",
            gcm_model.countries,
            "Every country and territory of ISO 3166-1 (from pycountry), with the "
            "package's overlay of UN short names, UN status and former and common "
            "names (each with its source in `countries.json`), and Kosovo, "
            "`gcm_model.countries`, keyed by alpha-3 code.",
            [
                ("Alpha-3", lambda c: code(c.alpha_3)),
                ("Alpha-2", lambda c: code(c.alpha_2)),
                ("Name", lambda c: text(c.name)),
                ("Other names", lambda c: texts(n.name for n in c.other_names)),
                ("UN status", lambda c: text(c.un_status)),
                ("Qualifier", lambda c: text(c.qualifier)),
            ],
        ),
        Section(
            "Review rounds",
            gcm_model.rounds,
            "The review rounds in the data, `gcm_model.rounds`, keyed by code. "
            "`gcm_model.rounds.for_year` computes later rounds from the four-year cadence.",
            [
                ("Code", lambda r: code(r.code)),
                ("Kind", lambda r: enum_value(r.kind)),
                ("Number", lambda r: str(r.number)),
                ("Year", lambda r: str(r.year)),
                ("Held", held),
                STATUS,
                SOURCES,
            ],
        ),
        Section(
            "Known meetings",
            gcm_model.known_meetings,
            "The regional review meetings and IMRFs the sources date, "
            "`gcm_model.known_meetings`, keyed by code. *Start* and *End* are the "
            "dates held, and *Status* is theirs; *Planned* is the date a plan gave "
            "before the meeting (the timeline of QUNO's guide, of late 2023), "
            "verbatim, with its own status and the confidence of its reading.",
            [
                ("Code", lambda m: code(m.code)),
                ("Round", lambda m: code(m.round)),
                ("Commissions", lambda m: codes(m.commissions)),
                ("Start", lambda m: text(m.start)),
                ("End", lambda m: text(m.end)),
                ("Place", place),
                ("Format", lambda m: code(m.format)),
                ("Planned", planned),
                ("Notes", lambda m: text(m.notes)),
                STATUS,
                SOURCES,
            ],
        ),
        Section(
            "Report section kinds",
            gcm_model.report_section_kinds,
            "The suggested sections of a regional review report, in order, "
            "`gcm_model.report_section_kinds`, keyed by code.",
            [
                ("Order", lambda s: str(s.order)),
                ("Code", lambda s: code(s.code)),
                ("Title", lambda s: text(s.title)),
                ("Description", lambda s: text(s.description)),
                STATUS,
                SOURCES,
            ],
        ),
        Section(
            "Guiding questions",
            gcm_model.guiding_questions,
            "The guiding questions for Member States of the UNECE 2024 concept note, "
            "`gcm_model.guiding_questions`, keyed by letter, each with the commissions "
            "and the review round it is put for.",
            [
                ("Letter", lambda q: code(q.letter)),
                ("Question", lambda q: text(q.text)),
                ("Commissions", lambda q: codes(q.commissions)),
                ("Round", lambda q: code(q.round)),
                STATUS,
                SOURCES,
            ],
        ),
        Section(
            "Meeting formats",
            gcm_model.meeting_formats,
            "How a meeting is held, `gcm_model.meeting_formats`, keyed by code.",
            [
                ("Code", lambda f: code(f.code)),
                ("Name", lambda f: text(f.name)),
                ("Aliases", lambda f: texts(f.aliases)),
                STATUS,
                SOURCES,
            ],
        ),
        Section(
            "Languages",
            gcm_model.languages,
            "Every language of ISO 639-3 (from pycountry), `gcm_model.languages`, keyed by "
            "its ISO 639-1 code where it has one, else by its ISO 639-3 code; ISO 639-3 and "
            "ISO 639-2/B codes compact to that key. The table shows the six official "
            "languages of the UN, which the package's overlay marks (`un_official`); "
            "`gcm-model show languages` lists the others.",
            [
                ("Code", lambda lang: code(lang.code)),
                ("ISO 639-3", lambda lang: code(lang.alpha_3)),
                ("Name", lambda lang: text(lang.name)),
                STATUS,
                SOURCES,
            ],
            shown=lambda lang: lang.un_official,
        ),
        Section(
            "Contradictions between sources",
            gcm_model.contradictions,
            "Where sources disagree on a fact or a citation, `gcm_model.contradictions`, "
            "keyed by code: what each side says, with its sources, the choice the "
            "reference data and the bundled examples make, and why. *Status* is the "
            "weakest status of the facts the choice rests on.",
            [
                ("Code", lambda c: code(c.code)),
                ("Title", lambda c: text(c.title)),
                ("The sources say", claims),
                ("Choice", lambda c: text(c.choice)),
                ("Why", lambda c: text(c.reason)),
                STATUS,
            ],
        ),
        Section(
            "Sources",
            gcm_model.sources,
            "The documents the other records and the rules cite, `gcm_model.sources`, "
            "keyed by id. *Cited as* is how every page, issue and hint names the "
            "document (`gcm_model.cite`): its UN symbol, or its publisher and title; "
            "a title in square brackets describes a document whose own title was not "
            "recorded.",
            [
                ("Id", lambda s: code(s.id)),
                ("Cited as", lambda s: text(s.cite())),
                ("Date", lambda s: text(s.date)),
                ("Kind", lambda s: text(s.kind)),
                STATUS,
                ("Note", lambda s: text(s.note)),
                ("Links", lambda s: links(s.urls)),
            ],
        ),
    ]


def members(commission: gcm_model.Commission) -> str:
    """The heading and table of one commission's members and associate members."""
    columns: list[tuple[str, Cell]] = [
        ("Alpha-3", lambda m: code(m.country)),
        ("Name", lambda m: text(gcm_model.countries.lookup(m.country).display_name)),
        ("Kind", lambda m: enum_value(m.kind)),
        ("Since", lambda m: text(m.since)),
        ("Not a member on", lambda m: text(m.not_member_on)),
        STATUS,
        SOURCES,
    ]
    kinds = [sum(m.kind is kind for m in commission.memberships) for kind in MembershipKind]
    summary = ", ".join(
        f"{n} {kind.value}{'s' if n != 1 else ''}"
        for n, kind in zip(kinds, MembershipKind, strict=True)
        if n
    )
    return "\n\n".join(
        [
            f"### Members of {commission.code}",
            f"{text(commission.full_name)}: {summary}, in the order of the sources.",
            table(columns, commission.memberships),
        ]
    )


def codelists_page() -> str:
    """The markdown of the Codelists page, built from the installed package."""
    parts = [
        "# Codelists",
        (
            "Every record of every registry of `gcm_model` "
            f"{version('gcm-model')}, reference data version `{gcm_model.data_version()}`. "
            "This page is generated from the installed package each time the "
            "documentation is built; see [Reference data](reference-data.md) for the "
            "status labels and the decisions recorded in the data files."
        ),
    ]
    for section in sections():
        parts.append(section.render())
        if section.registry is gcm_model.commissions:
            parts.append("## Members of the regional commissions")
            parts.append(
                "Full and associate members of each commission, in the order of the "
                "sources. *Since* is the earliest time the sources support membership "
                "(empty: a member throughout the GCM period); *Not a member on* is a "
                "date the State was not yet a member, where the joining date is unknown. "
                "From `commissions.json` (see [above](#regional-commissions))."
            )
            parts.extend(members(c) for c in gcm_model.commissions)
    return "\n\n".join(parts) + "\n"


# ------------------------------------------------------------------ the changelog
def changelog_page() -> str:
    """The markdown of the Changelog page: ``CHANGELOG.md``, or a placeholder."""
    path = Path(os.environ.get(CHANGELOG_ENV) or REPO_ROOT / "CHANGELOG.md")
    if not path.is_file():
        return "# Changelog\n\nNo changelog has been written yet.\n"
    content = path.read_text(encoding="utf-8")
    # Relative links in CHANGELOG.md name repository files, not pages of this site.
    return _RELATIVE_LINK.sub(lambda m: m.group(1) + REPO_BLOB + m.group(2), content)


# ------------------------------------------------------------------ the rule catalogue
RULES_PAGE = "rules.md"


def rules_page() -> str:
    """The markdown of the Rules page: the catalogue, generated from ``rules.json``."""
    from gcm_model.validation import PROFILES, rules  # noqa: PLC0415 - only at build time

    parts = [
        "# The rule catalogue",
        (
            "Generated from the package's `rules.json` "
            f"(data version {gcm_model.data_version()}); the slugs and codes are a public "
            "contract. List them in code with `gcm_model.rules`. Each rule cites its "
            "sources as `gcm_model.cite` renders them (the UN symbol, or the publisher "
            "and title, then the place), with the words it quotes there verbatim; "
            "the [Codelists](codelists.md#sources) page lists every source."
        ),
        "## Profiles",
        table(
            [
                ("Profile", lambda p: f"[{code(p.name)}](profiles/{p.name}.md)"),
                ("What it is for", lambda p: text(p.description)),
            ],
            PROFILES.values(),
        ),
        "## Rules",
        "Each code links to the rule's own page: what it checks, why, and examples.",
        table(
            [
                ("Code", lambda r: f"[{code(r.code)}](rules/{r.code}.md)"),
                ("Slug", lambda r: code(r.slug)),
                ("Severity", lambda r: enum_value(r.severity)),
                ("What it checks", lambda r: text(r.summary)),
                ("Profiles", lambda r: codes(r.profiles)),
            ],
            rules,
        ),
        "## Sources and parameters",
    ]
    for rule in rules:
        lines = [
            f"### `{rule.slug}` ({rule.code})",
            text(rule.summary),
            f"[Explained, with examples](rules/{rule.code}.md)",
        ]
        for citation in rule.citations:
            lines.append(f"*Source:* {text(gcm_model.cite(citation))}")
            if citation.quote:
                lines.append(f"> {text(citation.quote)}")
        lines.extend(
            f"*Parameter* `{p.name}` = `{json.dumps(p.value)}`: {text(p.source)}"
            for p in rule.parameters
        )
        parts.append("\n\n".join(lines))
    return "\n\n".join(parts) + "\n"


def rule_pages() -> dict[str, str]:
    """Each rule's page, ``rules/<code>.md``: ``gcm-model explain`` of the rule.

    Issues link to these pages (``Issue.url``); a rule added to ``rules.json``
    gets its page with the next build.
    """
    from gcm_model.cli import explain  # noqa: PLC0415 - only at build time

    return {f"rules/{rule.code}.md": explain(rule) for rule in gcm_model.rules}


# ------------------------------------------------------------------ the CLI reference
CLI_PAGE = "cli-reference.md"


def cli_page() -> str:
    """The markdown of the CLI reference: the ``--help`` of every command, as it prints."""
    from gcm_model.cli import help_texts  # noqa: PLC0415 - only at build time

    parts = [
        "# CLI reference",
        (
            f"The `--help` of `gcm-model` {version('gcm-model')} and of each of its "
            "commands, generated from the installed package each time the documentation "
            "is built. See [Command line](cli.md) for the tasks they serve."
        ),
    ]
    for command, help_text in help_texts().items():
        parts.append(f"## `{command}`")
        parts.append(f"```text\n{help_text.rstrip()}\n```")
    return "\n\n".join(parts) + "\n"


# ------------------------------------------------------------------ the hook
def _add(files: Files, config: MkDocsConfig, src_uri: str, content: str) -> None:
    """Add a generated page, replacing a file of the same name in ``docs/``."""
    existing = files.get_file_from_path(src_uri)
    if existing is not None:
        files.remove(existing)
    files.append(File.generated(config, src_uri, content=content))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated Codelists, Rules (and each rule's), CLI reference and Changelog pages."""
    _add(files, config, CODELISTS_PAGE, codelists_page())
    _add(files, config, RULES_PAGE, rules_page())
    for path, page in rule_pages().items():
        _add(files, config, path, page)
    _add(files, config, CLI_PAGE, cli_page())
    _add(files, config, CHANGELOG_PAGE, changelog_page())
    return files
