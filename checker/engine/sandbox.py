"""Rule code, run so that nothing it does ends, hangs or corrupts the run.

Rules are Python the user trusts (``--rules`` runs what it names), but an unlucky rule must
still not take the run down with it. While rules run (and while a rule module is imported),
:func:`guarded`:

* captures what they write to ``sys.stdout`` (per thread), and points file descriptor 1 at
  standard error: ``--format json`` on standard output stays one JSON document whatever a
  rule prints; the runner reports a rule that printed, once, as a warning;
* makes ``os._exit`` raise :class:`RuleExit` instead of ending the process at once (a
  ``sys.exit`` raises ``SystemExit`` anyway): the runner records either as a rule error.

Each call of a rule runs under a time budget (:func:`checker.budget.time_limit`, default
:data:`DEFAULT_RULE_TIMEOUT`, ``timeout`` per rule or ``rule_timeout`` in
``[tool.checker]``); a call over it is a rule error too. A rule that kills its own process
some other way (``os.kill``, a crash in C) cannot be stopped from inside: with ``--jobs N``
its part of the run is recorded as lost (:mod:`checker.run.partitions`) and the run goes on.
"""

from __future__ import annotations

import io
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn, TextIO

#: seconds one call of a rule may take (a rule looks at a claim, a pair, a group...)
DEFAULT_RULE_TIMEOUT = 10.0
#: seconds importing one rule module may take
IMPORT_TIMEOUT = 30.0


class RuleExit(BaseException):
    """Raised in place of ``os._exit(code)`` while rules run (a ``BaseException``, as
    ``SystemExit`` is: a rule's ``except Exception`` does not catch it)."""

    def __init__(self, code: int = 0) -> None:
        super().__init__(code)
        self.code = code

    def __str__(self) -> str:
        return f"os._exit({self.code})"


def exit_words(exc: BaseException) -> str:
    """How a rule tried to end the process: ``sys.exit(0)``, ``os._exit(3)``."""
    if isinstance(exc, RuleExit):
        return str(exc)
    code = exc.code if isinstance(exc, SystemExit) else None
    return f"sys.exit({code!r})" if code is not None else "sys.exit()"


class _Local(threading.local):
    buffer: io.StringIO | None = None


_LOCAL = _Local()
_LOCK = threading.Lock()
_DEPTH = 0
_REAL_EXIT = os._exit


class _ThreadStdout(io.TextIOBase):
    """``sys.stdout`` while rules run: a guarded thread's writes go to its buffer, every
    other thread's to the real stream."""

    def __init__(self, real: TextIO) -> None:
        super().__init__()
        self.real = real

    def write(self, text: str) -> int:
        buffer = _LOCAL.buffer
        if buffer is not None:
            return buffer.write(text)
        return self.real.write(text)

    def flush(self) -> None:
        if _LOCAL.buffer is None:
            self.real.flush()

    def isatty(self) -> bool:
        return False if _LOCAL.buffer is not None else self.real.isatty()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def _refuse_exit(status: int) -> NoReturn:
    if _LOCAL.buffer is not None:
        raise RuleExit(status)
    _REAL_EXIT(status)


class Capture:
    """What the guarded code of one thread wrote to ``sys.stdout``."""

    def __init__(self, buffer: io.StringIO) -> None:
        self._buffer = buffer

    def take(self) -> str:
        """The output since the last call (and forget it)."""
        text = self._buffer.getvalue()
        if text:
            self._buffer.seek(0)
            self._buffer.truncate()
        return text


@contextmanager
def guarded() -> Iterator[Capture]:
    """Run rule code: its standard output captured (see :class:`Capture`), ``os._exit``
    raising :class:`RuleExit`. Nestable, and usable from several threads at once."""
    if _LOCAL.buffer is not None:  # nested: the outer capture goes on
        yield Capture(_LOCAL.buffer)
        return
    _enter()
    _LOCAL.buffer = io.StringIO()
    try:
        yield Capture(_LOCAL.buffer)
    finally:
        _LOCAL.buffer = None
        _leave()


_SAVED: dict[str, Any] = {}


def _enter() -> None:
    global _DEPTH
    with _LOCK:
        _DEPTH += 1
        if _DEPTH > 1:
            return
        real = sys.stdout
        _SAVED["stdout"] = real
        sys.stdout = _ThreadStdout(real)
        os._exit = _refuse_exit
        _SAVED["fd"] = _redirect_fd1()


def _leave() -> None:
    global _DEPTH
    with _LOCK:
        _DEPTH -= 1
        if _DEPTH > 0:
            return
        os._exit = _REAL_EXIT
        if isinstance(sys.stdout, _ThreadStdout):
            sys.stdout = _SAVED["stdout"]
        _restore_fd1(_SAVED.pop("fd", None))
        _SAVED.clear()


def _redirect_fd1() -> int | None:
    """Point file descriptor 1 at standard error (writes below ``sys.stdout``, by C code or
    ``os.write(1, ...)``); the saved descriptor, or None when there is nothing to redirect."""
    try:
        real = _SAVED["stdout"]
        real.flush()
        saved = os.dup(1)
        os.dup2(2, 1)
    except (OSError, ValueError, AttributeError):
        return None
    return saved


def _restore_fd1(saved: int | None) -> None:
    if saved is None:
        return
    try:
        os.dup2(saved, 1)
    finally:
        os.close(saved)
