"""Reading web pages, feeds and PDF reports, against extracting claims from the same texts.

    python benchmarks/bench_ingest_formats.py [--pdf-sample 40] [--check]

The texts are real: every English idmc-news article and every FA-KES article (1,000 in
all), each written, in a temporary folder, as outlets publish it (tests/_outlets.py): a
.md file with front matter (the baseline), an article page with navigation, related posts
and comments around it, one RSS 2.0 and one Atom feed holding them all, and (for
``--pdf-sample`` of them: making PDFs is slow) a PDF report. Each format is then read with
``checker.ingest.read_articles`` (language detection included), and
``checker.extract.extract_claims`` is run on the articles read from the .md files.

One-off costs (importing trafilatura, feedparser, pdfminer; loading py3langid's model;
quantulum3's import for extraction) are paid in a warm-up read of one file of each format
and printed apart; the rates are for the reads after them, in this process, on one core,
in CPU time (the fastest of ``--repeat`` runs: other processes on a shared machine slow
wall time).
``--check`` exits 1 unless reading a page and reading a feed entry each cost less than
extracting that article's claims (the issue's bound).
"""

from __future__ import annotations

import argparse
import csv
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from _outlets import (  # noqa: E402
    IDMC,
    Story,
    article_page,
    atom_feed,
    idmc_stories,
    pdf_report,
    rss_feed,
    story,
)

from checker.extract import extract_claims  # noqa: E402
from checker.ingest import IngestOptions, read_articles  # noqa: E402
from checker.ingest.language import detect_language  # noqa: E402
from checker.records import Article  # noqa: E402

FAKES = ROOT.parent / "shared" / "corpus" / "fa-kes" / "FA-KES-Dataset.csv"


def stories() -> list[Story]:
    """English idmc articles (clean text) and every FA-KES article."""
    picked = [
        s
        for s in idmc_stories()
        if not any("\x80" <= c <= "\x9f" for c in s.title + s.text)
        and detect_language(s.title, s.text) == "en"
    ]
    with FAKES.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            text = {"id": f"fakes-{row['unit_id']}", "title": row["article_title"]}
            text["text"] = row["article_content"]
            picked.append(story(text, site=row["source"].capitalize()))
    seen: set[str] = set()
    unique = []
    for s in picked:  # FA-KES repeats a few unit_ids
        if s.article_id not in seen and s.paragraphs:
            seen.add(s.article_id)
            unique.append(s)
    return unique


#: each measurement is repeated this many times and the fastest kept (--repeat)
REPEAT = 3


def articles_of(paths: Sequence[Path]) -> list[Article]:
    options = IngestOptions(duplicate_ids="rename")
    return [r for r in read_articles(paths, options) if isinstance(r, Article)]


