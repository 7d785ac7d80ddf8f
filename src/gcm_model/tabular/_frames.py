"""Placeholder while the frames are written."""
from __future__ import annotations
def to_pandas(d): pass
from_pandas = to_arrow = to_polars = to_pandas
