"""Corpus articles as outlets publish them: a web page, an RSS 2.0 and an Atom feed, a PDF.

Tests build these in ``tmp_path`` from the texts of ../shared/corpus (never copied into the
repository). The page is laid out as news sites lay theirs out: a header with a navigation
menu and a "trending" bar, the article with its byline and ``<time>``, a share bar, a
related-posts list and readers' comments (with figures of their own), a newsletter box and a
footer with a view counter; OpenGraph and JSON-LD ``NewsArticle`` metadata in its head.
The benchmark (benchmarks/bench_ingest_formats.py) uses the same builders.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from email.utils import format_datetime
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
IDMC = CORPUS / "idmc-news" / "articles.jsonl"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

_PARAGRAPH_BREAK = re.compile(r"\s{2,}|\n+")

#: Headlines of other stories, with figures that are not this article's claims.
RELATED = (
    "Pakistan – 12 dead as floods hit Khyber Pakhtunkhwa",
    "India – 40,000 evacuated as Assam floods worsen",
    "China – 5 killed in Guangxi landslide",
    "Brazil – 3,000 homeless after torrential rain in Acre",
)
COMMENTS = (
    "My cousin says more than 200 people died in our village and nobody reports it.",
    "At least 50 houses are gone near the river, the real toll is 10 times higher.",
)
MENU = ("Home", "News", "Africa", "Americas", "Asia", "Europe", "Middle East", "Reports",
        "Maps", "Data", "About", "Contact", "Donate")  # fmt: skip


@dataclass(frozen=True)
class Story:
    """One corpus article with the metadata an outlet's page carries."""

    article_id: str
    title: str
    paragraphs: tuple[str, ...]
    published: dt.date | None
    site: str
    url: str

    @property
    def text(self) -> str:
        """The article as plain text: one paragraph a line, blank lines between."""
        return "\n\n".join(self.paragraphs)

    def as_txt(self) -> str:
        """The same article as a .md file with front matter (what a .txt copy holds)."""
        meta = {"id": self.article_id, "title": self.title, "outlet": self.site.lower()}
        if self.published:
            meta["published"] = self.published.isoformat()
        meta["url"] = self.url
        front = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in meta.items())
        return f"---\n{front}---\n{self.text}\n"


def idmc_stories() -> list[Story]:
    """Every idmc-news article as a Story (its site name from the outlet's host name)."""
    stories = []
    with IDMC.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            stories.append(story(row))
    return stories


