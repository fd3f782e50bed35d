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
from .curves import GDA, XYK, Exponential, Linear
from . import exact, num, sudoswap
from . import absorb, schedule, spread, stress
from .absorb import AbsorptionCap, AbsorptionLedger, Cushion, Limit
from .schedule import AlmgrenChriss, LinearImpact, SimulationResult, compare, simulate
from .spread import HalfSpread, StressedCurve
from .stress import Regime, RegimeTracker, Signal, StressIndex

__all__ = [
    "__version__",
    "CurveError",
    "Exponential",
    "GDA",
    "Linear",
    "Revert",
    "RevertKind",
    "XYK",
    "exact",
    "num",
    "sudoswap",
]

# Stress, spreads, caps and tranche schedules.
__all__ += [
    "AbsorptionCap",
    "AbsorptionLedger",
    "AlmgrenChriss",
    "Cushion",
    "HalfSpread",
    "Limit",
    "LinearImpact",
    "Regime",
    "RegimeTracker",
    "Signal",
    "SimulationResult",
    "StressIndex",
    "StressedCurve",
    "absorb",
    "compare",
    "schedule",
    "simulate",
    "spread",
    "stress",
]

del _core
