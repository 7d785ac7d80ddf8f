"""Run the shell commands of the docs' command-line page, so that they never go stale."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import gcm_model
from gcm_model.converters import dump_jsonl
from gcm_model.tabular import write_csv

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "cli.md"
BLOCK = re.compile(r"```sh\n(.*?)```", re.DOTALL)


def commands() -> list[str]:
    """The gcm-model command lines of the sh blocks of docs/cli.md, in order."""
    found = []
    for block in BLOCK.findall(PAGE.read_text(encoding="utf-8")):
        for line in block.splitlines():
            line = line.split("  #", 1)[0].strip()  # noqa: PLW2901 - drop trailing comments
            if line.startswith("gcm-model"):
                found.append(line)
    return found


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the files the page's commands name."""
    folder = tmp_path_factory.mktemp("cli-docs")
    shutil.copytree(ROOT / "examples", folder / "examples")
    example = gcm_model.load(ROOT / "examples" / "data" / "unece_2024.json")
    gcm_model.dump(example, folder / "data.json")
    dump_jsonl(example, folder / "data.jsonl")
    dump_jsonl(example, folder / "extra.jsonl")
    write_csv(example, folder / "tables")
    (folder / "review-2024").mkdir()
    gcm_model.dump(example, folder / "review-2024" / "review.json")
    (folder / "data").mkdir()
    gcm_model.dump(example, folder / "data" / "one.json")
    return folder


def test_the_page_has_commands() -> None:
    """The page shows the commands it documents."""
    assert len(commands()) > 20


@pytest.mark.parametrize("command", commands())
def test_command_runs(command: str, workspace: Path) -> None:
    """Each command runs without a usage error (2) or a traceback; 1 means data errors."""
    binary = Path(sys.executable).parent
    bash = shutil.which("bash")
    assert bash is not None
    result = subprocess.run(
        [bash, "-c", f"set -o pipefail; PATH={binary}:$PATH {command}"],
        cwd=workspace,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
