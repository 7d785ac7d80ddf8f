"""Tests for gcm_model.converters: the strict JSON wire format and its errors."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
from typing import TYPE_CHECKING, Any

import cattrs
import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gcm_model as g
from gcm_model import _migrations, converters
from gcm_model.converters import DocumentProblem, dump, dumps, load, loads, structure, unstructure
from gcm_model.errors import DocumentError

if TYPE_CHECKING:
    from pathlib import Path

CET = dt.timezone(dt.timedelta(hours=1))


def dataset() -> g.Dataset:
    """A small dataset with nested records of every shape."""
    start = dt.datetime(2024, 3, 11, 8, 30, tzinfo=CET)
    meeting = g.Meeting(
        id="m1",
        title="Regional Review",
        kind=g.MeetingKind.REGIONAL_REVIEW,
        review="r1",
        start=start,
        end=dt.datetime(2024, 3, 11, 18, 0, tzinfo=CET),
        venue=g.Venue(name="Palais des Nations", city="Geneva", country="CHE"),
        co_chairs=("ESP", "MDA"),
        webcast=False,
        agenda=(
            g.Hearing(start=start, end=dt.datetime(2024, 3, 11, 10, 0, tzinfo=CET)),
            g.ThematicSession.for_cluster(2),
            g.ClosingSegment(),
        ),
    )
    report = g.Report(
        id="rep1",
        kind=g.ReportKind.OUTCOME_REPORT,
        meetings=("m1",),
        issued=dt.date(2024, 4, 5),
        sections=(
            g.ReportSection.of_kind(
                "key_findings", items=[g.KeyFinding(text="Progress.", objectives=(11,))]
            ),
        ),
    )
    return g.Dataset(
        title="Example",
        reviews=(g.RegionalReview(id="r1", round="regional-2024", commissions=("ECE",)),),
        meetings=(meeting,),
        reports=(report,),
    )


def problems_of(data: bytes | str, cls: type[Any] = g.Dataset) -> list[tuple[str, str]]:
    """The (rule, path) of every problem loading ``data`` reports."""
    with pytest.raises(DocumentError) as info:
        loads(data, cls)
    return [(p.rule, p.path) for p in info.value.problems]


def test_round_trip_and_canonical_bytes() -> None:
    """loads(dumps(x)) == x, and dumps(loads(b)) == b for canonical bytes."""
    data = dataset()
    encoded = dumps(data)
    assert loads(encoded) == data
    assert dumps(loads(encoded)) == encoded
    assert encoded.endswith(b"}\n")
    assert encoded.startswith(b'{\n  "meetings"')


def test_canonical_output_omits_empty_fields_but_keeps_the_version() -> None:
    """Defaults are left out, schema_version never is; kinds tag segments and items."""
    plain = unstructure(g.Dataset())
    assert plain == {"schema_version": g.SCHEMA_VERSION}
    tree = unstructure(dataset())
    agenda = tree["meetings"][0]["agenda"]
    assert [s["kind"] for s in agenda] == ["hearing", "thematic_session", "closing"]
    assert agenda[2] == {"kind": "closing"}
    assert tree["meetings"][0]["start"] == "2024-03-11T08:30:00+01:00"
    assert tree["reports"][0]["issued"] == "2024-04-05"
    assert tree["reports"][0]["sections"][0]["items"][0]["kind"] == "key_finding"
    assert tree["meetings"][0]["webcast"] is False


@pytest.mark.parametrize(
    ("document", "cls", "expected"),
    [
        ('{"city": 123}', g.Venue, [("wrong-type", "$.city")]),
        ('{"cluster": "3"}', g.ThematicSession, [("wrong-type", "$.cluster")]),
        ('{"cluster": 2.5}', g.ThematicSession, [("wrong-type", "$.cluster")]),
        ('{"cluster": true}', g.ThematicSession, [("wrong-type", "$.cluster")]),
        ('{"cluster": 1, "objectives": "2,5"}', g.ThematicSession, [("wrong-type", "$.objectives")]),
        ('{"cluster": 1, "objectives": [2, "5"]}', g.ThematicSession, [("wrong-type", "$.objectives[1]")]),
        ('{"cluster": 1, "objectives": [11]}', g.ThematicSession, []),  # unece-2024 checks it
        ('{"cluster": 1, "objectives": [24]}', g.ThematicSession, [("unknown-objective", "$.objectives[0]")]),
        ('{"text": "t", "lesson_learned": 1}', g.GoodPractice, [("wrong-type", "$.lesson_learned")]),
        ('{"city": null}', g.Venue, []),
        ('{"opens": "2024-03-11T08:30:00"}', g.Window, [("invalid-value", "$.opens")]),
        ('{"opens": "11 March 2024"}', g.Window, [("invalid-value", "$.opens")]),
        ('{"opens": "2024-02-30"}', g.Window, [("invalid-value", "$.opens")]),
        ('{"opens": 20240311}', g.Window, [("wrong-type", "$.opens")]),
        ('{"id": "r", "kind": "outcome"}', g.Report, [("invalid-value", "$.kind")]),
        ('{"id": "r"}', g.Report, [("missing-field", "$.kind")]),
        ("[1, 2]", g.Venue, [("wrong-type", "$")]),
        ('{"cty": "Geneva", "contry": "CHE"}', g.Venue, [("unknown-field", "$.cty"), ("unknown-field", "$.contry")]),
    ],
)  # fmt: skip
def test_strict_structure(document: str, cls: type[Any], expected: list[tuple[str, str]]) -> None:
    """No silent coercion: each wrong value is a problem at its path."""
    if not expected:
        loads(document, cls)
        return
    assert problems_of(document, cls) == expected


def test_every_problem_in_one_error() -> None:
    """Problems in several records, and structure beside invariants, come together."""
    tree = unstructure(dataset())
    tree["meetings"][0]["co_chairs"] = ["ESP", 3]
    tree["meetings"][0]["agenda"][1]["objectives"] = [4, 2, 99]
    tree["meetings"][0]["agenda"][1] |= {
        "start": "2024-03-11T12:00:00+01:00",
        "end": "2024-03-11T11:00:00+01:00",
    }
    tree["meetings"][0]["venue"]["cty"] = "x"
    tree["reviews"][0]["round"] = "regional-2023"
    tree["reports"][0]["sections"][0]["items"][0]["kind"] = "finding"
    tree["title"] = 5
    found = problems_of(orjson.dumps(tree))
    assert found == [
        ("wrong-type", "$.title"),
        ("unknown-code", "$.reviews[0].round"),
        ("unknown-field", "$.meetings[0].venue.cty"),
        ("wrong-type", "$.meetings[0].co_chairs[1]"),
        # The meeting's own invariants too: a structure problem hides none of them.
        ("unknown-objective", "$.meetings[0].agenda[1].objectives[2]"),
        ("chronology", "$.meetings[0].agenda[1].end"),
        ("invalid-value", "$.reports[0].sections[0].items[0].kind"),
    ]


def test_invariants_of_a_structurally_sound_record() -> None:
    """A record that structures is still checked: objective 99, a session ending before it starts."""
    tree = unstructure(dataset())
    tree["meetings"][0]["agenda"][1]["objectives"] = [4, 2, 99]
    tree["meetings"][0]["agenda"][1] |= {
        "start": "2024-03-11T12:00:00+01:00",
        "end": "2024-03-11T11:00:00+01:00",
    }
    assert problems_of(orjson.dumps(tree)) == [
        ("unknown-objective", "$.meetings[0].agenda[1].objectives[2]"),
        ("chronology", "$.meetings[0].agenda[1].end"),
    ]


def test_problem_details() -> None:
    """A problem has a pointer, a path, the value and a suggestion in its message."""
    with pytest.raises(DocumentError) as info:
        loads('{"city": "Geneva", "contry": "CHE"}', g.Venue)
    (problem,) = info.value.problems
    assert problem == DocumentProblem(
        "unknown-field", "/contry", "unknown field 'contry'; did you mean 'country'?", "CHE"
    )
    assert (
        str(problem) == "$.contry: unknown field 'contry'; did you mean 'country'? [unknown-field]"
    )
    assert isinstance(info.value, ValueError)
    assert DocumentProblem("wrong-type", "/a~1b/0/c~0d", "x").path == "$.a/b[0].c~d"


@pytest.mark.parametrize(
    ("segment", "rule", "path"),
    [
        ({"start": "2024-03-11"}, "missing-field", "$.agenda[0].kind"),
        ({"kind": "plenary"}, "invalid-value", "$.agenda[0].kind"),
        ({"kind": 3}, "invalid-value", "$.agenda[0].kind"),
        ("hearing", "wrong-type", "$.agenda[0]"),
        ({"kind": "hearing", "moderator": 4}, "wrong-type", "$.agenda[0].moderator"),
    ],
)
def test_segment_tags(segment: object, rule: str, path: str) -> None:
    """A segment needs a known kind tag."""
    tree = unstructure(dataset().meetings[0])
    tree["agenda"] = [segment]
    assert problems_of(orjson.dumps(tree), g.Meeting) == [(rule, path)]


def test_json_syntax_errors_give_line_and_column() -> None:
    """A syntax error names the line and column."""
    with pytest.raises(DocumentError) as info:
        loads(b'{\n  "title": "x",\n  "reviews": [,]\n}')
    (problem,) = info.value.problems
    assert (problem.rule, problem.line, problem.column) == ("json-syntax", 3, 15)
    assert str(problem).startswith("line 3, column 15: $: invalid JSON")


def test_non_text_input_is_a_document_error() -> None:
    """loads(123) is reported, not a TypeError from inside."""
    with pytest.raises(DocumentError, match="expected bytes or str"):
        loads(123)  # type: ignore[call-overload]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("{}", "has no schema_version"),
        ('{"schema_version": 1}', "must be a string"),
        ('{"schema_version": "2.0"}', "'2.0' is unknown; this release reads '1.0'"),
        ("[]", "expected an object"),
    ],
)
def test_schema_version_is_required_and_known(document: str, message: str) -> None:
    """A dataset without a version, or with one this release does not know, is refused."""
    with pytest.raises(DocumentError, match=message):
        loads(document)


def test_registered_migrations_upgrade_old_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    """Older versions are upgraded step by step through registered migrations."""
    monkeypatch.setattr(_migrations, "_MIGRATIONS", {})

    @converters.register_migration("0.8", "0.9")
    def rename(document: dict[str, Any]) -> dict[str, Any]:
        document = dict(document)
        document["title"] = document.pop("name")
        return document

    @converters.register_migration("0.9", g.SCHEMA_VERSION)
    def identity(document: dict[str, Any]) -> dict[str, Any]:
        return document

    upgraded = loads('{"schema_version": "0.8", "name": "Old"}')
    assert upgraded.title == "Old"
    assert upgraded.schema_version == g.SCHEMA_VERSION
    with pytest.raises(DocumentError, match=re.escape("upgrades '0.8', '0.9'")):
        loads('{"schema_version": "0.7"}')


def test_migration_cycles_stop(monkeypatch: pytest.MonkeyPatch) -> None:
    """A migration table with a cycle is an error, not a hang."""
    monkeypatch.setattr(_migrations, "_MIGRATIONS", {})
    converters.register_migration("a", "b")(lambda d: d)
    converters.register_migration("b", "a")(lambda d: d)
    with pytest.raises(DocumentError, match="schema_version 'a' is unknown"):
        loads('{"schema_version": "a"}')


def test_load_and_dump_with_paths_and_files(tmp_path: Path) -> None:
    """dump/load take a path or a binary file; errors name the file."""
    path = tmp_path / "data.json"
    dump(dataset(), path)
    assert load(path) == dataset()
    buffer = io.BytesIO()
    dump(dataset(), buffer)
    assert buffer.getvalue() == path.read_bytes()
    assert load(io.BytesIO(buffer.getvalue())) == dataset()
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": "1.0", "reviews": 5}')
    with pytest.raises(DocumentError) as info:
        load(bad)
    assert info.value.source == str(bad)
    assert str(info.value).startswith(f"{bad}: cannot load the document, 1 problem:")


def test_structure_takes_parsed_json() -> None:
    """structure builds from dicts; unstructure gives them back."""
    venue = structure({"city": "Geneva"}, g.Venue)
    assert venue == g.Venue(city="Geneva")
    assert unstructure(venue) == {"city": "Geneva"}


def test_configure_converter_on_a_user_converter() -> None:
    """A user's own cattrs converter can speak the format."""
    mine = cattrs.Converter()
    converters.configure_converter(mine)
    assert mine.structure({"cluster": 3}, g.ThematicSession).cluster == 3
    fast = converters.make_converter(detailed_validation=False)
    assert not fast.detailed_validation


def test_many_problems_are_summarised() -> None:
    """The message shows twenty problems and counts the rest."""
    tree = {"schema_version": "1.0", "participants": [{"id": f"p{i}"} for i in range(25)]}
    with pytest.raises(DocumentError) as info:
        loads(orjson.dumps(tree))
    assert len(info.value.problems) == 25
    assert "... and 5 more" in str(info.value)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@given(value=json_values, cls=st.sampled_from([g.Dataset, g.Meeting, g.Report, g.Venue]))
def test_arbitrary_json_only_raises_document_errors(value: object, cls: type[Any]) -> None:
    """Whatever JSON comes in, the only failure is a DocumentError."""
    with contextlib.suppress(DocumentError):
        loads(json.dumps(value), cls)


@given(st.binary(max_size=200))
def test_arbitrary_bytes_only_raise_document_errors(data: bytes) -> None:
    """Random bytes fail as DocumentError, nothing else."""
    with contextlib.suppress(DocumentError):
        loads(data)
