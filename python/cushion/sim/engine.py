"""The simulation loop: the same book and path under each strategy."""

from __future__ import annotations

import time as _time
from typing import Sequence

import numpy as np

from .._validate import check_count, check_instance, check_sequence
from ..risk.loans import LoanBook
from ..scenarios import Scenario, case_study
from .config import SimulationConfig
from .results import ScenarioResult, StrategyRun
from .strategies import STRATEGIES, TIMELINE_COLUMNS, CushionStack, Strategy

__all__ = ["run_strategy", "simulate"]


def simulate(scenario: Scenario | None = None, config: SimulationConfig | None = None, *,
             book: LoanBook | None = None, n_loans: int | None = None,
             strategies: Sequence[str] = ("naive", "cushion")) -> ScenarioResult:
    """Runs ``scenario`` (default: the seed's case study) on one loan book under each of
    ``strategies`` ("naive", "cushion") and returns their results side by side.

    Args:
        scenario: the price/depth/funding path (:mod:`cushion.scenarios`).
        config: every other parameter (:class:`SimulationConfig`).
        book: the loans; default: ``LoanBook.generate`` with ``config.book``.
        n_loans: overrides ``config.book.n_loans`` for the generated book.
        strategies: which strategies to run, in order.

    Every strategy gets its own copy of the book and its own market; the exogenous path,
    the borrowers' random draws and the oracle sources' noise are common to all
    (common random numbers), so differences come from the strategies alone.
    """
    scenario = case_study() if scenario is None else check_instance("scenario", scenario, Scenario, "Scenario or None")
    config = SimulationConfig() if config is None else check_instance("config", config, SimulationConfig,
                                                                        "SimulationConfig or None")
    strategies = check_strategies(strategies)
    if n_loans is not None:
        check_count("n_loans", n_loans, hi=10**8)
    if book is not None:
        check_instance("book", book, LoanBook, "LoanBook or None")
    if book is None:
        b = config.book
        book = LoanBook.generate(scenario.collections, n_loans or b.n_loans, seed=b.seed, hf_min=b.hf_min,
                                 hf_shape=b.hf_shape, hf_scale=b.hf_scale, bucket_share=b.bucket_share)
    elif int(book.collection.max(initial=0)) >= len(scenario.collections):
        raise ValueError("the book refers to collections the scenario does not have")
    paths = scenario.paths(config.step_blocks)
    runs = {}
    started = _time.perf_counter()
    for name in strategies:
        runs[name] = run_strategy(STRATEGIES[name](scenario, paths, book.copy(), config))
    return ScenarioResult(scenario=scenario, config=config, runs=runs, hours=paths.hours,
                            elapsed_seconds=_time.perf_counter() - started, initial_book=book)


def check_strategies(strategies: Sequence[str]) -> tuple[str, ...]:
    """The strategy names, checked: a non-empty list or tuple of names in STRATEGIES."""
    names = check_sequence("strategies", strategies, str, "strategy names")
    unknown = [s for s in names if s not in STRATEGIES]
    if unknown or not names:
        raise ValueError(f"strategies must be a non-empty subset of {sorted(STRATEGIES)}, got {list(names)}")
    return names


def run_strategy(strategy: Strategy) -> StrategyRun:
    """Steps one strategy through its scenario paths and collects its results."""
    check_instance("strategy", strategy, Strategy)
    paths = strategy.paths
    venues = strategy.scenario.venues
    delay = strategy.scenario.oracle_delay_blocks
    market, book = strategy.market, strategy.book
    K = strategy.K
    marks = np.empty((paths.n_steps + 1, K))
    anomalies = np.zeros((paths.n_steps + 1, K), dtype=bool)
    for t in range(paths.n_steps + 1):
        now = float(paths.time_s[t])
        if t:
            market.advance(t)
            book.accrue(paths.step_seconds)
        reports, ages = market.reports(venues, delay)
        reading = strategy.oracle.update(now, reports, ages)
        strategy.act(t, now, reading)
        strategy.record(t, now, reading)
        marks[t] = reading.mu
        anomalies[t] = reading.anomaly
    extra: dict[str, object] = {}
    if isinstance(strategy, CushionStack):
        extra = {
            "decisions": list(strategy.rebalancer.log),
            "override_log": list(strategy.rebalancer.params.override_log),
            "stages_fired": dict(strategy.staged.fired),
            "stages_first_fired": dict(strategy.staged.first_fired),
            "breached_by_collection": np.bincount(book.collection[strategy.staged.ever_breached], minlength=K),
        }
    return StrategyRun(
        name=strategy.name,
        metrics=strategy.metrics(),
        timeline=strategy.timeline,
        columns=TIMELINE_COLUMNS,
        collection_names=tuple(c.name for c in strategy.scenario.collections),
        market_floor=market.floor_history.copy(),
        fundamental=paths.fundamental.copy(),
        marks=marks,
        oracle_anomaly=anomalies,
        liquidated_by_collection=np.bincount(book.collection[strategy.full_unwind], minlength=K),
        loans_by_collection=np.bincount(book.collection, minlength=K),
        buffer_journal_size=len(strategy.buffer.journal),
        buffer_books_balance=strategy.buffer.books_balance(),
        **extra,  # type: ignore[arg-type]
    )
