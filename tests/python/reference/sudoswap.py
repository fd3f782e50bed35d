"""sudoswap v2 (lssvm2) ICurve.getBuyInfo / getSellInfo on Python ints.

An independent transcription of the four curves' Solidity semantics (the order of
checked operations, the rounding of every step, the error codes and the all-zero
convention) used as the oracle for cushion.sudoswap.  Returns the ICurve tuple
(error, new_spot_price, new_delta, value, trade_fee, protocol_fee); raises RefRevert.
"""

from __future__ import annotations

from . import prbmath
from .errors import RefRevert
from .evm import MAX128, WAD, add, div, div_wad_down, div_wad_up, mul, mul_wad_down, mul_wad_up, rpow, sub

OK, INVALID_NUMITEMS, SPOT_PRICE_OVERFLOW, DELTA_OVERFLOW, SPOT_PRICE_UNDERFLOW = range(5)
ZERO = (0, 0, 0, 0, 0)


def _err(code: int) -> tuple[int, ...]:
    return (code, *ZERO)


def _abi(spot: int, delta: int) -> None:
    if not (0 <= spot <= MAX128 and 0 <= delta <= MAX128):
        raise ValueError("uint128 argument out of range")


# -- linear ---------------------------------------------------------------------------

def linear_buy(S: int, d: int, n: int, F: int, P: int) -> tuple[int, ...]:
    if n == 0:
        return _err(INVALID_NUMITEMS)
    new_spot = add(S, mul(d, n))
    if new_spot > MAX128:
        return _err(SPOT_PRICE_OVERFLOW)
    buy_spot = add(S, d)
    v = add(mul(n, buy_spot), div(mul(mul(n, sub(n, 1)), d), 2))
    pf = mul_wad_up(v, P)
    tf = mul_wad_up(v, F)
    v = add(v, add(tf, pf))
    return (OK, new_spot, d, v, tf, pf)


def linear_sell(S: int, d: int, n: int, F: int, P: int) -> tuple[int, ...]:
    if n == 0:
        return _err(INVALID_NUMITEMS)
    dec = mul(d, n)
    new_spot = 0
    if S < dec:
        n = add(div(S, d), 1)
    else:
        new_spot = S - dec
    v = sub(mul(n, S), div(mul(mul(n, sub(n, 1)), d), 2))
    pf = mul_wad_up(v, P)
    tf = mul_wad_up(v, F)
    v = sub(v, add(tf, pf))
    return (OK, new_spot, d, v, tf, pf)


# -- exponential ----------------------------------------------------------------------

EXP_MIN_PRICE = 10**6


def exponential_buy(S: int, d: int, n: int, F: int, P: int) -> tuple[int, ...]:
    if n == 0:
        return _err(INVALID_NUMITEMS)
    dpn = rpow(d, n, WAD)
    new_spot = mul_wad_up(S, dpn)
    if new_spot > MAX128:
        return _err(SPOT_PRICE_OVERFLOW)
    buy_spot = mul_wad_up(S, d)
    v = mul_wad_up(buy_spot, div_wad_up(sub(dpn, WAD), sub(d, WAD)))
    pf = mul_wad_up(v, P)
    tf = mul_wad_up(v, F)
    v = add(v, add(pf, tf))
    return (OK, new_spot, d, v, tf, pf)


def exponential_sell(S: int, d: int, n: int, F: int, P: int) -> tuple[int, ...]:
    if n == 0:
        return _err(INVALID_NUMITEMS)
    inv = div_wad_down(WAD, d)
    ipn = rpow(inv, n, WAD)
    new_spot = mul_wad_down(S, ipn) & MAX128  # uint128(...) truncates
    if new_spot < EXP_MIN_PRICE:
        return _err(SPOT_PRICE_UNDERFLOW)
    v = mul_wad_down(S, div_wad_down(sub(WAD, ipn), sub(WAD, inv)))
    pf = mul_wad_up(v, P)
    tf = mul_wad_up(v, F)
    v = sub(v, add(pf, tf))
    return (OK, new_spot, d, v, tf, pf)


# -- xyk -------------------------------------------------------------------------------

def xyk_buy(x: int, y: int, n: int, F: int, P: int) -> tuple[int, ...]:
    if n == 0 or n >= y:
        return _err(INVALID_NUMITEMS)
    new_y = y - n
    v = div(mul(n, x), new_y)
    pf = mul_wad_up(v, P)
    tf = mul_wad_up(v, F)
    value = add(add(v, tf), pf)
    new_x = add(x, v)
    if new_x > MAX128:
        return _err(SPOT_PRICE_OVERFLOW)
    return (OK, new_x, new_y, value, tf, pf)


