"""``ReportContext``: the one object the HTML template reads, built from a ``CheckResult``.

The template never sees records: every string it prints is prepared here (numbers and
intervals in plain words, dates explained, anchors) and every piece of HTML made from article
text is escaped :class:`markupsafe.Markup` from :mod:`checker.report.highlight` (rule
documentation from :mod:`checker.report.rst`). Everything else is plain ``str``, escaped by
the template's autoescaping. The pieces are the dataclasses of :mod:`checker.report.views`;
findings come grouped by incident (:mod:`checker.report.groups`); the claims table is JSON
drawn by the page's script (:mod:`checker.report.claims_data`).

The page stays small and fast at thousands of findings: each rule's documentation is printed
once (the rules section) and linked; findings show 25 groups at a time (the script pages and
filters them; without JavaScript all show); only articles involved in a finding (or with an
error) carry their text, folded until opened or linked to.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

import checker
from checker.exitcodes import errors_only, warnings_only
from checker.records import Article, CheckResult, Claim, ErrorRecord
from checker.report.claims_data import claims_data, safe_json
from checker.report.format import (
    SEVERITIES_DESC,
    anchor,
    figure_phrase,
    fmt_day,
    kind_label,
    kind_of,
    severity_rank,
    where,
)
from checker.report.groups import Index, findings_by_claim, group_findings, group_views
from checker.report.highlight import MarkSpec, highlight
from checker.report.rst import to_html
from checker.report.summary import RuleCount, outlets_of, rule_counts, severity_counts
from checker.report.views import ArticleView, ErrorView, GroupView, OutletRow, RuleDoc

#: groups of findings shown at first (the page's script shows more on request)
PAGE_GROUPS = 25


@dataclass(frozen=True, slots=True)
class ReportContext:
    """Everything the HTML report template prints; the template reads nothing else."""

    #: the page title ("checker report").
    title: str
    #: checker's version, printed in the footer.
    version: str
    #: articles this run was given; earlier (stored) articles shown because findings involve
    #: them; outlets, claims, findings (dismissed ones among them), errors, warnings.
    n_articles: int
    n_context_articles: int
    n_outlets: int
    n_claims: int
    n_findings: int
    n_dismissed: int
    n_confirmed: int
    n_errors: int
    n_warnings: int
    #: findings per severity, worst first: (("high", 3), ("medium", 1), ("low", 0)).
    by_severity: tuple[tuple[str, int], ...]
    #: findings per kind: (kind, label, count), most first.
    by_kind: tuple[tuple[str, str, int], ...]
    #: the severities in column order for the per-rule table (same order as by_severity).
    severities: tuple[str, ...]
    #: findings per rule and severity, one row per rule that ran or produced something.
    rules: tuple[RuleCount, ...]
    #: each rule's documentation, once, rendered (the rules section), and rule -> "#r-...".
    rule_docs: tuple[RuleDoc, ...]
    rule_anchors: dict[str, str]
    outlets: tuple[OutletRow, ...]
    #: articles with errors: (href or "", article_id, number of errors).
    articles_with_errors: tuple[tuple[str, str, int], ...]
    #: findings grouped by incident (a finding about none is a group alone), worst first.
    groups: tuple[GroupView, ...]
    n_groups: int
    #: how many groups show before "Show more" (the page's script pages the rest).
    page_groups: int
    #: the findings filters' options: rules, kinds (kind, label), severities, statuses,
    #: outlets and places of the findings' claims.
    finding_rules: tuple[str, ...]
    finding_kinds: tuple[tuple[str, str], ...]
    finding_severities: tuple[str, ...]
    finding_statuses: tuple[str, ...]
    finding_outlets: tuple[str, ...]
    finding_places: tuple[str, ...]
    #: the claims table's data, as JSON safe inside a <script> (claims_data's shape).
    claims_json: Markup
    #: options of the claims table filters.
    outlet_options: tuple[str, ...]
    category_options: tuple[str, ...]
    rule_options: tuple[str, ...]
    severity_options: tuple[str, ...]
    #: the articles involved in a finding or an error, in input order; how many others.
    articles: tuple[ArticleView, ...]
    n_articles_not_shown: int
    #: ErrorRecords that are errors, and those that are warnings (kept with a repair).
    errors: tuple[ErrorView, ...]
    warnings: tuple[ErrorView, ...]


def _safe_href(url: str | None) -> str:
    """``url`` if it is an http(s) URL (a link is safe to make), else ""."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return ""


