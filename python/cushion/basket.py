"""Trait baskets: item weights from trait premia, and basket quotes on any curve.

NFTs in a collection are not fungible: a rare-trait item trades at a multiple of the
floor, its *weight*.  :class:`TraitModel` derives the weights from an items x traits
exposure matrix E and a trait-premium vector p, with a swappable rule:

* ``"additive"`` (default): ``w = 1 + E @ p`` — a 30% and a 20% trait make 1.5 floors;
  linear in p, so premia can be fitted by least squares on (sale price / floor - 1);
* ``"multiplicative"``: ``w = prod((1 + p) ** E)`` — premia compound (1.3 * 1.2 = 1.56).

An item without traits weighs 1 (the floor).  Item i *has* trait t when ``E[i, t] > 0``;
filters select items by traits (all of / any of / none of, by index or by name), and
:meth:`TraitModel.cheapest` picks the k lightest matching items — the cheapest to buy from
a pool that prices by weight.

A basket is quoted by its summed weight:

* on a :class:`cushion.WeightedXYK` (Caviar private pools) natively;
* on a collection-index curve (linear, exponential, xyk, gda) as the floor-equivalent
  quantity ``n = sum(weights)``.  In f64 the closed forms extend to fractional counts
  (a basket weighing 2.7 floors is quoted at n = 2.7).  In exact mode n must be whole, so
  the 18-decimal weight sum is rounded in the pool's favour: a buy pays for
  ``ceil(w / 1e18)`` items, a sell is paid for ``floor(w / 1e18)`` (under one floor item:
  n = 0, ``INVALID_NUMITEMS``); the quote's ``items`` is the rounded count.

Exact curves use the weights as 18-decimal ints (:meth:`TraitModel.weights_wad`, each
weight rounded to the nearest wei of weight), summed as a Caviar pool sums the weights in
its merkle tree.

Example::

    >>> import numpy as np, cushion
    >>> model = cushion.basket.TraitModel([[1, 0], [0, 1], [1, 1], [0, 0]], [0.5, 2.0],
    ...                                   trait_names=["laser eyes", "gold fur"])
    >>> model.weights
    array([1.5, 3. , 3.5, 1. ])
    >>> model.cheapest(2, none_of=["gold fur"])
    array([3, 0])
    >>> pool = cushion.WeightedXYK(base_reserve=100.0, nft_reserve=9.0, fee_rate_bps=100)
    >>> round(model.quote(pool, [0, 3]).value, 4)   # weight 2.5: 2.5 * 100 / 6.5, plus 1%
    38.8462
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import _core

Rule = Literal["additive", "multiplicative"]
Side = Literal["buy", "sell"]
TraitRef = int | str

#: The premium rules :class:`TraitModel` knows.
RULES: tuple[str, ...] = ("additive", "multiplicative")

to_wad = _core.basket.to_wad


@dataclasses.dataclass(frozen=True)
class BasketQuote:
    """A basket picked from a :class:`TraitModel` and its quote on a curve.

    ``items`` are the item indices, ``weight_sum`` their summed weight (float for an f64
    curve; the 18-decimal int sum for an exact curve), ``quote`` the curve's quote (its
    ``value``, fees, ``error`` and ``next`` curve).
    """

    items: NDArray[np.int64]
    weight_sum: float | int
    quote: Any

    @property
    def value(self) -> float | int:
        """What the basket costs (buy) or pays (sell), fees included."""
        return self.quote.value  # type: ignore[no-any-return]

    @property
    def ok(self) -> bool:
        """True when the quote succeeded."""
        return bool(self.quote.ok)


class TraitModel:
    """Item weights from trait exposures and premia (see the module documentation).

    exposure: items x traits, finite and >= 0 (0/1 indicators, counts or intensities;
    bool arrays are fine).  premia: one per trait (finite; > -1 for the multiplicative
    rule).  trait_names: optional names, usable wherever a trait is referred to.
    Every weight must come out finite and > 0.  A model is immutable.
    """

    __slots__ = ("_model", "_trait_names", "_index_of")

    def __init__(self, exposure: ArrayLike, premia: ArrayLike, *, rule: Rule = "additive",
                 trait_names: Sequence[str] | None = None) -> None:
        if rule not in RULES:
            raise ValueError(f"rule must be one of {', '.join(map(repr, RULES))}, got {rule!r}")
        self._model = _core.basket.TraitModel(exposure, premia, rule)
        traits = self._model.exposure.shape[1]
        if trait_names is not None:
            if isinstance(trait_names, (str, bytes)) or not isinstance(trait_names, Iterable):
                raise TypeError(f"trait_names must be a sequence of str, not {type(trait_names).__name__}")
            names = [str(n) for n in trait_names]
            if len(names) != traits:
                raise ValueError(f"trait_names has {len(names)} names but exposure has {traits} trait columns")
            if len(set(names)) != len(names):
                raise ValueError("trait_names must be unique")
            self._trait_names: tuple[str, ...] | None = tuple(names)
            self._index_of = {n: i for i, n in enumerate(names)}
        else:
            self._trait_names = None
            self._index_of = {}

    # -- the model ---------------------------------------------------------------------

    @property
    def rule(self) -> str:
        """``"additive"`` or ``"multiplicative"``."""
        return str(self._model.rule)

    @property
    def exposure(self) -> NDArray[np.float64]:
        """The items x traits exposure matrix (a copy)."""
        return np.asarray(self._model.exposure)

    @property
    def premia(self) -> NDArray[np.float64]:
        """The trait premia (a copy)."""
        return np.asarray(self._model.premia)

    @property
    def weights(self) -> NDArray[np.float64]:
        """Each item's weight: its multiple of the floor price (a copy)."""
        return np.asarray(self._model.weights)

    @property
    def trait_names(self) -> tuple[str, ...] | None:
        """The trait names, if given."""
        return self._trait_names

    @property
    def n_items(self) -> int:
        """Number of items (rows of the exposure matrix)."""
        return int(self._model.exposure.shape[0])

    @property
    def n_traits(self) -> int:
        """Number of traits (columns of the exposure matrix)."""
        return int(self._model.exposure.shape[1])

    def with_premia(self, premia: ArrayLike) -> TraitModel:
        """The same items and rule under other premia (e.g. re-fitted ones)."""
        return TraitModel(self.exposure, premia, rule=self.rule, trait_names=self._trait_names)  # type: ignore[arg-type]

    def weights_wad(self) -> list[int]:
        """The weights as 18-decimal ints (a floor item = 10**18), each rounded to nearest."""
        return list(self._model.weights_wad())

    def weight_sum(self, items: Iterable[int]) -> float:
        """The summed weight of ``items`` (indices; repeats count)."""
        return float(self._model.weight_sum(_indices(items)))

    def weight_sum_wad(self, items: Iterable[int]) -> int:
        """The summed 18-decimal weight of ``items``: the sum of their :meth:`weights_wad`."""
        return int(self._model.weight_sum_wad(_indices(items)))

    # -- selection ---------------------------------------------------------------------

    def _traits(self, refs: Iterable[TraitRef] | TraitRef, what: str) -> list[int]:
        if isinstance(refs, (str, int, np.integer)):
            refs = [refs]
        try:
            refs = iter(refs)
        except TypeError:
            raise TypeError(f"{what} must be a trait (an int index or a str name) or an iterable of traits, "
                            f"not {type(refs).__name__}") from None
        out = []
        for r in refs:
            if isinstance(r, str):
                if r not in self._index_of:
                    known = ", ".join(self._trait_names) if self._trait_names else "none (give trait_names)"
                    raise ValueError(f"{what}: unknown trait {r!r}; known traits: {known}")
                out.append(self._index_of[r])
            elif isinstance(r, (int, np.integer)) and not isinstance(r, bool):
                out.append(int(r))
            else:
                raise TypeError(f"{what}: a trait is an int index or a str name, not {type(r).__name__}")
        return out

    def _filter(self, all_of: Any, any_of: Any, none_of: Any) -> tuple[list[int], list[int], list[int]]:
        return (self._traits(all_of, "all_of"), self._traits(any_of, "any_of"), self._traits(none_of, "none_of"))

    def matching(self, *, all_of: Iterable[TraitRef] | TraitRef = (), any_of: Iterable[TraitRef] | TraitRef = (),
                 none_of: Iterable[TraitRef] | TraitRef = (), among: Iterable[int] | None = None) -> NDArray[np.int64]:
        """The items having every trait in ``all_of``, at least one in ``any_of`` (if given)
        and none in ``none_of``, in index order; among the items ``among`` if given (e.g. the
        items a pool holds), in their order."""
        a, b, c = self._filter(all_of, any_of, none_of)
        chosen = None if among is None else _indices(among, "among")
        return self._model.matching(a, b, c, chosen)  # type: ignore[no-any-return]

    def cheapest(self, k: int, *, all_of: Iterable[TraitRef] | TraitRef = (),
                 any_of: Iterable[TraitRef] | TraitRef = (), none_of: Iterable[TraitRef] | TraitRef = (),
                 among: Iterable[int] | None = None) -> NDArray[np.int64]:
        """The k lightest (cheapest) items matching the filter (see :meth:`matching`),
        lightest first, ties by index.  ValueError when fewer than k items match."""
        a, b, c = self._filter(all_of, any_of, none_of)
        chosen = None if among is None else _indices(among, "among")
        return self._model.cheapest(_count(k), a, b, c, chosen)  # type: ignore[no-any-return]

    # -- quotes ------------------------------------------------------------------------

    def quote(self, curve: Any, items: Iterable[int], side: Side = "buy") -> BasketQuote:
        """Quote trading the items ``items`` (indices) on ``curve`` (any f64 or exact curve)
        by their summed weight (see the module documentation for collection-index curves)."""
        picked, weight_sum, quote = self._model.quote_items(curve, _indices(items), side)
        return BasketQuote(picked, weight_sum, quote)

    def buy_cheapest(self, curve: Any, k: int, *, all_of: Iterable[TraitRef] | TraitRef = (),
                     any_of: Iterable[TraitRef] | TraitRef = (), none_of: Iterable[TraitRef] | TraitRef = (),
                     among: Iterable[int] | None = None) -> BasketQuote:
        """Quote buying the k cheapest items matching the filter from ``curve``."""
        a, b, c = self._filter(all_of, any_of, none_of)
        picked, weight_sum, quote = self._model.buy_cheapest(curve, _count(k), a, b, c,
                                                             None if among is None else _indices(among, "among"))
        return BasketQuote(picked, weight_sum, quote)

    # -- value semantics ---------------------------------------------------------------

    def __repr__(self) -> str:
        names = f", trait_names={list(self._trait_names)}" if self._trait_names else ""
        return f"TraitModel(items={self.n_items}, traits={self.n_traits}, rule={self.rule!r}{names})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TraitModel):
            return NotImplemented
        return (self.rule == other.rule and self._trait_names == other._trait_names
                and np.array_equal(self.exposure, other.exposure) and np.array_equal(self.premia, other.premia))

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.exposure, self.premia, self.rule, self._trait_names))


