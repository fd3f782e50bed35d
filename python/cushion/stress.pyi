"""Type stubs for cushion.stress (the compiled classes come from cushion._core.stress)."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

class Signal(enum.IntEnum):
    """The eight stress signals, in index order."""

    REALISED_VOLATILITY = 0
    BID_DEPTH_1PCT = 1
    BID_DEPTH_5PCT = 2
    QUOTED_SPREAD = 3
    FUNDING_RATE = 4
    OPEN_INTEREST_CHANGE = 5
    LIQUIDATION_VELOCITY = 6
    ORACLE_CONFIDENCE = 7

class StalePolicy(enum.IntEnum):
    """How the stress index treats a stale signal."""

    STRESSED = 0
    DROP = 1
    KEEP = 2

class Regime(enum.IntEnum):
    """Stress regimes."""

    CALM = 0
    MODERATE = 1
    SEVERE = 2

SignalKey = Signal | str | int
SignalValuesLike = Sequence[float | None] | Mapping[SignalKey, float | None]

class SignalSpec:
    """How one stress signal is normalised and weighted."""

    def __init__(self, calm: float, severe: float, weight: float, max_age: float = 300.0,
                 magnitude: bool = False) -> None: ...
    @property
    def calm(self) -> float: ...
    @property
    def severe(self) -> float: ...
    @property
    def weight(self) -> float: ...
    @property
    def max_age(self) -> float: ...
    @property
    def magnitude(self) -> bool: ...

class StressReading:
    """One evaluation of the stress index."""

    @property
    def index(self) -> float: ...
    @property
    def coverage(self) -> float: ...
    @property
    def fail_safe(self) -> bool: ...
    @property
    def used_mask(self) -> int: ...
    @property
    def stale_mask(self) -> int: ...
    @property
    def missing_mask(self) -> int: ...
    @property
    def used(self) -> list[Signal]: ...
    @property
    def stale(self) -> list[Signal]: ...
    @property
    def missing(self) -> list[Signal]: ...
    @property
    def normalised(self) -> NDArray[np.float64]: ...

class StressIndex:
    """Combines the eight stress signals into one index s in [0, 1]."""

    def __init__(self, specs: Sequence[SignalSpec] | Mapping[SignalKey, SignalSpec] | None = None, *,
                 weights: SignalValuesLike | None = None, stale_policy: StalePolicy = ...,
                 min_coverage: float = 0.5) -> None: ...
    @property
    def specs(self) -> list[SignalSpec]: ...
    @property
    def weights(self) -> NDArray[np.float64]: ...
    @property
    def stale_policy(self) -> StalePolicy: ...
    @property
    def min_coverage(self) -> float: ...
    def normalise(self, signal: SignalKey, x: float) -> float: ...
    def evaluate(self, values: SignalValuesLike, ages: SignalValuesLike | None = None) -> StressReading: ...
    def path(self, values: ArrayLike, ages: ArrayLike | None = None) -> dict[str, NDArray[Any]]: ...

class RegimeTracker:
    """Calm / moderate / severe regimes with hysteresis and delayed release (f64)."""

    def __init__(self, *, enter_moderate: float | None = None, exit_moderate: float | None = None,
                 enter_severe: float | None = None, exit_severe: float | None = None,
                 floor_moderate: float | None = None, floor_severe: float | None = None, release_blocks: int = 25,
                 regime: Regime = ..., quiet_blocks: int = 0) -> None: ...
    @property
    def regime(self) -> Regime: ...
    @property
    def quiet_blocks(self) -> int: ...
    @property
    def floor(self) -> float: ...
    @property
    def thresholds(self) -> dict[str, float | int]: ...
    def update(self, stress: float) -> Regime: ...
    def effective(self, stress: float) -> float: ...
    def run(self, stress: ArrayLike) -> dict[str, NDArray[Any]]: ...
    def copy(self) -> RegimeTracker: ...

def to_stress_wad(stress: float) -> int:
    """ceil(stress * 1e18), exactly."""

DEFAULT_SPECS: dict[Signal, SignalSpec]

@dataclasses.dataclass(frozen=True)
class StressPath:
    """The stress index evaluated over T blocks."""

    index: NDArray[np.float64]
    coverage: NDArray[np.float64]
    used_mask: NDArray[np.uint16]
    stale_mask: NDArray[np.uint16]
    missing_mask: NDArray[np.uint16]
    fail_safe: NDArray[np.bool_]
    normalised: NDArray[np.float64]
    def to_dataframe(self) -> Any: ...

def stress_path(values: ArrayLike, ages: ArrayLike | None = None, index: StressIndex | None = None) -> StressPath:
    """Evaluates a StressIndex over T blocks."""

@dataclasses.dataclass(frozen=True)
class RegimePath:
    """A stress path run through a RegimeTracker."""

    stress: NDArray[np.float64]
    regime: NDArray[np.int8]
    effective: NDArray[np.float64]
    quiet_blocks: NDArray[np.uint32]
    @property
    def transitions(self) -> int: ...
    def to_dataframe(self) -> Any: ...

def regime_path(stress: ArrayLike, tracker: RegimeTracker | None = None) -> RegimePath:
    """Runs a stress path through a regime tracker."""

__all__: list[str]
