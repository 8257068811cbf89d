"""The words extraction reads a figure's category by: counted heads, predicate words in the
head's place, person nouns, things outside the categories, buildings, and the trigger verbs
of each category (see :mod:`.categories` for how they are used).

Kept apart from the grammar so the word lists can grow without the reading rules growing with
them.
"""

from __future__ import annotations

import re

from checker.lexicon import words

# Counted heads that are themselves a category.
THING_HEADS: dict[str, str] = {
    **dict.fromkeys(
        words(
            """
    attacks attack airstrikes airstrike strikes strike raids raid sorties bombings
    explosions blasts bombs rockets shells mortars missiles projectiles assaults
    shellings violations barrels munitions bombardments breaches beaches incidents
    """
        ),
        "attacks",
    ),
    **dict.fromkeys(
        words(
            """
    hospitals hospital facilities facility clinics clinic schools school bakeries
    ambulances mosques churches centres centers
    """
        ),
        "facilities",
    ),
}
# Predicate words standing where the head would ("40 dead", "700 injured"): the category.
PREDICATE_HEADS: dict[str, str] = {
    **dict.fromkeys(
        words(
            """
    dead killed martyrs martyred lives deaths death fatalities fatality bodies body
    """
        ),
        "killed",
    ),
    **dict.fromkeys(["wounded", "injured", "hurt", "injuries", "injury"], "injured"),
    **dict.fromkeys(["displaced", "homeless"], "displaced"),
    **dict.fromkeys(["evacuated"], "evacuated"),
    **dict.fromkeys(["affected"], "other"),
    **dict.fromkeys(["missing"], "missing"),
    **dict.fromkeys(["casualties"], "other"),
}
PERSON_HEADS: dict[str, str | None] = {
    **dict.fromkeys(
        words(
            """
    people persons person civilians civilian individuals citizens inhabitants villagers
    children child kids boys girls babies baby infants women woman men man elderly
    schoolchildren schoolboys schoolgirls toddlers teenagers youths adults
    students pupils teachers doctors doctor nurses medics paramedics staff staffers
    workers worker volunteers journalists reporters worshippers pilgrims passengers
    patients syrians kurds alawites christians shiites sunnis iraqis turks russians
    americans palestinians lebanese iranians afghans foreigners nationals natives
    members member relatives others victims residents families family cases emirs emir
    households household tourists travellers travelers farmers fishermen miners evacuees
    survivors inmates guards firefighters rescuers homeowners occupants locals hikers
    climbers sons daughters brothers sisters fathers mothers husbands wives grandchildren
    airmen sailors crew crewmen fishermen returnees colleagues colleague employees employee
    suspects suspect forces
    """
        ),
        None,
    ),
    **dict.fromkeys(
        words(
            """
    soldiers soldier troops fighters fighter militants militant rebels rebel terrorists
    terrorist jihadists jihadist gunmen insurgents extremists mercenaries militiamen
    recruits servicemen personnel officers officer policemen police guards commanders
    elements operatives snipers bombers attackers assailants
    """
        ),
        "combatants",
    ),
    **dict.fromkeys(["refugees", "refugee", "migrants", "asylum-seekers"], "refugees"),
    **dict.fromkeys(["idps", "evictees", "displacees"], "displaced"),
    **dict.fromkeys(
        ["detainees", "prisoners", "hostages", "captives", "abductees", "arrestees"],
        "detained",
    ),
    **dict.fromkeys(["evacuees"], "evacuated"),
}
# Counted things outside the categories: a number of them is not a claim.
OTHER_HEADS = frozenset(
    words(
        """
    villages towns cities vehicles tanks trucks lorries vans tankers convoys cars buses boats
    ships vessels
    positions posts checkpoints districts neighbourhoods neighborhoods provinces
    countries factions groups brigades battalions times points areas sites targets hills
    kilometres kilometers miles resolutions meetings rounds talks years months weeks
    days hours minutes sides parties ministers officials leaders delegates presidents
    states nations tonnes tons dollars percent aircraft planes jets helicopters drones
    warplanes weapons depots bridges roads seats votes articles pages copies carriers
    suvs governments counts charges hectares acres rai crops livestock cattle animals
    teams poles stations centres centers sites camps
    counties prefectures departments municipalities localities regions communes
    communities settlements hamlets barangays regencies subdistricts sub-districts wards
    townships
    flights runs trains operations missions masks tablets kits blankets packages parcels
    rations meals bags sacks bottles mattresses tarpaulins doses vaccines boxes litres
    earthquakes quakes tremors aftershocks storms typhoons cyclones hurricanes floods
    landslides mudslides fires wildfires blazes
    locations crews
    """
    )
)
# Homes and buildings: a count of them is a claim (facilities) when the sentence says they
# were destroyed or damaged ("3,000 houses have been destroyed"); else it is not one.
HOME_HEADS = frozenset(
    words(
        """
    houses house homes home residences residence dwellings dwelling huts hut tents tent
    apartments flats cottages shacks shanties households-homes shelters shelter
    """
    )
)
BUILDING_HEADS = frozenset(
    words(
        """
    buildings building structures structure shops stores malls mall markets market
    warehouses warehouse offices factories factory
    """
    )
)
DAMAGE = re.compile(
    r"\b(?:destroy\w*|damag\w*|flood\w*|inundat\w*|wreck\w*|collaps\w*|burn\w*|burnt|razed"
    r"|demolish\w*|swept\s+away|washed\s+away|submerged|level+ed|flattened|gutted|consum\w*"
    r"|ruined|affected|torched|destruction|roofs?\s+(?:blown|ripped|torn)|partially|buried"
    r"|engulfed|lost(?!\s+(?:power|electricity|water|connection))"
    r"|under\s+water|underwater"
    # attacked: "the attacks targeted 517 civilian homes"
    r"|target(?:ed|ing)|struck|shelled|bombed"
    r"|totally|completely)\b",
    re.IGNORECASE,
)
# Words between a number and its head noun that stop the search for a head.
STOP = frozenset(
    words(
        """
    were was have has had are is be been being will would could may might in on at from
    by to for with as after when while since during including among or but that which
    who whom where said says told reported according the a an this these those it its
    their his her them they than then so if not no near outside inside around across
    into over under off through against between amid within
    """
    )
)
AUX = frozenset(
    words(
        """
    were was are is have has had been being be got also all reportedly later now already
    allegedly believed thought still subsequently
    """
    )
)

