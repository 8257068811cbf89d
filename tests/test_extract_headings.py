"""A list's heading gives its items their category (checker.extract.headings): on the
idmc-news breakdown it was made for (read from ../shared, cited by id) and crafted lists."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.extract import extract_claims
from checker.ingest import read_articles
from checker.records import Article, Claim

IDMC = (
    Path(__file__).resolve().parents[1]
    / ".."
    / "shared"
    / "corpus"
    / "idmc-news"
    / "articles.jsonl"
)


def claims(text: str) -> list[tuple[float, str, str | None]]:
    article = Article("t", "test", dt.date(2015, 6, 9), "", text)
    return [(c.value, c.category, c.location) for c in extract_claims(article)]


@pytest.fixture(scope="module")
def indonesia() -> list[Claim]:
    if not IDMC.is_file():
        pytest.skip(f"idmc-news is not at {IDMC}")
    article = next(
        a
        for a in read_articles([IDMC])
        if isinstance(a, Article) and a.article_id == "idmc-c7c8511de8"
    )
    return extract_claims(article)


def test_a_breakdowns_items_take_the_headings_category(indonesia: list[Claim]) -> None:
    # "Breakdown of IDP figures by provinces  North Sumatra: (Langkat): 530 households (3,000
    # people)  Maluku (Ambon & Seram): 1,123 households (5,400 people)  North Sulawesi
    # (Bitung): 120 households (540 people) ..."
    items = {
        (c.value, c.unit, c.location)
        for c in indonesia
        if c.quote.startswith(("North Sumatra:", "North Sulawesi (")) and c.category == "displaced"
    }
    assert items == {
        (530, "households", "Langkat"),  # "North Sumatra: (Langkat):"
        (3000, "people", "Langkat"),
        (120, "households", "Bitung"),  # the item's finer place, in brackets
        (540, "people", "Bitung"),
    }
    # after the list, the account's place is not its last item's
    total = next(c for c in indonesia if c.value == 31440)
    assert total.location != "East Java"


def test_a_heading_of_deaths() -> None:
    text = "Deaths by province  Aleppo: 12 people  Idlib: five people  The toll rose on Monday."
    assert claims(text) == [(12, "killed", "Aleppo"), (5, "killed", "Idlib")]


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        # prose after the heading, with a full stop: no item
        ("Breakdown of IDP figures  The team visited 12 people on Monday.", []),
        # the list closed by a sentence of prose: only the item before it
        (
            "Deaths by province  Aleppo: 12 people  Officials met 30 people on Monday.  "
            "Idlib: 5 people",
            [12],
        ),
        # a heading naming no category
        ("Teams by province  Aleppo: 12 people  Idlib: 5 people", []),
    ],
)
def test_only_a_headings_own_items_take_its_category(text: str, listed: list[int]) -> None:
    assert [v for v, category, _ in claims(text) if category in ("killed", "displaced")] == listed
