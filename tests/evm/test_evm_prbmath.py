"""PRBMath v3.3.2 UD60x18 (cushion.num.prbmath) against contracts/math/UD60x18Math.sol on the
EVM, bit for bit; custom errors must carry the same PRBMath error name."""

from __future__ import annotations

import random
from decimal import Decimal, getcontext

from hypothesis import strategies as st

from cushion.num import prbmath
from cases import MAX256, WAD, near, st_uint, uint
from harness import ParitySpec, parity_tests

EXP2_LIMIT = 192 * WAD


def mul18_case(r: random.Random) -> tuple[int, int]:
    """(x, y) with x y / 2^256 at the edge of 1e18 (mulDiv18's overflow), or anywhere."""
    x = uint(r)
    if x and r.random() < 0.4:
        return x, near(r, (WAD << 256) // x, 2)
    return x, uint(r)


def div_case(r: random.Random) -> tuple[int, int]:
    roll = r.random()
    if roll < 0.25:  # x 1e18 at the edge of 2^256, with y = 0: Panic(0x12) or MulDiv_Overflow
        return near(r, MAX256 // WAD, 2), r.choice([0, 0, 1, uint(r)])
    if roll < 0.45:  # a quotient at the edge of 2^256
        x = uint(r)
        return x, max(0, ((x * WAD) >> 256) + r.randint(-1, 1))
    return uint(r), uint(r)


def mul_div_case(r: random.Random) -> tuple[int, int, int]:
    a, b = uint(r), uint(r)
    roll = r.random()
    if roll < 0.35:
        return a, b, max(0, ((a * b) >> 256) + r.randint(-2, 2))
    return a, b, uint(r)


def powu_case(r: random.Random) -> tuple[int, int]:
    roll = r.random()
    if roll < 0.5:  # GDA's alpha^n
        return near(r, 11 * WAD // 10, WAD // 10), r.randint(0, 2000)
    if roll < 0.7:  # below 1: the truncation compounds toward 0
        return r.randint(0, WAD), r.randint(0, 500)
    return uint(r), (r.randint(0, 40) if r.random() < 0.8 else uint(r))


def log2_case(r: random.Random) -> tuple[int]:
    roll = r.random()
    if roll < 0.2:  # exact powers of two (the early return) and their neighbours
        return (near(r, WAD << r.randint(0, 190), 1),)
    if roll < 0.3:
        return (r.randint(0, WAD),)
    return (max(uint(r), r.randint(0, 4 * WAD)) if r.random() < 0.3 else uint(r),)


def exp2_case(r: random.Random) -> tuple[int]:
    roll = r.random()
    if roll < 0.15:
        return (near(r, EXP2_LIMIT, 3),)
    if roll < 0.3:  # whole numbers (no fractional bits) and their neighbours
        return (near(r, r.randint(0, 192) * WAD, 1),)
    if roll < 0.85:
        return (r.randint(0, EXP2_LIMIT + WAD),)
    return (uint(r),)


def pow_case(r: random.Random) -> tuple[int, int]:
    roll = r.random()
    if roll < 0.3:  # GDA's pow(2e18, lambda t), with the exponent around the 10-11 cap
        return 2 * WAD, r.randint(0, 12 * WAD)
    if roll < 0.4:  # 0 < x < 1: v3.3.2 reverts in log2 unless y == 1e18
        return r.randint(0, WAD), r.choice([0, WAD, uint(r)])
    x = max(WAD, uint(r)) if r.random() < 0.8 else uint(r)
    # Aim log2(x) y / 1e18 at [0, 200e18): through exp2's 192e18 limit.
    log2_estimate = max(1, (x // WAD).bit_length() - 1) * WAD
    y = r.randint(0, 200 * WAD) * WAD // log2_estimate
    return x, (y if r.random() < 0.8 else r.choice([0, WAD, uint(r)]))


U = st_uint()
SPECS = [
    ParitySpec("num.prbmath.mul", "NumHarness", "prbmathMul", lambda x, y: (prbmath.mul(x, y),), mul18_case,
               st.tuples(U, U)),
    ParitySpec("num.prbmath.mul_div18", "NumHarness", "prbmathMulDiv18", lambda x, y: (prbmath.mul_div18(x, y),),
               mul18_case, st.tuples(U, U)),
    ParitySpec("num.prbmath.div", "NumHarness", "prbmathDiv", lambda x, y: (prbmath.div(x, y),), div_case,
               st.tuples(U, U)),
    ParitySpec("num.prbmath.mul_div", "NumHarness", "prbmathMulDiv", lambda x, y, d: (prbmath.mul_div(x, y, d),),
               mul_div_case, st.tuples(U, U, U)),
    ParitySpec("num.prbmath.powu", "NumHarness", "prbmathPowu", lambda x, y: (prbmath.powu(x, y),), powu_case,
               st.tuples(st.one_of(U, st.integers(WAD, 2 * WAD)), st.one_of(st.integers(0, 3000), U))),
    ParitySpec("num.prbmath.log2", "NumHarness", "prbmathLog2", lambda x: (prbmath.log2(x),), log2_case,
               st.tuples(U)),
    ParitySpec("num.prbmath.exp2", "NumHarness", "prbmathExp2", lambda x: (prbmath.exp2(x),), exp2_case,
               st.tuples(st.one_of(U, st.integers(0, EXP2_LIMIT + WAD)))),
    ParitySpec("num.prbmath.pow", "NumHarness", "prbmathPow", lambda x, y: (prbmath.pow(x, y),), pow_case,
               st.tuples(st.one_of(U, st.integers(WAD, 2**128)), st.one_of(U, st.integers(0, 200 * WAD)))),
]


test_random_cases, test_hypothesis_cases = parity_tests(SPECS)


def test_exp2_factors_are_two_to_the_minus_k_rounded_to_nearest(chain):
    """exp2's 64 magic factors (a table in UD60x18Math.sol): factor k is 2^(2^(k-64)) in 64.64
    fixed point, rounded to nearest; checked against a 60-digit evaluation."""
    getcontext().prec = 60
    ln2 = Decimal(2).ln()
    factors = chain.run("NumHarness", "prbmathExp2Factor", [(k,) for k in range(64)])
    for k, (status, (factor,)) in enumerate(factors):
        exact = (ln2 * Decimal(2) ** (k - 64)).exp() * Decimal(2) ** 64
        assert status == "ok" and factor == int(exact.to_integral_value()), k


def test_custom_errors_are_prbmath_selectors(artifacts):
    """The contracts' PRBMath errors have PRBMath's selectors (known from its deployed code)."""
    by_name = {name: sel.hex() for sel, name in artifacts.errors.items()}
    assert by_name["PRBMath_MulDiv18_Overflow"] == "5173648d"
    assert by_name["PRBMath_MulDiv_Overflow"] == "63a05778"
