"""Type stubs for cushion.schedule (the compiled classes come from cushion._core.schedule)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._core import CurveError

def dump(quantity: float, blocks: int) -> NDArray[np.float64]:
    """Everything at the first block."""

def twap(quantity: float, blocks: int) -> NDArray[np.float64]:
    """Q / N at every block."""

def resilience_decay(rho: float, tau: float) -> float:
    """exp(-rho tau)."""

def carry_forward(schedule: ArrayLike, caps: ArrayLike, extend: bool = False,
                  max_extra_blocks: int = 100000) -> tuple[NDArray[np.float64], float]:
    """A schedule cut to per-block caps, the refused part carried forward."""

def resilience_aware(quantity: float, blocks: int, *, decay: float | None = None, rho: float | None = None,
                     tau: float | None = None) -> NDArray[np.float64]:
    """The Obizhaeva-Wang / Alfonsi-Fruth-Schied schedule."""

def almgren_chriss(quantity: float, blocks: int, *, tau: float = 1.0, sigma: float = 0.0, eta: float,
                   gamma: float = 0.0, epsilon: float = 0.0, risk_aversion: float = 0.0) -> NDArray[np.float64]:
    """The Almgren-Chriss trades."""

class AlmgrenChriss:
    """Almgren & Chriss (2000) optimal liquidation with closed-form moments."""

    def __init__(self, quantity: float, blocks: int, *, tau: float = 1.0, sigma: float = 0.0, eta: float,
                 gamma: float = 0.0, epsilon: float = 0.0, risk_aversion: float = 0.0) -> None: ...
    quantity: float
    blocks: int
    tau: float
    sigma: float
    eta: float
    gamma: float
    epsilon: float
    risk_aversion: float
    @property
    def horizon(self) -> float: ...
    @property
    def eta_tilde(self) -> float: ...
    @property
    def kappa(self) -> float: ...
    @property
    def trades(self) -> NDArray[np.float64]: ...
    @property
    def holdings(self) -> NDArray[np.float64]: ...
    @property
    def expected_cost(self) -> float: ...
    @property
    def variance(self) -> float: ...
    def expected_cost_of(self, trades: ArrayLike) -> float: ...
    def variance_of(self, trades: ArrayLike) -> float: ...

class LinearImpactQuote:
    """A LinearImpact quote."""

    @property
    def error(self) -> CurveError: ...
    @property
    def ok(self) -> bool: ...
    @property
    def value(self) -> float: ...
    @property
    def trade_fee(self) -> float: ...
    @property
    def protocol_fee(self) -> float: ...
    @property
    def items(self) -> float: ...
    @property
    def next(self) -> LinearImpact: ...

class LinearImpact:
    """The Almgren-Chriss linear-impact market as a curve."""

    def __init__(self, price: float, gamma: float, eta: float, epsilon: float = 0.0, tau: float = 1.0) -> None: ...
    @property
    def price(self) -> float: ...
    @property
    def gamma(self) -> float: ...
    @property
    def eta(self) -> float: ...
    @property
    def epsilon(self) -> float: ...
    @property
    def tau(self) -> float: ...
    @property
    def fee(self) -> float: ...
    @property
    def protocol_fee(self) -> float: ...
    def buy(self, n: float) -> LinearImpactQuote: ...
    def sell(self, n: float) -> LinearImpactQuote: ...

@dataclasses.dataclass(frozen=True)
class Frontier:
    """The Almgren-Chriss efficient frontier."""

    risk_aversion: NDArray[np.float64]
    expected_cost: NDArray[np.float64]
    variance: NDArray[np.float64]
    kappa: NDArray[np.float64]
    def to_dataframe(self) -> Any: ...

def efficient_frontier(quantity: float, blocks: int, risk_aversions: ArrayLike, *, tau: float = 1.0, sigma: float,
                       eta: float, gamma: float = 0.0, epsilon: float = 0.0) -> Frontier:
    """Closed-form (E, V) per risk aversion."""

@dataclasses.dataclass(frozen=True)
class SimulationResult:
    """A schedule executed against a cushion, block by block."""

    stress: NDArray[np.float64]
    half_spread: NDArray[np.float64]
    target: NDArray[np.float64]
    filled: NDArray[np.float64]
    carry: NDArray[np.float64]
    proceeds: NDArray[np.float64]
    spread: NDArray[np.float64]
    fees: NDArray[np.float64]
    mid_before: NDArray[np.float64]
    mid_after: NDArray[np.float64]
    slippage: NDArray[np.float64]
    limited_by: NDArray[np.uint8]
    quantity: float
    arrival_mid: float
    sold: float
    unsold: float
    total_proceeds: float
    total_spread: float
    total_fees: float
    shortfall: float
    @property
    def blocks(self) -> int: ...
    @property
    def shortfall_bps(self) -> float: ...
    @property
    def average_price(self) -> float: ...
    def summary(self) -> dict[str, float]: ...
    def to_dataframe(self) -> Any: ...

def simulate(schedule: ArrayLike, curve: Any, *, stress: ArrayLike | None = None, reference: ArrayLike | None = None,
             spread: Any = None, cap: Any = None, rho: float | None = None, tau: float | None = None,
             decay: float | None = None, reference_price: float | None = None, whole_items: bool = False,
             extra_blocks: int = 0) -> SimulationResult:
    """Executes a schedule against a cushion, block by block."""

@dataclasses.dataclass(frozen=True)
class Comparison:
    """Several schedules simulated on the same cushion."""

    results: dict[str, SimulationResult]
    def summary(self) -> dict[str, dict[str, float]]: ...
    def to_dataframe(self) -> Any: ...
    def best(self, metric: str = "shortfall") -> str: ...

def compare(schedules: Mapping[str, ArrayLike], curve: Any, **kwargs: Any) -> Comparison:
    """Simulates every schedule on the same cushion."""

def simulate_paths(schedule: ArrayLike, curve: Any, references: ArrayLike, **kwargs: Any) -> dict[str, NDArray[np.float64]]:
    """One schedule over many reference-price paths."""

__all__: list[str]
