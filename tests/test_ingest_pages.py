"""Saved web pages (.html): the article's own text and metadata, built from real corpus
articles laid out as outlets' pages (tests/_outlets.py), and the pages that hold none."""

from __future__ import annotations

import collections
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from _outlets import COMMENTS, IDMC, MENU, RELATED, Story, article_page, story

from checker.extract import extract_claims
from checker.ingest import IngestOptions, read_articles, read_stream
from checker.ingest.language import detect_language
from checker.records import Article, Claim, ErrorRecord

TODAY = dt.date(2024, 1, 31)


def idmc_rows() -> dict[str, dict[str, str]]:
    if not IDMC.is_file():
        pytest.skip(f"the idmc-news corpus is not at {IDMC}")
    with IDMC.open(encoding="utf-8") as f:
        return {row["id"]: row for row in map(json.loads, f)}


def english_stories(n: int) -> list[Story]:
    """The first ``n`` English idmc articles with a date and clean text (a few corpus texts
    carry mojibake C1 control characters, which an HTML parser drops)."""
    picked = []
    for row in idmc_rows().values():
        s = story(row)
        clean = not any("\x80" <= c <= "\x9f" for c in s.title + s.text)
        english = detect_language(s.title, s.text) == "en"
        if s.published and clean and english and len(s.paragraphs) > 2:
            picked.append(s)
    return picked[:n]


def read(paths: list[Path], **options: object) -> tuple[list[Article], list[ErrorRecord]]:
    records = list(read_articles(paths, IngestOptions(today=TODAY, **options)))  # type: ignore[arg-type]
    articles = [r for r in records if isinstance(r, Article)]
    errors = [r for r in records if isinstance(r, ErrorRecord)]
    return articles, errors


def claim_key(c: Claim) -> tuple[object, ...]:
    """What a claim says, wherever its words sit in the text."""
    return (
        c.in_title, c.value, c.hedge, c.low, c.high, c.category, c.subject, c.unit, c.location,
        c.region, c.country, c.as_of, c.period_start, c.attribution, c.modality, c.scope,
    )  # fmt: skip


def test_the_article_without_the_page_around_it(tmp_path: Path) -> None:
    s = story(idmc_rows()["idmc-716da77228"])  # floodlist: flash floods in Faryab
    page = tmp_path / "faryab.html"
    page.write_text(article_page(s), encoding="utf-8")
    (article,), errors = read([page])
    assert errors == []
    assert article.title == "Afghanistan – Flash Floods in Faryab and Baghlan Leave 8 Dead"
    assert article.text == "\n".join(s.paragraphs)
    assert article.published == dt.date(2015, 5, 11)
    assert article.outlet == "floodlist"
    assert article.url == "http://floodlist.com/asia/afghanistan-flash-floods-faryab-baghlan-8-dead"
    assert (article.article_id, article.origin, article.language) == ("faryab", f"{page}:1", "en")
    furniture = [*RELATED, *COMMENTS, "Trending", "Views 14302", "1,204 shares", "Newsletter"]
    furniture += [f"{m}\n" for m in MENU]
    for words in furniture:
        assert words not in article.text, words
    values = {c.value for c in extract_claims(article)}
    # the related posts' 12, 40,000, 5 and the comments' 200 and 50 are not claims of it
    assert not {12.0, 40000.0, 5.0, 200.0, 50.0} & values
    assert {8.0, 7.0, 1.0, 10.0} <= values


def test_the_same_claims_from_the_page_as_from_the_plain_text(tmp_path: Path) -> None:
    stories = english_stories(25)
    assert len(stories) == 25
    checked = 0
    for s in stories:
        (tmp_path / f"{s.article_id}.html").write_text(article_page(s), encoding="utf-8")
        (tmp_path / f"{s.article_id}.md").write_text(s.as_txt(), encoding="utf-8")
        (page, plain), errors = read(
            [tmp_path / f"{s.article_id}.html", tmp_path / f"{s.article_id}.md"],
            duplicate_ids="rename",
        )
        assert [e for e in errors if "duplicate" not in e.message] == []
        assert (page.title, page.published, page.url) == (plain.title, plain.published, plain.url)
        from_page = collections.Counter(map(claim_key, extract_claims(page)))
        from_text = collections.Counter(map(claim_key, extract_claims(plain)))
        assert from_page == from_text, s.article_id
        checked += sum(from_text.values())
    assert checked > 50  # the comparison is about real claims, not empty lists


