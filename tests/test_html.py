"""Tests for the notebook views and DataFrame exports of models and reports."""

from __future__ import annotations

import datetime as dt

import gcm_model as g
from gcm_model.tabular import to_pandas


def test_meeting_html_shows_fields_and_agenda() -> None:
    """A meeting renders its fields and its agenda as tables, escaped."""
    meeting = g.Meeting(
        id="m1",
        title="Review <Geneva>",
        kind=g.MeetingKind.REGIONAL_REVIEW,
        start=dt.date(2024, 3, 11),
        co_chairs=("ESP", "MDA"),
        agenda=tuple(g.ThematicSession.for_cluster(n) for n in range(1, 5)),
    )
    html = meeting._repr_html_()
    assert "Review &lt;Geneva&gt;" in html
    assert "<h4>Agenda</h4>" in html
    assert "thematic_session" in html
    assert "ESP, MDA" in html
    assert "2024-03-11" in html


def test_dataset_and_report_html() -> None:
    """A dataset lists its meetings and reports; a report its sections."""
    report = g.Report(
        id="r1",
        kind=g.ReportKind.OUTCOME_REPORT,
        sections=(g.ReportSection.of_kind("introduction"),),
    )
    meetings = tuple(
        g.Meeting(id=f"m{i}", title="t", kind=g.MeetingKind.OTHER, start=dt.date(2024, 1, 1))
        for i in range(25)
    )
    data = g.Dataset(meetings=meetings, reports=(report,))
    html = data._repr_html_()
    assert "<h4>Meetings</h4>" in html
    assert "... and 5 more" in html
    assert "<h4>Reports</h4>" in html
    assert "<h4>Sections</h4>" in report._repr_html_()


def test_report_to_pandas_and_dataset_to_pandas() -> None:
    """Issues and dataset tables come out as DataFrames."""
    data = g.Dataset(
        reviews=(g.RegionalReview(id="r", round="regional-2024", commissions=("ECE",)),)
    )
    frame = g.validate(data).to_pandas()
    assert list(frame["rule"]) == ["stakeholder-coverage", "consultations", "evaluation-session"]
    assert list(to_pandas(data)["reviews"]["id"]) == ["r"]
