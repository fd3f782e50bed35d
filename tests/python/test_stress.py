"""cushion.stress: the stress index and the regime state machine, against the plain-Python
transcriptions in reference/risk.py."""

from __future__ import annotations

import math
import pickle

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cushion
from cushion import stress
from cushion.stress import Regime, RegimeTracker, Signal, SignalSpec, StalePolicy, StressIndex
from reference import risk

SPECS = StressIndex().specs
CALM = [sp.calm for sp in SPECS]


def test_default_specs_are_documented():
    assert [s.name for s in Signal] == [
        "REALISED_VOLATILITY", "BID_DEPTH_1PCT", "BID_DEPTH_5PCT", "QUOTED_SPREAD", "FUNDING_RATE",
        "OPEN_INTEREST_CHANGE", "LIQUIDATION_VELOCITY", "ORACLE_CONFIDENCE"]
    assert sum(sp.weight for sp in SPECS) == pytest.approx(1.0)
    assert stress.DEFAULT_SPECS[Signal.BID_DEPTH_1PCT] == SignalSpec(1.0, 0.2, 0.15)
    assert stress.DEFAULT_SPECS[Signal.FUNDING_RATE].magnitude
    assert list(StressIndex().weights) == [sp.weight for sp in SPECS]


def test_mapping_inputs_and_the_reading():
    idx = StressIndex(weights={"quoted_spread": 0.0})
    r = idx.evaluate({Signal.REALISED_VOLATILITY: 2.0, "bid_depth_1pct": 1.0, "bid_depth_5pct": 1.0,
                      "funding_rate": 0.1, "open_interest_change": 0.0, "liquidation_velocity": 1.0,
                      "oracle_confidence": 0.01})
    # quoted spread absent (missing) and weightless; volatility fully stressed: 0.2 / 0.9
    assert r.index == pytest.approx(0.2 / 0.9)
    assert r.missing == [Signal.QUOTED_SPREAD]
    assert Signal.QUOTED_SPREAD not in r.used
    assert r.normalised.shape == (8,) and math.isnan(r.normalised[3])
    assert "StressReading(index=" in repr(r)


finite_or_missing = st.one_of(st.just(float("nan")), st.floats(-5, 15, allow_nan=False))


@given(values=st.lists(finite_or_missing, min_size=8, max_size=8),
       ages=st.lists(st.one_of(st.integers(0, 600), st.just(math.inf)), min_size=8, max_size=8),
       policy=st.sampled_from(list(StalePolicy)), min_coverage=st.floats(0, 1))
def test_index_matches_reference(values, ages, policy, min_coverage):
    idx = StressIndex(stale_policy=policy, min_coverage=min_coverage)
    r = idx.evaluate(values, [float(a) for a in ages])
    ref = risk.stress_index(values, ages, SPECS, policy.name.lower(), min_coverage)
    assert r.index == pytest.approx(ref[0], abs=1e-12)
    assert r.coverage == pytest.approx(ref[1], abs=1e-12)
    assert r.fail_safe == ref[2]
    assert 0.0 <= r.index <= 1.0


def test_path_is_the_scalar_evaluation_per_block():
    rng = np.random.default_rng(1)
    values = np.tile(CALM, (50, 1)) * rng.uniform(0.5, 4.0, size=(50, 8))
    values[rng.random((50, 8)) < 0.1] = np.nan
    ages = rng.integers(0, 400, size=(50, 8)).astype(float)
    p = stress.stress_path(values, ages)
    for t in range(50):
        r = StressIndex().evaluate(list(values[t]), list(ages[t]))
        assert p.index[t] == r.index
        assert p.used_mask[t] == r.used_mask
        assert p.stale_mask[t] == r.stale_mask
    assert p.normalised.shape == (50, 8)
    df = p.to_dataframe()
    assert list(df.columns[:2]) == ["index", "coverage"] and len(df) == 50


