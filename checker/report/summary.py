"""Counts every report format shows: findings by rule and severity, outlets, errors.

Computed once here so the HTML page, the Markdown summary and the JUnit file agree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from checker.lexicon import outlets
from checker.records import CheckResult, Finding
from checker.report.format import SEVERITIES_DESC, clean_doc, first_line, severity_rank


@dataclass(frozen=True, slots=True)
class RuleCount:
    """One rule's line in the summary."""

    #: the rule id (module and function name).
    rule: str
    #: the rule's docstring, dedented ("" when the rule is unknown to ``CheckResult.rules``).
    explanation: str
    #: its first paragraph on one line: what the rule checks, in a sentence.
    summary: str
    #: findings of this rule per severity, worst first: ``(("high", 2), ("medium", 0), ...)``.
    by_severity: tuple[tuple[str, int], ...]
    #: all findings of this rule.
    total: int
    #: errors this rule raised (ErrorRecord stage "rule").
    errors: int
    #: the rule was in ``CheckResult.rules`` (it ran); False for one known only from a finding.
    ran: bool


def rule_ids(result: CheckResult) -> list[str]:
    """Every rule the result mentions: those that ran, then any other named by a finding or
    a rule error (so nothing a rule produced is left out of a per-rule listing)."""
    ids = dict.fromkeys(result.rules)
    for f in result.findings:
        ids.setdefault(f.rule)
    for e in result.errors:
        if e.stage == "rule" and e.rule:
            ids.setdefault(e.rule)
    return list(ids)


def severity_counts(findings: list[Finding]) -> list[tuple[str, int]]:
    """Findings per severity, worst first; a severity outside the spec's three is appended."""
    counts = Counter(f.severity for f in findings)
    out = [(s, counts.pop(s, 0)) for s in SEVERITIES_DESC]
    out.extend(sorted(counts.items()))
    return out


def rule_counts(result: CheckResult) -> list[RuleCount]:
    """One :class:`RuleCount` per rule of :func:`rule_ids`, most findings first."""
    per_rule: dict[str, Counter[str]] = {r: Counter() for r in rule_ids(result)}
    explanations: dict[str, str] = {r: clean_doc(d) for r, d in result.rules.items()}
    for f in result.findings:
        per_rule[f.rule][f.severity] += 1
        if not explanations.get(f.rule):
            explanations[f.rule] = clean_doc(f.explanation)
    errors = Counter(e.rule for e in result.errors if e.stage == "rule" and e.rule)
    sevs = [s for s, _ in severity_counts(result.findings)]
    rows = [
        RuleCount(
            rule=r,
            explanation=explanations.get(r, ""),
            summary=first_line(explanations.get(r, "")),
            by_severity=tuple((s, c[s]) for s in sevs),
            total=sum(c.values()),
            errors=errors[r],
            ran=r in result.rules,
        )
        for r, c in per_rule.items()
    ]
    rows.sort(key=lambda rc: (-rc.total, -rc.errors, rc.rule))
    return rows


def sorted_findings(findings: list[Finding]) -> list[Finding]:
    """Worst first; within a severity, by rule, keeping the engine's order (stable sort)."""
    return sorted(findings, key=lambda f: (-severity_rank(f.severity), f.rule))


def outlets_of(result: CheckResult) -> list[str]:
    """Every outlet among the articles (the run's and the stored ones shown for context) and
    claims, sorted."""
    return outlets(result.articles, result.context_articles, result.claims)
