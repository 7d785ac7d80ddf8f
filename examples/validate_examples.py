"""Validate the bundled review datasets and print the reports (what `make demo` runs).

Run it with ``python examples/validate_examples.py [PROFILE]``. It checks every
dataset in ``examples/data/``: the four built from the sources, which are valid
(their warnings say what the sources leave unsaid), and ``flawed_unece_2024.json``,
a copy of the UNECE 2024 review with deliberate mistakes, which is not.
"""

from __future__ import annotations

import sys
from pathlib import Path

import gcm_model

DATA = Path(__file__).resolve().parent / "data"


def main() -> None:
    """Validate each bundled dataset and print its report."""
    profile = sys.argv[1] if len(sys.argv) > 1 else "default"
    print(f"gcm-model {gcm_model.__version__}: validating {DATA.name}/ with profile {profile!r}\n")
    for path in sorted(DATA.glob("*.json")):
        shown = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
        report = gcm_model.validate(shown, profile=profile)
        print(f"== {path.name}")
        print(report.to_text(per_rule=3))
        print()


if __name__ == "__main__":
    main()
