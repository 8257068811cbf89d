"""`checker check` killed mid-run, and two `checker check` processes on one store, for real
(subprocesses on the FA-KES corpus, no mocks)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT


def checker(*args: str) -> list[str]:
    return [sys.executable, "-m", "checker.cli", *args]


def article_claims(store: Path) -> dict[str, set[tuple[str, float]]]:
    con = sqlite3.connect(store)
    try:
        out: dict[str, set[tuple[str, float]]] = {
            a: set() for (a,) in con.execute("SELECT article_id FROM articles")
        }
        for aid, cid, value in con.execute("SELECT article_id, claim_id, value FROM claims"):
            out[aid].add((cid, value))
        return out
    finally:
        con.close()


def count(store: Path) -> int:
    try:
        con = sqlite3.connect(store, timeout=30)
        try:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def test_sigkill_mid_run_leaves_whole_articles_and_a_rerun_completes(
    tmp_path: Path, fakes_csv: Path
) -> None:
    full, killed = tmp_path / "full.sqlite", tmp_path / "killed.sqlite"
    args = ["--format", "json", "--fail-on", "never", "--jobs", "1"]
    subprocess.run(
        checker(
            "check", str(fakes_csv), "--store", str(full), *args, "-o", str(tmp_path / "full.json")
        ),
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    reference = article_claims(full)
    assert len(reference) == 804

    proc = subprocess.Popen(
        checker(
            "check", str(fakes_csv), "--store", str(killed), *args, "-o", str(tmp_path / "k.json")
        ),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and count(killed) == 0:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"

    con = sqlite3.connect(killed)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    partial = article_claims(killed)
    assert 0 < len(partial) < 804
    for aid, claims in partial.items():  # each stored article is whole: all of its claims
        assert claims == reference[aid], aid

    rerun = subprocess.run(
        checker(
            "check", str(fakes_csv), "--store", str(killed), *args, "-o", str(tmp_path / "r.json")
        ),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert article_claims(killed) == reference


def test_two_checks_on_one_store_at_once(tmp_path: Path, fakes_csv: Path) -> None:
    store = tmp_path / "shared.sqlite"
    a = subprocess.Popen(
        checker(
            "check",
            str(fakes_csv),
            "--store",
            str(store),
            "--format",
            "json",
            "-o",
            str(tmp_path / "a.json"),
            "--jobs",
            "1",
        ),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    b = subprocess.Popen(
        checker(
            "check",
            str(EXAMPLES),
            str(fakes_csv),
            "--store",
            str(store),
            "--format",
            "json",
            "-o",
            str(tmp_path / "b.json"),
            "--jobs",
            "1",
        ),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _, err_a = a.communicate(timeout=600)
    _, err_b = b.communicate(timeout=600)
    assert a.returncode in (0, 1), err_a
    assert b.returncode in (0, 1), err_b
    assert "locked" not in err_a + err_b
    con = sqlite3.connect(store)
    ids = [r[0] for r in con.execute("SELECT article_id FROM articles")]
    con.close()
    assert len(ids) == len(set(ids)) == 804 + 5


@pytest.mark.parametrize("strict", [False, True])
def test_bad_records_are_recorded_and_strict_fails(tmp_path: Path, strict: bool) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.md").write_text((EXAMPLES / "001_50fb227fe682e39d.md").read_text())
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02garbage\x00")
    (folder / "lines.jsonl").write_text(
        '{"id": "j1", "outlet": "sana", "text": "Terrorist rockets killed 7 people in Damascus."}\n'
        "{not json\n"
        '{"id": "j2", "outlet": "sana", "text": ""}\n'
    )
    out = tmp_path / "f.json"
    res = subprocess.run(
        checker(
            "check",
            str(folder),
            "--store",
            ":memory:",
            "--format",
            "json",
            "-o",
            str(out),
            "--jobs",
            "1",
            *(["--strict"] if strict else []),
        ),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    import json

    doc = json.loads(out.read_text())
    assert doc["articles"] == 2  # good.md and j1
    sources = " ".join(f"{e.get('source', '')}:{e.get('line', '')}" for e in doc["errors"])
    for name in ("empty.txt", "binary.txt", "lines.jsonl:2", "lines.jsonl:3"):
        assert name in sources, (name, doc["errors"])
    assert res.returncode == (2 if strict else 0), res.stderr
