"""Caviar private pools (PrivatePool.sol) on Python ints: the oracle for cushion.caviar.

An independent transcription of the contract's quote functions and of the effects of
buy / sell on the virtual reserves: Solidity 0.8 checked arithmetic (evm.py), solmate's
mulDivUp (not 512-bit), floored basis-point fees, uint128 state variables updated through
an explicit (truncating) uint128 conversion.  Raises RefRevert where the contract reverts
and ValueError for a pool state the contract cannot hold.
"""

from __future__ import annotations

from .errors import RefRevert
from .evm import MAX128, MAX256, WAD, add, div, mul, solmate_mul_div, sub

BPS = 10_000
MAX_FEE_RATE = 5_000
MAX_UINT16 = 2**16 - 1
MAX_UINT56 = 2**56 - 1


def _check_pool(vb: int, vn: int, fee_rate: int, protocol_fee_rate: int) -> None:
    if not (0 <= vb <= MAX128 and 0 <= vn <= MAX128):
        raise ValueError("virtual reserves are uint128")
    if not 0 <= fee_rate <= MAX_FEE_RATE:
        raise ValueError("feeRate <= 5000 (FeeRateTooHigh)")
    if not 0 <= protocol_fee_rate <= MAX_UINT16:
        raise ValueError("protocolFeeRate is a uint16")


def _fees(amount: int, fee_rate: int, protocol_fee_rate: int) -> tuple[int, int]:
    protocol_fee = div(mul(amount, protocol_fee_rate), BPS)  # computed first, as in the contract
    fee = div(mul(amount, fee_rate), BPS)
    return fee, protocol_fee


def buy_quote(vb: int, vn: int, w: int, fee_rate: int, protocol_fee_rate: int) -> tuple[int, int, int]:
    """buyQuote: (netInputAmount, feeAmount, protocolFeeAmount)."""
    _check_pool(vb, vn, fee_rate, protocol_fee_rate)
    amount = solmate_mul_div(w, vb, sub(vn, w), up=True)
    fee, protocol_fee = _fees(amount, fee_rate, protocol_fee_rate)
    return add(add(amount, fee), protocol_fee), fee, protocol_fee


def sell_quote(vb: int, vn: int, w: int, fee_rate: int, protocol_fee_rate: int) -> tuple[int, int, int]:
    """sellQuote: (netOutputAmount, feeAmount, protocolFeeAmount)."""
    _check_pool(vb, vn, fee_rate, protocol_fee_rate)
    amount = div(mul(w, vb), add(vn, w))
    fee, protocol_fee = _fees(amount, fee_rate, protocol_fee_rate)
    return sub(sub(amount, fee), protocol_fee), fee, protocol_fee


def change_fee_quote(w_in: int, change_fee: int, decimals: int, protocol_fee_rate: int) -> tuple[int, int]:
    """changeFeeQuote: (feeAmount, protocolFeeAmount)."""
    if not (0 <= change_fee <= MAX_UINT56 and 0 <= decimals <= 255 and 0 <= protocol_fee_rate <= MAX_UINT16):
        raise ValueError("changeFee is a uint56, decimals a uint8, the protocol rate a uint16")
    if decimals < 4:  # uint8 decimals() - 4
        raise RefRevert("underflow", "uint8 underflow")
    power = 10 ** (decimals - 4)
    if power > MAX256:
        raise RefRevert("overflow", "10 ** exponent overflows")
    fee = div(mul(w_in, mul(change_fee, power)), WAD)
    return fee, div(mul(fee, protocol_fee_rate), BPS)


def change_quote(w_in: int, w_out: int, change_fee: int, decimals: int, protocol_fee_rate: int) -> tuple[int, int]:
    """change(): InsufficientInputWeight unless w_in >= w_out, then changeFeeQuote(w_in)."""
    if w_in < w_out:
        raise RefRevert("custom", "InsufficientInputWeight")
    return change_fee_quote(w_in, change_fee, decimals, protocol_fee_rate)


def _u128_add(reserve: int, delta: int) -> int:
    """`reserve += uint128(delta)`: truncate, then a checked uint128 addition."""
    r = reserve + (delta & MAX128)
    if r > MAX128:
        raise RefRevert("overflow", "uint128 overflow")
    return r


def _u128_sub(reserve: int, delta: int) -> int:
    r = reserve - (delta & MAX128)
    if r < 0:
        raise RefRevert("underflow", "uint128 underflow")
    return r


def buy(vb: int, vn: int, w: int, fee_rate: int, protocol_fee_rate: int) -> tuple[tuple[int, int, int], int, int]:
    """PrivatePool.buy's quote and the reserves after it: ((net, fee, protocol), vB', vN')."""
    net, fee, protocol_fee = buy_quote(vb, vn, w, fee_rate, protocol_fee_rate)
    return (net, fee, protocol_fee), _u128_add(vb, net - fee - protocol_fee), _u128_sub(vn, w)


def sell(vb: int, vn: int, w: int, fee_rate: int, protocol_fee_rate: int) -> tuple[tuple[int, int, int], int, int]:
    """PrivatePool.sell's quote and the reserves after it."""
    net, fee, protocol_fee = sell_quote(vb, vn, w, fee_rate, protocol_fee_rate)
    return (net, fee, protocol_fee), _u128_sub(vb, net + protocol_fee + fee), _u128_add(vn, w)
