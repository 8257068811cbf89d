"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning (and any SARIF viewer).

Upload it (``github/codeql-action/upload-sarif``) and each finding is an alert on the
article file and line its claims came from, with the other claims as related locations and
the rule's documentation as help. Shape::

    {"version": "2.1.0", "$schema": ...,
     "runs": [{"tool": {"driver": {"name": "checker", "rules": [one per rule]}},
               "columnKind": "unicodeCodePoints",
               "results": [one per finding],
               "invocations": [{"executionSuccessful": ...,
                                "toolExecutionNotifications": [errors]}]}]}

Levels: high -> ``error``, medium -> ``warning``, low -> ``note``. ``partialFingerprints``
carry the stable finding id, so an alert keeps its identity across runs; a dismissed finding
carries an accepted ``suppression`` with the reviewer's note. A finding whose claims have no
file (claims stored before provenance was recorded) has a logical location (the article id)
instead of a physical one.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

import checker
from checker.exitcodes import errors_only
from checker.records import CheckResult, Claim, ErrorRecord, Finding
from checker.report.format import figure_phrase, first_line, kind_of, repo_path
from checker.report.rst import to_text
from checker.report.summary import rule_ids, sorted_findings

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"high": "error", "medium": "warning", "low": "note"}


def _physical(path: str | None, line: int | None, column: int | None) -> dict[str, Any] | None:
    uri = repo_path(path)
    if uri is None:
        return None
    loc: dict[str, Any] = {"artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"}}
    if line is not None:
        region: dict[str, Any] = {"startLine": max(1, line)}
        if column is not None:
            region["startColumn"] = max(1, column)
        loc["region"] = region
    return loc


def _claim_location(c: Claim, i: int) -> dict[str, Any] | None:
    phys = _physical(c.source_file, c.line, c.column)
    if phys is None:
        return None
    return {
        "id": i,
        "physicalLocation": phys,
        "message": {"text": f"{c.outlet}: {figure_phrase(c)}"},
    }


def _result(f: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    figures = "; ".join(f"{c.outlet}: {figure_phrase(c)}" for c in f.claims[:8])
    res: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index[f.rule],
        "level": LEVELS.get(f.severity, "warning"),
        "kind": "fail",
        "message": {"text": f.message + (f" ({figures})" if figures else "")},
        "partialFingerprints": {"checkerFindingId/v1": f.finding_id},
        "properties": {
            "severity": f.severity,
            "kind": kind_of(f),
            "incident_id": f.incident_id,
            "status": f.status,
            "article_ids": list(f.article_ids),
        },
    }
    phys = _physical(f.source_file, f.line, f.column)
    if phys is not None:
        res["locations"] = [{"physicalLocation": phys}]
    else:
        res["locations"] = [
            {"logicalLocations": [{"name": aid, "kind": "article"} for aid in f.article_ids]}
        ]
    related = [loc for i, c in enumerate(f.claims) if (loc := _claim_location(c, i)) is not None]
    if related:
        res["relatedLocations"] = related
    if f.status == "dismissed":
        res["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": f.review_note or ""}
        ]
    return res


def _notification(e: ErrorRecord) -> dict[str, Any]:
    note: dict[str, Any] = {
        "level": "warning" if e.level == "warning" else "error",
        "message": {"text": str(e)},
        "descriptor": {"id": f"checker.{e.stage}"},
    }
    phys = _physical(e.source, e.line, None)
    if phys is not None:
        note["locations"] = [{"physicalLocation": phys}]
    return note


def _rule(rule_id: str, doc: str, severity: str | None) -> dict[str, Any]:
    text = to_text(doc) if doc else rule_id
    out: dict[str, Any] = {
        "id": rule_id,
        "name": "".join(p.capitalize() for p in rule_id.replace(".", "_").split("_")),
        "shortDescription": {"text": first_line(doc) or rule_id},
        "fullDescription": {"text": text},
        "help": {"text": text},
        "properties": {"tags": ["news", "figures", "consistency"]},
    }
    if severity:
        out["defaultConfiguration"] = {"level": LEVELS.get(severity, "warning")}
    return out


def build_sarif(result: CheckResult) -> dict[str, Any]:
    """The SARIF log of ``result`` as a JSON-ready dict."""
    findings = sorted_findings(result.findings)
    ids = rule_ids(result)
    docs = dict(result.rules)
    severity: dict[str, str] = {}
    for f in findings:
        docs.setdefault(f.rule, f.explanation)
        severity.setdefault(f.rule, f.severity)
    rule_index = {r: i for i, r in enumerate(ids)}
    rule_errors = [e for e in errors_only(result.errors) if e.stage == "rule"]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "checker",
                "version": checker.__version__,
                "rules": [_rule(r, docs.get(r, ""), severity.get(r)) for r in ids],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, rule_index) for f in findings],
        "invocations": [
            {
                "executionSuccessful": not rule_errors,
                "toolExecutionNotifications": [_notification(e) for e in result.errors],
            }
        ],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def write_sarif(result: CheckResult, out: TextIO) -> None:
    json.dump(build_sarif(result), out, indent=2, ensure_ascii=False)
    out.write("\n")
