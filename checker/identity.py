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
_FEED_ENTRY = re.compile(r":entry \d+$")


def origin_key(article: Article) -> str | None:
    """Where an article came from, as its identity: the file it was read from, its path
    normalised ("a/./b.csv:12" -> "a/b.csv": a file, not a line, since rows move when rows
    are added above them); None for standard input ("<stdin>:1" names no place) and for
    articles made by a program, and for a feed entry (its id is the entry's own, given by
    the feed: the same entry in Monday's and Tuesday's feed is one article)."""
    origin = article.origin
    if origin is None or origin.startswith("<") or _FEED_ENTRY.search(origin):
        return None  # a feed entry's id is the feed's own, the same in every copy of it
    path, sep, line = origin.rpartition(":")
    return os.path.normpath(path if sep and line.isdigit() else origin)


def resolve(con: sqlite3.Connection, article: Article) -> tuple[str, str, str | None]:
    """Where ``article`` goes: (its id in the store, what to do, the origin of the article
    that holds its id when it gets another). What to do: "insert", "update" (an edit),
    "skip" (stored already), "adopt" (stored already, before origins were kept: record its
    origin).

    Read from a file, an article is the stored one with its id *from the same file*: the
    same content is nothing new (a re-ingest is idempotent), other content is an edit. The
    same id from another file is another article, even with the same text (FA-KES repeats
    rows: checked in parts, they stay as many articles as checked whole); it is the one of
    ``<id>#2``, ``<id>#3``... from its file, else takes the lowest free of them, as
    ``ArticleBuilder`` renames a repeated id in one run. An article stored with no origin
    (layout 2, or by a program) is this one if its content is the same.

    From standard input its content is its identity; made by a program (no origin at all),
    its id is (an article with that id is replaced).
    """
    aid, digest, origin = article.article_id, article.content_hash, origin_key(article)
    row = con.execute(
        "SELECT content_hash, origin FROM articles WHERE article_id = ?", (aid,)
    ).fetchone()
    if row is None:
        return aid, "insert", None
    found = _match(origin, digest, row[0], row[1])
    if found is not None:
        return aid, found, None
    if article.origin is None:
        return aid, "update", None  # a program's article: its id is its identity
    holder = row[1]
    base = _FAMILY.sub("", aid)
    taken = {aid}
    for fid, fdigest, forigin in con.execute(
        "SELECT article_id, content_hash, origin FROM articles "
        "WHERE article_id = ? OR (article_id >= ? AND article_id < ?) ORDER BY article_id",
        (base, f"{base}#", f"{base}$"),  # "$" follows "#": the ids starting "<base>#"
    ):
        if fid == aid or not (fid == base or re.fullmatch(rf"{re.escape(base)}#\d+", fid)):
            continue
        taken.add(fid)
        found = _match(origin, digest, fdigest, forigin)
        if found is not None:
            return fid, found, holder
    n = 2
    while f"{base}#{n}" in taken:
        n += 1
    return f"{base}#{n}", "insert", holder


def _match(
    origin: str | None, digest: str, stored_digest: str, stored_origin: str | None
) -> str | None:
    """Whether a stored article is this one, and what to do then (see :func:`resolve`)."""
    if origin is not None:
        if stored_origin == origin:
            return "skip" if stored_digest == digest else "update"
        if stored_origin is None and stored_digest == digest:
            return "adopt"
        return None
    return "skip" if stored_digest == digest else None


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
        f"({'from ' + holder if holder else 'from an earlier run or another input'}): this one "
        f"is stored as {article.article_id!r}, and the other kept. Give each article its own "
        "id (front matter or an id column) to name them yourself",
    )
