"""Reading place names in a text, before choosing which places they are.

The capitalised runs that may name places (the gazetteer's names, longest first, and names
the text types: "the village of Urum al-Joz", "the Bab al Salama crossing", "Mount
Sinabung", "the Old City of Aleppo"), and what the words around a name say: a cue that
something is in it ("in", "the town of", "shelling of"), its type ("province", "district"),
a speaker's or a meeting's place ("SANA reporter in Aleppo", "talks in Ankara"), and names
that are no places (organisations: "Syrian Observatory for Human Rights"; rivers; common
English words without a cue). :mod:`checker.extract.place_runs` finds the names with
these, :mod:`checker.extract.place_names` resolves them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from checker.extract.gazetteer import COUNTRY, PLACE, REGION, Place, gazetteer, place_key

Span = tuple[int, int]

#: the longest place name tried, in words ("Democratic Republic of the Congo")
MAX_NAME_WORDS = 6

_ARTICLE = r"(?:al|el|ad|ar|as|ash|az|ez|ed|es|an|at|et|en)"

#: a capital letter, Latin with diacritics too ("Équateur", "İzmir", "Łódź")
_CAPITAL = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"

_WORD = rf"(?:{_ARTICLE}-)?[{_CAPITAL}][\w'’]*(?:-[\w'’]+)*"

_JOIN = rf"(?:{_ARTICLE}|bin|bani|ibn|de|del|della|di|du|des|la|le|los|las|of|the|el|al)"

# (words one space apart: two spaces are a paragraph's end in these texts, "around Mount
# Sinabung  An active volcano")
_PHRASE = re.compile(
    rf"(?<![\w'’-])(?=[ae{_CAPITAL}]){_WORD}(?:[ \t](?:{_JOIN}[- \t]+)?{_WORD}){{0,7}}"
)

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
    route highway interstate motorway freeway expressway
    """.split()
)

_TYPES_REGION = r"province|governorate|state|region|county|prefecture|department|oblast"

_TYPES_PLACE = (
    r"village|town|city|district|neighbou?rhood|suburb|camp|refugee\s+camp|area|municipality"
    r"|island|hamlet|settlement|locality|quarter|commune|sub-district|subdistrict|countryside"
    r"|suburbs|outskirts|crossing|border\s+crossing|regency|ward|township|sub-county|subcounty"
    r"|tehsil|taluka?|upazila|barangay|prefecture-level\s+city|territory"
)

# Named things that are places of their own ("Castello Road", "Tishrin Dam"): the type word
# is part of the name.
#: named things in a town, where one blast is (the town the account's place)
_TYPES_SPOT = r"street|square|roundabout"
_TYPES_NAMED = rf"{_TYPES_SPOT}|road|bridge|dam|airport|air\s+base|airbase|base|highway"

# a type word standing alone: never a place's name, even capitalised in a headline ("6
# killed in Airstrike on Village in Aleppo Province"; the gazetteer has a "The Village")
_TYPE_ALONE = re.compile(rf"(?:{_TYPES_REGION}|{_TYPES_PLACE}|{_TYPES_NAMED})s?", re.I)

_TYPE_AFTER = re.compile(
    rf"\s*(?:['’]s\s+)?(?P<type>{_TYPES_REGION}|{_TYPES_PLACE}|{_TYPES_NAMED})\b", re.I
)

_REGION_TYPE = re.compile(r"province|governorate|state|oblast|prefecture", re.I)

# (the name may be read without its Arabic article: "the town of al-Baath")
# ("the rebel stronghold of Urum al-Joz": a place, typed only before "of" and a name: "IS
# stronghold" alone names no place, "a major stronghold of the ISIL group" a group)
_TYPE_OF = re.compile(
    rf"\b(?:(?P<type>{_TYPES_REGION}|{_TYPES_PLACE})\s+of\s+(?:the\s+)?"
    rf"|(?P<held>stronghold|bastion|enclave)\s+of\s+)(?:{_ARTICLE}[-\s])?$",
    re.IGNORECASE,
)

