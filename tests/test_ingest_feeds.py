"""RSS 2.0 and Atom feeds built from real corpus articles: every entry an article, each entry
stored once, and the bad feeds recorded."""

from __future__ import annotations

import collections
import datetime as dt
import io
from pathlib import Path

import pytest
from _outlets import Story, atom_feed, rss_feed
from test_ingest_pages import claim_key, english_stories, read

from checker.extract import extract_claims
from checker.ingest import read_stream
from checker.pipeline import check
from checker.records import Article
from checker.store import Store


@pytest.fixture(scope="module")
def stories() -> list[Story]:
    return english_stories(6)


def test_an_rss_feed_entry_by_entry(tmp_path: Path, stories: list[Story]) -> None:
    feed = tmp_path / "floodlist.xml"
    feed.write_text(rss_feed(stories), encoding="utf-8")
    articles, errors = read([feed])
    assert errors == []
    assert [a.article_id for a in articles] == [f"{s.url}?p={s.article_id}" for s in stories]
    assert [a.origin for a in articles] == [f"{feed}:entry {n}" for n in range(1, 7)]
    for a, s in zip(articles, stories, strict=True):
        assert (a.title, a.url, a.outlet, a.language) == (s.title, s.url, "floodlist", "en")
        # 22:30 at UTC-5 is the next day in UTC: the date is the one the feed writes
        assert a.published == s.published
        assert a.text == "\n".join(s.paragraphs)  # content:encoded, not the short description
        assert "appeared first on" not in a.text


def test_an_atom_feed_entry_by_entry(tmp_path: Path, stories: list[Story]) -> None:
    feed = tmp_path / "updates.atom"
    feed.write_text(atom_feed(stories), encoding="utf-8")
    articles, errors = read([feed])
    assert errors == []
    assert [a.article_id for a in articles] == [
        f"tag:reliefweb.int,2015:{s.article_id}" for s in stories
    ]
    for a, s in zip(articles, stories, strict=True):
        assert (a.title, a.url, a.outlet, a.published) == (s.title, s.url, "reliefweb", s.published)
        assert a.text == "\n".join(s.paragraphs)


def test_the_same_claims_from_feed_entries_as_from_the_plain_text(
    tmp_path: Path, stories: list[Story]
) -> None:
    (tmp_path / "f.rss").write_text(rss_feed(stories), encoding="utf-8")
    (tmp_path / "f.atom").write_text(atom_feed(stories, site="FloodList"), encoding="utf-8")
    for s in stories:
        (tmp_path / f"{s.article_id}.md").write_text(s.as_txt(), encoding="utf-8")
    plain, _ = read([tmp_path / f"{s.article_id}.md" for s in stories])
    for feed in ("f.rss", "f.atom"):
        entries, errors = read([tmp_path / feed])
        assert errors == []
        total = 0
        for entry, text in zip(entries, plain, strict=True):
            from_entry = collections.Counter(map(claim_key, extract_claims(entry)))
            from_text = collections.Counter(map(claim_key, extract_claims(text)))
            assert from_entry == from_text, (feed, text.article_id)
            total += sum(from_text.values())
        assert total > 10


def test_an_entry_seen_before_is_not_stored_twice(tmp_path: Path, stories: list[Story]) -> None:
    monday, tuesday = tmp_path / "monday.xml", tmp_path / "tuesday.xml"
    monday.write_text(rss_feed(stories[:4]), encoding="utf-8")
    tuesday.write_text(rss_feed(stories[2:]), encoding="utf-8")  # 2 entries again, 2 new
    # the Atom feed of the same site: other ids, the same links
    atom = tmp_path / "site.atom"
    atom.write_text(atom_feed(stories[:1]), encoding="utf-8")
    articles, errors = read([monday, tuesday, atom])
    assert [a.url for a in articles] == [s.url for s in stories]
    assert [(e.source, e.entry, e.level) for e in errors] == [
        (str(tuesday), 1, "warning"),
        (str(tuesday), 2, "warning"),
        (str(atom), 1, "warning"),
    ]
    assert errors[0].message == (
        f"feed entry already read (same id or link as {monday}:entry 3): not stored twice"
    )
    assert str(errors[0]).startswith(f"ingest warning: {tuesday}:entry 1 [article ")

    # across runs: the entry id is the article id, so the store keeps one of each
    store = tmp_path / "claims.sqlite"
    first = check([monday], store=store, rules=[])
    second = check([tuesday], store=store, rules=[])
    assert first.errors == [] and second.errors == []
    with Store(store) as db:
        ids = [a.article_id for a in db.articles()]
    assert ids == [f"{s.url}?p={s.article_id}" for s in stories]


