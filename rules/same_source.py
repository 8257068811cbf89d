"""Rules about figures attributed to one named source."""

from checker import fail, rule
from checker.engine.helpers import firm, gap, is_vague, norm_source, says, wider_count
from checker.engine.names import Pair


@rule(
    severity="high", kind="conflict", tolerance=0.05, not_tolls=("attacks", "homes", "facilities")
)
def check_same_source_different_figure(pair: Pair, options: dict) -> None:
    """Two articles quote the same named source with different figures for one incident.

    The UN, the Syrian Observatory for Human Rights, UNICEF... give one figure for a given
    quantity and moment; when two articles attribute incompatible figures for the same
    incident, reported the same day, to the same source, at least one misquotes it (or
    quotes an outdated release). Sources are folded to one spelling ("SOHR", "the
    Observatory" are the Syrian Observatory for Human Rights). Copies of one text are one
    article. Two exact figures must be equal; a hedged one ("some 160,000") may be
    ``tolerance`` (5 %) off. As for ``cross_outlet.check_incompatible_counts``, a figure for
    a wider place above one for a place in it is no misquote when it is the source's wider
    count (:func:`~checker.engine.helpers.wider_count`: the Observatory's "at least 70" in
    the north of Aleppo and its 11 at one market). High when both are placed at the same
    town or are one running
    total (the same start), hold at the same date and are not both headlines'; medium
    otherwise.

    Flags:
        reuters (2019-05-14): "more than 150,000" people displaced in Idlib (citing United Nations)
        trt (2019-05-14): "80,000" people displaced in Idlib (citing UN)

    Passes:
        reuters (2019-05-14): "more than 150,000" people displaced in Idlib (citing United Nations)
        trt (2019-05-14): "some 160,000" people displaced in Idlib (citing the UN)
    """
    a, b = pair.a, pair.b
    sa, sb = norm_source(a.attribution), norm_source(b.attribution)
    if not sa or sa != sb or not pair.same_moment or pair.tie == "place":
        return
    if a.unit in options["not_tolls"] or is_vague(a) or is_vague(b):
        return  # counts of strikes and buildings; "dozens": no figure to misquote
    exact = a.hedge == b.hedge == "exact"  # two exact figures of one release: no rounding
    g = gap(a, b, 0.0 if exact else options["tolerance"])
    if g == 0:
        return
    if wider_count(pair):
        return  # the source's count for a wider place, of which the town's is a part
    fail(
        f"Both cite {sa}: {says(a)}; {says(b)} ({g:.0%} apart): one of them misquotes the "
        "source or quotes an outdated figure.",
        a,
        b,
        severity=None
        if pair.tie in ("town", "total") and firm(a, b, pair.peers, pair.moving)
        else "medium",
    )
