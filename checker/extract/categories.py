"""What a figure counts: its category (killed, displaced, attacks...) and subject ("civilians").

The counted group is the noun phrase right after the number ("13 Turkish soldiers", "dozens
of cruise missiles"); the category comes, in this order, from:

1. a counted thing that is itself the category ("18 health facilities", "1,000 attacks"), or
   a predicate word in the head's place ("40 dead", "700 injured", "hundreds of lives");
2. the predicate after the noun phrase ("120 civilians have been killed", "Sixteen civilians -
   including three children - were killed": a sub-count in between is skipped);
3. the figure a sub-count belongs to ("18 people including two hospital staffers", "14456
   people 110 of them ...", "ten children were among at least 48 people killed");
4. the figure before it in a bare list ("44 civilians including 11 women nine children and
   one rescue worker", "kill 120 IS group fighters over 60 foreign mercenaries");
5. the nearest verb before the number in its stretch of the sentence ("uprooted more than
   150,000 people", "killing 32 people and wounding dozens": each figure only looks back to
   the one before it, so list parts get their own verbs);
6. a noun that carries the category ("3.6 million Syrian refugees", "detainees"), or names
   fighters ("hundreds of Free Syrian Army fighters": combatants).

A number with none of these (two ministers, three resolutions, ten villages) is not a claim.
"killed and wounded" together, and "casualties", are ``other``: they are neither.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from checker.extract.heads import UNIT_WORDS, Reading, read_head
from checker.extract.numbers import Figure
from checker.extract.predicates import AFTER_REACH, after_trigger, before_trigger
from checker.extract.sentences import Span
from checker.extract.vocabulary import (
    BUILDING_HEADS,
    HOME_HEADS,
    PERSON_HEADS,
)
from checker.records import Claim

_SUB_COUNT_BEFORE = re.compile(
    r"\b(?:including|includ(?:es|ed)|among\s+them|among\s+whom|of\s+whom|of\s+them|among\s+the"
    r"|among\s+those|mostly|most\s+of\s+them)(?:\s+(?:(?:an?|one)\s+)?[a-z]+\s+and)?[\s,:-]*$"
    # a dash opens an apposition: "16 people - nine Pakistanis and seven Indians - died"
    r"|^\s+[-–—]\s+$"
    # a colon its breakdown: "The death toll is eight: three in Tochigi Prefecture, ..."
    r"|^\s*:\s*$",
    re.IGNORECASE,
)
#: the gap after an item of a breakdown by place, before the next: "three in Tochigi
#: Prefecture, three in Ibaraki Prefecture, and two in Miyagi"
_PLACE_ITEM = re.compile(r"^\s+(?:in|at)\s+(?-i:[A-Z])[^,;.:]{0,40}?,?\s+(?:and\s+)?$", re.I)
_SUB_COUNT_AFTER = re.compile(r"\s+of\s+(?:them|whom|those|which)\b", re.IGNORECASE)
_PART_OF_NEXT = re.compile(r"^\W*(?:were|are|was)\s+(?:also\s+)?among\s*$", re.IGNORECASE)
# Figures joined with nothing else between them share a predicate; "or", "comprising" and
# "from" join two counts of one group ("7,328 people or 1,748 families are staying", "267,000
# households comprising 667,000 people had been urged to evacuate", "around 3,000 people
# from 690 families have been forced from their homes"); a list may hold an
# item without a figure ("seven guards, an inmate and three firefighters").
_COORDINATION = re.compile(
    r"^[\s,–—]*(?:(?:an?|one)\s+[a-z]+[\s,]+"
    # a group of two nouns: "120 soldiers and pro-regime militiamen and several dozen ..."
    r"|and\s+(?:[a-z][\w'’-]*\s+){1,2}(?=and\b|,)"
    # whose the counted group is: "19 fighters from the group and four civilians were killed"
    r"|(?:from|of)\s+(?:the|their|its)\s+[a-z][\w'’-]*\s+(?=and\b))?"
    r"(?:(?:and|or|as\s+well\s+as|plus|along\s+with"
    r"|comprising|totall?ing|from)\b[\s,]*(?:(?:their|his|her|its)\s+)?"
    # "375 families / 1,116 people were affected": one group counted two ways
    r"|/\s*"
    # the same group restated in brackets: "310 households (about 1,600 people)"
    r"|\(\s*)?$"
    # bare numbers a semicolon lists: "140,000; 412,000; 190,000; 400,000 and 3 million
    # newly displaced"
    r"|^;\s+$",
    re.IGNORECASE,
)
# An elliptical figure: the counted group and verb of the figure before it left out ("10
# people died in Guizhou province and 9 in Chongqing", "347 in 2013 and 114 in 2012",
# "33 homes in Tegalsari village, 185 in the Sidamulya village").
_ELLIPSIS_BEFORE = re.compile(
    r"(?:,|\band|\bas\s+well\s+as|\bwhile|\bcompared\s+(?:to|with)|\bagainst|\bversus|\bvs\.?)\s+"
    r"(?:(?:another|a\s+further|an\s+additional|only|just)\s+)?$",
    re.IGNORECASE,
)
_ELLIPSIS_AFTER = re.compile(
    r"\s+(?:in|from|at|on|across|for|during|among)\s|\s+(?:the\s+(?:year|month|week|day)\s+before"
    r"|(?:a|the)\s+(?:year|month|week|day)\s+earlier|last\s+(?:year|month|week))\b",
    re.IGNORECASE,
)
# "Ha Giang (7) Lai Chau (6), Lang Son (5)": counts in brackets after the places of a list.
_BRACKET_BEFORE = re.compile(r"(?-i:[A-Z][\w'’-]*)\s*\(\s*$")


@dataclass(frozen=True, slots=True)
class Counted:
    """The category and subject of one figure (None category: not a claim)."""

    category: str | None
    subject: str
    head_end: int  #: end offset of the counted noun phrase (or of the number)
    #: index (among the sentence's figures) of the whole this figure is a part of:
    #: "26 people, including 11 children", "Ten children were among the 48 killed"
    whole: int | None = None


#: a sentence that counts inside the figure before it: "It's already known that 451 houses
#: were damaged. Of that number, one was completely destroyed while 450 others were ..."
_OF_THAT = re.compile(
    r"\s*Of\s+(?:that\s+number|this\s+number|these|those|them|the\s+total)\b", re.IGNORECASE
)


def within_things(
    text: str,
    sentence: tuple[int, int],
    figures: Sequence[Figure],
    counted: list[Counted],
    things: Counted | None,
) -> list[Counted]:
    """``counted`` with the figures of an "Of that number, ..." sentence that name nothing of
    their own (a bare number, "others") counting ``things``, the homes or buildings the
    sentence before counted; else ``counted`` as it is."""
    if things is None or not _OF_THAT.match(text, sentence[0]):
        return counted
    return [
        Counted(things.category, things.subject, c.head_end, c.whole)
        if c.head_end == f.end or c.subject.lower() == "others"
        else c
        for f, c in zip(figures, counted, strict=True)
    ]


def unit_of(category: str, subject: str) -> str:
    """What a claim counts (see :data:`checker.records.UNITS`): households or families when
    its subject's head says so, homes or facilities for buildings, attacks, else people."""
    words = re.findall(r"[a-z-]+", subject.lower())
    head = words[-1] if words else ""
    if category == "attacks":
        return "attacks"
    if category == "facilities":
        # "three residential buildings" are homes
        return "homes" if head in HOME_HEADS or "residential" in words else "facilities"
    if category == "evacuated" and head in HOME_HEADS:
        return "households"  # "500 homes were evacuated": the households living in them
    return UNIT_WORDS.get(head, "people")


