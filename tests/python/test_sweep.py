"""cushion.sweep on Dask distributed: a 100-scenario sweep on a 2-worker LocalCluster, a
user's Client, worker processes (everything pickles), and the grid's validation."""

from __future__ import annotations

import pickle

import pytest

import cushion
from cushion.sim import SimulationConfig, SweepTask, expand_grid, run_task
from cushion.sim.sweeps import _local_cluster

distributed = pytest.importorskip("dask.distributed")
dask = pytest.importorskip("dask")

FAST = SimulationConfig(step_blocks=50)


def short(seed=0, **changes):
    base = dict(horizon_hours=12.0, shock_hours=6.0, snapback_start_hours=8.0, snapback_hours=2.0,
                depth_collapse_hours=2.0, seed=seed)
    base.update(changes)
    return cushion.scenarios.case_study(**base)


def test_hundred_scenarios_on_a_two_worker_local_cluster():
    scenarios = cushion.scenarios.monte_carlo(50, short(), seed=11)
    df = cushion.sweep(scenarios, {"behaviour.propensity": [0.0, 0.6]}, config=FAST, n_loans=60,
                       n_workers=2, processes=False)
    assert len(df) == 100 * 2 and df["task"].nunique() == 100
    assert set(df["strategy"]) == {"naive", "cushion"} and set(df["behaviour.propensity"]) == {0.0, 0.6}
    assert df["scenario"].nunique() == 50 and (df["buffer_min"] >= 0).all()
    # Each row is what simulate() gives for that scenario and parameter set.
    row = df[(df["task"] == 7) & (df["strategy"] == "cushion")].iloc[0]
    direct = cushion.simulate_scenario(scenarios[3], FAST.with_overrides({"behaviour.propensity": 0.6}), n_loans=60)
    assert row["scenario"] == scenarios[3].name
    assert row["collateral_liquidated_value"] == pytest.approx(direct.metrics("cushion")["collateral_liquidated_value"])


@pytest.mark.parametrize("processes", [False, True])
def test_own_cluster_runs_without_the_worker_profiler(processes):
    # Dask's profiler calls sys._current_frames() every 10 ms, which can deadlock a worker on
    # CPython 3.11 (gh-106883): make test once hung in the sweep above with every thread idle.
    with _local_cluster(1, 1, processes) as cluster, distributed.Client(cluster) as client:
        profiling = client.run(lambda dask_worker: "profile" in dask_worker.periodic_callbacks)
        assert len(profiling) == 1 and not any(profiling.values())
    # The setting held only while the cluster started.
    assert dask.config.get("distributed.worker.profile.enabled") is True


def test_sweep_on_a_given_client_with_worker_processes():
    # A caller's own cluster, started like cushion's (profiler off; see the test above).
    with _local_cluster(2, 1, True) as cluster, distributed.Client(cluster) as client:
        df = cushion.sweep([short(1), short(2)], {"scenario.shock_depth": [0.1, 0.3]}, config=FAST, n_loans=40,
                           client=client, strategies=("cushion",))
        assert client.status == "running"  # the caller's client is left open
    assert len(df) == 4 and sorted(df["scenario.shock_depth"].unique()) == [0.1, 0.3]
    assert set(df["seed"]) == {1, 2}


def test_tasks_and_results_pickle():
    task = SweepTask(0, short(), FAST.with_overrides({"cushion.depth_multiple": 2.0}),
                     (("cushion.depth_multiple", 2.0),), 30, ("naive", "cushion"))
    again = pickle.loads(pickle.dumps(task))
    assert again == task
    strip = lambda rows: [{k: v for k, v in r.items() if k != "elapsed_seconds"} for r in rows]  # noqa: E731
    assert strip(run_task(again)) == strip(run_task(task))


def test_grid_validation():
    assert expand_grid({"a": [1, 2], "b": [3]}) == [{"a": 1, "b": 3}, {"a": 2, "b": 3}]
    assert expand_grid(None) == [{}]
    with pytest.raises(TypeError, match="sequence"):
        expand_grid({"a": "xyz"})
    with pytest.raises(KeyError, match="scenario.nope"):
        cushion.sweep(short(), {"scenario.nope": [1]})
    with pytest.raises(KeyError, match="market.nope"):
        cushion.sweep(short(), {"market.nope": [1]})
    with pytest.raises(TypeError, match="Scenario"):
        cushion.sweep(["not a scenario"])  # type: ignore[list-item]
