"""How checker grows with the corpus: extraction and the whole check on FA-KES at 1x, 10x
and 100x (not a test; writes benchmarks/results.md).

    python benchmarks/bench_scale.py                      # 1x, 10x, 100x; all cores
    python benchmarks/bench_scale.py --sizes 1,10 --speedup --dask 1

The corpus is replicated into a temporary CSV: replica k of each article gets a fresh id
(``<unit_id>-r<k>``) and its publication date moved back by k * SHIFT days, SHIFT being the
FA-KES date span rounded up to whole weeks (weekdays keep their names, so "on Tuesday"
resolves as in the original). Replicas so hold as many articles on as many days as the
original, each one checked against the whole store; 100x is 80,400 articles.

Every measurement runs in a fresh Python process, so its peak RSS (``ru_maxrss``) is its
own: "peak RSS" is the checker process; "workers" is the largest ``--jobs`` process or,
with ``--dask``, the largest Dask worker. Seconds are wall time of the operation itself
(the interpreter start and imports are left out); "CPU s" is the CPU time of the process
and its ``--jobs`` processes (not of Dask workers), which other load on the machine does
not inflate; "load" is the 1-minute load average when the step ended (above the number of
cores, other work shared the CPUs and the wall time is slower than the code).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import itertools
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT.parent / "shared" / "corpus" / "fa-kes" / "FA-KES-Dataset.csv"
RESULTS = ROOT / "benchmarks" / "results.md"
#: the issue's bounds: 10x -> 100x time ratio, and peak memory at 100x
MAX_GROWTH = 12.0
MAX_RSS_MB = 1024.0


# -- the replicated corpus -----------------------------------------------------------------


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
#: a date written with its year in the text: "April 27, 2017", "27 Apr 2017", "March 2011"
_DATED = re.compile(
    rf"\b(?P<md>{_MONTH}\s+{_DAY}),?\s*{_YEAR}(?!\d)"
    rf"|\b(?P<dm>{_DAY}\s+(?:of\s+)?{_MONTH}),?\s+{_YEAR}(?!\d)"
    rf"|\b(?P<m>{_MONTH}),?\s+{_YEAR}(?!\d)"
    # numeric dates ("21.08.2013" opens Sputnik's texts, and anchors "on Wednesday") go
    rf"|\b\d{{1,2}}(?P<sep>[./-])\d{{1,2}}(?P=sep){_YEAR}(?!\d)|\b{_YEAR}-\d\d-\d\d\b"
)


def undate(text: str) -> str:
    """``text`` with the years of its written dates left out ("April 27, 2017" -> "April 27")
    and its numeric dates removed, so they resolve against the (shifted) publication date,
    as "on Tuesday" does.

    A replica keeping "April 27, 2017" would put its claim on the original's day, next to
    the original and every other replica: 100 copies of one incident on one day, whose
    pairs grow with the square of the copies. Years cannot be shifted instead: the extractor
    reads 1950-2049 as years, and 100 replicas span 750 years.
    """
    return _DATED.sub(lambda m: m["md"] or m["dm"] or m["m"] or "", text)


def _fakes_date(text: str) -> dt.date:
    month, day, year = (int(p) for p in text.strip().split("/"))
    return dt.date(year, month, day)


def replicate(source: Path, copies: int, out: Path) -> tuple[int, int]:
    """Write ``copies`` replicas of the FA-KES CSV ``source`` to ``out``; (rows, shift days)."""
    csv.field_size_limit(1 << 30)
    with source.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    days = [_fakes_date(r["date"]) for r in rows]
    span = (max(days) - min(days)).days + 30  # + a month: no window reaches a neighbour
    shift = -(-span // 7) * 7
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        for k in range(copies):
            for row, day in zip(rows, days, strict=True):
                if k == 0:  # FA-KES as it is
                    writer.writerow({**row, "date": day.isoformat()})
                    continue
                writer.writerow(
                    {
                        **row,
                        "unit_id": f"{row['unit_id']}-r{k}",
                        "date": (day - dt.timedelta(days=k * shift)).isoformat(),
                        "article_title": undate(row["article_title"]),
                        "article_content": undate(row["article_content"]),
                    }
                )
    return len(rows) * copies, shift


# -- one measurement (run in a child process) ----------------------------------------------


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def _cpu_s() -> float:
    """CPU seconds of this process and its finished children (the --jobs processes)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _digest(ids: list[str]) -> str:
    return hashlib.sha1("\n".join(sorted(ids)).encode()).hexdigest()[:12]


