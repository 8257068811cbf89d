"""A pytest plugin for rule authors (registered as the ``checker`` pytest11 entry point).

Fixtures:

* ``make_claim(**fields)``: a Claim in one line; sensible defaults for every field, the
  interval from the hedge (``make_claim(value=26, hedge="at_least")`` allows [26, ∞)).
* ``make_article(text, **fields)``: an Article.
* ``run_rule(rule, claims, articles=())``: run one rule (a function, or a built-in rule id)
  the way ``checker check`` does, and return its :class:`~checker.engine.RuleOutcome`.

Example (a rule test in a user's project)::

    def test_my_rule_flags(make_claim, run_rule):
        a = make_claim(article_id="a", outlet="sana", value=12)
        b = make_claim(article_id="b", outlet="reuters", value=22, hedge="at_least")
        assert run_rule(my_rules.check_something, [a, b]).findings
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from checker.engine.loader import Rule, load_rules, make_rule
from checker.engine.runner import RuleOutcome, run_rules
from checker.records import Article, Claim, interval_for, parse_iso_date


def _opt_str(v: Any) -> str | None:
    """An id given in YAML may read as a number (``claim_id: 26``): as text."""
    return None if v is None else str(v)


def build_claim(**fields: Any) -> Claim:
    """A Claim from keyword fields; unspecified ones get plain defaults.

    Every Claim field may be given. ``claim_id`` defaults to the stable id of the article,
    offsets and words; give it to point another claim's ``part_of`` at this one. ``region``
    and ``country`` default to None (a place the engine then takes as a town: give them for
    a province-level figure, ``location="Idlib", region="Idlib"``); ``reported`` (the day
    the text says it was written) to None, which the engine reads as ``published``.
    """
    value = float(fields.pop("value", 10))
    hedge = fields.pop("hedge", "exact")
    low, high = interval_for(hedge, value, fields.pop("upper", None))
    surface = fields.pop("surface", f"{value:,.0f}")
    category = fields.pop("category", "killed")
    subject = fields.pop("subject", "people")
    location = fields.pop("location", "Idlib")
    quote = fields.pop("quote", f"{surface} {subject} were {category} in {location}.")
    start = quote.find(surface) if surface in quote else 0
    article_id = str(fields.pop("article_id", "a1"))
    in_title = bool(fields.pop("in_title", False))
    published = parse_iso_date(fields.pop("published", "2016-10-26"))
    base: dict[str, Any] = dict(
        article_id=article_id,
        outlet=fields.pop("outlet", "reuters"),
        published=published,
        in_title=in_title,
        start=start,
        end=start + len(surface),
        quote=quote,
        surface=surface,
        value=value,
        hedge=hedge,
        low=fields.pop("low", low),
        high=fields.pop("high", high),
        category=category,
        subject=subject,
        location=location,
        region=fields.pop("region", None),
        country=fields.pop("country", None),
        unit=fields.pop("unit", "people"),
        part_of=_opt_str(fields.pop("part_of", None)),
        as_of=parse_iso_date(fields.pop("as_of", published)),
        period_start=parse_iso_date(fields.pop("period_start", None)),
        attribution=fields.pop("attribution", None),
        modality=fields.pop("modality", "reported"),
        scope=fields.pop("scope", "event"),
        incident_id=_opt_str(fields.pop("incident_id", None)),
        reported=parse_iso_date(fields.pop("reported", None)),
    )
    claim_id = _opt_str(fields.pop("claim_id", None)) or Claim.make_id(
        article_id, in_title, start, start + len(surface), f"{surface}|{quote}"
    )
    if fields:
        raise TypeError(f"unknown Claim field(s): {sorted(fields)}")
    return Claim(claim_id=claim_id, **base)


def build_article(text: str = "", **fields: Any) -> Article:
    """An Article from its text and keyword fields."""
    published = fields.pop("published", dt.date(2016, 10, 26))
    return Article(
        article_id=str(fields.pop("article_id", "a1")),
        outlet=fields.pop("outlet", "reuters"),
        published=parse_iso_date(published),
        title=fields.pop("title", text.split("\n", 1)[0][:80]),
        text=text,
        **fields,
    )


def resolve_rule(rule: Callable[..., Any] | str | Rule, rule_dirs: Sequence[Path] = ()) -> Rule:
    """A Rule object from a function (checked like a discovered rule) or a rule id."""
    if isinstance(rule, Rule):
        return rule
    if isinstance(rule, str):
        found = [r for r in load_rules(rule_dirs, include_disabled=True) if r.id == rule]
        if not found:
            raise LookupError(f"no rule {rule!r}")
        return found[0]
    module = rule.__module__.rsplit(".", 1)[-1]
    path = Path(rule.__code__.co_filename)
    return make_rule(rule, f"{module}.{rule.__name__}", path, {})


def check_rule(
    rule: Callable[..., Any] | str | Rule,
    claims: Sequence[Claim],
    articles: Sequence[Article] = (),
) -> RuleOutcome:
    """Run one rule over ``claims`` (articles are made up for claims that have none)."""
    r = resolve_rule(rule)
    known = {a.article_id for a in articles}
    extra = [
        build_article(c.quote, article_id=c.article_id, outlet=c.outlet, published=c.published)
        for c in {c.article_id: c for c in claims}.values()
        if c.article_id not in known
    ]
    return run_rules([r], [*articles, *extra], list(claims))


@pytest.fixture
def make_claim() -> Callable[..., Claim]:
    """Build a Claim in one line: ``make_claim(value=26, hedge="at_least", outlet="sana")``."""
    return build_claim


@pytest.fixture
def make_article() -> Callable[..., Article]:
    """Build an Article in one line: ``make_article("text...", outlet="sana")``."""
    return build_article


@pytest.fixture
def run_rule() -> Callable[..., RuleOutcome]:
    """Run one rule over claims: ``run_rule(check_x, [a, b]).findings``."""
    return check_rule
