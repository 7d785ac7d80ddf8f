"""Tests for the DataFrames of gcm_model.tabular: typed columns, lists as tables, and back."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings

import gcm_model as g
from gcm_model import testing
from gcm_model.errors import DocumentError, InvalidCodeError
from gcm_model.tabular import (
    TABLES,
    from_arrow,
    from_pandas,
    from_polars,
    to_arrow,
    to_pandas,
    to_polars,
)
from test_tabular import dataset

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "data" / "unece_2024.json"

UTC_DTYPE = pd.DatetimeTZDtype("us", "UTC")


def test_columns_are_typed_by_their_kinds() -> None:
    """Moments are UTC instants with their offset, codes categoricals, counts Int64, flags boolean."""
    frames = to_pandas(dataset())
    assert set(frames) == set(TABLES)
    meetings = frames["meetings"]
    assert meetings["start"].dtype == UTC_DTYPE
    assert meetings.loc[0, "start"] == pd.Timestamp("2024-03-11T07:30:00Z")
    assert meetings["start/offset"].dtype == "Int64"
    assert meetings.loc[0, "start/offset"] == 60
    assert isinstance(meetings["kind"].dtype, pd.CategoricalDtype)
    assert set(meetings["kind"].cat.categories) == {k.value for k in g.MeetingKind}
    assert "CHE" in meetings["venue/country"].cat.categories
    assert meetings["webcast"].dtype == "boolean"
    assert meetings["venue/city"].dtype == "string"
    segments = frames["segments"]
    assert segments["reported_minutes"].dtype == "Int64"
    assert segments["cluster"].dtype == "Int64"
    assert segments["cluster"].isna()[0]
    objectives = frames["segments_objectives"]
    assert objectives["value"].dtype == "Int64"
    assert list(objectives["value"]) == [4, 8, 9, 10, 11, 13, 21]
    assert list(objectives["segment"].unique()) == [1]
    assert isinstance(frames["reviews_commissions"]["value"].dtype, pd.CategoricalDtype)
    assert frames["items"]["lesson_learned"].dtype == "boolean"
    for name, frame in frames.items():
        assert [c for c in frame.columns if not c.endswith("/offset")] == TABLES[name]
        for column in frame.columns:
            assert not any(isinstance(v, list | dict) for v in frame[column]), (name, column)


def test_a_date_stays_a_date_and_an_offset_stays_an_offset() -> None:
    """A day is 00:00 UTC without an offset; an instant keeps the offset it was written with."""
    meeting = g.Meeting(
        id="m",
        title="M",
        kind=g.MeetingKind.REGIONAL_REVIEW,
        start=dt.date(2024, 3, 11),
        end=dt.datetime(2024, 3, 11, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
    )
    data = g.Dataset(meetings=(meeting,))
    frame = to_pandas(data)["meetings"]
    assert frame.loc[0, "start"] == pd.Timestamp("2024-03-11T00:00:00Z")
    assert frame["start/offset"].isna()[0]
    assert frame.loc[0, "end/offset"] == -300
    back = from_pandas(to_pandas(data))
    assert back == data
    assert g.dumps(back) == g.dumps(data)


DATASETS = max(5, settings().max_examples // 5)
"""Datasets drawn: 60 under the ci profile, 20 by default. Each round trip builds a DataFrame
of every table three times over (pandas, pyarrow, polars); a dataset is slow to draw, and
60 of them cover every table, as in ``tests/test_parity.py``."""


@settings(
    max_examples=DATASETS,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(testing.datasets())
def test_frames_round_trip(data: g.Dataset) -> None:
    """pandas gives the dataset back; pyarrow and polars have the same tables, rows and types."""
    frames = to_pandas(data)
    back = from_pandas(frames)
    assert back == data
    assert g.dumps(back) == g.dumps(data)
    arrow, polars = to_arrow(data), to_polars(data)
    for name, frame in frames.items():
        assert arrow[name].column_names == list(frame.columns)
        assert polars[name].columns == list(frame.columns)
        assert arrow[name].num_rows == polars[name].height == len(frame)


def test_arrow_and_polars_types() -> None:
    """The same column types in pyarrow and polars."""
    table = to_arrow(dataset())["meetings"]
    assert table.schema.field("start").type == pa.timestamp("us", tz="UTC")
    assert table.schema.field("start/offset").type == pa.int64()
    assert pa.types.is_dictionary(table.schema.field("kind").type)
    assert table.schema.field("webcast").type == pa.bool_()
    frame = to_polars(dataset())["meetings"]
    assert frame.schema["start"] == pl.Datetime("us", "UTC")
    assert frame.schema["kind"] == pl.Categorical
    assert frame.schema["webcast"] == pl.Boolean
    assert to_polars(dataset())["segments_objectives"]["value"].to_list() == [
        4,
        8,
        9,
        10,
        11,
        13,
        21,
    ]


def located(frames: dict[str, pd.DataFrame]) -> list[tuple[str | None, int | None, object, str]]:
    """(table, row, column, rule) of every problem building a dataset from frames."""
    with pytest.raises(DocumentError) as info:
        from_pandas(frames)
    return [(p.file, p.line, p.column, p.rule) for p in info.value.problems]


def test_problems_name_table_row_and_column() -> None:
    """Cells of the wrong type, unknown columns, rows without owner and the loader's problems."""
    frames = to_pandas(dataset())
    meetings = frames["meetings"].astype({"webcast": object, "end": object})
    meetings.loc[0, "webcast"] = "yes"
    meetings.loc[0, "end"] = "tomorrow"
    meetings["venue/country"] = meetings["venue/country"].cat.add_categories(["CHX"])
    meetings.loc[0, "venue/country"] = "CHX"
    frames["meetings"] = meetings.rename(columns={"notes": "notse"})
    segments = frames["segments_objectives"].copy()
    segments.loc[6, "segment"] = 7
    segments.loc[5, "value"] = 24
    frames["segments_objectives"] = segments
    frames["reviews"] = frames["reviews"].assign(round=None)
    assert located(frames) == [
        ("meetings", None, "notse", "unknown-field"),
        ("meetings", 0, "end", "wrong-type"),
        ("meetings", 0, "webcast", "wrong-type"),
        ("segments_objectives", 6, "segment", "invalid-value"),
        ("reviews", 0, "round", "missing-field"),
        ("meetings", 0, "venue/country", "unknown-code"),
        ("segments_objectives", 5, "value", "unknown-objective"),
    ]


