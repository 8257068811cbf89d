"""Who the text says gave a figure: "the United Nations says", "a monitor said",
"according to the Syrian Observatory".

Each reporting cue of a sentence (a reporting verb, or "according to") names a source: the
phrase before the verb ("... killed 26 people a monitoring group said": FA-KES lost most
commas, so the phrase runs back to its determiner, across "for"/"of" inside a name and across
"in"/"at" after a role: "a source at Aleppo Police Command"), the phrase after it when the
order is inverted ("said the source"), or the phrase after "according to". A relative clause
is skipped ("The Observatory which relies on a network of sources inside Syria said").
Well-known sources are normalised to one name ("the Britain-based Observatory", "SOHR",
"Rami Abdel Rahman" -> "Syrian Observatory for Human Rights"); pronouns ("he said", "it
said") take the source named last. A sentence with no cue is the outlet's own statement.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from checker.extract.places import find_places

SOHR = "Syrian Observatory for Human Rights"

# canonical source -> how the corpus names it (acronyms case-sensitive: "WHO" is not "who")
_ALIASES: tuple[tuple[str, str], ...] = (
    (
        SOHR,
        r"Syrian\s+Observatory|(?:British|Britain|UK|London)[\s-]*based\s+(?:war\s+)?(?:monitor"
        r"|Observatory|group|monitoring)|(?-i:\bSOHR\b)|\bObservatory\b|Rami\s+Abdel?\s*-?Rahman"
        r"|Rami\s+Abdulrahman|Rami\s+Abdurrahman|Abdel\s+Rahman",
    ),
    ("Syrian Civil Defence", r"Civil\s+Defen[cs]e|White\s+Helmets"),
    (
        "United Nations Office for the Coordination of Humanitarian Affairs",
        r"(?-i:\bOCHA\b)|Office\s+for\s+the\s+Coordination\s+of\s+Humanitarian\s+Affairs",
    ),
    (
        "UNHCR",
        r"(?-i:\bUNHCR\b)|U\.?N\.?\s+refugee\s+agency|UN\s+High\s+Commissioner\s+for\s+Refugees",
    ),
    ("UNICEF", r"(?-i:\bUNICEF\b)"),
    ("World Health Organization", r"World\s+Health\s+Organi[sz]ation|(?-i:\bWHO\b)"),
    ("United Nations", r"United\s+Nations|\bU\.N\b\.?|(?-i:\bUN\b)|world\s+body"),
    ("International Committee of the Red Cross", r"(?-i:\bICRC\b)|Red\s+Cross"),
    ("Syrian Network for Human Rights", r"Syrian\s+Network\s+for\s+Human\s+Rights|(?-i:\bSNHR\b)"),
    ("Local Coordination Committees", r"Local\s+Coordination\s+Committees|(?-i:\bLCCs?\b)"),
    ("Violations Documentation Center", r"Violations\s+Documentation\s+Cent(?:er|re)|(?-i:\bVDC\b)"),
    ("Syrian Center for Policy Research", r"Syrian\s+Cent(?:er|re)\s+for\s+Policy\s+Research"),
    ("Human Rights Watch", r"Human\s+Rights\s+Watch|(?-i:\bHRW\b)"),
    ("Amnesty International", r"Amnesty"),
    ("Doctors Without Borders", r"Doctors\s+Without\s+Borders|(?-i:\bMSF\b)|Medecins\s+Sans"),
    ("Syrian American Medical Society", r"Syrian\s+American\s+Medical\s+Society|(?-i:\bSAMS\b)"),
    ("SANA", r"(?-i:\bSANA\b)|Syrian\s+Arab\s+News\s+Agency|state\s+news\s+agency"),
    ("Syrian state media", r"state\s+(?:media|TV|television)"),
    (
        "Russian Defence Ministry",
        r"Russian\s+(?:Defen[cs]e\s+Ministry|Ministry\s+of\s+Defen[cs]e|military)"
        r"|Russia['’]?s?\s+(?:Defen[cs]e\s+Ministry|Ministry\s+of\s+Defen[cs]e|military)"
        r"|defen[cs]e\s+ministry\s+in\s+Moscow|Konashenkov",
    ),
    (
        "Russian Foreign Ministry",
        r"Russian\s+Foreign\s+Ministry|Russia['’]?s?\s+foreign\s+ministry",
    ),
    ("Turkish Defence Ministry", r"Turkish\s+Defen[cs]e\s+Ministry"),
    ("Syrian Interior Ministry", r"Interior\s+Ministry|Ministry\s+of\s+Interior"),
    ("High Negotiations Committee", r"High\s+Negotiations\s+Committee|(?-i:\bHNC\b)"),
    ("Kremlin", r"Kremlin"),
    ("Pentagon", r"Pentagon"),
    ("Islamic State group", r"Islamic\s+State|(?-i:\bISIS\b|\bISIL\b|\bIS\b)|Daesh|Amaq"),
)
_ALIAS = re.compile(
    "|".join(f"(?P<a{i}>{pat})" for i, (_, pat) in enumerate(_ALIASES)), re.IGNORECASE
)
_CANON = tuple(name for name, _ in _ALIASES)

_VERB = (
    r"said|says|say|saying|told|tells|reported|reports|added|adding|stated|states|expects"
    r"|warned|warns|predicts|forecasts"
    r"|announced|announces|confirmed|confirms|claimed|claims|estimated|estimates|documented"
    r"|counted|recorded|quoted|noted|explained|indicated|cited|tweeted|wrote|estimate|believe|listed"
    r"|believes|put\s+the\s+"
    r"(?:death\s+)?toll|placed\s+the\s+(?:death\s+)?toll|gave\s+a\s+(?:slightly\s+)?(?:\w+\s+)?toll"
)
_CUE = re.compile(
    rf"(?=[A-Za-z])\b(?:(?P<verb>{_VERB})|(?P<acc>according\s+to|quoting|citing))\b", re.IGNORECASE
)
# "an estimated 170000", "were reported dead": not reporting cues
_NOT_CUE_BEFORE = re.compile(
    r"\b(?:an|some|the|United|been|being|be|were|was|new|media|local|recent|news|press"
    r"|unconfirmed|initial|earlier|these|those|such)\s+$",
    re.IGNORECASE,
)
_NOT_CUE_AFTER = re.compile(
    r"\s+(?:dead|killed|missing|wounded|injured|to\s+have|to\s+be|the\s+lives?|the\s+life"
    r"|responsibility|control|of)\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z.'’-]*[A-Za-z]|[A-Za-z]|\d+|[^\sA-Za-z\d]")
_PRONOUN = frozenset("he she it they we i".split())
_SKIP_BEFORE_VERB = frozenset(
    """also earlier later further previously separately had has have reportedly initially
    then now already had""".split()
)
_BACK_STOP = frozenset(
    """that which who whom while and but as when after before since because if said says told
    reported killed killing were was is are be been on in at from by to for with including
    where than other others people civilians of the a an""".split()
)
_INNER = frozenset("for of the and".split())  # inside a name: "Observatory for Human Rights"
_ROLE = frozenset(
    """reporter reporters source sources official officials activist activists correspondent
    spokesman spokeswoman director doctor resident residents commander governor head chief
    journalist journalists photographer witness ministry command office agency""".split()
)
# A capitalised name of an organisation ("Aleppo Media Center", "Ariha Today" is not one).
_ORG_NAME = re.compile(
    r"(?-i:^[A-Z][\w'’.-]*(?:\s+(?:for|of|the|and|[A-Z][\w'’.-]*))*\s+(?:Center|Centre|Committee"
    r"|Council|Network|Agency|Media|Organi[sz]ation|Ministry|Directorate|Commission|Coalition"
    r"|Union|TV|Office|Front|Institute|Foundation|Society)$)"
)
_NAME_BEFORE = re.compile(r"(?-i:[A-Z][\w'’-]+\s+)$")
# "Turkish President Tayyip Erdogan", "Kremlin spokesman Dmitry Peskov": a person, by title.
_PERSON = re.compile(
    r"(?-i:(?:President|Minister|[Ss]pokesman|[Ss]pokeswoman|Governor|[Cc]hief|[Dd]irector"
    r"|[Cc]ommander|[Ee]nvoy|[Aa]mbassador|[Ss]ecretary|General)\s+(?P<name>(?:[A-Z][\w'’-]+\s+)"
    r"{0,2}[A-Z][\w'’-]+))"
)
_WIRES = frozenset("reuters afp ap sputnik tass sana anadolu".split())
_SOURCE_NOUNS = _ROLE | frozenset(
    """observatory monitor group groups ministry agency statement report reports committee
    committees council command army military media tv television network center centre
    organization organisation directorate police officer officers medics doctors analysts
    workers defence defense ngo watchdog coalition authorities forces government channel
    broadcaster website sources experts hospital member members collective""".split()
)
_FORWARD_STOP = frozenset(
    """that which who whom while and but as when after before since because if on in at from
    by to for with including where said says told reported adding added""".split()
)
_DETERMINERS = frozenset("a an the".split())
_TITLES = re.compile(
    r"^(?:(?:Turkish|Russian|Syrian|U\.S\.|US|Iranian|French|British|German)\s+)?"
    r"(?:President|Foreign\s+Minister|Defen[cs]e\s+Minister|Prime\s+Minister|Minister"
    r"|spokesman|spokeswoman|Governor|governor|General|Gen\.|Colonel|Col\.|Major|Lieutenant"
    r"|commander|chief|head|director|official|envoy|producer|analyst|correspondent)\s+",
    re.IGNORECASE,
)
_GENERIC_MONITOR = re.compile(
    r"(?:war\s+)?monitor(?:ing\s+group)?|monitor\s+group|rights\s+monitor|NGO|watchdog"
    r"|human\s+rights\s+(?:monitor(?:ing\s+group)?|group)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting verb or "according to" in a sentence, with the source it names."""

    start: int
    end: int
    source: str | None  #: normalised source; None: a pronoun or nothing, to resolve
    pronoun: bool = False
    cited: bool = False  #: "according to", "citing", "quoting"
    participle: bool = False  #: "adding", "saying": the subject of the clause before


