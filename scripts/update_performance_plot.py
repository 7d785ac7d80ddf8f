"""Draw the performance page's picture: memory and time of streaming validation by size.

Usage: python scripts/update_performance_plot.py [RESULTS] [IMAGE]
    (default: benchmarks/results/streaming.json, docs/images/streaming.png)

Reads what ``benchmarks/streaming.py`` wrote and draws, against the number of
records, the peak memory above the import and the CPU time per record of a
plain ``read_jsonl`` pass and of ``validate(path)``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import matplotlib as mpl

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    """Write the picture from the latest streaming benchmark's figures."""
    mpl.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415 - after choosing the backend

    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "benchmarks/results/streaming.json"
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "docs/images/streaming.png"
    run = json.loads(source.read_text(encoding="utf-8"))
    sizes = run["sizes"]
    records = [s["records"] for s in sizes]
    figure, (memory, time) = plt.subplots(1, 2, figsize=(10, 4))
    memory.plot(records, [s["validate_mib"] for s in sizes], "o-", label="validate(path)")
    memory.plot(records, [s["read_mib"] for s in sizes], "s--", label="read_jsonl")
    memory.axhline(120, color="grey", linewidth=0.8, linestyle=":", label="120 MiB")
    memory.set(xscale="log", yscale="log", xlabel="records", ylabel="peak MiB above the import")
    memory.set_title("Peak memory (grows linearly: slope 1 on log axes)")
    time.plot(records, [s["validate_us"] for s in sizes], "o-", label="validate(path)")
    time.plot(records, [s["read_us"] for s in sizes], "s--", label="read_jsonl")
    time.plot(
        records, [2.5 * s["read_us"] for s in sizes], ":", color="grey", label="2.5 x read_jsonl"
    )
    time.set(xscale="log", xlabel="records", ylabel="CPU µs per record", ylim=(0, None))
    time.set_title("Time per record")
    for axes in (memory, time):
        axes.legend(fontsize="small")
        axes.grid(alpha=0.3)
    figure.suptitle(f"JSON Lines of distinct records, {run['date']}: {run['machine']}", fontsize=9)
    figure.tight_layout()
    target.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(target, dpi=90, metadata={"Software": None})  # no version in the bytes
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
