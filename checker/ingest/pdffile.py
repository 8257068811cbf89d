"""PDF reports (.pdf): situation reports, flash updates; one article a file, its text page by
page, with pdfminer.six.

The text is read page by page with pdfminer's layout analysis, which groups a page's
characters into text boxes: lines that belong together (a paragraph, a column's run of
lines). Each box becomes one paragraph: its lines are joined with a space, a word hyphenated
across two lines ("displace-" / "ment") is joined again. That is why pdfminer rather than
pypdf: pypdf gives the lines as laid out, and the extractor reads every line break as the end
of a sentence, so "more than" at the end of one line and "150,000 people" at the start of
the next would lose their hedge, or their category.

Pages are joined with a line break, and the offset where each page starts is kept on the
Article (``Article.pages``): :func:`checker.ingest.provenance.page_at` gives the page of a
claim from its offset. The title is the first paragraph when it is short (a report's
heading, taken out of the text as a plain file's first line is), else the PDF's own Title.
The publication date is the PDF's CreationDate (unless a browser printed it: then that is
the day the page was saved), else a dateline opening the text.

Errors name the file (and the page): an encrypted PDF that needs a password, a PDF with no
text layer (a scan: every page an image; run OCR first), a damaged file. A PDF with some
pages that are only images is read, with a warning naming those pages.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from checker.ingest.build import ArticleBuilder, Raw
from checker.ingest.decode import Source
from checker.ingest.htmlpage import quiet_loggers
from checker.ingest.options import MAX_PDF_BYTES
from checker.ingest.provenance import pages_label
from checker.records import Article, ErrorRecord

#: A first paragraph this long or shorter is the report's heading (its title).
MAX_HEADING_CHARS = 200

_SPACES = re.compile(r"[^\S\n]+")
_SOFT_HYPHEN = re.compile(r"(?<=[a-z])-\n(?=[a-z])")
_LINE_END_HYPHEN = re.compile(r"(?<=\S)-\n")
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "\xad": ""})
_SENTENCE_END = tuple('.!?:;"”’)')
#: Producers of PDFs printed from a browser (Chrome and Edge's Skia, Firefox's cairo...):
#: their CreationDate is the day someone saved the page, not the day it was published.
_PRINTED = re.compile(r"Skia/PDF|cairo|Mozilla|wkhtmltopdf|Print To PDF|PhantomJS|HeadlessChrome")
_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})(\d{2})")


@dataclass
class PdfText:
    """What a PDF holds: each page's paragraphs, the pages that are images only, its info."""

    pages: list[list[str]]
    image_pages: list[int]
    info: dict[str, str]


class PdfProblem(Exception):
    """A PDF that cannot be read: the message says why and what to do."""


def read_pdf(source: Source, builder: ArticleBuilder) -> Iterator[Article | ErrorRecord]:
    """The one article of a PDF report."""

    def error(message: str, level: str = "error", page: int | None = None) -> ErrorRecord:
        return ErrorRecord(
            stage="ingest", level=level, source=source.name, page=page, message=message
        )

    data, truncated = source.read_all(MAX_PDF_BYTES)
    if not data.strip():
        yield error("empty file: no article in it")
        return
    if b"%PDF-" not in data[:1024]:
        yield error("not a PDF (it does not start with %PDF-): skipped")
        return
    if truncated:
        yield error(
            f"PDF is larger than {MAX_PDF_BYTES:,} bytes, too large to read: split it "
            "(e.g. qpdf --split-pages) and read the parts"
        )
        return
    try:
        pdf = read_pdf_text(data, builder.options.max_text_chars)
    except PdfProblem as exc:
        yield error(str(exc))
        return
    texts = ["\n".join(paragraphs) for paragraphs in pdf.pages]
    if not any(texts):
        if pdf.image_pages:
            yield error(
                "no text layer: every page is an image (a scanned PDF?), so there is no text "
                "to read. Run OCR on it (e.g. ocrmypdf) and read the result"
            )
        else:
            yield error("no text in this PDF: its pages are blank or drawn as shapes")
        return
    if pdf.image_pages:
        listed = ", ".join(map(str, pdf.image_pages[:20]))
        yield error(
            f"page(s) {listed}{'...' if len(pdf.image_pages) > 20 else ''} have no text layer "
            "(images only: scanned?): their figures are not read",
            level="warning",
            page=pdf.image_pages[0],
        )
    title, text, starts = _title_and_text(texts, pdf.info.get("Title", ""))
    used = [n for n, t in enumerate(texts, 1) if t]
    values: dict[str, object] = {"title": title, "text": text}
    if pdf.info.get("published"):
        values["published"] = pdf.info["published"]
    yield from builder.build(
        Raw(
            source.name,
            None,
            source.stem,
            values,
            origin=f"{source.name}:{pages_label(used[-1] - used[0] + 1, used[0])}",
            pages=starts,
            plain=True,
        )
    )


