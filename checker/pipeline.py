"""The library API: what ``checker extract`` and ``checker check`` do, callable from a
notebook or a CI script without the command line.

>>> from checker.pipeline import check
>>> result = check(["examples/idlib"], store=":memory:")       # doctest: +SKIP
>>> [f.rule for f in result.findings]                           # doctest: +SKIP

Every input article ends as claims or as an :class:`~checker.records.ErrorRecord`; a rule
that raises is an error entry, never a crashed run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from checker.engine import Rule, RuleOutcome, load_rules, select
from checker.engine.loader import RuleSettings
from checker.ingest import IngestOptions, read_articles
from checker.parallel import ARTICLE_TIMEOUT, ExtractPool, warning_of
from checker.partitions import run_partitioned, stored_partitions
from checker.records import Article, CheckResult, Claim, ErrorRecord
from checker.schema import claims_to_frame, frame_to_claims, validate_claims
from checker.store import Store

DEFAULT_STORE = Path(".checker/claims.sqlite")
#: articles extracted, validated and stored together (one transaction each)
BATCH_SIZE = 200

Progress = Callable[[int], None]


@dataclass
class RuleSelection:
    """Which rules run: built-ins plus ``dirs``, filtered by id/module, with settings."""

    dirs: Sequence[Path] = ()
    only: Sequence[str] = ()
    skip: Sequence[str] = ()
    settings: dict[str, RuleSettings] = field(default_factory=dict)
    builtin: bool = True
    #: seconds one call of a rule may take (a rule's own setting wins)
    timeout: float | None = None

    def load(self) -> list[Rule]:
        rules = load_rules(
            self.dirs, builtin=self.builtin, settings=self.settings, timeout=self.timeout
        )
        return select(rules, self.only, self.skip)


def extract(
    inputs: Sequence[str | Path],
    options: IngestOptions | None = None,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
    timeout: float | None = ARTICLE_TIMEOUT,
) -> Iterator[tuple[Article, list[Claim]] | ErrorRecord]:
    """Stream ``(article, claims)`` for every input article, or an ErrorRecord for what
    could not be read, extracted (in ``timeout`` seconds an article) or validated. Order
    follows the inputs."""
    pool = ExtractPool(jobs, timeout)
    try:
        for batch in _batches(read_articles(inputs, options), BATCH_SIZE):
            yield from _extract_batch(batch, pool)
            if progress:
                progress(len(batch))
    finally:
        pool.close()


def _batches(
    items: Iterable[Article | ErrorRecord], size: int
) -> Iterator[list[Article | ErrorRecord]]:
    batch: list[Article | ErrorRecord] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _extract_batch(
    batch: list[Article | ErrorRecord], pool: ExtractPool
) -> Iterator[tuple[Article, list[Claim]] | ErrorRecord]:
    articles = [a for a in batch if isinstance(a, Article)]
    extracted = pool.map(articles)
    all_claims = [c for r in extracted if not isinstance(r, ErrorRecord) for c in r]
    valid, schema_errors = validate_claims(claims_to_frame(all_claims))
    failures = [r if isinstance(r, ErrorRecord) else warning_of(r) for r in extracted]
    return assemble_batch(batch, failures, frame_to_claims(valid), schema_errors)


def assemble_batch(
    batch: Sequence[Article | ErrorRecord],
    failures: Sequence[ErrorRecord | None],
    claims: Iterable[Claim],
    schema_errors: Iterable[ErrorRecord],
) -> Iterator[tuple[Article, list[Claim]] | ErrorRecord]:
    """One extracted batch in input order: each article with its valid claims (after its
    schema errors), or the ErrorRecord that stands for it.

    ``failures`` has one entry per Article of ``batch`` (in order): the extraction's
    ErrorRecord, or None when it gave claims (a record of level "warning" gave claims too,
    and is yielded before them); ``claims`` are the claims that passed the schema. Shared by
    the local and the Dask engines, so both yield the same stream.
    """
    kept: dict[str, list[Claim]] = {}
    for c in claims:
        kept.setdefault(c.article_id, []).append(c)
    errors_by_article: dict[str | None, list[ErrorRecord]] = {}
    for e in schema_errors:
        errors_by_article.setdefault(e.article_id, []).append(e)
    articles = iter(failures)
    for item in batch:
        if isinstance(item, ErrorRecord):
            yield item
            continue
        failure = next(articles)
        if failure is not None:
            yield failure
            if failure.level != "warning":
                continue
        yield from errors_by_article.pop(item.article_id, [])
        yield item, kept.get(item.article_id, [])
    for rest in errors_by_article.values():
        yield from rest


class Engine(Protocol):
    """Where extraction and the rules run: this machine (:class:`LocalEngine`) or a Dask
    cluster (``checker.distributed.DaskEngine``). Both give the same stream and findings."""

    def extract(
        self,
        inputs: Sequence[str | Path],
        options: IngestOptions | None,
        progress: Progress | None,
    ) -> Iterator[tuple[Article, list[Claim]] | ErrorRecord]: ...

    def run_rules(
        self, rules: Sequence[Rule], db: Store, involving: set[str] | None
    ) -> RuleOutcome: ...


@dataclass
class LocalEngine:
    """Extraction, then the rules, on ``jobs`` processes of this machine; the rules over the
    store a part at a time (:mod:`checker.partitions`: memory holds a few parts)."""

    jobs: int = 1
    #: seconds extracting one article may take
    article_timeout: float | None = ARTICLE_TIMEOUT

    def extract(
        self,
        inputs: Sequence[str | Path],
        options: IngestOptions | None,
        progress: Progress | None,
    ) -> Iterator[tuple[Article, list[Claim]] | ErrorRecord]:
        return extract(
            inputs, options, jobs=self.jobs, progress=progress, timeout=self.article_timeout
        )

    def run_rules(
        self, rules: Sequence[Rule], db: Store, involving: set[str] | None
    ) -> RuleOutcome:
        parts = stored_partitions(rules, db, involving=involving)
        return run_partitioned(rules, parts, jobs=self.jobs)


def order_outcome(rules: Sequence[Rule], outcome: RuleOutcome) -> RuleOutcome:
    """Findings and rule errors in one order whatever ran them: by rule (in the order the
    rules were loaded), then finding_id (errors: claim ids, place, message). The Dask
    engine runs partitions in any order; sorting both engines' outcomes makes them equal."""
    rank = {r.id: i for i, r in enumerate(rules)}
    last = len(rank)
    findings = sorted(
        outcome.findings, key=lambda f: (rank.get(f.rule, last), f.rule, f.finding_id)
    )
    errors = sorted(
        outcome.errors,
        key=lambda e: (
            rank.get(e.rule or "", last),
            e.rule or "",
            not e.claim_ids,
            e.claim_ids,
            e.source or "",
            e.line or 0,
            e.message,
        ),
    )
    return RuleOutcome(findings=findings, errors=errors, calls=dict(outcome.calls))


