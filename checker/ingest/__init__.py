"""Ingestion: files, folders and stdin to :class:`~checker.records.Article` records.

:func:`read_articles` streams Articles, and an :class:`~checker.records.ErrorRecord`
(stage "ingest", naming the file, the line and the article where there is one) for each
thing it could not read or had to change, and goes on with the rest. Formats:

* ``.txt`` / ``.md`` (one article; optional YAML front matter): :mod:`.textfile`
* ``.json`` (an object or a list of objects) / ``.jsonl`` (one object a line): :mod:`.jsonfile`
* ``.csv`` (one article a row, streamed): :mod:`.csvfile`
* ``.html`` / ``.htm`` (a saved web page: the article in it, with trafilatura): :mod:`.htmlpage`
* ``.xml`` / ``.rss`` / ``.atom`` (an RSS or Atom feed: every entry, with feedparser):
  :mod:`.feed`
* ``.pdf`` (a report: its text page by page, with pdfminer.six): :mod:`.pdffile`

Every article's language is detected (:mod:`.language`); one that is not English is kept
with a warning and no claims. Where in its input an article, or a claim, is (file, line,
feed entry, PDF page): :mod:`.provenance`.

Some ErrorRecords are warnings about an article that is still ingested: an encoding
fallback, a truncated text, a publication date that does not parse or lies in the future
(``published`` is then None), a duplicate id renamed. Their messages say so ("article kept",
"ingested as", "truncated"). An ErrorRecord with ``exception`` set is a bug in this package
(an unexpected exception, caught so the other inputs are still read).

A record with no outlet, when no ``IngestOptions.outlet`` is given, gets outlet
``"unknown"``: that is not an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.ingest.options import SUFFIXES, IngestOptions
from checker.lazy import lazy_attributes

if TYPE_CHECKING:
    from checker.ingest.provenance import claim_origin, origin_at, page_at
    from checker.ingest.reader import read_articles, read_stream

__all__ = [
    "SUFFIXES",
    "IngestOptions",
    "claim_origin",
    "origin_at",
    "page_at",
    "read_articles",
    "read_stream",
]

# The readers (trafilatura, feedparser, pdfminer and the rest behind them) load on first use,
# not on import: ``checker --help`` and ``import checker.settings`` need only the options.
_LAZY = {
    "claim_origin": "checker.ingest.provenance",
    "origin_at": "checker.ingest.provenance",
    "page_at": "checker.ingest.provenance",
    "read_articles": "checker.ingest.reader",
    "read_stream": "checker.ingest.reader",
}


__getattr__ = lazy_attributes(__name__, _LAZY, globals())
