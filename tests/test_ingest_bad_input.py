"""Bad input: each case gets a clear ErrorRecord naming the file, line or article, and every
other article is still read. Files are crafted in tmp_path, from real seed text."""

from __future__ import annotations

import codecs
import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path

import pytest

import checker.ingest.decode
from checker.ingest import IngestOptions, read_articles
from checker.ingest.options import MAX_TEXT_CHARS
from checker.records import Article, ErrorRecord

IDLIB = Path(__file__).resolve().parents[1] / "examples" / "idlib"
TODAY = dt.date(2024, 1, 31)


def seed(n: int = 1) -> tuple[str, str]:
    """(title, text) of a real seed article from examples/idlib."""
    path = sorted(IDLIB.glob("0*.md"))[n]
    body = path.read_text(encoding="utf-8").split("---\n", 2)[2].strip()
    title, _, text = body.partition("\n")
    return title.strip(), text.strip()


TITLE, TEXT = seed(1)  # Reuters, 14 May 2019: "...has uprooted more than 150,000 people..."


def run(
    paths: Iterable[Path | str], options: IngestOptions | None = None
) -> tuple[list[Article], list[ErrorRecord]]:
    articles: list[Article] = []
    errors: list[ErrorRecord] = []
    for record in read_articles(list(paths), options or IngestOptions(today=TODAY)):
        if isinstance(record, Article):
            articles.append(record)
        else:
            assert isinstance(record, ErrorRecord)
            assert record.stage == "ingest"
            assert record.exception is None, record.exception  # never an internal error
            errors.append(record)
    return articles, errors


@pytest.fixture
def good(tmp_path: Path) -> Path:
    """A good article next to the bad one: it must always come through."""
    path = tmp_path / "good.txt"
    path.write_text(f"{TITLE}\n\n{TEXT}\n", encoding="utf-8")
    return path


def only_good(articles: list[Article]) -> None:
    assert [a.article_id for a in articles] == ["good"]
    assert articles[0].text == TEXT


# --- whole files ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["empty.txt", "empty.md", "empty.json", "empty.jsonl", "empty.csv"]
)
@pytest.mark.parametrize("content", [b"", b"  \n\n\t\r\n"])
def test_empty_files(tmp_path: Path, good: Path, name: str, content: bytes):
    bad = tmp_path / name
    bad.write_bytes(content)
    articles, errors = run([bad, good])
    only_good(articles)
    (error,) = errors
    assert error.source == str(bad)
    assert "empty file" in error.message


@pytest.mark.parametrize(
    "name", ["photo.txt", "photo.md", "photo.json", "photo.jsonl", "photo.csv"]
)
def test_binary_files_are_skipped(tmp_path: Path, good: Path, name: str):
    bad = tmp_path / name
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)))
    articles, errors = run([bad, good])
    only_good(articles)
    (error,) = errors
    assert error.source == str(bad)
    assert "binary file" in error.message and "skipped" in error.message


def test_cp1252_text_is_decoded_with_a_warning(tmp_path: Path, good: Path):
    bad = tmp_path / "windows.txt"
    bad.write_bytes(f"{TITLE}\n\n{TEXT}\n".encode("cp1252"))  # "Syria’s" -> byte 0x92
    articles, errors = run([bad, good])
    assert [a.article_id for a in articles] == ["windows", "good"]  # in the order given
    assert articles[0].text == TEXT and articles[0].title == TITLE
    (error,) = errors
    assert error.source == str(bad)
    assert "not valid UTF-8 (byte 0x92 on line 3)" in error.message
    assert "cp1252" in error.message


def test_a_stray_byte_in_utf8_keeps_the_other_characters(tmp_path: Path):
    bad = tmp_path / "stray.md"
    bad.write_bytes(f"{TITLE}\n\n{TEXT}".encode() + b"\n\nEnd \x81.\n")
    (article,), (error,) = run([bad])
    assert article.text.startswith(TEXT)  # "’" etc. still right
    assert article.text.endswith("End \x81.")  # 0x81 is not in cp1252: latin-1
    assert "byte 0x81" in error.message


