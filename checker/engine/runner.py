"""Running rules: build what each rule asks for, call it, turn failed asserts into findings.

A failing ``assert`` (or ``checker.fail``) is a :class:`~checker.records.Finding`; any other
exception is a rule error (an :class:`~checker.records.ErrorRecord` with stage "rule"),
recorded with the claims the rule was looking at, and the run goes on.
"""

from __future__ import annotations

import traceback
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from checker.engine import matching
from checker.engine.loader import Rule
from checker.engine.names import ArticleClaims
from checker.errors import RuleFailure
from checker.records import Article, Claim, ErrorRecord, Finding

#: rule errors recorded one by one per rule; past this, one summary record says how many more
MAX_ERRORS_PER_RULE = 20


@dataclass
class RuleOutcome:
    findings: list[Finding] = field(default_factory=list)
    errors: list[ErrorRecord] = field(default_factory=list)
    #: how many times each rule was called (for the report and `checker rules list`)
    calls: dict[str, int] = field(default_factory=dict)


def subject_claims(subject: Any) -> tuple[Claim, ...]:
    """The claims a rule's subject holds (a claim, pair, group, series or article)."""
    if isinstance(subject, Claim):
        return (subject,)
    return tuple(subject.claims)


class Subjects:
    """Builds each subject kind once per run, lazily, for all the rules that ask for it."""

    def __init__(self, articles: Sequence[Article], claims: Sequence[Claim]) -> None:
        self.articles = articles
        self.claims = claims
        self.titles = {a.article_id: a.title for a in articles}
        self._cache: dict[str, list[Any]] = {}

    def get(self, name: str) -> list[Any]:
        if name not in self._cache:
            self._cache[name] = list(self._build(name))
        return self._cache[name]

    def _build(self, name: str) -> Iterable[Any]:
        if name == "claim":
            return self.claims
        if name == "article":
            by_article: dict[str, list[Claim]] = defaultdict(list)
            for c in self.claims:
                by_article[c.article_id].append(c)
            return [
                ArticleClaims(
                    a,
                    tuple(
                        sorted(
                            by_article.get(a.article_id, ()),
                            key=lambda c: (not c.in_title, c.start),
                        )
                    ),
                )
                for a in self.articles
            ]
        if name == "pair":
            return matching.iter_pairs(self.claims, titles=self.titles)
        if name == "article_pair":
            return matching.iter_pairs(self.claims, same_article=True)
        if name == "group":
            return matching.iter_groups(self.claims, titles=self.titles)
        if name == "series":
            return matching.iter_series(self.claims)
        raise KeyError(name)  # names are checked when rules load


def assertion_message(exc: AssertionError) -> str:
    """The finding's message: the assert's own message, else pytest's introspection."""
    text = str(exc).strip()
    if not text:
        return "assertion failed (the rule's assert has no message)"
    if text.startswith("assert "):
        return text  # no message given: pytest's "assert 5 <= 3 ..." explanation
    head, sep, _ = text.partition("\nassert ")
    return head.strip() if sep else text


def run_rules(
    rules: Sequence[Rule],
    articles: Sequence[Article],
    claims: Sequence[Claim],
    *,
    involving: set[str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> RuleOutcome:
    """Run every rule over what it asks for; ``involving`` keeps only subjects that touch
    one of those article ids (the CI job's "new articles")."""
    subjects = Subjects(articles, claims)
    out = RuleOutcome()
    seen: set[str] = set()
    for rule in rules:
        if progress:
            progress(rule.id)
        errors = 0
        calls = 0
        for subject in subjects.get(rule.subject):
            held = subject_claims(subject)
            if involving is not None:
                ids = {c.article_id for c in held}
                if rule.subject == "article":
                    ids.add(subject.article.article_id)
                if not ids & involving:
                    continue
            calls += 1
            finding_or_error = _call(rule, subject, held)
            if isinstance(finding_or_error, Finding):
                if finding_or_error.finding_id not in seen:
                    seen.add(finding_or_error.finding_id)
                    out.findings.append(finding_or_error)
            elif finding_or_error is not None:
                errors += 1
                if errors <= MAX_ERRORS_PER_RULE:
                    out.errors.append(finding_or_error)
        if errors > MAX_ERRORS_PER_RULE:
            out.errors.append(
                ErrorRecord(
                    stage="rule",
                    rule=rule.id,
                    message=f"{errors - MAX_ERRORS_PER_RULE} more errors of this rule not listed "
                    f"({errors} in all); fix the rule and re-run.",
                )
            )
        out.calls[rule.id] = calls
    return out


def _call(rule: Rule, subject: Any, held: tuple[Claim, ...]) -> Finding | ErrorRecord | None:
    try:
        rule.call(subject)
    except RuleFailure as exc:
        involved = tuple(c for c in exc.claims if isinstance(c, Claim)) or held
        return _finding(rule, exc.message, involved)
    except AssertionError as exc:
        return _finding(rule, assertion_message(exc), held)
    except Exception as exc:
        tb = traceback.extract_tb(exc.__traceback__)
        frame = next((f for f in reversed(tb) if f.filename == str(rule.path)), tb[-1])
        return ErrorRecord(
            stage="rule",
            rule=rule.id,
            source=frame.filename,
            line=frame.lineno,
            claim_ids=tuple(c.claim_id for c in held),
            exception=f"{type(exc).__name__}: {exc}",
            message=f"the rule raised {type(exc).__name__}: {exc} (a broken rule, not a "
            "finding; fix the rule)",
        )
    return None


def _finding(rule: Rule, message: str, claims: tuple[Claim, ...]) -> Finding:
    return Finding(
        finding_id=Finding.make_id(rule.id, [c.claim_id for c in claims]),
        rule=rule.id,
        severity=rule.severity,
        message=message,
        claims=claims,
        explanation=rule.doc,
    )


def iter_subjects(name: str, articles: Sequence[Article], claims: Sequence[Claim]) -> Iterator[Any]:
    """What a rule asking for ``name`` would receive (for tests and notebooks)."""
    return iter(Subjects(articles, claims).get(name))
