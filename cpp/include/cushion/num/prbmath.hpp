// cushion/num/prbmath.hpp — PRBMath v3.3.2's UD60x18 arithmetic (PaulRBerg/prb-math @1edf08d:
// src/Common.sol and src/ud60x18/{Math,Constants,Errors,Helpers,Conversions}.sol), bit for bit,
// reverts included.
//
// A UD60x18 is a uint256 read as value / 1e18.  Every function here takes and returns the raw
// uint256.  Where the Solidity code reverts, these throw `Revert`:
//   Panic 0x11 (checked + / -)        -> RevertKind::overflow / RevertKind::underflow
//   Panic 0x12 (division by zero)     -> RevertKind::division_by_zero
//   a PRBMath custom error            -> RevertKind::custom, reason = the error's exact name
// and where the Solidity code is `unchecked` or assembly, these do not revert either.
//
// Behaviour of v3.3.2 worth knowing (it differs from v4):
//   - pow(x, y) has no reciprocal branch: for 0 < x < 1e18 it reverts in log2
//     (PRBMath_UD60x18_Log_InputTooSmall) unless y == 1e18, even for y == 0.
//   - exp2 rejects x >= 192e18; exp rejects x >= 133.084258667509499441e18.
//   - mul / powu truncate (mulDiv18 rounds toward zero; the "round half up" in its NatSpec is stale).
//   - div(x, 0) is Panic 0x12 when x * 1e18 < 2^256, but PRBMath_MulDiv_Overflow when it is
//     not: mulDiv only divides directly when the product's high word is zero.
//
// Speed: operands up to 128 bits stay on native 64/128-bit limbs, divisions by 1e18 use a
// precomputed reciprocal, exp2's 64 factors are applied with three 64x64 multiplies each,
// and wide divisions use a limb-wise long division instead of Boost.
#pragma once

#include <array>
#include <cstdint>

#include "cushion/num/revert.hpp"
#include "cushion/num/uint256.hpp"

