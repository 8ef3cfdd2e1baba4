"""
The ``aiforecasts`` command: browse, search, export, validate and verify from the shell.

Every subcommand goes through `aiforecasts.load` and the typed records, as
any user of the library does; records are printed in the codec's one JSON
shape (``--json``) or by one renderer for people.
"""

from __future__ import annotations

import argparse
import codecs
import collections.abc
import contextlib
import os
import re
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import aiforecasts
from aiforecasts._cli.render import display_name, render, width
from aiforecasts._codec.json import dumps_readable, to_builtins
from aiforecasts._io.files import write_file
from aiforecasts._io.formats import INDENTED, NAMES
from aiforecasts._model.kinds import KIND_NAMED, KIND_OF, KINDS
from aiforecasts._model.limits import MAX_INDENT, MAX_QUERY
from aiforecasts._model.text import plural
from aiforecasts._model.values import quote
from aiforecasts._tools.curate import release_file

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from typing import TextIO

__all__ = ["main"]

USAGE_ERROR = 2
FAILURE = 1


# -- terminal text ----------------------------------------------------------

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


def print_problems(error: aiforecasts.DataError, out: TextIO) -> None:
    """Each problem of *error* on a line of its own — file, path, record id, what is
    wrong — then how many more there are, or that the reading stopped looking."""
    out.writelines(f"{one_line(str(problem))}\n" for problem in error.problems)
    if error.more:
        out.write(f"… and {error.more:,} more\n")
    if error.stopped:
        out.write(f"(stopped looking after the first {len(error.problems)})\n")


def dump_json(value: Any, out: TextIO) -> None:
    out.write(dumps_readable(value))


def close_matches(wanted: str, names: Sequence[str], limit: int = 5) -> list[str]:
    """The ids most like *wanted*; none for a text longer than a lookup compares
    approximately (comparing is quadratic in its length)."""
    import difflib  # noqa: PLC0415 - only for an unknown id

    if len(wanted) > MAX_QUERY:
        return []
    return difflib.get_close_matches(wanted, names, n=limit, cutoff=0.5)


# -- subcommands ------------------------------------------------------------


def _kind_of(record: Any) -> str:
    return KIND_OF[type(record)].name


def _when(record: Any) -> str:
    span_of = KIND_OF[type(record)].span
    span = span_of(record) if span_of is not None else None
    return span.label if span is not None else ""


def cmd_overview(_args: argparse.Namespace, out: TextIO) -> int:
    """Versions, counts per kind and one record of each kind."""
    dataset = aiforecasts.load()
    out.write(
        f"aiforecasts dataset {dataset.dataset_version} (schema {dataset.schema_version})\n\n"
    )
    counts = dataset.counts()
    size = max(map(len, counts))
    out.writelines(f"  {name:<{size}}  {count:>5}\n" for name, count in counts.items())
    out.write(f"  {'total':<{size}}  {sum(counts.values()):>5}\n")
    for name, collection in dataset.collections().items():
        if collection:
            out.write(f"\n--- {name}[0] ---\n")
            render(collection[0], dataset, out, columns_for(out))
    return 0


def cmd_stats(args: argparse.Namespace, out: TextIO) -> int:
    dataset = aiforecasts.load()
    counts = dataset.counts()
    if args.json:
        dump_json(
            {
                "counts": counts,
                "dataset_version": dataset.dataset_version,
                "package_version": aiforecasts.__version__,
                "schema_version": dataset.schema_version,
            },
            out,
        )
        return 0
    out.write(
        f"dataset version {dataset.dataset_version}, schema version "
        f"{dataset.schema_version}, package {aiforecasts.__version__}\n\n"
    )
    table([[name, str(count)] for name, count in counts.items()], ["kind", "records"], out)
    out.write(f"\n{plural(sum(counts.values()), 'record')} in all\n")
    return 0


