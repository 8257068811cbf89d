"""checker.store: round trips, re-ingestion, atomic batches, runs, findings, migrations."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from _store_data import EXAMPLES, seed_units

from checker.errors import StoreError, UsageError
from checker.records import Article, Claim, Finding
from checker.schema import claims_to_frame
from checker.store import Store
from checker.store_layout import MIGRATIONS

pytestmark = pytest.mark.skipif(not EXAMPLES.is_dir(), reason="examples/idlib is missing")


Units = list[tuple[Article, list[Claim]]]


@pytest.fixture
def units() -> Units:
    return seed_units()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "claims.sqlite") as s:
        yield s


def _raw(store: Store, sql: str, *params: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(store.path) as con:
        return con.execute(sql, params).fetchall()


def test_articles_and_claims_round_trip(store: Store, units: Units) -> None:
    new = store.add(units)
    assert new == [a.article_id for a, _ in units]
    assert list(store.articles()) == [a for a, _ in units]
    assert store.claims() == [c for _, claims in units for c in claims]
    # the rferl article states no figure: stored, with no claim
    assert any(a.outlet == "rferl" and not claims for a, claims in units)
    assert [a.outlet for a in store.articles()].count("rferl") == 1


def test_claims_frame_matches_the_schema_table(store: Store, units: Units) -> None:
    store.add(units)
    claims = [c for _, cs in units for c in cs]
    pd.testing.assert_frame_equal(store.claims_frame(), claims_to_frame(claims))
    assert store.claims_frame([]).empty
    assert list(store.claims_frame([]).columns) == list(claims_to_frame([]).columns)


def test_selection_by_article_ids(store: Store, units: Units) -> None:
    store.add(units)
    wanted = [units[1][0].article_id, units[4][0].article_id, "not-stored"]
    assert store.claims(wanted) == units[1][1] + units[4][1]
    assert [a.article_id for a in store.articles(wanted)] == wanted[:2]
    assert store.claims([]) == []


def test_dates_are_iso_strings_and_origin_is_kept_as_identity(store: Store, units: Units) -> None:
    article = units[1][0]
    assert article.origin is not None
    store.add([units[1]])
    assert _raw(store, "SELECT published FROM articles") == [("2019-05-14",)]
    assert ("2019-04-28",) in _raw(store, "SELECT period_start FROM claims")
    (back,) = store.articles()
    assert back == article and back.origin is None  # the Article record: the spec's fields
    # where it came from is stored beside it, as part of its identity (layout 3)
    assert _raw(store, "SELECT origin FROM articles") == [(article.origin,)]


def test_reingesting_the_same_article_adds_nothing(store: Store, units: Units) -> None:
    run = store.start_run("checker check examples/idlib")
    assert len(store.add(units, run)) == 5
    again = store.start_run("checker check examples/idlib")
    assert store.add(units, again) == []
    assert _raw(store, "SELECT count(*) FROM articles") == [(5,)]
    assert _raw(store, "SELECT count(*) FROM claims") == [(12,)]
    assert _raw(store, "SELECT DISTINCT first_seen_run FROM articles") == [(run,)]
    article = units[0][0]
    assert store.has(article.article_id, article.content_hash)
    assert not store.has(article.article_id, "0" * 40)
    assert not store.has("unknown", article.content_hash)


def test_changed_content_replaces_the_claims_and_counts_as_changed(
    store: Store, units: Units
) -> None:
    run = store.start_run("first")
    store.add(units, run)
    article, claims = units[1]
    edited = dataclasses.replace(article, text=article.text.replace("150,000", "180,000"))
    assert edited.content_hash != article.content_hash
    moved = dataclasses.replace(claims[0], claim_id="new-id", surface="more than 180,000",
                                value=180000.0, low=180000.0)  # fmt: skip
    assert store.add([(edited, [moved])], store.start_run("second")) == [article.article_id]
    assert store.claims([article.article_id]) == [moved]
    assert list(store.articles([article.article_id])) == [edited]
    # the article keeps its place and the run that first saw it; the others are untouched
    assert [a.article_id for a in store.articles()] == [a.article_id for a, _ in units]
    assert _raw(store, "SELECT first_seen_run FROM articles WHERE article_id = ?",
                article.article_id) == [(run,)]  # fmt: skip
    assert len(store.claims()) == 12 - len(claims) + 1


def test_the_same_article_twice_in_one_batch_is_reported_once(store: Store, units: Units) -> None:
    article, claims = units[0]
    assert store.add([(article, claims), (article, claims)]) == [article.article_id]
    assert store.claims() == claims


def test_a_bad_batch_is_stored_not_at_all(store: Store, units: Units) -> None:
    stray = dataclasses.replace(units[2][1][0], article_id=units[0][0].article_id)
    with pytest.raises(UsageError, match=r"belongs to article 000_b0edb21f60f8db5a.*002_"):
        store.add([units[0], units[1], (units[2][0], [*units[2][1], stray])])
    assert list(store.articles()) == []

    twice = [*units[1][1], units[1][1][0]]
    with pytest.raises(StoreError, match=r"article 001_50fb227fe682e39d.*UNIQUE"):
        store.add([units[0], (units[1][0], twice)])
    assert list(store.articles()) == [] and store.claims() == []
    assert store.add(units) == [a.article_id for a, _ in units]  # the store still works


def test_runs_and_findings(store: Store, units: Units) -> None:
    store.add(units)
    run = store.start_run("checker check examples/idlib --format json")
    claims = units[2][1]
    finding = Finding(
        finding_id=Finding.make_id("rules.totals:never_shrinks", [c.claim_id for c in claims[:2]]),
        rule="rules.totals:never_shrinks",
        severity="medium",
        message="Reuters says 13 Turkish soldiers were killed, and again 13.",
        claims=tuple(claims[:2]),
        explanation="A running total cannot shrink.",
    )
    assert store.add_findings(run, [finding, finding]) == 2
    (stored,) = store.findings(run)
    assert stored.finding_id == finding.finding_id and stored.run_id == run
    assert stored.claim_ids == (claims[0].claim_id, claims[1].claim_id)
    assert (stored.rule, stored.severity, stored.message) == (
        finding.rule, finding.severity, finding.message,
    )  # fmt: skip
    assert store.findings(run + 1) == []
    assert _raw(store, "SELECT finished FROM runs WHERE id = ?", run) == [(None,)]
    store.finish_run(run)
    ((started, finished, command),) = _raw(
        store, "SELECT started, finished, command FROM runs WHERE id = ?", run
    )
    assert dt.datetime.fromisoformat(str(started)) <= dt.datetime.fromisoformat(str(finished))
    assert str(command).endswith("--format json")
    with pytest.raises(UsageError, match="no run 999"):
        store.finish_run(999)


def test_creates_folders_and_uses_wal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deep = tmp_path / "a" / "b" / "claims.sqlite"
    with Store(deep) as s:
        assert s.schema_version == max(MIGRATIONS)
    assert deep.is_file()
    with sqlite3.connect(deep) as con:
        assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert con.execute("SELECT value FROM meta").fetchall() == [(str(max(MIGRATIONS)),)]
    monkeypatch.chdir(tmp_path)
    with Store():
        pass
    assert (tmp_path / ".checker" / "claims.sqlite").is_file()


def test_a_store_from_a_newer_checker_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "claims.sqlite"
    Store(path).close()
    with sqlite3.connect(path) as con:
        con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match=r"version 99.*upgrade checker"):
        Store(path)


def test_migrations_run_in_order_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "claims.sqlite"
    with Store(path) as s:
        s.add(seed_units()[:1])
    calls: list[int] = []
    nxt = max(MIGRATIONS) + 1

    def add_note(con: sqlite3.Connection) -> None:
        calls.append(nxt)
        con.execute("ALTER TABLE articles ADD COLUMN note TEXT")

    monkeypatch.setitem(MIGRATIONS, nxt, add_note)
    with Store(path) as s:
        assert s.schema_version == nxt
        assert len(list(s.articles())) == 1  # the data came through
    with Store(path):
        pass
    assert calls == [nxt]
    with sqlite3.connect(path) as con:
        assert "note" in [r[1] for r in con.execute("PRAGMA table_info(articles)")]


def test_a_failing_migration_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "claims.sqlite"
    Store(path).close()
    current = max(MIGRATIONS)
    nxt = current + 1

    def broken(con: sqlite3.Connection) -> None:
        con.execute("CREATE TABLE extra (x)")
        con.execute("ALTER TABLE no_such_table ADD COLUMN y")

    monkeypatch.setitem(MIGRATIONS, nxt, broken)
    with pytest.raises(StoreError, match="no_such_table"):
        Store(path)
    monkeypatch.delitem(MIGRATIONS, nxt)
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT value FROM meta").fetchone() == (str(current),)
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master")]
    assert "extra" not in tables


def test_a_file_that_is_no_store_is_named(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match=r"notes\.sqlite.*not a database"):
        Store(path)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(blocker / "claims.sqlite")


def test_migrations_are_keyed_from_one_without_gaps() -> None:
    assert sorted(MIGRATIONS) == list(range(1, len(MIGRATIONS) + 1))


def test_in_memory_store_keeps_nothing_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker.store import Store

    monkeypatch.chdir(tmp_path)
    with Store(":memory:") as db:
        assert db.in_memory and db.schema_version >= 1
        assert list(db.articles()) == []
    assert list(tmp_path.iterdir()) == []


def test_a_version_1_store_is_upgraded_with_its_data(tmp_path: Path) -> None:
    """A store written by the first layout gains the places, units, incidents and copies
    columns; its articles and claims read back, with the new fields at their defaults."""
    from checker.store_layout import _migrate_1

    path = tmp_path / "v1.sqlite"
    with sqlite3.connect(path) as con:
        _migrate_1(con)
        con.execute("INSERT INTO meta(key, value) VALUES ('schema_version', '1')")
        con.execute(
            "INSERT INTO articles VALUES ('a1', 'sana', '2016-10-26', 'T', 'text', NULL, NULL, "
            "'h', NULL)"
        )
        con.execute(
            "INSERT INTO claims VALUES ('c1', 'a1', 'sana', '2016-10-26', 0, 0, 2, 'q', '26', "
            "26, 'exact', 26, 26, 'killed', 'people', 'Idlib', '2016-10-26', NULL, NULL, "
            "'reported', 'event')"
        )
    with Store(path) as s:
        assert s.schema_version == max(MIGRATIONS)
        (article,) = s.articles()
        (claim,) = s.claims()
    assert article.copy_of is None and article.text == "text"
    assert (claim.value, claim.location, claim.region, claim.unit, claim.incident_id) == (
        26.0,
        "Idlib",
        None,
        "people",
        None,
    )


def test_copy_and_language_are_stored_side_by_side() -> None:
    """A copy's ``copy_of`` and its detected language each land in their own column (a
    column shift once stored the copy's original as its language)."""
    text = "Air strikes killed 22 children in Idlib on Wednesday, the observatory said. " * 5
    first = Article("a", "sana", dt.date(2016, 1, 1), "T", text, language="en")
    copy = Article("b", "trt", dt.date(2016, 1, 1), "T", text, language="en")
    with Store(":memory:") as db:
        db.add([(first, [])])
        db.add([(copy, [])])
        assert db.copies(["a", "b"]) == {"b": "a"}
        stored = {a.article_id: a for a in db.articles()}
    assert (stored["b"].copy_of, stored["b"].language) == ("a", "en")
    assert (stored["a"].copy_of, stored["a"].language) == (None, "en")
