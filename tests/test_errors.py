"""Tests for gcm_model.errors."""

from __future__ import annotations

import pickle

import pytest

from gcm_model import errors
from gcm_model.errors import GcmError, InvalidCodeError, UnknownCodeError


@pytest.mark.parametrize(
    ("cls", "builtin"), [(UnknownCodeError, LookupError), (InvalidCodeError, ValueError)]
)
def test_leaves_inherit_root_and_builtin(cls: type[Exception], builtin: type[Exception]) -> None:
    """Each leaf is a GcmError and the builtin of its kind of failure."""
    assert issubclass(cls, GcmError)
    assert issubclass(cls, builtin)


def test_tree_in_docstring_names_every_exception() -> None:
    """The module docstring draws every exception class."""
    assert errors.__doc__ is not None
    for name in errors.__all__:
        assert name in errors.__doc__


def test_unknown_code_error_message_and_attributes() -> None:
    """The message quotes the value and the suggestions; attributes keep them."""
    exc = UnknownCodeError("commission", "UNECA2", ("ECA", "ECE"))
    assert str(exc) == "unknown commission 'UNECA2'; did you mean 'ECA', 'ECE'?"
    assert (exc.kind, exc.value, exc.suggestions) == ("commission", "UNECA2", ("ECA", "ECE"))
    assert str(UnknownCodeError("country", "QQQ")) == "unknown country 'QQQ'"


def test_invalid_code_error_message_and_attributes() -> None:
    """The message names the kind, the value and the reason."""
    exc = InvalidCodeError("objective", [1], "expected an int")
    assert str(exc) == "invalid objective [1]: expected an int"
    assert (exc.kind, exc.value, exc.reason) == ("objective", [1], "expected an int")


def test_a_document_error_says_its_problems_and_survives_pickling() -> None:
    """The message names the source and each problem; a pickled copy keeps them all."""
    problems = (
        errors.DocumentProblem("unknown-field", "/venue/cty", "unknown field 'cty'", "Geneva"),
        errors.DocumentProblem("wrong-type", "/co_chairs/1", "expected a string, got an integer"),
    )
    error = errors.DocumentError(problems, source="m.json")
    assert str(error) == (
        "m.json: cannot load the document, 2 problems:\n"
        "  $.venue.cty: unknown field 'cty' [unknown-field]\n"
        "  $.co_chairs[1]: expected a string, got an integer [wrong-type]"
    )
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert (copy.problems, copy.source, str(copy)) == (problems, "m.json", str(error))
