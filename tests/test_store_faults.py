"""The store under faults and load, with real processes (tests/_store_writer.py).

- a writer killed with SIGKILL (inside a transaction, or at random moments) leaves a
  consistent store: every article present has all its claims, integrity_check is ok, and
  running the same writing again completes it;
- two writers on one store at once both finish, and each article ends in it exactly once.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from _store_data import EXAMPLES, copy_units

from checker.records import Claim
from checker.store import Store

WRITER = Path(__file__).resolve().parent / "_store_writer.py"

pytestmark = pytest.mark.skipif(
    not EXAMPLES.is_dir() or sys.platform == "win32",
    reason="needs examples/idlib and POSIX signals",
)


def _writer(store: Path, *args: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(store), *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _new_ids(lines: list[dict[str, Any]]) -> list[str]:
    return [aid for line in lines for aid in line.get("new", [])]


def _expected(first: int, count: int) -> dict[str, list[Claim]]:
    return {a.article_id: claims for a, claims in copy_units(first, count)}


def _assert_consistent(path: Path, expected: dict[str, list[Claim]]) -> set[str]:
    """The store is sound and holds only whole articles of ``expected``; their ids."""
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        n, distinct = con.execute(
            "SELECT count(*), count(DISTINCT article_id) FROM articles"
        ).fetchone()
        assert n == distinct
    finally:
        con.close()
    with Store(path) as store:
        stored = [a.article_id for a in store.articles()]
        by_article: dict[str, list[Claim]] = defaultdict(list)
        for claim in store.claims():
            by_article[claim.article_id].append(claim)
    assert set(by_article) <= set(stored)
    for aid in stored:
        assert aid in expected, f"unexpected article {aid}"
        assert by_article.get(aid, []) == expected[aid], f"article {aid} is not whole"
    return set(stored)


def _uncommitted_wal_frames(path: Path) -> int:
    """Frames of the current WAL generation after its last commit frame (sqlite.org/fileformat2)."""
    wal = Path(f"{path}-wal").read_bytes()
    page_size = int.from_bytes(wal[8:12], "big")
    salts = wal[16:24]
    frames = []
    for offset in range(32, len(wal) - 24 - page_size + 1, 24 + page_size):
        header = wal[offset : offset + 24]
        if header[8:16] != salts:
            break
        frames.append(int.from_bytes(header[4:8], "big"))  # db size in pages on a commit
    commits = [i for i, size in enumerate(frames) if size]
    return len(frames) - (commits[-1] + 1 if commits else 0)


def test_sigkill_inside_a_batch_keeps_no_half_article_and_a_rerun_completes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "store" / "claims.sqlite"
    expected = _expected(0, 40)  # 200 articles, batches of 10
    proc = _writer(path, "--count", 40, "--batch", 10, "--die-in-batch", 3)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGKILL, err
    lines = _lines(out)
    assert [line["batch"] for line in lines] == [0, 1, 2]
    committed = set(_new_ids(lines))
    assert len(committed) == 30
    assert _uncommitted_wal_frames(path) > 0  # the killed transaction had reached the disk

    # the killed transaction had written 9 articles and half of a 10th: none of it is kept
    assert _assert_consistent(path, expected) == committed

    proc = _writer(path, "--count", 40, "--batch", 10)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    rerun = _new_ids(_lines(out))
    assert set(rerun) == set(expected) - committed
    assert len(rerun) == len(set(rerun)) == 170
    assert _assert_consistent(path, expected) == set(expected)


def test_random_sigkills_while_writing_then_resume(tmp_path: Path) -> None:
    path = tmp_path / "claims.sqlite"
    expected = _expected(0, 400)  # 2000 articles, 80 batches of 25
    order = list(expected)
    rng = random.Random(20240615)
    seen: set[str] = set()
    kills = 0
    for _ in range(6):
        proc = _writer(path, "--count", 400, "--batch", 25)
        assert proc.stdout is not None
        wanted = rng.randint(1, 3)  # let a few batches write new articles, then kill
        while wanted and (line := proc.stdout.readline()):
            wanted -= bool(json.loads(line).get("new"))
        time.sleep(rng.uniform(0.0, 0.02))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        out, _ = proc.communicate(timeout=120)
        stored = _assert_consistent(path, expected)
        assert seen <= stored  # what was committed stays committed
        assert stored == set(order[: len(stored)])  # whole batches only, in write order
        assert len(stored) % 25 == 0
        seen = stored
    assert kills >= 3

    proc = _writer(path, "--count", 400, "--batch", 25)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert set(_new_ids(_lines(out))) == set(expected) - seen
    assert _assert_consistent(path, expected) == set(expected)


def test_two_writers_at_once_both_finish_and_store_each_article_once(tmp_path: Path) -> None:
    path = tmp_path / "fresh" / "claims.sqlite"  # both also create the store together
    barrier = tmp_path / "barrier"
    # a pause long enough that one writer cannot finish before the other has opened the
    # store, on a loaded machine too (24 batches: half a second of writing each)
    common = ("--count", 120, "--batch", 5, "--pause", 0.02, "--barrier", barrier, "--parties", 2)
    a = _writer(path, "--first", 0, *common)
    b = _writer(path, "--first", 60, "--reverse", *common)
    out_a, err_a = a.communicate(timeout=300)
    out_b, err_b = b.communicate(timeout=300)
    assert a.returncode == 0, err_a
    assert b.returncode == 0, err_b
    assert "locked" not in err_a + err_b

    lines_a, lines_b = _lines(out_a), _lines(out_b)
    times_a = [line["t"] for line in lines_a if "t" in line]
    times_b = [line["t"] for line in lines_b if "t" in line]
    # they did write at the same time: many of B's commits fall between A's first and last
    between = [t for t in times_b if times_a[0] < t < times_a[-1]]
    assert len(between) >= 10, "the writers did not overlap"
    new_a, new_b = _new_ids(lines_a), _new_ids(lines_b)
    expected = _expected(0, 180)  # copies 0-59 only A's, 60-119 both, 120-179 only B's
    assert not set(new_a) & set(new_b), "an article was stored as new by both writers"
    assert len(new_a) + len(new_b) == len(expected) == 900
    assert set(new_a) | set(new_b) == set(expected)
    assert _assert_consistent(path, expected) == set(expected)
    with sqlite3.connect(path) as con:
        runs = con.execute("SELECT count(*) FROM runs WHERE finished IS NOT NULL").fetchone()
    assert runs == (2,)
