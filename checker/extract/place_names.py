"""Place names in a text: which capitalised words name places, and which places they are.

Three things say where a named place lies, in this order of trust:

1. the text itself: "the village of Urum al-Joz in Aleppo province", "Atmeh, near the
   Turkish border in Idlib", "Maiduguri, Borno state" - the grammar of apposition and
   "in"/"near" gives the region (and picks, among places of one name, the one the text
   means);
2. the gazetteer (:mod:`checker.extract.gazetteer`: GeoNames, pycountry, and the places news
   names that GeoNames lacks), among the places the name may be, the one in the countries
   and regions the article names, else the biggest;
3. the article's own location hint (FA-KES's column) and the places it names most.

A capitalised word is taken for a place only when it is plausible there: a country or
region, a town of a country the article is about, a big city, or a name the text puts a
cue on ("in X", "X province", "the town of X"); names that are also common English words
("Police", "Most") always need the cue. Places inside the names of organisations ("Syrian
Observatory for Human Rights", "Ahrar al-Sham") are not places.

:func:`find_mentions` reads a title and a text once (the candidate names:
:mod:`.place_runs`; which place a name means there: :mod:`.place_choice`; a place tied to
its holder: :mod:`.place_holders`; the records: :mod:`.place_mentions`);
:mod:`checker.extract.places` then says which of the mentions a figure is about.
"""

from __future__ import annotations

import re

from checker.extract.gazetteer import COUNTRY, PLACE, gazetteer, place_key
from checker.extract.place_choice import (
    _NAMED_TYPE,
    _choose,
    _Context,
    _context,
    resolve_name,
)
from checker.extract.place_holders import _HOLDER, _hold
from checker.extract.place_mentions import Located, PlaceMention
from checker.extract.place_runs import _candidates
from checker.extract.place_text import (
    _AFTER_COUNTRY,
    _ARTICLE,
    _IN_AT_FROM,
    _IN_PLACE,
    _SITTING_IN,
    _SPEAKER_IN,
    _SPEAKER_REACH,
    Span,
    _around,
    _clean,
    _is_locative,
    _plural_lost,
    _Raw,
    _title,
)

# people named by where they came from: the place is their origin, not the figure's
_ORIGIN = re.compile(
    r"\b(?:evacuees|refugees|migrants|returnees)\s+(?:[\w-]+\s+)?from\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:(?:towns?|villages?|cit(?:y|ies)|areas?)\s+of\s+(?:the\s+)?)?"
    rf"(?:[\w'’-]+\s+(?:and|&)\s+)?(?:{_ARTICLE}[-\s])?$",
    re.IGNORECASE,
)

# "Aleppo is still home to some 2 million people": the place a population is of
_HOME_TO = re.compile(
    r"(?:\s+(?:is|was|were|are)\s+(?:still\s+|now\s+|also\s+)?home\s+to|['’]?s\s+population"
    r"|\s+(?:has|had)\s+a\s+population)\b",
    re.IGNORECASE,
)
_HURT_AFTER = re.compile(
    r"[^.;]{0,60}?\b(?:were|was|had\s+been|have\s+been)\s+(?:killed|wounded|injured|hurt)\b"
)


