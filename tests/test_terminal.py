"""What the terminal shows: the first errors with file and line, progress with a total and a
phase, one-line stdin, rendered rule docs, rule ids never cut."""

from __future__ import annotations

import textwrap
from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLES

from checker.cli import main
from checker.ingest import SUFFIXES
from checker.ingest.count import count_records
from checker.pipeline import extract
from checker.records import Article, ErrorRecord
from checker.run.local import records_in
from checker.terminal import PHASES, ProgressDisplay, progress_count

LONG_RULE = "newsroom_casualty_figures_from_named_sources.check_figures_name_their_source_always"


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    res = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return res.exit_code, res.stdout, res.stderr


def broken_csv(tmp_path: Path) -> Path:
    p = tmp_path / "feed.csv"
    p.write_text(
        "id,title,text,outlet\n"
        "a,One,Twelve people were killed in Homs on Monday.,sana\n"
        'b,Two,"An unclosed quote,reuters\n'
        "a,Three,At least 30 people died in Aleppo.,reuters\n"
        "c,Four,Five people were wounded in Idlib.,trt\n",
        encoding="utf-8",
    )
    return p


def test_check_prints_the_first_errors_with_file_and_line(tmp_path: Path) -> None:
    feed = broken_csv(tmp_path)
    code, _, err = run("check", str(feed), "--store", ":memory:", "--jobs", "1")
    assert code == 0
    assert f"ingest error: {feed}:3: broken CSV row starting on line 3" in err
    assert "1 error, 1 warning" in err  # the renamed duplicate id is a warning, apart
    code, _, err = run("check", str(feed), "--store", ":memory:", "--quiet", "--strict")
    assert code == 2 and err == ""  # --quiet: nothing on standard error


def test_progress_counts_records_against_a_total(tmp_path: Path) -> None:
    feed = broken_csv(tmp_path)
    good = tmp_path / "good.csv"
    good.write_text('id,text\n1,"Two\nlines: 5 killed."\n2,Seven injured.\n', encoding="utf-8")
    assert count_records([str(good), str(EXAMPLES)], SUFFIXES) == 2 + 5  # rows, not lines
    assert count_records(["-"], SUFFIXES) is None  # unknown: progress shows no total
    # a broken quote makes the quick count an estimate (here short): the display caps at it
    assert count_records([str(feed)], SUFFIXES) == 2
    calls: list[int] = []
    items = list(extract([str(feed), str(EXAMPLES)], progress=calls.append))
    articles = [x for x in items if not isinstance(x, ErrorRecord)]
    assert len(articles) == 3 + 5
    assert sum(calls) == 9  # 8 articles and the broken row; the warning is not a record
    batch: list[Article | ErrorRecord] = [
        Article("a", "o", None, "t", "x"),
        ErrorRecord(stage="ingest", message="renamed", level="warning", line=2),
        ErrorRecord(stage="ingest", message="broken row", line=3),
        ErrorRecord(stage="ingest", message="no such file"),
    ]
    assert records_in(batch) == 2
    assert progress_count(816, 804) == "804 of 804 articles"  # never past the total
    assert progress_count(12, None) == "12 articles"
    p = ProgressDisplay(enabled=False)  # no terminal: silent, but it still counts
    with p:
        for phase in PHASES:
            p.phase(phase, 804 if phase == "extracting" else None)
        p(810)
    assert p.count_text() == "804 of 804 articles"
    assert PHASES == ("reading", "extracting", "checking", "reporting")


def test_a_one_line_article_on_stdin_is_accepted() -> None:
    line = "Ten people were killed in Idlib on Monday, the Observatory said.\n"
    code, out, err = run("check", "-", "--store", ":memory:", "--format", "json", input=line)
    assert code == 0, err
    assert '"articles": 1' in out and '"claims": 1' in out
    code, out, _ = run("extract", "-", input=line)
    assert code == 0 and '"surface": "Ten"' in out


def test_rules_names_and_explain_print_text_not_rest() -> None:
    code, out, _ = run("rules", "names")
    assert code == 0
    assert "``" not in out and ":class:" not in out
    assert "claim         a Claim: every claim of every article." in out
    code, out, _ = run("rules", "explain", "check_incompatible_counts")
    assert code == 0 and "``" not in out
    assert "Flags:\n  - sana (2016-10-26)" in out


def test_rule_ids_are_never_cut(tmp_path: Path) -> None:
    rules = tmp_path / "newsroom_casualty_figures_from_named_sources.py"
    rules.write_text(
        textwrap.dedent(
            '''
            from checker import rule

            @rule(severity="high")
            def check_figures_name_their_source_always(claim):
                """A figure of the seeds' Idlib offensive names no source."""
                assert claim.attribution or claim.value < 1000, "unsourced"
            '''
        )
    )
    code, out, _ = run("rules", "list", "--rules", str(rules))
    assert code == 0
    assert any(LONG_RULE in line for line in out.splitlines())
    code, out, _ = run(
        "check", str(EXAMPLES), "--store", ":memory:", "--rules", str(rules),
        "--select", LONG_RULE, "--fail-on", "never",
    )  # fmt: skip
    assert code == 0
    assert any(LONG_RULE in line for line in out.splitlines())
