"""cushion.spread: half-spreads (f64 and exact, against the big-int reference) and
StressedCurve (no arbitrage, Hypothesis over random curves and stress levels, both policies)."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import cushion
from cushion import exact, spread
from cushion.spread import HalfSpread, StressedCurve
from conftest import WAD
from reference import risk


def test_half_spread_f64_scalar_and_arrays():
    h = HalfSpread(base=0.002, slope=0.04, exponent=1.5, cap=0.03)
    s = np.linspace(0, 1, 11)
    expect = np.minimum(0.03, 0.002 + 0.04 * s**1.5)
    np.testing.assert_allclose(h.at(s), expect, rtol=1e-15)
    assert isinstance(h.at(0.5), float)
    assert h.at(0.5) == pytest.approx(0.002 + 0.04 * 0.5**1.5)
    mids = np.array([[100.0], [200.0]])
    np.testing.assert_allclose(h.bid(mids, s), mids * (1 - expect))
    np.testing.assert_allclose(h.ask(mids, s), mids * (1 + expect))
    assert h.bid(mids, s).shape == (2, 11)
    b, a = spread.bid_ask(10.0, [0.0, 1.0], h)
    np.testing.assert_allclose(b, [10 * 0.998, 10 * 0.97])
    np.testing.assert_allclose(spread.half_spread([0, 1]), [0.003, 0.05])


def test_half_spread_rejects_bad_input():
    h = HalfSpread()
    with pytest.raises(ValueError, match="stress must be in"):
        h.at(1.01)
    with pytest.raises(ValueError, match="stress must be in"):
        h.at([0.5, 1.01])
    with pytest.raises(ValueError, match="stress must not contain NaN"):
        h.at(np.array([np.nan]))
    with pytest.raises(TypeError, match="stress must be a real number"):
        h.at(None)
    with pytest.raises(TypeError, match="stress must hold real numbers"):
        h.at(["a"])
    with pytest.raises(ValueError, match="mid must be >= 0"):
        h.bid(-1.0, 0.5)
    with pytest.raises(ValueError, match="cap must be < 1"):
        HalfSpread(cap=1.0)
    with pytest.raises(ValueError, match="base must be <= cap"):
        HalfSpread(base=0.2, cap=0.1)
    with pytest.raises(ValueError, match="exponent must be > 0"):
        HalfSpread(exponent=0)
    with pytest.raises(ValueError, match="shape mismatch|broadcast"):
        h.bid(np.zeros(3), np.zeros(2))


@given(s=st.integers(0, WAD), base=st.integers(0, 9999), slope=st.integers(0, 10**6), p=st.integers(0, 64),
       cap_extra=st.integers(0, 9999), mid=st.integers(0, 2**200))
def test_exact_half_spread_matches_reference(s, base, slope, p, cap_extra, mid):
    cap = min(9999, base + cap_extra)
    h = exact.HalfSpread(base=base, slope=slope, exponent=p, cap=cap)
    bps = risk.half_spread_bps(s, base, slope, p, cap)
    assert h.at(s) == bps
    assert h.ask(mid, s) == risk.ask(mid, bps)
    assert h.bid(mid, s) == risk.bid(mid, bps)
    assert h.bid(mid, s) <= mid <= h.ask(mid, s)


def test_exact_half_spread_vectors_and_errors():
    h = exact.HalfSpread(base=30, slope=470, exponent=2, cap=500)
    assert h.at(3 * 10**17) == 73  # 30 + ceil(470 * 0.09)
    assert (h.bid(12345, 3 * 10**17), h.ask(12345, 3 * 10**17)) == (12254, 12436)
    assert h.widen_buy(10**18, 73) == risk.ask(10**18, 73)
    with pytest.raises(ValueError, match="cap must be < 10000"):
        exact.HalfSpread(cap=10_000)
    with pytest.raises(ValueError, match=r"stress must be <= 1e18"):
        h.at(WAD + 1)
    with pytest.raises(TypeError, match="stress must be an int"):
        h.at(0.5)
    with pytest.raises(OverflowError, match="mid must be < 2\\*\\*256"):
        h.bid(2**256, 0)
    with pytest.raises(cushion.Revert):
        h.ask(2**256 - 1, WAD)  # the rounded-up ask does not fit 256 bits
    assert pickle.loads(pickle.dumps(h)) == h


def test_exact_and_f64_agree_within_a_basis_point():
    f, e = HalfSpread(), exact.HalfSpread()
    for s in np.linspace(0, 1, 101):
        hf = f.at(float(s)) * 1e4
        he = e.at(exact.to_stress_wad(float(s)))
        assert hf - 1e-9 <= he <= hf + 1


# -- StressedCurve ------------------------------------------------------------------------------

def test_factory_dispatch_and_isinstance():
    x = cushion.XYK(100.0, 50.0, fee=0.005)
    s = StressedCurve(x, stress=0.4)
    assert type(s) is spread.StressedXYK and isinstance(s, StressedCurve)
    assert s.spread == HalfSpread() and s.stress == 0.4 and s.curve == x
    e = StressedCurve(exact.Exponential(10**18, 11 * 10**17), stress=WAD // 2)
    assert type(e) is exact.StressedExponential and e.spread == exact.HalfSpread()
    li = StressedCurve(cushion.LinearImpact(10.0, 0.01, 0.02), HalfSpread(0.01, 0, 1, 0.01))
    assert type(li) is spread.StressedLinearImpact
    with pytest.raises(TypeError, match="curve must be one of"):
        StressedCurve(3.0)
    with pytest.raises(TypeError):
        StressedCurve(x, exact.HalfSpread(), 0.1)  # policies must match
    with pytest.raises(ValueError, match="stress must be in"):
        StressedCurve(x, stress=2.0)


def test_quotes_are_widened_wrapped_quotes():
    x = cushion.Exponential(3.0, 1.05, fee=0.005, protocol_fee=0.003)
    s = StressedCurve(x, stress=0.4)
    h = s.half_spread
    for n in (1, 2, 5):
        b, ib = s.buy(n), x.buy(n)
        assert b.value == pytest.approx(ib.value * (1 + h), rel=1e-15)
        assert b.curve_value == ib.value and b.spread == pytest.approx(b.value - ib.value)
        assert b.next.curve.spot_price == ib.next.spot_price and b.next.stress == 0.4
        sl = s.sell(n)
        assert sl.value == pytest.approx(x.sell(n).value * (1 - h), rel=1e-15)
    assert s.with_stress(1.0).half_spread == 0.05
    assert not s.buy(0).ok and s.buy(0).value == 0
    assert "StressedExponential(curve=Exponential(" in repr(s)
    assert pickle.loads(pickle.dumps(s)).buy(3).value == s.buy(3).value


def f64_curves():
    fee = st.floats(0, 0.01)
    return st.one_of(
        st.builds(cushion.Linear, st.floats(0.1, 50), st.floats(0.001, 1), fee),
        st.builds(cushion.Exponential, st.floats(0.1, 50), st.floats(1.001, 1.3), fee),
        st.builds(cushion.XYK, st.floats(1, 500), st.integers(20, 500).map(float), fee),
    )


def exact_curves():
    fee = st.integers(0, 10**16)
    return st.one_of(
        st.builds(exact.Linear, st.integers(10**17, 50 * WAD), st.integers(10**15, WAD), fee),
        st.builds(exact.Exponential, st.integers(10**17, 50 * WAD), st.integers(1001 * 10**15, 13 * 10**17), fee),
        st.builds(exact.XYK, st.integers(WAD, 500 * WAD), st.integers(20, 500), fee),
    )


def round_trip_pnl(curve, n, s1, s2):
    """(stressed buy-then-sell P&L, wrapped P&L, stressed sell-then-buy P&L) or None."""
    a = StressedCurve(curve, stress=s1)
    try:
        bought = a.buy(n)
        if not bought.ok:
            return None
        sold = bought.next.with_stress(s2).sell(bought.items)
        inner_b = curve.buy(n)
        inner_s = inner_b.next.sell(inner_b.items)
        first = a.sell(n)
        back = first.next.with_stress(s2).buy(first.items) if first.ok else None
    except cushion.Revert:
        return None
    if not (sold.ok and inner_s.ok):
        return None
    reverse = back.value - first.value if back is not None and back.ok else None
    return sold.value - bought.value, inner_s.value - inner_b.value, reverse


@given(curve=f64_curves(), n=st.integers(1, 30), s1=st.floats(0, 1), s2=st.floats(0, 1))
def test_no_arbitrage_f64(curve, n, s1, s2):
    r = round_trip_pnl(curve, float(n), s1, s2)
    assume(r is not None)
    stressed, inner, reverse = r
    assert stressed <= 0.0
    assert stressed <= inner + 1e-12 * abs(inner)
    assert reverse is None or reverse >= 0.0


@given(curve=exact_curves(), n=st.integers(1, 30), s1=st.integers(0, WAD), s2=st.integers(0, WAD))
def test_no_arbitrage_exact(curve, n, s1, s2):
    r = round_trip_pnl(curve, n, s1, s2)
    assume(r is not None)
    stressed, inner, reverse = r
    assert stressed <= 0
    assert stressed <= inner
    assert reverse is None or reverse >= 0


@given(alpha=st.floats(1.001, 1.5), n=st.integers(1, 10), h=st.floats(0, 0.2))
def test_gda_round_trip_never_improves(alpha, n, h):
    g = cushion.GDA(1.0, alpha, 0.0, 0.0, 0.0)
    inner_b = g.buy(n)
    inner = inner_b.next.sell(n).value - inner_b.value
    s = StressedCurve(g, HalfSpread(base=h, slope=0.0, cap=0.5))
    b = s.buy(n)
    widened = b.next.sell(n).value - b.value
    assert widened <= inner + 1e-12
    if h >= (alpha - 1) / (alpha + 1):
        assert widened <= 1e-12
