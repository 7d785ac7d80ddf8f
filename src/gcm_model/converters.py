r"""One strict wire format for every model class: JSON, through cattrs and orjson.

In the cattrs preconf style: ``make_converter()`` builds a converter and
``configure_converter(c)`` registers this package's hooks on any cattrs
converter; there is no module-level converter to mutate. The functions
``loads`` / ``load`` / ``dumps`` / ``dump`` / ``structure`` / ``unstructure``
use a converter made on first use, or the one you pass.

Strict means no silent coercion: ``123`` is not a string, ``"3"`` is not an
int, ``2.5`` and ``true`` are not ints; unknown keys are refused with a "did
you mean"; enums travel by value; datetimes as RFC 3339 with seconds and
their offset, dates as ``YYYY-MM-DD``, and no other form of either
(``gcm_model.dates.read_moment``); agenda segments and report items as
tagged unions on ``kind``. A document that fails to load raises one
``DocumentError`` carrying every problem with its JSON Pointer.

Canonical output (``dumps``) sorts keys, omits empty and default fields except
``schema_version``, indents by two spaces and ends with a newline, so files
diff cleanly and ``dumps(loads(b)) == b`` for canonical bytes.

Examples:
    >>> from gcm_model import Venue
    >>> from gcm_model.converters import dumps, loads
    >>> dumps(Venue(city="Geneva", country="CHE"))
    b'{\n  "city": "Geneva",\n  "country": "CHE"\n}\n'
    >>> loads('{"city": "Geneva", "contry": "CHE"}', Venue)
    Traceback (most recent call last):
    ...
    gcm_model.errors.DocumentError: cannot load the document, 1 problem:
      $.contry: unknown field 'contry'; did you mean 'country'? [unknown-field]
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
from collections.abc import Iterable, Iterator
from typing import Any, Self, TypeVar, overload

import attrs
import cattrs
import orjson

from gcm_model import _decode, _encode
from gcm_model._detail import Parts, structure_parts
from gcm_model._faults import _describe, _pointer
from gcm_model._hooks import configure_converter
from gcm_model._migrations import _upgrade, register_migration
from gcm_model.errors import DocumentError, DocumentProblem, InvalidCodeError
from gcm_model.models.dataset import COLLECTIONS, SCHEMA_VERSION, Dataset
from gcm_model.models.followup import (
    Call,
    Fund,
    NationalReview,
    ReviewForum,
    SecretaryGeneralReport,
)
from gcm_model.models.process import (
    Meeting,
    Participant,
    Pledge,
    PreparatoryEvent,
    RegionalReview,
    WrittenSubmission,
)
from gcm_model.models.reports import Report

__all__ = [
    "DecodedRecord",
    "DocumentProblem",
    "HEADER_TYPE",
    "JsonLine",
    "JsonLinesWriter",
    "RECORD_TYPES",
    "TYPE_KEY",
    "configure_converter",
    "decode_dataset",
    "decode_record",
    "dump",
    "dump_jsonl",
    "dumps",
    "dumps_jsonl",
    "iter_load",
    "load",
    "load_jsonl",
    "loads",
    "make_converter",
    "read_jsonl",
    "register_migration",
    "structure",
    "unstructure",
]

T = TypeVar("T")
Source = bytes | str
Path = str | os.PathLike[str]


def make_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """A new cattrs converter for the gcm-model wire format.

    Args:
        detailed_validation: collect every structuring problem with its path
            (slower on failure); ``False`` stops at the first.

    Returns:
        The converter.
    """
    converter = cattrs.Converter(detailed_validation=detailed_validation)
    configure_converter(converter)
    return converter


@functools.cache
def _converters() -> tuple[cattrs.Converter, cattrs.Converter]:
    """The fast (no detail) and the detailed converter, made on first use."""
    return make_converter(detailed_validation=False), make_converter()


def _fast(document: Any, cls: type[T], *, plain: bool = False) -> T:
    """Structure valid input quickly: the compiled decoder of a model class, else the converter.

    Raises on any problem, without detail; callers then structure in detail.
    ``plain``: the document's JSON text holds no control character
    (``_decode.plain``).
    """
    decode = _decode.decoder(cls, plain=plain)
    if decode is None:
        return _converters()[0].structure(document, cls)
    result: T = decode(document)
    return result


# -- the public functions -------------------------------------------------------------------------


def _parse(data: object) -> tuple[Any, list[DocumentProblem]]:
    if not isinstance(data, bytes | bytearray | memoryview | str):
        problem = DocumentProblem(
            "json-syntax", "", f"expected bytes or str, got {_describe(data)}"
        )
        return None, [problem]
    try:
        return orjson.loads(data), []
    except orjson.JSONDecodeError as exc:
        return None, [
            DocumentProblem(
                "json-syntax", "", f"invalid JSON: {exc.msg}", None, exc.lineno, exc.colno
            )
        ]
    except TypeError:
        return None, [
            DocumentProblem("json-syntax", "", f"expected bytes or str, got {_describe(data)}")
        ]


def _structure_detailed(
    document: Any, cls: type[T], *, plain: bool = False
) -> tuple[T | None, list[DocumentProblem]]:
    """Structure with every problem collected; each dataset record apart from the others."""
    if cls is Dataset and type(document) is dict:
        shell, records, problems = decode_dataset(document, plain=plain)
        problems += [p for r in records for p in r.problems]
        if problems or shell is None:
            return None, problems
        built = {name: [r.record for r in records if r.collection == name] for name in COLLECTIONS}
        return attrs.evolve(shell, **built), []  # type: ignore[arg-type, return-value]
    return _structure_object(document, cls, plain=plain)


def _structure_object(
    document: Any, cls: type[T], *, plain: bool = False
) -> tuple[T | None, list[DocumentProblem]]:
    """Structure one object (not split into records) with every problem collected."""
    parts = structure_parts(document, cls, _converters()[1], plain=plain)
    return parts.record, list(parts.problems)


@attrs.frozen
class DecodedRecord:
    """One record of a dataset document, as decoded: the object, or why not.

    Attributes:
        collection: the collection it is in (``meetings``, ...).
        index: its position in the collection.
        record: the model object, or ``None`` when it could not be built.
        raw: the parsed JSON it came from.
        problems: its problems, with pointers from the document's root.
        partial: with problems, the record built from the fields that did
            decode (a required one that did not is ``None``), or ``None``
            when the record is no JSON object.
        unknown: where its problems are, as JSON Pointers from the record.
    """

    collection: str
    index: int
    record: Any
    raw: Any
    problems: tuple[DocumentProblem, ...] = ()
    partial: Any = None
    unknown: frozenset[str] = frozenset()


def _under(
    problems: list[DocumentProblem], steps: tuple[str | int, ...]
) -> tuple[DocumentProblem, ...]:
    if not problems:
        return ()
    prefix = _pointer(steps)
    return tuple(p.within(prefix) for p in problems)


def decode_dataset(
    document: Any, *, plain: bool = False
) -> tuple[Dataset | None, list[DecodedRecord], list[DocumentProblem]]:
    """Decode a dataset document record by record, never stopping at a problem.

    Args:
        document: the parsed JSON.
        plain: whether the JSON text it was parsed from holds no control
            character (``_decode.plain``): its texts then skip that test.

    Returns:
        The dataset's own fields as an empty ``Dataset`` (or ``None``), every
        record as decoded, and the problems of the document outside its records
        (syntax of the top level, version, collections that are not lists).
    """
    if type(document) is not dict:
        got = _describe(document)
        return None, [], [DocumentProblem("wrong-type", "", f"expected an object, got {got}")]
    document, problems = _upgrade(document)
    if problems:
        return None, [], problems
    head = {k: v for k, v in document.items() if k not in COLLECTIONS}
    shell: Dataset | None = None
    head_problems: list[DocumentProblem] = []
    with contextlib.suppress(Exception):  # redone in detail below, out of the handler (_structure)
        shell = _fast(head, Dataset)
    if shell is None:
        shell, head_problems = _structure_object(head, Dataset)
    problems = list(head_problems)
    records: list[DecodedRecord] = []
    for name, record_cls in COLLECTIONS.items():
        items = document.get(name, [])
        if type(items) is not list:
            message = f"expected a list, got {_describe(items)}"
            problems.append(DocumentProblem("wrong-type", f"/{name}", message, items))
            continue
        records.extend(
            _decode_record(name, index, item, plain=plain, cls=record_cls)
            for index, item in enumerate(items)
        )
    return shell, records, problems


def _decode_record(
    name: str, index: int, item: Any, *, plain: bool = False, cls: type[Any] | None = None
) -> DecodedRecord:
    """One record of a dataset document's collection (``name``) at its index, as decoded.

    ``decode_dataset`` decodes each of its records here; CSV tables read a
    record at a time hand each one here as it is put together.
    """
    parts = _structure_record_parts(item, cls or COLLECTIONS[name], plain=plain)
    found = _under(list(parts.problems), (name, index))
    return DecodedRecord(name, index, parts.record, item, found, parts.partial, parts.unknown)


@overload
def structure(document: Any) -> Dataset: ...
@overload
def structure(document: Any, cls: type[T]) -> T: ...
def structure(document: Any, cls: type[Any] = Dataset) -> Any:
    """Build a typed object from parsed JSON (dicts, lists, strings, numbers).

    A dataset document is first upgraded to the current ``schema_version``.

    Args:
        document: the parsed JSON.
        cls: the model class to build; a ``Dataset`` by default.

    Returns:
        The object.

    Raises:
        DocumentError: with every problem found.
    """
    return _structure(document, cls)


def _structure(document: Any, cls: type[Any], *, plain: bool = False) -> Any:
    problems: list[DocumentProblem] = []
    if cls is Dataset:
        if type(document) is not dict:
            raise DocumentError(
                (
                    DocumentProblem(
                        "wrong-type", "", f"expected an object, got {_describe(document)}", None
                    ),
                )
            )
        document, problems = _upgrade(document)
        if problems:
            raise DocumentError(tuple(problems))
    try:
        return _fast(document, cls, plain=plain)
    except Exception:  # noqa: BLE001, S110 - redone in detail below, to report every problem
        pass
    # Out of the handler: the errors of the detailed pass would chain to the fast pass's,
    # whose traceback holds the object it was building, and cycles among those errors
    # would keep the whole until the garbage collector ran.
    result, problems = _structure_detailed(document, cls, plain=plain)
    if result is None:
        raise DocumentError(tuple(problems))
    return result  # a failure in the fast path that detail could not find again


def unstructure(obj: Any) -> Any:
    """Turn a model object into plain JSON-ready values (the wire format's dicts)."""
    return _converters()[0].unstructure(obj)


@overload
def loads(data: Source) -> Dataset: ...
@overload
def loads(data: Source, cls: type[T]) -> T: ...
def loads(data: Source, cls: type[Any] = Dataset) -> Any:
    """Read a JSON document (bytes or str) into a typed object.

    Raises:
        DocumentError: with every problem found (JSON syntax with line and column).
    """
    document, problems = _parse(data)
    if problems:
        raise DocumentError(tuple(problems))
    return _structure(document, cls, plain=_decode.plain(data))


@overload
def load(source: Path | io.IOBase) -> Dataset: ...
@overload
def load(source: Path | io.IOBase, cls: type[T]) -> T: ...
def load(source: Path | io.IOBase, cls: type[Any] = Dataset) -> Any:
    """Read a JSON file (a path or a binary file object) into a typed object.

    Raises:
        DocumentError: the document has problems; its ``source`` names the file.
        OSError: the file cannot be read.
    """
    if isinstance(source, io.IOBase):
        return loads(source.read(), cls)
    with open(source, "rb") as handle:  # noqa: PTH123 - accepts any os.PathLike
        data = handle.read()
    try:
        return loads(data, cls)
    except DocumentError as exc:
        raise DocumentError(exc.problems, source=os.fspath(source)) from None


# orjson appends the newline itself, sparing a copy of the output.
_CANONICAL = orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
_LINE = orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE


def _encodable(obj: Any) -> Any:
    """What orjson writes for ``obj``: ``unstructure(obj)``, or a dict that it writes the same.

    A model object goes through its class's compiled encoder (``gcm_model._encode``),
    which leaves datetimes, dates and enum members for orjson to write natively;
    an object holding a value the encoder does not expect, and anything that is
    not a model object, through cattrs.
    """
    encode = _encode.encoder(type(obj))
    if encode is not None:
        try:
            return encode(obj)
        except _encode.UnexpectedValueError:
            pass  # such as a wrong type under deferred_checks(): cattrs writes what it writes
    return unstructure(obj)


def dumps(obj: Any) -> bytes:
    """The canonical JSON of a model object: sorted keys, two-space indent, final newline.

    The bytes are orjson's for ``unstructure(obj)``; a model object gets them
    through its class's compiled encoder, about three times faster.
    """
    return orjson.dumps(_encodable(obj), option=_CANONICAL)


def dump(obj: Any, target: Path | io.IOBase) -> None:
    """Write the canonical JSON of a model object to a path or a binary file object."""
    data = dumps(obj)
    if isinstance(target, io.IOBase):
        target.write(data)
        return
    with open(target, "wb") as handle:  # noqa: PTH123 - accepts any os.PathLike
        handle.write(data)


# -- JSON Lines ------------------------------------------------------------------------------

TYPE_KEY = "@type"
"""The key that tags each line of a JSON Lines file with its record type."""

HEADER_TYPE = "dataset"
"""The ``@type`` of the header line, which carries ``schema_version``, title and sources."""

RECORD_TYPES: dict[str, type[Any]] = {
    "review": RegionalReview,
    "meeting": Meeting,
    "event": PreparatoryEvent,
    "participant": Participant,
    "submission": WrittenSubmission,
    "report": Report,
    "pledge": Pledge,
    "forum": ReviewForum,
    "sg_report": SecretaryGeneralReport,
    "call": Call,
    "national_review": NationalReview,
    "fund": Fund,
}
"""The ``@type`` of each record line and the class it holds."""

_TYPE_OF = {cls: tag for tag, cls in RECORD_TYPES.items()}
_COLLECTION_OF = {cls: name for name, cls in COLLECTIONS.items()}

Lines = Path | io.IOBase | Iterable[bytes | str]


@attrs.frozen
class JsonLine:
    """One line of a JSON Lines file, as read.

    Attributes:
        number: the line number, from 1.
        record: the record, the header ``Dataset`` (without records) for the
            header line, or ``None`` when the line could not be read.
        problems: the line's problems (their ``line`` is ``number``).
        raw: the parsed line, if it parsed.
        partial: with problems, the record built from the fields that did
            decode (a required one that did not is ``None``), or ``None``
            when the record is no JSON object.
        unknown: where its problems are, as JSON Pointers from the record.
    """

    number: int
    record: Any
    problems: tuple[DocumentProblem, ...] = ()
    raw: Any = None
    partial: Any = None
    unknown: frozenset[str] = frozenset()


def _lines(source: Lines) -> Iterator[bytes | str]:
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as handle:  # noqa: PTH123 - accepts any os.PathLike
            yield from handle
    else:
        yield from source


def _on_line(problems: list[DocumentProblem], number: int) -> tuple[DocumentProblem, ...]:
    return tuple(attrs.evolve(p, line=number) for p in problems)


def _read_header(document: dict[str, Any]) -> tuple[Dataset | None, list[DocumentProblem]]:
    head = {k: v for k, v in document.items() if k != TYPE_KEY}
    for name in COLLECTIONS:
        if name in head:
            return None, [
                DocumentProblem(
                    "unknown-field",
                    f"/{name}",
                    f"the header line holds no records; put each on a line of its own ({name!r})",
                )
            ]
    if head.get("schema_version") != SCHEMA_VERSION:
        _, problems = _upgrade(head)
        if not problems:  # an older version: migrations work on whole documents only
            problems = [
                DocumentProblem(
                    "schema-version",
                    "/schema_version",
                    f"JSON Lines files are read at schema_version {SCHEMA_VERSION!r} only; "
                    "upgrade the file with load_jsonl on a converted JSON document",
                    head.get("schema_version"),
                )
            ]
        return None, problems
    return _structure_record(head, Dataset)


def _structure_record(
    document: Any, cls: type[T], *, plain: bool = False
) -> tuple[T | None, list[DocumentProblem]]:
    parts = _structure_record_parts(document, cls, plain=plain)
    return parts.record, list(parts.problems)


def _structure_record_parts(document: Any, cls: type[Any], *, plain: bool = False) -> Parts:
    try:
        return Parts(_fast(document, cls, plain=plain), ())
    except Exception:  # noqa: BLE001, S110 - redone in detail below (see _structure)
        pass
    return structure_parts(document, cls, _converters()[1], plain=plain)


def read_jsonl(source: Lines) -> Iterator[JsonLine]:
    """Read a JSON Lines file line by line, in bounded memory, never stopping at a bad line.

    The first non-blank line is the header (``{"@type": "dataset",
    "schema_version": ...}``); every other line is one record tagged with its
    ``@type`` (``review``, ``meeting``, ``event``, ``participant``,
    ``submission``, ``report``, ``pledge``). Blank lines are skipped. A file
    without the header, or whose header names a ``schema_version`` this
    release does not read, is refused after its first line, as a JSON
    document at such a version is refused whole: its records are not read.

    Args:
        source: a path, a binary file object, or an iterable of lines.

    Yields:
        Each non-blank line as read, with its record or its problems.
    """
    return _read_lines(enumerate(_lines(source), 1))


def _read_lines(
    lines: Iterable[tuple[int, bytes | str]], *, header_seen: bool = False
) -> Iterator[JsonLine]:
    """Read numbered lines of one JSON Lines file, as ``read_jsonl`` reads a whole file.

    ``gcm_model.dask`` reads a file's lines in pieces through here, each piece
    numbered as in its file.

    Args:
        lines: ``(line number, line)`` pairs, in the file's order.
        header_seen: whether the file's first non-blank line came before these
            (and did not refuse the file); if not, the first non-blank line
            here must be the header.

    Yields:
        Each non-blank line as read, with its record or its problems.
    """
    for number, raw in lines:
        if not raw.strip():
            continue
        document, problems = _parse(raw)
        if not problems and type(document) is not dict:
            problems = [
                DocumentProblem(
                    "wrong-type", "", f"expected an object, got {_describe(document)}", None
                )
            ]
        if problems:
            header_seen = True
            yield JsonLine(number, None, _on_line(problems, number))
            continue
        tag = document.get(TYPE_KEY)
        if not header_seen:
            header_seen = True
            if tag == HEADER_TYPE:
                header, problems = _read_header(document)
                yield JsonLine(number, header, _on_line(problems, number))
                if any(p.rule == "schema-version" for p in problems):
                    return
                continue
            missing = DocumentProblem(
                "schema-version",
                "",
                f'the first line must be the header {{"{TYPE_KEY}": "{HEADER_TYPE}", '
                f'"schema_version": "{SCHEMA_VERSION}"}}',
            )
            yield JsonLine(number, None, _on_line([missing], number))
            return
        parts = _decode_record_parts(document, plain=_decode.plain(raw))
        yield JsonLine(
            number,
            parts.record,
            _on_line(list(parts.problems), number),
            document,
            parts.partial,
            parts.unknown,
        )


def decode_record(
    document: dict[str, Any], *, plain: bool = False
) -> tuple[Any, list[DocumentProblem]]:
    """Decode one record tagged with its ``@type``, as on a JSON Lines line.

    Args:
        document: the parsed line.
        plain: whether the line's JSON text holds no control character
            (``_decode.plain``): its texts then skip that test.

    Returns:
        The record (or ``None``) and its problems, pointers from the record.
    """
    parts = _decode_record_parts(document, plain=plain)
    return parts.record, list(parts.problems)


def _decode_record_parts(document: dict[str, Any], *, plain: bool = False) -> Parts:
    tag = document.get(TYPE_KEY)
    cls = RECORD_TYPES.get(tag) if type(tag) is str else None
    if cls is None:
        kinds = ", ".join(repr(k) for k in RECORD_TYPES)
        message = (
            f"a line needs an {TYPE_KEY!r}: one of {kinds}"
            if tag is None
            else f"{tag!r} is not one of {kinds}"
        )
        rule = "missing-field" if tag is None else "invalid-value"
        return Parts(None, (DocumentProblem(rule, _pointer((TYPE_KEY,)), message, tag),))
    record = document.copy()  # a C-level copy: a comprehension costs 4 us a meeting
    del record[TYPE_KEY]
    return _structure_record_parts(record, cls, plain=plain)


def iter_load(source: Lines) -> Iterator[Any]:
    """Yield the records of a JSON Lines file one at a time, in bounded memory.

    Args:
        source: a path, a binary file object, or an iterable of lines.

    Yields:
        Each record (the header is checked, not yielded).

    Raises:
        DocumentError: at the first line with problems, carrying all of that
            line's problems with its line number.
    """
    for line in read_jsonl(source):
        if line.problems:
            name = os.fspath(source) if isinstance(source, str | os.PathLike) else None
            raise DocumentError(line.problems, source=name)
        if not isinstance(line.record, Dataset):
            yield line.record


def load_jsonl(source: Lines) -> Dataset:
    """Read a whole JSON Lines file into a ``Dataset``.

    Raises:
        DocumentError: with every problem of every line.
    """
    head: Dataset | None = None
    collections: dict[str, list[Any]] = {name: [] for name in COLLECTIONS}
    problems: list[DocumentProblem] = []
    for line in read_jsonl(source):
        problems.extend(line.problems)
        if isinstance(line.record, Dataset):
            head = line.record
        elif line.record is not None:
            collections[_COLLECTION_OF[type(line.record)]].append(line.record)
    if head is None and not problems:
        problems.append(DocumentProblem("schema-version", "", "the file has no header line"))
    if problems:
        name = os.fspath(source) if isinstance(source, str | os.PathLike) else None
        raise DocumentError(tuple(problems), source=name)
    assert head is not None  # noqa: S101 - no problems means a header was read
    return attrs.evolve(head, **collections)  # type: ignore[arg-type]


class JsonLinesWriter:
    """Write records to a JSON Lines file as they come, one canonical line each.

    Examples:
        >>> import io
        >>> from gcm_model import Pledge
        >>> buffer = io.BytesIO()
        >>> with JsonLinesWriter(buffer, title="Pledges") as writer:
        ...     writer.write(Pledge(id="p1", text="Open a pathway.", member_state="ESP"))
        >>> print(buffer.getvalue().decode(), end="")
        {"@type":"dataset","schema_version":"1.0","title":"Pledges"}
        {"@type":"pledge","id":"p1","member_state":"ESP","text":"Open a pathway."}
    """

    def __init__(
        self,
        target: Path | io.IOBase,
        *,
        title: str | None = None,
        sources: tuple[str, ...] = (),
    ) -> None:
        """Open the target (a path is created or truncated) and write the header line."""
        self._owned = isinstance(target, str | os.PathLike)
        self._file: Any = (
            open(target, "wb")  # noqa: PTH123, SIM115 - closed by close()
            if isinstance(target, str | os.PathLike)
            else target
        )
        header = _encodable(Dataset(title=title, sources=sources))
        self._line({TYPE_KEY: HEADER_TYPE, **header})

    def _line(self, document: dict[str, Any]) -> None:
        self._file.write(orjson.dumps(document, option=_LINE))

    def write(self, record: Any) -> None:
        """Write one record (a review, meeting, event, participant, submission, report or pledge).

        Raises:
            InvalidCodeError: the object is not such a record.
        """
        tag = _TYPE_OF.get(type(record))
        if tag is None:
            kinds = ", ".join(cls.__name__ for cls in RECORD_TYPES.values())
            raise InvalidCodeError("record", record, f"expected one of {kinds}")
        self._line({TYPE_KEY: tag, **_encodable(record)})

    def close(self) -> None:
        """Close the file if this writer opened it."""
        if self._owned:
            self._file.close()

    def __enter__(self) -> Self:
        """Use as a context manager."""
        return self

    def __exit__(self, *_: object) -> None:
        """Close on leaving the block."""
        self.close()


def dump_jsonl(dataset: Dataset, target: Path | io.IOBase) -> None:
    """Write a dataset as JSON Lines: the header, then one line per record."""
    with JsonLinesWriter(target, title=dataset.title, sources=dataset.sources) as writer:
        for _, record in dataset.records():
            writer.write(record)


def dumps_jsonl(dataset: Dataset) -> bytes:
    """A dataset as JSON Lines bytes."""
    buffer = io.BytesIO()
    dump_jsonl(dataset, buffer)
    return buffer.getvalue()
