"""Incidents (checker.engine.incidents, issue 10) on real FA-KES text and crafted edge cases:
what shares an incident, what a disagreement inside one is (conflict or update), copies,
vague words, the seeds, and stable incident ids.

FA-KES articles are selected by unit_id and checked alone (``check_articles`` into an
in-memory store), so each test reads only the articles it names; the expected figures
were read in the articles' text (quoted beside each test).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from conftest import EXAMPLES, FAKES_CSV, ROOT

from checker.engine.helpers import is_vague
from checker.ingest import read_articles
from checker.pipeline import check, check_articles
from checker.records import Article, CheckResult, Claim, Finding, Incident
from checker.store import Store

#: the kinds of finding that are about one incident
INCIDENT_KINDS = ("conflict", "toll_updated", "toll_down", "stale")


@pytest.fixture(scope="module")
def fakes() -> dict[str, Article]:
    if not FAKES_CSV.is_file():
        pytest.skip(f"the FA-KES corpus is not at {FAKES_CSV}")
    return {a.article_id: a for a in read_articles([FAKES_CSV]) if isinstance(a, Article)}


def run(articles: Iterable[Article], store: str | Path = ":memory:") -> CheckResult:
    return check_articles(list(articles), store=store)


def claims_of(
    result: CheckResult, article_id: str, surface: str, title: bool = True
) -> list[Claim]:
    """An article's claims of these words (``title=False``: in its body only)."""
    found = [
        c
        for c in result.claims
        if c.article_id == article_id
        and c.surface.lower() == surface.lower()
        and (title or not c.in_title)
    ]
    assert found, f"{article_id} has no claim {surface!r}"
    return found


def incident_of(result: CheckResult, claim: Claim) -> Incident:
    assert claim.incident_id is not None, claim
    (inc,) = [i for i in result.incidents if i.incident_id == claim.incident_id]
    return inc


def between(findings: Iterable[Finding], a: str, b: str) -> list[Finding]:
    """The findings naming claims of both articles ``a`` and ``b``."""
    return [f for f in findings if {a, b} <= set(f.article_ids)]


def article(text: str, aid: str, outlet: str, day: str, title: str = "") -> Article:
    return Article(aid, outlet, dt.date.fromisoformat(day), title or text.split(".")[0], text)


# -- what shares an incident ---------------------------------------------------------------


def test_two_strikes_in_two_towns_of_one_province_on_one_day_are_two_incidents() -> None:
    ariha = article(
        "Government air strikes on the town of Ariha in Idlib province killed 12 people on "
        "Tuesday, the Syrian Observatory for Human Rights said.",
        "t-ariha",
        "reuters",
        "2016-10-25",
    )
    saraqeb = article(
        "Air strikes on the town of Saraqeb in Idlib province killed 30 people on Tuesday, "
        "activists said.",
        "t-saraqeb",
        "sana",
        "2016-10-25",
    )
    r = run([ariha, saraqeb])
    (twelve,) = claims_of(r, "t-ariha", "12", title=False)
    (thirty,) = claims_of(r, "t-saraqeb", "30", title=False)
    # what the extraction gives is the premise: two towns of one province, one day
    assert (twelve.location, thirty.location) == ("Ariha", "Saraqeb")
    assert twelve.region == thirty.region == "Idlib"
    assert twelve.as_of == thirty.as_of == dt.date(2016, 10, 25)
    assert twelve.incident_id != thirty.incident_id
    assert incident_of(r, twelve).location == "Ariha"
    assert incident_of(r, thirty).location == "Saraqeb"
    assert not r.findings


def test_a_toll_rising_over_two_days_is_one_incident_updated_never_a_conflict(
    fakes: dict[str, Article],
) -> None:
    """Deir ez-Zor, June 2016. ahram (1923848262, AFP, "Saturday 25 Jun 2016"): "Russian and
    regime air strikes killed 47 people ... in a militant-held town in eastern Syria a
    monitor said"; dailysabah (1924058178, "Published June 27 2016"): "On Sunday a monitor
    said at least 82 people including 58 civilians were killed during airstrikes"."""
    r = run([fakes["1923848262"], fakes["1924058178"]])
    early = claims_of(r, "1923848262", "47")
    (late,) = claims_of(r, "1924058178", "at least 82")
    assert {c.incident_id for c in early} == {late.incident_id}
    inc = incident_of(r, late)
    assert (inc.category, inc.subject, inc.region, inc.scope) == (
        "killed",
        "people",
        "Deir ez-Zor",
        "event",
    )
    assert inc.sources == 1  # both cite the Syrian Observatory for Human Rights
    ids = {c.claim_id for c in [*early, late]}
    updated = [f for f in r.findings if ids & {c.claim_id for c in f.claims}]
    assert [(f.kind, f.severity) for f in updated] == [("toll_updated", "low")]
    (f,) = updated
    assert f.incident_id == inc.incident_id and late.claim_id in {c.claim_id for c in f.claims}
    assert not [
        f for f in between(r.findings, "1923848262", "1924058178") if f.kind != "toll_updated"
    ]


