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
    assert counted("This year there were no deaths.") == [("no deaths", "killed", "people")]


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
        # a range of a measure: its first end is the measure's too (idmc-5043096bc5,
        # FA-KES 1926478939)
        "Gusts could reach 80 to 100mph across the UK and killed many.",
        "The victims were children (5-8 years) who were injured in the attack.",
        # rescuers at work, not forces at war (idmc-668b9688db, idmc-fc76169345)
        "Meanwhile hundreds of troops and rescuers dug with shovels through the mud.",
        "Nearly 1,000 Self-Defense Forces personnel and police were participating in a search.",
        # no report yet, not a toll of zero (idmc-6b5be56e09, idmc-b77f3b9b3d, idmc-ee70c4f95b)
        "No deaths or injuries have been reported.",
        "There were no deaths reported thus far following the incident.",
        "As of 23 February 2015, no injuries or fatalities have been reported.",
        "No injuries were reported.",
        # a rate and a page cited, not counts of people (idmc-a4b6f8cd3b)
        "Relative to its population it ranked sixth, with almost 13,000 people per million "
        "inhabitants displaced (IDMC, 17 September 2014, pp.32-33).",
        "The murder rate was 5 per 100,000 people.",
        # places counted (idmc-44ca2cf8e0)
        "333 villages in 80 sub-districts have been heavily affected by summer storms.",
    ],
)
def test_counts_outside_the_categories_are_not_claims(text: str) -> None:
    assert counted(text) == []


# --- beyond Syria (issue 11): idmc-news sentences (by id), crafted ones marked ----------------


def units(text: str) -> list[tuple[str, str, str, str]]:
    article = Article("t", "test", dt.date(2016, 6, 5), "", text)
    return [(c.surface, c.category, c.unit, c.subject) for c in extract_claims(article)]


