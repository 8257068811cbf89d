"""The layout of the claim store: its tables, their columns, and the migrations that upgrade
a store from one layout version to the next (:data:`MIGRATIONS`). :class:`checker.store.Store`
opens a store, migrates it and checks it against :data:`LAYOUT`.

The tables follow the records of ../shared/spec/records.md; dates are ISO strings
(``YYYY-MM-DD``). Append a new version to :data:`MIGRATIONS` to change the layout; never
edit a released one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from checker.records import CLAIM_FIELDS

#: where the store is kept when neither ``--store`` nor ``[tool.checker] store`` says
DEFAULT_STORE = Path(".checker") / "claims.sqlite"
#: seconds a writer waits for another one
BUSY_TIMEOUT_S = 30.0

ARTICLE_COLUMNS: tuple[str, ...] = (
    "article_id", "outlet", "published", "title", "text", "url", "location", "copy_of",
    "language",
)  # fmt: skip


_V1_TABLES = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started TEXT NOT NULL,
        finished TEXT,
        command TEXT NOT NULL
    )""",
    """CREATE TABLE articles (
        article_id TEXT PRIMARY KEY,
        outlet TEXT NOT NULL,
        published TEXT,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        url TEXT,
        location TEXT,
        content_hash TEXT NOT NULL,
        first_seen_run INTEGER REFERENCES runs(id)
    )""",
    """CREATE TABLE claims (
        claim_id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
        outlet TEXT NOT NULL,
        published TEXT,
        in_title INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        quote TEXT NOT NULL,
        surface TEXT NOT NULL,
        value REAL NOT NULL,
        hedge TEXT NOT NULL,
        low REAL,
        high REAL,
        category TEXT NOT NULL,
        subject TEXT NOT NULL,
        location TEXT,
        as_of TEXT,
        period_start TEXT,
        attribution TEXT,
        modality TEXT NOT NULL,
        scope TEXT NOT NULL
    )""",
    "CREATE INDEX claims_article ON claims(article_id)",
    """CREATE TABLE findings (
        run_id INTEGER NOT NULL REFERENCES runs(id),
        finding_id TEXT NOT NULL,
        rule TEXT NOT NULL,
        severity TEXT NOT NULL,
        message TEXT NOT NULL,
        explanation TEXT NOT NULL,
        claim_ids TEXT NOT NULL,
        PRIMARY KEY (run_id, finding_id)
    )""",
)


def _migrate_1(con: sqlite3.Connection) -> None:
    """Version 1: meta, runs, articles, claims, findings."""
    # One statement at a time: ``executescript`` would commit the migration's transaction.
    for statement in _V1_TABLES:
        con.execute(statement)


_V2_STATEMENTS = (
    "ALTER TABLE articles ADD COLUMN copy_of TEXT",
    "ALTER TABLE claims ADD COLUMN region TEXT",
    "ALTER TABLE claims ADD COLUMN country TEXT",
    "ALTER TABLE claims ADD COLUMN unit TEXT NOT NULL DEFAULT 'people'",
    "ALTER TABLE claims ADD COLUMN part_of TEXT",
    "ALTER TABLE claims ADD COLUMN incident_id TEXT",
    "ALTER TABLE claims ADD COLUMN reported TEXT",
    "ALTER TABLE findings ADD COLUMN kind TEXT NOT NULL DEFAULT 'finding'",
    "ALTER TABLE findings ADD COLUMN incident_id TEXT",
    """CREATE TABLE incidents (
        incident_id TEXT PRIMARY KEY,
        category TEXT NOT NULL,
        subject TEXT NOT NULL,
        unit TEXT NOT NULL,
        location TEXT,
        region TEXT,
        country TEXT,
        as_of TEXT,
        period_start TEXT,
        scope TEXT NOT NULL,
        sources INTEGER NOT NULL,
        claims TEXT NOT NULL
    )""",
    "CREATE INDEX claims_incident ON claims(incident_id)",
    """CREATE TABLE article_sigs (
        article_id TEXT PRIMARY KEY REFERENCES articles(article_id) ON DELETE CASCADE,
        sig BLOB NOT NULL
    )""",
    """CREATE TABLE copy_bands (
        band INTEGER NOT NULL,
        key TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE
    )""",
    "CREATE INDEX copy_bands_key ON copy_bands(band, key)",
    "CREATE INDEX copy_bands_article ON copy_bands(article_id)",
)