TRIGGERS: tuple[tuple[str, str], ...] = (
    (
        # killed and wounded together: neither category alone; and people affected,
        # stranded or in need (a disaster's other tolls)
        "other",
        r"(?:killed|dead|killing)\s+(?:and|or)\s+(?:wounded|injured|wounding|injuring)|affect(?:ed|ing|s)"
        # people flooded where they are: "Hundreds of families ... are now inundated"
        r"|(?:are|were|is|was|been)\s+(?:now\s+|still\s+)?inundated|impact(?:ed|ing)"
        r"|stranded|devastat(?:ed|ing)|in\s+(?:\w+\s+)?need\s+of|returnees|to\s+return"
        # people saved (tests/gold/README.md: "rescued" fits no category)
        r"|rescued"
        r"|return(?:ed|ing)?\s+(?:to\s+)?(?:their\s+)?(?:homes?|houses|villages?)"
        r"|(?:need|needed|needing|required|require|requiring)\s+(?:\w+\s+){0,2}"
        r"(?:aid|assistance|help|relief)|at\s+risk"
        # trapped by a disaster, not under siege: "trapped under the rubble", "tourists
        # trapped in flood-stricken Acapulco"
        r"|trapp(?:ed|ing)(?=\s+(?:\w+\s+){0,2}?(?:(?:under|beneath|by|in)\s+(?:the\s+)?(?:rubble"
        r"|debris|mud|snow|wreckage|collapsed|flood\w*|landslides?)))"
        # "6 children & their mother still under rubble": not yet found, dead or alive
        r"|still\s+(?:trapped\s+)?(?:under|beneath)\s+(?:the\s+)?(?:rubble|debris|wreckage)",
    ),
    (
        "refugees",
        r"hosts?|hosting|sheltering(?!\s+(?:in|at|with)\b)|refugees?|who\s+have\s+fled\s+the\s+war"
        r"|(?:to\s+)?(?:flee|fled|crossed|cross)\s+(?:across|into|over)\s+(?:the\s+)?"
        r"(?:Turkish|Lebanese|Jordanian|Iraqi|border|Turkey|Lebanon|Jordan|Iraq)"
        r"|crossed\s+the\s+border|fled(?:\s+\S+){0,4}\s+to\s+become\s+refugees",
    ),
    (
        "killed",
        r"kill(?:s|ed|ing)?|dead|died|dies|dying|death\s+toll|toll|deaths?|martyr(?:s|ed|dom)?"
        r"|slain|massacr(?:e|es|ed|ing)|executed?|execut(?:es|ing)|murder(?:ed|ing)?|perished"
        r"|lost\s+their\s+lives|claim(?:ed|ing)\s+the\s+lives"
        r"|claim(?:ed|ing)(?=\s+(?:dozens|scores|hundreds|thousands)\s+of\b)|lives\s+of|beheaded|bodies"
        r"|fatalities|slaughtered|victims|eliminat(?:e|ed|es|ing|ion)|liquidat(?:ed|ion)"
        r"|neutrali[sz]ed|destroyed|destruction\s+of|shot\s+dead|shot\s+and\s+killed"
        r"|shot\s+to\s+death|drowned|buried\s+alive|crushed\s+to\s+death|electrocuted"
        r"|(?:lost|losing)(?!\s+(?:their|his|her|its)\s+(?:homes?|houses?|shelters?|belongings"
        r"|livelihoods?|property|crops))"
        # "losing ground to two separate offensives", "lost control of three villages"
        r"(?!\s+(?:ground|control|power|contact|track|touch|territory|momentum|sight)\b)",
    ),
    (
        "injured",
        r"wound(?:s|ed|ing)?|injur(?:e|es|ed|ing|y|ies)|hurt|suffocation|suffered\s+from"
        r"|treat(?:ed|ing)(?:\s+for)?|hospitali[sz]ed|breathing\s+difficulties|shot(?!\s+down)|stabbed"
        r"|recovering|in\s+(?:a\s+)?(?:critical|serious|stable|fair)\s+condition"
        r"|(?:taken|rushed)\s+to\s+(?:a\s+|the\s+)?hospitals?|treated\s+(?:in|at)\s+(?:a\s+)?hospital"
        # "Six people were hospitalized and 78 were given medical assistance"
        r"|(?:given|received|receiving|needed|needing|required)\s+medical\s+"
        r"(?:assistance|treatment|care|attention|aid|help)",
    ),
    (
        "displaced",
        r"displac(?:e|es|ed|ing|ements?)|uproot(?:ed|ing|s)?|fled\s+their\s+homes|forced\s+to\s+flee"
        r"|to\s+flee|fleeing|homeless|driven\s+from\s+their\s+homes|exodus"
        # not a getaway: "two men fled the scene", "fled in a stolen car", "fled police"
        # (but "600 civilians fled on foot towards areas held by ...")
        r"|(?:fled|flee|flees)(?!\s+(?:the\s+scene"
        r"|in\s+(?:a|an|the)\s+(?:\w+\s+)?(?:car|vehicle|truck|van|suv|sedan)|from\s+"
        r"(?:the\s+)?(?:police|officers|deputies|troopers)|police|officers|deputies))"
        r"|(?:stay(?:s|ed|ing)?|remain(?:s|ed|ing)?|sheltering|sheltered|living|housed"
        r"|resid(?:e|es|ed|ing))"
        r"\s+(?:in|at|with|within(?:\s+the\s+confines\s+of)?)\s+(?:the\s+)?(?:\d+\s+)?"
        r"(?:\w+\s+){0,2}(?:shelters?|cent(?:re|er)s?|camps?|sites?|schools?|accommodation"
        r"|host\s+famil(?:y|ies)|relatives|churches|mosques|tents?)"
        r"|sheltered|(?:took|take|takes|taken|taking|sought|seeking|seek)\s+refuge"
        r"|(?:took|take|taken|sought|seeking|seek|find|found|finding)\s+shelter\b"
        r"|in\s+(?-i:(?:[A-Z][\w'’-]*\s+){0,2})(?:temporary\s+|emergency\s+)?(?:shelters"
        r"|evacuation\s+cent(?:re|er)s|relief\s+camps)|from\s+their\s+homes"
        r"|with\s+host\s+families|lost\s+their\s+homes|forced\s+(?:from|out\s+of)\s+their\s+homes"
        # made to go: "were forced out as a precaution", "forced to head for higher ground"
        r"|forced\s+(?:out\b(?!\s+of\s+(?:office|power|the\s+race))|to\s+(?:leave|abandon|head"
        r"|move|relocate)\b)"
        # "forcing over 30 families to leave their homes"
        r"|to\s+(?:leave|abandon)\s+their\s+(?:homes?|houses?|villages?)\b"
        r"|left\s+homeless|spent\s+the\s+night\s+in|relocated|resettled|evicted|evictees"
        r"|without\s+(?:a\s+)?(?:shelter|homes?|roof)"
        r"|registered\s+(?:at|in|with)\s+(?:\S+\s+){0,3}?(?:emergency|evacuation|reception)\s+"
        r"cent(?:re|er)s?"
        r"|still\s+in\s+(?:the\s+)?(?:\w+\s+)?(?:camps|shelters|cent(?:re|er)s)"
        # housed by the relief: "Temporary accommodation has been set up for at least 46"
        r"|(?:accommodation|shelters?|housing|tents)\s+(?:has|have|had)\s+been\s+(?:set\s+up"
        r"|provided|arranged|found)\s+for",
    ),
    (
        "detained",
        r"arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|detention|captured?|captur(?:es|ing)"
        r"|abduct(?:s|ed|ing)?|kidnap(?:s|ped|ping)?|imprisoned|taken\s+prisoner|held\s+captive"
        r"|(?:taken|held)\s+hostage|hostages?|jailed"
        # a sentence passed is no death: "were sentenced to death", "to five years in prison"
        r"|sentenced\s+to\s+(?:death|(?:\w+\s+){0,3}?(?:prison|jail))",
    ),
    (
        "missing",
        r"missing|disappeared|unaccounted"
        # still sought: "we are still looking for two of our children", "the search for the
        # bodies of at least 12 hikers"
        r"|(?:looking|searching|search)\s+for(?:\s+(?:the\s+)?bodies\s+of)?",
    ),
    (
        "evacuated",
        r"evacuat(?:e|es|ed|ing|ions?(?!\s+cent))|safe\s+passage|bused\s+out|transferred\s+out"
        # taken to safety: "moved some 70,000 people to shelters"
        r"|to\s+(?:the\s+)?(?:temporary\s+|emergency\s+)?(?:safety|shelters"
        r"|safer\s+(?:areas|ground|places|locations)|higher\s+ground|evacuation\s+cent(?:re|er)s)"
        # told to leave: "urged by authorities to flee", "given orders to leave"
        r"|(?:urged|ordered|told|advised|asked|instructed)\s+(?:\w+\s+){0,2}?to\s+(?:evacuate"
        r"|leave|flee|move)|orders?\s+to\s+(?:leave|evacuate|stay\s+(?:out|away)\s+of)"
        # "order about 570 000 residents to move away from swollen rivers"
        r"|to\s+move\s+(?:away\s+from|out\s+of)\s+(?:the\s+)?(?:\w+\s+)?(?:rivers?|coast|danger"
        r"|areas?|zones?|homes?)",
    ),
    ("besieged", r"besieg(?:ed|ing)|trapp(?:ed|ing)|under\s+siege|encircled|siege|sealed\s+off"),
    (
        "population",
        r"home\s+to|population|inhabitants|lived\s+in|live\s+in|numbering|who\s+number"
        r"|resid(?:e|es|ing)\b"
        r"|(?:village|town|city|community|district|camp)\s+of",
    ),
    (
        "attacks",
        r"launch(?:ed|ing)|carried\s+out|conduct(?:ed|ing)|fired|dropp(?:ed|ing)|staged",
    ),
)
TRIGGER = re.compile(  # IGNORECASE scoped after a cheap look-ahead: see numbers._ATOM
    r"(?=[A-Za-z])\b(?i:"
    + "|".join(f"(?P<{cat}>{pat})" for cat, pat in TRIGGERS)
    # not "\b" at the end: a flattened list glues the next figure or heading to the verb
    # ("were affected51,308 people", "were inundatedBased on")
    + r")(?![a-z'’])"
)