def _rebuild(exposure: NDArray[np.float64], premia: NDArray[np.float64], rule: Rule,
             trait_names: tuple[str, ...] | None) -> TraitModel:
    return TraitModel(exposure, premia, rule=rule, trait_names=trait_names)


def _indices(items: Iterable[int], what: str = "items") -> Any:
    if isinstance(items, (str, bytes)):
        raise TypeError(f"{what} must be a sequence of int indices, not {type(items).__name__}")
    if isinstance(items, np.ndarray):
        return items
    try:
        return list(items)
    except TypeError:
        raise TypeError(f"{what} must be a sequence of int indices, not {type(items).__name__}") from None


def _count(k: int) -> int:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
        raise TypeError(f"k must be an int, not {type(k).__name__}")
    if k < 0:
        raise ValueError(f"k must be >= 0, got {k}")
    if k > np.iinfo(np.int64).max:
        raise OverflowError(f"k must be < 2**63, got {k}")
    return int(k)


def buy(curve: Any, weight_sum: float | int) -> Any:
    """Quote buying a basket of summed weight ``weight_sum`` from any curve.

    f64 curves take a float (floor items: 2.7 = 2.7 floors); exact curves an int of
    18-decimal weight, rounded up to whole items on a collection-index curve.
    """
    return _core.basket.quote(curve, weight_sum, "buy")


def sell(curve: Any, weight_sum: float | int) -> Any:
    """Quote selling a basket of summed weight ``weight_sum`` into any curve (exact
    collection-index curves round the weight down to whole items); see :func:`buy`."""
    return _core.basket.quote(curve, weight_sum, "sell")


__all__ = ["RULES", "BasketQuote", "Rule", "TraitModel", "buy", "sell", "to_wad"]
