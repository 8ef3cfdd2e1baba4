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
if TYPE_CHECKING:  # the names as type checkers see them (`_LAZY` says the same)
    from aiforecasts._arrow import (
        to_arrow as to_arrow,
        to_polars as to_polars,
    )
    from aiforecasts._codec import (
        SCHEMA_VERSION as SCHEMA_VERSION,
    )
    from aiforecasts._curate import (
        CurationReport as CurationReport,
        curate as curate,
    )
    from aiforecasts._dataset import (
        Dataset as Dataset,
    )
    from aiforecasts._diff import (
        Change as Change,
        DatasetDiff as DatasetDiff,
        diff as diff,
    )
    from aiforecasts._errors import (
        DataError as DataError,
        Problem as Problem,
    )
    from aiforecasts._export import (
        to_json as to_json,
        to_jsonl as to_jsonl,
    )
    from aiforecasts._funding import (
        FundingTotal as FundingTotal,
    )
    from aiforecasts._growth import (
        Growth as Growth,
        Rate as Rate,
        RateComparison as RateComparison,
    )
    from aiforecasts._load import (
        load as load,
        loads as loads,
    )
    from aiforecasts._query import (
        Collection as Collection,
        Companies as Companies,
        ComputeTrends as ComputeTrends,
        Debates as Debates,
        FundingRounds as FundingRounds,
        People as People,
        Predictions as Predictions,
        Resolutions as Resolutions,
        Sources as Sources,
        Statistics as Statistics,
        Tombstones as Tombstones,
    )
    from aiforecasts._read import (
        load_path as load_path,
    )
    from aiforecasts._records import (
        Claim as Claim,
        Company as Company,
        ComputeTrend as ComputeTrend,
        Debate as Debate,
        FundingRound as FundingRound,
        Investment as Investment,
        Person as Person,
        Position as Position,
        Prediction as Prediction,
        Record as Record,
        Resolution as Resolution,
        Role as Role,
        Source as Source,
        Statistic as Statistic,
        Tombstone as Tombstone,
    )
    from aiforecasts._schema import (
        json_schema as json_schema,
    )
    from aiforecasts._scores import (
        HEDGE_PROBABILITY as HEDGE_PROBABILITY,
        CalibrationRow as CalibrationRow,
        Interval as Interval,
        Scorecard as Scorecard,
    )
    from aiforecasts._search import (
        Hit as Hit,
        Match as Match,
    )
    from aiforecasts._tables import (
        csv_columns as csv_columns,
        to_csv as to_csv,
        to_dataframe as to_dataframe,
        to_dataframes as to_dataframes,
    )
    from aiforecasts._text import (
        clean_text as clean_text,
        fold as fold,
    )
    from aiforecasts._values import (
        Criterion as Criterion,
        Evidence as Evidence,
        Excerpt as Excerpt,
        External as External,
        Judgement as Judgement,
        Money as Money,
        Quantity as Quantity,
        Repair as Repair,
        Target as Target,
        TimeSpan as TimeSpan,
    )
    from aiforecasts._verify import (
        Mismatch as Mismatch,
        VerificationReport as VerificationReport,
        verify_sources as verify_sources,
    )
    from aiforecasts._vocab import (
        Certainty as Certainty,
        Comparison as Comparison,
        Currency as Currency,
        FundingKind as FundingKind,
        FundingStatus as FundingStatus,
        GrowthKind as GrowthKind,
        Hedge as Hedge,
        InvestorRole as InvestorRole,
        Metric as Metric,
        OrgKind as OrgKind,
        Precision as Precision,
        PublisherKind as PublisherKind,
        Qualifier as Qualifier,
        Script as Script,
        Stance as Stance,
        TimeRelation as TimeRelation,
        Topic as Topic,
        Verdict as Verdict,
        Voice as Voice,
    )
    from aiforecasts._write import (
        write as write,
    )


