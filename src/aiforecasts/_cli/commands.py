"""
The subcommands of ``aiforecasts``: one function each (``cmd_list``, ``cmd_show`` …), taking
the parsed arguments and the stream to write to, and returning the exit status.

Every subcommand goes through `aiforecasts.load` and the typed records, as any user of the
library does; records are printed in the codec's one JSON shape (``--json``) or, for people,
as tables (`_cli.terminal.table`) and pages (`_cli.render`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import aiforecasts
from aiforecasts._cli.render import display_name, render
from aiforecasts._cli.terminal import columns_for, complain, one_line, os_error, table
from aiforecasts._codec.json import dumps_readable, to_builtins
from aiforecasts._io.files import write_file
from aiforecasts._io.formats import INDENTED
from aiforecasts._model.checks import quote
from aiforecasts._model.kinds import KIND_NAMED, KIND_OF, KINDS
from aiforecasts._model.limits import MAX_QUERY
from aiforecasts._model.text import plural
from aiforecasts._tools.curate import release_file

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from typing import TextIO

__all__ = [
    "FAILURE",
    "USAGE_ERROR",
    "close_matches",
    "cmd_data",
    "cmd_export",
    "cmd_funding",
    "cmd_list",
    "cmd_outcomes",
    "cmd_overview",
    "cmd_scores",
    "cmd_search",
    "cmd_show",
    "cmd_stats",
    "cmd_topics",
    "cmd_validate",
    "cmd_verify",
    "dump_json",
    "print_problems",
]

USAGE_ERROR = 2
FAILURE = 1


# -- what commands print --------------------------------------------------


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
        complain("validate", os_error(error, args.file))
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
        complain("data release", os_error(error, target))
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
        complain(f"data {args.action}", os_error(error, args.folder))
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