# "in the neighborhood Alsaliheen" (a translation's type before the name, without "of")
_TYPE_BEFORE = re.compile(
    r"\bthe\s+(?P<type>neighbou?rhood|village|town|district|camp)\s+$", re.IGNORECASE
)

_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|on|across|around|outside|inside|into|from|over|towards?|within|above"
    r"|below|beyond|along"
    r"|throughout|targeting|targeted|hit|struck|shelled|bombed|pounded|besieged|hitting"
    # a battle's place, its object: "its offensive to take Manbij", "forces recaptured Palmyra"
    r"|take|retake|retook|capture|captured|recapture|recaptured|seize|seized|storm|stormed"
    r"|(?:shelling|bombing|bombardment|siege|battle|capture|liberation|evacuation|outskirts"
    r"|countryside|suburbs)\s+of)"
    r"|\b(?:north|south|east|west|northern|southern|eastern|western|central|rural|northeast"
    r"|northwest|southeast|southwest|northeastern|northwestern|southeastern|southwestern))"
    # "at a Denver bar", "in a Chicago suburb": the name used of a thing there
    r"(?:\s+(?:the|an?|several|many|various|rebel-held|opposition-held|regime-held|government-held"
    r"|besieged|northern"
    # "in flood-stricken Acapulco", "the quake-hit town of"
    r"|[a-z]+-(?:stricken|hit|ravaged|affected|battered|torn|devastated|damaged)"
    r"|southern|eastern|western|central|rural|city\s+of|town\s+of|village\s+of|province\s+of"
    r"|district\s+of|neighbou?rhood\s+of|area\s+of|outskirts\s+of|suburbs?\s+of|countryside\s+of"
    r"|(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+(?:part\s+)?of"
    # "in the suburbs east of Damascus", "villages south of Hama"
    r"|(?:suburbs?|outskirts|countryside|areas?|parts?|villages|towns)\s+"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of"
    # "around the state capital of Kuching", "in the port city of Hodeidah"
    r"|(?:(?:state|provincial|regional|district|national|county|port|border|coastal|market)\s+)?"
    r"(?:capital|city|town|village)\s+of"
    # "on the northern islands of the Philippines", "in parts of Kenya", "along the coast of"
    r"|(?:parts?|areas|islands?|cities|towns|villages|neighbou?rhoods|coast|coastline|shores?"
    r"|banks?|regions?|provinces|states|districts|mountains|highlands|lowlands|plains|heart|rest|much|most)\s+of"
    r"|[\w-]+(?:ish|ian|ese|i)\s+(?:town|city|village|province|region|capital)\s+of))*\s+$",
    re.IGNORECASE,
)

# a place's adjective of what struck it ("flood-stricken", "quake-hit"), which
# _LOCATIVE_BEFORE may end with too
_STRICKEN = re.compile(r"[a-z]+-(?:stricken|hit|ravaged|affected|battered|torn|devastated|damaged)")

# the words _LOCATIVE_BEFORE can end with: a place after any other word needs no search
_LOCATIVE_LAST = frozenset(
    """
    in at near on across around outside inside into from over toward towards within above
    below beyond along
    throughout targeting targeted hit struck shelled bombed pounded besieged hitting of the a
    take retake retook capture captured recapture recaptured seize seized storm stormed
    an rebel-held opposition-held regime-held government-held northern southern eastern western
    central rural north south east west northeast northwest southeast southwest northeastern
    northwestern southeastern southwestern
    """.split()
)


_ARTICLE_BEFORE = re.compile(rf"(?<![\w-]){_ARTICLE}-$", re.IGNORECASE)


