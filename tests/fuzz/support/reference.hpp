// tests/fuzz/support/reference.hpp — the fuzz targets' oracle: the Solidity semantics of every
// exact primitive and curve, written again on Boost's *unbounded* cpp_int.
//
// Nothing here calls cushion's arithmetic.  Overflow is decided by comparing the true
// (unbounded) result with 2^256 - 1, never by a carry or a limb test, and every function is
// written from the Solidity source as plainly as possible (PRBMath's exp2 factors are derived
// here from integer square roots, not copied from cushion's table).  The reference is compiled
// without coverage instrumentation, so that libFuzzer's feedback comes from cushion's code.
//
// A revert is a thrown RefRevert{kind, reason}; `reason` is only meaningful for
// RevertKind::custom (the PRBMath error name), which the targets compare exactly.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>
#include <string>
#include <utility>

#include "cushion/curves/quote.hpp"
#include "cushion/num/revert.hpp"
#include "cushion/num/uint256.hpp"

namespace cushion::fuzz::ref {

using Int = boost::multiprecision::cpp_int;
using num::RevertKind;

struct RefRevert {
  RevertKind kind;
  std::string reason;
};

const Int& max256();  ///< 2^256 - 1
const Int& max128();  ///< 2^128 - 1
const Int& wad();     ///< 1e18

Int to_int(const num::uint256& v);
/// Requires 0 <= v <= 2^256 - 1 (the harness checks before calling).
num::uint256 to_uint256(const Int& v);
std::string hex(const Int& v);

// ---- Solidity 0.8 checked arithmetic --------------------------------------------------
Int add(const Int& a, const Int& b);
Int sub(const Int& a, const Int& b);
Int mul(const Int& a, const Int& b);
Int div(const Int& a, const Int& b);
Int mod(const Int& a, const Int& b);

// ---- Uniswap v3 FullMath ----------------------------------------------------------------
Int fullmath_mul_div(const Int& a, const Int& b, const Int& d, bool round_up);
/// The MULMOD opcode (0 for a zero modulus).
Int mulmod(const Int& a, const Int& b, const Int& d);

// ---- solmate FixedPointMathLib ------------------------------------------------------------
Int solmate_mul_div(const Int& x, const Int& y, const Int& d, bool round_up);
Int rpow(const Int& x, const Int& n, const Int& scalar);

// ---- PRBMath v3.3.2 UD60x18 ----------------------------------------------------------------
namespace prb {
extern const char* const kMulDivOverflow;
extern const char* const kMulDiv18Overflow;
extern const char* const kExpInputTooBig;
extern const char* const kExp2InputTooBig;
extern const char* const kLogInputTooSmall;

Int mul_div(const Int& x, const Int& y, const Int& d);
Int mul_div18(const Int& x, const Int& y);
Int mul(const Int& x, const Int& y);
Int div(const Int& x, const Int& y);
Int powu(const Int& x, const Int& y);
Int log2(const Int& x);
/// Common.prbExp2 on a 192.64 input (unchecked; never reverts).
Int prb_exp2(const Int& x192);
Int exp2(const Int& x);
Int pow(const Int& x, const Int& y);
Int exp(const Int& x);
Int ln(const Int& x);
Int log10(const Int& x);
/// The 64 exp2 factors 2^(2^(k-64)) * 2^64 rounded to nearest, derived by repeated integer
/// square roots (exposed so a target can compare them with cushion's table once).
const Int& exp2_factor(unsigned k);
}  // namespace prb

// ---- the four sudoswap v2 curves, as cushion's core curves quote them -------------------
/// A quote: the amounts, the item count, and the curve after the trade (`next_*`; for XYK
/// spot = token reserve and delta = NFT reserve; for GDA t0 is the restart time).  When
/// `error` is not ok every amount is 0 and next_* is the unchanged curve.
struct Quote {
  curves::CurveError error = curves::CurveError::ok;
  Int value, trade_fee, protocol_fee, items;
  Int next_spot, next_delta, next_t0;
};

/// Curve parameters.  linear/exponential: spot, delta.  xyk: spot = token reserve,
/// delta = NFT reserve.  gda: spot, alpha, lambda, t0, now.
struct CurveParams {
  Int spot, delta, fee, protocol_fee;
  Int alpha, lambda, t0, now;  // GDA only
};

/// Caviar PrivatePool's weighted XYK: spot = virtual base reserve vB, delta = virtual NFT
/// reserve vN (weight units), fee = feeRate and protocol_fee = protocolFeeRate (basis points);
/// n is the traded weight sum.
Quote weighted_xyk(bool buy, const CurveParams& c, const Int& n);
Quote linear(bool buy, const CurveParams& c, const Int& n);
Quote exponential(bool buy, const CurveParams& c, const Int& n);
Quote xyk(bool buy, const CurveParams& c, const Int& n);
Quote gda(bool buy, const CurveParams& c, const Int& n);

// ---- Caviar private pools (outdoteth/caviar-private-pools, PrivatePool.sol) --------------
namespace caviar {
/// buyQuote / sellQuote: (netInput | netOutput, feeAmount, protocolFeeAmount, xy=k amount).
struct Amounts {
  Int value, fee, protocol_fee, amount;
};
Amounts buy_quote(const Int& vB, const Int& vN, const Int& w, const Int& fee_bps, const Int& protocol_bps);
Amounts sell_quote(const Int& vB, const Int& vN, const Int& w, const Int& fee_bps, const Int& protocol_bps);
/// changeFeeQuote(weightSumIn): (feeAmount, protocolFeeAmount).
std::pair<Int, Int> change_fee_quote(const Int& w_in, const Int& change_fee, unsigned decimals,
                                     const Int& protocol_bps);
/// change's fee: reverts InsufficientInputWeight when w_in < w_out.
std::pair<Int, Int> change_quote(const Int& w_in, const Int& w_out, const Int& change_fee, unsigned decimals,
                                 const Int& protocol_bps);
}  // namespace caviar

}  // namespace cushion::fuzz::ref
