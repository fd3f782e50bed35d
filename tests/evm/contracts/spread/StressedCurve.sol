// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CurveErrorCodes, CurveQuote} from "../curves/CurveQuote.sol";
import {StressSpread} from "./StressSpread.sol";

/// @notice A curve quote widened by the stress spread.  The fields mirror
///         `cushion.exact.Stressed*Quote`; when `errorCode != OK` every field but errorCode and
///         halfSpread is 0 and the curve does not move.
struct StressedQuote {
    CurveErrorCodes.Error errorCode;
    uint256 value; // buy: what the trader pays; sell: what the trader receives (spread and fees included)
    uint256 curveValue; // the wrapped curve's value (fees included, spread not)
    uint256 spread; // what the widening took from the trader: |value - curveValue|, >= 0
    uint256 halfSpread; // h at the quote's stress, bps
    uint256 tradeFee;
    uint256 protocolFee;
    uint256 numItems;
    uint256 newSpotPrice; // the wrapped curve's state after the trade, in its CurveQuote slots
    uint256 newDelta;
}

/// @title StressedCurveMath: any curve quoted with the stress-widened spread.
/// @notice A pool quotes its curve as usual, then widens the value by h = StressSpread.halfSpreadAt(model, s):
///           buy'  = ceil(buy  (10_000 + h) / 10_000)
///           sell' = floor(sell (10_000 - h) / 10_000)
///         The spread is kept by the pool on top of the curve, like a fee: the curve's state moves
///         exactly as without it.  Since buy' >= buy and sell' <= sell, a round trip at any two
///         stress levels pays at least the unwidened curve's: widening never creates an arbitrage.
///         Counterpart of cushion/spread/stressed_curve.hpp (`cushion.exact.Stressed*`).
/// @dev Usage, e.g. for an exponential pool:
///        uint256 h = StressSpread.halfSpreadAt(model, stress);  // validate(model) when it is set
///        StressedQuote memory q = StressedCurveMath.buy(ExponentialCurveMath.buy(spot, delta, n, fee, pfee), h);
library StressedCurveMath {
    /// @notice The wrapped curve's buy quote, widened up by h bps.
    function buy(CurveQuote memory q, uint256 h) internal pure returns (StressedQuote memory s) {
        s = copy(q, h);
        if (q.errorCode != CurveErrorCodes.Error.OK) return s;
        s.value = StressSpread.widenBuy(q.value, h); // rounded up: reverts only past 2^256
        s.spread = s.value - q.value; // >= 0: widenBuy rounds up from q.value
    }

    /// @notice The wrapped curve's sell quote, widened down by h bps.
    function sell(CurveQuote memory q, uint256 h) internal pure returns (StressedQuote memory s) {
        s = copy(q, h);
        if (q.errorCode != CurveErrorCodes.Error.OK) return s;
        s.value = StressSpread.widenSell(q.value, h); // rounded down: never reverts
        s.spread = q.value - s.value; // >= 0: widenSell rounds down from q.value
    }

    /// @dev Everything but the widened value; a failed quote keeps only its error code and h.
    function copy(CurveQuote memory q, uint256 h) private pure returns (StressedQuote memory s) {
        s.errorCode = q.errorCode;
        s.halfSpread = h;
        if (q.errorCode != CurveErrorCodes.Error.OK) return s;
        s.curveValue = q.value;
        s.tradeFee = q.tradeFee;
        s.protocolFee = q.protocolFee;
        s.numItems = q.numItems;
        s.newSpotPrice = q.newSpotPrice;
        s.newDelta = q.newDelta;
    }
}
