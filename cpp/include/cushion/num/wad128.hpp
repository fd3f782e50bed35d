// cushion/num/wad128.hpp — solmate's WAD helpers on 128-bit registers, for the fast paths
// of the exact curves.
//
// Realistic prices and multipliers fit comfortably in 128 bits (10^38 wei is 10^20
// tokens), yet the general uint256 operations carry four limbs, re-check which limbs are
// used at every step and build 32-byte results.  These functions do the same arithmetic
// with the same rounding on unsigned __int128 and *decline* (return false) whenever an
// operand or an intermediate leaves the range where that is provably exact; the caller
// then runs the general (checked, reverting) uint256 code from the start.  So a fast
// path either returns exactly what the general path returns, or nothing: it never
// reverts, never reports an error of its own, and never rounds differently.
#pragma once

#include <cstdint>
#include <utility>

#include "cushion/num/uint256.hpp"

namespace cushion::num::wad128 {

inline constexpr u128 kWad = kWad64;
inline constexpr std::uint64_t kHalfWad = kWad64 / 2;

/// x as a u128 when it fits (the uint256 has no high limbs).
[[gnu::always_inline]] inline bool to_u128(const uint256& x, u128* out) noexcept {
  *out = x.low128();
  return x.fits_u128();
}

/// A quotient by 1e18 and the remainder (times 16; only its being zero is used).  Returned
/// by value: a `bool*` out-parameter made GCC spill the flag with a byte store and reload it
/// with an 8-byte load, a store-forwarding stall that cost ~6% of an exponential quote.
struct WadDivision {
  u128 quot;
  std::uint64_t rem_shifted;
};

/// One 128-by-64 step by the normalised WAD (Moller & Granlund 2011, algorithm 4, with the
/// divisor 1e18 << 4 and its reciprocal as constants): (u1, u0) / (1e18 << 4) for
/// u1 < 1e18 << 4.  The first correction is a mask, not a branch (it is needed about as
/// often as not, as unpredictably as the prices); the second is rare (the paper's
/// "unlikely" branch), so a branch costs less there than the mask arithmetic.
[[gnu::always_inline]] inline std::uint64_t wad_step(std::uint64_t u1, std::uint64_t u0, std::uint64_t* rem) noexcept {
  constexpr std::uint64_t dn = kWad64 << detail::kWadShift;
  constexpr auto v = static_cast<std::uint64_t>(~static_cast<u128>(0) / dn - (static_cast<u128>(1) << 64));
  const u128 q = static_cast<u128>(v) * u1 + ((static_cast<u128>(u1 + 1) << 64) | u0);
  auto q1 = static_cast<std::uint64_t>(q >> 64);
  const auto q0 = static_cast<std::uint64_t>(q);
  std::uint64_t r = u0 - q1 * dn;
  const std::uint64_t over = 0 - static_cast<std::uint64_t>(r > q0);  // q1 one too large
  q1 += over;
  r += dn & over;
  if (r >= dn) [[unlikely]] {  // q1 one too small
    ++q1;
    r -= dn;
  }
  *rem = r;
  return q1;
}

/// floor((p1, p0) / 1e18) for a 128-bit value.  Writing p1 = a * 1e18 + b (a <= 18: a
/// division by a constant, which the compiler turns into a multiply) gives the quotient
/// a * 2^64 + floor((b, p0) / 1e18) with b < 1e18, so one normalised step finishes it.
[[gnu::always_inline]] inline WadDivision div_by_wad(std::uint64_t p1, std::uint64_t p0) noexcept {
  constexpr unsigned s = detail::kWadShift, t = 64 - detail::kWadShift;
  const std::uint64_t a = p1 / kWad64, b = p1 - a * kWad64;
  std::uint64_t r;
  const std::uint64_t q0 = wad_step((b << s) | (p0 >> t), p0 << s, &r);
  return {(static_cast<u128>(a) << 64) | q0, r};
}

/// floor(x * y / 1e18), or the ceiling when `up`: solmate mulWadDown / mulWadUp (x * y
/// < 2^256 always holds here), declining when the result needs more than 128 bits.
[[gnu::always_inline]] inline bool mul_wad(u128 x, u128 y, bool up, u128* out) noexcept {
  if ((y >> 64) != 0) {    // multipliers (the second operand) are below 2^64 in practice
    if ((x >> 64) != 0) {  // both wide: the 256-bit product divided limb by limb
      const uint256 q = detail::mul_wad_u128(uint256::from_u128(x), uint256::from_u128(y), up);
      *out = q.low128();
      return q.fits_u128();
    }
    std::swap(x, y);
  }
  // x * y for x < 2^128, y < 2^64: a 192-bit product (p2, p1, p0), two multiplies whatever
  // the size of x (a branch on it would be as unpredictable as the prices).
  const auto y0 = static_cast<std::uint64_t>(y);
  const u128 a = static_cast<u128>(static_cast<std::uint64_t>(x)) * y0;
  const u128 b = static_cast<u128>(static_cast<std::uint64_t>(x >> 64)) * y0;
  const u128 mid = (a >> 64) + static_cast<std::uint64_t>(b);
  const std::uint64_t p2 = static_cast<std::uint64_t>(b >> 64) + static_cast<std::uint64_t>(mid >> 64);
  const auto p1 = static_cast<std::uint64_t>(mid), p0 = static_cast<std::uint64_t>(a);
  if (p2 != 0) [[unlikely]] {  // a product past 2^128: the general limb division
    bool inexact = false;
    const uint256 wide = detail::div_limbs_by_wad(p0, p1, p2, 0, &inexact);
    if (!wide.fits_u128() || (up && inexact && wide.low128() == ~static_cast<u128>(0))) return false;
    *out = wide.low128() + static_cast<u128>(up && inexact);
    return true;
  }
  const WadDivision d = div_by_wad(p1, p0);
  *out = d.quot + static_cast<u128>(up & (d.rem_shifted != 0));  // ceil: +1 on a remainder (q < 2^125)
  return true;
}

/// floor(x * 1e18 / d), or the ceiling when `up`: solmate divWadDown / divWadUp, for
/// 0 < d < 2^64 and x * 1e18 < 2^128 (declines otherwise, a zero divisor included).
[[gnu::always_inline]] inline bool div_wad(u128 x, u128 d, bool up, u128* out) noexcept {
  u128 p;
  if ((d >> 64) != 0 || d == 0 || __builtin_mul_overflow(x, kWad, &p)) return false;
  const auto d64 = static_cast<std::uint64_t>(d);
  const auto hi = static_cast<std::uint64_t>(p >> 64);
  u128 q;
  std::uint64_t r;
  if (hi < d64) {  // the quotient fits 64 bits: one hardware division
    q = detail::div_2by1(hi, static_cast<std::uint64_t>(p), d64, &r);
  } else {  // two, from the top limb (u128 / u64 would call libgcc's general __udivti3)
    const std::uint64_t q1 = detail::div_2by1(0, hi, d64, &r);
    q = (static_cast<u128>(q1) << 64) | detail::div_2by1(r, static_cast<std::uint64_t>(p), d64, &r);
  }
  *out = q + static_cast<u128>(up && r != 0);
  return true;
}

/// (a * b + 5e17) / 1e18, rpow's round-half-up step, for a, b < 2^64 (so the rounded
/// product fits 128 bits).  `fits` is false when the result reaches 2^64 (the value is
/// then meaningless and the caller declines).
struct RoundedStep {
  std::uint64_t value;
  bool fits;
};
[[gnu::always_inline]] inline RoundedStep mul_round_half(std::uint64_t a, std::uint64_t b) noexcept {
  const u128 n = static_cast<u128>(a) * b + kHalfWad;  // < 2^128 - 2^65 + 2^59: no overflow
  const auto n1 = static_cast<std::uint64_t>(n >> 64), n0 = static_cast<std::uint64_t>(n);
  // The quotient fits 64 bits iff n1 < 1e18: then one normalised step gives it.
  constexpr unsigned s = detail::kWadShift, t = 64 - detail::kWadShift;
  const bool fits = n1 < kWad64;
  std::uint64_t r;
  return {wad_step(fits ? (n1 << s) | (n0 >> t) : 0, n0 << s, &r), fits};
}

/// solmate's square-and-multiply for x, n < 2^64, each step rounded half up; false when
/// anything reaches 2^64.  While z still holds its start value 1e18 (no odd bit of n seen
/// yet), solmate's z * x step returns x exactly ((1e18 x + 5e17) / 1e18 == x, and nothing
/// can overflow for x < 2^64), so that step is a copy here.
[[gnu::always_inline]] inline bool rpow_steps(std::uint64_t x, std::uint64_t n, std::uint64_t* out) noexcept {
  std::uint64_t z = x;
  bool z_is_one = (n & 1) == 0, fits = true;
  for (n >>= 1; n != 0; n >>= 1) {
    const RoundedStep xx = mul_round_half(x, x);
    x = xx.value;
    fits &= xx.fits;
    if (n & 1) {
      if (z_is_one) {
        z = x;
        z_is_one = false;
      } else {
        const RoundedStep zx = mul_round_half(z, x);
        z = zx.value;
        fits &= zx.fits;
      }
    }
  }
  *out = z;
  return fits;
}

/// solmate rpow(x, n, 1e18) while x, z and every intermediate stay below 2^64.  Counts
/// 1..15 (a trade's usual size) call rpow_steps with the count as a constant, so each case
/// is unrolled to just the squarings and multiplies its bits need: the one indirect jump
/// replaces a branch per bit of n.  Declines for x == 0 (the general path has its 0^n
/// rule), n == 0, and on leaving 64 bits.
[[gnu::always_inline]] inline bool rpow(u128 x128, u128 n128, u128* out) noexcept {
  if (x128 == 0 || (x128 >> 64) != 0 || n128 == 0 || (n128 >> 64) != 0) return false;
  const auto x = static_cast<std::uint64_t>(x128);
  std::uint64_t z = 0;
  bool fits = false;
  switch (n128 < 16 ? static_cast<unsigned>(n128) : 0u) {
#define CUSHION_RPOW_CASE(k)     \
  case k:                        \
    fits = rpow_steps(x, k, &z); \
    break;
    CUSHION_RPOW_CASE(1)
    CUSHION_RPOW_CASE(2)
    CUSHION_RPOW_CASE(3)
    CUSHION_RPOW_CASE(4)
    CUSHION_RPOW_CASE(5)
    CUSHION_RPOW_CASE(6)
    CUSHION_RPOW_CASE(7)
    CUSHION_RPOW_CASE(8)
    CUSHION_RPOW_CASE(9)
    CUSHION_RPOW_CASE(10)
    CUSHION_RPOW_CASE(11)
    CUSHION_RPOW_CASE(12)
    CUSHION_RPOW_CASE(13)
    CUSHION_RPOW_CASE(14)
    CUSHION_RPOW_CASE(15)
#undef CUSHION_RPOW_CASE
    default:
      fits = rpow_steps(x, static_cast<std::uint64_t>(n128), &z);
  }
  *out = z;
  return fits;
}

/// a + b, declining on a carry past 128 bits (the uint256 sum would not revert there,
/// but the general path decides that).
[[gnu::always_inline]] inline bool add(u128 a, u128 b, u128* out) noexcept {
  return !__builtin_add_overflow(a, b, out);
}

/// a - b, declining when b > a (the general path reverts there).
[[gnu::always_inline]] inline bool sub(u128 a, u128 b, u128* out) noexcept {
  return !__builtin_sub_overflow(a, b, out);
}

}  // namespace cushion::num::wad128
