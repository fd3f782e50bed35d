// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CurveQuote} from "../curves/CurveQuote.sol";
import {LinearCurveMath} from "../curves/LinearCurve.sol";
import {ExponentialCurveMath} from "../curves/ExponentialCurve.sol";
import {XykCurveMath} from "../curves/XykCurve.sol";
import {GDAAuction, GDACurveMath} from "../curves/GDACurve.sol";
import {WeightedXyk} from "../caviar/WeightedXyk.sol";
import {HalfSpread, StressSpread} from "../spread/StressSpread.sol";
import {AbsorptionCap, CapRange} from "../absorb/AbsorptionCap.sol";
import {AbsorptionLedger, AbsorptionLedgerLib, Headroom, Usage} from "../absorb/AbsorptionLedger.sol";
import {AbsorbSell, Fill} from "../absorb/AbsorbSell.sol";

/// @title AbsorbHarness: a cushion pool's ledger, spread and curve in storage, driven one step at a
///        time, for the scenario tests against `cushion.exact.AbsorptionLedger` and `Stressed*.absorb`.
/// @notice Test plumbing: `step(op, args)` runs one operation and returns 16 words (the op's
///         results, then the ledger's state).  BatchCaller.runMutating calls it once per step, in
///         order, each step its own CALL: a step that reverts leaves the state as it was.
contract AbsorbHarness {
    uint256 internal constant OP_SET_CAP = 0; // 10 words: the AbsorptionCap; starts a fresh ledger
    uint256 internal constant OP_SET_POOL = 1; // kind, 7 curve words, 4 HalfSpread words
    uint256 internal constant OP_ADVANCE = 2; // block
    uint256 internal constant OP_RECORD = 3; // block, items, notional
    uint256 internal constant OP_HEADROOM = 4; // block, stress
    uint256 internal constant OP_ABSORB = 5; // block, stress, n
    uint256 internal constant OP_USAGE = 6; // block

    // Curve kinds and their parameter words (cushion.exact constructors' order):
    uint256 internal constant LINEAR = 0; // spot, delta, fee, protocolFee
    uint256 internal constant EXPONENTIAL = 1; // spot, delta, fee, protocolFee
    uint256 internal constant XYK = 2; // tokenReserve, nftReserve, fee, protocolFee
    uint256 internal constant GDA = 3; // spot, alpha, lambda, t0, now, fee, protocolFee
    uint256 internal constant WEIGHTED_XYK = 4; // baseReserve, nftReserve, feeRateBps, protocolFeeRateBps

    error UnknownOp();
    error ParameterOutOfRange();

    mapping(uint256 => AbsorptionLedger) internal ledgers;
    uint256 internal ledgerId;
    HalfSpread internal model;
    uint256 internal kind;
    uint256[7] internal curve;

    function step(uint256 op, uint256[12] calldata a) external returns (uint256[16] memory out) {
        AbsorptionLedger storage ledger = ledgers[ledgerId];
        if (op == OP_SET_CAP) {
            AbsorptionCap memory cap = AbsorptionCap(
                CapRange(a[0], a[1]), CapRange(a[2], a[3]), CapRange(a[4], a[5]), CapRange(a[6], a[7]), a[8], a[9]
            );
            ledger = ledgers[++ledgerId];
            AbsorptionLedgerLib.init(ledger, cap);
        } else if (op == OP_SET_POOL) {
            HalfSpread memory hs = HalfSpread(a[8], a[9], a[10], a[11]);
            StressSpread.validate(hs);
            if (a[0] > WEIGHTED_XYK) revert ParameterOutOfRange();
            // spot prices and reserves are uint128 on chain; Caviar's fee rates uint16
            if (a[1] > type(uint128).max || (a[0] != GDA && a[2] > type(uint128).max)) revert ParameterOutOfRange();
            if (a[0] == WEIGHTED_XYK && (a[3] > type(uint16).max || a[4] > type(uint16).max)) revert ParameterOutOfRange();
            model = hs;
            kind = a[0];
            for (uint256 i = 0; i < 7; ++i) {
                curve[i] = a[1 + i];
            }
        } else if (op == OP_ADVANCE) {
            AbsorptionLedgerLib.advanceTo(ledger, a[0]);
        } else if (op == OP_RECORD) {
            AbsorptionLedgerLib.record(ledger, a[0], a[1], a[2]);
        } else if (op == OP_HEADROOM) {
            Headroom memory h = AbsorptionLedgerLib.headroom(ledger, a[0], a[1]);
            (out[0], out[1], out[2], out[3]) = (h.items, h.notional, h.itemsLimit, h.notionalLimit);
            (out[4], out[5], out[6], out[7]) =
                (h.caps.blockItems, h.caps.blockNotional, h.caps.windowItems, h.caps.windowNotional);
        } else if (op == OP_ABSORB) {
            absorb(ledger, a[0], a[1], a[2], out);
        } else if (op == OP_USAGE) {
            Usage memory inBlock = AbsorptionLedgerLib.blockUsage(ledger);
            Usage memory atB = AbsorptionLedgerLib.usageAt(ledger, a[0]);
            (out[0], out[1], out[2], out[3]) = (inBlock.items, inBlock.notional, atB.items, atB.notional);
        } else {
            revert UnknownOp();
        }
        (out[12], out[13], out[14], out[15]) =
            (ledger.started ? 1 : 0, ledger.currentBlock, ledger.window.items, ledger.window.notional);
    }

    /// @dev The pool's absorb: h at the order's stress, the capped fill, then the curve moves.
    function absorb(AbsorptionLedger storage ledger, uint256 b, uint256 s, uint256 n, uint256[16] memory out) private {
        uint256 h = StressSpread.halfSpreadAt(model, s); // StressAboveOne first, as cushion's StressedCurve(...)
        (Fill memory f, CurveQuote memory q) = AbsorbSell.sellInto(ledger, h, s, b, n, this.curveSellQuote);
        if (f.filled > 0) {
            curve[0] = q.newSpotPrice;
            if (kind == GDA) curve[3] = curve[4]; // the auction restarts at `now`
            else curve[1] = q.newDelta;
        }
        (out[0], out[1], out[2], out[3], out[4]) = (f.ordered, f.filled, f.remainder, f.proceeds, f.spread);
        (out[5], out[6], out[7], out[8], out[9]) = (f.tradeFee, f.protocolFee, f.halfSpread, f.limitedBy, f.curveError);
        (out[10], out[11]) = (curve[0], kind == GDA ? curve[3] : curve[1]);
    }

    /// @notice The pool curve's sell quote for n items (the full quote, item count included).
    function curveSellQuote(uint256 n) external view returns (CurveQuote memory) {
        uint256[7] memory c = curve;
        if (kind == LINEAR) return LinearCurveMath.sell(c[0], c[1], n, c[2], c[3]);
        if (kind == EXPONENTIAL) return ExponentialCurveMath.sell(c[0], c[1], n, c[2], c[3]);
        if (kind == XYK) return XykCurveMath.sell(c[0], c[1], n, c[2], c[3]);
        if (kind == GDA) return GDACurveMath.sell(GDAAuction(c[0], c[1], c[2], c[3], c[4]), n, c[5], c[6]);
        return WeightedXyk.sell(uint128(c[0]), uint128(c[1]), n, c[2], c[3]); // range-checked in OP_SET_POOL
    }
}
