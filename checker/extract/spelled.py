"""Spelled-out numbers: "Seventy-six", "three hundred and fifty", "two dozen", "half a
million"; the odd wordings ("fifty-three hundred") are quantulum3's.

The well-formed ones are read here, as quantulum3 reads them; quantulum3 (and the seconds
its import of ``inflect`` costs) is loaded only on the first odd wording, and called on the
candidate's own words, never on a whole text (see :mod:`checker.extract.numbers` for why).
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache

_UNITS_W = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    "|sixteen|seventeen|eighteen|nineteen"
)
_TENS_W = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
#: a number under a hundred in words ("seventy-six", "eleven"), as a pattern
SMALL_WORDS = rf"(?:(?:{_TENS_W})(?:[- ](?:{_UNITS_W}))?|(?:{_UNITS_W}))\b"
#: the scale words, as a pattern
SCALE_WORDS = r"(?:hundred|thousand|million|billion)"


@lru_cache(maxsize=2048)
def spelled_value(words: str) -> float | None:
    """The value of a spelled-out number ("seventy-six" -> 76, "two dozen" -> 24)."""
    m = re.fullmatch(r"(.+?)\s+dozen", words)
    if m is not None:
        base = 1.0 if m.group(1) in ("a", "an") else spelled_value(m.group(1))
        return None if base is None else base * 12
    if words == "dozen":  # "left dozen people killed": a dozen with its article lost
        return 12.0
    m = re.fullmatch(
        r"(half\s+an?|a\s+half|a\s+quarter\s+of\s+an?|three\s+quarters\s+of\s+an?)"
        r"\s+(million|billion)",
        words,
    )
    if m is not None:
        share = 0.75 if m.group(1).startswith("three") else 0.25 if "quarter" in m.group(1) else 0.5
        return round(share * _SCALE_WORDS[m.group(2)], 6)
    words = re.sub(r"^an?\s+", "one ", words)
    plain = _plain_spelled(words)
    if plain is not None:
        return plain
    if _SAME_SCALE_TWICE.fullmatch(words):
        return None  # "two million three million": quantulum3 reads two numbers, not one
    return _quantulum_spellout(words)


_SAME_SCALE_TWICE = re.compile(
    rf"(?:{SMALL_WORDS}) (thousand|million|billion)(?: and | |-)(?:{SMALL_WORDS}) \1"
)


# Spelled-out numbers read here, as quantulum3 reads them (checked on every wording the
# figure pattern takes, up to three scale words): quantulum3, and the seconds its import of
# inflect costs, only for the odd wordings ("fifty-three hundred", "thousand thousand").
_UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)
}
_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def _under100(tokens: list[str], i: int) -> tuple[int, int] | None:
    """(value, next index) of a number under 100 at tokens[i], or None."""
    if i >= len(tokens):
        return None
    w = tokens[i]
    if w in _UNITS and w != "zero":
        return _UNITS[w], i + 1
    if w in _TENS:
        if i + 1 < len(tokens) and tokens[i + 1] in _UNITS and 0 < _UNITS[tokens[i + 1]] < 10:
            return _TENS[w] + _UNITS[tokens[i + 1]], i + 2
        return _TENS[w], i + 1
    return None


def _under1000(tokens: list[str], i: int) -> tuple[int, int] | None:
    """(value, next index) of a number under 1,000 at tokens[i] ("four hundred and two")."""
    first = _under100(tokens, i)
    if first is None:
        return None
    v, i = first
    if i < len(tokens) and tokens[i] == "hundred":
        if v >= 10:
            return None  # "fifty-three hundred": quantulum3's reading is kept
        v, i = v * 100, i + 1
        j = i + 1 if i < len(tokens) and tokens[i] == "and" else i
        rest = _under100(tokens, j)
        if rest is not None:
            v, i = v + rest[0], rest[1]
    return v, i


def _plain_spelled(words: str) -> float | None:
    """A well-formed spelled-out number ("seventy-six", "three hundred and fifty", "two
    million four hundred thousand"); None for any other wording, which quantulum3 reads."""
    tokens = words.replace("-", " ").split()
    total, i, last_scale = 0.0, 0, float("inf")
    while True:
        group = _under1000(tokens, i)
        if group is None:
            return None
        v, i = group
        if i < len(tokens) and tokens[i] in _SCALE_WORDS:
            scale = _SCALE_WORDS[tokens[i]]
            if scale >= last_scale:
                return None
            total, last_scale, i = total + v * scale, scale, i + 1
            if i == len(tokens):
                return total
            if tokens[i] == "and":
                i += 1
            continue
        if i != len(tokens):
            return None
        return total + v


def _quantulum_spellout(words: str) -> float | None:
    with warnings.catch_warnings():
        # quantulum3 warns at import that its optional scikit-learn classifier is missing;
        # the spell-out reader does not use it.
        warnings.simplefilter("ignore")
        from quantulum3 import parser as qparser

        found = qparser.extract_spellout_values(words)
    if len(found) != 1 or found[0]["old_span"] != (0, len(words)):
        return None
    return float(found[0]["new_surface"])
