"""Category and subject from the words around the number, on corpus sentences: the verbs
and nouns of each category, lists split into their parts, sub-counts, and counts that are not
claims."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract import extract_claims
from checker.records import Article


def counted(text: str, title: str = "") -> list[tuple[str, str, str]]:
    article = Article("t", "test", dt.date(2016, 6, 5), title, text)
    return [(c.surface, c.category, c.subject) for c in extract_claims(article)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Air strikes hit hospital and kill 26 people in Idlib",
            [("26", "killed", "people")],
        ),
        (
            "Terrorist attacks leave child and woman dead and 7 others injured in Aleppo cause "
            "material damage in Daraa",
            [("7", "injured", "others")],
        ),
        (
            "Fierce clashes between Islamist militants near Damascus left at least 40 dead and 70 "
            "wounded on Friday a monitoring group said.",
            [("at least 40", "killed", "people"), ("70", "injured", "people")],
        ),
        (
            '"Some cases appear to show additional signs consistent with exposure to '
            'organophosphorus chemicals" WHO said in a statement putting the death toll at at '
            "least 70.",
            [("at least 70", "killed", "people")],
        ),
        (
            "Extremist fire on al-Rashideen Mosque in al-Daatour neighborhood in Latakia city "
            "leaving 5 martyrs.",
            [("5", "killed", "martyrs")],
        ),
        (
            "The fighting has uprooted around 250,000 people in the territory, the last "
            "significant rebel stronghold, and one which borders Turkey.",
            [("around 250,000", "displaced", "people")],
        ),
        (
            "Meanwhile fighting between Islamic State militants and a Kurdish-Arab alliance troops "
            "has forced 13000 residents to flee the IS-bastion city of Manbij.",
            [("13000", "displaced", "residents")],
        ),
        (
            "The offensive has forced Turkey, which already hosts some 3.6 million Syrian "
            "refugees, to assess its readiness for a humanitarian emergency, as more than 300,000 "
            "people have been displaced in Idlib.",
            [
                ("some 3.6 million", "refugees", "Syrian refugees"),
                ("more than 300,000", "displaced", "people"),
            ],
        ),
        (
            "The country is already home to more than 3 million Syrians who have fled the war.",
            [("more than 3 million", "refugees", "Syrians")],
        ),
        (
            "Turkeys official Anadolu Agency put the death toll at least at 85 adding that 50 "
            "civilians were also wounded in airstrikes.",
            [("85", "killed", "people"), ("50", "injured", "civilians")],
        ),
        (
            "The London-based Syrian Observatory for Human Rights said there had been at least 29 "
            "raids by warplanes on Zabadani and at least 34 barrel bombs dropped by helicopters "
            "so far today.",
            [("at least 29", "attacks", "raids"), ("at least 34", "attacks", "barrel bombs")],
        ),
        (
            "U.S. officials said the military fired dozens of cruise missiles against the base.",
            [("dozens", "attacks", "cruise missiles")],
        ),
        (
            "Since April 28, a total of 18 health facilities have been struck, the U.N. Office for "
            "the Coordination of Humanitarian Affairs (OCHA) told Reuters on Monday.",
            [("18", "facilities", "health facilities")],
        ),
        (
            "Ankara has shifted hundreds of Free Syrian Army fighters from Turkey-controlled "
            "territories to Idlib, supplying them with vehicles and heavy weapons.",
            [("hundreds", "combatants", "Free Syrian Army fighters")],
        ),
        (
            "Kafr Hamra is near the northern front line in the deeply divided city of Aleppo "
            "where government troops have sealed the main route into opposition areas "
            "effectively trapping nearly 300000 residents.",
            [("nearly 300000", "besieged", "residents")],
        ),
        (
            "The United Nations expects up to 900,000 people to flee if Syrian government forces "
            "launch a large-scale offensive on Idlib, home to some 3 million people.",
            [("up to 900,000", "displaced", "people"), ("some 3 million", "population", "people")],
        ),
        (
            "Under the evacuation deal more than 2000 people including rebel fighters were "
            "granted safe passage out of Madaya a town near Damascus besieged by government "
            "forces.",
            [("more than 2000", "evacuated", "people")],
        ),
    ],
)
def test_category_and_subject(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert counted(text) == expected


def test_list_parts_each_get_their_own_verb() -> None:
    text = (
        "A bomb blast killed six people and injured 32 in the Salah al-Din district of Aleppo "
        "Syrian state television reported on Wednesday without giving further details."
    )
    assert counted(text) == [("six", "killed", "people"), ("32", "injured", "people")]
    text = "Two children killed 5 others injured in terrorist rocket attack in Aleppo"
    assert counted(text) == [("Two", "killed", "children"), ("5", "injured", "others")]
    text = (
        "The United Nations says the war has killed more than 220000 people and wounded at "
        "least 1 million."
    )
    assert [c[1] for c in counted(text)] == ["killed", "injured"]


def test_parts_of_a_total_are_claims_too() -> None:
    # FA-KES, 26 October 2016, Idlib: "22 children ... 6 teachers ... 35 people in total"
    assert counted(
        "22 children 6 teachers killed in Russian Syrian airstrikes near schools in Idlib"
    ) == [
        ("22", "killed", "children"),
        ("6", "killed", "teachers"),
    ]
    text = (
        "Since Thursday bombing has killed 44 civilians including 11 women nine children and one "
        "rescue worker."
    )
    assert counted(text) == [
        ("44", "killed", "civilians"),
        ("11", "killed", "women"),
        ("nine", "killed", "children"),
        ("one", "killed", "rescue worker"),
    ]
    text = (
        "Sixteen civilians - including three children - were killed on Monday following heavy "
        "bombardments of a rebel-held town in northern Syria a monitoring group said."
    )
    assert counted(text) == [("Sixteen", "killed", "civilians"), ("three", "killed", "children")]


def test_a_sub_count_before_its_total() -> None:
    text = (
        "Ten children were among at least 48 people killed in a Syrian village last week when "
        "government helicopters dropped barrel bombs."
    )  # dailysabah, 23 February 2015
    assert counted(text)[:2] == [("Ten", "killed", "children"), ("at least 48", "killed", "people")]


def test_killed_and_wounded_together_is_other() -> None:
    text = "SOHR Tens killed and wounded in a car bomb explosion near the Syrian Turkish border"
    assert counted(text) == [("Tens", "other", "people")]


def test_what_attackers_did_is_not_what_happened_to_them() -> None:
    text = (
        "In early October four suicide bombers blew themselves up in the al Midan district of "
        "Damascus killing 15 people including five policemen."
    )
    found = counted(text)
    assert found[1:] == [("15", "killed", "people"), ("five", "killed", "policemen")]
    assert found[0][::2] == ("four", "suicide bombers") and found[0][1] != "killed"


@pytest.mark.xfail(
    strict=True,
    reason="extraction: 'four suicide bombers blew themselves up' is category population "
    "(a population is 'a population of 4,500', 'home to 30,000'); attackers are combatants",
)
def test_attackers_are_combatants() -> None:
    text = (
        "In early October four suicide bombers blew themselves up in the al Midan district of "
        "Damascus killing 15 people including five policemen."
    )
    assert counted(text)[0] == ("four", "combatants", "suicide bombers")


def test_no_deaths_is_a_count_of_zero() -> None:
    text = (
        "The Observatory said there were no deaths from the hospital strike but that the "
        "bombardment had put it out of action."
    )
    assert counted(text) == [("no deaths", "killed", "people")]


@pytest.mark.parametrize(
    "text",
    [
        "Qatar has strongly backed the Syrian opposition and two ministers met in Doha.",  # crafted
        "Regime forces captured three villages north of Aleppo on Sunday.",  # crafted
        "The Security Council has adopted three resolutions on Syria.",  # crafted
        "The AFP correspondent saw at least one destroyed incubator rooms and corridors filled "
        "with rubble.",
        "Assads government has regained control of 55 percent of the country including major "
        "cities Damascus Aleppo Homs and Hama and around two-thirds of the population lives in "
        "regime-held areas.",
    ],
)
def test_counts_outside_the_categories_are_not_claims(text: str) -> None:
    assert counted(text) == []
