"""Names in other languages, from the iso-codes translations that pycountry ships.

Debian's iso-codes project translates the English names of ISO 3166-1
(countries) and ISO 639-3 (languages) into many languages, as gettext message
catalogues; pycountry ships them in its ``locales`` directory. A name has a
label in a language only where that catalogue holds a translation of it:
nothing is machine-translated, and nothing falls back to English.

The six official languages of the United Nations are ``UN_LANGUAGES``; any
other locale that pycountry ships (``pt``, ``pt_BR``, ``de``) is accepted too.
Chinese (``zh``) is the Simplified Chinese catalogue (``zh_CN``), the script
the United Nations uses.
"""

from __future__ import annotations

import functools
import gettext
from pathlib import Path

from gcm_model.errors import UnknownCodeError

__all__ = ["ENGLISH", "UN_LANGUAGES", "translated"]

ENGLISH = "en"

UN_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
"""The six official languages of the United Nations, by ISO 639-1 code."""

# The catalogue that serves a language code where it is not the code itself.
_LOCALE_OF = {"zh": "zh_CN"}

# What a catalogue's fallback answers for a name it does not hold: no real name is empty.
_UNTRANSLATED = ""


class _Untranslated(gettext.NullTranslations):
    """The end of a catalogue's fallback chain: a name it does not hold has no label."""

    def gettext(self, message: str) -> str:  # noqa: ARG002 - every name is untranslated here
        """Answer that the catalogue holds no translation of ``message``."""
        return _UNTRANSLATED


@functools.cache
def _locales() -> Path:
    import pycountry  # noqa: PLC0415 - pycountry's data is read on first use only

    return Path(pycountry.LOCALES_DIR)


@functools.cache
def _catalogue(domain: str, locale: str) -> gettext.NullTranslations | None:
    """The message catalogue of ``domain`` in ``locale``, or ``None`` where none ships."""
    try:
        catalogue = gettext.translation(domain, _locales(), languages=[locale])
    except OSError:
        return None
    catalogue.add_fallback(_Untranslated())
    return catalogue


def translated(domain: str | None, english: str | None, language: object) -> str | None:
    """The translation of an English name in ``language``, or ``None``.

    Args:
        domain: the catalogue, ``iso3166-1`` or ``iso639-3``; ``None`` for
            names no catalogue translates (the English text only).
        english: the English name as the standard gives it (the catalogue's key);
            ``None`` for a record the standard does not list.
        language: ``en``, an ISO 639-1 code such as ``fr``, or a gettext locale
            such as ``pt_BR``.

    Returns:
        The name in that language; ``english`` itself for English; ``None``
        where the catalogue holds no translation of the name.

    Raises:
        UnknownCodeError: pycountry ships no catalogue for ``language`` at all.
    """
    if not (isinstance(language, str) and language and (_locales() / _locale(language)).is_dir()):
        raise UnknownCodeError("language", language, _near(language))
    if language == ENGLISH or english is None:
        return english
    catalogue = None if domain is None else _catalogue(domain, _locale(language))
    if catalogue is None:
        return None
    return catalogue.gettext(english) or None


def _locale(language: str) -> str:
    return _LOCALE_OF.get(language, language)


def _near(language: object) -> tuple[str, ...]:
    """The locales that start like ``language``, for the error's did-you-mean."""
    if not isinstance(language, str) or not language:
        return ()
    head = language[:2].lower()
    return tuple(
        sorted(p.name for p in _locales().iterdir() if p.is_dir() and p.name.startswith(head))
    )[:3]
