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
    from aiforecasts._codec.migrations import SCHEMA_VERSION as SCHEMA_VERSION
    from aiforecasts._codec.schema import (
        json_schema as json_schema,
    )
    from aiforecasts._io.arrow import (
        to_arrow as to_arrow,
        to_polars as to_polars,
    )
    from aiforecasts._io.columns import (
        csv_columns as csv_columns,
    )
    from aiforecasts._io.csv_write import (
        to_csv as to_csv,
    )
    from aiforecasts._io.export import (
        to_json as to_json,
        to_jsonl as to_jsonl,
    )
    from aiforecasts._io.frames import (
        to_dataframe as to_dataframe,
        to_dataframes as to_dataframes,
    )
    from aiforecasts._io.load import (
        load as load,
    )
    from aiforecasts._io.loads import (
        loads as loads,
    )
    from aiforecasts._io.read import (
        load_path as load_path,
    )
    from aiforecasts._io.write import (
        write as write,
    )
    from aiforecasts._model.errors import (
        DataError as DataError,
        Problem as Problem,
    )
    from aiforecasts._model.figures import Money as Money, Quantity as Quantity, Target as Target
    from aiforecasts._model.growth import (
        Growth as Growth,
        Rate as Rate,
        RateComparison as RateComparison,
    )
    from aiforecasts._model.judging import (
        Criterion as Criterion,
        Evidence as Evidence,
        Judgement as Judgement,
    )
    from aiforecasts._model.provenance import (
        Excerpt as Excerpt,
        External as External,
        Repair as Repair,
    )
    from aiforecasts._model.records import (
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
    from aiforecasts._model.spans import TimeSpan as TimeSpan
    from aiforecasts._model.text import (
        clean_text as clean_text,
        fold as fold,
    )
    from aiforecasts._model.vocab import (
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
    from aiforecasts._query.collections import (
        Collection as Collection,
    )
    from aiforecasts._query.dataset import (
        Dataset as Dataset,
    )
    from aiforecasts._query.diff import (
        Change as Change,
        DatasetDiff as DatasetDiff,
        diff as diff,
    )
    from aiforecasts._query.filters import (
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
    from aiforecasts._query.funding import (
        FundingTotal as FundingTotal,
    )
    from aiforecasts._query.scores import (
        HEDGE_PROBABILITY as HEDGE_PROBABILITY,
        CalibrationRow as CalibrationRow,
        Interval as Interval,
        Scorecard as Scorecard,
    )
    from aiforecasts._query.search import (
        Hit as Hit,
        Match as Match,
    )
    from aiforecasts._tools.curate import (
        CurationReport as CurationReport,
        curate as curate,
    )
    from aiforecasts._tools.verify import (
        Mismatch as Mismatch,
        VerificationReport as VerificationReport,
        verify_sources as verify_sources,
    )


# Public name -> the private module that defines it.  Importing the package
# imports none of them: each is imported on first use (PEP 562), so that
# ``import aiforecasts`` stays cheap and reads no data.
_LAZY = {
    "HEDGE_PROBABILITY": "aiforecasts._query.scores",
    "SCHEMA_VERSION": "aiforecasts._codec.migrations",
    "CalibrationRow": "aiforecasts._query.scores",
    "Certainty": "aiforecasts._model.vocab",
    "Change": "aiforecasts._query.diff",
    "Collection": "aiforecasts._query.collections",
    "Companies": "aiforecasts._query.filters",
    "ComputeTrends": "aiforecasts._query.filters",
    "Debates": "aiforecasts._query.filters",
    "FundingRounds": "aiforecasts._query.filters",
    "People": "aiforecasts._query.filters",
    "Predictions": "aiforecasts._query.filters",
    "Resolutions": "aiforecasts._query.filters",
    "Sources": "aiforecasts._query.filters",
    "Statistics": "aiforecasts._query.filters",
    "Tombstones": "aiforecasts._query.filters",
    "Claim": "aiforecasts._model.records",
    "Company": "aiforecasts._model.records",
    "Comparison": "aiforecasts._model.vocab",
    "ComputeTrend": "aiforecasts._model.records",
    "Criterion": "aiforecasts._model.judging",
    "CurationReport": "aiforecasts._tools.curate",
    "Currency": "aiforecasts._model.vocab",
    "DataError": "aiforecasts._model.errors",
    "Dataset": "aiforecasts._query.dataset",
    "DatasetDiff": "aiforecasts._query.diff",
    "Debate": "aiforecasts._model.records",
    "Evidence": "aiforecasts._model.judging",
    "Excerpt": "aiforecasts._model.provenance",
    "External": "aiforecasts._model.provenance",
    "FundingKind": "aiforecasts._model.vocab",
    "FundingRound": "aiforecasts._model.records",
    "FundingStatus": "aiforecasts._model.vocab",
    "FundingTotal": "aiforecasts._query.funding",
    "Growth": "aiforecasts._model.growth",
    "GrowthKind": "aiforecasts._model.vocab",
    "Hedge": "aiforecasts._model.vocab",
    "Hit": "aiforecasts._query.search",
    "Interval": "aiforecasts._query.scores",
    "Investment": "aiforecasts._model.records",
    "InvestorRole": "aiforecasts._model.vocab",
    "Judgement": "aiforecasts._model.judging",
    "Match": "aiforecasts._query.search",
    "Metric": "aiforecasts._model.vocab",
    "Mismatch": "aiforecasts._tools.verify",
    "Money": "aiforecasts._model.figures",
    "OrgKind": "aiforecasts._model.vocab",
    "Person": "aiforecasts._model.records",
    "Position": "aiforecasts._model.records",
    "Precision": "aiforecasts._model.vocab",
    "Prediction": "aiforecasts._model.records",
    "Problem": "aiforecasts._model.errors",
    "PublisherKind": "aiforecasts._model.vocab",
    "Qualifier": "aiforecasts._model.vocab",
    "Quantity": "aiforecasts._model.figures",
    "Rate": "aiforecasts._model.growth",
    "RateComparison": "aiforecasts._model.growth",
    "Record": "aiforecasts._model.records",
    "Repair": "aiforecasts._model.provenance",
    "Resolution": "aiforecasts._model.records",
    "Role": "aiforecasts._model.records",
    "Scorecard": "aiforecasts._query.scores",
    "Script": "aiforecasts._model.vocab",
    "Source": "aiforecasts._model.records",
    "Stance": "aiforecasts._model.vocab",
    "Statistic": "aiforecasts._model.records",
    "Target": "aiforecasts._model.figures",
    "TimeRelation": "aiforecasts._model.vocab",
    "TimeSpan": "aiforecasts._model.spans",
    "Tombstone": "aiforecasts._model.records",
    "Topic": "aiforecasts._model.vocab",
    "Verdict": "aiforecasts._model.vocab",
    "VerificationReport": "aiforecasts._tools.verify",
    "Voice": "aiforecasts._model.vocab",
    "clean_text": "aiforecasts._model.text",
    "csv_columns": "aiforecasts._io.columns",
    "curate": "aiforecasts._tools.curate",
    "diff": "aiforecasts._query.diff",
    "fold": "aiforecasts._model.text",
    "json_schema": "aiforecasts._codec.schema",
    "load": "aiforecasts._io.load",
    "load_path": "aiforecasts._io.read",
    "loads": "aiforecasts._io.loads",
    "to_arrow": "aiforecasts._io.arrow",
    "to_csv": "aiforecasts._io.csv_write",
    "to_dataframe": "aiforecasts._io.frames",
    "to_dataframes": "aiforecasts._io.frames",
    "to_json": "aiforecasts._io.export",
    "to_jsonl": "aiforecasts._io.export",
    "to_polars": "aiforecasts._io.arrow",
    "verify_sources": "aiforecasts._tools.verify",
    "write": "aiforecasts._io.write",
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
