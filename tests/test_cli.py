"""The command line end to end, on the bundled seeds and the FA-KES corpus."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT, claim_columns

from checker.cli import main
from checker.engine import load_rules
from checker.engine.clustering import town_key
from checker.engine.incidents import source_of
from checker.engine.names import NAMES
from checker.records import Claim


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    res = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return res.exit_code, res.stdout, res.stderr


def test_extract_jsonl_has_every_spec_field_and_the_seeds_main_figures() -> None:
    code, out, _ = run("extract", str(EXAMPLES), "--format", "jsonl", "--jobs", "1")
    assert code == 0
    claims = [json.loads(line) for line in out.splitlines()]
    assert claims and all(list(c) == claim_columns() for c in claims)
    got = {(c["article_id"][:3], c["value"], c["category"]) for c in claims}
    for expected in [
        ("001", 150000, "displaced"),
        ("004", 250000, "displaced"),
        ("000", 300000, "displaced"),
        ("002", 520000, "displaced"),
        ("000", 3600000, "refugees"),
        ("003", 900000, "displaced"),
        ("002", 13, "killed"),
        ("001", 18, "facilities"),
    ]:
        assert expected in got, expected
    projected = [c for c in claims if c["value"] == 900000]
    assert projected[0]["modality"] == "projected" and projected[0]["hedge"] == "up_to"
    ids = [c["claim_id"] for c in claims]
    assert len(ids) == len(set(ids))
    _, again, _ = run("extract", str(EXAMPLES), "--format", "jsonl", "--jobs", "1")
    assert [json.loads(x)["claim_id"] for x in again.splitlines()] == ids  # stable ids


def test_extract_csv_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    code, _, _ = run(
        "extract", str(EXAMPLES / "001_50fb227fe682e39d.md"), "--format", "csv", "-o", str(out)
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and list(rows[0]) == claim_columns()
    assert {r["surface"] for r in rows} >= {"more than 150,000"}


def test_check_json_document_and_exit_status(tmp_path: Path) -> None:
    out = tmp_path / "findings.json"
    code, _, err = run(
        "check",
        str(EXAMPLES),
        "--store",
        str(tmp_path / "s.sqlite"),
        "--format",
        "json",
        "-o",
        str(out),
    )
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert set(doc) == {"articles", "claims", "findings", "errors", "incidents"}
    assert doc["articles"] == 5 and doc["claims"] > 10
    rules = {f["rule"] for f in doc["findings"]}
    # seed 003's date line (Jun 2019) contradicts its copyright line (2018): high -> exit 1
    assert "dateline.check_dateline_matches_content" in rules
    dl = [f for f in doc["findings"] if f["rule"] == "dateline.check_dateline_matches_content"]
    assert {c["article_id"] for f in dl for c in f["claims"]} <= {"003_f69708c9ff08d684"}
    assert code == 1, err
    # the growing 2019 displacement total and the December 2019 total are not conflicts
    assert "running_total.check_running_total_goes_down" not in rules
    for f in doc["findings"]:
        assert f["explanation"] and f["message"] and f["severity"] in ("low", "medium", "high")
        for c in f["claims"]:
            assert {
                "article_id",
                "outlet",
                "value",
                "low",
                "high",
                "surface",
                "quote",
                "start",
                "end",
                "in_title",
            } <= set(c)
    code_never, _, _ = run(
        "check",
        str(EXAMPLES),
        "--store",
        ":memory:",
        "--fail-on",
        "never",
        "--format",
        "json",
        "-o",
        str(tmp_path / "f2.json"),
    )
    assert code_never == 0


def test_bad_usage_exits_2(tmp_path: Path) -> None:
    code, _, err = run("check", str(tmp_path / "missing.csv"))
    assert code == 2 and "missing.csv" in err
    bad = tmp_path / "rules"
    bad.mkdir()
    (bad / "mine.py").write_text('def check_x(clam):\n    """Typo."""\n', encoding="utf-8")
    code, _, err = run("check", str(EXAMPLES), "--store", ":memory:", "--rules", str(bad))
    assert code == 2 and "clam" in err
    code, _, err = run("check", str(EXAMPLES), "--column", "nonsense")
    assert code == 2 and "FIELD=COLUMN" in err


def test_rules_list_and_explain() -> None:
    code, out, _ = run("rules", "list")
    assert code == 0
    for r in load_rules():
        module, func = r.id.split(".")
        assert module in out and func[:20] in out, r.id
    for gone in ("running_total", "check_running_total_goes_down"):
        assert gone not in out  # replaced by timeline.py
    code, out, _ = run("rules", "explain", "cross_outlet.check_incompatible_counts")
    assert code == 0 and "Flags:" in out and "tolerance=0.0" in out and "max_ratio=20" in out
    code, out, _ = run("rules", "explain", "timeline.check_toll_updated")
    assert code == 0 and "severity low" in out and "asks for incident" in out


def test_rules_names_lists_every_name_a_rule_may_ask_for() -> None:
    code, out, _ = run("rules", "names")
    assert code == 0
    for name in NAMES:
        assert re.search(rf"^\s*{name}\b", out, re.M), name


def test_stdin_input() -> None:
    text = (EXAMPLES / "001_50fb227fe682e39d.md").read_text(encoding="utf-8")
    code, out, _ = run("extract", "-", "--stdin-format", "md", input=text)
    assert code == 0
    assert any(json.loads(x)["value"] == 150000 for x in out.splitlines())


def test_fakes_csv_end_to_end_json_and_html(tmp_path: Path, fakes_csv: Path) -> None:
    store = str(tmp_path / "s.sqlite")
    code, _, err = run(
        "check",
        str(fakes_csv),
        "--store",
        store,
        "--format",
        "json",
        "-o",
        str(tmp_path / "f.json"),
        "--html",
        str(tmp_path / "r.html"),
    )
    assert code in (0, 1), err
    doc = json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))
    assert doc["articles"] == 804
    assert doc["claims"] > 3000
    cross = [f for f in doc["findings"] if f["rule"] == "cross_outlet.check_incompatible_counts"]
    assert cross, "FA-KES has real cross-outlet discrepancies"
    incidents = {i["incident_id"]: i for i in doc["incidents"]}
    for f in cross:
        # two figures of one incident, from two articles, from two sources
        a, b = f["claims"]
        assert f["kind"] == "conflict" and f["severity"] in ("high", "medium")
        if f["severity"] == "high":  # high: both placed at one town (or finer place)
            assert town_key(a["location"]) == town_key(b["location"])
        assert a["article_id"] != b["article_id"]
        assert source_of(Claim.from_dict(a)) != source_of(Claim.from_dict(b))
        assert a["incident_id"] == b["incident_id"] == f["incident_id"]
        held = {c["claim_id"] for c in incidents[f["incident_id"]]["claims"]}
        assert {a["claim_id"], b["claim_id"]} <= held
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<html" in html and cross[0]["finding_id"] in html
    # a report a newsroom can open: its size grows with the findings (each with its
    # incident's cards: about 6 kB a finding on FA-KES), not with the claims (the claims
    # table is compact JSON); each rule documented once
    assert len(html.encode("utf-8")) < 1_500_000 + 7_000 * len(doc["findings"])
    assert html.count("Hedges are respected") == 1  # a rule's documentation, once
    # every finding points at the CSV line of its claim, in plain words ("exactly 22")
    assert all(f["source_file"] == str(fakes_csv) and f["line"] for f in doc["findings"])
    assert not [f for f in doc["findings"] if "allows [" in f["message"]]
    assert all("cannot both be true" in f["message"] for f in cross)
    # warnings (renamed duplicate ids) are not errors
    assert "0 errors, 12 warnings" in err


def test_readme_commands_do_all_the_set_up() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.*?)\n```", quick, re.S)
    assert commands == [
        'pip install -e ".[dev]" && checker check examples/idlib -o report.html',
        "python -m pytest",
    ]
    assert "apt-get install chromium" in quick and "playwright install chromium" in quick
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert (
        'pip install -q -e ".[dev]"' in ci and "checker check examples/idlib -o report.html" in ci
    )
    assert "\npython -m pytest\n" in ci and "python -m pytest -m slow" in ci
    from conftest import missing_dev_modules

    assert missing_dev_modules() == []  # what the set-up installs is what the tests import
    table = readme.split("## Exit status", 1)[1].split("\n## ", 1)[0]
    assert [row.split("|")[1].strip() for row in table.splitlines() if row.startswith("| ")][
        1:
    ] == [
        "0",
        "1",
        "2",
        "130",
    ]


def test_installed_console_script_runs() -> None:
    exe = shutil.which("checker")
    if exe is None:
        pytest.skip("console script not on PATH")
    res = subprocess.run([exe, "--help"], capture_output=True, text=True, check=False)
    assert res.returncode == 0 and "extract" in res.stdout and "check" in res.stdout


def test_module_runs_under_python_O(tmp_path: Path) -> None:
    res = subprocess.run(
        [
            sys.executable,
            "-O",
            "-m",
            "checker.cli",
            "check",
            str(EXAMPLES),
            "--store",
            ":memory:",
            "--format",
            "json",
            "-o",
            str(tmp_path / "f.json"),
            "--jobs",
            "1",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert res.returncode == 1, res.stderr
    doc = json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))
    assert any(f["rule"].startswith("dateline.") for f in doc["findings"])
