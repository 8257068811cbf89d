"""``--jobs N``: extraction on N processes gives exactly what one process gives, streamed in
batches (checker.run.parallel, checker.pipeline.extract/check)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from checker import pipeline
from checker.pipeline import extract
from checker.records import Article, Claim, ErrorRecord
from checker.run import local
from checker.run.local import BATCH_SIZE
from checker.run.parallel import extract_one, make_executor, map_extract

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT / ".." / "shared" / "corpus" / "fa-kes" / "FA-KES-Dataset.csv"

Item = tuple[Article, list[Claim]] | ErrorRecord


def _fakes() -> Path:
    if not FAKES.is_file():
        pytest.skip(f"the FA-KES corpus is not at {FAKES}")
    return FAKES


@pytest.fixture(scope="module")
def fakes_by_jobs() -> dict[int, list[Item]]:
    """The whole FA-KES CSV extracted on one process and on two."""
    path = _fakes()
    return {jobs: list(extract([path], jobs=jobs)) for jobs in (1, 2)}


def _shape(items: list[Item]) -> list[Any]:
    """Everything extraction produced, in order, as plain data (ErrorRecord and Article
    ``origin`` included: they name the CSV line)."""
    out: list[Any] = []
    for item in items:
        if isinstance(item, ErrorRecord):
            out.append(("error", item.to_dict()))
        else:
            article, claims = item
            out.append(
                ("article", article.to_dict(), article.origin, [c.to_dict() for c in claims])
            )
    return out


def test_two_jobs_extract_fakes_exactly_as_one(fakes_by_jobs: dict[int, list[Item]]) -> None:
    one, two = fakes_by_jobs[1], fakes_by_jobs[2]
    assert _shape(two) == _shape(one)
    articles = [i for i in one if not isinstance(i, ErrorRecord)]
    claims = [c for _, cs in articles for c in cs]
    # the real corpus: 804 rows, most articles give claims, every claim belongs to its article
    assert len(articles) > 750
    assert len(claims) > 2000
    assert all(c.article_id == a.article_id for a, cs in articles for c in cs)


def test_every_fakes_row_ends_as_an_article_or_an_error(
    fakes_by_jobs: dict[int, list[Item]],
) -> None:
    with FAKES.open(encoding="utf-8", newline="") as fh:
        csv.field_size_limit(1 << 30)
        rows = sum(1 for _ in csv.DictReader(fh))
    items = fakes_by_jobs[2]
    articles = [i for i in items if not isinstance(i, ErrorRecord)]
    # an ErrorRecord either stands for a row (no article) or warns about a kept one
    lost = {e.line for e in items if isinstance(e, ErrorRecord) and e.line is not None}
    assert len(articles) <= rows <= len(articles) + len(lost)
    ids = [a.article_id for a, _ in articles]
    assert len(ids) == len(set(ids))  # repeated unit_ids were renamed, none dropped


def test_two_jobs_keep_input_order() -> None:
    """Articles come back in input order however the chunks are spread over processes."""
    articles = [
        Article(
            f"a{i:03d}",
            "reuters",
            None,
            "",
            f"At least {i + 3} civilians were killed in "
            f"air strikes on Idlib on Tuesday, rescuers said.",
        )
        for i in range(57)
    ]
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = map_extract(articles, pool)
    assert len(results) == len(articles)
    for article, result in zip(articles, results, strict=True):
        assert not isinstance(result, ErrorRecord)
        assert [c.article_id for c in result] == [article.article_id] * len(result)
        assert any(c.value == int(article.article_id[1:]) + 3 for c in result)


def test_an_article_that_breaks_the_extractor_is_an_error_naming_it() -> None:
    """A library caller's malformed Article (text None) is an ErrorRecord, in place, on
    worker processes as here; the articles around it are extracted."""
    good = Article("ok1", "sana", None, "", "Five people were killed in Homs on Monday.")
    bad = Article("broken", "sana", None, "", None, origin="mine.jsonl:7")  # type: ignore[arg-type]
    here = extract_one(bad)
    assert isinstance(here, ErrorRecord)
    assert here.stage == "extract" and here.article_id == "broken"
    assert here.source == "mine.jsonl:7" and "extraction failed" in here.message
    executor = make_executor(2)
    assert executor is not None
    with executor:
        results = map_extract([good, bad, good], executor)
    assert isinstance(results[1], ErrorRecord) and results[1].article_id == "broken"
    assert results[0] == results[2] and not isinstance(results[0], ErrorRecord)
    assert any(c.value == 5 for c in results[0])


def test_make_executor_one_job_is_this_process() -> None:
    assert make_executor(1) is None
    assert make_executor(0) is None


def _write_csv(path: Path, rows: int) -> None:
    """The first ``rows`` FA-KES rows (real text) as a CSV of their own."""
    csv.field_size_limit(1 << 30)
    with (
        _fakes().open(encoding="utf-8", newline="") as src,
        path.open("w", encoding="utf-8", newline="") as dst,
    ):
        reader = csv.DictReader(src)
        writer = csv.DictWriter(dst, fieldnames=list(reader.fieldnames or []))
        writer.writeheader()
        for i, row in enumerate(reader):
            if i >= rows:
                break
            writer.writerow(row)


def test_extract_streams_one_batch_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first article is out when one batch of the input has been read, not all of it."""
    path = tmp_path / "part.csv"
    _write_csv(path, BATCH_SIZE * 2 + 30)
    read = 0
    real_read = local.read_articles

    def counting_read(*args: Any, **kwargs: Any) -> Iterator[Any]:
        nonlocal read
        for item in real_read(*args, **kwargs):
            read += 1
            yield item

    monkeypatch.setattr(local, "read_articles", counting_read)
    seen: list[int] = []
    stream: Iterator[Item] = extract([path], jobs=1, progress=seen.append)
    first = next(stream)
    assert not isinstance(first, ErrorRecord)
    assert BATCH_SIZE <= read < BATCH_SIZE + 20  # one batch (and its warnings), no more
    rest = list(stream)
    assert seen == [BATCH_SIZE, BATCH_SIZE, read - 2 * BATCH_SIZE]
    assert 1 + len(rest) >= BATCH_SIZE * 2 + 30