# Each filter of `list`: the option, the kinds' facet it needs, the collection's method.
_FILTERS = (
    ("company", "companies", "mentioning"),
    ("person", "people", "by"),
    ("source", None, "citing"),
    ("topic", "topics", "about"),
    ("year", "span", "in_year"),
    ("ended_before", "span", "ended_before"),
)


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    dataset = aiforecasts.load()
    kind = KIND_NAMED[args.kind]
    collection: aiforecasts.Collection[Any] = dataset.collections()[args.kind]
    for option, facet, method in _FILTERS:
        wanted = getattr(args, option)
        if wanted is None:
            continue
        if facet is not None and not kind.has(facet):
            having = ", ".join(k.name for k in KINDS if k.has(facet))
            flag = option.replace("_", "-")
            complain("list", f"--{flag} applies to {having}, not {kind.name}")
            return USAGE_ERROR
        try:
            collection = getattr(collection, method)(wanted)
        except (LookupError, TypeError, ValueError) as error:
            complain("list", str(error))
            return USAGE_ERROR
    records = list(collection)[: args.limit] if args.limit else list(collection)
    if args.json:
        dump_json([to_builtins(record) for record in records], out)
        return 0
    if kind.name == "funding_rounds":
        rows = [
            [
                r.id,
                _when(r),
                "undisclosed" if r.amount is None else str(r.amount),
                ", ".join(i.investor for i in r.investors),
                r.statement,
            ]
            for r in records
        ]
        table(rows, ["id", "when", "amount", "investors", "English"], out)
    else:
        rows = [[r.id, _when(r), getattr(r, kind.english)] for r in records]
        table(rows, ["id", "when", "English"], out)
    out.write(f"\n{len(records)} of {collection.count()} {args.kind}\n")
    return 0


def _named(dataset: aiforecasts.Dataset, name: str) -> list[Any]:
    """The records of any kind *name* names (an id, a name or alias in any script), or a
    retired id's tombstone."""
    record: Any = dataset.get(name) or dataset.tombstones.get(name)
    if record is not None:
        return [record]
    found = []
    for collection in dataset.collections().values():
        try:
            found.append(collection.lookup(name))
        except LookupError:
            continue
    return found


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    dataset = aiforecasts.load()
    found = _named(dataset, args.id)
    if len(found) > 1:
        ids = ", ".join(f"{r.id} ({_kind_of(r)})" for r in found)
        complain("show", f"{quote(args.id, 80)} names more than one record: {ids}")
        return USAGE_ERROR
    record = found[0] if found else None
    if record is None:
        complain("show", f"no record with id or name {quote(args.id, 80)}")
        matches = close_matches(args.id, [r.id for r in dataset.records()])
        if matches:
            sys.stderr.write("close matches: " + ", ".join(matches) + "\n")
        return USAGE_ERROR
    if args.json:
        dump_json({"kind": _kind_of(record), "record": to_builtins(record)}, out)
    else:
        render(record, dataset, out, columns_for(out))
    return 0


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    hits = aiforecasts.load().search(" ".join(args.text), limit=args.limit)
    if args.json:
        dump_json(
            [
                {
                    "id": h.record.id,
                    "kind": _kind_of(h.record),
                    "score": h.score,
                    "snippet": h.snippet,
                    "text": h.text,
                }
                for h in hits
            ],
            out,
        )
        return 0
    rows = [[h.record.id, _kind_of(h.record), h.snippet] for h in hits]
    table(rows, ["id", "kind", "where it matched"], out)
    out.write(f"\n{plural(len(hits), 'record')}\n")
    return 0 if hits else FAILURE


def cmd_topics(args: argparse.Namespace, out: TextIO) -> int:
    dataset = aiforecasts.load()
    kinds = [kind.name for kind in KINDS if kind.topics is not None]
    counts = {name: dataset.counts_by_topic(name) for name in kinds}
    if args.json:
        dump_json(
            {t.value: {name: counts[name].get(t, 0) for name in kinds} for t in aiforecasts.Topic},
            out,
        )
        return 0
    rows = [
        [topic.value, *(str(counts[name].get(topic, 0)) for name in kinds)]
        for topic in aiforecasts.Topic
    ]
    table(rows, ["topic", *kinds], out)
    out.write(f"\n{len(rows)} topics; filter with: aiforecasts list KIND --topic TOPIC\n")
    return 0


