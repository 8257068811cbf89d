"""``checker check --engine dask``: extraction and the rules on a dask.distributed cluster.

The results are those of the local engine (:mod:`checker.run.local`): the same claims
in the store, the same findings in the same order, the same errors. Only where the work runs
changes:

* **Extraction** runs over partitions of the input. The client streams the articles with
  :func:`~checker.ingest.read_articles` (files are read where they are) and sends them in
  batches of :data:`~checker.run.local.BATCH_SIZE` to the workers, a window of a few batches
  per worker thread in flight, so neither the client nor a worker ever holds the whole input.
  Each batch's claims are one partition of a Dask DataFrame, the claims table, which is
  validated with pandera on the workers, partition by partition (:func:`_validate_partition`:
  ``ClaimSchema`` through :func:`checker.schema.validate_claims`, so a bad row becomes an
  ErrorRecord and the rest of its partition is kept). pandera's own Dask hook
  (``ClaimSchema.validate(dask_frame)``) would raise on the first bad partition instead.
  The client writes the claims to the SQLite store (a local file) in batches, in input order.
* **The rules** run over partitions of the blocking keys (and of the articles):
  :mod:`checker.run.stored` reads the store a part at a time, each part goes to a worker
  (a few per worker thread in flight), which runs :func:`checker.engine.run_rules` over it;
  the outcomes are merged as the local engine merges the same parts.
* **Rules on the workers** are rebuilt there from their source (:mod:`checker.run.plans`):
  rule modules are compiled with pytest's assertion rewriting under generated names, so
  their functions cannot be pickled by reference; the client ships each module's path and
  source, and a worker loads the file at that path when it holds the same source, else the
  shipped source, once per worker.

Workers need ``checker`` installed at the client's version (checked on connect), and nothing
else: they read no input and write no store.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from checker import __version__
from checker.engine import Rule, RuleOutcome
from checker.errors import UsageError
from checker.ingest import IngestOptions, read_articles
from checker.records import Article, Claim, ErrorRecord
from checker.run import PartSink, Progress
from checker.run.local import BATCH_SIZE, assemble_batch, records_in, skips_extraction
from checker.run.parallel import default_jobs, extract_one, warning_of
from checker.run.partitions import merge_outcomes, run_partition
from checker.run.parts import (
    ARTICLES_PER_PART,
    CLAIMS_PER_PART,
    RulePartition,
    batches,
    rule_partitions,
)
from checker.run.plans import RulePlan
from checker.run.stored import stored_partitions
from checker.schema import claims_to_frame, frame_to_claims, validate_claims
from checker.store import Store

#: rule parts in flight per worker thread
PARTS_PER_THREAD = 2
#: extraction batches in flight per worker thread, per window (two windows are in flight)
BATCHES_PER_THREAD = 2
#: how long to wait for a scheduler, and for its first worker
CONNECT_TIMEOUT_S = 30


# -- the cluster ---------------------------------------------------------------------------


@contextmanager
def connect(
    scheduler: str | None = None,
    *,
    workers: int | None = None,
    timeout: float = CONNECT_TIMEOUT_S,
) -> Iterator[Any]:
    """A ``distributed.Client``: of the scheduler at ``scheduler`` (``tcp://host:8786``), or
    of a local cluster of ``workers`` single-threaded processes (default: all cores).

    Raises :class:`~checker.errors.UsageError` when the scheduler cannot be reached, has no
    worker, or its workers run another checker version (or none).
    """
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout=timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            raise UsageError(
                f"cannot reach the Dask scheduler at {scheduler} ({type(exc).__name__}: {exc}); "
                "start one with `dask scheduler` and workers with `dask worker ADDRESS`, or "
                "leave out --scheduler for a cluster on this machine"
            ) from exc
        with client:
            _check_workers(client, scheduler, timeout)
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers or default_jobs(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _check_workers(client: Any, where: str, timeout: float) -> None:
    try:
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError as exc:
        raise UsageError(
            f"the Dask scheduler at {where} has no worker after {timeout:g} s; start "
            f"some with `dask worker {where}`"
        ) from exc
    try:
        versions: dict[str, str] = client.run(_checker_version)
    except Exception as exc:  # a worker that cannot unpickle the call has no checker
        raise UsageError(
            f"the Dask workers of {where} cannot run checker ({type(exc).__name__}: {exc}); "
            f"install checker {__version__} (pip install 'checker[dask]') where they run"
        ) from exc
    wrong = {w: v for w, v in versions.items() if v != __version__}
    if wrong:
        shown = ", ".join(f"{w} has {v}" for w, v in sorted(wrong.items()))
        raise UsageError(
            f"the Dask workers of {where} run another checker version than this one "
            f"({__version__}): {shown}; install the same version everywhere"
        )


def _checker_version() -> str:
    import checker

    return checker.__version__


def _threads(client: Any) -> int:
    return max(1, sum(client.nthreads().values()))


# -- the engine ----------------------------------------------------------------------------


@dataclass
class DaskEngine:
    """The :class:`checker.run.Engine` of a dask.distributed ``client``."""

    client: Any

    def extract(
        self,
        inputs: Sequence[str | Path],
        options: IngestOptions | None,
        progress: Progress | None,
    ) -> Iterator[tuple[Article, list[Claim]] | ErrorRecord]:
        return extract_dask(inputs, options, client=self.client, progress=progress)

    def run_rules(
        self,
        rules: Sequence[Rule],
        db: Store,
        involving: set[str] | None,
        sink: PartSink | None = None,
    ) -> RuleOutcome:
        parts = stored_partitions(rules, db, involving=involving)
        return _run_parts(self.client, rules, parts, sink)


# -- extraction ----------------------------------------------------------------------------


ExtractedPartition = tuple[list[ErrorRecord | None], pd.DataFrame]


def extract_dask(
    inputs: Sequence[str | Path],
    options: IngestOptions | None = None,
    *,
    client: Any,
    progress: Progress | None = None,
) -> Iterator[tuple[Article, list[Claim]] | ErrorRecord]:
    """:class:`~checker.run.local.LocalEngine`'s extraction with the extraction and
    validation on ``client``'s workers: the same stream, in input order."""
    window_size = BATCHES_PER_THREAD * _threads(client)
    pending: deque[tuple[list[list[Article | ErrorRecord]], Any, Any]] = deque()
    window: list[list[Article | ErrorRecord]] = []
    for batch in batches(read_articles(inputs, options), BATCH_SIZE):
        window.append(batch)
        if len(window) >= window_size:
            pending.append(_submit_window(client, window))
            window = []
            if len(pending) > 1:  # keep one window computing while this one is gathered
                yield from _gather_window(client, pending.popleft(), progress)
    if window:
        pending.append(_submit_window(client, window))
    while pending:
        yield from _gather_window(client, pending.popleft(), progress)


def _submit_window(
    client: Any, window: list[list[Article | ErrorRecord]]
) -> tuple[list[list[Article | ErrorRecord]], Any, Any]:
    """Extract each batch of ``window`` on the workers; validate the claims table (one
    partition a batch) there too. Returns the futures of both."""
    import dask
    import dask.dataframe as dd

    articles = [[a for a in batch if isinstance(a, Article)] for batch in window]
    extracted = client.map(_extract_partition, articles, pure=False)
    frames = client.map(_frame_of, extracted)
    with dask.config.set({"dataframe.convert-string": False}):
        table = dd.from_delayed(frames, meta=claims_to_frame([]), verify_meta=False)
    checked = client.compute([dask.delayed(_validate_partition)(p) for p in table.to_delayed()])
    failures = client.map(_failures_of, extracted)
    return window, failures, checked


def _gather_window(
    client: Any,
    submitted: tuple[list[list[Article | ErrorRecord]], Any, Any],
    progress: Progress | None,
) -> Iterator[tuple[Article, list[Claim]] | ErrorRecord]:
    window, failures, checked = submitted
    for batch, fail, done in zip(
        window, client.gather(failures), client.gather(checked), strict=True
    ):
        claims, schema_errors = done
        yield from assemble_batch(batch, fail, claims, schema_errors)
        if progress:
            progress(records_in(batch))


def _extract_partition(articles: Sequence[Article]) -> ExtractedPartition:
    """On a worker: the claims of a batch of articles as a (raw) claims table, and for each
    article the ErrorRecord of a failed extraction or None."""
    failures: list[ErrorRecord | None] = []
    claims: list[Claim] = []
    for article in articles:
        result = [] if skips_extraction(article) else extract_one(article)
        if isinstance(result, ErrorRecord):
            failures.append(result)
        else:
            failures.append(warning_of(result))
            claims.extend(result)
    return failures, claims_to_frame(claims)


def _frame_of(part: ExtractedPartition) -> pd.DataFrame:
    return part[1]


def _failures_of(part: ExtractedPartition) -> list[ErrorRecord | None]:
    return part[0]


def _validate_partition(frame: pd.DataFrame) -> tuple[list[Claim], list[ErrorRecord]]:
    """On a worker: one partition of the claims table through pandera (``ClaimSchema``, lazy);
    the claims that pass, and an ErrorRecord for each failure."""
    valid, errors = validate_claims(frame)
    return frame_to_claims(valid), errors


# -- the rules -----------------------------------------------------------------------------


def run_rules_dask(
    rules: Sequence[Rule],
    articles: Sequence[Article],
    claims: Sequence[Claim],
    *,
    involving: set[str] | None = None,
    client: Any,
    claims_per_part: int = CLAIMS_PER_PART,
    articles_per_part: int = ARTICLES_PER_PART,
) -> RuleOutcome:
    """:func:`checker.engine.run_rules` over parts of the blocking keys and of the articles
    (:func:`checker.run.parts.rule_partitions`) on ``client``'s workers; the merged
    outcome (sort it with :func:`checker.run.partitions.order_outcome` for the local order)."""
    parts = rule_partitions(
        rules,
        articles,
        claims,
        involving=involving,
        claims_per_part=claims_per_part,
        articles_per_part=articles_per_part,
    )
    return _run_parts(client, rules, parts)


def _run_parts(
    client: Any,
    rules: Sequence[Rule],
    parts: Iterable[RulePartition],
    sink: PartSink | None = None,
) -> RuleOutcome:
    """Each part on a worker, a few per worker thread in flight (``parts`` may be read from
    the store as they go, and each is let go once done); the outcomes merged in the order
    of the parts."""
    from distributed import as_completed

    plan = client.scatter(RulePlan.of(rules), broadcast=True)
    ahead = PARTS_PER_THREAD * _threads(client)
    running = as_completed()
    index: dict[str, int] = {}
    outcomes: dict[int, RuleOutcome] = {}

    def collect(done: Any) -> None:
        outcomes[index.pop(done.key)] = done.result()
        done.release()

    for i, part in enumerate(parts):
        future = client.submit(_run_partition, part, plan, pure=False)
        index[future.key] = i
        running.add(future)
        while running.count() >= ahead:
            collect(next(running))
    for done in running:
        collect(done)
    return merge_outcomes(rules, (outcomes[i] for i in sorted(outcomes)), sink)


def _run_partition(part: RulePartition, plan: RulePlan) -> RuleOutcome:
    """On a worker: the rules of ``part.kind`` over the part."""
    return run_partition(plan.load(), part)
