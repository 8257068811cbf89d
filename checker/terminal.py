"""What ``checker`` prints on the terminal: progress, the first errors, the summary.

Everything goes to standard error (the ``--format text`` table is a report:
:mod:`checker.report.text`). The
progress bar shows only on a terminal; errors and the summary show everywhere (a CI log is
where they are read) unless ``--quiet``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from types import TracebackType
from typing import Any

import click

from checker.exitcodes import errors_only, warnings_only
from checker.lexicon import outlets as outlets_of
from checker.records import SEVERITIES, CheckResult, ErrorRecord

#: errors printed one by one before "... and N more"
SHOWN_ERRORS = 5
PHASES: tuple[str, ...] = ("reading", "extracting", "checking", "reporting")


class ProgressDisplay:
    """A progress bar on standard error: the phase (reading, extracting, checking,
    reporting), articles done of the total when known, and the time taken.

    Call it with a number of records done (``pipeline.check``'s ``progress``); call
    :meth:`phase` to move on. Outside a terminal, or when ``enabled`` is false, it does nothing.
    """

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self._bar: Any = None
        self._task: Any = None
        self.done = 0
        self.total: int | None = None

    def __enter__(self) -> ProgressDisplay:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                TextColumn("[bold]{task.description:<10}"),
                BarColumn(),
                TextColumn("{task.fields[count]}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("reading", total=None, count="")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.__exit__(exc_type, exc, tb)
            self._bar = None

    def phase(self, name: str, total: int | None = None) -> None:
        """Show phase ``name``; ``total`` articles expected (extracting), if known."""
        if name == "extracting":
            self.total, self.done = total, 0
        self._update(name)

    def __call__(self, n: int) -> None:
        self.done += n
        self._update(None)

    def count_text(self) -> str:
        """ "804 of 804 articles" (never past the total), or "804 articles" without one."""
        return progress_count(self.done, self.total)

    def _update(self, name: str | None) -> None:
        if self._bar is None:
            return
        total = self.total
        shown = min(self.done, total) if total else self.done
        kw: dict[str, Any] = {"count": self.count_text(), "total": total, "completed": shown}
        if name is not None:
            kw["description"] = name
            if name not in ("reading", "extracting"):
                kw["completed"] = kw["total"] = total or shown or None
        self._bar.update(self._task, **kw)


def progress_count(done: int, total: int | None) -> str:
    """ "12 of 804 articles"; done is capped at the total (a pre-count can be short)."""
    if total:
        return f"{min(done, total):,} of {total:,} articles"
    return f"{done:,} articles"


def echo_err(message: str) -> None:
    click.echo(f"checker: {message}", err=True)


def print_errors(errors: Sequence[ErrorRecord], limit: int = SHOWN_ERRORS) -> None:
    """The first ``limit`` errors (not warnings), each with its file and line, then how many
    more there are and where to read them."""
    errs = errors_only(errors)
    for e in errs[:limit]:
        echo_err(str(e))
    if len(errs) > limit:
        echo_err(
            f"... and {len(errs) - limit:,} more errors (all are in the JSON and HTML reports)"
        )


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def summary_line(result: CheckResult, output: str | None) -> str:
    """``804 articles from 15 outlets, 5,537 claims, 159 findings (154 high, 5 medium; 2
    dismissed), 3 errors, 9 warnings; report: r.html``."""
    by_sev = {s: sum(f.severity == s for f in result.findings) for s in SEVERITIES}
    parts = ", ".join(f"{n:,} {s}" for s, n in reversed(by_sev.items()) if n)
    dismissed = sum(f.status == "dismissed" for f in result.findings)
    if dismissed:
        parts += f"; {dismissed:,} dismissed" if parts else f"{dismissed:,} dismissed"
    outlets = len(outlets_of(result.articles, result.claims))
    from_outlets = f" from {_plural(outlets, 'outlet')}" if result.articles else ""
    errs, warns = errors_only(result.errors), warnings_only(result.errors)
    return (
        f"{_plural(result.article_count, 'article')}{from_outlets}, "
        f"{_plural(result.claim_count, 'claim')}, {_plural(len(result.findings), 'finding')}"
        f"{f' ({parts})' if parts else ''}, {_plural(len(errs), 'error')}, "
        f"{_plural(len(warns), 'warning')}{f'; report: {output}' if output else ''}"
    )
