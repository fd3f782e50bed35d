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
from . import caviar, exact, num, sudoswap

# Modules that need NumPy load on first use, so that `import cushion` (and the Foundry
# entry point cushion.ffi, started once per fuzz run) stays NumPy-free and fast.
_LAZY_MODULES = frozenset({"basket", "batch", "slippage"})


def __getattr__(name: str):
    if name in _LAZY_MODULES:
        import importlib

        module = importlib.import_module(f".{name}", __name__)
        globals()[name] = module
        return module
    raise AttributeError(f"module 'cushion' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _LAZY_MODULES)

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
