"""
``python -m aiforecasts``: show the bundled dataset — its versions, the number
of records of each kind, and the first record of each kind.
"""

from __future__ import annotations

import sys

from aiforecasts._show import show_dataset

if __name__ == "__main__":
    sys.exit(show_dataset(sys.stdout))
