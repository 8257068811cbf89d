"""Speed of the claims table and the store (not a test: prints rows/s and articles/s).

    python benchmarks/bench_schema_store.py [--copies 8000]

Uses copies of the five examples/idlib articles with their hand-built claims (the test
data of tests/_store_data.py): 2.4 claims per article, like news text.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from _store_data import copy_units

from checker.schema import claims_to_frame, frame_to_claims, validate_claims
from checker.store import Store


def _timed(label: str, n: int, unit: str, fn):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    out = fn()
    dt = time.perf_counter() - t0
    print(f"{label:<28} {n:>8} {unit:<8} {dt:7.3f} s  {n / dt:>12,.0f} {unit}/s")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=8000)
    ap.add_argument("--batch", type=int, default=100)
    args = ap.parse_args()
    units = copy_units(0, args.copies)
    claims = [c for _, cs in units for c in cs]
    n = len(claims)
    # pandera builds the schema on first use (and imports dask's typing when dask is
    # installed): a one-off cost per process, shown apart from the per-row speed
    _timed(
        "first validation (1 row)", 1, "rows", lambda: validate_claims(claims_to_frame(claims[:1]))
    )
    df = _timed("claims_to_frame", n, "rows", lambda: claims_to_frame(claims))
    valid, errors = _timed("validate_claims", n, "rows", lambda: validate_claims(df))
    assert not errors and len(valid) == n
    bad = df.copy()
    bad.loc[bad.index[::100], "hedge"] = "roughly"  # 1% bad rows: the failure path
    _, errors = _timed("validate_claims (1% bad)", n, "rows", lambda: validate_claims(bad))
    assert len(errors) == len(bad.index[::100])
    back = _timed("frame_to_claims", n, "rows", lambda: frame_to_claims(valid))
    assert back == claims
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "claims.sqlite") as store:
        batches = [units[i : i + args.batch] for i in range(0, len(units), args.batch)]
        _timed(
            f"Store.add (batches of {args.batch})",
            len(units),
            "articles",
            lambda: [store.add(b) for b in batches],
        )
        _timed("Store.add again (no-op)", len(units), "articles",
               lambda: [store.add(b) for b in batches])  # fmt: skip
        _timed("Store.claims", n, "rows", store.claims)
        _timed("Store.claims_frame", n, "rows", store.claims_frame)


if __name__ == "__main__":
    main()
