// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FixedPointMath} from "../math/FixedPointMath.sol";
import {CurveErrorCodes, CurveQuote, CurveQuotes, ICurve} from "./CurveQuote.sol";

/// @title ExponentialCurveMath: the exponential bonding curve (sudoswap v2 ExponentialCurve).
/// @notice The spot price is multiplied by delta (> 1e18, WAD-scaled) per item bought and divided
///         by it per item sold; a buy starts at spot * delta.  Counterpart of
///         `cushion.exact.Exponential`.
/// @dev A delta <= 1e18 is not rejected up front (the contract does not check it when quoting); it
///      makes the quote revert, as on chain.
library ExponentialCurveMath {
    using FixedPointMath for uint256;

    uint256 internal constant WAD = 1e18;
    /// @notice The smallest spot price a sell may leave (sudoswap v2: 1e6 wei).
    uint256 internal constant MIN_PRICE = 1e6;

    /// @notice Buying numItems: D = delta^n (rpow, rounding half up); S' = ceil(S D / 1e18);
    ///         V = ceil(ceil(S delta / 1e18) * ceil((D - 1e18) 1e18 / (delta - 1e18)) / 1e18).
    function buy(uint256 spotPrice, uint256 delta, uint256 numItems, uint256 feeMultiplier, uint256 protocolFeeMultiplier)
        internal
        pure
        returns (CurveQuote memory q)
    {
        if (numItems == 0) return CurveQuotes.failed(CurveErrorCodes.Error.INVALID_NUMITEMS);
        uint256 deltaPowN = FixedPointMath.rpow(delta, numItems, WAD);
        uint256 newSpotPrice = spotPrice.mulWadUp(deltaPowN); // rounded up: the pool's favour
        if (newSpotPrice > type(uint128).max) return CurveQuotes.failed(CurveErrorCodes.Error.SPOT_PRICE_OVERFLOW);

        // The first item costs B = ceil(S delta); n items the geometric series B (D - 1) / (delta - 1).
        // delta < 1e18 underflows D - 1e18 (Panic 0x11); delta == 1e18 divides by zero (empty revert).
        uint256 firstItem = spotPrice.mulWadUp(delta);
        uint256 growth = (deltaPowN - WAD).divWadUp(delta - WAD);
        uint256 raw = firstItem.mulWadUp(growth);
        q.protocolFee = raw.mulWadUp(protocolFeeMultiplier);
        q.tradeFee = raw.mulWadUp(feeMultiplier);
        q.value = raw + (q.protocolFee + q.tradeFee);
        q.newSpotPrice = newSpotPrice;
        q.newDelta = delta;
        q.numItems = numItems;
    }

    /// @notice Selling numItems: I = floor(1e18 1e18 / delta); S' = uint128(floor(S I^n / 1e18))
    ///         (I^n by rpow); V = floor(S floor((1e18 - I^n) 1e18 / (1e18 - I)) / 1e18).
    function sell(uint256 spotPrice, uint256 delta, uint256 numItems, uint256 feeMultiplier, uint256 protocolFeeMultiplier)
        internal
        pure
        returns (CurveQuote memory q)
    {
        if (numItems == 0) return CurveQuotes.failed(CurveErrorCodes.Error.INVALID_NUMITEMS);
        uint256 invDelta = WAD.divWadDown(delta); // delta == 0: empty revert
        uint256 invDeltaPowN = FixedPointMath.rpow(invDelta, numItems, WAD);
        // `uint128(...)` truncates silently.  With delta >= 1e18 nothing is lost (S' <= S); with
        // delta < 1e18 the truncated price may fall under MIN_PRICE before the revert below.
        uint256 newSpotPrice = uint128(spotPrice.mulWadDown(invDeltaPowN));
        if (newSpotPrice < MIN_PRICE) return CurveQuotes.failed(CurveErrorCodes.Error.SPOT_PRICE_UNDERFLOW);

        // Every step rounds down (the pool's favour on a sell).  delta < 1e18 makes I > 1e18:
        // 1e18 - I underflows (Panic 0x11).
        uint256 decay = (WAD - invDeltaPowN).divWadDown(WAD - invDelta);
        uint256 raw = spotPrice.mulWadDown(decay);
        q.protocolFee = raw.mulWadUp(protocolFeeMultiplier);
        q.tradeFee = raw.mulWadUp(feeMultiplier);
        q.value = raw - (q.protocolFee + q.tradeFee); // fees above the value: Panic 0x11
        q.newSpotPrice = newSpotPrice;
        q.newDelta = delta;
        q.numItems = numItems;
    }
}

/// @title ExponentialCurve: ExponentialCurveMath behind sudoswap's ICurve.
contract ExponentialCurve is ICurve, CurveErrorCodes {
    /// @notice sudoswap v2's ExponentialCurve.MIN_PRICE.
    uint256 public constant MIN_PRICE = ExponentialCurveMath.MIN_PRICE;

    function getBuyInfo(uint128 spotPrice, uint128 delta, uint256 numItems, uint256 feeMultiplier, uint256 protocolFeeMultiplier)
        external
        pure
        returns (Error, uint128, uint128, uint256, uint256, uint256)
    {
        return CurveQuotes.toCurveInfo(
            ExponentialCurveMath.buy(spotPrice, delta, numItems, feeMultiplier, protocolFeeMultiplier)
        );
    }

    function getSellInfo(uint128 spotPrice, uint128 delta, uint256 numItems, uint256 feeMultiplier, uint256 protocolFeeMultiplier)
        external
        pure
        returns (Error, uint128, uint128, uint256, uint256, uint256)
    {
        return CurveQuotes.toCurveInfo(
            ExponentialCurveMath.sell(spotPrice, delta, numItems, feeMultiplier, protocolFeeMultiplier)
        );
    }
}
