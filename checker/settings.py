"""The settings of a run, resolved in one place for the CLI, notebooks and CI scripts alike.

:func:`resolve_settings` merges, in this order (the later wins): the library's defaults,
the project's ``[tool.checker]`` (a :class:`~checker.config.Config`, or the path of a
pyproject.toml), and the caller's overrides (the command line's flags, a notebook's
keywords)::

    >>> from checker.settings import resolve_settings
    >>> s = resolve_settings(None, {"jobs": 2, "fail_on": "medium", "store": ":memory:"})
    >>> s.jobs, s.fail_on, s.ingest.outlet_date_order["manar"]
    (2, 'medium', 'DMY')

An override of ``None`` means "not given" (a flag left out). An unknown key, or a value out
of range, is a :class:`~checker.errors.UsageError`.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.budget import ARTICLE_TIMEOUT
from checker.config import FAIL_ON, Config, load_config
from checker.errors import UsageError
from checker.ingest.options import IngestOptions, default_outlet_orders
from checker.reviews import DEFAULT_REVIEWS
from checker.store_layout import DEFAULT_STORE

if TYPE_CHECKING:
    from checker.engine import Rule
    from checker.engine.loader import RuleSettings

#: the severity at or above which a finding fails the run when nothing else says
DEFAULT_FAIL_ON = "high"
ENGINES: tuple[str, ...] = ("local", "dask")

#: the keys :func:`resolve_settings` takes as overrides
OVERRIDES: tuple[str, ...] = (
    "store",
    "rule_dirs",
    "select",
    "ignore",
    "fail_on",
    "engine",
    "scheduler",
    "jobs",
    "article_timeout",
    "rule_timeout",
    "outlet",
    "columns",
    "date_order",
    "outlet_date_order",
    "stdin_format",
    "reviews",
)


@dataclass
class RuleSelection:
    """Which rules run: built-ins plus ``dirs``, filtered by id/module, with settings."""

    dirs: Sequence[Path] = ()
    only: Sequence[str] = ()
    skip: Sequence[str] = ()
    settings: dict[str, RuleSettings] = field(default_factory=dict)
    builtin: bool = True
    #: seconds one call of a rule may take (a rule's own setting wins)
    timeout: float | None = None

    #: where ``skip`` entries came from, for messages ("--ignore", "disable in pyproject.toml")
    skip_origin: str = "--ignore or [tool.checker] disable"

    def load(self) -> list[Rule]:
        """The selected rules; a ``--select``/``--ignore``/``disable`` entry that names no
        rule (a typo) is a :class:`~checker.errors.UsageError`, not a silent no-op."""
        from checker.engine import load_rules, select

        every = load_rules(
            self.dirs,
            builtin=self.builtin,
            settings=self.settings,
            include_disabled=True,
            timeout=self.timeout,
        )
        check_rule_names(every, self.only, "--select")
        check_rule_names(every, self.skip, self.skip_origin)
        return select([r for r in every if r.enabled], self.only, self.skip)


def check_rule_names(rules: Sequence[Rule], names: Sequence[str], origin: str) -> None:
    """Raise :class:`~checker.errors.UsageError` for a name that is neither a rule id nor a
    rule module among ``rules``, suggesting the closest ids."""
    ids = [r.id for r in rules]
    known = set(ids) | {i.rsplit(".", 1)[0] for i in ids}
    unknown = [n for n in names if n not in known]
    if not unknown:
        return
    hints = []
    for n in unknown:
        close = difflib.get_close_matches(n, sorted(known), n=2, cutoff=0.6)
        hints.append(f"{n!r}" + (f" (did you mean {' or '.join(close)}?)" if close else ""))
    raise UsageError(
        f"{origin} names no rule: {', '.join(hints)}; `checker rules list` shows the ids "
        "(a rule id, or a module name for all its rules)"
    )


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know besides its inputs (see :func:`resolve_settings`)."""

    #: the project settings the run was resolved from (``config.path`` None: no file)
    config: Config
    store: str | Path
    rules: RuleSelection
    #: "low" | "medium" | "high" | "never" (:meth:`checker.records.CheckResult.fails`)
    fail_on: str
    #: "local" (processes of this machine) or "dask" (a dask.distributed cluster)
    engine: str
    #: the Dask scheduler's address (engine "dask"; None: a local cluster)
    scheduler: str | None
    #: processes extracting (and checking) on this machine
    jobs: int
    article_timeout: float | None
    ingest: IngestOptions
    #: the reviews file, and whether it must exist (named by the caller)
    reviews: Path
    reviews_required: bool = False


