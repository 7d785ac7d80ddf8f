"""Validation scaling: time and memory to validate 1,000 / 10,000 / 100,000 records.

Usage: python benchmarks/validation.py [--quick] [--json PATH]

The records are copies of the UNECE 2024 example's meeting (its agenda
included) and participants with new ids, half meetings and half participants,
validated as a typed ``Dataset`` and as JSON Lines bytes. The table reports
the time per record at each size and its growth against the smallest size
(1.0 means linear; O(N log N) allows a slow rise), and the peak traced memory.
Timings are never asserted; they are for reading.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import platform
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

import gcm_model
from gcm_model.converters import dump_jsonl

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def example() -> gcm_model.Dataset:
    """The UNECE 2024 example dataset."""
    spec = importlib.util.spec_from_file_location("unece_2024", ROOT / "examples" / "unece_2024.py")
    if spec is None or spec.loader is None:
        raise SystemExit("cannot load examples/unece_2024.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built: gcm_model.Dataset = module.build()
    return built


def grown(base: gcm_model.Dataset, records: int) -> gcm_model.Dataset:
    """A dataset of ``records`` records: copies of the example's meeting and participants."""
    meeting = base.meetings[0]
    people = base.participants
    half = records // 2
    meetings = [meeting.evolve(id=f"meeting-{i}") for i in range(half)]
    participants = [
        people[i % len(people)].evolve(id=f"person-{i}", organisation=None)
        for i in range(records - half)
    ]
    return base.evolve(meetings=meetings, participants=participants, reports=(), events=())


def measure(function: Any) -> tuple[float, float]:
    """Seconds and peak traced MiB of one call (time measured without tracing)."""
    gc.collect()
    start = time.perf_counter()
    function()
    seconds = time.perf_counter() - start
    gc.collect()
    tracemalloc.start()
    function()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return seconds, peak


def main() -> None:
    """Measure at each size, print the table and write JSON."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 and 5,000 records only")
    parser.add_argument("--json", type=Path, default=RESULTS / "validation.json")
    args = parser.parse_args()
    sizes = (1_000, 5_000) if args.quick else (1_000, 10_000, 100_000)
    base = example()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            dataset = grown(base, size)
            path = Path(folder) / f"records-{size}.jsonl"
            dump_jsonl(dataset, path)
            typed, typed_peak = measure(lambda d=dataset: gcm_model.validate(d))
            streamed, streamed_peak = measure(lambda p=path: gcm_model.validate(p))
            rows.append((size, typed, typed_peak, streamed, streamed_peak))
    first = rows[0]
    print(
        f"{'records':>8}{'typed us/rec':>14}{'growth':>8}{'peak MiB':>10}"
        f"{'JSONL us/rec':>14}{'growth':>8}{'peak MiB':>10}"
    )
    for size, typed, typed_peak, streamed, streamed_peak in rows:
        print(
            f"{size:>8,}{typed / size * 1e6:>14.1f}{(typed / size) / (first[1] / first[0]):>8.2f}"
            f"{typed_peak:>10.1f}{streamed / size * 1e6:>14.1f}"
            f"{(streamed / size) / (first[3] / first[0]):>8.2f}{streamed_peak:>10.1f}"
        )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "results": [
            {
                "records": size,
                "typed_s": typed,
                "typed_peak_mib": typed_peak,
                "jsonl_s": streamed,
                "jsonl_peak_mib": streamed_peak,
            }
            for size, typed, typed_peak, streamed, streamed_peak in rows
        ],
    }
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\ngrowth = time per record / time per record at {first[0]:,}; written to {args.json}")


if __name__ == "__main__":
    main()
