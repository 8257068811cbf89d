"""Rules about an incident's figures over time: a toll that rose, went down, or was
printed after it had been overtaken."""

from checker import fail, rule
from checker.engine.helpers import bounds, gap, is_vague, norm_source, one_source, says
from checker.engine.incidents import reported_day
from checker.engine.names import IncidentView, Pair
from checker.records import Claim


def _below(later: Claim, earlier: Claim, tolerance: float) -> bool:
    """Whether ``later``'s interval lies entirely below ``earlier``'s."""
    return bounds(later)[1] < bounds(earlier)[0] and gap(later, earlier, tolerance) > 0


def _repeats(
    peers: tuple[Claim, ...], earlier: Claim, later: Claim, exact: bool = False
) -> Claim | None:
    """A claim reported before ``earlier`` whose figure ``later`` repeats (``exact``: the
    very number, not only a figure its interval allows)."""
    day = reported_day(earlier)
    for p in peers:
        pday = reported_day(p)
        if p is earlier or p is later or day is None or pday is None or pday > day:
            continue
        if p.article_id == later.article_id:
            continue
        if (p.value == later.value) if exact else gap(p, later) == 0:
            return p
    return None


@rule(severity="low", kind="toll_updated", tolerance=0.05)
def check_toll_updated(incident: IncidentView, options: dict) -> None:
    """An incident's toll rose as it was reported over time: the timeline, for information.

    A later report (a later day, or framed as an update: "rose to", "the new toll") gives a
    figure above an earlier one for the same incident. Not a contradiction: the earlier
    outlets were not wrong when they printed their figures, but a fact-checker reading one
    of them wants to know the toll moved on.

    Flags:
        ahram (2016-07-27): "22" people killed in Qamishli (citing Syrian state media)
        jordantimes (2016-07-28): "44" people killed in Qamishli

    Passes:
        reuters (2016-10-26): "at least 26" civilians killed in Idlib
        sana (2016-10-27): "26" civilians killed in Idlib
    """
    claims = [c for c in incident.claims if not is_vague(c)]
    moved: list[tuple[Claim, Claim]] = []
    for i, x in enumerate(claims):
        for y in claims[i + 1 :]:
            if x.article_id == y.article_id or not _below(x, y, options["tolerance"]):
                continue
            if reported_day(y) != reported_day(x) or Pair(x, y).update_framed:
                moved.append((x, y))
    if moved:
        involved = [c for c in claims if any(c in p for p in moved)]
        steps = "; ".join(says(c) for c in involved)
        fail(f"The toll was updated as the incident was reported: {steps}.", *involved)


@rule(severity="medium", kind="toll_down", tolerance=0.05, max_ratio=5)
def check_toll_goes_down(pair: Pair, options: dict) -> None:
    """A source gives a toll below the one it gave earlier for the same incident, with no
    word of a correction.

    Tolls and running totals only grow (the dead stay dead, the displaced stay counted):
    when one source (the same named source, or one outlet) later puts an incident's figure
    entirely below its own earlier one, without saying it was revised down, one of them is
    wrong. Two sources counting differently are not a toll going down. When the lower figure
    only repeats an older one, ``check_stale_figure`` reports it instead. A drop by more
    than ``max_ratio`` (5) is two different counts, not one count misreported.

    Flags:
        reuters (2019-05-14): "more than 150,000" displaced since April 28 (citing the UN)
        trt (2019-05-20): "100,000" displaced since April 28 (citing the UN)

    Passes:
        reuters (2019-05-14): "more than 150,000" people displaced in Idlib
        reuters (2019-05-17): "around 250,000" people displaced in Idlib
    """
    a, b = pair.a, pair.b
    if pair.days_apart == 0 or pair.correction_framed or not pair.same_source:
        return  # one moment, a correction, or two sources (they may count differently)
    if pair.held_apart:
        return  # two events' days ("Last month two persons were injured ..."): no one toll
    if pair.tie == "place" or is_vague(a) or is_vague(b):
        return
    if not _below(b, a, options["tolerance"]) or bounds(a)[0] > bounds(b)[1] * options["max_ratio"]:
        return
    if _repeats(pair.peers, a, b) is not None:
        return  # an older figure repeated: stale
    fail(f"The toll went down: {says(a)}; later {says(b)}, with no word of a correction.", a, b)


@rule(severity="medium", kind="stale", tolerance=0.05, max_ratio=5)
def check_stale_figure(pair: Pair, options: dict) -> None:
    """An outlet prints a figure that a higher one, published before it, had overtaken.

    The later figure is below an earlier report for the same incident and matches an even
    older one: the outlet is recycling an outdated number. A higher figure from another
    named source (Amaq's 160 against the Observatory's 56) is a rival count, not the toll
    moving on.

    Flags:
        reuters (2019-05-14): "150,000" people displaced in Idlib
        reuters (2019-05-17): "around 250,000" people displaced in Idlib
        sana (2019-05-22): "150,000" people displaced in Idlib

    Passes:
        reuters (2019-05-14): "150,000" people displaced in Idlib
        dailysabah (2019-05-22): "more than 300,000" people displaced in Idlib
    """
    a, b = pair.a, pair.b
    if pair.days_apart == 0 or pair.correction_framed or pair.tie == "place" or pair.held_apart:
        return
    if is_vague(a) or is_vague(b):
        return
    if norm_source(a.attribution) and norm_source(b.attribution) and not one_source(a, b):
        return  # two named sources' counts: a rival claim overtakes nothing
    if not _below(b, a, options["tolerance"]) or bounds(a)[0] > bounds(b)[1] * options["max_ratio"]:
        return
    older = _repeats(pair.peers, a, b, exact=True)
    if older is not None:
        fail(
            f"Stale figure: {says(b)} repeats {says(older)}, though {says(a)} had already "
            "overtaken it.",
            older,
            a,
            b,
        )
