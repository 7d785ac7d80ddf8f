"""The HTML report, opened in a real headless browser: filters, counts and links to the rules.

``gcm-model validate --format html -o FILE`` writes the page; Debian's
``chromium`` and ``chromium-driver`` (``make browser`` installs them where it
can) show it through selenium, one browser for the module. The rule links
are checked against the documentation built with mkdocs into a temporary
directory: the site's address (``site_url``) is mapped onto that directory.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import gcm_model
from gcm_model.cli import EXIT_FAILED, EXIT_USAGE, main
from gcm_model.validation._catalogue import DOCS_URL

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parents[1]
FLAWED = ROOT / "examples" / "data" / "flawed_unece_2024.json"
PROFILE = "unece-2024"  # three severities and several rules in one report


def _browser_or_skip() -> Any:
    """A headless chromium driven by selenium, or a skip that says what is missing."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if browser is None or driver is None:
        reason = "no chromium or chromedriver on PATH (make browser installs them with apt-get)"
        print(reason)  # noqa: T201 - the reason shows in the test log as well as in the skip
        pytest.skip(reason)
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    service = webdriver.ChromeService(executable_path=driver)
    return webdriver.Chrome(options=options, service=service)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One browser for every test of the module."""
    driver = _browser_or_skip()
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def report() -> gcm_model.ValidationReport:
    """The report the page shows."""
    return gcm_model.validate(FLAWED, profile=PROFILE)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML report of the flawed example, written by the command line."""
    target = tmp_path_factory.mktemp("html") / "report.html"
    code = main(
        ["validate", str(FLAWED), "--profile", PROFILE, "--format", "html", "-o", str(target)]
    )
    assert code == EXIT_FAILED
    return target


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The documentation, built with mkdocs into a temporary directory."""
    target = tmp_path_factory.mktemp("site")
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env=environment,
    )
    assert done.returncode == 0, done.stderr
    return target


def _opened(browser: Any, page: Path) -> Any:
    browser.get(page.as_uri())
    return browser


def _visible_rows(browser: Any) -> list[tuple[str, str]]:
    """The (severity, rule) of each issue row shown."""
    rows = browser.find_elements("css selector", "tr.gcm-issue")
    return [
        (row.get_attribute("data-severity"), row.get_attribute("data-rule"))
        for row in rows
        if row.is_displayed()
    ]


def _box(browser: Any, kind: str, value: str) -> Any:
    return browser.find_element("css selector", f"input[data-filter='{kind}'][value='{value}']")


def _shown(browser: Any) -> int:
    return int(browser.find_element("css selector", ".gcm-shown").text)


def test_the_page_shows_the_verdict_counts_and_every_issue(
    browser: Any, page: Path, report: gcm_model.ValidationReport
) -> None:
    """INVALID, the counts by severity, and one row per issue with its hint and rule link."""
    shown = _opened(browser, page)
    assert shown.find_element("css selector", ".gcm-verdict").text == "INVALID"
    counts = {
        row.find_elements("tag name", "td")[0].text: int(
            row.find_elements("tag name", "td")[1].text
        )
        for row in shown.find_elements("css selector", ".gcm-counts tr")[1:]
    }
    assert counts == report.counts
    rows = shown.find_elements("css selector", "tr.gcm-issue")
    assert len(rows) == len(report.issues)
    for row, issue in zip(rows, report.issues, strict=True):
        cells = [cell.text for cell in row.find_elements("tag name", "td")]
        assert cells[0] == issue.severity.value
        assert cells[2:] == [issue.record or "", issue.location, issue.message, issue.hint or ""]
        link = row.find_element("tag name", "a")
        assert link.get_attribute("href") == issue.url
    by_rule = shown.find_elements("css selector", ".gcm-by-rule tr")[1:]
    assert [r.find_element("tag name", "a").text for r in by_rule] == list(report.by_rule)


def test_the_page_loads_nothing_from_anywhere(browser: Any, page: Path) -> None:
    """Styles and script are inline: the browser fetched no resource for the page."""
    shown = _opened(browser, page)
    fetched = shown.execute_script("return performance.getEntriesByType('resource').length")
    assert fetched == 0
    assert shown.find_elements("css selector", "script[src], link[href], img") == []


def test_unticking_a_severity_hides_its_rows(
    browser: Any, page: Path, report: gcm_model.ValidationReport
) -> None:
    """Warnings unticked: every row shown is an error or a note, and every such row is shown."""
    shown = _opened(browser, page)
    everything = [(i.severity.value, i.rule) for i in report.issues]
    assert _visible_rows(shown) == everything
    assert {s for s, _ in everything} == {"error", "warning", "info"}
    _box(shown, "severity", "warning").click()
    expected = [(s, r) for s, r in everything if s != "warning"]
    assert _visible_rows(shown) == expected
    assert _shown(shown) == len(expected)
    _box(shown, "severity", "warning").click()
    assert _visible_rows(shown) == everything


def test_ticking_one_rule_shows_only_its_rows(
    browser: Any, page: Path, report: gcm_model.ValidationReport
) -> None:
    """Every rule unticked but one: that rule's rows alone; with its severity unticked, none."""
    shown = _opened(browser, page)
    rules = list(dict.fromkeys(i.rule for i in report.issues))
    kept = rules[-1]
    for rule in rules[:-1]:
        _box(shown, "rule", rule).click()
    expected = [(i.severity.value, i.rule) for i in report.issues if i.rule == kept]
    assert _visible_rows(shown) == expected
    assert _shown(shown) == len(expected)
    _box(shown, "severity", expected[0][0]).click()
    assert _visible_rows(shown) == []
    assert _shown(shown) == 0


