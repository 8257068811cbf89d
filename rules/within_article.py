"""Rules checking one article against itself."""

from checker import fail, rule
from checker.engine.helpers import (
    additional,
    gap,
    is_vague,
    norm_source,
    one_source,
    says,
    superseded,
    wording,
)
from checker.engine.names import Pair


@rule(severity="medium", kind="headline", tolerance=0.1)
def check_headline_matches_body(article_pair: Pair, options: dict) -> None:
    """The headline's figure is larger than anything the body gives for the same incident.

    Readers (and aggregators) take the headline's number; when the body gives only smaller
    figures for the same count, place and happening, the headline overstates its own story.
    A body figure larger than the headline's is most often a later or wider total and is
    left alone, and when the body states the headline's figure too, its smaller ones are
    parts of it (one neighbourhood's, an earlier count's); so is a body figure the text
    gives as a past count ("Initially around 500 ...") or as more besides others
    ("Another five people ... have died").

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
    if body.high is None or (title.low or 0) <= body.high or is_vague(body):
        return  # the body's figure is as large or larger: not an overstatement
    if any(
        not c.in_title and (c.high is None or (title.low or 0) <= c.high)
        for c in article_pair.peers
    ):
        return  # the body gives the headline's figure too: the smaller one is a part of it
    if superseded(body) or additional(body):
        return  # "Initially around 500 ...", "Another five people ...": no whole toll
    g = gap(title, body, options["tolerance"])
    assert g == 0, (
        f'The headline says "{title.surface}" ({wording(title)}) {title.subject} '
        f'{title.category}, the body only "{body.surface}" ({wording(body)}): {g:.0%} apart.'
    )


@rule(severity="medium", kind="part_whole", tolerance=0.0)
def check_part_exceeds_whole(article_pair: Pair, options: dict) -> None:
    """Within one article, a part counts more than the whole it is given as part of.

    "30 people were killed, including 40 children": the sentence itself puts the part
    inside the whole ("including", "among them", "of whom", "Ten children were among the 48
    killed"), so the part's lowest possible value cannot exceed the whole's highest.

    Flags:
        "30 people were killed including 40 children"

    Passes:
        "22 children and six teachers were among 35 people killed"
    """
    if article_pair.relation != "a_in_b":
        return
    part, whole = article_pair.a, article_pair.b
    if whole.high is None or is_vague(whole):
        return
    low = part.low or 0
    assert low <= whole.high * (1 + options["tolerance"]), (
        f'"{part.surface}" {part.subject} ({wording(part)}) is given as part of "{whole.surface}" '
        f"{whole.subject} ({wording(whole)}), yet it is larger."
    )


@rule(severity="low", kind="sources_disagree", tolerance=0.1)
def check_sources_disagree(article_pair: Pair, options: dict) -> None:
    """One article quotes two sources whose figures for one incident cannot both be true.

    "The Observatory said 31 were killed, Ariha Today 27": the article itself reports a
    disagreement between its sources. Not the outlet's error, and so of low severity; but a
    fact-checker wants to see which figure the headline took. Two exact figures must be
    equal; a hedged one may be ``tolerance`` (10 %) off.

    Flags:
        body: "31" killed (citing Syrian Observatory for Human Rights);
        body: "27" killed (citing Ariha Today)

    Passes:
        body: "31" killed (citing Syrian Observatory for Human Rights);
        body: "at least 27" killed (citing Ariha Today)
    """
    a, b = article_pair.a, article_pair.b
    if article_pair.relation != "same" or a.in_title or b.in_title:
        return
    sa, sb = norm_source(a.attribution), norm_source(b.attribution)
    if not sa or not sb or one_source(a, b):
        return
    if article_pair.update_framed:
        return  # "the death toll ... has now risen to 26": a count moving on, not two
    if additional(max(a, b, key=lambda c: c.start)):
        return  # "Two other historical buildings ... were also damaged": besides the first
    exact = a.hedge == b.hedge == "exact"  # two exact figures: no rounding to allow for
    g = gap(a, b, 0.0 if exact else options["tolerance"])
    if g > 0:
        fail(f"The article quotes two sources that disagree: {says(a)}; {says(b)}.", a, b)
