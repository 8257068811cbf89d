"""The ``checker rules``, ``checker review`` and ``checker eval`` commands (registered on
``checker.cli.main``)."""

from __future__ import annotations

import getpass
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from checker.config import load_config
from checker.errors import CheckerError, UsageError
from checker.exitcodes import EXIT_USAGE
from checker.reviews import DEFAULT_REVIEWS, VERDICTS
from checker.settings import resolve_settings
from checker.store_layout import DEFAULT_STORE

if TYPE_CHECKING:
    from checker.engine import Rule

#: shortest finding-id prefix ``checker review`` accepts
MIN_PREFIX = 6


def _fail(exc: Exception) -> NoReturn:
    click.echo(f"checker: error: {exc}", err=True)
    raise SystemExit(EXIT_USAGE)


def _login() -> str:
    """The login name for a review, or "" when the system has none to give."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


@click.group("rules")
def rules_group() -> None:
    """List and explain the rules (built-in and your own)."""


def _all_rules(rule_dirs: Sequence[Path], config_path: Path | None) -> list[Rule]:
    """Built-in, configured and ``--rules`` rules, disabled ones too (exit 2 on a bad one)."""
    from checker.engine import load_rules

    try:
        cfg = load_config(config_path)
        return load_rules([*cfg.rule_dirs, *rule_dirs], settings=cfg.rules, include_disabled=True)
    except CheckerError as exc:
        _fail(exc)


@rules_group.command("list")
@click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="Also list the rules in this folder or file.",
)
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
def rules_list(rule_dirs: tuple[Path, ...], config_path: Path | None) -> None:
    """Every rule: id (never cut), severity, what it asks for, and what it flags."""
    from rich.console import Console
    from rich.table import Table

    from checker.report.rst import inline_text

    found = _all_rules(rule_dirs, config_path)
    ids = [r.id + ("" if r.enabled else " (disabled)") for r in found]
    longest = max((len(i) for i in ids), default=4)
    table = Table(show_lines=False)
    table.add_column("rule", no_wrap=True, min_width=longest)
    table.add_column("severity", no_wrap=True)
    table.add_column("asks for", no_wrap=True)
    table.add_column("flags", overflow="fold")
    for rid, r in zip(ids, found, strict=True):
        table.add_row(rid, r.severity, r.subject, inline_text(r.summary))
    Console(width=max(120, Console().width, longest + 70)).print(table)


@rules_group.command("explain")
@click.argument("rule_id")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(exists=True, path_type=Path))
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
def rules_explain(rule_id: str, rule_dirs: tuple[Path, ...], config_path: Path | None) -> None:
    """Show a rule's full documentation, severity and options."""
    from checker.report.rst import to_text

    found = _all_rules(rule_dirs, config_path)
    from checker.engine.loader import named

    matches = named(found, rule_id)
    if not matches:
        _fail(UsageError(f"no rule {rule_id!r}; `checker rules list` shows the ids"))
    for r in matches:
        click.echo(f"{r.id}  (severity {r.severity}, asks for {r.subject}, {r.path})")
        if r.options:
            click.echo("options: " + ", ".join(f"{k}={v!r}" for k, v in r.options.items()))
        click.echo("")
        click.echo(to_text(r.doc))


@rules_group.command("names")
def rules_names() -> None:
    """The names a rule may ask for (claim, article, pair, ...)."""
    from checker.engine.names import names_doc

    click.echo(names_doc())


