"""Discovering rules the way pytest discovers tests, with pytest's assertion rewriting.

* A rule folder is the built-in ``rules/`` (shipped as ``checker.builtin_rules``), or a
  folder (or one ``.py`` file) named with ``--rules`` or in ``[tool.checker] rules``.
  Only what is named is loaded, never a folder of articles; loading a rule module runs it:
  ``--rules`` executes Python, so point it only at code you trust.
* In a folder, every ``*.py`` file not starting with ``_`` or ``test_`` is a rule module
  (not recursive); in a module, every function named ``check_*`` defined there is a rule.
* The rule's id is ``<module>.<function>``, its documentation its docstring.
* Each module's source is compiled with pytest's assertion rewriting, so a plain ``assert``
  reports the values it compared, and asserts stay live under ``python -O`` (the rewritten
  code raises explicitly instead of relying on the ``assert`` statement).
"""

from __future__ import annotations

import ast
import importlib.resources
import inspect
import sys
import types
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _pytest.assertion.rewrite import rewrite_asserts

from checker.budget import time_limit
from checker.engine.marks import MARK_ATTR, RuleMark
from checker.engine.names import EXTRA_NAMES, KNOWN_NAMES, SUBJECT_NAMES
from checker.engine.sandbox import (
    DEFAULT_RULE_TIMEOUT,
    IMPORT_TIMEOUT,
    RuleExit,
    exit_words,
    guarded,
)
from checker.errors import BudgetExceeded, ConfigError, RuleLoadError
from checker.records import SEVERITIES

RULE_PREFIX = "check_"


@dataclass(frozen=True)
class RuleSettings:
    """Per-project overrides of one rule (``[tool.checker.rules."<id>"]``)."""

    enabled: bool | None = None
    severity: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    #: seconds one call of the rule may take (None: the run's default)
    timeout: float | None = None


@dataclass(frozen=True)
class Rule:
    """A loaded rule: the function, what it asks for, and its effective settings."""

    id: str
    func: Callable[..., Any]
    subject: str
    wants_options: bool
    severity: str
    options: Mapping[str, Any]
    doc: str
    path: Path
    enabled: bool = True
    #: the kind of its findings (``conflict``, ``toll_updated``, ... or its own word)
    kind: str = "finding"
    #: seconds one call may take before it is stopped and recorded as a rule error
    timeout: float = DEFAULT_RULE_TIMEOUT

    @property
    def summary(self) -> str:
        """The docstring's first paragraph on one line: what the rule flags."""
        return " ".join(self.doc.strip().split("\n\n", 1)[0].split())

    def call(self, subject: Any) -> Any:
        kwargs: dict[str, Any] = {self.subject: subject}
        if self.wants_options:
            kwargs["options"] = dict(self.options)
        return self.func(**kwargs)


def builtin_rules_dir() -> Path:
    """The folder of the rules shipped with checker (``rules/`` in the repository)."""
    return Path(str(importlib.resources.files("checker.builtin_rules")))


def load_module(path: Path, package: str = "checker_rules") -> types.ModuleType:
    """Compile and run one rule module with pytest's assertion rewriting."""
    try:
        source = path.read_bytes()
        tree = ast.parse(source, filename=str(path))
    except OSError as exc:
        raise RuleLoadError(f"{path}: cannot read the rule module ({exc.strerror}).") from exc
    except SyntaxError as exc:
        raise RuleLoadError(
            f"{path}:{exc.lineno}: syntax error in rule module: {exc.msg}. Fix the file or "
            "leave it out of --rules."
        ) from exc
    rewrite_asserts(tree, source, str(path), None)
    name = f"{package}.{path.stem}"
    module = types.ModuleType(name)
    module.__file__ = str(path)
    sys.modules[name] = module  # dataclasses and pickling look modules up by name
    code = compile(tree, str(path), "exec", dont_inherit=True, optimize=0)
    try:
        # guarded: what the module prints stays off standard output, and it may not end
        # the run (sys.exit, os._exit) or hang it (a loop at import)
        with guarded(), time_limit(IMPORT_TIMEOUT, f"importing {path}"):
            exec(code, module.__dict__)
    except BudgetExceeded as exc:
        sys.modules.pop(name, None)
        raise RuleLoadError(
            f"{path}: importing the rule module took longer than {exc.seconds:g} s (an endless "
            "loop at import?) and was stopped. Fix the module or leave it out of --rules."
        ) from None
    except (SystemExit, RuleExit) as exc:
        sys.modules.pop(name, None)
        raise RuleLoadError(
            f"{path}: importing the rule module called {exit_words(exc)}; a rule module may "
            "not end the run. Fix the module or leave it out of --rules."
        ) from None
    except Exception as exc:
        sys.modules.pop(name, None)
        raise RuleLoadError(
            f"{path}: importing the rule module raised {type(exc).__name__}: {exc}"
        ) from exc
    return module


