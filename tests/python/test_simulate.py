"""The crash-and-snap-back simulator: the case study's verdict, the accounting identities,
the result objects, determinism, ablations, and the command line."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys

import numpy as np
import pytest

import cushion
from cushion.sim import SimulationConfig
from cushion.sim.strategies import TIMELINE_COLUMNS

REQUIRED_KEYS = {"loans_liquidated", "collateral_liquidated_value", "realized_slippage", "bad_debt", "buffer_min"}


def short_scenario(**changes):
    """A 12-hour version of the case study (fall 6 h, snap-back from 8 h) for fast tests."""
    base = dict(horizon_hours=12.0, shock_hours=6.0, snapback_start_hours=8.0, snapback_hours=2.0,
                depth_collapse_hours=2.0)
    base.update(changes)
    return cushion.scenarios.case_study(**base)


@pytest.fixture(scope="module")
def case():
    return cushion.simulate_scenario()  # the default: 1,000 loans, 72 h, both strategies


def test_case_study_cushion_liquidates_less_and_slips_less(case):
    naive, stack = case.metrics("naive"), case.metrics("cushion")
    assert naive["loans"] == stack["loans"] == 1000
    # "materially less": under half the collateral, by items and by value, and less slippage
    # both in ETH and as a share of what was sold.
    assert stack["collateral_liquidated_items"] < 0.5 * naive["collateral_liquidated_items"]
    assert stack["collateral_liquidated_value"] < 0.5 * naive["collateral_liquidated_value"]
    assert stack["realized_slippage"] < 0.5 * naive["realized_slippage"]
    assert stack["realized_slippage_rate"] < naive["realized_slippage_rate"]
    assert stack["loans_liquidated"] < naive["loans_liquidated"]
    assert stack["collateral_preserved_value"] > naive["collateral_preserved_value"]
    # The buffer is used, and never goes negative.
    balance = case.runs["cushion"].column("buffer_balance")
    assert stack["buffer_min"] >= 0 and balance.min() >= 0 and stack["capital_deployed_peak"] > 0
    assert stack["buffer_min"] == pytest.approx(balance.min())
    assert all(run.buffer_books_balance for run in case.runs.values())


def test_metric_identities(case):
    for name, m in case.to_dict().items():
        assert m["realized_slippage"] == pytest.approx(m["collateral_liquidated_value"] - m["liquidation_proceeds"])
        assert m["borrower_retention"] == pytest.approx(1 - m["loans_liquidated"] / m["loans"])
        assert 0.0 <= m["lender_recovery"] <= 1.0 + 1e-12
        assert m["bad_debt"] == pytest.approx(m["bad_debt_realized"] + m["bad_debt_open"])
        assert 0.0 <= m["collateral_preserved_share"] <= 1.0
        run = case.runs[name]
        assert run.column("loans_liquidated")[-1] == m["loans_liquidated"]
        assert run.column("value_liquidated")[-1] == pytest.approx(m["collateral_liquidated_value"])
        assert np.all(np.diff(run.column("items_liquidated")) >= 0)
    naive = case.metrics("naive")
    assert naive["buffer_min"] == naive["buffer_start"] == naive["buffer_end"]  # naive never uses it


def test_result_objects(case, tmp_path):
    summary = case.summary()
    assert list(summary.columns) == ["naive", "cushion"] and REQUIRED_KEYS <= set(summary.index)
    tl = case.timeline()
    steps = len(case.hours)
    assert len(tl) == 2 * steps and list(tl.columns) == ["strategy", *TIMELINE_COLUMNS]
    assert case.timeline("cushion")["time_h"].iloc[-1] == pytest.approx(72.0)
    decisions = case.decisions()
    assert len(decisions) > 10 and decisions["reason"].str.len().min() > 0
    assert {"MODERATE"} <= set(decisions["regime"]) and "market_shock" in set(decisions["event"])
    review = case.review()
    text = str(review)
    for section in ("Capital deployed", "Thresholds fired", "Collateral preserved vs liquidated", "Oracle lag"):
        assert section in text
    assert review.stages["breach_1"]["count"] > 0 and len(review.oracle_lag) == 6
    assert review.oracle_lag_frame()["tracking_error"].is_monotonic_decreasing
    fig = case.plot(tmp_path / "case.png")
    assert (tmp_path / "case.png").stat().st_size > 10_000 and len(fig.axes) >= 4
    assert "loans liquidated" in case.table()
    pickle.loads(pickle.dumps(case))  # results travel back from Dask workers


def test_deterministic_and_independent_runs():
    sc = short_scenario()
    cfg = SimulationConfig(step_blocks=50)
    a = cushion.simulate_scenario(sc, cfg, n_loans=150)
    b = cushion.simulate_scenario(sc, cfg, n_loans=150)
    assert a.to_dict() == b.to_dict()
    for name in a.strategies:
        assert np.array_equal(a.runs[name].timeline, b.runs[name].timeline, equal_nan=True)
    # Strategies run on copies: the book passed in is untouched.
    book = cushion.risk.LoanBook.generate(sc.collections, 150, seed=1)
    debt = book.debt.copy()
    one = cushion.simulate_scenario(sc, cfg, book=book, strategies=("cushion",))
    assert np.array_equal(book.debt, debt) and one.strategies == ["cushion"]


@pytest.mark.parametrize("overrides", [
    {"cushion.enabled": False},             # staged liquidation without the AMM cushion
    {"naive_oracle": "band"},               # naive liquidation with the cushion's oracle
    {"rebalancer.max_support_fraction": 0.0},  # no buffer refinancing
    {"behaviour.propensity": 0.0},          # nobody tops up
])
def test_ablations_run_and_keep_the_books(overrides):
    sc = short_scenario(shock_depth=0.3, snapback_fraction=0.0)
    res = cushion.simulate_scenario(sc, SimulationConfig(step_blocks=50).with_overrides(overrides), n_loans=200)
    for run in res.runs.values():
        assert run.buffer_books_balance and run.metrics["buffer_min"] >= 0
        assert np.all(run.column("buffer_balance") >= 0)


def test_outage_and_gas_spike_pause_market_sales():
    outage = (cushion.scenarios.VenueOutage(0, 1.0, 6.0), cushion.scenarios.VenueOutage(1, 1.0, 6.0))
    sc = short_scenario(shock_depth=0.3, outages=outage, gas_peak_gwei=500.0)
    res = cushion.simulate_scenario(sc, SimulationConfig(step_blocks=50), n_loans=200, strategies=("cushion",))
    switches = {s for d in res.runs["cushion"].decisions for s in d.kill_switches}
    assert {"venue_outage", "gas_spike"} <= switches


def test_bad_arguments():
    with pytest.raises(ValueError, match="strategies"):
        cushion.simulate_scenario(short_scenario(), strategies=("naive", "magic"))
    with pytest.raises(KeyError, match="cushion.nope"):
        SimulationConfig().with_overrides({"cushion.nope": 1})
    with pytest.raises(ValueError, match="step_blocks"):
        SimulationConfig(step_blocks=0)
    big = cushion.risk.LoanBook.generate(short_scenario().collections, 10)
    small = short_scenario(collections=short_scenario().collections[:2])
    with pytest.raises(ValueError, match="collections"):
        cushion.simulate_scenario(small, book=big)
    assert SimulationConfig().with_overrides({"buckets.mid.reserve_ratio": 0.3}).buckets["mid"].reserve_ratio == 0.3


def test_demo_json_is_one_object():
    out = subprocess.run([sys.executable, "-m", "cushion", "demo", "--json", "--loans", "300"],
                         capture_output=True, text=True, check=True, timeout=300)
    data = json.loads(out.stdout)  # only JSON on stdout
    assert set(data) == {"naive", "cushion"}
    for metrics in data.values():
        assert REQUIRED_KEYS <= set(metrics) and all(isinstance(v, float) for v in metrics.values())
    assert data["cushion"]["buffer_min"] >= 0


def test_demo_table_and_plot(tmp_path):
    out = subprocess.run([sys.executable, "-m", "cushion", "demo", "--loans", "300", "--out", str(tmp_path)],
                         capture_output=True, text=True, check=True, timeout=300)
    assert "naive" in out.stdout and "cushion" in out.stdout and "loans liquidated" in out.stdout
    assert (tmp_path / "snapback_case_study.png").exists() and str(tmp_path) in out.stdout


def test_public_names_are_documented():
    import inspect

    for module in (cushion.risk, cushion.sim, cushion.scenarios):
        assert module.__doc__
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isclass(obj) or inspect.isfunction(obj):
                assert (obj.__doc__ or "").strip(), f"{module.__name__}.{name}"
            if inspect.isclass(obj):
                for attr, value in vars(obj).items():
                    if not attr.startswith("_") and (inspect.isfunction(value) or isinstance(value, property)):
                        doc = value.fget.__doc__ if isinstance(value, property) else value.__doc__
                        assert (doc or "").strip(), f"{module.__name__}.{name}.{attr}"
