"""Random test cases with the edges over-represented, reproducible from a seed.

Every generator takes a ``random.Random``; :func:`rng` seeds one per function label (and
CUSHION_EVM_SEED, default 0), so a failure reproduces by label and seed alone.
"""

from __future__ import annotations

import os
import random
import zlib

from hypothesis import strategies as st

MAX256 = 2**256 - 1
MAX128 = 2**128 - 1
WAD = 10**18

#: Values where integer code goes wrong: the ends of the types, powers of two, the WAD scale,
#: and the curves' MIN_PRICEs (1e6 and 1e9 wei).
EDGES = sorted({
    0, 1, 2, 3, 10**6, 10**9, WAD - 1, WAD, WAD + 1, 2 * WAD, 2**64 - 1, 2**64, 2**64 + 1,
    2**127, MAX128 - 1, MAX128, 2**128, 2**128 + 1, 2**192, 2**255, MAX256 - 1, MAX256,
})


def rng(label: str) -> random.Random:
    """A generator seeded by the function label and CUSHION_EVM_SEED."""
    seed = int(os.environ.get("CUSHION_EVM_SEED", "0"))
    return random.Random(zlib.crc32(label.encode()) ^ (seed * 0x9E3779B1))


def uint(r: random.Random, bits: int = 256) -> int:
    """An int in [0, 2**bits): an edge, an edge +- a little, or uniform at a random bit length."""
    top = 2**bits - 1
    roll = r.random()
    if roll < 0.15:
        return r.choice([e for e in EDGES if e <= top])
    if roll < 0.25:
        return min(top, max(0, r.choice(EDGES) + r.randint(-3, 3)))
    if roll < 0.35:
        return r.randint(0, top)
    return r.getrandbits(r.randint(0, bits))


def near(r: random.Random, center: int, spread: int, bits: int = 256) -> int:
    """center +- spread, clamped to [0, 2**bits)."""
    return min(2**bits - 1, max(0, center + r.randint(-spread, spread)))


def wad_fraction(r: random.Random) -> int:
    """A fee multiplier: usually a realistic fraction of 1e18, sometimes anything."""
    roll = r.random()
    if roll < 0.2:
        return 0
    if roll < 0.8:
        return r.randint(0, WAD // 5)
    if roll < 0.9:
        return r.randint(0, 2 * WAD)
    return uint(r)


def st_uint(bits: int = 256) -> st.SearchStrategy[int]:
    """Hypothesis: ints in [0, 2**bits) with the edges over-represented."""
    top = 2**bits - 1
    return st.one_of(
        st.sampled_from([e for e in EDGES if e <= top]),
        st.integers(0, top),
        st.integers(0, min(top, 2**64)),
        st.integers(0, min(top, 10**24)),
    )
