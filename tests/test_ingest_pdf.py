"""PDF reports made from real corpus texts: text page by page, each claim's page, and the
PDFs that cannot be read (encrypted, scanned, damaged)."""

from __future__ import annotations

import collections
import datetime as dt
import io
from pathlib import Path

import pytest
from _outlets import Story, image_pdf, latin1, pdf_report
from test_ingest_pages import claim_key, english_stories, read

from checker.extract import extract_claims
from checker.ingest import claim_origin, page_at, read_stream
from checker.ingest.provenance import origin_at
from checker.records import Article


@pytest.fixture(scope="module")
def stories() -> list[Story]:
    # long enough to fill two pages, short enough for each half to fit on one
    return [s for s in english_stories(60) if 2500 < len(s.text) < 6000][:4]


def plain(s: Story, path: Path, pages: list[str]) -> Article:
    """The text the PDF was written with, as a plain file (title first line) with the
    PDF's publication date."""
    front = f"---\npublished: {s.published}\n---\n" if s.published else ""
    path.write_text(front + "\n\n".join(pages) + "\n", encoding="utf-8")
    (article,), _ = read([path])
    return article


def test_a_two_page_report(tmp_path: Path, stories: list[Story]) -> None:
    s = stories[0]
    pdf = tmp_path / "flash-update.pdf"
    written = pdf_report(s, pdf, pages=2)
    (article,), errors = read([pdf])
    assert errors == []
    assert article.title == latin1(s.title) or article.title == s.title
    assert article.article_id == "flash-update"
    assert article.published == s.published  # the PDF's CreationDate
    assert article.origin == f"{pdf}:pages 1-2"
    assert article.language == "en"
    assert len(article.pages) == 2 and article.pages[0] == 0
    # page 2 starts where the second page's first paragraph does
    second = written[1].split("\n")[0]
    assert article.text.index(second[:60]) == article.pages[1]
    # each paragraph is one line again, and nothing of the layout's line breaks is left
    assert article.text.split("\n") == [*written[0].split("\n")[1:], *written[1].split("\n")]


def test_every_claim_says_its_page(tmp_path: Path, stories: list[Story]) -> None:
    for s in stories:
        pdf = tmp_path / f"{s.article_id}.pdf"
        written = pdf_report(s, pdf, pages=2)
        (article,), _ = read([pdf])
        claims = extract_claims(article)
        assert claims
        pages_seen = set()
        for c in claims:
            page = page_at(article, c.start, in_title=c.in_title)
            assert page in (1, 2)
            pages_seen.add(page)
            where = written[page - 1]
            assert c.surface in where or latin1(c.surface) in where, (c.surface, page)
            assert claim_origin(article, c) == f"{pdf}:page {page}"
        assert pages_seen == {1, 2}, s.article_id


def test_the_same_claims_from_the_pdf_as_from_its_text(
    tmp_path: Path, stories: list[Story]
) -> None:
    total = 0
    for s in stories:
        pdf = tmp_path / f"{s.article_id}.pdf"
        written = pdf_report(s, pdf, pages=2)
        (article,), _ = read([pdf])
        text = plain(s, tmp_path / f"{s.article_id}.txt", written)
        from_pdf = collections.Counter(map(claim_key, extract_claims(article)))
        from_text = collections.Counter(map(claim_key, extract_claims(text)))
        assert from_pdf == from_text, s.article_id
        total += sum(from_text.values())
    assert total > 10


def test_a_report_with_a_blank_page_between(tmp_path: Path, stories: list[Story]) -> None:
    s = stories[1]
    pdf = tmp_path / "r.pdf"
    written = pdf_report(s, pdf, pages=3)
    # rewrite with page 2 empty: the paragraphs spread over pages 1 and 3
    from fpdf import FPDF

    doc = FPDF()
    doc.set_creation_date(dt.datetime(2015, 5, 11, 9))
    doc.set_font("helvetica", size=9)
    for page in [written[0], "", written[1] + "\n" + written[2]]:
        doc.add_page()
        for paragraph in page.split("\n") if page else []:
            doc.multi_cell(0, 4.2, latin1(paragraph))
            doc.ln(3)
    assert doc.page_no() == 3
    doc.output(str(pdf))
    (article,), errors = read([pdf])
    assert errors == []
    assert len(article.pages) == 3 and article.pages[1] == article.pages[2]
    last = latin1(written[2].split("\n")[-1])[:50]
    assert page_at(article, article.text.index(last)) == 3
    assert page_at(article, 0) == 1
    assert origin_at(article, len(article.text) - 1) == f"{pdf}:page 3"


