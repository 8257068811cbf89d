"""Who gives a figure (:mod:`checker.extract.claims`): the reporting cue of its sentence that
governs it, the source that cue names once pronouns, anaphors and participles are resolved,
or the source it cites; a bare surname completed from the article ("Hitto" -> "Obaida
Hitto"), a generic speaker ("the ministry") from the sources named before."""

from __future__ import annotations

import re
from functools import lru_cache

from checker.extract import attribution as attr
from checker.extract import sources as src
from checker.extract.bounds import PREFIX_CHARS
from checker.extract.claim_context import ArticleContext, Opening, SentenceFacts
from checker.extract.dates import find_time_expressions
from checker.extract.numbers import Figure
from checker.extract.place_text import _ORG_WORDS
from checker.extract.places import looks_like_place
from checker.lexicon import CANONICAL_SOURCES, SOURCE_ALIAS

# A sentence going on with the previous one's account: "Another 70 were wounded.", "Among
# at least 25 injured eight were in critical condition", "The three others among the dead".
_CONTINUES = re.compile(
    r"\s*(?:Another|A\s+further|Among|Of\s+(?:them|those|whom|these|that\s+number)|The\s+other"
    r"|The\s+\w+\s+others|Most\s+of|Some\s+of|Two\s+others|Additionally|In\s+addition"
    r"|Furthermore|Moreover|It\s+added|The\s+(?:main\s+|latest\s+)?(?:figures|breakdown)"
    r"|The\s+(?:victims|dead|casualties)\s+(?:comprised?|include[sd]?|were\s+mostly))\b"
)
#: a sentence giving the figures of a report named before it
_BREAKDOWN = re.compile(r"\s*The\s+(?:main\s+|latest\s+|key\s+)?(?:figures|breakdown)\b")
# "A bus on the road was also hit", "Rocket attacks on another neighbourhood killed one":
# more of the same account.
_ALSO = re.compile(r"\b(?:also|another|further)\b", re.IGNORECASE)


def resolve_cues(ctx: ArticleContext, cues: list[attr.Cue]) -> list[str | None]:
    """The source each cue of a sentence names, pronouns ("he said"), anaphors ("the
    ministry said") and participles ("..., adding") resolved, in order."""
    resolved: list[str | None] = []
    for cue in cues:
        source = cue.source
        if source is None and cue.raw is not None and " " not in cue.raw.strip():
            # "according to Hitto", a name the gazetteer also has as a hamlet: a person
            # when the article gives the name in full ("Obaida Hitto")
            full = _full_name(ctx, cue.raw.strip())
            source = full if full and " " in full else None
        if source is None and cue.anaphor is not None:
            source = attr.resolve_anaphor(cue.anaphor, ctx.sources)
            if source is None and cue.anaphor == "sources":
                source = "sources"  # (none named before: the sources as they are)
        elif source is None and (cue.participle or cue.pronoun):
            before = [s for s in resolved if s is not None]
            source = before[-1] if before else (ctx.last_source if cue.pronoun else None)
        resolved.append(source)
    return resolved


