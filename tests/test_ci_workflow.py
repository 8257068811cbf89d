"""The shipped CI workflows: the command sequence they run (examples/ci/check-new-articles.sh)
on a real git repository of the seed articles pushed in steps, a review that stops a finding
from failing CI, and the workflow files themselves (the store saved when the job fails, a
pinned install, SARIF uploaded, the summary written)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT

from checker.cli import main

SCRIPT = ROOT / "examples" / "ci" / "check-new-articles.sh"
GITHUB = ROOT / "examples" / "ci" / "github-actions.yml"
GITLAB = ROOT / "examples" / "ci" / "gitlab-ci.yml"
OUTPUTS = ("report.html", "findings.json", "summary.md", "junit.xml", "checker.sarif")


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
    if shutil.which("git") is None or shutil.which("checker", path=PATH) is None:
        pytest.skip("needs git and the installed checker command")
    r = tmp_path / "newsroom"
    (r / "articles").mkdir(parents=True)
    git(r, "init", "-q", "-b", "main")
    return r


#: this interpreter's scripts first on PATH: the script runs the checker under test
PATH = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])


def run_script(repo: Path, base: str, **env: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "PATH": PATH, "CHECKER_OUT": "out", "CHECKER_FAIL_ON": "high", **env}
    if "GITHUB_ACTIONS" not in env:
        full.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        ["bash", str(SCRIPT), base, "articles"],
        cwd=repo,
        env=full,
        capture_output=True,
        text=True,
        check=False,
    )


def step(repo: Path, names: list[str], base: str, **env: str) -> tuple[int, dict]:
    code, doc, _ = step_output(repo, names, base, **env)
    return code, doc


def step_output(repo: Path, names: list[str], base: str, **env: str) -> tuple[int, dict, str]:
    for n in names:
        shutil.copy(EXAMPLES / n, repo / "articles" / n)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", f"add {len(names)}")
    res = run_script(repo, base, **env)
    for name in OUTPUTS:
        assert (repo / "out" / name).is_file(), (name, res.stderr)
    doc = json.loads((repo / "out" / "findings.json").read_text())
    return res.returncode, doc, res.stdout


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
    assert all(  # about the new article (a date-line finding names it, not its claims)
        (f["article_id"] or "").startswith("003")
        or any(c["article_id"].startswith("003") for c in f["claims"])
        for f in doc2["findings"]
    )
    assert "finding" in (repo / "out" / "summary.md").read_text().lower()
    sarif = json.loads((repo / "out" / "checker.sarif").read_text())
    (result,) = sarif["runs"][0]["results"]
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].startswith("articles/003_")  # the file in the repo
    assert loc["region"]["startLine"] == 5  # its date line
    # nothing new: the job passes and says so
    res = run_script(repo, "HEAD")
    assert res.returncode == 0 and "no new" in res.stdout


def test_on_github_findings_are_annotations_and_a_review_stops_a_failure(repo: Path) -> None:
    names = sorted(p.name for p in EXAMPLES.glob("0*.md"))
    code, doc, stdout = step_output(repo, names, "0" * 40, GITHUB_ACTIONS="true")
    assert code == 1
    annotations = [x for x in stdout.splitlines() if x.startswith("::")]
    assert annotations and annotations[0].startswith("::error file=articles/003_")
    assert ",line=5," in annotations[0]
    # a person reads it, dismisses it and commits the reviews file: CI passes, still reports it
    (finding,) = doc["findings"]
    exe = shutil.which("checker", path=PATH) or "checker"
    review = subprocess.run(
        [exe, "review", finding["finding_id"][:8], "--verdict", "dismissed",
         "--note", "the date line is the site's, checked", "--reviewer", "desk"],
        cwd=repo, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert review.returncode == 0, review.stderr
    assert (
        json.loads((repo / "checker-reviews.json").read_text())["reviews"][finding["finding_id"]][
            "verdict"
        ]
        == "dismissed"
    )
    res = run_script(repo, "0" * 40, GITHUB_ACTIONS="true")
    assert res.returncode == 0, res.stderr
    again = json.loads((repo / "out" / "findings.json").read_text())
    assert [f["status"] for f in again["findings"]] == ["dismissed"]
    assert next(x for x in res.stdout.splitlines() if x.startswith("::")).startswith("::notice")


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


# --- the workflow files ---------------------------------------------------------------------------


def _steps() -> list[dict]:
    doc = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    return doc["jobs"]["check"]["steps"]


def _uses(step: dict) -> str:
    return str(step.get("uses", ""))


def test_github_workflow_saves_the_store_when_the_check_fails() -> None:
    steps = _steps()
    names = [_uses(s) or s.get("name", "") for s in steps]
    assert not [u for u in names if u.startswith("actions/cache@")]  # saves on success only
    restore = next(i for i, s in enumerate(steps) if _uses(s).startswith("actions/cache/restore"))
    check = next(i for i, s in enumerate(steps) if "check-new-articles.sh" in s.get("run", ""))
    save = next(i for i, s in enumerate(steps) if _uses(s).startswith("actions/cache/save"))
    assert restore < check < save
    assert steps[save].get("if") == "always()"
    assert steps[save]["with"]["path"] == steps[restore]["with"]["path"] == ".checker"
    assert steps[save]["with"]["key"] == steps[restore]["with"]["key"]
    doc = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    assert doc["concurrency"]["cancel-in-progress"] is False  # runs in turn, none dropped


def test_gitlab_job_keeps_the_store_when_the_check_fails() -> None:
    job = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["checker"]
    assert job["cache"]["when"] == "always"  # the default, on_success, drops failing pushes
    assert job["cache"]["paths"] == [".checker/"]
    assert job["resource_group"]
    assert job["artifacts"]["when"] == "always"


def _install_commands() -> list[str]:
    gh = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    gl = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["checker"]
    runs = [s.get("run", "") for s in _steps()] + list(gl["script"])
    specs = [gh["env"]["CHECKER_INSTALL"], gl["variables"]["CHECKER_INSTALL"]]
    return [r for r in runs if "pip install" in r] + specs


def test_checker_is_installed_from_the_repository_or_a_pinned_version() -> None:
    cmds = _install_commands()
    assert len(cmds) == 4
    for cmd in cmds:
        assert "CHECKER_PACKAGE:-checker" not in cmd  # "whatever the registry calls checker"
        assert cmd.strip() != "pip install checker"
    for spec in cmds[2:]:
        pinned = spec.startswith(("./", "/")) or "==" in spec or ("@" in spec and "git+" in spec)
        assert pinned, spec


def test_github_workflow_uploads_sarif_and_writes_the_summary() -> None:
    steps = _steps()
    sarif = next(s for s in steps if _uses(s).startswith("github/codeql-action/upload-sarif"))
    assert sarif["with"]["sarif_file"] == "checker-out/checker.sarif"
    assert sarif["if"].startswith("always()")
    summary = next(s for s in steps if "GITHUB_STEP_SUMMARY" in s.get("run", ""))
    assert summary["if"] == "always()" and "summary.md" in summary["run"]
    doc = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    assert doc["permissions"]["security-events"] == "write"
    script = SCRIPT.read_text(encoding="utf-8")
    assert "--sarif" in script and "--md" in script and "--format github" in script
