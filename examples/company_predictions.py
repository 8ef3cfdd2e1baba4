"""
Who predicted what about a company, and for when.

    python examples/company_predictions.py [COMPANY]

COMPANY may be any name, alias or script ("Nvidia", "英偉達", "微软"); the default is Nvidia.
Shows each prediction with its horizon and how precisely it is known, who made it, how firmly,
and the original sentence it comes from.
"""

from __future__ import annotations

import sys

import aiforecasts


def main(company: str) -> None:
    dataset = aiforecasts.load()
    found = dataset.companies.lookup(company)
    predictions = dataset.predictions_about(company)
    print(f"{predictions.count()} predictions about {found.name} ({found.name_hans or ''})\n")
    for prediction in predictions:
        people = [dataset.people.get(i) for i in prediction.made_by]
        makers = [p.name_en for p in people if p is not None]
        who = ", ".join(makers) or prediction.attributed_to or f"the source ({prediction.source})"
        horizon = prediction.horizon
        when = f"{horizon.label} ({horizon.precision.label})" if horizon else "no time given"
        print(f"- {prediction.statement}")
        print(f"    when: {when}; by: {who}; {prediction.hedge.value}")
        print(f"    original: {prediction.excerpts[0].display}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "Nvidia")
