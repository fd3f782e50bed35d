// cushion/num/policy.hpp — the two number policies every curve is written for.
//
//   F64     quants' mode: doubles, no rounding, vectorisable.  Token amounts are
//           in whole tokens (1.0 == 10^18 base units); WAD-scaled multipliers
//           (exponential delta, GDA alpha, fees) are plain numbers (1.0 == 1e18).
//           Item counts are plain numbers.
//   Evm256  contract developers' mode: uint256 in base units with exactly the
//           rounding and reverts of the deployed Solidity.
//
// A curve calls only the operations below, naming the library each step uses
// on chain (solmate's WAD helpers, PRBMath's UD60x18) and its rounding.  In
// F64 those collapse to plain arithmetic; a step that would revert in exact
// mode (an unsigned subtraction going negative, a division by zero) yields NaN
// instead, which the curve reports as CurveError::reverted.
#pragma once

#include <cmath>
#include <limits>
#include <type_traits>

#include "cushion/num/fast_math.hpp"
#include "cushion/num/mul_div.hpp"
#include "cushion/num/prbmath.hpp"
#include "cushion/num/solmate.hpp"
#include "cushion/num/uint256.hpp"

namespace cushion::num {

struct F64 {
  using value_type = double;
  using count_type = double;
  static constexpr bool is_exact = false;
  static constexpr const char* name = "f64";

  /// The fixed-point unit (1e18 on chain).
  static constexpr double unit() noexcept { return 1.0; }
  /// A base-unit (wei) constant in this policy's units.
  static constexpr double from_wei(double wei) noexcept { return wei * 1e-18; }
  /// The largest uint128 amount, in tokens.
  static constexpr double max_u128_amount() noexcept { return 340282366920938463463.374607431768211455; }
  /// The largest uint128 count (XYK's NFT reserve is a plain count).
  static constexpr double max_u128_count() noexcept { return 340282366920938463463374607431768211455.0; }
  /// The largest uint256 amount, in tokens (exact-mode values beyond it revert).
  static constexpr double max_u256_amount() noexcept { return 1.15792089237316195423570985008687907853e59; }

  static constexpr double nan() noexcept { return std::numeric_limits<double>::quiet_NaN(); }

  // Plain (checked in exact mode) integer-style arithmetic.
  static double add(double a, double b) noexcept { return a + b; }
  static double sub(double a, double b) noexcept { return a >= b ? a - b : nan(); }
  static double mul(double a, double b) noexcept { return a * b; }
  static double div(double a, double b) noexcept { return b != 0.0 ? a / b : nan(); }
  static double floor_div(double a, double b) noexcept { return b != 0.0 ? std::floor(a / b) : nan(); }
  /// n - 1 for an item count already known to be non-zero.  Plain in f64, so that the
  /// closed forms extend to fractional counts (a basket's summed weights).
  static double minus_one(double n) noexcept { return n - 1.0; }
  static constexpr double count(unsigned v) noexcept { return static_cast<double>(v); }
  /// Solidity's explicit uint128(x) conversion keeps the low 128 bits; no f64 analogue.
  static double truncate_u128(double v) noexcept { return v; }

  // solmate WAD helpers (rounding is meaningless in f64).
  static double mul_wad(double a, double b, Rounding) noexcept { return a * b; }
  static double div_wad(double a, double b, Rounding) noexcept { return b != 0.0 ? a / b : nan(); }
  /// solmate mulDivDown/Up(a, b, d).
  static double mul_div(double a, double b, double d, Rounding) noexcept { return d != 0.0 ? a * b / d : nan(); }
  /// x^n for an item count: fast::pow_count, the very routine the batch kernels run on
  /// eight lanes, so a scalar quote and a batch quote agree bit for bit (it equals a
  /// correctly rounded pow for a whole n; 2^(n log2 x), < 0.53 ulp, for a fractional one).
  static double rpow_wad(double x, double n) noexcept { return fast::pow_count(x, n); }

