"""A rule run in independent parts: by blocking key, and by article.

Incidents (and so ``pair``, ``article_pair`` and ``incident`` subjects) never cross a block
of :func:`checker.engine.incidents.block_key` (category, subject class, unit, country,
scope, running total's start), and ``claim``/``article`` subjects never cross an article.
So a run can be split into

* **block parts**: whole blocking keys with their claims (and these claims' articles:
  incidents use the headlines and the copies), for the rules asking for a subject that
  lives in an incident (:data:`checker.engine.names.NAMES`); every such subject of the full
  run is built, whole, in exactly one part;
* **article parts**: chunks of whole articles with all their claims, for the rules asking
  for ``claim`` or ``article``;

and :func:`checker.engine.run_rules` over each part, merged (:func:`merge_outcomes`), gives
the findings of one run over everything. Claims keep their order in every part, so ties
sort as in one run. A part none of whose articles is in ``involving`` (the new articles of a
CI run) is left out: it cannot yield a subject to report.

:func:`stored_partitions` builds the parts from the store a part at a time, so checking
holds one part in memory, not the whole store; :func:`rule_partitions` builds the same parts
from lists. Parts depend on the claims only (not on the number of processes or workers),
so the local engine (parts on ``--jobs`` processes, or one after another) and the Dask
engine (parts on the workers) give the same outcome, down to which errors a rule raising
too often has listed.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import pickle
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from checker.engine import Rule, RuleOutcome, run_rules
from checker.engine.clustering import SERIES_WINDOW_DAYS
from checker.engine.incidents import EVENT_WINDOW_DAYS, block_key, claim_day
from checker.engine.names import NAMES
from checker.engine.runner import MAX_ERRORS_PER_RULE, error_summary, same_finding
from checker.records import Article, Claim, ErrorRecord
from checker.run.parallel import new_pool
from checker.run.plans import RulePlan
from checker.store import Store

#: subjects that live inside one blocking key (see checker.engine.incidents)
BLOCK_SUBJECTS = frozenset(n for n, v in NAMES.items() if v.lives_in == "incident")
#: subjects that live inside one article
ARTICLE_SUBJECTS = frozenset(n for n, v in NAMES.items() if v.lives_in == "article")
#: articles in one article part
ARTICLES_PER_PART = 2_000
#: claims in one block part (one blocking key larger than this is a part of its own)
CLAIMS_PER_PART = 20_000

BlockKey = tuple[str, str, str, str, str, str]
#: a blocking key, and which span of its days (event counts) -- the unit parts are made of
Unit = tuple[BlockKey, int]


class Spans:
    """Where a blocking key of event counts may be cut into spans of days.

    Event counts are paired only within EVENT_WINDOW_DAYS of each other, and cumulative
    counts (running totals) within SERIES_WINDOW_DAYS, so a key's claims fall apart where
    the days leave a wider gap: no incident spans it. A span also keeps every article's
    claims together (the engine weighs the pairs of two articles against each other). A key
    of the whole replicated archive (people killed in Aleppo, the war's toll in Syria) is so
    cut into the incidents of each period instead of one part that grows with the archive.
    """

    def __init__(self) -> None:
        self._articles: dict[BlockKey, dict[str, tuple[dt.date, dt.date]]] = {}
        self._starts: dict[BlockKey, list[dt.date]] = {}

    def add(self, key: BlockKey, c: Claim) -> None:
        day = claim_day(c)
        if day is None:
            return
        spans = self._articles.setdefault(key, {})
        lo, hi = spans.get(c.article_id, (day, day))
        spans[c.article_id] = (min(lo, day), max(hi, day))

    def close(self) -> None:
        """Compute the cuts (after every claim was added)."""
        for key, spans in self._articles.items():
            window = EVENT_WINDOW_DAYS if key[4] == "event" else SERIES_WINDOW_DAYS
            starts: list[dt.date] = []
            end: dt.date | None = None
            for lo, hi in sorted(spans.values()):
                if end is None or (lo - end).days > window:
                    starts.append(lo)
                    end = hi
                else:
                    end = max(end, hi)
            self._starts[key] = starts
        self._articles.clear()

    def unit(self, key: BlockKey, c: Claim) -> Unit:
        return self.unit_of(key, claim_day(c))

    def unit_of(self, key: BlockKey, day: dt.date | None) -> Unit:
        starts = self._starts.get(key)
        if not starts or day is None:
            return key, 0
        return key, bisect.bisect_right(starts, day) - 1


@dataclass(frozen=True)
class RulePartition:
    """One part of a rule run: the rules of one ``kind`` ("article": asking for claim or
    article; "block": pair, article_pair, group, series) over these articles and claims,
    keeping the subjects that involve ``involving`` (None: all)."""

    kind: str
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    involving: frozenset[str] | None


def _wanted(ids: Iterable[str], involving: Iterable[str] | None) -> frozenset[str] | None:
    if involving is None:
        return None
    return frozenset(ids) & frozenset(involving)


def _kinds(rules: Sequence[Rule]) -> tuple[bool, bool]:
    subjects = {r.subject for r in rules}
    return bool(subjects & ARTICLE_SUBJECTS), bool(subjects & BLOCK_SUBJECTS)


def assign_blocks(sizes: dict[Unit, int], claims_per_part: int) -> dict[Unit, int]:
    """Unit (blocking key and span) -> part number: as many parts as ``claims_per_part``
    asks for, filled largest unit first into the emptiest part (ties: first seen, lowest
    part)."""
    total = sum(sizes.values())
    parts = max(1, -(-total // max(1, claims_per_part)))
    order = sorted(enumerate(sizes.items()), key=lambda x: (-x[1][1], x[0]))
    heap = [(0, p) for p in range(parts)]
    slot: dict[Unit, int] = {}
    for _, (key, size) in order:
        load, p = heapq.heappop(heap)
        slot[key] = p
        heapq.heappush(heap, (load + size, p))
    return slot


def rule_partitions(
    rules: Sequence[Rule],
    articles: Sequence[Article],
    claims: Sequence[Claim],
    *,
    involving: Iterable[str] | None = None,
    claims_per_part: int = CLAIMS_PER_PART,
    articles_per_part: int = ARTICLES_PER_PART,
) -> list[RulePartition]:
    """The parts of a run of ``rules`` over these articles and claims (see the module)."""
    want_articles, want_blocks = _kinds(rules)
    wanted_ids = None if involving is None else frozenset(involving)
    out: list[RulePartition] = []
    if want_articles:
        by_article: dict[str, list[Claim]] = {}
        for c in claims:
            by_article.setdefault(c.article_id, []).append(c)
        for i in range(0, len(articles), max(1, articles_per_part)):
            chunk = tuple(articles[i : i + articles_per_part])
            held = tuple(c for a in chunk for c in by_article.pop(a.article_id, ()))
            part = _article_part(chunk, held, wanted_ids)
            if part is not None:
                out.append(part)
        # claims of articles not given (run_rules allows it) still reach the claim rules
        orphans = tuple(c for cs in by_article.values() for c in cs)
        part = _article_part((), orphans, wanted_ids) if orphans else None
        if part is not None:
            out.append(part)
    if want_blocks:
        keyed = [(k, c) for c in claims if (k := block_key(c)) is not None]
        spans = Spans()
        for key, c in keyed:
            spans.add(key, c)
        spans.close()
        units = [(spans.unit(key, c), c) for key, c in keyed]
        sizes = _block_sizes(units, wanted_ids)
        slot = assign_blocks(sizes, claims_per_part)
        buckets: dict[int, list[Claim]] = {}
        for unit, c in units:
            if unit in slot:
                buckets.setdefault(slot[unit], []).append(c)
        for p in sorted(buckets):
            ids = {c.article_id for c in buckets[p]}
            owners = tuple(a for a in articles if a.article_id in ids)
            out.append(_block_part(owners, buckets[p], wanted_ids))
    return out


def _article_part(
    chunk: tuple[Article, ...], held: tuple[Claim, ...], involving: frozenset[str] | None
) -> RulePartition | None:
    ids = [a.article_id for a in chunk] + [c.article_id for c in held]
    wanted = _wanted(ids, involving)
    if wanted is not None and not wanted:
        return None
    return RulePartition("article", chunk, held, wanted)


def _block_part(
    articles: tuple[Article, ...], claims: list[Claim], involving: frozenset[str] | None
) -> RulePartition:
    """A block part: its claims, with their articles (pairs use the headlines)."""
    return RulePartition(
        "block", articles, tuple(claims), _wanted((c.article_id for c in claims), involving)
    )


def _block_sizes(
    units: Iterable[tuple[Unit, Claim]], involving: frozenset[str] | None
) -> dict[Unit, int]:
    """Claims per unit (first seen first), only units with an involved claim."""
    sizes: dict[Unit, int] = {}
    touched: set[Unit] = set()
    for unit, c in units:
        sizes[unit] = sizes.get(unit, 0) + 1
        if involving is not None and c.article_id in involving:
            touched.add(unit)
    if involving is None:
        return sizes
    return {k: n for k, n in sizes.items() if k in touched}


def stored_partitions(
    rules: Sequence[Rule],
    db: Store,
    *,
    involving: Iterable[str] | None = None,
    claims_per_part: int = CLAIMS_PER_PART,
    articles_per_part: int = ARTICLES_PER_PART,
) -> Iterator[RulePartition]:
    """The parts :func:`rule_partitions` makes of everything in the store, read a part at a
    time, in two passes over the store: the first yields the article parts and counts the
    claims of each blocking key and day (where keys are cut: :class:`Spans`); the second
    sorts each claim into its block part's file in a private temporary folder (pickled),
    from which the block parts are then read one by one. Memory holds one chunk of articles
    and one part; time and disk grow linearly."""
    want_articles, want_blocks = _kinds(rules)
    wanted_ids = None if involving is None else frozenset(involving)
    spans = Spans()
    per_day: dict[tuple[BlockKey, dt.date | None], int] = {}  # claims a key holds each day
    touched_days: set[tuple[BlockKey, dt.date | None]] = set()
    for ids in _id_chunks(db, articles_per_part):
        claims = db.claims(ids)
        # a chunk without a wanted article yields no article part: its texts are not read
        if want_articles and (wanted_ids is None or not wanted_ids.isdisjoint(ids)):
            part = _article_part(tuple(db.articles(ids)), tuple(claims), wanted_ids)
            if part is not None:
                yield part
        if want_blocks:
            for c in claims:
                key = block_key(c)
                if key is None:
                    continue
                spans.add(key, c)
                day = (key, claim_day(c))
                per_day[day] = per_day.get(day, 0) + 1
                if wanted_ids is not None and c.article_id in wanted_ids:
                    touched_days.add(day)
    if not want_blocks:
        return
    spans.close()
    sizes: dict[Unit, int] = {}
    touched: set[Unit] = set()
    for (key, when), n in per_day.items():  # first seen first, as _block_sizes counts
        unit = spans.unit_of(key, when)
        sizes[unit] = sizes.get(unit, 0) + n
        if (key, when) in touched_days:
            touched.add(unit)
    del per_day, touched_days
    if wanted_ids is not None:
        sizes = {u: n for u, n in sizes.items() if u in touched}
    slot = assign_blocks(sizes, claims_per_part)
    with tempfile.TemporaryDirectory(prefix="checker-parts-") as tmp:
        files = {p: Path(tmp) / f"part-{p}.pickle" for p in sorted(set(slot.values()))}
        _spill(db, spans, slot, files, articles_per_part)
        for path in files.values():
            claims = _unspill(path)
            path.unlink()
            owners = tuple(db.articles(dict.fromkeys(c.article_id for c in claims)))
            yield _block_part(owners, claims, wanted_ids)


def _spill(
    db: Store, spans: Spans, slot: dict[Unit, int], files: dict[int, Path], articles_per_part: int
) -> None:
    """Append each stored claim of a unit in ``slot`` to its part's file, in order."""
    handles: dict[int, BinaryIO] = {}
    try:
        for p, path in files.items():
            handles[p] = path.open("wb")
        for ids in _id_chunks(db, articles_per_part):
            claims = db.claims(ids)
            held: dict[int, list[Claim]] = {}
            for c in claims:
                key = block_key(c)
                part_no = slot.get(spans.unit(key, c)) if key is not None else None
                if part_no is not None:
                    held.setdefault(part_no, []).append(c)
            for part_no, cs in held.items():
                pickle.dump(cs, handles[part_no], protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        for handle in handles.values():
            handle.close()


def _unspill(path: Path) -> list[Claim]:
    claims: list[Claim] = []
    with path.open("rb") as fh:
        while True:
            try:
                claims.extend(pickle.load(fh))
            except EOFError:
                return claims


def _id_chunks(db: Store, size: int) -> Iterator[list[str]]:
    """The stored articles' ids a chunk of ``size`` at a time (in the store's order)."""
    chunk: list[str] = []
    for article_id in db.article_ids():
        chunk.append(article_id)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_partition(rules: Sequence[Rule], part: RulePartition) -> RuleOutcome:
    """The rules of ``part.kind`` over one part."""
    subjects = ARTICLE_SUBJECTS if part.kind == "article" else BLOCK_SUBJECTS
    chosen = [r for r in rules if r.subject in subjects]
    involving = None if part.involving is None else set(part.involving)
    return run_rules(chosen, part.articles, part.claims, involving=involving)


def run_partitioned(
    rules: Sequence[Rule], parts: Iterable[RulePartition], jobs: int = 1
) -> RuleOutcome:
    """Every part, in this process one after another (``jobs`` 1) or on ``jobs`` processes
    (one part each at a time, the next read meanwhile); the outcomes merged in the order of
    the parts.

    A worker that dies (a rule killed its process, the system ran out of memory) breaks the
    pool: the parts it was running are run again, one at a time, each in a fresh process,
    and a part that kills that one too is recorded as an error naming it (its findings are
    missing); the other parts go on in a new pool."""
    if jobs <= 1:
        return merge_outcomes(rules, (run_partition(rules, p) for p in parts))
    plan = RulePlan.of(rules)
    outcomes: dict[int, RuleOutcome] = {}
    running: dict[Future[RuleOutcome], tuple[int, RulePartition]] = {}
    pool = new_pool(jobs)
    try:
        for i, part in enumerate(parts):
            running[pool.submit(run_planned, plan, part)] = (i, part)
            if len(running) >= jobs:  # one part per process: a part may be large
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                pool = _collect(plan, done, running, outcomes, pool, jobs)
        pool = _collect(plan, set(running), running, outcomes, pool, jobs)
    finally:
        pool.shutdown(cancel_futures=True)
    return merge_outcomes(rules, (outcomes[i] for i in sorted(outcomes)))


def _collect(
    plan: RulePlan,
    done: Iterable[Future[RuleOutcome]],
    running: dict[Future[RuleOutcome], tuple[int, RulePartition]],
    outcomes: dict[int, RuleOutcome],
    pool: ProcessPoolExecutor,
    jobs: int,
) -> ProcessPoolExecutor:
    """The outcomes of ``done`` into ``outcomes``; the pool to go on with (a new one if a
    worker died, after the parts that were running in it were run again alone)."""
    broken = False
    for future in list(done):
        i, part = running.pop(future)
        try:
            outcomes[i] = future.result()
        except BrokenProcessPool:
            broken = True
            running[future] = (i, part)  # run again below
    if not broken:
        return pool
    pool.shutdown(wait=False, cancel_futures=True)
    for i, part in sorted(running.values(), key=lambda x: x[0]):
        outcomes[i] = _run_alone(plan, i, part)
    running.clear()
    return new_pool(jobs)


def _run_alone(plan: RulePlan, i: int, part: RulePartition) -> RuleOutcome:
    """One part in a process of its own; an error naming it if that process dies too."""
    with new_pool(1) as alone:
        try:
            return alone.submit(run_planned, plan, part).result()
        except BrokenProcessPool:
            pass
    ids = sorted({c.article_id for c in part.claims} | {a.article_id for a in part.articles})
    named = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
    return RuleOutcome(
        errors=[
            ErrorRecord(
                stage="rule",
                claim_ids=tuple(c.claim_id for c in part.claims[:20]),
                message=f"the process checking part {i + 1} of the run ({part.kind} rules over "
                f"{len(part.claims)} claims of articles {named}) died twice (a rule that "
                "ends its process, or out of memory): no finding of that part is reported. "
                "Find the rule with --select, and fix it",
            )
        ]
    )


def run_planned(plan: RulePlan, part: RulePartition) -> RuleOutcome:
    """In another process: the plan's rules (rebuilt there) over one part."""
    return run_partition(plan.load(), part)


def merge_outcomes(rules: Sequence[Rule], outcomes: Iterable[RuleOutcome]) -> RuleOutcome:
    """One outcome from the outcomes of parts: findings de-duplicated by finding_id, calls
    added up, and each rule's errors listed up to MAX_ERRORS_PER_RULE (the first in order of
    claim ids), the others counted in ``unlisted`` (the parts' own counts added)."""
    out = RuleOutcome(calls={r.id: 0 for r in rules})
    seen: set[str] = set()
    incidents: set[str] = set()
    listed: dict[str | None, list[ErrorRecord]] = {}
    unlisted: dict[str, int] = {}
    for outcome in outcomes:
        for f in outcome.findings:
            key = same_finding(f)
            if key not in seen:
                seen.add(key)
                out.findings.append(f)
        for rid, n in outcome.calls.items():
            out.calls[rid] = out.calls.get(rid, 0) + n
        for inc in outcome.incidents:
            if inc.incident_id not in incidents:
                incidents.add(inc.incident_id)
                out.incidents.append(inc)
        out.claim_incidents.update(outcome.claim_incidents)
        for e in outcome.errors:
            if e.level == "warning" and e in listed.get(e.rule, ()):
                continue  # (a warning, such as a rule's print, is said once, not per part)
            listed.setdefault(e.rule, []).append(e)
        for rid, n in outcome.unlisted.items():
            unlisted[rid] = unlisted.get(rid, 0) + n
    rank = {r.id: i for i, r in enumerate(rules)}
    for rule_id in sorted(listed, key=lambda r: (rank.get(r or "", len(rank)), r or "")):
        errors = sorted(
            listed[rule_id], key=lambda e: (e.claim_ids, e.source or "", e.line or 0, e.message)
        )
        out.errors += errors[:MAX_ERRORS_PER_RULE]
        if len(errors) > MAX_ERRORS_PER_RULE and rule_id is not None:
            unlisted[rule_id] = unlisted.get(rule_id, 0) + len(errors) - MAX_ERRORS_PER_RULE
    out.unlisted = unlisted
    return out


def order_outcome(rules: Sequence[Rule], outcome: RuleOutcome) -> RuleOutcome:
    """The outcome as a run reports it, in one order whatever ran it: findings by rule (in
    the order the rules were loaded), then finding_id; errors by rule, then claim ids,
    place and message, each rule's count of unlisted errors worded after its own errors
    (:func:`~checker.engine.runner.error_summary`). The Dask engine runs partitions in any
    order; sorting both engines' outcomes makes them equal."""
    rank = {r.id: i for i, r in enumerate(rules)}
    last = len(rank)
    findings = sorted(
        outcome.findings, key=lambda f: (rank.get(f.rule, last), f.rule, f.finding_id)
    )
    summaries = [error_summary(rid, n) for rid, n in outcome.unlisted.items() if n > 0]
    errors = sorted(
        [*outcome.errors, *summaries],
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
