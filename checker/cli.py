"""The ``checker`` command: a thin shell over :mod:`checker.pipeline`.

Exit status: 0 when no finding reaches ``--fail-on``, 1 when one does, 2 for bad usage,
unreadable input, a broken rule module or config, a damaged store, a report that cannot be
written (and, with ``--strict``, any recorded error), and for anything unexpected: any
exception ends in status 2 with one line naming the inputs or the store (``--debug`` or
``CHECKER_DEBUG=1`` shows the traceback), never in 1, which means a finding.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any, NoReturn

import click

from checker import __version__
from checker.config import FAIL_ON, Config, describe, load_config
from checker.engine import Rule, load_rules
from checker.engine.names import __doc__ as NAMES_DOC
from checker.errors import CheckerError, UsageError
from checker.guard import GuardedGroup, RunContext
from checker.ingest import IngestOptions
from checker.parallel import ARTICLE_TIMEOUT, default_jobs
from checker.pipeline import DEFAULT_STORE, LocalEngine, RuleSelection
from checker.records import SEVERITIES, CheckResult
from checker.safeio import atomic_write, for_terminal, same_file

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
CHECK_FORMATS = ("json", "html", "md", "junit", "text")
SUFFIX_FORMAT = {".json": "json", ".html": "html", ".htm": "html", ".md": "md", ".xml": "junit"}


def _ingest_options(
    cfg: Config,
    outlet: str | None,
    columns: Sequence[str],
    date_order: str | None,
    stdin_format: str,
) -> IngestOptions:
    mapping: dict[str, str] = {}
    for item in columns:
        field, sep, column = item.partition("=")
        if not sep or not field or not column:
            raise UsageError(f"--column takes FIELD=COLUMN (e.g. text=story), not {item!r}")
        mapping[field] = column
    orders = {"sputnik": "DMY", **cfg.outlet_date_order}
    return IngestOptions(
        outlet=outlet,
        columns=mapping,
        date_order=date_order,
        outlet_date_order=orders,
        stdin_format=stdin_format,
    )


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


def _config(config_path: Path | None, no_config: bool, rule_dirs: Sequence[Path] = ()) -> Config:
    """The project settings in force, said on standard error (they can add rule code, turn
    rules off and stop the run failing: the run shows which file and folders it uses)."""
    if no_config and config_path is not None:
        raise UsageError("--no-config and --config FILE exclude each other: give one")
    cfg = load_config(config_path, use=not no_config)
    click.echo(f"checker: {for_terminal(describe(cfg, rule_dirs))}", err=True)
    return cfg


@contextmanager
def _progress(enabled: bool, label: str) -> Iterator[Any]:
    """A rich progress counter on stderr (only when stderr is a terminal)."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} articles"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=None)
        yield lambda n: bar.advance(task, n)


def _fail(exc: Exception) -> NoReturn:
    click.echo(f"checker: error: {for_terminal(str(exc))}", err=True)
    raise SystemExit(EXIT_USAGE)


