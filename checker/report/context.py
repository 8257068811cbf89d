"""``ReportContext``: the one object the HTML template reads, built from a ``CheckResult``.

The template never sees records: every string it prints is prepared here (formatted numbers,
intervals, anchors) and every piece of HTML made from article text is escaped
:class:`markupsafe.Markup` from :mod:`checker.report.highlight`. Everything else is plain
``str`` and is escaped by the template's autoescaping. The pieces (one finding, one claims
table row, one article...) are the dataclasses of :mod:`checker.report.views`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import checker
from checker.records import Article, CheckResult, Claim, ErrorRecord, Finding
from checker.report.chart import N_COLOURS, chart_for
from checker.report.format import (
    SEVERITIES_DESC,
    anchor,
    claim_interval,
    clean_doc,
    fmt_date,
    fmt_number,
    severity_rank,
    where,
)
from checker.report.highlight import MarkSpec, highlight, highlight_quote
from checker.report.summary import (
    RuleCount,
    outlets_of,
    rule_counts,
    rule_ids,
    severity_counts,
    sorted_findings,
)
from checker.report.views import (
    ArticleView,
    ClaimRow,
    ErrorView,
    FindingClaim,
    FindingView,
    OutletRow,
)


@dataclass(frozen=True, slots=True)
class ReportContext:
    """Everything the HTML report template prints; the template reads nothing else."""

    #: the page title ("checker report").
    title: str
    #: checker's version, printed in the footer.
    version: str
    #: articles this run was given; earlier (stored) articles shown because findings involve
    #: them; outlets, claims, findings, errors.
    n_articles: int
    n_context_articles: int
    n_outlets: int
    n_claims: int
    n_findings: int
    n_errors: int
    #: findings per severity, worst first: (("high", 3), ("medium", 1), ("low", 0)).
    by_severity: tuple[tuple[str, int], ...]
    #: the severities in column order for the per-rule table (same order as by_severity).
    severities: tuple[str, ...]
    #: findings per rule and severity, one row per rule that ran or produced something.
    rules: tuple[RuleCount, ...]
    #: anchors of each rule's first finding ("" when it has none): rule -> "#f-...".
    rule_links: dict[str, str]
    outlets: tuple[OutletRow, ...]
    #: articles with errors: (href or "", article_id, number of errors).
    articles_with_errors: tuple[tuple[str, str, int], ...]
    #: all findings, worst first.
    findings: tuple[FindingView, ...]
    #: all claims in the result, in input order (the page sorts them on request).
    claims: tuple[ClaimRow, ...]
    #: options of the claims table filters.
    outlet_options: tuple[str, ...]
    category_options: tuple[str, ...]
    rule_options: tuple[str, ...]
    severity_options: tuple[str, ...]
    #: every article, in input order.
    articles: tuple[ArticleView, ...]
    #: every ErrorRecord, in order.
    errors: tuple[ErrorView, ...]


def _safe_href(url: str | None) -> str:
    """``url`` if it is an http(s) URL (a link is safe to make), else ""."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return ""


def _num(x: float | None) -> str:
    """A number as the page's sort key: "150000", "23.4", "" for None."""
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def _letter(i: int) -> str:
    return chr(ord("A") + i) if i < 26 else str(i + 1)


