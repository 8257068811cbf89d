"""Rules comparing the figures that independent sources give for one incident."""

from checker import fail, rule
from checker.engine.helpers import (
    explained,
    firm,
    gap,
    is_vague,
    norm_source,
    says,
    wider_count,
)
from checker.engine.names import Pair


@rule(
    severity="high",
    kind="conflict",
    tolerance=0.0,
    max_ratio=20,
    not_tolls=("attacks", "homes", "facilities"),
    headcounts=("combatants",),
)
def check_incompatible_counts(pair: Pair, options: dict) -> None:
    """Two independent sources give figures for the same moment of one incident that cannot
    both be true.

    Both figures count the same group, at the same place, for the same happening (one
    incident), were reported on the same day (and, for an event's toll, hold at days no
    further apart than one event's reports: "also hit on Wednesday" in Friday's report is
    Wednesday's), and neither is framed as an update ("rose to", "the new toll"); yet the
    intervals their wording allows do not meet (widened by ``tolerance``, 0 by default: "44"
    and "48" are two counts; "about 80" already allows 72 to 88). Hedges are respected: "at
    least 26" and "35" agree. A figure reported a day later is an update
    (``timeline.check_toll_updated``), not a conflict. When both cite the same named source,
    ``same_source.check_same_source_different_figure`` reports it instead; copies of one
    text are one source. The two reports must be tied by more than the province and the day
    (the same town, shared names or words, or articles telling one story). A figure for a
    wider place (the city, the province) above one for a place in it is no contradiction
    when it is a wider count: its own article gives the finer place's figure too (the day's
    toll in Aleppo and one road's), or never places a figure there (a province's toll),
    unless their sentences share the happening's names or words (then the wider place is
    only a looser name for it); nor are two articles that each give both figures (their
    sources disagree: ``within_article.check_sources_disagree``). Figures more than
    ``max_ratio`` (20) times apart are counts of different things (a day's toll and the
    war's); counts of strikes and buildings (``not_tolls``) and vague words ("dozens") are
    never set against each other here. Severity: high when both figures are placed at the
    same town (or finer place), hold at the same date and are firm
    (:func:`~checker.engine.helpers.firm`: not both headlines', a bare figure its own
    article gives as a lower bound too, a toll its report says was raised or its headline
    says is still mounting); medium otherwise (the tie is their words or their stories, two
    headlines, two dates, a toll still moving, two parts of their own totals: "58 people
    including 11 children" and "72 people including nine children" follow their totals,
    which are the figures to compare; or ``headcounts``: how many fighters or bombers there
    were, no toll).

    Flags:
        sana (2016-10-26): "12" children killed in Idlib
        reuters (2016-10-26): "at least 22" children killed in Idlib

    Passes:
        reuters (2016-10-26): "at least 26" civilians killed in Idlib
        sana (2016-10-27): "35" civilians killed in Idlib (a day later: an update)
    """
    a, b = pair.a, pair.b
    if not pair.same_moment or pair.same_source or pair.tie == "place":
        return  # an update, one source, or nothing but a province and a day in common
    if a.unit in options["not_tolls"] or is_vague(a) or is_vague(b):
        return  # counts of strikes and buildings; "dozens": no figure to contradict
    sa, sb = norm_source(a.attribution), norm_source(b.attribution)
    if sa and sa == sb:
        return  # both cite one source: the same-source rule's job
    g = gap(a, b, options["tolerance"])
    if g == 0 or g > 1 - 1 / options["max_ratio"]:
        return
    if wider_count(pair):
        return  # a province's toll above its town's, told apart by its own article
    if explained(pair):
        return  # both articles give both figures: their sources disagree, not the outlets
    fail(
        f"{says(a)}; {says(b)}: reported the same day for one incident, the figures are "
        f"{g:.0%} apart and cannot both be true.",
        a,
        b,
        severity=None
        if pair.tie == "town"
        and firm(a, b, pair.peers, pair.moving)
        and a.category not in options["headcounts"]
        and not (a.part_of and b.part_of)
        else "medium",
    )
