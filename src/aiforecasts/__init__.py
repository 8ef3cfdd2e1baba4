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

# Not `typing.TYPE_CHECKING`: importing typing would double this module's import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from aiforecasts._dataset import Dataset, FundingTotal, Hit
    from aiforecasts._errors import DataError, Problem
    from aiforecasts._export import (
        Change,
        DatasetDiff,
        csv_columns,
        diff,
        to_csv,
        to_json,
        to_jsonl,
        write,
    )
    from aiforecasts._frames import to_dataframe
    from aiforecasts._growth import Rate, RateComparison
    from aiforecasts._load import SCHEMA_VERSION, load, load_path, loads
    from aiforecasts._model import (
        Certainty,
        Company,
        ComputeTrend,
        Currency,
        Debate,
        Excerpt,
        External,
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
    from aiforecasts._query import Collection, Match
    from aiforecasts._schema import json_schema
    from aiforecasts._text import clean_text, fold
    from aiforecasts._verify import Mismatch, VerificationReport, verify_sources

__all__ = [
    "SCHEMA_VERSION",
    "Certainty",
    "Change",
    "Collection",
    "Company",
    "ComputeTrend",
    "Currency",
    "DataError",
    "Dataset",
    "DatasetDiff",
    "Debate",
    "Excerpt",
    "External",
    "FundingKind",
    "FundingRound",
    "FundingStatus",
    "FundingTotal",
    "Growth",
    "GrowthKind",
    "Hedge",
    "Hit",
    "Investment",
    "InvestorRole",
    "Match",
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
    "Rate",
    "RateComparison",
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
    "csv_columns",
    "diff",
    "fold",
    "json_schema",
    "load",
    "load_path",
    "loads",
    "to_csv",
    "to_dataframe",
    "to_json",
    "to_jsonl",
    "verify_sources",
    "write",
]


# Public name -> the private module that defines it.  Importing the package
# imports none of them: each is imported on first use (PEP 562), so that
# ``import aiforecasts`` stays cheap and reads no data.
_LAZY = {
    "Certainty": "aiforecasts._model",
    "Change": "aiforecasts._export",
    "Collection": "aiforecasts._query",
    "Company": "aiforecasts._model",
    "ComputeTrend": "aiforecasts._model",
    "Currency": "aiforecasts._model",
    "DataError": "aiforecasts._errors",
    "Dataset": "aiforecasts._dataset",
    "DatasetDiff": "aiforecasts._export",
    "Debate": "aiforecasts._model",
    "Excerpt": "aiforecasts._model",
    "External": "aiforecasts._model",
    "FundingKind": "aiforecasts._model",
    "FundingRound": "aiforecasts._model",
    "FundingStatus": "aiforecasts._model",
    "FundingTotal": "aiforecasts._dataset",
    "Growth": "aiforecasts._model",
    "GrowthKind": "aiforecasts._model",
    "Hedge": "aiforecasts._model",
    "Hit": "aiforecasts._dataset",
    "Investment": "aiforecasts._model",
    "InvestorRole": "aiforecasts._model",
    "Match": "aiforecasts._query",
    "Metric": "aiforecasts._model",
    "Mismatch": "aiforecasts._verify",
    "Money": "aiforecasts._model",
    "OrgKind": "aiforecasts._model",
    "Person": "aiforecasts._model",
    "Position": "aiforecasts._model",
    "Precision": "aiforecasts._model",
    "Prediction": "aiforecasts._model",
    "Problem": "aiforecasts._errors",
    "Qualifier": "aiforecasts._model",
    "Quantity": "aiforecasts._model",
    "Rate": "aiforecasts._growth",
    "RateComparison": "aiforecasts._growth",
    "Record": "aiforecasts._model",
    "Role": "aiforecasts._model",
    "SCHEMA_VERSION": "aiforecasts._load",
    "Script": "aiforecasts._model",
    "Source": "aiforecasts._model",
    "Stance": "aiforecasts._model",
    "Statistic": "aiforecasts._model",
    "TimeRelation": "aiforecasts._model",
    "TimeSpan": "aiforecasts._model",
    "Topic": "aiforecasts._model",
    "VerificationReport": "aiforecasts._verify",
    "clean_text": "aiforecasts._text",
    "csv_columns": "aiforecasts._export",
    "diff": "aiforecasts._export",
    "fold": "aiforecasts._text",
    "json_schema": "aiforecasts._schema",
    "load": "aiforecasts._load",
    "load_path": "aiforecasts._load",
    "loads": "aiforecasts._load",
    "to_csv": "aiforecasts._export",
    "to_dataframe": "aiforecasts._frames",
    "to_json": "aiforecasts._export",
    "to_jsonl": "aiforecasts._export",
    "verify_sources": "aiforecasts._verify",
    "write": "aiforecasts._export",
}


if TYPE_CHECKING:
    __version__: str
    """The package version, from the installed metadata."""
else:

    def __getattr__(name: str) -> object:
        # Hidden from type checkers, so that a typo is still an error for them.
        module = _LAZY.get(name)
        if module is not None:
            from importlib import import_module  # noqa: PLC0415

            value = getattr(import_module(module), name)
            globals()[name] = value
            return value
        if name == "__version__":
            from importlib.metadata import version  # noqa: PLC0415

            return version("aiforecasts")
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)

    def __dir__() -> list[str]:
        return sorted({*globals(), *_LAZY, "__version__"})


del TYPE_CHECKING
