// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CurveQuote} from "../curves/CurveQuote.sol";
import {LinearCurveMath} from "../curves/LinearCurve.sol";
import {ExponentialCurveMath} from "../curves/ExponentialCurve.sol";
import {XykCurveMath} from "../curves/XykCurve.sol";
import {GDAAuction, GDACurveMath} from "../curves/GDACurve.sol";
import {WeightedXyk} from "../caviar/WeightedXyk.sol";

/// @title CurveHarness: the curve libraries' full quotes (ICurve's tuple plus numItems), for the
///        tests against `cushion.exact.*`.  spotPrice and delta are uint128, as in ICurve; the
///        weighted XYK's reserves uint128 and fee rates uint16, as in Caviar's PrivatePool.
contract CurveHarness {
    function linearBuy(uint128 spotPrice, uint128 delta, uint256 n, uint256 fee, uint256 protocolFee)
        external
        pure
        returns (CurveQuote memory)
    {
        return LinearCurveMath.buy(spotPrice, delta, n, fee, protocolFee);
    }

    function linearSell(uint128 spotPrice, uint128 delta, uint256 n, uint256 fee, uint256 protocolFee)
        external
        pure
        returns (CurveQuote memory)
    {
        return LinearCurveMath.sell(spotPrice, delta, n, fee, protocolFee);
    }

    function exponentialBuy(uint128 spotPrice, uint128 delta, uint256 n, uint256 fee, uint256 protocolFee)
        external
        pure
        returns (CurveQuote memory)
    {
        return ExponentialCurveMath.buy(spotPrice, delta, n, fee, protocolFee);
    }

    function exponentialSell(uint128 spotPrice, uint128 delta, uint256 n, uint256 fee, uint256 protocolFee)
        external
        pure
        returns (CurveQuote memory)
    {
        return ExponentialCurveMath.sell(spotPrice, delta, n, fee, protocolFee);
    }

    function xykBuy(uint128 tokenReserve, uint128 nftReserve, uint256 n, uint256 fee, uint256 protocolFee)
        external
        pure
        returns (CurveQuote memory)
    {
        return XykCurveMath.buy(tokenReserve, nftReserve, n, fee, protocolFee);
    }

    function xykSell(uint128 tokenReserve, uint128 nftReserve, uint256 n, uint256 fee, uint256 protocolFee)
        external
        pure
        returns (CurveQuote memory)
    {
        return XykCurveMath.sell(tokenReserve, nftReserve, n, fee, protocolFee);
    }

    function gdaBuy(
        uint128 spotPrice,
        uint256 alpha,
        uint256 lambda,
        uint256 t0,
        uint256 timestamp,
        uint256 n,
        uint256 fee,
        uint256 protocolFee
    ) external pure returns (CurveQuote memory) {
        return GDACurveMath.buy(GDAAuction(spotPrice, alpha, lambda, t0, timestamp), n, fee, protocolFee);
    }

    function gdaSell(
        uint128 spotPrice,
        uint256 alpha,
        uint256 lambda,
        uint256 t0,
        uint256 timestamp,
        uint256 n,
        uint256 fee,
        uint256 protocolFee
    ) external pure returns (CurveQuote memory) {
        return GDACurveMath.sell(GDAAuction(spotPrice, alpha, lambda, t0, timestamp), n, fee, protocolFee);
    }

    function gdaDecayFactor(uint256 lambda, uint256 t0, uint256 timestamp) external pure returns (uint256) {
        return GDACurveMath.decayFactor(lambda, t0, timestamp);
    }

    // --- WeightedXyk with its reserve updates (cushion.exact.WeightedXYK) ---
    function weightedXykBuy(uint128 baseReserve, uint128 nftReserve, uint256 w, uint16 feeRate, uint16 protocolFeeRate)
        external
        pure
        returns (CurveQuote memory)
    {
        return WeightedXyk.buy(baseReserve, nftReserve, w, feeRate, protocolFeeRate);
    }

    function weightedXykSell(uint128 baseReserve, uint128 nftReserve, uint256 w, uint16 feeRate, uint16 protocolFeeRate)
        external
        pure
        returns (CurveQuote memory)
    {
        return WeightedXyk.sell(baseReserve, nftReserve, w, feeRate, protocolFeeRate);
    }
}
