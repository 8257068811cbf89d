"""Reading inputs (files, folders, stdin) as Articles: the body of :mod:`checker.ingest`,
imported on first use so that the command line's ``--help`` does not load every format's
reader."""

from __future__ import annotations

import os
import stat
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from checker.errors import UsageError
from checker.ingest.build import ArticleBuilder, clean_text
from checker.ingest.csvfile import read_csv
from checker.ingest.decode import Source
from checker.ingest.feed import read_feed
from checker.ingest.htmlpage import read_html
from checker.ingest.jsonfile import read_json, read_jsonl
from checker.ingest.options import STDIN_NAME, SUFFIXES, IngestOptions
from checker.ingest.pdffile import read_pdf
from checker.ingest.sniff import sniff_format
from checker.ingest.textfile import read_document
from checker.records import Article, ErrorRecord

Reader = Callable[[Source, ArticleBuilder], Iterator[Article | ErrorRecord]]
_READERS: dict[str, Reader] = {
    "txt": lambda source, builder: read_document(source, builder, markdown=False),
    "md": lambda source, builder: read_document(source, builder, markdown=True),
    "json": read_json,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "html": read_html,
    "feed": read_feed,
    "pdf": read_pdf,
}


def read_articles(
    inputs: Sequence[str | Path], options: IngestOptions | None = None
) -> Iterator[Article | ErrorRecord]:
    """Articles (and ErrorRecords) from files, folders and ``"-"`` (stdin), in order.

    A folder is read recursively in sorted order (runs are deterministic), taking the files
    whose ending is in :data:`SUFFIXES`; hidden files and folders (".git", ".checker") and
    ``README*`` files are not articles and are passed over. A file named explicitly is read
    even if hidden or a README; one with an unknown ending is an ErrorRecord. ``"-"`` reads stdin in
    ``options.stdin_format``. Ids are unique in one call: see ``IngestOptions.duplicate_ids``.
    """
    options = options or IngestOptions()
    builder = ArticleBuilder(options)
    if isinstance(inputs, str | Path):
        inputs = [inputs]
    for given in inputs:
        if str(given) == "-":
            yield from read_stream(sys.stdin.buffer, options.stdin_format, builder=builder)
            continue
        path = Path(given)
        if path.is_dir():
            yield from _read_folder(path, builder)
        elif path.exists():
            yield from _read_file(path, builder)
        else:
            yield ErrorRecord(stage="ingest", source=str(given), message="no such file or folder")


def read_stream(
    stream: BinaryIO,
    fmt: str = "auto",
    *,
    name: str = STDIN_NAME,
    stem: str = "stdin",
    options: IngestOptions | None = None,
    builder: ArticleBuilder | None = None,
) -> Iterator[Article | ErrorRecord]:
    """Articles from a byte stream in ``fmt`` ("auto" sniffs it); ids default to ``stem``."""
    builder = builder or ArticleBuilder(options or IngestOptions())
    fmt = fmt.strip().lower().lstrip(".")
    if fmt != "auto" and fmt not in _READERS:
        raise UsageError(f"unknown input format {fmt!r}: use auto or one of {', '.join(_READERS)}")
    try:
        source = Source.open(name, stem, stream)
        if fmt == "auto":
            fmt = sniff_format(source.head, builder.options.columns)
        yield from _READERS[fmt](source, builder)
    except OSError as exc:
        yield ErrorRecord(stage="ingest", source=name, message=f"cannot read: {exc}")
    except Exception as exc:  # one input's bug must not stop the others
        yield _internal_error(name, exc)


def _read_folder(folder: Path, builder: ArticleBuilder) -> Iterator[Article | ErrorRecord]:
    problems: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=problems.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name.lower().startswith("readme"):
                continue
            if Path(name).suffix.lower() in SUFFIXES:
                yield from _read_file(Path(root) / name, builder)
        for problem in problems:
            yield ErrorRecord(
                stage="ingest",
                source=str(problem.filename or folder),
                message=f"cannot read folder: {problem.strerror or problem}",
            )
        problems.clear()


def _read_file(path: Path, builder: ArticleBuilder) -> Iterator[Article | ErrorRecord]:
    # A file name that is not UTF-8 holds surrogates (os.fsdecode): shown with U+FFFD.
    name, stem = clean_text(str(path)), clean_text(path.stem)
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        yield ErrorRecord(
            stage="ingest",
            source=name,
            message=(
                f"unsupported file type {path.suffix or '(no ending)'!r}: give "
                f"{', '.join(SUFFIXES)} files, or pipe it to '-' with a stdin format"
            ),
        )
        return
    try:
        stream = _open_regular(path)
    except OSError as exc:
        yield ErrorRecord(
            stage="ingest", source=name, message=f"cannot read file: {exc.strerror or exc}"
        )
        return
    if stream is None:
        yield ErrorRecord(
            stage="ingest",
            source=name,
            message="not a regular file (a FIFO, socket or device, whose reading may never "
            "end): skipped; pipe it to '-' to read it",
        )
        return
    try:
        with stream:
            yield from read_stream(stream, fmt, name=name, stem=stem, builder=builder)
    except OSError as exc:
        yield ErrorRecord(
            stage="ingest", source=name, message=f"cannot read file: {exc.strerror or exc}"
        )


def _open_regular(path: Path) -> BinaryIO | None:
    """``path`` opened for reading if it is a regular file, else None.

    Opened without blocking (``O_NONBLOCK``: opening a FIFO with no writer would wait for
    one forever), then checked on the open file itself, so a file swapped for a FIFO after
    a check of its name cannot block either.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            return None
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _internal_error(name: str, exc: Exception) -> ErrorRecord:
    return ErrorRecord(
        stage="ingest",
        source=name,
        message=(
            f"internal error reading this input ({type(exc).__name__}: {exc}); what follows the "
            "error in it is not read. This is a bug in checker.ingest: please report it with "
            "the input"
        ),
        exception="".join(traceback.format_exception(exc))[-4000:],
    )
