"""Rules about an article's own publication date."""

import datetime as dt
import re

from checker import fail, rule
from checker.engine.names import ArticleClaims
from checker.extract.dates import find_dateline

_MONTHS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Dates written in full in the text: "September 17, 2018", "17 September 2018", "March 2011".
# (The lookahead only says what every match starts with, a digit or a month's first letter:
# the other places of a text are left at once, not after trying each month: twice as fast.)
_FULL = re.compile(
    rf"\b(?=[\dadfjmnos])(?:(\d{{1,2}})\s+{_MONTH}\s+((?:19|20)\d\d)"
    rf"|{_MONTH}\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)|{_MONTH}\s+((?:19|20)\d\d))\b",
    re.I,
)
# A day and month with no year after them ("June 22", "22 June"): a date of the year of
# publication.
_YEARLESS = re.compile(
    rf"\b(?=[\dADFJMNOS])(?:\d{{1,2}}\s+(?-i:(?=[A-Z])){_MONTH}(?![a-z])"
    rf"|(?-i:(?=[A-Z])){_MONTH}\s+\d{{1,2}}\b)(?!\.?,?\s+(?:19|20)\d\d)(?!\s*(?:,|-|–)?\s*\d)",
    re.I,
)
_COPYRIGHT = re.compile(r"(?:copyright|©|\(c\))\s*(?:\(c\)\s*)?((?:19|20)\d\d)", re.I)


def _month(name: str) -> int:
    return next(i for i, m in enumerate(_MONTHS, 1) if m.startswith(name.lower()[:3]))


def explicit_dates(text: str) -> list[tuple[dt.date, str, bool, int]]:
    """(date, words, has_day, offset) for every date the text writes in full ("March 2011"
    is the 1st)."""
    out = []
    for m in _FULL.finditer(text):
        d1, mon1, y1, mon2, d2, y2, mon3, y3 = m.groups()
        try:
            if y1:
                out.append((dt.date(int(y1), _month(mon1), int(d1)), m.group(0), True, m.start()))
            elif y2:
                out.append((dt.date(int(y2), _month(mon2), int(d2)), m.group(0), True, m.start()))
            else:
                out.append((dt.date(int(y3), _month(mon3), 1), m.group(0), False, m.start()))
        except ValueError:
            continue  # "31 February 2016": not a date
    return out


@rule(
    severity="high",
    kind="dateline",
    max_days=31,
    max_lag_days=365,
    copyright_lag_years=0,
)
def check_dateline_matches_content(article: ArticleClaims, options: dict) -> None:
    """The article's publication date contradicts its own date line or content.

    The text opens with a date line of its own ("Mon Jun 20 2016", "Published April 5
    2017", "Mon, 24 Jun 2019", "Saturday 20 Sep 2014", "15-09-2013") more than
    ``max_days`` (31) days from the publication date the metadata gives; or the date is
    later than the article's own copyright year; or earlier than a date the text reports as
    past ("on September 17, 2018"); or far later (``max_lag_days``) than every date the
    text writes in full. A wrong date misplaces every "on Tuesday" and "since" figure of the
    article, so its figures are compared with the wrong events. A copy repeats its
    original's date line: only the original is reported.

    Flags:
        published 2016-08-06; the text opens "Mon Jun 20 2016 Daesh on the Run ..."
        date line "Mon, 24 Jun 2019"; "Copyright (c) 2018. RFE/RL"

    Passes:
        published 2019-05-14; "a barrel bomb ... Syria May 7, 2019", no copyright line
    """
    a = article.article
    if a.published is None or a.copy_of is not None:
        return
    published = a.published.isoformat()
    # (a date line is told from a date the first sentence tells of, or a file photo's
    # caption, by the English words around it: in another language it cannot be)
    line = find_dateline(a.text) if a.language in (None, "en") else None
    if line is not None:
        day, (start, end) = line
        days = abs((day - a.published).days)
        if days > options["max_days"]:
            words = a.text[start:end]
            fail(
                f"{a.outlet} article {a.article_id} is dated {published}, but its own date "
                f'line says "{words}" ({day.isoformat()}): {days} days apart.',
                evidence=[words, published],
            )
    text = f"{a.title}\n{a.text}"
    for m in _COPYRIGHT.finditer(text):
        year = int(m.group(1))
        if a.published.year > year + options["copyright_lag_years"]:
            fail(
                f"{a.outlet} article {a.article_id} is dated {published}, but its copyright "
                f'line says "{m.group(0)}": the date line is probably wrong.',
                evidence=[m.group(0), published],
            )
    dates = explicit_dates(text)
    future = [(d, w, at) for d, w, _, at in dates if d > a.published + dt.timedelta(days=31)]
    past = [
        (d, w)
        for d, w, at in future
        if re.search(r"(?:\bon|\bin|\bsince)\s+$", text[max(0, at - 8) : at], re.I)
    ]
    if past:
        d, w = max(past)
        fail(
            f"{a.outlet} article {a.article_id} is dated {published}, but reports "
            f'"{w}" ({d.isoformat()}) as past: the date is earlier than its content.',
            evidence=[w, published],
        )
    days_ = [(d, w) for d, w, has_day, _ in dates if has_day]
    if days_ and not _YEARLESS.search(text):
        # (a day written without its year, "Tuesday morning (June 22)", is of the year the
        # article is published in: its content is not old)
        latest, words = max(days_)
        lag = (a.published - latest).days
        if lag > options["max_lag_days"]:
            fail(
                f"{a.outlet} article {a.article_id} is dated {published}, {lag} days after "
                f'the latest date its text mentions ("{words}").',
                evidence=[words, published],
            )
