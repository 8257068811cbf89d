"""Reports: a ``CheckResult`` as json / html / md / junit, claims as jsonl / csv.

    write_check(result, "html", out)      # one self-contained HTML page
    write_claims(claims, "csv", out)      # header of the spec's Claim fields, one row a claim

The formats, and where each is built:

* ``json``  -- ``CheckResult.to_dict``: ``{"articles", "claims", "findings", "errors",
  "incidents"}``.
* ``html``  -- :mod:`checker.report.html` (Jinja template ``reports/report.html.j2`` fed one
  :class:`~checker.report.context.ReportContext`).
* ``md``    -- :mod:`checker.report.markdown`, a short summary for PR comments / CI.
* ``junit`` -- :mod:`checker.report.junit`, one testcase per finding.
* ``github`` -- :mod:`checker.report.github`, workflow commands: annotations on file and line.
* ``sarif`` -- :mod:`checker.report.sarif`, SARIF 2.1.0 for code scanning.
* ``claimreview`` -- :mod:`checker.report.claimreview`, confirmed findings as ClaimReview.
* ``jsonl`` / ``csv`` -- :mod:`checker.report.claims`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TextIO

from checker.errors import UsageError
from checker.records import CheckResult, Claim
from checker.report.claimreview import write_claimreview
from checker.report.claims import CLAIM_FIELDS, write_csv, write_jsonl
from checker.report.context import ReportContext, build_context
from checker.report.github import write_github
from checker.report.html import render_html, write_html
from checker.report.junit import build_junit, render_junit, write_junit
from checker.report.markdown import render_markdown, write_markdown
from checker.report.sarif import write_sarif

__all__ = [
    "CHECK_FORMATS",
    "CLAIM_FIELDS",
    "CLAIM_FORMATS",
    "ReportContext",
    "build_context",
    "build_junit",
    "render_html",
    "render_junit",
    "render_markdown",
    "write_check",
    "write_claims",
    "write_json",
]


def write_json(result: CheckResult, out: TextIO) -> None:
    """The spec's ``--format json`` document, indented, non-ASCII kept as is."""
    json.dump(result.to_dict(), out, indent=2, ensure_ascii=False)
    out.write("\n")


_CHECK_WRITERS: dict[str, Callable[[CheckResult, TextIO], None]] = {
    "json": write_json,
    "html": write_html,
    "md": write_markdown,
    "junit": write_junit,
    "github": write_github,
    "sarif": write_sarif,
    "claimreview": write_claimreview,
}
_CLAIM_WRITERS: dict[str, Callable[[Iterable[Claim], TextIO], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
}
#: the formats ``write_check`` and ``write_claims`` accept (for the CLI's choices).
CHECK_FORMATS: tuple[str, ...] = tuple(_CHECK_WRITERS)
CLAIM_FORMATS: tuple[str, ...] = tuple(_CLAIM_WRITERS)


def write_check(result: CheckResult, fmt: str, out: TextIO) -> None:
    """Write ``result`` to ``out`` as ``fmt`` (one of :data:`CHECK_FORMATS`).

    Raises :class:`~checker.errors.UsageError` for any other format.
    """
    try:
        writer = _CHECK_WRITERS[fmt]
    except KeyError:
        raise UsageError(
            f"unknown report format {fmt!r}: choose one of {', '.join(CHECK_FORMATS)}"
        ) from None
    writer(result, out)


def write_claims(claims: Iterable[Claim], fmt: str, out: TextIO) -> None:
    """Write ``claims`` to ``out`` as ``fmt`` (jsonl or csv), streaming them.

    Raises :class:`~checker.errors.UsageError` for any other format.
    """
    try:
        writer = _CLAIM_WRITERS[fmt]
    except KeyError:
        raise UsageError(
            f"unknown claims format {fmt!r}: choose one of {', '.join(CLAIM_FORMATS)}"
        ) from None
    writer(claims, out)
