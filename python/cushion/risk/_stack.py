"""The cushion machinery the risk layer drives: stress index, regimes, stress-widened
spreads, absorption caps and their ledger, the cushion pool, tranche schedules.

This is the one place the risk layer touches that machinery, so that swapping its
implementation is a change here only.  PHASE-1 STAND-IN: these are Python transcriptions
of the semantics of ``cpp/include/cushion/{spread,absorb,schedule}`` as being written on
branch issue-4; once that merges they are replaced by the compiled ``cushion._core``
objects behind the same names.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field
from typing import Mapping

import numpy as np

from ..curves import Exponential

__all__ = [
    "AbsorbResult",
    "AbsorptionCap",
    "CapRange",
    "CushionPool",
    "HalfSpread",
    "Regime",
    "RegimeThresholds",
    "RegimeTracker",
    "StressIndex",
    "carry_forward",
    "twap",
]

# --- stress index ------------------------------------------------------------------------------

SIGNALS = ("realized_vol", "depth_1pct", "depth_5pct", "spread", "funding", "open_interest",
           "liquidation_velocity", "oracle_confidence")


@dataclass(frozen=True)
class StressIndex:
    """Combines normalised stress signals into s in [0, 1].

    Each signal x is mapped to ``clip((x - calm) / (severe - calm), 0, 1)`` (depth ratios
    with calm 1 and severe < 1, so falling depth raises stress), then averaged with
    ``weights``.  A missing signal (NaN) is left out and the remaining weights rescaled;
    with none present the index is 1 (fail safe: no data is treated as stress).
    """

    weights: Mapping[str, float] = field(default_factory=lambda: {
        "realized_vol": 0.10, "depth_1pct": 0.10, "depth_5pct": 0.20, "spread": 0.10, "funding": 0.15,
        "open_interest": 0.05, "liquidation_velocity": 0.20, "oracle_confidence": 0.10})
    calm: Mapping[str, float] = field(default_factory=lambda: {
        "realized_vol": 0.6, "depth_1pct": 1.0, "depth_5pct": 1.0, "spread": 0.02, "funding": 0.0001,
        "open_interest": 0.0, "liquidation_velocity": 0.0, "oracle_confidence": 0.005})
    severe: Mapping[str, float] = field(default_factory=lambda: {
        "realized_vol": 2.0, "depth_1pct": 0.1, "depth_5pct": 0.25, "spread": 0.07, "funding": 0.003,
        "open_interest": -0.4, "liquidation_velocity": 0.5, "oracle_confidence": 0.04})

    def normalised(self, name: str, x: np.ndarray) -> np.ndarray:
        """One signal mapped to [0, 1] (NaN stays NaN)."""
        lo, hi = self.calm[name], self.severe[name]
        return np.clip((np.asarray(x, dtype=float) - lo) / (hi - lo), 0.0, 1.0)

    def __call__(self, signals: Mapping[str, np.ndarray]) -> np.ndarray:
        """s for each element of the (broadcast) signal arrays."""
        num = 0.0
        den = 0.0
        for name, w in self.weights.items():
            if name not in signals:
                continue
            z = self.normalised(name, signals[name])
            have = np.isfinite(z)
            num = num + np.where(have, w * z, 0.0)
            den = den + np.where(have, w, 0.0)
        den = np.asarray(den, dtype=float)
        return np.where(den > 0, np.divide(num, den, out=np.ones_like(den), where=den > 0), 1.0)


# --- regimes -----------------------------------------------------------------------------------

class Regime:
    """Regime levels (ints so that arrays of them compare)."""

    CALM = 0
    MODERATE = 1
    SEVERE = 2
    NAMES = ("CALM", "MODERATE", "SEVERE")


@dataclass(frozen=True)
class RegimeThresholds:
    """Enter/exit thresholds (hysteresis), stress floors per regime, and the number of
    consecutive quiet updates before a regime steps down one level (delayed release)."""

    enter_moderate: float = 0.35
    exit_moderate: float = 0.25
    enter_severe: float = 0.65
    exit_severe: float = 0.50
    floor_moderate: float = 0.35
    floor_severe: float = 0.65
    release_updates: int = 25

    def __post_init__(self) -> None:
        if not (self.exit_moderate < self.enter_moderate <= self.enter_severe and self.exit_severe < self.enter_severe
                and self.exit_moderate <= self.exit_severe):
            raise ValueError("need exit_moderate < enter_moderate <= enter_severe, exit_severe < enter_severe")
        if self.release_updates < 1:
            raise ValueError("release_updates must be >= 1")


class RegimeTracker:
    """Calm / moderate / severe with hysteresis and delayed release, for K series at once.

    Escalation is immediate; de-escalation needs ``release_updates`` consecutive updates
    below the current regime's exit threshold and goes one level at a time.
    """

    def __init__(self, n: int, thresholds: RegimeThresholds | None = None) -> None:
        self.thresholds = thresholds or RegimeThresholds()
        self.regime = np.zeros(n, dtype=np.int64)
        self.quiet = np.zeros(n, dtype=np.int64)

    def update(self, s: np.ndarray) -> np.ndarray:
        """Feeds one update of stress (n,); returns the regimes after it."""
        t = self.thresholds
        s = np.asarray(s, dtype=float)
        target = np.where(s >= t.enter_severe, 2, np.where(s >= t.enter_moderate, 1, 0))
        up = target > self.regime
        exit_level = np.where(self.regime == 2, t.exit_severe, t.exit_moderate)
        below = (~up) & (self.regime > 0) & (s < exit_level)
        self.quiet = np.where(below, self.quiet + 1, 0)
        step_down = below & (self.quiet >= t.release_updates)
        self.regime = np.where(up, target, np.where(step_down, self.regime - 1, self.regime))
        self.quiet = np.where(step_down, 0, self.quiet)
        return self.regime.copy()

    def effective(self, s: np.ndarray) -> np.ndarray:
        """max(s, the floor of the current regime): the stress spreads and caps should see."""
        t = self.thresholds
        floor = np.choose(self.regime, [0.0, t.floor_moderate, t.floor_severe])
        return np.maximum(np.asarray(s, dtype=float), floor)


# --- spreads and caps --------------------------------------------------------------------------

@dataclass(frozen=True)
class HalfSpread:
    """h(s) = min(cap, base + slope * s^exponent); bid = mid (1 - h), ask = mid (1 + h)."""

    base: float = 0.003
    slope: float = 0.047
    exponent: float = 1.0
    cap: float = 0.05

    def at(self, s: float) -> float:
        """The half-spread at stress s."""
        return min(self.cap, self.base + self.slope * s**self.exponent)


@dataclass(frozen=True)
class CapRange:
    """One absorption limit: its value when calm and when fully stressed (inf: none)."""

    calm: float = math.inf
    severe: float = math.inf

    def at_power(self, sp: float) -> float:
        """cap(s) = calm - (calm - severe) s^q for a precomputed sp = s^q."""
        if math.isinf(self.calm):
            return self.calm
        return max(self.severe, self.calm - (self.calm - self.severe) * sp)


@dataclass(frozen=True)
class AbsorptionCap:
    """Per-block and rolling-window limits on items and notional, shrinking with stress."""

    block_items: CapRange = CapRange()
    block_notional: CapRange = CapRange()
    window_items: CapRange = CapRange()
    window_notional: CapRange = CapRange()
    window_blocks: int = 300
    exponent: float = 1.0

    def at(self, s: float) -> tuple[float, float, float, float]:
        """(block_items, block_notional, window_items, window_notional) at stress s."""
        sp = s**self.exponent
        return (self.block_items.at_power(sp), self.block_notional.at_power(sp), self.window_items.at_power(sp),
                self.window_notional.at_power(sp))


@dataclass
class AbsorbResult:
    """One order sold into the cushion: ordered = filled + remainder."""

    ordered: float
    filled: float
    remainder: float
    proceeds: float
    spread: float
    half_spread: float


class CushionPool:
    """The cushion: a curve, its stress-widened spread, its caps and ledger, and its
    recovery toward a reference price between blocks (``mid -> ref + a (mid - ref)``)."""

    def __init__(self, curve: Exponential, spread: HalfSpread, cap: AbsorptionCap, decay: float,
                 reference: float | None = None, block: int = 0, whole_items: bool = True) -> None:
        if not 0.0 <= decay <= 1.0:
            raise ValueError("decay must be in [0, 1]")
        self.curve = curve
        self.spread = spread
        self.cap = cap
        self.decay = decay
        self.block = block
        self.whole_items = whole_items
        self.reference = self.mid() if reference is None else reference
        self._usage: deque[tuple[int, float, float]] = deque()  # (block, items, notional)

    def mid(self) -> float:
        """The curve's mid price (exponential: spot (1 + delta) / 2)."""
        return 0.5 * self.curve.spot_price * (1.0 + self.curve.delta)

    def _with_mid(self, p: float) -> Exponential:
        c = self.curve
        return Exponential(max(2.0 * p / (1.0 + c.delta), 1e-9), c.delta, c.fee, c.protocol_fee)

    def headroom(self, stress: float) -> tuple[float, float]:
        """(items, notional) the cushion may still absorb in the current block."""
        while self._usage and self._usage[0][0] <= self.block - self.cap.window_blocks:
            self._usage.popleft()
        bi, bn, wi, wn = self.cap.at(stress)
        in_block = [(i, n) for b, i, n in self._usage if b == self.block]
        ub_i = sum(i for i, _ in in_block)
        ub_n = sum(n for _, n in in_block)
        uw_i = sum(i for _, i, _ in self._usage)
        uw_n = sum(n for _, _, n in self._usage)
        return max(0.0, min(bi - ub_i, wi - uw_i)), max(0.0, min(bn - ub_n, wn - uw_n))

    def absorb(self, n: float, stress: float) -> AbsorbResult:
        """Sells up to n items into the cushion at this block under the caps."""
        items_room, notional_room = self.headroom(stress)
        h = self.spread.at(stress)
        m = min(n, items_room)
        if self.whole_items:
            m = math.floor(m)
        while m > 0:
            q = self.curve.sell(m)
            if q.ok and q.value * (1.0 - h) <= notional_room:
                break
            m = m - 1 if self.whole_items else m * 0.5
        if m <= 0:
            return AbsorbResult(n, 0.0, n, 0.0, 0.0, h)
        q = self.curve.sell(m)
        proceeds = q.value * (1.0 - h)
        self.curve = q.next
        self._usage.append((self.block, float(m), proceeds))
        return AbsorbResult(n, float(m), n - m, proceeds, q.value - proceeds, h)

    def advance(self, blocks: int = 1, new_reference: float | None = None) -> None:
        """``blocks`` blocks pass; the mid relaxes toward the (new) reference."""
        ref = self.reference if new_reference is None else new_reference
        a = self.decay**blocks
        target = ref + a * (self.mid() - self.reference)
        self.curve = self._with_mid(target)
        self.reference = ref
        self.block += blocks


# --- schedules ---------------------------------------------------------------------------------

def twap(quantity: float, blocks: int) -> np.ndarray:
    """quantity / blocks per block."""
    if blocks < 1:
        raise ValueError("blocks must be >= 1")
    return np.full(blocks, quantity / blocks)


def carry_forward(schedule: np.ndarray, caps: np.ndarray) -> tuple[np.ndarray, float]:
    """A schedule cut to per-block caps, what a cap refuses carried to the next block;
    returns the capped schedule and the leftover."""
    out = np.empty(len(schedule))
    carry = 0.0
    for k, x in enumerate(schedule):
        target = x + carry
        out[k] = min(target, caps[min(k, len(caps) - 1)])
        carry = target - out[k]
    return out, carry
