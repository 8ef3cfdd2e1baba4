"""The registry of kinds, the filters each kind has, and datasets that never share state."""

from __future__ import annotations

import copy
import io
import typing

import attrs
import pytest

import aiforecasts
from aiforecasts import Collection, Record
from aiforecasts._model.kinds import FACETS, KIND_NAMED, KINDS
from aiforecasts._query.collections import _CLASSES
from aiforecasts._query.filters import collection_class

# Filter → the facet it needs (citing, search and lookups need none: every kind has them).
FILTERS = {
    "mentioning": "companies",
    "by": "people",
    "about": "topics",
    "backed_by": "investors",
    "overlapping": "span",
    "between": "span",
    "ended_before": "span",
    "in_year": "span",
    "with_stance": "stances",
    "amount_between": "money",
    "with_qualifier": "money",
}


def test_every_kind_is_a_dataset_field_and_a_record() -> None:
    fields = [f.name for f in attrs.fields(aiforecasts.Dataset) if not f.name.startswith("_")]
    assert fields[2:] == [kind.name for kind in KINDS]
    assert set(typing.get_args(Record)) == {kind.cls for kind in KINDS}
    assert len({kind.cls for kind in KINDS}) == len(KINDS)
    for kind in KINDS:
        assert kind.title
        assert kind.english in attrs.fields_dict(kind.cls)


def test_each_kinds_collection_has_the_filters_its_facets_allow() -> None:
    """A kind's collection class (`Predictions`, ...) has a filter exactly where the kind has
    its facet, so type checkers refuse the others (mentioning() is for every kind)."""
    assert "companies" in FACETS
    assert all(kind.has("companies") for kind in KINDS)
    for kind in KINDS:
        cls = collection_class(kind)
        assert issubclass(cls, Collection), kind.name
        assert cls.__name__ == "".join(p.title() for p in kind.name.split("_"))
        if kind.name in _CLASSES:  # a class of its own (not made from the facets) is public
            assert cls is getattr(aiforecasts, cls.__name__), kind.name
        for method, facet in FILTERS.items():
            assert hasattr(cls, method) == kind.has(facet), (kind.name, method)
    assert hasattr(aiforecasts.Predictions, "due_by")
    assert hasattr(aiforecasts.Predictions, "resolved")
    assert not hasattr(aiforecasts.Statistics, "due_by")


ARGUMENTS: dict[str, tuple[object, ...]] = {
    "mentioning": ("nvidia",),
    "by": ("sam-altman",),
    "about": ("chips",),
    "backed_by": ("microsoft",),
    "overlapping": (aiforecasts.TimeSpan.of_year(2024),),
    "between": (2023, 2024),
    "ended_before": ("2025-01-01",),
    "in_year": (2024,),
    "with_stance": ("yes",),
    "amount_between": (0, None),
    "with_qualifier": ("about",),
}


@pytest.mark.parametrize("method", sorted(FILTERS))
def test_a_filter_is_refused_where_its_kind_lacks_the_facet(
    dataset: aiforecasts.Dataset, method: str
) -> None:
    for kind in KINDS:
        collection = dataset.collections()[kind.name]
        run = getattr(collection, method, None)
        if kind.has(FILTERS[method]):
            assert run is not None
            cls = collection_class(kind)
            assert isinstance(run(*ARGUMENTS[method]), cls)
            # Derived collections keep their kind, and so their filters.
            assert isinstance(getattr(collection[:5], method)(*ARGUMENTS[method]), cls)
        else:
            assert run is None


def test_aggregations_refuse_kinds_without_the_facet(dataset: aiforecasts.Dataset) -> None:
    with pytest.raises(ValueError, match="companies have no span"):
        dataset.counts_by_year("companies")
    with pytest.raises(ValueError, match="people have no topics"):
        dataset.counts_by_topic("people")
    with pytest.raises(ValueError, match="kind must be one of"):
        dataset.counts_by_year("rumours")


def test_a_collection_on_its_own_knows_no_kind() -> None:
    records = list(aiforecasts.load().companies)
    alone = Collection(records)
    assert alone.get("nvidia") is next(c for c in records if c.id == "nvidia")
    assert alone.where(lambda c: c.id == "nvidia").count() == 1
    with pytest.raises(TypeError, match="needs to know the kind"):
        alone.lookup("Nvidia")


