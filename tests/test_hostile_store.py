"""Damaged and foreign stores, and article identity (issue 13).

A store damaged in any way is exit status 2 and one line naming it; an SQLite file of
something else is left untouched; two articles that share an id are both kept, and a
re-ingest of one stays idempotent.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from checker.cli import main
from checker.errors import StoreError
from checker.pipeline import check
from checker.records import PROVENANCE_FIELDS
from checker.store import Store
from checker.store_file import StoreFile
from checker.store_layout import MIGRATIONS

SEED = EXAMPLES / "001_50fb227fe682e39d.md"


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    res = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return res.exit_code, res.stdout, res.stderr


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the five seeds (made once; tests damage copies of it)."""
    path = tmp_path_factory.mktemp("seeded") / "s.sqlite"
    check([EXAMPLES], store=path, jobs=1, rules=[])
    with sqlite3.connect(path) as con:  # one file, no WAL beside it
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("PRAGMA journal_mode = DELETE")
    return path


def _garbage_over_claims(path: Path) -> None:
    """8 KB of garbage over the claims table's pages (the middle of the file)."""
    with sqlite3.connect(path) as con:
        (root,) = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'claims'").fetchone()
        (page,) = con.execute("PRAGMA page_size").fetchone()
    with path.open("r+b") as f:
        f.seek((root - 1) * page)
        f.write(bytes(range(256)) * 32)


def _sql(statement: str) -> object:
    def damage(path: Path) -> None:
        with sqlite3.connect(path) as con:
            con.execute(statement)

    return damage


DAMAGE = {
    "garbage mid-file": _garbage_over_claims,
    "schema_version 'two'": _sql("UPDATE meta SET value = 'two' WHERE key = 'schema_version'"),
    "a dropped column": _sql("ALTER TABLE claims DROP COLUMN subject"),
    "a dropped table": _sql("DROP TABLE findings"),
    "a bad date in a row": _sql("UPDATE articles SET published = '2019-13-45' WHERE rowid = 1"),
    "a bad date in a claim": _sql("UPDATE claims SET as_of = 'soon' WHERE rowid = 3"),
    "text that is not UTF-8": _sql("UPDATE articles SET text = CAST(x'ff00ff' AS TEXT)"),
}


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_a_damaged_store_is_exit_2_and_one_line_naming_it(
    tmp_path: Path, seeded: Path, damage: str
) -> None:
    store = tmp_path / "damaged.sqlite"
    store.write_bytes(seeded.read_bytes())
    DAMAGE[damage](store)  # type: ignore[operator]
    code, _, err = run(
        "check", str(SEED), "--store", str(store), "--all", "--format", "json",
        "-o", str(tmp_path / "out.json"), "--jobs", "1",
    )  # fmt: skip
    assert code == 2, err
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("checker: error: ") and str(store) in last, err


