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
* ``cushion.risk`` — the risk layer in Python: oracle bands, loan book, liquidity buffer,
  rebalancer, staged liquidation, the decentralised ramp, parameter envelopes, the
  post-event review;
* ``cushion.simulate`` / ``cushion.sweep`` — the crash-and-snap-back simulator (naive
  liquidation against the cushion stack on the same book and path) and its Dask sweeps;
  ``cushion.scenarios`` — the paths it runs on (the seed's case study by default).
"""

from __future__ import annotations

from ._errors import Revert, RevertKind
from ._version import __version__
from . import _core
from ._core import CurveError
from .curves import GDA, XYK, Exponential, Linear
from . import exact, num, sudoswap
from . import risk, scenarios
from .scenarios import Scenario
from .sim import SimulationConfig, SimulationResult, simulate, sweep

__all__ = [
    "__version__",
    "CurveError",
    "Exponential",
    "GDA",
    "Linear",
    "Revert",
    "RevertKind",
    "Scenario",
    "SimulationConfig",
    "SimulationResult",
    "XYK",
    "exact",
    "num",
    "risk",
    "scenarios",
    "simulate",
    "sudoswap",
    "sweep",
]

del _core
