"""Tests for gcm_model.schema: the published JSON Schema and its agreement with the loader."""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import re
from pathlib import Path
from typing import Any

import jsonschema
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

import gcm_model as g
from gcm_model import _decode, cli
from gcm_model.converters import dumps, loads, structure, unstructure
from gcm_model.dates import read_moment
from gcm_model.errors import DocumentError, InvalidCodeError
from gcm_model.models.checks import EMAIL_TEXT
from gcm_model.schema import (
    DATE_PATTERN,
    DATETIME_PATTERN,
    NOT_IN_SCHEMA,
    json_schema,
    published_schema,
)

ROOT = Path(__file__).resolve().parents[1]
STRUCTURAL = {"missing-field", "unknown-field", "wrong-type"}
MODEL_CLASSES = [g.Venue, g.ThematicSession, g.Meeting, g.Report, g.Participant, g.Dataset]


def validator(cls: type[Any] = g.Dataset) -> jsonschema.Draft202012Validator:
    """A validator of the generated schema, checking formats too."""
    return jsonschema.Draft202012Validator(
        json_schema(cls), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def example(name: str) -> g.Dataset:
    """The dataset an examples/ script builds."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "examples" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built: g.Dataset = module.build()
    return built


def inline(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with every $ref replaced by its definition (for hypothesis-jsonschema)."""
    definitions = schema["$defs"]

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                target = walk(definitions[node["$ref"].rsplit("/", 1)[1]])
                return {**target, **{k: walk(v) for k, v in node.items() if k != "$ref"}}
            return {k: walk(v) for k, v in node.items() if k not in ("$defs", "$schema", "$id")}
        if isinstance(node, list):
            return [walk(item) for item in node]
        return node

    inlined: dict[str, Any] = walk(schema)
    return inlined


def test_schema_is_valid_json_schema_2020_12() -> None:
    """The generated schema passes the 2020-12 meta-schema."""
    jsonschema.Draft202012Validator.check_schema(json_schema())
    for cls in MODEL_CLASSES:
        jsonschema.Draft202012Validator.check_schema(json_schema(cls))


def test_published_file_is_current() -> None:
    """schema/dataset.schema.json is what the code generates; run scripts/update_schema.py."""
    assert (ROOT / "schema" / "dataset.schema.json").read_bytes() == published_schema()


def test_schema_carries_the_declared_constraints() -> None:
    """Enums, bounds, patterns, uniqueness, required fields and descriptions come through."""
    schema = json_schema()
    defs = schema["$defs"]
    assert schema["$ref"] == "#/$defs/Dataset"
    assert defs["Dataset"]["properties"]["schema_version"] == {
        "const": g.SCHEMA_VERSION,
        "description": "The version of the dataset format.",
    }
    session = defs["ThematicSession"]
    assert session["required"] == [
        "kind"
    ]  # a session on objectives or priority areas has no cluster
    assert {"type": "null"} in session["properties"]["cluster"]["anyOf"]
    assert session["properties"]["priority_areas"]["items"] == {"$ref": "#/$defs/Text"}
    assert session["properties"]["kind"]["const"] == "thematic_session"
    assert session["properties"]["objectives"]["items"] == {
        "type": "integer",
        "minimum": 1,
        "maximum": 23,
    }
    assert session["properties"]["objectives"]["uniqueItems"] is True
    assert defs["ClusterCode"]["enum"] == [1, 2, 3, 4]
    assert defs["CommissionCode"]["enum"] == ["ECA", "ECE", "ECLAC", "ESCAP", "ESCWA"]
    assert len(defs["CountryCode"]["enum"]) == 250
    assert defs["RegionalReview"]["properties"]["commissions"]["minItems"] == 1
    assert all(d.get("additionalProperties") is False for d in defs.values() if "properties" in d)
    assert defs["Meeting"]["properties"]["co_chairs"]["description"].startswith(
        "the States presiding"
    )
    assert "slot" in defs["Hearing"]["properties"]["reported_minutes"]["description"]
    segments = defs["Meeting"]["properties"]["agenda"]["items"]["oneOf"]
    assert len(segments) == len(g.models.process.SEGMENT_TYPES)


def test_json_schema_refuses_what_is_not_a_model() -> None:
    """json_schema(int) is a wrong call."""
    with pytest.raises(InvalidCodeError):
        json_schema(int)


@pytest.mark.parametrize("name", ["unece_2024", "unece_2020", "second_round", "eca_2024"])
def test_examples_satisfy_the_schema(name: str) -> None:
    """Every bundled example, as the converter writes it, is valid under the schema."""
    errors = list(validator().iter_errors(unstructure(example(name))))
    assert errors == []


def _allowed(rule: str, pointer: str) -> bool:
    """Whether a loader problem is one NOT_IN_SCHEMA says the schema cannot express."""
    field = pointer.rsplit("/", 1)[-1]
    return any(rule == r and (not f or f == field) for r, f, _ in NOT_IN_SCHEMA)


@pytest.mark.parametrize(
    "cls", [g.Venue, g.Window, g.ThematicSession, g.Meeting, g.Participant, g.Report]
)
def test_schema_valid_documents_load_or_break_only_what_the_schema_cannot_say(
    cls: type[Any],
) -> None:
    """Documents generated from the schema load and round-trip, or fail a documented rule."""

    @settings(max_examples=25, suppress_health_check=list(HealthCheck), deadline=None)
    @given(from_schema(inline(json_schema(cls))))
    def check(document: dict[str, Any]) -> None:
        try:
            loaded = structure(document, cls)
        except DocumentError as exc:
            bad = [(p.rule, p.pointer) for p in exc.problems if not _allowed(p.rule, p.pointer)]
            assert bad == []
        else:
            assert structure(unstructure(loaded), cls) == loaded

    check()


def _mutations(document: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """Structural damage at a random place: an unknown key, a dropped key, a wrong type."""
    paths: list[tuple[Any, ...]] = []

    def walk(node: Any, path: tuple[Any, ...]) -> None:
        if isinstance(node, dict):
            paths.append(path)
            for key, value in node.items():
                walk(value, (*path, key))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, (*path, index))

    walk(document, ())

    def damage(path: tuple[Any, ...], how: str, key_index: int) -> dict[str, Any]:
        copy: dict[str, Any] = unstructure(structure(document))  # a fresh deep copy
        node = copy
        for step in path:
            node = node[step]
        keys = sorted(node)
        if how == "unknown" or not keys:
            node["surplus"] = 1
        elif how == "drop":
            del node[keys[key_index % len(keys)]]
        else:
            node[keys[key_index % len(keys)]] = {"wrong": ["type"]}
        return copy

    return st.builds(
        damage,
        st.sampled_from(paths),
        st.sampled_from(["unknown", "drop", "retype"]),
        st.integers(min_value=0, max_value=50),
    )


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_loader_structural_rejections_are_schema_rejections(data: st.DataObject) -> None:
    """Whenever the loader refuses a document for a structural reason, so does the schema."""
    document = unstructure(example("unece_2024"))
    damaged = data.draw(_mutations(document))
    try:
        structure(damaged)
    except DocumentError as exc:
        structural = [
            p for p in exc.problems if p.rule in STRUCTURAL and not _allowed(p.rule, p.pointer)
        ]
        if structural:
            assert not validator().is_valid(damaged)


# -- moments: the schema's Moment and the loader accept exactly the same texts ------------------


@functools.cache
def window_validator() -> jsonschema.Draft202012Validator:
    """A validator of the Window schema (two moments), made once."""
    return validator(g.Window)


def _written(moment: dt.datetime, offset: int, decimals: int, *, zulu: bool) -> str:
    """A datetime written in one of the accepted ways, with ``offset`` minutes east of UTC."""
    text = moment.replace(microsecond=0).isoformat()
    if decimals:
        text += "." + f"{moment.microsecond:06d}"[:decimals]
    if zulu and offset == 0:
        return text + "Z"
    sign = "-" if offset < 0 or (offset == 0 and zulu) else "+"  # -00:00 is RFC 3339's too
    return text + f"{sign}{abs(offset) // 60:02d}:{abs(offset) % 60:02d}"


_ACCEPTED = st.one_of(
    st.dates().map(dt.date.isoformat),
    st.builds(
        _written,
        st.datetimes(),
        st.integers(-(24 * 60 - 1), 24 * 60 - 1) | st.just(0),
        st.integers(0, 6),
        zulu=st.booleans(),
    ),
)
"""Moments in every form the wire format takes."""

_MUTATIONS: tuple[tuple[str, str], ...] = (
    (r"T", " "),  # a space for the T
    (r"T", "t"),
    (r"Z$", "z"),
    (r"([+-]\d{2}):(\d{2})$", r"\1\2"),  # +0100
    (r"([+-]\d{2}):\d{2}$", r"\1"),  # +01
    (r"([+-]\d{2}:\d{2})$", r"\1:30"),  # an offset with seconds
    (r"(Z|[+-]\d{2}:\d{2})$", ""),  # naive
    (r"(T\d{2}:\d{2}):\d{2}", r"\1"),  # no seconds
    (r"T\d{2}", "T24"),
    (r"(T\d{2}:\d{2}):\d{2}", r"\1:60"),  # a leap second
    (r"(:\d{2})(\.\d+)?(Z|[+-])", r"\1.1234567\3"),  # seven decimals
    (r"(:\d{2})(\.\d+)?(Z|[+-])", r"\1,5\3"),  # a decimal comma
    (r"(:\d{2})(\.\d+)?(Z|[+-])", r"\1.\3"),  # a dot without decimals
    (r"[+-]\d{2}:\d{2}$", "+24:00"),
    (r"^(\d{4})-(\d{2})-(\d{2})", r"\1\2\3"),  # no dashes
    (r"^(\d{4})-\d{2}-\d{2}", r"\1-02-29"),
    (r"^(\d{4})-\d{2}-\d{2}", r"\1-02-30"),
    (r"^(\d{4})-\d{2}-\d{2}", r"\1-04-31"),
    (r"^\d{4}", "0000"),
    (r"^\d{4}", "1900"),  # not a leap year: a mutation to 02-29 then fails
    (r"^\d", "\uff12"),  # a digit of another script
    (r"$", "\n"),
    (r"^", " "),
)
"""Ways of writing a moment that Python's ``fromisoformat`` takes or that look close."""


def _mutated(text: str, mutations: list[int]) -> str:
    """The text after some of the mutations, in the order drawn."""
    for index in mutations:
        pattern, replacement = _MUTATIONS[index]
        text = re.sub(pattern, replacement, text, count=1)
    return text


def _week_date(day: dt.date, *, basic: bool) -> str:
    """The ISO 8601 week date of a day: ``2024-W11-1`` or ``2024W111``."""
    year, week, weekday = day.isocalendar()
    return f"{year}W{week:02d}{weekday}" if basic else f"{year}-W{week:02d}-{weekday}"


def _ordinal_date(day: dt.date, *, basic: bool) -> str:
    """The ISO 8601 ordinal date of a day: ``2024-071`` or ``2024071``."""
    return f"{day.year:04d}{'' if basic else '-'}{day.timetuple().tm_yday:03d}"


_OTHER_DATES = st.one_of(
    st.builds(_week_date, st.dates(min_value=dt.date(2, 1, 1)), basic=st.booleans()),
    st.builds(_ordinal_date, st.dates(), basic=st.booleans()),
)
"""Days written as week or ordinal dates, which Python 3.11 reads too (some of them)."""

_CANDIDATES = st.one_of(
    _ACCEPTED,
    st.builds(_mutated, _ACCEPTED, st.lists(st.integers(0, len(_MUTATIONS) - 1), max_size=3)),
    _OTHER_DATES,
    st.builds(lambda day, moment: day + moment[10:], _OTHER_DATES, _ACCEPTED),  # with a time
    # Digits in a moment's shape, near the limits: 02-30, 04-31, hours past 23, :60...
    st.from_regex(
        r"[0-9]{4}-[01][0-9]-[0-3][0-9]"
        r"(T[0-2][0-9]:[0-6][0-9](:[0-6][0-9](\.[0-9]{1,8})?)?(Z|[+-][0-2][0-9](:?[0-6][0-9])?)?)?",
        fullmatch=True,
    ),
    st.text(max_size=30),
)
"""Texts that are moments, nearly moments, or other ISO 8601 forms."""


def _loads(text: str) -> g.Window | None:
    """The window ``loads`` reads with ``text`` as its opening, or ``None`` if it refuses."""
    try:
        return loads(orjson.dumps({"opens": text}), g.Window)
    except DocumentError:
        return None


def _same_moment(one: dt.date | None, other: dt.date | None) -> bool:
    """Equal, and the same kind, wall time and offset (== compares datetimes by instant)."""
    if type(one) is not type(other) or one != other:
        return False
    if isinstance(one, dt.datetime) and isinstance(other, dt.datetime):
        return one.replace(tzinfo=None) == other.replace(tzinfo=None) and (
            one.utcoffset() == other.utcoffset()
        )
    return True


@settings(deadline=None)
@given(_CANDIDATES)
def test_the_schema_and_the_loader_accept_the_same_moments(text: str) -> None:
    """The schema's Moment, loads (both paths) and read_moment agree; accepted texts round-trip."""
    in_schema = window_validator().is_valid({"opens": text})
    by_pattern = any(re.search(p, text) for p in (DATE_PATTERN, DATETIME_PATTERN))
    loaded = _loads(text)
    decoder = _decode.decoder(g.Window)
    assert decoder is not None
    try:
        fast: dt.date | None = decoder({"opens": text}).opens
    except Exception:  # noqa: BLE001 - the fast path refuses by any exception
        fast = None
    try:
        read: dt.date | None = read_moment(text)
    except InvalidCodeError:
        read = None
    assert in_schema == by_pattern == (loaded is not None) == (read is not None)
    assert fast is None or _same_moment(fast, read)
    if loaded is None:
        return
    assert _same_moment(loaded.opens, read)
    written = orjson.loads(dumps(loaded))["opens"]
    assert isinstance(read, dt.date)
    assert written == read.isoformat()
    assert window_validator().is_valid({"opens": written})
    again = _loads(written)
    assert again is not None
    assert _same_moment(again.opens, read)
    assert orjson.loads(dumps(again))["opens"] == written


@pytest.mark.parametrize(
    "text",
    [
        "2024-03-11",
        "2024-02-29",
        "2024-03-11T08:30:00+01:00",
        "2024-03-11T08:30:00.123456-03:30",
        "0001-01-01T00:00:00+00:00",
        "9999-12-31T23:59:59.999999+23:59",
    ],
)
def test_canonical_moments_round_trip_to_the_same_text(text: str) -> None:
    """A moment written as dumps writes it (seconds, 0 or 6 decimals, +HH:MM) comes back as is."""
    loaded = _loads(text)
    assert loaded is not None
    assert orjson.loads(dumps(loaded))["opens"] == text


@pytest.mark.parametrize(
    "text", ["2024-03-11 08:30+01:00", "2024-03-11T08:30:00+0100", "2024-W11-1", "2024-071"]
)
def test_forms_python_would_rewrite_are_refused_by_both(text: str) -> None:
    """The forms of the issue: the schema refuses them, and so does the loader, with a reason."""
    assert not window_validator().is_valid({"opens": text})
    with pytest.raises(DocumentError) as caught:
        loads(orjson.dumps({"opens": text}), g.Window)
    (problem,) = caught.value.problems
    assert (problem.rule, problem.pointer) == ("invalid-value", "/opens")
    assert "expected YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS" in problem.message


def test_the_schema_takes_the_round_codes_the_loader_takes() -> None:
    """Rounds on the cadence beyond the data (``regional-2028``) are codes in both, and no others."""
    rounds = json_schema(g.Dataset)["$defs"]["ReviewRoundCode"]
    check = jsonschema.Draft202012Validator(rounds)
    codes = [f"{kind}-{year}" for kind in ("regional", "imrf") for year in range(1990, 2110)]
    codes += ["regional-9996", "imrf-9998", "regional-9998", "REGIONAL-2024", "regional-02024", ""]
    for code in codes:
        try:
            g.rounds.validate(code)
            loads_it = g.rounds.validate(code) == code
        except (InvalidCodeError, g.UnknownCodeError):
            loads_it = False
        assert check.is_valid(code) is loads_it, code


def test_a_new_meeting_in_a_later_round_satisfies_the_schema(tmp_path: Path) -> None:
    """``gcm-model new meeting --date 2028-10-01`` writes round regional-2028, which the schema takes."""
    target = tmp_path / "m.json"
    assert (
        cli.main(
            ["new", "meeting", "--commission", "ECE", "--date", "2028-10-01", "-o", str(target)]
        )
        == 0
    )
    document = orjson.loads(target.read_bytes())
    assert document["reviews"][0]["round"] == "regional-2028"
    assert list(validator().iter_errors(document)) == []


@given(st.text(alphabet=st.characters(max_codepoint=0x3100), min_size=1, max_size=6))
def test_the_schema_and_the_constructor_take_the_same_emails(noise: str) -> None:
    """Control characters and every kind of white space: refused by both, or by neither."""
    check = jsonschema.Draft202012Validator({"type": "string", "pattern": EMAIL_TEXT})
    for text in (f"a{noise}@un.org", f"{noise}@un.org", f"a@un{noise}"):
        try:
            g.Contact(role="registration", email=text)
            built = True
        except g.InvalidValueError:
            built = False
        assert check.is_valid(text) is built, repr(text)
