"""Run every script in examples/ as a user would, in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.py"))


def test_there_are_examples() -> None:
    """The examples folder is not empty."""
    assert EXAMPLES


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_runs_cleanly(script: Path) -> None:
    """Each example exits 0, prints something and writes nothing to stderr."""
    result = subprocess.run(
        [sys.executable, "-W", "error", str(script)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.strip()


def test_reference_tour_shows_the_facts() -> None:
    """The demo prints the facts it promises, computed by the library."""
    script = next(p for p in EXAMPLES if p.name == "reference_tour.py")
    out = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=True
    ).stdout
    assert "11: Manage borders in an integrated, secure and coordinated manner" in out
    assert "ESCAP  Asia-Pacific                 53 members + 9 associate members" in out
    assert "Türkiye (TUR): ECE, ESCAP, ECLAC" in out
    assert "did you mean 'ESCWA'" in out
    assert "resolution 1244 (1999)" in out


def test_validate_examples_prints_a_report_per_dataset() -> None:
    """The demo validates each bundled dataset; only the flawed one is invalid."""
    script = next(p for p in EXAMPLES if p.name == "validate_examples.py")
    out = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=True
    ).stdout
    assert out.count("== ") == 5
    assert out.count("INVALID") == 1
    assert "did you mean 'venue'" in out
