"""
Scoring forecasters: how the predictions of a source, forecaster, company,
topic or hedge level turned out, with intervals, because the counts are small.

The methodology (docs/methodology.md) in short:

- a forecast is credited to whoever made it (`Prediction.voice`): scoring by
  source counts the document's own forecasts, by forecaster its own and the
  quoted ones, each under the person or organisation who made it; *voices*
  asks for others;
- a prediction counts once a resolution *settles* it (came true, partly, did
  not) and that was knowable by the scoring date (*as_of*); annulled and too
  vague forecasts are scored nowhere;
- the hit rate weighs "came true" as 1, "partly" as *partly* (0.5 by
  default) and "did not" as 0, over the settled predictions, with a 95 %
  Wilson score interval;
- the Brier score compares each settled prediction's hedge, read as a
  probability (`HEDGE_PROBABILITY`, overridable), with that outcome; two
  skill scores set it against the forecaster who always says 50 % and the one
  who always says the base rate; the log score rewards the same
  probabilities logarithmically;
- the calibration table gives, per hedge level, the stated probability beside
  the observed hit rate and its interval.

Every figure follows from how many predictions of each group have each
hedge, voice and verdict (and, as of a date, each timeline): those counts are
taken once per dataset and grouping, and each call works on the few distinct
cells.
"""

from __future__ import annotations

import math
import typing
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

import attrs

from aiforecasts._model.vocab import Hedge, Verdict, Voice
from aiforecasts._query.tallies import ONCE

if TYPE_CHECKING:
    import datetime

    from aiforecasts._query.tallies import Columns

__all__ = [
    "BY",
    "HEDGE_PROBABILITY",
    "SCORECARD_COLUMNS",
    "By",
    "CalibrationRow",
    "Interval",
    "Scorecard",
    "Scores",
    "score",
    "scorecard_rows",
    "wilson",
]

By = Literal["source", "forecaster", "about", "topic", "hedge"]
"""What scorecards group predictions by: the source document, the forecaster (the person or
organisation who made it, or the document's author), the companies it is about, its topics,
or its hedge."""

BY: tuple[By, ...] = typing.get_args(By)

_DEFAULT_VOICES: Mapping[str, frozenset[Voice]] = {
    "source": frozenset({Voice.OWN}),
    "forecaster": frozenset({Voice.OWN, Voice.QUOTED}),
}
_MADE = frozenset({Voice.OWN, Voice.QUOTED})
_RETIRED = {
    "company": "by='forecaster' (who made it) or by='about' (what it is about)",
    "person": "by='forecaster'",
}

