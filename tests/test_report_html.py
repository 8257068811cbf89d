"""The HTML report on real corpus text: content, highlighting, escaping, self-containedness."""

from __future__ import annotations

import dataclasses
import io
import json
import re
from collections import Counter
from html.parser import HTMLParser

import jinja2
import pytest
from _incident_data import incident_result
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
    sev = re.findall(r'<article class="finding sev-(\w+) status-open" id="f-', page)
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


def test_figures_are_in_plain_words_never_as_intervals(page: str) -> None:
    for words in (
        'at least 26 civilians killed</b> <span class="reads">(26 or more)',
        '35 people killed</b> <span class="reads">(exact)',
        'close to 1 million people displaced</b> <span class="reads">(900,000 to 1,000,000)',
        'around 250,000 people displaced</b> <span class="reads">(225,000 to 275,000)',
    ):
        assert words in page, words
    assert "allows [" not in page and "[26, ∞)" not in page and "[35, 35]" not in page


def test_claims_sit_side_by_side_with_outlet_date_attribution(real: CheckResult) -> None:
    ctx = build_context(real)
    cross = next(g for g in ctx.groups if g.findings[0].rule == RULE_CROSS)
    assert [(c.letter, c.outlet, c.date_note) for c in cross.claims] == [
        ("A", "alaraby", "published 26 Oct 2016"),
        ("B", "etilaf", "published 26 Oct 2016"),
        ("C", "dailysabah", "published 26 Oct 2016"),
        ("D", "dailysabah", "published 26 Oct 2016"),
    ]
    assert cross.claims[2].source == "according to Syrian Observatory for Human Rights"
    assert cross.claims[1].in_title
    assert cross.findings[0].figures == (
        "A at least 26 civilians killed (26 or more) vs B 26 People killed (exact) vs "
        "C 35 people killed (exact) vs D 22 children killed (exact)"
    )


def test_each_rule_is_documented_once_and_linked(page: str, real: CheckResult) -> None:
    ctx = build_context(real)
    docs = {r.rule: r for r in ctx.rule_docs}
    assert set(docs) == set(real.rules) | {f.rule for f in real.findings}
    cross = str(docs[RULE_CROSS].doc_html)
    assert cross.startswith("<p>Outlets report different tolls for one event")
    # the docstring's text is printed once, not once per finding
    assert page.count("Two claims about the same incident whose intervals") == 1
    for f in real.findings:
        assert f'href="#{anchor("r", f.rule)}"' in page
        assert f'id="{anchor("r", f.rule)}"' in page


def test_charts_intervals_or_over_time(real: CheckResult) -> None:
    ctx = build_context(real)
    kinds = {g.findings[0].rule: g.chart.kind for g in ctx.groups if g.chart}
    # FA-KES: one event, one date -> intervals; the 2019 total has three as_of dates -> time
    assert kinds == {RULE_CROSS: "interval", RULE_GROWTH: "time", RULE_TOTAL: "time"}


def test_articles_of_findings_are_viewable_with_their_claims_marked(
    page: str, real: CheckResult
) -> None:
    involved = {aid for f in real.findings for aid in f.article_ids}
    for a in real.articles:
        shown = f'<details class="art" id="{anchor("a", a.article_id)}">' in page
        assert shown == (a.article_id in involved or a.article_id == "1923102891"), a.article_id
    for c in real.claims:
        if c.article_id not in involved:
            continue
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
    assert (ctx.n_articles, ctx.n_claims, ctx.n_findings) == (7, 16, 3)
    assert (ctx.n_errors, ctx.n_warnings) == (3, 0)
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
    errors = page.split('<section id="errors">', 1)[1].split('<section id="warnings">', 1)[0]
    assert errors.count("<tr>") == len(real.errors) + 1  # + header row
    assert "FA-KES-Dataset.csv:17" in errors
    assert "row has no article_content" in errors
    assert 'href="#a-1923102891"' in errors and "field hedge = roughly" in errors
    assert "ZeroDivisionError: division by zero" in errors


def test_usable_without_javascript(page: str, real: CheckResult) -> None:
    tags = Page(page).tags
    findings = [a for t, a in tags if t == "article" and "finding" in (a.get("class") or "")]
    assert len(findings) == len(real.findings)  # every finding is in the HTML, none hidden
    assert not any("hidden" in a for t, a in tags if t in ("article", "section"))
    for panel in ("claims-filters", "findings-filters"):
        filters = next(a for t, a in tags if a.get("id") == panel)
        assert "hidden" in filters  # controls that need JS appear only when JS runs
    assert "<noscript>" in page  # the claims table says it needs the script, and where to look
    scripts = [a for t, a in tags if t == "script"]
    assert scripts == [{"type": "application/json", "id": "claims-data"}, {}]


