"""Place names in a text: which capitalised words name places, and which places they are.

Three things say where a named place lies, in this order of trust:

1. the text itself: "the village of Urum al-Joz in Aleppo province", "Atmeh, near the
   Turkish border in Idlib", "Maiduguri, Borno state" - the grammar of apposition and
   "in"/"near" gives the region (and picks, among places of one name, the one the text
   means);
2. the gazetteer (:mod:`checker.extract.gazetteer`: GeoNames, pycountry, and the places news
   names that GeoNames lacks), among the places the name may be, the one in the countries
   and regions the article names, else the biggest;
3. the article's own location hint (FA-KES's column) and the places it names most.

A capitalised word is taken for a place only when it is plausible there: a country or
region, a town of a country the article is about, a big city, or a name the text puts a
cue on ("in X", "X province", "the town of X"); names that are also common English words
("Police", "Most") always need the cue. Places inside the names of organisations ("Syrian
Observatory for Human Rights", "Ahrar al-Sham") are not places.

:func:`find_mentions` reads a title and a text once; :mod:`checker.extract.places` then
says which of the mentions a figure is about.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from checker.extract.gazetteer import COUNTRY, PLACE, REGION, Place, gazetteer, place_key

Span = tuple[int, int]

#: the longest place name tried, in words ("Democratic Republic of the Congo")
MAX_NAME_WORDS = 6
#: a town of a country the article does not name is a place only from this size up
BIG_CITY = 100_000
#: a town of a country the article does not name, with only "in" before it, from this size up
SMALL_TOWN = 20_000

_ARTICLE = r"(?:al|el|ad|ar|as|ash|az|ez|ed|es|an|at|et|en)"
_WORD = rf"(?:{_ARTICLE}-)?[A-Z][\w'’]*(?:-[\w'’]+)*"
_JOIN = rf"(?:{_ARTICLE}|bin|bani|ibn|de|del|della|di|du|des|la|le|los|las|of|the|el|al)"
_PHRASE = re.compile(rf"(?<![\w'’-])(?=[aeA-Z]){_WORD}(?:[ \t]+(?:{_JOIN}[- \t]+)?{_WORD}){{0,7}}")
_TOKEN = re.compile(rf"{_JOIN}[- \t]+(?={_WORD})|{_WORD}")

# Words that end an organisation's or a group's name: a place inside it is not a place
# ("Syrian Observatory for Human Rights", "Free Syrian Army", "Aleppo Media Centre").
_ORG_WORDS = frozenset(
    """
    army forces force front state observatory council committee committees party brigade
    brigades movement organization organisation ministry agency news tv times post rights
    watch crescent cross helmets defence defense units corps coalition commission office
    fund programme program bank university media centre center network union group groups
    authority authorities police command radio television channel daily herald tribune
    journal press institute foundation association federation league battalion division
    regiment militia militias guard guards academy company corporation club assembly
    parliament government administration mission daily
    jabhat jaish ahrar nusra liwa harakat hayat hay'at tahrir kataib ansar jund fatah faylaq
    """.split()
)
# Organisation words that still place what they name ("Idlib National Hospital").
_LOCATING_ORG = frozenset("hospital school market mosque airport prison camp stadium".split())
# Capitalised words that begin sentences or names and are never places themselves.
_NEVER = frozenset(
    """
    the a an this that these those it its he she they we i in on at of for by with from and
    but or as after before since until while when where which who what said says according
    president prime minister mr mrs ms dr gen general king prince emir pope
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december reuters afp ap sana tass
    more most some many several other others another
    """.split()
)
_TYPES_REGION = r"province|governorate|state|region|county|prefecture|department|oblast"
_TYPES_PLACE = (
    r"village|town|city|district|neighbou?rhood|suburb|camp|refugee\s+camp|area|municipality"
    r"|island|hamlet|settlement|locality|quarter|commune|sub-district|subdistrict|countryside"
    r"|suburbs|outskirts|crossing|border\s+crossing|regency|ward|township|sub-county|subcounty"
    r"|tehsil|taluka?|upazila|barangay|prefecture-level\s+city"
)
# Named things that are places of their own ("Castello Road", "Tishrin Dam"): the type word
# is part of the name.
_TYPES_NAMED = r"street|road|square|roundabout|bridge|dam|airport|air\s+base|airbase|base|highway"
_TYPE_AFTER = re.compile(
    rf"\s*(?:['’]s\s+)?(?P<type>{_TYPES_REGION}|{_TYPES_PLACE}|{_TYPES_NAMED})\b", re.I
)
_REGION_TYPE = re.compile(r"province|governorate|state|oblast|prefecture", re.I)
_TYPE_OF = re.compile(
    rf"\b(?P<type>{_TYPES_REGION}|{_TYPES_PLACE})\s+of\s+(?:the\s+)?$", re.IGNORECASE
)
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|on|across|around|outside|inside|into|from|over|towards?|within|above"
    r"|below|beyond|along"
    r"|throughout|targeting|targeted|hit|struck|shelled|bombed|pounded|besieged|hitting"
    r"|(?:shelling|bombing|bombardment|siege|battle|capture|liberation|evacuation|outskirts"
    r"|countryside|suburbs)\s+of)"
    r"|\b(?:north|south|east|west|northern|southern|eastern|western|central|rural|northeast"
    r"|northwest|southeast|southwest|northeastern|northwestern|southeastern|southwestern))"
    r"(?:\s+(?:the|rebel-held|opposition-held|regime-held|government-held|besieged|northern"
    r"|southern|eastern|western|central|rural|city\s+of|town\s+of|village\s+of|province\s+of"
    r"|district\s+of|neighbou?rhood\s+of|area\s+of|outskirts\s+of|suburbs?\s+of|countryside\s+of"
    r"|(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+(?:part\s+)?of"
    r"|[\w-]+(?:ish|ian|ese|i)\s+(?:town|city|village|province|region|capital)\s+of))*\s+$",
    re.IGNORECASE,
)
# the words _LOCATIVE_BEFORE can end with: a place after any other word needs no search
_LOCATIVE_LAST = frozenset(
    """
    in at near on across around outside inside into from over toward towards within above
    below beyond along
    throughout targeting targeted hit struck shelled bombed pounded besieged hitting of the
    rebel-held opposition-held regime-held government-held northern southern eastern western
    central rural north south east west northeast northwest southeast southwest northeastern
    northwestern southeastern southwestern
    """.split()
)


def _locative_before(text: str, at: int) -> bool:
    """Whether the words before ``text[at]`` put something in the place there ("in",
    "the town of", "shelling of")."""
    j = at
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == at:
        return False
    k = j
    while k > 0 and j - k < 20 and not text[k - 1].isspace():
        k -= 1
    if text[k:j].lower() not in _LOCATIVE_LAST:
        return False
    return bool(_LOCATIVE_BEFORE.search(text, max(0, at - 60), at))


_LOCATIVE_AFTER = re.compile(
    r"(?:['’]?s)?\s+(?:province|city|countryside|governorate|suburbs?|district|region|area"
    r"|outskirts|state|county|village|town|camp|[a-z]+\s+(?:blast|attack|bombing|explosion"
    r"|strike|raids?|shelling|clashes|fighting|offensive|massacre|convoy|floods?|flooding"
    r"|earthquake|landslides?|storm|fire))\b"
    r"|['’]?s\s+(?:[a-z-]+\s+){0,2}(?:districts?|neighbou?rhoods?|countryside|outskirts|suburbs?"
    r"|north|south|east|west|northwest|northeast|southwest|southeast|towns?|villages?|areas?)\b"
    # "1,000 Households- Mandera IDPs", "Aleppo residents": people of the place
    r"|\s+(?i:IDPs|refugees|residents|villagers|evictees|inhabitants|locals|dwellers)\b"
)
# How a place is tied to the one that holds it: "X, Y", "X in Y", "X in the Y countryside",
# "X near Y", "X, a town in Y", "X (Y)".
_HOLDER = re.compile(
    rf"(?:\s+(?:{_TYPES_PLACE}|{_TYPES_REGION})\b)?"  # "al-Athamiyeh neighborhood in Aleppo"
    r"(?:\s*,\s*|\s+in\s+(?:the\s+)?|\s*,\s*in\s+(?:the\s+)?|\s+\(|\s*,\s*(?:a|the)\s+(?:[\w-]+\s+)?"
    rf"(?:{_TYPES_PLACE})\s+(?:in|of|near)\s+(?:the\s+)?|\s*,?\s+near\s+(?:the\s+)?"
    r"|\s+(?:province|governorate|state|district|countryside|area|region)\s+of\s+(?:the\s+)?"
    r"|\s*,?\s+(?:just\s+|about\s+|some\s+)?(?:\d+\s+(?:km|kilomet(?:re|er)s|miles)\s+)?"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of\s+(?:the\s+)?"
    r"(?:(?:city|town|province|capital)\s+(?:of\s+)?)?"
    r"|\s+(?:city|town|village|camp)\s*,\s*|\s+(?:city|town|village|camp)\s+in\s+(?:the\s+)?)"
    rf"(?:{_ARTICLE}-\s*)?$",  # "in al- Sulaymaniyah area"
    re.IGNORECASE,
)
_NEAR = re.compile(r"\bnear\b", re.IGNORECASE)
# Where a speaker is ("SANA reporter in Aleppo said", "a civil defence official from
# Idlib"): not what the figure is about, though a sentence naming no other place may well be
# about the speaker's town
_SPEAKER_IN = re.compile(
    r"\b(?:reporter|correspondent|official|source|spokes(?:man|woman|person)|governor"
    r"|journalist|officials|sources)s?\s+(?:in|at|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Where a byline, a meeting or a body sits: never what a figure is about ("(Reporting by
# Anthony Deutsch in Amsterdam)", "the Security Council in New York", "talks in Ankara")
_SITTING_IN = re.compile(
    r"(?:\b(?:envoy|ambassador|delegation|council|assembly|summit|conference|talks|meeting"
    r"|commissioner|high\s+commission|consulate|mission"
    r"|headquarters|embassy|diplomats?|negotiators?|parliament|court|tribunal)s?"
    r"|\b(?:reporting|writing|editing|reported|written|edited)\s+by\s+[^.;:()\n\d]{1,60}?)"
    r"\s+(?:in|at|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# what ends a speaker's or a meeting's phrase right before a place: checked first, cheaply
_IN_AT_FROM = re.compile(r"\b(?:in|at|from)\s+(?:the\s+)?$", re.IGNORECASE)
#: how far back a speaker before a place is looked for (a byline names its reporters)
_SPEAKER_REACH = 90
_IN_PLACE = re.compile(
    r"\b(?:in|at|near|outside|inside|around|across|throughout|of)\s+(?:the\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_AFTER_COUNTRY = re.compile(r"(?:['’]s?)?\s+(?:(?:north|south|east|west)\w*\s+)?", re.IGNORECASE)
_RIGHT_AFTER_IN = re.compile(r"\b(?:in|near|at|outside)\s+$", re.IGNORECASE)
_COUNTRY_POSSESSIVE = re.compile(r"\b[A-Z][a-z]+['’]s?\s+(?:(?:north|south|east|west)\w*\s+)?$")


@dataclass(slots=True)
class PlaceMention:
    """A place named in a text: where, the name the claim will carry, and where it lies."""

    start: int
    end: int
    name: str  #: display name ("Khan Sheikhoun", "Idlib", "Syria")
    level: int  #: 0 country, 1 region, 2 town or finer
    region: str | None
    country: str | None
    #: the text puts something in it ("in X", "X province"): a figure may be about it
    locative: bool = False
    #: candidates the gazetteer gave, best first (empty for a place only the text knows)
    candidates: tuple[Place, ...] = ()
    #: the text's own type word ("village", "province"), if any
    type_word: str | None = None
    #: the mention holding this one ("X in Y province": X's holder is Y)
    holder: PlaceMention | None = None
    #: the name as the text writes it, cleaned ("Karsaa")
    raw: str = ""
    #: a country's capital (its name often stands for the government: "Ankara said")
    capital: bool = False
    #: where the sentence's speaker is ("SANA reporter in Aleppo"): not locative, but the
    #: place of a sentence that names no other
    speaker: bool = False
    #: the text itself says where it lies ("Marathon, near Athens"), against the gazetteer
    rehomed: bool = False
    #: a town of the same name as this region, and its size ("Aleppo": 2 million)
    city_size: int = 0

    @property
    def triple(self) -> tuple[str, str | None, str | None]:
        return self.name, self.region, self.country


@dataclass(frozen=True, slots=True)
class Located:
    """Where a figure is: its finest place, region and country (any may be unknown)."""

    location: str | None
    region: str | None
    country: str | None
    #: the places the text says hold the location, innermost first ("al-Telifoun al-Hawaei
    #: neighborhood in al-Sulaymaniyah area": ("Sulaymaniyah", "Aleppo"))
    within: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def of(cls, m: PlaceMention | None) -> Located:
        if m is None:
            return cls(None, None, None)
        within: list[str] = []
        holder = m.holder
        while holder is not None and len(within) < 4:
            within.append(holder.name)
            holder = holder.holder
        return cls(*m.triple, within=tuple(within))

    @property
    def level(self) -> int:
        """0 a country, 1 a region (or its namesake city), 2 finer; -1 nowhere."""
        if self.location is None:
            return -1
        if self.location == self.country:
            return 0
        return 1 if self.location == self.region else 2

    def holds(self, other: Located) -> bool:
        """Whether ``other`` is a finer place inside this one: a town of this region or
        country, a neighbourhood the text puts in this town."""
        if self.location is None or other.location is None or other.country != self.country:
            return False
        if self.level == 2:  # "al-Sulaimaniyeh area" holds "al-Telifoun al-Hawaei ... in
            # al-Sulaymaniyah area": one place, two spellings
            key = place_key(self.location)
            return any(place_key(w) == key for w in other.within)
        if other.level <= self.level:
            return False
        if self.level == 0:
            return True
        if other.region == self.region:
            return True
        # "rocket shells at Damascus" / "in East Ghota of Damascus": the countryside around
        # a city that is a region of its own
        around = _around(self.location)
        return around is not None and around.name == other.region


NOWHERE = Located(None, None, None)


@dataclass(frozen=True, slots=True)
class _Raw:
    """A candidate name found in a text, with the places it may be."""

    start: int
    end: int
    text: str
    candidates: tuple[Place, ...]
    type_word: str | None
    cue: bool
    #: the region around a city that is a region of its own ("Damascus suburbs": Rif Dimashq)
    around: Place | None = None
    #: a locative word before it ("in", "near", "the town of")
    before: bool = False
    #: "in", "near", "at" or "outside" right before it (no "the")
    right_after_in: bool = False


_AROUND = frozenset({"countryside", "suburb", "suburbs", "outskirts"})


def _candidates(text: str) -> list[_Raw]:
    """Every span of ``text`` that may name a place: gazetteer names (longest first within
    a run of capitalised words) and names the text types ("the village of X"). In a text
    written in title case (a headline: "Car Bomb Kills 20 In Azaz"), capitals say nothing,
    so only the gazetteer's names count there."""
    g = gazetteer()
    title_case = _title_case(text)
    found: list[_Raw] = []
    for run in _PHRASE.finditer(text):
        if run.group().lower() in _NEVER:
            continue  # "The", "He", "Monday": most runs, one word that is never a place
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, run.start(), run.end())]
        words = [text[a:b] for a, b in tokens]
        cut = next((k for k, w in enumerate(words) if k and w.rstrip() == "the"), 0)
        if cut and _org_name(words[cut:]) and not _org_name(words[:cut]):
            # "a school in Deraa the Britain-based Syria Observatory for Human Rights said"
            # (FA-KES lost its commas): the place, then the organisation
            tokens, words = tokens[:cut], words[:cut]
        if _org_name(words) and not _LOCATING_ORG & {w.lower() for w in words}:
            continue  # "Syrian Observatory for Human Rights", "Ahrar al-Sham"
        mount = _mountain(text, run.start(), words)
        if mount is not None:  # "Mount Sinabung", "Mt. Ontake": a named place of its own
            a = run.start() if words[0] in _MOUNT else tokens[0][0]
            found.append(_Raw(a, run.end(), mount, (), "mount", True, right_after_in=True))
            continue
        i = 0
        while i < len(tokens):
            word = words[i]
            if word.lower().rstrip(" -\t") in _NEVER or _is_join(word) or _MODIFIER.search(word):
                i += 1
                continue
            old_town = _old_town(text, tokens, words, i)
            if old_town is not None:  # "the Old City of Aleppo"
                found.append(old_town)
                i += 2
                continue
            hit: tuple[int, int, str, tuple[Place, ...]] | None = None
            for j in range(min(len(tokens), i + MAX_NAME_WORDS), i, -1):
                if _is_join(words[j - 1]) or (j == i + 1 and _DIRECTION.fullmatch(word)):
                    continue  # "Northern" alone is no place; "Northern Ireland" is
                a, b = tokens[i][0], tokens[j - 1][1]
                name = _clean(text[a:b])
                cands = g.lookup(name) or _plural_lost(name)
                if cands and len(name) <= 3 and name.isupper():
                    cands = tuple(c for c in cands if c.kind == COUNTRY)  # "IS", "UN": codes
                if cands:
                    hit = (a, b, name, cands)
                    break
            # the run may go on past the name's type: "Gogrial East County of Warrap"
            end = next(
                (k for k in range(i + 1, len(tokens)) if _RUN_TYPE.fullmatch(words[k])),
                len(tokens),
            )
            whole = not title_case and end - i <= 3 and end > i
            if hit is not None:  # a name going on past the gazetteer's: glued by an
                # article ("Bab al Salama"), a direction ("Gogrial East"), words of no place
                rest = words[j:end]
                whole = (
                    whole
                    and bool(rest)
                    and not _POSSESSIVE.search(words[j - 1])  # "Trat's Muang District"
                    and (
                        _is_join(rest[0])
                        or all(_DIRECTION.fullmatch(w) for w in rest)
                        or not any(g.lookup(_clean(w)) for w in rest)  # "Pidie Jaya regency"
                    )
                )
            if whole and not _is_join(words[end - 1]):
                # "the village of Urum al-Joz", "the Bab al Salama crossing" (not al-Bab),
                # "Gogrial East County" (not Gogrial): a typed name the gazetteer lacks
                a, b = tokens[i][0], tokens[end - 1][1]
                name = _clean(text[a:b])
                if _type_word(text, a, b) and _unknown_name(name):
                    hit, j = (a, b, name, ()), end
            if hit is None:
                i += 1
                continue
            i = j
            a, b, name, cands = hit
            if _RIVER.match(text, b):
                continue  # "the Paraguay River", "the Amur River": a river, not the place
            type_word = _type_word(text, a, b)
            before = _locative_before(text, a)
            cue = bool(type_word) or before
            common = bool(cands) and g.is_common_word(name) and not cue
            if common and all(c.kind != COUNTRY for c in cands):
                continue  # "Police said", "Most of the dead"
            around = None
            if type_word in _AROUND:  # "Damascus suburbs": the region around the city
                around = _around(name)
            right = bool(_RIGHT_AFTER_IN.search(text, max(0, a - 10), a))
            found.append(_Raw(a, b, name, cands, type_word, cue, around, before, right))
    return found


