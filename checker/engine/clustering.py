"""How the claims of one block become incidents: linked pair by pair, strongest first.

Within a block (:func:`checker.engine.incidents.block_key`), two claims *may* be one
quantity when their days are close (event counts: a day apart; a running total without a
start: two days), their regions agree (or are a city and its countryside), two different
towns are not named, and the ways of harm and the sides they name do not exclude each other.
Such a link is scored by what else ties the two reports:

====================================  =====
the same town (or finer place)        4
the same region                       2
only the country, or no place         1
a shared name (not a place's)         2
two shared salient words              1
their articles tell one story         2
their sentences' other figures agree  2
the same article                      1
figures that agree                    1
====================================  =====

Links are taken strongest first (ties: in reading order), each merging two incidents,
unless the merge would put two towns in one incident, or two figures of one article, from
one source, that cannot both hold and tell of different happenings ("31 killed in Aleppo"
and "10 killed when a bus was hit": the day's toll and one strike's). Agglomerating by
strength, rather than claim by claim, makes the incidents independent of the order the
claims came in, and a province's figure joins the town whose reports it is most tied to.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from checker.engine.cues import (
    incident_families,
    is_additional,
    is_more,
    nationalities,
    perpetrators,
    salient_words,
)
from checker.extract.gazetteer import REGION, gazetteer, place_key
from checker.records import Article, Claim

Words = tuple[frozenset[str], frozenset[str]]

#: days between an event count's date and an incident's (an article dated the day after)
EVENT_WINDOW_DAYS = 1
#: days between two statements of a running total without a start that are one moment
CUMULATIVE_WINDOW_DAYS = 2
#: two articles tell one story when they share this many salient names, or this share of
#: their salient words (measured on the annotated FA-KES events: articles about one
#: happening share a median of 8 names and 9 % of their words; about two, 1 and 2 %)
#: the link of a headline's figure to the same figure in its own body (the headline sums up
#: the lead): stronger than any other, so the two share an incident before other reports
#: pull the headline elsewhere (Ahram's "US-led strikes kill 56 civilians" and its body's
#: "at least 56 civilians", not Monday's 21)
HEADLINE_RESTATED = 100
STORY_NAMES = 5
STORY_SHARE = 0.09

# How a report says the toll moved on: "rose to", "raised the toll", "the new toll".
UPDATE_FRAMING = re.compile(
    r"\b(?:ros[ei]n?|rising|raised|climbed|climbing|increased|jumped|mounted|swelled|went\s+up"
    r"|has\s+risen|had\s+risen|revised\s+up(?:ward)?)\b(?:\s+\w+){0,4}?\s+(?:to|toll)\b"
    r"|\b(?:new|latest|updated|revised|rising|final)\s+(?:death\s+)?(?:toll|tally|figure|count)\b"
    r"|\btoll\s+(?:has\s+|had\s+)?(?:ros[ei]n?|climbed|increased|jumped|reached)\b",
    re.IGNORECASE,
)


# How a report says a figure was corrected down: "revised down", "lowered the toll".
CORRECTION_FRAMING = re.compile(
    r"\b(?:revised\s+down(?:ward)?|lowered|corrected|downgraded|reduced)\b(?:\s+\w+){0,4}?\s+"
    r"(?:to|toll|figure)\b",
    re.IGNORECASE,
)

# A headline saying its article's toll is still moving: "Death toll mounts after bomb blast
# on Aleppo evacuee bus convoy", "Toll rises in ...", "Rising death toll ...".
_HEADLINE_MOVING = re.compile(
    r"\btoll\s+(?:mounts|rises|climbs|grows|jumps|soars|mounting|rising|climbing)\b"
    r"|\b(?:rising|mounting|climbing)\s+(?:death\s+)?toll\b",
    re.IGNORECASE,
)


# How a report says one of its figures is a past count: "The previous death toll was 20",
# "updating a previous toll of 112", "up from 31"; "Earlier on Wednesday, seven ...".
SUPERSEDED_BEFORE = re.compile(
    r"(?:\b(?:previous|earlier|initial|preliminary|former|old)\s+(?:death\s+)?(?:toll|tally"
    r"|figure|count|estimate)s?(?:\s+(?:was|of|had\s+been|stood\s+at|put\s+at))?"
    r"|\bup\s+from"
    # "Wednesday's shelling comes a day after eight civilians were martyred": an earlier
    # happening's count, recalled
    r"|\b(?:a|one|two|three|[1-9])\s+days?\s+after)\s+(?:at\s+)?(?:least\s+)?$",
    re.IGNORECASE,
)
_EARLIER_OPENING = re.compile(r"\s*(?:Earlier|Previously|Initially|At\s+first)\b")


def superseded(c: Claim) -> bool:
    """Whether the claim's own sentence gives its figure as a past count, one the report
    has moved on from (see :data:`SUPERSEDED_BEFORE`)."""
    return _superseded(c.quote, c.surface)


@lru_cache(maxsize=16384)
def _superseded(quote: str, surface: str) -> bool:
    """:func:`superseded` of a sentence and a figure's words in it (asked of every pair)."""
    at = quote.find(surface)
    if at < 0:
        return False
    before = SUPERSEDED_BEFORE.search(quote, max(0, at - 60), at)
    return bool(before or _EARLIER_OPENING.match(quote))


