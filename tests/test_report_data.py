"""Real-text CheckResults for the report tests (and the report benchmark).

The extractor and the rules are written in parallel, so these results are built by hand from
the corpus: articles read from FA-KES (csv module) and the seed examples (front matter), claims
located with ``str.find`` (offsets and quotes are those of the real text), findings written as
a rule would. The tests at the bottom check that the hand-built claims really point at the
words they name, so a change in the corpus cannot silently make the report tests vacuous.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from checker.records import Article, CheckResult, Claim, ErrorRecord, Finding

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus"
FAKES_CSV = CORPUS / "fa-kes" / "FA-KES-Dataset.csv"
SEEDS = REPO / "examples" / "idlib"

RULE_CROSS = "cross_outlet.event_toll_differs"
RULE_TOTAL = "cross_source.total_disagrees"
RULE_GROWTH = "over_time.running_total_jump"
RULE_QUIET = "sanity.negative_figure"
RULES = {
    RULE_CROSS: """Outlets report different tolls for one event (same date and place).

    Two claims about the same incident whose intervals do not overlap cannot both be true;
    when they overlap but differ a lot, one outlet may be counting a subset (children only)
    or an early figure. A fact-checker should compare sources and attributions.
    """,
    RULE_TOTAL: """Sources give incompatible values for the same running total.

    A cumulative figure (people displaced since a date) reported by two sources at about
    the same time should fall within both wordings' intervals.
    """,
    RULE_GROWTH: """A running total grows faster than its own reporting can explain.

    Not an error by itself: flagged for a look when a total doubles within days.
    """,
    RULE_QUIET: """A figure below zero (never true of a count of people).""",
}


def fakes_rows() -> list[dict[str, str]]:
    """All FA-KES rows (804, some repeated under one unit_id); skips the calling test when
    the corpus is absent."""
    if not FAKES_CSV.is_file():
        pytest.skip(f"FA-KES corpus not found at {FAKES_CSV}")
    with FAKES_CSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def fakes_article(row: dict[str, str]) -> Article:
    m, d, y = (int(p) for p in row["date"].split("/"))
    return Article(
        article_id=row["unit_id"],
        outlet=row["source"],
        published=dt.date(y, m, d),
        title=row["article_title"],
        text=row["article_content"],
        location=row["location"] or None,
        origin=f"{FAKES_CSV.name}:{row['unit_id']}",
    )


def seed_article(stem: str) -> Article:
    """A seed example: YAML front matter, headline on the first non-empty line, then text."""
    path = next(SEEDS.glob(f"{stem}*.md"), None)
    if path is None:
        pytest.skip(f"seed {stem} not found in {SEEDS}")
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(front)
    title, _, text = body.strip("\n").partition("\n")
    return Article(
        article_id=str(meta["id"]),
        outlet=str(meta["outlet"]),
        published=meta.get("published"),
        title=title.strip(),
        text=text.lstrip("\n"),
        origin=str(path),
    )


_STOPS = re.compile(r"(?<=[.!?])\s+|\n+")


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding ``text[start:end]`` (split at .!? + space, newlines)."""
    b = 0
    for m in _STOPS.finditer(text, 0, start):
        b = m.end()
    stop = _STOPS.search(text, end)
    return text[b : stop.start() if stop else len(text)]


def claim(
    article: Article,
    surface: str,
    value: float,
    hedge: str,
    low: float | None,
    high: float | None,
    category: str,
    subject: str,
    *,
    in_title: bool = False,
    after: str = "",
    location: str | None = None,
    as_of: dt.date | None = None,
    period_start: dt.date | None = None,
    attribution: str | None = None,
    modality: str = "reported",
    scope: str = "event",
) -> Claim:
    """The claim whose words ``surface`` occur in the article (after ``after`` if given):
    ``claim(article, "at least 26", 26, "at_least", 26, None, "killed", "civilians", ...)``."""
    src = article.title if in_title else article.text
    start = src.find(surface, src.find(after) if after else 0)
    if start < 0:
        raise AssertionError(f"{surface!r} not in article {article.article_id}")
    end = start + len(surface)
    return Claim(
        claim_id=Claim.make_id(article.article_id, in_title, start, end, surface),
        article_id=article.article_id,
        outlet=article.outlet,
        published=article.published,
        in_title=in_title,
        start=start,
        end=end,
        quote=sentence_at(src, start, end),
        surface=surface,
        value=float(value),
        hedge=hedge,
        low=None if low is None else float(low),
        high=None if high is None else float(high),
        category=category,
        subject=subject,
        location=location,
        as_of=as_of or article.published,
        period_start=period_start,
        attribution=attribution,
        modality=modality,
        scope=scope,
    )