def _old_town(text: str, tokens: list[Span], words: list[str], i: int) -> _Raw | None:
    """ "the Old City of Aleppo", "the old town of Homs": a named area of the city after
    "of" (in the city's region), else None."""
    if words[i] != "Old" or i + 3 >= len(tokens) or words[i + 1] not in ("City", "Town"):
        return None
    if words[i + 2].strip() != "of":
        return None
    city = gazetteer().lookup(_clean(words[i + 3]))
    place = next((c for c in city if c.kind in (REGION, PLACE)), None)
    if place is None or place.region is None:
        return None
    region = gazetteer().region(place.region, place.country)
    a, b = tokens[i][0], tokens[i + 1][1]
    return _Raw(a, b, f"Old {words[i + 1]}", (), "area", True, around=region, before=True)


_RIVER = re.compile(r"\s+(?:River|river|Valley\s+River|Basin)\b")
_MOUNT = frozenset({"Mount", "Mt", "Mountain"})


def _mountain(text: str, start: int, words: Sequence[str]) -> str | None:
    """ "Mount X" for a run "Mount X", "Mt X", or "X" after "Mt. ", else None."""
    if words[0] in _MOUNT and len(words) > 1 and words[0] != "Mountain":
        rest = " ".join(w.strip() for w in words[1:])
        return f"Mount {_clean(rest)}"
    if text[max(0, start - 4) : start] == "Mt. " and words[0] not in _NEVER:
        return f"Mount {_clean(' '.join(w.strip() for w in words))}"
    return None


