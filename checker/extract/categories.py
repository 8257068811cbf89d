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

import re
from collections.abc import Sequence
from dataclasses import dataclass

from checker.extract.numbers import Figure

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*|[^\sA-Za-z\d]")


def _words(text: str) -> list[str]:
    """A word list written as one string."""
    return text.split()


# Counted heads that are themselves a category.
_THING_HEADS: dict[str, str] = {
    **dict.fromkeys(
        _words(
            """
    attacks attack airstrikes airstrike strikes strike raids raid sorties bombings
    explosions blasts bombs rockets shells mortars missiles projectiles assaults
    shellings violations barrels munitions bombardments breaches beaches incidents
    """
        ),
        "attacks",
    ),
    **dict.fromkeys(
        _words(
            """
    hospitals hospital facilities facility clinics clinic schools school bakeries
    ambulances mosques churches centres centers
    """
        ),
        "facilities",
    ),
}
# Predicate words standing where the head would ("40 dead", "700 injured"): the category.
_PREDICATE_HEADS: dict[str, str] = {
    **dict.fromkeys(
        _words(
            """
    dead killed martyrs martyred lives deaths fatalities bodies
    """
        ),
        "killed",
    ),
    **dict.fromkeys(["wounded", "injured", "hurt", "injuries"], "injured"),
    **dict.fromkeys(["displaced"], "displaced"),
    **dict.fromkeys(["missing"], "missing"),
    **dict.fromkeys(["casualties"], "other"),
}
_PERSON_HEADS: dict[str, str | None] = {
    **dict.fromkeys(
        _words(
            """
    people persons person civilians civilian individuals citizens inhabitants villagers
    children child kids boys girls babies baby infants women woman men man elderly
    students pupils teachers doctors doctor nurses medics paramedics staff staffers
    workers worker volunteers journalists reporters worshippers pilgrims passengers
    patients syrians kurds alawites christians shiites sunnis iraqis turks russians
    americans palestinians lebanese iranians afghans foreigners nationals natives
    members member relatives others victims residents families family cases emirs emir
    """
        ),
        None,
    ),
    **dict.fromkeys(
        _words(
            """
    soldiers soldier troops fighters fighter militants militant rebels rebel terrorists
    terrorist jihadists jihadist gunmen insurgents extremists mercenaries militiamen
    recruits servicemen personnel officers officer policemen police guards commanders
    elements operatives snipers bombers attackers assailants
    """
        ),
        "combatants",
    ),
    **dict.fromkeys(["refugees", "refugee", "migrants", "asylum-seekers"], "refugees"),
    **dict.fromkeys(["idps"], "displaced"),
    **dict.fromkeys(["detainees", "prisoners", "hostages", "captives", "abductees"], "detained"),
    **dict.fromkeys(["evacuees"], "evacuated"),
}
# Counted things outside the categories: a number of them is not a claim.
_OTHER_HEADS = frozenset(
    _words(
        """
    villages towns cities houses homes buildings vehicles tanks trucks cars buses
    positions posts checkpoints districts neighbourhoods neighborhoods provinces
    countries factions groups brigades battalions times points areas sites targets hills
    kilometres kilometers miles resolutions meetings rounds talks years months weeks
    days hours minutes sides parties ministers officials leaders delegates presidents
    states nations tonnes tons dollars percent aircraft planes jets helicopters drones
    warplanes weapons depots bridges roads seats votes articles pages copies carriers
    suvs governments
    """
    )
)
# Words between a number and its head noun that stop the search for a head.
_STOP = frozenset(
    _words(
        """
    were was have has had are is be been being will would could may might in on at from
    by to for with as after when while since during including among or but that which
    who whom where said says told reported according the a an this these those it its
    their his her them they than then so if not no near outside inside around across
    into over under off through against between amid within
    """
    )
)
_AUX = frozenset(
    _words(
        """
    were was are is have has had been being be got also all reportedly later now already
    allegedly believed thought still subsequently
    """
    )
)

