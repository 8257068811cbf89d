"""The pieces of :class:`~checker.report.context.ReportContext`: one finding, one claim card,
one claims-table row, one article, one error, one outlet line, each ready to print.

Plain ``str`` fields are escaped by the template; ``Markup`` fields were escaped piece by piece
in :mod:`checker.report.highlight`.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from checker.report.chart import Chart


@dataclass(frozen=True, slots=True)
class FindingClaim:
    """A claim as a finding's side-by-side card shows it."""

    #: "A", "B", ...: the same letter marks it on the finding's chart.
    letter: str
    #: colour class index 0..5 (card swatch and chart glyph).
    colour: int
    claim_id: str
    article_id: str
    #: "#a-..." link to the article view, "" when the article is not in the report.
    article_href: str
    #: "#c-..." link to the claim's mark in the article view ("" likewise).
    claim_href: str
    outlet: str
    #: ISO publication date or "".
    published: str
    #: who the text says gave the figure; "" when the outlet states it itself.
    attribution: str
    #: the quote, escaped, with the number and hedge words in <mark>.
    quote_html: Markup
    in_title: bool
    surface: str
    #: the stated figure, formatted ("150,000").
    value: str
    hedge: str
    #: the interval the wording allows: "[26, ∞)".
    interval: str
    category: str
    subject: str
    location: str
    #: ISO dates or "".
    as_of: str
    period_start: str
    modality: str
    scope: str


@dataclass(frozen=True, slots=True)
class FindingView:
    """One finding, ready to print."""

    finding_id: str
    #: its number in the page, 1 = first shown (worst): "#12" in links to it.
    number: int
    #: the element id of the finding ("f-..."), linked from the summary and articles.
    anchor: str
    rule: str
    #: low, medium or high (used as a CSS class: sev-high ...).
    severity: str
    message: str
    #: the rule's docstring, dedented; printed in <pre>, escaped.
    explanation: str
    claims: tuple[FindingClaim, ...]
    #: the chart of the claims' figures, None when the finding has no claims.
    chart: Chart | None


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One row of the claims table (sortable and filterable in the page)."""

    claim_id: str
    #: "#c-..." link to the claim's mark in its article, "" when the article is absent.
    claim_href: str
    article_id: str
    article_href: str
    outlet: str
    published: str
    category: str
    #: words as written plus subject: "at least 26 civilians".
    words: str
    #: the figure as a plain number for sorting ("150000") and formatted ("150,000").
    value_sort: str
    value: str
    hedge: str
    interval: str
    #: the interval's lower bound for sorting ("" when unbounded).
    low_sort: str
    location: str
    as_of: str
    attribution: str
    modality: str
    scope: str
    #: "event" or "cumulative", prefixed by the modality when it is not "reported".
    kind: str
    #: ids of the rules whose findings involve this claim, space-separated ("" for none).
    rules: str
    #: severities of those findings, space-separated, or "none".
    severities: str
    #: the worst of them ("none" when the claim is in no finding), and its rank for sorting
    #: ("3" high, "2" medium, "1" low, "0" other, "" none).
    severity: str
    severity_sort: str
    #: links to those findings: (href, "#12", severity, rule id).
    findings: tuple[tuple[str, str, str, str], ...]


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One article with all its claims highlighted."""

    article_id: str
    #: element id "a-...".
    anchor: str
    outlet: str
    published: str
    #: title and text, escaped, claims in <mark id="c-..."> with links to their findings.
    title_html: Markup
    text_html: Markup
    #: the URL as text, and as a link target only when it is http(s) ("" otherwise).
    url: str
    href: str
    location: str
    n_claims: int
    #: an earlier, stored article shown because a finding involves it
    #: (``CheckResult.context_articles``), not one this run was given.
    from_store: bool
    #: the findings involving it: (href, "#12", severity, rule id).
    findings: tuple[tuple[str, str, str, str], ...]
    #: the errors recorded against it, as one line each.
    errors: tuple[str, ...]
    #: claims whose offsets do not fit the text (listed, never dropped): "surface (start-end)".
    unplaced: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ErrorView:
    """One ErrorRecord as a table row."""

    stage: str
    #: "source:line" or "".
    where: str
    article_id: str
    #: "#a-..." when the article is in the report, else "".
    article_href: str
    rule: str
    field: str
    value: str
    message: str
    exception: str


@dataclass(frozen=True, slots=True)
class OutletRow:
    """Per-outlet counts in the summary."""

    outlet: str
    articles: int
    claims: int
    #: findings with at least one claim from this outlet.
    findings: int