def finding(rule: str, severity: str, message: str, claims: list[Claim]) -> Finding:
    return Finding(
        finding_id=Finding.make_id(rule, [c.claim_id for c in claims]),
        rule=rule,
        severity=severity,
        message=message,
        claims=tuple(claims),
        explanation=RULES[rule],
    )


def idlib_2016_result() -> CheckResult:
    """FA-KES, 26 Oct 2016, Idlib (Hass school strike): alaraby, dailysabah, etilaf."""
    rows = {r["unit_id"]: r for r in fakes_rows()}
    alaraby, sabah, etilaf = (
        fakes_article(rows[u]) for u in ("1923102891", "1924058188", "1926479043")
    )
    sohr = "Syrian Observatory for Human Rights"
    # fmt: off
    c26 = claim(alaraby, "at least 26", 26, "at_least", 26, None, "killed", "civilians",
                location="Idlib", attribution="a monitor and activists")
    c11 = claim(alaraby, "at least 11", 11, "at_least", 11, None, "killed", "children",
                location="Idlib", attribution=sohr)
    c22 = claim(sabah, "22", 22, "exact", 22, 22, "killed", "children", after="killed 22",
                location="Idlib", attribution="UNICEF")
    c6 = claim(sabah, "six", 6, "exact", 6, 6, "killed", "teachers", after="six teachers",
               location="Idlib", attribution="UNICEF")
    c35 = claim(sabah, "35", 35, "exact", 35, 35, "killed", "people", location="Idlib",
                attribution=sohr)
    t22 = claim(sabah, "22", 22, "exact", 22, 22, "killed", "children", in_title=True,
                location="Idlib")
    e26t = claim(etilaf, "26", 26, "exact", 26, 26, "killed", "People", in_title=True,
                 location="Idlib")
    e26 = claim(etilaf, "at least 26", 26, "at_least", 26, None, "killed", "civilians",
                location="Idlib")
    # fmt: on
    f = finding(
        RULE_CROSS,
        "medium",
        "For Idlib on 2016-10-26 alaraby and etilaf report at least 26 civilians killed, while "
        "dailysabah cites the Syrian Observatory for 35 people in total: 35 fits “at least 26” "
        "but etilaf's headline says exactly 26.",
        [c26, e26t, c35, c22],
    )
    return CheckResult(
        articles=[alaraby, sabah, etilaf],
        claims=[c26, c11, t22, c22, c6, c35, e26t, e26],
        findings=[f],
        new_article_ids={alaraby.article_id, sabah.article_id, etilaf.article_id},
        rules={RULE_CROSS: RULES[RULE_CROSS], RULE_QUIET: RULES[RULE_QUIET]},
    )


