"""cushion.absorb: caps (exact against the big-int reference), the ledger, selling under the
caps (conservation and caps never exceeded, Hypothesis, both policies) and the Cushion pool
(block by block it reproduces simulate(); copies and pickles are independent)."""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cushion
from cushion import absorb, exact
from cushion.absorb import AbsorptionCap, AbsorptionLedger, Cushion, Limit
from cushion.spread import StressedCurve
from conftest import MAX256, WAD
from reference import risk


def test_cap_forms_and_paths():
    cap = AbsorptionCap(block_items=(10, 2), block_notional=50, window_items=None, exponent=2.0)
    assert cap.block_items == (10.0, 2.0) and cap.block_notional == (50.0, 50.0) and cap.window_items is None
    at = cap.at(0.5)
    assert at["block_items"] == 10 - 8 * 0.25 and at["block_notional"] == 50 and at["window_items"] == np.inf
    path = absorb.cap_path(cap, np.array([0.0, 0.5, 1.0]))
    np.testing.assert_allclose(path["block_items"], [10, 8, 2])
    assert np.isinf(path["window_notional"]).all()
    with pytest.raises(ValueError, match="severe must be <= calm"):
        AbsorptionCap(block_items=(1, 2))
    with pytest.raises(ValueError, match="block_items must be None, a number or a \\(calm, severe\\) pair"):
        AbsorptionCap(block_items=(1, 2, 3))
    with pytest.raises(ValueError, match="block_items\\[calm\\] must be >= 0"):
        AbsorptionCap(block_items=(-1, 0))
    with pytest.raises(ValueError, match="window_blocks must be >= 1"):
        AbsorptionCap(window_blocks=0)
    with pytest.raises(TypeError, match="exponent must be an int"):
        exact.AbsorptionCap(exponent=1.5)
    assert pickle.loads(pickle.dumps(cap)) == cap


@given(calm=st.integers(0, 2**255), cut=st.integers(0, 2**255), s=st.integers(0, WAD), q=st.integers(0, 64))
def test_exact_cap_matches_reference(calm, cut, s, q):
    severe = max(0, calm - cut)
    cap = exact.AbsorptionCap(block_items=(calm, severe), exponent=q)
    assert cap.at(s)["block_items"] == risk.cap_at(s, calm, severe, q)
    assert exact.AbsorptionCap().at(s)["window_items"] == MAX256


def test_cap_checks_run_in_the_order_of_the_signature():
    """With several bad limits the first one (in signature order) is reported, whatever order the
    compiler evaluates arguments in: the Solidity reference (AbsorptionCapMath.validate) checks in
    that order, and its custom error must match cushion's ValueError."""
    for cls in (AbsorptionCap, exact.AbsorptionCap):
        with pytest.raises(ValueError, match="block_notional: severe must be <= calm"):
            cls(block_notional=(1, 2), window_items=(MAX256 if cls is exact.AbsorptionCap else np.inf, 1),
                window_notional=(1, 2))
        with pytest.raises(ValueError, match="window_blocks must be >= 1"):
            cls(window_blocks=0, exponent=65 if cls is exact.AbsorptionCap else 0.0)
    with pytest.raises(ValueError, match="block_items: calm and severe must both"):
        exact.AbsorptionCap(block_items=(1, MAX256), window_notional=(1, 2), window_blocks=0)


def test_ledger_window_and_headroom():
    led = AbsorptionLedger(AbsorptionCap(block_items=10, window_items=20, window_blocks=3))
    assert not led.started and led.block_usage == (0.0, 0.0)
    led.record(100, 4, 40)
    led.record(101, 6, 60)
    led.record(102, 7, 70)
    assert led.window_usage == (17.0, 170.0)
    h = led.headroom(102, 0.0)
    assert (h.items, h.items_limit) == (3.0, Limit.BLOCK_ITEMS | Limit.WINDOW_ITEMS)
    assert led.headroom(103, 0.0).items == 7.0  # block 100 leaves the window
    items, notional = led.history()
    np.testing.assert_array_equal(items, [4, 6, 7])
    with pytest.raises(ValueError, match="block must not go backwards"):
        led.record(99, 1, 1)
    with pytest.raises(ValueError, match="block must not go backwards"):
        led.headroom(50, 0.0)
    with pytest.raises(OverflowError, match="block must be >= 0"):
        led.advance_to(-1)
    with pytest.raises(ValueError, match="items must be >= 0"):
        led.record(200, -1, 0)
    before = pickle.dumps(led)
    with pytest.raises(TypeError):
        led.record(200, "1", 0)
    assert pickle.dumps(led) == before  # a rejected call changes nothing
    clone = pickle.loads(before)
    assert clone == led and clone is not led
    c2 = copy.deepcopy(led)
    c2.record(500, 1, 1)
    assert led.block == 102 and c2.block == 500