def categorise(text: str, sentence: tuple[int, int], figures: Sequence[Figure]) -> list[Counted]:
    """Category and subject of each of ``figures`` (all in the same ``sentence`` of ``text``)."""
    s_start, s_end = sentence
    readings = [read_head(text, f, s_end, s_start) for f in figures]
    n = len(readings)
    for i in range(1, n):
        r, prev = readings[i], readings[i - 1]
        gap = text[prev.head_end : r.figure.start]
        r.sub_count = bool(
            _SUB_COUNT_BEFORE.search(gap)
            or _SUB_COUNT_AFTER.match(text, r.figure.end)
            or (prev.sub_count and (_COORDINATION.match(gap) or _PLACE_ITEM.match(gap)))
        )
    # the first figure after each one that is neither a sub-count nor a count of things
    # (bound: found in one pass from the right, not by a scan per figure: a sentence of
    # sub-counts was quadratic)
    not_sub = [n] * (n + 1)
    for k in range(n - 1, -1, -1):
        skipped = readings[k].sub_count or readings[k].excluded
        not_sub[k] = not_sub[k + 1] if skipped else k
    for i, r in enumerate(readings):
        # The predicate may come after the sub-counts ("87 people including 31 children died")
        # and after counts of things outside the categories ("200 households across five
        # villages have been affected").
        j = not_sub[i + 1]
        nxt = figures[j].start if j < n else s_end
        skip = _skipped(readings, i + 1, j, r.head_end + AFTER_REACH)
        r.after, r.after_end = after_trigger(text, r.head_end, nxt, s_end, skip)
    # A verb between two figures ("10 civilians killed 15 injured", "killed 220000 people
    # wounded at least one million") is the first one's when the second has its own.
    for i, r in enumerate(readings):
        if r.after is not None and r.after.startswith("?"):
            nxt_r = readings[i + 1]
            own = nxt_r.thing is not None or (
                nxt_r.after is not None and not nxt_r.after.startswith("?")
            )
            r.after = r.after[1:] if own else None
    for i, r in enumerate(readings):
        # Each figure looks back only to the one before it (and past the verb that one took).
        lower = max(readings[i - 1].head_end, readings[i - 1].after_end) if i > 0 else s_start
        r.before, r.adjacent = before_trigger(text, max(lower, s_start), r.figure.start)
        if r.after is None or r.thing is not None or r.excluded or (r.before and r.adjacent):
            r.after_end = r.head_end  # the verb after is not this figure's
    # A bare coordination shares a predicate: "30 regime soldiers and 39 rebel fighters had
    # been killed" (right to left), "killed 22 children and 6 teachers" (left to right).
    for i in range(n - 2, -1, -1):
        r, nxt_r = readings[i], readings[i + 1]
        if r.before is not None and r.adjacent:
            continue  # "the bodies of 44 victims as well as 140 injured": its own word
        gap = text[r.head_end : nxt_r.figure.start]
        if r.after is None and _COORDINATION.match(gap) and not (";" in gap and r.before):
            # (a semicolon lists bare numbers only: "the number of victims is at least 70;
            # over 130 are injured" are two clauses)
            r.after = nxt_r.after
    out: list[Counted] = []
    for i in range(n):
        counted = _decide(text, readings, out, i)
        start = readings[i].figure.start
        if counted.category == "combatants" and (
            _DEPLOYED.search(text, max(0, start - 40), start)
            or _SEARCHING.search(text, readings[i].head_end, min(s_end, readings[i].head_end + 80))
        ):
            # "Hungary offered 1000 soldiers", "mobilised 5,000 police and soldiers": forces
            # sent to help or to fight, no one harmed, held or counted in a place; "hundreds of
            # troops and rescuers dug with shovels", "1,000 ... police were participating in a
            # search": a search, not a fight
            counted = Counted(None, counted.subject, counted.head_end)
        out.append(counted)
    # "Ten children were among at least 48 people killed": the parent comes after.
    for i in range(n - 1):
        r = readings[i]
        part_of_next = _PART_OF_NEXT.match(text[r.head_end : figures[i + 1].start])
        if (part_of_next or r.of_next) and not r.excluded and out[i + 1].category is not None:
            out[i] = Counted(out[i + 1].category, r.subject or "people", r.head_end, i + 1)
    for i, r in enumerate(readings):
        if r.sub_count and out[i].whole is None:
            whole = next((k for k in range(i - 1, -1, -1) if not readings[k].sub_count), None)
            if whole is not None and out[whole].category is not None:
                c = out[i]
                # a part without a noun of its own counts its whole's kind: "killed 31
                # civilians Friday including 10 when their bus was hit" (10 civilians)
                same = out[whole].category == c.category
                subject = out[whole].subject if same and not r.subject else c.subject
                out[i] = Counted(c.category, subject, c.head_end, whole)
    return out


