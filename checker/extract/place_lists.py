"""How a sentence lists places, and which of them a figure is about: "the town of Atmeh in
Idlib" (the finest a place holds: Atmeh), "in Aleppo and Deir ez-Zor" (the smallest place
holding a list: Syria), "in Paraguay, Argentina and Uruguay" (several countries: none), "the
provinces of Ha Giang (7), Lai Chau (6)" (a list that gives each place its own figure).
Read by :mod:`checker.extract.places`.
"""

from __future__ import annotations

import re

from checker.extract.place_mentions import NOWHERE, Located, PlaceMention
from checker.extract.place_text import _ARTICLE


def finest_held(text: str, mentions: list[PlaceMention], b: int) -> int:
    """The finest mention that ``mentions[b]`` holds (directly or through others), else b:
    the figure nearest "Idlib" in "the town of Atmeh in Idlib" is about Atmeh, the one
    nearest "Aleppo" in "al-Telifoun al-Hawaei neighborhood in al-Sulaymaniyah area in
    Aleppo city" about al-Telifoun al-Hawaei. Not the last of a list ("the towns of
    Kafranbil Khan Alsibil and Saraqeb in rural Idlib": the figure is the list's)."""
    best, depth, target = b, 0, mentions[b]
    for k in range(max(0, b - 4), b):
        if _LIST_END.search(text, max(0, mentions[k].start - 6), mentions[k].start):
            continue
        m, hops = mentions[k], 0
        while m is not target and m.holder is not None and hops < 4:
            m, hops = m.holder, hops + 1
        if m is target and hops > depth:
            best, depth = k, hops
    return best


_LIST_END = re.compile(r"\b(?:and|or)\s+$", re.IGNORECASE)


def list_place(text: str, mentions: list[PlaceMention], b: int, anchor: int) -> Located | None:
    """ "in Aleppo and Deir ez-Zor", "the provinces of Ha Giang (7), Lai Chau (6), Lang Son
    (5)": the smallest place holding every place of the list the place at ``b`` is in, or
    None when it is in no list. Places joined by "and" make a list; by commas, three or more
    do (two may be a place and its holder: "Atmeh, Idlib"). A list that gives each place its
    own figure ("10 died in Guizhou province and 9 in Chongqing") is one only for a figure
    after it ("13 raids on Raqa and 11 on Tabqa, killing at least 31")."""
    me = mentions[b]
    if me.level < 1:
        return None
    # a place and its holders are one item: "Tachileik in Shan State- Katha in Sagaing
    # Region- Singu in Mandalay Region"
    if len(mentions) == 1:  # no list, but perhaps "al-Bab city and the villages of"
        if me.level == 2 and me.region and _AND_MORE.match(text, me.end):
            return Located(me.region, me.region, me.country)
        return None
    units = _units(mentions, max(0, b - 12), min(len(mentions), b + 12))
    at = next(k for k, (i, j) in enumerate(units) if i <= b <= j)
    lo = hi = at
    anded = numbered = False
    while lo > 0 and (gap := _gap(text, mentions, units[lo - 1], units[lo])):
        anded = anded or bool(gap.group("and"))
        numbered = numbered or bool(_OWN_FIGURE.search(gap.group()))
        lo -= 1
    while hi + 1 < len(units) and (gap := _gap(text, mentions, units[hi], units[hi + 1])):
        anded = anded or bool(gap.group("and"))
        numbered = numbered or bool(_OWN_FIGURE.search(gap.group()))
        hi += 1
    last = mentions[units[hi][1]]
    if numbered and anchor < last.end:
        return None
    listed = [mentions[i] for i, _ in units[lo : hi + 1]]
    names = {m.name for m in listed}
    if me.level == 2 and _AND_MORE.match(text, last.end):
        # "Azaz and nearby villages", "on Hamadaniyah Midan and other neighbourhoods": the
        # region of the place the sentence puts it in (not of an item's namesake elsewhere:
        # the gazetteer's Midan is Damascus's)
        return Located(me.region, me.region, me.country) if me.region else None
    if len(names) < 2 or (len(names) < 3 and not anded):
        return None
    regions = {(m.region, m.country) for m in listed}
    if len(regions) == 1 and me.region:
        return Located(me.region, me.region, me.country)
    countries = {m.country for m in listed}
    if len(countries) == 1 and me.country:
        return Located(me.country, None, me.country)
    return NOWHERE


