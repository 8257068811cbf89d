"""Figures as news writes them: the number, its hedge words, and the interval they allow.

Compiled patterns find every candidate ("more than 150,000", "250000", "3.6 million",
"a million", "two dozen", "dozens", "hundreds of thousands", "between 20 and 30"); the
context around each then rules out what is not a count: calendar dates (the spans
:mod:`.dates` found), years, times of day, durations ("eight-year war", "48-hour truce"),
ages, distances and other units, money, percentages, ordinals and identifiers
("Resolution 2254", "S-400", "Views 1430").

The well-formed spelled-out numbers ("Seventy-six", "three hundred and fifty") are read
by :mod:`.spelled`; quantulum3 reads the odd wordings ("fifty-three hundred"), loaded on
the first of them and called on the candidate's own words only, never on a whole text,
because on news text
(checked on quantulum3 0.10.0) it drops hedges from its match ("more than 150,000" ->
150000, exact), reads "half a million" as 1,500,000, "two dozen" as 2 and "a dozen" as 1,
takes "1.2m" for metres, finds nothing in "tens of thousands" or "dozens", turns years into
plain numbers, and costs about 90 ms per article. Hedges, vague quantities, "dozen", "half
a" and "m"/"k"/"bn" suffixes are therefore read here; digits are plain ``float``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from checker.extract.spelled import SCALE_WORDS, SMALL_WORDS, spelled_value
from checker.records import interval_for

Span = tuple[int, int]

#: The spec's intervals for vague quantities: value (= low), low, high.
VAGUE: dict[str, tuple[float, float | None]] = {
    "tens": (20, 99),  # not in the spec: "tens of civilians" (translated Arabic), by analogy
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "tens of thousands": (20000, 99999),
    "hundreds of thousands": (200000, 999999),
    "millions": (2000000, None),
}


# Thousands are grouped by commas ("16,481"), by spaces ("7 314", "1 610": UN and European
# style), or mistyped ("1, 000"). A number glued to the word before it is a flattened list
# ("IMPACT1 death16,481 families were affected51,308 people"): taken after four lower-case
# letters or five capitals, not after an id's few letters ("F16", "Su24", "WCAG20").
_DIGITS = (
    r"(?:(?<![\w.,/:+])|(?-i:(?<=[a-z]{4})|(?<=[A-Z]{5})|(?<=[a-z]:)))(?<![A-Za-z]-)"
    r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d{1,3},[ ]000(?!\d)|\d+)"
    r"(?:\.\d+)?(?![\d/])"
)
# The case-sensitive look-ahead for a digit or the first letter of a number word lets the
# engine skip every other position; the alternation itself ignores case (scoped: a global
# IGNORECASE would make every position slow again).
_ATOM = re.compile(
    r"(?=[\dotfsenhdmaqOTFSENHDMAQ])(?i:\b(?P<vague>(?:tens|hundreds)\s+of\s+thousands|tens(?=\s+of\b|\s+(?:killed|dead|wounded|injured)\b)|(?:several|a\s+few)\s+(?:dozen|hundred|thousand"
    r"|million)|dozens|scores(?=\s+(?:of|more|were|are|have|had|killed|dead|died|perished|wounded|injured))|hundreds|thousands"
    r"|millions)\b"
    rf"|\b(?P<words>(?:(?:{SMALL_WORDS}|an?)\s+dozen"
    rf"|(?:half\s+an?|a\s+half|a\s+quarter\s+of\s+an?|three\s+quarters\s+of\s+an?)\s+(?:million|billion)"
    rf"|(?<![Aa]\s)(?<!an\s)(?<!half\s)dozen(?=\s+(?:people|civilians|dead|wounded|killed|others|more)\b)"
    # at most three scale words ("two hundred thousand million"): "one hundred hundred ..."
    # was one number of 40,000 words, handed whole to quantulum3 (41 s, 763 MB)
    rf"|(?:{SMALL_WORDS}|\ban?)(?:[\s-]+{SCALE_WORDS}){{1,3}}(?:(?:\s+and\s+|\s+|-)(?:{SMALL_WORDS})"
    rf"(?:[\s-]+(?:thousand|million))?)?"
    rf"|{SMALL_WORDS}))\b"
    rf"|(?P<digits>{_DIGITS})(?:\s*(?P<scale>million|billion|thousand|mln|mn|bn)\b"
    r"|(?P<m>[mk])\b)?)"
)

_HEDGE_WORDS: tuple[tuple[str, str], ...] = (
    ("at_least", r"at\s+least|no\s+(?:fewer|less)\s+than|a\s+minimum\s+of"),
    ("nearly", r"nearly|almost|close\s+to|just\s+(?:under|short\s+of|below)"),
    (
        "more_than",
        r"(?:well\s+|just\s+|slightly\s+)?(?:more\s+than|over|upwards\s+of|in\s+excess\s+of"
        r"|above|more\s+then|exceed(?:ed|ing|s)?|surpass(?:ed|ing|es)?|topp(?:ed|ing))",
    ),
    (
        "about",
        r"around|about|some|roughly|approximately|approx\.?|an\s+estimated|estimated|circa"
        r"|an\s+approximate",
    ),
    ("up_to", r"up\s+to|as\s+many\s+as|as\s+much\s+as|as\s+high\s+as|at\s+most|a\s+maximum\s+of"),
    ("less_than", r"less\s+than|fewer\s+than|under|below"),
)
_HEDGE = re.compile(
    # (?=[A-Za-z]): every hedge starts with a letter (speed: the alternation is not tried
    # at the other positions of number-dense text)
    r"(?:^|(?<=[\s(\"“]))(?=[A-Za-z])(?:"
    + "|".join(f"(?P<{name}>{words})" for name, words in _HEDGE_WORDS)
    + r")\s+$",
    re.IGNORECASE,
)
# "20 or more", "20+ killed"
_OR_MORE = re.compile(r"\s+or\s+more\b|\+(?![\d+])", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*[-–]\s*|\s+(?:to|or)\s+", re.IGNORECASE)
_BETWEEN = re.compile(r"(?:^|\s)between\s+$", re.IGNORECASE)
_FROM = re.compile(r"(?:^|\s)from\s+$", re.IGNORECASE)

# What follows a number that is not a count.
_NOT_COUNT_AFTER = re.compile(
    r"""^(?:
      \s*(?:%|percent|per\s*cent|pct)
    | [\s-]*(?:km|kms|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|m(?![\w.])|feet|foot|ft|yards?
        |square|sq|tons?|tonnes?|kgs?|kilo(?:gram)?s?|grams?|litres?|liters?|hectares?|acres?
        |degrees?|mm|cm|inch(?:es)?|calibre|caliber|mph|knots?|barrels\s+of|megawatts?|mw|kw
        |dunams?|donums?|ha)\b
    | [\s-]*(?:-|and\s+a\s+half\s+)?(?:hours?|days?|weeks?|months?|years?|minutes?|seconds?
        |decades?|centuries|nights?|hrs?|mins?)\b
    | \s*(?:dollars|euros|pounds|lira|liras|riyals|dinars|rubles|roubles|usd|yuan|rupees|rupiah
        |pesos|naira|shillings|francs|yen|eur|gbp|idr|inr|php)\b
    | -(?!\d)[a-z]+(?<!year)(?<!thirds)(?<!quarters)\b(?!-old)
    | \s*(?:millions?|billions?|trillions?|m|bn)?\s*(?:dollars|euros|pounds|usd|idr|rupiah|rupees
        |pesos)\b
    | (?:st|nd|rd|th)\b
    | [\s-]*(?:thirds?|quarters?|fifths?|halves|tenths?)\b
    | \s*(?:a\.m\.|p\.m\.|(?:gmt|utc|ksa|local\s+time|hrs|am|pm)\b)
    | (?-i:\s+(?:[A-Z][a-z]+\s+){0,2}(?:Ave|Avenue|Street|St|Road|Rd|Boulevard|Blvd)\b)
    | \s*(?:times|fold)\b
    | :\d | /\d | \s+\d+/\d | [a-z]
    | \s*\)\s*(?:(?-i:[a-z])|$)
    | \s*(?:viewers?|views|hits|likes|shares|comments|reads)\b
    | (?-i:\s*(?:BC|BCE|AD)\b)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# What comes before a number that is not a count.
