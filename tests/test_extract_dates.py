"""as_of and period_start resolved against the publication date. dateparser's traps on news
text (dateparser 1.5.0) are pinned first; then each form through the extractor, on sentences
from the corpus."""

from __future__ import annotations

import datetime as dt

import dateparser
import pytest
from dateparser.search import search_dates

from checker.extract import extract_claims
from checker.extract.dates import find_time_expressions, resolve
from checker.records import Article

BASE = dt.datetime(2019, 5, 1, 12)


def dated(text: str, published: dt.date) -> list[tuple[str, dt.date | None, dt.date | None]]:
    article = Article("t", "test", published, "", text)
    return [(c.surface, c.as_of, c.period_start) for c in extract_claims(article)]


# --- dateparser's traps, pinned ----------------------------------------------------------


def test_search_dates_swallows_counts_into_dates() -> None:
    found = search_dates(
        "in 2023, 12 of the wounded", languages=["en"], settings={"RELATIVE_BASE": BASE}
    )
    assert found is not None and found[0][1].year == 2023 and found[0][1].month == 12


def test_search_dates_reads_to_as_a_finnish_weekday_without_languages() -> None:
    assert search_dates("the convoy went to the border", settings={"RELATIVE_BASE": BASE})
    assert search_dates("the convoy went to the border", languages=["en"]) is None


@pytest.mark.parametrize("words", ["since early December", "mid-December", "earlier this month"])
def test_dateparser_returns_none_for_vague_parts_of_months(words: str) -> None:
    assert dateparser.parse(words, languages=["en"], settings={"RELATIVE_BASE": BASE}) is None


def test_without_prefer_past_6_may_lands_after_publication() -> None:
    settings = {"RELATIVE_BASE": BASE}
    assert dateparser.parse("6 May", languages=["en"], settings=settings) > BASE  # type: ignore[arg-type,operator]
    settings["PREFER_DATES_FROM"] = "past"  # type: ignore[assignment]
    assert dateparser.parse("6 May", languages=["en"], settings=settings) < BASE  # type: ignore[arg-type,operator]


def test_dateparser_puts_on_tuesday_a_week_back_when_published_on_a_tuesday() -> None:
    tuesday = dt.datetime(2019, 5, 14)
    settings = {"RELATIVE_BASE": tuesday, "PREFER_DATES_FROM": "past"}
    assert dateparser.parse("Tuesday", languages=["en"], settings=settings).date() == dt.date(
        2019, 5, 7
    )  # type: ignore[arg-type,union-attr]


# --- the extractor ------------------------------------------------------------------------


def test_on_tuesday_published_on_a_tuesday_is_that_day() -> None:
    text = (
        "A senior rebel commander said on Tuesday the offensive showed an array of rebel forces "
        "were able to prevent the army from making major advances and that 12 fighters were "
        "killed."
    )  # the seed's sentence, its figure crafted
    assert dated(text, dt.date(2019, 5, 14)) == [("12", dt.date(2019, 5, 14), None)]


def test_weekday_before_publication() -> None:
    text = (
        "Shelling by Syrian forces killed eight Turkish personnel on Monday, prompting a "
        "retaliation."
    )
    assert dated(text, dt.date(2020, 2, 14)) == [("eight", dt.date(2020, 2, 10), None)]


def test_since_april_28_and_told_on_monday() -> None:
    text = (
        "Since April 28, a total of 18 health facilities have been struck, the U.N. Office for "
        "the Coordination of Humanitarian Affairs (OCHA) told Reuters on Monday."
    )
    assert dated(text, dt.date(2019, 5, 14)) == [("18", dt.date(2019, 5, 13), dt.date(2019, 4, 28))]


def test_since_early_december_is_the_first_of_last_december() -> None:
    text = (
        "The United Nations says 520,000 people have been displaced since early December and "
        "the numbers could increase."
    )
    assert dated(text, dt.date(2020, 2, 14)) == [
        ("520,000", dt.date(2020, 2, 14), dt.date(2019, 12, 1))
    ]


def test_in_late_january_is_the_end_of_january() -> None:
    text = (
        "Russia’s foreign ministry said on Thursday that Russian and Turkish “military "
        "specialists” were killed by militants who staged more than 1,000 attacks in Idlib in "
        "late January, adding that Moscow would continue to coordinate with Ankara and Tehran."
    )
    assert dated(text, dt.date(2020, 2, 14)) == [("more than 1,000", dt.date(2020, 1, 31), None)]