def find_cues(text: str, start: int, end: int, barriers: Sequence[int] = ()) -> list[Cue]:
    """The reporting cues in ``text[start:end]`` and who each names.

    ``barriers`` are offsets a source phrase may not reach back across (the ends of the
    counted phrases: "the death of over 100 militants media reported": "media", not
    "militants media").
    """
    cues: list[Cue] = []
    for m in _CUE.finditer(text, start, end):
        if m.group("verb") is not None and (
            _NOT_CUE_BEFORE.search(text, max(start, m.start() - 10), m.start())
            or _NOT_CUE_AFTER.match(text, m.end())
            or (m.group(0)[:1].isupper() and _NAME_BEFORE.search(text, max(start, m.start() - 30), m.start()))
        ):
            continue  # "an estimated 170000", "reported dead", "Sheikh Said" (a place)
        floor = max([start, *(b for b in barriers if b <= m.start())])
        if m.group("acc") is not None:
            phrase = _forward(text, m.end(), end)
            if not _ALIAS.search(phrase or ""):  # "according to a new report by [the SCPR]"
                named = _ALIAS.search(text, m.end(), min(end, m.end() + 80))
                phrase = named.group(0) if named is not None else phrase
            cues.append(Cue(m.start(), m.end(), normalise_source(phrase), cited=True))
            continue
        if m.group("verb").lower() in ("adding", "saying"):
            cues.append(Cue(m.start(), m.end(), None, participle=True))
            continue
        phrase = _backward(text, floor, m.start())
        if phrase is not None and phrase.lower() in _PRONOUN:
            # "Turkish President Tayyip Erdogan threatened ... he said": the person named
            person = None
            for p in _PERSON.finditer(text, start, m.start()):
                person = p.group("name")
            cues.append(Cue(m.start(), m.end(), person, pronoun=person is None))
            continue
        if not _is_source_like(phrase):
            phrase = None
            if m.group("verb").lower() not in ("told", "tells"):  # "said the source"
                after = _forward(text, m.end(), end)
                if _is_source_like(after) and after.split()[0].lower() not in _WIRES:
                    phrase = after
        if phrase is None:
            phrase = _alias_before(text, floor, m.start())
        cues.append(Cue(m.start(), m.end(), normalise_source(phrase)))
    return cues


