"""Copies: articles whose text is the same or nearly the same (a wire story republished, one
text under two ids), found with MinHash over word shingles (``datasketch``).

Each article gets a signature: the MinHash of its 5-word shingles (:data:`NUM_PERM`
permutations). Two articles whose signatures agree on at least :data:`SIMILAR` of their
positions (an estimate of the Jaccard similarity of their shingles) are copies. To find the
candidates among every stored article without comparing with each, the signature is cut
into :data:`BANDS` bands; articles sharing a band's values are candidates (locality-
sensitive hashing: with 16 bands of 4 rows, pairs of similarity 0.8 share a band with a
probability above 0.999, pairs of 0.3 with 0.12). datasketch's own ``MinHashLSH`` keeps its
index in memory (or Redis, Cassandra); the bands are kept in the SQLite store instead
(``checker.store``), so copies are found across runs, and a CI run that checks one new
article looks up its 16 band keys, not the whole store.

The signature is datasketch 2's ``MinHash`` (its default "affine32" scheme: SHA-1's first
4 bytes of each shingle, mixed by MurmurHash3's finalizer, then 64 permutations
``a * h + b`` mod 2**32 drawn from ``RandomState(1)``), computed here with numpy: the same
values, bit for bit (tests/test_copies.py compares them), without importing datasketch,
whose package loads scipy (0.5 s of every run that stores an article).
"""

from __future__ import annotations

import functools
import hashlib
import re
import struct
from collections.abc import Sequence
from typing import Any

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 5
#: estimated Jaccard similarity of shingles from which two texts are copies
SIMILAR = 0.8
#: a text shorter than this many words has too few shingles to tell a copy: never one
MIN_WORDS = 30

_WORD = re.compile(r"\w+")
_SEED = 1


def signature(text: str) -> tuple[int, ...] | None:
    """The MinHash signature of a text's word shingles (None: too short to compare)."""
    import numpy as np  # imported here: ``import checker`` stays light

    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - 4)}
    digests = b"".join(hashlib.sha1(s).digest()[:4] for s in shingles)
    hashed = _fmix32(np.frombuffer(digests, dtype="<u4").astype(np.uint32).reshape(-1, 1))
    a, b = _permutations()
    with np.errstate(over="ignore"):
        permuted = hashed * a + b  # uint32: the wrap-around is the mod 2**32
    return tuple(int(v) for v in permuted.min(axis=0))


def _fmix32(hv: Any) -> Any:
    """MurmurHash3's 32-bit finalizer on an array of uint32 (datasketch's ``_fmix``)."""
    import numpy as np

    with np.errstate(over="ignore"):
        hv = hv ^ (hv >> np.uint32(16))
        hv = hv * np.uint32(0x85EBCA6B)
        hv = hv ^ (hv >> np.uint32(13))
        hv = hv * np.uint32(0xC2B2AE35)
        return hv ^ (hv >> np.uint32(16))


@functools.cache
def _permutations() -> tuple[Any, Any]:
    """The ``(a, b)`` of the NUM_PERM permutations, as datasketch 2 draws them for
    ``MinHash(NUM_PERM, seed=_SEED)`` (its "affine32" scheme: ``a`` odd)."""
    import numpy as np

    gen = np.random.RandomState(_SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def band_keys(sig: Sequence[int]) -> list[str]:
    """One key per band of the signature: articles sharing a key are candidate copies."""
    return [
        hashlib.blake2b(
            struct.pack(f"<{ROWS}Q", *sig[b * ROWS : (b + 1) * ROWS]), digest_size=8
        ).hexdigest()
        for b in range(BANDS)
    ]


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """The share of signature positions two signatures agree on (estimated Jaccard)."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def pack(sig: Sequence[int]) -> bytes:
    return struct.pack(f"<{len(sig)}Q", *sig)


def unpack(blob: bytes) -> tuple[int, ...]:
    return struct.unpack(f"<{len(blob) // 8}Q", blob)
