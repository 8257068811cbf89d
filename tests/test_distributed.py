"""``--engine dask``: extraction and rules on a dask.distributed cluster give the findings of
the single-process run (checker.run.dask)."""

from __future__ import annotations

import dataclasses
import json
import pickle
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed")
pytest.importorskip("dask.dataframe")

import dask
import dask.dataframe as dd
import pandas as pd
from distributed import Client, LocalCluster

from checker.engine import load_rules, run_rules
from checker.engine.runner import MAX_ERRORS_PER_RULE
from checker.errors import UsageError
from checker.pipeline import check
from checker.records import Article, CheckResult, Claim
from checker.run.dask import (
    DaskEngine,
    _run_partition,
    _validate_partition,
    connect,
    run_rules_dask,
)
from checker.run.partitions import order_outcome
from checker.run.parts import rule_partitions
from checker.run.plans import RulePlan
from checker.schema import claims_to_frame
from checker.store import Store
from checker.testing import build_claim

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT / ".." / "shared" / "corpus" / "fa-kes" / "FA-KES-Dataset.csv"
EXAMPLES = ROOT / "examples" / "idlib"


def _fakes() -> Path:
    if not FAKES.is_file():
        pytest.skip(f"the FA-KES corpus is not at {FAKES}")
    return FAKES


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    """Two single-threaded worker processes: rules and claims really cross processes."""
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as c:
        yield c


@pytest.fixture(scope="module")
def client(cluster: LocalCluster) -> Iterator[Client]:
    with Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def fakes_runs(client: Client, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """FA-KES checked by one process and on the cluster, each into its own store."""
    path = _fakes()
    tmp = tmp_path_factory.mktemp("fakes")
    local = check([path], store=tmp / "local.sqlite", jobs=1)
    dask_result = check([path], store=tmp / "dask.sqlite", engine=DaskEngine(client))
    return {"local": local, "dask": dask_result, "tmp": tmp}


def _doc(result: CheckResult) -> dict[str, Any]:
    return result.to_dict()


@pytest.mark.slow  # two whole runs: in the slow set, which .ci/run runs
def test_dask_findings_equal_single_process_on_fakes(fakes_runs: dict[str, Any]) -> None:
    local, remote = fakes_runs["local"], fakes_runs["dask"]
    assert local.findings, "FA-KES has cross-outlet discrepancies: the run found none"
    assert [f.to_dict() for f in remote.findings] == [f.to_dict() for f in local.findings]
    assert _doc(remote) == _doc(local)  # counts, findings and errors, as --format json
    assert remote.claims == local.claims
    assert [a.article_id for a in remote.articles] == [a.article_id for a in local.articles]
    assert remote.new_article_ids == local.new_article_ids
    assert {a.article_id for a in remote.context_articles} == {
        a.article_id for a in local.context_articles
    }
    # more than one kind of rule fired, so both kinds of partition were exercised
    assert {f.rule.split(".")[0] for f in local.findings} >= {"cross_outlet", "within_article"}


@pytest.mark.slow  # two whole runs: in the slow set, which .ci/run runs
def test_dask_run_stores_what_the_local_run_stores(fakes_runs: dict[str, Any]) -> None:
    tmp = fakes_runs["tmp"]
    with Store(tmp / "local.sqlite") as a, Store(tmp / "dask.sqlite") as b:
        assert b.claims() == a.claims()
        assert list(b.articles()) == list(a.articles())
        fa, fb = a.findings(), b.findings()
        assert [(f.finding_id, f.claim_ids) for f in fb] == [
            (f.finding_id, f.claim_ids) for f in fa
        ]


@pytest.mark.slow  # two whole runs: in the slow set, which .ci/run runs
def test_findings_are_sorted_by_rule_then_id(fakes_runs: dict[str, Any]) -> None:
    local = fakes_runs["local"]
    order = list(local.rules)
    keys = [(order.index(f.rule), f.finding_id) for f in local.findings]
    assert keys == sorted(keys)


USER_RULE = '''
from checker import rule


@rule(severity="low", limit=500)
def check_small_figure(claim, options):
    """A figure above the limit (a test rule)."""
    assert claim.value <= options["limit"]


def check_raises_on_homs(claim):
    """Raises on claims about Homs (a broken test rule)."""
    if claim.location == "Homs":
        raise KeyError("boom")
'''


def _homs_claims(n: int) -> list[Claim]:
    return [
        build_claim(article_id=f"h{i:02d}", location="Homs", value=100 * (i + 1), outlet="sana")
        for i in range(n)
    ]


def _articles_of(claims: list[Claim]) -> list[Article]:
    return [Article(c.article_id, c.outlet, c.published, "", c.quote) for c in claims]


def test_user_rules_are_rebuilt_on_workers_from_source(client: Client, tmp_path: Path) -> None:
    """Rules loaded from a folder run on the workers with pytest's assertion rewriting
    (the message shows the compared values), as in one process."""
    folder = tmp_path / "newsroom_rules"
    folder.mkdir()
    (folder / "small.py").write_text(USER_RULE, encoding="utf-8")
    rules = [r for r in load_rules([folder], builtin=False) if r.id.endswith("small_figure")]
    claims = _homs_claims(8)
    articles = _articles_of(claims)
    local = order_outcome(rules, run_rules(rules, articles, claims))
    remote = order_outcome(
        rules, run_rules_dask(rules, articles, claims, client=client, articles_per_part=3)
    )
    assert len(local.findings) == 3  # 600, 700, 800 > 500
    assert [f.to_dict() for f in remote.findings] == [f.to_dict() for f in local.findings]
    assert "assert 800.0 <= 500" in " ".join(f.message for f in remote.findings)


def test_workers_without_the_rule_files_use_the_shipped_source(
    client: Client, tmp_path: Path
) -> None:
    """A worker on another machine has no rule folder at the client's path: the plan
    carries each module's source, and the worker compiles that."""
    folder = tmp_path / "newsroom_rules"
    folder.mkdir()
    (folder / "small.py").write_text(USER_RULE, encoding="utf-8")
    rules = [r for r in load_rules([folder], builtin=False) if r.id.endswith("small_figure")]
    plan = RulePlan.of(rules)
    elsewhere = dataclasses.replace(
        plan,
        modules=tuple(
            dataclasses.replace(m, path=str(tmp_path / "not-on-this-worker" / "small.py"))
            for m in plan.modules
        ),
    )
    shutil.rmtree(folder)
    claims = _homs_claims(8)
    (part,) = rule_partitions(rules, [], claims)
    remote = client.submit(
        _run_partition, part, pickle.loads(pickle.dumps(elsewhere)), pure=False
    ).result()
    assert sorted(c.value for f in remote.findings for c in f.claims) == [600, 700, 800]
    assert all(
        f.rule == "small.check_small_figure" and f.severity == "low" for f in remote.findings
    )


def test_rule_errors_merge_as_one_run_lists_them(client: Client, tmp_path: Path) -> None:
    """A rule raising on every claim: errors past MAX_ERRORS_PER_RULE are summed up in one
    record, across the workers' parts as in one run."""
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "broken.py").write_text(USER_RULE, encoding="utf-8")
    rules = [r for r in load_rules([folder], builtin=False) if r.id.endswith("raises_on_homs")]
    n = MAX_ERRORS_PER_RULE + 7
    claims = _homs_claims(n)
    articles = _articles_of(claims)
    local = order_outcome(rules, run_rules(rules, articles, claims))
    remote = order_outcome(
        rules, run_rules_dask(rules, articles, claims, client=client, articles_per_part=4)
    )
    assert len(remote.errors) == len(local.errors) == MAX_ERRORS_PER_RULE + 1
    assert remote.errors[-1] == local.errors[-1]
    assert f"({n} in all)" in remote.errors[-1].message
    assert all(e.stage == "rule" and "KeyError" in (e.exception or "") for e in remote.errors[:-1])
    assert sum(remote.calls.values()) == sum(local.calls.values()) == n


