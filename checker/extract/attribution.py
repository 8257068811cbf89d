"""Who the text says gave a figure: "the United Nations says", "a monitor said",
"according to the Syrian Observatory".

Each reporting cue of a sentence (a reporting verb, or "according to") names a source: the
phrase before the verb ("... killed 26 people a monitoring group said": FA-KES lost most
commas, so the phrase runs back to its determiner, across "for"/"of" inside a name and across
"in"/"at" after a role: "a source at Aleppo Police Command"), the phrase after it when the
order is inverted ("said the source"), or the phrase after "according to". A relative clause
is skipped ("The Observatory which relies on a network of sources inside Syria said").
Well-known sources are normalised to one name by :mod:`.sources` ("the Britain-based
Observatory", "SOHR", "Rami Abdel Rahman" -> "Syrian Observatory for Human Rights"); pronouns
("he said", "it said") and anaphors ("the ministry said") take the source named before. A
sentence with no cue is the outlet's own statement. The phrases are read by
:mod:`.speaker_phrases`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from checker.extract.sources import PRONOUNS, is_place, normalise_source, speaker_phrase
from checker.extract.speaker_phrases import (
    alias_before,
    backward,
    described,
    forward,
    is_source_like,
)
from checker.lexicon import SOURCE_ALIAS as ALIAS
from checker.lexicon import WEEKDAY_PATTERN

_VERB = (
    r"said|says|say|saying|told|tells|reported|reports|added|adding|stated|states|expects"
    r"|warned|warns|predicts|forecasts"
    r"|announced|announces|confirmed|confirms|claimed|claims|claim|estimated|estimates|documented"
    r"|reporting|report(?=\s+that\b)|fears?(?=\s+that\b)"
    r"|counted|recorded|quoted|noted|explained|indicated|cited|tweeted|wrote|estimate|believe|listed"
    r"|pointed\s+out|points\s+out|went\s+on\s+to\s+say|goes\s+on\s+to\s+say"
    r"|believes|put\s+the\s+"
    r"(?:death\s+)?toll|placed\s+the\s+(?:death\s+)?toll|gave\s+a\s+(?:slightly\s+)?(?:\w+\s+)?toll"
)
_CUE = re.compile(  # IGNORECASE scoped after a cheap look-ahead: see numbers._ATOM
    rf"(?=[A-Za-z])\b(?i:(?P<verb>{_VERB})|(?P<acc>according\s+to|quoting|citing))\b"
)
# "an estimated 170000", "were reported dead": not reporting cues
_NOT_CUE_BEFORE = re.compile(r"\b(?:an|some|the|United|been|being|be|were|was)\s+$", re.IGNORECASE)
# "media reports", "new report", "unconfirmed claims": nouns, not verbs
_NOUN_BEFORE = re.compile(
    r"\b(?:new|media|local|recent|news|press|unconfirmed|initial|earlier|these|those|such"
    # "Eight states have been affected", "two reports": counted, so nouns
    r"|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|all|both"
    r"|\d[\d,]*)\s+$",
    re.IGNORECASE,
)
# "46 confirmed injuries", "12 reported cases": a participle after a count is its adjective
_COUNT_BEFORE = re.compile(r"\b\d[\d,.]*\s+$")
_NOUN_LIKE = frozenset(["reports", "report", "claims", "estimates", "estimate", "states"])
_NOT_CUE_AFTER = re.compile(
    r"\s+(?:dead|killed|missing|wounded|injured|to\s+have|to\s+be|the\s+lives?|the\s+life"
    r"|responsibility|control|of|number\s+of)\b",  # "Estimated number of": an adjective
    re.IGNORECASE,
)
#: where a sentence's figures start, after "according to"
_FIGURE_AHEAD = re.compile(r"\d")
_PRONOUN = PRONOUNS
_NAME_BEFORE = re.compile(r"(?-i:[A-Z][\w'’-]+\s+)$")
# "Turkish President Tayyip Erdogan", "Kremlin spokesman Dmitry Peskov": a person, by title.
_PERSON = re.compile(
    r"(?-i:(?:President|Minister|[Ss]pokesman|[Ss]pokeswoman|Governor|[Cc]hief|[Dd]irector"
    r"|[Cc]ommander|[Ee]nvoy|[Aa]mbassador|[Ss]ecretary|General)\s+(?P<name>(?:[A-Z][\w'’-]+\s+)"
    r"{0,2}[A-Z][\w'’-]+))"
)
_WIRES = frozenset(["reuters", "afp", "ap", "sputnik", "tass", "sana", "anadolu"])


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting verb or "according to" in a sentence, with the source it names."""

    start: int
    end: int
    source: str | None  #: normalised source; None: a pronoun or nothing, to resolve
    pronoun: bool = False
    cited: bool = False  #: "according to", "citing", "quoting"
    participle: bool = False  #: "adding", "saying": the subject of the clause before
    anaphor: str | None = None  #: "the group", "the ministry": a source named before
    raw: str | None = None  #: the phrase as written, when it normalised to nothing
    #: a list's heading naming whose figures follow ("Here are the latest statistics from
    #: the Fire and Disaster Management Agency as of Friday:"): the items after it are theirs
    heading: bool = False


