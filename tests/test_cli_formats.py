"""`checker extract` and `checker check` on pages, feeds and PDF reports, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _outlets import IDMC, Story, article_page, pdf_report, rss_feed, story
from click.testing import CliRunner
from test_ingest_pages import english_stories

from checker.cli import main


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    res = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return res.exit_code, res.stdout, res.stderr


@pytest.fixture(scope="module")
def stories() -> list[Story]:
    return [s for s in english_stories(60) if 2500 < len(s.text) < 6000][:3]


@pytest.fixture
def inputs(tmp_path: Path, stories: list[Story]) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(article_page(stories[0]), encoding="utf-8")
    (folder / "feed.xml").write_text(rss_feed(stories[1:]), encoding="utf-8")
    pdf_report(stories[0], folder / "report.pdf")
    return folder


def test_extract_reads_every_new_format(inputs: Path) -> None:
    code, out, err = run("extract", str(inputs), "--jobs", "1", "--strict")
    assert (code, err) == (0, "")
    claims = [json.loads(line) for line in out.splitlines()]
    by_article = {c["article_id"] for c in claims}
    assert {"page", "report"} <= by_article
    assert sum(a.startswith("http") for a in by_article) == 2  # the feed's two entries


def test_check_json_names_the_entry_seen_twice(inputs: Path, tmp_path: Path) -> None:
    feed = inputs / "feed.xml"
    out = tmp_path / "findings.json"
    code, _, _ = run(
        "check", str(feed), str(feed), "--store", str(tmp_path / "s.sqlite"), "--jobs", "1",
        "--format", "json", "-o", str(out), "--fail-on", "never",
    )  # fmt: skip
    assert code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["articles"] == 2
    assert [(e["source"], e["entry"], e["level"]) for e in doc["errors"]] == [
        (str(feed), 1, "warning"),
        (str(feed), 2, "warning"),
    ]
    code, _, _ = run(
        "check", str(feed), str(feed), "--store", str(tmp_path / "s.sqlite"), "--jobs", "1",
        "--format", "json", "-o", str(out), "--strict",
    )  # fmt: skip
    assert code == 0  # a warning (an entry read once, not twice) fails not even --strict


def test_a_text_not_in_english_is_a_warning_and_strict_fails(tmp_path: Path) -> None:
    if not IDMC.is_file():
        pytest.skip("no idmc-news corpus")
    with IDMC.open(encoding="utf-8") as f:
        row = next(r for r in map(json.loads, f) if r["id"] == "idmc-bb52a6a6da")
    page = tmp_path / "fizi.html"
    page.write_text(article_page(story(row, site="Radio Okapi")), encoding="utf-8")
    code, out, err = run("extract", str(page), "--jobs", "1")
    assert (code, out) == (0, "")
    assert f"ingest warning: {page}:1 [article fizi]: not English (detected language 'fr')" in err
    code, _, _ = run("extract", str(page), "--jobs", "1", "--strict")
    assert code == 0  # a warning: the article is kept (with no claims), never a failure


def test_stdin_formats(inputs: Path) -> None:
    for name, fmt in (("report.pdf", "pdf"), ("feed.xml", "feed"), ("page.html", "html")):
        data = (inputs / name).read_bytes()
        for given in (fmt, "auto"):
            code, out, err = run("extract", "-", "--stdin-format", given, "--jobs", "1", input=data)
            assert (code, err) == (0, ""), (name, given)
            assert out.strip(), (name, given)


def test_bad_inputs_exit_2_with_strict(tmp_path: Path) -> None:
    (tmp_path / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    code, _, err = run("extract", str(tmp_path), "--jobs", "1", "--strict")
    assert code == 2
    assert f"{tmp_path / 'nav.html'}: no article text in this page" in err
    assert f"{tmp_path / 'scan.pdf'}: cannot read this PDF" in err
    assert "no article in the inputs (2 input errors" in err


def test_help_names_the_formats() -> None:
    code, out, _ = run("--help")
    assert code == 0 and ".html pages" in out and ".pdf reports" in out


def test_reading_the_new_formats_opens_no_socket(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    from checker.pipeline import check

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("checker tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    result = check([inputs], store=tmp_path / "s.sqlite", jobs=1)
    assert result.errors == [] and len(result.articles) == 4 and result.claims


def test_a_feed_without_a_title_is_named_after_its_host(
    tmp_path: Path, stories: list[Story]
) -> None:
    from checker.ingest import read_articles

    feed = rss_feed(stories[:1]).replace("<title>FloodList</title>", "")
    feed = feed.replace("https://floodlist.com/", "https://www.FloodList.com/news")
    (tmp_path / "f.xml").write_text(feed, encoding="utf-8")
    (article,) = read_articles([tmp_path / "f.xml"])
    assert getattr(article, "outlet", None) == "floodlist.com"