def test_the_notebook_view_filters_the_same_way(
    browser: Any, tmp_path: Path, report: gcm_model.ValidationReport
) -> None:
    """_repr_html_ is the same rendering: its filter works in a page of its own too."""
    fragment = report._repr_html_()
    view = tmp_path / "notebook.html"
    view.write_text(f"<!DOCTYPE html><html><body>{fragment}</body></html>", encoding="utf-8")
    shown = _opened(browser, view)
    _box(shown, "severity", "error").click()
    expected = [(i.severity.value, i.rule) for i in report.issues if i.severity.value != "error"]
    assert _visible_rows(shown) == expected


def test_every_rule_link_resolves_to_a_page_of_the_built_docs(
    browser: Any, page: Path, site: Path
) -> None:
    """Each link of the page, and each rule's address, is a page of the site mkdocs built."""
    shown = _opened(browser, page)
    links = {a.get_attribute("href") for a in shown.find_elements("css selector", "a")}
    links |= {rule.url for rule in gcm_model.rules}
    assert len(links) == len(gcm_model.rules)
    for link in sorted(links):
        assert link.startswith(DOCS_URL), link
        assert (site / link.removeprefix(DOCS_URL) / "index.html").is_file(), link


def test_the_rule_page_says_what_explain_says(site: Path) -> None:
    """A rule's page carries its summary and the example documents of the suite."""
    rule = gcm_model.rules.lookup("co-chairs")
    text = (site / "rules" / rule.code / "index.html").read_text(encoding="utf-8")
    assert rule.summary in text
    assert "co-chairs/case-1.json" in text
    assert "valid/unece_2024.json" in text


def test_an_existing_report_is_replaced_only_with_force(tmp_path: Path) -> None:
    """-o FILE refuses to replace FILE (exit 2, before any work) unless --force is given."""
    target = tmp_path / "report.html"
    target.write_text("mine", encoding="utf-8")
    argv = ["validate", str(FLAWED), "--format", "html", "-o", str(target)]
    assert main(argv) == EXIT_USAGE
    assert target.read_text(encoding="utf-8") == "mine"
    assert main([*argv, "--force"]) == EXIT_FAILED
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary left


def test_what_the_data_says_is_escaped() -> None:
    """A field named like markup shows as text in the report, never as markup."""
    document = {"schema_version": "1.0", "meetings": [], "<img src=x onerror=alert(1)>": 1}
    rendered = gcm_model.validate(document)._repr_html_()
    assert "<img" not in rendered
    assert "&lt;img src=x onerror=alert(1)&gt;" in rendered
