// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FixedPointMath} from "../math/FixedPointMath.sol";
import {CurveErrorCodes, CurveQuote, CurveQuotes} from "../curves/CurveQuote.sol";

/// @title WeightedXyk: the trait-basket constant-product curve with Caviar private-pool semantics
///        (outdoteth/caviar-private-pools at 4686477, PrivatePool.buyQuote / sellQuote / changeFeeQuote).
/// @notice Every NFT carries an 18-decimal weight (a floor item is 1e18; a rare one maybe 2.3e18).
///         The pool keeps virtual reserves: vB of the base token and vN of NFTs in weight units;
///         a trade moves vN by w, the summed weights of the NFTs traded.  Counterpart of
///         `cushion.caviar.buy_quote` / `sell_quote` / `change_fee_quote`, and with the trade's
///         effect on the reserves (`buy` / `sell`) of `cushion.exact.WeightedXYK`.
/// @dev Fee rates are in basis points (PrivatePool.feeRate, a uint16 the pool caps at 5000; the
///      factory's protocolFeeRate, a uint16).  Checked arithmetic throughout (Panic 0x11 / 0x12).
library WeightedXyk {
    /// @dev 100% in basis points.
    uint256 internal constant BPS = 10_000;
    /// @dev Caviar's changeFee has 4 decimals.
    uint256 internal constant CHANGE_FEE_DECIMALS = 4;

    /// @notice Buying NFTs of total weight w: in = ceil(w vB / (vN - w)) (rounded up by one wei in
    ///         the pool's favour); fee = floor(in feeRate / 1e4); protocolFee = floor(in
    ///         protocolFeeRate / 1e4); the trader pays in + fee + protocolFee.
    /// @dev Reverts: w > vN (Panic 0x11 in vN - w); w == vN, buying the last unit (a zero
    ///      denominator: solmate's mulDivUp reverts with empty data); w vB >= 2^256 (empty data).
    function buyQuote(uint256 virtualBaseReserves, uint256 virtualNftReserves, uint256 weightSum, uint256 feeRate, uint256 protocolFeeRate)
        internal
        pure
        returns (uint256 netInputAmount, uint256 feeAmount, uint256 protocolFeeAmount)
    {
        uint256 inputAmount = FixedPointMath.mulDivUp(weightSum, virtualBaseReserves, virtualNftReserves - weightSum);
        protocolFeeAmount = inputAmount * protocolFeeRate / BPS;
        feeAmount = inputAmount * feeRate / BPS;
        netInputAmount = inputAmount + feeAmount + protocolFeeAmount;
    }

    /// @notice Selling NFTs of total weight w: out = floor(w vB / (vN + w)); the fees as for a buy;
    ///         the trader receives out - fee - protocolFee.
    /// @dev Reverts: w vB >= 2^256 (Panic 0x11); vN + w == 0 (Panic 0x12); fees above out (Panic 0x11).
    function sellQuote(uint256 virtualBaseReserves, uint256 virtualNftReserves, uint256 weightSum, uint256 feeRate, uint256 protocolFeeRate)
        internal
        pure
        returns (uint256 netOutputAmount, uint256 feeAmount, uint256 protocolFeeAmount)
    {
        uint256 outputAmount = weightSum * virtualBaseReserves / (virtualNftReserves + weightSum);
        protocolFeeAmount = outputAmount * protocolFeeRate / BPS;
        feeAmount = outputAmount * feeRate / BPS;
        netOutputAmount = outputAmount - feeAmount - protocolFeeAmount;
    }

    /// @notice The fee for changing NFTs of total input weight w for others of equal or lower weight:
    ///         fee = floor(w changeFee 10^(decimals - 4) / 1e18); protocolFee = floor(fee
    ///         protocolFeeRate / 1e4).  changeFee has 4 decimals (0.0025 ETH = 25).
    /// @dev Reverts: decimals < 4 (Panic 0x11: Caviar subtracts in uint8); 10^(decimals - 4) or a
    ///      product past 2^256 (Panic 0x11).
    function changeFeeQuote(uint256 weightSumIn, uint256 changeFee, uint8 baseTokenDecimals, uint256 protocolFeeRate)
        internal
        pure
        returns (uint256 feeAmount, uint256 protocolFeeAmount)
    {
        uint256 exponent = baseTokenDecimals - uint8(CHANGE_FEE_DECIMALS); // uint8 arithmetic, checked
        uint256 feePerNft = changeFee * 10 ** exponent;
        feeAmount = weightSumIn * feePerNft / 1e18;
        protocolFeeAmount = feeAmount * protocolFeeRate / BPS;
    }

    /// @notice PrivatePool.buy's quote and its effect on the virtual reserves, as a CurveQuote:
    ///         newSpotPrice = vB', newDelta = vN', numItems = w.  Counterpart of `cushion.exact.WeightedXYK.buy`.
    /// @dev w == 0 is INVALID_NUMITEMS (on chain an empty buy reverts dividing the sale price by
    ///      tokenIds.length).  The reserves are uint128 state variables:
    ///        virtualBaseTokenReserves += uint128(netInputAmount - feeAmount - protocolFeeAmount)
    ///        virtualNftReserves       -= uint128(weightSum)
    ///      `uint128(...)` keeps the low 128 bits silently, then the uint128 arithmetic is checked
    ///      (Panic 0x11 when vB' does not fit).  w < vN once buyQuote has returned, so vN' cannot underflow.
    function buy(uint128 virtualBaseReserves, uint128 virtualNftReserves, uint256 weightSum, uint256 feeRate, uint256 protocolFeeRate)
        internal
        pure
        returns (CurveQuote memory q)
    {
        if (weightSum == 0) return CurveQuotes.failed(CurveErrorCodes.Error.INVALID_NUMITEMS);
        (q.value, q.tradeFee, q.protocolFee) =
            buyQuote(virtualBaseReserves, virtualNftReserves, weightSum, feeRate, protocolFeeRate);
        q.newSpotPrice = virtualBaseReserves + uint128(q.value - q.tradeFee - q.protocolFee);
        q.newDelta = virtualNftReserves - uint128(weightSum);
        q.numItems = weightSum;
    }

    /// @notice PrivatePool.sell's quote and its effect on the virtual reserves (see buy).
    /// @dev The reserves move as
    ///        virtualBaseTokenReserves -= uint128(netOutputAmount + protocolFeeAmount + feeAmount)
    ///        virtualNftReserves       += uint128(weightSum)
    ///      The first is outputAmount <= vB (no truncation, no underflow); a weight sum past 2^128 is
    ///      truncated before the checked uint128 addition (Panic 0x11 past 2^128 - 1), as on chain:
    ///      the pool never checks its reserves against the weights it holds.
    function sell(uint128 virtualBaseReserves, uint128 virtualNftReserves, uint256 weightSum, uint256 feeRate, uint256 protocolFeeRate)
        internal
        pure
        returns (CurveQuote memory q)
    {
        if (weightSum == 0) return CurveQuotes.failed(CurveErrorCodes.Error.INVALID_NUMITEMS);
        (q.value, q.tradeFee, q.protocolFee) =
            sellQuote(virtualBaseReserves, virtualNftReserves, weightSum, feeRate, protocolFeeRate);
        q.newSpotPrice = virtualBaseReserves - uint128(q.value + q.protocolFee + q.tradeFee);
        q.newDelta = virtualNftReserves + uint128(weightSum);
        q.numItems = weightSum;
    }
}
