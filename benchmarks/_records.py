"""Distinct records for the benchmarks: copies of the UNECE 2024 example, none repeating another.

Each copy of the example's records (a review, a meeting, events, participants,
reports) carries the copy's number in every id, in every reference to it and
in its texts, and every date moves by the copy's number of days (less than
200, so a copy stays in 2024 and its own order): no record repeats another, no
cache keyed by value helps, and every reference resolves, as in a real file.
``benchmarks/streaming.py`` and ``benchmarks/validation.py`` measure them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path

import gcm_model
from gcm_model.converters import dumps_jsonl

ROOT = Path(__file__).resolve().parents[1]

_DATE = re.compile(r'"(20\d\d-\d\d-\d\d)')


def _renamed(match: re.Match[str], *, copy: int) -> str:
    """A quoted id with the copy's number."""
    return f'{match.group(0)[:-1]}-{copy}"'


def _later(match: re.Match[str], *, days: int) -> str:
    """A quoted date (or the date of a quoted instant) moved by some days."""
    day = dt.date.fromisoformat(match.group(1)) + dt.timedelta(days=days)
    return f'"{day.isoformat()}'


def copies(count: int) -> list[str]:
    """JSON Lines of ``count`` records, every one distinct, after the dataset's header line."""
    example = gcm_model.load(ROOT / "examples" / "data" / "unece_2024.json")
    header, *body = dumps_jsonl(example).decode().splitlines()
    ids = sorted(set(re.findall(r'"id":"([^"]+)"', "\n".join(body))), key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(f'"{i}"') for i in ids))
    lines = [header]
    copy = 0
    while len(lines) - 1 < count:
        block = pattern.sub(functools.partial(_renamed, copy=copy), "\n".join(body))
        block = re.sub(r'"(title|name|text|summary)":"', rf'"\1":"{copy} ', block)
        block = _DATE.sub(functools.partial(_later, days=copy % 200), block)
        lines.extend(block.splitlines())
        copy += 1
    return lines[: count + 1]
