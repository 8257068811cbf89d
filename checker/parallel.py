"""Extraction over processes: ``--jobs N`` on one machine.

Extraction is pure (an Article in, Claims out), so articles are farmed out to worker
processes in chunks and the results come back in input order: ``--jobs 4`` gives exactly
what ``--jobs 1`` gives. An exception in the extractor becomes an ErrorRecord naming the
article, never a crashed run.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Sequence
from concurrent.futures import Executor, ProcessPoolExecutor

from checker.extract import extract_claims
from checker.records import Article, Claim, ErrorRecord

ExtractResult = list[Claim] | ErrorRecord


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_one(article: Article) -> ExtractResult:
    """Claims of one article, or an ErrorRecord saying which article broke the extractor."""
    try:
        return extract_claims(article)
    except Exception as exc:
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        return ErrorRecord(
            stage="extract",
            article_id=article.article_id,
            source=article.origin,
            exception=f"{type(exc).__name__}: {exc}",
            message=f"extraction failed ({type(exc).__name__}: {exc} at "
            f"{os.path.basename(frame.filename)}:{frame.lineno}); the article is kept out. "
            "Please report it with the article.",
        )


def _extract_chunk(articles: Sequence[Article]) -> list[ExtractResult]:
    return [extract_one(a) for a in articles]


def make_executor(jobs: int) -> Executor | None:
    """A process pool for ``jobs`` > 1 (None means: extract in this process)."""
    return ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else None


def map_extract(articles: Sequence[Article], executor: Executor | None) -> list[ExtractResult]:
    """Extract every article, in order, on the executor's processes (or here)."""
    if executor is None or len(articles) < 2:
        return _extract_chunk(articles)
    workers = getattr(executor, "_max_workers", 2)
    size = max(1, -(-len(articles) // (workers * 4)))
    chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
    return [r for chunk in executor.map(_extract_chunk, chunks) for r in chunk]
