// cushion/num/uint256.hpp — the EVM's uint256 with Solidity 0.8 semantics.
//
// Storage is four little-endian 64-bit limbs, the same layout as Boost's
// fixed 256-bit cpp_int, to and from which it converts (`to_boost`,
// `from_boost`).  Arithmetic is *checked*, as in Solidity >= 0.8:
//
//   a + b, a * b   overflow past 2^256 - 1      -> Revert(overflow)
//   a - b          b > a                        -> Revert(underflow)
//   a / b, a % b   b == 0                       -> Revert(division_by_zero)
//
// Wrapping arithmetic (Solidity `unchecked {}` or inline assembly) is spelled
// out by name: `wrapping_add`, `wrapping_sub`, `wrapping_mul`, and `evm_div`
// / `evm_mod` (the DIV/MOD opcodes, which return 0 for a zero divisor).
//
// Speed: operands that fit in 64 or 128 bits and divisors that fit in 64 bits
// (the WAD, 10^18, above all) run on limbs with hardware multiply/divide;
// everything else goes through Boost.Multiprecision's 256/512-bit division,
// which is the checked general path.
#pragma once

#include <array>
#include <boost/multiprecision/cpp_int.hpp>
#include <cmath>
#include <compare>
#include <concepts>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "cushion/num/revert.hpp"

namespace cushion::num {

__extension__ typedef unsigned __int128 u128;

namespace bmp = boost::multiprecision;
using boost_uint256 =
    bmp::number<bmp::cpp_int_backend<256, 256, bmp::unsigned_magnitude, bmp::unchecked, void>, bmp::et_off>;
using boost_uint512 =
    bmp::number<bmp::cpp_int_backend<512, 512, bmp::unsigned_magnitude, bmp::unchecked, void>, bmp::et_off>;

template <class T>
concept unsigned_word = std::unsigned_integral<T> && !std::same_as<T, bool>;

class uint256 {
 public:
  using limbs_type = std::array<std::uint64_t, 4>;

  constexpr uint256() noexcept = default;
  /// From any unsigned built-in (never from a signed one: -1 must not become 2^64-1).
  template <unsigned_word T>
  constexpr uint256(T v) noexcept : w_{static_cast<std::uint64_t>(v), 0, 0, 0} {}  // NOLINT
  constexpr explicit uint256(const limbs_type& w) noexcept : w_(w) {}

  static constexpr uint256 from_u128(u128 v) noexcept {
    return uint256(limbs_type{static_cast<std::uint64_t>(v), static_cast<std::uint64_t>(v >> 64), 0, 0});
  }
  static constexpr uint256 max() noexcept { return uint256(limbs_type{~0ULL, ~0ULL, ~0ULL, ~0ULL}); }
  /// 2^128 - 1, the largest uint128.
  static constexpr uint256 max_u128() noexcept { return uint256(limbs_type{~0ULL, ~0ULL, 0, 0}); }

  static uint256 from_boost(const boost_uint256& v) {
    limbs_type w{};
    const auto& be = v.backend();
    for (unsigned i = 0; i < be.size() && i < 4; ++i) w[i] = be.limbs()[i];
    return uint256(w);
  }
  boost_uint256 to_boost() const {
    boost_uint256 r;
    auto& be = r.backend();
    be.resize(4, 4);
    for (unsigned i = 0; i < 4; ++i) be.limbs()[i] = w_[i];
    be.normalize();
    return r;
  }

  /// Parses a decimal or 0x-prefixed hexadecimal string.  Throws
  /// std::invalid_argument for malformed text and std::out_of_range for a value >= 2^256.
  static uint256 from_string(std::string_view text);
  std::string to_string() const { return to_boost().str(); }
  std::string to_hex() const;  ///< "0x..." lower case, no leading zeros ("0x0" for zero)

