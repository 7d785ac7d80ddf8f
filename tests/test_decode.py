"""The compiled decoders agree with the detailed converter: never accept what it refuses.

``gcm_model._decode`` builds valid input without re-running the checks; on
anything else the converter decodes again in detail. These tests decode
generated records, and mutations of them, both ways: the decoder must accept
every valid record and build the same object, and must refuse every document
the detailed converter finds a problem in.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
from typing import TYPE_CHECKING, Any

import attrs
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gcm_model as g
from gcm_model import _decode, converters, testing
from gcm_model._detail import Detail
from gcm_model._faults import _problems
from gcm_model._hooks import Structurer
from gcm_model.models._base import Model
from gcm_model.models.checks import CONTROL, deferred_checks
from gcm_model.models.kinds import KEY, Child, Kind, Many, Text, declared
from gcm_model.models.process import Hearing

if TYPE_CHECKING:
    from collections.abc import Iterator

KINDS: list[st.SearchStrategy[Any]] = [
    testing.meetings(),
    testing.regional_reviews(),
    testing.preparatory_events(),
    testing.participants(),
    testing.written_submissions(),
    testing.reports(),
    testing.pledges(),
    testing.review_forums(),
    testing.secretary_general_reports(),
    testing.calls(),
    testing.national_reviews(),
    testing.funds(),
    testing.windows(),
    testing.contacts(),
    testing.venues(),
    testing.segments(),
    testing.report_sections(),
    testing.datasets(max_records=2),
]
"""A strategy for each kind of record and object, valid ones."""
RECORDS = st.one_of(KINDS).map(lambda r: (r, type(r)))

JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=4),
    st.sampled_from(
        [
            "",
            " x",
            "x ",
            "a\x07b",
            "a\x7fb",
            "2024-03-11",
            "2024-3-11",
            "2024-03-11T10:00:00",
            "2024-03-11T10:00:00+01:00",
            "2024-03-10T10:00:00Z",
            "ESP",
            "esp",
            "XKX",
            "ECE",
            "regional-2024",
            "regional-2023",
            "hearing",
            "thematic_session",
            "in_person",
            "Europe/Zurich",
            "CET",
            "a@b",
            "a @b",
            "id:1",
            "-x",
            "co_chair",
        ]
    ),
    st.lists(st.sampled_from([1, 2, 2, 5, 24, True, "ESP", "ESP", "a", "", None]), max_size=4),
    st.dictionaries(
        st.sampled_from(["kind", "title", "city", "x"]),
        st.sampled_from(["hearing", "closing", "t", 1]),
        max_size=2,
    ),
)
"""Values to put where valid ones were: wrong types, near misses and good values out of place."""

EDGES: tuple[object, ...] = (0, -1, 1, True, 1.5, "a @b", "a@b.org", "x", "", None, [], {}, "ESP")
BORDER = st.sampled_from(EDGES)
"""Values on the edge of what a field accepts, to put in fields a record does not have yet."""

REJECTED = object()


def _nodes(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _nodes(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _nodes(value, (*path, index))


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


def _dict_at(document: Any, path: tuple[Any, ...]) -> dict[str, Any] | None:
    """The object at ``path`` if an earlier mutation left one there."""
    try:
        found = _at(document, path)
    except (KeyError, IndexError, TypeError):
        return None
    return found if isinstance(found, dict) else None


def _near_misses(value: Any) -> list[Any]:
    """Values close to ``value`` that may break a rule: the mutations most likely to slip through."""
    if isinstance(value, bool):
        return [None, 0, 1, "true", not value]
    if isinstance(value, int):
        return [0, -1, value + 1, 24, True, float(value), str(value), None]
    if isinstance(value, str):
        return [
            "",
            " ",
            f" {value}",
            f"{value} ",
            f"{value[:1]}\x07{value[1:]}",
            f"{value}\x7f",
            value.lower(),
            value.upper(),
            f"{value}x",
            value[:10],
            value.replace("+01:00", "").replace("Z", ""),
            5,
            None,
            [value],
        ]
    if isinstance(value, list):
        return [[], [*value, *value[:1]], [*value, None], [*value, {}], None, {}, value[::-1]]
    if isinstance(value, dict):
        return [None, [], {}, {**value, "x": 1}, {**value, "kind": "hearing"}]
    return [0, "", [], {}]


def _objects(obj: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """The model objects inside ``obj`` with their paths, which are their JSON paths too."""
    if attrs.has(type(obj)):
        yield path, obj
        for field in attrs.fields(type(obj)):
            yield from _objects(getattr(obj, field.name), (*path, field.name))
    elif isinstance(obj, tuple):
        for index, item in enumerate(obj):
            yield from _objects(item, (*path, index))


@st.composite
def mutated(draw: st.DrawFn) -> tuple[Any, type]:
    """A generated record's JSON with one or two values replaced, removed or added."""
    record, cls = draw(RECORDS)
    document = orjson.loads(g.dumps(record))
    objects = list(_objects(record))
    for _ in range(draw(st.integers(1, 2))):
        action = draw(st.sampled_from(["near", "near", "near", "junk", "remove", "add", "add"]))
        places = [(p, o) for p, o in objects if _dict_at(document, p) is not None]
        if action == "add" and places:  # a field of the object's class, or an unknown one
            path, obj = draw(st.sampled_from(places))
            target = _at(document, path)
            names = [f.name for f in attrs.fields(type(obj))]
            target[draw(st.sampled_from([*names, "x"]))] = draw(st.one_of(BORDER, JUNK))
            continue
        nodes = list(_nodes(document))
        leaves = [p for p in nodes if not isinstance(_at(document, p), dict | list)]
        on_leaf = draw(st.booleans())
        path = draw(st.sampled_from(leaves if leaves and on_leaf else nodes))
        if not path:
            continue
        parent = _at(document, path[:-1])
        if action in ("near", "add"):
            parent[path[-1]] = draw(st.sampled_from(_near_misses(parent[path[-1]])))
        elif action == "junk":
            parent[path[-1]] = draw(JUNK)
        else:
            del parent[path[-1]]
    return document, cls


