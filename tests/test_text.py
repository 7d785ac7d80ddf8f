"""Tests for gcm_model._text, the matching behind lookups and search."""

from __future__ import annotations

import difflib

from hypothesis import given
from hypothesis import strategies as st

import gcm_model
from gcm_model import _text


def test_normalize_folds_case_accents_and_punctuation() -> None:
    """Case, accents, punctuation and underscores do not matter."""
    assert _text.normalize("Côte d'Ivoire") == "cote d ivoire"
    assert _text.normalize("TÜRKIYE") == "turkiye"
    assert _text.normalize("local_authorities") == "local authorities"
    assert _text.normalize("  ") == ""


def test_score_ranks_exact_prefix_word_words_substring() -> None:
    """Each kind of match scores below the one before it."""
    assert _text.score("moldova", "moldova") == _text.EXACT
    assert _text.score("mold", "moldova") == _text.PREFIX
    assert _text.score("mold", "republic of moldova") == _text.WORD_PREFIX
    assert _text.score("rep mol", "republic of moldova") == _text.ALL_WORDS
    assert _text.score("oldov", "republic of moldova") == _text.SUBSTRING
    assert _text.score("xyz", "moldova") == 0
    assert _text.score("", "moldova") == 0


def test_nearest_reports_each_label_once() -> None:
    """Several close terms of one record give one suggestion."""
    pairs = [("ECA", "ECA"), ("UNECA", "ECA"), ("ESCWA", "ESCWA")]
    found = _text.nearest("uneca", pairs)
    assert found[0] == "ECA"
    assert found.count("ECA") == 1
    assert _text.nearest("zzzzzz", pairs) == ()


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    """Normalising twice changes nothing."""
    once = _text.normalize(text)
    assert _text.normalize(once) == once


@given(
    word=st.text(alphabet="abcdeinorstu_", max_size=12),
    names=st.lists(st.text(alphabet="abcdeinorstu_", max_size=12), max_size=12),
    n=st.integers(1, 3),
    cutoff=st.sampled_from([0.0, 0.5, 0.6, 0.8, 1.0]),
)
def test_close_matches_answers_as_difflib_does(
    word: str, names: list[str], n: int, cutoff: float
) -> None:
    """The did-you-mean of unknown keys and columns is difflib's, found sooner."""
    found = _text.close_matches(word, names, n=n, cutoff=cutoff)
    assert found == difflib.get_close_matches(word, names, n=n, cutoff=cutoff)


def nearest_by_definition(query: str, candidates: list[tuple[str, str]]) -> tuple[str, ...]:
    """``nearest`` as its docstring defines it: every part of every term measured by difflib."""
    normal = _text.normalize(query)
    best: dict[str, float] = {}
    for term, label in candidates:
        parts = (_text.normalize(term), *_text.normalize(term).split())
        similarity = max(difflib.SequenceMatcher(None, normal, part).ratio() for part in parts)
        if similarity >= 0.6 and similarity > best.get(label, 0.0):
            best[label] = similarity
    return tuple(sorted(best, key=lambda label: -best[label])[:3])


COUNTRY_TERMS = [(term, str(record.alpha_3)) for term, _, record in gcm_model.countries._index()][
    ::7
]
"""A seventh of the countries' terms (codes, names and their other names), with their codes."""


@given(
    st.one_of(
        st.sampled_from([term for term, _ in COUNTRY_TERMS]).map(lambda t: t[1:] + "x"),
        st.text(alphabet="abcdeilmnorstuy -", max_size=14),
    )
)
def test_nearest_answers_as_its_definition(query: str) -> None:
    """Bounding before measuring changes no suggestion, nor their order."""
    assert _text.nearest(query, COUNTRY_TERMS) == nearest_by_definition(query, COUNTRY_TERMS)