def test_byte_order_marks(tmp_path: Path):
    (tmp_path / "bom8.txt").write_bytes(codecs.BOM_UTF8 + f"{TITLE}\n{TEXT}".encode())
    (tmp_path / "bom16.txt").write_bytes(f"\ufeff{TITLE}\n{TEXT}".encode("utf-16-le"))
    (tmp_path / "bom16.csv").write_bytes(
        f'\ufefftitle,text\n{TITLE},"{TEXT}"\n'.encode("utf-16-be")
    )
    articles, errors = run([tmp_path])
    assert errors == [] or all("duplicate" in e.message for e in errors)
    assert [(a.title, a.text) for a in articles] == [(TITLE, TEXT)] * 3


def test_cp1252_csv_lines_warn_once_with_the_first_line(tmp_path: Path):
    bad = tmp_path / "win.csv"
    bad.write_bytes(
        b"id,title,text\n"
        b"a,Fine,plain ascii\n"
        b"b,Syria\x92s war,\x93quoted\x94 words\n"
        b"c,Again,caf\xe9\n"
    )
    articles, errors = run([bad])
    assert [a.title for a in articles] == ["Fine", "Syria’s war", "Again"]
    assert articles[1].text == "“quoted” words"
    assert articles[2].text == "café"
    (error,) = errors
    assert (error.source, error.line) == (str(bad), 3)
    assert "byte 0x92" in error.message


def test_missing_and_unsupported_inputs(tmp_path: Path, good: Path):
    docx = tmp_path / "report.docx"
    docx.write_bytes(b"PK\x03\x04")
    articles, errors = run([tmp_path / "nope.txt", docx, good])
    only_good(articles)
    assert [(e.source, e.message.split(":")[0]) for e in errors] == [
        (str(tmp_path / "nope.txt"), "no such file or folder"),
        (str(docx), "unsupported file type '.docx'"),
    ]


# --- CSV -----------------------------------------------------------------------------------


def csv_rows(*rows: str) -> str:
    return "unit_id,article_title,article_content,source,date\n" + "".join(
        row + "\n" for row in rows
    )


def test_csv_unclosed_quote_costs_one_row(tmp_path: Path):
    bad = tmp_path / "quote.csv"
    bad.write_text(
        csv_rows(
            f'1,{TITLE},"{TEXT}",reuters,5/14/2019',
            '2,Broken,"an unclosed quote,sana,5/14/2019',
            '3,Next,"a good row, after it",sana,5/15/2019',
            "4,Last,last row,tass,5/16/2019",
        ),
        encoding="utf-8",
    )
    articles, errors = run([bad])
    assert [a.article_id for a in articles] == ["1", "3", "4"]
    assert articles[0].text == TEXT
    assert articles[1].text == "a good row, after it"
    broken = 2 + TEXT.count("\n") + 1  # row 1's quoted text runs over several lines
    (error,) = errors
    assert (error.source, error.line) == (str(bad), broken)
    assert f"broken CSV row starting on line {broken}" in error.message
    assert f"reading resumes on line {broken + 1}" in error.message


def test_csv_text_after_a_closing_quote(tmp_path: Path):
    bad = tmp_path / "stray.csv"
    bad.write_text(
        csv_rows('1,A,"quoted" then more,sana,1/2/2016', "2,B,fine,sana,1/2/2016"),
        encoding="utf-8",
    )
    articles, errors = run([bad])
    assert [a.article_id for a in articles] == ["2"]
    (error,) = errors
    assert error.line == 2 and "broken CSV row starting on line 2" in error.message


def test_csv_row_with_wrong_number_of_fields(tmp_path: Path):
    bad = tmp_path / "fields.csv"
    bad.write_text(
        csv_rows(
            "1,A,text one,sana,1/2/2016,extra", "2,B,text two", "3,C,text three,sana,1/3/2016"
        ),
        encoding="utf-8",
    )
    articles, errors = run([bad])
    assert [a.article_id for a in articles] == ["3"]
    assert [(e.line, e.message) for e in errors] == [
        (2, "row has 6 fields, the header has 5: row skipped"),
        (3, "row has 3 fields, the header has 5: row skipped"),
    ]


