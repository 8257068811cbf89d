"""The ``checker`` command: a thin shell over :mod:`checker.pipeline`.

Exit status (:mod:`checker.exitcodes`, the one place it is decided): 0 when no open finding
reaches ``--fail-on``, 1 when one does, 2 when nothing or not all was checked (bad usage, an
unknown rule id or config key, inputs without an article, a rule that raised, a damaged
store, a report that cannot be written; with ``--strict``, any input error). Anything
unexpected ends in status 2 with one line naming the inputs or the store (``--debug`` or
``CHECKER_DEBUG=1`` shows the traceback: :mod:`checker.guard`), never in 1, which means a
finding. Terminal output is :mod:`checker.terminal`'s.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any, NoReturn

import click

from checker import __version__
from checker.cli_more import eval_cmd, review, rules_group
from checker.cli_options import with_ingest_options
from checker.config import FAIL_ON, Config, describe, load_config
from checker.errors import CheckerError, UsageError
from checker.exitcodes import EXIT_USAGE, Status, exit_status
from checker.guard import GuardedGroup, RunContext
from checker.ingest import SUFFIXES
from checker.records import CheckResult
from checker.report import CHECK_FORMATS, CLAIM_FORMATS, format_for, needs_articles
from checker.reviews import DEFAULT_REVIEWS
from checker.run.heap import freeze_at_exit, frozen_heap
from checker.safeio import atomic_write, for_terminal, same_file
from checker.settings import ENGINES, resolve_settings
from checker.store_layout import DEFAULT_STORE
from checker.terminal import ProgressDisplay, echo_err, print_errors, summary_line


def _check_inputs(inputs: Sequence[str], outputs: Sequence[Path | None] = ()) -> None:
    if not inputs:
        raise UsageError("give at least one INPUT: a file, a folder, or - for stdin")
    missing = [i for i in inputs if i != "-" and not Path(i).exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    for out in outputs:
        clash = next((i for i in inputs if out is not None and same_file(i, out)), None)
        if clash is not None:
            raise UsageError(
                f"the output {out} is also an input ({clash}): writing it would destroy the "
                "input before it is read; write the output elsewhere"
            )


def _config(
    config_path: Path | None,
    no_config: bool,
    rule_dirs: Sequence[Path] = (),
    *,
    quiet: bool = False,
) -> Config:
    """The project settings in force, said on standard error (they can add rule code, turn
    rules off and stop the run failing: the run shows which file and folders it uses)."""
    if no_config and config_path is not None:
        raise UsageError("--no-config and --config FILE exclude each other: give one")
    cfg = load_config(config_path, use=not no_config)
    # said when something may differ from the defaults: a [tool.checker] table or rule
    # folders in force, or the config turned off (a run on defaults says nothing)
    if not quiet and (cfg.has_table or cfg.rule_dirs or rule_dirs or no_config or config_path):
        echo_err(for_terminal(describe(cfg, rule_dirs)))
    return cfg


def _fail(exc: Exception) -> NoReturn:
    click.echo(f"checker: error: {for_terminal(str(exc))}", err=True)
    raise SystemExit(EXIT_USAGE)


def _exit(status: Status, quiet: bool) -> NoReturn:
    """Exit with ``status``, saying why on standard error when it is not 0."""
    if status.code and status.reason and not quiet:
        echo_err(f"exit {status.code}: {status.reason}")
    raise SystemExit(status.code)


def _expected(inputs: Sequence[str]) -> int | None:
    from checker.ingest.count import count_records

    return count_records(inputs, SUFFIXES)


@click.group(cls=GuardedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="checker")
@click.option(
    "--debug", is_flag=True, help="Show the traceback of an unexpected error (CHECKER_DEBUG=1)."
)
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Find human-toll figures in news that cannot all be true.

    INPUT is a file or a folder of them (.txt/.md with optional YAML front matter,
    .json/.jsonl, .csv, .html pages, .xml/.rss/.atom feeds, .pdf reports), or - for
    standard input.
    """
    ctx.obj = {"debug": debug}


@main.command()
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(CLAIM_FORMATS),
    default="jsonl",
    show_default=True,
    help="One Claim a line (jsonl) or a CSV table of claims.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
