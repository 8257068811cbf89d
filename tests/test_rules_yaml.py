"""Every built-in rule against its passing and flagging cases in tests/rules/*.yaml.

Each YAML file names one rule and lists cases: ``expect: flag`` (the rule must report at
least one finding, whose message contains ``message_contains`` if given) or ``expect:
pass`` (no finding, no rule error). Claims are written with ``checker.testing.build_claim``
fields.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.engine import load_rules
from checker.testing import build_claim, check_rule

CASES_DIR = Path(__file__).parent / "rules"


def _cases() -> list[Any]:
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            out.append(pytest.param(doc["rule"], case, id=f"{path.stem}: {case['name']}"))
    return out


RULES = {r.id: r for r in load_rules(include_disabled=True)}


@pytest.mark.parametrize(("rule_id", "case"), _cases())
def test_rule_case(rule_id: str, case: dict[str, Any]) -> None:
    claims = [build_claim(**c) for c in case["claims"]]
    outcome = check_rule(RULES[rule_id], claims)
    assert not outcome.errors, [str(e) for e in outcome.errors]
    if case["expect"] == "flag":
        assert outcome.findings, f"{rule_id} should flag: {case['name']}"
        if "message_contains" in case:
            assert any(case["message_contains"] in f.message for f in outcome.findings), [
                f.message for f in outcome.findings
            ]
        for f in outcome.findings:
            assert f.explanation == RULES[rule_id].doc
            assert f.severity == RULES[rule_id].severity
    else:
        assert case["expect"] == "pass"
        assert not outcome.findings, [f.message for f in outcome.findings]


def test_every_builtin_rule_has_cases() -> None:
    covered = set()
    for path in CASES_DIR.glob("*.yaml"):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        kinds = {c["expect"] for c in doc["cases"]}
        assert kinds == {"flag", "pass"}, f"{path.name} needs both a flagging and a passing case"
        covered.add(doc["rule"])
    missing = set(RULES) - covered - {"dateline.check_dateline_matches_content"}
    assert not missing, f"rules without YAML cases: {sorted(missing)}"