def cmd_funding(args: argparse.Namespace, out: TextIO) -> int:
    """Money raised per company, or put in per investor: largest disclosed first."""
    dataset = aiforecasts.load()
    totals = dataset.funding_totals(by=args.by, currency=args.currency)
    names = {key: display_name(dataset, key) or key for key in totals}
    if args.json:
        dump_json(
            [
                {"name": names[key], "text": str(total), **to_builtins(total)}
                for key, total in totals.items()
            ],
            out,
        )
        return 0
    rows = [
        [key, names[key], plural(len(t.excluded), "round") if t.excluded else "", str(t)]
        for key, t in totals.items()
    ]
    table(rows, [args.by, "name", "not summed", "total"], out)
    noun = plural(len(rows), args.by, "companies" if args.by == "company" else None)
    out.write(
        f"\n{noun}; amounts in {args.currency}, qualifiers respected "
        "(an 'up to' amount raises only the upper bound)\n"
        "not summed: rounds in other currencies, failed or attempted raises, cumulative totals\n"
    )
    return 0


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    if args.indent is not None and args.format not in INDENTED:
        complain("export", f"--indent applies to --format {' or '.join(INDENTED)}")
        return USAGE_ERROR
    dataset = aiforecasts.load()  # a damaged copy is no failure to write: main reports it
    try:
        written = aiforecasts.write(
            dataset,
            args.output,
            format=args.format,
            overwrite=args.force,
            indent=args.indent,
        )
    except FileExistsError as error:
        hint = "" if args.force else " (use --force)"
        complain("export", f"{error}{hint}")
        return FAILURE
    except OSError as error:
        complain("export", f"cannot write {args.output}: {error.strerror}")
        return USAGE_ERROR
    except ImportError as error:  # parquet without the arrow extra
        complain("export", str(error))
        return FAILURE
    except ValueError as error:  # records the current layout cannot hold
        complain("export", str(error))
        return USAGE_ERROR
    out.write(f"wrote {one_line(str(written))}\n")
    return 0


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    try:
        dataset = aiforecasts.load_path(args.file, check_references=not args.partial)
    except OSError as error:
        complain("validate", _os_error(error, args.file))
        return USAGE_ERROR
    except aiforecasts.DataError as error:
        if args.json:
            dump_json(
                [
                    {"file": p.file, "message": p.message, "path": p.path, "record": p.record}
                    for p in error.problems
                ],
                out,
            )
        else:
            print_problems(error, out)
            count = plural(len(error.problems) + error.more, "problem")
            out.write(f"\n{count} in {one_line(args.file)}\n")
        return FAILURE
    total = sum(dataset.counts().values())
    if args.json:
        dump_json([], out)
    else:
        records = plural(total, "record")
        version = dataset.dataset_version
        out.write(f"{one_line(args.file)}: valid, {records}, dataset version {version}\n")
    return 0


def cmd_verify(args: argparse.Namespace, out: TextIO) -> int:
    if not Path(args.directory).is_dir():
        complain("verify-sources", f"{args.directory} is not a folder")
        return USAGE_ERROR
    report = aiforecasts.verify_sources(args.directory)
    if args.json:
        dump_json(
            [
                {"source": m.source, "problem": m.problem, "path": m.path, "message": m.message}
                for m in report.mismatches
            ],
            out,
        )
    else:
        out.write(f"{report}\n")
    return 0 if report.ok else FAILURE


def _data_release(args: argparse.Namespace, out: TextIO) -> int:
    if args.output is None:
        complain("data release", "--output is required")
        return USAGE_ERROR
    target = Path(args.output)
    try:
        dataset = aiforecasts.load_path(args.folder)
        text = dumps_readable(release_file(dataset))
        write_file(target, text.encode("utf-8"), overwrite=args.force)
    except FileExistsError:
        complain("data release", f"{target} exists (use --force)")
        return FAILURE
    except aiforecasts.DataError as error:
        print_problems(error, out)
        out.write(f"\n{plural(len(error.problems) + error.more, 'problem')}; nothing written\n")
        return FAILURE
    except OSError as error:
        complain("data release", _os_error(error, target))
        return FAILURE
    records = plural(sum(dataset.counts().values()), "record")
    out.write(f"wrote {one_line(str(target))}: {records} of dataset {dataset.dataset_version}\n")
    return 0


def cmd_data(args: argparse.Namespace, out: TextIO) -> int:
    """check and fix: curate a dataset folder; release: write its release file."""
    if args.action == "release":
        return _data_release(args, out)
    try:
        report = aiforecasts.curate(
            args.folder, args.documents, previous=args.previous, write=args.action == "fix"
        )
    except aiforecasts.DataError as error:
        print_problems(error, out)
        count = len(error.problems) + error.more
        out.write(f"\n{plural(count, 'problem')}; nothing written\n")
        return FAILURE
    except OSError as error:
        complain(f"data {args.action}", _os_error(error, args.folder))
        return FAILURE
    out.write(f"{report}\n")
    return 0 if report or args.action == "fix" else FAILURE


