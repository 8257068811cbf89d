"""The options every command that reads articles takes (``checker extract``, ``checker
check``): how inputs are read, on how many processes, how loudly, under which config."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from checker.ingest.options import DATE_ORDERS, STDIN_FORMATS

#: the options, in the order ``--help`` lists them
INGEST_OPTIONS = [
    click.option("--outlet", help="Outlet of articles whose input names none (else 'unknown')."),
    click.option(
        "--column",
        "columns",
        multiple=True,
        metavar="FIELD=COLUMN",
        help="Map a CSV column / JSON key to an Article field, e.g. text=story. "
        "Repeatable. Common names (FA-KES's as-is) need no mapping.",
    ),
    click.option(
        "--date-order",
        type=click.Choice(DATE_ORDERS, case_sensitive=False),
        help="Day/month order of all-numeric dates in every input (default: "
        "metadata month-first, datelines per outlet: sputnik DMY).",
    ),
    click.option(
        "--stdin-format",
        default="auto",
        show_default=True,
        type=click.Choice(STDIN_FORMATS),
        help="Format of '-' (standard input); feed is RSS or Atom.",
    ),
    click.option(
        "--jobs",
        "-j",
        type=int,
        default=None,
        metavar="N",
        help="Extract on N processes (default: all cores; results are identical).",
    ),
    click.option(
        "--strict",
        is_flag=True,
        help="Exit 2 when any input record could not be read (errors; warnings never count).",
    ),
    click.option(
        "--quiet",
        "-q",
        is_flag=True,
        help="Print no progress, no errors and no exit reason on standard error.",
    ),
    click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, path_type=Path),
        help="pyproject.toml to read [tool.checker] from (default: ./pyproject.toml, which "
        "can add rule folders, disable rules and set fail_on).",
    ),
    click.option(
        "--no-config",
        is_flag=True,
        help="Read no [tool.checker] at all (for CI jobs that must not trust the working "
        "folder's pyproject.toml).",
    ),
]


def with_ingest_options(fn: Any) -> Any:
    """``fn`` (a click command) with :data:`INGEST_OPTIONS`."""
    for opt in reversed(INGEST_OPTIONS):
        fn = opt(fn)
    return fn
