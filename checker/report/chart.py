"""Geometry of a finding's small inline SVG chart (the template only draws it).

Two kinds:

* ``interval``: one row per claim (labelled with its letter, outlet and day) on a shared value
  axis, a bar over the interval its wording allows (an arrow where it is unbounded) and a
  dot at the stated figure; the axis is logarithmic when the figures span orders of
  magnitude (50x or more). An incident whose figures all hold at one day is drawn so.
* ``time``: when the claims hold at different dates (``as_of``, else ``published``: running
  totals), date on x and value on y, one vertical interval per claim.

All coordinates are SVG user units, rounded to 0.1 so the page stays small.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from checker.records import Claim
from checker.report.format import figure_phrase, fmt_allows, fmt_date, fmt_number, visible_bidi

#: claims whose positive figures differ by this factor or more get a log axis.
LOG_RATIO = 50.0
WIDTH = 680
N_COLOURS = 6


@dataclass(frozen=True, slots=True)
class Tick:
    """An axis tick: position along its axis and label."""

    pos: float
    label: str


@dataclass(frozen=True, slots=True)
class Glyph:
    """One claim in the chart."""

    #: the claim's letter in its finding ("A", "B", ...), shown on the chart and its card.
    letter: str
    #: colour class index (0..5), the same as the claim's card.
    colour: int
    #: row label (interval chart): "A  reuters".
    label: str
    #: the interval segment, from (x1, y1) to (x2, y2).
    x1: float
    y1: float
    x2: float
    y2: float
    #: the stated figure.
    cx: float
    cy: float
    #: where the letter / row label is written.
    lx: float
    ly: float
    #: SVG polygon points of the arrows drawn at unbounded ends ("" when bounded).
    arrow_low: str
    arrow_high: str
    #: tooltip: outlet, words and interval.
    title: str
    #: the interval written out at the row's end (interval chart), "" in the time chart.
    note: str
    nx: float
    ny: float
    #: the claim's article repeats another's text (a copy): drawn hollow.
    copy: bool = False


@dataclass(frozen=True, slots=True)
class Chart:
    """A finding's chart: what the template needs to draw it, nothing more."""

    #: "interval" or "time".
    kind: str
    width: int
    height: int
    #: the value axis is logarithmic.
    log: bool
    #: plot area: left, top, right, bottom.
    left: float
    top: float
    right: float
    bottom: float
    #: ticks of the horizontal axis (x positions) and the vertical one (y positions; time only).
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    glyphs: tuple[Glyph, ...]
    #: one sentence saying how to read it (also the SVG's accessible name).
    caption: str


def _r(x: float) -> float:
    return round(x, 1)


def compact(x: float) -> str:
    """Axis label: 150000 -> "150k", 3600000 -> "3.6M"."""
    for div, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(x) >= div:
            return fmt_number(round(x / div, 2)) + suffix
    return fmt_number(round(x, 2))


def compact_interval(low: float | None, high: float | None) -> str:
    """What the interval allows, in words with compact numbers, for the chart's margin:
    "exactly 22", "26 or more", "at most 900k", "2.7M to 3.3M"."""
    return fmt_allows(low, high, compact)


def _nice_ticks(lo: float, hi: float, target: int = 5) -> list[float]:
    span = hi - lo
    raw = span / target
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.ceil(lo / step) * step
    n = int((hi - first) / step + 1e-9) + 1
    return [first + i * step for i in range(n)]