def resolve_settings(
    config: Config | str | Path | None = None, overrides: Mapping[str, Any] | None = None
) -> Settings:
    """The settings of a run: library defaults, then ``config`` (a loaded
    :class:`~checker.config.Config`, a pyproject.toml path to read, or None for none), then
    ``overrides`` (keys of :data:`OVERRIDES`; None values are left out)."""
    cfg = config if isinstance(config, Config) else _load(config)
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    unknown = sorted(set(given) - set(OVERRIDES))
    if unknown:
        raise UsageError(f"unknown setting(s) {', '.join(unknown)}; known: {', '.join(OVERRIDES)}")
    fail_on = str(given.get("fail_on") or cfg.fail_on or DEFAULT_FAIL_ON)
    if fail_on not in FAIL_ON:
        raise UsageError(f"fail_on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    engine = str(given.get("engine", "local"))
    if engine not in ENGINES:
        raise UsageError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    scheduler = given.get("scheduler")
    if scheduler and engine != "dask":
        raise UsageError("--scheduler goes with --engine dask")
    jobs = given.get("jobs")
    if jobs is None:
        from checker.run.parallel import default_jobs

        jobs = default_jobs()
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise UsageError(f"jobs must be a whole number of processes, 1 or more, not {jobs!r}")
    rules = RuleSelection(
        dirs=[*cfg.rule_dirs, *(Path(d) for d in given.get("rule_dirs", ()))],
        only=list(given.get("select", ())),
        skip=[*cfg.disable, *given.get("ignore", ())],
        settings=cfg.rules,
        timeout=given.get("rule_timeout", cfg.rule_timeout),
    )
    ingest = IngestOptions(
        outlet=given.get("outlet"),
        columns=_columns(given.get("columns", {})),
        date_order=given.get("date_order"),
        outlet_date_order={
            **default_outlet_orders(),
            **cfg.outlet_date_order,
            **{k.lower(): v for k, v in given.get("outlet_date_order", {}).items()},
        },
        stdin_format=given.get("stdin_format", "auto"),
    )
    return Settings(
        config=cfg,
        store=given.get("store") or cfg.store or DEFAULT_STORE,
        rules=rules,
        fail_on=fail_on,
        engine=engine,
        scheduler=scheduler,
        jobs=jobs,
        article_timeout=given.get("article_timeout") or cfg.article_timeout or ARTICLE_TIMEOUT,
        ingest=ingest,
        reviews=Path(given.get("reviews") or cfg.reviews or DEFAULT_REVIEWS),
        reviews_required="reviews" in given,
    )


def _load(path: str | Path | None) -> Config:
    return Config() if path is None else load_config(Path(path))


def _columns(columns: Mapping[str, str] | Sequence[str]) -> dict[str, str]:
    """Field -> column, from a mapping or ``FIELD=COLUMN`` strings (``--column``)."""
    if isinstance(columns, Mapping):
        return dict(columns)
    mapping: dict[str, str] = {}
    for item in columns:
        name, sep, column = item.partition("=")
        if not sep or not name or not column:
            raise UsageError(f"--column takes FIELD=COLUMN (e.g. text=story), not {item!r}")
        mapping[name] = column
    return mapping
