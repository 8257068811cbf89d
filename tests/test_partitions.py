"""A rule run in parts (checker.run.partitions): by blocking key and by article, read from the
store a part at a time, merged into the outcome of one run over everything."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checker.engine import iter_subjects, load_rules, run_rules
from checker.engine.incidents import BLOCKING, block_key
from checker.engine.runner import MAX_ERRORS_PER_RULE
from checker.pipeline import check
from checker.records import ErrorRecord
from checker.run import stored
from checker.run.partitions import merge_outcomes, order_outcome, run_partition, run_partitioned
from checker.run.parts import Spans, assign_blocks, rule_partitions
from checker.run.stored import _whole_partitions, indexed_partitions, stored_partitions
from checker.store import Store

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT / ".." / "shared" / "corpus" / "fa-kes" / "FA-KES-Dataset.csv"


@pytest.fixture(scope="module")
def fakes_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A store holding FA-KES (checked once, on two processes)."""
    if not FAKES.is_file():
        pytest.skip(f"the FA-KES corpus is not at {FAKES}")
    path = tmp_path_factory.mktemp("parts") / "fakes.sqlite"
    check([FAKES], store=path, jobs=2)
    with Store(path) as db:
        yield db


#: why a run in parts does not give the subjects and findings of one run over everything
PARTS_DIFFER = (
    "a part's Subjects see only the part's claims, not the whole store's: the towns an "
    "article's claims are placed at (Pair.towns, helpers.aggregate), the whole a part_of "
    "names (a part and its whole are two blocks) and Context.starts ('others' after a "
    "figure of the same count) can differ from one run's, and so pairs and findings do "
    "(FA-KES, default part sizes: part_whole 1923102962; conflicts 1923102969/1965495346)"
)


def _ids(subjects: Any) -> list[tuple[str, ...]]:
    return sorted(tuple(c.claim_id for c in s.claims) for s in subjects)


@pytest.mark.xfail(strict=True, reason=PARTS_DIFFER)
def test_block_parts_hold_every_pair_article_pair_and_incident_whole(fakes_store: Store) -> None:
    articles, claims = list(fakes_store.articles()), fakes_store.claims()
    parts = rule_partitions(
        load_rules(), articles, claims, claims_per_part=400, articles_per_part=150
    )
    blocks = [p for p in parts if p.kind == "block"]
    assert len(blocks) > 3 and len(parts) > len(blocks)
    for name in ("pair", "article_pair", "incident"):
        full = _ids(iter_subjects(name, articles, claims))
        split = _ids(s for p in blocks for s in iter_subjects(name, p.articles, p.claims))
        assert split == full, name
        assert full, f"FA-KES has {name}s"
    per_article = [a.article_id for p in parts if p.kind == "article" for a in p.articles]
    assert per_article == [a.article_id for a in articles]
    # a claim is in at most one block part, in the order of the full list
    held = [c.claim_id for p in blocks for c in p.claims]
    assert len(held) == len(set(held))
    position = {c.claim_id: i for i, c in enumerate(claims)}
    for p in blocks:
        assert [position[c.claim_id] for c in p.claims] == sorted(
            position[c.claim_id] for c in p.claims
        )


@pytest.mark.xfail(strict=True, reason=PARTS_DIFFER)
@pytest.mark.parametrize("every", [None, 9])
def test_parts_merged_equal_one_run(fakes_store: Store, every: int | None) -> None:
    """Over all of FA-KES, or involving only every ninth article (a CI run's new ones)."""
    rules = load_rules()
    articles, claims = list(fakes_store.articles()), fakes_store.claims()
    new = None if every is None else {a.article_id for a in articles[::every]}
    one = order_outcome(rules, run_rules(rules, articles, claims, involving=new))
    parts = rule_partitions(
        rules, articles, claims, involving=new, claims_per_part=300, articles_per_part=100
    )
    merged = order_outcome(rules, merge_outcomes(rules, (run_partition(rules, p) for p in parts)))
    assert one.findings
    assert [f.to_dict() for f in merged.findings] == [f.to_dict() for f in one.findings]
    assert merged.calls == one.calls
    if new is not None:
        everything = run_rules(rules, articles, claims)
        assert len(merged.findings) < len(everything.findings)
        assert all(p.involving is not None and p.involving <= new for p in parts)


