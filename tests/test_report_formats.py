"""json, md, junit reports of a CheckResult; jsonl and csv of claims; format dispatch."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from conftest import claim_columns
from test_report_data import (
    RULE_QUIET,
    RULE_TOTAL,
    large_result,
    real_result,
    seeds_result,
    xss_result,
)

from checker.errors import UsageError
from checker.records import CheckResult, Claim, ErrorRecord, Finding
from checker.report import CLAIM_FIELDS, write_check, write_claims
from checker.report.markdown import MAX_BYTES, render_markdown


def out(result: CheckResult, fmt: str) -> str:
    buf = io.StringIO()
    write_check(result, fmt, buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def real() -> CheckResult:
    return real_result()


# --- json ---------------------------------------------------------------------------------


def test_json_is_the_spec_document(real: CheckResult) -> None:
    text = out(real, "json")
    doc = json.loads(text)
    assert list(doc)[:4] == ["articles", "claims", "findings", "errors"]  # the spec's keys first
    assert list(doc)[4:] == ["incidents"]
    assert doc == real.to_dict()
    assert (doc["articles"], doc["claims"], len(doc["findings"]), len(doc["errors"])) == (
        7,
        16,
        3,
        3,
    )
    assert (
        "the country’s nearly nine-year war" in text and "\\u2019" not in text
    )  # UTF-8 kept, not \u-escaped
    assert text.startswith('{\n  "articles": 7,')  # indented
    # written a record at a time, as json.dump writes the whole document
    assert text == json.dumps(real.to_dict(), indent=2, ensure_ascii=False) + "\n"
    empty = CheckResult()
    assert out(empty, "json") == json.dumps(empty.to_dict(), indent=2, ensure_ascii=False) + "\n"


def test_unknown_formats_are_usage_errors(real: CheckResult) -> None:
    with pytest.raises(UsageError, match="json, html, md, junit"):
        write_check(real, "pdf", io.StringIO())
    with pytest.raises(UsageError, match="jsonl, csv"):
        write_claims(real.claims, "json", io.StringIO())


# --- claims: jsonl and csv --------------------------------------------------------------------


def _spec_claim_fields() -> list[str]:
    return claim_columns()


def test_csv_header_is_the_spec_fields_in_spec_order() -> None:
    assert list(CLAIM_FIELDS) == _spec_claim_fields()
    assert set(CLAIM_FIELDS) == {f.name for f in dataclasses.fields(Claim)}


def test_csv_rows_round_trip_with_commas_quotes_and_newlines(real: CheckResult) -> None:
    claims = real.claims
    tricky = dataclasses.replace(claims[0], quote='He said "22, no 35"\nthen left', location=None)
    buf = io.StringIO()
    write_claims(iter([*claims, tricky]), "csv", buf)  # an iterator is streamed
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert len(rows) == len(claims) + 1
    for row, c in zip(rows, [*claims, tricky], strict=True):
        d = c.to_dict()
        assert row == {k: "" if d[k] is None else str(d[k]) for k in CLAIM_FIELDS}
    assert rows[-1]["quote"] == 'He said "22, no 35"\nthen left'
    assert rows[0]["surface"] == "at least 26"
    assert rows[0]["low"] == "26.0" and rows[0]["high"] == ""  # unbounded: an empty cell


def test_jsonl_one_claim_a_line_round_trips(real: CheckResult) -> None:
    buf = io.StringIO()
    write_claims(real.claims, "jsonl", buf)
    lines = buf.getvalue().splitlines()
    assert len(lines) == len(real.claims)
    back = [Claim.from_dict(json.loads(line)) for line in lines]
    assert back == real.claims
    assert list(json.loads(lines[0])) == list(CLAIM_FIELDS)


# --- md -------------------------------------------------------------------------------------------


def test_markdown_summary_of_real_findings(real: CheckResult) -> None:
    md = out(real, "md")
    assert md.startswith("### checker: 3 findings (1 high, 1 medium, 1 low)\n")
    assert (
        "**7** articles · **5** outlets · **16** claims · **3** findings · **3** errors · "
        "**0** warnings" in md
    )
    assert "| rule | high | medium | low | total | rule errors |" in md
    assert f"| `{RULE_TOTAL}` | 1 | 0 | 0 | **1** | 1 |" in md
    assert f"| `{RULE_QUIET}` | 0 | 0 | 0 | **0** | 0 |" in md
    bullets = [line for line in md.splitlines() if line.startswith("- **")]
    assert [b.split("**")[1] for b in bullets] == ["HIGH", "MEDIUM", "LOW"]
    assert f"`{RULE_TOTAL}`" in bullets[0]
    assert (
        "reuters citing United Nations (12 Feb 2020): 520,000 people displaced (exact)"
        in (bullets[0])
    )
    assert (
        "alaraby citing a monitor and activists (26 Oct 2016): at least 26 civilians killed "
        "(26 or more)" in bullets[1]
    )
    assert "\\[520,000" not in md and "∞" not in md  # intervals are in words
    assert "**Errors:** 3 (ingest 1, schema 1, rule 1)" in md
    assert "… more" not in md


def test_markdown_escapes_markup_and_mentions() -> None:
    md = out(xss_result(), "md")
    prose = re.sub(r"`[^`]*`", "", md)  # code spans print literally: markup there is inert
    assert re.search(r"(?<!\\)<", prose) is None  # every "<" outside code is escaped
    assert "\\<script\\>alert(14)\\</script\\>" in md
    f = dataclasses.replace(xss_result().findings[0], message="ping @octocat *now* | x")
    md2 = render_markdown(CheckResult(findings=[f]))
    assert "\\@octocat \\*now\\* \\| x" in md2


def test_markdown_stays_small_for_thousands_of_findings() -> None:
    big = large_result()
    findings = [
        dataclasses.replace(
            f, finding_id=f"{f.finding_id}-{k}", message=f.message + " " + "x" * 300
        )
        for k in range(20)
        for f in big.findings
    ]
    assert len(findings) > 3000
    md = render_markdown(dataclasses.replace(big, findings=findings))
    assert len(md.encode("utf-8")) <= MAX_BYTES
    shown = sum(1 for line in md.splitlines() if line.startswith("- **"))
    m = re.search(r"… and ([\d,]+) more findings not listed", md)
    assert m and int(m.group(1).replace(",", "")) == len(findings) - shown
    # byte budget, not just the count, limits it
    tight = render_markdown(
        dataclasses.replace(big, findings=findings), max_findings=10**6, max_bytes=20_000
    )
    assert len(tight.encode("utf-8")) <= 20_000
    assert "more findings not listed" in tight


# --- junit ---------------------------------------------------------------------------------------


def test_junit_has_one_testcase_per_finding(real: CheckResult) -> None:
    root = ET.fromstring(out(real, "junit"))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"checker", "checker.inputs"}
    cases = suites["checker"].findall("testcase")
    failing = [tc for tc in cases if tc.find("failure") is not None]
    assert len(failing) == len(real.findings) == 3
    # each names its rule and its stable finding id, so a CI tab tracks it run to run
    for f in real.findings:
        (tc,) = [tc for tc in failing if f"[{f.finding_id}]" in (tc.get("name") or "")]
        assert tc.get("classname") == f.rule
        failure = tc.find("failure")
        assert failure is not None and failure.get("type") == f.severity
        assert failure.get("message") == f.message
    total = next(tc for tc in failing if tc.get("classname") == RULE_TOTAL)
    text = total.find("failure").text or ""  # type: ignore[union-attr]
    assert "The United Nations says 520,000 people have been displaced" in text
    assert "520,000 people displaced (exact)" in text and "[520,000" not in text
    # a rule that ran and found nothing passes; a rule error is an error of its own
    (quiet,) = [tc for tc in cases if tc.get("classname") == RULE_QUIET]
    assert quiet.get("name") == "no finding" and list(quiet) == []
    (err,) = [tc for tc in cases if tc.find("error") is not None]
    assert err.get("classname") == RULE_TOTAL
    assert err.find("error").get("type") == "ZeroDivisionError"  # type: ignore[union-attr]
    inputs = suites["checker.inputs"].findall("testcase")
    assert {tc.get("classname") for tc in inputs} == {
        "checker.inputs.ingest",
        "checker.inputs.schema",
    }
    assert any("FA-KES-Dataset.csv:17" in (tc.get("name") or "") for tc in inputs)
    # the totals add up at every level
    for suite in suites.values():
        tcs = suite.findall("testcase")
        assert int(suite.get("tests", "")) == len(tcs)
        assert int(suite.get("failures", "")) == sum(len(tc.findall("failure")) for tc in tcs)
        assert int(suite.get("errors", "")) == sum(len(tc.findall("error")) for tc in tcs)
    for k in ("tests", "failures", "errors"):
        assert int(root.get(k, "")) == sum(int(s.get(k, "")) for s in suites.values())
    assert (root.get("failures"), root.get("errors")) == ("3", "3")


def test_junit_warnings_are_not_errors_and_dismissed_findings_are_skipped(
    real: CheckResult,
) -> None:
    warn = ErrorRecord(stage="ingest", level="warning", message="decoded as cp1252", source="a.txt")
    f = dataclasses.replace(real.findings[0], status="dismissed", review_note="two events")
    r = dataclasses.replace(real, findings=[f, *real.findings[1:]], errors=[warn])
    root = ET.fromstring(out(r, "junit"))
    assert root.get("errors") == "0" and root.get("failures") == "2" and root.get("skipped") == "1"
    skipped = root.find(".//testcase/skipped")
    assert skipped is not None and skipped.get("message") == "dismissed: two events"
    system_out = root.find("./testsuite[@name='checker.inputs']/system-out")
    assert system_out is not None and "decoded as cp1252" in (system_out.text or "")


def test_junit_counts_every_finding_of_a_large_run() -> None:
    big = large_result()
    root = ET.fromstring(out(big, "junit"))
    failures = root.findall("./testsuite/testcase/failure")
    assert len(failures) == len(big.findings) == int(root.get("failures", ""))
    assert Counter(f.get("type") for f in failures) == Counter(f.severity for f in big.findings)
    names = [
        tc.get("name")
        for tc in root.findall("./testsuite/testcase")
        if tc.find("failure") is not None
    ]
    assert len(set(names)) == len(names)  # one testcase per finding, not one per rule


def test_junit_is_well_formed_with_control_characters_and_markup() -> None:
    r = seeds_result()
    f = r.findings[0]
    bad = Finding(f.finding_id, "rules.odd\x00", "high", "vertical\x0btab & <b>", f.claims, "")
    errs = [ErrorRecord(stage="rule", message="boom\x1b[31m", rule=None)]
    text = out(dataclasses.replace(r, findings=[bad], errors=errs, rules={}), "junit")
    root = ET.fromstring(text)  # parses: the control characters were replaced
    case = root.find("./testsuite/testcase[@classname='rules.odd\ufffd']")
    assert case is not None
    assert case.find("failure").get("message") == "vertical\ufffdtab & <b>"  # type: ignore[union-attr]
    assert root.find("./testsuite/testcase[@classname='(unknown rule)']/error") is not None
    x = ET.fromstring(out(xss_result(), "junit"))
    assert x.find("./testsuite/testcase").get("classname") == 'x"><script>alert(13)</script>'  # type: ignore[union-attr]


def test_no_rules_no_findings_is_an_empty_passing_suite(tmp_path: Path) -> None:
    root = ET.fromstring(out(CheckResult(), "junit"))
    suite = root.find("testsuite")
    assert suite is not None and suite.get("tests") == "0" and suite.get("failures") == "0"
    assert out(CheckResult(), "md").startswith("### checker: 0 findings\n")