def _locative_before(text: str, at: int) -> bool:
    """Whether the words before ``text[at]`` put something in the place there ("in",
    "the town of", "shelling of")."""
    j = at
    article = _ARTICLE_BEFORE.search(text, max(0, at - 4), at)
    if article is not None:  # "the neighbourhood of al-Waer": the name's own article
        j = at = article.start()
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == at:
        return False
    k = j
    while k > 0 and j - k < 20 and not text[k - 1].isspace():
        k -= 1
    last = text[k:j].lower()
    if last not in _LOCATIVE_LAST and not _STRICKEN.fullmatch(last):
        return False
    return bool(_LOCATIVE_BEFORE.search(text, max(0, at - 60), at))


_LOCATIVE_AFTER = re.compile(
    r"(?:['’]?s)?\s+(?:province|city|countryside|governorate|suburbs?|district|region|area"
    r"|outskirts|state|county|village|town|camp|[a-z]+\s+(?:blast|attack|bombing|explosion"
    r"|strike|raids?|shelling|clashes|fighting|offensive|massacre|convoy|floods?|flooding"
    r"|earthquake|landslides?|storm|fire))\b"
    r"|['’]?s\s+(?:[a-z-]+\s+){0,2}(?:districts?|neighbou?rhoods?|countryside|outskirts|suburbs?"
    r"|north|south|east|west|northwest|northeast|southwest|southeast|towns?|villages?|areas?"
    r"|regions|provinces|states|islands|coast)\b"
    # "Russia's Siberian regions": a name of the parts between
    r"|(?:['’]s)?\s+(?-i:[A-Z][a-z]+)\s+(?:regions|provinces|states|islands|coast)\b"
    # "1,000 Households- Mandera IDPs", "Aleppo residents": people of the place
    r"|\s+(?i:IDPs|refugees|residents|villagers|evictees|inhabitants|locals|dwellers)\b"
)