@click.command("review")
@click.argument("finding_ids", nargs=-1, metavar="FINDING_ID...")
@click.option(
    "--verdict",
    type=click.Choice([*VERDICTS, "open"]),
    help="confirmed: the figures really conflict (exported as ClaimReview); dismissed: they "
    "do not, or it does not matter (reported, never fails CI again); open: forget the review.",
)
@click.option("--note", default="", help="Why: shown with the finding in every report.")
@click.option(
    "--reviewer",
    default=None,
    help="Who reviewed it (default: the login name); the ClaimReview author.",
)
@click.option(
    "--reviews",
    "--baseline",
    "reviews_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"The reviews file to update (default {DEFAULT_REVIEWS}, or [tool.checker] "
    "reviews). Commit it: CI reads it with check --reviews.",
)
@click.option(
    "--store",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help=f"The store whose findings the ids must name (default {DEFAULT_STORE}).",
)
@click.option("--list", "list_only", is_flag=True, help="List the reviews in the file and exit.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
def review(
    finding_ids: tuple[str, ...],
    verdict: str | None,
    note: str,
    reviewer: str | None,
    reviews_path: Path | None,
    store: Path | None,
    list_only: bool,
    config_path: Path | None,
) -> None:
    """Record a verdict on findings: `checker review 3f2a9c1d --verdict dismissed --note
    "two different strikes"`.

    Each FINDING_ID (or its first 6+ characters) must name a finding the store holds. The
    verdict is written to the reviews file, keyed by finding id (stable across runs).
    """
    from checker.reviews import load_reviews, new_review, save_reviews
    from checker.store import Store

    try:
        settings = resolve_settings(
            load_config(config_path), {"store": store, "reviews": reviews_path, "jobs": 1}
        )
        path = settings.reviews
        reviews = load_reviews(path)
        if list_only:
            for fid, r in sorted(reviews.items()):
                click.echo(f"{fid}  {r.verdict:<9}  {r.rule}  {r.note}")
            return
        if not finding_ids or verdict is None:
            raise UsageError("give FINDING_ID... and --verdict (or --list)")
        db_path = settings.store
        if not Path(db_path).is_file():
            raise UsageError(f"no store at {db_path}: run `checker check` first, or pass --store")
        with Store(db_path) as db:
            found = []
            for given in finding_ids:
                if len(given) < MIN_PREFIX:
                    raise UsageError(
                        f"finding id {given!r} is too short: give {MIN_PREFIX}+ characters"
                    )
                hits = db.find_findings(given)
                if not hits:
                    raise UsageError(
                        f"no finding {given!r} in the store {db_path}; the ids are in the "
                        "reports (JSON finding_id, the HTML report's finding cards)"
                    )
                if len(hits) > 1:
                    raise UsageError(
                        f"{given!r} names {len(hits)} findings "
                        f"({', '.join(h.finding_id for h in hits)}): give more characters"
                    )
                found.append(hits[0])
    except CheckerError as exc:
        _fail(exc)
    who = reviewer if reviewer is not None else _login()
    for f in found:
        if verdict == "open":
            reviews.pop(f.finding_id, None)
        else:
            reviews[f.finding_id] = new_review(f.finding_id, verdict, note, who, f.rule, f.message)
        click.echo(f"{f.finding_id}  {verdict}  {f.rule}: {f.message}")
    save_reviews(path, reviews)
    click.echo(f"checker: {len(found)} review(s) written to {path}", err=True)


@click.command("eval")
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
    help="The FA-KES CSV the gold set's fakes/ and findings/ refer to.",
)
@click.option(
    "--idmc",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("../shared/corpus/idmc-news/articles.jsonl"),
    show_default=True,
    help="The idmc-news JSONL the gold set's idmc/ refers to.",
)
@click.option(
    "--examples",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("examples/idlib"),
    show_default=True,
    help="The seed articles the gold set's seeds/ refer to.",
)
@click.option(
    "--findings",
    is_flag=True,
    help="Score findings (conflicts and updates) against the annotated FA-KES events "
    "instead of extraction.",
)
@click.option(
    "--holdout",
    is_flag=True,
    help="Also score the gold kept aside (idmc holdout, FA-KES holdout, holdout events).",
)
@click.option("--details", is_flag=True, help="List every miss, article by article.")
def eval_cmd(
    gold: Path,
    corpus: Path,
    idmc: Path,
    examples: Path,
    findings: bool,
    holdout: bool,
    details: bool,
) -> None:
    """Score extraction against the hand-annotated gold set: precision, recall and F1 of
    (article, value, category) and each field's accuracy, per set (FA-KES and seeds, idmc
    news; with --holdout the sets kept aside). With --findings, precision and recall of the
    conflicts and updates on the annotated FA-KES events."""
    from checker import evaluate, evaluate_findings

    try:
        if findings:
            for split in ("dev", "holdout") if holdout else ("dev",):
                report = evaluate_findings.evaluate_findings(gold, corpus, (split,))
                click.echo(f"# {split} events")
                click.echo(evaluate_findings.format_findings(report, details))
            return
        sets = evaluate.DEV_SETS + (evaluate.HOLDOUT_SETS if holdout else ())
        reports = evaluate.evaluate_sets(gold, corpus, examples, idmc, sets)
    except CheckerError as exc:
        _fail(exc)
    click.echo(evaluate.format_sets(reports, details))
