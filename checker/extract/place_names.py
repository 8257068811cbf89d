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
:mod:`.place_runs`; a place tied to its holder: :mod:`.place_holders`; the records:
:mod:`.place_mentions`); :mod:`checker.extract.places` then says which of the mentions a
figure is about.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from checker.extract.gazetteer import COUNTRY, PLACE, REGION, Place, gazetteer, place_key
from checker.extract.place_holders import _HOLDER, _PARTS, TOWN_PARTS, _hold
from checker.extract.place_mentions import NOWHERE, Located, PlaceMention
from checker.extract.place_runs import _candidates
from checker.extract.place_text import (
    _AFTER_COUNTRY,
    _ARTICLE,
    _IN_AT_FROM,
    _IN_PLACE,
    _REGION_TYPE,
    _SITTING_IN,
    _SPEAKER_IN,
    _SPEAKER_REACH,
    _TYPES_NAMED,
    _TYPES_REGION,
    Span,
    _acronym,
    _around,
    _clean,
    _is_locative,
    _lost_possessive,
    _plural_lost,
    _Raw,
    _same_name,
    _title,
)

#: a town of a country the article does not name is a place only from this size up
BIG_CITY = 100_000

#: a town of a country the article does not name, with only "in" before it, from this size up
SMALL_TOWN = 20_000
#: a city this big is itself wherever the article is from ("in Paris", "in Mumbai")
_WORLD_CITY = 1_000_000


@dataclass(slots=True)
class _Context:
    countries: Counter[str]
    regions: set[tuple[str, str | None]]
    hint: Located
    #: the latest country named so far and where (for a place the gazetteer lacks)
    last_country: tuple[int, str] | None = None


#: how far back the country named before a place the gazetteer lacks holds it, in characters
_COUNTRY_REACH = 300


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


def _context(raw: Iterable[_Raw], hint: str | None) -> _Context:
    """The countries and regions an article names (unambiguously), and its hint's place."""
    countries: Counter[str] = Counter()
    regions: set[tuple[str, str | None]] = set()
    region_countries: Counter[str] = Counter()  # mentions of a region, by its country
    for r in raw:
        best = r.candidates[0] if r.candidates else None
        if best is None:
            continue
        if best.kind == COUNTRY:
            if len(r.text) <= 4 and not (_same_name(r.text, best.name) or _acronym(r.text)):
                continue  # "come out of this OK": no UK
            countries[best.name] += 1
        elif (
            best.kind == REGION
            and not gazetteer().is_common_word(r.text)
            and all(c.country == best.country for c in r.candidates)
        ):  # a region only its own country has ("Idlib"), not one of many ("Norte")
            regions.add((best.name, best.country))
            if best.country:
                region_countries[best.country] += 1
    named = countries.most_common(1)[0][0] if countries else None
    hinted = resolve_name(hint, named) if hint else NOWHERE
    if hinted.country:
        countries[hinted.country] += 2
    # a region's country: known, if not named; the one whose regions it names most first
    # (in text order on a tie: never the order of a set, which changes from run to run)
    for country, _ in region_countries.most_common():
        countries.setdefault(country, 0)
    return _Context(countries, regions, hinted)


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


def _region_within(name: str, country: str | None) -> Place | None:
    """A region a place's name carries ("Muang Yala" district, of Yala province), in the
    article's country when it has one ("Aqareb es Safi" of a report on Hama is no place
    of Safi, Malta)."""
    for word in name.split()[1:]:
        found = next(
            (
                p
                for p in gazetteer().lookup(word)
                if p.kind == REGION and (country is None or p.country == country)
            ),
            None,
        )
        if found is not None and _same_name(found.name, word):
            return found
    return None


def _held_by_next(text: str, r: _Raw, nxt: _Raw, ctx: _Context) -> bool:
    """Whether a candidate the context rejected is tied to the next one, a place of the
    article's countries, as a place it holds ("Marathon, near Athens")."""
    if not r.candidates or nxt.start - r.end > 40:
        return False
    if not any(ctx.countries.get(c.country or "", 0) for c in nxt.candidates):
        return False
    gap = text[r.end : nxt.start]
    return bool(_HOLDER.fullmatch(gap if gap[:1].isspace() else " " + gap))


_NAMED_TYPE = re.compile(_TYPES_NAMED, re.IGNORECASE)

_REGION_TYPES = re.compile(_TYPES_REGION)


_REGION_WORD = re.compile(r"\s+(?:province|region|state|district|division)$", re.IGNORECASE)
#: a region's name that many countries give one of theirs: "Northern Province", "Central"
_COMPASS_NAME = re.compile(
    r"(?:north|south|east|west|central|upper|lower|middle)(?:ern|-?(?:east|west)(?:ern)?)?\b",
    re.IGNORECASE,
)


