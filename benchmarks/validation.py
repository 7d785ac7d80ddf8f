"""Validation scaling: time and memory to validate 1,000 / 10,000 / 100,000 records.

Usage: python benchmarks/validation.py [--sizes 1000 10000 100000] [--rounds 3] [--quick]
    [--json PATH]

The records are distinct copies of the UNECE 2024 example's records
(``_records.py``: every id, reference, text and date differs from copy to
copy, and every reference resolves), validated in this process as a typed
``Dataset`` held in memory (built by ``load_jsonl`` before the clock starts)
and as the JSON Lines file they are read from (``validate(path)``).

Time: the two alternate over ``--rounds`` rounds, with the garbage collector
on and nothing traced; each figure is the median CPU time
(``time.process_time``, the fairer clock on a shared machine; the wall time
is kept in the JSON file) per record, and its growth against the smallest
size (1.0 means linear; O(N log N) allows a slow rise). Memory: a separate
pass under ``tracemalloc``, which slows what it traces several times over:
the peak of what ``validate`` allocates (the typed dataset, built before, is
not counted). Timings are never asserted; they are for reading. The whole
run takes a few minutes at the default sizes; ``benchmarks/streaming.py``
measures the peak resident memory of ``validate(path)`` up to 1,000,000
records.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import gcm_model
from _records import copies
from gcm_model.converters import load_jsonl

if TYPE_CHECKING:
    from collections.abc import Callable

RESULTS = Path(__file__).resolve().parent / "results"

T = TypeVar("T")


def timed(function: Callable[[], object]) -> tuple[float, float]:
    """CPU and wall seconds of one call, the garbage collector on, nothing traced."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return time.process_time() - cpu, time.perf_counter() - wall


def traced_peak(function: Callable[[], T]) -> tuple[float, T]:
    """Peak MiB that one call allocates, under tracemalloc (a pass of its own, not timed).

    Returns:
        The peak and what the call returned.
    """
    gc.collect()
    tracemalloc.start()
    try:
        returned = function()
        return tracemalloc.get_traced_memory()[1] / 2**20, returned
    finally:
        tracemalloc.stop()


def measure(size: int, rounds: int, folder: Path) -> dict[str, float]:
    """Time and trace validate on ``size`` records, typed and as a JSON Lines file."""
    lines = copies(size)
    path = folder / f"records-{size}.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dataset = load_jsonl(lines)
    del lines
    forms: dict[str, Callable[[], gcm_model.ValidationReport]] = {
        "typed": lambda: gcm_model.validate(dataset),
        "jsonl": lambda: gcm_model.validate(path),
    }
    runs: dict[str, list[tuple[float, float]]] = {form: [] for form in forms}
    for _ in range(rounds):
        for form, function in forms.items():
            runs[form].append(timed(function))
    found: dict[str, float] = {"records": size}
    for form, function in forms.items():
        found[f"{form}_cpu_s"] = statistics.median(cpu for cpu, _ in runs[form])
        found[f"{form}_s"] = statistics.median(wall for _, wall in runs[form])
        found[f"{form}_peak_mib"], report = traced_peak(function)
    found["issues"] = len(report.issues)  # the file's: the copy cut short at the end dangles
    path.unlink()
    return found


def main() -> None:
    """Measure at each size, print the table and write JSON."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="1,000 and 5,000 records, one round")
    parser.add_argument("--json", type=Path, default=RESULTS / "validation.json")
    args = parser.parse_args()
    sizes, rounds = ([1_000, 5_000], 1) if args.quick else (args.sizes, args.rounds)
    gc.enable()
    print(
        f"{'records':>8}{'issues':>8}{'typed µs/rec':>14}{'growth':>8}{'peak MiB':>10}"
        f"{'JSONL µs/rec':>14}{'growth':>8}{'peak MiB':>10}",
        flush=True,
    )
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        measure(500, 1, Path(folder))  # warm up: lazy imports, the catalogue, the decoders
        for size in sizes:
            row = measure(size, rounds, Path(folder))
            rows.append(row)
            first = rows[0]
            typed, streamed = row["typed_cpu_s"] / size, row["jsonl_cpu_s"] / size
            print(
                f"{size:>8,}{row['issues']:>8,.0f}{typed * 1e6:>14.1f}"
                f"{typed / (first['typed_cpu_s'] / first['records']):>8.2f}"
                f"{row['typed_peak_mib']:>10.1f}{streamed * 1e6:>14.1f}"
                f"{streamed / (first['jsonl_cpu_s'] / first['records']):>8.2f}"
                f"{row['jsonl_peak_mib']:>10.1f}",
                flush=True,
            )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    report = {"python": platform.python_version(), "machine": platform.machine(), "results": rows}
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(
        f"\nCPU time per record, median of {rounds} round(s); growth = time per record / time "
        f"per record at {sizes[0]:,}; peak MiB traced in a separate pass; written to {args.json}"
    )


if __name__ == "__main__":
    main()
