"""The project's vocabulary, one home for the names every layer reads: months and weekdays
(ingestion's date lines, extraction's dates, sentence splitting), the well-known sources
and how the corpus names them (extraction's attributions, the incident engine's sources),
and outlets (how many a run or a report has).

It imports nothing of checker, so any layer may use it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable


def words(text: str) -> list[str]:
    """A word list written as one string."""
    return text.split()


# -- months and weekdays -------------------------------------------------------------------

#: a month's first three letters -> its number
MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
#: a weekday's first three letters -> its number (Monday 0)
WEEKDAYS: dict[str, int] = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
#: a weekday's full name
WEEKDAY_PATTERN = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#: a month, full or abbreviated ("Sept" too), capitalised as in running text, with its dot
MONTH_PATTERN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![A-Za-z])\.?"
)  # (a whole word: "Claim 20 Martyrs", "20 Marines", "5 Junior doctors" name no day)
#: a month's full name
MONTH_FULL_PATTERN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
#: every month and weekday word, lower case (full, abbreviated, plural weekdays)
DATE_WORDS = frozenset(
    words(
        """
    jan january feb february mar march apr april may jun june jul july aug august sep
    sept september oct october nov november dec december monday tuesday wednesday
    thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays
    saturdays sundays mon tue wed thu fri sat sun
    """
    )
)
#: month abbreviations that end with a full stop without ending a sentence ("Jan.")
MONTH_ABBREVIATIONS = frozenset(words("jan feb mar apr jun jul aug sep sept oct nov dec"))


# -- sources -------------------------------------------------------------------------------

SOHR = "Syrian Observatory for Human Rights"

#: The aliases that name a Syrian body only in a report on Syria: elsewhere "the Office of
#: Civil Defense" is the Philippines', "state media" a country's own, "the observatory" a
#: volcano's, "the Interior Ministry" that country's. Canonical source -> those aliases
#: (its other aliases, in :data:`SOURCE_ALIASES`, name it anywhere).
SYRIA_ONLY: dict[str, str] = {
    SOHR: r"(?:British|Britain|UK|London)[\s-]*based\s+(?:war\s+)?(?:monitor|Observatory|group"
    r"|monitoring)|\bObservatory\b|Abdel\s+Rahman",
    "Syrian Civil Defence": r"Civil\s+Defen[cs]e",
    "SANA": r"state(?:-run)?\s+news\s+agency|official\s+news\s+agency",
    "Syrian state media": r"state(?:-run|-owned)?\s+(?:media|TV|television)",
    "Syrian Interior Ministry": r"Interior\s+Ministry|Ministry\s+of\s+Interior",
}

# canonical source -> how the corpus names it anywhere (acronyms case-sensitive: "WHO" is
# not "who"); with SYRIA_ONLY, every alias
_NAMED: tuple[tuple[str, str], ...] = (
    (
        SOHR,
        r"Syrian\s+Observatory|(?-i:\bSOHR\b)|Rami\s+Abdel?\s*-?Rahman|Rami\s+Abdulrahman"
        r"|Rami\s+Abdurrahman",
    ),
    ("Syrian Civil Defence", r"Syria[n]?\s+Civil\s+Defen[cs]e|White\s+Helmets"),
    (
        "United Nations Office for the Coordination of Humanitarian Affairs",
        r"(?-i:\bOCHA\b)|Office\s+for\s+the\s+Coordination\s+of\s+Humanitarian\s+Affairs",
    ),
    (
        "UNHCR",
        r"(?-i:\bUNHCR\b)|U\.?N\.?\s+refugee\s+agency|UN\s+High\s+Commissioner\s+for\s+Refugees",
    ),
    (
        "UNICEF",
        r"(?-i:\bUNICEF\b)|United\s+Nations\s+Children['’]?s\s+Fund|UN\s+Children['’]?s\s+Fund",
    ),
    ("IOM", r"(?-i:\bIOM\b)|International\s+Organi[sz]ation\s+for\s+Migration"),
    ("World Food Programme", r"(?-i:\bWFP\b)|World\s+Food\s+Program(?:me)?"),
    (
        "International Federation of Red Cross and Red Crescent Societies",
        r"(?-i:\bIFRC\b)|International\s+Federation\s+of\s+(?:the\s+)?Red\s+Cross",
    ),
    (
        "National Disaster Management Authority",
        r"National\s+Disaster\s+Management\s+Authority|(?-i:\bNDMA\b)",
    ),
    # disaster agencies by their acronyms, as reports name them (the Philippines',
    # Indonesia's, the European Commission's)
    (
        "NDRRMC",
        r"(?-i:\bNDRRMC\b)|National\s+Disaster\s+Risk\s+Reduction\s+and\s+Management\s+Council",
    ),
    ("BNPB", r"(?-i:\bBNPB\b)|Badan\s+Nasional\s+Penanggulangan\s+Bencana"),
    (
        "ECHO",
        r"(?-i:\bECHO\b)|European\s+Commission['’]?s?\s+(?:Directorate-General\s+for\s+)?"
        r"(?:European\s+Civil\s+Protection\s+and\s+)?Humanitarian\s+Aid",
    ),
    ("FEMA", r"(?-i:\bFEMA\b)|Federal\s+Emergency\s+Management\s+Agency"),
    ("World Health Organization", r"World\s+Health\s+Organi[sz]ation|(?-i:\bWHO\b)"),
    ("United Nations", r"United\s+Nations|\bU\.N\b\.?|(?-i:\bUN\b)|world\s+body"),
    ("International Committee of the Red Cross", r"(?-i:\bICRC\b)|Red\s+Cross"),
    ("Syrian Network for Human Rights", r"Syrian\s+Network\s+for\s+Human\s+Rights|(?-i:\bSNHR\b)"),
    ("Local Coordination Committees", r"Local\s+Coordination\s+Committees|(?-i:\bLCCs?\b)"),
    (
        "Violations Documentation Center",
        r"Violations\s+Documentation\s+Cent(?:er|re)|(?-i:\bVDC\b)",
    ),
    ("Syrian Center for Policy Research", r"Syrian\s+Cent(?:er|re)\s+for\s+Policy\s+Research"),
    ("Human Rights Watch", r"Human\s+Rights\s+Watch|(?-i:\bHRW\b)"),
    ("Amnesty International", r"Amnesty"),
    ("Doctors Without Borders", r"Doctors\s+Without\s+Borders|(?-i:\bMSF\b)|Medecins\s+Sans"),
    ("Syrian American Medical Society", r"Syrian\s+American\s+Medical\s+Society|(?-i:\bSAMS\b)"),
    ("SANA", r"(?-i:\bSANAs?\b)|Syrian\s+Arab\s+News\s+Agency"),
    ("Syrian state media", r"Syrian?\s+state(?:-run|-owned)?\s+(?:media|TV|television)"),
    (
        "Russian Defence Ministry",
        r"Russian\s+(?:Defen[cs]e\s+Ministry|Ministry\s+of\s+Defen[cs]e|military)"
        r"|Russia['’]?s?\s+(?:Defen[cs]e\s+Ministry|Ministry\s+of\s+Defen[cs]e|military)"
        r"|defen[cs]e\s+ministry\s+in\s+Moscow|Konashenkov",
    ),
    (
        "Russian Foreign Ministry",
        r"Russian\s+Foreign\s+Ministry|Russia['’]?s?\s+foreign\s+ministry",
    ),
    ("Turkish Defence Ministry", r"Turkish\s+Defen[cs]e\s+Ministry"),
    (
        "Turkish military",
        r"Turkish\s+(?:army|military|armed\s+forces|general\s+staff)"
        r"|Turkey['’]?s?\s+(?:army|military|armed\s+forces|general\s+staff)",
    ),
    (
        "Syrian Interior Ministry",
        r"Syria(?:n|['’]?s)\s+(?:Interior\s+Ministry|Ministry\s+of\s+Interior)",
    ),
    ("High Negotiations Committee", r"High\s+Negotiations\s+Committee|(?-i:\bHNC\b)"),
    ("Kremlin", r"Kremlin"),
    ("Pentagon", r"Pentagon"),
    # (its possessive with the apostrophe lost: "ISs statement")
    ("Islamic State group", r"Islamic\s+State|(?-i:\bIS(?:IS)?s?\b|\bISIL\b)|Daesh|Amaq"),
)

#: canonical source -> every alias of it (in a report on Syria)
SOURCE_ALIASES: tuple[tuple[str, str], ...] = tuple(
    (name, f"{pat}|{SYRIA_ONLY[name]}" if name in SYRIA_ONLY else pat) for name, pat in _NAMED
)


def _any_alias(aliases: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    # Every alias starts a word: the leading \b is tried once a position, before the
    # hundred alternatives are (a third of the time of a sentence of many cues went into
    # trying them inside words).
    alternatives = "|".join(f"(?P<a{i}>{pat})" for i, (_, pat) in enumerate(aliases))
    return re.compile(rf"\b(?:{alternatives})", re.IGNORECASE)


#: any alias of :data:`SOURCE_ALIASES`, the group ``a<i>`` naming which
SOURCE_ALIAS = _any_alias(SOURCE_ALIASES)
#: :data:`SOURCE_ALIAS` for a report on another country (without :data:`SYRIA_ONLY`)
SOURCE_ALIAS_ABROAD = _any_alias(_NAMED)
_CANON = tuple(name for name, _ in SOURCE_ALIASES)
#: the normalised names of the well-known sources
CANONICAL_SOURCES = frozenset(_CANON)


def canonical_source(phrase: str) -> str | None:
    """The one name of the well-known source ``phrase`` names (its first alias), if any."""
    m = SOURCE_ALIAS.search(phrase)
    return _CANON[int(m.lastgroup[1:])] if m is not None and m.lastgroup else None


@functools.lru_cache(maxsize=16384)
def norm_source(attribution: str | None) -> str | None:
    """A named source folded to one spelling for comparing ("SOHR", "the Observatory" ->
    one name; another name lower case, without "the"). Cached: the rules and the grouping
    ask it of every pair's claims, and a corpus names a few hundred sources."""
    if not attribution:
        return None
    return canonical_source(attribution) or " ".join(
        attribution.lower().replace("the ", " ").split()
    )


