"""checker: a claim and figure consistency checker for news.

Layers import one way: records -> ingest -> extract -> store -> engine -> report -> cli.
The library API a notebook or CI script calls lives in :mod:`checker.pipeline`.
"""

from checker.engine.marks import fail, rule
from checker.records import Article, CheckResult, Claim, ErrorRecord, Finding

__version__ = "0.1.0"
__all__ = [
    "Article",
    "CheckResult",
    "Claim",
    "ErrorRecord",
    "Finding",
    "__version__",
    "fail",
    "rule",
]
