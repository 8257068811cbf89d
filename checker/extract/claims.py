"""From an Article to its Claims: the headline, then the body, sentence by sentence.

Each sentence is read once: its time expressions, places, reporting cues and figures are
found with compiled patterns; each figure then gets its category and subject
(:mod:`.categories`), place (:mod:`.places`), dates (:mod:`.dates`), source
(:mod:`.attribution`), modality and scope (:mod:`.modality`).

Dates are resolved against the article's own dateline when its text opens with one ("Wed 05
Apr 2017 ...", "Last updated at Apr 232017"): that is the day its "on Tuesday" means, and
FA-KES's date column sometimes disagrees with it by days or years. Otherwise against
``published``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from checker.extract import attribution as attr
from checker.extract import sources as src
from checker.extract.bounds import MAX_THINGS_PER_ARTICLE, PREFIX_CHARS, TextScan
from checker.extract.categories import Counted, categorise
from checker.extract.dates import TimeExpression, find_time_expressions, resolve
from checker.extract.modality import modality, scope
from checker.extract.numbers import MAX_NUMBERS_PER_ARTICLE, Figure, NumberBudget, find_figures
from checker.extract.places import PlaceMention, find_places, locate, main_place, normalise_place
from checker.extract.sentences import sentence_spans
from checker.records import Article, Claim

Span = tuple[int, int]

# How far into a text its dateline may be: after "Published", "Posted on", "Date of
# publication", "Last updated at" or a repeated headline (SANA puts the date after it).
_DATELINE_REACH = 200
# A figure about the whole war: its place is the country.
_WAR_LONG = re.compile(
    r"\b(?:war|conflict|crisis|uprising)\s+(?:has|have|had)\s+(?:so\s+far\s+)?(?:killed|left|claimed"
    r"|displaced|forced|uprooted|caused)"
    r"|\bsince\s+(?:the\s+|Syria['’]?s?\s+)?(?:civil\s+)?(?:war|conflict|crisis|uprising|revolt)"
    # words joined by hyphens, not \S+: "\S+-year" backtracked over every hyphenated run
    # ("1-1-1-...": 31 s for 80 KB)
    r"|\b\w+(?:-\w+){0,3}-year(?:-old)?\s+(?:civil\s+)?(?:war|conflict|crisis|uprising)"
    r"|\bwar-(?:battered|torn|ravaged)|\bsince\s+(?:March\s+)?2011\b|\bthroughout\s+the\s+war"
    r"|\bfled\s+the\s+(?:civil\s+)?war"
    r"|\b(?:in|during)\s+(?:the|Syria['’]?s?)\s+(?:\S+\s+)?(?:civil\s+)?(?:war|conflict)\b",
    re.IGNORECASE,
)
#: How far from a figure a date may be and still be the figure's.
_DATE_REACH = 200
# A sentence going on with the previous one's account: "Another 70 were wounded.", "Among
# at least 25 injured eight were in critical condition", "The three others among the dead".
_CONTINUES = re.compile(
    r"\s*(?:Another|A\s+further|Among|Of\s+(?:them|those|whom)|The\s+other|The\s+\w+\s+others"
    r"|Most\s+of|Some\s+of|Two\s+others)\b"
)
# "since a US-Russian brokered ceasefire collapsed on September 19": a since-clause's date.
_SINCE_CLAUSE = re.compile(r"\bsince\b(?:\s+[\w.'’-]+){1,8}\s+(?:on\s+)?$", re.IGNORECASE)
# "for the first time since 2012", "the worst since the war began": a comparison, not a total.
_COMPARISON = re.compile(
    r"(?:first\s+time|worst|biggest|deadliest|largest|heaviest|highest|bloodiest|lowest|most\s+\w+)"
    r"(?:\s+[\w'’-]+){0,4}\s+(?:since\s+)?$",
    re.IGNORECASE,
)
_SPAN_KINDS = frozenset({"month", "monthyear"})
_PAIR = re.compile(r"\s+(?:and|to|-|until)\s+(?:on\s+)?", re.IGNORECASE)
_ZERO = re.compile(
    r"\bno\s+(?:(?P<killed>deaths|fatalities)|(?P<injured>injuries))\b", re.IGNORECASE
)


@dataclass(slots=True)
class _Context:
    """What every sentence of one article needs to know about the article."""

    article: Article
    reference: dt.date | None
    fallback_place: str | None
    monitor: str | None
    last_source: str | None = None
    #: every source named so far, for "the ministry said"
    sources: list[str] = field(default_factory=list)
    #: the place the previous sentence named, for one that names none ("The attack killed four")
    prev_place: str | None = None
    #: the source of the previous sentence's figures, for one continuing its account
    prev_source: str | None = None
    #: where the body's own dateline is: the reference date, not a date a figure is about
    dateline: Span = (0, 0)
    #: the start of the text, where whole-article lookups look (bound: PREFIX_CHARS)
    head: str = ""
    #: numbers the article may still be read for (bound: MAX_NUMBERS_PER_ARTICLE)
    numbers: NumberBudget = field(default_factory=NumberBudget)
    #: numbers, times, places and cues read so far (bound: MAX_THINGS_PER_ARTICLE)
    things: int = 0
    #: where reading stopped when a bound was reached: (in the title, offset, what)
    stopped: tuple[bool, int, str] | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """An article's claims, and what extraction had to leave out (messages for a warning)."""

    claims: list[Claim]
    notes: tuple[str, ...] = ()


