"""Collection-index bonding curves in exact uint256 arithmetic.

Python ints in base units (wei); WAD-scaled multipliers (``1.05e18`` for a 5%
exponential step, ``5 * 10**15`` for a 0.5% fee).  Every step rounds exactly as
the deployed Solidity (sudoswap v2 with solmate; GDA with PRBMath UD60x18) and
every revert raises :class:`cushion.Revert`.  ``WeightedXYK`` is Caviar's private pool
(18-decimal weights, basis-point fees; see :mod:`cushion.caviar`).  Spot prices and deltas are
uint128 on chain: larger values raise ``OverflowError``.
"""

from __future__ import annotations

from ._core import exact as _exact

Linear = _exact.Linear
Exponential = _exact.Exponential
XYK = _exact.XYK
GDA = _exact.GDA
WeightedXYK = _exact.WeightedXYK

__all__ = ["Exponential", "GDA", "Linear", "WeightedXYK", "XYK"]
