"""The claim store: one embedded SQLite file (default ``.checker/claims.sqlite``).

It keeps every article seen, its claims, each run and the findings of each run, so a later
run can check new articles against everything seen before. Writes are made for more than
one process at a time and for being killed at any moment:

- WAL journal, ``busy_timeout`` of 30 s, and every write in one ``BEGIN IMMEDIATE``
  transaction: a second writer waits for the first instead of failing with "database is
  locked", and deciding whether an article is new happens inside the same transaction as
  writing it, so two writers never both store it;
- :meth:`Store.add` writes a whole batch of articles with their claims in one transaction:
  a process killed mid-batch leaves none of that batch, never half an article.

The tables follow the records of ../shared/spec/records.md; dates are ISO strings
(``YYYY-MM-DD``); each claim keeps the file, line and column it was read from (provenance,
layout version 4). The layout is versioned in ``meta.schema_version`` and upgraded by
:data:`MIGRATIONS`; a store whose layout is not what its version says (a dropped column), an
SQLite file of something else, or a damaged file is a :class:`~checker.errors.StoreError`
naming it, never a traceback, and never gets checker's tables added.

An article's identity is its id *and* where it came from (``origin``: the file and line,
since layout 5) or its text: :meth:`Store.place` keeps two different articles that share an
id apart, and a re-ingest of the same article idempotent (see :func:`checker.identity.resolve`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
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
    BlockDay,
    Blocking,
    block_claim_rows,
    block_days,
    index,
    mark_indexed,
    stale,
)
from checker.store_layout import (
    ARTICLE_COLUMNS,
    BUSY_TIMEOUT_S,
    DEFAULT_STORE,
    LAYOUT,
    MIGRATIONS,
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


class Store:
    """An open claim store. Use as a context manager, or call :meth:`close`.

    One ``Store`` per process or thread (its SQLite connection is not shared); any number
    of them may use the same file at once.
    """

    def __init__(self, path: str | Path = DEFAULT_STORE, blocking: Blocking | None = None) -> None:
        #: ":memory:" keeps nothing after the run (no file, no WAL): for one-off checks
        #: the engine's blocks, kept with each claim stored (None: indexed when next read)
        self.blocking = blocking
        self.in_memory = str(path) == ":memory:"
        self.path = Path(path)
        try:
            if not self.in_memory:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._con = sqlite3.connect(
                ":memory:" if self.in_memory else self.path,
                timeout=BUSY_TIMEOUT_S,
                isolation_level=None,
            )
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(
                f"cannot open the store {self.path}: {exc}; check that the path is writable"
            ) from exc
        try:
            self._con.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            if self._version() == 0:  # before anything writes to it (WAL changes the file)
                self._refuse_foreign(self._con)
            self._use_wal()
            # with WAL, NORMAL loses no commit when the process dies (only on power loss)
            self._con.execute("PRAGMA synchronous = NORMAL")
            self._con.execute("PRAGMA foreign_keys = ON")
            self._migrate()
            self._check_layout()
        except BaseException as exc:
            self._con.close()
            if isinstance(exc, sqlite3.Error):
                raise StoreError(
                    f"cannot open the store {self.path}: {exc} (is it a checker store, and "
                    "whole? give another --store path, or restore it from a copy)"
                ) from exc
            raise

    def _use_wal(self) -> None:
        """Switch the file to WAL journaling (persistent: a no-op once done).

        SQLite does not run the busy handler for ``PRAGMA journal_mode = WAL``, which needs
        the file to itself: two processes creating a store together would get "database is
        locked" at once despite busy_timeout. So the current mode is read first, and the
        switch retried with backoff within the same time budget; a switch refused because
        another process made it meanwhile is then seen as done.
        """
        if self.in_memory:
            return  # an in-memory database has no journal file to share
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        delay = 0.005
        while True:
            mode = str(self._con.execute("PRAGMA journal_mode").fetchone()[0]).lower()
            if mode == "wal":
                return
            try:
                mode = str(self._con.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
            if mode == "wal":
                return
            if time.monotonic() > deadline:
                raise StoreError(
                    f"the store {self.path} cannot switch to WAL journaling (mode {mode}): "
                    f"another process keeps it locked"
                )
            time.sleep(delay)
            delay = min(delay * 2, 0.1)

    # -- lifecycle ---------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """The layout version of this store (see :data:`MIGRATIONS`)."""
        return _version(self._con)

    @contextmanager
    def _write(self, what: str) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (``IMMEDIATE``) so writers queue, not fail."""
        try:
            self._con.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to the store {self.path} ({what}): {exc}") from exc
        try:
            yield self._con
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, sqlite3.Error):
                raise StoreError(
                    f"writing to the store {self.path} failed ({what}), nothing of it was "
                    f"kept: {exc}"
                ) from exc
            raise
        else:
            try:
                self._con.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise StoreError(f"cannot commit to the store {self.path} ({what}): {exc}") from exc

    def _rollback(self) -> None:
        # SQLite may have rolled back already (disk full, I/O error): don't mask the cause
        if self._con.in_transaction:
            self._con.execute("ROLLBACK")

    def _migrate(self) -> None:
        latest = max(MIGRATIONS)
        if self._version() == latest:  # the usual case: no write lock needed
            return
        with self._write("upgrading its layout") as con:
            current = self._version()
            if current == 0:
                self._refuse_foreign(con)
            if current > latest:
                raise StoreError(
                    f"the store {self.path} has layout version {current}, made by a newer "
                    f"checker (this one knows up to {latest}): upgrade checker, or use "
                    f"another --store path"
                )
            for version in sorted(v for v in MIGRATIONS if v > current):
                MIGRATIONS[version](con)
                con.execute(
                    "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (str(version),),
                )

    def _version(self) -> int:
        try:
            return _version(self._con)
        except ValueError:
            raw = self._con.execute("SELECT value FROM meta WHERE key = 'schema_version'")
            raise StoreError(
                f"the store {self.path} is damaged or not a checker store: its layout "
                f"version (meta.schema_version) is {raw.fetchone()[0]!r}, not a number. "
                "Give another --store path"
            ) from None

    def _refuse_foreign(self, con: sqlite3.Connection) -> None:
        """A database with tables but no checker layout is someone else's: left alone."""
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        if tables:
            raise StoreError(
                f"{self.path} is an SQLite database, but not a checker store (it has "
                f"{', '.join(tables[:8])}{' ...' if len(tables) > 8 else ''}): checker leaves "
                "it as it is. Give another --store path"
            )

    def _check_layout(self) -> None:
        """Every table has the columns its version says (a store edited by hand may not)."""
        for table, wanted in LAYOUT.items():
            have = {r[1] for r in self._con.execute(f"PRAGMA table_info({table})")}
            missing = [c for c in wanted if c not in have]
            if missing:
                raise StoreError(
                    f"the store {self.path} is damaged: its {table} table "
                    f"{'is missing' if not have else 'lacks the column(s) ' + ', '.join(missing)}"
                    f" (layout version {self.schema_version}). Give another --store path, or "
                    "restore it from a copy"
                )

    @contextmanager
    def _reading(self, what: str) -> Iterator[None]:
        """Reading the store: a damaged file or row is a StoreError naming the store."""
        try:
            yield
        except sqlite3.Error as exc:
            raise StoreError(
                f"cannot read {what} from the store {self.path}: {str(exc)[:300]}. The file is "
                "damaged: restore it from a copy, or give another --store path"
            ) from exc

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
                copy_of = _copy_of(con, aid, sig) if sig is not None else None
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
                        [(b, k, aid) for b, k in enumerate(band_keys(sig))],
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

    def block_days(self, block: str) -> list[BlockDay]:
        """What each article holds in ``block`` day by day (after :meth:`index_blocks`)."""
        with self._reading("the blocking index"):
            return block_days(self._con, block)

    def block_claims(self, spans: Iterable[tuple[str, str, str | None]]) -> list[Claim]:
        """The claims of each (block, first day, day after the last or None), in the
        order of :meth:`claims`."""
        with self._reading("claims"):
            rows = block_claim_rows(self._con, spans)
        return [self._row(claim_from_row, row) for row in rows]

    def count_articles(self) -> int:
        with self._reading("articles"):
            return int(self._con.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def _row(self, make: Callable[[Sequence[Any]], Any], row: Sequence[Any]) -> Any:
        """A stored row as a record; a row that is not one (a bad date, a number where
        text belongs) is a StoreError naming the store and the row."""
        try:
            return make(row)
        except (ValueError, TypeError, KeyError) as exc:
            raise StoreError(
                f"the store {self.path} holds a damaged row ({exc}; the row starts "
                f"{_short_row(row)}): restore the store from a copy, or give another "
                "--store path"
            ) from None

    # -- incidents ---------------------------------------------------------------------

    def set_incidents(
        self, incidents: Iterable[Incident], claim_incidents: Mapping[str, str]
    ) -> None:
        """Store the incidents a run grouped the claims into, and each claim's incident_id
        (one transaction). An incident id names its first claim, so a later run that adds
        reports to an incident updates the same row."""
        rows = [
            (
                i.incident_id, i.category, i.subject, i.unit, i.location, i.region, i.country,
                iso_date(i.as_of), iso_date(i.period_start), i.scope, i.sources,
                json.dumps([c.to_dict() for c in i.claims]),
            )
            for i in incidents
        ]  # fmt: skip
        with self._write("storing incidents") as con:
            con.executemany(
                "INSERT OR REPLACE INTO incidents(incident_id, category, subject, unit, location, "
                "region, country, as_of, period_start, scope, sources, claims) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            con.executemany(
                "UPDATE claims SET incident_id = ? WHERE claim_id = ?",
                [(iid, cid) for cid, iid in claim_incidents.items()],
            )

    def incidents(self) -> list[Incident]:
        """Every stored incident."""
        rows = self._con.execute(
            "SELECT incident_id, category, subject, unit, location, region, country, as_of, "
            "period_start, scope, sources, claims FROM incidents ORDER BY incident_id"
        ).fetchall()
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


def _copy_of(con: sqlite3.Connection, aid: str, sig: tuple[int, ...]) -> str | None:
    """The first stored article whose text ``sig`` is a copy of (see checker.ingest.copies),
    as the original it was itself copied from, if any; None when there is none."""
    keys = band_keys(sig)
    rows = con.execute(
        # the band keys drive the join, so copy_bands_key is searched on (band, key): a row
        # value IN (subquery) was searched on band alone, every stored article's band read
        # for each new one (quadratic in the store: 0.17 s an article at 26,800 stored)
        "SELECT DISTINCT a.article_id, a.copy_of, s.sig, a.rowid FROM json_each(?) k "
        "JOIN copy_bands b ON b.band = k.value ->> 0 AND b.key = k.value ->> 1 "
        "JOIN articles a ON a.article_id = b.article_id "
        "JOIN article_sigs s ON s.article_id = b.article_id "
        "WHERE b.article_id != ? ORDER BY a.rowid",
        (json.dumps([[i, k] for i, k in enumerate(keys)]), aid),
    ).fetchall()
    for other, other_copy_of, blob, _ in rows:
        if similarity(sig, unpack(blob)) >= SIMILAR:
            return str(other_copy_of or other)
    return None


def _version(con: sqlite3.Connection) -> int:
    has_meta = con.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
    ).fetchone()
    if not has_meta:
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def _short_row(row: Sequence[Any]) -> str:
    text = repr(tuple(row[:3]))
    return text if len(text) <= 160 else text[:157] + "..."


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _id_filter(column: str, ids: Iterable[str] | None) -> tuple[str, tuple[str, ...]]:
    """A ``WHERE`` fragment selecting ``ids`` (one JSON parameter, however many ids)."""
    if ids is None:
        return "", ()
    return f"AND {column} IN (SELECT value FROM json_each(?))", (json.dumps(list(ids)),)
