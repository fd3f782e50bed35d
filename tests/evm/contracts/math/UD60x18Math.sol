// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FullMath} from "./FullMath.sol";

// The custom errors carry PRBMath v3.3.2's names and parameter types, so their selectors are the
// ones PRBMath (PaulRBerg/prb-math @1edf08d) emits.  `cushion.Revert.reason` holds the same names.
// (PRBMath declares the UD60x18 arguments as the UD60x18 value type, whose ABI type is uint256.)

/// @notice mulDiv's quotient does not fit 256 bits (or the denominator is 0 while x * y >= 2^256).
error PRBMath_MulDiv_Overflow(uint256 x, uint256 y, uint256 denominator);
/// @notice mulDiv18's quotient does not fit 256 bits.
error PRBMath_MulDiv18_Overflow(uint256 x, uint256 y);
/// @notice exp2's input is 192e18 or more (2^192 does not fit the 192.64-bit format).
error PRBMath_UD60x18_Exp2_InputTooBig(uint256 x);
/// @notice log2's input is below 1e18 (its logarithm would be negative).
error PRBMath_UD60x18_Log_InputTooSmall(uint256 x);

/// @title UD60x18Math: unsigned 60.18-decimal fixed point with PRBMath v3.3.2 semantics, as the
///        GDA curve needs it (mul, div, powu, log2, exp2, pow).
/// @notice The on-chain counterpart of `cushion.num.prbmath` (C++: cushion/num/prbmath.hpp).
///        A UD60x18 is a plain uint256 read as value / 1e18.
/// @dev Every operation truncates (rounds toward zero).  v3.3.2 specifics: pow has no reciprocal
///      branch, so 0 < x < 1e18 reverts in log2 unless y == 1e18; exp2 rejects x >= 192e18.
library UD60x18Math {
    /// @dev 1.0, 0.5 and 2.0 as UD60x18.
    uint256 internal constant UNIT = 1e18;
    uint256 internal constant HALF_UNIT = 0.5e18;
    uint256 internal constant DOUBLE_UNIT = 2e18;
    /// @dev exp2 accepts x < 192e18 only.
    uint256 internal constant EXP2_INPUT_LIMIT = 192e18;

    /// @dev prbExp2's 64 magic factors, for the fractional bits 2^-1 (first) down to 2^-64 (last):
    ///      bit 63 - i of the 64.64 input multiplies the result by 2^(2^-(i+1)), stored here as the
    ///      64.64 fixed-point number 2^64 + f rounded to nearest; each entry is f in 8 bytes.
    ///      (tests/evm checks every entry against a 60-digit evaluation of 2^(2^-k).)
    bytes internal constant EXP2_FRACTIONS = hex"6a09e667f3bcc909306fe0a31b7152df172b83c7d517adce0b5586cf9890f62a"
        hex"059b0d31585743ae02c9a3e778060ee70163da9fb33356d800b1afa5abcbed61"
        hex"0058c86da1c09ea2002c605e2e8cec5000162f3904051fa1000b175effdc76ba"
        hex"00058ba01fb9f96d0002c5cc37da9492000162e525ee05470000b17255775c04"
        hex"000058b91b5bc9ae00002c5c89d5ec6d0000162e43f4f83100000b1721bcfc9a"
        hex"0000058b90cf1e6e000002c5c863b73f00000162e430e5a2000000b172183551"
        hex"00000058b90c0b490000002c5c8601cc000000162e42fff00000000b17217fbb"
        hex"000000058b90bfce00000002c5c85fe30000000162e42ff100000000b17217f8"
        hex"0000000058b90bfc000000002c5c85fe00000000162e42ff000000000b17217f"
        hex"00000000058b90c00000000002c5c860000000000162e4300000000000b17218"
        hex"000000000058b90c00000000002c5c860000000000162e4300000000000b1721"
        hex"0000000000058b91000000000002c5c800000000000162e4000000000000b172"
        hex"00000000000058b90000000000002c5d000000000000162e0000000000000b17"
        hex"000000000000058c00000000000002c6000000000000016300000000000000b1"
        hex"0000000000000059000000000000002c0000000000000016000000000000000b"
        hex"0000000000000006000000000000000300000000000000010000000000000001";

    // ------------------------------------------------------------------------------------------
    // Common.sol
    // ------------------------------------------------------------------------------------------

    /// @notice The index of the most significant set bit of x; 0 for x == 0.
    function msb(uint256 x) internal pure returns (uint256 result) {
        // Binary search: halve the window while the upper half holds a set bit.
        for (uint256 width = 128; width > 0; width >>= 1) {
            if (x >> width != 0) {
                x >>= width;
                result += width;
            }
        }
    }

    /// @notice floor(x * y / denominator) on the full 512-bit product (Common.mulDiv).
    /// @dev Reverts:
    ///      - x * y < 2^256 and denominator == 0: Panic(0x12), the plain division's;
    ///      - x * y >= 2^256 and denominator <= (x * y) >> 256: PRBMath_MulDiv_Overflow
    ///        (denominator == 0 included).
    function mulDiv(uint256 x, uint256 y, uint256 denominator) internal pure returns (uint256) {
        (uint256 prod0, uint256 prod1) = FullMath.mul512(x, y);
        if (prod1 == 0) {
            return prod0 / denominator; // checked: Panic(0x12) on a zero denominator
        }
        if (prod1 >= denominator) revert PRBMath_MulDiv_Overflow(x, y, denominator);
        return FullMath.divide512(prod0, prod1, denominator, mulmod(x, y, denominator));
    }

    /// @notice floor(x * y / 1e18) on the full 512-bit product (Common.mulDiv18).
    /// @dev Reverts with PRBMath_MulDiv18_Overflow when (x * y) >> 256 >= 1e18, i.e. when the
    ///      quotient needs more than 256 bits.
    function mulDiv18(uint256 x, uint256 y) internal pure returns (uint256) {
        (uint256 prod0, uint256 prod1) = FullMath.mul512(x, y);
        if (prod1 >= UNIT) revert PRBMath_MulDiv18_Overflow(x, y);
        if (prod1 == 0) {
            unchecked {
                return prod0 / UNIT;
            }
        }
        return FullMath.divide512(prod0, prod1, UNIT, mulmod(x, y, UNIT));
    }

    /// @notice 2^x for x in unsigned 192.64-bit fixed point, returned as UD60x18 (Common.prbExp2).
    /// @dev Never reverts (PRBMath runs it `unchecked`).  The result starts at 0.5 = 2^191 in
    ///      192.64; every set fractional bit multiplies it by its factor and truncates (>> 64), most
    ///      significant bit first; the factors' product stays below 2, so nothing wraps.  Finally
    ///      the result is scaled to 18 decimals and shifted right by 191 - (integer part), which
    ///      both applies 2^(integer part) and undoes the initial 0.5 (truncating).  An integer part
    ///      above 191 makes the shift 256 or more, which gives 0.
    function prbExp2(uint256 x) internal pure returns (uint256 result) {
        unchecked {
            result = 1 << 191;
            for (uint256 bit = 64; bit > 0;) {
                --bit;
                if ((x >> bit) & 1 == 1) result = (result * exp2Factor(bit)) >> 64; // truncates
            }
            result *= UNIT;
            uint256 shift = 191 - (x >> 64); // wraps for an integer part above 191
            assembly ("memory-safe") {
                result := shr(shift, result) // SHR by 256 or more gives 0
            }
        }
    }

    /// @notice The factor prbExp2 applies for the fractional bit `bit` of its 64.64 input
    ///         (63 is 2^-1, 0 is 2^-64): 2^(2^(bit - 64)) in 64.64, i.e. 2^64 + EXP2_FRACTIONS[63 - bit].
    function exp2Factor(uint256 bit) internal pure returns (uint256 factor) {
        bytes memory fractions = EXP2_FRACTIONS;
        assembly ("memory-safe") {
            // Entry 63 - bit: 8 bytes, read as the top 64 bits of a word.
            factor := add(shl(64, 1), shr(192, mload(add(add(fractions, 32), mul(sub(63, bit), 8)))))
        }
    }

    // ------------------------------------------------------------------------------------------
    // ud60x18/Math.sol
    // ------------------------------------------------------------------------------------------

    /// @notice x * y as UD60x18: floor(x * y / 1e18).  Reverts as mulDiv18.
    function mul(uint256 x, uint256 y) internal pure returns (uint256) {
        return mulDiv18(x, y);
    }

    /// @notice x / y as UD60x18: floor(x * 1e18 / y).  Reverts as mulDiv(x, 1e18, y).
    function div(uint256 x, uint256 y) internal pure returns (uint256) {
        return mulDiv(x, UNIT, y);
    }

    /// @notice x^y for a UD60x18 x and an integer y, by binary exponentiation with mulDiv18 at
    ///         every step (each truncates, so the error compounds downward).  powu(x, 0) = 1e18.
    /// @dev Reverts with PRBMath_MulDiv18_Overflow when a squaring or a product does not fit.
    function powu(uint256 x, uint256 y) internal pure returns (uint256 result) {
        result = y & 1 > 0 ? x : UNIT;
        for (y >>= 1; y > 0; y >>= 1) {
            x = mulDiv18(x, x);
            if (y & 1 > 0) {
                result = mulDiv18(result, x);
            }
        }
    }

    /// @notice log2(x) by the iterative squaring method; the result is truncated.
    /// @dev Reverts with PRBMath_UD60x18_Log_InputTooSmall when x < 1e18.  The integer part is
    ///      n = msb(x / 1e18); y = x >> n lies in [1e18, 2e18).  Each of the 60 fractional steps
    ///      squares y (truncating); a square of 2 or more sets the step's bit and halves y.
    function log2(uint256 x) internal pure returns (uint256 result) {
        if (x < UNIT) revert PRBMath_UD60x18_Log_InputTooSmall(x);
        unchecked {
            uint256 n = msb(x / UNIT);
            result = n * UNIT;
            uint256 y = x >> n;
            if (y == UNIT) return result; // x / 1e18 is an exact power of two
            for (uint256 delta = HALF_UNIT; delta > 0; delta >>= 1) {
                y = (y * y) / UNIT;
                if (y >= DOUBLE_UNIT) {
                    result += delta;
                    y >>= 1;
                }
            }
        }
    }

    /// @notice 2^x for a UD60x18 x.
    /// @dev Reverts with PRBMath_UD60x18_Exp2_InputTooBig when x >= 192e18.  The conversion to
    ///      192.64 fixed point, (x << 64) / 1e18, truncates.
    function exp2(uint256 x) internal pure returns (uint256) {
        if (x >= EXP2_INPUT_LIMIT) revert PRBMath_UD60x18_Exp2_InputTooBig(x);
        return prbExp2((x << 64) / UNIT);
    }

    /// @notice x^y for UD60x18 x and y (v3.3.2): 0^0 = 1e18, 0^y = 0, x^1e18 = x, otherwise
    ///         exp2(mul(log2(x), y)), truncating at log2, mul and exp2.
    /// @dev Reverts: 0 < x < 1e18 with y != 1e18 (log2's InputTooSmall); mul's MulDiv18_Overflow;
    ///      exp2's InputTooBig when log2(x) * y / 1e18 >= 192e18.
    function pow(uint256 x, uint256 y) internal pure returns (uint256) {
        if (x == 0) return y == 0 ? UNIT : 0;
        if (y == UNIT) return x;
        return exp2(mul(log2(x), y));
    }
}
