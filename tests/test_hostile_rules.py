"""Runaway rules and the processes around them (issue 13).

A rule that prints, exits, loops or kills its process is a rule error: the run goes on, its
JSON on standard output stays one document, its exit status stays the findings'. Pool
workers die with the process that started them. The working folder's pyproject.toml, which
can add rule code, is said at the top of every run, and --no-config ignores it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT

from checker.cli import main
from checker.engine import loader
from checker.errors import RuleLoadError
from checker.pipeline import RuleSelection, check

RULES = '''
import os, sys
from checker import rule


@rule(severity="low")
def check_prints(claim):
    """Prints, to Python's stdout and to file descriptor 1."""
    print("PRINTED BY A RULE")
    os.write(1, b"WRITTEN TO FD 1 BY A RULE\\n")


@rule(severity="low")
def check_exits(claim):
    """Calls sys.exit."""
    sys.exit(0)


@rule(severity="low")
def check_hard_exits(claim):
    """Calls os._exit."""
    os._exit(0)


@rule(severity="low")
def check_spins(claim):
    """Never returns on one claim."""
    if claim.value == 7:
        while True:
            pass
'''

TEXTS = [
    {"id": "a", "outlet": "sana", "text": "At least 7 people were killed in Homs on Monday."},
    {"id": "b", "outlet": "reuters", "text": "At least 9 people were killed in Hama on Monday."},
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "bad_rules").mkdir()
    (tmp_path / "bad_rules" / "runaway.py").write_text(RULES)
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in TEXTS))
    (tmp_path / "budget.toml").write_text("[tool.checker]\nrule_timeout = 0.5\n")
    return tmp_path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_rule_that_prints_exits_or_loops_is_a_rule_error_and_stdout_stays_json(
    project: Path, jobs: str
) -> None:
    started = time.monotonic()
    res = subprocess.run(
        [
            sys.executable, "-m", "checker.cli", "check", str(project / "in.jsonl"),
            "--rules", str(project / "bad_rules"), "--config", str(project / "budget.toml"),
            "--store", ":memory:", "--format", "json", "--jobs", jobs,
        ],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
    )  # fmt: skip
    # rules that raised: the check is incomplete (2, checker.exitcodes), but it ran to its
    # end: no crash, no early exit 0 from a rule's sys.exit
    assert res.returncode == 2, res.stderr
    assert "so the check is incomplete" in res.stderr
    assert time.monotonic() - started < 60
    doc = json.loads(res.stdout)  # one JSON document: nothing a rule wrote is in it
    assert doc["articles"] == 2
    by_rule: dict[str, list[str]] = {}
    for e in doc["errors"]:
        by_rule.setdefault(e.get("rule", ""), []).append(e["message"])
    assert "printed to standard output" in " ".join(by_rule["runaway.check_prints"])
    assert len(by_rule["runaway.check_prints"]) == 1  # said once, not per call or part
    assert all("sys.exit(0)" in m for m in by_rule["runaway.check_exits"])
    assert all("os._exit(0)" in m for m in by_rule["runaway.check_hard_exits"])
    (spun,) = by_rule["runaway.check_spins"]
    assert "time budget of 0.5 s" in spun
    # what it printed is only quoted in the warning; what it wrote to fd 1 went to stderr
    printed = [e for e in doc["errors"] if e.get("rule") == "runaway.check_prints"]
    assert printed[0]["value"] == "PRINTED BY A RULE"
    assert res.stdout.count("PRINTED BY A RULE") == 1 and "WRITTEN TO FD 1" not in res.stdout


def test_a_rule_budget_is_set_per_rule(project: Path) -> None:
    from checker.engine.loader import RuleSettings

    rules = RuleSelection(
        dirs=[project / "bad_rules"],
        only=["runaway.check_spins"],
        settings={"runaway.check_spins": RuleSettings(timeout=0.2)},
        timeout=60,
    ).load()
    assert [r.timeout for r in rules] == [0.2]
    result = check([project / "in.jsonl"], store=":memory:", rules=rules, jobs=1)
    (error,) = result.errors
    assert "0.2 s" in error.message and error.rule == "runaway.check_spins"


@pytest.mark.parametrize(
    "body, words",
    [
        ("while True:\n    pass\n", "took longer than 0.3 s"),
        ("import sys\nsys.exit(3)\n", "sys.exit(3)"),
        ("import os\nos._exit(0)\n", "os._exit(0)"),
    ],
)
def test_a_rule_module_that_hangs_or_exits_at_import_is_a_load_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, words: str
) -> None:
    monkeypatch.setattr(loader, "IMPORT_TIMEOUT", 0.3)
    (tmp_path / "bad.py").write_text(body)
    with pytest.raises(RuleLoadError, match=words.replace("(", r"\(").replace(")", r"\)")):
        loader.load_rules([tmp_path])
    res = CliRunner().invoke(
        main, ["rules", "list", "--rules", str(tmp_path)], catch_exceptions=False
    )
    assert res.exit_code == 2 and words in res.stderr


def test_a_rule_that_kills_its_worker_costs_its_part_only(tmp_path: Path) -> None:
    folder = tmp_path / "killer"
    folder.mkdir()
    (folder / "killer.py").write_text(
        "import os, signal\n"
        "def check_kills(claim):\n"
        '    """Kills the process it runs in."""\n'
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    rows = [
        {"id": "a", "outlet": "sana", "published": "2019-06-24",
         "text": "At least 12 people were killed in Ariha in Idlib province on Monday."},
        {"id": "b", "outlet": "reuters", "published": "2019-06-24",
         "text": "Only 2 people were killed in Ariha in Idlib province on Monday."},
    ]  # fmt: skip
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = check(
        [tmp_path / "in.jsonl"], store=":memory:", rules=RuleSelection(dirs=[folder]), jobs=2
    )
    died = [e for e in result.errors if "died twice" in e.message]
    assert len(died) == 1 and "articles a, b" in died[0].message
    # the other part (pairs of claims) ran: its finding is there
    assert [f.rule for f in result.findings] == ["cross_outlet.check_incompatible_counts"]


def _children(pid: int) -> set[int]:
    kids = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                kids.add(int(entry.name))
    return kids


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "term"])
def test_pool_workers_die_with_their_parent(tmp_path: Path, fakes_csv: Path, sig: int) -> None:
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "checker.cli", "check", str(fakes_csv), "--jobs", "2",
            "--store", str(tmp_path / "s.sqlite"), "--format", "json", "-o", os.devnull,
        ],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
            workers = _children(proc.pid)
            time.sleep(0.05)
        assert len(workers) >= 2, "the pool did not start"
        time.sleep(0.5)  # at work (without the fix, they were still alive minutes later)
        os.kill(proc.pid, sig)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.05)
        assert not [w for w in workers if _alive(w)], "workers outlived their parent"
    finally:
        if proc.poll() is None:
            proc.kill()
        for w in _children(proc.pid):
            os.kill(w, signal.SIGKILL)


# -- the working folder's config -------------------------------------------------------


def test_the_config_in_force_is_said_and_no_config_ignores_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "ran"
    (tmp_path / "planted").mkdir()
    (tmp_path / "planted" / "planted.py").write_text(
        f"open({str(marker)!r}, 'w').close()\ndef check_nothing(claim):\n    '''Planted.'''\n"
    )
    (tmp_path / "pyproject.toml").write_text(
        '[tool.checker]\nrule_dirs = ["planted"]\n'
        'disable = ["cross_outlet", "dateline", "timeline", "same_source", '
        '"within_article"]\nfail_on = "never"\n'
    )
    monkeypatch.chdir(tmp_path)
    args = ["check", str(EXAMPLES), "--store", ":memory:", "--format", "json", "--jobs", "1"]
    res = CliRunner().invoke(main, args, catch_exceptions=False)
    first = res.stderr.splitlines()[0]
    assert first.startswith("checker: config: pyproject.toml")
    assert "fail_on never" in first and "disable cross_outlet" in first
    assert f"rules: built-in, {Path('planted')}" in first
    assert res.exit_code == 0 and marker.exists()

    marker.unlink()
    res = CliRunner().invoke(main, [*args, "--no-config"], catch_exceptions=False)
    assert res.stderr.splitlines()[0] == "checker: config: none; rules: built-in"
    assert res.exit_code == 1  # seed 003's date line: a high finding, as without the file
    assert not marker.exists()

    res = CliRunner().invoke(main, [*args, "--no-config", "--config", "pyproject.toml"])
    assert res.exit_code == 2 and "exclude each other" in res.stderr
