"""Text matching for lookups and search: case-, accent- and punctuation-insensitive."""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

_NON_WORD = re.compile(r"[\W_]+")

# Scores for search(); higher ranks first.
EXACT = 100
PREFIX = 80
WORD_PREFIX = 60
ALL_WORDS = 50
SUBSTRING = 40

# Similarity below which nearest() suggests nothing (difflib ratio).
_CUTOFF = 0.6


def normalize(text: str) -> str:
    """Fold case, strip accents and collapse punctuation and spaces.

    Examples:
        >>> normalize("  Türkiye, Republic-of ")
        'turkiye republic of'
    """
    # Decompose before and after folding: folding can yield characters that decompose.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped).strip()


def score(query: str, term: str) -> int:  # noqa: PLR0911 - one return per rank reads best
    """Score how well a normalised term matches a normalised query (0 for no match).

    Examples:
        >>> score("moldova", "moldova republic of") > score("moldova", "republic of moldova") > 0
        True
    """
    if not query or not term:
        return 0
    if term == query:
        return EXACT
    if term.startswith(query):
        return PREFIX
    words = term.split()
    if any(word.startswith(query) for word in words):
        return WORD_PREFIX
    query_words = query.split()
    if len(query_words) > 1 and all(any(w.startswith(q) for w in words) for q in query_words):
        return ALL_WORDS
    if query in term:
        return SUBSTRING
    return 0


def nearest(query: str, candidates: Iterable[tuple[str, str]], limit: int = 3) -> tuple[str, ...]:
    """The labels of the candidate terms closest to the query, best first.

    Args:
        query: the text that matched nothing.
        candidates: ``(term, label)`` pairs; terms are compared after
            normalisation and each label is reported once.
        limit: the most labels to return.

    Returns:
        Up to ``limit`` distinct labels.

    Examples:
        >>> nearest("UNECA2", [("ECA", "ECA"), ("UNECA", "ECA"), ("ESCWA", "ESCWA")])
        ('ECA',)
    """
    query_norm = normalize(query)
    best: dict[str, float] = {}
    for term, label in candidates:
        # Compare with the whole term and with each of its words, so that
        # "Moldovia" finds "Republic of Moldova".
        similarity = max(_similarity(query_norm, part) for part in (term, *term.split()))
        if similarity >= _CUTOFF and similarity > best.get(label, 0.0):
            best[label] = similarity
    ranked = sorted(best, key=lambda label: -best[label])
    return tuple(ranked[:limit])


def _similarity(query: str, text: str) -> float:
    matcher = difflib.SequenceMatcher(None, query, normalize(text))
    return matcher.ratio() if matcher.real_quick_ratio() >= _CUTOFF else 0.0
