"""Running rules: build what each rule asks for, call it, turn failed asserts into findings.

A failing ``assert`` (or ``checker.fail``) is a :class:`~checker.records.Finding`; any other
exception is a rule error (an :class:`~checker.records.ErrorRecord` with stage "rule"),
recorded with the claims the rule was looking at, and the run goes on. So is a call over
the rule's time budget, and a ``sys.exit``/``os._exit`` in a rule; what a rule prints is
kept off standard output (:mod:`checker.engine.sandbox`), and a subject kind that cannot be
built (a bug in the incident engine) is an error of each rule asking for it, not a crashed run.
"""

from __future__ import annotations

import dataclasses
import traceback
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from checker.budget import Limit, repeated_limit, time_limit
from checker.engine import incidents as grouping
from checker.engine.clustering import Stories, headline_moving, town_key
from checker.engine.loader import Rule
from checker.engine.names import ArticleClaims, IncidentView, Pair
from checker.engine.sandbox import Capture, RuleExit, exit_words, guarded
from checker.errors import BudgetExceeded, RuleFailure
from checker.records import (
    SEVERITIES,
    Article,
    Claim,
    ErrorRecord,
    Finding,
    Incident,
    stable_id,
)

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
    #: the incidents the claims were grouped into (when a rule asked for incidents)
    incidents: list[Incident] = field(default_factory=list)
    #: claim id -> incident id, for every grouped claim
    claim_incidents: dict[str, str] = field(default_factory=dict)
    #: rule id -> how many of its errors are counted but not in ``errors`` (past
    #: MAX_ERRORS_PER_RULE): data, summed when parts merge, worded by :func:`error_summary`
    unlisted: dict[str, int] = field(default_factory=dict)


def error_summary(rule_id: str, unlisted: int) -> ErrorRecord:
    """The record saying how many more errors ``rule_id`` raised than are listed."""
    return ErrorRecord(
        stage="rule",
        rule=rule_id,
        message=f"{unlisted} more errors of this rule not listed "
        f"({unlisted + MAX_ERRORS_PER_RULE} in all); fix the rule and re-run.",
    )


def subject_claims(subject: Any) -> tuple[Claim, ...]:
    """The claims a rule's subject holds (a claim, pair, group, series or article)."""
    if isinstance(subject, Claim):
        return (subject,)
    return tuple(subject.claims)


