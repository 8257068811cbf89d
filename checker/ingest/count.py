"""How many records the inputs hold, counted quickly before reading them (for progress).

A .txt/.md file is one record, a .jsonl file one a non-blank line, a .csv file one a row
after the header (counted by the ``csv`` module, quotes and all, without building articles).
Standard input and .json files cannot be counted without reading them: the count is then
unknown (None). Folders are walked as :func:`checker.ingest.read_articles` walks them.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from checker.ingest.options import MAX_LINE_BYTES

csv.field_size_limit(max(csv.field_size_limit(), MAX_LINE_BYTES))


def _files(inputs: Sequence[str | Path], suffixes: dict[str, str]) -> Iterator[Path | None]:
    for given in inputs:
        if str(given) == "-":
            yield None
            continue
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith(".") or name.lower().startswith("readme"):
                        continue
                    if Path(name).suffix.lower() in suffixes:
                        yield Path(root) / name
        elif path.is_file():
            yield path


def _count_file(path: Path, fmt: str | None) -> int | None:
    if fmt in ("txt", "md"):
        return 1
    if fmt not in ("csv", "jsonl"):
        return None
    try:
        with path.open(encoding="utf-8", errors="replace", newline="") as fh:
            if fmt == "jsonl":
                return sum(1 for line in fh if line.strip())
            rows = sum(1 for row in csv.reader(fh) if any(cell.strip() for cell in row))
            return max(0, rows - 1)  # the header
    except (OSError, csv.Error):
        return None


def count_records(inputs: Sequence[str | Path], suffixes: dict[str, str]) -> int | None:
    """The number of records in ``inputs`` (files by ``suffixes``), or None if unknown."""
    total = 0
    for path in _files(inputs, suffixes):
        if path is None:
            return None
        n = _count_file(path, suffixes.get(path.suffix.lower()))
        if n is None:
            return None
        total += n
    return total
