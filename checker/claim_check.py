"""The claims table's checks (:class:`checker.schema.ClaimSchema`) asked of Claim objects,
without building a table: the quick way through for a batch in which every claim passes.

:func:`checker.schema.validate_claims` is the gate before the store and the rules, and it is
pandera's: a DataFrame made of the batch, validated, and turned back into claims. For a
batch of freshly extracted claims that costs more than a second of ``checker extract`` on
FA-KES (importing pandas and pandera 0.6 s of it), and every claim passes. So the engines
first ask :func:`passes_as_is`: True only when each claim certainly passes every check of
the schema *and* comes back from the table unchanged (plain ``str``, ``float``, ``int``,
``bool`` and ``date`` values). Anything else, even a claim that would pass, goes through
pandera as before, which then says which rows fail and why. It only ever says "passes"
for claims pandera passes (``tests/test_schema.py`` holds it to that).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from checker.records import CATEGORIES, HEDGES, MODALITIES, SCOPES, UNITS, Claim

_HEDGES = frozenset(HEDGES)
_CATEGORIES = frozenset(CATEGORIES)
_MODALITIES = frozenset(MODALITIES)
_SCOPES = frozenset(SCOPES)
_UNITS = frozenset(UNITS)
_INT64 = 2**63


def passes_as_is(claims: Sequence[Claim]) -> bool:
    """Whether every claim passes the claims table's checks, and the claim_ids are unique:
    True means :func:`checker.schema.validate_claims` of their table would give them all
    back, unchanged, with no error (False: ask it)."""
    seen: set[str] = set()
    for c in claims:
        if not _passes(c) or c.claim_id in seen:
            return False
        seen.add(c.claim_id)
    return True


def _passes(c: Claim) -> bool:
    return (
        _text(c.claim_id, empty=False)
        and _text(c.article_id, empty=False)
        and _text(c.outlet)
        and _date(c.published)
        and type(c.in_title) is bool
        and _offset(c.start)
        and _offset(c.end)
        and c.start <= c.end
        and _text(c.quote)
        and _text(c.surface, empty=False)
        and _figure(c.value)
        and c.hedge in _HEDGES
        and (c.low is None or (_figure(c.low) and c.low <= c.value))
        and (c.high is None or (_figure(c.high) and c.value <= c.high))
        and c.category in _CATEGORIES
        and _text(c.subject)
        and _text_or_none(c.location)
        and _text_or_none(c.region)
        and _text_or_none(c.country)
        and c.unit in _UNITS
        and _text_or_none(c.part_of)
        and _date(c.as_of)
        and _date(c.period_start)
        and _text_or_none(c.attribution)
        and c.modality in _MODALITIES
        and c.scope in _SCOPES
        and _text_or_none(c.incident_id)
        and _date(c.reported)
        and _text_or_none(c.source_file)
        and _position(c.line)
        and _position(c.column)
        and _position(c.row)
    )


def _text(v: object, empty: bool = True) -> bool:
    """A plain ``str`` a table column holds as it is (valid UTF-8: no lone surrogates)."""
    if type(v) is not str or (not empty and not v):
        return False
    if v.isascii():
        return True
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _text_or_none(v: object) -> bool:
    return v is None or _text(v)


def _date(v: object) -> bool:
    # a plain date (not a datetime, whose time the table would drop)
    return v is None or type(v) is dt.date


def _offset(v: object) -> bool:
    return type(v) is int and 0 <= v < _INT64


def _figure(v: object) -> bool:
    return type(v) is float and math.isfinite(v) and v >= 0


def _position(v: object) -> bool:
    return v is None or (type(v) is int and 1 <= v < _INT64)