def seeds_result() -> CheckResult:
    """The Idlib seeds: displaced people in 2019 (a growing total) and in 2020 (disputed)."""
    s0, s1, s2, s4 = (seed_article(p) for p in ("000", "001", "002", "004"))
    un = "United Nations"
    # fmt: off
    d150 = claim(s1, "more than 150,000", 150000, "more_than", 150000, None, "displaced", "people",
                 location="Idlib", attribution=un, scope="cumulative",
                 period_start=dt.date(2019, 4, 28))
    k120 = claim(s1, "more than 120", 120, "more_than", 120, None, "killed", "civilians",
                 location="Idlib", attribution="rescue workers and civil defense officials",
                 scope="cumulative")
    d250 = claim(s4, "around 250,000", 250000, "about", 225000, 275000, "displaced", "people",
                 location="Idlib", scope="cumulative")
    d300 = claim(s0, "more than 300,000", 300000, "more_than", 300000, None, "displaced", "people",
                 location="Idlib", scope="cumulative")
    r36 = claim(s0, "some 3.6 million", 3.6e6, "about", 3.24e6, 3.96e6, "refugees",
                "Syrian refugees", location="Turkey", scope="cumulative")
    d1m = claim(s2, "close to 1 million", 1e6, "nearly", 9e5, 1e6, "displaced", "people",
                location="Idlib", attribution="Tayyip Erdogan", as_of=dt.date(2020, 2, 12),
                scope="cumulative")
    d520 = claim(s2, "520,000", 520000, "exact", 520000, 520000, "displaced", "people",
                 location="Idlib", attribution=un, as_of=dt.date(2020, 2, 12),
                 period_start=dt.date(2019, 12, 1), scope="cumulative")
    dhun = claim(s2, "hundreds of thousands", 200000, "at_least", 200000, 999999, "displaced",
                 "people", location="Idlib", scope="cumulative")
    # fmt: on
    growth = finding(
        RULE_GROWTH,
        "low",
        "People displaced in Idlib rise from more than 150,000 (UN, 14 May 2019) to more than "
        "300,000 (22 May 2019) in eight days.",
        [d150, d250, d300],
    )
    total = finding(
        RULE_TOTAL,
        "high",
        "Erdogan's “close to 1 million” displaced (at most 1,000,000, at least 900,000) and the "
        "UN's 520,000 displaced since early December, both as of 12 Feb 2020, cannot both be true.",
        [d1m, d520, dhun],
    )
    return CheckResult(
        articles=[s0, s1, s2, s4],
        claims=[d300, r36, k120, d150, d1m, dhun, d520, d250],
        findings=[growth, total],
        new_article_ids={s1.article_id, s2.article_id},
        rules={RULE_GROWTH: RULES[RULE_GROWTH], RULE_TOTAL: RULES[RULE_TOTAL]},
    )


XSS_ID = "xss-1"
XSS_TEXT = (
    "Breaking <script>window.__xss = 1; alert('xss')</script> news: "
    '<img src=x onerror="window.__xss=2"> <a href="javascript:alert(3)">click</a> '
    "Shelling killed 12 people <b onmouseover=alert(4)>in the town</b> on Monday."
)


def xss_result() -> CheckResult:
    """An article whose every field tries to inject markup or script."""
    art = Article(
        article_id=XSS_ID,
        outlet='evil"><script>alert(5)</script>',
        published=dt.date(2016, 10, 26),
        title='<img src=x onerror="window.__xss=6">12 <script>alert(7)</script> dead',
        text=XSS_TEXT,
        url="javascript:alert(8)",
        location="<svg onload=alert(9)>",
    )
    c12 = claim(
        art,
        "12",
        12,
        "exact",
        12,
        12,
        "killed",
        "<b onmouseover=alert(10)>people",
        after="killed",
        attribution='"><svg onload=alert(11)>',
        location="Idlib",
    )
    t12 = claim(art, "12", 12, "exact", 12, 12, "killed", "dead", in_title=True, location="Idlib")
    f = Finding(
        finding_id="<script>alert(12)</script>",
        rule='x"><script>alert(13)</script>',
        severity="high",
        message="Toll <script>alert(14)</script> differs",
        claims=(c12, t12),
        explanation="</pre><script>alert(15)</script>",
    )
    err = ErrorRecord(
        stage="extract",
        message="<script>alert(16)</script> failed",
        source="<img src=x onerror=alert(17)>.csv",
        line=3,
        article_id=XSS_ID,
    )
    return CheckResult(
        articles=[art],
        claims=[c12, t12],
        findings=[f],
        errors=[err],
        new_article_ids={XSS_ID},
        rules={f.rule: f.explanation},
    )


