// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AbsorptionCap, AbsorptionCapMath, CapLimits, CapRange} from "./AbsorptionCap.sol";

/// @notice Items and notional absorbed (over one block, or over the window).
struct Usage {
    uint256 items;
    uint256 notional;
}

/// @notice One slot of the ring: the block it holds and that block's usage.  A slot whose block
///         has left the window reads as empty (it is overwritten when its slot comes round again),
///         so moving the ledger forward never has to clear storage.
struct LedgerSlot {
    uint256 blockNumber;
    uint256 items;
    uint256 notional;
}

/// @notice What the cushion absorbed per block and over the rolling window, in storage.
///         Counterpart of `cushion.exact.AbsorptionLedger`.
struct AbsorptionLedger {
    AbsorptionCap cap;
    bool started; // false until the first record / advanceTo fixes the current block
    uint256 currentBlock;
    Usage window; // the sums over blocks currentBlock - W + 1 .. currentBlock
    mapping(uint256 => LedgerSlot) ring; // block b lives in slot b % W
}

/// @notice What a new order may still take at a block and stress level.
struct Headroom {
    uint256 items;
    uint256 notional;
    uint8 itemsLimit; // Limit flags of the item limits that bind (equal the headroom)
    uint8 notionalLimit; // Limit flags of the notional limits that bind
    CapLimits caps; // the four limits at that stress
}

