"""Time expressions in news text, resolved against the publication date.

:mod:`.times` finds the time expressions of a text ("on Tuesday", "April 27 2017", "since
early December", "in the past week", "last year"); :func:`resolve` turns one into the dates a
claim needs (``as_of``, ``period_start``); :func:`find_dateline` reads the date a text opens
with.

dateparser does the calendar work, but only ever on the short expression this module found
and never through ``search_dates``, because on news text (checked on dateparser 1.5.0):

- ``search_dates`` swallows counts into dates ("in 2023, 12 of" -> 2023-12-15) and, without
  ``languages=['en']``, reads "to" as a Finnish weekday; language detection also makes it
  about a thousand times slower. So the parser is always called with ``languages=['en']``.
- without ``PREFER_DATES_FROM='past'`` a bare "6 May" can land after the publication date;
  without ``PREFER_DAY_OF_MONTH='first'`` "March 2011" takes its day from the relative base.
- it returns None for "since early December", "mid-December", "earlier this month", "in the
  past week", "last September"; and "on Tuesday" published on a Tuesday resolves to the
  Tuesday before, where news means that very day. Those forms are resolved here.

Results are cached per (expression, publication date): deterministic and stateless.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import dateparser

from checker.extract.times import (
    _COUNT,
    _WEEKDAY,
    _WEEKDAY_ABBR,
    _YEAR,
    TimeExpression,
    find_time_expressions,
)
from checker.lexicon import MONTH_FULL_PATTERN, MONTHS, WEEKDAYS

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3,
    "few": 3, "a few": 3,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a time expression says about a figure: the date it holds at, and since when."""

    as_of: dt.date | None
    period_start: dt.date | None


def resolve(expr: TimeExpression, published: dt.date | None, year: int | None = None) -> Resolved:
    """Resolve ``expr`` against ``published``; unknown parts are None. With no
    ``published``, a full date without its year ("On Wednesday, Sept. 16") is in ``year``
    (the year of the text's own full dates, :func:`stated_year`), if given."""
    if published is None and year is not None and expr.kind == "full":
        r = _resolve(expr.kind, expr.words.lower(), expr.since, dt.date(year, 12, 31))
        return Resolved(None if expr.since else r.as_of, r.period_start)
    return _resolve(expr.kind, expr.words.lower(), expr.since, published)


@lru_cache(maxsize=4096)
def _resolve(kind: str, words: str, since: bool, published: dt.date | None) -> Resolved:
    if kind == "war":  # the war's start: the date the text gives it, else unknown
        first, _ = (
            _month_or_year("month", words, published)
            if re.search(r"\d", words)
            else (
                None,
                None,
            )
        )
        return Resolved(published, first)
    if kind == "monthsince":
        kind, since = "month", True
    if published is None and not (
        kind in ("full", "numeric", "monthyear", "year", "yearsince")
        or (kind in ("month", "monthpart") and re.search(_YEAR, words))
    ):
        return Resolved(None, None)  # "on Tuesday", "in October": relative to a day unknown
    if published is None and kind == "full" and not re.search(_YEAR, words):
        # "as of 04 February" with nothing to give the year: dateparser would take this year
        return Resolved(None, None)
    first, last = _period(kind, words, published)
    if first is None or last is None:
        return Resolved(None, None)
    if published is not None and last > published:
        last = published
    if since or kind == "yearsince":
        return Resolved(published, first)
    if kind == "relative" and _is_span_back(words):
        return Resolved(published, None)  # "in the past week": a window, not a start date
    if kind in ("month", "monthyear"):
        return Resolved(last, first)  # a month's total: "in May 2016", "the month of July"
    if kind == "year" or (kind == "relative" and re.match(r"this (?:year|month)$", words)):
        return Resolved(last, first)  # a year's total: "347 in 2013", "23 civilians this year"
    return Resolved(last, None)


def _is_span_back(words: str) -> bool:
    """ "in the past week", "over recent days": a span ending at publication."""
    return (
        bool(re.search(r"\b(?:past|last|previous|recent)\b", words))
        and "ago" not in words
        and ("the" in words.split() or "recent" in words)
    )