QAMISHLI = ("1923848165", "1965511170", "1919191742")


def test_same_day_incompatible_figures_for_one_town_are_a_conflict(
    fakes: dict[str, Article],
) -> None:
    """Qamishli car bombing, 27 Jul 2016, all three published that day: ahram (1923848165,
    AP): "Syria's state TV has raised the death toll ... saying 22 people died"; manar
    (1965511170): "A terrorist car bomb attack killed at least 44"; trt (1919191742): "A
    bomb blast in the Syrian city of Qamishli on Wednesday killed 48 people". 22 cannot be
    the same moment's toll as 44 or 48 (a lower figure framed as raised explains nothing);
    "at least 44" and 48 agree. Medium, not high: ahram's report says the toll it gives was
    raised, so that day's count was still moving (helpers.in_flux)."""
    ahram, manar, trt = QAMISHLI
    r = run(fakes[a] for a in QAMISHLI)
    figures = [
        *claims_of(r, ahram, "22"),
        *claims_of(r, manar, "at least 44"),
        *claims_of(r, trt, "48"),
    ]
    assert {c.location for c in figures} == {"Qamishli"}
    assert len({c.incident_id for c in figures}) == 1
    inc = incident_of(r, figures[0])
    # Syrian state media, manar, trt (and the medical sources manar quotes for its 44 dead)
    assert {"Syrian state media", "manar", "trt"} <= {c.source for c in inc.claims}
    assert inc.sources == len({c.source for c in inc.claims})
    for a, b in ((ahram, manar), (ahram, trt)):
        found = [f for f in between(r.findings, a, b) if f.kind == "conflict"]
        assert found, (a, b)
        assert all(f.severity == "medium" and f.incident_id == inc.incident_id for f in found)
        assert all(f.rule == "cross_outlet.check_incompatible_counts" for f in found)
    # "at least 44" and 48 agree; the hospitals' "bodies of 44 victims" (exact) does not
    for f in between(r.findings, manar, trt):
        assert {c.surface for c in f.claims if c.article_id == manar} == {"44"}
    assert not [f for f in r.findings if f.kind == "toll_updated"]  # one day: no timeline


def test_one_disagreement_between_two_articles_is_one_finding(
    fakes: dict[str, Article],
) -> None:
    r = run(fakes[a] for a in QAMISHLI)
    per_pair = Counter((f.rule, f.incident_id, tuple(sorted(f.article_ids))) for f in r.findings)
    assert per_pair and max(per_pair.values()) == 1, per_pair


@pytest.mark.xfail(
    strict=True,
    reason="ways of harm and sides are refused pair by pair, not across two incidents a "
    "third report links (regions are): on the annotated FA-KES events, refusing such merges "
    "lost a sixth of the conflicts' recall, as outlets name one happening's harm differently",
)
def test_a_plain_report_does_not_bridge_two_excluded_incidents() -> None:
    day = "2015-02-05"
    strikes = article(
        "Government air strikes killed 45 people in the Damascus suburbs on Thursday, a monitor "
        "said.",
        "t-air",
        "reuters",
        day,
    )
    rockets = article(
        "Seven people were killed by rebel rockets fired at Damascus on Thursday, state media "
        "said.",
        "t-rockets",
        "sana",
        day,
    )
    plain = article(
        "45 people were killed in Damascus on Thursday, a monitor said.", "t-plain", "ahram", day
    )
    r = run([strikes, rockets, plain])
    (air,) = claims_of(r, "t-air", "45", title=False)
    (seven,) = claims_of(r, "t-rockets", "Seven", title=False)
    assert air.incident_id != seven.incident_id
    assert not between(r.findings, "t-air", "t-rockets")


# -- copies ----------------------------------------------------------------------------------