  constexpr std::uint64_t limb(unsigned i) const noexcept { return w_[i]; }
  /// Mutable limb access.  Results are built in place through it: assembling limbs in a
  /// local array and copying it out makes GCC merge the copy into one 32-byte vector
  /// load right after four 8-byte stores, a store-forwarding stall that cost ~15 cycles
  /// per operation.
  constexpr std::uint64_t& limb_ref(unsigned i) noexcept { return w_[i]; }
  constexpr const limbs_type& limbs() const noexcept { return w_; }
  constexpr bool is_zero() const noexcept { return (w_[0] | w_[1] | w_[2] | w_[3]) == 0; }
  constexpr bool fits_u64() const noexcept { return (w_[1] | w_[2] | w_[3]) == 0; }
  constexpr bool fits_u128() const noexcept { return (w_[2] | w_[3]) == 0; }
  constexpr u128 low128() const noexcept { return (static_cast<u128>(w_[1]) << 64) | w_[0]; }
  /// Number of significant bits (0 for zero).
  constexpr unsigned bit_length() const noexcept {
    for (int i = 3; i >= 0; --i)
      if (w_[i] != 0) return static_cast<unsigned>(64 * i + 64 - __builtin_clzll(w_[i]));
    return 0;
  }
  /// The value as a double, correctly rounded to nearest (ties to even).
  double to_double() const;

  friend constexpr bool operator==(const uint256& a, const uint256& b) noexcept {
    // limb by limb: a defaulted comparison of the std::array compiles to a memcmp call
    return ((a.w_[0] ^ b.w_[0]) | (a.w_[1] ^ b.w_[1]) | (a.w_[2] ^ b.w_[2]) | (a.w_[3] ^ b.w_[3])) == 0;
  }
  friend constexpr std::strong_ordering operator<=>(const uint256& a, const uint256& b) noexcept {
    for (int i = 3; i >= 0; --i)
      if (a.w_[i] != b.w_[i]) return a.w_[i] < b.w_[i] ? std::strong_ordering::less : std::strong_ordering::greater;
    return std::strong_ordering::equal;
  }

  // Bitwise operations (never revert).  Shifts of 256 or more give 0, like SHL/SHR.
  friend constexpr uint256 operator&(const uint256& a, const uint256& b) noexcept {
    return uint256(limbs_type{a.w_[0] & b.w_[0], a.w_[1] & b.w_[1], a.w_[2] & b.w_[2], a.w_[3] & b.w_[3]});
  }
  friend constexpr uint256 operator|(const uint256& a, const uint256& b) noexcept {
    return uint256(limbs_type{a.w_[0] | b.w_[0], a.w_[1] | b.w_[1], a.w_[2] | b.w_[2], a.w_[3] | b.w_[3]});
  }
  friend constexpr uint256 operator^(const uint256& a, const uint256& b) noexcept {
    return uint256(limbs_type{a.w_[0] ^ b.w_[0], a.w_[1] ^ b.w_[1], a.w_[2] ^ b.w_[2], a.w_[3] ^ b.w_[3]});
  }
  friend constexpr uint256 operator~(const uint256& a) noexcept {
    return uint256(limbs_type{~a.w_[0], ~a.w_[1], ~a.w_[2], ~a.w_[3]});
  }
  friend constexpr uint256 operator<<(const uint256& a, unsigned s) noexcept {
    uint256 r;
    if (s >= 256) return r;
    const unsigned limb_shift = s / 64, bit_shift = s % 64;
    for (unsigned i = 3 + 1; i-- > limb_shift;) {
      std::uint64_t v = a.w_[i - limb_shift] << bit_shift;
      if (bit_shift != 0 && i > limb_shift) v |= a.w_[i - limb_shift - 1] >> (64 - bit_shift);
      r.w_[i] = v;
    }
    return r;
  }
  friend constexpr uint256 operator>>(const uint256& a, unsigned s) noexcept {
    uint256 r;
    if (s >= 256) return r;
    const unsigned limb_shift = s / 64, bit_shift = s % 64;
    for (unsigned i = 0; i + limb_shift < 4; ++i) {
      std::uint64_t v = a.w_[i + limb_shift] >> bit_shift;
      if (bit_shift != 0 && i + limb_shift + 1 < 4) v |= a.w_[i + limb_shift + 1] << (64 - bit_shift);
      r.w_[i] = v;
    }
    return r;
  }