def test_households_and_families_are_claims_with_their_unit() -> None:
    # the two examples, crafted around its words
    assert units(
        "The village has about 310 households (about 1,600 people) and all were evacuated."
    ) == [
        ("about 310", "evacuated", "households", "households"),
        ("about 1,600", "evacuated", "people", "people"),
    ]
    assert units("The floods affected 125 families (more than 800 people) in the district.") == [
        ("125", "other", "families", "families"),
        ("more than 800", "other", "people", "people"),
    ]
    # idmc-280faca8ac: one group counted twice, joined by "or"
    text = (
        "Additionally, 7,328 people or 1,748 families are staying in the evacuation center in 4 "
        "villages that 8 kilometers away from the volcano."
    )
    assert units(text) == [
        ("7,328", "displaced", "people", "people"),
        ("1,748", "displaced", "families", "families"),
    ]
    # idmc-fb0462a47b: the people "from" their families, both counts of one group
    text = (
        "According to Peru’s Civil Defense Institute (INDECI), around 3,000 people from 690 "
        "families have been forced from their homes after several days of heavy rain"
    )
    assert units(text) == [
        ("around 3,000", "displaced", "people", "people"),
        ("690", "displaced", "families", "families"),
    ]
    # FA-KES 1926479162, 1923102952: "one family" says whose they are, it counts nothing
    text = "Six civilians from one family were killed in airstrikes on the town of Atareb"
    assert units(text) == [("Six", "killed", "people", "civilians")]
    text = "killing three children from one family and wounding five others"
    assert [u[:2] for u in units(text)] == [("three", "killed"), ("five", "injured")]
    # idmc-0cd5fede8d: households of a displaced group named after them
    text = "The victims comprise of 75,293 Households integrated IDPs, 2,127 Households- Kipkurere"
    assert units(text)[0] == ("75,293", "displaced", "households", "Households")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # idmc-e6ae56d2bf, idmc-ff8ec6bfec: homes evacuated are the households in them
        ("Five hundred homes were evacuated.", [("Five hundred", "evacuated", "households")]),
        (
            "Vulnerable people are being evacuated from 2,200 homes in York, where people in "
            "3,500 properties near the River Foss have been advised to be ready to leave.",
            [("2,200", "evacuated", "households")],
        ),
        ("Residents of 275 homes have been evacuated.", [("275", "evacuated", "households")]),
        # crafted: homes destroyed stay homes; homes without power count nothing
        ("Floods destroyed 30 homes.", [("30", "facilities", "homes")]),
        ("About 300 homes were left without power.", []),
    ],
)
def test_homes_evacuated_count_households(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [u[:3] for u in units(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # missing after a killed figure, and "missing" on its own (idmc-668b9688db,
        # idmc-c0bfc107c0, idmc-5b786fdec8)
        (
            "Officially, two people were killed -- their bodies were pulled out of the debris -- "
            "and 68 are missing.",
            [("two", "killed", "people"), ("68", "missing", "people")],
        ),
        ("At least 4 people are still missing.", [("At least 4", "missing", "people")]),
        ("One person was reported as missing.", [("One", "missing", "person")]),
        (
            "36 people have been reported as injured and there are still 11 people missing.",
            [("36", "injured", "people"), ("11", "missing", "people")],
        ),
        # a predicate noun after "human", "civilian" (idmc-fc73899e06; FA-KES 1923102896);
        # still in the camps (idmc-d920c3aa68)
        (
            'A dispatch from the agency cited "40 human casualties" without elaborating.',
            [("40", "other", "casualties")],
        ),
        (
            "Coalition strikes have also claimed hundreds of civilian lives in parts of Syria.",
            [("hundreds", "killed", "civilians")],
        ),
        (
            "Around 3,000 Rengma Nagas have left the camps, and some 600 are still in the camps.",
            [("some 600", "displaced", "people")],
        ),
        # still sought (idmc-2bae19480e, idmc-fc76169345)
        (
            "Just take a look at the level of destruction; we are still looking for two of our "
            "children.",
            [("two", "missing", "children")],
        ),
        (
            "Meanwhile, the search for the bodies of at least 12 hikers was suspended.",
            [("at least 12", "missing", "hikers")],
        ),
        # trapped by a disaster, not under siege (idmc-668b9688db, idmc-62e62aca7e)
        (
            "Thousands of tourists trapped in flood-stricken Acapulco packed into cars.",
            [("Thousands", "other", "tourists")],
        ),
        (
            "Hundreds of thousands are trapped under siege.",
            [("Hundreds of thousands", "besieged", "people")],
        ),
        # taken to safety, evacuations ordered, homes buried (idmc-d01ca6c692,
        # idmc-fc73899e06, idmc-139ca38568); homes that lost power are no toll
        (
            "Vietnam closed schools and moved some 70,000 people to shelters in vulnerable areas.",
            [("some 70,000", "evacuated", "people")],
        ),
        (
            "The BBC said authorities ordered evacuations for more than 600,000 residents.",
            [("more than 600,000", "evacuated", "residents")],
        ),
        (
            "Currently, four homes have been buried by volcanic ash.",
            [("four", "facilities", "homes")],
        ),
        ("More than 470,000 homes temporarily lost power on Kyushu.", []),
        # a place named after the group is not its population (idmc-news, not in the gold)
        (
            "More than 600,000 people in the city of Kawasaki were advised to evacuate.",
            [("More than 600,000", "evacuated", "people")],
        ),
        (
            "By 7 Aug, 73,300 people were residing in temporary relocation camps.",
            [("73,300", "displaced", "people")],
        ),
        ("Hundreds of houses remain under water.", [("Hundreds", "facilities", "houses")]),
        # sheltered, in relief camps, with relatives: displaced (idmc-f8b8b9072c,
        # idmc-de96aec289, idmc-c6dfeed56e)
        (
            "Some 20,000 Indians have fled to relief camps while at least 2,000 Pakistanis have "
            "sought shelter with relatives, or in open fields",
            [
                ("Some 20,000", "displaced", "Indians"),
                ("at least 2,000", "displaced", "Pakistanis"),
            ],
        ),
        (
            "Solomon Islands floods: Thousands remain in Honiara evacuation centres",
            [("Thousands", "displaced", "people")],
        ),
        (
            "More than 5,200 residents of the Dieng Plateau in Central Java are continuing to take "
            "refuge in Batur district.",
            [("More than 5,200", "displaced", "residents")],
        ),
        # told to leave: evacuated (idmc-fc76169345)
        (
            "About 2.7 million people in eight prefectures were advised to evacuate, while more "
            "than 50,000 were given actual orders to leave.",
            [
                ("About 2.7 million", "evacuated", "people"),
                ("more than 50,000", "evacuated", "people"),
            ],
        ),
        (
            "In Toyohashi, Aichi Prefecture, more than 4,600 people were urged by authorities to "
            "flee to avoid river flooding.",
            [("more than 4,600", "evacuated", "people")],
        ),
        # affected, returned, in need: other (idmc-c3c79ec0dd, idmc-22601fcfaa,
        # idmc-9d5242c240, idmc-e4f911d2bf)
        (
            "As a precautionary measure, 63 schools in Gaza City are closed today for the "
            "afternoon shift, affecting almost 65,000 students.",
            [("63", "facilities", "schools"), ("almost 65,000", "other", "students")],
        ),
        (
            "Some reports say that the flood water have started to recede, allowing almost 2,000 "
            "to return to their homes.",
            [("almost 2,000", "other", "people")],
        ),
        (
            "116,000 people were now in urgent need of basic living necessities.",
            [("116,000", "other", "people")],
        ),
        (
            "As the Lam Huai Mae Wa River has overflowed its banks, more than 200 households "
            "across five villages have been severely affected.",
            [("more than 200", "other", "households")],
        ),
        # homes and buildings destroyed or damaged: facilities (idmc-6b5be56e09, FA-KES
        # 1923102894); without a damage word they are not claims (idmc-58a05de0b1)
        (
            "The country's disaster management agency, CONRED, say that the landslide completely "
            "destroyed 10 houses and damaged 11 others.",
            [("10", "facilities", "houses"), ("11", "facilities", "houses")],
        ),
        (
            "Those raids hit three residential buildings a local government building and a stadium "
            "shortly after midnight AFPs correspondent in the town said.",
            [("three", "facilities", "residential buildings")],
        ),
        ("Around the capital Asuncion 125,000 homes were without power.", []),
        # the hostages, crafted
        (
            "Police said three people were taken hostage and two others abducted.",
            [("three", "detained", "people"), ("two", "detained", "others")],
        ),
        # wounded, in the words of a crime report, crafted
        (
            "Two boys are recovering in hospital after being shot in Leeds on Saturday night.",
            [("Two", "injured", "boys")],
        ),
        (
            "20 civilians fleeing the fighting were killed in an airstrike.",  # crafted
            [("20", "killed", "civilians")],
        ),
        # killed (FA-KES 1918150026, 1965495345); killed and wounded together (1965511145)
        (
            "Warplanes releasing toxic gas targeted Tuesday the town of Khan Sheikhoun in Idlib "
            "northwestern Syria massacring dozens of people and injuring hundreds.",
            [("dozens", "killed", "people"), ("hundreds", "injured", "people")],
        ),
        (
            "A total of 70 Daesh terrorists who were later identified as nationals of CIS states "
            "and Algeria were eliminated in the Mayadin area.",
            [("70", "killed", "Daesh terrorists")],
        ),
        (
            "The Syrian army targeted the terrorists gatherings across the country killing and "
            "injuring scores of them.",
            [("scores", "other", "people")],
        ),
        # idmc-0722f8811d, a fact box: the figure, a dash, then what it counts
        (
            "75,000 – Estimated number of Calgarians that were evacuated last week.",
            [("75,000", "evacuated", "Calgarians")],
        ),
        (
            "2,000 – Number of Calgary evacuees still housed in emergency centres or dormitories.",
            [("2,000", "displaced", "Calgary evacuees")],
        ),
        # idmc-b8f69dc3f9: evacuees still sheltered are displaced; a clause "who are ...
        # affected" describes the people, the verb after it says what they are
        ("800 evacuees still in centres", [("800", "displaced", "evacuees")]),
        (
            "ABOUT 800 people who are badly affected by the depression over the Central and "
            "Eastern parts of Viti Levu are still living within the confines of evacuation "
            "centres after most of them lost their belongings.",
            [("ABOUT 800", "displaced", "people")],
        ),
        ("About 800 people who were affected by the floods.", [("About 800", "other", "people")]),
        # idmc-0bf128ba67: "destroyed" is no death toll of the people it left without shelter
        (
            "More than 50,000 houses were destroyed leaving 150,000 people without shelter.",
            [("More than 50,000", "facilities", "houses"), ("150,000", "displaced", "people")],
        ),
        # 1924058064's headline: 22 people, most of them children (no count of children)
        ("Syria air strikes kill 22 mostly children outside school", [("22", "killed", "people")]),
        (
            "Some 160 mostly gunmen had remained in Zabadani.",
            [("Some 160", "combatants", "people")],
        ),
        # idmc-48751ec0cf: an aside of who they are between commas says nothing of the verb
        (
            "Up to 500 tourists, including several Britons and Danes, sought shelter overnight "
            "at Nice airport.",
            [("Up to 500", "displaced", "tourists")],
        ),
        # idmc-0722f8811d
        (
            "1,500 – Number of people registered at Medicine Hat’s emergency centre as of "
            "Sunday June 24.",
            [("1,500", "displaced", "people")],
        ),
        # idmc-70e5a66a5b
        (
            "It was reported on 30 June that one body had been recovered so far.",
            [("one", "killed", "people")],
        ),
        # idmc-0722f8811d: made to leave is displacement (but not a race or an office)
        (
            "Nearly 10,000 residents in that city were forced to head for higher ground.",
            [("Nearly 10,000", "displaced", "residents")],
        ),
        (
            "Inspectors will carry on checking homes as thousands of homeowners were forced out "
            "as a precaution.",
            [("thousands", "displaced", "homeowners")],
        ),
        ("Three candidates were forced out of the race.", []),
        # idmc-7c965fea7e: ordered away from the danger
        (
            "JMA issued the highest alert for heavy rain in Mie prefecture, prompting two towns "
            "to order about 570 000 residents to move away from swollen rivers.",
            [("about 570 000", "evacuated", "residents")],
        ),
        # idmc-80cb151160: households whose own verb is "damaged" are homes; "affected"
        # households are people
        (
            "The Department of Disaster Prevention and Mitigation announced that over 400 "
            "households in the northeastern province of Nong Bua Lamphu have been damaged by "
            "the recent bout of tropical storms.",
            [("over 400", "facilities", "households")],
        ),
        (
            "Some 300 households were affected and their houses damaged.",
            [("Some 300", "other", "households")],
        ),
        # idmc-a87e0a0eeb: "Of that number" counts inside the homes of the sentence before
        # (a figure naming its own group keeps it)
        (
            "It's already known that 451 houses were damaged. Of that number, one was "
            "completely destroyed while 450 others were partially ruined. Of these, 5 people "
            "were injured.",
            [
                ("451", "facilities", "houses"),
                ("one", "facilities", "houses"),
                ("450", "facilities", "houses"),
                ("5", "injured", "people"),
            ],
        ),
    ],
)
def test_categories_beyond_syria(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert counted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # idmc-58a05de0b1, idmc-fc76169345, idmc-99be0f1298, FA-KES 1923848131 region
        (
            "In Entre Rios province at least 10,000 people were evacuated, with Concordia, a city "
            "of some 170,000 on the banks of the Uruguay River, the worst affected.",
            [("at least 10,000", "evacuated", "people"), ("some 170,000", "population", "people")],
        ),
        ("Rota has about 2,500 residents.", [("about 2,500", "population", "residents")]),
        (
            "With a population of just 3,000, Pyhäjoki is located in northern Ostrobothnia.",
            [("3,000", "population", "people")],
        ),
        ("The village has a population of 4,500.", [("4,500", "population", "people")]),
        # FA-KES: what the population did does not make the population a count of the fled
        (
            "Over half of Syrias prewar population of 22 million have been forced to leave "
            "their homes.",
            [("22 million", "population", "people")],
        ),
        # a population word further back does not make troops a population
        (
            "Okinawa is home to about half of the roughly 50,000 U.S. troops stationed in Japan.",
            [("roughly 50,000", "combatants", "U.S. troops")],
        ),
        # a place's "village of" is not a population of the figures after it (idmc-f8b8b9072c)
        (
            "In the Pakistani village of Dhamala, Wazir Bibi said she and her four daughters were "
            "always scared but couldn't leave.",
            [],
        ),
    ],
)
def test_populations_stated_as_such(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert counted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # elliptical coordination (idmc-9d5242c240, idmc-f8b8b9072c, idmc-5b786fdec8)
        (
            "10 people died in Guizhou province and 9 in Chongqing.",
            [("10", "killed", "people"), ("9", "killed", "people")],
        ),
        (
            "3 of the deaths occurred in Sichuan province, and another 3 in Guangxi.",
            [("3", "killed", "people"), ("3", "killed", "people")],
        ),
        (
            "Indian military officials say there have been over 110 ceasefire violations by "
            "Pakistan so far this year compared to 347 in 2013 and 114 in 2012.",
            [
                ("over 110", "attacks", "ceasefire violations"),
                ("347", "attacks", "ceasefire violations"),
                ("114", "attacks", "ceasefire violations"),
            ],
        ),
        (
            "According to Republika Online, the areas affected are: 33 homes in Tegalsari village, "
            "185 in the Sidamulya village and 145 in Sidareja village",
            [
                ("33", "facilities", "homes"),
                ("185", "facilities", "homes"),
                ("145", "facilities", "homes"),
            ],
        ),
        # counts in brackets after the places of a list (idmc-4d1fff9c07)
        (
            "The deaths occurred in the provinces of Ha Giang (7) Lai Chau (6), Lang Son (5), Cao "
            "Bang, Dien Bien and Bac Kan.",
            [("7", "killed", "people"), ("6", "killed", "people"), ("5", "killed", "people")],
        ),
        # a flattened list of figures (idmc-c0bfc107c0)
        (
            "The main figures are as follows: 123 people killed 15 missing 518,000 displaced or "
            "relocated 354,000 required emergency assistance 27,000 houses destroyed",
            [
                ("123", "killed", "people"),
                ("15", "missing", "people"),
                ("518,000", "displaced", "people"),
                ("354,000", "other", "people"),
                ("27,000", "facilities", "houses"),
            ],
        ),
        # counts of places, relief items and disasters are not claims (idmc-fc76169345,
        # idmc-280faca8ac, idmc-e3a2a57a53, idmc-82db522ecc)
        (
            "A total of 39 people in 17 prefectures were injured, according to the Fire and "
            "Disaster Management Agency.",
            [("39", "injured", "people")],
        ),
        ("The local disaster management agency also distributed 15,200 masks.", []),
        (
            "The Red Cross says it hopes aid can quickly be got to the victims of two strong "
            "earthquakes which struck the south of the province last Friday.",
            [],
        ),
        ("Around 10 counties in the south of the country have been affected by the flooding.", []),
        # FA-KES 1915433692: a figure of two nouns shares the verb after the next figure
        (
            "Another 120 soldiers and pro-regime militiamen and several dozen Kurdish forces "
            "were also killed.",
            [("120", "killed", "soldiers"), ("several dozen", "killed", "Kurdish forces")],
        ),
    ],
)
def test_lists_and_ellipsis(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert counted(text) == expected


def test_a_part_is_a_claim_about_its_own_group_marked_as_part_of_its_whole() -> None:
    # idmc-9dbcb97127: a dash apposition
    text = (
        "In October, 16 people - nine Pakistanis and seven Indians - died when the two sides "
        "exchanged fire for several days."
    )
    claims = extract_claims(Article("t", "test", dt.date(2015, 1, 5), "", text))
    assert [(c.surface, c.category, c.subject) for c in claims] == [
        ("16", "killed", "people"),
        ("nine", "killed", "Pakistanis"),
        ("seven", "killed", "Indians"),
    ]
    assert claims[1].part_of == claims[2].part_of == claims[0].claim_id
    # crafted: "two of them", and one of a group without a figure (idmc-9dbcb97127)
    claims = extract_claims(
        Article("t", "test", None, "", "Four people were injured, two of them seriously.")
    )
    assert [(c.value, c.category, c.part_of) for c in claims] == [
        (4, "injured", None),
        (2, "injured", claims[0].claim_id),
    ]
    assert counted("India said one of its soldiers was killed by Pakistani fire.") == [
        ("one", "killed", "soldiers")
    ]
    # FA-KES 1923102850: a sub-count after a bare noun
    text = (
        "Airstrikes struck a market a hospital and a village on Friday killing at least 18 people "
        "including children and two hospital staffers."
    )
    assert counted(text) == [
        ("at least 18", "killed", "people"),
        ("two", "killed", "hospital staffers"),
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the besieged place is not what happened to the counted (FA-KES 1923102849)
        (
            "Three women from the besieged town of Madaya were killed.",
            [("Three", "killed", "women")],
        ),
        # but people in a besieged place, with no other verb, are besieged
        (
            "40,000 people in the besieged town of Madaya face starvation.",
            [("40,000", "besieged", "people")],
        ),
        # people's buildings attacked (FA-KES 1926479108): facilities, not people
        (
            "The regime and Russian attacks targeted 517 civilian homes and three markets.",
            [("517", "facilities", "civilian homes"), ("three", "facilities", "markets")],
        ),
    ],
)
def test_a_word_of_the_place_or_the_people_is_no_category(
    text: str, want: list[tuple[str, str, str]]
) -> None:
    assert counted(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a getaway is no displacement (local crime news)
        (
            "Two men fled the scene in a stolen car.",
            [],
        ),
        (
            "Three suspects fled from police and were later arrested.",
            [("Three", "detained", "suspects")],
        ),
        # fleeing a place or a danger is
        (
            "Around 600 civilians fled on foot towards areas held by the SDF.",
            [("Around 600", "displaced", "civilians")],
        ),
        ("Hundreds fled before the storm hit.", [("Hundreds", "displaced", "people")]),
        # suspects are people; arrested ones are detained
        ("Police arrested three suspects.", [("three", "detained", "suspects")]),
    ],
)
def test_fleeing_a_crime_scene_is_no_displacement(
    text: str, want: list[tuple[str, str, str]]
) -> None:
    assert counted(text) == want


