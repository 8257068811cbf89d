"""Small helpers for rule authors: interval arithmetic and one-line descriptions of claims.

Built-in rules use these; user rules may too (``from checker.engine.helpers import ...``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Sequence

from checker.engine.clustering import moved_on, superseded
from checker.engine.cues import is_additional
from checker.figures import fmt_allows, fmt_bound, group_words
from checker.lexicon import initials, norm_source
from checker.records import LOWER_BOUNDS, Claim

__all__ = [
    "additional",
    "aggregate",
    "bounds",
    "describe",
    "explained",
    "fmt_number",
    "gap",
    "interval",
    "is_vague",
    "norm_source",
    "one_source",
    "overlaps",
    "says",
    "source",
    "superseded",
    "when",
    "wider",
    "wider_count",
    "wording",
]

_VAGUE = re.compile(
    r"\b(?:dozens|scores|hundreds|thousands|millions|tens|several|a\s+few)\b", re.IGNORECASE
)


def is_vague(c: Claim) -> bool:
    """Whether the figure is a vague word ("dozens", "hundreds", "thousands"), not a number."""
    return c.hedge == "range" and bool(_VAGUE.search(c.surface))


def bounds(c: Claim) -> tuple[float, float]:
    """The claim's interval with ``None`` as 0 / infinity; a vague word ("dozens",
    "hundreds") is a lower bound only: "hundreds killed" on day one does not contradict
    "more than 1,400" weeks later."""
    low = 0.0 if c.low is None else c.low
    if is_vague(c):
        return (low, math.inf)
    return (low, math.inf if c.high is None else c.high)


def gap(a: Claim, b: Claim, tolerance: float = 0.0) -> float:
    """How far apart the two intervals are, relative to the larger figure (0 when they
    overlap once each is widened by ``tolerance``, e.g. 0.1 for 10 %). A vague word's lower
    bound counts for half here: "dozens" is no contradiction of 22, "hundreds" is of 50."""
    (alo, ahi), (blo, bhi) = bounds(a), bounds(b)
    if is_vague(a):
        alo /= 2
    if is_vague(b):
        blo /= 2
    if ahi < blo:
        lo_hi, hi_lo = ahi, blo
    elif bhi < alo:
        lo_hi, hi_lo = bhi, alo
    else:
        return 0.0
    if lo_hi * (1 + tolerance) >= hi_lo * (1 - tolerance):
        return 0.0
    return (hi_lo - lo_hi) / hi_lo if hi_lo else 0.0


def firm(a: Claim, b: Claim, peers: Sequence[Claim] = (), moving: Collection[str] = ()) -> bool:
    """Whether two disagreeing figures are firm enough to fail a CI run on (high rather
    than medium): they hold at the same date, and at least one is stated in a body (two
    headlines' figures are summaries, often bare or rounded: "Clashes kill 40" for the
    body's "at least 40"). On the reviewed FA-KES findings, two headlines or two dates
    were 12 of the 14 high conflicts they marked (2 true). Nor is a bare figure
    firm when its own article gives it as a lower bound too (:func:`hedged_elsewhere`,
    among ``peers``: the incident's figures), nor a figure its report calls a raised toll
    (:func:`in_flux`), nor one of an article whose headline says its toll is moving
    (``moving``, :attr:`~checker.engine.names.Pair.moving`: "Death toll mounts after ..."):
    the day's count was still moving."""
    if a.as_of != b.as_of or (a.in_title and b.in_title):
        return False
    if a.article_id in moving or b.article_id in moving:
        return False
    return not any(in_flux(c, peers) or hedged_elsewhere(c, peers) for c in (a, b))


def tellings(c: Claim, peers: Sequence[Claim]) -> list[Claim]:
    """How ``c``'s own article tells its figure: ``c`` and the claims among ``peers`` (an
    incident's) of the same article, category and value (the headline's "22 killed" and
    the body's "state TV has raised the death toll ... saying 22 people died")."""
    return [c] + [
        p
        for p in peers
        if p.article_id == c.article_id
        and p.claim_id != c.claim_id
        and p.value == c.value
        and p.category == c.category
    ]


def hedged_elsewhere(c: Claim, peers: Sequence[Claim]) -> bool:
    """Whether ``c`` is a bare figure that its own article gives elsewhere as a lower bound
    (:func:`tellings`): a headline's "31 dead" over the body's "at least 31 people were
    killed" means at least 31, and so does the body's other "killed 31"."""
    return c.hedge == "exact" and any(p.hedge in LOWER_BOUNDS for p in tellings(c, peers))


def in_flux(c: Claim, peers: Sequence[Claim] = ()) -> bool:
    """Whether a figure's article says its toll was raised or is rising, where it tells
    that figure (:func:`tellings`: "state TV has raised the death toll ... saying 22 people
    died", "the toll rose to"): a step of a count still moving that day, not a settled
    figure."""
    return any(moved_on(p.quote) for p in tellings(c, peers))


def overlaps(a: Claim, b: Claim, tolerance: float = 0.0) -> bool:
    """Whether both claims can be true at once (their intervals meet, within tolerance)."""
    return gap(a, b, tolerance) == 0.0


#: ``150000.0`` -> "150,000"; None (unbounded) or infinity -> "∞" (:mod:`checker.figures`)
fmt_number = fmt_bound


def interval(c: Claim) -> str:
    """What a claim's wording allows, in plain words (the reports' formatter): "exactly
    22", "150,000 or more", "225,000 to 275,000", "at most 900,000"."""
    return fmt_allows(c.low, c.high)


def wording(c: Claim) -> str:
    """What the figure says, in plain words: "22", "at least 26", "about 80 (72 to 88)",
    "dozens (24 or more)", "between 20 and 30"."""
    v = fmt_number(c.value)
    if is_vague(c):
        return f"{c.surface.strip()} ({fmt_number(c.low)} or more)"
    if c.hedge == "exact":
        return v
    if c.hedge in LOWER_BOUNDS:
        return f"{'at least' if c.hedge == 'at_least' else 'more than'} {v}"
    if c.hedge in ("about", "nearly"):
        word = "about" if c.hedge == "about" else "nearly"
        return f"{word} {v} ({fmt_number(c.low)} to {fmt_number(c.high)})"
    if c.hedge in ("up_to", "less_than"):
        return f"{'up to' if c.hedge == 'up_to' else 'fewer than'} {v}"
    return f"between {fmt_number(c.low)} and {fmt_number(c.high)}"


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
    return f'{source(c)} ({head}): "{c.surface}" {group_words(c)}{where}'


def says(c: Claim) -> str:
    """One claim in plain words: ``ahram, citing Syrian state media, on 2016-07-27: 22
    people killed in Qamishli``."""
    who = f"{c.outlet}, citing {c.attribution}," if c.attribution else c.outlet
    day = c.published.isoformat() if c.published else "undated"
    where = f" in {c.location}" if c.location else ""
    head = " (headline)" if c.in_title else ""
    return f"{who} on {day}{head}: {wording(c)} {group_words(c)}{where}"


def wider(a: Claim, b: Claim) -> Claim | None:
    """Of two claims, the one placed at a wider place (a region against a town in it, a
    country against a region), or None when both are placed alike."""
    la, lb = _level(a), _level(b)
    if la == lb:
        return None
    return a if la < lb else b


def _level(c: Claim) -> int:
    from checker.engine.clustering import place_level  # helpers is imported by clustering

    return place_level(c)


def aggregate(pair: object, coarse: Claim, fine: Claim) -> bool:
    """Whether the wider place's figure is a wider count than the finer place's: its
    article gives a smaller figure at the finer place too (the day's toll in Aleppo and one
    road's; not a vague "hundreds" there, which is no part of the wider count),
    or never places a figure at the finer place at all (the province's toll, of which the
    town's strike is a part). When its article does place figures there, its wider place is
    only a looser name for the same happening ("11 children killed in Idlib" of the Khan
    Sheikhoun attack)."""
    from checker.engine.clustering import town_key

    peers = getattr(pair, "peers", ())
    floor = bounds(coarse)[0]
    if any(
        p.article_id == coarse.article_id
        and town_key(p.location) == town_key(fine.location)
        and bounds(p)[1] < floor
        for p in peers
    ):
        return True  # its own part there: a smaller count, not "hundreds" or a larger one
    names = getattr(pair, "names_place_of", None)
    return names is None or not names(coarse, fine)


def wider_count(pair: object) -> bool:
    """Whether one of a pair's figures is a wider place's count above the other's, and a
    count of more than the finer place (:func:`aggregate`): a province's or a city's toll
    and one town's or one road's are no contradiction, nor a misquote of one source. Not
    when the two sentences share the happening's names or words (``tie`` "words": the wider
    place is then only a looser name for it)."""
    a, b = pair.a, pair.b  # type: ignore[attr-defined]
    coarse = wider(a, b)
    if coarse is None or getattr(pair, "tie", "") == "words":
        return False
    fine = b if coarse is a else a
    return bounds(coarse)[0] > bounds(fine)[0] and aggregate(pair, coarse, fine)


def explained(pair: object) -> bool:
    """Whether each of a pair's articles also gives a figure that agrees with the other's
    (trt: hospital 55, civil defence 22; alaraby: the same two): the articles agree, and
    what disagrees is their sources."""
    a, b = pair.a, pair.b  # type: ignore[attr-defined]
    peers = getattr(pair, "peers", ())
    a_has_b = any(p.article_id == a.article_id and _same_figure(p, b) for p in peers)
    b_has_a = any(p.article_id == b.article_id and _same_figure(p, a) for p in peers)
    return a_has_b and b_has_a


def _same_figure(p: Claim, q: Claim) -> bool:
    """Whether two claims give the same figure: each allows the other's number ("55" and
    "at least 55"; not "at least 2" and "31")."""
    return p.allows(q.value) and q.allows(p.value)


def one_source(a: Claim, b: Claim) -> bool:
    """Whether two claims cite one named source: the same name once folded
    (:func:`norm_source`), or one the other's acronym ("NDRRMC", "the Philippines National
    Disaster Risk Reduction and Management Council")."""
    sa, sb = norm_source(a.attribution), norm_source(b.attribution)
    if not sa or not sb:
        return False
    return (
        sa == sb
        or _acronym_of(a.attribution or "", b.attribution or "")
        or _acronym_of(b.attribution or "", a.attribution or "")
    )


def _acronym_of(short: str, name: str) -> bool:
    """Whether ``short`` (one upper-case word) spells the initials of ``name``
    (:func:`checker.lexicon.initials`), a country's or people's name before them allowed
    ("NDRRMC", "Philippines National Disaster Risk Reduction and Management Council")."""
    short = short.strip()
    full = initials(name)
    return (
        bool(re.fullmatch(r"[A-Z]{3,8}", short)) and full is not None and short in (full, full[1:])
    )


_ANOTHER = re.compile(r"\b(?:another|a\s+further|an\s+additional|other)\s+$", re.IGNORECASE)


def additional(c: Claim) -> bool:
    """Whether a claim counts people or things besides others of its kind given before
    ("Another five people ... have died", "24 other people", "six more", "Two other
    historical buildings"): a count of its own, never the whole of one. Not a bare
    "others" ("killed 8 and injured 58 others": the injured, besides the dead)."""
    if is_additional(c.subject) and c.subject.lower() not in ("others", "other"):
        return True
    at = c.quote.find(c.surface)
    return at > 0 and bool(_ANOTHER.search(c.quote, max(0, at - 20), at))
