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
* ``cushion.slippage`` — slippage curves and depth;
* ``cushion.stress`` — stress signals -> stress index -> regimes with hysteresis;
* ``cushion.spread`` — stress-widened half-spreads and ``StressedCurve``;
* ``cushion.absorb`` — per-block absorption caps, their ledger, and the ``Cushion`` pool;
* ``cushion.schedule`` — dump / TWAP / Almgren-Chriss / resilience-aware schedules and
  ``simulate`` / ``compare`` against a cushion.
"""

from __future__ import annotations

from ._errors import Revert, RevertKind
from ._version import __version__
from . import _core
from ._core import CurveError
from .curves import GDA, XYK, Exponential, Linear, WeightedXYK
from . import caviar, exact, num, sudoswap

# Modules that need NumPy, and the names they export at the top level, load on first
# use: `import cushion` (and the Foundry entry point cushion.ffi, started once per fuzz
# run) stays NumPy-free and fast.  name -> (module, attribute or None for the module).
_LAZY: dict[str, tuple[str, str | None]] = {
    **{m: (m, None) for m in ("basket", "batch", "slippage", "stress", "spread", "absorb", "schedule")},
    **{n: ("absorb", n) for n in ("AbsorptionCap", "AbsorptionLedger", "Cushion", "Limit")},
    **{n: ("schedule", n) for n in ("AlmgrenChriss", "LinearImpact", "SimulationResult", "compare", "simulate")},
    **{n: ("spread", n) for n in ("HalfSpread", "StressedCurve")},
    **{n: ("stress", n) for n in ("Regime", "RegimeTracker", "Signal", "StressIndex")},
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module_name, attribute = _LAZY[name]
        module = importlib.import_module(f".{module_name}", __name__)
        value = module if attribute is None else getattr(module, attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'cushion' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


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
    "caviar",
    "exact",
    "num",
    "sudoswap",
    *sorted(_LAZY),
]

del _core
