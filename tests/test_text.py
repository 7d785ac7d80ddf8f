"""Tests for gcm_model._text, the matching behind lookups and search."""

from __future__ import annotations

import difflib

from hypothesis import given
from hypothesis import strategies as st

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
