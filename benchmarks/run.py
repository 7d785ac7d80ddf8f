"""Benchmarks of gcm-model, reported as ratios against alternatives measured in the same run.

Usage: python benchmarks/run.py [--quick] [--json PATH]

Each measurement that involves start-up cost runs in a fresh interpreter, so
one library's caches never warm another's. What is measured:

* import time: ``import gcm_model`` against ``import pycountry`` (both lazy);
* cold first lookup: the first ``countries.lookup`` (loads pycountry's database
  and the overlay) against pycountry's first ``countries.lookup``;
* warm lookups: by code and by name, against pycountry's ``get`` / ``lookup``;
* warm search: ``countries.search`` against pycountry's ``search_fuzzy``.

The table prints ratios (gcm-model time / alternative time); the JSON file holds
the raw medians too. Timings are never asserted: they are for reading.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import timeit
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"

FRESH = {
    "import gcm_model": "import gcm_model",
    "import pycountry": "import pycountry",
    "first lookup, gcm_model": (
        "import gcm_model; gcm_model.countries.lookup('Republic of Moldova')"
    ),
    "first lookup, pycountry": (
        "import pycountry; pycountry.countries.lookup('Moldova, Republic of')"
    ),
}

WARM = {
    "lookup by code": (
        "countries.lookup('MDA')",
        "pycountry.countries.get(alpha_3='MDA')",
    ),
    "lookup by name": (
        "countries.lookup('Republic of Moldova')",
        "pycountry.countries.lookup('Moldova, Republic of')",
    ),
    "search 'moldova'": (
        "countries.search('moldova')",
        "pycountry.countries.search_fuzzy('moldova')",
    ),
}
WARM_SETUP = (
    "import pycountry; from gcm_model import countries; "
    "countries.lookup('MDA'); countries.search('x'); pycountry.countries.lookup('MDA')"
)


def fresh_time(statement: str, rounds: int) -> float:
    """Median wall time of a statement in a new interpreter, minus the bare start-up."""
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    samples = [
        float(subprocess.check_output([sys.executable, "-c", code], text=True))
        for _ in range(rounds)
    ]
    return statistics.median(samples)


def warm_time(statement: str, number: int, repeat: int) -> float:
    """Median seconds per call of a statement after the setup has warmed every cache."""
    runs = timeit.repeat(statement, setup=WARM_SETUP, number=number, repeat=repeat)
    return statistics.median(runs) / number


def main() -> None:
    """Measure, print a table of ratios and write JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, for a smoke run")
    parser.add_argument("--json", type=Path, default=RESULTS / "registry.json")
    args = parser.parse_args()
    rounds, number, repeat = (3, 50, 3) if args.quick else (11, 500, 7)

    raw = {name: fresh_time(stmt, rounds) for name, stmt in FRESH.items()}
    rows: list[tuple[str, float, float]] = [
        ("import", raw["import gcm_model"], raw["import pycountry"]),
        ("first lookup (cold)", raw["first lookup, gcm_model"], raw["first lookup, pycountry"]),
    ]
    for name, (statement, alternative) in WARM.items():
        rows.append(
            (name, warm_time(statement, number, repeat), warm_time(alternative, number, repeat))
        )

    print(f"{'measure':<22}{'gcm-model':>12}{'pycountry':>12}{'ratio':>8}")
    for name, ours, theirs in rows:
        print(f"{name:<22}{ours * 1e6:>10.1f}us{theirs * 1e6:>10.1f}us{ours / theirs:>8.2f}")

    args.json.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "results": [
            {"measure": n, "gcm_model_s": o, "pycountry_s": t, "ratio": o / t} for n, o, t in rows
        ],
    }
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nratio = gcm-model time / pycountry time; written to {args.json}")


if __name__ == "__main__":
    main()
