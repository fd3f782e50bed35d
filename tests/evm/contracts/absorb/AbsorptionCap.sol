// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FullMath} from "../math/FullMath.sol";
import {StressLevel} from "../spread/StressLevel.sol";

/// @notice One limit's values at calm (s = 0) and at full stress (s = 1e18).  Unlimited is
///         type(uint256).max for both, and stays unlimited at every stress.
struct CapRange {
    uint256 calm;
    uint256 severe; // <= calm: caps shrink with stress
}

/// @notice What the cushion may absorb: items and notional (what it pays out) per block, and over
///         a rolling window of `windowBlocks` blocks (the current block and the W - 1 before it).
///         Counterpart of `cushion.exact.AbsorptionCap`.
struct AbsorptionCap {
    CapRange blockItems;
    CapRange blockNotional;
    CapRange windowItems;
    CapRange windowNotional;
    uint256 windowBlocks; // W in [1, 1_000_000]
    uint256 exponent; // q in s^q, an integer in [0, 64]
}

/// @notice The four limits at one stress level.
struct CapLimits {
    uint256 blockItems;
    uint256 blockNotional;
    uint256 windowItems;
    uint256 windowNotional;
}

/// @title AbsorptionCapMath: caps that shrink from calm to severe as stress rises.
/// @notice cap(s) = calm - (calm - severe) s^q, in integers:
///           sq  = s^q, every step rounded up                  (StressLevel.pow)
///           cut = ceil((calm - severe) sq / 1e18)             <= calm - severe: cannot revert
///           cap = calm - cut                                  >= severe: cannot underflow
///         Rounding the cut up makes the cap smaller: the protocol's favour (absorb less).
///         Counterpart of cushion/absorb/cap.hpp (exact mode).
library AbsorptionCapMath {
    uint256 internal constant UNLIMITED = type(uint256).max;
    uint256 internal constant MAX_WINDOW = 1_000_000;

    /// @notice calm and severe are not both unlimited or both finite (cushion: ValueError
    ///         "calm and severe must both be unlimited or both finite").
    error CapRangeMixed();
    /// @notice severe > calm (cushion: ValueError "severe must be <= calm").
    error CapSevereAboveCalm();
    /// @notice windowBlocks outside [1, 1_000_000] (cushion: ValueError "window_blocks must be ...").
    error CapWindowOutOfRange();

    function isUnlimited(CapRange memory r) internal pure returns (bool) {
        return r.calm == UNLIMITED;
    }

    /// @notice The checks a pool makes when the caps are set, in this order (the first failing one
    ///         names the error, as cushion's constructor does): each range, then the window, then q.
    function validate(AbsorptionCap memory cap) internal pure {
        validateRange(cap.blockItems);
        validateRange(cap.blockNotional);
        validateRange(cap.windowItems);
        validateRange(cap.windowNotional);
        if (cap.windowBlocks < 1 || cap.windowBlocks > MAX_WINDOW) revert CapWindowOutOfRange();
        StressLevel.checkExponent(cap.exponent);
    }

    function validateRange(CapRange memory r) internal pure {
        if (isUnlimited(r) != (r.severe == UNLIMITED)) revert CapRangeMixed();
        if (r.severe > r.calm) revert CapSevereAboveCalm();
    }

    /// @notice One limit at a precomputed sq = s^q (<= 1e18).
    function capAt(CapRange memory r, uint256 sq) internal pure returns (uint256) {
        if (isUnlimited(r)) return UNLIMITED;
        return r.calm - FullMath.mulDivRoundingUp(r.calm - r.severe, sq, StressLevel.WAD);
    }

    /// @notice The four limits at stress s (a WAD; StressAboveOne past 1e18).
    function limitsAt(AbsorptionCap memory cap, uint256 s) internal pure returns (CapLimits memory l) {
        StressLevel.check(s);
        uint256 sq = StressLevel.pow(s, cap.exponent); // one power for all four limits
        l.blockItems = capAt(cap.blockItems, sq);
        l.blockNotional = capAt(cap.blockNotional, sq);
        l.windowItems = capAt(cap.windowItems, sq);
        l.windowNotional = capAt(cap.windowNotional, sq);
    }
}
