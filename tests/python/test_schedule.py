"""cushion.schedule: schedules against the reference transcriptions (Almgren-Chriss closed
forms, the Obizhaeva-Wang cost recursion), simulate / compare / Monte Carlo, and argument
validation."""

from __future__ import annotations

import math
import pickle

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cushion
from cushion import schedule
from cushion.absorb import AbsorptionCap, Cushion, Limit
from cushion.schedule import AlmgrenChriss, LinearImpact
from cushion.spread import HalfSpread
from reference import risk

NO_SPREAD = HalfSpread(0.0, 0.0, 1.0, 0.0)
AC = dict(tau=1.0, sigma=0.3, eta=2.5e-3, gamma=2.5e-4, epsilon=0.0625)


@given(X=st.floats(1, 1e4), N=st.integers(1, 60), lam=st.one_of(st.just(0.0), st.floats(1e-8, 1e-3)),
       sigma=st.floats(0.01, 1), eta=st.floats(1e-3, 1e-1))
def test_almgren_chriss_matches_reference(X, N, lam, sigma, eta):
    gamma = eta / 10
    ac = AlmgrenChriss(X, N, tau=1.0, sigma=sigma, eta=eta, gamma=gamma, epsilon=0.01, risk_aversion=lam)
    trades, E, V = risk.almgren_chriss(X, N, 1.0, sigma, eta, gamma, 0.01, lam)
    kT = ac.kappa * ac.horizon
    if kT > 300:  # the reference's sinh overflows there; ours does not
        return
    np.testing.assert_allclose(ac.trades, trades, rtol=1e-7, atol=1e-9 * X)
    assert ac.expected_cost == pytest.approx(E, rel=1e-7)
    # V's closed form cancels catastrophically for tiny kappa T: there the reference itself
    # loses digits, so compare against the definition sigma^2 tau sum x_k^2 instead.
    assert ac.variance == pytest.approx(ac.variance_of(ac.trades), rel=1e-9)
    if kT > 0.1 or kT == 0:
        assert ac.variance == pytest.approx(V, rel=1e-6)
    assert ac.trades.sum() == pytest.approx(X, rel=1e-12)
    np.testing.assert_allclose(ac.holdings[:-1] - ac.holdings[1:], ac.trades, rtol=1e-9, atol=1e-9 * X)


def test_twap_is_the_risk_neutral_limit():
    twap = AlmgrenChriss(1000, 20, **AC, risk_aversion=0.0)
    near = AlmgrenChriss(1000, 20, **AC, risk_aversion=1e-12)
    np.testing.assert_allclose(twap.trades, schedule.twap(1000, 20))
    np.testing.assert_allclose(near.trades, twap.trades, rtol=1e-6)
    assert near.expected_cost == pytest.approx(twap.expected_cost, rel=1e-9)
    assert near.variance == pytest.approx(twap.variance, rel=1e-6)
    f = schedule.efficient_frontier(1000, 20, [0.0, 1e-6, 1e-5, 1e-4], **AC)
    assert np.all(np.diff(f.expected_cost) > 0) and np.all(np.diff(f.variance) < 0)  # the frontier's shape
    assert f.to_dataframe().shape == (4, 4)


def test_simulating_the_linear_impact_model_is_exact():
    market = LinearImpact(50.0, AC["gamma"], AC["eta"], AC["epsilon"], 1.0)
    for lam in (0.0, 2e-6, 1e-5):
        ac = AlmgrenChriss(1000, 20, **AC, risk_aversion=lam)
        r = schedule.simulate(ac.trades, market, spread=NO_SPREAD)
        assert r.shortfall == pytest.approx(ac.expected_cost, rel=1e-10)
        assert r.slippage.sum() == pytest.approx(r.shortfall, rel=1e-10)


def test_monte_carlo_variance():
    ac = AlmgrenChriss(1000, 20, **AC, risk_aversion=2e-6)
    market = LinearImpact(50.0, AC["gamma"], AC["eta"], AC["epsilon"], 1.0)
    rng = np.random.default_rng(7)
    paths = 4000
    refs = 50.0 + np.concatenate([np.zeros((paths, 1)), np.cumsum(0.3 * rng.standard_normal((paths, 20)), axis=1)],
                                 axis=1)
    out = schedule.simulate_paths(ac.trades, market, refs, spread=NO_SPREAD)
    se = math.sqrt(ac.variance / paths)
    assert abs(out["shortfall"].mean() - ac.expected_cost) < 4 * se
    assert out["shortfall"].var(ddof=1) / ac.variance == pytest.approx(1.0, abs=0.12)
    assert np.all(out["unsold"] == 0)


@given(a=st.floats(0, 1), N=st.integers(2, 40), Q=st.floats(1, 100))
def test_resilience_aware_schedule(a, N, Q):
    s = schedule.resilience_aware(Q, N, decay=a)
    edge = Q / ((N - 2) * (1 - a) + 2)
    assert s[0] == pytest.approx(edge) and s[-1] == pytest.approx(edge)
    np.testing.assert_allclose(s[1:-1], edge * (1 - a), rtol=1e-9, atol=1e-12)
    assert s.sum() == pytest.approx(Q, rel=1e-12)


