"""The HTML report on real corpus text: content, highlighting, escaping, self-containedness."""

from __future__ import annotations

import dataclasses
import io
import re
from collections import Counter
from html.parser import HTMLParser

import jinja2
import pytest
from test_report_data import (
    RULE_CROSS,
    RULE_GROWTH,
    RULE_QUIET,
    RULE_TOTAL,
    XSS_ID,
    claim,
    idlib_2016_result,
    large_result,
    merge,
    real_result,
    seeds_result,
    xss_result,
)

from checker.records import Article, CheckResult
from checker.report import write_check
from checker.report.context import build_context
from checker.report.format import anchor
from checker.report.highlight import MarkSpec, highlight, highlight_quote, locate_in_quote
from checker.report.html import environment, render_html


class Page(HTMLParser):
    """Every start tag with its attributes, and the page's text (entities decoded)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def ids(self) -> list[str]:
        return [a["id"] or "" for _, a in self.tags if "id" in a]


# --- the page on real data ------------------------------------------------------------------


@pytest.fixture(scope="module")
def real() -> CheckResult:
    return real_result()


@pytest.fixture(scope="module")
def page(real: CheckResult) -> str:
    return render_html(real)


def test_every_finding_is_rendered_worst_first(page: str, real: CheckResult) -> None:
    sev = re.findall(r'<article class="finding sev-(\w+)" id="f-', page)
    assert sev == ["high", "medium", "low"]
    for f in real.findings:
        assert f'id="{anchor("f", f.finding_id)}"' in page
        assert f.rule in page


def test_finding_quotes_highlight_the_number_and_hedge(page: str) -> None:
    assert "killing <mark>at least 26</mark> civilians including many children" in page
    assert "has uprooted <mark>more than 150,000</mark> people" in page
    assert "The fighting has uprooted <mark>around 250,000</mark> people" in page
    # the headline claim is highlighted inside the headline, not in a body sentence
    assert "<blockquote><mark>26</mark> People Killed in Russian" in page
    # the interval each wording allows
    for iv in ("[26, ∞)", "[35, 35]", "[900,000, 1,000,000]", "[225,000, 275,000]"):
        assert iv in page


def test_claims_sit_side_by_side_with_outlet_date_attribution(real: CheckResult) -> None:
    ctx = build_context(real)
    cross = next(f for f in ctx.findings if f.rule == RULE_CROSS)
    assert [(c.letter, c.outlet, c.published) for c in cross.claims] == [
        ("A", "alaraby", "2016-10-26"),
        ("B", "etilaf", "2016-10-26"),
        ("C", "dailysabah", "2016-10-26"),
        ("D", "dailysabah", "2016-10-26"),
    ]
    assert cross.claims[2].attribution == "Syrian Observatory for Human Rights"
    assert cross.claims[1].in_title
    assert cross.explanation.startswith("Outlets report different tolls for one event")
    assert "\n\nTwo claims about the same incident" in cross.explanation  # dedented, kept


def test_charts_intervals_or_over_time(real: CheckResult) -> None:
    ctx = build_context(real)
    kinds = {f.rule: f.chart.kind for f in ctx.findings if f.chart}
    # FA-KES: one event, one date -> intervals; the 2019 total has three as_of dates -> time
    assert kinds == {RULE_CROSS: "interval", RULE_GROWTH: "time", RULE_TOTAL: "time"}


def test_every_article_viewable_with_its_claims_marked(page: str, real: CheckResult) -> None:
    for a in real.articles:
        assert f'<article class="art" id="{anchor("a", a.article_id)}">' in page
    for c in real.claims:
        m = re.search(rf'<mark id="{anchor("c", c.claim_id)}"[^>]*>([^<]*)</mark>', page)
        assert m is not None, c.surface
        assert m.group(1) == c.surface
    # a flagged claim links back to its finding from the article text
    c35 = next(c for c in real.claims if c.surface == "35")
    f = next(f for f in real.findings if c35 in f.claims)
    after = page.split(f'id="{anchor("c", c35.claim_id)}"', 1)[1][:400]
    assert f'href="#{anchor("f", f.finding_id)}"' in after


def test_findings_link_to_articles_and_claims(page: str, real: CheckResult) -> None:
    ids = set(Page(page).ids())
    hrefs = re.findall(r'href="#([^"]+)"', page)
    assert hrefs
    assert set(hrefs) <= ids  # no dangling in-page link
    for c in real.findings[0].claims:
        assert anchor("c", c.claim_id) in hrefs


def test_summary_counts(real: CheckResult) -> None:
    ctx = build_context(real)
    assert (ctx.n_articles, ctx.n_claims, ctx.n_findings, ctx.n_errors) == (7, 16, 3, 3)
    assert ctx.n_outlets == 5  # alaraby dailysabah etilaf dailysabah-summary reuters
    assert ctx.by_severity == (("high", 1), ("medium", 1), ("low", 1))
    rules = {r.rule: (r.total, dict(r.by_severity), r.errors, r.ran) for r in ctx.rules}
    assert rules[RULE_TOTAL] == (1, {"high": 1, "medium": 0, "low": 0}, 1, True)
    assert rules[RULE_QUIET] == (0, {"high": 0, "medium": 0, "low": 0}, 0, True)
    assert ctx.articles_with_errors == (("#a-1923102891", "1923102891", 1),)
    outlets = {o.outlet: (o.articles, o.claims, o.findings) for o in ctx.outlets}
    assert outlets["reuters"] == (3, 6, 2)
    assert outlets["dailysabah"] == (1, 4, 1)


def test_errors_section_lists_every_error(page: str, real: CheckResult) -> None:
    errors = page.split('<section id="errors">', 1)[1]
    assert errors.count("<tr>") == len(real.errors) + 1  # + header row
    assert "FA-KES-Dataset.csv:17" in errors
    assert "row has no article_content" in errors
    assert 'href="#a-1923102891"' in errors and "field hedge = roughly" in errors
    assert "ZeroDivisionError: division by zero" in errors


def test_usable_without_javascript(page: str, real: CheckResult) -> None:
    tags = Page(page).tags
    rows = [a for t, a in tags if t == "tr" and "data-outlet" in a]
    assert len(rows) == len(real.claims)  # every claim row is in the HTML, none hidden
    assert not any("hidden" in a for a in rows)
    filters = next(a for t, a in tags if a.get("id") == "claims-filters")
    assert "hidden" in filters  # controls that need JS appear only when JS runs
    assert page.lower().count("<script") == 1


def test_self_contained(page: str) -> None:
    tags = Page(page).tags
    assert not [t for t, a in tags if t in ("link", "img", "iframe", "object", "embed")]
    assert not [a for _, a in tags if "src" in a]
    style = page.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "@import" not in style and "url(" not in style
    assert "@media print" in style and ".filters" in style


# --- escaping: article text never becomes markup --------------------------------------------

_ALLOWED_TAGS = {
    "bdi",  # names and messages, isolated from the text around them
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "div",
    "h1",
    "h2",
    "h3",
    "p",
    "nav",
    "a",
    "main",
    "section",
    "span",
    "b",
    "strong",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "code",
    "ul",
    "li",
    "article",
    "blockquote",
    "mark",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "svg",
    "line",
    "text",
    "g",
    "circle",
    "polygon",
    "details",
    "summary",
    "pre",
    "label",
    "select",
    "option",
    "output",
    "sup",
    "footer",
    "script",
    "em",
}


def test_hostile_article_renders_as_text() -> None:
    result = merge(real_result(), xss_result())
    html = render_html(result)
    parsed = Page(html)
    assert html.lower().count("<script") == 1  # our own inline script only
    assert {t for t, _ in parsed.tags} <= _ALLOWED_TAGS  # no <img>, no <b> from the text
    for tag, attrs in parsed.tags:
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        for k in ("href", "src", "action", "formaction", "xlink:href"):
            assert not (attrs.get(k) or "").strip().lower().startswith("javascript:")
    text = "".join(parsed.text)
    assert "Breaking <script>window.__xss = 1; alert('xss')</script> news" in text
    assert '<img src=x onerror="window.__xss=2">' in text
    assert "</pre><script>alert(15)</script>" in text  # the rule docstring, verbatim
    assert "javascript:alert(8)" in text  # the URL shown, not linked
    # the claim inside the hostile text is still highlighted at the right words
    art = html.split(f'id="{anchor("a", XSS_ID)}"', 1)[1]
    assert re.search(r'Shelling killed <mark id="c-[^"]+"[^>]*>12</mark>', art)


def test_http_urls_are_links_other_schemes_are_not() -> None:
    base = idlib_2016_result()
    arts = [
        dataclasses.replace(base.articles[0], url="https://www.alaraby.co.uk/english/news"),
        dataclasses.replace(base.articles[1], url=" JavaScript:alert(1)"),
        dataclasses.replace(base.articles[2], url="data:text/html,<script>x</script>"),
    ]
    html = render_html(dataclasses.replace(base, articles=arts))
    hrefs = [a.get("href") for t, a in Page(html).tags if t == "a"]
    assert "https://www.alaraby.co.uk/english/news" in hrefs
    assert not [h for h in hrefs if h and not (h.startswith("#") or h.startswith("https://"))]


def test_environment_escapes_everything_and_is_strict() -> None:
    env = environment()
    assert env.autoescape is True
    assert env.undefined is jinja2.StrictUndefined
    ctx = build_context(idlib_2016_result())
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ ctx.no_such_field }}").render(ctx=ctx)


# --- highlighting edge cases ------------------------------------------------------------------

_ART = Article("t1", "x", None, "Title", "5 killed. 5 killed. Then 7 wounded.")


def test_quote_repeated_in_text_marks_the_right_occurrence() -> None:
    c = claim(_ART, "5", 5, "exact", 5, 5, "killed", "people", after="killed. 5")
    assert c.start == 10 and c.quote == "5 killed."
    assert locate_in_quote(c, _ART.text) == (0, 1)
    assert str(highlight_quote(c, _ART.text)) == "<mark>5</mark> killed."


def test_quote_not_in_text_falls_back_to_surface_then_plain() -> None:
    c = claim(_ART, "7", 7, "exact", 7, 7, "injured", "people")
    c2 = dataclasses.replace(c, quote="Then  7 wounded")  # normalised by an extractor
    assert str(highlight_quote(c2, _ART.text)) == "Then  <mark>7</mark> wounded"
    c3 = dataclasses.replace(c, quote="seven <wounded>", surface="7")
    assert str(highlight_quote(c3, _ART.text)) == "seven &lt;wounded&gt;"


def test_long_quote_is_cut_around_the_mark() -> None:
    words = " ".join(f"w{i}" for i in range(300))
    text = f"{words} at least 26 civilians {words}."
    art = Article("t2", "x", None, "T", text)
    c = claim(art, "at least 26", 26, "at_least", 26, None, "killed", "civilians")
    html = str(highlight_quote(c, text, max_chars=200))
    assert html.startswith("…w") and html.endswith("…")
    assert "<mark>at least 26</mark> civilians" in html
    assert len(html) < 260


def test_unplaceable_marks_are_returned_not_dropped() -> None:
    marks = [MarkSpec(0, 1, title="a"), MarkSpec(0, 2, title="b"), MarkSpec(5, 99, title="c")]
    html, unplaced = highlight("abc<d>", marks)
    assert str(html) == '<mark title="b">ab</mark>c&lt;d&gt;'
    assert [m.title for m in unplaced] == ["a", "c"]


def test_claim_with_bad_offsets_is_listed_on_its_article() -> None:
    r = seeds_result()
    bad = dataclasses.replace(r.claims[0], claim_id="bad", start=10**6, end=10**6 + 3)
    ctx = build_context(dataclasses.replace(r, claims=[*r.claims, bad]))
    art = next(a for a in ctx.articles if a.article_id == bad.article_id)
    assert len(art.unplaced) == 1 and "more than 300,000" in art.unplaced[0]
    assert art.n_claims == 3  # 300,000 and 3.6 million, plus the bad one


def test_repeated_article_id_is_shown_twice_with_unique_ids() -> None:
    r = idlib_2016_result()
    r.articles.append(r.articles[0])
    html = render_html(r)
    ids = Page(html).ids()
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert html.count('<article class="art"') == 4


# --- the whole of FA-KES ------------------------------------------------------------------------


def test_all_of_fakes_renders_every_article_and_claim() -> None:
    r = large_result()
    buf = io.StringIO()
    write_check(r, "html", buf)
    html = buf.getvalue()
    parsed = Page(html)
    arts = [a for t, a in parsed.tags if t == "article" and a.get("class") == "art"]
    assert len(arts) == len(r.articles) == 804
    rows = [a for t, a in parsed.tags if t == "tr" and "data-outlet" in a]
    assert len(rows) == len(r.claims)
    findings = [a for t, a in parsed.tags if t == "article" and "finding" in (a.get("class") or "")]
    assert len(findings) == len(r.findings) > 100
    ids = parsed.ids()
    assert len(ids) == len(set(ids))
    # every claim is marked in its article: once per first copy of the article
    assert sum(1 for t, a in parsed.tags if t == "mark" and a.get("id")) == len(r.claims)
