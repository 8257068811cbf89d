"""Article identity in the store: an id, and where the article came from or its text.

Two files named ``story.md`` in two folders both get the id ``story`` (the spec: a plain
file's id is its name without extension), and FA-KES repeats unit ids across rows: if the
id alone were the identity, the second article would silently replace the first.
:func:`resolve` decides, inside the store's write transaction (so concurrent writers agree),
whether an incoming article is one already stored (nothing new), an edit of one (replaced),
or another article that shares the id (stored as ``<id>#2``, with a warning).
"""

from __future__ import annotations

import dataclasses
import os
import re
import sqlite3
from dataclasses import dataclass

from checker.records import Article, Claim, ErrorRecord


@dataclass
class Placed:
    """What :meth:`Store.place` did with a batch: each article as stored (renamed, with its
    claims, when its id was another article's), the ids new or changed, and a warning per
    rename."""

    items: list[tuple[Article, list[Claim]]] = dataclasses.field(default_factory=list)
    changed: list[str] = dataclasses.field(default_factory=list)
    warnings: list[ErrorRecord] = dataclasses.field(default_factory=list)


_FAMILY = re.compile(r"#\d+$")


def origin_key(article: Article) -> str | None:
    """Where an article came from, as stored: "file:line" with the file's path normalised;
    None for standard input ("<stdin>:1" names no place) and articles made by a program."""
    origin = article.origin
    if origin is None or origin.startswith("<"):
        return None
    path, sep, line = origin.rpartition(":")
    if not sep or not line.isdigit():
        return os.path.normpath(origin)
    return f"{os.path.normpath(path)}:{line}"


def resolve(con: sqlite3.Connection, article: Article) -> tuple[str, str, str | None]:
    """Where ``article`` goes: (its id in the store, "insert" | "update" | "skip", the
    origin of the article that holds its own id when it gets another).

    - its id is free: inserted as it is;
    - the article stored under its id has the same content: the same article, nothing new
      (a re-ingest is idempotent);
    - that article came from the same place (the same file and line; or ``article`` was made
      by a program, with no origin at all: its id is its identity): it was edited, and is
      replaced;
    - else another article holds the id: ``article`` is the one of ``<id>#2``, ``<id>#3``...
      with its content or its origin, else it takes the lowest free of them -- the way
      ``ArticleBuilder`` renames a repeated id in one run, so checking a file in parts, one
      after another, gives the ids of checking it whole.
    """
    aid, digest, origin = article.article_id, article.content_hash, origin_key(article)
    row = con.execute(
        "SELECT content_hash, origin FROM articles WHERE article_id = ?", (aid,)
    ).fetchone()
    if row is None:
        return aid, "insert", None
    if row[0] == digest:
        return aid, "skip", None
    if article.origin is None or (origin is not None and row[1] == origin):
        return aid, "update", None
    holder = row[1]
    base = _FAMILY.sub("", aid)
    taken: set[str] = set()
    for fid, fdigest, forigin in con.execute(
        "SELECT article_id, content_hash, origin FROM articles "
        "WHERE article_id >= ? AND article_id < ? ORDER BY article_id",
        (f"{base}#", f"{base}$"),  # "$" follows "#": the ids starting "<base>#"
    ):
        if not re.fullmatch(rf"{re.escape(base)}#\d+", fid):
            continue
        taken.add(fid)
        if fdigest == digest:
            return fid, "skip", holder
        if origin is not None and forigin == origin:
            return fid, "update", holder
    n = 2
    while f"{base}#{n}" in taken:
        n += 1
    return f"{base}#{n}", "insert", holder


def renamed(article: Article, claims: list[Claim], new_id: str) -> tuple[Article, list[Claim]]:
    """``article`` and its claims under ``new_id`` (claim ids, and the parts' ``part_of``,
    follow: a claim id is made from its article id)."""
    ids = {c.claim_id: Claim.make_id(new_id, c.in_title, c.start, c.end, c.surface) for c in claims}
    moved = [
        dataclasses.replace(
            c,
            article_id=new_id,
            claim_id=ids[c.claim_id],
            part_of=ids.get(c.part_of, c.part_of) if c.part_of else None,
        )
        for c in claims
    ]
    return dataclasses.replace(article, article_id=new_id), moved


def rename_warning(article: Article, holder: str | None) -> ErrorRecord:
    source, _, line = (article.origin or "").rpartition(":")
    given = _FAMILY.sub("", article.article_id)
    return ErrorRecord(
        stage="store",
        level="warning",
        source=source or article.origin,
        line=int(line) if line.isdigit() else None,
        article_id=article.article_id,
        field="article_id",
        value=given,
        message=f"another article with the id {given!r} is in the store "
        f"({'from ' + holder if holder else 'from an earlier run'}, with other text): this one "
        f"is stored as {article.article_id!r}, the other is kept. Give each article its own id "
        "(front matter or an id column) to name them yourself",
    )