class _Builder:
    """State shared while building one context (indexes over the result)."""

    def __init__(self, result: CheckResult) -> None:
        self.result = result
        self.articles: dict[str, Article] = {}
        for a in [*result.articles, *result.context_articles]:
            self.articles.setdefault(a.article_id, a)
        self.findings = sorted_findings(result.findings)
        self.finding_anchor: dict[int, str] = {}
        self.finding_number: dict[int, int] = {}
        used: set[str] = set()
        for n, f in enumerate(self.findings, 1):
            fa = anchor("f", f.finding_id)
            if fa in used:  # the same finding id twice: keep both, under distinct anchors
                fa = f"{fa}-{n}"
            used.add(fa)
            self.finding_anchor[id(f)] = fa
            self.finding_number[id(f)] = n
        # claim id -> findings involving it (a claim id appears once per finding)
        self.by_claim: dict[str, list[Finding]] = defaultdict(list)
        for f in self.findings:
            for cid in dict.fromkeys(c.claim_id for c in f.claims):
                self.by_claim[cid].append(f)
        # every claim to highlight per article: the result's, plus any a finding carries
        self.article_claims: dict[str, dict[str, Claim]] = defaultdict(dict)
        for c in result.claims:
            self.article_claims[c.article_id].setdefault(c.claim_id, c)
        for f in self.findings:
            for c in f.claims:
                self.article_claims[c.article_id].setdefault(c.claim_id, c)

    def hrefs(self, c: Claim) -> tuple[str, str]:
        if c.article_id not in self.articles:
            return "", ""
        return "#" + anchor("a", c.article_id), "#" + anchor("c", c.claim_id)

    def source(self, c: Claim) -> str | None:
        a = self.articles.get(c.article_id)
        if a is None:
            return None
        return a.title if c.in_title else a.text

    def finding_links(self, claim_id: str) -> tuple[tuple[str, str, str, str], ...]:
        """(href, "#12", severity, rule) of each finding involving the claim."""
        return tuple(
            ("#" + self.finding_anchor[id(f)], f"#{self.finding_number[id(f)]}", f.severity, f.rule)
            for f in self.by_claim.get(claim_id, ())
        )

    def finding_view(self, f: Finding) -> FindingView:
        cards = []
        for i, c in enumerate(f.claims):
            article_href, claim_href = self.hrefs(c)
            cards.append(
                FindingClaim(
                    letter=_letter(i),
                    colour=i % N_COLOURS,
                    claim_id=c.claim_id,
                    article_id=c.article_id,
                    article_href=article_href,
                    claim_href=claim_href,
                    outlet=c.outlet,
                    published=fmt_date(c.published),
                    attribution=c.attribution or "",
                    quote_html=highlight_quote(c, self.source(c)),
                    in_title=c.in_title,
                    surface=c.surface,
                    value=fmt_number(c.value),
                    hedge=c.hedge,
                    interval=claim_interval(c),
                    category=c.category,
                    subject=c.subject,
                    location=c.location or "",
                    as_of=fmt_date(c.as_of),
                    period_start=fmt_date(c.period_start),
                    modality=c.modality,
                    scope=c.scope,
                )
            )
        explanation = f.explanation or self.result.rules.get(f.rule, "")
        return FindingView(
            finding_id=f.finding_id,
            number=self.finding_number[id(f)],
            anchor=self.finding_anchor[id(f)],
            rule=f.rule,
            severity=f.severity,
            message=f.message,
            explanation=clean_doc(explanation),
            claims=tuple(cards),
            chart=chart_for(f.claims),
        )

    def claim_row(self, c: Claim) -> ClaimRow:
        fs = self.by_claim.get(c.claim_id, [])
        article_href, claim_href = self.hrefs(c)
        worst = max((f.severity for f in fs), key=severity_rank, default="none")
        return ClaimRow(
            claim_id=c.claim_id,
            claim_href=claim_href,
            article_id=c.article_id,
            article_href=article_href,
            outlet=c.outlet,
            published=fmt_date(c.published),
            category=c.category,
            words=f"{c.surface} {c.subject}".strip(),
            value_sort=_num(c.value),
            value=fmt_number(c.value),
            hedge=c.hedge,
            interval=claim_interval(c),
            low_sort=_num(c.low),
            location=c.location or "",
            as_of=fmt_date(c.as_of),
            attribution=c.attribution or "",
            modality=c.modality,
            scope=c.scope,
            kind=c.scope if c.modality == "reported" else f"{c.modality}, {c.scope}",
            rules=" ".join(dict.fromkeys(f.rule for f in fs)),
            severities=" ".join(dict.fromkeys(f.severity for f in fs)) or "none",
            severity=worst,
            severity_sort=str(severity_rank(worst)) if fs else "",
            findings=self.finding_links(c.claim_id),
        )

    def _marks(self, claims: Iterable[Claim], with_ids: bool) -> list[MarkSpec]:
        marks = []
        for c in claims:
            fs = self.by_claim.get(c.claim_id, [])
            worst = max((f.severity for f in fs), key=severity_rank, default="")
            classes = f"flagged sev-{worst}" if fs else ""
            marks.append(
                MarkSpec(
                    start=c.start,
                    end=c.end,
                    id=anchor("c", c.claim_id) if with_ids else "",
                    classes=classes,
                    title=f"{c.category}: {c.surface} {c.subject} {claim_interval(c)}",
                    refs=tuple((h, n) for h, n, _, _ in self.finding_links(c.claim_id)),
                )
            )
        return marks

    def article_view(
        self, a: Article, errors: list[ErrorRecord], copy: int, from_store: bool
    ) -> ArticleView:
        """``copy`` > 1 for a second article under an id already seen: it is shown too (under
        its own anchor, its marks without ids so ids stay unique), never dropped."""
        claims = list(self.article_claims.get(a.article_id, {}).values())
        first = copy == 1
        title_html, un_t = highlight(a.title, self._marks((c for c in claims if c.in_title), first))
        text_html, un_x = highlight(
            a.text, self._marks((c for c in claims if not c.in_title), first)
        )
        seen: dict[str, tuple[str, str, str, str]] = {}
        for c in claims:
            for link in self.finding_links(c.claim_id):
                seen.setdefault(link[0], link)
        in_findings = sorted(seen.values(), key=lambda link: int(link[1][1:]))
        unplaced = tuple(f"{m.title} (title {m.start}-{m.end})" for m in un_t) + tuple(
            f"{m.title} (text {m.start}-{m.end})" for m in un_x
        )
        return ArticleView(
            article_id=a.article_id,
            anchor=anchor("a", a.article_id if first else f"{a.article_id}#{copy}"),
            outlet=a.outlet,
            published=fmt_date(a.published),
            title_html=title_html,
            text_html=text_html,
            url=a.url or "",
            href=_safe_href(a.url),
            location=a.location or "",
            n_claims=len(claims),
            from_store=from_store,
            findings=tuple(in_findings),
            errors=tuple(str(e) for e in errors),
            unplaced=unplaced,
        )

    def error_view(self, e: ErrorRecord) -> ErrorView:
        known = e.article_id is not None and e.article_id in self.articles
        return ErrorView(
            stage=e.stage,
            where=where(e.source, e.line),
            article_id=e.article_id or "",
            article_href="#" + anchor("a", e.article_id) if known and e.article_id else "",
            rule=e.rule or "",
            field=e.field or "",
            value=e.value or "",
            message=e.message,
            exception=e.exception or "",
        )


