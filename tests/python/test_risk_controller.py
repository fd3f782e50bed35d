"""Parameter envelopes and the rebalancer: envelopes hold unless an override is logged;
the controller escalates at once, never releases overcollateralization faster than its
release rule, classifies events, trips kill switches, and logs every decision."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cushion.risk import (EmergencyOverride, Envelope, EnvelopeViolation, EventClass, ParameterSet, PolicyLadder,
                          PolicyRung, Rebalancer, RebalancerConfig, RebalancerInputs)
from cushion.risk._stack import RegimeThresholds

HOUR = 3600.0
ENVELOPES = [Envelope("a", 0.0, 1.0), Envelope("b", -5.0, 5.0), Envelope("c", 10.0, 10.0)]


@given(st.lists(st.tuples(st.sampled_from("abc"), st.floats(-20, 20, allow_nan=False), st.booleans(),
                          st.floats(0, 100)), max_size=40))
def test_envelopes_hold_unless_overridden(changes):
    params = ParameterSet(ENVELOPES, {"a": 0.5, "b": 0.0, "c": 10.0})
    overridden: dict[str, bool] = {}
    for time, (name, value, with_override, expiry) in enumerate(changes):
        env = params.envelope(name)
        logged = len(params.override_log)
        override = EmergencyOverride("stress test", "emergency-multisig", expires_at=time + expiry) \
            if with_override else None
        if env.contains(value):
            params.set(name, value, override=override, time=time)
            overridden[name] = False
            assert len(params.override_log) == logged  # nothing to log inside the envelope
        elif override is None:
            old = params[name]
            with pytest.raises(EnvelopeViolation, match=name):
                params.set(name, value, time=time)
            assert params[name] == old
        else:
            params.set(name, value, override=override, time=time)
            overridden[name] = True
            rec = params.override_log[-1]
            assert (rec.name, rec.new, rec.reason, rec.authorised_by, rec.time) == \
                (name, value, "stress test", "emergency-multisig", time)
        for n in "abc":  # every value is inside its envelope unless an override is on record
            assert params.envelope(n).contains(params[n]) or (overridden.get(n) and params.is_overridden(n))
    reverted = params.expire(math.inf)
    assert all(params.envelope(n).contains(params[n]) for n in "abc")
    assert all(params.override_log[-1 - i].reason == "override expired" for i in range(len(reverted)))


def test_envelope_validation():
    with pytest.raises(ValueError):
        Envelope("x", 2.0, 1.0)
    with pytest.raises(ValueError, match="no initial value"):
        ParameterSet(ENVELOPES, {"a": 0.5})
    params = ParameterSet(ENVELOPES, {"a": 0.5, "b": 0.0, "c": 10.0})
    with pytest.raises(KeyError, match="zzz"):
        params.set("zzz", 1.0)
    with pytest.raises(ValueError):
        params.set("a", float("nan"))
    with pytest.raises(ValueError):
        EmergencyOverride("", "someone")


def inputs(stress, k=3, anomaly=None, venues=3, gas=30.0, drawdown=None):
    return RebalancerInputs(stress=np.full(k, stress) if np.isscalar(stress) else np.asarray(stress),
                            value_weight=np.full(k, 1.0 / k),
                            drawdown=np.zeros(k) if drawdown is None else np.asarray(drawdown),
                            oracle_anomaly=np.zeros(k, dtype=bool) if anomaly is None else np.asarray(anomaly),
                            venues_up=np.ones(venues, dtype=bool), gas_gwei=gas)


@given(st.lists(st.tuples(st.floats(0, 1), st.floats(60, 7200)), min_size=1, max_size=80))
def test_release_rule_never_broken(path):
    """Whatever the stress path: raises may be immediate; every cut is at most release_step
    per review and only after release_delay_hours since the bucket's last raise."""
    cfg = RebalancerConfig(thresholds=RegimeThresholds(release_updates=2), release_step=0.02,
                           release_delay_hours=3.0)
    reb = Rebalancer(np.array([0, 1, 2]), cfg)
    time = 0.0
    last_raise = np.full(3, -math.inf)
    prev = reb.policy.oc_addon.copy()
    for stress, dt in path:
        time += dt
        policy = reb.step(time, inputs(stress))
        oc = policy.oc_addon
        raised = oc > prev + 1e-15
        last_raise[raised] = time
        cut = prev - oc
        assert np.all(cut <= cfg.release_step + 1e-12)
        assert np.all((cut <= 1e-15) | (time - last_raise >= cfg.release_delay_hours * HOUR))
        for i, b in enumerate(("blue_chip", "mid", "long_tail")):
            assert reb.params.envelope(f"oc_addon_{b}").contains(oc[i])
        prev = oc.copy()