 private:
  limbs_type w_{};
};

/// A 512-bit product, little-endian limbs: value = hi * 2^256 + lo.
struct uint512 {
  uint256 lo;
  uint256 hi;
};

inline constexpr std::uint64_t kWad64 = 1000000000000000000ULL;
inline constexpr uint256 kWad{kWad64};

// ---------------------------------------------------------------------------
// Wrapping (mod 2^256) arithmetic, with the carry / borrow / high half exposed.
// ---------------------------------------------------------------------------

/// a + b mod 2^256; *carry is set to whether the true sum is >= 2^256.
[[gnu::always_inline]] constexpr uint256 add_carry(const uint256& a, const uint256& b, bool* carry) noexcept {
  uint256 r;
  unsigned c = 0;
  for (unsigned i = 0; i < 4; ++i) {
    const u128 s = static_cast<u128>(a.limb(i)) + b.limb(i) + c;
    r.limb_ref(i) = static_cast<std::uint64_t>(s);
    c = static_cast<unsigned>(s >> 64);
  }
  *carry = c != 0;
  return r;
}

/// a - b mod 2^256; *borrow is set to whether b > a.
[[gnu::always_inline]] constexpr uint256 sub_borrow(const uint256& a, const uint256& b, bool* borrow) noexcept {
  uint256 r;
  std::uint64_t br = 0;
  for (unsigned i = 0; i < 4; ++i) {
    const std::uint64_t ai = a.limb(i), bi = b.limb(i);
    const std::uint64_t d = ai - bi;
    r.limb_ref(i) = d - br;
    br = static_cast<std::uint64_t>((ai < bi) | (d < br));
  }
  *borrow = br != 0;
  return r;
}

/// The full 512-bit product a * b (never overflows).
[[gnu::always_inline]] constexpr uint512 mul_wide(const uint256& a, const uint256& b) noexcept {
  if (a.fits_u128() && b.fits_u128()) {  // the common case: 4 multiplies, written in place
    uint512 out;
    const u128 a0 = a.limb(0), a1 = a.limb(1), b0 = b.limb(0), b1 = b.limb(1);
    const u128 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    const u128 mid = (p00 >> 64) + static_cast<std::uint64_t>(p01) + static_cast<std::uint64_t>(p10);
    const u128 hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    out.lo.limb_ref(0) = static_cast<std::uint64_t>(p00);
    out.lo.limb_ref(1) = static_cast<std::uint64_t>(mid);
    out.lo.limb_ref(2) = static_cast<std::uint64_t>(hi);
    out.lo.limb_ref(3) = static_cast<std::uint64_t>(hi >> 64);
    return out;
  }
  std::array<std::uint64_t, 8> r{};
  {
    for (unsigned i = 0; i < 4; ++i) {
      std::uint64_t carry = 0;
      if (a.limb(i) == 0) continue;
      for (unsigned j = 0; j < 4; ++j) {
        const u128 t = static_cast<u128>(a.limb(i)) * b.limb(j) + r[i + j] + carry;
        r[i + j] = static_cast<std::uint64_t>(t);
        carry = static_cast<std::uint64_t>(t >> 64);
      }
      r[i + 4] = carry;
    }
  }
  return uint512{uint256(uint256::limbs_type{r[0], r[1], r[2], r[3]}),
                 uint256(uint256::limbs_type{r[4], r[5], r[6], r[7]})};
}

constexpr uint256 wrapping_add(const uint256& a, const uint256& b) noexcept {
  bool c = false;
  return add_carry(a, b, &c);
}
constexpr uint256 wrapping_sub(const uint256& a, const uint256& b) noexcept {
  bool c = false;
  return sub_borrow(a, b, &c);
}
constexpr uint256 wrapping_mul(const uint256& a, const uint256& b) noexcept { return mul_wide(a, b).lo; }

// ---------------------------------------------------------------------------
// Division.  A divisor that fits in 64 bits is handled limb by limb with a
// precomputed reciprocal (Moller & Granlund, "Improved division by invariant
// integers", 2011, algorithm 4); the WAD's reciprocal is a compile-time
// constant.  Anything wider goes to Boost.Multiprecision.
// ---------------------------------------------------------------------------

/// A 64-bit divisor prepared for repeated division.
class Divisor64 {
 public:
  constexpr explicit Divisor64(std::uint64_t d) noexcept
      : d_(d),
        shift_(static_cast<unsigned>(__builtin_clzll(d))),
        dn_(d << shift_),
        v_(static_cast<std::uint64_t>(~static_cast<u128>(0) / dn_ - (static_cast<u128>(1) << 64))) {}

  constexpr std::uint64_t value() const noexcept { return d_; }

