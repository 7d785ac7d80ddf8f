"""Tests that pin the public API: names, order, docstrings and the version."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

import gcm_model

PUBLIC_MODULES = [
    "gcm_model",
    "gcm_model.converters",
    "gcm_model.dates",
    "gcm_model.errors",
    "gcm_model.models.checks",
    "gcm_model.models.dataset",
    "gcm_model.models.process",
    "gcm_model.models.reference",
    "gcm_model.models.reports",
    "gcm_model.registry",
    "gcm_model.schema",
    "gcm_model.tabular",
    "gcm_model.types",
    "gcm_model.validation",
]

EXPECTED_ALL = [
    "Citation",
    "ClosingSegment",
    "Cluster",
    "Commission",
    "Contact",
    "ContentItem",
    "Contradiction",
    "Country",
    "CountryName",
    "Dataset",
    "DocumentError",
    "DocumentRef",
    "EventKind",
    "Format",
    "GcmError",
    "Gender",
    "GoodPractice",
    "GuidingPrinciple",
    "GuidingQuestion",
    "Headquarters",
    "Hearing",
    "HighLevelPanel",
    "IdentifierKind",
    "IntergovernmentalConference",
    "InvalidCodeError",
    "InvalidValueError",
    "Issue",
    "KeyFinding",
    "KnownMeeting",
    "Language",
    "Meeting",
    "MeetingFormat",
    "MeetingKind",
    "Membership",
    "MembershipKind",
    "Objective",
    "OpeningSegment",
    "PartialDate",
    "Participant",
    "ParticipantKind",
    "PlannedDate",
    "Pledge",
    "PreparatoryEvent",
    "Problem",
    "Provenance",
    "Recipient",
    "Recommendation",
    "Region",
    "RegionalReview",
    "Registry",
    "Report",
    "ReportKind",
    "ReportSection",
    "ReportSectionKind",
    "ReviewKind",
    "ReviewRound",
    "Role",
    "SCHEMA_VERSION",
    "Sector",
    "Segment",
    "Severity",
    "SideEvent",
    "Source",
    "SourceError",
    "StakeholderCategory",
    "Status",
    "ThematicSession",
    "UnknownCodeError",
    "UnknownFormatError",
    "ValidationReport",
    "Venue",
    "Window",
    "WrittenSubmission",
    "__version__",
    "cite",
    "clusters",
    "commissions",
    "contradictions",
    "countries",
    "data_version",
    "dump",
    "dump_jsonl",
    "dumps",
    "guiding_questions",
    "iter_load",
    "iter_validate",
    "known_meetings",
    "languages",
    "load",
    "load_jsonl",
    "loads",
    "meeting_formats",
    "objectives",
    "principles",
    "read_dataset",
    "report_section_kinds",
    "rounds",
    "rules",
    "sources",
    "stakeholders",
    "structure",
    "unstructure",
    "validate",
    "write_dataset",
]


def test_all_is_pinned() -> None:
    """The top-level namespace changes only on purpose."""
    assert gcm_model.__all__ == EXPECTED_ALL


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_all_is_sorted_and_resolves(module_name: str) -> None:
    """Each public module's __all__ is sorted and every name exists."""
    module = importlib.import_module(module_name)
    assert module.__all__ == sorted(module.__all__)
    for name in module.__all__:
        assert hasattr(module, name), name


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_public_callables_have_docstrings(module_name: str) -> None:
    """Every public class, function and method is documented."""
    module = importlib.import_module(module_name)
    assert inspect.getdoc(module)
    for name in module.__all__:
        obj = getattr(module, name)
        if not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue
        assert inspect.getdoc(obj), name
        if inspect.isclass(obj):
            for attr, member in vars(obj).items():
                if attr.startswith("_") or not callable(member):
                    continue
                assert inspect.getdoc(member), f"{name}.{attr}"


def test_version_comes_from_metadata() -> None:
    """__version__ is the installed distribution's version."""
    assert gcm_model.__version__ == version("gcm-model")


def test_unknown_attribute_raises_attribute_error() -> None:
    """Module __getattr__ only serves __version__."""
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = gcm_model.nope


def test_a_registry_lookup_imports_no_model_of_a_review() -> None:
    """``import gcm_model`` and a lookup leave the wire format, validation and models unloaded."""
    code = (
        "import sys, gcm_model\n"
        "gcm_model.countries.get('CHE'); gcm_model.objectives.lookup(11)\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('gcm_model'))))\n"
    )
    loaded = set(
        subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        ).stdout.split()
    )
    assert "gcm_model.registry" in loaded
    assert loaded.isdisjoint(
        {
            "gcm_model.converters",
            "gcm_model.validation",
            "gcm_model.models.process",
            "gcm_model._encode",
        }
    )


def test_the_names_imported_on_first_use_are_the_public_ones() -> None:
    """Each name of ``_LAZY`` is public and resolves to its module's object; ``dir`` lists all."""
    assert set(gcm_model._LAZY) <= set(gcm_model.__all__)
    for name, module in gcm_model._LAZY.items():
        assert getattr(gcm_model, name) is getattr(importlib.import_module(module), name)
    assert set(gcm_model.__all__) <= set(dir(gcm_model))


def test_public_modules_are_attributes_after_a_bare_import() -> None:
    """``import gcm_model; gcm_model.formats.format_of(...)`` works, as the docs write it."""
    names = " ".join(sorted(gcm_model._SUBMODULES))
    code = (
        "import importlib, gcm_model\n"
        f"for name in {names!r}.split():\n"
        "    assert getattr(gcm_model, name) is importlib.import_module('gcm_model.' + name)\n"
        "print(gcm_model.formats.format_of.__module__)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert done.stdout.split() == ["gcm_model.formats"]
    public = {p.stem for p in Path(gcm_model.__file__).parent.iterdir() if p.stem[0] != "_"}
    assert public - {"cli", "conformance_suite", "data", "py"} == gcm_model._SUBMODULES
