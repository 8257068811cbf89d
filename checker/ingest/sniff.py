"""Guess the format of an input with no file name (stdin) from its first bytes."""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping

from checker.ingest.build import match_fields
from checker.ingest.csvfile import DELIMITERS, pick_delimiter
from checker.ingest.decode import decode_bytes, is_binary


def sniff_format(head: bytes, columns: Mapping[str, str]) -> str:
    """The format of an input starting with ``head``: json, jsonl, md, csv or txt.

    "md" when it opens with front matter, "csv" when its first line is a header naming a
    text column, "txt" otherwise.

    ``columns`` (IngestOptions.columns) counts as recognised header names.
    """
    if is_binary(head):
        return "txt"  # the text reader reports it as binary
    text, _ = decode_bytes(head)
    text = text.lstrip("\ufeff \t\r\n")
    first = text.partition("\n")[0]
    if text.startswith("---"):
        return "md"
    if text.startswith("["):
        return "json"
    if text.startswith("{"):
        try:
            json.loads(first)
        except ValueError:
            return "json"  # an object over several lines
        return "jsonl"
    if any(d in first for d in DELIMITERS):
        try:
            names = next(csv.reader([first], delimiter=pick_delimiter(first)))
        except (csv.Error, StopIteration):
            return "txt"
        found, missing = match_fields(names, columns)
        if len(names) > 1 and "text" in found and not missing:
            return "csv"
    return "txt"
