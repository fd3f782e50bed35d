// cushion/num/mul_div.hpp — a * b / d with a 512-bit intermediate (Uniswap
// v3 FullMath semantics) and named rounding.
#pragma once

#include "cushion/num/uint256.hpp"

namespace cushion::num {

/// Rounding direction of one exact step.  Every exact-mode division names one.
enum class Rounding : unsigned char { down = 0, up = 1 };

namespace detail {
[[gnu::noinline]] inline uint256 mul_div_wide(const uint256& a, const uint256& b, const uint256& d, Rounding rounding) {
  if (d.is_zero()) [[unlikely]]
    revert(RevertKind::division_by_zero, "mul_div: denominator is zero");
  const uint512 p = mul_wide(a, b);
  if (!(p.hi < d)) [[unlikely]]
    revert(RevertKind::overflow, "mul_div: result does not fit in 256 bits");
  DivMod256 qr = divmod_wide_nonzero(p, d);
  if (rounding == Rounding::up && !qr.rem.is_zero()) {
    if (qr.quot == uint256::max()) [[unlikely]]
      revert(RevertKind::overflow, "mul_div: rounding up overflows");
    qr.quot = wrapping_add(qr.quot, uint256(1u));
  }
  return qr.quot;
}
}  // namespace detail

/// floor(a * b / d) or ceil(a * b / d), computed on the full 512-bit product so
/// that a * b may exceed 2^256 (Uniswap FullMath.mulDiv / mulDivRoundingUp).
///
/// Reverts:
///  - d == 0                                  -> division_by_zero (FullMath: require(denominator > 0))
///  - the quotient does not fit in 256 bits   -> overflow         (FullMath: require(denominator > prod1))
///  - rounding up would carry past 2^256 - 1  -> overflow         (FullMath: require(result < max))
[[gnu::always_inline]] inline uint256 mul_div(const uint256& a, const uint256& b, const uint256& d,
                                              Rounding rounding = Rounding::down) {
  // Fast path: a WAD denominator and 128-bit operands (the product fits, the quotient too).
  if (d == kWad && a.fits_u128() && b.fits_u128()) return detail::mul_wad_u128(a, b, rounding == Rounding::up);
  // Fast path: a non-zero 64-bit denominator (basis points, fee denominators), a 128-bit and
  // a 64-bit operand: the product has three limbs, divided by three hardware divisions from
  // the top; the quotient (< 2^192) fits and rounding up cannot carry out, so this path
  // never reverts, as FullMath does not for these operands.
  if (d.fits_u64() && !d.is_zero() && a.fits_u128() && b.fits_u64()) {
    const u128 lo = static_cast<u128>(a.limb(0)) * b.limb(0);
    const u128 hi = static_cast<u128>(a.limb(1)) * b.limb(0) + static_cast<std::uint64_t>(lo >> 64);
    const std::uint64_t den = d.limb(0);
    std::uint64_t r = 0;
    uint256 q;
    q.limb_ref(2) = detail::div_2by1(0, static_cast<std::uint64_t>(hi >> 64), den, &r);
    q.limb_ref(1) = detail::div_2by1(r, static_cast<std::uint64_t>(hi), den, &r);
    q.limb_ref(0) = detail::div_2by1(r, static_cast<std::uint64_t>(lo), den, &r);
    return rounding == Rounding::up && r != 0 ? wrapping_add(q, uint256(1u)) : q;
  }
  return detail::mul_div_wide(a, b, d, rounding);
}

/// The EVM's MULMOD opcode: (a * b) % d on the 512-bit product; 0 when d == 0.
inline uint256 mulmod(const uint256& a, const uint256& b, const uint256& d) {
  if (d.is_zero()) return uint256();
  const uint512 p = mul_wide(a, b);
  if (!(p.hi < d)) {  // reduce the high half first so the quotient fits
    const uint256 hi_rem = divmod_nonzero(p.hi, d).rem;
    return divmod_wide_nonzero(uint512{p.lo, hi_rem}, d).rem;
  }
  return divmod_wide_nonzero(p, d).rem;
}

}  // namespace cushion::num