def extract_claims(article: Article) -> list[Claim]:
    """Every numeric claim of ``article``: headline first, then body, in reading order."""
    return extract_article(article).claims


def extract_article(article: Article) -> Extraction:
    """:func:`extract_claims`, and a note when the article was not read to its end (more
    than :data:`~checker.extract.numbers.MAX_NUMBERS_PER_ARTICLE` numbers in it)."""
    head = article.text[:PREFIX_CHARS]  # (bound: whole-article lookups in a prefix)
    ctx = _Context(
        article=article,
        reference=article.published,
        fallback_place=normalise_place(article.location) or main_place(article.title, head),
        monitor=src.monitor_name(article.title + "\n" + head),
        head=head,
    )
    dateline = _dateline(article.text)
    if dateline is not None:
        ctx.reference, ctx.dateline = dateline
    claims = _read(ctx, article.title, in_title=True)
    ctx.last_source = ctx.prev_place = ctx.prev_source = None
    if ctx.stopped is None:
        claims.extend(_read(ctx, article.text, in_title=False))
    if ctx.stopped is None:
        return Extraction(claims)
    in_title, at, what = ctx.stopped
    where = "its headline" if in_title else f"character {at:,} of its text"
    return Extraction(
        claims,
        (
            f"read for {what}, the most an article is read for, up to {where} (a table, a "
            "list or a page made of them rather than an article?): the rest of it was not "
            "read for claims",
        ),
    )


def _dateline(text: str) -> tuple[dt.date, Span] | None:
    """The date a text opens with, if it opens with one (with its year), and its span."""
    for expr in find_time_expressions(text, 0, min(len(text), _DATELINE_REACH + 40)):
        if expr.start > _DATELINE_REACH:
            break
        if expr.kind in ("full", "numeric") and re.search(r"(?:19|20)\d\d", expr.words):
            day = resolve(expr, None).as_of
            if day is not None:
                return day, (expr.start, expr.end)
    return None