def _compass_region(c: Place, country: str, ctx: _Context) -> Place | None:
    """A region named by a compass point ("Northern Province") is one of the article's
    country (``country``) when the gazetteer gave that of a country the article never
    names: "Zambia's Northern Province" is Zambia's, "the Northern Province of Aleppo" no
    region (not Sri Lanka's). Any other candidate is itself ("Amur Oblast" of Belarus's
    press release is still Russia's)."""
    if (
        c.kind != REGION
        or c.country == country
        or ctx.countries.get(c.country or "", 0) > 0
        or not _COMPASS_NAME.match(c.name)
    ):
        return c
    core = _REGION_WORD.sub("", c.name)
    return gazetteer().region(core, country) if core != c.name else None


def _choose(r: _Raw, ctx: _Context) -> PlaceMention | None:
    """The place a candidate names here, or None when it is not plausibly a place.

    A name may match a place by its transliteration key only in a country the article is
    about; elsewhere the name must be the place's own ("Russian" is not Rosian, Germany),
    and a small town there needs the text's cue ("the village of X", "in X")."""
    type_word = r.type_word or ""
    country = ctx.hint.country or (ctx.countries.most_common(1)[0][0] if ctx.countries else None)
    if type_word == "mount":
        # a volcano the gazetteer lacks lies in the hint's region, else in the one region of
        # its country the article names ("Mount Sinabung" in a report naming North Sumatra)
        region = ctx.hint.region
        if region is None:
            named = {name for name, c in ctx.regions if c == country}
            region = next(iter(named)) if len(named) == 1 else None
        return PlaceMention(r.start, r.end, r.text, 2, region, country, locative=True,
                            type_word=type_word, raw=r.text)  # fmt: skip
    if _NAMED_TYPE.fullmatch(type_word):  # "Castello Road", "Hmeimim air base"
        name = f"{_title(r.text)} {type_word.title()}"
        known = [c for c in r.candidates if c.kind == PLACE and ctx.countries.get(c.country or "")]
        region = known[0].region if known else ctx.hint.region
        country = known[0].country if known else country
        return PlaceMention(r.start, r.end, name, 2, region, country, locative=True,
                            type_word=type_word, raw=name)  # fmt: skip
    usable = tuple(
        c
        for c in r.candidates
        if c.kind == COUNTRY or c.country in ctx.countries or _same_name(r.text, c.name)
    )
    if country is not None:
        usable = tuple(
            found for c in usable if (found := _compass_region(c, country, ctx)) is not None
        )
    if len(re.sub(r"\W", "", r.text)) <= 3:
        # a short word matches by its key only too easily ("Sea" is Sia, "Sei" Sai)
        usable = tuple(
            c
            for c in usable
            if _same_name(r.text, c.name) or (c.kind == COUNTRY and _acronym(r.text))
        )
    region_typed = bool(_REGION_TYPE.fullmatch(type_word))
    if region_typed:
        regions = [c for c in usable if c.kind == REGION]
        if regions:
            best = _best(regions, ctx)
            return PlaceMention(r.start, r.end, best.name, 1, best.name, best.country,
                                candidates=tuple(regions), type_word=type_word)  # fmt: skip
        towns = [c for c in usable if c.kind == PLACE and c.region is None]
        if towns:  # "Luangprabang Province": a region the gazetteer knows only by its town
            best = _best(towns, ctx)
            return PlaceMention(r.start, r.end, best.name, 1, best.name, best.country,
                                type_word=type_word, raw=_title(r.text))  # fmt: skip
        # "the Central Highland region": a region the gazetteer lacks, not a town of the
        # name abroad (Highland, California)
        usable = tuple(c for c in usable if c.kind == COUNTRY)  # "Syria's state TV"
    elif type_word and not _REGION_TYPES.fullmatch(type_word) and not _lost_possessive(r.text):
        # "al-Sulaymaniyah area": a town's; not "Aleppos outskirts" (found only as Aleppo's,
        # FA-KES having lost the apostrophe): the outskirts of the city the region is named by
        usable = tuple(c for c in usable if c.kind == PLACE)
        if type_word in TOWN_PARTS and country is not None:
            # "al-Sulaymaniyah neighborhood" of an article on Aleppo: a part of a town
            # there, not a city of that name abroad (Sulaymaniyah, Iraq)
            usable = tuple(c for c in usable if c.country == country)
    elif type_word:
        # "the Central Highland region" of an article on Indonesia: no town of the name
        # abroad (Highland, California)
        usable = tuple(c for c in usable if c.kind != PLACE or c.country in ctx.countries)
    if not usable:
        if not type_word and not r.held:
            return None
        name = _title(r.text)
        level = 1 if region_typed else 2
        recent = ctx.last_country
        if not ctx.hint.country and recent is not None and r.start - recent[0] <= _COUNTRY_REACH:
            # "On the northern islands of the Philippines, ... the mountain province of
            # Benguet": a place the gazetteer lacks is in the country named just before
            country = recent[1]
        region = name if level == 1 else (r.around.name if r.around else ctx.hint.region)
        if level == 2 and r.around is None:
            inside = _region_within(name, country)  # "Muang Yala District": a district of Yala
            if inside is not None:
                region, country = inside.name, inside.country
        return PlaceMention(r.start, r.end, name, level, region, country, type_word=type_word,
                            raw=name, held=r.held)  # fmt: skip
    best = _best(usable, ctx, part=type_word in _PARTS)
    in_context = best.country in ctx.countries or best.kind == COUNTRY
    small = best.kind == PLACE and not in_context and best.population < BIG_CITY
    if small and not (r.type_word or (r.cue and best.population >= SMALL_TOWN)):
        return None
    abroad = best.kind == PLACE and country is not None and best.country != country
    if abroad and best.population < BIG_CITY and not r.type_word and not r.right_after_in:
        # a small town of another country the article names (its actors: "US destroyers")
        # is a place only right after "in", "near" ("the Tomahawk cruise missiles": not
        # Tomahawk, Wisconsin)
        return None
    sure = ctx.hint.country == country or ctx.countries.get(country or "", 0) >= 2
    if (
        abroad
        and sure  # (not "Daesh (a terrorist group banned in Russia)": once, in passing)
        and not in_context
        and best.population < _WORLD_CITY
        and not any(c.kind == COUNTRY for c in r.candidates)  # "the new Jordan camp"
    ):
        # "300 homes were flooded in Kent" in a report on England: a place of the article's
        # country the gazetteer lacks, not the town of that name in a country the article
        # never names (Kent, Washington)
        name = _title(r.text)
        return PlaceMention(r.start, r.end, name, 2, None, country, type_word=r.type_word,
                            raw=name)  # fmt: skip
    region = best.name if best.kind == REGION else best.region
    if r.around is not None:
        region = r.around.name
    city, capital = 0, False
    for c in usable:
        if c.name == best.name or _same_name(c.name, best.name):
            capital = capital or c.capital
            if c.kind == PLACE and c.country == best.country:
                city = max(city, c.population)
    return PlaceMention(r.start, r.end, best.name, best.level, region, best.country,
                        candidates=usable, type_word=r.type_word, raw=_title(r.text),
                        capital=capital, city_size=city)  # fmt: skip