def test_csv_without_a_text_column_names_its_columns_and_the_flag(tmp_path: Path, good: Path):
    bad = tmp_path / "cols.csv"
    bad.write_text("unit_id,article_title,words,source\n1,A,some words,sana\n", encoding="utf-8")
    articles, errors = run([bad, good])
    only_good(articles)
    (error,) = errors
    assert (error.source, error.line) == (str(bad), 1)
    assert "no text column" in error.message
    assert "unit_id, article_title, words, source" in error.message
    assert "--column text=COLUMN" in error.message
    # Mapped, the same file reads.
    (article,) = read_articles([bad], IngestOptions(columns={"text": "words"}))
    assert isinstance(article, Article) and article.text == "some words"


def test_csv_mapped_column_that_is_not_there(tmp_path: Path):
    path = tmp_path / "a.csv"
    path.write_text("id,text\n1,body\n", encoding="utf-8")
    articles, errors = run([path], IngestOptions(columns={"published": "pubdate"}))
    assert articles == []
    (error,) = errors
    assert "no column 'pubdate' (given with --column)" in error.message
    assert "its columns are: id, text" in error.message


def test_csv_header_only_and_blank_rows(tmp_path: Path):
    header_only = tmp_path / "h.csv"
    header_only.write_text("id,title,text\n\n\n", encoding="utf-8")
    articles, errors = run([header_only])
    assert articles == []
    (error,) = errors
    assert "no rows after the header" in error.message


def test_csv_old_mac_line_ends(tmp_path: Path):
    path = tmp_path / "mac.csv"
    path.write_bytes(b'id,title,text\r1,A,first\r2,B,"multi\rline"\r')
    articles, errors = run([path])
    assert errors == []
    assert [(a.article_id, a.text) for a in articles] == [("1", "first"), ("2", "multi\nline")]


def test_csv_over_long_line_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(checker.ingest.decode, "MAX_LINE_BYTES", 1000)
    path = tmp_path / "long.csv"
    path.write_text(
        csv_rows(
            "1,A,short,sana,1/2/2016",
            "2,B," + "x" * 5000 + ",sana,1/2/2016",
            "3,C,short too,sana,1/2/2016",
        )
    )
    articles, errors = run([path])
    assert [a.article_id for a in articles] == ["1", "3"]
    (error,) = errors
    assert error.line == 3 and "longer than 1,000 bytes: skipped" in error.message


# --- JSON ----------------------------------------------------------------------------------


def test_jsonl_bad_line_among_good_ones(tmp_path: Path):
    good_record = {"id": "a", "outlet": "reuters", "title": TITLE, "text": TEXT}
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps(good_record)
        + "\n"
        + '{"id": "b", "text": "unterminated\n'
        + '["a", "list"]\n'
        + json.dumps({**good_record, "id": "c"})
        + "\n",
        encoding="utf-8",
    )
    articles, errors = run([path])
    assert [a.article_id for a in articles] == ["a", "c"]
    assert [(e.source, e.line) for e in errors] == [(str(path), 2), (str(path), 3)]
    assert errors[0].message.startswith("invalid JSON: Unterminated string starting at column 21")
    assert "line skipped" in errors[0].message
    assert "is a list, not an object" in errors[1].message


def test_json_syntax_error_keeps_what_came_before(tmp_path: Path):
    path = tmp_path / "list.json"
    path.write_text(
        '[\n  {"id": "a", "text": "one"},\n  5,\n  {"id": "b", "text": "two"},\n'
        '  {"id": "c", "text": "three",}\n]\n',
        encoding="utf-8",
    )
    articles, errors = run([path])
    assert [a.article_id for a in articles] == ["a", "b"]
    assert [(e.line, e.message.split(" (")[0]) for e in errors] == [
        (3, "JSON list element is a number, not an object with id, title, text...: skipped"),
        (5, "invalid JSON at line 5 column 31"),
    ]


