"""Stress-widened spreads and curves quoted under stress.

* :class:`HalfSpread` is the half-spread model ``h(s) = min(cap, base + slope * s**p)``, with
  ``bid = mid (1 - h)`` and ``ask = mid (1 + h)``; :meth:`HalfSpread.at`, ``bid`` and ``ask``
  take floats or NumPy arrays (broadcast).  ``cushion.exact.HalfSpread`` is the same model in
  basis points with every rounding in the protocol's favour (see its docstring for the exact
  integer recipe a Solidity port follows).
* :class:`StressedCurve` wraps any curve (``cushion.Linear``, ``Exponential``, ``XYK``,
  ``GDA``, ``cushion.schedule.LinearImpact``, their ``cushion.exact`` twins, and any curve
  registered with :func:`register_stressed`) and quotes it with the spread at a stress level:
  buy values widened up, sell values widened down, the curve's state moving exactly as the
  wrapped curve's.  ``StressedCurve(curve, spread, stress)`` returns the concrete class
  (``StressedXYK``, ...); ``isinstance(x, StressedCurve)`` holds for all of them.

Widening never creates an arbitrage: a round trip through a stressed curve (buy then sell, or
sell then buy, at any two stress levels) pays at least what the wrapped curve's round trip
pays.
"""

from __future__ import annotations

import abc
from typing import Any

from . import _dispatch
from ._core import spread as _spread

HalfSpread = _spread.HalfSpread

StressedLinear = _spread.StressedLinear
StressedExponential = _spread.StressedExponential
StressedXYK = _spread.StressedXYK
StressedGDA = _spread.StressedGDA
StressedWeightedXYK = _spread.StressedWeightedXYK
StressedLinearImpact = _spread.StressedLinearImpact
StressedLinearQuote = _spread.StressedLinearQuote
StressedExponentialQuote = _spread.StressedExponentialQuote
StressedXYKQuote = _spread.StressedXYKQuote
StressedGDAQuote = _spread.StressedGDAQuote
StressedWeightedXYKQuote = _spread.StressedWeightedXYKQuote
StressedLinearImpactQuote = _spread.StressedLinearImpactQuote

_STRESSED_TYPES: dict[type, type] = _spread.STRESSED_TYPES


class StressedCurve(abc.ABC):
    """A curve quoted with the stress-widened spread (an abstract base and a factory).

    ``StressedCurve(curve, spread=None, stress=0)`` returns the stressed class for the
    curve's type: ``StressedXYK`` for a ``cushion.XYK``, ``cushion.exact.StressedXYK`` for a
    ``cushion.exact.XYK``, and so on.  spread: a :class:`HalfSpread` (f64 curves) or a
    ``cushion.exact.HalfSpread`` (exact curves); None for the default model of the curve's
    policy.  stress: in [0, 1] (f64) or a WAD int in [0, 10**18] (exact).

    Every stressed curve has ``buy(n)``, ``sell(n)`` (quotes with ``value``, ``spread``,
    ``curve_value``, ``half_spread``, fees, ``items``, ``next``), ``with_stress(s)``,
    ``absorb(ledger, n, block)`` (sell under absorption caps), and pickles.
    """

    def __new__(cls, curve: Any, spread: Any = None, stress: Any = 0) -> Any:  # noqa: D102
        stressed_type = _dispatch.wrapper_for(_STRESSED_TYPES, curve)
        if spread is None:
            spread = _default_spread(stressed_type)
        return stressed_type(curve, spread, stress)


def _default_spread(stressed_type: type) -> Any:
    return _spread.exact.HalfSpread() if stressed_type.__module__ == "cushion.exact" else HalfSpread()


def register_stressed(curve_type: type, stressed_type: type) -> None:
    """Makes :class:`StressedCurve` (and isinstance checks) know a new curve type.

    Bindings made with ``bind_stressed<Curve>`` (cpp/bindings/spread_common.hpp) register
    themselves; call this only for a stressed class bound some other way.
    """
    _dispatch.register(_STRESSED_TYPES, StressedCurve, curve_type, stressed_type, "stressed_type")


_dispatch.register_existing(_STRESSED_TYPES, StressedCurve)


def half_spread(stress: Any, spread: HalfSpread | None = None) -> Any:
    """h(stress) under ``spread`` (default :class:`HalfSpread`): a float, or an array for an array."""
    return _spread_or_default(spread).at(stress)


def _spread_or_default(spread: Any) -> Any:
    if spread is None:
        return HalfSpread()
    if not isinstance(spread, HalfSpread):
        raise TypeError(f"spread must be a cushion.spread.HalfSpread or None, not {type(spread).__name__}")
    return spread


def bid_ask(mid: Any, stress: Any, spread: HalfSpread | None = None) -> tuple[Any, Any]:
    """(bid, ask) = (mid (1 - h), mid (1 + h)) with h = h(stress); arrays broadcast."""
    s = _spread_or_default(spread)
    return s.bid(mid, stress), s.ask(mid, stress)


def round_trip(curve: Any, n: Any) -> Any:
    """Trader P&L of buying n items and selling them straight back (<= 0 unless the wrapped
    curve itself has a round-trip profit); None if either quote fails."""
    if not isinstance(curve, StressedCurve):
        raise TypeError(f"curve must be a stressed curve (StressedCurve(curve, spread, stress)), not "
                        f"{type(curve).__name__}")
    bought = curve.buy(n)
    if not bought.ok:
        return None
    sold = bought.next.sell(bought.items)
    if not sold.ok:
        return None
    return sold.value - bought.value


__all__ = [
    "HalfSpread",
    "StressedCurve",
    "StressedExponential",
    "StressedExponentialQuote",
    "StressedGDA",
    "StressedGDAQuote",
    "StressedWeightedXYK",
    "StressedWeightedXYKQuote",
    "StressedLinear",
    "StressedLinearImpact",
    "StressedLinearImpactQuote",
    "StressedLinearQuote",
    "StressedXYK",
    "StressedXYKQuote",
    "bid_ask",
    "half_spread",
    "register_stressed",
    "round_trip",
]