def test_an_sqlite_file_of_something_else_is_left_untouched(tmp_path: Path) -> None:
    other = tmp_path / "app.sqlite"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
        con.execute("INSERT INTO users(name) VALUES ('ada')")
    con.close()
    before = hashlib.sha256(other.read_bytes()).hexdigest()
    code, _, err = run("check", str(SEED), "--store", str(other), "--jobs", "1")
    assert code == 2 and "not a checker store (it has users)" in err
    assert hashlib.sha256(other.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.sqlite"]  # no WAL made
    with pytest.raises(StoreError, match="not a checker store"):
        Store(other)


def test_a_store_another_process_finished_creating_meanwhile_is_opened_not_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CI saw it once: two writers create one store; the second read the version before the
    first's commit (0: nothing there) and the tables after it, and called the store foreign."""
    path = tmp_path / "claims.sqlite"
    Store(path).close()  # the other process's commit, all of it
    real = StoreFile._version
    calls: list[int] = []

    def stale_first(self: StoreFile) -> int:
        calls.append(1)
        return 0 if len(calls) == 1 else real(self)  # the look made before that commit

    monkeypatch.setattr(StoreFile, "_version", stale_first)
    with Store(path) as store:
        assert store.schema_version == max(MIGRATIONS)
    assert len(calls) >= 2


# -- identity --------------------------------------------------------------------------


def _articles(store: Path) -> dict[str, str]:
    with sqlite3.connect(store) as con:
        return dict(con.execute("SELECT article_id, title FROM articles ORDER BY rowid"))


def test_two_story_md_in_two_folders_checked_in_turn_are_both_kept(tmp_path: Path) -> None:
    a, b = tmp_path / "a" / "story.md", tmp_path / "b" / "story.md"
    for path, title, town in ((a, "First story", "Homs"), (b, "Second story", "Hama")):
        path.parent.mkdir()
        path.write_text(f"{title}\nAt least 5 people were killed in {town} on Monday.\n")
    store = tmp_path / "s.sqlite"
    result = check([a], store=store, jobs=1, rules=[])
    assert [x.article_id for x in result.articles] == ["story"] and not result.errors
    result = check([b], store=store, jobs=1, rules=[])
    assert [x.article_id for x in result.articles] == ["story#2"]
    assert [c.article_id for c in result.claims] == ["story#2"]
    (warning,) = result.errors
    assert warning.level == "warning" and "stored as 'story#2'" in warning.message
    assert str(a) in warning.message  # where the other one came from
    assert _articles(store) == {"story": "First story", "story#2": "Second story"}

    # a true re-ingest is idempotent, whichever comes first, and says nothing
    for path, aid in ((b, "story#2"), (a, "story"), (b, "story#2")):
        result = check([path], store=store, jobs=1, rules=[])
        assert [x.article_id for x in result.articles] == [aid] and not result.errors
    with Store(store) as db:
        assert db.add([(result.articles[0], result.claims)]) == []

    # an edit of one (same file) replaces it, and only it
    b.write_text("Second story, updated\nAt least 9 people were killed in Hama on Monday.\n")
    result = check([b], store=store, jobs=1, rules=[])
    assert [x.article_id for x in result.articles] == ["story#2"] and not result.errors
    assert _articles(store) == {"story": "First story", "story#2": "Second story, updated"}


def test_articles_piped_in_one_after_another_do_not_replace_each_other(tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    for text in ("One\nAt least 5 people were killed in Homs.", "Two\n3 died in Hama."):
        code, _, err = run("check", "-", "--store", str(store), "--jobs", "1", input=text)
        assert code == 0, err
    assert _articles(store) == {"stdin": "One", "stdin#2": "Two"}


def _content(store: Path) -> tuple[dict[str, str], list[tuple[object, ...]]]:
    """Article id -> content hash, and every claim (its article's content for its id)."""
    with Store(store) as db:
        articles = {a.article_id: a.content_hash for a in db.articles()}
        claims = [
            (
                articles[c.article_id],
                *(
                    v
                    for k, v in c.to_dict().items()
                    if "_id" not in k and k not in PROVENANCE_FIELDS  # (where: another file)
                ),
            )
            for c in db.claims()
        ]
    return articles, sorted(claims, key=repr)


def test_fakes_split_in_four_csvs_checked_in_turn_keeps_what_all_at_once_keeps(
    tmp_path: Path, fakes_csv: Path
) -> None:
    """README: checking files one at a time gives what checking them at once gives.
    FA-KES repeats 9 unit_ids over 21 adjacent rows (some of them the very same text):
    their rows and every 10th of the others are dealt out to four files in turn, so each
    repeat is in another file, and also cut in four runs of rows."""
    with fakes_csv.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)
    repeated = {uid for uid, n in Counter(r[0] for r in rows).items() if n > 1}
    assert len(repeated) == 9
    chosen = [r for i, r in enumerate(rows) if r[0] in repeated or i % 10 == 0]

    def write(path: Path, chunk: list[list[str]]) -> Path:
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            writer.writerows(chunk)
        return path

    check(
        [write(tmp_path / "fakes.csv", chosen)], store=tmp_path / "whole.sqlite", jobs=1, rules=[]
    )
    quarter = -(-len(chosen) // 4)
    for i in range(4):
        dealt = write(tmp_path / f"dealt{i}.csv", chosen[i::4])
        check([dealt], store=tmp_path / "dealt.sqlite", jobs=1, rules=[])
        run_of_rows = write(tmp_path / f"rows{i}.csv", chosen[i * quarter : (i + 1) * quarter])
        check([run_of_rows], store=tmp_path / "rows.sqlite", jobs=1, rules=[])

    at_once = _content(tmp_path / "whole.sqlite")
    assert len(at_once[0]) == len(chosen) and len(at_once[1]) > 500
    # in the order of the rows: the same ids, the same claims
    assert _content(tmp_path / "rows.sqlite") == at_once
    # in another order: every article and claim kept (a repeated id's "#2", "#3" follow the
    # order its articles came in)
    dealt_articles, dealt_claims = _content(tmp_path / "dealt.sqlite")
    assert sorted(dealt_articles.values()) == sorted(at_once[0].values())
    assert dealt_claims == at_once[1]
    assert set(dealt_articles) == set(at_once[0])


def test_a_store_of_layout_2_keeps_its_articles_when_one_with_their_id_arrives(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v2.sqlite"
    con = sqlite3.connect(path, isolation_level=None)
    for version in (1, 2):
        MIGRATIONS[version](con)
    con.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    con.execute(
        "INSERT INTO articles(article_id, outlet, title, text, content_hash) "
        "VALUES ('story', 'x', 'Old', 'At least 5 people were killed in Homs.', 'h')"
    )
    con.close()
    story = tmp_path / "story.md"
    story.write_text("New\nAt least 9 people were killed in Hama.\n")
    result = check([story], store=path, jobs=1, rules=[])
    assert [a.article_id for a in result.articles] == ["story#2"]
    assert _articles(path) == {"story": "Old", "story#2": "New"}
    assert json.loads(json.dumps([e.to_dict() for e in result.errors]))[0]["level"] == "warning"
