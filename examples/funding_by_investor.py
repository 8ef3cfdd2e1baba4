"""
Total funding by investor, with "up to" and undisclosed amounts kept as bounds.

    python examples/funding_by_investor.py

Prints each investor's total as a range (at least … at most), the rounds counted, and the
figures left out of the sum (cumulative "so far" totals, failed or attempted raises).
"""

from __future__ import annotations

import aiforecasts


def main() -> None:
    dataset = aiforecasts.load()
    for investor, total in dataset.funding_totals(by="investor").items():
        record = dataset.get(investor)
        name = getattr(record, "name", investor)
        print(f"{name:<30} {total}")
        for round_id in total.counted:
            round_ = dataset.funding_rounds.get(round_id)
            if round_ is not None:
                print(f"    {round_.statement}")
        if total.excluded:
            print(f"    not summed: {', '.join(total.excluded)}")


if __name__ == "__main__":
    main()
