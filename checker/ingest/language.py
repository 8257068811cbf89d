"""Which language an article is in, so that only English text has claims extracted.

The extractor reads English ("more than 150,000 people were displaced"); run on French or
Spanish it would still find numbers and turn them into wrong English claims. So every
article's language is detected on ingestion and stored on it (``Article.language``), and a
text that is not English is kept with no claims and a warning
(:func:`checker.pipeline.skips_extraction`).

Detection is py3langid's (a maintained fork of langid.py: a naive Bayes model over byte
n-grams, 97 languages, shipped inside the package, offline, deterministic). Two things are
wrapped around it:

* It is asked only when the text does not settle the question itself: a sample in which
  English function words ("the", "of", "and", "said"...) make up at least
  :data:`ENGLISH_SHARE` of the words is English. Over the corpus the English texts have a
  share of 0.16 or more and the others (French, Spanish, Portuguese, Italian, Croatian,
  Indonesian) 0.045 or less, so the model is loaded (0.5 s, once per process) and run
  (about 1 ms an article) only for the texts that need it.
* A short English text has few function words (FA-KES 1923848249 is a headline twice and
  a date line, 21 words, share 0.095): a sample with half that share and almost none of
  the other corpus languages' function words (:data:`_FOREIGN_WORDS`: under
  :data:`MAX_FOREIGN_SHARE`; the French, Spanish, Portuguese, Italian, Croatian and
  Indonesian texts of the corpus have 0.085 or more) is English too, without loading the
  model (0.7-0.9 s of a FA-KES check was the wait for it).
* It decides "not English" only when it is sure: the probability it gives English is below
  :data:`MAX_ENGLISH_PROBABILITY`. On short English texts with many names (FA-KES
  headlines with a line of text) it hesitates between English and Nigerian Pidgin ("pcm",
  p = 0.28 and 0.48) and still gives English 0.2 or more; those stay English. A wrong
  "not English" would silently lose an article's claims, a wrong "English" costs only
  what it cost before detection existed.

Only the first :data:`SAMPLE_CHARS` characters (title and the text's start) are read: enough
to decide, and detection stays cheap on a 2 MB text. Fewer than :data:`MIN_WORDS` words
decide nothing (None: the article is extracted as before).
"""

from __future__ import annotations

import contextlib
import re
import threading
from typing import Any

#: Characters of title and text read to decide (the rest of a long text adds nothing).
SAMPLE_CHARS = 2_000
#: Fewer words than this in the sample: too little to tell, the language is left None.
MIN_WORDS = 8
#: A sample whose words are at least this share of English function words is English.
ENGLISH_SHARE = 0.10
#: The model must give English less than this probability to call a text not English.
MAX_ENGLISH_PROBABILITY = 0.01

#: A sample with under this share of the other languages' function words, and at least
#: half of :data:`ENGLISH_SHARE` English ones, is English without the model.
MAX_FOREIGN_SHARE = 0.02

ENGLISH = "en"

_FUNCTION_WORDS = frozenset(
    """
    the of and to in a is was were that for on with by from at as said has have had are be
    been it its this which an who their they not but or after he she his her will would
    """.split()
)
#: frequent function words of French, Spanish, Portuguese, Italian, Croatian and
#: Indonesian that are no English words
_FOREIGN_WORDS = frozenset(
    """
    le la les des du et est une un dans pour par sur au aux qui que ont été el los las y del
    con por para una es lo al em os da um uma il di che per della sono je su za od yang dan
    ke dari untuk dengan ini itu dalam pada ada
    """.split()
)
_WORD = re.compile(r"[^\W\d_]+")

_lock = threading.Lock()
_identifier: Any = None
_prefetching = False


def _shares(sample: str) -> tuple[float, float, int]:
    """The shares of English and of other languages' function words, and the word count."""
    words = _WORD.findall(sample.lower())
    if not words:
        return 0.0, 0.0, 0
    english = sum(w in _FUNCTION_WORDS for w in words)
    foreign = sum(w in _FOREIGN_WORDS for w in words)
    return english / len(words), foreign / len(words), len(words)


def detect_language(title: str, text: str) -> str | None:
    """The language of an article as an ISO 639-1 code ("en", "fr"), or None when there are
    too few words to tell. English unless the detector is sure it is not."""
    sample = f"{title}\n{text[:SAMPLE_CHARS]}" if title else text[:SAMPLE_CHARS]
    share, foreign, words = _shares(sample)
    if words < MIN_WORDS:
        return None
    if share >= ENGLISH_SHARE or (share >= ENGLISH_SHARE / 2 and foreign < MAX_FOREIGN_SHARE):
        return ENGLISH
    ranked = dict(_model().rank(sample))
    best = max(ranked, key=ranked.__getitem__)
    if best == ENGLISH or ranked.get(ENGLISH, 0.0) >= MAX_ENGLISH_PROBABILITY:
        return ENGLISH
    return str(best)


def prefetch_model() -> None:
    """Start loading the detector in a thread, unless it is loaded or loading: for a run of
    many articles, some of which will need it (about 0.7 s, mostly LZMA decompression,
    which leaves the interpreter free: the reading goes on meanwhile). The first text that
    needs it waits for the load to end; a load that fails is tried again there, and raises
    there."""
    global _prefetching
    with _lock:
        if _identifier is not None or _prefetching:
            return
        _prefetching = True
    threading.Thread(target=_load_quietly, name="checker-language-model", daemon=True).start()


def _load_quietly() -> None:
    with contextlib.suppress(Exception):
        _model()


def _model() -> Any:
    """py3langid's identifier with probabilities normalised, loaded once (lazily: importing
    checker, or reading only English text, never pays for it)."""
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return _identifier
