"""Project settings from ``[tool.checker]`` in the current folder's pyproject.toml.

Example::

    [tool.checker]
    rule_dirs = ["newsroom_rules"]      # extra rule folders, relative to pyproject.toml
    disable = ["dateline"]              # rule ids or whole modules
    fail_on = "high"                    # low | medium | high | never
    store = ".checker/claims.sqlite"
    reviews = "checker-reviews.json"    # verdicts of `checker review` (commit it)

    [tool.checker.outlet_date_order]    # how an outlet writes 05.02.2015
    sputnik = "DMY"

    rule_timeout = 10                   # seconds one call of a rule may take
    article_timeout = 10                # seconds extracting one article may take

    [tool.checker.rules."cross_outlet.check_incompatible_counts"]
    severity = "medium"                 # override the rule's severity
    enabled = true
    timeout = 30                        # this rule's own time budget per call
    tolerance = 0.2                     # any other key overrides one of the rule's options

Command-line flags win over these. Only the pyproject.toml in the working folder (or the
one named by ``--config``) is read: nothing outside the project; ``--no-config`` reads none.
That file decides which code runs (``rule_dirs``), which rules are off and when a run fails
(``fail_on = "never"``), so every run says which file and rule folders are in force
(:func:`describe`), and a CI job that must not trust the working folder passes
``--no-config`` or ``--config FILE``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomllib

from checker.errors import ConfigError

if TYPE_CHECKING:
    from checker.engine.loader import RuleSettings

FAIL_ON = ("low", "medium", "high", "never")


@dataclass
class Config:
    path: Path | None = None
    rule_dirs: list[Path] = field(default_factory=list)
    disable: list[str] = field(default_factory=list)
    rules: dict[str, RuleSettings] = field(default_factory=dict)
    outlet_date_order: dict[str, str] = field(default_factory=dict)
    fail_on: str | None = None
    store: Path | None = None
    #: the reviews file (``checker review``), relative to pyproject.toml
    reviews: Path | None = None
    rule_timeout: float | None = None
    article_timeout: float | None = None
    #: whether ``path`` holds a ``[tool.checker]`` table (a pyproject.toml may have none)
    has_table: bool = False


def load_config(path: Path | None = None, *, use: bool = True) -> Config:
    """Read ``[tool.checker]``; no file or no table gives the defaults; so does
    ``use=False`` (``--no-config``), whatever the working folder holds."""
    if not use:
        return Config()
    explicit = path is not None
    path = path or Path("pyproject.toml")
    if not path.is_file():
        if explicit:
            raise ConfigError(f"{path}: no such config file (from --config).")
        return Config()
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}. Fix it or pass --config.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read it ({exc}). Fix it or pass --no-config.") from exc
    tool = data.get("tool", {})
    table = tool.get("checker") if isinstance(tool, dict) else None
    if table is None:
        return Config(path=path)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.checker] must be a table.")
    cfg = parse_table(table, path)
    cfg.has_table = True
    return cfg


def describe(cfg: Config, rule_dirs: Sequence[Path] = ()) -> str:
    """One line saying which config file and rule folders are in force (every run prints
    it: the working folder's pyproject.toml can add code and turn rules off)."""
    if cfg.path is None:
        where = "none"
    elif not cfg.has_table:
        where = f"none ({cfg.path} has no [tool.checker])"
    else:
        where = str(cfg.path)
        settings = [
            f"{k} {v}"
            for k, v in (
                ("disable", ", ".join(cfg.disable)),
                ("fail_on", cfg.fail_on),
                ("store", cfg.store),
            )
            if v
        ]
        if settings:
            where += f" ({'; '.join(settings)})"
    folders = ", ".join(["built-in", *(str(d) for d in [*cfg.rule_dirs, *rule_dirs])])
    return f"config: {where}; rules: {folders}"


def parse_table(table: dict[str, Any], path: Path) -> Config:
    base = path.parent
    known = {
        "rule_dirs",
        "rules",
        "disable",
        "fail_on",
        "store",
        "outlet_date_order",
        "reviews",
        "rule_timeout",
        "article_timeout",
    }
    unknown = set(table) - known
    if unknown:
        raise ConfigError(
            f"{path}: unknown [tool.checker] key(s) {sorted(unknown)}; known: {sorted(known)}."
        )
    cfg = Config(path=path)
    rules = table.get("rules", {})
    if not isinstance(rules, dict):
        raise ConfigError(
            f"{path}: [tool.checker.rules] must be tables named by rule id; "
            "list extra rule folders in rule_dirs."
        )
    cfg.rules = {rid: _settings(rid, t, path) for rid, t in rules.items()}
    dirs = table.get("rule_dirs", [])
    if not isinstance(dirs, list):
        raise ConfigError(f"{path}: [tool.checker] rule_dirs must be a list of folders.")
    cfg.rule_dirs = [base / str(r) for r in dirs]
    cfg.disable = [str(x) for x in table.get("disable", [])]
    fail_on = table.get("fail_on")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise ConfigError(f"{path}: fail_on must be one of {FAIL_ON}, not {fail_on!r}.")
    cfg.fail_on = fail_on
    if "store" in table:
        cfg.store = base / str(table["store"])
    if "reviews" in table:
        cfg.reviews = base / str(table["reviews"])
    cfg.outlet_date_order = {
        str(k).lower(): str(v) for k, v in table.get("outlet_date_order", {}).items()
    }
    cfg.rule_timeout = _seconds(table.get("rule_timeout"), "rule_timeout", path)
    cfg.article_timeout = _seconds(table.get("article_timeout"), "article_timeout", path)
    return cfg


def _seconds(value: Any, key: str, path: Path) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < 1e6:
        raise ConfigError(f"{path}: {key} must be a number of seconds above 0, not {value!r}.")
    return float(value)


def _settings(rule_id: str, t: Any, path: Path) -> RuleSettings:
    from checker.engine.loader import RuleSettings  # (the engine loads pytest: not for --help)

    if not isinstance(t, dict):
        raise ConfigError(f'{path}: [tool.checker.rules."{rule_id}"] must be a table.')
    t = dict(t)
    enabled = t.pop("enabled", None)
    severity = t.pop("severity", None)
    timeout = _seconds(t.pop("timeout", None), f'rules."{rule_id}".timeout', path)
    return RuleSettings(enabled=enabled, severity=severity, options=t, timeout=timeout)
