"""checker: a claim and figure consistency checker for news.

Layers import one way: records -> ingest -> extract -> store -> engine -> report -> cli.
The library API a notebook or CI script calls lives in :mod:`checker.pipeline` (its settings
in :mod:`checker.settings`).

The names below are imported on first use (module ``__getattr__``), so that ``import
checker.records`` or ``checker --help`` loads none of the engine (nor pytest, which rule
modules are compiled with).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.lazy import lazy_attributes

if TYPE_CHECKING:
    from checker.engine.marks import fail, rule
    from checker.records import Article, CheckResult, Claim, ErrorRecord, Finding

__version__ = "0.1.0"

#: name -> the module that defines it
_LAZY = {
    "Article": "checker.records",
    "CheckResult": "checker.records",
    "Claim": "checker.records",
    "ErrorRecord": "checker.records",
    "Finding": "checker.records",
    "fail": "checker.engine.marks",
    "rule": "checker.engine.marks",
}
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


__getattr__ = lazy_attributes(__name__, _LAZY, globals())


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