  /// Divides the little-endian limb array n[0..len) in place; returns the remainder.
  constexpr std::uint64_t divide(std::uint64_t* n, unsigned len) const noexcept {
    std::uint64_t r = 0;
    if (shift_ == 0) {
      for (unsigned i = len; i-- > 0;) n[i] = step(r, n[i], &r);
      return r;
    }
    // Divide n * 2^shift_ by the normalised divisor: the bits shifted out of the
    // top limb start the remainder, and the remainder is shifted back at the end.
    r = n[len - 1] >> (64 - shift_);
    for (unsigned i = len; i-- > 0;) {
      const std::uint64_t low_bits = i > 0 ? n[i - 1] >> (64 - shift_) : 0;
      n[i] = step(r, (n[i] << shift_) | low_bits, &r);
    }
    return r >> shift_;
  }

  /// One 128-by-64 step of the normalised division: (u1, u0) / (d << shift) with
  /// u1 < d << shift.  Returns the quotient; *rem receives the (shifted) remainder.
  constexpr std::uint64_t step(std::uint64_t u1, std::uint64_t u0, std::uint64_t* rem) const noexcept {
    u128 q = static_cast<u128>(v_) * u1;
    q += (static_cast<u128>(u1 + 1) << 64) | u0;
    std::uint64_t q1 = static_cast<std::uint64_t>(q >> 64);
    const std::uint64_t q0 = static_cast<std::uint64_t>(q);
    std::uint64_t r = u0 - q1 * dn_;
    if (r > q0) {
      --q1;
      r += dn_;
    }
    if (r >= dn_) {
      ++q1;
      r -= dn_;
    }
    *rem = r;
    return q1;
  }

