"""Exact primitives (FullMath mul_div, solmate) against Python's unbounded ints."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cushion
from cushion import num
from cushion.num import solmate
from conftest import EDGES, MAX256, WAD, uint, scaled
from reference import evm
from reference.errors import RefRevert


def outcome(fn, *args):
    """('ok', value) or ('revert', kind) for either implementation."""
    try:
        return ("ok", fn(*args))
    except cushion.Revert as e:
        return ("revert", e.kind.value)
    except RefRevert as e:
        return ("revert", e.kind)


SOLMATE = [
    (solmate.mul_div_down, lambda x, y, d: evm.solmate_mul_div(x, y, d, False), 3),
    (solmate.mul_div_up, lambda x, y, d: evm.solmate_mul_div(x, y, d, True), 3),
    (solmate.mul_wad_down, evm.mul_wad_down, 2),
    (solmate.mul_wad_up, evm.mul_wad_up, 2),
    (solmate.div_wad_down, evm.div_wad_down, 2),
    (solmate.div_wad_up, evm.div_wad_up, 2),
]


@pytest.mark.parametrize("rounding", ["down", "up"])
@given(a=uint(), b=uint(), d=uint())
@settings(max_examples=scaled(1000))
def test_mul_div_matches_fullmath(rounding, a, b, d):
    mine = outcome(num.mul_div, a, b, d, rounding)
    ref = outcome(evm.fullmath_mul_div, a, b, d, rounding == "up")
    assert mine == ref


@given(a=uint(), b=uint(), d=uint())
@settings(max_examples=scaled(500))
def test_mulmod_matches_python(a, b, d):
    assert num.mulmod(a, b, d) == (a * b % d if d else 0)


@pytest.mark.parametrize("fn,ref,arity", SOLMATE, ids=[f[0].__name__ for f in SOLMATE])
@given(data=st.data())
@settings(max_examples=scaled(1000))
def test_solmate_matches_reference(fn, ref, arity, data):
    args = [data.draw(uint(), label=f"arg{i}") for i in range(arity)]
    assert outcome(fn, *args) == outcome(ref, *args)


@given(x=uint(130), n=st.one_of(st.integers(0, 300), uint()), scalar=st.one_of(st.just(WAD), uint(70)))
@settings(max_examples=scaled(1500))
def test_rpow_matches_reference(x, n, scalar):
    assert outcome(solmate.rpow, x, n, scalar) == outcome(evm.rpow, x, n, scalar)


def test_bulk_random_primitives():
    """Tens of thousands of mixed-magnitude cases, cheaper than Hypothesis per case."""
    rng = random.Random(20261121)

    def draw() -> int:
        r = rng.random()
        if r < 0.15:
            return rng.choice(EDGES)
        bits = rng.choice([8, 32, 64, 96, 128, 160, 200, 256])
        return rng.getrandbits(bits)

    for _ in range(20000):
        a, b, d = draw(), draw(), draw()
        up = rng.random() < 0.5
        assert outcome(num.mul_div, a, b, d, "up" if up else "down") == outcome(evm.fullmath_mul_div, a, b, d, up)
        fn, ref, arity = SOLMATE[rng.randrange(len(SOLMATE))]
        args = (a, b, d)[:arity]
        assert outcome(fn, *args) == outcome(ref, *args)
        x, n = rng.getrandbits(rng.choice([60, 61, 64, 100, 127, 128, 129])), rng.randrange(0, 70)
        assert outcome(solmate.rpow, x, n, WAD) == outcome(evm.rpow, x, n, WAD)


def test_known_values():
    assert num.mul_div(MAX256, MAX256, MAX256) == MAX256  # 512-bit intermediate
    assert num.mul_div(7, 3, 2, "up") == 11
    assert solmate.rpow(2 * WAD, 5, WAD) == 32 * WAD
    assert solmate.rpow(0, 0, WAD) == WAD
    assert solmate.rpow(0, 7, WAD) == 0
    assert solmate.mul_wad_up(1, 1) == 1 and solmate.mul_wad_down(1, 1) == 0
    with pytest.raises(cushion.Revert) as e:
        solmate.mul_wad_down(2**200, 2**60)  # FullMath would succeed; solmate reverts
    assert e.value.kind is cushion.RevertKind.OVERFLOW
    assert num.mul_div(2**200, 2**60, WAD) == 2**260 // WAD
    with pytest.raises(cushion.Revert) as e:
        num.mul_div(1, 1, 0)
    assert e.value.kind is cushion.RevertKind.DIVISION_BY_ZERO


@pytest.mark.parametrize(
    "bad,exc,words",
    [
        (-1, OverflowError, "'?a'? must be >= 0"),
        (2**256, OverflowError, "< 2\\*\\*256"),
        (1.5, TypeError, "must be an int, not float"),
        (True, TypeError, "not bool"),
        (None, TypeError, "not None"),
        ("5", TypeError, "not str"),
    ],
)
def test_bad_arguments_name_the_argument(bad, exc, words):
    with pytest.raises(exc, match=words):
        num.mul_div(bad, 1, 1)
    with pytest.raises(exc, match="^denominator"):
        num.mul_div(1, 1, bad)


def test_numpy_integers_are_ints():
    np = pytest.importorskip("numpy")
    assert num.mul_div(np.int64(6), np.uint64(7), 2) == 21
    with pytest.raises(OverflowError, match="^a must be >= 0"):
        num.mul_div(np.int64(-6), 7, 2)


def test_revert_pickles():
    import pickle

    e = cushion.Revert("overflow", "x")
    e2 = pickle.loads(pickle.dumps(e))
    assert e2.kind is cushion.RevertKind.OVERFLOW and e2.reason == "x" and str(e2) == str(e)
