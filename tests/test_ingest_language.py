"""Languages: every English corpus text stays English, the French, Spanish (and other) idmc
texts are caught, and an article that is not English gets no claims in `extract` or `check`."""

from __future__ import annotations

import collections
import json
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from _outlets import IDMC, article_page, story
from conftest import ROOT

from checker.ingest import IngestOptions, read_articles
from checker.ingest.language import detect_language
from checker.pipeline import check, extract
from checker.records import Article, ErrorRecord
from checker.run.local import skips_extraction
from checker.store import Store

#: idmc-news articles that are not in English, by language, as a reader sees them
NOT_ENGLISH = {
    "fr": {
        "idmc-e2f81985e4",  # RFI: "RDC: des centaines de disparus dans des inondations"
        "idmc-f2869b99ec",  # Radio Okapi: "Nord-Kivu: plus de 2 000 sinistrés"
        "idmc-748321b69f",  # "Inondations : 250 personnes évacuées près de Dijon"
        "idmc-2c46533937",  # "Mali : POINT DE PRESSE HEBDOMADAIRE DE LA MINUSMA"
    },
    "es": {
        "idmc-c279eddc7b",  # "14 muertos por deslizamiento de un cerro en Bolivia"
        "idmc-61deaaf51a",  # "La tormenta Erika deja 20 muertos y 7,350 evacuados"
        "idmc-c744793cdf",  # "23.571 personas desplazadas a causa de las inundaciones"
    },
    "pt": {"idmc-a56b084afb"},  # "Chuva deixa ruas e bairros de Luanda inundados"
    "it": {"idmc-69fc6c4158"},  # "Maltempo, ciclone sulla Sardegna"
}


@pytest.fixture(scope="module")
def idmc() -> list[Article | ErrorRecord]:
    if not IDMC.is_file():
        pytest.skip(f"the idmc-news corpus is not at {IDMC}")
    return list(read_articles([IDMC]))


def test_no_english_text_of_the_corpus_is_called_anything_else(
    idmc: list[Article | ErrorRecord], fakes_csv: Path
) -> None:
    fakes = [r for r in read_articles([fakes_csv]) if isinstance(r, Article)]
    assert len(fakes) == 804
    assert collections.Counter(a.language for a in fakes) == {"en": 804}
    with IDMC.open(encoding="utf-8") as f:
        rows = {row["id"]: row for row in map(json.loads, f)}
    others = {a.article_id for a in idmc if isinstance(a, Article) and a.language != "en"}
    # every idmc text called not English is: none of its words are English prose
    for article_id in others:
        title = rows[article_id]["title"]
        assert detect_language(title, rows[article_id]["text"]) != "en", title
    english = [a for a in idmc if isinstance(a, Article) and a.language == "en"]
    assert len(english) == 196 and len(others) == 42
    seeds = [r for r in read_articles([Path(__file__).parents[2] / "shared/corpus/seeds"])]
    assert [getattr(a, "language", None) for a in seeds] == ["en"] * 5


def test_the_other_languages_are_caught(idmc: list[Article | ErrorRecord]) -> None:
    language = {a.article_id: a.language for a in idmc if isinstance(a, Article)}
    for code, ids in NOT_ENGLISH.items():
        for article_id in ids:
            assert language[article_id] == code, article_id
    warnings = [e for e in idmc if isinstance(e, ErrorRecord) and e.field == "language"]
    assert len(warnings) == sum(lang != "en" for lang in language.values())
    (first,) = [w for w in warnings if w.article_id == "idmc-e2f81985e4"]
    assert first.level == "warning" and first.value == "fr" and first.line is not None
    assert first.message.startswith("not English (detected language 'fr'): claims not extracted")


def test_short_texts_are_not_decided() -> None:
    assert detect_language("Idlib", "26 killed") is None
    assert detect_language("", "") is None
    # English headline and text full of names: English
    headline = "Russian strikes kill 34 civilians in Syrias Deir Ezzor Monitor"
    assert detect_language(headline, headline) == "en"


def test_a_short_english_text_is_english_without_the_model() -> None:
    # FA-KES 1923848249: a headline twice and a date line (share 0.095); no word of the
    # other languages: English, and the model is not loaded for it
    from checker.ingest import language

    headline = "Russian strikes kill 34 civilians in Syrias Deir Ezzor Monitor"
    with mock.patch.object(language, "_model", side_effect=AssertionError("loaded")):
        assert detect_language(headline, f"{headline} AFP Sunday 26 Nov 2017") == "en"
    # ... but a short text in another language still asks it
    assert detect_language("Inondations", "plus de 2 000 sinistrés dans la région de Tunis") == "fr"


