"""Type stubs for cushion.sudoswap."""

from typing import Final, Literal

CurveName = Literal["linear", "exponential", "xyk", "gda"]
CurveInfo = tuple[int, int, int, int, int, int]

OK: Final[int]
INVALID_NUMITEMS: Final[int]
SPOT_PRICE_OVERFLOW: Final[int]
DELTA_OVERFLOW: Final[int]
SPOT_PRICE_UNDERFLOW: Final[int]
AUCTION_ENDED: Final[int]
EXPONENTIAL_MIN_PRICE: Final[int]
GDA_MIN_PRICE: Final[int]
CURVES: Final[tuple[str, ...]]

def get_buy_info(
    curve: CurveName, spot_price: int, delta: int, num_items: int, fee_multiplier: int,
    protocol_fee_multiplier: int, *, timestamp: int | None = None,
) -> CurveInfo:
    """ICurve.getBuyInfo: (error, new_spot_price, new_delta, input_value, trade_fee, protocol_fee)."""

def get_sell_info(
    curve: CurveName, spot_price: int, delta: int, num_items: int, fee_multiplier: int,
    protocol_fee_multiplier: int, *, timestamp: int | None = None,
) -> CurveInfo:
    """ICurve.getSellInfo: (error, new_spot_price, new_delta, output_value, trade_fee, protocol_fee)."""

def pack_gda_delta(alpha: int, decay: int, t0: int) -> int:
    """Packs alpha and decay (9 decimals, uint40 each) and t0 (uint48) into a GDA delta."""

def unpack_gda_delta(delta: int) -> tuple[int, int, int]:
    """(alpha, decay, t0) as the contract reads them: UD60x18, UD60x18 per second, seconds."""