class _Scale:
    """Value -> position along one axis, linear from 0 or logarithmic."""

    def __init__(self, claims: Sequence[Claim], a: float, b: float) -> None:
        finite = [v for c in claims for v in (c.value, c.low, c.high) if v is not None]
        positive = [v for v in finite if v > 0] or [1.0]
        unbounded = any(c.high is None for c in claims)
        self.log = max(positive) / min(positive) >= LOG_RATIO
        self.a, self.b = a, b
        if self.log:
            self.lo = 10 ** math.floor(math.log10(min(positive)))
            self.hi = 10 ** math.ceil(math.log10(max(positive)))
            if unbounded and self.hi <= max(positive) * 1.5:
                self.hi *= 10
            self.ticks = [
                10**k for k in range(round(math.log10(self.lo)), round(math.log10(self.hi)) + 1)
            ]
            if len(self.ticks) > 7:
                self.ticks = self.ticks[::2]
        else:
            self.lo = min(0.0, min(finite, default=0.0))
            top = max(finite, default=1.0) or 1.0
            self.hi = top * (1.25 if unbounded else 1.08)
            self.ticks = [t for t in _nice_ticks(self.lo, self.hi) if t <= self.hi]

    def __call__(self, v: float) -> float:
        if self.log:
            v = max(v, self.lo)
            t = (math.log10(v) - math.log10(self.lo)) / (math.log10(self.hi) - math.log10(self.lo))
        else:
            t = (v - self.lo) / (self.hi - self.lo)
        return _r(self.a + t * (self.b - self.a))


def _title(letter: str, c: Claim) -> str:
    who = c.outlet + (f" ({c.attribution})" if c.attribution else "")
    return visible_bidi(f"{letter} {who}: {figure_phrase(c)}")


def _label(letter: str, c: Claim) -> str:
    # SVG text has no <bdi>: bidi controls are shown, not obeyed (and the label is cut)
    return visible_bidi(f"{letter}  {c.outlet[:14]} {_short_day(c)}".rstrip())[:32]


def _short_day(c: Claim) -> str:
    d = c.as_of or c.published
    return f"{d.day} {d.strftime('%b')}" if d is not None else ""


def interval_chart(claims: Sequence[Claim], copies: Collection[str] = ()) -> Chart:
    """One row per claim on a shared value axis (see the module docstring); claims whose
    ids are in ``copies`` drawn hollow."""
    row, top, axis_h, left, right = 26, 10.0, 30, 150.0, WIDTH - 150.0
    bottom = top + row * len(claims)
    sx = _Scale(claims, left, right)
    glyphs = []
    for i, c in enumerate(claims):
        letter = chr(ord("A") + i) if i < 26 else str(i + 1)
        y = _r(top + row * i + row / 2)
        x1 = sx(c.low) if c.low is not None and not (sx.log and c.low <= 0) else left
        x2 = sx(c.high) if c.high is not None else right
        glyphs.append(
            Glyph(
                letter=letter,
                colour=i % N_COLOURS,
                label=_label(letter, c),
                x1=x1,
                y1=y,
                x2=x2,
                y2=y,
                cx=sx(c.value),
                cy=y,
                lx=left - 8,
                ly=_r(y + 4),
                arrow_low=f"{left},{y} {left + 7},{y - 4.5} {left + 7},{y + 4.5}"
                if c.low is None
                else "",
                arrow_high=f"{right},{y} {right - 7},{y - 4.5} {right - 7},{y + 4.5}"
                if c.high is None
                else "",
                title=_title(letter, c)
                + (" (same text as another article)" if c.claim_id in copies else ""),
                note=compact_interval(c.low, c.high),
                nx=right + 14,
                ny=_r(y + 4),
                copy=c.claim_id in copies,
            )
        )
    ticks = tuple(Tick(sx(t), compact(t)) for t in sx.ticks)
    caption = "What each wording allows (dot: the figure as stated; arrow: no upper bound)"
    caption += "; hollow: a copy of another article's text" if copies else ""
    return Chart(
        kind="interval",
        width=WIDTH,
        height=int(bottom + axis_h),
        log=sx.log,
        left=left,
        top=top,
        right=right,
        bottom=bottom,
        x_ticks=ticks,
        y_ticks=(),
        glyphs=tuple(glyphs),
        caption=caption + ("; log scale." if sx.log else "."),
    )


def _date_of(c: Claim) -> dt.date | None:
    return c.as_of or c.published