def _type_word(text: str, start: int, end: int) -> str | None:
    """The type the text gives a name: "X province", "the village of X"."""
    m = _TYPE_AFTER.match(text, end)
    if m is None and "of" in text[max(0, start - 8) : start]:  # cheaply first
        m = _TYPE_OF.search(text, max(0, start - 40), start)
    return m.group("type").lower() if m is not None else None


def _unknown_name(name: str) -> bool:
    """Whether a typed name the gazetteer lacks can be a place's ("Urum al-Joz" village),
    not an adjective or a common word ("Syrian city", "Main town")."""
    g = gazetteer()
    words = [w for w in re.split(r"[\s-]+", name) if w and not re.fullmatch(_ARTICLE, w)]
    nisba = bool(re.search(rf"\b{_ARTICLE}[- ]\w+$", name, re.IGNORECASE))
    named_direction = len(words) > 1 and bool(_DIRECTION.fullmatch(words[-1]))  # "Gogrial East"
    if not words or (_DEMONYM.fullmatch(words[-1]) and not nisba and not named_direction):
        # "Syrian city", "the Syrian Kurdish city" (but "al-Telifoun al-Hawaei
        # neighborhood": after the Arabic article, a name)
        return False
    # a name's first word is no English word ("Main town", "Old City"); later ones may be
    # ("Bañado Sur area", "Gogrial East County")
    common = [g.is_common_word(w) or w.lower() in _NEVER for w in words]
    return not common[0] and not any(w.lower() in _NEVER for w in words[1:])


