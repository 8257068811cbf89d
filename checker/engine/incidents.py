"""Claims grouped into incidents: each one real-world quantity that several claims report.

An incident is the same kind of count (category) of the same group (subject class and unit:
children are a quantity of their own, within people) at one place (the finest the claims
give: a town's strike is not the next town's), about one happening (the same strike,
bombing, battle or day; or the same running total with its start), whatever day each claim
was reported on. A rising toll is then one incident reported over time, not a
contradiction, and two strikes in two towns of one province on one day are two incidents.

Grouping, within a block of claims that can share an incident (:func:`block_key`: category,
subject class, unit, country, scope, running total's start), is greedy and finest first:

1. claims placed at a town (or finer) are grouped first; two towns never share an incident;
2. then claims placed only at a region, then at the country or nowhere: each joins the one
   incident it fits best, and when two incidents of different towns fit it equally (a
   province's toll on a day two of its towns were struck) it stays on its own;
3. a claim fits an incident when its day is within a day of the incident's (event counts;
   running totals without a start: two days), its region and town do not contradict the
   incident's, the ways of harm and the sides named do not exclude each other (air strikes
   vs a car bomb; regime vs rebel fire), and, when the place alone does not tie it (no
   shared town), its report shares a name or two salient words with the incident's
   reports and headlines ("Qamishli", "market", "chemical").

Copies of one text (``Article.copy_of``) are one source: :func:`independent_pairs` never
pairs a copy with its original, and a copy's claims stand for the original's only when the
original is not in the incident.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from checker.engine.cues import (
    incident_families,
    is_additional,
    incident_class,
    perpetrators,
    salient_words,
)
from checker.engine.helpers import norm_source
from checker.extract.gazetteer import REGION, gazetteer
from checker.records import Claim, Incident, IncidentClaim

#: days between an event count's date and an incident's (an article dated the day after)
EVENT_WINDOW_DAYS = 1
#: days between two statements of a running total without a start that are one moment
CUMULATIVE_WINDOW_DAYS = 2
#: categories that are no toll of a happening: never grouped
NOT_TOLLS = frozenset({"population"})

BlockKey = tuple[str, str, str, str, str, str]
# The salient words of each article being grouped (set by :func:`group` for its run).
_STORIES: Mapping[str, tuple[frozenset[str], frozenset[str]]] = {}


def claim_day(c: Claim) -> dt.date | None:
    """The date a claim's figure holds at: ``as_of``, else the publication date."""
    return c.as_of or c.published


def reported_day(c: Claim) -> dt.date | None:
    """The day a claim was reported: the day its text says it was written (its date line),
    else its publication date."""
    return c.reported or c.published


def source_of(c: Claim) -> str:
    """Who gives the figure: the named source, else the outlet (one spelling each)."""
    return norm_source(c.attribution) or c.outlet.lower()


def eligible(c: Claim) -> bool:
    """Whether a claim reports a toll that can belong to an incident: reported (not a
    projection or a denial), of a category that is a toll, with a date."""
    return c.modality == "reported" and c.category not in NOT_TOLLS and claim_day(c) is not None


def block_key(c: Claim) -> BlockKey | None:
    """The block of claims that may share an incident with ``c`` (None: none may)."""
    if not eligible(c):
        return None
    start = c.period_start.isoformat() if c.scope == "cumulative" and c.period_start else ""
    cls = incident_class(c.category, c.subject)
    return (c.category, cls, c.unit, c.country or "", c.scope, start)


def place_level(c: Claim) -> int:
    """2 a town or finer, 1 a region or a named area that holds towns (Eastern Ghouta), 0
    the country (or no place)."""
    if not c.location:
        return 0
    if c.location == c.country:
        return 0
    if c.location == c.region or _is_area(c.location, c.region):
        return 1
    return 2


@lru_cache(maxsize=4096)
def _is_area(location: str, region: str | None) -> bool:
    return any(p.area and p.region == region for p in gazetteer().lookup(location))