def cmd_outcomes(args: argparse.Namespace, out: TextIO) -> int:
    dataset = aiforecasts.load()
    predictions = dataset.predictions
    try:
        if args.verdict is not None:
            predictions = predictions.resolved(args.verdict)
        if args.source is not None:
            predictions = predictions.citing(args.source)
        if args.person is not None:
            predictions = predictions.by(args.person)
        if args.company is not None:
            predictions = predictions.mentioning(args.company)
    except (LookupError, ValueError) as error:
        complain("outcomes", str(error))
        return USAGE_ERROR
    pairs = [(p, dataset.resolution_of(p)) for p in predictions]
    if args.json:
        dump_json(
            [
                {"prediction": p.id, "resolution": None if r is None else to_builtins(r)}
                for p, r in pairs
            ],
            out,
        )
        return 0
    rows = [
        [
            p.id,
            p.horizon.label if p.horizon is not None else "",
            r.verdict.value.replace("_", " ") if r is not None else "not judged",
            r.decided.label if r is not None and r.decided is not None else "",
        ]
        for p, r in pairs
    ]
    table(rows, ["prediction", "horizon", "verdict", "decided"], out)
    judged = sum(r is not None for _p, r in pairs)
    as_of = max((r.as_of for _p, r in pairs if r is not None), default=None)
    when = f", judged as of {as_of}" if as_of is not None else ""
    noun = "prediction" if len(pairs) == 1 else "predictions"
    out.write(f"\n{len(pairs)} {noun}, {judged} with a verdict{when}\n")
    return 0


def cmd_scores(args: argparse.Namespace, out: TextIO) -> int:
    from aiforecasts._query.scores import voices_for  # noqa: PLC0415 - scoring on first use

    dataset = aiforecasts.load()
    try:
        cards = dataset.scores(
            by=args.by,
            as_of=args.as_of,
            partly=args.partly,
            voices=args.voice or None,
            framed=not args.own_horizons,
        )
    except (TypeError, ValueError) as error:
        complain("scores", str(error))
        return USAGE_ERROR
    if args.json:
        dump_json({key: card.row() for key, card in cards.items()}, out)
        return 0
    rows = [
        [
            key,
            str(card.predictions),
            str(card.settled),
            "" if card.hit_rate is None else f"{card.hit_rate:.0%}",
            "" if card.interval is None else str(card.interval),
            "" if card.brier is None else f"{card.brier:.3f}",
            "" if card.skill_vs_half is None else f"{card.skill_vs_half:+.2f}",
        ]
        for key, card in cards.items()
    ]
    headers = [args.by, "predictions", "settled", "hit rate", "95% interval", "Brier", "skill"]
    table(rows, headers, out)
    voices = voices_for(args.by, args.voice or None)
    counted = ", ".join(v.value for v in aiforecasts.Voice if v in voices)
    out.write(
        f"\ncounts {counted} forecasts (--voice for others); hit rate: came true 1, "
        f"partly {args.partly:g}, did not 0; Brier from the hedges read as probabilities; "
        "skill against always saying 50% (see the methodology)\n"
    )
    return 0


# -- the parser -------------------------------------------------------------


