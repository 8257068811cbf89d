"""Rules checking one article against itself."""

import re

from checker import rule
from checker.engine.helpers import describe, gap, interval

_INCLUSION = re.compile(r"\b(including|among|of them|of whom|most of them|amongst)\b", re.I)


@rule(severity="medium", tolerance=0.1)
def check_headline_matches_body(article_pair, options):
    """The headline's figure disagrees with the body's figure for the same quantity.

    Readers (and aggregators) take the headline's number; when the body gives only
    smaller figures for the same count, place and day, the headline overstates its own
    story. A body figure larger than the headline's is most often a wider total (the
    week's toll, all strikes, every group) and is left alone.

    Flags:
        headline: "15 killed in Idlib air strikes"
        body: "air strikes killed 7 people in Idlib on Monday"

    Passes:
        headline: "At least 15 killed in Idlib air strikes"
        body: "air strikes killed 17 people in Idlib on Monday"
    """
    a, b = article_pair.a, article_pair.b
    if a.in_title == b.in_title or article_pair.relation != "same":
        return
    title, body = (a, b) if a.in_title else (b, a)
    if body.high is None or (title.low or 0) <= body.high:
        return  # the body's figure is as large or larger: not an overstatement
    g = gap(title, body, options["tolerance"])
    assert g == 0, (
        f'The headline says "{title.surface}" {title.subject} {title.category} '
        f'{interval(title)}, the body "{body.surface}" {interval(body)} ({g:.0%} apart).'
    )


@rule(severity="medium", tolerance=0.0)
def check_part_exceeds_whole(article_pair, options):
    """Within one article, a subgroup's count exceeds the count of the whole.

    Children killed cannot outnumber people killed in the same incident; civilians
    displaced cannot exceed people displaced. The part's lowest possible value is compared
    with the whole's highest. Only where one sentence itself puts the part inside the
    whole ("30 people including 24 civilians", "among them", "of whom"): an article often
    gives tolls of several incidents, and a bigger count of children from one is no
    contradiction of a smaller toll of another.

    Flags:
        "40 children were among those killed" and "30 people were killed" (same day, place)

    Passes:
        "22 children and six teachers were among 35 people killed"
    """
    a, b = article_pair.a, article_pair.b
    if article_pair.relation == "same":
        return
    part, whole = (a, b) if article_pair.relation == "a_in_b" else (b, a)
    if whole.high is None or part.quote != whole.quote:
        return
    # "<whole> ... including / among them <part>": the sentence itself nests the part.
    i = part.quote.find(whole.surface)
    j = part.quote.find(part.surface, i + len(whole.surface)) if i >= 0 else -1
    if j < 0 or not _INCLUSION.search(part.quote[i + len(whole.surface) : j]):
        return
    low = part.low or 0
    assert low <= whole.high * (1 + options["tolerance"]), (
        f"{describe(part)} ({interval(part)}) exceeds the whole, {describe(whole)} "
        f"({interval(whole)})."
    )
