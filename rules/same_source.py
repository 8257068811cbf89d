"""Rules about figures attributed to one named source."""

from checker import rule
from checker.engine.helpers import describe, gap, interval, norm_source


@rule(severity="high", tolerance=0.05)
def check_same_source_different_figure(pair, options):
    """Two articles quote the same named source with different figures for one quantity.

    The UN, the Syrian Observatory for Human Rights, UNICEF... give one figure for a given
    quantity and date; when two articles attribute incompatible figures for it to the same
    source, at least one misquotes it (or quotes an outdated release). Sources are folded to
    one spelling ("SOHR", "the Observatory" are the Syrian Observatory for Human Rights).

    Flags:
        reuters (2019-05-14): "more than 150,000" people displaced in Idlib (citing United Nations)
        trt (2019-05-14): "80,000" people displaced in Idlib (citing UN)

    Passes:
        reuters (2019-05-14): "more than 150,000" people displaced in Idlib (citing United Nations)
        trt (2019-05-14): "some 160,000" people displaced in Idlib (citing the UN)
    """
    a, b = pair.a, pair.b
    sa, sb = norm_source(a.attribution), norm_source(b.attribution)
    if not sa or sa != sb or pair.relation != "same":
        return
    g = gap(a, b, options["tolerance"])
    assert g == 0, (
        f"Both cite {sa}: {describe(a)} allows {interval(a)}, {describe(b)} allows "
        f"{interval(b)} ({g:.0%} apart); one of them misquotes the source or quotes an "
        "outdated figure."
    )
