"""Property: whatever bytes a file holds, ingestion yields Articles and ErrorRecords only.

Never an exception, never an internal-error record (``exception`` set), never nothing at
all (an input always ends as articles or as a recorded error), and every Article is sound.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.ingest import IngestOptions, read_articles
from checker.records import Article, ErrorRecord

TODAY = dt.date(2024, 1, 31)
IDLIB = Path(__file__).resolve().parents[1] / "examples" / "idlib"
SEED = (IDLIB / "001_50fb227fe682e39d.md").read_text(encoding="utf-8")

SUFFIXES = [".txt", ".md", ".json", ".jsonl", ".csv"]

# Pieces that steer random input towards the readers' branches: delimiters, quotes, line
# ends, front matter, JSON punctuation, keys, dates, HTML, bad bytes, and real seed text.
FRAGMENTS = [
    b",",
    b";",
    b"\t",
    b'"',
    b'""',
    b"\n",
    b"\r\n",
    b"\r",
    b"---\n",
    b"...\n",
    b"{",
    b"}",
    b"[",
    b"]",
    b":",
    b"'",
    b"\\",
    b"id",
    b"text",
    b"title",
    b"published",
    b"outlet",
    b"unit_id,article_title,article_content,source,date,location\n",
    b'{"id": 1, "text": "',
    b"05.02.2015 ",
    b"Mon, 24 Jun 2019\n",
    b"4/5/2017",
    b"2099-01-01",
    b"2019-02-30",
    b"<p>",
    b"</p>",
    b"<script>",
    b"&amp;",
    b"&#",
    b"\x00",
    b"\xff\xfe",
    b"\x92",
    b"\xe2\x80",
    b"\xef\xbb\xbf",
    b"published: [",
    b"- a\n",
    b"null",
    b"true",
    b"1e999",
    b"  ",
    b"\\ud800",  # a lone surrogate, escaped in JSON (issue 13)
    b"9" * 5000,  # past Python's int digit limit
    b"\xe2\x80\xae",  # U+202E
    b"\x1b]8;;",
    SEED[:200].encode(),
    SEED[400:700].encode(),
]

# NUL makes a file binary and "<" may make it HTML: kept out where the test counts articles.
TEXT_CHARS = st.characters(blacklist_characters="\x00<", blacklist_categories=["Cs"])

structured = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.binary(max_size=8)), max_size=40
).map(b"".join)
anything = st.one_of(st.binary(max_size=600), structured)


def check(path: Path, options: IngestOptions) -> None:
    records = list(read_articles([path], options))
    assert records, "an input must end as articles or as a recorded error"
    ids: set[str] = set()
    for record in records:
        assert isinstance(record, Article | ErrorRecord), type(record)
        if isinstance(record, ErrorRecord):
            assert record.exception is None, record.exception
            assert record.stage == "ingest"
            assert record.source == str(path)
            assert record.message
            continue
        assert record.text and record.text == record.text.strip()
        assert len(record.text) <= options.max_text_chars
        assert record.article_id and record.article_id not in ids
        ids.add(record.article_id)
        assert record.outlet and record.outlet == record.outlet.lower()
        assert record.published is None or record.published <= TODAY
        assert record.origin is not None and record.origin.startswith(f"{path}:")


@pytest.mark.parametrize("suffix", SUFFIXES)
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=anything)
def test_any_bytes_in_any_format(tmp_path: Path, suffix: str, data: bytes):
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    check(path, IngestOptions(today=TODAY, max_text_chars=300))


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=st.lists(
        st.fixed_dictionaries(
            {
                "id": st.one_of(st.none(), st.text(TEXT_CHARS, max_size=5), st.integers()),
                "title": st.one_of(st.none(), st.text(TEXT_CHARS, max_size=20)),
                "text": st.one_of(
                    st.none(), st.text(TEXT_CHARS, max_size=60), st.lists(st.text(TEXT_CHARS))
                ),
                "published": st.one_of(
                    st.none(), st.text(TEXT_CHARS, max_size=12), st.dates().map(str)
                ),
                "outlet": st.one_of(st.none(), st.text(TEXT_CHARS, max_size=8)),
            }
        ),
        max_size=6,
    )
)
def test_any_records_as_jsonl_and_csv(tmp_path: Path, rows: list[dict[str, object]]):
    jsonl = tmp_path / "rows.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    check(jsonl, IngestOptions(today=TODAY))
    table = tmp_path / "rows.csv"
    with table.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, ["id", "title", "text", "published", "outlet"])
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else str(v) for k, v in row.items()})
    check(table, IngestOptions(today=TODAY))
    # A CSV written by the csv module is never broken: every row with text is an article.
    articles = [
        r for r in read_articles([table], IngestOptions(today=TODAY)) if isinstance(r, Article)
    ]
    with_text = [r for r in rows if r["text"] is not None and str(r["text"]).strip()]
    assert len(articles) == len(with_text)
