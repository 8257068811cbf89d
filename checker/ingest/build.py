"""One input record (whatever its format) to an :class:`Article`, or ErrorRecords saying why not.

Every format reader maps its names to Article fields with :func:`match_fields` and hands a
:class:`Raw` record to :meth:`ArticleBuilder.build`, so ids, outlets, dates, HTML, limits,
duplicate ids and languages are handled the same way for every format and stdin.
"""

from __future__ import annotations

import datetime as dt
import re
import reprlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from checker.ingest.dates import DateReader, coerce_date
from checker.ingest.htmltext import html_to_text, looks_like_html
from checker.ingest.language import ENGLISH, detect_language
from checker.ingest.options import MAX_TITLE_CHARS, UNKNOWN_OUTLET, IngestOptions
from checker.ingest.position import TextStart, advance
from checker.records import Article, ErrorRecord

#: Names recognised as-is (compared lower case, with runs of other characters as "_").
#: For each field the first name present wins (``text`` before ``body`` before ``content``).
ALIASES: dict[str, tuple[str, ...]] = {
    "article_id": ("id", "article_id", "unit_id", "doc_id", "document_id", "uid", "guid"),
    "title": ("title", "headline", "article_title", "heading"),
    "text": ("text", "body", "content", "article_content", "article_text", "full_text", "story"),
    "outlet": ("outlet", "source", "publisher", "article_source", "site", "outlet_name"),
    "published": (
        "published",
        "date",
        "published_at",
        "publication_date",
        "pub_date",
        "pubdate",
        "date_published",
        "datetime",
    ),
    "url": ("url", "link", "article_url", "href"),
    "location": ("location", "place", "article_location"),
}
_NOT_NAME = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")
#: A lone UTF-16 surrogate ("\\ud800" in JSON or YAML, an undecodable byte in a file name):
#: no UTF-8 encoder (SQLite, the reports, pyarrow) accepts one.
_SURROGATE = re.compile("[\ud800-\udfff]")
_short = reprlib.Repr()
_short.maxstring = 80
_short.maxother = 80


def _title_start(value: object, start: TextStart | None) -> TextStart | None:
    """Where a title read from ``value`` starts: ``start`` past its leading blanks."""
    if not isinstance(value, str) or start is None:
        return None
    return advance(start, value[: len(value) - len(value.lstrip())])


def clean_text(value: str) -> str:
    """``value`` with each lone surrogate replaced by U+FFFD (so it can be encoded)."""
    return _SURROGATE.sub("\ufffd", value)


def has_surrogates(value: str) -> bool:
    return _SURROGATE.search(value) is not None


def normalise_name(name: str) -> str:
    """``"Article Content"`` -> ``"article_content"``: how column and key names are compared."""
    return _NOT_NAME.sub("_", name.strip().lower()).strip("_")


def match_fields(
    names: Sequence[str], columns: Mapping[str, str]
) -> tuple[dict[str, int], list[str]]:
    """Which of ``names`` (a CSV header, a JSON object's keys) holds each Article field.

    ``columns`` (IngestOptions.columns: field -> name) comes first, matched exactly and then
    by normalised name; the :data:`ALIASES` fill the other fields. Returns field -> index in
    ``names``, and the names of ``columns`` that are not there.
    """
    exact = {name: i for i, name in reversed(list(enumerate(names)))}
    normal = {normalise_name(name): i for i, name in reversed(list(enumerate(names)))}
    found: dict[str, int] = {}
    missing: list[str] = []
    for field_name, column in columns.items():
        index = exact.get(column, normal.get(normalise_name(column)))
        if index is None:
            missing.append(column)
        else:
            found[field_name] = index
    taken = set(found.values())
    for field_name, aliases in ALIASES.items():
        if field_name in found:
            continue
        for alias in aliases:
            index = normal.get(alias)
            if index is not None and index not in taken:
                found[field_name] = index
                taken.add(index)
                break
    return found, missing