/// @title AbsorptionLedgerLib: usage per block and over a rolling window, and the headroom left.
/// @notice The window at block b is the W blocks b - W + 1 .. b.  Blocks only move forward; several
///         orders in one block add up.  Headroom at block b and stress s:
///           items    = min(blockItems(s) - used in block b, windowItems(s) - used in the window at b)
///           notional = min(blockNotional(s) - ..., windowNotional(s) - ...)
///         each difference saturating at 0 (a cap that shrank below what was already absorbed
///         leaves no headroom; it never goes negative), unlimited limits skipped.
///         Counterpart of cushion/absorb/ledger.hpp (exact mode).
/// @dev Every sum is checked (Panic 0x11 past 2^256, possible only under unlimited caps), and a
///      revert undoes the whole call: a ledger never holds half a record.  Moving forward by g
///      blocks reads min(g, W) slots: a pool that may sit idle for long picks a small W.
library AbsorptionLedgerLib {
    // Limit flags (cushion.absorb.Limit); several may bind at once.
    uint8 internal constant BLOCK_ITEMS = 1;
    uint8 internal constant BLOCK_NOTIONAL = 2;
    uint8 internal constant WINDOW_ITEMS = 4;
    uint8 internal constant WINDOW_NOTIONAL = 8;
    uint8 internal constant CURVE = 16; // the curve could not take more (set by AbsorbSell)

    /// @notice A block before the ledger's current block (cushion: ValueError "block must not go backwards").
    error BlockInPast();

    /// @notice Sets the caps of a fresh ledger (AbsorptionCapMath.validate's errors).
    function init(AbsorptionLedger storage l, AbsorptionCap memory cap) internal {
        AbsorptionCapMath.validate(cap);
        l.cap = cap;
    }

    /// @notice Usage of block b if it is inside the current window, else zero.
    function usageAt(AbsorptionLedger storage l, uint256 b) internal view returns (Usage memory u) {
        if (!l.started || b > l.currentBlock || l.currentBlock - b >= l.cap.windowBlocks) return u;
        LedgerSlot storage slot = l.ring[b % l.cap.windowBlocks];
        if (slot.blockNumber == b) u = Usage(slot.items, slot.notional); // else: an older block's, expired
    }

    /// @notice Usage of the current block.
    function blockUsage(AbsorptionLedger storage l) internal view returns (Usage memory) {
        return usageAt(l, l.currentBlock);
    }

    /// @notice The usage of block b and of the window ending at b, as they will be once the ledger
    ///         is at b (b >= the current block, else BlockInPast); changes nothing.
    function usageWhenAt(AbsorptionLedger storage l, uint256 b)
        internal
        view
        returns (Usage memory inBlock, Usage memory inWindow)
    {
        if (!l.started) return (inBlock, inWindow); // nothing absorbed yet
        uint256 current = l.currentBlock;
        if (b < current) revert BlockInPast();
        uint256 w = l.cap.windowBlocks;
        uint256 gap = b - current;
        if (gap == 0) return (blockUsage(l), l.window);
        if (gap >= w) return (inBlock, inWindow); // the whole window has expired; block b is new
        inWindow = l.window;
        // Blocks current + 1 .. b enter the window; blocks current + 1 - W .. b - W leave it.
        for (uint256 enter = current + 1; enter <= b; ++enter) {
            if (enter < w) continue; // the block leaving would be before block 0: nothing to expire
            LedgerSlot storage slot = l.ring[enter % w];
            if (slot.blockNumber == enter - w) {
                // Exact sums: the window holds at least each of its blocks, so these cannot underflow.
                inWindow.items -= slot.items;
                inWindow.notional -= slot.notional;
            }
        }
        // inBlock stays zero: block b has absorbed nothing yet.
    }

    /// @notice Moves the current block forward to b, expiring the blocks that leave the window.
    function advanceTo(AbsorptionLedger storage l, uint256 b) internal {
        if (!l.started) {
            l.started = true;
            l.currentBlock = b;
            return;
        }
        (, Usage memory inWindow) = usageWhenAt(l, b); // BlockInPast if b < current
        l.window = inWindow;
        l.currentBlock = b;
    }

    /// @notice Books an absorbed fill at block b (advancing to it first).
    /// @dev Checked sums: Panic 0x11 past 2^256, and then nothing changes (the call reverts).
    function record(AbsorptionLedger storage l, uint256 b, uint256 items, uint256 notional) internal {
        advanceTo(l, b);
        LedgerSlot storage slot = l.ring[b % l.cap.windowBlocks];
        if (slot.blockNumber != b) {
            // The slot held a block that has left the window: it starts over for block b.
            slot.blockNumber = b;
            slot.items = 0;
            slot.notional = 0;
        }
        slot.items += items;
        slot.notional += notional;
        l.window.items += items;
        l.window.notional += notional;
    }

    /// @notice The headroom at block b (>= the current block, else BlockInPast) and stress s (a
    ///         WAD, else StressAboveOne); changes nothing.
    function headroom(AbsorptionLedger storage l, uint256 b, uint256 s) internal view returns (Headroom memory h) {
        (Usage memory inBlock, Usage memory inWindow) = usageWhenAt(l, b);
        AbsorptionCap memory cap = l.cap;
        h.caps = AbsorptionCapMath.limitsAt(cap, s);
        (h.items, h.itemsLimit) = limitPair(
            cap.blockItems, cap.windowItems, h.caps.blockItems, h.caps.windowItems, inBlock.items, inWindow.items,
            BLOCK_ITEMS, WINDOW_ITEMS
        );
        (h.notional, h.notionalLimit) = limitPair(
            cap.blockNotional, cap.windowNotional, h.caps.blockNotional, h.caps.windowNotional, inBlock.notional,
            inWindow.notional, BLOCK_NOTIONAL, WINDOW_NOTIONAL
        );
    }

    /// @dev min(block cap - block usage, window cap - window usage), each saturating at 0, and the
    ///      flags of the limited ones that equal it; an unlimited limit never binds.
    function limitPair(
        CapRange memory blockRange,
        CapRange memory windowRange,
        uint256 blockCap,
        uint256 windowCap,
        uint256 blockUsed,
        uint256 windowUsed,
        uint8 blockFlag,
        uint8 windowFlag
    ) private pure returns (uint256 room, uint8 flags) {
        bool blockLimited = !AbsorptionCapMath.isUnlimited(blockRange);
        bool windowLimited = !AbsorptionCapMath.isUnlimited(windowRange);
        uint256 b = blockLimited ? saturatingSub(blockCap, blockUsed) : AbsorptionCapMath.UNLIMITED;
        uint256 w = windowLimited ? saturatingSub(windowCap, windowUsed) : AbsorptionCapMath.UNLIMITED;
        room = w < b ? w : b;
        if (blockLimited && b == room) flags |= blockFlag;
        if (windowLimited && w == room) flags |= windowFlag;
    }

    function saturatingSub(uint256 a, uint256 b) private pure returns (uint256) {
        return a > b ? a - b : 0;
    }
}