def test_extract_and_check_give_no_claims_for_a_text_not_in_english(tmp_path: Path) -> None:
    with IDMC.open(encoding="utf-8") as f:
        rows = {row["id"]: row for row in map(json.loads, f)}
    french = rows["idmc-f2869b99ec"]  # "plus de 2 000 sinistrés ..."
    english = rows["idmc-716da77228"]
    batch = tmp_path / "two.jsonl"
    batch.write_text("".join(json.dumps(r) + "\n" for r in (french, english)), encoding="utf-8")
    page = tmp_path / "okapi.html"
    page.write_text(article_page(story(french, site="Radio Okapi")), encoding="utf-8")

    items = list(extract([batch, page]))
    got = [
        (i.article_id, i.language, len(c)) for i, c in (x for x in items if isinstance(x, tuple))
    ]
    assert got[0] == ("idmc-f2869b99ec", "fr", 0)
    assert got[1][:2] == ("idmc-716da77228", "en") and got[1][2] > 3
    assert got[2] == ("okapi", "fr", 0)
    warned = [e.article_id for e in items if isinstance(e, ErrorRecord)]
    assert warned == ["idmc-f2869b99ec", "okapi"]

    store = tmp_path / "claims.sqlite"
    result = check([batch], store=store, rules=[])
    assert {c.article_id for c in result.claims} == {"idmc-716da77228"}
    assert [e.article_id for e in result.errors] == ["idmc-f2869b99ec"]
    with Store(store) as db:
        stored = {a.article_id: a.language for a in db.articles()}
        assert stored == {"idmc-f2869b99ec": "fr", "idmc-716da77228": "en"}
        assert {c.article_id for c in db.claims()} == {"idmc-716da77228"}


def test_claims_stored_before_languages_were_known_are_dropped(tmp_path: Path) -> None:
    with IDMC.open(encoding="utf-8") as f:
        # Radio Okapi on floods in Tshikapa: the one idmc text not in English in which the
        # English extractor finds a figure ("75" read as a population)
        french = next(r for r in map(json.loads, f) if r["id"] == "idmc-575357c1ee")
    source = tmp_path / "fr.jsonl"
    source.write_text(json.dumps(french) + "\n", encoding="utf-8")
    store = tmp_path / "claims.sqlite"
    # an older checker stored it with (wrong) English claims
    check([source], store=store, rules=[], options=IngestOptions(detect_language=False))
    with Store(store) as db:
        assert [c.value for c in db.claims()] == [75.0]
    check([source], store=store, rules=[])
    with Store(store) as db:
        assert db.claims() == []
        assert [a.language for a in db.articles()] == ["fr"]


def test_the_hook() -> None:
    article = Article("a", "x", None, "t", "text")
    assert not skips_extraction(article)
    assert not skips_extraction(Article("a", "x", None, "t", "text", language="en"))
    assert skips_extraction(Article("a", "x", None, "t", "text", language="fr"))


def test_help_loads_none_of_the_format_libraries() -> None:
    code = (
        "import sys, checker.cli\n"
        "heavy = {'trafilatura', 'feedparser', 'pdfminer', 'py3langid', 'lxml'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_engine_skips_the_same_articles(tmp_path: Path) -> None:
    """Two processes (--jobs 2) and the Dask engine's partition step skip what one does."""
    from checker.run.dask import _extract_partition

    source = tmp_path / "idmc.jsonl"
    with IDMC.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f][:60]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    def shape(jobs: int) -> list[tuple[str, str | None, int]]:
        return [
            (a.article_id, a.language, len(c))
            for a, c in (i for i in extract([source], jobs=jobs) if isinstance(i, tuple))
        ]

    one = shape(1)
    assert any(lang not in ("en", None) for _, lang, _ in one)
    assert all(n == 0 for _, lang, n in one if lang not in ("en", None))
    assert shape(2) == one
    articles = [a for a in read_articles([source]) if isinstance(a, Article)]
    failures, frame = _extract_partition(articles)
    assert failures == [None] * len(articles)
    per_article = frame.groupby("article_id").size().to_dict()
    assert {aid: n for aid, _, n in one if n} == per_article


def test_the_model_loaded_ahead_in_a_thread_gives_the_same_languages() -> None:
    """checker.run.local starts the model's load in a thread on a run of batches: a text
    that needs it waits for that load, and reads as it would have; a load that failed there
    is tried again by the text that needs it, and raises there."""
    code = (
        "import threading\n"
        "from checker.ingest import language as L\n"
        "fr = ('Inondations', 'Des centaines de personnes ont été évacuées après les pluies '\n"
        "      'torrentielles qui ont frappé la région pendant trois jours, selon la ville.')\n"
        "L.prefetch_model(); L.prefetch_model()  # the second: already loading\n"
        "print(L.detect_language(*fr), L._identifier is not None)\n"
        "L._identifier, L._prefetching = None, False\n"
        "import py3langid.langid as P\n"
        "keep = P.LanguageIdentifier.from_model_file\n"
        "def broken(*a, **k):\n"
        "    raise OSError('no model')\n"
        "P.LanguageIdentifier.from_model_file = broken\n"
        "L.prefetch_model()\n"
        "[t.join() for t in threading.enumerate() if t.name == 'checker-language-model']\n"
        "P.LanguageIdentifier.from_model_file = keep\n"
        "print(L.detect_language(*fr))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.split() == ["fr", "True", "fr"]
