"""The rule catalogue (package data ``rules.json``), severities and profiles."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from gcm_model.errors import UnknownCodeError
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
        value: its default value.
        source: where the value comes from, as readers see it: the citation
            rendered (``gcm_model.cite``), or this package's own reason for a
            value the sources give no figure for.
        citation: the source the value is read in, or ``None`` for this
            package's own choice.
    """

    name: str
    value: Any
    source: str
    citation: Citation | None = None

    @classmethod
    def from_raw(cls, name: str, raw: dict[str, Any]) -> Parameter:
        """Build from a parameter of ``rules.json``: a citation, or this package's reason."""
        origin = raw["source"]
        if isinstance(origin, str):
            return cls(name=name, value=raw["value"], source=origin)
        citation = _citation(origin)
        return cls(name=name, value=raw["value"], source=cite(citation), citation=citation)


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


PROFILES: dict[str, Profile] = {
    "default": Profile(
        name="default",
        description="Every general rule at its default severity.",
    ),
    "strict": Profile(
        name="strict",
        description="The default rules, with warnings raised to errors.",
        escalate=True,
    ),
    "unece-2024": Profile(
        name="unece-2024",
        description=(
            "The default rules plus the specifics of the UNECE 2024 concept note: "
            "hearing before the conference, one background "
            "note per session, a rapporteur, four thematic sessions, two consultations."
        ),
        parameters={"consultations": {"minimum": 2}},
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
