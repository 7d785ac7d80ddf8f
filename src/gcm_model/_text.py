"""Text matching for lookups and search: case-, accent- and punctuation-insensitive."""

from __future__ import annotations

import difflib
import functools
import heapq
import itertools
import operator
import re
import unicodedata
from collections import Counter
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
            normalisation, as a whole and word by word, and each label is
            reported once.
        limit: the most labels to return.

    Returns:
        Up to ``limit`` distinct labels.

    Examples:
        >>> nearest("UNECA2", [("ECA", "ECA"), ("UNECA", "ECA"), ("ESCWA", "ESCWA")])
        ('ECA',)
    """
    query_norm = normalize(query)
    labels, parts_of, parts, counted = _terms(tuple(candidates))
    within = {part for _, part in _bounded(query_norm, parts, _CUTOFF, counted)}
    matcher = difflib.SequenceMatcher(None, query_norm, "")
    ratios: dict[str, float] = {}
    best: dict[str, float] = {}
    for label, found in zip(labels, parts_of, strict=True):
        similarity = 0.0
        for part in found:
            if part in within:
                ratio = ratios.get(part)
                if ratio is None:
                    matcher.set_seq2(part)
                    ratio = ratios[part] = matcher.ratio()
                similarity = max(similarity, ratio)
        if similarity >= _CUTOFF and similarity > best.get(label, 0.0):
            best[label] = similarity
    ranked = sorted(best, key=lambda label: -best[label])
    return tuple(ranked[:limit])


@functools.lru_cache(maxsize=32)
def _terms(
    candidates: tuple[tuple[str, str], ...],
) -> tuple[
    tuple[str, ...],
    tuple[tuple[str, ...], ...],
    tuple[str, ...],
    tuple[tuple[int, ...], dict[str, tuple[int, ...]]],
]:
    """A registry's terms as ``nearest`` compares them, made once.

    Each term's label and parts (the whole term and its words, so that
    "Moldovia" finds "Republic of Moldova"), every distinct part, and their
    lengths and character counts.
    """
    labels = tuple(label for _, label in candidates)
    normals = [normalize(term) for term, _ in candidates]
    parts_of = tuple((normal, *normal.split()) for normal in normals)
    parts = tuple(dict.fromkeys(part for found in parts_of for part in found))
    return labels, parts_of, parts, _count_columns(parts)


def _count_columns(
    names: tuple[str, ...],
) -> tuple[tuple[int, ...], dict[str, tuple[int, ...]]]:
    """The names' lengths, and for each character how often each name holds it."""
    return tuple(map(len, names)), {
        char: tuple(name.count(char) for name in names) for char in set().union(*names)
    }


_cached_columns = functools.lru_cache(maxsize=64)(_count_columns)
_CACHED_NAMES = 256
"""Sets of names up to this size (fields, columns, classes) have their columns cached; larger
ones (a dataset's ids) are counted afresh, so that no dataset stays in memory."""


def _columns(names: tuple[str, ...]) -> tuple[tuple[int, ...], dict[str, tuple[int, ...]]]:
    """The names' lengths and character counts: cached for small, repeated sets of names."""
    return _cached_columns(names) if len(names) <= _CACHED_NAMES else _count_columns(names)


def close_matches(word: str, names: Iterable[str], *, n: int = 1, cutoff: float = 0.6) -> list[str]:
    """The names most like ``word``: ``difflib.get_close_matches``'s answer, found sooner.

    difflib bounds each name's similarity by the lengths, then by the
    characters in common, before it measures it. Here the characters of the
    names are counted once per set of names (the fields of a class, the
    columns of a table), and the characters in common with every name at
    once, for each distinct character of ``word``. The names within the
    bounds are measured as difflib measures them, the likeliest first, until
    no name left can rank among the ``n`` best: the answer is the same.

    Examples:
        >>> close_matches("contry", ("city", "country", "name"))
        ['country']
        >>> close_matches("zzz", ("city", "country"))
        []
    """
    names = tuple(names)
    bounds = _bounded(word, names, cutoff, _columns(names))
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    found: list[tuple[float, str]] = []
    for bound, name in bounds:
        if len(found) >= n and bound < heapq.nlargest(n, found)[-1][0]:
            break  # no name left can rank among the n best: its ratio is at most its bound
        matcher.set_seq1(name)
        ratio = matcher.ratio()
        if ratio >= cutoff:
            found.append((ratio, name))
    return [name for _, name in heapq.nlargest(n, found)]


def _bounded(
    word: str,
    names: tuple[str, ...],
    cutoff: float,
    counted: tuple[tuple[int, ...], dict[str, tuple[int, ...]]],
) -> list[tuple[float, str]]:
    """The names whose similarity to ``word`` difflib's bounds keep at ``cutoff`` or more.

    ``counted``: the names' lengths and character counts (``_count_columns``).
    Each with its bound, highest first: the bound from the characters in
    common, which no ratio of the two, in either order, exceeds.
    """
    lengths, columns = counted
    common: Iterable[int] = (0,) * len(names)
    for char, count in Counter(word).items():
        column = columns.get(char)
        if column is not None:
            common = tuple(map(operator.add, common, map(min, itertools.repeat(count), column)))
    size = len(word)
    bounds = []
    for name, length, shared in zip(names, lengths, common, strict=True):
        total = size + length
        if not total:  # two empty texts: difflib's ratio is 1.0
            bounds.append((1.0, name))
        elif 2.0 * (min(length, size)) / total >= cutoff:
            bound = 2.0 * shared / total  # as difflib computes it, so the same floats compare
            if bound >= cutoff:
                bounds.append((bound, name))
    bounds.sort(reverse=True)
    return bounds
