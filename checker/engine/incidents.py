"""Claims grouped into incidents: each one real-world quantity that several claims report.

An incident is the same kind of count (category) of the same group (subject class and unit:
children are a quantity of their own, within people) at one place (the finest the claims
give: a town's strike is not the next town's), about one happening (the same strike,
bombing, battle or day; or the same running total with its start), whatever day each claim
was reported on. A rising toll is then one incident reported over time, not a
contradiction, and two strikes in two towns of one province on one day are two incidents.

Grouping, within a block of claims that can share an incident (:func:`block_key`: category,
subject class, unit, country, scope, running total's start), links claims pair by pair,
strongest first (:mod:`checker.engine.clustering`): two towns never share an incident, a
province's figure joins the town its reports are most tied to, and an article's two
figures for two happenings of one place and day stay apart.

Copies of one text (``Article.copy_of``) are one source: :func:`independent_pairs` never
pairs a copy with its original, and a copy's claims stand for the original's only when the
original is not in the incident. A copy's claim that is its original's twin for the same
day (the same figure, words and place in the text, holding at the same day) joins the
original's incident; a copy published years later is a report of its own day. A twin is
so always in its original's span of days, and meets it in every part of a run however
the store is cut (:mod:`checker.run.parts`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from checker.engine import clustering, cues
from checker.engine.clustering import (
    CORRECTION_FRAMING,
    CUMULATIVE_WINDOW_DAYS,
    EVENT_WINDOW_DAYS,
    UPDATE_FRAMING,
    Context,
    claim_day,
    corrected,
    moved_on,
    place_level,
    superseded,
)
from checker.engine.cues import incident_class
from checker.engine.helpers import norm_source
from checker.records import Claim, Incident, IncidentClaim
from checker.store_blocks import NO_BLOCK, Blocking

__all__ = [
    "BLOCKING",
    "CORRECTION_FRAMING",
    "CUMULATIVE_WINDOW_DAYS",
    "EVENT_WINDOW_DAYS",
    "UPDATE_FRAMING",
    "Context",
    "Grouping",
    "block_key",
    "block_text",
    "claim_day",
    "corrected",
    "group",
    "independent_pairs",
    "moved_on",
    "place_level",
    "reported_day",
    "representatives",
    "source_of",
    "superseded",
    "tie",
]

#: categories that are no toll of a happening: never grouped
NOT_TOLLS = frozenset({"population"})

BlockKey = tuple[str, str, str, str, str, str]


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


def block_text(key: BlockKey) -> str:
    """A blocking key as the store keeps it (``claims.block``)."""
    return "\x1f".join(key)


def _stored_block(c: Claim) -> tuple[str, str | None]:
    key = block_key(c)
    day = claim_day(c)
    return NO_BLOCK if key is None else block_text(key), None if day is None else day.isoformat()


def _definition() -> str:
    """A digest of the code a claim's block depends on (this module, ``claim_day``'s and
    ``incident_class``'s): any change to them indexes a store's claims again, so a stale
    index is never read."""
    digest = hashlib.sha256()
    for module in (__file__, clustering.__file__, cues.__file__):
        with open(module, "rb") as fh:
            digest.update(fh.read())
    return digest.hexdigest()[:16]


#: the blocks as the store indexes them (checker.store_blocks)
BLOCKING = Blocking(version=_definition(), key=_stored_block)


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
    claims: Iterable[Claim], ctx: Context | None = None, roots: Mapping[str, str] | None = None
) -> Grouping:
    """Group ``claims`` into incidents (see the module's docstring). ``ctx`` holds the
    articles' headlines and salient words; ``roots`` (article id -> the article it is a
    copy of) counts copies once in an incident's ``sources``."""
    ctx = ctx or Context()
    roots = roots or {}
    blocks: dict[BlockKey, list[Claim]] = defaultdict(list)
    for c in claims:
        key = block_key(c)
        if key is not None:
            blocks[key].append(c)
    out = Grouping()
    for key in sorted(blocks):
        block, twins = _fold_copies(blocks[key], roots)
        scope, start = key[4], key[5]
        series = scope == "cumulative" and (bool(start) or _country_wide(block))
        for found in clustering.cluster(block, scope, series, ctx):
            members = found + [t for c in found for t in twins.get(c.claim_id, ())]
            incident, ordered = _incident(key, members, roots)
            out.incidents.append(incident)
            out.members[incident.incident_id] = ordered
            for c in ordered:
                out.of_claim[c.claim_id] = incident.incident_id
    return out


def _fold_copies(
    block: Sequence[Claim], roots: Mapping[str, str]
) -> tuple[list[Claim], dict[str, list[Claim]]]:
    """The block without the claims of copies whose original's same claim is in it (the
    same figure, words and place in the text, for the same day: a copy's claim is its
    original's twin and joins the original's incident), and the twins by original claim
    id. Clustering then costs the same for a text stored once or ten times."""
    originals: dict[tuple[str, bool, str, str, dt.date | None], str] = {}
    for c in block:
        if roots.get(c.article_id, c.article_id) == c.article_id:
            key = (c.article_id, c.in_title, c.surface, c.quote, claim_day(c))
            originals.setdefault(key, c.claim_id)
    kept: list[Claim] = []
    twins: dict[str, list[Claim]] = defaultdict(list)
    for c in block:
        root = roots.get(c.article_id, c.article_id)
        twin = (
            originals.get((root, c.in_title, c.surface, c.quote, claim_day(c)))
            if root != c.article_id
            else None
        )
        if twin is None:
            kept.append(c)
        else:
            twins[twin].append(c)
    return kept, twins


def _country_wide(claims: Sequence[Claim]) -> bool:
    """A running total of a whole country (the war's toll, the refugees a country hosts) is
    one total over time even without a stated start."""
    return all(place_level(c) == 0 and c.country for c in claims)


def _incident(
    key: BlockKey, members: Sequence[Claim], roots: Mapping[str, str]
) -> tuple[Incident, tuple[Claim, ...]]:
    """The Incident record of a cluster, and its claims in the order they were reported."""
    ordered = tuple(
        sorted(
            members,
            key=lambda c: (reported_day(c) or dt.date.min, c.article_id, not c.in_title, c.start),
        )
    )
    # named after its first report (the day its text says it was written: FA-KES's date
    # column is often the event's, which ties reports of several days), so a later report
    # joining keeps the id
    anchor = min(
        members, key=lambda c: (reported_day(c) or claim_day(c) or dt.date.min, c.claim_id)
    )
    finest = max(members, key=lambda c: (place_level(c), bool(c.region)))
    days = Counter(claim_day(c) for c in members)
    as_of = min(days, key=lambda d: (-days[d], d or dt.date.min))
    category, cls, unit, country, scope, start = key
    # independent sources: a copy's claims count as its original's (a wire story under
    # another outlet's name is no second source) when the original is here too
    present = {c.article_id for c in ordered}
    seen: dict[str, set[str]] = {}
    for c in ordered:
        root = roots.get(c.article_id, c.article_id)
        if root != c.article_id and root in present:
            continue
        seen.setdefault(root, set()).add(source_of(c))
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
        sources=len({s for ss in seen.values() for s in ss}),
        unit=unit,
    )
    return incident, ordered


def tie(a: Claim, b: Claim, ctx: Context) -> str:
    """What ties two claims of one incident beyond category, group and day (see
    :attr:`checker.engine.names.Pair.tie`)."""
    return clustering.tie(a, b, ctx)


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
