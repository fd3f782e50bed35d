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
* ``cushion.simulate_scenario`` / ``cushion.sweep`` — the crash-and-snap-back simulator
  (naive liquidation against the cushion stack on the same book and path; also
  ``cushion.sim.simulate``) and its Dask sweeps; ``cushion.scenarios`` — the paths it runs on
  (the seed's case study by default);
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

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from . import basket, batch, risk, scenarios, sim, slippage
    from .scenarios import Scenario
    from .sim import ScenarioResult, SimulationConfig, sweep
    from .sim import simulate as simulate_scenario

# Everything that needs NumPy (and pandas/matplotlib when used) loads on first use, so that
# `import cushion` — and the Foundry entry point cushion.ffi, started once per fuzz run —
# stays NumPy-free and fast.  name -> (module, attribute or None for the module itself).
_LAZY = {
    "basket": ("cushion.basket", None),
    "batch": ("cushion.batch", None),
    "slippage": ("cushion.slippage", None),
    "risk": ("cushion.risk", None),
    "scenarios": ("cushion.scenarios", None),
    "sim": ("cushion.sim", None),
    "Scenario": ("cushion.scenarios", "Scenario"),
    "SimulationConfig": ("cushion.sim", "SimulationConfig"),
    "ScenarioResult": ("cushion.sim", "ScenarioResult"),
    "simulate_scenario": ("cushion.sim", "simulate"),
    "sweep": ("cushion.sim", "sweep"),
}


def __getattr__(name: str) -> object:
    """Loads the lazily imported parts of the package (PEP 562)."""
    try:
        module_name, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'cushion' has no attribute {name!r}") from None
    import importlib

    module = importlib.import_module(module_name)
    value = module if attr is None else getattr(module, attr)
    globals()[name] = value
    return value


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
    "Scenario",
    "ScenarioResult",
    "SimulationConfig",
    "WeightedXYK",
    "XYK",
    "basket",
    "batch",
    "caviar",
    "exact",
    "num",
    "risk",
    "scenarios",
    "sim",
    "simulate_scenario",
    "slippage",
    "sudoswap",
    "sweep",
]

del _core
