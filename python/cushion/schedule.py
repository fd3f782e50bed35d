"""Tranche schedules for unwinding a position into the cushion, and their simulation.

Schedules (NumPy arrays of N tranches, items to sell at blocks 0 .. N-1, summing to Q):

* :func:`dump` — everything at once; :func:`twap` — Q / N per block;
* :class:`AlmgrenChriss` / :func:`almgren_chriss` — the mean-variance optimal trajectory for
  linear impact, with its closed-form expected cost and variance (``risk_aversion = 0`` is
  TWAP); :func:`efficient_frontier` sweeps the risk aversion;
* :func:`resilience_aware` — the Obizhaeva-Wang / Alfonsi-Fruth-Schied schedule for a market
  that recovers between blocks (``decay = exp(-rho tau)``): equal blocks at the first and last
  block, ``(1 - decay)`` times that in between;
* :func:`carry_forward` — a schedule cut to per-block caps, what a cap refuses carried to the
  next block (the same rule :func:`simulate` applies to the live, stress-dependent caps).

:func:`simulate` executes a schedule against a cushion (curve + spread + caps + recovery)
block by block and returns a :class:`SimulationResult` (per-block arrays: fills, proceeds,
spread paid, fees, mids, slippage against the arrival mid; totals: implementation shortfall,
unsold).  :func:`compare` runs several schedules on the same cushion; :func:`simulate_paths`
runs one schedule over many reference-price paths (Monte Carlo).  :class:`LinearImpact` is the
Almgren-Chriss market as a curve.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import numpy as np

from ._core import schedule as _schedule
from ._validate import UnknownName, check_array, check_real, check_str
from .absorb import Cushion, decay_from

dump = _schedule.dump
twap = _schedule.twap
resilience_decay = _schedule.resilience_decay
carry_forward = _schedule.carry_forward
AlmgrenChriss = _schedule.AlmgrenChriss
LinearImpact = _schedule.LinearImpact
LinearImpactQuote = _schedule.LinearImpactQuote


def resilience_aware(quantity: Any, blocks: Any, *, decay: Any = None, rho: Any = None, tau: Any = None) -> np.ndarray:
    """The Obizhaeva-Wang / Alfonsi-Fruth-Schied schedule over ``blocks`` blocks.

    With ``a = decay = exp(-rho tau)`` (give decay, or rho and tau): the first and last block
    sell ``Q / ((N - 2)(1 - a) + 2)`` and every block in between ``(1 - a)`` times that (in
    the reference's notation N_ref = N - 1 intervals: ``X / ((N_ref - 1)(1 - a) + 2)``).  It
    minimises the cost of selling into a linear book whose dislocation decays by ``a`` per block.
    """
    if decay is None and rho is None:
        raise TypeError("resilience_aware() needs decay or rho (and tau)")
    return _schedule.resilience_aware(quantity, blocks, decay_from(rho, tau, decay))


def almgren_chriss(
    quantity: Any,
    blocks: Any,
    *,
    tau: Any = 1.0,
    sigma: Any = 0.0,
    eta: Any,
    gamma: Any = 0.0,
    epsilon: Any = 0.0,
    risk_aversion: Any = 0.0,
) -> np.ndarray:
    """The Almgren-Chriss trades n_1 .. n_N (see :class:`AlmgrenChriss`)."""
    return AlmgrenChriss(
        quantity, blocks, tau=tau, sigma=sigma, eta=eta, gamma=gamma, epsilon=epsilon, risk_aversion=risk_aversion
    ).trades


@dataclasses.dataclass(frozen=True)
class Frontier:
    """The Almgren-Chriss efficient frontier: one row per risk aversion."""

    risk_aversion: np.ndarray
    expected_cost: np.ndarray
    variance: np.ndarray
    kappa: np.ndarray

    def to_dataframe(self) -> Any:
        """The frontier as a pandas DataFrame."""
        return _frame(dataclasses.asdict(self))


def efficient_frontier(
    quantity: Any,
    blocks: Any,
    risk_aversions: Any,
    *,
    tau: Any = 1.0,
    sigma: Any,
    eta: Any,
    gamma: Any = 0.0,
    epsilon: Any = 0.0,
) -> Frontier:
    """Closed-form (E, V) of the Almgren-Chriss schedule for every risk aversion given."""
    lams = check_array("risk_aversions", risk_aversions, ndim=None, lo=0.0)
    if lams.ndim > 1:
        raise ValueError(f"risk_aversions must be a number or a 1-D array, got shape {lams.shape}")
    lams = lams.reshape(-1)
    models = [
        AlmgrenChriss(quantity, blocks, tau=tau, sigma=sigma, eta=eta, gamma=gamma, epsilon=epsilon, risk_aversion=lam)
        for lam in lams
    ]
    return Frontier(
        risk_aversion=lams,
        expected_cost=np.array([m.expected_cost for m in models]),
        variance=np.array([m.variance for m in models]),
        kappa=np.array([m.kappa for m in models]),
    )


def _frame(columns: dict[str, Any]) -> Any:
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - pandas is pinned in the test environment
        raise ImportError("to_dataframe() needs pandas (pip install pandas)") from e
    return pd.DataFrame(columns)


_PER_BLOCK = (
    "stress",
    "half_spread",
    "target",
    "filled",
    "carry",
    "proceeds",
    "spread",
    "fees",
    "mid_before",
    "mid_after",
    "slippage",
    "limited_by",
)


@dataclasses.dataclass(frozen=True)
class SimulationResult:
    """A schedule executed against a cushion, block by block.

    Per-block arrays (length = blocks simulated): ``stress``, ``half_spread``, ``target``
    (tranche + carry), ``filled``, ``carry`` (what the caps or the curve refused, carried to
    the next block), ``proceeds`` (what the seller received), ``spread`` (what the spread
    took), ``fees``, ``mid_before`` / ``mid_after`` (the curve's mid around the trade),
    ``slippage`` (``filled * arrival_mid - proceeds``) and ``limited_by`` (:class:`Limit`
    flags, uint8).  Totals: ``quantity``, ``arrival_mid``, ``sold``, ``unsold``,
    ``total_proceeds``, ``total_spread``, ``total_fees`` and ``shortfall`` (implementation
    shortfall of what was sold: ``sold * arrival_mid - total_proceeds``).
    """

    stress: np.ndarray
    half_spread: np.ndarray
    target: np.ndarray
    filled: np.ndarray
    carry: np.ndarray
    proceeds: np.ndarray
    spread: np.ndarray
    fees: np.ndarray
    mid_before: np.ndarray
    mid_after: np.ndarray
    slippage: np.ndarray
    limited_by: np.ndarray
    quantity: float
    arrival_mid: float
    sold: float
    unsold: float
    total_proceeds: float
    total_spread: float
    total_fees: float
    shortfall: float

    @property
    def blocks(self) -> int:
        """Blocks simulated (the schedule's, plus any extra blocks used to sell the carry)."""
        return int(self.filled.shape[0])

    @property
    def shortfall_bps(self) -> float:
        """Implementation shortfall in basis points of the arrival value of what was sold."""
        value = self.sold * self.arrival_mid
        return float("nan") if value == 0 else 1e4 * self.shortfall / value

    @property
    def average_price(self) -> float:
        """Proceeds per item sold."""
        return float("nan") if self.sold == 0 else self.total_proceeds / self.sold

    def summary(self) -> dict[str, float]:
        """The totals as a flat dict (one row of a comparison table)."""
        return {
            "quantity": self.quantity,
            "sold": self.sold,
            "unsold": self.unsold,
            "blocks": float(self.blocks),
            "arrival_mid": self.arrival_mid,
            "total_proceeds": self.total_proceeds,
            "average_price": self.average_price,
            "total_spread": self.total_spread,
            "total_fees": self.total_fees,
            "shortfall": self.shortfall,
            "shortfall_bps": self.shortfall_bps,
            "max_fill": float(self.filled.max()) if self.blocks else 0.0,
        }

    def to_dataframe(self) -> Any:
        """The per-block arrays as a pandas DataFrame (index: block)."""
        df = _frame({name: getattr(self, name) for name in _PER_BLOCK})
        df.index.name = "block"
        return df


def _pool(curve: Any, spread: Any, cap: Any, rho: Any, tau: Any, decay: Any, reference_price: Any,
          whole_items: bool) -> Any:
    if isinstance(curve, Cushion):
        if any(v is not None for v in (spread, cap, rho, tau, decay, reference_price)) or whole_items:
            raise ValueError("simulate() was given a Cushion: its spread, caps, recovery and reference are used; "
                             "pass them when building the Cushion instead")
        return curve
    if reference_price is not None:  # checked under this function's name for it (the pool calls it reference)
        check_real("reference_price", reference_price, lo=0.0)
    return Cushion(curve, spread, cap, rho=rho, tau=tau, decay=decay, reference=reference_price,
                   whole_items=whole_items)


def _pool_from(curve: Any, kwargs: dict[str, Any]) -> Any:
    """The pool for ``curve`` built from (and popping) the pool keywords of :func:`simulate`."""
    return _pool(
        curve, kwargs.pop("spread", None), kwargs.pop("cap", None), kwargs.pop("rho", None), kwargs.pop("tau", None),
        kwargs.pop("decay", None), kwargs.pop("reference_price", None), kwargs.pop("whole_items", False),
    )


def simulate(
    schedule: Any,
    curve: Any,
    *,
    stress: Any = None,
    reference: Any = None,
    spread: Any = None,
    cap: Any = None,
    rho: Any = None,
    tau: Any = None,
    decay: Any = None,
    reference_price: Any = None,
    whole_items: bool = False,
    extra_blocks: Any = 0,
) -> SimulationResult:
    """Executes a schedule against a cushion, block by block, and returns the trace.

    schedule: tranches (items per block, >= 0).  curve: an f64 curve (a cushion pool is built
    from it and the keywords below) or a :class:`cushion.absorb.Cushion` (used as is, from its
    current state; it is not changed).

    For block k: ``target = schedule[k] + carry``; the pool absorbs up to target at
    ``stress[k]`` (spread and caps at that stress); what the caps or the curve refuse carries
    to block k + 1; then the curve recovers: ``mid -> reference[k+1] + decay (mid -
    reference[k])``.  After the schedule, up to ``extra_blocks`` more blocks sell the carry.

    stress: a stress path (values in [0, 1]; shorter than the run: the last value repeats;
    None: 0).  reference: the reference (oracle) price path the curve recovers toward (same
    rule; None: the arrival mid, i.e. impact is transient).  spread, cap: the pool's
    :class:`~cushion.spread.HalfSpread` and :class:`~cushion.absorb.AbsorptionCap` (None:
    default spread, no caps).  rho and tau, or decay: recovery per block (default none).
    reference_price: the pool's initial reference (default its mid).  whole_items: whole-item
    fills.
    """
    pool = _pool(curve, spread, cap, rho, tau, decay, reference_price, whole_items)
    return SimulationResult(**pool.simulate(schedule, stress, reference, extra_blocks))


@dataclasses.dataclass(frozen=True)
class Comparison:
    """Several schedules simulated on the same cushion: ``results`` by name."""

    results: dict[str, SimulationResult]

    def summary(self) -> dict[str, dict[str, float]]:
        """Each schedule's totals (see :meth:`SimulationResult.summary`), by name."""
        return {name: r.summary() for name, r in self.results.items()}

    def to_dataframe(self) -> Any:
        """The summaries as a pandas DataFrame, one row per schedule."""
        import pandas as pd

        return pd.DataFrame.from_dict(self.summary(), orient="index")

    def best(self, metric: str = "shortfall") -> str:
        """The name of the schedule with the smallest ``metric`` (a summary key)."""
        check_str("metric", metric)
        rows = self.summary()
        if not rows:
            raise ValueError("no results to compare")
        if metric not in next(iter(rows.values())):
            raise UnknownName(f"metric: unknown metric {metric!r} (one of {', '.join(next(iter(rows.values())))})")
        return min(rows, key=lambda name: rows[name][metric])


def compare(schedules: Mapping[str, Any], curve: Any, **kwargs: Any) -> Comparison:
    """Simulates every schedule (name -> tranches) on the same cushion (same curve, stress,
    reference, spread, caps and recovery: the keywords of :func:`simulate`)."""
    if not isinstance(schedules, Mapping):
        raise TypeError("schedules must be a mapping name -> schedule")
    pool = _pool_from(curve, kwargs)
    return Comparison({str(name): simulate(s, pool, **kwargs) for name, s in schedules.items()})


def simulate_paths(schedule: Any, curve: Any, references: Any, **kwargs: Any) -> dict[str, np.ndarray]:
    """Runs one schedule over many reference-price paths (Monte Carlo).

    references: (P, T) array, one reference path per row.  Keywords as :func:`simulate`.
    Returns arrays of length P: ``shortfall``, ``total_proceeds``, ``sold``, ``unsold``.
    """
    unknown = set(kwargs) - {"spread", "cap", "rho", "tau", "decay", "reference_price", "whole_items", "stress",
                             "extra_blocks"}
    if unknown:
        raise TypeError(f"simulate_paths() got unexpected keyword arguments: {sorted(unknown)}")
    refs = check_array("references", references, ndim=2, lo=0.0)
    pool = _pool_from(curve, kwargs)
    out = {k: np.empty(refs.shape[0]) for k in ("shortfall", "total_proceeds", "sold", "unsold")}
    for p in range(refs.shape[0]):
        r = pool.simulate(schedule, kwargs.get("stress"), refs[p], kwargs.get("extra_blocks", 0))
        for k in out:
            out[k][p] = r[k]
    return out


__all__ = [
    "AlmgrenChriss",
    "Comparison",
    "Frontier",
    "LinearImpact",
    "LinearImpactQuote",
    "SimulationResult",
    "almgren_chriss",
    "carry_forward",
    "compare",
    "dump",
    "efficient_frontier",
    "resilience_aware",
    "resilience_decay",
    "simulate",
    "simulate_paths",
    "twap",
]