def _with_copy(original: Article, outlet: str | None = None) -> Article:
    return dataclasses.replace(
        original, article_id=f"copy-{original.article_id}", outlet=outlet or original.outlet
    )


def test_a_copy_is_one_source_and_makes_no_finding(fakes: dict[str, Article]) -> None:
    """trt's Qamishli report (1919191742) under a second id, beside ahram's 31 (1923848164,
    "A double bomb attack killed 31 people in ... Qamishli ... Syrian state television
    reported"): the copy names its original, adds no finding and no source."""
    trt, ahram = fakes["1919191742"], fakes["1923848164"]
    copy = _with_copy(trt)
    alone = run([trt, ahram])
    r = run([trt, ahram, copy])
    copy_of = {a.article_id: a.copy_of for a in r.articles}
    assert copy_of == {
        trt.article_id: None,
        ahram.article_id: None,
        copy.article_id: trt.article_id,
    }
    assert not between(r.findings, trt.article_id, copy.article_id)
    assert not [f for f in r.findings if copy.article_id in f.article_ids]
    assert sorted(f.finding_id for f in r.findings) == sorted(f.finding_id for f in alone.findings)
    assert [f for f in r.findings if f.kind == "conflict"]  # trt's 48 vs state TV's 31
    (forty_eight, *_) = claims_of(r, trt.article_id, "48")
    inc = incident_of(r, forty_eight)
    held = {c.claim_id for c in r.claims if c.incident_id == inc.incident_id}
    assert {c.claim_id for c in claims_of(r, copy.article_id, "48")} <= held
    assert inc.sources == incident_of(alone, claims_of(alone, trt.article_id, "48")[0]).sources
    assert inc.sources == 2  # trt, Syrian state media


def test_a_copy_under_another_outlet_is_still_one_source(fakes: dict[str, Article]) -> None:
    trt, ahram = fakes["1919191742"], fakes["1923848164"]
    copy = _with_copy(trt, outlet="republisher")
    r = run([trt, ahram, copy])
    assert {a.article_id: a.copy_of for a in r.articles}[copy.article_id] == trt.article_id
    inc = incident_of(r, claims_of(r, trt.article_id, "48")[0])
    assert inc.sources == 2


def test_copies_are_found_in_the_store_across_runs(
    fakes: dict[str, Article], tmp_path: Path
) -> None:
    trt = fakes["1919191742"]
    copy = _with_copy(trt)
    db = tmp_path / "s.sqlite"
    first = run([trt], store=db)
    second = run([copy], store=db)
    assert [a.copy_of for a in first.articles] == [None]
    assert [a.copy_of for a in second.articles] == [trt.article_id]
    with Store(db) as store:
        assert store.copies([trt.article_id, copy.article_id]) == {copy.article_id: trt.article_id}
    assert not second.findings


def test_a_text_stored_many_times_is_looked_up_in_one_articles_bands(
    fakes: dict[str, Article], tmp_path: Path
) -> None:
    """A copy keeps only the bands that differ from its original's (none, for the same
    text): finding a text's copies reads one article's bands however often it is stored,
    and every further copy is still found."""
    trt = fakes["1919191742"]
    copies = [dataclasses.replace(trt, article_id=f"copy-{i}") for i in range(4)]
    db = tmp_path / "s.sqlite"
    run([trt, *copies[:3]], store=db)
    later = run([copies[3]], store=db)
    assert [a.copy_of for a in later.articles] == [trt.article_id]
    with sqlite3.connect(db) as con:
        bands = dict(con.execute("SELECT article_id, COUNT(*) FROM copy_bands GROUP BY 1"))
    assert bands == {trt.article_id: 16}


# -- vague words ---------------------------------------------------------------------------


def test_dozens_is_a_lower_bound_never_a_conflict_with_140() -> None:
    dozens = article(
        "Dozens of people were killed in a car bomb attack in Qamishli on Wednesday, activists "
        "said.",
        "t-dozens",
        "manar",
        "2016-07-27",
    )
    exact = article(
        "A car bomb attack in Qamishli on Wednesday killed 140 people, state media said.",
        "t-140",
        "sana",
        "2016-07-27",
    )
    r = run([dozens, exact])
    (vague,) = claims_of(r, "t-dozens", "Dozens", title=False)
    (many,) = claims_of(r, "t-140", "140", title=False)
    assert is_vague(vague) and (vague.low, vague.high) == (24, 99)
    assert vague.incident_id == many.incident_id  # one incident; no contradiction in it
    assert not r.findings


