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

    [tool.checker.rules."cross_outlet.check_incompatible_counts"]
    severity = "medium"                 # override the rule's severity
    enabled = true
    tolerance = 0.2                     # any other key overrides one of the rule's options

Command-line flags win over these. Only the pyproject.toml in the working folder (or the
one named by ``--config``) is read: nothing outside the project.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomllib

from checker.engine.loader import RuleSettings
from checker.errors import ConfigError

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


def load_config(path: Path | None = None) -> Config:
    """Read ``[tool.checker]``; no file or no table gives the defaults."""
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
    table: dict[str, Any] = data.get("tool", {}).get("checker", {})
    return parse_table(table, path)


def parse_table(table: dict[str, Any], path: Path) -> Config:
    base = path.parent
    known = {"rule_dirs", "rules", "disable", "fail_on", "store", "outlet_date_order", "reviews"}
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
    return cfg


def _settings(rule_id: str, t: Any, path: Path) -> RuleSettings:
    if not isinstance(t, dict):
        raise ConfigError(f'{path}: [tool.checker.rules."{rule_id}"] must be a table.')
    t = dict(t)
    enabled = t.pop("enabled", None)
    severity = t.pop("severity", None)
    return RuleSettings(enabled=enabled, severity=severity, options=t)
