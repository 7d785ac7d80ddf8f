"""Validation: every problem in a dataset, in one pass, coded, located and sourced.

``validate`` takes a dataset in any form (object, dict, JSON, a JSON Lines
file, CSV tables, records) and returns a ``ValidationReport``: the JSON
syntax, the structure, the records' own invariants and the rules that need the
whole dataset, each issue with its rule, severity, JSON Pointer, record, file
and line, message and the document the rule comes from. Bad data never raises.

The rules are data (``rules``, from ``rules.json``): slug, code, default
severity, summary, the quoted source sentence and the profiles each belongs to.

Examples:
    >>> from gcm_model.validation import rules, validate
    >>> rules.lookup("report-deadline").code
    'GCM501'
    >>> validate(b"{").issues[0].rule
    'json-syntax'
"""

from __future__ import annotations

from gcm_model.validation._catalogue import PROFILES, Parameter, Profile, Rule, Severity, rules
from gcm_model.validation._engine import iter_validate, validate
from gcm_model.validation._report import Issue, ValidationReport

__all__ = [
    "Issue",
    "PROFILES",
    "Parameter",
    "Profile",
    "Rule",
    "Severity",
    "ValidationReport",
    "iter_validate",
    "rules",
    "validate",
]
