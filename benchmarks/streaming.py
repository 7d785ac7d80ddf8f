"""Streaming validation: peak memory and time per record of ``validate(path)`` on JSON Lines.

Usage: python benchmarks/streaming.py [--sizes 10000 100000 300000] [--million]
    [--rounds 3] [--dask 1 2 4] [--csv] [--json PATH]

The file holds copies of the UNECE 2024 example's records (a review, a
meeting, events, participants, reports) in which every id, every reference
to it and the texts carry the copy's number and every date moves by the
copy's number of days, so no record repeats another and no cache keyed by
value helps (``_records.py``).
Each measure runs in a child process of its own, with the garbage collector
on: the peak resident memory above the interpreter with gcm-model imported
(``VmHWM``, which, unlike ``getrusage``'s figure, does not count the
parent's memory at the fork), and the CPU time per record
(``time.process_time``, the fairer clock on a shared machine; the wall time
is kept too), of a plain
``read_jsonl`` pass and of ``validate(path)``. The two alternate over
``--rounds`` rounds and each figure is the median. ``--million`` adds a
file of one million records (about 1 GB; some minutes). With ``--dask``,
``validate_bag`` runs on a local ``dask.distributed`` cluster of that many
single-threaded worker processes, over the file cut into eight parts. With
``--csv``, the same records are written as CSV tables (``write_csv``) and
``read_csv``, ``validate`` (which reads tables as written a record at a
time) and ``validate`` reading them whole (as before it streamed) are
measured the same way. The figures go to ``--json`` (benchmarks/results/streaming.json by default),
which ``scripts/update_performance_plot.py`` draws. Nothing is asserted: the
figures are for reading (``docs/performance.md``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from _records import copies

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"

_CHILD = r"""
import gc, json, resource, sys, time
from pathlib import Path
gc.enable()
import gcm_model
from gcm_model.converters import read_jsonl
gcm_model.validate(b'{"schema_version": "1.0"}')  # warm the lazy imports and the catalogue
def status(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
def rss():
    # VmHWM, not getrusage: ru_maxrss survives exec and counts the parent's memory at the fork.
    return status("VmHWM:")
def now():
    return status("VmRSS:")
base = now()
path = Path(sys.argv[2])
start, cpu = time.perf_counter(), time.process_time()
issues = 0
if sys.argv[1] == "read":
    with path.open("rb") as handle:
        records = sum(1 for _ in read_jsonl(handle))
elif sys.argv[1] == "read-csv":
    from gcm_model.tabular import read_csv
    from gcm_model.models.dataset import COLLECTIONS
    data = read_csv(path)
    records = sum(len(getattr(data, name)) for name in COLLECTIONS)
elif sys.argv[1] == "validate-whole":  # CSV tables read whole, as before they streamed
    import gcm_model.tabular
    gcm_model.tabular._stream_document = lambda _: None
    report = gcm_model.validate(path)
    records, issues = report.records, len(report.issues)
else:
    report = gcm_model.validate(path)
    records, issues = report.records, len(report.issues)
took, cpu = time.perf_counter() - start, time.process_time() - cpu
print(json.dumps({"records": records, "issues": issues, "seconds": took, "cpu": cpu,
                  "base_mib": base, "peak_mib": rss()}))
"""

_DASK = r"""
import json, sys, time
from distributed import Client, LocalCluster
from gcm_model.dask import validate_bag
workers = int(sys.argv[1])
with LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=":0") as cluster:
    with Client(cluster):
        start = time.perf_counter()
        report = validate_bag(sys.argv[2:])
        took = time.perf_counter() - start
