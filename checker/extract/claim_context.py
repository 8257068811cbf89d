"""What extracting one article keeps while it reads (:mod:`checker.extract.claims`): the
article's context across sentences, and what one sentence holds besides its figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from checker.extract import attribution as attr
from checker.extract.dates import TimeExpression, stated_year
from checker.extract.numbers import Figure, NumberBudget
from checker.extract.places import ArticlePlaces, Located
from checker.records import Article

Span = tuple[int, int]


class Opening(NamedTuple):
    """What the words around a reporting cue say of the figures it may govern."""

    #: where the latest clause of its own ("and the monitor said") opens within 50
    #: characters before the cue, or -1
    own_clause: int
    #: the cue is followed by its own statement ("UNICEF said 25 casualties were children")
    statement: bool


@dataclass(slots=True)
class ArticleContext:
    """What every sentence of one article needs to know about the article."""

    article: Article
    reference: dt.date | None
    places: ArticlePlaces
    monitor: str | None
    #: whether the report is on Syria (or names no country): the aliases of Syrian bodies
    #: hold ("state media" is Syria's; :data:`checker.lexicon.SYRIA_ONLY`)
    syria: bool = True
    last_source: str | None = None
    #: every source named so far, for "the ministry said"
    sources: list[str] = field(default_factory=list)
    #: the sentences before this one, latest last (figure_places.TOWN_REACH + 1 of them): the
    #: place the account is at, for a sentence that names none ("The attack killed four"),
    #: is the one the latest of the last ACCOUNT_REACH + 1 names, "the town" the latest town
    #: of them all (:func:`~checker.extract.figure_places.previous_place`)
    recent: list[tuple[str, Span, bool]] = field(default_factory=list)
    _named: dict[tuple[Span, bool], Located | None] = field(default_factory=dict)
    #: where each claim is, by claim_id (for the figures stated again at a finer place)
    where: dict[str, Located] = field(default_factory=dict)
    #: the source of the previous sentence's figures, for one continuing its account
    prev_source: str | None = None
    #: a sentence with no reporting cue, read once for all its figures (by the text's id
    #: and the sentence's span): where its first "also" ends (-1: none), the source its
    #: headline-like words name (:func:`~checker.extract.claim_sources.figure_source`)
    uncued: dict[tuple[int, int, int], tuple[int, str | None]] = field(default_factory=dict)
    #: the source the sentence right before named, if it gave no figures ("The Ministry of
    #: Civil Affairs said ... The main figures are as follows: 123 people killed ...")
    source_before: str | None = None
    #: the source a list's heading named ("Here are the latest statistics from the Fire and
    #: Disaster Management Agency:"), while its items go on (sentences with figures and no
    #: reporting cue of their own)
    heading_source: str | None = None
    #: the year of the latest date the text states in full, once asked for (``text_year``)
    _year: int | None = None
    _year_read: bool = False
    #: where the body's own dateline is: the reference date, not a date a figure is about
    dateline: Span = (0, 0)
    #: numbers the article may still be read for (bound: MAX_NUMBERS_PER_ARTICLE)
    numbers: NumberBudget = field(default_factory=NumberBudget)
    #: numbers, times and cues read so far (bound: MAX_THINGS_PER_ARTICLE)
    things: int = 0
    #: where reading stopped when a bound was reached: (in the title, offset, what)
    stopped: tuple[bool, int, str] | None = None

    def text_year(self) -> int | None:
        """For an article with no reference date (none published, none in its address or
        date line): the year its dates stated without one are in, the year of the latest
        date its text states in full (:func:`~checker.extract.dates.stated_year`, read
        once and only when asked)."""
        if not self._year_read:
            self._year, self._year_read = stated_year(self.article.text), True
        return self._year


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """What one sentence holds besides its figures."""

    span: Span
    times: list[TimeExpression]
    cues: list[attr.Cue]
    sources: list[str | None]  #: the source of each cue, resolved
    figures: list[Figure] = field(default_factory=list)  #: all the sentence's figures
    #: where each of them starts, in order (once a sentence, not once a figure)
    starts: list[int] = field(default_factory=list)
    war_words: bool = False  #: the sentence speaks of the whole war ("since the war began")
    total_words: bool = False  #: the sentence speaks of a total ("so far", "since")
    quote: str = ""  #: its words, spaces folded (once per sentence, not per figure)
    #: what the words around each cue say (:func:`checker.extract.claim_sources.cue_openings`)
    openings: list[Opening] = field(default_factory=list)
