"""CSV articles: one row an article, streamed with the standard library's ``csv`` module.

Columns are recognised by common names (FA-KES's ``unit_id, article_title, article_content,
source, date, location`` as-is; id/article_id, title/headline, text/body/content,
outlet/source/publisher, published/date, url/link, location/place) or mapped with
``IngestOptions.columns``; other columns (FA-KES's ``labels``) are ignored. The delimiter is
",", ";", tab or "|", whichever makes the header's names recognisable.

Memory stays bounded on any file: rows are read one at a time from a line stream, lines and
fields are capped (:data:`~checker.ingest.options.MAX_LINE_BYTES`). A broken row (an
unclosed quote, text after a closing quote, the wrong number of fields) is an ErrorRecord
naming its first line; when it spans several lines, reading resumes on its second line, so an
unclosed quote costs one row, not the rest of the file.

``csv`` rather than pandas: pandas' chunked reader can skip or warn about a row with extra
fields, but an unclosed quote fails the read ("EOF inside string starting at row 1") with no
way to resume after it, and that is the common way CSVs break. Fed line by line, ``csv``
lets the reader restart on the next line.
"""

from __future__ import annotations

import csv
import re
from collections import deque
from collections.abc import Iterator

from checker.ingest.build import ALIASES, ArticleBuilder, Raw, match_fields
from checker.ingest.decode import Source, is_binary
from checker.ingest.options import MAX_LINE_BYTES
from checker.ingest.position import TextStart, line_column
from checker.records import Article, ErrorRecord

# The csv module's field limit is process-wide (default 131,072 characters); raise it (never
# lower it) so an article as long as a line may be can be read, then truncated.
csv.field_size_limit(max(csv.field_size_limit(), MAX_LINE_BYTES))

DELIMITERS = (",", ";", "\t", "|")
_BARE_CR = re.compile(r"(?<=\r)(?!\n)")


class _Tape:
    """Lines for ``csv.reader``, numbered, remembering the current record's lines so they can
    be read again (all but the first) after a broken record."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self._replay: deque[tuple[int, str]] = deque()
        self._read = 0
        self.taken: list[tuple[int, str]] = []

    def __iter__(self) -> _Tape:
        return self

    def __next__(self) -> str:
        if self._replay:
            item = self._replay.popleft()
        else:
            self._read += 1
            item = (self._read, next(self._lines))
        self.taken.append(item)
        return item[1]

    def start_record(self) -> None:
        self.taken = []

    @property
    def first_line(self) -> int:
        return self.taken[0][0] if self.taken else self._read + 1

    def replay_after_first(self) -> None:
        self._replay.extendleft(reversed(self.taken[1:]))
        self.taken = []

    def push_back(self) -> None:
        """Read the current record's lines again (after peeking at them)."""
        self._replay.extendleft(reversed(self.taken))
        self.taken = []


def cell_positions(
    lines: list[tuple[int, str]], delimiter: str, wanted: list[int]
) -> dict[int, TextStart]:
    """Where the cells numbered ``wanted`` start in the file: (line, column, quoted) of each
    one's first character (past its opening quote), from the record's physical ``lines``.
    Inside a quoted cell each ``""`` is one ``"`` of the value (:func:`line_column` counts
    them back)."""
    record = "".join(text for _, text in lines)
    cell = re.compile(rf'"(?:[^"]|"")*"|[^{re.escape(delimiter)}\r\n"]*')
    out: dict[int, TextStart] = {}
    pos, index, last = 0, 0, max(wanted, default=-1)
    while index <= last and pos <= len(record):
        quoted = record.startswith('"', pos)
        if index in wanted:
            out[index] = (*line_column(record, pos + quoted, (lines[0][0], 1)), quoted)
        m = cell.match(record, pos)
        end = m.end() if m else pos
        if not record.startswith(delimiter, end):
            break
        pos, index = end + len(delimiter), index + 1
    return out