def _skipped(readings: list[Reading], lo: int, hi: int, reach: int) -> list[tuple[int, int]]:
    """The spans of readings[lo:hi] to blank out of a predicate's window (up to ``reach``):
    a run of sub-counts whole, with the "and" joining its parts; a count of things on its
    own."""
    spans: list[tuple[int, int]] = []
    k = lo
    while k < hi and readings[k].figure.start < reach:
        start = readings[k].figure.start
        if readings[k].sub_count:
            while k + 1 < hi and readings[k + 1].sub_count:
                k += 1
        spans.append((start, readings[k].head_end))
        k += 1
    return spans


# a verb sending forces somewhere right before a count of them
_DEPLOYED = re.compile(
    r"\b(?:offer(?:ed|ing|s)?|deploy(?:ed|ing|s)?|mobili[sz](?:ed|ing|es|e)|sen[dt]|sending"
    r"|dispatch(?:ed|ing|es)?|mustered|rushed|pledged|committed|assigned|stationed)"
    r"\s+(?:(?:some|about|around|nearly|more\s+than|over|up\s+to|an\s+additional|another)\s+)?$",
    re.IGNORECASE,
)
# what rescuers do, after a count of them
_SEARCHING = re.compile(
    r"\b(?:dug|digging|dig|search(?:ed|ing)?|rescu(?:e|ed|ing)|combed|combing|sifted|sifting"
    r"|participat(?:ed|ing)\s+in\s+(?:a|the)\s+(?:search|rescue|relief))\b",
    re.IGNORECASE,
)
# a participle used as a noun right before a figure ("those killed", "the wounded"): no verb
# acting on the figure
_NOMINAL_BEFORE = re.compile(
    r"\b(?:those|the)\s+(?:killed|injured|wounded|dead|detained|displaced|arrested|missing)"
    r"\s*,?\s*$",
    re.IGNORECASE,
)


