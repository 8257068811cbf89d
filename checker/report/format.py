"""Small text formatters shared by every report format: numbers, intervals, dates, ids.

One place so the HTML, Markdown and JUnit reports write a figure the same way: a
fact-checker comparing the HTML report with a CI summary should see identical strings.
"""

from __future__ import annotations

import datetime as dt
import inspect
import re

from checker.records import SEVERITIES, Claim, stable_id

#: severity -> rank, higher is worse; unknown severities rank below "low".
SEVERITY_RANK: dict[str, int] = {s: i + 1 for i, s in enumerate(SEVERITIES)}
#: severities worst first, as reports list them.
SEVERITIES_DESC: tuple[str, ...] = tuple(reversed(SEVERITIES))

_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_.-]")
# the bidirectional embeddings, overrides, isolates and marks: in a name they can make
# "evil" show as "live", and run on into the text after it
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible_bidi(text: str) -> str:
    """``text`` with each bidirectional control shown as ``[U+202E]`` (for names)."""
    return _BIDI.sub(lambda m: f"[U+{ord(m.group(0)):04X}]", text)


def fmt_number(x: float | None) -> str:
    """``150000.0`` -> ``"150,000"``, ``23.4`` -> ``"23.4"``, ``None`` -> ``""``."""
    if x is None or x != x:
        return ""
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


def fmt_date(d: dt.date | None) -> str:
    """ISO date, or ``""`` when unknown."""
    return d.isoformat() if d is not None else ""


def severity_rank(severity: str) -> int:
    """0 for an unknown severity, then low < medium < high."""
    return SEVERITY_RANK.get(severity, 0)


def clean_doc(doc: str | None) -> str:
    """A rule docstring without its source indentation (what the report prints verbatim)."""
    return inspect.cleandoc(doc) if doc else ""


def first_line(doc: str | None) -> str:
    """The docstring's summary line (its first paragraph, joined onto one line)."""
    para = clean_doc(doc).split("\n\n", 1)[0]
    return " ".join(para.split())


def anchor(prefix: str, key: str) -> str:
    """An HTML id / URL fragment for ``key``: readable when ``key`` is already safe
    (``a-1923102891``), else its safe characters plus a digest so ids stay unique."""
    safe = _UNSAFE_ID.sub("-", key)
    if safe != key or not safe:
        safe = f"{safe[:40]}-{stable_id(key, length=8)}"
    return f"{prefix}-{safe}"


def where(source: str | None, line: int | None) -> str:
    """``"file.csv:12"``, ``"file.csv"`` or ``""``."""
    return ":".join(str(p) for p in (source, line) if p is not None)