class _Builder:
    """State shared while building one context."""

    def __init__(self, result: CheckResult) -> None:
        self.result = result
        involved = {aid for f in result.findings for aid in f.article_ids}
        in_incidents = {i.incident_id for i in result.incidents} & {
            f.incident_id for f in result.findings
        }
        by_id = {c.claim_id: c for c in result.claims}
        for inc in result.incidents:
            if inc.incident_id in in_incidents:
                involved |= {by_id[c].article_id for c in inc.claim_ids if c in by_id}
        with_errors = {e.article_id for e in errors_only(result.errors) if e.article_id}
        self.index = Index(result, involved | with_errors)
        self.groups = group_findings(self.index)
        self.by_claim = findings_by_claim(result.findings)
        # every claim to highlight per article: the result's, plus any a finding carries
        self.article_claims: dict[str, dict[str, Claim]] = defaultdict(dict)
        for c in result.claims:
            self.article_claims[c.article_id].setdefault(c.claim_id, c)
        for f in result.findings:
            for c in f.claims:
                self.article_claims[c.article_id].setdefault(c.claim_id, c)

    def finding_links(self, claim_id: str) -> tuple[tuple[str, str, str, str], ...]:
        """(href, "#12", severity, rule) of each finding involving the claim."""
        ix = self.index
        return tuple(
            ("#" + ix.anchor[id(f)], f"#{ix.number[id(f)]}", f.severity, f.rule)
            for f in self.by_claim.get(claim_id, ())
        )

    def _marks(self, claims: Iterable[Claim], with_ids: bool) -> list[MarkSpec]:
        marks = []
        for c in claims:
            fs = self.by_claim.get(c.claim_id, [])
            worst = max((f.severity for f in fs), key=severity_rank, default="")
            marks.append(
                MarkSpec(
                    start=c.start,
                    end=c.end,
                    id=anchor("c", c.claim_id) if with_ids else "",
                    classes=f"flagged sev-{worst}" if fs else "",
                    title=f"{c.category}: {figure_phrase(c)}" if fs else "",
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
        words = {(c.in_title, c.start, c.end): f"{c.category}: {figure_phrase(c)}" for c in claims}
        unplaced = tuple(
            f"{words.get((True, m.start, m.end), m.title)} (title {m.start}-{m.end})" for m in un_t
        ) + tuple(
            f"{words.get((False, m.start, m.end), m.title)} (text {m.start}-{m.end})" for m in un_x
        )
        return ArticleView(
            article_id=a.article_id,
            anchor=anchor("a", a.article_id if first else f"{a.article_id}#{copy}"),
            outlet=a.outlet,
            published=fmt_day(a.published),
            title_html=title_html if a.title else Markup(""),
            text_html=text_html,
            url=a.url or "",
            href=_safe_href(a.url),
            location=a.location or "",
            n_claims=len(claims),
            copy_note=self.index.copy_note(a.article_id),
            origin=a.origin or "",
            from_store=from_store,
            findings=tuple(sorted(seen.values(), key=lambda link: int(link[1][1:]))),
            errors=tuple(str(e) for e in errors),
            unplaced=unplaced,
        )

    def error_view(self, e: ErrorRecord) -> ErrorView:
        known = e.article_id is not None and e.article_id in self.index.shown
        return ErrorView(
            stage=e.stage,
            level=e.level,
            where=where(e.source, e.line),
            article_id=e.article_id or "",
            article_href="#" + anchor("a", e.article_id) if known and e.article_id else "",
            rule=e.rule or "",
            field=e.field or "",
            value=e.value or "",
            message=e.message,
            exception=e.exception or "",
        )

    def articles(self, errors: dict[str, list[ErrorRecord]]) -> list[ArticleView]:
        """The shown articles: the run's in input order, then the stored ones (each once)."""
        views = []
        copies: dict[str, int] = defaultdict(int)
        shown = self.index.shown
        for a in self.result.articles:
            if a.article_id not in shown:
                continue
            copies[a.article_id] += 1
            views.append(
                self.article_view(a, errors.get(a.article_id, []), copies[a.article_id], False)
            )
        for a in self.result.context_articles:
            if a.article_id in shown and a.article_id not in copies:
                copies[a.article_id] += 1
                views.append(self.article_view(a, errors.get(a.article_id, []), 1, True))
        return views


def _rule_docs(result: CheckResult, counts: tuple[RuleCount, ...]) -> tuple[RuleDoc, ...]:
    severity: dict[str, str] = {}
    for f in result.findings:
        severity.setdefault(f.rule, f.severity)
    return tuple(
        RuleDoc(
            rule=rc.rule,
            anchor=anchor("r", rc.rule),
            severity=severity.get(rc.rule, ""),
            summary=rc.summary,
            doc_html=to_html(rc.explanation),
            findings=rc.total,
            errors=rc.errors,
            ran=rc.ran,
        )
        for rc in sorted(counts, key=lambda rc: rc.rule)
    )


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

    articles = b.articles(errors_by_article)
    by_sev = tuple(severity_counts(result.findings))
    kinds: dict[str, int] = defaultdict(int)
    for f in result.findings:
        kinds[kind_of(f)] += 1
    counts = tuple(rule_counts(result))
    groups = group_views(b.index, b.groups)
    finding_claims = [c for f in result.findings for c in f.claims]
    severities = {s for s, _ in by_sev}
    data = claims_data(result.claims, b.by_claim, b.index.anchor, b.index.number, b.index.shown)
    errs, warns = errors_only(result.errors), warnings_only(result.errors)
    return ReportContext(
        title=title,
        version=checker.__version__,
        n_articles=len(result.articles),
        n_context_articles=len(result.context_articles),
        n_outlets=len(outlets),
        n_claims=len(result.claims),
        n_findings=len(result.findings),
        n_dismissed=sum(f.status == "dismissed" for f in result.findings),
        n_confirmed=sum(f.status == "confirmed" for f in result.findings),
        n_errors=len(errs),
        n_warnings=len(warns),
        by_severity=by_sev,
        by_kind=tuple(
            (k, kind_label(k), n) for k, n in sorted(kinds.items(), key=lambda kv: -kv[1])
        ),
        severities=tuple(s for s, _ in by_sev),
        rules=counts,
        rule_docs=_rule_docs(result, counts),
        rule_anchors={rc.rule: "#" + anchor("r", rc.rule) for rc in counts},
        outlets=tuple(
            OutletRow(o, outlet_articles[o], outlet_claims[o], outlet_findings[o]) for o in outlets
        ),
        articles_with_errors=tuple(
            ("#" + anchor("a", aid) if aid in b.index.shown else "", aid, len(es))
            for aid, es in errors_by_article.items()
            if errors_only(es)
        ),
        groups=groups,
        n_groups=len(groups),
        page_groups=PAGE_GROUPS,
        finding_rules=tuple(sorted({f.rule for f in result.findings})),
        finding_kinds=tuple(
            sorted({(kind_of(f), kind_label(kind_of(f))) for f in result.findings})
        ),
        finding_severities=tuple(
            s for s in SEVERITIES_DESC if s in {f.severity for f in result.findings}
        ),
        finding_statuses=tuple(sorted({f.status for f in result.findings})),
        finding_outlets=tuple(sorted({c.outlet.lower() for c in finding_claims})),
        finding_places=tuple(
            sorted(
                {p.lower() for c in finding_claims for p in (c.location, c.region, c.country) if p}
            )
        ),
        claims_json=safe_json(data),
        outlet_options=tuple(sorted({c.outlet for c in result.claims})),
        category_options=tuple(sorted({c.category for c in result.claims})),
        rule_options=tuple(sorted({f.rule for f in result.findings} | set(result.rules))),
        severity_options=(*SEVERITIES_DESC, *sorted(severities - set(SEVERITIES_DESC)), "none"),
        articles=tuple(articles),
        n_articles_not_shown=len({a.article_id for a in result.articles} - b.index.shown),
        errors=tuple(b.error_view(e) for e in errs),
        warnings=tuple(b.error_view(e) for e in warns),
    )