#: a figure stated as the number of homes or buildings, the sentence's clause before it
_NUMBER_OF_THINGS = re.compile(
    r"\bnumber\s+of\s+(?:the\s+)?(?P<head>"
    + "|".join(sorted(HOME_HEADS | BUILDING_HEADS, key=len, reverse=True))
    + r")\b[^.;:\d]{0,90}$",
    re.IGNORECASE,
)


def _decide(text: str, readings: list[Reading], done: list[Counted], i: int) -> Counted:
    r = readings[i]
    subject = r.subject or "people"
    if r.excluded:
        return Counted(None, subject, r.head_end)
    if r.thing == "other" and r.before not in (None, "other") and r.adjacent:
        # "accommodation has been set up for at least 46 of the affected families": "affected"
        # only describes them; the verb right before says what befell them
        return Counted(r.before, subject, r.head_end)
    if r.thing is not None:
        return Counted(r.thing, subject, r.head_end)
    if r.subject is None:
        things = _NUMBER_OF_THINGS.search(text, max(0, r.figure.start - 120), r.figure.start)
        if things is not None:
            # "the number of homes destroyed or structurally damaged in the disaster – 118 –",
            # "The number of homes destroyed stood at 118": the homes, not a toll
            return Counted("facilities", things.group("head").lower(), r.head_end)
    if r.subject == "others" and i > 0 and done[i - 1].category in ("facilities", "attacks"):
        # "destroyed 10 houses and damaged 11 others": others of the things counted before
        return Counted(done[i - 1].category, done[i - 1].subject, r.head_end)
    if (
        r.before is not None
        and r.after is not None
        and _NOMINAL_BEFORE.search(text, max(0, r.figure.start - 40), r.figure.start)
    ):
        # "As well as those killed at least 160 people were injured": "those killed" names
        # other people; the verb after the figure says what it counts
        return Counted(r.after, subject, r.head_end)
    if r.subject is None and (
        _THINGS_VERB.search(text, max(0, r.figure.start - 30), r.figure.start)
        or _THINGS_AFTER.match(text, r.head_end)
    ):
        # a verb of things counts people only when the text names them ("destroyed 80
        # militants"): "destroyed 1,429 smuggling tunnels" is none; "15,000 houses were
        # flooded, 90 were destroyed", "12 homes were destroyed with another 20 damaged":
        # the things the figure before counted
        prev = done[i - 1] if i > 0 else None
        if prev is not None and prev.category == "facilities":
            return Counted("facilities", prev.subject, r.head_end)
        return Counted(None, subject, r.head_end)
    if r.before is not None and r.adjacent and r.after is not None and r.after != r.before:
        verb = _VERB_AFTER_PERSON.search(text, max(0, r.figure.start - 40), r.figure.start)
        if verb is not None and verb.group(1).lower() in PERSON_HEADS:
            # "Child Killed 20 People Injured": the verb before is the child's, a headline's
            # clause without its comma; the figure's own verb comes after it
            return Counted(r.after, subject, r.head_end)
    # "home to 3 million Syrians who have fled the war": what they did says more than where
    # (but "a prewar population of 22 million have been forced to leave" is the population)
    fled = r.after in _FLED and not _POPULATION_OF.search(
        text, max(0, r.figure.start - 40), r.figure.start
    )
    if r.before is not None and r.adjacent and not (r.before == "population" and fled):
        return Counted(r.before, subject, r.head_end)
    if r.after == "population" and r.before == "besieged":
        # "besieging opposition-held districts where some 250000 people reside"
        return Counted("besieged", subject, r.head_end)
    if r.after is not None:
        return Counted(r.after, subject, r.head_end)
    if (
        r.subject in _RESIDENTS
        and r.before is None
        and _HAS_POPULATION.search(text, max(0, r.figure.start - 10), r.figure.start)
    ):
        return Counted("population", subject, r.head_end)
    if i > 0:
        prev = done[i - 1]
        gap = text[readings[i - 1].head_end : r.figure.start]
        shares = r.sub_count or (_COORDINATION.match(gap) and r.before is None)
        if prev.category is not None and shares:
            return Counted(prev.category, subject, r.head_end)
        if prev.category is not None and _elliptical(text, readings, i):
            return Counted(prev.category, prev.subject, r.head_end)
    if r.before in _ONLY_ADJACENT:
        # "dropped slightly from almost 7,000", "Okinawa is home to about half of the roughly
        # 50,000 U.S. troops": an attack verb or a population word further back does not
        # say what the figure counts
        pass
    elif r.noun in _STATUS_NOUNS:
        # "The victims comprise of 75,293 Households integrated IDPs": a noun that says what
        # happened to them beats a verb further back
        return Counted(r.noun, subject, r.head_end)
    elif r.before is not None and not (r.before == "refugees" and r.noun not in (None, "refugees")):
        return Counted(r.before, subject, r.head_end)
    if r.noun is not None:
        return Counted(r.noun, subject, r.head_end)
    return Counted(None, subject, r.head_end)


