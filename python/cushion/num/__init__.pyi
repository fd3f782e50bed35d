"""Type stubs for cushion.num."""

from typing import Final, Literal

from . import prbmath as prbmath
from . import solmate as solmate

WAD: Final[int]
MAX_UINT256: Final[int]
MAX_UINT128: Final[int]

def mul_div(a: int, b: int, denominator: int, rounding: Literal["down", "up"] = "down") -> int:
    """a * b / denominator on the 512-bit product (FullMath); Revert on zero or overflow."""

def mulmod(a: int, b: int, denominator: int) -> int:
    """(a * b) % denominator on the 512-bit product; 0 when denominator == 0."""
