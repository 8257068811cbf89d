"""Which place a name means here: the article's context (the countries and regions it
names, its location hint) and, among the gazetteer's places of one name, the one the
article is about (:func:`_choose`, :func:`_best`); a name read on its own
(:func:`resolve_name`). Used by :mod:`checker.extract.place_names`, which finds the names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from checker.extract.gazetteer import COUNTRY, PLACE, REGION, Place, gazetteer
from checker.extract.place_holders import _PARTS, TOWN_PARTS
from checker.extract.place_mentions import NOWHERE, Located, PlaceMention
from checker.extract.place_text import (
    _REGION_TYPE,
    _TYPES_NAMED,
    _TYPES_REGION,
    _acronym,
    _clean,
    _lost_possessive,
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
    #: mentions of regions only one country has, by that country ("Aceh", "North Sumatra")
    region_names: Counter[str] = field(default_factory=Counter)


#: how far back the country named before a place the gazetteer lacks holds it, in characters
_COUNTRY_REACH = 300


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
    return _Context(countries, regions, hinted, region_names=region_countries)


def _region_within(name: str, country: str | None) -> Place | None:
    """A region a place's name carries ("Muang Yala" district, of Yala province), in the
    article's country when it has one ("Aqareb es Safi" of a report on Hama is no place
    of Safi, Malta)."""
    for word in name.split()[1:]:
        if country is None and _COMPASS_NAME.match(word):
            continue  # ("Mkushi Central area" of an article naming no country: "Central" is
            # a region of many, Bahrain's first)
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


_NAMED_TYPE = re.compile(_TYPES_NAMED, re.IGNORECASE)

_REGION_TYPES = re.compile(_TYPES_REGION)


_REGION_WORD = re.compile(r"\s+(?:province|region|state|district|division)$", re.IGNORECASE)
#: a region's name that many countries give one of theirs: "Northern Province", "Central"
_COMPASS_NAME = re.compile(
    r"(?:north|south|east|west|central|upper|lower|middle|mid)(?:ern|-?(?:east|west)(?:ern)?)?\b",
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
    elif type_word.startswith("camp") and any(
        c.kind == COUNTRY and _same_name(r.text, c.name) for c in usable
    ):
        # "Syrian refugees arrive in new Jordan camp": a camp in that country, not a town
        # of its name (Jordan, Hong Kong)
        usable = tuple(c for c in usable if c.kind == COUNTRY)
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
    # (sure of its country: the hint's, or one named twice, its regions counted: a report
    # naming Indonesia once and Aceh and North Sumatra often is on Indonesia)
    times = ctx.countries.get(country or "", 0)
    sure = (
        ctx.hint.country == country or times + min(times, 1) * ctx.region_names[country or ""] >= 2
    )
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
