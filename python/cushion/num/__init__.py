"""Exact EVM arithmetic on uint256, with Python ints in and out.

* :func:`mul_div` — ``a * b / d`` on the 512-bit product (Uniswap FullMath), floor or ceil;
* :mod:`cushion.num.solmate` — solmate's WAD helpers (which revert when ``x * y``
  overflows 256 bits, unlike FullMath) and ``rpow``;
* :mod:`cushion.num.prbmath` — PRBMath v3.3.2 UD60x18 ``mul``, ``div``, ``powu``,
  ``log2``, ``exp2``, ``pow``.

Arguments must be ints in ``[0, 2**256)``: negatives and larger values raise
``OverflowError`` naming the argument, floats and bools ``TypeError``.  Where the
Solidity reverts, :class:`cushion.Revert` is raised.
"""

from __future__ import annotations

from .._core import num as _num

mul_div = _num.mul_div
mulmod = _num.mulmod

from . import prbmath, solmate  # noqa: E402

WAD = 10**18
MAX_UINT256 = 2**256 - 1
MAX_UINT128 = 2**128 - 1

__all__ = ["MAX_UINT128", "MAX_UINT256", "WAD", "mul_div", "mulmod", "prbmath", "solmate"]
