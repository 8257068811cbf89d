"""Records to rows of the claim store and back (:mod:`checker.store_layout` has the
tables): articles, claims and the findings of a run, with dates as ISO strings."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from checker.records import CLAIM_FIELDS, DATE_FIELDS, Article, Claim, parse_iso_date


@dataclass(frozen=True, slots=True)
class StoredFinding:
    """A finding as stored for one run: its claims by id (they may since have changed)."""

    run_id: int
    finding_id: str
    rule: str
    severity: str
    message: str
    explanation: str
    claim_ids: tuple[str, ...]
    kind: str = "finding"
    incident_id: str | None = None
    source_file: str | None = None
    line: int | None = None
    column: int | None = None


def stored_finding(row: Sequence[Any]) -> StoredFinding:
    run, fid, rule, severity, message, explanation, ids, kind, iid, src, line, col = row
    return StoredFinding(
        run, fid, rule, severity, message, explanation, tuple(json.loads(ids)), kind, iid, src,
        line, col,
    )  # fmt: skip


def iso_date(d: dt.date | None) -> str | None:
    return None if d is None else d.isoformat()


def article_row(a: Article) -> tuple[Any, ...]:
    return (
        a.article_id, a.outlet, iso_date(a.published), a.title, a.text, a.url, a.location,
        a.copy_of, a.language,
    )  # fmt: skip


def article_from_row(row: Sequence[Any]) -> Article:
    aid, outlet, published, title, text, url, location, copy_of, language = row
    return Article(
        aid, outlet, parse_iso_date(published), title, text, url, location, copy_of,
        language=language,
    )  # fmt: skip


def claim_row(c: Claim) -> tuple[Any, ...]:
    # int()/float(): numpy scalars (a claim built from a frame by hand) cannot be bound
    values = []
    for name in CLAIM_FIELDS:
        v = getattr(c, name)
        if name in _DATE_NAMES:
            v = iso_date(v)
        elif name in ("value", "low", "high"):
            v = _num(v)
        elif name in ("start", "end", "in_title"):
            v = int(v)
        values.append(v)
    return tuple(values)


_DATE_NAMES = frozenset(DATE_FIELDS)


def _num(x: float | None) -> float | None:
    return None if x is None else float(x)


def claim_from_row(row: Sequence[Any]) -> Claim:
    kw = dict(zip(CLAIM_FIELDS, row, strict=True))
    for name in _DATE_NAMES:
        kw[name] = date_of(kw[name])
    kw["in_title"] = bool(kw["in_title"])
    return Claim(**kw)


@lru_cache(maxsize=65536)
def date_of(iso: str | None) -> dt.date | None:
    """An ISO date column value as a date (cached: a store holds few distinct dates)."""
    return None if iso is None else dt.date.fromisoformat(iso)