def f64_curves():
    return st.one_of(
        st.builds(cushion.XYK, st.floats(50, 500), st.integers(50, 500).map(float), st.floats(0, 0.01)),
        st.builds(cushion.Linear, st.floats(1, 20), st.floats(0.001, 0.5), st.floats(0, 0.01)),
        st.builds(cushion.Exponential, st.floats(1, 20), st.floats(1.001, 1.1), st.floats(0, 0.01)),
    )


caps_f64 = st.builds(
    lambda bi, bn, wi, wn, w, q: AbsorptionCap(block_items=bi, block_notional=bn, window_items=wi,
                                               window_notional=wn, window_blocks=w, exponent=q),
    st.one_of(st.none(), st.tuples(st.floats(1, 20), st.floats(0, 1)).map(lambda t: (t[0], t[0] * t[1]))),
    st.one_of(st.none(), st.tuples(st.floats(1, 50), st.floats(0, 1)).map(lambda t: (t[0], t[0] * t[1]))),
    st.one_of(st.none(), st.tuples(st.floats(5, 60), st.floats(0, 1)).map(lambda t: (t[0], t[0] * t[1]))),
    st.one_of(st.none(), st.tuples(st.floats(5, 200), st.floats(0, 1)).map(lambda t: (t[0], t[0] * t[1]))),
    st.integers(1, 10), st.floats(0.5, 3),
)

orders = st.lists(st.tuples(st.integers(0, 3), st.floats(0, 1), st.floats(0, 12), st.booleans()),
                  min_size=1, max_size=40)


@given(curve=f64_curves(), cap=caps_f64, orders=orders)
def test_selling_under_caps_f64(curve, cap, orders):
    """filled + remainder == ordered exactly; no fill takes usage past a cap at its stress;
    proceeds are the stressed curve's quote for the fill; the ledger agrees with a replay."""
    led = AbsorptionLedger(cap)
    block, booked = 0, {}
    for gap, s, n, whole in orders:
        block += gap
        sc = StressedCurve(curve, stress=s)
        r = absorb.absorb_sell(sc, led, n, block, whole)
        assert r.filled + r.remainder == n
        assert r.filled >= 0 and r.remainder >= 0
        if whole:
            assert r.filled == int(r.filled)
        if r.remainder > 0:
            assert r.limited_by != Limit.NONE
        if r.filled > 0:
            assert r.proceeds == sc.sell(r.filled).value
            bi, bn = booked.get(block, (0.0, 0.0))
            booked[block] = (bi + r.filled, bn + r.proceeds)
            limits = cap.at(s)
            inside = [b for b in booked if block - b < cap.window_blocks]
            assert booked[block][0] <= limits["block_items"] * (1 + 1e-12)
            assert booked[block][1] <= limits["block_notional"] * (1 + 1e-12)
            assert sum(booked[b][0] for b in inside) <= limits["window_items"] * (1 + 1e-9)
            assert sum(booked[b][1] for b in inside) <= limits["window_notional"] * (1 + 1e-9)
        curve = r.next.curve
    inside = [b for b in booked if block - b < cap.window_blocks]
    assert led.window_usage[0] == pytest.approx(sum(booked[b][0] for b in inside), abs=1e-9)