def _backward(text: str, floor: int, pos: int) -> str | None:
    """The phrase ending at ``pos``: back to its determiner, a clause word or punctuation."""
    found = list(_TOKEN.finditer(text, max(floor, pos - 160), pos))
    while found and found[-1].group(0).lower() in _SKIP_BEFORE_VERB:
        found.pop()
    tokens = [m.group(0) for m in found]
    words: list[str] = []
    k = len(tokens)
    while k > 0 and len(words) < 10:
        k -= 1
        tok = tokens[k]
        low = tok.lower()
        if tok == ")":  # "(OCHA)": an acronym in brackets
            while k > 0 and tokens[k] != "(":
                k -= 1
            continue
        if not tok[0].isalpha() and tok != "-":
            break
        prev = tokens[k - 1] if k > 0 else ""
        last_cap = words and (
            words[-1][:1].isupper() or (words[-1] == "the" and len(words) > 1 and words[-2][:1].isupper())
        )
        if low in _INNER and last_cap and (
            prev[:1].isupper() or (low == "the" and prev.lower() in ("for", "of"))
        ):
            words.append(tok)  # "Observatory for Human Rights", "Office for the Coordination"
            continue
        if low in ("in", "at", "from") and words and words[-1][:1].isupper() and (
            prev.lower() in _ROLE
        ):
            words.append(tok)  # "a source at Aleppo Police Command", "reporter in Aleppo"
            continue
        if low in _DETERMINERS:
            words.append(tok)
            # "The Aleppo Media Center an activist collective said": the name in apposition.
            if low in ("a", "an") and k > 0 and tokens[k - 1][:1].isupper():
                name = _backward(text, floor, found[k].start())
                if name is not None and _ORG_NAME.search(name):
                    return name
            break
        if low in _BACK_STOP and not (low == "and" and words and len(words) <= 4):
            if low in ("which", "who") and words:
                subject = _backward(text, floor, found[k].start())
                if _is_source_like(subject):
                    return subject
            break
        if low in _PRONOUN and not words:
            return low
        words.append(tok)
    # "The Observatory which relies on a network of contacts inside Syria said": the subject
    # is before the relative clause.
    back = [t.group(0).lower() for t in found[max(0, k - 6) : k + 1]]
    if ("which" in back or "who" in back) and not _is_source_like(" ".join(reversed(words)), True):
        at = max(i for i, w in enumerate(back) if w in ("which", "who"))
        subject = _backward(text, floor, found[max(0, k - 6) + at].start())
        if _is_source_like(subject):
            return subject
    words.reverse()
    while words and words[0].lower() in ("and", "for", "of", "the", "in", "at"):
        words.pop(0)
    if not words:
        return None
    # "a very conservative figure Mardini said": keep the name at the end.
    caps = 0
    while caps < len(words) and words[-1 - caps][:1].isupper():
        caps += 1
    if 0 < caps < len(words) and not any(w[:1].isupper() for w in words[: -caps]):
        if words[-caps - 1].lower() not in _ROLE | _INNER | {"in", "at", "from"}:
            words = words[-caps:]
    return " ".join(words)


