// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title CurveErrorCodes: sudoswap v2's error enum, in its on-chain order.
/// @notice The values of `cushion.CurveError` 0-5 (6, REVERTED, exists in f64 mode only: the exact
///         mode and the EVM revert instead).
contract CurveErrorCodes {
    enum Error {
        OK, // 0
        INVALID_NUMITEMS, // 1: numItems == 0, or an XYK buy of the whole NFT reserve or more
        SPOT_PRICE_OVERFLOW, // 2: the new spot price does not fit uint128
        DELTA_OVERFLOW, // 3: the new delta does not fit uint128
        SPOT_PRICE_UNDERFLOW, // 4: the new spot price falls below the curve's MIN_PRICE
        AUCTION_ENDED // 5: in the enum; none of the four curves returns it
    }
}

/// @notice What a curve quote returns: ICurve's tuple plus the item count the value pays for
///         (a linear sell stops where the price reaches zero, so it may be fewer than asked).
///         The fields mirror `cushion.exact.*Quote`.  When `errorCode != OK` every other field is 0.
/// @dev newSpotPrice / newDelta are the curve's state after the trade in ICurve's slots:
///      linear and exponential (spot price, delta); XYK (token reserve, NFT reserve).  The GDA
///      library leaves newDelta 0: only its ICurve wrapper knows the packed delta to restart.
struct CurveQuote {
    CurveErrorCodes.Error errorCode;
    uint256 newSpotPrice;
    uint256 newDelta;
    uint256 value; // buy: what the trader pays, fees included; sell: what the trader receives
    uint256 tradeFee;
    uint256 protocolFee;
    uint256 numItems;
}

/// @notice sudoswap v2's ICurve quoting interface (lssvm2 at 1b18945).
interface ICurve {
    function getBuyInfo(
        uint128 spotPrice,
        uint128 delta,
        uint256 numItems,
        uint256 feeMultiplier,
        uint256 protocolFeeMultiplier
    )
        external
        view
        returns (
            CurveErrorCodes.Error errorCode,
            uint128 newSpotPrice,
            uint128 newDelta,
            uint256 inputValue,
            uint256 tradeFee,
            uint256 protocolFee
        );

    function getSellInfo(
        uint128 spotPrice,
        uint128 delta,
        uint256 numItems,
        uint256 feeMultiplier,
        uint256 protocolFeeMultiplier
    )
        external
        view
        returns (
            CurveErrorCodes.Error errorCode,
            uint128 newSpotPrice,
            uint128 newDelta,
            uint256 outputValue,
            uint256 tradeFee,
            uint256 protocolFee
        );
}

/// @title CurveQuotes: building quotes, shared by the curve libraries.
library CurveQuotes {
    /// @notice A failed quote: the error code and zeros everywhere else (CurveErrorCodes' rule).
    function failed(CurveErrorCodes.Error errorCode) internal pure returns (CurveQuote memory q) {
        q.errorCode = errorCode;
    }

    /// @notice A quote as ICurve returns it: the state narrowed to uint128 (every curve has
    ///         range-checked it before returning OK), and all zeros when errorCode != OK.
    function toCurveInfo(CurveQuote memory q)
        internal
        pure
        returns (CurveErrorCodes.Error, uint128, uint128, uint256, uint256, uint256)
    {
        if (q.errorCode != CurveErrorCodes.Error.OK) return (q.errorCode, 0, 0, 0, 0, 0);
        return (q.errorCode, uint128(q.newSpotPrice), uint128(q.newDelta), q.value, q.tradeFee, q.protocolFee);
    }
}