def claim_day(c: Claim) -> dt.date | None:
    """The date a claim's figure holds at: ``as_of``, else the publication date."""
    return c.as_of or c.published


def place_level(c: Claim) -> int:
    """2 a town or finer, 1 a region or a named area that holds towns (Eastern Ghouta), 0
    the country (or no place)."""
    if not c.location or c.location == c.country:
        return 0
    if c.location == c.region or _is_area(c.location, c.region):
        return 1
    return 2


@lru_cache(maxsize=4096)
def _is_area(location: str, region: str | None) -> bool:
    return any(p.area and p.region == region for p in gazetteer().lookup(location))


@lru_cache(maxsize=4096)
def neighbours(a: str, b: str) -> bool:
    """Whether two regions are a city that is a region of its own and the region around it
    (Damascus and Rif Dimashq, "the Damascus countryside"): news names the city for both."""
    g = gazetteer()
    for city, other in ((a, b), (b, a)):
        around = next((p for p in g.lookup(f"{city} countryside") if p.kind == REGION), None)
        if around is not None and around.name == other and around.name != city:
            return True
    return False


# "Urum Alkobra" is "Urum al-Kubra", "Maaret Alartiq" "Maarat al-Artiq": the article glued to
# a later word of the name (not the first: "Aleppo", "Albu Kamal")
_GLUED_ARTICLE = re.compile(r"(?<=\s)[AaEe]l(?=[b-df-hj-np-tv-z][a-z]{3,})")


@lru_cache(maxsize=16384)
def town_key(name: str | None) -> str:
    """What two spellings of one town share: the gazetteer's key (transliterations folded)
    with the vowels after its first letter dropped, as transliterations of one Arabic name
    differ mostly in vowels ("Salaheddine", "Salaheddin"; "Urem al-Kubra", "Urum al-Kubra").
    Cached: asked of both claims of every link and pair."""
    key = place_key(_GLUED_ARTICLE.sub(" ", name or ""))
    return key[:1] + re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", key[1:]))


def same_story(a: Words, b: Words) -> bool:
    """Whether two articles' salient words (of headline and text) say they tell of one
    happening (:data:`STORY_NAMES`, :data:`STORY_SHARE`)."""
    (wa, na), (wb, nb) = a, b
    if len(na & nb) >= STORY_NAMES:
        return True
    shared = len(wa & wb)
    union = len(wa) + len(wb) - shared  # (not built: two articles' words, every link)
    return bool(union) and shared / union >= STORY_SHARE


def meet(a: Claim, b: Claim) -> bool:
    """Whether two claims' intervals meet (vague words as lower bounds)."""
    alo, ahi = _span(a)
    blo, bhi = _span(b)
    return alo <= bhi and blo <= ahi


def _span(c: Claim) -> tuple[float, float]:
    low = c.low or 0.0
    if c.high is None or (c.hedge == "range" and not any(ch.isdigit() for ch in c.surface)):
        return low, float("inf")
    return low, c.high