def _forward(text: str, pos: int, end: int) -> str | None:
    """The phrase starting at ``pos`` ("according to [the Syrian Observatory ...]")."""
    tokens = [m.group(0) for m in _TOKEN.finditer(text, pos, min(end, pos + 120))]
    words: list[str] = []
    for i, tok in enumerate(tokens):
        low = tok.lower()
        if not tok[0].isalpha() and tok != "-":
            break
        if not words and low in _FORWARD_STOP | {"on", "late", "earlier", "last", "this"}:
            return None  # "said on Tuesday", "said that ...": no source after the verb
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if low in _INNER and words and words[-1][:1].isupper() and nxt[:1].isupper():
            words.append(tok)
            continue
        if low in _FORWARD_STOP and words:
            break
        if low in _DETERMINERS and not words:
            continue
        if low in _PRONOUN and not words:
            return None
        words.append(tok)
        if len(words) >= 8:
            break
    return " ".join(words) if words else None


def _alias_before(text: str, floor: int, pos: int) -> str | None:
    """The last well-known source named shortly before ``pos`` ("... the Observatory which
    relies on a network of sources inside Syria said")."""
    last = None
    for m in _ALIAS.finditer(text, max(floor, pos - 100), pos):
        last = m
    return last.group(0) if last is not None else None


