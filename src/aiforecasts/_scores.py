"""
Scoring forecasters: how the predictions of a source, person, organisation,
topic or hedge level turned out, with intervals, because the counts are small.

The methodology (docs/methodology.md) in short:

- a prediction counts once a resolution *settles* it (came true, partly, did
  not) and the deciding event had happened by the scoring date (*as_of*);
- the hit rate weighs "came true" as 1, "partly" as *partly* (0.5 by
  default) and "did not" as 0, over the settled predictions, with a 95 %
  Wilson score interval;
- the Brier score compares each settled prediction's hedge, read as a
  probability (`HEDGE_PROBABILITY`, overridable), with that outcome;
- the calibration table gives, per hedge level, the stated probability beside
  the observed hit rate and its interval.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Literal

import attrs

from aiforecasts._records import Prediction, Resolution
from aiforecasts._vocab import Hedge, Verdict

if TYPE_CHECKING:
    import pendulum

__all__ = [
    "HEDGE_PROBABILITY",
    "By",
    "CalibrationRow",
    "Columns",
    "Interval",
    "Scorecard",
    "score",
    "wilson",
]

By = Literal["source", "person", "company", "topic", "hedge"]
"""What scorecards group predictions by."""

HEDGE_PROBABILITY: Mapping[Hedge, float] = {
    Hedge.CERTAIN: 0.9,
    Hedge.LIKELY: 0.7,
    Hedge.POSSIBLE: 0.5,
    Hedge.CONDITIONAL: 0.5,
}
"""The probability each hedge stands for, for Brier scores and calibration: "will" (certain)
0.9, "expect" (likely) 0.7, "may" (possible) 0.5, and a conditional forecast 0.5 (its
condition's chance is unknown).  A convention, not a measurement: pass your own."""

_Z95 = 1.959963984540054


@attrs.frozen
class Interval:
    """
    A 95 % confidence interval on a rate, from *low* to *high* (0 to 1).

    .. versionadded:: 0.1.0
    """

    low: float
    high: float

    def __str__(self) -> str:
        return f"{self.low:.0%}–{self.high:.0%}"


def wilson(hits: float, n: int, z: float = _Z95) -> Interval | None:
    """
    The Wilson score interval for *hits* successes in *n* trials (``None``
    when *n* is 0); *hits* may be fractional ("partly" counts in part).

    >>> print(wilson(7, 10))
    40%–89%
    """
    if n <= 0:
        return None
    p = hits / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return Interval(max(0.0, centre - half), min(1.0, centre + half))


@attrs.frozen
class CalibrationRow:
    """
    One hedge level: the probability it stands for beside what came true.

    .. versionadded:: 0.1.0
    """

    hedge: Hedge
    probability: float
    """The probability the hedge is read as."""
    settled: int
    """How many predictions of this hedge were settled."""
    hit_rate: float | None
    """The observed (weighted) hit rate; ``None`` when none was settled."""
    interval: Interval | None


@attrs.frozen
class Scorecard:
    """
    How one group's predictions turned out (a source's, a person's, a
    topic's …), as of a date.

    .. versionadded:: 0.1.0
    """

    key: str
    """The group — a source, person or organisation id, a topic or a hedge."""
    counts: Mapping[Verdict, int]
    """Predictions per verdict as of the scoring date (every verdict listed); a verdict
    whose deciding event came later counts as not yet due."""
    settled: int
    """Predictions that came true, partly or did not."""
    hits: float
    """Came true counts 1, partly its weight, did not 0."""
    hit_rate: float | None
    """*hits* over *settled*; ``None`` when nothing was settled."""
    interval: Interval | None
    """The 95 % Wilson interval on the hit rate."""
    brier: float | None
    """Mean squared gap between each hedge's probability and the outcome (0 is perfect,
    0.25 is what always saying 50 % earns)."""
    calibration: tuple[CalibrationRow, ...]

    @property
    def predictions(self) -> int:
        """Every prediction in the group."""
        return sum(self.counts.values())

    def __str__(self) -> str:
        rate = "no settled predictions"
        if self.hit_rate is not None:
            rate = f"hit rate {self.hit_rate:.0%} ({self.interval}) of {self.settled} settled"
        brier = f", Brier {self.brier:.3f}" if self.brier is not None else ""
        noun = "prediction" if self.predictions == 1 else "predictions"
        return f"{self.key}: {self.predictions} {noun}, {rate}{brier}"


@attrs.frozen
class Columns:
    """
    The predictions and their verdicts side by side, worked out once per
    dataset: what every scoring reads (a private cache of `Dataset.scores`).
    """

    predictions: tuple[Prediction, ...]
    resolutions: tuple[Resolution | None, ...]
    verdicts: tuple[Verdict, ...]
    """The verdict of each prediction as judged (cannot tell where none judges it)."""
    sources: tuple[str, ...]
    hedges: tuple[Hedge, ...]

    @classmethod
    def of(cls, predictions: Iterable[Prediction], resolutions: Iterable[Resolution]) -> Columns:
        """The columns of *predictions*, judged by *resolutions*."""
        chosen = tuple(predictions)
        judged = {r.prediction: r for r in resolutions}
        found = tuple(judged.get(p.id) for p in chosen)
        return cls(
            chosen,
            found,
            tuple(Verdict.CANNOT_TELL if r is None else r.verdict for r in found),
            tuple(p.source for p in chosen),
            tuple(p.hedge for p in chosen),
        )


def score(  # noqa: PLR0913 - keyword-only options
    columns: Columns,
    *,
    by: By = "source",
    as_of: pendulum.Date | None = None,
    partly: float = 0.5,
    probabilities: Mapping[Hedge, float] | None = None,
    people: frozenset[str] = frozenset(),
) -> dict[str, Scorecard]:
    """
    A `Scorecard` per group of the predictions in *columns* (see the
    module's docstring); *people* tells which ids in ``made_by`` are people
    (the rest are organisations).  Groups come most settled first, then by key.

    Raises:
        ValueError: for an unknown *by*, a *partly* weight outside 0..1, or a
            probability outside 0..1.
    """
    if by not in ("source", "person", "company", "topic", "hedge"):
        msg = f"by must be one of source, person, company, topic, hedge; not {by!r}"
        raise ValueError(msg)
    if not 0 <= partly <= 1:
        msg = f"the weight of 'partly' must lie between 0 and 1, not {partly!r}"
        raise ValueError(msg)
    chances = dict(HEDGE_PROBABILITY if probabilities is None else probabilities)
    for hedge in Hedge:
        chance = chances.get(hedge)
        if chance is None or not 0 <= chance <= 1:
            msg = f"the probability of {hedge.value!r} must lie between 0 and 1, not {chance!r}"
            raise ValueError(msg)
    verdicts = columns.verdicts
    if as_of is not None:
        verdicts = tuple(
            _verdict(p, r, as_of)
            for p, r in zip(columns.predictions, columns.resolutions, strict=True)
        )
    # Every figure of a scorecard follows from how many predictions of each group have each
    # hedge and verdict: count those triples (in C), then work on the few cells.
    cells: Counter[tuple[str, Hedge, Verdict]]
    if by == "source":
        cells = Counter(zip(columns.sources, columns.hedges, verdicts, strict=True))
    elif by == "hedge":
        keys = tuple(hedge.value for hedge in columns.hedges)
        cells = Counter(zip(keys, columns.hedges, verdicts, strict=True))
    else:
        cells = Counter(
            (key, p.hedge, verdict)
            for p, verdict in zip(columns.predictions, verdicts, strict=True)
            for key in _keys(p, by, people)
        )
    grouped: dict[str, dict[tuple[Hedge, Verdict], int]] = {}
    for (key, hedge, verdict), n in cells.items():
        grouped.setdefault(key, {})[hedge, verdict] = n
    cards = {key: _card(key, counts, partly, chances) for key, counts in grouped.items()}
    return dict(sorted(cards.items(), key=lambda item: (-item[1].settled, item[0])))


def _verdict(
    prediction: Prediction, resolution: Resolution | None, as_of: pendulum.Date
) -> Verdict:
    """The verdict as it stood on *as_of* (the resolution's, if it was decided by then)."""
    if resolution is None:
        return Verdict.CANNOT_TELL
    verdict = resolution.verdict
    if as_of >= resolution.as_of:
        return verdict
    horizon = prediction.horizon
    if verdict.is_resolved:
        if resolution.decided is not None:
            decided = resolution.decided.end
        elif horizon is not None:
            decided = horizon.end
        else:
            decided = resolution.as_of
        if decided <= as_of:
            return verdict
    if horizon is not None and horizon.end > as_of:
        return Verdict.NOT_YET_DUE
    return Verdict.CANNOT_TELL  # its time had passed, but nothing settled it yet


def _keys(prediction: Prediction, by: By, people: frozenset[str]) -> Iterable[str]:
    if by == "topic":
        return sorted(topic.value for topic in prediction.topics)
    if by == "person":
        return [who for who in prediction.made_by if who in people]
    return [who for who in prediction.made_by if who not in people]


def _outcome(verdict: Verdict, partly: float) -> float:
    return 1.0 if verdict is Verdict.CAME_TRUE else partly if verdict is Verdict.PARTLY else 0.0


def _card(
    key: str,
    cells: Mapping[tuple[Hedge, Verdict], int],
    partly: float,
    chances: Mapping[Hedge, float],
) -> Scorecard:
    counts = dict.fromkeys(Verdict, 0)
    settled = hits = brier = 0.0
    levels = {hedge: [0, 0.0] for hedge in Hedge}  # settled, hits
    for (hedge, verdict), n in cells.items():
        counts[verdict] += n
        if verdict.is_resolved:
            outcome = _outcome(verdict, partly)
            settled += n
            hits += n * outcome
            brier += n * (chances[hedge] - outcome) ** 2
            levels[hedge][0] += n
            levels[hedge][1] += n * outcome
    n = int(settled)
    calibration = tuple(
        CalibrationRow(
            hedge,
            chances[hedge],
            int(level[0]),
            level[1] / level[0] if level[0] else None,
            wilson(level[1], int(level[0])),
        )
        for hedge, level in levels.items()
    )
    return Scorecard(
        key,
        counts,
        n,
        hits,
        hits / n if n else None,
        wilson(hits, n),
        brier / n if n else None,
        calibration,
    )
