"""Which claims measure the same quantity: the matching behind ``pair``, ``group``, ``series``.

Two claims are comparable only when all of these fit:

* **what**: the same category, and subjects where one group contains the other
  ("children" within "civilians" within "people"; "Turkish soldiers" and "Syrian soldiers"
  are different groups);
* **where**: the same normalised place ("Idlib province" = "Idlib"; "Douma" is not "Damascus");
* **when**: event counts hold at the same day (one day of slack for "on Tuesday" vs the
  publication date); cumulative counts share their start (``period_start``) and, for a
  pair, are given at about the same date (``series`` then follows one total over time);
* **which incident** (event counts): when both quotes name how people died and the ways
  share nothing (air strikes vs rebel rockets), or name who acted and the sides differ, or
  share no salient word with each other and their headlines (no place, target or means:
  "market", "school", "chemical", "Khan Sheikhoun"), they are two incidents in one place
  and day;
* **how said**: both reported (projections and denials are never paired).

Cost: claims are blocked by (category, place, scope, period_start) and, inside a block,
swept in date order within the time window, so work grows with the corpus, not its square.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from checker.engine.names import Group, Pair, Series, claim_date
from checker.records import Claim

#: days of slack between two event counts' dates (an article dated the day after the event)
EVENT_WINDOW_DAYS = 1
#: slack when deciding whether two figures agree, for the plausible-pair choice (10 %)
MATCH_TOLERANCE = 0.1
#: days between two statements of one running total that count as "the same date"
CUMULATIVE_WINDOW_DAYS = 2

_PLACE_NOISE = re.compile(
    r"\b(province|governorate|city|countryside|rural|region|the|town|district|area)\b", re.I
)

# Subject words -> a class; classes form a containment tree (child -> parent).
_SUBJECT_WORDS: dict[str, str] = {}
for _cls, _words in {
    "people": "people persons person individuals residents inhabitants victims lives "
    "syrians dead bodies casualties others",
    "civilians": "civilians civilian noncombatants",
    "children": "children child kids minors boys girls students schoolchildren pupils "
    "infants babies",
    "women": "women woman",
    "soldiers": "soldiers soldier troops personnel servicemen officers policemen police "
    "guards army",
    "fighters": "fighters militants rebels terrorists gunmen jihadists insurgents "
    "combatants extremists mercenaries",
    "refugees": "refugees refugee asylum-seekers migrants",
    "families": "families households",
}.items():
    for _w in _words.split():
        _SUBJECT_WORDS[_w] = _cls

_SUBJECT_PARENT: dict[str, str] = {
    "children": "civilians",
    "women": "civilians",
    "civilians": "people",
    "soldiers": "people",
    "fighters": "people",
    "refugees": "people",
}

# For counts of people moved or living somewhere, "people", "civilians", "Syrians" and
# "refugees" name one group as far as a figure is concerned.
_PEOPLE_CATEGORIES = frozenset({"displaced", "refugees", "population", "evacuated", "besieged"})

_NATIONALITY = re.compile(
    r"\b(turkish|syrian|russian|iranian|iraqi|lebanese|kurdish|american|u\.?s\.?|israeli|"
    r"french|british|jordanian|palestinian|afghan|saudi|egyptian)\b",
    re.I,
)

# How people were hurt, in broad families: two quotes naming only different families
# describe different incidents.
_INCIDENT_FAMILIES: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, re.I)
    for name, pattern in {
        "air": r"\b(air ?strikes?|air raids?|raids?|warplanes?|jets?|aircraft|helicopters?|"
        r"barrel bombs?|bombing|bombard\w*|air attacks?|drones?)\b",
        "ground_fire": r"\b(shell(?:s|ing|ed)?|rockets?|mortars?|artillery|missiles?|"
        r"projectiles?|sniper\w*|gunfire|shot)\b",
        "bomb": r"\b(car bombs?|suicide|explosions?|blasts?|bomb(?:s|ings?)? (?:attack|blast)|"
        r"explosive|ied|booby|landmines?|mines?)\b",
        "chemical": r"\b(chemical|gas|sarin|chlorine|toxic|nerve agent)\b",
        "clashes": r"\b(clashes|fighting|battles?|combat|ambush\w*|offensive)\b",
        "execution": r"\b(execut\w+|beheaded|massacred?)\b",
        "drowning": r"\b(drown\w*|boat|capsiz\w*|shipwreck)\b",
        "disease": r"\b(starv\w+|hunger|malnutrition|disease|cholera|cold|freez\w+)\b",
    }.items()
}


# Who acted, in three camps as the outlets of this war name them (pro-government outlets call
# rebels "terrorists"; others call the government "the regime").
_SIDES: dict[str, re.Pattern[str]] = {
    "government": re.compile(
        r"\b(government|regime|assad|pro-regime|loyalist|syrian army|russian|russia|state forces|"
        r"army|air force)\b",
        re.I,
    ),
    "coalition": re.compile(
        r"\b(coalition|us-led|u\.s\.-led|american|pentagon|us raids?|us strikes?|"
        r"us air ?strikes?|washington)\b",
        re.I,
    ),
    "rebels": re.compile(
        r"\b(rebels?|opposition|insurgents?|terrorists?|jihadists?|islamists?|militants?|nusra|"
        r"daesh|isis|isil|islamic state|jaish|ahrar|fsa|free syrian army|hts)\b",
        re.I,
    ),
}


def norm_place(place: str | None) -> str | None:
    """A comparison key for a place: case, "province"/"city"/"the" and spacing folded."""
    if not place:
        return None
    key = _PLACE_NOISE.sub(" ", place.lower().replace("-", " "))
    key = re.sub(r"[^a-z0-9 ]", "", key)
    key = " ".join(key.split())
    return key or None


def subject_class(category: str, subject: str) -> str:
    """The subject's class ("children", "people", ...), or its own head word if unknown."""
    words = re.findall(r"[a-z\-]+", subject.lower())
    cls = next((_SUBJECT_WORDS[w] for w in reversed(words) if w in _SUBJECT_WORDS), None)
    if cls is None:
        cls = words[-1] if words else "people"
        cls = cls[:-1] if cls.endswith("s") and len(cls) > 3 else cls
    if category in _PEOPLE_CATEGORIES and cls in ("people", "civilians", "refugees"):
        return "people"
    return cls


