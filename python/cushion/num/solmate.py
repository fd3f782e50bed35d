"""solmate FixedPointMathLib (transmissions11/solmate @3a752b8), exactly.

Not 512-bit: ``x * y`` must fit in 256 bits or the call reverts (that is the
difference from :func:`cushion.num.mul_div`).
"""

from __future__ import annotations

from .._core import num as _num

mul_div_down = _num.solmate.mul_div_down
mul_div_up = _num.solmate.mul_div_up
mul_wad_down = _num.solmate.mul_wad_down
mul_wad_up = _num.solmate.mul_wad_up
div_wad_down = _num.solmate.div_wad_down
div_wad_up = _num.solmate.div_wad_up
rpow = _num.solmate.rpow

__all__ = ["div_wad_down", "div_wad_up", "mul_div_down", "mul_div_up", "mul_wad_down", "mul_wad_up", "rpow"]
