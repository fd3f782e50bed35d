"""Type stubs for cushion.spread (the compiled classes come from cushion._core.spread)."""

from __future__ import annotations

import abc
from typing import Any, Generic, TypeVar, overload

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._core import CurveError
from .absorb import AbsorbResultExponential, AbsorbResultGDA, AbsorbResultLinear, AbsorbResultLinearImpact, \
    AbsorbResultWeightedXYK, AbsorbResultXYK, AbsorptionLedger
from .curves import GDA, XYK, Exponential, Linear, WeightedXYK
from .schedule import LinearImpact

class HalfSpread:
    """h(s) = min(cap, base + slope * s**exponent); bid = mid (1 - h), ask = mid (1 + h) (f64)."""

    def __init__(self, base: float = 0.003, slope: float = 0.047, exponent: float = 1.0, cap: float = 0.05) -> None: ...
    @property
    def base(self) -> float: ...
    @property
    def slope(self) -> float: ...
    @property
    def exponent(self) -> float: ...
    @property
    def cap(self) -> float: ...
    @overload
    def at(self, stress: float) -> float: ...
    @overload
    def at(self, stress: ArrayLike) -> NDArray[np.float64]: ...
    @overload
    def bid(self, mid: float, stress: float) -> float: ...
    @overload
    def bid(self, mid: ArrayLike, stress: ArrayLike) -> NDArray[np.float64]: ...
    @overload
    def ask(self, mid: float, stress: float) -> float: ...
    @overload
    def ask(self, mid: ArrayLike, stress: ArrayLike) -> NDArray[np.float64]: ...

C = TypeVar("C")
S = TypeVar("S")
R = TypeVar("R")
N = TypeVar("N", float, int)
H = TypeVar("H")
L = TypeVar("L")

class _StressedQuote(Generic[S, N]):
    @property
    def error(self) -> CurveError: ...
    @property
    def ok(self) -> bool: ...
    @property
    def value(self) -> N: ...
    @property
    def curve_value(self) -> N: ...
    @property
    def spread(self) -> N: ...
    @property
    def half_spread(self) -> N: ...
    @property
    def trade_fee(self) -> N: ...
    @property
    def protocol_fee(self) -> N: ...
    @property
    def items(self) -> N: ...
    @property
    def next(self) -> S: ...

class _Stressed(Generic[C, R, N, H, L]):
    def __init__(self, curve: C, spread: H, stress: N) -> None: ...
    @property
    def curve(self) -> C: ...
    @property
    def spread(self) -> H: ...
    @property
    def stress(self) -> N: ...
    @property
    def half_spread(self) -> N: ...
    def buy(self, n: N) -> _StressedQuote[Any, N]: ...
    def sell(self, n: N) -> _StressedQuote[Any, N]: ...
    def with_stress(self, stress: N) -> Any: ...
    def absorb(self, ledger: L, n: N, block: int, whole_items: bool = False) -> R: ...

class StressedLinear(_Stressed[Linear, AbsorbResultLinear, float, HalfSpread, AbsorptionLedger]):
    """A Linear curve quoted with the stress-widened spread."""

class StressedExponential(_Stressed[Exponential, AbsorbResultExponential, float, HalfSpread, AbsorptionLedger]):
    """An Exponential curve quoted with the stress-widened spread."""

class StressedXYK(_Stressed[XYK, AbsorbResultXYK, float, HalfSpread, AbsorptionLedger]):
    """An XYK curve quoted with the stress-widened spread."""

class StressedGDA(_Stressed[GDA, AbsorbResultGDA, float, HalfSpread, AbsorptionLedger]):
    """A GDA curve quoted with the stress-widened spread."""

class StressedWeightedXYK(_Stressed[WeightedXYK, AbsorbResultWeightedXYK, float, HalfSpread, AbsorptionLedger]):
    """A trait-basket (weighted XYK) curve quoted with the stress-widened spread; n is a weight sum."""

class StressedLinearImpact(_Stressed[LinearImpact, AbsorbResultLinearImpact, float, HalfSpread, AbsorptionLedger]):
    """The linear-impact model quoted with the stress-widened spread."""

class StressedLinearQuote(_StressedQuote[StressedLinear, float]): ...
class StressedExponentialQuote(_StressedQuote[StressedExponential, float]): ...
class StressedXYKQuote(_StressedQuote[StressedXYK, float]): ...
class StressedGDAQuote(_StressedQuote[StressedGDA, float]): ...
class StressedWeightedXYKQuote(_StressedQuote[StressedWeightedXYK, float]): ...
class StressedLinearImpactQuote(_StressedQuote[StressedLinearImpact, float]): ...

class StressedCurve(abc.ABC):
    """A curve quoted with the stress-widened spread (abstract base and factory)."""

    def __new__(cls, curve: Any, spread: Any = None, stress: Any = 0) -> Any: ...

def register_stressed(curve_type: type, stressed_type: type) -> None:
    """Makes StressedCurve know a new curve type."""

def half_spread(stress: Any, spread: HalfSpread | None = None) -> Any:
    """h(stress) under `spread` (default HalfSpread())."""

def bid_ask(mid: Any, stress: Any, spread: HalfSpread | None = None) -> tuple[Any, Any]:
    """(mid (1 - h), mid (1 + h)); arrays broadcast."""

def round_trip(curve: Any, n: Any) -> Any:
    """Trader P&L of buying n items and selling them straight back."""

__all__: list[str]
