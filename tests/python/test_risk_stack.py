"""The adapter to the cushion machinery (cushion.risk._stack): what the risk layer relies on
— caps never exceeded per block or per window, nothing dropped, regimes with hysteresis and
delayed release, the stress index's range and fail-safe, schedules that sum to the order."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cushion.risk._stack import (SIGNALS, RegimeThresholds, Regimes, cushion_pool, plan_tranches, stress_index,
                                 unit_bid)

SPREAD = (0.003, 0.047, 1.0, 0.05)


def pool(depth=20.0, block=(2.0, 1.0), window=(10.0, 4.0), window_blocks=30, decay=0.99):
    return cushion_pool(10.0, depth, SPREAD, block, window, window_blocks, decay)


@given(st.lists(st.tuples(st.floats(0, 6), st.floats(0, 1), st.integers(0, 3)), min_size=1, max_size=60))
def test_caps_hold_and_nothing_is_dropped(orders):
    p = pool()
    used = {}  # block -> items absorbed
    block = 0
    for n, s, gap in orders:
        r = p.absorb(n, s)
        assert r.filled >= 0 and r.remainder >= 0
        assert r.filled + r.remainder == pytest.approx(n, abs=1e-9)
        assert r.proceeds >= 0 and (r.filled == 0 or r.proceeds < r.filled * 10.0 * 1.2)
        used[block] = used.get(block, 0.0) + r.filled
        assert used[block] <= 2.0 + 1e-9  # the calm per-block cap is the largest it can be
        window = sum(v for b, v in used.items() if b > block - 30)
        assert window <= 10.0 + 1e-9
        if gap:
            p.advance(gap, reference=10.0)
            block += gap


def test_pool_widens_with_stress_and_recovers():
    calm, stressed = pool(), pool()
    a = calm.absorb(1.0, 0.0)
    b = stressed.absorb(1.0, 1.0)
    assert b.proceeds < a.proceeds  # a wider spread at full stress
    assert b.proceeds == pytest.approx(a.proceeds * (1 - 0.05) / (1 - 0.003), rel=1e-9)
    mid_after = calm.mid
    assert mid_after < 10.0 * 1.001
    calm.advance(200, reference=10.0)
    assert abs(calm.mid - 10.0) < abs(mid_after - 10.0)  # the dislocation decays toward the reference
    assert unit_bid(pool(), 0.0) == pytest.approx(pool().preview(1.0, 0.0).proceeds, rel=1e-9)


def test_regimes_hysteresis_and_release():
    r = Regimes(2, RegimeThresholds(release_updates=3))
    assert r.update(np.array([0.7, 0.4])).tolist() == [2, 1]  # escalation is immediate
    assert r.effective(np.array([0.1, 0.1])).tolist() == pytest.approx([0.65, 0.35])
    seq = [r.update(np.array([0.55, 0.3])).tolist() for _ in range(3)]  # inside both bands
    assert seq == [[2, 1]] * 3
    seq = [r.update(np.array([0.0, 0.0])).tolist() for _ in range(6)]
    assert seq == [[2, 1], [2, 1], [1, 0], [1, 0], [1, 0], [0, 0]]
    with pytest.raises(ValueError):
        RegimeThresholds(enter_moderate=0.2, exit_moderate=0.3)


def test_stress_index_range_and_fail_safe():
    calm = {name: np.array([v]) for name, v in zip(SIGNALS, (0.6, 1.0, 1.0, 0.01, 0.1, 0.02, 1.0, 0.01))}
    severe = {name: np.array([v]) for name, v in zip(SIGNALS, (2.0, 0.2, 0.3, 0.1, 1.0, -0.25, 10.0, 0.1))}
    assert stress_index(calm)[0] == pytest.approx(0.0)
    assert stress_index(severe)[0] == pytest.approx(1.0)
    mixed = dict(calm, bid_depth_5pct=np.array([0.65]))  # half way on one signal of weight 0.10
    assert stress_index(mixed)[0] == pytest.approx(0.5 * 0.10 / 1.0)
    assert stress_index({"funding_rate": np.array([0.1])})[0] == 1.0  # too little coverage: fail safe
    several = stress_index({k: np.array([v[0], severe[k][0]]) for k, v in calm.items()})
    assert several.tolist() == pytest.approx([0.0, 1.0])


@pytest.mark.parametrize("stress", [0.0, 0.6])
def test_plans_sum_to_the_order(stress):
    p = pool(depth=5.0, decay=0.9)
    plan = plan_tranches(p, 12.0, 50, stress, 10.0)
    assert len(plan) == 50 and plan.sum() == pytest.approx(12.0) and np.all(plan >= 0)
    assert p.mid == pytest.approx(pool(depth=5.0, decay=0.9).mid)  # planning does not trade
