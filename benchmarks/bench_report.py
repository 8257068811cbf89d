"""How long the reports take on all of FA-KES (804 articles).

    python benchmarks/bench_report.py [--pipeline] [--copies N] [--repeat R]

By default the result is ``tests/test_report_data.large_result`` (real text, every number
token a claim, synthetic findings), so the benchmark does not depend on the extractor or the
rules; ``--pipeline`` instead runs ``checker.pipeline.check`` on the FA-KES CSV (into a
throw-away store) and times the reports of its real result. ``--copies 2`` renders the
result twice over (article ids suffixed) to show how the time scales.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from test_report_data import FAKES_CSV, large_result

from checker.records import CheckResult
from checker.report import write_check
from checker.report.context import build_context
from checker.report.html import render_context


def copies(result: CheckResult, n: int) -> CheckResult:
    """``result`` n times over, each copy's article ids suffixed ("#2", ...)."""
    out = CheckResult(rules=dict(result.rules))
    for k in range(n):
        sfx = "" if k == 0 else f"#{k + 1}"
        claim_map = {
            c.claim_id: dataclasses.replace(c, article_id=c.article_id + sfx) for c in result.claims
        }
        out.articles += [
            dataclasses.replace(a, article_id=a.article_id + sfx) for a in result.articles
        ]
        out.claims += list(claim_map.values())
        out.findings += [
            dataclasses.replace(f, claims=tuple(claim_map.get(c.claim_id, c) for c in f.claims))
            for f in result.findings
        ]
        out.errors += result.errors
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--pipeline", action="store_true", help="time the real pipeline's result")
    args = ap.parse_args()
    if args.pipeline:
        from checker.pipeline import check

        with tempfile.TemporaryDirectory() as tmp:
            base = check([FAKES_CSV], store=Path(tmp) / "claims.sqlite")
    else:
        base = large_result()
    result = copies(base, args.copies)
    print(
        f"{len(result.articles)} articles, {len(result.claims)} claims, "
        f"{len(result.findings)} findings, {len(result.errors)} errors"
    )
    best: dict[str, float] = {}
    size: dict[str, int] = {}
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        ctx = build_context(result)
        t1 = time.perf_counter()
        html = render_context(ctx)
        t2 = time.perf_counter()
        best["html: build context"] = min(best.get("html: build context", 1e9), t1 - t0)
        best["html: render template"] = min(best.get("html: render template", 1e9), t2 - t1)
        best["html: total"] = min(best.get("html: total", 1e9), t2 - t0)
        size["html"] = len(html.encode("utf-8"))
        for fmt in ("json", "md", "junit"):
            buf = io.StringIO()
            t = time.perf_counter()
            write_check(result, fmt, buf)
            best[fmt] = min(best.get(fmt, 1e9), time.perf_counter() - t)
            size[fmt] = len(buf.getvalue().encode("utf-8"))
    for k, v in best.items():
        print(f"{k:24s} {v * 1000:8.1f} ms (best of {args.repeat})")
    for k, v in size.items():
        print(f"{k:24s} {v / 1024:8.1f} KiB")


if __name__ == "__main__":
    main()
