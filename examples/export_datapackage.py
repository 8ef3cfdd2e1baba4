"""
Export the dataset as a Frictionless Data Package.

    python examples/export_datapackage.py [FOLDER]

Writes one CSV table per kind of record and a ``datapackage.json`` describing them (types,
primary and foreign keys, licence, sources) to FOLDER (default ``aiforecasts-package``), which
must not exist yet or be empty: nothing is overwritten.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import aiforecasts


def main(folder: Path) -> None:
    written = aiforecasts.write(aiforecasts.load(), folder, format="datapackage")
    descriptor = json.loads((written / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        rows = (written / resource["path"]).read_text(encoding="utf-8").count("\n") - 1
        keys = len(resource["schema"].get("foreignKeys", []))
        print(f"{resource['path']:<22} {rows:>4} rows, {keys} foreign keys")
    print(f"\n{written / 'datapackage.json'}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "aiforecasts-package"))
