"""Collection-index bonding curves in the f64 number policy.

Amounts are whole tokens (``1.0`` is 1e18 wei), multipliers are plain numbers
(an exponential ``delta`` of ``1.05``, fees of ``0.005``), item counts may be
fractional (the closed forms extend continuously; a basket's summed weights).

``WeightedXYK`` is the trait-basket curve of Caviar private pools: items carry weights
(a floor item weighs 1.0), the NFT reserve counts weight, fees are basis points.

A curve is an immutable value: ``buy(n)`` / ``sell(n)`` return a quote whose
``next`` is the curve after the trade.  Where the exact mode would revert, an
f64 quote carries ``CurveError.REVERTED`` instead of raising.
"""

from __future__ import annotations

from ._core import CurveError
from ._core import f64 as _f64

Linear = _f64.Linear
Exponential = _f64.Exponential
XYK = _f64.XYK
GDA = _f64.GDA
WeightedXYK = _f64.WeightedXYK

# The quote types buy() / sell() return (not constructible; named here so that quotes pickle
# and can be used in annotations).
LinearQuote = _f64.LinearQuote
ExponentialQuote = _f64.ExponentialQuote
XYKQuote = _f64.XYKQuote
GDAQuote = _f64.GDAQuote
WeightedXYKQuote = _f64.WeightedXYKQuote

__all__ = ["CurveError", "Exponential", "GDA", "Linear", "WeightedXYK", "XYK"]