def test_in_the_past_week_is_a_window_not_a_start() -> None:
    text = (
        "Turkey and Russia this week held talks in Ankara aimed at trying to dial down "
        "confrontations between Ankara and Damascus that have killed 13 Turkish soldiers in "
        "Idlib province in the past week."
    )
    assert dated(text, dt.date(2020, 2, 14)) == [("13", dt.date(2020, 2, 14), None)]


def test_a_month_s_toll_runs_over_the_month() -> None:
    text = "In May 2016 more than 300 people were killed in a battle between the two sides."
    assert dated(text, dt.date(2017, 4, 28)) == [
        ("more than 300", dt.date(2016, 5, 31), dt.date(2016, 5, 1))
    ]


def test_a_war_long_toll_starts_when_the_text_says_the_war_began() -> None:
    text = (
        "More than 320000 people have been killed in Syria since the conflict began in March "
        "2011 with anti-government protests."
    )
    assert dated(text, dt.date(2017, 4, 27)) == [
        ("More than 320000", dt.date(2017, 4, 27), dt.date(2011, 3, 1))
    ]


def test_since_a_clause_ending_in_a_date() -> None:
    text = (
        "Over 350 civilians have been killed in east Aleppo since a US-Russian brokered "
        "ceasefire collapsed on September 19 according to the UK-based monitor."
    )
    assert dated(text, dt.date(2016, 10, 13)) == [
        ("Over 350", dt.date(2016, 10, 13), dt.date(2016, 9, 19))
    ]


def test_first_time_since_is_a_comparison_not_a_start() -> None:
    text = (
        "The Kremlin was commenting after Syrian government forces seized control of a highway "
        "in northwest Syria for the first time since 2012 and as talks ended between Turkey and "
        "Russia on stopping clashes that killed 13 Turkish soldiers in a week."
    )
    assert dated(text, dt.date(2020, 2, 14)) == [("13", dt.date(2020, 2, 14), None)]


def test_two_weekdays_make_a_span() -> None:
    text = (
        "Seven children were among 71 civilians killed in opposition-held areas on Tuesday and "
        "Wednesday SOHR head Rami Abdel Rahman said."
    )
    spans = dated(text, dt.date(2016, 10, 13))
    assert spans[1] == ("71", dt.date(2016, 10, 12), dt.date(2016, 10, 11))


def test_dateline_in_the_text_is_the_reference() -> None:
    # FA-KES 1924058191: the date column says 2016-10-14, the text opens "Published October 17"
    text = (
        "Published October 17 2016 Airstrikes on rebel-held parts of Aleppo killed at least 36 "
        "people Monday opposition activists said."
    )
    assert dated(text, dt.date(2016, 10, 14)) == [("at least 36", dt.date(2016, 10, 17), None)]


@pytest.mark.parametrize(
    ("words", "published", "as_of", "start"),
    [
        ("yesterday", dt.date(2016, 6, 5), dt.date(2016, 6, 4), None),
        ("last year", dt.date(2020, 2, 14), dt.date(2019, 12, 31), None),
        ("since mid-December", dt.date(2017, 1, 10), dt.date(2017, 1, 10), dt.date(2016, 12, 15)),
        ("earlier this month", dt.date(2016, 6, 5), dt.date(2016, 6, 5), None),
        ("Apr 232017", None, dt.date(2017, 4, 23), None),
        ("05.02.2015", None, dt.date(2015, 2, 5), None),
        ("17-08-2014", None, dt.date(2014, 8, 17), None),
        ("Monday November 13", dt.date(2017, 11, 14), dt.date(2017, 11, 13), None),
    ],
)
def test_forms_dateparser_gets_wrong_or_not_at_all(
    words: str, published: dt.date | None, as_of: dt.date, start: dt.date | None
) -> None:
    (expr,) = find_time_expressions(f"They said {words} that")
    r = resolve(expr, published)
    assert (r.as_of, r.period_start) == (as_of, start)


def test_may_the_verb_is_not_a_month() -> None:
    assert find_time_expressions("Erdogan said he may speak to his Russian counterpart.") == []
