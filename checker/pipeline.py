"""The library API: what ``checker extract`` and ``checker check`` do, callable from a
notebook or a CI script without the command line.

>>> from checker.pipeline import check
>>> from checker.settings import resolve_settings
>>> settings = resolve_settings("pyproject.toml", {"store": ":memory:"})  # doctest: +SKIP
>>> result = check(["examples/idlib"], settings=settings)         # doctest: +SKIP
>>> [f.rule for f in result.findings], result.fails(settings.fail_on)  # doctest: +SKIP

The settings (store, rules, fail threshold, engine, processes, time budgets, how dates
are read) are resolved by :func:`checker.settings.resolve_settings`, as the command line
resolves them; where the work runs is :mod:`checker.run`'s (an engine chosen here).

Every input article ends as claims or as an :class:`~checker.records.ErrorRecord`; a rule
that raises is an error entry, never a crashed run.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from checker.budget import ARTICLE_TIMEOUT
from checker.engine import Rule, RuleOutcome
from checker.engine.incidents import BLOCKING
from checker.ingest import IngestOptions
from checker.ingest.dates import DateReader
from checker.ingest.position import parse_origin
from checker.records import Article, CheckResult, Claim, ErrorRecord, Finding, Incident
from checker.report.format import kind_of
from checker.run import Engine, Progress
from checker.run.heap import frozen_heap
from checker.run.local import BATCH_SIZE, LocalEngine, extract_stream
from checker.run.partitions import order_outcome
from checker.settings import RuleSelection, Settings, resolve_settings
from checker.store import Store
from checker.store_views import StoredIncidents

_DATES = DateReader()


def extract(
    inputs: Sequence[str | Path],
    options: IngestOptions | None = None,
    *,
    settings: Settings | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    timeout: float | None = ARTICLE_TIMEOUT,
) -> Iterator[tuple[Article, list[Claim]] | ErrorRecord]:
    """Stream ``(article, claims)`` for every input article, or an ErrorRecord for what
    could not be read, extracted (in ``timeout`` seconds an article) or validated. Order
    follows the inputs. ``settings`` (:func:`~checker.settings.resolve_settings`) gives
    the ingest options, processes and time budget that ``options``, ``jobs`` and
    ``timeout`` do not."""
    if settings is not None:
        options = options or settings.ingest
        jobs = jobs or settings.jobs
        timeout = settings.article_timeout
    engine = LocalEngine(jobs or 1, timeout)
    return engine.extract(inputs, options, progress)


@contextmanager
def open_engine(settings: Settings) -> Iterator[Engine]:
    """The engine ``settings`` chooses: processes of this machine, or a Dask cluster (the
    scheduler at ``settings.scheduler``, else a local one) for as long as the block runs."""
    if settings.engine == "dask":
        from checker.run.dask import DaskEngine, connect

        with connect(settings.scheduler) as client:
            yield DaskEngine(client)
        return
    yield LocalEngine(settings.jobs, settings.article_timeout)


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
    settings: Settings | None = None,
    store: str | Path | None = None,
    options: IngestOptions | None = None,
    rules: RuleSelection | Sequence[Rule] | None = None,
    report_all: bool = False,
    jobs: int | None = None,
    progress: Progress | None = None,
    command: str = "check",
    engine: Engine | None = None,
    keep_inputs: bool = True,
    on_phase: Callable[[str], None] | None = None,
) -> CheckResult:
    """Ingest ``inputs`` into the store, check them against everything stored, and return
    the findings that involve them (all findings with ``report_all``).

    ``settings`` (:func:`~checker.settings.resolve_settings`: the project's config and the
    caller's overrides) gives the store, the ingest options, the rules, the engine and its
    processes; the keywords ``store``, ``options``, ``rules`` and ``jobs`` win over it.
    Without settings: the library's defaults, on one process. ``engine`` is an open
    :class:`~checker.run.Engine` to run on instead of the one the settings choose.
    Findings come sorted by rule (load order), then finding_id, whichever engine ran them
    (:func:`~checker.run.partitions.order_outcome`). ``keep_inputs=False`` leaves
    ``result.articles`` and ``result.claims`` empty and counts them in
    ``n_articles``/``n_claims`` (what the JSON document needs): memory then stays bounded
    however large the input (the HTML report, which shows every article, needs them).
    ``on_phase("checking")`` is called when extraction is done and the rules start.
    """
    s = _settings(settings, jobs)
    rule_list = _rules(rules, s)
    at = store if store is not None else s.store
    if engine is not None:
        items = engine.extract(inputs, options or s.ingest, progress)
        return _check(items, engine, rule_list, at, report_all, command, keep_inputs, on_phase)
    with open_engine(s) as chosen:
        items = chosen.extract(inputs, options or s.ingest, progress)
        return _check(items, chosen, rule_list, at, report_all, command, keep_inputs, on_phase)


def check_articles(
    articles: Iterable[Article],
    *,
    settings: Settings | None = None,
    store: str | Path | None = None,
    rules: RuleSelection | Sequence[Rule] | None = None,
    report_all: bool = False,
    jobs: int | None = None,
    command: str = "check",
) -> CheckResult:
    """:func:`check` of articles already read (a notebook's, an evaluation's), on this
    machine."""
    s = _settings(settings, jobs)
    rule_list = _rules(rules, s)
    engine = LocalEngine(s.jobs, s.article_timeout)
    items = extract_stream(articles, jobs=s.jobs, timeout=s.article_timeout)
    at = store if store is not None else s.store
    return _check(items, engine, rule_list, at, report_all, command, True, None)


def _settings(settings: Settings | None, jobs: int | None) -> Settings:
    s = settings or resolve_settings(None, {"jobs": 1})
    return s if jobs is None else dataclasses.replace(s, jobs=jobs)


def _rules(rules: RuleSelection | Sequence[Rule] | None, s: Settings) -> Sequence[Rule]:
    if isinstance(rules, Sequence):
        return rules
    return (rules or s.rules).load()


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
    with Store(store, blocking=BLOCKING) as db:
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

        def reported(i: Incident) -> bool:
            return report_all or any(c.claim_id in given_claims for c in i.claims)

        # a run that keeps no inputs (a large one's JSON) keeps no incidents either: each
        # part's go to the store as the parts are merged, and the result reads them back
        stream = not keep_inputs and not db.in_memory
        streamed: list[str] = []

        def sink(part: RuleOutcome) -> None:
            db.set_incidents(part.incidents, part.claim_incidents)
            streamed.extend(i.incident_id for i in part.incidents if reported(i))

        # the run's objects, alive to its end, out of the collector's scans (checker.run.heap)
        with frozen_heap():
            merged = engine.run_rules(rule_list, db, involving, sink if stream else None)
            outcome = order_outcome(rule_list, merged)
            result.findings = [locate_finding(f, given_ids, origins) for f in outcome.findings]
            result.errors.extend(outcome.errors)
            if stream:
                result.incidents = StoredIncidents(db.path, sorted(streamed))
            else:
                db.set_incidents(outcome.incidents, outcome.claim_incidents)
                result.incidents = [i for i in outcome.incidents if reported(i)]
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
