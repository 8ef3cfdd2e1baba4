"""
``python -m aiforecasts``: show the bundled dataset — its versions, the number
of records of each kind, and the first record of each kind.
"""

from __future__ import annotations

import os
import sys

from aiforecasts._show import show_dataset


def main() -> int:
    """Run, and leave quietly when the reader of the output goes away (``| head``)."""
    try:
        status = show_dataset(sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        # Python's advice for SIGPIPE: point stdout at devnull so that the
        # interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