def time_chart(claims: Sequence[Claim], copies: Collection[str] = ()) -> Chart:
    """Value over time, one vertical interval per dated claim (see the module docstring);
    claims whose ids are in ``copies`` (their article repeats another's text) drawn hollow."""
    dated = [(i, c, d) for i, c in enumerate(claims) if (d := _date_of(c)) is not None]
    left, right, top, bottom, height = 70.0, WIDTH - 30.0, 14.0, 186.0, 216
    sy = _Scale([c for _, c, _ in dated], bottom, top)
    days = [d.toordinal() for _, _, d in dated]
    pad = max(1.0, (max(days) - min(days)) * 0.08)
    d0, d1 = min(days) - pad, max(days) + pad

    def sx(day: float) -> float:
        return _r(left + (day - d0) / (d1 - d0) * (right - left))

    # claims of the same date side by side, 14 units apart, instead of on top of each other
    same_day: dict[int, list[int]] = {}
    for i, _, d in dated:
        same_day.setdefault(d.toordinal(), []).append(i)
    glyphs = []
    for i, c, d in dated:
        letter = chr(ord("A") + i) if i < 26 else str(i + 1)
        group = same_day[d.toordinal()]
        x = _r(sx(d.toordinal()) + (group.index(i) - (len(group) - 1) / 2) * 14)
        y_low = sy(c.low) if c.low is not None and not (sy.log and c.low <= 0) else bottom
        y_high = sy(c.high) if c.high is not None else top
        cy = sy(c.value)
        glyphs.append(
            Glyph(
                letter=letter,
                colour=i % N_COLOURS,
                label=_label(letter, c),
                x1=x,
                y1=y_low,
                x2=x,
                y2=y_high,
                cx=x,
                cy=cy,
                lx=_r(x + 8),
                ly=_r(cy + 4),
                arrow_low=f"{x},{bottom} {x - 4.5},{bottom - 7} {x + 4.5},{bottom - 7}"
                if c.low is None
                else "",
                arrow_high=f"{x},{top} {x - 4.5},{top + 7} {x + 4.5},{top + 7}"
                if c.high is None
                else "",
                title=_title(letter, c)
                + f" (as of {fmt_date(d)})"
                + (" (same text as another article)" if c.claim_id in copies else ""),
                note="",
                nx=x,
                ny=cy,
                copy=c.claim_id in copies,
            )
        )
    distinct = sorted(set(days))
    if len(distinct) > 4:
        step = (distinct[-1] - distinct[0]) / 3
        distinct = [round(distinct[0] + k * step) for k in range(4)]
    x_ticks = tuple(Tick(sx(day), dt.date.fromordinal(day).isoformat()) for day in distinct)
    y_ticks = tuple(Tick(sy(t), compact(t)) for t in sy.ticks)
    missing = len(claims) - len(dated)
    caption = "Each source's figure by the date it holds at (bar: what the wording allows)"
    caption += "; hollow: a copy of another article's text" if copies else ""
    caption += "; log scale" if sy.log else ""
    caption += f"; {missing} undated claim(s) not shown." if missing else "."
    return Chart(
        kind="time",
        width=WIDTH,
        height=height,
        log=sy.log,
        left=left,
        top=top,
        right=right,
        bottom=bottom,
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        glyphs=tuple(glyphs),
        caption=caption,
    )


def chart_for(claims: Sequence[Claim], copies: Collection[str] = ()) -> Chart | None:
    """The chart of claims (a finding's, or an incident's timeline): over time when their
    dates differ, else intervals side by side; claims in ``copies`` drawn hollow; None when
    there is nothing to place."""
    if not claims:
        return None
    as_of = {c.as_of for c in claims if c.as_of is not None}
    make: Callable[[Sequence[Claim], Collection[str]], Chart] = (
        time_chart if len(as_of) > 1 else interval_chart
    )
    return make(claims, copies)