 private:
  std::uint64_t d_;
  unsigned shift_;
  std::uint64_t dn_;
  std::uint64_t v_;
};

inline constexpr Divisor64 kWadDivisor{kWad64};

namespace detail {

inline constexpr unsigned kWadShift = 4;  // 1e18 < 2^60: the normalised divisor is 1e18 << 4
static_assert((kWad64 << kWadShift) >> 63 == 1 && ((kWad64 << kWadShift) >> kWadShift) == kWad64);

/// The high 128 bits of a * b.
[[gnu::always_inline]] constexpr u128 mul_high_u128(u128 a, u128 b) noexcept {
  const std::uint64_t a0 = static_cast<std::uint64_t>(a), a1 = static_cast<std::uint64_t>(a >> 64);
  const std::uint64_t b0 = static_cast<std::uint64_t>(b), b1 = static_cast<std::uint64_t>(b >> 64);
  const u128 p00 = static_cast<u128>(a0) * b0, p01 = static_cast<u128>(a0) * b1;
  const u128 p10 = static_cast<u128>(a1) * b0, p11 = static_cast<u128>(a1) * b1;
  const u128 mid = (p00 >> 64) + static_cast<std::uint64_t>(p01) + static_cast<std::uint64_t>(p10);
  return p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
}

/// floor(n / 1e18) for n < 2^128 without a division: multiply by the 129-bit reciprocal
/// m = ceil(2^188 / 1e18) = 2^128 + kWadMagicLow and shift (Granlund & Montgomery 1994,
/// theorem 4.2: exact for every n < 2^128 because m * 1e18 - 2^188 < 2^60).  The 2^128
/// term is folded in as `((n - t) >> 1) + t` so nothing overflows 128 bits.
inline constexpr u128 kWadMagicLow = (static_cast<u128>(0x2725dd1d243aba0eULL) << 64) | 0x75fe645cc4873f9fULL;

[[gnu::always_inline]] constexpr u128 div_u128_by_wad(u128 n) noexcept {
  const u128 t = mul_high_u128(kWadMagicLow, n);
  return (((n - t) >> 1) + t) >> 59;
}

/// floor(p / 1e18) for the 256-bit value p = (p3, p2, p1, p0), in registers; *inexact
/// receives whether the remainder is non-zero.  Below 2^128 (the usual case) this is a
/// reciprocal multiplication; above, two to four 128-by-64 reciprocal steps.
[[gnu::always_inline]] inline uint256 div_limbs_by_wad(std::uint64_t p0, std::uint64_t p1, std::uint64_t p2,
                                                       std::uint64_t p3, bool* inexact) noexcept {
  uint256 q;
  if ((p3 | p2) == 0) {
    const u128 n = (static_cast<u128>(p1) << 64) | p0;
    const u128 quot = div_u128_by_wad(n);
    *inexact = n != quot * kWad64;  // quot * 1e18 <= n < 2^128: no overflow
    q.limb_ref(0) = static_cast<std::uint64_t>(quot);
    q.limb_ref(1) = static_cast<std::uint64_t>(quot >> 64);
    return q;
  }
  constexpr unsigned s = kWadShift, t = 64 - kWadShift;
  const Divisor64& d = kWadDivisor;
  std::uint64_t r = 0;
  if (p3 == 0) {
    r = p2 >> t;
  } else {
    r = p3 >> t;
    q.limb_ref(3) = d.step(r, (p3 << s) | (p2 >> t), &r);
  }
  q.limb_ref(2) = d.step(r, (p2 << s) | (p1 >> t), &r);
  q.limb_ref(1) = d.step(r, (p1 << s) | (p0 >> t), &r);
  q.limb_ref(0) = d.step(r, p0 << s, &r);
  *inexact = r != 0;
  return q;
}

/// x * y / 1e18 (floor, or ceil when round_up) for x, y < 2^128, whose product always
/// fits in 256 bits.  The ceil cannot overflow: the quotient is below 2^256 / 1e18.
[[gnu::always_inline]] inline uint256 mul_wad_u128(const uint256& x, const uint256& y, bool round_up) noexcept {
  const std::uint64_t x0 = x.limb(0), x1 = x.limb(1), y0 = y.limb(0), y1 = y.limb(1);
  std::uint64_t p0, p1, p2 = 0, p3 = 0;
  const u128 p00 = static_cast<u128>(x0) * y0;
  p0 = static_cast<std::uint64_t>(p00);
  if ((x1 | y1) == 0) {
    p1 = static_cast<std::uint64_t>(p00 >> 64);
  } else {
    const u128 p01 = static_cast<u128>(x0) * y1, p10 = static_cast<u128>(x1) * y0;
    const u128 mid = (p00 >> 64) + static_cast<std::uint64_t>(p01) + static_cast<std::uint64_t>(p10);
    const u128 hi = static_cast<u128>(x1) * y1 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    p1 = static_cast<std::uint64_t>(mid);
    p2 = static_cast<std::uint64_t>(hi);
    p3 = static_cast<std::uint64_t>(hi >> 64);
  }
  bool inexact = false;
  uint256 q = div_limbs_by_wad(p0, p1, p2, p3, &inexact);
  if (round_up && inexact) {
    bool carry = false;
    for (unsigned i = 0; i < 4 && !carry; ++i) carry = ++q.limb_ref(i) != 0;
  }
  return q;
}

}  // namespace detail

/// Quotient and remainder of a 256-bit division (b != 0 required by the caller).
struct DivMod256 {
  uint256 quot;
  uint256 rem;
};

namespace detail {

inline DivMod256 divmod_by64(const uint256& a, const Divisor64& d) noexcept {
  DivMod256 out{a, uint256()};  // divided in place: see uint256::limb_ref
  const unsigned len = a.fits_u128() ? (a.fits_u64() ? 1u : 2u) : 4u;
  out.rem.limb_ref(0) = d.divide(&out.quot.limb_ref(0), len);
  return out;
}

inline DivMod256 divmod_general(const uint256& a, const uint256& b) {
  if (a < b) return {uint256(), a};
  if (a.fits_u128()) {  // then b fits too
    const u128 x = a.low128(), y = b.low128();
    return {uint256::from_u128(x / y), uint256::from_u128(x % y)};
  }
  boost_uint256 q, r;
  bmp::divide_qr(a.to_boost(), b.to_boost(), q, r);
  return {uint256::from_boost(q), uint256::from_boost(r)};
}

}  // namespace detail

namespace detail {

/// (hi * 2^64 + lo) / d for hi < d: one hardware 128-by-64 division on x86-64.
[[gnu::always_inline]] inline std::uint64_t div_2by1(std::uint64_t hi, std::uint64_t lo, std::uint64_t d,
                                                     std::uint64_t* rem) noexcept {
#if defined(__x86_64__)
  std::uint64_t q, r;
  __asm__("divq %4" : "=a"(q), "=d"(r) : "a"(lo), "d"(hi), "rm"(d) : "cc");
  *rem = r;
  return q;
#else
  const u128 n = (static_cast<u128>(hi) << 64) | lo;
  *rem = static_cast<std::uint64_t>(n % d);
  return static_cast<std::uint64_t>(n / d);
#endif
}

/// a / d for a one-off 64-bit divisor: hardware division limb by limb from the top
/// non-zero limb (cheaper than preparing a reciprocal that is used once).
[[gnu::always_inline]] inline DivMod256 divmod_by_u64(const uint256& a, std::uint64_t d) noexcept {
  DivMod256 out{uint256(), uint256()};
  std::uint64_t r = 0;
  int top = 3;
  while (top > 0 && a.limb(static_cast<unsigned>(top)) == 0) --top;
  for (int i = top; i >= 0; --i)
    out.quot.limb_ref(static_cast<unsigned>(i)) = div_2by1(r, a.limb(static_cast<unsigned>(i)), d, &r);
  out.rem.limb_ref(0) = r;
  return out;
}

[[gnu::noinline]] inline DivMod256 divmod_slow(const uint256& a, const uint256& b) { return divmod_general(a, b); }

}  // namespace detail

/// a / b and a % b; b must be non-zero (checked by the callers that can see a zero).
[[gnu::always_inline]] inline DivMod256 divmod_nonzero(const uint256& a, const uint256& b) {
  if (b.fits_u64()) {
    if (a.fits_u64()) return {uint256(a.limb(0) / b.limb(0)), uint256(a.limb(0) % b.limb(0))};
    if (b.limb(0) == kWad64) {
      bool inexact = false;
      const uint256 q = detail::div_limbs_by_wad(a.limb(0), a.limb(1), a.limb(2), a.limb(3), &inexact);
      // the remainder is a - q * 1e18, which fits one limb
      return {q, uint256(a.limb(0) - q.limb(0) * kWad64)};
    }
    return detail::divmod_by_u64(a, b.limb(0));
  }
  return detail::divmod_slow(a, b);
}

/// A 512-bit value divided by a 256-bit divisor whose quotient is known to fit in
/// 256 bits (hi < d).  d must be non-zero.
inline DivMod256 divmod_wide_nonzero(const uint512& n, const uint256& d) {
  if (n.hi.is_zero()) return divmod_nonzero(n.lo, d);
  if (d.fits_u64()) {
    std::array<std::uint64_t, 8> w{n.lo.limb(0), n.lo.limb(1), n.lo.limb(2), n.lo.limb(3),
                                   n.hi.limb(0), n.hi.limb(1), n.hi.limb(2), n.hi.limb(3)};
    const std::uint64_t r =
        d.limb(0) == kWad64 ? kWadDivisor.divide(w.data(), 8) : Divisor64(d.limb(0)).divide(w.data(), 8);
    return {uint256(uint256::limbs_type{w[0], w[1], w[2], w[3]}), uint256(r)};
  }
  boost_uint512 num = boost_uint512(n.hi.to_boost()) << 256;
  num |= boost_uint512(n.lo.to_boost());
  boost_uint512 q, r;
  bmp::divide_qr(num, boost_uint512(d.to_boost()), q, r);
  return {uint256::from_boost(boost_uint256(q)), uint256::from_boost(boost_uint256(r))};
}

// ---------------------------------------------------------------------------
// Checked operators: Solidity 0.8 semantics.
// ---------------------------------------------------------------------------

[[gnu::always_inline]] inline uint256 operator+(const uint256& a, const uint256& b) {
  bool carry = false;
  const uint256 r = add_carry(a, b, &carry);
  if (carry) [[unlikely]]
    revert(RevertKind::overflow, "uint256 addition overflow");
  return r;
}
[[gnu::always_inline]] inline uint256 operator-(const uint256& a, const uint256& b) {
  bool borrow = false;
  const uint256 r = sub_borrow(a, b, &borrow);
  if (borrow) [[unlikely]]
    revert(RevertKind::underflow, "uint256 subtraction underflow");
  return r;
}
[[gnu::always_inline]] inline uint256 operator*(const uint256& a, const uint256& b) {
  if (a.fits_u64() && b.fits_u64()) {
    const u128 p = static_cast<u128>(a.limb(0)) * b.limb(0);
    uint256 r;
    r.limb_ref(0) = static_cast<std::uint64_t>(p);
    r.limb_ref(1) = static_cast<std::uint64_t>(p >> 64);
    return r;
  }
  const uint512 p = mul_wide(a, b);
  if (!p.hi.is_zero()) [[unlikely]]
    revert(RevertKind::overflow, "uint256 multiplication overflow");
  return p.lo;
}
[[gnu::always_inline]] inline uint256 operator/(const uint256& a, const uint256& b) {
  if (b.is_zero()) [[unlikely]]
    revert(RevertKind::division_by_zero, "uint256 division by zero");
  return divmod_nonzero(a, b).quot;
}
[[gnu::always_inline]] inline uint256 operator%(const uint256& a, const uint256& b) {
  if (b.is_zero()) [[unlikely]]
    revert(RevertKind::division_by_zero, "uint256 modulo by zero");
  return divmod_nonzero(a, b).rem;
}
inline uint256& operator+=(uint256& a, const uint256& b) { return a = a + b; }
inline uint256& operator-=(uint256& a, const uint256& b) { return a = a - b; }
inline uint256& operator*=(uint256& a, const uint256& b) { return a = a * b; }
inline uint256& operator/=(uint256& a, const uint256& b) { return a = a / b; }

/// The DIV opcode: a / b, and 0 when b == 0 (no revert), as in inline assembly.
inline uint256 evm_div(const uint256& a, const uint256& b) {
  return b.is_zero() ? uint256() : divmod_nonzero(a, b).quot;
}
/// The MOD opcode: a % b, and 0 when b == 0.
inline uint256 evm_mod(const uint256& a, const uint256& b) {
  return b.is_zero() ? uint256() : divmod_nonzero(a, b).rem;
}

// ---------------------------------------------------------------------------
// Conversions.
// ---------------------------------------------------------------------------

inline uint256 uint256::from_string(std::string_view text) {
  if (text.empty()) throw std::invalid_argument("empty number");
  unsigned base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    text.remove_prefix(2);
  }
  uint256 r;
  for (const char c : text) {
    unsigned digit = 0;
    if (c >= '0' && c <= '9')
      digit = static_cast<unsigned>(c - '0');
    else if (base == 16 && c >= 'a' && c <= 'f')
      digit = static_cast<unsigned>(c - 'a' + 10);
    else if (base == 16 && c >= 'A' && c <= 'F')
      digit = static_cast<unsigned>(c - 'A' + 10);
    else
      throw std::invalid_argument("not a " + std::string(base == 16 ? "hexadecimal" : "decimal") + " digit: '" + c +
                                  "'");
    const uint512 scaled = mul_wide(r, uint256(base));
    bool carry = false;
    r = add_carry(scaled.lo, uint256(digit), &carry);
    if (!scaled.hi.is_zero() || carry) throw std::out_of_range("value does not fit in 256 bits");
  }
  return r;
}

