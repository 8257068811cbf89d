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
    from datasketch import MinHash  # imported here: datasketch loads numpy

    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - 4)}
    permutations, scheme = _permutations()
    m = MinHash(
        num_perm=NUM_PERM,
        seed=_SEED,
        hashfunc=_sha1_32,
        permutations=permutations,
        scheme=scheme,
    )
    m.update_batch(list(shingles))
    return tuple(int(v) for v in m.hashvalues)


def _sha1_32(data: bytes) -> int:
    """datasketch's default hash (``sha1_hash32``: SHA-1's first 4 bytes, little-endian),
    without its struct call."""
    return int.from_bytes(hashlib.sha1(data).digest()[:4], "little")


@functools.cache
def _permutations() -> tuple[Any, Any]:
    """The permutations of MinHash(NUM_PERM, _SEED) and their scheme, drawn once
    (datasketch draws them for every MinHash it makes)."""
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=_SEED)
    assert m.hashfunc.__name__ == "sha1_hash32", "_sha1_32 stands for datasketch's hash"
    return m.permutations, m.scheme


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