def _physical_lines(source: Source) -> Iterator[str]:
    # A bare "\r" ends a line too (old Mac files); csv rejects it inside an unquoted field.
    for line in source.lines():
        if "\r" in line[:-2]:
            yield from _BARE_CR.split(line)
        else:
            yield line


def pick_delimiter(header_line: str) -> str:
    """The delimiter that makes most of ``header_line``'s names recognisable (default ",")."""
    best, best_score = ",", 0
    for delimiter in DELIMITERS:
        try:
            names = next(csv.reader([header_line], delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
        score = len(match_fields(names, {})[0])
        if len(names) > 1 and score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(source: Source, builder: ArticleBuilder) -> Iterator[Article | ErrorRecord]:
    """The articles of a .csv file, one a row, in file order."""

    def error(message: str, line: int | None = None) -> ErrorRecord:
        return ErrorRecord(stage="ingest", source=source.name, line=line, message=message)

    if is_binary(source.head):
        yield error("binary file (it holds NUL bytes), not CSV text: skipped")
        return
    tape = _Tape(_physical_lines(source))
    for line in tape:  # the header: the first line that is not blank
        if line.strip():
            break
    else:
        yield from source.warnings
        yield error("empty file: no header, no article")
        return
    delimiter = pick_delimiter(line)
    tape.push_back()
    reader = csv.reader(tape, delimiter=delimiter, strict=True)
    header: list[str] | None = None
    try:
        while header is None:
            tape.start_record()
            row = next(reader, None)
            if row is None:
                break
            if any(cell.strip() for cell in row):
                header = row
    except csv.Error as exc:
        header_line = tape.first_line
        yield from source.warnings
        yield error(f"cannot read the CSV header ({exc}): file skipped", header_line)
        return
    if header is None:
        yield from source.warnings
        yield error("empty file: no header, no article")
        return
    header_line = tape.first_line
    yield from source.warnings
    source.warnings.clear()
    names = ", ".join(header)[:500]
    found, missing = match_fields(header, builder.options.columns)
    if missing:
        yield error(
            f"no column {', '.join(map(repr, missing))} (given with --column) in the header; "
            f"its columns are: {names}. File skipped",
            header_line,
        )
        return
    if "text" not in found:
        yield error(
            f"no text column: the header's columns are: {names}. Recognised names are "
            f"{', '.join(ALIASES['text'])}; map another with --column text=COLUMN. File skipped",
            header_line,
        )
        return
    width = len(header)
    rows = 0
    while True:
        tape.start_record()
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            first = tape.first_line
            yield from source.warnings
            source.warnings.clear()
            yield error(
                f"broken CSV row starting on line {first} ({exc}; an unclosed or stray quote?): "
                f"row skipped, reading resumes on line {first + 1}",
                first,
            )
            tape.replay_after_first()
            reader = csv.reader(tape, delimiter=delimiter, strict=True)
            continue
        first = tape.first_line
        yield from source.warnings
        source.warnings.clear()
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        if len(row) != width:
            spans = len(tape.taken) > 1
            yield error(
                f"row has {len(row)} fields, the header has {width}: row skipped"
                + (
                    f" (it runs over lines {first}-{tape.taken[-1][0]}: an unclosed quote?); "
                    f"reading resumes on line {first + 1}"
                    if spans
                    else ""
                ),
                first,
            )
            if spans:
                tape.replay_after_first()
                reader = csv.reader(tape, delimiter=delimiter, strict=True)
            continue
        values: dict[str, object] = {name: row[index] for name, index in found.items()}
        at = cell_positions(
            tape.taken, delimiter, [found[k] for k in ("title", "text") if k in found]
        )
        yield from builder.build(
            Raw(
                source.name,
                first,
                f"{source.stem}:{first}",
                values,
                row=rows,
                title_at=at.get(found["title"]) if "title" in found else None,
                text_at=at.get(found["text"]),
            )
        )
    yield from source.warnings
    source.warnings.clear()
    if rows == 0:
        yield error(f"no rows after the header: no article (columns: {names})", header_line)
