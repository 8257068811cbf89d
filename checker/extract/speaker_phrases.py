"""The phrase naming who speaks, read off the words around a reporting cue
(:mod:`checker.extract.attribution`): back from a verb to its subject's determiner ("... a
monitoring group said"), forward from "according to" or an inverted verb ("said the
source"), and whether a phrase is a source at all (a known body, a phrase headed by a
source noun, a name that is not a place).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from checker.extract.places import place_spans
from checker.extract.sources import PRONOUNS, is_place
from checker.lexicon import SOURCE_ALIAS as ALIAS

_PRONOUN = PRONOUNS


def _words(text: str) -> list[str]:
    """A word list written as one string."""
    return text.split()


_TOKEN = re.compile(r"[A-Za-z][A-Za-z.'’-]*[A-Za-z]|[A-Za-z]|\d+|[^\sA-Za-z\d]")
# after "according to", an abbreviation with its stops is one word: "the U.S. Air Force",
# not "U.S" (not before a reporting verb: "At the U.N. British Foreign Secretary Boris
# Johnson said" is Johnson's)
_FORWARD_TOKEN = re.compile(rf"[A-Z](?:\.[A-Z])+\.(?![-\w])|{_TOKEN.pattern}")
_SKIP_BEFORE_VERB = frozenset(
    _words(
        """
    also earlier later further previously separately had has have reportedly initially
    then now already had are is
    """
    )
)
_BACK_STOP = frozenset(
    _words(
        """
    that which who whom while and but as when after before since because if said says
    told reported updated posted published killed killing injured wounded dead died martyred
    were was is are be
    been on in at from by to for with including where than other others people civilians
    of the a an
    """
    )
)
_TIME_WORDS = frozenset(
    _words(
        """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    overnight earlier later
    """
    )
)
_INNER = frozenset(["for", "of", "the", "and"])  # inside a name: "Observatory for Human Rights"
_ROLE = frozenset(
    _words(
        """
    reporter reporters source sources official officials activist activists
    correspondent spokesman spokeswoman director doctor resident residents commander
    governor head chief journalist journalists photographer witness ministry command
    office agency authorities police government neurologist surgeon physician nurse medic
    paramedic rescuer volunteer
    """
    )
)
# Posts a person is described by in an apposition ("Name, producer for TRT World, said").
_POSTS = frozenset(
    _words(
        """
    producer editor chairperson chairman chairwoman minister president secretary adviser
    advisor manager coordinator representative analyst expert researcher professor
    """
    )
)
# A capitalised name of an organisation ("Aleppo Media Center", "Ariha Today" is not one).
_ORG_NAME = re.compile(
    r"(?-i:^[A-Z][\w'’.-]*(?:\s+(?:for|of|the|and|[A-Z][\w'’.-]*))*\s+(?:Center|Centre|Committee"
    r"|Council|Network|Agency|Media|Organi[sz]ation|Ministry|Directorate|Commission|Coalition"
    r"|Union|TV|Office|Front|Institute|Foundation|Society)"
    # what it is for: "Syrian Center for Policy Research", "Office for the Coordination of ..."
    r"(?:\s+(?:for|of|on)(?:\s+(?:the|of|and|[A-Z][\w'’.-]*))+)?$)"
)
# A person's name: "Ibrahim al-Assad", "Doctor Ibrahim al-Assad", "Wol Anyei Anyei".
_PERSON_NAME = re.compile(
    r"(?-i:(?:(?:Doctor|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)\s+)?[A-Z][a-z]+(?:\s+(?:[A-Z][a-z'’-]+|(?:al|el|bin"
    r"|abu|ibn)-?[A-Za-z'’-]*)){1,3})"
)
_SOURCE_NOUNS = _ROLE | frozenset(
    _words(
        """
    observatory monitor group groups ministry agency statement report reports committee
    committees council command army military media tv television network center centre
    organization organisation directorate police officer officers medics doctors
    analysts workers defence defense ngo watchdog coalition authorities forces
    government channel broadcaster website sources experts hospital member members
    collective minister ministers mayor president premier spokesperson chairman secretary
    administrator commissioner coordinator representative envoy sheriff prosecutor coroner
    examiner marshal press
    """
    )
)
_FORWARD_STOP = frozenset(
    _words(
        """
    that which who whom while and but as when after before since because if on in at
    from by to for with including where said says told reported adding added
    """
    )
)
_DETERMINERS = frozenset(["a", "an", "the"])


def described(text: str, floor: int, pos: int) -> bool:
    """Whether the phrase before a reporting verb at ``pos`` is described by a post in
    apposition ("Emmanuel Akweti, the local minister for the capital's inner city, told"):
    a person, whatever the gazetteer makes of the name."""
    tokens = [t.group(0) for t in _TOKEN.finditer(text, max(floor, pos - 160), pos)]
    return _apposition(tokens) is not None


def _apposition(tokens: Sequence[str]) -> int | None:
    """Where the comma opening a post in apposition is, when the last token (a comma) closes
    one ("Obaida Hitto, producer for state-run TRT World,"), else None."""
    if len(tokens) < 2 or tokens[-1] != ",":
        return None
    commas = [k for k in range(len(tokens) - 1) if tokens[k] == ","]
    if not commas:
        return None
    between = (w.lower() for w in tokens[commas[-1] + 1 : -1])
    return commas[-1] if any(w in _ROLE or w in _POSTS for w in between) else None


def backward(text: str, floor: int, pos: int, depth: int = 0) -> str | None:
    """The phrase ending at ``pos``: back to its determiner, a clause word or punctuation.

    It looks further back (a name in apposition, a relative clause's subject) at most
    :data:`_BACK_DEPTH` times: "The A a B a C ... said" made it recurse over the whole
    sentence.
    """
    found = list(_TOKEN.finditer(text, max(floor, pos - 160), pos))
    if len(found) > 1 and found[-1].group(0) == ",":
        at = _apposition([t.group(0) for t in found])
        if depth < _BACK_DEPTH and at is not None:
            # "Obaida Hitto, producer for state-run TRT World, said": the person before
            return backward(text, floor, found[at].start(), depth + 1)
        if found[-2].group(0)[:1].isupper():
            found.pop()  # "The country's disaster management agency, CONRED, say": the name
    while found and (
        found[-1].group(0).lower() in _SKIP_BEFORE_VERB or found[-1].group(0) in ("both", "all")
    ):
        found.pop()  # (not "Peter Lam Both": a name)
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
            words[-1][:1].isupper()
            or (words[-1] == "the" and len(words) > 1 and words[-2][:1].isupper())
        )
        if (
            low in _INNER
            and last_cap
            and (prev[:1].isupper() or (low == "the" and prev.lower() in ("for", "of")))
        ):
            words.append(tok)  # "Observatory for Human Rights", "Office for the Coordination"
            continue
        if (
            low in ("in", "at", "from")
            and words
            and (words[-1][:1].isupper() or words[-1] == "the")
            and (prev.lower() in _ROLE)
        ):
            words.append(tok)  # "a source at Aleppo Police Command", "reporter in Aleppo"
            continue
        if low in _DETERMINERS:
            if (
                low == "the"
                and k > 1
                and tokens[k - 1].lower() in ("in", "at", "from")
                and tokens[k - 2].lower() in _ROLE
            ):
                words.append(tok)  # "AFPs correspondent in the town said"
                continue
            words.append(tok)
            # "The Aleppo Media Center an activist collective said", "Doctor Ibrahim
            # al-Assad a neurologist in Saraqib said": the name in apposition.
            if (
                low in ("a", "an")
                and k > 0
                and _is_name_part(tokens[k - 1])
                and depth < _BACK_DEPTH
            ):
                name = backward(text, floor, found[k].start(), depth + 1)
                if (
                    name is not None
                    and (_ORG_NAME.search(name) or _PERSON_NAME.fullmatch(name))
                    and not is_place(name)
                ):
                    return name  # (not "in the province of Deir Ezzor a monitor said")
            break
        if low in _BACK_STOP and not (low == "and" and words and len(words) <= 4):
            if low in ("which", "who") and words and depth < _BACK_DEPTH:
                subject = backward(text, floor, found[k].start(), depth + 1)
                if is_source_like(subject):
                    return subject
            break
        if low in _PRONOUN and not words:
            return low
        if low in _TIME_WORDS and words:
            break  # "... came under heavy bombardment Sunday activists said"
        words.append(tok)
    # "The Observatory which relies on a network of contacts inside Syria said": the subject
    # is before the relative clause.
    back = [t.group(0).lower() for t in found[max(0, k - 6) : k + 1]]
    if (
        ("which" in back or "who" in back)
        and depth < _BACK_DEPTH
        and not is_source_like(" ".join(reversed(words)), True)
    ):
        at = max(i for i, w in enumerate(back) if w in ("which", "who"))
        subject = backward(text, floor, found[max(0, k - 6) + at].start(), depth + 1)
        if is_source_like(subject):
            return subject
    words.reverse()
    while words and words[0].lower() in ("and", "for", "of", "the", "in", "at"):
        words.pop(0)
    if not words:
        return None
    # "a very conservative figure Mardini said": keep the name at the end.
    caps = 0
    while caps < len(words) and _is_name_part(words[-1 - caps]):
        caps += 1
    if (
        0 < caps < len(words)
        and not any(w[:1].isupper() for w in words[:-caps])
        and words[-caps - 1].lower() not in _ROLE | _INNER | {"in", "at", "from"}
    ):
        words = words[-caps:]
    return " ".join(words)


_BACK_DEPTH = 3


def _is_name_part(word: str) -> bool:
    """ "Shadi", "al-Jundi", "el-Dorar": a capitalised word of a name."""
    return word[:1].isupper() or bool(re.match(r"(?:al|el|ad|ash|as|bin|ibn|abu)-[A-Z]", word))


def forward(text: str, pos: int, end: int) -> str | None:
    """The phrase starting at ``pos`` ("according to [the Syrian Observatory ...]")."""
    tokens = [m.group(0) for m in _FORWARD_TOKEN.finditer(text, pos, min(end, pos + 120))]
    words: list[str] = []
    for i, tok in enumerate(tokens):
        low = tok.lower()
        if not tok[0].isalpha() and tok != "-":
            break
        if not words and low in _FORWARD_STOP | {"on", "late", "earlier", "last", "this"}:
            return None  # "said on Tuesday", "said that ...": no source after the verb
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if (
            (low in _INNER or low == "on")
            and words
            and words[-1][:1].isupper()
            and nxt[:1].isupper()
        ):
            words.append(tok)  # "Committee on Internally Displaced Persons"
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


def alias_before(text: str, floor: int, pos: int) -> str | None:
    """The last well-known source named shortly before ``pos`` ("... the Observatory which
    relies on a network of sources inside Syria said")."""
    last = None
    for m in ALIAS.finditer(text, max(floor, pos - 100), pos):
        last = m
    return last.group(0) if last is not None else None


@lru_cache(maxsize=16384)
def is_source_like(phrase: str | None, strict: bool = False) -> bool:
    """A known source, a phrase headed by a source noun ("local activists"), or (unless
    ``strict``) a name - but not a place ("inside Syria"). (Cached: a pure function of the
    phrase, which names the same sources again and again.)"""
    if not phrase:
        return False
    if ALIAS.search(phrase):
        return True
    words = phrase.split()
    if words[-1].lower() in _SOURCE_STEMS or words[-1].lower().rstrip("s") in _SOURCE_STEMS:
        return True
    if any(w.lower() in _ROLE for w in words[:-1]):
        return True  # "official in Suruc", "source at Aleppo Police Command"
    if strict:
        return False
    names = [w for w in words if w[:1].isupper()]
    if not names:
        return False
    spans = place_spans(phrase)
    return not (spans and all(any(a <= phrase.find(w) < b for a, b in spans) for w in names))


_SOURCE_STEMS = frozenset(w.rstrip("s") for w in _SOURCE_NOUNS) | _SOURCE_NOUNS
