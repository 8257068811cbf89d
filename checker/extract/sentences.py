"""Sentence spans and page furniture for news text, with character offsets kept.

A claim's ``quote`` is its sentence and its ``start``/``end`` are offsets into the original
text, so nothing here rewrites the text: it returns ``(start, end)`` spans. News copy in the
corpus has abbreviations with full stops ("U.N.", "Feb. 11", "Gen."), ellipses inside quotes
("aircraft... carried out") and, in FA-KES, run-together paragraphs with lost punctuation;
sentences end at a full stop, "!" or "?" (after closing quotes) before a capital, a digit or
an opening quote, and at every line break.

Page furniture is the text around an article that is not the article: "Related posts" blocks,
"SEE ALSO:" headlines, "Read more here <headline>", "Print Tweet Views 1430". Figures in it
are not claims of the article, so its spans are returned separately to be skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.lexicon import MONTH_ABBREVIATIONS, words

Span = tuple[int, int]


# Words that end with a full stop without ending the sentence.
_ABBREVIATIONS = MONTH_ABBREVIATIONS | frozenset(
    words(
        """
    mr mrs ms dr gen lt col maj sgt capt cpt brig adm gov sen rep rev st prof pres no nos
    vs etc approx est inc ltd co corp dept fig al ft mt ave jr sr
    """
    )
)

_BOUNDARY = re.compile(
    # (?=...): what every branch starts at, checked before the branches are tried (at every
    # character of the text otherwise); (?<!...): a run of stops is tried from its first one
    # only ("....": quadratic otherwise)
    r"""(?=[.!?\s])(?:
        (?<![.!?])[.!?]+["'”’)\]]*   # the stop, then any closing quotes or brackets
        (?=\s+["'“‘(\[]?[A-Z0-9])  # before white space and a capital, digit or opening quote
      | \s-\sYouTube\b    # an embedded video's title ends where its "- YouTube" does
      | (?<=[a-z][a-z])[.!?]["”’]?(?=[A-Z][a-z])  # glued, its space lost: "authorities said.The"
      | (?<=[\w)])(?=[ ][ ]+["“]?[A-Z])  # a paragraph's end, its line break lost to two spaces
      # a list's items run together, a bullet's dash right after a stop: "in Surin.- 72
      # houses were damaged" (not "IMPACT- 4 death- 44 families": the items of one
      # sentence, its source and date theirs)
      | (?<=[a-z])[.](?=-[ ]\d)
    )""",
    re.VERBOSE,
)
#: A sentence longer than this is cut (at a space) into parts no longer: a text without
#: stops would otherwise be one sentence, and a sentence's figures are weighed against each
#: other. Longer than any sentence of the corpora (FA-KES, IDMC: 3,403 characters at most).
MAX_SENTENCE_CHARS = 4_000
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?$")

# Where the article ends and a site's link lists begin: everything after is furniture.
_TRAILER = re.compile(
    # (?=...): the first character of either branch, checked before the alternation is
    # tried (at every position of the text otherwise)
    r"(?=[ \tRMSA])(?:^[ \t]*(?:Related posts|Related articles|More (?:[A-Z][a-z]+ ){0,3}News"
    r"|Sign up for|Access More)\b.*"
    # FA-KES lost the line breaks: a run of linked headlines starts mid-line ("... 01 Related
    # Daesh Terrorists Attack ...", "Source TRT World Related News Iraqs vote violations | ...")
    r"|(?<=[\s\d])Related(?: News| Stories)?\s+(?=[A-Z]).*)",
    re.MULTILINE | re.DOTALL,
)
_FULL_STOP = re.compile(r"[.!?](?=\s|$)")
#: A mid-line "Related" opens furniture only in the last part of a text (not "Related to").
_TRAILER_FROM = 0.3
# One-line furniture: a "SEE ALSO:" headline line; "Read more here <headline>" (to the end of
# its sentence: FA-KES lost the line break after the headline); share/view counters.
_FURNITURE = re.compile(
    # (?=[srptvg]): the first letter of every branch (any case, as the pattern matches),
    # checked before the alternation is tried: half the time of trying it everywhere
    r"(?=[srptvg])(?:SEE ALSO:[^\n]*"
    r"|Read (?:more|also)(?: here)?:?[ \t]+[^.\n]*"
    r"|\b(?:Print[ \t]+)?(?:Tweet[ \t]+)?Views[ \t]+\d[\d,]*"
    r"|Get short URL(?:[ \t]+\d+)*)",
    re.IGNORECASE,
)


def furniture_spans(text: str) -> list[Span]:
    """Spans of ``text`` that are page furniture rather than the article."""
    return furniture_in(text, 0, len(text), trailers=True)[0]


def furniture_in(text: str, start: int, end: int, *, trailers: bool) -> tuple[list[Span], bool]:
    """The furniture spans found in ``text[start:end]`` (a trailer runs to the end of the
    text), and whether a trailer was looked at there: the first one is the only one (it runs
    to the end), so with ``trailers`` False none is looked for (a part of the text after
    the part where the first was)."""
    spans = [(m.start(), m.end()) for m in _FURNITURE.finditer(text, start, end)]
    seen = False
    for trailer in _TRAILER.finditer(text, start, end) if trailers else ():
        seen = True
        before = text[max(0, trailer.start() - 12) : trailer.start()]
        mid_line = trailer.group(0).startswith("Related") and not before.endswith("\n")
        # "Views 458 Related ...", "01 Related ...": after a counter it is furniture anywhere
        early = trailer.start() < _TRAILER_FROM * len(text)
        if mid_line and early and not re.search(r"\d\s*$", before):
            continue
        if mid_line and early:
            # "Print Tweet Views 458 Related <linked headlines> At least 22 people were
            # killed ...": a site that lists its links before the story (FA-KES lost the line
            # breaks between them): the links run on into the story's first sentence, which
            # goes with them; the story after it is the article
            stop = _FULL_STOP.search(text, trailer.start())
            spans.append((trailer.start(), stop.end() if stop else len(text)))
            break
        spans.append((trailer.start(), len(text)))
        break
    return sorted(spans), seen


def _is_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` closes an abbreviation or an initial."""
    if text[stop] != ".":
        return False
    head = text[max(0, stop - 12) : stop]
    m = _WORD_BEFORE.search(head)
    if m is None:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():  # "U.N.", "George W. Bush"
        return True
    return word.lower() in _ABBREVIATIONS and not head.endswith("..")


_FIGURE_GOES_ON = re.compile(r"\s+\d[\d,.]*\s+[a-z]")


def _ellipsis_in_figures(text: str, stop: int, after: int) -> bool:
    """Whether the stop at ``stop`` is an ellipsis eliding words between two clauses of one
    quoted statement, before its next figure: '"As well as the 10 civilians killed in
    strikes on the bus... 21 others died ..." the White Helmets said' is one sentence, its
    source the speaker's for both figures. An ellipsis before a capital may end a sentence,
    and one before a figure and a capital is a page's counter ("... 13 Tags Daesh")."""
    return text.startswith("..", stop) and _FIGURE_GOES_ON.match(text, after) is not None


# A site's tag line run into the text (The New Arab in FA-KES, its line breaks lost): "...
# war-torn city Tags Syria Aleppo UN De Mistura Fatah al-Sham Eleven people including a
# woman ... were killed". The tags are a sentence of their own, ending where the article's
# next sentence plainly starts (a determiner or a figure, not a tag's word); a tag line
# with no such start in reach is left in its sentence.
_TAGS = re.compile(r"(?<=[a-z.,;:)]\s)Tags\s+(?=[A-Z])")
_AFTER_TAGS = re.compile(
    r"\s(?=(?:At\s+least|More\s+than|Up\s+to|Nearly|About|Some|Dozens|Scores|Hundreds"
    r"|Thousands|The|An?|\d|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve"
    r"|Thirteen|Fourteen|Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|Twenty|Thirty|Forty"
    r"|Fifty|Sixty|Seventy|Eighty|Ninety)\s+[a-z0-9])"
)
_TAGS_REACH = 160


def _tag_cuts(text: str, start: int, end: int) -> list[int]:
    """Where a tag line starts and ends in ``text[start:end]`` (see :data:`_TAGS`)."""
    cuts: list[int] = []
    at = text.find("Tags", start, end)  # (cheaply first: most texts have none)
    while at >= 0:
        m = _TAGS.match(text, at)
        if m is not None:
            after = _AFTER_TAGS.search(text, m.end(), min(end, m.end() + _TAGS_REACH))
            if after is not None:
                cuts += [m.start(), after.end()]
        at = text.find("Tags", at + 4, end)
    return cuts


# A photo's credit in brackets ends its caption, run into the text where the page lost its
# layout (FA-KES 1923848175: "... the northern divided Syrian city of Aleppo on July 9 2016
# (Photo AFP) Syrian state media says 30 people have been killed"): the caption is a
# sentence of its own (see :func:`is_caption`).
_BRACKET_CREDIT = re.compile(r"\((?:Photo|Photograph|Picture|Image)\b[^()]{0,80}\)")
#: a caption's credit at its end: "(Photo AFP)", "— Photo vov.vn", "Photograph: X/AP"
_CAPTION_END = re.compile(
    rf"(?:{_BRACKET_CREDIT.pattern}|[—–]\s*Photo\b[^()]{{0,40}}"
    r"|\b(?:Photo|Photograph)\s*:\s*[^()]{1,60})\s*$"
)


def _credit_cuts(text: str, start: int, end: int) -> list[int]:
    """Where a caption's bracketed credit ends in ``text[start:end]`` (cheaply first)."""
    if text.find("(Photo", start, end) < 0 and text.find("(Pic", start, end) < 0:
        return []
    return [m.end() for m in _BRACKET_CREDIT.finditer(text, start, end)]


def is_caption(text: str, sentence: Span) -> bool:
    """Whether the sentence is a photo's caption (it ends with the photo's credit): no part
    of the account the sentences after it go on with."""
    start, end = sentence
    return _CAPTION_END.search(text, max(start, end - 100), end) is not None


def sentence_spans(text: str, limit: int = MAX_SENTENCE_CHARS) -> list[Span]:
    """``(start, end)`` of each sentence of ``text``, stripped of surrounding white space;
    none longer than ``limit`` characters (:data:`MAX_SENTENCE_CHARS`)."""
    spans: list[Span] = []
    for start, end in _blocks(text):
        pos = start
        cuts = [(c, c) for c in [*_tag_cuts(text, start, end), *_credit_cuts(text, start, end)]]
        stops = ((m.start(), m.end()) for m in _BOUNDARY.finditer(text, start, end))
        for stop, after in sorted([*cuts, *stops]):
            if stop == after:  # a tag line's edge
                if pos < stop:
                    spans.append((pos, stop))
                    pos = stop
                continue
            if _is_abbreviation(text, stop) or _ellipsis_in_figures(text, stop, after):
                continue
            spans.append((pos, after))
            pos = after
        spans.append((pos, end))
    out: list[Span] = []
    for a, b in spans:
        a, b = _strip(text, a, b)
        while b - a > limit:  # cut at the last space within the limit (else at the limit)
            cut = text.rfind(" ", a + 1, a + limit + 1)
            cut = cut if cut > a else a + limit
            piece = _strip(text, a, cut)
            if piece[0] < piece[1]:
                out.append(piece)
            a, b = _strip(text, cut, b)
        if a < b:
            out.append((a, b))
    return out


def _blocks(text: str) -> Iterator[Span]:
    """The line-separated blocks of ``text`` (white space around them is stripped later).

    Found with ``str.find``: the pattern ``\\s*\\n\\s*`` this replaces backtracked over
    every run of spaces without a line break (34 s for 150,000 spaces).
    """
    pos = 0
    while (nl := text.find("\n", pos)) >= 0:
        yield pos, nl
        pos = nl + 1
    yield pos, len(text)


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
