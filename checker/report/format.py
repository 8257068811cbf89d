"""Small text formatters shared by every report format: numbers, intervals, dates, ids.

One place so the HTML, Markdown, JUnit, GitHub and SARIF reports (and the rule helpers'
messages, :mod:`checker.engine.helpers`) write a figure the same way: a fact-checker
comparing the HTML report with a CI summary should see identical strings. Intervals are
written in plain words ("exactly 22", "26 or more", "225,000 to 275,000"), never as
"[22, 22]"; this module imports nothing but the records, so any layer may use it.
"""

from __future__ import annotations

import datetime as dt
import inspect
import os
import re
from pathlib import Path

from checker.records import SEVERITIES, Claim, Finding, stable_id

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


def fmt_allows(low: float | None, high: float | None) -> str:
    """What an interval allows, in words: "exactly 22", "26 or more", "at most 900,000",
    "225,000 to 275,000", "any number"."""
    if low is not None and low == high:
        return f"exactly {fmt_number(low)}"
    if high is None:
        return "any number" if not low else f"{fmt_number(low)} or more"
    if not low:
        return f"at most {fmt_number(high)}"
    return f"{fmt_number(low)} to {fmt_number(high)}"


#: categories that read as a participle after the group ("civilians killed")
_VERBS = frozenset(
    {"killed", "injured", "displaced", "detained", "missing", "evacuated", "besieged"}
)


def claim_words(c: Claim) -> str:
    """The claim as words: "at least 26 civilians killed", "some 3.6 million Syrian refugees"."""
    subject = c.subject.strip()
    tail = c.category if c.category in _VERBS else ("" if subject else c.category)
    return " ".join(p for p in (c.surface.strip(), subject, tail) if p)


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


#: what each kind of finding is called in reports
KIND_LABELS: dict[str, str] = {
    "conflict": "Conflict",
    "toll_updated": "Toll updated",
    "toll_down": "Toll went down",
    "stale": "Stale figure",
    "sources_disagree": "Sources disagree",
    "dateline": "Date line",
    "headline": "Headline vs body",
    "part_whole": "Part exceeds whole",
}
#: for findings of rules that set no kind: a word of the rule id -> the kind it raises
_RULE_KINDS: tuple[tuple[str, str], ...] = (
    ("dateline", "dateline"),
    ("headline", "headline"),
    ("part_exceeds", "part_whole"),
    ("stale", "stale"),
    ("goes_down", "toll_down"),
    ("incompatible", "conflict"),
    ("same_source", "conflict"),
)


def kind_of(f: Finding) -> str:
    """The finding's kind; for a rule that set none ("finding"), the kind its id names."""
    if f.kind != "finding":
        return f.kind
    return next((k for word, k in _RULE_KINDS if word in f.rule), "finding")


def kind_label(kind: str) -> str:
    """ "Conflict", "Toll updated"...; a rule's own word as it is, capitalised."""
    return KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


def repo_path(path: str | None) -> str | None:
    """A claim's source file as a repository path for annotations: relative to the current
    folder when inside it, with "/" separators; None for standard input and unknown files."""
    if not path or path.startswith("<"):
        return None
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_posix()
    return Path(os.path.normpath(p)).as_posix()


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
