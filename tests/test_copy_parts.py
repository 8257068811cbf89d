"""Copies in a run made of parts: however the store is cut into parts (a larger store, smaller
parts), a copy is folded into its original as in one run over everything. A copy's claim
for the same day as its original's twin joins the original's incident; a copy published
years later (FA-KES replicated as ``benchmarks/bench_scale.py`` does) reports its own days,
and its text gives no finding of its own about one article."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.engine import load_rules
from checker.engine.incidents import block_key, claim_day
from checker.engine.runner import copy_roots
from checker.pipeline import check
from checker.records import Claim
from checker.run.partitions import order_outcome, run_partitioned
from checker.run.parts import rule_partitions
from checker.run.stored import indexed_partitions, stored_partitions
from checker.store import Store
from checker.store_views import StoredIncidents

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT / ".." / "shared" / "corpus" / "fa-kes" / "FA-KES-Dataset.csv"
#: FA-KES articles replicated: "-r0" the same day under a fresh id, "-r1" years earlier
ARTICLES, SHIFT_DAYS = 150, 3_000
SMALL = {"claims_per_part": 150, "articles_per_part": 40}
#: a test run with the store as one part of each kind, and cut into small parts
IN_PARTS = pytest.mark.parametrize("sizes", [{}, SMALL], ids=["one part", "small parts"])
#: rules about one article's text (its claims, its headline against its body)
ONE_ARTICLE = ("within_article.", "dateline.")


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
    """FA-KES's first articles, a copy of each the same day, and one years earlier."""
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
        writer.writerows(rows + _replicate(rows, 0) + _replicate(rows, 1))
    store = tmp / "copies.sqlite"
    check([path], store=store, jobs=1)
    with Store(store) as db:
        yield db


def _twins(db: Store, replica: str) -> dict[str, str]:
    """Claim id of a copy ``replica`` ("-r0") -> its original's twin claim (same block,
    figure, words and day)."""
    roots = copy_roots(db.articles())
    claims = [c for c in db.claims() if block_key(c) is not None]

    def key(c: Claim, article_id: str) -> tuple[object, ...]:
        return (block_key(c), article_id, c.in_title, c.surface, c.quote, claim_day(c))

    first: dict[tuple[object, ...], str] = {}
    for c in claims:
        if roots[c.article_id] == c.article_id:
            first.setdefault(key(c, c.article_id), c.claim_id)
    return {
        c.claim_id: first[key(c, roots[c.article_id])]
        for c in claims
        if c.article_id.endswith(replica) and key(c, roots[c.article_id]) in first
    }


def test_replicas_are_stored_as_copies_of_the_originals(copies_store: Store) -> None:
    replicas = [a for a in copies_store.articles() if "-r" in a.article_id]
    assert len(replicas) == 2 * ARTICLES
    assert sum(a.copy_of is not None for a in replicas) >= 0.95 * len(replicas)
    assert all(a.copy_of is None or "-r" not in a.copy_of for a in replicas)


@IN_PARTS
def test_same_day_copies_join_their_originals_incidents_in_every_part(
    copies_store: Store, sizes: dict[str, int]
) -> None:
    rules = load_rules()
    parts = list(stored_partitions(rules, copies_store, **sizes))  # type: ignore[arg-type]
    of = run_partitioned(rules, parts).claim_incidents
    same_day = _twins(copies_store, "-r0")
    assert len(same_day) > 300
    assert all(of[t] == of[o] for t, o in same_day.items())
    # years earlier (figures whose day moved with the publication date, before FA-KES's
    # war began): reports of their own days, never in an incident of the originals'
    by_id = {c.claim_id: c for c in copies_store.claims()}
    originals = {of[c] for c in of if "-r" not in by_id[c].article_id}
    moved = [
        of[c]
        for c in of
        if by_id[c].article_id.endswith("-r1")
        and (claim_day(by_id[c]) or dt.date.max) < dt.date(2011, 1, 1)
    ]
    assert len(moved) > 50 and not originals & set(moved)


@IN_PARTS
def test_a_copys_text_gives_no_finding_about_one_article_in_any_part(
    copies_store: Store, sizes: dict[str, int]
) -> None:
    rules = load_rules()
    parts = list(stored_partitions(rules, copies_store, **sizes))  # type: ignore[arg-type]
    if sizes:
        assert len([p for p in parts if p.kind == "article"]) > 5
        assert any(p.originals for p in parts)
    findings = order_outcome(rules, run_partitioned(rules, parts)).findings
    about_one = [f for f in findings if f.rule.startswith(ONE_ARTICLE)]
    assert about_one
    copies = [f for f in about_one if all("-r" in a for a in f.article_ids)]
    assert not copies, [f.to_dict() for f in copies[:3]]


def test_stored_and_listed_parts_know_the_same_originals(copies_store: Store) -> None:
    rules = load_rules()
    articles, claims = list(copies_store.articles()), copies_store.claims()
    listed = rule_partitions(rules, articles, claims, **SMALL)
    stored = list(stored_partitions(rules, copies_store, **SMALL))
    assert len(stored) > 4 and stored == listed


def test_a_new_copy_is_checked_as_its_original_was(copies_store: Store) -> None:
    """The CI case: same-day copies among the new articles, read through the blocking
    index, join their originals' incidents and give no finding of their own."""
    rules = load_rules()
    copies = [a for a in copies_store.articles() if a.copy_of and a.article_id.endswith("-r0")]
    new = frozenset(a.article_id for a in copies[:15])
    parts = list(indexed_partitions(rules, copies_store, involving=new, **SMALL))
    outcome = run_partitioned(rules, parts)
    assert not [f for f in outcome.findings if set(f.article_ids) <= new]
    of = outcome.claim_incidents
    mine = {c.claim_id for c in copies_store.claims(new)}
    joined = [(t, o) for t, o in _twins(copies_store, "-r0").items() if t in mine]
    assert len(joined) > 20
    assert all(of[t] == of[o] for t, o in joined)


@pytest.mark.slow  # two whole runs: in the slow set, which .ci/run runs
def test_a_check_keeping_no_inputs_reads_its_incidents_back_from_the_store(
    tmp_path: Path,
) -> None:
    """``check(keep_inputs=False)`` (a large run's JSON) holds no incidents: it hands the
    report the same incidents, in the same order, read back from the store."""
    if not FAKES.is_file():
        pytest.skip(f"the FA-KES corpus is not at {FAKES}")
    kept = check([FAKES], store=tmp_path / "a.sqlite", jobs=2)
    lean = check([FAKES], store=tmp_path / "b.sqlite", jobs=2, keep_inputs=False)
    assert isinstance(lean.incidents, StoredIncidents) and isinstance(kept.incidents, list)
    assert len(lean.incidents) == len(kept.incidents) > 1000
    assert [i.to_dict() for i in lean.incidents] == [i.to_dict() for i in kept.incidents]
    assert lean.incidents[3] == kept.incidents[3]
    assert [f.to_dict() for f in lean.findings] == [f.to_dict() for f in kept.findings]
