"""Rules comparing figures across outlets for the same quantity."""

from checker import rule
from checker.engine.helpers import describe, gap, interval, norm_source


@rule(severity="high", tolerance=0.1, max_ratio=20)
def check_incompatible_counts(pair, options):
    """Two outlets give figures for one quantity that cannot both be true.

    The same kind of count (category and group of people) for the same place and the same
    incident or day, or the same running total at the same date, is reported by two outlets
    with intervals that do not meet, even allowing ``tolerance`` (10 %) for rounding. Hedges
    are respected: "at least 26" and "35 in total" agree. When both cite the same named
    source, ``same_source.check_same_source_different_figure`` reports it instead. Figures
    more than ``max_ratio`` (20) times apart are counts of different things (a day's toll
    and the war's), not one count misreported, and are left alone.

    Flags:
        sana (2016-10-26): "12" children killed in Idlib
        reuters (2016-10-26): "at least 22" children killed in Idlib

    Passes:
        reuters (2016-10-26): "at least 26" civilians killed in Idlib
        sana (2016-10-26): "35" people killed in Idlib (in total)
    """
    a, b = pair.a, pair.b
    if a.outlet == b.outlet:
        return
    sa, sb = norm_source(a.attribution), norm_source(b.attribution)
    if sa and sa == sb:
        return  # same named source: the same-source rule's job
    if pair.relation == "same":
        g = gap(a, b, options["tolerance"])
        if g > 1 - 1 / options["max_ratio"]:
            return
        assert g == 0, (
            f"{describe(a)} allows {interval(a)}, but {describe(b)} allows {interval(b)}: "
            f"the figures are {g:.0%} apart and cannot both be true."
        )
    else:
        part, whole = (a, b) if pair.relation == "a_in_b" else (b, a)
        low = part.low or 0
        if whole.high is not None:
            assert low <= whole.high * (1 + options["tolerance"]), (
                f"{describe(part)} is a part of {describe(whole)}, yet the part is at least "
                f"{low:,.0f} and the whole at most {whole.high:,.0f}."
            )