def _read(ctx: _Context, text: str, in_title: bool) -> list[Claim]:
    # Bounds: the time expressions and the blocked spans (dated numbers, page furniture) are
    # scanned as far as the reading goes, and each sentence looks only at those inside or
    # around it (bisect), not at every one of the text: a text of repeated date lines was
    # quadratic (53 s for 920 KB).
    sentences = sentence_spans(text)
    scan = TextScan(text, sentences, furniture=not in_title)
    claims: list[Claim] = []
    for sentence in sentences:
        s_start, s_end = sentence
        scan.upto(s_end)
        times = scan.times_in(s_start, s_end)
        figures = find_figures(text, s_start, s_end, scan.blocked(s_start, s_end), ctx.numbers)
        if ctx.numbers.spent and ctx.stopped is None:
            ctx.stopped = (in_title, s_end, f"{MAX_NUMBERS_PER_ARTICLE:,} numbers")
        counted = categorise(text, sentence, figures) if figures else []
        for fig, cnt in _zero_counts(text, sentence):
            at = sum(1 for f in figures if f.start < fig.start)
            figures.insert(at, fig)
            counted.insert(at, cnt)
        cues = attr.find_cues(text, s_start, s_end, [c.head_end for c in counted])
        sources = _resolve_cues(ctx, cues)
        places = find_places(text, s_start, s_end)
        first_claim = len(claims)
        ctx.things += len(figures) + len(times) + len(places) + len(cues)
        if ctx.things > MAX_THINGS_PER_ARTICLE and ctx.stopped is None:
            ctx.stopped = (
                in_title,
                s_end,
                f"{MAX_THINGS_PER_ARTICLE:,} numbers, dates, places and sources",
            )
        if figures:
            near = times
            if not in_title:  # the body's own dateline is the reference date, not a figure's
                near = [t for t in near if (t.start, t.end) != ctx.dateline]
            sent = _Sentence.of(text, sentence, near, places, cues, sources)
            for fig, cnt in zip(figures, counted, strict=True):
                if cnt.category is not None:
                    claims.append(_claim(ctx, text, in_title, sent, fig, cnt))
        named = [s for s in sources if s is not None]
        if named:
            ctx.last_source = named[-1]
            ctx.sources.extend(named)
        sentence_claims = claims[first_claim:]  # (bound: not a scan of every claim so far)
        if sentence_claims:
            # the account goes on past sentences without figures ("It was not clear who
            # carried out the attacks. Another seven people were killed ...")
            ctx.prev_source = sentence_claims[-1].attribution
        ctx.prev_place = locate(text, sentence, s_start, None, False, places)
        if ctx.stopped is not None:
            break
    return claims


def _zero_counts(text: str, sentence: Span) -> list[tuple[Figure, Counted]]:
    """ "no deaths": a count of zero (it can contradict another source's toll)."""
    out: list[tuple[Figure, Counted]] = []
    for m in _ZERO.finditer(text, *sentence):
        category = "killed" if m.group("killed") else "injured"
        fig = Figure(m.start(), m.end(), 0.0, "exact", 0.0, 0.0, m.start())
        out.append((fig, Counted(category, "people", m.end())))
    return out


@dataclass(frozen=True, slots=True)
class _Sentence:
    """What one sentence holds besides its figures (and what every figure of it needs,
    computed once per sentence, not once per figure: bounds on long sentences)."""

    span: Span
    times: list[TimeExpression]
    places: list[PlaceMention]
    cues: list[attr.Cue]
    sources: list[str | None]  #: the source of each cue, resolved
    quote: str = ""
    war_words: bool = False  #: the sentence speaks of the whole war (:data:`_WAR_LONG`)
    time_starts: tuple[int, ...] = ()
    time_ends: tuple[int, ...] = ()
    #: the cues that name a source, with it, in order; and their starts
    named: tuple[tuple[attr.Cue, str], ...] = ()
    named_starts: tuple[int, ...] = ()
    #: index in ``named`` of the last "citing"/"quoting" cue, or -1
    last_citing: int = -1

    @classmethod
    def of(
        cls,
        text: str,
        span: Span,
        times: list[TimeExpression],
        places: list[PlaceMention],
        cues: list[attr.Cue],
        sources: list[str | None],
    ) -> _Sentence:
        named = tuple((c, s) for c, s in zip(cues, sources, strict=True) if s is not None)
        citing = [
            i
            for i, (c, _) in enumerate(named)
            if c.cited and text[c.start : c.end].lower() in _CITING
        ]
        return cls(
            span,
            times,
            places,
            cues,
            sources,
            quote=" ".join(text[span[0] : span[1]].split()),
            war_words=bool(_WAR_LONG.search(text, *span)),
            time_starts=tuple(t.start for t in times),
            time_ends=tuple(t.end for t in times),
            named=named,
            named_starts=tuple(c.start for c, _ in named),
            last_citing=citing[-1] if citing else -1,
        )


