"""Every claim and finding says where it came from: input file, line, column (row for
CSV/JSONL/JSON records), so a finding can be pointed at in a pull request."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from checker.cli import main
from checker.ingest.position import line_column, parse_origin
from checker.pipeline import check, extract
from checker.records import Article, Claim
from checker.store import Store
from checker.store_layout import MIGRATIONS


def claims_of(*inputs: Path | str) -> list[Claim]:
    out: list[Claim] = []
    for item in extract([str(i) for i in inputs]):
        if not hasattr(item, "stage"):
            out.extend(item[1])  # type: ignore[index]
    return out


def at(path: Path, c: Claim) -> str:
    """The file's characters at the claim's line and column."""
    assert c.line is not None and c.column is not None
    line = path.read_text(encoding="utf-8").splitlines()[c.line - 1]
    return line[c.column - 1 : c.column - 1 + len(c.surface)]


def test_line_column_of_an_offset() -> None:
    text = "ab\ncd\nef"
    assert line_column(text, 0) == (1, 1)
    assert line_column(text, 4) == (2, 2)
    assert line_column(text, 7, (10, 5)) == (12, 2)
    assert line_column("xyz", 2, (3, 7)) == (3, 9)  # same line: the start column moves on


def test_origins_with_fragments_are_kept() -> None:
    assert parse_origin("articles/x.md:3") == ("articles/x.md", 3)
    assert parse_origin("report.pdf#page=2") == ("report.pdf#page=2", None)
    assert parse_origin("feed.xml#entry=3:14") == ("feed.xml#entry=3", 14)
    assert parse_origin(None) == (None, None)


def test_markdown_claims_point_at_their_words(tmp_path: Path) -> None:
    for src in sorted(EXAMPLES.glob("0*.md")):
        claims = claims_of(src)
        assert claims
        for c in claims:
            assert c.source_file == str(src) and c.row is None
            assert at(src, c) == c.surface, (src.name, c.surface)


def test_csv_claims_point_at_their_row_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_text(
        "unit_id,article_title,article_content,source,date\n"
        '1,"Car bomb kills 22","Syrian state TV said on Wednesday.\n'
        'The toll rose to 31 people killed in Qamishli.",ahram,7/27/2016\n'
        "2,Second,At least 48 people were killed in the bombing.,trt,7/27/2016\n",
        encoding="utf-8",
    )
    claims = {(c.article_id, c.surface): c for c in claims_of(path)}
    title = claims[("1", "22")]
    assert (title.in_title, title.line, title.row) == (True, 2, 1) and at(path, title) == "22"
    body = claims[("1", "31")]
    assert (body.line, body.row) == (3, 1) and at(path, body) == "31"
    second = claims[("2", "At least 48")]
    assert (second.line, second.row) == (4, 2) and at(path, second) == "At least 48"


def test_jsonl_claims_carry_their_line_and_record(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    rows = [
        {"id": "a", "outlet": "x", "text": "Twelve people were killed in Homs."},
        {"id": "b", "outlet": "y", "text": "At least 30 people died in Aleppo."},
    ]
    path.write_text("\n" + "\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    got = {c.article_id: (c.source_file, c.line, c.row) for c in claims_of(path)}
    assert got == {"a": (str(path), 2, 1), "b": (str(path), 3, 2)}


def test_fakes_claims_point_at_the_csv(fakes_csv: Path) -> None:
    """FA-KES as-is: every claim names the CSV, its row and a line; body claims' words are
    at that line and column (the texts have no doubled quotes before most figures)."""
    claims = claims_of(fakes_csv)[:400]
    lines = fakes_csv.read_text(encoding="utf-8").splitlines()
    assert all(c.source_file == str(fakes_csv) and c.row and c.line for c in claims)
    exact = [
        c for c in claims if c.column and lines[c.line - 1][c.column - 1 :].startswith(c.surface)
    ]  # type: ignore[operator]
    assert len(exact) / len(claims) > 0.95


def test_provenance_is_stored_and_findings_point_at_the_new_article(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    first = sorted(EXAMPLES.glob("0*.md"))
    check([str(p) for p in first if not p.name.startswith("003")], store=db)
    result = check([str(EXAMPLES / "003_f69708c9ff08d684.md")], store=db)
    (f,) = result.findings
    assert f.source_file == str(EXAMPLES / "003_f69708c9ff08d684.md")
    assert (f.line, f.column) == (5, 1)  # the date line, "Mon, 24 Jun 2019"
    with Store(db) as s:
        stored = s.claims()
        assert stored and all(c.source_file and c.line for c in stored)
        (sf,) = s.findings(run_id=2)
        assert (sf.source_file, sf.line) == (f.source_file, 5)


def test_a_version_3_store_is_upgraded_and_keeps_its_claims(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    with Store(db) as s:
        run = s.start_run("check")
        a = Article("a1", "sana", None, "T", "Twelve people were killed.")
        s.add([(a, [])], run)
    con = sqlite3.connect(db)
    con.execute("DROP INDEX claims_block")  # (layout 6)
    con.execute("DROP INDEX claims_block_article")
    con.execute("DROP INDEX claims_unblocked")
    for col in ("source_file", "line", '"column"', '"row"', "block", "day"):
        con.execute(f"ALTER TABLE claims DROP COLUMN {col}")
    for col in ("source_file", "line", '"column"'):
        con.execute(f"ALTER TABLE findings DROP COLUMN {col}")
    con.execute("ALTER TABLE articles DROP COLUMN origin")
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")  # before provenance
    con.commit()
    con.close()
    with Store(db) as s:
        assert s.schema_version == max(MIGRATIONS)
        assert [x.article_id for x in s.articles()] == ["a1"]


def test_extract_jsonl_has_provenance_and_stdin_is_named(tmp_path: Path) -> None:
    res = CliRunner().invoke(
        main,
        ["extract", "-", "--jobs", "1"],
        input="Ten people were killed in Idlib on Monday, the Observatory said.\n",
    )
    assert res.exit_code == 0, res.stderr
    (claim,) = [json.loads(x) for x in res.stdout.splitlines()]
    assert (claim["source_file"], claim["line"], claim["column"]) == ("<stdin>", 1, 1)


def test_a_claim_copied_from_a_located_one_keeps_it() -> None:
    base = claims_of(EXAMPLES / "001_50fb227fe682e39d.md")[0]
    moved = dataclasses.replace(base, source_file="elsewhere.md", line=9)
    from checker.ingest.position import locate_claims

    art = Article("x", "o", None, "t", "text", origin="other.md:1")
    assert locate_claims(art, [moved]) == [moved]


@pytest.mark.parametrize("origin", ["report.pdf#page=2", "feed.xml#entry=4:1"])
def test_other_origins_give_a_file_for_claims(origin: str) -> None:
    from checker.ingest.position import locate_claims

    art = Article("x", "o", None, "", "Twelve people were killed.", origin=origin)
    c = claims_of(EXAMPLES / "001_50fb227fe682e39d.md")[0]
    (located,) = locate_claims(art, [dataclasses.replace(c, source_file=None)])
    assert located.source_file == parse_origin(origin)[0] and located.column is None