# Where a speaker is ("SANA reporter in Aleppo said", "a civil defence official from
# Idlib"): not what the figure is about, though a sentence naming no other place may well be
# about the speaker's town
_SPEAKER_IN = re.compile(
    r"\b(?:reporter|correspondent|official|source|spokes(?:man|woman|person)|governor"
    r"|journalist|officials|sources"
    # "A nurse at Douma Emergency Collection facility said the death toll ... in the suburbs
    # east of Damascus was 213": where a witness works, not what the figure counts
    r"|nurse|doctor|medic|paramedic|physician|surgeon|activist|witness|resident|rescuer"
    r"|volunteer|worker|nurses|doctors|medics|activists|witnesses|residents|rescuers"
    # "the directorate of health in Idlib province", "the health department in Aleppo"
    r"|(?:directorate|ministry|department|office|authority|authorities|bureau|agency"
    r"|committee)(?:\s+of\s+(?:the\s+)?[\w-]+){0,2})s?\s+(?:in|at|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# Where a byline, a meeting or a body sits: never what a figure is about ("(Reporting by
# Anthony Deutsch in Amsterdam)", "the Security Council in New York", "talks in Ankara")
_SITTING_IN = re.compile(
    r"(?:\b(?:envoy|ambassador|delegation|council|assembly|summit|conference|talks|meeting"
    r"|commissioner|high\s+commission|consulate|mission"
    r"|headquarters|embassy|diplomats?|negotiators?|parliament|court|tribunal)s?"
    r"|\b(?:reporting|writing|editing|reported|written|edited)\s+by\s+[^.;:()\n\d]{1,60}?"
    # "Daesh (a terrorist group banned in Russia)": where a group is outlawed
    r"|\b(?:banned|outlawed|prohibited|proscribed))"
    r"\s+(?:in|at|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# what ends a speaker's or a meeting's phrase right before a place: checked first, cheaply
_IN_AT_FROM = re.compile(r"\b(?:in|at|from)\s+(?:the\s+)?$", re.IGNORECASE)

#: how far back a speaker before a place is looked for (a byline names its reporters)
_SPEAKER_REACH = 90

# what makes a capital the city, not its government ("in Kabul", "rebel fire on Damascus",
# "rockets hit Kabul"; not "pressure on Ankara", "Moscow said")
_IN_PLACE = re.compile(
    r"\b(?:in|at|near|outside|inside|around|across|throughout|of)\s+(?:the\s+)?(?:[\w-]+\s+)?$"
    r"|\b(?:(?:fire|attacks?|strikes?|raids?|rockets?|mortars?|shells?|shelling|assault|offensive"
    r"|bombing|bombardment)\s+(?:on|at|against)|hit|struck|shelled|bombed|pounded|targeted"
    r"|targeting|hitting)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

_AFTER_COUNTRY = re.compile(r"(?:['’]s?)?\s+(?:(?:north|south|east|west)\w*\s+)?", re.IGNORECASE)

_RIGHT_AFTER_IN = re.compile(r"\b(?:in|near|at|outside)\s+$", re.IGNORECASE)

_COUNTRY_POSSESSIVE = re.compile(r"\b[A-Z][a-z]+['’]s?\s+(?:(?:north|south|east|west)\w*\s+)?$")


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
    #: a name the gazetteer lacks that the text puts in a region ("Fizi, South Kivu")
    held: bool = False


_AROUND = frozenset({"countryside", "suburb", "suburbs", "outskirts"})


def _old_town(text: str, tokens: Sequence[Span], words: Sequence[str], i: int) -> _Raw | None:
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


_OF_NEXT = re.compile(r"\s+of\s")
# a sea's or a coast's name before a type and "of" describes the place named after it
_FEATURE = re.compile(r"\b(?:Sea|Ocean|Gulf|Coast|Lake|River|Valley|Mountains?)$")


def _type_word(text: str, start: int, end: int, lists: bool = True) -> str | None:
    """The type the text gives a name: "X province", "the village of X"; with ``lists``,
    also an item of a typed list ("the towns of Kafranbil, Khan Alsibil and Saraqeb")."""
    m = _TYPE_AFTER.match(text, end)
    if m is not None and _OF_NEXT.match(text, m.end()) and _FEATURE.search(text, start, end):
        m = None  # "the Black Sea city of Varna": the name after is the city's
    if m is None and "of" in text[max(0, start - 8) : start]:  # cheaply first
        m = _TYPE_OF.search(text, max(0, start - 40), start)
        if m is None and lists:
            m = _TYPES_OF_FIRST.search(text, max(0, start - 40), start)
    if m is None and text[start - 1 : start] == " ":
        m = _TYPE_BEFORE.search(text, max(0, start - 20), start)
    if m is None and lists and _LIST_ITEM_BEFORE.search(text, max(0, start - 8), start):
        m = _TYPES_OF.search(text, max(0, start - 120), start)
    if m is None:
        return None
    kind = (m.group("type") or m.group("held")).lower()
    if m.re is _TYPE_OF or m.re is _TYPE_AFTER or m.re is _TYPE_BEFORE:
        return kind
    return _SINGULAR.get(kind, kind[:-1])  # a list's: "villages" -> "village"


# "the towns of Kafranbil, Khan Alsibil and Saraqeb": each item of the list is typed
_LIST_ITEM_BEFORE = re.compile(rf"(?:,|\band|&)\s+(?:the\s+)?(?:{_ARTICLE}[-\s])?$", re.I)
# a list's item: capitalised words, after the Arabic article ("al-Hamidiyeh al-Aradi")
_ITEM = rf"(?-i:(?:{_ARTICLE}-)?[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z]|{_ARTICLE}-)[\w'’-]*){{0,3}})"
# the types a list of places is given ("the villages of"), plural
_PLURAL_TYPES = (
    r"(?P<type>villages|towns|cities|neighbou?rhoods|districts|provinces|governorates"
    r"|counties|camps|suburbs|municipalities)"
)
_TYPES_OF = re.compile(
    rf"\b{_PLURAL_TYPES}\s+of\s+(?:the\s+)?"
    rf"{_ITEM}(?:\s*(?:,|\band\b|&)\s*(?:the\s+)?{_ITEM}){{0,6}}?"
    rf"\s*(?:,|\band|&)\s+(?:the\s+)?(?:{_ARTICLE}[-\s])?$",
    re.IGNORECASE,
)
_TYPES_OF_FIRST = re.compile(
    rf"\b{_PLURAL_TYPES}\s+of\s+(?:the\s+)?(?:{_ARTICLE}[-\s])?$", re.IGNORECASE
)
_SINGULAR = {"cities": "city", "counties": "county", "municipalities": "municipality"}


# an adjective made of a word and a participle or "majority": no name
#: the second halves of compound adjectives ("rebel-held", "Kurdish-populated"), which
#: describe a place and are no word of its name
_PARTICIPLES = (
    r"held|controlled|based|backed|led|run|linked|allied|affiliated|populated|dominated"
    r"|majority|besieged|inhabited|occupied|administered|stricken|hit|ravaged|affected"
    r"|speaking|ruled"
)
_COMPOUND_ADJECTIVE = re.compile(rf"\w-(?:{_PARTICIPLES})$", re.IGNORECASE)


def _unknown_name(name: str, demonym: bool = True) -> bool:
    """Whether a typed name the gazetteer lacks can be a place's ("Urum al-Joz" village),
    not an adjective or a common word ("Syrian city", "Main town"); ``demonym``: one ending
    as an adjective of a people does ("Iraqi") is not (before a type word, it is one)."""
    g = gazetteer()
    words = [w for w in re.split(r"[\s-]+", name) if w and not re.fullmatch(_ARTICLE, w)]
    nisba = bool(re.search(rf"\b{_ARTICLE}[- ]\w+$", name, re.IGNORECASE))
    named_direction = len(words) > 1 and bool(_DIRECTION.fullmatch(words[-1]))  # "Gogrial East"
    if not words:
        return False
    if demonym and _is_demonym(words[-1]) and not nisba and not named_direction:
        # "Syrian city", "the Syrian Kurdish city" (but "al-Telifoun al-Hawaei
        # neighborhood": after the Arabic article, a name)
        return False
    # a name's first word is no English word ("Main town", "Old City"); later ones may be
    # ("Bañado Sur area", "Gogrial East County")
    if _COMPOUND_ADJECTIVE.search(name):  # "the Kurdish-majority city", "rebel-held town"
        return False
    if _plural_lost(name):  # "Aleppos outskirts": Aleppo's (FA-KES lost the apostrophe)
        return False
    if any(w.lower() in _GROUP_WORDS for w in words):
        return False  # "Barrel bombs kill 11 civilians in Daesh town": the group's town
    if all(w.lower() in _PEOPLES for w in words):
        return False  # "Al-Qaeda attacks Syria Kurd town": the people's town
    if len(words) > 1 and words[0] == "New":
        # "New West Britain Province", "New Valley governorate": "New" opens many names
        return not any(w.lower() in _NEVER for w in words[1:])
    if len(words) > 1 and _COMPASS.fullmatch(words[0]):
        # "West Lombok Regency", "East Siau district": a unit named by a direction and a
        # name (not "Eastern Aleppo province", a part; nor "New West Britain", a country's)
        if any(p.kind == COUNTRY for p in g.lookup(" ".join(words[1:]))):
            return False
        words = words[1:]
    common = [g.is_common_word(w) or w.lower() in _NEVER for w in words]
    return not common[0] and not any(w.lower() in _NEVER for w in words[1:])


#: armed groups and faiths a town is called by ("Daesh town", "the Sunni village of")
_GROUP_WORDS = frozenset(
    "daesh isis isil nusra jihadist jihadists rebel rebels regime opposition sunni shiite "
    "shia alawite druze islamist militant terrorist terrorists".split()
)

#: peoples a town is called by, as nouns (their adjectives read as demonyms: "Kurdish")
_PEOPLES = frozenset("kurd kurds arab arabs turkmen turkoman yazidi yezidi bedouin".split())

_RUN_TYPE = re.compile(
    r"County|District|Province|State|Region|Governorate|Regency|Ward|Township", re.I
)

_COMPASS = re.compile(r"North|South|East|West|Central")
_DIRECTION = re.compile(
    r"(?:North|South|East|West|Central|Upper|Lower|Greater)(?:ern|east|west|eastern|western)?"
    r"|Middle",
    re.IGNORECASE,
)

# a compound adjective, no word of a place's name: "Rebel-held Douma", "the
# Kurdish-populated Sheikh Maqsood district"
_MODIFIER = re.compile(rf"-(?:{_PARTICIPLES})$")


def _title_case(text: str) -> bool:
    words = re.findall(r"\b[A-Za-z][a-z]{3,}\b", text[:400])
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ish|ian|ese|ean|i|an)|(?:North|South|East|West)\w*", re.I)

# nationalities ending in -i that are no country's name less the -i ("Iraqi" is)
_I_NATIONS = frozenset("saudi somali emirati azeri".split())


def _is_demonym(word: str) -> bool:
    """Whether a word reads as a people's adjective ("Syrian", "Iraqi", "Turkish"): by its
    ending, and for one in -i by its country ("Pakistani"; not "Karongi District")."""
    if not _DEMONYM.fullmatch(word):
        return False
    if word[-1:].lower() != "i":
        return True
    return word.lower() in _I_NATIONS or gazetteer().country(word[:-1]) is not None


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


def _lost_possessive(name: str) -> bool:
    """Whether the gazetteer knows ``name`` only as a possessive whose apostrophe FA-KES
    lost ("Aleppos": Aleppo's), not as a name of its own."""
    return not gazetteer().lookup(name) and bool(_plural_lost(name))


def _plural_lost(name: str) -> tuple[Place, ...]:
    """FA-KES lost its apostrophes: "Syrias", "Aleppos" are possessives."""
    if len(name) > 4 and name.endswith("s") and " " not in name:
        return tuple(p for p in gazetteer().lookup(name[:-1]) if p.kind in (COUNTRY, REGION))
    return ()


@lru_cache(maxsize=1024)
def _around(name: str) -> Place | None:
    """The region around a city that is a region of its own: "Damascus" -> Rif Dimashq."""
    return next((c for c in gazetteer().lookup(f"{name} countryside") if c.kind == REGION), None)


def _acronym(text: str) -> bool:
    """Whether a short capitalised token spells a name letter for letter ("UK", "US", "DRC",
    "UAE"), not by the transliteration folds of the lookup key ("OK" and "OS" are keyed as
    UK and US): a country's acronym."""
    if not (2 <= len(text) <= 4 and text.isalpha() and text.isupper()):
        return False
    low = text.lower()
    soft = low.replace("e", "i")  # the folds a letter-for-letter spelling may take
    return place_key(text) in (low, soft, low.replace("c", "k"), soft.replace("c", "k"))


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


def _title(name: str) -> str:
    return " ".join(w if w[:1].isupper() or "-" in w else w.capitalize() for w in name.split())


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
    if _ITEM_HEAD.match(text, end) and (
        start == 0 or _LINE_START.search(text, max(0, start - 2), start)
    ):
        return True  # "North Sumatra: (Langkat): 530 households": a list item's place
    if text[end : end + 2] == "):" and _ITEM_BRACKET.search(text, max(0, start - 60), start):
        return True  # "East Java (Sidoarjo): 72 households": the item's finer place
    return bool(_LOCATIVE_AFTER.match(text, end))


# a place heading a list's item ("North Sumatra: (Langkat): 530 households"), at a line's
# or a paragraph's start (two spaces in these texts)
_ITEM_HEAD = re.compile(r"(?:\s*\([^()\n]{1,40}\))?:\s")
_LINE_START = re.compile(r"(?:\n|\s\s|[.!?]\s)$")
# a list item's head before its bracket: "East Java (" of "East Java (Sidoarjo): 72"
_ITEM_BRACKET = re.compile(r"(?:^|\n|\s\s|[.!?]\s)[A-Z][^()\n:.]{1,40}\($")
