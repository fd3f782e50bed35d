"""Solidity 0.8 uint256 arithmetic, FullMath and solmate, on Python's unbounded ints.

Written straight from the Solidity semantics as an independent oracle for the C++
exact mode.  Every function raises RefRevert where the on-chain code reverts.
"""

from __future__ import annotations

from .errors import RefRevert

MAX256 = 2**256 - 1
MAX128 = 2**128 - 1
WAD = 10**18


def check(v: int) -> int:
    if v < 0:
        raise RefRevert("underflow", "uint256 underflow")
    if v > MAX256:
        raise RefRevert("overflow", "uint256 overflow")
    return v


def add(a: int, b: int) -> int:
    return check(a + b)


def sub(a: int, b: int) -> int:
    return check(a - b)


def mul(a: int, b: int) -> int:
    return check(a * b)


def div(a: int, b: int) -> int:
    if b == 0:
        raise RefRevert("division_by_zero", "uint256 division by zero")
    return a // b


def fullmath_mul_div(a: int, b: int, d: int, up: bool = False) -> int:
    """Uniswap v3 FullMath.mulDiv / mulDivRoundingUp."""
    if d == 0:
        raise RefRevert("division_by_zero", "mul_div: denominator is zero")
    q, r = divmod(a * b, d)
    if q > MAX256:
        raise RefRevert("overflow", "mul_div: result does not fit")
    if up and r:
        if q == MAX256:
            raise RefRevert("overflow", "mul_div: rounding up overflows")
        q += 1
    return q


def solmate_mul_div(x: int, y: int, d: int, up: bool) -> int:
    """solmate mulDivDown/Up: require(d != 0 && (y == 0 || x <= MAX / y))."""
    if d == 0:
        raise RefRevert("division_by_zero", "solmate mulDiv: denominator is zero")
    if x * y > MAX256:
        raise RefRevert("overflow", "solmate mulDiv: x * y overflows")
    q, r = divmod(x * y, d)
    return q + 1 if (up and r > 0) else q


def mul_wad_down(x: int, y: int) -> int:
    return solmate_mul_div(x, y, WAD, False)


def mul_wad_up(x: int, y: int) -> int:
    return solmate_mul_div(x, y, WAD, True)


def div_wad_down(x: int, y: int) -> int:
    return solmate_mul_div(x, WAD, y, False)


def div_wad_up(x: int, y: int) -> int:
    return solmate_mul_div(x, WAD, y, True)


def evm_div(a: int, b: int) -> int:
    return 0 if b == 0 else a // b


def rpow(x: int, n: int, scalar: int) -> int:
    """solmate rpow (MakerDAO): round half up at every step, assembly semantics."""
    if x == 0:
        return scalar if n == 0 else 0
    z = x if n % 2 else scalar
    half = scalar >> 1
    n >>= 1
    while n:
        if x >> 128:
            raise RefRevert("overflow", "rpow: x^2 overflows")
        xx = x * x
        if xx + half > MAX256:
            raise RefRevert("overflow", "rpow: x^2 + half overflows")
        x = evm_div(xx + half, scalar)
        if n % 2:
            zx = z * x
            if zx > MAX256 and x != 0:
                raise RefRevert("overflow", "rpow: z * x overflows")
            zx &= MAX256
            if zx + half > MAX256:
                raise RefRevert("overflow", "rpow: z * x + half overflows")
            z = evm_div(zx + half, scalar)
        n >>= 1
    return z
