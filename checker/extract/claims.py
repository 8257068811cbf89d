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
from dataclasses import dataclass
from operator import attrgetter

from checker.extract import attribution as attr
from checker.extract import sources as src
from checker.extract.bounds import MAX_THINGS_PER_ARTICLE, PREFIX_CHARS, TextScan
from checker.extract.categories import (
    Counted,
    categorise,
    restated_subjects,
    unit_of,
    within_things,
    zero_counts,
)
from checker.extract.claim_context import ArticleContext, SentenceFacts, Span
from checker.extract.claim_sources import cue_openings, figure_source, resolve_cues
from checker.extract.dates import (
    DATELINE_REACH,
    TimeExpression,
    find_dateline,
    resolve,
    stated_as_of,
    url_date,
)
from checker.extract.figure_places import (
    TOWN_REACH,
    is_coarse,
    previous_place,
    refine_lead,
    restated_places,
    resumed_event,
    speaks_of_the_town,
    turns_away,
)
from checker.extract.headings import Headings, heading_source, in_list
from checker.extract.modality import in_relative_state, modality, says_period, scope, total_words
from checker.extract.numbers import MAX_NUMBERS_PER_ARTICLE, Figure, find_figures
from checker.extract.places import locate, scan_article
from checker.extract.sentences import is_caption, sentence_spans
from checker.records import Article, Claim

