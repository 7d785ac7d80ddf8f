"""The packaged reference data agrees, row by row, with the fact sheet domain_facts.md.

The fact sheet lives outside the repository, in ``shared/reference/`` beside the
checkout (CI puts a copy there); ``GCM_DOMAIN_FACTS`` overrides the location.
Where it is absent (a user's fresh clone) the whole module is skipped.

The tables are read from the markdown at collection time, so each row of the
fact sheet is a test case of its own and a mismatch names the row.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from gcm_model import (
    ReviewKind,
    clusters,
    commissions,
    countries,
    known_meetings,
    objectives,
    principles,
    rounds,
    stakeholders,
)


def _facts_path() -> Path:
    """Where domain_facts.md is: ``$GCM_DOMAIN_FACTS``, else ``../shared/reference/``."""
    override = os.environ.get("GCM_DOMAIN_FACTS")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "shared" / "reference" / "domain_facts.md"


FACTS_PATH = _facts_path()
if not FACTS_PATH.is_file():
    pytest.skip(
        f"domain_facts.md not found at {FACTS_PATH} (set GCM_DOMAIN_FACTS to check the "
        "reference data against the fact sheet)",
        allow_module_level=True,
    )
FACTS = FACTS_PATH.read_text(encoding="utf-8")

# -------------------------------------------------------------------- markdown helpers

Row = tuple[str, ...]

_ANY_HEADING = re.compile(r"^#{1,6} ", re.MULTILINE)
_SEPARATOR = re.compile(r"\|(?:\s*:?-+:?\s*\|)+")


def _section(number: str) -> str:
    """The text under the heading numbered ``number`` (``"1"``, ``"5.3a"``), to the next heading.

    Raises:
        LookupError: the fact sheet has no such heading.
    """
    heading = re.compile(rf"^#{{2,6}} {re.escape(number)}[.\s]", re.MULTILINE)
    found = heading.search(FACTS)
    if found is None:
        raise LookupError(f"domain_facts.md has no section {number}")
    start = FACTS.find("\n", found.start()) + 1
    following = _ANY_HEADING.search(FACTS, start)
    return FACTS[start : following.start() if following else len(FACTS)]


def _tables(text: str) -> list[list[Row]]:
    """The markdown tables in ``text``: their body rows as tuples of stripped cells."""
    tables: list[list[Row]] = []
    current: list[Row] | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("|"):
            current = None
        elif current is None:  # the header row opens a table
            current = []
            tables.append(current)
        elif not _SEPARATOR.fullmatch(stripped):
            current.append(tuple(cell.strip() for cell in stripped.strip("|").split("|")))
    return tables


def _table(number: str, index: int = 0) -> list[Row]:
    """The body rows of table ``index`` (from 0) of section ``number``.

    Raises:
        LookupError: the section has fewer tables.
    """
    tables = _tables(_section(number))
    if len(tables) <= index:
        raise LookupError(f"section {number} of domain_facts.md has no table {index}")
    return tables[index]


def _codes(cell: str) -> set[str]:
    """The comma-separated codes of a cell; the dash of an empty cell gives none."""
    return {code.strip() for code in cell.split(",") if code.strip() not in {"", "—", "-"}}


_NOTE = re.compile(r"\s*\((?:seed|S\d)[^()]*\)$")


def _strip_note(name: str) -> str:
    """A country name without a trailing source note such as ``(seed 003: "...")``.

    Parentheses that belong to the name, as in ``Iran (Islamic Republic of)``, stay.
    """
    return _NOTE.sub("", name)


# -------------------------------------------------------------------- date helper

_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTHS = {
    form: number for number, name in enumerate(_MONTH_NAMES, start=1) for form in (name, name[:3])
} | {"sept": 9}
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
# "11 Mar 2024", "12-13 Nov 2020", "31 Aug-1 Sep 2021", "30 Dec 2020-2 Jan 2021", with an
# en dash or a hyphen. The first day's month and year default to the last day's.
_DATE_RANGE = re.compile(
    rf"(?<![\d:])(?P<d1>\d{{1,2}})(?:\s+(?P<m1>{_MONTH})(?:\s+(?P<y1>\d{{4}}))?)?"
    rf"(?:\s*[–-]\s*(?P<d2>\d{{1,2}}))?"
    rf"\s+(?P<m2>{_MONTH})\s+(?P<y2>\d{{4}})\b",
    re.IGNORECASE,
)


def _month(name: str) -> int:
    """The number of a month named in English, in full or abbreviated (``Sep``, ``Sept``)."""
    return _MONTHS[name.rstrip(".").lower()]


def _date_range(text: str) -> tuple[dt.date, dt.date]:
    """The first and last day of the first date or date range written in ``text``.

    Raises:
        ValueError: ``text`` holds no date with day, month and year.
    """
    found = _DATE_RANGE.search(text)
    if found is None:
        raise ValueError(f"no date in {text!r}")
    d1, m1, y1, d2, m2, y2 = found.group("d1", "m1", "y1", "d2", "m2", "y2")
    end = dt.date(int(y2), _month(m2), int(d2 or d1))
    start = dt.date(int(y1 or y2), _month(m1 or m2), int(d1))
    if start > end and y1 is None:  # "30 Dec-2 Jan 2021"
        start = start.replace(year=start.year - 1)
    return start, end


# -------------------------------------------------------------------- the fact sheet's tables

OBJECTIVE_ROWS = _table("1")
PRINCIPLE_ROWS = _table("2")
CLUSTER_ROWS = _table("3")
CLUSTER_TITLE_ROWS = _table("3", 1)
STAKEHOLDER_ROWS = _table("4.2")
SUMMARY_ROWS = _table("5.1")
OVERLAP_ROWS = _table("5.7")
MEETING_ROWS = _table("6.3")

MEMBER_SECTIONS: dict[str, tuple[str, bool]] = {
    # section: (commission, whether the table lists associate members)
    "5.2": ("ECE", False),
    "5.3": ("ESCAP", False),
    "5.3a": ("ESCAP", True),
    "5.4": ("ECLAC", False),
    "5.4a": ("ECLAC", True),
    "5.5": ("ECA", False),
    "5.6": ("ESCWA", False),
}
MEMBER_TABLES = {number: _table(number) for number in MEMBER_SECTIONS}

COMMISSION_CODES = [c.code for c in commissions]
_COMMISSION_WORD = re.compile(r"\b(?:" + "|".join(COMMISSION_CODES) + r")\b")
_BACKTICKED = re.compile(r"`([^`]+)`")
_ANY_PAIR = "Any pair"


def _members(code: str) -> set[str]:
    """The alpha-3 codes of the current full members of a commission, from the package."""
    return set(commissions.lookup(code).members())


def _associates(code: str) -> set[str]:
    """The alpha-3 codes of the current associate members of a commission, from the package."""
    return set(commissions.lookup(code).members(associates=True)) - _members(code)


# -------------------------------------------------------------------- the helpers themselves


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("12–13 Nov 2020, virtual", dt.date(2020, 11, 12), dt.date(2020, 11, 13)),
        ("31 Aug–1 Sep 2021, virtual", dt.date(2021, 8, 31), dt.date(2021, 9, 1)),
        ("review 11 Mar 2024, Palais", dt.date(2024, 3, 11), dt.date(2024, 3, 11)),
        ("4-6 Feb 2025, Bangkok", dt.date(2025, 2, 4), dt.date(2025, 2, 6)),
        ("30 Dec–2 Jan 2021", dt.date(2020, 12, 30), dt.date(2021, 1, 2)),
        ("08:30–10:00 CET on 3 July 2024", dt.date(2024, 7, 3), dt.date(2024, 7, 3)),
    ],
)
def test_date_range_parser(text: str, start: dt.date, end: dt.date) -> None:
    """The date-range reader of this module reads the forms the fact sheet uses."""
    assert _date_range(text) == (start, end)


def test_table_reader_skips_header_and_separator() -> None:
    """The table reader returns body rows only, and splits two tables apart."""
    text = "| A | B |\n|---|---|\n| 1 | x |\n| 2 | y |\n\ntext\n\n| C |\n|:--|\n| 3 |\n"
    assert _tables(text) == [[("1", "x"), ("2", "y")], [("3",)]]


# -------------------------------------------------------------------- §1 objectives


def test_section_1_lists_every_objective() -> None:
    """§1 has one row per packaged objective, numbered 1 to 23 in order."""
    numbers = [int(row[0]) for row in OBJECTIVE_ROWS]
    assert numbers == [o.number for o in objectives] == list(range(1, 24))


@pytest.mark.parametrize("row", [pytest.param(r, id=f"objective-{r[0]}") for r in OBJECTIVE_ROWS])
def test_objective_matches_section_1(row: Row) -> None:
    """Each objective has the official title, Hub label and status of its §1 row."""
    number, title, hub_label, status = row[:4]
    objective = objectives.lookup(int(number))
    assert objective.title == title
    assert objective.short_title == hub_label
    assert objective.status.value == status


# -------------------------------------------------------------------- §2 guiding principles


def test_section_2_lists_every_principle() -> None:
    """§2 has one row per packaged guiding principle, lettered (a) to (j) in order."""
    letters = [row[0].strip("()") for row in PRINCIPLE_ROWS]
    assert letters == [p.letter for p in principles] == list("abcdefghij")


@pytest.mark.parametrize(
    "row", [pytest.param(r, id=f"principle-{r[0].strip('()')}") for r in PRINCIPLE_ROWS]
)
def test_principle_matches_section_2(row: Row) -> None:
    """Each guiding principle has the title and status of its §2 row."""
    letter, title, status = row[0].strip("()"), row[1], row[2]
    principle = principles.lookup(letter)
    assert principle.letter == letter
    assert principle.title == title
    assert principle.status.value == status


# -------------------------------------------------------------------- §3 clusters


def test_section_3_lists_every_cluster() -> None:
    """§3 has one round-table row per packaged cluster, numbered 1 to 4."""
    numbers = [int(row[0]) for row in CLUSTER_ROWS]
    assert numbers == [c.number for c in clusters] == [1, 2, 3, 4]


@pytest.mark.parametrize("row", [pytest.param(r, id=f"cluster-{r[0]}") for r in CLUSTER_ROWS])
def test_cluster_matches_section_3(row: Row) -> None:
    """Each cluster covers the objectives, and has the status, of its §3 round-table row."""
    number, listed, status = row[:3]
    cluster = clusters.lookup(int(number))
    assert cluster.objectives == tuple(int(n) for n in listed.split(","))
    assert cluster.status.value == status


@pytest.mark.parametrize("row", [pytest.param(r, id=f"cluster-{r[0]}") for r in CLUSTER_TITLE_ROWS])
def test_cluster_title_matches_section_3(row: Row) -> None:
    """Each cluster's title is the round-table title of §3 (second table), without source notes."""
    assert clusters.lookup(int(row[0])).title == _strip_note(row[1])


