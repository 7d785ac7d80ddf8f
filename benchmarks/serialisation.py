"""Serialisation benchmarks: decode, encode and bulk JSON Lines, as ratios in one run.

Usage: python benchmarks/serialisation.py [--quick] [--records N] [--json PATH]

The record is the UNECE 2024 meeting of examples/unece_2024.py (its agenda,
venue, co-chairs and times). Each figure is a median over repeats, and is
reported as a ratio against alternatives measured in the same run:

* decode: ``gcm_model.loads(bytes, Meeting)`` against the floor
  ``orjson.loads`` (plain dicts, no types, no checks) and ``json.loads``;
* encode: ``gcm_model.dumps(meeting)`` against ``orjson.dumps`` of the plain
  dict and ``json.dumps``;
* error path: a document with three problems, decoded in detail;
* bulk: N meeting lines of JSON Lines read with ``read_jsonl``, against
  ``orjson.loads`` line by line, with the peak traced memory of each, at N and
  at N/4 to show whether memory stays flat as the file grows.

Timings are never asserted; they are for reading.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import io
import json
import platform
import statistics
import timeit
import tracemalloc
from pathlib import Path
from typing import Any

import orjson

import gcm_model
from gcm_model import Meeting
from gcm_model.converters import JsonLinesWriter, read_jsonl

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def the_meeting() -> Meeting:
    """The UNECE 2024 meeting built by the example script."""
    spec = importlib.util.spec_from_file_location("unece_2024", ROOT / "examples" / "unece_2024.py")
    if spec is None or spec.loader is None:
        raise SystemExit("cannot load examples/unece_2024.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    dataset: gcm_model.Dataset = module.build()
    (meeting,) = dataset.meetings
    return meeting


def per_call(function: Any, number: int, repeat: int) -> float:
    """Median seconds per call."""
    return statistics.median(timeit.repeat(function, number=number, repeat=repeat)) / number


def bulk(lines: list[bytes], reader: Any) -> tuple[float, int]:
    """Seconds to read every line with ``reader``, then its peak traced bytes in a second pass.

    The records are not kept, so the peak shows what reading itself holds.
    """
    gc.collect()
    start = timeit.default_timer()
    count = sum(1 for _ in reader(lines))
    seconds = timeit.default_timer() - start
    if count < len(lines):
        raise SystemExit("a reader lost lines")
    tracemalloc.start()
    for _ in reader(lines):
        pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, peak


def main() -> None:
    """Measure, print a table and write JSON."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, for a smoke run")
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--json", type=Path, default=RESULTS / "serialisation.json")
    args = parser.parse_args()
    number, repeat = (100, 3) if args.quick else (1000, 7)
    records = 2_000 if args.quick else args.records

    meeting = the_meeting()
    data = gcm_model.dumps(meeting)
    plain = orjson.loads(data)
    broken = dict(plain, co_chairs=["ESP", 3], start="11 March 2024", surplus=1)
    broken_bytes = orjson.dumps(broken)

    def decode_error() -> None:
        try:
            gcm_model.loads(broken_bytes, Meeting)
        except gcm_model.DocumentError:
            return
        raise SystemExit("the broken document loaded")

    rows: list[tuple[str, float, dict[str, float]]] = [
        (
            "decode a meeting",
            per_call(lambda: gcm_model.loads(data, Meeting), number, repeat),
            {
                "orjson.loads": per_call(lambda: orjson.loads(data), number, repeat),
                "json.loads": per_call(lambda: json.loads(data), number, repeat),
            },
        ),
        (
            "encode a meeting",
            per_call(lambda: gcm_model.dumps(meeting), number, repeat),
            {
                "orjson.dumps": per_call(lambda: orjson.dumps(plain), number, repeat),
                "json.dumps": per_call(lambda: json.dumps(plain), number, repeat),
            },
        ),
        (
            "decode with 3 errors",
            per_call(decode_error, number // 10, repeat),
            {"orjson.loads": per_call(lambda: orjson.loads(broken_bytes), number, repeat)},
        ),
    ]

    memory: dict[str, dict[str, float]] = {}
    for size in (records // 4, records):
        buffer = io.BytesIO()
        with JsonLinesWriter(buffer) as writer:
            for index in range(size):
                writer.write(meeting.evolve(id=f"meeting-{index}"))
        lines = buffer.getvalue().splitlines(keepends=True)
        ours, our_peak = bulk(lines, read_jsonl)
        floor, floor_peak = bulk(lines, lambda ls: (orjson.loads(line) for line in ls))
        rows.append(
            (f"bulk JSON Lines, per line ({size:,})", ours / size, {"orjson.loads": floor / size})
        )
        memory[f"{size}"] = {
            "gcm_model_peak_mib": our_peak / 2**20,
            "orjson_peak_mib": floor_peak / 2**20,
        }

    print(f"{'measure':<30}{'gcm-model':>14}   ratios")
    for name, ours, others in rows:
        ratios = ", ".join(f"/ {k} {ours / v:.1f}" for k, v in others.items())
        print(f"{name:<30}{ours * 1e6:>12.1f}us   {ratios}")
    for size, peaks in memory.items():
        ours_mib, floor_mib = peaks["gcm_model_peak_mib"], peaks["orjson_peak_mib"]
        print(
            f"peak memory reading {int(size):,} lines: gcm-model {ours_mib:.1f} MiB, "
            f"orjson {floor_mib:.1f} MiB (records not kept)"
        )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "record_bytes": len(data),
        "results": [
            {"measure": n, "gcm_model_s": o, **{f"{k}_s": v for k, v in others.items()}}
            for n, o, others in rows
        ],
        "memory": memory,
    }
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nratio = gcm-model time / alternative time; {len(data):,}-byte record")
    print(f"written to {args.json}")


if __name__ == "__main__":
    main()