_TRIGGERS: tuple[tuple[str, str], ...] = (
    (
        "other",  # killed and wounded together: neither category alone
        r"(?:killed|dead)\s+(?:and|or)\s+(?:wounded|injured)",
    ),
    (
        "refugees",
        r"hosts?|hosting|sheltering|refugees?|who\s+have\s+fled\s+the\s+war"
        r"|(?:to\s+)?(?:flee|fled|crossed|cross)\s+(?:across|into|over)\s+(?:the\s+)?"
        r"(?:Turkish|Lebanese|Jordanian|Iraqi|border|Turkey|Lebanon|Jordan|Iraq)"
        r"|crossed\s+the\s+border|fled(?:\s+\S+){0,4}\s+to\s+become\s+refugees",
    ),
    (
        "killed",
        r"kill(?:s|ed|ing)?|dead|died|dies|dying|death\s+toll|toll|deaths?|martyr(?:s|ed|dom)?"
        r"|slain|massacred?|executed?|execut(?:es|ing)|murder(?:ed|ing)?|perished"
        r"|lost\s+their\s+lives|claim(?:ed|ing)\s+the\s+lives|lives\s+of|beheaded|bodies"
        r"|fatalities|slaughtered|victims|eliminat(?:e|ed|es|ing|ion)|liquidat(?:ed|ion)"
        r"|neutrali[sz]ed|destroyed|destruction\s+of|lost|losing",
    ),
    (
        "injured",
        r"wound(?:s|ed|ing)?|injur(?:e|es|ed|ing|y|ies)|hurt|suffocation|suffered\s+from"
        r"|treated\s+for|hospitali[sz]ed|breathing\s+difficulties",
    ),
    (
        "displaced",
        r"displac(?:e|es|ed|ing|ement)|uproot(?:ed|ing|s)?|fled\s+their\s+homes|forced\s+to\s+flee"
        r"|to\s+flee|homeless|driven\s+from\s+their\s+homes|fled|exodus",
    ),
    (
        "detained",
        r"arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|detention|captured?|captur(?:es|ing)"
        r"|abduct(?:s|ed|ing)?|kidnap(?:s|ped|ping)?|imprisoned|taken\s+prisoner|held\s+captive",
    ),
    ("missing", r"missing|disappeared|unaccounted"),
    (
        "evacuated",
        r"evacuat(?:e|es|ed|ing|ion)|safe\s+passage|bused\s+out|transferred\s+out",
    ),
    ("besieged", r"besieg(?:ed|ing)|trapp(?:ed|ing)|under\s+siege|encircled|siege|sealed\s+off"),
    (
        "population",
        r"home\s+to|population|inhabitants|lived|live\s+in|living\s+in|numbering|who\s+number",
    ),
    (
        "attacks",
        r"launch(?:ed|ing)|carried\s+out|conduct(?:ed|ing)|fired|dropp(?:ed|ing)|staged",
    ),
)
_TRIGGER = re.compile(  # IGNORECASE scoped after a cheap look-ahead: see numbers._ATOM
    r"(?=[A-Za-z])\b(?i:" + "|".join(f"(?P<{cat}>{words})" for cat, words in _TRIGGERS) + r")\b"
)
_SUB_COUNT_BEFORE = re.compile(
    r"\b(?:including|includ(?:es|ed)|among\s+them|among\s+whom|of\s+whom|of\s+them|among\s+the"
    r"|among\s+those|mostly|most\s+of\s+them)(?:\s+(?:an?|one)\s+\w+\s+and)?[\s,:-]*$",
    re.IGNORECASE,
)
_SUB_COUNT_AFTER = re.compile(r"^\s+of\s+(?:them|whom|those|which)\b", re.IGNORECASE)
_PART_OF_NEXT = re.compile(r"^\W*(?:were|are|was)\s+(?:also\s+)?among\s*$", re.IGNORECASE)
_COORDINATION = re.compile(
    r"^[\s,]*(?:(?:and|as\s+well\s+as|plus|along\s+with)\b[\s,]*(?:(?:their|his|her|its)\s+)?)?$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[;:–—]|\.\s|\bbut\b|\bwhile\b|\bwhereas\b", re.IGNORECASE)
