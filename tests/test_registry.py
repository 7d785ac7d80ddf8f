"""Tests for gcm_model.registry: the lookup trio and the identifier contract."""

from __future__ import annotations

import contextlib
import copy
import subprocess
import sys
import textwrap
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gcm_model
from gcm_model import _data, _registry, registry
from gcm_model.errors import GcmError, InvalidCodeError, UnknownCodeError
from gcm_model.models import kinds
from gcm_model.models.reference import Commission
from gcm_model.registry import Registry

REGISTRIES: dict[str, Registry[Any, Any]] = {
    name: getattr(registry, name)
    for name in registry.__all__
    if isinstance(getattr(registry, name), Registry)
}
IDENTIFIER_KINDS = ["objectives", "clusters", "commissions", "countries", "stakeholders"]

junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(),
    st.binary(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=3),
    st.tuples(st.text(max_size=3)),
    st.sampled_from([object(), ..., 11.0, "11.0", "١١", " ECE ", "\x00", "ecE"]),
)


def test_every_registry_is_listed() -> None:
    """The test table covers all fourteen registries."""
    assert len(REGISTRIES) == 14


@pytest.mark.parametrize("name", sorted(REGISTRIES))
def test_registry_round_trip_by_key(name: str) -> None:
    """Every record is found again by its own key through lookup, get and validate."""
    reg = REGISTRIES[name]
    records = list(reg)
    assert len(records) == len(reg) > 0
    for record in records:
        key = reg._key(record)
        assert reg.lookup(key) is record
        assert reg.get(key) is record
        assert reg.validate(key) == key
        assert key in reg


@pytest.mark.parametrize("name", sorted(REGISTRIES))
def test_registry_get_returns_default_and_lookup_raises(name: str) -> None:
    """An unknown key gives the default from get and UnknownCodeError from lookup."""
    reg = REGISTRIES[name]
    sentinel = object()
    assert reg.get("no such thing at all", sentinel) is sentinel
    with pytest.raises(UnknownCodeError) as info:
        reg.lookup("no such thing at all")
    assert info.value.kind == reg.kind


@pytest.mark.parametrize("name", sorted(REGISTRIES))
def test_registry_to_records_are_plain(name: str) -> None:
    """to_records gives one dict of JSON-friendly values per record."""
    reg = REGISTRIES[name]
    rows = reg.to_records()
    assert len(rows) == len(reg)
    allowed = (str, int, bool, float, list, dict, type(None))
    for row in rows:
        assert all(isinstance(v, allowed) for v in row.values()), row


@pytest.mark.parametrize("name", IDENTIFIER_KINDS)
@given(value=junk)
def test_is_valid_never_raises(name: str, value: object) -> None:
    """is_valid answers True or False for any input at all."""
    result = REGISTRIES[name].is_valid(value)
    assert isinstance(result, bool)


@pytest.mark.parametrize("name", sorted(REGISTRIES))
@given(value=junk)
def test_validate_compact_lookup_raise_only_gcm_errors(name: str, value: object) -> None:
    """On junk, validate, compact, lookup and get raise GcmError or nothing."""
    reg = REGISTRIES[name]
    for method in (reg.validate, reg.compact, reg.lookup):
        with contextlib.suppress(GcmError):
            method(value)
    reg.get(value)


@pytest.mark.parametrize("name", sorted(REGISTRIES))
@given(text=st.text())
def test_search_never_raises_on_text(name: str, text: str) -> None:
    """search takes any string and returns a list of records of the registry."""
    found = REGISTRIES[name].search(text)
    records = {id(record) for record in REGISTRIES[name]}  # the registry's own objects
    assert all(id(record) in records for record in found)


