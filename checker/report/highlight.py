"""Escaped HTML of article text and quotes with the claims' words in ``<mark>``.

Everything that comes from an article goes through :func:`markupsafe.escape` here, piece by
piece, before it is joined with our own tags: the result is :class:`markupsafe.Markup`, so
the template prints it as is and autoescaping cannot double-escape it. Nothing else in the
report builds HTML from article text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from checker.records import Claim

#: quotes longer than this are cut around the claim ("…"), e.g. FA-KES texts without stops.
MAX_QUOTE_CHARS = 420


@dataclass(frozen=True, slots=True)
class MarkSpec:
    """One ``<mark>`` to place in a text: ``text[start:end]`` gets it."""

    start: int
    end: int
    #: the element id (unique in the page), or "" for none.
    id: str = ""
    #: CSS classes.
    classes: str = ""
    #: tooltip text.
    title: str = ""
    #: links placed right after the mark: (href, label), e.g. to the findings it is in.
    refs: tuple[tuple[str, str], ...] = ()


def _open_tag(m: MarkSpec) -> str:
    attrs = []
    if m.id:
        attrs.append(f' id="{escape(m.id)}"')
    if m.classes:
        attrs.append(f' class="{escape(m.classes)}"')
    if m.title:
        attrs.append(f' title="{escape(m.title)}"')
    return f"<mark{''.join(attrs)}>"


def _refs(m: MarkSpec) -> str:
    if not m.refs:
        return ""
    links = "".join(
        f'<a class="fref" href="{escape(href)}">{escape(label)}</a>' for href, label in m.refs
    )
    return f"<sup>{links}</sup>"


def highlight(text: str, marks: Sequence[MarkSpec]) -> tuple[Markup, list[MarkSpec]]:
    """``text`` escaped, with ``marks`` placed; returns the HTML and the marks that could not
    be placed (offsets outside the text, empty, or overlapping an earlier mark) so the
    caller can list them instead of dropping them silently."""
    out: list[str] = []
    unplaced: list[MarkSpec] = []
    pos = 0
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        if not (0 <= m.start < m.end <= len(text)) or m.start < pos:
            unplaced.append(m)
            continue
        out.append(escape(text[pos : m.start]))
        out.append(_open_tag(m))
        out.append(escape(text[m.start : m.end]))
        out.append("</mark>")
        out.append(_refs(m))
        pos = m.end
    out.append(escape(text[pos:]))
    return Markup("".join(out)), unplaced


def locate_in_quote(claim: Claim, source: str | None) -> tuple[int, int] | None:
    """Where the claim's words are inside ``claim.quote``, or None.

    ``start``/``end`` are offsets in the article's title or text (``source``), not in the
    quote: find the quote's occurrence in the source that holds them; failing that (no
    source, or a quote the extractor normalised), the first occurrence of the surface.
    """
    quote = claim.quote
    if source and quote:
        qoff = source.rfind(quote, 0, claim.start + len(quote))
        if qoff >= 0 and qoff <= claim.start and claim.end <= qoff + len(quote):
            return claim.start - qoff, claim.end - qoff
    if claim.surface:
        i = quote.find(claim.surface)
        if i >= 0:
            return i, i + len(claim.surface)
    return None


def highlight_quote(
    claim: Claim, source: str | None, *, max_chars: int = MAX_QUOTE_CHARS, classes: str = ""
) -> Markup:
    """The claim's quote, escaped, with its number and hedge words in ``<mark>``; a quote
    over ``max_chars`` is cut to a window around them."""
    quote = claim.quote
    span = locate_in_quote(claim, source)
    if span is None:
        return escape(quote if len(quote) <= max_chars else quote[:max_chars] + "…")
    s, e = span
    prefix = suffix = ""
    if len(quote) > max_chars:
        side = max(40, (max_chars - (e - s)) // 2)
        lo, hi = max(0, s - side), min(len(quote), e + side)
        # cut at a word boundary so the window does not start mid-word
        if lo > 0:
            sp = quote.find(" ", lo, s)
            lo = sp + 1 if sp >= 0 else lo
            prefix = "…"
        if hi < len(quote):
            sp = quote.rfind(" ", e, hi)
            hi = sp if sp >= 0 else hi
            suffix = "…"
        quote, s, e = quote[lo:hi], s - lo, e - lo
    html, _ = highlight(quote, [MarkSpec(s, e, classes=classes)])
    return Markup(prefix) + html + Markup(suffix)