def test_stored_parts_are_the_parts_of_the_lists(fakes_store: Store) -> None:
    """Read a part at a time (the block parts through temporary files), the parts are the
    same as those of the lists."""
    rules = load_rules()
    articles, claims = list(fakes_store.articles()), fakes_store.claims()
    new = {a.article_id for a in articles[::5]}
    for involving in (None, new):
        listed = rule_partitions(
            rules, articles, claims, involving=involving, claims_per_part=250, articles_per_part=120
        )
        stored = list(
            stored_partitions(
                rules,
                fakes_store,
                involving=involving,
                claims_per_part=250,
                articles_per_part=120,
            )
        )
        assert stored == listed


@pytest.mark.parametrize("every", [40, 7])
def test_the_index_gives_the_parts_of_the_whole_store(fakes_store: Store, every: int) -> None:
    """A few new articles (a CI run's): the block parts read through the blocking index
    are the whole store's, part for part, and the outcome of all the parts is the same."""
    rules = load_rules()
    new = frozenset(a for i, a in enumerate(fakes_store.article_ids()) if i % every == 3)
    sizes = {"claims_per_part": 250, "articles_per_part": 120}
    whole = list(_whole_partitions(rules, fakes_store, new, 250, 120))
    indexed = list(indexed_partitions(rules, fakes_store, involving=new, **sizes))
    blocks = [p for p in whole if p.kind == "block"]
    assert len(blocks) > 1
    assert [p for p in indexed if p.kind == "block"] == blocks
    read = {a.article_id for p in indexed if p.kind == "article" for a in p.articles}
    assert read == new  # (the whole store's article parts hold their neighbours too)
    one = order_outcome(rules, run_partitioned(rules, whole))
    two = order_outcome(rules, run_partitioned(rules, indexed))
    assert one.findings
    assert [f.to_dict() for f in two.findings] == [f.to_dict() for f in one.findings]
    assert (two.calls, two.errors, two.incidents) == (one.calls, one.errors, one.incidents)


def test_a_stale_or_missing_index_is_made_again_before_it_is_read(
    tmp_path: Path, examples_dir: Path
) -> None:
    """Claims stored without the engine's blocks (``checker extract``, a store of layout 5)
    and a store indexed by another definition of the blocks are indexed before a check
    reads the index; a store indexed as it should be is not written to."""
    path = tmp_path / "s.sqlite"
    check([examples_dir], store=path, jobs=1)
    with Store(path) as db:
        assert db.index_blocks(BLOCKING) == 0  # stored indexed
    with sqlite3.connect(path) as con:
        stored = con.execute("SELECT claim_id, block, day FROM claims ORDER BY rowid").fetchall()
        assert any(b for _, b, _ in stored) and all(b is not None for _, b, _ in stored)
        con.execute("UPDATE claims SET block = NULL, day = NULL WHERE rowid % 2 = 0")
    with Store(path) as db:
        assert db.index_blocks(BLOCKING) == len(stored) // 2
        other = dataclasses.replace(BLOCKING, version="another definition")
        assert db.index_blocks(other) == len(stored)  # all again, under the new version
        assert db.index_blocks(BLOCKING) == len(stored)
    with sqlite3.connect(path) as con:
        again = con.execute("SELECT claim_id, block, day FROM claims ORDER BY rowid").fetchall()
    assert again == stored


