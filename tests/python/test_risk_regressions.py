"""Regression tests for the bugs the reliability work (issue 8) found in the risk machinery
(issue 4) and the risk layer (issue 5), one each -- found by test_hostile_input.py and
test_threads.py when those layers were enumerated (the C++ ones found by fuzz_absorb and
fuzz_schedule are in tests/cpp/test_regressions.cpp)."""

from __future__ import annotations

import math

import numpy as np
import pytest

import cushion
from cushion import absorb, risk, scenarios, schedule, sim, spread, stress
from cushion._validate import UnknownName

TINY = scenarios.case_study(horizon_hours=2.0, name="tiny")


@pytest.fixture(scope="module")
def tiny_result() -> sim.ScenarioResult:
    return sim.simulate(TINY, sim.SimulationConfig(book=sim.BookConfig(n_loans=12)))


def test_review_of_a_run_shorter_than_the_lag_window(tiny_result) -> None:
    # Was: ValueError "operands could not be broadcast together with shapes (0,) (24,)": the
    # oracle-lag search tried lags up to 6 h on a 2 h run.
    review = tiny_result.review("cushion")
    assert len(review.oracle_lag) == len(TINY.collections)
    assert all(0 <= row["lag_hours"] <= 2.0 for row in review.oracle_lag)


def test_cushion_stack_act_on_an_unobserved_step_is_deterministic() -> None:
    # Was: the drawdown read np.empty rows of mu_history (uninitialised memory) when act() ran
    # for a step whose predecessors were not observed: results differed between identical calls
    # (and a NaN drawdown could reach the rebalancer).  Found by the many-threads test.
    paths = TINY.paths(25)
    config = sim.SimulationConfig(book=sim.BookConfig(n_loans=6))
    book = risk.LoanBook.generate(TINY.collections, 6, seed=3)
    reading = risk.Oracle(paths.fundamental[0], np.ones(len(TINY.venues))).reading
    logs = []
    for _ in range(3):
        stack = sim.CushionStack(TINY, paths, book.copy(), config)
        stack.act(5, 1500.0, reading)
        logs.append([d.inputs for d in stack.rebalancer.log])
    assert logs[0] == logs[1] == logs[2]


def test_loan_book_owns_its_arrays_and_refuses_a_nan_accrual() -> None:
    # Was: LoanBook kept the caller's float arrays (accrue() then changed them in place), and
    # accrue(nan) passed the `seconds < 0` check and turned every debt into NaN.
    book = risk.LoanBook.generate(TINY.collections, 4, seed=1)
    debt = book.debt.copy()
    again = risk.LoanBook(**{name: getattr(book, name) for name in risk.LoanBook.__dataclass_fields__})
    again.accrue(86400.0)
    assert np.array_equal(book.debt, debt)  # the original book did not move with its copy
    with pytest.raises(ValueError, match="^seconds"):
        again.accrue(math.nan)
    assert np.all(np.isfinite(again.debt))
    with pytest.raises(TypeError, match="^collection must be an array of int indices"):
        risk.LoanBook(**{**{n: getattr(book, n) for n in risk.LoanBook.__dataclass_fields__},
                         "collection": book.collection.astype(float)})


def test_oracle_update_with_a_nan_time_changes_nothing() -> None:
    # Was: dt = nan passed `dt < 0`, and the oracle kept time = nan (every later update then
    # used a NaN EMA weight).
    oracle = risk.Oracle(np.array([10.0, 2.0]), np.array([0.6, 0.4]))
    oracle.update(60.0, np.array([[10.0, 10.1], [2.0, 2.02]]))
    before = (oracle.time, oracle.mu.copy())
    for bad in (math.nan, -1.0, "60"):
        with pytest.raises((TypeError, ValueError), match="^time"):
            oracle.update(bad, np.array([[10.0, 10.1], [2.0, 2.02]]))
    assert (oracle.time, list(oracle.mu)) == (before[0], list(before[1]))


def test_monte_carlo_refuses_an_unbounded_number_of_paths() -> None:
    # Was: monte_carlo(2**256) looped (and allocated) forever.
    with pytest.raises(OverflowError, match="^n_paths"):
        scenarios.monte_carlo(2**256)
    with pytest.raises(TypeError, match="^n_paths"):
        scenarios.monte_carlo(2.0)


