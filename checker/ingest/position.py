"""Provenance: where in its input file a claim's words are (file, line, column, record).

Readers record where an article's title and text start in the file (``Article.title_at`` /
``text_at``: line and column, both from 1) and which record it was (``Article.row``);
:func:`line_column` turns a character offset in the title or text into a line and column of
the file, and :func:`locate_claims` fills a claim's ``source_file``, ``line``, ``column`` and
``row`` from its article. Where a reader cannot map characters back (HTML reduced to text,
a JSON string with escapes), the line is the record's own line and the column is unknown.

Origins are ``"path:line"`` (``Article.origin``); a fragment such as ``"report.pdf#page=2"``
or ``"feed.xml#entry=3:14"`` is kept in the file name, so a reader of another format only
has to set ``origin`` for its claims to be located.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable
from typing import Any

from checker.records import CLAIM_FIELDS, PROVENANCE_FIELDS, Article, Claim

# a claim's fields before its provenance (the last of its fields): a claim with provenance
# is made from these, not by ``dataclasses.replace`` (which checks every field by name: a
# fifth of the time ``checker extract`` spends outside extraction)
assert CLAIM_FIELDS[-len(PROVENANCE_FIELDS) :] == PROVENANCE_FIELDS
_BEFORE_PROVENANCE = operator.attrgetter(*CLAIM_FIELDS[: -len(PROVENANCE_FIELDS)])

_LINE_SUFFIX = re.compile(r":(\d+)$")


#: where a text starts in its file: (line, column, quotes doubled), line and column from 1;
#: the flag is true in a quoted CSV cell, where each '"' of the text is '""' in the file
TextStart = tuple[int, int, bool]


def line_column(
    text: str, offset: int, start: tuple[int, int] = (1, 1), doubled: bool = False
) -> tuple[int, int]:
    """The (line, column) in the file of ``text[offset]``, where ``text`` begins at
    ``start`` = (line, column) of the file (both from 1; a newline is ``"\\n"``); with
    ``doubled``, each ``"`` before it on its line takes two columns (a quoted CSV cell)."""
    offset = max(0, min(offset, len(text)))
    newlines = text.count("\n", 0, offset)
    line_start = text.rfind("\n", 0, offset) + 1
    extra = text.count('"', line_start, offset) if doubled else 0
    if newlines == 0:
        return start[0], start[1] + offset + extra
    return start[0] + newlines, offset - line_start + 1 + extra


def parse_origin(origin: str | None) -> tuple[str | None, int | None]:
    """``"articles/x.md:3"`` -> ("articles/x.md", 3); ``"report.pdf#page=2"`` -> (it, None)."""
    if not origin:
        return None, None
    m = _LINE_SUFFIX.search(origin)
    if m is None or m.start() == 0:
        return origin, None
    return origin[: m.start()], int(m.group(1))


def claim_position(article: Article, claim: Claim) -> tuple[int | None, int | None]:
    """(line, column) of the claim's words in the article's input file (None when unknown)."""
    _, record_line = parse_origin(article.origin)
    at = article.title_at if claim.in_title else article.text_at
    if at is None:
        return record_line, None
    source = article.title if claim.in_title else article.text
    return line_column(source, claim.start, (at[0], at[1]), at[2])


def locate_claims(article: Article, claims: Iterable[Claim]) -> list[Claim]:
    """``claims`` of ``article`` with their provenance filled (claims that already carry a
    source file are kept as they are)."""
    source_file, _ = parse_origin(article.origin)
    out = []
    for c in claims:
        if c.source_file is not None or source_file is None:
            out.append(c)
            continue
        line, column = claim_position(article, c)
        fields: tuple[Any, ...] = (*_BEFORE_PROVENANCE(c), source_file, line, column, article.row)
        out.append(Claim(*fields))
    return out


def advance(start: TextStart | None, skipped: str) -> TextStart | None:
    """Where a text starts once ``skipped`` (characters dropped from its front, such as
    leading blank lines) is removed: the position of ``skipped``'s end."""
    if start is None:
        return None
    return (*line_column(skipped, len(skipped), (start[0], start[1]), start[2]), start[2])
