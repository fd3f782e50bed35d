"""FullMath (cushion.num.mul_div, mulmod) and solmate (cushion.num.solmate) against
contracts/math/FullMath.sol and FixedPointMath.sol on the EVM, bit for bit, reverts included."""

from __future__ import annotations

import random

from hypothesis import strategies as st

from cushion import num
from cushion.num import solmate
from cases import MAX256, WAD, near, st_uint, uint
from harness import ParitySpec, parity_tests


def product_boundary_case(r: random.Random) -> tuple[int, int, int]:
    """(a, b, d) with d around the 512-bit product's high word: the edge of 'the quotient fits'."""
    a, b = uint(r), uint(r)
    return a, b, near(r, (a * b) >> 256, 2)


def ceil_overflow_case(r: random.Random) -> tuple[int, int, int]:
    """(a, b, d) with floor(a b / d) == 2^256 - 1 and a remainder: rounding up must revert."""
    d = r.randint(3, MAX256 // 2)
    b = d + 1
    a = -(-(MAX256 * d + 1) // b)
    return a, b, d


def mul_div_case(r: random.Random) -> tuple[int, int, int]:
    roll = r.random()
    if roll < 0.3:
        return product_boundary_case(r)
    if roll < 0.4:
        return ceil_overflow_case(r)
    a, b = uint(r), uint(r)
    if roll < 0.6:  # quotient near 2^256: d just above the product / 2^256
        return a, b, min(MAX256, max(0, (a * b) // MAX256 + r.randint(-1, 2)))
    return a, b, uint(r)


def product_fits_case(r: random.Random) -> tuple[int, int]:
    """(x, y) with x y at the edge of 2^256 (solmate's overflow check) or anywhere."""
    y = uint(r)
    if y and r.random() < 0.5:
        return near(r, MAX256 // y, 2), y
    return uint(r), y


def solmate_mul_div_case(r: random.Random) -> tuple[int, int, int]:
    x, y = product_fits_case(r)
    return x, y, (uint(r) if r.random() < 0.7 else r.choice([0, 1, 2, WAD]))


def wad_case(r: random.Random) -> tuple[int, int]:
    x, y = product_fits_case(r)
    if r.random() < 0.3:  # the WAD-scale products of the curves
        return r.getrandbits(r.randint(0, 130)), r.getrandbits(r.randint(0, 70))
    return (x, y) if r.random() < 0.5 else (y, x)


def div_wad_case(r: random.Random) -> tuple[int, int]:
    roll = r.random()
    if roll < 0.3:  # x 1e18 at the edge of 2^256
        return near(r, MAX256 // WAD, 2), uint(r)
    if roll < 0.4:
        return uint(r), 0
    return uint(r), uint(r)


def rpow_case(r: random.Random) -> tuple[int, int, int]:
    roll = r.random()
    if roll < 0.4:  # the exponential curve's delta^n and (1/delta)^n
        x, n = near(r, WAD, WAD // 2), r.randint(0, 400)
    elif roll < 0.55:  # around the x < 2^128 squaring limit
        x, n = near(r, 2**128, 2**64) if r.random() < 0.5 else near(r, 2**128, 3), r.randint(0, 8)
    elif roll < 0.7:  # z * x past 2^256
        x, n = r.getrandbits(r.randint(100, 140)), r.randint(2, 12)
    else:
        x, n = uint(r), uint(r) if r.random() < 0.2 else r.randint(0, 300)
    scalar = WAD if r.random() < 0.7 else r.choice([0, 1, 2, 10**6, uint(r, 70), uint(r)])
    return x, n, scalar


SPECS = [
    ParitySpec("num.mul_div", "NumHarness", "fullMathMulDiv",
               lambda a, b, d: (num.mul_div(a, b, d),), mul_div_case, st.tuples(st_uint(), st_uint(), st_uint())),
    ParitySpec("num.mul_div(up)", "NumHarness", "fullMathMulDivRoundingUp",
               lambda a, b, d: (num.mul_div(a, b, d, "up"),), mul_div_case,
               st.tuples(st_uint(), st_uint(), st_uint())),
    ParitySpec("num.mulmod", "NumHarness", "mulMod",
               lambda a, b, d: (num.mulmod(a, b, d),), mul_div_case, st.tuples(st_uint(), st_uint(), st_uint())),
    ParitySpec("num.solmate.mul_div_down", "NumHarness", "mulDivDown",
               lambda x, y, d: (solmate.mul_div_down(x, y, d),), solmate_mul_div_case,
               st.tuples(st_uint(), st_uint(), st_uint())),
    ParitySpec("num.solmate.mul_div_up", "NumHarness", "mulDivUp",
               lambda x, y, d: (solmate.mul_div_up(x, y, d),), solmate_mul_div_case,
               st.tuples(st_uint(), st_uint(), st_uint())),
    ParitySpec("num.solmate.mul_wad_down", "NumHarness", "mulWadDown",
               lambda x, y: (solmate.mul_wad_down(x, y),), wad_case, st.tuples(st_uint(), st_uint())),
    ParitySpec("num.solmate.mul_wad_up", "NumHarness", "mulWadUp",
               lambda x, y: (solmate.mul_wad_up(x, y),), wad_case, st.tuples(st_uint(), st_uint())),
    ParitySpec("num.solmate.div_wad_down", "NumHarness", "divWadDown",
               lambda x, y: (solmate.div_wad_down(x, y),), div_wad_case, st.tuples(st_uint(), st_uint())),
    ParitySpec("num.solmate.div_wad_up", "NumHarness", "divWadUp",
               lambda x, y: (solmate.div_wad_up(x, y),), div_wad_case, st.tuples(st_uint(), st_uint())),
    ParitySpec("num.solmate.rpow", "NumHarness", "rpow",
               lambda x, n, s: (solmate.rpow(x, n, s),), rpow_case,
               st.tuples(st.one_of(st_uint(), st.integers(WAD // 2, 2 * WAD)),
                         st.one_of(st.integers(0, 300), st_uint()),
                         st.one_of(st.just(WAD), st_uint(70), st_uint()))),
]


test_random_cases, test_hypothesis_cases = parity_tests(SPECS)


def test_structured_edges_are_reached(chain):
    """The generators do reach the edges they are written for (a guard against a generator that
    silently stops producing reverts): ceil overflow, solmate's product overflow, rpow's limit."""
    r = random.Random(1)
    cases = [ceil_overflow_case(r) for _ in range(50)]
    assert all(o == ("revert", "empty") for o in chain.run("NumHarness", "fullMathMulDivRoundingUp", cases))
    assert all(o[0] == "ok" and o[1][0] == MAX256 for o in chain.run("NumHarness", "fullMathMulDiv", cases))
    assert chain.call("NumHarness", "mulWadDown", 2**128, 2**128) == ("revert", "empty")
    assert chain.call("NumHarness", "rpow", 2**128, 2, WAD) == ("revert", "empty")
    assert chain.call("NumHarness", "rpow", 2**128 - 1, 2, WAD)[0] == "ok"
