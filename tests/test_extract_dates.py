"""as_of and period_start resolved against the publication date. dateparser's traps on news
text (dateparser 1.5.0) are pinned first; then each form through the extractor, on sentences
from the corpus."""

from __future__ import annotations

import datetime as dt

import dateparser
import pytest
from _outlets import IDMC
from dateparser.search import search_dates

from checker.extract import extract_claims
from checker.extract.dates import find_time_expressions, resolve
from checker.ingest import read_articles
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


def test_a_since_clause_ends_with_its_sentence() -> None:
    # FA-KES 1924058208: the siege "since 2013" is the sentence before's; Sunday's 17 are
    # Sunday's toll, no running total from Sunday
    text = (
        "Eastern Ghouta is already in the grip of a humanitarian crisis caused by a crushing "
        "regime siege of the area since 2013 that has caused food and medical shortages. On "
        "Sunday regime air strikes on the areas of Mesraba and Madira killed 17 civilians."
    )
    (claim,) = extract_claims(Article("t", "test", dt.date(2017, 11, 26), "", text))
    assert (claim.as_of, claim.period_start, claim.scope) == (dt.date(2017, 11, 26), None, "event")


@pytest.mark.parametrize(
    "text",
    [
        # FA-KES 1923102975
        "A witness told Reuters that there had been drones in the sky since Sunday morning with "
        "warplanes heavily bombing the towns of Mesraba Harasta and Eastern Ghouta killing at "
        "least 19 civilians.",
        "Ten people have been killed since dawn in the shelling of the town.",
    ],
)
def test_since_the_morning_of_the_day_is_the_days_toll(text: str) -> None:
    (claim,) = extract_claims(Article("t", "test", dt.date(2017, 11, 26), "", text))
    assert (claim.as_of, claim.period_start, claim.scope) == (dt.date(2017, 11, 26), None, "event")


@pytest.mark.parametrize(
    "text",
    [
        # FA-KES 1923848179: the city's division, not the toll, runs since July 2012
        "The Britain-based monitor said rebel bombardment of government-held districts killed "
        "two civilians in the city that has been divided since July 2012.",
        # FA-KES 1923848233
        "On Monday air strikes killed 23 people in the town which has been under siege by the "
        "army ever since rebels seized it two year ago.",
        # FA-KES 1914947538: a comparison, its measure words apart
        "The attack the first explosion to hit the heart of the western town since the "
        "outbreak of Syrias civil war in 2011 killed a nurse a hospital employee and two "
        "soldiers.",
    ],
)
def test_a_since_of_a_places_state_or_a_comparison_is_no_period(text: str) -> None:
    (claim,) = extract_claims(Article("t", "test", dt.date(2016, 7, 12), "", text))
    assert (claim.period_start, claim.scope) == (None, "event")


def test_a_war_s_since_in_a_relative_clause_is_the_toll_s() -> None:
    text = "Some 300000 people have been killed in the war that has been raging since 2011."
    (claim,) = extract_claims(Article("t", "test", dt.date(2016, 7, 12), "", text))
    assert claim.scope == "cumulative" and claim.period_start == dt.date(2011, 1, 1)


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


# --- beyond Syria (issue 11): reference dates of undated reports, idmc-news sentences ------


def undated(text: str, url: str | None = None) -> list[tuple[str, dt.date | None]]:
    article = Article("t", "test", None, "", text, url=url)
    return [(c.surface, c.as_of) for c in extract_claims(article)]


def test_a_date_inside_the_first_sentence_is_not_a_dateline() -> None:
    # idmc-280faca8ac: published null, and the eruption's date is not the report's
    text = (
        "Mt.Sangeang Api in Bima, Province of Nusa Tenggara Barat, Indonesia has erupted on 30 "
        "May 2014, at 14:55 (UTC +7). The local authority has evacuated 135 people with no "
        "fatality has been reported."
    )
    assert undated(text) == [("135", None)]
    # idmc-f1937292de: the announcement's date is the figure's, not the reference
    text = (
        "The United Nations Children's Fund (UNICEF) announced on Thursday 06 November 2014 that "
        "at least 16,000 people have been displaced by recent floods in Uganda. Initially around "
        "500 people were displaced."
    )
    claims = extract_claims(Article("t", "test", dt.date(2014, 11, 10), "", text))
    assert [(c.surface, c.as_of) for c in claims] == [
        ("at least 16,000", dt.date(2014, 11, 6)),
        ("around 500", dt.date(2014, 11, 10)),
    ]


def test_the_url_s_date_is_the_reference_of_an_undated_article() -> None:
    # idmc-f8b8b9072c: no published date, a dateline without its year, a dated URL
    text = (
        "Some 20,000 Indians have fled to relief camps while at least 2,000 Pakistanis have "
        "sought shelter with relatives. The firing has killed 23 civilians this year."
    )
    url = "http://news.trust.org/item/20141010070859-g23bz?view=print"
    assert undated(text, url) == [
        ("Some 20,000", dt.date(2014, 10, 10)),
        ("at least 2,000", dt.date(2014, 10, 10)),
        ("23", dt.date(2014, 10, 10)),
    ]