def test_encrypted_pdfs(tmp_path: Path, stories: list[Story]) -> None:
    s = stories[0]
    locked, owner_only = tmp_path / "locked.pdf", tmp_path / "owner-only.pdf"
    pdf_report(s, locked, password="secret")
    pdf_report(s, owner_only, password="")  # opens without a password: only restricted
    articles, errors = read([locked, owner_only])
    assert [a.article_id for a in articles] == ["owner-only"]
    (error,) = errors
    assert error.source == str(locked) and error.level == "error"
    assert error.message.startswith("encrypted PDF: it needs a password")
    assert "qpdf --decrypt" in error.message


def test_scanned_and_part_scanned_pdfs(tmp_path: Path, stories: list[Story]) -> None:
    scan = tmp_path / "scan.pdf"
    image_pdf(scan, ["At least 58 people have died in flash floods"])
    articles, errors = read([scan])
    assert articles == []
    (error,) = errors
    assert error.message.startswith("no text layer: every page is an image")
    assert "OCR" in error.message

    # a text page, then a scanned annex
    from fpdf import FPDF
    from PIL import Image

    mixed = tmp_path / "mixed.pdf"
    doc = FPDF()
    doc.set_font("helvetica", size=10)
    doc.set_creation_date(dt.datetime(2015, 5, 11, 9))
    doc.add_page()
    for paragraph in (stories[0].title, stories[0].paragraphs[0]):
        doc.multi_cell(0, 5, latin1(paragraph))
        doc.ln(3)
    doc.add_page()
    doc.image(Image.new("L", (600, 800), 200), x=0, y=0, w=210)
    doc.output(str(mixed))
    (article,), errors = read([mixed])
    (warning,) = errors
    assert (warning.level, warning.page) == ("warning", 2)
    assert warning.message.startswith("page(s) 2 have no text layer")
    assert str(warning).startswith(f"ingest warning: {mixed}:page 2: ")
    assert article.origin == f"{mixed}:page 1"


def test_damaged_and_false_pdfs(tmp_path: Path, stories: list[Story]) -> None:
    good = tmp_path / "good.pdf"
    pdf_report(stories[0], good)
    data = good.read_bytes()
    files = {
        "truncated.pdf": data[: len(data) // 3],
        "garbage.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 20,
        "text.pdf": b"At least 12 people were killed.",
        "empty.pdf": b"",
    }
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    articles, errors = read([tmp_path / name for name in files])
    by_file = {Path(str(e.source)).name: e for e in errors}
    assert set(by_file) <= set(files)
    assert by_file["text.pdf"].message.startswith("not a PDF")
    assert by_file["empty.pdf"].message.startswith("empty file")
    assert by_file["garbage.pdf"].level == "error"
    # a truncated PDF may still give its first page (pdfminer rebuilds the xref), or none
    assert len(articles) + len(errors) >= len(files)
    assert all(e.exception is None for e in errors)
    assert all(e.source is not None for e in errors)


def test_a_pdf_on_stdin(tmp_path: Path, stories: list[Story]) -> None:
    pdf = tmp_path / "r.pdf"
    pdf_report(stories[0], pdf)
    (article,) = read_stream(io.BytesIO(pdf.read_bytes()), "auto")
    assert isinstance(article, Article)
    assert article.origin == "<stdin>:pages 1-2" and article.article_id == "stdin"


def test_a_long_pdf_is_truncated_with_a_warning(tmp_path: Path, stories: list[Story]) -> None:
    pdf = tmp_path / "long.pdf"
    pdf_report(stories[0], pdf, pages=2)
    (article,), errors = read([pdf], max_text_chars=600)
    assert len(article.text) <= 600
    assert article.pages == (0,)
    assert [e.message.split(":")[0] for e in errors] == [
        f"text is {errors[0].message.split()[2]} characters"
    ]
    assert dt.date(2000, 1, 1) < (article.published or dt.date(1900, 1, 1))


def test_a_page_printed_from_a_browser_has_no_publication_date(
    tmp_path: Path, stories: list[Story]
) -> None:
    from fpdf import FPDF

    s = stories[0]
    doc = FPDF()
    doc.set_creation_date(dt.datetime(2024, 1, 20, 9))  # the day it was printed
    doc.set_producer("Skia/PDF m120")
    doc.set_font("helvetica", size=9)
    doc.add_page()
    for paragraph in (s.title, *s.paragraphs[:3]):
        doc.multi_cell(0, 4.2, latin1(paragraph))
        doc.ln(3)
    doc.output(str(tmp_path / "printed.pdf"))
    (article,), errors = read([tmp_path / "printed.pdf"])
    assert errors == [] and article.published is None
