"""Type stubs for cushion.batch (see batch.py for the documentation)."""

from collections.abc import Mapping
from typing import Any, Literal, overload

import numpy as np
import pandas
from numpy.typing import ArrayLike, NDArray

from ._errors import Revert

CurveKind = Literal["linear", "exponential", "xyk", "gda", "weighted_xyk"]
Side = Literal["buy", "sell"]
KINDS: dict[str, str]
_Ints = int | list[int] | tuple[int, ...] | NDArray[np.integer[Any]]

def parameters(curve: CurveKind) -> tuple[str, ...]:
    """The parameters of a batch quote on ``curve``, in order (the last is the quantity)."""

def next_fields(curve: CurveKind) -> tuple[str, ...]:
    """The state fields a trade on ``curve`` changes (the keys of ``BatchQuote.next``)."""

class BatchQuote:
    """f64 quotes of a batch, as arrays of the broadcast shape."""

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
    @property
    def shape(self) -> tuple[int, ...]:
        """The broadcast shape."""
    @property
    def size(self) -> int:
        """The number of quotes."""
    def to_frame(self) -> pandas.DataFrame:
        """The quotes as a flat pandas DataFrame (one row per element, C order)."""

class ExactBatchQuote:
    """Exact quotes of a batch: lists of ints, one entry per element."""

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
    @property
    def reverted(self) -> NDArray[np.bool_]:
        """True where the contract reverts."""
    def __len__(self) -> int: ...

@overload
def buy(curve: Literal["linear"], /, *, out: BatchQuote | None = ..., spot_price: ArrayLike, delta: ArrayLike, fee: ArrayLike = ..., protocol_fee: ArrayLike = ..., n: ArrayLike) -> BatchQuote: ...

@overload
def buy(curve: Literal["exponential"], /, *, out: BatchQuote | None = ..., spot_price: ArrayLike, delta: ArrayLike, fee: ArrayLike = ..., protocol_fee: ArrayLike = ..., n: ArrayLike) -> BatchQuote: ...

@overload
def buy(curve: Literal["xyk"], /, *, out: BatchQuote | None = ..., token_reserve: ArrayLike, nft_reserve: ArrayLike, fee: ArrayLike = ..., protocol_fee: ArrayLike = ..., n: ArrayLike) -> BatchQuote: ...

@overload
def buy(curve: Literal["gda"], /, *, out: BatchQuote | None = ..., spot_price: ArrayLike, alpha: ArrayLike, decay: ArrayLike, t0: ArrayLike, now: ArrayLike, fee: ArrayLike = ..., protocol_fee: ArrayLike = ..., n: ArrayLike) -> BatchQuote: ...

@overload
def buy(curve: Literal["weighted_xyk"], /, *, out: BatchQuote | None = ..., base_reserve: ArrayLike, nft_reserve: ArrayLike, fee_rate_bps: ArrayLike = ..., protocol_fee_rate_bps: ArrayLike = ..., weight_sum: ArrayLike) -> BatchQuote: ...

@overload
def buy(curve: object, /, *, out: BatchQuote | None = ..., **params: ArrayLike) -> BatchQuote: ...

@overload
def sell(curve: Literal["linear"], /, *, out: BatchQuote | None = ..., spot_price: ArrayLike, delta: ArrayLike, fee: ArrayLike = ..., protocol_fee: ArrayLike = ..., n: ArrayLike) -> BatchQuote: ...

@overload
def sell(curve: Literal["exponential"], /, *, out: BatchQuote | None = ..., spot_price: ArrayLike, delta: ArrayLike, fee: ArrayLike = ..., protocol_fee: ArrayLike = ..., n: ArrayLike) -> BatchQuote: ...

@overload
def sell(curve: Literal["xyk"], /, *, out: BatchQuote | None = ..., token_reserve: ArrayLike, nft_reserve: ArrayLike, fee: ArrayLike = ..., protocol_fee: ArrayLike = ..., n: ArrayLike) -> BatchQuote: ...

@overload
def sell(curve: Literal["gda"], /, *, out: BatchQuote | None = ..., spot_price: ArrayLike, alpha: ArrayLike, decay: ArrayLike, t0: ArrayLike, now: ArrayLike, fee: ArrayLike = ..., protocol_fee: ArrayLike = ..., n: ArrayLike) -> BatchQuote: ...

@overload
def sell(curve: Literal["weighted_xyk"], /, *, out: BatchQuote | None = ..., base_reserve: ArrayLike, nft_reserve: ArrayLike, fee_rate_bps: ArrayLike = ..., protocol_fee_rate_bps: ArrayLike = ..., weight_sum: ArrayLike) -> BatchQuote: ...

@overload
def sell(curve: object, /, *, out: BatchQuote | None = ..., **params: ArrayLike) -> BatchQuote: ...

@overload
def buy_exact(curve: Literal["linear"], /, *, spot_price: _Ints, delta: _Ints, fee: _Ints = ..., protocol_fee: _Ints = ..., n: _Ints) -> ExactBatchQuote: ...

@overload
def buy_exact(curve: Literal["exponential"], /, *, spot_price: _Ints, delta: _Ints, fee: _Ints = ..., protocol_fee: _Ints = ..., n: _Ints) -> ExactBatchQuote: ...

@overload
def buy_exact(curve: Literal["xyk"], /, *, token_reserve: _Ints, nft_reserve: _Ints, fee: _Ints = ..., protocol_fee: _Ints = ..., n: _Ints) -> ExactBatchQuote: ...

@overload
def buy_exact(curve: Literal["gda"], /, *, spot_price: _Ints, alpha: _Ints, decay: _Ints, t0: _Ints, now: _Ints, fee: _Ints = ..., protocol_fee: _Ints = ..., n: _Ints) -> ExactBatchQuote: ...

@overload
def buy_exact(curve: Literal["weighted_xyk"], /, *, base_reserve: _Ints, nft_reserve: _Ints, fee_rate_bps: _Ints = ..., protocol_fee_rate_bps: _Ints = ..., weight_sum: _Ints) -> ExactBatchQuote: ...

@overload
def buy_exact(curve: object, /, **params: _Ints) -> ExactBatchQuote: ...

@overload
def sell_exact(curve: Literal["linear"], /, *, spot_price: _Ints, delta: _Ints, fee: _Ints = ..., protocol_fee: _Ints = ..., n: _Ints) -> ExactBatchQuote: ...

@overload
def sell_exact(curve: Literal["exponential"], /, *, spot_price: _Ints, delta: _Ints, fee: _Ints = ..., protocol_fee: _Ints = ..., n: _Ints) -> ExactBatchQuote: ...

@overload
def sell_exact(curve: Literal["xyk"], /, *, token_reserve: _Ints, nft_reserve: _Ints, fee: _Ints = ..., protocol_fee: _Ints = ..., n: _Ints) -> ExactBatchQuote: ...

@overload
def sell_exact(curve: Literal["gda"], /, *, spot_price: _Ints, alpha: _Ints, decay: _Ints, t0: _Ints, now: _Ints, fee: _Ints = ..., protocol_fee: _Ints = ..., n: _Ints) -> ExactBatchQuote: ...

@overload
def sell_exact(curve: Literal["weighted_xyk"], /, *, base_reserve: _Ints, nft_reserve: _Ints, fee_rate_bps: _Ints = ..., protocol_fee_rate_bps: _Ints = ..., weight_sum: _Ints) -> ExactBatchQuote: ...

@overload
def sell_exact(curve: object, /, **params: _Ints) -> ExactBatchQuote: ...

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