def _period(
    kind: str, words: str, published: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day the expression covers."""
    if kind == "weekday":
        return _weekday(words, published)
    if kind == "monthpart":
        return _month_part(words, published)
    if kind == "relative":
        return _relative(words, published)
    if kind in ("month", "monthyear", "year", "yearsince"):
        return _month_or_year(kind, words, published)
    day = _parse(re.sub(r"\s+at\s+\d{1,2}:?\d{2}$", "", _unglue(words)), published)
    return day, day


def _unglue(words: str) -> str:
    """ "apr 232017" -> "apr 23 2017" (FA-KES's "Last updated at Apr 232017")."""
    return re.sub(r"\b([a-z]{3,9}\.?\s+)([0-3]\d)((?:19|20)\d{2})$", r"\1\2 \3", words)


def _parse(words: str, published: dt.date | None) -> dt.date | None:
    """dateparser on one short expression, English only, resolving towards the past."""
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": False,
    }
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time(12))
    if re.fullmatch(r"\d{1,2}[.-]\d{1,2}[.-]\d{4}", words):
        settings["DATE_ORDER"] = "DMY"  # "05.02.2015" (Sputnik), "17-08-2014" (Manar)
    # A weekday before a full date only names it ("Monday November 13"); dateparser would
    # otherwise move to the next Monday.
    words = re.sub(rf"^{_WEEKDAY}|^{_WEEKDAY_ABBR}\b", "", words, flags=re.IGNORECASE).strip(" ,")
    words = re.sub(r"\b(\d{1,2})(?:st|nd|rd|th)\b", r"\1", words.replace("the ", "", 1))
    known, day = _plain_date(words, published)
    if known:
        return day
    parsed = dateparser.parse(words, languages=["en"], settings=settings)
    return parsed.date() if parsed is not None else None