_RUN_TYPE = re.compile(
    r"County|District|Province|State|Region|Governorate|Regency|Ward|Township", re.I
)
_DIRECTION = re.compile(
    r"(?:North|South|East|West|Central|Upper|Lower|Greater)(?:ern|east|west|eastern|western)?"
    r"|Middle",
    re.IGNORECASE,
)
_MODIFIER = re.compile(r"-(?:held|controlled|based|backed|led|run|linked|allied|affiliated)$")


def _title_case(text: str) -> bool:
    words = re.findall(r"\b[A-Za-z][a-z]{3,}\b", text[:400])
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ish|ian|ese|ean|i|an)|(?:North|South|East|West)\w*", re.I)


_JOIN_TOKEN = re.compile(rf"{_JOIN}[- \t]+")


def _is_join(word: str) -> bool:
    return word[-1:] in " -\t" and bool(_JOIN_TOKEN.fullmatch(word))


def _org_name(words: Sequence[str]) -> bool:
    """Whether a run of capitalised words names an organisation or a group ("Free Syrian
    Army", "Islamic State") - not a region typed as one ("Shan State", "Borno State")."""
    for k, w in enumerate(words):
        low = w.lower()
        if low.rstrip("s") in _ORG_WORDS or low in _ORG_WORDS:
            if low == "state" and k > 0 and _is_region(words[k - 1]):
                continue
            return True
    return False


