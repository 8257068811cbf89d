"""Replays the inputs benchmarks/fuzz_ingest.py saved in tests/fuzz_crashers/.

Each must now read with no exception, no internal error, no hang and only sound Articles,
by the fuzzer's own definition (its ``run_one``). With no crasher saved there is nothing to
replay; the fuzzer's definition itself is checked below on a sound and a crafted input.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from checker.records import Article

REPO = Path(__file__).resolve().parents[1]
CRASHERS = REPO / "tests" / "fuzz_crashers"


def _fuzz_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "fuzz_ingest", REPO / "benchmarks" / "fuzz_ingest.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fuzz_ingest", module)
    spec.loader.exec_module(module)
    return module


fuzz = _fuzz_module()
SAVED = sorted(
    p
    for p in (CRASHERS.glob("*") if CRASHERS.exists() else [])
    if p.suffix in fuzz.SUFFIXES and not p.name.startswith("README")
)


@pytest.mark.parametrize("path", SAVED, ids=[p.name for p in SAVED])
def test_saved_crasher_now_reads_cleanly(path: Path, tmp_path: Path):
    copy = tmp_path / f"input{path.suffix}"
    copy.write_bytes(path.read_bytes())
    assert fuzz.run_one(copy) == []


def test_fuzz_oracle_passes_a_real_file_and_catches_a_bad_record(tmp_path: Path):
    seed = REPO / "examples" / "idlib" / "001_50fb227fe682e39d.md"
    copy = tmp_path / "input.md"
    copy.write_bytes(seed.read_bytes())
    assert fuzz.run_one(copy) == []
    # The oracle is not vacuous: an unsound article and a silent input are reported.
    bad = Article("x", "Reuters", None, "t", " padded ")
    assert fuzz.problems(copy, [bad, bad]) == [
        "article 'x' with empty or unstripped text",
        "article 'x' outlet 'Reuters'",
        "article 'x' origin None",
        "article 'x' with empty or unstripped text",
        "article id 'x' empty or repeated",
        "article 'x' outlet 'Reuters'",
        "article 'x' origin None",
    ]
    assert fuzz.problems(copy, []) == [
        "nothing yielded: the input is neither articles nor a recorded error"
    ]


def test_fuzz_mutations_are_reproducible():
    import random

    pool = [(".txt", b'Title\nSome text, with "quotes".\n')]
    first = [fuzz.mutate(pool[0][1], pool, random.Random(7)) for _ in range(3)]
    again = [fuzz.mutate(pool[0][1], pool, random.Random(7)) for _ in range(3)]
    assert first == again
