"""Make the README's screenshot of the HTML report: docs/report.png.

    python benchmarks/screenshot_report.py

The report of the Qamishli bombing incident (real FA-KES claims, grouped by hand as the
report tests do: tests/_incident_data.py) and seed 003's date line, opened in headless
Chromium at the findings section.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from _incident_data import incident_result  # noqa: E402

from checker.report.html import render_html  # noqa: E402

OUT = ROOT / "docs" / "report.png"


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "report.html"
        page_file.write_text(render_html(incident_result()), encoding="utf-8")
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = b.new_page(viewport={"width": 1100, "height": 1250}, device_scale_factor=1)
            page.goto(page_file.as_uri())
            page.evaluate("() => document.getElementById('findings').scrollIntoView()")
            page.screenshot(path=str(OUT), type="png")
            b.close()
    print(f"{OUT}: {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