def figure_source(
    ctx: ArticleContext, text: str, fig: Figure, sent: SentenceFacts, carry: bool
) -> str | None:
    """Who gives the figure: the source of the reporting cue nearest to it in its sentence
    (or the source its cue cites: "SANA reported ... citing the Interior Ministry"), among the
    cues that govern it."""
    s_start, s_end = sent.span
    cues = sent.cues
    named = [
        (c, s)
        for c, s, o in zip(cues, sent.sources, sent.openings, strict=True)
        if s is not None and _governs(c, o, fig, sent.figures)
    ]
    if not cues:
        # No reporting verb: a headline naming its source, else the account the previous
        # sentence's figures belong to goes on ("Another 70 were wounded."), else the outlet
        # (always for a war-long toll: background the outlet states itself).
        key = (id(text), s_start, s_end)
        read = ctx.uncued.get(key)
        if read is None:  # (once a sentence: a search a figure was quadratic in figures)
            also = _ALSO.search(text, s_start, s_end)
            headline = src.headline_source(text, s_start, s_end, ctx.syria)
            read = ctx.uncued[key] = (also.end() if also else -1, headline)
        also_end, headline = read
        goes_on = _CONTINUES.match(text, s_start) or 0 <= also_end <= fig.start
        carried = ctx.prev_source if carry and goes_on else None
        if carry and ctx.heading_source:
            carried = ctx.heading_source  # an item of the list a heading said is theirs
        if carry and ctx.source_before and _BREAKDOWN.match(text, s_start):
            # "The Chinese Ministry of Civil Affairs said the country suffered losses of
            # $3.5 billion. The main figures are as follows: 123 people killed ...": the
            # figures of the source just named
            carried = ctx.source_before
        return _generic(ctx, headline or carried)
    if not named:
        return None
    cue, source = min(named, key=lambda cs: _cue_gap(cs[0], fig))
    if _MEDIUM.search(source):
        # "According to a new report by the SCPR the conflict has claimed ... Press TV
        # reported": the medium relays the source it names
        relayed = [s for c, s in named if c.cited and c is not cue]
        source = relayed[0] if relayed else source
    cited = [
        (c, s)
        for c, s in named
        if c.cited and (0 <= c.start - cue.end <= 60 or text[c.start : c.end].lower() in _CITING)
    ]
    if cited and (source is None or (not cue.cited and _MEDIA.search(source) is None)):
        # "activists said, citing ...": whom they cite; but a medium reporting, citing
        # others, is the one the reader has the figure from ("Al Jazeera reported
        # Wednesday citing an undisclosed Syrian opposition source": Al Jazeera)
        source = cited[-1][1]
    if source is not None and (
        source.lower() == ctx.article.outlet.lower() or source.lower() in _OWN_REPORTER
    ):
        return None  # "SANA reporter in Aleppo said", "the reporter pointed out": the outlet
    return _generic(ctx, _speaking_for(ctx, _full_name(ctx, source)))


def _speaking_for(ctx: ArticleContext, source: str | None) -> str | None:
    """ "said Bob", "Andri added": the body the person was named speaking for ("Sitaro
    Disaster Mitigation Center (BPBD) head Bob Wuaten said"), as the first mention was
    credited (:func:`checker.extract.sources.normalise_source`); else the person."""
    if source is None or " " not in source or not source[:1].isupper():
        return source
    return src.body_of_speaker(ctx.article.text[:PREFIX_CHARS], source) or source


_CITING = ("citing", "quoting")
#: the outlet's own people, named by no medium ("Later the reporter pointed out")
_OWN_REPORTER = frozenset(("reporter", "correspondent", "our reporter", "our correspondent"))
_MEDIUM = re.compile(
    r"(?-i:\b(?:TV|Television|News|Press|Times|Post|Radio|Channel|Reuters|AFP|FNA|Sputnik|TASS"
    r"|Al[- ]Manar|Al[- ]Jazeera|Anadolu))"
)
#: a medium by what it is ("local media", "The SANA news agency", "the newspaper")
_MEDIA = re.compile(
    rf"{_MEDIUM.pattern}|(?-i:\b(?:SANA|Xinhua))\b"
    r"|\b(?:media|news\s+agency|newspaper|broadcaster)\b"
)
# What a reporting verb opens when it is followed by its own statement ("UNICEF said 25
# casualties were children", "the monitor said the toll could rise").
_COMPLEMENT = re.compile(
    r"\s+(?:that\s+)?(?:(?:the|a|an|some|at\s+least|more\s+than|over|about|nearly)\b|\d)",
    re.IGNORECASE,
)
# "The attack also injured dozens and the monitor said ...": a cue of a clause of its own.
_OWN_CLAUSE = re.compile(
    r"\b(?:and|but|while|whereas)\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE
)