# -------------------------------------------------------------------- §4.2 stakeholders


def test_section_4_2_lists_every_stakeholder_category() -> None:
    """§4.2 suggests one identifier per row, 15 in all, and they are the package's codes."""
    identifiers = [code for row in STAKEHOLDER_ROWS for code in _BACKTICKED.findall(row[1])]
    assert len(identifiers) == len(STAKEHOLDER_ROWS) == 15
    assert identifiers == [s.code for s in stakeholders]


@pytest.mark.parametrize(
    "row",
    [
        pytest.param(r, id="stakeholder-" + "-".join(_BACKTICKED.findall(r[1])))
        for r in STAKEHOLDER_ROWS
    ],
)
def test_stakeholder_matches_section_4_2(row: Row) -> None:
    """Each suggested identifier of §4.2 is a stakeholder code, with the row's name and para. 44."""
    (code,) = _BACKTICKED.findall(row[1])
    assert code in {s.code for s in stakeholders}
    category = stakeholders.lookup(code)
    assert category.name == row[1].split(" (`")[0]
    assert category.in_gcm_para_44 is row[2].startswith("yes")


# -------------------------------------------------------------------- §5.1 commission summary


def test_section_5_1_lists_every_commission() -> None:
    """§5.1 has one row per packaged commission, in the package's order."""
    assert [row[0] for row in SUMMARY_ROWS] == COMMISSION_CODES


