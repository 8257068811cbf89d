"""How figures, intervals and days are written: one home for every layer that writes one.

The rules' messages (through :mod:`checker.engine.helpers`), the terminal and every report
format (HTML, Markdown, JUnit, GitHub, SARIF: :mod:`checker.report.format`) write a figure
the same way, so a fact-checker comparing a finding's message with the HTML report or a CI
summary sees identical strings. Intervals are written in plain words ("exactly 22", "26 or
more", "225,000 to 275,000"), never as "[22, 22]". Imports nothing but the records.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from checker.records import Claim


def fmt_number(x: float | None) -> str:
    """``150000.0`` -> ``"150,000"``, ``23.4`` -> ``"23.4"``, ``1111.05`` -> ``"1,111.05"``,
    ``None`` -> ``""``, infinity -> ``"∞"``."""
    if x is None or x != x:
        return ""
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def fmt_interval(low: float | None, high: float | None) -> str:
    """The interval a wording allows: ``[26, ∞)``, ``[135, 165]``, ``(−∞, 30]``."""
    left = "(−∞" if low is None else f"[{fmt_number(low)}"
    right = "∞)" if high is None else f"{fmt_number(high)}]"
    return f"{left}, {right}"


def claim_interval(claim: Claim) -> str:
    """:func:`fmt_interval` of a claim's ``low``/``high``."""
    return fmt_interval(claim.low, claim.high)


def fmt_bound(x: float | None) -> str:
    """An interval's bound: :func:`fmt_number`, with None (unbounded) as ``"∞"``."""
    return "∞" if x is None else fmt_number(x)


def fmt_allows(
    low: float | None, high: float | None, number: Callable[[float], str] = fmt_number
) -> str:
    """What an interval allows, in words: "exactly 22", "26 or more", "at most 900,000",
    "225,000 to 275,000", "any number" (each bound written by ``number``: the chart's
    margin passes its compact "900k")."""
    if low is not None and low == high:
        return f"exactly {number(low)}"
    if high is None:
        return "any number" if not low else f"{number(low)} or more"
    if not low:
        return f"at most {number(high)}"
    return f"{number(low)} to {number(high)}"


#: categories that read as a participle after the group ("civilians killed")
_VERBS = frozenset(
    {"killed", "injured", "displaced", "detained", "missing", "evacuated", "besieged"}
)


def group_words(c: Claim) -> str:
    """Who or what a claim counts, and what befell them: "civilians killed", "Syrian
    refugees", "buildings" (a category that is no participle is said by the group alone)."""
    subject = c.subject.strip()
    tail = c.category if c.category in _VERBS else ("" if subject else c.category)
    return " ".join(p for p in (subject, tail) if p)


def claim_words(c: Claim) -> str:
    """The claim as words: "at least 26 civilians killed", "some 3.6 million Syrian refugees"."""
    return " ".join(p for p in (c.surface.strip(), group_words(c)) if p)


def reading(c: Claim) -> str:
    """How the wording reads as a number: "exact" for a plain figure, else what it allows."""
    if c.low is not None and c.low == c.high == c.value:
        return "exact"
    return fmt_allows(c.low, c.high)


def figure_phrase(c: Claim) -> str:
    """ "22 children killed (exact)", "at least 26 civilians killed (26 or more)"."""
    return f"{claim_words(c)} ({reading(c)})"


def fmt_day(d: dt.date | None) -> str:
    """ "22 Jul 2016", or "" when unknown."""
    return f"{d.day} {d.strftime('%b')} {d.year}" if d is not None else ""


def date_note(c: Claim) -> str:
    """When the figure was published and which day it is for, and why they differ:
    "published 22 Jul 2016, figure for 28 Jul 2016: the text's own date"."""
    pub = f"published {fmt_day(c.published)}" if c.published else "publication date unknown"
    note = pub
    if c.as_of is not None and c.as_of != c.published:
        note += f", figure for {fmt_day(c.as_of)}: the text's own date"
        if c.published is not None and c.as_of > c.published:
            note += " (later than the publication: check the date line)"
    if c.scope == "cumulative":
        start = f" since {fmt_day(c.period_start)}" if c.period_start else ""
        note += f"; a running total{start}"
    return note


def fmt_date(d: dt.date | None) -> str:
    """ISO date, or ``""`` when unknown."""
    return d.isoformat() if d is not None else ""
