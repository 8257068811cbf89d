"""Ingestion of the real corpus: FA-KES's CSV, the seed articles, and the same article in
every format. Bad inputs are in test_ingest_bad_input.py, dates in test_ingest_dates.py."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

from checker.errors import UsageError
from checker.ingest import IngestOptions, read_articles, read_stream
from checker.records import Article, ErrorRecord

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus"
FAKES = CORPUS / "fa-kes" / "FA-KES-Dataset.csv"
SEEDS = CORPUS / "seeds"
IDLIB = REPO / "examples" / "idlib"

needs_fakes = pytest.mark.skipif(not FAKES.exists(), reason="FA-KES corpus not present")
needs_seeds = pytest.mark.skipif(not SEEDS.exists(), reason="seed corpus not present")


def split(records: object) -> tuple[list[Article], list[ErrorRecord]]:
    articles: list[Article] = []
    errors: list[ErrorRecord] = []
    for record in records:  # type: ignore[attr-defined]
        if isinstance(record, Article):
            articles.append(record)
        else:
            assert isinstance(record, ErrorRecord), record
            errors.append(record)
    return articles, errors


def fakes_rows() -> list[dict[str, str]]:
    with FAKES.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# --- FA-KES -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fakes() -> tuple[list[Article], list[ErrorRecord]]:
    if not FAKES.exists():
        pytest.skip("FA-KES corpus not present")
    return split(read_articles([FAKES]))


@needs_fakes
def test_fakes_gives_804_articles_one_per_row(fakes: tuple[list[Article], list[ErrorRecord]]):
    articles, errors = fakes
    rows = fakes_rows()
    assert len(rows) == 804
    assert len(articles) == 804
    assert len({a.article_id for a in articles}) == 804
    # Row order, and each article is its row: id, outlet, M/D/YYYY date, title, text, place.
    for article, row in zip(articles, rows, strict=True):
        assert article.article_id.split("#")[0] == row["unit_id"]
        assert article.outlet == row["source"]
        assert article.published == dt.datetime.strptime(row["date"], "%m/%d/%Y").date()
        assert article.title == row["article_title"].strip()
        assert article.text == row["article_content"].strip()
        assert article.location == row["location"]
        assert article.url is None
    # The only errors are FA-KES's repeated unit_ids, each named with its line.
    assert errors and all("duplicate article_id" in e.message for e in errors)
    assert all(e.source == str(FAKES) and e.line and e.article_id for e in errors)


@needs_fakes
def test_fakes_spot_checks(fakes: tuple[list[Article], list[ErrorRecord]]):
    articles, _ = fakes
    by_id = {a.article_id: a for a in articles}
    first = by_id["1914947530"]
    assert (first.outlet, first.published, first.location) == ("nna", dt.date(2017, 4, 5), "idlib")
    assert first.title == "Syria attack symptoms consistent with nerve agent use WHO"
    assert first.text.startswith("Wed 05 Apr 2017 Syria attack symptoms")
    assert first.origin == f"{FAKES}:2"
    # A Sputnik row: its date column is month-first like every FA-KES row, although
    # Sputnik's own datelines are day-first ("05.02.2015").
    sputnik = by_id["1965495334"]
    assert sputnik.outlet == "sputnik"
    assert sputnik.published == dt.date(2015, 2, 5)
    assert sputnik.text.startswith("05.02.2015 A Syrian rebel Islamist group")


@needs_fakes
def test_fakes_repeated_unit_ids_are_reported_and_renamed(
    fakes: tuple[list[Article], list[ErrorRecord]],
):
    articles, errors = fakes
    counts: dict[str, int] = {}
    for row in fakes_rows():
        counts[row["unit_id"]] = counts.get(row["unit_id"], 0) + 1
    repeats = sum(n - 1 for n in counts.values())
    assert len(errors) == repeats > 0
    renamed = [a for a in articles if "#" in a.article_id]
    assert len(renamed) == repeats
    for error in errors:
        assert f"ingested as '{error.article_id}'" in error.message
        assert error.article_id in {a.article_id for a in renamed}
    # 1926479049 is on four rows: the three later ones become #2, #3, #4.
    assert {a.article_id for a in renamed if a.article_id.startswith("1926479049")} == {
        "1926479049#2",
        "1926479049#3",
        "1926479049#4",
    }


@needs_fakes
def test_fakes_duplicates_can_be_skipped():
    articles, errors = split(read_articles([FAKES], IngestOptions(duplicate_ids="skip")))
    ids = [row["unit_id"] for row in fakes_rows()]
    assert len(articles) == len(set(ids))
    assert len(errors) == len(ids) - len(set(ids))
    assert all("skipped" in e.message for e in errors)


@needs_fakes
def test_fakes_datelines_when_the_date_column_is_dropped(tmp_path: Path):
    """Without the date column, dates come from the texts' own datelines."""
    rows = fakes_rows()
    path = tmp_path / "nodate.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, ["unit_id", "article_title", "article_content", "source"])
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row[k] for k in writer.fieldnames})
    articles, errors = split(read_articles([path]))
    assert len(articles) == 804
    by_id = {a.article_id: a for a in articles}
    checked = 0
    for row in rows:
        text = row["article_content"]
        article = by_id[row["unit_id"]]
        if row["source"] == "sputnik" and text[:2].isdigit() and text[2] == ".":
            # Sputnik: "24.08.2013" / "21.08.2013Get short URL": day first.
            assert article.published == dt.datetime.strptime(text[:10], "%d.%m.%Y").date()
            checked += 1
        elif text.startswith(("Wed ", "Thu ", "Fri ", "Sat ", "Sun ", "Mon ", "Tue ")):
            words = text.split()
            if row["source"] == "nna":  # "Wed 05 Apr 2017 ..."
                expected = dt.datetime.strptime(" ".join(words[1:4]), "%d %b %Y").date()
            else:  # alalam: "Fri Sep 27 2013 ..."
                expected = dt.datetime.strptime(" ".join(words[1:4]), "%b %d %Y").date()
            assert article.published == expected, text[:40]
            checked += 1
    assert checked > 100
    # Texts with no dateline have no date, and that is not an error.
    assert sum(a.published is None for a in articles) > 100
    assert all("duplicate article_id" in e.message for e in errors)