def _migrate_2(con: sqlite3.Connection) -> None:
    """Version 2: places as a hierarchy (region, country), unit, part_of and incident_id on
    claims; copy_of on articles, with the MinHash signatures and band keys that find copies
    (checker.ingest.copies); kind and incident_id on findings; the incidents table.
    Claims stored by version 1 keep null regions until their articles are re-ingested."""
    for statement in _V2_STATEMENTS:
        con.execute(statement)


def _migrate_3(con: sqlite3.Connection) -> None:
    """Version 3: the language detected on ingestion, on articles (null for articles stored
    before, and for texts too short to tell)."""
    con.execute("ALTER TABLE articles ADD COLUMN language TEXT")


_V4_STATEMENTS = (
    "ALTER TABLE claims ADD COLUMN source_file TEXT",
    "ALTER TABLE claims ADD COLUMN line INTEGER",
    'ALTER TABLE claims ADD COLUMN "column" INTEGER',
    'ALTER TABLE claims ADD COLUMN "row" INTEGER',
    "ALTER TABLE findings ADD COLUMN source_file TEXT",
    "ALTER TABLE findings ADD COLUMN line INTEGER",
    'ALTER TABLE findings ADD COLUMN "column" INTEGER',
)


def _migrate_4(con: sqlite3.Connection) -> None:
    """Version 4: provenance. Claims get the input file, line, column and record (row) they
    were read from, findings the file, line and column they point at. Claims stored before
    keep nulls until their articles are re-ingested."""
    for statement in _V4_STATEMENTS:
        con.execute(statement)


def _migrate_5(con: sqlite3.Connection) -> None:
    """Version 5: where each article came from (``origin``, its file), part of its
    identity. Articles stored before have none: one arriving with their id and other text
    is stored under a fresh id rather than replacing them."""
    con.execute("ALTER TABLE articles ADD COLUMN origin TEXT")


_V6_STATEMENTS = (
    "ALTER TABLE claims ADD COLUMN block TEXT",
    "ALTER TABLE claims ADD COLUMN day TEXT",
    "CREATE INDEX claims_block ON claims(block, day)",
    "CREATE INDEX claims_block_article ON claims(block, article_id, day)",
    "CREATE INDEX claims_unblocked ON claims(article_id) WHERE block IS NULL",
)


def _migrate_6(con: sqlite3.Connection) -> None:
    """Version 6: the blocking index (:mod:`checker.store_blocks`). Each claim gets the
    block it may share an incident in (``block``: the engine's blocking key as text, empty
    when the claim can share none) and the day its figure holds at (``day``), indexed
    together, so a check of a few new articles reads only the blocks they touch. Claims
    stored before are null, and indexed the next time a check reads the store."""
    for statement in _V6_STATEMENTS:
        con.execute(statement)


Migration = Callable[[sqlite3.Connection], None]
#: schema version -> the function that upgrades a store from the version before it.
#: Append a new version here to change the layout; never edit a released one.
MIGRATIONS: dict[int, Migration] = {
    1: _migrate_1,
    2: _migrate_2,
    3: _migrate_3,
    4: _migrate_4,
    5: _migrate_5,
    6: _migrate_6,
}

#: the columns each table must have (checked whenever a store is opened)
LAYOUT: dict[str, tuple[str, ...]] = {
    "meta": ("key", "value"),
    "runs": ("id", "started", "finished", "command"),
    "articles": (*ARTICLE_COLUMNS, "content_hash", "first_seen_run", "origin"),
    "claims": (*CLAIM_FIELDS, "block", "day"),
    "findings": (
        "run_id", "finding_id", "rule", "severity", "message", "explanation", "claim_ids",
        "kind", "incident_id", "source_file", "line", "column",
    ),
    "incidents": (
        "incident_id", "category", "subject", "unit", "location", "region", "country", "as_of",
        "period_start", "scope", "sources", "claims",
    ),
    "article_sigs": ("article_id", "sig"),
    "copy_bands": ("band", "key", "article_id"),
}  # fmt: skip