def measure(stage: str, csv_path: Path, jobs: int, engine: str, lean: bool) -> dict[str, Any]:
    """Run one stage over ``csv_path`` in this process: its figures as a dict."""
    from checker.ingest import IngestOptions
    from checker.pipeline import check, extract

    options = IngestOptions()
    out: dict[str, Any] = {"stage": stage, "jobs": jobs, "engine": engine}
    cpu0 = _cpu_s()
    with tempfile.TemporaryDirectory() as tmp:
        if stage == "extract":
            articles = claims = errors = 0
            t0 = time.perf_counter()
            for item in extract([csv_path], options, jobs=jobs):
                if isinstance(item, tuple):
                    articles += 1
                    claims += len(item[1])
                else:
                    errors += 1
            seconds = time.perf_counter() - t0
            out.update(articles=articles, claims=claims, errors=errors)
        else:
            keep = os.environ.get("BENCH_KEEP_STORE")
            store = Path(keep) if keep and stage == "ci" else Path(tmp) / "claims.sqlite"
            keep_inputs = not lean
            t0 = time.perf_counter()
            if engine == "dask":
                from checker.run.dask import DaskEngine, connect

                with connect(workers=jobs) as client:
                    t0 = time.perf_counter()  # the cluster's start is not the check's
                    result = check(
                        [csv_path],
                        store=store,
                        options=options,
                        engine=DaskEngine(client),
                        keep_inputs=keep_inputs,
                    )
                    seconds = time.perf_counter() - t0
                    workers = client.run(lambda: _rss_mb(resource.RUSAGE_SELF))
                    out["workers_rss_mb"] = max(workers.values())
            else:
                result = check(
                    [csv_path], store=store, options=options, jobs=jobs, keep_inputs=keep_inputs
                )
                seconds = time.perf_counter() - t0
                if stage == "ci":
                    out.update(ci_case(csv_path, store, Path(tmp)), stage="check")
            out.update(
                articles=result.article_count,
                claims=result.claim_count,
                errors=len(result.errors),
                findings=len(result.findings),
                findings_digest=_digest([f.finding_id for f in result.findings]),
            )
    out["seconds"] = seconds
    out["cpu_s"] = _cpu_s() - cpu0
    out["load"] = os.getloadavg()[0]
    out["rss_mb"] = _rss_mb(resource.RUSAGE_SELF)
    out.setdefault("workers_rss_mb", _rss_mb(resource.RUSAGE_CHILDREN))
    return out


#: the CI case's new article: a FA-KES text under a fresh id, published on its own day
CI_ID = "ci-new-article"
#: CI jobs timed, one after another (the median is reported)
CI_RUNS = 3


def copy_store(kept: Path, copy: Path) -> None:
    """A copy of the kept store, on disk before the CI case is timed: a fresh copy is most of
    a gigabyte of pages not yet written, and the check's first commit (``fsync``) would wait
    for all of them (0.6-2.6 s here), which a store kept between CI runs does not."""
    import shutil

    shutil.copy(kept, copy)
    with copy.open("rb+") as fh:
        os.fsync(fh.fileno())