@dataclass(slots=True, eq=False)
class _Cluster:
    """An incident being built: its claims and what they say together."""

    key: BlockKey
    members: list[Claim] = field(default_factory=list)
    town: str | None = None
    region: str | None = None
    day_lo: dt.date | None = None
    day_hi: dt.date | None = None
    families: set[str] = field(default_factory=set)
    sides: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    additional: bool = False

    def add(self, c: Claim, words: tuple[frozenset[str], frozenset[str]]) -> None:
        self.members.append(c)
        if place_level(c) == 2 and self.town is None:
            self.town = c.location
        self.region = self.region or c.region
        day = claim_day(c)
        if day is not None:
            self.day_lo = day if self.day_lo is None else min(self.day_lo, day)
            self.day_hi = day if self.day_hi is None else max(self.day_hi, day)
        self.families |= incident_families(c.quote)
        self.sides |= perpetrators(c.quote)
        self.words |= words[0]
        self.names |= words[1]
        self.articles.add(c.article_id)


@dataclass
class Grouping:
    """The incidents of a set of claims, and which incident each claim belongs to."""

    incidents: list[Incident] = field(default_factory=list)
    members: dict[str, tuple[Claim, ...]] = field(default_factory=dict)
    of_claim: dict[str, str] = field(default_factory=dict)
    _by_id: dict[str, Incident] = field(default_factory=dict, repr=False)

    def claims_of(self, incident_id: str) -> tuple[Claim, ...]:
        return self.members.get(incident_id, ())

    def incident(self, incident_id: str) -> Incident:
        if not self._by_id:
            self._by_id = {i.incident_id: i for i in self.incidents}
        return self._by_id[incident_id]


def group(
    claims: Iterable[Claim],
    titles: Mapping[str, str] | None = None,
    roots: Mapping[str, str] | None = None,
    stories: Mapping[str, tuple[frozenset[str], frozenset[str]]] | None = None,
) -> Grouping:
    """Group ``claims`` into incidents (see the module's docstring). ``titles`` (article id
    -> headline) lets reports be tied by their headlines' words, ``stories`` (article id ->
    the salient words of its whole text) by their articles telling one story; ``roots``
    (article id -> the article it is a copy of) counts copies once in ``sources``."""
    titles = titles or {}
    roots = roots or {}
    global _STORIES
    _STORIES = stories or {}
    blocks: dict[BlockKey, list[Claim]] = defaultdict(list)
    for c in claims:
        key = block_key(c)
        if key is not None:
            blocks[key].append(c)
    out = Grouping()
    title_words: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for key in sorted(blocks):
        for cluster in _cluster(key, blocks[key], titles, title_words):
            incident, ordered = _incident(cluster, roots)
            out.incidents.append(incident)
            out.members[incident.incident_id] = ordered
            for c in ordered:
                out.of_claim[c.claim_id] = incident.incident_id
    return out


def _order(c: Claim) -> tuple[object, ...]:
    return (
        -place_level(c),
        claim_day(c) or dt.date.min,
        c.published or dt.date.min,
        c.article_id,
        not c.in_title,
        c.start,
    )


def _cluster(
    key: BlockKey,
    claims: list[Claim],
    titles: Mapping[str, str],
    title_words: dict[str, tuple[frozenset[str], frozenset[str]]],
) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    by_day: dict[dt.date, list[_Cluster]] = defaultdict(list)
    scope, start = key[4], key[5]
    series = scope == "cumulative" and (bool(start) or _country_wide(claims))
    window = EVENT_WINDOW_DAYS if scope == "event" else CUMULATIVE_WINDOW_DAYS
    for c in sorted(claims, key=_order):
        words = _words(c, titles, title_words)
        day = claim_day(c)
        assert day is not None  # eligible claims have one
        if _additional(c, claims) or _part_as_whole(c, claims):
            # "24 others", or a part read as its whole's group: a count of its own
            k = _Cluster(key, additional=True)
            k.add(c, words)
            clusters.append(k)
            continue
        if series:
            pool = [k for k in clusters if not k.additional]
        else:
            pool = [
                k
                for d in range(-window, window + 1)
                for k in by_day.get(day + dt.timedelta(days=d), ())
            ]
        best = _choose(c, words, dict.fromkeys(pool), window, series)
        if best is None:
            best = _Cluster(key)
            clusters.append(best)
        best.add(c, words)
        by_day[day].append(best)
    return clusters


