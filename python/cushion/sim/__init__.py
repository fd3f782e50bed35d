"""The crash-and-snap-back simulator: strategies, the run loop, results, sweeps."""

from __future__ import annotations

from .config import BookConfig, CushionConfig, SimulationConfig
from .engine import run_strategy, simulate
from .results import HEADLINE_METRICS, ScenarioResult, StrategyRun
from .strategies import STRATEGIES, CushionStack, NaiveLiquidation, Strategy
from .sweeps import SweepTask, expand_grid, run_task, sweep

__all__ = ["BookConfig", "CushionConfig", "CushionStack", "HEADLINE_METRICS", "NaiveLiquidation", "STRATEGIES",
           "SimulationConfig", "ScenarioResult", "Strategy", "StrategyRun", "SweepTask", "expand_grid",
           "run_strategy", "run_task", "simulate", "sweep"]
