// tests/fuzz/support/reference.cpp — see reference.hpp.  Every function is transcribed from
// the Solidity it stands for; the comments name the source line's semantics.
#include "reference.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>

namespace cushion::fuzz::ref {

namespace {
const Int kTwo256 = Int(1) << 256;
const Int kMax256 = kTwo256 - 1;
const Int kMax128 = (Int(1) << 128) - 1;
const Int kWad = Int(1000000000000000000ULL);

[[noreturn]] void fail(RevertKind kind, const char* reason = "") { throw RefRevert{kind, reason}; }

Int check(const Int& v) {
  if (v < 0) fail(RevertKind::underflow);
  if (v > kMax256) fail(RevertKind::overflow);
  return v;
}

/// v mod 2^256: the value an `unchecked` block or assembly leaves.
Int wrap(const Int& v) {
  Int r = v % kTwo256;
  if (r < 0) r += kTwo256;
  return r;
}
}  // namespace

const Int& max256() { return kMax256; }
const Int& max128() { return kMax128; }
const Int& wad() { return kWad; }

Int to_int(const num::uint256& v) {
  Int r = 0;
  for (int i = 3; i >= 0; --i) r = (r << 64) | Int(v.limb(static_cast<unsigned>(i)));
  return r;
}

num::uint256 to_uint256(const Int& v) {
  if (v < 0 || v > kMax256) {
    std::fprintf(stderr, "reference: to_uint256 of an out-of-range value %s\n", hex(v).c_str());
    std::abort();
  }
  num::uint256::limbs_type w{};
  for (unsigned i = 0; i < 4; ++i) w[i] = static_cast<std::uint64_t>((v >> (64 * i)) & Int(~0ULL));
  return num::uint256(w);
}

std::string hex(const Int& v) {
  if (v < 0) return "-" + hex(-v);
  std::string digits;
  Int t = v;
  static const char* kDigits = "0123456789abcdef";
  do {
    digits.insert(digits.begin(), kDigits[static_cast<unsigned>(t & 15)]);
    t >>= 4;
  } while (t != 0);
  return "0x" + digits;
}

Int add(const Int& a, const Int& b) { return check(a + b); }
Int sub(const Int& a, const Int& b) { return check(a - b); }
Int mul(const Int& a, const Int& b) { return check(a * b); }
Int div(const Int& a, const Int& b) {
  if (b == 0) fail(RevertKind::division_by_zero);
  return a / b;
}
Int mod(const Int& a, const Int& b) {
  if (b == 0) fail(RevertKind::division_by_zero);
  return a % b;
}

// FullMath.mulDiv: require(denominator > 0); require(denominator > prod1), i.e. the quotient
// fits.  mulDivRoundingUp: if mulmod(a, b, d) > 0 { require(result < max); result++ }.
Int fullmath_mul_div(const Int& a, const Int& b, const Int& d, bool round_up) {
  if (d == 0) fail(RevertKind::division_by_zero);
  const Int p = a * b;
  Int q = p / d;
  if (q > kMax256) fail(RevertKind::overflow);
  if (round_up && p % d != 0) {
    if (q == kMax256) fail(RevertKind::overflow);
    q += 1;
  }
  return q;
}

Int mulmod(const Int& a, const Int& b, const Int& d) { return d == 0 ? Int(0) : (a * b) % d; }

// solmate mulDivDown/Up: `if iszero(mul(denominator, iszero(mul(y, gt(x, div(MAX, y)))))) revert`
// — d == 0 or x * y > MAX reverts (cushion names the zero denominator first).
Int solmate_mul_div(const Int& x, const Int& y, const Int& d, bool round_up) {
  if (d == 0) fail(RevertKind::division_by_zero);
  const Int p = x * y;
  if (p > kMax256) fail(RevertKind::overflow);
  return p / d + ((round_up && p % d != 0) ? 1 : 0);
}

// solmate rpow (MakerDAO), the assembly step by step with overflow decided on true values.
Int rpow(const Int& x_in, const Int& n_in, const Int& scalar) {
  Int x = x_in, n = n_in;
  if (x == 0) return n == 0 ? scalar : Int(0);
  Int z = (n & 1) != 0 ? x : scalar;
  const Int half = scalar >> 1;
  for (n >>= 1; n != 0; n >>= 1) {
    if ((x >> 128) != 0) fail(RevertKind::overflow);  // `if shr(128, x) { revert(0, 0) }`
    const Int xx = x * x;
    const Int xx_round = xx + half;
    if (xx_round > kMax256) fail(RevertKind::overflow);  // `if lt(xxRound, xx) { revert(0, 0) }`
    x = scalar == 0 ? Int(0) : xx_round / scalar;        // DIV: 0 for a zero divisor
    if ((n & 1) != 0) {
      const Int zx = z * x;
      if (x != 0 && zx > kMax256) fail(RevertKind::overflow);  // `iszero(eq(div(zx, x), z))`
      const Int zx_round = zx + half;
      if (zx_round > kMax256) fail(RevertKind::overflow);  // `if lt(zxRound, zx) { revert(0, 0) }`
      z = scalar == 0 ? Int(0) : zx_round / scalar;
    }
  }
  return z;
}

namespace prb {

const char* const kMulDivOverflow = "PRBMath_MulDiv_Overflow";
const char* const kMulDiv18Overflow = "PRBMath_MulDiv18_Overflow";
const char* const kExpInputTooBig = "PRBMath_UD60x18_Exp_InputTooBig";
const char* const kExp2InputTooBig = "PRBMath_UD60x18_Exp2_InputTooBig";
const char* const kLogInputTooSmall = "PRBMath_UD60x18_Log_InputTooSmall";

namespace {
const Int kUnit = kWad;
const Int kLog2E = Int(1442695040888963407ULL);
const Int kLog2Of10 = Int(3321928094887362347ULL);
const Int kExpInputLimit = Int("133084258667509499441");
const Int kExp2InputLimit = Int(192) * kWad;

std::array<Int, 64> derive_exp2_factors() {
  // G_k = 2^(2^(k-64)) in fixed point with P fractional bits: G_64 = 2, G_{k-1} = sqrt(G_k).
  constexpr unsigned P = 320;
  std::array<Int, 64> out;
  Int g = Int(2) << P;
  for (int k = 63; k >= 0; --k) {
    const Int scaled = g << P;
    g = boost::multiprecision::sqrt(scaled);
    out[static_cast<unsigned>(k)] = (g + (Int(1) << (P - 65))) >> (P - 64);  // to 64.64, rounded to nearest
  }
  return out;
}
const std::array<Int, 64>& exp2_factors() {
  static const std::array<Int, 64> factors = derive_exp2_factors();
  return factors;
}
}  // namespace

const Int& exp2_factor(unsigned k) { return exp2_factors()[k]; }

// Common.mulDiv: `if (prod1 == 0) return prod0 / denominator` (a zero denominator panics);
// `if (prod1 >= denominator) revert PRBMath_MulDiv_Overflow`; else the exact floor.
Int mul_div(const Int& x, const Int& y, const Int& d) {
  const Int p = x * y;
  if ((p >> 256) == 0) {
    if (d == 0) fail(RevertKind::division_by_zero);
    return p / d;
  }
  if ((p >> 256) >= d) fail(RevertKind::custom, kMulDivOverflow);
  return p / d;
}

// Common.mulDiv18: `if (prod1 >= UNIT) revert PRBMath_MulDiv18_Overflow`; floor(x * y / UNIT).
Int mul_div18(const Int& x, const Int& y) {
  const Int p = x * y;
  if ((p >> 256) >= kUnit) fail(RevertKind::custom, kMulDiv18Overflow);
  return p / kUnit;
}

Int mul(const Int& x, const Int& y) { return mul_div18(x, y); }
Int div(const Int& x, const Int& y) { return mul_div(x, kUnit, y); }

// powu: result = y odd ? x : UNIT; for (y >>= 1; y > 0; y >>= 1) { x = mulDiv18(x, x);
// if (y & 1) result = mulDiv18(result, x); }
Int powu(const Int& x_in, const Int& y_in) {
  Int x = x_in, y = y_in;
  Int result = (y & 1) != 0 ? x : kUnit;
  for (y >>= 1; y > 0; y >>= 1) {
    x = mul_div18(x, x);
    if ((y & 1) != 0) result = mul_div18(result, x);
  }
  return result;
}

Int log2(const Int& x) {
  if (x < kUnit) fail(RevertKind::custom, kLogInputTooSmall);
  const Int whole = x / kUnit;
  const unsigned n = static_cast<unsigned>(boost::multiprecision::msb(whole));  // whole >= 1
  Int result = Int(n) * kUnit;
  Int y = x >> n;
  if (y == kUnit) return result;
  for (Int delta = kUnit / 2; delta > 0; delta >>= 1) {
    y = (y * y) / kUnit;
    if (y >= 2 * kUnit) {
      result += delta;
      y >>= 1;
    }
  }
  return result;
}

Int prb_exp2(const Int& x) {
  Int result = Int(1) << 191;  // 0.5 in 192.64
  for (int k = 63; k >= 0; --k)
    if (((x >> k) & 1) != 0) result = wrap(result * exp2_factor(static_cast<unsigned>(k))) >> 64;
  result = wrap(result * kUnit);
  const Int shift = wrap(Int(191) - (x >> 64));  // unchecked: wraps past an integer part of 191
  return shift >= 256 ? Int(0) : Int(result >> static_cast<unsigned>(shift));
}

Int exp2(const Int& x) {
  if (x >= kExp2InputLimit) fail(RevertKind::custom, kExp2InputTooBig);
  return prb_exp2((x << 64) / kUnit);
}

Int pow(const Int& x, const Int& y) {
  if (x == 0) return y == 0 ? kUnit : Int(0);
  if (y == kUnit) return x;
  return exp2(mul(log2(x), y));
}

Int exp(const Int& x) {
  if (x >= kExpInputLimit) fail(RevertKind::custom, kExpInputTooBig);
  return exp2(wrap(x * kLog2E) / kUnit);
}

Int ln(const Int& x) { return wrap(log2(x) * kUnit) / kLog2E; }

Int log10(const Int& x) {
  if (x < kUnit) fail(RevertKind::custom, kLogInputTooSmall);
  Int p = kUnit;
  for (unsigned k = 0; p <= kMax256; ++k, p *= 10)
    if (x == p) return Int(k) * kUnit;
  return wrap(log2(x) * kUnit) / kLog2Of10;
}

}  // namespace prb

// ---- curves -------------------------------------------------------------------------

namespace {
using curves::CurveError;

Int mul_wad_up(const Int& a, const Int& b) { return solmate_mul_div(a, b, kWad, true); }
Int mul_wad_down(const Int& a, const Int& b) { return solmate_mul_div(a, b, kWad, false); }
Int div_wad_up(const Int& a, const Int& b) { return solmate_mul_div(a, kWad, b, true); }
Int div_wad_down(const Int& a, const Int& b) { return solmate_mul_div(a, kWad, b, false); }

Quote failed(CurveError e, const CurveParams& c) {
  Quote q;
  q.error = e;
  q.next_spot = c.spot;
  q.next_delta = c.delta;
  q.next_t0 = c.t0;
  return q;
}

Quote ok(const Int& value, const Int& tf, const Int& pf, const Int& items, const Int& spot, const Int& delta,
         const Int& t0) {
  Quote q;
  q.value = value;
  q.trade_fee = tf;
  q.protocol_fee = pf;
  q.items = items;
  q.next_spot = spot;
  q.next_delta = delta;
  q.next_t0 = t0;
  return q;
}
}  // namespace

Quote linear(bool buy, const CurveParams& c, const Int& n) {
  const Int &S = c.spot, &d = c.delta;
  if (n == 0) return failed(CurveError::invalid_numitems, c);
  if (buy) {
    const Int new_spot = add(S, mul(d, n));
    if (new_spot > kMax128) return failed(CurveError::spot_price_overflow, c);
    const Int buy_spot = add(S, d);
    const Int series = div(mul(mul(n, sub(n, 1)), d), 2);
    const Int raw = add(mul(n, buy_spot), series);
    const Int pf = mul_wad_up(raw, c.protocol_fee), tf = mul_wad_up(raw, c.fee);
    return ok(add(raw, add(tf, pf)), tf, pf, n, new_spot, d, c.t0);
  }
  const Int decrease = mul(d, n);
  Int items = n, new_spot = 0;
  if (S < decrease)
    items = add(div(S, d), 1);  // the sale stops at the item whose price reaches 0
  else
    new_spot = S - decrease;
  const Int series = div(mul(mul(items, sub(items, 1)), d), 2);
  const Int raw = sub(mul(items, S), series);
  const Int pf = mul_wad_up(raw, c.protocol_fee), tf = mul_wad_up(raw, c.fee);
  return ok(sub(raw, add(tf, pf)), tf, pf, items, new_spot, d, c.t0);
}

Quote exponential(bool buy, const CurveParams& c, const Int& n) {
  const Int &S = c.spot, &d = c.delta;
  if (n == 0) return failed(CurveError::invalid_numitems, c);
  if (buy) {
    const Int dpn = rpow(d, n, kWad);
    const Int new_spot = mul_wad_up(S, dpn);
    if (new_spot > kMax128) return failed(CurveError::spot_price_overflow, c);
    const Int first = mul_wad_up(S, d);
    const Int raw = mul_wad_up(first, div_wad_up(sub(dpn, kWad), sub(d, kWad)));
    const Int pf = mul_wad_up(raw, c.protocol_fee), tf = mul_wad_up(raw, c.fee);
    return ok(add(raw, add(pf, tf)), tf, pf, n, new_spot, d, c.t0);
  }
  const Int inv = div_wad_down(kWad, d);
  const Int ipn = rpow(inv, n, kWad);
  const Int new_spot = mul_wad_down(S, ipn) & kMax128;  // uint128(...) keeps the low bits
  if (new_spot < 1000000) return failed(CurveError::spot_price_underflow, c);
  const Int raw = mul_wad_down(S, div_wad_down(sub(kWad, ipn), sub(kWad, inv)));
  const Int pf = mul_wad_up(raw, c.protocol_fee), tf = mul_wad_up(raw, c.fee);
  return ok(sub(raw, add(pf, tf)), tf, pf, n, new_spot, d, c.t0);
}

Quote xyk(bool buy, const CurveParams& c, const Int& n) {
  const Int &x = c.spot, &y = c.delta;
  if (n == 0) return failed(CurveError::invalid_numitems, c);
  if (buy) {
    if (n >= y) return failed(CurveError::invalid_numitems, c);
    const Int new_y = y - n;
    const Int raw = div(mul(n, x), new_y);
    const Int pf = mul_wad_up(raw, c.protocol_fee), tf = mul_wad_up(raw, c.fee);
    const Int value = add(add(raw, tf), pf);
    const Int new_x = add(x, raw);
    if (new_x > kMax128) return failed(CurveError::spot_price_overflow, c);
    return ok(value, tf, pf, n, new_x, new_y, c.t0);
  }
  const Int new_y = add(y, n);
  if (new_y > kMax128) return failed(CurveError::delta_overflow, c);
  const Int raw = div(mul(n, x), new_y);
  const Int pf = mul_wad_up(raw, c.protocol_fee), tf = mul_wad_up(raw, c.fee);
  return ok(sub(sub(raw, tf), pf), tf, pf, n, x - raw, new_y, c.t0);
}

Quote gda(bool buy, const CurveParams& c, const Int& n) {
  const Int& S = c.spot;
  if (n == 0) return failed(CurveError::invalid_numitems, c);
  // exponent = (now - t0) * lambda, checked; `if (convert(exponent) > 10) exponent = 10e18`.
  Int exponent = mul(sub(c.now, c.t0), c.lambda);
  if (exponent / kWad > 10) exponent = 10 * kWad;
  const Int factor = prb::pow(2 * kWad, exponent);
  const Int apn = prb::powu(c.alpha, n);
  Int new_spot, raw;
  if (buy) {
    new_spot = prb::div(prb::mul(S, apn), factor);
  } else {
    new_spot = prb::div(prb::mul(S, factor), apn);
  }
  if (new_spot > kMax128) return failed(CurveError::spot_price_overflow, c);
  if (new_spot < 1000000000) return failed(CurveError::spot_price_underflow, c);
  if (buy) {
    raw = prb::div(prb::div(prb::mul(S, sub(apn, kWad)), sub(c.alpha, kWad)), factor);
  } else {
    raw = prb::div(prb::mul(prb::div(prb::mul(S, factor), prb::div(apn, c.alpha)), sub(apn, kWad)), sub(c.alpha, kWad));
  }
  const Int pf = prb::mul(raw, c.protocol_fee), tf = prb::mul(raw, c.fee);  // GDA floors its fees
  const Int value = buy ? add(add(raw, pf), tf) : sub(sub(raw, pf), tf);
  return ok(value, tf, pf, n, new_spot, c.delta, c.now);
}

// ---- Caviar --------------------------------------------------------------------------

namespace caviar {

// buyQuote: inputAmount = FixedPointMathLib.mulDivUp(weightSum, virtualBaseTokenReserves,
// virtualNftReserves - weightSum) (the subtraction is checked first); protocolFeeAmount =
// inputAmount * protocolFeeRate / 10_000, feeAmount = inputAmount * feeRate / 10_000 (checked
// products, floored); netInputAmount = inputAmount + feeAmount + protocolFeeAmount.
Amounts buy_quote(const Int& vB, const Int& vN, const Int& w, const Int& fee_bps, const Int& protocol_bps) {
  const Int amount = solmate_mul_div(w, vB, sub(vN, w), true);
  const Int pf = div(mul(amount, protocol_bps), 10000), fee = div(mul(amount, fee_bps), 10000);
  return {add(add(amount, fee), pf), fee, pf, amount};
}

// sellQuote: outputAmount = weightSum * virtualBaseTokenReserves / (virtualNftReserves +
// weightSum) (checked, floored); netOutputAmount = outputAmount - feeAmount - protocolFeeAmount.
Amounts sell_quote(const Int& vB, const Int& vN, const Int& w, const Int& fee_bps, const Int& protocol_bps) {
  const Int amount = div(mul(w, vB), add(vN, w));
  const Int pf = div(mul(amount, protocol_bps), 10000), fee = div(mul(amount, fee_bps), 10000);
  return {sub(sub(amount, fee), pf), fee, pf, amount};
}

// changeFeeQuote: feePerNft = changeFee * 10 ** (decimals - 4) (uint8 subtraction, checked
// power, checked product); feeAmount = weightSumIn * feePerNft / 1e18; protocolFeeAmount =
// feeAmount * protocolFeeRate / 10_000.
std::pair<Int, Int> change_fee_quote(const Int& w_in, const Int& change_fee, unsigned decimals,
                                     const Int& protocol_bps) {
  if (decimals < 4) fail(RevertKind::underflow);
  const Int unit = check(boost::multiprecision::pow(Int(10), decimals - 4));
  const Int fee = div(mul(w_in, mul(change_fee, unit)), kWad);
  return {fee, div(mul(fee, protocol_bps), 10000)};
}

std::pair<Int, Int> change_quote(const Int& w_in, const Int& w_out, const Int& change_fee, unsigned decimals,
                                 const Int& protocol_bps) {
  if (w_in < w_out) fail(RevertKind::custom, "InsufficientInputWeight");
  return change_fee_quote(w_in, change_fee, decimals, protocol_bps);
}

}  // namespace caviar

// PrivatePool.buy / sell on the reserves: virtualBaseTokenReserves += / -= uint128(amount),
// virtualNftReserves -= / += uint128(weightSum) (uint128(...) keeps the low bits; the uint128
// arithmetic is checked).  An empty trade is INVALID_NUMITEMS.
Quote weighted_xyk(bool buy, const CurveParams& c, const Int& w) {
  if (w == 0) return failed(CurveError::invalid_numitems, c);
  const caviar::Amounts a = buy ? caviar::buy_quote(c.spot, c.delta, w, c.fee, c.protocol_fee)
                                : caviar::sell_quote(c.spot, c.delta, w, c.fee, c.protocol_fee);
  const auto uint128_add = [](const Int& reserve, const Int& x) {
    const Int r = reserve + (x & kMax128);
    if (r > kMax128) fail(RevertKind::overflow);
    return r;
  };
  const Int base = buy ? uint128_add(c.spot, a.amount) : sub(c.spot, a.amount & kMax128);
  const Int nft = buy ? sub(c.delta, w & kMax128) : uint128_add(c.delta, w);
  return ok(a.value, a.fee, a.protocol_fee, w, base, nft, c.t0);
}

}  // namespace cushion::fuzz::ref
