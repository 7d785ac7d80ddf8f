"""Draw the pictures the docs show: the UNECE 2024 review's timeline and objective coverage.

Usage: python scripts/update_plots.py [FOLDER]   (default: docs/images)
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib as mpl

import gcm_model
from gcm_model import plot

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    """Write ``unece-2024-timeline.png`` and ``unece-2024-coverage.png``."""
    mpl.use("Agg")
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "images"
    folder.mkdir(parents=True, exist_ok=True)
    dataset = gcm_model.load(ROOT / "examples" / "data" / "unece_2024.json")
    for name, draw in (("timeline", plot.timeline), ("coverage", plot.coverage)):
        figure = draw(dataset).get_figure(root=True)
        if figure is None:
            raise SystemExit(f"the {name} picture has no figure")
        target = folder / f"unece-2024-{name}.png"
        figure.savefig(target, dpi=90, metadata={"Software": None})  # no version in the bytes
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