# The forms news writes most ("27 apr 2017", "april 5 2017", "june 27, 2016", "05.02.2015",
# "2014-10-10", "6 may"): read here, because a dateparser call costs ~3 ms, a third of an
# article's extraction; anything else still goes to dateparser.
_DAY_MONTH = re.compile(r"(\d{1,2})\s+(?:of\s+)?([a-z]{3,9})\.?(?:,?\s+(\d{4}))?")
_MONTH_DAY = re.compile(r"([a-z]{3,9})\.?\s+(\d{1,2})(?:,?\s*(\d{4}))?")
_DMY = re.compile(r"(\d{1,2})[.-](\d{1,2})[.-](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH_NAMES = frozenset(calendar.month_name[1:]) | frozenset(calendar.month_abbr[1:]) | {"Sept"}


def _plain_date(words: str, published: dt.date | None) -> tuple[bool, dt.date | None]:
    """(handled, date) for the plain calendar forms; (False, None) for the rest."""
    day: int | str
    if m := _DAY_MONTH.fullmatch(words):
        day, month, year = m.groups()
    elif m := _MONTH_DAY.fullmatch(words):
        month, day, year = m.groups()
    elif m := _DMY.fullmatch(words):
        return True, _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    elif m := _ISO.fullmatch(words):
        return True, _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    else:
        return False, None
    if month.capitalize() not in _MONTH_NAMES:
        return False, None
    number = MONTHS[month[:3]]
    if year is not None:
        return True, _valid(int(year), number, int(day))
    if published is None:
        return False, None
    # no year: the latest such day on or before publication
    for y in (published.year, published.year - 1):
        found = _valid(y, number, int(day))
        if found is not None and found <= published:
            return True, found
    return False, None


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _weekday(words: str, published: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """The named weekday on or before publication ("on Tuesday" on a Tuesday is that day)."""
    assert published is not None
    m = re.search(r"(mon|tues|wednes|thurs|fri|satur|sun)day", words)
    if m is None:
        return None, None
    target = WEEKDAYS[m.group(1)[:3]]
    back = (published.weekday() - target) % 7
    if "last" in words.split() and back == 0:
        back = 7
    day = published - dt.timedelta(days=back)
    return day, day


def _month_part(words: str, published: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    m = re.search(rf"({MONTH_FULL_PATTERN})(?:,?\s+({_YEAR}))?", words, re.IGNORECASE)
    assert m is not None
    month = MONTHS[m.group(1)[:3].lower()]
    year = int(m.group(2)) if m.group(2) else _year_of_month(month, published)
    if year is None:
        return None, None
    ndays = calendar.monthrange(year, month)[1]
    # The first day of the vague part is its start ("since early December" -> 1 December);
    # the day it is "as of" its last (tests/gold/README.md: early = days 1-10, the 10th;
    # "the beginning of" the 1st; mid the 15th; late and "the end of" the month's last day).
    if "early" in words:
        lo, hi = 1, 10
    elif "beginning" in words or "start" in words:
        lo, hi = 1, 1
    elif "mid" in words:
        lo, hi = 15, 15
    else:  # late, the end of
        lo, hi = 21, ndays
    return dt.date(year, month, lo), dt.date(year, month, hi)


def _year_of_month(month: int, published: dt.date | None) -> int | None:
    """The year of the latest ``month`` that began on or before publication."""
    if published is None:
        return None
    return published.year if month <= published.month else published.year - 1


def _month_or_year(
    kind: str, words: str, published: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    ym = re.search(rf"\b({_YEAR})\b", words)
    mm = re.search(MONTH_FULL_PATTERN, words, re.IGNORECASE)
    if mm is None:
        if ym is None:
            return None, None
        only = int(ym.group(1))
        return dt.date(only, 1, 1), dt.date(only, 12, 31)
    month = MONTHS[mm.group(0)[:3].lower()]
    if ym is not None:
        year: int | None = int(ym.group(1))
    elif words.startswith("this "):
        year = published.year if published is not None else None
    else:
        year = _year_of_month(month, published)
        if (
            year is not None
            and published is not None
            and words.startswith("last ")
            and (year, month) == (published.year, published.month)
        ):
            year -= 1
    if year is None:
        return None, None
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _relative(words: str, published: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    assert published is not None
    one = dt.timedelta(days=1)
    if words in ("today", "tonight", "earlier today"):
        return published, published
    if words in ("yesterday", "last night", "the day before", "day before", "the previous day",
                 "a day earlier"):  # fmt: skip
        return published - one, published - one
    m = re.search(rf"({_COUNT})?\s*\b(hour|day|week|weekend|month|year)s?\b", words)
    if m is None:
        return None, None
    n = _count(m.group(1))
    unit = m.group(2)
    if "ago" in words:
        day = published - _delta(unit, n, published)
        return day, day
    if words.startswith(("this ", "earlier this", "later this")):
        return _calendar_unit(unit, published, 0)
    if re.match(r"(?:last|previous|earlier last|later last|later that)\b", words):
        if unit in ("week", "weekend", "day", "hour"):
            start = published - dt.timedelta(days=published.weekday() + 7)
            return start, start + dt.timedelta(days=6)
        return _calendar_unit(unit, published, -1)
    # "the past week", "in the last three days", "over recent weeks": back from publication
    return published - _delta(unit, n if m.group(1) else 1, published), published


def _count(word: str | None) -> int:
    if word is None:
        return 1
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 1)


def _delta(unit: str, n: int, published: dt.date) -> dt.timedelta:
    days = {"hour": 0, "day": 1, "week": 7, "weekend": 7, "month": 30, "year": 365}[unit]
    return dt.timedelta(days=max(1, n * days) if unit != "hour" else max(0, n // 24))


def _calendar_unit(unit: str, published: dt.date, offset: int) -> tuple[dt.date, dt.date]:
    if unit == "year":
        y = published.year + offset
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    if unit == "month":
        y, m = published.year, published.month + offset
        if m == 0:
            y, m = y - 1, 12
        return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
    start = published - dt.timedelta(days=published.weekday())
    return start, start + dt.timedelta(days=6)


# How far into a text its date line may be: after "Published", "Posted on", "Date of
# publication", "Last updated at" or a repeated headline (SANA puts the date after it).
DATELINE_REACH = 200
# A date after a preposition is part of a sentence, not a dateline.
_IN_PROSE = re.compile(
    r"\b(?:on|of|from|to|since|in|until|till|by|during|between|and|before|after)\s+"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?$",
    re.IGNORECASE,
)
# "Posted on April 19 2017", "Last updated at Apr 23 2017": a date line all the same
_STAMP_BEFORE = re.compile(
    r"\b(?:posted|published|updated|publication|released|issued)\s+(?:on|at|of)\s+$", re.I
)
# "... in Asuncion on December 24, 2015 (AFP Photo/Norberto Duarte)"
_CAPTION = re.compile(r"\.?\s*\(?(?:AFP|Reuters|REUTERS|AP|EPA|Getty)?\s*(?:Photo|/)")


def find_dateline(text: str) -> tuple[dt.date, tuple[int, int]] | None:
    """The date a text opens with, if it opens with one (with its year), and its span:
    "Wed Jun 1 2016", "Published April 5 2017", "Mon, 24 Jun 2019", "Saturday 20 Sep 2014",
    "15-09-2013", "Last updated at Apr 232017". It is the day the text was written. Not a
    date the first sentence tells of ("has erupted on 30 May 2014", "From 20 July to 5 August
    2014", "during the morning of Saturday, 11 July 2015")."""
    for expr in find_time_expressions(text, 0, min(len(text), DATELINE_REACH + 40)):
        if expr.start > DATELINE_REACH:
            break
        before = max(0, expr.start - 24)
        if (
            _IN_PROSE.search(text, before, expr.start)
            and not _STAMP_BEFORE.search(text, before, expr.start)
            and not _CAPTION.match(text, expr.end)
        ):
            continue  # a date the first sentence tells of; but a photo caption's is the day
        if expr.kind in ("full", "numeric") and re.search(r"(?:19|20)\d\d", expr.words):
            day = resolve(expr, None).as_of
            if day is not None:
                return day, (expr.start, expr.end)
    return None


#: the year of a text's dates is read in its first this many characters, and at most this
#: many "as of" of it are read (bounds: a page of dates is not scanned whole again)
YEAR_REACH = 50_000
MAX_AS_OF = 20


def stated_year(text: str) -> int | None:
    """The year of the latest date a text states in full ("September 10, 2015", "14 August
    2014", "15-09-2013"): for a text with no date of its own (none published, none in its
    address or date line), the year its dates without one ("On Wednesday, Sept. 16") are in."""
    days = [
        d
        for e in find_time_expressions(text, 0, min(len(text), YEAR_REACH))
        if e.kind in ("full", "numeric") and not e.since and re.search(_YEAR, e.words)
        if (d := resolve(e, None).as_of) is not None
    ]
    return max(days).year if days else None


def stated_as_of(text: str, year: Callable[[], int | None]) -> dt.date | None:
    """The day a text with no date of its own states its figures as of ("Here are the
    latest statistics from the Fire and Disaster Management Agency ... as of Friday, Sept.
    18:"), in the ``year()`` of its dates when it gives none: the latest such day, the day
    the text is current at, and so its reference date. Not a cited report's ("(UNHCR, IDP
    Statistics as of 31 March 2015, on file with IDMC)"): that is the report's date, not
    the text's."""
    days: list[dt.date] = []
    for k, m in enumerate(_AS_OF.finditer(text)):
        if k == MAX_AS_OF:
            break
        e = next(iter(find_time_expressions(text, m.end(), min(len(text), m.end() + 40))), None)
        if e is None or e.start != m.end() or e.kind != "full":
            continue
        if text.rfind("(", 0, e.start) > text.rfind(")", 0, e.start):
            continue  # inside a citation's brackets
        day = resolve(e, None, None if re.search(_YEAR, e.words) else year()).as_of
        if day is not None:
            days.append(day)
    return max(days) if days else None


_AS_OF = re.compile(r"\bas\s+(?:of|at)\s+", re.IGNORECASE)


def url_date(url: str | None) -> dt.date | None:
    """The date a news URL carries ("/2014/10/10/", "/news/2014-05-03/", "item/20141010..."):
    the reference date of an article published without one."""
    m = _URL_DATE.search(url or "")
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    except ValueError:
        return None


_URL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d{1,5}(?:\D|$))"
)
