"""What tells one incident from another: who was counted, how they were hurt, who acted,
and the names and words a report uses for the happening.

* **subject classes**: children, women, civilians, people, soldiers, fighters... each an
  incident of its own (one may hold another: a figure's ``part_of`` says so); groups of
  other nationalities differ ("Turkish soldiers", "Syrian soldiers"); for counts of people
  moved or living somewhere, people, civilians and refugees are one group;
* **ways of harm** in broad families (air, ground fire, bomb, chemical, clashes...): two
  reports naming only different families describe different incidents;
* **sides**: who acted, in three camps as the outlets of this war name them (pro-government
  outlets call rebels "terrorists"; others call the government "the regime");
* **salient words**: names of places and groups, targets and means ("Qamishli", "market",
  "convoy", "chemical") that a happening's reports share, with the words every report of a
  war uses (killed, strike, Syria...) left out.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Subject words -> a class.
_SUBJECT_WORDS: dict[str, str] = {}
for _cls, _words in {
    "people": "people persons person individuals residents inhabitants victims lives "
    "syrians dead bodies casualties others",
    "civilians": "civilians civilian noncombatants",
    "children": "children child kids minors boys girls infants babies",
    # a school's children: "22 children" may hold "11 schoolchildren" (a part, no conflict)
    "pupils": "students schoolchildren pupils schoolboys schoolgirls",
    "women": "women woman",
    "soldiers": "soldiers soldier troops personnel servicemen officers policemen police "
    "guards army",
    "fighters": "fighters militants rebels terrorists gunmen jihadists insurgents "
    "combatants extremists mercenaries militiamen",
    "medics": "medics medic doctors doctor nurses nurse paramedics staff staffers "
    "rescuers volunteers",
    "refugees": "refugees refugee asylum-seekers migrants",
    "families": "families households",
}.items():
    for _w in _words.split():
        _SUBJECT_WORDS[_w] = _cls

# For counts of people moved or living somewhere, "people", "civilians", "Syrians" and
# "refugees" name one group as far as a figure is concerned.
_PEOPLE_CATEGORIES = frozenset({"displaced", "refugees", "population", "evacuated", "besieged"})

_NATIONALITY = re.compile(
    r"\b(turkish|syrian|russian|iranian|iraqi|lebanese|kurdish|american|u\.?s\.?|israeli|"
    r"french|british|jordanian|palestinian|afghan|saudi|egyptian)\b",
    re.I,
)

# How people were hurt, in broad families: two quotes naming only different families
# describe different incidents.
_INCIDENT_FAMILIES: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, re.I)
    for name, pattern in {
        "air": r"\b(air ?strikes?|air raids?|raids?|warplanes?|jets?|aircraft|helicopters?|"
        r"barrel bombs?|bombing|bombard\w*|air attacks?|drones?)\b",
        "ground_fire": r"\b(shell(?:s|ing|ed)?|rockets?|mortars?|artillery|missiles?|"
        r"projectiles?|sniper\w*|gunfire|shot)\b",
        "bomb": r"\b(car bombs?|suicide|explosions?|blasts?|bomb(?:s|ings?)? (?:attack|blast)|"
        r"bombs? (?:exploded|went off|detonated)|explod\w*|detonat\w*|"
        r"explosive|ied|booby|landmines?|mines?)\b",
        "chemical": r"\b(chemical|gas|sarin|chlorine|toxic|nerve agent)\b",
        "clashes": r"\b(clashes|fighting|battles?|combat|ambush\w*|offensive)\b",
        "execution": r"\b(execut\w+|beheaded|massacred?)\b",
        "drowning": r"\b(drown\w*|boat|capsiz\w*|shipwreck)\b",
        "disease": r"\b(starv\w+|hunger|malnutrition|disease|cholera|cold|freez\w+)\b",
    }.items()
}


# Who acted, in three camps as the outlets of this war name them (pro-government outlets call
# rebels "terrorists"; others call the government "the regime").
_SIDES: dict[str, re.Pattern[str]] = {
    "government": re.compile(
        r"\b(government|regime|assad|pro-regime|loyalist|syrian army|russian|russia|state forces|"
        r"army|air force)\b",
        re.I,
    ),
    "coalition": re.compile(
        r"\b(coalition|us-led|u\.s\.-led|american|pentagon|us raids?|us strikes?|"
        r"us air ?strikes?|washington)\b",
        re.I,
    ),
    "rebels": re.compile(
        r"\b(rebels?|opposition|insurgents?|terrorists?|jihadists?|islamists?|militants?|nusra|"
        r"daesh|isis|isil|islamic state|jaish|ahrar|fsa|free syrian army|hts)\b",
        re.I,
    ),
}


_GOVERNMENT_SIDE = re.compile(
    r"\b(?:regime|government|pro-government|pro-regime|loyalist|army|state)\b", re.I
)


@lru_cache(maxsize=16384)
def subject_class(category: str, subject: str) -> str:
    """The subject's class ("children", "people", ...), or its own head word if unknown.
    Cached: every claim's blocking key asks it, in each pass over the claims."""
    words = re.findall(r"[a-z\-]+", subject.lower())
    cls = next((_SUBJECT_WORDS[w] for w in reversed(words) if w in _SUBJECT_WORDS), None)
    if cls is None:
        cls = words[-1] if words else "people"
        if cls.endswith("ies") and len(cls) > 4:
            cls = cls[:-3] + "y"
        elif cls.endswith("s") and len(cls) > 3:
            cls = cls[:-1]
    if category in _PEOPLE_CATEGORIES and cls in ("people", "civilians", "refugees"):
        return "people"
    if cls == "fighters" and _GOVERNMENT_SIDE.search(subject):
        return "soldiers"  # "regime fighters", "pro-government militiamen": the army's side
    return cls


