// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {UD60x18Math} from "../math/UD60x18Math.sol";
import {CurveErrorCodes, CurveQuote, CurveQuotes, ICurve} from "./CurveQuote.sol";

/// @notice A gradual Dutch auction's state, unpacked, at the time it is quoted.
struct GDAAuction {
    uint256 spotPrice; // the spot price at t0 (uint128 on chain)
    uint256 alpha; // per-item price multiplier, UD60x18 (> 1e18)
    uint256 lambda; // decay rate per second, UD60x18: the price halves every 1e18 / lambda seconds
    uint256 t0; // the auction's (re)start time, seconds
    uint256 timestamp; // when it is quoted (block.timestamp)
}

/// @title GDACurveMath: the gradual Dutch auction curve (sudoswap v2 GDACurve, after Paradigm's GDA).
/// @notice Each item bought multiplies the price by alpha; the price decays with time as
///         2^(-lambda t) (2 in place of e).  The spot price carries the history: after every
///         trade the auction restarts at `timestamp` from the new spot.  Counterpart of
///         `cushion.exact.GDA` (alpha and lambda as UD60x18, any uint256).
/// @dev All arithmetic is UD60x18 (UD60x18Math): every mul and div truncates, and its reverts
///      (PRBMath custom errors, Panic 0x11/0x12) apply.  Fees are floored (UD60x18 mul).
library GDACurveMath {
    using UD60x18Math for uint256;

    uint256 internal constant UNIT = 1e18;
    /// @notice The smallest spot price a trade may leave (sudoswap v2: 1 gwei).
    uint256 internal constant MIN_PRICE = 1 gwei;
    /// @notice The time exponent's cap: 2^10.
    uint256 internal constant MAX_TIME_EXPONENT = 10;

    /// @notice 2^(lambda (timestamp - t0)) as UD60x18: pow(2e18, x).
    /// @dev timestamp < t0 and an overflowing product revert (Panic 0x11).  The cap tests the
    ///      exponent's whole part, floor(x / 1e18) > 10, so an exponent in (10, 11) is left as is.
    function decayFactor(uint256 lambda, uint256 t0, uint256 timestamp) internal pure returns (uint256) {
        uint256 exponent = (timestamp - t0) * lambda;
        if (exponent / UNIT > MAX_TIME_EXPONENT) exponent = MAX_TIME_EXPONENT * UNIT;
        return (2 * UNIT).pow(exponent);
    }

    /// @notice Buying numItems: S' = S alpha^n / decay;  V = S (alpha^n - 1) / (alpha - 1) / decay.
    /// @dev alpha < 1e18 underflows alpha^n - 1e18 or alpha - 1e18 (Panic 0x11); alpha == 1e18
    ///      divides by zero (Panic 0x12).
    function buy(GDAAuction memory a, uint256 numItems, uint256 feeMultiplier, uint256 protocolFeeMultiplier)
        internal
        pure
        returns (CurveQuote memory q)
    {
        if (numItems == 0) return CurveQuotes.failed(CurveErrorCodes.Error.INVALID_NUMITEMS);
        uint256 decay = decayFactor(a.lambda, a.t0, a.timestamp);
        uint256 alphaPowN = a.alpha.powu(numItems);
        uint256 newSpotPrice = a.spotPrice.mul(alphaPowN).div(decay);
        if (newSpotPrice > type(uint128).max) return CurveQuotes.failed(CurveErrorCodes.Error.SPOT_PRICE_OVERFLOW);
        if (newSpotPrice < MIN_PRICE) return CurveQuotes.failed(CurveErrorCodes.Error.SPOT_PRICE_UNDERFLOW);

        uint256 raw = a.spotPrice.mul(alphaPowN - UNIT);
        raw = raw.div(a.alpha - UNIT);
        raw = raw.div(decay);
        q.protocolFee = raw.mul(protocolFeeMultiplier); // floored
        q.tradeFee = raw.mul(feeMultiplier); // floored
        q.value = raw + q.protocolFee + q.tradeFee;
        q.newSpotPrice = newSpotPrice;
        q.numItems = numItems;
    }

    /// @notice Selling numItems: S' = S boost / alpha^n;
    ///         V = (S boost) / (alpha^n / alpha) * (alpha^n - 1) / (alpha - 1), left to right.
    function sell(GDAAuction memory a, uint256 numItems, uint256 feeMultiplier, uint256 protocolFeeMultiplier)
        internal
        pure
        returns (CurveQuote memory q)
    {
        if (numItems == 0) return CurveQuotes.failed(CurveErrorCodes.Error.INVALID_NUMITEMS);
        uint256 boost = decayFactor(a.lambda, a.t0, a.timestamp);
        uint256 alphaPowN = a.alpha.powu(numItems);
        uint256 boosted = a.spotPrice.mul(boost);
        uint256 newSpotPrice = boosted.div(alphaPowN);
        if (newSpotPrice > type(uint128).max) return CurveQuotes.failed(CurveErrorCodes.Error.SPOT_PRICE_OVERFLOW);
        if (newSpotPrice < MIN_PRICE) return CurveQuotes.failed(CurveErrorCodes.Error.SPOT_PRICE_UNDERFLOW);

        uint256 raw = boosted.div(alphaPowN.div(a.alpha));
        raw = raw.mul(alphaPowN - UNIT);
        raw = raw.div(a.alpha - UNIT);
        q.protocolFee = raw.mul(protocolFeeMultiplier);
        q.tradeFee = raw.mul(feeMultiplier);
        q.value = raw - q.protocolFee - q.tradeFee; // fees above the value: Panic 0x11
        q.newSpotPrice = newSpotPrice;
        q.numItems = numItems;
    }
}

