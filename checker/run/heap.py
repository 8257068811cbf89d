"""The garbage collector and a run's long-lived objects.

A check holds a large heap that lives to the end: the gazetteer and the models extraction
loads, then every article and claim of the run. CPython's cyclic collector scans all of it
at each full collection (several a run: 0.4 to 0.9 s of FA-KES's check), though none of it
is garbage; a worker forked after it was loaded scans it again, and by writing to it copies
the pages it shares with its parent. :func:`frozen_heap` moves what is alive at its start out
of the collector's sight (``gc.freeze``) for as long as the block runs, then back
(``gc.unfreeze``), so that a long-lived process (a notebook, the test suite) still frees the
cycles of one run later on. Nothing else changes: the collector only decides *when* cyclic
garbage is freed, never what a run finds.

At the end of a command, the interpreter's shutdown collects again, several times, over
everything still alive (0.3 s after a check of FA-KES): :func:`freeze_at_exit` has that
heap frozen when the interpreter starts to exit, so it dies with the process unscanned.
"""

from __future__ import annotations

import atexit
import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["freeze", "freeze_at_exit", "frozen_heap", "unfreeze"]


def freeze() -> None:
    """Every object alive now out of the collector's scans until :func:`unfreeze`."""
    gc.freeze()


def unfreeze() -> None:
    """The objects :func:`freeze` set aside scanned again (from the next full collection)."""
    gc.unfreeze()


@contextmanager
def frozen_heap() -> Iterator[None]:
    """The objects alive at the start left out of the collector's scans while the block runs."""
    freeze()
    try:
        yield
    finally:
        unfreeze()


_AT_EXIT: list[bool] = []


def freeze_at_exit() -> None:
    """Have every object alive when the interpreter exits frozen first (once a process): its
    shutdown then frees the heap without scanning it. For commands, whose heap dies with the
    process; in a process that goes on (a test calling the command), it only takes effect
    when that process exits."""
    if not _AT_EXIT:
        _AT_EXIT.append(True)
        atexit.register(gc.freeze)
