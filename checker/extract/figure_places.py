"""A figure's place from the rest of its article, where its own sentence does not settle it.

- The account's place (:func:`previous_place`): a sentence naming no place goes on with the
  one before it; a spot in a town ("al-Hilaliyeh roundabout") hands it on to its town.
- The lead made fine (:func:`refine_lead`): an AFP lead often puts its toll only in a
  province or a country ("At least 10 Syrian soldiers were killed ... in the eastern
  province of Deir Ezzor, a monitor said"; "attacked a town in northern Syria"), and its
  next sentence names the town ("... infiltrated Sarrin in Aleppo province"): the lead's
  figures are there.
- A figure restated at a finer place, and a part where its whole is
  (:func:`restated_places`), once the article is read.

Read by :func:`checker.extract.claims._read` (sentence by sentence) and
:func:`checker.extract.claims.extract_article`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import MutableMapping

from checker.extract.claim_context import ArticleContext
from checker.extract.gazetteer import PLACE, gazetteer
from checker.extract.place_mentions import Located
from checker.extract.places import BIG_NAMESAKE
from checker.records import Claim


def _a_town(where: Located) -> bool:
    """Whether a place may be where a lead's figures are: a town the gazetteer knows there,
    one the text itself puts somewhere, or one it lacks; not a road or a square ("Castello
    Road")."""
    if where.landmark:
        return False
    if where.within:
        return True
    known = gazetteer().lookup(where.location or "")
    # (a name the gazetteer lacks is the text's: "fighting in Hawijat Sakr"; one it knows
    # only elsewhere is not this region's: "talks in Lausanne")
    return not known or any(p.region == where.region and p.country == where.country for p in known)


def _big_namesake(where: Located) -> bool:
    """Whether a region is named as its big city ("Aleppo", "Homs")."""
    return any(
        p.kind == PLACE and p.country == where.country and p.population >= BIG_NAMESAKE
        for p in gazetteer().lookup(where.location or "")
    )


# a country's figure that says it is in a part of the country: "a town in northern Syria",
# "in N Syria" (not "a Damascan suburb town" alone: on the annotated events that tie was
# too loose, the headline's count read as another group's)
_SOMEWHERE_IN = re.compile(
    r"\b(?:(?:north|south)(?:ern|east|west|eastern|western)?|east(?:ern)?|west(?:ern)?|central"
    r"|N|S|E|W|NE|NW|SE|SW)\s+(?-i:[A-Z])\w+",
    re.IGNORECASE,
)
# a next sentence that goes on with the lead's own event ("A landslide ... prompted
# authorities in Guatemala to evacuate over 300. The landslide occurred ... in the
# municipality of Chinautla"): its place is the event's, a country's figure's too
_EVENT = (
    r"(?:attack|assault|ambush|blast|bombing|explosion|strike|air\s?strike|raid|shelling"
    r"|massacre|landslide|mudslide|flood|flooding|earthquake|quake|storm|typhoon|cyclone"
    r"|hurricane|fire|wildfire|blaze|eruption|avalanche|collapse|crash|accident)s?"
)
_RESUMES = re.compile(rf"\W*(?:the|this|that)\s+(?:[a-z-]+\s+)?({_EVENT})\b", re.IGNORECASE)
_SPREAD_WORDS = re.compile(r"\b(?:across|throughout|all\s+over|various|several|many)\b", re.I)
# a sentence that turns to another story ("Meanwhile, in Azaz ...")
_ELSEWHERE = re.compile(
    r"\W*(?:meanwhile|elsewhere|separately|in\s+other|also|earlier|later|last)\b", re.IGNORECASE
)


def turns_away(text: str, start: int) -> bool:
    """Whether the sentence at ``start`` turns to another story ("Meanwhile, in Azaz")."""
    return bool(_ELSEWHERE.match(text, start))


def resumed_event(text: str, start: int) -> str | None:
    """The event word a sentence at ``start`` opens with, referring back ("The landslide
    occurred ...", "The attack took place ..."), else None."""
    m = _RESUMES.match(text, start)
    return m.group(1).lower().rstrip("s") if m else None


def is_coarse(where: Located | None) -> bool:
    """Whether a figure's place is a region or a country, which a next sentence may make
    finer (not nowhere: "floods in Malaysia and Indonesia" is no place to refine)."""
    return where is not None and where.location is not None and where.level < 2


def _names_event(quote: str, event: str | None) -> bool:
    """Whether a lead's sentence names the event the next one goes on with."""
    return event is not None and re.search(rf"\b{event}", quote, re.IGNORECASE) is not None


def refine_lead(
    claims: list[Claim],
    coarse: list[int],
    where: MutableMapping[str, Located],
    named: Located | None,
    resumed: str | None = None,
) -> None:
    """The AFP lead: "At least 10 Syrian soldiers were killed ... in the eastern province of
    Deir Ezzor, a monitor said. The Britain-based Syrian Observatory ... said the deaths came
    in fighting in Hawijat Sakr": the figures of a sentence placed only in a region or a
    country are at the town the next sentence puts the account in, when that sentence states
    no figure of its own and the town lies in their place. A country's figure moves only
    when its sentence names a part of the country ("in N Syria") or the next sentence goes
    on with the lead's own event (``resumed``, the event word it opens with: "A landslide
    ... in Guatemala ... The landslide occurred ... in the municipality of Chinautla")."""
    if named is None or named.level < 2 or not _a_town(named):
        return
    for k in coarse:
        c = claims[k]
        mine = where.get(c.claim_id)
        if mine is None or not mine.holds(named):
            continue
        if mine.level == 0 and (
            named.region is None
            or not (_SOMEWHERE_IN.search(c.quote) or _names_event(c.quote, resumed))
        ):
            continue  # a country's figure is its own, unless it says a part ("in N Syria")
        if (mine.level == 1 and _big_namesake(mine)) or _SPREAD_WORDS.search(c.quote):
            continue  # "strikes on Aleppo": the city; "across Idlib province": all of it
        claims[k] = dataclasses.replace(
            c, location=named.location, region=named.region, country=named.country
        )
        where[c.claim_id] = named


#: how far a body's figure may be from its headline's round one and still be it
_ROUNDED = 0.1


def restated_places(claims: list[Claim], where: dict[str, Located]) -> list[Claim]:
    """A figure the article states again at a finer place takes that place: the headline's
    "7 Civilians Injured in ... Aleppo" is the body's "al-Khalediya neighborhood in Aleppo
    city injuring 7 people"; "11 in northern Egypt" the body's "Eleven people were killed
    in floods in Beheira province". Only when the finer statements agree on one place."""
    same: dict[tuple[str, float, str], list[Claim]] = {}
    for c in claims:
        if c.value > 0 and c.hedge != "range":  # "dozens" again is not the same figure
            same.setdefault((c.category, c.value, c.unit), []).append(c)
    # each figure's distinct places, once (bound: a figure stated a thousand times is a
    # thousand claims at a handful of places)
    placed = {
        key: list(dict.fromkeys(where[o.claim_id] for o in group if o.claim_id in where))
        for key, group in same.items()
    }
    # a headline's round figure is its body's near one ("Over 15,000 displaced in fresh
    # floods", "At least 15783 people have been displaced ... in Gogrial East County")
    near: dict[str, list[Located]] = {}
    for c in claims:
        if c.in_title and c.hedge not in ("exact", "range") and c.value > 0:
            near[c.claim_id] = list(
                dict.fromkeys(
                    where[o.claim_id]
                    for o in claims
                    if not o.in_title
                    and o.claim_id in where
                    and (o.category, o.unit) == (c.category, c.unit)
                    and c.allows(o.value)
                    and abs(o.value - c.value) <= _ROUNDED * c.value
                )
            )
    out: list[Claim] = []
    for c in claims:
        mine = where.get(c.claim_id)
        places = [*placed.get((c.category, c.value, c.unit), ()), *near.get(c.claim_id, ())]
        finer = [f for f in places if mine is not None and f != mine and mine.holds(f)]
        leaves = {f.location: f for f in finer if not any(f.holds(g) for g in finer)}
        if len(leaves) == 1:
            (f,) = leaves.values()
            c = dataclasses.replace(c, location=f.location, region=f.region, country=f.country)
        out.append(c)
    # a part is where its whole is, when that is finer ("at least 22 people in a village in
    # Idlib province ... seven of them children", the 22 restated in Haas)
    wholes = {c.claim_id: c for c in out}
    for k, c in enumerate(out):
        whole = wholes.get(c.part_of or "")
        mine = where.get(c.claim_id)
        if (
            whole is None
            or mine is None
            or (whole.location, whole.region) == (c.location, c.region)
        ):
            continue
        there = Located(whole.location, whole.region, whole.country)
        if mine.holds(there):
            out[k] = dataclasses.replace(
                c, location=whole.location, region=whole.region, country=whole.country
            )
    return out


#: How many sentences naming no place the account's place goes on through.
ACCOUNT_REACH = 1
#: How many sentences back "the town" may find the town named (previous_place)
TOWN_REACH = 5
#: "the two air raids on the town", "in the village": a town named before, however the
#: account went on since
_THE_TOWN = re.compile(
    r"\bthe\s+(?:town|village)\b(?!\s+(?:of\s+(?!\d)|council\b|hall\b))", re.IGNORECASE
)


def speaks_of_the_town(
    ctx: ArticleContext, text: str, sentence: tuple[int, int], in_title: bool
) -> bool:
    """Whether the account is at "the town": the figure's sentence says it, or one of the
    ACCOUNT_REACH sentences before it that the account goes on from ("The Observatory said
    medical sources in the town reported symptoms ... The victims ... included at least 20
    children": the town's children, not the province's)."""
    # (each sentence searched once, however many figures ask: ArticlePlaces.search)
    here = ctx.places.search(_THE_TOWN, text, sentence, in_title)
    return here is not None or any(
        ctx.places.search(_THE_TOWN, before, span, titled) is not None
        for before, span, titled in ctx.recent[-ACCOUNT_REACH:]
    )


def previous_place(ctx: ArticleContext, town: bool = False) -> Located | None:
    """The place the account is at: the one the latest sentence naming a place names, among
    the last ``reach + 1`` sentences the context keeps (``ACCOUNT_REACH``: the account
    goes on through a sentence naming no place, not longer; ``town``: the figure's sentence
    says "the town", so the last town named in all the sentences kept, ``TOWN_REACH``:
    "Air strikes have struck the town of Urum al-Joz ... The attack killed at least 18 ...
    The death toll is expected to rise. ... the two air raids on the town have killed 19").
    A spot in a town is where one blast was, the town the account's place: the one the
    text puts it in ("al-Hilaliyeh roundabout in central Qamishli"), else the town of its
    region an earlier sentence names, else its region. Worked out only for a figure that
    needs it."""
    spot: Located | None = None
    recent = ctx.recent if town else ctx.recent[-(ACCOUNT_REACH + 1) :]
    for text, span, in_title in reversed(recent):
        key = (span, in_title)
        if key not in ctx._named:
            ctx._named[key] = ctx.places.named_in(text, span, in_title)
        named = ctx._named[key]
        if named is None or (town and named.around().level < 2):
            continue
        around = named.around()
        if spot is None and around is not named and not named.within:
            spot = around  # (no town holds it here: an earlier sentence's may)
            continue
        if spot is not None and (around is not named or around.region != spot.region):
            break  # (not another section's town: "... in al-Rastan area. Daraa An army unit
            # targeted ... the surroundings of Busra Square")
        return around
    return spot
