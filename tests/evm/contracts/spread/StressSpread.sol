// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FullMath} from "../math/FullMath.sol";
import {StressLevel} from "./StressLevel.sol";

/// @notice The stress-widened half-spread model, in basis points (10_000 == 100%):
///         h(s) = min(cap, base + slope * s^exponent).  Counterpart of `cushion.exact.HalfSpread`.
struct HalfSpread {
    uint256 baseBps; // h at zero stress
    uint256 slopeBps; // added at full stress, before the cap (may exceed the cap: it then saturates early)
    uint256 exponent; // p, an integer in [0, 64]
    uint256 capBps; // the largest half-spread, < 10_000 (a 100% half-spread would bid zero)
}

/// @title StressSpread: the half-spread at a stress level and the bid / ask it puts around a value.
/// @notice Every rounding widens the spread (the protocol's favour):
///           sp  = s^p, each step rounded up                          (StressLevel.pow)
///           h   = min(cap, base + ceil(slope sp / 1e18))             [bps]
///           ask = ceil(mid (10_000 + h) / 10_000)                    (what a buyer pays)
///           bid = floor(mid (10_000 - h) / 10_000)                   (what a seller receives)
///         Counterpart of cushion/spread/half_spread.hpp (exact mode).
/// @dev mulDiv / mulDivRoundingUp are FullMath's (512-bit product): the ask reverts (empty data)
///      only when it does not fit 256 bits; the bid never reverts.
library StressSpread {
    /// @notice 10_000 basis points == 1.
    uint256 internal constant BPS = 10_000;

    /// @notice capBps >= 10_000 (cushion: ValueError "cap must be < 10000 bps").
    error HalfSpreadCapTooLarge();
    /// @notice baseBps > capBps (cushion: ValueError "base must be <= cap").
    error HalfSpreadBaseAboveCap();
    /// @notice A half-spread of 10_000 bps or more passed to widenBuy / widenSell (cushion:
    ///         ValueError "half_spread must be < 10000 bps").
    error HalfSpreadTooLarge();

    /// @notice The checks a pool makes when the model is set, in this order (the first failing
    ///         one names the error, as cushion's constructor does).
    function validate(HalfSpread memory hs) internal pure {
        if (hs.capBps >= BPS) revert HalfSpreadCapTooLarge();
        if (hs.baseBps > hs.capBps) revert HalfSpreadBaseAboveCap();
        StressLevel.checkExponent(hs.exponent);
    }

    /// @notice h(s) in basis points, rounded up; s a WAD in [0, 1e18] (else StressAboveOne).
    /// @dev `hs` must have passed validate().  ceil(slope sp / 1e18) <= slope (sp <= 1e18), so the
    ///      product cannot revert; comparing it with cap - base (base <= cap) before adding means a
    ///      huge slope saturates at the cap instead of overflowing base + slope sp.
    function halfSpreadAt(HalfSpread memory hs, uint256 s) internal pure returns (uint256) {
        StressLevel.check(s);
        uint256 extra = FullMath.mulDivRoundingUp(hs.slopeBps, StressLevel.pow(s, hs.exponent), StressLevel.WAD);
        return extra < hs.capBps - hs.baseBps ? hs.baseBps + extra : hs.capBps;
    }

    /// @notice What a buyer pays for `value` of curve value: ceil(value (10_000 + h) / 10_000).
    /// @dev Reverts (empty data) when the result does not fit 256 bits.
    function widenBuy(uint256 value, uint256 h) internal pure returns (uint256) {
        if (h >= BPS) revert HalfSpreadTooLarge();
        return FullMath.mulDivRoundingUp(value, BPS + h, BPS);
    }

    /// @notice What a seller receives for `value` of curve value: floor(value (10_000 - h) / 10_000).
    /// @dev h < 10_000, so 10_000 - h cannot underflow and the result is <= value: never reverts.
    function widenSell(uint256 value, uint256 h) internal pure returns (uint256) {
        if (h >= BPS) revert HalfSpreadTooLarge();
        return FullMath.mulDiv(value, BPS - h, BPS);
    }

    /// @notice The widened ask around a mid price at stress s.
    function ask(HalfSpread memory hs, uint256 mid, uint256 s) internal pure returns (uint256) {
        return widenBuy(mid, halfSpreadAt(hs, s));
    }

    /// @notice The widened bid around a mid price at stress s.
    function bid(HalfSpread memory hs, uint256 mid, uint256 s) internal pure returns (uint256) {
        return widenSell(mid, halfSpreadAt(hs, s));
    }
}
