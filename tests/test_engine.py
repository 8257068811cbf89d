"""The rule engine: discovery, the names rules ask for, asserts as findings, rule errors."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from checker.engine import load_rules, run_rules
from checker.engine.cues import incident_families, perpetrators, subject_class
from checker.engine.incidents import group
from checker.engine.loader import RuleSettings
from checker.errors import ConfigError, RuleLoadError
from checker.testing import build_article, build_claim

USER_RULE = '''
"""A newsroom's own rules."""
from checker import rule


@rule(severity="low", limit=100)
def check_no_huge_event_tolls(claim, options):
    """An event count above the newsroom's limit.

    Flags:
        "500 people were killed in Idlib on Tuesday"

    Passes:
        "12 people were killed in Idlib on Tuesday"
    """
    if claim.scope == "event":
        assert claim.value <= options["limit"], f"{claim.surface} is above {options['limit']}"


def check_bare_assert(claim):
    """Flags any claim over 1000 (no message: pytest's introspection is the message)."""
    limit = 1000
    assert claim.value <= limit


def helper_not_a_rule(claim):
    raise RuntimeError("never called")
'''


def write_rules(folder: Path, source: str, name: str = "newsroom.py") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return folder


def test_rule_in_a_folder_is_discovered_and_its_assert_is_a_finding(tmp_path: Path) -> None:
    rules = load_rules([write_rules(tmp_path / "myrules", USER_RULE)], builtin=False)
    assert [r.id for r in rules] == [
        "newsroom.check_no_huge_event_tolls",
        "newsroom.check_bare_assert",
    ]
    big = build_claim(value=500, surface="500", quote="500 people were killed in Idlib on Tuesday.")
    small = build_claim(article_id="a2", value=12, surface="12")
    huge = build_claim(article_id="a3", value=5000, surface="5,000", scope="cumulative")
    out = run_rules(rules, [], [big, small, huge])
    by_rule = {(f.rule, f.claims[0].value): f for f in out.findings}
    f = by_rule[("newsroom.check_no_huge_event_tolls", 500)]
    assert f.message == "500 is above 100"
    assert f.severity == "low"
    assert f.explanation.startswith("An event count above the newsroom's limit.")
    bare = by_rule[("newsroom.check_bare_assert", 5000)]
    assert bare.message.startswith("assert 5000.0 <= 1000"), bare.message
    assert len(out.findings) == 2 and not out.errors


def test_settings_override_severity_options_and_enabled(tmp_path: Path) -> None:
    folder = write_rules(tmp_path / "r", USER_RULE)
    settings = {
        "newsroom.check_no_huge_event_tolls": RuleSettings(
            severity="high", options={"limit": 1000}
        ),
        "newsroom.check_bare_assert": RuleSettings(enabled=False),
    }
    rules = load_rules([folder], builtin=False, settings=settings)
    assert [(r.id, r.severity, dict(r.options)) for r in rules] == [
        ("newsroom.check_no_huge_event_tolls", "high", {"limit": 1000})
    ]
    with pytest.raises(ConfigError, match="no option"):
        load_rules(
            [folder],
            builtin=False,
            settings={"newsroom.check_bare_assert": RuleSettings(options={"x": 1})},
        )
    with pytest.raises(ConfigError, match="unknown rule"):
        load_rules([folder], builtin=False, settings={"newsroom.nope": RuleSettings()})


def test_unknown_name_fails_when_the_rule_loads(tmp_path: Path) -> None:
    folder = write_rules(
        tmp_path / "r",
        '''
        def check_typo(claimz):
            """Asks for a name that does not exist."""
    ''',
    )
    with pytest.raises(RuleLoadError, match=r"unknown name\(s\) 'claimz'.*claim, article"):
        load_rules([folder], builtin=False)


def test_two_subjects_or_no_docstring_fail_when_loading(tmp_path: Path) -> None:
    two = write_rules(
        tmp_path / "a",
        '''
        def check_two(claim, pair):
            """Two subjects."""
    ''',
    )
    with pytest.raises(RuleLoadError, match="exactly one"):
        load_rules([two], builtin=False)
    nodoc = write_rules(
        tmp_path / "b",
        """
        def check_nodoc(claim):
            assert claim.value < 10
    """,
    )
    with pytest.raises(RuleLoadError, match="no docstring"):
        load_rules([nodoc], builtin=False)
    broken = write_rules(tmp_path / "c", "def check_x(claim:\n")
    with pytest.raises(RuleLoadError, match="syntax error"):
        load_rules([broken], builtin=False)


def test_a_rule_that_raises_is_a_rule_error_and_the_run_goes_on(tmp_path: Path) -> None:
    folder = write_rules(
        tmp_path / "r",
        '''
        def check_broken(claim):
            """Divides by zero on purpose."""
            return claim.value / 0

        def check_fine(claim):
            """Flags everything."""
            assert False, "flagged"
    ''',
    )
    rules = load_rules([folder], builtin=False)
    c = build_claim()
    out = run_rules(rules, [], [c])
    assert [f.rule for f in out.findings] == ["newsroom.check_fine"]
    (err,) = out.errors
    assert err.stage == "rule" and err.rule == "newsroom.check_broken"
    assert err.exception and err.exception.startswith("ZeroDivisionError")
    assert err.claim_ids == (c.claim_id,)
    assert err.line == 4 and err.source and err.source.endswith("newsroom.py")


def test_fail_names_just_the_claims_given(tmp_path: Path) -> None:
    folder = write_rules(
        tmp_path / "r",
        '''
        from checker import fail

        def check_first_two(article):
            """Points at the first two claims of an article."""
            if len(article.claims) >= 2:
                fail("these two", article.claims[0], article.claims[1])
    ''',
    )
    a = build_article("x", article_id="a1")
    claims = [build_claim(value=v, surface=str(v), quote=f"{v} killed") for v in (1, 2, 3)]
    out = run_rules(load_rules([folder], builtin=False), [a], claims)
    assert [len(f.claims) for f in out.findings] == [2]


def test_asserts_stay_live_under_python_O(tmp_path: Path) -> None:
    folder = write_rules(tmp_path / "r", USER_RULE)
    script = textwrap.dedent(f"""
        from checker.engine import load_rules, run_rules
        from checker.testing import build_claim
        rules = load_rules([{str(folder)!r}], builtin=False)
        out = run_rules(rules, [], [build_claim(value=5000)])
        print(len(out.findings))
    """)
    res = subprocess.run(
        [sys.executable, "-O", "-c", script], capture_output=True, text=True, check=True
    )
    assert res.stdout.strip() == "2"


def test_only_named_files_load_not_tests_or_private(tmp_path: Path) -> None:
    folder = write_rules(tmp_path / "r", USER_RULE)
    (folder / "_private.py").write_text("raise SystemExit('must not run')\n")
    (folder / "test_newsroom.py").write_text("raise SystemExit('must not run')\n")
    (folder / "sub").mkdir()
    (folder / "sub" / "deep.py").write_text("raise SystemExit('must not run')\n")
    assert len(load_rules([folder], builtin=False)) == 2


def test_builtin_rule_ids_are_unique_and_documented() -> None:
    rules = load_rules()
    assert len({r.id for r in rules}) == len(rules) >= 9
    for r in rules:
        assert "Flags:" in r.doc and "Passes:" in r.doc, f"{r.id}: needs Flags:/Passes: examples"
        flags = r.doc.split("Flags:")[1].split("Passes:")[0].strip()
        passes = r.doc.split("Passes:")[1].strip()
        assert flags and passes, f"{r.id}: empty example"
        assert r.kind != "finding", f"{r.id}: built-in rules name the kind of their findings"


@pytest.mark.parametrize("rule_id", [r.id for r in load_rules()])
def test_builtin_rule_summary_is_one_whole_sentence(rule_id: str) -> None:
    (r,) = [r for r in load_rules() if r.id == rule_id]
    first = r.doc.split("\n\n", 1)[0]
    assert r.summary == " ".join(first.split()), f"{r.id}: first line is what it flags"
    assert r.summary.endswith("."), f"{r.id}: the summary is one whole sentence"


@pytest.mark.parametrize(
    ("category", "a", "b", "same"),
    [
        ("killed", "civilians", "people", False),  # one incident may hold the other
        ("killed", "children", "civilians", False),
        ("killed", "Syrian civilians", "civilians", True),
        ("killed", "Turkish soldiers", "Turkish personnel", True),
        ("killed", "rebels", "civilians", False),
        ("killed", "regime fighters", "soldiers", True),  # the army's side
        ("displaced", "refugees", "people", True),  # people moved: one group
        ("displaced", "civilians", "Syrians", True),
    ],
)
def test_subject_classes(category: str, a: str, b: str, same: bool) -> None:
    assert (subject_class(category, a) == subject_class(category, b)) is same


def test_ways_of_harm_and_sides_of_real_sentences() -> None:
    # FA-KES 5 Feb 2015, Damascus: the government's strikes on the suburbs and the rebels'
    # rockets on the city, the same day
    air = "Government air strikes killed 45 people in the Damascus suburbs."
    rockets = "Seven people were killed by rebel rockets fired at Damascus."
    assert incident_families(air) == {"air"} and incident_families(rockets) == {"ground_fire"}
    assert perpetrators(air) == {"government"} and perpetrators(rockets) == {"rebels"}
    # a side named among the victims acted in nothing
    assert perpetrators("dozens of dead from army personnel") == frozenset()


@pytest.mark.parametrize(
    "quote",
    [
        "AIR STRIKES and Shelling killed 9; a CAR BOMB exploded",
        "Sarin gas attack: TOXIC fumes",
        "Airstrikes on İdlib killed 12 (Ｓhelling)",  # not ASCII: read with re.I as before
        "ſhelling of the town",  # the long s is an s to re.I
        "no harm named here",
    ],
)
def test_ways_of_harm_read_the_same_in_lower_case_as_with_ignorecase(quote: str) -> None:
    from checker.engine.cues import _INCIDENT_FAMILIES, _LOWER_FAMILIES

    assert all(p.pattern == p.pattern.lower() for p in _LOWER_FAMILIES.values())
    expected = {n for n, rx in _INCIDENT_FAMILIES.items() if rx.search(quote)}
    assert incident_families(quote) == expected


def test_places_and_incidents() -> None:
    """Same day, same city, same group: the government's strikes and the rebels' rockets
    are two incidents; a report of the strikes naming them again is the strikes'; two towns
    of one province are two incidents, whatever their figures."""

    def at(aid: str, quote: str, value: int, location: str = "Damascus") -> Any:
        return build_claim(
            article_id=aid,
            value=value,
            surface=str(value),
            quote=quote,
            location=location,
            region="Damascus" if location == "Damascus" else "Rif Dimashq",
            country="Syria",
            published="2015-02-05",
        )

    air = at("a", "Government air strikes killed 45 people in the Damascus suburbs.", 45)
    rockets = at("b", "7 people were killed by rebel rockets fired at Damascus.", 7)
    again = at("c", "Air strikes by government jets killed 45 people in Damascus.", 45)
    douma = at("d", "45 people were killed in Douma, a monitor said.", 45, location="Douma")
    zamalka = at("e", "45 people were killed in Zamalka, a monitor said.", 45, location="Zamalka")
    g = group([air, rockets, again])
    inc = g.of_claim
    assert len(inc) == 3 and set(inc.values()) == {i.incident_id for i in g.incidents}
    assert inc[air.claim_id] == inc[again.claim_id] != inc[rockets.claim_id]
    two = group([douma, zamalka])
    assert two.of_claim[douma.claim_id] != two.of_claim[zamalka.claim_id]  # two towns
    for grouping in (g, two):
        for i in grouping.incidents:
            members = grouping.claims_of(i.incident_id)
            assert [c.claim_id for c in members] == list(i.claim_ids)
            assert (i.category, i.subject, i.country) == ("killed", "people", "Syria")
            assert i.as_of == dt.date(2015, 2, 5)
            assert i.sources == len({c.outlet for c in members})
