// cushion/curves/dynamics.hpp — a curve's mid price, and how it recovers toward a
// reference (oracle) price between blocks.
//
// Recovery model (every curve type): the dislocation of the curve's mid from the reference
// decays by a = exp(-rho tau) per block, and the reference itself may move:
//
//     mid_{k+1} = ref_{k+1} + a (mid_k - ref_k)
//
// (a = 1: impact is permanent and the curve moves with the reference; a = 0: the curve
// snaps to the reference every block; constant ref: Obizhaeva-Wang resilience).  The new
// mid is mapped back onto the curve's state by CurveDynamics<Curve>::with_mid:
//
//   curve        mid (before fees)                 with_mid(p) moves
//   Linear       spot + delta / 2                  spot = max(0, p - delta / 2)
//   Exponential  spot (1 + delta) / 2              spot = 2 p / (1 + delta)
//   XYK          x / y                             reserves along x y = k: x = sqrt(k p), y = k / x
//   GDA          spot (the geometric mean of the   spot = p (t0, now unchanged; the auction's
//                first buy spot/d, first sell s*d)  own clock is left to the caller)
//   WeightedXYK  vB / vN (a floor item's price)     reserves along vB vN = k, as XYK
//
// i.e. a bonding curve's spot relaxes exponentially toward the reference, and an XYK pool
// is walked back along its invariant (what arbitrageurs trading against the oracle do).
// f64 only.  Other curves (a basket, a model market) join by specialising CurveDynamics.
#pragma once

#include <algorithm>
#include <cmath>
#include <concepts>

#include "cushion/curves/exponential.hpp"
#include "cushion/curves/gda.hpp"
#include "cushion/curves/linear.hpp"
#include "cushion/curves/weighted_xyk.hpp"
#include "cushion/curves/xyk.hpp"

namespace cushion::curves {

/// Specialise with `static double mid(const Curve&)` and `static Curve with_mid(const Curve&, double)`.
template <class Curve>
struct CurveDynamics;

template <class Curve>
concept RecoveringCurve = requires(const Curve& c, double p) {
  { CurveDynamics<Curve>::mid(c) } -> std::convertible_to<double>;
  { CurveDynamics<Curve>::with_mid(c, p) } -> std::convertible_to<Curve>;
};

template <>
struct CurveDynamics<Linear<num::F64>> {
  using C = Linear<num::F64>;
  static double mid(const C& c) { return c.spot_price() + 0.5 * c.delta(); }
  static C with_mid(const C& c, double p) { return c.with_spot(std::max(0.0, p - 0.5 * c.delta())); }
};

template <>
struct CurveDynamics<Exponential<num::F64>> {
  using C = Exponential<num::F64>;
  static double mid(const C& c) { return 0.5 * c.spot_price() * (1.0 + c.delta()); }
  static C with_mid(const C& c, double p) { return c.with_spot(std::max(0.0, 2.0 * p / (1.0 + c.delta()))); }
};

template <>
struct CurveDynamics<XYK<num::F64>> {
  using C = XYK<num::F64>;
  static double mid(const C& c) { return c.token_reserve() / c.nft_reserve(); }
  static C with_mid(const C& c, double p) {
    if (!(p > 0.0)) return c;  // a zero price has no point on the invariant
    // x' = sqrt(k p) and y' = k / x' (= sqrt(k / p)).
    const double k = c.token_reserve() * c.nft_reserve();
    const double x = std::sqrt(k * p);
    return c.with_reserves(x, k / x);
  }
  /// relax() without forming the mid: with p' = ref' + a (x / y - ref), k p' = k (ref' - a ref)
  /// + a x^2, so x' = sqrt(k (ref' - a ref) + a x^2) and y' = k / x'.  The same state as
  /// with_mid(c, p') with one division fewer on the block-to-block dependency chain (the
  /// simulator's critical path).
  static C relax(const C& c, double reference_now, double reference_next, double decay) {
    const double x = c.token_reserve(), k = x * c.nft_reserve();
    const double kp = k * (reference_next - decay * reference_now) + decay * x * x;
    if (!(kp > 0.0)) return c;
    const double x_next = std::sqrt(kp);
    return c.with_reserves(x_next, k / x_next);
  }
};

template <>
struct CurveDynamics<GDA<num::F64>> {
  using C = GDA<num::F64>;
  static double mid(const C& c) { return c.spot_price(); }
  static C with_mid(const C& c, double p) { return c.with_spot(std::max(0.0, p)); }
};

template <>
struct CurveDynamics<WeightedXYK<num::F64>> {
  using C = WeightedXYK<num::F64>;
  static double mid(const C& c) { return c.base_reserve() / c.nft_reserve(); }
  static C with_mid(const C& c, double p) {
    if (!(p > 0.0)) return c;  // a zero price has no point on the invariant
    const double k = c.base_reserve() * c.nft_reserve();
    const double x = std::sqrt(k * p);
    return c.with_reserves(x, k / x);
  }
};

/// The curve one block later: its mid relaxed toward the reference (see the file comment).
/// A CurveDynamics may provide its own `relax` computing the same state faster.
template <RecoveringCurve Curve>
Curve relax(const Curve& c, double reference_now, double reference_next, double decay) {
  if (decay == 1.0 && reference_next == reference_now) return c;  // nothing moves
  if constexpr (requires { CurveDynamics<Curve>::relax(c, reference_now, reference_next, decay); }) {
    return CurveDynamics<Curve>::relax(c, reference_now, reference_next, decay);
  } else {
    const double mid = CurveDynamics<Curve>::mid(c);
    const double target = reference_next + decay * (mid - reference_now);
    if (target == mid) return c;
    return CurveDynamics<Curve>::with_mid(c, target);
  }
}

}  // namespace cushion::curves
