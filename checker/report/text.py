"""``--format text``: the findings as a table for the terminal (rich), one row a finding:
severity (and review status), rule (never cut), where, message."""

from __future__ import annotations

from typing import TextIO

from checker.records import CheckResult


def write_text(result: CheckResult, out: TextIO) -> None:
    """The findings of ``result`` as a table on ``out`` (as wide as the terminal, at least
    100 columns and the longest rule id's)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from checker.safeio import for_terminal

    findings = result.findings
    n = len(findings)
    table = Table(title=f"{n:,} finding{'' if n == 1 else 's'}", show_lines=True)
    longest = max((len(f.rule) for f in findings), default=4)
    table.add_column("severity", no_wrap=True)
    table.add_column("rule", no_wrap=True, min_width=longest)
    table.add_column("where", overflow="fold")
    table.add_column("message", overflow="fold")
    for f in findings:
        sev = f.severity if f.status == "open" else f"{f.severity} ({f.status})"
        where = ":".join(str(p) for p in (f.source_file, f.line) if p is not None)
        # Text, not str: rich reads a str as markup ("[/bold]", "[link=...]" in an outlet's
        # name), and control characters are shown escaped, never sent to the terminal
        table.add_row(*(Text(for_terminal(v)) for v in (sev, f.rule, where, f.message)))
    width = max(100, Console(file=out).width, longest + 60)
    Console(file=out, width=width, highlight=False).print(table)