# -- the seeds -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> CheckResult:
    return check([EXAMPLES], store=":memory:")


def test_the_seeds_give_exactly_the_dateline_finding(seeds: CheckResult) -> None:
    assert [(f.rule, f.kind, f.severity) for f in seeds.findings] == [
        ("dateline.check_dateline_matches_content", "dateline", "high")
    ]
    assert seeds.findings[0].article_ids == ("003_f69708c9ff08d684",)


def test_the_2019_displacement_series_and_the_2020_total_never_meet(seeds: CheckResult) -> None:
    by_article = {
        aid: [c for c in seeds.claims if c.article_id == aid and c.category == "displaced"]
        for aid in {c.article_id for c in seeds.claims}
    }
    series_2019 = [
        c
        for aid in ("001_50fb227fe682e39d", "004_819dc4ccf86bd7ca")
        for c in by_article[aid]
        if c.modality == "reported"
    ]
    (total_2020,) = [c for c in by_article["002_4adf9b929fb8dcbc"] if c.value == 520000]
    assert series_2019 and {c.as_of.year for c in series_2019 if c.as_of} == {2019}
    assert total_2020.period_start == dt.date(2019, 12, 1)  # "since early December"
    assert total_2020.incident_id not in {c.incident_id for c in series_2019}
    ids_2019 = {c.claim_id for c in series_2019}
    for f in seeds.findings:
        held = {c.claim_id for c in f.claims}
        assert not (held & ids_2019 and total_2020.claim_id in held)


def test_projections_and_denials_are_in_no_incident(seeds: CheckResult) -> None:
    projected = [c for c in seeds.claims if c.modality == "projected"]
    assert {c.surface for c in projected} >= {"up to 900,000", "more than a million"}
    denial = article(
        "The army denied that 30 civilians were killed in the strike on Ariha on Tuesday.",
        "t-denied",
        "sana",
        "2016-10-25",
    )
    r = run([denial])
    for c in [*projected, *r.claims]:
        if c.modality != "reported":
            assert c.incident_id is None, c
    assert {c.modality for c in r.claims} == {"denied"}  # headline and body
    in_incidents = {ic.claim_id for i in [*seeds.incidents, *r.incidents] for ic in i.claims}
    assert not in_incidents & {c.claim_id for c in [*projected, *r.claims]}


# -- incident ids ----------------------------------------------------------------------------


def test_incident_ids_are_stable_across_runs(fakes: dict[str, Article]) -> None:
    chosen = [fakes[a] for a in QAMISHLI]
    one, two = run(chosen), run(reversed(chosen))
    assert one.incidents and {i.incident_id for i in one.incidents} == {
        i.incident_id for i in two.incidents
    }
    assert {c.claim_id: c.incident_id for c in one.claims} == {
        c.claim_id: c.incident_id for c in two.claims
    }


def test_a_later_report_joining_an_incident_keeps_its_id(
    fakes: dict[str, Article], tmp_path: Path
) -> None:
    """trt's 48 and manar's at least 44 (both 27 Jul), then the Jordan Times' report of the
    next day (1924058046, "Last updated at Jul 28 2016 ... killed at least 44 people"),
    given the date its text reveals (its CSV date, 19 Jul, is before the bombing)."""
    db = tmp_path / "s.sqlite"
    first = run([fakes["1919191742"], fakes["1965511170"]], store=db)
    (before,) = {c.incident_id for c in claims_of(first, "1919191742", "48")}
    jordan = dataclasses.replace(fakes["1924058046"], published=dt.date(2016, 7, 28))
    later = run([jordan], store=db)
    joined = claims_of(later, "1924058046", "at least 44")
    assert {c.incident_id for c in joined} == {before}
    with Store(db) as store:
        stored = {c.claim_id: c.incident_id for c in store.claims(["1919191742"])}
    assert before in stored.values()


def test_a_later_report_keeps_the_id_when_the_csv_dates_tie(
    fakes: dict[str, Article], tmp_path: Path
) -> None:
    db = tmp_path / "s.sqlite"
    first = run([fakes["1923848262"]], store=db)
    (before,) = {c.incident_id for c in claims_of(first, "1923848262", "47")}
    later = run([fakes["1924058178"]], store=db)
    (joined,) = claims_of(later, "1924058178", "at least 82")
    assert joined.incident_id == before


