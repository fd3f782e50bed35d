"""Type stubs for cushion.slippage (see slippage.py for the documentation)."""

from typing import Any, Literal, overload

import numpy as np
import pandas
from numpy.typing import ArrayLike, NDArray

Side = Literal["buy", "sell"]

class SlippageCurve:
    """A slippage curve: one entry per k = 1..K (arrays of length K)."""

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
    def __len__(self) -> int: ...
    def to_frame(self) -> pandas.DataFrame:
        """The curve as a pandas DataFrame indexed by k."""

def sell_curve(curve: Any, k_max: int | None = None, *, weights: ArrayLike | None = None) -> SlippageCurve:
    """The slippage curve of selling k = 1..k_max items (or a basket of ``weights``) into an f64 curve."""

def buy_curve(curve: Any, k_max: int | None = None, *, weights: ArrayLike | None = None) -> SlippageCurve:
    """The slippage curve of buying k = 1..k_max items (or a basket of ``weights``) from an f64 curve."""

@overload
def depth(curve: Any, drop: float, *, side: Side = ..., max_items: int = ...,
          weights: ArrayLike | None = ...) -> int: ...
@overload
def depth(curve: Any, drop: ArrayLike, *, side: Side = ..., max_items: int = ...,
          weights: ArrayLike | None = ...) -> int | NDArray[np.int64]: ...

__all__ = ["SlippageCurve", "buy_curve", "depth", "sell_curve"]
