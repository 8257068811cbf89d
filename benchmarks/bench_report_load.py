"""Size and load time in headless Chromium of an HTML report (default: FA-KES end to end).

    python benchmarks/bench_report_load.py [REPORT.html] [--repeat N]

Without a file, runs ``checker check ../shared/corpus/fa-kes/FA-KES-Dataset.csv --store
:memory: -o r.html`` into a temporary folder first. Prints the file size, the page height,
and per load: DOMContentLoaded and load event (ms after navigation start), and the time until
the report's script has run (``document.documentElement.dataset.ready``, when present), and
the first contentful paint.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT.parent / "shared" / "corpus" / "fa-kes" / "FA-KES-Dataset.csv"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def build(out: Path) -> None:
    exe = shutil.which("checker") or str(Path(sys.executable).parent / "checker")
    subprocess.run(
        [exe, "check", str(FAKES), "--store", ":memory:", "-o", str(out), "--quiet"],
        check=False,
    )


def measure(path: Path, repeat: int) -> None:
    from playwright.sync_api import sync_playwright

    path = path.resolve()
    size = path.stat().st_size
    print(f"{path}: {size:,} bytes ({size / 1e6:.2f} MB)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        loads, dcls, readies, paints = [], [], [], []
        height = 0
        for _ in range(repeat):
            ctx = browser.new_context(viewport={"width": 1280, "height": 900})
            page = ctx.new_page()
            page.goto(path.as_uri(), wait_until="load")
            t = page.evaluate(
                """() => { const n = performance.getEntriesByType('navigation')[0];
                  const p = performance.getEntriesByName('first-contentful-paint')[0];
                  return [n.domContentLoadedEventEnd, n.loadEventEnd,
                          Number(document.documentElement.dataset.ready || 0),
                          p ? p.startTime : 0]; }"""
            )
            dcls.append(t[0])
            loads.append(t[1])
            readies.append(t[2])
            paints.append(t[3])
            height = page.evaluate("() => document.documentElement.scrollHeight")
            ctx.close()
        browser.close()
    med = statistics.median
    print(f"page height: {height:,} px")
    print(
        f"first paint {med(paints):.0f} ms, DOMContentLoaded {med(dcls):.0f} ms, "
        f"load {med(loads):.0f} ms"
        + (f", script ready {med(readies):.0f} ms" if any(readies) else "")
        + f" (median of {repeat})"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("report", nargs="?", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    if args.report is None:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "r.html"
            build(out)
            measure(out, args.repeat)
    else:
        measure(args.report, args.repeat)


if __name__ == "__main__":
    main()