def test_evolving_a_dataset_leaves_the_cached_one_intact(dataset: aiforecasts.Dataset) -> None:
    """A user's attrs.evolve builds a new dataset; the shared one keeps resolving names."""
    before = [d.id for d in dataset.debates.by("李彦宏")]
    emptied = attrs.evolve(dataset, people=dataset.people.where(lambda _person: False))
    assert emptied.people.count() == 0
    with pytest.raises(LookupError):
        emptied.debates.by("李彦宏")  # the new dataset has no such person
    assert [d.id for d in aiforecasts.load().debates.by("李彦宏")] == before
    assert dataset.people.lookup("Robin Li").id == "robin-li"


def test_a_dataset_resolves_names_in_its_own_records() -> None:
    ds = aiforecasts.load()
    nvidia = ds.companies.lookup("Nvidia")
    renamed = attrs.evolve(nvidia, name="Green Team", name_hans=None, name_hant=None, aliases=())
    others = [c for c in ds.companies if c.id != "nvidia"]
    mine = attrs.evolve(ds, companies=Collection([renamed, *others]))
    assert mine.predictions.mentioning("Green Team") == ds.predictions.mentioning("nvidia")
    with pytest.raises(LookupError):
        mine.predictions.mentioning("英偉達")
    assert ds.predictions.mentioning("英偉達") == ds.predictions.mentioning("nvidia")


def test_copies_are_the_same_immutable_dataset(dataset: aiforecasts.Dataset) -> None:
    assert copy.deepcopy(dataset) is dataset
    assert copy.copy(dataset.predictions) is dataset.predictions
    assert copy.deepcopy(dataset.predictions) is dataset.predictions


def test_kinds_are_named_by_their_fields() -> None:
    assert KIND_NAMED["funding_rounds"].cls is aiforecasts.FundingRound
    assert list(aiforecasts.load().counts()) == [kind.name for kind in KINDS]


def test_a_kind_without_a_class_of_its_own_gets_the_filters_its_facets_allow() -> None:
    """`collection_class` makes, once, a class from the families of filters a kind's facets
    allow, for a kind that declares no class of its own."""
    statistics = KIND_NAMED["statistics"]
    notes = attrs.evolve(statistics, name="field_notes", investors=lambda _r: ())
    cls = collection_class(notes)
    assert cls.__name__ == "FieldNotes"
    assert cls is collection_class(notes)  # made once
    assert cls not in {collection_class(kind) for kind in KINDS}
    assert "field_notes" not in _CLASSES  # not a class of its own: not public
    for method, facet in FILTERS.items():
        assert hasattr(cls, method) == notes.has(facet), method
    bare = collection_class(attrs.evolve(KIND_NAMED["tombstones"], name="bare_notes"))
    assert bare.__bases__ == (Collection,)


def test_the_schema_version_is_past_every_migration_and_kind() -> None:
    """A version that only adds a kind needs no migration: `Kind.since` raises the version."""
    from aiforecasts._codec.migrations import MIGRATIONS, SCHEMA_VERSION  # noqa: PLC0415

    assert max(MIGRATIONS) + 1 <= SCHEMA_VERSION
    assert all(kind.since <= SCHEMA_VERSION for kind in KINDS)
    assert SCHEMA_VERSION in {max(MIGRATIONS) + 1, *(kind.since for kind in KINDS)}
    assert KIND_NAMED["resolutions"].since == 5


def test_a_kind_without_a_page_of_its_own_is_shown_field_by_field(
    dataset: aiforecasts.Dataset,
) -> None:
    """`show` prints a record of a kind the renderer has no page for: its English text, then
    each field with a value, references by name, nested values field by field."""
    from aiforecasts._cli.render import _other, _Page  # noqa: PLC0415 - the fallback page

    record = dataset.funding_rounds.get("openai-microsoft-10b-2023")
    assert record is not None
    out = io.StringIO()
    _other(_Page(out, None), dataset, record)
    lines = out.getvalue().splitlines()
    assert lines[1] == record.statement
    assert "  company      OpenAI [openai]" in lines
    assert "  investors    investor microsoft; role sole" in lines
    assert "  amount       USD 10,000,000,000" in lines
    assert "  mentions     Amazon [amazon]" in lines
    assert lines[-1] == f"  versions     added in {record.added_in}, changed in {record.changed_in}"
    assert not any("Investment(" in line or "<" in line for line in lines)
