// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CurveErrorCodes, CurveQuote} from "../curves/CurveQuote.sol";
import {StressSpread} from "../spread/StressSpread.sol";
import {AbsorptionLedger, AbsorptionLedgerLib, Headroom} from "./AbsorptionLedger.sol";

/// @notice The outcome of one order sold into the cushion.  Counterpart of
///         `cushion.exact.AbsorbResult*` (without the curve: the caller moves it with the quote).
struct Fill {
    uint256 ordered;
    uint256 filled;
    uint256 remainder; // ordered - filled: returned to the seller, never dropped
    uint256 proceeds; // what the seller receives: the widened sell value of the fill
    uint256 spread; // what the spread took from the seller
    uint256 tradeFee;
    uint256 protocolFee;
    uint256 halfSpread; // h at the order's stress, bps
    uint8 limitedBy; // Limit flags (AbsorptionLedgerLib) of everything that cut the order
    uint8 curveError; // of the quote for the capped amount: CurveErrorCodes, or REVERTED
}

/// @title AbsorbSell: one sell order into the cushion, filled as far as the caps allow.
/// @notice sellInto(ledger, h, s, b, n, quote) at block b and stress s (h = the half-spread at s):
///           1. headroom = ledger.headroom(b, s)
///           2. m = min(n, headroom.items)
///           3. if the curve's sell quote for m items is valid, pays for at most m items and its
///              widened value (StressSpread.widenSell) is <= headroom.notional: fill = its items;
///              else fill = the largest m' < m with such a quote, by binary search over [0, m)
///              (feasibility is monotone: values grow with the count; price floors and overflow
///              bite from some count on).  An error code, more items than asked, or a revert of
///              the quote all count as "the curve cannot take m'".
///           4. the ledger books (fill, proceeds) at b; remainder = n - fill.
///         `limitedBy` names every limit that cut the order (CURVE included); `curveError` is the
///         first quote's error when it failed on the curve's side (REVERTED for a revert).
///         Counterpart of cushion/absorb/absorb.hpp (exact mode).
/// @dev The sell quote is an external view call (the pool's own `curveSellQuote`, or an ICurve
///      wrapper) so that a quote that reverts is caught and treated as infeasible.  Gas: at most
///      1 + log2(m) quotes.
library AbsorbSell {
    /// @notice curveError for a quote that reverted (cushion.CurveError.REVERTED).
    uint8 internal constant REVERTED = 6;

    /// @dev The search's state: why counts were refused, the first quote's error, the best fill.
    struct Probe {
        uint256 halfSpread;
        uint256 notionalRoom;
        bool curveRefused;
        bool notionalRefused;
        bool probed;
        uint8 firstError;
        bool haveBest;
        uint256 bestValue; // the widened value of the best quote
        uint256 bestCount; // the count the best quote was asked for
    }

    /// @notice Sells up to n items into the curve behind `sellQuote` under the ledger's caps at
    ///         stress s, books the fill and returns it with the accepted quote (the caller moves the
    ///         curve to its state when fill.filled > 0).  BlockInPast if b is before the ledger's block.
    function sellInto(
        AbsorptionLedger storage ledger,
        uint256 h,
        uint256 s,
        uint256 b,
        uint256 n,
        function(uint256) external view returns (CurveQuote memory) sellQuote
    ) internal returns (Fill memory f, CurveQuote memory best) {
        f.ordered = n;
        f.halfSpread = h;
        Headroom memory head = AbsorptionLedgerLib.headroom(ledger, b, s);

        uint256 m = n;
        if (head.items < m) {
            m = head.items;
            f.limitedBy |= head.itemsLimit;
        }

        Probe memory p;
        (p.halfSpread, p.notionalRoom, p.bestCount) = (h, head.notional, m);
        if (m != 0) {
            (, best) = probe(p, sellQuote, m);
            if (!p.haveBest) {
                best = largestFeasible(p, sellQuote, m);
                f.curveError = p.firstError;
                if (p.curveRefused) f.limitedBy |= AbsorptionLedgerLib.CURVE;
                if (p.notionalRefused) f.limitedBy |= head.notionalLimit;
            }
        }
        // A linear sell that reached price zero pays for fewer items than asked.
        if (p.haveBest && best.numItems < p.bestCount) f.limitedBy |= AbsorptionLedgerLib.CURVE;

        if (p.haveBest) {
            f.filled = best.numItems; // <= m <= n
            f.remainder = n - f.filled;
            f.proceeds = p.bestValue;
            f.spread = best.value - p.bestValue; // >= 0: widenSell rounds down
            f.tradeFee = best.tradeFee;
            f.protocolFee = best.protocolFee;
            AbsorptionLedgerLib.record(ledger, b, f.filled, f.proceeds);
        } else {
            f.remainder = n;
            AbsorptionLedgerLib.advanceTo(ledger, b); // the order still happened at block b
        }
    }

    /// @dev Binary search for the largest feasible count in (0, m), m infeasible; sets p.haveBest
    ///      if there is one and returns its quote.
    function largestFeasible(
        Probe memory p,
        function(uint256) external view returns (CurveQuote memory) sellQuote,
        uint256 m
    ) private view returns (CurveQuote memory best) {
        uint256 lo = 0; // feasible (nothing sold)
        uint256 hi = m; // infeasible
        while (hi - lo > 1) {
            uint256 mid = lo + (hi - lo) / 2;
            (bool feasible, CurveQuote memory trial) = probe(p, sellQuote, mid);
            if (feasible) {
                lo = mid;
                best = trial;
            } else {
                hi = mid;
            }
        }
    }

    /// @dev The sell quote for m items: feasible if it is valid, pays for at most m items and its
    ///      widened value fits the notional headroom, and then it becomes the best (p.haveBest,
    ///      p.bestValue, p.bestCount = m).  Otherwise p records why it was refused.
    function probe(
        Probe memory p,
        function(uint256) external view returns (CurveQuote memory) sellQuote,
        uint256 m
    ) private view returns (bool feasible, CurveQuote memory q) {
        bool first = !p.probed;
        p.probed = true;
        try sellQuote(m) returns (CurveQuote memory out) {
            q = out;
        } catch {
            p.curveRefused = true; // selling m would revert on chain
            if (first) p.firstError = REVERTED;
            return (false, q);
        }
        if (q.errorCode != CurveErrorCodes.Error.OK) {
            p.curveRefused = true;
            if (first) p.firstError = uint8(q.errorCode);
            return (false, q);
        }
        if (q.numItems > m) {
            p.curveRefused = true;
            return (false, q);
        }
        uint256 value = StressSpread.widenSell(q.value, p.halfSpread);
        if (value > p.notionalRoom) {
            p.notionalRefused = true;
            return (false, q);
        }
        (p.haveBest, p.bestValue, p.bestCount) = (true, value, m);
        feasible = true;
    }
}
