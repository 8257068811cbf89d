"""Real articles with hand-built claims, for the schema and store tests.

The five seed articles of examples/idlib (real news text) are read with their YAML front
matter; the figures each one states were written down here by hand from the text. The
tests and the subprocess writer (_store_writer.py) both build their data from this module,
so both agree on what one complete article with all its claims is.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

import yaml

from checker.records import Article, Claim

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "idlib"


class Figure(NamedTuple):
    """One figure as the article states it (``nth`` = which occurrence of ``surface``)."""

    surface: str
    value: float
    hedge: str
    low: float | None
    high: float | None
    category: str
    subject: str
    location: str | None
    attribution: str | None = None
    modality: str = "reported"
    scope: str = "cumulative"
    period_start: dt.date | None = None
    nth: int = 0


# Read off the texts by hand (see examples/idlib and ../shared/corpus/README.md).
FIGURES: dict[str, list[Figure]] = {
    "000": [
        Figure("more than a million", 1e6, "more_than", 1e6, None, "displaced",
               "displaced Syrians", "Turkey", modality="projected"),
        Figure("some 3.6 million", 3.6e6, "about", 3.24e6, 3.96e6, "refugees",
               "Syrian refugees", "Turkey"),
        Figure("more than 300,000", 3e5, "more_than", 3e5, None, "displaced", "people",
               "Idlib"),
    ],
    "001": [
        Figure("more than 150,000", 1.5e5, "more_than", 1.5e5, None, "displaced", "people",
               "Idlib", "United Nations"),
        Figure("more than 120", 120, "more_than", 120, None, "killed", "civilians", "Idlib",
               "rescue workers and civil defense officials"),
        Figure("18", 18, "exact", 18, 18, "facilities", "health facilities", "Idlib",
               "U.N. Office for the Coordination of Humanitarian Affairs",
               period_start=dt.date(2019, 4, 28)),
    ],
    "002": [
        Figure("13", 13, "exact", 13, 13, "killed", "Turkish soldiers", "Idlib",
               scope="event"),
        Figure("13", 13, "exact", 13, 13, "killed", "Turkish soldiers", "Idlib",
               scope="event", nth=1),
        Figure("eight", 8, "exact", 8, 8, "killed", "Turkish personnel", "Idlib",
               scope="event"),
        Figure("close to 1 million", 1e6, "nearly", 9e5, 1e6, "displaced", "people",
               "Idlib", "Tayyip Erdogan"),
        Figure("hundreds of thousands", 2e5, "range", 2e5, 999999, "displaced", "people",
               "Idlib"),
    ],
    "003": [],  # figures only of dates and durations ("10 days"): an article with no claim
    "004": [
        Figure("around 250,000", 2.5e5, "about", 2.25e5, 2.75e5, "displaced", "people",
               "Idlib"),
    ],
}  # fmt: skip


def load_articles() -> list[Article]:
    """The five idlib articles: front matter read with PyYAML, first line the title."""
    articles = []
    for path in sorted(EXAMPLES.glob("*.md")):
        if path.name == "README.md":
            continue
        raw = path.read_text(encoding="utf-8")
        _, front, body = raw.split("---\n", 2)
        meta = yaml.safe_load(front)
        title, _, text = body.strip("\n").partition("\n")
        published = meta.get("published")
        articles.append(
            Article(
                article_id=str(meta["id"]),
                outlet=str(meta["outlet"]),
                published=published if isinstance(published, dt.date) else None,
                title=title.strip(),
                text=text.strip("\n"),
                origin=str(path),
            )
        )
    return articles


def claims_for(article: Article, base_id: str | None = None) -> list[Claim]:
    """The hand-built claims of ``article`` (``base_id``: the seed it was copied from)."""
    key = (base_id or article.article_id)[:3]
    claims = []
    for fig in FIGURES[key]:
        starts = [m.start() for m in re.finditer(re.escape(fig.surface), article.text)]
        start = starts[fig.nth]
        end = start + len(fig.surface)
        claims.append(
            Claim(
                claim_id=Claim.make_id(article.article_id, False, start, end, fig.surface),
                article_id=article.article_id,
                outlet=article.outlet,
                published=article.published,
                in_title=False,
                start=start,
                end=end,
                quote=_sentence(article.text, start, end),
                surface=fig.surface,
                value=float(fig.value),
                hedge=fig.hedge,
                low=None if fig.low is None else float(fig.low),
                high=None if fig.high is None else float(fig.high),
                category=fig.category,
                subject=fig.subject,
                location=fig.location,
                as_of=article.published,
                period_start=fig.period_start,
                attribution=fig.attribution,
                modality=fig.modality,
                scope=fig.scope,
            )
        )
    return claims


def seed_units() -> list[tuple[Article, list[Claim]]]:
    """Each idlib article with its claims."""
    return [(a, claims_for(a)) for a in load_articles()]


def copy_units(first: int, count: int) -> list[tuple[Article, list[Claim]]]:
    """Copies ``first`` .. ``first+count-1`` of the five articles, each under its own id."""
    seeds = load_articles()
    units = []
    for k in range(first, first + count):
        for seed in seeds:
            article = replace(seed, article_id=f"{seed.article_id}-{k:05d}", origin=None)
            units.append((article, claims_for(article, seed.article_id)))
    return units


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around [start, end): from after the last '. ' or line break before it."""
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(stops) + 1 if stops else len(text)
    return text[left:right].strip()
