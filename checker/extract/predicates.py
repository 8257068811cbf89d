"""The predicate of a counted phrase: the trigger word after it ("120 civilians have been
killed") or before it ("uprooted more than 150,000 people"), within the figure's own clause.

Split from :mod:`.categories`, which weighs these against the counted noun phrase.
"""

from __future__ import annotations

import re

from checker.extract.vocabulary import AUX, TRIGGER
from checker.extract.vocabulary import words as _words

_CLAUSE_BREAK = re.compile(r"[;:–—]|\.\s|\bbut\b|\bwhile\b|\bwhereas\b", re.IGNORECASE)
_ADJACENT = re.compile(
    r"\s*(?:(?:another|a\s+further|an\s+additional|the|some|at\s+least)\s+)?", re.IGNORECASE
)
# Verbs that say a person was killed only in the passive ("were destroyed", "were eliminated").
_NEEDS_AUX = frozenset(
    ["destroyed", "eliminated", "liquidated", "neutralized", "neutralised", "lost"]
)
_GAP_STOP = frozenset(
    _words(
        """
    when after while because but which as before since until if where
    """
    )
)
#: a pronoun opening a clause of its own after the counted phrase's comma
_NEW_SUBJECT = frozenset(_words("their they it its he she his her we our"))
_ASIDE_VERBS = frozenset(_words("said say says added told reported believe believed"))
_ACTIVE_OBJECT = re.compile(r"^\s*(?:at\s+least|more\s+than|over|some|about|around|nearly)?\s*$")

_RELATIVE = re.compile(
    # (and an aside of who they are: "Up to 500 tourists, including several Britons and
    # Danes, sought shelter")
    r"\s*,\s*(?:who|whose|which|including|among\s+them)\b[^,.;:]{0,100},",
    re.IGNORECASE,
)
# the counted people's ages say nothing of the verb: "Two men, ages 71 and 51, were found
# dead", "Three children aged 5, 7 and 9 died"
_AGES = re.compile(
    r",?\s*\b(?:aged|ages?)\s+(?:between\s+)?\d{1,3}(?:\s*(?:,|and|or|to|-)\s*\d{1,3})*,?",
    re.IGNORECASE,
)
# a relative clause right after the counted phrase: "people who are badly"
_WHO_ARE = re.compile(
    r"\s*(?:who|that)\s+(?:are|were|have\s+been|had\s+been|was|is)\s+(?:[a-z]+ly\s+)?",
    re.IGNORECASE,
)
_PARTICIPLE = re.compile(r"\s*(?:[a-z]+ing\s+to\s+)?[a-z]+ing", re.IGNORECASE)


#: how far after a counted phrase its predicate may be
AFTER_REACH = 90


_DASHED_ASIDE = re.compile(r"\s[—–]\s[^—–]{1,80}?\s[—–]\s")


# "Three women from the besieged town of Madaya ... were killed": the place is besieged
_BESIEGED_PLACE = re.compile(
    r"\s+(?:(?:rebel|opposition|regime|government)-held\s+)?(?:town|city|area|district|enclave"
    r"|neighbou?rhood|village|suburb|region|areas|towns|cities|districts|neighbou?rhoods"
    r"|villages|suburbs|countryside|parts|camp)\b",
    re.IGNORECASE,
)


