"""The rule catalogue (package data ``rules.json``), severities and profiles.

A profile is a selection of the catalogue. ``default`` holds what binds every
regional review (the dataset format, A/RES/73/195, A/RES/73/326,
A/RES/76/266 and the UN Network on Migration's framework and checklist for
regional reviews); a region's documented practice is a profile of its own
(``unece-2024``: the UNECE 2024 concept note); ``strict`` is ``default`` with
warnings raised to errors.

Examples:
    >>> "co-chairs" in [r.slug for r in profile("default").active()]
    False
    >>> profile("unece-2024").parameter(rules.lookup("balance"), "gender")
    True
    >>> tuned = profile("default").tuned({"balance": {"max_share": 0.5}})
    >>> tuned.parameter(rules.lookup("GCM308"), "max_share")
    0.5
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from typing import Any

import attrs

from gcm_model.errors import InvalidCodeError, UnknownCodeError
from gcm_model.models.reference import Citation
from gcm_model.registry import CodeRegistry, cite
from gcm_model.types import Status

__all__ = ["PROFILES", "Parameter", "Profile", "Rule", "Severity", "profile", "rules"]


class Severity(enum.Enum):
    """How much an issue matters: an error makes a dataset invalid."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for information."""
        return list(Severity).index(self)


@attrs.frozen(kw_only=True)
class Parameter:
    """A named threshold of a rule, with where its value comes from.

    Attributes:
        name: the parameter's name, such as ``days``.
        value: its default value: a number or a flag.
        source: where the value comes from, as readers see it: the citation
            rendered (``gcm_model.cite``), or this project's own reason for a
            value the sources give no figure for.
        citation: the source the value is read in, or ``None`` for this
            project's own choice.
        maximum: the largest value it may be set to, where there is one; a
            number is never below 0.
    """

    name: str
    value: Any
    source: str
    citation: Citation | None = None
    maximum: float | None = None

    @classmethod
    def from_raw(cls, name: str, raw: dict[str, Any]) -> Parameter:
        """Build from a parameter of ``rules.json``: a citation, or this project's reason."""
        origin, maximum = raw["source"], raw.get("maximum")
        if isinstance(origin, str):
            return cls(name=name, value=raw["value"], source=origin, maximum=maximum)
        citation = _citation(origin)
        return cls(
            name=name, value=raw["value"], source=cite(citation), citation=citation, maximum=maximum
        )

    def check(self, rule: str, value: object) -> object:
        """A value this parameter may be set to, as given.

        A flag takes ``True`` or ``False``; a whole number an ``int``; a
        share or other fraction an ``int`` or a ``float``; numbers are finite,
        0 or more and at most ``maximum``.

        Args:
            rule: the slug of the parameter's rule, for the message.
            value: the value asked for.

        Returns:
            The value.

        Raises:
            InvalidCodeError: a value of another type, or out of range.
        """
        what = f"parameter {rule}.{self.name}"
        default = self.value
        if isinstance(default, bool):
            if not isinstance(value, bool):
                raise InvalidCodeError(what, value, "expected true or false")
            return value
        numbers = (int,) if isinstance(default, int) else (int, float)
        if isinstance(value, bool) or not isinstance(value, numbers):
            expected = "a whole number" if numbers == (int,) else "a number"
            raise InvalidCodeError(what, value, f"expected {expected}")
        if not math.isfinite(value) or value < 0:
            raise InvalidCodeError(what, value, "expected a finite number, 0 or more")
        if self.maximum is not None and value > self.maximum:
            raise InvalidCodeError(what, value, f"expected at most {self.maximum:g}")
        return value


def _citation(raw: dict[str, Any]) -> Citation:
    return Citation(source=raw["source"], at=raw.get("at"), quote=raw.get("quote"))


@attrs.frozen(kw_only=True)
class Rule:
    """One rule of the catalogue.

    Attributes:
        slug: the stable name, such as ``report-deadline`` (a public contract).
        code: the stable code, such as ``GCM501``.
        severity: the default severity.
        summary: what it checks, in one line.
        source: the documents the rule comes from, as readers see them: each
            citation rendered by ``gcm_model.cite`` (``A/RES/73/195, para. 16``),
            separated by semicolons.
        quote: the words of the first citation that quotes its source, verbatim.
        profiles: the profiles the rule belongs to.
        parameters: its thresholds.
        citations: the sources it cites, each with the place and the words
            quoted there.
        sources: the ids of those sources.
        status: how well the rule is sourced.
    """

    slug: str
    code: str
    severity: Severity
    summary: str = attrs.field(repr=False)
    source: str = attrs.field(repr=False)
    quote: str | None = attrs.field(repr=False)
    profiles: tuple[str, ...] = attrs.field(repr=False)
    parameters: tuple[Parameter, ...] = attrs.field(repr=False)
    citations: tuple[Citation, ...] = attrs.field(repr=False)
    sources: tuple[str, ...] = attrs.field(repr=False)
    status: Status = attrs.field(repr=False)

    def parameter(self, name: str) -> Any:
        """The default value of a parameter.

        Raises:
            UnknownCodeError: the rule has no such parameter.
        """
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter.value
        raise UnknownCodeError(f"parameter of {self.slug}", name)

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> Rule:
        """Build from a record of ``rules.json``, rendering its citations."""
        citations = tuple(_citation(c) for c in raw["sources"])
        return cls(
            slug=raw["slug"],
            code=raw["code"],
            severity=Severity(raw["severity"]),
            summary=raw["summary"],
            source="; ".join(cite(c) for c in citations),
            quote=next((c.quote for c in citations if c.quote), None),
            profiles=tuple(raw["profiles"]),
            parameters=tuple(Parameter.from_raw(n, p) for n, p in raw["parameters"].items()),
            citations=citations,
            sources=tuple(dict.fromkeys(c.source for c in citations)),
            status=Status(raw["status"]),
        )