def _clean_raw(raw: Raw, problems: list[tuple[str, str | None, str | None]]) -> None:
    """Lone surrogates out of every string of ``raw`` (its values, default id and source),
    each field that held one noted in ``problems``: one would make the store, the JSON
    output and the reports fail on the whole run."""
    raw.source = clean_text(raw.source)
    raw.default_id = clean_text(raw.default_id)
    for name, value in raw.values.items():
        if isinstance(value, str) and has_surrogates(value):
            raw.values[name] = clean_text(value)
            problems.append(
                (
                    f"{name} holds lone UTF-16 surrogates (such as \\ud800 in JSON), which no "
                    "text encoding can write: each was replaced with U+FFFD",
                    name,
                    None,
                )
            )


@dataclass(slots=True)
class Raw:
    """One record as read: Article field -> value as found (a str, a date, a number...)."""

    source: str
    #: the record's first line in the file; None for formats without lines (feeds, PDFs)
    line: int | None
    default_id: str
    values: dict[str, object]
    #: said after "no text" (e.g. that a plain file's first line is its title).
    no_text_hint: str = ""
    #: ``Article.origin`` when not "source:line" ("feed.xml:entry 3", "report.pdf:pages 1-2")
    origin: str | None = None
    #: the feed entry (1-based) the record is, for its ErrorRecords
    entry: int | None = None
    #: page start offsets into the text (PDF): kept on the Article (``Article.pages``)
    pages: tuple[int, ...] = ()
    #: the text is already plain text (a page, a feed entry, a PDF): do not look for HTML in
    #: it, and leave it exactly as it is, so that ``pages`` offsets stay true
    plain: bool = False
    #: the record's number in its file (CSV row after the header, JSONL/JSON record), if any.
    row: int | None = None
    #: where the title's and the text's raw values start in the file: (line, column, quotes
    #: doubled), None when the file's characters do not map (:mod:`checker.ingest.position`).
    title_at: TextStart | None = None
    text_at: TextStart | None = None


