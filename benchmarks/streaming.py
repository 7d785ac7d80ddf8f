"""Streaming validation: peak memory and time per record of ``validate(path)`` on JSON Lines.

Usage: python benchmarks/streaming.py [--sizes 10000 100000 300000] [--dask 1 2 4]

The file holds copies of the UNECE 2024 example's records (a review, a
meeting, events, participants, reports) in which every id, every reference
to it and the texts carry the copy's number and the dates move by month, so
no record repeats another and no cache keyed by value helps. Each measure
runs in a child process of its own, with the garbage collector on: the peak
resident memory above the interpreter with gcm-model imported (from
``getrusage``), and the time per record, of a plain ``read_jsonl`` pass and of
``validate(path)``. With ``--dask``, ``validate_bag`` runs on a local
``dask.distributed`` cluster of that many single-threaded worker processes,
over the file cut into eight parts. Nothing is asserted: the figures are for
reading (``docs/performance.md``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import platform
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import gc, json, resource, sys, time
from pathlib import Path
gc.enable()
import gcm_model
from gcm_model.converters import read_jsonl
gcm_model.validate(b'{"schema_version": "1.0"}')  # warm the lazy imports and the catalogue
def rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
def now():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return rss()
base = now()
path = Path(sys.argv[2])
start = time.perf_counter()
if sys.argv[1] == "read":
    with path.open("rb") as handle:
        records = sum(1 for _ in read_jsonl(handle))
else:
    records = gcm_model.validate(path).records
took = time.perf_counter() - start
print(json.dumps({"records": records, "seconds": took, "base_mib": base, "peak_mib": rss()}))
"""

_DASK = r"""
import json, sys, time
from distributed import Client, LocalCluster
from gcm_model.dask import validate_bag
workers = int(sys.argv[1])
with LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster:
    with Client(cluster):
        start = time.perf_counter()
        report = validate_bag(sys.argv[2:])
        took = time.perf_counter() - start
print(json.dumps({"records": report.records, "seconds": took}))
"""


def _renamed(match: re.Match[str], *, copy: int) -> str:
    """A quoted id with the copy's number."""
    return f'{match.group(0)[:-1]}-{copy}"'


def _copies(count: int) -> list[str]:
    """Lines of ``count`` records at least, every one distinct."""
    import gcm_model  # noqa: PLC0415 - the parent needs it only to write the file
    from gcm_model.converters import dumps_jsonl  # noqa: PLC0415

    example = gcm_model.load(ROOT / "examples" / "data" / "unece_2024.json")
    header, *body = dumps_jsonl(example).decode().splitlines()
    ids = sorted(set(re.findall(r'"id":"([^"]+)"', "\n".join(body))), key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(f'"{i}"') for i in ids))
    months = (1, 3, 5, 7, 8, 10, 12)  # months of 31 days: every day of the example exists
    lines = [header]
    copy = 0
    while len(lines) - 1 < count:
        block = pattern.sub(functools.partial(_renamed, copy=copy), "\n".join(body))
        block = re.sub(r'"(title|name|text|summary)":"', rf'"\1":"{copy} ', block)
        month = months[copy % len(months)]
        block = re.sub(r'"2024-0[1-4]-', f'"2024-{month:02d}-', block)
        lines.extend(block.splitlines())
        copy += 1
    return lines[: count + 1]


def _child(code: str, *args: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, capture_output=True, text=True
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    """Write the files, measure each size in child processes and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--dask", type=int, nargs="*", default=[], metavar="WORKERS")
    args = parser.parse_args()
    today = dt.datetime.now(dt.UTC).date()
    print(f"{platform.processor() or platform.machine()}, {platform.python_version()}, {today}")
    print(
        "| records | read_jsonl µs/record | validate µs/record | ratio "
        "| read_jsonl peak above import | validate peak above import | per record |"
    )
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as name:
        for size in args.sizes:
            path = Path(name) / f"data-{size}.jsonl"
            lines = _copies(size)
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            read = _child(_CHILD, "read", str(path))
            checked = _child(_CHILD, "validate", str(path))
            per_read = read["seconds"] / size * 1e6
            per_check = checked["seconds"] / size * 1e6
            above_read = read["peak_mib"] - read["base_mib"]
            above = checked["peak_mib"] - checked["base_mib"]
            print(
                f"| {size:,} | {per_read:.1f} | {per_check:.1f} | {per_check / per_read:.2f} | "
                f"{above_read:.1f} MiB | {above:.1f} MiB | {above * 1024 * 1024 / size:,.0f} B |"
            )
            if args.dask:
                parts = []
                step = -(-(len(lines) - 1) // 8)
                for n in range(8):
                    part = Path(name) / f"part-{size}-{n}.jsonl"
                    part.write_text(
                        "\n".join([lines[0], *lines[1 + n * step : 1 + (n + 1) * step]]) + "\n",
                        encoding="utf-8",
                    )
                    parts.append(str(part))
                for workers in args.dask:
                    found = _child(_DASK, str(workers), *parts)
                    print(
                        f"|   dask, {workers} worker(s), 8 parts | {found['seconds']:.1f} s "
                        f"| {found['seconds'] / size * 1e6:.1f} µs/record |"
                    )
            path.unlink()


if __name__ == "__main__":
    main()