  // PRBMath UD60x18.
  static double ud_mul(double a, double b) noexcept { return a * b; }
  static double ud_div(double a, double b) noexcept { return b != 0.0 ? a / b : nan(); }
  static double ud_powu(double x, double n) noexcept { return fast::pow_count(x, n); }
  /// pow(2, y) is fast::exp2(y) (GDA's time decay; shared with the batch kernels, < 1 ulp).
  static double ud_pow(double x, double y) noexcept { return x == 2.0 ? fast::exp2(y) : std::pow(x, y); }
  /// convert(x): the whole part of a UD60x18.
  static double ud_whole(double x) noexcept { return std::floor(x); }

  static bool is_zero(double v) noexcept { return v == 0.0; }
  /// A finished f64 value is valid when it is a finite, non-negative amount that an
  /// exact uint256 could hold; anything else means the exact mode would have reverted.
  static bool representable(double v) noexcept { return v >= 0.0 && v <= max_u256_amount(); }
};

struct Evm256 {
  using value_type = uint256;
  using count_type = uint256;
  static constexpr bool is_exact = true;
  static constexpr const char* name = "exact";

  static constexpr uint256 unit() noexcept { return kWad; }
  static constexpr uint256 from_wei(std::uint64_t wei) noexcept { return uint256(wei); }
  static constexpr uint256 max_u128_amount() noexcept { return uint256::max_u128(); }
  static constexpr uint256 max_u128_count() noexcept { return uint256::max_u128(); }

  // Solidity 0.8 checked arithmetic (reverts on overflow / underflow / division by zero).
  [[gnu::always_inline]] static uint256 add(const uint256& a, const uint256& b) { return a + b; }
  [[gnu::always_inline]] static uint256 sub(const uint256& a, const uint256& b) { return a - b; }
  [[gnu::always_inline]] static uint256 mul(const uint256& a, const uint256& b) { return a * b; }
  /// Solidity's `/` on uint256: floor, reverts on zero.
  [[gnu::always_inline]] static uint256 div(const uint256& a, const uint256& b) { return a / b; }
  [[gnu::always_inline]] static uint256 floor_div(const uint256& a, const uint256& b) { return a / b; }
  [[gnu::always_inline]] static uint256 minus_one(const uint256& n) { return n - uint256(1u); }
  static constexpr uint256 count(unsigned v) noexcept { return uint256(v); }
  /// Solidity's explicit uint128(x) conversion: silently keeps the low 128 bits.
  [[gnu::always_inline]] static uint256 truncate_u128(const uint256& v) noexcept { return v & uint256::max_u128(); }

  [[gnu::always_inline]] static uint256 mul_wad(const uint256& a, const uint256& b, Rounding r) {
    return r == Rounding::up ? solmate::mul_wad_up(a, b) : solmate::mul_wad_down(a, b);
  }
  [[gnu::always_inline]] static uint256 div_wad(const uint256& a, const uint256& b, Rounding r) {
    return r == Rounding::up ? solmate::div_wad_up(a, b) : solmate::div_wad_down(a, b);
  }
  /// solmate mulDivDown/Up(a, b, d): NOT 512-bit; reverts when a * b overflows or d == 0.
  [[gnu::always_inline]] static uint256 mul_div(const uint256& a, const uint256& b, const uint256& d, Rounding r) {
    return r == Rounding::up ? solmate::mul_div_up(a, b, d) : solmate::mul_div_down(a, b, d);
  }
  [[gnu::always_inline]] static uint256 rpow_wad(const uint256& x, const uint256& n) {
    return solmate::rpow(x, n, kWad);
  }

  [[gnu::always_inline]] static uint256 ud_mul(const uint256& a, const uint256& b) { return prbmath::mul(a, b); }
  [[gnu::always_inline]] static uint256 ud_div(const uint256& a, const uint256& b) { return prbmath::div(a, b); }
  [[gnu::always_inline]] static uint256 ud_powu(const uint256& x, const uint256& n) { return prbmath::powu(x, n); }
  [[gnu::always_inline]] static uint256 ud_pow(const uint256& x, const uint256& y) { return prbmath::pow(x, y); }
  [[gnu::always_inline]] static uint256 ud_whole(const uint256& x) { return divmod_nonzero(x, kWad).quot; }

  [[gnu::always_inline]] static bool is_zero(const uint256& v) noexcept { return v.is_zero(); }
  static bool representable(const uint256&) noexcept { return true; }
};

template <class P>
concept NumberPolicy = std::is_same_v<P, F64> || std::is_same_v<P, Evm256>;

}  // namespace cushion::num