class Stories(Mapping[str, Words]):
    """Each article's salient words (of headline and text, by article id), read on first
    use: only the articles of claims that a link compares are read (none for the rules
    about one article), and each once."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self._articles = {a.article_id: a for a in articles}
        self._words: dict[str, Words] = {}

    def __getitem__(self, article_id: str) -> Words:
        done = self._words.get(article_id)
        if done is None:
            a = self._articles[article_id]
            done = self._words[article_id] = salient_words(f"{a.title}\n{a.text}")
        return done

    def __iter__(self) -> Iterator[str]:
        return iter(self._articles)

    def __len__(self) -> int:
        return len(self._articles)


@dataclass
class Context:
    """What the reports' articles say beyond the claims: headlines, and the salient words of
    each whole article (both by article id)."""

    titles: Mapping[str, str] = field(default_factory=dict)
    stories: Mapping[str, Words] = field(default_factory=dict)
    #: (article id, category, in_title) -> the offsets and sentences of its claims of that
    #: category
    starts: Mapping[tuple[str, str, bool], Sequence[tuple[int, str]]] = field(default_factory=dict)
    #: (article id, in_title, sentence) -> the exact figures it gives, as (category, value)
    figures: Mapping[tuple[str, bool, str], set[tuple[str, float]]] = field(default_factory=dict)
    _title_words: dict[str, Words] = field(default_factory=dict)
    _claim_words: dict[str, Words] = field(default_factory=dict)
    #: same_story of each pair of articles asked (a block's links ask it of a pair often)
    _same_stories: dict[tuple[str, str], bool] = field(default_factory=dict)

    def words(self, c: Claim) -> Words:
        """The salient words of a claim's sentence and its article's headline."""
        done = self._claim_words.get(c.claim_id)
        if done is not None:
            return done
        title = self._title_words.get(c.article_id)
        if title is None:
            title = self._title_words[c.article_id] = salient_words(
                self.titles.get(c.article_id, "")
            )
        own = salient_words(c.quote)
        done = self._claim_words[c.claim_id] = (own[0] | title[0], own[1] | title[1])
        return done

    def figures_agree(self, a: Claim, b: Claim) -> bool:
        """Whether the two claims' sentences give one more figure, of another count, that
        is the same ("killing six and wounding 32"; "killing six and wounding 30 others"):
        two reports of one happening, whatever their other words."""
        fa = self.figures.get((a.article_id, a.in_title, a.quote), set())
        fb = self.figures.get((b.article_id, b.in_title, b.quote), set())
        return any(cat not in (a.category, b.category) for cat, _ in fa & fb)

    def same_story(self, a: str, b: str) -> bool:
        key = (a, b) if a <= b else (b, a)
        done = self._same_stories.get(key)
        if done is None:
            sa, sb = self.stories.get(a), self.stories.get(b)
            done = self._same_stories[key] = (
                sa is not None and sb is not None and same_story(sa, sb)
            )
        return done


def tie(a: Claim, b: Claim, ctx: Context) -> str:
    """What ties two claims beyond category, group and day: "town" (the same town or finer
    place), "total" (one running total: the same start, or a country's), "words" (their
    sentences and headlines share a name or two salient words), "story" (their articles
    tell one story), "figures" (their sentences give the same figure for another count), or
    "place" (only a region or country)."""
    if place_level(a) == place_level(b) == 2 and town_key(a.location) == town_key(b.location):
        return "town"
    if a.scope == b.scope == "cumulative" and (
        (a.period_start is not None and a.period_start == b.period_start)
        or place_level(a) == place_level(b) == 0
    ):
        return "total"
    wa, wb = ctx.words(a), ctx.words(b)
    place = _place_words(a, b)
    if (wa[1] & wb[1]) - place or len((wa[0] & wb[0]) - place) >= 2:
        return "words"
    if a.article_id != b.article_id and ctx.same_story(a.article_id, b.article_id):
        return "story"
    if a.article_id != b.article_id and ctx.figures_agree(a, b):
        return "figures"
    return "place"


def _place_words(a: Claim, b: Claim) -> frozenset[str]:
    return salient_words(
        f"{a.location or ''} {a.region or ''} {b.location or ''} {b.region or ''}"
    )[0]


def source_key(c: Claim) -> str:
    from checker.engine.helpers import norm_source

    return norm_source(c.attribution) or c.outlet.lower()


def cluster(claims: Sequence[Claim], scope: str, series: bool, ctx: Context) -> list[list[Claim]]:
    """The incidents of one block's claims, each a list of claims (see the module)."""
    window = EVENT_WINDOW_DAYS if scope == "event" else CUMULATIVE_WINDOW_DAYS
    order = sorted(range(len(claims)), key=lambda i: _reading_order(claims[i]))
    ranked = [claims[i] for i in order]
    alone = [_alone(c, ranked, ctx) for c in ranked]
    links = sorted(
        (
            (-score, i, j)
            for i, j in _near(ranked, window, series)
            if not (alone[i] or alone[j])
            and (score := _link(ranked[i], ranked[j], ctx)) is not None
        ),
    )
    parent = list(range(len(ranked)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(ranked))}
    towns: dict[int, str | None] = {
        i: town_key(c.location) if place_level(c) == 2 else None for i, c in enumerate(ranked)
    }

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # what each incident so far says of its happening: the ways of harm and the sides its
    # claims name (each claim's own, non-empty ones), and its regions
    marks: dict[int, _Marks] = {i: _Marks.of(c) for i, c in enumerate(ranked)}
    for _, i, j in links:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        if towns[ri] and towns[rj] and towns[ri] != towns[rj]:
            continue  # two towns never share an incident
        if marks[ri].excludes(marks[rj]):
            continue  # a report naming neither links them, but their claims exclude each other
        if _apart(members[ri], members[rj], ranked):
            continue
        keep, gone = (ri, rj) if ri < rj else (rj, ri)
        parent[gone] = keep
        members[keep] += members.pop(gone)
        towns[keep] = towns[keep] or towns[gone]
        marks[keep] = marks[keep].merged(marks.pop(gone))
    return [[ranked[i] for i in sorted(m)] for m in members.values()]


