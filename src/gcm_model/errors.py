"""The exceptions raised by gcm_model.

Every exception the library raises on purpose derives from ``GcmError``, so
one ``except GcmError`` catches them all. Each leaf also derives from the
builtin that names its kind of failure, so code that already catches
``LookupError`` or ``ValueError`` keeps working::

    Exception
    └── GcmError
        ├── UnknownCodeError (+ LookupError)   a well-formed code that no registry knows
        ├── InvalidCodeError (+ ValueError)    a value that cannot be a code of that kind
        ├── InvalidValueError (+ ValueError)   a model object that breaks an invariant
        ├── DocumentError (+ ValueError)       a document that cannot be loaded, with every problem
        ├── UnknownFormatError (+ ValueError)  a path whose name says no dataset format
        └── SourceError (+ OSError)            a file or directory that cannot be read

The problems an ``InvalidValueError`` or a ``DocumentError`` carries are
``Problem`` records (``DocumentProblem`` is the same class), defined here with
the errors that hold them, below every module that finds problems; each is
located once, by a JSON Pointer, and ``json_path`` renders it as a ``$.``-path.

Examples:
    >>> import gcm_model
    >>> try:
    ...     gcm_model.commissions.lookup("UNECA2")
    ... except LookupError as exc:
    ...     print(exc.kind, exc.value, exc.suggestions[:1])
    commission UNECA2 ('ECA',)
"""

from __future__ import annotations

import functools
from typing import Any

import attrs

__all__ = [
    "DocumentError",
    "DocumentProblem",
    "GcmError",
    "InvalidCodeError",
    "InvalidValueError",
    "Problem",
    "SourceError",
    "UnknownCodeError",
    "UnknownFormatError",
    "json_path",
]


@attrs.frozen
class Problem:
    """One problem of a value, an object or a document, located once.

    The one problem type of the library: a model object's broken invariants
    (``Model.problems()``, with pointers from the object), and everything a
    reader finds in a document (pointers from the document, or from the line
    of a JSON Lines file, with the file and line). ``DocumentProblem`` is the
    same class under its older name.

    Attributes:
        rule: the rule slug: ``json-syntax``, ``schema-version``,
            ``missing-field``, ``unknown-field``, ``wrong-type``,
            ``invalid-value``, or the rule of a broken model invariant
            (``unknown-objective``, ``unknown-code``, ``chronology``).
        pointer: the JSON Pointer (RFC 6901) of the offending value; ``""``
            for the whole object or document.
        message: what is wrong, in plain words.
        value: the offending value (``None`` where there is none).
        line: the physical line (from 1), for JSON syntax errors, JSON Lines
            files and CSV rows.
        column: the column, for JSON syntax errors; the column name in a CSV file.
        file: the file, where there is one (CSV tables name their table's file).
        record: the id of the dataset record it is in, where a reader knows it.
        relates: for a broken relation between fields, the other fields it
            rests on (``member_state`` beside ``author``): a reader that could
            not read one of them passes the relation by, rather than report a
            problem that the fault already explains.
    """

    rule: str
    pointer: str
    message: str
    value: Any = None
    line: int | None = None
    column: int | str | None = None
    file: str | None = None
    record: str | None = None
    relates: tuple[str, ...] = attrs.field(default=(), eq=False, repr=False, kw_only=True)

    @property
    def path(self) -> str:
        """The pointer rendered as a path: ``$.meetings[0].agenda[2].start``.

        Examples:
            >>> Problem("wrong-type", "/meetings/0/co_chairs/1", "x").path
            '$.meetings[0].co_chairs[1]'
        """
        return _path(self.pointer)

    @property
    def field(self) -> str:
        """The path without its ``$.``, as a field of an object: ``objectives[1]``."""
        return self.path.removeprefix("$").removeprefix(".")

    def within(self, prefix: str) -> Problem:
        """The same problem with its pointer placed under the pointer ``prefix``."""
        return attrs.evolve(self, pointer=prefix + self.pointer)

    def __str__(self) -> str:
        """The path, the message and the rule on one line (with the line number)."""
        where = f"{self.file}, " if self.file else ""
        if self.line is not None:
            column = f", column {self.column}" if self.column is not None else ""
            where += f"line {self.line}{column}: "
        return f"{where}{self.path}: {self.message} [{self.rule}]"


DocumentProblem = Problem
"""The older name of ``Problem``, from when a document's problems had a type of their own."""


def json_path(pointer: str) -> str:
    """A JSON Pointer rendered as a ``$.``-path, the one rendering every problem and issue uses.

    Examples:
        >>> json_path("/meetings/0/agenda/2/start"), json_path("")
        ('$.meetings[0].agenda[2].start', '$')
    """
    out = "$"
    for token in _tokens(pointer):
        out += f"[{token}]" if token.isdigit() else f".{token}"
    return out


