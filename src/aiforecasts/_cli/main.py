"""
The ``aiforecasts`` command: browse, search, export, validate and verify from the shell.

`main` parses the arguments (`_cli.parser`), runs the subcommand (`_cli.commands`) with
standard output and standard error made safe to print to (`_cli.terminal.Terminal`), and
turns whatever stops it into one line on standard error and an exit status.
"""

from __future__ import annotations

import collections.abc
import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

import aiforecasts
from aiforecasts._cli.commands import FAILURE, USAGE_ERROR
from aiforecasts._cli.parser import build_parser
from aiforecasts._cli.terminal import OutputError, Terminal, complain, os_error
from aiforecasts._model.text import plural

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import TextIO

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the ``aiforecasts`` command with *argv* (by default the process's arguments);
    the exit status is returned: 0 all is well, 1 a problem was found, 2 a usage error
    or a failure to read or write.  A usage error raises `SystemExit` with status 2, as
    argparse does.

    Nothing the command meets ends in a traceback: a file or dataset that cannot be read,
    output that cannot be written, or (a bug) any other exception is one line on standard
    error and status 2.  ``python -X dev -m aiforecasts ...`` shows a bug's traceback.

    Raises:
        TypeError: if *argv* is not a sequence of strings (a string on its own included).
    """
    given: object = argv  # as called, whatever the annotation says
    if given is not None:
        if not isinstance(given, collections.abc.Iterable) or isinstance(given, (str, bytes)):
            msg = f"argv must be a list of strings, not {type(given).__name__}"
            raise TypeError(msg)
        argv = list(given)
        if not all(isinstance(arg, str) for arg in argv):
            msg = f"argv must be a list of strings, not {argv!r:.80}"
            raise TypeError(msg)
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:  # started with that stream closed: write nowhere
            setattr(sys, name, Path(os.devnull).open("w", encoding="utf-8"))  # noqa: SIM115
    if sys.stdout.closed:
        return FAILURE
    saved = sys.stdout, sys.stderr
    out, err = Terminal(sys.stdout), Terminal(sys.stderr)
    # argparse and every subcommand write to sys.stdout and sys.stderr: both escape.
    sys.stdout, sys.stderr = cast("TextIO", out), cast("TextIO", err)
    try:
        return _main(argv, out, err)
    finally:
        sys.stdout, sys.stderr = saved


def _main(argv: Sequence[str] | None, out: Terminal, err: Terminal) -> int:
    command: str | None = None
    try:
        try:
            args = build_parser().parse_args(argv)
        finally:
            out.flush()  # --help's text, before argparse exits
        command = getattr(args, "command", None)
        if command == "data":
            command = f"data {args.action}"
        status: int = args.run(args, cast("TextIO", out))
        out.flush()
    except OutputError as error:
        return _unwritable(error, command, err)
    except aiforecasts.DataError as error:
        complain(command, f"the dataset cannot be read: {_first_problem(error)}")
        return USAGE_ERROR
    except OSError as error:
        complain(command, os_error(error))
        return USAGE_ERROR
    except Exception as error:
        if sys.flags.dev_mode:
            raise
        complain(
            command,
            f"unexpected {type(error).__name__}: {error} — a bug in aiforecasts; please "
            "report it with the command (python -X dev -m aiforecasts ... shows where)",
        )
        return USAGE_ERROR
    return status


def _first_problem(error: aiforecasts.DataError) -> str:
    """The first problem of *error*, and how many more there are, for one line."""
    if not error.problems:
        return str(error)
    others = len(error.problems) - 1 + error.more
    more = f" (and {plural(others, 'more problem')})" if others else ""
    return f"{error.problems[0]}{more}"


def _unwritable(error: OutputError, command: str | None, err: Terminal) -> int:
    """
    The status for output that could not be written: 1 for a reader that went away
    (``| head``), said nowhere; otherwise (a full disk) 2, said on standard error when
    that is the stream still working.  The failed stream is then pointed at the null
    device, so that the interpreter's last flush does not fail again (that would print
    a traceback-like warning and exit 120).
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, error.stream.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # a stream with no descriptor (in tests): nothing to flush
        pass
    if isinstance(error.error, BrokenPipeError):
        return FAILURE
    if error.stream is not err.stream:
        with contextlib.suppress(OutputError):  # standard error is full too: say nothing
            complain(command, f"cannot write the output: {error.error.strerror or error.error}")
    return USAGE_ERROR
