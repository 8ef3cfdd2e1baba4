"""
What the command writes and how it fits a terminal: text made safe to print (`one_line`,
`Terminal`), one line on standard error for why a command stopped (`complain`), text
measured and wrapped in terminal columns (`width`, `wrap`, `fit`: Chinese characters take
two), and the aligned tables the listings print (`table`).

The command (`_cli.main`), its subcommands (`_cli.commands`) and the page of one record
(`_cli.render`) all write through here, so that no text from a file reaches a terminal raw
and every width is counted the same way.
"""

from __future__ import annotations

import codecs
import os
import re
import shutil
import sys
import unicodedata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import TextIO

__all__ = [
    "OutputError",
    "Terminal",
    "columns_for",
    "complain",
    "fit",
    "one_line",
    "os_error",
    "table",
    "width",
    "wrap",
]


# -- text safe to print -------------------------------------------------------

# What a terminal would act on rather than show: C0 controls (ESC starts the sequences that
# move the cursor, recolour, retitle the window or write the clipboard), DEL, C1 controls
# (U+009B is a one-character escape sequence), the bidirectional marks, embeddings, overrides
# and isolates that reorder what follows (U+202E shows "exe.txt" as "txt.exe"), and the line
# and paragraph separators.  A newline is kept where the command writes one itself.
_UNSAFE = "\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
_UNSAFE_IN_TEXT = re.compile(f"[{_UNSAFE}]")
_UNSAFE_IN_LINE = re.compile(f"[{_UNSAFE}\n]")


def _escaped(char: str) -> str:
    """*char* as ``\\uXXXX`` (a pair of them beyond the first 65,536): the escape a JSON
    string reads back as the same character, so that ``--json`` output stays valid JSON
    of the same value."""
    code = ord(char)
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def _escape_unencodable(error: UnicodeError) -> tuple[str, int]:
    """The codec error handler ``aiforecasts.escape``: what a stream cannot encode
    (Chinese on an ASCII terminal, a surrogate from an undecodable file name) is escaped."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return "".join(map(_escaped, error.object[error.start : error.end])), error.end


codecs.register_error("aiforecasts.escape", _escape_unencodable)


def one_line(text: str) -> str:
    """*text* from data or a file, safe to print within one line: every control character,
    newlines included, escaped.

    >>> one_line("key\\x1b[2J\\nforged line\\u202e")
    'key\\\\u001b[2J\\\\u000aforged line\\\\u202e'
    """
    return _UNSAFE_IN_LINE.sub(lambda match: _escaped(match.group()), text)


class OutputError(Exception):
    """Writing to standard output or standard error failed (a full disk, a closed pipe):
    not an error in the data or the files the command reads, so kept apart from those."""

    def __init__(self, stream: TextIO, error: OSError) -> None:
        super().__init__(str(error))
        self.stream = stream
        self.error = error


class Terminal:
    """
    What the command writes to: a text stream around standard output or standard error
    that escapes every control character but the newline (see `one_line`), and escapes
    what the stream's encoding cannot hold rather than fail (an ASCII-only terminal, or
    ``LC_ALL=C``).  All the command prints goes through here — tables, records, problems,
    argparse's usage and help — so no text from a file reaches a terminal raw.  A failed
    write raises `OutputError`.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.encoding: str | None = getattr(stream, "encoding", None)

    def write(self, text: str) -> int:
        safe = _UNSAFE_IN_TEXT.sub(lambda match: _escaped(match.group()), text)
        if self.encoding:
            safe = safe.encode(self.encoding, "aiforecasts.escape").decode(self.encoding)
        try:
            return self.stream.write(safe)
        except OSError as error:
            raise OutputError(self.stream, error) from error

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self.stream.flush()
        except OSError as error:
            raise OutputError(self.stream, error) from error

    def isatty(self) -> bool:
        isatty = getattr(self.stream, "isatty", None)
        return bool(isatty is not None and isatty())

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def complain(command: str | None, message: str) -> None:
    """
    Say on standard error, in one line, why *command* stopped: ``aiforecasts COMMAND:
    message``.  Whatever *message* quotes from a file or the command line (a path, a key,
    a value) cannot start another line.
    """
    prefix = "aiforecasts" if command is None else f"aiforecasts {command}"
    sys.stderr.write(f"{prefix}: {one_line(message)}\n")