@lru_cache(maxsize=4096)
def _is_region(word: str) -> bool:
    return any(p.kind == REGION for p in gazetteer().lookup(word))


_POSSESSIVE = re.compile(r"['’]s?$")
_THE = re.compile(r"^(?:the|The)\s+")


@lru_cache(maxsize=65536)
def _clean(name: str) -> str:
    """A name as a place: possessive and "the" dropped ("Aleppo's" -> "Aleppo")."""
    return _THE.sub("", _POSSESSIVE.sub("", name.strip()))


def _plural_lost(name: str) -> tuple[Place, ...]:
    """FA-KES lost its apostrophes: "Syrias", "Aleppos" are possessives."""
    if len(name) > 4 and name.endswith("s") and " " not in name:
        return tuple(p for p in gazetteer().lookup(name[:-1]) if p.kind in (COUNTRY, REGION))
    return ()


@dataclass(slots=True)
class _Context:
    countries: Counter[str]
    regions: set[tuple[str, str | None]]
    hint: Located


def _context(raw: Iterable[_Raw], hint: str | None) -> _Context:
    """The countries and regions an article names (unambiguously), and its hint's place."""
    countries: Counter[str] = Counter()
    regions: set[tuple[str, str | None]] = set()
    for r in raw:
        best = r.candidates[0] if r.candidates else None
        if best is None:
            continue
        if best.kind == COUNTRY:
            countries[best.name] += 1
        elif (
            best.kind == REGION
            and not gazetteer().is_common_word(r.text)
            and all(c.country == best.country for c in r.candidates)
        ):  # a region only its own country has ("Idlib"), not one of many ("Norte")
            regions.add((best.name, best.country))
    named = countries.most_common(1)[0][0] if countries else None
    hinted = resolve_name(hint, named) if hint else NOWHERE
    if hinted.country:
        countries[hinted.country] += 2
    for _, country in regions:
        if country:
            countries.setdefault(country, 0)  # a region's country: known, if not named
    return _Context(countries, regions, hinted)


