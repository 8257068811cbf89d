"""JSON articles: .json (one object, or a list of objects) and .jsonl (one object a line).

Keys are recognised by the names of :data:`checker.ingest.build.ALIASES` (id, outlet,
published, title, text, url, location...) or mapped with ``IngestOptions.columns``. A .jsonl
file streams line by line: a bad line is an ErrorRecord with its number and the other lines
are read. A .json file is read whole; an error in it stops the reading there (what came
before is kept), since JSON cannot be resynchronised after a syntax error.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from checker.ingest.build import ArticleBuilder, Raw, clean_text, match_fields
from checker.ingest.decode import Source, decode_document, is_binary
from checker.ingest.options import MAX_JSON_BYTES
from checker.records import Article, ErrorRecord

_WS = re.compile(r"[ \t\n\r]*")
#: Python refuses to turn more digits than this into an int (sys.int_info's default 4,300,
#: a guard against quadratic conversion); a longer JSON integer is kept as its digits.
_MAX_INT_DIGITS = 4000


def _parse_int(digits: str) -> int | str:
    return int(digits) if len(digits) <= _MAX_INT_DIGITS else digits


_DECODER = json.JSONDecoder(parse_int=_parse_int)


def read_json(source: Source, builder: ArticleBuilder) -> Iterator[Article | ErrorRecord]:
    """The articles of a .json file: an object, a list of objects, or objects one after
    another."""

    def error(message: str, line: int | None = None) -> ErrorRecord:
        return ErrorRecord(stage="ingest", source=source.name, line=line, message=message)

    data, truncated = source.read_all(MAX_JSON_BYTES)
    if truncated:
        yield error(
            f"file is larger than {MAX_JSON_BYTES:,} bytes, too large to read as one JSON "
            "document: write it as .jsonl (one object a line) to stream it"
        )
        return
    text, notes = decode_document(data, source.name, "JSON")
    yield from notes
    if text is None:
        return
    first = True
    try:
        for number, (line, value, in_list) in enumerate(_values(text), 1):
            default_id = source.stem if first and not in_list else f"{source.stem}:{line}"
            first = False
            yield from _record(
                value, line, default_id, source, builder, in_list=in_list, row=number
            )
        if first:
            yield error("no article in it: the JSON holds only empty lists")
    except json.JSONDecodeError as exc:
        yield error(
            f"invalid JSON at line {exc.lineno} column {exc.colno} ({exc.msg}): the file is "
            "read up to there",
            exc.lineno,
        )
    except RecursionError:
        yield error("JSON nested too deeply to read: the file is read up to there")
    except ValueError as exc:  # a number json cannot convert, and any other value error
        yield error(f"JSON value that cannot be read ({exc}): the file is read up to there")


def read_jsonl(source: Source, builder: ArticleBuilder) -> Iterator[Article | ErrorRecord]:
    """The articles of a .jsonl file, one object a line; blank lines are ignored."""
    if is_binary(source.head):
        yield ErrorRecord(
            stage="ingest",
            source=source.name,
            message="binary file (it holds NUL bytes), not JSON lines: skipped",
        )
        return
    records = 0
    for number, line in enumerate(source.lines(), 1):
        yield from source.warnings
        source.warnings.clear()
        if not line.strip():
            continue
        records += 1
        try:
            value = _DECODER.decode(line.rstrip("\r\n"))
        except json.JSONDecodeError as exc:
            yield ErrorRecord(
                stage="ingest",
                source=source.name,
                line=number,
                message=(
                    f"invalid JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}: "
                    "line skipped"
                ),
            )
            continue
        except RecursionError:
            yield ErrorRecord(
                stage="ingest",
                source=source.name,
                line=number,
                message="JSON nested too deeply to read: line skipped",
            )
            continue
        except ValueError as exc:  # a value json cannot convert: this line only
            yield ErrorRecord(
                stage="ingest",
                source=source.name,
                line=number,
                message=f"JSON value that cannot be read ({exc}): line skipped",
            )
            continue
        default_id = f"{source.stem}:{number}"
        yield from _record(value, number, default_id, source, builder, in_list=False, row=records)
    yield from source.warnings
    source.warnings.clear()
    if records == 0:
        yield ErrorRecord(
            stage="ingest", source=source.name, message="empty file: no article in it"
        )


def _record(
    value: object,
    line: int,
    default_id: str,
    source: Source,
    builder: ArticleBuilder,
    *,
    in_list: bool,
    row: int | None = None,
) -> Iterator[Article | ErrorRecord]:
    if not isinstance(value, dict):
        where = "list element" if in_list else "value"
        yield ErrorRecord(
            stage="ingest",
            source=source.name,
            line=line,
            message=(
                f"JSON {where} is {_kind(value)}, not an object with id, title, text...: skipped"
            ),
        )
        return
    keys = [clean_text(str(key)) for key in value]
    found, missing = match_fields(keys, builder.options.columns)
    items = list(value.values())
    values = {name: items[index] for name, index in found.items()}
    hint = ""
    if "text" not in values:
        hint = f"its keys are: {', '.join(keys)[:300] or 'none'}"
        if missing:
            hint += f"; mapped with --column but absent: {', '.join(missing)}"
        else:
            hint += "; map the text's key with --column text=KEY"
    yield from builder.build(Raw(source.name, line, default_id, values, no_text_hint=hint, row=row))


def _kind(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    return "a number"


def _skip(text: str, pos: int) -> int:
    match = _WS.match(text, pos)
    return match.end() if match else pos


def _values(text: str) -> Iterator[tuple[int, object, bool]]:
    """(line, value, in a top-level list) for each top-level value or list element.

    ``json.JSONDecoder.raw_decode`` element by element (rather than ``json.loads``) gives
    each record's line number for messages and keeps what precedes a syntax error.
    """
    line = 1
    counted = 0

    def line_at(pos: int) -> int:
        nonlocal line, counted
        line += text.count("\n", counted, pos)
        counted = pos
        return line

    pos = _skip(text, 0)
    while pos < len(text):
        if text[pos] != "[":
            start = line_at(pos)
            value, pos = _DECODER.raw_decode(text, pos)
            yield start, value, False
            pos = _skip(text, pos)
            continue
        pos = _skip(text, pos + 1)
        if text.startswith("]", pos):
            pos = _skip(text, pos + 1)
            continue
        while True:
            start = line_at(pos)
            value, pos = _DECODER.raw_decode(text, pos)
            yield start, value, True
            pos = _skip(text, pos)
            if text.startswith(",", pos):
                pos = _skip(text, pos + 1)
                continue
            if text.startswith("]", pos):
                pos = _skip(text, pos + 1)
                break
            raise json.JSONDecodeError("expected ',' or ']' after a list element", text, pos)