def _resolve(text: str, raw: list[_Raw], ctx: _Context) -> list[PlaceMention]:
    """Choose each candidate's place (context first), decide whether it is a place at all,
    then tie places to their holders ("X in Y province")."""
    out: list[PlaceMention] = []
    for k, r in enumerate(raw):
        m = _choose(r, ctx)
        if m is None and k + 1 < len(raw) and _held_by_next(text, r, raw[k + 1], ctx):
            # "Marathon, near Athens": a place the gazetteer knows only abroad (Marathon,
            # Florida), which the text puts by a place of the article's
            m = PlaceMention(r.start, r.end, _title(r.text), 2, None, None, raw=_title(r.text))
        if m is not None and m.level == 0 and m.country:
            ctx.last_country = (r.end, m.country)
        if m is not None:
            reach = max(0, r.start - _SPEAKER_REACH)
            after_in = _IN_AT_FROM.search(text, max(0, r.start - 10), r.start)
            if after_in and _SITTING_IN.search(text, reach, r.start):
                m.locative = False
            elif _ORIGIN.search(text, max(0, r.start - 60), r.start) and _HURT_AFTER.match(
                text, r.end
            ):
                # "98 evacuees from the northern towns of Fuaa and Kafraya were killed when
                # ... hit their buses west of Aleppo": where they came from, not where they
                # were hurt (but "2220 evacuees from Madaya": where they were evacuated from)
                m.locative = False
            elif "(" in text[r.end : r.end + 40] and _DATELINE_AFTER.match(text, r.end):
                m.locative = False  # "Asuncion (AFP) -": where the story was filed
                m.dateline = not text[: r.start].strip()
            elif not text[: r.start].strip() and _OPENING_DATELINE.match(text, r.end):
                m.locative, m.dateline = False, True  # "DENVER -", "MADISON, Wis. -"
            elif after_in and _SPEAKER_IN.search(text, reach, r.start):
                m.speaker = True
            else:
                m.locative = (
                    r.cue
                    or _is_locative(text, r.start, r.end, r.before)
                    or bool(_HOME_TO.match(text, r.end))
                )
            if m.locative and m.capital and not r.type_word:
                # "pressure on Ankara", "Moscow said": the government, not the city
                m.locative = bool(_IN_PLACE.search(text, max(0, r.start - 30), r.start))
            if (
                m.level >= 1
                and m.city_size
                and _NEAR_CITY.search(text, max(0, r.start - 40), r.start)
            ):
                # "clashes near Damascus", "areas around Damascus": the countryside around a
                # city that is a region of its own (Rif Dimashq)
                around = _around(r.text)
                if around is not None and around.name != m.region:
                    m.name, m.region, m.level = _title(r.text), around.name, 2
            if out and out[-1].level == 0 and m.level >= 1:
                # "Syria's Idlib", "Syrias Aleppo" (FA-KES lost its apostrophes)
                gap = text[out[-1].end : r.start]
                m.locative = m.locative or bool(_AFTER_COUNTRY.fullmatch(gap))
            out.append(m)
    _nearby_regions(out)
    out = _capital_mentions(text, out, ctx)
    for i in range(len(out) - 1, 0, -1):  # the outermost first: "X in Y area in Z city"
        _hold(text, out, i, ctx.countries)
    return out


# what follows a dateline's place: "(AFP) -", ", Oct 10 (Thomson Reuters Foundation) -"
_DATELINE_AFTER = re.compile(
    r"(?:\s*,\s*[^()\n]{0,25}?)?\s*\((?:[A-Z][A-Za-z.]+)(?:\s[A-Z][A-Za-z.]+){0,3}\)\s*[-–—]"
)


# what follows the place a text opens with when that is its dateline: "DENVER -",
# "MADISON, Wis. -", "LONDON, Oct 10 -" (a state, a country, a date, then the dash)
_OPENING_DATELINE = re.compile(r"(?:\s*,\s*[^()\n]{0,25}?)?\s*[-–—]")


def _nearby_regions(mentions: list[PlaceMention]) -> None:
    """A town of several namesakes is the one in a region named close by ("In Guerrero
    state, around 90 homes ... in Atoyac de Alvarez and San Jeronimo": Guerrero's)."""
    regions = [(o.start, (o.region, o.country)) for o in mentions if o.level == 1 and o.locative]
    if not regions:
        return
    for m in mentions:
        if m.level == 2 and not m.candidates and m.region is None and m.holder is None:
            if m.type_word and _NAMED_TYPE.fullmatch(m.type_word):
                continue
            # "Thailand's Trat Province, destroying over 30 homes ... in Muang District": a
            # place the gazetteer lacks lies in the region named next to it
            at, (region, country) = min(regions, key=lambda r: abs(r[0] - m.start))
            if abs(at - m.start) < NEARBY:  # its country, too: the article's was a guess
                m.region, m.country = region, country
            continue
        if m.level != 2 or len(m.candidates) < 2 or m.holder is not None or m.rehomed:
            continue
        if all(c.region != m.region for c in m.candidates):
            continue  # the text already placed it ("around Damascus": Rif Dimashq)
        near = {where for at, where in regions if abs(at - m.start) < NEARBY}
        if not near or (m.region, m.country) in near:
            continue
        there = [c for c in m.candidates if c.kind == PLACE and (c.region, c.country) in near]
        if there:
            best = max(there, key=lambda c: c.population)
            m.name, m.region, m.country = best.name, best.region, best.country


#: how close (in characters) a region must be named to choose among a town's namesakes
NEARBY = 150

# "fired rockets at the capital", "in the Syrian capital" - not "the capital Damascus",
# "the capital, Honiara" (the name is a mention of its own)
_THE_CAPITAL = re.compile(
    r"\b(?:in|at|on|into|near|outside|around|across|targeting|targeted|hit|struck|shelled)\s+"
    r"the\s+(?:(?P<of>[A-Z][a-z]+)\s+)?capital\b(?!\s*,?\s*[A-Z])(?!\s+(?:city\s+)?of\b)"
)


