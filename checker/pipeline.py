"""The library API: what ``checker extract`` and ``checker check`` do, callable from a
notebook or a CI script without the command line.

>>> from checker.pipeline import check
>>> result = check(["examples/idlib"], store=":memory:")       # doctest: +SKIP
>>> [f.rule for f in result.findings]                           # doctest: +SKIP

Every input article ends as claims or as an :class:`~checker.records.ErrorRecord`; a rule
that raises is an error entry, never a crashed run.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from checker.engine import Rule, RuleOutcome, load_rules, select
from checker.engine.loader import RuleSettings
from checker.errors import UsageError
from checker.ingest import IngestOptions, read_articles
from checker.ingest.dates import DateReader
from checker.ingest.language import ENGLISH
from checker.ingest.position import locate_claims, parse_origin
from checker.parallel import ARTICLE_TIMEOUT, ExtractPool, warning_of
from checker.partitions import run_partitioned, stored_partitions
from checker.records import Article, CheckResult, Claim, ErrorRecord, Finding
from checker.report.format import kind_of
from checker.schema import claims_to_frame, frame_to_claims, validate_claims
from checker.store import Store

DEFAULT_STORE = Path(".checker/claims.sqlite")
#: articles extracted, validated and stored together (one transaction each)
BATCH_SIZE = 200

Progress = Callable[[int], None]
_DATES = DateReader()


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

    #: where ``skip`` entries came from, for messages ("--ignore", "disable in pyproject.toml")
    skip_origin: str = "--ignore or [tool.checker] disable"

    def load(self) -> list[Rule]:
        """The selected rules; a ``--select``/``--ignore``/``disable`` entry that names no
        rule (a typo) is a :class:`~checker.errors.UsageError`, not a silent no-op."""
        every = load_rules(
            self.dirs,
            builtin=self.builtin,
            settings=self.settings,
            include_disabled=True,
            timeout=self.timeout,
        )
        check_rule_names(every, self.only, "--select")
        check_rule_names(every, self.skip, self.skip_origin)
        return select([r for r in every if r.enabled], self.only, self.skip)


def check_rule_names(rules: Sequence[Rule], names: Sequence[str], origin: str) -> None:
    """Raise :class:`~checker.errors.UsageError` for a name that is neither a rule id nor a
    rule module among ``rules``, suggesting the closest ids."""
    ids = [r.id for r in rules]
    known = set(ids) | {i.rsplit(".", 1)[0] for i in ids}
    unknown = [n for n in names if n not in known]
    if not unknown:
        return
    hints = []
    for n in unknown:
        close = difflib.get_close_matches(n, sorted(known), n=2, cutoff=0.6)
        hints.append(f"{n!r}" + (f" (did you mean {' or '.join(close)}?)" if close else ""))
    raise UsageError(
        f"{origin} names no rule: {', '.join(hints)}; `checker rules list` shows the ids "
        "(a rule id, or a module name for all its rules)"
    )


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
                progress(records_in(batch))
    finally:
        pool.close()


def records_in(batch: Sequence[Article | ErrorRecord]) -> int:
    """How many input records a batch stands for (what progress counts): its articles and
    the records lost to an error; a warning about a kept article is not one more."""
    return sum(
        1 for x in batch if isinstance(x, Article) or (x.level == "error" and x.line is not None)
    )


def _batches(
    items: Iterable[Article | ErrorRecord], size: int
) -> Iterator[list[Article | ErrorRecord]]:
    batch: list[Article | ErrorRecord] = []  # (a list of Articles is one too)
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def skips_extraction(article: Article) -> bool:
    """Whether ``article`` gets no claims: its text is not English (``Article.language`` set
    and not "en"; ingestion has recorded a warning saying so). The extractor reads English,
    and on other languages would make wrong English claims. Both engines (this module's and
    ``checker.distributed``) ask this before extracting, so ``checker extract`` and ``checker
    check`` agree and the extraction code need not know."""
    return article.language is not None and article.language != ENGLISH


def _extract_batch(
    batch: list[Article | ErrorRecord], pool: ExtractPool
) -> Iterator[tuple[Article, list[Claim]] | ErrorRecord]:
    articles = [a for a in batch if isinstance(a, Article)]
    todo = [a for a in articles if not skips_extraction(a)]
    done = iter(pool.map(todo) if todo else [])
    extracted: list[list[Claim] | ErrorRecord] = [
        [] if skips_extraction(a) else next(done) for a in articles
    ]
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
    and is yielded before them); ``claims`` are the claims that passed the schema, given
    here their provenance (file, line, column, row: :func:`locate_claims`). Shared by the
    local and the Dask engines, so both yield the same stream.
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
        yield item, locate_claims(item, kept.get(item.article_id, []))
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
    incidents = sorted(outcome.incidents, key=lambda i: i.incident_id)
    return RuleOutcome(
        findings=findings,
        errors=errors,
        calls=dict(outcome.calls),
        incidents=incidents,
        claim_incidents=dict(outcome.claim_incidents),
    )


def locate_finding(f: Finding, given: set[str], origins: Mapping[str, Article]) -> Finding:
    """``f`` with the place to point at: the file, line and column of the first of its claims
    that belongs to an article given in this run (else of its first located claim); for a
    finding without located claims, the line of its article in the input. A date-line
    finding points at its article's date line: the title when it is one, else the text's
    start."""
    if f.source_file is not None:
        return f
    if kind_of(f) == "dateline":
        article = next((origins[a] for a in f.article_ids if a in origins), None)
        at = None
        if article is not None:
            dated_title = _DATES.find_dateline(article.title, None) is not None
            at = (article.title_at if dated_title else None) or article.text_at
        if article is not None and at is not None:
            source_file, _ = parse_origin(article.origin)
            start_line, start_column, _ = at
            return dataclasses.replace(
                f, source_file=source_file, line=start_line, column=start_column
            )
    located = [c for c in f.claims if c.source_file is not None]
    pick = next((c for c in located if c.article_id in given), located[0] if located else None)
    if pick is not None:
        return dataclasses.replace(
            f, source_file=pick.source_file, line=pick.line, column=pick.column
        )
    for aid in f.article_ids:
        source_file, line = parse_origin(a.origin if (a := origins.get(aid)) else None)
        if source_file is not None:
            return dataclasses.replace(f, source_file=source_file, line=line)
    return f


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
    on_phase: Callable[[str], None] | None = None,
) -> CheckResult:
    """Ingest ``inputs`` into the store, check them against everything stored, and return
    the findings that involve them (all findings with ``report_all``).

    ``engine`` runs extraction and the rules (default: :class:`LocalEngine` on ``jobs``
    processes; ``checker.distributed.check_dask`` passes a Dask one). Findings come sorted
    by rule (load order), then finding_id, whichever engine ran them (:func:`order_outcome`).
    ``keep_inputs=False`` leaves ``result.articles`` and ``result.claims`` empty and counts
    them in ``n_articles``/``n_claims`` (what the JSON document needs): memory then stays
    bounded however large the input (the HTML report, which shows every article, needs them).
    ``on_phase("checking")`` is called when extraction is done and the rules start.
    """
    rule_list = rules if isinstance(rules, Sequence) else (rules or RuleSelection()).load()
    engine = engine or LocalEngine(jobs)
    items = engine.extract(inputs, options, progress)
    return _check(items, engine, rule_list, store, report_all, command, keep_inputs, on_phase)


def check_articles(
    articles: Iterable[Article],
    *,
    store: str | Path = DEFAULT_STORE,
    rules: RuleSelection | Sequence[Rule] | None = None,
    report_all: bool = False,
    jobs: int = 1,
    command: str = "check",
) -> CheckResult:
    """:func:`check` of articles already read (a notebook's, an evaluation's)."""
    rule_list = rules if isinstance(rules, Sequence) else (rules or RuleSelection()).load()
    engine = LocalEngine(jobs)
    pool = ExtractPool(jobs)

    def items() -> Iterator[tuple[Article, list[Claim]] | ErrorRecord]:
        try:
            for batch in _batches(articles, BATCH_SIZE):
                yield from _extract_batch(batch, pool)
        finally:
            pool.close()

    return _check(items(), engine, rule_list, store, report_all, command, True, None)


def _check(
    items: Iterable[tuple[Article, list[Claim]] | ErrorRecord],
    engine: Engine,
    rule_list: Sequence[Rule],
    store: str | Path,
    report_all: bool,
    command: str,
    keep_inputs: bool,
    on_phase: Callable[[str], None] | None,
) -> CheckResult:
    result = CheckResult(rules={r.id: r.doc for r in rule_list})
    with Store(store) as db:
        run_id = db.start_run(command)
        batch: list[tuple[Article, list[Claim]]] = []
        given_claims: set[str] = set()
        counts = [0, 0]  # articles, claims given
        origins: dict[str, Article] = {}  # where each given article is, to locate findings
        given_ids = result.new_article_ids

        def flush() -> None:
            # the store decides each article's id (another article may hold it: renamed,
            # with a warning), so what the run reports is what was stored
            placed = db.place(batch, run_id)
            result.errors.extend(placed.warnings)
            copies = db.copies(a.article_id for a, _ in placed.items)
            for article, claims in placed.items:
                if article.article_id in result.new_article_ids:
                    continue  # the same text given twice: one article
                if article.article_id in copies:
                    article = dataclasses.replace(article, copy_of=copies[article.article_id])
                given_claims.update(c.claim_id for c in claims)
                if keep_inputs:
                    result.articles.append(article)
                    result.claims.extend(claims)
                counts[0] += 1
                counts[1] += len(claims)
                result.new_article_ids.add(article.article_id)
                if article.origin:  # a light copy: no text kept (memory stays bounded)
                    origins[article.article_id] = dataclasses.replace(article, text="")
            batch.clear()

        for item in items:
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
        if on_phase:
            on_phase("checking")
        outcome = order_outcome(rule_list, engine.run_rules(rule_list, db, involving))
        result.findings = [locate_finding(f, given_ids, origins) for f in outcome.findings]
        result.errors.extend(outcome.errors)
        db.set_incidents(outcome.incidents, outcome.claim_incidents)
        result.incidents = [
            i
            for i in outcome.incidents
            if report_all or any(c.claim_id in given_claims for c in i.claims)
        ]
        if keep_inputs:
            result.claims = [
                dataclasses.replace(c, incident_id=outcome.claim_incidents[c.claim_id])
                if c.claim_id in outcome.claim_incidents
                else c
                for c in result.claims
            ]
        given = result.new_article_ids
        involved = {aid for f in result.findings for aid in f.article_ids} - given
        result.context_articles = list(db.articles(involved)) if involved else []
        db.add_findings(run_id, result.findings)
        db.finish_run(run_id)
    return result
