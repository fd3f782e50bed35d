"""Type stubs for cushion.basket (see basket.py for the documentation)."""

from collections.abc import Iterable, Sequence
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

Rule = Literal["additive", "multiplicative"]
Side = Literal["buy", "sell"]
TraitRef = int | str
_Traits = Iterable[TraitRef] | TraitRef

RULES: tuple[str, ...]

def to_wad(weight: float) -> int:
    """A float weight as an 18-decimal int, from its exact binary value, rounded to nearest (ties to even)."""

class BasketQuote:
    """A basket picked from a TraitModel and its quote on a curve."""

    items: NDArray[np.int64]
    weight_sum: float | int
    quote: Any
    def __init__(self, items: NDArray[np.int64], weight_sum: float | int, quote: Any) -> None: ...
    @property
    def value(self) -> float | int:
        """What the basket costs (buy) or pays (sell), fees included."""
    @property
    def ok(self) -> bool:
        """True when the quote succeeded."""

class TraitModel:
    """Item weights from trait exposures and premia."""

    def __init__(self, exposure: ArrayLike, premia: ArrayLike, *, rule: Rule = "additive",
                 trait_names: Sequence[str] | None = None) -> None: ...
    @property
    def rule(self) -> str:
        """``"additive"`` or ``"multiplicative"``."""
    @property
    def exposure(self) -> NDArray[np.float64]:
        """The items x traits exposure matrix (a copy)."""
    @property
    def premia(self) -> NDArray[np.float64]:
        """The trait premia (a copy)."""
    @property
    def weights(self) -> NDArray[np.float64]:
        """Each item's weight: its multiple of the floor price (a copy)."""
    @property
    def trait_names(self) -> tuple[str, ...] | None:
        """The trait names, if given."""
    @property
    def n_items(self) -> int:
        """Number of items."""
    @property
    def n_traits(self) -> int:
        """Number of traits."""
    def with_premia(self, premia: ArrayLike) -> TraitModel:
        """The same items and rule under other premia."""
    def weights_wad(self) -> list[int]:
        """The weights as 18-decimal ints."""
    def weight_sum(self, items: Iterable[int]) -> float:
        """The summed weight of ``items``."""
    def weight_sum_wad(self, items: Iterable[int]) -> int:
        """The summed 18-decimal weight of ``items``."""
    def matching(self, *, all_of: _Traits = (), any_of: _Traits = (), none_of: _Traits = (),
                 among: Iterable[int] | None = None) -> NDArray[np.int64]:
        """The items matching a trait filter."""
    def cheapest(self, k: int, *, all_of: _Traits = (), any_of: _Traits = (), none_of: _Traits = (),
                 among: Iterable[int] | None = None) -> NDArray[np.int64]:
        """The k lightest items matching a trait filter, lightest first."""
    def quote(self, curve: Any, items: Iterable[int], side: Side = "buy") -> BasketQuote:
        """Quote trading ``items`` on ``curve`` by their summed weight."""
    def buy_cheapest(self, curve: Any, k: int, *, all_of: _Traits = (), any_of: _Traits = (),
                     none_of: _Traits = (), among: Iterable[int] | None = None) -> BasketQuote:
        """Quote buying the k cheapest items matching the filter from ``curve``."""

def buy(curve: Any, weight_sum: float | int) -> Any:
    """Quote buying a basket of summed weight ``weight_sum`` from any curve."""

def sell(curve: Any, weight_sum: float | int) -> Any:
    """Quote selling a basket of summed weight ``weight_sum`` into any curve."""

__all__ = ["RULES", "BasketQuote", "Rule", "TraitModel", "buy", "sell", "to_wad"]
