"""``--format junit``: JUnit XML for CI test tabs (GitLab, Jenkins, GitHub test reporters).

Shape::

    <testsuites name="checker" tests= failures= errors=>
      <testsuite name="checker" tests= failures= errors=>
        <testcase classname="checker.rules" name="<rule id>">   one per rule
          <failure message="<finding message>" type="<severity>">message and quotes</failure>
          <error message="..." type="<exception>">a rule error (ErrorRecord stage "rule")</error>
      <testsuite name="checker.inputs" ...>     only when non-rule errors were recorded
        <testcase classname="checker.inputs" name="<stage>">   ingest, extract, schema, store
          <error message="..." type="<stage>">source:line, article, message</error>

``tests`` counts testcases, ``failures`` and ``errors`` count the ``<failure>`` and
``<error>`` elements (one per finding, one per ErrorRecord), so every finding and every error
appears once. Rules come from ``CheckResult.rules`` (a rule that ran and found nothing is a
passing testcase), plus any rule a finding or rule error names.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TextIO

from checker.records import CheckResult, ErrorRecord, Finding
from checker.report.format import claim_interval, fmt_date
from checker.report.summary import rule_ids

RULE_CLASS = "checker.rules"
INPUT_CLASS = "checker.inputs"
# characters XML 1.0 forbids (control characters from scraped text would make the file
# unparseable); ElementTree writes them as-is, so they are replaced first.
_XML_ILLEGAL = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(s: str) -> str:
    """``s`` with the characters XML 1.0 cannot hold replaced by U+FFFD."""
    return _XML_ILLEGAL.sub("\ufffd", s)


def _failure_text(f: Finding) -> str:
    lines = [f.message, ""]
    for i, c in enumerate(f.claims):
        who = c.outlet + (f" citing {c.attribution}" if c.attribution else "")
        date = fmt_date(c.as_of or c.published) or "undated"
        lines.append(
            f"{chr(65 + i % 26)}. {who}, {date}, article {c.article_id}: "
            f"{c.surface!r} {c.subject} allows {claim_interval(c)}"
        )
        lines.append(f"   > {' '.join(c.quote.split())}")
    lines.append(f"finding {f.finding_id}")
    return "\n".join(lines)


def _error(parent: ET.Element, e: ErrorRecord, type_: str) -> None:
    text = str(e)
    if e.claim_ids:
        text += "\nclaims: " + ", ".join(e.claim_ids)
    if e.exception:
        text += "\n" + e.exception
    el = ET.SubElement(parent, "error", message=xml_text(e.message), type=xml_text(type_))
    el.text = xml_text(text)


def _exception_type(exc: str | None) -> str:
    """ "ValueError" from "ValueError: ..." or from a traceback's last line; else "rule"."""
    lines = (exc or "").strip().splitlines()
    return lines[-1].split(":", 1)[0].strip() or "rule" if lines else "rule"


def _suite(parent: ET.Element, name: str) -> ET.Element:
    return ET.SubElement(parent, "testsuite", name=name)


def _count(suite: ET.Element) -> tuple[int, int, int]:
    cases = suite.findall("testcase")
    failures = sum(len(tc.findall("failure")) for tc in cases)
    errors = sum(len(tc.findall("error")) for tc in cases)
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", "0")
    return len(cases), failures, errors


def build_junit(result: CheckResult) -> ET.Element:
    """The ``<testsuites>`` element of ``result``."""
    root = ET.Element("testsuites", name="checker")
    suite = _suite(root, "checker")
    findings: dict[str, list[Finding]] = defaultdict(list)
    for f in result.findings:
        findings[f.rule].append(f)
    rule_errors: dict[str, list[ErrorRecord]] = defaultdict(list)
    other_errors: dict[str, list[ErrorRecord]] = defaultdict(list)
    for e in result.errors:
        if e.stage == "rule":
            rule_errors[e.rule or "(unknown rule)"].append(e)
        else:
            other_errors[e.stage].append(e)

    names = rule_ids(result)
    names += [r for r in rule_errors if r not in names]  # a rule error without a rule id
    for rule in names:
        case = ET.SubElement(suite, "testcase", classname=RULE_CLASS, name=xml_text(rule))
        for f in findings.get(rule, ()):
            el = ET.SubElement(
                case, "failure", message=xml_text(f.message), type=xml_text(f.severity)
            )
            el.text = xml_text(_failure_text(f))
        for e in rule_errors.get(rule, ()):
            _error(case, e, _exception_type(e.exception))

    if other_errors:
        inputs = _suite(root, INPUT_CLASS)
        for stage, errs in other_errors.items():
            case = ET.SubElement(inputs, "testcase", classname=INPUT_CLASS, name=xml_text(stage))
            for e in errs:
                _error(case, e, stage)

    totals = [_count(s) for s in root.findall("testsuite")]
    root.set("tests", str(sum(t[0] for t in totals)))
    root.set("failures", str(sum(t[1] for t in totals)))
    root.set("errors", str(sum(t[2] for t in totals)))
    return root


def render_junit(result: CheckResult) -> str:
    """The JUnit XML document of ``result``."""
    root = build_junit(result)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def write_junit(result: CheckResult, out: TextIO) -> None:
    """Write :func:`render_junit` of ``result`` to ``out``."""
    out.write(render_junit(result))