def collect(
    module: types.ModuleType,
    path: Path,
    settings: Mapping[str, RuleSettings],
    timeout: float | None = None,
) -> list[Rule]:
    """The rules a loaded module defines, checked and with their settings applied."""
    rules = []
    for fname, func in vars(module).items():
        if not fname.startswith(RULE_PREFIX) or not inspect.isfunction(func):
            continue
        if func.__module__ != module.__name__:
            continue  # imported from elsewhere, not defined here
        rules.append(make_rule(func, f"{path.stem}.{fname}", path, settings, timeout))
    return rules


def make_rule(
    func: Callable[..., Any],
    rule_id: str,
    path: Path,
    settings: Mapping[str, RuleSettings],
    timeout: float | None = None,
) -> Rule:
    """Check a rule function's signature and docstring and apply its settings."""
    where = f"{path}: rule {rule_id}"
    params = list(inspect.signature(func).parameters.values())
    names = [p.name for p in params]
    unknown = [n for n in names if n not in KNOWN_NAMES]
    if unknown:
        raise RuleLoadError(
            f"{where} asks for unknown name(s) {', '.join(map(repr, unknown))}; a rule may ask "
            f"for one of {', '.join(SUBJECT_NAMES)} and optionally {', '.join(EXTRA_NAMES)} "
            "(see `checker rules names`)."
        )
    subjects = [n for n in names if n in SUBJECT_NAMES]
    if len(subjects) != 1:
        raise RuleLoadError(
            f"{where} must ask for exactly one of {', '.join(SUBJECT_NAMES)}, "
            f"not {subjects or 'none'}."
        )
    doc = inspect.getdoc(func) or ""
    if not doc.strip():
        raise RuleLoadError(
            f"{where} has no docstring; its docstring is the finding's explanation: say what "
            "it flags and why it matters."
        )
    mark: RuleMark = getattr(func, MARK_ATTR, RuleMark())
    s = settings.get(rule_id, RuleSettings())
    severity = s.severity or mark.severity
    if severity not in SEVERITIES:
        raise ConfigError(f"rule {rule_id}: severity {severity!r} is not one of {SEVERITIES}")
    unknown_opts = set(s.options) - set(mark.options)
    if unknown_opts:
        raise ConfigError(
            f"rule {rule_id} has no option(s) {sorted(unknown_opts)}; it has "
            f"{sorted(mark.options) or 'none'}."
        )
    return Rule(
        id=rule_id,
        func=func,
        subject=subjects[0],
        wants_options="options" in names,
        severity=severity,
        options={**mark.options, **s.options},
        doc=doc,
        path=path,
        enabled=True if s.enabled is None else s.enabled,
        kind=mark.kind or func.__name__.removeprefix(RULE_PREFIX),
        timeout=s.timeout or timeout or DEFAULT_RULE_TIMEOUT,
    )


def rule_files(location: Path) -> list[Path]:
    """The rule modules in a folder (sorted), or the file itself."""
    if location.is_file():
        return [location]
    if not location.is_dir():
        raise RuleLoadError(f"{location}: no such rule folder or file (from --rules or config).")
    return sorted(p for p in location.glob("*.py") if not p.name.startswith(("_", "test_")))


def load_rules(
    folders: Sequence[Path] = (),
    *,
    builtin: bool = True,
    settings: Mapping[str, RuleSettings] | None = None,
    include_disabled: bool = False,
    timeout: float | None = None,
) -> list[Rule]:
    """Load the built-in rules and those in ``folders``, in that order, ids unique.

    ``timeout``: seconds one call of a rule may take (a rule's own ``timeout`` setting
    wins; default :data:`~checker.engine.sandbox.DEFAULT_RULE_TIMEOUT`)."""
    settings = settings or {}
    locations: list[tuple[Path, str]] = []
    if builtin:
        locations.append((builtin_rules_dir(), "checker.builtin_rules"))
    locations += [(Path(f), f"checker_user_rules_{i}") for i, f in enumerate(folders)]
    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    for location, package in locations:
        for path in rule_files(location):
            for r in collect(load_module(path, package), path, settings, timeout):
                if r.id in seen:
                    raise RuleLoadError(
                        f"rule id {r.id} is defined in both {seen[r.id]} and {r.path}; "
                        "rename one module or function."
                    )
                seen[r.id] = r.path
                rules.append(r)
    unknown = set(settings) - set(seen)
    if unknown:
        raise ConfigError(
            f"[tool.checker.rules] names unknown rule(s) {sorted(unknown)}; "
            "`checker rules list` shows the ids."
        )
    return rules if include_disabled else [r for r in rules if r.enabled]


def select(rules: Iterable[Rule], only: Sequence[str] = (), skip: Sequence[str] = ()) -> list[Rule]:
    """Filter by rule id or module prefix (``--select``/``--ignore``)."""

    def hit(r: Rule, pats: Sequence[str]) -> bool:
        return any(r.id == p or r.id.startswith(p + ".") for p in pats)

    return [r for r in rules if (not only or hit(r, only)) and not hit(r, skip)]


def named(rules: Iterable[Rule], name: str) -> list[Rule]:
    """The rules ``name`` names (``checker rules explain``): its full id, or the id's last
    part ("numbers_disagree" for "cross_outlet.numbers_disagree")."""
    return [r for r in rules if r.id == name or r.id.rsplit(".", 1)[-1] == name]
