"""Running rules: build what each rule asks for, call it, turn failed asserts into findings.

A failing ``assert`` (or ``checker.fail``) is a :class:`~checker.records.Finding`; any other
exception is a rule error (an :class:`~checker.records.ErrorRecord` with stage "rule"),
recorded with the claims the rule was looking at, and the run goes on. So is a call over
the rule's time budget, and a ``sys.exit``/``os._exit`` in a rule; what a rule prints is
kept off standard output (:mod:`checker.engine.sandbox`), and a subject kind that cannot be
built (a bug in matching) is an error of each rule asking for it, not a crashed run.
"""

from __future__ import annotations

import traceback
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from checker.budget import time_limit
from checker.engine import matching
from checker.engine.loader import Rule
from checker.engine.names import ArticleClaims
from checker.engine.sandbox import Capture, RuleExit, exit_words, guarded
from checker.errors import BudgetExceeded, RuleFailure
from checker.records import Article, Claim, ErrorRecord, Finding

#: rule errors recorded one by one per rule; past this, one summary record says how many more
MAX_ERRORS_PER_RULE = 20
#: seconds building one kind of subject (the pairs, the groups...) of one part may take
SUBJECT_TIMEOUT = 120.0


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
        self._failed: dict[str, Exception | BudgetExceeded] = {}

    def get(self, name: str) -> list[Any]:
        """The subjects of kind ``name``; raises what building them raised (every time),
        or :class:`BudgetExceeded` past :data:`SUBJECT_TIMEOUT` seconds."""
        if name not in self._cache:
            try:
                with time_limit(SUBJECT_TIMEOUT, f"building the {name!r} subjects"):
                    self._cache[name] = list(self._build(name))
            except (Exception, BudgetExceeded) as exc:
                self._failed[name] = exc
                self._cache[name] = []
        if name in self._failed:
            raise self._failed[name]
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
    with guarded() as output:
        for rule in rules:
            if progress:
                progress(rule.id)
            _run_rule(rule, subjects, involving, output, out)
    return out


def _run_rule(
    rule: Rule,
    subjects: Subjects,
    involving: set[str] | None,
    output: Capture,
    out: RuleOutcome,
) -> None:
    """One rule over every subject it asks for, its findings and errors added to ``out``."""
    seen = {f.finding_id for f in out.findings}
    errors = 0
    calls = 0
    printed = ""
    try:
        every = subjects.get(rule.subject)
    except (Exception, BudgetExceeded) as exc:
        out.errors.append(_subject_error(rule, subjects, exc))
        out.calls[rule.id] = 0
        return
    for subject in every:
        held = subject_claims(subject)
        if involving is not None:
            ids = {c.article_id for c in held}
            if rule.subject == "article":
                ids.add(subject.article.article_id)
            if not ids & involving:
                continue
        calls += 1
        finding_or_error = _call(rule, subject, held)
        printed = printed or output.take()[:200]
        if isinstance(finding_or_error, Finding):
            if finding_or_error.finding_id not in seen:
                seen.add(finding_or_error.finding_id)
                out.findings.append(finding_or_error)
        elif finding_or_error is not None:
            errors += 1
            if errors <= MAX_ERRORS_PER_RULE:
                out.errors.append(finding_or_error)
    output.take()
    if errors > MAX_ERRORS_PER_RULE:
        out.errors.append(
            ErrorRecord(
                stage="rule",
                rule=rule.id,
                message=f"{errors - MAX_ERRORS_PER_RULE} more errors of this rule not listed "
                f"({errors} in all); fix the rule and re-run.",
            )
        )
    if printed:
        out.errors.append(
            ErrorRecord(
                stage="rule",
                level="warning",
                rule=rule.id,
                source=str(rule.path),
                value=printed.strip()[:200],
                message="the rule printed to standard output (kept out of it, so it does "
                "not corrupt the report there): a rule reports with assert or "
                "checker.fail, not print",
            )
        )
    out.calls[rule.id] = calls


def _subject_error(rule: Rule, subjects: Subjects, exc: Exception | BudgetExceeded) -> ErrorRecord:
    if isinstance(exc, BudgetExceeded):
        return ErrorRecord(
            stage="rule",
            rule=rule.id,
            claim_ids=tuple(c.claim_id for c in subjects.claims[:20]),
            exception=f"BudgetExceeded: {exc}",
            message=f"building the {rule.subject!r} subjects of these "
            f"{len(subjects.claims)} claims took longer than {exc.seconds:g} s and was "
            "stopped: the rule did not run on them. Please report it with the articles",
        )
    tb = traceback.extract_tb(exc.__traceback__)
    frame = tb[-1] if tb else None
    return ErrorRecord(
        stage="rule",
        rule=rule.id,
        source=frame.filename if frame else None,
        line=frame.lineno if frame else None,
        claim_ids=tuple(c.claim_id for c in subjects.claims[:20]),
        exception=f"{type(exc).__name__}: {exc}",
        message=f"building the {rule.subject!r} subjects of these {len(subjects.claims)} claims "
        f"failed ({type(exc).__name__}: {exc}): the rule did not run on them. This is a bug "
        "in checker's matching, not in the rule: please report it with the articles",
    )


def _call(rule: Rule, subject: Any, held: tuple[Claim, ...]) -> Finding | ErrorRecord | None:
    try:
        with time_limit(rule.timeout, f"rule {rule.id}"):
            rule.call(subject)
    except BudgetExceeded as exc:
        return ErrorRecord(
            stage="rule",
            rule=rule.id,
            source=str(rule.path),
            claim_ids=tuple(c.claim_id for c in held),
            exception=f"BudgetExceeded: {exc}",
            message=f"the rule ran longer than its time budget of {exc.seconds:g} s on these "
            "claims (an endless loop?) and was stopped: no finding from it. Fix the rule, or "
            f'raise its budget ([tool.checker.rules."{rule.id}"] timeout = SECONDS)',
        )
    except (SystemExit, RuleExit) as exc:
        return ErrorRecord(
            stage="rule",
            rule=rule.id,
            source=str(rule.path),
            claim_ids=tuple(c.claim_id for c in held),
            exception=f"{type(exc).__name__}: {exit_words(exc)}",
            message=f"the rule called {exit_words(exc)}: a rule cannot end the run (it went "
            "on without this call's finding); report with assert or checker.fail",
        )
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