def test_json_fields_of_the_wrong_type(tmp_path: Path):
    path = tmp_path / "types.jsonl"
    path.write_text(
        json.dumps(
            {
                "id": 7,
                "title": ["a", "list"],
                "text": TEXT,
                "published": {"y": 2019},
                "url": {"href": "x"},
            }
        )
        + "\n"
        + json.dumps({"id": 8, "title": "T", "text": ["para 1", "para 2"]})
        + "\n",
        encoding="utf-8",
    )
    articles, errors = run([path])
    (article,) = articles
    assert (article.article_id, article.title, article.published) == ("7", "", None)
    assert [(e.article_id, e.field) for e in errors] == [
        ("7", "title"),
        ("7", "published"),
        ("7", "url"),
        ("8", "text"),
        ("8", None),
    ]
    assert errors[-1].message.startswith("no text")


# --- front matter --------------------------------------------------------------------------


def test_front_matter_that_is_not_yaml(tmp_path: Path, good: Path):
    bad = tmp_path / "fm.md"
    bad.write_text(f"---\nid: x\noutlet: [reuters\n---\n{TITLE}\n\n{TEXT}\n", encoding="utf-8")
    articles, errors = run([bad, good])
    assert [a.article_id for a in articles] == ["fm", "good"]  # no metadata: the file stem
    assert articles[0].outlet == "unknown" and articles[0].text == TEXT
    (error,) = errors
    assert error.source == str(bad) and error.line is not None and error.line >= 3
    assert "front matter is not YAML" in error.message
    assert "ingested the body without metadata" in error.message


@pytest.mark.parametrize(
    ("front", "said"),
    [
        ("- a\n- list\n", "not a mapping"),
        ("published: 2019-02-30\n", "day is out of range"),
    ],
)
def test_front_matter_other_problems(tmp_path: Path, front: str, said: str):
    path = tmp_path / "fm.md"
    path.write_text(f"---\n{front}---\n{TITLE}\n{TEXT}\n", encoding="utf-8")
    (article,), (error,) = run([path])
    assert article.title == TITLE and article.published is None
    assert said in error.message and "without metadata" in error.message


def test_front_matter_never_closed(tmp_path: Path):
    path = tmp_path / "open.md"
    path.write_text(f"---\nid: x\n{TITLE}\n{TEXT}\n", encoding="utf-8")
    (article,), (error,) = run([path])
    assert article.article_id == "open"
    assert article.title == "---"
    assert "never closed" in error.message and "plain text" in error.message


# --- articles ------------------------------------------------------------------------------