ingest_opts = [
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
        type=click.Choice(["DMY", "MDY", "YMD"], case_sensitive=False),
        help="Day/month order of all-numeric dates in every input (default: "
        "metadata month-first, datelines per outlet: sputnik DMY).",
    ),
    click.option(
        "--stdin-format",
        default="auto",
        show_default=True,
        type=click.Choice(["auto", "txt", "md", "json", "jsonl", "csv"]),
        help="Format of '-' (standard input).",
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
        "--strict", is_flag=True, help="Exit 2 when any input record could not be read or checked."
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
    for opt in reversed(ingest_opts):
        fn = opt(fn)
    return fn


@click.group(cls=GuardedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="checker")
@click.option(
    "--debug", is_flag=True, help="Show the traceback of an unexpected error (CHECKER_DEBUG=1)."
)
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Find human-toll figures in news that cannot all be true.

    INPUT is a file or a folder of them (.txt/.md with optional YAML front matter,
    .json/.jsonl, .csv), or - for standard input.
    """
    ctx.obj = {"debug": debug}


@main.command()
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv"]),
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
    config_path: Path | None,
    no_config: bool,
) -> None:
    """Extract the numeric claims of every INPUT article (no store, no rules).

    Errors (an unreadable file, a bad record) go to standard error, one a line, naming the
    file, line or article; every other article is still extracted.
    """
    from checker.pipeline import extract as run_extract
    from checker.records import ErrorRecord
    from checker.report import write_claims

    RunContext.inputs = inputs
    try:
        _check_inputs(inputs, [output])
        cfg = _config(config_path, no_config)
        options = _ingest_options(cfg, outlet, columns, date_order, stdin_format)
    except CheckerError as exc:
        _fail(exc)
    errors = 0
    # written to a temporary file renamed over the target at the end: a failed run leaves
    # the previous file (and an input given as -o was refused above)
    out_cm: Any = atomic_write(output, newline="") if output else nullcontext(sys.stdout)
    try:
        with out_cm as out, _progress(True, "extracting") as progress:

            def claims() -> Iterator[Any]:
                nonlocal errors
                for item in run_extract(
                    inputs,
                    options,
                    jobs=jobs or default_jobs(),
                    progress=progress,
                    timeout=cfg.article_timeout or ARTICLE_TIMEOUT,
                ):
                    if isinstance(item, ErrorRecord):
                        errors += 1
                        click.echo(f"checker: {for_terminal(str(item))}", err=True)
                    else:
                        yield from item[1]

            write_claims(claims(), fmt, out)
    except OSError as exc:
        _fail(OSError(f"cannot write {output or 'standard output'}: {exc}; nothing was replaced"))
    if errors:
        click.echo(f"checker: {errors} error(s) recorded (see above).", err=True)
    raise SystemExit(EXIT_USAGE if strict and errors else EXIT_OK)


@main.command()
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(CHECK_FORMATS),
    default=None,
    help="json (the spec's findings document), html (self-contained report), md "
    "(short summary for a PR comment or CI step summary), junit (JUnit XML), text "
    "(a table on the terminal). Default: from -o's suffix, else text.",
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
    type=click.Choice(["local", "dask"]),
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
    config_path: Path | None,
    no_config: bool,
) -> None:
    """Check INPUT articles against each other and every article already in the store.

    Writes the report (even when the run fails), prints a summary to standard error, and
    exits 1 when a finding reaches --fail-on.
    """
    from checker.pipeline import check as run_check

    RunContext.inputs = inputs
    try:
        _check_inputs(inputs, [output, html_out, json_out, md_out, junit_out, store])
        cfg = _config(config_path, no_config, rule_dirs)
        RunContext.store = str(store or cfg.store or DEFAULT_STORE)
        options = _ingest_options(cfg, outlet, columns, date_order, stdin_format)
        out_fmt = fmt or (SUFFIX_FORMAT.get(output.suffix.lower(), "json") if output else "text")
        selection = RuleSelection(
            dirs=[*cfg.rule_dirs, *rule_dirs],
            only=only,
            skip=[*cfg.disable, *skip],
            settings=cfg.rules,
            timeout=cfg.rule_timeout,
        )
        rules = selection.load()
        # Only the HTML report shows every article; for the rest, keeping the given
        # articles' texts in memory is not needed (and is what grows with the input).
        keep_inputs = out_fmt in ("html", "text") or html_out is not None
        if scheduler and engine != "dask":
            raise UsageError("--scheduler goes with --engine dask")
        with _progress(True, "checking") as progress:
            if engine == "dask":
                from checker.distributed import check_dask

                result = check_dask(
                    inputs,
                    store=store or cfg.store or DEFAULT_STORE,
                    options=options,
                    rules=rules,
                    report_all=report_all,
                    scheduler=scheduler,
                    keep_inputs=keep_inputs,
                    progress=progress,
                )
            else:
                result = run_check(
                    inputs,
                    store=store or cfg.store or DEFAULT_STORE,
                    options=options,
                    rules=rules,
                    report_all=report_all,
                    progress=progress,
                    keep_inputs=keep_inputs,
                    engine=LocalEngine(
                        jobs or default_jobs(), cfg.article_timeout or ARTICLE_TIMEOUT
                    ),
                )
    except CheckerError as exc:
        _fail(exc)
    try:
        _write_reports(
            result,
            out_fmt,
            output,
            {"html": html_out, "json": json_out, "md": md_out, "junit": junit_out},
        )
    except OSError as exc:
        _fail(OSError(f"cannot write the report: {exc}; no file was left half-written"))
    _summary(result, output)
    threshold = fail_on or cfg.fail_on or "high"
    if strict and result.errors:
        raise SystemExit(EXIT_USAGE)
    if not result.article_count and result.errors:
        raise SystemExit(EXIT_USAGE)  # nothing readable was given
    raise SystemExit(EXIT_FINDINGS if failing(result, threshold) else EXIT_OK)


def failing(result: CheckResult, fail_on: str) -> bool:
    """Whether a finding reaches ``fail_on`` (low < medium < high; never: no)."""
    if fail_on == "never":
        return False
    rank = SEVERITIES.index(fail_on)
    return any(SEVERITIES.index(f.severity) >= rank for f in result.findings)


def _write_reports(
    result: CheckResult, fmt: str, output: Path | None, extra: dict[str, Path | None]
) -> None:
    from checker.report import write_check

    targets: list[tuple[str, Path | None]] = [(fmt, output)]
    targets += [(f, p) for f, p in extra.items() if p is not None]
    for f, path in targets:
        if f == "text":
            _print_table(result)
            continue
        if path is None:
            write_check(result, f, sys.stdout)
            continue
        try:
            with atomic_write(path) as out:
                write_check(result, f, out)
        except OSError as exc:
            raise OSError(f"{path}: {exc.strerror or exc} (the previous {path} is kept)") from exc


def _print_table(result: CheckResult) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(result.findings)} finding(s)", show_lines=True)
    for col in ("severity", "rule", "message"):
        table.add_column(col, overflow="fold")  # (a long word folds, never hides as "…")
    for f in result.findings:
        # Text, not str: rich reads a str as markup ("[/bold]", "[link=...]" in an outlet),
        # and control characters are shown escaped, never sent to the terminal
        table.add_row(*(Text(for_terminal(v)) for v in (f.severity, f.rule, f.message)))
    Console(highlight=False).print(table)


def _summary(result: CheckResult, output: Path | None) -> None:
    by_sev = {s: sum(f.severity == s for f in result.findings) for s in SEVERITIES}
    outlets = f" from {len({a.outlet for a in result.articles})} outlets" if result.articles else ""
    parts = ", ".join(f"{n} {s}" for s, n in reversed(by_sev.items()) if n)
    click.echo(
        f"checker: {result.article_count} articles{outlets}, "
        f"{result.claim_count} claims, {len(result.findings)} findings"
        f"{f' ({parts})' if parts else ''}, {len(result.errors)} errors"
        f"{f'; report: {for_terminal(str(output))}' if output else ''}",
        err=True,
    )


@main.group()
def rules() -> None:
    """List and explain the rules (built-in and your own)."""


def _all_rules(rule_dirs: Sequence[Path], config_path: Path | None) -> list[Rule]:
    """Built-in, configured and ``--rules`` rules, disabled ones too (exit 2 on a bad one)."""
    try:
        cfg = _config(config_path, False, rule_dirs)
        return load_rules([*cfg.rule_dirs, *rule_dirs], settings=cfg.rules, include_disabled=True)
    except CheckerError as exc:
        _fail(exc)


@rules.command("list")
@click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="Also list the rules in this folder or file.",
)
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
def rules_list(rule_dirs: tuple[Path, ...], config_path: Path | None) -> None:
    """Every rule: id, severity, what it asks for, and what it flags."""
    from rich.console import Console
    from rich.table import Table

    found = _all_rules(rule_dirs, config_path)
    table = Table(show_lines=False)
    for col in ("rule", "severity", "asks for", "flags"):
        table.add_column(col, overflow="fold")
    for r in found:
        off = "" if r.enabled else " (disabled)"
        table.add_row(r.id + off, r.severity, r.subject, r.summary)
    Console(width=max(120, Console().width)).print(table)


@rules.command("explain")
@click.argument("rule_id")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(exists=True, path_type=Path))
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
def rules_explain(rule_id: str, rule_dirs: tuple[Path, ...], config_path: Path | None) -> None:
    """Show a rule's full documentation, severity and options."""
    found = _all_rules(rule_dirs, config_path)
    matches = [r for r in found if r.id == rule_id or r.id.split(".")[-1] == rule_id]
    if not matches:
        _fail(UsageError(f"no rule {rule_id!r}; `checker rules list` shows the ids"))
    for r in matches:
        click.echo(f"{r.id}  (severity {r.severity}, asks for {r.subject}, {r.path})")
        if r.options:
            click.echo("options: " + ", ".join(f"{k}={v!r}" for k, v in r.options.items()))
        click.echo("")
        click.echo(r.doc)


@rules.command("names")
def rules_names() -> None:
    """The names a rule may ask for (claim, article, pair, ...)."""
    click.echo((NAMES_DOC or "").strip())


@main.command("eval")
@click.option(
    "--gold",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("tests/gold"),
    show_default=True,
    help="The gold-set folder.",
)
@click.option(
    "--corpus",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=Path("../shared/corpus/fa-kes/FA-KES-Dataset.csv"),
    show_default=True,
    help="The FA-KES CSV the gold set's fakes/ refer to.",
)
@click.option(
    "--examples",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("examples/idlib"),
    show_default=True,
    help="The seed articles the gold set's seeds/ refer to.",
)
def eval_cmd(gold: Path, corpus: Path, examples: Path) -> None:
    """Score extraction against the hand-annotated gold set: precision, recall and F1 for
    (article, value, category) and accuracy of hedge, location, as_of, attribution, modality."""
    from checker.evaluate import evaluate, format_report

    try:
        report = evaluate(gold, corpus, examples)
    except CheckerError as exc:
        _fail(exc)
    click.echo(format_report(report))


if __name__ == "__main__":  # pragma: no cover
    main()
