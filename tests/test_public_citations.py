"""Citations a reader can follow: every rule cites known sources, rendered one way."""

from __future__ import annotations

import pytest

import gcm_model
from gcm_model import _data
from gcm_model.validation import rules

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
