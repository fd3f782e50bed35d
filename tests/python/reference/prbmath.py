"""Pure-Python reference for PRBMath v3.3.2 UD60x18 (unbounded ints; the EVM's 256-bit
wrapping is applied by hand wherever the Solidity code relies on it).

Written directly from the algorithms, as simply as possible, to serve as the oracle for
differential tests of ``cushion/num/prbmath.hpp``.  It deliberately shares nothing with the
C++ port: mulDiv / mulDiv18 follow the Solidity assembly step by step (Chinese-remainder
product, modular inverse), and exp2's 64 magic factors are derived here from
high-precision arithmetic instead of being copied from a table.

Every revert raises ``RefRevert(kind, reason)``:
  - Solidity Panic 0x11 -> 'overflow' / 'underflow'
  - Solidity Panic 0x12 -> 'division_by_zero'
  - a PRBMath custom error -> 'custom', reason = the error's name.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal, localcontext

from .errors import RefRevert

WORD = 1 << 256
MAX_UINT256 = WORD - 1

UNIT = 10**18
HALF_UNIT = UNIT // 2
DOUBLE_UNIT = 2 * UNIT
MAX_UD60X18 = MAX_UINT256
MAX_WHOLE_UD60X18 = MAX_UD60X18 - MAX_UD60X18 % UNIT
LOG2_E = 1_442695040888963407
LOG2_10 = 3_321928094887362347
E = 2_718281828459045235
PI = 3_141592653589793238
EXP_INPUT_LIMIT = 133_084258667509499441  # exp reverts for x >= this
EXP2_INPUT_LIMIT = 192 * UNIT  # exp2 reverts for x >= this

# Common.sol constants used by mulDiv18's assembly.
UNIT_LPOTD = 262144  # 2^18, the largest power of two dividing 1e18
UNIT_INVERSE = 78156646155174841979727994598816262306175212592076161876661_508869554232690281

ERR_MULDIV_OVERFLOW = "PRBMath_MulDiv_Overflow"
ERR_MULDIV18_OVERFLOW = "PRBMath_MulDiv18_Overflow"
ERR_EXP_TOO_BIG = "PRBMath_UD60x18_Exp_InputTooBig"
ERR_EXP2_TOO_BIG = "PRBMath_UD60x18_Exp2_InputTooBig"
ERR_LOG_TOO_SMALL = "PRBMath_UD60x18_Log_InputTooSmall"
ERR_CONVERT_OVERFLOW = "PRBMath_UD60x18_Convert_Overflow"


def _check_word(*values: int) -> None:
    for v in values:
        if not 0 <= v <= MAX_UINT256:
            raise ValueError(f"not a uint256: {v}")


def _wrap(v: int) -> int:
    """v mod 2^256: the result of an unchecked / assembly operation."""
    return v % WORD


# ---------------------------------------------------------------------------------------
# Common.sol
# ---------------------------------------------------------------------------------------


def msb(x: int) -> int:
    """Index of the most significant set bit; 0 for x == 0 (the assembly never branches)."""
    _check_word(x)
    return max(x.bit_length() - 1, 0)


def _split_product(x: int, y: int) -> tuple[int, int]:
    """[prod1 prod0] the way the assembly gets it: from MUL and MULMOD(x, y, 2^256 - 1)."""
    mm = (x * y) % MAX_UINT256
    prod0 = _wrap(x * y)
    prod1 = _wrap(_wrap(mm - prod0) - (1 if mm < prod0 else 0))
    return prod1, prod0


def mul_div(x: int, y: int, denominator: int) -> int:
    """Common.mulDiv: floor(x*y/denominator) with a 512-bit intermediate."""
    _check_word(x, y, denominator)
    prod1, prod0 = _split_product(x, y)
    if prod1 == 0:
        # `unchecked { return prod0 / denominator; }`: unchecked keeps the zero-division panic.
        if denominator == 0:
            raise RefRevert("division_by_zero", "mulDiv: division by zero")
        return prod0 // denominator
    if prod1 >= denominator:  # also catches denominator == 0 when the product is wide
        raise RefRevert("custom", ERR_MULDIV_OVERFLOW)
    remainder = (x * y) % denominator  # MULMOD
    prod1 = _wrap(prod1 - (1 if remainder > prod0 else 0))
    prod0 = _wrap(prod0 - remainder)
    lpotdod = denominator & _wrap(_wrap(~denominator) + 1)
    denominator //= lpotdod
    prod0 //= lpotdod
    lpotdod = _wrap((_wrap(0 - lpotdod) // lpotdod) + 1)
    prod0 |= _wrap(prod1 * lpotdod)
    inverse = _wrap(3 * denominator) ^ 2
    for _ in range(6):  # Newton-Raphson: 8, 16, 32, 64, 128, 256 correct bits
        inverse = _wrap(inverse * _wrap(2 - _wrap(denominator * inverse)))
    return _wrap(prod0 * inverse)


def mul_div18(x: int, y: int) -> int:
    """Common.mulDiv18: floor(x*y/1e18) with a 512-bit intermediate (it truncates)."""
    _check_word(x, y)
    prod1, prod0 = _split_product(x, y)
    if prod1 >= UNIT:
        raise RefRevert("custom", ERR_MULDIV18_OVERFLOW)
    remainder = (x * y) % UNIT
    if prod1 == 0:
        return prod0 // UNIT
    low = _wrap(prod0 - remainder) // UNIT_LPOTD
    high = _wrap(
        _wrap(prod1 - (1 if remainder > prod0 else 0))
        * _wrap(_wrap(0 - UNIT_LPOTD) // UNIT_LPOTD + 1)
    )
    return _wrap((low | high) * UNIT_INVERSE)


def _exp2_factors() -> list[int]:
    """The 64 factors 2^(2^(k-64)) in 64.64 fixed point, rounded to nearest, for bit k."""
    factors = []
    with localcontext() as ctx:
        ctx.prec = 120
        for k in range(64):
            exact = Decimal(2) ** (Decimal(2) ** (k - 64)) * (Decimal(2) ** 64)
            factors.append(int(exact.to_integral_value(rounding=ROUND_HALF_EVEN)))
    return factors


_EXP2_FACTORS = _exp2_factors()


def prb_exp2(x: int) -> int:
    """Common.prbExp2: 2^x for x in 192.64 fixed point, result in 60.18.  All unchecked."""
    _check_word(x)
    result = 1 << 191  # 0.5 in 192.64
    for k in range(63, -1, -1):  # the fractional bits, most significant first
        if (x >> k) & 1:
            result = _wrap(result * _EXP2_FACTORS[k]) >> 64
    result = _wrap(result * UNIT)
    shift = _wrap(191 - (x >> 64))  # unchecked: wraps when the integer part exceeds 191
    return result >> shift if shift < 256 else 0


# ---------------------------------------------------------------------------------------
# UD60x18
# ---------------------------------------------------------------------------------------


def add(x: int, y: int) -> int:
    _check_word(x, y)
    if x + y > MAX_UINT256:
        raise RefRevert("overflow", "addition overflow")
    return x + y


def sub(x: int, y: int) -> int:
    _check_word(x, y)
    if y > x:
        raise RefRevert("underflow", "subtraction underflow")
    return x - y


def mul(x: int, y: int) -> int:
    return mul_div18(x, y)


def div(x: int, y: int) -> int:
    return mul_div(x, UNIT, y)


def convert_to_uint(x: int) -> int:
    """convert(UD60x18) -> uint256: x / 1e18, rounding down."""
    _check_word(x)
    return x // UNIT


def convert_from_uint(x: int) -> int:
    """convert(uint256) -> UD60x18: x * 1e18."""
    _check_word(x)
    if x > MAX_UD60X18 // UNIT:
        raise RefRevert("custom", ERR_CONVERT_OVERFLOW)
    return x * UNIT


def log2(x: int) -> int:
    _check_word(x)
    if x < UNIT:
        raise RefRevert("custom", ERR_LOG_TOO_SMALL)
    n = msb(x // UNIT)
    result = n * UNIT
    y = x >> n
    if y == UNIT:
        return result
    delta = HALF_UNIT
    while delta > 0:
        y = (y * y) // UNIT
        if y >= DOUBLE_UNIT:
            result += delta
            y >>= 1
        delta >>= 1
    return result


def exp2(x: int) -> int:
    _check_word(x)
    if x >= EXP2_INPUT_LIMIT:
        raise RefRevert("custom", ERR_EXP2_TOO_BIG)
    return prb_exp2((x << 64) // UNIT)


def exp(x: int) -> int:
    _check_word(x)
    if x >= EXP_INPUT_LIMIT:
        raise RefRevert("custom", ERR_EXP_TOO_BIG)
    return exp2(_wrap(x * LOG2_E) // UNIT)


def ln(x: int) -> int:
    return _wrap(log2(x) * UNIT) // LOG2_E


def log10(x: int) -> int:
    _check_word(x)
    if x < UNIT:
        raise RefRevert("custom", ERR_LOG_TOO_SMALL)
    for k in range(18, 78):  # the hard-coded powers of ten reachable past the check
        if x == 10**k:
            return (k - 18) * UNIT
    return _wrap(log2(x) * UNIT) // LOG2_10


def pow(x: int, y: int) -> int:  # noqa: A001 - the PRBMath name
    """x^y.  v3.3.2 has no reciprocal branch: 0 < x < 1e18 reverts in log2 unless y == 1e18."""
    _check_word(x, y)
    if x == 0:
        return UNIT if y == 0 else 0
    if y == UNIT:
        return x
    return exp2(mul(log2(x), y))


def powu(x: int, y: int) -> int:
    """x^y for an integer exponent y by squaring; every mulDiv18 truncates and may revert."""
    _check_word(x, y)
    result = x if y & 1 else UNIT
    y >>= 1
    while y > 0:
        x = mul_div18(x, x)
        if y & 1:
            result = mul_div18(result, x)
        y >>= 1
    return result


#: The functions a differential test iterates over: name -> (callable, arity).
FUNCTIONS = {
    "mul_div": (mul_div, 3),
    "mul_div18": (mul_div18, 2),
    "msb": (msb, 1),
    "add": (add, 2),
    "sub": (sub, 2),
    "mul": (mul, 2),
    "div": (div, 2),
    "convert_to_uint": (convert_to_uint, 1),
    "convert_from_uint": (convert_from_uint, 1),
    "log2": (log2, 1),
    "exp2": (exp2, 1),
    "prb_exp2": (prb_exp2, 1),
    "exp": (exp, 1),
    "ln": (ln, 1),
    "log10": (log10, 1),
    "pow": (pow, 2),
    "powu": (powu, 2),
}