def test_claims_table_partitions_are_validated_with_pandera(client: Client) -> None:
    """A bad row in one partition of the Dask claims table becomes an ErrorRecord; the rest
    of that partition and the other partitions are kept."""
    good = [build_claim(article_id=f"g{i}", value=10 + i) for i in range(4)]
    bad = dataclasses.replace(build_claim(article_id="bad", value=12), hedge="roughly")
    parts = [claims_to_frame(good[:2]), claims_to_frame([good[2], bad, good[3]])]
    table = dd.from_pandas(pd.concat(parts, ignore_index=True), npartitions=2)
    checked = client.compute(
        [dask.delayed(_validate_partition)(p) for p in table.to_delayed()], sync=True
    )
    kept = [c for claims, _ in checked for c in claims]
    errors = [e for _, errs in checked for e in errs]
    assert kept == good
    assert len(errors) == 1 and errors[0].article_id == "bad" and errors[0].field == "hedge"
    assert "roughly" in errors[0].message


def test_cli_dask_engine_on_a_scheduler_address(cluster: LocalCluster, tmp_path: Path) -> None:
    """`checker check --engine dask --scheduler ADDRESS` writes the document the local engine
    writes (the seed articles)."""
    docs = []
    for engine in ("local", "dask"):
        out = tmp_path / f"{engine}.json"
        cmd = [
            sys.executable,
            "-m",
            "checker.cli",
            "check",
            str(EXAMPLES),
            "--store",
            str(tmp_path / f"{engine}.sqlite"),
            "--format",
            "json",
            "-o",
            str(out),
            "--fail-on",
            "never",
            "--engine",
            engine,
            "--jobs",
            "1",
        ]
        if engine == "dask":
            cmd += ["--scheduler", cluster.scheduler_address]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        docs.append(json.loads(out.read_text(encoding="utf-8")))
    assert docs[1] == docs[0]
    assert docs[0]["articles"] == 5


def test_unreachable_scheduler_is_a_usage_error() -> None:
    unreachable = pytest.raises(UsageError, match=r"cannot reach the Dask scheduler at tcp://")
    with unreachable, connect("tcp://127.0.0.1:9", timeout=2):
        pass