def test_ten_megabyte_article_is_truncated(tmp_path: Path, good: Path):
    big = tmp_path / "big.txt"
    paragraph = TEXT + "\n\n"
    big.write_text(TITLE + "\n" + paragraph * (10_000_000 // len(paragraph) + 1), encoding="utf-8")
    assert big.stat().st_size > 10_000_000
    articles, errors = run([big, good])
    assert [a.article_id for a in articles] == ["big", "good"]
    assert len(articles[0].text) == MAX_TEXT_CHARS == 2_000_000
    assert articles[0].text.startswith(TEXT)
    (error,) = errors
    assert (error.source, error.article_id, error.field) == (str(big), "big", "text")
    assert "truncated to the first 2,000,000" in error.message


def test_over_long_title_is_truncated(tmp_path: Path):
    path = tmp_path / "a.csv"
    path.write_text(f'id,title,text\nt1,"{TEXT}",short text\n', encoding="utf-8")
    (article,), (error,) = run([path])
    assert len(TEXT) > 1000 and article.title == " ".join(TEXT.split())[:1000].rstrip()
    assert (error.article_id, error.field, error.line) == ("t1", "title", 2)
    assert "truncated to the first 1,000" in error.message


def test_text_limit_is_an_option_and_applies_to_every_format(tmp_path: Path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    (article,), (error,) = run([path], IngestOptions(max_text_chars=100, today=TODAY))
    assert article.text == TEXT[:100]
    assert error.line == 1 and f"text is {len(TEXT):,} characters" in error.message


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("title-only.txt", f"{TITLE}\n\n   \n"),
        ("front-only.md", "---\nid: lonely\ntitle: A title\n---\n\n"),
        ("no-text.json", json.dumps({"id": "lonely", "title": TITLE, "text": "   "})),
        ("no-text.csv", "id,title,text\nlonely,A title,\n"),
    ],
)
def test_an_article_with_no_text(tmp_path: Path, good: Path, name: str, content: str):
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    articles, errors = run([bad, good])
    only_good(articles)
    (error,) = errors
    assert error.source == str(bad)
    assert error.message.startswith("no text")
    assert error.article_id in {"lonely", "title-only"}


def test_html_text_becomes_text(tmp_path: Path):
    first, second = TEXT.split("\n\n")[:2]
    html = (
        "<html><head><title>ignored</title><style>p {color: red}</style></head><body>"
        f"<h1>{TITLE}</h1>\n<p>{first.replace('&', '&amp;')}</p><script>var x = 1;</script>"
        f"<p>{second}<br/>Reuters &amp; AFP &#8211; &quot;more&quot;</p></body></html>"
    )
    (tmp_path / "page.txt").write_text(html, encoding="utf-8")
    (tmp_path / "page.jsonl").write_text(
        json.dumps({"id": "j", "title": f"<b>{TITLE}</b>", "text": html}) + "\n", encoding="utf-8"
    )
    (from_txt, from_jsonl), errors = run([tmp_path / "page.txt", tmp_path / "page.jsonl"])
    assert errors == []
    assert from_txt.title == from_jsonl.title == TITLE
    assert from_jsonl.text.startswith(TITLE + "\n\n" + first)
    assert from_txt.text == f'{first}\n\n{second}\n\nReuters & AFP – "more"'
    for article in (from_txt, from_jsonl):
        assert (
            "<" not in article.text and "color" not in article.text and "var x" not in article.text
        )


def test_duplicate_article_ids(tmp_path: Path):
    one = tmp_path / "one.jsonl"
    one.write_text(
        "".join(json.dumps({"id": "dup", "text": t}) + "\n" for t in ("first", "second", "third")),
        encoding="utf-8",
    )
    articles, errors = run([one])
    assert [(a.article_id, a.text) for a in articles] == [
        ("dup", "first"),
        ("dup#2", "second"),
        ("dup#3", "third"),
    ]
    assert [(e.line, e.article_id) for e in errors] == [(2, "dup#2"), (3, "dup#3")]
    assert errors[0].message == (
        f"duplicate article_id 'dup' (first read at {one}:1): ingested as 'dup#2'"
    )
    articles, errors = run([one], IngestOptions(duplicate_ids="skip", today=TODAY))
    assert [a.text for a in articles] == ["first"]
    assert [e.line for e in errors] == [2, 3] and "skipped" in errors[0].message


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("published", "said"),
    [
        ("not a date", "publication date 'not a date' does not parse as a full date"),
        ("May 2019", "publication date 'May 2019' does not parse as a full date"),
        ("13/31/2019", "does not parse"),
        ("2024-02-01", "publication date 2024-02-01 is in the future (after 2024-01-31)"),
        ("February 2 2024", "is in the future"),
    ],
)
def test_bad_publication_dates_keep_the_article(tmp_path: Path, published: str, said: str):
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": TEXT, "published": published}) + "\n", encoding="utf-8"
    )
    (article,), (error,) = run([path])
    assert article.article_id == "a" and article.published is None
    assert (error.source, error.line, error.article_id, error.field) == (
        str(path),
        1,
        "a",
        "published",
    )
    assert said in error.message and "article kept with no publication date" in error.message


def test_bad_datelines_keep_the_article(tmp_path: Path):
    (tmp_path / "bad.txt").write_text(f"31.31.2017\n{TEXT}\n", encoding="utf-8")
    (tmp_path / "future.txt").write_text(f"Mon, 24 Jun 2030\n{TEXT}\n", encoding="utf-8")
    articles, errors = run([tmp_path / "bad.txt", tmp_path / "future.txt"])
    assert [(a.article_id, a.published) for a in articles] == [("bad", None), ("future", None)]
    assert [e.article_id for e in errors] == ["bad", "future"]
    assert "dateline '31.31.2017' does not parse" in errors[0].message
    assert "dateline 'Mon, 24 Jun 2030' 2030-06-24 is in the future" in errors[1].message


def test_yaml_date_and_today_default(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_text(f"---\npublished: 2019-05-14 10:30:00\n---\n{TITLE}\n{TEXT}\n")
    (article,) = read_articles([path])  # today's date by default
    assert isinstance(article, Article) and article.published == dt.date(2019, 5, 14)
