"""Shared test fixtures: paths to the bundled example and the shared corpus; the slow tests.

``python -m pytest`` (the README's command) runs everything but the tests marked ``slow``
(whole-corpus fault injection and partition proofs, a minute and a half between them);
``.ci/run`` runs those too (``-m slow``). A fresh machine without the dev extras gets one
line saying how to install them instead of four modules failing to collect.
"""

from __future__ import annotations

import importlib.util
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
    the spec's order, then :data:`ADDED_CLAIM_FIELDS`, then provenance (file, line, column,
    row)."""
    from checker.records import PROVENANCE_FIELDS

    return [*spec_fields("Claim"), *ADDED_CLAIM_FIELDS, *PROVENANCE_FIELDS]


@pytest.fixture
def fakes_csv() -> Path:
    if not FAKES_CSV.is_file():
        pytest.skip(f"the FA-KES corpus is not at {FAKES_CSV}")
    return FAKES_CSV


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


#: the slowest tests (seconds on a 2-core machine): deselected by default, run by .ci/run
SLOW_TESTS = frozenset(
    {
        "test_faults_cli.py::test_sigkill_mid_run_leaves_whole_articles_and_a_rerun_completes",
        "test_faults_cli.py::test_two_checks_on_one_store_at_once",
        "test_distributed.py::test_dask_findings_equal_single_process_on_fakes",
        "test_partitions.py::test_block_parts_hold_every_pair_group_and_series_whole",
        "test_partitions.py::test_parts_merged_equal_one_run[9]",
        "test_store_faults.py::test_random_sigkills_while_writing_then_resume",
        # whole-corpus repeats of what lighter tests of the default run pin on parts of it,
        # and a proof of batching over 430 articles (the default run stays under
        # five minutes on a 2-core machine)
        "test_parallel.py::test_two_jobs_extract_fakes_exactly_as_one",
        "test_provenance.py::test_fakes_claims_point_at_the_csv",
        "test_extract_places.py::test_an_articles_country_guess_does_not_change_from_run_to_run",
        "test_extract_claims.py::test_fakes_every_article_extracts",
        "test_ci_workflow.py::test_on_github_findings_are_annotations_and_a_review_stops_a_failure",
        "test_extract_dates.py::test_expressions_tried_at_their_first_words_only_are_all_found",
        "test_distributed.py::test_cli_dask_engine_on_a_scheduler_address",
        "test_cli.py::test_fakes_csv_end_to_end_json_and_html",
        "test_parallel.py::test_check_writes_the_store_in_batches",
    }
)
#: modules the tests import that only the dev extras install (pip install -e ".[dev]")
DEV_MODULES = ("hypothesis", "yaml", "playwright", "dask", "distributed")


def missing_dev_modules() -> list[str]:
    return [m for m in DEV_MODULES if importlib.util.find_spec(m) is None]


def pytest_configure(config: pytest.Config) -> None:
    missing = [m for m in missing_dev_modules() if m in ("hypothesis", "yaml")]
    if missing:
        raise pytest.UsageError(
            f"the tests need checker's dev extras ({', '.join(missing)} not installed): "
            'run  pip install -e ".[dev]"  first (the README\'s set-up command)'
        )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.nodeid.split("/")[-1] in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)
