"""
Quickstart: load the bundled dataset, count its records, and look at one of each kind.

Run it with ``python examples/quickstart.py``.
"""

from __future__ import annotations

import aiforecasts


def main() -> None:
    dataset = aiforecasts.load()
    print(f"aiforecasts {aiforecasts.__version__}, dataset {dataset.dataset_version}")
    for name, count in dataset.counts().items():
        print(f"{name:>15}: {count}")

    for prediction in dataset.predictions[:3]:
        print(f"\n{prediction.id}: {prediction.statement}")
        horizon = prediction.horizon
        if horizon is not None:
            print(f"  horizon: {horizon} (known to the {horizon.precision.label})")
        print(f"  original: {prediction.excerpts[0].display}")


if __name__ == "__main__":
    main()