def _additional(c: Claim, block: Sequence[Claim]) -> bool:
    """ "others", "more" after a figure of the same count in the article ("killed 8 people
    and 3 others", "six more people died in a village near Manbij"): people besides those,
    a count of its own. With no figure of that count before it ("killed 5 and wounded 30
    others") "others" is the whole of its count."""
    if not is_additional(c.subject):
        return False
    return any(
        o.article_id == c.article_id and o.in_title == c.in_title and o.start < c.start
        for o in block
    )


def _part_as_whole(c: Claim, block: Sequence[Claim]) -> bool:
    """A claim marked part of another claim of the same group ("30 [people], including 11
    [people]"): the part is not the whole's quantity, so it never stands for it."""
    if c.part_of is None:
        return False
    return any(w.claim_id == c.part_of for w in block)


def _country_wide(claims: Sequence[Claim]) -> bool:
    """A running total of a whole country (the war's toll, the refugees a country hosts) is
    one total over time even without a stated start."""
    return all(place_level(c) == 0 and c.country for c in claims)


def _words(
    c: Claim,
    titles: Mapping[str, str],
    cache: dict[str, tuple[frozenset[str], frozenset[str]]],
) -> tuple[frozenset[str], frozenset[str]]:
    """The salient words of a claim's sentence and its article's headline."""
    title = cache.get(c.article_id)
    if title is None:
        title = cache[c.article_id] = salient_words(titles.get(c.article_id, ""))
    own = salient_words(c.quote)
    return own[0] | title[0], own[1] | title[1]


def _choose(
    c: Claim,
    words: tuple[frozenset[str], frozenset[str]],
    pool: Mapping[_Cluster, None],
    window: int,
    series: bool,
) -> _Cluster | None:
    """The cluster ``c`` fits best, or None when it fits none or two of different towns
    equally."""
    scored = [(s, k) for k in pool if (s := _fit(c, words, k, window, series)) is not None]
    if not scored:
        return None
    if len(scored) > 1 and not series:
        # several incidents fit by place and day: only those tied by more count
        scored = [(s, k) for s, k in scored if _tied(c, words, k)] or (
            scored if len({id(k) for _, k in scored}) == 1 else []
        )
        if not scored:
            return None
    scored.sort(key=lambda sk: -sk[0])
    top, best = scored[0]
    rivals = [k for s, k in scored[1:] if s == top and k.town != best.town]
    if rivals and place_level(c) < 2:
        return None  # a province's figure on a day two of its towns were struck
    return best


def _tied(c: Claim, words: tuple[frozenset[str], frozenset[str]], k: _Cluster) -> bool:
    """Whether anything but the place and the day ties ``c`` to cluster ``k``: a shared
    name (not a place's) or two shared salient words, the same article, a shared town, or
    an article of ``k`` telling the same story as ``c``'s."""
    if c.article_id in k.articles or (place_level(c) == 2 and k.town is not None):
        return True
    mine = _STORIES.get(c.article_id)
    if mine is not None and any(
        a in _STORIES and same_story(mine, _STORIES[a]) for a in k.articles
    ):
        return True
    place_words = salient_words(f"{c.location or ''} {c.region or ''} {k.town or ''}")[0]
    return bool((words[1] & k.names) - place_words) or len((words[0] & k.words) - place_words) >= 2