# -- FA-KES whole: what holds of every finding ----------------------------------------------


@pytest.fixture(scope="module")
def fakes_check() -> CheckResult:
    if not FAKES_CSV.is_file():
        pytest.skip(f"the FA-KES corpus is not at {FAKES_CSV}")
    return check([FAKES_CSV], store=":memory:", jobs=2)


def _incident_findings(result: CheckResult) -> Iterator[Finding]:
    return (f for f in result.findings if f.kind in INCIDENT_KINDS)


def test_claims_in_findings_carry_their_incident(fakes_check: CheckResult) -> None:
    r = fakes_check
    of_claim = {c.claim_id: c.incident_id for c in r.claims}
    incidents = {i.incident_id: i for i in r.incidents}
    assert len(incidents) == len(r.incidents)
    checked = 0
    for f in _incident_findings(r):
        assert f.incident_id in incidents, f
        held = set(incidents[f.incident_id].claim_ids)
        for c in f.claims:
            assert c.incident_id == of_claim[c.claim_id] == f.incident_id
            assert c.claim_id in held
        checked += 1
    assert checked > 50
    conflicts = [f for f in r.findings if f.kind in ("conflict", "toll_updated")]
    assert conflicts and all(f.incident_id for f in conflicts)


def test_every_claim_of_every_finding_carries_its_incident(fakes_check: CheckResult) -> None:
    of_claim = {c.claim_id: c.incident_id for c in fakes_check.claims}
    wrong = [
        (f.kind, c.claim_id)
        for f in fakes_check.findings
        for c in f.claims
        if c.incident_id != of_claim.get(c.claim_id, c.incident_id)
    ]
    assert not wrong


def test_vague_words_alone_never_make_a_finding_above_low(fakes_check: CheckResult) -> None:
    checked = 0
    for f in _incident_findings(fakes_check):
        if all(is_vague(c) for c in f.claims):
            checked += 1
            assert f.severity == "low", f.message
        if f.kind == "conflict":
            assert not any(is_vague(c) for c in f.claims), f.message
    vague = [c for c in fakes_check.claims if is_vague(c) and c.incident_id]
    assert len(vague) > 20  # "dozens", "hundreds" are in incidents: as lower bounds


def test_projections_and_denials_of_fakes_are_in_no_incident(fakes_check: CheckResult) -> None:
    other = [c for c in fakes_check.claims if c.modality != "reported"]
    assert other
    assert all(c.incident_id is None for c in other)
    grouped = {ic.claim_id for i in fakes_check.incidents for ic in i.claims}
    assert not grouped & {c.claim_id for c in other}


def test_incidents_are_one_quantity_each(fakes_check: CheckResult) -> None:
    """Every incident's claims share its category, unit and scope; its sources are no more
    than its claims' sources; two towns never share one."""
    from checker.engine.clustering import place_level, town_key

    by_id = {c.claim_id: c for c in fakes_check.claims}
    for inc in fakes_check.incidents:
        members = [by_id[i] for i in inc.claim_ids]
        assert {(c.category, c.unit, c.scope) for c in members} == {
            (inc.category, inc.unit, inc.scope)
        }
        assert 1 <= inc.sources <= len({ic.source for ic in inc.claims})
        towns = {town_key(c.location) for c in members if place_level(c) == 2}
        assert len(towns) <= 1, (inc.incident_id, towns)
    assert any(len(i.claims) > 1 for i in fakes_check.incidents)


def test_a_figure_its_own_report_calls_a_past_count_is_no_conflict() -> None:
    day = "2017-04-15"
    later = article(
        "A suicide car bomb killed at least 70 people at Rashidin near Aleppo on Saturday, "
        "the Observatory said. The previous death toll was 20.",
        "t-later",
        "sputnik",
        day,
    )
    early = article(
        "A car bomb killed 20 people at Rashidin near Aleppo on Saturday, state media said.",
        "t-early",
        "sana",
        day,
    )
    other = article(
        "A car bomb killed 45 people at Rashidin near Aleppo on Saturday, activists said.",
        "t-other",
        "ahram",
        day,
    )
    r = run([later, early, other])
    conflicts = [f for f in r.findings if f.kind == "conflict"]
    pairs = {frozenset(c.surface for c in f.claims) for f in conflicts}
    assert frozenset({"20", "45"}) in pairs  # sana's 20 is its own report's toll
    # sputnik says sana's 20 was the toll before its own: an update, not a conflict
    assert frozenset({"20", "at least 70"}) not in pairs
    # sputnik's "The previous death toll was 20" is a past count: set against nothing
    assert not [
        f
        for f in conflicts
        if any(c.article_id == "t-later" and c.surface == "20" for c in f.claims)
    ]