def countries_listed(text: str, mentions: list[PlaceMention], b: int) -> bool:
    """Whether the country at ``b`` is one of a list of several ("in Sudan and South
    Sudan", "in Paraguay, Argentina and Uruguay")."""
    names = {mentions[b].name}
    for step in (-1, 1):
        k = b
        while 0 <= k + step < len(mentions) and mentions[k + step].level == 0:
            left, right = (k + step, k) if step < 0 else (k, k + step)
            gap = _LIST_GAP.fullmatch(text, mentions[left].end, mentions[right].start)
            if gap is None or not (gap.group("and") or "," in gap.group()):
                break
            names.add(mentions[k + step].name)
            k += step
    return len(names) >= 2


def _units(mentions: list[PlaceMention], lo: int, hi: int) -> list[tuple[int, int]]:
    """The mentions ``lo:hi`` as items of a possible list: each place with the places the
    text says hold it right after it ("Katha in Sagaing Region"), as (first, last)."""
    units: list[tuple[int, int]] = []
    i = lo
    while i < hi:
        j = i
        while j + 1 < hi and mentions[j].holder is mentions[j + 1]:
            j += 1
        units.append((i, j))
        i = j + 1
    return units


def _gap(
    text: str, mentions: list[PlaceMention], left: tuple[int, int], right: tuple[int, int]
) -> re.Match[str] | None:
    """What separates two items when they are items of one list, else None."""
    if mentions[right[0]].level < 1 or mentions[left[1]].level < 1:
        return None
    start, end = mentions[left[1]].end, mentions[right[0]].start
    if end - start > _LIST_GAP_REACH:
        return None  # (bound: the pattern's runs of spaces backtrack on a long gap, 60 s
        # for 1,500 spaces; a list's items are never that far apart)
    return _LIST_GAP.fullmatch(text, start, end)


#: the longest gap between two items of a list, in characters ("Kafranbil Khan Alsibil and
#: the town of Saraqeb", "Ha Giang (7), Lai Chau (6)")
_LIST_GAP_REACH = 120


# What may separate the places of a list: commas, "and", a figure in brackets, a type word
# ("Ha Giang (7), Lai Chau (6)", "Tachileik in Shan State- Katha in Sagaing Region", "13
# raids on the city of Raqa and 11 on the town of Tabqa")
_LIST_TYPES = (
    r"(?:provinces?|regions?|states?|districts?|counties|county|governorates?|prefectures?"
    r"|cit(?:y|ies)|towns?|villages?|neighbou?rhoods?|areas?|municipalit(?:y|ies))"
)
_LIST_GAP = re.compile(
    rf"(?:\s*{_LIST_TYPES}\b)?[\s,;:()\-–—\d]*"
    # an item the gazetteer lacks, between commas ("Coquimbo, Valparaiso, Metropolitan,
    # O'Higgins"), or before the "and" ("the towns of Kafranbil Khan Alsibil and Saraqeb":
    # FA-KES lost the comma)
    r"(?:(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})(?:\s*,\s*|\s+(?=(?:and|&)\s)))*"
    r"(?P<and>(?:and|&)\s+(?:the\s+)?"
    r"(?:\d+\s+(?:[a-z]+\s+)?(?:on|in|at)\s+(?:the\s+)?)?"
    rf"(?:{_LIST_TYPES}\s+of\s+(?:the\s+)?)?)?[\s(\d)]*"
    # the Arabic article the name is read without ("and al-Qusayriyah")
    rf"(?:{_ARTICLE}-)?",
    re.IGNORECASE,
)
# A figure of its own in a list's gap (not one in brackets: "Ha Giang (7), Lai Chau (6)")
_OWN_FIGURE = re.compile(r"(?<![(\d])\d")
# A place the text says is one of several: "in al-Bab city and the villages of ...", "Azaz
# and nearby villages", "Ariha and other towns"
_AND_MORE = re.compile(
    rf"(?:\s*{_LIST_TYPES}\b)?\s*,?\s+(?:and|&)\s+(?:the\s+|its\s+)?(?:\w+\s+)?"
    r"(?:other\s+|nearby\s+|surrounding\s+|neighbou?ring\s+)?"
    r"(?:villages|towns|areas|neighbou?rhoods|districts|cities|provinces|regions)\b",
    re.IGNORECASE,
)