@pytest.mark.parametrize("row", [pytest.param(r, id=r[0]) for r in SUMMARY_ROWS])
def test_commission_counts_match_section_5_1(row: Row) -> None:
    """Each commission has the number of members and associate members of its §5.1 row."""
    code, members, associates = row[0], row[4], row[5]
    assert len(commissions.lookup(code).members()) == int(members)
    assert len(_associates(code)) == (0 if associates == "none" else int(associates))


@pytest.mark.parametrize("row", [pytest.param(r, id=r[0]) for r in SUMMARY_ROWS])
def test_commission_names_match_section_5_1(row: Row) -> None:
    """Each commission has the aliases ("Also written") and full name of its §5.1 row."""
    code, also_written, full_name = row[:3]
    commission = commissions.lookup(code)
    assert _codes(also_written) <= set(commission.aliases)
    name = full_name.removeprefix("(United Nations) ")
    assert commission.name == name
    assert commission.full_name == f"United Nations {name}"


@pytest.mark.parametrize("row", [pytest.param(r, id=r[0]) for r in SUMMARY_ROWS])
def test_commission_headquarters_match_section_5_1(row: Row) -> None:
    """Each commission's seat (city and country name) is in the "Headquarters" cell of §5.1."""
    headquarters = commissions.lookup(row[0]).headquarters
    assert headquarters.city in row[3]
    assert countries.lookup(headquarters.country).name in row[3]


# -------------------------------------------------------------------- §5.2-5.6 member lists


@pytest.mark.parametrize(
    ("section", "code", "associates"),
    [pytest.param(s, c, a, id=f"{s}-{c}") for s, (c, a) in MEMBER_SECTIONS.items()],
)
def test_membership_matches_section_5(section: str, code: str, associates: bool) -> None:  # noqa: FBT001
    """Each member (or associate) table of §5 lists exactly the package's members, once each."""
    listed = [row[2] for row in MEMBER_TABLES[section]]
    assert len(listed) == len(set(listed)), "an ISO3 code is listed twice"
    expected = _associates(code) if associates else _members(code)
    assert set(listed) == expected, (
        f"only in domain_facts.md: {sorted(set(listed) - expected)}; "
        f"only in the package: {sorted(expected - set(listed))}"
    )


