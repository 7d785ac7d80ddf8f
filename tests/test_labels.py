"""Names in the six official languages of the UN: from iso-codes, or empty."""

from __future__ import annotations

import gettext

import pycountry
import pytest

import gcm_model
from gcm_model import _labels
from gcm_model.errors import InvalidCodeError, UnknownCodeError


def test_country_names_in_the_six_languages() -> None:
    """Each of the six comes from pycountry's iso3166-1 catalogue; Chinese is Simplified."""
    assert gcm_model.countries.labels("DEU") == {
        "ar": "ألمانيا",
        "zh": "德国",
        "en": "Germany",
        "fr": "Allemagne",
        "ru": "Германия",
        "es": "Alemania",
    }
    assert gcm_model.countries.translate("Spain", "es") == "España"


@pytest.mark.parametrize("language", [lang for lang in _labels.UN_LANGUAGES if lang != "en"])
def test_every_country_label_is_the_catalogues_own(language: str) -> None:
    """A label is the catalogue's translation of the ISO name, or empty where it has none."""
    locale = "zh_CN" if language == "zh" else language
    catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[locale])
    untranslated = 0
    for country in gcm_model.countries:
        label = gcm_model.countries.translate(country.alpha_3, language)
        if country.iso_name is None:
            assert label is None
        elif label is None:
            untranslated += 1
            assert catalogue.gettext(country.iso_name) == country.iso_name
        else:
            assert label == catalogue.gettext(country.iso_name)
    assert untranslated < 10


def test_a_name_the_catalogue_lacks_has_no_label() -> None:
    """Never English in place of a missing translation, as countries.translate once gave."""
    assert _labels.translated("iso3166-1", "Nowhere in particular", "fr") is None
    assert _labels.translated("iso3166-1", "Nowhere in particular", "en") == "Nowhere in particular"


def test_kosovo_has_no_iso_label() -> None:
    """Kosovo is outside ISO 3166-1, so no catalogue names it, in English neither."""
    assert set(gcm_model.countries.labels("XKX").values()) == {None}


def test_language_names_come_from_iso_639_3() -> None:
    """Language names translate through the iso639-3 catalogue."""
    labels = gcm_model.languages.labels("zh")
    assert labels["en"] == "Chinese"
    assert labels["fr"] == "Chinois"
    assert labels["zh"] == "中文; 汉语; 华语"
    assert gcm_model.languages.translate("ru", "ru") == "русский"


def test_objective_and_principle_titles_are_english_only() -> None:
    """No official UN text in another language is bundled, so those labels stay empty."""
    for registry, key in ((gcm_model.objectives, 11), (gcm_model.principles, "a")):
        labels = registry.labels(key)
        assert labels["en"] == registry.lookup(key).title
        assert [lang for lang, label in labels.items() if label is not None] == ["en"]


def test_other_locales_that_pycountry_ships_work() -> None:
    """Beyond the six: Portuguese (Brazil) is one of pycountry's locales."""
    assert gcm_model.countries.translate("BRA", "pt_BR") == "Brasil"


def test_unknown_language_is_an_unknown_code() -> None:
    """A locale pycountry does not ship is named in the error, with near ones."""
    with pytest.raises(UnknownCodeError, match="unknown language 'fra'") as raised:
        gcm_model.countries.translate("DEU", "fra")
    assert "fr" in raised.value.suggestions
    with pytest.raises(UnknownCodeError):
        gcm_model.countries.translate("DEU", 7)  # type: ignore[arg-type]


def test_unknown_record_is_an_unknown_code() -> None:
    """The record is looked up as lookup does."""
    with pytest.raises(UnknownCodeError, match="country"):
        gcm_model.countries.translate("Atlantis", "fr")


def test_codelists_without_names_refuse() -> None:
    """Commissions carry no name a catalogue translates: a clear error, not an empty label."""
    with pytest.raises(InvalidCodeError, match="no name to translate"):
        gcm_model.commissions.translate("ECE", "fr")


def test_the_translations_are_cited() -> None:
    """The iso-codes catalogues are a source of the country and language data."""
    for registry in (gcm_model.countries, gcm_model.languages):
        cited = [c.source for c in registry.provenance().sources]
        assert "iso-codes-translations" in cited
    citation = gcm_model.cite("iso-codes-translations")
    assert citation.startswith("Debian iso-codes project, “iso-codes, translations")
