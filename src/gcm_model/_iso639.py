"""The languages of ISO 639-3, from pycountry, with the package's overlay of the UN's six.

What ``gcm_model.registry.languages`` is built from: every language of ISO
639-3 as a ``Language`` record, keyed by its ISO 639-1 code where it has one
and by its ISO 639-3 code otherwise (the shortest code, as BCP 47 writes a
language); the overlay (``languages.json``) marks the six official languages
of the United Nations, which come first, in the overlay's order, then the
others in the order of ISO 639-3.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gcm_model import _data
from gcm_model.errors import InvalidCodeError
from gcm_model.models.reference import Language
from gcm_model.types import Status

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["near_terms", "other_codes", "records"]


def records() -> dict[str, Language]:
    """Every language of ISO 639-3 by its key: the overlay's first, in its order.

    Raises:
        InvalidCodeError: the overlay names a code ISO 639-3 does not have (a
            damaged installation).
    """
    import pycountry  # noqa: PLC0415 - pycountry's database is loaded on first use only

    overlay = {r["code"]: r for r in _data.load("languages")["records"]}
    official: dict[str, Language] = {}
    others: dict[str, Language] = {}
    for iso in pycountry.languages:
        code = getattr(iso, "alpha_2", None) or iso.alpha_3
        extra = overlay.get(code, {})
        record = Language(
            code=code,
            name=iso.name,
            alpha_3=iso.alpha_3,
            bibliographic=getattr(iso, "bibliographic", None),
            un_official=extra.get("un_official", False),
            sources=tuple(extra.get("sources", ("iso-639",))),
            status=Status(extra.get("status", "CONFIRMED")),
        )
        (official if code in overlay else others)[code] = record
    missing = overlay.keys() - official.keys()
    if missing:  # pragma: no cover - the overlay names codes that ISO 639 has
        raise InvalidCodeError(
            "reference data",
            f"languages.json, {', '.join(sorted(missing))}",
            "not in ISO 639-3; the installed package is damaged: reinstall gcm-model",
        )
    return {**{code: official[code] for code in overlay}, **others}


def other_codes(language: Language) -> tuple[str, ...]:
    """The ISO 639-3 and 639-2/B codes of a language that differ from its key."""
    return tuple(
        other
        for other in (language.alpha_3, language.bibliographic)
        if other is not None and other != language.code
    )


def near_terms(index: Iterable[tuple[str, bool, Any]]) -> dict[str, str]:
    """Each search term (a code or a whole name) and the code of its first language.

    With some 7,900 languages the general search (every word of every name,
    each measured) takes a noticeable time for each unknown code; codes and
    whole names give the did-you-mean at once.
    """
    near: dict[str, str] = {}
    for term, _, record in index:
        near.setdefault(term, record.code)
    return near
