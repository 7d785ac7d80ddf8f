"""Citations a reader can follow: every rule cites known sources, rendered one way."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import gcm_model
from gcm_model import _data
from gcm_model.cli import main
from gcm_model.schema import published_schema
from gcm_model.validation import PROFILES, rules

RULES = list(rules)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.slug)
def test_every_rule_cites_known_sources(rule: gcm_model.validation.Rule) -> None:
    """A rule cites at least one source, and every id it cites is a known source."""
    assert rule.citations, rule.slug
    for citation in rule.citations:
        assert gcm_model.sources.get(citation.source) is not None, (rule.slug, citation.source)
        assert gcm_model.sources.lookup(citation.source).id == citation.source
    for parameter in rule.parameters:
        if parameter.citation is not None:
            assert gcm_model.sources.get(parameter.citation.source) is not None, rule.slug


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.slug)
def test_a_rule_shows_its_citations_as_cite_renders_them(
    rule: gcm_model.validation.Rule,
) -> None:
    """rule.source, which every issue carries, is the rendering of its citations."""
    assert rule.source == "; ".join(gcm_model.cite(c) for c in rule.citations)
    assert rule.sources == tuple(dict.fromkeys(c.source for c in rule.citations))


@pytest.mark.parametrize("rule", [r for r in RULES if r.quote], ids=lambda r: r.slug)
def test_a_quote_is_a_sentence_of_a_cited_document(rule: gcm_model.validation.Rule) -> None:
    """Quotes come from documents, not from this package, with no editing marks."""
    for citation in rule.citations:
        if citation.quote is None:
            continue
        assert citation.source != "gcm-model", rule.slug
        assert citation.quote == citation.quote.strip()
        assert not citation.quote.startswith(("…", "...")), rule.slug  # no elided start
        assert "**" not in citation.quote  # text, not the markup of a copy
    assert rule.quote == next(c.quote for c in rule.citations if c.quote)


def test_a_citation_renders_the_symbol_or_the_publisher_and_title() -> None:
    """A/RES/73/326, para. 9; else publisher and quoted title; described titles unquoted."""
    assert gcm_model.cite("a-res-73-326", "para. 9") == "A/RES/73/326, para. 9"
    assert gcm_model.cite("a-res-73-195") == "A/RES/73/195"
    assert gcm_model.cite("un-network-regional-reviews-2024", "opening paragraph") == (
        "UN Network on Migration, \u201cRegional Reviews 2024\u201d, opening paragraph"
    )
    described = gcm_model.sources.lookup("csac-unece-2024-review")
    assert described.title.startswith("[")
    assert described.cite() == f"Civil Society Action Committee, {described.title}"
    citation = gcm_model.Citation(source="a-res-73-195", at="para. 50")
    assert gcm_model.cite(citation) == "A/RES/73/195, para. 50"
    assert gcm_model.cite("A/RES/73/195", "para. 16") == "A/RES/73/195, para. 16"


def test_cite_names_an_unknown_source() -> None:
    """An id that is no source raises the library's lookup error, not a KeyError."""
    with pytest.raises(gcm_model.UnknownCodeError):
        gcm_model.cite("no-such-document")


def test_the_five_founding_documents_have_public_titles_and_publishers() -> None:
    """Each of the five documents is a record with its title and publisher."""
    founding = {
        "un-network-regional-reviews-2024": "UN Network on Migration",
        "unece-2024-concept-note": "UNECE and IOM",
        "quno-migration-justice-guide": "Quaker United Nations Office (QUNO)",
        "csac-unece-2024-review": "Civil Society Action Committee",
        "un-network-gcm-implementation-guidance": "UN Network on Migration",
    }
    for source_id, publisher in founding.items():
        source = gcm_model.sources.lookup(source_id)
        assert source.publisher == publisher
        assert source.title
        assert "first built from" in source.note
    unconfirmed = gcm_model.sources.lookup("csac-unece-2024-review")
    assert unconfirmed.status is gcm_model.Status.UNCONFIRMED
    assert "UNCONFIRMED" in unconfirmed.note


@pytest.mark.parametrize("name", _data.codelist_names())
def test_every_data_file_cites_known_sources_in_its_provenance(name: str) -> None:
    """A data file's provenance cites sources by id, each a known source."""
    entry = _data.manifest()["files"][f"{name}.json"]
    assert entry["sources"], name
    for citation in entry["sources"]:
        assert set(citation) <= {"source", "at", "quote"}, (name, citation)
        assert gcm_model.sources.get(citation["source"]) is not None, (name, citation)


# -- no working label anywhere a user reads ---------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "gcm_model"

LABELS = {
    "a working file name": re.compile(r"\d{3}_[0-9a-f]{16}"),
    "a seed number": re.compile(r"\bseeds?[\s_]*\d", re.IGNORECASE),
    "the fact sheet": re.compile(r"domain[\s_]?facts", re.IGNORECASE),
    "a section sign": re.compile("\N{SECTION SIGN}"),
    # S1..S36 (sources), I1..I13 (inconsistencies), R1..R41 (rules) of the fact sheet:
    # upper case only, so ids such as "r1" and "e1" of the conformance cases are fine.
    "a bare label": re.compile(r"\b[SIR]\d{1,2}\b"),
}
"""What a working label looks like, by what it is."""


