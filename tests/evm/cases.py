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


# ---------------------------------------------------------------------------------------------
# Collection curves: (spot, delta, n, fee, protocol_fee) in ICurve's units
# ---------------------------------------------------------------------------------------------

MAX_TIME_EXPONENT = 10 * WAD


def amount(r: random.Random) -> int:
    """A uint128 token amount: realistic (up to 1e24 wei) or anywhere, edges included."""
    return r.getrandbits(r.randint(0, 80)) if r.random() < 0.6 else uint(r, 128)


def item_count(r: random.Random, around: int = 0) -> int:
    """numItems: mostly small, sometimes at `around` (a curve's own limit), sometimes anything."""
    roll = r.random()
    if roll < 0.6:
        return r.randint(0, 60)
    if roll < 0.8 and around:
        return max(0, around + r.randint(-2, 2))
    return uint(r) if r.random() < 0.5 else r.getrandbits(r.randint(0, 128))


def fees(r: random.Random) -> tuple[int, int]:
    return wad_fraction(r), wad_fraction(r)


def linear_case(r: random.Random) -> tuple[int, ...]:
    spot, delta = amount(r), amount(r) if r.random() < 0.8 else r.randint(0, 10)
    # Around spot / delta a sell stops at price zero; around (2^128 - spot) / delta a buy overflows.
    limit = spot // delta if delta and r.random() < 0.5 else ((MAX128 - spot) // delta if delta else 0)
    return (spot, delta, item_count(r, limit), *fees(r))


