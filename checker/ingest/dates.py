"""Publication dates: from metadata values, or from a dateline at the start of the text.

Parsing is dateparser's (languages=["en"], PREFER_DATES_FROM="past", DATE_ORDER per input or
outlet). Two things are wrapped around it, for speed and for precision on news text:

* One ``DateDataParser`` per date order, built once and reused, and an LRU cache of results:
  dateparser is slow when it guesses languages or is rebuilt per call (hundreds of ms a call;
  scrapinghub/dateparser#457, #426), ~0.5 ms with ``languages=["en"]``, and FA-KES repeats
  its dates. ISO dates (``2019-05-22``, YAML's dates) skip dateparser: they are unambiguous.
* Datelines are *located* with a regular expression anchored at the start of the text, and
  only the matched span is handed to dateparser. ``dateparser.search.search_dates`` over a
  whole article is slow (scrapinghub/dateparser#439) and finds every date in the body ("on
  September 17"), which is not when the article was published.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from checker.lexicon import MONTH_PATTERN

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

_DATEPARSER_SETTINGS: dict[str, Any] = {
    "PREFER_DATES_FROM": "past",
    # "May 2019" or "2019" is not a publication date: never invent the missing day.
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    # Absolute dates only: "yesterday" in metadata has nothing to be relative to.
    "PARSERS": ["custom-formats", "absolute-time"],
}

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]*(?:Z|[+-]\d{2}:?\d{2})?)?")
_DOTTED = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}")
_NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")

_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?,?"
)
_MONTH = MONTH_PATTERN  # (read with re.IGNORECASE)
#: A dateline: at the very start of the text, after an optional "Published"/"Posted on"/
#: "Last updated at" and weekday, a full date with a year. Seen in the corpus: "Mon, 24 Jun
#: 2019", "Wed 05 Apr 2017 ...", "05.02.2015" and "21.08.2013Get short URL" (Sputnik),
#: "Published February 18 2015", "Last updated at Apr 232017" (day and year run together),
#: "Fri Sep 27 2013", "Wednesday 07 December 2016", "Print this page Tuesday 19 July 2016".
_DATELINE = re.compile(
    r"[\s\W_]{0,8}"
    r"(?:print\s+this\s+page\s+)?"
    r"(?:(?:published|posted|updated|last\s+updated)(?:\s+on|\s+at)?:?\s+)?"
    rf"(?:{_WEEKDAY}\s*)?"
    r"(?:"
    r"(?P<num>\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2}))"
    r"|(?P<iso>\d{4}-\d{1,2}-\d{1,2})"
    rf"|(?P<dmy>\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})"
    rf"|(?P<mdy_month>{_MONTH})\s+(?P<mdy_day>\d{{1,2}})(?:st|nd|rd|th)?,?\s*(?P<mdy_year>\d{{4}})"
    r")(?!\d)",
    re.IGNORECASE,
)


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where a dateline opening ``text`` is ("Mon, 24 Jun 2019", "Published April 5 2017"):
    its (start, end) offsets, without parsing it; None when the text opens with none."""
    match = _DATELINE.match(text, 0, 120)
    if match is None:
        return None
    words = match.group(0)
    lead = len(words) - len(words.lstrip(" \t\n\r-–—|:,.*_#"))
    return match.start() + lead, match.end()


class DateReader:
    """Parses publication dates; one per run (it caches its dateparser parsers)."""

    def __init__(self) -> None:
        self._parsers: dict[str | None, DateDataParser] = {}
        # Bound per instance so the cache is dropped with the reader.
        self.parse: Callable[[str, str | None], dt.date | None] = lru_cache(maxsize=4096)(
            self._parse
        )

    def _parser(self, order: str | None) -> DateDataParser:
        parser = self._parsers.get(order)
        if parser is None:
            settings = dict(_DATEPARSER_SETTINGS)
            if order is not None:
                settings["DATE_ORDER"] = order
            from dateparser.date import DateDataParser  # 0.2-0.4 s: not for `--help`

            parser = DateDataParser(languages=["en"], settings=settings)
            self._parsers[order] = parser
        return parser

    def _parse(self, text: str, order: str | None) -> dt.date | None:
        """``text`` as a date, or None when it is not one full date.

        ``order`` ("DMY"/"MDY"/"YMD") decides all-numeric dates; None means dateparser's
        English default (month first) except for dotted dates, which are day first.
        """
        text = " ".join(text.split())
        if not text or len(text) > 64:
            return None
        iso = _ISO.fullmatch(text)
        if iso:
            try:
                return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
            except ValueError:
                return None
        if order is None and _DOTTED.fullmatch(text):
            # "05.02.2015": dotted numeric dates are day-first wherever they are written.
            order = "DMY"
        numeric = _numeric(text, order)
        if numeric is not None:
            return numeric
        try:
            found = self._parser(order).get_date_data(text)
        except (ValueError, OverflowError, TypeError):  # dateparser raises on odd input
            return None
        return found.date_obj.date() if found.date_obj is not None else None

    def find_dateline(self, text: str, order: str | None) -> tuple[str, dt.date | None] | None:
        """The dateline at the start of ``text`` as (the words, the date), else None.

        The date is None when the words look like a date but are not one ("31.31.2017").
        """
        match = _DATELINE.match(text, 0, 120)
        if match is None:
            return None
        if match["mdy_month"]:
            words = f"{match['mdy_month']} {match['mdy_day']} {match['mdy_year']}"
        else:
            words = match["num"] or match["iso"] or match["dmy"]
        return match.group(0).strip(), self.parse(words, order)


def _numeric(text: str, order: str | None) -> dt.date | None:
    """ "4/5/2017" (FA-KES's date column) read here when it is a valid date in the order
    given (month first by default, day first when dotted): dateparser reads those the same
    (checked on every day, month, separator and order, dateparser 1.5.0), at ~2 ms a call, a
    sixth of ``checker extract``'s time on FA-KES. Anything else (two-digit years, YMD, a
    date valid only with day and month swapped) is still dateparser's."""
    m = _NUMERIC.fullmatch(text)
    if m is None or order == "YMD":
        return None
    first, second, year = int(m[1]), int(m[3]), int(m[4])
    day_first = order == "DMY" or (order is None and m[2] == ".")
    month, day = (second, first) if day_first else (first, second)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def coerce_date(value: object) -> dt.date | str | None:
    """A metadata value as a date (YAML and pandas give date objects), a string to parse, or
    None when there is none."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    return text or None