# --- the seeds ----------------------------------------------------------------------------


def test_examples_idlib_front_matter():
    articles, errors = split(read_articles([IDLIB]))
    assert errors == []
    # README.md is documentation, not an article; the rest in sorted order.
    assert (
        [a.article_id for a in articles]
        == [p.stem for p in sorted(IDLIB.glob("0*.md"))]
        == [
            "000_b0edb21f60f8db5a",
            "001_50fb227fe682e39d",
            "002_4adf9b929fb8dcbc",
            "003_f69708c9ff08d684",
            "004_819dc4ccf86bd7ca",
        ]
    )
    by_id = {a.article_id: a for a in articles}
    assert [a.outlet for a in articles] == [
        "dailysabah-summary",
        "reuters",
        "reuters",
        "rferl",
        "reuters",
    ]
    assert by_id["000_b0edb21f60f8db5a"].published == dt.date(2019, 5, 22)
    assert by_id["001_50fb227fe682e39d"].published == dt.date(2019, 5, 14)
    assert by_id["002_4adf9b929fb8dcbc"].published == dt.date(2020, 2, 14)
    assert by_id["004_819dc4ccf86bd7ca"].published == dt.date(2019, 5, 17)
    # 003 has no published in its front matter: its date line "Mon, 24 Jun 2019" gives it.
    rferl = by_id["003_f69708c9ff08d684"]
    assert rferl.published == dt.date(2019, 6, 24)
    assert rferl.title == "Mon, 24 Jun 2019"
    assert rferl.text.startswith("The presidents of Russia and Turkey")
    reuters = by_id["001_50fb227fe682e39d"]
    assert reuters.title == "Turkey and Russia discuss reducing tension in Syria's Idlib"
    assert reuters.text.startswith("ISTANBUL (Reuters) - Turkish Defense Minister")
    assert "more than 150,000 people" in reuters.text
    assert reuters.origin == f"{IDLIB / '001_50fb227fe682e39d.md'}:1"


@needs_seeds
def test_seed_text_files_without_metadata():
    articles, errors = split(read_articles([SEEDS], IngestOptions(outlet="Seed")))
    assert errors == []
    assert [a.article_id for a in articles] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert {a.outlet for a in articles} == {"seed"}  # the option, lower case
    dated = {a.article_id: a.published for a in articles if a.published}
    assert dated == {"003_f69708c9ff08d684": dt.date(2019, 6, 24)}
    for article in articles:
        lines = (SEEDS / f"{article.article_id}.txt").read_text(encoding="utf-8").splitlines()
        assert article.title == lines[0].strip()
        assert article.text.split("\n")[0] in lines[1:]


