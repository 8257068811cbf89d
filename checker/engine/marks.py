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
    #: the kind of its findings (conflict, toll_updated, ...); None: the rule's own name
    kind: str | None = None


def rule(severity: str = "medium", kind: str | None = None, **options: Any) -> Callable[[F], F]:
    """Mark a function as a rule with a severity (low, medium, high), the kind of its
    findings (``conflict``, ``toll_updated``... default: its name without ``check_``) and
    option defaults.

    >>> @rule(severity="high", kind="conflict", tolerance=0.1)
    ... def check_something(pair, options): ...
    """
    if severity not in SEVERITIES:
        raise ConfigError(f"severity must be one of {', '.join(SEVERITIES)}, not {severity!r}")

    def mark(fn: F) -> F:
        setattr(fn, MARK_ATTR, RuleMark(severity=severity, options=dict(options), kind=kind))
        return fn

    return mark


def fail(
    message: str,
    *claims: Claim,
    severity: str | None = None,
    kind: str | None = None,
    evidence: tuple[str, ...] | list[str] = (),
) -> None:
    """Report a finding naming just ``claims`` (instead of all the claims the rule was given).

    Use it when a rule over an ``article`` or an ``incident`` wants to point at the claims
    that disagree (a plain ``assert`` reports all of them), or when one finding is less
    severe than the rule's usual one (``severity="low"``: vague words only) or of another
    kind than the rule's. ``severity`` lowers, never raises, the configured severity.
    ``evidence`` quotes the words that show the discrepancy when no claim does (a date
    line); a finding with evidence and no claims names no claim.
    """
    if severity is not None and severity not in SEVERITIES:
        raise ConfigError(f"severity must be one of {', '.join(SEVERITIES)}, not {severity!r}")
    raise RuleFailure(message, claims, severity=severity, kind=kind, evidence=tuple(evidence))