def story(row: Mapping[str, Any], site: str | None = None) -> Story:
    title = " ".join(str(row.get("title") or "").split())
    paragraphs = tuple(p.strip() for p in _PARAGRAPH_BREAK.split(row["text"]) if p.strip())
    if paragraphs and paragraphs[0] == title:  # a scraper's copy of the page's headline
        paragraphs = paragraphs[1:]
    published = row.get("published")
    host = str(row.get("outlet") or "example.org")
    return Story(
        article_id=str(row["id"]),
        title=title,
        paragraphs=paragraphs,
        published=dt.date.fromisoformat(published[:10]) if published else None,
        site=site or host.split(".")[0].capitalize(),
        url=str(row.get("url") or f"https://{host}/{row['id']}"),
    )


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def article_page(
    s: Story, *, metadata: bool = True, comments: bool = True, related: bool = True
) -> str:
    """``s`` as an outlet's article page (see the module's docstring)."""
    stamp = f"{s.published.isoformat()}T09:30:00+00:00" if s.published else ""
    head = [f'<meta charset="utf-8"><title>{_e(s.title)} | {_e(s.site)}</title>']
    if metadata:
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": s.title,
            "datePublished": stamp or None,
            "author": {"@type": "Person", "name": "Staff Writer"},
            "publisher": {"@type": "Organization", "name": s.site},
            "mainEntityOfPage": s.url,
        }
        head += [
            f'<meta property="og:site_name" content="{_e(s.site)}">',
            f'<meta property="og:title" content="{_e(s.title)}">',
            '<meta property="og:type" content="article">',
            '<meta name="author" content="Staff Writer">',
            f'<meta property="og:url" content="{_e(s.url)}">',
            f'<link rel="canonical" href="{_e(s.url)}">',
            f'<meta property="article:published_time" content="{stamp}">' if stamp else "",
            f'<script type="application/ld+json">{json.dumps(ld)}</script>',
        ]
    head.append("<script>" + "window.dataLayer=window.dataLayer||[];" * 200 + "</script>")
    head.append("<style>" + "body{margin:0}.nav li{display:inline}" * 100 + "</style>")
    menu = "".join(f'<li><a href="/{m.lower()}">{m}</a></li>' for m in MENU)
    submenu = "".join(
        f'<li><a href="/{m.lower()}/{n}">{m} {n}</a></li>' for m in MENU[2:7] for n in range(8)
    )
    byline = (
        f'<p class="byline">By Staff Writer | <time datetime="{stamp}">'
        f"{s.published:%d %B %Y}</time></p>"
        if s.published
        else '<p class="byline">By Staff Writer</p>'
    )
    body_paragraphs = "\n".join(f"<p>{_e(p)}</p>" for p in s.paragraphs)
    parts = [
        f'<!DOCTYPE html><html lang="en"><head>{"".join(head)}</head><body>',
        f'<header class="site-header"><a class="logo" href="/">{_e(s.site)}</a>',
        f'<nav class="nav main-menu"><ul>{menu}</ul><ul class="sub-menu">{submenu}</ul></nav>',
        '<div class="trending">Trending: <a href="/t1">3 million displaced by the monsoon</a> '
        '<a href="/t2">Quake toll rises to 1,200</a></div></header>',
        '<main><article class="post">',
        f'<h1 class="entry-title">{_e(s.title)}</h1>{byline}',
        f'<div class="entry-content">{body_paragraphs}</div>',
        '<div class="share">Share this: <a href="#">Facebook</a> <a href="#">Twitter</a> '
        "<span>1,204 shares</span></div></article>",
    ]
    if related:
        items = "".join(f'<li><a href="/r{i}">{_e(h)}</a></li>' for i, h in enumerate(RELATED))
        parts.append(f'<aside class="related-posts"><h3>Related posts</h3><ul>{items}</ul></aside>')
    if comments:
        items = "".join(
            f'<li class="comment"><p class="comment-author">Reader {i}</p><p>{_e(c)}</p></li>'
            for i, c in enumerate(COMMENTS, 1)
        )
        parts.append(
            f'<section id="comments" class="comments-area"><h3>{len(COMMENTS)} Comments</h3>'
            f'<ol class="comment-list">{items}</ol>'
            '<form class="comment-form"><textarea name="comment"></textarea></form></section>'
        )
    parts += [
        '</main><aside class="newsletter"><h3>Newsletter</h3><p>Get the 5 top stories '
        "every morning.</p></aside>",
        f"<footer><p>Copyright {_e(s.site)}. All rights reserved. Views 14302</p><ul>{menu}</ul>"
        "</footer></body></html>",
    ]
    return "\n".join(parts)


def _entry_html(s: Story) -> str:
    return "".join(f"<p>{_e(p)}</p>" for p in s.paragraphs)


def _stamp(s: Story) -> dt.datetime:
    day = s.published or dt.date(2015, 1, 1)
    # late evening west of UTC: in UTC it is already the next day
    west = dt.timezone(-dt.timedelta(hours=5))
    return dt.datetime(day.year, day.month, day.day, 22, 30, tzinfo=west)


