"""sudoswap v2 bonding curves, reproduced bit for bit.

``get_buy_info`` / ``get_sell_info`` take ICurve's arguments as Python ints and
return ICurve's tuple ``(error, new_spot_price, new_delta, value, trade_fee,
protocol_fee)``; ``error`` is a ``CurveErrorCodes.Error`` value (see
:class:`cushion.CurveError`) and all other fields are 0 when it is not OK.  Where
the contract reverts they raise :class:`cushion.Revert`.  ``curve`` is one of
``"linear"``, ``"exponential"``, ``"xyk"``, ``"gda"``; GDA needs ``timestamp``
(``block.timestamp``).

Example::

    >>> import cushion
    >>> cushion.sudoswap.get_buy_info("exponential", 3 * 10**18, 2 * 10**18, 5, 5 * 10**15, 3 * 10**15)
    (0, 96000000000000000000, 2000000000000000000, 187488000000000000000, 930000000000000000, 558000000000000000)
"""

from __future__ import annotations

from ._core import sudoswap as _sudoswap

get_buy_info = _sudoswap.get_buy_info
get_sell_info = _sudoswap.get_sell_info
pack_gda_delta = _sudoswap.pack_gda_delta
unpack_gda_delta = _sudoswap.unpack_gda_delta

#: Error codes, as in ``CurveErrorCodes.Error``.
OK, INVALID_NUMITEMS, SPOT_PRICE_OVERFLOW, DELTA_OVERFLOW, SPOT_PRICE_UNDERFLOW, AUCTION_ENDED = range(6)
#: ExponentialCurve.MIN_PRICE (wei).
EXPONENTIAL_MIN_PRICE = 10**6
#: GDACurve.MIN_PRICE (wei).
GDA_MIN_PRICE = 10**9
CURVES = ("linear", "exponential", "xyk", "gda")

__all__ = [
    "AUCTION_ENDED",
    "CURVES",
    "DELTA_OVERFLOW",
    "EXPONENTIAL_MIN_PRICE",
    "GDA_MIN_PRICE",
    "INVALID_NUMITEMS",
    "OK",
    "SPOT_PRICE_OVERFLOW",
    "SPOT_PRICE_UNDERFLOW",
    "get_buy_info",
    "get_sell_info",
    "pack_gda_delta",
    "unpack_gda_delta",
]
