"""Bounds that keep extraction linear in the text, whatever the text.

A real article is read whole: these bounds are far above anything the corpora hold (FA-KES,
IDMC, the seeds). A text made to be slow -- a megabyte of "said said said", of numbers, of
date lines -- is read only as far as the bounds allow, and the part left unread is said in
a warning (:func:`checker.extract.claims.extract_article`), never silently.

* :data:`MAX_THINGS_PER_ARTICLE`: the numbers, time expressions, places and reporting cues
  an article is read for (the corpora: 779 at most, in a 74 KB report);
* :data:`SCAN_CHARS`: the text is scanned for time expressions and page furniture this many
  characters at a time, as far as the reading goes (not all of it up front);
* :data:`PREFIX_CHARS`: what is looked up in the whole article (its main place, the monitor
  it names, a source's first name) is looked up in its first this many characters.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from checker.extract.sentences import furniture_in
from checker.extract.times import TimeExpression, find_time_expressions

Span = tuple[int, int]

MAX_THINGS_PER_ARTICLE = 3_000
SCAN_CHARS = 65_536
PREFIX_CHARS = 200_000


class Spans:
    """Spans (start, end) kept merged into sorted disjoint ones, to find those near a
    sentence by bisection (not by a scan of every span of the text)."""

    def __init__(self, spans: Sequence[Span] = ()) -> None:
        self.spans: list[Span] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.extend(sorted(spans))

    def extend(self, spans: Sequence[Span]) -> None:
        """Add spans in order (each starting at or after the last one added)."""
        for a, b in spans:
            if self.spans and a <= self.ends[-1]:
                merged = (self.spans[-1][0], max(b, self.ends[-1]))
                self.spans[-1] = merged
                self.ends[-1] = merged[1]
            else:
                self.spans.append((a, b))
                self.starts.append(a)
                self.ends.append(b)

    def near(self, start: int, end: int) -> list[Span]:
        """The spans overlapping [start, end] (or touching it)."""
        lo = bisect.bisect_left(self.ends, start)
        hi = bisect.bisect_right(self.starts, end, lo)
        return self.spans[lo:hi]


class TextScan:
    """The time expressions and blocked spans (dated numbers, page furniture) of a text,
    scanned :data:`SCAN_CHARS` at a time, at sentence ends, as the reading asks for them."""

    def __init__(self, text: str, sentences: Sequence[Span], *, furniture: bool) -> None:
        self.text = text
        self.times: list[TimeExpression] = []
        self.time_starts: list[int] = []
        self.dated = Spans()
        self.furniture = Spans()
        self._ends = [b for _, b in sentences]
        self._scanned = 0
        self._look_for_furniture = furniture
        self._trailer_seen = False

    def upto(self, end: int) -> None:
        """Scan far enough to hold everything up to ``end`` (a sentence's end)."""
        if end <= self._scanned:
            return
        k = bisect.bisect_left(self._ends, self._scanned + SCAN_CHARS)
        stop = max(end, self._ends[k] if k < len(self._ends) else len(self.text))
        if k >= len(self._ends) - 1:
            stop = len(self.text)
        found = find_time_expressions(self.text, self._scanned, stop)
        self.times.extend(found)
        self.time_starts.extend(t.start for t in found)
        self.dated.extend([(t.start, t.end) for t in found if not t.number_free])
        if self._look_for_furniture:
            spans, seen = furniture_in(
                self.text, self._scanned, stop, trailers=not self._trailer_seen
            )
            self.furniture.extend(spans)
            self._trailer_seen = self._trailer_seen or seen
        self._scanned = stop

    def times_in(self, start: int, end: int) -> list[TimeExpression]:
        lo = bisect.bisect_left(self.time_starts, start)
        return self.times[lo : bisect.bisect_left(self.time_starts, end, lo)]

    def blocked(self, start: int, end: int) -> list[Span]:
        return self.dated.near(start, end) + self.furniture.near(start, end)
