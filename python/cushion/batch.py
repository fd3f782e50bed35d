"""Vectorised quoting: thousands to millions of curve quotes in one C++ loop.

f64 (quants)
    :func:`buy` / :func:`sell` take any curve parameter as a NumPy array (or anything
    ``numpy.asarray`` accepts) and broadcast them together with NumPy's rules; the loop
    runs in C++ with the GIL released and returns a :class:`BatchQuote` of arrays of the
    broadcast shape — no per-element Python objects.  Each element is the very same
    inline C++ ``buy`` / ``sell`` as the scalar curve, so results equal the scalar quotes
    bit for bit.  Wrong dtypes (object, str, complex, bool) raise ``TypeError``; NaN,
    infinities and negatives raise ``ValueError`` naming the argument and the index;
    shapes that do not broadcast raise ``ValueError``.  Empty and non-contiguous arrays
    are fine.

exact (contract developers)
    :func:`buy_exact` / :func:`sell_exact` take ints or 1-D sequences of ints (one common
    length; ints and length-1 sequences broadcast) in the exact policy's units, run one
    C++ loop, and return an :class:`ExactBatchQuote` of lists of ints.  An element where
    the contract reverts does not stop the batch: its ``error`` is
    ``CurveError.REVERTED`` and ``reverts[i]`` is the :class:`cushion.Revert` it raised.

The curve is named by kind (``"linear"``, ``"exponential"``, ``"xyk"``, ``"gda"``,
``"weighted_xyk"``), by class (``cushion.XYK``), or given as a curve object, whose fields
then default every parameter not passed.  Parameters are the curve constructor's plus the
traded quantity ``n`` (``weight_sum`` for ``weighted_xyk``); ``fee`` and ``protocol_fee``
(``fee_rate_bps`` and ``protocol_fee_rate_bps``) default to 0.

Example::

    >>> import numpy as np, cushion
    >>> q = cushion.batch.sell("xyk", token_reserve=100.0, nft_reserve=50.0, n=np.arange(1, 6), fee=0.005)
    >>> q.value.round(4)
    array([1.951 , 3.8269, 5.6321, 7.3704, 9.0455])
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
from numpy.typing import NDArray

from . import _core
from ._errors import Revert

if TYPE_CHECKING:  # pragma: no cover
    import pandas

CurveKind = Literal["linear", "exponential", "xyk", "gda", "weighted_xyk"]
Side = Literal["buy", "sell"]

#: The curve kinds, and the class name of each.
KINDS: dict[str, str] = {
    "linear": "Linear",
    "exponential": "Exponential",
    "xyk": "XYK",
    "gda": "GDA",
    "weighted_xyk": "WeightedXYK",
}
_KIND_OF_CLASS = {cls: kind for kind, cls in KINDS.items()}
_FEE_PARAMETERS = ("fee", "protocol_fee", "fee_rate_bps", "protocol_fee_rate_bps")
_CURVE_MODULES = ("cushion.curves", "cushion.exact")


def parameters(curve: CurveKind) -> tuple[str, ...]:
    """The parameters of a batch quote on ``curve``, in order (the last is the quantity)."""
    return tuple(_core.batch.parameters(curve)[0])


def next_fields(curve: CurveKind) -> tuple[str, ...]:
    """The state fields a trade on ``curve`` changes (the keys of ``BatchQuote.next``)."""
    return tuple(_core.batch.parameters(curve)[1])


@dataclasses.dataclass(frozen=True, eq=False)
class BatchQuote:
    """f64 quotes of a batch, as arrays of the broadcast shape.

    ``value`` is what the trader pays (buy) or receives (sell), fees included;
    ``trade_fee`` and ``protocol_fee`` the fees; ``error`` the :class:`cushion.CurveError`
    codes (uint8; 6 = REVERTED where the exact mode would revert); ``items`` what the value
    pays for (a linear sell may stop early; the weight sum for ``weighted_xyk``); ``next``
    the changed state fields after each trade (``spot_price``; ``token_reserve`` and
    ``nft_reserve``; ...).  Where ``error != 0`` every amount is 0 and ``next`` holds the
    unchanged state, as for a scalar quote.
    """

    curve: str
    side: str
    value: NDArray[np.float64]
    trade_fee: NDArray[np.float64]
    protocol_fee: NDArray[np.float64]
    error: NDArray[np.uint8]
    items: NDArray[np.float64]
    next: Mapping[str, NDArray[np.float64]]

    @property
    def ok(self) -> NDArray[np.bool_]:
        """True where the quote succeeded (``error == 0``)."""
        return self.error == 0

    @property
    def shape(self) -> tuple[int, ...]:
        """The broadcast shape."""
        return self.value.shape

    @property
    def size(self) -> int:
        """The number of quotes."""
        return int(self.value.size)

    def __repr__(self) -> str:
        return f"BatchQuote(curve={self.curve!r}, side={self.side!r}, shape={self.shape}, failed={int((~self.ok).sum())})"

    def to_frame(self) -> pandas.DataFrame:
        """The quotes as a flat pandas DataFrame (one row per element, C order)."""
        import pandas as pd

        columns: dict[str, Any] = {
            "value": self.value.ravel(),
            "trade_fee": self.trade_fee.ravel(),
            "protocol_fee": self.protocol_fee.ravel(),
            "error": self.error.ravel(),
            "items": self.items.ravel(),
        }
        columns.update({f"next_{k}": v.ravel() for k, v in self.next.items()})
        return pd.DataFrame(columns)


@dataclasses.dataclass(frozen=True, eq=False)
class ExactBatchQuote:
    """Exact quotes of a batch: lists of ints, one entry per element.

    The columns are those of :class:`BatchQuote` in the exact policy's units (wei; WAD-scaled
    multipliers).  ``error`` is a uint8 array of :class:`cushion.CurveError` codes;
    ``reverts[i]`` is the :class:`cushion.Revert` element ``i`` raised (its ``error`` is then
    ``REVERTED`` = 6), else None.  A failed element has zero amounts and its unchanged state
    in ``next`` — the ICurve all-zeros convention.
    """

    curve: str
    side: str
    value: list[int]
    trade_fee: list[int]
    protocol_fee: list[int]
    error: NDArray[np.uint8]
    items: list[int]
    next: Mapping[str, list[int]]
    reverts: list[Revert | None]

    @property
    def ok(self) -> NDArray[np.bool_]:
        """True where the quote succeeded (``error == 0``)."""
        return self.error == 0

    @property
    def reverted(self) -> NDArray[np.bool_]:
        """True where the contract reverts."""
        return self.error == int(_core.CurveError.REVERTED)

    def __len__(self) -> int:
        return len(self.value)

    def __repr__(self) -> str:
        return (f"ExactBatchQuote(curve={self.curve!r}, side={self.side!r}, size={len(self)}, "
                f"failed={int((~self.ok).sum())}, reverted={int(self.reverted.sum())})")


def _kind_and_defaults(curve: object, exact: bool) -> tuple[str, dict[str, Any]]:
    """The curve kind, and the parameter defaults a curve object supplies."""
    if isinstance(curve, str):
        if curve not in KINDS:
            raise ValueError(f"curve must be one of {', '.join(map(repr, KINDS))}, got {curve!r}")
        return curve, {}
    cls = curve if isinstance(curve, type) else type(curve)
    kind = _KIND_OF_CLASS.get(cls.__name__)
    if kind is None or getattr(cls, "__module__", None) not in _CURVE_MODULES:
        raise TypeError(f"curve must be a curve kind (str), a cushion curve class or a curve, not {cls.__name__}")
    if curve is cls:
        return kind, {}
    curve_is_exact = cls.__module__ == "cushion.exact"
    if curve_is_exact != exact:
        raise TypeError(f"an {'exact' if curve_is_exact else 'f64'} curve object cannot seed an "
                        f"{'exact' if exact else 'f64'} batch: pass the parameters, or the matching curve")
    names = parameters(kind)[:-1]
    return kind, {name: getattr(curve, name) for name in names}


def _operands(function: str, curve: object, params: dict[str, Any], exact: bool) -> tuple[str, tuple[Any, ...]]:
    kind, defaults = _kind_and_defaults(curve, exact)
    names = parameters(kind)  # type: ignore[arg-type]
    unknown = sorted(set(params) - set(names))
    if unknown:
        raise TypeError(f"{function}() got unexpected parameter(s) {', '.join(unknown)} for curve {kind!r}; "
                        f"its parameters are {', '.join(names)}")
    operands = []
    for name in names:
        if name in params:
            operands.append(params[name])
        elif name in defaults:
            operands.append(defaults[name])
        elif name in _FEE_PARAMETERS:
            operands.append(0)
        else:
            raise TypeError(f"{function}() missing parameter {name!r} for curve {kind!r}")
    return kind, tuple(operands)


def _quote(function: str, side: Side, curve: object, params: dict[str, Any], out: BatchQuote | None) -> BatchQuote:
    kind, operands = _operands(function, curve, params, exact=False)
    columns = None
    if out is not None:
        if not isinstance(out, BatchQuote):
            raise TypeError(f"out must be a BatchQuote, not {type(out).__name__}")
        if out.curve != kind:
            raise ValueError(f"out holds a {out.curve!r} batch, not a {kind!r} one")
        columns = {"value": out.value, "trade_fee": out.trade_fee, "protocol_fee": out.protocol_fee,
                   "error": out.error, "items": out.items, "next": dict(out.next)}
    r = _core.batch.quote(kind, side, operands, columns)
    return BatchQuote(kind, side, r["value"], r["trade_fee"], r["protocol_fee"], r["error"], r["items"],
                      dict(r["next"]))


def _quote_exact(function: str, side: Side, curve: object, params: dict[str, Any]) -> ExactBatchQuote:
    kind, operands = _operands(function, curve, params, exact=True)
    r = _core.batch.quote_exact(kind, side, operands)
    reverts: list[Revert | None] = [None] * len(r["value"])
    for index, revert_kind, reason in r["reverts"]:
        reverts[index] = Revert(revert_kind, reason)
    return ExactBatchQuote(kind, side, r["value"], r["trade_fee"], r["protocol_fee"], r["error"], r["items"],
                           dict(r["next"]), reverts)


def buy(curve: CurveKind | type | object, /, *, out: BatchQuote | None = None, **params: Any) -> BatchQuote:
    """Quote buying from f64 curves, element by element over broadcast parameter arrays.

    ``curve`` is a kind, a curve class or a curve object (whose fields default the
    parameters); ``params`` are the curve's parameters and the quantity ``n``
    (``weight_sum`` for ``weighted_xyk``), each a number or an array.  ``out``: a previous
    result of the same curve and shape whose arrays are overwritten (no allocation, for
    sweeps in a loop); they must not share memory with the inputs.
    """
    return _quote("buy", "buy", curve, params, out)


def sell(curve: CurveKind | type | object, /, *, out: BatchQuote | None = None, **params: Any) -> BatchQuote:
    """Quote selling into f64 curves, element by element over broadcast parameter arrays (see :func:`buy`)."""
    return _quote("sell", "sell", curve, params, out)


def buy_exact(curve: CurveKind | type | object, /, **params: Any) -> ExactBatchQuote:
    """Quote buying from exact curves over columns of ints, reporting reverts per element.

    ``params`` are ints or 1-D sequences of ints (one common length) in the exact units
    (wei; WAD-scaled multipliers; ``n`` items; ``weight_sum`` 18-decimal weights).
    """
    return _quote_exact("buy_exact", "buy", curve, params)


def sell_exact(curve: CurveKind | type | object, /, **params: Any) -> ExactBatchQuote:
    """Quote selling into exact curves over columns of ints (see :func:`buy_exact`)."""
    return _quote_exact("sell_exact", "sell", curve, params)


__all__ = [
    "KINDS",
    "BatchQuote",
    "CurveKind",
    "ExactBatchQuote",
    "Side",
    "buy",
    "buy_exact",
    "next_fields",
    "parameters",
    "sell",
    "sell_exact",
]