_PROBABILITY: Mapping[Hedge, float] = {
    Hedge.CERTAIN: 0.9,
    Hedge.LIKELY: 0.7,
    Hedge.POSSIBLE: 0.5,
    Hedge.CONDITIONAL: 0.5,
}
# The scores read the private table, never the public name: rebinding
# ``aiforecasts.HEDGE_PROBABILITY`` cannot change them either.
HEDGE_PROBABILITY: Mapping[Hedge, float] = MappingProxyType(dict(_PROBABILITY))
"""The probability each hedge stands for, for Brier scores and calibration: "will" (certain)
0.9, "expect" (likely) 0.7, "may" (possible) 0.5, and a conditional forecast 0.5 (its
condition's chance is unknown).  A convention, not a measurement: pass your own (a copy,
``dict(HEDGE_PROBABILITY)``, changed where you wish); the mapping itself is read-only, so no
code can change everyone's scores.  The calibration table of the bundled data tests it (see
the methodology)."""

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
    How one group's predictions turned out (a source's, a forecaster's, a
    topic's …), as of a date, counting the *voices* it says.

    `row` gives it as one flat row of a table (`aiforecasts.to_dataframe`
    and `aiforecasts.to_arrow` take scorecards too).

    .. versionadded:: 0.1.0
    """

    key: str
    """The group — a source, person or organisation id, a topic or a hedge."""
    counts: Mapping[Verdict, int]
    """Predictions per verdict as of the scoring date (every verdict listed); a verdict that
    was not yet knowable then counts as not yet due or cannot tell."""
    settled: int
    """Predictions that came true, partly or did not."""
    hits: float
    """Came true counts 1, partly its weight, did not 0."""
    hit_rate: float | None
    """*hits* over *settled*; ``None`` when nothing was settled."""
    interval: Interval | None
    """The 95 % Wilson interval on the hit rate."""
    brier: float | None
    """Mean squared gap between each hedge's probability and the outcome (0 is perfect)."""
    calibration: tuple[CalibrationRow, ...]
    voices: frozenset[Voice] = frozenset(Voice)
    """Whose forecasts it counts (`Prediction.voice`)."""
    skill_vs_half: float | None = None
    """Brier skill against the forecaster who always says 50 %, ``1 - brier / reference``
    (above 0 is better than it, 1 is perfect); ``None`` when that reference scores 0 (every
    outcome "partly")."""
    skill_vs_base_rate: float | None = None
    """Brier skill against the forecaster who always says the base rate (the hit rate of all
    the predictions scored in the same call); ``None`` when that reference scores 0."""
    base_rate: float | None = None
    """The base rate that reference says."""
    log_score: float | None = None
    """Mean log-likelihood of the outcomes under the hedges' probabilities (natural log; 0 is
    perfect, always saying 50 % earns about -0.693; minus infinity where a probability of 0 or
    1 met the opposite outcome)."""

    @property
    def predictions(self) -> int:
        """Every prediction in the group."""
        return sum(self.counts.values())

    def row(self) -> dict[str, Any]:
        """
        The scorecard as one flat row: key, counts per verdict, the rates,
        interval bounds and scores, and the voices counted (comma-separated).
        Calibration is a table of its own (`calibration_rows`).

        >>> import aiforecasts
        >>> card = aiforecasts.load().scores()["zhigu-2023-review-2024-outlook"]
        >>> row = card.row()
        >>> row["key"], row["voices"], row["settled"] == card.settled
        ('zhigu-2023-review-2024-outlook', 'own', True)
        """
        interval = self.interval
        return {
            "key": self.key,
            "predictions": self.predictions,
            **{verdict.value: n for verdict, n in self.counts.items()},
            "settled": self.settled,
            "hits": self.hits,
            "hit_rate": self.hit_rate,
            "interval_low": None if interval is None else interval.low,
            "interval_high": None if interval is None else interval.high,
            "brier": self.brier,
            "skill_vs_half": self.skill_vs_half,
            "skill_vs_base_rate": self.skill_vs_base_rate,
            "base_rate": self.base_rate,
            "log_score": self.log_score,
            "voices": ",".join(v.value for v in Voice if v in self.voices),
        }

    def calibration_rows(self) -> list[dict[str, Any]]:
        """The calibration table as flat rows (key, hedge, probability, settled, hit rate,
        interval bounds)."""
        return [
            {
                "key": self.key,
                "hedge": row.hedge.value,
                "probability": row.probability,
                "settled": row.settled,
                "hit_rate": row.hit_rate,
                "interval_low": None if row.interval is None else row.interval.low,
                "interval_high": None if row.interval is None else row.interval.high,
            }
            for row in self.calibration
        ]

    def __str__(self) -> str:
        rate = "no settled predictions"
        if self.hit_rate is not None:
            rate = f"hit rate {self.hit_rate:.0%} ({self.interval}) of {self.settled} settled"
        brier = f", Brier {self.brier:.3f}" if self.brier is not None else ""
        noun = "prediction" if self.predictions == 1 else "predictions"
        return f"{self.key}: {self.predictions} {noun}, {rate}{brier}"


Scores = Scorecard | Mapping[str, Scorecard] | Sequence[Scorecard]
"""Scorecards as `Dataset.scores` gives them (key → scorecard), a list of them, or one."""


def scorecard_rows(obj: object) -> list[dict[str, Any]] | None:
    """
    *obj* — a `Scorecard`, a mapping of keys to scorecards (what
    `Dataset.scores` returns) or a list or tuple of them — as table rows
    (`Scorecard.row`); ``None`` when *obj* holds something else.
    """
    if isinstance(obj, Scorecard):
        return [obj.row()]
    if isinstance(obj, Mapping):
        cards = list(obj.values())
        if not cards:
            return []  # scores of nothing (say, as of a date before any forecast)
    elif isinstance(obj, (list, tuple)):
        cards = list(obj)
    else:
        return None
    if not cards or not all(isinstance(card, Scorecard) for card in cards):
        return None
    return [card.row() for card in cards]