print(json.dumps({"records": report.records, "seconds": took}))
"""


def _write(path: Path, lines: list[str]) -> None:
    """The lines to a file, a line at a time: at 1,000,000 records, not a 1 GB string or two."""
    with path.open("w", encoding="utf-8") as handle:
        handle.writelines(f"{line}\n" for line in lines)


def _child(code: str, *args: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, capture_output=True, text=True
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def _measure(path: Path, size: int, rounds: int) -> dict[str, float]:
    """Read and validate the file in alternating child processes; the medians of the rounds."""
    reads: list[dict[str, float]] = []
    checks: list[dict[str, float]] = []
    for _ in range(rounds):
        reads.append(_child(_CHILD, "read", str(path)))
        checks.append(_child(_CHILD, "validate", str(path)))
    above = [c["peak_mib"] - c["base_mib"] for c in checks]
    return {
        "records": size,
        "issues": checks[0]["issues"],
        "read_us": _median(reads, "cpu") / size * 1e6,
        "validate_us": _median(checks, "cpu") / size * 1e6,
        "read_wall_us": _median(reads, "seconds") / size * 1e6,
        "validate_wall_us": _median(checks, "seconds") / size * 1e6,
        "read_mib": statistics.median(r["peak_mib"] - r["base_mib"] for r in reads),
        "validate_mib": statistics.median(above),
    }


def _measure_csv(folder: Path, size: int, rounds: int) -> dict[str, float]:
    """Read (``read_csv``) and validate the tables, a record at a time and whole; the medians."""
    runs: dict[str, list[dict[str, float]]] = {"read-csv": [], "validate": [], "validate-whole": []}
    for _ in range(rounds):
        for mode, measured in runs.items():
            measured.append(_child(_CHILD, mode, str(folder)))
    found: dict[str, float] = {"records": size, "issues": runs["validate"][0]["issues"]}
    for mode, key in (("read-csv", "read"), ("validate", "validate"), ("validate-whole", "whole")):
        found[f"{key}_us"] = _median(runs[mode], "cpu") / size * 1e6
        found[f"{key}_wall_us"] = _median(runs[mode], "seconds") / size * 1e6
        found[f"{key}_mib"] = statistics.median(r["peak_mib"] - r["base_mib"] for r in runs[mode])
    return found


def _csv(lines: list[str], folder: Path) -> Path:
    """The records of the lines as CSV tables (``write_csv``)."""
    from gcm_model.converters import load_jsonl  # noqa: PLC0415 - the parent writes the tables
    from gcm_model.tabular import write_csv  # noqa: PLC0415

    tables = folder / "tables"
    write_csv(load_jsonl(lines), tables)
    return tables


def _dask(lines: list[str], folder: Path, size: int, workers: list[int]) -> dict[str, float]:
    """``validate_bag`` over the file cut into eight parts, on 1, 2, 4... local workers."""
    parts = []
    step = -(-(len(lines) - 1) // 8)
    for n in range(8):
        part = folder / f"part-{size}-{n}.jsonl"
        _write(part, [lines[0], *lines[1 + n * step : 1 + (n + 1) * step]])
        parts.append(str(part))
    found = {str(w): _child(_DASK, str(w), *parts)["seconds"] for w in workers}
    for name in parts:
        Path(name).unlink()
    return found


def _print_csv(found: dict[str, float]) -> None:
    """The line of the CSV tables: read_csv, validate a record at a time, validate whole."""
    size = found["records"]
    print(
        f"|   CSV tables | read_csv {found['read_us']:.1f} µs, {found['read_mib']:.1f} MiB "
        f"| validate {found['validate_us']:.1f} µs, {found['validate_mib']:.1f} MiB "
        f"({found['validate_mib'] * 1024 * 1024 / size:,.0f} B/record) "
        f"| read whole {found['whole_us']:.1f} µs, {found['whole_mib']:.1f} MiB |"
    )


def main() -> None:
    """Write the files, measure each size in child processes, print a table and save JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 300_000])
    parser.add_argument("--million", action="store_true", help="add a file of 1M records")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dask", type=int, nargs="*", default=[], metavar="WORKERS")
    parser.add_argument(
        "--csv", action="store_true", help="the same records as CSV tables (write_csv) too"
    )
    parser.add_argument(
        "--json", type=Path, default=ROOT / "benchmarks" / "results" / "streaming.json"
    )
    args = parser.parse_args()
    sizes = [*args.sizes, *([1_000_000] if args.million else [])]
    today = dt.datetime.now(dt.UTC).date()
    machine = (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load {os.getloadavg()[0]:.1f}"
    )
    print(f"{machine}, {today}")
    print(
        "| records | issues | read_jsonl µs/record | validate µs/record | ratio "
        "| read_jsonl peak above import | validate peak above import | per record |"
    )
    print("|---|---|---|---|---|---|---|---|")
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as name:
        for size in sizes:
            path = Path(name) / f"data-{size}.jsonl"
            lines = copies(size)
            _write(path, lines)
            rounds = args.rounds if size <= 100_000 else 1  # a large file's run is long already
            found: dict[str, Any] = _measure(path, size, rounds)
            path.unlink()
            print(
                f"| {size:,} | {found['issues']:,} | {found['read_us']:.1f} "
                f"| {found['validate_us']:.1f} | {found['validate_us'] / found['read_us']:.2f} "
                f"| {found['read_mib']:.1f} MiB | {found['validate_mib']:.1f} MiB "
                f"| {found['validate_mib'] * 1024 * 1024 / size:,.0f} B |"
            )
            if args.csv:
                found["csv"] = _measure_csv(_csv(lines, Path(name) / str(size)), size, rounds)
                shutil.rmtree(Path(name) / str(size))
                _print_csv(found["csv"])
            if args.dask:
                found["dask_seconds"] = _dask(lines, Path(name), size, args.dask)
                for workers, seconds in found["dask_seconds"].items():
                    print(f"|   dask, {workers} worker(s), 8 parts | {seconds:.1f} s |")
            results.append(found)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps({"machine": machine, "date": str(today), "sizes": results}, indent=2) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
