"""The HTML report: one self-contained file (inline CSS and JS, nothing fetched).

The Jinja environment escapes everything (``autoescape=True`` for every template, not
``select_autoescape``, which would leave ``.j2`` files unescaped) and fails on any name the
template misspells (``StrictUndefined``). The template gets one object, a
:class:`~checker.report.context.ReportContext`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TextIO

from jinja2 import Environment, PackageLoader, StrictUndefined, Template

from checker.records import CheckResult
from checker.report.context import ReportContext, build_context

#: the package the templates ship in (the repository's top-level ``reports/`` folder).
TEMPLATE_PACKAGE = "checker.templates"
TEMPLATE = "report.html.j2"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The report's Jinja environment (built once; templates are compiled once)."""
    return Environment(
        loader=PackageLoader(TEMPLATE_PACKAGE, "."),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )


def _template() -> Template:
    return environment().get_template(TEMPLATE)


def render_context(ctx: ReportContext) -> str:
    """The page for an already built context."""
    return _template().render(ctx=ctx)


def render_html(result: CheckResult, *, title: str = "checker report") -> str:
    """The whole HTML report of ``result`` as one string."""
    return render_context(build_context(result, title=title))


def write_html(result: CheckResult, out: TextIO, *, title: str = "checker report") -> None:
    """Write the HTML report of ``result`` to ``out``."""
    out.write(render_html(result, title=title))