def test_unknown_names_are_value_errors_naming_the_argument(tiny_result) -> None:
    # Were: bare KeyErrors (not the ValueError of an argument outside its domain), some not
    # naming the argument; unhashable names raised "unhashable type: 'list'".
    cases = [
        (lambda: tiny_result.metrics("no such strategy"), "strategy"),
        (lambda: tiny_result.summary(["no such metric"]), "metrics"),
        (lambda: tiny_result.runs["cushion"].column("nope"), "name"),
        (lambda: schedule.compare({"a": [1.0]}, cushion.XYK(10.0, 10.0)).best("nope"), "metric"),
        (lambda: sim.SimulationConfig().with_overrides({"cushion.nope": 1}), "overrides"),
        (lambda: risk.ParameterSet(risk.default_envelopes()[:1], {"oc_addon_blue_chip": 0.0}).envelope("x"), "name"),
    ]
    for call, name in cases:
        with pytest.raises(UnknownName, match=f"^{name}") as e:
            call()
        assert isinstance(e.value, ValueError) and isinstance(e.value, KeyError)
    with pytest.raises(TypeError, match="^bucket must be a str"):
        risk.LiquidityBuffer().balance(["mid"])  # type: ignore[arg-type]


def test_plot_path_must_be_a_file_name(tiny_result) -> None:
    # Was: AttributeError "'int' object has no attribute 'write'" from deep inside matplotlib.
    with pytest.raises(TypeError, match="^path must be a file name"):
        tiny_result.plot(1)  # type: ignore[arg-type]


def test_compiled_bool_arguments_refuse_none() -> None:
    # Was: pybind11 converted None (and any object with __bool__) to False for whole_items,
    # extend and magnitude.
    stressed = spread.StressedCurve(cushion.XYK(100.0, 100.0), stress=0.2)
    with pytest.raises(TypeError, match="whole_items"):
        stressed.absorb(absorb.AbsorptionLedger(), 3.0, 1, None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="extend"):
        schedule.carry_forward([1.0], [1.0], None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="magnitude"):
        stress.SignalSpec(0.1, 1.0, 0.1, 300.0, None)  # type: ignore[arg-type]
    assert stressed.absorb(absorb.AbsorptionLedger(), 3.0, 1, True).filled == 3.0


def test_configs_check_every_field_by_name() -> None:
    # Were: CushionConfig reported "depth_multiple must be > 0" for any bad field, BookConfig
    # and SimulationConfig took anything (a None market, a BookConfig as the oracle), AuctionConfig
    # took inf, VenueOutage and PolicyRung nothing at all, Scenario took collections=1.
    for cls, field, value in [(sim.CushionConfig, "window_hours", -1.0), (sim.BookConfig, "n_loans", 0),
                              (sim.SimulationConfig, "oracle", sim.BookConfig()),
                              (risk.AuctionConfig, "box_hours", math.inf), (risk.PolicyRung, "oc_addon", None),
                              (scenarios.Scenario, "collections", 1), (scenarios.Scenario, "seed", -1)]:
        args = {"oc_addon": (0.0, 0.0, 0.0), "reserve_multiplier": 1.0, "review_interval_minutes": 60.0} \
            if cls is risk.PolicyRung else {}
        with pytest.raises((TypeError, ValueError), match=f"^{field}"):
            cls(**{**args, field: value})
    with pytest.raises(ValueError, match="^end_hours"):
        scenarios.VenueOutage(0, 5.0, 1.0)
    with pytest.raises(OverflowError, match="^propensity"):
        risk.BorrowerBehaviour(propensity=10**400)


def test_sweep_checks_its_cluster_arguments_before_starting_one() -> None:
    # Were: n_workers=-1 and threads_per_worker=None reached dask's LocalCluster; client=1
    # failed with "'int' object has no attribute 'map'".
    for kwargs, name in [(dict(n_workers=-1), "n_workers"), (dict(threads_per_worker=None), "threads_per_worker"),
                         (dict(client=1), "client"), (dict(processes="yes"), "processes"),
                         (dict(strategies="naive"), "strategies")]:
        with pytest.raises((TypeError, ValueError, OverflowError), match=f"^{name}"):
            cushion.sweep(TINY, **kwargs)


