"""The cushion machinery the risk layer drives — the one place it touches it.

The risk layer asks for five things, through this interface only, and gets the compiled
objects of ``cushion.stress``, ``cushion.spread``, ``cushion.absorb`` and
``cushion.schedule``:

* :func:`stress_index` — the stress index ``s`` in [0, 1] of every collection from its eight
  signals (:data:`SIGNALS`), evaluated by :class:`cushion.stress.StressIndex` with its
  documented default specs (one row per collection through ``StressIndex.path``);
* :class:`Regimes` — one :class:`cushion.stress.RegimeTracker` per series (calm / moderate /
  severe with hysteresis and delayed release) and the effective stress
  ``max(s, floor(regime))`` spreads and caps should see; configured by the frozen, picklable
  :class:`RegimeThresholds`;
* :func:`cushion_pool` — the AMM cushion of one collection, a
  :class:`cushion.absorb.Cushion` over an exponential curve: quotes widened by a
  :class:`cushion.spread.HalfSpread` (a ``StressedCurve``), per-block and rolling-window
  :class:`cushion.absorb.AbsorptionCap` limits booked in its ledger, recovery toward the
  oracle between blocks.  The pool has ``mid``, ``absorb(n, stress)`` (-> ``filled``,
  ``remainder``, ``proceeds``), ``preview(n, stress)`` and ``advance(blocks, reference=...)``;
  :func:`unit_bid` is its stress-widened bid for one floor unit (the ramp's partial-sale rule
  prices with it);
* :func:`plan_tranches` — the tranche schedule for unwinding a quantity into a pool: TWAP and
  the resilience-aware (Obizhaeva-Wang) schedule of :mod:`cushion.schedule` are simulated
  against the pool's current state (``Cushion.simulate``, in C++; the pool is not changed)
  and the one with the smaller implementation shortfall wins.

Signals, in the units of the stress index (calm -> severe, weight; ``cushion.stress``)::

    realised_volatility    annualised volatility of the floor           0.60 -> 2.00   0.20
    bid_depth_1pct         bids within 1 % / at rest                     1.00 -> 0.20   0.15
    bid_depth_5pct         bids within 5 % / at rest                     1.00 -> 0.30   0.10
    quoted_spread          best bid below the floor (relative)           0.01 -> 0.10   0.10
    funding_rate           |perp funding|, annualised                   0.10 -> 1.00   0.10
    open_interest_change   |relative change of open interest|           0.02 -> 0.25   0.10
    liquidation_velocity   forced sales per block / the baseline rate    1.0  -> 10.0   0.15
    oracle_confidence      oracle sigma / mu                             0.01 -> 0.10   0.10
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

import numpy as np

from .. import absorb as _absorb
from .. import schedule as _schedule
from .. import spread as _spread
from .. import stress as _stress
from ..curves import Exponential

__all__ = ["LIQUIDATION_BASELINE", "SIGNALS", "Regime", "RegimeThresholds", "Regimes", "cushion_pool",
           "plan_tranches", "stress_index", "unit_bid"]

SIGNALS = ("realised_volatility", "bid_depth_1pct", "bid_depth_5pct", "quoted_spread", "funding_rate",
           "open_interest_change", "liquidation_velocity", "oracle_confidence")
_SIGNAL_ORDER = tuple(_stress.Signal[name.upper()] for name in SIGNALS)
assert [int(s) for s in _SIGNAL_ORDER] == list(range(len(SIGNALS))), "SIGNALS must follow cushion.stress.Signal"

LIQUIDATION_BASELINE = 0.05
"""Forced sales per hour, as a share of a collection's resting depth, that count as one
"baseline" of liquidation velocity (10 baselines = fully stressed)."""

_INDEX = _stress.StressIndex()  # the documented default specs


def stress_index(signals: Mapping[str, np.ndarray]) -> np.ndarray:
    """The stress index of each collection: ``signals`` maps names of :data:`SIGNALS` to
    (K,) arrays (an absent or NaN signal is missing; ``cushion.stress.StressIndex`` rescales
    the weights of the rest, and fails safe to 1 below its minimum coverage)."""
    cols = [np.asarray(signals.get(name, np.nan), dtype=float) for name in SIGNALS]
    values = np.empty((max(c.size for c in cols), len(SIGNALS)))
    for i, col in enumerate(cols):
        values[:, i] = col  # broadcasts scalars (funding, open interest are market-wide)
    return np.asarray(_INDEX.path(values)["index"], dtype=float)


class Regime:
    """Regime levels (ints, so that arrays of them compare), as :class:`cushion.stress.Regime`."""

    CALM = int(_stress.Regime.CALM)
    MODERATE = int(_stress.Regime.MODERATE)
    SEVERE = int(_stress.Regime.SEVERE)
    NAMES = ("CALM", "MODERATE", "SEVERE")


@dataclass(frozen=True)
class RegimeThresholds:
    """Enter/exit thresholds (the hysteresis band), the stress floor of each regime, and
    how many consecutive quiet updates release a regime by one level (delayed release;
    ``cushion.stress.RegimeTracker``'s ``release_blocks``).

    The simulator updates once per engine step, so ``release_updates`` counts steps
    (36 steps of 5 minutes = 3 hours).
    """

    enter_moderate: float = 0.35
    exit_moderate: float = 0.25
    enter_severe: float = 0.65
    exit_severe: float = 0.50
    floor_moderate: float = 0.35
    floor_severe: float = 0.65
    release_updates: int = 36

    def __post_init__(self) -> None:
        self.tracker()  # validates (ValueError from cushion.stress.RegimeTracker)

    def tracker(self) -> Any:
        """A fresh ``cushion.stress.RegimeTracker`` (CALM) with these thresholds."""
        return _stress.RegimeTracker(enter_moderate=self.enter_moderate, exit_moderate=self.exit_moderate,
                                     enter_severe=self.enter_severe, exit_severe=self.exit_severe,
                                     floor_moderate=self.floor_moderate, floor_severe=self.floor_severe,
                                     release_blocks=self.release_updates)


class Regimes:
    """One ``cushion.stress.RegimeTracker`` per series (n of them), updated together."""

    def __init__(self, n: int, thresholds: RegimeThresholds | None = None) -> None:
        self.thresholds = thresholds or RegimeThresholds()
        self._trackers = [self.thresholds.tracker() for _ in range(n)]
        self.regime = np.zeros(n, dtype=np.int64)

    def update(self, s: np.ndarray) -> np.ndarray:
        """Feeds one update of stress (n,); returns the regimes after it."""
        self.regime = np.array([int(t.update(float(x))) for t, x in zip(self._trackers, np.asarray(s, dtype=float))],
                               dtype=np.int64)
        return self.regime.copy()

    def effective(self, s: np.ndarray) -> np.ndarray:
        """max(s, the floor of each series' current regime)."""
        return np.array([t.effective(float(x)) for t, x in zip(self._trackers, np.asarray(s, dtype=float))])


def cushion_pool(mid: float, depth_items: float, spread: tuple[float, float, float, float],
                 block_items: tuple[float, float], window_items: tuple[float, float], window_blocks: int,
                 decay: float) -> Any:
    """The cushion of one collection: an exponential curve whose price falls 5 % per
    ``depth_items`` items absorbed, centred on ``mid`` (its reference), quoted with the
    half-spread ``spread = (base, slope, exponent, cap)``, capped per block and per window
    (``(calm, severe)`` items), recovering by ``decay`` per block."""
    delta = (1.0 / 0.95) ** (1.0 / depth_items)
    curve = Exponential(2.0 * mid / (1.0 + delta), delta)
    base, slope, exponent, cap = spread
    half_spread = _spread.HalfSpread(base=base, slope=slope, exponent=exponent, cap=cap)
    caps = _absorb.AbsorptionCap(block_items=tuple(block_items), window_items=tuple(window_items),
                                 window_blocks=int(window_blocks))
    return _absorb.Cushion(curve, half_spread, caps, decay=decay, reference=mid, whole_items=False)


def unit_bid(pool: Any, stress: float) -> float:
    """The pool's stress-widened sell quote for one floor unit (caps not applied)."""
    q = pool.stressed(stress).sell(1.0)
    return float(q.value) if q.ok else 0.0


def plan_tranches(pool: Any, quantity: float, blocks: int, stress: float, reference: float) -> np.ndarray:
    """The schedule (``blocks`` tranches summing to ``quantity``) to unwind into ``pool``.

    TWAP and the resilience-aware schedule (for the pool's own recovery ``decay``) are run
    against the pool's current state at this stress and reference, each with enough extra
    blocks to finish; the one with the smaller implementation shortfall is returned.
    """
    candidates = (_schedule.twap(quantity, blocks), _schedule.resilience_aware(quantity, blocks, decay=pool.decay))
    best, best_cost = candidates[0], np.inf
    for plan in candidates:
        trace = pool.simulate(plan, stress=[stress], reference=[reference], extra_blocks=4 * blocks)
        cost = trace["shortfall"] / max(trace["sold"], 1e-12) + (np.inf if trace["unsold"] > 1e-9 else 0.0)
        if cost < best_cost:
            best, best_cost = plan, cost
    return np.asarray(best, dtype=float)