@needs_seeds
def test_seed_without_outlet_is_unknown_and_not_an_error():
    articles, errors = split(read_articles([SEEDS / "001_50fb227fe682e39d.txt"]))
    assert errors == []
    assert articles[0].outlet == "unknown"


@needs_fakes
def test_sputnik_dateline_is_day_first(tmp_path: Path):
    """FA-KES row 1965495334 (Sputnik), given without its date: "05.02.2015" is 5 Feb."""
    row = next(r for r in fakes_rows() if r["unit_id"] == "1965495334")
    path = tmp_path / "sputnik.md"
    path.write_text(
        f"---\noutlet: sputnik\n---\n{row['article_title']}\n\n{row['article_content']}\n",
        encoding="utf-8",
    )
    (article,) = read_articles([path])
    assert isinstance(article, Article)
    assert article.published == dt.date(2015, 2, 5)
    # The FA-KES date column (M/D/YYYY) agrees.
    assert article.published == dt.datetime.strptime(row["date"], "%m/%d/%Y").date()
    # The order is an option: forced month-first, the same words read as 2 May.
    (forced,) = read_articles([path], IngestOptions(date_order="MDY"))
    assert isinstance(forced, Article) and forced.published == dt.date(2015, 5, 2)
    # And per outlet: an outlet with a month-first order reads it so too.
    (mdy,) = read_articles([path], IngestOptions(outlet_date_order={"sputnik": "MDY"}))
    assert isinstance(mdy, Article) and mdy.published == dt.date(2015, 5, 2)


# --- one article, every format -------------------------------------------------------------


def _seed_001() -> tuple[str, str]:
    text = (IDLIB / "001_50fb227fe682e39d.md").read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2].strip()
    title, _, rest = body.partition("\n")
    return title.strip(), rest.strip()


