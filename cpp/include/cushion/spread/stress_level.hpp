// cushion/spread/stress_level.hpp — the stress level s in [0, 1] as each number policy
// carries it, and the one power of it that spreads and caps take.
//
//   F64     s is a double in [0, 1].
//   Evm256  s is a WAD integer in [0, 1e18] (1e18 == fully stressed).  An off-chain
//           keeper computes the index in f64 and pushes ceil(s * 1e18) (to_stress_wad:
//           rounded up, so the pushed stress is never below the computed one).
//
// Everything that depends on stress is monotone in it, so rounding s (or s^p) up is the
// protocol's favour: wider spreads, smaller absorption caps.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>

#include "cushion/errors.hpp"
#include "cushion/num/mul_div.hpp"
#include "cushion/num/policy.hpp"

namespace cushion::spread {

/// The largest integer exponent the exact mode accepts for s^p (a loop of p mulDivUp
/// steps on chain; 64 keeps the gas bounded and is far beyond any useful curvature).
inline constexpr unsigned kMaxExactExponent = 64;

/// s = 1 in the policy's units (1.0 or 1e18).
template <num::NumberPolicy Num>
typename Num::value_type full_stress() {
  return Num::unit();
}

/// Throws InvalidArgument unless s is a stress level: 0 <= s <= 1 (f64, not NaN) or
/// s <= 1e18 (exact).  The Solidity counterpart is `require(s <= 1e18)`.
template <num::NumberPolicy Num>
void check_stress(const typename Num::value_type& s, const char* name = "stress") {
  if constexpr (Num::is_exact) {
    if (s > num::kWad) throw InvalidArgument(std::string(name) + " must be <= 1e18 (a WAD in [0, 1])");
  } else {
    if (!(s >= 0.0 && s <= 1.0)) throw InvalidArgument(std::string(name) + " must be in [0, 1]");
  }
}

/// s^p.
///   F64:    std::pow(s, p) for any real p > 0 (integer p in 1..4 multiplied out, which
///           is exact-ish and fast).
///   Evm256: p is an integer in [0, 64]; t_0 = 1e18, t_i = ceil(t_{i-1} * s / 1e18)
///           (FullMath.mulDivRoundingUp; t, s <= 1e18 so nothing can overflow), i.e. every
///           step rounds up and the result is >= the true s^p: the protocol's favour for
///           any quantity that grows with stress.  p = 0 gives 1e18 (even for s = 0).
template <num::NumberPolicy Num>
typename Num::value_type stress_pow(const typename Num::value_type& s, const typename Num::value_type& p) {
  if constexpr (Num::is_exact) {
    typename Num::value_type t = num::kWad;
    const unsigned n = static_cast<unsigned>(p.limb(0));  // validated <= 64 by the owners of p
    for (unsigned i = 0; i < n; ++i) t = num::mul_div(t, s, num::kWad, num::Rounding::up);
    return t;
  } else {
    if (p == 1.0) return s;
    if (p == 2.0) return s * s;
    if (p == 3.0) return s * s * s;
    if (p == 4.0) {
      const double s2 = s * s;
      return s2 * s2;
    }
    return std::pow(s, p);
  }
}

/// Validates an exponent: f64 finite and > 0; exact an integer in [0, 64].
template <num::NumberPolicy Num>
void check_exponent(const typename Num::value_type& p, const char* name) {
  if constexpr (Num::is_exact) {
    if (p > num::uint256(kMaxExactExponent))
      throw InvalidArgument(std::string(name) + " must be an integer in [0, 64] in exact mode");
  } else {
    if (!(std::isfinite(p) && p > 0.0)) throw InvalidArgument(std::string(name) + " must be a finite number > 0");
  }
}

/// ceil(s * 1e18) for a double s in [0, 1], computed exactly from s's binary expansion
/// (s = m * 2^e with a 53-bit m): the WAD a keeper pushes on chain, never below s.
inline num::uint256 to_stress_wad(double s) {
  check_stress<num::F64>(s);
  if (s == 0.0) return num::uint256();
  int e = 0;
  const double frac = std::frexp(s, &e);                            // s = frac * 2^e, frac in [0.5, 1)
  const auto m = static_cast<std::uint64_t>(std::ldexp(frac, 53));  // exact: 53 significant bits
  const int shift = 53 - e;                                         // s = m / 2^shift, shift >= 53
  // s * 1e18 = m * 1e18 / 2^shift; m * 1e18 < 2^113, so the product fits in 128 bits.
  const num::u128 product = static_cast<num::u128>(m) * num::kWad64;
  if (shift >= 128) return num::uint256(1u);  // 0 < s * 1e18 < 1: rounds up to 1
  const num::u128 q = product >> shift;
  const bool inexact = (q << shift) != product;
  return num::uint256::from_u128(q + (inexact ? 1 : 0));
}

}  // namespace cushion::spread