def read_pdf_text(data: bytes, max_chars: int) -> PdfText:
    """Each page's paragraphs (pdfminer text boxes as one line each), up to about
    ``max_chars`` characters of text; raises :class:`PdfProblem`."""
    from pdfminer.layout import LAParams, LTFigure, LTImage, LTTextContainer
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    quiet_loggers(("pdfminer",))
    pages: list[list[str]] = []
    image_pages: list[int] = []
    chars = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pdfminer warns of owner-only restrictions, bad xrefs
        try:
            document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
            info = _info(document)
            aggregator, interpreter = _interpreter(LAParams())
            for number, page in enumerate(PDFPage.create_pages(document), 1):
                interpreter.process_page(page)
                layout = aggregator.get_result()
                paragraphs = [
                    p
                    for p in (
                        _paragraph(e.get_text()) for e in layout if isinstance(e, LTTextContainer)
                    )
                    if p
                ]
                pages.append(paragraphs)
                if not paragraphs and any(isinstance(e, LTFigure | LTImage) for e in layout):
                    image_pages.append(number)
                chars += sum(len(p) + 1 for p in paragraphs)
                if chars > max_chars:
                    break  # the builder truncates the text and says so
        except PDFPasswordIncorrect:
            raise PdfProblem(
                "encrypted PDF: it needs a password to open, so its text cannot be read. "
                "Decrypt it (e.g. qpdf --decrypt --password=PASSWORD in.pdf out.pdf) and read "
                "the copy"
            ) from None
        except PDFEncryptionError as exc:
            raise PdfProblem(
                f"encrypted PDF that cannot be decrypted ({exc}): decrypt it first"
            ) from None
        except Exception as exc:  # pdfminer raises many kinds on damaged files
            raise PdfProblem(
                f"cannot read this PDF ({type(exc).__name__}: {str(exc)[:200]}): it is damaged "
                "or not a PDF. Re-save it (e.g. qpdf in.pdf out.pdf) and read the copy"
            ) from None
    return PdfText(pages, image_pages, info)


def _interpreter(laparams: Any) -> tuple[Any, Any]:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager

    resources = PDFResourceManager(caching=True)
    aggregator = PDFPageAggregator(resources, laparams=laparams)
    return aggregator, PDFPageInterpreter(resources, aggregator)


def _paragraph(box_text: str) -> str:
    """One pdfminer text box as one line of text."""
    text = box_text.translate(_LIGATURES).replace("\r", "\n").replace("\x00", "")
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n") if line.strip())
    text = _SOFT_HYPHEN.sub("", text)
    text = _LINE_END_HYPHEN.sub("-", text)
    return text.replace("\n", " ").strip()


def _title_and_text(texts: list[str], info_title: str) -> tuple[str, str, tuple[int, ...]]:
    """(title, text, page start offsets into text) from the pages' texts."""
    text = ""
    found: list[int | None] = []
    for page_text in texts:
        if not page_text:
            found.append(None)  # a blank page starts where the next page with text does
            continue
        if text:
            # a sentence that runs on to the next page ("20 gatherings of people" /
            # "displaced from the border") is one sentence, not two
            runs_on = not text.endswith(_SENTENCE_END) and page_text[0].islower()
            text += " " if runs_on else "\n"
        found.append(len(text))
        text += page_text
    starts: list[int] = []
    following = len(text)
    for start in reversed(found):
        following = following if start is None else start
        starts.append(following)
    starts.reverse()
    heading, _, rest = text.partition("\n")
    if len(heading) <= MAX_HEADING_CHARS and rest.strip():
        cut = len(text) - len(rest)
        return heading, rest, tuple(max(0, s - cut) for s in starts)
    return info_title, text, tuple(starts)


def _info(document: Any) -> dict[str, str]:
    """The PDF's Title and publication date (its CreationDate, ISO, unless its Producer or
    Creator is a browser printing a page), when it gives them."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    found: dict[str, str] = {}
    for info in getattr(document, "info", None) or []:
        info = resolve1(info)
        if not isinstance(info, dict):
            continue
        for key, value in info.items():
            value = resolve1(value)
            text = decode_text(value) if isinstance(value, bytes) else value
            if not isinstance(text, str):
                continue
            text = " ".join(text.split())
            if key == "Title" and text and "Title" not in found:
                found["Title"] = text
            elif key in ("Producer", "Creator") and _PRINTED.search(text):
                found["printed"] = text
            elif key == "CreationDate" and "created" not in found:
                date = _pdf_date(text)
                if date is not None:
                    found["created"] = date.isoformat()
    if "created" in found and "printed" not in found:
        found["published"] = found["created"]
    return found


def _pdf_date(text: str) -> dt.date | None:
    """``D:20150511093000+02'00'`` -> 2015-05-11 (the day as the PDF writes it)."""
    match = _PDF_DATE.match(text.strip())
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
