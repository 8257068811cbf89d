"""Time budgets: run one call for at most N seconds, in any thread of any process.

``with time_limit(5.0, "extracting article 12"):`` raises :class:`BudgetExceeded` in the
calling thread once 5 s have passed. How:

* in the main thread of a process (``checker check --jobs 1``, and each ``--jobs N`` pool
  worker) a ``SIGALRM`` timer (``setitimer``): it interrupts a Python loop between two
  bytecodes, and a blocking system call;
* in any other thread (a Dask worker runs tasks in threads), or where there is no
  ``setitimer`` (Windows), one watchdog thread per process that raises the exception in
  the late thread (``PyThreadState_SetAsyncExc``) at its next bytecode.

Neither interrupts one long call into C (a single regular-expression match, one
``str.join``): the extractors bound their own work (patterns that cannot backtrack over an
unbounded run, capped sentences and number words), and the budget is the backstop for the
rest. :class:`BudgetExceeded` is a ``BaseException``, as ``KeyboardInterrupt`` is, so an
``except Exception`` in the interrupted code (a rule's, a library's) cannot swallow it.
"""

from __future__ import annotations

import ctypes
import heapq
import itertools
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from types import FrameType

from checker.errors import BudgetExceeded

#: seconds extracting one article may take (``article_timeout`` in ``[tool.checker]``);
#: an article of 1 MB takes well under one on one core
ARTICLE_TIMEOUT = 10.0

__all__ = ["BudgetExceeded", "repeated_limit", "time_limit"]


@contextmanager
def time_limit(seconds: float | None, what: str = "the call") -> Iterator[None]:
    """Raise :class:`BudgetExceeded` (naming ``what``) if the block runs over ``seconds``.

    ``None`` or a value <= 0 means no limit. Nested limits in the main thread restore the
    outer timer (less the time spent inside) when the inner block ends.
    """
    if seconds is None or seconds <= 0:
        yield
        return
    if _can_alarm():
        with _alarm(seconds, what):
            yield
    else:
        with _WATCHDOG.limit(seconds, what):
            yield


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def _alarm(seconds: float, what: str) -> Iterator[None]:
    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise BudgetExceeded(what, seconds)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    outer, interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            left = outer - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-3), interval)


#: the handler in place, as ``signal.getsignal`` gives it but without its conversion to an
#: enum (which, for a function handler, raises and catches: 4 us a call); CPython's C module
_raw_getsignal: Callable[[int], object] = getattr(
    getattr(signal, "_signal", None), "getsignal", signal.getsignal
)

Limit = Callable[[], AbstractContextManager[None]]


@contextmanager
def repeated_limit(seconds: float | None, what: str = "the call") -> Iterator[Limit]:
    """For a loop of calls, each under ``time_limit(seconds, what)``: yields a function
    giving one call's limit. The same budget as :func:`time_limit`, cheaper when the calls
    are many and short (a rule over thousands of pairs): in the main thread the ``SIGALRM``
    handler is installed once for the loop, so a call only starts and stops the timer (and
    puts the handler back if the call changed it). Under an outer limit, in another
    thread, or without ``setitimer``, each call gets its own :func:`time_limit`."""
    if (
        seconds is None
        or seconds <= 0
        or not _can_alarm()
        or signal.getitimer(signal.ITIMER_REAL)[0] > 0
    ):
        yield lambda: time_limit(seconds, what)
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise BudgetExceeded(what, seconds)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    try:
        yield _Armed(seconds, on_alarm)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _Armed(AbstractContextManager[None]):
    """One call's limit in :func:`repeated_limit`'s loop (the object is its own factory)."""

    __slots__ = ("handler", "seconds")

    def __init__(self, seconds: float, handler: Callable[[int, FrameType | None], None]) -> None:
        self.seconds = seconds
        self.handler = handler

    def __call__(self) -> _Armed:
        return self

    def __enter__(self) -> None:
        if _raw_getsignal(signal.SIGALRM) is not self.handler:  # the last call replaced it
            signal.signal(signal.SIGALRM, self.handler)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc: object) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)


class _Watchdog:
    """One daemon thread raising BudgetExceeded in threads that overrun their deadline."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._heap: list[tuple[float, int]] = []
        #: token -> (thread id, deadline) of the limits still running
        self._active: dict[int, tuple[int, float]] = {}
        self._fired: set[int] = set()
        self._tokens = itertools.count()
        self._thread: threading.Thread | None = None

    @contextmanager
    def limit(self, seconds: float, what: str) -> Iterator[None]:
        token = next(self._tokens)
        deadline = time.monotonic() + seconds
        tid = threading.get_ident()
        with self._lock:
            self._active[token] = (tid, deadline)
            heapq.heappush(self._heap, (deadline, token))
            self._start()
            self._lock.notify()
        try:
            yield
        except _Late:
            raise BudgetExceeded(what, seconds) from None
        finally:
            with self._lock:
                self._active.pop(token, None)
                fired = token in self._fired
                self._fired.discard(token)
            if fired:  # raised, or still pending: clear a pending one
                _set_async_exc(tid, None)
        if fired:
            raise BudgetExceeded(what, seconds)

    def _start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="checker-budget", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        with self._lock:
            while True:
                while self._heap and self._heap[0][1] not in self._active:
                    heapq.heappop(self._heap)  # finished in time
                if not self._heap:
                    self._lock.wait()
                    continue
                deadline, token = self._heap[0]
                wait = deadline - time.monotonic()
                if wait > 0:
                    self._lock.wait(wait)
                    continue
                heapq.heappop(self._heap)
                tid, _ = self._active[token]
                self._fired.add(token)
                _set_async_exc(tid, _Late)


class _Late(BudgetExceeded):
    """What the watchdog raises (a class: it cannot carry the budget's words)."""


def _set_async_exc(tid: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(tid), ctypes.py_object(exc) if exc is not None else None
    )


_WATCHDOG = _Watchdog()
