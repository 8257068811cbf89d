"""The exit status of ``checker extract`` and ``checker check``: one table, one function.

==  ==========================================================================================
0   the inputs were read and checked: no open finding reaches ``--fail-on``
1   an open finding (not dismissed by a review) reaches ``--fail-on`` (default ``high``)
2   nothing was checked, or not all of it: bad usage (an unknown option, format, rule id in
    ``--select``/``--ignore``/``disable``, config key or value), an input path that does not
    exist, inputs that hold no article (an empty or wrong folder, every file unreadable), a
    rule module that does not load, a rule that raised; with ``--strict`` also any input
    record that could not be read (errors; warnings, such as a decoded encoding, never count)
==  ==========================================================================================

Usage errors stop the run before anything is written; every other status is decided after
all reports are written, so a failing job still leaves them. ``extract`` has no rules and no
findings: its status is 0 or 2 by the same rules. :func:`exit_status` is the one place this
is decided; the command line only prints the reason it gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checker.records import ErrorRecord, Finding, failing

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Status:
    """An exit status and, when it is not 0, why (one line for standard error)."""

    code: int
    reason: str = ""


def errors_only(errors: Sequence[ErrorRecord]) -> list[ErrorRecord]:
    """The records that are errors (something lost or broken), not warnings."""
    return [e for e in errors if e.level != "warning"]


def warnings_only(errors: Sequence[ErrorRecord]) -> list[ErrorRecord]:
    """The records that are warnings (kept with a repair)."""
    return [e for e in errors if e.level == "warning"]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def exit_status(
    *,
    articles: int,
    errors: Sequence[ErrorRecord],
    findings: Sequence[Finding] = (),
    fail_on: str = "never",
    strict: bool = False,
) -> Status:
    """The status of a run that read ``articles`` articles (see the module's table)."""
    errs = errors_only(errors)
    if articles == 0:
        why = f"{_plural(len(errs), 'input error')}, see above" if errs else "nothing to read"
        return Status(EXIT_USAGE, f"no article in the inputs ({why})")
    rule_errors = [e for e in errs if e.stage == "rule"]
    if rule_errors:
        rules = sorted({e.rule or "?" for e in rule_errors})
        return Status(
            EXIT_USAGE,
            f"{_plural(len(rules), 'rule')} raised ({', '.join(rules)}), so the check is "
            "incomplete: fix the rule, or leave it out with --ignore",
        )
    input_errors = [e for e in errs if e.stage != "rule"]
    if strict and input_errors:
        return Status(
            EXIT_USAGE,
            f"{_plural(len(input_errors), 'input error')} with --strict "
            "(records that could not be read or checked)",
        )
    failed = failing(findings, fail_on)
    if failed:
        return Status(
            EXIT_FINDINGS,
            f"{_plural(len(failed), 'finding')} at or above --fail-on {fail_on}",
        )
    return Status(EXIT_OK)