def _fit(
    c: Claim,
    words: tuple[frozenset[str], frozenset[str]],
    k: _Cluster,
    window: int,
    series: bool,
) -> int | None:
    """How well ``c`` fits cluster ``k`` (higher is better), or None when it cannot."""
    if k.additional:
        return None
    day = claim_day(c)
    if not series and day is not None and k.day_lo is not None and k.day_hi is not None:
        lo, hi = k.day_lo - dt.timedelta(days=window), k.day_hi + dt.timedelta(days=window)
        if not lo <= day <= hi:
            return None
    level = place_level(c)
    if c.region and k.region and c.region != k.region and not neighbours(c.region, k.region):
        return None
    if level == 2 and k.town is not None and _town_key(c.location) != _town_key(k.town):
        return None
    fa = incident_families(c.quote)
    if fa and k.families and not fa & k.families:
        return None
    sa = perpetrators(c.quote)
    if sa and k.sides and not sa & k.sides:
        return None
    same_article = c.article_id in k.articles
    if same_article and _says_otherwise(c, k):
        return None  # an article's two figures for one place and day: two incidents
    place_words = salient_words(f"{c.location or ''} {c.region or ''} {k.town or ''}")[0]
    shared_names = (words[1] & k.names) - place_words
    shared_words = (words[0] & k.words) - place_words
    town_tie = level == 2 and k.town is not None
    score = 4 if town_tie else 2 if (c.region and k.region) else 1
    agrees = any(_meet(c, m) for m in k.members)
    return (
        score
        + 2 * bool(shared_names)
        + bool(len(shared_words) >= 2)
        + same_article
        + agrees  # between two incidents that fit as well, the one whose figures it gives
    )


def _meet(a: Claim, b: Claim) -> bool:
    """Whether two claims' intervals meet (vague words as lower bounds)."""
    alo, ahi = _span(a)
    blo, bhi = _span(b)
    return alo <= bhi and blo <= ahi


def _span(c: Claim) -> tuple[float, float]:
    low = c.low or 0.0
    if c.high is None or (c.hedge == "range" and not any(ch.isdigit() for ch in c.surface)):
        return low, float("inf")
    return low, c.high


def _says_otherwise(c: Claim, k: _Cluster) -> bool:
    """Whether the incident already holds a figure of ``c``'s article, in its body, from the
    same source, that ``c``'s figure cannot be: an article giving 31 and 10 killed in
    Aleppo that day is telling of two incidents (a day's toll and one strike's), not
    contradicting itself. (A headline may contradict its body: the headline rule's job;
    two sources quoted, or an update, are one incident.)"""
    if c.in_title:
        return False
    for m in k.members:
        if m.article_id != c.article_id or m.in_title or _meet(c, m):
            continue
        if source_of(m) != source_of(c):
            continue  # "the Observatory said 31, Ariha Today 27": sources disagree
        if UPDATE_FRAMING.search(c.quote) or UPDATE_FRAMING.search(m.quote):
            continue
        if _same_account(c, m):
            continue  # both sentences tell of one happening: the article's own inconsistency
        return True
    return False


def _same_account(a: Claim, b: Claim) -> bool:
    """Whether two sentences share a name or two salient words beyond their places."""
    wa, wb = salient_words(a.quote), salient_words(b.quote)
    place_words = salient_words(f"{a.location or ''} {a.region or ''} {b.location or ''}")[0]
    return bool((wa[1] & wb[1]) - place_words) or len((wa[0] & wb[0]) - place_words) >= 2


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


def _town_key(name: str | None) -> str:
    return re.sub(r"[^a-z]", "", (name or "").lower().removeprefix("al-").removeprefix("al "))