namespace cushion::num::prbmath {

namespace detail {

/// A decimal literal (digits, optionally grouped with '_') as a uint256, at compile time.
consteval uint256 parse_decimal(const char* text) {
  uint256 value;
  for (; *text != '\0'; ++text) {
    if (*text == '_') continue;
    bool carry = false;
    value = add_carry(mul_wide(value, uint256(10u)).lo, uint256(static_cast<unsigned>(*text - '0')), &carry);
  }
  return value;
}

}  // namespace detail

// ---------------------------------------------------------------------------
// Constants (ud60x18/Constants.sol and the bounds hard-coded in Math.sol).
// ---------------------------------------------------------------------------

inline constexpr std::uint64_t kUnit64 = 1'000000000'000000000ULL;
/// 1.0 in UD60x18 (uUNIT).
inline constexpr uint256 kUnit{kUnit64};
/// 0.5 in UD60x18 (uHALF_UNIT).
inline constexpr uint256 kHalfUnit{kUnit64 / 2};
/// The largest UD60x18, 2^256 - 1 (uMAX_UD60x18).
inline constexpr uint256 kMaxUD60x18 = uint256::max();
/// The largest whole UD60x18 (uMAX_WHOLE_UD60x18).
inline constexpr uint256 kMaxWholeUD60x18 =
    detail::parse_decimal("115792089237316195423570985008687907853269984665640564039457_000000000000000000");
/// The largest integer convert(uint256) accepts: floor((2^256 - 1) / 1e18).
inline constexpr uint256 kMaxConvertibleUint =
    detail::parse_decimal("115792089237316195423570985008687907853269984665640564039457");
/// e, pi, log2(e), log2(10) as UD60x18 (E, PI, uLOG2_E, uLOG2_10), truncated.
inline constexpr uint256 kE{2'718281828459045235ULL};
inline constexpr uint256 kPi{3'141592653589793238ULL};
inline constexpr uint256 kLog2E{1'442695040888963407ULL};
inline constexpr uint256 kLog2Of10{3'321928094887362347ULL};
/// exp2 reverts for x >= 192e18 (2^192 would not fit the 192.64-bit format).
inline constexpr uint256 kExp2InputLimit = uint256::from_u128(static_cast<u128>(192) * kUnit64);
/// The largest input exp2 accepts, 192e18 - 1.
inline constexpr uint256 kExp2MaxInput = uint256::from_u128(static_cast<u128>(192) * kUnit64 - 1);
/// exp reverts for x >= 133.084258667509499441e18.
inline constexpr uint256 kExpInputLimit = detail::parse_decimal("133_084258667509499441");
/// The largest input exp accepts, 133.084258667509499440e18.
inline constexpr uint256 kExpMaxInput = detail::parse_decimal("133_084258667509499440");

/// The custom error names (src/Common.sol, src/ud60x18/Errors.sol), used as Revert reasons.
namespace error {
inline constexpr const char* kMulDivOverflow = "PRBMath_MulDiv_Overflow";
inline constexpr const char* kMulDiv18Overflow = "PRBMath_MulDiv18_Overflow";
inline constexpr const char* kConvertOverflow = "PRBMath_UD60x18_Convert_Overflow";
inline constexpr const char* kExpInputTooBig = "PRBMath_UD60x18_Exp_InputTooBig";
inline constexpr const char* kExp2InputTooBig = "PRBMath_UD60x18_Exp2_InputTooBig";
inline constexpr const char* kLogInputTooSmall = "PRBMath_UD60x18_Log_InputTooSmall";
}  // namespace error

namespace detail {

// ---- floor(v / 1e18) for a 128-bit v whose quotient fits in 64 bits -------------------
//
// One 2-by-1 step of Moller & Granlund's division by an invariant integer (2011, alg. 4)
// with the normalised divisor 1e18 << 4 and its reciprocal, both compile-time constants.
inline constexpr unsigned kWadShift = 4;  // 1e18 < 2^60: four leading zero bits
inline constexpr std::uint64_t kWadNorm = kUnit64 << kWadShift;
inline constexpr std::uint64_t kWadRecip =
    static_cast<std::uint64_t>(~static_cast<u128>(0) / kWadNorm - (static_cast<u128>(1) << 64));
/// 1e18 * 2^64: div_wad_small's inputs must be below this.
inline constexpr u128 kWadSmallLimit = static_cast<u128>(kUnit64) << 64;

struct QuotRem64 {
  std::uint64_t quot;
  std::uint64_t rem;
};

/// floor(v / 1e18) and v mod 1e18.  Requires v < 1e18 * 2^64.
constexpr QuotRem64 div_wad_small(u128 v) noexcept {
  const u128 n = v << kWadShift;  // v < 2^124, so no bit is lost
  const std::uint64_t u1 = static_cast<std::uint64_t>(n >> 64), u0 = static_cast<std::uint64_t>(n);
  u128 q = static_cast<u128>(kWadRecip) * u1;
  q += (static_cast<u128>(u1 + 1) << 64) | u0;  // wraps mod 2^128 by design
  std::uint64_t q1 = static_cast<std::uint64_t>(q >> 64);
  const std::uint64_t q0 = static_cast<std::uint64_t>(q);
  std::uint64_t r = u0 - q1 * kWadNorm;
  if (r > q0) {  // the estimate was one too big
    --q1;
    r += kWadNorm;
  }
  if (r >= kWadNorm) [[unlikely]] {  // ... or one too small
    ++q1;
    r -= kWadNorm;
  }
  return {q1, r >> kWadShift};
}

// ---- floor(y * y / 1e18) for y < 2e18, by one multiplication with a magic constant --------
//
// With M = ceil(2^182 / 1e18) and e = M * 1e18 - 2^182 (0 <= e < 1e18), for every n < 4e36:
// n * M / 2^182 = n / 1e18 + n * e / (1e18 * 2^182), and n * e < 4e36 * 1e18 < 2^182, so the
// extra term never carries past the next multiple of 1e18: floor(n * M / 2^182) = floor(n / 1e18).
inline constexpr std::uint64_t kSquareMagicHi = 332306998946228968ULL;   // M >> 64
inline constexpr std::uint64_t kSquareMagicLo = 4168074383250824447ULL;  // M mod 2^64
inline constexpr unsigned kSquareMagicShift = 182;

/// floor(y * y / 1e18), exact for y < 2e18 (see above).
constexpr std::uint64_t square_div_wad(std::uint64_t y) noexcept {
  const u128 n = static_cast<u128>(y) * y;
  const std::uint64_t n1 = static_cast<std::uint64_t>(n >> 64), n0 = static_cast<std::uint64_t>(n);
  const u128 t0 = static_cast<u128>(n0) * kSquareMagicLo, t1 = static_cast<u128>(n0) * kSquareMagicHi;
  const u128 t2 = static_cast<u128>(n1) * kSquareMagicLo;
  const u128 mid = (t0 >> 64) + static_cast<std::uint64_t>(t1) + static_cast<std::uint64_t>(t2);
  const u128 high = static_cast<u128>(n1) * kSquareMagicHi + (t1 >> 64) + (t2 >> 64) + (mid >> 64);
  return static_cast<std::uint64_t>(high >> (kSquareMagicShift - 128));  // bits 182.. of n * M: rounds down
}

/// floor(a / 1e18) for any uint256 (rounds down; never reverts).
inline uint256 div_wad(const uint256& a) {
  if (a.fits_u128() && a.low128() < kWadSmallLimit) return uint256(div_wad_small(a.low128()).quot);
  return divmod_nonzero(a, kWad).quot;  // the WAD reciprocal, limb by limb
}

// ---- long division of limb arrays (Knuth, TAOCP vol. 2, 4.3.1, algorithm D) ------------

/// q = floor(u / v) where u has m limbs and v has n >= 2 limbs, v[n-1] != 0, m >= n, and the
/// quotient fits in m - n + 1 limbs.  q receives m - n + 1 limbs.  Rounds down (exact quotient).
inline void long_divide(const std::uint64_t* u, unsigned m, const std::uint64_t* v, unsigned n,
                        std::uint64_t* q) noexcept {
  const unsigned s = static_cast<unsigned>(__builtin_clzll(v[n - 1]));
  std::uint64_t vn[4];
  std::uint64_t un[9];
  for (unsigned i = n - 1; i > 0; --i) vn[i] = (v[i] << s) | (s ? v[i - 1] >> (64 - s) : 0);
  vn[0] = v[0] << s;
  un[m] = s ? u[m - 1] >> (64 - s) : 0;
  for (unsigned i = m - 1; i > 0; --i) un[i] = (u[i] << s) | (s ? u[i - 1] >> (64 - s) : 0);
  un[0] = u[0] << s;

  const std::uint64_t vtop = vn[n - 1], vnext = vn[n - 2];
  for (unsigned j = m - n + 1; j-- > 0;) {
    // Estimate the quotient digit from the top two limbs, then correct it (at most twice).
    const u128 top = (static_cast<u128>(un[j + n]) << 64) | un[j + n - 1];
    u128 qhat = top / vtop;
    u128 rhat = top % vtop;
    while ((qhat >> 64) != 0 || qhat * vnext > ((rhat << 64) | un[j + n - 2])) {
      --qhat;
      rhat += vtop;
      if ((rhat >> 64) != 0) break;
    }
    // Multiply and subtract: un[j .. j+n] -= qhat * vn.
    const std::uint64_t qd = static_cast<std::uint64_t>(qhat);
    std::uint64_t mul_carry = 0, borrow = 0;
    for (unsigned i = 0; i < n; ++i) {
      const u128 p = static_cast<u128>(qd) * vn[i] + mul_carry;
      mul_carry = static_cast<std::uint64_t>(p >> 64);
      const std::uint64_t plo = static_cast<std::uint64_t>(p);
      const std::uint64_t t = un[i + j] - plo;
      const std::uint64_t b1 = un[i + j] < plo;
      un[i + j] = t - borrow;
      borrow = b1 | static_cast<std::uint64_t>(t < borrow);
    }
    const std::uint64_t t = un[j + n] - mul_carry;
    const bool negative = (un[j + n] < mul_carry) || (t < borrow);
    un[j + n] = t - borrow;
    if (negative) [[unlikely]] {  // qhat was still one too big: add the divisor back
      std::uint64_t carry = 0;
      for (unsigned i = 0; i < n; ++i) {
        const u128 sum = static_cast<u128>(un[i + j]) + vn[i] + carry;
        un[i + j] = static_cast<std::uint64_t>(sum);
        carry = static_cast<std::uint64_t>(sum >> 64);
      }
      un[j + n] += carry;
      q[j] = qd - 1;
    } else {
      q[j] = qd;
    }
  }
}

inline unsigned limb_count(const uint256& a) noexcept {
  for (unsigned i = 4; i > 0; --i)
    if (a.limb(i - 1) != 0) return i;
  return 0;
}

/// floor(num / d) for a 512-bit num and a non-zero d with num.hi < d (so the quotient fits).
inline uint256 divide_wide(const uint512& num, const uint256& d) {
  if (d.fits_u64()) return divmod_wide_nonzero(num, d).quot;  // 64-bit divisor: reciprocal steps
  if (num.hi.is_zero()) {
    if (num.lo < d) return uint256();
    if (num.lo.fits_u128()) return uint256::from_u128(num.lo.low128() / d.low128());  // d fits too
  }
  std::uint64_t u[8];
  for (unsigned i = 0; i < 4; ++i) {
    u[i] = num.lo.limb(i);
    u[i + 4] = num.hi.limb(i);
  }
  unsigned m = 8;
  while (m > 0 && u[m - 1] == 0) --m;
  const unsigned n = limb_count(d);  // n >= 2 here
  std::uint64_t v[4] = {d.limb(0), d.limb(1), d.limb(2), d.limb(3)};
  std::uint64_t q[8] = {};
  long_divide(u, m, v, n, q);
  return uint256(uint256::limbs_type{q[0], q[1], q[2], q[3]});
}

// ---- exp2's factors ---------------------------------------------------------------------
//
// Bit k of the fractional part (k = 63 for 1/2 ... 0 for 2^-64) multiplies the running
// result by 2^(2^(k-64)), given as a 64.64 fixed-point number rounded to nearest.  Every one
// of them is 2^64 + f with f < 2^63; kExp2Frac[k] holds f.
inline constexpr std::array<std::uint64_t, 64> kExp2Frac = {
    0x0000000000000001ULL, 0x0000000000000001ULL, 0x0000000000000003ULL, 0x0000000000000006ULL,  // k = 0..3
    0x000000000000000BULL, 0x0000000000000016ULL, 0x000000000000002CULL, 0x0000000000000059ULL,  // 4..7
    0x00000000000000B1ULL, 0x0000000000000163ULL, 0x00000000000002C6ULL, 0x000000000000058CULL,  // 8..11
    0x0000000000000B17ULL, 0x000000000000162EULL, 0x0000000000002C5DULL, 0x00000000000058B9ULL,  // 12..15
    0x000000000000B172ULL, 0x00000000000162E4ULL, 0x000000000002C5C8ULL, 0x0000000000058B91ULL,  // 16..19
    0x00000000000B1721ULL, 0x0000000000162E43ULL, 0x00000000002C5C86ULL, 0x000000000058B90CULL,  // 20..23
    0x0000000000B17218ULL, 0x000000000162E430ULL, 0x0000000002C5C860ULL, 0x00000000058B90C0ULL,  // 24..27
    0x000000000B17217FULL, 0x00000000162E42FFULL, 0x000000002C5C85FEULL, 0x0000000058B90BFCULL,  // 28..31
    0x00000000B17217F8ULL, 0x0000000162E42FF1ULL, 0x00000002C5C85FE3ULL, 0x000000058B90BFCEULL,  // 32..35
    0x0000000B17217FBBULL, 0x000000162E42FFF0ULL, 0x0000002C5C8601CCULL, 0x00000058B90C0B49ULL,  // 36..39
    0x000000B172183551ULL, 0x00000162E430E5A2ULL, 0x000002C5C863B73FULL, 0x0000058B90CF1E6EULL,  // 40..43
    0x00000B1721BCFC9AULL, 0x0000162E43F4F831ULL, 0x00002C5C89D5EC6DULL, 0x000058B91B5BC9AEULL,  // 44..47
    0x0000B17255775C04ULL, 0x000162E525EE0547ULL, 0x0002C5CC37DA9492ULL, 0x00058BA01FB9F96DULL,  // 48..51
    0x000B175EFFDC76BAULL, 0x00162F3904051FA1ULL, 0x002C605E2E8CEC50ULL, 0x0058C86DA1C09EA2ULL,  // 52..55
    0x00B1AFA5ABCBED61ULL, 0x0163DA9FB33356D8ULL, 0x02C9A3E778060EE7ULL, 0x059B0D31585743AEULL,  // 56..59
    0x0B5586CF9890F62AULL, 0x172B83C7D517ADCEULL, 0x306FE0A31B7152DFULL, 0x6A09E667F3BCC909ULL,  // 60..63
};

}  // namespace detail

// ---------------------------------------------------------------------------
// Common.sol
// ---------------------------------------------------------------------------

/// Common.msb: the index of the most significant set bit of x; 0 for x == 0 (no revert).
inline uint256 msb(const uint256& x) noexcept {
  const unsigned bits = x.bit_length();
  return uint256(bits == 0 ? 0u : bits - 1);
}

/// Common.mulDiv: floor(x * y / d) on the full 512-bit product (rounds down).
/// Reverts:
///  - x * y < 2^256 and d == 0  -> division_by_zero (`unchecked { prod0 / denominator }` still panics)
///  - x * y >= 2^256 and d <= (x * y) >> 256 -> custom PRBMath_MulDiv_Overflow (d == 0 included)
inline uint256 mul_div(const uint256& x, const uint256& y, const uint256& d) {
  if (x.fits_u64() && y.fits_u64()) {  // the product fits in 128 bits
    const u128 p = static_cast<u128>(x.limb(0)) * y.limb(0);
    if (d.is_zero()) [[unlikely]]  // prod1 == 0, so this is the plain division: Panic 0x12
      revert(RevertKind::division_by_zero, "PRBMath mulDiv: division by zero (Panic 0x12)");
    if (d == kWad && p < detail::kWadSmallLimit) return uint256(detail::div_wad_small(p).quot);  // rounds down
    if (d.fits_u128()) return uint256::from_u128(p / d.low128());                                // rounds down
    return uint256();                                                                            // d >= 2^128 > p
  }
  const uint512 p = mul_wide(x, y);
  if (p.hi.is_zero()) {
    if (d.is_zero()) [[unlikely]]  // prod1 == 0: the plain division panics
      revert(RevertKind::division_by_zero, "PRBMath mulDiv: division by zero (Panic 0x12)");
  } else if (!(p.hi < d)) [[unlikely]] {  // the quotient needs more than 256 bits (or d == 0)
    revert(RevertKind::custom, error::kMulDivOverflow);
  }
  return detail::divide_wide(p, d);  // rounds down
}

/// Common.mulDiv18: floor(x * y / 1e18) on the full 512-bit product (rounds down, truncates).
/// Reverts: (x * y) >> 256 >= 1e18 (the quotient needs more than 256 bits) -> custom
/// PRBMath_MulDiv18_Overflow.
inline uint256 mul_div18(const uint256& x, const uint256& y) {
  if (x.fits_u64() && y.fits_u64()) {
    const u128 p = static_cast<u128>(x.limb(0)) * y.limb(0);
    if (p < detail::kWadSmallLimit) return uint256(detail::div_wad_small(p).quot);  // rounds down
    return uint256::from_u128(p / kUnit64);                                         // rounds down
  }
  const uint512 p = mul_wide(x, y);
  if (!(p.hi < kUnit)) [[unlikely]]  // prod1 >= UNIT: the result would exceed 2^256 - 1
    revert(RevertKind::custom, error::kMulDiv18Overflow);
  return divmod_wide_nonzero(p, kUnit).quot;  // rounds down (the WAD reciprocal, limb by limb)
}

namespace detail {

/// Common.prbExp2's body for x = ip * 2^64 + frac with ip <= 191 (see prb_exp2).
inline uint256 exp2_192x64(std::uint64_t ip, std::uint64_t frac) noexcept {
  // The running result starts at 0.5 = 2^191 in 192.64 and stays below 2^192 even with all 64
  // fractional bits set (every factor is >= 1 and their truncated product is < 2), so three
  // limbs hold it and Solidity's 256-bit `result * factor` never wraps.
  std::uint64_t r0 = 0, r1 = 0, r2 = 1ULL << 63;
  while (frac != 0) {  // the set bits, most significant first, as the Solidity `if` chain
    const unsigned k = 63u - static_cast<unsigned>(__builtin_clzll(frac));
    frac &= ~(1ULL << k);
    // result = (result * (2^64 + f)) >> 64 = result + floor(result * f / 2^64): rounds down.
    const std::uint64_t f = kExp2Frac[k];
    const u128 p0 = static_cast<u128>(r0) * f, p1 = static_cast<u128>(r1) * f, p2 = static_cast<u128>(r2) * f;
    const u128 a = static_cast<u128>(r0) + static_cast<std::uint64_t>(p0 >> 64) + static_cast<std::uint64_t>(p1);
    const u128 b = static_cast<u128>(r1) + static_cast<std::uint64_t>(p1 >> 64) + static_cast<std::uint64_t>(p2) +
                   static_cast<std::uint64_t>(a >> 64);
    r2 += static_cast<std::uint64_t>(p2 >> 64) + static_cast<std::uint64_t>(b >> 64);  // no carry out: < 2^192
    r0 = static_cast<std::uint64_t>(a);
    r1 = static_cast<std::uint64_t>(b);
  }
  // `result *= UNIT` (cannot wrap: result < 2^192 and UNIT < 2^60) ...
  const u128 m0 = static_cast<u128>(r0) * kUnit64, m1 = static_cast<u128>(r1) * kUnit64;
  const u128 m2 = static_cast<u128>(r2) * kUnit64;
  const u128 s1 = (m0 >> 64) + static_cast<std::uint64_t>(m1);
  const u128 s2 = (m1 >> 64) + static_cast<std::uint64_t>(m2) + static_cast<std::uint64_t>(s1 >> 64);
  const std::uint64_t w[4] = {static_cast<std::uint64_t>(m0), static_cast<std::uint64_t>(s1),
                              static_cast<std::uint64_t>(s2),
                              static_cast<std::uint64_t>(m2 >> 64) + static_cast<std::uint64_t>(s2 >> 64)};
  // ... then `result >>= 191 - ip`: rounds down.
  const unsigned shift = 191u - static_cast<unsigned>(ip);
  const unsigned limbs = shift / 64, bits = shift % 64;
  std::uint64_t out[4] = {0, 0, 0, 0};
  for (unsigned i = 0; i + limbs < 4; ++i) {
    const std::uint64_t lo = w[i + limbs] >> bits;
    const std::uint64_t hi = (bits != 0 && i + limbs + 1 < 4) ? w[i + limbs + 1] << (64 - bits) : 0;
    out[i] = lo | hi;
  }
  return uint256(uint256::limbs_type{out[0], out[1], out[2], out[3]});
}

}  // namespace detail

/// Common.prbExp2: 2^x for x in unsigned 192.64-bit fixed point, result in UD60x18.  Entirely
/// `unchecked` in Solidity, so it never reverts.  Rounds down at every factor (the `>> 64`)
/// and in the final conversion (the right shift).  An integer part above 191 makes the
/// unchecked `191 - (x >> 64)` wrap to a shift of 256 or more, which gives 0.
inline uint256 prb_exp2(const uint256& x) noexcept {
  const uint256 ip = x >> 64;
  if (!ip.fits_u64() || ip.limb(0) > 191) return uint256();  // shift >= 256: SHR gives 0
  return detail::exp2_192x64(ip.limb(0), x.limb(0));
}

// ---------------------------------------------------------------------------
// UD60x18 helpers and conversions (ud60x18/Helpers.sol, ud60x18/Conversions.sol).
// ---------------------------------------------------------------------------

/// x + y, checked.  Reverts: the sum exceeds 2^256 - 1 -> overflow (Panic 0x11).
inline uint256 add(const uint256& x, const uint256& y) { return x + y; }

/// x - y, checked.  Reverts: y > x -> underflow (Panic 0x11).
inline uint256 sub(const uint256& x, const uint256& y) { return x - y; }

/// convert(UD60x18) -> uint256: floor(x / 1e18) (rounds down; never reverts).
inline uint256 convert_to_uint(const uint256& x) { return detail::div_wad(x); }

/// convert(uint256) -> UD60x18: x * 1e18.
/// Reverts: x > (2^256 - 1) / 1e18 -> custom PRBMath_UD60x18_Convert_Overflow.
inline uint256 convert_from_uint(const uint256& x) {
  if (x > kMaxConvertibleUint) [[unlikely]]  // x * UNIT would not fit
    revert(RevertKind::custom, error::kConvertOverflow);
  return wrapping_mul(x, kUnit);  // the product fits (checked above), as the unchecked block assumes
}

// ---------------------------------------------------------------------------
// UD60x18 math (ud60x18/Math.sol).
// ---------------------------------------------------------------------------

/// mul(x, y) = mulDiv18(x, y) = floor(x * y / 1e18) (rounds down).
/// Reverts: custom PRBMath_MulDiv18_Overflow when the result exceeds 2^256 - 1.
inline uint256 mul(const uint256& x, const uint256& y) { return mul_div18(x, y); }

/// div(x, y) = mulDiv(x, 1e18, y) = floor(x * 1e18 / y) (rounds down).
/// Reverts: y == 0 and x * 1e18 < 2^256 -> division_by_zero; the result exceeds 2^256 - 1,
/// or y == 0 and x * 1e18 >= 2^256 -> custom PRBMath_MulDiv_Overflow.
inline uint256 div(const uint256& x, const uint256& y) { return prbmath::mul_div(x, kUnit, y); }

/// log2(x) by the iterative squaring method; every squaring truncates, so the result rounds
/// down (to within the algorithm's error).  The body is `unchecked` and cannot overflow.
/// Reverts: x < 1e18 -> custom PRBMath_UD60x18_Log_InputTooSmall.
inline uint256 log2(const uint256& x) {
  if (x < kUnit) [[unlikely]]  // log2 of a number below 1 would be negative
    revert(RevertKind::custom, error::kLogInputTooSmall);
  // Integer part: n = msb(x / UNIT) (the division rounds down); then y = x >> n in [1e18, 2e18).
  const unsigned n = detail::div_wad(x).bit_length() - 1;
  u128 result = static_cast<u128>(n) * kUnit64;  // n <= 195, so this is below 2^68
  std::uint64_t y = (x >> n).limb(0);
  if (y == kUnit64) return uint256::from_u128(result);  // x / UNIT was an exact power of two
  // The fractional part, one bit per iteration, delta = 2^-1, 2^-2, ... (halving rounds down).
  // This loop is the latency-critical part of pow, so it is branch-free.
  constexpr std::uint64_t kDoubleUnit = 2 * kUnit64;
  std::uint64_t frac = 0;
  for (std::uint64_t delta = kUnit64 / 2; delta > 0; delta >>= 1) {
    const std::uint64_t sq = detail::square_div_wad(y);  // y * y / UNIT, rounds down
    // If y^2 >= 2 (y^2 in [2, 4)), this bit of the logarithm is set and y is halved (rounding down).
    const std::uint64_t set = sq >= kDoubleUnit;
    frac += delta & (0 - set);
    y = sq >> set;
  }
  result += frac;
  return uint256::from_u128(result);
}

/// exp2(x) = prbExp2((x << 64) / 1e18): the conversion to 192.64 rounds down, and so does
/// prbExp2 (see there).
/// Reverts: x >= 192e18 -> custom PRBMath_UD60x18_Exp2_InputTooBig.
inline uint256 exp2(const uint256& x) {
  if (!(x < kExp2InputLimit)) [[unlikely]]  // 2^192 and above do not fit the 192.64-bit format
    revert(RevertKind::custom, error::kExp2InputTooBig);
  // x_192x64 = (x << 64) / UNIT, rounding down (x < 2^68, so the shift loses no bits).  As two
  // 128-by-64 divisions: the integer part x / UNIT (< 192), then (remainder << 64) / UNIT.
  const detail::QuotRem64 whole = detail::div_wad_small(x.low128());
  const detail::QuotRem64 frac = detail::div_wad_small(static_cast<u128>(whole.rem) << 64);
  return detail::exp2_192x64(whole.quot, frac.quot);
}

/// exp(x) = exp2(x * log2(e) / 1e18); the inline multiplication rounds down and cannot
/// overflow (`unchecked`: x < 1.34e20, so x * LOG2_E < 2^128).
/// Reverts: x >= 133.084258667509499441e18 -> custom PRBMath_UD60x18_Exp_InputTooBig; exp2's.
inline uint256 exp(const uint256& x) {
  if (!(x < kExpInputLimit)) [[unlikely]]  // the exp2 input would reach 192e18
    revert(RevertKind::custom, error::kExpInputTooBig);
  const u128 product = x.low128() * static_cast<u128>(kLog2E.limb(0));  // x < 2^67: fits
  return exp2(detail::div_wad(uint256::from_u128(product)));            // rounds down
}

/// ln(x) = log2(x) * 1e18 / log2(e), inline and `unchecked` (log2 <= 196.2e18, so the
/// product stays below 2^128); the division rounds down.
/// Reverts: x < 1e18 -> custom PRBMath_UD60x18_Log_InputTooSmall.
inline uint256 ln(const uint256& x) {
  const u128 scaled = log2(x).low128() * kUnit64;
  return uint256::from_u128(scaled / kLog2E.limb(0));  // rounds down
}

namespace detail {
/// 10^k for k = 18 .. 77: the powers of ten log10 answers from its table.
consteval std::array<uint256, 60> make_powers_of_ten() {
  std::array<uint256, 60> table{};
  uint256 p(kUnit64);
  for (unsigned k = 0; k < 60; ++k) {
    table[k] = p;
    p = mul_wide(p, uint256(10u)).lo;
  }
  return table;
}
inline constexpr std::array<uint256, 60> kPowersOfTen = make_powers_of_ten();
}  // namespace detail

/// log10(x): exact (k - 18) * 1e18 for x = 10^k (the table covers k = 18 .. 77, every power
/// of ten past the input check), else log2(x) * 1e18 / log2(10), inline and `unchecked`,
/// rounding down.
/// Reverts: x < 1e18 -> custom PRBMath_UD60x18_Log_InputTooSmall.
inline uint256 log10(const uint256& x) {
  if (x < kUnit) [[unlikely]]  // the logarithm of a number below 1 would be negative
    revert(RevertKind::custom, error::kLogInputTooSmall);
  for (unsigned k = 0; k < detail::kPowersOfTen.size(); ++k)
    if (x == detail::kPowersOfTen[k]) return uint256::from_u128(static_cast<u128>(k) * kUnit64);
  const u128 scaled = log2(x).low128() * kUnit64;
  return uint256::from_u128(scaled / kLog2Of10.limb(0));  // rounds down
}

/// pow(x, y) = x^y, v3.3.2 edition:
///   x == 0            -> y == 0 ? 1e18 : 0
///   y == 1e18         -> x (any x, also 0 < x < 1e18)
///   otherwise         -> exp2(mul(log2(x), y)), rounding down at log2, mul and exp2.
/// There is no reciprocal branch for x < 1e18 (that came in v4).
/// Reverts: 0 < x < 1e18 (and y != 1e18) -> custom PRBMath_UD60x18_Log_InputTooSmall;
/// log2(x) * y / 1e18 >= 2^256 -> custom PRBMath_MulDiv18_Overflow;
/// log2(x) * y / 1e18 >= 192e18 -> custom PRBMath_UD60x18_Exp2_InputTooBig.
inline uint256 pow(const uint256& x, const uint256& y) {
  if (x.is_zero()) return y.is_zero() ? kUnit : uint256();
  if (y == kUnit) return x;
  return exp2(mul(log2(x), y));
}

/// powu(x, y) = x^y for an integer exponent y, by binary exponentiation with mulDiv18 at every
/// step (each rounds down, so the error compounds downward).  powu(x, 0) = 1e18 for every x.
/// Reverts: custom PRBMath_MulDiv18_Overflow when a squaring of x or a product into the result
/// exceeds 2^256 - 1.  Every squaring feeds the result (the last one serves y's top bit), so
/// this happens exactly when some truncated partial power does not fit.
inline uint256 powu(uint256 x, uint256 y) {
  uint256 result = (y.limb(0) & 1) ? x : kUnit;
  for (y = y >> 1; !y.is_zero(); y = y >> 1) {
    x = mul_div18(x, x);                               // rounds down; may revert
    if (x.is_zero()) return uint256();                 // the top bit of y is still ahead: result * 0 = 0
    if (y.limb(0) & 1) result = mul_div18(result, x);  // rounds down; may revert
  }
  return result;
}

}  // namespace cushion::num::prbmath