def find_cues(
    text: str, start: int, end: int, barriers: Sequence[int] = (), syria: bool = True
) -> list[Cue]:
    """The reporting cues in ``text[start:end]`` and who each names.

    ``barriers`` are offsets a source phrase may not reach back across (the ends of the
    counted phrases: "the death of over 100 militants media reported": "media", not
    "militants media"). ``syria``: whether the report is on Syria
    (:func:`checker.extract.sources.normalise_source`).
    """
    cues: list[Cue] = []
    # bounds: barriers found by bisect, and the persons of the sentence found once, not
    # for every cue of a long sentence
    bars = sorted(barriers)
    persons: list[re.Match[str]] | None = None
    person_ends: list[int] = []
    for m in _CUE.finditer(text, start, end):
        verb = m.group("verb")
        if verb is not None and (
            _NOT_CUE_BEFORE.search(text, max(start, m.start() - 10), m.start())
            or (
                verb.lower() in _NOUN_LIKE
                and _NOUN_BEFORE.search(text, max(start, m.start() - 14), m.start())
            )
            or (_NOT_CUE_AFTER.match(text, m.end()) and "toll" not in verb.lower())
            or (
                verb.lower().endswith("ed")
                and _COUNT_BEFORE.search(text, max(start, m.start() - 14), m.start())
            )
            or (
                m.group(0)[:1].isupper()
                and _NAME_BEFORE.search(text, max(start, m.start() - 30), m.start())
            )
        ):
            continue  # "an estimated 170000", "reported dead", "Sheikh Said" (a place)
        below = bisect.bisect_right(bars, m.start())
        floor = max(start, bars[below - 1]) if below else start
        if m.group("acc") is not None:
            phrase = forward(text, m.end(), end)
            doc = _DOCUMENT_BY.match(text, m.end(), end)
            if doc is not None:  # "according to recommendations from the NCCC": its author
                phrase = forward(text, doc.end(), end) or phrase
                body = _BODY_HEAD.match(phrase or "")
                if body is not None:
                    # "figures compiled by the Syrian Coalitions media office Aleppo bore
                    # the brunt": the body ends with its head noun (FA-KES lost the comma)
                    phrase = body.group(0)
            if not ALIAS.search(phrase or ""):
                # "according to a new report by [the SCPR]" (but not past the figure: "According
                # to the ANF News media outlet 12 Daesh members were killed")
                ahead = _FIGURE_AHEAD.search(text, m.end(), min(end, m.end() + 80))
                named = ALIAS.search(
                    text, m.end(), ahead.start() if ahead else min(end, m.end() + 80)
                )
                phrase = named.group(0) if named is not None else phrase
            if doc is None and _BARE_DOCUMENT.match(text, m.end(), end):
                # "An opposition monitoring group citing figures compiled from clinics ...
                # put the death toll at 494": figures cite no one (the subject gives them)
                cues.append(Cue(m.start(), m.end(), None, cited=True))
                continue
            source = normalise_source(phrase, syria)
            raw = phrase if source is None else None
            cues.append(Cue(m.start(), m.end(), source, cited=True, raw=raw))
            continue
        if m.group("verb").lower() in ("adding", "saying"):
            cues.append(Cue(m.start(), m.end(), None, participle=True))
            continue
        phrase = backward(text, floor, m.start())
        if phrase is not None and is_place(phrase):
            # "An official in the Turkish town of Suruc said": the role before the place
            role = _ROLE_IN_PLACE.search(text, max(floor, m.start() - 80), m.start())
            if role is not None:  # "spokesman at the hospital in Kafr Takharim in Idlib"
                phrase = role.group(0).strip()
        if phrase is not None and phrase.lower() in _PRONOUN:
            # "Turkish President Tayyip Erdogan threatened ... he said": the person named
            if persons is None:
                persons = list(_PERSON.finditer(text, start, end))
                person_ends = [p.end() for p in persons]
            before = bisect.bisect_right(person_ends, m.start())
            person = persons[before - 1].group("name") if before else None
            cues.append(Cue(m.start(), m.end(), person, pronoun=person is None))
            continue
        if phrase is not None and " the " in phrase and phrase[:1].isupper():
            head, _, tail = phrase.partition(" the ")
            if is_place(head) and is_source_like(tail):
                # "east of Dabiq the Turkish army said" (FA-KES lost the comma): the place
                # ends the clause before, the source is after it
                phrase = tail
        if phrase is not None:
            phrase = speaker_phrase(phrase)
        if (phrase is None or is_place(phrase)) and cues and cues[-1].cited:
            cited = cues[-1]
            if text[cited.start : cited.end].lower() in ("citing", "quoting"):
                # "An opposition monitoring group citing figures compiled from clinics in
                # the Damascus suburbs put the death toll at 494": the subject before
                # "citing" gives the figure
                phrase = backward(text, floor, cited.start) or phrase
        if phrase is not None and phrase[:1].islower():
            at = text.rfind(phrase, floor, m.start())
            if at > 0 and _TO_BEFORE.search(text, max(floor, at - 4), at):
                # "defected from the loyalist army to join opposition forces said the
                # Observatory": an infinitive's object, no speaker
                phrase = None
        if not is_source_like(phrase) and not described(text, floor, m.start()):
            phrase = None
            if m.group("verb").lower() not in ("told", "tells"):  # "said the source"
                after = forward(text, m.end(), end)
                if after is not None:
                    # "reported Monday it had launched 10 air strikes": a day, then a clause
                    after = _DAY_FIRST.sub("", after) or None
                if (
                    after is not None
                    and is_source_like(after)
                    and after.split()[0].lower() not in _WIRES
                    and after.split()[0].lower() not in _CLAUSE_START
                ):
                    phrase = after
        if phrase is None:
            phrase = alias_before(text, floor, m.start())
        anaphor = _ANAPHOR.fullmatch(phrase or "")
        if anaphor is not None:
            cues.append(Cue(m.start(), m.end(), None, anaphor=anaphor.group(1).lower()))
            continue
        if phrase == "sources" and _THE_SOURCES.search(text, max(floor, m.start() - 20), m.start()):
            cues.append(Cue(m.start(), m.end(), None, anaphor="sources"))
            continue
        cues.append(Cue(m.start(), m.end(), normalise_source(phrase, syria)))
    for h in _HEADING.finditer(text, start, end):
        colon = text.find(":", h.end(), min(end, h.end() + _HEADING_REACH))
        if colon < 0:
            continue  # "figures from the ministry show ...": a statement, not a heading
        phrase = forward(text, h.end(), colon)
        body = _BODY_HEAD.match(phrase or "")
        source = normalise_source(body.group(0) if body else phrase, syria)
        if source is not None:
            cues.append(Cue(h.start(), h.end(), source, cited=True, heading=True))
    for c in _CITATION.finditer(text, start, end):
        # a report's citation: "... with up to 3,000 still displaced (OCHA, 20 September 2005)"
        cues.append(Cue(c.start(), c.end(), normalise_source(c.group("src"), syria), cited=True))
    return sorted(cues, key=lambda cue: cue.start)


