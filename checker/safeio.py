"""Output that cannot half-happen or fool a terminal.

* :func:`atomic_write`: a report is written to a temporary file beside its target and
  renamed over it once complete, so a full disk or a killed run leaves the previous report
  (or none), never a truncated one;
* :func:`for_terminal`: text from articles (outlets, ids, file names, messages quoting
  them) with its control characters made visible, so escape sequences cannot move the
  cursor, retitle the window or plant a link, and bidirectional overrides cannot reorder
  what is shown.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

# C0 and C1 controls (but tab), DEL, and the bidirectional embeddings, overrides, isolates
# and marks (U+061C, U+200E/F, U+202A-U+202E, U+2066-U+2069)
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def for_terminal(text: str) -> str:
    """``text`` with every control, escape and bidi character shown as ``\\xNN``/``\\uNNNN``
    (one line: a newline is shown as ``\\n``)."""
    return _UNSAFE.sub(_escape, text)


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths name one existing file (through links and ``..``)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


@contextmanager
def atomic_write(path: Path, *, newline: str | None = None) -> Iterator[TextIO]:
    """A text file (UTF-8) that replaces ``path`` only once it is completely written.

    The temporary file is hidden (``.name.XXXX.tmp``, so a folder of inputs read meanwhile
    passes over it), made with the permissions a new file gets, and removed if writing
    fails. A target that is not a regular file (``/dev/stdout``, a FIFO) is written to
    directly: it cannot be replaced, and need not be.
    """
    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        with target.open("w", encoding="utf-8", newline=newline) as out:
            yield out
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with open(fd, "w", encoding="utf-8", newline=newline) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        if mode is not None:
            os.chmod(tmp, stat.S_IMODE(mode))  # keep the replaced file's permissions
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