def test_search_rejects_non_strings() -> None:
    """search(123) is a wrong call, reported as InvalidCodeError."""
    with pytest.raises(InvalidCodeError):
        gcm_model.countries.search(123)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("reg", "given_value", "canonical"),
    [
        ("objectives", "11", 11),
        ("objectives", " 7 ", 7),
        ("objectives", 23, 23),
        ("clusters", "2", 2),
        ("commissions", " unece ", "ECE"),
        ("commissions", "cepal", "ECLAC"),
        ("commissions", "escap", "ESCAP"),
        ("countries", "mda", "MDA"),
        ("countries", "md", "MDA"),
        ("countries", "498", "MDA"),
        ("countries", "xkx", "XKX"),
        ("stakeholders", " Migrants ", "migrants"),
        ("principles", "(a)", "a"),
        ("meeting_formats", "In person", "in_person"),
        ("meeting_formats", "online", "virtual"),
    ],
)
def test_compact_normalises(reg: str, given_value: object, canonical: object) -> None:
    """compact fixes spacing, case, aliases and alternative codes."""
    assert REGISTRIES[reg].compact(given_value) == canonical
    assert REGISTRIES[reg].validate(given_value) == canonical


@pytest.mark.parametrize(
    ("reg", "value", "error"),
    [
        ("objectives", 0, UnknownCodeError),
        ("objectives", 24, UnknownCodeError),
        ("objectives", "24", UnknownCodeError),
        ("objectives", True, InvalidCodeError),
        ("objectives", 11.0, InvalidCodeError),
        ("objectives", "11.0", InvalidCodeError),
        ("objectives", "١١", InvalidCodeError),
        ("objectives", None, InvalidCodeError),
        ("clusters", 5, UnknownCodeError),
        ("commissions", "UNHCR", UnknownCodeError),
        ("commissions", "", InvalidCodeError),
        ("countries", "QQQ", UnknownCodeError),
        ("countries", 498, InvalidCodeError),
        ("stakeholders", "refugees", UnknownCodeError),
    ],
)
def test_validate_rejects(reg: str, value: object, error: type[GcmError]) -> None:
    """Wrong types and shapes are InvalidCodeError; unknown codes UnknownCodeError."""
    with pytest.raises(error):
        REGISTRIES[reg].validate(value)
    assert not REGISTRIES[reg].is_valid(value)


def test_lookup_by_name_alias_and_accents() -> None:
    """lookup accepts names and aliases, ignoring case and accents."""
    assert gcm_model.objectives.lookup("manage borders").number == 11
    assert gcm_model.countries.lookup("turkiye").alpha_3 == "TUR"
    assert gcm_model.countries.lookup("Côte d'Ivoire").alpha_3 == "CIV"
    assert gcm_model.countries.lookup("cote d ivoire").alpha_3 == "CIV"
    assert gcm_model.commissions.lookup("CEPAL").code == "ECLAC"
    assert gcm_model.commissions.lookup("Arab region").code == "ESCWA"
    assert gcm_model.stakeholders.lookup("NHRIs").code == "nhris"
    assert gcm_model.principles.lookup("people-centred").letter == "a"


def test_lookup_error_names_nearest_matches() -> None:
    """A near miss names the closest codes."""
    with pytest.raises(UnknownCodeError) as info:
        gcm_model.commissions.lookup("ESCWAA")
    assert info.value.suggestions[0] == "ESCWA"
    assert "did you mean 'ESCWA'" in str(info.value)
    with pytest.raises(UnknownCodeError) as info:
        gcm_model.countries.lookup("Moldovia")
    assert "MDA" in info.value.suggestions


def test_lookup_of_wrong_type_is_invalid_code_error() -> None:
    """lookup([1]) says the value cannot be a key, not that it is unknown."""
    with pytest.raises(InvalidCodeError):
        gcm_model.objectives.lookup([1])


def test_search_ranks_codes_then_names_then_prefixes() -> None:
    """An exact code comes first; a name prefix beats a word inside a name."""
    assert gcm_model.countries.search("moldova")[0].alpha_3 == "MDA"
    assert gcm_model.countries.search("MDA")[0].alpha_3 == "MDA"
    assert gcm_model.countries.search("")[:1] == []
    found = [c.code for c in gcm_model.commissions.search("economic commission")]
    assert set(found) == {"ECE", "ESCAP", "ECLAC", "ECA", "ESCWA"}
    assert gcm_model.commissions.search("africa")[0].code == "ECA"
    assert [s.code for s in gcm_model.stakeholders.search("local")] == [
        "local_authorities",
        "local_communities",
    ]
    assert gcm_model.objectives.search("trafficking")[0].number == 10