def _ancestors(cls: str) -> list[str]:
    chain = [cls]
    while chain[-1] in _SUBJECT_PARENT:
        chain.append(_SUBJECT_PARENT[chain[-1]])
    return chain


_OTHERS = re.compile(r"\b(others?|more)\b", re.I)


def subject_relation(a: Claim, b: Claim) -> str | None:
    """ "same", "a_in_b", "b_in_a", or None when the two subjects are different groups.

    "others" ("killed 8 and injured 58 others", "24 other people") counts people *besides*
    a group named before: it is never compared with anything.
    """
    if _OTHERS.search(a.subject) or _OTHERS.search(b.subject):
        return None
    nat_a = {m.lower().replace(".", "") for m in _NATIONALITY.findall(a.subject)}
    nat_b = {m.lower().replace(".", "") for m in _NATIONALITY.findall(b.subject)}
    if nat_a and nat_b and not nat_a & nat_b:
        return None
    ca, cb = subject_class(a.category, a.subject), subject_class(b.category, b.subject)
    if ca == cb:
        return "same"
    if cb in _ancestors(ca):
        return "a_in_b"
    if ca in _ancestors(cb):
        return "b_in_a"
    return None


def incident_families(quote: str) -> frozenset[str]:
    """The broad ways of harm a sentence names (air, ground_fire, bomb, chemical, ...)."""
    return frozenset(name for name, rx in _INCIDENT_FAMILIES.items() if rx.search(quote))


