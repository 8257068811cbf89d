"""A list's heading gives its items their category, and its source.

Reports break a total down in a list under a heading, the items naming no verb:

    Breakdown of IDP figures by provinces
    North Sumatra: (Langkat): 530 households (3,000 people)
    Maluku (Ambon & Seram): 1,123 households (5,400 people)

Each item's figures count people ("households", "people") with nothing in the item saying
what happened to them: the heading does ("IDP": displaced). :class:`Headings` follows the
sentences of a text: a heading (a short line with no full stop, no figure, and a word of a
category) opens a list; the short lines with figures after it are its items; any other
sentence closes it. A heading may also say whose the figures are ("Here are the latest
statistics from the Fire and Disaster Management Agency ...:"): :func:`heading_source`
gives its items that source.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from checker.extract.attribution import Cue
from checker.extract.categories import Counted
from checker.extract.claim_context import Span
from checker.extract.numbers import Figure
from checker.extract.vocabulary import PERSON_HEADS, PREDICATE_HEADS

#: at most this many words in a heading, and in an item
HEADING_WORDS = 12
ITEM_WORDS = 20

_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
#: a heading's words that give a category, and the category ("IDP figures", "Deaths")
_CATEGORY_WORDS: dict[str, str] = {
    **{w: c for w, c in PREDICATE_HEADS.items() if c != "other"},
    **{w: c for w, c in PERSON_HEADS.items() if c is not None and c != "combatants"},
    "idp": "displaced",
}
#: the counted people an item's figure may be (its subject), given the heading's category
_COUNTED = frozenset(w for w, c in PERSON_HEADS.items() if c is None) | {"idps"}


@dataclass
class Headings:
    """The list the sentences read so far are in: its heading's category, or None."""

    category: str | None = None

    def read(self, text: str, span: Span, figures: bool) -> str | None:
        """Go on to the sentence ``text[span]`` (``figures``: it has some); the category
        its figures take from a heading, if it is an item of a list."""
        ends = text[span[0] : span[1]].rstrip()[-1:] in ".!?"
        if ends or (figures and self.category is None):
            self.category = None  # (most sentences: no heading, no list, no words counted)
            return None
        words = _WORD.findall(text, *span)
        if not figures:
            self.category = _category(words) if len(words) <= HEADING_WORDS else None
            return None
        if len(words) > ITEM_WORDS:
            self.category = None
        return self.category


def _category(words: list[str]) -> str | None:
    return next((c for w in words if (c := _CATEGORY_WORDS.get(w.lower())) is not None), None)


def in_list(counted: Counted, category: str) -> Counted:
    """A figure of a list's item with the heading's category, if it counts people and
    nothing in the item gave it one."""
    if counted.category is not None or counted.subject.lower() not in _COUNTED:
        return counted
    return dataclasses.replace(counted, category=category)


def heading_source(
    text: str,
    sentence: Span,
    cues: list[Cue],
    sources: list[str | None],
    figures: list[Figure],
    before: str | None,
) -> str | None:
    """The source a list's heading named, as a sentence is read: this sentence's heading's
    (:attr:`checker.extract.attribution.Cue.heading`); else the one ``before`` it while this
    sentence is one of its items (figures, no source of its own, no heading of another
    list: "Key developments:")."""
    named = [s for c, s in zip(cues, sources, strict=True) if c.heading and s is not None]
    if named:
        return named[-1]
    if not figures or any(s is not None for s in sources):
        return None
    colon = text.find(":", *sentence)
    if colon >= 0 and figures[0].start > colon:
        return None  # another heading, its list's first item after it
    return before