def timed(fn: Callable[[], object], repeat: int = 1) -> float:
    """The CPU seconds of this process that ``fn`` takes, the fastest of ``repeat`` runs:
    CPU time, not wall time, so that other processes on the machine count less."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def read(paths: Sequence[Path], repeat: int = 1) -> tuple[list[Article], float]:
    articles = articles_of(paths)
    return articles, timed(lambda: articles_of(paths), repeat)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pdf-sample", type=int, default=40, help="texts written as PDFs")
    parser.add_argument("--repeat", type=int, default=REPEAT, help="runs of each, fastest kept")
    parser.add_argument("--check", action="store_true", help="exit 1 unless pages and feeds "
                        "cost less to read than to extract")  # fmt: skip
    args = parser.parse_args(argv)
    if not IDMC.is_file() or not FAKES.is_file():
        print(f"the corpus is not at {IDMC.parent.parent}", file=sys.stderr)
        return 2
    texts = stories()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        md, html, pdf = folder / "md", folder / "html", folder / "pdf"
        for d in (md, html, pdf):
            d.mkdir()
        for s in texts:
            (md / f"{s.article_id}.md").write_text(s.as_txt(), encoding="utf-8")
            (html / f"{s.article_id}.html").write_text(article_page(s), encoding="utf-8")
        (folder / "all.rss").write_text(rss_feed(texts), encoding="utf-8")
        (folder / "all.atom").write_text(atom_feed(texts), encoding="utf-8")
        pdf_texts = [s for s in texts if s.article_id.startswith("idmc")][: args.pdf_sample]
        for s in pdf_texts:
            pdf_report(s, pdf / f"{s.article_id}.pdf", pages=None)
        page_bytes = sum(p.stat().st_size for p in html.iterdir()) / len(texts)

        # warm-up: one file of each format (imports, py3langid's model, quantulum3)
        warm = {}
        for name, path in (
            ("md", next(md.iterdir())),
            ("html", next(html.iterdir())),
            ("pdf", next(pdf.iterdir())),
        ):
            warm[name] = timed(lambda path=path: read([path]))
        (folder / "one.rss").write_text(rss_feed(texts[:1]), encoding="utf-8")
        warm["feed"] = timed(lambda: read([folder / "one.rss"]))
        plain0, _ = read([next(md.iterdir())])
        warm["extract"] = timed(lambda: extract_claims(plain0[0]))

        r = args.repeat
        plain, t_md = read(sorted(md.iterdir()), r)
        pages, t_html = read(sorted(html.iterdir()), r)
        rss, t_rss = read([folder / "all.rss"], r)
        atom, t_atom = read([folder / "all.atom"], r)
        pdfs, t_pdf = read(sorted(pdf.iterdir()), r)
        t_lang = timed(lambda: [detect_language(a.title, a.text) for a in plain], r)
        t_extract = timed(lambda: [extract_claims(a) for a in plain], r)
        by_id = {a.article_id: a for a in plain}
        pdf_plain = [by_id[s.article_id] for s in pdf_texts]
        t_extract_pdf = timed(lambda: [extract_claims(a) for a in pdf_plain], r)

    n = len(plain)
    pdf_pages = sum(len(a.pages) for a in pdfs)
    assert len(pages) == len(rss) == len(atom) == n, (len(pages), len(rss), len(atom), n)
    assert len(pdfs) == len(pdf_texts)
    extract_ms = 1000 * t_extract / n
    rows = [
        (".md (front matter), the baseline", n, t_md),
        (f".html article page (~{page_bytes / 1024:.0f} KB)", n, t_html),
        ("RSS 2.0 feed, per entry", n, t_rss),
        ("Atom feed, per entry", n, t_atom),
        ("language detection alone", n, t_lang),
        ("**extraction** (extract_claims)", n, t_extract),
        (f".pdf report ({len(pdfs)} idmc texts, {pdf_pages} pages)", len(pdfs), t_pdf),
        (f"**extraction** of those {len(pdfs)} texts", len(pdfs), t_extract_pdf),
    ]
    print(f"{platform.machine()}, Python {platform.python_version()}, one core, CPU time "
          f"(fastest of {r}); {n} articles (English idmc-news and FA-KES)\n")  # fmt: skip
    print("| what | articles | ms / article | articles / s | vs extraction |")
    print("|---|---|---|---|---|")
    for label, count, seconds in rows:
        ms = 1000 * seconds / count
        print(f"| {label} | {count} | {ms:.2f} | {count / seconds:,.0f} | "
              f"{ms / extract_ms:.2f}x |")  # fmt: skip
    print(f"\n.pdf: {1000 * t_pdf / pdf_pages:.1f} ms a page")
    print("one-off, first file of each: " + ", ".join(f"{k} {v:.2f} s" for k, v in warm.items()))
    html_ms, feed_ms = 1000 * t_html / n, 1000 * max(t_rss, t_atom) / n
    if args.check and not (html_ms < extract_ms and feed_ms < extract_ms):
        print(f"FAIL: page {html_ms:.2f} ms, feed entry {feed_ms:.2f} ms, extraction "
              f"{extract_ms:.2f} ms an article", file=sys.stderr)  # fmt: skip
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
