"""Streaming validation: ``iter_validate``, flat reading of JSON Lines, and Dask partitions.

For generated datasets, valid (``gcm_model.testing.datasets``) and breaking
each rule (``gcm_model.testing.invalid_datasets``): ``validate`` of a JSON
Lines file, which keeps no record, gives the very report (the same issues,
in the same order, with the same files, lines and hints) that validating the
same records in memory gives, and ``validate_bag`` gives it too for any
partitioning of the file's lines. ``iter_validate`` hands out the same issues.
"""

from __future__ import annotations

import itertools
import tempfile
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any

import dask.bag as db
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gcm_model as g
from gcm_model import testing
from gcm_model.conformance import profile_for
from gcm_model.converters import HEADER_TYPE, TYPE_KEY, dumps_jsonl
from gcm_model.dask import validate_bag
from gcm_model.models.dataset import COLLECTIONS

if TYPE_CHECKING:
    from collections.abc import Callable

    from gcm_model.validation import Issue

SLUGS = [rule.slug for rule in g.rules if rule.slug != "json-syntax"]

EXAMPLES = max(3, settings().max_examples // 10)

SLOW = settings(
    deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


def as_lines(document: dict[str, Any]) -> list[bytes]:
    """A dataset document as JSON Lines: the header line, then each record tagged."""
    head = {key: value for key, value in document.items() if key not in COLLECTIONS}
    lines = [orjson.dumps({TYPE_KEY: HEADER_TYPE, **head})]
    tags = {name: tag for tag, name in _TAGS.items()}
    for collection in COLLECTIONS:
        for record in document.get(collection, []):
            tagged = {TYPE_KEY: tags[collection], **record} if isinstance(record, dict) else record
            lines.append(orjson.dumps(tagged))
    return lines


def _tags() -> dict[str, str]:
    from gcm_model.converters import RECORD_TYPES  # noqa: PLC0415 - only for the tags

    names = {cls: name for name, cls in COLLECTIONS.items()}
    return {tag: names[cls] for tag, cls in RECORD_TYPES.items() if cls in names}


_TAGS = _tags()


def shown(issues: Any) -> list[tuple[Any, ...]]:
    """Everything an issue shows, in order (its value too, which equality leaves out)."""
    return [(*attrs_of(i), repr(i.value)) for i in issues]


def attrs_of(issue: Issue) -> tuple[Any, ...]:
    """An issue's fields but its value."""
    return (
        issue.rule,
        issue.severity,
        issue.path,
        issue.message,
        issue.hint,
        issue.record,
        issue.file,
        issue.line,
    )


def chunked(lines: list[tuple[str, str]], cuts: list[int]) -> db.Bag:
    """A bag of ``(line, path)`` pairs cut into partitions at the given places."""
    places = sorted({c % (len(lines) + 1) for c in cuts} | {0, len(lines)})
    parts = [lines[a:b] for a, b in itertools.pairwise(places)]
    return db.from_delayed([_delayed(part) for part in parts])  # type: ignore[no-untyped-call, no-any-return]


def _delayed(part: list[tuple[str, str]]) -> Any:
    import dask  # noqa: PLC0415 - dask is a test dependency here

    return dask.delayed(lambda: part)()  # type: ignore[attr-defined]


def within(issues: Any) -> list[tuple[Any, ...]]:
    """What an issue says of its record, in order.

    Records in memory have no file or line, and a hint may name a place.
    """
    return [(i.rule, i.record, i.message) for i in issues]


def check_file(path: Path, cuts: list[int], profile: str) -> None:
    """The file's report: in memory, streamed, by ``iter_validate`` and partitioned, alike."""
    streamed = g.validate(path, profile=profile)
    records = [orjson.loads(line) for line in path.read_bytes().splitlines()[1:]]
    refused = any(i.rule == "schema-version" for i in streamed)  # the file is refused whole
    if not refused and all(isinstance(record, dict) for record in records):
        # The same records as a list in memory (the header line's own issues aside).
        in_memory = g.validate(records, profile=profile)
        assert within(i for i in streamed if i.line != 1) == within(in_memory)
    assert sorted(shown(g.iter_validate(path, profile=profile))) == sorted(shown(streamed))
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    bag = chunked([(line, str(path)) for line in text], cuts)
    partitioned = validate_bag(bag, profile=profile, scheduler="sync")
    assert shown(partitioned) == shown(streamed)
    assert partitioned.records == streamed.records
    assert partitioned.counts == streamed.counts


@settings(SLOW, max_examples=EXAMPLES)
@given(testing.datasets(), st.lists(st.integers(0, 200), max_size=6))
def test_valid_datasets_any_partitioning(data: g.Dataset, cuts: list[int]) -> None:
    """A valid dataset: one report, from memory, streamed and any partitioning."""
    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / "data.jsonl"
        path.write_bytes(dumps_jsonl(data))
        check_file(path, cuts, "unece-2024")


@pytest.mark.parametrize("slug", SLUGS)
def test_invalid_datasets_any_partitioning(slug: str) -> None:
    """A dataset breaking each rule: one report, from memory, streamed and any partitioning."""
    profile = profile_for(slug)

    @settings(SLOW, max_examples=max(2, EXAMPLES // 3))
    @given(testing.invalid_datasets(slug), st.lists(st.integers(0, 200), max_size=6))
    def same(data: bytes, cuts: list[int]) -> None:
        document = orjson.loads(data)
        if not isinstance(document, dict) or not all(
            isinstance(document.get(c, []), list) for c in COLLECTIONS
        ):
            return  # not a document of records: nothing to put on lines
        with tempfile.TemporaryDirectory() as name:
            path = Path(name) / "data.jsonl"
            path.write_bytes(b"".join(line + b"\n" for line in as_lines(document)))
            check_file(path, cuts, profile)

    same()


def test_iter_validate_hands_out_a_lines_issues_before_reading_the_next(tmp_path: Path) -> None:
    """The first issue comes before the file is read to its end."""
    path = tmp_path / "data.jsonl"
    lines = [orjson.dumps({TYPE_KEY: HEADER_TYPE, "schema_version": "1.0"})]
    lines.append(b'{"@type": "pledge", "id": "p1", "text": "", "member_state": "ESP"}')
    lines.extend(b"not json" for _ in range(3))
    path.write_bytes(b"\n".join(lines) + b"\n")
    found = g.iter_validate(path)
    first = next(found)
    assert (first.rule, first.line) == ("invalid-value", 2)
    assert [(i.rule, i.line) for i in found] == [("json-syntax", n) for n in (3, 4, 5)]


def test_iter_validate_checks_its_options_at_once() -> None:
    """A wrong call raises when the iterator is made, before any reading."""
    with pytest.raises(g.UnknownCodeError):
        g.iter_validate(b"{}", profile="nowhere")
    with pytest.raises(g.InvalidCodeError):
        g.iter_validate(42)


def test_whole_checks_still_run() -> None:
    """A rule written over every record at once still runs: the records are kept for it."""
    from gcm_model.validation import _context, _judges  # noqa: PLC0415, F401 - registers rules

    parts = _context.CHECKS["webcast"]
    saved = (list(parts.records), parts.whole)

    def whole(context: Any, rule: Any) -> Any:
        for located in context.by_collection["meetings"]:
            if located.record.webcast is False:
                yield context.issue(rule, located, "webcast", "not webcast")

    try:
        parts.records.clear()
        parts.whole = whole
        meeting = {"@type": "meeting", "id": "m", "title": "t", "kind": "regional_review"}
        report = g.validate([{**meeting, "start": "2024-03-11", "webcast": False}])
        assert [(i.rule, i.message) for i in report if i.rule == "webcast"] == [
            ("webcast", "not webcast")
        ]
    finally:
        parts.records[:] = saved[0]
        parts.whole = saved[1]


def test_no_rule_keeps_the_records() -> None:
    """Every implemented rule, the review cycle's included, is record checks or facts and a judge."""
    from gcm_model.validation import _plan  # noqa: PLC0415 - the rules as a validation loads them

    checks = _plan._checks()
    assert {"imrf-alternation", "summary-report", "accreditation"} <= set(checks)
    assert {"call-notice", "sg-report-lead-time"} <= set(checks)
    assert [slug for slug, parts in checks.items() if parts.whole is not None] == []
    assert all(parts.records or parts.judge for parts in checks.values())


def test_a_line_that_is_no_object_reads_alike(tmp_path: Path) -> None:
    """Dask words a line that is no object as ``validate`` does."""
    path = tmp_path / "data.jsonl"
    path.write_bytes(b'{"@type": "dataset", "schema_version": "1.0"}\n0\n')
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    partitioned = validate_bag(chunked([(line, str(path)) for line in text], [1]), scheduler="sync")
    assert shown(partitioned) == shown(g.validate(path))
    assert [i.message for i in partitioned] == ["expected an object, got an integer"]


def _gathered_dangling(lines: list[bytes]) -> tuple[list[Any], list[str]]:
    """The dangling-reference facts a reading of JSON Lines keeps, and the issues' pointers."""
    from gcm_model.validation._engine import _from_lines  # noqa: PLC0415 - the streaming reader
    from gcm_model.validation._plan import Plan, Run  # noqa: PLC0415

    run = Run(Plan.of("default", select=["dangling-reference"]))
    for _ in _from_lines(lines, run, "data.jsonl"):
        pass
    facts = run.gathered.facts
    facts.settle()  # as the judging does first
    kept = list(facts.of("dangling-reference"))
    issues = [issue.path for _, issue in run.judge()]
    assert list(facts.of("dangling-reference")) == []  # let go once judged
    return kept, issues


def test_references_settle_as_their_ids_are_read() -> None:
    """A reference, to a record read before or after it, is not kept once its id is read.

    The example's meeting names participants on later lines: forward references,
    settled when those lines come. A reference to no record stays and is reported.
    """
    example = g.load(Path(__file__).resolve().parents[1] / "examples" / "data" / "unece_2024.json")
    lines = dumps_jsonl(example).splitlines()
    kept, issues = _gathered_dangling(lines)
    assert (kept, issues) == ([], [])
    meeting = next(n for n, line in enumerate(lines) if b'"@type":"meeting"' in line)
    record = orjson.loads(lines[meeting])
    record["organisers"] = [*record["organisers"], "org:nowhere"]
    broken = [*lines[:meeting], orjson.dumps(record), *lines[meeting + 1 :]]
    kept, issues = _gathered_dangling(broken)
    index = len(record["organisers"]) - 1
    assert [[tail for tail, _, _ in refs] for _, refs in kept] == [[f"organisers/{index}"]]
    assert issues == [f"/organisers/{index}"]


def _placed(facts: Any, collection: str, record_id: str | None, line: int) -> int:
    """A record taken into the facts' index at a line of a.jsonl: its number."""
    from gcm_model.validation._context import Located  # noqa: PLC0415 - the index itself

    located = Located(collection, types.SimpleNamespace(id=record_id), "", "a.jsonl", line)
    return int(facts.place(collection, record_id or "p:3", located))


def test_facts_keep_each_id_with_where_its_record_is() -> None:
    """A record's id reads back as written: with its number, alone (not built), or renamed."""
    from gcm_model.validation._context import Facts  # noqa: PLC0415 - the index itself

    facts = Facts()
    built = _placed(facts, "participants", "p:1", 2)
    facts.add_id("participants", "p:2")
    renamed = _placed(facts, "participants", None, 4)
    facts.add_id("participants", "p:4")
    assert list(facts.ids_of("participants")) == [
        ("p:1", built),
        ("p:2", None),
        ("p:3", renamed),
        ("p:4", None),
    ]
    assert facts.known["participants"] == {"p:1", "p:2", "p:3", "p:4"}
    assert facts.first["participants"] == {"p:1": built}
    assert facts.where(built) == ("", "a.jsonl", 2, "p:1")
    assert facts.where(renamed) == ("", "a.jsonl", 4, None)


def test_a_reference_to_a_later_part_settles_when_the_parts_merge() -> None:
    """A reference waiting for an id another part reads is dropped at the merge, not judged."""
    from gcm_model.validation._context import CHECKS, Facts  # noqa: PLC0415 - the index
    from gcm_model.validation._judges import _unresolved, _waits  # noqa: PLC0415 - its pruning

    assert CHECKS["dangling-reference"].prune is _unresolved
    first, second = Facts.of_part(0), Facts.of_part(1)
    meeting = _placed(first, "meetings", "m:1", 2)
    waiting = (meeting, (("organisers/0", "p:1", ("participants",)),))
    first.add("dangling-reference", "meetings", waiting, _waits)
    assert list(first.of("dangling-reference")) == [waiting]
    participant = _placed(second, "participants", "p:1", 3)
    first.merge(second)
    assert list(first.of("dangling-reference")) == []
    assert first.waiting == {}
    assert first.where(meeting) == ("", "a.jsonl", 2, "m:1")
    assert first.where(participant) == ("", "a.jsonl", 3, "p:1")


def test_shared_values_are_kept_once_and_unhashable_ones_pass() -> None:
    """Equal tuples of codes are one object; a value that cannot be a key is returned as it is."""
    from gcm_model.validation._context import shared_values  # noqa: PLC0415 - the facts' helper

    assert shared_values("f", ("e:1",)) is shared_values("f", ("e:1",))
    assert shared_values("f", [1]) == ("f", [1])


def test_parts_number_their_records_apart_and_duplicates_show_across_them() -> None:
    """An id read in two parts is a duplicate at its second record, wherever the parts cut."""
    from gcm_model.validation._context import Facts  # noqa: PLC0415 - the index

    merged, first, second = Facts(), Facts.of_part(0), Facts.of_part(1)
    one = _placed(first, "participants", "p:1", 2)
    second.add_id("participants", "p:1")
    two = _placed(second, "participants", "p:1", 4)
    three = _placed(second, "participants", "p:1", 5)
    assert one != two
    merged.merge(first)
    merged.merge(second)
    assert list(merged.duplicates()) == [("participants", [two, three])]
    assert [merged.where(n)[2] for n in (one, two, three)] == [2, 4, 5]


FILE_SHAPES: dict[str, Callable[[list[bytes]], list[bytes]]] = {
    "as written": lambda lines: lines,
    "no header": lambda lines: lines[1:],
    "blank lines first": lambda lines: [b"\n", b"  \n", *lines],
    "a header again later": lambda lines: [*lines, lines[0]],
    "a version not read": lambda lines: [
        b'{"@type": "dataset", "schema_version": "9.0"}\n',
        *lines[1:],
    ],
    "a broken first line": lambda lines: [b"{\n", *lines[1:]],
    "blank lines only": lambda _: [b"\n", b"\n"],
}


@pytest.mark.parametrize("shape", FILE_SHAPES, ids=list(FILE_SHAPES))
@settings(SLOW, max_examples=max(2, EXAMPLES // 3))
@given(testing.datasets(), st.lists(st.integers(0, 200), max_size=6))
def test_odd_files_any_partitioning(shape: str, data: g.Dataset, cuts: list[int]) -> None:
    """A file without its header, with a second one, refused or blank: Dask says what validate says."""
    lines = FILE_SHAPES[shape](dumps_jsonl(data).splitlines(keepends=True))
    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / "data.jsonl"
        path.write_bytes(b"".join(lines))
        streamed = g.validate(path)
        whole = validate_bag(str(path), scheduler="sync")  # one partition, the file's
        assert shown(whole) == shown(streamed)
        text = path.read_text(encoding="utf-8").splitlines(keepends=True)
        if not text:  # no line names the file in a bag: only its path can (above)
            return
        partitioned = validate_bag(
            chunked([(line, str(path)) for line in text], cuts), scheduler="sync"
        )
        assert shown(partitioned) == shown(streamed)
        assert partitioned.records == streamed.records