rules: CodeRegistry[Rule] = CodeRegistry(
    "rules",
    "rule",
    build=Rule.from_raw,
    key=lambda r: r.slug,
    terms=lambda r: [r.code, r.summary],
    upper=False,
    aliases=lambda r: [r.code],
)
"""The rule catalogue, by slug (codes such as ``GCM501`` work as aliases)."""


@attrs.frozen(kw_only=True)
class Profile:
    """A named selection of rules, with severity and parameter changes.

    Attributes:
        name: ``default``, ``strict`` or ``unece-2024``.
        description: what the profile is for.
        escalate: warnings become errors.
        parameters: parameter values that differ from the rules' defaults,
            as ``{slug: {name: value}}``.
    """

    name: str
    description: str
    escalate: bool = False
    parameters: dict[str, dict[str, Any]] = attrs.field(factory=dict, hash=False)

    def active(self) -> list[Rule]:
        """The rules of the profile, in catalogue order."""
        return [r for r in rules if self.name in r.profiles]

    def severity(self, rule: Rule) -> Severity:
        """The severity of a rule's issues under this profile."""
        if self.escalate and rule.severity is Severity.WARNING:
            return Severity.ERROR
        return rule.severity

    def parameter(self, rule: Rule, name: str) -> Any:
        """A rule's parameter under this profile."""
        return self.parameters.get(rule.slug, {}).get(name, rule.parameter(name))

    def tuned(self, parameters: Mapping[str, Mapping[str, object]]) -> Profile:
        """The same profile with some parameters set, checked.

        Args:
            parameters: values by rule (slug or code) and parameter name, such
                as ``{"balance": {"max_share": 0.5}}``; they take precedence
                over the profile's own.

        Returns:
            The profile with the values set (itself when there are none).

        Raises:
            UnknownCodeError: no such rule, or no such parameter of the rule.
            InvalidCodeError: ``parameters`` is not a mapping of mappings, or a
                value is of the wrong type or out of range.
        """
        if not isinstance(parameters, Mapping):
            raise InvalidCodeError("parameters", parameters, "expected {rule: {name: value}}")
        merged = {slug: dict(values) for slug, values in self.parameters.items()}
        for key, values in parameters.items():
            rule = rules.lookup(key)
            if not isinstance(values, Mapping):
                raise InvalidCodeError(
                    f"parameters of {rule.slug}", values, "expected {name: value}"
                )
            for name, value in values.items():
                known = {p.name: p for p in rule.parameters}
                if name not in known:
                    raise UnknownCodeError(f"parameter of {rule.slug}", name, tuple(known))
                merged.setdefault(rule.slug, {})[name] = known[name].check(rule.slug, value)
        return attrs.evolve(self, parameters=merged) if parameters else self


PROFILES: dict[str, Profile] = {
    "default": Profile(
        name="default",
        description=(
            "What binds every regional review: the dataset format, A/RES/73/195, "
            "A/RES/73/326, A/RES/76/266 and the UN Network on Migration's framework and "
            "checklist for regional reviews, at their default severities."
        ),
    ),
    "strict": Profile(
        name="strict",
        description="The default rules, with warnings raised to errors.",
        escalate=True,
    ),
    "unece-2024": Profile(
        name="unece-2024",
        description=(
            "The default rules plus the practice of the UNECE 2024 concept note: two "
            "co-chairs, a Member State speaker and a stakeholder moderator per session, four "
            "thematic sessions on the IMRF round-table clusters covering every objective, a "
            "hearing before the conference, background notes, a rapporteur, two "
            "consultations, written inputs a week ahead, the outcome report within 30 days, "
            "and gender balance among the speakers."
        ),
        parameters={"consultations": {"minimum": 2}, "balance": {"gender": True}},
    ),
}
"""The profiles ``validate`` accepts."""


def profile(name: object) -> Profile:
    """The profile of a name.

    Raises:
        UnknownCodeError: no such profile.
    """
    if not isinstance(name, str) or name not in PROFILES:
        raise UnknownCodeError("profile", name, tuple(PROFILES))
    return PROFILES[name]
