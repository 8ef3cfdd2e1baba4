"""
The parser of ``aiforecasts``' arguments: `build_parser`, one subparser per subcommand with
its summary, examples and options, each set to run its function of `_cli.commands`; and the
option types that refuse what no count or indent can be.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

import aiforecasts
from aiforecasts._cli.commands import (
    cmd_data,
    cmd_export,
    cmd_funding,
    cmd_list,
    cmd_outcomes,
    cmd_overview,
    cmd_scores,
    cmd_search,
    cmd_show,
    cmd_stats,
    cmd_topics,
    cmd_validate,
    cmd_verify,
)
from aiforecasts._io.formats import NAMES
from aiforecasts._model.kinds import KIND_NAMED
from aiforecasts._model.limits import MAX_INDENT

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["build_parser"]


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
