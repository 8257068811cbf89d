"""HTML to plain text with the standard library's ``html.parser``.

Articles scraped as HTML keep their words: tags go, entities are unescaped, block elements
(paragraphs, line breaks, headings, list items, table rows) become line breaks, and
``<script>``/``<style>``/``<head>`` content is dropped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: Text is treated as HTML when it holds one of these tags (an "<" alone is not enough).
_TAG = re.compile(
    r"</?(?:p|br|div|span|a|b|i|u|em|strong|h[1-6]|ul|ol|li|table|tbody|thead|tr|td|th|img"
    r"|html|body|head|title|meta|script|style|blockquote|figure|figcaption|section|article"
    r"|header|footer|nav|main|aside|font|small|sup|sub|time|iframe|hr|noscript)\b[^<>]*>",
    re.IGNORECASE,
)
_BLOCK = frozenset(
    {"p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "figure"}
    | {"figcaption", "section", "article", "header", "footer", "nav", "main", "aside", "hr"}
    | {"table", "ul", "ol", "title"}
)
_SKIP = frozenset({"script", "style", "head", "noscript", "template", "iframe"})
_SPACES = re.compile(r"[^\S\n]+")
_BLANKS = re.compile(r"\n\s*\n\s*")


def looks_like_html(text: str) -> bool:
    return _TAG.search(text) is not None


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            # Line breaks inside HTML source are not paragraph breaks.
            self.parts.append(data.replace("\n", " "))


def html_to_text(html: str) -> str:
    """The readable text of ``html``: paragraphs separated by blank lines."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    text = _SPACES.sub(" ", "".join(collector.parts))
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANKS.sub("\n\n", text).strip()
