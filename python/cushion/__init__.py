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

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from . import absorb, basket, batch, risk, scenarios, schedule, sim, slippage, spread, stress
    from .scenarios import Scenario
    from .sim import ScenarioResult, SimulationConfig, sweep
    from .sim import simulate as simulate_scenario

# Modules that need NumPy, and the names they export at the top level, load on first
# use: `import cushion` (and the Foundry entry point cushion.ffi, started once per fuzz
# run) stays NumPy-free and fast.  name -> (module, attribute or None for the module).
_LAZY: dict[str, tuple[str, str | None]] = {
    **{m: (m, None) for m in ("basket", "batch", "slippage", "stress", "spread", "absorb", "schedule")},
    **{n: ("absorb", n) for n in ("AbsorptionCap", "AbsorptionLedger", "Cushion", "Limit")},
    **{n: ("schedule", n) for n in ("AlmgrenChriss", "LinearImpact", "SimulationResult", "compare", "simulate")},
    **{n: ("spread", n) for n in ("HalfSpread", "StressedCurve")},
    **{n: ("stress", n) for n in ("Regime", "RegimeTracker", "Signal", "StressIndex")},
    # The risk layer and the crash-and-snap-back simulator (cushion.simulate is the tranche
    # schedule's simulation; the scenario simulator is cushion.simulate_scenario).
    **{m: (m, None) for m in ("risk", "scenarios", "sim")},
    "Scenario": ("scenarios", "Scenario"),
    **{n: ("sim", n) for n in ("ScenarioResult", "SimulationConfig", "sweep")},
    "simulate_scenario": ("sim", "simulate"),
}


def __getattr__(name: str) -> object:
    """Loads the lazily imported parts of the package (PEP 562)."""
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