_BOTH = re.compile(r"\s+(?:and|or)\s+(?:wounded|injured)\b", re.IGNORECASE)
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
    when after while because but which as before since until if
    """
    )
)
_ACTIVE_OBJECT = re.compile(r"^\s*(?:at\s+least|more\s+than|over|some|about|around|nearly)?\s*$")


@dataclass(frozen=True, slots=True)
class Counted:
    """The category and subject of one figure (None category: not a claim)."""

    category: str | None
    subject: str
    head_end: int  #: end offset of the counted noun phrase (or of the number)


@dataclass(slots=True)
class _Reading:
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


def categorise(text: str, sentence: tuple[int, int], figures: Sequence[Figure]) -> list[Counted]:
    """Category and subject of each of ``figures`` (all in the same ``sentence`` of ``text``)."""
    s_start, s_end = sentence
    readings = [_read_head(text, f, s_end) for f in figures]
    n = len(readings)
    for i in range(1, n):
        r, prev = readings[i], readings[i - 1]
        gap = text[prev.head_end : r.figure.start]
        r.sub_count = bool(
            _SUB_COUNT_BEFORE.search(gap)
            or _SUB_COUNT_AFTER.match(text, r.figure.end)
            or (prev.sub_count and _COORDINATION.match(gap))
        )
    # the first figure after each one that is not a sub-count (bound: found in one pass from
    # the right, not by a scan per figure: a sentence of sub-counts was quadratic)
    not_sub = [n] * (n + 1)
    for k in range(n - 1, -1, -1):
        not_sub[k] = not_sub[k + 1] if readings[k].sub_count else k
    for i, r in enumerate(readings):
        # The predicate may come after the sub-counts: "87 people including 31 children died".
        j = not_sub[i + 1]
        nxt = figures[j].start if j < n else s_end
        skip = []  # the sub-counts in the predicate's window (it is _AFTER_REACH long)
        for k in range(i + 1, j):
            if readings[k].figure.start >= r.head_end + _AFTER_REACH:
                break
            skip.append((readings[k].figure.start, readings[k].head_end))
        r.after, r.after_end = _after_trigger(text, r.head_end, nxt, s_end, skip)
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
        r.before, r.adjacent = _before_trigger(text, max(lower, s_start), r.figure.start)
        if r.after is None or r.thing is not None or r.excluded or (r.before and r.adjacent):
            r.after_end = r.head_end  # the verb after is not this figure's
    # A bare coordination shares a predicate: "30 regime soldiers and 39 rebel fighters had
    # been killed" (right to left), "killed 22 children and 6 teachers" (left to right).
    for i in range(n - 2, -1, -1):
        r, nxt_r = readings[i], readings[i + 1]
        if r.after is None and _COORDINATION.match(text[r.head_end : nxt_r.figure.start]):
            r.after = nxt_r.after
    out: list[Counted] = []
    for i in range(n):
        out.append(_decide(text, readings, out, i))
    # "Ten children were among at least 48 people killed": the parent comes after.
    for i in range(n - 1):
        r = readings[i]
        part_of_next = _PART_OF_NEXT.match(text[r.head_end : figures[i + 1].start])
        if part_of_next and not r.excluded and out[i + 1].category is not None:
            out[i] = Counted(out[i + 1].category, r.subject or "people", r.head_end)
    return out


def _decide(text: str, readings: list[_Reading], done: list[Counted], i: int) -> Counted:
    r = readings[i]
    subject = r.subject or "people"
    if r.excluded:
        return Counted(None, subject, r.head_end)
    if r.thing is not None:
        return Counted(r.thing, subject, r.head_end)
    if r.before is not None and r.adjacent:
        return Counted(r.before, subject, r.head_end)
    if r.after is not None:
        return Counted(r.after, subject, r.head_end)
    if i > 0:
        prev = done[i - 1]
        gap = text[readings[i - 1].head_end : r.figure.start]
        shares = r.sub_count or (_COORDINATION.match(gap) and r.before is None)
        if prev.category is not None and shares:
            return Counted(prev.category, subject, r.head_end)
    if r.before is not None and not (r.before == "refugees" and r.noun not in (None, "refugees")):
        return Counted(r.before, subject, r.head_end)
    if r.noun is not None:
        return Counted(r.noun, subject, r.head_end)
    return Counted(None, subject, r.head_end)


def _read_head(text: str, figure: Figure, limit: int) -> _Reading:
    """The noun phrase a figure counts: "3.6 million [Syrian refugees]"."""
    window = text[figure.end : min(limit, figure.end + 80)]
    # Tokens read as needed (bound: most phrases end after a word or two; tokenising the
    # whole window for every figure was most of the time on number-dense text).
    found = _TOKEN.finditer(window)
    tokens: list[tuple[str, int]] = []

    def have(i: int) -> bool:
        while len(tokens) <= i:
            m = next(found, None)
            if m is None:
                return False
            tokens.append((m.group(0), m.end()))
        return True

    j = 0
    if have(0) and tokens[0][0].lower() == "of":  # "dozens of civilians", "hundreds of the"
        j = 1
        if have(j) and tokens[j][0].lower() == "the":
            j += 1
    words: list[str] = []  # the phrase so far, brackets left out
    while have(j) and len(words) < 6:
        word, w_end = tokens[j]
        low = word.lower()
        nxt = tokens[j + 1][0].lower() if have(j + 1) else ""
        j += 1
        if word in ("(", "["):  # "up to 80 (IS group) fighters"
            while have(len(tokens)):
                pass
            close = next((k for k in range(j, len(tokens)) if tokens[k][0] in (")", "]")), None)
            if close is None:
                break
            j = close + 1
            continue
        if low in _PREDICATE_HEADS and not words:
            subject = "people" if low not in ("martyrs", "bodies", "casualties") else low
            category = _PREDICATE_HEADS[low]
            if _BOTH.match(window, w_end):  # "Tens killed and wounded"
                category = "other"
            return _Reading(figure, subject, figure.end + w_end, category, None, False)
        words.append(word)
        end = figure.end + w_end
        before_head = nxt in _PERSON_HEADS or (nxt in _THING_HEADS and low not in _PERSON_HEADS)
        thing_word = low in _THING_HEADS or low in _OTHER_HEADS or low + "s" in _OTHER_HEADS
        if before_head and thing_word:
            continue  # "hospital staffers", "IS group fighters": a modifier
        if low == "rounds" and len(words) > 1 and words[-2].lower() in _ROUND_OF:
            return _Reading(figure, " ".join(words), end, "attacks", None, False)
        other = low in _OTHER_HEADS or (word.islower() and low + "s" in _OTHER_HEADS)
        if low in _THING_HEADS or low in _PERSON_HEADS or other:
            subject = " ".join(words)
            if other or nxt in _OTHER_HEADS or nxt == "stations":
                return _Reading(figure, subject, end, None, None, True)  # "personnel carriers"
            if low in _THING_HEADS:
                return _Reading(figure, subject, end, _THING_HEADS[low], None, False)
            return _Reading(figure, subject, end, None, _PERSON_HEADS[low], False)
        if not word[0].isalpha() or (low in _STOP and low != "and") or _is_number_word(low):
            break
        if low in _PREDICATE_HEADS:
            break
        if low == "and" and (len(words) == 1 or not nxt[:1].isalpha()):
            break
    return _Reading(figure, None, figure.end, None, None, False)


_ROUND_OF = frozenset(["mortar", "artillery", "tank", "rocket"])


def _is_number_word(low: str) -> bool:
    return low in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                   "dozens", "hundreds", "thousands", "million", "millions")  # fmt: skip


#: how far after a counted phrase its predicate may be
_AFTER_REACH = 90


def _after_trigger(
    text: str, start: int, nxt: int, s_end: int, skip: list[tuple[int, int]]
) -> tuple[str | None, int]:
    """The category of a predicate right after the counted phrase ("... have been killed"),
    and where that predicate ends; a category starting with "?" is a verb right before the
    next figure, which may be that figure's ("killed 220000 people wounded [at least one
    million]")."""
    end = min(nxt, s_end, start + _AFTER_REACH)
    window = text[start:end]
    for a, b in reversed(skip):  # blank out sub-counts ("including three children")
        if start <= a < end:
            window = window[: a - start] + " " * (min(b, end) - a) + window[min(b, end) - start :]
    brk = _CLAUSE_BREAK.search(window)
    if brk is not None:
        window = window[: brk.start()]
    m = _TRIGGER.search(window)
    if m is None or m.lastgroup is None or m.lastgroup == "attacks":
        return None, start
    trig_end = start + m.end()
    word = m.group(0).lower()
    gap = window[: m.start()].split()
    if gap[:2] and " ".join(gap[:2]).lower() in ("of which", "of whom", "of them"):
        gap = gap[2:]  # "three of which died in hospital"
    if len(gap) > 12 or any(w.lower() in _GAP_STOP for w in gap):
        return None, start
    if "and" in (w.lower() for w in gap) and gap[-1].lower() not in _AUX:
        return None, start  # "26 people and wounded 30": the verb of the next figure
    if word.startswith("to ") and gap:
        return None, start  # "civilians trying to flee": not what happened to them
    if word.endswith("ing") and m.lastgroup != "besieged":
        return None, start  # "four suicide bombers ... killing 15": what they did, not suffered
    if word in _NEEDS_AUX and not (gap and gap[-1].lower() in _AUX):
        return None, start  # "one destroyed incubator"; but "80 fighters were destroyed"
    if m.lastgroup in ("refugees", "population") and m.group(0).lower().startswith(
        ("host", "refugee", "shelter", "home", "number")
    ):
        return None, start
    if brk is None and end == nxt < s_end and not gap and _ACTIVE_OBJECT.match(window[m.end() :]):
        # "killed 220000 people wounded at least one million": maybe the next figure's verb
        return "?" + m.lastgroup, trig_end
    return m.lastgroup, trig_end


def _before_trigger(text: str, start: int, end: int) -> tuple[str | None, bool]:
    """The category of the nearest verb before the number, in its stretch of the sentence,
    and whether it is right before it (only "another", "a further", "the" between)."""
    window = text[start:end]
    last = None
    for m in _TRIGGER.finditer(window):
        last = m
    if last is None or last.lastgroup is None:
        return None, False
    tail = window[last.end() :]
    if _CLAUSE_BREAK.search(tail) and last.lastgroup not in ("killed",):
        return None, False
    adjacent = bool(_ADJACENT.fullmatch(tail)) and last.lastgroup not in ("other", "population")
    return last.lastgroup, adjacent