def check(
    inputs: Sequence[str | Path],
    *,
    store: str | Path = DEFAULT_STORE,
    options: IngestOptions | None = None,
    rules: RuleSelection | Sequence[Rule] | None = None,
    report_all: bool = False,
    jobs: int = 1,
    progress: Progress | None = None,
    command: str = "check",
    engine: Engine | None = None,
    keep_inputs: bool = True,
) -> CheckResult:
    """Ingest ``inputs`` into the store, check them against everything stored, and return
    the findings that involve them (all findings with ``report_all``).

    ``engine`` runs extraction and the rules (default: :class:`LocalEngine` on ``jobs``
    processes; ``checker.distributed.check_dask`` passes a Dask one). Findings come sorted
    by rule (load order), then finding_id, whichever engine ran them (:func:`order_outcome`).
    ``keep_inputs=False`` leaves ``result.articles`` and ``result.claims`` empty and counts
    them in ``n_articles``/``n_claims`` (what the JSON document needs): memory then stays
    bounded however large the input (the HTML report, which shows every article, needs them).
    """
    rule_list = rules if isinstance(rules, Sequence) else (rules or RuleSelection()).load()
    engine = engine or LocalEngine(jobs)
    result = CheckResult(rules={r.id: r.doc for r in rule_list})
    with Store(store) as db:
        run_id = db.start_run(command)
        batch: list[tuple[Article, list[Claim]]] = []
        counts = [0, 0]  # articles, claims given

        def flush() -> None:
            # the store decides each article's id (another article may hold it: renamed,
            # with a warning), so what the run reports is what was stored
            placed = db.place(batch, run_id)
            result.errors.extend(placed.warnings)
            for article, claims in placed.items:
                if article.article_id in result.new_article_ids:
                    continue  # the same text given twice: one article
                if keep_inputs:
                    result.articles.append(article)
                    result.claims.extend(claims)
                counts[0] += 1
                counts[1] += len(claims)
                result.new_article_ids.add(article.article_id)
            batch.clear()

        for item in engine.extract(inputs, options, progress):
            if isinstance(item, ErrorRecord):
                result.errors.append(item)
                continue
            batch.append(item)
            if len(batch) >= BATCH_SIZE:
                flush()
        if batch:
            flush()
        if not keep_inputs:
            result.n_articles, result.n_claims = counts
        involving = None if report_all else result.new_article_ids
        outcome = order_outcome(rule_list, engine.run_rules(rule_list, db, involving))
        result.findings = outcome.findings
        result.errors.extend(outcome.errors)
        given = result.new_article_ids
        involved = {aid for f in result.findings for aid in f.article_ids} - given
        result.context_articles = list(db.articles(involved)) if involved else []
        db.add_findings(run_id, result.findings)
        db.finish_run(run_id)
    return result
