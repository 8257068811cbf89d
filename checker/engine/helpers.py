"""Small helpers for rule authors: interval arithmetic and one-line descriptions of claims.

Built-in rules use these; user rules may too (``from checker.engine.helpers import ...``).
"""

from __future__ import annotations

import math
import re

from checker.records import Claim
from checker.report import format as report_format


def bounds(c: Claim) -> tuple[float, float]:
    """The claim's interval with ``None`` as 0 / infinity."""
    return (0.0 if c.low is None else c.low, math.inf if c.high is None else c.high)


def gap(a: Claim, b: Claim, tolerance: float = 0.0) -> float:
    """How far apart the two intervals are, relative to the larger figure (0 when they
    overlap once each is widened by ``tolerance``, e.g. 0.1 for 10 %)."""
    (alo, ahi), (blo, bhi) = bounds(a), bounds(b)
    if ahi < blo:
        lo_hi, hi_lo = ahi, blo
    elif bhi < alo:
        lo_hi, hi_lo = bhi, alo
    else:
        return 0.0
    if lo_hi * (1 + tolerance) >= hi_lo * (1 - tolerance):
        return 0.0
    return (hi_lo - lo_hi) / hi_lo if hi_lo else 0.0


def overlaps(a: Claim, b: Claim, tolerance: float = 0.0) -> bool:
    """Whether both claims can be true at once (their intervals meet, within tolerance)."""
    return gap(a, b, tolerance) == 0.0


def fmt_number(x: float | None) -> str:
    """``150000.0`` -> "150,000" (the reports' formatter); None or infinity -> "∞"."""
    if x is None or math.isinf(x):
        return "∞"
    return report_format.fmt_number(x)


def interval(c: Claim) -> str:
    """What a claim's wording allows, in plain words (the reports' formatter): "exactly
    22", "150,000 or more", "225,000 to 275,000", "at most 900,000"."""
    return report_format.fmt_allows(c.low, c.high)


def source(c: Claim) -> str:
    """Who said it: the outlet, and the attribution when there is one."""
    return f"{c.outlet} (citing {c.attribution})" if c.attribution else c.outlet


def when(c: Claim) -> str:
    d = c.as_of or c.published
    return d.isoformat() if d else "undated"


def describe(c: Claim) -> str:
    """``reuters (2019-05-14): "more than 150,000" people displaced in Idlib``."""
    where = f" in {c.location}" if c.location else ""
    head = "headline" if c.in_title else when(c)
    return f'{source(c)} ({head}): "{c.surface}" {c.subject} {c.category}{where}'


_ALIASES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.I), name)
    for p, name in [
        (
            r"syrian observatory|\bsohr\b|\bthe observatory\b|observatory for human rights",
            "Syrian Observatory for Human Rights",
        ),
        (r"\bu\.?n\.? (office for the )?coordination|\bocha\b", "OCHA"),
        (r"\bunhcr\b|high commissioner for refugees|un refugee agency", "UNHCR"),
        (r"\bunicef\b", "UNICEF"),
        (r"\bwho\b|world health organi[sz]ation", "WHO"),
        (r"white helmets|syria civil defen[cs]e|civil defen[cs]e", "Syria Civil Defence"),
        (r"\bsana\b", "SANA"),
        (r"violations documentation cent(er|re)|\bvdc\b", "VDC"),
        (r"syrian network for human rights|\bsnhr\b", "SNHR"),
        (r"united nations|\bu\.?n\.?\b", "United Nations"),
    ]
]


def norm_source(attribution: str | None) -> str | None:
    """A named source folded to one spelling ("SOHR", "the Observatory" -> one name)."""
    if not attribution:
        return None
    for rx, name in _ALIASES:
        if rx.search(attribution):
            return name
    return " ".join(attribution.lower().replace("the ", " ").split())