@given(a=st.floats(0.01, 0.99), N=st.integers(3, 25), seed=st.integers(0, 2**32 - 1))
def test_resilience_aware_is_optimal_on_a_linear_book(a, N, seed):
    g, Q = 0.01, 50.0
    best = schedule.resilience_aware(Q, N, decay=a)
    cost = risk.obizhaeva_wang_cost(best, 100.0, g, a)
    # the simulator reproduces the recursion ...
    book = LinearImpact(100.0, g, g / 2, 0.0, 1.0)
    assert schedule.simulate(best, book, spread=NO_SPREAD, decay=a).shortfall == pytest.approx(cost, rel=1e-9)
    # ... and nothing nearby does better
    rng = np.random.default_rng(seed)
    for _ in range(20):
        other = np.maximum(best + rng.normal(0, 0.5, N), 0)
        other *= Q / other.sum()
        assert risk.obizhaeva_wang_cost(other, 100.0, g, a) >= cost - 1e-9


@pytest.mark.parametrize("curve", [cushion.Linear(10.0, 0.2, fee=0.005), cushion.Exponential(10.0, 1.02, fee=0.005),
                                   cushion.XYK(100.0, 60.0, fee=0.005), cushion.GDA(10.0, 1.02, 0.0, 0.0, 0.0)])
def test_tranching_beats_dumping_on_a_recovering_curve(curve):
    c = schedule.compare({"dump": schedule.dump(20, 20), "twap": schedule.twap(20, 20),
                          "resilience": schedule.resilience_aware(20, 20, decay=0.5)}, curve, decay=0.5)
    rows = c.summary()
    assert rows["twap"]["shortfall"] < 0.8 * rows["dump"]["shortfall"]
    assert rows["resilience"]["shortfall"] < 0.8 * rows["dump"]["shortfall"]
    assert c.best() in ("twap", "resilience")
    assert set(c.to_dataframe().index) == {"dump", "twap", "resilience"}


def test_caps_are_respected_and_the_carry_is_explicit():
    cap = AbsorptionCap(block_items=(3, 1), window_items=(20, 6), window_blocks=5)
    stress = np.concatenate([np.linspace(0, 1, 10), np.ones(10)])
    r = schedule.simulate(schedule.dump(30, 20), cushion.XYK(100.0, 100.0), stress=stress, cap=cap, rho=0.1,
                          extra_blocks=200)
    limits = cap.path(r.stress)
    assert np.all(r.filled <= limits["block_items"] + 1e-12)
    window = np.convolve(r.filled, np.ones(5))[: r.blocks]
    assert np.all(window[r.filled > 0] <= limits["window_items"][r.filled > 0] + 1e-9)
    np.testing.assert_allclose(r.target, r.filled + r.carry)
    assert r.sold + r.unsold == pytest.approx(30)
    assert r.unsold == 0 and r.blocks > 20  # the extra blocks sold the carry
    assert (r.limited_by[0] & Limit.BLOCK_ITEMS) and r.limited_by.dtype == np.uint8
    df = r.to_dataframe()
    assert df.index.name == "block" and len(df) == r.blocks
    assert r.summary()["max_fill"] <= 3
    capped, left = schedule.carry_forward(schedule.dump(30, 20), limits["block_items"][:20])
    assert capped.sum() + left == pytest.approx(30)


def test_simulate_with_a_cushion_uses_its_state():
    pool = Cushion(cushion.Linear(10.0, 0.1), cap=AbsorptionCap(block_items=2), decay=0.5)
    pool.absorb(2, 0.0)  # block 0 already used its cap
    r = schedule.simulate([1, 1], pool)
    assert r.filled[0] == 0 and r.carry[0] == 1 and r.filled[1] == 2
    with pytest.raises(ValueError, match="was given a Cushion"):
        schedule.simulate([1], pool, rho=0.1)
    assert pickle.loads(pickle.dumps(r)).shortfall == r.shortfall


def test_bad_arguments():
    x = cushion.XYK(10.0, 10.0)
    with pytest.raises(ValueError, match="schedule must be >= 0"):
        schedule.simulate([1, -1], x)
    with pytest.raises(TypeError, match="schedule must hold real numbers"):
        schedule.simulate(["a"], x)
    with pytest.raises(TypeError, match="schedule must be an array"):
        schedule.simulate(None, x)
    with pytest.raises(ValueError, match="stress must be in"):
        schedule.simulate([1], x, stress=[1.5])
    with pytest.raises(ValueError, match="schedule must be 1-dimensional"):
        schedule.simulate(np.ones((2, 2)), x)
    with pytest.raises(ValueError, match="reference must not contain NaN"):
        schedule.simulate([1], x, reference=[np.nan])
    with pytest.raises(TypeError, match="curve must be one of"):
        schedule.simulate([1], cushion.exact.XYK(10, 10))
    with pytest.raises(ValueError, match="eta~"):
        AlmgrenChriss(10, 5, eta=0.1, gamma=1.0)
    with pytest.raises(ValueError, match="blocks must be >= 1"):
        schedule.twap(10, 0)
    with pytest.raises(OverflowError, match="blocks must be >= 0"):
        schedule.twap(10, -1)
    with pytest.raises(TypeError, match="needs decay or rho"):
        schedule.resilience_aware(10, 5)
    with pytest.raises(TypeError, match="unexpected keyword"):
        schedule.simulate_paths([1], x, np.ones((2, 2)), sigma=1)
    with pytest.raises(ValueError, match="2-D"):
        schedule.simulate_paths([1], x, np.ones(3))
    with pytest.raises(TypeError, match="mapping"):
        schedule.compare([[1]], x)


def test_everything_pickles():
    objs = [AlmgrenChriss(10, 5, eta=0.1, sigma=0.2, risk_aversion=0.01), LinearImpact(1.0, 0.1, 0.2, 0.01, 2.0),
            schedule.simulate([1, 2], cushion.XYK(10.0, 10.0), rho=0.1)]
    for o in objs:
        o2 = pickle.loads(pickle.dumps(o))
        assert repr(o2) == repr(o)
