"""
Where the five documents disagree.

    python examples/disagreements.py

Each pair of claims from different documents that cannot both be true as stated
(`Dataset.contradictions`): what each document says, in English and in the original, and the
curators' note on how they differ.
"""

from __future__ import annotations

import aiforecasts


def main() -> None:
    dataset = aiforecasts.load()
    pairs = dataset.contradictions()
    print(f"{len(pairs)} places where the documents disagree\n")
    for first, second in pairs:
        for record in (first, second):
            source = dataset.sources.get(record.excerpts[0].source)
            title = source.title_en if source is not None else record.excerpts[0].source
            print(f"{title}:")
            print(f"  {record.statement}")
            print(f"  「{' … '.join(e.display for e in record.excerpts)}」")
        print(f"  note: {first.note}\n")


if __name__ == "__main__":
    main()