@dataclass(frozen=True, slots=True)
class _Marks:
    """The regions of an incident's claims and the nationalities of its groups: two
    incidents a third report links stay apart when their regions are not one or neighbours,
    or their groups are of other nationalities.

    Ways of harm and sides are refused pair by pair (:func:`_link`) but not across two
    incidents: on the annotated FA-KES events, outlets describing one happening name
    different ways of harm ("shelling", "air strikes") often enough that refusing such
    merges lost a sixth of the conflicts' recall."""

    regions: frozenset[str]
    #: the nationalities its counted groups name ("Turkish soldiers")
    nations: frozenset[str] = frozenset()

    @classmethod
    def of(cls, c: Claim) -> _Marks:
        return cls(frozenset([c.region]) if c.region else frozenset(), nationalities(c.subject))

    def merged(self, other: _Marks) -> _Marks:
        return _Marks(self.regions | other.regions, self.nations | other.nations)

    def excludes(self, other: _Marks) -> bool:
        """Whether the two incidents lie in regions that are not one or neighbours, or count
        groups of other nationalities."""
        if self.nations and other.nations and not self.nations & other.nations:
            return True
        return any(a != b and not neighbours(a, b) for a in self.regions for b in other.regions)


def _reading_order(c: Claim) -> tuple[object, ...]:
    return (
        claim_day(c) or dt.date.min,
        c.published or dt.date.min,
        c.article_id,
        not c.in_title,
        c.start,
    )


#: days within which statements of one running total (a series) are linked: a total
#: reported over months is one incident through the links between its nearer statements
SERIES_WINDOW_DAYS = 31


def _near(claims: Sequence[Claim], window: int, series: bool) -> Iterator[tuple[int, int]]:
    """Pairs of claims whose days are within ``window`` (a series: a month)."""
    window = SERIES_WINDOW_DAYS if series else window
    days = [claim_day(c) or dt.date.min for c in claims]
    order = sorted(range(len(claims)), key=lambda i: days[i])
    lo = 0
    for pos, i in enumerate(order):
        while (days[i] - days[order[lo]]).days > window:
            lo += 1
        for j in order[lo:pos]:
            yield (min(i, j), max(i, j))