caps_exact = st.builds(
    lambda bi, bn, w: exact.AbsorptionCap(block_items=bi, block_notional=bn, window_blocks=w),
    st.one_of(st.none(), st.tuples(st.integers(1, 20), st.integers(0, 20)).map(lambda t: (t[0], min(t))))
    , st.one_of(st.none(), st.tuples(st.integers(WAD, 50 * WAD), st.integers(0, WAD)).map(
        lambda t: (t[0], t[0] * t[1] // WAD))),
    st.integers(1, 10),
)


@given(x=st.integers(50 * WAD, 500 * WAD), y=st.integers(50, 500), cap=caps_exact,
       orders=st.lists(st.tuples(st.integers(0, 3), st.integers(0, WAD), st.integers(0, 30)), min_size=1, max_size=30))
def test_selling_under_caps_exact(x, y, cap, orders):
    curve = exact.XYK(x, y, 5 * 10**15)
    led = exact.AbsorptionLedger(cap)
    block = 0
    for gap, s, n in orders:
        block += gap
        sc = StressedCurve(curve, stress=s)
        before = led.block_usage if led.started and led.block == block else (0, 0)
        r = sc.absorb(led, n, block)
        assert r.filled + r.remainder == n
        limits = cap.at(s)
        if r.filled:
            assert r.proceeds == sc.sell(r.filled).value
            assert before[0] + r.filled <= limits["block_items"]
            assert before[1] + r.proceeds <= limits["block_notional"]
            # maximal: one more item breaks a cap or the order
            more = r.filled + 1
            if more <= n and before[0] + more <= limits["block_items"]:
                assert before[1] + sc.sell(more).value > limits["block_notional"]
        curve = r.next.curve


def test_absorb_result_fields_and_pickle():
    led = AbsorptionLedger(AbsorptionCap(block_items=(5, 1)))
    sc = StressedCurve(cushion.Linear(10.0, 0.1, fee=0.005), stress=0.5)
    r = sc.absorb(led, 8, block=3)
    assert (r.ordered, r.filled, r.remainder) == (8.0, 3.0, 5.0)
    assert r.limited_by == Limit.BLOCK_ITEMS and r.curve_error == cushion.CurveError.OK
    assert r.spread > 0 and r.trade_fee > 0 and r.half_spread == sc.half_spread
    assert r.next.curve.spot_price == pytest.approx(9.7)
    r2 = pickle.loads(pickle.dumps(r))
    assert (r2.filled, r2.proceeds, r2.limited_by) == (r.filled, r.proceeds, r.limited_by)
    assert "AbsorbResultLinear(ordered=8.0, filled=3.0" in repr(r)
    with pytest.raises(TypeError, match="curve must be a stressed curve"):
        absorb.absorb_sell(cushion.Linear(1.0, 0.1), led, 1, 4)
    with pytest.raises(ValueError, match="n must be >= 0"):
        sc.absorb(led, -1, 4)


# -- the cushion pool --------------------------------------------------------------------------

def make_pool(**kw):
    cap = AbsorptionCap(block_items=(4, 1), window_items=(30, 8), window_blocks=10)
    return Cushion(cushion.XYK(200.0, 150.0, fee=0.005), cap=cap, rho=0.05, tau=12.0, **kw)


def test_pool_block_by_block_reproduces_simulate():
    """What a Python simulator driving the pool sees is exactly what simulate() reports."""
    rng = np.random.default_rng(5)
    schedule = rng.uniform(0, 3, 40)
    stress = np.clip(np.cumsum(rng.normal(0, 0.08, 40)) + 0.3, 0, 1)
    reference = 200 / 150 * (1 + np.cumsum(rng.normal(0, 0.01, 40)))
    pool = make_pool()
    result = cushion.simulate(schedule, pool, stress=stress, reference=reference)
    live = pool.copy()
    live.set_reference(reference[0])
    carry = 0.0
    for k in range(40):
        r = live.absorb(schedule[k] + carry, stress[k])
        carry = r.remainder
        assert r.filled == result.filled[k]
        assert r.proceeds == result.proceeds[k]
        assert r.limited_by == result.limited_by[k]
        live.advance(1, reference[min(k + 1, 39)])
    assert pool.block == 0 and pool.ledger.window_usage == (0.0, 0.0)  # simulate() left it alone


def test_pool_recovery_copy_and_pickle():
    pool = make_pool()
    assert isinstance(pool, Cushion) and type(pool) is absorb.CushionXYK
    assert pool.decay == pytest.approx(np.exp(-0.6))
    mid0 = pool.mid
    r = pool.absorb(10, 0.0)
    assert r.filled == 4 and r.remainder == 6
    dislocated = pool.mid
    branch = pool.copy()
    pool.advance()
    assert pool.mid == pytest.approx(mid0 + np.exp(-0.6) * (dislocated - mid0))
    assert branch.mid == dislocated and branch.block == 0
    assert pool.preview(2, 0.5).filled == pool.copy().absorb(2, 0.5).filled
    q = pool.buy(1, 0.2)
    assert q.ok and q.value > pool.stressed(0.2).curve.token_reserve / 1e9
    clone = pickle.loads(pickle.dumps(pool))
    assert clone.mid == pool.mid and clone.ledger == pool.ledger and clone.block == pool.block
    assert clone.absorb(3, 0.3).proceeds == pool.absorb(3, 0.3).proceeds
    assert "CushionXYK(curve=XYK(" in repr(pool)
    assert absorb.decay_from(decay=0.3) == 0.3
    with pytest.raises(ValueError, match="either decay or rho/tau"):
        Cushion(cushion.XYK(1.0, 1.0), decay=0.5, rho=0.1)
    with pytest.raises(ValueError, match="reference must be >= 0"):
        pool.advance(1, -5.0)
    with pytest.raises(TypeError, match="curve must be one of"):
        Cushion(exact.XYK(10**18, 10))
    with pytest.raises(ValueError, match="stress must be in"):
        pool.absorb(1, 1.5)


def test_pool_state_is_unchanged_by_rejected_calls():
    pool = make_pool()
    pool.absorb(2, 0.1)
    before = pickle.dumps(pool)
    for bad in (lambda: pool.absorb(float("nan"), 0.1), lambda: pool.absorb(1, None), lambda: pool.advance(-1),
                lambda: pool.buy("x", 0.1)):
        with pytest.raises((TypeError, ValueError, OverflowError)):
            bad()
    assert pickle.dumps(pool) == before