# Public name -> the private module that defines it.  Importing the package
# imports none of them: each is imported on first use (PEP 562), so that
# ``import aiforecasts`` stays cheap and reads no data.
_LAZY = {
    "HEDGE_PROBABILITY": "aiforecasts._scores",
    "SCHEMA_VERSION": "aiforecasts._codec",
    "CalibrationRow": "aiforecasts._scores",
    "Certainty": "aiforecasts._vocab",
    "Change": "aiforecasts._diff",
    "Collection": "aiforecasts._query",
    "Companies": "aiforecasts._query",
    "ComputeTrends": "aiforecasts._query",
    "Debates": "aiforecasts._query",
    "FundingRounds": "aiforecasts._query",
    "People": "aiforecasts._query",
    "Predictions": "aiforecasts._query",
    "Resolutions": "aiforecasts._query",
    "Sources": "aiforecasts._query",
    "Statistics": "aiforecasts._query",
    "Tombstones": "aiforecasts._query",
    "Claim": "aiforecasts._records",
    "Company": "aiforecasts._records",
    "Comparison": "aiforecasts._vocab",
    "ComputeTrend": "aiforecasts._records",
    "Criterion": "aiforecasts._values",
    "CurationReport": "aiforecasts._curate",
    "Currency": "aiforecasts._vocab",
    "DataError": "aiforecasts._errors",
    "Dataset": "aiforecasts._dataset",
    "DatasetDiff": "aiforecasts._diff",
    "Debate": "aiforecasts._records",
    "Evidence": "aiforecasts._values",
    "Excerpt": "aiforecasts._values",
    "External": "aiforecasts._values",
    "FundingKind": "aiforecasts._vocab",
    "FundingRound": "aiforecasts._records",
    "FundingStatus": "aiforecasts._vocab",
    "FundingTotal": "aiforecasts._funding",
    "Growth": "aiforecasts._growth",
    "GrowthKind": "aiforecasts._vocab",
    "Hedge": "aiforecasts._vocab",
    "Hit": "aiforecasts._search",
    "Interval": "aiforecasts._scores",
    "Investment": "aiforecasts._records",
    "InvestorRole": "aiforecasts._vocab",
    "Judgement": "aiforecasts._values",
    "Match": "aiforecasts._search",
    "Metric": "aiforecasts._vocab",
    "Mismatch": "aiforecasts._verify",
    "Money": "aiforecasts._values",
    "OrgKind": "aiforecasts._vocab",
    "Person": "aiforecasts._records",
    "Position": "aiforecasts._records",
    "Precision": "aiforecasts._vocab",
    "Prediction": "aiforecasts._records",
    "Problem": "aiforecasts._errors",
    "PublisherKind": "aiforecasts._vocab",
    "Qualifier": "aiforecasts._vocab",
    "Quantity": "aiforecasts._values",
    "Rate": "aiforecasts._growth",
    "RateComparison": "aiforecasts._growth",
    "Record": "aiforecasts._records",
    "Repair": "aiforecasts._values",
    "Resolution": "aiforecasts._records",
    "Role": "aiforecasts._records",
    "Scorecard": "aiforecasts._scores",
    "Script": "aiforecasts._vocab",
    "Source": "aiforecasts._records",
    "Stance": "aiforecasts._vocab",
    "Statistic": "aiforecasts._records",
    "Target": "aiforecasts._values",
    "TimeRelation": "aiforecasts._vocab",
    "TimeSpan": "aiforecasts._values",
    "Tombstone": "aiforecasts._records",
    "Topic": "aiforecasts._vocab",
    "Verdict": "aiforecasts._vocab",
    "VerificationReport": "aiforecasts._verify",
    "Voice": "aiforecasts._vocab",
    "clean_text": "aiforecasts._text",
    "csv_columns": "aiforecasts._tables",
    "curate": "aiforecasts._curate",
    "diff": "aiforecasts._diff",
    "fold": "aiforecasts._text",
    "json_schema": "aiforecasts._schema",
    "load": "aiforecasts._load",
    "load_path": "aiforecasts._read",
    "loads": "aiforecasts._load",
    "to_arrow": "aiforecasts._arrow",
    "to_csv": "aiforecasts._tables",
    "to_dataframe": "aiforecasts._tables",
    "to_dataframes": "aiforecasts._tables",
    "to_json": "aiforecasts._export",
    "to_jsonl": "aiforecasts._export",
    "to_polars": "aiforecasts._arrow",
    "verify_sources": "aiforecasts._verify",
    "write": "aiforecasts._write",
}

__all__ = sorted(_LAZY)  # noqa: PLE0605 - one table names the public names


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