SCORECARD_COLUMNS: tuple[tuple[str, Literal["text", "integer", "number"]], ...] = (
    ("key", "text"),
    ("predictions", "integer"),
    *((verdict.value, "integer") for verdict in Verdict),
    ("settled", "integer"),
    ("hits", "number"),
    ("hit_rate", "number"),
    ("interval_low", "number"),
    ("interval_high", "number"),
    ("brier", "number"),
    ("skill_vs_half", "number"),
    ("skill_vs_base_rate", "number"),
    ("base_rate", "number"),
    ("log_score", "number"),
    ("voices", "text"),
)
"""The columns of `Scorecard.row`, in order, with their kinds: what a table of scorecards holds,
even an empty one."""


def _then(  # noqa: PLR0913, PLR0917 - one timeline
    verdict: Verdict,
    judged: datetime.date | None,
    decided: datetime.date | None,
    end: datetime.date | None,
    made: datetime.date,
    day: datetime.date,
) -> Verdict | None:
    """
    The verdict as it stood on *day*: the verdict given on *judged*, known
    since the deciding event (*decided*) or else since the horizon's *end*;
    ``None`` when the forecast was not yet made (on *made*).
    """
    if made > day:
        return None
    if verdict is Verdict.TOO_VAGUE or (judged is not None and day >= judged):
        return verdict
    known = decided or end or judged
    if verdict.needs_evidence and known is not None and known <= day:
        return verdict
    if end is not None and end > day:
        return Verdict.NOT_YET_DUE
    return Verdict.CANNOT_TELL  # its time had passed, but nothing settled it yet


# -- scoring ---------------------------------------------------------------------


def voices_for(by: str, voices: Iterable[Voice | str] | None) -> frozenset[Voice]:
    """The voices a scoring *by* counts: *voices*, or its default (the document's own by
    source; own and quoted otherwise)."""
    if voices is None:
        return _DEFAULT_VOICES.get(by, _MADE)
    if isinstance(voices, (str, Voice)):
        voices = (voices,)
    chosen = frozenset(Voice(v) for v in voices)
    if not chosen:
        msg = "voices names at least one voice (own, quoted, reported, rejected)"
        raise ValueError(msg)
    return chosen


def _fraction(value: float | None, what: str) -> float:
    """*value*, a number from 0 to 1 (an `int`, `decimal.Decimal` or `fractions.Fraction`
    too), as a float; refused with a `ValueError` outside 0..1, a `TypeError` if it is not a
    number (which would otherwise fail later, in arithmetic, unexplained)."""
    if value is not None and (
        isinstance(value, bool | str | bytes) or not hasattr(value, "__float__")
    ):
        msg = f"{what} must be a number from 0 to 1, not {type(value).__name__}"
        raise TypeError(msg)
    if value is None or not 0 <= value <= 1:
        msg = f"{what} must lie between 0 and 1, not {value!r}"
        raise ValueError(msg)
    return float(value)


