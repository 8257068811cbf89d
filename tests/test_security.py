"""Nobody injected: no network at run time, no shelling out, rules only from named folders."""

from __future__ import annotations

import ast
import socket
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

from checker.engine import load_rules
from checker.pipeline import check

FORBIDDEN_IMPORTS = {
    "subprocess",
    "socket",
    "urllib",
    "urllib3",
    "requests",
    "httpx",
    "http",
    "ftplib",
    "smtplib",
    "telnetlib",
    "os.system",
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Attribute) and node.attr in {"system", "popen", "execv"}:
            names.add(f"os.{node.attr}")
    return names


@pytest.mark.parametrize(
    "path",
    sorted((ROOT / "checker").rglob("*.py")) + sorted((ROOT / "rules").glob("*.py")),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_no_network_or_shell_modules(path: Path) -> None:
    if path.name == "distributed.py":
        pytest.skip("the Dask engine talks to a scheduler the user names, by design")
    assert not _imports(path) & FORBIDDEN_IMPORTS


def test_a_full_check_opens_no_socket(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("checker tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    result = check([EXAMPLES], store=tmp_path / "s.sqlite", jobs=1)
    assert len(result.articles) == 5 and result.claims


def test_rules_are_never_loaded_from_article_folders(tmp_path: Path) -> None:
    """A .py file among the articles is input, not code: checking the folder never runs it."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "001.md").write_text((EXAMPLES / "001_50fb227fe682e39d.md").read_text())
    marker = tmp_path / "ran"
    (articles / "evil.py").write_text(
        f"open({str(marker)!r}, 'w').write('x')\ndef check_evil(claim):\n    '''x'''\n"
    )
    result = check([articles], store=tmp_path / "s.sqlite", jobs=1)
    assert not marker.exists()
    assert all(not r.startswith("evil.") for r in result.rules)
    assert [r.id for r in load_rules()] == [r.id for r in load_rules(builtin=True)]