def perpetrators(quote: str) -> frozenset[str]:
    """The sides a sentence blames or names as acting ("government", "rebels")."""
    return frozenset(name for name, rx in _SIDES.items() if rx.search(quote))


# Words every report of this war uses: sharing them says nothing about sharing an incident.
_GENERIC = frozenset(
    """
    about according activist activists added adding after against agency air airstrike
    also among another area army around assad attack attacks back been being britain-based
    caused child children city civilian civilians claimed countryside daily dead death
    deaths died during earlier efforts even fighter fighters first forces from government
    group groups have headquarters held human including injured injuries injuring killed
    killing kills last least local many martyr martyrs media members military ministry
    monitor monitoring more most news night numerous observatory official officials other
    others over people person persons province raid raids rebel rebels regime report
    reported reports right rights said says several since some source sources state
    strike strikes struck such syria syrian syrians terrorist terrorists than that their
    them there these they this those three through today toll told town two under village
    villages wa war were what when where which while who with women wounded wounding year
    years yesterday monday tuesday wednesday thursday friday saturday sunday morning
    evening week weeks hours people's sana reuters afp tass sputnik agencies
    """.split()
)
_WORD = re.compile(r"[A-Za-z][a-z\-]{3,}")
_MONTH_NAMES = frozenset(
    "january february march april june july august september october november december".split()
)


def _fold(word: str) -> str:
    w = word.lower()
    return w.rstrip("s") if len(w) > 4 else w


