// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FixedPointMath} from "../math/FixedPointMath.sol";
import {CurveErrorCodes, CurveQuote, CurveQuotes, ICurve} from "./CurveQuote.sol";

/// @title XykCurveMath: the constant-product curve on virtual reserves (sudoswap v2 XykCurve).
/// @notice x = the virtual token reserve (ICurve's spotPrice slot), y = the virtual NFT reserve, a
///         plain item count (ICurve's delta slot).  Buying n items costs floor(n x / (y - n)),
///         selling n items pays floor(n x / (y + n)).  Counterpart of `cushion.exact.XYK`.
library XykCurveMath {
    using FixedPointMath for uint256;

    function buy(uint256 tokenReserve, uint256 nftReserve, uint256 numItems, uint256 feeMultiplier, uint256 protocolFeeMultiplier)
        internal
        pure
        returns (CurveQuote memory q)
    {
        if (numItems == 0) return CurveQuotes.failed(CurveErrorCodes.Error.INVALID_NUMITEMS);
        // Buying the whole NFT reserve (or more) would divide by zero.
        if (numItems >= nftReserve) return CurveQuotes.failed(CurveErrorCodes.Error.INVALID_NUMITEMS);
        uint256 newNftReserve = nftReserve - numItems; // cannot underflow: n < y
        uint256 raw = (numItems * tokenReserve) / newNftReserve; // n x is checked (Panic 0x11)
        q.protocolFee = raw.mulWadUp(protocolFeeMultiplier);
        q.tradeFee = raw.mulWadUp(feeMultiplier);
        // The input value is summed (checked) before the reserve's range check, as on chain.
        q.value = raw + q.tradeFee + q.protocolFee;
        uint256 newTokenReserve = tokenReserve + raw;
        if (newTokenReserve > type(uint128).max) return CurveQuotes.failed(CurveErrorCodes.Error.SPOT_PRICE_OVERFLOW);
        q.newSpotPrice = newTokenReserve;
        q.newDelta = newNftReserve;
        q.numItems = numItems;
    }

    function sell(uint256 tokenReserve, uint256 nftReserve, uint256 numItems, uint256 feeMultiplier, uint256 protocolFeeMultiplier)
        internal
        pure
        returns (CurveQuote memory q)
    {
        if (numItems == 0) return CurveQuotes.failed(CurveErrorCodes.Error.INVALID_NUMITEMS);
        // y + n is checked (Panic 0x11 past 2^256) and must fit uint128.
        uint256 newNftReserve = nftReserve + numItems;
        if (newNftReserve > type(uint128).max) return CurveQuotes.failed(CurveErrorCodes.Error.DELTA_OVERFLOW);
        // V = floor(n x / (y + n)) < x, so x - V cannot underflow.
        uint256 raw = (numItems * tokenReserve) / newNftReserve;
        q.protocolFee = raw.mulWadUp(protocolFeeMultiplier);
        q.tradeFee = raw.mulWadUp(feeMultiplier);
        q.value = raw - q.tradeFee - q.protocolFee; // fees above the value: Panic 0x11
        q.newSpotPrice = tokenReserve - raw;
        q.newDelta = newNftReserve;
        q.numItems = numItems;
    }
}

/// @title XykCurve: XykCurveMath behind sudoswap's ICurve.
contract XykCurve is ICurve, CurveErrorCodes {
    function getBuyInfo(uint128 spotPrice, uint128 delta, uint256 numItems, uint256 feeMultiplier, uint256 protocolFeeMultiplier)
        external
        pure
        returns (Error, uint128, uint128, uint256, uint256, uint256)
    {
        return CurveQuotes.toCurveInfo(XykCurveMath.buy(spotPrice, delta, numItems, feeMultiplier, protocolFeeMultiplier));
    }

    function getSellInfo(uint128 spotPrice, uint128 delta, uint256 numItems, uint256 feeMultiplier, uint256 protocolFeeMultiplier)
        external
        pure
        returns (Error, uint128, uint128, uint256, uint256, uint256)
    {
        return CurveQuotes.toCurveInfo(XykCurveMath.sell(spotPrice, delta, numItems, feeMultiplier, protocolFeeMultiplier));
    }
}