def test_claims_table_data_holds_every_claim(real: CheckResult) -> None:
    ctx = build_context(real)
    data = json.loads(str(ctx.claims_json))
    assert len(data["rows"]) == len(real.claims)
    words = {r[3] for r in data["rows"]}
    assert "more than 150,000 people displaced" in words
    assert "some 3.6 million Syrian refugees" in words
    reads = {data["reads"][r[5]] for r in data["rows"]}
    assert {"exact", "150,000 or more", "3,240,000 to 3,960,000"} <= reads
    flagged = [r for r in data["rows"] if r[11]]
    assert {data["findings"][i][2] for r in flagged for i in r[11]} == {"high", "medium", "low"}


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
    "path",
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
    "ol",
    "input",
    "button",
    "noscript",
}


def test_hostile_article_renders_as_text() -> None:
    result = merge(real_result(), xss_result())
    html = render_html(result)
    parsed = Page(html)
    scripts = [a for t, a in parsed.tags if t == "script"]
    assert scripts == [{"type": "application/json", "id": "claims-data"}, {}]  # ours only
    assert {t for t, _ in parsed.tags} <= _ALLOWED_TAGS  # no <img>, no <b> from the text
    for tag, attrs in parsed.tags:
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        for k in ("href", "src", "action", "formaction", "xlink:href"):
            assert not (attrs.get(k) or "").strip().lower().startswith("javascript:")
    text = "".join(parsed.text)
    assert "Breaking <script>window.__xss = 1; alert('xss')</script> news" in text
    assert '<img src=x onerror="window.__xss=2">' in text
    assert "</pre><script>alert(15)</script>" in text  # the rule docstring, as text
    assert "javascript:alert(8)" in text  # the URL shown, not linked
    # the claim inside the hostile text is still highlighted at the right words
    art = html.split(f'id="{anchor("a", XSS_ID)}"', 1)[1]
    assert re.search(r'Shelling killed <mark id="c-[^"]+"[^>]*>12</mark>', art)
    # the claims table's JSON cannot close its <script> or open a tag
    data = html.split('<script type="application/json" id="claims-data">', 1)[1]
    data = data.split("</script>", 1)[0]
    assert "<" not in data and ">" not in data
    assert "\\u003cb onmouseover=alert(10)\\u003e" in data
    assert json.loads(data)["rows"]


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
    assert html.count('<details class="art"') == 4


# --- the whole of FA-KES ------------------------------------------------------------------------


def test_all_of_fakes_at_a_thousand_findings_renders_every_finding_and_claim() -> None:
    r = large_result(findings_wanted=1000)
    buf = io.StringIO()
    write_check(r, "html", buf)
    html = buf.getvalue()
    parsed = Page(html)
    # the first page of groups as HTML, the others as inert text the script inserts
    first = [a for t, a in parsed.tags if t == "article" and "finding" in (a.get("class") or "")]
    later = html.split('<script type="text/x-checker-findings" class="later-findings">')[1:]
    rest = sum(chunk.split("</script>", 1)[0].count('<article class="finding') for chunk in later)
    assert len(first) + rest == len(r.findings) > 1000
    involved = {aid for f in r.findings for aid in f.article_ids} | {
        e.article_id for e in r.errors if e.article_id
    }
    arts = [a for t, a in parsed.tags if t == "details" and a.get("class") == "art"]
    assert len(arts) == len(involved) < len(r.articles) == 804
    data = json.loads(html.split('id="claims-data">', 1)[1].split("</script>", 1)[0])
    assert len(data["rows"]) == len(r.claims)
    ids = parsed.ids()
    assert len(ids) == len(set(ids))
    # every claim of a shown article is marked in it, once
    shown_claims = [c for c in r.claims if c.article_id in involved]
    assert sum(1 for t, a in parsed.tags if t == "mark" and a.get("id")) == len(shown_claims)
    # each rule's documentation once, not once per finding
    assert html.count("Two claims about the same incident whose intervals") == 1
    # what the browser parses as markup at once stays small: later pages are inert text
    markup = re.sub(r'<script type="text/x-checker-findings".*?</script>', "", html, flags=re.S)
    assert len(markup.encode("utf-8")) < 2_000_000


# --- incidents: findings grouped, a timeline per incident, copies, date lines -----------------


@pytest.fixture(scope="module")
def incidents() -> CheckResult:
    return incident_result()


