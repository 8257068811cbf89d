"""Plain-text and Markdown articles (.txt, .md), with optional YAML front matter.

A file is one article. Front matter (between a first line ``---`` and the next ``---`` or
``...`` line) may give id, outlet, published, url, title, location (or any name
:data:`checker.ingest.build.ALIASES` knows). Without a ``title`` there, the first non-empty
line of the body is the title (a Markdown heading's ``#`` marks are dropped) and the rest is
the text; one line piped to standard input (a sentence) is all text, with no title. Front
matter that is not YAML is an ErrorRecord, and the body is still ingested, without metadata.
A body that is HTML is turned to text first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from checker.ingest.build import ArticleBuilder, Raw, match_fields
from checker.ingest.decode import Source, decode_document
from checker.ingest.htmltext import html_to_text, looks_like_html
from checker.ingest.options import MAX_DOCUMENT_BYTES, STDIN_NAME
from checker.ingest.position import line_column
from checker.records import Article, ErrorRecord

_YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPEN = re.compile(r"---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def read_document(
    source: Source, builder: ArticleBuilder, *, markdown: bool
) -> Iterator[Article | ErrorRecord]:
    """The one article of a .txt/.md file (or of stdin read as one)."""

    def error(message: str, line: int | None = None) -> ErrorRecord:
        return ErrorRecord(stage="ingest", source=source.name, line=line, message=message)

    data, truncated = source.read_all(MAX_DOCUMENT_BYTES)
    text, notes = decode_document(data, source.name, "text")
    yield from notes
    if text is None:
        return
    if truncated:
        yield error(
            f"file is larger than {MAX_DOCUMENT_BYTES:,} bytes: only the first "
            f"{MAX_DOCUMENT_BYTES:,} were read"
        )
    yield from parse_document(text, source, builder, markdown=markdown)


def parse_document(
    text: str, source: Source, builder: ArticleBuilder, *, markdown: bool
) -> Iterator[Article | ErrorRecord]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    meta: dict[str, object] = {}
    body = text
    body_at = 0  # where ``body`` starts in ``text`` (for provenance)
    opened = _OPEN.match(text)
    if opened:
        closed = _CLOSE.search(text, opened.end())
        if closed is None:
            yield ErrorRecord(
                stage="ingest",
                source=source.name,
                line=1,
                message=(
                    "front matter opened by '---' on line 1 is never closed by a '---' line: "
                    "read the whole file as plain text, without metadata"
                ),
            )
        else:
            body_at = closed.end()
            body = text[body_at:]
            meta, problem = _front_matter(text[opened.end() : closed.start()])
            if problem is not None:
                message, line = problem
                yield ErrorRecord(
                    stage="ingest",
                    source=source.name,
                    line=line,
                    message=(
                        f"front matter is not YAML key: value pairs ({message}): ingested the "
                        "body without metadata"
                    ),
                )
    mapped = not looks_like_html(body)  # the file's characters map to the article's
    if not mapped:
        body = html_to_text(body)
    keys = list(meta)
    found, _ = match_fields(keys, {})
    values = {name: meta[keys[index]] for name, index in found.items()}
    title = values.get("title")
    title_at: int | None = None
    hint = ""
    if title is None or title == "":
        head, head_at, rest, rest_at = _split_title(body, markdown=markdown)
        if rest.strip() or source.name != STDIN_NAME:
            values["title"], title_at = head, body_at + head_at
            body, body_at = rest, body_at + rest_at
            if head and not body.strip():
                hint = "the first non-empty line is read as the title, and no text follows it"
        else:  # one line piped to stdin (echo "..." | checker check -): it is the text
            values["title"] = ""
    values["text"] = body
    yield from builder.build(
        Raw(
            source.name,
            1,
            source.stem,
            values,
            no_text_hint=hint,
            title_at=(*line_column(text, title_at), False)
            if mapped and title_at is not None
            else None,
            text_at=(*line_column(text, body_at), False) if mapped else None,
        )
    )


def _front_matter(block: str) -> tuple[dict[str, object], tuple[str, int] | None]:
    """The front matter's keys (normalised) and values, or a problem (message, line)."""
    try:
        loaded = yaml.load(block, Loader=_YAML_LOADER)  # a SafeLoader (C if built)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = 2 + mark.line if mark is not None else 1
        return {}, (str(exc.problem or exc).strip(), line)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        # PyYAML raises ValueError for an impossible date such as "published: 2019-02-30".
        return {}, (f"{type(exc).__name__}: {exc}"[:200], 1)
    if loaded is None:
        return {}, None
    if not isinstance(loaded, dict):
        return {}, (f"it is a YAML {type(loaded).__name__}, not a mapping", 2)
    return {str(key): value for key, value in loaded.items()}, None


def _split_title(body: str, *, markdown: bool) -> tuple[str, int, str, int]:
    """(first non-empty line, its offset in ``body``, the rest, the rest's offset)."""
    lead = len(body) - len(body.lstrip())
    line, newline, rest = body[lead:].partition("\n")
    head = line.strip()
    if markdown:
        head = head.lstrip("#").strip()
    head_at = lead + (line.find(head) if head else 0)
    return head, head_at, rest, lead + len(line) + len(newline)