def test_same_article_in_every_format_is_equal(tmp_path: Path):
    title, text = _seed_001()
    meta = {
        "id": "r-001",
        "outlet": "reuters",
        "published": "2019-05-14",
        "url": "https://example.org/r-001",
        "location": "Idlib",
    }
    front = "---\n" + "".join(f"{k}: {v}\n" for k, v in meta.items()) + "---\n"
    (tmp_path / "a.txt").write_text(f"{front}{title}\n\n{text}\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"{front}# {title}\n\n{text}\n", encoding="utf-8")
    record = {**meta, "title": title, "text": text}
    (tmp_path / "c.json").write_text(json.dumps(record, indent=2), encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    with (tmp_path / "e.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, list(record))
        writer.writeheader()
        writer.writerow(record)
    for path in sorted(tmp_path.iterdir()):
        articles, errors = split(read_articles([path]))
        assert errors == [], path
        (article,) = articles
        assert article == Article(
            article_id="r-001",
            outlet="reuters",
            published=dt.date(2019, 5, 14),
            title=title,
            text=text,
            url="https://example.org/r-001",
            location="Idlib",
        ), path.name
    # Read together, the one id is a duplicate four times over.
    articles, errors = split(read_articles([tmp_path]))
    assert len(articles) == 5 and len(errors) == 4
    assert [a.origin for a in articles] == [
        f"{tmp_path / 'a.txt'}:1",
        f"{tmp_path / 'b.md'}:1",
        f"{tmp_path / 'c.json'}:1",
        f"{tmp_path / 'd.jsonl'}:1",
        f"{tmp_path / 'e.csv'}:2",
    ]


def test_default_ids(tmp_path: Path):
    (tmp_path / "plain.txt").write_text("Title\nBody text.\n", encoding="utf-8")
    (tmp_path / "rows.jsonl").write_text('{"text": "one"}\n\n{"text": "two"}\n', encoding="utf-8")
    (tmp_path / "rows.csv").write_text('title,text\nA,one\nB,"two\nlines"\nC,three\n')
    (tmp_path / "list.json").write_text('[\n {"text": "x"},\n {"text": "y"}\n]')
    (tmp_path / "one.json").write_text('{"text": "x", "title": "T"}')
    articles, errors = split(read_articles([tmp_path]))
    (duplicate,) = errors
    assert duplicate.message.startswith("duplicate article_id 'rows:3' (first read at ")
    assert (duplicate.source, duplicate.line) == (str(tmp_path / "rows.jsonl"), 3)
    assert [a.article_id for a in articles] == [
        "list:2",
        "list:3",
        "one",
        "plain",
        "rows:2",  # csv: the line each row starts on
        "rows:3",
        "rows:5",
        "rows:1",  # jsonl
        "rows:3#2",  # jsonl line 3 vs csv row on line 3: same default id, renamed
    ]


def test_csv_columns_by_other_names_and_mapped(tmp_path: Path):
    path = tmp_path / "a.csv"
    path.write_text(
        "article_id;headline;body;publisher;pub_date;link;place\n"
        "x1;Head;Some body;SANA;2016-10-06;http://a;Aleppo\n",
        encoding="utf-8",
    )
    (article,) = read_articles([path])
    assert article == Article(
        "x1", "sana", dt.date(2016, 10, 6), "Head", "Some body", "http://a", "Aleppo"
    )
    mapped = tmp_path / "b.csv"
    mapped.write_text("key,story,when,who\nk,The story,5/6/2017,tass\n", encoding="utf-8")
    options = IngestOptions(
        columns={"id": "key", "text": "story", "published": "when", "outlet": "who"}
    )
    (article,) = read_articles([mapped], options)
    assert article == Article("k", "tass", dt.date(2017, 5, 6), "", "The story")
    (dmy,) = read_articles([mapped], IngestOptions(columns=options.columns, date_order="DMY"))
    assert isinstance(dmy, Article) and dmy.published == dt.date(2017, 6, 5)


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path):
    for rel in ["b/2.txt", "b/10.txt", "a.txt", "c/z/1.md", ".hidden/x.txt", "b/.y.txt"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Title {rel}\nText.\n", encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("not: an article\n")
    (tmp_path / "README.md").write_text("# About\nThis folder.\n")
    ids = [a.article_id for a in read_articles([tmp_path]) if isinstance(a, Article)]
    assert ids == ["a", "10", "2", "1"]
    # A file named explicitly is read even when a folder walk would pass over it.
    (readme,) = read_articles([tmp_path / "README.md"])
    assert isinstance(readme, Article) and readme.title == "About"


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b'{"id": "s1", "text": "Body one"}\n{"id": "s2", "text": "Body two"}\n', "jsonl"),
        (b'[{"id": "s1", "text": "Body one"},\n {"id": "s2", "text": "Body two"}]', "json"),
        (b"id,text\ns1,Body one\ns2,Body two\n", "csv"),
        (b"---\nid: s1\n---\nTitle\nBody one\n", "md"),
        (b"Title\nBody one\n", "txt"),
    ],
)
def test_stdin_formats_sniffed_and_given(data: bytes, fmt: str, monkeypatch: pytest.MonkeyPatch):
    for option in ("auto", fmt):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        articles, errors = split(read_articles(["-"], IngestOptions(stdin_format=option)))
        assert errors == []
        assert articles[0].text == "Body one"
        assert articles[0].article_id == ("stdin" if fmt == "txt" else "s1")
        assert articles[0].origin is not None and articles[0].origin.startswith("<stdin>:")
        assert len(articles) == (2 if fmt in ("jsonl", "json", "csv") else 1)


def test_read_stream_names_its_source():
    stream = io.BytesIO(b"id,text\nx,\n")
    (error,) = read_stream(stream, "csv", name="upload.csv", stem="upload")
    assert isinstance(error, ErrorRecord)
    assert (error.source, error.line, error.article_id) == ("upload.csv", 2, "x")
    assert "no text" in error.message


def test_read_stream_refuses_an_unknown_format():
    with pytest.raises(UsageError, match="unknown input format 'xml'"):
        list(read_stream(io.BytesIO(b"<a/>"), "xml"))


def test_options_are_checked():
    with pytest.raises(UsageError, match="date_order"):
        IngestOptions(date_order="DDMM")
    with pytest.raises(UsageError, match="stdin format"):
        IngestOptions(stdin_format="xml")
    with pytest.raises(UsageError, match="--column text=story"):
        IngestOptions(columns={"body": "story"})
    with pytest.raises(UsageError, match="duplicate_ids"):
        IngestOptions(duplicate_ids="keep")
    options = IngestOptions(date_order="dmy", outlet_date_order={"TASS": "mdy"}, outlet=" AFP ")
    assert (options.date_order, options.outlet_date_order, options.outlet) == (
        "DMY",
        {"tass": "MDY"},
        "afp",
    )
