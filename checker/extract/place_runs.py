"""The spans of a text that may name places: its capitalised runs, and the gazetteer's
names (longest first) or the names the text types inside each.

What a run holds - its words, whether it names an organisation, which of its words the
gazetteer knows as one name - depends on the run alone, and an article, a corpus, names the
same runs again and again ("Syria", "Aleppo", "Syrian Observatory for Human Rights": a
run is written 4 times on average over FA-KES). So that is read once per distinct run
(:func:`_run_words`, :func:`_step`, cached) and only what the words around a run say (a
type word, "in" before it, a river after it) is read at each mention. The words around
are :mod:`checker.extract.place_text`'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.extract.gazetteer import COUNTRY, REGION, Place, gazetteer, place_key
from checker.extract.place_text import (
    _AROUND,
    _ARTICLE_BEFORE,
    _DIRECTION,
    _LOCATING_ORG,
    _MODIFIER,
    _MOUNT,
    _NEVER,
    _PEOPLES,
    _PHRASE,
    _POSSESSIVE,
    _RIGHT_AFTER_IN,
    _RIVER,
    _RUN_TYPE,
    _TOKEN,
    _TYPE_ALONE,
    MAX_NAME_WORDS,
    Span,
    _acronym,
    _around,
    _clean,
    _is_join,
    _locative_before,
    _lost_possessive,
    _mountain,
    _old_town,
    _org_name,
    _plural_lost,
    _Raw,
    _title_case,
    _type_word,
    _unknown_name,
)
from checker.lexicon import US_STATE_ABBREVIATIONS

# a US state abbreviated after its town: "Madison, Wis.", "SPRINGFIELD, Ill. (AP) -" (never
# alone: "Miss.", "Ill.", "Wash." are words too)
_STATE_AFTER_TOWN = re.compile(
    r"(?<=\w),[ \t]+(?P<state>"
    + "|".join(re.escape(a) for a in sorted(US_STATE_ABBREVIATIONS, key=len, reverse=True))
    + r")(?![\w.])"
)


_OF_NATIONS = re.compile(r"\s+(?:countries|nations)\b")


def _candidates(text: str) -> list[_Raw]:
    """Every span of ``text`` that may name a place: gazetteer names (longest first within
    a run of capitalised words) and names the text types ("the village of X"). In a text
    written in title case (a headline: "Car Bomb Kills 20 In Azaz"), capitals say nothing,
    so only the gazetteer's names count there."""
    g = gazetteer()
    title_case = _title_case(text)
    found = _states_after_towns(text)
    states = [(r.start, r.end) for r in found]
    for run in _PHRASE.finditer(text):
        phrase = run.group()
        if states and any(a < run.end() and run.start() < b for a, b in states):
            continue
        if phrase.lower() in _NEVER:
            continue  # "The", "He", "Monday": most runs, one word that is never a place
        if _OF_NATIONS.match(text, run.end()):
            continue  # "in Balkan countries Bulgaria and Romania": a word of the nations
        if phrase.endswith(" State") and _STATE_MEDIA.match(text, run.end()):
            # "Mortar fire kills two at Damascus Opera House State media": a headline's
            # source after its place, not an organisation "... House State"
            phrase = phrase[: -len(" State")]
        read = _run_words(phrase)
        if read is None:
            continue  # "Syrian Observatory for Human Rights", "Ahrar al-Sham"
        offsets, words = read
        at = run.start()
        tokens = [(at + a, at + b) for a, b in offsets]
        mount = _mountain(text, at, words)
        if mount is not None:  # "Mount Sinabung", "Mt. Ontake": a named place of its own
            a = at if words[0] in _MOUNT else tokens[0][0]
            found.append(_Raw(a, run.end(), mount, (), "mount", True, right_after_in=True))
            continue
        i = 0
        while i < len(tokens):
            step = _step(phrase, i, title_case)
            if step is None:
                i += 1
                continue
            old_town = _old_town(text, tokens, words, i)
            if old_town is not None:  # "the Old City of Aleppo"
                found.append(old_town)
                i += 2
                continue
            hit: tuple[int, int, str, tuple[Place, ...]] | None = None
            held = False
            j = i + 1
            if step.hit is not None:
                j, a, b, name, cands = step.hit
                hit = (at + a, at + b, name, cands)
            if step.typed is not None:
                # "the village of Urum al-Joz", "the Bab al Salama crossing" (not al-Bab),
                # "Gogrial East County" (not Gogrial): a typed name the gazetteer lacks
                end, a, b, name = step.typed
                if _type_word(text, at + a, at + b):
                    hit, j = (at + a, at + b, name, ()), end
            if hit is None and step.held is not None:
                end, a, b, name = step.held
                if _region_follows(text, at + b):
                    hit, j, held = (at + a, at + b, name, ()), end, True
            if hit is None:
                i += 1
                continue
            i = j
            a, b, name, cands = hit
            if _TYPE_ALONE.fullmatch(name) or name.lower() in _PEOPLES:
                continue  # "on Village in Aleppo Province", "Syria Kurd town": no names
            if cands and _ARTICLE_BEFORE.search(text, max(0, a - 4), a):
                # "al-Quria" is a village, not (South) Korea by its key: no country's
                # English name is written with the Arabic article
                cands = tuple(c for c in cands if c.kind != COUNTRY)
            elif (
                cands
                and _acronym(name)
                and (text[max(0, a - 4) : a].lower() != "the " or _ATTRIBUTIVE.match(text, b))
            ):
                # "the UK", "in the DRC": a country; "US air strikes", "US$ 2 million", "the
                # US latest airstrike": its forces, its money
                cands = tuple(c for c in cands if c.kind != COUNTRY)
            if _RIVER.match(text, b):
                continue  # "the Paraguay River", "the Amur River": a river, not the place
            # (a list's items typed only when the gazetteer lacks them: a name it knows
            # needs no type to be a place, and a list's type may not be every item's)
            type_word = _type_word(text, a, b, lists=not cands)
            before = _locative_before(text, a)
            common_word = bool(cands) and g.is_common_word(name)
            if before and common_word and _INDEFINITE_BEFORE.search(text, max(0, a - 4), a):
                before = False  # "at a Forest Falls campground": a name's word, "a" its article
            cue = bool(type_word) or before
            common = common_word and not cue
            if common and all(c.kind != COUNTRY for c in cands):
                continue  # "Police said", "Most of the dead"
            around = None
            if type_word in _AROUND:  # "Damascus suburbs": the region around the city
                around = _around(name)
            right = bool(_RIGHT_AFTER_IN.search(text, max(0, a - 10), a))
            found.append(_Raw(a, b, name, cands, type_word, cue, around, before, right, held))
    found.sort(key=lambda r: r.start)
    return found


