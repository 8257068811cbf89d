"""The claim store's file: opening it, upgrading its layout, and the transactions every
part of :class:`checker.store.Store` reads and writes through.

Writes are made for more than one process at a time and for being killed at any moment:
WAL journal, ``busy_timeout`` of 30 s, and every write in one ``BEGIN IMMEDIATE``
transaction (:meth:`StoreFile._write`), so a second writer waits for the first instead of
failing with "database is locked", and a process killed mid-write leaves none of it. The
layout is versioned in ``meta.schema_version`` and upgraded by
:data:`~checker.store_layout.MIGRATIONS`; a store whose layout is not what its version says
(a dropped column), an SQLite file of something else, or a damaged file is a
:class:`~checker.errors.StoreError` naming it, never a traceback, and never gets checker's
tables added.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from checker.errors import StoreError
from checker.store_layout import BUSY_TIMEOUT_S, DEFAULT_STORE, LAYOUT, MIGRATIONS


class StoreFile:
    """An open store file: its connection, layout and transactions (see the module).

    One per process or thread (its SQLite connection is not shared); any number of them
    may use the same file at once.
    """

    def __init__(self, path: str | Path = DEFAULT_STORE) -> None:
        #: ":memory:" keeps nothing after the run (no file, no WAL): for one-off checks
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

    def __enter__(self) -> Self:
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
        """A database with tables but no checker layout version is someone else's: left alone.

        The version and the tables are read in one snapshot (one read transaction, unless
        the caller's write transaction is one already): another process may be creating
        this very store, and a version read before its commit beside tables read after it
        would call checker's own new store foreign.
        """
        snapshot = not con.in_transaction
        if snapshot:
            con.execute("BEGIN")
        try:
            if self._version() != 0:
                return
            tables = [
                r[0]
                for r in con.execute(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                    "AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            ]
        finally:
            if snapshot:
                con.execute("COMMIT")
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