def xyk_sell(x: int, y: int, n: int, F: int, P: int) -> tuple[int, ...]:
    if n == 0:
        return _err(INVALID_NUMITEMS)
    new_y = add(y, n)
    if new_y > MAX128:
        return _err(DELTA_OVERFLOW)
    v = div(mul(n, x), new_y)
    pf = mul_wad_up(v, P)
    tf = mul_wad_up(v, F)
    value = sub(sub(v, tf), pf)
    return (OK, x - v, new_y, value, tf, pf)


# -- gda -------------------------------------------------------------------------------

GDA_MIN_PRICE = 10**9
SCALE = 10**9


def gda_unpack(delta: int) -> tuple[int, int, int]:
    alpha = ((delta >> 88) & (2**40 - 1)) * SCALE
    lam = ((delta >> 48) & (2**40 - 1)) * SCALE
    return alpha, lam, delta & (2**48 - 1)


def gda_new_delta(delta: int, now: int) -> int:
    return ((delta >> 48) << 48) | (now & (2**48 - 1))


def _gda_factor(delta: int, now: int) -> int:
    _, lam, t0 = gda_unpack(delta)
    exponent = mul(sub(now, t0), lam)
    if exponent // WAD > 10:
        exponent = 10 * WAD
    return prbmath.pow(2 * WAD, exponent)


def gda_buy(S: int, delta: int, n: int, F: int, P: int, now: int) -> tuple[int, ...]:
    if n == 0:
        return _err(INVALID_NUMITEMS)
    decay = _gda_factor(delta, now)
    alpha, _, _ = gda_unpack(delta)
    apn = prbmath.powu(alpha, n)
    new_spot = prbmath.div(prbmath.mul(S, apn), decay)
    if new_spot > MAX128:
        return _err(SPOT_PRICE_OVERFLOW)
    if new_spot < GDA_MIN_PRICE:
        return _err(SPOT_PRICE_UNDERFLOW)
    v = prbmath.div(prbmath.div(prbmath.mul(S, sub(apn, WAD)), sub(alpha, WAD)), decay)
    pf = prbmath.mul(v, P)
    tf = prbmath.mul(v, F)
    return (OK, new_spot, gda_new_delta(delta, now), add(add(v, pf), tf), tf, pf)


def gda_sell(S: int, delta: int, n: int, F: int, P: int, now: int) -> tuple[int, ...]:
    if n == 0:
        return _err(INVALID_NUMITEMS)
    boost = _gda_factor(delta, now)
    alpha, _, _ = gda_unpack(delta)
    apn = prbmath.powu(alpha, n)
    boosted = prbmath.mul(S, boost)
    new_spot = prbmath.div(boosted, apn)
    if new_spot > MAX128:
        return _err(SPOT_PRICE_OVERFLOW)
    if new_spot < GDA_MIN_PRICE:
        return _err(SPOT_PRICE_UNDERFLOW)
    v = prbmath.div(prbmath.mul(prbmath.div(boosted, prbmath.div(apn, alpha)), sub(apn, WAD)), sub(alpha, WAD))
    pf = prbmath.mul(v, P)
    tf = prbmath.mul(v, F)
    return (OK, new_spot, gda_new_delta(delta, now), sub(sub(v, pf), tf), tf, pf)


def get_buy_info(curve: str, S: int, d: int, n: int, F: int, P: int, timestamp: int | None = None) -> tuple[int, ...]:
    _abi(S, d)
    if curve == "gda":
        assert timestamp is not None
        return gda_buy(S, d, n, F, P, timestamp)
    return {"linear": linear_buy, "exponential": exponential_buy, "xyk": xyk_buy}[curve](S, d, n, F, P)


def get_sell_info(curve: str, S: int, d: int, n: int, F: int, P: int, timestamp: int | None = None) -> tuple[int, ...]:
    _abi(S, d)
    if curve == "gda":
        assert timestamp is not None
        return gda_sell(S, d, n, F, P, timestamp)
    return {"linear": linear_sell, "exponential": exponential_sell, "xyk": xyk_sell}[curve](S, d, n, F, P)


__all__ = ["get_buy_info", "get_sell_info", "RefRevert"]
