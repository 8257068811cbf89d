"""One home per concept (issue 15): settings resolved by the library, the subject registry,
spelled-out numbers without quantulum3, and an import of checker that loads none of the
engine."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.errors import UsageError
from checker.pipeline import extract
from checker.records import Article, CheckResult, Finding
from checker.settings import resolve_settings

MANAR = (
    "unit_id,article_title,article_content,source,date,location\n"
    '1,Strike,"05-09-2013 Beirut - At least 12 people were killed in a strike on Sunday, '
    'the ministry said.",manar,,Aleppo\n'
)


def test_the_library_and_the_command_read_an_al_manar_dateline_alike(tmp_path: Path) -> None:
    """al-Manar writes day first: 5 September 2013, through the library and `checker
    extract` alike (the CLI once rebuilt the defaults without manar and said 9 May)."""
    path = tmp_path / "manar.csv"
    path.write_text(MANAR, encoding="utf-8")
    lib = [x for x in extract([path]) if isinstance(x, tuple)]
    assert [str(a.published) for a, _ in lib] == ["2013-09-05"]
    out = CliRunner().invoke(main, ["extract", str(path), "-q"])
    assert out.exit_code == 0, out.output
    assert {json.loads(line)["published"] for line in out.output.splitlines()} == {"2013-09-05"}


def test_settings_merge_defaults_config_and_overrides() -> None:
    s = resolve_settings(None, {"jobs": 2, "fail_on": "medium", "store": ":memory:"})
    assert (s.jobs, s.fail_on, s.store, s.engine) == (2, "medium", ":memory:", "local")
    assert s.ingest.outlet_date_order["manar"] == "DMY"
    assert resolve_settings(None, {"jobs": 1, "fail_on": None}).fail_on == "high"
    with pytest.raises(UsageError, match="unknown setting"):
        resolve_settings(None, {"job": 2})
    with pytest.raises(UsageError, match="engine"):
        resolve_settings(None, {"engine": "spark"})
    with pytest.raises(UsageError, match="--scheduler"):
        resolve_settings(None, {"scheduler": "tcp://x:8786"})


def test_check_result_fails_at_a_level() -> None:
    def finding(severity: str, status: str = "open") -> Finding:
        return Finding(severity + status, "r.x", severity, "m", (), "e", status=status)

    result = CheckResult(findings=[finding("medium"), finding("high", "dismissed")])
    assert result.fails("medium") and result.fails("low")
    assert not result.fails("high") and not result.fails("never")


def test_every_subject_name_has_a_builder_and_a_line_in_the_docs() -> None:
    from checker.engine.names import NAMES, SUBJECT_NAMES, names_doc
    from checker.engine.runner import Subjects
    from checker.run.parts import ARTICLE_SUBJECTS, BLOCK_SUBJECTS

    assert set(SUBJECT_NAMES) == ARTICLE_SUBJECTS | BLOCK_SUBJECTS
    for name in SUBJECT_NAMES:
        assert callable(getattr(Subjects, f"_{name}")), name
    doc = names_doc()
    assert all(f"  {n} " in doc for n in NAMES)


def test_spelled_out_numbers_are_read_as_quantulum3_reads_them() -> None:
    """The well-formed wordings read without quantulum3 give its value, on a sample of
    what the figure pattern takes (the rest still goes to quantulum3)."""
    from checker.extract import spelled

    pytest.importorskip("quantulum3")
    units = "one two three four five nine ten eleven twelve fifteen nineteen".split()
    tens = "twenty thirty forty ninety".split()
    small = [*units, *tens, *(f"{t}{sep}{u}" for t in tens for u in units[:6] for sep in "- ")]
    scales = ["hundred", "thousand", "million", "billion"]
    rng = random.Random(15)
    wordings = set(small)
    for _ in range(600):
        head = rng.choice(small)
        scale = " ".join(rng.choice(scales) for _ in range(rng.randint(1, 3)))
        tail = rng.choice(["", f" and {rng.choice(small)}", f" {rng.choice(small)}"])
        wordings.add(f"{head} {scale}{tail}")
    read = 0
    for w in sorted(wordings):
        plain = spelled._plain_spelled(w)
        if plain is not None:
            read += 1
            assert plain == spelled._quantulum_spellout(w), w
    assert read > 200
    # one scale twice is two numbers to quantulum3: none, without asking it
    for w in ("two million three million", "five thousand and twenty thousand"):
        assert spelled._quantulum_spellout(w) is None
        assert spelled.spelled_value.__wrapped__(w) is None


def test_importing_checker_loads_none_of_the_engine() -> None:
    code = (
        "import sys, checker.records, checker\n"
        "assert checker.Claim is checker.records.Claim\n"
        "heavy = {'pytest', 'pandas', 'quantulum3', 'checker.engine', 'dateparser'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_help_loads_no_pandas_pytest_quantulum3_or_readers() -> None:
    # (the readers of every input format load on first use: checker.ingest's __getattr__)
    code = (
        "import sys\n"
        "from checker.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted({'pytest', 'pandas', 'quantulum3', 'pandera', 'checker.ingest.reader',"
        " 'checker.ingest.csvfile', 'checker.ingest.pdffile'} & set(sys.modules)),"
        " file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stderr.strip() == "[]"


def test_nothing_in_run_imports_the_pipeline() -> None:
    run = Path(__file__).resolve().parents[1] / "checker" / "run"
    for path in run.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import checker.pipeline" not in text, path.name
        assert "from checker.pipeline" not in text, path.name


def test_an_article_is_an_article() -> None:
    # the lazy names of the package are the records' own
    import checker

    assert checker.Article is Article