_FLED = frozenset(["refugees", "displaced"])
_POPULATION_OF = re.compile(
    r"\bpopulation\s+of\s+(?:(?:about|around|some|nearly|almost|over|just|only)\s+)?$",
    re.IGNORECASE,
)
# a person and what befell them, right before a figure: "Child Killed 20 People Injured"
_VERB_AFTER_PERSON = re.compile(
    r"\b([A-Za-z]+)\s+(?:killed|dies|died|dead|injured|wounded|hurt|arrested|missing)\s+$",
    re.IGNORECASE,
)
_THINGS_AFTER = re.compile(
    r"\s*(?:(?:were|was|have\s+been|had\s+been|are|also|severely|partially|totally|completely"
    r"|badly)\s+){0,3}(?:destroyed|damaged|flattened|razed|levell?ed|have\s+structural\s+damage)\b",
    re.IGNORECASE,
)
_THINGS_VERB = re.compile(
    r"\b(?:destroy(?:ed|s|ing)?|destruction\s+of)\s+(?:(?:at\s+least|more\s+than|over|some"
    r"|about|around|nearly|another)\s+)?$",
    re.IGNORECASE,
)
_STATUS_NOUNS = frozenset(["displaced", "detained", "evacuated"])
_ONLY_ADJACENT = frozenset(["attacks", "population"])
# "Rota has about 2,500 residents": a place's population, stated with "has".
_HAS_POPULATION = re.compile(r"\b(?:has|have|had)\s+$", re.IGNORECASE)
_RESIDENTS = frozenset(["residents", "inhabitants", "people"])


