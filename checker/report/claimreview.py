"""``--format claimreview``: confirmed findings as schema.org ClaimReview (JSON-LD).

ClaimReview is the markup fact-checkers publish so search engines and fact-check
aggregators can show a verdict next to the claim. Only findings a person confirmed
(``checker review ID --verdict confirmed``) are exported: a finding the rules raised but no
one read is not a fact-check. One object per confirmed finding, in a JSON array::

    {"@context": "https://schema.org", "@type": "ClaimReview",
     "claimReviewed": "<the sentence with the figure>",
     "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": outlet},
                      "datePublished": ..., "appearance": {"@type": "NewsArticle", ...}},
     "author": {"@type": "Organization", "name": reviewer},
     "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1,
                      "alternateName": "Conflicting figures"},
     "reviewBody": "<the reviewer's note>: <the finding's message>", "datePublished": ...}

The rating is fixed per kind of finding (a confirmed conflict rates 2 of 5, "misleading");
publishers that use another scale can map ``alternateName``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, TextIO

from checker.records import Article, CheckResult, Claim, Finding
from checker.report.format import figure_phrase, kind_of

#: kind -> (rating 1..5, the rating's name)
RATINGS: dict[str, tuple[int, str]] = {
    "conflict": (2, "Conflicting figures"),
    "toll_down": (2, "Toll lowered without a correction"),
    "stale": (3, "Outdated figure"),
    "sources_disagree": (3, "Sources disagree"),
    "dateline": (2, "Wrong date line"),
    "headline": (2, "Headline contradicts the article"),
    "part_whole": (1, "Part larger than the whole"),
    "toll_updated": (4, "Figure since updated"),
}
DEFAULT_RATING = (2, "Inconsistent figures")


def _reviewed_claim(f: Finding) -> Claim | None:
    """The claim a finding points at (its location), else its first claim."""
    for c in f.claims:
        if c.source_file == f.source_file and c.line == f.line and c.column == f.column:
            return c
    return f.claims[0] if f.claims else None


def _appearance(c: Claim, article: Article | None) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "NewsArticle", "identifier": c.article_id}
    if article is not None:
        if article.url:
            item["url"] = article.url
        if article.title:
            item["headline"] = article.title
    if c.published:
        item["datePublished"] = c.published.isoformat()
    item["publisher"] = {"@type": "Organization", "name": c.outlet}
    return item


def claim_review(f: Finding, articles: dict[str, Article]) -> dict[str, Any]:
    """The ClaimReview object of one confirmed finding."""
    c = _reviewed_claim(f)
    value, name = RATINGS.get(kind_of(f), DEFAULT_RATING)
    body = f.message if not f.review_note else f"{f.review_note}: {f.message}"
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": f.finding_id,
        "datePublished": f.reviewed_on or dt.date.today().isoformat(),
        "author": {"@type": "Organization", "name": f.reviewed_by or "checker"},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": name,
        },
        "reviewBody": body,
    }
    if c is not None:
        review["claimReviewed"] = " ".join(c.quote.split()) or figure_phrase(c)
        item: dict[str, Any] = {
            "@type": "Claim",
            "author": {"@type": "Organization", "name": c.attribution or c.outlet},
            "appearance": _appearance(c, articles.get(c.article_id)),
        }
        if c.published:
            item["datePublished"] = c.published.isoformat()
        review["itemReviewed"] = item
    return review


def build_claimreviews(result: CheckResult) -> list[dict[str, Any]]:
    articles = {a.article_id: a for a in [*result.context_articles, *result.articles]}
    return [claim_review(f, articles) for f in result.findings if f.status == "confirmed"]


def write_claimreview(result: CheckResult, out: TextIO) -> None:
    json.dump(build_claimreviews(result), out, indent=2, ensure_ascii=False)
    out.write("\n")