def after_trigger(
    text: str, start: int, nxt: int, s_end: int, skip: list[tuple[int, int]]
) -> tuple[str | None, int]:
    """The category of a predicate right after the counted phrase ("... have been killed"),
    and where that predicate ends; a category starting with "?" is a verb right before the
    next figure, which may be that figure's ("killed 220000 people wounded [at least one
    million]")."""
    end = min(nxt, s_end, start + AFTER_REACH)
    window = text[start:end]
    for a, b in reversed(skip):  # blank out sub-counts ("including three children")
        if start <= a < end:
            window = window[: a - start] + " " * (min(b, end) - a) + window[min(b, end) - start :]
    rel = _RELATIVE.match(window)
    if rel is not None:  # "Around 400 people, who were unable to reach their homes, spent"
        window = " " * rel.end() + window[rel.end() :]
    # "four people — believed to be Syrians, including two children — died": an aside
    # between dashes says nothing of the verb
    window = _DASHED_ASIDE.sub(lambda m: " " * len(m.group(0)), window)
    if "age" in window:  # (cheaply first)
        window = _AGES.sub(lambda m: " " * len(m.group(0)), window)
    brk = _CLAUSE_BREAK.search(window)
    if brk is not None:
        window = window[: brk.start()]
    m = TRIGGER.search(window)
    place_besieged = None  # "in the besieged town of Madaya": theirs, unless a verb follows
    for _ in range(3):
        # "20 civilians fleeing the fighting were killed", "people trying to flee were
        # shot": a participle right after the counted phrase describes it; "600,000 people
        # in the city of Kawasaki were advised to evacuate", "11 on the town of Tabqa": a
        # place named, not a population. The predicate comes after them.
        if m is None or not (
            (m.lastgroup != "missing" and _PARTICIPLE.fullmatch(window[: m.start()] + m.group(0)))
            or (m.lastgroup == "population" and m.group(0).lower().endswith(" of"))
            or (m.lastgroup == "besieged" and bool(_BESIEGED_PLACE.match(window, m.end())))
        ):
            break
        if m.lastgroup == "besieged":
            place_besieged = m
        m = TRIGGER.search(window, m.end())
    if m is None:
        m = place_besieged
    if m is not None and m.lastgroup == "other" and _WHO_ARE.fullmatch(window, 0, m.start()):
        # "800 people who are badly affected by the depression ... are still living within
        # the confines of evacuation centres": the clause's verb describes them
        longer = text[start : min(nxt, s_end, start + 2 * AFTER_REACH)]
        brk = _CLAUSE_BREAK.search(longer, m.end())
        later = TRIGGER.search(longer, m.end(), brk.start() if brk else len(longer))
        if later is not None and later.lastgroup not in (None, "other", "attacks"):
            window, m = longer, later
    if m is None or m.lastgroup is None or m.lastgroup == "attacks":
        return None, start
    if end == nxt and m.group(0).lower() in _OF_THE_DEAD and _OF_THE.fullmatch(window, m.end()):
        # "Hundreds of reinforcements were sent ... resulting in the deaths of dozens of
        # soldiers": the next figure's dead
        return None, start
    if m.lastgroup == "population" and m.group(0).lower().endswith(" of"):
        return None, start
    trig_end = start + m.end()
    word = m.group(0).lower()
    gap = window[: m.start()].split()
    if gap[:2] and " ".join(gap[:2]).lower() in ("of which", "of whom", "of them"):
        gap = gap[2:]  # "three of which died in hospital"
    lowered = [w.lower() for w in gap]
    if (
        len(lowered) > 2
        and lowered[0] in ("who", "which", "that")
        and lowered[-1] in AUX
        and any(w in AUX for w in lowered[1:-1])
    ):
        # "70 Daesh terrorists who were later identified as nationals of CIS states and
        # Algeria were eliminated": the relative clause has its own verb, the main one follows
        gap, lowered = gap[-1:], lowered[-1:]
    # a clause word ends the figure's own clause, but "as" may lead to the predicate
    # ("One person was reported as missing")
    if len(gap) > 12 or any(w in _GAP_STOP for w in lowered if w != "as" or w != lowered[-1]):
        return None, start
    if (
        len(lowered) > 2
        and lowered[0] == ","
        and lowered[1] in _NEW_SUBJECT
        and lowered[2].rstrip(",") not in _ASIDE_VERBS  # (not "Five people, they said, were")
    ):
        # "the lives and livelihoods of thousands, their 'regularity' means they ... fail to
        # capture greater public attention": a clause of its own after the comma
        return None, start
    if "and" in (w.lower() for w in gap) and gap[-1].lower() not in AUX:
        return None, start  # "26 people and wounded 30": the verb of the next figure
    if word.startswith("to ") and gap:
        return None, start  # "civilians trying to flee": not what happened to them
    progressive = bool(lowered) and lowered[-1] in ("are", "is", "were", "was", "still")
    if word.endswith("ing") and m.lastgroup not in ("besieged", "missing") and not progressive:
        return None, start  # "four suicide bombers ... killing 15": what they did, not suffered
    if word in _NEEDS_AUX and not (gap and gap[-1].lower() in AUX):
        return None, start  # "one destroyed incubator"; but "80 fighters were destroyed"
    if m.lastgroup in ("refugees", "population") and m.group(0).lower().startswith(
        ("host", "refugee", "shelter", "home", "number")
    ):
        return None, start
    if brk is None and end == nxt < s_end and not gap and _ACTIVE_OBJECT.match(window[m.end() :]):
        # "killed 220000 people wounded at least one million": maybe the next figure's verb
        return "?" + m.lastgroup, trig_end
    return m.lastgroup, trig_end


