// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {WeightedXyk} from "../caviar/WeightedXyk.sol";

/// @title CaviarHarness: WeightedXyk's quotes with Caviar's storage types (reserves uint128,
///        fee rates uint16, changeFee uint56, decimals uint8), for the tests against `cushion.caviar`.
contract CaviarHarness {
    function buyQuote(uint128 virtualBaseReserves, uint128 virtualNftReserves, uint256 weightSum, uint16 feeRate, uint16 protocolFeeRate)
        external
        pure
        returns (uint256 netInputAmount, uint256 feeAmount, uint256 protocolFeeAmount)
    {
        return WeightedXyk.buyQuote(virtualBaseReserves, virtualNftReserves, weightSum, feeRate, protocolFeeRate);
    }

    function sellQuote(uint128 virtualBaseReserves, uint128 virtualNftReserves, uint256 weightSum, uint16 feeRate, uint16 protocolFeeRate)
        external
        pure
        returns (uint256 netOutputAmount, uint256 feeAmount, uint256 protocolFeeAmount)
    {
        return WeightedXyk.sellQuote(virtualBaseReserves, virtualNftReserves, weightSum, feeRate, protocolFeeRate);
    }

    function changeFeeQuote(uint256 weightSumIn, uint56 changeFee, uint8 baseTokenDecimals, uint16 protocolFeeRate)
        external
        pure
        returns (uint256 feeAmount, uint256 protocolFeeAmount)
    {
        return WeightedXyk.changeFeeQuote(weightSumIn, changeFee, baseTokenDecimals, protocolFeeRate);
    }
}