def merge(*results: CheckResult) -> CheckResult:
    out = CheckResult()
    for r in results:
        out.articles += r.articles
        out.claims += r.claims
        out.findings += r.findings
        out.errors += r.errors
        out.new_article_ids |= r.new_article_ids
        out.rules.update(r.rules)
    return out


def real_result() -> CheckResult:
    """FA-KES Idlib 2016 + the seeds + errors of each stage (the browser test's page)."""
    r = merge(idlib_2016_result(), seeds_result())
    r.errors += [
        ErrorRecord(
            stage="ingest",
            message="row has no article_content",
            source="FA-KES-Dataset.csv",
            line=17,
        ),
        ErrorRecord(
            stage="schema",
            message="hedge must be one of exact, at_least, ...",
            article_id="1923102891",
            field="hedge",
            value="roughly",
        ),
        ErrorRecord(
            stage="rule",
            message="division by zero",
            rule=RULE_TOTAL,
            claim_ids=(r.claims[0].claim_id,),
            exception="ZeroDivisionError: division by zero",
        ),
    ]
    return r


# --- a large result: all 804 FA-KES articles, number tokens as claims ---------------------

_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "dozens": 24,
    "hundreds": 200,
    "thousands": 2000,
}
_NUM = re.compile(
    r"\b(?:(at least|more than|over|about|nearly|up to) )?"
    r"(\d{1,3}(?:,\d{3})+|\d+|" + "|".join(_WORDS) + r")\b(?: (\w+))?",
    re.IGNORECASE,
)
_CATS = (
    ("killed", ("killed", "dead", "died", "deaths")),
    ("injured", ("injured", "wounded")),
    ("displaced", ("displaced", "fled", "uprooted")),
    ("detained", ("detained", "arrested")),
)
_HEDGE = {
    None: "exact",
    "at least": "at_least",
    "more than": "more_than",
    "over": "more_than",
    "about": "about",
    "nearly": "nearly",
    "up to": "up_to",
}


def _bounds(hedge: str, v: float) -> tuple[float | None, float | None]:
    return {
        "exact": (v, v),
        "at_least": (v, None),
        "more_than": (v, None),
        "about": (0.9 * v, 1.1 * v),
        "nearly": (0.9 * v, v),
        "up_to": (0.0, v),
    }[hedge]