def fast(document: Any, cls: type, *, plain: bool = False) -> Any:
    """The compiled decoder's result, or ``REJECTED``."""
    decode = _decode.decoder(cls, plain=plain)
    assert decode is not None
    try:
        return decode(document)
    except Exception:  # noqa: BLE001 - any failure is a refusal
        return REJECTED


def detailed(document: Any, cls: type) -> Any:
    """The detailed converter's result, or ``REJECTED`` when it finds a problem."""
    result, problems = converters._structure_object(document, cls)
    return REJECTED if problems else result


def _agree(document: Any, cls: type) -> None:
    variants = [False]
    if _decode.plain(orjson.dumps(document)):
        variants.append(True)
    for plain in variants:
        got = fast(document, cls, plain=plain)
        if got is REJECTED:
            continue  # refusing costs time, not correctness: the detailed path decides
        expected = detailed(document, cls)
        assert expected is not REJECTED, (
            f"the decoder accepted what the converter refuses ({plain=})"
        )
        assert g.dumps(got) == g.dumps(expected)
        assert got == expected


SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(RECORDS)
def test_the_decoders_build_every_valid_record_as_the_converter_does(
    pair: tuple[Any, type],
) -> None:
    """Valid input: the decoder accepts it and builds what the converter builds."""
    record, cls = pair
    data = g.dumps(record)
    document = orjson.loads(data)
    for plain in (False, _decode.plain(data)):
        assert fast(document, cls, plain=plain) == record
    assert detailed(document, cls) == record


@settings(SETTINGS, max_examples=max(SETTINGS.max_examples, 1000))
@given(mutated())
def test_the_decoders_never_accept_what_the_converter_refuses(pair: tuple[Any, type]) -> None:
    """Mutated input: whatever the decoder accepts, the converter accepts too, the same."""
    _agree(*pair)


@functools.cache
def _structurers() -> tuple[Structurer, Detail]:
    """The cattrs hooks' structurer, and the detailed path's, over one detailed converter."""
    converter = converters.make_converter()
    return Structurer(converter), Detail(converter, plain=False)