def _alone(c: Claim, block: Sequence[Claim], ctx: Context) -> bool:
    """Whether a claim is a count of its own that shares no incident: "others" after a
    figure of the same count in its sentence ("killed 8 people and 3 others"), "more" after
    one in its article ("six more people died in a village near Manbij"), or a part of a
    figure of the same group ("30 [people], including 11 [people]": the part never stands
    for the whole). With no figure of that count before it in its sentence ("killed 5 and
    wounded 30 others"; "dozens injured" in the headline, "30 others" in the body),
    "others" is the whole of its count."""
    if c.part_of is not None and any(w.claim_id == c.part_of for w in block):
        return True
    if not is_additional(c.subject):
        return False
    own_sentence = not is_more(c.subject)
    earlier = ctx.starts.get((c.article_id, c.category, c.in_title))
    if earlier is None:
        earlier = [
            (o.start, o.quote)
            for o in block
            if o.article_id == c.article_id and o.in_title == c.in_title
        ]
    return any(s < c.start and (quote == c.quote or not own_sentence) for s, quote in earlier)


def _link(a: Claim, b: Claim, ctx: Context) -> int | None:
    """How strongly two claims may be one quantity (higher is stronger), or None when they
    cannot be (see the module's table)."""
    if a.region and b.region and a.region != b.region and not neighbours(a.region, b.region):
        return None
    la, lb = place_level(a), place_level(b)
    if la == lb == 2 and town_key(a.location) != town_key(b.location):
        return None
    fa, fb = incident_families(a.quote), incident_families(b.quote)
    if fa and fb and not fa & fb:
        return None
    sa, sb = perpetrators(a.quote), perpetrators(b.quote)
    if sa and sb and not sa & sb:
        return None
    na, nb = nationalities(a.subject), nationalities(b.subject)
    if na and nb and not na & nb:
        return None  # "13 Turkish soldiers", "2 Syrian soldiers": two groups
    same_article = a.article_id == b.article_id
    if same_article and _two_accounts(a, b):
        return None
    if same_article and a.in_title != b.in_title and a.value == b.value:
        return HEADLINE_RESTATED  # the headline's figure is its body's: linked first
    town = la == lb == 2
    score = 4 if town else 2 if (a.region and b.region) else 1
    wa, wb = ctx.words(a), ctx.words(b)
    place = _place_words(a, b)
    score += 2 * bool((wa[1] & wb[1]) - place) + (len((wa[0] & wb[0]) - place) >= 2)
    if not same_article and ctx.same_story(a.article_id, b.article_id):
        score += 2
    if not same_article and ctx.figures_agree(a, b):
        score += 2
    return score + same_article + meet(a, b)


def _two_accounts(a: Claim, b: Claim) -> bool:
    """Whether two figures of one article are of two happenings: both in its body, from
    one source, they cannot both hold, neither says the toll moved on, and their sentences
    share nothing but the place (the day's toll and one strike's). A headline may
    contradict its body (the headline rule's job); two sources quoted are one incident."""
    if a.in_title or b.in_title or meet(a, b) or source_key(a) != source_key(b):
        return False
    if moved_on(a.quote) or moved_on(b.quote):
        return False
    wa, wb = salient_words(a.quote), salient_words(b.quote)
    place = _place_words(a, b)
    return not ((wa[1] & wb[1]) - place or len((wa[0] & wb[0]) - place) >= 2)


@lru_cache(maxsize=4096)
def headline_moving(title: str) -> bool:
    """Whether an article's headline says its toll is still moving (:data:`_HEADLINE_MOVING`):
    each of its figures is then a step of a count, not a settled one."""
    return bool(_HEADLINE_MOVING.search(title))


@lru_cache(maxsize=16384)
def moved_on(quote: str) -> bool:
    """Whether a sentence says the toll moved on (:data:`UPDATE_FRAMING`), once a sentence."""
    return bool(UPDATE_FRAMING.search(quote))


@lru_cache(maxsize=16384)
def corrected(quote: str) -> bool:
    """Whether a sentence says a figure was corrected down (:data:`CORRECTION_FRAMING`);
    once a sentence, though every pair of its claim asks."""
    return bool(CORRECTION_FRAMING.search(quote))


def _apart(left: list[int], right: list[int], claims: Sequence[Claim]) -> bool:
    """Whether merging two incidents would put two accounts of one article together."""
    for i in left:
        for j in right:
            a, b = claims[i], claims[j]
            if a.article_id == b.article_id and _two_accounts(a, b):
                return True
    return False