OTHER_NAMES = [
    ("Turkey", "TUR"),
    ("Swaziland", "SWZ"),
    ("Cape Verde", "CPV"),
    ("Ivory Coast", "CIV"),
    ("Czech Republic", "CZE"),
    ("Vatican", "VAT"),
    ("UK", "GBR"),
    ("Great Britain", "GBR"),
    ("Macedonia", "MKD"),
]


@pytest.mark.parametrize(("name", "alpha_3"), OTHER_NAMES)
def test_former_and_common_country_names_resolve(name: str, alpha_3: str) -> None:
    """The names people write find the country, first in search, in any case."""
    country = gcm_model.countries.lookup(name)
    assert country.alpha_3 == alpha_3
    assert gcm_model.countries.get(name.lower()) is country
    assert gcm_model.countries.search(name)[0] is country
    assert country.name != name  # searchable, never the name shown


def test_other_country_names_cite_their_sources() -> None:
    """Each former or common name is a record of its own kind, with known sources."""
    others = [(c, other) for c in gcm_model.countries for other in c.other_names]
    assert {c.alpha_3 for c, _ in others} >= {a for _, a in OTHER_NAMES} - {"CZE"}
    for country, other in others:
        assert isinstance(other.kind, gcm_model.types.NameKind)
        assert other.sources
        for source in other.sources:
            assert gcm_model.sources.is_valid(source), source
            assert source in country.sources, (country.alpha_3, source)
        # No other name is taken by another country: lookup finds its own.
        assert gcm_model.countries.lookup(other.name) is country
    turkey = gcm_model.countries.lookup("TUR")
    first = turkey.other_names[0]
    assert (first.name, first.kind.value) == ("Turkey", "former")
    assert "iso-codes-changelog" in turkey.other_names[0].sources


def test_an_exact_name_ranks_before_a_prefix() -> None:
    """search("UK") gives the United Kingdom, then Ukraine, whose code starts with UK."""
    assert [c.alpha_3 for c in gcm_model.countries.search("UK")][:2] == ["GBR", "UKR"]
    assert [c.alpha_3 for c in gcm_model.countries.search("uk")][:2] == ["GBR", "UKR"]


SPREAD = 40
"""In a registry of many terms, one term in ``SPREAD`` is searched for."""


@pytest.mark.parametrize("name", sorted(REGISTRIES))
def test_search_puts_an_exact_match_first_in_every_registry(name: str) -> None:
    """For each code, name and alias of each record, the first result bears it exactly.

    A search reads every term, so checking every term is quadratic: for the
    some 16,000 terms of the languages of ISO 639, a spread of them is
    checked (every ``SPREAD``-th, in the registry's order, the UN's six first).
    """
    reg = REGISTRIES[name]
    index = reg._index()
    terms_of: dict[int, set[str]] = {}
    for term, _, record in index:
        terms_of.setdefault(id(record), set()).add(term)
    terms = list(dict.fromkeys(term for term, _, _ in index))
    if len(terms) > SPREAD * 10:
        terms = terms[:12] + terms[12::SPREAD]
    for term in terms:
        first = reg.search(term)[0]
        assert term in terms_of[id(first)], (name, term, first)


def test_repr_says_whether_loaded() -> None:
    """repr names the kind and the record count once loaded."""
    len(gcm_model.objectives)
    assert repr(gcm_model.objectives) == "<NumberRegistry 'objective': 23 records>"
    fresh: registry.NumberRegistry[gcm_model.Objective] = registry.NumberRegistry(
        "objectives", "objective", build=None, key=lambda o: o.number, terms=lambda _: ()
    )
    assert repr(fresh) == "<NumberRegistry 'objective': not loaded>"


