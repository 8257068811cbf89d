"""Every built-in rule against its passing and flagging cases in tests/rules/*.yaml.

Each YAML file names one rule and lists cases: ``expect: flag`` (the rule must report at
least one finding, whose message contains ``message_contains`` if given) or ``expect:
pass`` (no finding, no rule error). Claims are written with ``checker.testing.build_claim``
fields (any Claim field; ``claim_id`` names a claim so that another's ``part_of`` can point
at it). A flagging case may also assert its findings' ``kind`` and ``severity`` (default:
the rule's own) and their number (``findings``); a case the engine gets wrong is marked
``xfail: <why>`` (strict: it fails the run once the engine gets it right).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.engine import load_rules
from checker.records import SEVERITIES
from checker.testing import build_claim, check_rule

CASES_DIR = Path(__file__).parent / "rules"
CASE_KEYS = {
    "name",
    "expect",
    "claims",
    "message_contains",
    "kind",
    "severity",
    "findings",
    "xfail",
}


def _docs() -> list[tuple[Path, dict[str, Any]]]:
    return [
        (path, yaml.safe_load(path.read_text(encoding="utf-8")))
        for path in sorted(CASES_DIR.glob("*.yaml"))
    ]


def _cases() -> list[Any]:
    out = []
    for path, doc in _docs():
        for case in doc["cases"]:
            marks = []
            if "xfail" in case:
                marks.append(pytest.mark.xfail(strict=True, reason=str(case["xfail"])))
            out.append(
                pytest.param(doc["rule"], case, id=f"{path.stem}: {case['name']}", marks=marks)
            )
    return out


RULES = {r.id: r for r in load_rules(include_disabled=True)}


@pytest.mark.parametrize(("rule_id", "case"), _cases())
def test_rule_case(rule_id: str, case: dict[str, Any]) -> None:
    assert set(case) <= CASE_KEYS, f"unknown case keys: {sorted(set(case) - CASE_KEYS)}"
    rule = RULES[rule_id]
    claims = [build_claim(**c) for c in case["claims"]]
    outcome = check_rule(rule, claims)
    assert not outcome.errors, [str(e) for e in outcome.errors]
    messages = [f.message for f in outcome.findings]
    if case["expect"] == "flag":
        assert outcome.findings, f"{rule_id} should flag: {case['name']}"
        if "message_contains" in case:
            assert any(case["message_contains"] in m for m in messages), messages
        if "findings" in case:
            assert len(outcome.findings) == case["findings"], messages
        for f in outcome.findings:
            assert f.rule == rule_id and f.explanation == rule.doc
            assert f.kind == case.get("kind", rule.kind)
            assert f.severity == case.get("severity", rule.severity)
            # checker.fail may lower a finding's severity, never raise it
            assert SEVERITIES.index(f.severity) <= SEVERITIES.index(rule.severity)
            given = {c.claim_id for c in claims}
            assert f.claims and {c.claim_id for c in f.claims} <= given
            if rule.subject in ("pair", "incident"):
                assert f.incident_id is not None
                assert {c.incident_id for c in f.claims} == {f.incident_id}
    else:
        assert case["expect"] == "pass"
        assert not outcome.findings, messages


def test_every_builtin_rule_has_cases() -> None:
    covered = set()
    for path, doc in _docs():
        kinds = {c["expect"] for c in doc["cases"] if "xfail" not in c}
        assert kinds == {"flag", "pass"}, f"{path.name} needs a flagging and a passing case"
        covered.add(doc["rule"])
    missing = set(RULES) - covered - {"dateline.check_dateline_matches_content"}
    assert not missing, f"rules without YAML cases: {sorted(missing)}"
    assert covered <= set(RULES), f"cases for no rule: {sorted(covered - set(RULES))}"


def test_every_kind_of_finding_has_a_flagging_case() -> None:
    """The issue's kinds: conflict, toll_updated, toll_down, stale, sources_disagree,
    headline and part_whole (dateline has its own tests)."""
    flagged = {
        case.get("kind", RULES[doc["rule"]].kind)
        for _, doc in _docs()
        for case in doc["cases"]
        if case["expect"] == "flag" and "xfail" not in case
    }
    kinds = {r.kind for r in RULES.values()} - {"dateline"}
    assert kinds <= flagged, sorted(kinds - flagged)
