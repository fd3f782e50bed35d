"""Slippage curves and depth: what liquidating k items into a cushion costs.

* :func:`sell_curve` / :func:`buy_curve` — the whole slippage curve in one C++ call: for
  k = 1..K items (or a basket's items in trade order) the value of trading them at once,
  the average execution price, the price of the k-th item and the price impact;
* :func:`depth` — how many items a curve absorbs before the price of the next item is
  more than ``drop`` (a fraction) worse than the first item's.

Both take any f64 curve (``cushion.Linear``, ``Exponential``, ``XYK``, ``GDA``,
``WeightedXYK``).  ``weights`` turns the items into a trait basket: item k weighs
``weights[k-1]`` floor items, the cumulative quantity is ``cumsum(weights)``, and a
collection-index curve prices that floor-equivalent quantity through its closed forms
(fractional weights included; see :mod:`cushion.basket`).  Prices are per floor item and
include fees (what the trader actually receives or pays).

Price impact is measured against the first item's price:
``1 - average_price / average_price[0]`` for a sell (0.05 = the basket sold 5% under the
first item's price), ``average_price / average_price[0] - 1`` for a buy.

Example::

    >>> import cushion
    >>> s = cushion.slippage.sell_curve(cushion.Linear(1.0, 0.05), 5)
    >>> s.price_impact.round(3)
    array([0.   , 0.025, 0.05 , 0.075, 0.1  ])
    >>> cushion.slippage.depth(cushion.Linear(1.0, 0.05), 0.2)
    5
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, Literal, overload

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import _core

if TYPE_CHECKING:  # pragma: no cover
    import pandas

Side = Literal["buy", "sell"]


@dataclasses.dataclass(frozen=True, eq=False)
class SlippageCurve:
    """A slippage curve: one entry per k = 1..K (arrays of length K).

    ``quantity`` is the cumulative floor-equivalent quantity (k, or the running sum of the
    basket's weights); ``value`` what trading it at once pays or costs, fees included;
    ``average_price`` = value / quantity; ``marginal_price`` the k-th item's price per floor
    item; ``price_impact`` relative to the first item (0 at k = 1); ``items`` what the
    value pays for (less than ``quantity`` where a linear curve's sell stops at price zero:
    the rest is not bought); ``error`` the quote's :class:`cushion.CurveError` code (where it
    is not 0 the prices are NaN).
    """

    side: str
    quantity: NDArray[np.float64]
    value: NDArray[np.float64]
    average_price: NDArray[np.float64]
    marginal_price: NDArray[np.float64]
    price_impact: NDArray[np.float64]
    items: NDArray[np.float64]
    error: NDArray[np.uint8]

    @property
    def k(self) -> NDArray[np.int64]:
        """1..K: the number of items traded at each point."""
        return np.arange(1, len(self.quantity) + 1)

    def __len__(self) -> int:
        return len(self.quantity)

    def to_frame(self) -> pandas.DataFrame:
        """The curve as a pandas DataFrame indexed by k."""
        import pandas as pd

        return pd.DataFrame(
            {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name != "side"},
            index=pd.Index(self.k, name="k"),
        )


def _quantities(k_max: int | None, weights: ArrayLike | None) -> NDArray[np.float64]:
    if k_max is not None and (isinstance(k_max, (bool, np.bool_)) or not isinstance(k_max, (int, np.integer))):
        raise TypeError(f"k_max must be an int, not {type(k_max).__name__}")
    if weights is None:
        if k_max is None:
            raise TypeError("give k_max (the number of items) or weights (the basket's items)")
        if k_max < 1:
            raise ValueError(f"k_max must be >= 1, got {k_max}")
        return np.arange(1, int(k_max) + 1, dtype=np.float64)
    w = np.asarray(weights)
    if w.dtype.kind not in "iuf":
        raise TypeError(f"weights must be an array of real numbers, not dtype {w.dtype}")
    w = w.astype(np.float64)
    if w.ndim != 1:
        raise ValueError("weights must be 1-D: one weight per item, in trade order")
    if not np.all(np.isfinite(w) & (w > 0)):
        raise ValueError("weights must be finite and > 0")
    if k_max is not None:
        if k_max < 1 or k_max > len(w):
            raise ValueError(f"k_max must be in [1, {len(w)}] (the number of weights), got {k_max}")
        w = w[:k_max]
    return np.cumsum(w)


def _slippage(curve: Any, k_max: int | None, weights: ArrayLike | None, side: Side) -> SlippageCurve:
    r = _core.batch.slippage_curve(curve, _quantities(k_max, weights), side)
    return SlippageCurve(side, r["quantity"], r["value"], r["average_price"], r["marginal_price"],
                         r["price_impact"], r["items"], r["error"])


def sell_curve(curve: Any, k_max: int | None = None, *, weights: ArrayLike | None = None) -> SlippageCurve:
    """The slippage curve of selling k = 1..k_max items into ``curve`` (f64), each k at once.

    With ``weights``, item k weighs ``weights[k-1]`` floor items (a basket sold in that
    order); ``k_max`` then defaults to all of them.
    """
    return _slippage(curve, k_max, weights, "sell")


def buy_curve(curve: Any, k_max: int | None = None, *, weights: ArrayLike | None = None) -> SlippageCurve:
    """The slippage curve of buying k = 1..k_max items from ``curve`` (f64); see :func:`sell_curve`."""
    return _slippage(curve, k_max, weights, "buy")


@overload
def depth(curve: Any, drop: float, *, side: Side = ..., max_items: int = ...,
          weights: ArrayLike | None = ...) -> int: ...
@overload
def depth(curve: Any, drop: ArrayLike, *, side: Side = ..., max_items: int = ...,
          weights: ArrayLike | None = ...) -> int | NDArray[np.int64]: ...
def depth(curve: Any, drop: ArrayLike, *, side: Side = "sell", max_items: int = 1_000_000,
          weights: ArrayLike | None = None) -> int | NDArray[np.int64]:
    """How many items ``curve`` (f64) absorbs before the next item's price is more than
    ``drop`` worse than the first item's.

    The largest k <= max_items whose k-th item still trades at no less than
    ``(1 - drop)`` (sell; ``drop=0.1`` is "before the price falls 10%") or no more than
    ``(1 + drop)`` (buy) times the first item's price, per floor item, fees included.
    0 when the first item cannot be traded; ``max_items`` when the curve never gets that
    far.  A curve stops absorbing where a quote fails or takes fewer items than offered
    (a linear sell at price zero).  ``drop`` may be an array (a depth profile); with ``weights`` the items are a
    basket traded in that order (``max_items`` is capped at their number).  A binary
    search: O(log max_items) quotes per drop.
    """
    if isinstance(max_items, (bool, np.bool_)) or not isinstance(max_items, (int, np.integer)):
        raise TypeError(f"max_items must be an int, not {type(max_items).__name__}")
    if max_items < 0:
        raise ValueError(f"max_items must be >= 0, got {max_items}")
    if max_items > np.iinfo(np.int64).max:
        raise OverflowError(f"max_items must be < 2**63, got {max_items}")
    quantities = None if weights is None else _quantities(None, weights)
    result = _core.batch.depth(curve, drop, side, int(max_items), quantities)
    return int(result) if np.ndim(drop) == 0 else result


__all__ = ["SlippageCurve", "buy_curve", "depth", "sell_curve"]
