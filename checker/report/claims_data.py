"""The claims table's data: every claim of the run as compact JSON, drawn a page at a time by
the report's script (``reports/report.js``), filtered and sorted there.

Tens of thousands of table rows as HTML are most of a large report's bytes and what makes it
slow to open; the same rows as arrays that share their outlets, articles and findings are
a fraction of it, and the page lays out only the 100 rows shown. The shape (all lists; one
``rows`` entry per claim, in input order)::

    {"outlets": [...], "categories": [...], "rules": [...], "natures": [...], "reads": [...],
     "findings": [[href, "#12", severity, rule index], ...],
     "articles": [[article_id, outlet index, published, href or ""], ...],
     "rows": [[article index, category index, nature index, words, value, reads index,
               low or null, location, as_of, attribution, claim href or "",
               [finding indexes]], ...]}

The JSON sits in a ``<script type="application/json">`` block: ``<``, ``>`` and ``&`` are
written as ``\\u003c`` ... so no article text can close the block or open a tag.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup

from checker.records import Claim, Finding
from checker.report.format import anchor, claim_words, fmt_date, reading, visible_bidi


def _index(values: list[str], lookup: dict[str, int], value: str) -> int:
    i = lookup.get(value)
    if i is None:
        i = lookup[value] = len(values)
        values.append(value)
    return i


def _num(x: float | None) -> float | int | None:
    """A figure for JSON: 22 rather than 22.0."""
    return int(x) if x is not None and float(x).is_integer() else x


def safe_json(data: Any) -> Markup:
    """``data`` as JSON that is safe inside a ``<script>`` element; bidirectional controls
    in its strings are shown ("[U+202E]"), never obeyed, wherever the page's script puts
    them."""
    text = visible_bidi(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def claims_data(
    claims: Sequence[Claim],
    by_claim: Mapping[str, Sequence[Finding]],
    finding_anchor: Mapping[int, str],
    finding_number: Mapping[int, int],
    shown_articles: set[str],
) -> dict[str, Any]:
    """The claims table's data (see the module docstring)."""
    outlets: list[str] = []
    categories: list[str] = []
    rules: list[str] = []
    natures: list[str] = []
    reads: list[str] = []
    lookups: dict[str, dict[str, int]] = {"o": {}, "c": {}, "r": {}, "n": {}, "x": {}}
    findings: list[list[Any]] = []
    finding_idx: dict[int, int] = {}
    articles: list[list[Any]] = []
    article_idx: dict[str, int] = {}
    rows: list[list[Any]] = []
    for c in claims:
        ai = article_idx.get(c.article_id)
        if ai is None:
            ai = article_idx[c.article_id] = len(articles)
            shown = c.article_id in shown_articles
            articles.append(
                [
                    c.article_id,
                    _index(outlets, lookups["o"], c.outlet),
                    fmt_date(c.published),
                    "#" + anchor("a", c.article_id) if shown else "",
                ]
            )
        refs = []
        for f in by_claim.get(c.claim_id, ()):
            fi = finding_idx.get(id(f))
            if fi is None:
                fi = finding_idx[id(f)] = len(findings)
                findings.append(
                    [
                        "#" + finding_anchor[id(f)],
                        f"#{finding_number[id(f)]}",
                        f.severity,
                        _index(rules, lookups["r"], f.rule),
                    ]
                )
            refs.append(fi)
        nature = "running total" if c.scope == "cumulative" else "event"
        if c.modality != "reported":
            nature = f"{c.modality}, {nature}"
        rows.append(
            [
                ai,
                _index(categories, lookups["c"], c.category),
                _index(natures, lookups["n"], nature),
                claim_words(c),
                _num(c.value),
                _index(reads, lookups["x"], reading(c)),
                _num(c.low),
                c.location or "",
                fmt_date(c.as_of),
                c.attribution or "",
                "#" + anchor("c", c.claim_id) if c.article_id in shown_articles else "",
                refs,
            ]
        )
    return {
        "outlets": outlets,
        "categories": categories,
        "rules": rules,
        "natures": natures,
        "reads": reads,
        "findings": findings,
        "articles": articles,
        "rows": rows,
    }