def test_nine_in_ten_high_findings_on_fakes_are_true_by_the_read(
    fakes_check: CheckResult,
) -> None:
    """Every high finding on FA-KES has been read against its articles
    (benchmarks/findings_review.json: finding, verdict, why), and at least nine in ten of
    them are true: a finding raised high that nobody read, or a read that no longer
    holds, fails here and is read (and added) before it lands."""
    read = {
        r["finding_id"]: r["verdict"]
        for r in json.loads((ROOT / "benchmarks" / "findings_review.json").read_text())
    }
    high = [f for f in fakes_check.findings if f.severity == "high"]
    assert len(high) > 40
    unread = [f.finding_id for f in high if f.finding_id not in read]
    assert not unread, f"high findings not read in benchmarks/findings_review.json: {unread}"
    true = sum(read[f.finding_id] == "TRUE" for f in high)
    assert true / len(high) >= 0.9, (true, len(high))


def test_a_vague_figure_at_the_finer_place_does_not_make_the_wider_a_total(
    fakes_check: CheckResult,
) -> None:
    """Ghouta, 21 Aug 2013: Al Arabiya's "at least 640" killed in Eastern Ghouta against
    Reuters' 494 "in the Damascus suburbs". Al Arabiya's only figure at Damascus is the
    British Foreign Secretary's "hundreds", no part of its 640: the wider place's figure
    is no total of a finer one, and the two counts of one attack conflict."""
    found = [
        f for f in between(fakes_check.findings, "1926479310", "1926479389") if f.kind == "conflict"
    ]
    assert found and {c.value for f in found for c in f.claims} == {640.0, 494.0}


def test_two_spellings_of_a_town_with_the_article_glued_are_one_town() -> None:
    from checker.engine.clustering import town_key

    assert town_key("Urum Alkobra") == town_key("Urem al-Kubra") == town_key("Urum al-Kubra")
    assert town_key("Khan Alsibil") == town_key("Khan al-Subul")
    assert town_key("Aleppo") != town_key("Eppo")  # a name's first word keeps its "Al"


def test_a_clinic_strike_counted_by_two_organisations_is_one_conflict(
    fakes_check: CheckResult,
) -> None:
    """Khan Tuman, 20-21 Sep 2016: "Four medics were killed" (alaraby, from the medics'
    union) against "killing 15 members of medical staff" "in the town of Khan Tuman in
    southern rural Aleppo" (etilaf): one group (medical staff are medics), one town."""
    found = [
        f for f in between(fakes_check.findings, "1923102942", "1926479056") if f.kind == "conflict"
    ]
    assert found and {c.value for f in found for c in f.claims} == {4.0, 15.0}


def test_a_headline_shares_the_incident_of_its_bodys_figure(fakes_check: CheckResult) -> None:
    """Ahram, 19 Jul 2016: the headline "US-led strikes kill 56 civilians in Syria Monitor"
    sums up its body's "at least 56 civilians killed": one incident, linked before other
    reports (and the body's Monday 21) can pull the headline elsewhere, so the headline's
    bare 56 is no firm conflict with Sputnik's "Over 100"."""
    (title,) = [c for c in claims_of(fakes_check, "1923848168", "56") if c.in_title]
    body = [c for c in claims_of(fakes_check, "1923848168", "at least 56", title=False)]
    assert title.incident_id in {c.incident_id for c in body}
    high = [
        f for f in between(fakes_check.findings, "1923848168", "1965495350") if f.severity == "high"
    ]
    assert not high


def test_a_figure_of_an_article_whose_headline_says_the_toll_mounts_is_not_firm(
    fakes_check: CheckResult,
) -> None:
    """Al Arabiya, 15 Apr 2017, "Death toll mounts after bomb blast on Aleppo evacuee bus
    convoy": its Observatory "24 dead" against the Jordan Times' 43 the same day is a
    conflict of a count still moving: medium, not a CI failure."""
    from checker.engine.clustering import headline_moving

    assert headline_moving("Death toll mounts after bomb blast on Aleppo evacuee bus convoy")
    assert headline_moving("Rising death toll in Idlib")
    assert not headline_moving("Toll of the war: 400,000")
    found = [
        f for f in between(fakes_check.findings, "1924058032", "1926479330") if f.kind == "conflict"
    ]
    assert found and {f.severity for f in found} == {"medium"}


