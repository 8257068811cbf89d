"""Where an article, and a claim, came from: checker.ingest.provenance."""

from __future__ import annotations

from checker.ingest import claim_origin, origin_at, page_at
from checker.ingest.provenance import pages_label
from checker.records import Article, Claim

TEXT = "Page one says 12 killed.\nPage two says 30 displaced.\nPage four: 7 missing."


def pdf_article() -> Article:
    # page 3 is blank: it starts where page 4 does
    starts = (0, TEXT.index("Page two"), TEXT.index("Page four"), TEXT.index("Page four"))
    return Article("r", "ocha", None, "Flash update", TEXT, origin="r.pdf:pages 1-4", pages=starts)


def claim(article: Article, surface: str, in_title: bool = False) -> Claim:
    where = article.title if in_title else article.text
    start = where.index(surface)
    return Claim(
        "c", article.article_id, article.outlet, None, in_title, start, start + len(surface),
        "", surface, 1.0, "exact", 1.0, 1.0, "killed", "people", None,
    )  # fmt: skip


def test_pages_of_offsets() -> None:
    a = pdf_article()
    assert [page_at(a, TEXT.index(w)) for w in ("12", "30", "7 missing")] == [1, 2, 4]
    assert page_at(a, 0) == 1 and page_at(a, -5) == 1 and page_at(a, 10**6) == 4
    assert page_at(a, 99, in_title=True) == 1
    assert origin_at(a, TEXT.index("30")) == "r.pdf:page 2"
    assert claim_origin(a, claim(a, "7 missing")) == "r.pdf:page 4"


def test_articles_without_pages_keep_their_origin() -> None:
    csv_row = Article("1", "sana", None, "t", "26 killed", origin="a.csv:12")
    entry = Article("tag:x", "reliefweb", None, "t", "26 killed", origin="f.xml:entry 3")
    assert page_at(csv_row, 3) is None
    assert origin_at(csv_row, 3) == "a.csv:12"
    assert claim_origin(entry, claim(entry, "26")) == "f.xml:entry 3"
    assert origin_at(Article("x", "y", None, "t", "x"), 0) is None


def test_page_labels() -> None:
    assert pages_label(1) == "page 1"
    assert pages_label(4) == "pages 1-4"
    assert pages_label(2, 3) == "pages 3-4"
