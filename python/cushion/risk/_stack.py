"""The cushion machinery the risk layer drives — the one place it touches it.

The risk layer asks for five things, through this interface only:

* :func:`stress_index` — the stress index ``s`` in [0, 1] of every collection from its eight
  signals (:data:`SIGNALS`, in the units below);
* :class:`Regimes` — calm / moderate / severe per series, with hysteresis and delayed
  release, and the effective stress ``max(s, floor(regime))`` spreads and caps should see;
  configured by the frozen :class:`RegimeThresholds`;
* :func:`cushion_pool` — the AMM cushion of one collection: an exponential curve quoted with
  the stress-widened half-spread, per-block and rolling-window absorption caps with their
  ledger, and recovery toward the oracle between blocks.  The pool has ``mid``,
  ``absorb(n, stress)`` (-> ``filled``, ``remainder``, ``proceeds``), ``preview(n, stress)``
  and ``advance(blocks, reference=...)``; :func:`unit_bid` is its stress-widened bid for one
  floor unit (what the ramp's partial-sale rule prices with);
* :func:`plan_tranches` — the tranche schedule for unwinding a quantity into a pool: the
  candidate schedules are simulated against a copy of the pool and the one with the smallest
  implementation shortfall wins.

Signals, in the units of the stress index (calm -> severe, weight)::

    realised_volatility    annualised volatility of the floor           0.60 -> 2.00   0.20
    bid_depth_1pct         bids within 1 % / at rest                     1.00 -> 0.20   0.15
    bid_depth_5pct         bids within 5 % / at rest                     1.00 -> 0.30   0.10
    quoted_spread          best bid below the floor (relative)           0.01 -> 0.10   0.10
    funding_rate           |perp funding|, annualised                   0.10 -> 1.00   0.10
    open_interest_change   |relative change of open interest|           0.02 -> 0.25   0.10
    liquidation_velocity   forced sales per block / the baseline rate    1.0  -> 10.0   0.15
    oracle_confidence      oracle sigma / mu                             0.01 -> 0.10   0.10

PHASE-1 STAND-IN: the implementations below are Python transcriptions of the semantics of
``cpp/include/cushion/{spread,absorb,schedule}`` being written on branch issue-4; when it
merges they are replaced by the compiled objects behind the same interface.
"""

from __future__ import annotations

import copy
from collections import deque
from dataclasses import dataclass
from typing import Mapping

import numpy as np

from ..curves import Exponential

__all__ = ["LIQUIDATION_BASELINE", "SIGNALS", "Regime", "RegimeThresholds", "Regimes", "cushion_pool",
           "plan_tranches", "stress_index", "unit_bid"]

SIGNALS = ("realised_volatility", "bid_depth_1pct", "bid_depth_5pct", "quoted_spread", "funding_rate",
           "open_interest_change", "liquidation_velocity", "oracle_confidence")

LIQUIDATION_BASELINE = 0.05
"""Forced sales per hour, as a share of a collection's resting depth, that count as one
"baseline" of liquidation velocity (10 baselines = fully stressed)."""

# (calm, severe, weight, magnitude) per signal, in SIGNALS order.
_SPECS = ((0.60, 2.00, 0.20, False), (1.0, 0.20, 0.15, False), (1.0, 0.30, 0.10, False), (0.01, 0.10, 0.10, False),
          (0.10, 1.00, 0.10, True), (0.02, 0.25, 0.10, True), (1.0, 10.0, 0.15, False), (0.01, 0.10, 0.10, False))


def stress_index(signals: Mapping[str, np.ndarray]) -> np.ndarray:
    """The stress index of each element of the (broadcast) signal arrays.

    Each signal is normalised to ``clip((x - calm) / (severe - calm), 0, 1)`` (``|x|`` for
    the signed ones) and the available ones averaged with their weights; a missing signal
    (NaN, or absent) drops out and the weights are rescaled.  Below half of the total
    weight available, the index fails safe to 1.
    """
    num = 0.0
    den = 0.0
    for name, (calm, severe, weight, magnitude) in zip(SIGNALS, _SPECS):
        if name not in signals:
            continue
        x = np.asarray(signals[name], dtype=float)
        z = np.clip(((np.abs(x) if magnitude else x) - calm) / (severe - calm), 0.0, 1.0)
        have = np.isfinite(z)
        num = num + np.where(have, weight * z, 0.0)
        den = den + np.where(have, weight, 0.0)
    den = np.asarray(den, dtype=float)
    total = sum(s[2] for s in _SPECS)
    out = np.divide(num, den, out=np.ones_like(den), where=den > 0)
    return np.where(den >= 0.5 * total, out, 1.0)


class Regime:
    """Regime levels (ints, so that arrays of them compare)."""

    CALM = 0
    MODERATE = 1
    SEVERE = 2
    NAMES = ("CALM", "MODERATE", "SEVERE")


