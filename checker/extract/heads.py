"""The noun phrase a figure counts, read right after the number: "3.6 million [Syrian
refugees]", "dozens [of cruise missiles]", "[18] of 31 vehicles" (a part of what follows).

:func:`read_head` gives the counted group (the subject), a category the head itself carries
("18 health facilities", "40 dead", "3.6 million Syrian refugees") and whether it counts
something outside the categories ("two ministers"); :mod:`.categories` weighs it against the
verbs around the figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.extract.numbers import Figure
from checker.extract.vocabulary import (
    BUILDING_HEADS,
    DAMAGE,
    HOME_HEADS,
    OTHER_HEADS,
    PERSON_HEADS,
    PREDICATE_HEADS,
    STOP,
    THING_HEADS,
    TRIGGER,
)

# words (not ending in a hyphen: "Households- Mandera IDPs"), abbreviations ("U.S."),
# numbers, and single marks
_TOKEN = re.compile(
    r"[A-Z](?:\.[A-Z])+\.?|[A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?|\d[\d,.]*|[^\sA-Za-z\d]"
)

_BOTH = re.compile(r"\s+(?:and|or)\s+(?:wounded|injured)\b", re.IGNORECASE)

#: words that may stand between a figure and its predicate noun ("40 human casualties")
_PREDICATE_MODIFIERS = frozenset(["human", "civilian"])

#: the unit a head word names
UNIT_WORDS: dict[str, str] = {
    **dict.fromkeys(["households", "household"], "households"),
    **dict.fromkeys(["families", "family"], "families"),
}


@dataclass(slots=True)
class Reading:
    """One figure as :func:`read_head` reads it, and what :mod:`.categories` finds around it."""

    figure: Figure
    subject: str | None
    head_end: int
    thing: str | None  # category of a counted thing or predicate head (step 1)
    noun: str | None  # category carried by a person noun (step 6)
    excluded: bool  # counts something outside the categories
    sub_count: bool = False
    after: str | None = None
    before: str | None = None
    adjacent: bool = False  # the verb before is right before the number ("killing 32")
    after_end: int = 0  # end of the verb after, when it is this figure's
    of_next: bool = False  # "18 of the 31 killed": a part of the figure after it


#: words saying what a counted group is mostly made of, not what is counted
_COMPOSITION = frozenset(["mostly", "mainly", "largely", "chiefly", "predominantly"])

# a figure glossed after a dash, as fact boxes print it: "2,000 – Number of Calgary
# evacuees still housed ...", "1,200 – Approximate number of ... residents that were
# evacuated"
_GLOSSED = re.compile(
    r"\s*[–—-]{1,2}\s*(?:(?:the|an?)\s+)?(?:(?:estimated|approximate|total)\s+)?number\s+of\s+"
    r"(?:the\s+)?",
    re.IGNORECASE,
)


#: a figure per so many people: a rate ("13,000 people per million inhabitants", "5.2 per
#: 100,000", "deaths per capita")
_RATE = re.compile(
    r"\s+(?:[A-Za-z]+\s+){0,2}?per\s+(?:million|thousand|hundred|capita|head|\d[\d,]*)\b",
    re.IGNORECASE,
)


def read_head(text: str, figure: Figure, limit: int, floor: int = 0) -> Reading:
    """The noun phrase a figure counts: "3.6 million [Syrian refugees]"."""
    window = text[figure.end : min(limit, figure.end + 80)]
    rate = _RATE.match(window)
    if rate is not None:
        # "almost 13,000 people per million inhabitants displaced": a rate, not a count
        return Reading(figure, "people", figure.end + rate.end(), None, None, True)
    tokens = [(m.group(0), m.end()) for m in _TOKEN.finditer(window)]
    j = 0
    of_next = False
    glossed = _GLOSSED.match(window)
    if glossed is not None:
        # a fact box's line: "75,000 – Estimated number of Calgarians that were evacuated"
        j = next((k for k, (_, end) in enumerate(tokens) if end > glossed.end()), len(tokens))
    elif tokens and tokens[0][0].lower() == "of":  # "dozens of civilians", "hundreds of the"
        j = 1
        if j < len(tokens) and tokens[j][0].lower() in ("them", "whom", "those"):
            j += 1  # "86, 30 of them children": the part's own group follows
        elif j < len(tokens) and tokens[j][0].lower() in _OF_DETERMINERS:
            j += 1  # "four of her children", "three of the dead"
        if j < len(tokens) and tokens[j][0][:1].isdigit():
            j += 1  # "18 of 31 vehicles", "18 of the 31 killed": a part of what follows
            of_next = True
    words: list[str] = []  # the phrase so far, brackets left out
    modifier = ""  # "human", "civilian" before a predicate noun
    while j < len(tokens) and len(words) < 6:
        word, w_end = tokens[j]
        low = word.lower()
        nxt = tokens[j + 1][0].lower() if j + 1 < len(tokens) else ""
        j += 1
        if word in ("(", "["):  # "up to 80 (IS group) fighters"
            close = next((k for k in range(j, len(tokens)) if tokens[k][0] in (")", "]")), None)
            if close is None:
                break
            j = close + 1
            continue
        if not words and low in _PREDICATE_MODIFIERS and nxt in PREDICATE_HEADS:
            modifier = low
            continue  # "40 human casualties", "dozens of civilian deaths"
        if low in PREDICATE_HEADS and not words:
            subject = "people" if low not in ("martyrs", "bodies", "casualties") else low
            if modifier == "civilian":
                subject = "civilians"  # "more than 100 civilian lives"
            category = PREDICATE_HEADS[low]
            if (nxt in PERSON_HEADS and nxt not in ("others", "other")) or nxt in UNIT_WORDS:
                # the predicate as an adjective: "eight dead civilians", "300 displaced
                # families" (the families are the unit)
                subject = tokens[j][0]
                w_end = tokens[j][1]
            if _BOTH.match(window, w_end):  # "Tens killed and wounded"
                category = "other"
            alt = _OR_PREDICATE.match(window, w_end)
            if alt is not None and TRIGGER.fullmatch(alt.group(1)):
                w_end = alt.end()  # "518,000 displaced or relocated": one predicate
            return _with_of(
                of_next, Reading(figure, subject, figure.end + w_end, category, None, False)
            )
        words.append(word)
        end = figure.end + w_end
        before_head = nxt in PERSON_HEADS or (nxt in THING_HEADS and low not in PERSON_HEADS)
        thing_word = low in THING_HEADS or low in OTHER_HEADS or low + "s" in OTHER_HEADS
        if before_head and (thing_word or (low in PERSON_HEADS and nxt in PERSON_HEADS)):
            continue  # "hospital staffers", "IS group fighters", "family members": a modifier
        if low in PERSON_HEADS and (nxt in HOME_HEADS or nxt in BUILDING_HEADS):
            continue  # "517 civilian homes", "refugee tents": the people's buildings
        if low == "rounds" and len(words) > 1 and words[-2].lower() in _ROUND_OF:
            return _with_of(of_next, Reading(figure, " ".join(words), end, "attacks", None, False))
        if low in HOME_HEADS or low in BUILDING_HEADS:
            subject = " ".join(words)
            lo = max(floor, figure.start - 80)
            if _EVACUATED_BEFORE.search(
                text, max(floor, figure.start - 30), figure.start
            ) or _EVACUATED_AFTER.match(text, end, limit):
                # "Five hundred homes were evacuated", "evacuated from 2,200 homes": their
                # households (:func:`checker.extract.categories.unit_of`)
                return _with_of(of_next, Reading(figure, subject, end, "evacuated", None, False))
            hit = _HIT_BEFORE.search(text, max(floor, figure.start - 30), figure.start)
            if hit or DAMAGE.search(text, lo, min(limit, end + 100)):
                return _with_of(of_next, Reading(figure, subject, end, "facilities", None, False))
            return _with_of(
                of_next, Reading(figure, subject, end, None, None, True)
            )  # "homes without power"
        other = low in OTHER_HEADS or (word.islower() and low + "s" in OTHER_HEADS)
        if low in THING_HEADS or low in PERSON_HEADS or other or _DEMONYM.match(word):
            subject = " ".join(words)
            nxt2 = tokens[j + 1][0].lower() if j + 1 < len(tokens) else ""
            compound = (  # "14 refugee evacuation centres": the person word a modifier
                not low.endswith("s") and nxt.isalpha() and nxt not in STOP and nxt2 in OTHER_HEADS
            )
            if other or nxt in OTHER_HEADS or nxt == "stations" or compound:
                return _with_of(
                    of_next, Reading(figure, subject, end, None, None, True)
                )  # "personnel carriers"
            if low in THING_HEADS:
                return _with_of(
                    of_next, Reading(figure, subject, end, THING_HEADS[low], None, False)
                )
            noun = PERSON_HEADS.get(low)
            if words[0].lower() in _COMPOSITION:
                # "kill 22 mostly children": 22 people, most of them children (but "160
                # mostly gunmen" are fighters)
                subject = "people"
            if low in UNIT_WORDS:
                if figure.value == 1 and _FROM_BEFORE.search(
                    text, max(floor, figure.start - 20), figure.start
                ):
                    # "three children from one family were killed": whose they are, not
                    # a count
                    return _with_of(of_next, Reading(figure, subject, end, None, None, True))
                if low.startswith("household") and _HOMES_HIT.match(text, end, limit):
                    # "over 400 households in the province of X have been damaged": the
                    # households as homes (their people are not said to be harmed)
                    return _with_of(
                        of_next, Reading(figure, subject, end, "facilities", None, False)
                    )
                # "75,293 Households integrated IDPs": the group the households are
                noun = next(
                    (
                        PERSON_HEADS[t.lower()]
                        for t, _ in tokens[j : j + 3]
                        if PERSON_HEADS.get(t.lower())
                    ),
                    noun,
                )
            if low in ("members", "member") and j < len(tokens) and nxt == "of":
                # "15 members of medical staff", "three members of the security forces":
                # the group is the one they are members of
                k = j + 1 + (j + 1 < len(tokens) and tokens[j + 1][0].lower() in _OF_DETERMINERS)
                group = next(
                    (i for i in range(k, min(k + 3, len(tokens))) if tokens[i][0].lower()
                     in PERSON_HEADS and tokens[i][0].lower() not in _NOT_GROUPS),
                    None,
                )  # fmt: skip
                if group is not None:
                    subject = " ".join(t for t, _ in tokens[j - 1 : group + 1])
                    end = figure.end + tokens[group][1]
            return _with_of(of_next, Reading(figure, subject, end, None, noun, False))
        if not word[0].isalpha() or (low in STOP and low != "and") or _is_number_word(low):
            break
        if low in PREDICATE_HEADS:
            break
        if low == "and" and (len(words) == 1 or not nxt[:1].isalpha()):
            break
    return _with_of(of_next, Reading(figure, None, figure.end, None, None, False))


#: before a unit of one that says whose the counted are ("children from one family")
_FROM_BEFORE = re.compile(r"\b(?:from|of)\s+(?:(?:just|only)\s+)?$", re.IGNORECASE)
#: the households' own verb says their homes were hit ("households in the northeastern
#: province of X have been damaged"), not a word of the whole sentence
_HOMES_HIT = re.compile(
    r"(?:\s+(?!(?:and|or|but|while|who|which|that)\b)[\w'’-]+){0,8}?\s+(?:have|has|had|were|was)"
    r"\s+(?:been\s+)?(?:\w+ly\s+)?(?:damaged|destroyed|razed|flattened|wrecked)\b",
    re.IGNORECASE,
)
#: "members of the same family" are people, not families; "members of members" nothing
_NOT_GROUPS = frozenset(["members", "member", "family", "families", "household", "households"])


def _with_of(of_next: bool, r: Reading) -> Reading:
    r.of_next = of_next
    return r


# People named by their nation or community: "nine Pakistanis", "seven Indians", "Iraqis".
_DEMONYM = re.compile(r"(?-i:[A-Z][a-z]+(?:ans|ese|is|ites|urds|urks|inos))$")
# "Those raids hit three residential buildings": a strike on buildings damages them.
_HIT_BEFORE = re.compile(
    r"\b(?:hit|hitting|struck|striking|targeted|targeting|shelled|bombed|bombarded)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "people are being evacuated from 2,200 homes", "police evacuated 40 houses"
_EVACUATED_BEFORE = re.compile(r"\bevacuat(?:ed|ing|es?)\s+(?:from\s+)?(?:the\s+)?$", re.IGNORECASE)
# "500 homes were evacuated", "residents of 275 homes have been evacuated"
_EVACUATED_AFTER = re.compile(
    r"(?:\s+(?!(?:and|or|but|while|who|which|that)\b)[\w'’-]+){0,4}?\s+"
    r"(?:were|was|have\s+been|has\s+been|had\s+been|are\s+being|is\s+being|being)\s+evacuated\b",
    re.IGNORECASE,
)
_OR_PREDICATE = re.compile(r"\s+or\s+([a-z]+)")
_ROUND_OF = frozenset(["mortar", "artillery", "tank", "rocket"])
_OF_DETERMINERS = frozenset(["the", "her", "his", "their", "its", "our", "those", "these"])


def _is_number_word(low: str) -> bool:
    return low in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                   "dozens", "hundreds", "thousands", "million", "millions")  # fmt: skip