def _structured(kind: Kind, value: object, using: Structurer) -> tuple[str, Any]:
    """A field's JSON value structured by its kind with ``using``: the value, or its problems."""
    try:
        with deferred_checks():  # as on the detailed path: what is wrong beyond is for ``problems``
            return "value", kind.structure(value, using)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a problem
        return "problems", [attrs.astuple(p) for p in _problems(exc, ("f",), {"f": value})]


@settings(SETTINGS, max_examples=max(SETTINGS.max_examples, 1000))
@given(mutated())
def test_the_detailed_path_finds_what_the_cattrs_hooks_find(pair: tuple[Any, type]) -> None:
    """Each field of a mutated object, structured in detail both ways: the same value or problems.

    The detailed path decodes a nested object by its class's collector and a
    list item by item, without cattrs; the hooks of ``make_converter`` do it
    with cattrs. Both must give the same problems, in the same order.
    """
    document, cls = pair
    hooks, detail = _structurers()
    for name, kind in declared(cls):
        if name in document:
            assert _structured(kind, document[name], detail) == _structured(
                kind, document[name], hooks
            )


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        (
            "venue",
            {"cty": "Geneva", "country": 3, "name": " x"},
            [("unknown-field", "/venue/cty"), ("wrong-type", "/venue/country")],
        ),
        (
            "agenda",
            [
                {"kind": "hearing", "title": 1, "x": 2},
                {"title": "T"},
                {"kind": "thematic_session", "title": "T", "objectives": [1, "2", 30]},
                {"kind": "lunch"},
                5,
            ],
            [
                ("unknown-field", "/agenda/0/x"),
                ("wrong-type", "/agenda/0/title"),
                ("missing-field", "/agenda/1/kind"),
                ("wrong-type", "/agenda/2/objectives/1"),
                ("invalid-value", "/agenda/3/kind"),
                ("wrong-type", "/agenda/4"),
            ],
        ),
        (
            "documents",
            [{"url": "https://x.org"}, {}],
            [("missing-field", "/documents/0/title"), ("missing-field", "/documents/1/title")],
        ),
    ],
)
def test_refused_nested_objects_and_lists_have_the_problems_the_cattrs_hooks_find(
    name: str, value: object, expected: list[tuple[str, str]]
) -> None:
    """Keys, tags, missing fields and items, in cattrs' order; a value's own checks left out."""
    kind = dict(declared(g.Meeting))[name]
    hooks, detail = _structurers()
    found = _structured(kind, value, detail)
    assert found == _structured(kind, value, hooks)
    assert [(rule, pointer.replace("/f", f"/{name}", 1)) for rule, pointer, *_ in found[1]] == (
        expected
    )


@pytest.mark.parametrize("kind", KINDS, ids=repr)
@settings(SETTINGS, max_examples=min(SETTINGS.max_examples, 10))
@given(data=st.data())
def test_every_field_of_every_object_on_its_edges(kind: Any, data: st.DataObject) -> None:
    """Each field of each object in turn set to values on the edge of what fields accept."""
    record = data.draw(kind)
    document = orjson.loads(g.dumps(record))
    for path, obj in _objects(record):
        base = _at(document, path)
        for name in (*(f.name for f in attrs.fields(type(obj))), "x"):
            for value in (*EDGES, *_near_misses(base.get(name))):
                _agree({**base, name: value}, type(obj))


@given(st.recursive(JUNK, lambda inner: st.lists(inner, max_size=3), max_leaves=8))
def test_plain_json_holds_no_control_character(value: object) -> None:
    """``plain`` never vouches for JSON whose strings hold a control character."""
    data = orjson.dumps(value)
    if _decode.plain(data):
        assert not any(CONTROL.search(s) for s in _strings(value))
    assert _decode.plain(data) == _decode.plain(data.decode())


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"a": "plain"}', True),
        (b'{"a": "line\\nbreak and a \\"quote\\""}', True),
        (b'{"a": "bell \\u0007"}', False),
        (b'{"a": "backspace \\b"}', False),
        (b'{"a": "form feed \\f"}', False),
        (b'{"a": "delete \x7f"}', False),
        (b'{"a": "an escaped backslash before u: \\\\u"}', False),  # refused to be sure
        (bytearray(b'{"a": "plain"}'), True),
        (memoryview(b'{"a": "plain"}'), False),  # not searched: tested one by one
    ],
)
def test_plain(data: Any, expected: bool) -> None:  # noqa: FBT001 - a parameter
    """Backslash escapes that can make a control character, and DEL, make JSON not plain."""
    assert _decode.plain(data) is expected


