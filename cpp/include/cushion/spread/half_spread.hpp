// cushion/spread/half_spread.hpp — the stress-widened half-spread h(s) and the bid/ask
// it puts around a mid price.
//
//   h(s) = min(cap, base + slope * s^p);   bid = mid (1 - h),   ask = mid (1 + h).
//
// F64: base, slope, cap are fractions (0.003 == 30 bps), p > 0 real.
//
// Evm256 (the arithmetic a Solidity port reproduces, integer ops only):
//   inputs   s     WAD in [0, 1e18]                           (require(s <= 1e18))
//            base_bps, slope_bps, cap_bps   uint256, cap_bps < 10_000, base_bps <= cap_bps
//            p     integer exponent in [0, 64]
//   step 1   sp  = s^p with every step rounded UP:  t = 1e18; repeat p: t = mulDivUp(t, s, 1e18)
//   step 2   e   = mulDivUp(slope_bps, sp, 1e18)                      [<= slope_bps, UP]
//            h   = e < cap_bps - base_bps ? base_bps + e : cap_bps     = min(cap, base + e)
//   step 3   ask = mulDivUp(mid, 10_000 + h, 10_000)                            [UP]
//            bid = mulDiv(mid, 10_000 - h, 10_000)                              [DOWN]
// mulDiv / mulDivUp are FullMath's (512-bit product): they revert only when the result
// does not fit 256 bits, i.e. ask reverts when mid (10_000 + h) / 10_000 >= 2^256.
// Every rounding widens the spread: the protocol's favour.  h never reverts: e is compared
// with cap - base (base <= cap) before it is added, so a huge slope saturates at the cap
// (an earlier version computed base + e first, which reverted for slope near 2^256).
#pragma once

#include <algorithm>
#include <string>

#include "cushion/errors.hpp"
#include "cushion/spread/stress_level.hpp"

namespace cushion::spread {

/// 10_000 basis points == 1.
inline constexpr std::uint64_t kBpsDenominator = 10000;

template <num::NumberPolicy Num>
class HalfSpread {
 public:
  using number_policy = Num;
  using value_type = typename Num::value_type;

  /// The documented defaults: 30 bps at rest, +470 bps at full stress, linear, capped at
  /// 500 bps (f64: 0.003, 0.047, 1, 0.05; exact: 30, 470, 1, 500).
  HalfSpread() {
    const Params p = defaults();  // valid by construction: no checks on this (hot, default) path
    base_ = p.base;
    slope_ = p.slope;
    exponent_ = p.exponent;
    cap_ = p.cap;
  }

  /// f64: fractions; exact: basis points (cap_bps < 10_000) and an integer exponent.
  HalfSpread(value_type base, value_type slope, value_type exponent, value_type cap)
      : base_(base), slope_(slope), exponent_(exponent), cap_(cap) {
    if constexpr (Num::is_exact) {
      if (!(cap_ < num::uint256(kBpsDenominator)))
        throw InvalidArgument("cap must be < 10000 bps (a half-spread of 100% would bid zero)");
      if (base_ > cap_) throw InvalidArgument("base must be <= cap");
    } else {
      check_fraction(base_, "base");
      check_fraction(slope_, "slope");
      check_fraction(cap_, "cap");
      if (!(cap_ < 1.0)) throw InvalidArgument("cap must be < 1 (a half-spread of 100% would bid zero)");
      if (base_ > cap_) throw InvalidArgument("base must be <= cap");
      if (!std::isfinite(slope_)) throw InvalidArgument("slope must be finite");
    }
    check_exponent<Num>(exponent_, "exponent");
  }

  const value_type& base() const noexcept { return base_; }
  const value_type& slope() const noexcept { return slope_; }
  const value_type& exponent() const noexcept { return exponent_; }
  const value_type& cap() const noexcept { return cap_; }

  /// h(s): a fraction in f64, basis points (rounded up) in exact mode.
  value_type at(const value_type& s) const {
    check_stress<Num>(s);
    return at_unchecked(s);
  }

  /// h(s) for an s already known to be in range (the hot path of a simulation).
  value_type at_unchecked(const value_type& s) const {
    const value_type sp = stress_pow<Num>(s, exponent_);
    if constexpr (Num::is_exact) {
      // min(cap, base + ceil(slope * s^p / 1e18)); ceil widens.  The product is <= slope (s^p
      // <= 1e18) and is compared with cap - base (no underflow: base <= cap) before adding, so
      // nothing can overflow and a slope near 2^256 saturates at the cap instead of reverting.
      const value_type extra = num::mul_div(slope_, sp, num::kWad, num::Rounding::up);
      return extra < cap_ - base_ ? base_ + extra : cap_;
    } else {
      return std::min(cap_, base_ + slope_ * sp);
    }
  }

  /// What the pool charges a buyer for `value` of curve value: value (1 + h), rounded up.
  value_type widen_buy(const value_type& value, const value_type& h) const {
    if constexpr (Num::is_exact) {
      return num::mul_div(value, num::uint256(kBpsDenominator) + h, num::uint256(kBpsDenominator), num::Rounding::up);
    } else {
      return value * (1.0 + h);
    }
  }

  /// What the pool pays a seller for `value` of curve value: value (1 - h), rounded down.
  /// h <= cap < 1 (10_000 bps), so 10_000 - h never underflows.
  value_type widen_sell(const value_type& value, const value_type& h) const {
    if constexpr (Num::is_exact) {
      return num::mul_div(value, num::uint256(kBpsDenominator) - h, num::uint256(kBpsDenominator), num::Rounding::down);
    } else {
      return value * (1.0 - h);
    }
  }

  value_type ask(const value_type& mid, const value_type& s) const { return widen_buy(mid, at(s)); }
  value_type bid(const value_type& mid, const value_type& s) const { return widen_sell(mid, at(s)); }

  friend bool operator==(const HalfSpread&, const HalfSpread&) = default;

 private:
  struct Params {
    value_type base, slope, exponent, cap;
  };
  static Params defaults() {
    if constexpr (Num::is_exact)
      return {num::uint256(30u), num::uint256(470u), num::uint256(1u), num::uint256(500u)};
    else
      return {0.003, 0.047, 1.0, 0.05};
  }

  static void check_fraction(double v, const char* name) {
    if (!(std::isfinite(v) && v >= 0.0)) throw InvalidArgument(std::string(name) + " must be a finite number >= 0");
  }

  value_type base_{};
  value_type slope_{};
  value_type exponent_{};
  value_type cap_{};
};

}  // namespace cushion::spread
