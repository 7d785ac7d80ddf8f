"""Hypothesis strategies for the GCM review records, valid by construction.

Each strategy draws objects that build without error and have no
``problems()``: reference codes (objective numbers, commission and country
codes, review rounds, ...), moments, the small value classes, agenda segments,
the review records of A/RES/73/195 para. 50 and the UNECE 2024 concept note
(regional reviews, meetings, preparatory events, participants, written
submissions, pledges, reports), the follow-up around them (IMRFs, the
Secretary-General's reports, calls, national reviews, funds) and whole
``Dataset`` documents whose ids are
unique and whose references resolve. Arguments are checked when a strategy is
made, not when it is drawn from, and each docstring says what its examples
shrink towards.

Installing gcm-model registers the model classes with Hypothesis through the
``hypothesis`` entry point, so ``st.from_type(Meeting)`` works in any suite.
``import gcm_model`` imports neither this module nor Hypothesis.

Times of day are drawn on a grid of quarter hours from 06:00 to 21:45 local
time, in a few real IANA zones read through python-dateutil (``UTC``,
``Europe/Zurich``, ``America/Santiago``, ``Asia/Bangkok``,
``Africa/Addis_Ababa``, ``Asia/Beirut``, ``Africa/Cairo``,
``America/New_York``): every daylight-saving transition of those zones falls
between 22:00 and 06:00 local time, so no drawn time is ambiguous or
nonexistent, and a meeting's hours look like a meeting's hours. A meeting's
times are all in one zone, its ``time_zone`` (the venue's, for a known
meeting held in person).

Examples:
    >>> from hypothesis import given, settings
    >>> from gcm_model import testing
    >>> @settings(max_examples=5)
    ... @given(testing.meetings(commission="ECE"))
    ... def test_ece_meetings(meeting):
    ...     assert "ECE" in meeting.commissions
    ...     assert list(meeting.problems()) == []
    >>> test_ece_meetings()
    >>> testing.country_codes(commission="UNECE2")
    Traceback (most recent call last):
    ...
    gcm_model.errors.UnknownCodeError: unknown commission 'UNECE2'; did you mean 'ECE'...
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from gcm_model.models.dataset import Dataset
from gcm_model.models.followup import (
    Call,
    Fund,
    LinkedReport,
    NationalReview,
    Plenary,
    ProgressDeclaration,
    RecommendedAction,
    ReviewForum,
    SecretaryGeneralReport,
)
from gcm_model.models.process import (
    BackToBackEvent,
    ClosingSegment,
    Contact,
    DocumentRef,
    Hearing,
    HighLevelPanel,
    IntergovernmentalConference,
    Meeting,
    OpeningSegment,
    Participant,
    Pledge,
    PreparatoryEvent,
    RegionalReview,
    SideEvent,
    ThematicSession,
    Venue,
    Window,
    WrittenSubmission,
)
from gcm_model.models.reports import GoodPractice, KeyFinding, Recommendation, Report, ReportSection

if TYPE_CHECKING:
    from collections.abc import Callable

    from hypothesis.strategies import SearchStrategy

    # At run time, imported on first use: see ``__getattr__`` at the end.
    from gcm_model.testing._invalid_datasets import invalid_datasets


_SETUP_PENDING: list[bool] = []
"""Holds ``True`` when Hypothesis ran the hook while this module was still importing."""


def _hypothesis_setup_hook() -> None:
    """Register every public model class for ``st.from_type``.

    Hypothesis calls this, through the ``hypothesis`` entry point of the
    package, when it is imported. It is defined before this module imports
    Hypothesis: importing ``gcm_model.testing`` first imports Hypothesis, which
    runs the hook on this half-imported module; the registration then waits
    for the end of the module.
    """
    register = globals().get("_register_types")
    if register is None:
        _SETUP_PENDING.append(True)
    else:
        register()


# The strategies live in private modules: ``_draw`` and ``_times`` (drawing helpers, days
# and times), ``_values`` (fields drawn from their kinds with ``_Pen``, and the small
# classes nested in records), ``_reference_codes``, ``_segments``, ``_meetings``,
# ``_records``, ``_followup`` and ``_datasets``; ``_invalid_datasets`` with ``_carriers`` and the
# breakers of each family of rules (``_breaks_*``). They import Hypothesis, so they come
# after the hook (see its docstring).
from hypothesis import strategies as st  # noqa: E402 - after the hook: see its docstring

from gcm_model.testing._datasets import datasets  # noqa: E402 - as above
from gcm_model.testing._followup import (  # noqa: E402 - as above
    calls,
    funds,
    national_reviews,
    review_forums,
    secretary_general_reports,
)
from gcm_model.testing._meetings import meetings, regional_reviews  # noqa: E402 - as above
from gcm_model.testing._records import (  # noqa: E402 - as above
    participants,
    pledges,
    preparatory_events,
    report_sections,
    reports,
    written_submissions,
)
from gcm_model.testing._reference_codes import (  # noqa: E402 - as above
    cluster_numbers,
    commission_codes,
    country_codes,
    language_codes,
    meeting_format_codes,
    moments,
    objective_numbers,
    principle_letters,
    record_ids,
    round_codes,
    stakeholder_codes,
)
from gcm_model.testing._segments import (  # noqa: E402 - as above
    closing_segments,
    hearings,
    high_level_panels,
    intergovernmental_conferences,
    opening_segments,
    segments,
    side_events,
    thematic_sessions,
)
from gcm_model.testing._values import (  # noqa: E402 - as above
    back_to_back_events,
    contacts,
    content_items,
    document_refs,
    good_practices,
    key_findings,
    linked_reports,
    plenaries,
    progress_declarations,
    recommendations,
    recommended_actions,
    venues,
    windows,
)

__all__ = [
    "back_to_back_events",
    "calls",
    "closing_segments",
    "cluster_numbers",
    "commission_codes",
    "contacts",
    "content_items",
    "country_codes",
    "datasets",
    "document_refs",
    "funds",
    "good_practices",
    "hearings",
    "high_level_panels",
    "intergovernmental_conferences",
    "invalid_datasets",
    "key_findings",
    "language_codes",
    "linked_reports",
    "meeting_format_codes",
    "meetings",
    "moments",
    "national_reviews",
    "objective_numbers",
    "opening_segments",
    "participants",
    "pledges",
    "plenaries",
    "preparatory_events",
    "principle_letters",
    "progress_declarations",
    "recommendations",
    "recommended_actions",
    "record_ids",
    "regional_reviews",
    "report_sections",
    "reports",
    "review_forums",
    "round_codes",
    "secretary_general_reports",
    "segments",
    "side_events",
    "stakeholder_codes",
    "thematic_sessions",
    "venues",
    "windows",
    "written_submissions",
]


T = TypeVar("T")


# -- the hypothesis entry point ------------------------------------------------------------

_REGISTERED: tuple[tuple[type[Any], Callable[[], SearchStrategy[Any]]], ...] = (
    (Venue, venues),
    (Contact, contacts),
    (DocumentRef, document_refs),
    (Window, windows),
    (BackToBackEvent, back_to_back_events),
    (Hearing, hearings),
    (IntergovernmentalConference, intergovernmental_conferences),
    (OpeningSegment, opening_segments),
    (ThematicSession, thematic_sessions),
    (HighLevelPanel, high_level_panels),
    (ClosingSegment, closing_segments),
    (SideEvent, side_events),
    (RegionalReview, regional_reviews),
    (Meeting, meetings),
    (PreparatoryEvent, preparatory_events),
    (Participant, participants),
    (WrittenSubmission, written_submissions),
    (Pledge, pledges),
    (KeyFinding, key_findings),
    (GoodPractice, good_practices),
    (Recommendation, recommendations),
    (ReportSection, report_sections),
    (Report, reports),
    (RecommendedAction, recommended_actions),
    (Plenary, plenaries),
    (ProgressDeclaration, progress_declarations),
    (ReviewForum, review_forums),
    (SecretaryGeneralReport, secretary_general_reports),
    (Call, calls),
    (LinkedReport, linked_reports),
    (NationalReview, national_reviews),
    (Fund, funds),
    (Dataset, datasets),
)
"""Each public model class and the strategy ``st.from_type`` resolves it to."""


def _for_type(factory: Callable[[], SearchStrategy[T]]) -> Callable[[type[T]], SearchStrategy[T]]:
    # A function of the type rather than a strategy: nothing is built, and no
    # package data is read, while Hypothesis imports; only when a type is resolved.
    return lambda _type: factory()


def _register_types() -> None:
    for cls, factory in _REGISTERED:
        st.register_type_strategy(cls, _for_type(factory))


if _SETUP_PENDING:
    _register_types()


# -- invalid_datasets, imported on first use -----------------------------------------------


def __getattr__(name: str) -> Any:
    # Hypothesis imports this module through its entry point wherever it starts; the
    # modules of ``invalid_datasets`` import the conformance profiles and the JSON
    # Schema, which registering the types does not need, so they wait for a first use.
    if name == "invalid_datasets":
        from gcm_model.testing._invalid_datasets import invalid_datasets  # noqa: PLC0415 - see above

        return invalid_datasets
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