@pytest.mark.parametrize(
    "row",
    [
        pytest.param(r, id=f"{section}-{r[2]}")
        for section, rows in MEMBER_TABLES.items()
        for r in rows
    ],
)
def test_country_name_matches_section_5(row: Row) -> None:
    """Each State or territory in §5 has the table's name, less any source note."""
    assert countries.lookup(row[2]).name == _strip_note(row[1])


@pytest.mark.parametrize(
    ("code", "row"),
    [
        pytest.param(code, r, id=f"{section}-{r[2]}")
        for section, (code, associates) in MEMBER_SECTIONS.items()
        if not associates
        for r in MEMBER_TABLES[section]
    ],
)
def test_other_commissions_match_section_5(code: str, row: Row) -> None:
    """Each member's other commissions are those of the "Also member of" column of §5."""
    others = {c.code for c in commissions.of_country(row[2])} - {code}
    assert others == _codes(row[3])


# -------------------------------------------------------------------- §5.7 overlaps


@pytest.mark.parametrize(
    "row",
    [
        pytest.param(r, id=" & ".join(_COMMISSION_WORD.findall(r[0])))
        for r in OVERLAP_ROWS
        if not r[0].startswith(_ANY_PAIR)
    ],
)
def test_overlap_matches_section_5_7(row: Row) -> None:
    """The States in every commission of a §5.7 row are those the package computes."""
    codes = _COMMISSION_WORD.findall(row[0])
    assert len(codes) >= 2
    computed = set.intersection(*(_members(code) for code in codes))
    listed = _codes(row[2])
    assert len(listed) == int(row[1])
    assert computed == listed


def test_no_other_overlap_section_5_7() -> None:
    """The "Any pair involving X with A/B/C" row of §5.7: no State is in both, in the package."""
    (row,) = [r for r in OVERLAP_ROWS if r[0].startswith(_ANY_PAIR)]
    assert int(row[1]) == 0
    pairs = re.findall(r"\b(\w+) with ([\w/]+)", row[0])
    assert pairs
    for left, rights in pairs:
        for right in rights.split("/"):
            assert not _members(left) & _members(right), (left, right)


# -------------------------------------------------------------------- §6.3 meetings


def _regional_round(number: int) -> str:
    """The code of regional review round ``number`` (1 for the 2020 round)."""
    return next(r.code for r in rounds if r.kind is ReviewKind.REGIONAL and r.number == number)


# (commission code, round number, the date cell, the status cell) for each meeting of §6.3
MEETING_CELLS = [
    (commissions.lookup(row[0].split()[0]).code, number, row[column], row[column + 1])
    for row in MEETING_ROWS
    for number, column in ((1, 1), (2, 3))
]


def _meeting_code(commission: str, number: int) -> str | None:
    """The code of the package's meeting of a commission in a regional round, if any."""
    found = [
        m.code
        for m in known_meetings
        if m.commissions == (commission,) and m.round == _regional_round(number)
    ]
    assert len(found) <= 1, found
    return found[0] if found else None


def test_section_6_3_covers_every_regional_meeting() -> None:
    """§6.3 dates every regional review meeting of the package, and the package has each one."""
    from_facts = {_meeting_code(code, number) for code, number, _, _ in MEETING_CELLS}
    regional = {m.code for m in known_meetings if m.kind == "regional_review"}
    assert from_facts == regional


@pytest.mark.parametrize(
    ("commission", "number", "cell"),
    [pytest.param(c, n, cell, id=f"{c}-round{n}") for c, n, cell, _ in MEETING_CELLS],
)
def test_meeting_dates_match_section_6_3(commission: str, number: int, cell: str) -> None:
    """Each regional review meeting starts and ends on the dates of its §6.3 cell."""
    code = _meeting_code(commission, number)
    assert code is not None, f"no known meeting of {commission} in round {number}"
    meeting = known_meetings.lookup(code)
    assert (meeting.start, meeting.end) == _date_range(cell)


@pytest.mark.parametrize(
    ("commission", "number", "status"),
    [pytest.param(c, n, status, id=f"{c}-round{n}") for c, n, _, status in MEETING_CELLS],
)
def test_meeting_status_matches_section_6_3(commission: str, number: int, status: str) -> None:
    """Each regional review meeting has the status label that opens its §6.3 status cell."""
    code = _meeting_code(commission, number)
    assert code is not None, f"no known meeting of {commission} in round {number}"
    assert known_meetings.lookup(code).status.value == status.split(maxsplit=1)[0]
