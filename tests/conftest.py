"""Shared test fixtures: paths to the bundled example and the shared corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "idlib"
CORPUS = ROOT.parent / "shared" / "corpus"
FAKES_CSV = CORPUS / "fa-kes" / "FA-KES-Dataset.csv"
SEEDS = CORPUS / "seeds"


@pytest.fixture
def fakes_csv() -> Path:
    if not FAKES_CSV.is_file():
        pytest.skip(f"the FA-KES corpus is not at {FAKES_CSV}")
    return FAKES_CSV


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES
