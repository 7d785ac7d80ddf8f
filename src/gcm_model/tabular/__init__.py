"""A dataset as tables: CSV files with ids linking them, and typed DataFrames.

One table per record kind (``reviews``, ``meetings``, ``events``...), plus
``dataset`` (one row: the version and title), and a table for each list
field, whose rows name their owner's row: ``reviews_commissions`` (columns
``review``, ``position``, ``value``), ``meetings_contacts`` (``meeting``,
``position``, ``role``, ``email``), ``segments`` (a meeting's agenda:
``meeting``, ``position``, ``kind``, then the segments' fields),
``sections`` and ``items`` (a report's sections and their content items),
``segments_panellists`` (``meeting``, ``segment``, ``position``, ``value``)
and so on. A nested object's fields are columns of its owner's row, named
``venue/name``, ``venue/city`` as flatten-tool names them. Every field goes
where its kind says (``Kind.tabulate``), its cells are written and read by
its kind's ``cell``, and its DataFrame column has its kind's ``frame`` type.

Reading a directory back gives an equal ``Dataset``; a problem names the
file, the physical line where its row starts (the header is line 1) and the
column, and reading never stops at the first: an unknown column is one
problem at the header, naming the nearest known column, and the rows are
still read without it. Files of earlier versions, which held lists and
nested objects as JSON text in a cell, are still read.

``to_pandas`` and ``from_pandas`` need the ``tabular`` extra (pandas),
``to_arrow`` and ``from_arrow`` the ``arrow`` extra (pyarrow) too,
``to_polars`` the ``polars`` extra (polars), and ``from_polars`` both the
``polars`` and ``arrow`` extras. ``gcm_model.validate`` takes the same
DataFrames (a mapping of table name to DataFrame, of any of the three
libraries) and locates each issue by table, row and column.

Examples:
    >>> from gcm_model import Dataset, RegionalReview
    >>> from gcm_model.tabular import from_tables, to_tables
    >>> review = RegionalReview(id="r1", round="regional-2024", commissions=["ECE"])
    >>> data = Dataset(reviews=[review])
    >>> list(to_tables(data)["reviews"][0].items())[:3]
    [('id', 'r1'), ('round', 'regional-2024'), ('title', '')]
    >>> to_tables(data)["reviews_commissions"]
    [{'review': 'r1', 'position': '0', 'value': 'ECE'}]
    >>> from_tables(to_tables(data)) == data
    True
"""

from __future__ import annotations

# Re-exported for the package's own use: the engine (``gcm_model.validation``) reads CSV
# directories through ``_stream_document`` (a record at a time) or ``_read_document``, and
# DataFrames through ``_frames_document``; the parity tests write invalid documents through
# ``_write_tree``.
from gcm_model.tabular._frames import _frames_document as _frames_document
from gcm_model.tabular._frames import (
    from_arrow,
    from_pandas,
    from_polars,
    to_arrow,
    to_pandas,
    to_polars,
)
from gcm_model.tabular._layout import TABLES
from gcm_model.tabular._read import _read_document as _read_document
from gcm_model.tabular._read import _TableDocument as _TableDocument
from gcm_model.tabular._read import from_tables, read_csv
from gcm_model.tabular._stream import _stream_document as _stream_document
from gcm_model.tabular._stream import _TableStream as _TableStream
from gcm_model.tabular._write import _write_tree as _write_tree
from gcm_model.tabular._write import to_rows, to_tables, write_csv

__all__ = [
    "TABLES",
    "from_arrow",
    "from_pandas",
    "from_polars",
    "from_tables",
    "read_csv",
    "to_arrow",
    "to_pandas",
    "to_polars",
    "to_rows",
    "to_tables",
    "write_csv",
]