def test_escalation_hysteresis_and_delayed_release():
    cfg = RebalancerConfig(thresholds=RegimeThresholds(release_updates=3), release_delay_hours=1.0,
                           release_step=0.025)
    reb = Rebalancer(np.array([0, 1, 2]), cfg)
    t = 0.0
    reb.step(t, inputs(0.1))
    assert reb.policy.regime == 0 and np.all(reb.policy.oc_addon == 0)
    t += 300
    p = reb.step(t, inputs(0.7))  # calm -> severe in one step, reviewed at once
    assert p.regime == 2 and reb.log[-1].time == t
    assert p.oc_addon.tolist() == list(cfg.ladder.severe.oc_addon)
    assert p.reserve_multiplier == cfg.ladder.severe.reserve_multiplier
    assert p.review_interval_minutes == cfg.ladder.severe.review_interval_minutes
    assert reb.log[-1].event is EventClass.MARKET_SHOCK
    # Noise inside the hysteresis band (between exit 0.50 and enter 0.65) changes nothing.
    for _ in range(20):
        t += 300
        assert reb.step(t, inputs(0.55)).regime == 2
    # Below the exit threshold: one step down only after 3 quiet updates.
    regimes = []
    for _ in range(7):
        t += 300
        regimes.append(reb.step(t, inputs(0.0)).regime)
    assert regimes == [2, 2, 1, 1, 1, 0, 0]
    # OC comes down by at most 0.025 per review, not in one go.
    ocs = [reb.policy.oc_addon[2]]
    for _ in range(12):
        t += 3600
        ocs.append(reb.step(t, inputs(0.0)).oc_addon[2])
    steps = -np.diff(ocs)
    assert np.all(steps <= 0.025 + 1e-12) and ocs[-1] == 0.0 and np.count_nonzero(steps) >= 4


def test_kill_switches_and_classification():
    reb = Rebalancer(np.array([0, 1, 2]), RebalancerConfig(gas_kill_gwei=200.0, min_venues_up=2,
                                                          anomaly_review_hours=2.0))
    p = reb.step(0.0, inputs(0.1, anomaly=[False, True, False]))
    assert "oracle_anomaly" in p.kill_switches
    assert p.unwind_paused_until[1] == 2 * HOUR and p.unwind_paused_until[0] == -math.inf
    assert reb.log[-1].classes["c1"] == EventClass.ORACLE_ANOMALY.value
    p = reb.step(60.0, RebalancerInputs(np.full(3, 0.1), np.full(3, 1 / 3), np.zeros(3), np.zeros(3, dtype=bool),
                                        np.array([True, False, False]), gas_gwei=30.0))
    assert p.market_sales_paused and "venue_outage" in p.kill_switches
    p = reb.step(120.0, inputs(0.1, gas=500.0))
    assert p.market_sales_paused and p.kill_switches == ("gas_spike",)
    p = reb.step(180.0, inputs(0.1))
    assert not p.market_sales_paused and p.kill_switches == ()
    # One collection falling alone: asset decay, its refinancing blocked, its borrow cap cut.
    p = reb.step(10 * HOUR, inputs(0.2, drawdown=[0.0, 0.02, 0.25]))
    assert p.support_blocked.tolist() == [False, False, True]
    assert p.max_ltv_cut[2] == reb.params["max_ltv_cut"] and reb.log[-1].event is EventClass.ASSET_DECAY
    d = reb.log[-1]
    assert "asset decay in c2" in d.reason and d.inputs["drawdown"]["c2"] == 0.25
    assert len(reb.to_frame()) == len(reb.log)


def test_ladder_outside_envelope_needs_an_override():
    ladder = PolicyLadder(severe=PolicyRung((0.075, 0.10, 0.30), 1.5, 15.0))  # long tail envelope max is 0.15
    with pytest.raises(EnvelopeViolation, match="oc_addon_long_tail"):
        Rebalancer(np.array([0, 1, 2]), RebalancerConfig(ladder=ladder))
    reb = Rebalancer(np.array([0, 1, 2]), RebalancerConfig(ladder=ladder),
                     override=EmergencyOverride("extreme long-tail stress", "gov-emergency-quorum"))
    assert any(r.name == "oc_addon_long_tail" and r.new == 0.30 for r in reb.params.override_log)
    p = reb.step(0.0, inputs(0.9))
    assert p.oc_addon[2] == pytest.approx(0.30)
    assert reb.params.is_overridden("oc_addon_long_tail")
    assert reb.params.override_log[-1].time == 0.0
