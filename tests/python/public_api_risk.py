"""Valid baseline calls for the risk machinery (issue 4: stress, spread, absorb, schedule) and
the risk layer (issue 5: cushion.risk, cushion.scenarios, cushion.sim), merged into
public_api.BASELINES.  See public_api.py for what a baseline is.

Three more tables complete it:

* RESULT_RECORDS: classes the library *returns* (quotes, fills, readings, decisions, traces):
  their constructors take already-validated results and are not exercised, their methods are
  (on an instance from INSTANCES);
* INSTANCES: how to get an instance of a class whose methods need one that its constructor
  baseline does not give (a record, a buffer with money in it, an auction with a lot);
* NOT_EXERCISED: callables covered by their own tests, with the reason.

Objects a valid call changes (a ledger an order is booked into, a loan book a refinancing is
applied to) are given as ``Fresh(factory)``: every call gets a new one.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

import cushion
from api_baseline import Baseline, Fresh
from cushion import absorb, exact, risk, scenarios, schedule, sim, spread, stress

W = 10**18

# ---------------------------------------------------------------------------------------
# Shared fixtures (small, so that an accepted call costs milliseconds)
# ---------------------------------------------------------------------------------------

_CAP = absorb.AbsorptionCap(block_items=(4.0, 2.0), block_notional=(400.0, 200.0), window_items=(20.0, 8.0),
                            window_blocks=10)
_CAP_EXACT = exact.AbsorptionCap(block_items=(4, 2), block_notional=(400 * W, 200 * W), window_items=(20, 8),
                                 window_blocks=10)
_SPREAD = spread.HalfSpread()
_SPREAD_EXACT = exact.HalfSpread()

# One f64 curve per curve type a StressedCurve / Cushion wraps, and one exact curve each.
_F64_CURVES: dict[str, Any] = {
    "Linear": cushion.Linear(10.0, 0.1, fee=0.005),
    "Exponential": cushion.Exponential(10.0, 1.05, fee=0.005),
    "XYK": cushion.XYK(100.0, 100.0, fee=0.005),
    "GDA": cushion.GDA(10.0, 1.01, 0.0001, 0.0, 3600.0, fee=0.005),
    "WeightedXYK": cushion.WeightedXYK(100.0, 50.0, 50.0, 0.0),
    "LinearImpact": schedule.LinearImpact(10.0, 0.01, 0.05),
}
_EXACT_CURVES: dict[str, Any] = {
    "Linear": exact.Linear(10 * W, W // 10, 5 * 10**15),
    "Exponential": exact.Exponential(10 * W, 105 * W // 100, 5 * 10**15),
    "XYK": exact.XYK(100 * W, 100, 5 * 10**15),
    "GDA": exact.GDA(10 * W, 101 * W // 100, 10**14, 0, 3600, 5 * 10**15),
    "WeightedXYK": exact.WeightedXYK(100 * W, 50 * W, 50, 0),
}
# A quantity each curve sells and buys at its baseline state (weighted XYK: weight units).
_N = {"Linear": 3.0, "Exponential": 3.0, "XYK": 3.0, "GDA": 3.0, "WeightedXYK": 3.0, "LinearImpact": 3.0}
_N_EXACT = {"Linear": 3, "Exponential": 3, "XYK": 3, "GDA": 3, "WeightedXYK": 3 * W}

_STRESS_VALUES = np.array([[0.8, 0.9, 0.9, 0.02, 0.2, 0.05, 2.0, 0.02],
                           [1.2, 0.5, 0.6, 0.05, 0.5, 0.10, 5.0, 0.05],
                           [np.nan, 0.4, 0.5, 0.06, 0.6, 0.12, 6.0, 0.06]])  # NaN: a missing signal
_STRESS_PATH = np.array([0.1, 0.5, 0.8, 0.3])
_SCHEDULE = np.array([2.0, 2.0, 2.0])
_REFERENCE = np.array([1.0, 1.05, 1.1])  # the oracle price path a pool recovers toward

_TINY = scenarios.case_study(horizon_hours=2.0, name="tiny")
_PATHS = _TINY.paths(25)
K = len(_TINY.collections)  # collections
S = len(_TINY.venues)  # price sources
_BOOK = risk.LoanBook.generate(_TINY.collections, 6, seed=3)
_BOOK_ARRAYS = {name: getattr(_BOOK, name) for name in risk.LoanBook.__dataclass_fields__}
_PRICES = np.array([c.floor0 for c in _TINY.collections])
_IDX = np.array([0, 2, 5])
_SIM_CONFIG = sim.SimulationConfig(book=sim.BookConfig(n_loans=12))
_RESULT = sim.simulate(_TINY, _SIM_CONFIG)
_RUN = _RESULT.runs["cushion"]
_READING = risk.Oracle(_PRICES, np.ones(S)).reading
_ENVELOPES = [risk.Envelope("a", -10.0, 10.0), risk.Envelope("b", 0.0, 1.0)]


class SerialClient:
    """A dask.distributed.Client stand-in for sweep(): runs the tasks in this thread (the real
    LocalCluster is tested in test_sweep.py)."""

    def map(self, fn: Callable[[Any], Any], tasks: list[Any], pure: bool = False) -> list[Any]:
        return [fn(t) for t in tasks]

    def gather(self, futures: list[Any]) -> list[Any]:
        return futures


def _ledger() -> Any:
    return absorb.AbsorptionLedger(_CAP)


def _ledger_exact() -> Any:
    return exact.AbsorptionLedger(_CAP_EXACT)


def _buffer() -> risk.LiquidityBuffer:
    """A buffer with money in every bucket and one open position (id 0)."""
    buf = risk.LiquidityBuffer()
    for b in ("blue_chip", "mid", "long_tail"):
        buf.deposit(b, 100.0)
    buf.deploy("mid", 10.0, "support", ref=0)
    return buf


def _auction() -> risk.RescueAuction:
    auction = risk.RescueAuction()
    auction.open(loan=0, collection=1, weight=1.0, mark=10.0, time=0.0)
    return auction


def _rebalancer_inputs() -> risk.RebalancerInputs:
    return risk.RebalancerInputs(stress=np.full(K, 0.4), value_weight=np.full(K, 1.0 / K), drawdown=np.full(K, 0.05),
                                 oracle_anomaly=np.zeros(K, dtype=bool), venues_up=np.ones(S, dtype=bool),
                                 gas_gwei=30.0)


def _strategy(cls: type) -> Any:
    return cls(_TINY, _PATHS, _BOOK.copy(), _SIM_CONFIG)


def _no_support(idx: np.ndarray, amount: np.ndarray) -> np.ndarray:
    return np.zeros(len(idx), dtype=bool)


# ---------------------------------------------------------------------------------------
# Issue 4: stress, spread, absorb, schedule (f64 and exact)
# ---------------------------------------------------------------------------------------

_CAP_LIMIT = {"None", "int"}  # a limit is None (unlimited), a number (constant) or (calm, severe)
_F64_STRESS_ARG = {"numpy array", "list"}  # f64 spread functions take a float or an array

BASELINES: dict[str, Baseline] = {
    # caps and ledgers
    "cushion.absorb.AbsorptionCap": Baseline(
        dict(block_items=(4.0, 2.0), block_notional=(400.0, 200.0), window_items=(20.0, 8.0), window_notional=None,
             window_blocks=10, exponent=1.0),
        accepts={n: _CAP_LIMIT for n in ("block_items", "block_notional", "window_items", "window_notional")},
        kinds={n: "object" for n in ("block_items", "block_notional", "window_items", "window_notional")}),
    "cushion.absorb.AbsorptionCap.at": Baseline(dict(stress=0.5)),
    "cushion.absorb.AbsorptionCap.path": Baseline(dict(stress=_STRESS_PATH), kinds={"stress": "array"}),
    "cushion.exact.AbsorptionCap": Baseline(
        dict(block_items=(4, 2), block_notional=(400 * W, 200 * W), window_items=(20, 8), window_notional=None,
             window_blocks=10, exponent=1),
        accepts={n: _CAP_LIMIT for n in ("block_items", "block_notional", "window_items", "window_notional")},
        kinds={n: "object" for n in ("block_items", "block_notional", "window_items", "window_notional")}),
    "cushion.exact.AbsorptionCap.at": Baseline(dict(stress=W // 2)),
    "cushion.absorb.AbsorptionLedger": Baseline(dict(cap=_CAP)),
    "cushion.absorb.AbsorptionLedger.advance_to": Baseline(dict(block=5)),
    "cushion.absorb.AbsorptionLedger.copy": Baseline({}),
    "cushion.absorb.AbsorptionLedger.headroom": Baseline(dict(block=3, stress=0.5)),
    "cushion.absorb.AbsorptionLedger.history": Baseline({}),
    "cushion.absorb.AbsorptionLedger.record": Baseline(dict(block=3, items=1.0, notional=10.0)),
    "cushion.absorb.AbsorptionLedger.usage_at": Baseline(dict(block=3)),
    "cushion.exact.AbsorptionLedger": Baseline(dict(cap=_CAP_EXACT)),
    "cushion.exact.AbsorptionLedger.advance_to": Baseline(dict(block=5)),
    "cushion.exact.AbsorptionLedger.copy": Baseline({}),
    "cushion.exact.AbsorptionLedger.headroom": Baseline(dict(block=3, stress=W // 2)),
    "cushion.exact.AbsorptionLedger.history": Baseline({}),
    "cushion.exact.AbsorptionLedger.record": Baseline(dict(block=3, items=1, notional=10 * W)),
    "cushion.exact.AbsorptionLedger.usage_at": Baseline(dict(block=3)),
    "cushion.absorb.absorb_sell": Baseline(
        dict(curve=spread.StressedCurve(_F64_CURVES["XYK"], _SPREAD, 0.3), ledger=Fresh(_ledger), n=3.0, block=1,
             whole_items=False),
        kinds=dict(curve="object", ledger="object", n="float", block="int")),
    "cushion.absorb.cap_path": Baseline(dict(cap=_CAP, stress=_STRESS_PATH), kinds=dict(cap="object", stress="array")),
    "cushion.absorb.decay_from": Baseline(dict(rho=0.05, tau=12.0, decay=None),
                                          accepts={"rho": {"None"}, "tau": {"None"}},
                                          kinds=dict(rho="float", tau="float", decay="float")),
    "cushion.absorb.register_cushion": Baseline(dict(curve_type=cushion.XYK, pool_type=absorb.CushionXYK)),
    "cushion.Cushion": Baseline(
        dict(curve=_F64_CURVES["XYK"], spread=_SPREAD, cap=_CAP, rho=0.05, tau=12.0, decay=None, reference=None,
             block=0, whole_items=False),
        accepts={"rho": {"None"}, "tau": {"None"}, "reference": {"None"}},
        kinds=dict(curve="object", spread="object", cap="object", rho="float", tau="float", decay="float",
                   reference="float", block="int")),
    # spreads
    "cushion.spread.HalfSpread": Baseline(dict(base=0.003, slope=0.047, exponent=1.0, cap=0.05)),
    "cushion.spread.HalfSpread.at": Baseline(dict(stress=0.5), accepts={"stress": _F64_STRESS_ARG},
                                             kinds={"stress": "float"}),
    "cushion.spread.HalfSpread.bid": Baseline(dict(mid=10.0, stress=0.5),
                                              accepts={"mid": _F64_STRESS_ARG, "stress": _F64_STRESS_ARG},
                                              kinds={"mid": "float", "stress": "float"}),
    "cushion.spread.HalfSpread.ask": Baseline(dict(mid=10.0, stress=0.5),
                                              accepts={"mid": _F64_STRESS_ARG, "stress": _F64_STRESS_ARG},
                                              kinds={"mid": "float", "stress": "float"}),
    "cushion.exact.HalfSpread": Baseline(dict(base=30, slope=470, exponent=1, cap=500)),
    "cushion.exact.HalfSpread.at": Baseline(dict(stress=W // 2)),
    "cushion.exact.HalfSpread.bid": Baseline(dict(mid=10 * W, stress=W // 2)),
    "cushion.exact.HalfSpread.ask": Baseline(dict(mid=10 * W, stress=W // 2)),
    "cushion.exact.HalfSpread.widen_buy": Baseline(dict(value=10 * W, half_spread=50)),
    "cushion.exact.HalfSpread.widen_sell": Baseline(dict(value=10 * W, half_spread=50)),
    "cushion.StressedCurve": Baseline(dict(curve=_F64_CURVES["XYK"], spread=_SPREAD, stress=0.3),
                                      kinds=dict(curve="object", spread="object", stress="float")),
    "cushion.spread.half_spread": Baseline(dict(stress=0.5, spread=None), accepts={"stress": _F64_STRESS_ARG},
                                           kinds={"stress": "float"}),
    "cushion.spread.bid_ask": Baseline(dict(mid=10.0, stress=0.5, spread=_SPREAD),
                                       accepts={"mid": _F64_STRESS_ARG, "stress": _F64_STRESS_ARG},
                                       kinds={"mid": "float", "stress": "float"}),
    "cushion.spread.register_stressed": Baseline(dict(curve_type=cushion.XYK, stressed_type=spread.StressedXYK)),
    "cushion.spread.round_trip": Baseline(dict(curve=spread.StressedCurve(_F64_CURVES["XYK"], _SPREAD, 0.3), n=3.0),
                                          kinds=dict(curve="object", n="float")),
    # stress and regimes
    "cushion.stress.StressIndex": Baseline(
        dict(specs=None, weights=None, stale_policy=stress.StalePolicy.STRESSED, min_coverage=0.5),
        accepts={"specs": {"None"}, "weights": {"None"}}, kinds=dict(specs="object", weights="object")),
    "cushion.stress.StressIndex.evaluate": Baseline(
        dict(values=_STRESS_VALUES[2], ages=np.full(8, 3.0)),
        # NaN is a missing signal, inf a stale one; signals such as funding may be negative
        accepts={"values": {"NaN element", "negative element", "inf element"}, "ages": {"inf element"}},
        kinds=dict(values="array", ages="array")),
    "cushion.stress.StressIndex.path": Baseline(
        dict(values=_STRESS_VALUES, ages=np.full((3, 8), 3.0)),
        accepts={"values": {"NaN element", "negative element", "inf element"}, "ages": {"inf element"}},
        kinds=dict(values="array", ages="array")),
    "cushion.stress.StressIndex.normalise": Baseline(dict(signal=stress.Signal.FUNDING_RATE, x=0.5),
                                                     # a signal by index is the Signal of that value
                                                     accepts={"x": {"negative", "negative int"}, "signal": {"int"}},
                                                     kinds={"signal": "object"}),
    "cushion.stress.SignalSpec": Baseline(dict(calm=0.6, severe=2.0, weight=0.2, max_age=300.0, magnitude=False),
                                          accepts={"max_age": {"inf"},  # never stale
                                                   "calm": {"negative", "negative int"},
                                                   "severe": {"negative", "negative int"}}),
    "cushion.stress.RegimeTracker": Baseline(
        dict(enter_moderate=0.35, exit_moderate=0.25, enter_severe=0.65, exit_severe=0.5, floor_moderate=0.35,
             floor_severe=0.65, release_blocks=25, regime=stress.Regime.CALM, quiet_blocks=0)),
    "cushion.stress.RegimeTracker.copy": Baseline({}),
    "cushion.stress.RegimeTracker.effective": Baseline(dict(stress=0.5)),
    "cushion.stress.RegimeTracker.run": Baseline(dict(stress=_STRESS_PATH), kinds={"stress": "array"}),
    "cushion.stress.RegimeTracker.update": Baseline(dict(stress=0.5)),
    "cushion.exact.RegimeTracker": Baseline(
        dict(enter_moderate=35 * W // 100, exit_moderate=25 * W // 100, enter_severe=65 * W // 100,
             exit_severe=W // 2, floor_moderate=35 * W // 100, floor_severe=65 * W // 100, release_blocks=25,
             regime=stress.Regime.CALM, quiet_blocks=0)),
    "cushion.exact.RegimeTracker.copy": Baseline({}),
    "cushion.exact.RegimeTracker.effective": Baseline(dict(stress=W // 2)),
    "cushion.exact.RegimeTracker.update": Baseline(dict(stress=W // 2)),
    "cushion.stress.stress_path": Baseline(
        dict(values=_STRESS_VALUES, ages=np.full((3, 8), 3.0), index=None),
        accepts={"values": {"NaN element", "negative element", "inf element"}, "ages": {"inf element"}},
        kinds=dict(values="array", ages="array")),
    "cushion.stress.regime_path": Baseline(dict(stress=_STRESS_PATH, tracker=None), kinds={"stress": "array"}),
    "cushion.stress.to_stress_wad": Baseline(dict(stress=0.5)),
    "cushion.stress.StressPath.to_dataframe": Baseline({}),
    "cushion.stress.RegimePath.to_dataframe": Baseline({}),
    # schedules and their simulation
    "cushion.schedule.AlmgrenChriss": Baseline(
        dict(quantity=100.0, blocks=10, tau=1.0, sigma=0.3, eta=0.05, gamma=0.001, epsilon=0.0, risk_aversion=1e-4)),
    "cushion.schedule.AlmgrenChriss.expected_cost_of": Baseline(dict(trades=np.full(10, 10.0)),
                                                                kinds={"trades": "array"}),
    "cushion.schedule.AlmgrenChriss.variance_of": Baseline(dict(trades=np.full(10, 10.0)), kinds={"trades": "array"}),
    "cushion.schedule.LinearImpact": Baseline(dict(price=10.0, gamma=0.01, eta=0.05, epsilon=0.0, tau=1.0)),
    "cushion.schedule.LinearImpact.buy": Baseline(dict(n=3.0)),
    "cushion.schedule.LinearImpact.sell": Baseline(dict(n=3.0)),
    "cushion.schedule.almgren_chriss": Baseline(
        dict(quantity=100.0, blocks=10, tau=1.0, sigma=0.3, eta=0.05, gamma=0.001, epsilon=0.0, risk_aversion=1e-4),
        kinds=dict(quantity="float", blocks="int", tau="float", sigma="float", eta="float", gamma="float",
                   epsilon="float", risk_aversion="float")),
    "cushion.schedule.efficient_frontier": Baseline(
        dict(quantity=100.0, blocks=10, risk_aversions=np.array([0.0, 1e-4, 1e-3]), tau=1.0, sigma=0.3, eta=0.05,
             gamma=0.0, epsilon=0.0),
        kinds=dict(quantity="float", blocks="int", risk_aversions="array", tau="float", sigma="float", eta="float",
                   gamma="float", epsilon="float")),
    "cushion.schedule.carry_forward": Baseline(dict(schedule=np.array([5.0, 1.0, 0.0]), caps=np.array([2.0, 2.0, 2.0]),
                                                    extend=True, max_extra_blocks=100),
                                               # inf: no cap; either may be longer (the last cap repeats)
                                               accepts={"caps": {"inf element", "one element longer than the others"},
                                                        "schedule": {"one element longer than the others"}},
                                               kinds=dict(schedule="array", caps="array")),
    "cushion.schedule.dump": Baseline(dict(quantity=10.0, blocks=5)),
    "cushion.schedule.twap": Baseline(dict(quantity=10.0, blocks=5)),
    "cushion.schedule.resilience_aware": Baseline(dict(quantity=10.0, blocks=5, decay=0.5, rho=None, tau=None),
                                                  accepts={"decay": {"None"}},
                                                  kinds=dict(quantity="float", blocks="int", decay="float",
                                                             rho="float", tau="float")),
    "cushion.schedule.resilience_decay": Baseline(dict(rho=0.05, tau=12.0)),
    "cushion.simulate": Baseline(
        dict(schedule=_SCHEDULE, curve=_F64_CURVES["XYK"], stress=_STRESS_PATH[:3], reference=_REFERENCE,
             spread=_SPREAD, cap=_CAP, rho=0.05, tau=12.0, decay=None, reference_price=None, whole_items=False,
             extra_blocks=2),
        accepts={"spread": {"None"}, "cap": {"None"}, "rho": {"None"}, "tau": {"None"}, "reference_price": {"None"},
                 **{n: {"one element longer than the others"} for n in ("schedule", "stress", "reference")}},
        kinds=dict(schedule="array", curve="object", stress="array", reference="array", spread="object",
                   cap="object", rho="float", tau="float", decay="float", reference_price="float",
                   extra_blocks="int")),
    "cushion.compare": Baseline(dict(schedules={"dump": np.array([6.0, 0.0, 0.0]), "twap": _SCHEDULE},
                                     curve=_F64_CURVES["XYK"], rho=0.05, tau=12.0),
                                accepts={"rho": {"None"}, "tau": {"None"}},  # None: the default
                                kinds=dict(schedules="object", curve="object", rho="float", tau="float")),
    "cushion.schedule.simulate_paths": Baseline(
        dict(schedule=_SCHEDULE, curve=_F64_CURVES["XYK"], references=np.array([[1.0, 1.0, 1.0], [0.9, 0.95, 1.0]]),
             rho=0.05, tau=12.0),
        # the last reference repeats; more references are more paths; None: the default
        accepts={"schedule": {"one element longer than the others"},
                 "references": {"one element longer than the others"}, "rho": {"None"}, "tau": {"None"}},
        kinds=dict(schedule="array", curve="object", references="array", rho="float", tau="float")),
    "cushion.schedule.SimulationResult.summary": Baseline({}),
    "cushion.schedule.SimulationResult.to_dataframe": Baseline({}),
    "cushion.schedule.Comparison.best": Baseline(dict(metric="shortfall")),
    "cushion.schedule.Comparison.summary": Baseline({}),
    "cushion.schedule.Comparison.to_dataframe": Baseline({}),
    "cushion.schedule.Frontier.to_dataframe": Baseline({}),
}

# Every stressed curve and every cushion pool, in both policies where they exist.
for _name, _curve in _F64_CURVES.items():
    _stressed = f"cushion.spread.Stressed{_name}"
    BASELINES[_stressed] = Baseline(dict(curve=_curve, spread=_SPREAD, stress=0.3),
                                    kinds=dict(curve="object", spread="object"))
    BASELINES[f"{_stressed}.buy"] = Baseline(dict(n=_N[_name]))
    BASELINES[f"{_stressed}.sell"] = Baseline(dict(n=_N[_name]))
    BASELINES[f"{_stressed}.with_stress"] = Baseline(dict(stress=0.6))
    BASELINES[f"{_stressed}.absorb"] = Baseline(dict(ledger=Fresh(_ledger), n=_N[_name], block=1, whole_items=False),
                                                kinds={"ledger": "object"})
    _pool = f"cushion.absorb.Cushion{_name}"
    BASELINES[_pool] = Baseline(dict(curve=_curve, spread=_SPREAD, cap=_CAP, decay=0.9, reference=None, block=0,
                                     whole_items=False),
                                accepts={"spread": {"None"}, "cap": {"None"}},
                                kinds=dict(curve="object", spread="object", cap="object"))
    BASELINES[f"{_pool}.absorb"] = Baseline(dict(n=_N[_name], stress=0.3))
    BASELINES[f"{_pool}.preview"] = Baseline(dict(n=_N[_name], stress=0.3))
    BASELINES[f"{_pool}.buy"] = Baseline(dict(n=_N[_name], stress=0.3))
    BASELINES[f"{_pool}.advance"] = Baseline(dict(blocks=2, reference=None))
    BASELINES[f"{_pool}.set_reference"] = Baseline(dict(reference=1.5))
    BASELINES[f"{_pool}.headroom"] = Baseline(dict(stress=0.3))
    BASELINES[f"{_pool}.stressed"] = Baseline(dict(stress=0.3))
    BASELINES[f"{_pool}.copy"] = Baseline({})
    BASELINES[f"{_pool}.simulate"] = Baseline(dict(schedule=_SCHEDULE, stress=_STRESS_PATH[:3], reference=_REFERENCE,
                                                   extra_blocks=2),
                                              # paths shorter than the run repeat their last value
                                              accepts={n: {"one element longer than the others"}
                                                       for n in ("schedule", "stress", "reference")},
                                              kinds=dict(schedule="array", stress="array", reference="array"))
for _name, _curve in _EXACT_CURVES.items():
    _stressed = f"cushion.exact.Stressed{_name}"
    BASELINES[_stressed] = Baseline(dict(curve=_curve, spread=_SPREAD_EXACT, stress=3 * W // 10),
                                    kinds=dict(curve="object", spread="object"))
    BASELINES[f"{_stressed}.buy"] = Baseline(dict(n=_N_EXACT[_name]))
    BASELINES[f"{_stressed}.sell"] = Baseline(dict(n=_N_EXACT[_name]))
    BASELINES[f"{_stressed}.with_stress"] = Baseline(dict(stress=6 * W // 10))
    BASELINES[f"{_stressed}.absorb"] = Baseline(dict(ledger=Fresh(_ledger_exact), n=_N_EXACT[_name], block=1,
                                                     whole_items=False),
                                                kinds={"ledger": "object"})

# ---------------------------------------------------------------------------------------
# Issue 5: the risk layer, scenarios and the simulator
# ---------------------------------------------------------------------------------------

# Prices per collection may cover collections the book does not use.
_PRICE_ACCEPTS = {"price": {"one element longer than the others"}}

BASELINES.update({
    # scenarios
    "cushion.scenarios.Collection": Baseline(
        dict(name="c", bucket="mid", floor0=2.0, beta=1.0, volatility=0.05, depth0=10.0, liquidation_threshold=0.8,
             max_ltv=0.4, trait_dispersion=0.15),
        kinds={"name": "text", "bucket": "str"}),
    "cushion.scenarios.Venue": Baseline(dict(name="v", liquidity_weight=0.5, noise=0.005, kind="floor",
                                             extra_delay_blocks=0, outlier_rate=0.0),
                                        kinds={"name": "text", "kind": "str"}),
    "cushion.scenarios.VenueOutage": Baseline(dict(venue=0, start_hours=1.0, end_hours=2.0)),
    "cushion.Scenario": Baseline(
        dict(name="tiny", collections=_TINY.collections, venues=_TINY.venues, block_seconds=12.0, horizon_hours=2.0,
             shock_depth=0.18, shock_hours=36.0, depth_trough=0.25, depth_collapse_hours=12.0, depth_recovery=0.8,
             snapback_start_hours=48.0, snapback_hours=12.0, snapback_fraction=0.5, funding_base=0.0001,
             funding_peak=0.003, open_interest_drop=0.35, gas_base_gwei=25.0, gas_peak_gwei=140.0, depth_scale=1.0,
             oracle_delay_blocks=75, outages=(), correlation=0.7, noise_scale=1.0, seed=0),
        accepts={"funding_base": {"negative", "negative int"}, "funding_peak": {"negative", "negative int"},
                 "seed": {">= 2**256", "2**256 + 1"}},
        kinds={"name": "text"}),
    # elementwise in the time axis: any shape, times before the shock included
    "cushion.Scenario.depth_path": Baseline(dict(hours=np.array([0.0, 1.0, 24.0, 60.0]), beta=1.0),
                                            accepts={"hours": {"negative element", "one more dimension"}}),
    "cushion.Scenario.drawdown": Baseline(dict(hours=np.array([0.0, 1.0, 24.0, 60.0])),
                                          accepts={"hours": {"negative element", "one more dimension"}}),
    "cushion.Scenario.paths": Baseline(dict(step_blocks=100)),
    "cushion.Scenario.replace": Baseline(dict(shock_depth=0.25), kinds={"shock_depth": "float"}),
    "cushion.scenarios.case_study": Baseline(dict(horizon_hours=2.0), kinds={"horizon_hours": "float"}),
    "cushion.scenarios.default_collections": Baseline({}),
    "cushion.scenarios.default_venues": Baseline({}),
    "cushion.scenarios.monte_carlo": Baseline(dict(n_paths=2, base=_TINY, seed=0, shock_depth=(0.1, 0.3),
                                                   snapback_fraction=(0.0, 0.8), depth_trough=None),
                                              accepts={"base": {"None"}, "shock_depth": {"None"},
                                                       "snapback_fraction": {"None"},
                                                       "seed": {">= 2**256", "2**256 + 1"}}),
    "cushion.scenarios.shock": Baseline(dict(depth=0.2, hours=24.0, snapback=0.5, snapback_after_hours=48.0,
                                             depth_trough=0.25, oracle_delay_blocks=75, correlation=0.7, seed=0,
                                             name=None),
                                        accepts={"seed": {">= 2**256", "2**256 + 1"}}, kinds={"name": "text"}),
    # the loan book
    "cushion.risk.LoanBook": Baseline(dict(_BOOK_ARRAYS)),
    "cushion.risk.LoanBook.generate": Baseline(
        dict(collections=_TINY.collections, n_loans=5, seed=0, bucket_share=(0.55, 0.3, 0.15), hf_min=1.05,
             hf_shape=2.0, hf_scale=0.2, rate_range=(0.08, 0.3), max_items=5, multi_item_ratio=0.35),
        accepts={"seed": {">= 2**256", "2**256 + 1"}}),
    "cushion.risk.LoanBook.accrue": Baseline(dict(seconds=3600.0)),
    "cushion.risk.LoanBook.collateral_value": Baseline(dict(price=_PRICES)),
    "cushion.risk.LoanBook.copy": Baseline({}),
    "cushion.risk.LoanBook.equity": Baseline(dict(price=_PRICES)),
    "cushion.risk.LoanBook.health_factor": Baseline(dict(price=_PRICES, debt_price=1.0)),
    "cushion.risk.LoanBook.to_frame": Baseline({}),
    # the oracle
    "cushion.risk.OracleConfig": Baseline({}),
    "cushion.risk.Oracle": Baseline(dict(initial=_PRICES, liquidity_weights=np.array([0.5, 0.3, 0.2]), config=None),
                                    # more collections is another oracle; the sources' weights are normalised
                                    accepts={"initial": {"one element longer than the others"},
                                             "liquidity_weights": {"one element longer than the others"}}),
    "cushion.risk.Oracle.update": Baseline(
        dict(time=60.0, reports=np.outer(_PRICES, np.ones(S)), ages=np.zeros((K, S))),
        # a missing or non-positive report is no report (the oracle carries its mark forward)
        accepts={"reports": {"NaN element", "inf element", "negative element"}, "ages": {"inf element"}}),
    "cushion.risk.SpotOracle": Baseline(dict(initial=_PRICES, source=0)),
    "cushion.risk.SpotOracle.update": Baseline(dict(time=60.0, reports=np.outer(_PRICES, np.ones(S)),
                                                    ages=np.zeros((K, S))),
                                               accepts={"reports": {"NaN element", "inf element", "negative element"},
                                                        "ages": {"inf element"}}),
    "cushion.risk.weighted_median": Baseline(dict(values=np.array([[1.0, 2.0, 3.0], [4.0, 5.0, np.nan]]),
                                                  weights=np.array([[0.5, 0.3, 0.2], [0.5, 0.3, 0.0]])),
                                             # NaN / inf: no report (ignored)
                                             accepts={"values": {"NaN element", "inf element", "negative element"}}),
    # the liquidity buffer
    "cushion.risk.BucketConfig": Baseline(dict(reserve_ratio=0.1, cushion_share=0.6, support_share=0.5,
                                               min_balance_fraction=0.1)),
    "cushion.risk.LiquidityBuffer": Baseline(dict(configs={"mid": risk.BucketConfig(0.1)}, time=0.0),
                                             kinds={"configs": "object"}),
    "cushion.risk.LiquidityBuffer.add_to_position": Baseline(dict(position=0, amount=1.0, items=1.0,
                                                                  respect_floor=True)),
    "cushion.risk.LiquidityBuffer.available": Baseline(dict(bucket="mid")),
    "cushion.risk.LiquidityBuffer.balance": Baseline(dict(bucket="mid")),
    "cushion.risk.LiquidityBuffer.balance_wei": Baseline(dict(bucket="mid")),
    "cushion.risk.LiquidityBuffer.books_balance": Baseline({}),
    "cushion.risk.LiquidityBuffer.capacity": Baseline(dict(bucket="mid", kind="inventory"), kinds={"kind": "str"}),
    "cushion.risk.LiquidityBuffer.deploy": Baseline(dict(bucket="mid", amount=1.0, kind="support", ref=0, items=0.0,
                                                         respect_floor=True),
                                                    kinds={"kind": "str"}),
    "cushion.risk.LiquidityBuffer.deployed": Baseline(dict(bucket="mid")),
    "cushion.risk.LiquidityBuffer.deployed_wei": Baseline(dict(bucket="mid")),
    "cushion.risk.LiquidityBuffer.deposit": Baseline(dict(bucket="mid", amount=1.0)),
    "cushion.risk.LiquidityBuffer.required_reserve": Baseline(dict(bucket="mid", outstanding_debt=100.0,
                                                                   multiplier=1.0)),
    "cushion.risk.LiquidityBuffer.route_inflow": Baseline(dict(amount=1.0, volatility={"mid": 0.1}, threshold=0.05),
                                                          kinds={"volatility": "object"}),
    "cushion.risk.LiquidityBuffer.settle": Baseline(dict(position=0, proceeds=9.0, fraction=0.5)),
    "cushion.risk.LiquidityBuffer.withdraw": Baseline(dict(bucket="mid", amount=1.0)),
    # governance envelopes
    "cushion.risk.Envelope": Baseline(dict(name="x", min=-1.0, max=1.0, description=""),
                                      accepts={"min": {"negative", "negative int"}, "max": {"negative", "negative int"}},
                                      kinds={"name": "text", "description": "text"}),
    "cushion.risk.Envelope.clamp": Baseline(dict(value=0.5), accepts={"value": {"negative", "negative int"}}),
    "cushion.risk.Envelope.contains": Baseline(dict(value=0.5), accepts={"value": {"negative", "negative int"}}),
    "cushion.risk.EmergencyOverride": Baseline(dict(reason="oracle outage", authorised_by="multisig",
                                                    expires_at=7200.0),
                                               kinds={"reason": "text", "authorised_by": "text"}),
    "cushion.risk.ParameterSet": Baseline(dict(envelopes=_ENVELOPES, values={"a": 0.5, "b": 0.5}),
                                          kinds={"envelopes": "object", "values": "object"}),
    "cushion.risk.ParameterSet.as_dict": Baseline({}),
    "cushion.risk.ParameterSet.envelope": Baseline(dict(name="a")),
    "cushion.risk.ParameterSet.expire": Baseline(dict(time=10.0), accepts={"time": {"inf"}}),
    "cushion.risk.ParameterSet.is_overridden": Baseline(dict(name="a")),
    "cushion.risk.ParameterSet.set": Baseline(dict(name="a", value=2.0, override=None, time=0.0),
                                              accepts={"value": {"negative", "negative int"}}),
    "cushion.risk.default_envelopes": Baseline({}),
    # the rebalancer
    "cushion.risk.PolicyRung": Baseline(dict(oc_addon=(0.05, 0.075, 0.1), reserve_multiplier=1.25,
                                             review_interval_minutes=30.0)),
    "cushion.risk.PolicyLadder": Baseline(dict(calm=risk.PolicyLadder().calm, moderate=risk.PolicyLadder().moderate,
                                               severe=risk.PolicyLadder().severe)),
    "cushion.risk.PolicyLadder.rung": Baseline(dict(regime=1)),
    "cushion.risk.RebalancerConfig": Baseline({}),
    "cushion.risk.RebalancerInputs": Baseline(
        dict(stress=np.full(K, 0.4), value_weight=np.full(K, 1.0 / K), drawdown=np.full(K, 0.05),
             oracle_anomaly=np.zeros(K, dtype=bool), venues_up=np.ones(S, dtype=bool), gas_gwei=30.0,
             buffer_utilisation=0.1, funding=0.0001),
        accepts={"drawdown": {"negative element"}, "funding": {"negative", "negative int"},
                 "venues_up": {"one element longer than the others"}}),
    "cushion.risk.Rebalancer": Baseline(
        dict(collection_buckets=np.array([0, 0, 1, 1, 2, 2]), config=None, params=None, override=None,
             collection_names=tuple(c.name for c in _TINY.collections))),
    "cushion.risk.Rebalancer.step": Baseline(dict(time=60.0, inputs=Fresh(_rebalancer_inputs))),
    "cushion.risk.Rebalancer.to_frame": Baseline({}),
    "cushion.risk.decision_frame": Baseline(dict(decisions=_RUN.decisions), kinds={"decisions": "object"}),
    # staged liquidation and the ramp
    "cushion.risk.BorrowerBehaviour": Baseline({}),
    "cushion.risk.BorrowerBehaviour.probability": Baseline(
        dict(required=np.array([0.5, 1.0, 2.0]), equity=np.array([2.0, -1.0, 4.0]), notified=True),
        accepts={"equity": {"negative element"}}),  # under water: nobody tops up
    "cushion.risk.StagedLiquidation": Baseline(dict(n_loans=6, behaviour=None)),
    "cushion.risk.StagedLiquidation.counts": Baseline(dict(book=_BOOK)),
    "cushion.risk.StagedLiquidation.step": Baseline(
        dict(time=60.0, book=Fresh(_BOOK.copy), price=_PRICES * 0.5, requirement=np.full(6, 1.05),
             cure_window_hours=6.0, hard_floor_hf=0.95, unwind_paused=np.zeros(6, dtype=bool),
             fund_support=_no_support),
        accepts=_PRICE_ACCEPTS, kinds={"fund_support": "object"}),
    "cushion.risk.TopUps": Baseline(dict(n_loans=6, behaviour=risk.BorrowerBehaviour())),
    "cushion.risk.TopUps.step": Baseline(
        dict(time=60.0, book=Fresh(_BOOK.copy), price=_PRICES * 0.6, hf=np.full(6, 1.0),
             eligible=np.ones(6, dtype=bool)),
        accepts=_PRICE_ACCEPTS | {"hf": {"inf element"}}),  # inf: a loan without debt
    "cushion.risk.required_repayment": Baseline(dict(book=_BOOK, idx=_IDX, price=_PRICES, target_hf=np.full(3, 1.2)),
                                              accepts=_PRICE_ACCEPTS),
    "cushion.risk.partial_repayment": Baseline(dict(book=_BOOK, idx=_IDX, price=_PRICES, target_hf=np.full(3, 1.2)),
                                              accepts=_PRICE_ACCEPTS),
    "cushion.risk.partial_sale_items": Baseline(dict(book=_BOOK, idx=_IDX, price=_PRICES, bid=_PRICES * 0.9,
                                                     target_hf=np.full(3, 1.2)),
                                                accepts=_PRICE_ACCEPTS | {"bid": {"one element longer than the others"}}),
    "cushion.risk.RefinanceTerms": Baseline(dict(max_fraction=0.15, fee=0.0)),
    "cushion.risk.RefinanceTerms.apply": Baseline(dict(book=Fresh(_BOOK.copy), idx=_IDX, amount=np.full(3, 0.1))),
    "cushion.risk.RefinanceTerms.headroom": Baseline(dict(book=_BOOK, idx=_IDX, price=_PRICES),
                                                     accepts={"price": {"one element longer than the others"},
                                                              "idx": {"one element longer than the others"}}),
    "cushion.risk.AuctionConfig": Baseline(dict(box_hours=6.0, start_premium=1.05, end_fraction=0.85, alpha=1.05)),
    "cushion.risk.RescueAuction": Baseline(dict(config=risk.AuctionConfig(), lots=[]), kinds={"lots": "object"}),
    "cushion.risk.RescueAuction.open": Baseline(dict(loan=0, collection=1, weight=1.0, mark=10.0, time=0.0)),
    "cushion.risk.RescueAuction.price": Baseline(dict(lot=_auction().lots[0], time=3600.0)),
    "cushion.risk.RescueAuction.clear": Baseline(dict(time=3600.0, bid=_PRICES)),
    # the market
    "cushion.risk.MarketConfig": Baseline({}),
    "cushion.risk.ThinBidMarket": Baseline(dict(scenario=_TINY, paths=_PATHS, config=None)),
    "cushion.risk.ThinBidMarket.advance": Baseline(dict(step=2)),
    "cushion.risk.ThinBidMarket.best_bid": Baseline({}),
    "cushion.risk.ThinBidMarket.bid_gap": Baseline({}),
    "cushion.risk.ThinBidMarket.depth": Baseline({}),
    "cushion.risk.ThinBidMarket.depth_ratio": Baseline({}),
    "cushion.risk.ThinBidMarket.floor": Baseline({}),
    "cushion.risk.ThinBidMarket.quote_sell": Baseline(dict(collection=1, weights=np.array([1.0, 1.2, 1.0]))),
    "cushion.risk.ThinBidMarket.sell": Baseline(dict(collection=1, weights=np.array([1.0, 1.2, 1.0]))),
    "cushion.risk.ThinBidMarket.take_bids": Baseline(dict(collection=1, items=2.0)),
    "cushion.risk.ThinBidMarket.reports": Baseline(dict(venues=_TINY.venues, delay_blocks=75),
                                                   kinds={"venues": "object"}),
    # the post-event review
    "cushion.risk.PostEventReview.from_run": Baseline(dict(run=_RUN, hours=_RESULT.hours, step_blocks=25,
                                                           block_seconds=12.0, max_lag_hours=6.0),
                                                      kinds={"run": "object"}),
    "cushion.risk.PostEventReview.oracle_lag_frame": Baseline({}),
    "cushion.risk.PostEventReview.policy_frame": Baseline({}),
    "cushion.risk.PostEventReview.to_markdown": Baseline(dict(max_changes=3)),
    # the simulator
    "cushion.sim.BookConfig": Baseline(dict(n_loans=12, hf_min=1.05, hf_shape=2.0, hf_scale=0.2,
                                            bucket_share=(0.55, 0.3, 0.15), seed=7),
                                       accepts={"seed": {">= 2**256", "2**256 + 1"}}),
    "cushion.sim.CushionConfig": Baseline({}),
    "cushion.SimulationConfig": Baseline(dict(step_blocks=25, book=sim.BookConfig(n_loans=12))),
    "cushion.SimulationConfig.with_overrides": Baseline(dict(overrides={"cushion.depth_multiple": 2.0}),
                                                        kinds={"overrides": "object"}),
    "cushion.sim.Strategy": Baseline(dict(scenario=_TINY, paths=_PATHS, book=Fresh(_BOOK.copy), config=_SIM_CONFIG)),
    "cushion.sim.NaiveLiquidation": Baseline(dict(scenario=_TINY, paths=_PATHS, book=Fresh(_BOOK.copy),
                                                  config=_SIM_CONFIG)),
    "cushion.sim.CushionStack": Baseline(dict(scenario=_TINY, paths=_PATHS, book=Fresh(_BOOK.copy),
                                              config=_SIM_CONFIG)),
    "cushion.sim.Strategy.mark": Baseline(dict(reading=_READING)),
    "cushion.sim.Strategy.metrics": Baseline({}),
    "cushion.sim.Strategy.record": Baseline(dict(step=1, time=300.0, reading=_READING)),
    "cushion.sim.Strategy.credit_sale": Baseline(
        dict(loans=np.array([0, 1]), proceeds=np.array([1.0, 2.0]), fair=np.array([1.1, 2.2]),
             items=np.array([1.0, 1.0]), final=np.array([False, True]))),
    "cushion.sim.NaiveLiquidation.act": Baseline(dict(step=1, time=300.0, reading=_READING)),
    "cushion.sim.NaiveLiquidation.mark": Baseline(dict(reading=_READING)),
    "cushion.sim.CushionStack.act": Baseline(dict(step=1, time=300.0, reading=_READING)),
    "cushion.sim.CushionStack.mark": Baseline(dict(reading=_READING)),
    "cushion.sim.StrategyRun.column": Baseline(dict(name="proceeds")),
    "cushion.sim.expand_grid": Baseline(dict(grid={"cushion.depth_multiple": [1.0, 2.0]})),
    "cushion.sim.run_strategy": Baseline(dict(strategy=Fresh(lambda: _strategy(sim.NaiveLiquidation)))),
    "cushion.sim.run_task": Baseline(dict(task=sim.SweepTask(0, _TINY, _SIM_CONFIG, (), 12, ("naive",)))),
    "cushion.simulate_scenario": Baseline(dict(scenario=_TINY, config=_SIM_CONFIG, book=None, n_loans=12,
                                               strategies=("naive", "cushion")),
                                          accepts={"scenario": {"None"}, "config": {"None"}},
                                          kinds={"strategies": "object"}),
    "cushion.sweep": Baseline(dict(scenarios=_TINY, grid={"cushion.depth_multiple": [1.0, 2.0]}, config=_SIM_CONFIG,
                                   n_loans=12, strategies=("naive",), client=SerialClient(), n_workers=1,
                                   threads_per_worker=1, processes=False),
                              accepts={"grid": {"None"}, "config": {"None"}},
                              kinds={"strategies": "object", "client": "object"}),
    "cushion.ScenarioResult.decisions": Baseline({}),
    "cushion.ScenarioResult.metrics": Baseline(dict(strategy="cushion")),
    "cushion.ScenarioResult.plot": Baseline(dict(path=None), accepts={"path": {"str"}}),
    "cushion.ScenarioResult.review": Baseline(dict(strategy="cushion")),
    "cushion.ScenarioResult.summary": Baseline(dict(metrics=["loans_liquidated", "bad_debt"])),
    "cushion.ScenarioResult.table": Baseline({}),
    "cushion.ScenarioResult.timeline": Baseline(dict(strategy="naive")),
    "cushion.ScenarioResult.to_dict": Baseline({}),
})

#: Classes the library returns (see the module docstring), with where they come from.
RESULT_RECORDS: dict[str, str] = {
    **{f"cushion.{m}.{q}": "what a stressed curve's buy / sell returns"
       for m in ("spread", "exact") for q in ("StressedLinearQuote", "StressedExponentialQuote", "StressedXYKQuote",
                                               "StressedGDAQuote", "StressedWeightedXYKQuote")},
    "cushion.spread.StressedLinearImpactQuote": "what a stressed LinearImpact's buy / sell returns",
    **{f"cushion.{m}.AbsorbResult{c}": "what absorb / absorb_sell returns"
       for m in ("absorb", "exact") for c in ("Linear", "Exponential", "XYK", "GDA", "WeightedXYK")},
    "cushion.absorb.AbsorbResultLinearImpact": "what absorb / absorb_sell returns",
    "cushion.absorb.Headroom": "what AbsorptionLedger.headroom returns",
    "cushion.exact.Headroom": "what AbsorptionLedger.headroom returns",
    "cushion.stress.StressReading": "what StressIndex.evaluate returns",
    "cushion.stress.StressPath": "what stress_path returns",
    "cushion.stress.RegimePath": "what regime_path returns",
    "cushion.schedule.LinearImpactQuote": "what LinearImpact.buy / sell returns",
    "cushion.SimulationResult": "what simulate returns",
    "cushion.schedule.Comparison": "what compare returns",
    "cushion.schedule.Frontier": "what efficient_frontier returns",
    "cushion.risk.Decision": "a line of the rebalancer's log",
    "cushion.risk.OverrideRecord": "a line of ParameterSet.override_log",
    "cushion.risk.OracleReading": "what Oracle.update returns",
    "cushion.risk.Policy": "the rebalancer's orders (Rebalancer.policy, Rebalancer.step)",
    "cushion.risk.Position": "a buffer position (LiquidityBuffer.deploy, .positions)",
    "cushion.risk.buffer.BufferEntry": "a line of LiquidityBuffer.journal",
    "cushion.risk.SaleFill": "what ThinBidMarket.sell returns",
    "cushion.risk.StageEvents": "what StagedLiquidation.step returns",
    "cushion.risk.AuctionLot": "what RescueAuction.open returns",
    "cushion.risk.PostEventReview": "what ScenarioResult.review / PostEventReview.from_run returns",
    "cushion.scenarios.ScenarioPaths": "what Scenario.paths returns",
    "cushion.ScenarioResult": "what simulate_scenario returns",
    "cushion.sim.StrategyRun": "what run_strategy returns (ScenarioResult.runs)",
    "cushion.sim.SweepTask": "the unit of work sweep() sends to its workers",
}

#: Instances for methods whose class has no constructor baseline, or needs a richer state.
INSTANCES: dict[str, Callable[[], Any]] = {
    "cushion.stress.StressPath": lambda: stress.stress_path(_STRESS_VALUES),
    "cushion.stress.RegimePath": lambda: stress.regime_path(_STRESS_PATH),
    "cushion.SimulationResult": lambda: schedule.simulate(_SCHEDULE, _F64_CURVES["XYK"], cap=_CAP, rho=0.05,
                                                          tau=12.0),
    "cushion.schedule.Comparison": lambda: schedule.compare({"dump": np.array([6.0, 0.0, 0.0]), "twap": _SCHEDULE},
                                                            _F64_CURVES["XYK"], rho=0.05, tau=12.0),
    "cushion.schedule.Frontier": lambda: schedule.efficient_frontier(100.0, 10, [0.0, 1e-4], sigma=0.3, eta=0.05),
    "cushion.risk.LiquidityBuffer": _buffer,
    "cushion.risk.RescueAuction": _auction,
    "cushion.risk.PostEventReview": lambda: _RESULT.review("cushion"),
    "cushion.ScenarioResult": lambda: _RESULT,
    "cushion.sim.StrategyRun": lambda: _RUN,
    "cushion.sim.Strategy": lambda: _strategy(sim.NaiveLiquidation),
    "cushion.sim.NaiveLiquidation": lambda: _strategy(sim.NaiveLiquidation),
    "cushion.sim.CushionStack": lambda: _strategy(sim.CushionStack),
}

#: Public callables exercised by their own tests instead, with the reason.
NOT_EXERCISED: dict[str, str] = {
    "cushion.sim.Strategy.act": "abstract: NaiveLiquidation.act and CushionStack.act are exercised",
}

#: Callables left out of the many-threads test, with the reason (the hostile-input test
#: still covers them).
NOT_THREADED: dict[str, str] = {
    "cushion.simulate_scenario": "its result carries elapsed_seconds (wall-clock time)",
    "cushion.sweep": "its rows carry elapsed_seconds (wall-clock time)",
    "cushion.sim.run_task": "its rows carry elapsed_seconds (wall-clock time)",
    "cushion.ScenarioResult.plot": "matplotlib figures are not thread-safe (and not comparable)",
}
