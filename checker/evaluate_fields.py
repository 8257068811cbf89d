"""When a field of an extracted claim agrees with the gold's (:mod:`checker.evaluate`).

A field agrees with the gold's when, by field:

- hedge, modality, scope: equal;
- location, region, country: the same gazetteer key once resolved in the gold's country
  ("Deir ez-Zor" and "deir ezzor" are one place);
- as_of, period_start: the same date (both null counts as equal);
- attribution: both null, or the same source once both are normalised by
  :func:`checker.extract.sources.normalise_source` (so "SOHR", "the Observatory" and
  "Syrian Observatory for Human Rights" agree; "Defense"/"Defence" agree), or one name's
  words contained in the other's ("Hitto" in "Obaida Hitto");
- subject: the same head noun (last word, singular/plural folded);
- part_of: both null, or the same last word;
- low, high: equal to a millionth; others: equal.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from checker.extract.gazetteer import gazetteer, place_key
from checker.extract.places import resolve_name
from checker.extract.sources import normalise_source
from checker.lexicon import initials
from checker.records import parse_iso_date


def quote_words(s: str) -> list[str]:
    """The words of a quote, lower case, without "the", "a" and "of"."""
    return [w for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in ("the", "a", "of")]


def plain_words(s: str) -> str:
    return " ".join(quote_words(s))


def field_agrees(
    name: str, gold: Any, got: Any, gold_fields: Mapping[str, Any] | None = None
) -> bool:
    """Whether an extracted field agrees with the gold's (the rules of the module docstring)."""
    if name in ("as_of", "period_start"):
        return _date(gold) == _date(got)
    if name == "location":
        country = (gold_fields or {}).get("country")
        return place_key_of(_str(gold), country) == place_key_of(_str(got), country)
    if name == "region":
        country = (gold_fields or {}).get("country")
        return region_key_of(_str(gold), country) == region_key_of(_str(got), country)
    if name == "country":
        return country_key_of(_str(gold)) == country_key_of(_str(got))
    if name == "part_of":
        return (gold is None) == (got is None) and (
            gold is None
            or plain_words(str(gold)).split()[-1:] == plain_words(str(got)).split()[-1:]
        )
    if name == "attribution":
        # the aliases of Syrian bodies hold in the gold of a figure in Syria only ("state
        # media" in a report on Cuba is Cuba's)
        country = (gold_fields or {}).get("country")
        return sources_agree(_str(gold), _str(got), country in (None, "Syria"))
    if name == "subject":
        return _head(_str(gold)) == _head(_str(got))
    if name in ("low", "high"):
        if gold is None or got is None:
            return gold is None and got is None
        return abs(float(gold) - float(got)) <= 1e-6 * max(1.0, abs(float(gold)))
    return bool(gold == got)


def place_key_of(name: str | None, country: str | None = None) -> str | None:
    """A place's comparison key: its gazetteer name's key (spelling variants meet), the
    type word of an administrative unit left out ("Nan District" is Nan)."""
    if not name:
        return None
    bare = _ADMIN_TYPE.sub("", name) or name
    return place_key(resolve_name(bare, country_key_of(country)).location or bare)


# (not "City", "Town": "Mexico City" is not Mexico)
_ADMIN_TYPE = re.compile(
    r"\s+(?:district|sub-?district|province|state|county|regency|governorate|prefecture"
    r"|municipality)$",
    re.IGNORECASE,
)


def region_key_of(name: str | None, country: str | None = None) -> str | None:
    if not name:
        return None
    region = gazetteer().region(name, country_key_of(country)) or gazetteer().region(name)
    return place_key(region.name if region else name)


def country_key_of(name: str | None) -> str | None:
    if not name:
        return None
    found = gazetteer().country(name)
    return found.name if found else name


def _date(v: Any) -> dt.date | None:
    return parse_iso_date(v)


def _str(v: Any) -> str | None:
    return None if v is None else str(v)


def sources_agree(gold: str | None, got: str | None, syria: bool = True) -> bool:
    """Whether two attributions name the same source (see the module docstring); ``syria``:
    whether the figure is in Syria (:func:`checker.extract.sources.normalise_source`)."""
    if gold is None or got is None:
        return gold is None and got is None
    a, b = _source_key(gold, syria), _source_key(got, syria)
    if a == b:
        return True
    wa, wb = set(a.split()), set(b.split())
    if initials(gold) == got.upper() or initials(got) == gold.upper():
        return True  # "KCNA", "Korean Central News Agency"
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _source_key(name: str, syria: bool = True) -> str:
    canon = normalise_source(name, syria) or name
    key = canon.lower().replace("defense", "defence").replace("’", "'")
    key = re.sub(r"\b(?:the|a|an)\b|'s\b|[^a-z0-9 ]", " ", key)
    return " ".join(key.split())


def _head(subject: str | None) -> str:
    if not subject:
        return ""
    word = re.findall(r"[a-z]+", subject.lower())[-1:] or [""]
    head = word[0]
    for suffix, repl in (("ies", "y"), ("men", "man"), ("ren", ""), ("s", "")):
        if head.endswith(suffix) and len(head) > len(suffix) + 2:
            return head[: -len(suffix)] + repl
    return head
