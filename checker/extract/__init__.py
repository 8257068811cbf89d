"""Claim extraction: numeric claims (figures with their hedge, category, place, dates,
source, modality and scope) from news articles.

``extract_claims(article)`` is pure and deterministic: no I/O, no state kept between
articles (only caches of pure functions), so it can run in worker processes.
"""

from checker.extract.claims import extract_claims

__all__ = ["extract_claims"]
