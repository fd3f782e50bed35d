// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title BatchCaller: runs many test cases against one function in a single EVM call.
/// @notice Test plumbing, not part of the on-chain spec.  Every case is its own STATICCALL (run) or
///         CALL (runMutating), so a case that reverts is recorded and the batch goes on.
contract BatchCaller {
    /// @notice Calls `target` once per case.  Case i's calldata is `selector` followed by the
    ///         i-th slice of `args` (args.length / count bytes of static ABI-encoded arguments).
    /// @return records one fixed-size record per case, (2 + dataWords) words each:
    ///         word 0, 1 if the call returned and 0 if it reverted; word 1, the length in bytes of
    ///         its return or revert data; then the first dataWords words of that data, zero padded.
    function run(address target, bytes4 selector, uint256 count, uint256 dataWords, bytes calldata args)
        external
        returns (bytes memory records)
    {
        return batch(target, selector, count, dataWords, args, false);
    }

    /// @notice As run, but every case is a CALL, in order: the state a case leaves is the next
    ///         case's state (a stateful scenario, one step per case); a case that reverts changes nothing.
    function runMutating(address target, bytes4 selector, uint256 count, uint256 dataWords, bytes calldata args)
        external
        returns (bytes memory records)
    {
        return batch(target, selector, count, dataWords, args, true);
    }

    function batch(address target, bytes4 selector, uint256 count, uint256 dataWords, bytes calldata args, bool mutating)
        private
        returns (bytes memory records)
    {
        if (count == 0) return records;
        require(args.length % count == 0, "BatchCaller: args do not split into count cases");
        uint256 argBytes = args.length / count;
        records = new bytes(count * (2 + dataWords) * 32);
        // One calldata buffer, reused: 4 selector bytes, then the arguments.  One spare word at the
        // end absorbs the 32-byte store of the selector when the arguments are shorter than 28 bytes.
        bytes memory callData = new bytes(4 + argBytes + 32);
        for (uint256 i = 0; i < count; ++i) {
            assembly {
                let to := target // a shallow copy: the call's seven arguments sit on top of it
                mstore(add(callData, 32), selector) // bytes4 is left-aligned: the selector, then zeros
                calldatacopy(add(callData, 36), add(args.offset, mul(i, argBytes)), argBytes)
                let record := add(add(records, 32), mul(i, mul(add(2, dataWords), 32)))
                switch mutating
                case 0 { mstore(record, staticcall(gas(), to, add(callData, 32), add(4, argBytes), 0, 0)) }
                default { mstore(record, call(gas(), to, 0, add(callData, 32), add(4, argBytes), 0, 0)) }
                mstore(add(record, 32), returndatasize())
                let copied := returndatasize()
                if gt(copied, mul(dataWords, 32)) { copied := mul(dataWords, 32) }
                returndatacopy(add(record, 64), 0, copied)
            }
        }
    }
}
