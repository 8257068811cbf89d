"""Copies in a run made of parts: a copy published years after its original (a wire story
republished, FA-KES replicated as ``benchmarks/bench_scale.py`` does) is folded into its
original in every part, however the store is cut, so a larger store or smaller parts never
report a copy's findings again."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.engine import load_rules
from checker.engine.incidents import BLOCKING, block_key, claim_day, placed_days
from checker.engine.runner import copy_roots
from checker.pipeline import check
from checker.run.partitions import order_outcome, run_partitioned
from checker.run.parts import rule_partitions
from checker.run.stored import indexed_partitions, stored_partitions
from checker.store import Store

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT / ".." / "shared" / "corpus" / "fa-kes" / "FA-KES-Dataset.csv"
#: FA-KES articles replicated, and how far back each replica is published
ARTICLES, SHIFT_DAYS = 150, 3_000
SMALL = {"claims_per_part": 150, "articles_per_part": 40}


def _replicate(rows: list[dict[str, str]], k: int) -> list[dict[str, str]]:
    """Replica ``k`` of FA-KES rows: a fresh id, published k * SHIFT_DAYS earlier."""
    out = []
    for row in rows:
        day = dt.datetime.strptime(row["date"], "%m/%d/%Y").date()
        moved = day - dt.timedelta(days=k * SHIFT_DAYS)
        out.append(row | {"unit_id": f"{row['unit_id']}-r{k}", "date": moved.strftime("%m/%d/%Y")})
    return out


@pytest.fixture(scope="module")
def copies_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """FA-KES's first articles, then two replicas of them (copies, years earlier)."""
    if not FAKES.is_file():
        pytest.skip(f"the FA-KES corpus is not at {FAKES}")
    with FAKES.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or ())
        rows = [r for _, r in zip(range(ARTICLES), reader, strict=False)]
    tmp = tmp_path_factory.mktemp("copies")
    path = tmp / "copies.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows + _replicate(rows, 1) + _replicate(rows, 2))
    store = tmp / "copies.sqlite"
    check([path], store=store, jobs=1)
    with Store(store) as db:
        yield db


def _twins(db: Store) -> dict[str, str]:
    """A copy's claim id -> its original's twin claim id (same block, figure and words)."""
    articles = list(db.articles())
    roots = copy_roots(articles)
    first: dict[tuple[object, ...], str] = {}
    claims = [c for c in db.claims() if block_key(c) is not None]
    for c in claims:
        if roots[c.article_id] == c.article_id:
            key = (block_key(c), c.article_id, c.in_title, c.surface, c.quote)
            first.setdefault(key, c.claim_id)
    out = {}
    for c in claims:
        root = roots[c.article_id]
        key = (block_key(c), root, c.in_title, c.surface, c.quote)
        if root != c.article_id and key in first:
            out[c.claim_id] = first[key]
    return out


def test_replicas_are_stored_as_copies_and_indexed_at_their_originals_days(
    copies_store: Store,
) -> None:
    articles = list(copies_store.articles())
    replicas = [a for a in articles if "-r" in a.article_id]
    assert len(replicas) == 2 * ARTICLES
    assert sum(a.copy_of is not None for a in replicas) >= 0.95 * len(replicas)
    assert all(a.copy_of is None or "-r" not in a.copy_of for a in replicas)
    placed = dict((c.claim_id, day) for c, day in copies_store.placed_claims() if day is not None)
    days = placed_days(copies_store.claims(), copy_roots(articles))
    twins = _twins(copies_store)
    assert len(days) > 300
    moved = 0
    for claim_id, day in days.items():
        assert placed[claim_id] == day  # the store's index and the run's placement agree
        assert day == placed[twins[claim_id]]  # at the original's day
    for c in copies_store.claims():
        if c.claim_id in days and claim_day(c) != days[c.claim_id]:
            moved += 1  # (its own day is years earlier)
    assert moved > 100


def test_the_index_made_again_places_copies_as_storing_did(copies_store: Store) -> None:
    path = Path(copies_store.path)
    with sqlite3.connect(path) as con:
        before = con.execute("SELECT claim_id, block, day FROM claims ORDER BY rowid").fetchall()
    with Store(path) as db:
        assert db.index_blocks(dataclasses.replace(BLOCKING, version="other")) == len(before)
        assert db.index_blocks(BLOCKING) == len(before)
    with sqlite3.connect(path) as con:
        after = con.execute("SELECT claim_id, block, day FROM claims ORDER BY rowid").fetchall()
    assert after == before


def test_stored_and_listed_parts_place_copies_alike(copies_store: Store) -> None:
    rules = load_rules()
    articles, claims = list(copies_store.articles()), copies_store.claims()
    listed = rule_partitions(rules, articles, claims, **SMALL)
    stored = list(stored_partitions(rules, copies_store, **SMALL))
    assert len(stored) > 4 and stored == listed
    assert any(p.originals for p in stored)


def test_small_parts_fold_copies_into_their_originals(copies_store: Store) -> None:
    """Every twin is in its original's incident, and no finding is about a copy's text
    alone, with the store cut into small parts as with one part."""
    rules = load_rules()
    twins = _twins(copies_store)
    for sizes in ({}, SMALL):
        parts = list(stored_partitions(rules, copies_store, **sizes))  # type: ignore[arg-type]
        outcome = order_outcome(rules, run_partitioned(rules, parts))
        of = outcome.claim_incidents
        assert all(of.get(t) == of.get(o) for t, o in twins.items())
        assert outcome.findings
        for f in outcome.findings:
            assert any("-r" not in a for a in f.article_ids), f.to_dict()


def test_a_new_copy_is_checked_as_its_original_was(copies_store: Store) -> None:
    """The CI case: a copy among the new articles, read through the blocking index, joins
    its original's incidents and gives no finding of its own."""
    rules = load_rules()
    copies = [a for a in copies_store.articles() if a.copy_of and a.article_id.endswith("-r2")]
    new = frozenset(a.article_id for a in copies[:10])
    parts = list(indexed_partitions(rules, copies_store, involving=new, **SMALL))
    outcome = run_partitioned(rules, parts)
    assert not [f for f in outcome.findings if set(f.article_ids) <= new]
    of = outcome.claim_incidents
    mine = {c.claim_id for c in copies_store.claims(new)}
    joined = [(t, o) for t, o in _twins(copies_store).items() if t in mine]
    assert len(joined) > 20
    assert all(of[t] == of[o] for t, o in joined)
