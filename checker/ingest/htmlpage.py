"""Web pages saved from an outlet's site (.html, .htm): one article a page, with trafilatura.

trafilatura finds the article's own text and leaves out the page around it (navigation,
headers and footers, share bars, related-post lists, comments), and reads the page's
metadata: the title, the URL (``og:url``, the canonical link), the site name (``og:site_name``,
JSON-LD ``publisher``) and the publication date (through htmldate: ``article:published_time``,
JSON-LD ``datePublished``, ``<time datetime>``, the URL's date). A page without a date in its
metadata gets one from a dateline opening its text, as plain files do; a page without a site
name takes its URL's host name as the outlet.

How it is called, and why:

* ``favor_precision=True``: by default trafilatura falls back to the page's whole text when
  it finds no article, so a page of only navigation and headline links comes back as
  "Home / Africa / Asia / 12 dead as floods hit Khyber": headlines of other stories read as
  this page's claims. With precision first it finds no article there (an ErrorRecord), and
  article pages keep their text (tests/test_ingest_pages.py).
* ``fast=True``: no second extraction (readability, jusText) to compare with; on the
  corpus pages it changes no article's text and takes a third off the time.
* The metadata is read by :func:`page_metadata` from the functions trafilatura's
  ``extract_metadata`` calls, without the author, categories, tags and licence it also
  looks for: they cost two thirds of its time, and an Article has no field for them.
* ``include_comments=False``, ``include_tables=False``: readers' comments are not the
  outlet's figures, and table cells lose the sentence a claim needs ("Idlib | 150,000").
* ``extensive_search=False`` for dates: htmldate's extensive search takes any date in the
  body ("on September 17") as the publication date; a page's metadata or URL, else the
  dateline rule, is what the other formats use too.
* A page whose content is headings only ("Latest", "Most read" over lists of links), or
  whose every line is one of its links (on a small page trafilatura's last fallback returns
  its menu), has no article either.
* The title trafilatura puts back as the text's first line (the page's ``<h1>``) is taken
  out again: in the text it would make every headline figure a second, body claim.

trafilatura (and htmldate, readability) log their doubts through ``logging`` at warning
level; with no logging set up, Python would print them on standard error, between
checker's own messages. Each library's logger gets a ``NullHandler``: an application that
configures logging still sees them.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from typing import Any

from checker.ingest.build import ArticleBuilder, Raw
from checker.ingest.decode import HEAD_BYTES, Source, is_binary
from checker.ingest.options import MAX_DOCUMENT_BYTES
from checker.records import Article, ErrorRecord

_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
#: No link's words are longer than this: a longer line is the article's own.
_MAX_LINK_CHARS = 200
_QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "readability")


def quiet_loggers(names: tuple[str, ...]) -> None:
    """A NullHandler on each logger, so their warnings never reach Python's last-resort
    handler (standard error) when the application has configured no logging."""
    for name in names:
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())


def read_html(source: Source, builder: ArticleBuilder) -> Iterator[Article | ErrorRecord]:
    """The one article of a saved web page (or of stdin read as one)."""

    def error(message: str, level: str = "error") -> ErrorRecord:
        return ErrorRecord(stage="ingest", level=level, source=source.name, message=message)

    data, truncated = source.read_all(MAX_DOCUMENT_BYTES)
    if is_binary(data[:HEAD_BYTES]):
        yield error("binary file (it holds NUL bytes), not an HTML page: skipped")
        return
    if not data.strip():
        yield error("empty file: no article in it")
        return
    if truncated:
        yield error(
            f"page is larger than {MAX_DOCUMENT_BYTES:,} bytes: only the first "
            f"{MAX_DOCUMENT_BYTES:,} were read",
            level="warning",
        )
    page = extract_page(data)
    if page is None:
        yield error(
            "no article text in this page: it holds only navigation, links or boilerplate "
            "(or nothing readable), so it is not an article. Save the article's own page, "
            "or give its text as .txt"
        )
        return
    values: dict[str, object] = {k: v for k, v in page.items() if v}
    yield from builder.build(Raw(source.name, 1, source.stem, values, plain=True))


def extract_page(data: bytes | str) -> dict[str, str | None] | None:
    """title, text, published (ISO), outlet, url of the article in an HTML page; None when
    trafilatura finds no article in it."""
    from trafilatura import bare_extraction, load_html  # ~0.6 s: only when a page is read

    quiet_loggers(_QUIET_LOGGERS)
    tree = load_html(data)  # parsed once: for the metadata, the links, and trafilatura (a copy)
    if tree is None:
        return None
    document: Any = bare_extraction(
        tree,
        favor_precision=True,
        fast=True,
        include_comments=False,
        include_tables=False,
    )
    if document is None or not _has_paragraphs(document.body):
        return None
    meta = page_metadata(tree)
    title = _clean(meta["title"] or "")
    text = _clean(document.text or "")
    first, _, rest = text.partition("\n")
    if title and _words(first) == _words(title):
        text = rest.strip()
    if not text or _only_links(text, tree):
        return None
    return {**meta, "title": title, "text": text}


def page_metadata(tree: Any) -> dict[str, str | None]:
    """title, url, outlet (site name, else host name) and published (ISO) of a parsed page.

    The fields trafilatura's ``extract_metadata`` reads, from the same functions it calls,
    less what an Article has no field for: its author, categories, tags and licence cost
    two thirds of its time on a news page (the author search copies the whole tree).
    """
    from courlan import extract_domain
    from htmldate import find_date
    from trafilatura.metadata import (
        examine_meta,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )

    meta = examine_meta(tree)  # <meta> and OpenGraph
    # JSON-LD (NewsArticle, publisher...); errors suppressed as extract_metadata does: its
    # JSON-LD reader has bugs of its own
    with contextlib.suppress(Exception):
        meta = extract_meta_json(tree, meta)
    url = meta.url or extract_url(tree)
    host = extract_domain(url, fast=True) if url else None
    sitename = (meta.sitename or extract_sitename(tree) or "").lstrip("@") or None
    return {
        "title": meta.title or extract_title(tree),
        "url": url,
        "outlet": sitename or (_host(host) if host else None),
        "published": find_date(tree, extensive_search=False, original_date=True, url=url),
    }


def _has_paragraphs(body: Any) -> bool:
    """Whether trafilatura's content tree holds text outside headings: a "Latest" or
    "Most read" heading over a list of links comes back as one ``<head>`` and no article."""
    if body is None:
        return False
    every = _letters("".join(body.itertext()))
    in_headings = sum(_letters("".join(h.itertext())) for h in body.iter("head"))
    return every > in_headings


def _only_links(text: str, tree: Any) -> bool:
    """Whether every line of ``text`` is the words of one of the page's links: on a small
    page trafilatura's last fallback returns its menu ("Home") as its text."""
    lines = [line.removeprefix("- ") for line in text.split("\n") if line]
    if any(len(line) > _MAX_LINK_CHARS for line in lines):
        return False  # a paragraph, not a link (and the page's links need not be read)
    links = {_words(a.text_content()) for a in tree.iter("a")}
    return all(_words(line) in links for line in lines)


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


def _letters(text: str) -> int:
    return len("".join(text.split()))


def _clean(text: str) -> str:
    """One space between words, one line break between paragraphs, nothing around."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n", text).strip()


def _host(hostname: str) -> str:
    return hostname.lower().removeprefix("www.")
