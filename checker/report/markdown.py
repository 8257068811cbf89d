"""``--format md``: a short Markdown summary for a pull-request comment or a CI step summary.

Counts, a table of findings by rule and severity, the worst findings as one-line bullets
(outlets and figures), and the errors count. It stays under :data:`MAX_BYTES` (GitHub caps a
comment at 65,536 characters and a step summary at 1 MiB) whatever the size of the run: the
list is cut with a line saying how many findings were left out.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TextIO

from checker.exitcodes import errors_only, warnings_only
from checker.lexicon import outlets as run_outlets
from checker.records import CheckResult, Claim, Finding
from checker.report.format import figure_phrase, fmt_day
from checker.report.summary import rule_counts, severity_counts, sorted_findings

MAX_BYTES = 60_000
MAX_FINDINGS = 50
MAX_RULES = 60
MAX_ERRORS = 5
#: longest bullet (characters) before it is cut with "…".
MAX_LINE = 500

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that can
# start markup inside a line (emphasis, code, links, HTML, tables, mentions, headings).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#@~!])")
_SPACE = re.compile(r"\s+")


# What GitHub turns into a link by itself (its autolinks run on the text after Markdown's
# escapes are read, so a backslash does not stop them; a code span does).
_BARE_LINK = re.compile(
    r"(?i)\b(?:https?|ftp)://[^\s<>`]+|\bwww\.[^\s<>`]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)


def md_escape(text: str) -> str:
    """``text`` on one line, safe to put in Markdown prose or a table cell; a bare URL or
    e-mail address in it is shown as code, never made a link."""
    text = _SPACE.sub(" ", text).strip()
    out: list[str] = []
    pos = 0
    for m in _BARE_LINK.finditer(text):
        link = m.group(0).rstrip(".,;:!?)'\"")  # the sentence's punctuation stays outside
        out.append(_MD_SPECIAL.sub(r"\\\1", text[pos : m.start()]))
        out.append(f"`{link.replace('|', '%7C')}`")
        pos = m.start() + len(link)
    out.append(_MD_SPECIAL.sub(r"\\\1", text[pos:]))
    return "".join(out)


def _code(text: str, *, in_table: bool = False) -> str:
    """Text for inside a code span (no escapes work there): no backticks, no newlines; in a
    table, pipes still need escaping (GitHub splits cells before parsing code spans)."""
    text = _SPACE.sub(" ", text).replace("`", "'")
    return text.replace("|", "\\|") if in_table else text


def _cut(text: str, limit: int = MAX_LINE) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _claim_brief(c: Claim) -> str:
    date = fmt_day(c.as_of or c.published) or "undated"
    who = c.outlet + (f" citing {c.attribution}" if c.attribution else "")
    return f"{who} ({date}): {figure_phrase(c)}"


def finding_line(f: Finding) -> str:
    """One bullet: severity, rule, where, message, then each claim's outlet and figure."""
    claims = "; ".join(_claim_brief(c) for c in f.claims)
    text = _cut(f"{f.message} — {claims}" if claims else f.message)
    where = ":".join(str(p) for p in (f.source_file, f.line) if p is not None)
    status = f" ({f.status})" if f.status != "open" else ""
    head = f"- **{md_escape(f.severity.upper())}**{md_escape(status)} `{_code(f.rule)}`"
    if where:
        head += f" `{_code(where)}`"
    return f"{head}: {md_escape(text)}"


def render_markdown(
    result: CheckResult, *, max_findings: int = MAX_FINDINGS, max_bytes: int = MAX_BYTES
) -> str:
    """The Markdown summary of ``result``, at most ``max_bytes`` UTF-8 bytes."""
    sev = severity_counts(result.findings)
    errors, warnings = errors_only(result.errors), warnings_only(result.errors)
    dismissed = sum(f.status == "dismissed" for f in result.findings)
    outlets = run_outlets(result.articles, result.claims)
    sev_text = ", ".join(f"{n} {s}" for s, n in sev)
    head = [
        f"### checker: {len(result.findings):,} finding{'s' if len(result.findings) != 1 else ''}"
        + (f" ({sev_text})" if result.findings else ""),
        "",
        f"**{result.article_count:,}** articles · "
        + (f"**{len(outlets):,}** outlets · " if outlets else "")
        + f"**{result.claim_count:,}** claims · **{len(result.findings):,}** findings · "
        f"**{len(errors):,}** errors · **{len(warnings):,}** warnings"
        + (f" · **{dismissed:,}** dismissed by review" if dismissed else ""),
        "",
    ]
    rows = rule_counts(result)
    if rows:
        sevs = [s for s, _ in sev]
        head.append("| rule | " + " | ".join(sevs) + " | total | rule errors |")
        head.append("|---|" + "---:|" * (len(sevs) + 2))
        for rc in rows[:MAX_RULES]:
            counts = " | ".join(str(n) for _, n in rc.by_severity)
            head.append(
                f"| `{_code(rc.rule, in_table=True)}` | {counts} | **{rc.total}** | {rc.errors} |"
            )
        if len(rows) > MAX_RULES:
            head.append(f"\n_… and {len(rows) - MAX_RULES} more rules._")
        head.append("")

    tail = [""]
    if errors:
        stages = Counter(e.stage for e in errors)
        by_stage = ", ".join(f"{s} {n}" for s, n in stages.most_common())
        tail.append(f"**Errors:** {len(errors):,} ({by_stage})")
        tail.extend(f"- {md_escape(_cut(str(e), 300))}" for e in errors[:MAX_ERRORS])
        if len(errors) > MAX_ERRORS:
            tail.append(f"- _… and {len(errors) - MAX_ERRORS:,} more errors._")
    else:
        tail.append("**Errors:** 0")
    if warnings:
        tail.append(f"\n**Warnings:** {len(warnings):,} (articles kept with a repair)")

    findings = sorted_findings(result.findings)
    body: list[str] = []
    if findings:
        body = ["#### Top findings" if len(findings) > max_findings else "#### Findings", ""]
    budget = max_bytes - _size(head) - _size(tail) - 200  # room for the "… more" line
    shown = 0
    for f in findings[:max_findings]:
        line = finding_line(f)
        budget -= len(line.encode("utf-8")) + 1
        if budget < 0:
            break
        body.append(line)
        shown += 1
    if shown < len(findings):
        body.append(
            f"\n_… and {len(findings) - shown:,} more findings not listed "
            "(see the JSON or HTML report)._"
        )
    return "\n".join([*head, *body, *tail]) + "\n"


def _size(lines: list[str]) -> int:
    return sum(len(s.encode("utf-8")) + 1 for s in lines)


def write_markdown(result: CheckResult, out: TextIO) -> None:
    """Write :func:`render_markdown` of ``result`` to ``out``."""
    out.write(render_markdown(result))
