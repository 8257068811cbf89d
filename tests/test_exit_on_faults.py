"""Exit status 1 means a finding, only (issue 13): anything else that goes wrong is 2.

An unexpected exception ends the run with status 2 and one line naming what it was
checking; a report that cannot be written (a full disk) leaves the previous one whole.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT

from checker import pipeline
from checker.cli import main

SEED = EXAMPLES / "001_50fb227fe682e39d.md"


def _boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom: a bug nobody caught")


def test_an_unexpected_exception_is_exit_2_and_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "check", _boom)
    store = tmp_path / "s.sqlite"
    args = ["check", str(SEED), "--store", str(store), "--jobs", "1"]
    res = CliRunner().invoke(main, args, catch_exceptions=False)
    assert res.exit_code == 2
    last = res.stderr.strip().splitlines()[-1]
    assert last.startswith("checker: internal error while checking ")
    assert str(SEED) in last and str(store) in last and "RuntimeError: boom" in last
    assert "Traceback" not in res.stderr
    # the traceback, on request, and still status 2
    res = CliRunner().invoke(main, ["--debug", *args], catch_exceptions=False)
    assert res.exit_code == 2 and "Traceback" in res.stderr
    res = CliRunner().invoke(main, args, catch_exceptions=False, env={"CHECKER_DEBUG": "1"})
    assert res.exit_code == 2 and "Traceback" in res.stderr


def test_an_sqlite_error_that_escapes_is_a_store_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    def locked(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(pipeline, "check", locked)
    res = CliRunner().invoke(main, ["check", str(SEED), "--store", str(tmp_path / "s")])
    assert res.exit_code == 2 and "checker: store error while checking" in res.stderr


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
    resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="POSIX file-size limit")
def test_a_report_that_cannot_be_written_keeps_the_previous_one(tmp_path: Path) -> None:
    report = tmp_path / "out" / "report.html"
    report.parent.mkdir()
    report.write_text("THE PREVIOUS REPORT\n")
    res = subprocess.run(
        [
            sys.executable, "-m", "checker.cli", "check", str(EXAMPLES), "--store", ":memory:",
            "-o", str(report), "--jobs", "1",
        ],
        cwd=ROOT, capture_output=True, text=True, preexec_fn=_limit_file_size, check=False,
    )  # fmt: skip
    assert res.returncode == 2, res.stderr
    assert "Traceback" not in res.stderr
    last = res.stderr.strip().splitlines()[-1]
    assert "cannot write the report" in last and str(report) in last
    assert report.read_text() == "THE PREVIOUS REPORT\n"
    assert os.listdir(report.parent) == ["report.html"]  # no temporary file left behind


def test_reports_are_written_whole_and_keep_their_mode(tmp_path: Path) -> None:
    report = tmp_path / "summary.md"
    report.write_text("old")
    report.chmod(0o640)
    res = CliRunner().invoke(
        main, ["check", str(SEED), "--store", ":memory:", "-o", str(report), "--jobs", "1"]
    )
    assert res.exit_code == 0, res.stderr
    assert report.read_text().startswith("### checker:")
    assert report.stat().st_mode & 0o777 == 0o640
    assert sorted(os.listdir(tmp_path)) == ["summary.md"]