def rss_feed(stories: Iterable[Story], *, site: str = "FloodList") -> str:
    """An RSS 2.0 feed (WordPress style: content:encoded, a guid, "The post ... appeared
    first on" at the end of each entry)."""
    items = []
    for s in stories:
        link = f'<a href="{_e(s.url)}">{_e(s.title)}</a>'
        footer = f"<p>The post {link} appeared first on {site}.</p>"
        items.append(
            f"<item><title>{_e(s.title)}</title><link>{_e(s.url)}</link>"
            f'<guid isPermaLink="false">{_e(s.url)}?p={_e(s.article_id)}</guid>'
            f"<pubDate>{format_datetime(_stamp(s))}</pubDate>"
            f"<description><![CDATA[{s.paragraphs[0][:120]} [&#8230;]]]></description>"
            f"<content:encoded><![CDATA[{_entry_html(s)}{footer}]]></content:encoded></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{_e(site)}</title><link>https://{site.lower()}.com/</link>"
        f"<description>News</description><language>en-US</language>{''.join(items)}"
        "</channel></rss>\n"
    )


def atom_feed(stories: Iterable[Story], *, site: str = "ReliefWeb") -> str:
    """An Atom 1.0 feed: each entry's id a tag: URI, its content as escaped HTML."""
    entries = []
    for s in stories:
        entries.append(
            f'<entry><title>{_e(s.title)}</title><link href="{_e(s.url)}"/>'
            f"<id>tag:{site.lower()}.int,2015:{_e(s.article_id)}</id>"
            f"<published>{_stamp(s).isoformat()}</published>"
            f"<updated>{_stamp(s).isoformat()}</updated>"
            f"<summary>{_e(s.paragraphs[0][:120])}</summary>"
            f'<content type="html">{_e(_entry_html(s))}</content></entry>'
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f'<title>{_e(site)} - Updates</title><link href="https://{site.lower()}.int/"/>'
        f"<id>urn:{site.lower()}:updates</id><updated>2015-12-31T00:00:00Z</updated>"
        f"{''.join(entries)}</feed>\n"
    )


def pdf_report(
    s: Story, path: Path, *, pages: int | None = 2, password: str | None = None
) -> list[str]:
    """``s`` as a report of ``pages`` pages (title, then its paragraphs spread over them) at
    ``path``; returns each page's paragraphs as written. ``pages=None``: as many pages as the
    text fills (one entry returned). With ``password`` it is encrypted (needs that password
    to open)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(dt.datetime.combine(s.published or dt.date(2015, 1, 1), dt.time(9)))
    pdf.set_title(s.title)
    if DEJAVU.is_file():
        pdf.add_font("body", fname=str(DEJAVU))
        pdf.set_font("body", size=10)
        fix = str
    else:  # the PDF core fonts have latin-1 only
        pdf.set_font("helvetica", size=10)
        fix = latin1
    chunks = _split(list(s.paragraphs), pages or 1)
    written: list[list[str]] = []
    for n, chunk in enumerate(chunks):
        pdf.add_page()
        page: list[str] = []
        if n == 0:
            pdf.multi_cell(0, 6, fix(s.title))
            pdf.ln(4)
            page.append(fix(s.title))
        for paragraph in chunk:
            pdf.multi_cell(0, 4.6, fix(paragraph))
            pdf.ln(3)
            page.append(fix(paragraph))
        written.append(page)
    if pages is not None and pdf.page_no() != pages:
        raise ValueError(f"{s.article_id} does not fit on {pages} pages: pick a shorter text")
    if password is not None:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    pdf.output(str(path))
    return ["\n".join(p) for p in written]


def image_pdf(path: Path, lines: Iterable[str]) -> None:
    """A scanned page: the text drawn into an image, no text layer."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((80, 80 + 30 * i), latin1(line), fill=0)
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(image, x=0, y=0, w=210)
    pdf.output(str(path))


def latin1(text: str) -> str:
    table = {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."}
    text = "".join(table.get(c, c) for c in text)
    return text.encode("latin-1", "replace").decode("latin-1")


def _split(items: list[str], parts: int) -> list[list[str]]:
    size = -(-len(items) // parts)
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    return chunks + [[] for _ in range(parts - len(chunks))]
