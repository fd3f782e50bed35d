// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FullMath} from "../math/FullMath.sol";

/// @title StressLevel: the stress level s on chain, and the one power of it that spreads and caps take.
/// @notice s is a WAD in [0, 1e18] (1e18 == fully stressed).  An off-chain keeper computes the
///         stress index and pushes ceil(s * 1e18) (`cushion.exact.to_stress_wad`), so the pushed
///         level is never below the computed one.  Counterpart of cushion/spread/stress_level.hpp.
/// @dev Everything that depends on stress is monotone in it (wider spreads, smaller caps), so
///      rounding s^p up is the protocol's favour.
library StressLevel {
    uint256 internal constant WAD = 1e18;
    /// @notice The largest exponent p of s^p: a loop of p mulDivRoundingUp steps, so 64 keeps the
    ///         gas bounded (and is far beyond any useful curvature).
    uint256 internal constant MAX_EXPONENT = 64;

    /// @notice A stress level above 1e18 (cushion: ValueError "stress must be <= 1e18").
    error StressAboveOne();
    /// @notice An exponent above MAX_EXPONENT (cushion: ValueError "exponent must be an integer in [0, 64]").
    error ExponentTooLarge();

    function check(uint256 s) internal pure {
        if (s > WAD) revert StressAboveOne();
    }

    function checkExponent(uint256 p) internal pure {
        if (p > MAX_EXPONENT) revert ExponentTooLarge();
    }

    /// @notice s^p with every step rounded UP: t = 1e18, then p times t = ceil(t s / 1e18).
    /// @dev The result is >= the true s^p and <= 1e18 (t, s <= 1e18), so nothing here can revert;
    ///      p = 0 gives 1e18, even for s = 0.  The caller has checked s <= 1e18 and p <= 64.
    function pow(uint256 s, uint256 p) internal pure returns (uint256 t) {
        t = WAD;
        for (uint256 i = 0; i < p; ++i) {
            t = FullMath.mulDivRoundingUp(t, s, WAD);
        }
    }
}
