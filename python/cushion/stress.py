"""Market stress: eight signals, one stress index ``s`` in [0, 1], and regimes.

The rebalancer and the cushion react to *stress*, not to price alone.  This module turns the
signals the seed asks for into one number and a regime:

* :class:`StressIndex` normalises each :class:`Signal` linearly between a calm and a severe
  level (:class:`SignalSpec`) and averages them with weights (defaults in
  :data:`DEFAULT_SPECS`).  Missing signals (NaN / None) are renormalised away; stale ones
  follow a :class:`StalePolicy` (default: counted as fully stressed); if the signals used carry
  less than ``min_coverage`` of the weight, the index fails safe to 1.  Every
  :class:`StressReading` says which signals were used, stale or missing.
* :class:`RegimeTracker` turns the index into CALM / MODERATE / SEVERE with hysteresis
  (separate enter and exit thresholds) and delayed release (``release_blocks`` consecutive
  quiet blocks per step down, one step at a time), and gives the *effective* stress
  ``max(s, floor(regime))`` that spreads and caps should use.

Vectorised: :func:`stress_path` (T x 8 signals -> arrays) and :func:`regime_path`.

Default signal specs (raw units; z = clamp((x - calm) / (severe - calm), 0, 1))::

    signal                 raw value                                  calm   severe  weight
    REALISED_VOLATILITY    annualised volatility of floor returns    0.60   2.00    0.20
    BID_DEPTH_1PCT         bid depth within 1% below floor / baseline 1.00   0.20    0.15
    BID_DEPTH_5PCT         bid depth within 5% below floor / baseline 1.00   0.30    0.10
    QUOTED_SPREAD          relative bid-ask spread of the market     0.01   0.10    0.10
    FUNDING_RATE           |perp funding or basis|, annualised       0.10   1.00    0.10
    OPEN_INTEREST_CHANGE   |relative change of open interest|        0.02   0.25    0.10
    LIQUIDATION_VELOCITY   liquidations per block / baseline         1.00   10.0    0.15
    ORACLE_CONFIDENCE      oracle sigma / mu                         0.01   0.10    0.10

Every signal's max_age is 300 blocks (one hour of 12 s blocks).
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np

from ._core import stress as _stress

Signal = _stress.Signal
StalePolicy = _stress.StalePolicy
Regime = _stress.Regime
SignalSpec = _stress.SignalSpec
StressIndex = _stress.StressIndex
StressReading = _stress.StressReading
RegimeTracker = _stress.RegimeTracker
to_stress_wad = _stress.to_stress_wad

DEFAULT_SPECS: dict[Any, Any] = dict(zip(Signal, StressIndex().specs))
"""The default :class:`SignalSpec` of every :class:`Signal` (see the module docstring)."""


def _frame(columns: dict[str, Any]) -> Any:
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - pandas is pinned in the test environment
        raise ImportError("to_dataframe() needs pandas (pip install pandas)") from e
    return pd.DataFrame(columns)


@dataclasses.dataclass(frozen=True)
class StressPath:
    """The stress index evaluated over T blocks (all arrays have length T).

    ``normalised`` is (T, 8); the masks are uint16 with bit ``i`` for :class:`Signal` ``i``.
    """

    index: np.ndarray
    coverage: np.ndarray
    used_mask: np.ndarray
    stale_mask: np.ndarray
    missing_mask: np.ndarray
    fail_safe: np.ndarray
    normalised: np.ndarray

    def to_dataframe(self) -> Any:
        """The path as a pandas DataFrame (one row per block, z per signal as columns)."""
        cols: dict[str, Any] = {
            "index": self.index,
            "coverage": self.coverage,
            "used_mask": self.used_mask,
            "stale_mask": self.stale_mask,
            "missing_mask": self.missing_mask,
            "fail_safe": self.fail_safe,
        }
        for sig in Signal:
            cols["z_" + sig.name.lower()] = self.normalised[:, int(sig)]
        return _frame(cols)


def stress_path(values: Any, ages: Any = None, index: StressIndex | None = None) -> StressPath:
    """Evaluates a :class:`StressIndex` (default: the documented defaults) over T blocks.

    values: array-like (T, 8), one column per :class:`Signal` (NaN = missing).
    ages: None (all fresh) or (T, 8) blocks since each value was observed (inf allowed).
    """
    if index is not None and not isinstance(index, StressIndex):
        raise TypeError(f"index must be a StressIndex or None, not {type(index).__name__}")
    idx = StressIndex() if index is None else index
    return StressPath(**idx.path(values, ages))


@dataclasses.dataclass(frozen=True)
class RegimePath:
    """A stress path run through a :class:`RegimeTracker` (arrays of length T).

    ``regime`` holds :class:`Regime` values (int8), ``effective`` the stress spreads and caps
    should use (``max(stress, floor(regime))``), ``quiet_blocks`` the release counter.
    """

    stress: np.ndarray
    regime: np.ndarray
    effective: np.ndarray
    quiet_blocks: np.ndarray

    @property
    def transitions(self) -> int:
        """How many times the regime changed along the path."""
        return int(np.count_nonzero(np.diff(self.regime)))

    def to_dataframe(self) -> Any:
        """The path as a pandas DataFrame."""
        return _frame(dataclasses.asdict(self))


def regime_path(stress: Any, tracker: RegimeTracker | None = None) -> RegimePath:
    """Runs a stress path (array of s in [0, 1]) through a regime tracker.

    tracker: None for a fresh default tracker (CALM); a given tracker is advanced in place, so
    a path can be continued block by block afterwards (pass ``tracker.copy()`` to keep it).
    """
    if tracker is not None and not isinstance(tracker, RegimeTracker):
        raise TypeError(f"tracker must be a RegimeTracker or None, not {type(tracker).__name__}")
    t = RegimeTracker() if tracker is None else tracker
    return RegimePath(**t.run(stress))


__all__ = [
    "DEFAULT_SPECS",
    "Regime",
    "RegimePath",
    "RegimeTracker",
    "Signal",
    "SignalSpec",
    "StalePolicy",
    "StressIndex",
    "StressPath",
    "StressReading",
    "regime_path",
    "stress_path",
    "to_stress_wad",
]
