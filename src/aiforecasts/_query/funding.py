"""
Funding totals: money raised per company or put in per investor, with the
amounts' qualifiers respected (`Dataset.funding_totals`).  Imported when
first asked for: loading needs none of it.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, Literal

import attrs

from aiforecasts._model.checks import DECIMAL_DIGITS
from aiforecasts._model.figures import number_text
from aiforecasts._model.text import plural
from aiforecasts._model.vocab import Currency, FundingKind, FundingStatus, InvestorRole, Qualifier

if TYPE_CHECKING:
    from collections.abc import Iterable

    from aiforecasts._model.records import FundingRound

__all__ = ["FundingTotal", "totals"]

_SUM_DIGITS = DECIMAL_DIGITS + 20
"""Digits to sum figures in: exact for up to 10^20 of them."""

_COUNTED = frozenset({FundingStatus.CLOSED, FundingStatus.ANNOUNCED, FundingStatus.REPORTED})


@attrs.frozen
class FundingTotal:
    """
    Money raised by a company, or put in by an investor, with its qualifiers
    respected: the total is a range from *low* (at least) to *high* (at most;
    ``None`` when an "over" amount leaves it open).

    An "up to $4B" pledge raises *high* by 4 billion and *low* by nothing; a
    round's amount counts in full only for a sole investor, and for a lead or
    participant without a stated share towards *high* only.  Cumulative
    "so far" totals, failed or attempted raises and other currencies are
    listed in *excluded*, never summed.

    .. versionadded:: 0.1.0
    """

    key: str
    """The id of the company or investor."""
    currency: Currency
    low: Decimal
    high: Decimal | None
    approximate: bool
    """Whether any amount counted was stated as "about"."""
    counted: tuple[str, ...]
    """Ids of the rounds whose amounts are in the range."""
    undisclosed: tuple[str, ...]
    """Ids of counted rounds that state no amount (or no share of it)."""
    excluded: tuple[str, ...]

    @property
    def is_exact(self) -> bool:
        """Whether the total is known exactly (amounts counted, no bound, no estimate,
        nothing undisclosed."""
        return (
            bool(self.counted)
            and self.low == self.high
            and not self.approximate
            and not self.undisclosed
        )

    @property
    def disclosed(self) -> bool:
        """Whether any counted round states an amount (else the total is all undisclosed)."""
        return len(self.undisclosed) < len(self.counted)

    def __str__(self) -> str:
        amount = number_text
        rounds = plural(len(self.counted), "round")
        if not self.disclosed:
            return f"undisclosed ({rounds})" if self.counted else "nothing counted"
        if self.high is None:
            text = f"over {self.currency.value} {amount(self.low)}"
        elif self.low == self.high:
            text = f"{self.currency.value} {amount(self.low)}"
        else:
            text = f"{self.currency.value} {amount(self.low)} to {amount(self.high)}"
        if self.approximate:
            text = f"about {text}"
        extra = f", {len(self.undisclosed)} undisclosed" if self.undisclosed else ""
        return f"{text} ({rounds}{extra})"


def totals(
    rounds: Iterable[FundingRound], by: Literal["company", "investor"], currency: Currency
) -> dict[str, FundingTotal]:
    """The totals of *rounds* in *currency* by company or investor, in the order
    `Dataset.funding_totals` gives."""
    parts: dict[str, list[_Part]] = {}
    excluded: dict[str, list[str]] = {}
    for round_ in rounds:
        money = round_.amount
        keys = [round_.company] if by == "company" else [i.investor for i in round_.investors]
        if (
            round_.kind is FundingKind.TOTAL
            or round_.status not in _COUNTED
            or (money is not None and money.currency is not currency)
        ):
            for key in keys:
                excluded.setdefault(key, []).append(round_.id)
            continue
        for key in keys:
            part = _part(round_, key if by == "investor" else None, currency)
            if part is None:  # this investor's stated share is in another currency
                excluded.setdefault(key, []).append(round_.id)
            else:
                parts.setdefault(key, []).append(part)
    totals = {
        key: _total(key, currency, rows, excluded.get(key, [])) for key, rows in parts.items()
    }
    for key, ids in excluded.items():
        totals.setdefault(key, _total(key, currency, [], ids))
    return dict(sorted(totals.items(), key=lambda item: _largest(item[1])))


@attrs.frozen
class _Part:
    """One round's contribution to a total."""

    round_id: str
    low: Decimal
    high: Decimal | None
    approximate: bool = False
    undisclosed: bool = False


def _part(round_: FundingRound, investor: str | None, currency: Currency) -> _Part | None:
    """What *round_* adds to its company's total, or to *investor*'s (None: other currency)."""
    money = round_.amount
    shared = False
    if investor is not None:
        investment = next(i for i in round_.investors if i.investor == investor)
        if investment.amount is not None:
            money = investment.amount
        elif investment.role is not InvestorRole.SOLE:
            # A lead or participant with no stated share put in anything up to the whole.
            shared = True
    if money is None:
        return _Part(round_.id, Decimal(0), None, undisclosed=True)
    if money.currency is not currency:
        return None
    low, high = money.bounds
    return _Part(round_.id, Decimal(0) if shared else low, high, money.qualifier is Qualifier.ABOUT)


def _total(key: str, currency: Currency, parts: list[_Part], excluded: list[str]) -> FundingTotal:
    highs = [part.high for part in parts]
    # A figure may have 38 digits (`_model.checks.DECIMAL_DIGITS`); Python's default context keeps
    # 28, so the sums are taken in one wide enough for any number of rounds: never rounded.
    with localcontext() as exact:
        exact.prec = _SUM_DIGITS
        low = sum((part.low for part in parts), Decimal(0))
        high = None if None in highs else sum((h for h in highs if h is not None), Decimal(0))
    return FundingTotal(
        key,
        currency,
        low,
        high,
        any(part.approximate for part in parts),
        tuple(part.round_id for part in parts),
        tuple(part.round_id for part in parts if part.undisclosed),
        tuple(excluded),
    )


def _largest(total: FundingTotal) -> tuple[bool, Decimal]:
    """The sort key: totals with a disclosed amount first, largest first (its upper bound, or
    its lower where it has none); totals of undisclosed rounds only last."""
    figure = total.high if total.high is not None else total.low
    return (not total.disclosed, -figure)