def test_fakes_articles_as_pages(tmp_path: Path, fakes_csv: Path) -> None:
    import csv

    with fakes_csv.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["source"] in ("reuters", "sana", "alaraby")]
    for row in rows[:12]:
        s = story(
            {"id": row["unit_id"], "title": row["article_title"], "text": row["article_content"]},
            site=row["source"].capitalize(),
        )
        (tmp_path / "page.html").write_text(article_page(s), encoding="utf-8")
        (tmp_path / "plain.txt").write_text(f"{s.title}\n\n{s.text}\n", encoding="utf-8")
        (page, plain), errors = read([tmp_path / "page.html", tmp_path / "plain.txt"])
        assert page.outlet == row["source"]
        assert errors == []
        from_page = collections.Counter(map(claim_key, extract_claims(page)))
        assert from_page == collections.Counter(map(claim_key, extract_claims(plain))), row


@pytest.mark.parametrize(
    ("meta", "published", "outlet"),
    [
        # JSON-LD NewsArticle only: its datePublished and publisher name
        ("jsonld", dt.date(2015, 5, 11), "floodlist"),
        # OpenGraph only
        ("og", dt.date(2015, 5, 11), "floodlist"),
        # nothing but the article's <time datetime>: the date; the outlet from the URL's host
        ("time", dt.date(2015, 5, 11), "unknown"),
    ],
)
def test_metadata_fills_published_and_outlet(
    tmp_path: Path, meta: str, published: dt.date, outlet: str
) -> None:
    s = story(idmc_rows()["idmc-716da77228"])
    html = article_page(s, metadata=False)
    stamp = "2015-05-11T09:30:00+00:00"
    head = {
        "jsonld": '<script type="application/ld+json">'
        + json.dumps(
            {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": s.title,
                "datePublished": stamp,
                "publisher": {"@type": "Organization", "name": "FloodList"},
            }
        )
        + "</script>",
        "og": f'<meta property="og:site_name" content="FloodList">'
        f'<meta property="article:published_time" content="{stamp}">',
        "time": "",
    }[meta]
    html = html.replace("</head>", head + "</head>")
    page = tmp_path / "p.html"
    page.write_text(html, encoding="utf-8")
    (article,), errors = read([page])
    assert errors == []
    assert (article.published, article.outlet) == (published, outlet)


def test_no_metadata_date_falls_back_to_the_dateline(tmp_path: Path) -> None:
    s = story(idmc_rows()["idmc-716da77228"])
    s = Story(s.article_id, s.title, ("Mon, 11 May 2015", *s.paragraphs), None, s.site, s.url)
    html = article_page(s, metadata=False)
    page = tmp_path / "p.html"
    page.write_text(html, encoding="utf-8")
    (article,), _ = read([page])
    assert article.published == dt.date(2015, 5, 11)


def test_pages_with_no_article_are_errors_naming_the_file(tmp_path: Path) -> None:
    menu = "".join(f'<li><a href="/{m}">{m}</a></li>' for m in MENU)
    links = "".join(f'<li><a href="/{i}">{h}</a></li>' for i, h in enumerate(RELATED))
    pages = {
        "empty.html": "",
        "blank.html": "  \n\t\n",
        "shell.html": "<!DOCTYPE html><html><head><title>FloodList</title></head><body></body>",
        "navigation.html": f"<html><head><title>FloodList</title></head><body><header><nav><ul>"
        f"{menu}</ul></nav></header><main><h2>Latest</h2><ul>{links}</ul></main><footer>"
        "<p>Copyright FloodList. Views 14302</p></footer></body></html>",
        "binary.htm": "\x00\x01PNG",
    }
    for name, html in pages.items():
        (tmp_path / name).write_text(html, encoding="utf-8")
    articles, errors = read([tmp_path / name for name in pages])
    assert articles == []
    by_file = {Path(str(e.source)).name: e.message for e in errors}
    assert set(by_file) == set(pages)
    assert by_file["empty.html"].startswith("empty file")
    assert by_file["blank.html"].startswith("empty file")
    assert by_file["binary.htm"].startswith("binary file")
    assert by_file["shell.html"].startswith("no article text in this page")
    assert by_file["navigation.html"].startswith("no article text in this page")
    assert all(e.level == "error" and e.exception is None for e in errors)


def test_a_folder_of_pages_and_stdin(tmp_path: Path) -> None:
    s = story(idmc_rows()["idmc-716da77228"])
    (tmp_path / "a.html").write_text(article_page(s), encoding="utf-8")
    (tmp_path / "b.HTM").write_text(article_page(s, comments=False), encoding="utf-8")
    articles, errors = read([tmp_path])
    assert errors == []
    assert [a.article_id for a in articles] == ["a", "b"]
    sniffed = list(read_stream(io.BytesIO(article_page(s).encode()), "auto"))
    assert [type(r) for r in sniffed] == [Article]
    assert sniffed[0].title == s.title and sniffed[0].text == articles[0].text


def test_a_page_in_another_encoding(tmp_path: Path) -> None:
    s = story(idmc_rows()["idmc-716da77228"])
    html = article_page(s).replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    (tmp_path / "p.html").write_bytes(html.encode("cp1252"))
    (article,), _ = read([tmp_path / "p.html"])
    assert article.title == s.title  # the en dash survives