def os_error(error: OSError, path: object = None) -> str:
    """*error* as ``path: what went wrong``, without the ``[Errno 2]``; *path* where the
    error names none."""
    what = error.strerror or str(error)
    path = error.filename if error.filename is not None else path
    return f"{path}: {what}" if path is not None else what


# -- text that fits -----------------------------------------------------------


def width(text: str) -> int:
    """Columns *text* takes in a terminal: East Asian wide and full-width characters take two."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


# Punctuation that never starts a line (it closes what stands before it) and that never ends
# one (it opens what follows).
_CLOSING = frozenset("，。、；：？！）」』》〉】〕…,.;:?!)]}%’”")
_OPENING = frozenset("（「『《〈【〔([{‘“")


def _tokens(text: str) -> list[tuple[str, bool]]:
    """*text* as the pieces a line may break between, each with whether a space precedes it:
    a word of Latin letters, or one Chinese character (with the punctuation that sticks to it)."""
    tokens: list[tuple[str, bool]] = []
    space = glue = False
    for char in text:
        if char.isspace():
            space = True
            continue
        if tokens and not space:
            previous = tokens[-1][0]
            if glue or char in _CLOSING or not (_wide(char) or _wide(previous[-1])):
                tokens[-1] = (previous + char, tokens[-1][1])
                glue = char in _OPENING
                continue
        tokens.append((char, space and bool(tokens)))
        space = False
        glue = char in _OPENING
    return tokens


def wrap(text: str, columns: int | None) -> list[str]:
    """
    *text* in lines of at most *columns* terminal columns, broken at spaces or between
    Chinese characters (a word longer than a line, such as a URL, stands whole on its own);
    with *columns* ``None``, one line.

    >>> wrap("Nvidia 将尝试推出 GPU 云服务。", 12)
    ['Nvidia 将尝', '试推出 GPU', '云服务。']
    >>> wrap("a  b\\n c", None)
    ['a b c']
    """
    if columns is None:
        return [" ".join(text.split())]
    lines: list[str] = []
    line, used = "", 0
    for token, space in _tokens(text):
        piece = f" {token}" if space and line else token
        size = width(piece)
        if line and used + size > columns:
            lines.append(line)
            line, used = token, width(token)
        else:
            line, used = line + piece, used + size
    return [*lines, line] if line or not lines else lines


# -- tables ------------------------------------------------------------------


def fit(text: str, columns: int) -> str:
    """*text* cut (with "…") or padded with spaces to exactly *columns* terminal columns."""
    text = " ".join(text.split())
    if width(text) > columns:
        kept, used = [], 0
        for char in text:
            size = width(char)
            if used + size > columns - 1:
                break
            kept.append(char)
            used += size
        text = "".join(kept) + "…"
    return text + " " * (columns - width(text))


def columns_for(out: TextIO) -> int | None:
    """The width output may take: ``$COLUMNS`` if set, the terminal's on a terminal, else
    none (piped output is never cut)."""
    configured = os.environ.get("COLUMNS", "")
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    isatty = getattr(out, "isatty", None)
    if isatty is not None and isatty():
        return shutil.get_terminal_size((120, 24)).columns
    return None


def _can_encode(out: TextIO, text: str) -> bool:
    encoding = getattr(out, "encoding", None)
    try:
        text.encode(encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def table(rows: Sequence[Sequence[str]], header: Sequence[str], out: TextIO) -> None:
    """
    Aligned columns, width-true for Chinese text.  The first column (the ids) is never cut;
    on a terminal of limited width the other columns give way, the last taking what is
    left; piped output is not cut at all.
    """
    total = columns_for(out)
    widths = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(header)]
    if total is not None:
        for i in range(1, len(widths) - 1):
            widths[i] = min(widths[i], 40)
        gaps = 2 * (len(widths) - 1)
        last = min(widths[-1], 20)
        # Narrow the widest middle column until the last one has room (down to 8 columns each).
        middle = range(1, len(widths) - 1)
        while sum(widths[:-1]) + gaps + last > total and any(widths[i] > 8 for i in middle):
            widest = max(middle, key=lambda i: widths[i])
            widths[widest] -= 1
        widths[-1] = max(1, min(widths[-1], total - sum(widths[:-1]) - gaps))
    line = "─" if _can_encode(out, "─") else "-"  # an ASCII-only terminal: hyphens
    rule = [line * w for w in widths]
    rule[-1] = line * min(widths[-1], max(width(header[-1]), 40))  # the last column runs on
    for row in [header, rule, *rows]:
        out.write("  ".join(fit(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip())
        out.write("\n")