def _claim(
    ctx: _Context, text: str, in_title: bool, sent: _Sentence, fig: Figure, cnt: Counted
) -> Claim:
    art = ctx.article
    sentence = sent.span
    s_start, s_end = sentence
    places = sent.places
    category = cnt.category or "other"
    as_of, period_start, spanned = _dates(ctx, text, fig, sent, in_title)
    war_long = category not in ("population", "besieged") and (
        sent.war_words
        or (category in ("killed", "injured", "other") and fig.value >= 50000)
        or (category in ("displaced", "refugees") and fig.value >= 2000000)
    )
    sc = scope(text, s_start, s_end, category, spanned or war_long or period_start is not None)
    location = locate(
        text,
        sentence,
        fig.num_start,
        ctx.prev_place or ctx.fallback_place,
        war_long,
        places,
        host_country=category == "refugees",
    )
    source = _source(ctx, text, fig, sent, carry=not war_long)
    mod = modality(text, s_start, fig.start, cnt.head_end, s_end)
    surface = text[fig.start : fig.end]
    return Claim(
        claim_id=Claim.make_id(art.article_id, in_title, fig.start, fig.end, surface),
        article_id=art.article_id,
        outlet=art.outlet,
        published=art.published,
        in_title=in_title,
        start=fig.start,
        end=fig.end,
        quote=sent.quote,
        surface=surface,
        value=fig.value,
        hedge=fig.hedge,
        low=fig.low,
        high=fig.high,
        category=category,
        subject=cnt.subject,
        location=location,
        as_of=as_of,
        period_start=period_start,
        attribution=source,
        modality=mod,
        scope=sc,
    )


def _dates(
    ctx: _Context, text: str, fig: Figure, sent: _Sentence, in_title: bool
) -> tuple[dt.date | None, dt.date | None, bool]:
    """as_of and period_start of a figure, from the time expressions of its sentence, and
    whether its time is a span (a month, "late January"), which makes it a running total.

    as_of: the point in time nearest the figure (within :data:`_DATE_REACH`), else the
    reference date. period_start: the start of the nearest span - "since April 28", "since
    a ceasefire collapsed on September 19", a war's start, "in May 2016", "on Tuesday and
    Wednesday".
    """
    ref = ctx.reference
    times = sent.times  # (the body's own dateline is left out by _read)
    as_of: dt.date | None = None
    spans: list[tuple[int, dt.date]] = []
    points: list[tuple[int, dt.date, bool]] = []
    # Bound: only the expressions within _DATE_REACH of the figure (bisect), not every one
    # of a long sentence; the others were skipped by the gap test below anyway.
    lo = bisect.bisect_left(sent.time_ends, fig.start - _DATE_REACH)
    hi = bisect.bisect_right(sent.time_starts, fig.end + _DATE_REACH, lo)
    for i in range(lo, hi):
        t = times[i]
        gap = _gap(t, fig)
        if gap > _DATE_REACH:
            continue
        r = resolve(t, ref)
        since = (
            t.since or t.kind == "war" or _SINCE_CLAUSE.search(text, max(0, t.start - 70), t.start)
        )
        if since:
            start = r.period_start if r.period_start is not None else r.as_of
            if start is not None and not _COMPARISON.search(text, max(0, t.start - 60), t.start):
                spans.append((gap, start))
            continue
        if r.period_start is not None:
            spans.append((gap, r.period_start))
        if r.as_of is not None:
            nxt = times[i + 1] if i + 1 < len(times) else None
            if nxt is not None and nxt.kind == t.kind and _PAIR.fullmatch(text, t.end, nxt.start):
                spans.append((gap, r.as_of))  # "on Tuesday and Wednesday": a two-day span
                continue
            points.append((gap, r.as_of, t.kind in _SPAN_KINDS))
    spanned = False
    if points:
        _, as_of, spanned = min(points)
    period = min(spans)[1] if spans else None
    return as_of or ref, period, spanned


def _gap(t: TimeExpression, fig: Figure) -> int:
    return t.start - fig.end if t.start >= fig.end else fig.start - t.end


