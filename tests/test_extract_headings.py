"""A list's heading gives its items their category (checker.extract.headings): on the
idmc-news breakdown it was made for (read from ../shared, cited by id) and crafted lists."""

from __future__ import annotations

import datetime as dt

import pytest
from _outlets import IDMC

from checker.extract import extract_claims
from checker.ingest import read_articles
from checker.records import Article, Claim


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


# -- a heading's source -----------------------------------------------------------------


def sources(text: str) -> list[tuple[float, str | None]]:
    article = Article("t", "test", dt.date(2015, 9, 20), "", text)
    return [(c.value, c.attribution) for c in extract_claims(article)]


def test_a_headings_source_gives_its_items_figures_until_another_heading() -> None:
    agency = "Fire and Disaster Management Agency"
    text = (
        f"Floods hit Japan. Here are the latest statistics from the {agency} as of Friday:  "
        "The death toll is eight: three in Tochigi Prefecture and two in Miyagi Prefecture.  "
        "There are 46 confirmed injuries.  A total of 18,882 dwellings have been flooded.  "
        "Key developments in the storm:  Two women were found dead on Saturday."
    )
    assert sources(text) == [
        (8, agency),
        (3, agency),
        (2, agency),
        (46, agency),  # "46 confirmed injuries": an adjective, no reporting verb
        (18882, agency),
        (2, None),  # another heading: another list
    ]


def test_a_list_ends_at_a_sentence_with_a_source_or_without_figures() -> None:
    text = (
        "Figures released by the NDRRMC: 36 people were killed.  Rescuers said 11 were "
        "missing.  Two more were found dead.  Roads were closed.  Five homes were destroyed."
    )
    assert sources(text) == [(36, "NDRRMC"), (11, "Rescuers"), (2, None), (5, None)]


@pytest.fixture(scope="module")
def japan() -> list[Claim]:
    if not IDMC.is_file():
        pytest.skip(f"idmc-news is not at {IDMC}")
    article = next(
        a
        for a in read_articles([IDMC])
        if isinstance(a, Article) and a.article_id == "idmc-34b3e7746c"
    )
    return extract_claims(article)


def test_the_agencys_statistics_on_the_japan_floods_are_the_agencys(japan: list[Claim]) -> None:
    # "Here are the latest statistics from the Japanese government's Fire and Disaster
    # Management Agency and other national and local governments as of Friday, Sept. 18:
    # The death toll is eight: ... There are 46 confirmed injuries ... 61 non-residential
    # structures. ... Key developments in the storm: ..."
    listed = {c.value: c.attribution for c in japan if c.value in (8, 46, 18882, 12088, 61)}
    assert set(listed) == {8, 46, 18882, 12088, 61}
    assert all(
        s is not None and "Fire and Disaster Management Agency" in s for s in listed.values()
    )
    later = [c for c in japan if c.quote.startswith("Local officials in Ibaraki")]
    assert later and all(c.attribution != listed[8] for c in later)
