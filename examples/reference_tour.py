"""A tour of the GCM reference data that gcm-model holds (what `make demo` prints).

Run it with ``python examples/reference_tour.py``. Until the validation engine
lands, this is the library's main job on its bundled data: show the codelists,
how they connect, and where each fact comes from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import gcm_model

if TYPE_CHECKING:
    from collections.abc import Sized


def section(title: str) -> None:
    """Print a section heading."""
    print(f"\n{title}\n{'-' * len(title)}")


def main() -> None:
    """Print the tour."""
    print(f"gcm-model {gcm_model.__version__}, reference data {gcm_model.data_version()}")

    section("Session clusters (IMRF round tables, A/RES/73/326)")
    for cluster in gcm_model.clusters:
        numbers = ", ".join(str(n) for n in cluster.objectives)
        print(f"  {cluster.number}. {cluster.title}  [objectives {numbers}]")

    section("Objective 11 (A/RES/73/195 para. 16)")
    objective = gcm_model.objectives.lookup("manage borders")
    cluster = gcm_model.clusters.of_objective(objective.number)
    print(f"  {objective.number}: {objective.title}")
    print(f"  cluster {cluster.number}; sources {', '.join(objective.sources)}")

    section("Regional commissions and the regions they convene")
    for commission in gcm_model.commissions:
        associates = len(commission.members(associates=True)) - len(commission.members())
        extra = f" + {associates} associate members" if associates else ""
        print(
            f"  {commission.code:<6} {commission.region.name:<27} "
            f"{len(commission.members()):>3} members{extra}; seat {commission.headquarters.city}"
        )

    section("States in more than one commission")
    for code in ("TUR", "DJI", "MDA"):
        country = gcm_model.countries.lookup(code)
        now = [c.code for c in gcm_model.commissions.of_country(code)]
        print(f"  {country.name} ({code}): {', '.join(now)}")
    escwa = gcm_model.commissions.lookup("ESCWA")
    membership = escwa.membership("DJI")
    if membership is not None:
        print(
            f"  Djibouti and ESCWA: not a member on {membership.not_member_on}; "
            f"status {membership.status.value}"
        )

    section("Second round of regional reviews (2024-2025)")
    for meeting in gcm_model.known_meetings:
        if meeting.round != "regional-2024" or meeting.start is None:
            continue
        place = ", ".join(p for p in (meeting.venue, meeting.city) if p)
        planned = f"; {meeting.planned}" if meeting.planned else ""
        print(
            f"  {meeting.start} to {meeting.end}  {'/'.join(meeting.commissions):<6} "
            f"{place}{planned}"
        )

    section("Lookups by name, with suggestions")
    print(f"  search('moldova') -> {gcm_model.countries.search('moldova')[0]!r}")
    try:
        gcm_model.commissions.lookup("ESCWAA")
    except gcm_model.UnknownCodeError as exc:
        print(f"  lookup('ESCWAA') -> UnknownCodeError: {exc}")
    kosovo = gcm_model.countries.lookup("XKX")
    print(f"  {kosovo.display_name}")

    section("Codelists")
    registries: dict[str, Sized] = {
        "objectives": gcm_model.objectives,
        "guiding principles": gcm_model.principles,
        "session clusters": gcm_model.clusters,
        "stakeholder categories": gcm_model.stakeholders,
        "regional commissions": gcm_model.commissions,
        "countries": gcm_model.countries,
        "review rounds": gcm_model.rounds,
        "known meetings": gcm_model.known_meetings,
        "report section kinds": gcm_model.report_section_kinds,
        "guiding questions": gcm_model.guiding_questions,
        "meeting formats": gcm_model.meeting_formats,
        "languages": gcm_model.languages,
        "sources": gcm_model.sources,
    }
    for name, registry in registries.items():
        print(f"  {len(registry):>4}  {name}")


if __name__ == "__main__":
    main()
