"""
The counts every scoring reads: how many predictions of each group have each hedge,
voice and verdict (and, for scoring as of a date, each timeline), taken once per dataset
and grouping.

`Columns` holds the predictions beside their resolutions; each grouping's table is
counted on first use, under a lock, and kept: `Dataset.scores` keeps the columns, so every
later call reads the few distinct cells, not the predictions.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from operator import attrgetter, eq
from typing import TYPE_CHECKING, Any

import attrs

from aiforecasts._model.records import Prediction, Resolution
from aiforecasts._model.vocab import Certainty, Verdict, Voice

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["ONCE", "Columns"]

ONCE = "once:"
"""A table's name: the predictions some group of a grouping holds, each counted once."""


@attrs.frozen
class Columns:
    """
    The predictions beside their verdicts, counted once per dataset and
    grouping: what every scoring reads (a private cache of `Dataset.scores`).
    """

    predictions: tuple[Prediction, ...]
    resolutions: tuple[Resolution | None, ...]
    """The resolution of each prediction, in the same order (``None`` where none judges it)."""
    forecasters: Mapping[str, str] = attrs.field(factory=dict)
    """Source id → whom its own voice credits (its author's id, else the source's id)."""
    complete: bool = True
    """Whether every prediction has its resolution (then the tables read them in C)."""
    _tables: dict[tuple[str, bool, bool], Counter[tuple[Any, ...]]] = attrs.field(
        factory=dict, eq=False, repr=False
    )
    _lock: threading.Lock = attrs.field(factory=threading.Lock, eq=False, repr=False)

    @classmethod
    def of(
        cls,
        predictions: Iterable[Prediction],
        resolutions: Iterable[Resolution],
        forecasters: Mapping[str, str] | None = None,
    ) -> Columns:
        """The columns of *predictions*, judged by *resolutions*; *forecasters* maps a
        source id to whom its own voice credits."""
        chosen = predictions if isinstance(predictions, tuple) else tuple(predictions)
        judges = resolutions if isinstance(resolutions, tuple) else tuple(resolutions)
        if len(judges) == len(chosen) and all(map(eq, map(_ID, chosen), map(_JUDGED, judges))):
            return cls(chosen, judges, dict(forecasters or {}))  # in the predictions' order
        judged = dict(zip(map(_JUDGED, judges), judges, strict=True))
        found = tuple(map(judged.get, map(_ID, chosen)))
        return cls(chosen, found, dict(forecasters or {}), complete=all(found))

    def table(self, by: str, *, timed: bool, framing: bool) -> Counter[tuple[Any, ...]]:
        """
        How many predictions have each (group key, hedge, voice, verdict or
        timeline[, framed horizon]): counted on first use, once.
        """
        name = (by, timed, framing)
        found = self._tables.get(name)
        if found is None:
            with self._lock:
                found = self._tables.get(name)
                if found is None:
                    found = self._tables[name] = self._count(by, timed=timed, framing=framing)
        return found

    def _count(self, by: str, *, timed: bool, framing: bool) -> Counter[tuple[Any, ...]]:
        predictions, resolutions, complete = self.predictions, self.resolutions, self.complete
        columns: list[Iterable[object]] = [
            map(_HEDGE, predictions),
            map(_VOICE, predictions),
            map(_VERDICT, resolutions) if complete else map(_verdict_of, resolutions),
        ]
        if timed:
            judged: Iterable[object] = (
                map(_AS_OF, resolutions)
                if complete
                else [None if r is None else r.as_of for r in resolutions]
            )
            decided = [
                None if d is None else d.end
                for d in (
                    map(_DECIDED, resolutions)
                    if complete
                    else (None if r is None else r.decided for r in resolutions)
                )
            ]
            ends = [None if h is None else h.end for h in map(_HORIZON, predictions)]
            columns += [judged, decided, ends, map(_MADE_ON, predictions)]
        if framing:
            columns.append(map(_framed, predictions))
        if by in ("source", "hedge"):
            key = map(_SOURCE if by == "source" else _HEDGE_VALUE, predictions)
            return Counter(zip(key, *columns, strict=True))
        if by.startswith(ONCE):  # each prediction in some group, once, under one key
            some = self._keys(by.removeprefix(ONCE))
            return Counter(
                ("", *rest)
                for prediction, *rest in zip(predictions, *columns, strict=True)
                if some(prediction)
            )
        keys = self._keys(by)
        return Counter(
            (key, *rest)
            for prediction, *rest in zip(predictions, *columns, strict=True)
            for key in keys(prediction)
        )

    def _keys(self, by: str) -> Callable[[Prediction], Sequence[str]]:
        """The groups a prediction is in, for the groupings where it may be in several."""
        keys: dict[str, Callable[[Prediction], Sequence[str]]] = {
            "forecaster": self._forecasters,
            "about": _about,
            "topic": _topics,
        }
        return keys[by]

    def _forecasters(self, prediction: Prediction) -> Sequence[str]:
        if prediction.voice is Voice.OWN or (
            prediction.voice is None and not prediction.made_by and not prediction.attributed_to
        ):
            return (self.forecasters.get(prediction.source, prediction.source),)
        return prediction.made_by


_ID = attrgetter("id")
_JUDGED = attrgetter("prediction")
_SOURCE = attrgetter("source")
_HEDGE = attrgetter("hedge")
_HEDGE_VALUE = attrgetter("hedge._value_")  # a group's key is text
_VOICE = attrgetter("voice")
_VERDICT = attrgetter("verdict")
_HORIZON = attrgetter("horizon")
_AS_OF = attrgetter("as_of")
_DECIDED = attrgetter("decided")
_MADE_ON = attrgetter("made.start")


def _verdict_of(resolution: Resolution | None) -> Verdict:
    return Verdict.CANNOT_TELL if resolution is None else resolution.verdict


def _framed(prediction: Prediction) -> bool:
    horizon = prediction.horizon
    return horizon is not None and horizon.certainty is Certainty.FRAMING


def _about(prediction: Prediction) -> Sequence[str]:
    return prediction.companies


def _topics(prediction: Prediction) -> Sequence[str]:
    return sorted(topic.value for topic in prediction.topics)
