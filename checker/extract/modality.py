"""Modality (reported, projected, denied) and scope (event, cumulative) of a figure.

projected: a forecast or threat, not a count of what happened - "expects up to 900,000 people
to flee", "threatens to send more than a million", "could displace", "will see some 150 rebels
leave". A modal after the figure's own clause ("520,000 have been displaced ... and the numbers
could increase") does not make the figure a projection.

denied: the sentence reports the figure in order to deny it ("denied that 30 civilians were
killed").

cumulative: a running or war-long total - "since April 28", "in total", "so far", "the war
has killed", a month's toll ("in May 2016") - and the stocks that are running totals by
nature (displaced, refugees, besieged, population); everything else is one event.
"""

from __future__ import annotations

import re

# Lower case on purpose: "In May 2016" is not "may".
_PROJECTED_BEFORE = re.compile(
    r"\b(?:expects?|expected\s+to|expecting|could|may|might|would|will|threaten(?:s|ed|ing)?"
    r"\s+to|forecasts?|predicts?|predicted|projected|projects|fears?|feared|warn(?:s|ed)?\s+of"
    r"|plans?\s+to|planned\s+to|prepar(?:e|es|ed|ing)\s+for|risks?|brace[sd]?\s+for|potential"
    r"|possible|set\s+to|likely\s+to|is\s+to|are\s+to)\b(?P<rest>(?:\s+\S+){0,7}\s*)$"
)
_PROJECTED_AFTER = re.compile(
    r"^(?:\s+\S+){0,4}?\s+(?:could|would|will|may|might|are\s+expected\s+to"
    r"|were\s+expected\s+to|are\s+likely\s+to)\s+(?:be|flee|die|leave|need|face|return)\b"
    # "30000 people are set for evacuation under the deal": a plan, not a count
    r"|^(?:\s+\S+){0,4}?\s+(?:are|were|is|was)\s+(?:set|due|scheduled|slated)\s+(?:for|to)\b"
    r"|^(?:\s+\S+){0,4}?\s+(?:are|is)\s+to\s+be\b"
)
_PAST = re.compile(
    r"\b(?:has|have|had|was|were|been|killed|displaced|died|said|says)\b", re.IGNORECASE
)
# The denial must govern the figure: "denied that 30 civilians were killed", not "denied
# using such weapons during the war which has killed hundreds of thousands".
_DENIED = re.compile(
    r"\b(?:den(?:y|ies|ied)|rejected|dismissed|refuted)\b(?:\s+(?:that|reports?|claims?"
    r"|allegations?)(?:\s+that)?)?(?:\s+(?!which\b|who\b|during\b|while\b)\S+){0,5}\s*$",
    re.IGNORECASE,
)
_CUMULATIVE = re.compile(
    # (not "since dawn", "since Sunday morning": a day's count is the day's event toll)
    r"\b(?:since(?!\s+(?:(?:early\s+|this\s+|\w+day\s+)?(?:dawn|daybreak|midnight|noon"
    r"|morning))\b)"
    r"|in\s+total|a\s+total\s+of|total(?:led|ing)?|so\s+far|to\s+date|overall"
    r"|altogether|throughout|(?:war|conflict|crisis|uprising|fighting)\s+(?:has|have|had)?\s*"
    r"(?:killed|claimed|left|displaced|uprooted|forced)"
    r"|(?:war|conflict|crisis|uprising)\s+(?:that|which)\s+(?:has|have|had)\s+"
    r"(?:killed|claimed|left|displaced|uprooted|forced)|(?:war|conflict)['’]?s?\s+death\s+toll"
    r"|(?:in|over|during)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:days|weeks|months|years|week"
    r"|month|year)|in\s+recent\s+(?:days|weeks|months)|in\s+a\s+week|this\s+year"
    r"|(?:\w+)-year(?:-old)?\s+(?:civil\s+)?(?:war|conflict))\b",
    re.IGNORECASE,
)
# A period that measures a superlative, not the figure: "the worst reported use of poison gas
# in the two-year-old civil war", "the world's most lethal chemical weapons attack since the
# 1980s", "the deadliest attack on a school since the conflict began", "the latest atrocity
# in Syria's civil war" (not "the latest toll since 2011"). The superlative and
# its period are a comparison of the event with others; the sentence's figure is still one
# event's (a running total says so in its own words: "the war has killed", "so far").
_SUPERLATIVE = re.compile(
    r"\b(?:worst|deadliest|bloodiest|most\s+(?!of\b|in\b|by\b)\w+|biggest|largest|heaviest"
    r"|fiercest|first|latest(?!\s+(?:toll|death|figure|count|tall|estimate|report|data|statistic"
    r"|number|update)))\b(?:\s+(?!with\b|and\b|but\b)[\w'’-]+){0,9}\s*$",
    re.IGNORECASE,
)
_STOCK_CATEGORIES = frozenset({"displaced", "refugees", "besieged", "population"})


