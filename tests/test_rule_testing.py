"""The README's "Testing your rules" works as written: its rule and its tests, copied into a
fresh project, pass under pytest with checker's plugin; the rule runs by its id from
`checker check`, with its option from pyproject.toml; and the fixtures do what the table says."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT

from checker.cli import main
from checker.testing import build_claim, check_rule, load_rule_module

README = ROOT / "README.md"


def readme_blocks() -> dict[str, str]:
    """The README's code blocks of the "Testing your rules" section, by the file named on
    their first line (``# newsroom_rules/tolls.py``), and the toml block."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Testing your rules", 1)[1].split("\n## ", 1)[0]
    blocks: dict[str, str] = {}
    for lang, body in re.findall(r"```(\w+)\n(.*?)```", section, re.S):
        first = body.splitlines()[0]
        if lang == "python" and first.startswith("# "):
            blocks[first[2:].strip()] = body
        elif lang == "toml":
            blocks["pyproject.toml"] = body
    return blocks


@pytest.fixture
def project(tmp_path: Path) -> Path:
    blocks = readme_blocks()
    assert set(blocks) == {"newsroom_rules/tolls.py", "tests/test_tolls.py", "pyproject.toml"}
    for name, body in blocks.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return tmp_path


def test_the_readme_example_passes_under_pytest(project: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    res = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert res.returncode == 0, res.stdout + res.stderr
    assert "4 passed" in res.stdout


def test_the_readme_rule_runs_by_id_with_its_option(
    project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(project)
    article = project / "articles" / "a.md"
    article.parent.mkdir()
    article.write_text(
        "---\nid: a\noutlet: sana\npublished: 2016-10-26\n---\nStrike on Idlib\n\n"
        "At least 60 people were killed in an air strike on Idlib.\n",
        encoding="utf-8",
    )
    rule = "tolls.check_big_tolls_are_attributed"
    res = CliRunner().invoke(
        main, ["check", "articles", "--select", rule, "--store", ":memory:", "--format", "json"]
    )
    assert res.exit_code == 0, res.stderr  # medium: below --fail-on high
    assert '"rule": "tolls.check_big_tolls_are_attributed"' in res.stdout  # 60 >= threshold 50
    assert '"severity": "medium"' in res.stdout


def test_run_rule_finds_a_custom_rule_by_id_and_says_where_it_looked(project: Path) -> None:
    c = build_claim(value=150)
    outcome = check_rule(
        "tolls.check_big_tolls_are_attributed", [c], rule_dirs=[project / "newsroom_rules"]
    )
    assert len(outcome.findings) == 1
    with pytest.raises(LookupError, match="Pass rule_dirs"):
        check_rule("tolls.check_big_tolls_are_attributed", [c])  # not in the built-ins
    with pytest.raises(TypeError, match="has no option"):
        check_rule(
            "tolls.check_big_tolls_are_attributed",
            [c],
            rule_dirs=[project / "newsroom_rules"],
            options={"treshold": 1},
        )


def test_rule_module_loads_with_assert_rewriting(project: Path) -> None:
    tolls = load_rule_module(project / "newsroom_rules" / "tolls.py")
    outcome = check_rule(tolls.check_big_tolls_are_attributed, [build_claim(value=150)])
    assert outcome.findings[0].rule == "tolls.check_big_tolls_are_attributed"


def test_built_in_rules_by_id_still_work() -> None:
    seed = next(EXAMPLES.glob("003*.md"))
    assert seed.is_file()
    a = build_claim(article_id="a", outlet="sana", value=12, surface="12")
    outcome = check_rule("within_article.check_part_exceeds_whole", [a])
    assert outcome.errors == []