def _best(cands: Sequence[Place], ctx: _Context, part: bool = False) -> Place:
    """The place a name most likely means here: in a region the article names, else in a
    country it names (the hint's first: "Waer" of a report on Aleppo is Homs's al-Waer, not
    Weir, Kansas, although it names the US), else a country or region, else the biggest.
    A ``part`` of a town ("Al Mashhad district") is never taken for a famous city."""
    home = ctx.hint.country

    def score(p: Place) -> tuple[int, int, int, int, int]:
        in_region = (p.region, p.country) in ctx.regions or p.region == ctx.hint.region
        return (
            -int(p.kind == COUNTRY),
            -int(p.country in ctx.countries and in_region),
            -min(ctx.countries.get(p.country or "", -1) + 1, 1) * 2 - int(p.kind == REGION),
            -int(home is not None and p.country == home),
            -p.population,
        )

    best = min(cands, key=score)
    if best.kind == PLACE and best.population < BIG_CITY and not part:
        # a famous city over a namesake village the context favours ("Amsterdam" in a
        # Reuters byline, not Amsterdam, New York)
        big = max((c for c in cands if c.kind == PLACE), key=lambda c: c.population)
        if big.population >= BIG_CITY and big.population >= 20 * max(best.population, 1):
            return big
    return best


@lru_cache(maxsize=4096)
def resolve_name(name: str | None, country: str | None = None) -> Located:
    """A place name on its own (a location hint, a gold annotation) as (location, region,
    country): the gazetteer's best reading of it, preferring regions and ``country``."""
    if not name or not name.strip():
        return NOWHERE
    cands = gazetteer().lookup(_clean(name))
    if not cands:
        # a name the gazetteer lacks, spelled as extraction spells it ("Mt. Ontake" is
        # "Mount Ontake", as place_text._mountain reads it)
        return Located(_MT.sub("Mount ", _title(name.strip())), None, None)
    ctx = _Context(Counter({country: 1}) if country else Counter(), set(), NOWHERE)
    regions = [c for c in cands if c.kind == REGION]
    best = _best(regions, ctx) if regions else _best(cands, ctx)
    region = best.name if best.kind == REGION else best.region
    return Located(best.name, region, best.country)


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