class Subjects:
    """Builds each subject kind once per run, lazily, for all the rules that ask for it."""

    def __init__(
        self,
        articles: Sequence[Article],
        claims: Sequence[Claim],
        originals: Iterable[str] = (),
    ) -> None:
        self.articles = articles
        self.claims = claims
        #: articles of the run beyond these (a part's) that copies here are copies of
        self.originals = frozenset(originals)
        self.titles = {a.article_id: a.title for a in articles}
        self.roots = copy_roots(articles)
        stories = Stories(articles)
        starts: dict[tuple[str, str, bool], list[tuple[int, str]]] = defaultdict(list)
        figures: dict[tuple[str, bool, str], set[tuple[str, float]]] = defaultdict(set)
        for c in claims:
            starts[(c.article_id, c.category, c.in_title)].append((c.start, c.quote))
            if c.hedge == "exact" and c.value is not None:
                figures[(c.article_id, c.in_title, c.quote)].add((c.category, c.value))
        #: headlines, each article's salient words and claims' offsets, for grouping
        self.context = grouping.Context(self.titles, stories, starts, figures)
        self._cache: dict[str, list[Any]] = {}
        self._towns: dict[str, frozenset[str]] | None = None
        self._grouping: grouping.Grouping | None = None
        self._present_ids: frozenset[str] | None = None
        self._failed: dict[str, Exception | BudgetExceeded] = {}

    @property
    def grouping(self) -> grouping.Grouping:
        """The claims' incidents (built on first use)."""
        if self._grouping is None:
            self._grouping = grouping.group(self.claims, self.context, self.roots)
        return self._grouping

    def towns(self, article_id: str) -> frozenset[str]:
        """The towns (and finer places) an article's claims are placed at."""
        if self._towns is None:
            found: dict[str, set[str]] = defaultdict(set)
            for c in self.claims:
                if grouping.place_level(c) == 2:
                    found[c.article_id].add(town_key(c.location))
            self._towns = {k: frozenset(v) for k, v in found.items()}
        return self._towns.get(article_id, frozenset())

    def get(self, name: str) -> list[Any]:
        """The subjects of kind ``name``; raises what building them raised (every time),
        or :class:`BudgetExceeded` past :data:`SUBJECT_TIMEOUT` seconds."""
        if name not in self._cache:
            try:
                with time_limit(SUBJECT_TIMEOUT, f"building the {name!r} subjects"):
                    self._cache[name] = list(getattr(self, f"_{name}")())
            except (Exception, BudgetExceeded) as exc:
                self._failed[name] = exc
                self._cache[name] = []
        if name in self._failed:
            raise self._failed[name]
        return self._cache[name]

    def _claim(self) -> Iterable[Any]:
        return self.claims

    def _article(self) -> Iterable[Any]:
        by_article: dict[str, list[Claim]] = defaultdict(list)
        for c in self.claims:
            by_article[c.article_id].append(c)
        return [
            ArticleClaims(
                a,
                tuple(
                    sorted(
                        by_article.get(a.article_id, ()), key=lambda c: (not c.in_title, c.start)
                    )
                ),
            )
            for a in self.articles
            if not self.folded(a.article_id)
        ]

    def folded(self, article_id: str) -> bool:
        """Whether an article is a copy whose original is here too: the original speaks for
        both, so a rule about one article sees the text once."""
        root = self.roots.get(article_id, article_id)
        return root != article_id and root in self._present

    @property
    def _present(self) -> frozenset[str]:
        """The run's articles here: these, and the originals of the run beyond them."""
        if self._present_ids is None:
            self._present_ids = frozenset(a.article_id for a in self.articles) | self.originals
        return self._present_ids

    def _incident(self) -> Iterable[Any]:
        g = self.grouping
        for inc in g.incidents:
            claims = grouping.representatives(g.claims_of(inc.incident_id), self.roots)
            yield IncidentView(inc, tuple(claims))

    def _pair(self) -> Iterable[Any]:
        g = self.grouping
        for inc in g.incidents:
            members = g.claims_of(inc.incident_id)
            peers = tuple(grouping.representatives(members, self.roots))
            for a, b in grouping.independent_pairs(members, self.roots):
                towns = (self.towns(a.article_id), self.towns(b.article_id))
                moving = frozenset(
                    c.article_id
                    for c in (a, b)
                    if headline_moving(self.titles.get(c.article_id) or "")
                )
                tie = grouping.tie(a, b, self.context)
                yield Pair(a, b, "same", inc, peers, towns, tie, moving)

    def _article_pair(self) -> Iterable[Any]:
        g = self.grouping
        by_id = {c.claim_id: c for c in self.claims}
        for inc in g.incidents:
            by_article: dict[str, list[Claim]] = defaultdict(list)
            for c in g.claims_of(inc.incident_id):
                by_article[c.article_id].append(c)
            for aid, own in by_article.items():
                if self.folded(aid):
                    continue
                own.sort(key=lambda c: (not c.in_title, c.start))  # the headline first
                peers = tuple(own)
                for i, a in enumerate(own):
                    for b in own[i + 1 :]:
                        yield Pair(a, b, "same", inc, peers)
        for part in self.claims:
            whole = by_id.get(part.part_of or "")
            # a part counts what its whole counts: a part_of across categories (an older
            # store's "43 injured" part of "4 killed") is no part
            if (
                whole is not None
                and whole.category == part.category
                and not self.folded(part.article_id)
            ):
                inc_id = g.of_claim.get(whole.claim_id)
                yield Pair(part, whole, "a_in_b", g.incident(inc_id) if inc_id else None)


def copy_roots(articles: Iterable[Article]) -> dict[str, str]:
    """article id -> the first article of its text (itself when it is no copy)."""
    copy_of = {a.article_id: a.copy_of for a in articles}
    roots: dict[str, str] = {}
    for aid in copy_of:
        root, hops = aid, 0
        while copy_of.get(root) and hops < 10:
            root, hops = str(copy_of[root]), hops + 1
        roots[aid] = root
    return roots


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
    originals: Iterable[str] = (),
) -> RuleOutcome:
    """Run every rule over what it asks for; ``involving`` keeps only subjects that touch
    one of those article ids (the CI job's "new articles"); ``originals``: articles of the
    run not given here (a part's run) that copies given here are copies of: such a copy is
    folded into its original as when both are given."""
    subjects = Subjects(articles, claims, originals)
    out = RuleOutcome()
    asks_incidents = any(r.subject in ("pair", "article_pair", "incident") for r in rules)
    seen: set[str] = set()
    with guarded() as output:
        for rule in rules:
            if progress:
                progress(rule.id)
            _run_rule(rule, subjects, involving, output, out, seen)
    if asks_incidents:
        try:
            g = subjects.grouping
        except (Exception, BudgetExceeded):
            g = None  # recorded as each incident rule's error already
        if g is not None:
            out.incidents = list(g.incidents)
            out.claim_incidents = dict(g.of_claim)
            out.findings = one_per_pair(
                [_with_incidents(f, g.of_claim) for f in out.findings], subjects.roots
            )
    return out