def test_bad_inputs_name_the_argument():
    idx = StressIndex()
    with pytest.raises(ValueError, match="values must have 8 entries"):
        idx.evaluate([0.1] * 7)
    with pytest.raises(ValueError, match="unknown signal 'volatility'"):
        idx.evaluate({"volatility": 1.0})
    with pytest.raises(TypeError, match="values"):
        idx.evaluate(None)
    with pytest.raises(ValueError, match="ages"):
        idx.evaluate(CALM, [-1] + [0] * 7)
    with pytest.raises(ValueError, match="must not contain inf"):
        idx.path(np.full((2, 8), np.inf))
    with pytest.raises(ValueError, match=r"shape \(T, 8\)"):
        idx.path(np.zeros((2, 7)))
    with pytest.raises(TypeError, match="dtype"):
        idx.path(np.array([["a"] * 8]))
    with pytest.raises(ValueError, match="calm and severe must differ"):
        SignalSpec(1.0, 1.0, 0.1)
    with pytest.raises(ValueError, match="min_coverage"):
        StressIndex(min_coverage=1.5)
    with pytest.raises(TypeError, match="SignalSpec"):
        StressIndex(specs={"funding_rate": 3})


def test_everything_pickles():
    for obj in (StressIndex(stale_policy=StalePolicy.DROP), SignalSpec(0, 1, 0.5, magnitude=True),
                RegimeTracker(release_blocks=3), cushion.exact.RegimeTracker()):
        assert pickle.loads(pickle.dumps(obj)) == obj


# -- regimes -------------------------------------------------------------------------------

@given(st.lists(st.floats(0, 1), min_size=1, max_size=400))
def test_regimes_match_reference(path):
    got = stress.regime_path(path).regime
    assert list(got) == risk.regimes(path)


@given(centre=st.floats(0.2, 0.8), amplitude=st.floats(0.01, 0.09), seed=st.integers(0, 2**32 - 1))
def test_noisy_input_does_not_oscillate(centre, amplitude, seed):
    """Noise narrower than the hysteresis band (0.10 / 0.15) around any level: at most two
    transitions (calm -> moderate -> severe, or one escalation), never a release."""
    rng = np.random.default_rng(seed)
    path = np.clip(centre + rng.uniform(-amplitude, amplitude, 3000), 0, 1)
    rp = stress.regime_path(path)
    assert rp.transitions <= 2
    assert np.all(np.diff(rp.regime) >= 0)  # never steps down on noise alone
    assert np.all(rp.effective >= path)


def test_delayed_release_and_floors():
    t = RegimeTracker(release_blocks=3)
    assert t.update(0.9) is Regime.SEVERE
    assert t.effective(0.1) == 0.65
    assert [t.update(0.1) for _ in range(6)] == [Regime.SEVERE] * 2 + [Regime.MODERATE] * 3 + [Regime.CALM]
    branch = t.copy()
    branch.update(0.5)
    assert t.regime is Regime.CALM and branch.regime is Regime.MODERATE
    custom = RegimeTracker(enter_moderate=0.4, exit_moderate=0.2, floor_moderate=0.1)
    custom.update(0.45)
    assert custom.effective(0.0) == 0.1
    assert custom.thresholds["enter_severe"] == 0.65
    with pytest.raises(ValueError, match="exit_moderate must be < enter_moderate"):
        RegimeTracker(exit_moderate=0.5)
    with pytest.raises(ValueError, match="stress must be"):
        t.update(1.2)
    with pytest.raises(TypeError, match="stress must be a real number"):
        t.update("high")
    with pytest.raises(ValueError, match="release_blocks"):
        RegimeTracker(release_blocks=0)


def test_exact_tracker_uses_wads():
    t = cushion.exact.RegimeTracker()
    assert t.thresholds["enter_severe"] == 65 * 10**16
    assert t.update(65 * 10**16) is Regime.SEVERE
    assert t.effective(0) == 65 * 10**16
    with pytest.raises(ValueError, match="1e18"):
        t.update(10**18 + 1)
    with pytest.raises(TypeError, match="must be an int"):
        t.update(0.5)


@given(st.floats(0, 1))
def test_to_stress_wad_rounds_up_exactly(s):
    assert stress.to_stress_wad(s) == risk.stress_wad(s)
    assert cushion.exact.to_stress_wad(s) >= s * 10**18 - 1e3


def test_to_stress_wad_rejects():
    with pytest.raises(ValueError):
        stress.to_stress_wad(1.5)
    with pytest.raises(ValueError):
        stress.to_stress_wad(float("nan"))
