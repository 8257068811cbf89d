"""Shared test fixtures: paths to the bundled example and the shared corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "idlib"
CORPUS = ROOT.parent / "shared" / "corpus"
FAKES_CSV = CORPUS / "fa-kes" / "FA-KES-Dataset.csv"
SEEDS = CORPUS / "seeds"
SPEC = ROOT.parent / "shared" / "spec" / "records.md"


def spec_fields(record: str) -> list[str]:
    """The field names of one record of ../shared/spec/records.md, in the spec's order."""
    if not SPEC.is_file():
        pytest.skip(f"spec not found at {SPEC}")
    section = SPEC.read_text(encoding="utf-8").split(f"## {record}", 1)[1].split("\n## ", 1)[0]
    names: list[str] = []
    for line in section.splitlines():
        m = re.match(r"\| ([a-z_, ]+) \|", line)
        if m and m.group(1) != "field":
            names += [n.strip() for n in m.group(1).split(",")]
    return names


#: Claim fields the code adds after the spec's (records.py: ``reported``, the day the text
#: says it was written); the spec's own fields come first, in the spec's order
ADDED_CLAIM_FIELDS: tuple[str, ...] = ("reported",)


def claim_columns() -> list[str]:
    """The columns of a claims table (CSV, JSONL, the schema): the spec's Claim fields in
    the spec's order, then :data:`ADDED_CLAIM_FIELDS`."""
    return [*spec_fields("Claim"), *ADDED_CLAIM_FIELDS]


@pytest.fixture
def fakes_csv() -> Path:
    if not FAKES_CSV.is_file():
        pytest.skip(f"the FA-KES corpus is not at {FAKES_CSV}")
    return FAKES_CSV


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES
