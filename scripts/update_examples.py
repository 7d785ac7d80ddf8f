"""Write the example datasets as JSON documents in examples/data/, from their scripts.

Usage: python scripts/update_examples.py

Each examples/NAME.py builds a dataset; examples/data/NAME.json holds the
same dataset in canonical JSON. tests/test_example_datasets.py fails while the
files and the scripts disagree. The conformance suite's valid/ folder gets the
same bytes (tests/test_conformance.py checks they match).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import orjson

from gcm_model import dump, unstructure
from gcm_model.conformance import SUITE, VALID_EXAMPLES

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NAMES = ("unece_2024", "unece_2020", "second_round", "eca_2024")


def main() -> None:
    """Build each example and write its JSON document."""
    for name in NAMES:
        spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
        if spec is None or spec.loader is None:
            raise SystemExit(f"cannot load examples/{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        target = EXAMPLES / "data" / f"{name}.json"
        dataset = module.build()
        dump(dataset, target)
        print(f"wrote {target}")
        if name in VALID_EXAMPLES:
            copy = SUITE / "valid" / target.name
            copy.write_bytes(target.read_bytes())
            print(f"wrote {copy}")
        if name == "unece_2024":
            flawed = EXAMPLES / "data" / "flawed_unece_2024.json"
            flawed.write_bytes(_flawed(unstructure(dataset)))
            print(f"wrote {flawed}")


def _flawed(tree: dict[str, object]) -> bytes:
    """The UNECE 2024 dataset with the mistakes examples/README.md lists, one per rule."""
    meetings: list[dict[str, object]] = tree["meetings"]  # type: ignore[assignment]
    events: list[dict[str, object]] = tree["events"]  # type: ignore[assignment]
    reports: list[dict[str, object]] = tree["reports"]  # type: ignore[assignment]
    meeting = meetings[0]
    meeting["co_chairs"] = ["ESP"]  # co-chairs: one co-chair
    meeting["written_inputs_due"] = "2024-03-08"  # written-input-deadline: three days before
    meeting["vennue"] = meeting.pop("venue")  # unknown-field: a misspelt key
    consultations = [e for e in events if e["kind"] == "consultation"]
    # objective-coverage: the Action Committee's list for sessions 1 and 2, without objective 11
    consultations[0]["objectives"] = [2, 4, 5, 6, 8, 9, 10, 12, 13, 18, 21]
    consultations[1]["start"] = "2024-03-20"  # chronology: a consultation after the meeting
    outcome = next(r for r in reports if r["kind"] == "outcome_report")
    outcome["issued"] = "2024-05-02"  # report-deadline: 52 days after the meeting
    outcome["language"] = 1  # wrong-type: a number for a language code
    summary = next(r for r in reports if r["kind"] == "consultation_summary")
    summary["authors"] = ["person:nobody"]  # dangling-reference
    return orjson.dumps(tree, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2) + b"\n"


if __name__ == "__main__":
    main()
