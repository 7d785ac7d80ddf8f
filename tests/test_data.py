"""Tests for the packaged data files and their manifest (gcm_model._data)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

import gcm_model
from gcm_model import _data
from gcm_model.types import Status

CODELISTS = _data.codelist_names()


def _records(name: str) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = _data.load(name)["records"]
    return records


def _ids(sources: list[Any]) -> list[str]:
    """The source ids of a record's ``sources``: ids, or a rule's citations."""
    return [s["source"] if isinstance(s, dict) else s for s in sources]


def test_manifest_is_current() -> None:
    """The manifest matches the files; run scripts/update_manifest.py after an edit."""
    assert _data.manifest() == _data.build_manifest(_data.data_version())


def test_manifest_lists_every_codelist() -> None:
    """One manifest entry per data file, fifteen codelists in all (rules included)."""
    assert sorted(_data.manifest()["files"]) == [f"{name}.json" for name in CODELISTS]
    assert len(CODELISTS) == 15


def test_data_version_is_a_date() -> None:
    """The data version is YYYY.MM.DD."""
    year, month, day = (int(p) for p in gcm_model.data_version().split("."))
    assert (year, 1 <= month <= 12, 1 <= day <= 31) == (year, True, True)
    assert year >= 2026


@pytest.mark.parametrize("name", CODELISTS)
def test_file_has_provenance_header(name: str) -> None:
    """Each file names its sources, the date read, a status and a note."""
    header = _data.load(name)["provenance"]
    assert set(header) == {"sources", "read", "status", "note"}
    assert header["sources"]
    assert header["read"] == "2026-11-27"
    Status(header["status"])
    assert _data.load(name)["codelist"] == name


def _statuses(name: str) -> list[Status]:
    out = []
    for record in _records(name):
        if "status" in record:
            out.append(Status(record["status"]))
        out.extend(Status(m["status"]) for m in record.get("memberships", []))
        if record.get("planned"):  # a plan has a status of its own
            out.append(Status(record["planned"]["status"]))
    return out


@pytest.mark.parametrize("name", CODELISTS)
def test_file_status_is_its_weakest_record(name: str) -> None:
    """A file is only as well sourced as its least sourced record."""
    statuses = _statuses(name)
    expected = max(statuses, key=lambda s: s.rank) if statuses else Status.CONFIRMED
    assert Status(_data.load(name)["provenance"]["status"]) is expected


@pytest.mark.parametrize("name", [n for n in CODELISTS if n != "sources"])
def test_every_record_names_known_sources(name: str) -> None:
    """Every record, and every membership, cites at least one known source id."""
    for record in _records(name):
        cited = [record["sources"], *(m["sources"] for m in record.get("memberships", []))]
        for sources in cited:
            assert sources, record
            for source in _ids(sources):
                assert gcm_model.sources.is_valid(source), (name, source)


def test_every_registry_record_names_its_sources() -> None:
    """Through the public API too: every record of every registry has sources."""
    for registry in (
        gcm_model.objectives,
        gcm_model.principles,
        gcm_model.clusters,
        gcm_model.stakeholders,
        gcm_model.commissions,
        gcm_model.countries,
        gcm_model.rounds,
        gcm_model.known_meetings,
        gcm_model.report_section_kinds,
        gcm_model.guiding_questions,
        gcm_model.meeting_formats,
        gcm_model.languages,
        gcm_model.rules,
        gcm_model.contradictions,
    ):
        for record in registry:
            assert record.sources, record
            assert isinstance(record.status, Status)


def test_every_source_is_cited_or_a_standard() -> None:
    """No source sits in the list unused: records and files' provenance cite them."""
    cited: set[str] = set()
    for name in CODELISTS:
        if name == "sources":
            continue
        cited.update(_ids(_data.load(name)["provenance"]["sources"]))
        for record in _records(name):
            cited.update(_ids(record["sources"]))
            for member in record.get("memberships", []):
                cited.update(member["sources"])
    unused = {s.id for s in gcm_model.sources} - cited
    # Sources that back only facts this package does not hold yet (IMRF format,
    # SG reports, national reviews) are kept for later codelists.
    assert unused <= {
        "a-res-76-266",
        "iisd-2019-review-mechanism-news",
        "imrf-2022-progress-declaration-news",
        "sg-report-summary",
        "un-network-follow-up-and-review",
        "un-network-sg-biennial-reports",
    }, unused


def test_files_are_utf8_json_without_duplicate_keys() -> None:
    """Each file parses strictly: no duplicate keys hiding an edit."""

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        assert len(keys) == len(set(keys)), keys
        return dict(pairs)

    folder = resources.files("gcm_model").joinpath("data")
    for name in [*CODELISTS, "manifest"]:
        text = folder.joinpath(f"{name}.json").read_text(encoding="utf-8")
        json.loads(text, object_pairs_hook=no_duplicates)


def test_every_registry_reports_its_provenance() -> None:
    """registry.provenance() is the manifest entry of the registry's data file."""
    for registry in (
        gcm_model.objectives,
        gcm_model.countries,
        gcm_model.known_meetings,
        gcm_model.stakeholders,
    ):
        origin = registry.provenance()
        entry = _data.manifest()["files"][origin.file]
        assert origin.file == f"{registry.codelist}.json"
        assert (origin.status.value, origin.sha256, origin.note) == (
            entry["status"],
            entry["sha256"],
            entry["note"],
        )
        assert str(origin.read) == entry["read"]