def test_an_undated_report_is_current_at_the_day_it_states_its_figures_as_of() -> None:
    # idmc-34b3e7746c (weather.com, no published date, no date in its address or first
    # line): "Here are the latest statistics ... as of Friday, Sept. 18: The death toll is
    # eight", the year from its embedded tweets ("September 10, 2015"); its weekdays resolve
    # against that day, its dates without a year take the tweets' year
    if not IDMC.is_file():
        pytest.skip(f"idmc-news is not at {IDMC}")
    article = next(
        a
        for a in read_articles([IDMC])
        if isinstance(a, Article) and a.article_id == "idmc-34b3e7746c"
    )
    assert article.published is None
    as_of = {(c.surface, c.quote[:24]): c.as_of for c in extract_claims(article)}
    sept = {day: dt.date(2015, 9, day) for day in range(9, 19)}
    assert as_of[("eight", "Here are the latest stat")] == sept[18]
    assert as_of[("46", "There are 46 confirmed i")] == sept[18]
    assert as_of[("two", "More rescues took place ")] == sept[13]  # "Sunday"
    assert as_of[("Fewer than 3,000", "Fewer than 3,000 people ")] == sept[14]  # "Monday"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date without its year, in the year of the text's full dates
        (
            "Officials confirmed it on Sept. 10, 2015. As of Sept. 18, 15 people were missing.",
            [("15", dt.date(2015, 9, 18))],
        ),
        # a cited report's "as of" is the report's date, not the text's
        (
            "Some 800 people were displaced in 2014 (UNHCR, IDP Statistics as of 31 March 2015, "
            "on file with IDMC). Another 200 fled.",
            [("Some 800", dt.date(2014, 12, 31)), ("200", None)],
        ),
        # no year anywhere: no day ("as of 6 Nov" could be any year's)
        ("As of 6 Nov, 15,830 people were in evacuation centres.", [("15,830", None)]),
        # a time of day is no date ("Sept. 18:30")
        ("It was issued at Sept. 18:30 in 2015. As of then, 40 people had fled.", [("40", None)]),
    ],
)
def test_an_undated_texts_as_of_day(text: str, expected: list[tuple[str, dt.date | None]]) -> None:
    assert undated(text) == expected


def test_no_year_is_guessed_for_a_date_without_one() -> None:
    # idmc-bb422ce005: "as of 04 February", published null -> unknown (not this year)
    text = "ONEMI reported, as of 04 February at 09.00 UTC, 11 deaths and 7 314 people affected."
    assert undated(text) == [("11", None), ("7 314", None)]
    # but a month with its year needs no reference (idmc-c3c79ec0dd)
    text = (
        "In December 2013, the fiercest winter storm the region has seen for many years, Alexa, "
        "hit the Strip, and brought torrential rains and widespread flooding that displaced "
        "thousands."
    )
    assert undated(text) == [("thousands", dt.date(2013, 12, 31))]


def test_a_calendar_date_beats_a_few_weeks_ago() -> None:
    # idmc-5b786fdec8
    text = (
        "Just a few weeks ago a landslide caused by floods killed nine people in North Sumatra in "
        "Indonesia 30 November."
    )
    assert dated(text, dt.date(2013, 12, 17)) == [("nine", dt.date(2013, 11, 30), None)]


def test_a_decade_is_not_a_year() -> None:
    # idmc-c7c8511de8
    text = (
        "In Maluku, there are still some 1,123 households, or 5,400 individuals, displaced in the "
        "early 2000s who have since been living with host families."
    )
    assert {as_of for _, as_of, _ in dated(text, dt.date(2015, 6, 1))} == {dt.date(2015, 6, 1)}


@pytest.mark.parametrize(
    ("words", "published"),
    [
        ("27 apr 2017", None),
        ("april 5 2017", None),
        ("june 27, 2016", None),
        ("6 may", dt.date(2016, 5, 1)),  # no year: the latest 6 May before publication
        ("december 24, 2015", dt.date(2016, 1, 3)),
        ("05.02.2015", None),
        ("2014-10-10", None),
        ("31 feb 2016", None),
        ("the 5 of may", dt.date(2017, 6, 1)),
    ],
)
def test_plain_dates_read_without_dateparser_as_dateparser_reads_them(
    words: str, published: dt.date | None
) -> None:
    from checker.extract import dates

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first"}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time(12))
    order = {"DATE_ORDER": "DMY"} if "." in words else {}
    expected = dateparser.parse(
        words.replace("the ", ""), languages=["en"], settings={**settings, **order}
    )
    assert dates._parse(words, published) == (expected.date() if expected else None)


