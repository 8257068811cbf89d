"""Subprocess for tests/test_store_faults.py: writes copies of the idlib articles to a store.

    python tests/_store_writer.py STORE --first K --count N --batch B
        [--reverse] [--barrier DIR --parties P] [--pause SECONDS] [--die-in-batch M]

Writes copies K..K+N-1 of the five articles (with their hand-built claims) in batches of
B articles, printing one JSON line per committed batch ({"batch": i, "new": [ids], "t": time}) and
{"done": true} at the end. ``--die-in-batch M`` makes the process SIGKILL itself inside
batch M's transaction, halfway through handing over one article's claims: the store has
then already been given that article's row and the earlier articles of the batch.
``--barrier DIR`` waits, once loaded, until ``--parties`` writers have checked in to DIR,
so that they open the store and write together however slow each one starts; ``--pause``
sleeps between batches, as a pipeline does while it extracts the next batch (without it,
one writer retakes the lock at once after each commit and the other only polls).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from _store_data import copy_units

from checker.records import Article, Claim
from checker.store import Store


class _DyingClaims(list[Claim]):
    """An article's claims that kill this process once half of them have been read."""

    def __iter__(self) -> Iterator[Claim]:
        items = list(super().__iter__())
        half = len(items) // 2
        yield from items[:half]
        os.kill(os.getpid(), signal.SIGKILL)
        yield from items[half:]  # never reached


def _wait_for_others(folder: Path, parties: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / str(os.getpid())).touch()
    deadline = time.monotonic() + 120
    while sum(1 for _ in folder.iterdir()) < parties:
        if time.monotonic() > deadline:
            raise SystemExit(f"only some of {parties} writers reached the barrier {folder}")
        time.sleep(0.001)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("store")
    ap.add_argument("--first", type=int, default=0)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--batch", type=int, default=10)
    ap.add_argument("--reverse", action="store_true")
    ap.add_argument("--barrier", type=Path)
    ap.add_argument("--parties", type=int, default=1)
    ap.add_argument("--pause", type=float, default=0.0)
    ap.add_argument("--die-in-batch", type=int, default=-1)
    args = ap.parse_args()

    units = copy_units(args.first, args.count)
    if args.reverse:
        units.reverse()
    batches = [units[i : i + args.batch] for i in range(0, len(units), args.batch)]
    if args.barrier is not None:
        _wait_for_others(args.barrier, args.parties)
    with Store(args.store) as store:
        if args.die_in_batch >= 0:
            # a page cache of a few pages spills the open transaction into the WAL file, so
            # the kill leaves uncommitted frames on disk for recovery to ignore
            store._con.execute("PRAGMA cache_size = 2")
        run_id = store.start_run(" ".join(sys.argv))
        for i, batch in enumerate(batches):
            todo: list[tuple[Article, list[Claim]]] = batch
            if i == args.die_in_batch:
                # the last article with at least two claims dies halfway through them
                j = max(k for k, (_, claims) in enumerate(batch) if len(claims) >= 2)
                todo = [*batch[:j], (batch[j][0], _DyingClaims(batch[j][1])), *batch[j + 1 :]]
            new = store.add(todo, run_id)
            print(json.dumps({"batch": i, "new": new, "t": time.time()}), flush=True)
            time.sleep(args.pause)
        store.finish_run(run_id)
    print(json.dumps({"done": True}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
