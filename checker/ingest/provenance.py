"""Where in its input a piece of an article is: the file, and the PDF page or feed entry.

Every Article has ``origin``, the place of the whole record:

=========================  ====================================================
input                      ``Article.origin``
=========================  ====================================================
.txt, .md, .html, stdin    ``path:1``
.csv, .json, .jsonl        ``path:LINE`` (the record's first line)
a feed (.xml/.rss/.atom)   ``path:entry N`` (N from 1, in feed order)
.pdf                       ``path:pages A-B`` (the pages that hold text)
=========================  ====================================================

A claim is more precise than its article: in a PDF it sits on one page. Its page follows
from its character offset and the page start offsets kept on the Article
(``Article.pages``): :func:`page_at`. :func:`origin_at` gives the string to show a reader
or write into a CI annotation: ``report.pdf:page 2``, ``feed.xml:entry 3``, ``a.csv:12``.

>>> from checker.records import Article
>>> a = Article("r", "ocha", None, "Flash Update", "page one text\\npage two text",
...             origin="r.pdf:pages 1-2", pages=(0, 14))
>>> page_at(a, 20), origin_at(a, 20)
(2, 'r.pdf:page 2')
"""

from __future__ import annotations

import bisect
import re

from checker.records import Article, Claim

_PAGES_SUFFIX = re.compile(r":pages? \d+(?:-\d+)?$")


def page_at(article: Article, offset: int, *, in_title: bool = False) -> int | None:
    """The page (from 1) holding character ``offset`` of the article's text, or of its title
    with ``in_title`` (a PDF's title is its first page's heading); None when the article
    does not come from a PDF (no ``pages``)."""
    if not article.pages:
        return None
    if in_title:
        return 1
    # pages[i] is where page i + 1 starts; a page with no text starts where the next does,
    # and bisect_right passes over it to the page that holds the offset.
    return max(1, bisect.bisect_right(article.pages, max(0, offset)))


def origin_at(article: Article, offset: int, *, in_title: bool = False) -> str | None:
    """``Article.origin`` made precise for one offset: ``report.pdf:page 2`` for a PDF, the
    article's own origin for any other input (a feed entry, a CSV line are one record)."""
    page = page_at(article, offset, in_title=in_title)
    if page is None or article.origin is None:
        return article.origin
    return f"{_PAGES_SUFFIX.sub('', article.origin)}:page {page}"


def claim_origin(article: Article, claim: Claim) -> str | None:
    """Where ``claim`` (a claim of ``article``) is in the input: see :func:`origin_at`."""
    return origin_at(article, claim.start, in_title=claim.in_title)


def pages_label(count: int, first: int = 1) -> str:
    """``pages 1-4`` / ``page 1``: how an origin names the pages of a PDF article."""
    last = first + count - 1
    return f"page {first}" if count <= 1 else f"pages {first}-{last}"