@with_ingest_options
def extract(
    inputs: tuple[str, ...],
    fmt: str,
    output: Path | None,
    outlet: str | None,
    columns: tuple[str, ...],
    date_order: str | None,
    stdin_format: str,
    jobs: int | None,
    strict: bool,
    quiet: bool,
    config_path: Path | None,
    no_config: bool,
) -> None:
    """Extract the numeric claims of every INPUT article (no store, no rules).

    Errors (an unreadable file, a bad record) go to standard error, one a line, naming the
    file, line or article; every other article is still extracted. The exit status follows
    the same rules as check's: 2 when no input held an article, or with --strict when a
    record could not be read.
    """
    from checker.pipeline import extract as run_extract
    from checker.records import Article, ErrorRecord
    from checker.report import write_claims

    RunContext.inputs = inputs
    try:
        _check_inputs(inputs, [output])
        cfg = _config(config_path, no_config, quiet=quiet)
        settings = resolve_settings(
            cfg,
            dict(
                outlet=outlet,
                columns=columns,
                date_order=date_order,
                stdin_format=stdin_format,
                jobs=jobs,
            ),
        )
    except CheckerError as exc:
        _fail(exc)
    errors: list[ErrorRecord] = []
    articles = 0
    # written to a temporary file renamed over the target at the end: a failed run leaves
    # the previous file (and an input given as -o was refused above)
    out_cm: Any = atomic_write(output, newline="") if output else nullcontext(sys.stdout)
    try:
        with out_cm as out, ProgressDisplay(not quiet) as progress:
            progress.phase("extracting", _expected(inputs))

            def claims() -> Iterator[Any]:
                nonlocal articles
                for item in run_extract(inputs, settings=settings, progress=progress):
                    if isinstance(item, ErrorRecord):
                        errors.append(item)
                        if not quiet:
                            echo_err(for_terminal(str(item)))
                    elif isinstance(item[0], Article):
                        articles += 1
                        yield from item[1]

            write_claims(claims(), fmt, out)
    except OSError as exc:
        _fail(OSError(f"cannot write {output or 'standard output'}: {exc}; nothing was replaced"))
    if errors and not quiet:
        echo_err(f"{len(errors)} error(s) and warning(s) recorded (see above).")
    _exit(exit_status(articles=articles, errors=errors, strict=strict), quiet)