_STATE_MEDIA = re.compile(r"\s+(?:media|TV|television|news|radio)\b", re.IGNORECASE)

# a comma, then the capitalised words of what may be a region or a country
_COMMA_NAME = re.compile(r",[ \t]+((?:[A-Z][\w'’-]*)(?:[ \t][A-Z][\w'’-]*){0,3})(?!['’]s\b)")


def _region_follows(text: str, at: int) -> bool:
    """Whether a region or a country the gazetteer knows is named right after ``text[:at]``,
    after a comma: "in Fizi, South Kivu province", "Lembata, East Nusa Tenggara", "Qasr
    al-Hayr, Syria" put a town the gazetteer lacks in it (not "Ahmed Ali, Syria's envoy")."""
    m = _COMMA_NAME.match(text, at)
    if m is None:
        return False
    words = m.group(1).split()
    g = gazetteer()
    for k in range(len(words), 0, -1):
        name = " ".join(words[:k])
        if g.is_common_word(name):
            continue  # "(IDMC, May 2015)"
        key = place_key(name)
        if any(p.kind in (REGION, COUNTRY) and place_key(p.name) == key for p in g.lookup(name)):
            return True
    return False


def _states_after_towns(text: str) -> list[_Raw]:
    """The US states abbreviated after a town (:data:`_STATE_AFTER_TOWN`), as the state."""
    if "." not in text:
        return []
    out = []
    for m in _STATE_AFTER_TOWN.finditer(text):
        name = US_STATE_ABBREVIATIONS[m.group("state")]
        states = [p for p in gazetteer().lookup(name) if p.kind == REGION]
        state = next((p for p in states if p.country == "United States"), None)
        if state is not None:
            out.append(_Raw(m.start("state"), m.end("state"), name, (state,), None, False))
    return out


_INDEFINITE_BEFORE = re.compile(r"\ban?\s+$", re.IGNORECASE)

# a word after a name that makes it an adjective: lower case and no function word ("the US
# latest airstrike"; not "the US and Canada", "the UK on Monday")
_ATTRIBUTIVE = re.compile(
    r"[ \t]+(?!(?:and|or|in|on|at|to|for|of|from|by|with|was|is|has|have|had|were|are|said"
    r"|says|since|after|before|where|which|who|this|last|over|during|as|but|until|when)\b)[a-z]"
)


