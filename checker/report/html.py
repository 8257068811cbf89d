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
from markupsafe import Markup, escape

from checker.records import CheckResult
from checker.report.context import ReportContext, build_context
from checker.report.format import visible_bidi

#: the package the templates ship in (the repository's top-level ``reports/`` folder).
TEMPLATE_PACKAGE = "checker.templates"
TEMPLATE = "report.html.j2"


#: characters of a name (outlet, id, source, place) shown before it is cut ("…", the
#: whole name in its title): a 3,000-character outlet would widen every table
MAX_NAME_CHARS = 60


def name_filter(value: object) -> Markup:
    """``{{ outlet|name }}``: a name isolated from the text around it (``<bdi dir="auto">``),
    its bidi controls shown as ``[U+202E]``, cut at :data:`MAX_NAME_CHARS` with the whole
    name as the title."""
    return _name_markup("" if value is None else str(value))


@lru_cache(maxsize=8192)
def _name_markup(name: str) -> Markup:
    """:func:`name_filter` of one name, made once (a page prints each outlet, source and
    place hundreds of times)."""
    text = visible_bidi(name)
    if len(text) <= MAX_NAME_CHARS:
        return Markup('<bdi dir="auto">{}</bdi>').format(text)
    cut = text[: MAX_NAME_CHARS - 1].rstrip() + "…"
    return Markup('<bdi dir="auto" title="{}">{}</bdi>').format(text, cut)


def cut_filter(value: object) -> str:
    """``{{ outlet|cut }}``: plain text (for an ``<option>``): bidi controls shown, cut."""
    text = visible_bidi("" if value is None else str(value))
    return text if len(text) <= MAX_NAME_CHARS else text[: MAX_NAME_CHARS - 1].rstrip() + "…"


def prose_filter(value: object) -> Markup:
    """``{{ message|prose }}``: a message (which quotes names) isolated, its bidi controls
    shown, so none reorders the rest of the page."""
    return Markup('<bdi dir="auto">{}</bdi>').format(escape(visible_bidi(str(value))))


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The report's Jinja environment (built once; templates are compiled once)."""
    env = Environment(
        loader=PackageLoader(TEMPLATE_PACKAGE, "."),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters.update(name=name_filter, cut=cut_filter, prose=prose_filter)
    return env


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
