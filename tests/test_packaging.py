"""A non-editable install ships rules/ and reports/ inside the package."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT


def test_wheel_ships_builtin_rules_templates_and_plugin(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("checker-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for rule in (ROOT / "rules").glob("*.py"):
        assert f"checker/builtin_rules/{rule.name}" in names
    for template in ("report.html.j2", "chart.html.j2", "report.css", "report.js"):
        assert f"checker/templates/{template}" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "checker = checker.cli:main" in text and "checker = checker.testing" in text
