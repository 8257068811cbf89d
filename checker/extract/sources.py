"""The sources news cites for its figures, and one name for each.

"the Britain-based Observatory", "SOHR", "Rami Abdel Rahman" and "the Syrian Observatory for
Human Rights" are one source; so are "Russia's defence ministry", "the defense ministry in
Moscow" and "Konashenkov". :func:`normalise_source` gives every phrase :mod:`.attribution`
finds its one name (or the phrase itself, cleaned of the dates, titles and clause pieces that
FA-KES's lost punctuation runs into it), and the evaluation compares sources through it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.extract.gazetteer import gazetteer
from checker.extract.places import looks_like_place
from checker.lexicon import (
    DEMONYMS,
    MONTH_FULL_PATTERN,
    SOHR,
    SOURCE_ALIAS,
    SOURCE_ALIAS_ABROAD,
    SOURCE_ALIASES,
)
from checker.lexicon import words as _words

#: "he said", "it said": no name of its own
PRONOUNS = frozenset(["he", "she", "it", "they", "we", "i"])


_CANON = tuple(name for name, _ in SOURCE_ALIASES)


_TITLES = re.compile(
    r"^(?:(?:Turkish|Russian|Syrian|U\.S\.|US|Iranian|French|British|German)\s+)?"
    r"(?:President|Foreign\s+Minister|(?:Foreign\s+)?Secretary|(?:leading\s+)?(?:opposition\s+)?figure|Defen[cs]e\s+Minister|Prime\s+Minister|Minister"
    r"|spokesman|spokeswoman|Governor|governor|General|Gen\.|Colonel|Col\.|Major|Lieutenant"
    r"|commander|chief|head|director|official|envoy|producer|analyst|correspondent)\s+"
    r"(?=(?-i:[A-Z]))",  # a title before a name; "spokesman at the hospital" is the source
    re.IGNORECASE,
)
_GENERIC_MONITOR = re.compile(
    # ("a Syria monitor", "the Britain-based monitor": still the monitor not named)
    r"(?:(?:Syria|Syrian|Britain-based|British-based|UK-based|London-based)\s+)?"
    r"(?:(?:war\s+)?monitor(?:ing\s+group)?|monitor\s+group|rights\s+monitor|NGO|watchdog"
    r"|human\s+rights\s+(?:monitor(?:ing\s+group)?|group))",
    re.IGNORECASE,
)


def is_place(phrase: str) -> bool:
    """Whether the phrase is a place name and nothing else ("Urum al-Joz", "Idlib",
    "Northeastern Argentina")."""
    return looks_like_place(_DIRECTION_HEAD.sub("", phrase.strip(" .,")))


# a direction before a place's name: "Northeastern Argentina", "southern Idlib"
_DIRECTION_HEAD = re.compile(
    r"^(?:(?:north|south)(?:-?(?:east|west))?|east|west|central)(?:ern)?\s+(?=[A-Z])",
    re.IGNORECASE,
)


_LEAD_NOISE = frozenset(
    _words(
        """
    meanwhile also however but and earlier later separately today yesterday last on monday
    midnight noon dawn morning afternoon evening night tonight
    tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december
    """
    )
)
# "the NGO however", "a monitoring group AFP Friday" (a headline running into its dateline)
_TAIL_NOISE = _LEAD_NOISE | frozenset(["too", "afp", "reuters", "ap"])
_DOCUMENT = frozenset(["statement", "statements", "communique", "communiqué", "bulletin"])
# Words a source's name does not hold: figures, verbs of the event.
_NOT_A_SOURCE = re.compile(
    r"\d|\b(?:killed|died|dead|wounded|injured|toll|dozens?|hundreds|thousands|airstrikes?"
    r"|facilities|hospitals|raids?|strikes?|attacks?|bombardments?|bombings?|shelling|clashes"
    r"|fighting|explosions?|blasts?|offensive|came|hit|struck)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=16384)
def normalise_source(phrase: str | None, syria: bool = True) -> str | None:
    """The one name of a source ("the Britain-based Observatory" -> the Observatory's name).

    ``syria``: whether the report is on Syria; if not, "state media", "the Civil Defense",
    "the Interior Ministry" are the report's country's own, not Syria's
    (:data:`checker.lexicon.SYRIA_ONLY`). None for a pronoun (resolved by the caller) and
    for nothing at all. Cached: a pure function of its arguments, and articles name the
    same sources again and again (each call searches the phrase for all the aliases).
    """
    if phrase is None or phrase.lower() in PRONOUNS:
        return None
    m = (SOURCE_ALIAS if syria else SOURCE_ALIAS_ABROAD).search(phrase)
    role = _ROLE_AFTER.match(phrase, m.end()) if m is not None and m.group(0).islower() else None
    if role is not None:
        # "civil defense official Ibrahim Abu al-Laith", "a local civil defense official":
        # a body named in lower case, as a description, is not the body itself
        return role.group("name") or _clean(phrase[: role.end("role")])
    if m is not None and m.lastgroup is not None:
        return _CANON[int(m.lastgroup[1:])]
    body = _BODY_SPEAKER.match(phrase)
    if body is not None:
        # "Timbang Crater Monitoring Command Post official Andri Sulistyo", "Sitaro
        # Disaster Mitigation Center (BPBD) head Bob Wuaten": an official speaking for a
        # body the text names is the body's word (tests/gold/README.md, "attribution")
        return _clean(body.group("body"))
    cleaned = _clean(phrase)
    owned = _COUNTRYS.match(cleaned or "")
    if owned is not None and owned.group("country") in DEMONYMS:
        # "China's Ministry of Civil Affairs", "Peru's Civil Defense Institute": the
        # country's body, named as news names it the other way ("Chinese Ministry of ...")
        return f"{DEMONYMS[owned.group('country')]} {owned.group('body')}"
    return cleaned


# a country's possessive before the body it owns (upper- or lower-case: "China's civil
# affairs ministry")
_COUNTRYS = re.compile(r"(?P<country>[A-Z][a-z]+(?: [A-Z][a-z]+)?)['’]s\s+(?P<body>\w.*)$")


def speaker_phrase(phrase: str) -> str:
    """A speaker's phrase without the clause before that ran into it where the text lost
    its commas (FA-KES): a place before a person (:func:`_past_place`), the words before
    sources described (:func:`_generic_sources`)."""
    return _generic_sources(_past_place(phrase))


#: the last word of a place named as a kind of place ("Syrias Ghouta region")
_PLACE_TYPE_WORDS = frozenset("region province countryside governorate suburbs".split())
#: a nation's adjective before a title ("British Foreign Secretary", "U.S. envoy")
_NATIONAL = re.compile(r"(?-i:U\.?S\.?|U\.?N\.?|[A-Z][a-z]+(?:ish|ian|ese|an|i|ch))")


def _past_place(phrase: str) -> str:
    """The speaker without the place the clause before ends with, which runs into it where
    the text lost its commas (FA-KES): "rebel-held areas near Damascus British Foreign
    Secretary William Hague said" -> "British Foreign Secretary William Hague"; "a nerve
    gas attack on Syrias Ghouta region leading opposition figure George Sabra said" ->
    "leading opposition figure George Sabra". Only before a person named at the end (not
    "Aleppo Media Center", "Idlib Health Directorate")."""
    words = phrase.split()
    if len(words) < 4 or not all(w[:1].isupper() for w in words[-2:]):
        return phrase
    for i in range(1, len(words) - 2):
        rest = words[i:]
        if words[i - 1].lower() in _PLACE_TYPE_WORDS and rest[0][:1].islower():
            return " ".join(rest)
        if _NATIONAL.fullmatch(rest[0]) and rest[1][:1].isupper() and is_place(" ".join(words[:i])):
            return " ".join(rest)
    return phrase


def _generic_sources(phrase: str) -> str:
    """Sources described, without the words of the clause before that ran into them where
    the text lost its commas (FA-KES): "in Idleb Meanwhile civil sources said" -> "civil
    sources"; "over the past 48 hours military sources said" -> "military sources"; but
    "Local and media sources", "Opposition sources" (the capital a sentence opens with)."""
    words = phrase.split()
    if len(words) < 2 or words[-1].lower() != "sources":
        return phrase
    k = len(words) - 1
    while k > 0 and words[k - 1][:1].islower() and words[k - 1].lower() not in _SPANS:
        k -= 1
    first = words[0]
    if k == 1 and first[:1].isupper() and not is_place(first) and not gazetteer().country(first):
        k = 0  # "Local sources", "Opposition sources"; not "Syria local sources"
    return " ".join(words[k:])


#: words of a span of time, which end the clause before a source ("48 hours military sources")
_SPANS = frozenset("hours days weeks months years".split())


@lru_cache(maxsize=256)
def body_of_speaker(text: str, name: str) -> str | None:
    """The body ``name`` (a person's full name) is first named speaking for in ``text``
    ("Timbang Crater Monitoring Command Post official Andri Sulistyo"), or None. Cached: once
    per article and name."""
    at = text.find(name)
    if at < 0:
        return None
    phrase = text[max(0, at - 120) : at + len(name)]
    phrase = phrase[max(phrase.rfind(". "), phrase.rfind("  ")) + 1 :].strip()
    for start in [0, *(m.end() for m in re.finditer(r"\s+", phrase))]:
        body = _BODY_SPEAKER.match(phrase, start)
        if body is not None:
            return _clean(body.group("body"))
    return None


# A capitalised body (one of its words an organisation's: not "Turkish President X"), a
# bracketed acronym, a role, and a person's name.
_BODY_SPEAKER = re.compile(
    r"(?-i:(?P<body>(?:[A-Z][\w'’.-]*\s+(?:(?:of|for|the|and|on)\s+)?)*?(?:Center|Centre"
    r"|Committee|Council|Agency|Organi[sz]ation|Ministry|Directorate|Commission|Office|Post"
    r"|Department|Authority|Service|Secretariat|Administration|Bureau|Cross|Crescent|Command"
    r"|Institute|Society|Board|Unit|Management)(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’.-]*"
    r"(?:\s+(?:and\s+)?[A-Z][\w'’.-]*)*)?)(?:\s+\([A-Z]{2,8}\))?\s+"
    r"(?:officials?|head|spokes(?:man|woman|person)|chief|director|coordinator|secretary"
    r"|representative)\s+[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|al-\w+|bin|abu|ibn)){1,3})$"
)


# A role after a body named in lower case, and the person's name after it.
_ROLE_AFTER = re.compile(
    r"\s+(?P<role>officials?|workers?|volunteers?|members?|sources?|spokes(?:man|woman)|chief"
    r"|head|director|rescuers?)(?:\s+(?P<name>(?-i:[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|al-\w+"
    r"|bin|abu|ibn)){1,4})))?\s*$",
    re.IGNORECASE,
)


_WIRE_POSSESSIVE = re.compile(r"\b(AFP|AP|SANA|Reuters|TASS)['’]?s\b")


# media named by what they are, ending a source phrase: "local media", "Kurdish media"
_MEDIA_TAIL = re.compile(
    r"\b(?:local|state|official|state-run|pro-government|opposition"
    rf"|(?!{MONTH_FULL_PATTERN}\b)[A-Z][a-z]+)\s+media$"
)
_JOINT = re.compile(r"\band(?:\s+[A-Z]\w+)?\s+$")


def _clean(phrase: str) -> str | None:
    """A source phrase cleaned of the dates, titles and clause pieces around it."""
    words = [w for w in phrase.strip(" .,").split()]
    while words and (words[0].lower() in _LEAD_NOISE or words[0].lower() in ("a", "an", "the")):
        words.pop(0)  # "Thursday activists", "Meanwhile a source"
    while words and words[-1].lower() in _TAIL_NOISE:
        words.pop()  # "the NGO however"
    while len(words) > 1 and words[-1].lower() in _DOCUMENT:
        words.pop()  # "the Turkish army statement added": the army's word
    cleaned = _TITLES.sub("", " ".join(words)).strip(" .,")
    cleaned = _WIRE_POSSESSIVE.sub(r"\1", cleaned)  # "AFPs correspondent" (apostrophe lost)
    media = _MEDIA_TAIL.search(cleaned)
    if (
        media is not None
        and media.start() > 0
        and not _JOINT.search(cleaned, 0, media.start())  # "Moscow and Syrian official media"
    ):
        # "near the cities of Deir ez-Zor and Raqqa local media reported" (FA-KES lost its
        # commas): the media, not the words run into them
        cleaned = media.group(0)
    if not cleaned or _NOT_A_SOURCE.search(cleaned) or is_place(cleaned):
        return None  # a date, a place or a piece of the clause, not who said it
    return cleaned


_MONITORS = (SOHR, "Syrian Network for Human Rights", "Violations Documentation Center")
_MONITOR_PATTERNS = tuple(
    re.compile(next(p for n, p in SOURCE_ALIASES if n == name), re.IGNORECASE) for name in _MONITORS
)
# A word every alias of each monitor holds (lexicon.SOURCE_ALIASES), in lower case: a plain
# ASCII text holding none of them names that monitor nowhere, which ``in`` tells faster than
# a search of the whole text for the aliases (one of the costlier searches of an article).
_MONITOR_WORDS = (
    ("observatory", "based", "sohr", "rahman"),
    ("network", "snhr"),
    ("documentation", "vdc"),
)


def monitor_name(text: str) -> str | None:
    """The monitoring group an article names, for "a monitor said": SOHR, SNHR or VDC."""
    low = text.lower() if text.isascii() else None  # (ASCII: case folds as the pattern's)
    for name, pattern, needles in zip(_MONITORS, _MONITOR_PATTERNS, _MONITOR_WORDS, strict=True):
        if low is not None and not any(w in low for w in needles):
            continue
        if pattern.search(text):
            return name
    return None


def is_generic_monitor(source: str | None) -> bool:
    """ "a monitor", "the monitoring group", "the NGO": a monitor not named."""
    return source is not None and bool(_GENERIC_MONITOR.fullmatch(source))


# A headline's source after its figure: "... at least 112: monitor", "... kills 14 State
# media", "... | Jordan Times" left out; or before it: "Russian Defense Ministry: More than 100".
_HEADLINE_TAIL = re.compile(
    r"(?:[:\-–]\s*|\s)(?P<src>(?:a\s+)?monitor(?:ing\s+group)?|activists|Observatory|[Ss]tate\s+"
    r"(?:TV|media|television)|SANA|UNICEF|UN|WHO|UNHCR|civil\s+defen[cs]e|Civil\s+Defen[cs]e"
    # the tail: "| anything" or dots and spaces to the end; written as two branches, not
    # "\s*(?:\|[^|]*)?[.\s]*$", whose overlapping runs backtracked quadratically on spaces
    r"|Monitor|Activists|Syrian\s+state\s+TV|NGO)(?:\s*\|[^|]*|[.\s]*"
    # a site's sections after the headline: "... State media - Region - World - Ahram Online"
    r"|(?:\s+[-–]\s+[A-Z][\w ]{0,30}){1,4})$"
)
_HEADLINE_HEAD = re.compile(r"(?P<src>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})\s*:\s")


def headline_source(text: str, start: int, end: int, syria: bool = True) -> str | None:
    """The source a headline-like sentence names without a verb, or None (``syria``: as
    for :func:`normalise_source`)."""
    m = _HEADLINE_TAIL.search(text, start, end)
    if m is not None:
        return normalise_source(m.group("src"), syria)
    m = _HEADLINE_HEAD.search(text, start, min(end, start + 60))
    if m is not None and SOURCE_ALIAS.fullmatch(m.group("src")):
        return normalise_source(m.group("src"), syria)
    return None
