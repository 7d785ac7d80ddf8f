"""The lookup contract every registry of ``gcm_model.registry`` shares.

``Registry`` loads its records lazily from a packaged data file and looks
them up three ways (``get``, ``lookup``, ``search``); ``NumberRegistry`` and
``CodeRegistry`` say how a key is normalised. The registries themselves, and
this module's public names, are in ``gcm_model.registry``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

import attrs

from gcm_model import _data, _labels, _text
from gcm_model._decode import Reject, decoder
from gcm_model.errors import GcmError, InvalidCodeError, UnknownCodeError
from gcm_model.models import kinds
from gcm_model.models.reference import Provenance

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

__all__ = ["CodeRegistry", "IdentifierKind", "NumberRegistry", "Registry", "built", "decoded"]

K = TypeVar("K", int, str)
T = TypeVar("T", bound=attrs.AttrsInstance)
K_co = TypeVar("K_co", covariant=True)


class IdentifierKind(Protocol[K_co]):
    """The contract shared by every kind of identifier (after python-stdnum)."""

    def compact(self, value: object) -> K_co:
        """Normalise a value to the canonical form, without checking it is known.

        Raises:
            InvalidCodeError: the value cannot be an identifier of this kind.
        """
        ...

    def validate(self, value: object) -> K_co:
        """Return the canonical identifier, or raise.

        Raises:
            InvalidCodeError: the value cannot be an identifier of this kind.
            UnknownCodeError: it could be, but no such identifier is known.
        """
        ...

    def is_valid(self, value: object) -> bool:
        """Whether ``validate`` would succeed; never raises."""
        ...


class Registry(Generic[K, T]):
    """A lazily loaded, read-only collection of reference records keyed by code.

    Subclasses say how a key is normalised (``compact``); the constructor
    says where the records come from and which texts name them.

    Args:
        codelist: the name of the data file the records come from (for
            countries, the overlay that completes pycountry's records).
        kind: the identifier kind named in errors, such as ``"objective"``.
        build: turns one raw record into a typed record (for the reference
            records, the decoder generated from the kinds of their fields).
        key: the record's canonical key.
        terms: the texts a record can be found by (code, names, aliases).
        label: the record's name in English, which ``translate`` gives in
            other languages; ``None`` where the records have no name to show.
        catalogue: the iso-codes message catalogue that translates ``label``
            (``iso3166-1``, ``iso639-3``); ``None`` where no translation ships.
    """

    def __init__(  # noqa: PLR0913 - the parts of a registry, each named
        self,
        codelist: str,
        kind: str,
        build: Callable[[dict[str, Any]], T] | None,
        key: Callable[[T], K],
        terms: Callable[[T], Iterable[str]],
        *,
        label: Callable[[T], str | None] | None = None,
        catalogue: str | None = None,
    ) -> None:
        """Describe the registry; nothing is read until first use."""
        self.codelist = codelist
        self._label = label
        self._catalogue = catalogue
        self.kind = kind
        self._build = build
        self._key: Callable[[T], K] = key
        self._terms_of = terms
        self._loaded: dict[K, T] | None = None
        self._term_index: list[tuple[str, bool, T]] | None = None
        self._names: dict[str, T] | None = None
        self._pairs: tuple[tuple[str, str], ...] | None = None  # (term, code) for suggestions

    # -- loading ------------------------------------------------------------
    def _load(self) -> dict[K, T]:
        # Subclasses that build records another way override _load and pass no build.
        assert self._build is not None  # noqa: S101
        build, file = self._build, f"{self.codelist}.json"
        records = (
            built(build, raw, file, f"record {index}")
            for index, raw in enumerate(_data.load(self.codelist)["records"], start=1)
        )
        return {self._key(record): record for record in records}

    @property
    def _records(self) -> dict[K, T]:
        if self._loaded is None:
            self._loaded = self._load()
        return self._loaded

    def _index(self) -> list[tuple[str, bool, T]]:
        """Normalised search terms: ``(term, is_code, record)``, in registry order."""
        if self._term_index is None:
            index: list[tuple[str, bool, T]] = []
            for key, record in self._records.items():
                index.append((_text.normalize(str(key)), True, record))
                index.extend((_text.normalize(t), False, record) for t in self._terms_of(record))
            self._term_index = index
        return self._term_index

    def _by_name(self) -> dict[str, T]:
        if self._names is None:
            names: dict[str, T] = {}
            for term, _, record in self._index():
                names.setdefault(term, record)
            self._names = names
        return self._names

    def provenance(self) -> Provenance:
        """Where this registry's data file comes from, as its manifest entry records.

        Examples:
            >>> from gcm_model import clusters
            >>> clusters.provenance().status
            <Status.CONFIRMED_2: 'CONFIRMED-2'>
        """
        file = f"{self.codelist}.json"
        entry = _data.manifest()["files"][file]
        return built(decoded(Provenance), {"file": file, **entry}, _data.MANIFEST, "entry")

    # -- the identifier contract ---------------------------------------------
    def compact(self, value: object) -> K:
        """Normalise ``value`` to the canonical key form, without checking it is known.

        Raises:
            InvalidCodeError: the value cannot be a key of this kind.
        """
        raise NotImplementedError

    def validate(self, value: object) -> K:
        """Return the canonical key of ``value``, or raise.

        Raises:
            InvalidCodeError: the value cannot be a key of this kind.
            UnknownCodeError: it could be, but it is not in the registry.
        """
        key = self.compact(value)
        if key not in self._records:
            raise UnknownCodeError(self.kind, value, self._suggest(str(value)))
        return key

    def is_valid(self, value: object) -> bool:
        """Whether ``value`` is a known key of this kind; never raises."""
        try:
            self.validate(value)
        except GcmError:
            return False
        return True

    # -- lookups --------------------------------------------------------------
    def lookup(self, key: object) -> T:
        """The record for a code, name or alias.

        Raises:
            UnknownCodeError: nothing matches; the error names the nearest matches.
            InvalidCodeError: ``key`` is neither a string nor a code of this kind.
        """
        if type(key) is str or type(key) is int:  # a canonical code: the common case, first
            found = self._records.get(key)  # type: ignore[arg-type]
            if found is not None:
                return found
        try:
            code = self.compact(key)
        except InvalidCodeError:
            if not isinstance(key, str):
                raise
        else:
            if code in self._records:
                return self._records[code]
        if isinstance(key, str):
            found = self._by_name().get(_text.normalize(key))
            if found is not None:
                return found
        raise UnknownCodeError(self.kind, key, self._suggest(str(key)))

    def get(self, key: object, default: T | None = None) -> T | None:
        """The record for a code, name or alias, or ``default`` when there is none."""
        try:
            return self.lookup(key)
        except GcmError:
            return default

    def search(self, text: str) -> list[T]:
        """Records whose code, names or aliases match ``text``, best match first.

        Matching ignores case, accents and punctuation; an exact code ranks
        first, then exact names and aliases, then codes and names starting with
        the text, names with a word starting with it, names holding every word,
        and names containing it (``countries.search("UK")``: the United
        Kingdom, whose common name it is, before Ukraine).

        Raises:
            InvalidCodeError: ``text`` is not a string.
        """
        if not isinstance(text, str):
            raise InvalidCodeError(self.kind, text, "search text must be a string")
        query = _text.normalize(text)
        best: dict[int, tuple[int, int, T]] = {}  # id(record) -> (points, first position, record)
        for position, (term, is_code, record) in enumerate(self._index()):
            points = _text.score(query, term)
            if not points:
                continue
            points += is_code  # an exact code beats an exact name
            seen = best.get(id(record))
            if seen is None or seen[0] < points:
                best[id(record)] = (points, seen[1] if seen else position, record)
        ranked = sorted(best.values(), key=lambda item: (-item[0], item[1]))
        return [record for _, _, record in ranked]

    def translate(self, key: object, language: str) -> str | None:
        """A record's name in ``language``, where a source gives it; else ``None``.

        Country and language names come from the iso-codes translations that
        pycountry ships; the titles of objectives and principles only from
        an official UN text, and the package holds the English one only.
        Nothing is machine-translated and nothing falls back to English.

        Args:
            key: a code or name, as for ``lookup``.
            language: ``en``, an ISO 639-1 code such as ``fr``, or a gettext
                locale such as ``pt_BR``.

        Returns:
            The name in that language, or ``None`` where no source gives it.

        Raises:
            UnknownCodeError: the record or the language is unknown.
            InvalidCodeError: the records of this registry have no name to translate.

        Examples:
            >>> from gcm_model import countries, objectives
            >>> countries.translate("DEU", "fr"), countries.translate("DEU", "zh")
            ('Allemagne', '德国')
            >>> objectives.translate(11, "fr") is None
            True
        """
        if self._label is None:
            reason = "its records have no name to translate"
            raise InvalidCodeError("codelist", self.codelist, reason)
        return _labels.translated(self._catalogue, self._label(self.lookup(key)), language)

    def labels(self, key: object) -> dict[str, str | None]:
        """A record's name in each of the six official languages of the UN (see ``translate``).

        Examples:
            >>> from gcm_model import languages
            >>> languages.labels("es")["fr"], languages.labels("es")["ru"]
            ('Espagnol', 'испанский')
        """
        return {language: self.translate(key, language) for language in _labels.UN_LANGUAGES}

    def code_schema(self) -> dict[str, Any]:
        """The JSON Schema of a code of this registry: the enum of its codes."""
        return {"enum": sorted(self.validate(self._key(record)) for record in self)}

    def _suggest(self, text: str) -> tuple[str, ...]:
        if self._pairs is None:
            self._pairs = tuple((term, str(self._key(r))) for term, _, r in self._index())
        return _text.nearest(text, self._pairs)

    # -- collection protocol ----------------------------------------------------
    def __iter__(self) -> Iterator[T]:
        """Iterate over the records in the order of the sources."""
        return iter(self._records.values())

    def __len__(self) -> int:
        """The number of records."""
        return len(self._records)

    def __contains__(self, key: object) -> bool:
        """Whether ``key`` is a valid code of this registry."""
        return self.is_valid(key)

    def __repr__(self) -> str:
        """Name the kind and, once loaded, the number of records."""
        size = f"{len(self._loaded)} records" if self._loaded is not None else "not loaded"
        return f"<{type(self).__name__} {self.kind!r}: {size}>"

    def to_records(self) -> list[dict[str, object]]:
        """Every record as a flat dict of plain values, ready for a DataFrame.

        Examples:
            >>> import gcm_model
            >>> gcm_model.clusters.to_records()[0]["objectives"]
            [2, 5, 6, 12, 18]
        """
        return [kinds.to_json(record) for record in self]


def decoded(cls: type[T]) -> Callable[[Any], T]:
    """How a registry builds a record of ``cls`` from its JSON: with the decoder of its kinds.

    The decoder (``gcm_model._decode``) is generated from the fields of
    ``cls``, each declared by its kind, when the first record is built. It
    raises whatever it meets on JSON it does not accept (``built`` says
    where); a class with a field not declared has none (``TypeError``).
    """

    def build(raw: Any) -> T:
        decode = decoder(cls)
        if decode is None:
            raise TypeError(f"{cls.__name__} has a field not declared by its kind")
        record: T = decode(raw)
        return record

    return build


def built(build: Callable[[Any], T], raw: Any, file: str, place: str) -> T:
    """One record built from a packaged data file, or the library's error naming both.

    The files ship with the package and a test reads each one, so a record
    that does not decode means a damaged installation.

    Raises:
        InvalidCodeError: the record does not decode.
    """
    try:
        return build(raw)
    except Exception as exc:  # a decoder raises whatever the data makes it meet: say where
        first = next(iter(raw.items()), None) if isinstance(raw, dict) else None
        named = f" ({first[0]} {first[1]})" if first and isinstance(first[1], str | int) else ""
        cause = f"at {exc}" if isinstance(exc, Reject) else f"{type(exc).__name__}: {exc}"
        raise InvalidCodeError(
            "reference data",
            f"{file}, {place}{named}",
            f"does not decode ({cause}); the installed package is damaged: reinstall gcm-model",
        ) from exc


class NumberRegistry(Registry[int, T]):
    """A registry keyed by small positive numbers (objectives, clusters)."""

    def compact(self, value: object) -> int:
        """Accept an ``int`` or a string of digits; ``" 11 "`` becomes ``11``.

        Raises:
            InvalidCodeError: a ``bool``, ``float``, non-digit string or other type.
        """
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise InvalidCodeError(self.kind, value, "expected an int or a string of digits")
        if isinstance(value, str):
            stripped = value.strip()
            if not (stripped.isascii() and stripped.isdigit()):
                raise InvalidCodeError(self.kind, value, "expected a string of digits")
            return int(stripped)
        return value


class CodeRegistry(Registry[str, T]):
    """A registry keyed by string codes, with aliases that compact to the code.

    Args:
        upper: codes are upper case (``ECE``) rather than lower case
            (``migrants``).
        aliases: the alias texts of a record that ``compact`` maps to its
            code (``UNECE`` -> ``ECE``).
        **kwargs: as for ``Registry``.
    """

    def __init__(
        self,
        *args: Any,
        upper: bool,
        aliases: Callable[[T], Iterable[str]] = lambda _: (),
        **kwargs: Any,
    ) -> None:
        """Describe the registry; nothing is read until first use."""
        super().__init__(*args, **kwargs)
        self._upper = upper
        self._aliases_of = aliases
        self._alias_map: dict[str, str] | None = None

    def _aliases(self) -> dict[str, str]:
        if self._alias_map is None:
            self._alias_map = {
                _text.normalize(alias): key
                for key, record in self._records.items()
                for alias in self._aliases_of(record)
            }
        return self._alias_map

    def compact(self, value: object) -> str:
        """Strip, fix the case and resolve aliases: ``" unece "`` becomes ``"ECE"``.

        Raises:
            InvalidCodeError: ``value`` is not a non-empty string.
        """
        if not isinstance(value, str) or not value.strip():
            raise InvalidCodeError(self.kind, value, "expected a non-empty string")
        stripped = value.strip()
        if stripped in self._records:
            return stripped
        code = stripped.upper() if self._upper else stripped.lower()
        if code in self._records:
            return code
        return self._aliases().get(_text.normalize(stripped), code)