def exponential_case(r: random.Random) -> tuple[int, ...]:
    roll = r.random()
    if roll < 0.7:
        delta = near(r, WAD + WAD // 2, WAD // 2)  # 1 .. 2, where pools live
    elif roll < 0.8:
        delta = r.choice([WAD, WAD - 1, WAD + 1, 0, 1, 2 * WAD])
    else:
        delta = uint(r, 128)
    return (amount(r), delta, item_count(r), *fees(r))


def xyk_case(r: random.Random) -> tuple[int, ...]:
    token_reserve = amount(r)
    nft_reserve = r.randint(0, 200) if r.random() < 0.6 else uint(r, 128)
    roll = r.random()
    if roll < 0.5:
        n = r.randint(0, nft_reserve + 2)
    elif roll < 0.6:
        n = near(r, MAX128 - nft_reserve, 2)  # y + n at the uint128 limit: DELTA_OVERFLOW
    else:
        n = item_count(r, nft_reserve)
    return (token_reserve, nft_reserve, n, *fees(r))


def gda_params(r: random.Random) -> tuple[int, int, int, int]:
    """(alpha9, lambda9, t0, timestamp): 9-decimal alpha and lambda as packed in a GDA delta, and
    a quote time whose exponent lambda (timestamp - t0) spans 0 .. 12e18 (the cap at 10 and the
    uncapped 10 .. 11), with timestamp < t0 and a product past 2^256 now and then."""
    alpha9 = near(r, 15 * 10**8, 5 * 10**8) if r.random() < 0.85 else uint(r, 40)
    lambda9 = r.choice([0, 1, r.randint(0, 10**9), r.randint(0, 2**40 - 1)])
    t0 = uint(r, 48) if r.random() < 0.5 else r.randint(1_600_000_000, 1_900_000_000)
    roll = r.random()
    if roll < 0.1:
        timestamp = t0 - r.randint(1, 1000)  # before the auction started: Panic 0x11
    elif roll < 0.15:
        timestamp = MAX256 - r.randint(0, 2**64)  # lambda (timestamp - t0) past 2^256
    elif roll < 0.9 and lambda9:
        exponent = r.randint(0, 12 * WAD) if r.random() < 0.7 else near(r, r.choice([10, 11]) * WAD, 10**9)
        timestamp = t0 + exponent // (lambda9 * 10**9)
    else:
        timestamp = t0 + r.randint(0, 10**6)
    return alpha9, lambda9, t0, max(0, timestamp)


def gda_item_count(r: random.Random) -> int:
    """Mostly few items: alpha^n leaves UD60x18's range after a few hundred."""
    return r.randint(0, 60) if r.random() < 0.8 else item_count(r)


def pack_gda_delta(alpha9: int, lambda9: int, t0: int) -> int:
    return (alpha9 << 88) | (lambda9 << 48) | t0


def gda_compat_case(r: random.Random) -> tuple[int, ...]:
    """(spot, packed delta, n, fee, protocol_fee, timestamp) for getBuyInfoAt / getSellInfoAt."""
    alpha9, lambda9, t0, timestamp = gda_params(r)
    spot = near(r, WAD, WAD) if r.random() < 0.5 else amount(r)
    return (spot, pack_gda_delta(alpha9, lambda9, t0), gda_item_count(r), *fees(r), timestamp)


def gda_exact_case(r: random.Random) -> tuple[int, ...]:
    """(spot, alpha, lambda, t0, now, n, fee, protocol_fee) with 18-decimal alpha and lambda."""
    alpha9, lambda9, t0, now = gda_params(r)
    alpha = alpha9 * 10**9 + r.randint(0, 10**9 - 1) if r.random() < 0.9 else uint(r)
    decay = lambda9 * 10**9 + r.randint(0, 10**9 - 1) if r.random() < 0.9 else uint(r, 80)
    if r.random() < 0.05:
        t0, now = uint(r), uint(r)
    spot = near(r, WAD, WAD) if r.random() < 0.5 else amount(r)
    return (spot, alpha, decay, t0, now, gda_item_count(r), *fees(r))


# ---------------------------------------------------------------------------------------------
# Stress levels, half-spread models and absorption caps (cushion.exact.HalfSpread / AbsorptionCap)
# ---------------------------------------------------------------------------------------------

STRESS_EDGES = (0, 1, 2, WAD // 2, WAD - 1, WAD)


def stress(r: random.Random, invalid: float = 0.03) -> int:
    """A WAD stress level: the edges, uniform in [0, 1e18], and now and then above 1e18."""
    roll = r.random()
    if roll < invalid:
        return r.choice([WAD + 1, 2 * WAD, uint(r)]) if r.random() < 0.8 else WAD + r.randint(1, 10**6)
    if roll < 0.3:
        return r.choice(STRESS_EDGES)
    return r.randint(0, WAD)


def stress_exponent(r: random.Random, invalid: float = 0.02) -> int:
    """p of s^p: mostly 0..4, up to the limit 64, now and then past it."""
    roll = r.random()
    if roll < invalid:
        return r.choice([65, 66, 1000, uint(r)])
    return r.randint(0, 4) if roll < 0.8 else r.choice([0, 63, 64, r.randint(0, 64)])


def half_spread_model(r: random.Random, invalid: float = 0.04) -> tuple[int, int, int, int]:
    """(base, slope, exponent, cap) in bps: realistic, at the limits (cap 9999, base == cap, a
    slope near 2^256 that saturates at the cap) and, with probability ~invalid, refused."""
    cap = r.choice([500, 9999, 0, r.randint(0, 9999), r.randint(0, 1000)])
    base = r.choice([0, cap, r.randint(0, cap), min(cap, 30)])
    slope = r.choice([470, 0, r.randint(0, 20_000), r.randint(0, 10**6), uint(r), MAX256, MAX256 - base])
    exponent = stress_exponent(r, invalid / 2)
    if r.random() < invalid:
        if r.random() < 0.5:
            cap = r.choice([10_000, 10_001, uint(r) | 2**20])  # HalfSpreadCapTooLarge
        else:
            base = cap + r.randint(1, 100)  # HalfSpreadBaseAboveCap (or the cap, when cap is bad too)
    return base, slope, exponent, cap


def st_half_spread_model() -> st.SearchStrategy[tuple[int, int, int, int]]:
    """Hypothesis: mostly valid models, every check reachable."""
    valid = st.integers(0, 9999).flatmap(lambda cap: st.tuples(
        st.integers(0, cap), st.one_of(st.integers(0, 20_000), st_uint()), st.integers(0, 64), st.just(cap)))
    anything = st.tuples(st.integers(0, 10_050), st_uint(), st.integers(0, 70), st.integers(0, 10_050))
    return st.one_of(valid, valid, valid, anything)


def st_stress() -> st.SearchStrategy[int]:
    return st.one_of(st.sampled_from(STRESS_EDGES), st.integers(0, WAD), st.integers(0, WAD),
                     st.integers(WAD, WAD + 2), st_uint())


def cap_range(r: random.Random, scale: int, invalid: float = 0.03) -> tuple[int, int]:
    """(calm, severe) of one limit: unlimited, constant, shrinking, near 2^256; now and then refused
    (severe > calm, or only one side unlimited)."""
    scale = min(scale, MAX256 - 1)
    roll = r.random()
    if roll < invalid:
        calm = r.randint(0, min(scale, MAX256 - 2))
        above = min(MAX256 - 1, calm + r.randint(1, scale + 1))
        return r.choice([(calm, above), (MAX256, calm), (calm, MAX256)])
    if roll < 0.3:
        return MAX256, MAX256
    if roll < 0.4:
        calm = r.choice([MAX256 - 1, 2**255, min(uint(r), MAX256 - 1)])  # finite: 2^256 - 1 means unlimited
        return calm, r.randint(0, calm)
    calm = r.randint(0, scale)
    severe = r.choice([calm, 0, r.randint(0, calm), calm // 2])
    return calm, severe


def absorption_cap(r: random.Random, items_scale: int = 40, notional_scale: int = 60 * WAD,
                   invalid: float = 0.03) -> tuple[int, ...]:
    """The 10 words of an AbsorptionCap: four (calm, severe) ranges, window_blocks, exponent."""
    words: list[int] = []
    for scale in (items_scale, notional_scale, 4 * items_scale, 4 * notional_scale):
        words.extend(cap_range(r, scale, invalid))
    roll = r.random()
    if roll < invalid:
        window = r.choice([0, 1_000_001, 2**31])
    else:
        window = r.choice([1, 2, 3, 5, 10, r.randint(1, 40), r.randint(1, 300)])
    return (*words, window, stress_exponent(r, invalid))
