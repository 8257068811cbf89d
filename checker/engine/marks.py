"""``@checker.rule(...)``: a light decorator giving a rule its severity and options.

Undecorated functions are rules too (severity ``medium``, no options). Severity and options
can be overridden per project in ``[tool.checker.rules."<rule id>"]``; see
:mod:`checker.config`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from checker.errors import ConfigError, RuleFailure
from checker.records import SEVERITIES, Claim

F = TypeVar("F", bound=Callable[..., Any])

MARK_ATTR = "__checker_rule__"


@dataclass(frozen=True, slots=True)
class RuleMark:
    severity: str = "medium"
    options: dict[str, Any] = field(default_factory=dict)


def rule(severity: str = "medium", **options: Any) -> Callable[[F], F]:
    """Mark a function as a rule with a severity (low, medium, high) and option defaults.

    >>> @rule(severity="high", tolerance=0.1)
    ... def check_something(pair, options): ...
    """
    if severity not in SEVERITIES:
        raise ConfigError(f"severity must be one of {', '.join(SEVERITIES)}, not {severity!r}")

    def mark(fn: F) -> F:
        setattr(fn, MARK_ATTR, RuleMark(severity=severity, options=dict(options)))
        return fn

    return mark


def fail(message: str, *claims: Claim) -> None:
    """Report a finding naming just ``claims`` (instead of all the claims the rule was given).

    Use it when a rule over an ``article`` or a ``group`` wants to point at the two claims
    that disagree; a plain ``assert`` reports all of them.
    """
    raise RuleFailure(message, claims)
