"""Names a package offers but imports on first use: one module ``__getattr__`` for all.

``checker``, ``checker.ingest`` and ``checker.report`` each name what they offer and the
module that defines it; :func:`lazy_attributes` makes their ``__getattr__``, so importing
the package (``checker --help``, ``import checker.records``) loads none of those modules
until a name is asked for. Each package imports the same names under ``TYPE_CHECKING`` for
the type checker.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_attributes(
    package: str, names: Mapping[str, str], namespace: dict[str, Any]
) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: each of ``names`` (name -> the module that
    defines it) imported when first asked for, and kept in ``namespace`` (the package's
    ``globals()``) so it is looked up only once."""

    def __getattr__(name: str) -> Any:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    return __getattr__
