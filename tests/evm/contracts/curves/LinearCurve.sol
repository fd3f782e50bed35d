// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FixedPointMath} from "../math/FixedPointMath.sol";
import {CurveErrorCodes, CurveQuote, CurveQuotes, ICurve} from "./CurveQuote.sol";

/// @title LinearCurveMath: the linear bonding curve (sudoswap v2 LinearCurve).
/// @notice The spot price moves by `delta` per item: up on a buy, down on a sell.  The spot price
///         is the pool's instant sell price; a buy starts one step up, at spot + delta, so a buy
///         followed by a sell never profits.  Counterpart of `cushion.exact.Linear`.
/// @dev spotPrice and delta are uint128 on chain; the arithmetic is checked uint256 (Panic 0x11 on
///      overflow and underflow).  Fees round up (the pool's favour).
library LinearCurveMath {
    using FixedPointMath for uint256;

    /// @notice Buying numItems: S' = S + n delta;  V = n (S + delta) + n (n - 1) delta / 2.
    function buy(uint256 spotPrice, uint256 delta, uint256 numItems, uint256 feeMultiplier, uint256 protocolFeeMultiplier)
        internal
        pure
        returns (CurveQuote memory q)
    {
        if (numItems == 0) return CurveQuotes.failed(CurveErrorCodes.Error.INVALID_NUMITEMS);
        // Checked: a product or sum past 2^256 reverts before the uint128 range check.
        uint256 newSpotPrice = spotPrice + delta * numItems;
        if (newSpotPrice > type(uint128).max) return CurveQuotes.failed(CurveErrorCodes.Error.SPOT_PRICE_OVERFLOW);

        // n (n - 1) is even, so the division by 2 is exact.
        uint256 raw = numItems * (spotPrice + delta) + (numItems * (numItems - 1) * delta) / 2;
        q.protocolFee = raw.mulWadUp(protocolFeeMultiplier); // ceil(V P / 1e18)
        q.tradeFee = raw.mulWadUp(feeMultiplier); // ceil(V F / 1e18)
        q.value = raw + (q.tradeFee + q.protocolFee);
        q.newSpotPrice = newSpotPrice;
        q.newDelta = delta;
        q.numItems = numItems;
    }

    /// @notice Selling numItems: S' = S - n delta; when that would go below zero the sale stops at
    ///         the item whose price reaches zero: n = floor(S / delta) + 1 and S' = 0.
    ///         V = n S - n (n - 1) delta / 2.
    function sell(uint256 spotPrice, uint256 delta, uint256 numItems, uint256 feeMultiplier, uint256 protocolFeeMultiplier)
        internal
        pure
        returns (CurveQuote memory q)
    {
        if (numItems == 0) return CurveQuotes.failed(CurveErrorCodes.Error.INVALID_NUMITEMS);
        uint256 decrease = delta * numItems; // checked
        uint256 items = numItems;
        if (spotPrice < decrease) {
            // delta > 0 here (decrease > spotPrice >= 0), so the division cannot revert.
            items = spotPrice / delta + 1;
            q.newSpotPrice = 0;
        } else {
            q.newSpotPrice = spotPrice - decrease;
        }
        uint256 raw = items * spotPrice - (items * (items - 1) * delta) / 2;
        q.protocolFee = raw.mulWadUp(protocolFeeMultiplier);
        q.tradeFee = raw.mulWadUp(feeMultiplier);
        q.value = raw - (q.tradeFee + q.protocolFee); // fees above the value: Panic 0x11
        q.newDelta = delta;
        q.numItems = items;
    }
}

/// @title LinearCurve: LinearCurveMath behind sudoswap's ICurve.
contract LinearCurve is ICurve, CurveErrorCodes {
    function getBuyInfo(uint128 spotPrice, uint128 delta, uint256 numItems, uint256 feeMultiplier, uint256 protocolFeeMultiplier)
        external
        pure
        returns (Error, uint128, uint128, uint256, uint256, uint256)
    {
        return CurveQuotes.toCurveInfo(LinearCurveMath.buy(spotPrice, delta, numItems, feeMultiplier, protocolFeeMultiplier));
    }

    function getSellInfo(uint128 spotPrice, uint128 delta, uint256 numItems, uint256 feeMultiplier, uint256 protocolFeeMultiplier)
        external
        pure
        returns (Error, uint128, uint128, uint256, uint256, uint256)
    {
        return CurveQuotes.toCurveInfo(LinearCurveMath.sell(spotPrice, delta, numItems, feeMultiplier, protocolFeeMultiplier));
    }
}