def ci_case(csv_path: Path, store: Path, tmp: Path) -> dict[str, Any]:
    """The CI case: one new article checked against the store ``csv_path`` built, as a whole
    ``checker check`` process (wall seconds, interpreter start included) and in-process."""
    from checker.pipeline import check

    csv.field_size_limit(1 << 30)
    with csv_path.open(encoding="utf-8", newline="") as fh:
        row = next(csv.DictReader(fh))
    cmd = [
        sys.executable, "-m", "checker.cli", "check", "", "--store", str(store),
        "--format", "json", "-o", str(tmp / "ci.json"), "--quiet",
    ]  # fmt: skip
    if os.environ.get("BENCH_KEEP_STORE") == str(store):
        kept, store = store, tmp / "ci.sqlite"  # the kept store stays without the article
        copy_store(kept, store)
        cmd[cmd.index(str(kept))] = str(store)
    # three CI jobs one after another, each with a new article (the first text under a new
    # id); the median is reported: one process's wall time varies by a tenth of a second
    seconds = []
    for n in range(1, CI_RUNS + 1):
        one = tmp / f"new{n}.csv"
        with one.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(row))
            writer.writeheader()
            writer.writerow({**row, "unit_id": f"{CI_ID}-{n}"})
        cmd[4] = str(one)
        t0 = time.perf_counter()
        subprocess.run(cmd, check=False)
        seconds.append(time.perf_counter() - t0)
    process_s = sorted(seconds)[len(seconds) // 2]
    with (tmp / "ci.json").open(encoding="utf-8") as fh:
        findings = len(json.load(fh)["findings"])
    again = tmp / "again.csv"
    with again.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(row))
        writer.writeheader()
        writer.writerow({**row, "unit_id": f"{CI_ID}-in-process"})
    t0 = time.perf_counter()
    check([again], store=store, jobs=1, keep_inputs=False)
    return {
        "ci_process_s": process_s,
        "ci_process_runs_s": seconds,
        "ci_in_process_s": time.perf_counter() - t0,
        "ci_findings": findings,
    }


def _child(args: list[str]) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--one", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"benchmark step failed: {' '.join(args)}\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the table -----------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"{cpu}, {cores} cores{mem}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}"
    )


def _row(size: int, r: dict[str, Any]) -> str:
    rate = r["articles"] / r["seconds"] if r["seconds"] else 0.0
    findings = r.get("findings", "")
    return (
        f"| {size}x | {r['stage']} | {r['engine']} | {r['jobs']} | {r['articles']:,} | "
        f"{r['claims']:,} | {findings if findings == '' else f'{findings:,}'} | "
        f"{r['seconds']:.1f} | {rate:,.0f} | {r['cpu_s']:.0f} | {r['load']:.1f} | "
        f"{r['rss_mb']:,.0f} | {r['workers_rss_mb']:,.0f} |"
    )


def render(runs: list[tuple[int, dict[str, Any]]], notes: list[str]) -> str:
    lines = [
        "# Scale benchmark: FA-KES replicated 1x, 10x, 100x",
        "",
        f"Generated by `python benchmarks/bench_scale.py` on {dt.date.today().isoformat()}.",
        f"Machine: {machine()}.",
        "",
        "| size | stage | engine | jobs | articles | claims | findings | seconds | articles/s "
        "| CPU s | load | peak RSS MB | workers' peak RSS MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        *(_row(size, r) for size, r in runs),
        "",
        *notes,
        "",
    ]
    return "\n".join(lines)


