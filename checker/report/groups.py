"""Findings grouped for the report: one group per incident, one per finding about none.

An incident (``CheckResult.incidents``, ``Finding.incident_id``) gets one group with every
claim that reports it as a lettered card, one timeline chart (each source's figure and
interval against the date it holds at; copies drawn hollow) and its findings, each saying
in plain words which figures conflict or update which ("A 12 children killed (exact) vs B at
least 22 children killed (22 or more)"). A finding with no incident (a date line, a headline)
is a group of its own, with its own claims, or, for a date line, the date line and the
dates that contradict it instead of the article's unrelated figures.

An incident's claims are lettered in timeline order: by the date they hold at, then by
figure. Groups are ordered worst first (then by size), findings inside them too, and findings
are numbered in that order (``#1`` is the first shown).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from checker.ingest.dates import dateline_span
from checker.ingest.options import STDIN_NAME
from checker.records import Article, CheckResult, Claim, Finding, Incident
from checker.report.chart import N_COLOURS, chart_for
from checker.report.format import (
    anchor,
    claim_words,
    date_note,
    fmt_day,
    kind_label,
    kind_of,
    reading,
    severity_rank,
)
from checker.report.highlight import MarkSpec, highlight, highlight_quote
from checker.report.views import ClaimCard, Evidence, FindingView, GroupView

#: kinds whose figures are read in time order ("A → B") rather than side by side ("A vs B")
_TIMELINE_KINDS = frozenset({"toll_updated", "toll_down", "stale"})
_QUOTED = re.compile(r"[\"“]([^\"“”]{3,120})[\"”]")
#: characters of context each side of a contradicting date in a date-line finding
_WINDOW = 160
_FAR = dt.date(9999, 12, 31)


def letter(i: int) -> str:
    return chr(ord("A") + i) if i < 26 else str(i + 1)


@dataclass
class Group:
    """Findings about one incident (``incident`` set) or one finding alone."""

    key: str
    incident: Incident | None
    findings: list[Finding] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    @property
    def worst(self) -> int:
        return max((severity_rank(f.severity) for f in self.findings), default=0)


class Index:
    """Lookups over one result shared by every part of the page."""

    def __init__(self, result: CheckResult, shown_articles: set[str]) -> None:
        self.result = result
        self.articles: dict[str, Article] = {}
        for a in [*result.articles, *result.context_articles]:
            self.articles.setdefault(a.article_id, a)
        self.shown = shown_articles
        self.claims: dict[str, Claim] = {c.claim_id: c for c in result.claims}
        for f in result.findings:
            for c in f.claims:
                self.claims.setdefault(c.claim_id, c)
        self.incidents = {i.incident_id: i for i in result.incidents}
        self.anchor: dict[int, str] = {}
        self.number: dict[int, int] = {}

    def hrefs(self, c: Claim) -> tuple[str, str]:
        if c.article_id not in self.shown:
            return "", ""
        return "#" + anchor("a", c.article_id), "#" + anchor("c", c.claim_id)

    def source_text(self, c: Claim) -> str | None:
        a = self.articles.get(c.article_id)
        if a is None:
            return None
        return a.title if c.in_title else a.text

    def copy_note(self, article_id: str) -> str:
        a = self.articles.get(article_id)
        return f"same text as {a.copy_of}" if a is not None and a.copy_of else ""


def group_findings(index: Index) -> list[Group]:
    """The groups in display order; numbers and anchors the findings in that order."""
    groups: dict[str, Group] = {}
    for f in index.result.findings:
        inc = index.incidents.get(f.incident_id) if f.incident_id else None
        key = f"i:{f.incident_id}" if f.incident_id else f"f:{f.finding_id}:{len(groups)}"
        g = groups.get(key)
        if g is None:
            g = groups[key] = Group(key, inc)
        g.findings.append(f)
    for g in groups.values():
        g.findings.sort(key=lambda f: (-severity_rank(f.severity), f.rule))
        seen: dict[str, Claim] = {}
        ids = [c.claim_id for c in g.incident.claims] if g.incident else []
        for cid in ids:
            if cid in index.claims:
                seen.setdefault(cid, index.claims[cid])
        for f in g.findings:
            for c in f.claims:
                seen.setdefault(c.claim_id, c)
        g.claims = sorted(
            seen.values(),
            key=lambda c: (c.as_of or c.published or _FAR, c.value, c.outlet, c.article_id),
        )
        if not g.incident:  # a finding alone keeps its claims in the rule's order
            g.claims = list(dict.fromkeys(c for f in g.findings for c in f.claims))
    ordered = sorted(
        groups.values(), key=lambda g: (-g.worst, -len(g.findings), g.incident is None)
    )
    used: set[str] = set()
    n = 0
    for g in ordered:
        for f in g.findings:
            n += 1
            fa = anchor("f", f.finding_id)
            if fa in used:  # the same finding id twice: keep both, under distinct anchors
                fa = f"{fa}-{n}"
            used.add(fa)
            index.anchor[id(f)] = fa
            index.number[id(f)] = n
    return ordered


def claim_card(index: Index, c: Claim, i: int) -> ClaimCard:
    article_href, claim_href = index.hrefs(c)
    nature = "running total" if c.scope == "cumulative" else "event"
    if c.modality != "reported":
        nature = f"{c.modality}, {nature}"
    where = ":".join(str(p) for p in (c.source_file, c.line) if p is not None)
    return ClaimCard(
        letter=letter(i),
        colour=i % N_COLOURS,
        claim_id=c.claim_id,
        article_id=c.article_id,
        article_href=article_href,
        claim_href=claim_href,
        outlet=c.outlet,
        source=f"according to {c.attribution}" if c.attribution else "stated by the outlet",
        copy_note=index.copy_note(c.article_id),
        date_note=date_note(c),
        quote_html=highlight_quote(c, index.source_text(c)),
        in_title=c.in_title,
        figure=claim_words(c),
        reading=reading(c),
        location=", ".join(dict.fromkeys(p for p in (c.location, c.region, c.country) if p)),
        nature=nature,
        where="" if where.startswith(STDIN_NAME) else where,
    )


def _figures(f: Finding, letters: dict[str, str], kind: str) -> str:
    joiner = " → " if kind in _TIMELINE_KINDS else " vs "
    parts = []
    for c in dict.fromkeys(f.claims):
        parts.append(f"{letters.get(c.claim_id, '?')} {claim_words(c)} ({reading(c)})")
    return joiner.join(parts)


def _snippet(text: str, start: int, end: int) -> Markup:
    lo, hi = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    if lo > 0:
        sp = text.find(" ", lo, start)
        lo = sp + 1 if sp >= 0 else lo
    if hi < len(text):
        sp = text.rfind(" ", end, hi)
        hi = sp if sp >= 0 else hi
    html, _ = highlight(text[lo:hi], [MarkSpec(start - lo, end - lo)])
    return Markup("…" if lo else "") + html + Markup("…" if hi < len(text) else "")


def evidence(index: Index, f: Finding) -> Evidence | None:
    """The date line and the contradicting words of a date-line finding."""
    a = next((index.articles[x] for x in f.article_ids if x in index.articles), None)
    if a is None:
        return None
    line_html = Markup("")
    date_source = "its publication date as read from the input (metadata, else its date line)"
    for text in (a.title, a.text):
        span = dateline_span(text)
        if span is not None:
            line_end = text.find("\n", span[1])
            line = text[: line_end if line_end >= 0 else min(len(text), span[1] + 80)]
            line_html, _ = highlight(line, [MarkSpec(*span)])
            break
    found: list[Markup] = []
    full = f"{a.title}\n{a.text}"
    for words in dict.fromkeys(_QUOTED.findall(f.message)):
        pos = full.find(words)
        if pos >= 0 and not (line_html and words in str(line_html)):
            found.append(_snippet(full, pos, pos + len(words)))
    return Evidence(
        article_id=a.article_id,
        article_href="#" + anchor("a", a.article_id) if a.article_id in index.shown else "",
        outlet=a.outlet,
        published=fmt_day(a.published) or "no date",
        date_line_html=line_html,
        date_source=date_source,
        contradicting=tuple(found),
    )


def finding_view(index: Index, f: Finding, letters: dict[str, str]) -> FindingView:
    kind = kind_of(f)
    where = ":".join(str(p) for p in (f.source_file, f.line) if p is not None)
    ev = evidence(index, f) if kind == "dateline" else None
    return FindingView(
        finding_id=f.finding_id,
        number=index.number[id(f)],
        anchor=index.anchor[id(f)],
        rule=f.rule,
        rule_href="#" + anchor("r", f.rule),
        severity=f.severity,
        kind=kind,
        kind_label=kind_label(kind),
        status=f.status,
        review_note=f.review_note or "",
        message=f.message,
        figures="" if kind == "dateline" else _figures(f, letters, kind),
        where="" if where.startswith(STDIN_NAME) else where,
        evidence=ev,
        outlets="|" + "|".join(sorted({c.outlet.lower() for c in f.claims})) + "|",
        places=_places(f.claims),
    )


def _incident_title(inc: Incident) -> tuple[str, str]:
    subject = inc.subject.strip() or "people"
    what = f"{subject} {inc.category}" if inc.category else subject
    place = ", ".join(dict.fromkeys(p for p in (inc.location, inc.region, inc.country) if p))
    title = what[:1].upper() + what[1:] + (f" in {place}" if place else "")
    if inc.scope == "cumulative":
        when = (
            f"running total since {fmt_day(inc.period_start)}"
            if inc.period_start
            else ("running total")
        )
        if inc.as_of:
            when += f", as of {fmt_day(inc.as_of)}"
    else:
        when = fmt_day(inc.as_of) or "date unknown"
    sources = f"{inc.sources} independent source{'s' if inc.sources != 1 else ''}"
    return title, f"{when} · {sources}"


def _span(claims: Sequence[Claim]) -> str:
    """ "2 figures from 2 outlets, 27 Jul 2016 to 28 Jul 2016"."""
    days = sorted({d for c in claims if (d := c.as_of or c.published) is not None})
    outlets = len({c.outlet for c in claims})
    head = (
        f"{len(claims)} figure{'s' if len(claims) != 1 else ''} from {outlets} "
        f"outlet{'s' if outlets != 1 else ''}"
    )
    if not days:
        return head
    when = fmt_day(days[0]) if len(days) == 1 else f"{fmt_day(days[0])} to {fmt_day(days[-1])}"
    return f"{head}, {when}"


def _places(claims: Iterable[Claim]) -> str:
    names = {p.lower() for c in claims for p in (c.location, c.region, c.country) if p}
    return "|" + "|".join(sorted(names)) + "|"


def group_view(index: Index, g: Group) -> GroupView:
    letters = {c.claim_id: letter(i) for i, c in enumerate(g.claims)}
    cards = tuple(claim_card(index, c, i) for i, c in enumerate(g.claims))
    findings = tuple(finding_view(index, f, letters) for f in g.findings)
    dateline_only = all(fv.kind == "dateline" for fv in findings)
    if g.incident is not None:
        title, subtitle = _incident_title(g.incident)
        copies = {c.claim_id for c in g.claims if index.copy_note(c.article_id)}
        chart = chart_for(g.claims, copies)
    else:
        f = findings[0]
        title = f"{f.kind_label}: {', '.join(dict.fromkeys(c.outlet for c in g.claims))}"
        subtitle = _span(g.claims)
        if f.evidence is not None:
            title = f"{f.kind_label}: {f.evidence.outlet} article {f.evidence.article_id}"
            subtitle = f"dated {f.evidence.published}"
        chart = None if dateline_only else chart_for(g.claims)
    return GroupView(
        anchor=("i-" if g.incident else "g-") + findings[0].anchor.removeprefix("f-"),
        is_incident=g.incident is not None,
        title=title,
        subtitle=subtitle,
        severity=max((f.severity for f in g.findings), key=severity_rank),
        findings=findings,
        claims=() if dateline_only else cards,
        chart=chart,
    )


def group_views(index: Index, groups: Sequence[Group]) -> tuple[GroupView, ...]:
    return tuple(group_view(index, g) for g in groups)


def findings_by_claim(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """claim id -> the findings involving it (each finding once per claim)."""
    out: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        for cid in dict.fromkeys(c.claim_id for c in f.claims):
            out[cid].append(f)
    return out
