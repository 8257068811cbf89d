"""``--format junit``: JUnit XML for CI test tabs (GitLab, Jenkins, GitHub test reporters).

One testcase per finding, so each finding can be pointed at, counted and tracked from run to
run (its name holds the stable finding id), plus one passing testcase per rule that found
nothing. Shape::

    <testsuites name="checker" tests= failures= errors= skipped=>
      <testsuite name="checker" ...>
        <testcase classname="<rule id>" name="<kind>: <message> [<finding id>]"
                  file="articles/x.md" line="12">        one per finding
          <failure message="<message>" type="<severity>">message, each claim and its quote</failure>
          <skipped message="dismissed: <note>"/>          instead, for a dismissed finding
        <testcase classname="<rule id>" name="no finding"/>  a rule that ran and found nothing
        <testcase classname="<rule id>" name="rule error N">
          <error message="..." type="<exception>">a rule error (ErrorRecord stage "rule")</error>
      <testsuite name="checker.inputs" ...>      only when input errors or warnings were recorded
        <testcase classname="checker.inputs.<stage>" name="<file:line>: <message>">
          <error message="..." type="<stage>">one per input error</error>
        <system-out>the warnings, one a line (kept articles: not errors)</system-out>

``tests`` counts testcases, ``failures``/``errors``/``skipped`` the elements, so every finding
and every error appears once and warnings are never counted as errors.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TextIO

from checker.exitcodes import errors_only, warnings_only
from checker.records import CheckResult, ErrorRecord, Finding
from checker.report.format import date_note, figure_phrase, kind_label, kind_of
from checker.report.summary import rule_ids, sorted_findings

INPUT_CLASS = "checker.inputs"
#: longest testcase name before its message is cut ("…")
MAX_NAME = 160
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
        where = ":".join(str(p) for p in (c.source_file, c.line) if p is not None)
        lines.append(
            f"{chr(65 + i % 26)}. {who}, {date_note(c)}, article {c.article_id}"
            + (f" ({where})" if where else "")
            + f": {figure_phrase(c)}"
        )
        lines.append(f"   > {' '.join(c.quote.split())}")
    if f.review_note:
        lines.append(f"review ({f.status}): {f.review_note}")
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


def _count(suite: ET.Element) -> tuple[int, int, int, int]:
    cases = suite.findall("testcase")
    counts = [sum(len(tc.findall(tag)) for tc in cases) for tag in ("failure", "error", "skipped")]
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(counts[0]))
    suite.set("errors", str(counts[1]))
    suite.set("skipped", str(counts[2]))
    return len(cases), counts[0], counts[1], counts[2]


def _case_name(f: Finding) -> str:
    message = " ".join(f.message.split())
    if len(message) > MAX_NAME:
        message = message[: MAX_NAME - 1].rstrip() + "…"
    return f"{kind_label(kind_of(f))}: {message} [{f.finding_id}]"


def _finding_case(suite: ET.Element, f: Finding) -> None:
    attrs = {"classname": xml_text(f.rule), "name": xml_text(_case_name(f))}
    if f.source_file:
        attrs["file"] = xml_text(f.source_file)
        if f.line is not None:
            attrs["line"] = str(f.line)
    case = ET.SubElement(suite, "testcase", attrs)
    if f.status == "dismissed":
        note = f"dismissed: {f.review_note}" if f.review_note else "dismissed"
        ET.SubElement(case, "skipped", message=xml_text(note))
        return
    el = ET.SubElement(case, "failure", message=xml_text(f.message), type=xml_text(f.severity))
    el.text = xml_text(_failure_text(f))


def build_junit(result: CheckResult) -> ET.Element:
    """The ``<testsuites>`` element of ``result``."""
    root = ET.Element("testsuites", name="checker")
    suite = _suite(root, "checker")
    findings: dict[str, list[Finding]] = defaultdict(list)
    for f in sorted_findings(result.findings):
        findings[f.rule].append(f)
    rule_errors: dict[str, list[ErrorRecord]] = defaultdict(list)
    input_errors: list[ErrorRecord] = []
    for e in errors_only(result.errors):
        if e.stage == "rule":
            rule_errors[e.rule or "(unknown rule)"].append(e)
        else:
            input_errors.append(e)

    names = rule_ids(result)
    names += [r for r in rule_errors if r not in names]  # a rule error without a rule id
    for rule in names:
        for f in findings.get(rule, ()):
            _finding_case(suite, f)
        if not findings.get(rule) and not rule_errors.get(rule):
            ET.SubElement(suite, "testcase", classname=xml_text(rule), name="no finding")
        for n, e in enumerate(rule_errors.get(rule, ()), 1):
            case = ET.SubElement(
                suite, "testcase", classname=xml_text(rule), name=f"rule error {n}"
            )
            _error(case, e, _exception_type(e.exception))

    warnings = warnings_only(result.errors)
    if input_errors or warnings:
        inputs = _suite(root, INPUT_CLASS)
        for e in input_errors:
            where = ":".join(str(p) for p in (e.source, e.line) if p is not None)
            name = f"{where}: {e.message}" if where else e.message
            case = ET.SubElement(
                inputs,
                "testcase",
                classname=f"{INPUT_CLASS}.{e.stage}",
                name=xml_text(name[:MAX_NAME]),
            )
            _error(case, e, e.stage)
        if warnings:
            ET.SubElement(inputs, "system-out").text = xml_text("\n".join(str(w) for w in warnings))

    totals = [_count(s) for s in root.findall("testsuite")]
    for i, key in enumerate(("tests", "failures", "errors", "skipped")):
        root.set(key, str(sum(t[i] for t in totals)))
    return root


def render_junit(result: CheckResult) -> str:
    """The JUnit XML document of ``result``."""
    root = build_junit(result)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def write_junit(result: CheckResult, out: TextIO) -> None:
    """Write :func:`render_junit` of ``result`` to ``out``."""
    out.write(render_junit(result))
