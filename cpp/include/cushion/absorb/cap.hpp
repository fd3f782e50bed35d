// cushion/absorb/cap.hpp — how much the cushion may absorb, as a function of stress.
//
// Four limits, each optional: items and notional (what the cushion pays out) per block, and
// items and notional over a rolling window of W blocks (the current block and the W - 1
// before it).  Each shrinks from its calm value to its severe value as stress rises:
//
//   cap(s) = calm - (calm - severe) s^q            (severe <= calm, q the exponent)
//
// q = 1 is a straight line; q > 1 keeps the cap near calm until stress is high; q < 1
// (f64 only) cuts it early.  An unlimited limit is inf (f64) or 2^256 - 1 (exact) for both
// calm and severe, and stays unlimited at every s.
//
// Exact arithmetic (integers; s a WAD; q an integer in [0, 64]):
//   sq  = s^q, every step rounded UP (see spread/stress_level.hpp)
//   cut = mulDivUp(calm - severe, sq, 1e18)       FullMath; <= calm - severe, cannot revert
//   cap = calm - cut                              >= severe, cannot underflow
// Rounding the cut up makes the cap smaller: the protocol's favour (absorb less).
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "cushion/errors.hpp"
#include "cushion/spread/stress_level.hpp"

namespace cushion::absorb {

/// Which limit stopped a fill (bit flags; several may bind at once).
enum class Limit : std::uint8_t {
  none = 0,
  block_items = 1,
  block_notional = 2,
  window_items = 4,
  window_notional = 8,
  curve = 16,        ///< the curve could not take more (price floor, error or revert for more items)
  whole_items = 32,  ///< the fractional part of the order was returned (whole-item fills)
};
inline constexpr std::uint8_t operator|(std::uint8_t a, Limit b) { return a | static_cast<std::uint8_t>(b); }

/// One limit's calm and severe values.
template <num::NumberPolicy Num>
struct CapRange {
  using value_type = typename Num::value_type;
  value_type calm = unlimited();
  value_type severe = unlimited();

  static value_type unlimited() {
    if constexpr (Num::is_exact)
      return num::uint256::max();
    else
      return std::numeric_limits<double>::infinity();
  }
  bool is_unlimited() const { return calm == unlimited(); }

  void validate(const char* name) const {
    if constexpr (!Num::is_exact) {
      if (!(calm >= 0.0 && severe >= 0.0)) throw InvalidArgument(std::string(name) + " caps must be >= 0");
    }
    if (is_unlimited() != (severe == unlimited()))
      throw InvalidArgument(std::string(name) + ": calm and severe must both be unlimited or both finite");
    if (severe > calm) throw InvalidArgument(std::string(name) + ": severe must be <= calm (caps shrink with stress)");
  }

  /// cap(s) for a precomputed sp = s^q (rounded up in exact mode).
  value_type at_power(const value_type& sp) const {
    if (is_unlimited()) return calm;
    if constexpr (Num::is_exact) {
      return calm - num::mul_div(calm - severe, sp, num::kWad, num::Rounding::up);
    } else {
      const double c = calm - (calm - severe) * sp;
      return c < severe ? severe : c;  // guards rounding only
    }
  }

  friend bool operator==(const CapRange&, const CapRange&) = default;
};

/// The four limits, the window length and the stress exponent.
template <num::NumberPolicy Num>
class AbsorptionCap {
 public:
  using value_type = typename Num::value_type;
  using range_type = CapRange<Num>;

  /// Everything unlimited, window 300 blocks, q = 1.
  AbsorptionCap() = default;
  AbsorptionCap(range_type block_items, range_type block_notional, range_type window_items, range_type window_notional,
                std::uint32_t window_blocks, value_type exponent)
      : block_items_(block_items),
        block_notional_(block_notional),
        window_items_(window_items),
        window_notional_(window_notional),
        window_blocks_(window_blocks),
        exponent_(exponent) {
    block_items_.validate("block_items");
    block_notional_.validate("block_notional");
    window_items_.validate("window_items");
    window_notional_.validate("window_notional");
    if (window_blocks_ < 1) throw InvalidArgument("window_blocks must be >= 1");
    if (window_blocks_ > kMaxWindow) throw InvalidArgument("window_blocks must be <= 1000000");
    spread::check_exponent<Num>(exponent_, "exponent");
  }

  static constexpr std::uint32_t kMaxWindow = 1000000;

  const range_type& block_items() const noexcept { return block_items_; }
  const range_type& block_notional() const noexcept { return block_notional_; }
  const range_type& window_items() const noexcept { return window_items_; }
  const range_type& window_notional() const noexcept { return window_notional_; }
  std::uint32_t window_blocks() const noexcept { return window_blocks_; }
  const value_type& exponent() const noexcept { return exponent_; }

  /// The four limits at stress s.
  struct Limits {
    value_type block_items, block_notional, window_items, window_notional;
  };
  Limits at(const value_type& s) const {
    spread::check_stress<Num>(s);
    return at_unchecked(s);
  }
  Limits at_unchecked(const value_type& s) const {
    const value_type sp = spread::stress_pow<Num>(s, exponent_);
    return {block_items_.at_power(sp), block_notional_.at_power(sp), window_items_.at_power(sp),
            window_notional_.at_power(sp)};
  }

  friend bool operator==(const AbsorptionCap&, const AbsorptionCap&) = default;

 private:
  range_type block_items_{}, block_notional_{}, window_items_{}, window_notional_{};
  std::uint32_t window_blocks_ = 300;
  value_type exponent_ = one_exponent();

  static value_type one_exponent() {
    if constexpr (Num::is_exact)
      return num::uint256(1u);
    else
      return 1.0;
  }
};

}  // namespace cushion::absorb