def test_findings_of_one_incident_are_one_group_with_one_timeline(incidents: CheckResult) -> None:
    ctx = build_context(incidents)
    inc, alone = ctx.groups
    assert inc.is_incident and not alone.is_incident
    assert inc.title == "People killed in Hasakeh, Syria"
    assert inc.subtitle == "27 Jul 2016 · 4 independent sources"
    # every claim of the incident, lettered in timeline order, each source once
    assert [(c.letter, c.outlet, c.figure) for c in inc.claims] == [
        ("A", "ahram", "22 people killed"),
        ("B", "ahram", "31 people killed"),
        ("C", "dailysabah", "44 people killed"),
        ("D", "jordantimes", "at least 44 people killed"),
        ("E", "jordantimes", "at least 44 people killed"),
        ("F", "trt", "At least 48 people killed"),
    ]
    # one chart: every figure holds at 27 Jul, so the sources' intervals side by side, in
    # timeline order, each row with its letter, outlet and day (several days: a time axis)
    assert inc.chart is not None and inc.chart.kind == "interval"
    assert [g.label for g in inc.chart.glyphs][:2] == ["A  ahram 27 Jul", "B  ahram 27 Jul"]
    assert len(inc.chart.glyphs) == 6
    # the conflict first (high), then the updates, in plain words
    assert [(f.kind_label, f.figures) for f in inc.findings] == [
        ("Conflict", "A 22 people killed (exact) vs F At least 48 people killed (48 or more)"),
        ("Toll updated", "A 22 people killed (exact) → B 31 people killed (exact)"),
        ("Toll updated", "B 31 people killed (exact) → C 44 people killed (exact)"),
    ]
    assert [f.number for f in inc.findings] == [1, 2, 3]


def test_copies_are_marked_on_card_and_chart(incidents: CheckResult) -> None:
    ctx = build_context(incidents)
    inc = ctx.groups[0]
    copy = next(c for c in inc.claims if c.article_id == "1924058056")
    assert copy.copy_note == "same text as 1924058046"
    assert [g.copy for g in inc.chart.glyphs] == [False, False, False, False, True, False]  # type: ignore[union-attr]
    html = render_html(incidents)
    assert html.count('class="pt copy"') == 1
    assert "same text as 1924058046" in html


def test_dates_are_explained(incidents: CheckResult) -> None:
    ctx = build_context(incidents)
    notes = {c.article_id: c.date_note for c in ctx.groups[0].claims}
    assert notes["1923848165"] == "published 27 Jul 2016"
    assert notes["1924058056"] == (
        "published 22 Jul 2016, figure for 27 Jul 2016: the text's own date "
        "(later than the publication: check the date line)"
    )


def test_a_date_line_finding_quotes_the_date_line_not_the_figures(incidents: CheckResult) -> None:
    ctx = build_context(incidents)
    alone = ctx.groups[1]
    (f,) = alone.findings
    assert f.kind == "dateline" and f.figures == ""
    assert alone.claims == () and alone.chart is None  # the article's figures are not evidence
    ev = f.evidence
    assert ev is not None and ev.published == "24 Jun 2019"
    assert str(ev.date_line_html) == "<mark>Mon, 24 Jun 2019</mark>"
    (contra,) = ev.contradicting
    assert "<mark>Copyright (c) 2018</mark>. RFE/RL" in str(contra)
    html = render_html(incidents)
    group = html.split(f'id="{alone.anchor}"', 1)[1].split("</section>", 1)[0]
    assert '<ol class="cards">' not in group and "<figure" not in group
    assert "more than 3 million Syrians" not in group  # a figure far from the date line


def test_warnings_are_apart_from_errors(incidents: CheckResult) -> None:
    ctx = build_context(incidents)
    assert (ctx.n_errors, ctx.n_warnings) == (0, 1)
    html = render_html(incidents)
    errors = html.split('<section id="errors">', 1)[1].split("</section>", 1)[0]
    warnings = html.split('<section id="warnings">', 1)[1].split("</section>", 1)[0]
    assert "duplicate article_id" in warnings and "duplicate article_id" not in errors
    assert "No errors" in errors
    assert "0 errors · 1 warnings" in html


def test_a_dismissed_finding_shows_its_review(incidents: CheckResult) -> None:
    f = incidents.findings[2]
    reviewed = dataclasses.replace(
        f, status="dismissed", review_note="two different counts: the day's and the total"
    )
    r = dataclasses.replace(
        incidents, findings=[*incidents.findings[:2], reviewed, *incidents.findings[3:]]
    )
    html = render_html(r)
    card = html.split(f'id="{anchor("f", f.finding_id)}"', 1)[0].rsplit("<article", 1)[1]
    assert "status-dismissed" in card
    ctx = build_context(r)
    assert ctx.n_dismissed == 1
    view = next(fv for g in ctx.groups for fv in g.findings if fv.finding_id == f.finding_id)
    assert view.status == "dismissed" and view.review_note.startswith("two different counts")
