"""The store's blocking index: which block each stored claim may share an incident in, and
the day its figure holds at (columns ``block`` and ``day`` of ``claims``, layout 6).

The engine decides what a block is (:func:`checker.engine.incidents.block_key`); the store
only keeps it, as text, next to each claim and indexed with the day, so a check of a few new
articles against a large store reads the blocks and days those articles touch instead of
every claim (:func:`checker.run.stored.stored_partitions`). The engine hands the store a
:class:`Blocking`: the key of a claim, and a version that changes whenever the key's
definition may have. A store indexed under another version, and claims stored without a
``Blocking`` (by ``checker extract``, by a checker before layout 6), are indexed again
(:func:`index`) before the index is read; the index is never trusted across versions.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from checker.records import CLAIM_FIELDS, Claim
from checker.store_rows import claim_from_row

#: ``claims.block`` of a claim that can share no incident
NO_BLOCK = ""
#: the meta key under which the index's version is kept
VERSION_KEY = "block_version"
#: claims indexed per write
_BATCH = 5_000

_CLAIM_COLUMNS = ", ".join(f'c."{c}"' for c in CLAIM_FIELDS)


@dataclass(frozen=True)
class Blocking:
    """How the engine sorts claims into blocks: ``key(claim)`` is the claim's block (text,
    :data:`NO_BLOCK` for none) and the ISO day its figure holds at (None: no day);
    ``version`` names the definition (a store indexed under another is indexed again)."""

    version: str
    key: Callable[[Claim], tuple[str, str | None]]


@dataclass(frozen=True, slots=True)
class BlockShare:
    """The claims one article holds in one span of a block: how many, and the row of the
    first of them (claims of one article are stored together, in text order)."""

    article_id: str
    claims: int
    first_claim_row: int


def stale(con: sqlite3.Connection, blocking: Blocking) -> bool:
    """Whether :func:`index` has anything to do (read only)."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", (VERSION_KEY,)).fetchone()
    if row is None or row[0] != blocking.version:
        return True
    unindexed = "SELECT 1 FROM claims INDEXED BY claims_unblocked WHERE block IS NULL LIMIT 1"
    return con.execute(unindexed).fetchone() is not None


def index(con: sqlite3.Connection, blocking: Blocking) -> int:
    """Index every claim that is not (all of them when the store was indexed under another
    version); how many were. Runs inside the caller's write transaction."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", (VERSION_KEY,)).fetchone()
    if row is None or row[0] != blocking.version:
        con.execute("UPDATE claims SET block = NULL, day = NULL WHERE block IS NOT NULL")
        con.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (VERSION_KEY, blocking.version),
        )
    done = 0
    while True:
        rows = con.execute(
            f"SELECT c.rowid, {_CLAIM_COLUMNS} FROM claims c INDEXED BY claims_unblocked "
            f"WHERE c.block IS NULL LIMIT {_BATCH}"
        ).fetchall()
        if not rows:
            return done
        con.executemany(
            "UPDATE claims SET block = ?, day = ? WHERE rowid = ?",
            [(*blocking.key(claim_from_row(r[1:])), r[0]) for r in rows],
        )
        done += len(rows)


def mark_indexed(con: sqlite3.Connection, blocking: Blocking) -> None:
    """Record that claims are being stored indexed under ``blocking`` (a fresh store's
    first write), unless the store holds claims indexed otherwise, which :func:`index`
    then redoes."""
    con.execute(
        "INSERT INTO meta(key, value) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM claims) "
        "ON CONFLICT(key) DO NOTHING",
        (VERSION_KEY, blocking.version),
    )


def article_ranges(con: sqlite3.Connection, block: str) -> list[tuple[str, str]]:
    """Each article's first and last day in ``block`` (ISO days; read from the covering
    index alone: a block of the whole archive is one scan), from which the engine cuts the
    block into spans (:func:`checker.run.parts.span_starts`)."""
    rows = con.execute(
        "SELECT MIN(day), MAX(day) FROM claims INDEXED BY claims_block_article "
        "WHERE block = ? AND day IS NOT NULL GROUP BY article_id",
        (block,),
    ).fetchall()
    return [(str(lo), str(hi)) for lo, hi in rows]


def block_shares(con: sqlite3.Connection, block: str, lo: str, hi: str | None) -> list[BlockShare]:
    """What each article holds in ``block`` from day ``lo`` to the day before ``hi`` (None:
    to the end)."""
    upper, params = ("AND day < ?", (block, lo, hi)) if hi else ("", (block, lo))
    rows = con.execute(
        "SELECT article_id, COUNT(*), MIN(rowid) FROM claims INDEXED BY claims_block "
        f"WHERE block = ? AND day >= ? {upper} GROUP BY article_id",
        params,
    ).fetchall()
    return [BlockShare(str(a), int(n), int(r)) for a, n, r in rows]


def article_rows(con: sqlite3.Connection, article_ids: Iterable[str]) -> dict[str, int]:
    """Each stored article's row (the store's order is article row, then claim row)."""
    rows = con.execute(
        "SELECT article_id, rowid FROM articles WHERE article_id IN "
        "(SELECT value FROM json_each(?))",
        (json.dumps(list(article_ids)),),
    ).fetchall()
    return {str(a): int(r) for a, r in rows}


def block_claim_rows(
    con: sqlite3.Connection, spans: Iterable[tuple[str, str, str | None]]
) -> list[Sequence[Any]]:
    """The claim rows of each (block, first day, day after the last or None), in the
    store's order across all of them."""
    found: list[tuple[int, int, Sequence[Any]]] = []
    for block, lo, hi in spans:
        upper, params = ("AND c.day < ?", (block, lo, hi)) if hi else ("", (block, lo))
        for r in con.execute(
            f"SELECT a.rowid, c.rowid, {_CLAIM_COLUMNS} FROM claims c INDEXED BY claims_block "
            "JOIN articles a ON a.article_id = c.article_id "
            f"WHERE c.block = ? AND c.day >= ? {upper}",
            params,
        ):
            found.append((r[0], r[1], r[2:]))
    found.sort(key=lambda x: (x[0], x[1]))
    return [r for _, _, r in found]