def test_a_sources_wider_count_is_no_misquote_of_its_towns(fakes_check: CheckResult) -> None:
    """1 Jul 2016: the Observatory's "At least 70 killed in north of Syria's Aleppo" (a
    Jordan Times headline, 1924058042) and its 11 killed at Tariq al-Bab's market (Ahram):
    the wider place's count holds the town's, as in cross_outlet's rule; no same-source
    finding."""
    assert not [
        f
        for f in between(fakes_check.findings, "1923848179", "1924058042")
        if f.rule == "same_source.check_same_source_different_figure"
    ]


def test_a_nationality_names_its_country_in_the_words_of_a_report() -> None:
    from checker.engine.cues import salient_words

    names = salient_words("Russian jets resume airstrikes on Aleppo")[1]
    assert "russia" in names and "russia" in salient_words("Russia launches air raids")[1]
    assert (
        "iraq" in salient_words("Iraqi forces")[1] and "pakistan" in salient_words("Pakistani")[1]
    )
    assert "italian" in salient_words("an italian restaurant")[0]  # lower case: a word


def test_a_toll_of_the_same_raids_by_two_outlets_is_a_conflict(fakes_check: CheckResult) -> None:
    """Aleppo, 11 Oct 2016: alaraby's "Russia launches new crippling air raids on Aleppo"
    (a local journalist "placed the death toll from the air raids at 50") and trt's "Russian
    jets resume airstrikes on Aleppo" (26 killed): one actor named twice, one day, one city."""
    found = [
        f for f in between(fakes_check.findings, "1923102903", "1924058100") if f.kind == "conflict"
    ]
    assert found and {c.value for f in found for c in f.claims} == {50.0, 26.0}


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # a file photo's caption in French (radiookapi.net, idmc-44b7d81269): no English
        # words to tell a caption from a date line by
        (
            "Dégâts de pluie à Kalemie, samedi 8/09/2012  Plus de 200 maisons se sont "
            "écroulées à Kalemie (Katanga) après une pluie diluvienne, a indiqué dimanche.",
            {"published": "2014-04-20", "language": "fr"},
        ),
        # a record of 2007 recalled in 2014; the text's own days have no year ("Tuesday
        # morning (June 22)": idmc-e6ae56d2bf)
        (
            "Between Sunday morning and Tuesday morning (June 22), 8.43 inches of rain was "
            "measured in Canton, narrowly missing the all-time record of 8.74 inches on May 6, "
            "2007 in Groton.",
            {"published": "2014-06-30"},
        ),
    ],
)
def test_what_is_no_evidence_of_a_wrong_date(text: str, fields: dict[str, str]) -> None:
    from checker.testing import build_article, check_rule

    article = build_article(text, **fields)
    assert not check_rule("dateline.check_dateline_matches_content", [], [article]).findings


def test_a_date_line_years_away_is_still_flagged() -> None:
    from checker.testing import build_article, check_rule

    article = build_article(
        "Mon Jun 20 2016 Daesh on the Run: the army says 20 militants were killed.",
        published="2016-08-06",
    )
    assert check_rule("dateline.check_dateline_matches_content", [], [article]).findings


def test_a_day_toll_is_not_the_incident_of_its_part(fakes_check: CheckResult) -> None:
    """Aleppo, 3 Jun 2016: al-Araby (1923102959) and AFP via Ahram (1923848270) both give
    the White Helmets' 31 killed that Friday, 10 of them on a bus, and the Observatory's
    eight on the Castello road. Ahram's "killed 31 civilians Friday including 10 when their
    bus was hit" (the 10 are civilians too, a part) is not set against al-Araby's "Ten
    civilians were killed when regime airstrikes hit a bus ... near the northern Syrian
    city" (a preposition is no word of a happening: "near" and "northern" were two shared
    words), nor al-Araby's 31 against Ahram's part; and Ahram's "A bus on the road was also
    hit on Wednesday resulting in seven civilian deaths" is Wednesday's, not Friday's bus
    (their days are further apart than one event's reports, whatever links the incident)."""
    found = [
        f for f in between(fakes_check.findings, "1923102959", "1923848270") if f.kind == "conflict"
    ]
    assert not found, [f.message for f in found]