def _elliptical(text: str, readings: list[Reading], i: int) -> bool:
    """Whether figure ``i`` counts what the one before it counts, the words left out: a bare
    number after "and" or a comma and before a place or time, or the next count in brackets
    of a list of places."""
    r, prev = readings[i], readings[i - 1]
    start, end = r.figure.start, r.figure.end
    if r.subject is None and _ELLIPSIS_AFTER.match(text, end):
        return bool(_ELLIPSIS_BEFORE.search(text, max(0, start - 30), start))
    return _bracketed(text, r.figure) and _bracketed(text, prev.figure)


def _bracketed(text: str, figure: Figure) -> bool:
    return bool(
        _BRACKET_BEFORE.search(text, max(0, figure.start - 40), figure.start)
        and re.match(r"\s*\)", text[figure.end : figure.end + 3])
    )


def restated_subjects(claims: list[Claim], title: str) -> list[Claim]:
    """A headline's figure of people counts the group its body states that figure of:
    "Thirty Killed in Syrian Strikes on Damascan Suburb Town" over "Thirty civilians were
    killed on Saturday ..." (and so does the headline repeated atop the body). Only when
    the body names one group for that figure."""
    title_words = " ".join(title.split())
    groups: dict[tuple[str, float, str], set[str]] = {}
    for c in claims:
        if not c.in_title and c.value > 0 and c.hedge != "range" and c.subject not in _ANYONE:
            groups.setdefault((c.category, c.value, c.unit), set()).add(c.subject)
    out: list[Claim] = []
    for c in claims:
        headline = c.in_title or (len(title_words) > 20 and title_words in c.quote)
        named = groups.get((c.category, c.value, c.unit), set())
        if headline and c.subject == "people" and c.hedge != "range" and len(named) == 1:
            c = dataclasses.replace(c, subject=next(iter(named)))
        out.append(c)
    return out


#: subjects that name no group of their own ("30 others injured", "one person died")
_ANYONE = frozenset(
    ["people", "person", "persons", "others", "other people", "more people", "bodies", "lives"]
)


def zero_counts(text: str, sentence: Span) -> list[tuple[Figure, Counted]]:
    """ "no deaths": a count of zero (it can contradict another source's toll)."""
    out: list[tuple[Figure, Counted]] = []
    for m in _ZERO.finditer(text, *sentence):
        category = "killed" if m.group("killed") else "injured"
        fig = Figure(m.start(), m.end(), 0.0, "exact", 0.0, 0.0, m.start())
        out.append((fig, Counted(category, "people", m.end())))
    return out


_ZERO = re.compile(
    r"\bno\s+(?:(?P<killed>deaths|fatalities)|(?P<injured>injuries))\b"
    # not the absence of a report: "No deaths or injuries have been reported", "There were
    # no deaths reported thus far" (a source's stated zero stays: "the Observatory said
    # there were no deaths from the hospital strike")
    r"(?!(?:\s+(?:or|and)\s+(?:deaths|fatalities|injuries|casualties))?\s+(?:(?:have|has)"
    r"\s+been\s+|were\s+|was\s+|are\s+|is\s+)?(?:yet\s+)?(?:immediately\s+)?reported\b)",
    re.IGNORECASE,
)
