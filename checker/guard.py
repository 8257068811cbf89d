"""The ``checker`` command's last line of defence: no traceback, no exit status 1 by accident.

Exit status 1 means "a finding reached --fail-on" to a CI job; a crash that exits 1 (what
Python does with an uncaught exception) would read as a finding, and a traceback names no
input. :class:`GuardedGroup` ends any exception the commands do not handle in exit status 2
and one line saying what the run was checking (:class:`RunContext`); ``--debug`` or
``CHECKER_DEBUG=1`` prints the traceback too.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Sequence
from contextlib import suppress
from typing import Any

import click

from checker.safeio import for_terminal

EXIT_USAGE = 2


class RunContext:
    """What the run is working on, for the one line an unexpected error ends it with."""

    inputs: Sequence[str] = ()
    store: str | None = None

    @classmethod
    def words(cls) -> str:
        parts = []
        if cls.inputs:
            shown = ", ".join(cls.inputs[:3]) + (" ..." if len(cls.inputs) > 3 else "")
            parts.append(f"checking {shown}")
        if cls.store:
            parts.append(f"with the store {cls.store}")
        return for_terminal(" ".join(parts)) or "starting"


class GuardedGroup(click.Group):
    """The command group, ending every unexpected exception in exit status 2 and one line
    (not a traceback and status 1, which a CI job would read as "a finding")."""

    def invoke(self, ctx: click.Context) -> Any:
        RunContext.inputs, RunContext.store = (), None
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("checker: interrupted", err=True)
            raise SystemExit(130) from None
        except BrokenPipeError:  # the reader of standard output went away ("| head")
            with suppress(OSError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise SystemExit(EXIT_USAGE) from None
        except BaseException as exc:
            if os.environ.get("CHECKER_DEBUG") or (ctx.obj or {}).get("debug"):
                traceback.print_exc()
            kind = "store error" if "sqlite3" in type(exc).__module__ else "internal error"
            click.echo(
                f"checker: {kind} while {RunContext.words()}: "
                f"{for_terminal(f'{type(exc).__name__}: {exc}')[:500]}. "
                "This is a bug in checker: please report it with the input "
                "(CHECKER_DEBUG=1 shows the traceback)",
                err=True,
            )
            raise SystemExit(EXIT_USAGE) from None
