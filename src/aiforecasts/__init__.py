"""
aiforecasts: a typed, bilingual dataset of AI forecasts, companies, funding
rounds, compute-growth trends and debates from 2023–2024.

>>> import aiforecasts
>>> ds = aiforecasts.load()
>>> ds.get("nvidia").name
'Nvidia'

Nothing is read at import time: `load` reads the bundled data on first call.
"""

from __future__ import annotations

import typing as _typing

from aiforecasts._dataset import Collection, Dataset
from aiforecasts._errors import DataError, Problem
from aiforecasts._load import SCHEMA_VERSION, load
from aiforecasts._model import (
    Certainty,
    Company,
    ComputeTrend,
    Currency,
    Debate,
    Excerpt,
    FundingKind,
    FundingRound,
    FundingStatus,
    Growth,
    GrowthKind,
    Hedge,
    Investment,
    InvestorRole,
    Metric,
    Money,
    OrgKind,
    Person,
    Position,
    Precision,
    Prediction,
    Qualifier,
    Quantity,
    Record,
    Role,
    Script,
    Source,
    Stance,
    Statistic,
    TimeRelation,
    TimeSpan,
    Topic,
)
from aiforecasts._text import clean_text
from aiforecasts._verify import Mismatch, VerificationReport, verify_sources

__all__ = [
    "SCHEMA_VERSION",
    "Certainty",
    "Collection",
    "Company",
    "ComputeTrend",
    "Currency",
    "DataError",
    "Dataset",
    "Debate",
    "Excerpt",
    "FundingKind",
    "FundingRound",
    "FundingStatus",
    "Growth",
    "GrowthKind",
    "Hedge",
    "Investment",
    "InvestorRole",
    "Metric",
    "Mismatch",
    "Money",
    "OrgKind",
    "Person",
    "Position",
    "Precision",
    "Prediction",
    "Problem",
    "Qualifier",
    "Quantity",
    "Record",
    "Role",
    "Script",
    "Source",
    "Stance",
    "Statistic",
    "TimeRelation",
    "TimeSpan",
    "Topic",
    "VerificationReport",
    "clean_text",
    "load",
    "verify_sources",
]


if _typing.TYPE_CHECKING:
    __version__: str
    """The package version, from the installed metadata."""
else:

    def __getattr__(name: str) -> str:
        # The version comes from the installed metadata, read only when asked for.
        # Hidden from type checkers, so that a typo is still an error for them.
        if name == "__version__":
            from importlib.metadata import version  # noqa: PLC0415

            return version("aiforecasts")
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
