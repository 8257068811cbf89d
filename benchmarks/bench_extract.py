"""Claim extraction speed on FA-KES, against a deliberately naive pipeline (not a test).

    python benchmarks/bench_extract.py                 # 20-article naive sample, all 804
    python benchmarks/bench_extract.py --sample 10 --check

Both run in this process, on the same articles, after one warm-up article each (the
one-off costs - quantulum3's import of ``inflect``, about 1.3 s; dateparser's first parse -
are printed separately, not counted in the rates):

- naive: what calling the libraries on whole texts costs - ``quantulum3.parser.parse`` on
  title and body, then ``dateparser.search.search_dates`` on the body with its defaults
  (language detection on), for ``--sample`` articles;
- checker: ``checker.extract.extract_claims`` on the same sample, then on every article.

Printed: articles/s, total seconds, claims, peak memory (``tracemalloc`` for the Python
heap during the run, ``ru_maxrss`` for the process) and the speed ratio. ``--check`` also
times ``checker check FA-KES.csv --format html`` end to end in a fresh process (with its
default ``--jobs``), the issue's "under 15 seconds on this 2-core machine".
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT.parent / "shared" / "corpus" / "fa-kes" / "FA-KES-Dataset.csv"

sys.path.insert(0, str(ROOT))

from checker.extract import extract_claims  # noqa: E402
from checker.ingest import read_articles  # noqa: E402
from checker.records import Article  # noqa: E402


def naive(article: Article) -> int:
    """The pipeline the issue measures: the libraries on whole texts. Returns a count."""
    from dateparser.search import search_dates
    from quantulum3 import parser

    found = len(parser.parse(article.title)) + len(parser.parse(article.text))
    dates = search_dates(article.text) or []
    return found + len(dates)


#: CPU seconds of the last :func:`timed` run (other load on the machine does not inflate it)
LAST_CPU = [0.0]


def timed(fn: Callable[[Article], object], articles: Sequence[Article]) -> float:
    """Seconds to run ``fn`` over ``articles`` (its CPU seconds in ``LAST_CPU``)."""
    start, cpu = time.perf_counter(), time.process_time()
    for a in articles:
        fn(a)
    LAST_CPU[0] = time.process_time() - cpu
    return time.perf_counter() - start


def _children_cpu() -> float:
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


def heap_peak(fn: Callable[[Article], object], articles: Sequence[Article]) -> int:
    """The Python heap's peak growth (bytes) while running ``fn`` over ``articles``, in a
    pass of its own: ``tracemalloc`` slows every allocation, so it is not timed."""
    tracemalloc.start()
    for a in articles:
        fn(a)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def end_to_end() -> float:
    """Wall seconds of ``checker check FA-KES.csv --format html`` in a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [
            sys.executable, "-m", "checker.cli", "check", str(FAKES), "--format", "html",
            "-o", os.path.join(tmp, "report.html"), "--store", os.path.join(tmp, "s.sqlite"),
        ]  # fmt: skip
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"checker check failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds


def extract_process() -> float:
    """Wall seconds of ``checker extract FA-KES.csv`` as a whole process (interpreter start,
    imports and writing the JSONL included), with its default ``--jobs``."""
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [
            sys.executable, "-m", "checker.cli", "extract", str(FAKES), "-q",
            "-o", os.path.join(tmp, "claims.jsonl"),
        ]  # fmt: skip
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"checker extract failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds


def startup(*args: str) -> float:
    """Best wall seconds of three fresh ``python ARGS...`` processes."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, check=True)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sample", type=int, default=20, help="articles for the naive pipeline")
    ap.add_argument("--check", action="store_true", help="also time checker check, HTML")
    args = ap.parse_args(argv)
    if not FAKES.exists():
        raise SystemExit(f"{FAKES}: FA-KES corpus not found (../shared/corpus beside the repo)")
    warnings.simplefilter("ignore")  # quantulum3's "classifier not installed" warning
    articles = [a for a in read_articles([FAKES]) if isinstance(a, Article)]
    sample = articles[: args.sample]

    start = time.perf_counter()
    extract_claims(articles[-1])
    warm_checker = time.perf_counter() - start
    start = time.perf_counter()
    naive(articles[-1])
    warm_naive = time.perf_counter() - start

    naive_s = timed(naive, sample)
    ours_sample_s = timed(extract_claims, sample)
    ours_s = timed(extract_claims, articles)
    ours_cpu = LAST_CPU[0]
    claims = sum(len(extract_claims(a)) for a in articles)
    naive_peak = heap_peak(naive, sample[:5])
    ours_peak = heap_peak(extract_claims, articles)

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")  # fmt: skip
    print(
        f"warm-up (first article, one-off): checker {warm_checker:.2f} s, naive {warm_naive:.2f} s"
    )
    print(
        f"naive   ({len(sample)} articles): {naive_s:.2f} s, "
        f"{len(sample) / naive_s:.2f} articles/s, "
        f"heap peak {naive_peak / 2**10:.0f} KiB (5 articles)"
    )
    print(
        f"checker ({len(sample)} articles): {ours_sample_s:.3f} s, "
        f"{len(sample) / ours_sample_s:.0f} articles/s"
    )
    print(
        f"checker (all {len(articles)}): {ours_s:.2f} s, {len(articles) / ours_s:.0f} articles/s, "
        f"{claims} claims, heap peak {ours_peak / 2**10:.0f} KiB; "
        f"{ours_cpu:.2f} CPU s, {len(articles) / ours_cpu:.0f} articles per CPU second"
    )
    print(f"speed ratio on the same sample: {naive_s / ours_sample_s:.0f}x")
    print(f"process peak RSS (ru_maxrss): {rss_mb:.0f} MiB")
    if args.check:
        help_s = startup("-m", "checker.cli", "--help")
        import_s = startup("-c", "import checker")
        print(f"checker --help: {help_s:.2f} s; import checker: {import_s:.2f} s (best of 3)")
        cpu = _children_cpu()
        whole = extract_process()
        cpu = _children_cpu() - cpu
        print(
            f"checker extract FA-KES.csv (fresh process): {whole:.2f} s, "
            f"{len(articles) / whole:.0f} articles/s, "
            f"{len(articles) / whole / (len(sample) / naive_s):.0f}x the naive pipeline; "
            f"{cpu:.1f} CPU s (with its --jobs processes)"
        )
        cpu = _children_cpu()
        seconds = end_to_end()
        cpu = _children_cpu() - cpu
        print(
            f"checker check FA-KES.csv --format html (fresh process): {seconds:.2f} s; "
            f"{cpu:.1f} CPU s (with its --jobs processes)"
        )
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