#: nouns of the dead before "of" and their count: "the bodies of 44", "the deaths of dozens"
_OF_THE_DEAD = frozenset(("bodies", "lives", "deaths", "death"))
#: "of" before the count it names (a figure's span starts with its hedge: "at least 15")
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")

#: the verb a toll states its figure with, right before the figure
_TOLL_VERB = re.compile(
    r"\b(?:(?:has|had|have)\s+)?(?:reached|r[io]sen\s+to|rose\s+to|climbed\s+to|jumped\s+to"
    r"|increased\s+to|gone\s+up\s+to|went\s+up\s+to|st(?:oo|an)ds?\s+at|hit)\s+$",
    re.IGNORECASE,
)

#: a name after "the city of" (its own: "the city of Idlib"), not a count ("a city of 170,000")
_NAMED_PLACE = re.compile(r"\s+(?:(?:the|al|el)[\s-]+)?(?-i:[A-Z])")


def before_trigger(text: str, start: int, end: int) -> tuple[str | None, bool]:
    """The category of the nearest verb before the number, in its stretch of the sentence,
    and whether it is right before it (only "another", "a further", "the" between)."""
    window = text[start:end]
    last = toll = None
    for m in TRIGGER.finditer(window):
        if m.lastgroup == "population" and _NAMED_PLACE.match(window, m.end()):
            continue  # "The toll in the city of Idlib has risen to 82": a place's name
        last = m
        if toll is None and m.lastgroup == "killed" and m.group(0).lower().endswith("toll"):
            toll = m
    if last is None or last.lastgroup is None:
        return None, False
    if toll is not None and _TOLL_VERB.search(window, toll.end()):
        # "The death toll from the shelling attacks launched by al-Nusra on ... has reached
        # 20 people": the toll's verb, not the words describing what took the lives; and
        # as close as a verb right before it ("The death toll has reached 20 people and 30
        # others were injured": the 20 share no verb with the 30)
        return "killed", True
    tail = window[last.end() :]
    if _CLAUSE_BREAK.search(tail) and last.lastgroup not in ("killed",):
        return None, False
    word = last.group(0).lower()
    # "affecting almost 65,000 students"; "a city of some 170,000", "home to 30,000"; but not
    # "in need of aid 20", "lived in Aleppo 20"
    if word == "population" and re.fullmatch(r"\s+of\s+(?:just\s+|only\s+)?", tail):
        return "population", True  # "a pre-war population of about 23 million"
    if word in _OF_THE_DEAD and _OF_THE.fullmatch(tail):
        return "killed", True  # "received the bodies of 44 victims", "the deaths of dozens"
    adjacent = bool(_ADJACENT.fullmatch(tail)) and (
        (last.lastgroup != "other" or word.startswith(("affect", "impact", "devastat")))
        and (last.lastgroup != "population" or word.endswith((" of", " to")))
    )
    return last.lastgroup, adjacent
