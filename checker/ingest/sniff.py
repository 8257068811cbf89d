"""Guess the format of an input with no file name (stdin) from its first bytes."""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping

from checker.ingest.build import match_fields
from checker.ingest.csvfile import DELIMITERS, pick_delimiter
from checker.ingest.decode import decode_bytes, is_binary

_FEED_ROOTS = ("<rss", "<feed", "<rdf:rdf")


def sniff_format(head: bytes, columns: Mapping[str, str]) -> str:
    """The format of an input starting with ``head``: pdf, feed, html, json, jsonl, md, csv
    or txt.

    "pdf" when it opens with ``%PDF-``; "feed" for XML (an RSS or Atom document, or XML that
    the feed reader then reports as not a feed); "html" for a page (``<!DOCTYPE html>``,
    ``<html>``); "md" when it opens with front matter, "csv" when its first line is a header
    naming a text column, "txt" otherwise.

    ``columns`` (IngestOptions.columns) counts as recognised header names.
    """
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if is_binary(head):
        return "txt"  # the text reader reports it as binary
    text, _ = decode_bytes(head)
    text = text.lstrip("\ufeff \t\r\n")
    opening = text[:2048].lower()
    if opening.startswith(("<!doctype html", "<html")):
        return "html"
    if opening.startswith(("<?xml", *_FEED_ROOTS)):
        is_page = "<html" in opening and not any(root in opening for root in _FEED_ROOTS)
        return "html" if is_page else "feed"
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