def _capital_mentions(text: str, mentions: list[PlaceMention], ctx: _Context) -> list[PlaceMention]:
    """``mentions`` with the capitals the text names as "the capital" (the article's
    country's, or the one its adjective says: "the Syrian capital"), in text order."""
    at = text.find("capital")
    if at < 0:
        return mentions
    added: list[PlaceMention] = []
    found = []
    while at >= 0:
        m = _THE_CAPITAL.search(text, max(0, at - 40), at + 40)
        if m is not None and m.end() == at + len("capital"):
            found.append(m)
        at = text.find("capital", at + 1)
    for m in found:
        country = ctx.hint.country or (
            ctx.countries.most_common(1)[0][0] if ctx.countries else None
        )
        if m.group("of"):
            stem = m.group("of")
            named = [c for c in ctx.countries if c[:4] == stem[:4]]
            country = named[0] if named else country
        city = gazetteer().capital(country)
        if city is None:
            continue
        at = m.end() - len("capital")
        added.append(PlaceMention(at, m.end(), city.name, 2, city.region, city.country,
                                  locative=True, candidates=(city,), raw=city.name,
                                  capital=True))  # fmt: skip
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda p: p.start)


_NEAR_CITY = re.compile(
    r"\b(?:near|outside|around|surrounding|(?:outskirts|suburbs|environs)\s+of)\s+(?:the\s+)?"
    r"(?:\w+\s+)?$",
    re.IGNORECASE,
)


def _held_by_next(text: str, r: _Raw, nxt: _Raw, ctx: _Context) -> bool:
    """Whether a candidate the context rejected is tied to the next one, a place of the
    article's countries, as a place it holds ("Marathon, near Athens")."""
    if not r.candidates or nxt.start - r.end > 40:
        return False
    if not any(ctx.countries.get(c.country or "", 0) for c in nxt.candidates):
        return False
    gap = text[r.end : nxt.start]
    return bool(_HOLDER.fullmatch(gap if gap[:1].isspace() else " " + gap))


_MT = re.compile(r"^Mt\.?\s+")


def normalise_place(name: str | None) -> str | None:
    """One spelling per place: the gazetteer's name for it ("Khan Shaykhun" -> "Khan
    Sheikhoun", "deir ezzor" -> "Deir ez-Zor"), else the name in title case."""
    return resolve_name(name).location if name else None


def place_spans(text: str) -> list[Span]:
    """The spans of ``text`` that name places the gazetteer knows or the text types, read
    without an article's context (for the attribution reader: "citing Urum al-Joz")."""
    return [(r.start, r.end) for r in _candidates(text)]


def looks_like_place(phrase: str) -> bool:
    """Whether a phrase on its own is the name of a country, region or known town (for the
    attribution reader: "citing Urum al-Joz" names no source)."""
    phrase = _clean(phrase)
    g = gazetteer()
    if g.is_common_word(phrase):
        return False
    if phrase.isupper() and len(phrase) <= 4:  # "NGO", "SANA": a body; "UK", "DRC": a country
        return any(p.kind == COUNTRY for p in g.lookup(phrase))
    return bool(g.lookup(phrase) or _plural_lost(phrase))


def find_mentions(
    title: str, text: str, hint: str | None = None
) -> tuple[list[PlaceMention], list[PlaceMention], Located]:
    """The place mentions of a title and a text, resolved in the context of both and of
    the article's location ``hint``; and the hint's own place."""
    raw_title, raw_body = _candidates(title), _candidates(text)
    context = _context(raw_title + raw_body, hint)
    in_title, in_body = _resolve(title, raw_title, context), _resolve(text, raw_body, context)
    _one_place_per_name(in_title + in_body)
    return in_title, in_body, context.hint


def _one_place_per_name(mentions: list[PlaceMention]) -> None:
    """A name the text once places itself ("Marathon, near Athens") is that place wherever
    the article names it ("a hamlet by the town of Marathon"), not the gazetteer's other
    place of that name (Marathon, Florida)."""
    homes = {place_key(m.raw or m.name): m for m in mentions if m.rehomed and m.level == 2}
    if not homes:
        return
    for m in mentions:
        home = homes.get(place_key(m.raw or m.name))
        if home is not None and not m.rehomed and m.level == 2:
            m.name, m.region, m.country = home.triple
