"""How a place is tied to the one that holds it ("Atmeh, near the Turkish border in Idlib",
"the Omdadda neighbourhood in Omdurman", "Singu in Mandalay Region"), and the place it then
is: the namesake in the holder's region, or the text's own place there.
"""

from __future__ import annotations

import re
from collections.abc import Container

from checker.extract.place_mentions import PlaceMention
from checker.extract.place_text import _ARTICLE, _TYPES_PLACE, _TYPES_REGION, _same_name

#: the compass points a place is put at from another ("X, 20 km north of Y")
_COMPASS = r"(?:north|south|east|west|northeast|northwest|southeast|southwest)"
#: type words of the parts of a town named with "of": "the Salihiah neighbourhood of Hasakah"
_PART_OF_TYPES = r"(?:neighbou?rhood|district|quarter|suburb)"

# How a place is tied to the one that holds it: "X, Y", "X in Y", "X in the Y countryside",
# "X near Y", "X, a town in Y", "X (Y)".
_HOLDER = re.compile(
    rf"(?:\s+(?:{_TYPES_PLACE}|{_TYPES_REGION})\b)?"  # "al-Athamiyeh neighborhood in Aleppo"
    # "X in southern rural Y", "X in the northwestern Y": where in Y, Y still holds X
    r"(?:\s*,\s*|\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|northeast|northwest|southeast"
    r"|southwest|north-east|north-west|south-east|south-west|central)(?:ern)?\s+)?"
    r"(?:rural\s+)?|\s*,\s*in\s+(?:the\s+)?|\s+\(|\s*,\s*(?:a|the)\s+(?:[\w-]+\s+)?"
    rf"(?:{_TYPES_PLACE})\s+(?:in|of|near)\s+(?:the\s+)?|\s*,?\s+near\s+(?:the\s+)?"
    r"|\s+(?:province|governorate|state|district|countryside|area|region)\s+of\s+(?:the\s+)?"
    # "Jassem in the southern province of Daraa"
    r"|\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|northeast|northwest|southeast|southwest"
    r"|central)(?:ern)?\s+)?(?:province|governorate|state|region)\s+of\s+(?:the\s+)?"
    r"|\s*,?\s+(?:just\s+|about\s+|some\s+)?(?:\d+\s+(?:km|kilomet(?:re|er)s|miles)\s+)?"
    rf"{_COMPASS}(?:ern)?\s+of\s+(?:the\s+)?"
    r"(?:(?:city|town|province|capital)\s+(?:of\s+)?)?"
    r"|\s+(?:city|town|village|camp)\s*,\s*|\s+(?:city|town|village|camp)\s+in\s+(?:the\s+)?"
    # "the Sulaymaniyah neighborhood of the Syrian city of Aleppo": a part of a town
    rf"|\s+{_PART_OF_TYPES}\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:(?:city|town|capital)\s+of\s+(?:the\s+)?)?)"
    rf"(?:{_ARTICLE}-\s*)?$",  # "in al- Sulaymaniyah area"
    re.IGNORECASE,
)

_NEAR = re.compile(r"\bnear\b", re.IGNORECASE)
_DIRECTION_OF = re.compile(rf"\b{_COMPASS}(?:ern)?\s+of\b", re.IGNORECASE)