def salient_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Words that can tell one incident from another, folded to lower case and singular:
    (all of them, the capitalised ones). Capitalised words are mostly names of places and
    groups ("Qamishli", "Tariq al-Bab"); the others targets and means ("market", "school",
    "convoy", "chemical")."""
    found = [(w, _fold(w)) for w in _WORD.findall(text)]
    keep = [
        (w, f)
        for w, f in found
        if f not in _GENERIC and f + "s" not in _GENERIC and f not in _MONTH_NAMES
    ]
    return frozenset(f for _, f in keep), frozenset(f for w, f in keep if w[0].isupper())


def same_incident(a: Claim, b: Claim, context: Mapping[str, str] | None = None) -> bool:
    """Whether two event counts can be about one incident.

    False when both sentences name ways of harm and they share none, when both name who
    acted and the sides differ (regime air strikes vs rebel rockets), or when the
    sentences (with their articles' headlines, from ``context``) do not share a salient
    name (a place or group: "Qamishli") or two salient words (targets and means: "aid
    convoy", "school ... chemical").
    """
    fa, fb = incident_families(a.quote), incident_families(b.quote)
    if fa and fb and not fa & fb:
        return False
    pa, pb = perpetrators(a.quote), perpetrators(b.quote)
    if pa and pb and not pa & pb:
        return False
    if context is None:
        return True
    wa, na = salient_words(f"{a.quote} {context.get(a.article_id, '')}")
    wb, nb = salient_words(f"{b.quote} {context.get(b.article_id, '')}")
    block_place = salient_words(f"{a.location} {b.location}")[0]  # shared by construction
    return bool((na & nb) - block_place) or len((wa & wb) - block_place) >= 2


@dataclass(frozen=True, slots=True)
class _Entry:
    claim: Claim
    day: dt.date
    place: str


def _block_key(c: Claim) -> tuple[str, str, str, str] | None:
    place = norm_place(c.location)
    if c.modality != "reported" or place is None or claim_date(c) is None:
        return None
    start = c.period_start.isoformat() if c.period_start and c.scope == "cumulative" else ""
    return (c.category, place, c.scope, start)


def _blocks(claims: Iterable[Claim]) -> dict[tuple[str, str, str, str], list[_Entry]]:
    blocks: dict[tuple[str, str, str, str], list[_Entry]] = defaultdict(list)
    for c in claims:
        key = _block_key(c)
        day = claim_date(c)
        if key is not None and day is not None:
            blocks[key].append(_Entry(c, day, key[1]))
    for entries in blocks.values():
        entries.sort(
            key=lambda e: (
                e.day,
                e.claim.published or e.day,
                e.claim.article_id,
                e.claim.in_title,
                e.claim.start,
            )
        )
    return blocks


def comparable(
    a: Claim, b: Claim, *, window_days: int | None = None, context: Mapping[str, str] | None = None
) -> str | None:
    """The subject relation when ``a`` and ``b`` may measure one quantity, else None."""
    ka, kb = _block_key(a), _block_key(b)
    if ka is None or ka != kb:
        return None
    da, db = claim_date(a), claim_date(b)
    assert da is not None and db is not None  # guaranteed by _block_key
    if window_days is None:
        window_days = EVENT_WINDOW_DAYS if a.scope == "event" else CUMULATIVE_WINDOW_DAYS
    if abs((da - db).days) > window_days:
        return None
    if not same_incident(a, b, context if a.scope == "event" else None):
        return None
    return subject_relation(a, b)


def _ordered(a: Claim, b: Claim, relation: str) -> Pair:
    ka = (claim_date(a), a.published, a.article_id, not a.in_title, a.start)
    kb = (claim_date(b), b.published, b.article_id, not b.in_title, b.start)
    if kb < ka:
        flipped = {"a_in_b": "b_in_a", "b_in_a": "a_in_b"}.get(relation, relation)
        return Pair(b, a, flipped)
    return Pair(a, b, relation)


def agree(p: Pair, tolerance: float = MATCH_TOLERANCE) -> bool:
    """Whether the pair's figures can both hold: intervals meet (same group), or the
    part's lowest value is within the whole's highest (one group inside the other)."""
    a, b = p.a, p.b
    if p.relation == "same":
        alo, ahi = a.low or 0.0, math.inf if a.high is None else a.high
        blo, bhi = b.low or 0.0, math.inf if b.high is None else b.high
        return ahi * (1 + tolerance) >= blo and bhi * (1 + tolerance) >= alo
    part, whole = (a, b) if p.relation == "a_in_b" else (b, a)
    return whole.high is None or (part.low or 0.0) <= whole.high * (1 + tolerance)


def _side(c: Claim, same_article: bool) -> tuple[str, bool]:
    return (c.article_id, c.in_title if same_article else False)


def plausible(candidates: Iterable[Pair], same_article: bool = False) -> Iterator[Pair]:
    """Keep the pairs that plausibly measure one quantity among comparable candidates.

    Two articles (or a headline and its body) often give several counts of one kind for one
    place and day: the toll of one strike, of another, of the week. A claim that agrees
    with some claim on the other side is taken to measure that one, so its disagreements
    with the others are not conflicts; between claims that agree with nothing on the other
    side, only mutually nearest figures (by ratio) are paired.
    """
    by_sides: dict[tuple[tuple[str, bool], tuple[str, bool]], list[Pair]] = defaultdict(list)
    for p in candidates:
        sa, sb = _side(p.a, same_article), _side(p.b, same_article)
        by_sides[(min(sa, sb), max(sa, sb))].append(p)
    for pairs in by_sides.values():
        explained: set[str] = set()
        for p in pairs:
            if agree(p):
                explained.update((p.a.claim_id, p.b.claim_id))
                yield p
        open_pairs = [
            p for p in pairs if p.a.claim_id not in explained and p.b.claim_id not in explained
        ]
        nearest: dict[str, Pair] = {}
        for p in sorted(open_pairs, key=_distance):
            for c in (p.a, p.b):
                nearest.setdefault(c.claim_id, p)
        for p in open_pairs:
            if nearest[p.a.claim_id] is p and nearest[p.b.claim_id] is p:
                yield p


def _distance(p: Pair) -> tuple[float, str, str]:
    va, vb = max(p.a.value, 1e-9), max(p.b.value, 1e-9)
    return (abs(math.log(va / vb)), p.a.claim_id, p.b.claim_id)


def iter_pairs(
    claims: Sequence[Claim],
    *,
    same_article: bool = False,
    titles: Mapping[str, str] | None = None,
) -> Iterator[Pair]:
    """Pairs of claims that plausibly measure one quantity: comparable (see the module
    docs) and kept by :func:`plausible`; from different articles, or (``same_article``)
    from one article: headline vs body, and any two body claims of nested groups.
    ``titles`` (article id -> headline) lets event counts from different articles be tied
    to one incident by their headlines' words as well as their sentences'."""
    candidates = _candidates(claims, same_article, None if same_article else titles or {})
    if not same_article:
        yield from plausible(candidates)
        return
    title_body = []
    for p in candidates:
        if p.a.in_title != p.b.in_title:
            title_body.append(p)
        elif p.relation != "same":
            yield p
    yield from plausible(title_body, same_article=True)


def _candidates(
    claims: Sequence[Claim], same_article: bool, context: Mapping[str, str] | None
) -> Iterator[Pair]:
    for entries in _blocks(claims).values():
        window = EVENT_WINDOW_DAYS if entries[0].claim.scope == "event" else CUMULATIVE_WINDOW_DAYS
        lo = 0
        for i, ei in enumerate(entries):
            while (ei.day - entries[lo].day).days > window:
                lo += 1
            for ej in entries[lo:i]:
                a, b = ej.claim, ei.claim
                if (a.article_id == b.article_id) != same_article:
                    continue
                if same_article and (
                    a.in_title == b.in_title and a.start < b.end and b.start < a.end
                ):
                    continue
                rel = comparable(a, b, window_days=window, context=context)
                if rel is not None:
                    yield _ordered(a, b, rel)


def iter_groups(
    claims: Sequence[Claim], titles: Mapping[str, str] | None = None
) -> Iterator[Group]:
    """Connected sets of claims linked by "same"-subject pairs, spanning 2+ articles."""
    parent: dict[str, str] = {}
    by_id: dict[str, Claim] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in iter_pairs(claims, titles=titles):
        if p.relation != "same":
            continue
        by_id[p.a.claim_id], by_id[p.b.claim_id] = p.a, p.b
        ra, rb = find(p.a.claim_id), find(p.b.claim_id)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[str, list[Claim]] = defaultdict(list)
    for cid, c in by_id.items():
        members[find(cid)].append(c)
    for group in members.values():
        group.sort(key=lambda c: (claim_date(c) or dt.date.min, c.article_id, c.start))
        first = group[0]
        key = (
            first.category,
            norm_place(first.location) or "",
            subject_class(first.category, first.subject),
            (claim_date(first) or dt.date.min).isoformat(),
        )
        yield Group(key, tuple(group))


_COUNTRIES = frozenset("syria turkey lebanon jordan iraq iran russia egypt germany europe".split())


def iter_series(claims: Sequence[Claim]) -> Iterator[Series]:
    """Running totals: cumulative claims of one category, place, subject class and start,
    from two or more articles on two or more dates, oldest first.

    A total needs a stated start ("since April 28") or to be a country's (the war's toll
    in Syria, the refugees Turkey hosts): a "cumulative" count of a town with no start is
    too often a week's or a month's toll to be followed as one total over time.
    """
    for (category, place, scope, start), entries in _blocks(claims).items():
        if scope != "cumulative" or not (start or place in _COUNTRIES):
            continue
        by_subject: dict[str, list[Claim]] = defaultdict(list)
        for e in entries:
            if not _OTHERS.search(e.claim.subject):  # "21 others": not a total of anything
                by_subject[subject_class(category, e.claim.subject)].append(e.claim)
        for cls, points in by_subject.items():
            if len({p.article_id for p in points}) < 2:
                continue
            if len({claim_date(p) for p in points}) < 2:
                continue
            yield Series((category, place, cls, start), tuple(points))