def test_a_time_without_its_offset_is_a_problem() -> None:
    """An instant not at 00:00 UTC whose offset is empty is not taken for a day, nor for UTC."""
    frames = to_pandas(dataset())
    frames["meetings"].loc[0, "start/offset"] = pd.NA
    frames["meetings"].loc[0, "end/offset"] = 24 * 60
    assert located(frames) == [
        ("meetings", 0, "start", "wrong-type"),
        ("meetings", 0, "end/offset", "wrong-type"),
    ]


@pytest.mark.parametrize(
    ("module", "convert", "extra"),
    [
        ("pandas", to_pandas, "tabular"),
        ("pyarrow", to_arrow, "arrow"),
        ("polars", to_polars, "polars"),
    ],
)
def test_without_the_extra(
    monkeypatch: pytest.MonkeyPatch, module: str, convert: object, extra: str
) -> None:
    """Without its library, each conversion says which extra to install."""
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(InvalidCodeError, match=rf"gcm-model\[{extra}\]"):
        convert(dataset())  # type: ignore[operator]


def test_arrow_and_polars_come_back() -> None:
    """``from_arrow`` and ``from_polars`` give back the dataset ``to_arrow`` and ``to_polars`` hold."""
    data = g.load(EXAMPLE)
    assert from_arrow(to_arrow(data)) == data
    assert from_polars(to_polars(data)) == data


def test_validate_takes_dataframes_of_each_library() -> None:
    """``validate`` reports on DataFrames what it reports on the dataset, each at its row."""
    data = g.load(EXAMPLE)
    expected = [(i.rule, i.path, i.message) for i in g.validate(data, profile="unece-2024")]
    assert expected  # the example breaks some of that profile's rules
    for frames in (to_pandas(data), to_arrow(data), to_polars(data)):
        report = g.validate(frames, profile="unece-2024")
        assert [(i.rule, i.path, i.message) for i in report] == expected
        segment = next(i for i in report if i.rule == "session-roles")
        assert (segment.file, segment.line) == ("segments", int(segment.path.split("/")[4]))


def test_validate_locates_every_problem_of_dataframes() -> None:
    """A bad cell, a dataset rule and a value that is no DataFrame: all found, each located."""
    frames = to_pandas(g.load(EXAMPLE))
    meetings = frames["meetings"].astype({"venue/city": object})
    meetings.loc[0, "venue/city"] = 5
    frames["meetings"] = meetings
    events = frames["events"]
    frames["events"] = pd.concat([events, events.iloc[[0]]], ignore_index=True)
    frames["pledges"] = "not a table"  # type: ignore[assignment]
    found = [
        (i.rule, i.file, i.line, i.path, i.record)
        for i in g.validate(frames, select=["wrong-type", "duplicate-id"])
    ]
    first = events["id"][0]
    assert found == [
        ("wrong-type", "pledges", None, "", None),
        ("wrong-type", "meetings", 0, "/meetings/0/venue/city", meetings["id"][0]),
        ("duplicate-id", "events", len(events), f"/events/{len(events)}/id", first),
    ]
    with pytest.raises(DocumentError):
        from_pandas(frames)
