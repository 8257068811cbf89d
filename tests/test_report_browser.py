"""The HTML report in headless Chromium: it renders, filters, sorts, stays inert, prints.

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
    exe = chromium_path()
    if exe is None:
        pytest.skip("no chromium binary on PATH or at /usr/bin/chromium (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def result() -> CheckResult:
    return merge(real_result(), xss_result())


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
        return self.page.eval_on_selector_all(
            "#claims-table tbody tr",
            """rows => rows.filter(r => r.offsetParent !== null).map(r => ({
                 outlet: r.dataset.outlet, value: r.cells[4].dataset.sort,
                 sev: r.dataset.severities || "none"}))""",
        )


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


def test_findings_render(opened: Opened, result: CheckResult) -> None:
    page = opened.page
    findings = page.locator("article.finding")
    assert findings.count() == len(result.findings)
    assert findings.first.locator(".badge").inner_text().lower() == "high"
    assert page.locator("article.finding figure.chart svg").count() == len(result.findings)
    mark = page.locator("article.finding blockquote mark", has_text="at least 26").first
    assert mark.is_visible()
    assert mark.evaluate("m => getComputedStyle(m).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert opened.errors == []
    assert {u.split(":", 1)[0] for u in opened.requests} == {"file"}  # nothing fetched


def test_outlet_filter_hides_other_outlets(opened: Opened, result: CheckResult) -> None:
    page = opened.page
    assert page.locator("#claims-filters").is_visible()  # JS revealed the controls
    assert len(opened.visible_rows()) == len(result.claims)
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
    page.select_option("select[data-filter=outlet]", "")
    page.select_option("select[data-filter=severity]", "")
    assert len(opened.visible_rows()) == len(result.claims)


def test_sorting_reorders_rows(opened: Opened) -> None:
    page = opened.page
    before = [float(r["value"]) for r in opened.visible_rows()]
    assert before != sorted(before)
    header = page.locator("#claims-table thead th", has_text="Value")
    header.click()
    assert header.get_attribute("aria-sort") == "ascending"
    assert [float(r["value"]) for r in opened.visible_rows()] == sorted(before)
    header.click()
    assert [float(r["value"]) for r in opened.visible_rows()] == sorted(before, reverse=True)
    page.locator("#claims-table thead th", has_text="Outlet").click()
    outlets = [r["outlet"] for r in opened.visible_rows()]
    assert outlets == sorted(outlets, key=str.lower)


def test_hostile_article_is_text_and_runs_nothing(opened: Opened) -> None:
    page = opened.page
    art = page.locator(f"#{anchor('a', XSS_ID)}")
    text = rendered_text(art)
    assert "<script>window.__xss = 1; alert('xss')</script>" in text
    assert '<img src=x onerror="window.__xss=2">' in text
    assert art.locator("img, script, b").count() == 0
    assert page.evaluate("() => window.__xss") is None
    page.locator(f"#{anchor('a', XSS_ID)} .text mark").first.hover()  # onmouseover stays text
    assert opened.dialogs == []
    assert opened.errors == []
    assert page.locator("script").count() == 1


def test_links_jump_to_the_claim_in_its_article(opened: Opened, result: CheckResult) -> None:
    page = opened.page
    worst = next(f for f in result.findings if f.severity == "high")  # shown first
    c = worst.claims[0]
    page.locator("article.finding").first.locator("a.go").first.click()
    assert page.evaluate("() => location.hash") == "#" + anchor("c", c.claim_id)
    target = page.locator(f"#{anchor('c', c.claim_id)}")
    assert target.inner_text() == c.surface == "close to 1 million"
    box = target.bounding_box()
    assert box is not None and 100 <= box["y"] <= 800  # in view, with its sentence above it


def test_without_javascript_everything_shows(
    browser: Any, report_file: Path, result: CheckResult
) -> None:
    o = Opened(browser, report_file, javascript=False)
    try:
        assert not o.page.locator("#claims-filters").is_visible()
        assert o.page.locator("#claims-table tbody tr:visible").count() == len(result.claims)
        assert o.page.locator("article.finding:visible").count() == len(result.findings)
        assert o.page.locator("article.art:visible").count() == len(result.articles)
    finally:
        o.context.close()


def test_print_hides_controls_and_keeps_findings_whole(opened: Opened) -> None:
    page = opened.page
    page.emulate_media(media="print")
    assert not page.locator("#claims-filters").is_visible()
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


def test_screenshot_is_not_blank(opened: Opened, tmp_path: Path) -> None:
    page = opened.page
    page.locator("article.finding").first.scroll_into_view_if_needed()
    shot = tmp_path / "finding.png"
    page.screenshot(path=str(shot), clip={"x": 0, "y": 0, "width": 640, "height": 360})
    width, bpp, rows = _png_pixels(shot.read_bytes())
    pixels = [row[i : i + 3] for row in rows[::2] for i in range(0, width * bpp, bpp * 2)]
    non_white = sum(1 for p in pixels if min(p) < 230)
    assert len(set(pixels)) > 30  # text, badges, marks: many colours
    assert non_white / len(pixels) > 0.03
    body = page.evaluate("() => getComputedStyle(document.body).color")
    assert body != "rgb(255, 255, 255)"


def test_all_of_fakes_filters_and_links_in_the_browser(browser: Any, tmp_path: Path) -> None:
    big = large_result()
    path = tmp_path / "fakes.html"
    path.write_text(render_html(big), encoding="utf-8")
    o = Opened(browser, path)
    try:
        page = o.page
        assert page.locator("article.art").count() == len(big.articles) == 804
        page.select_option("select[data-filter=outlet]", "sana")
        rows = o.visible_rows()
        assert len(rows) == sum(1 for c in big.claims if c.outlet == "sana") > 100
        assert {r["outlet"] for r in rows} == {"sana"}
        # the last finding's link lands on its claim, deep in the page (rows and articles
        # off screen are skipped by content-visibility; the jump must still be exact)
        last = page.locator("article.finding").last
        href = last.locator("a.go").first.get_attribute("href")
        assert href
        last.locator("a.go").first.click()
        target = page.locator(href)
        box = target.bounding_box()
        assert box is not None and 0 < box["y"] < 900
        assert o.errors == [] and o.dialogs == []
    finally:
        o.context.close()
