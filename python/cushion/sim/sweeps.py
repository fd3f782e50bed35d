"""Many scenarios and parameter sets, run on Dask distributed.

:func:`sweep` expands a grid of dotted parameter names over one or more scenarios, sends
one task per (scenario, parameter set) to a Dask cluster — a ``LocalCluster`` it starts
and stops itself by default, or any ``dask.distributed.Client`` you pass (a real cluster
when one machine is not enough) — and returns one DataFrame row per (task, strategy).
Tasks are plain frozen dataclasses and functions, so they pickle to any worker.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from .._validate import check_bool, check_count, check_instance, check_mapping, check_str
from ..scenarios import Scenario, case_study
from .config import SimulationConfig

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from dask.distributed import Client, LocalCluster

__all__ = ["SweepTask", "expand_grid", "run_task", "sweep"]


@dataclass(frozen=True)
class SweepTask:
    """One simulation: a scenario, a configuration, and the labels of the grid point."""

    index: int
    scenario: Scenario
    config: SimulationConfig
    params: tuple[tuple[str, Any], ...]
    n_loans: int | None
    strategies: tuple[str, ...]


def expand_grid(grid: Mapping[str, Sequence[Any]] | None) -> list[dict[str, Any]]:
    """The cartesian product of ``grid`` (``{name: values}``) as a list of dicts."""
    if grid is None:
        return [{}]
    check_mapping("grid", grid)
    if not grid:
        return [{}]
    names = list(grid)
    for name in names:
        check_str("grid", name)
        if isinstance(grid[name], (str, bytes)) or not isinstance(grid[name], Iterable):
            raise TypeError(f"grid[{name!r}] must be a sequence of values")
    return [dict(zip(names, combo)) for combo in itertools.product(*(list(grid[n]) for n in names))]


def _apply(scenario: Scenario, config: SimulationConfig, point: Mapping[str, Any]) -> tuple[Scenario, SimulationConfig]:
    """Applies ``scenario.*`` names to the scenario and the rest to the configuration."""
    scenario_changes = {k.split(".", 1)[1]: v for k, v in point.items() if k.startswith("scenario.")}
    config_changes = {k: v for k, v in point.items() if not k.startswith("scenario.")}
    if scenario_changes:
        unknown = set(scenario_changes) - set(Scenario.__dataclass_fields__)
        if unknown:
            raise KeyError(f"unknown scenario parameter(s) {sorted('scenario.' + u for u in unknown)}")
        scenario = scenario.replace(**scenario_changes)
    return scenario, config.with_overrides(config_changes) if config_changes else config


def run_task(task: SweepTask) -> list[dict[str, Any]]:
    """Runs one task; one row per strategy (labels, then every metric)."""
    from .engine import simulate

    check_instance("task", task, SweepTask)
    result = simulate(task.scenario, task.config, n_loans=task.n_loans, strategies=task.strategies)
    rows = []
    for name, run in result.runs.items():
        row: dict[str, Any] = {"task": task.index, "scenario": task.scenario.name, "seed": task.scenario.seed}
        row.update(dict(task.params))
        row["strategy"] = name
        row.update(run.metrics)
        row["elapsed_seconds"] = result.elapsed_seconds
        rows.append(row)
    return rows


def sweep(scenarios: Scenario | Iterable[Scenario] | None = None, grid: Mapping[str, Sequence[Any]] | None = None, *,
          config: SimulationConfig | None = None, n_loans: int | None = None,
          strategies: Sequence[str] = ("naive", "cushion"), client: "Client | None" = None, n_workers: int = 2,
          threads_per_worker: int = 1, processes: bool = True) -> "pd.DataFrame":
    """Runs every scenario at every grid point under every strategy, on Dask.

    Args:
        scenarios: one scenario, several (e.g. :func:`cushion.scenarios.monte_carlo`), or
            None for the case study.
        grid: ``{dotted name: values}``; names starting with ``scenario.`` change the
            scenario (``"scenario.shock_depth": [0.1, 0.2]``), the others the configuration
            (``"cushion.depth_multiple": [0.5, 1, 2]``, ``"behaviour.propensity": [0, 0.6]``).
        config: the base configuration.
        n_loans: book size (default: ``config.book.n_loans``).
        strategies: as for :func:`cushion.simulate_scenario`.
        client: a ``dask.distributed.Client`` to run on.  Without one, a ``LocalCluster``
            with ``n_workers`` workers of ``threads_per_worker`` threads (``processes``:
            worker processes, or threads in this process) is started and shut down, with
            Dask's worker profiler off (see ``_local_cluster``).  On Python 3.11, start
            your own cluster's workers with ``distributed.worker.profile.enabled: False``
            too, or a sweep can hang (CPython gh-106883).

    Returns:
        A DataFrame with one row per (scenario, grid point, strategy): ``task``,
        ``scenario``, ``seed``, the grid's names, ``strategy`` and every metric of
        :class:`cushion.ScenarioResult`.
    """
    import pandas as pd

    from .engine import check_strategies

    if isinstance(scenarios, Scenario):
        scenario_list = [scenarios]
    elif scenarios is None:
        scenario_list = [case_study()]
    elif isinstance(scenarios, Iterable) and not isinstance(scenarios, (str, bytes, Mapping)):
        scenario_list = list(scenarios)
    else:
        scenario_list = []
    if not scenario_list or not all(isinstance(s, Scenario) for s in scenario_list):
        raise TypeError("scenarios must be a Scenario or a non-empty iterable of Scenarios")
    base = SimulationConfig() if config is None else check_instance("config", config, SimulationConfig,
                                                                      "SimulationConfig or None")
    if n_loans is not None:
        check_count("n_loans", n_loans, hi=10**8)
    strategies = check_strategies(strategies)
    if client is not None and not (callable(getattr(client, "map", None)) and callable(getattr(client, "gather",
                                                                                                None))):
        raise TypeError(f"client must be a dask.distributed.Client (with map and gather), not "
                        f"{type(client).__name__}")
    check_count("n_workers", n_workers, hi=4096)
    check_count("threads_per_worker", threads_per_worker, hi=4096)
    check_bool("processes", processes)
    tasks = []
    for scenario in scenario_list:
        for point in expand_grid(grid):
            sc, cfg = _apply(scenario, base, point)  # validates names before anything is sent
            tasks.append(SweepTask(len(tasks), sc, cfg, tuple(point.items()), n_loans, tuple(strategies)))
    try:
        from dask.distributed import Client
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("cushion.sweep needs dask[distributed]: pip install 'amm-cushion[sweep]'") from e

    if client is not None:
        rows = _gather(client, tasks)
    else:
        with _local_cluster(n_workers, threads_per_worker, processes) as cluster, Client(cluster) as own:
            rows = _gather(own, tasks)
    return pd.DataFrame([row for task_rows in rows for row in task_rows])


def _local_cluster(n_workers: int, threads_per_worker: int, processes: bool) -> "LocalCluster":
    """The ``LocalCluster`` :func:`sweep` starts: no dashboard, and no worker profiler.

    Dask's worker profiler calls ``sys._current_frames()`` every 10 ms.  On CPython 3.11
    that call can deadlock the whole worker when a garbage collection runs inside it and frees
    a thread-local (CPython gh-106883, fixed in 3.12 only): a sweep hung with every thread
    idle.  Without a dashboard nobody reads the profiles, so the profiler is off.  Workers
    read the setting when they start (worker processes get it from their nanny), so the
    setting only needs to hold while the cluster starts.
    """
    import dask
    from dask.distributed import LocalCluster

    with dask.config.set({"distributed.worker.profile.enabled": False}):
        return LocalCluster(n_workers=n_workers, threads_per_worker=threads_per_worker, processes=processes,
                            dashboard_address=None)


def _gather(client: "Client", tasks: list[SweepTask]) -> list[list[dict[str, Any]]]:
    futures = client.map(run_task, tasks, pure=False)
    return client.gather(futures)
