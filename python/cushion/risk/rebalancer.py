"""The automatic rebalancer: a controller over the stress index and the buffer's state.

Every engine step the controller is :meth:`Rebalancer.step`-ped with what it observes
(per-collection stress index, drawdowns, oracle flags, venues, gas, buffer utilisation).
It

* updates its regime tracker (calm / moderate / severe, with hysteresis and delayed
  release: :mod:`cushion.risk._stack`), fed the value-weighted system stress;
* checks its **kill switches** at once (they never wait for a review): an oracle anomaly
  pauses forced unwinds in that collection for a review window (all of them if half the
  book is affected); a venue outage (fewer than ``min_venues_up`` sources) and a gas spike
  (> ``gas_kill_gwei``) pause every sale into the open market and the cushion's inventory
  unwinds, while notices, refinancing and absorption by the protocol's own cushion go on;
* when a review is due — every ``review_interval_minutes`` (shorter under stress), or at
  once when the regime escalates — **classifies** the event (market shock, asset-specific
  decay, oracle anomaly) and moves its policy along the **ladder**: temporary
  overcollateralization per bucket (moderate +5-10 %), the reserve multiplier and the
  review interval (severe: higher reserve requirement, shorter review interval), borrow-cap
  cuts and no refinancing for decaying assets.

Raising is immediate.  Lowering follows the **release rule**: no release until
``release_delay_hours`` after the last raise, then at most ``release_step`` per review —
"a single green candle does not de-risk the system".  Every review appends a
:class:`Decision` to :attr:`Rebalancer.log` with its inputs, what changed and why.  All
values live in a :class:`~cushion.risk.envelopes.ParameterSet`, so they stay inside their
governance envelopes (a ladder outside them is refused at construction unless an
emergency override is passed, and then logged).
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

from .._validate import (check_array, check_bool_array, check_fields, check_index_array, check_instance, check_int,
                         check_real, check_sequence)
from ..scenarios import BUCKETS
from ._stack import Regime, RegimeThresholds, Regimes
from .envelopes import EmergencyOverride, EnvelopeViolation, OverrideRecord, ParameterSet, default_envelopes

__all__ = ["Decision", "EventClass", "KillSwitch", "Policy", "PolicyLadder", "PolicyRung", "Rebalancer",
           "RebalancerConfig", "RebalancerInputs", "decision_frame"]

HOUR = 3600.0


class EventClass(str, enum.Enum):
    """What kind of stress the controller believes it is in (the seed's three classes)."""

    NONE = "none"
    MARKET_SHOCK = "market_shock"
    """Broad, correlated fall: temporary OC and buffer activation."""
    ASSET_DECAY = "asset_decay"
    """One collection falling on its own: tighter borrow caps, no refinancing."""
    ORACLE_ANOMALY = "oracle_anomaly"
    """The price feed cannot be trusted: delayed liquidation and a review window."""


class KillSwitch(str, enum.Enum):
    """Conditions that halt part of the machinery at once."""

    ORACLE_ANOMALY = "oracle_anomaly"
    VENUE_OUTAGE = "venue_outage"
    GAS_SPIKE = "gas_spike"


@dataclass(frozen=True)
class PolicyRung:
    """The policy for one regime: OC add-on per bucket, reserve multiplier, review interval."""

    oc_addon: tuple[float, float, float]
    reserve_multiplier: float
    review_interval_minutes: float

    def __post_init__(self) -> None:
        addon = check_array("oc_addon", self.oc_addon, shape=(3,), lo=0.0)
        object.__setattr__(self, "oc_addon", tuple(float(a) for a in addon))
        check_fields(self, ("reserve_multiplier", "review_interval_minutes"), lo=0.0, lo_open=True)


@dataclass(frozen=True)
class PolicyLadder:
    """calm -> moderate -> severe (the seed: moderate stress +5-10 % margin; severe stress a
    higher reserve requirement and a shorter review interval)."""

    calm: PolicyRung = PolicyRung((0.0, 0.0, 0.0), 1.0, 60.0)
    moderate: PolicyRung = PolicyRung((0.05, 0.075, 0.10), 1.25, 30.0)
    severe: PolicyRung = PolicyRung((0.075, 0.10, 0.125), 1.5, 15.0)

    def __post_init__(self) -> None:
        for name in ("calm", "moderate", "severe"):
            check_instance(name, getattr(self, name), PolicyRung)

    def rung(self, regime: int) -> PolicyRung:
        """The rung for a regime level (0, 1, 2)."""
        return (self.calm, self.moderate, self.severe)[check_int("regime", regime, lo=0, hi=2)]


@dataclass(frozen=True)
class RebalancerConfig:
    """Controller parameters (see the module docstring).

    ``release_updates`` of the regime thresholds counts engine steps (not blocks).
    """

    ladder: PolicyLadder = PolicyLadder()
    thresholds: RegimeThresholds = RegimeThresholds()
    release_delay_hours: float = 6.0
    release_step: float = 0.025
    cure_window_hours: float = 6.0
    max_support_fraction: float = 0.15
    hard_floor_hf: float = 0.95
    max_ltv_cut: float = 0.25
    gas_kill_gwei: float = 300.0
    min_venues_up: int = 2
    anomaly_review_hours: float = 2.0
    shock_breadth: float = 0.5
    shock_drawdown: float = 0.05
    decay_gap: float = 0.10

    def __post_init__(self) -> None:
        check_instance("ladder", self.ladder, PolicyLadder)
        check_instance("thresholds", self.thresholds, RegimeThresholds)
        check_fields(self, ("release_delay_hours", "release_step", "cure_window_hours", "anomaly_review_hours",
                            "gas_kill_gwei", "shock_breadth", "decay_gap"), lo=0.0, lo_open=True)
        check_fields(self, ("max_support_fraction", "max_ltv_cut", "shock_drawdown"), lo=0.0, hi=1.0)
        check_fields(self, ("hard_floor_hf",), lo=0.0)
        check_int("min_venues_up", self.min_venues_up, lo=0, hi=10**6)


@dataclass(frozen=True)
class RebalancerInputs:
    """What the controller observes at one step.

    Attributes:
        stress: (K,) stress index per collection (in [0, 1]).
        value_weight: (K,) share of the book's collateral in each collection.
        drawdown: (K,) fall of the oracle mark from its recent high (fraction).
        oracle_anomaly: (K,) the oracle's anomaly flags.
        venues_up: (S,) which price sources report.
        gas_gwei: gas price.
        buffer_utilisation: deployed / (deployed + balance) of the buffer.
        funding: perp funding per 8 h (reported in the log).
    """

    stress: np.ndarray
    value_weight: np.ndarray
    drawdown: np.ndarray
    oracle_anomaly: np.ndarray
    venues_up: np.ndarray
    gas_gwei: float
    buffer_utilisation: float = 0.0
    funding: float = 0.0

    def __post_init__(self) -> None:
        stress = check_array("stress", self.stress, lo=0.0)
        if np.any(stress > 1):
            raise ValueError("stress must be in [0, 1]")
        k = (len(stress),)
        checked = {"stress": stress, "value_weight": check_array("value_weight", self.value_weight, shape=k, lo=0.0),
                   "drawdown": check_array("drawdown", self.drawdown, shape=k),  # < 0: above the recent high
                   "oracle_anomaly": check_bool_array("oracle_anomaly", self.oracle_anomaly, shape=k),
                   "venues_up": check_bool_array("venues_up", self.venues_up)}  # one per price source
        for name, a in checked.items():
            object.__setattr__(self, name, a)
        check_fields(self, ("gas_gwei",), lo=0.0)
        check_fields(self, ("buffer_utilisation",), lo=0.0, hi=1.0)
        check_fields(self, ("funding",))


@dataclass(frozen=True)
class Decision:
    """One review: inputs, classification, the policy after it, what changed and why."""

    time: float
    regime: str
    system_stress: float
    event: EventClass
    classes: Mapping[str, str]
    oc_addon: Mapping[str, float]
    reserve_multiplier: float
    review_interval_minutes: float
    kill_switches: tuple[str, ...]
    paused_collections: tuple[int, ...]
    decaying_collections: tuple[int, ...]
    changed: tuple[str, ...]
    reason: str
    inputs: Mapping[str, Any]


@dataclass
class Policy:
    """The controller's current orders to the rest of the stack."""

    oc_addon: np.ndarray
    """(3,) temporary OC add-on per bucket."""
    reserve_multiplier: float
    review_interval_minutes: float
    unwind_paused_until: np.ndarray
    """(K,) time until which forced unwinds are paused (oracle anomaly review window)."""
    market_sales_paused: bool
    """Venue outage or gas spike: no sales into the open market, no inventory unwinds."""
    support_blocked: np.ndarray
    """(K,) no buffer refinancing (asset decay)."""
    max_ltv_cut: np.ndarray
    """(K,) borrow-cap cut as a share of max LTV (asset decay)."""
    regime: int = Regime.CALM
    event: EventClass = EventClass.NONE
    kill_switches: tuple[str, ...] = ()


class Rebalancer:
    """The controller (see the module docstring).

    Args:
        collection_buckets: (K,) bucket index of each collection.
        config: controller parameters.
        params: the governance-enveloped values; default: :func:`default_envelopes` with
            the ladder's calm rung.
        override: needed if ``config`` puts a value outside its envelope (then logged).
        collection_names: labels for the log.
    """

    def __init__(self, collection_buckets: np.ndarray, config: RebalancerConfig | None = None,
                 params: ParameterSet | None = None, override: EmergencyOverride | None = None,
                 collection_names: tuple[str, ...] | None = None) -> None:
        self.config = cfg = RebalancerConfig() if config is None else check_instance(
            "config", config, RebalancerConfig, "RebalancerConfig or None")
        self.collection_buckets = check_index_array("collection_buckets", collection_buckets, len(BUCKETS))
        K = len(self.collection_buckets)
        if params is not None:
            check_instance("params", params, ParameterSet, "ParameterSet or None")
        if override is not None:
            check_instance("override", override, EmergencyOverride, "EmergencyOverride or None")
        if collection_names is None:
            collection_names = tuple(f"c{i}" for i in range(K))
        self.names = check_sequence("collection_names", collection_names, str, "str")
        if len(self.names) != K:
            raise ValueError(f"collection_names has {len(self.names)} names for the {K} collections of "
                             "collection_buckets")
        calm = cfg.ladder.calm
        if params is None:
            values = {f"oc_addon_{b}": calm.oc_addon[i] for i, b in enumerate(BUCKETS)}
            values.update(reserve_multiplier=calm.reserve_multiplier,
                          review_interval_minutes=calm.review_interval_minutes,
                          cure_window_hours=cfg.cure_window_hours, release_step=cfg.release_step,
                          release_delay_hours=cfg.release_delay_hours, max_support_fraction=cfg.max_support_fraction,
                          hard_floor_hf=cfg.hard_floor_hf, max_ltv_cut=cfg.max_ltv_cut)
            envelopes = {e.name: e for e in default_envelopes()}
            params = ParameterSet(envelopes.values(), {k: envelopes[k].clamp(v) for k, v in values.items()})
            for k, v in values.items():
                if params[k] != v:
                    params.set(k, v, override=override)  # EnvelopeViolation without an override
        self.params = params
        # The ladder's rungs must sit inside the envelopes too (or be covered by the override).
        for rung in (cfg.ladder.calm, cfg.ladder.moderate, cfg.ladder.severe):
            for i, b in enumerate(BUCKETS):
                self._check_in_envelope(f"oc_addon_{b}", rung.oc_addon[i], override)
            self._check_in_envelope("reserve_multiplier", rung.reserve_multiplier, override)
            self._check_in_envelope("review_interval_minutes", rung.review_interval_minutes, override)
        self.override = override
        self.tracker = Regimes(1, cfg.thresholds)
        self.policy = Policy(
            oc_addon=np.array([params[f"oc_addon_{b}"] for b in BUCKETS]),
            reserve_multiplier=params["reserve_multiplier"],
            review_interval_minutes=params["review_interval_minutes"],
            unwind_paused_until=np.full(K, -math.inf),
            market_sales_paused=False,
            support_blocked=np.zeros(K, dtype=bool),
            max_ltv_cut=np.zeros(K),
        )
        self.log: list[Decision] = []
        self.next_review = 0.0
        self.last_raise = np.full(3, -math.inf)
        self.last_release = np.full(3, -math.inf)
        self.system_stress = 0.0

    def _check_in_envelope(self, name: str, value: float, override: EmergencyOverride | None) -> None:
        env = self.params.envelope(name)
        if not env.contains(value):
            if override is None:
                raise EnvelopeViolation(f"the policy ladder sets {name} = {value}, outside [{env.min}, {env.max}]")
            self.params.override_log.append(OverrideRecord(0.0, name, self.params[name], value, (env.min, env.max),
                                                           f"ladder: {override.reason}", override.authorised_by,
                                                           override.expires_at))

    # --- the control loop ------------------------------------------------------------------
    def step(self, time: float, inputs: RebalancerInputs) -> Policy:
        """Observes one step; runs a review if one is due (or the regime escalated)."""
        cfg = self.config
        time = check_real("time", time, lo=0.0)
        check_instance("inputs", inputs, RebalancerInputs)
        if len(inputs.stress) != len(self.collection_buckets):
            raise ValueError(f"inputs has {len(inputs.stress)} collections; the rebalancer has "
                             f"{len(self.collection_buckets)}")
        w = np.asarray(inputs.value_weight, dtype=float)
        stress = np.asarray(inputs.stress, dtype=float)
        self.system_stress = float(np.dot(w, stress) / max(w.sum(), 1e-300))
        before = int(self.tracker.regime[0])
        regime = int(self.tracker.update(np.array([self.system_stress]))[0])
        p = self.policy
        p.regime = regime

        # Kill switches act every step.
        switches = []
        anomaly = np.asarray(inputs.oracle_anomaly, dtype=bool)
        if anomaly.any():
            until = time + cfg.anomaly_review_hours * HOUR
            if w[anomaly].sum() >= 0.5 * w.sum():
                p.unwind_paused_until[:] = np.maximum(p.unwind_paused_until, until)
            else:
                p.unwind_paused_until[anomaly] = np.maximum(p.unwind_paused_until[anomaly], until)
            switches.append(KillSwitch.ORACLE_ANOMALY.value)
        venues_up = int(np.sum(inputs.venues_up))
        if venues_up < cfg.min_venues_up:
            switches.append(KillSwitch.VENUE_OUTAGE.value)
        if inputs.gas_gwei > cfg.gas_kill_gwei:
            switches.append(KillSwitch.GAS_SPIKE.value)
        p.market_sales_paused = KillSwitch.VENUE_OUTAGE.value in switches or KillSwitch.GAS_SPIKE.value in switches
        switched = tuple(switches) != p.kill_switches
        p.kill_switches = tuple(switches)

        if time >= self.next_review or regime > before or switched:
            self._review(time, inputs, stress, w, regime, before)
        return p

    def _review(self, time: float, inputs: RebalancerInputs, stress: np.ndarray, w: np.ndarray, regime: int,
                regime_before: int) -> None:
        cfg = self.config
        p = self.policy
        params = self.params
        t_enter = cfg.thresholds.enter_moderate
        drawdown = np.asarray(inputs.drawdown, dtype=float)
        anomaly = np.asarray(inputs.oracle_anomaly, dtype=bool)

        # Classification.
        stressed = (stress >= t_enter) | (drawdown >= cfg.shock_drawdown)
        breadth = float(w[stressed].sum() / max(w.sum(), 1e-300))
        shock = regime >= Regime.MODERATE and breadth >= cfg.shock_breadth
        median_dd = float(np.median(drawdown))
        decaying = (drawdown - median_dd >= cfg.decay_gap) & ~anomaly
        classes = {}
        for k, name in enumerate(self.names):
            if anomaly[k]:
                classes[name] = EventClass.ORACLE_ANOMALY.value
            elif decaying[k]:
                classes[name] = EventClass.ASSET_DECAY.value
            elif shock and stressed[k]:
                classes[name] = EventClass.MARKET_SHOCK.value
            else:
                classes[name] = EventClass.NONE.value
        event = (EventClass.MARKET_SHOCK if shock else EventClass.ASSET_DECAY if decaying.any()
                 else EventClass.ORACLE_ANOMALY if anomaly.any() else EventClass.NONE)
        p.event = event
        p.support_blocked = decaying.copy()
        p.max_ltv_cut = np.where(decaying, params["max_ltv_cut"], 0.0)

        # The ladder, with immediate raises and the release rule for cuts.
        rung = cfg.ladder.rung(regime)
        changed: list[str] = []
        notes: list[str] = []
        release_delay = params["release_delay_hours"] * HOUR
        release_step = params["release_step"]
        for i, b in enumerate(BUCKETS):
            name = f"oc_addon_{b}"
            old = params[name]
            target = rung.oc_addon[i]
            new = old
            if target > old:
                new = target
                self.last_raise[i] = time
                notes.append(f"{name} {old:.3f}->{new:.3f} (raise at once)")
            elif target < old:
                if time - self.last_raise[i] >= release_delay:
                    new = max(target, round(old - release_step, 12))  # no float residue above target
                    self.last_release[i] = time
                    notes.append(f"{name} {old:.3f}->{new:.3f} (release, at most {release_step:.3f} per review)")
                else:
                    left = (release_delay - (time - self.last_raise[i])) / HOUR
                    notes.append(f"{name} held at {old:.3f} (release delay: {left:.1f} h to go)")
            if new != old:
                params.set(name, new, override=self.override if not params.envelope(name).contains(new) else None,
                           time=time)
                changed.append(name)
            p.oc_addon[i] = params[name]
        for name, target in (("reserve_multiplier", rung.reserve_multiplier),
                             ("review_interval_minutes", rung.review_interval_minutes)):
            old = params[name]
            raising = target > old if name == "reserve_multiplier" else target < old
            if target != old and (raising or time - float(np.max(self.last_raise)) >= release_delay):
                params.set(name, target, override=self.override if not params.envelope(name).contains(target) else None,
                           time=time)
                changed.append(name)
                notes.append(f"{name} {old:g}->{target:g}")
        p.reserve_multiplier = params["reserve_multiplier"]
        p.review_interval_minutes = params["review_interval_minutes"]
        params.expire(time)
        self.next_review = time + p.review_interval_minutes * 60.0

        regime_name = Regime.NAMES[regime]
        why = [f"regime {regime_name} (system stress {self.system_stress:.2f}"
               + (f", escalated from {Regime.NAMES[regime_before]}" if regime > regime_before else "") + ")"]
        if event is not EventClass.NONE:
            why.append(f"event {event.value}: breadth {breadth:.0%} of collateral stressed, median drawdown "
                       f"{median_dd:.1%}")
        if decaying.any():
            why.append("asset decay in " + ", ".join(self.names[k] for k in np.flatnonzero(decaying))
                       + ": borrow caps cut, no refinancing")
        paused = tuple(int(k) for k in np.flatnonzero(p.unwind_paused_until > time))
        if paused:
            why.append("unwinds paused (oracle review window) in " + ", ".join(self.names[k] for k in paused))
        if p.kill_switches:
            why.append("kill switches: " + ", ".join(p.kill_switches))
        why.extend(notes)
        self.log.append(Decision(
            time=time, regime=regime_name, system_stress=self.system_stress, event=event, classes=classes,
            oc_addon={b: float(p.oc_addon[i]) for i, b in enumerate(BUCKETS)},
            reserve_multiplier=p.reserve_multiplier, review_interval_minutes=p.review_interval_minutes,
            kill_switches=p.kill_switches, paused_collections=paused,
            decaying_collections=tuple(int(k) for k in np.flatnonzero(decaying)), changed=tuple(changed),
            reason="; ".join(why),
            inputs={"stress": dict(zip(self.names, np.round(stress, 4).tolist())),
                    "drawdown": dict(zip(self.names, np.round(drawdown, 4).tolist())),
                    "oracle_anomaly": [self.names[k] for k in np.flatnonzero(anomaly)],
                    "venues_up": int(np.sum(inputs.venues_up)), "gas_gwei": round(float(inputs.gas_gwei), 2),
                    "buffer_utilisation": round(float(inputs.buffer_utilisation), 4),
                    "funding": float(inputs.funding)},
        ))

    def to_frame(self) -> "pd.DataFrame":
        """The decision log as a DataFrame (one row per review)."""
        return decision_frame(self.log)


def decision_frame(decisions: list[Decision]) -> "pd.DataFrame":
    """Decisions as a DataFrame: time, regime, stress, event, policy, what changed and why."""
    import pandas as pd

    check_sequence("decisions", decisions, Decision, "Decisions")
    rows = []
    for d in decisions:
        row = {"time_h": d.time / HOUR, "regime": d.regime, "system_stress": d.system_stress,
               "event": d.event.value, "reserve_multiplier": d.reserve_multiplier,
               "review_interval_minutes": d.review_interval_minutes, "kill_switches": ",".join(d.kill_switches),
               "changed": ",".join(d.changed), "reason": d.reason}
        row.update({f"oc_{b}": v for b, v in d.oc_addon.items()})
        rows.append(row)
    return pd.DataFrame(rows)