def _is_source_like(phrase: str | None, strict: bool = False) -> bool:
    """A known source, a phrase headed by a source noun ("local activists"), or (unless
    ``strict``) a name - but not a place ("inside Syria")."""
    if not phrase:
        return False
    if _ALIAS.search(phrase):
        return True
    words = phrase.split()
    if words[-1].lower() in _SOURCE_STEMS or words[-1].lower().rstrip("s") in _SOURCE_STEMS:
        return True
    if strict:
        return False
    names = [w for w in words if w[:1].isupper()]
    if not names:
        return False
    places = find_places(phrase)
    return not (places and all(any(p.start <= phrase.find(w) < p.end for p in places) for w in names))


_SOURCE_STEMS = frozenset(w.rstrip("s") for w in _SOURCE_NOUNS) | _SOURCE_NOUNS


def normalise_source(phrase: str | None) -> str | None:
    """The one name of a source ("the Britain-based Observatory" -> the Observatory's name).

    None for a pronoun (resolved by the caller) and for nothing at all.
    """
    if phrase is None or phrase.lower() in _PRONOUN:
        return None
    m = _ALIAS.search(phrase)
    if m is not None and m.lastgroup is not None:
        return _CANON[int(m.lastgroup[1:])]
    words = re.sub(r"^(?:an?|the)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    words = _TITLES.sub("", words).strip(" .,")
    return words or None


def monitor_name(text: str) -> str | None:
    """The monitoring group an article names, for "a monitor said": SOHR, SNHR or VDC."""
    for name in (SOHR, "Syrian Network for Human Rights", "Violations Documentation Center"):
        pattern = next(p for n, p in _ALIASES if n == name)
        if re.search(pattern, text, re.IGNORECASE):
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
    r"|Monitor|Activists|Syrian\s+state\s+TV|NGO)\s*(?:\|[^|]*)?[.\s]*$"
)
_HEADLINE_HEAD = re.compile(r"(?P<src>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})\s*:\s")


def headline_source(text: str, start: int, end: int) -> str | None:
    """The source a headline-like sentence names without a verb, or None."""
    m = _HEADLINE_TAIL.search(text, start, end)
    if m is not None:
        return normalise_source(m.group("src"))
    m = _HEADLINE_HEAD.search(text, start, min(end, start + 60))
    if m is not None and _ALIAS.fullmatch(m.group("src")):
        return normalise_source(m.group("src"))
    return None
