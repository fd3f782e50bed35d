"""cushion.sudoswap against sudoswap v2's published vectors and an independent
Python transcription of the four curves (tests/python/reference/sudoswap.py)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cushion
from cushion import sudoswap
from conftest import MAX128, WAD, outcome, scaled, uint
from reference import sudoswap as ref

E18 = 10**18
F, P = 5 * 10**15, 3 * 10**15  # the published tests' 0.5% trade fee and 0.3% protocol fee


def test_issue_example_exponential_buy():
    assert sudoswap.get_buy_info("exponential", 3 * 10**18, 2 * 10**18, 5, 5 * 10**15, 3 * 10**15) == (
        0, 96000000000000000000, 2000000000000000000, 187488000000000000000, 930000000000000000, 558000000000000000)


@pytest.mark.parametrize(
    "curve,side,S,d,n,new_spot,value,protocol_fee",
    [
        ("linear", "buy", 3 * E18, E18 // 10, 5, 35 * E18 // 10, 16632 * E18 // 1000, 495 * E18 // 10000),
        ("linear", "sell", 3 * E18, E18 // 10, 5, 25 * E18 // 10, 13888 * E18 // 1000, 42 * E18 // 1000),
        ("exponential", "buy", 3 * E18, 2 * E18, 5, 96 * E18, 187488 * E18 // 1000, 558 * E18 // 1000),
        ("exponential", "sell", 3 * E18, 2 * E18, 5, 9375 * E18 // 100000, 5766 * E18 // 1000,
         174375 * E18 // 10000000),
    ],
)
def test_published_vectors(curve, side, S, d, n, new_spot, value, protocol_fee):
    fn = sudoswap.get_buy_info if side == "buy" else sudoswap.get_sell_info
    err, spot, delta, v, tf, pf = fn(curve, S, d, n, F, P)
    assert (err, spot, delta, v, pf) == (0, new_spot, d, value, protocol_fee)
    assert tf == pytest.approx(pf * 5 / 3, rel=1e-12)


def test_published_xyk_vector():
    x, y = 8 * E18 // 10, 5
    assert sudoswap.get_buy_info("xyk", x, y, 3, 0, 0)[3] == 12 * E18 // 10
    assert sudoswap.get_sell_info("xyk", x, y, 3, 0, 0)[3] == 3 * E18 // 10
    assert sudoswap.get_buy_info("xyk", x, y, 3, 0, 0)[1:3] == (x + 12 * E18 // 10, 2)


def test_error_codes_and_zero_convention():
    assert sudoswap.get_buy_info("linear", E18, E18, 0, F, P) == (1, 0, 0, 0, 0, 0)
    assert sudoswap.get_buy_info("xyk", E18, 5, 5, F, P) == (1, 0, 0, 0, 0, 0)  # n >= y
    assert sudoswap.get_buy_info("linear", MAX128, 1, 1, 0, 0)[0] == sudoswap.SPOT_PRICE_OVERFLOW
    assert sudoswap.get_sell_info("xyk", E18, MAX128, 1, 0, 0) == (sudoswap.DELTA_OVERFLOW, 0, 0, 0, 0, 0)
    assert sudoswap.get_sell_info("exponential", 10**6, 2 * E18, 1, 0, 0)[0] == sudoswap.SPOT_PRICE_UNDERFLOW
    # A linear sell stops at the item whose price reaches zero: items at 1, 0.5 and 0.
    err, spot, _, v, _, _ = sudoswap.get_sell_info("linear", E18, E18 // 2, 10, 0, 0)
    assert (err, spot, v) == (0, 0, E18 + E18 // 2)


def test_reverts_are_typed():
    with pytest.raises(cushion.Revert) as e:  # fees above the value: the subtraction underflows
        sudoswap.get_sell_info("linear", E18, 0, 1, 6 * 10**17, 6 * 10**17)
    assert e.value.kind is cushion.RevertKind.UNDERFLOW
    with pytest.raises(cushion.Revert):  # delta == 1e18: divWadUp(0, 0)
        sudoswap.get_buy_info("exponential", E18, E18, 2, 0, 0)
    with pytest.raises(cushion.Revert):  # delta * n past 2**256
        sudoswap.get_buy_info("linear", 1, MAX128, 2**200, 0, 0)


def test_argument_validation():
    with pytest.raises(ValueError, match="curve must be"):
        sudoswap.get_buy_info("cubic", 1, 1, 1, 0, 0)
    with pytest.raises(TypeError, match="curve must be a str"):
        sudoswap.get_buy_info(1, 1, 1, 1, 0, 0)
    with pytest.raises(OverflowError, match="^spot_price must be < 2\\*\\*128"):
        sudoswap.get_buy_info("linear", 2**128, 1, 1, 0, 0)
    with pytest.raises(OverflowError, match="^delta must be < 2\\*\\*128"):
        sudoswap.get_buy_info("linear", 1, 2**128, 1, 0, 0)
    with pytest.raises(OverflowError, match="^num_items must be >= 0"):
        sudoswap.get_buy_info("linear", 1, 1, -1, 0, 0)
    with pytest.raises(TypeError, match="^fee_multiplier must be an int"):
        sudoswap.get_buy_info("linear", 1, 1, 1, 0.5, 0)
    with pytest.raises(ValueError, match="timestamp .* required"):
        sudoswap.get_buy_info("gda", 1, 1, 1, 0, 0)


# -- differential against the reference ---------------------------------------------

def check(curve: str, S: int, d: int, n: int, fee: int, pfee: int, now: int | None = None) -> None:
    kw = {"timestamp": now} if curve == "gda" else {}
    assert outcome(sudoswap.get_buy_info, curve, S, d, n, fee, pfee, **kw) == outcome(
        ref.get_buy_info, curve, S, d, n, fee, pfee, now), ("buy", curve, S, d, n, fee, pfee, now)
    assert outcome(sudoswap.get_sell_info, curve, S, d, n, fee, pfee, **kw) == outcome(
        ref.get_sell_info, curve, S, d, n, fee, pfee, now), ("sell", curve, S, d, n, fee, pfee, now)


fees = st.one_of(st.sampled_from([0, 1, 5 * 10**15, 10**17, WAD, 2 * WAD, 2**200]), uint(64))
counts = st.one_of(st.integers(0, 20), st.integers(0, 2**20), uint())


@given(S=uint(128), d=uint(128), n=counts, fee=fees, pfee=fees)
@settings(max_examples=scaled(800))
def test_linear_matches_reference(S, d, n, fee, pfee):
    check("linear", S, d, n, fee, pfee)


@given(S=st.one_of(uint(128), st.integers(10**6, 10**24)),
       d=st.one_of(st.integers(WAD - 10, 3 * WAD), st.integers(0, 2 * WAD), uint(128)),
       n=st.one_of(st.integers(0, 64), counts), fee=fees, pfee=fees)
@settings(max_examples=scaled(800))
def test_exponential_matches_reference(S, d, n, fee, pfee):
    check("exponential", S, d, n, fee, pfee)


@given(x=uint(128), y=st.one_of(st.integers(0, 1000), uint(128)), n=counts, fee=fees, pfee=fees)
@settings(max_examples=scaled(800))
def test_xyk_matches_reference(x, y, n, fee, pfee):
    check("xyk", x, y, n, fee, pfee)


@given(S=st.one_of(st.integers(10**9, 10**24), uint(128)),
       alpha9=st.one_of(st.integers(10**9 - 2, 3 * 10**9), st.integers(0, 2**40 - 1)),
       lambda9=st.one_of(st.integers(0, 10**8), st.integers(0, 2**40 - 1)),
       t0=st.integers(0, 2**48 - 1), dt=st.one_of(st.integers(0, 10**6), st.integers(-5, 5), uint(64)),
       n=st.one_of(st.integers(0, 30), counts), fee=fees, pfee=fees)
@settings(max_examples=scaled(800))
def test_gda_matches_reference(S, alpha9, lambda9, t0, dt, n, fee, pfee):
    now = max(0, t0 + dt)
    check("gda", S, sudoswap.pack_gda_delta(alpha9, lambda9, t0), n, fee, pfee, now)


def test_gda_time_exponent_cap_quirk():
    """convert(x) > 10 caps x at 10; an exponent in (10, 11) is *not* capped."""
    S, alpha9, t0 = 10**20, 11 * 10**8, 1_000_000
    d = sudoswap.pack_gda_delta(alpha9, 10**8, t0)  # lambda = 0.1/s: exponent = dt / 10
    for dt in (95, 100, 105, 109, 110, 111, 115, 200):
        check("gda", S, d, 1, 0, 0, t0 + dt)
    value = {dt: sudoswap.get_buy_info("gda", S, d, 1, 0, 0, timestamp=t0 + dt)[3] for dt in (100, 105, 115)}
    assert value[105] < value[100]  # exponent 10.5 is used as is
    assert value[115] == value[100]  # exponent 11.5 has whole part 11 > 10: capped to 10


def test_gda_lambda_dt_overflow_reverts():
    d = sudoswap.pack_gda_delta(11 * 10**8, 2**40 - 1, 0)
    with pytest.raises(cushion.Revert) as e:
        sudoswap.get_buy_info("gda", 10**18, d, 1, 0, 0, timestamp=2**250)
    assert e.value.kind is cushion.RevertKind.OVERFLOW
    with pytest.raises(cushion.Revert) as e:  # block.timestamp before t0: underflow
        sudoswap.get_buy_info("gda", 10**18, sudoswap.pack_gda_delta(11 * 10**8, 1, 100), 1, 0, 0, timestamp=99)
    assert e.value.kind is cushion.RevertKind.UNDERFLOW


def test_gda_new_delta_restarts_clock():
    d = sudoswap.pack_gda_delta(15 * 10**8, 10**6, 1000)
    err, _, new_delta, *_ = sudoswap.get_buy_info("gda", 10**18, d, 2, 0, 0, timestamp=2**48 + 5)
    assert err == 0 and new_delta == ((d >> 48) << 48) | 5  # uint48(block.timestamp) truncates
    assert sudoswap.unpack_gda_delta(d) == (15 * 10**17, 10**15, 1000)


def test_bulk_random_all_curves():
    """Mixed-magnitude random cases: ~6,000 per curve (buy and sell)."""
    rng = random.Random(7)

    def mag(bits_choices):
        return rng.getrandbits(rng.choice(bits_choices))

    for _ in range(6000):
        fee = rng.choice([0, 5 * 10**15, 10**17, rng.getrandbits(62), rng.getrandbits(64)])
        pfee = rng.choice([0, 3 * 10**15, rng.getrandbits(60)])
        n = rng.choice([rng.randrange(0, 12), rng.randrange(0, 1000), mag([64, 128, 256])])
        check("linear", mag([40, 60, 70, 100, 128]), mag([20, 50, 60, 100, 128]), n, fee, pfee)
        check("exponential", mag([30, 60, 70, 100, 128]), WAD + mag([0, 10, 40, 56, 60, 64, 100]), n, fee, pfee)
        check("xyk", mag([40, 60, 80, 128]), rng.choice([rng.randrange(1, 100), mag([20, 64, 128])]), n, fee, pfee)
        t0 = rng.getrandbits(32)
        d = sudoswap.pack_gda_delta(10**9 + rng.getrandbits(rng.choice([10, 20, 30])), rng.getrandbits(rng.choice([5, 20, 30, 40])), t0)
        check("gda", mag([40, 60, 70, 100]), d, rng.choice([rng.randrange(0, 12), n]), fee, pfee,
              t0 + rng.getrandbits(rng.choice([4, 10, 20, 48])))