def large_result(findings_wanted: int = 0) -> CheckResult:
    """All of FA-KES with every number token as a claim (years skipped), and a finding for
    each pair of outlets whose largest 'killed' figures for one (date, location) differ.
    Synthetic claims on real text: for scale and speed, not for claim quality.
    ``findings_wanted`` > 0: pair every such figure (not only each outlet's largest) until
    that many findings are made (the report at 1,000 findings)."""
    articles = [fakes_article(r) for r in fakes_rows()]
    claims: dict[str, Claim] = {}  # by id: a repeated FA-KES row gives the same claims
    for a, in_title in ((a, t) for a in articles for t in (True, False)):
        src = a.title if in_title else a.text
        for m in _NUM.finditer(src):
            word = m.group(2).lower()
            v = float(_WORDS[word]) if word in _WORDS else float(word.replace(",", ""))
            if 1900 <= v <= 2030 and "," not in m.group(2):
                continue
            window = src[m.end() : m.end() + 60].lower()
            cat = next((c for c, words in _CATS if any(w in window for w in words)), "other")
            hedge = _HEDGE[m.group(1) and m.group(1).lower()]
            low, high = _bounds(hedge, v)
            surface = src[m.start() : m.end(2)]
            cid = Claim.make_id(a.article_id, in_title, m.start(), m.end(2), surface)
            claims[cid] = Claim(
                claim_id=cid,
                article_id=a.article_id,
                outlet=a.outlet,
                published=a.published,
                in_title=in_title,
                start=m.start(),
                end=m.end(2),
                quote=sentence_at(src, m.start(), m.end(2)),
                surface=surface,
                value=v,
                hedge=hedge,
                low=low,
                high=high,
                category=cat,
                subject=m.group(3) or "",
                location=a.location,
                as_of=a.published,
                period_start=None,
                attribution=None,
                modality="reported",
                scope="event",
            )
    top: dict[tuple[object, ...], dict[str, Claim]] = defaultdict(dict)
    for c in claims.values():
        if c.category in ("killed", "injured"):
            best = top[(c.published, c.location, c.category)].get(c.outlet)
            if best is None or c.value > best.value:
                top[(c.published, c.location, c.category)][c.outlet] = c
    if findings_wanted:
        every: dict[tuple[object, ...], dict[str, Claim]] = defaultdict(dict)
        for c in claims.values():
            if c.category in ("killed", "injured"):
                every[(c.published, c.location, c.category)][c.claim_id] = c
        top = every
    findings = []
    for (day, place, _), by_outlet in top.items():
        if findings_wanted and len(findings) >= findings_wanted:
            break
        group = sorted(by_outlet.values(), key=lambda c: c.value)
        for i, lo in enumerate(group):
            for hi in group[i + 1 :]:
                if lo.value == hi.value or lo.outlet == hi.outlet:
                    continue
                sev = (
                    "high"
                    if hi.value > 2 * lo.value
                    else "medium"
                    if hi.value > 1.2 * lo.value
                    else "low"
                )
                findings.append(
                    finding(
                        RULE_CROSS,
                        sev,
                        f"For {place} on {day} {lo.outlet} reports {lo.surface} {lo.category}, "
                        f"{hi.outlet} {hi.surface}.",
                        [lo, hi],
                    )
                )
    errors = [
        ErrorRecord(stage="extract", message="could not parse a figure", article_id=a.article_id)
        for a in articles[::200]
    ]
    return CheckResult(
        articles=articles,
        claims=list(claims.values()),
        findings=findings,
        errors=errors,
        new_article_ids={a.article_id for a in articles},
        rules={RULE_CROSS: RULES[RULE_CROSS]},
    )


# --- the hand-built data points at the real words -----------------------------------------


@pytest.mark.parametrize("build", [idlib_2016_result, seeds_result, xss_result])
def test_claims_point_at_their_words(build: object) -> None:
    result = build()  # type: ignore[operator]
    arts = {a.article_id: a for a in result.articles}
    for c in result.claims:
        src = arts[c.article_id].title if c.in_title else arts[c.article_id].text
        assert src[c.start : c.end] == c.surface
        assert c.surface in c.quote and c.quote in src
        assert c.allows(c.value)


def test_fakes_idlib_figures_are_the_readme_example() -> None:
    r = idlib_2016_result()
    quotes = {(c.outlet, c.surface): c.quote for c in r.claims}
    assert "killing at least 26 civilians" in quotes[("alaraby", "at least 26")]
    assert "35 people in total had died" in quotes[("dailysabah", "35")]
    assert "killed 22 children" in quotes[("dailysabah", "22")]
    assert {a.published for a in r.articles} == {dt.date(2016, 10, 26)}


def test_sentence_at_cuts_at_sentence_stops() -> None:
    text = "First one. The UN says 520,000 people fled.\nNext line."
    i = text.find("520,000")
    assert sentence_at(text, i, i + 7) == "The UN says 520,000 people fled."
    assert sentence_at("no stop 12 here", 8, 10) == "no stop 12 here"


def test_a_finding_says_a_group_once_whatever_its_category() -> None:
    from checker.engine.helpers import says
    from checker.testing import build_claim

    shops = build_claim(value=15, surface="15", subject="buildings", category="facilities")
    affected = build_claim(
        value=17700,
        surface="more than 17,700",
        hedge="more_than",
        subject="people",
        category="other",
    )
    killed = build_claim(value=22, surface="22", subject="people", category="killed")
    assert says(shops).endswith(": 15 buildings in Idlib") and "facilities" not in says(shops)
    assert says(affected).endswith(": more than 17,700 people in Idlib")
    assert says(killed).endswith(": 22 people killed in Idlib")
