// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title FfiDecoder: decodes `python -m cushion.ffi` output as a Foundry test would, with the
///        tuple types `python -m cushion.ffi list` documents (abi.decode checks every range).
contract FfiDecoder {
    function decodeCurveInfo(bytes calldata out)
        external
        pure
        returns (bool ok, uint8 errorCode, uint128 newSpotPrice, uint128 newDelta, uint256 value, uint256 tradeFee, uint256 protocolFee)
    {
        return abi.decode(out, (bool, uint8, uint128, uint128, uint256, uint256, uint256));
    }

    function decodeCollectionQuote(bytes calldata out)
        external
        pure
        returns (bool ok, uint8 errorCode, uint256 value, uint256 tradeFee, uint256 protocolFee, uint256 numItems, uint128 newSpotPrice, uint128 newDelta)
    {
        return abi.decode(out, (bool, uint8, uint256, uint256, uint256, uint256, uint128, uint128));
    }

    function decodeGdaQuote(bytes calldata out)
        external
        pure
        returns (bool ok, uint8 errorCode, uint256 value, uint256 tradeFee, uint256 protocolFee, uint256 numItems, uint128 newSpotPrice, uint256 newT0)
    {
        return abi.decode(out, (bool, uint8, uint256, uint256, uint256, uint256, uint128, uint256));
    }

    function decodeScalar(bytes calldata out) external pure returns (bool ok, uint256 result) {
        return abi.decode(out, (bool, uint256));
    }

    function decodeStressedQuote(bytes calldata out)
        external
        pure
        returns (bool ok, uint8 errorCode, uint256 value, uint256 curveValue, uint256 spread, uint256 halfSpread, uint256 tradeFee, uint256 protocolFee, uint256 numItems, uint128 newSpotPrice, uint256 newDelta)
    {
        return abi.decode(out, (bool, uint8, uint256, uint256, uint256, uint256, uint256, uint256, uint256, uint128, uint256));
    }
}