#: a body's name up to its head noun ("the Syrian Coalitions media office")
_BODY_HEAD = re.compile(
    r".*?\b(?:office|ministry|cent(?:er|re)|agency|council|committee|department|directorate"
    r"|authority|commission|network|observatory)\b(?=\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)
#: what "citing" or "according to" may name that is no source: figures with no author
#: ("citing figures compiled from clinics"; not "figures from the Health Ministry")
_BARE_DOCUMENT = re.compile(
    r"\s+(?:(?:the|a|an|its|their|new|latest|recent|preliminary|official|initial)\s+)*"
    r"(?:figures|data|statistics|numbers|tallies|records)\b"
    r"(?![^.]{0,40}?\b(?:from|by|of)\s+(?:the\s+)?(?-i:[A-Z]))",
    re.IGNORECASE,
)
_DAY_FIRST = re.compile(
    rf"^(?:on\s+)?(?:{WEEKDAY_PATTERN}|today|yesterday)(?:\s+|$)", re.IGNORECASE
)
#: words a clause starts with, not a source's name ("reported it had launched ...")
_CLAUSE_START = frozenset("it they he she we there this that these those".split())
_TO_BEFORE = re.compile(r"\bto\s+$", re.IGNORECASE)
_DOCUMENT_BY = re.compile(
    r"\s+(?:the\s+|a\s+|an\s+)?(?:(?:new|latest|recent|preliminary|official|initial)\s+)?"
    r"(?:recommendations?|reports?|figures|data|statistics|estimates?|statements?|assessments?"
    r"|tallies|tally|information)\s+"
    r"(?:(?:compiled|gathered|collected|released|issued|published|provided)\s+)?(?:from|by|of)\s+"
    r"(?:the\s+)?"
    r"(?=(?-i:[A-Z]))",
    re.IGNORECASE,
)
#: a heading naming whose figures the list after its colon gives: "Here are the latest
#: statistics from the Japanese government's Fire and Disaster Management Agency ... as of
#: Friday, Sept. 18:", "Figures released by the NDRRMC:"
_HEADING = re.compile(
    r"\b(?:statistics|figures|numbers|data|tall(?:y|ies)|breakdown)\s+"
    r"(?:(?:compiled|gathered|collected|released|issued|published|provided)\s+)?(?:from|by)\s+"
    r"(?:the\s+)?(?=(?-i:[A-Z]))",
    re.IGNORECASE,
)
#: how far after its source a heading's colon may come
_HEADING_REACH = 160
_CITATION = re.compile(
    r"\((?P<src>(?-i:[A-Z])[\w&.’' -]{1,60}?),?\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?"
    r"(?:19|20)\d\d\)"
)
_ROLE_IN_PLACE = re.compile(
    r"\b(?P<role>official|source|activist|resident|spokesman|doctor|journalist|correspondent)s?"
    r"\s+(?:in|at|from)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,6}?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*\s*$"
)


# "The group also listed ...", "the ministry said", "The report said": a source named before.
_ANAPHOR = re.compile(
    r"(?:(?:the|The)\s+)?(group|ministry|agency|report|statement|organi[sz]ation|network|committee"
    r"|council|army|military|source|official|volunteer\s+group)"
)
# "... the sources went on to say": the sources named before ("Military sources")
_THE_SOURCES = re.compile(r"\bthe\s+sources\s+$", re.IGNORECASE)


#: how many sources back an anaphor may refer (bound: not every source of a long text)
_ANAPHOR_REACH = 50


def resolve_anaphor(noun: str, earlier: Sequence[str]) -> str | None:
    """The source an anaphor ("the ministry") refers to: the latest one whose name holds its
    noun, or for "the group"/"the report"/"the source", the latest one named."""
    for name in reversed(earlier[-_ANAPHOR_REACH:]):
        if noun.split()[-1] in name.lower() or noun in ("group", "report", "statement", "source"):
            return name
    return None