def _resolve_cues(ctx: _Context, cues: list[attr.Cue]) -> list[str | None]:
    """The source each cue of a sentence names, pronouns ("he said"), anaphors ("the
    ministry said") and participles ("..., adding") resolved, in order."""
    resolved: list[str | None] = []
    for cue in cues:
        source = cue.source
        if source is None and cue.anaphor is not None:
            source = attr.resolve_anaphor(cue.anaphor, ctx.sources)
        elif source is None and (cue.participle or cue.pronoun):
            before = [s for s in resolved if s is not None]
            source = before[-1] if before else (ctx.last_source if cue.pronoun else None)
        resolved.append(source)
    return resolved


def _source(ctx: _Context, text: str, fig: Figure, sent: _Sentence, carry: bool) -> str | None:
    """Who gives the figure: the source of the reporting cue nearest to it in its sentence
    (or the source its cue cites: "SANA reported ... citing the Interior Ministry")."""
    s_start, s_end = sent.span
    named = sent.named
    if not sent.cues:
        # No reporting verb: a headline naming its source, else the account the previous
        # sentence's figures belong to goes on ("Another 70 were wounded."), else the outlet
        # (always for a war-long toll: background the outlet states itself).
        carried = ctx.prev_source if carry and _CONTINUES.match(text, s_start) else None
        return _generic(ctx, _headline_source(text, s_start, s_end) or carried)
    if not named:
        return None
    # Bound: the nearest cue by bisect, not by a scan of every cue of a long sentence. Cues
    # are disjoint and in order, so the nearest is the last one starting before the figure
    # ends or the first one after (the earlier on a tie, as min() over all of them gave).
    k = bisect.bisect_left(sent.named_starts, fig.end)
    best = k if k < len(named) else k - 1
    if 0 < k < len(named) and _cue_gap(named[k - 1][0], fig) <= _cue_gap(named[k][0], fig):
        best = k - 1
    cue, source = named[best]
    # the last cue citing a source: a "citing"/"quoting" anywhere, or a cited one within
    # 60 characters after the nearest cue
    cited = sent.last_citing
    j = bisect.bisect_right(sent.named_starts, cue.end + 60) - 1
    while j > cited and named[j][0].start >= cue.end:
        if named[j][0].cited:
            cited = j
            break
        j -= 1
    if cited >= 0:
        source = named[cited][1]
    if source is not None and source.lower() == ctx.article.outlet.lower():
        return None  # "SANA reporter in Aleppo said": the outlet itself
    return _generic(ctx, _full_name(ctx, source))


#: bound: once per sentence, not once per figure of it
_headline_source = lru_cache(maxsize=64)(src.headline_source)


_CITING = ("citing", "quoting")


def _cue_gap(cue: attr.Cue, fig: Figure) -> int:
    return cue.start - fig.end if cue.start >= fig.end else fig.start - cue.end


def _full_name(ctx: _Context, source: str | None) -> str | None:
    """ "according to Hitto": the full name the article gives earlier ("Obaida Hitto")."""
    if source is None or " " in source or not source[:1].isupper() or source.isupper():
        return source  # a full name already, or an acronym ("SANA")
    first = _name_before(ctx.head, source)
    if first is None:
        return source
    if (
        src.normalise_source(first) != first
        or find_places(first)
        or find_time_expressions(first)
        or first in src.CANONICAL
    ):
        return source  # "Monday SANA", "Aleppo Reuters": not a first name
    return f"{first} {source}"


@lru_cache(maxsize=256)
def _name_before(text: str, name: str) -> str | None:
    """The words before the first "<First> <name>" of ``text`` (bound: once per article and
    name, not a search of the whole article for every figure)."""
    m = re.search(rf"\b((?:[A-Z][\w'’-]+\s+){{1,2}}){re.escape(name)}\b", text)
    return None if m is None else m.group(1).strip()


def _generic(ctx: _Context, source: str | None) -> str | None:
    """ "a monitor said": the monitor the article names, if it names one."""
    if src.is_generic_monitor(source) and ctx.monitor is not None:
        return ctx.monitor
    return source