_NOT_COUNT_BEFORE = re.compile(
    # the look-ahead: every branch starts with a currency sign or at a word start, so the
    # alternation is tried there only (speed on number-dense text, "1-1-1-...")
    r"""(?=[$€£]|\b[A-Za-z])(?:
      (?:[$€£]|\bus\s?\$|\busd|\bsyp)\s*
    | \b(?:aged|ages|age(?:d)?\s+of|ages\s+of|age)\s+(?:between\s+)?
        (?:\d{1,3}\s*(?:,|and|or|to|-)\s*)*
    | \b(?:updated|worth|valued\s+at|costing)\s+
    | \b(?:resolution|article|no\.?|number|route|highway|brigade|division|regiment|battalion
        |corps|squadron|base|flight|page|chapter|section|paragraph|room|unit|zone|sector|gate
        |hall|protocol|views|url|camp|tower|block|building|station|suite|ste|liwa|row|category
        |level|phase|vol|issue|episode|season|part|act|code|box|tel|fax|phone|law|decree
        |model|version|class|grade|list|item|line|stage|point|team|hotlines?|helpline|call
        |dial|whatsapp|sms|ext)\s+
    | \b[A-Z]{1,3}-
    | \bpp?\.\s*(?:\d+\s*[-–]\s*)?   # a page cited: "(IDMC, 17 September 2014, pp.32-33)"
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# An age: "Sham Kumar, 54, an affected villager", "John Doe, 47, of Madison", "both 22,".
_AGE_BEFORE = re.compile(
    r"(?:(?-i:[A-Z][\w'’-]+),|\bboth|\b(?:man|woman|boy|girl|teenager|driver|victim|suspect"
    r"|mother|father|son|daughter|wife|husband|resident|pensioner|student|motorist|pedestrian"
    r"|cyclist|passenger|officer),)\s*$",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(r"^\s*(?:,|;|\.(?:\s|$)|$|\)|\s+(?:of|from|and)\b)", re.IGNORECASE)
_ONE_OF_PEOPLE = re.compile(
    r"\s+of\s+(?:its|their|his|her|our|the)\s+(?:[a-z]+\s+)?(?:soldiers|troops|fighters|members"
    r"|children|sons|daughters|officers|policemen|workers|staff|volunteers|rescuers|guards"
    r"|crew|passengers|journalists|students|employees|colleagues|comrades|relatives)\b",
    re.IGNORECASE,
)
# One of a run of digit groups: a phone number ("040 3596 053").
_PHONE = re.compile(r"\d[\s-]$")
_AREA_CODE_AFTER = re.compile(r"\)\s*\d{3}[\s.-]\d{4}\b")
_AREA_CODE_BEFORE = re.compile(r"\(\d{3}\)\s*(?:\d{3}[\s.-])?$")
_CAP_BEFORE = re.compile(r"(?:Resolution|Article|Brigade|Division|Regiment|Battalion)\s+$")
_YEAR_LIKE = re.compile(r"^(?:19[5-9]\d|20[0-4]\d)$")
# A year-looking number is a count only when a counted noun follows it ("2000 people").
_COUNT_NOUN_AFTER = re.compile(
    r"^\s+(?:[A-Za-z-]+\s+){0,2}?(?:people|persons|civilians|children|women|men|soldiers|troops"
    r"|fighters|militants|rebels|terrorists|members|refugees|families|residents|displaced"
    r"|Syrians|students|prisoners|detainees|bodies|dead|killed|wounded|injured|others|more"
    r"|attacks|air\s?strikes|strikes|raids|barrel|rockets|shells|missiles|civilian|victims"
    r"|evacuees|gunmen|jihadists|individuals|citizens|homes|houses|buildings|casualties)\b",
    re.IGNORECASE,
)
_M_AS_MILLION = re.compile(
    r"\s+(?:[A-Za-z-]+\s+)?(?:people|refugees|Syrians|displaced|civilians|children|residents"
    r"|migrants|persons)\b",
    re.IGNORECASE,
)
#: the largest figure read as a count (more people than have ever lived)
MAX_COUNT = 1e12

_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
          "billion": 1e9, "bn": 1e9}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Figure:
    """A count found in a text: where its words are, the stated number and its interval."""

    start: int  #: start of the hedge words, or of the number
    end: int  #: end of the number (and of "or more")
    value: float
    hedge: str
    low: float | None
    high: float | None
    num_start: int  #: start of the number itself (after any hedge)
    vague: bool = False


@dataclass(frozen=True, slots=True)
class _Atom:
    start: int
    end: int
    value: float
    vague: str | None
    scaled: bool  # carries a scale word ("3.6 million")


#: Numbers an article is read for at most: real ones hold a few hundred (389 in a 74 KB
#: IDMC report, the most in the corpora); a text of nothing but numbers ("5 5 5 ... %") would
#: otherwise cost tens of microseconds for each of hundreds of thousands.
MAX_NUMBERS_PER_ARTICLE = 2_000


@dataclass(slots=True)
class NumberBudget:
    """How many more numbers an article may be read for (one per article)."""

    left: int = MAX_NUMBERS_PER_ARTICLE

    @property
    def spent(self) -> bool:
        return self.left <= 0


def find_figures(
    text: str,
    start: int,
    end: int,
    blocked: Sequence[Span] = (),
    budget: NumberBudget | None = None,
) -> list[Figure]:
    """The counts in ``text[start:end]`` (not overlapping ``blocked`` spans), in order; with
    a ``budget``, only as many numbers as it has left are read (and taken from it)."""
    atoms = [a for a in _atoms(text, start, end, budget) if not _overlaps(a.start, a.end, blocked)]
    figures: list[Figure] = []
    skip: set[int] = set()
    for i, atom in enumerate(atoms):
        if i in skip:
            continue
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        joined = _range(text, atom, nxt, start)
        if joined is not None:
            figures.append(joined)
            skip.add(i + 1)
            continue
        figures.append(_single(text, atom, start))
    return figures


def _overlaps(a: int, b: int, spans: Sequence[Span]) -> bool:
    return any(s < b and a < e for s, e in spans)


# The words a candidate figure can start with (lower case): every branch of _ATOM that
# does not start with a digit starts with one of them (a branch starting otherwise must be
# added here).
_FIRST_WORDS = frozenset(
    """
    tens hundreds thousands millions several a an dozens scores dozen half one two three
    four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    """.split()
)
# where _ATOM may match: a word start (its letters only: "IMPACT1" is the word, then the
# number glued to it) or the first of a run of digits
_START = re.compile(r"(?<!\w)[A-Za-z][^\W\d_]*|(?<!\d)\d")


def _atom_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``_ATOM.finditer(text, start, end)``, tried only where a figure can start: the
    alternation tried at every letter was half of :func:`find_figures`' time, and most
    words start none. (A word not in plain ASCII is tried: case-insensitive matching has
    equivalents such as the long s.)"""
    last = start
    for c in _START.finditer(text, start, end):
        at = c.start()
        if at < last:
            continue
        word = c.group()
        if not word[0].isdigit():
            low = word.lower()
            if low not in _FIRST_WORDS and low.isascii():
                continue
        m = _ATOM.match(text, at, end)
        if m is not None:
            yield m
            last = m.end()


def _atoms(text: str, start: int, end: int, budget: NumberBudget | None) -> list[_Atom]:
    atoms: list[_Atom] = []
    for m in _atom_matches(text, start, end):
        if budget is not None:
            if budget.spent:
                break
            budget.left -= 1
        atom = _read_atom(text, m, end)
        if atom is not None and _is_count(text, atom, end):
            atoms.append(atom)
    return atoms


def _read_atom(text: str, m: re.Match[str], end: int) -> _Atom | None:
    if m.group("vague") is not None:
        key = " ".join(m.group("vague").lower().split())
        key = re.sub(r"^(?:several|a few) (\w+)", lambda k: _plural(k.group(1)), key)
        return _Atom(m.start(), m.end(), VAGUE[key][0], key, False)
    if m.group("words") is not None:
        value = spelled_value(" ".join(m.group("words").lower().split()))
        if value is None or value > MAX_COUNT:
            return None
        has_scale = bool(re.search(SCALE_WORDS, m.group("words")))
        return _Atom(m.start(), m.end(), value, None, has_scale)
    digits = m.group("digits")
    if not re.search(r"[,.\s]", digits) and len(digits) > 7:
        return None  # phone numbers, ids
    value = float(re.sub(r"[,\s]", "", digits))
    if value > MAX_COUNT:
        return None  # "1,000,000,...,000": not a head count (and int(inf) would raise)
    scale = (m.group("scale") or "").lower()
    if m.group("m") is not None:
        # "1.2m people" is 1.2 million and "some 199K people" 199,000 (a tweet's); "300m"
        # on its own is a distance, "10k" a race.
        if not _M_AS_MILLION.match(text, m.end(), min(end, m.end() + 40)):
            return None
        scale = m.group("m").lower()
    if scale:
        # round: 32.7 * 1e6 is 32700000.000000004 in binary floating point
        scaled = round(value * _SCALE[scale], 6)
        return None if scaled > MAX_COUNT else _Atom(m.start(), m.end(), scaled, None, True)
    if value != int(value):
        return None  # a decimal without a scale word is a measure, not a head count
    return _Atom(m.start(), m.end(), value, None, False)


def _plural(word: str) -> str:
    return {"dozen": "dozens", "hundred": "hundreds", "thousand": "thousands",
            "million": "millions"}[word]  # fmt: skip


# The other end of a range after a number ("80 to 100mph": the 100)
_TO_NUMBER = re.compile(r"(?:\s*[-–]\s*|\s+(?:to|or|and)\s+)\d[\d,.]*", re.IGNORECASE)
# A sentence starting right after a number: the number counts nothing in it.
_SENTENCE_AFTER = re.compile(r"\s+(?:A|An|The|This|These|Those)\s+[A-Za-z]")


#: four digits that may be a time of day on the 24-hour clock ("1400", "2230")
_CLOCK = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
_CLOCK_ALWAYS_BEFORE = re.compile(r"\b(?:effective|as\s+of)\s+$", re.IGNORECASE)
_CLOCK_BEFORE = re.compile(r"\b(?:at|until|till|from|since|by|before|after)\s+$", re.IGNORECASE)
_CLOCK_AFTER = re.compile(
    r"\s*(?:hours\b|hrs\b|h\b|local\b|on\s+(?:\d|the\b|[A-Z])|today\b|tonight\b|tomorrow\b)"
)


def _is_clock(before: str, after: str) -> bool:
    """Whether four digits are a time of day by their words: "Effective 1400", "as of 0600";
    "at 1400 hours", "until 2200 on Friday" (not "killed at least 1400 people")."""
    return bool(
        _CLOCK_ALWAYS_BEFORE.search(before)
        or (_CLOCK_BEFORE.search(before) and _CLOCK_AFTER.match(after))
    )


def _is_count(text: str, atom: _Atom, end: int) -> bool:
    """Rule out the numbers that are not head counts, from the words around them."""
    after = text[atom.end : min(end, atom.end + 40)]
    before = text[max(0, atom.start - 30) : atom.start]
    if _NOT_COUNT_AFTER.match(after) or _NOT_COUNT_BEFORE.search(before):
        return False
    to = _TO_NUMBER.match(after)
    if to is not None and _NOT_COUNT_AFTER.match(after[to.end() :]):
        return False  # "80 to 100mph", "5-10 km": a range of a measure
    if _CAP_BEFORE.search(before):
        return False
    if atom.vague is None and _SENTENCE_AFTER.match(after):
        return False  # "(200) 0 38 A US missile strike killed five": a page's counter
    if _AGE_BEFORE.search(before) and _AGE_AFTER.match(after) and atom.value < 120:
        return False
    if _PHONE.search(before) and re.match(r"[\s-]\d", after):
        return False
    if (before.endswith("(") and _AREA_CODE_AFTER.match(after)) or _AREA_CODE_BEFORE.search(before):
        return False  # "at (530) 841-2900": a telephone number
    surface = text[atom.start : atom.end]
    if len(surface) > 1 and surface.startswith("0"):
        return False  # "at 0914", "05 Apr": clock times and day numbers
    if _CLOCK.fullmatch(surface) and _is_clock(before, after):
        return False  # "Effective 1400 on 9/9/2014, an evacuation order": a 24-hour time
    if _YEAR_LIKE.match(surface):
        # "2000 people", "more than 2000 people", "along with 2200 evacuated": a count only
        # with its noun after it and a word (not a list mark or a sentence start) before it.
        if not re.search(r"[a-z]\s+$", before):
            return False
        # (nor after another year: "people displaced between 2007 and 2013 by attacks")
        return bool(_COUNT_NOUN_AFTER.match(after)) and not re.search(
            r"\b(?:in|since|of|until|by|from|during|early|late|mid|year|before|after|summer"
            r"|spring|autumn|winter|fall|end|start|beginning"
            r"|(?:19[5-9]\d|20[0-4]\d)\s*(?:and|to|through|until|[-–]))\s*$",
            before,
            re.IGNORECASE,
        )
    if atom.vague is None and atom.value == 1 and not atom.scaled:
        # "one" is a count only before its noun: not "one of", "no one", "one another".
        # "one of its soldiers was killed": one of a group of people is a count (a part)
        return bool(
            re.match(r"\s+(?!of\b|another\b|side\b|by\b|day\b|hand\b)[A-Za-z]", after)
            or _ONE_OF_PEOPLE.match(text, atom.end, min(end, atom.end + 60))
        )
    return True


def _hedge_before(text: str, pos: int, floor: int) -> tuple[str, int]:
    """The hedge words ending at ``pos`` (its name and start), or ("exact", pos)."""
    window_start = max(floor, pos - 30)
    m = _HEDGE.search(text, window_start, pos)
    if m is None or m.lastgroup is None:
        return "exact", pos
    return m.lastgroup, m.start()


def interval(hedge: str, value: float) -> tuple[float | None, float | None]:
    """The interval the spec gives a hedge: exact [v,v], about [0.9v,1.1v], ..."""
    return interval_for(hedge, value)


def _single(text: str, atom: _Atom, floor: int) -> Figure:
    if atom.vague is not None:
        low, high = VAGUE[atom.vague]
        return Figure(
            atom.start, atom.end, float(low), "range", float(low),
            None if high is None else float(high), atom.start, vague=True,
        )  # fmt: skip
    hedge, hstart = _hedge_before(text, atom.start, floor)
    end = atom.end
    if hedge == "exact":
        m = _OR_MORE.match(text, atom.end)
        if m is not None:
            hedge, end = "at_least", m.end()
    lo, hi = interval(hedge, atom.value)
    return Figure(hstart, end, atom.value, hedge, lo, hi, atom.start)


def _range(text: str, a: _Atom, b: _Atom | None, floor: int) -> Figure | None:
    """ "between 20 and 30", "20 to 30", "20-30", "two or three": one ranged figure."""
    if b is None or a.vague is not None or b.vague is not None:
        return None
    gap = text[a.end : b.start]
    if len(gap) > 6:
        return None
    between = _BETWEEN.search(text, max(floor, a.start - 9), a.start)
    if between is not None:
        if not re.fullmatch(r"\s+and\s+|\s*(?:-|–)\s*", gap):
            return None
        start = between.start() + (1 if text[between.start()].isspace() else 0)
    else:
        if not _RANGE_JOIN.fullmatch(gap):
            return None
        if _FROM.search(text, max(floor, a.start - 6), a.start):
            return None  # "rose from 76 to 80": two figures
        start = a.start
    low, high = a.value, b.value
    if b.scaled and not a.scaled and low < 1000 <= high:
        low *= high / _unscaled(text, b)  # "two to three million"
    if not low < high:
        return None
    return Figure(start, b.end, low, "range", low, high, a.start)


def _unscaled(text: str, atom: _Atom) -> float:
    """The number of a scaled atom before its scale word ("three" of "three million")."""
    words = text[atom.start : atom.end].lower()
    m = re.match(r"[\d.,]+", words)
    if m is not None:
        return float(m.group(0).replace(",", ""))
    first = re.split(r"[\s-]+", words)[0]
    v = spelled_value(first)
    return v if v else 1.0