def one_per_pair(findings: Sequence[Finding], roots: Mapping[str, str]) -> list[Finding]:
    """One finding per rule, incident and pair of articles (copies are their original): an
    article stating its figure three ways ("22" in the headline, "31" in the body, both
    against another outlet's "44") disagrees with the other once. The most severe is kept,
    then the first; findings about no incident are all kept."""
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    keys: list[tuple[str, str, frozenset[str]] | None] = []
    best: dict[tuple[str, str, frozenset[str]], int] = {}
    for i, f in enumerate(findings):
        articles = frozenset(roots.get(a, a) for a in f.article_ids)
        key = (f.rule, f.incident_id, articles) if f.incident_id and len(articles) > 1 else None
        keys.append(key)
        if key is not None and (
            key not in best or rank[f.severity] > rank[findings[best[key]].severity]
        ):
            best[key] = i
    return [
        f
        for i, (f, key) in enumerate(zip(findings, keys, strict=True))
        if key is None or best[key] == i
    ]


def _run_rule(
    rule: Rule,
    subjects: Subjects,
    involving: set[str] | None,
    output: Capture,
    out: RuleOutcome,
    seen: set[str],
) -> None:
    """One rule over every subject it asks for, its findings and errors added to ``out``
    (a finding the same as one already found, by :func:`same_finding`, is left out)."""
    errors = 0
    calls = 0
    printed = ""
    try:
        every = subjects.get(rule.subject)
    except (Exception, BudgetExceeded) as exc:
        out.errors.append(_subject_error(rule, subjects, exc))
        out.calls[rule.id] = 0
        return
    with repeated_limit(rule.timeout, f"rule {rule.id}") as limit:
        for subject in every:
            held = subject_claims(subject)
            if involving is not None:
                ids = {c.article_id for c in held}
                if rule.subject == "article":
                    ids.add(subject.article.article_id)
                if not ids & involving:
                    continue
            calls += 1
            finding_or_error = _call(rule, subject, held, limit)
            printed = printed or output.take()[:200]
            if isinstance(finding_or_error, Finding):
                key = same_finding(finding_or_error)
                if key not in seen:
                    seen.add(key)
                    out.findings.append(finding_or_error)
            elif finding_or_error is not None:
                errors += 1
                if errors <= MAX_ERRORS_PER_RULE:
                    out.errors.append(finding_or_error)
    output.take()
    if errors > MAX_ERRORS_PER_RULE:
        out.unlisted[rule.id] = errors - MAX_ERRORS_PER_RULE
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


def same_finding(f: Finding) -> str:
    """What makes two findings one: the rule and what its claims state (article, figure,
    count, group), not the sentence stating it; a headline and its body repeating "22"
    against another outlet's "44" is one disagreement, reported once."""
    stated = sorted({(c.article_id, c.value, c.category, c.subject.lower()) for c in f.claims})
    return stable_id(f.rule, f.article_id, *(f"{a}|{v}|{k}|{s}" for a, v, k, s in stated))


def _with_incidents(f: Finding, of_claim: Mapping[str, str]) -> Finding:
    """The finding with each claim's incident_id filled in."""
    claims = tuple(
        c
        if c.incident_id or c.claim_id not in of_claim
        else dataclasses.replace(c, incident_id=of_claim[c.claim_id])
        for c in f.claims
    )
    return dataclasses.replace(f, claims=claims)


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
        "in checker's incident engine, not in the rule: please report it with the articles",
    )


def _call(
    rule: Rule, subject: Any, held: tuple[Claim, ...], limit: Limit
) -> Finding | ErrorRecord | None:
    """One call of ``rule`` under ``limit`` (its time budget: :func:`repeated_limit`)."""
    incident_id = getattr(subject, "incident_id", None)
    try:
        with limit():
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
        involved = tuple(c for c in exc.claims if isinstance(c, Claim))
        if not involved and not exc.evidence:
            involved = held
        anchor = subject.article.article_id if isinstance(subject, ArticleClaims) else None
        return _finding(
            rule, exc.message, involved, incident_id, exc.severity, exc.kind, exc.evidence, anchor
        )
    except AssertionError as exc:
        return _finding(rule, assertion_message(exc), held, incident_id)
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


def _finding(
    rule: Rule,
    message: str,
    claims: tuple[Claim, ...],
    incident_id: str | None = None,
    severity: str | None = None,
    kind: str | None = None,
    evidence: tuple[str, ...] = (),
    anchor: str | None = None,
) -> Finding:
    """A finding of ``rule``; ``severity`` (from ``checker.fail``) may only lower the rule's
    configured severity, so a project's setting stays the ceiling."""
    if severity is not None and SEVERITIES.index(severity) > SEVERITIES.index(rule.severity):
        severity = rule.severity
    ids = [c.claim_id for c in claims]
    return Finding(
        finding_id=Finding.make_id(rule.id, ids, anchor if not ids else None),
        rule=rule.id,
        severity=severity or rule.severity,
        message=message,
        claims=claims,
        explanation=rule.doc,
        kind=kind or rule.kind,
        incident_id=incident_id,
        evidence=evidence,
        article_id=anchor,
    )


def iter_subjects(name: str, articles: Sequence[Article], claims: Sequence[Claim]) -> Iterator[Any]:
    """What a rule asking for ``name`` would receive (for tests and notebooks)."""
    return iter(Subjects(articles, claims).get(name))
