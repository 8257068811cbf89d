"""Places a figure is about, normalised to the names the corpus uses.

A claim's location is the province-level place it is about ("Idlib" for Khan Sheikhoun,
"Aleppo" for Manbij or Kobani, "Eastern Ghouta" for Douma), a country for figures about a
whole country ("Syria" for a war-long toll, "Turkey" for the refugees it hosts), or two
places joined by "and" when one figure covers both ("Aleppo and Deir Ezzor").

The names are FA-KES's own location hints ("deir ezzor", "hasakeh", "lattakia"), title-cased;
every other spelling (Deir ez-Zor, Deir al-Zour, Hassakeh, Latakia) maps onto them, and so do
towns onto their province. Apostrophes are often lost in the corpus ("Syrias", "Aleppos").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# canonical name -> spellings and places inside it (regex fragments, matched as whole words)
_GAZETTEER: dict[str, tuple[str, ...]] = {
    "Idlib": (
        r"Idlib|Idleb|Edlib|Khan\s+Shei?kh?o?u?n|Khan\s+Sheikhun|Maarat\s+al-Numan|Maaret\s+al-Numan"
        r"|Maarrat\s+al-Nu'?man|Jisr\s+al-Shughour|Jisr\s+al-Shughur|Saraqeb|Saraqib|Ariha"
        r"|Kafr\s+Takharim|Sarmada|Binnish|Taftanaz|Maarzita|Kafranbel|Kafr\s+Nabl|Salqin"
        r"|Harem|Abu\s+al-Duhur|al-Foua|Foua|Kefraya|Kafraya|Deir\s+Sharqi|Deir\s+al-Sharqi",
    ),
    "Aleppo": (
        r"Aleppo|Halab|Manbij|Kobani|Kobane|Ain\s+al-Arab|Afrin|al-Bab|Jarabulus|Azaz|Aazaz"
        r"|Tal\s+Rifaat|Tel\s+Rifaat|Atareb|al-Atareb|Anadan|Hreitan|Kafr\s+Hamra|Urem\s+al-Kubra"
        r"|Orem\s+al-Kubra|Hayan|Nubl|Zahraa|al-Zahraa|Castello|Ramouseh|Ramousseh|Ramusa"
        r"|Khan\s+Tuman|Sheikh\s+Maqsoud|Bustan\s+al-Qasr|Salah\s+al-Din|Hamdaniyeh|Hamadaniya"
        r"|Safira|Deir\s+Hafer|Maskanah",
    ),
    "Damascus": (
        r"Damascus|Dimashq|Qudsaya|Qabun|Qaboun|Jobar|Barzeh|Midan|Mazzeh|Yarmouk|Darayya"
        r"|Daraya|Moadamiyeh|Muadamiyat|Zabadani|Madaya|Wadi\s+Barada|Tadamon|Qalamoun"
        r"|Jayrud|Dumair|Kiswah|Sayyida\s+Zeinab|Sayeda\s+Zeinab|Bab\s+Touma|Rif\s+Dimashq"
        r"|Rural\s+Damascus",
    ),
    "Eastern Ghouta": (
        r"Eastern\s+Ghouta|East\s+Ghouta|Ghouta|Douma|Duma|Harasta|Arbin|Zamalka|Ein\s+Terma"
        r"|Ain\s+Tarma|Hamouria|Hamouriyeh|Saqba|Kafr\s+Batna|Misraba|Otaya",
    ),
    "Deir Ezzor": (
        r"Deir\s+Ezzor|Deir\s+ez-?\s?Zor|Deir\s+el-?\s?Zour|Deir\s+al-?\s?Zou?r|Deir\s+Ezzour"
        r"|Deir\s+ez-Zour|Deirezzor|Mayadeen|Mayadin|al-Mayadin|Albu\s+Kamal|Abu\s+Kamal"
        r"|Boukamal|Bukamal|al-Bukamal|Shuhail|al-Sheitaat|Ashara|Hajin",
    ),
    "Raqqa": (r"Raqqa|Raqqah|Rakka|Raqa|Tabqa|al-Tabqa|Tal\s+Abyad|Tell\s+Abyad|Ain\s+Issa",),
    "Hasakeh": (
        r"Hasakeh|Hassakeh|Hasaka|Hassaka|Hasakah|al-Hasakah|Hassakah|Qamishli|Qamishlo"
        r"|Ras\s+al-Ain|Tall\s+Tawil|Tal\s+Tamr|Shaddadi",
    ),
    "Homs": (
        r"Homs|Palmyra|Tadmur|Tadmor|Qusayr|Rastan|Talbiseh|Tal\s+Kalakh|Shayrat|Taldou|Houla",
    ),
    "Hama": (r"Hama|Hamah|Salamiyeh|Salamiyah|Mhardeh|Suqaylabiyah|Morek|Kafr\s+Zita|Latamneh",),
    "Daraa": (r"Daraa|Deraa|Dara'a|Dera'a|Bosra|Busra|Nawa|Inkhil|Tafas|al-Naimeh",),
    "Lattakia": (r"Lattakia|Latakia|Latakiya|Jableh|Jabla|Qardaha|Kessab|Hmeimim|Hmeymim",),
    "Tartous": (r"Tartous|Tartus|Baniyas|Banias|Safita",),
    "Quneitra": (r"Quneitra|Qunaitra|Golan",),
    "Sweida": (r"Sweida|Suwayda|Suwaida|as-Suwayda",),
    "Syria": (r"Syria|Syrian\s+Arab\s+Republic",),
    "Turkey": (
        r"Turkey|Ankara|Istanbul|Gaziantep|Kilis|Hatay|Antakya|Reyhanli|Sanliurfa|Urfa|Suruc",
    ),
    "Lebanon": (r"Lebanon|Beirut|Arsal|Tripoli",),
    "Jordan": (r"Jordan|Amman|Zaatari|Rukban",),
    "Iraq": (r"Iraq|Mosul|Baghdad|Sinjar|Anbar|Ramadi|Falluja|Fallujah",),
    "Israel": (r"Israel",),
    "Europe": (r"Europe",),
    "Russia": (r"Russia|Moscow",),
    "Iran": (r"Iran|Tehran",),
}
# Places whose mention says nothing about where a figure is (capitals as speakers, "Turkey's
# border" used as a destination) are still found; the choice in :func:`locate` is by distance.
_COUNTRIES = frozenset({"Syria", "Turkey", "Lebanon", "Jordan", "Iraq", "Israel", "Europe",
                        "Russia", "Iran"})  # fmt: skip
# Capitals named as governments ("Moscow said", "Ankara has") are not where a figure is.
_GOVERNMENT_ONLY = frozenset({"Russia", "Iran", "Israel", "Europe"})

# Place names are proper nouns: the look-ahead for a capital lets the engine skip every other
# position before trying the long alternation (about 30 times faster on FA-KES texts).
_PATTERN = re.compile(
    r"(?=[A-Z])\b(?i:"
    + "|".join(f"(?P<p{i}>{'|'.join(v)})" for i, v in enumerate(_GAZETTEER.values()))
    + r")(?:['’]?s)?\b"
)
_NAMES = tuple(_GAZETTEER)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """One place named in a text, with its canonical name."""

    start: int
    end: int
    name: str


def find_places(text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
    """The gazetteer places named in ``text[start:end]`` (proper nouns: capitalised)."""
    found: list[PlaceMention] = []
    for m in _PATTERN.finditer(text, start, len(text) if end is None else end):
        if not m.group(0)[:1].isupper() or m.lastgroup is None:
            continue
        found.append(PlaceMention(m.start(), m.end(), _NAMES[int(m.lastgroup[1:])]))
    return found


@lru_cache(maxsize=256)
def normalise_place(name: str | None) -> str | None:
    """A place name as this module writes it ("deir ezzor" -> "Deir Ezzor"), else title case.

    Joined places ("Aleppo and Deir Ezzor") are normalised part by part.
    """
    if name is None or not name.strip():
        return None
    parts = re.split(r"\s+and\s+|\s*,\s*", name.strip())
    if len(parts) > 1:
        names = [normalise_place(p) for p in parts]
        return " and ".join(n for n in names if n)
    name = name.strip()
    for m in _PATTERN.finditer(name[:1].upper() + name[1:]):
        if m.start() == 0 and m.end() >= len(name) - 9 and m.lastgroup is not None:
            return _NAMES[int(m.lastgroup[1:])]
    return " ".join(w[:1].upper() + w[1:] for w in name.split())


def locate(
    text: str,
    sentence: tuple[int, int],
    anchor: int,
    fallback: str | None,
    whole_country: bool,
    mentions: Iterable[PlaceMention] | None = None,
    host_country: bool = False,
) -> str | None:
    """The place a figure at ``anchor`` in ``sentence`` is about.

    The nearest place the sentence puts something in ("in Idlib", "Aleppo city", "Syria's
    Idlib", "an Aleppo bomb blast": not the subject of "Turkey and Russia discuss"), a town
    or province before a country; two places when they are joined by "and"; for a figure
    about a whole country (``whole_country``: a war-long toll, "across the country") the
    country; for refugees (``host_country``) the host, even as a subject ("Turkey, which hosts
    3.6 million"). Else ``fallback`` (the article's location hint or main place).
    """
    s_start, s_end = sentence
    found = list(mentions) if mentions is not None else find_places(text, s_start, s_end)
    found = [p for p in found if s_start <= p.start < s_end and p.name not in _GOVERNMENT_ONLY]
    named = found
    if not host_country:
        found = [p for p in found if _is_locative(text, p)]
    local = [p for p in found if p.name not in _COUNTRIES]
    if host_country:
        pool = [p for p in found if p.name != "Syria"] or local
    elif local:
        pool = local
    elif whole_country or _COUNTRY_WIDE.search(text, s_start, s_end):
        return "Syria"
    else:
        pool = [p for p in found if p.name != "Syria"]
    if not pool:
        return fallback
    best = min(pool, key=lambda p: _distance(p, anchor))
    joined = _joined(text, best, [p for p in named if p.name not in _COUNTRIES])
    return joined or best.name


_COUNTRY_WIDE = re.compile(
    r"\b(?:across|throughout)\s+(?:the\s+country|Syria)|\bnationwide\b|\bin\s+various\s+areas\b",
    re.IGNORECASE,
)
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|on|across|around|outside|inside|into|of|from|over|towards?|within|"
    r"throughout|targeting|targeted|hit|struck|shelled|bombed|pounded)"
    r"|\b(?:north|south|east|west|northern|southern|eastern|western|central|rural|northeast"
    r"|northwest|southeast|southwest|northeastern|northwestern|southeastern|southwestern)"
    r"(?:ern)?)(?:\s+(?:the|rebel-held|opposition-held|regime-held|government-held|besieged"
    r"|northern|southern|eastern|western|central|rural|city\s+of|town\s+of|province\s+of))*\s+$",
    re.IGNORECASE,
)
_LOCATIVE_AFTER = re.compile(
    r"(?:['’]?s)?\s+(?:province|city|countryside|governorate|suburbs?|district|region|area"
    r"|outskirts|[a-z]+\s+(?:blast|attack|bombing|explosion|strike|raids?|shelling|clashes"
    r"|fighting|offensive|massacre|convoy))\b"
    # "Aleppo's eastern districts", not "Turkey's failure"
    r"|['’]?s\s+(?:[a-z-]+\s+){0,2}(?:districts?|neighbou?rhoods?|countryside|outskirts|suburbs?"
    r"|north|south|east|west|northwest|northeast|southwest|southeast|towns?|villages?|areas?)\b",
)


def _is_locative(text: str, place: PlaceMention) -> bool:
    """Whether the sentence puts something in ``place`` (not "Turkey and Russia discuss",
    "Turkey-controlled territories")."""
    if text[place.end : place.end + 1] == "-":
        return False
    before = text[max(0, place.start - 40) : place.start]
    if _LOCATIVE_BEFORE.search(before):
        return True
    if re.search(r"(?:Syria|Turkey|Iraq)['’]?s?\s+$", before):  # "Syria's Idlib"
        return True
    return bool(_LOCATIVE_AFTER.match(text, place.end))


def _distance(place: PlaceMention, anchor: int) -> int:
    # A place after the figure ("killed 26 people in Idlib") is as close as one before it.
    return place.start - anchor if place.start >= anchor else anchor - place.end


def _joined(text: str, best: PlaceMention, pool: list[PlaceMention]) -> str | None:
    """ "on Aleppo and Deir Ezzor": both names, in the order written."""
    for other in pool:
        if other.name == best.name:
            continue
        a, b = (best, other) if best.start < other.start else (other, best)
        if re.fullmatch(r"\s+(?:and|&)\s+(?:the\s+)?", text[a.end : b.start], re.IGNORECASE):
            return f"{a.name} and {b.name}"
    return None


def main_place(title: str, text: str) -> str | None:
    """The place an article is mostly about: the most named province-level place in its title,
    else in its text (ties: the first named)."""
    for source in (title, text):
        counts: dict[str, int] = {}
        for p in find_places(source):
            if p.name not in _COUNTRIES:
                counts[p.name] = counts.get(p.name, 0) + 1
        if counts:
            return max(counts, key=lambda k: counts[k])
    return None
