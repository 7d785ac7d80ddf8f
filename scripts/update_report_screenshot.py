"""Take the picture of the HTML report the docs show: the flawed UNECE 2024 example's report.

The report is written by ``gcm-model validate --format html`` and shown in a
headless chromium through selenium (``make browser`` installs Debian's
``chromium`` and ``chromium-driver``), at a fixed size: the top of the page.

Usage: python scripts/update_report_screenshot.py [FOLDER]   (default: docs/images)
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from selenium import webdriver

from gcm_model.cli import main as cli

ROOT = Path(__file__).resolve().parents[1]
WIDTH, HEIGHT = 1100, 1000


def main() -> None:
    """Write ``validation-report.png``."""
    folder = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT / "docs" / "images"
    os.chdir(ROOT)  # the report names the example by its path in the repository
    folder.mkdir(parents=True, exist_ok=True)
    browser, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if browser is None or driver is None:
        raise SystemExit("needs chromium and chromedriver on PATH: run make browser")
    with tempfile.TemporaryDirectory() as scratch:
        page = Path(scratch) / "report.html"
        cli(
            [
                "validate",
                "examples/data/flawed_unece_2024.json",
                "--profile",
                "unece-2024",
                "--format",
                "html",
                "-o",
                str(page),
            ]
        )
        options = webdriver.ChromeOptions()
        options.binary_location = browser
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"):
            options.add_argument(argument)
        session = webdriver.Chrome(
            options=options, service=webdriver.ChromeService(executable_path=driver)
        )
        try:
            # The top of the page: the verdict, the counts, the filters and the first issues.
            session.set_window_size(WIDTH, HEIGHT)
            session.get(page.as_uri())
            target = folder / "validation-report.png"
            target.write_bytes(session.get_screenshot_as_png())
        finally:
            session.quit()
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
