"""Rules about an article's own publication date."""

import datetime as dt
import re

from checker import fail, rule

_MONTHS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Dates written in full in the text: "September 17, 2018", "17 September 2018", "March 2011".
_FULL = re.compile(
    rf"\b(?:(\d{{1,2}})\s+{_MONTH}\s+((?:19|20)\d\d)|{_MONTH}\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)"
    rf"|{_MONTH}\s+((?:19|20)\d\d))\b",
    re.I,
)
_COPYRIGHT = re.compile(r"(?:copyright|©|\(c\))\s*(?:\(c\)\s*)?((?:19|20)\d\d)", re.I)


def _month(name):
    return next(i for i, m in enumerate(_MONTHS, 1) if m.startswith(name.lower()[:3]))


def explicit_dates(text):
    """(date, words, has_day) for every date the text writes in full ("March 2011" -> 1st)."""
    out = []
    for m in _FULL.finditer(text):
        d1, mon1, y1, mon2, d2, y2, mon3, y3 = m.groups()
        try:
            if y1:
                out.append((dt.date(int(y1), _month(mon1), int(d1)), m.group(0), True))
            elif y2:
                out.append((dt.date(int(y2), _month(mon2), int(d2)), m.group(0), True))
            else:
                out.append((dt.date(int(y3), _month(mon3), 1), m.group(0), False))
        except ValueError:
            continue  # "31 February 2016": not a date
    return out


@rule(severity="high", kind="dateline", max_lag_days=365, copyright_lag_years=0)
def check_dateline_matches_content(article, options):
    """The article's publication date contradicts its own content.

    Either the date line is earlier than a date the text reports as past, or it is later
    than the article's own copyright year, or far later (``max_lag_days``) than every date
    the text writes in full with its day ("September 17, 2018"). A wrong date line
    misplaces every "on Tuesday" and "since" figure in the article, so its figures are
    matched against the wrong events.

    Flags:
        date line "Mon, 24 Jun 2019"; body about the "September 17" Sochi summit;
        "Copyright (c) 2018. RFE/RL"

    Passes:
        published 2019-05-14; "a barrel bomb ... Syria May 7, 2019", no copyright line
    """
    a = article.article
    if a.published is None:
        return
    text = f"{a.title}\n{a.text}"
    for m in _COPYRIGHT.finditer(text):
        year = int(m.group(1))
        if a.published.year > year + options["copyright_lag_years"]:
            fail(
                f"{a.outlet} article {a.article_id} is dated {a.published.isoformat()}, but "
                f'its copyright line says "{m.group(0)}": the date line is probably wrong.',
                *article.claims,
            )
    dates = explicit_dates(text)
    future = [(d, w) for d, w, _ in dates if d > a.published + dt.timedelta(days=31)]
    past_tense = [
        (d, w) for d, w in future if re.search(rf"(?:on|in|since)\s+{re.escape(w)}", text, re.I)
    ]
    if past_tense:
        d, w = max(past_tense)
        fail(
            f"{a.outlet} article {a.article_id} is dated {a.published.isoformat()}, but reports "
            f'"{w}" ({d.isoformat()}) as past: the date line is earlier than its content.',
            *article.claims,
        )
    # Only dates with a day count here: "in March 2011" is background, not the news.
    days = [(d, w) for d, w, has_day in dates if has_day]
    if days:
        latest, words = max(days)
        lag = (a.published - latest).days
        assert lag <= options["max_lag_days"], (
            f"{a.outlet} article {a.article_id} is dated {a.published.isoformat()}, "
            f'{lag} days after the latest date its text mentions ("{words}").'
        )
