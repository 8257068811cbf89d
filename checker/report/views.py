"""The pieces of :class:`~checker.report.context.ReportContext`, each ready to print: a group
of findings (an incident, or one finding alone), a claim card, a finding, a date line's
evidence, a rule's documentation, an article, an error, an outlet line.

Plain ``str`` fields are escaped by the template; ``Markup`` fields were escaped piece by piece
in :mod:`checker.report.highlight` and :mod:`checker.report.rst`.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from checker.report.chart import Chart


@dataclass(frozen=True, slots=True)
class ClaimCard:
    """A claim as its group shows it: who, when, the sentence, the figure in plain words."""

    #: "A", "B", ...: the same letter marks it on the group's chart and in its findings.
    letter: str
    #: colour class index 0..5 (card swatch and chart glyph).
    colour: int
    claim_id: str
    article_id: str
    #: "#a-..." link to the article, "#c-..." to the claim in it ("" when not in the report).
    article_href: str
    claim_href: str
    outlet: str
    #: who gave the figure: "according to UNICEF", or "stated by the outlet".
    source: str
    #: "same text as 1923102891" when the article is a copy of another ("" otherwise).
    copy_note: str
    #: "published 22 Jul 2016, figure for 28 Jul 2016: the text's own date".
    date_note: str
    #: the sentence, escaped, with the number and hedge words in <mark>.
    quote_html: Markup
    in_title: bool
    #: "at least 26 civilians killed" and how it reads: "exact", "26 or more".
    figure: str
    reading: str
    location: str
    #: "reported event", "reported running total", "projected ..."
    nature: str
    #: "articles/x.md:12" or "" (the input file and line it came from).
    where: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """A date-line finding's evidence: the date line and the dates that contradict it."""

    article_id: str
    article_href: str
    outlet: str
    #: "24 Jun 2019"; and the line it was read from, escaped with the date marked ("" when
    #: the date came from the input's metadata, e.g. a CSV column).
    published: str
    date_line_html: Markup
    #: where the publication date came from, in words.
    date_source: str
    #: the words that contradict it, each in its sentence, escaped with the words marked.
    contradicting: tuple[Markup, ...]


@dataclass(frozen=True, slots=True)
class FindingView:
    """One finding, ready to print inside its group."""

    finding_id: str
    #: its number in the page, 1 = first shown (worst): "#12" in links to it.
    number: int
    #: the element id of the finding ("f-..."), linked from the summary and articles.
    anchor: str
    rule: str
    #: "#r-..." link to the rule's documentation in the rules section.
    rule_href: str
    #: low, medium or high (used as a CSS class: sev-high ...).
    severity: str
    #: conflict, toll_updated ... and its label ("Conflict", "Toll updated").
    kind: str
    kind_label: str
    #: open, confirmed or dismissed, and the reviewer's note.
    status: str
    review_note: str
    message: str
    #: its claims by letter in plain words: "A 12 children killed (exact) vs B at least 22
    #: children killed (22 or more)"; "→" between the figures of an update.
    figures: str
    #: "articles/x.md:12" or "".
    where: str
    #: date-line findings quote the date line instead of figures.
    evidence: Evidence | None
    #: for the page's filters: the outlets and places of its claims, "|sana|reuters|" (lower
    #: case).
    outlets: str
    places: str


@dataclass(frozen=True, slots=True)
class GroupView:
    """An incident with its findings, or a finding about no incident, on its own."""

    #: element id ("i-..." for an incident, "g-..." for a finding alone).
    anchor: str
    is_incident: bool
    #: "Children killed in Idlib, Syria", and "26 Oct 2016 · 3 sources".
    title: str
    subtitle: str
    #: the worst severity among its findings (CSS class), and its rank for sorting.
    severity: str
    findings: tuple[FindingView, ...]
    claims: tuple[ClaimCard, ...]
    #: the timeline (incident) or interval chart, None when nothing to chart.
    chart: Chart | None


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """A rule's documentation in the rules section (printed once, linked from findings)."""

    rule: str
    anchor: str
    severity: str
    summary: str
    #: the docstring rendered from reST (escaped).
    doc_html: Markup
    findings: int
    errors: int
    ran: bool


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One article involved in a finding, with its claims highlighted."""

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
    #: "same text as ..." when it is a copy.
    copy_note: str
    #: where it was read from: "articles/x.md", "FA-KES-Dataset.csv:17" ("" when stored).
    origin: str
    #: an earlier, stored article shown because a finding involves it.
    from_store: bool
    #: the findings involving it: (href, "#12", severity, rule id).
    findings: tuple[tuple[str, str, str, str], ...]
    #: the errors and warnings recorded against it, one line each.
    errors: tuple[str, ...]
    #: claims whose offsets do not fit the text (listed, never dropped): "surface (start-end)".
    unplaced: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ErrorView:
    """One ErrorRecord as a table row."""

    stage: str
    #: error or warning.
    level: str
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
