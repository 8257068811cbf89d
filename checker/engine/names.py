"""The names a rule may ask for: one registry, from which loading, partitioning and
``checker rules names`` are derived.

A rule is a plain function whose parameters name what it checks, as pytest fixtures do.
The engine builds each value and calls the rule once per value; a rule never loops over
the corpus itself. Exactly one *subject* name per rule; ``options`` may be added to any.
Asking for any other name, or for two subject names, is a
:class:`~checker.errors.RuleLoadError` when the rule loads, not a silent skip.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass

from checker.engine.incidents import (
    EVENT_WINDOW_DAYS,
    claim_day,
    corrected,
    moved_on,
    reported_day,
    source_of,
    superseded,
)
from checker.records import Article, Claim, Incident


@dataclass(frozen=True, slots=True)
class Name:
    """One name a rule may ask for: what the rule receives, once per what, and where the
    values live (``article``: inside one article; ``incident``: inside one block of claims
    that may share incidents, see :func:`checker.engine.incidents.block_key`; ``none``: not
    a subject)."""

    name: str
    receives: str
    lives_in: str

    @property
    def subject(self) -> bool:
        return self.lives_in != "none"


NAMES: dict[str, Name] = {
    n.name: n
    for n in (
        Name("claim", "a Claim: every claim of every article", "article"),
        Name("article", "an ArticleClaims: each article with all its claims", "article"),
        Name(
            "article_pair",
            "a Pair of two claims of one article about one quantity: two figures of one "
            "incident (headline and body, two sources quoted), or a part and the whole it "
            'is marked part of ("26 people, including 11 children")',
            "incident",
        ),
        Name(
            "pair",
            "a Pair of two claims of one incident from two articles that are not copies of "
            "one another, the one reported earlier first, with the facts that tell a "
            "conflict from an update: same_moment, update_framed, same_source",
            "incident",
        ),
        Name(
            "incident",
            "an IncidentView: one incident (one real-world quantity) with its claims in the "
            "order they were reported, copies folded",
            "incident",
        ),
        Name(
            "options",
            "a dict of the rule's options: the @checker.rule(...) defaults overridden by "
            '[tool.checker.rules."<rule id>"] in pyproject.toml',
            "none",
        ),
    )
}
SUBJECT_NAMES: tuple[str, ...] = tuple(n for n, v in NAMES.items() if v.subject)
EXTRA_NAMES: tuple[str, ...] = tuple(n for n, v in NAMES.items() if not v.subject)
KNOWN_NAMES: frozenset[str] = frozenset(NAMES)


def names_doc() -> str:
    """The registry as text, for ``checker rules names``."""
    lines = [
        "A rule asks for one subject by parameter name (and may add options):",
        "",
    ]
    for n in NAMES.values():
        text = n.receives if n.receives.endswith(".") else f"{n.receives}."
        lines += textwrap.wrap(
            text, width=92, initial_indent=f"  {n.name:<13} ", subsequent_indent=" " * 16
        )
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class ArticleClaims:
    """An article and the claims extracted from it (title claims first, then by offset)."""

    article: Article
    claims: tuple[Claim, ...]

    @property
    def title_claims(self) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if c.in_title)

    @property
    def body_claims(self) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if not c.in_title)

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims)


@dataclass(frozen=True, slots=True)
class IncidentView:
    """One incident and its claims, in the order they were reported (copies folded)."""

    incident: Incident
    claims: tuple[Claim, ...]

    @property
    def incident_id(self) -> str:
        return self.incident.incident_id

    @property
    def sources(self) -> tuple[str, ...]:
        """The sources behind the figures, in the order they first reported."""
        return tuple(dict.fromkeys(source_of(c) for c in self.claims))

    @property
    def timeline(self) -> tuple[tuple[dt.date | None, str, Claim], ...]:
        """(day reported, source, claim) for each claim, oldest first."""
        return tuple((reported_day(c), source_of(c), c) for c in self.claims)

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims)

    def __len__(self) -> int:
        return len(self.claims)


@dataclass(frozen=True, slots=True)
class Pair:
    """Two claims that may measure one quantity; ``a`` is the one reported earlier (or the
    headline, or the part)."""

    a: Claim
    b: Claim
    #: "same" when both count the same group, "a_in_b" when ``a`` is a part of ``b``
    relation: str = "same"
    #: the incident both belong to (None for a part and its whole in two incidents)
    incident: Incident | None = None
    #: the incident's claims, in the order they were reported (copies folded); for a pair
    #: of one article (``article_pair``), that article's claims of the incident
    peers: tuple[Claim, ...] = ()
    #: the towns (and finer places) each article's claims are placed at, ``a``'s then ``b``'s
    towns: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    #: what ties the two reports beyond category, group and day: "town" (the same town or
    #: finer place), "total" (one running total: the same start, or a country's), "words"
    #: (their sentences and headlines share a name or two salient words), "story" (their
    #: articles tell one story: many names and words in common), "figures" (their sentences
    #: give the same figure for another count), or "place" (only a region or country)
    tie: str = "place"
    #: the articles of the two whose headline says their toll is still moving ("Death toll
    #: mounts after ..."): their figures are steps of a count (helpers.firm)
    moving: frozenset[str] = frozenset()

    def names_place_of(self, c: Claim, other: Claim) -> bool:
        """Whether ``c``'s article places some figure at ``other``'s town."""
        from checker.engine.clustering import town_key

        mine = self.towns[0] if c is self.a else self.towns[1]
        return town_key(other.location) in mine

    @property
    def claims(self) -> tuple[Claim, Claim]:
        return (self.a, self.b)

    def __iter__(self) -> Iterator[Claim]:
        return iter((self.a, self.b))

    @property
    def incident_id(self) -> str | None:
        return None if self.incident is None else self.incident.incident_id

    @property
    def days_apart(self) -> int:
        """Days between the two reports (0: the same day)."""
        da, db = reported_day(self.a), reported_day(self.b)
        return abs((db - da).days) if da is not None and db is not None else 0

    @property
    def update_framed(self) -> bool:
        """Whether the report of the higher figure says the toll moved on ("rose to", "the
        new toll"): the later one, or on one day, either (their order within a day is
        unknown; a lower figure framed as an update explains nothing)."""
        higher = self.b if (self.b.low or 0) >= (self.a.low or 0) else self.a
        if self.days_apart > 0 and higher is self.a:
            return False
        return moved_on(higher.quote)

    @property
    def correction_framed(self) -> bool:
        """Whether the later report says an earlier figure was corrected down."""
        return corrected(self.b.quote)

    @property
    def same_moment(self) -> bool:
        """Whether both figures are about the same moment: reported the same day, the later
        one not framed as an update, and neither given as a past count, by its own report
        ("the previous death toll was 20") or by the other's (sana's "20" when sputnik says
        "The previous death toll was 20 ... at least 70")."""
        return (
            self.days_apart == 0
            and not self.held_apart
            and not self.update_framed
            and not superseded(self.a)
            and not superseded(self.b)
            and not self._past_count_of(self.a, self.b)
            and not self._past_count_of(self.b, self.a)
        )

    @property
    def held_apart(self) -> bool:
        """Whether two counts of events hold at days further apart than an event's reports
        (a day): "A bus on the road was also hit on Wednesday resulting in seven civilian
        deaths" is Wednesday's, not Friday's bus; "Last month two persons were injured" is
        no step of today's toll."""
        a, b = self.a, self.b
        if a.scope != "event" or b.scope != "event" or a.as_of is None or b.as_of is None:
            return False
        return abs((a.as_of - b.as_of).days) > EVENT_WINDOW_DAYS

    def _past_count_of(self, figure: Claim, report: Claim) -> bool:
        """Whether ``report``'s article gives ``figure``'s number as a past count."""
        return any(
            p.article_id == report.article_id and p.value == figure.value and superseded(p)
            for p in self.peers
        )

    @property
    def same_source(self) -> bool:
        """Whether both name the same source (attribution, else outlet)."""
        return source_of(self.a) == source_of(self.b)


def claim_date(c: Claim) -> dt.date | None:
    """The date a claim's figure holds at: ``as_of``, else the publication date."""
    return claim_day(c)
