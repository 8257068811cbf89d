"""Time expressions in news text: where they are, what kind, and their words.

One compiled pattern finds them ("on Tuesday", "April 27 2017", "since early December", "in
the past week", "last year"), tried only at the words an expression can start with;
:mod:`checker.extract.dates` resolves each against the publication date. The same spans
tell :mod:`checker.extract.numbers` which digits are calendar dates rather than counts.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass

from checker.lexicon import DATE_WORDS, MONTH_FULL_PATTERN, MONTH_PATTERN

_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_WEEKDAY_ABBR = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
_DAY = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_COUNT = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)"
_UNIT = r"(?:hours?|days?|weeks?|months?|years?)"
_WAR = r"(?:war|conflict|crisis|uprising|revolution|unrest)"
_SINCE = r"(?P<since>(?:since|from)\s+)?"

_EXPRESSION = re.compile(
    # a word start first, matched case-sensitively: the engine then skips the other
    # positions quickly (a global IGNORECASE makes every position slow)
    r"(?=[A-Za-z0-9])\b(?i:"
    + _SINCE
    + r"(?:"
    # the war's own start: "since the war began", "since the start of the conflict in 2011"
    # ("the conflict which began with anti-government protests in March 2011")
    + r"(?P<war>(?:the|Syria['’]?s?)\s+(?:(?:start|beginning|outbreak|onset)\s+of\s+the\s+"
    + rf"(?:Syrian\s+)?{_WAR}|(?:Syrian\s+)?{_WAR}\s+(?:which\s+|that\s+)?(?:began|started"
    + r"|erupted|broke\s+out))(?:(?:\s+[\w-]+){0,4}?\s+in\s+"
    + rf"(?:{MONTH_FULL_PATTERN}\s+)?{_YEAR})?)"
    # full dates: "Monday November 13", "April 27, 2017", "27 Apr 2017", "Apr 232017" (FA-KES
    # lost the space), "the 5th of May", "as of Friday, Sept. 18:" (not a time, "May 5 13:00")
    + rf"|(?P<full>(?:(?:{_WEEKDAY}|{_WEEKDAY_ABBR}),?\s+)?(?:"
    + rf"{MONTH_PATTERN}\s+(?:{_DAY}(?:,?\s*{_YEAR})?|[0-3]\d{_YEAR})(?!\d|:\d)"
    + rf"|(?:the\s+)?{_DAY}\s+(?:of\s+)?{MONTH_PATTERN}(?:,?\s+{_YEAR})?(?!\d))"
    + r"(?:\s+at\s+\d{1,2}:?\d{2})?)"
    + r"|(?P<numeric>\b\d{1,2}(?P<sep>[./-])\d{1,2}(?P=sep)(?:19|20)\d{2}"
    + r"|\b(?:19|20)\d{2}-\d{2}-\d{2})"
    # parts of a month: "early December", "mid-December", "late January 2020", "the end of May"
    + r"|(?P<monthpart>(?:(?:in|during)\s+)?(?P<part>early|mid|late|the\s+end\s+of|the\s+beginning"
    + rf"\s+of|the\s+start\s+of|end\s+of|beginning\s+of)[\s-]+(?P<pmonth>{MONTH_FULL_PATTERN})"
    + rf"(?:,?\s+{_YEAR})?)"
    + rf"|(?P<monthyear>{MONTH_FULL_PATTERN},?\s+{_YEAR})"
    # a month on its own needs a preposition: "in December", "last September"
    + rf"|(?P<month>(?:in|during|last|this|until|of)\s+{MONTH_FULL_PATTERN}(?:,?\s+{_YEAR})?)\b"
    + rf"|(?P<year>(?:in|during|of|until|throughout|early|late|mid|end\s+of)[\s-]+{_YEAR})"
    + r"(?![\d’']|s\b)"  # not a decade ("the early 2000s")
    + rf"|(?P<yearsince>(?<=since\s){_YEAR})(?!\d)"
    + rf"|(?P<monthsince>(?<=since\s){MONTH_FULL_PATTERN}(?:,?\s+{_YEAR})?)\b"
    + r"|(?P<relative>yesterday|today|tonight|last\s+night|earlier\s+today"
    + r"|(?:earlier|later)\s+(?:this|that|last)\s+(?:week|month|year)"
    + r"|(?:last|this|previous|past)\s+(?:week|weekend|month|year)"
    + r"|(?:the\s+)?(?:day|week|month)\s+before|the\s+previous\s+day|a\s+day\s+earlier"
    + rf"|(?:(?:in|over|during|within)\s+)?the\s+(?:past|last|previous)\s+(?:{_COUNT}\s+)?{_UNIT}"
    + rf"|{_COUNT}\s+{_UNIT}\s+ago"
    + r"|(?:in|over)\s+recent\s+(?:days|weeks|months))\b"
    + rf"|(?P<weekday>(?:(?:early|late)\s+)?(?:on\s+)?(?:last\s+)?{_WEEKDAY}(?:['’]?s)?\b{_PART})"
    + r"))",
)
# Month and weekday names are proper nouns: matched case-insensitively above only for the
# fixed words around them; these make sure "may" and "march" the verbs are not months.
_CAPITALISED = re.compile(rf"{MONTH_PATTERN}|{_WEEKDAY}|{_WEEKDAY_ABBR}")


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression found in a text: its span, what kind it is, and the words."""

    start: int
    end: int
    kind: str
    words: str
    since: bool

    @property
    def number_free(self) -> bool:
        """Whether the expression holds no digits a count could be mistaken for."""
        return not any(c.isdigit() for c in self.words)