@pytest.mark.parametrize(
    ("text", "title", "want"),
    [
        # FA-KES 1965511183: "Martyrs" is no "Mar[ch]": "20 Mar" named a day, so the
        # headline's 20 was lost
        ("", "Syria Terrorist Attacks in Aleppo Claim 20 Martyrs", [("20", "killed", "martyrs")]),
        ("Five Junior doctors were hurt.", "", [("Five", "injured", "Junior doctors")]),
        # ... the toll's verb gives the figure, not the words describing the attacks
        (
            "The death toll from the shelling attacks launched by al-Nusra terrorists on "
            "neighborhoods in areas in Aleppo province in the past 24 hours has reached 20 "
            "people in addition to tens of others injured SANA reported.",
            "",
            [("20", "killed", "people"), ("tens", "injured", "others")],
        ),
        (
            "The death toll has reached 20 people and 30 others were injured.",
            "",
            [("20", "killed", "people"), ("30", "injured", "others")],
        ),
        # idmc-34b3e7746c: a colon opens the toll's breakdown by place
        (
            "The death toll is eight: three in Tochigi Prefecture, three in Ibaraki "
            "Prefecture, and two in Miyagi Prefecture.",
            "",
            [
                ("eight", "killed", "people"),
                ("three", "killed", "people"),
                ("three", "killed", "people"),
                ("two", "killed", "people"),
            ],
        ),
        # idmc-a4b6f8cd3b: bare numbers a semicolon lists share the last one's words
        (
            "This compares to 140,000; 412,000; 190,000; 400,000 and 3 million newly "
            "displaced in the five preceding years.",
            "",
            [
                ("140,000", "displaced", "people"),
                ("412,000", "displaced", "people"),
                ("190,000", "displaced", "people"),
                ("400,000", "displaced", "people"),
                ("3 million", "displaced", "people"),
            ],
        ),
        # ... but not a clause of its own (FA-KES 1965495376)
        (
            "The number of victims [in the explosion] is at least 70; over 130 are injured.",
            "",
            [("at least 70", "killed", "people"), ("over 130", "injured", "people")],
        ),
        # idmc-8319710d2e: forced to leave their homes
        (
            "The Huampal and Pozuzo burst their banks in the province of Puerta Inca, forcing "
            "over 30 families to leave their homes.",
            "",
            [("over 30", "displaced", "families")],
        ),
        ("Two men left their homes at dawn and were shot dead.", "", [("Two", "killed", "men")]),
    ],
)
def test_what_a_toll_a_breakdown_and_a_list_count(
    text: str, title: str, want: list[tuple[str, str, str]]
) -> None:
    assert counted(text, title) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # FA-KES 1923102951, 1923848217: forces are people when something befell them ...
        (
            "The Islamic State launched a counteroffensive in Syrias Raqqa province on Monday "
            "killing 40 government forces and expelling many others a monitoring group said.",
            [("40", "killed", "government forces")],
        ),
        (
            "Rebels seized it in a battle that cost the lives of 30 regime forces and 29 "
            "insurgents.",
            [("30", "killed", "regime forces"), ("29", "killed", "insurgents")],
        ),
        # ... and no count of their own otherwise (FA-KES 1923848149)
        (
            "Since Wednesday clashes between the two forces have rocked the city leaving 23 "
            "civilians dead.",
            [("23", "killed", "civilians")],
        ),
        # "the deaths of" counts the dead after it, not the figure before (FA-KES 1923102951,
        # 1924058155, 1926479352)
        (
            "Hundreds of reinforcements were sent to battle regime forces resulting in the "
            "deaths of dozens of soldiers.",
            [("dozens", "killed", "soldiers")],
        ),
        (
            "The war has caused the death of more than 200000 people and at least 60000 are "
            "missing.",
            [("more than 200000", "killed", "people"), ("at least 60000", "missing", "people")],
        ),
        (
            "One video showed the bodies of a dozen people lying on the floor of a clinic with "
            "no visible wounds.",
            [("a dozen", "killed", "people")],
        ),
        # a pronoun after the comma opens a clause of its own (idmc-181285ae3f)
        (
            "But despite the serious disruption the rains often cause to the lives and "
            "livelihoods of thousands, their 'regularity' means they're often under-reported "
            "or fail to capture greater public attention.",
            [],
        ),
        ("Five people, they said, were killed.", [("Five", "killed", "people")]),
    ],
)
def test_forces_the_deaths_of_and_a_clause_after_the_comma(
    text: str, want: list[tuple[str, str, str]]
) -> None:
    assert counted(text) == want


