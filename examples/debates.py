"""
The debates: who stood where.

    python examples/debates.py

For each debate, the question as written and in English, then every position: the stance,
who holds it (with the affiliation as the document states it) and what they said, in English
and in the original.
"""

from __future__ import annotations

import aiforecasts


def main() -> None:
    dataset = aiforecasts.load()
    for debate in dataset.debates:
        print(f"{debate.question}  —  {debate.question_en}")
        for position in debate.positions:
            speaker = dataset.people.get(position.speaker) if position.speaker else None
            who = speaker.name_en if speaker is not None else position.holder
            where = f" ({position.affiliation})" if position.affiliation else ""
            print(f"  [{position.stance.value:^9}] {who}{where}: {position.summary}")
            print(f"              「{position.excerpt.display}」")
        print()


if __name__ == "__main__":
    main()
