"""Hostile and unlucky input (issue 13): what crashed a run, hung it, lost data or injected.

Each input is built here, small, from real seed text where a figure is needed.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sqlite3
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from checker.budget import time_limit
from checker.cli import main
from checker.extract import extract_claims
from checker.extract.numbers import find_figures
from checker.ingest import read_articles
from checker.pipeline import check
from checker.records import Article, ErrorRecord
from checker.report import render_html, render_markdown

SEED = EXAMPLES / "001_50fb227fe682e39d.md"
GOOD = "At least 7 people were killed in Damascus on Monday, the ministry said."


def run(*args: str) -> tuple[int, str, str]:
    # COLUMNS: the text table on one wide line a row, as on a wide terminal
    res = CliRunner().invoke(main, list(args), catch_exceptions=False, env={"COLUMNS": "500"})
    return res.exit_code, res.stdout, res.stderr


def jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    # ensure_ascii: a lone surrogate is written as the escape "\ud800", as JSON allows
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


# -- crashes ---------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["outlet", "text", "url", "id", "title", "published"])
def test_a_lone_surrogate_in_any_json_field_is_replaced_and_every_article_stored(
    tmp_path: Path, field: str
) -> None:
    bad = {"id": "bad", "outlet": "sana", "text": "At least 9 people were killed in Homs."}
    bad[field] = f"x\ud800{bad.get(field, '')}"
    rows = [
        {"id": "good", "outlet": "reuters", "text": GOOD},
        bad,
        {"id": "plain", "outlet": "sana", "text": "A text with no figures \udfff at all."},
    ]
    store = tmp_path / "s.sqlite"
    code, _, err = run(
        "check", str(jsonl(tmp_path / "in.jsonl", rows)), "--store", str(store),
        "--format", "json", "-o", str(tmp_path / "out.json"), "--jobs", "1",
    )  # fmt: skip
    assert code in (0, 1), err
    doc = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert doc["articles"] == 3
    warned = {e["field"] for e in doc["errors"] if "surrogate" in e["message"]}
    assert {field if field != "id" else "article_id", "text"} <= warned
    with sqlite3.connect(store) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (3,)
    assert "\ud800" not in json.dumps(doc, ensure_ascii=False).encode("utf-8", "replace").decode()


def test_surrogates_in_json_lists_front_matter_and_file_names(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "list.json").write_text(
        json.dumps([{"id": "j\udc80", "text": GOOD}, {"id": "k", "text": GOOD + " \ud83d"}])
    )
    (folder / "fm.md").write_text(f'---\noutlet: "ev\\ud800il"\n---\nTitle\n{GOOD}\n')
    os.close(os.open(os.fsencode(folder) + b"/st\xffory.txt", os.O_CREAT | os.O_WRONLY))
    Path(os.fsdecode(os.fsencode(folder) + b"/st\xffory.txt")).write_text(f"Title\n{GOOD}\n")
    result = check([folder], store=tmp_path / "s.sqlite", jobs=1, rules=[])
    ids = sorted(a.article_id for a in result.articles)
    assert ids == ["fm", "j\ufffd", "k", "st\ufffdory"]
    assert all("\ud800" not in e.message for e in result.errors)


def test_rich_markup_and_escape_sequences_reach_the_terminal_as_text(tmp_path: Path) -> None:
    rows = [
        {"id": "m1", "outlet": "[/bold]evil", "published": "2019-06-24",
         "text": "At least 12 people were killed in Ariha in Idlib province on Monday."},
        {"id": "m2", "outlet": "[link=https://evil.example]click[/link]",
         "published": "2019-06-24",
         "text": "At least 40 people were killed in Ariha in Idlib province on Monday."},
        {"id": "m3\x1b[2J\x1b]0;pwned\x07", "outlet": "\x1b]8;;https://evil.example\x1b\\x",
         "published": "2019-06-24",
         "text": "Only 2 people were killed in Ariha in Idlib province on Monday."},
    ]  # fmt: skip
    path = jsonl(tmp_path / "in.jsonl", rows)
    code, out, err = run("check", str(path), "--store", ":memory:", "--jobs", "1")
    assert code == 1, err  # the text table, and the findings it shows
    assert "Traceback" not in out + err
    assert "[/bold]evil" in out and "[link=https://evil.example]click[/link]" in out
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "\\x1b]8;;https://evil.example" in out  # shown, not obeyed
    code, _, err = run("extract", str(path), "--jobs", "1", "--strict")
    assert "\x1b" not in err


def test_a_number_too_large_for_a_float_is_not_a_count_and_the_article_is_kept() -> None:
    huge = "1" + ",000" * 103
    text = f"{huge} people were killed. {GOOD}"
    assert not find_figures(text, 0, len(huge) + 20)
    claims = extract_claims(Article("o", "sana", None, "t", text))
    assert [c.value for c in claims] == [7.0]


# -- lost without a word ---------------------------------------------------------------


def test_a_5000_digit_json_number_costs_its_record_at_most(tmp_path: Path) -> None:
    digits = "9" * 5000
    lines = [
        json.dumps({"id": "a", "text": GOOD}),
        '{"id": "b", "count": ' + digits + f', "text": "{GOOD}"' + "}",
        '{"id": ' + digits + f', "text": "{GOOD}"' + "}",
        json.dumps({"id": "c", "text": GOOD}),
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n")
    (tmp_path / "in.json").write_text("[" + ",\n".join(lines) + "]")
    for name in ("in.jsonl", "in.json"):
        got = list(read_articles([tmp_path / name]))
        arts = [r for r in got if isinstance(r, Article)]
        assert len(arts) == 4, [str(r) for r in got]
        assert arts[2].article_id == digits  # kept as its digits
        assert not [r for r in got if isinstance(r, ErrorRecord) and r.exception]


def test_an_output_that_is_an_input_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    table = tmp_path / "X.csv"
    table.write_text(f"id,text\n1,{GOOD}\n", encoding="utf-8")
    before = table.read_bytes()
    for spelling in (str(table), str(tmp_path / "." / "X.csv")):
        code, _, err = run("extract", str(table), "--format", "csv", "-o", spelling)
        assert code == 2 and "is also an input" in err
        assert table.read_bytes() == before
    md = tmp_path / "a.md"
    md.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run("check", str(md), "--store", ":memory:", "-o", str(md), "--format", "md")
    assert code == 2 and md.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


def test_a_fifo_or_device_among_the_inputs_is_an_error_record_not_a_hang(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    with time_limit(20, "reading a folder with a FIFO"):
        got = list(read_articles([folder, folder / "pipe.txt"]))
    errors = [r for r in got if isinstance(r, ErrorRecord)]
    assert [a.origin for a in got if isinstance(a, Article)] == [f"{folder / 'a.md'}:1"]
    assert sorted(Path(e.source or "").name for e in errors) == ["pipe.txt", "pipe.txt", "zero.txt"]
    assert all("not a regular file" in e.message for e in errors)


# -- injection -------------------------------------------------------------------------

_FORMULA = re.compile(r"^[=+\-@\t\r]")


def test_extract_csv_neutralises_formula_cells(tmp_path: Path) -> None:
    rows = [
        {"id": "=HYPERLINK(\"https://evil.example\",\"x\")", "outlet": "+cmd|' /C calc'!A0",
         "text": "=HYPERLINK(\"https://evil.example\") At least 5 people were killed in Homs."},
        {"id": "@SUM(1+1)", "outlet": "-2+3", "text": "\tAt least 6 people were killed in Hama."},
    ]  # fmt: skip
    out = tmp_path / "claims.csv"
    code, _, err = run(
        "extract", str(jsonl(tmp_path / "in.jsonl", rows)), "--format", "csv", "-o", str(out)
    )
    assert code == 0, err
    table = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(table) == 3
    cells = [cell for row in table[1:] for cell in row]
    assert not [c for c in cells if _FORMULA.match(c)]
    assert "'+cmd|' /c calc'!a0" in cells  # kept, with the quote OWASP advises
    assert any(c.startswith("'=HYPERLINK(") for c in cells)


class _Text(HTMLParser):
    """The page's text, and the text of names: in table cells, card heads, options, labels."""

    NAMES = frozenset({"td", "bdi", "strong", "option", "code", "dd", "text"})

    def __init__(self) -> None:
        super().__init__()
        self.data: list[str] = []
        self.names: list[str] = []
        self.open: list[str] = []
        self.bdi = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.bdi += tag == "bdi"
        if tag not in ("meta", "br", "line", "circle", "polygon", "path", "rect", "input"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.data.append(data)
        if self.open[-1:] and self.open[-1] in self.NAMES and self.open[-2:] != ["p", "bdi"]:
            self.names.append(data)  # (a message paragraph quotes names whole, and wraps)


def _two_outlets(tmp_path: Path, first: str, second: str) -> list[dict[str, object]]:
    return [
        {"id": "o1", "outlet": first, "published": "2019-06-24",
         "text": "At least 12 people were killed in Ariha in Idlib province on Monday."},
        {"id": "o2", "outlet": second, "published": "2019-06-24",
         "text": "Only 2 people were killed in Ariha in Idlib province on Monday."},
    ]  # fmt: skip


def test_html_isolates_bidirectional_names_and_cuts_long_ones(tmp_path: Path) -> None:
    rows = _two_outlets(tmp_path, "\u202elive", "x" * 3000)
    result = check([jsonl(tmp_path / "in.jsonl", rows)], store=":memory:", jobs=1)
    assert result.findings  # the outlets are in a finding, its cards and the tables
    html = render_html(result)
    assert '<bdi dir="auto">[U+202E]live</bdi>' in html
    page = _Text()
    page.feed(html)
    assert page.bdi > 5
    shown = "".join(page.data)  # (attributes keep the name as it is, for the filters)
    assert "\u202e" not in shown and "[U+202E]live" in shown
    assert max(len(m) for d in page.names for m in re.findall("x+", d)) == 59  # cut ("…")
    assert f'title="{"x" * 3000}"' in html  # whole in the title


def test_markdown_shows_bare_urls_as_code_never_as_links(tmp_path: Path) -> None:
    rows = _two_outlets(tmp_path, "https://evil.example/login?x=1", "www.evil.example")
    result = check([jsonl(tmp_path / "in.jsonl", rows)], store=":memory:", jobs=1)
    result.errors.append(
        ErrorRecord(stage="ingest", source="x.csv", message="see http://evil.example/a|b now")
    )
    md = render_markdown(result)
    links = re.findall(r"(?:https?://|www\.)\S*", md)
    assert len(links) >= 3
    for m in re.finditer(r"(?:https?://|www\.)", md):
        assert md[m.start() - 1] == "`", md[max(0, m.start() - 40) : m.end() + 40]