def _sub(
    commands: Any, name: str, summary: str, examples: str, run: Callable[..., int]
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary.replace("%", "%%"),  # argparse formats help (not descriptions) with %
        description=summary,
        epilog="examples:\n" + examples,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(run=run, command=name)
    return parser


def _whole(text: str) -> int:
    """*text* as a whole number; an argparse error for anything else (a number of more
    digits than a count needs included: Python refuses to read one of 4,300)."""
    digits = text.strip().removeprefix("-").removeprefix("+")
    if not digits.isdecimal() or len(digits) > 100:  # far past any count
        msg = f"not a whole number: {text[:40]!r}{'…' if len(text) > 40 else ''}"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def _count(text: str) -> int:
    value = _whole(text)
    if value < 0:
        msg = f"must not be negative: {text}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _indent(text: str) -> int:
    """An ``--indent``: from 0 to `MAX_INDENT` spaces (a wider one only multiplies the
    size of the export: a million spaces once filled 22 GB of memory)."""
    value = _whole(text)
    if not 0 <= value <= MAX_INDENT:
        msg = f"must be from 0 to {MAX_INDENT} spaces, not {text}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _outcome_parsers(commands: Any) -> None:
    """The subcommands on how the predictions turned out."""
    outcomes = _sub(
        commands,
        "outcomes",
        "How the predictions turned out: verdict and deciding date of each.",
        "  aiforecasts outcomes\n  aiforecasts outcomes --verdict did_not\n"
        "  aiforecasts outcomes --company 英偉達 --json",
        cmd_outcomes,
    )
    outcomes.add_argument(
        "--verdict",
        choices=[verdict.value for verdict in aiforecasts.Verdict],
        help="only predictions with this verdict",
    )
    outcomes.add_argument("--source", help="made in this source (id, title or file name)")
    outcomes.add_argument("--person", help="made by this person")
    outcomes.add_argument("--company", help="about or by this organisation")
    outcomes.add_argument("--json", action="store_true", help="print JSON for machines")

    scores = _sub(
        commands,
        "scores",
        "Scorecards: hit rate with a 95% interval, Brier and skill scores per group. "
        "A forecast counts for whoever made it: by source, each document's own; by "
        "forecaster, own and quoted ones under their maker.",
        "  aiforecasts scores --by source\n  aiforecasts scores --by forecaster\n"
        "  aiforecasts scores --by about --as-of 2025-01-01\n"
        "  aiforecasts scores --by source --voice own --voice quoted",
        cmd_scores,
    )
    scores.add_argument(
        "--by",
        choices=("source", "forecaster", "about", "topic", "hedge"),
        default="source",
        help="group by the document, who made it, the company it is about, topic or hedge",
    )
    scores.add_argument(
        "--voice",
        action="append",
        choices=[voice.value for voice in aiforecasts.Voice],
        help="count forecasts of this voice (repeatable; default: own for --by source, "
        "own and quoted otherwise)",
    )
    scores.add_argument(
        "--own-horizons",
        action="store_true",
        help="leave out forecasts whose horizon comes from the document's framing",
    )
    scores.add_argument("--as-of", help="score with what was settled by this date (YYYY-MM-DD)")
    scores.add_argument(
        "--partly", type=float, default=0.5, help="the weight of a 'partly' verdict (0 to 1)"
    )
    scores.add_argument("--json", action="store_true", help="print JSON for machines")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aiforecasts",
        description="Browse, search, export and check the aiforecasts dataset. "
        "Without a subcommand: the versions, counts and one record of each kind.",
        epilog="examples:\n  aiforecasts stats\n  aiforecasts show nvidia\n"
        "  aiforecasts list predictions --company 英偉達 --year 2024\n"
        "  aiforecasts search 开源\n\nexit status: 0 ok, 1 a problem found, 2 usage error",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(run=cmd_overview)
    commands = parser.add_subparsers(title="subcommands", metavar="SUBCOMMAND")

    stats = _sub(
        commands,
        "stats",
        "Counts per kind and the versions.",
        "  aiforecasts stats\n  aiforecasts stats --json",
        cmd_stats,
    )
    stats.add_argument("--json", action="store_true", help="print JSON for machines")

    listing = _sub(
        commands,
        "list",
        "List the records of one kind, filtered.",
        "  aiforecasts list companies\n"
        "  aiforecasts list predictions --company 英偉達 --year 2024\n"
        "  aiforecasts list debates --person 'Robin Li' --json",
        cmd_list,
    )
    listing.add_argument("kind", choices=list(KIND_NAMED), help="the kind of record")
    listing.add_argument("--company", help="about or by this organisation (any name or script)")
    listing.add_argument("--person", help="made, claimed or argued by this person")
    listing.add_argument("--year", type=_whole, help="whose time overlaps this calendar year")
    listing.add_argument("--source", help="quoting this source (id, title or file name)")
    listing.add_argument(
        "--topic", help="with this topic (e.g. open_source, chips; see: aiforecasts topics)"
    )
    listing.add_argument(
        "--ended-before",
        metavar="DATE",
        help="whose time ended before this date (YYYY[-MM[-DD]]): horizons past by then",
    )
    listing.add_argument("--limit", type=_count, default=0, help="show at most this many")
    listing.add_argument("--json", action="store_true", help="print JSON for machines")

    show = _sub(
        commands,
        "show",
        "One record in full, with its excerpts and sources.",
        "  aiforecasts show nvidia\n  aiforecasts show 英偉達\n"
        "  aiforecasts show stability-ai-collapse-2024 --json",
        cmd_show,
    )
    show.add_argument("id", help="the record's id, or a name or alias in any script")
    show.add_argument("--json", action="store_true", help="print JSON for machines")

    search = _sub(
        commands,
        "search",
        "Full-text search in English and Chinese, any script.",
        "  aiforecasts search 智商税\n  aiforecasts search 輝達 晶片\n"
        "  aiforecasts search 'open source' --limit 5",
        cmd_search,
    )
    search.add_argument(
        "text", nargs="+", help="words and names that must all match (quoting is optional)"
    )
    search.add_argument("--limit", type=_count, default=20, help="show at most this many")
    search.add_argument("--json", action="store_true", help="print JSON for machines")

    export = _sub(
        commands,
        "export",
        "Export the dataset; never overwrites without --force.",
        "  aiforecasts export --format json --output aiforecasts.json\n"
        "  aiforecasts export --format datapackage --output package/\n"
        "  aiforecasts export --format parquet --output parquet/",
        cmd_export,
    )
    export.add_argument("--format", required=True, choices=NAMES)
    export.add_argument("--output", required=True, help="a file (json, jsonl) or a folder")
    export.add_argument("--force", action="store_true", help="overwrite what is there")
    export.add_argument(
        "--indent",
        type=_indent,
        help=f"json: indent by this many spaces (0 to {MAX_INDENT}), for people to read",
    )

    topics = _sub(
        commands,
        "topics",
        "The topics, with how many records of each kind carry each.",
        "  aiforecasts topics\n  aiforecasts topics --json",
        cmd_topics,
    )
    topics.add_argument("--json", action="store_true", help="print JSON for machines")

    funding = _sub(
        commands,
        "funding",
        "Money raised per company, or put in per investor: largest disclosed first.",
        "  aiforecasts funding --by company\n  aiforecasts funding --by investor --json\n"
        "  aiforecasts funding --by company --currency CNY",
        cmd_funding,
    )
    funding.add_argument(
        "--by",
        choices=("company", "investor"),
        default="company",
        help="totals per company raising, or per investor putting money in",
    )
    funding.add_argument(
        "--currency",
        choices=[currency.value for currency in aiforecasts.Currency],
        default="USD",
        help="sum amounts in this currency (others are not converted, and not summed)",
    )
    funding.add_argument("--json", action="store_true", help="print JSON for machines")

    validate = _sub(
        commands,
        "validate",
        "Check an export: every problem with its path.",
        "  aiforecasts validate aiforecasts.json\n"
        "  aiforecasts validate predictions.jsonl --partial",
        cmd_validate,
    )
    validate.add_argument("file", help="a .json or .jsonl export")
    validate.add_argument(
        "--partial", action="store_true", help="part of the dataset: do not check references"
    )
    validate.add_argument("--json", action="store_true", help="print JSON for machines")

    verify = _sub(
        commands,
        "verify-sources",
        "Check a folder of the source documents.",
        "  aiforecasts verify-sources ../shared/seeds",
        cmd_verify,
    )
    verify.add_argument("directory", help="a folder holding the source documents")
    verify.add_argument("--json", action="store_true", help="print JSON for machines")

    _outcome_parsers(commands)

    data = _sub(
        commands,
        "data",
        "Keep a dataset folder right: locate excerpts, date records, write canonically.",
        "  aiforecasts data check src/aiforecasts/data --previous releases/2026.1.json\n"
        "  aiforecasts data fix my-dataset --documents my-documents\n"
        "  aiforecasts data release src/aiforecasts/data --output releases/2026.2.json\n\n"
        "check exits 1 when the folder is not as fix would write it;\n"
        "the documents are found in $AIFORECASTS_SEEDS, else ../shared/seeds.",
        cmd_data,
    )
    data.add_argument(
        "action",
        choices=("check", "fix", "release"),
        help="check (change nothing), fix (rewrite the files), release (write a release file)",
    )
    data.add_argument("folder", help="a dataset folder: manifest.json and a file per kind")
    data.add_argument("--documents", help="the folder of the source documents")
    data.add_argument("--previous", help="the release file of the last released version")
    data.add_argument("--output", help="release: the release file to write")
    data.add_argument("--force", action="store_true", help="release: overwrite --output")
    return parser


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
        complain(command, _os_error(error))
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


def _os_error(error: OSError, path: object = None) -> str:
    """*error* as ``path: what went wrong``, without the ``[Errno 2]``; *path* where the
    error names none."""
    what = error.strerror or str(error)
    path = error.filename if error.filename is not None else path
    return f"{path}: {what}" if path is not None else what


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
