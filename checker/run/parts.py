"""A rule run in independent parts: what a part is, and how claims are sorted into parts.

Incidents (and so ``pair``, ``article_pair`` and ``incident`` subjects) never cross a block
of :func:`checker.engine.incidents.block_key` (category, subject class, unit, country,
scope, running total's start), and ``claim``/``article`` subjects never cross an article.
So a run can be split into

* **block parts**: whole blocking keys (cut into spans of days where no incident can span
  the gap: :class:`Spans`) with their claims (and these claims' articles: incidents use the
  headlines and the copies), for the rules asking for a subject that lives in an incident
  (:data:`checker.engine.names.NAMES`); every such subject of the full run is built, whole,
  in exactly one part;
* **article parts**: chunks of whole articles with all their claims, for the rules asking
  for ``claim`` or ``article``;

and :func:`checker.engine.run_rules` over each part, merged
(:func:`checker.run.partitions.merge_outcomes`), gives the findings of one run over
everything. Claims keep their order in every part, so ties sort as in one run. A part none
of whose articles is in ``involving`` (the new articles of a CI run) is left out: it cannot
yield a subject to report.

:func:`rule_partitions` makes the parts from lists; :mod:`checker.run.stored` makes the same
parts from the store. Parts depend on the claims only (not on the number of processes or
workers), so every engine gives the same outcome.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from checker.engine import Rule
from checker.engine.clustering import SERIES_WINDOW_DAYS
from checker.engine.incidents import EVENT_WINDOW_DAYS, block_key, claim_day
from checker.engine.names import NAMES
from checker.records import Article, Claim

#: subjects that live inside one blocking key (see checker.engine.incidents)
BLOCK_SUBJECTS = frozenset(n for n, v in NAMES.items() if v.lives_in == "incident")
#: subjects that live inside one article
ARTICLE_SUBJECTS = frozenset(n for n, v in NAMES.items() if v.lives_in == "article")
#: articles in one article part
ARTICLES_PER_PART = 1_000
#: claims in one block part (one blocking key larger than this is a part of its own)
CLAIMS_PER_PART = 10_000

T = TypeVar("T")
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
            self._starts[key] = span_starts(key, spans.values())
        self._articles.clear()

    def unit(self, key: BlockKey, c: Claim) -> Unit:
        return self.unit_of(key, claim_day(c))

    def unit_of(self, key: BlockKey, day: dt.date | None) -> Unit:
        starts = self._starts.get(key)
        if not starts or day is None:
            return key, 0
        return key, bisect.bisect_right(starts, day) - 1


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter), as they come: the batches of
    extraction, the chunks of articles a part holds."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def span_starts(key: BlockKey, spans: Iterable[tuple[dt.date, dt.date]]) -> list[dt.date]:
    """Where the spans of ``key`` start, given each article's first and last day in it
    (see :class:`Spans`; :mod:`checker.run.stored` cuts the store's blocks with it too)."""
    window = EVENT_WINDOW_DAYS if key[4] == "event" else SERIES_WINDOW_DAYS
    starts: list[dt.date] = []
    end: dt.date | None = None
    for lo, hi in sorted(spans):
        if end is None or (lo - end).days > window:
            starts.append(lo)
            end = hi
        else:
            end = max(end, hi)
    return starts


@dataclass(frozen=True)
class RulePartition:
    """One part of a rule run: the rules of one ``kind`` ("article": asking for claim or
    article; "block": pair, article_pair, group, series) over these articles and claims,
    keeping the subjects that involve ``involving`` (None: all)."""

    kind: str
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    involving: frozenset[str] | None
    #: the originals, in the run, of this part's copies: a copy whose original is in the
    #: run is folded into it (its original speaks for it) in every part
    originals: frozenset[str] = frozenset()


def wanted_of(ids: Iterable[str], involving: Iterable[str] | None) -> frozenset[str] | None:
    if involving is None:
        return None
    return frozenset(ids) & frozenset(involving)


def rule_kinds(rules: Sequence[Rule]) -> tuple[bool, bool]:
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
    want_articles, want_blocks = rule_kinds(rules)
    wanted_ids = None if involving is None else frozenset(involving)
    given = {a.article_id for a in articles}

    def present(ids: Iterable[str]) -> frozenset[str]:
        return frozenset(i for i in ids if i in given)

    out: list[RulePartition] = []
    if want_articles:
        by_article: dict[str, list[Claim]] = {}
        for c in claims:
            by_article.setdefault(c.article_id, []).append(c)
        for i in range(0, len(articles), max(1, articles_per_part)):
            chunk = tuple(articles[i : i + articles_per_part])
            held = tuple(c for a in chunk for c in by_article.pop(a.article_id, ()))
            part = article_part(chunk, held, wanted_ids, present(copied(chunk)))
            if part is not None:
                out.append(part)
        # claims of articles not given (run_rules allows it) still reach the claim rules
        orphans = tuple(c for cs in by_article.values() for c in cs)
        part = article_part((), orphans, wanted_ids) if orphans else None
        if part is not None:
            out.append(part)
    if want_blocks:
        keyed = [(k, c) for c in claims if (k := block_key(c)) is not None]
        spans = Spans()
        for key, c in keyed:
            spans.add(key, c)
        spans.close()
        units = [(spans.unit(key, c), c) for key, c in keyed]
        sizes = block_sizes(units, wanted_ids)
        slot = assign_blocks(sizes, claims_per_part)
        buckets: dict[int, list[Claim]] = {}
        for unit, c in units:
            if unit in slot:
                buckets.setdefault(slot[unit], []).append(c)
        for p in sorted(buckets):
            ids = {c.article_id for c in buckets[p]}
            owners = tuple(a for a in articles if a.article_id in ids)
            out.append(block_part(owners, buckets[p], wanted_ids, present(copied(owners))))
    return out


def copied(articles: Iterable[Article]) -> set[str]:
    """The articles these are copies of (``copy_of``)."""
    return {a.copy_of for a in articles if a.copy_of}


def article_part(
    chunk: tuple[Article, ...],
    held: tuple[Claim, ...],
    involving: frozenset[str] | None,
    originals: frozenset[str] = frozenset(),
) -> RulePartition | None:
    """An article part (None: it holds no article of ``involving``); ``originals``: the
    articles of the run its copies are copies of (:attr:`RulePartition.originals`)."""
    ids = [a.article_id for a in chunk] + [c.article_id for c in held]
    wanted = wanted_of(ids, involving)
    if wanted is not None and not wanted:
        return None
    return RulePartition("article", chunk, held, wanted, originals)


def block_part(
    articles: tuple[Article, ...],
    claims: list[Claim],
    involving: frozenset[str] | None,
    originals: frozenset[str] = frozenset(),
) -> RulePartition:
    """A block part: its claims, with their articles (pairs use the headlines)."""
    wanted = wanted_of((c.article_id for c in claims), involving)
    return RulePartition("block", articles, tuple(claims), wanted, originals)


def block_sizes(
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
