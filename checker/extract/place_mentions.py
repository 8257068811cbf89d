"""A place named in a text (:class:`PlaceMention`) and where a figure is (:class:`Located`):
what :mod:`checker.extract.place_names` reads and :mod:`checker.extract.places` gives claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.extract.gazetteer import Place, place_key
from checker.extract.place_text import _TYPES_NAMED, _TYPES_SPOT, _around


@dataclass(slots=True)
class PlaceMention:
    """A place named in a text: where, the name the claim will carry, and where it lies."""

    start: int
    end: int
    name: str  #: display name ("Khan Sheikhoun", "Idlib", "Syria")
    level: int  #: 0 country, 1 region, 2 town or finer
    region: str | None
    country: str | None
    #: the text puts something in it ("in X", "X province"): a figure may be about it
    locative: bool = False
    #: candidates the gazetteer gave, best first (empty for a place only the text knows)
    candidates: tuple[Place, ...] = ()
    #: the text's own type word ("village", "province"), if any
    type_word: str | None = None
    #: the mention holding this one ("X in Y province": X's holder is Y)
    holder: PlaceMention | None = None
    #: the name as the text writes it, cleaned ("Karsaa")
    raw: str = ""
    #: a country's capital (its name often stands for the government: "Ankara said")
    capital: bool = False
    #: where the sentence's speaker is ("SANA reporter in Aleppo"): not locative, but the
    #: place of a sentence that names no other
    speaker: bool = False
    #: the place of the text's opening dateline ("DENVER -", "MADISON, Wis. (AP) -"): where
    #: the story was filed, not what a figure is about (but the account's place, for want
    #: of any other: :meth:`~checker.extract.places.ArticlePlaces.fallback`)
    dateline: bool = False
    #: a name the gazetteer lacks that the text puts in a region after a comma ("in Fizi,
    #: South Kivu province"): a place of its own, never the account's town
    held: bool = False
    #: the text itself says where it lies ("Marathon, near Athens"), against the gazetteer
    rehomed: bool = False
    #: a town of the same name as this region, and its size ("Aleppo": 2 million)
    city_size: int = 0

    @property
    def triple(self) -> tuple[str, str | None, str | None]:
        return self.name, self.region, self.country


@dataclass(frozen=True, slots=True)
class Located:
    """Where a figure is: its finest place, region and country (any may be unknown)."""

    location: str | None
    region: str | None
    country: str | None
    #: the places the text says hold the location, innermost first ("al-Telifoun al-Hawaei
    #: neighborhood in al-Sulaymaniyah area": ("Sulaymaniyah", "Aleppo"))
    within: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def of(cls, m: PlaceMention | None) -> Located:
        if m is None:
            return cls(None, None, None)
        within: list[str] = []
        holder = m.holder
        while holder is not None and len(within) < 4:
            within.append(holder.name)
            holder = holder.holder
        return cls(*m.triple, within=tuple(within))

    @property
    def level(self) -> int:
        """0 a country, 1 a region (or its namesake city), 2 finer; -1 nowhere."""
        if self.location is None:
            return -1
        if self.location == self.country:
            return 0
        return 1 if self.location == self.region else 2

    @property
    def landmark(self) -> bool:
        """Whether the location is a named thing in a place, not a place ("al-Hilaliyeh
        Roundabout", "Nile Street", "Castello Road")."""
        return bool(_LANDMARK.search(self.location or ""))

    def around(self) -> Located:
        """The place a spot in a town is in: the one the text says holds it ("al-Hilaliyeh
        roundabout in central Qamishli city": Qamishli), else its region, else its country;
        any other place is itself (a road, a dam or a base is where a battle is: "the
        Castello road ... The road was hit")."""
        if not _SPOT.search(self.location or ""):
            return self
        if self.within:
            return Located(self.within[0], self.region, self.country, within=self.within[1:])
        return Located(self.region or self.country, self.region, self.country)

    def holds(self, other: Located) -> bool:
        """Whether ``other`` is a finer place inside this one: a town of this region or
        country, a neighbourhood the text puts in this town."""
        if self.location is None or other.location is None or other.country != self.country:
            return False
        if self.level == 2:  # "al-Sulaimaniyeh area" holds "al-Telifoun al-Hawaei ... in
            # al-Sulaymaniyah area": one place, two spellings
            key = place_key(self.location)
            return any(place_key(w) == key for w in other.within)
        if other.level <= self.level:
            return False
        if self.level == 0:
            return True
        if other.region == self.region:
            return True
        # "rocket shells at Damascus" / "in East Ghota of Damascus": the countryside around
        # a city that is a region of its own
        around = _around(self.location)
        return around is not None and around.name == other.region


NOWHERE = Located(None, None, None)


# a named thing ending the name: "Nile Street", "Castello Road", "Tishrin Dam"
_LANDMARK = re.compile(rf"\b(?:{_TYPES_NAMED})$", re.IGNORECASE)
# ... one that is a spot in a town: "al-Nile street", "al-Hilaliyeh roundabout"
_SPOT = re.compile(rf"\b(?:{_TYPES_SPOT})$", re.IGNORECASE)