def _resolve(text: str, raw: list[_Raw], ctx: _Context) -> list[PlaceMention]:
    """Choose each candidate's place (context first), decide whether it is a place at all,
    then tie places to their holders ("X in Y province")."""
    out: list[PlaceMention] = []
    for k, r in enumerate(raw):
        m = _choose(r, ctx)
        if m is None and k + 1 < len(raw) and _held_by_next(text, r, raw[k + 1], ctx):
            # "Marathon, near Athens": a place the gazetteer knows only abroad (Marathon,
            # Florida), which the text puts by a place of the article's
            m = PlaceMention(r.start, r.end, _title(r.text), 2, None, None, raw=_title(r.text))
        if m is not None:
            reach = max(0, r.start - _SPEAKER_REACH)
            after_in = _IN_AT_FROM.search(text, max(0, r.start - 10), r.start)
            if after_in and _SITTING_IN.search(text, reach, r.start):
                m.locative = False
            elif after_in and _SPEAKER_IN.search(text, reach, r.start):
                m.speaker = True
            else:
                m.locative = r.cue or _is_locative(text, r.start, r.end, r.before)
            if m.locative and m.capital and not r.type_word:
                # "pressure on Ankara", "Moscow said": the government, not the city
                m.locative = bool(_IN_PLACE.search(text, max(0, r.start - 30), r.start))
            if (
                m.level >= 1
                and m.city_size
                and _NEAR_CITY.search(text, max(0, r.start - 40), r.start)
            ):
                # "clashes near Damascus", "areas around Damascus": the countryside around a
                # city that is a region of its own (Rif Dimashq)
                around = _around(r.text)
                if around is not None and around.name != m.region:
                    m.name, m.region, m.level = _title(r.text), around.name, 2
            if out and out[-1].level == 0 and m.level >= 1:
                # "Syria's Idlib", "Syrias Aleppo" (FA-KES lost its apostrophes)
                gap = text[out[-1].end : r.start]
                m.locative = m.locative or bool(_AFTER_COUNTRY.fullmatch(gap))
            out.append(m)
    _nearby_regions(out)
    out = _capital_mentions(text, out, ctx)
    for i in range(len(out) - 1, 0, -1):  # the outermost first: "X in Y area in Z city"
        _hold(text, out, i)
    return out


def _nearby_regions(mentions: list[PlaceMention]) -> None:
    """A town of several namesakes is the one in a region named close by ("In Guerrero
    state, around 90 homes ... in Atoyac de Alvarez and San Jeronimo": Guerrero's)."""
    regions = [(o.start, (o.region, o.country)) for o in mentions if o.level == 1 and o.locative]
    if not regions:
        return
    for m in mentions:
        if m.level == 2 and not m.candidates and m.region is None and m.holder is None:
            if m.type_word and _NAMED_TYPE.fullmatch(m.type_word):
                continue
            # "Thailand's Trat Province, destroying over 30 homes ... in Muang District": a
            # place the gazetteer lacks lies in the region named next to it
            at, (region, country) = min(regions, key=lambda r: abs(r[0] - m.start))
            if abs(at - m.start) < NEARBY:  # its country, too: the article's was a guess
                m.region, m.country = region, country
            continue
        if m.level != 2 or len(m.candidates) < 2 or m.holder is not None or m.rehomed:
            continue
        if all(c.region != m.region for c in m.candidates):
            continue  # the text already placed it ("around Damascus": Rif Dimashq)
        near = {where for at, where in regions if abs(at - m.start) < NEARBY}
        if not near or (m.region, m.country) in near:
            continue
        there = [c for c in m.candidates if c.kind == PLACE and (c.region, c.country) in near]
        if there:
            best = max(there, key=lambda c: c.population)
            m.name, m.region, m.country = best.name, best.region, best.country


#: how close (in characters) a region must be named to choose among a town's namesakes
NEARBY = 150


# "fired rockets at the capital", "in the Syrian capital" - not "the capital Damascus",
# "the capital, Honiara" (the name is a mention of its own)
_THE_CAPITAL = re.compile(
    r"\b(?:in|at|on|into|near|outside|around|across|targeting|targeted|hit|struck|shelled)\s+"
    r"the\s+(?:(?P<of>[A-Z][a-z]+)\s+)?capital\b(?!\s*,?\s*[A-Z])(?!\s+(?:city\s+)?of\b)"
)


def _capital_mentions(text: str, mentions: list[PlaceMention], ctx: _Context) -> list[PlaceMention]:
    """``mentions`` with the capitals the text names as "the capital" (the article's
    country's, or the one its adjective says: "the Syrian capital"), in text order."""
    at = text.find("capital")
    if at < 0:
        return mentions
    added: list[PlaceMention] = []
    found = []
    while at >= 0:
        m = _THE_CAPITAL.search(text, max(0, at - 40), at + 40)
        if m is not None and m.end() == at + len("capital"):
            found.append(m)
        at = text.find("capital", at + 1)
    for m in found:
        country = ctx.hint.country or (
            ctx.countries.most_common(1)[0][0] if ctx.countries else None
        )
        if m.group("of"):
            stem = m.group("of")
            named = [c for c in ctx.countries if c[:4] == stem[:4]]
            country = named[0] if named else country
        city = gazetteer().capital(country)
        if city is None:
            continue
        at = m.end() - len("capital")
        added.append(PlaceMention(at, m.end(), city.name, 2, city.region, city.country,
                                  locative=True, candidates=(city,), raw=city.name,
                                  capital=True))  # fmt: skip
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda p: p.start)


