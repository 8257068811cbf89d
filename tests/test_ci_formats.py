"""The outputs that point at files: GitHub workflow commands, SARIF 2.1.0, ClaimReview; and
reviews: `checker review` validates ids against the store and writes the reviews file."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from _incident_data import incident_result
from click.testing import CliRunner
from conftest import EXAMPLES

from checker.cli import main
from checker.records import CheckResult
from checker.report import write_check
from checker.report.github import command, render_github
from checker.report.sarif import build_sarif
from checker.reviews import apply_reviews, load_reviews, new_review, save_reviews


def out(result: CheckResult, fmt: str) -> str:
    import io

    buf = io.StringIO()
    write_check(result, fmt, buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def result() -> CheckResult:
    return incident_result()


def test_github_commands_escape_and_point_at_file_and_line(result: CheckResult) -> None:
    assert (
        command("error", "a%b\nc", file="a,b:c.md", line=3)
        == "::error file=a%2Cb%3Ac.md,line=3::a%25b%0Ac"
    )
    lines = render_github(result).splitlines()
    levels = [x.split(" ", 1)[0] for x in lines]
    assert levels == [
        "::error",
        "::error",
        "::notice",
        "::notice",
        "::warning",
    ]  # + the warning record
    conflict = next(x for x in lines if "Conflict" in x)
    assert conflict.startswith("::error file=FA-KES-Dataset.csv,line=")
    assert "title=incident.check_figures_meet (high%2C Conflict)::" in conflict
    assert "22 people killed (exact)" in conflict and "[22" not in conflict
    dateline = next(x for x in lines if "Date line" in x)
    assert "file=examples/idlib/003_f69708c9ff08d684.md,line=5,col=1," in dateline
    assert "more than 3 million" not in dateline  # a date line is not about the figures


def test_github_a_dismissed_finding_is_a_notice(result: CheckResult) -> None:
    f = dataclasses.replace(result.findings[2], status="dismissed", review_note="two counts")
    r = dataclasses.replace(result, findings=[f])
    (line,) = [x for x in render_github(r).splitlines() if "check_figures_meet" in x]
    assert line.startswith("::notice") and "[dismissed: two counts]" in line


def test_sarif_has_rules_results_and_locations(result: CheckResult) -> None:
    doc = json.loads(out(result, "sarif"))
    assert doc["version"] == "2.1.0" and doc["$schema"].endswith("sarif-2.1.0.json")
    (run,) = doc["runs"]
    driver = run["tool"]["driver"]
    rules = [r["id"] for r in driver["rules"]]
    assert set(rules) == {f.rule for f in result.findings}
    assert all(
        r["fullDescription"]["text"] and "``" not in r["fullDescription"]["text"]
        for r in driver["rules"]
    )
    results = run["results"]
    assert len(results) == len(result.findings)
    for res in results:
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note")
        assert res["message"]["text"]
        (loc,) = res["locations"]
        phys = loc["physicalLocation"]
        assert not phys["artifactLocation"]["uri"].startswith("/")
        assert phys["region"]["startLine"] >= 1
        assert res["partialFingerprints"]["checkerFindingId/v1"]
    conflict = next(r for r in results if r["ruleId"].endswith("figures_meet"))
    assert conflict["level"] == "error" and conflict["properties"]["kind"] == "conflict"
    assert len(conflict["relatedLocations"]) == 2
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["warning"]  # the warning record, not an error
    assert run["invocations"][0]["executionSuccessful"] is True


def test_sarif_suppresses_a_dismissed_finding(result: CheckResult) -> None:
    f = dataclasses.replace(result.findings[0], status="dismissed", review_note="checked")
    res = build_sarif(dataclasses.replace(result, findings=[f]))["runs"][0]["results"][0]
    assert res["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "checked"}
    ]


def test_claimreview_exports_confirmed_findings_only(result: CheckResult) -> None:
    assert json.loads(out(result, "claimreview")) == []
    conflict = result.findings[2]
    assert conflict.kind == "conflict"
    reviews = {
        conflict.finding_id: new_review(
            conflict.finding_id, "confirmed", "State TV's early toll", "Desk", "r", "m"
        )
    }
    r = apply_reviews(dataclasses.replace(result, findings=list(result.findings)), reviews)
    (cr,) = json.loads(out(r, "claimreview"))
    assert cr["@context"] == "https://schema.org" and cr["@type"] == "ClaimReview"
    assert cr["author"] == {"@type": "Organization", "name": "Desk"}
    assert cr["reviewRating"]["alternateName"] == "Conflicting figures"
    assert 1 <= cr["reviewRating"]["ratingValue"] <= cr["reviewRating"]["bestRating"] == 5
    assert "state TV says 22 killed in car bomb" in cr["claimReviewed"]
    item = cr["itemReviewed"]
    assert item["@type"] == "Claim" and item["appearance"]["publisher"]["name"] == "ahram"
    assert cr["reviewBody"].startswith("State TV's early toll: ")


# --- checker review ---------------------------------------------------------------------------


def cli(*args: str, cwd: Path) -> tuple[int, str, str]:
    import os

    old = Path.cwd()
    os.chdir(cwd)
    try:
        res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)
    return res.exit_code, res.stdout, res.stderr


def test_review_validates_ids_and_a_dismissed_finding_stops_failing(tmp_path: Path) -> None:
    code, _, _ = cli(
        "check", str(EXAMPLES), "--format", "json", "-o", "a.json", "--jobs", "1", cwd=tmp_path
    )
    assert code == 1
    (f,) = json.loads((tmp_path / "a.json").read_text())["findings"]
    assert f["status"] == "open"
    code, _, err = cli("review", "ffffffffff", "--verdict", "dismissed", cwd=tmp_path)
    assert code == 2 and "no finding 'ffffffffff' in the store" in err
    code, _, err = cli("review", "abc", "--verdict", "dismissed", cwd=tmp_path)
    assert code == 2 and "too short" in err
    code, stdout, _ = cli(
        "review", f["finding_id"][:8], "--verdict", "dismissed", "--note", "known: site template",
        "--reviewer", "desk", cwd=tmp_path,
    )  # fmt: skip
    assert code == 0 and f["finding_id"] in stdout
    reviews = load_reviews(tmp_path / "checker-reviews.json")
    assert reviews[f["finding_id"]].verdict == "dismissed"
    assert reviews[f["finding_id"]].rule == f["rule"]
    # the same finding (same id) in a later run: reported as dismissed, the run passes
    code, _, err = cli(
        "check",
        str(EXAMPLES),
        "--all",
        "--format",
        "json",
        "-o",
        "b.json",
        "--jobs",
        "1",
        cwd=tmp_path,
    )
    assert code == 0, err
    (again,) = json.loads((tmp_path / "b.json").read_text())["findings"]
    assert (again["status"], again["review_note"]) == ("dismissed", "known: site template")
    assert "1 dismissed" in err
    # --list shows it; --verdict open forgets it, and the finding fails again
    code, stdout, _ = cli("review", "--list", cwd=tmp_path)
    assert f["finding_id"] in stdout and "dismissed" in stdout
    cli("review", f["finding_id"], "--verdict", "open", cwd=tmp_path)
    code, _, _ = cli(
        "check",
        str(EXAMPLES),
        "--all",
        "--format",
        "json",
        "-o",
        "c.json",
        "--jobs",
        "1",
        cwd=tmp_path,
    )
    assert code == 1


def test_a_reviews_file_named_with_reviews_must_exist(tmp_path: Path) -> None:
    code, _, err = cli(
        "check", str(EXAMPLES), "--store", ":memory:", "--reviews", "nope.json", cwd=tmp_path
    )
    assert code == 2 and "no such reviews file" in err
    save_reviews(tmp_path / "base.json", {})
    assert json.loads((tmp_path / "base.json").read_text()) == {"checker_reviews": 1, "reviews": {}}
    (tmp_path / "bad.json").write_text('{"reviews": {"x": {"verdict": "maybe"}}}')
    code, _, err = cli(
        "check", str(EXAMPLES), "--store", ":memory:", "--baseline", "bad.json", cwd=tmp_path
    )
    assert code == 2 and "needs a verdict" in err