def test_check_writes_the_store_in_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "part.csv"
    _write_csv(path, BATCH_SIZE * 2 + 30)
    sizes: list[int] = []
    real_place = pipeline.Store.place  # (add, saying where each article went)

    def counting_place(self: Any, batch: Any, run_id: int | None = None) -> Any:
        batch = list(batch)
        sizes.append(len(batch))
        return real_place(self, batch, run_id)

    monkeypatch.setattr(pipeline.Store, "place", counting_place)
    result = pipeline.check([path], store=tmp_path / "s.sqlite", jobs=2)
    assert sum(sizes) == len(result.articles) == BATCH_SIZE * 2 + 30
    assert max(sizes) <= BATCH_SIZE and len(sizes) >= 3


def test_cli_jobs_2_gives_the_same_findings_document(tmp_path: Path) -> None:
    """`checker check --jobs 2` writes the JSON document `--jobs 1` writes (seed articles)."""
    examples = ROOT / "examples" / "idlib"
    docs = []
    for jobs in (1, 2):
        out = tmp_path / f"j{jobs}.json"
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "checker.cli",
                "check",
                str(examples),
                "--store",
                str(tmp_path / f"j{jobs}.sqlite"),
                "--format",
                "json",
                "-o",
                str(out),
                "--jobs",
                str(jobs),
                "--fail-on",
                "never",
            ],
            capture_output=True,
            text=True,
            check=False,
            cwd=tmp_path,
        )
        assert done.returncode == 0, done.stderr
        docs.append(json.loads(out.read_text(encoding="utf-8")))
    assert docs[0] == docs[1]
    assert docs[0]["articles"] == 5 and docs[0]["claims"] > 5


@pytest.mark.slow  # two whole runs: in the slow set, which .ci/run runs
def test_check_without_keeping_inputs_gives_the_same_document(tmp_path: Path) -> None:
    """keep_inputs=False (bounded memory on large inputs) drops the given articles and
    claims from the result but not from the JSON document's counts, findings or errors."""
    path = tmp_path / "part.csv"
    _write_csv(path, BATCH_SIZE + 150)
    kept = pipeline.check([path], store=tmp_path / "a.sqlite", jobs=1)
    lean = pipeline.check([path], store=tmp_path / "b.sqlite", jobs=1, keep_inputs=False)
    assert lean.articles == [] and lean.claims == []
    assert lean.to_dict() == kept.to_dict()
    assert lean.to_dict()["articles"] == len(kept.articles) == BATCH_SIZE + 150
    assert lean.to_dict()["claims"] == len(kept.claims) > 0
    assert lean.new_article_ids == kept.new_article_ids


@pytest.mark.slow  # two whole runs: in the slow set, which .ci/run runs
def test_a_worker_killed_with_batches_in_flight_costs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker dying (once) while several batches and chunks wait on its pool: each chunk
    on the broken pool is extracted here instead, the new pool is not shut down by them,
    and the stream is the one process's."""
    import os

    from checker.run import parallel

    path = tmp_path / "part.csv"
    _write_csv(path, BATCH_SIZE * 3 + 30)
    one = _shape(list(extract([path], jobs=1)))
    parent, marker = os.getpid(), tmp_path / "died"
    real = parallel.extract_article
    victim = one[5][1]["article_id"]  # of the first batch: the pool breaks early on

    def dies_once(article: Article) -> Any:
        if article.article_id == victim and os.getpid() != parent and not marker.exists():
            marker.touch()
            os._exit(1)
        return real(article)

    monkeypatch.setattr(parallel, "extract_article", dies_once)
    two = _shape(list(extract([path], jobs=2)))
    assert marker.exists(), "no worker died: the test tested nothing"
    assert two == one