def test_import_reads_no_data_file() -> None:
    """import gcm_model opens no package data file; the first lookup does."""
    script = textwrap.dedent(
        """
        import sys
        opened = []
        def hook(event, args):
            if event == "open" and "gcm_model" in str(args[0]) and str(args[0]).endswith(".json"):
                opened.append(str(args[0]))
        sys.addaudithook(hook)
        import gcm_model
        assert opened == [], opened
        gcm_model.objectives.lookup(1)
        assert any(p.endswith("objectives.json") for p in opened), opened
        assert not any(p.endswith("commissions.json") for p in opened), opened
        assert "pycountry" not in sys.modules
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_building_the_commissions_consults_no_other_registry() -> None:
    """A member's country is text to the commissions: loading them loads no countries."""
    script = textwrap.dedent(
        """
        import sys
        import gcm_model
        gcm_model.commissions.lookup("ECE")
        assert "pycountry" not in sys.modules
        assert gcm_model.countries._loaded is None
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_every_registry_is_handed_to_the_code_kind() -> None:
    """``Code("countries")`` and the like find every registry of the module by its name."""
    assert kinds._REGISTRIES == REGISTRIES


DAMAGES: list[tuple[str, Any]] = [
    ("since", "spring 2020"),  # not a partial date
    ("kind", "observer"),  # not a membership kind
    ("country", " ESP"),  # not trimmed text
    ("joined", "2020"),  # a key no field has
    ("status", None),  # a required field without a value
]


@pytest.mark.parametrize(("key", "value"), DAMAGES)
def test_a_record_that_does_not_decode_names_its_file_and_record(
    monkeypatch: pytest.MonkeyPatch, key: str, value: Any
) -> None:
    """A damaged data file raises the library's error, naming the file and the record."""
    document = copy.deepcopy(_data.load("commissions"))
    third = document["records"][2]
    third["memberships"][0][key] = value
    monkeypatch.setattr(_data, "load", lambda _: document)
    fresh = registry.CommissionRegistry(
        "commissions",
        "commission",
        build=_registry.decoded(Commission),
        key=lambda c: c.code,
        terms=lambda c: [c.name],
        upper=True,
    )
    with pytest.raises(InvalidCodeError) as raised:
        fresh.lookup("ECE")
    assert raised.value.kind == "reference data"
    assert raised.value.value == f"commissions.json, record 3 (code {third['code']})"
    assert "reinstall" in str(raised.value)


def test_a_damaged_other_name_names_its_country(monkeypatch: pytest.MonkeyPatch) -> None:
    """A country's other name that does not decode is reported with the country's code."""
    document = copy.deepcopy(_data.load("countries"))
    turkey = next(r for r in document["records"] if r["alpha_3"] == "TUR")
    turkey["other_names"][1]["kind"] = "nickname"  # not a NameKind
    monkeypatch.setattr(_data, "load", lambda _: document)
    with pytest.raises(InvalidCodeError) as raised:
        registry.CountryRegistry().lookup("TUR")
    assert (
        raised.value.value == "countries.json, record TUR, other name 2 (name Republic of Turkey)"
    )


def test_a_missing_field_names_its_file_and_record(monkeypatch: pytest.MonkeyPatch) -> None:
    """A record without a required field is reported as any other damage."""
    document = copy.deepcopy(_data.load("objectives"))
    del document["records"][0]["title"]
    monkeypatch.setattr(_data, "load", lambda _: document)
    fresh: registry.NumberRegistry[gcm_model.Objective] = registry.NumberRegistry(
        "objectives",
        "objective",
        build=_registry.decoded(gcm_model.Objective),
        key=lambda o: o.number,
        terms=lambda _: (),
    )
    with pytest.raises(InvalidCodeError, match=r"'objectives\.json, record 1 \(number 1\)'"):
        len(fresh)


def test_a_damaged_manifest_entry_names_the_manifest(monkeypatch: pytest.MonkeyPatch) -> None:
    """``provenance()`` decodes the manifest entry through the kinds too."""
    manifest = copy.deepcopy(_data.manifest())
    manifest["files"]["clusters.json"]["read"] = "27 November 2026"
    monkeypatch.setattr(_data, "manifest", lambda: manifest)
    with pytest.raises(InvalidCodeError) as raised:
        gcm_model.clusters.provenance()
    assert raised.value.value == "manifest.json, entry (file clusters.json)"


def test_a_class_not_declared_by_kinds_cannot_be_decoded() -> None:
    """Only a class whose fields are all declared by kinds is built by its decoder."""
    build = _registry.decoded(gcm_model.PartialDate)
    with pytest.raises(TypeError, match="PartialDate has a field not declared"):
        build({"year": 2020})
