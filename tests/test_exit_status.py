"""Exit status a CI can trust (checker.exitcodes): each way a run passed when it should not.

Every test here failed on the main branch before this table existed: a typo in --select or in
``disable`` ran nothing and passed, an empty folder passed even with --strict, a rule that
raised every time passed, and extract passed on inputs check refused.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from checker.cli import main
from checker.exitcodes import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, exit_status
from checker.records import ErrorRecord, Finding

BOOM = '''from checker import rule

@rule(severity="high")
def check_boom(claim):
    """Raises on every claim (a broken rule)."""
    raise ValueError("boom")
'''


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    res = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return res.exit_code, res.stdout, res.stderr


def check(*args: str) -> tuple[int, str, str]:
    return run("check", *args, "--store", ":memory:", "--jobs", "1")


def test_a_misspelled_rule_id_in_select_is_a_usage_error() -> None:
    code, _, err = check(str(EXAMPLES), "--select", "cross_outlet.check_incompatable_counts")
    assert code == EXIT_USAGE
    assert "names no rule: 'cross_outlet.check_incompatable_counts'" in err
    assert "did you mean cross_outlet.check_incompatible_counts" in err


def test_a_misspelled_rule_in_ignore_or_in_disable_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = check(str(EXAMPLES), "--ignore", "datelin")
    assert code == EXIT_USAGE and "'datelin' (did you mean dateline" in err
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.checker]\ndisable = ["datelin"]\n')
    code, _, err = check(str(EXAMPLES))
    assert code == EXIT_USAGE and "'datelin'" in err
    # a module name or an id that exists is fine
    (tmp_path / "pyproject.toml").write_text('[tool.checker]\ndisable = ["dateline"]\n')
    code, _, _ = check(str(EXAMPLES))
    assert code == EXIT_OK  # seed 003's date line was the one high finding


def test_an_unknown_config_key_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.checker]\ndisabled = ["dateline"]\n')
    code, _, err = check(str(EXAMPLES))
    assert code == EXIT_USAGE and "unknown [tool.checker] key(s) ['disabled']" in err


@pytest.mark.parametrize("strict", [False, True])
def test_an_empty_or_wrong_folder_is_a_usage_error(tmp_path: Path, strict: bool) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    wrong = tmp_path / "wrong"
    wrong.mkdir()
    (wrong / "photo.png").write_bytes(b"\x89PNG\r\n")
    (wrong / "README.md").write_text("not an article")
    for folder in (empty, wrong):
        code, _, err = check(str(folder), *(["--strict"] if strict else []))
        assert code == EXIT_USAGE, folder
        assert "no article in the inputs" in err


def test_a_rule_that_raises_fails_the_run(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "boom.py").write_text(BOOM)
    out = tmp_path / "r.json"
    code, _, err = check(
        str(EXAMPLES), "--rules", str(rules), "--select", "boom", "--format", "json", "-o", str(out)
    )
    assert code == EXIT_USAGE  # 21 raises (20 listed + a summary), not a pass
    doc = json.loads(out.read_text())  # the report is still written
    assert len(doc["errors"]) == 21
    assert "1 rule raised (boom.check_boom)" in err
    assert err.count("rule error:") == 5  # the first errors, with file and line
    assert f"{rules / 'boom.py'}:6" in err


def test_extract_and_check_agree_on_unreadable_inputs(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("x\n1\n")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02")
    for cmd in ("extract", "check"):
        args = [cmd, str(bad), str(binary)] + (["--store", ":memory:"] if cmd == "check" else [])
        code, _, err = run(*args)
        assert code == EXIT_USAGE, cmd
        assert "no article in the inputs" in err


@pytest.mark.parametrize("cmd", ["extract", "check"])
def test_strict_fails_on_input_errors_but_not_on_warnings(tmp_path: Path, cmd: str) -> None:
    good = tmp_path / "good.md"
    good.write_text((EXAMPLES / "001_50fb227fe682e39d.md").read_text(encoding="utf-8"))
    latin = tmp_path / "latin.txt"  # decoded with a warning: kept, not an error
    latin.write_bytes(
        "Shelling killed 12 people in Idlib, café owners said.\nMore.\n".encode("cp1252")
    )
    extra = ["--store", ":memory:", "--fail-on", "never"] if cmd == "check" else []
    code, _, _ = run(cmd, str(good), str(latin), "--strict", *extra)
    assert code == EXIT_OK
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "text": "Five people were killed."}\n{not json\n')
    code, _, _ = run(cmd, str(good), str(broken), *extra)
    assert code == EXIT_OK
    code, _, err = run(cmd, str(good), str(broken), "--strict", *extra)
    assert code == EXIT_USAGE and "with --strict" in err


def test_the_table_in_one_function() -> None:
    err = ErrorRecord(stage="ingest", message="bad row", line=3)
    warn = ErrorRecord(stage="ingest", message="decoded", level="warning")
    rule_err = ErrorRecord(stage="rule", message="raised", rule="x.check_y")
    high = Finding("f1", "r.check", "high", "m", (), "doc")
    dismissed = Finding("f2", "r.check", "high", "m", (), "doc", status="dismissed")
    assert exit_status(articles=0, errors=[]).code == EXIT_USAGE
    assert exit_status(articles=3, errors=[warn], strict=True).code == EXIT_OK
    assert exit_status(articles=3, errors=[err]).code == EXIT_OK
    assert exit_status(articles=3, errors=[err], strict=True).code == EXIT_USAGE
    assert exit_status(articles=3, errors=[rule_err]).code == EXIT_USAGE
    assert exit_status(articles=3, errors=[], findings=[high], fail_on="high").code == EXIT_FINDINGS
    assert exit_status(articles=3, errors=[], findings=[high], fail_on="never").code == EXIT_OK
    assert exit_status(articles=3, errors=[], findings=[dismissed], fail_on="low").code == EXIT_OK
