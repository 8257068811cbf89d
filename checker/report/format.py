"""Small text helpers shared by every report format: severities, kinds, ids, paths, docs.

Figures, intervals and days are written by :mod:`checker.figures` (the one formatter the
rules' messages use too); they are imported here for the report modules, which read them
as ``format.fmt_number`` and the like.
"""

from __future__ import annotations

import inspect
import os
import re
from pathlib import Path

from checker.figures import (  # noqa: F401 (the report modules' names for them)
    claim_interval,
    claim_words,
    date_note,
    figure_phrase,
    fmt_allows,
    fmt_bound,
    fmt_date,
    fmt_day,
    fmt_interval,
    fmt_number,
    reading,
)
from checker.records import SEVERITIES, Finding, stable_id

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
