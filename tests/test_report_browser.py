"""The HTML report in headless Chromium: it renders, filters, searches, pages, sorts, stays
inert, prints, opens fast at 1,000 findings, and every section paints (a screenshot each).

Uses the ``playwright`` package driving the system's Chromium (Debian's ``chromium``
package); skipped when either is missing. Run with ``-m browser`` to select only these.
"""

from __future__ import annotations

import shutil
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _incident_data import incident_result
from test_report_data import XSS_ID, large_result, merge, real_result, xss_result

from checker.records import CheckResult
from checker.report.format import anchor
from checker.report.html import render_html

pytestmark = pytest.mark.browser

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed"
)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    found = shutil.which("chromium") or "/usr/bin/chromium"
    return found if Path(found).exists() else None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """The system's Chromium (Debian: apt-get install chromium), else the one playwright
    manages (python -m playwright install chromium); the tests skip without either."""
    exe = chromium_path()
    with sync_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        except Exception as exc:  # no browser at all: say how to get one
            pytest.skip(
                "no Chromium: apt-get install chromium, or python -m playwright install "
                f"chromium ({type(exc).__name__})"
            )
        yield b
        b.close()


@pytest.fixture(scope="module")
def result() -> CheckResult:
    r = merge(real_result(), xss_result(), incident_result())
    r.incidents = incident_result().incidents
    return r


@pytest.fixture(scope="module")
def report_file(result: CheckResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_html(result), encoding="utf-8")
    return path


class Opened:
    """A page with the report loaded, recording dialogs, script errors and requests."""

    def __init__(self, browser: Any, path: Path, *, javascript: bool = True) -> None:
        self.context = browser.new_context(
            viewport={"width": 1280, "height": 900}, java_script_enabled=javascript
        )
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.as_uri())

    def _dialog(self, d: Any) -> None:
        self.dialogs.append(d.message)
        d.dismiss()

    def visible_rows(self) -> list[dict[str, str]]:
        rows: list[dict[str, str]] = self.page.eval_on_selector_all(
            "#claims-table tbody tr",
            """rows => rows.filter(r => r.offsetParent !== null).map(r => ({
                 outlet: r.dataset.outlet, value: r.dataset.value,
                 sev: r.dataset.severities || "none"}))""",
        )
        return rows

    def visible_findings(self) -> list[dict[str, str]]:
        found: list[dict[str, str]] = self.page.eval_on_selector_all(
            "article.finding",
            """fs => fs.filter(f => f.offsetParent !== null).map(f => ({
                 id: f.id, kind: f.dataset.kind, severity: f.dataset.severity}))""",
        )
        return found


def rendered_text(locator: Any) -> str:
    """The element's rendered text (innerText). Off-screen articles are not rendered
    (content-visibility: auto), and rendering those above it can move it out of view again:
    scroll to it until a frame has painted it."""
    text: str = locator.evaluate(
        """async el => {
             for (let i = 0; i < 30 && !el.innerText.trim(); i++) {
               el.scrollIntoView();
               await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
             }
             return el.innerText;
           }"""
    )
    return text


@pytest.fixture
def opened(browser: Any, report_file: Path) -> Iterator[Opened]:
    o = Opened(browser, report_file)
    yield o
    o.context.close()


