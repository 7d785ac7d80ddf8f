"""One pass means every problem, from every door: planted mistakes in the UNECE 2024 dataset."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
import pytest

import gcm_model as g
from gcm_model.converters import RECORD_TYPES
from gcm_model.models.dataset import COLLECTIONS

if TYPE_CHECKING:
    from gcm_model.validation import ValidationReport

EXAMPLE = Path(__file__).parents[1] / "examples" / "data" / "unece_2024.json"
_COLLECTION_OF = {cls: name for name, cls in COLLECTIONS.items()}


def _planted() -> dict[str, Any]:
    """The dataset with five mistakes in one meeting and one report."""
    document: dict[str, Any] = orjson.loads(EXAMPLE.read_bytes())
    meeting = document["meetings"][0]
    meeting["venu"] = meeting.pop("venue")  # a misspelt key
    meeting["end"] = "2024-03-10T18:00:00+01:00"  # before its start
    meeting["co_chairs"] = ["ESP", "BRA"]  # Brazil is not a member of ECE
    session = next(s for s in meeting["agenda"] if s.get("kind") == "thematic_session")
    session["objectives"] = [*session["objectives"], 24]  # no objective 24
    document["reports"][1]["issued"] = "2024-06-30"  # long after the meeting
    return document


PLANTED = {
    ("unknown-field", "meeting:ece-2024", "/venu"),
    ("chronology", "meeting:ece-2024", "/end"),
    ("commission-membership", "meeting:ece-2024", "/co_chairs/1"),
    ("unknown-objective", "meeting:ece-2024", "/agenda/3/objectives/5"),
    ("report-deadline", "report:ece-2024:outcome", "/issued"),
}


def _within_record(report: ValidationReport) -> set[tuple[str, str | None, str]]:
    """(rule, record id, pointer within the record) of every issue."""
    found = set()
    for issue in report:
        steps = issue.path.split("/")
        within = "/" + "/".join(steps[3:]) if issue.line is None and len(steps) > 2 else issue.path
        found.add((issue.rule, issue.record, "" if within == "/" else within))
    return found


def _as_json_lines(document: dict[str, Any], path: Path) -> Path:
    """The same records as JSON Lines, each tagged with its type."""
    lines = [orjson.dumps({"@type": "dataset", "schema_version": document["schema_version"]})]
    for tag, cls in RECORD_TYPES.items():
        records = document.get(_COLLECTION_OF[cls], [])
        lines += [orjson.dumps({"@type": tag, **record}) for record in records]
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ValidationReport]:
    """The planted dataset validated as one JSON document and as JSON Lines."""
    document = _planted()
    lines = _as_json_lines(document, tmp_path_factory.mktemp("one-pass") / "planted.jsonl")
    return {"json": g.validate(orjson.dumps(document)), "jsonl": g.validate(lines)}


@pytest.mark.parametrize("door", ["json", "jsonl"])
def test_every_planted_problem_is_listed_once(
    reports: dict[str, ValidationReport], door: str
) -> None:
    """A misspelt key hides none of the record's other problems, and none is listed twice."""
    found = _within_record(reports[door])
    assert found >= PLANTED
    keys = [(i.rule, i.record, i.path) for i in reports[door]]
    assert len(keys) == len(set(keys))


def test_the_doors_agree(reports: dict[str, ValidationReport]) -> None:
    """JSON and JSON Lines report the same (rule, record, path within the record)."""
    assert _within_record(reports["json"]) == _within_record(reports["jsonl"])


def test_no_second_order_issues(reports: dict[str, ValidationReport]) -> None:
    """Beyond the planted problems, only what the clean dataset has already."""
    clean = _within_record(g.validate(EXAMPLE))
    assert _within_record(reports["json"]) - PLANTED <= clean


def test_a_record_with_one_bad_value_is_no_dangling_target(tmp_path: Path) -> None:
    """A meeting whose required title is broken still exists: nothing refers to it in vain."""
    document = orjson.loads(EXAMPLE.read_bytes())
    document["meetings"][0]["title"] = 7
    lines = _as_json_lines(document, tmp_path / "bad-title.jsonl")
    for report in (g.validate(orjson.dumps(document)), g.validate(lines)):
        rules = {i.rule for i in report}
        assert "dangling-reference" not in rules, [i.path for i in report]
        assert ("wrong-type", "meeting:ece-2024") in {(i.rule, i.record) for i in report}
