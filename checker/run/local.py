"""The local engine: extraction in batches on ``--jobs`` processes of this machine, then the
rules over the store a part at a time (:mod:`checker.run.partitions`: memory holds a few
parts). The batching, the order of the stream and the assembly of a batch's claims with its
errors are shared with the Dask engine, so both yield the same stream."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from checker.engine import Rule, RuleOutcome
from checker.ingest import IngestOptions, read_articles
from checker.ingest.language import ENGLISH, prefetch_model
from checker.ingest.position import locate_claims
from checker.records import Article, Claim, ErrorRecord
from checker.run import PartSink, Progress, heap
from checker.run.parallel import ARTICLE_TIMEOUT, ExtractPool, ExtractResult, warning_of
from checker.run.partitions import run_partitioned
from checker.run.parts import batches
from checker.run.stored import stored_partitions
from checker.store import Store

#: articles extracted, validated and stored together (one transaction each)
BATCH_SIZE = 200
#: batches handed to the pool ahead of the one being validated and stored: this process's
#: own work on a batch (reading, validating, storing: and once, loading pandas, pandera and
#: the language model) then overlaps the pool's on two others, so the pool is not left
#: waiting for the next batch; results come in the input's order whatever the number
AHEAD = 2
#: articles handed to the pool together while a batch is read (in its chunks)
SUBMIT_EVERY = 25
#: input records read, on processes, from which the run is taken for a long one and the
#: language model is loaded ahead in a thread (:func:`~checker.ingest.language.prefetch_model`):
#: it then loads while the first batch is read and the pool starts, on the core they leave idle
PREFETCH_AFTER = 50

Extracted = tuple[Article, list[Claim]] | ErrorRecord
T = TypeVar("T")


def records_in(batch: Sequence[Article | ErrorRecord]) -> int:
    """How many input records a batch stands for (what progress counts): its articles and
    the records lost to an error; a warning about a kept article is not one more."""
    return sum(
        1 for x in batch if isinstance(x, Article) or (x.level == "error" and x.line is not None)
    )


def skips_extraction(article: Article) -> bool:
    """Whether ``article`` gets no claims: its text is not English (``Article.language`` set
    and not "en"; ingestion has recorded a warning saying so). The extractor reads English,
    and on other languages would make wrong English claims. Both engines (this module's and
    :mod:`checker.run.dask`) ask this before extracting, so ``checker extract`` and
    ``checker check`` agree and the extraction code need not know."""
    return article.language is not None and article.language != ENGLISH


def extract_batch(batch: Sequence[Article | ErrorRecord], pool: ExtractPool) -> Iterator[Extracted]:
    """One batch extracted on ``pool``, its claims validated, in input order."""
    return start_batch(batch, pool)()


def start_batch(
    batch: Sequence[Article | ErrorRecord], pool: ExtractPool
) -> Callable[[], Iterator[Extracted]]:
    """:func:`extract_batch` started on ``pool``: the function returned waits for the
    extraction, then validates and assembles (the next batch can be read meanwhile)."""
    articles = [a for a in batch if isinstance(a, Article)]
    todo = [a for a in articles if not skips_extraction(a)]
    pending = pool.submit(todo) if todo else list
    return lambda: _finish_batch(batch, articles, pending())


def _finish_batch(
    batch: Sequence[Article | ErrorRecord],
    articles: Sequence[Article],
    results: Sequence[list[Claim] | ErrorRecord],
) -> Iterator[Extracted]:
    done = iter(results)
    extracted: list[list[Claim] | ErrorRecord] = [
        [] if skips_extraction(a) else next(done) for a in articles
    ]
    all_claims = [c for r in extracted if not isinstance(r, ErrorRecord) for c in r]
    failures = [r if isinstance(r, ErrorRecord) else warning_of(r) for r in extracted]
    return assemble_batch(batch, failures, *validated(all_claims))


def validated(claims: list[Claim]) -> tuple[list[Claim], list[ErrorRecord]]:
    """The claims that pass the claims table's schema (:class:`checker.schema.ClaimSchema`,
    the one home of the table's checks), and an ErrorRecord per failure. The schema is
    imported on the first batch's return, not with this module: pandas and pandera are half
    a second, which the processes extracting the first batch need not wait for."""
    from checker.schema import claims_to_frame, frame_to_claims, validate_claims

    valid, schema_errors = validate_claims(claims_to_frame(claims))
    return frame_to_claims(valid), schema_errors


def assemble_batch(
    batch: Sequence[Article | ErrorRecord],
    failures: Sequence[ErrorRecord | None],
    claims: Iterable[Claim],
    schema_errors: Iterable[ErrorRecord],
) -> Iterator[Extracted]:
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


def extract_stream(
    items: Iterable[Article | ErrorRecord],
    *,
    jobs: int = 1,
    progress: Progress | None = None,
    timeout: float | None = ARTICLE_TIMEOUT,
) -> Iterator[Extracted]:
    """``(article, claims)`` for every article of ``items`` (ErrorRecords passed on), in
    order, extracted a batch at a time on ``jobs`` processes."""
    pool = ExtractPool(jobs, timeout)
    if jobs <= 1:  # here, one batch at a time: the first article out after one batch read
        frozen = False
        try:
            for batch in batches(items, BATCH_SIZE):
                yield from extract_batch(batch, pool)
                if not frozen:  # what extraction loaded, out of the collector's scans
                    heap.freeze()
                    frozen = True
                if progress:
                    progress(records_in(batch))
        finally:
            pool.close()
            if frozen:
                heap.unfreeze()
        return
    # on processes, AHEAD batches ahead: the next batches are read (and handed to the pool)
    # while the pool extracts this one; the stream's order is the input's
    pending: deque[tuple[list[Article | ErrorRecord], Callable[[], Iterator[Extracted]]]]
    pending = deque()
    try:
        for batch, started in started_batches(_prefetching(items), pool):
            pending.append((batch, started))
            if len(pending) > AHEAD:
                done, finish = pending.popleft()
                yield from finish()
                if progress:
                    progress(records_in(done))
        while pending:
            done, finish = pending.popleft()
            yield from finish()
            if progress:
                progress(records_in(done))
    finally:
        pool.close()


def started_batches(
    items: Iterable[Article | ErrorRecord], pool: ExtractPool
) -> Iterator[tuple[list[Article | ErrorRecord], Callable[[], Iterator[Extracted]]]]:
    """The batches of ``items`` (as :func:`batches`), each with the function that waits for
    its extraction, then validates and assembles it (as :func:`start_batch`'s); its articles
    are handed to ``pool`` :data:`SUBMIT_EVERY` at a time while the batch is read, so the
    pool starts on the first of them, not once the whole batch is in."""
    batch: list[Article | ErrorRecord] = []
    articles: list[Article] = []
    todo: list[Article] = []
    pending: list[Callable[[], list[ExtractResult]]] = []
    for item in items:
        batch.append(item)
        if isinstance(item, Article):
            articles.append(item)
            if not skips_extraction(item):
                todo.append(item)
                if len(todo) >= SUBMIT_EVERY:
                    pending.append(pool.submit(todo))
                    todo = []
        if len(batch) >= BATCH_SIZE:
            yield batch, _finisher(batch, articles, todo, pending, pool)
            batch, articles, todo, pending = [], [], [], []
    if batch:
        yield batch, _finisher(batch, articles, todo, pending, pool)


def _finisher(
    batch: list[Article | ErrorRecord],
    articles: list[Article],
    todo: list[Article],
    pending: list[Callable[[], list[ExtractResult]]],
    pool: ExtractPool,
) -> Callable[[], Iterator[Extracted]]:
    if todo:
        pending.append(pool.submit(todo))
    return lambda: _finish_batch(batch, articles, [r for p in pending for r in p()])


def _prefetching(items: Iterable[T], after: int = PREFETCH_AFTER) -> Iterator[T]:
    """``items``, the language model's load started in a thread once ``after`` are read."""
    for n, item in enumerate(items, 1):
        if n == after:
            prefetch_model()
        yield item


@dataclass
class LocalEngine:
    """Extraction, then the rules, on ``jobs`` processes of this machine; the rules over the
    store a part at a time (:mod:`checker.run.partitions`: memory holds a few parts)."""

    jobs: int = 1
    #: seconds extracting one article may take
    article_timeout: float | None = ARTICLE_TIMEOUT

    def extract(
        self,
        inputs: Sequence[str | Path],
        options: IngestOptions | None,
        progress: Progress | None,
    ) -> Iterator[Extracted]:
        return extract_stream(
            read_articles(inputs, options),
            jobs=self.jobs,
            progress=progress,
            timeout=self.article_timeout,
        )

    def run_rules(
        self,
        rules: Sequence[Rule],
        db: Store,
        involving: set[str] | None,
        sink: PartSink | None = None,
    ) -> RuleOutcome:
        parts = stored_partitions(rules, db, involving=involving)
        return run_partitioned(rules, parts, jobs=self.jobs, sink=sink)