def initials(name: str) -> str | None:
    """The acronym of a name of three or more capitalised words, its minor words left out
    ("Korean Central News Agency": KCNA), else None."""
    words = [w for w in re.findall(r"[\w’']+", name) if w.lower() not in _MINOR_WORDS]
    if len(words) < 3 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words).upper()


_MINOR_WORDS = frozenset({"of", "for", "the", "and", "on", "in"})


# -- places --------------------------------------------------------------------------------

#: the US states as news abbreviates them after a town ("Madison, Wis.": AP style, which
#: writes out Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas and Utah) -> the state
US_STATE_ABBREVIATIONS: dict[str, str] = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas",
    "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts",
    "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
    "D.C.": "District of Columbia",
}  # fmt: skip

#: a country's name as news writes it -> its people's adjective, for a country's body named
#: either way ("China's Ministry of Civil Affairs" is the "Chinese Ministry of Civil
#: Affairs"): the countries of the corpus and their neighbours
DEMONYMS: dict[str, str] = {
    "Afghanistan": "Afghan", "Algeria": "Algerian", "Argentina": "Argentine",
    "Australia": "Australian", "Bangladesh": "Bangladeshi", "Bolivia": "Bolivian",
    "Brazil": "Brazilian", "Britain": "British", "Bulgaria": "Bulgarian",
    "Cambodia": "Cambodian", "Cameroon": "Cameroonian", "Canada": "Canadian",
    "Chile": "Chilean", "China": "Chinese", "Colombia": "Colombian", "Congo": "Congolese",
    "Ecuador": "Ecuadorian", "Egypt": "Egyptian", "Ethiopia": "Ethiopian", "Fiji": "Fijian",
    "France": "French", "Germany": "German", "Ghana": "Ghanaian", "Greece": "Greek",
    "Guatemala": "Guatemalan", "Haiti": "Haitian", "Honduras": "Honduran",
    "Hungary": "Hungarian", "India": "Indian", "Indonesia": "Indonesian", "Iran": "Iranian",
    "Iraq": "Iraqi", "Israel": "Israeli", "Italy": "Italian", "Japan": "Japanese",
    "Jordan": "Jordanian", "Kenya": "Kenyan", "Laos": "Lao", "Lebanon": "Lebanese",
    "Libya": "Libyan", "Malawi": "Malawian", "Malaysia": "Malaysian", "Mali": "Malian",
    "Mexico": "Mexican", "Mozambique": "Mozambican", "Myanmar": "Myanmar", "Nepal": "Nepali",
    "Niger": "Nigerien", "Nigeria": "Nigerian", "Pakistan": "Pakistani",
    "Paraguay": "Paraguayan", "Peru": "Peruvian", "Philippines": "Philippine",
    "Romania": "Romanian", "Russia": "Russian", "Rwanda": "Rwandan", "Serbia": "Serbian",
    "Somalia": "Somali", "Spain": "Spanish", "Sri Lanka": "Sri Lankan", "Sudan": "Sudanese",
    "Syria": "Syrian", "Tanzania": "Tanzanian", "Thailand": "Thai", "Tunisia": "Tunisian",
    "Turkey": "Turkish", "Uganda": "Ugandan", "Ukraine": "Ukrainian", "Uruguay": "Uruguayan",
    "Venezuela": "Venezuelan", "Vietnam": "Vietnamese", "Viet Nam": "Vietnamese",
    "Yemen": "Yemeni", "Zambia": "Zambian", "Zimbabwe": "Zimbabwean",
}  # fmt: skip


# -- outlets -------------------------------------------------------------------------------


def outlets(*groups: Iterable[object]) -> list[str]:
    """The distinct outlets of articles and claims (anything with an ``outlet``), sorted."""
    return sorted({str(getattr(x, "outlet", "")) for g in groups for x in g} - {""})
