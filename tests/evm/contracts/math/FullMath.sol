// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title FullMath: a * b / d with a 512-bit intermediate (Uniswap v3 FullMath semantics).
/// @notice The on-chain counterpart of `cushion.num.mul_div` (C++: cushion/num/mul_div.hpp).
/// @dev Unlike the solmate helpers in FixedPointMath, the product a * b may exceed 2^256: only the
///      quotient must fit.  Both functions revert with empty data (a bare `require`), as FullMath does.
library FullMath {
    /// @notice floor(a * b / denominator), exact on the full 512-bit product.
    /// @dev Reverts (empty data) when denominator == 0 or when the quotient needs more than 256 bits.
    function mulDiv(uint256 a, uint256 b, uint256 denominator) internal pure returns (uint256 result) {
        (uint256 prod0, uint256 prod1) = mul512(a, b);

        // The product fits 256 bits: an ordinary division (denominator == 0 reverts here).
        if (prod1 == 0) {
            require(denominator > 0);
            unchecked {
                return prod0 / denominator;
            }
        }

        // floor(p / d) < 2^256 exactly when the high word is below d; this also rejects d == 0.
        require(denominator > prod1);
        return divide512(prod0, prod1, denominator, mulmod(a, b, denominator));
    }

    /// @notice ceil(a * b / denominator): mulDiv plus one when the division leaves a remainder.
    /// @dev Reverts as mulDiv, and also when rounding up would carry past 2^256 - 1.
    function mulDivRoundingUp(uint256 a, uint256 b, uint256 denominator) internal pure returns (uint256 result) {
        result = mulDiv(a, b, denominator);
        if (mulmod(a, b, denominator) > 0) {
            require(result < type(uint256).max);
            unchecked {
                ++result;
            }
        }
    }

    /// @notice The 512-bit product a * b as [prod1 prod0] (high word, low word).
    /// @dev mul gives the product mod 2^256 and mulmod the product mod 2^256 - 1; the Chinese
    ///      remainder theorem recombines them: prod1 = (mm - prod0) - (mm < prod0 ? 1 : 0).
    function mul512(uint256 a, uint256 b) internal pure returns (uint256 prod0, uint256 prod1) {
        assembly ("memory-safe") {
            let mm := mulmod(a, b, not(0))
            prod0 := mul(a, b)
            prod1 := sub(sub(mm, prod0), lt(mm, prod0))
        }
    }

    /// @notice floor([prod1 prod0] / denominator) for prod1 < denominator, given the remainder
    ///         [prod1 prod0] mod denominator.
    /// @dev Subtracting the remainder makes the division exact; the power of two in the
    ///      denominator is divided out of both sides; the odd rest is inverted modulo 2^256 by
    ///      Newton-Raphson, and one multiplication by the inverse gives the exact quotient.
    ///      Everything is modular on purpose (`unchecked`, assembly).
    function divide512(uint256 prod0, uint256 prod1, uint256 denominator, uint256 remainder)
        internal
        pure
        returns (uint256 result)
    {
        unchecked {
            // [prod1 prod0] -= remainder: now an exact multiple of denominator.
            assembly ("memory-safe") {
                prod1 := sub(prod1, gt(remainder, prod0))
                prod0 := sub(prod0, remainder)
            }

            // twos = the largest power of two dividing denominator (d & -d, never 0 here).
            uint256 twos = denominator & (0 - denominator);
            assembly ("memory-safe") {
                denominator := div(denominator, twos)
                prod0 := div(prod0, twos)
                // 2^256 / twos, computed as (2^256 - twos) / twos + 1.
                twos := add(div(sub(0, twos), twos), 1)
            }
            // Shift the bits of prod1 that the division by twos moved below bit 256 into prod0.
            prod0 |= prod1 * twos;

            // Inverse of the (now odd) denominator modulo 2^256.  The seed is correct to 4 bits
            // ((3d) xor 2 works for every odd d); each Newton step doubles the correct bits:
            // 8, 16, 32, 64, 128, 256.
            uint256 inverse = (3 * denominator) ^ 2;
            inverse *= 2 - denominator * inverse;
            inverse *= 2 - denominator * inverse;
            inverse *= 2 - denominator * inverse;
            inverse *= 2 - denominator * inverse;
            inverse *= 2 - denominator * inverse;
            inverse *= 2 - denominator * inverse;

            // The quotient is exact and below 2^256, so it equals prod0 * inverse mod 2^256.
            result = prod0 * inverse;
        }
    }
}
