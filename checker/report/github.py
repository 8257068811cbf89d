"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

Printed to a step's standard output, each line becomes an annotation on the article file and
line the finding points at (``Finding.source_file``/``line``/``column``), shown on the
commit and the pull request's changed files::

    ::error file=articles/003.md,line=1,col=1,title=dateline.check_... (high)::rferl ...

high -> ``error``, medium -> ``warning``, low -> ``notice``; a dismissed finding is a
``notice`` saying so; recorded errors are ``error``/``warning`` lines too. GitHub shows at
most 10 errors and 10 warnings per step (and 50 per job) as annotations: for more, upload
the SARIF report (``--format sarif``) to code scanning.
"""

from __future__ import annotations

from typing import TextIO

from checker.exitcodes import errors_only, warnings_only
from checker.records import CheckResult, ErrorRecord, Finding
from checker.report.format import figure_phrase, kind_label, kind_of, repo_path
from checker.report.summary import sorted_findings

LEVELS = {"high": "error", "medium": "warning", "low": "notice"}


def _data(text: str) -> str:
    """A command's message: %, CR and LF escaped (GitHub's workflow-command encoding)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    """A property value: as :func:`_data`, plus ":" and ","."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props: object) -> str:
    """One workflow command line, e.g. ``::error file=a.md,line=3::message``."""
    kv = ",".join(f"{k}={_prop(str(v))}" for k, v in props.items() if v is not None)
    return f"::{level}{' ' + kv if kv else ''}::{_data(message)}"


def finding_command(f: Finding) -> str:
    level = LEVELS.get(f.severity, "warning")
    kind = kind_of(f)
    title = f"{f.rule} ({f.severity}, {kind_label(kind)})"
    message = f.message
    if f.status == "dismissed":
        level = "notice"
        title += " dismissed"
        message = f"[dismissed{': ' + f.review_note if f.review_note else ''}] {message}"
    elif f.status == "confirmed":
        title += " confirmed"
    shown = () if kind == "dateline" else f.claims[:6]  # a date line is not about figures
    figures = "; ".join(f"{c.outlet}: {figure_phrase(c)}" for c in shown)
    if figures:
        message += f"\n{figures}"
    message += f"\nfinding {f.finding_id}"
    return command(
        level,
        message,
        file=repo_path(f.source_file),
        line=f.line,
        col=f.column,
        title=title,
    )


def error_command(e: ErrorRecord) -> str:
    level = "warning" if e.level == "warning" else "error"
    return command(
        level,
        str(e),
        file=repo_path(e.source),
        line=e.line,
        title=f"checker {e.stage} {e.level}",
    )


def render_github(result: CheckResult) -> str:
    """The workflow commands of ``result``: findings worst first, then errors, warnings."""
    lines = [finding_command(f) for f in sorted_findings(result.findings)]
    lines += [error_command(e) for e in errors_only(result.errors)]
    lines += [error_command(e) for e in warnings_only(result.errors)]
    return "".join(line + "\n" for line in lines)


def write_github(result: CheckResult, out: TextIO) -> None:
    out.write(render_github(result))