def cue_openings(text: str, cues: list[attr.Cue]) -> list[Opening]:
    """Each cue's :class:`Opening`, read once per sentence rather than once per figure and
    cue (a sentence of 80 figures and 80 cues)."""
    openings = []
    for cue in cues:
        own, at = -1, max(0, cue.start - 50)
        while (m := _OWN_CLAUSE.search(text, at, cue.start)) is not None:
            own, at = m.start(), m.start() + 1
        openings.append(Opening(own, _COMPLEMENT.match(text, cue.end) is not None))
    return openings


def _governs(cue: attr.Cue, opening: Opening, fig: Figure, figures: list[Figure]) -> bool:
    """Whether a reporting cue after a figure is the figure's source: not when the cue
    opens a statement of its own that holds another figure, nor when it heads a clause of
    its own joined by "and"/"but" after the figure."""
    if cue.start < fig.end or cue.cited:
        return True
    if opening.own_clause >= fig.end:
        return False
    later = bool(figures) and figures[-1].start >= cue.end  # the figures are in text order
    return not (later and opening.statement)


def _cue_gap(cue: attr.Cue, fig: Figure) -> int:
    return cue.start - fig.end if cue.start >= fig.end else fig.start - cue.end


def _full_name(ctx: ArticleContext, source: str | None) -> str | None:
    """ "according to Hitto": the full name the article gives earlier ("Obaida Hitto")."""
    if source is None or " " in source or not source[:1].isupper() or source.isupper():
        return source  # a full name already, or an acronym ("SANA")
    if source.lower() in _ORG_WORDS:
        # "The Ministry said": the body a cue named before ("according to China's Ministry
        # of Civil Affairs"), else the name the text gives it
        named = attr.resolve_anaphor(source.lower(), ctx.sources)
        if named is not None:
            return named
    surname, first = _names_around(ctx.article.text[:PREFIX_CHARS], source)
    if surname is not None and _first_name_ok(surname):
        return f"{source} {surname}"  # "Hadi said": "Hadi Supeno" told the Post
    if first is None:
        return source
    if (
        src.normalise_source(first) != first
        or looks_like_place(first)
        or find_time_expressions(first)
        or first in CANONICAL_SOURCES
    ):
        return source  # "Monday SANA", "Aleppo Reuters": not a first name
    return f"{first} {source}"


@lru_cache(maxsize=256)
def _names_around(text: str, name: str) -> tuple[str | None, str | None]:
    """The capitalised word after the first "<name> <Surname>" of ``text``, and the words
    before the first "<First> <name>" (bound: once per article and name, in the article's
    first PREFIX_CHARS characters, not a search of the whole article for every figure)."""
    after = re.search(rf"\b{re.escape(name)}\s+([A-Z][a-z][\w'’-]+)\b", text)
    before = re.search(rf"\b((?:[A-Z][\w'’-]+\s+){{1,2}}){re.escape(name)}\b", text)
    return (
        after.group(1) if after is not None else None,
        before.group(1).strip() if before is not None else None,
    )


def _first_name_ok(word: str) -> bool:
    """Whether a capitalised word right after a name is its surname ("Hadi Supeno"): not a
    verb, a date or a known source. (Not the gazetteer's test: it holds hamlets named like
    surnames.)"""
    return not (
        word.lower() in _NOT_NAME
        or SOURCE_ALIAS.search(word)
        or find_time_expressions(word)
        or word in CANONICAL_SOURCES
    )


_NOT_NAME = frozenset(
    "said says told added stated reported noted explained confirmed announced warned".split()
)


def _generic(ctx: ArticleContext, source: str | None) -> str | None:
    """ "a monitor said": the monitor the article names, if it names one."""
    if src.is_generic_monitor(source) and ctx.monitor is not None:
        return ctx.monitor
    return source
