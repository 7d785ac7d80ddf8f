"""The pictures of a review (``gcm_model.plot``): what they draw, and how they fail."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib as mpl
import matplotlib.pyplot as plt
import pytest

import gcm_model
from gcm_model import plot
from gcm_model.errors import InvalidCodeError

mpl.use("Agg")

if TYPE_CHECKING:
    from gcm_model.models.process import PreparatoryEvent, ThematicSession

DATA = Path(__file__).resolve().parents[1] / "examples" / "data"


@pytest.fixture(scope="module")
def unece() -> gcm_model.Dataset:
    """The bundled UNECE 2024 review."""
    return gcm_model.load(DATA / "unece_2024.json")


def test_the_timeline_has_a_row_per_kind_and_the_deadlines(unece: gcm_model.Dataset) -> None:
    """Events by kind, the meeting, its agenda, the deadlines the rules check, the reports."""
    axes = plot.timeline(unece)
    rows = [label.get_text() for label in axes.get_yticklabels()]
    assert rows == ["pre-consultation", "consultation", "meeting", "agenda", "deadlines", "reports"]
    texts = [text.get_text() for text in axes.texts]
    assert "written inputs due" in texts
    assert "outcome report due" in texts
    assert any(text.startswith("Multi-stakeholder Hearing (+") for text in texts)


def test_the_coverage_grid_is_the_objectives_named(unece: gcm_model.Dataset) -> None:
    """One row per session and consultation, a cell filled where it names the objective."""
    axes = plot.coverage(unece)
    (image,) = axes.get_images()
    grid = image.get_array()
    assert grid is not None
    sessions = [s for m in unece.meetings for s in m.thematic_sessions]
    consultations = [e for e in unece.events if e.objectives]
    parts: list[ThematicSession | PreparatoryEvent] = [*sessions, *consultations]
    assert grid.shape == (len(sessions) + len(consultations), 23)
    for row, part in enumerate(parts):
        assert [n + 1 for n in range(23) if grid[row][n]] == sorted(part.objectives)
    assert axes.get_title() == "Objectives covered; all 23 covered"


def test_a_gap_in_the_coverage_is_named(unece: gcm_model.Dataset) -> None:
    """Without the last session, the objectives only it covered are named in the title."""
    (meeting,) = unece.meetings
    agenda = tuple(s for s in meeting.agenda if getattr(s, "number", None) != 4)
    trimmed = unece.evolve(meetings=(meeting.evolve(agenda=agenda),), events=())
    assert plot.coverage(trimmed).get_title() == (
        "Objectives covered; not covered: 1, 3, 7, 17, 23"
    )


def test_drawing_on_given_axes() -> None:
    """The axes given are drawn on and returned."""
    _, axes = plt.subplots()
    dataset = gcm_model.load(DATA / "second_round.json")
    assert plot.timeline(dataset, ax=axes) is axes


def test_what_cannot_be_drawn_is_a_clear_error() -> None:
    """No dataset, nothing dated, nothing naming objectives: an InvalidCodeError each."""
    with pytest.raises(InvalidCodeError, match=r"expected a gcm_model\.Dataset"):
        plot.timeline({"meetings": []})  # type: ignore[arg-type]
    empty = gcm_model.Dataset(title="empty")
    with pytest.raises(InvalidCodeError, match="nothing in it has a date"):
        plot.timeline(empty)
    with pytest.raises(InvalidCodeError, match="nothing in it names objectives"):
        plot.coverage(gcm_model.load(DATA / "unece_2020.json"))


def test_without_matplotlib_the_error_names_the_extra(
    unece: gcm_model.Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """matplotlib missing: an InvalidCodeError that says to install the plot extra."""
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(InvalidCodeError, match=r"pip install 'gcm-model\[plot\]'"):
        plot.timeline(unece)


def test_the_docs_pictures_are_drawn_by_the_script(tmp_path: Path) -> None:
    """scripts/update_plots.py draws both pictures the docs show, as PNG files."""
    script = Path(__file__).resolve().parents[1] / "scripts" / "update_plots.py"
    subprocess.run([sys.executable, str(script), str(tmp_path)], check=True, capture_output=True)
    for name in ("timeline", "coverage"):
        assert (tmp_path / f"unece-2024-{name}.png").read_bytes().startswith(b"\x89PNG")
        assert (DATA.parents[1] / "docs" / "images" / f"unece-2024-{name}.png").is_file()