def test_findings_render_grouped_by_incident(opened: Opened, result: CheckResult) -> None:
    page = opened.page
    assert page.locator("article.finding").count() == len(result.findings)
    assert page.locator("section.group.incident").count() == 1
    inc = page.locator("section.group.incident")
    assert inc.locator("article.finding").count() == 3
    assert inc.locator("figure.chart svg").count() == 1  # one timeline for the incident
    assert inc.locator("svg circle.pt.copy").count() == 1  # the copy, hollow
    assert page.locator("article.finding").first.locator(".badge").inner_text().lower() == "high"
    mark = page.locator("section.group blockquote mark", has_text="at least 26").first
    assert mark.is_visible()
    assert mark.evaluate("m => getComputedStyle(m).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert "22 people killed" in inc.inner_text() and "(exact)" in inc.inner_text()
    assert opened.errors == []
    assert {u.split(":", 1)[0] for u in opened.requests} == {"file"}  # nothing fetched


def test_findings_filter_by_kind_severity_outlet_and_search(
    opened: Opened, result: CheckResult
) -> None:
    page = opened.page
    assert page.locator("#findings-filters").is_visible()
    assert len(opened.visible_findings()) == len(result.findings)
    page.select_option("select[data-ffilter=kind]", "dateline")
    shown = opened.visible_findings()
    assert [f["kind"] for f in shown] == ["dateline"]
    assert page.locator("#findings-shown").inner_text().startswith("1 of ")
    page.select_option("select[data-ffilter=kind]", "")
    page.select_option("select[data-ffilter=severity]", "low")
    assert {f["severity"] for f in opened.visible_findings()} == {"low"}
    page.select_option("select[data-ffilter=severity]", "")
    page.select_option("select[data-ffilter=outlet]", "trt")
    assert len(opened.visible_findings()) == 1  # the conflict: ahram 22 vs trt at least 48
    page.select_option("select[data-ffilter=outlet]", "")
    page.fill("input[data-ffilter=text]", "state tv")
    ids = {f["id"] for f in opened.visible_findings()}
    qamishli = {anchor("f", f.finding_id) for f in incident_result().findings[:3]}
    assert ids and ids <= qamishli
    page.fill("input[data-ffilter=text]", "")
    assert len(opened.visible_findings()) == len(result.findings)


def test_claims_table_filters_and_sorts(opened: Opened, result: CheckResult) -> None:
    page = opened.page
    assert page.locator("#claims-filters").is_visible()  # JS revealed the controls
    assert len(opened.visible_rows()) == min(100, len(result.claims))
    page.select_option("select[data-filter=outlet]", "reuters")
    rows = opened.visible_rows()
    n_reuters = sum(1 for c in result.claims if c.outlet == "reuters")
    assert len(rows) == n_reuters == 6
    assert {r["outlet"] for r in rows} == {"reuters"}
    assert page.locator("#claims-shown").inner_text() == f"6 of {len(result.claims)} claims shown"
    page.select_option("select[data-filter=severity]", "high")
    rows = opened.visible_rows()
    assert rows and all("high" in r["sev"].split() for r in rows)
    assert len(rows) == 3  # 520,000 / close to 1 million / hundreds of thousands
    page.select_option("select[data-filter=severity]", "")
    before = [float(r["value"]) for r in opened.visible_rows()]
    assert before != sorted(before)
    header = page.locator("#claims-table thead th", has_text="Value")
    header.click()
    assert header.get_attribute("aria-sort") == "ascending"
    assert [float(r["value"]) for r in opened.visible_rows()] == sorted(before)
    header.click()
    assert [float(r["value"]) for r in opened.visible_rows()] == sorted(before, reverse=True)
    page.select_option("select[data-filter=outlet]", "")
    page.fill("input[data-filter=text]", "qamishli")
    assert {r["outlet"] for r in opened.visible_rows()} >= {"ahram", "trt", "jordantimes"}


def test_hostile_article_is_text_and_runs_nothing(opened: Opened) -> None:
    page = opened.page
    art = page.locator(f"#{anchor('a', XSS_ID)}")
    art.locator("summary").click()  # articles are folded
    text = art.locator(".text").inner_text()
    assert "<script>window.__xss = 1; alert('xss')</script>" in text
    assert '<img src=x onerror="window.__xss=2">' in text
    assert art.locator("img, script, b").count() == 0
    assert page.evaluate("() => window.__xss") is None
    page.locator(f"#{anchor('a', XSS_ID)} .text mark").first.hover()  # onmouseover stays text
    # the claims table, drawn from JSON with textContent, shows the markup as text too
    page.fill("input[data-filter=text]", "onmouseover")
    assert "<b onmouseover=alert(10)>people" in page.locator("#claims-table tbody").inner_text()
    assert opened.dialogs == []
    assert opened.errors == []
    assert page.locator("script:not([type])").count() == 1


def test_links_open_the_folded_article_at_the_claim(opened: Opened, result: CheckResult) -> None:
    page = opened.page
    first = page.locator("section.group").first
    link = first.locator(".card a", has_text="read it in the article").first
    href = link.get_attribute("href")
    assert href and href.startswith("#c-")
    link.click()
    assert page.evaluate("() => location.hash") == href
    target = page.locator(href)
    assert target.evaluate("m => m.closest('details').open")
    box = target.bounding_box()
    assert box is not None and 100 <= box["y"] <= 800  # in view, with its sentence above it


def test_without_javascript_findings_and_articles_show(
    browser: Any, report_file: Path, result: CheckResult
) -> None:
    o = Opened(browser, report_file, javascript=False)
    try:
        assert not o.page.locator("#findings-filters").is_visible()
        assert not o.page.locator("#claims-filters").is_visible()
        assert o.page.locator("article.finding:visible").count() == len(result.findings)
        by_id = {c.claim_id: c.article_id for c in result.claims}
        in_incidents = {by_id[c] for i in result.incidents for c in i.claim_ids}
        in_findings = {aid for f in result.findings for aid in f.article_ids}
        assert o.page.locator("details.art").count() == len(
            in_findings | in_incidents | {"1923102891"}  # + the article with an error
        )
        assert "turn JavaScript on" in o.page.locator("#claims").inner_text()
    finally:
        o.context.close()


def test_print_hides_controls_and_keeps_findings_whole(opened: Opened) -> None:
    page = opened.page
    page.emulate_media(media="print")
    assert not page.locator("#claims-filters").is_visible()
    assert not page.locator("#findings-filters").is_visible()
    assert not page.locator("header.top nav").is_visible()
    brk = page.locator("article.finding").first.evaluate("f => getComputedStyle(f).breakInside")
    assert brk == "avoid"
    assert len(page.pdf(format="A4")) > 10_000


def _png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA PNG (what Chromium writes) into rows of raw pixel bytes."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, ihdr = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            ihdr = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", ihdr[:10])
    assert depth == 8 and colour in (2, 6)
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 0xFF
            elif ftype == 2:
                line[i] = (line[i] + b) & 0xFF
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, bpp, rows


