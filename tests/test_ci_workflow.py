"""The command sequence the shipped CI workflows run (examples/ci/check-new-articles.sh),
on a real git repository of the seed articles, pushed in two steps."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT

from checker.cli import main

SCRIPT = ROOT / "examples" / "ci" / "check-new-articles.sh"


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True, env=env
    ).stdout


def finding_keys(doc: dict) -> set[tuple[str, tuple[str, ...]]]:
    return {(f["rule"], tuple(sorted(c["claim_id"] for c in f["claims"]))) for f in doc["findings"]}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None or shutil.which("checker") is None:
        pytest.skip("needs git and the installed checker command")
    r = tmp_path / "newsroom"
    (r / "articles").mkdir(parents=True)
    git(r, "init", "-q", "-b", "main")
    return r


def step(repo: Path, names: list[str], base: str) -> tuple[int, dict]:
    for n in names:
        shutil.copy(EXAMPLES / n, repo / "articles" / n)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", f"add {len(names)}")
    env = {**os.environ, "CHECKER_OUT": "out", "CHECKER_FAIL_ON": "high"}
    res = subprocess.run(
        ["bash", str(SCRIPT), base, "articles"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    for name in ("report.html", "findings.json", "summary.md", "junit.xml"):
        assert (repo / "out" / name).is_file(), (name, res.stderr)
    return res.returncode, json.loads((repo / "out" / "findings.json").read_text())


def test_pushes_are_checked_against_the_store_and_reports_survive_failure(repo: Path) -> None:
    names = sorted(p.name for p in EXAMPLES.glob("0*.md"))
    first = [n for n in names if not n.startswith("003")]
    code1, doc1 = step(repo, first, "0" * 40)  # a first push: GitHub's "before" is all zeros
    assert doc1["articles"] == 4
    assert code1 in (0, 1)
    head = git(repo, "rev-parse", "HEAD").strip()
    code2, doc2 = step(repo, [n for n in names if n.startswith("003")], head)
    assert doc2["articles"] == 1  # only the new article was given
    assert code2 == 1  # its date line contradicts its copyright line: high severity
    assert all(
        any(c["article_id"].startswith("003") for c in f["claims"]) for f in doc2["findings"]
    )
    assert "finding" in (repo / "out" / "summary.md").read_text().lower()
    # nothing new: the job passes and says so
    res = subprocess.run(
        ["bash", str(SCRIPT), "HEAD", "articles"],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, "CHECKER_OUT": "out"},
        check=False,
    )
    assert res.returncode == 0 and "no new" in res.stdout


def test_one_at_a_time_equals_all_at_once(tmp_path: Path) -> None:
    """Each run reports the findings involving its new article; their union over the five
    runs is what one run over all five reports."""
    runner = CliRunner()
    one = tmp_path / "one.sqlite"
    incremental: set[tuple[str, tuple[str, ...]]] = set()
    for i, path in enumerate(sorted(EXAMPLES.glob("0*.md"))):
        out = tmp_path / f"step{i}.json"
        runner.invoke(
            main,
            [
                "check",
                str(path),
                "--store",
                str(one),
                "--format",
                "json",
                "-o",
                str(out),
                "--jobs",
                "1",
            ],
        )
        incremental |= finding_keys(json.loads(out.read_text()))
    runner.invoke(
        main,
        [
            "check",
            str(EXAMPLES),
            "--store",
            str(tmp_path / "all.sqlite"),
            "--format",
            "json",
            "-o",
            str(tmp_path / "all.json"),
            "--jobs",
            "1",
        ],
    )
    every = finding_keys(json.loads((tmp_path / "all.json").read_text()))
    assert every
    assert incremental == every
