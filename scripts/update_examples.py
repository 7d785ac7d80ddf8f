"""Write the example datasets as JSON documents in examples/data/, from their scripts.

Usage: python scripts/update_examples.py

Each examples/NAME.py builds a dataset; examples/data/NAME.json holds the
same dataset in canonical JSON. tests/test_example_datasets.py fails while the
files and the scripts disagree.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from gcm_model import dump

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NAMES = ("unece_2024", "unece_2020", "second_round")


def main() -> None:
    """Build each example and write its JSON document."""
    for name in NAMES:
        spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
        if spec is None or spec.loader is None:
            raise SystemExit(f"cannot load examples/{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        target = EXAMPLES / "data" / f"{name}.json"
        dump(module.build(), target)
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
