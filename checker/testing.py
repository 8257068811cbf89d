"""A pytest plugin for rule authors (registered as the ``checker`` pytest11 entry point).

Fixtures (each returns the function of the same name without ``make_``/``run_`` quirks):

* ``make_claim(**fields) -> Claim``: a Claim in one line; every field has a default (outlet
  "reuters", value 10, "exact", killed people in Idlib on 2016-10-26...), the interval comes
  from the hedge (``make_claim(value=26, hedge="at_least")`` allows 26 or more) and
  ``upper=`` gives a range's top. Unknown fields raise TypeError.
* ``make_article(text="", **fields) -> Article``.
* ``rule_module(path) -> module``: load a rule module from a file the way ``--rules`` does
  (with assertion rewriting), to call or pass its ``check_*`` functions.
* ``run_rule(rule, claims, articles=(), *, options=None, rule_dirs=()) -> RuleOutcome``:
  run one rule the way ``checker check`` does and return its outcome (``.findings``,
  ``.errors``, ``.calls``). ``rule`` is a function, a loaded ``Rule``, or a rule id
  (built in, or in ``rule_dirs``, or in ``[tool.checker] rule_dirs`` of ./pyproject.toml);
  ``options`` overrides the rule's options (a name the rule does not declare is an error).
  Articles the claims name but ``articles`` lacks are made up from the claims' quotes.

Example (a rule test in a user's project; the README's "Testing your rules" has it whole)::

    def test_flags_an_unattributed_toll(make_claim, run_rule):
        toll = make_claim(outlet="sana", value=150, hedge="at_least", surface="at least 150")
        outcome = run_rule("tolls.check_big_tolls_are_attributed", [toll],
                           rule_dirs=["newsroom_rules"], options={"threshold": 100})
        assert len(outcome.findings) == 1
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from checker.config import load_config
from checker.engine.loader import Rule, load_module, load_rules, make_rule
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
    start = int(fields.pop("start", quote.find(surface) if surface in quote else 0))
    article_id = str(fields.pop("article_id", "a1"))
    in_title = bool(fields.pop("in_title", False))
    published = parse_iso_date(fields.pop("published", "2016-10-26"))
    base: dict[str, Any] = dict(
        article_id=article_id,
        outlet=fields.pop("outlet", "reuters"),
        published=published,
        in_title=in_title,
        start=start,
        end=int(fields.pop("end", start + len(surface))),
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


def resolve_rule(
    rule: Callable[..., Any] | str | Rule, rule_dirs: Sequence[str | Path] = ()
) -> Rule:
    """A Rule object from a function (checked like a discovered rule), a Rule, or a rule id
    (built in, in ``rule_dirs``, or in the ``rule_dirs`` of ./pyproject.toml)."""
    if isinstance(rule, Rule):
        return rule
    if isinstance(rule, str):
        dirs = list(
            {Path(d).resolve(): Path(d) for d in [*load_config().rule_dirs, *rule_dirs]}.values()
        )
        every = load_rules(dirs, include_disabled=True)
        found = [r for r in every if r.id == rule]
        if not found:
            raise LookupError(
                f"no rule {rule!r} among the built-in rules and {[str(d) for d in dirs]}; "
                f"known ids: {', '.join(r.id for r in every)}. Pass rule_dirs=[...] for a "
                "rule in your own folder."
            )
        return found[0]
    module = rule.__module__.rsplit(".", 1)[-1]
    path = Path(rule.__code__.co_filename)
    return make_rule(rule, f"{module}.{rule.__name__}", path, {})


def load_rule_module(path: str | Path) -> types.ModuleType:
    """A rule module loaded from ``path`` as ``--rules`` loads it (assertion rewriting)."""
    return load_module(Path(path), package="checker_test_rules")


def check_rule(
    rule: Callable[..., Any] | str | Rule,
    claims: Sequence[Claim],
    articles: Sequence[Article] = (),
    *,
    options: Mapping[str, Any] | None = None,
    rule_dirs: Sequence[str | Path] = (),
) -> RuleOutcome:
    """Run one rule over ``claims`` (articles are made up for claims that have none), with
    ``options`` overriding the rule's own."""
    r = resolve_rule(rule, rule_dirs)
    if options:
        unknown = set(options) - set(r.options)
        if unknown:
            raise TypeError(
                f"rule {r.id} has no option(s) {sorted(unknown)}; it has {sorted(r.options)}"
            )
        r = dataclasses.replace(r, options={**r.options, **options})
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
    """Run one rule over claims: ``run_rule(check_x, [a, b], options={...}).findings``."""
    return check_rule


@pytest.fixture
def rule_module() -> Callable[[str | Path], types.ModuleType]:
    """Load a rule module from its file: ``rule_module("newsroom_rules/tolls.py")``."""
    return load_rule_module