def test_orders_to_stay_out_of_an_area_are_an_evacuation() -> None:
    # idmc-34b3e7746c
    text = (
        "At least 15,000 people remained under orders to stay out of flooded areas in and "
        "near the city of Joso as of Monday morning."
    )
    assert counted(text) == [("At least 15,000", "evacuated", "people")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # idmc-34b3e7746c: the figure the number of homes is, not a toll
        (
            "However, the number of homes destroyed or structurally damaged in the disaster – "
            "118 – pales in comparison to Japan's deadliest disaster.",
            [("118", "facilities", "homes")],
        ),
        ("The number of homes destroyed stood at 118.", [("118", "facilities", "homes")]),
        # the number of people is people's
        ("The number of people killed rose to 50 on Monday.", [("50", "killed", "people")]),
        # a figure of its own between: the clause is that figure's
        (
            "The number of homes destroyed was 30 and 12 people were killed.",
            [("30", "facilities", "homes"), ("12", "killed", "people")],
        ),
    ],
)
def test_the_number_of_homes_is_homes(text: str, want: list[tuple[str, str, str]]) -> None:
    assert counted(text) == want


def test_communities_are_places_not_people() -> None:
    # idmc-d9ebc72524 (sub-districts: test_counts_outside_the_categories_are_not_claims)
    text = (
        "Some 300 people from five communities in Marowijne district, in the east of the "
        "country, were relocated when the Cottica River overflowed."
    )
    assert [c[0] for c in counted(text)] == ["Some 300"]
