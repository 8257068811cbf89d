"""How to read inputs: :class:`IngestOptions` and the documented limits of ingestion."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from checker.errors import UsageError

#: An article's text is cut to this many characters (with an ErrorRecord saying so). Longer
#: "articles" are page dumps or concatenations; extraction over them is slow and meaningless.
MAX_TEXT_CHARS = 2_000_000

#: A title is cut to this many characters (with an ErrorRecord): headlines are short.
MAX_TITLE_CHARS = 1_000

#: A .txt/.md file is read up to this many bytes (enough for MAX_TEXT_CHARS in any encoding).
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024

#: A .json file (read whole) larger than this is refused: write it as .jsonl to stream it.
MAX_JSON_BYTES = 256 * 1024 * 1024

#: A feed (.xml, .rss, .atom) is read up to this many bytes (a year of a busy outlet's feed).
MAX_FEED_BYTES = 64 * 1024 * 1024

#: A .pdf file is read up to this many bytes (reports carry images; the text is far less).
MAX_PDF_BYTES = 256 * 1024 * 1024

#: A physical line of a .csv/.jsonl file longer than this is skipped with an ErrorRecord, so
#: memory stays bounded however the file is broken (it is also the csv module's field limit).
MAX_LINE_BYTES = 32 * 1024 * 1024

#: The outlet of a record that names none, when no ``outlet`` option is given (not an error).
UNKNOWN_OUTLET = "unknown"
#: the source name of standard input in messages and provenance
STDIN_NAME = "<stdin>"

DATE_ORDERS: tuple[str, ...] = ("DMY", "MDY", "YMD")
STDIN_FORMATS: tuple[str, ...] = (
    "auto", "txt", "md", "json", "jsonl", "csv", "html", "feed", "pdf",
)  # fmt: skip
DUPLICATE_POLICIES: tuple[str, ...] = ("rename", "skip")

#: The Article fields a CSV column or JSON key can be mapped to with ``columns``.
FIELDS: tuple[str, ...] = ("article_id", "outlet", "published", "title", "text", "url", "location")


def default_outlet_orders() -> dict[str, str]:
    """How the outlets that write all-numeric datelines day first write them (the
    library's defaults; ``[tool.checker.outlet_date_order]`` adds to them and wins)."""
    # Both open their FA-KES texts with day-first numeric datelines: Sputnik "24.08.2013",
    # al-Manar "15-09-2013" (52 of its datelines have a day over 12, none a month over 12).
    return {"sputnik": "DMY", "manar": "DMY"}


@dataclass
class IngestOptions:
    """How :func:`checker.ingest.read_articles` reads its inputs.

    ``outlet``: the outlet of records that name none (else they get ``"unknown"``).
    ``columns``: Article field -> CSV column (or JSON key), for names not recognised as-is,
    e.g. ``{"text": "story", "published": "pubdate"}`` (``"id"`` is accepted for article_id).
    ``date_order``: "DMY", "MDY" or "YMD" for every all-numeric date in every input (metadata
    and datelines). Without it, metadata dates read month first ("4/5/2017" is 5 April, as
    FA-KES's date column) except dotted ones ("05.02.2015" is 5 February), and datelines in
    the text follow ``outlet_date_order`` (per outlet, lower case; by default Sputnik and
    al-Manar are DMY), then the same default.
    ``stdin_format``: the format of ``-`` (stdin); "auto" sniffs a PDF, an RSS/Atom feed, an
    HTML page, JSON, JSONL, a CSV header, YAML front matter, else plain text.
    ``duplicate_ids``: a second record with an article_id already read in this run is always
    an ErrorRecord; "rename" (default) still ingests it as ``<id>#2`` (FA-KES repeats 9 of its
    unit_ids over 21 rows, and its 804 rows are 804 articles), "skip" drops it.
    ``max_text_chars``: texts are truncated to this (default :data:`MAX_TEXT_CHARS`).
    ``today``: the date after which a publication date is "in the future" (default: today).
    ``detect_language``: detect each article's language (``Article.language``); a text that
    is not English is kept with a warning and no claims (checker.ingest.language).
    """

    outlet: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    date_order: str | None = None
    outlet_date_order: dict[str, str] = field(default_factory=default_outlet_orders)
    stdin_format: str = "auto"
    duplicate_ids: str = "rename"
    max_text_chars: int = MAX_TEXT_CHARS
    today: dt.date | None = None
    detect_language: bool = True

    def __post_init__(self) -> None:
        if self.outlet is not None:
            self.outlet = self.outlet.strip().lower() or None
        self.date_order = _check_order(self.date_order, "date_order")
        self.outlet_date_order = {
            name.strip().lower(): str(_check_order(order, f"outlet_date_order[{name!r}]"))
            for name, order in self.outlet_date_order.items()
        }
        columns: dict[str, str] = {}
        for key, column in self.columns.items():
            name = "article_id" if key.strip().lower() == "id" else key.strip().lower()
            if name not in FIELDS:
                raise UsageError(
                    f"cannot map a column to {key!r}: the fields are {', '.join(FIELDS)} "
                    "(e.g. --column text=story)"
                )
            columns[name] = column
        self.columns = columns
        self.stdin_format = self.stdin_format.strip().lower().lstrip(".")
        if self.stdin_format not in STDIN_FORMATS:
            raise UsageError(
                f"unknown stdin format {self.stdin_format!r}: use one of {', '.join(STDIN_FORMATS)}"
            )
        if self.duplicate_ids not in DUPLICATE_POLICIES:
            raise UsageError(
                f"unknown duplicate_ids policy {self.duplicate_ids!r}: use 'rename' or 'skip'"
            )
        if self.max_text_chars < 1:
            raise UsageError(f"max_text_chars must be positive, not {self.max_text_chars}")


def _check_order(order: str | None, what: str) -> str | None:
    if order is None:
        return None
    normal = order.strip().upper()
    if normal not in DATE_ORDERS:
        raise UsageError(f"{what} must be one of {', '.join(DATE_ORDERS)}, not {order!r}")
    return normal


#: File name endings read as each format (compared lower case).
SUFFIXES: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".pdf": "pdf",
}
