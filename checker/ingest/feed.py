"""RSS and Atom feeds (.xml, .rss, .atom, or sniffed on stdin): every entry an article, with
feedparser.

An entry's ``id`` (RSS ``guid``, Atom ``id``) is its article_id (else its link, else
``<file>:<n>``), so the same entry read again, tomorrow from the same feed, is the same
article: the store keeps it once. Within one run an entry whose id or link was already read
(two feeds of one outlet, two saved copies of one feed) is not read twice: a warning names
where it was first read. The text is the entry's full content (``content:encoded``, Atom
``content``) or, without one, its summary, reduced from HTML to text; the title, link and
publication date are the entry's; the outlet is the entry's ``<source>`` (aggregators) or
the feed's title up to its first separator ("Reuters: World News" is "reuters"), else the
feed's host name. ``Article.origin`` is ``<file>:entry <n>`` (n from 1, in feed order).

Around feedparser:

* It is handed a stream, never the bytes themselves: given bytes or a string,
  ``feedparser.parse`` first tries them as a URL (and fetches it) and then as a file name
  (and reads that file), so a feed whose bytes were a path would read another file.
* Publication dates are read as the feed writes them: ``published_parsed`` is converted to
  UTC, which moves a story dated "Mon, 11 May 2015 23:30 -0500" to 12 May; the outlet, and
  the other formats, say 11 May.
* Malformed XML: feedparser falls back to a lenient parser and sets ``bozo``; what it read
  is kept, with a warning that entries may be incomplete. A file in which it finds no feed
  at all is an error.
* feedparser raises, rather than reporting, on some damaged files (a byte that is not
  UTF-8 in the XML declaration's encoding name: ``UnicodeDecodeError``); those are
  recorded as malformed XML too, not as a bug of checker.
* WordPress feeds end every entry with "The post <title> appeared first on <site>.": that
  line repeats the headline's figures as body text, and is dropped.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import re
from collections.abc import Iterator, Mapping
from typing import Any

from checker.ingest.build import ArticleBuilder, Raw
from checker.ingest.decode import HEAD_BYTES, Source, is_binary
from checker.ingest.htmltext import html_to_text, looks_like_html
from checker.ingest.options import MAX_FEED_BYTES
from checker.records import Article, ErrorRecord

_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_WORDPRESS_FOOTER = re.compile(r"\n?The post .{1,300}? appeared first on [^\n]{1,200}\.?\s*$")
_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:[^/@?#]*@)?([^/:?#]+)", re.IGNORECASE)
_TITLE_SEPARATOR = re.compile(r"\s+[-–—|:]\s+|:\s+")
#: Bozo exceptions that say the feed was still read whole (a wrong declared encoding).
_HARMLESS = ("CharacterEncodingOverride",)


def read_feed(source: Source, builder: ArticleBuilder) -> Iterator[Article | ErrorRecord]:
    """The entries of an RSS or Atom feed, in feed order."""

    def error(message: str, level: str = "error", line: int | None = None) -> ErrorRecord:
        return ErrorRecord(
            stage="ingest", level=level, source=source.name, line=line, message=message
        )

    data, truncated = source.read_all(MAX_FEED_BYTES)
    if is_binary(data[:HEAD_BYTES]):
        yield error("binary file (it holds NUL bytes), not an RSS or Atom feed: skipped")
        return
    if not data.strip():
        yield error("empty file: no feed entry in it")
        return
    if truncated:
        yield error(
            f"feed is larger than {MAX_FEED_BYTES:,} bytes: only the first {MAX_FEED_BYTES:,} "
            "were read (the entries after them are missing)"
        )
    import feedparser  # only when a feed is read

    try:
        parsed: Any = feedparser.parse(io.BytesIO(data))  # a stream: see the module's docstring
    except Exception as exc:  # feedparser's own failures on damaged files: see above
        yield error(
            f"malformed XML: feedparser cannot read it ({type(exc).__name__}: "
            f"{str(exc)[:200]}). Check the feed file"
        )
        return
    entries = list(parsed.get("entries") or [])
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is not None and type(problem).__name__ in _HARMLESS:
        problem = None
    line = _line_of(problem)
    if line is not None and not data.lstrip(b"\xef\xbb\xbf").startswith(b"<?xml"):
        line -= 1  # feedparser put an XML declaration line before a file that had none
    if not entries:
        if problem is not None:
            yield error(
                f"malformed XML ({_describe(problem, line)}): no feed entry could be read",
                line=line,
            )
        elif not parsed.get("version"):
            yield error(
                "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> document in it): "
                "skipped. Give web pages as .html"
            )
        else:
            yield error("the feed has no entries: no article in it")
        return
    if problem is not None:
        yield error(
            f"malformed XML ({_describe(problem, line)}): read with feedparser's lenient parser; "
            "entries from there on may be incomplete. Check the feed file",
            level="warning",
            line=line,
        )
    outlet = _feed_outlet(parsed.get("feed") or {})
    for number, entry in enumerate(entries, 1):
        yield from _entry(entry, number, outlet, source, builder)


def _entry(
    entry: Mapping[str, Any],
    number: int,
    outlet: str | None,
    source: Source,
    builder: ArticleBuilder,
) -> Iterator[Article | ErrorRecord]:
    where = f"{source.name}:entry {number}"
    keys = [k for k in (_text(entry.get("id")), _text(entry.get("link"))) if k]
    for key in keys:
        first = builder.feed_entries.get(key)
        if first is not None:
            yield ErrorRecord(
                stage="ingest",
                level="warning",
                source=source.name,
                entry=number,
                article_id=keys[0],
                message=(f"feed entry already read (same id or link as {first}): not stored twice"),
            )
            return
    for key in keys:
        builder.feed_entries[key] = where
    source_title = _text((entry.get("source") or {}).get("title"))
    values: dict[str, object] = {
        "article_id": keys[0] if keys else None,
        "title": _text(entry.get("title")),
        "text": entry_text(entry),
        "url": _text(entry.get("link")),
        "outlet": source_title or outlet,
        "published": entry_date(entry),
    }
    yield from builder.build(
        Raw(
            source.name,
            None,
            f"{source.stem}:{number}",
            {k: v for k, v in values.items() if v},
            no_text_hint="the entry has neither content nor a summary",
            origin=where,
            entry=number,
            plain=True,
        )
    )


def entry_text(entry: Mapping[str, Any]) -> str:
    """An entry's content as plain text (its longest content, else its summary)."""
    contents = [c.get("value") or "" for c in entry.get("content") or []]
    html = max(contents, key=len) if any(contents) else entry.get("summary") or ""
    text = html_to_text(html) if looks_like_html(html) else html
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n", text).strip()
    return _WORDPRESS_FOOTER.sub("", text).strip()


