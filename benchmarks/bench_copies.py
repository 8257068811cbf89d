"""What copies cost: FA-KES once, then every text of it under ten ids (not a test).

    python benchmarks/bench_copies.py [--copies 10] [--jobs 2]

A wire story republished under other ids is one source (issue 10): the copies are found by
their MinHash signatures, stored with ``copy_of`` and folded before the incidents are
formed, so checking a corpus in which every text stands ten times should cost about ten
times the extraction and storing, not the square of the copies in pairs. Each run is a
fresh process (its CPU time, with its ``--jobs`` processes, and its findings are printed);
the bound is ``--bound`` (12) times one pass. Findings should be those of one pass: a copy
adds no finding of its own.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT / ".." / "shared" / "corpus" / "fa-kes" / "FA-KES-Dataset.csv"

_RUN = """
import json, resource, sys, time
from checker.pipeline import check
started = time.perf_counter()
r = check([sys.argv[1]], store=":memory:", jobs=int(sys.argv[2]))
wall = time.perf_counter() - started
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
copies = sum(1 for a in r.articles if a.copy_of)
print(json.dumps({"articles": len(r.articles), "copies": copies, "findings": len(r.findings),
                  "wall": wall, "cpu": cpu}))
"""


def copy_csv(source: Path, copies: int, out: Path) -> int:
    """Write every row of ``source`` ``copies`` times, each under its own unit_id."""
    with source.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    fields = list(rows[0])
    with out.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        for k in range(copies):
            for row in rows:
                writer.writerow(
                    {**row, "unit_id": f"{row['unit_id']}-c{k}" if k else row["unit_id"]}
                )
    return len(rows) * copies


def measure(path: Path, jobs: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(path), str(jobs)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--bound", type=float, default=12.0)
    args = ap.parse_args()
    if not FAKES.is_file():
        print(f"the FA-KES CSV is not at {FAKES}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="checker-copies-") as tmp:
        many = Path(tmp) / f"fakes-x{args.copies}.csv"
        copy_csv(FAKES, args.copies, many)
        one = measure(FAKES, args.jobs)
        all_ = measure(many, args.jobs)
    ratio = all_["cpu"] / one["cpu"]
    for name, r in (("1x", one), (f"{args.copies}x copies", all_)):
        print(
            f"{name}: {r['articles']:,.0f} articles ({r['copies']:,.0f} copies), "
            f"{r['findings']:,.0f} findings, {r['wall']:.1f} s wall, {r['cpu']:.1f} CPU s"
        )
    verdict = "met" if ratio <= args.bound else "not met"
    print(f"CPU x{ratio:.1f} one pass (bound <= {args.bound:g}: {verdict})")
    return 0 if ratio <= args.bound else 1


if __name__ == "__main__":
    sys.exit(main())