def test_bad_feeds_are_recorded(tmp_path: Path, stories: list[Story]) -> None:
    good = rss_feed(stories[:3])
    cut = good.index("<item>", good.index("<item>") + 1) + 200  # inside the second entry
    files = {
        "truncated.xml": good[:cut],
        "broken.rss": "<rss><channel><title>x</title><item><title>Floods</ti",
        "not-xml.xml": "At least 12 people were killed, not a feed.",
        "sitemap.xml": '<?xml version="1.0"?><urlset><url><loc>https://a.org/</loc></url></urlset>',
        "empty.atom": "",
        "no-entries.rss": '<?xml version="1.0"?><rss version="2.0"><channel><title>FloodList'
        "</title></channel></rss>",
        "no-text.xml": '<?xml version="1.0"?><rss version="2.0"><channel><title>FloodList</title>'
        "<item><title>Floods</title><link>https://f.com/1</link></item></channel></rss>",
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    articles, errors = read([tmp_path / name for name in files])
    found = [
        (Path(str(e.source)).name, e.level, e.message.split(":")[0].split(" (")[0]) for e in errors
    ]
    assert found == [
        ("truncated.xml", "warning", "malformed XML"),
        ("truncated.xml", "error", "no text"),  # the entry cut off has lost its content
        ("broken.rss", "warning", "malformed XML"),
        ("broken.rss", "error", "no text"),  # the lenient parser finds an entry with no text
        ("not-xml.xml", "error", "malformed XML"),
        ("sitemap.xml", "error", "not an RSS or Atom feed"),
        ("empty.atom", "error", "empty file"),
        ("no-entries.rss", "error", "the feed has no entries"),
        ("no-text.xml", "error", "no text"),
    ]
    assert errors[0].line == 2 and errors[0].message.startswith("malformed XML (no element found")
    assert errors[1].entry == 2 and errors[4].line == 1
    assert errors[-1].entry == 1 and "neither content nor a summary" in errors[-1].message
    # what the truncated feed held before the cut is read
    assert [a.title for a in articles][:1] == [stories[0].title]
    assert all(e.exception is None for e in errors)


def test_a_feed_on_stdin(stories: list[Story]) -> None:
    data = rss_feed(stories[:2]).encode("utf-8")
    for fmt in ("auto", "feed"):
        records = list(read_stream(io.BytesIO(data), fmt))
        assert [type(r) for r in records] == [Article, Article]
        assert records[0].origin == "<stdin>:entry 1"


def test_a_feed_whose_bytes_are_a_file_name_is_not_that_file(tmp_path: Path) -> None:
    # feedparser.parse(bytes) would open a file of that name: the reader hands it a stream
    secret = tmp_path / "secret.xml"
    secret.write_text(
        rss_feed([]).replace(
            "<channel>",
            "<channel><item><title>x</title><description>leaked 99 people</description></item>",
        ),
        encoding="utf-8",
    )
    named = tmp_path / "named.xml"
    named.write_bytes(str(secret).encode())
    articles, errors = read([named])
    assert articles == []
    assert [e.message.split(" (")[0] for e in errors] == ["malformed XML"]
    assert read([secret])[0][0].text == "leaked 99 people"  # the file itself is a feed


def test_entry_dates_as_written() -> None:
    from checker.ingest.feed import entry_date

    rss = {"published": "Mon, 11 May 2015 23:30:00 -0500"}
    atom = {"published": "2015-05-12T01:30:00+03:00"}
    only_updated = {"updated": "2015-05-13T00:00:00Z"}
    assert entry_date(rss) == dt.date(2015, 5, 11)
    assert entry_date(atom) == dt.date(2015, 5, 12)
    assert entry_date(only_updated) == dt.date(2015, 5, 13)
    assert entry_date({"published": "sometime"}) is None


def test_feedparser_failing_on_a_damaged_declaration_is_malformed_xml(tmp_path: Path) -> None:
    # found by mutating a real feed: feedparser raises UnicodeDecodeError on this
    feed = tmp_path / "damaged.xml"
    feed.write_bytes(
        b'<?xml version="1.0" encoding="UTF\xbf8"?>\n<rss version="2.0"><channel><title>x'
        b"</title><item><title>Floods</title><description>At least 12 people died."
        b"</description></item></channel></rss>"
    )
    articles, errors = read([feed])
    assert articles == []
    (error,) = errors
    assert error.exception is None and error.source == str(feed)
    assert error.message.startswith("malformed XML: feedparser cannot read it (UnicodeDecodeError")
