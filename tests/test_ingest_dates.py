"""Publication dates: metadata values and datelines, as FA-KES's outlets write them."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.ingest.dates import DateReader, coerce_date


@pytest.fixture(scope="module")
def reader() -> DateReader:
    return DateReader()


# The opening words of real FA-KES texts, one per outlet style, and the date they give.
@pytest.mark.parametrize(
    ("opening", "order", "expected"),
    [
        ("Wed 05 Apr 2017 Syria attack symptoms consistent", None, dt.date(2017, 4, 5)),
        ("Fri 07 Apr 2017 at 0914 Homs governor says", None, dt.date(2017, 4, 7)),
        ("12 February 2015 Casualties mount in the Eastern Ghouta", None, dt.date(2015, 2, 12)),
        ("April 5 2017 by Youssef Diab Paula Astih", None, dt.date(2017, 4, 5)),
        ("Posted on April 19 2017 by Asharq Al-Awsat English", None, dt.date(2017, 4, 19)),
        ("Published February 18 2015 The Syrian army", None, dt.date(2015, 2, 18)),
        ("29 Jul 2016 The US-led coalition strikes", None, dt.date(2016, 7, 29)),
        ("Last updated at Apr 232017 An Israeli attack", None, dt.date(2017, 4, 23)),
        ("August 13 2016 2037 UTC+3 A representative", None, dt.date(2016, 8, 13)),
        ("Wednesday 07 December 2016 135 Civilians Killed", None, dt.date(2016, 12, 7)),
        ("Print this page Tuesday 19 July 2016 16:45 Russian", None, dt.date(2016, 7, 19)),
        ("Fri Sep 27 2013 Bomb blast kills 60 in Damascus", None, dt.date(2013, 9, 27)),
        ("Mon, 24 Jun 2019\n\nThe presidents of Russia", None, dt.date(2019, 6, 24)),
        # Sputnik, day first, even run into the next word.
        ("24.08.2013 Syrian state media accused rebels", "DMY", dt.date(2013, 8, 24)),
        ("21.08.2013Get short URL 0 0 0 Syrian regime", "DMY", dt.date(2013, 8, 21)),
        ("05.02.2015 A Syrian rebel Islamist group", "DMY", dt.date(2015, 2, 5)),
        ("05.02.2015 A Syrian rebel Islamist group", None, dt.date(2015, 2, 5)),  # dotted
        ("05.02.2015 A Syrian rebel Islamist group", "MDY", dt.date(2015, 5, 2)),
        # al-Manar, day first with dashes: only the order tells.
        ("6-09-2013 Extremists in Syria Admit", "DMY", dt.date(2013, 9, 6)),
        ("6-09-2013 Extremists in Syria Admit", None, dt.date(2013, 6, 9)),
        ("2019-05-22 Turkey-Russia relations", "DMY", dt.date(2019, 5, 22)),
    ],
)
def test_datelines(reader: DateReader, opening: str, order: str | None, expected: dt.date):
    found = reader.find_dateline(opening, order)
    assert found is not None
    words, date = found
    assert opening.startswith(words)
    assert date == expected


@pytest.mark.parametrize(
    "opening",
    [
        "10 dead after strikes on rebel-held hospitals",  # ahram: a headline, no dateline
        "8 persons killed 58 others injured in terrorist rocket attacks on Aleppo city 6 "
        "October 2016",  # SANA: the date follows the headline
        "The meeting on September 17 2018 in Sochi",  # a date in the body, not a dateline
        "May 2019 offensive",  # no day
        "Apr 2017 figures",
        "3,000 people fled on 24.08.2013",
        "",
    ],
)
def test_not_datelines(reader: DateReader, opening: str):
    assert reader.find_dateline(opening, None) is None


def test_dateline_that_is_not_a_date(reader: DateReader):
    assert reader.find_dateline("31.31.2017 Something", "DMY") == ("31.31.2017", None)


@pytest.mark.parametrize(
    ("value", "order", "expected"),
    [
        ("4/5/2017", None, dt.date(2017, 4, 5)),  # FA-KES's date column: M/D/YYYY
        ("4/28/2017", None, dt.date(2017, 4, 28)),
        ("4/5/2017", "DMY", dt.date(2017, 5, 4)),
        ("05.02.2015", None, dt.date(2015, 2, 5)),
        ("2019-05-22", "MDY", dt.date(2019, 5, 22)),
        ("2019-05-22T10:00:00Z", None, dt.date(2019, 5, 22)),
        ("2019-05-22 23:59:59+03:00", None, dt.date(2019, 5, 22)),
        ("22 May 2019", None, dt.date(2019, 5, 22)),
        ("Wednesday, May 22, 2019", None, dt.date(2019, 5, 22)),
        ("2019-02-30", None, None),
        ("May 2019", None, None),
        ("2019", None, None),
        ("yesterday", None, None),
        ("not a date", None, None),
        ("", None, None),
        ("9" * 500, None, None),
    ],
)
def test_metadata_values(
    reader: DateReader, value: str, order: str | None, expected: dt.date | None
):
    assert reader.parse(value, order) == expected


def test_parses_are_cached(reader: DateReader):
    reader.parse("7/19/2014", None)
    before = reader.parse.cache_info().hits  # type: ignore[attr-defined]
    assert reader.parse("7/19/2014", None) == dt.date(2014, 7, 19)
    assert reader.parse.cache_info().hits == before + 1  # type: ignore[attr-defined]


def test_coerce_date():
    assert coerce_date(dt.datetime(2019, 5, 14, 10, 30)) == dt.date(2019, 5, 14)
    assert coerce_date(dt.date(2019, 5, 14)) == dt.date(2019, 5, 14)
    assert coerce_date("  ") is None
    assert coerce_date(None) is None
    assert coerce_date(20190514) == "20190514"


@pytest.mark.parametrize("order", [None, "MDY", "DMY", "YMD"])
@pytest.mark.parametrize("sep", ["/", "-", "."])
def test_numeric_dates_read_as_dateparser_reads_them(order: str | None, sep: str):
    """The all-numeric dates read without dateparser (FA-KES's "4/5/2017") are those it
    would read, the same way: day and month either way round, padded or not, and what is
    no date in the order given (left to dateparser)."""
    from dateparser.date import DateDataParser

    from checker.ingest.dates import _DATEPARSER_SETTINGS

    quick = DateReader()
    settings = dict(_DATEPARSER_SETTINGS)
    if order is not None or sep == ".":
        settings["DATE_ORDER"] = order or "DMY"
    parser = DateDataParser(languages=["en"], settings=settings)
    for first, second in [(4, 5), (5, 4), (12, 31), (31, 12), (2, 29), (29, 2), (13, 13)]:
        for text in (f"{first}{sep}{second}{sep}2016", f"{first:02d}{sep}{second:02d}{sep}2017"):
            found = parser.get_date_data(text).date_obj
            assert quick.parse(text, order) == (found.date() if found else None), text