class ArticleBuilder:
    """Turns :class:`Raw` records into Articles for one run (it remembers the ids it gave)."""

    def __init__(self, options: IngestOptions) -> None:
        self.options = options
        self.dates = DateReader()
        self.today = options.today or dt.date.today()
        self._seen: dict[str, str] = {}
        #: feed entry ids and links read in this run -> where first read: an entry that two
        #: feeds (or two fetches of one feed) carry is stored once (checker.ingest.feed)
        self.feed_entries: dict[str, str] = {}

    def build(self, raw: Raw) -> Iterator[Article | ErrorRecord]:
        problems: list[tuple[str, str | None, str | None]] = []  # message, field, value
        _clean_raw(raw, problems)

        def scalar(name: str) -> str | None:
            value = raw.values.get(name)
            if value is None or (isinstance(value, float) and value != value):
                return None
            if isinstance(value, dt.date):
                return value.isoformat()
            if not isinstance(value, str | int | float):
                problems.append(
                    (
                        f"{name} is a {type(value).__name__}, not a string: ignored",
                        name,
                        _short.repr(value),
                    )
                )
                return None
            return _SPACES.sub(" ", str(value).replace("\x00", "")).strip() or None

        article_id = scalar("article_id") or raw.default_id
        origin = raw.origin or (raw.source if raw.line is None else f"{raw.source}:{raw.line}")

        def error(
            message: str, field: str | None = None, value: str | None = None, level: str = "error"
        ) -> ErrorRecord:
            return ErrorRecord(
                stage="ingest",
                level=level,
                source=raw.source,
                line=raw.line,
                article_id=article_id,
                message=message,
                field=field,
                value=value,
                entry=raw.entry,
            )

        text, text_at = self._text(raw.values.get("text"), problems, raw.text_at, plain=raw.plain)
        title = scalar("title") or ""
        title_at = _title_start(raw.values.get("title"), raw.title_at)
        if looks_like_html(title):
            title = _SPACES.sub(" ", html_to_text(title)).strip()
            title_at = None
        if not text:
            for message, field_name, value in problems:
                yield error(message, field_name, value)
            yield error(
                "no text: the record has no article body, so it is not an article"
                + (f" ({raw.no_text_hint})" if raw.no_text_hint else "")
            )
            return

        first = self._seen.get(article_id)
        if first is not None:
            if self.options.duplicate_ids == "skip":
                yield error(f"duplicate article_id {article_id!r} (first read at {first}): skipped")
                return
            n = 2
            while f"{article_id}#{n}" in self._seen:
                n += 1
            original, article_id = article_id, f"{article_id}#{n}"
            yield error(
                f"duplicate article_id {original!r} (first read at {first}): "
                f"ingested as {article_id!r}",
                level="warning",
            )
        self._seen[article_id] = origin

        limit = self.options.max_text_chars
        pages = raw.pages
        if len(text) > limit:
            pages = tuple(p for p in pages if p < limit) or pages[:1]
            problems.append(
                (
                    f"text is {len(text):,} characters: truncated to the first {limit:,} "
                    "(the ingestion limit)",
                    "text",
                    None,
                )
            )
            text = text[:limit].rstrip()

        if len(title) > MAX_TITLE_CHARS:
            problems.append(
                (
                    f"title is {len(title):,} characters: truncated to the first "
                    f"{MAX_TITLE_CHARS:,} (is the text in the title column?)",
                    "title",
                    None,
                )
            )
            title = title[:MAX_TITLE_CHARS].rstrip()
        outlet = (scalar("outlet") or self.options.outlet or UNKNOWN_OUTLET).lower()
        published = self._published(raw, outlet, title, text, problems)
        url, location = scalar("url"), scalar("location")
        language = detect_language(title, text) if self.options.detect_language else None
        for message, field_name, value in problems:
            yield error(message, field_name, value, level="warning")  # the article is kept
        if language not in (None, ENGLISH):
            yield error(
                f"not English (detected language {language!r}): claims not extracted; the "
                "article is kept with its language",
                "language",
                language,
                level="warning",
            )
        yield Article(
            article_id=article_id,
            outlet=outlet,
            published=published,
            title=title,
            text=text,
            url=url,
            location=location,
            origin=origin,
            language=language,
            pages=pages,
            title_at=title_at,
            text_at=text_at,
            row=raw.row,
        )

    @staticmethod
    def _text(
        value: object,
        problems: list[tuple[str, str | None, str | None]],
        start: TextStart | None,
        *,
        plain: bool,
    ) -> tuple[str, TextStart | None]:
        """The article text, and where it starts in the file (``start`` moved past the
        blank characters stripped from its front; None once HTML is reduced to text)."""
        if value is None:
            return "", None
        if not isinstance(value, str):
            problems.append(
                (f"text is a {type(value).__name__}, not a string", "text", _short.repr(value))
            )
            return "", None
        if plain:
            return value, None
        text = value.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
        if looks_like_html(text):
            return html_to_text(text).strip(), None
        body = text.lstrip()
        return body.rstrip(), advance(start, text[: len(text) - len(body)])

    def _published(
        self,
        raw: Raw,
        outlet: str,
        title: str,
        text: str,
        problems: list[tuple[str, str | None, str | None]],
    ) -> dt.date | None:
        """From metadata; else from a dateline opening the title or the text."""
        value = raw.values.get("published")
        date: dt.date | None = None
        said = "publication date"
        if isinstance(value, list | dict | tuple | set | bytes):
            problems.append(
                (
                    f"published is a {type(value).__name__}, not a date: article kept with no "
                    "publication date",
                    "published",
                    _short.repr(value),
                )
            )
            return None
        meta = coerce_date(value)
        if isinstance(meta, dt.date):
            date = meta
        elif meta is not None:
            date = self.dates.parse(meta, self.options.date_order)
            if date is None:
                problems.append(
                    (
                        f"publication date {meta[:80]!r} does not parse as a full date: article "
                        "kept with no publication date",
                        "published",
                        meta[:200],
                    )
                )
                return None
        else:
            order = self.options.date_order or self.options.outlet_date_order.get(outlet)
            for where in (title, text):
                found = self.dates.find_dateline(where, order)
                if found is None:
                    continue
                words, date = found
                said = f"dateline {words!r}"
                if date is None:
                    problems.append(
                        (
                            f"dateline {words!r} does not parse as a date: article kept with no "
                            "publication date",
                            "published",
                            words,
                        )
                    )
                    return None
                break
        if date is not None and date > self.today:
            problems.append(
                (
                    f"{said} {date.isoformat()} is in the future (after {self.today.isoformat()}): "
                    "article kept with no publication date",
                    "published",
                    date.isoformat(),
                )
            )
            return None
        return date