_NEAR_CITY = re.compile(
    r"\b(?:near|outside|around|surrounding|(?:outskirts|suburbs|environs)\s+of)\s+(?:the\s+)?"
    r"(?:\w+\s+)?$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)
def _around(name: str) -> Place | None:
    """The region around a city that is a region of its own: "Damascus" -> Rif Dimashq."""
    return next((c for c in gazetteer().lookup(f"{name} countryside") if c.kind == REGION), None)


def _region_within(name: str) -> Place | None:
    """A region a place's name carries ("Muang Yala" district, of Yala province)."""
    for word in name.split()[1:]:
        found = next((p for p in gazetteer().lookup(word) if p.kind == REGION), None)
        if found is not None and _same_name(found.name, word):
            return found
    return None


def _held_by_next(text: str, r: _Raw, nxt: _Raw, ctx: _Context) -> bool:
    """Whether a candidate the context rejected is tied to the next one, a place of the
    article's countries, as a place it holds ("Marathon, near Athens")."""
    if not r.candidates or nxt.start - r.end > 40:
        return False
    if not any(ctx.countries.get(c.country or "", 0) for c in nxt.candidates):
        return False
    gap = text[r.end : nxt.start]
    return bool(_HOLDER.fullmatch(gap if gap[:1].isspace() else " " + gap))


_NAMED_TYPE = re.compile(_TYPES_NAMED, re.IGNORECASE)
_REGION_TYPES = re.compile(_TYPES_REGION)


def _choose(r: _Raw, ctx: _Context) -> PlaceMention | None:
    """The place a candidate names here, or None when it is not plausibly a place.

    A name may match a place by its transliteration key only in a country the article is
    about; elsewhere the name must be the place's own ("Russian" is not Rosian, Germany),
    and a small town there needs the text's cue ("the village of X", "in X")."""
    type_word = r.type_word or ""
    country = ctx.hint.country or (ctx.countries.most_common(1)[0][0] if ctx.countries else None)
    if type_word == "mount":
        return PlaceMention(r.start, r.end, r.text, 2, ctx.hint.region, country, locative=True,
                            type_word=type_word, raw=r.text)  # fmt: skip
    if _NAMED_TYPE.fullmatch(type_word):  # "Castello Road", "Hmeimim air base"
        name = f"{_title(r.text)} {type_word.title()}"
        known = [c for c in r.candidates if c.kind == PLACE and ctx.countries.get(c.country or "")]
        region = known[0].region if known else ctx.hint.region
        country = known[0].country if known else country
        return PlaceMention(r.start, r.end, name, 2, region, country, locative=True,
                            type_word=type_word, raw=name)  # fmt: skip
    usable = tuple(
        c
        for c in r.candidates
        if c.kind == COUNTRY or c.country in ctx.countries or _same_name(r.text, c.name)
    )
    region_typed = bool(_REGION_TYPE.fullmatch(type_word))
    if region_typed:
        regions = [c for c in usable if c.kind == REGION]
        if regions:
            best = _best(regions, ctx)
            return PlaceMention(r.start, r.end, best.name, 1, best.name, best.country,
                                candidates=tuple(regions), type_word=type_word)  # fmt: skip
    elif type_word and not _REGION_TYPES.fullmatch(type_word):
        usable = tuple(c for c in usable if c.kind == PLACE)  # "al-Sulaymaniyah area"
    if not usable:
        if not type_word:
            return None
        name = _title(r.text)
        level = 1 if region_typed else 2
        region = name if level == 1 else (r.around.name if r.around else ctx.hint.region)
        if level == 2 and r.around is None:
            inside = _region_within(name)  # "Muang Yala District": a district of Yala
            if inside is not None:
                region, country = inside.name, inside.country
        return PlaceMention(r.start, r.end, name, level, region, country, type_word=type_word,
                            raw=name)  # fmt: skip
    best = _best(usable, ctx)
    in_context = best.country in ctx.countries or best.kind == COUNTRY
    small = best.kind == PLACE and not in_context and best.population < BIG_CITY
    if small and not (r.type_word or (r.cue and best.population >= SMALL_TOWN)):
        return None
    abroad = best.kind == PLACE and country is not None and best.country != country
    if abroad and best.population < BIG_CITY and not r.type_word and not r.right_after_in:
        # a small town of another country the article names (its actors: "US destroyers")
        # is a place only right after "in", "near" ("the Tomahawk cruise missiles": not
        # Tomahawk, Wisconsin)
        return None
    region = best.name if best.kind == REGION else best.region
    if r.around is not None:
        region = r.around.name
    city, capital = 0, False
    for c in usable:
        if c.name == best.name or _same_name(c.name, best.name):
            capital = capital or c.capital
            if c.kind == PLACE and c.country == best.country:
                city = max(city, c.population)
    return PlaceMention(r.start, r.end, best.name, best.level, region, best.country,
                        candidates=usable, type_word=r.type_word, raw=_title(r.text),
                        capital=capital, city_size=city)  # fmt: skip


def _same_name(a: str, b: str) -> bool:
    """Whether two names are one spelling, up to case, diacritics, quotes and the article."""
    return _plain(a) == _plain(b)


@lru_cache(maxsize=65536)
def _plain(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[’‘`'ʿʾ´]", "", text)
    text = re.sub(r"[-‐–.]", " ", text)
    return re.sub(rf"^(?:{_ARTICLE}|the)\s+", "", " ".join(text.split()))


def _best(cands: Sequence[Place], ctx: _Context) -> Place:
    """The place a name most likely means here: in a region the article names, else in a
    country it names, else a country or region, else the biggest."""

    def score(p: Place) -> tuple[int, int, int, int]:
        in_region = (p.region, p.country) in ctx.regions or p.region == ctx.hint.region
        return (
            -int(p.kind == COUNTRY),
            -int(p.country in ctx.countries and in_region),
            -min(ctx.countries.get(p.country or "", -1) + 1, 1) * 2 - int(p.kind == REGION),
            -p.population,
        )

    best = min(cands, key=score)
    if best.kind == PLACE and best.population < BIG_CITY:
        # a famous city over a namesake village the context favours ("Amsterdam" in a
        # Reuters byline, not Amsterdam, New York)
        big = max((c for c in cands if c.kind == PLACE), key=lambda c: c.population)
        if big.population >= BIG_CITY and big.population >= 20 * max(best.population, 1):
            return big
    return best


def _title(name: str) -> str:
    return " ".join(w if w[:1].isupper() or "-" in w else w.capitalize() for w in name.split())


def _hold(text: str, mentions: list[PlaceMention], i: int) -> None:
    """Tie ``mentions[i]`` to the finer place just before it that it holds: "Atmeh, near
    the Turkish border in Idlib" -> Atmeh's region is Idlib's."""
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
        inner.holder = outer
        if inner.level == 2:  # a town in a region, or "X, near Y": in Y's region
            _rehome(inner, outer, inside=not _BESIDE.search(gap))
        return


def _town_holds(inner: PlaceMention, outer: PlaceMention, gap: str) -> bool:
    """Whether a town-level place holds another: "X, near Y"; "the Omdadda neighbourhood in
    Omdurman", "al-Athamiyeh neighborhood in Aleppo city" (a part of a town, typed so or
    unknown to the gazetteer, or smaller than the town, in it) - not "Azaz, Marea" (a list)."""
    if _NEAR.search(gap):
        return True
    if not _IN_GAP.search(gap):
        return False
    if inner.type_word in _PARTS or not inner.candidates:
        return True
    size = max((c.population for c in inner.candidates if c.name == inner.name), default=0)
    return outer.city_size > size or outer.type_word in ("city", "town")


_IN_GAP = re.compile(r"\bin\b", re.IGNORECASE)
#: type words of the parts of a town
_PARTS = frozenset(
    "neighborhood neighbourhood district quarter suburb area camp sub-district subdistrict ward"
    " barangay".split()
)


_BESIDE = re.compile(r"\b(?:near|of)\b", re.IGNORECASE)  # "near Y", "east of Y": not in Y


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


def _is_locative(text: str, start: int, end: int, before: bool | None = None) -> bool:
    """Whether the text puts something in the place at ``text[start:end]`` (not "Turkey and
    Russia discuss", "Turkey-controlled", "Damascus-based", "SANA's reporter in Aleppo
    said": where the speaker is)."""
    if text[end : end + 1] == "-":
        return False
    reach = max(0, start - _SPEAKER_REACH)
    if _IN_AT_FROM.search(text, max(0, start - 10), start) and (
        _SPEAKER_IN.search(text, reach, start) or _SITTING_IN.search(text, reach, start)
    ):
        return False
    if before if before is not None else _locative_before(text, start):
        return True
    if _COUNTRY_POSSESSIVE.search(text, max(0, start - 30), start):
        return True  # "Syria's Idlib", "Nigeria's Borno state"
    return bool(_LOCATIVE_AFTER.match(text, end))


@lru_cache(maxsize=4096)
def resolve_name(name: str | None, country: str | None = None) -> Located:
    """A place name on its own (a location hint, a gold annotation) as (location, region,
    country): the gazetteer's best reading of it, preferring regions and ``country``."""
    if not name or not name.strip():
        return NOWHERE
    cands = gazetteer().lookup(_clean(name))
    if not cands:
        return Located(_title(name.strip()), None, None)
    ctx = _Context(Counter({country: 1}) if country else Counter(), set(), NOWHERE)
    regions = [c for c in cands if c.kind == REGION]
    best = _best(regions, ctx) if regions else _best(cands, ctx)
    region = best.name if best.kind == REGION else best.region
    return Located(best.name, region, best.country)


def normalise_place(name: str | None) -> str | None:
    """One spelling per place: the gazetteer's name for it ("Khan Shaykhun" -> "Khan
    Sheikhoun", "deir ezzor" -> "Deir ez-Zor"), else the name in title case."""
    return resolve_name(name).location if name else None


def place_spans(text: str) -> list[Span]:
    """The spans of ``text`` that name places the gazetteer knows or the text types, read
    without an article's context (for the attribution reader: "citing Urum al-Joz")."""
    return [(r.start, r.end) for r in _candidates(text)]


def looks_like_place(phrase: str) -> bool:
    """Whether a phrase on its own is the name of a country, region or known town (for the
    attribution reader: "citing Urum al-Joz" names no source)."""
    phrase = _clean(phrase)
    g = gazetteer()
    if g.is_common_word(phrase):
        return False
    return bool(g.lookup(phrase) or _plural_lost(phrase))


def find_mentions(
    title: str, text: str, hint: str | None = None
) -> tuple[list[PlaceMention], list[PlaceMention], Located]:
    """The place mentions of a title and a text, resolved in the context of both and of
    the article's location ``hint``; and the hint's own place."""
    raw_title, raw_body = _candidates(title), _candidates(text)
    context = _context(raw_title + raw_body, hint)
    in_title, in_body = _resolve(title, raw_title, context), _resolve(text, raw_body, context)
    _one_place_per_name(in_title + in_body)
    return in_title, in_body, context.hint


def _one_place_per_name(mentions: list[PlaceMention]) -> None:
    """A name the text once places itself ("Marathon, near Athens") is that place wherever
    the article names it ("a hamlet by the town of Marathon"), not the gazetteer's other
    place of that name (Marathon, Florida)."""
    homes = {place_key(m.raw or m.name): m for m in mentions if m.rehomed and m.level == 2}
    if not homes:
        return
    for m in mentions:
        home = homes.get(place_key(m.raw or m.name))
        if home is not None and not m.rehomed and m.level == 2:
            m.name, m.region, m.country = home.triple