def test_every_model_class_has_a_decoder() -> None:
    """Every model class compiles; other types have no decoder."""
    for cls in (
        g.Dataset,
        g.Meeting,
        g.RegionalReview,
        g.PreparatoryEvent,
        g.Participant,
        g.WrittenSubmission,
        g.Report,
        g.Pledge,
        g.Venue,
        g.Window,
        g.Contact,
        g.DocumentRef,
    ):
        assert _decode.decoder(cls) is not None, cls
    assert _decode.decoder(int) is None
    assert _decode.decoder(tuple[g.Meeting, ...]) is None


def test_a_tagged_class_decoded_on_its_own_checks_its_tag() -> None:
    """A segment class decoded directly refuses another kind's tag."""
    decode = _decode.decoder(g.Hearing)
    assert decode is not None
    assert decode({"kind": "hearing", "title": "Hearing"}) == g.Hearing(title="Hearing")
    assert decode({"title": "Hearing"}) == g.Hearing(title="Hearing")
    _agree({"kind": "closing", "title": "Hearing"}, g.Hearing)
    assert fast({"kind": "closing", "title": "Hearing"}, g.Hearing) is REJECTED


def test_moments_are_read_as_the_converter_reads_them() -> None:
    """Dates, datetimes with offsets, and the order of two moments."""
    decode = _decode.decoder(g.Window)
    assert decode is not None
    window = decode({"opens": "2024-03-11", "closes": "2024-03-11T10:00:00+01:00"})
    assert window.opens == dt.date(2024, 3, 11)
    assert window.closes.utcoffset() == dt.timedelta(hours=1)
    assert decode({"opens": "2024-03-11", "closes": "2024-03-11T10:00:00+01:00"}) == window
    for bad in ("2024-03-11T10:00:00", 20240311, "11 March 2024"):
        with pytest.raises(Exception):  # noqa: B017, PT011 - any refusal
            decode({"opens": bad})
    with pytest.raises(_decode.Reject, match=r"Window\.closes"):
        decode({"opens": "2024-03-12", "closes": "2024-03-11"})


