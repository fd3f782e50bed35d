// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {LinearCurveMath} from "../curves/LinearCurve.sol";
import {ExponentialCurveMath} from "../curves/ExponentialCurve.sol";
import {XykCurveMath} from "../curves/XykCurve.sol";
import {GDAAuction, GDACurveMath} from "../curves/GDACurve.sol";
import {WeightedXyk} from "../caviar/WeightedXyk.sol";
import {HalfSpread, StressSpread} from "../spread/StressSpread.sol";
import {StressedCurveMath, StressedQuote} from "../spread/StressedCurve.sol";
import {AbsorptionCap, AbsorptionCapMath, CapLimits} from "../absorb/AbsorptionCap.sol";

/// @title StressHarness: the stress-spread and cap arithmetic as external functions, for the tests
///        against `cushion.exact.HalfSpread`, `AbsorptionCap.at` and `Stressed*`.
/// @notice Every function validates its model first, as a pool does when the model is set (and as
///         cushion's constructors do), then computes.  Curve parameters have their on-chain types.
contract StressHarness {
    // --- StressSpread (cushion.exact.HalfSpread) ---
    function halfSpread(HalfSpread memory hs, uint256 s) external pure returns (uint256) {
        StressSpread.validate(hs);
        return StressSpread.halfSpreadAt(hs, s);
    }

    function ask(HalfSpread memory hs, uint256 mid, uint256 s) external pure returns (uint256) {
        StressSpread.validate(hs);
        return StressSpread.ask(hs, mid, s);
    }

    function bid(HalfSpread memory hs, uint256 mid, uint256 s) external pure returns (uint256) {
        StressSpread.validate(hs);
        return StressSpread.bid(hs, mid, s);
    }

    function widenBuy(uint256 value, uint256 h) external pure returns (uint256) {
        return StressSpread.widenBuy(value, h);
    }

    function widenSell(uint256 value, uint256 h) external pure returns (uint256) {
        return StressSpread.widenSell(value, h);
    }

    // --- AbsorptionCapMath (cushion.exact.AbsorptionCap) ---
    function capLimits(AbsorptionCap memory cap, uint256 s) external pure returns (CapLimits memory) {
        AbsorptionCapMath.validate(cap);
        return AbsorptionCapMath.limitsAt(cap, s);
    }

    // --- StressedCurveMath (cushion.exact.Stressed*) ---
    /// @dev h first (model checks, then StressAboveOne), then the curve: cushion's order.
    function spreadAt(HalfSpread memory hs, uint256 s) private pure returns (uint256) {
        StressSpread.validate(hs);
        return StressSpread.halfSpreadAt(hs, s);
    }

    function stressedLinearBuy(uint128 spot, uint128 delta, uint256 n, uint256 fee, uint256 pfee, HalfSpread memory hs, uint256 s)
        external
        pure
        returns (StressedQuote memory)
    {
        uint256 h = spreadAt(hs, s);
        return StressedCurveMath.buy(LinearCurveMath.buy(spot, delta, n, fee, pfee), h);
    }

    function stressedLinearSell(uint128 spot, uint128 delta, uint256 n, uint256 fee, uint256 pfee, HalfSpread memory hs, uint256 s)
        external
        pure
        returns (StressedQuote memory)
    {
        uint256 h = spreadAt(hs, s);
        return StressedCurveMath.sell(LinearCurveMath.sell(spot, delta, n, fee, pfee), h);
    }

    function stressedExponentialBuy(uint128 spot, uint128 delta, uint256 n, uint256 fee, uint256 pfee, HalfSpread memory hs, uint256 s)
        external
        pure
        returns (StressedQuote memory)
    {
        uint256 h = spreadAt(hs, s);
        return StressedCurveMath.buy(ExponentialCurveMath.buy(spot, delta, n, fee, pfee), h);
    }

    function stressedExponentialSell(uint128 spot, uint128 delta, uint256 n, uint256 fee, uint256 pfee, HalfSpread memory hs, uint256 s)
        external
        pure
        returns (StressedQuote memory)
    {
        uint256 h = spreadAt(hs, s);
        return StressedCurveMath.sell(ExponentialCurveMath.sell(spot, delta, n, fee, pfee), h);
    }

    function stressedXykBuy(uint128 tokens, uint128 nfts, uint256 n, uint256 fee, uint256 pfee, HalfSpread memory hs, uint256 s)
        external
        pure
        returns (StressedQuote memory)
    {
        uint256 h = spreadAt(hs, s);
        return StressedCurveMath.buy(XykCurveMath.buy(tokens, nfts, n, fee, pfee), h);
    }

    function stressedXykSell(uint128 tokens, uint128 nfts, uint256 n, uint256 fee, uint256 pfee, HalfSpread memory hs, uint256 s)
        external
        pure
        returns (StressedQuote memory)
    {
        uint256 h = spreadAt(hs, s);
        return StressedCurveMath.sell(XykCurveMath.sell(tokens, nfts, n, fee, pfee), h);
    }

    function stressedGdaBuy(GDAAuction memory a, uint256 n, uint256 fee, uint256 pfee, HalfSpread memory hs, uint256 s)
        external
        pure
        returns (StressedQuote memory)
    {
        require(a.spotPrice <= type(uint128).max); // a uint128 on chain (ABI-decoding's empty revert)
        uint256 h = spreadAt(hs, s);
        return StressedCurveMath.buy(GDACurveMath.buy(a, n, fee, pfee), h);
    }

    function stressedGdaSell(GDAAuction memory a, uint256 n, uint256 fee, uint256 pfee, HalfSpread memory hs, uint256 s)
        external
        pure
        returns (StressedQuote memory)
    {
        require(a.spotPrice <= type(uint128).max);
        uint256 h = spreadAt(hs, s);
        return StressedCurveMath.sell(GDACurveMath.sell(a, n, fee, pfee), h);
    }

    function stressedWeightedXykBuy(uint128 base, uint128 nfts, uint256 w, uint16 feeRate, uint16 pfeeRate, HalfSpread memory hs, uint256 s)
        external
        pure
        returns (StressedQuote memory)
    {
        uint256 h = spreadAt(hs, s);
        return StressedCurveMath.buy(WeightedXyk.buy(base, nfts, w, feeRate, pfeeRate), h);
    }

    function stressedWeightedXykSell(uint128 base, uint128 nfts, uint256 w, uint16 feeRate, uint16 pfeeRate, HalfSpread memory hs, uint256 s)
        external
        pure
        returns (StressedQuote memory)
    {
        uint256 h = spreadAt(hs, s);
        return StressedCurveMath.sell(WeightedXyk.sell(base, nfts, w, feeRate, pfeeRate), h);
    }
}
