"""
``python -m aiforecasts``: the ``aiforecasts`` command (without arguments: the versions,
the number of records of each kind, and one record of each kind).
"""

from __future__ import annotations

import sys

from aiforecasts._cli.main import main

if __name__ == "__main__":
    sys.exit(main())