def test_buffer_refuses_negative_reserves_and_thresholds() -> None:
    # Were: required_reserve(-100) returned -12 ETH; route_inflow(threshold=0) divided by zero,
    # threshold=-1 silently routed everything by ratio; deploy(ref=2**256) was booked.
    buf = risk.LiquidityBuffer()
    buf.deposit("mid", 100.0)
    with pytest.raises(ValueError, match="^outstanding_debt"):
        buf.required_reserve("mid", -100.0)
    for bad in (0.0, -1.0):
        with pytest.raises(ValueError, match="^threshold"):
            buf.route_inflow(1.0, {"mid": 0.1}, threshold=bad)
    with pytest.raises(OverflowError, match="^ref"):
        buf.deploy("mid", 1.0, "support", ref=2**256)
    assert buf.books_balance() and buf.deposits_wei == 100 * 10**18


def test_rebalancer_and_its_inputs_check_their_arrays() -> None:
    # Were: collection_buckets of 2.7 or 7 were cast to ints (an IndexError later), a NaN stress
    # or a 2-D value_weight went into the controller, collection_names=1 was kept.
    with pytest.raises(ValueError, match="^collection_buckets"):
        risk.Rebalancer(np.array([0, 7]))
    with pytest.raises(TypeError, match="^collection_buckets"):
        risk.Rebalancer(np.array([0.0, 2.7]))
    with pytest.raises(TypeError, match="^collection_names"):
        risk.Rebalancer(np.array([0, 1]), collection_names=1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="^stress"):
        risk.RebalancerInputs(stress=np.array([math.nan]), value_weight=np.ones(1), drawdown=np.zeros(1),
                              oracle_anomaly=np.zeros(1, bool), venues_up=np.ones(2, bool), gas_gwei=30.0)


def test_market_and_ramp_check_indices_and_amounts() -> None:
    # Were: ThinBidMarket.sell(99, ...) raised IndexError, a NaN item weight moved the floor to
    # NaN; RefinanceTerms.apply could refinance more than the debt (a negative lender debt);
    # StagedLiquidation.step called a non-callable fund_support.
    paths = TINY.paths(25)
    market = risk.ThinBidMarket(TINY, paths)
    with pytest.raises(OverflowError, match="^collection"):
        market.sell(99, np.ones(2))
    with pytest.raises(ValueError, match="^weights"):
        market.sell(1, np.array([1.0, math.nan]))
    assert np.all(np.isfinite(market.floor()))
    book = risk.LoanBook.generate(TINY.collections, 4, seed=2)
    with pytest.raises(ValueError, match="^amount"):
        risk.RefinanceTerms().apply(book, np.array([0]), book.debt[:1] + 1.0)
    staged = risk.StagedLiquidation(4)
    with pytest.raises(TypeError, match="^fund_support"):
        staged.step(0.0, book, np.ones(len(TINY.collections)), np.ones(4), cure_window_hours=6.0, hard_floor_hf=0.9,
                    unwind_paused=np.zeros(4, bool), fund_support=None)  # type: ignore[arg-type]


def test_string_arrays_are_not_parsed_as_numbers() -> None:
    # Were: np.asarray(x, dtype=float) parsed a str array ("0.1") as numbers -- a silently
    # accepted wrong type -- in efficient_frontier and the ramp's rules.
    with pytest.raises(TypeError, match="^risk_aversions"):
        schedule.efficient_frontier(10.0, 5, np.array(["0", "0.001"]), sigma=0.3, eta=0.05)
    book = risk.LoanBook.generate(TINY.collections, 4, seed=2)
    with pytest.raises(TypeError, match="^price"):
        risk.required_repayment(book, np.array([0]), np.array(["1.0"] * len(TINY.collections)), 1.2)


def test_simulate_names_reference_price() -> None:
    # Was: "reference must be >= 0" (the pool's name for it) for simulate(reference_price=-1).
    with pytest.raises(ValueError, match="^reference_price"):
        schedule.simulate([1.0], cushion.XYK(10.0, 10.0), reference_price=-1.0)


def test_registries_name_the_argument() -> None:
    # Was: "curve_type and the wrapper type must be classes" for register_stressed(.., 1).
    with pytest.raises(TypeError, match="^stressed_type must be a class"):
        spread.register_stressed(cushion.XYK, 1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^pool_type must be a class"):
        absorb.register_cushion(cushion.XYK, None)  # type: ignore[arg-type]
