"""Caviar private pools, reproduced bit for bit.

The quote functions of ``PrivatePool.sol`` (outdoteth/caviar-private-pools): a weighted
constant-product pool whose NFTs carry 18-decimal weights (a floor NFT weighs ``10**18``,
one worth 2.3 floors ``2.3e18``) and whose virtual NFT reserve counts weight.  All
arguments and results are Python ints in base units.

* :func:`buy_quote` — ``buyQuote(weightSum)``: ``(net_input, fee, protocol_fee)``; the
  xy=k input ``ceil(w * vB / (vN - w))`` is rounded **up**;
* :func:`sell_quote` — ``sellQuote(weightSum)``: ``(net_output, fee, protocol_fee)``;
  the output ``floor(w * vB / (vN + w))`` is rounded down;
* :func:`change_fee_quote` — ``changeFeeQuote(weightSumIn)``: ``(fee, protocol_fee)``;
* :func:`change_quote` — ``change``'s fee, with its ``InsufficientInputWeight`` check.

Fees are floored basis points of the xy=k amount: the pool's ``feeRate`` (at most 5000,
``FeeRateTooHigh`` otherwise) and the factory's ``protocolFeeRate``.  Where the contract
reverts, :class:`cushion.Revert` is raised: buying the last unit of weight (``w == vN``)
divides by zero, ``w > vN`` underflows, a sell's ``w * vB`` past ``2**256`` overflows, a
sell whose fee rates sum past 100% underflows, and a change
fee with a base token of fewer than 4 decimals underflows (Code4rena 2023-04 M-03).  Pool
states the contract cannot hold (a reserve ``>= 2**128``, ``feeRate > 5000``) raise
``OverflowError`` / ``ValueError`` instead.

These are a thin layer over the exact weighted XYK curve, :class:`cushion.exact.WeightedXYK`
(its ``buy`` / ``sell`` also apply the trade to the reserves, as ``PrivatePool.buy`` / ``sell``
do).  Royalties (paid on top when ``payRoyalties`` is set) are not part of the quotes.

Example (the contract's own test vectors)::

    >>> from cushion import caviar
    >>> caviar.buy_quote(100 * 10**18, 5 * 10**18, 10**18, 200, 0)
    (25500000000000000000, 500000000000000000, 0)
    >>> caviar.sell_quote(100 * 10**18, 5 * 10**18, 10**18, 200, 0)
    (16333333333333333333, 333333333333333333, 0)
    >>> caviar.buy_quote(10, 1000, 10, 200, 0)   # 10 * 10 / 990 rounds up to 1
    (1, 0, 0)
"""

from __future__ import annotations

from ._core import caviar as _caviar

buy_quote = _caviar.buy_quote
sell_quote = _caviar.sell_quote
change_fee_quote = _caviar.change_fee_quote
change_quote = _caviar.change_quote

#: ``PrivatePool`` rejects fee rates above 50% (``FeeRateTooHigh``).
MAX_FEE_RATE_BPS = 5000
#: Fee rates are basis points.
BPS = 10_000
#: The weight of a floor NFT.
FLOOR_WEIGHT = 10**18

__all__ = [
    "BPS",
    "FLOOR_WEIGHT",
    "MAX_FEE_RATE_BPS",
    "buy_quote",
    "change_fee_quote",
    "change_quote",
    "sell_quote",
]