def incident_class(category: str, subject: str) -> str:
    """The group an incident counts: the subject's class (children, civilians, people,
    soldiers...; "26 civilians" and "35 people" are two quantities, one inside the other)."""
    return subject_class(category, subject)


_OTHERS = re.compile(r"\b(others?|more)\b", re.I)


def is_additional(subject: str) -> bool:
    """ "others", "more": people *besides* a group named before ("killed 8 and injured 58
    others", "24 other people"): a count of its own, never the same as another figure."""
    return bool(_OTHERS.search(subject))


def is_more(subject: str) -> bool:
    """ "more" (not "others"): "six more people died", people besides a figure the article
    gave before, in any sentence."""
    return bool(re.search(r"\bmore\b", subject, re.I))


@lru_cache(maxsize=16384)
def nationalities(subject: str) -> frozenset[str]:
    """The nationalities a subject names ("Turkish soldiers": turkish)."""
    return frozenset(m.lower().replace(".", "") for m in _NATIONALITY.findall(subject))


# The same patterns, case-sensitive, for an ASCII sentence in lower case: the same matches
# (the patterns' letters are all lower case), found twice as fast as with re.I.
_LOWER_FAMILIES = {name: re.compile(rx.pattern) for name, rx in _INCIDENT_FAMILIES.items()}


@lru_cache(maxsize=65536)
def incident_families(quote: str) -> frozenset[str]:
    """The broad ways of harm a sentence names (air, ground_fire, bomb, chemical, ...)."""
    if quote.isascii():
        lower = quote.lower()
        return frozenset(name for name, rx in _LOWER_FAMILIES.items() if rx.search(lower))
    return frozenset(name for name, rx in _INCIDENT_FAMILIES.items() if rx.search(quote))


@lru_cache(maxsize=65536)
def perpetrators(quote: str) -> frozenset[str]:
    """The sides a sentence names as acting: a side next to a means or act of attack
    ("regime air strikes", "rebel rockets", "shelling by government forces", "Russian jets
    pounded"); a side named only among the victims ("dozens of dead from army personnel")
    acted in nothing."""
    found = set()
    for name, rx in _SIDES.items():
        for m in rx.finditer(quote):
            after = _ACT_AFTER.match(quote, m.end())
            before = _ACT_BEFORE.search(quote, max(0, m.start() - 40), m.start())
            if after or before:
                found.add(name)
                break
    return frozenset(found)


_ACTS = (
    r"(?:air ?strikes?|strikes?|raids?|jets?|warplanes?|planes?|aircraft|helicopters?|shell\w*"
    r"|rockets?|mortars?|bomb\w*|barrels?|fire|fired|firing|attack\w*|offensive|assault"
    r"|forces|troops|gunmen|fighters|artillery|missiles?|drones?|pounded|hit|targeted|launched"
    r"|carried|killed|claimed|militias?|aviation)"
)
_ACT_AFTER = re.compile(rf"[\s'’s-]+(?:[\w-]+\s+){{0,2}}?{_ACTS}\b", re.IGNORECASE)
_ACT_BEFORE = re.compile(
    rf"\bby\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}$|\b{_ACTS}\s+(?:by|of|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# Words every report of this war uses: sharing them says nothing about sharing an incident.
_GENERIC = frozenset(
    """
    about according activist activists added adding after against agency air airstrike
    also among another area army around assad attack attacks back been being britain-based
    caused child children city civilian civilians claimed countryside daily dead death
    deaths died during earlier efforts even fighter fighters first forces from government
    group groups have headquarters held human including injured injuries injuring killed
    killing kills last least local many martyr martyrs media members military ministry
    monitor monitoring more most news night numerous observatory official officials other
    others over people person persons province raid raids rebel rebels regime report
    reported reports right rights said says several since some source sources state
    strike strikes struck such syria syrian syrians terrorist terrorists than that their
    them there these they this those three through today toll told town two under village
    villages wa war were what when where which while who with women wounded wounding year
    years yesterday monday tuesday wednesday thursday friday saturday sunday morning
    evening week weeks hours people's sana reuters afp tass sputnik agencies
    """.split()
    # words of the sentence's grammar, not of its happening ("near the northern city")
    + """
    near into onto upon across along inside outside between within without toward towards
    amid amidst despite beyond behind before until following nearby because however just
    only still
    """.split()
)
_WORD = re.compile(r"[A-Za-z][a-z\-]{3,}")
_MONTH_NAMES = frozenset(
    "january february march april june july august september october november december".split()
)


def _fold(word: str) -> str:
    w = word.lower()
    if word[0].isupper() and len(w) > 4:
        # a nationality is its country's name: "Russian jets" and "Russia launches" name
        # one actor ("-ian": Russia, Indonesia; "-i": Iraq, Pakistan, Yemen)
        if w.endswith("ian"):
            return w[:-1]
        if w.endswith(("qi", "ni", "li", "ti")):
            return w[:-1]
    return w.rstrip("s") if len(w) > 4 else w


@lru_cache(maxsize=65536)
def salient_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Words that can tell one incident from another, folded to lower case and singular:
    (all of them, the capitalised ones). Capitalised words are mostly names of places and
    groups ("Qamishli", "Tariq al-Bab"); the others targets and means ("market", "school",
    "convoy", "chemical")."""
    found = [(w, _fold(w)) for w in _WORD.findall(text)]
    keep = [
        (w, f)
        for w, f in found
        if f not in _GENERIC and f + "s" not in _GENERIC and f not in _MONTH_NAMES
    ]
    return frozenset(f for _, f in keep), frozenset(f for w, f in keep if w[0].isupper())