_path = functools.lru_cache(maxsize=4096)(json_path)
"""``json_path``, kept: the problems of a file repeat the same few pointers."""


def _tokens(pointer: str) -> list[str]:
    if not pointer:
        return []
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer[1:].split("/")]


class GcmError(Exception):
    """The root of every exception raised by gcm_model."""


class InvalidCodeError(GcmError, ValueError):
    """A value that cannot be an identifier of the given kind.

    Raised for the wrong type (a list where an objective number belongs, ``True``
    where a number belongs) or the wrong shape (``"1a"`` as an objective number).

    Attributes:
        kind: the identifier kind, such as ``"objective"`` or ``"country"``.
        value: the value as given.
    """

    def __init__(self, kind: str, value: object, reason: str) -> None:
        """Build the error from the kind, the offending value and the reason."""
        self.kind = kind
        self.value = value
        self.reason = reason
        super().__init__(f"invalid {kind} {value!r}: {reason}")


class UnknownCodeError(GcmError, LookupError):
    """A well-formed code or name that is not in the registry of its kind.

    Attributes:
        kind: the identifier kind, such as ``"commission"``.
        value: the value as given.
        suggestions: the nearest known codes or names, best first (may be empty).
    """

    def __init__(self, kind: str, value: object, suggestions: tuple[str, ...] = ()) -> None:
        """Build the error from the kind, the value and the nearest matches."""
        self.kind = kind
        self.value = value
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(map(repr, suggestions))}?" if suggestions else ""
        super().__init__(f"unknown {kind} {value!r}{hint}")

    def __str__(self) -> str:
        """Return the message (``LookupError`` would otherwise quote it like a key)."""
        return str(self.args[0])


class InvalidValueError(GcmError, ValueError):
    """A model object whose fields break one of its invariants.

    Raised when a model class is built (``ThematicSession(cluster=1,
    objectives=(24,))``). The message names the class and the field of the
    first problem; ``problems`` holds every problem found in that object.

    Attributes:
        owner: the class name, such as ``"ThematicSession"``.
        field: the field of the first problem, such as ``"objectives"``.
        value: the offending value of the first problem.
        rule: the rule slug of the first problem, such as ``"unknown-objective"``.
        problems: every problem of the object, in field order.
    """

    def __init__(self, owner: str, problems: tuple[Problem, ...]) -> None:
        """Build the error from the class name and the object's problems (at least one)."""
        first = problems[0]
        self.owner = owner
        self.field = first.field
        self.value = first.value
        self.rule = first.rule
        self.problems = problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{owner}.{first.field}: {first.message}{more}")


class DocumentError(GcmError, ValueError):
    """A JSON document (or JSON Lines file, or CSV tables) that cannot be loaded.

    Carries every problem found, not only the first: JSON syntax (with line and
    column), the schema version, structure (missing, unknown and wrongly typed
    fields) and the invariants of the records.

    Attributes:
        problems: every problem, each with its rule, JSON Pointer, ``$.a[0].b``
            path, offending value and message.
    """

    def __init__(self, problems: tuple[DocumentProblem, ...], *, source: str | None = None) -> None:
        """Build the error from its problems (at least one) and the document's name."""
        super().__init__(problems)
        self.problems = problems
        self.source = source

    def __str__(self) -> str:
        """The document's name, the number of problems and the first twenty, one a line.

        Written when asked for, not when raised: a caller that reads the
        problems, or that refuses record after record, never pays for it.
        """
        problems = self.problems
        where = f"{self.source}: " if self.source else ""
        shown = "\n".join(f"  {p}" for p in problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        return f"{where}cannot load the document, {count}:\n{shown}{more}"


class UnknownFormatError(GcmError, ValueError):
    """A path whose name says neither JSON, JSON Lines nor a directory of CSV tables.

    Attributes:
        path: the path.
        role: what the path is to the caller (``IN``, ``OUT``), if said.
    """

    def __init__(self, path: object, role: str = "") -> None:
        """Build the error from the path (and its role, for the message)."""
        self.path = path
        self.role = role
        named = f"{role} {str(path)!r}" if role else repr(str(path))
        super().__init__(
            f"cannot tell the format of {named} from its name: use .json, "
            ".jsonl (or .ndjson), or a directory of CSV tables"
        )


class SourceError(GcmError, OSError):
    """A file or directory given to read that does not exist or cannot be read.

    Attributes:
        path: the path.
        reason: the underlying ``OSError``.
    """

    def __init__(self, path: object, reason: OSError) -> None:
        """Build the error from the path and the operating system's error."""
        self.path = path
        self.reason = reason
        super().__init__(f"cannot read {path}: {reason}")

    def __str__(self) -> str:
        """The message (``OSError`` would otherwise format its arguments)."""
        return str(self.args[0])