def _hold(text: str, mentions: list[PlaceMention], i: int, named: Container[str] = ()) -> None:
    """Tie ``mentions[i]`` to the finer place just before it that it holds: "Atmeh, near
    the Turkish border in Idlib" -> Atmeh's region is Idlib's. ``named``: the countries
    the article names."""
    outer = mentions[i]
    for j in range(i - 1, max(-1, i - 3), -1):
        inner = mentions[j]
        gap = text[inner.end : outer.start]
        if len(gap) > 60 or not _HOLDER.fullmatch(" " + gap if not gap[:1].isspace() else gap):
            if len(gap) > 60:
                return
            continue
        if outer.name == inner.name and outer.level == inner.level:
            return  # "Guerrero  In Guerrero state": a heading, then the place again
        if outer.level > inner.level or (
            outer.level == inner.level == 2 and not _town_holds(inner, outer, gap)
        ):
            continue
        if outer.level == inner.level == 1 and inner.candidates and outer.candidates:
            continue  # "the regions of Coquimbo, Valparaiso, ...": two known regions, a list
        inner.holder = outer
        if not outer.candidates and inner.candidates and inner.country in named:
            # "Subic town in northwestern Zambales province": a region the gazetteer lacks
            # lies in the country of the known town it holds when the article names that
            # country (not "Nan District, Luangprabang Province": Nan, Thailand)
            outer.country = inner.country
        if inner.level == 2:  # a town in a region, or "X, near Y": in Y's region
            _rehome(inner, outer, inside=not _BESIDE.search(gap) or bool(_PART_OF.search(gap)))
        return


def _town_holds(inner: PlaceMention, outer: PlaceMention, gap: str) -> bool:
    """Whether a town-level place holds another: "X, near Y"; "the Omdadda neighbourhood in
    Omdurman", "al-Athamiyeh neighborhood in Aleppo city" (a part of a town, typed so or
    unknown to the gazetteer, or smaller than the town, in it) - not "Azaz, Marea" (a list)."""
    if _NEAR.search(gap) or _DIRECTION_OF.search(gap):
        return True  # "X, near Y"; "the village of Oweijel just west of the city of Aleppo"
    size = max((c.population for c in inner.candidates if c.name == inner.name), default=0)
    if _PART_OF.search(gap):
        # "the Salihiah neighbourhood of Hasakah city", not "the east Aleppo district of
        # Marjeh" (Marjeh a district of Aleppo): the bigger place holds the other
        return outer.city_size > size or (not inner.candidates and bool(outer.candidates))
    if not _IN_GAP.search(gap):
        return False
    if inner.type_word in _PARTS or not inner.candidates:
        return True
    return outer.city_size > size or outer.type_word in ("city", "town")


_IN_GAP = re.compile(r"\bin\b", re.IGNORECASE)

#: type words of the parts of a town only (never a region or a town of their own): such a
#: place lies in the article's country (:mod:`.place_names`)
TOWN_PARTS = frozenset(("neighborhood", "neighbourhood", "quarter", "suburb"))
#: type words of the parts of a town, and of units that may be one
_PARTS = TOWN_PARTS | frozenset("district area camp sub-district subdistrict ward barangay".split())

_BESIDE = re.compile(r"\b(?:near|of)\b", re.IGNORECASE)  # "near Y", "east of Y": not in Y
#: "the X neighborhood of Y": in Y
_PART_OF = re.compile(rf"\b{_PART_OF_TYPES}\s+of\b", re.IGNORECASE)


def _rehome(inner: PlaceMention, outer: PlaceMention, inside: bool = True) -> None:
    """The inner place lies in the outer one: take the homonym there, or its region."""
    region = outer.region if outer.level >= 1 else None
    country = outer.country
    there = [c for c in inner.candidates if (region is None or c.region == region)
             and (country is None or c.country == country)]  # fmt: skip
    before = inner.triple
    if there:
        best = max(there, key=lambda c: c.population)
        inner.name, inner.region, inner.country = best.name, best.region, best.country
    elif not inner.candidates:
        inner.region = region or inner.region
        inner.country = country or inner.country
    elif country is not None and (
        inner.country != country
        or (
            inside
            and region is not None
            and outer.level == 1
            and not _same_name(inner.raw, inner.name)
        )
    ):
        # the gazetteer's place of that name lies in another country or region: the
        # text's own place, unknown to the gazetteer, where the text says ("Karsaa ... in
        # Idlib", "Singu in Mandalay Region")
        inner.name, inner.region, inner.country = inner.raw or inner.name, region, country
    inner.rehomed = inner.rehomed or inner.triple != before
