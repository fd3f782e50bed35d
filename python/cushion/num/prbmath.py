"""PRBMath v3.3.2 UD60x18 (unsigned 60.18-decimal fixed point), exactly as deployed.

Custom errors raise :class:`cushion.Revert` with ``kind == RevertKind.CUSTOM`` and
``reason`` set to the PRBMath error name (e.g. ``"PRBMath_UD60x18_Exp2_InputTooBig"``).
"""

from __future__ import annotations

from .._core import num as _num

mul = _num.prbmath.mul
div = _num.prbmath.div
powu = _num.prbmath.powu
log2 = _num.prbmath.log2
exp2 = _num.prbmath.exp2
pow = _num.prbmath.pow  # noqa: A001 - PRBMath's name
mul_div = _num.prbmath.mul_div
mul_div18 = _num.prbmath.mul_div18

UNIT = 10**18

__all__ = ["UNIT", "div", "exp2", "log2", "mul", "mul_div", "mul_div18", "pow", "powu"]
