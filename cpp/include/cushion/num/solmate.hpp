// cushion/num/solmate.hpp — solmate's FixedPointMathLib (transmissions11/solmate
// @3a752b8), the arithmetic sudoswap v2's linear, exponential and XYK curves use.
//
// Unlike mul_div (FullMath), these are NOT 512-bit: x * y itself must fit in
// 256 bits or the call reverts.  Keep both; the protocols differ on exactly this.
#pragma once

#include "cushion/num/mul_div.hpp"

namespace cushion::num::solmate {

namespace detail {
/// x * y, or a revert when the product needs more than 256 bits.  solmate's check is
/// `require(denominator != 0 && (y == 0 || x <= type(uint256).max / y))`, i.e. the
/// product must fit; the zero-denominator half is checked by the callers first.
inline uint256 product_or_revert(const uint256& x, const uint256& y) {
  if (x.fits_u128() && y.fits_u128()) return mul_wide(x, y).lo;
  const uint512 p = mul_wide(x, y);
  if (!p.hi.is_zero()) [[unlikely]]
    revert(RevertKind::overflow, "solmate mulDiv: x * y overflows");
  return p.lo;
}
}  // namespace detail

namespace detail {
[[gnu::noinline]] inline uint256 mul_div_slow(const uint256& x, const uint256& y, const uint256& d, bool up) {
  if (d.is_zero()) [[unlikely]]
    revert(RevertKind::division_by_zero,
           up ? "solmate mulDivUp: denominator is zero" : "solmate mulDivDown: denominator is zero");
  const DivMod256 qr = divmod_nonzero(product_or_revert(x, y), d);
  return (up && !qr.rem.is_zero()) ? wrapping_add(qr.quot, uint256(1u)) : qr.quot;
}
}  // namespace detail

/// floor(x * y / d).  Reverts: d == 0 (division_by_zero); x * y >= 2^256 (overflow).
[[gnu::always_inline]] inline uint256 mul_div_down(const uint256& x, const uint256& y, const uint256& d) {
  // Fast path: a WAD divisor and 128-bit operands, whose product cannot overflow.
  if (d == kWad && x.fits_u128() && y.fits_u128()) return ::cushion::num::detail::mul_wad_u128(x, y, false);
  return detail::mul_div_slow(x, y, d, false);
}

/// ceil(x * y / d): floor plus one when x * y mod d > 0 (the +1 cannot overflow:
/// a quotient of 2^256 - 1 implies d == 1 and no remainder).
/// Reverts: d == 0 (division_by_zero); x * y >= 2^256 (overflow).
[[gnu::always_inline]] inline uint256 mul_div_up(const uint256& x, const uint256& y, const uint256& d) {
  if (d == kWad && x.fits_u128() && y.fits_u128()) return ::cushion::num::detail::mul_wad_u128(x, y, true);
  return detail::mul_div_slow(x, y, d, true);
}

/// floor(x * y / 1e18).  Reverts when x * y >= 2^256.
[[gnu::always_inline]] inline uint256 mul_wad_down(const uint256& x, const uint256& y) {
  return mul_div_down(x, y, kWad);
}
/// ceil(x * y / 1e18).  Reverts when x * y >= 2^256.
[[gnu::always_inline]] inline uint256 mul_wad_up(const uint256& x, const uint256& y) { return mul_div_up(x, y, kWad); }
/// floor(x * 1e18 / y).  Reverts when y == 0 or x * 1e18 >= 2^256.
[[gnu::always_inline]] inline uint256 div_wad_down(const uint256& x, const uint256& y) {
  return mul_div_down(x, kWad, y);
}
/// ceil(x * 1e18 / y).  Reverts when y == 0 or x * 1e18 >= 2^256.
[[gnu::always_inline]] inline uint256 div_wad_up(const uint256& x, const uint256& y) { return mul_div_up(x, kWad, y); }

/// (a * b + 5e17) / 1e18 for a, b < 2^128: rpow's round-half-up step with a WAD scalar.
[[gnu::always_inline]] inline uint256 mul_round_half_wad(const uint256& a, const uint256& b) noexcept {
  constexpr u128 half = kWad64 / 2;
  if (a.fits_u64() && b.fits_u64()) {  // the product fits 128 bits: round and divide in registers
    const u128 p = static_cast<u128>(a.limb(0)) * b.limb(0);
    if (p < ~static_cast<u128>(0) - half) return uint256::from_u128(::cushion::num::detail::div_u128_by_wad(p + half));
  }
  const uint512 p = mul_wide(a, b);  // a, b < 2^128: fits in p.lo
  bool carry = false;
  const uint256 rounded = add_carry(p.lo, uint256(kWad64 / 2), &carry);  // cannot carry, see rpow
  bool inexact = false;
  return ::cushion::num::detail::div_limbs_by_wad(rounded.limb(0), rounded.limb(1), rounded.limb(2), rounded.limb(3),
                                                  &inexact);
}

/// rpow's `z = (z*x + half) / scalar` step with all its reverts, for any operands.
[[gnu::noinline]] inline uint256 rpow_multiply_slow(const uint256& z, const uint256& x, const uint256& scalar,
                                                    const uint256& half) {
  const uint512 zx_wide = mul_wide(z, x);
  if (!zx_wide.hi.is_zero() && !x.is_zero()) [[unlikely]]  // z*x overflowed (and x != 0)
    revert(RevertKind::overflow, "rpow: z * x overflows");
  bool carry = false;
  const uint256 zx_round = add_carry(zx_wide.lo, half, &carry);
  if (carry) [[unlikely]]
    revert(RevertKind::overflow, "rpow: z * x + half overflows");
  return evm_div(zx_round, scalar);
}

/// x^n in fixed point with base `scalar`, rounding every step half up (MakerDAO's rpow):
///   0^0 = scalar, 0^n = 0 (n > 0); otherwise z starts at x (n odd) or scalar (n even),
///   and for each remaining bit of n: x = (x*x + scalar/2) / scalar, then on a set bit
///   z = (z*x + scalar/2) / scalar.
/// Reverts (all are a plain `revert(0, 0)` in the assembly; the kind names the cause):
///   - x >= 2^128 before a squaring           -> overflow
///   - x*x + scalar/2 overflows               -> overflow
///   - z*x overflows while x != 0             -> overflow
///   - z*x + scalar/2 overflows               -> overflow
/// The divisions are the assembly DIV opcode, so scalar == 0 gives 0 instead of reverting;
/// that is reproduced too.
inline uint256 rpow(uint256 x, uint256 n, const uint256& scalar) {
  if (x.is_zero()) return n.is_zero() ? scalar : uint256();
  uint256 z = (n.limb(0) & 1) ? x : scalar;
  const uint256 half = scalar >> 1;
  const bool wad = scalar == kWad;
  if (wad && n.fits_u64()) {  // the common case, with the exponent in one register
    for (std::uint64_t k = n.limb(0) >> 1; k != 0; k >>= 1) {
      if (!x.fits_u128()) [[unlikely]]
        revert(RevertKind::overflow, "rpow: x^2 overflows");
      x = mul_round_half_wad(x, x);  // x < 2^128: x*x + 5e17 < 2^256, no overflow, no carry
      if (k & 1) {
        if (z.fits_u128() && x.fits_u128()) {
          z = mul_round_half_wad(z, x);
        } else {
          z = rpow_multiply_slow(z, x, scalar, half);
        }
      }
    }
    return z;
  }
  for (n = n >> 1; !n.is_zero(); n = n >> 1) {
    if (!x.fits_u128()) [[unlikely]]  // `if shr(128, x) { revert(0, 0) }`
      revert(RevertKind::overflow, "rpow: x^2 overflows");
    bool carry = false;
    if (wad) {
      // (x*x + 5e17) / 1e18 in registers.  x*x < 2^256 - 2^129 + 1, so adding half
      // (< 2^59) cannot carry past 2^256.
      x = mul_round_half_wad(x, x);
    } else {
      const uint256 xx = mul_wide(x, x).lo;  // fits: x < 2^128
      const uint256 xx_round = add_carry(xx, half, &carry);
      if (carry) [[unlikely]]
        revert(RevertKind::overflow, "rpow: x^2 + half overflows");
      x = evm_div(xx_round, scalar);
    }
    if (n.limb(0) & 1) {
      if (wad && z.fits_u128() && x.fits_u128()) {
        z = mul_round_half_wad(z, x);  // z*x < 2^256 - 2^129 + 1: no overflow, no carry
        continue;
      }
      z = rpow_multiply_slow(z, x, scalar, half);
    }
  }
  return z;
}

}  // namespace cushion::num::solmate
