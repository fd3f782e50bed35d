from typing import Final, SupportsIndex

MAX_FEE_RATE_BPS: Final[int]
BPS: Final[int]
FLOOR_WEIGHT: Final[int]

def buy_quote(
    virtual_base_reserves: SupportsIndex,
    virtual_nft_reserves: SupportsIndex,
    weight_sum: SupportsIndex,
    fee_rate_bps: SupportsIndex,
    protocol_fee_rate_bps: SupportsIndex = 0,
) -> tuple[int, int, int]:
    """PrivatePool.buyQuote: (net_input, fee, protocol_fee); the xy=k input is rounded up."""

def sell_quote(
    virtual_base_reserves: SupportsIndex,
    virtual_nft_reserves: SupportsIndex,
    weight_sum: SupportsIndex,
    fee_rate_bps: SupportsIndex,
    protocol_fee_rate_bps: SupportsIndex = 0,
) -> tuple[int, int, int]:
    """PrivatePool.sellQuote: (net_output, fee, protocol_fee); the xy=k output is rounded down."""

def change_fee_quote(
    weight_sum_in: SupportsIndex,
    change_fee: SupportsIndex,
    base_token_decimals: SupportsIndex = 18,
    *,
    protocol_fee_rate_bps: SupportsIndex = 0,
) -> tuple[int, int]:
    """PrivatePool.changeFeeQuote: (fee, protocol_fee) for changing NFTs of summed weight weight_sum_in."""

def change_quote(
    weight_sum_in: SupportsIndex,
    weight_sum_out: SupportsIndex,
    change_fee: SupportsIndex,
    base_token_decimals: SupportsIndex = 18,
    *,
    protocol_fee_rate_bps: SupportsIndex = 0,
) -> tuple[int, int]:
    """PrivatePool.change's fee; reverts InsufficientInputWeight when weight_sum_in < weight_sum_out."""

__all__ = [
    "BPS",
    "FLOOR_WEIGHT",
    "MAX_FEE_RATE_BPS",
    "buy_quote",
    "change_fee_quote",
    "change_quote",
    "sell_quote",
]
