"""Rules in a form that pickles, for other processes and other machines.

A rule module is compiled by :func:`checker.engine.loader.load_module` (pytest's assertion
rewriting) and registered under a generated name, so its functions cannot be pickled by
reference: another process importing that name would get the module without the rewriting,
or nothing. A :class:`RulePlan` carries each rule without its function, and each module's
path and source; :meth:`RulePlan.load` rebuilds the rules in the process it runs in, from
the file at that path when it holds the same source (the same machine, a shared file
system, the built-in rules of the same install), else from the shipped source (written to
a private temporary folder first), once per process.
"""

from __future__ import annotations

import dataclasses
import hashlib
import sys
import tempfile
import threading
import types
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.engine import Rule
from checker.engine.loader import load_module


@dataclass(frozen=True)
class RuleModule:
    """A rule module as another process rebuilds it: its name, where it was, its source."""

    name: str
    path: str
    source: bytes

    @property
    def digest(self) -> str:
        return hashlib.sha1(self.source).hexdigest()


def _not_loaded(**_: Any) -> None:
    raise RuntimeError("a shipped rule was called before RulePlan.load() rebuilt it")


@dataclass(frozen=True)
class RulePlan:
    """The rules of a run in a form that pickles: each rule without its function (rebuilt
    where it is loaded, from its module's source) unless the function is importable anyway."""

    rules: tuple[Rule, ...]
    modules: tuple[RuleModule, ...]
    #: index in ``rules`` -> (module name, function name) to rebuild
    rebuild: tuple[tuple[int, str, str], ...]

    @classmethod
    def of(cls, rules: Sequence[Rule]) -> RulePlan:
        shipped: list[Rule] = []
        modules: dict[str, RuleModule] = {}
        rebuild: list[tuple[int, str, str]] = []
        for i, r in enumerate(rules):
            module = sys.modules.get(r.func.__module__)
            if module is None or not _loaded_rule_module(module):
                shipped.append(r)  # a plain importable function: pickled by reference
                continue
            if module.__name__ not in modules:
                path = Path(str(module.__file__))
                modules[module.__name__] = RuleModule(module.__name__, str(path), path.read_bytes())
            rebuild.append((i, module.__name__, r.func.__name__))
            shipped.append(dataclasses.replace(r, func=_not_loaded))
        return cls(tuple(shipped), tuple(modules.values()), tuple(rebuild))

    @property
    def key(self) -> str:
        h = hashlib.sha1()
        for m in self.modules:
            h.update(f"{m.name}\x1f{m.digest}\x1f".encode())
        h.update(repr([(r.id, r.severity, sorted(r.options.items())) for r in self.rules]).encode())
        return h.hexdigest()

    def load(self) -> list[Rule]:
        """The runnable rules (loaded once per plan and process)."""
        with _LOCK:
            key = self.key
            if key not in _LOADED_PLANS:
                modules = {m.name: _load_module(m) for m in self.modules}
                rules = list(self.rules)
                for i, module_name, func_name in self.rebuild:
                    rules[i] = dataclasses.replace(
                        rules[i], func=getattr(modules[module_name], func_name)
                    )
                _LOADED_PLANS[key] = rules
            return _LOADED_PLANS[key]


_LOCK = threading.Lock()
_LOADED_PLANS: dict[str, list[Rule]] = {}
_LOADED_MODULES: dict[tuple[str, str], types.ModuleType] = {}


def _loaded_rule_module(module: types.ModuleType) -> bool:
    """Whether ``module`` was made by load_module (no import spec, a file of source)."""
    return getattr(module, "__spec__", None) is None and bool(getattr(module, "__file__", None))


def _load_module(m: RuleModule) -> types.ModuleType:
    """``m`` compiled as load_module compiles rules: from its path when the file there holds
    the same source, else from the shipped source (written to a private temp folder)."""
    cached = _LOADED_MODULES.get((m.name, m.digest))
    if cached is not None:
        return cached
    package = m.name.rpartition(".")[0] or "checker_rules"
    path = Path(m.path)
    try:
        same = path.is_file() and hashlib.sha1(path.read_bytes()).hexdigest() == m.digest
    except OSError:
        same = False
    if not same:
        folder = Path(tempfile.gettempdir()) / f"checker-rules-{m.digest}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / Path(m.path).name
        path.write_bytes(m.source)
    module = load_module(path, package)
    _LOADED_MODULES[(m.name, m.digest)] = module
    return module