def labels(text: str) -> list[str]:
    """The working labels in a text, each with what it is and a little context."""
    found = []
    for kind, pattern in LABELS.items():
        for match in pattern.finditer(text):
            start, end = max(match.start() - 30, 0), match.end() + 30
            found.append(f"{kind} {match.group()!r} in ...{text[start:end]!r}...")
    return found


@pytest.mark.parametrize(
    "text",
    [
        "as seed 003 reports it",
        "Seeds 000, 001",
        "SEED_001 = ...",
        "001_61412e3f83cb501b.txt",
        "domain_facts I1",
        "the domain facts",
        "\N{SECTION SIGN}6.2",
        "(S24)",
        "S1, S27",
        "I10: two addresses",
        "R12.",
        '"S15"',
        "S15-S25",
        "(see S3: the page)",
    ],
)
def test_the_scan_finds_every_kind_of_working_label(text: str) -> None:
    """A planted label of each kind is found (the scan below can fail)."""
    assert labels(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Status.SEED and the SEED status",
        "a good seed corpus",
        'ids "r1", "m1", "e1"',
        "A/RES/73/195, para. 16",
        "ISO 3166-1 and ISO 639",
        "GCM101, GCM301",
        "HTTP/1.1, ES2024 and S100",
        "the ESCAP/GCM/2021/CRP.1 paper",
    ],
)
def test_the_scan_leaves_legitimate_text_alone(text: str) -> None:
    """Statuses, ids, UN symbols and codes are not working labels."""
    assert labels(text) == []


def _text_files(*roots: Path) -> list[Path]:
    files = []
    for root in roots:
        paths = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in paths:
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            raw = path.read_bytes()
            if b"\0" in raw:
                continue  # binary
            files.append(path)
    return files


SCANNED = _text_files(
    PACKAGE, ROOT / "docs", ROOT / "examples", ROOT / "README.md", ROOT / "schema"
)


def test_the_scan_covers_the_package_docs_examples_and_schema() -> None:
    """Data, conformance suite, notebook, docs pages and the schema file are all read."""
    names = {p.relative_to(ROOT).as_posix() for p in SCANNED}
    for expected in (
        "README.md",
        "src/gcm_model/data/rules.json",
        "src/gcm_model/data/sources.json",
        "src/gcm_model/conformance_suite/manifest.json",
        "src/gcm_model/conformance_suite/valid/unece_2024.json",
        "src/gcm_model/validation/_rules.py",
        "docs/reference-data.md",
        "examples/notebooks/unece_2024.ipynb",
        "examples/data/flawed_unece_2024.json",
        "schema/dataset.schema.json",
    ):
        assert expected in names, expected


@pytest.mark.parametrize("path", SCANNED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_file_carries_a_working_label(path: Path) -> None:
    """Package, data, conformance suite, docs, examples and schema cite publicly."""
    assert labels(path.read_text(encoding="utf-8")) == []


def test_the_published_schema_carries_no_working_label() -> None:
    """The JSON Schema as the package builds it, descriptions and all."""
    assert labels(published_schema().decode()) == []


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    main(list(argv))
    out, err = capsys.readouterr()
    return out + err


EXAMPLE_DATA = sorted(str(p) for p in (ROOT / "examples" / "data").glob("*.json"))


@pytest.mark.parametrize("profile", ["default", "strict", "unece-2024"])
@pytest.mark.parametrize("output", ["text", "json"])
def test_validate_output_carries_no_working_label(
    capsys: pytest.CaptureFixture[str], profile: str, output: str
) -> None:
    """gcm-model validate on the bundled datasets: messages, hints and sources."""
    out = _cli(capsys, "validate", "--profile", profile, "--format", output, *EXAMPLE_DATA)
    assert "hint" in out  # the flawed example has hints: the scan reads them
    assert labels(out) == []


@pytest.mark.parametrize("output", ["text", "json"])
@pytest.mark.parametrize("registry", ["rules", "sources"])
def test_show_rules_and_sources_carry_no_working_label(
    capsys: pytest.CaptureFixture[str], registry: str, output: str
) -> None:
    """gcm-model show rules (and sources), as tables and as JSON."""
    out = _cli(capsys, "show", registry, "--format", output)
    assert out.strip()
    assert labels(out) == []


def test_every_rule_page_entry_renders_public_citations() -> None:
    """The rule catalogue as the docs render it: citations and quotes, no labels."""
    text = "\n".join(
        [
            *(r.source for r in rules),
            *(r.quote or "" for r in rules),
            *(p.source for r in rules for p in r.parameters),
            *(profile.description for profile in PROFILES.values()),
        ]
    )
    assert labels(text) == []
