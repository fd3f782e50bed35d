"""cushion — price the AMM cushion of NFT-collateralised lending.

A cushion is a protocol-owned pool that absorbs liquidation exits along bonding
curves, widens its spreads as stress rises, caps what it absorbs per block and
sells positions in tranches.  This package gives:

* ``cushion.Linear``, ``Exponential``, ``XYK``, ``GDA`` — the collection-index
  bonding curves in f64 (whole tokens, fast, vectorisable);
* ``cushion.exact`` — the same curves in exact uint256 arithmetic, matching the
  deployed Solidity bit for bit (``cushion.Revert`` where it would revert);
* ``cushion.sudoswap`` — sudoswap v2's ``getBuyInfo`` / ``getSellInfo``;
* ``cushion.num`` — the exact primitives (FullMath mul_div, solmate, PRBMath);
* ``cushion.WeightedXYK`` and ``cushion.basket`` — trait baskets: Caviar's weighted
  XYK, item weights from trait premia, basket quotes on any curve;
* ``cushion.caviar`` — Caviar private pools' ``buyQuote`` / ``sellQuote`` /
  ``changeFeeQuote``, bit for bit;
* ``cushion.batch`` — vectorised quoting over NumPy arrays (and exact columns of ints);
* ``cushion.slippage`` — slippage curves and depth.
"""

from __future__ import annotations

from ._errors import Revert, RevertKind
from ._version import __version__
from . import _core
from ._core import CurveError
from .curves import GDA, XYK, Exponential, Linear, WeightedXYK
from . import basket, batch, caviar, exact, num, slippage, sudoswap

__all__ = [
    "__version__",
    "CurveError",
    "Exponential",
    "GDA",
    "Linear",
    "Revert",
    "RevertKind",
    "WeightedXYK",
    "XYK",
    "basket",
    "batch",
    "caviar",
    "exact",
    "num",
    "slippage",
    "sudoswap",
]

del _core
