"""Collection-index bonding curves in exact uint256 arithmetic.

Python ints in base units (wei); WAD-scaled multipliers (``1.05e18`` for a 5%
exponential step, ``5 * 10**15`` for a 0.5% fee).  Every step rounds exactly as
the deployed Solidity (sudoswap v2 with solmate; GDA with PRBMath UD60x18) and
every revert raises :class:`cushion.Revert`.  ``WeightedXYK`` is Caviar's private pool
(18-decimal weights, basis-point fees; see :mod:`cushion.caviar`).  Spot prices and deltas are
uint128 on chain: larger values raise ``OverflowError``.

The cushion's risk machinery in exact integers (what a Solidity port reproduces): stress as
a WAD (``to_stress_wad``), ``RegimeTracker`` on WAD thresholds, ``HalfSpread`` in basis points
with every rounding in the protocol's favour, ``Stressed*`` curves, ``AbsorptionCap`` /
``AbsorptionLedger`` and the ``AbsorbResult*`` of selling under the caps.
"""

from __future__ import annotations

from ._core import absorb as _absorb
from ._core import exact as _exact
from ._core import spread as _spread
from ._core import stress as _stress

Linear = _exact.Linear
Exponential = _exact.Exponential
XYK = _exact.XYK
GDA = _exact.GDA
WeightedXYK = _exact.WeightedXYK

# The quote types buy() / sell() return (not constructible; named here so that quotes pickle
# and can be used in annotations).
LinearQuote = _exact.LinearQuote
ExponentialQuote = _exact.ExponentialQuote
XYKQuote = _exact.XYKQuote
GDAQuote = _exact.GDAQuote
WeightedXYKQuote = _exact.WeightedXYKQuote

# Stress, spreads and caps in exact arithmetic (issue 4).
to_stress_wad = _stress.to_stress_wad
RegimeTracker = _stress.exact.RegimeTracker
HalfSpread = _spread.exact.HalfSpread
StressedLinear = _spread.exact.StressedLinear
StressedExponential = _spread.exact.StressedExponential
StressedXYK = _spread.exact.StressedXYK
StressedGDA = _spread.exact.StressedGDA
StressedWeightedXYK = _spread.exact.StressedWeightedXYK
StressedLinearQuote = _spread.exact.StressedLinearQuote
StressedExponentialQuote = _spread.exact.StressedExponentialQuote
StressedXYKQuote = _spread.exact.StressedXYKQuote
StressedGDAQuote = _spread.exact.StressedGDAQuote
StressedWeightedXYKQuote = _spread.exact.StressedWeightedXYKQuote
AbsorbResultLinear = _spread.exact.AbsorbResultLinear
AbsorbResultExponential = _spread.exact.AbsorbResultExponential
AbsorbResultXYK = _spread.exact.AbsorbResultXYK
AbsorbResultGDA = _spread.exact.AbsorbResultGDA
AbsorbResultWeightedXYK = _spread.exact.AbsorbResultWeightedXYK
AbsorptionCap = _absorb.exact.AbsorptionCap
AbsorptionLedger = _absorb.exact.AbsorptionLedger
Headroom = _absorb.exact.Headroom

__all__ = [
    "AbsorbResultExponential",
    "AbsorbResultGDA",
    "AbsorbResultWeightedXYK",
    "AbsorbResultLinear",
    "AbsorbResultXYK",
    "AbsorptionCap",
    "AbsorptionLedger",
    "Exponential",
    "GDA",
    "HalfSpread",
    "Headroom",
    "Linear",
    "WeightedXYK",
    "RegimeTracker",
    "StressedExponential",
    "StressedExponentialQuote",
    "StressedGDA",
    "StressedGDAQuote",
    "StressedWeightedXYK",
    "StressedWeightedXYKQuote",
    "StressedLinear",
    "StressedLinearQuote",
    "StressedXYK",
    "StressedXYKQuote",
    "XYK",
    "to_stress_wad",
]
