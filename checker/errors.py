"""The project's exceptions: one place, each subclassing the built-in it behaves like.

Every message says what went wrong *and* what to do about it, naming the file, line or
article where there is one. Library callers catch :class:`CheckerError` for all of them.
"""

from __future__ import annotations


class CheckerError(Exception):
    """Base class of every exception checker raises on purpose."""


class UsageError(CheckerError, ValueError):
    """The command line or the library call was used wrongly (exit status 2)."""


class SchemaError(CheckerError, ValueError):
    """A claims table does not satisfy the Claim schema of ../shared/spec/records.md."""


class StoreError(CheckerError, OSError):
    """The SQLite store cannot be opened, migrated or written.

    Check that the ``--store`` path is writable and not used by a newer checker version.
    """


class ConfigError(CheckerError, ValueError):
    """``[tool.checker]`` in pyproject.toml, or a rule option, is invalid."""


class RuleLoadError(CheckerError, ImportError):
    """A rule module cannot be loaded: a syntax error, or a rule asking for an unknown name.

    Raised when the rules are loaded, before any article is checked.
    """


class RuleFailure(CheckerError, AssertionError):
    """Raised through ``checker.fail(message, *claims)``: a finding about just those claims."""

    def __init__(
        self,
        message: str,
        claims: tuple[object, ...] = (),
        *,
        severity: str | None = None,
        kind: str | None = None,
        evidence: tuple[str, ...] = (),
    ) -> None:
        super().__init__(message)
        self.message = message
        self.claims = claims
        self.severity = severity
        self.kind = kind
        self.evidence = evidence


class BudgetExceeded(BaseException):
    """A call ran over its time budget (:func:`checker.budget.time_limit`).

    A ``BaseException``, as ``KeyboardInterrupt`` is, so that an ``except Exception`` in the
    interrupted code (a rule's, a library's) cannot swallow it. ``what`` names the call and
    ``seconds`` the budget; catch it where the call is made and record it.
    """

    def __init__(self, what: str = "the call", seconds: float = 0.0) -> None:
        super().__init__(what, seconds)
        self.what = what
        self.seconds = seconds

    def __str__(self) -> str:
        return f"{self.what} ran over its time budget of {self.seconds:g} s"
