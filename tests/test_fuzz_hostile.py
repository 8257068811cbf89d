"""The hostile-input fuzz targets, bounded for CI (benchmarks/fuzz_hostile.py runs them long).

One target per input format (.jsonl, .json, .csv, .md, .txt: ingestion, then extraction
of every article within the per-article budget, then once a check into a store with the
rules and every report), one for extraction alone (Hypothesis, from the pieces that broke
main), and the replay of the crashers the long runs saved. Each asserts no traceback, no
hang, and the per-article budget.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from checker.budget import time_limit
from checker.records import Article

REPO = Path(__file__).resolve().parents[1]
SLACK = float(os.environ.get("CHECKER_TIME_SLACK", "2"))
#: inputs per format and CI run; FUZZ_SEED picks another series (default: the same)
PER_FORMAT = int(os.environ.get("FUZZ_INPUTS", "8"))
SEED = int(os.environ.get("FUZZ_SEED", "13"))


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "fuzz_hostile", REPO / "benchmarks" / "fuzz_hostile.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fuzz_hostile", module)
    spec.loader.exec_module(module)
    return module


fuzz = _module()


@pytest.fixture(autouse=True)
def _bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.engine import runner

    monkeypatch.setattr(runner, "SUBJECT_TIMEOUT", 5.0)  # (the pairs of a part: see README)


@pytest.mark.parametrize("fmt", fuzz.FORMATS)
def test_hostile_inputs_of_each_format(tmp_path: Path, fmt: str) -> None:
    rng = random.Random(f"{SEED}{fmt}")
    for i in range(PER_FORMAT):
        data = fuzz.make_input(fmt, rng)
        path = tmp_path / f"input{fmt}"
        path.write_bytes(data)
        found = fuzz.run_one(path, budget=1.0 * SLACK, full=i == 0 and fmt == ".md")
        assert found == [], (fmt, i, found, data[:300])


SAVED = sorted(
    p
    for p in (REPO / "tests" / "fuzz_crashers").glob("*")
    if p.suffix in fuzz.FORMATS and p.name.startswith("h-")
)


@pytest.mark.parametrize("path", SAVED, ids=[p.name for p in SAVED])
def test_saved_hostile_crasher_now_passes(path: Path, tmp_path: Path) -> None:
    copy = tmp_path / f"input{path.suffix}"
    copy.write_bytes(path.read_bytes())
    assert fuzz.run_one(copy, budget=1.0 * SLACK, full=True) == []


def test_the_oracle_is_not_vacuous(tmp_path: Path) -> None:
    bad = tmp_path / "input.jsonl"
    bad.write_text("")
    assert fuzz.run_one(bad) == []  # an empty file is a recorded error: sound
    slow = Article("slow", "x", None, "t", fuzz.SENTENCES[0] * 300)
    assert fuzz.claim_problems(slow, budget=0.0)[0].startswith("extraction took")


pieces = st.sampled_from(fuzz.SENTENCES + fuzz.HOSTILE + fuzz.UNITS)
runs = st.tuples(st.sampled_from(fuzz.UNITS), st.integers(1, 3000)).map(lambda t: t[0] * t[1])
texts = st.lists(st.one_of(pieces, runs), max_size=30).map("".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.one_of(pieces, texts), text=texts, dated=st.booleans())
# found on 4 December (94 and 78 of them): each time of a sentence was weighed against each
# figure, and each pair against all its figures (cubic: 3.8 s of CPU for these 6,000
# characters, 0.2 s now)
@example(
    title="At least 26 civilians were killed in an air strike on Idlib on Tuesday, a monitor said.",
    text="no deaths " * 300 + "on Monday " * 300,
    dated=False,
)
# found on 4 December (later): the gap between two places, 1,500 spaces long, was matched
# against the pattern of a list's separators, whose runs of spaces backtrack (61 s of CPU);
# and each figure of a sentence with no reporting cue searched the sentence again for "also"
# and a headline's source (1,513 figures: 0.2 s now)
@example(
    title="At least 26 civilians were killed in an air strike on Idlib on Tuesday, a monitor said.",
    text="".join(
        [
            "1,000,Syria's ]including 3 children ,",
            f"{fuzz.SENTENCES[0]}NaN",
            " " * 1500,
            f"tens of thousands {fuzz.SENTENCES[0]}",
            "no deaths " * 1513,
        ]
    ),
    dated=False,
)
def test_extraction_of_hostile_text_is_sound_and_in_budget(
    title: str, text: str, dated: bool
) -> None:
    article = Article("fuzz", "fuzz", dt.date(2019, 6, 24) if dated else None, title, text)
    with time_limit(30, "extracting a hostile text"):
        assert fuzz.claim_problems(article, budget=1.0 * SLACK) == []
