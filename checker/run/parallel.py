"""Extraction over processes: ``--jobs N`` on one machine.

Extraction is pure (an Article in, Claims out), so articles are farmed out to worker
processes in chunks and the results come back in input order: ``--jobs 4`` gives exactly
what ``--jobs 1`` gives. An exception in the extractor becomes an ErrorRecord naming the
article, never a crashed run; so does an article whose extraction runs over its time budget
(:data:`ARTICLE_TIMEOUT`, in whichever process extracts it). Worker processes die with the
process that started them (:func:`worker_init`), and a pool that loses a worker is replaced:
the batch it was extracting is extracted again here.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import functools
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import CancelledError, Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from checker.budget import ARTICLE_TIMEOUT, time_limit
from checker.errors import BudgetExceeded
from checker.extract.claims import extract_article
from checker.records import Article, Claim, ErrorRecord
from checker.run import heap


class Claims(list[Claim]):
    """An article's claims, and the warning extraction recorded about it, if any (a part of
    it left unread): a list, so it goes wherever a list of claims went."""

    warning: ErrorRecord | None = None


ExtractResult = list[Claim] | ErrorRecord


def warning_of(result: ExtractResult) -> ErrorRecord | None:
    """The warning an extraction result carries (None for most)."""
    return getattr(result, "warning", None)


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_WARM = threading.Event()


def warm_up() -> None:
    """Load what extraction loads on first use (quantulum3, dateparser's data: seconds on
    a loaded machine), once per process, outside any article's time budget."""
    if _WARM.is_set():
        return
    _WARM.set()
    with contextlib.suppress(Exception):
        text = "Seventy-six people were killed in Idlib on Monday, the ministry said."
        extract_article(Article("warm-up", "x", dt.date(2019, 6, 24), "Six killed", text))


def extract_one(article: Article, timeout: float | None = ARTICLE_TIMEOUT) -> ExtractResult:
    """Claims of one article, or an ErrorRecord saying which article broke the extractor or
    ran over ``timeout`` seconds."""
    warm_up()
    try:
        with time_limit(timeout, f"extracting article {article.article_id}"):
            done = extract_article(article)
    except BudgetExceeded as exc:
        return ErrorRecord(
            stage="extract",
            article_id=article.article_id,
            source=article.origin,
            exception=f"BudgetExceeded: {exc}",
            message=f"extraction ran over its time budget of {exc.seconds:g} s "
            f"({len(article.text):,} characters of text) and was stopped; the article is kept "
            "out. If it is a real article, raise article_timeout in [tool.checker]; either "
            "way, please report it with the article.",
        )
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
    claims = Claims(done.claims)
    if done.notes:
        claims.warning = ErrorRecord(
            stage="extract",
            level="warning",
            article_id=article.article_id,
            source=article.origin,
            message=f"{'; '.join(done.notes)}; the article is kept with the claims found",
        )
    return claims


def _extract_chunk(
    articles: Sequence[Article], timeout: float | None = ARTICLE_TIMEOUT
) -> list[ExtractResult]:
    return [extract_one(a, timeout) for a in articles]


# -- worker processes ------------------------------------------------------------------


def worker_init() -> None:
    """In each pool worker: die with the parent, leave Ctrl-C to it, keep off its stdout.

    On Linux the kernel kills the worker when the process that started it dies
    (``PR_SET_PDEATHSIG``), however it dies (``kill -9`` too); elsewhere, and as a second
    guard, a thread ends the worker once its parent is gone. File descriptor 1 is pointed
    at standard error, so nothing a worker writes can reach the report on standard output.
    """
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG = 1
    if os.getppid() != parent:  # the parent died before the kernel was asked to tell
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    with contextlib.suppress(OSError, ValueError):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        os.dup2(2, 1)


def _watch_parent(parent: int, every: float = 1.0) -> None:
    while True:
        time.sleep(every)
        if os.getppid() != parent:
            os._exit(1)


def new_pool(jobs: int) -> ProcessPoolExecutor:
    """A process pool whose workers die with this process (:func:`worker_init`)."""
    return ProcessPoolExecutor(max_workers=jobs, initializer=worker_init)


def make_executor(jobs: int) -> Executor | None:
    """A process pool for ``jobs`` > 1 (None means: extract in this process)."""
    return new_pool(jobs) if jobs > 1 else None


def map_extract(
    articles: Sequence[Article],
    executor: Executor | None,
    timeout: float | None = ARTICLE_TIMEOUT,
    *,
    workers: int = 2,
) -> list[ExtractResult]:
    """Extract every article, in order, on the executor's ``workers`` processes (or here):
    four chunks a worker, so a slow chunk holds up little."""
    return submit_extract(articles, executor, timeout, workers=workers)()


def submit_extract(
    articles: Sequence[Article],
    executor: Executor | None,
    timeout: float | None = ARTICLE_TIMEOUT,
    *,
    workers: int = 2,
) -> Callable[[], list[ExtractResult]]:
    """:func:`map_extract` started: the chunks are handed to the executor now, and the
    function returned waits for their results (in order). In this process (no executor),
    the articles are extracted when it is called."""
    if executor is None or len(articles) < 2:
        return functools.partial(_extract_chunk, articles, timeout)
    size = max(1, -(-len(articles) // (workers * 4)))
    chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
    task = functools.partial(_extract_chunk, timeout=timeout)
    results = executor.map(task, chunks)
    return lambda: [r for chunk in results for r in chunk]


class ExtractPool:
    """``--jobs`` processes extracting batches of articles; a pool that breaks (a worker
    killed: out of memory, a signal) is replaced, and its batch extracted here instead."""

    def __init__(self, jobs: int, timeout: float | None = ARTICLE_TIMEOUT) -> None:
        self.jobs = jobs
        self.timeout = timeout
        self._executor: Executor | None = None
        self._started = False

    def _pool(self, articles: Sequence[Article]) -> Executor | None:
        """The pool, started on the first batch worth farming out (none for one article),
        after this process has loaded what extraction loads (:func:`warm_up`): forked
        workers then start with it, instead of each loading it again. What is loaded is
        left out of the garbage collector's scans until the pool closes (:mod:`heap`), here
        and in the workers, which then neither scan it nor copy its pages."""
        if not self._started and len(articles) > 1 and self.jobs > 1:
            self._started = True
            warm_up()
            heap.freeze()
            self._executor = make_executor(self.jobs)
        return self._executor

    def map(self, articles: Sequence[Article]) -> list[ExtractResult]:
        return self.submit(articles)()

    def submit(self, articles: Sequence[Article]) -> Callable[[], list[ExtractResult]]:
        """Start extracting ``articles``; the function returned gives their results, in
        order (a batch can be read meanwhile). A pool broken on the way is replaced and the
        articles extracted here; so are those of other submissions still waiting on the
        broken pool (several are in flight), which leave its replacement alone."""
        executor = self._pool(articles)
        try:
            pending = submit_extract(articles, executor, self.timeout, workers=self.jobs)
        except BrokenProcessPool:
            self._replace(executor)
            return functools.partial(_extract_chunk, articles, self.timeout)

        def results() -> list[ExtractResult]:
            try:
                return pending()
            except (BrokenProcessPool, CancelledError):
                self._replace(executor)
                return _extract_chunk(articles, self.timeout)

        return results

    def _replace(self, broken: Executor | None) -> None:
        """A new pool for ``broken`` (unless it was replaced already)."""
        if broken is not self._executor:
            return
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = make_executor(self.jobs) if self._started else None

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None
        if self._started:
            heap.unfreeze()
            self._started = False