def _incident(cluster: _Cluster, roots: Mapping[str, str]) -> tuple[Incident, tuple[Claim, ...]]:
    """The Incident record of a cluster, and its claims in the order they were reported."""
    ordered = tuple(
        sorted(
            cluster.members,
            key=lambda c: (reported_day(c) or dt.date.min, c.article_id, not c.in_title, c.start),
        )
    )
    anchor = min(
        cluster.members,
        key=lambda c: (c.published or claim_day(c) or dt.date.min, c.claim_id),
    )
    finest = max(cluster.members, key=lambda c: (place_level(c), bool(c.region)))
    days = Counter(claim_day(c) for c in cluster.members)
    as_of = min(days, key=lambda d: (-days[d], d or dt.date.min))
    category, cls, unit, country, scope, start = cluster.key
    seen: dict[str, set[str]] = {}
    for c in ordered:
        root = roots.get(c.article_id, c.article_id)
        seen.setdefault(root, set()).add(source_of(c))
    sources = len({s for ss in seen.values() for s in ss})
    incident = Incident(
        incident_id=Incident.make_id(anchor.claim_id),
        category=category,
        subject=cls,
        location=finest.location,
        region=finest.region,
        country=country or finest.country,
        as_of=as_of if scope == "event" else max(claim_day(c) or dt.date.min for c in ordered),
        period_start=dt.date.fromisoformat(start) if start else None,
        scope=scope,
        claims=tuple(IncidentClaim(c.claim_id, source_of(c)) for c in ordered),
        sources=sources,
        unit=unit,
    )
    return incident, ordered


#: two articles tell one story when they share this many salient names, or this share of
#: their salient words (measured on the annotated FA-KES events: articles about one
#: happening share a median of 8 names and 9 % of their words; about two, 1 and 2 %)
STORY_NAMES = 5
STORY_SHARE = 0.09


def same_story(a: frozenset[str] | tuple[frozenset[str], frozenset[str]], b: object) -> bool:
    """Whether two articles' salient words (:func:`checker.engine.cues.salient_words` of
    their headline and text) say they tell of one happening."""
    wa, na = a  # type: ignore[misc]
    wb, nb = b  # type: ignore[misc]
    if len(na & nb) >= STORY_NAMES:
        return True
    union = len(wa | wb)
    return bool(union) and len(wa & wb) / union >= STORY_SHARE


def tie(
    a: Claim,
    b: Claim,
    titles: Mapping[str, str],
    stories: Mapping[str, tuple[frozenset[str], frozenset[str]]] | None = None,
) -> str:
    """What ties two claims of one incident beyond category, group and day (see
    :attr:`checker.engine.names.Pair.tie`): "town", "words", "story" or "place"."""
    if place_level(a) == place_level(b) == 2 and _town_key(a.location) == _town_key(b.location):
        return "town"
    wa = _words(a, titles, {})
    wb = _words(b, titles, {})
    place_words = salient_words(f"{a.location or ''} {a.region or ''} {b.location or ''}")[0]
    if (wa[1] & wb[1]) - place_words or len((wa[0] & wb[0]) - place_words) >= 2:
        return "words"
    if stories and a.article_id in stories and b.article_id in stories:
        if same_story(stories[a.article_id], stories[b.article_id]):
            return "story"
    return "place"


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


def representatives(claims: Sequence[Claim], roots: Mapping[str, str]) -> list[Claim]:
    """The claims of an incident with copies folded: a copy's claims stand for its
    original's only when the original is not in the incident."""
    present = {c.article_id for c in claims}
    out = []
    for c in claims:
        root = roots.get(c.article_id)
        if root is not None and root != c.article_id and root in present:
            continue
        out.append(c)
    return out


def independent_pairs(
    claims: Sequence[Claim], roots: Mapping[str, str]
) -> Iterator[tuple[Claim, Claim]]:
    """Every pair of an incident's claims from two different articles that are not copies
    of one another, the one reported earlier first."""
    reps = representatives(claims, roots)
    for i, a in enumerate(reps):
        ra = roots.get(a.article_id, a.article_id)
        for b in reps[i + 1 :]:
            if a.article_id == b.article_id or roots.get(b.article_id, b.article_id) == ra:
                continue
            yield a, b
