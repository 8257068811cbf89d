"""The names a rule may ask for, documented once.

A rule is a plain function whose parameters name what it checks, as pytest fixtures do.
The engine builds each value and calls the rule once per value; a rule never loops over
the corpus itself. Exactly one *subject* name per rule; ``options`` may be added to any.

=================  =====================================================================
name               what the rule receives (one call per ...)
=================  =====================================================================
``claim``          a :class:`~checker.records.Claim`: every claim of every article.
``article``        an :class:`ArticleClaims`: each article with all its claims.
``article_pair``   a :class:`Pair` of two claims *in one article* that may measure the
                   same quantity (same category, compatible place and subjects): headline
                   vs body, part vs whole.
``pair``           a :class:`Pair` of two claims *from different articles* that plausibly
                   measure the same quantity: same category, one subject containing the
                   other, same place, the same incident/day (event counts) or the same
                   running total at about the same date (cumulative counts). Projections and
                   denials are never paired. See :mod:`checker.engine.matching`.
``group``          a :class:`Group`: all claims (two or more articles) measuring one quantity.
``series``         a :class:`Series`: one running total (same category, subject, place and
                   start) as reported over time, from two or more articles, oldest first.
``options``        a ``dict`` of the rule's options: the ``@checker.rule(...)`` defaults
                   overridden by ``[tool.checker.rules."<rule id>"]`` in pyproject.toml.
=================  =====================================================================

Asking for any other name, or for two subject names, is a :class:`~checker.errors.RuleLoadError`
when the rule loads, not a silent skip.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from checker.records import Article, Claim

SUBJECT_NAMES: tuple[str, ...] = ("claim", "article", "article_pair", "pair", "group", "series")
EXTRA_NAMES: tuple[str, ...] = ("options",)
KNOWN_NAMES: frozenset[str] = frozenset(SUBJECT_NAMES + EXTRA_NAMES)


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
class Pair:
    """Two claims that may measure one quantity; ``a`` is the older (or the headline)."""

    a: Claim
    b: Claim
    #: "same" when both count the same group, "a_in_b" / "b_in_a" when one group contains
    #: the other ("children" within "people").
    relation: str = "same"

    @property
    def claims(self) -> tuple[Claim, Claim]:
        return (self.a, self.b)

    def __iter__(self) -> Iterator[Claim]:
        return iter((self.a, self.b))


@dataclass(frozen=True, slots=True)
class Group:
    """All claims measuring one quantity (``key`` says which: category, place, date...)."""

    key: tuple[str, ...]
    claims: tuple[Claim, ...]

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims)

    def __len__(self) -> int:
        return len(self.claims)


@dataclass(frozen=True, slots=True)
class Series:
    """One running total over time: ``points`` sorted by ``as_of`` (then published)."""

    key: tuple[str, ...]
    points: tuple[Claim, ...]

    @property
    def claims(self) -> tuple[Claim, ...]:
        return self.points

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.points)

    def __len__(self) -> int:
        return len(self.points)


def claim_date(c: Claim) -> dt.date | None:
    """The date a claim's figure holds at: ``as_of``, else the publication date."""
    return c.as_of or c.published
