// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title FixedPointMath: WAD helpers and rpow with solmate FixedPointMathLib semantics
///        (transmissions11/solmate at 3a752b8), the arithmetic of sudoswap v2's linear,
///        exponential and XYK curves.
/// @notice The on-chain counterpart of `cushion.num.solmate` (C++: cushion/num/solmate.hpp).
/// @dev These are NOT 512-bit: x * y itself must fit 256 bits or the call reverts.  That is the
///      difference from FullMath, and protocols differ on exactly this.  Every revert here is a
///      bare `revert()` (empty data), as in solmate's assembly.
library FixedPointMath {
    /// @dev 1.0 in 18-decimal fixed point.
    uint256 internal constant WAD = 1e18;

    /// @notice floor(x * y / denominator).
    /// @dev Reverts when denominator == 0 or when x * y >= 2^256 (x <= MAX / y is solmate's test).
    function mulDivDown(uint256 x, uint256 y, uint256 denominator) internal pure returns (uint256) {
        if (denominator == 0 || (y != 0 && x > type(uint256).max / y)) revert();
        unchecked {
            return (x * y) / denominator;
        }
    }

    /// @notice ceil(x * y / denominator): the floor plus one when a remainder is left.
    /// @dev Reverts as mulDivDown.  The + 1 cannot overflow: a floor of 2^256 - 1 needs
    ///      denominator == 1, which leaves no remainder.
    function mulDivUp(uint256 x, uint256 y, uint256 denominator) internal pure returns (uint256) {
        if (denominator == 0 || (y != 0 && x > type(uint256).max / y)) revert();
        unchecked {
            uint256 product = x * y;
            return product / denominator + (product % denominator > 0 ? 1 : 0);
        }
    }

    /// @notice floor(x * y / 1e18).  Reverts when x * y >= 2^256.
    function mulWadDown(uint256 x, uint256 y) internal pure returns (uint256) {
        return mulDivDown(x, y, WAD);
    }

    /// @notice ceil(x * y / 1e18).  Reverts when x * y >= 2^256.
    function mulWadUp(uint256 x, uint256 y) internal pure returns (uint256) {
        return mulDivUp(x, y, WAD);
    }

    /// @notice floor(x * 1e18 / y).  Reverts when y == 0 or x * 1e18 >= 2^256.
    function divWadDown(uint256 x, uint256 y) internal pure returns (uint256) {
        return mulDivDown(x, WAD, y);
    }

    /// @notice ceil(x * 1e18 / y).  Reverts when y == 0 or x * 1e18 >= 2^256.
    function divWadUp(uint256 x, uint256 y) internal pure returns (uint256) {
        return mulDivUp(x, WAD, y);
    }

    /// @notice x^n in fixed point with base `scalar` (MakerDAO's rpow), every step rounded half up.
    /// @dev 0^0 = scalar and 0^n = 0 for n > 0.  Otherwise z starts at x (n odd) or scalar (n even);
    ///      for each further bit of n, x = (x * x + scalar / 2) / scalar, and on a set bit
    ///      z = (z * x + scalar / 2) / scalar.
    ///      Reverts (empty data) when x >= 2^128 before a squaring, when z * x overflows (x != 0),
    ///      or when adding scalar / 2 to either product overflows.
    ///      The divisions are the EVM's DIV, which returns 0 for scalar == 0 instead of reverting.
    function rpow(uint256 x, uint256 n, uint256 scalar) internal pure returns (uint256 z) {
        if (x == 0) return n == 0 ? scalar : 0;
        z = n % 2 == 0 ? scalar : x;
        uint256 half = scalar >> 1;
        unchecked {
            for (n >>= 1; n != 0; n >>= 1) {
                // x * x must fit: x < 2^128.
                if (x >> 128 != 0) revert();
                uint256 xx = x * x;
                uint256 xxRound = xx + half; // round half up
                if (xxRound < xx) revert();
                x = evmDiv(xxRound, scalar);

                if (n % 2 == 1) {
                    uint256 zx = z * x;
                    // The product wrapped (only possible when x != 0).
                    if (x != 0 && zx / x != z) revert();
                    uint256 zxRound = zx + half; // round half up
                    if (zxRound < zx) revert();
                    z = evmDiv(zxRound, scalar);
                }
            }
        }
    }

    /// @dev The DIV opcode: floor(a / b), and 0 when b == 0 (Solidity's `/` would panic).
    function evmDiv(uint256 a, uint256 b) private pure returns (uint256 q) {
        assembly ("memory-safe") {
            q := div(a, b)
        }
    }
}