def find_time_expressions(
    text: str, start: int = 0, end: int | None = None
) -> list[TimeExpression]:
    """Every time expression in ``text[start:end]``, in order."""
    found: list[TimeExpression] = []
    for m in _expressions(text, start, len(text) if end is None else end):
        kind = next(k for k in _KINDS if m.group(k) is not None)
        words = m.group(kind)
        if not _names_capitalised(words):
            continue
        found.append(
            TimeExpression(
                m.start(), m.end(), kind, " ".join(words.split()), bool(m.group("since"))
            )
        )
    return found


# The words a time expression can start with (lower case): whole words, and the starts of
# month and weekday names. Every branch of _EXPRESSION starts with one of them or with a
# digit; a branch starting otherwise must be added here.
_FIRST_WORDS = frozenset(
    """
    since from the in during early mid late end beginning last this until of throughout
    yesterday today tonight earlier later previous past day week month a an one two three
    four five six seven eight nine ten eleven twelve several few over within on syria syrias
    """.split()
)
_FIRST_PREFIXES = (
    *("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    *("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
)
_UNIT_WORDS = frozenset("hour hours day days week weeks month months year years".split())
_MONTH_WORDS = frozenset(m.lower() for m in calendar.month_name[1:])
_WAR_WORDS = frozenset("war conflict crisis uprising revolution unrest".split())
_WEEKDAY_WORDS = frozenset(f"{d.lower()}{s}" for d in calendar.day_name for s in ("", "s"))
# The commonest first words start an expression only before one of these words (or a
# number): "the" before "start of the war", "5th of May", "end of May", "past week"; "in"
# and "of" before a month, a year or a part of one; "a", "two" before a unit ("a day
# earlier", "two weeks ago"); "on" before a weekday; "Syria's" before its war. (None: before
# any first word, "since" and "from" opening any expression.)
_NEXT_WORDS: dict[str, frozenset[str] | None] = {
    "the": _WAR_WORDS
    | frozenset(
        "start beginning outbreak onset syrian end day week month previous past last".split()
    ),
    "in": _MONTH_WORDS | frozenset("early mid late the end beginning recent".split()),
    "during": _MONTH_WORDS | frozenset("early mid late the end beginning".split()),
    "of": _MONTH_WORDS,
    "on": _WEEKDAY_WORDS | {"last"},
    "syria": _WAR_WORDS | frozenset("start beginning outbreak onset syrian".split()),
    "syrias": _WAR_WORDS | frozenset("start beginning outbreak onset syrian".split()),
    "since": None,
    "from": None,
    **{
        count: _UNIT_WORDS
        for count in "a an one two three four five six seven eight nine ten eleven twelve "
        "several few".split()
    },
}
# a word start where _EXPRESSION may match: an ASCII letter or digit after no word character
_WORD_START = re.compile(r"(?<!\w)[A-Za-z0-9]\w*")
# the next word (after a possessive "'s", white space or hyphens)
_NEXT_WORD = re.compile(r"(?:['’]s?)?[\s-]+(\w+)")


def _expressions(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``_EXPRESSION.finditer(text, start, end)``, tried only at the words a time
    expression can start with (and for the commonest, "the", "in", "of", "a", only before
    the words it can go on with): the big case-insensitive alternation is slow to try at
    every word (a sixth of an article's extraction), and most words start none. A word not
    in plain ASCII is tried (case-insensitive matching has equivalents: a dotless i)."""
    last = start
    for w in _WORD_START.finditer(text, start, end):
        at = w.start()
        if at < last:
            continue
        if not _may_start(text, w.group(), w.end(), end):
            continue
        m = _EXPRESSION.match(text, at, end)
        if m is not None:
            yield m
            last = m.end()


def _may_start(text: str, word: str, after: int, end: int) -> bool:
    """Whether a time expression may start at ``word`` (ending at ``after``)."""
    if word[0].isdigit():
        return True
    low = word.lower()
    if not low.isascii():
        return True
    if low not in _FIRST_WORDS and not low.startswith(_FIRST_PREFIXES):
        return False
    if low not in _NEXT_WORDS:
        return True
    nxt = _NEXT_WORD.match(text, after, end)
    if nxt is None:
        return False
    follow = _NEXT_WORDS[low]
    if follow is None:  # "since", "from": before another expression
        return _may_start(text, nxt.group(1), nxt.end(), end)
    second = nxt.group(1)
    return second[0].isdigit() or not second.isascii() or second.lower() in follow


_KINDS = (
    "war", "full", "numeric", "monthpart", "monthyear", "month", "year", "yearsince", "monthsince",
    "relative", "weekday",
)  # fmt: skip


def _names_capitalised(words: str) -> bool:
    """Whether every month or weekday name in ``words`` is capitalised ("may" is a verb)."""
    return all(w[0].isupper() for w in re.findall(r"[A-Za-z]+", words) if w.lower() in DATE_WORDS)