@lru_cache(maxsize=16384)
def _run_words(phrase: str) -> tuple[tuple[Span, ...], tuple[str, ...]] | None:
    """A run's words and their offsets in it (a place before a run-on organisation only),
    or None when the run names an organisation or a group."""
    if phrase[0].isupper() and " " not in phrase and "\t" not in phrase:  # one word
        offsets: tuple[Span, ...] = ((0, len(phrase)),)
        words: tuple[str, ...] = (phrase,)
    else:
        offsets = tuple((m.start(), m.end()) for m in _TOKEN.finditer(phrase))
        words = tuple(phrase[a:b] for a, b in offsets)
    cut = next((k for k, w in enumerate(words) if k and w.rstrip() == "the"), 0)
    if cut and _org_name(words[cut:]) and not _org_name(words[:cut]):
        # "a school in Deraa the Britain-based Syria Observatory for Human Rights said"
        # (FA-KES lost its commas): the place, then the organisation
        offsets, words = offsets[:cut], words[:cut]
    if _org_name(words) and not _LOCATING_ORG & {w.lower() for w in words}:
        return None
    return offsets, words


#: words an Arabic place name starts with ("Abu Lefeh", "Tal Rifaat", "Kafr Nabudah"),
#: which the gazetteer may know as places of their own (Abu, Nigeria): before a name the
#: gazetteer lacks, the head of that name
_NAME_HEADS = frozenset(
    "abu umm tal tell kafr kfar deir ain ein ras khan bab beit bayt jabal jebel wadi bir"
    " jisr qasr tall maarat mazraat khirbet khirbat hayy".split()
)


@dataclass(frozen=True, slots=True)
class _Step:
    """What a run's words from the i-th on may name, whatever the text around says."""

    #: the longest gazetteer name from word i: (next word, start, end, name, places)
    hit: tuple[int, int, int, str, tuple[Place, ...]] | None
    #: the words up to a type word, a name the gazetteer lacks, if the text types it
    #: (a type word after it or "X of" before it): (next word, start, end, name)
    typed: tuple[int, int, int, str] | None
    #: the whole run, a name the gazetteer lacks, if the text puts it in a region after a
    #: comma ("in Fizi, South Kivu province": :func:`_region_follows`); same form
    held: tuple[int, int, int, str] | None = None


@lru_cache(maxsize=65536)
def _step(phrase: str, i: int, title_case: bool) -> _Step | None:
    """The names word ``i`` of a run may start (offsets in the run), or None when the word
    starts none (a word never a place, a join, "rebel-held")."""
    read = _run_words(phrase)
    assert read is not None
    tokens, words = read
    word = words[i]
    if word.lower().rstrip(" -\t") in _NEVER or _is_join(word) or _MODIFIER.search(word):
        return None
    g = gazetteer()
    hit: tuple[int, int, int, str, tuple[Place, ...]] | None = None
    for j in range(min(len(tokens), i + MAX_NAME_WORDS), i, -1):
        if _is_join(words[j - 1]) or (j == i + 1 and _DIRECTION.fullmatch(word)):
            continue  # "Northern" alone is no place; "Northern Ireland" is
        a, b = tokens[i][0], tokens[j - 1][1]
        name = _clean(phrase[a:b])
        cands = g.lookup(name) or _plural_lost(name)
        if cands and len(name) <= 3 and name.isupper():
            cands = tuple(c for c in cands if c.kind == COUNTRY)  # "IS", "UN": codes
        if cands:
            hit = (j, a, b, name, cands)
            break
    # the run may go on past the name's type: "Gogrial East County of Warrap"
    end = next(
        (k for k in range(i + 1, len(tokens)) if _RUN_TYPE.fullmatch(words[k])),
        len(tokens),
    )
    whole = not title_case and end - i <= 3 and end > i
    if hit is not None:  # a name going on past the gazetteer's: glued by an article
        # ("Bab al Salama"), a direction ("Gogrial East"), words of no place
        j = hit[0]
        rest = words[j:end]
        whole = (
            whole
            and bool(rest)
            and not _POSSESSIVE.search(words[j - 1])  # "Trat's Muang District"
            and not _lost_possessive(hit[3])  # "Aleppos Salaheddin": "Aleppo's"
            and (
                _is_join(rest[0])
                or all(_DIRECTION.fullmatch(w) for w in rest)
                or not any(g.lookup(_clean(w)) for w in rest)  # "Pidie Jaya regency"
                # "the villages of ... Abu Lefeh": a name's head word, not the place Abu
                or (j == i + 1 and word.lower() in _NAME_HEADS)
            )
        )
    typed = held = None
    if whole and not _is_join(words[end - 1]):
        a, b = tokens[i][0], tokens[end - 1][1]
        name = _clean(phrase[a:b])
        if _unknown_name(name):
            typed = (end, a, b, name)
        if (
            hit is None
            and end == len(tokens)
            and not name.isupper()  # "IDMC": an acronym, a body's
            and not _RUN_TYPE.fullmatch(name)  # "West Lombok Regency": the type alone
            and _unknown_name(name, demonym=False)
        ):
            held = (end, a, b, name)  # "Fizi": a name, though it ends as "Iraqi" does
    return _Step(hit, typed, held)