def test_a_check_of_a_few_articles_reads_the_index(
    fakes_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Which way :func:`stored_partitions` reads: the index for a small share of the store,
    the whole store for everything."""
    taken: list[str] = []
    monkeypatch.setattr(stored, "indexed_partitions", lambda *a, **k: taken.append("index") or [])
    monkeypatch.setattr(stored, "_whole_partitions", lambda *a, **k: taken.append("whole") or [])
    rules = load_rules()
    ids = list(fakes_store.article_ids())
    for involving in (ids[:5], None, ids):
        list(stored_partitions(rules, fakes_store, involving=involving))
    assert taken == ["index", "whole", "whole"]


def test_the_stored_parts_give_the_findings_of_one_run(fakes_store: Store) -> None:
    """With the default part sizes FA-KES is one block part and one article part; the block
    part holds the claims that may share an incident, and nothing else."""
    rules = load_rules()
    articles, claims = list(fakes_store.articles()), fakes_store.claims()
    outcome = order_outcome(rules, run_partitioned(rules, stored_partitions(rules, fakes_store)))
    one = order_outcome(rules, run_rules(rules, articles, claims))
    assert [f.finding_id for f in outcome.findings] == [f.finding_id for f in one.findings]


def test_the_stored_parts_group_the_incidents_of_one_run(fakes_store: Store) -> None:
    rules = load_rules()
    articles, claims = list(fakes_store.articles()), fakes_store.claims()
    outcome = run_partitioned(rules, stored_partitions(rules, fakes_store))
    one = run_rules(rules, articles, claims)
    assert one.incidents and outcome.claim_incidents == one.claim_incidents
    assert sorted(i.incident_id for i in outcome.incidents) == sorted(
        i.incident_id for i in one.incidents
    )


def test_parts_on_two_processes_give_the_outcome_of_one(fakes_store: Store) -> None:
    """``--jobs 2`` runs the parts on two processes (rules rebuilt there from source)."""
    rules = load_rules()
    parts = list(stored_partitions(rules, fakes_store, claims_per_part=500, articles_per_part=200))
    assert len(parts) > 4
    one = order_outcome(rules, run_partitioned(rules, parts))
    two = order_outcome(rules, run_partitioned(rules, parts, jobs=2))
    assert one.findings
    assert [f.to_dict() for f in two.findings] == [f.to_dict() for f in one.findings]
    assert two.errors == one.errors and two.calls == one.calls


def test_rules_of_one_kind_make_parts_of_that_kind_only(fakes_store: Store) -> None:
    rules = load_rules()
    articles, claims = list(fakes_store.articles()), fakes_store.claims()
    pair_rules = [r for r in rules if r.subject == "pair"]
    article_rules = [r for r in rules if r.subject == "article"]
    assert pair_rules and article_rules
    assert {p.kind for p in rule_partitions(pair_rules, articles, claims)} == {"block"}
    assert {p.kind for p in rule_partitions(article_rules, articles, claims)} == {"article"}


def test_assign_blocks_fills_the_emptiest_part_largest_first() -> None:
    sizes = {
        ("killed", "idlib", "event", ""): 7,
        ("killed", "homs", "event", ""): 5,
        ("injured", "homs", "event", ""): 4,
        ("displaced", "idlib", "cumulative", ""): 3,
    }
    slot = assign_blocks(sizes, claims_per_part=10)  # 19 claims: 2 parts
    assert sorted(set(slot.values())) == [0, 1]
    loads = [sum(n for k, n in sizes.items() if slot[k] == p) for p in (0, 1)]
    assert loads == [10, 9]  # 7+3 and 5+4
    assert assign_blocks({}, 10) == {}


def _error(rule: str, claim: str) -> ErrorRecord:
    return ErrorRecord(
        stage="rule", rule=rule, claim_ids=(claim,), message="raised", exception="KeyError: 'x'"
    )


def test_merge_adds_up_errors_past_the_limit() -> None:
    """Two parts' outcomes, one already cut at the limit by run_rules (its other errors
    counted as data, ``unlisted``): the merged outcome lists MAX_ERRORS_PER_RULE errors,
    counts all the others, and one record says how many (worded once, by order_outcome)."""
    from checker.engine import RuleOutcome
    from checker.run.partitions import order_outcome

    rules = load_rules()
    rid = rules[0].id
    first = [_error(rid, f"a{i:03d}") for i in range(MAX_ERRORS_PER_RULE)]
    second = [_error(rid, f"b{i:03d}") for i in range(4)]
    merged = merge_outcomes(
        rules,
        [
            RuleOutcome(errors=first, calls={rid: 40}, unlisted={rid: 15}),
            RuleOutcome(errors=second, calls={rid: 6}),
        ],
    )
    total = MAX_ERRORS_PER_RULE + 15 + 4
    assert len(merged.errors) == MAX_ERRORS_PER_RULE
    assert merged.unlisted == {rid: total - MAX_ERRORS_PER_RULE}
    assert [e.claim_ids[0] for e in merged.errors] == [e.claim_ids[0] for e in first]
    assert merged.calls[rid] == 46
    worded = order_outcome(rules, merged).errors
    assert len(worded) == MAX_ERRORS_PER_RULE + 1
    assert worded[-1].message.startswith(f"{total - MAX_ERRORS_PER_RULE} more errors")
    assert f"({total} in all)" in worded[-1].message


def test_spans_cut_event_keys_where_no_pair_or_article_crosses() -> None:
    """Days further apart than the event window fall into separate units, unless one
    article's claims bridge them; running totals are cut only where a month passes without
    one (no incident of them spans it: they are linked within SERIES_WINDOW_DAYS)."""
    from checker.testing import build_claim

    def at(article: str, day: str, **kw: Any) -> Any:
        quote = "4 people were killed in an air strike on the Qamishli market in Idlib."
        return build_claim(
            article_id=article, published=day, value=4, surface="4", quote=quote, **kw
        )

    claims = [
        at("a", "2016-10-01"),
        at("a", "2016-10-11"),  # article a spans ten days
        at("b", "2016-10-06"),  # inside a's span: same unit
        at("c", "2016-10-12"),  # one day after a's last claim: within the window
        at("d", "2016-10-20"),  # eight days later: a unit of its own
        at("e", "2016-10-21"),  # next day: with d
        at("f", "2016-10-01", scope="cumulative"),
        at("g", "2016-10-25", scope="cumulative"),  # 24 days later: the same running total
        at("h", "2017-06-01", scope="cumulative"),  # eight months later: a unit of its own
    ]
    spans = Spans()
    keys = [block_key(c) for c in claims]
    for key, c in zip(keys, claims, strict=True):
        assert key is not None
        spans.add(key, c)
    spans.close()
    units = [spans.unit(key, c) for key, c in zip(keys, claims, strict=True)]  # type: ignore[arg-type]
    assert units[0] == units[1] == units[2] == units[3]
    assert units[4] == units[5] != units[0]
    assert units[6] == units[7] and units[6][1] == 0
    assert units[8] != units[7]
    # and the parts built from them still give every pair of the full run
    rules = [r for r in load_rules() if r.subject == "pair"]
    parts = rule_partitions(rules, [], claims, claims_per_part=1)
    assert len(parts) >= 3
    full = _ids(iter_subjects("pair", [], claims))
    assert len(full) >= 2  # c with a, e with d
    assert _ids(s for p in parts for s in iter_subjects("pair", p.articles, p.claims)) == full


def test_a_sink_takes_every_parts_incidents_and_the_merge_keeps_the_findings(
    fakes_store: Store,
) -> None:
    """With a sink (the pipeline's: the store), each part's outcome goes to it as it is
    merged and the merged outcome keeps only the incidents its findings are about."""
    rules = load_rules()
    parts = list(stored_partitions(rules, fakes_store, claims_per_part=500, articles_per_part=200))
    whole = run_partitioned(rules, parts)
    seen: list[Any] = []
    kept = run_partitioned(rules, parts, jobs=2, sink=seen.append)
    assert len(seen) == len(parts)
    assert sorted(i.incident_id for o in seen for i in o.incidents) == sorted(
        i.incident_id for i in whole.incidents
    )
    about = {f.incident_id for f in kept.findings if f.incident_id}
    assert about and {i.incident_id for i in kept.incidents} == about
    assert len(kept.incidents) < len(whole.incidents) / 2
    assert kept.claim_incidents == {c: i for c, i in whole.claim_incidents.items() if i in about}
    assert [f.to_dict() for f in order_outcome(rules, kept).findings] == [
        f.to_dict() for f in order_outcome(rules, whole).findings
    ]