inline std::string uint256::to_hex() const {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  bool started = false;
  for (int i = 3; i >= 0; --i) {
    for (int nib = 15; nib >= 0; --nib) {
      const unsigned d = static_cast<unsigned>((w_[i] >> (4 * nib)) & 0xF);
      if (d != 0) started = true;
      if (started) out.push_back(digits[d]);
    }
  }
  return "0x" + (started ? out : std::string("0"));
}

inline double uint256::to_double() const {
  // Not Boost's convert_to<double>: Boost 1.74 truncates some values instead of rounding
  // them to nearest (found by fuzz_uint256).  Keep the top 64 significant bits, fold every
  // bit below them into bit 0 (a sticky bit: it only matters for telling an exact half from
  // just above it), and let the hardware's u64 -> double conversion round to nearest even;
  // the scaling by 2^shift is exact.  256-bit values are always finite in a double.
  const unsigned bits = bit_length();
  if (bits <= 64) return static_cast<double>(w_[0]);
  const unsigned shift = bits - 64;
  const std::uint64_t top = (*this >> shift).limb(0);
  const bool sticky = !(*this & wrapping_sub(uint256(1u) << shift, uint256(1u))).is_zero();
  return std::ldexp(static_cast<double>(top | static_cast<std::uint64_t>(sticky)), static_cast<int>(shift));
}

}  // namespace cushion::num