/// @title GDACurve: GDACurveMath behind sudoswap's ICurve, with the packed delta.
/// @notice delta packs alpha (uint40, bits 88..127) and lambda (uint40, bits 48..87), both with 9
///         decimals, and the auction's start time t0 (uint48, bits 0..47).  The returned delta
///         keeps alpha and lambda and writes the quote's time into the t0 field.
contract GDACurve is ICurve, CurveErrorCodes {
    /// @notice alpha and lambda carry 9 decimals; UD60x18 wants 18.
    uint256 internal constant SCALE_FACTOR = 1e9;
    /// @notice sudoswap v2's GDACurve.MIN_PRICE.
    uint256 public constant MIN_PRICE = GDACurveMath.MIN_PRICE;

    /// @notice ICurve.getBuyInfo at block.timestamp.
    function getBuyInfo(uint128 spotPrice, uint128 delta, uint256 numItems, uint256 feeMultiplier, uint256 protocolFeeMultiplier)
        external
        view
        returns (Error, uint128, uint128, uint256, uint256, uint256)
    {
        return getBuyInfoAt(spotPrice, delta, numItems, feeMultiplier, protocolFeeMultiplier, block.timestamp);
    }

    /// @notice ICurve.getSellInfo at block.timestamp.
    function getSellInfo(uint128 spotPrice, uint128 delta, uint256 numItems, uint256 feeMultiplier, uint256 protocolFeeMultiplier)
        external
        view
        returns (Error, uint128, uint128, uint256, uint256, uint256)
    {
        return getSellInfoAt(spotPrice, delta, numItems, feeMultiplier, protocolFeeMultiplier, block.timestamp);
    }

    /// @notice getBuyInfo as it would answer in a block with the given timestamp.
    function getBuyInfoAt(
        uint128 spotPrice,
        uint128 delta,
        uint256 numItems,
        uint256 feeMultiplier,
        uint256 protocolFeeMultiplier,
        uint256 timestamp
    ) public pure returns (Error, uint128, uint128, uint256, uint256, uint256) {
        CurveQuote memory q =
            GDACurveMath.buy(auction(spotPrice, delta, timestamp), numItems, feeMultiplier, protocolFeeMultiplier);
        q.newDelta = restartedDelta(delta, timestamp);
        return CurveQuotes.toCurveInfo(q);
    }

    /// @notice getSellInfo as it would answer in a block with the given timestamp.
    function getSellInfoAt(
        uint128 spotPrice,
        uint128 delta,
        uint256 numItems,
        uint256 feeMultiplier,
        uint256 protocolFeeMultiplier,
        uint256 timestamp
    ) public pure returns (Error, uint128, uint128, uint256, uint256, uint256) {
        CurveQuote memory q =
            GDACurveMath.sell(auction(spotPrice, delta, timestamp), numItems, feeMultiplier, protocolFeeMultiplier);
        q.newDelta = restartedDelta(delta, timestamp);
        return CurveQuotes.toCurveInfo(q);
    }

    /// @notice The auction a packed delta describes, quoted at `timestamp`.
    function auction(uint128 spotPrice, uint128 delta, uint256 timestamp) internal pure returns (GDAAuction memory a) {
        (a.alpha, a.lambda, a.t0) = unpackDelta(delta);
        a.spotPrice = spotPrice;
        a.timestamp = timestamp;
    }

    /// @notice alpha and lambda scaled to UD60x18, and t0 in seconds.
    function unpackDelta(uint128 delta) public pure returns (uint256 alpha, uint256 lambda, uint256 t0) {
        alpha = uint256(uint40(delta >> 88)) * SCALE_FACTOR;
        lambda = uint256(uint40(delta >> 48)) * SCALE_FACTOR;
        t0 = uint48(delta); // explicit narrowing keeps the low 48 bits
    }

    /// @notice delta with its t0 field replaced by the timestamp's low 48 bits (truncated silently,
    ///         as uint48(block.timestamp) does on chain).
    function restartedDelta(uint128 delta, uint256 timestamp) public pure returns (uint128) {
        return ((delta >> 48) << 48) | uint128(uint48(timestamp));
    }
}