@dataclass(frozen=True)
class RegimeThresholds:
    """Enter/exit thresholds (the hysteresis band), the stress floor of each regime, and
    how many consecutive quiet updates release a regime by one level (delayed release).

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
        if not (self.exit_moderate < self.enter_moderate <= self.enter_severe and self.exit_severe < self.enter_severe
                and self.exit_moderate <= self.exit_severe):
            raise ValueError("need exit_moderate < enter_moderate <= enter_severe, exit_severe < enter_severe")
        if self.release_updates < 1:
            raise ValueError("release_updates must be >= 1")


class Regimes:
    """One regime tracker per series (n of them), updated together.

    Escalation is immediate; de-escalation needs ``release_updates`` consecutive updates
    below the current regime's exit threshold and goes one level at a time.
    """

    def __init__(self, n: int, thresholds: RegimeThresholds | None = None) -> None:
        self.thresholds = thresholds or RegimeThresholds()
        self.regime = np.zeros(n, dtype=np.int64)
        self._quiet = np.zeros(n, dtype=np.int64)

    def update(self, s: np.ndarray) -> np.ndarray:
        """Feeds one update of stress (n,); returns the regimes after it."""
        t = self.thresholds
        s = np.asarray(s, dtype=float)
        target = np.where(s >= t.enter_severe, 2, np.where(s >= t.enter_moderate, 1, 0))
        up = target > self.regime
        exit_level = np.where(self.regime == 2, t.exit_severe, t.exit_moderate)
        below = (~up) & (self.regime > 0) & (s < exit_level)
        self._quiet = np.where(below, self._quiet + 1, 0)
        step_down = below & (self._quiet >= t.release_updates)
        self.regime = np.where(up, target, np.where(step_down, self.regime - 1, self.regime))
        self._quiet = np.where(step_down, 0, self._quiet)
        return self.regime.copy()

    def effective(self, s: np.ndarray) -> np.ndarray:
        """max(s, the floor of the current regime)."""
        t = self.thresholds
        floor = np.choose(self.regime, [0.0, t.floor_moderate, t.floor_severe])
        return np.maximum(np.asarray(s, dtype=float), floor)


@dataclass
class _Fill:
    filled: float
    remainder: float
    proceeds: float


class _Pool:
    """Stand-in of the cushion pool over an exponential curve (see the module docstring)."""

    def __init__(self, curve: Exponential, spread: tuple[float, float, float, float],
                 cap: tuple[tuple[float, float], tuple[float, float], int], decay: float, reference: float) -> None:
        self.curve, self.spread, self.cap, self.decay, self.reference = curve, spread, cap, decay, reference
        self.block = 0
        self._usage: deque[tuple[int, float]] = deque()

    @property
    def mid(self) -> float:
        """The curve's mid (exponential: spot (1 + delta) / 2)."""
        return 0.5 * self.curve.spot_price * (1.0 + self.curve.delta)

    def _half_spread(self, s: float) -> float:
        base, slope, exponent, cap = self.spread
        return min(cap, base + slope * s**exponent)

    def _headroom(self, s: float) -> float:
        (bc, bs), (wc, ws), window = self.cap
        while self._usage and self._usage[0][0] <= self.block - window:
            self._usage.popleft()
        in_block = sum(i for b, i in self._usage if b == self.block)
        in_window = sum(i for _, i in self._usage)
        return max(0.0, min(bc - (bc - bs) * s - in_block, wc - (wc - ws) * s - in_window))

    def absorb(self, n: float, stress: float) -> _Fill:
        """Sells up to n items under the caps at this block."""
        m = min(n, self._headroom(stress))
        if m <= 0:
            return _Fill(0.0, n, 0.0)
        q = self.curve.sell(m)
        if not q.ok:
            return _Fill(0.0, n, 0.0)
        self.curve = q.next
        self._usage.append((self.block, m))
        return _Fill(m, n - m, q.value * (1.0 - self._half_spread(stress)))

    def preview(self, n: float, stress: float) -> _Fill:
        """What absorb would do, changing nothing."""
        return copy.deepcopy(self).absorb(n, stress)

    def advance(self, blocks: int = 1, reference: float | None = None) -> None:
        """Blocks pass; the mid relaxes toward the (new) reference."""
        ref = self.reference if reference is None else reference
        target = ref + self.decay**blocks * (self.mid - self.reference)
        c = self.curve
        self.curve = Exponential(max(2.0 * target / (1.0 + c.delta), 1e-9), c.delta, c.fee, c.protocol_fee)
        self.reference = ref
        self.block += blocks


def cushion_pool(mid: float, depth_items: float, spread: tuple[float, float, float, float],
                 block_items: tuple[float, float], window_items: tuple[float, float], window_blocks: int,
                 decay: float) -> _Pool:
    """The cushion of one collection: an exponential curve whose price falls 5 % per
    ``depth_items`` items absorbed, centred on ``mid`` (its reference), quoted with the
    half-spread ``spread = (base, slope, exponent, cap)``, capped per block and per window
    (``(calm, severe)`` items), recovering by ``decay`` per block."""
    delta = (1.0 / 0.95) ** (1.0 / depth_items)
    curve = Exponential(2.0 * mid / (1.0 + delta), delta)
    return _Pool(curve, spread, (block_items, window_items, window_blocks), decay, mid)


def unit_bid(pool: _Pool, stress: float) -> float:
    """The pool's widened sell quote for one floor unit at ``stress`` (caps not applied)."""
    q = pool.curve.sell(1.0)
    return q.value * (1.0 - pool._half_spread(stress)) if q.ok else 0.0


def plan_tranches(pool: _Pool, quantity: float, blocks: int, stress: float, reference: float) -> np.ndarray:
    """The schedule (``blocks`` tranches summing to ``quantity``) to unwind into ``pool``:
    TWAP here; with the compiled machinery, the best of several by simulated shortfall."""
    return np.full(blocks, quantity / blocks)