def entry_date(entry: Mapping[str, Any]) -> dt.date | None:
    """The day an entry was published, as the feed writes it (not converted to UTC);
    ``updated`` when it gives no ``published``."""
    for name in ("published", "updated"):
        raw = _text(entry.get(name))
        if not raw:
            continue
        date = _written_date(raw)
        if date is not None:
            return date
        parsed = entry.get(f"{name}_parsed")
        if parsed is not None:  # a format only feedparser knows: its UTC date
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _written_date(raw: str) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(raw).date()  # RSS: RFC 822
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    try:
        return dt.datetime.fromisoformat(raw.replace("Z", "+00:00")).date()  # Atom: RFC 3339
    except ValueError:
        return None


def _feed_outlet(feed: Mapping[str, Any]) -> str | None:
    title = _text(feed.get("title"))
    if title:
        name = _TITLE_SEPARATOR.split(title, maxsplit=1)[0].strip()
        if name:
            return name
    host = _HOST.match(_text(feed.get("link")) or "")  # (no urllib: no network modules here)
    return host[1].lower().removeprefix("www.") if host else None


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _line_of(problem: object) -> int | None:
    get_line = getattr(problem, "getLineNumber", None)
    if get_line is None:
        return None
    try:
        line = get_line()
    except Exception:  # a SAX locator that lost its parser
        return None
    return line if isinstance(line, int) and line > 0 else None


def _describe(problem: object, line: int | None) -> str:
    message = str(getattr(problem, "getMessage", lambda: problem)())
    return f"{message} at line {line}" if line else message
