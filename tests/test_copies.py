"""checker.ingest.copies: the MinHash signature computed with numpy is datasketch's, bit for
bit (stores written before keep finding their copies), and datasketch is not imported."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys

import pytest
from conftest import FAKES_CSV, ROOT

from checker.ingest.copies import _SEED, MIN_WORDS, NUM_PERM, SHINGLE_WORDS, signature


def _datasketch_signature(text: str) -> tuple[int, ...] | None:
    """The signature as checker made it with datasketch 2 (the reference)."""
    datasketch = pytest.importorskip("datasketch")
    words = re.findall(r"\w+", text.lower())
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - 4)}
    drawn = datasketch.MinHash(num_perm=NUM_PERM, seed=_SEED)
    m = datasketch.MinHash(
        num_perm=NUM_PERM,
        seed=_SEED,
        hashfunc=lambda d: int.from_bytes(hashlib.sha1(d).digest()[:4], "little"),
        permutations=drawn.permutations,
        scheme=drawn.scheme,
    )
    m.update_batch(list(shingles))
    return tuple(int(v) for v in m.hashvalues)


def _texts() -> list[str]:
    texts = [
        "too short to compare",
        " ".join(["word"] * 40),  # one shingle
        " ".join(f"w{i}" for i in range(5000)),  # thousands of shingles
        "Ünïcödé wörds ـ عربي " * 12,
    ]
    if FAKES_CSV.is_file():
        from checker.ingest import read_articles
        from checker.records import Article

        articles = [a for a in read_articles([FAKES_CSV]) if isinstance(a, Article)]
        texts += [f"{a.title}\n{a.text}" for a in articles[::20]]
    return texts


def test_the_signature_is_datasketchs_minhash() -> None:
    for text in _texts():
        assert signature(text) == _datasketch_signature(text)


def test_signing_a_text_does_not_import_datasketch() -> None:
    code = (
        "import sys\n"
        "from checker.ingest.copies import signature\n"
        "assert signature(' '.join(str(i) for i in range(100))) is not None\n"
        "assert 'datasketch' not in sys.modules and 'scipy' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