@main.command()
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(CHECK_FORMATS),
    default=None,
    help="json (the spec's findings document), html (self-contained report), md "
    "(short summary for a PR comment or CI step summary), junit (JUnit XML, one testcase "
    "per finding), text (a table on the terminal), github (workflow commands: annotations "
    "on file and line), sarif (SARIF 2.1.0 for code scanning), claimreview (confirmed "
    "findings as schema.org ClaimReview JSON-LD). Default: from -o's suffix, else text.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report here (default: standard output).",
)
@click.option(
    "--html",
    "html_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the HTML report here.",
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the JSON findings document here.",
)
@click.option(
    "--md",
    "md_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the Markdown summary here (e.g. $GITHUB_STEP_SUMMARY).",
)
@click.option(
    "--junit",
    "junit_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write JUnit XML here.",
)
@click.option(
    "--sarif",
    "sarif_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write SARIF here (for github/codeql-action/upload-sarif).",
)
@click.option(
    "--claimreview",
    "claimreview_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the confirmed findings as ClaimReview JSON-LD here.",
)
@click.option(
    "--reviews",
    "--baseline",
    "reviews_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"Reviews file of `checker review` (default {DEFAULT_REVIEWS} when it exists, or "
    "[tool.checker] reviews): dismissed findings are reported as such and never fail.",
)
@click.option(
    "--store",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=f"SQLite store of every article seen (default {DEFAULT_STORE}; "
    "':memory:' for none). New articles are checked against all stored ones.",
)
@click.option(
    "--all",
    "report_all",
    is_flag=True,
    help="Report every finding in the store, not only those involving INPUT articles.",
)
@click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="A folder (or .py file) of your own rules, loaded after the built-ins. "
    "Repeatable. This runs the Python in it: name only code you trust.",
)
@click.option(
    "--select",
    "only",
    multiple=True,
    metavar="RULE",
    help="Run only these rules (id or module). Repeatable.",
)
@click.option(
    "--ignore",
    "skip",
    multiple=True,
    metavar="RULE",
    help="Skip these rules (id or module). Repeatable.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="Exit 1 when a finding of this severity or higher is found (default high; "
    "never: always exit 0).",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="local",
    show_default=True,
    help="local: processes on this machine (--jobs); dask: a dask.distributed "
    "cluster (--scheduler, or a local cluster).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="With --engine dask: the scheduler address, e.g. tcp://10.0.0.5:8786.",
)
@with_ingest_options
def check(
    inputs: tuple[str, ...],
    fmt: str | None,
    output: Path | None,
    html_out: Path | None,
    json_out: Path | None,
    md_out: Path | None,
    junit_out: Path | None,
    sarif_out: Path | None,
    claimreview_out: Path | None,
    reviews_path: Path | None,
    store: Path | None,
    report_all: bool,
    rule_dirs: tuple[Path, ...],
    only: tuple[str, ...],
    skip: tuple[str, ...],
    fail_on: str | None,
    engine: str,
    scheduler: str | None,
    outlet: str | None,
    columns: tuple[str, ...],
    date_order: str | None,
    stdin_format: str,
    jobs: int | None,
    strict: bool,
    quiet: bool,
    config_path: Path | None,
    no_config: bool,
) -> None:
    """Check INPUT articles against each other and every article already in the store.

    Writes the reports (even when the run fails), prints the first errors and a summary to
    standard error, and exits 1 when an open finding reaches --fail-on (see the README's
    exit-status table).
    """
    from checker.pipeline import check as run_check
    from checker.reviews import apply_reviews, load_reviews

    freeze_at_exit()  # the run's heap dies with the process, unscanned (checker.run.heap)
    extra = {
        "html": html_out,
        "json": json_out,
        "md": md_out,
        "junit": junit_out,
        "sarif": sarif_out,
        "claimreview": claimreview_out,
    }
    RunContext.inputs = inputs
    try:
        _check_inputs(
            inputs,
            [output, html_out, json_out, md_out, junit_out, sarif_out, claimreview_out, store],
        )
        cfg = _config(config_path, no_config, rule_dirs, quiet=quiet)
        settings = resolve_settings(
            cfg,
            dict(
                store=store,
                rule_dirs=rule_dirs,
                select=only,
                ignore=skip,
                fail_on=fail_on,
                engine=engine,
                scheduler=scheduler,
                jobs=jobs,
                outlet=outlet,
                columns=columns,
                date_order=date_order,
                stdin_format=stdin_format,
                reviews=reviews_path,
            ),
        )
        RunContext.store = str(settings.store)
        out_fmt = format_for(fmt, output)
        reviews = load_reviews(settings.reviews, must_exist=settings.reviews_required)
        rules = settings.rules.load()
        # Only the HTML report shows articles (and ClaimReview their URLs); for the rest,
        # keeping the given articles' texts in memory is not needed (it grows with the input).
        wants = {out_fmt, *(f for f, p in extra.items() if p is not None)}
        with ProgressDisplay(not quiet) as progress:
            progress.phase("extracting", _expected(inputs))
            result = run_check(
                inputs,
                settings=settings,
                rules=rules,
                report_all=report_all,
                progress=progress,
                keep_inputs=needs_articles(wants),
                on_phase=progress.phase,
            )
            apply_reviews(result, reviews)
            progress.phase("reporting")
            try:
                with frozen_heap():  # the run's objects, alive to the end: not scanned
                    _write_reports(result, out_fmt, output, extra)
            except OSError as exc:
                raise UsageError(
                    f"cannot write the report: {exc}; no file was left half-written"
                ) from exc
    except CheckerError as exc:
        _fail(exc)
    if not quiet:
        print_errors(result.errors)
        echo_err(summary_line(result, str(output) if output else None))
    status = exit_status(
        articles=result.article_count,
        errors=result.errors,
        findings=result.findings,
        fail_on=settings.fail_on,
        strict=strict,
    )
    _exit(status, quiet)


def _write_reports(
    result: CheckResult, fmt: str, output: Path | None, extra: dict[str, Path | None]
) -> None:
    from checker.report import write_check

    targets: list[tuple[str, Path | None]] = [(fmt, output)]
    targets += [(f, p) for f, p in extra.items() if p is not None]
    for f, path in targets:
        if path is None:
            write_check(result, f, sys.stdout)
            continue
        try:
            with atomic_write(path) as out:
                write_check(result, f, out)
        except OSError as exc:
            raise OSError(f"{path}: {exc.strerror or exc} (the previous {path} is kept)") from exc


main.add_command(rules_group)
main.add_command(review)
main.add_command(eval_cmd)

if __name__ == "__main__":  # pragma: no cover
    main()
