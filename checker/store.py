"""The claim store: one embedded SQLite file (default ``.checker/claims.sqlite``).

It keeps every article seen, its claims, each run and the findings of each run, so a later
run can check new articles against everything seen before. Opening, layout upgrades and
transactions are :mod:`checker.store_file`'s (WAL, one ``BEGIN IMMEDIATE`` transaction per
write); here, deciding whether an article is new happens inside the same transaction as
writing it, so two writers never both store it, and :meth:`Store.add` writes a whole batch
of articles with their claims in one transaction: a process killed mid-batch leaves none of
that batch, never half an article.

The tables (:mod:`checker.store_layout`) follow the records of ../shared/spec/records.md;
dates are ISO strings (``YYYY-MM-DD``); each claim keeps the file, line and column it was
read from (provenance, layout 4) and the block it may share an incident in
(:mod:`checker.store_blocks`, layout 6).

An article's identity is its id *and* where it came from (``origin``: the file and line,
since layout 5) or its text: :meth:`Store.place` keeps two different articles that share an
id apart, and a re-ingest of the same article idempotent (see :func:`checker.identity.resolve`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.errors import StoreError, UsageError
from checker.identity import Placed, origin_key, rename_warning, renamed, resolve
from checker.ingest.copies import SIMILAR, band_keys, pack, signature, similarity, unpack
from checker.records import (
    CLAIM_FIELDS,
    Article,
    Claim,
    Finding,
    Incident,
    IncidentClaim,
)
from checker.store_blocks import (
    Blocking,
    BlockShare,
    article_ranges,
    article_rows,
    block_claim_rows,
    block_shares,
    index,
    mark_indexed,
    stale,
)
from checker.store_file import StoreFile
from checker.store_layout import (
    ARTICLE_COLUMNS,
    DEFAULT_STORE,
)
from checker.store_rows import (
    StoredFinding,
    article_from_row,
    article_row,
    claim_from_row,
    claim_row,
    date_of,
    iso_date,
    stored_finding,
)

if TYPE_CHECKING:
    import pandas as pd

_PAGE = 1000


class Store(StoreFile):
    """An open claim store. Use as a context manager, or call :meth:`close`.

    One ``Store`` per process or thread (its SQLite connection is not shared); any number
    of them may use the same file at once. ``blocking`` (the engine's
    :data:`~checker.engine.incidents.BLOCKING`) indexes each claim stored; without it,
    claims are indexed when a check next reads the index.
    """

    def __init__(self, path: str | Path = DEFAULT_STORE, blocking: Blocking | None = None) -> None:
        super().__init__(path)
        #: the engine's blocks, kept with each claim stored (None: indexed when next read)
        self.blocking = blocking

    # -- runs --------------------------------------------------------------------------

    def start_run(self, command: str) -> int:
        """Record the start of a run (``command`` is the command line); its id."""
        with self._write("starting a run") as con:
            cur = con.execute("INSERT INTO runs(started, command) VALUES (?, ?)", (_now(), command))
            assert cur.lastrowid is not None
            return cur.lastrowid

    def finish_run(self, run_id: int) -> None:
        """Record that run ``run_id`` finished."""
        with self._write("finishing a run") as con:
            cur = con.execute("UPDATE runs SET finished = ? WHERE id = ?", (_now(), run_id))
            if cur.rowcount != 1:
                raise UsageError(f"the store {self.path} has no run {run_id} to finish")

    # -- articles and claims -----------------------------------------------------------

    def add(
        self, batch: Iterable[tuple[Article, Sequence[Claim]]], run_id: int | None = None
    ) -> list[str]:
        """Store a batch of articles with their claims, all or nothing; ids new or changed.

        An article already stored with the same content hash is left as it is (its claims
        too). One stored from the same origin with other content has its row and claims
        replaced; one with an id another article holds is stored under a fresh id (see
        :meth:`place`). ``run_id`` (from :meth:`start_run`) is recorded as the run that
        first saw each new article.
        """
        return self.place(batch, run_id).changed

    def place(
        self, batch: Iterable[tuple[Article, Sequence[Claim]]], run_id: int | None = None
    ) -> Placed:
        """:meth:`add`, saying where each article went: as itself, or renamed ``<id>#2`` (its
        claims with it) because another article holds its id (:func:`checker.identity.resolve`)."""
        out = Placed()
        changed: dict[str, None] = {}
        blocking = self.blocking
        with self._write("adding articles") as con:
            if blocking is not None:
                mark_indexed(con, blocking)
            for article, claims in batch:
                for claim in claims:
                    if claim.article_id != article.article_id:
                        raise UsageError(
                            f"claim {claim.claim_id} belongs to article {claim.article_id}, "
                            f"not to article {article.article_id} it was given with; nothing "
                            "of this batch was stored"
                        )
                aid, action, holder = resolve(con, article)
                kept = list(claims)
                if aid != article.article_id:
                    article, kept = renamed(article, kept, aid)
                    if action == "insert":  # (said once: when it is first stored so)
                        out.warnings.append(rename_warning(article, holder))
                out.items.append((article, kept))
                if action == "adopt":  # stored before origins were kept: now it has one
                    con.execute(
                        "UPDATE articles SET origin = ? WHERE article_id = ?",
                        (origin_key(article), aid),
                    )
                if action in ("skip", "adopt"):
                    continue
                if action != "insert":
                    con.execute("DELETE FROM copy_bands WHERE article_id = ?", (aid,))
                    con.execute("DELETE FROM article_sigs WHERE article_id = ?", (aid,))
                sig = signature(f"{article.title}\n{article.text}")
                bands = list(enumerate(band_keys(sig))) if sig is not None else []
                copy_of = _copy_of(con, aid, sig, bands) if sig is not None else None
                stored = dataclasses.replace(article, copy_of=copy_of)
                values = (*article_row(stored), article.content_hash, run_id, origin_key(article))
                if action == "insert":
                    con.execute(_INSERT_ARTICLE, values)
                else:
                    con.execute("DELETE FROM claims WHERE article_id = ?", (aid,))
                    con.execute(_UPDATE_ARTICLE, (*values[1:-2], values[-1], aid))
                if sig is not None:
                    con.execute("INSERT INTO article_sigs VALUES (?, ?)", (aid, pack(sig)))
                    con.executemany(
                        "INSERT INTO copy_bands VALUES (?, ?, ?)",
                        [(b, k, aid) for b, k in _own_bands(con, bands, copy_of)],
                    )
                try:
                    con.executemany(
                        _INSERT_CLAIM,
                        [
                            (*claim_row(c), *(blocking.key(c) if blocking else (None, None)))
                            for c in kept
                        ],
                    )
                except sqlite3.IntegrityError as exc:
                    raise StoreError(
                        f"article {aid}: its claims cannot be stored ({exc}); a claim_id "
                        f"repeats or a required field is null. Run checker.schema."
                        f"validate_claims first; nothing of this batch was stored"
                    ) from exc
                changed[aid] = None
        out.changed = list(changed)
        return out

    def copies(self, article_ids: Iterable[str]) -> dict[str, str]:
        """article id -> the article it is a copy of, for those of ``article_ids`` that are."""
        where, params = _id_filter("article_id", article_ids)
        rows = self._con.execute(
            f"SELECT article_id, copy_of FROM articles WHERE copy_of IS NOT NULL {where}", params
        ).fetchall()
        return {str(a): str(c) for a, c in rows}

    def has(self, article_id: str, content_hash: str) -> bool:
        """Whether this article is stored with exactly this content."""
        with self._reading("an article"):
            row = self._con.execute(
                "SELECT 1 FROM articles WHERE article_id = ? AND content_hash = ?",
                (article_id, content_hash),
            ).fetchone()
        return row is not None

    def articles(self, article_ids: Iterable[str] | None = None) -> Iterator[Article]:
        """The stored articles (all, or those named), in the order first stored.

        Read a page at a time, so a large store is not loaded at once and no read stays
        open between pages.
        """
        cols = ", ".join(ARTICLE_COLUMNS)
        where, params = _id_filter("article_id", article_ids)
        last = 0
        while True:
            with self._reading("articles"):
                rows = self._con.execute(
                    f"SELECT rowid, {cols} FROM articles WHERE rowid > ? {where} "
                    f"ORDER BY rowid LIMIT {_PAGE}",
                    (last, *params),
                ).fetchall()
            for row in rows:
                yield self._row(article_from_row, row[1:])
            if len(rows) < _PAGE:
                return
            last = rows[-1][0]

    def article_ids(self) -> Iterator[str]:
        """The stored articles' ids, in the order of :meth:`articles` (no text read)."""
        last = 0
        while True:
            with self._reading("articles"):
                rows = self._con.execute(
                    "SELECT rowid, article_id FROM articles WHERE rowid > ? "
                    f"ORDER BY rowid LIMIT {_PAGE}",
                    (last,),
                ).fetchall()
            for row in rows:
                yield str(row[1])
            if len(rows) < _PAGE:
                return
            last = rows[-1][0]

    def article_ids_among(self, article_ids: Iterable[str]) -> list[str]:
        """Those of ``article_ids`` that are stored, in the order of :meth:`articles`."""
        where, params = _id_filter("article_id", article_ids)
        with self._reading("articles"):
            rows = self._con.execute(
                f"SELECT article_id FROM articles WHERE 1 {where} ORDER BY rowid", params
            ).fetchall()
        return [str(r[0]) for r in rows]

    def claims(self, article_ids: Iterable[str] | None = None) -> list[Claim]:
        """The stored claims (all, or of the articles named): by article, in text order."""
        return [self._row(claim_from_row, row) for row in self._claim_rows(article_ids)]

    def claims_frame(self, article_ids: Iterable[str] | None = None) -> pd.DataFrame:
        """The stored claims as a claims table (checker.schema's columns and types)."""
        from checker.schema import columns_to_frame  # (pandas and pandera: only when asked)

        rows = self._claim_rows(article_ids)
        columns = zip(*rows, strict=True) if rows else ([] for _ in CLAIM_FIELDS)
        return columns_to_frame(dict(zip(CLAIM_FIELDS, columns, strict=True)))

    def _claim_rows(self, article_ids: Iterable[str] | None) -> list[tuple[Any, ...]]:
        cols = ", ".join(f"c.{c}" for c in _CLAIM_SQL_NAMES)
        where, params = _id_filter("c.article_id", article_ids)
        with self._reading("claims"):
            return self._con.execute(
                f"SELECT {cols} FROM claims c JOIN articles a ON a.article_id = c.article_id "
                f"WHERE 1 {where} ORDER BY a.rowid, c.rowid",
                params,
            ).fetchall()

    # -- the blocking index (checker.store_blocks) --------------------------------------

    def index_blocks(self, blocking: Blocking) -> int:
        """Index the claims not yet indexed under ``blocking`` (all of them, once, in a
        store indexed under another version); how many were."""
        with self._reading("the blocking index"):
            if not stale(self._con, blocking):
                return 0
        with self._write("indexing its claims"):
            return index(self._con, blocking)

    def article_ranges(self, block: str) -> list[tuple[str, str]]:
        """Each article's first and last day in ``block`` (after :meth:`index_blocks`)."""
        with self._reading("the blocking index"):
            return article_ranges(self._con, block)

    def block_shares(self, block: str, lo: str, hi: str | None) -> list[BlockShare]:
        """What each article holds in ``block`` from ``lo`` to before ``hi``."""
        with self._reading("the blocking index"):
            return block_shares(self._con, block, lo, hi)

    def article_rows(self, article_ids: Iterable[str]) -> dict[str, int]:
        """Each stored article's row: the store's order (after :meth:`index_blocks`)."""
        with self._reading("articles"):
            return article_rows(self._con, article_ids)

    def block_claims(self, spans: Iterable[tuple[str, str, str | None]]) -> list[Claim]:
        """The claims of each (block, first day, day after the last or None), in the
        order of :meth:`claims`."""
        with self._reading("claims"):
            rows = block_claim_rows(self._con, spans)
        return [self._row(claim_from_row, row) for row in rows]

    def count_articles(self) -> int:
        """How many articles the store holds."""
        with self._reading("articles"):
            return int(self._con.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    # -- incidents ---------------------------------------------------------------------

    def set_incidents(
        self, incidents: Iterable[Incident], claim_incidents: Mapping[str, str]
    ) -> None:
        """Store the incidents a run grouped the claims into, and each claim's incident_id
        (one transaction). An incident id names its first claim, so a later run that adds
        reports to an incident updates the same row."""
        rows = (
            (
                i.incident_id,
                i.category,
                i.subject,
                i.unit,
                i.location,
                i.region,
                i.country,
                iso_date(i.as_of),
                iso_date(i.period_start),
                i.scope,
                i.sources,
                json.dumps([c.to_dict() for c in i.claims]),
            )
            for i in incidents
        )  # fmt: skip  (rows made as they are written: a large run's are many)
        with self._write("storing incidents") as con:
            con.executemany(
                "INSERT OR REPLACE INTO incidents(incident_id, category, subject, unit, location, "
                "region, country, as_of, period_start, scope, sources, claims) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            con.executemany(
                "UPDATE claims SET incident_id = ? WHERE claim_id = ?",
                ((iid, cid) for cid, iid in claim_incidents.items()),
            )

    def incidents(self, ids: Sequence[str] | None = None) -> list[Incident]:
        """Every stored incident (by id), or those of ``ids`` that are stored, in their
        order."""
        cols = (
            "incident_id, category, subject, unit, location, region, country, as_of, "
            "period_start, scope, sources, claims"
        )
        with self._reading("incidents"):
            if ids is None:
                rows = self._con.execute(
                    f"SELECT {cols} FROM incidents ORDER BY incident_id"
                ).fetchall()
            else:
                found = {
                    r[0]: r
                    for r in self._con.execute(
                        f"SELECT {cols} FROM incidents WHERE incident_id IN "
                        "(SELECT value FROM json_each(?))",
                        (json.dumps(list(ids)),),
                    )
                }
                rows = [found[i] for i in ids if i in found]
        return [
            Incident(
                incident_id=iid, category=cat, subject=subj, unit=unit, location=loc,
                region=reg, country=cty, as_of=date_of(as_of), period_start=date_of(start),
                scope=scope, sources=int(sources),
                claims=tuple(IncidentClaim(d["claim_id"], d["source"]) for d in json.loads(cl)),
            )
            for iid, cat, subj, unit, loc, reg, cty, as_of, start, scope, sources, cl in rows
        ]  # fmt: skip

    # -- findings ----------------------------------------------------------------------

    def add_findings(self, run_id: int, findings: Iterable[Finding]) -> int:
        """Store the findings of run ``run_id`` (one transaction); how many were stored."""
        rows = [
            (
                run_id,
                f.finding_id,
                f.rule,
                f.severity,
                f.message,
                f.explanation,
                json.dumps([c.claim_id for c in f.claims]),
                f.kind,
                f.incident_id,
                f.source_file,
                f.line,
                f.column,
            )
            for f in findings
        ]
        with self._write("adding findings") as con:
            con.executemany(
                "INSERT OR REPLACE INTO findings(run_id, finding_id, rule, severity, message, "
                'explanation, claim_ids, kind, incident_id, source_file, line, "column") '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        return len(rows)

    def findings(self, run_id: int | None = None) -> list[StoredFinding]:
        """The findings stored for run ``run_id`` (all runs when None), oldest run first."""
        where = "WHERE run_id = ?" if run_id is not None else ""
        with self._reading("findings"):
            rows = self._con.execute(
                "SELECT run_id, finding_id, rule, severity, message, explanation, claim_ids, "
                f'kind, incident_id, source_file, line, "column" FROM findings {where} '
                "ORDER BY run_id, rowid",
                () if run_id is None else (run_id,),
            ).fetchall()
        return [stored_finding(row) for row in rows]

    def find_findings(self, prefix: str) -> list[StoredFinding]:
        """The latest stored record of each finding whose id starts with ``prefix`` (a whole
        id or its first characters), for ``checker review``."""
        with self._reading("findings"):
            rows = self._con.execute(
                "SELECT run_id, finding_id, rule, severity, message, explanation, claim_ids, "
                'kind, incident_id, source_file, line, "column" FROM findings '
                "WHERE finding_id >= ? AND finding_id < ? ORDER BY run_id, rowid",
                (prefix, prefix + "\uffff"),
            ).fetchall()
        latest = {row[1]: row for row in rows}
        return [stored_finding(row) for row in latest.values()]


_INSERT_ARTICLE = (
    f"INSERT INTO articles({', '.join(ARTICLE_COLUMNS)}, content_hash, first_seen_run, origin) "
    f"VALUES ({', '.join('?' * (len(ARTICLE_COLUMNS) + 3))})"
)
_UPDATE_ARTICLE = (
    "UPDATE articles SET "
    + ", ".join(f"{c} = ?" for c in (*ARTICLE_COLUMNS[1:], "content_hash", "origin"))
    + " WHERE article_id = ?"
)
_CLAIM_SQL_NAMES = tuple(f'"{c}"' for c in CLAIM_FIELDS)  # quoted: "end" is an SQL word
_INSERT_CLAIM = (
    f"INSERT INTO claims({', '.join(_CLAIM_SQL_NAMES)}, block, day) "
    f"VALUES ({', '.join('?' * (len(CLAIM_FIELDS) + 2))})"
)


#: the copy_bands rows of the (band, key) pairs of one JSON parameter: the band keys drive
#: the join, so copy_bands_key is searched on (band, key) (a row value IN (subquery) was
#: searched on band alone, every stored article's band read for each new one: quadratic
#: in the store, 0.17 s an article at 26,800 stored)
_BANDS_OF = "json_each(?) q JOIN copy_bands b ON b.band = q.value ->> 0 AND b.key = q.value ->> 1"


def _own_bands(
    con: sqlite3.Connection, bands: list[tuple[int, str]], copy_of: str | None
) -> list[tuple[int, str]]:
    """The (band, key) rows an article's text is found by: all its bands, but a copy's only
    those that neither its original nor another copy of it holds already, which find the
    copy's text as well (a text stored a hundred times, each time a little rewritten, is
    looked up in its family's distinct bands, not in a hundred copies of them: storing
    FA-KES x100 read 140 to 830 band rows an article, and more the more replicas were
    stored). A text that is a copy only of a copy (not of the original) is then found
    through the family's bands, as that copy's."""
    if copy_of is None:
        return bands
    held = {
        (int(b), str(k))
        for b, k in con.execute(
            f"SELECT DISTINCT b.band, b.key FROM {_BANDS_OF} "
            "JOIN articles a ON a.article_id = b.article_id "
            "WHERE b.article_id = ? OR a.copy_of = ?",
            (json.dumps(bands), copy_of, copy_of),
        )
    }
    return [bk for bk in bands if bk not in held]


def _copy_of(
    con: sqlite3.Connection, aid: str, sig: tuple[int, ...], bands: list[tuple[int, str]]
) -> str | None:
    """The first stored article whose text ``sig`` (its ``bands``) is a copy of (see
    checker.ingest.copies), as the original it was itself copied from, if any; None when
    there is none."""
    rows = con.execute(
        "SELECT DISTINCT a.article_id, a.copy_of, s.sig, a.rowid "
        f"FROM {_BANDS_OF} "
        "JOIN articles a ON a.article_id = b.article_id "
        "JOIN article_sigs s ON s.article_id = b.article_id "
        "WHERE b.article_id != ? ORDER BY a.rowid",
        (json.dumps(bands), aid),
    ).fetchall()
    for other, other_copy_of, blob, _ in rows:
        if similarity(sig, unpack(blob)) >= SIMILAR:
            return str(other_copy_of or other)
    return None


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _id_filter(column: str, ids: Iterable[str] | None) -> tuple[str, tuple[str, ...]]:
    """A ``WHERE`` fragment selecting ``ids`` (one JSON parameter, however many ids)."""
    if ids is None:
        return "", ()
    return f"AND {column} IN (SELECT value FROM json_each(?))", (json.dumps(list(ids)),)
