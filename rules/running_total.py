"""Rules about running totals (cumulative counts) over time."""

from checker import fail, rule
from checker.engine.helpers import bounds, describe, interval
from checker.engine.names import claim_date


def _drops(series, options):
    """(earlier, later) pairs where the later total is entirely below the earlier one.

    Without a stated start ("since ..."), two totals months apart may count different
    offensives (Idlib 2019 and 2019-20): only points ``max_days_without_start`` apart
    or closer are compared then. A drop by more than ``max_ratio`` (87,000 civilians to 26)
    is not one total misreported but two different counts, and is left alone.
    """
    tolerance = options["tolerance"]
    points = list(series)
    for i, later in enumerate(points):
        lhi = bounds(later)[1]
        for earlier in points[:i]:
            days = (claim_date(later) - claim_date(earlier)).days
            if days <= 0:
                continue
            if later.period_start is None and days > options["max_days_without_start"]:
                continue
            elo = bounds(earlier)[0]
            if lhi * (1 + tolerance) < elo <= lhi * options["max_ratio"]:
                yield earlier, later


def _repeats_older(series, earlier, later):
    """An older point (before ``earlier``) whose interval holds ``later``'s value."""
    for p in series:
        if claim_date(p) <= claim_date(earlier) and p is not earlier and p.allows(later.value):
            return p
    return None


@rule(severity="high", tolerance=0.05, max_days_without_start=90, max_ratio=5)
def check_running_total_goes_down(series, options):
    """A running total is reported lower at a later date than it was earlier.

    A cumulative count (people killed since the war began, people displaced since an
    offensive started) can only grow. When a later report gives a total entirely below an
    earlier one for the same quantity and start, one of them is wrong. When the lower
    figure is just an older figure repeated, ``check_stale_figure`` reports it instead.

    Flags:
        ocha (2019-05-14): "more than 150,000" people displaced in Idlib since April 28
        trt (2019-05-20): "100,000" people displaced in Idlib since April 28

    Passes:
        reuters (2019-05-14): "more than 150,000" people displaced in Idlib
        reuters (2019-05-17): "around 250,000" people displaced in Idlib
    """
    for earlier, later in _drops(series, options):
        if _repeats_older(series, earlier, later) is None:
            fail(
                f"The total went down: {describe(earlier)} allowed {interval(earlier)}, but "
                f"later {describe(later)} allows only {interval(later)}.",
                earlier,
                later,
            )


@rule(severity="medium", tolerance=0.05, max_days_without_start=90, max_ratio=5)
def check_stale_figure(series, options):
    """An outlet repeats a running total that other outlets had already left behind.

    The later figure is far below a total reported earlier for the same quantity, and it
    matches an even older report: the outlet is recycling an outdated number.

    Flags:
        reuters (2019-05-14): "150,000" people displaced in Idlib
        reuters (2019-05-17): "around 250,000" people displaced in Idlib
        sana (2019-05-22): "150,000" people displaced in Idlib

    Passes:
        reuters (2019-05-14): "150,000" people displaced in Idlib
        dailysabah (2019-05-22): "more than 300,000" people displaced in Idlib
    """
    for earlier, later in _drops(series, options):
        older = _repeats_older(series, earlier, later)
        if older is not None:
            fail(
                f"Stale figure: {describe(later)} repeats {describe(older)}, though "
                f"{describe(earlier)} had already put it at {interval(earlier)}.",
                older,
                earlier,
                later,
            )