def growth(runs: list[tuple[int, dict[str, Any]]], stage: str, engine: str, jobs: int) -> list[str]:
    """Lines giving each size-to-size ratio of time and memory for one series."""
    series = sorted(
        (s, r)
        for s, r in runs
        if r["stage"] == stage and r["engine"] == engine and r["jobs"] == jobs
    )
    out = []
    for (s1, r1), (s2, r2) in itertools.pairwise(series):
        t = r2["seconds"] / r1["seconds"]
        cpu = r2["cpu_s"] / r1["cpu_s"]
        m = r2["rss_mb"] / r1["rss_mb"]
        verdict = ""
        if (s1, s2) == (10, 100):
            verdict = " (bound <= 12: " + ("met" if t <= MAX_GROWTH else "NOT met") + ")"
        out.append(
            f"- {stage} ({engine}, jobs {jobs}) {s1}x -> {s2}x: time x{t:.2f} for "
            f"x{s2 / s1:.0f} articles{verdict}; CPU time x{cpu:.2f}; peak RSS x{m:.2f}"
        )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", default="1,10,100", help="replica counts (default 1,10,100)")
    ap.add_argument("--jobs", type=int, default=None, help="processes (default: all cores)")
    ap.add_argument(
        "--speedup",
        action="store_true",
        help="also extract with --jobs 1 at the smaller sizes (the jobs speedup)",
    )
    ap.add_argument("--dask", default="", help="sizes to also check on a local Dask cluster")
    ap.add_argument(
        "--full",
        action="store_true",
        help="check() keeping every article and claim in the result (the default "
        "keeps what the JSON report needs)",
    )
    ap.add_argument(
        "--stages",
        default="extract,check",
        help="extract, check (default both); the largest size's check also times the CI "
        "case: one new article against its store",
    )
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument(
        "--one", nargs=5, metavar=("STAGE", "CSV", "JOBS", "ENGINE", "LEAN"), help=argparse.SUPPRESS
    )
    ap.add_argument(
        "--keep-store",
        type=Path,
        default=None,
        help="keep the largest size's store here (before the CI case adds its article)",
    )
    ap.add_argument(
        "--ci-store",
        type=Path,
        default=None,
        help="only time the CI case against (a copy of) this kept store, then exit",
    )
    args = ap.parse_args()
    if args.ci_store:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "claims.sqlite"
            copy_store(args.ci_store, copy)
            one = Path(tmp) / "fakes.csv"
            replicate(FAKES, 1, one)
            print(json.dumps(ci_case(one, copy, Path(tmp))))
        return
    if args.keep_store:
        os.environ["BENCH_KEEP_STORE"] = str(args.keep_store)
    if args.one:
        stage, path, jobs, engine, lean = args.one
        print(json.dumps(measure(stage, Path(path), int(jobs), engine, lean == "1")))
        return
    if not FAKES.is_file():
        raise SystemExit(f"the FA-KES corpus is not at {FAKES}")
    from checker.run.parallel import default_jobs

    jobs = args.jobs or default_jobs()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    dask_sizes = {int(s) for s in args.dask.split(",") if s}
    lean = "0" if args.full else "1"
    runs: list[tuple[int, dict[str, Any]]] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = Path(tmp) / f"fakes-{size}x.csv"
            n, shift = replicate(FAKES, size, path)
            print(f"{size}x: {n:,} articles (replicas {shift} days apart)", flush=True)
            stages = args.stages.split(",")
            plan = [("extract", jobs, "local")] if "extract" in stages else []
            if args.speedup and size < max(sizes) and jobs > 1:
                plan.append(("extract", 1, "local"))
            if "check" in stages:
                plan.append(("ci" if size == max(sizes) else "check", jobs, "local"))
            if size in dask_sizes:
                plan.append(("check", jobs, "dask"))
            for stage, j, engine in plan:
                r = _child([stage, str(path), str(j), engine, lean])
                runs.append((size, r))
                print(_row(size, r), flush=True)
            path.unlink()
    for stage in ("extract", "check"):
        notes += growth(runs, stage, "local", jobs)
    for size, r in runs:
        if "ci_process_s" in r:
            notes.append(
                f"- the CI case at {size}x: one new article against the store of "
                f"{r['articles']:,} in {r['ci_process_s']:.2f} s as a whole `checker check` "
                f"process (the median of {CI_RUNS} jobs: "
                f"{', '.join(f'{x:.2f}' for x in r.get('ci_process_runs_s', []))} s; "
                f"{r['ci_in_process_s']:.1f} s in-process; {r['ci_findings']} "
                "findings; bound <= 2 s: "
                f"{'met' if r['ci_process_s'] <= 2 else 'NOT met'})"
            )
    for size in sizes:
        one = {r["jobs"]: r for s, r in runs if s == size and r["stage"] == "extract"}
        if 1 in one and jobs in one and jobs != 1:
            notes.append(
                f"- extraction speedup at {size}x, jobs {jobs} vs 1: "
                f"x{one[1]['seconds'] / one[jobs]['seconds']:.2f}"
            )
        checks = {r["engine"]: r for s, r in runs if s == size and r["stage"] == "check"}
        if "dask" in checks:
            same = checks["dask"]["findings_digest"] == checks["local"]["findings_digest"]
            notes.append(
                f"- {size}x on a local Dask cluster ({jobs} workers): "
                f"{checks['dask']['findings']:,} findings, "
                f"{'the same' if same else 'NOT the same'} finding ids as local"
            )
    biggest = [r for s, r in runs if s == 100 and r["stage"] == "check" and r["engine"] == "local"]
    if biggest:
        rss = biggest[0]["rss_mb"]
        notes.append(
            f"- peak RSS of the check at 100x: {rss:,.0f} MB (bound < {MAX_RSS_MB:.0f} "
            f"MB: {'met' if rss < MAX_RSS_MB else 'NOT met'})"
        )
    text = render(runs, notes)
    print("\n" + text)
    args.out.write_text(text, encoding="utf-8")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