SECTIONS = ("summary", "findings", "rules", "claims", "articles", "errors", "warnings")


@pytest.mark.parametrize("section", SECTIONS)
def test_each_section_paints(opened: Opened, tmp_path: Path, section: str) -> None:
    """A screenshot of each section's first screen: text, badges, marks, charts, tables."""
    page = opened.page
    if section == "articles":
        page.locator("details.art summary").first.click()
    loc = page.locator(f"#{section}")
    loc.scroll_into_view_if_needed()
    box = loc.bounding_box()
    assert box is not None and box["height"] > 40
    shot = tmp_path / f"{section}.png"
    loc.screenshot(path=str(shot))
    width, bpp, rows = _png_pixels(shot.read_bytes())
    rows = rows[:900]
    pixels = [row[i : i + 3] for row in rows[::2] for i in range(0, width * bpp, bpp * 2)]
    non_white = sum(1 for p in pixels if min(p) < 230)
    assert len(set(pixels)) > 20, section  # text in several colours, not a blank box
    assert non_white / len(pixels) > 0.02, section
    assert opened.errors == []


def test_a_thousand_findings_open_fast_and_page(browser: Any, tmp_path: Path) -> None:
    big = large_result(findings_wanted=1000)
    path = tmp_path / "fakes.html"
    path.write_text(render_html(big), encoding="utf-8")
    o = Opened(browser, path)
    try:
        page = o.page
        ms = page.evaluate(
            "() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
        )
        assert ms < 2500  # about 0.4 s on a 2-core machine; generous for a loaded one
        assert page.evaluate("() => document.documentElement.scrollHeight") < 100_000
        assert len(o.visible_findings()) == 25  # one page of groups (one finding each here)
        page.click("#findings-more")
        assert len(o.visible_findings()) == 50
        # a filter looks at every finding, on every page
        page.select_option("select[data-ffilter=severity]", "low")
        low = sum(1 for f in big.findings if f.severity == "low")
        assert low > 25
        assert page.locator("#findings-shown").inner_text().startswith("25 of ")
        page.select_option("select[data-ffilter=severity]", "")
        # the claims table pages through every claim
        assert (
            page.locator("#claims-page").inner_text() == f"page 1 of {-(-len(big.claims) // 100)}"
        )
        page.locator("#claims-pager button", has_text="next").click()
        assert page.locator("#claims-page").inner_text().startswith("page 2 of")
        # the last finding's link from the claims table lands on it, from a later page
        page.select_option("select[data-filter=outlet]", "sana")
        chip = page.locator("#claims-table a.chip").last
        href = chip.get_attribute("href")
        assert href
        chip.click()
        target = page.locator(href)
        box = target.bounding_box()
        assert box is not None and 0 <= box["y"] < 900
        assert o.errors == [] and o.dialogs == []
    finally:
        o.context.close()
