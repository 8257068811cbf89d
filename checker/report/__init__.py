"""Reports: a ``CheckResult`` as json / html / md / junit / text / ..., claims as jsonl / csv.

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
* ``text`` -- :mod:`checker.report.text`, a table for the terminal.
* ``jsonl`` / ``csv`` -- :mod:`checker.report.claims`.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from checker.errors import UsageError
from checker.lazy import lazy_attributes
from checker.records import CheckResult, Claim

if TYPE_CHECKING:
    from checker.report.claims import CLAIM_FIELDS
    from checker.report.context import ReportContext, build_context
    from checker.report.html import render_html
    from checker.report.junit import build_junit, render_junit
    from checker.report.markdown import render_markdown

__all__ = [
    "CHECK_FORMATS",
    "CLAIM_FIELDS",
    "CLAIM_FORMATS",
    "ReportContext",
    "build_context",
    "build_junit",
    "format_for",
    "needs_articles",
    "render_html",
    "render_junit",
    "render_markdown",
    "write_check",
    "write_claims",
    "write_json",
]


def write_json(result: CheckResult, out: TextIO) -> None:
    """The spec's ``--format json`` document (:meth:`CheckResult.to_dict`), indented,
    non-ASCII kept as is. Written a record at a time, byte for byte what ``json.dump`` of
    the whole document writes: a large run's findings and incidents are never all turned
    into dicts at once."""
    lists = {
        "findings": (f.to_dict() for f in result.findings),
        "errors": (e.to_dict() for e in result.errors),
        "incidents": (i.to_dict() for i in result.incidents),
    }
    out.write(f'{{\n  "articles": {result.article_count},\n  "claims": {result.claim_count}')
    for key, items in lists.items():
        out.write(f',\n  "{key}": [')
        first = True
        for item in items:
            text = json.dumps(item, indent=2, ensure_ascii=False).replace("\n", "\n    ")
            out.write(("\n    " if first else ",\n    ") + text)
            first = False
        out.write("]" if first else "\n  ]")
    out.write("\n}\n")


# format -> "module:function" of its writer, imported when that format is written (so that
# the command line's --help, which lists the formats, loads none of them: Jinja, rich...)
_CHECK_WRITERS: dict[str, str] = {
    "json": "checker.report:write_json",
    "html": "checker.report.html:write_html",
    "md": "checker.report.markdown:write_markdown",
    "junit": "checker.report.junit:write_junit",
    "text": "checker.report.text:write_text",
    "github": "checker.report.github:write_github",
    "sarif": "checker.report.sarif:write_sarif",
    "claimreview": "checker.report.claimreview:write_claimreview",
}
_CLAIM_WRITERS: dict[str, str] = {
    "jsonl": "checker.report.claims:write_jsonl",
    "csv": "checker.report.claims:write_csv",
}
#: the formats ``write_check`` and ``write_claims`` accept (for the CLI's choices).
CHECK_FORMATS: tuple[str, ...] = tuple(_CHECK_WRITERS)
CLAIM_FORMATS: tuple[str, ...] = tuple(_CLAIM_WRITERS)
#: an output file's suffix -> the format written when none is named
SUFFIX_FORMATS: dict[str, str] = {
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".xml": "junit",
    ".sarif": "sarif",
}
#: the formats that show the given articles themselves (the rest need only counts)
_SHOW_ARTICLES = frozenset({"html", "text", "claimreview"})

#: the names of the report modules this package offers (imported on first use)
_LAZY = {
    "CLAIM_FIELDS": "checker.report.claims",
    "ReportContext": "checker.report.context",
    "build_context": "checker.report.context",
    "render_html": "checker.report.html",
    "build_junit": "checker.report.junit",
    "render_junit": "checker.report.junit",
    "render_markdown": "checker.report.markdown",
}


__getattr__ = lazy_attributes(__name__, _LAZY, globals())


def format_for(fmt: str | None, output: Path | None) -> str:
    """The report format to write: ``fmt`` when named, else the one ``output``'s suffix
    names (JSON for an unknown suffix), else ``text`` (standard output)."""
    if fmt:
        return fmt
    if output is None:
        return "text"
    return SUFFIX_FORMATS.get(output.suffix.lower(), "json")


def needs_articles(formats: Iterable[str]) -> bool:
    """Whether any of ``formats`` shows the given articles (the HTML report, the text
    table, ClaimReview's URLs): else a run need not keep their texts in memory."""
    return bool(set(formats) & _SHOW_ARTICLES)


def _writer(table: dict[str, str], fmt: str) -> Callable[..., Any]:
    module, _, name = table[fmt].partition(":")
    writer: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return writer


def write_check(result: CheckResult, fmt: str, out: TextIO) -> None:
    """Write ``result`` to ``out`` as ``fmt`` (one of :data:`CHECK_FORMATS`).

    Raises :class:`~checker.errors.UsageError` for any other format.
    """
    try:
        writer = _writer(_CHECK_WRITERS, fmt)
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
        writer = _writer(_CLAIM_WRITERS, fmt)
    except KeyError:
        raise UsageError(
            f"unknown claims format {fmt!r}: choose one of {', '.join(CLAIM_FORMATS)}"
        ) from None
    writer(claims, out)
