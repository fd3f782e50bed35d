// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FullMath} from "../math/FullMath.sol";
import {FixedPointMath} from "../math/FixedPointMath.sol";
import {UD60x18Math} from "../math/UD60x18Math.sol";

/// @title NumHarness: the math libraries' internal functions as external ones, for the tests.
contract NumHarness {
    // --- FullMath (cushion.num.mul_div) ---
    function fullMathMulDiv(uint256 a, uint256 b, uint256 d) external pure returns (uint256) {
        return FullMath.mulDiv(a, b, d);
    }

    function fullMathMulDivRoundingUp(uint256 a, uint256 b, uint256 d) external pure returns (uint256) {
        return FullMath.mulDivRoundingUp(a, b, d);
    }

    /// @notice The MULMOD opcode (cushion.num.mulmod).
    function mulMod(uint256 a, uint256 b, uint256 d) external pure returns (uint256 r) {
        assembly ("memory-safe") {
            r := mulmod(a, b, d)
        }
    }

    // --- FixedPointMath (cushion.num.solmate) ---
    function mulDivDown(uint256 x, uint256 y, uint256 d) external pure returns (uint256) {
        return FixedPointMath.mulDivDown(x, y, d);
    }

    function mulDivUp(uint256 x, uint256 y, uint256 d) external pure returns (uint256) {
        return FixedPointMath.mulDivUp(x, y, d);
    }

    function mulWadDown(uint256 x, uint256 y) external pure returns (uint256) {
        return FixedPointMath.mulWadDown(x, y);
    }

    function mulWadUp(uint256 x, uint256 y) external pure returns (uint256) {
        return FixedPointMath.mulWadUp(x, y);
    }

    function divWadDown(uint256 x, uint256 y) external pure returns (uint256) {
        return FixedPointMath.divWadDown(x, y);
    }

    function divWadUp(uint256 x, uint256 y) external pure returns (uint256) {
        return FixedPointMath.divWadUp(x, y);
    }

    function rpow(uint256 x, uint256 n, uint256 scalar) external pure returns (uint256) {
        return FixedPointMath.rpow(x, n, scalar);
    }

    // --- UD60x18Math (cushion.num.prbmath) ---
    function prbmathMulDiv(uint256 x, uint256 y, uint256 d) external pure returns (uint256) {
        return UD60x18Math.mulDiv(x, y, d);
    }

    function prbmathMulDiv18(uint256 x, uint256 y) external pure returns (uint256) {
        return UD60x18Math.mulDiv18(x, y);
    }

    function prbmathMul(uint256 x, uint256 y) external pure returns (uint256) {
        return UD60x18Math.mul(x, y);
    }

    function prbmathDiv(uint256 x, uint256 y) external pure returns (uint256) {
        return UD60x18Math.div(x, y);
    }

    function prbmathPowu(uint256 x, uint256 y) external pure returns (uint256) {
        return UD60x18Math.powu(x, y);
    }

    function prbmathLog2(uint256 x) external pure returns (uint256) {
        return UD60x18Math.log2(x);
    }

    function prbmathExp2(uint256 x) external pure returns (uint256) {
        return UD60x18Math.exp2(x);
    }

    function prbmathPow(uint256 x, uint256 y) external pure returns (uint256) {
        return UD60x18Math.pow(x, y);
    }

    /// @notice prbExp2's factor for the fractional bit `bit` (63 = 2^-1 ... 0 = 2^-64), in 64.64.
    function prbmathExp2Factor(uint256 bit) external pure returns (uint256) {
        require(bit < 64, "bit out of range");
        return UD60x18Math.exp2Factor(bit);
    }
}