def test_a_time_of_something_else_in_the_sentence() -> None:
    # idmc-135d231d57: "in last week" is the 11's (their relative clause), not the 14's
    text = (
        "Sudan Vision are reporting that at least 14 people have been killed in flooding since 25 "
        "July 2014, including 11 that were killed in last week in the Omdadda neighbourhood."
    )
    found = dated(text, dt.date(2014, 8, 4))
    assert found[0] == ("at least 14", dt.date(2014, 8, 4), dt.date(2014, 7, 25))
    # idmc-22601fcfaa: a standing count holds now, not when the floods that caused it struck
    text = (
        "Elsewhere in Indonesia, over 2,000 people have been evacuated in Aceh province after "
        "floods in South Aceh regency that first struck almost one week ago."
    )
    assert dated(text, dt.date(2015, 1, 20)) == [("over 2,000", dt.date(2015, 1, 20), None)]
    # but an event toll holds when its event happened (crafted)
    text = "Five people were killed after a strike hit the market on Tuesday."
    assert dated(text, dt.date(2016, 6, 9)) == [("Five", dt.date(2016, 6, 7), None)]


def test_a_year_s_total_starts_with_the_year() -> None:
    # idmc-f8b8b9072c: "so far this year compared to 347 in 2013"
    text = (
        "Indian military officials say there have been over 110 ceasefire violations by Pakistan "
        "so far this year compared to 347 in 2013 and 114 in 2012."
    )
    assert dated(text, dt.date(2014, 10, 10)) == [
        ("over 110", dt.date(2014, 10, 10), dt.date(2014, 1, 1)),
        ("347", dt.date(2013, 12, 31), dt.date(2013, 1, 1)),
        ("114", dt.date(2012, 12, 31), dt.date(2012, 1, 1)),
    ]


def test_expressions_tried_at_their_first_words_only_are_all_found(fakes_csv) -> None:
    """The time expressions found by trying the pattern only at the words one can start
    with are exactly those of the pattern tried everywhere: on every FA-KES text, whole and
    from odd offsets, and on each kind's own wording."""
    from checker.extract.times import _EXPRESSION, _expressions
    from checker.ingest import read_articles

    def everywhere(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group(0)) for m in _EXPRESSION.finditer(text, start, end)]

    def at_first_words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group(0)) for m in _expressions(text, start, end)]

    kinds = (
        "Since the war began in March 2011, on Monday's strike, 5th of May, 05.02.2015, "
        "2014-10-10, mid-December, late January 2020, the end of May, June 2016, in "
        "December, last September, in 2013, the early 2000s, since 2012, since April, "
        "yesterday, earlier this week, the past week, three days ago, over recent days, "
        "Syria's conflict which began, Syrias war that started, SUNDAY, Apr 232017, a day "
        "earlier, a few weeks ago, within the last 24 hours, Tuesdays, throughout 2015, "
        "from the start of the war, in-2014, since  2014, from  last week, on Mondays, "
        "sınce 2012, the ſtart of the war, sıx days ago (a dotless i, a long s)"
    )
    texts = [kinds] + [a.text for a in read_articles([fakes_csv]) if hasattr(a, "text")]
    for text in texts:
        n = len(text)
        for start, end in ((0, n), (1, n), (n // 3, n - 7), (n // 2 + 1, n)):
            assert at_first_words(text, start, end) == everywhere(text, start, end)
    assert len(everywhere(kinds, 0, len(kinds))) >= 25


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        # idmc-c7c8511de8's country profile: the cited report's day, over the month
        (
            "In February 2012, some 4,000 people fled their village in Pelauw, Central Maluku, "
            "following intra-communal violence (AF, 22 February 2012).",
            dt.date(2012, 2, 22),
        ),
        # a standing count, cited at a month: its end, not the year of the displacement
        (
            "In West Lombok Regency, some 161 members of the Ahmadi Islamic movement displaced "
            "in 2006 have since not been able to return to their homes (IDMC interviews, May "
            "2015).",
            dt.date(2015, 5, 31),
        ),
    ],
)
def test_a_cited_reports_date_is_when_the_figure_holds(text: str, as_of: dt.date) -> None:
    claims = extract_claims(Article("t", "idmc", dt.date(2015, 7, 1), "", text))
    assert [c.as_of for c in claims] == [as_of]


def test_a_date_in_brackets_that_cites_nothing_is_no_citation() -> None:
    text = "Some 300 people fled on Monday (15 June) after the floods."
    claims = extract_claims(Article("t", "idmc", dt.date(2015, 6, 17), "", text))
    assert [c.as_of for c in claims] == [dt.date(2015, 6, 15)]


def test_early_in_a_month_holds_at_its_tenth() -> None:
    # tests/gold/README.md: "early M" = days 1-10 -> the 10th; "since early M" starts on the 1st
    assert dated("In early June 2015, 4,917 families were evacuated.", dt.date(2015, 7, 31)) == [
        ("4,917", dt.date(2015, 6, 10), None)
    ]
    assert dated("Since early December, 400 people died.", dt.date(2016, 1, 31)) == [
        ("400", dt.date(2016, 1, 31), dt.date(2015, 12, 1))
    ]
