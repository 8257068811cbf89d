"""Places a figure is about, as a hierarchy: the finest place, its region and its country.

A claim's ``location`` is the finest place the text gives for the figure: a village, town,
city, district, neighbourhood, camp or named area ("Khan Sheikhoun", "Sheikh Maqsoud",
"Zaatari camp"); else the region ("Idlib" when the text names only the province); else the
country (a war-long toll: "Syria"). ``region`` is the first-level division holding it
("Idlib", "Borno") and ``country`` its country ("Syria", "Nigeria").

The whole article is scanned once (:func:`scan_article`: the mentions of
:mod:`checker.extract.place_names`, and what the article is about overall); a figure's place
is then the nearest place its sentence puts something in (:func:`locate`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from checker.extract.gazetteer import gazetteer
from checker.extract.place_lists import countries_listed, finest_held, list_place
from checker.extract.place_mentions import NOWHERE, Located, PlaceMention
from checker.extract.place_names import (
    Span,
    find_mentions,
    looks_like_place,
    normalise_place,
    place_spans,
    resolve_name,
)
from checker.extract.place_text import _POSSESSIVE

#: a region's name is its city's when a city of that name is this big ("Aleppo", "Homs")
BIG_NAMESAKE = 300_000
#: a sentence's candidates are looked at up to this many (a run-on "sentence" of a megabyte
#: is not a sentence: the rest of it is left without places, linearly)
MAX_MENTIONS_PER_SENTENCE = 200

__all__ = [
    "NOWHERE",
    "ArticlePlaces",
    "Located",
    "PlaceMention",
    "locate",
    "looks_like_place",
    "normalise_place",
    "place_spans",
    "resolve_name",
    "scan_article",
]


@dataclass(slots=True)
class ArticlePlaces:
    """Every place an article's title and text name, resolved once, with what the article
    is about overall (its countries, regions, main place) for the figures that name none."""

    title: list[PlaceMention]
    body: list[PlaceMention]
    countries: Counter[str] = field(default_factory=Counter)
    regions: Counter[tuple[str, str | None]] = field(default_factory=Counter)
    hint: Located = NOWHERE
    _starts: dict[bool, list[int]] = field(default_factory=dict)
    #: region -> the town the article's account is about there (see :meth:`main_town`)
    _towns: dict[str | None, PlaceMention] = field(default_factory=dict)
    #: (pattern, in title, sentence start, end) -> its first match in the sentence
    _searched: dict[tuple[re.Pattern[str], bool, int, int], re.Match[str] | None] = field(
        default_factory=dict
    )
    _services: dict[tuple[bool, int, int], str | None] = field(default_factory=dict)
    #: the account's place for a figure no sentence places (:meth:`_base`), once read
    _account: Located | None = None

    def __post_init__(self) -> None:
        self._starts = {True: [m.start for m in self.title], False: [m.start for m in self.body]}
        weights: dict[str | None, Counter[str]] = {}
        first: dict[str, PlaceMention] = {}
        for m, weight in [(m, 2) for m in self.title] + [(m, 1) for m in self.body]:
            # (not a name only the text's comma puts in its region: "in Fizi, South Kivu")
            if m.level == 2 and m.locative and not m.held:
                weights.setdefault(m.region, Counter())[m.name] += weight
                first.setdefault(m.name, m)
        for region, towns in weights.items():
            (top, n), *rest = towns.most_common(2)
            if not rest or (n >= 2 and n >= 2 * rest[0][1]):
                self._towns[region] = first[top]

    def search(
        self, pattern: re.Pattern[str], text: str, sentence: Span, in_title: bool
    ) -> re.Match[str] | None:
        """``pattern``'s first match in a sentence, read once a sentence: each of its
        figures asks, and a sentence of a thousand figures made it quadratic."""
        key = (pattern, in_title, *sentence)
        if key not in self._searched:
            self._searched[key] = pattern.search(text, *sentence)
        return self._searched[key]

    def country_wide(self, text: str, sentence: Span, in_title: bool) -> bool:
        """Whether a sentence speaks of a whole country (:data:`_COUNTRY_WIDE`: "across the
        country", "nationwide")."""
        return self.search(_COUNTRY_WIDE, text, sentence, in_title) is not None

    def service_country(self, text: str, sentence: Span, in_title: bool) -> str | None:
        """The country whose own service a sentence quotes (:data:`_SERVICE`: "Cambodian
        police", "China's civil affairs ministry"), if the article names it; read once a
        sentence, as :meth:`country_wide` is."""
        key = (in_title, *sentence)
        if key not in self._services:
            self._services[key] = _service_country(text, sentence, self.countries)
        return self._services[key]

    def main_town(self, region: str | None) -> PlaceMention | None:
        """The town of ``region`` the article's account is about: the only town it names
        there (as where something happened), or one named at least twice and twice as often
        as any other (the headline counting double); None when there is no such town."""
        return self._towns.get(region)

    def in_span(self, start: int, end: int, in_title: bool) -> list[PlaceMention]:
        """The mentions inside ``[start, end)`` of the title (``in_title``) or the text."""
        mentions = self.title if in_title else self.body
        starts = self._starts[in_title]
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        return mentions[lo : min(hi, lo + MAX_MENTIONS_PER_SENTENCE)]

    def named_in(self, text: str, sentence: Span, in_title: bool) -> Located | None:
        """The place a sentence puts something in (nearest its start, at its finest), or
        None when it names none: what the next sentence's figures may go on with."""
        mentions = self.in_span(*sentence, in_title)
        local = [i for i, m in enumerate(mentions) if m.locative and m.level >= 1]
        local = local or [i for i, m in enumerate(mentions) if m.speaker and m.level >= 1]
        if not local:
            return None
        # the finest place it names: "the town of Khan Sheikhoun in Idlib", after a
        # headline run into the sentence ("Massacre in Idlib ... Warplanes targeted ...")
        b = finest_held(text, mentions, max(local, key=lambda i: (mentions[i].level, -i)))
        joined = list_place(text, mentions, b, sentence[1])
        if joined is not None:
            return joined if joined.location else None
        return Located.of(mentions[b])

    @property
    def main_country(self) -> str | None:
        if self.hint.country:
            return self.hint.country
        return self.countries.most_common(1)[0][0] if self.countries else None

    def fallback(self) -> Located:
        """Where the article's account is, for a figure no sentence places: the hint, else
        the place the headline names, else the region the article names most, else its
        country; a region narrowed to the town the account is about there, if any."""
        base = self._base()
        if self.hint.location and base.location and base.location == base.region:
            town = self.main_town(base.region)
            if town is not None:
                return Located.of(town)
        return base

    def _base(self) -> Located:
        """The account's place (see :meth:`fallback`), read once: after :func:`scan_article`
        has counted the article's countries and regions, nothing it reads changes."""
        if self._account is None:
            self._account = self._read_base()
        return self._account

    def _read_base(self) -> Located:
        if self.hint.location and self._names_hint():
            return self.hint
        local = (
            [m for m in self.title if m.level >= 1 and m.locative]
            or [m for m in self.title if m.level >= 1]
            # "40 Casualties Reported In North Korea" in an article naming Japan more (one
            # country, by a name no other has: not "in Iran and Iraq", not "Congo")
            or self._title_country()
            or [m for m in self.title if m.country == self.main_country]
        )
        if local:
            where = Located.of(local[0])
            top = self.top_region() if where.level == 2 and where.region is None else None
            if top is not None and top[1] == where.country:
                # "Hundreds flee from Mt. Karangetang activity": a place the gazetteer lacks
                # lies in the region the article names far more than any other
                where = Located(where.location, top[0], top[1], where.within)
            return where
        filed = next((m for m in self.body if m.dateline and m.level == 2), None)
        if (
            filed is not None
            and filed.country == self.main_country
            and not any(m.locative and m.level >= 1 for m in self.body)
        ):
            # "MADISON, Wis. (AP) - Two boys are recovering ...": a story filed where it
            # happened, when it puts nothing anywhere else (not "COTABATO CITY - ... floods
            # that hit Sultan Kudarat town", nor "BEIRUT (AFP) -" over a report on Syria)
            return Located.of(filed)
        top = self.top_region()
        if top is not None:
            return Located(top[0], top[0], top[1])
        country = self.main_country
        return Located(country, None, country) if country else NOWHERE

    def top_region(self) -> tuple[str, str | None] | None:
        """The region of the article's country it names most, if it names it far more than
        any other (a report on several regions is about their country; a region abroad is a
        name's: "Asharq Al-Awsat", not Eritrea's Al Awsat): (region, country)."""
        main = self.main_country
        regions = [(k, n) for k, n in self.regions.most_common() if main is None or k[1] == main]
        if not regions:
            return None
        (top, n), *rest = regions[:2]
        return top if not rest or n >= 2 * rest[0][1] else None

    def _names_hint(self) -> bool:
        """Whether the text names the place its location hint gives (or a place in it): a
        hint the text never names (FA-KES's "aleppo" on a helicopter "downed in Syria") is
        the dataset's guess, not the text's place."""
        hint, named = self.hint, self.title + self.body
        return not named or any(  # (a text naming no place at all has only the hint)
            m.name == hint.location or (hint.region is not None and m.region == hint.region)
            for m in named
        )

    def _title_country(self) -> list[PlaceMention]:
        named = [m for m in self.title if m.level == 0 and m.locative]
        others = {m.name for m in self.title if m.level == 0}
        if len(others) != 1 or not named or len(named[0].candidates) != 1:
            return []
        return named[:1]

    def country_place(self) -> Located:
        """The article's country, as a place (for a war-long or country-wide figure): the
        country of the place the account is about, else the one it names most."""
        country = self._base().country or self.main_country
        return Located(country, None, country) if country else NOWHERE


def scan_article(title: str, text: str, hint: str | None = None) -> ArticlePlaces:
    """Find and resolve the places of an article (see the module's docstring)."""
    in_title, in_body, hinted = find_mentions(title, text, hint)
    places = ArticlePlaces(in_title, in_body, hint=hinted)
    for m in places.title + places.body:
        if m.country:
            places.countries[m.country] += 1
        if m.level == 1:
            places.regions[(m.name, m.country)] += 1
    if hinted.country:
        places.countries[hinted.country] += 1
    return places


def locate(
    text: str,
    places: ArticlePlaces,
    sentence: Span,
    anchor: int,
    in_title: bool,
    previous: Located | Callable[[], Located | None] | None,
    *,
    whole_country: bool = False,
    host_country: bool = False,
    origin: bool = False,
    figures: Sequence[int] = (),
) -> Located:
    """Where a figure at ``anchor`` in ``sentence`` of ``text`` is.

    The nearest place the sentence puts something in, at its finest ("in the town of Atmeh
    in Idlib" -> Atmeh, region Idlib); two places joined by "and" give the smallest place
    holding both ("in Aleppo and Idlib" -> Syria); for a figure about a whole country (a
    war-long toll) the country; for refugees (``host_country``) the host country, even as a
    subject ("Turkey, which hosts 3.6 million"); for people displaced or evacuated
    (``origin``) not the place they went to. A sentence that names no place goes on with
    ``previous`` (the account's place; or a function giving it, called only if need be),
    else the article's :meth:`ArticlePlaces.fallback`.
    A place after another of the sentence's ``figures`` (their offsets) and a comma is that
    figure's ("75,293 Households integrated IDPs, ..., 1, 000 Households- Mandera IDPs").
    """
    mentions = places.in_span(*sentence, in_title)
    if host_country:
        countries = [m for m in mentions if m.level == 0]
        hosts = [m for m in countries if m.country != "Syria"] or countries
        if hosts:
            return Located.of(min(hosts, key=lambda m: _distance(text, m, anchor)))
    for m in mentions:  # "the provinces of Ha Giang (7), Lai Chau (6)": the place's own
        if 0 <= anchor - m.end <= 3 and m.level >= 1 and _BRACKET.fullmatch(text, m.end, anchor):
            return Located.of(m)
    local = [i for i, m in enumerate(mentions) if m.locative and m.level >= 1]
    local = [i for i in local if not _other_figures(text, mentions[i], anchor, figures)]
    local = [i for i in local if not _an_example(text, mentions, i)]
    if origin:
        # "Tens of thousands have been displaced ..., many fleeing towards Papua New Guinea",
        # "Helicopters evacuated more than 330 villagers to Acapulco": where they went, not
        # where they were displaced from
        local = [i for i in local if not _went_to(text, mentions[i])]
    if whole_country and not (local and not any(m.level == 0 for m in mentions)):
        country = next((m for m in mentions if m.level == 0 and m.locative), None)
        return Located.of(country) if country else places.country_place()
    if not local:
        nations = [i for i, m in enumerate(mentions) if m.level == 0 and m.locative]
        near = min(nations, key=lambda i: _distance(text, mentions[i], anchor), default=None)
        if near is not None and countries_listed(text, mentions, near):
            # "Floods in Malaysia and Indonesia": a figure over several countries is
            # in none of them
            return NOWHERE
    if not local and not places.country_wide(text, sentence, in_title):
        # "An AFP correspondent in Aleppo said ... dozens of barrel bombs": the speaker's
        # place, for want of any other
        local = [i for i, m in enumerate(mentions) if m.speaker and m.level >= 1]
        named = {m.country for m in mentions if m.level == 0 and m.locative}
        if named and not {mentions[i].country for i in local} & named:
            # "killed in Syria ..., the defense ministry in Moscow said": the country the
            # sentence puts the figure in, not the speaker's abroad
            local = []
        if local:
            # "... in the town of Khan Sheikhoun. ... according to the directorate of health
            # in Idlib province": the account's finer place the speaker's holds
            account = previous() if callable(previous) else previous
            speaker = Located.of(mentions[local[0]])
            if account is not None and account != speaker and speaker.holds(account):
                return account
    if local:
        b = min(local, key=lambda i: _distance(text, mentions[i], anchor))
        b = finest_held(text, mentions, b)
        if b + 1 < len(mentions) and _holds_next(text, mentions[b], mentions[b + 1]):
            b += 1  # "in Khanh Hoa's Dien Khanh District": the district of the province
        joined = list_place(text, mentions, b, anchor)
        if joined is not None:
            return joined
        found = mentions[b]
        if found.level == 1 and _narrows(text, found, sentence):
            # "the attack in Idlib province killed 58": the town the account is about
            town = places.main_town(found.region)
            if town is not None:
                return Located.of(town)
        where = Located.of(found)
        if where.region is None and not found.candidates and found.holder is None:
            # "397 in the Gunungreja village", "Pidie Jaya regency": a place the gazetteer
            # lacks and the text places nowhere lies where the account is
            account = (previous() if callable(previous) else previous) or places.fallback()
            if account.region:
                where = Located(where.location, account.region, account.country, where.within)
        return where
    if places.country_wide(text, sentence, in_title):
        return places.country_place()
    countries = [
        m for m in mentions if m.level == 0 and m.locative and not (origin and _went_to(text, m))
    ]
    account = (previous() if callable(previous) else previous) or places.fallback()
    if (
        account.region
        and account.level == 2
        and places.search(_THE_REGION, text, sentence, in_title)
    ):
        # "More than 4,400 households ... have been affected in the province": the
        # account's region, not its town
        return Located(account.region, account.region, account.country)
    if not countries:
        nation = places.service_country(text, sentence, in_title)
        if nation is not None and nation != account.country:
            # "Cambodian police said four people ... died", "China's civil affairs ministry
            # said 226,000 people were relocated": a country's own services count its own
            return Located(nation, None, nation)
        national = places.search(_AUTHORITIES_IN, text, sentence, in_title)
        if national is not None:
            state = gazetteer().country(national.group("nation"))
            if state is not None and places.countries.get(state.name):
                # "Authorities in Solomon Islands say 23 people have died": a country's
                # authorities give the country's toll, not the capital's the account was at
                return Located(state.name, None, state.name)
    if countries:
        country = min(countries, key=lambda m: _distance(text, m, anchor))
        spread = _SPREAD.search(text, max(sentence[0], country.start - 40), country.start)
        if spread or account.country != country.country or not account.region:
            # "across China", "17 dead in the Philippines" after a sentence on Russia
            return Located.of(country)
        # "air strikes in northwestern Syria killed 10" in an account of Idlib: where in
        # Syria, the account says
    return account


# A country's own service speaking: its police, civil defence or protection, disaster or
# emergency agency, health or civil affairs ministry (not its army, its government or its
# officials, who speak of wars abroad too)
_SERVICE = re.compile(
    r"\b(?P<nation>[A-Z][a-z]+)(?:['’]s)?\s+(?:(?:national|state|provincial|local|central)\s+)?"
    r"(?:police|civil\s+(?:defen[cs]e|affairs|protection)|disaster|emergency|health\s+ministry"
    r"|ministry\s+of\s+(?:health|civil\s+affairs))\b",
    re.IGNORECASE,
)


_AUTHORITIES_IN = re.compile(
    r"\b(?:[Aa]uthorities|[Oo]fficials)\s+in\s+(?:the\s+)?(?P<nation>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})"
    r"\s+(?:say|said|says|reported|report|confirmed)\b"
)


# where people displaced went: "fleeing towards X", "evacuated 330 villagers to X"
_DESTINATION = re.compile(
    r"\b(?:fled|flee|flees|fleeing|evacuated|evacuating|relocated|moved|taken|transferred"
    r"|headed|heading|bused|airlifted)\s+(?:[\w,-]+\s+){0,4}?(?:to|towards?|into)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


def _went_to(text: str, m: PlaceMention) -> bool:
    """Whether people displaced went to the place: "fleeing towards Papua New Guinea"."""
    return _DESTINATION.search(text, max(0, m.start - 50), m.start) is not None


def _service_country(text: str, sentence: Span, named: Counter[str]) -> str | None:
    """The country whose own service the sentence quotes, if the article names it (in
    ``named``, the article's countries)."""
    for m in _SERVICE.finditer(text, *sentence):
        word = m.group("nation")
        if not word[0].isupper():
            continue  # "staying in emergency shelters"
        # the country itself ("China's"), or its nationality: "Cambodian", "Pakistani"
        for name in (word, word[:-1], word[:-2] if word.endswith("an") else ""):
            country = gazetteer().country(name) if len(name) > 3 else None
            if country is not None and named.get(country.name):
                return country.name
    return None


def _holds_next(text: str, m: PlaceMention, nxt: PlaceMention) -> bool:
    """Whether a region's possessive names a place of it right after: "Khanh Hoa's Dien
    Khanh District", "Idlib's Maarat al-Numan"."""
    return (
        m.level == 1
        and nxt.level == 2
        and nxt.region == m.region
        and nxt.country == m.country
        and bool(_POSSESSIVE.search(text, m.start, m.end) or text.startswith(("'", "’"), m.end))
        and _POSSESSIVE_GAP.fullmatch(text, m.end, nxt.start) is not None
    )


#: the rest of the possessive (a mention may end with it) and up to two words of the
#: place's kind ("Idlib's northern town of")
_POSSESSIVE_GAP = re.compile(r"(?:['’]s?)?\s+(?:(?:the|a)\s+)?(?:[a-z]+\s+){0,3}?(?:of\s+)?")


def _an_example(text: str, mentions: Sequence[PlaceMention], i: int) -> bool:
    """Whether a place is one example of a wider one the sentence names before it: "Floods
    in several areas of DR Congo, including the capital Kinshasa, have left 20 dead"."""
    m = mentions[i]
    if not _INCLUDING.search(text, max(0, m.start - 40), m.start):
        return False
    return any(o.level < m.level and o.end <= m.start for o in mentions[:i])


# "including", "among them", then the place's type: what comes is a part of a whole
_INCLUDING = re.compile(
    r"\b(?:including|among\s+them|such\s+as)\s+(?:in\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:(?:capital|city|town|village|province|region|state)(?:\s+of)?\s+)?$",
    re.IGNORECASE,
)


def _other_figures(text: str, m: PlaceMention, anchor: int, figures: Sequence[int]) -> bool:
    """Whether a place belongs to another item of a list of figures: after another figure
    and a comma or a colon ("75,293 Households integrated IDPs, ..., 1, 000 Households-
    Mandera IDPs"; "The death toll is eight: three in Tochigi"), or before a comma with
    another figure just before it ("1, 000 Households- Mandera IDPs, 13,618 Households
    unprofiled IDPs")."""
    if not figures:
        return False
    if m.start > anchor:  # (figures are in reading order: bisected, not scanned)
        between = bisect.bisect_left(figures, m.start) - bisect.bisect_right(figures, anchor)
        # (a colon opens a breakdown: "The death toll is eight: three in Tochigi")
        return between > 0 and ("," in text[anchor : m.start] or ":" in text[anchor : m.start])
    if "," not in text[m.end : anchor] or anchor - m.end > ITEM_REACH // 2:
        return False
    lo = bisect.bisect_right(figures, m.start - ITEM_REACH)
    hi = bisect.bisect_left(figures, m.start)
    own = [f for f in figures[lo:hi] if f != anchor]
    return any("," not in _NUMBER_HEAD.sub("", text[f : m.start]) for f in own)


_BRACKET = re.compile(r"\s*\(\s*")
_NUMBER_HEAD = re.compile(r"^[\d,.\s]+")  # "1, 000 Households- Mandera": the number itself
#: how far before a place a figure may be and the place still its item's
ITEM_REACH = 40


def _narrows(text: str, found: PlaceMention, sentence: Span) -> bool:
    """Whether a region-level mention may stand for the town the account is about: not a
    spread over the region ("across Idlib province"), not a big city of the same name
    ("air strikes on Aleppo": the city itself)."""
    if _SPREAD.search(text, max(sentence[0], found.start - 40), found.start):
        return False
    if _PART_OF_REGION.search(text, max(sentence[0], found.start - 20), found.start):
        return False
    if found.type_word is not None:
        return False  # "the northern province of Raqa": the province, as the text says
    return found.city_size < BIG_NAMESAKE


# "in northwest Iowa": a part of the region, not a town of it
_PART_OF_REGION = re.compile(r"\bin\s+(?:the\s+)?(?:north|south)-?(?:east|west)(?:ern)?\s+$", re.I)
# "strikes across Idlib province", "other areas of Idlib": the region as a whole
_SPREAD = re.compile(
    r"\b(?:across|throughout|all\s+over|(?:various|other|several|many)\s+(?:\w+\s+)?(?:areas|parts"
    r"|towns|villages|places)\s+(?:of|in|across))\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_THE_REGION = re.compile(
    r"\b(?:in|across|throughout)\s+the\s+(?:whole\s+|entire\s+)?(?:province|governorate|state|region"
    r"|prefecture)\b(?!\s+of\b)",
    re.IGNORECASE,
)
_AND = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?(?:provinces?\s+of\s+)?", re.IGNORECASE)
_COUNTRY_WIDE = re.compile(
    r"\b(?:across|throughout|all\s+over)\s+(?:the\s+)?(?:[A-Z]\w+\s+)?(?:country|Syria)\b"
    r"|\bnationwide\b|\bin\s+various\s+areas\b"
    # "39 people in 17 prefectures", "storms hit 9 provinces": several first-level regions
    # "evacuated from 8 counties and 36 settlements" (Hungary's counties are its regions)
    r"|\b(?:in|across|hit|affected|of|from)\s+(?:(?:at\s+least|some|about)\s+)?(?:\d+|two|three"
    r"|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|multiple)\s+(?:provinces"
    r"|prefectures|states|regions|governorates|departments|counties)\b",
    re.IGNORECASE,
)


def _distance(text: str, m: PlaceMention, anchor: int) -> int:
    """How far a place is from a figure: a place after the figure ("killed 26 people in
    Idlib") is as close as one before it; one before it across a comma or semicolon belongs
    to another item of a list ("33 homes in Tegalsari village, 185 in the Sidamulya
    village") or another clause ("... Mayadeen the ministry said adding some 40") and
    counts farther."""
    if m.start >= anchor:
        if _OWN_PLACE_AFTER.fullmatch(text, anchor, m.start):
            # "Retakes Qaryatain City in Homs Kills over 50 Terrorists in Hama": the place
            # right after the counted group is the figure's own
            return 0
        return m.start - anchor
    gap = anchor - m.end
    breaks = _breaks(text)
    parted = bisect.bisect_left(breaks, m.end) < bisect.bisect_left(breaks, anchor) or (
        gap <= _VERB_REACH and _REPORTING_VERB.search(text, m.end, anchor)
    )
    return gap + CLAUSE_PENALTY if parted else gap


#: the figure, up to three words of its group, and "in": "over 50 Terrorists in ", "five
#: in Idlib and three in Hama" (Hama's three, not Idlib's)
_OWN_PLACE_AFTER = re.compile(
    r"[\w.,%-]+(?:\s+of)?(?:\s+(?!(?:in|at|on|of|near|from|and|or|to|by)\b)[\w'’-]+){0,3}"
    r"\s+(?:in|at)\s+(?:the\s+)?",
    re.IGNORECASE,
)
#: how much farther a place before a figure across a comma or semicolon counts, in characters
CLAUSE_PENALTY = 40
# a comma, a semicolon, or a reporting verb ("in the area of Mayadeen the ministry said
# adding some 40 ... around the town of Abu Kamal": FA-KES lost its commas); the verb looked
# for only in a short gap (bound: a thousand places in one sentence)
_CLAUSE_BREAK = re.compile(r"[,;]")
_REPORTING_VERB = re.compile(r"\b(?:said|says|added|adding|stated|reported)\b")
_VERB_REACH = 80


@lru_cache(maxsize=8)
def _breaks(text: str) -> list[int]:
    """Where the text's commas and semicolons are (bisected: a sentence's thousand places
    each measured against each figure searched the text between them every time)."""
    return [m.start() for m in _CLAUSE_BREAK.finditer(text)]
