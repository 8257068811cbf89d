"""The geometry of a finding's chart: interval rows, log scale, figures over time."""

from __future__ import annotations

import dataclasses
import datetime as dt

from test_report_data import RULE_CROSS, RULE_GROWTH, idlib_2016_result, seeds_result

from checker.report.chart import chart_for, compact, compact_interval, time_chart


def test_one_event_is_drawn_as_intervals_on_a_linear_axis() -> None:
    f = next(f for f in idlib_2016_result().findings if f.rule == RULE_CROSS)
    ch = chart_for(f.claims)
    assert ch is not None and ch.kind == "interval" and not ch.log
    at_least_26, exactly_26, exactly_35, exactly_22 = ch.glyphs
    # "at least 26": from 26 to the right edge, with an arrow (no upper bound)
    assert at_least_26.x1 == at_least_26.cx and at_least_26.x2 == ch.right
    assert at_least_26.arrow_high and not at_least_26.arrow_low
    assert at_least_26.note == "26 or more"  # in words, not "[26, ∞)"
    assert compact_interval(2.7e6, 3.3e6) == "2.7M to 3.3M"
    assert compact_interval(22, 22) == "exactly 22"
    assert compact_interval(0, 9e5) == "at most 900k"
    # exact figures are points; same value, same place; order follows the values
    assert exactly_26.x1 == exactly_26.x2 == exactly_26.cx == at_least_26.cx
    assert exactly_22.cx < exactly_26.cx < exactly_35.cx
    assert [g.letter for g in ch.glyphs] == ["A", "B", "C", "D"]
    assert [t.label for t in ch.x_ticks][:3] == ["0", "10", "20"]
    assert all(ch.left <= t.pos <= ch.right for t in ch.x_ticks)


def test_figures_spanning_orders_of_magnitude_get_a_log_axis() -> None:
    r = seeds_result()
    k120 = next(c for c in r.claims if c.surface == "more than 120")
    d150 = next(c for c in r.claims if c.surface == "more than 150,000")
    same_day = dataclasses.replace(d150, as_of=k120.as_of)
    ch = chart_for([k120, same_day])
    assert ch is not None and ch.kind == "interval" and ch.log
    assert [t.label for t in ch.x_ticks] == ["100", "1k", "10k", "100k", "1M"]
    pos = {t.label: t.pos for t in ch.x_ticks}
    # equal steps per decade
    assert abs((pos["1k"] - pos["100"]) - (pos["100k"] - pos["10k"])) < 0.2
    assert pos["100"] < ch.glyphs[0].cx < pos["1k"] < pos["100k"] < ch.glyphs[1].cx < pos["1M"]


def test_running_total_with_different_dates_is_drawn_over_time() -> None:
    f = next(f for f in seeds_result().findings if f.rule == RULE_GROWTH)
    ch = chart_for(f.claims)
    assert ch is not None and ch.kind == "time"
    g150, g250, g300 = ch.glyphs  # 14, 17 and 22 May 2019
    assert g150.cx < g250.cx < g300.cx  # later dates to the right
    assert g150.cy > g250.cy > g300.cy  # larger figures higher up (smaller y)
    assert g250.y1 > g250.cy > g250.y2  # "around 250,000": a bar from 225,000 to 275,000
    assert g150.arrow_high and g150.y2 == ch.top  # "more than": open upwards
    assert [t.label for t in ch.x_ticks] == ["2019-05-14", "2019-05-17", "2019-05-22"]
    assert "undated" not in ch.caption


def test_same_date_claims_stand_side_by_side_and_undated_are_counted() -> None:
    r = seeds_result()
    d1m, d520, dhun = next(f for f in r.findings if f.rule != RULE_GROWTH).claims
    assert d1m.as_of == d520.as_of == dt.date(2020, 2, 12)
    undated = dataclasses.replace(dhun, as_of=None, published=None)
    ch = chart_for([d1m, d520, undated, dataclasses.replace(dhun, as_of=dt.date(2020, 2, 14))])
    assert ch is not None and ch.kind == "time"
    assert len(ch.glyphs) == 3 and "1 undated claim(s) not shown" in ch.caption
    a, b, _ = ch.glyphs
    assert a.cx != b.cx and abs(a.cx - b.cx) <= 14.1


def test_an_incident_timeline_draws_copies_hollow() -> None:
    r = seeds_result()
    f = next(f for f in r.findings if f.rule == RULE_GROWTH)
    ch = time_chart(f.claims, copies={f.claims[1].claim_id})
    assert [g.copy for g in ch.glyphs] == [False, True, False]
    assert "hollow: a copy" in ch.caption and "same text as another" in ch.glyphs[1].title


def test_no_claims_no_chart_and_compact_labels() -> None:
    assert chart_for([]) is None
    assert [compact(x) for x in (0, 26, 1500, 150000, 3.6e6, 2.5e9)] == [
        "0",
        "26",
        "1.5k",
        "150k",
        "3.6M",
        "2.5B",
    ]