# A figure about the whole war: its place is the country.
_WAR_LONG = re.compile(
    r"\b(?:war|conflict|crisis|uprising)\s+(?:(?:that|which)\s+)?(?:has|have|had)\s+(?:so\s+far\s+)?(?:killed|left|claimed"
    r"|displaced|forced|uprooted|caused)"
    r"|\bsince\s+(?:the\s+|Syria['’]?s?\s+)?(?:civil\s+)?(?:war|conflict|crisis|uprising|revolt)"
    # words joined by hyphens, not \S+: "\S+-year" backtracked over every hyphenated run
    # ("1-1-1-...": 31 s for 80 KB)
    r"|\b\w+(?:-\w+){0,3}-year(?:-old)?\s+(?:civil\s+)?(?:war|conflict|crisis|uprising)"
    r"|\bwar-(?:battered|torn|ravaged)\s+(?:country|nation|Syria)\b|\bsince\s+(?:March\s+)?2011\b|\bthroughout\s+the\s+war"
    r"|\bfled\s+the\s+(?:civil\s+)?war"
    r"|\b(?:in|during)\s+(?:the|Syria['’]?s?)\s+(?:\S+\s+)?(?:civil\s+)?(?:war|conflict)\b",
    re.IGNORECASE,
)
#: How far from a figure a date may be and still be the figure's.
_DATE_REACH = 200
#: how far past that a time may be that pairs with one within it ("on Tuesday and Wednesday")
_PAIR_REACH = 60
# "since a US-Russian brokered ceasefire collapsed on September 19": a since-clause's date.
# "the first explosion to hit the heart of the western town since the outbreak of the war":
# a comparison too, its measure words apart
_FIRST_SINCE = re.compile(
    r"\bfirst\s+(?:[\w'’-]+\s+){1,9}?(?:ever\s+)?(?:since\s+)?$", re.IGNORECASE
)
#: a running total over more days than this is a count of the whole country unless its
#: own sentence places it
_YEARS_LONG_DAYS = 365
#: the counts of harm such a total is (a displacement over years is the place's standing
#: count: "leaving 120 families still in need of assistance" after "During 2013 and 2014")
_TOLLS = frozenset(("killed", "injured", "detained", "missing"))
_SINCE_CLAUSE = re.compile(r"\bsince\b(?:\s+[\w.'’-]+){1,8}\s+(?:on\s+)?$", re.IGNORECASE)
# "for the first time since 2012", "the worst since the war began": a comparison, not a total.
_COMPARISON = re.compile(
    r"(?:first\s+time|worst|biggest|deadliest|largest|heaviest|highest|bloodiest|lowest|most\s+\w+)"
    r"(?:\s+[\w'’-]+){0,4}\s+(?:since\s+)?$",
    re.IGNORECASE,
)
_VAGUE_TIME = re.compile(r"\b(?:few|several|recent)\b", re.IGNORECASE)
_SPAN_KINDS = frozenset({"month", "monthyear"})
_PAIR = re.compile(r"\s+(?:and|to|-|until)\s+(?:on\s+)?", re.IGNORECASE)


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
    than :data:`~checker.extract.numbers.MAX_NUMBERS_PER_ARTICLE` numbers in it, or
    :data:`~checker.extract.bounds.MAX_THINGS_PER_ARTICLE` things)."""
    head = article.text[:PREFIX_CHARS]  # (bound: whole-article lookups in a prefix)
    ctx = ArticleContext(
        article=article,
        reference=article.published,
        places=scan_article(article.title, head, article.location),
        monitor=src.monitor_name(article.title + "\n" + head),
    )
    ctx.syria = ctx.places.main_country in (None, "Syria")
    if ctx.reference is None:
        ctx.reference = url_date(article.url)
    dateline = find_dateline(article.text)
    if dateline is not None:
        ctx.reference, ctx.dateline = dateline
    if ctx.reference is None:
        ctx.reference = stated_as_of(head, ctx.text_year)
    claims = _read(ctx, article.title, in_title=True)
    ctx.last_source = ctx.prev_source = None
    ctx.recent = []
    if ctx.stopped is None:
        claims.extend(_read(ctx, article.text, in_title=False))
    claims = restated_subjects(restated_places(claims, ctx.where), article.title)
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


def _read(ctx: ArticleContext, text: str, in_title: bool) -> list[Claim]:
    # Bounds: the time expressions and the blocked spans (dated numbers, page furniture) are
    # scanned as far as the reading goes, and each sentence looks only at those inside or
    # around it (bisect), not at every one of the text: a text of repeated date lines was
    # quadratic (53 s for 920 KB).
    claims: list[Claim] = []
    spans = sentence_spans(text)
    if not in_title:
        spans = _headline_apart(text, ctx.article.title, spans)
    scan = TextScan(text, spans, furniture=not in_title)
    headings = Headings()
    #: the claims of the last sentence with figures, if their places were coarse (a country,
    #: a region) and no sentence has been read since: the next may say where
    coarse: list[int] = []
    #: whether one sentence naming no place has been passed over since those claims
    passed = False
    #: the homes or buildings the last sentence with figures counted, for "Of that number"
    things: Counted | None = None
    for sentence in spans:
        s_start, s_end = sentence
        scan.upto(s_end)
        times = scan.times_in(s_start, s_end)
        figures = find_figures(text, s_start, s_end, scan.blocked(s_start, s_end), ctx.numbers)
        if ctx.numbers.spent and ctx.stopped is None:
            ctx.stopped = (in_title, s_end, f"{MAX_NUMBERS_PER_ARTICLE:,} numbers")
        counted = categorise(text, sentence, figures) if figures else []
        counted = within_things(text, sentence, figures, counted, things)
        if figures:
            things = next((c for c in reversed(counted) if c.category == "facilities"), None)
        listed = headings.read(text, sentence, bool(figures))
        if listed is not None:  # an item of a list under a heading: "530 households"
            counted = [in_list(c, listed) for c in counted]
        for fig, cnt in zero_counts(text, sentence):
            at = bisect.bisect_left(
                figures, fig.start, key=attrgetter("start")
            )  # (figures in text order)
            figures.insert(at, fig)
            counted.insert(at, cnt)
        cues = attr.find_cues(text, s_start, s_end, [c.head_end for c in counted], ctx.syria)
        sources = resolve_cues(ctx, cues)
        ctx.heading_source = heading_source(
            text, sentence, cues, sources, figures, ctx.heading_source
        )
        first_claim = len(claims)
        ctx.things += len(figures) + len(times) + len(cues)
        if ctx.things > MAX_THINGS_PER_ARTICLE and ctx.stopped is None:
            ctx.stopped = (
                in_title,
                s_end,
                f"{MAX_THINGS_PER_ARTICLE:,} numbers, dates and sources",
            )
        if figures:
            sent = SentenceFacts(
                sentence,
                times,
                cues,
                sources,
                figures,
                sorted(f.num_start for f in figures),
                war_words=says_period(_WAR_LONG, text, s_start, s_end),
                total_words=total_words(text, s_start, s_end),
                quote=" ".join(text[s_start:s_end].split()),
                openings=cue_openings(text, cues),
            )
            ids = [
                Claim.make_id(
                    ctx.article.article_id, in_title, f.start, f.end, text[f.start : f.end]
                )
                for f in figures
            ]
            for fig, cnt in zip(figures, counted, strict=True):
                if cnt.category is not None:
                    whole = cnt.whole
                    # a part counts what its whole counts ("4 killed including 3 children
                    # and 43 others injured": the 43 are no part of the 4)
                    same = whole is not None and counted[whole].category == cnt.category
                    part_of = ids[whole] if whole is not None and same else None
                    claims.append(_claim(ctx, text, in_title, sent, fig, cnt, part_of))
        given = [s for s in sources if s is not None]
        if given:
            ctx.last_source = given[-1]
            ctx.sources.extend(given)
        sentence_claims = claims[first_claim:]  # (bound: not a scan of every claim so far)
        wait = False
        if coarse and not sentence_claims and listed is None and not turns_away(text, s_start):
            named = ctx.places.named_in(text, sentence, in_title)
            refine_lead(claims, coarse, ctx.where, named, resumed_event(text, s_start))
            # "... displaced by floods in Uganda. Around half are children, according to
            # UNICEF. The floods occurred in the district of Ntoroko": one sentence of
            # neither figures nor places in between
            wait = named is None and not figures and not passed
        passed = wait
        if not wait:
            coarse = [
                first_claim + k
                for k, c in enumerate(sentence_claims)
                if not in_title and is_coarse(ctx.where.get(c.claim_id))
            ]
        if sentence_claims:
            # the account goes on past sentences without figures ("It was not clear who
            # carried out the attacks. Another seven people were killed ...")
            ctx.prev_source = sentence_claims[-1].attribution
        ctx.source_before = given[-1] if given and not sentence_claims else None
        if listed is None and not is_caption(text, sentence):
            # (a list's item, a photo's caption is no place of the account's)
            ctx.recent = [*ctx.recent[-TOWN_REACH:], (text, sentence, in_title)]
        if ctx.stopped is not None:
            break
    return claims


def _headline_apart(text: str, title: str, spans: list[Span]) -> list[Span]:
    """The sentences of a body that opens with its headline again ("10 dead after strikes
    on rebel-held hospitals in Syria Air strikes on two hospitals ... a monitor said"): the
    headline a sentence of its own, so the body's first cue does not reach back into it."""
    head = " ".join(title.split())
    if len(head) < 20 or not spans:
        return spans
    first_start, first_end = spans[0]
    at = text.find(head, first_start, min(first_end, first_start + DATELINE_REACH + len(head)))
    cut = at + len(head)
    if at < 0 or cut >= first_end or not text[cut : cut + 1].isspace():
        return spans
    rest = cut
    while rest < first_end and text[rest].isspace():
        rest += 1
    return [(first_start, cut), (rest, first_end), *spans[1:]]


def _claim(
    ctx: ArticleContext,
    text: str,
    in_title: bool,
    sent: SentenceFacts,
    fig: Figure,
    cnt: Counted,
    part_of: str | None = None,
) -> Claim:
    art = ctx.article
    sentence = sent.span
    s_start, s_end = sentence
    category = cnt.category or "other"
    as_of, period_start, spanned = _dates(ctx, text, fig, sent, in_title, category)
    if period_start is not None and period_start == as_of and not spanned:
        # "since Sunday morning" in a report of Sunday: the day's toll, no running total
        period_start = None
    war_long = category not in ("population", "besieged") and (
        sent.war_words
        or (category in ("killed", "injured", "other") and fig.value >= 50000)
        or (category in ("displaced", "refugees") and fig.value >= 2000000)
    )
    sc = scope(category, spanned or war_long or period_start is not None, sent.total_words)
    # a total over years, its sentence naming no place of its own, is the country's: "12679
    # people died of torture from March 2011 to June 2016" is no count of the town the
    # account was at
    years_long = (
        period_start is not None
        and as_of is not None
        and (as_of - period_start).days > _YEARS_LONG_DAYS
        and category in _TOLLS
    )
    where = locate(
        text,
        ctx.places,
        sentence,
        fig.num_start,
        in_title,
        lambda: previous_place(ctx, speaks_of_the_town(ctx, text, sentence, in_title)),
        whole_country=war_long or years_long,
        host_country=category == "refugees",
        origin=category in ("displaced", "evacuated"),
        figures=sent.starts,
    )
    source = figure_source(ctx, text, fig, sent, carry=not war_long)
    mod = modality(text, s_start, fig.start, cnt.head_end, s_end)
    surface = text[fig.start : fig.end]
    claim_id = Claim.make_id(art.article_id, in_title, fig.start, fig.end, surface)
    ctx.where[claim_id] = where
    return Claim(
        claim_id=claim_id,
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
        location=where.location,
        region=where.region,
        country=where.country,
        unit=unit_of(category, cnt.subject),
        part_of=part_of,
        as_of=as_of,
        period_start=period_start,
        attribution=source,
        modality=mod,
        scope=sc,
        reported=ctx.reference,
    )


def _dates(
    ctx: ArticleContext, text: str, fig: Figure, sent: SentenceFacts, in_title: bool, category: str
) -> tuple[dt.date | None, dt.date | None, bool]:
    """as_of and period_start of a figure, from the time expressions of its sentence, and
    whether its time is a span (a month, "late January"), which makes it a running total.

    as_of: the point in time nearest the figure (within :data:`_DATE_REACH`), else the
    reference date. period_start: the start of the nearest span - "since April 28", "since
    a ceasefire collapsed on September 19", a war's start, "in May 2016", "on Tuesday and
    Wednesday". A time after the figure that belongs to something else is not the figure's:
    to another figure's relative clause ("14 killed since 25 July, including 11 that were
    killed in last week"), or, for a standing count ("have been evacuated", "are continuing to
    take refuge"), to the event that caused it ("after floods that first struck almost one
    week ago", "following Friday's earthquake").
    """
    ref = ctx.reference
    # (bound: only the times near enough to be the figure's are weighed, not each of a
    # sentence's against each of its figures: cubic on "no deaths ... on Monday ..." x 90)
    near = [t for t in sent.times if _gap(t, fig) <= _DATE_REACH + _PAIR_REACH]
    times = [t for t in near if not _belongs_elsewhere(text, fig, t, sent, category)]
    if not in_title:
        times = [t for t in times if (t.start, t.end) != ctx.dateline]
    as_of: dt.date | None = None
    spans: list[tuple[int, dt.date]] = []
    points: list[tuple[int, dt.date, bool, int]] = []
    for i, t in enumerate(times):
        r = resolve(t, ref, ctx.text_year() if ref is None and t.kind == "full" else None)
        gap = _gap(t, fig)
        if gap > _DATE_REACH:
            continue
        # (the words before the time in its own sentence: "... siege of the area since 2013
        # that has caused shortages. On Sunday ... killed 17" is Sunday's toll)
        floor = sent.span[0]
        clause = _SINCE_CLAUSE.search(text, max(floor, t.start - 70), t.start)
        if t.since or t.kind == "war" or clause:
            start = r.period_start if r.period_start is not None else r.as_of
            said = clause.start() if clause else t.start  # where "since" is
            compared = _COMPARISON.search(
                text, max(floor, t.start - 60), t.start
            ) or _FIRST_SINCE.search(text, max(floor, said - 90), said)
            if start is not None and not compared:
                spans.append((gap, start))
            continue
        if r.period_start is not None:
            spans.append((gap, r.period_start))
        if r.as_of is not None:
            nxt = times[i + 1] if i + 1 < len(times) else None
            if nxt is not None and nxt.kind == t.kind and _PAIR.fullmatch(text, t.end, nxt.start):
                spans.append((gap, r.as_of))  # "on Tuesday and Wednesday": a two-day span
                continue
            # "a few weeks ago" gives way to a calendar date in the same sentence
            vague = t.kind == "relative" and bool(_VAGUE_TIME.search(t.words))
            points.append((gap + _DATE_REACH * vague, r.as_of, t.kind in _SPAN_KINDS, t.end))
    spanned = False
    said_at = -1  # where the time the figure takes is said (-1: none, the reference)
    if points:
        _, as_of, spanned, said_at = min(points)
    period = min(spans)[1] if spans else None
    as_of = _cited_date(text, fig, sent, ref) or as_of or ref
    after = _DAYS_AFTER.search(text, max(0, fig.start - 30), fig.start)
    if as_of is not None and after is not None and said_at <= after.start():
        # "Wednesday shelling comes a day after eight civilians were martyred": Tuesday's
        # (not "Two days after 12 were killed on Monday": the figure's own time is said)
        n = after.group("n")
        as_of -= dt.timedelta(days=int(n) if n.isdigit() else _FEW_DAYS.get(n.lower(), 1))
    return as_of, period, spanned


def _cited_date(text: str, fig: Figure, sent: SentenceFacts, ref: dt.date | None) -> dt.date | None:
    """The date of the report a sentence cites after its figure, which the figure holds at:
    "some 500 people were reported displaced in Lembata ... (Tempo, 18 August 2014)",
    "... displaced in 2006 have since not been able to return (IDMC interviews, May 2015)"
    (the citations the reporting cues found: :data:`checker.extract.attribution._CITATION`)."""
    for cue in sent.cues:
        if not cue.cited or cue.start < fig.end or text[cue.start : cue.start + 1] != "(":
            continue
        for t in sent.times:
            if cue.start < t.start and t.end < cue.end:
                return resolve(t, ref).as_of
    return None


# a figure of what happened some days before the sentence's time ("a day after eight ...")
_DAYS_AFTER = re.compile(
    r"\b(?P<n>a|one|the|two|three|[1-9])\s+days?\s+after\s+(?:at\s+least\s+|some\s+)?$",
    re.IGNORECASE,
)
_FEW_DAYS = {"two": 2, "three": 3}


_STANDING = frozenset(["displaced", "evacuated", "refugees", "besieged", "other"])
_PRESENT = re.compile(
    r"\b(?:ha(?:ve|s)\s+been|are|is|remain|remains|continue|continues|continuing)\b", re.IGNORECASE
)
_CAUSE = re.compile(
    r"\b(?:after|following)\b|\b(?:that|which)\s+(?:\w+\s+){0,2}(?:struck|hit|began|started"
    r"|erupted|occurred|happened|swept)\b",
    re.IGNORECASE,
)
_RELATIVE_WORD = re.compile(r"\b(?:that|who|which)\b", re.IGNORECASE)


def _belongs_elsewhere(
    text: str, fig: Figure, t: TimeExpression, sent: SentenceFacts, category: str
) -> bool:
    """Whether a time after the figure is another figure's or its cause's (see _dates), or
    a state's a relative clause describes ("killed two civilians in the city that has been
    divided since July 2012"; not "in the war that has raged since 2011")."""
    if t.start < fig.end:
        return False
    if in_relative_state(text, fig.end, t.start):
        return True
    if t.since:
        return False
    # the last figure between the two (figures in reading order: bisected, not scanned)
    after = bisect.bisect_left(sent.figures, fig.end, key=attrgetter("start"))
    upto = bisect.bisect_right(sent.figures, t.start, key=attrgetter("end"))
    last = sent.figures[upto - 1] if upto > after else None
    cued = any(last.end <= c.start < t.start for c in sent.cues) if last else True
    if (
        last is not None
        and not cued
        and _RELATIVE_WORD.search(text, last.end, min(t.start, last.end + 25))
    ):
        return True  # "including 11 that were killed in last week"
    if category not in _STANDING:
        return False
    cause = _CAUSE.search(text, fig.end, t.start)
    return cause is not None and bool(_PRESENT.search(text, fig.end, cause.start()))


def _gap(t: TimeExpression, fig: Figure) -> int:
    return t.start - fig.end if t.start >= fig.end else fig.start - t.end