def score(  # noqa: PLR0913 - keyword-only options
    columns: Columns,
    *,
    by: str = "source",
    as_of: datetime.date | None = None,
    partly: float = 0.5,
    probabilities: Mapping[Hedge, float] | None = None,
    voices: Iterable[Voice | str] | None = None,
    framed: bool = True,
) -> dict[str, Scorecard]:
    """
    A `Scorecard` per group of the predictions in *columns* (see the
    module's docstring).  Groups come most settled first, then by key.

    Raises:
        ValueError: for an unknown *by* or voice, a *partly* weight outside
            0..1, or a probability outside 0..1.
    """
    if by not in BY:
        hint = f" (use {_RETIRED[by]})" if by in _RETIRED else ""
        msg = f"by must be one of {', '.join(BY)}; not {by!r}{hint}"
        raise ValueError(msg)
    partly = _fraction(partly, "the weight of 'partly'")
    given: object = probabilities  # checked at run time, whatever the annotation says
    if not isinstance(given, Mapping | None):
        msg = f"probabilities must map hedges to numbers, not {type(given).__name__}"
        raise TypeError(msg)
    given_chances = dict(_PROBABILITY if probabilities is None else probabilities)
    chances = {
        hedge: _fraction(given_chances.get(hedge), f"the probability of {hedge.value!r}")
        for hedge in Hedge
    }
    counted = voices_for(by, voices)
    grouped = _grouped(columns, by, day=as_of, counted=counted, framed=framed)
    if by in ("source", "hedge"):  # each prediction in one group
        base = _base_rate(grouped, partly)
    else:  # each prediction scored once, however many groups it is in
        once = _grouped(columns, ONCE + by, day=as_of, counted=counted, framed=framed)
        base = _base_rate(once, partly)
    cards = {
        key: _card(key, cells, partly, chances, counted, base) for key, cells in grouped.items()
    }
    return dict(sorted(cards.items(), key=lambda item: (-item[1].settled, item[0])))


def _grouped(
    columns: Columns, by: str, *, day: datetime.date | None, counted: frozenset[Voice], framed: bool
) -> dict[str, dict[tuple[Hedge, Verdict], int]]:
    """Group key → (hedge, verdict) → how many, for the predictions scored."""
    table = columns.table(by, timed=day is not None, framing=not framed)
    grouped: dict[str, dict[tuple[Hedge, Verdict], int]] = {}
    for cell, n in table.items():
        key, hedge, voice, verdict = cell[:4]
        if voice is not None and voice not in counted:
            continue  # not this scoring's voice (older files record none: always counted)
        if not framed and cell[-1]:
            continue  # a horizon taken from the document's framing
        if day is not None:
            judged, decided, end, made = cell[4:8]
            then = _then(verdict, judged, decided, end, made, day)
            if then is None:
                continue  # not yet made on the scoring date
            verdict = then
        cells = grouped.setdefault(key, {})
        cells[hedge, verdict] = cells.get((hedge, verdict), 0) + n
    return grouped


def _outcome(verdict: Verdict, partly: float) -> float:
    return 1.0 if verdict is Verdict.CAME_TRUE else partly if verdict is Verdict.PARTLY else 0.0


def _base_rate(
    grouped: Mapping[str, Mapping[tuple[Hedge, Verdict], int]], partly: float
) -> float | None:
    """The hit rate of the predictions in *grouped* (each in one group)."""
    settled = hits = 0.0
    for cells in grouped.values():
        for (_hedge, verdict), n in cells.items():
            if verdict.is_resolved:
                settled += n
                hits += n * _outcome(verdict, partly)
    return hits / settled if settled else None


def _card(  # noqa: PLR0913, PLR0917 - one group's figures
    key: str,
    cells: Mapping[tuple[Hedge, Verdict], int],
    partly: float,
    chances: Mapping[Hedge, float],
    voices: frozenset[Voice],
    base: float | None,
) -> Scorecard:
    counts = dict.fromkeys(Verdict, 0)
    settled = hits = brier = half = against_base = log = 0.0
    levels = {hedge: [0, 0.0] for hedge in Hedge}  # settled, hits
    for (hedge, verdict), n in cells.items():
        counts[verdict] += n
        if verdict.is_resolved:
            outcome = _outcome(verdict, partly)
            chance = chances[hedge]
            settled += n
            hits += n * outcome
            brier += n * (chance - outcome) ** 2
            half += n * (0.5 - outcome) ** 2
            if base is not None:
                against_base += n * (base - outcome) ** 2
            log += n * _log_likelihood(chance, outcome)
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
        voices,
        1 - brier / half if n and half else None,
        1 - brier / against_base if n and against_base else None,
        base if n else None,
        log / n if n else None,
    )


def _log_likelihood(chance: float, outcome: float) -> float:
    total = 0.0
    for weight, p in ((outcome, chance), (1 - outcome, 1 - chance)):
        if weight:
            total += weight * (math.log(p) if p > 0 else -math.inf)
    return total
