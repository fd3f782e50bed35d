"""Differential tests: the C++ PRBMath v3.3.2 port, through its Python bindings
(``cushion.num.prbmath``), against the independent pure-Python reference
``tests/python/reference/prbmath.py``.

Both sides take and return Python ints (raw uint256 values; a UD60x18 is value / 1e18).  A revert
is ``cushion.Revert`` on the binding side and ``RefRevert`` on the reference side; they must agree
on the kind ('overflow', 'underflow', 'division_by_zero', 'custom') and, for 'custom', on the
reason, which is the PRBMath custom error's name (e.g. 'PRBMath_MulDiv18_Overflow').
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:  # make `reference` importable whatever pytest's import mode is
    sys.path.insert(0, _HERE)

from reference import prbmath as ref  # noqa: E402
from reference.errors import RefRevert  # noqa: E402

import cushion  # noqa: E402

prb = cushion.num.prbmath

UNIT = ref.UNIT
MAX = ref.MAX_UINT256
# At least 2000 examples per function; a profile asking for more (conftest's "long") gets more.
EXAMPLES = max(2000, settings().max_examples)

# ---------------------------------------------------------------------------------------------
# Outcomes
# ---------------------------------------------------------------------------------------------


def _ref_outcome(fn, *args):
    try:
        return ("value", fn(*args))
    except RefRevert as e:
        return ("revert", e.kind, e.reason if e.kind == "custom" else None)


def _cpp_outcome(fn, *args):
    try:
        result = fn(*args)
    except cushion.Revert as e:
        kind = str(getattr(e.kind, "value", e.kind))  # RevertKind is a str enum: compare its value
        return ("revert", kind, e.reason if kind == "custom" else None)
    assert isinstance(result, int), f"expected an int, got {type(result).__name__}"
    return ("value", result)


def check(name: str, *args: int) -> None:
    expected = _ref_outcome(getattr(ref, name), *args)
    actual = _cpp_outcome(getattr(prb, name), *args)
    assert actual == expected, f"{name}{args}: binding {actual} != reference {expected}"


# ---------------------------------------------------------------------------------------------
# Strategies
# ---------------------------------------------------------------------------------------------

EDGES = sorted(
    {
        0, 1, 2, 3,
        UNIT - 1, UNIT, UNIT + 1, 2 * UNIT - 1, 2 * UNIT, 2 * UNIT + 1, ref.HALF_UNIT,
        2**64 - 1, 2**64, 2**64 + 1, 2**128 - 1, 2**128, 2**128 + 1, 2**192, 2**255,
        MAX - 1, MAX, ref.MAX_WHOLE_UD60X18, ref.MAX_WHOLE_UD60X18 + 1, MAX // UNIT, MAX // UNIT + 1,
        ref.EXP2_INPUT_LIMIT - 1, ref.EXP2_INPUT_LIMIT, ref.EXP2_INPUT_LIMIT + 1,
        ref.EXP_INPUT_LIMIT - 1, ref.EXP_INPUT_LIMIT, ref.EXP_INPUT_LIMIT + 1,
        (UNIT << 64) - 1, UNIT << 64, (UNIT << 64) + 1,
        340282366920938463463374607431_768211455999999999,  # sqrt(MAX_UD60x18) in UD60x18
        340282366920938463463374607431_768211456000000000,
        ref.E, ref.PI,
    }
)

edge = st.sampled_from(EDGES)
# A uint256 with a random number of significant bits, so every limb count is exercised.
sized = st.integers(0, 256).flatmap(lambda bits: st.integers(0, (1 << bits) - 1))
word = st.one_of(edge, sized, st.integers(0, MAX), st.integers(0, 100 * UNIT))
near_edge = st.tuples(edge, st.integers(-3, 3)).map(lambda t: min(MAX, max(0, t[0] + t[1])))
at_least_one = st.one_of(st.integers(UNIT, MAX), st.integers(UNIT, 2**70), st.integers(UNIT, 2 * UNIT))
exp2_input = st.one_of(
    st.integers(0, ref.EXP2_INPUT_LIMIT + UNIT),
    st.integers(ref.EXP2_INPUT_LIMIT - 10**6, ref.EXP2_INPUT_LIMIT + 10**6),
    st.integers(0, 12 * UNIT),
)


@st.composite
def mul_div_args(draw):
    x, y = draw(word), draw(word)
    high = (x * y) >> 256
    d = draw(st.one_of(word, st.just(0), st.sampled_from([high, high + 1, max(high - 1, 0)]),
                       st.integers(0, 2**64), st.integers(2**64, 2**192)))
    return x, y, min(d, MAX)


@st.composite
def mul18_args(draw):
    """Operand pairs, a third of them right at mulDiv18's overflow edge x * y ~ 1e18 * 2^256."""
    x = draw(word)
    if x and draw(st.integers(0, 2)) == 0:
        y = min(MAX, (UNIT << 256) // x + draw(st.integers(-2, 2)))
        return x, max(y, 0)
    return x, draw(word)


@st.composite
def pow_args(draw):
    kind = draw(st.integers(0, 5))
    if kind == 0:  # sudoswap GDA: ud(2e18).pow(x) with x up to ~11e18
        return 2 * UNIT, draw(st.integers(0, 12 * UNIT))
    if kind == 1:  # ordinary bases and exponents
        return draw(st.integers(UNIT, 10**6 * UNIT)), draw(st.integers(0, 20 * UNIT))
    if kind == 2:  # near exp2's bound: log2(x) * y ~ 192e18
        x = draw(st.integers(UNIT + 1, MAX))
        y = (192 * UNIT * UNIT) // max(ref.log2(x), 1) + draw(st.integers(-10**6, 10**6))
        return x, min(max(y, 0), MAX)
    if kind == 3:  # bases below one (v3.3.2 reverts unless y == 1e18) and the special cases
        return draw(st.integers(0, 2 * UNIT)), draw(st.one_of(st.just(0), st.just(UNIT), st.integers(0, 5 * UNIT)))
    if kind == 4:  # huge exponents: mulDiv18 overflow inside pow
        return draw(st.integers(UNIT, MAX)), draw(st.one_of(st.integers(2**200, MAX), edge))
    return draw(word), draw(word)


@st.composite
def powu_args(draw):
    kind = draw(st.integers(0, 4))
    if kind == 0:  # sudoswap GDA: alpha.powu(numItems), alpha slightly above one
        return draw(st.integers(9 * UNIT // 10, 11 * UNIT // 10)), draw(st.integers(0, 2000))
    if kind == 1:
        return draw(st.integers(0, 2**130)), draw(st.integers(0, 64))
    if kind == 2:  # bases up to one with huge exponents
        return draw(st.integers(0, UNIT)), draw(st.one_of(word, st.just(MAX), st.just(2**255)))
    if kind == 3:  # big bases, small exponents: overflow at some step
        return draw(st.integers(2**60, MAX)), draw(st.integers(0, 8))
    return draw(word), draw(word)


FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ---------------------------------------------------------------------------------------------
# Hypothesis: >= 2000 examples per function
# ---------------------------------------------------------------------------------------------


@FAST
@given(mul_div_args())
def test_mul_div(args):
    check("mul_div", *args)


@FAST
@given(mul18_args())
def test_mul_div18(args):
    check("mul_div18", *args)


@FAST
@given(mul18_args())
def test_mul(args):
    check("mul", *args)


@FAST
@given(st.one_of(word, near_edge), st.one_of(word, near_edge, st.just(0), st.integers(0, 2**70)))
def test_div(x, y):
    check("div", x, y)


@FAST
@given(st.one_of(at_least_one, word, near_edge))
def test_log2(x):
    check("log2", x)


@FAST
@given(st.one_of(exp2_input, word, near_edge))
def test_exp2(x):
    check("exp2", x)


@FAST
@given(pow_args())
def test_pow(args):
    check("pow", *args)


@FAST
@given(powu_args())
def test_powu(args):
    check("powu", *args)


# ---------------------------------------------------------------------------------------------
# The full grid of edge values, deterministically
# ---------------------------------------------------------------------------------------------

GRID = [0, 1, UNIT - 1, UNIT, UNIT + 1, 2 * UNIT, 2**128 - 1, 2**128 + 1, ref.EXP2_INPUT_LIMIT - 1,
        ref.EXP2_INPUT_LIMIT, ref.MAX_WHOLE_UD60X18, MAX]


@pytest.mark.parametrize("name", ["log2", "exp2"])
def test_unary_edges(name):
    for x in EDGES:
        check(name, x)


@pytest.mark.parametrize("name", ["mul", "div", "pow", "powu", "mul_div18"])
def test_binary_edges(name):
    for x, y in itertools.product(GRID, repeat=2):
        check(name, x, y)


def test_mul_div_edges():
    for x, y, d in itertools.product([0, 1, UNIT, 2**128 - 1, 2**128 + 1, MAX], repeat=3):
        check("mul_div", x, y, d)


# ---------------------------------------------------------------------------------------------
# A few published PRBMath vectors, checked on the binding directly
# ---------------------------------------------------------------------------------------------


def test_published_vectors():
    assert prb.pow(2 * UNIT, 15 * 10**17) == 2_828427124746190097
    assert prb.pow(ref.PI, ref.PI) == 36_462159607207910473
    assert prb.exp2(ref.PI) == 8_824977827076287621
    assert prb.log2(ref.E) == 1_442695040888963394
    assert prb.powu(5_491 * 10**15, 19) == 113077820843204_476043049664958463
    assert prb.mul(ref.PI, ref.E) == 8_539734222673567063
    assert prb.div(22 * UNIT, 7 * UNIT) == 3_142857142857142857
    with pytest.raises(cushion.Revert) as info:
        prb.exp2(192 * UNIT)
    assert (info.value.kind, info.value.reason) == ("custom", "PRBMath_UD60x18_Exp2_InputTooBig")  # str enum
    with pytest.raises(cushion.Revert) as info:
        prb.pow(UNIT - 1, ref.PI)
    assert (info.value.kind, info.value.reason) == ("custom", "PRBMath_UD60x18_Log_InputTooSmall")
    with pytest.raises(cushion.Revert) as info:
        prb.div(UNIT, 0)
    assert info.value.kind == "division_by_zero"
