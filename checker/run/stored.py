"""The parts of a rule run (:mod:`checker.run.parts`) read from the store, a part at a time.

Two ways, which give the same parts:

* **the whole store** (:func:`stored_partitions` when the run's new articles are many, or
  all): two passes over the store. The first yields the article parts and counts the
  claims of each blocking key and day; the second sorts each claim into its block part's
  file in a private temporary folder (pickled), from which the block parts are read one by
  one. Memory holds one chunk of articles and one part; time and disk grow linearly with
  the store.
* **through the blocking index** (:func:`indexed_partitions`, when the new articles are a
  small share of the store: the CI job's case): the new articles' claims name the blocks
  and days they touch; the store's index (:mod:`checker.store_blocks`) gives each touched
  block's articles and days, from which its spans are cut exactly as the first way cuts
  them, and only the touched spans' claims are read. Work grows with the blocks the new
  articles touch, not with the store.
"""

from __future__ import annotations

import bisect
import datetime as dt
import pickle
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from checker.engine import Rule
from checker.engine.incidents import BLOCKING, block_key, block_text, claim_day
from checker.records import Article, Claim
from checker.run.parts import (
    ARTICLES_PER_PART,
    CLAIMS_PER_PART,
    BlockKey,
    RulePartition,
    Spans,
    Unit,
    article_part,
    assign_blocks,
    batches,
    block_part,
    copied,
    rule_kinds,
    span_starts,
)
from checker.store import Store
from checker.store_blocks import BlockShare

#: the index is read (not the whole store) when the new articles are at most this share of
#: the stored ones
INDEXED_SHARE = 0.1


def stored_partitions(
    rules: Sequence[Rule],
    db: Store,
    *,
    involving: Iterable[str] | None = None,
    claims_per_part: int = CLAIMS_PER_PART,
    articles_per_part: int = ARTICLES_PER_PART,
) -> Iterator[RulePartition]:
    """The parts :func:`~checker.run.parts.rule_partitions` makes of everything in the
    store, read a part at a time: through the blocking index when ``involving`` is a small
    share of the store (:func:`indexed_partitions`), else in two passes over the whole store
    (see the module)."""
    wanted_ids = None if involving is None else frozenset(involving)
    if wanted_ids is not None and len(wanted_ids) <= INDEXED_SHARE * db.count_articles():
        return indexed_partitions(
            rules,
            db,
            involving=wanted_ids,
            claims_per_part=claims_per_part,
            articles_per_part=articles_per_part,
        )
    return _whole_partitions(rules, db, wanted_ids, claims_per_part, articles_per_part)


def _whole_partitions(
    rules: Sequence[Rule],
    db: Store,
    wanted_ids: frozenset[str] | None,
    claims_per_part: int,
    articles_per_part: int,
) -> Iterator[RulePartition]:
    """The parts, in two passes over every stored claim (see the module)."""
    want_articles, want_blocks = rule_kinds(rules)
    spans = Spans()
    per_day: dict[tuple[BlockKey, dt.date | None], int] = {}  # claims a key holds each day
    touched_days: set[tuple[BlockKey, dt.date | None]] = set()
    for ids in batches(db.article_ids(), articles_per_part):
        claims = db.claims(ids)
        # a chunk without a wanted article yields no article part: its texts are not read
        if want_articles and (wanted_ids is None or not wanted_ids.isdisjoint(ids)):
            chunk = tuple(db.articles(ids))
            part = article_part(chunk, tuple(claims), wanted_ids, _originals(db, chunk))
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
    for (key, when), n in per_day.items():  # first seen first, as block_sizes counts
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
            yield block_part(owners, claims, wanted_ids, _originals(db, owners))


def indexed_partitions(
    rules: Sequence[Rule],
    db: Store,
    *,
    involving: frozenset[str],
    claims_per_part: int = CLAIMS_PER_PART,
    articles_per_part: int = ARTICLES_PER_PART,
) -> Iterator[RulePartition]:
    """The parts that hold an article of ``involving``, read through the store's blocking
    index (see the module): the same parts, in the same order, as the whole store gives."""
    want_articles, want_blocks = rule_kinds(rules)
    db.index_blocks(BLOCKING)
    ids = db.article_ids_among(involving)  # in the store's order
    new_claims = db.claims(ids)
    if want_articles:
        for i in range(0, len(ids), max(1, articles_per_part)):
            chunk = set(ids[i : i + articles_per_part])
            held = tuple(c for c in new_claims if c.article_id in chunk)
            arts = tuple(db.articles(chunk))
            part = article_part(arts, held, involving, _originals(db, arts))
            if part is not None:
                yield part
    if not want_blocks:
        return
    touched: dict[BlockKey, set[dt.date]] = {}
    for c in new_claims:
        key = block_key(c)
        day = claim_day(c)
        if key is not None and day is not None:
            touched.setdefault(key, set()).add(day)
    sizes: dict[Unit, int] = {}
    members: dict[Unit, list[BlockShare]] = {}
    ranges: dict[Unit, tuple[str, str, str | None]] = {}
    for key, days in touched.items():
        text = block_text(key)
        spans = [(_day(lo), _day(hi)) for lo, hi in db.article_ranges(text)]
        starts = span_starts(key, spans)
        for u in sorted({bisect.bisect_right(starts, d) - 1 for d in days}):
            unit = (key, u)
            after = starts[u + 1].isoformat() if u + 1 < len(starts) else None
            ranges[unit] = (text, starts[u].isoformat(), after)
            members[unit] = db.block_shares(text, starts[u].isoformat(), after)
            sizes[unit] = sum(r.claims for r in members[unit])
    # where each unit's first claim is in the store's order (article row, then claim row)
    row_of = db.article_rows({r.article_id for rs in members.values() for r in rs})
    first = {
        u: min((row_of[r.article_id], r.first_claim_row) for r in rs) for u, rs in members.items()
    }
    # units in the order the whole store first meets them, as its first pass counts them
    ordered = {u: sizes[u] for u in sorted(sizes, key=lambda u: first[u])}
    slot = assign_blocks(ordered, claims_per_part)
    for p in sorted(set(slot.values())):
        claims = db.block_claims(ranges[u] for u, q in slot.items() if q == p)
        owners = tuple(db.articles(dict.fromkeys(c.article_id for c in claims)))
        yield block_part(owners, claims, involving, _originals(db, owners))


def _spill(
    db: Store, spans: Spans, slot: dict[Unit, int], files: dict[int, Path], articles_per_part: int
) -> None:
    """Append each stored claim of a unit in ``slot`` to its part's file, in order."""
    handles: dict[int, BinaryIO] = {}
    try:
        for p, path in files.items():
            handles[p] = path.open("wb")
        for ids in batches(db.article_ids(), articles_per_part):
            held: dict[int, list[Claim]] = {}
            for c in db.claims(ids):
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


def _originals(db: Store, articles: Iterable[Article]) -> frozenset[str]:
    """The stored articles these articles are copies of."""
    return frozenset(db.article_rows(copied(articles)))


def _day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)
