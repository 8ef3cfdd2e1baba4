"""
The bounds every reader and writer keeps, in one place.

Hostile or broken input must cost a bounded time and memory and end in a
`DataError`; these are the bounds.  Each is far above anything the dataset or
a faithful export of it holds (the figures beside each say how far), so a
reader never refuses honest data.  ``docs/limits.md`` lists them for users.
"""

from __future__ import annotations

__all__ = [
    "MAX_BYTES",
    "MAX_COLUMNS",
    "MAX_DEPTH",
    "MAX_INDENT",
    "MAX_ITEMS",
    "MAX_QUERY",
    "MAX_ROWS",
    "RECORD_PROBLEM_LIMIT",
]

MAX_BYTES = 1 << 30
"""The most one file may hold, or Parquet decompress to (1 GiB): 100,000 records take
about 75 MB."""

MAX_DEPTH = 64
"""The deepest nesting of arrays and objects read in one JSON value (a record nests at
most 5 levels inside its export)."""

MAX_ITEMS = 10_000
"""The most items one list inside one record may hold (the longest in the bundled data
holds fewer than 50)."""

RECORD_PROBLEM_LIMIT = 10
"""The most problems reported of one record; the rest are counted, not described."""

MAX_ROWS = 5_000_000
"""The most rows one table (a Parquet file or a CSV table) may declare."""

MAX_COLUMNS = 1_000
"""The most columns one table may have (the widest kind has fewer than 100)."""

MAX_QUERY = 200
"""The longest name, in characters, that a lookup compares approximately (a longer one is
matched exactly or not at all), and the longest search query in which names are looked for (a
longer one is taken word for word)."""

MAX_INDENT = 16
"""The widest indent, in spaces, an export may be written with."""