def test_the_moment_cache_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The caches of read moments and well-formed ids are emptied when they are full."""
    monkeypatch.setattr(_decode, "_KEPT", 3)
    _decode._MOMENTS.clear()  # what earlier tests read would be found, not read again
    _decode._IDS.clear()
    decode = _decode.decoder(g.Window)
    assert decode is not None
    for day in range(1, 10):
        decode({"opens": f"2024-03-{day:02}"})
    assert len(_decode._MOMENTS) <= 3
    pledge = _decode.decoder(g.Pledge)
    assert pledge is not None
    for number in range(10):
        pledge({"id": f"p{number}", "text": "Open a pathway.", "member_state": "ESP"})
    assert len(_decode._IDS) <= 3
    with pytest.raises(_decode.Reject, match=r"Pledge\.id"):
        pledge({"id": "-p", "text": "Open a pathway.", "member_state": "ESP"})


def test_a_str_subclass_is_refused_as_the_converter_refuses_it() -> None:
    """The converter takes only ``str`` itself; so does the decoder, cached moments too."""

    class Text(str):
        __slots__ = ()

    _agree({"opens": Text("2024-03-11")}, g.Window)
    _agree({"city": Text("Geneva")}, g.Venue)
    assert fast({"opens": Text("2024-03-11")}, g.Window) is REJECTED


def _declared(kind: Kind, **options: Any) -> Any:
    """A field declared with ``kind`` as it is, without ``define`` deriving the rest."""
    return attrs.field(metadata={KEY: kind}, **options)


class _Colour(Kind):
    """A kind the decoders know nothing of: no test, no conversion."""


@attrs.frozen(kw_only=True)
class _Undeclared(Model):
    number: int = 0  # no kind: nothing to compile from


@attrs.frozen(kw_only=True)
class _RequiredNullable(Model):
    title: str | None = _declared(Text())


@attrs.frozen(kw_only=True)
class _ListFactory(Model):
    sources: tuple[str, ...] = _declared(
        Many(item=Text(optional=False), optional=False), factory=list
    )


@attrs.frozen(kw_only=True)
class _NoneForRequired(Model):
    title: str = _declared(Text(optional=False), default=None)


@attrs.frozen(kw_only=True)
class _UnknownKind(Model):
    title: str | None = _declared(_Colour(), default=None)


@attrs.frozen(kw_only=True)
class _Holder(Model):
    inner: _Undeclared | None = _declared(Child(lambda: _Undeclared), default=None)


@pytest.mark.parametrize(
    "cls",
    [
        _Undeclared,
        _RequiredNullable,
        _ListFactory,
        _NoneForRequired,
        _UnknownKind,
        _Holder,
    ],
)
def test_a_class_the_decoders_cannot_compile_is_left_to_the_converter(cls: type) -> None:
    """No decoder (remembered as none), so ``structure`` uses cattrs alone."""
    assert _decode.decoder(cls) is None
    assert _decode.decoder(cls) is None


@pytest.mark.parametrize(
    ("cls", "document"),
    [
        (_RequiredNullable, {"title": 3}),
        (_ListFactory, {"sources": ["a", " b"]}),
        (_NoneForRequired, {"title": None}),
    ],
)
def test_a_field_the_collector_cannot_compile_is_decoded_in_detail(
    cls: type, document: dict[str, Any]
) -> None:
    """The collector names such a field whenever it is there (or required), for the detail."""
    bad: list[str] = []
    _decode.collector(cls)(document, bad)
    assert bad == [attrs.fields(cls)[0].name]
    assert converters._structure_detailed(document, cls)[1]


def test_the_collector_names_the_fields_it_refuses_in_order() -> None:
    """Refused and missing required fields, in field order; the others decoded."""
    bad: list[str] = []
    document = {"text": " x", "member_state": "ESP", "sources": ["s"]}
    pledge = _decode.collector(g.Pledge)(document, bad)
    assert bad == ["id", "text"]
    assert (pledge.id, pledge.member_state, pledge.sources) == (None, "ESP", ("s",))
    assert _decode.collector(g.Pledge) is _decode.collector(g.Pledge)


def test_a_refused_record_leaves_no_reference_cycles() -> None:
    """Its errors chain to nothing: what the fast pass built goes when the call returns.

    Without the cycle collector's help: the error path stays as quick with it on.
    """
    data = orjson.dumps({"id": "m", "title": "T", "kind": "x", "co_chairs": ["ESP", 3], "no": 1})
    for _ in range(2):  # registries and caches filled first
        with pytest.raises(g.DocumentError):
            converters.loads(data, g.Meeting)
    gc.collect()
    gc.disable()
    try:
        with pytest.raises(g.DocumentError) as caught:
            converters.loads(data, g.Meeting)
        del caught
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_decoded_objects_are_of_their_class_and_frozen() -> None:
    """Decoders build each object as a draft of its class: none leaves them as one."""
    venue = {"city": "Geneva", "country": "CHE"}
    document = {
        "id": "m",
        "title": "T",
        "kind": "other",
        "start": "2024-03-11",
        "venue": venue,
        "agenda": [{"kind": "hearing", "title": "H"}],
    }
    bad: list[str] = []
    for meeting in (
        _decode.decoder(g.Meeting)(document),  # type: ignore[misc]
        _decode.collector(g.Meeting)({**document, "title": " T"}, bad),
    ):
        for obj, cls in ((meeting, g.Meeting), (meeting.venue, g.Venue)):
            assert type(obj) is cls
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(obj, attrs.fields(cls)[0].name, "other")
        assert type(meeting.agenda[0]) is Hearing
    assert bad == ["title"]