def _article_views(
    b: _Builder, result: CheckResult, errors: dict[str, list[ErrorRecord]]
) -> list[ArticleView]:
    """The run's articles in input order, then the stored ones findings involve (each once)."""
    views = []
    copies: dict[str, int] = defaultdict(int)
    for a in result.articles:
        copies[a.article_id] += 1
        views.append(b.article_view(a, errors.get(a.article_id, []), copies[a.article_id], False))
    for a in result.context_articles:
        if a.article_id not in copies:
            copies[a.article_id] += 1
            views.append(b.article_view(a, errors.get(a.article_id, []), 1, True))
    return views


def build_context(result: CheckResult, *, title: str = "checker report") -> ReportContext:
    """The :class:`ReportContext` of ``result`` (pure: reads the result, changes nothing)."""
    b = _Builder(result)
    errors_by_article: dict[str, list[ErrorRecord]] = defaultdict(list)
    for e in result.errors:
        if e.article_id is not None:
            errors_by_article[e.article_id].append(e)

    outlet_articles: dict[str, int] = defaultdict(int)
    outlet_claims: dict[str, int] = defaultdict(int)
    outlet_findings: dict[str, int] = defaultdict(int)
    for a in result.articles:
        outlet_articles[a.outlet] += 1
    for c in result.claims:
        outlet_claims[c.outlet] += 1
    for f in result.findings:
        for o in {c.outlet for c in f.claims}:
            outlet_findings[o] += 1
    outlets = outlets_of(result)
    for o in outlet_findings:
        if o not in outlet_articles and o not in outlets:
            outlets.append(o)

    articles = _article_views(b, result, errors_by_article)
    rule_links: dict[str, str] = {}
    for f in b.findings:
        rule_links.setdefault(f.rule, "#" + b.finding_anchor[id(f)])
    by_sev = tuple(severity_counts(result.findings))
    severities = {s for s, _ in by_sev}
    return ReportContext(
        title=title,
        version=checker.__version__,
        n_articles=len(result.articles),
        n_context_articles=len(articles) - len(result.articles),
        n_outlets=len(outlets),
        n_claims=len(result.claims),
        n_findings=len(result.findings),
        n_errors=len(result.errors),
        by_severity=by_sev,
        severities=tuple(s for s, _ in by_sev),
        rules=tuple(rule_counts(result)),
        rule_links=rule_links,
        outlets=tuple(
            OutletRow(o, outlet_articles[o], outlet_claims[o], outlet_findings[o]) for o in outlets
        ),
        articles_with_errors=tuple(
            ("#" + anchor("a", aid) if aid in b.articles else "", aid, len(es))
            for aid, es in errors_by_article.items()
        ),
        findings=tuple(b.finding_view(f) for f in b.findings),
        claims=tuple(b.claim_row(c) for c in result.claims),
        outlet_options=tuple(sorted({c.outlet for c in result.claims})),
        category_options=tuple(sorted({c.category for c in result.claims})),
        rule_options=tuple(rule_ids(result)),
        severity_options=(*SEVERITIES_DESC, *sorted(severities - set(SEVERITIES_DESC)), "none"),
        articles=tuple(articles),
        errors=tuple(b.error_view(e) for e in result.errors),
    )
