"""
How forecasts are judged: what would settle a prediction (`Criterion`,
written before any evidence was read), the public pages that show how it
turned out (`Evidence`), each judge's verdict (`Judgement`), and the verdict
they settle on (`Resolution`, a record of its own, kept apart from what the
documents say).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from aiforecasts._model.checks import (
    FieldError,
    checked,
    nonblank,
    optional_nonblank,
    quote,
    required,
    version,
)
from aiforecasts._model.common import ADDED_IN, ID
from aiforecasts._model.declare import described, doc, needed, ref, verbatim
from aiforecasts._model.figures import Money, Quantity
from aiforecasts._model.spans import TimeSpan
from aiforecasts._model.vocab import PublisherKind, Verdict

if TYPE_CHECKING:
    from collections.abc import Sequence

    import pendulum
else:
    from aiforecasts._model.lazy import pendulum  # imported on first use: only dates need it

__all__ = ["Criterion", "Evidence", "Judgement", "Resolution"]


_SPACE_RE = re.compile(r"\s")


def _https(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.startswith(("https://", "http://")) or _SPACE_RE.search(value):
        msg = f"{attribute.name} must be an http(s) URL without spaces, not {quote(value)}"
        raise ValueError(msg)


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Evidence:
    """
    A public web page that shows how a forecast turned out: outside the
    documents, so it cites a page, never an excerpt.  *quote* is one or more
    whole sentences copied verbatim from the page, in the page's own language.

    >>> import pendulum
    >>> e = Evidence("https://example.org/news/2025/02/20/x", "example.org",
    ...              "The device launched in April 2024.", pendulum.Date(2026, 11, 28),
    ...              title="A headline", published=pendulum.Date(2025, 2, 20),
    ...              publisher_kind=PublisherKind.NEWS)
    >>> e.published.year
    2025

    .. versionadded:: 0.1.0
    """

    url: str = attrs.field(
        validator=_https, metadata=doc("The page's address (http or https), as read.")
    )
    publisher: str = attrs.field(
        validator=nonblank, metadata=doc("The site or outlet that published the page.")
    )
    quote: str = attrs.field(
        validator=attrs.validators.and_(nonblank, attrs.validators.max_len(600)),
        metadata=verbatim(
            doc(
                "A short passage copied verbatim from the page, in its own language "
                "(600 characters at most)."
            )
        ),
    )
    read: pendulum.Date = attrs.field(metadata=doc("The date the page was read."))
    title: str | None = attrs.field(
        default=None,
        metadata=doc(
            "The page's title, as the page shows it (``None`` where the stored page shows none)."
        ),
    )
    published: pendulum.Date | None = attrs.field(
        default=None,
        metadata=doc(
            "The page's publication date, where the page or its address shows it (else ``None``)."
        ),
    )
    language: str | None = attrs.field(
        default=None,
        metadata=doc(
            "The quote's language, a BCP 47 tag such as ``en`` or ``zh`` (``None``: not recorded)."
        ),
    )
    publisher_kind: PublisherKind | None = attrs.field(
        default=None,
        validator=required,
        metadata=needed(
            doc(
                "What kind of publisher it is: primary (the company, regulator, court or paper "
                "itself), news, analysis, or aggregator (`PublisherKind`). Required; ``None`` "
                "only in files of schema 5 or older."
            )
        ),
    )


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Criterion:
    """
    What would settle a prediction, written from its statement, condition and
    horizon alone before any evidence was read: what counts as came true, as
    partly and as did not (see "How forecasts are credited and judged" in the
    docs).

    >>> c = Criterion(came_true="Samsung unveils a Galaxy S24 phone with generative AI "
    ...               "features between January and April 2024.",
    ...               did_not="No such phone is unveiled by the end of April 2024.")
    >>> c.partly is None
    True

    .. versionadded:: 0.1.0
    """

    came_true: str = attrs.field(
        validator=nonblank,
        metadata=doc("What observation, within the window, counts as came true."),
    )
    did_not: str = attrs.field(
        validator=nonblank, metadata=doc("What observation counts as did not.")
    )
    partly: str | None = attrs.field(
        default=None,
        validator=optional_nonblank,
        metadata=doc(
            "What counts as partly, where the forecast has separable parts or a figure that "
            "can be half met; ``None`` where nothing can."
        ),
    )
    condition: str | None = attrs.field(
        default=None,
        validator=optional_nonblank,
        metadata=doc(
            "The condition to check first (not held: annulled): a conditional forecast's, or "
            "a premise the forecast takes for granted; else ``None``."
        ),
    )
    note: str | None = attrs.field(
        default=None,
        validator=optional_nonblank,
        metadata=doc(
            "What a judge must also know: the basis of a figure, how many examples make "
            '"a wave", both sides of a comparison; ``None`` if nothing.'
        ),
    )


def _judge(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not _JUDGE_RE.match(value):
        msg = f"{attribute.name} must be a short lower-case name such as 'a', not {quote(value)}"
        raise ValueError(msg)


_JUDGE_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,39}\Z")


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Judgement:
    """
    One judge's verdict on a prediction, reached from its `Criterion` and the
    stored public pages without seeing any other judge's verdict (or, for the
    third reader, given both and settling their disagreement).

    >>> from aiforecasts import Verdict
    >>> j = Judgement("a", Verdict.CAME_TRUE, "The S24 was unveiled on 17 January 2024.", (0,))
    >>> j.cites
    (0,)

    .. versionadded:: 0.1.0
    """

    judge: str = attrs.field(
        validator=_judge,
        metadata=doc(
            "Who judged: ``a`` and ``b`` are the two blind judges, ``c`` the third reader "
            "who settled a disagreement between them."
        ),
    )
    verdict: Verdict = attrs.field(metadata=doc("The judge's verdict (`Verdict`)."))
    reason: str = attrs.field(
        validator=nonblank, metadata=doc("Why, in English: the criterion applied to the evidence.")
    )
    cites: tuple[int, ...] = attrs.field(
        default=(),
        metadata=doc(
            "The evidence items (positions in the resolution's *evidence*, from 0) whose "
            "quotes each support this verdict by themselves; at least one for a verdict "
            "that needs evidence."
        ),
    )

    def __attrs_post_init__(self) -> None:
        if self.verdict.needs_evidence and not self.cites:
            msg = f"a '{self.verdict.value}' judgement cites at least one evidence item"
            raise ValueError(msg)
        if len(set(self.cites)) != len(self.cites) or any(i < 0 for i in self.cites):
            msg = f"cites must be distinct positions from 0, not {self.cites}"
            raise ValueError(msg)


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Resolution:
    """
    How a prediction turned out, as judged on *as_of*: a verdict, the reasons
    and the public pages that show it.  Outcomes come from outside the
    documents, so a resolution cites web pages (`Evidence`), never excerpts;
    it is kept apart from what the documents say.

    Two judges decided each verdict blind to each other (*judgements*, ``a``
    and ``b``); where they disagreed, a third reader (``c``) settled it.  A
    verdict that settles the prediction (came true, partly, did not) or
    annuls it cites at least one evidence item; "partly" says which parts held.

    >>> import aiforecasts
    >>> ds = aiforecasts.load()
    >>> all(r.evidence for r in ds.resolutions if r.verdict.is_resolved)
    True
    >>> all(len(r.judgements) >= 2 for r in ds.resolutions)
    True

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=ID)
    prediction: str = attrs.field(
        metadata=ref("predictions", doc="The id of the `Prediction` it judges.")
    )
    verdict: Verdict = attrs.field(
        metadata=doc(
            "How the prediction turned out: came true, partly, did not, not yet due, or "
            "cannot tell (`Verdict`)."
        )
    )
    as_of: pendulum.Date = attrs.field(metadata=doc("The date of judgement (what was known then)."))
    rationale: str = attrs.field(
        validator=nonblank,
        metadata=doc("Why this verdict, in English — what happened, per the evidence."),
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(),
        metadata=doc(
            "The public web pages that show the outcome; at least one for a verdict that "
            "settles the prediction."
        ),
    )
    decided: TimeSpan | None = attrs.field(
        default=None,
        metadata=doc(
            "When the deciding event happened, where there is one (not after *as_of*); "
            "else ``None``."
        ),
    )
    parts_held: str | None = attrs.field(
        default=None,
        metadata=doc("For `Verdict.PARTLY` (and only then): which parts held and which did not."),
    )
    observed: Quantity | None = attrs.field(
        default=None,
        metadata=doc(
            "The figure observed, where the prediction has a `Target` in a unit and one was "
            "found; else ``None``."
        ),
    )
    observed_money: Money | None = attrs.field(
        default=None,
        metadata=doc(
            "The amount observed, where the prediction's `Target` is money and one was "
            "found; else ``None``."
        ),
    )
    observed_basis: str | None = attrs.field(
        default=None,
        validator=optional_nonblank,
        metadata=doc(
            "How the observed figure is measured, where the prediction's `Target` names a "
            "basis (it must be the same: figures on other bases are not compared); else "
            "``None``."
        ),
    )
    judgements: tuple[Judgement, ...] = attrs.field(
        default=(),
        metadata=needed(
            doc(
                "The judges' verdicts: the two blind judgements (``a``, ``b``), then, where "
                "they disagree, the third reading that settled it (``c``). Required; empty "
                "only in files of schema 5 or older."
            ),
            minItems=2,
            maxItems=3,
        ),
    )
    note: str | None = attrs.field(
        default=None,
        metadata=doc(
            "A remark on the judgement, in English (such as a verdict resting only on "
            "aggregators); ``None`` if there is none."
        ),
    )
    added_in: str = attrs.field(kw_only=True, validator=version, metadata=ADDED_IN)
    changed_in: str = attrs.field(
        kw_only=True,
        validator=version,
        metadata=doc(
            "The dataset version the record last changed in (a verdict that changes changes it)."
        ),
    )

    @judgements.validator
    def _judged_twice(
        self, attribute: attrs.Attribute[tuple[Judgement, ...]], judgements: Sequence[Judgement]
    ) -> None:
        if not judgements:
            required(self, attribute, None)
            return
        if len(judgements) not in (2, 3):
            msg = (
                "a verdict needs two blind judgements (and a third reading only where they "
                f"disagree), not {len(judgements)}"
            )
            raise FieldError(attribute.name, msg)
        judges = [j.judge for j in judgements]
        if judges != ["a", "b", "c"][: len(judges)]:
            msg = (
                "the blind judgements are a's and b's, in that order, and a third reading "
                f"is c's, not {judges}"
            )
            raise FieldError(attribute.name, msg)
        first, second = judgements[0].verdict, judgements[1].verdict
        if len(judgements) == 2 and not (first is second and second is self.verdict):
            msg = (
                f"the judges found {first.value} and {second.value}, the verdict is "
                f"{self.verdict.value}: a verdict is what both judges found, or a third "
                "reading settles it"
            )
            raise FieldError(attribute.name, msg)
        if len(judgements) == 3:
            if first is second:
                msg = "a third reading is given only where the two judges disagree"
                raise FieldError(attribute.name, msg)
            if judgements[2].verdict is not self.verdict:
                msg = (
                    f"the third reading found {judgements[2].verdict.value}, the verdict is "
                    f"{self.verdict.value}"
                )
                raise FieldError(attribute.name, msg)
        for judgement in judgements:
            if any(i >= len(self.evidence) for i in judgement.cites):
                msg = (
                    f"judge {judgement.judge} cites evidence {judgement.cites}, but there are "
                    f"{len(self.evidence)} items"
                )
                raise FieldError(attribute.name, msg)

    def __attrs_post_init__(self) -> None:
        if self.verdict.needs_evidence and not self.evidence:
            msg = f"a '{self.verdict.value}' verdict needs at least one evidence item"
            raise ValueError(msg)
        if (self.verdict is Verdict.PARTLY) != (self.parts_held is not None):
            msg = "parts_held is given with a 'partly' verdict, and only then"
            raise ValueError(msg)
        if self.observed is not None and self.observed_money is not None:
            msg = "a resolution observes a quantity or an amount of money, not both"
            raise ValueError(msg)
        if self.decided is not None and self.decided.start > self.as_of:
            msg = f"decided ({self.decided.start}) is after the date of judgement ({self.as_of})"
            raise ValueError(msg)