def modality(text: str, clause_start: int, fig_start: int, head_end: int, s_end: int) -> str:
    """reported, projected or denied, from the words around the figure in its sentence."""
    before = text[max(clause_start, fig_start - 120) : fig_start]
    m = _PROJECTED_BEFORE.search(before)
    if m is not None and not _PAST.search(m.group("rest")):
        return "projected"
    after = text[head_end : min(s_end, head_end + 40)]
    if _PROJECTED_AFTER.match(after):
        return "projected"
    # bound: the denial must govern the figure (five words before it at most), so the 200
    # characters before it are enough; searching from the sentence start was quadratic.
    if _DENIED.search(text, max(clause_start, fig_start - 200), fig_start):
        return "denied"
    return "reported"


def scope(category: str, has_period: bool, total_words: bool) -> str:
    """event or cumulative (see the module's docstring); ``total_words``: whether the
    sentence says it is a total (:func:`total_words`)."""
    if has_period or total_words or category in _STOCK_CATEGORIES:
        return "cumulative"
    return "event"


def total_words(text: str, s_start: int, s_end: int) -> bool:
    """Whether the sentence has the words of a running total ("since", "so far", "the war
    has killed"); read once per sentence, not once per figure."""
    return says_period(_CUMULATIVE, text, s_start, s_end)


def says_period(pattern: re.Pattern[str], text: str, s_start: int, s_end: int) -> bool:
    """Whether ``pattern`` (words of a period or a total) matches in the sentence other than
    as the measure of a superlative ("the deadliest attack since 2011": a comparison, not a
    running total) or of a place's lasting state (:func:`in_relative_state`)."""
    for m in pattern.finditer(text, s_start, s_end):
        if _SUPERLATIVE.search(text, max(s_start, m.start() - 80), m.start()):
            continue
        if in_relative_state(text, max(s_start, m.start() - 80), m.start()):
            continue
        return True
    return False


#: a relative clause of a lasting state: "the town which has been under siege ever since"
_RELATIVE_STATE = re.compile(r"\b(?:that|which)\s+(?:has|have|had)\s+been\b", re.IGNORECASE)
_WAR_HEAD = re.compile(
    r"\b(?:war|conflict|crisis|uprising|fighting|campaign|offensive|revolt|violence)\W*$",
    re.IGNORECASE,
)


def in_relative_state(text: str, start: int, at: int) -> bool:
    """Whether a relative clause of a lasting state opens in ``text[start:at]`` (a time at
    ``at`` is then the state's: "killed two civilians in the city that has been divided
    since July 2012"), other than a war's ("in the war that has been raging since 2011":
    the war's time is the toll's)."""
    state = _RELATIVE_STATE.search(text, start, at)
    if state is None:
        return False
    return not _WAR_HEAD.search(text, max(start, state.start() - 30), state.start())
